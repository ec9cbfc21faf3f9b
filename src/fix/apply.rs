//! Applying one round of fixes: in order of position, skipping any fix that
//! overlaps one already taken (the next round recomputes it from the new text).

use std::collections::BTreeSet;

use ruff_text_size::TextSize;
use rustc_hash::{FxHashMap, FxHashSet};

use super::edit::{Edit, Fix, ImportRemoval};

/// The text after one round, and what went into it.
#[derive(Debug)]
pub struct Applied {
    pub text: String,
    /// How many fixes of each codemod were applied.
    pub counts: FxHashMap<&'static str, usize>,
    pub removals: Vec<ImportRemoval>,
    /// The edits taken, sorted.
    pub edits: Vec<Edit>,
}

impl Applied {
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }
}

/// Applies every fix that does not overlap one applied before it, ordered by
/// (start, code). An edit identical to one already taken (two fixes adding the
/// same `import asyncio`) is shared, not a conflict. Taken edits are kept
/// ordered, so checking a fix costs a logarithm, not a scan: a generated file
/// with a hundred thousand fixes must not take quadratic time.
pub fn apply_fixes<'f>(
    source: &str,
    fixes: impl IntoIterator<Item = (&'static str, &'f Fix)>,
) -> Applied {
    let mut fixes: Vec<_> = fixes
        .into_iter()
        .filter(|(_, fix)| !fix.edits.is_empty())
        .collect();
    fixes
        .sort_by_cached_key(|(code, fix)| (fix.edits.iter().map(|e| e.range.start()).min(), *code));

    let mut taken = TakenEdits::default();
    let mut counts: FxHashMap<&'static str, usize> = FxHashMap::default();
    let mut removals = Vec::new();
    for (code, fix) in fixes {
        if fix.edits.iter().any(|edit| taken.conflicts(edit)) {
            continue;
        }
        // A fix whose every edit another fix already made (two findings with
        // one shared rewrite) applies nothing new: it is not counted again.
        let novel = fix.edits.iter().any(|edit| !taken.identical.contains(edit));
        for edit in &fix.edits {
            taken.insert(edit);
        }
        if novel {
            *counts.entry(code).or_default() += 1;
        }
        removals.extend(fix.removals.iter().cloned());
    }

    let edits = taken.into_sorted();
    Applied {
        text: splice(source, edits.iter()),
        counts,
        removals,
        edits,
    }
}

/// The edits taken so far, ordered by (start, end, arrival). They never
/// conflict with each other, so their ends rise with their starts.
#[derive(Default)]
struct TakenEdits<'f> {
    order: BTreeSet<(TextSize, TextSize, usize)>,
    edits: Vec<&'f Edit>,
    identical: FxHashSet<&'f Edit>,
}

impl<'f> TakenEdits<'f> {
    fn insert(&mut self, edit: &'f Edit) {
        if self.identical.insert(edit) {
            self.order
                .insert((edit.range.start(), edit.range.end(), self.edits.len()));
            self.edits.push(edit);
        }
    }

    fn conflicts(&self, edit: &Edit) -> bool {
        if self.identical.contains(edit) {
            return false;
        }
        let start = edit.range.start();
        let end = edit.range.end();
        let clash = |&(_, _, i): &(TextSize, TextSize, usize)| edits_conflict(self.edits[i], edit);
        // Taken edits that start inside (or at either end of) this one…
        if self
            .order
            .range((start, TextSize::new(0), 0)..=(end, TextSize::new(u32::MAX), usize::MAX))
            .any(clash)
        {
            return true;
        }
        // …and those before it that reach up to its start.
        self.order
            .range(..(start, TextSize::new(0), 0))
            .rev()
            .take_while(|(_, taken_end, _)| *taken_end >= start)
            .any(clash)
    }

    fn into_sorted(self) -> Vec<Edit> {
        self.order
            .into_iter()
            .map(|(_, _, i)| self.edits[i].clone())
            .collect()
    }
}

/// Whether two edits from different fixes cannot both apply in one round.
fn edits_conflict(a: &Edit, b: &Edit) -> bool {
    match (a.is_insertion(), b.is_insertion()) {
        // Two insertions at one point: their order would be a guess.
        (true, true) => a.range.start() == b.range.start(),
        // An insertion at either end of (or inside) a replacement from another fix.
        (true, false) => b.range.contains_inclusive(a.range.start()),
        (false, true) => a.range.contains_inclusive(b.range.start()),
        (false, false) => a.range.start() < b.range.end() && b.range.start() < a.range.end(),
    }
}

/// Builds the new text from sorted, non-conflicting edits.
pub fn splice<'e>(source: &str, edits: impl IntoIterator<Item = &'e Edit>) -> String {
    let mut output = String::with_capacity(source.len() + 64);
    let mut last = 0usize;
    for edit in edits {
        let start = edit.range.start().to_usize();
        let end = edit.range.end().to_usize();
        if start < last || end > source.len() {
            debug_assert!(false, "edits out of order: {edit:?}");
            continue;
        }
        output.push_str(&source[last..start]);
        output.push_str(&edit.content);
        last = end;
    }
    output.push_str(&source[last..]);
    output
}

#[cfg(test)]
mod tests {
    use ruff_text_size::{TextRange, TextSize};

    use super::*;
    use crate::fix::Applicability;
    use crate::version::PyVersion;

    fn fix(edits: Vec<Edit>) -> Fix {
        Fix {
            title: String::new(),
            edits,
            applicability: Applicability::Safe,
            min_python: PyVersion::ANY,
            removals: Vec::new(),
        }
    }

    fn range(start: u32, end: u32) -> TextRange {
        TextRange::new(TextSize::new(start), TextSize::new(end))
    }

    /// `source` with two fixes of one codemod applied in this order, and
    /// how many of them counted.
    fn apply_two(source: &str, first: Vec<Edit>, second: Vec<Edit>) -> (String, usize) {
        let (first, second) = (fix(first), fix(second));
        let applied = apply_fixes(source, [("AM001", &first), ("AM001", &second)]);
        let total = applied.total();
        (applied.text, total)
    }

    #[test]
    fn applies_non_overlapping_and_shares_identical_edits() {
        let import = Edit::insertion(TextSize::new(0), "X");
        let one = vec![import.clone(), Edit::replacement(range(1, 2), "B")];
        let two = vec![import, Edit::replacement(range(3, 4), "D")];
        assert_eq!(apply_two("abcdef", one, two), ("XaBcDef".to_string(), 2));
    }

    #[test]
    fn a_fix_that_adds_nothing_new_is_not_counted() {
        let edit = Edit::replacement(range(0, 1), "A");
        let applied = apply_two("abc", vec![edit.clone()], vec![edit]);
        assert_eq!(applied, ("Abc".to_string(), 1));
    }

    #[test]
    fn skips_an_overlapping_fix() {
        let one = vec![Edit::replacement(range(1, 4), "_")];
        let two = vec![Edit::replacement(range(3, 5), "-")];
        assert_eq!(apply_two("abcdef", two, one), ("a_ef".to_string(), 1));
    }

    #[test]
    fn insertions_at_one_point_conflict_unless_identical() {
        let one = vec![Edit::insertion(TextSize::new(1), "1")];
        let two = vec![Edit::insertion(TextSize::new(1), "2")];
        let (text, total) = apply_two("abc", one, two);
        assert_eq!((text.len(), total), (4, 1));
    }

    #[test]
    fn insertion_before_replacement_in_one_fix() {
        let source = "time.sleep(1)";
        let one = fix(vec![
            Edit::insertion(TextSize::new(0), "await "),
            Edit::replacement(range(0, 10), "asyncio.sleep"),
        ]);
        assert_eq!(
            apply_fixes(source, [("AM001", &one)]).text,
            "await asyncio.sleep(1)"
        );
    }
}
