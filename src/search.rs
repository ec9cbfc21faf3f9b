//! Searching a text for many fixed strings in one pass.

use aho_corasick::{AhoCorasick, Input, Match};

/// Every place in `haystack` where one of `searcher`'s patterns starts, in
/// order: a leftmost-first search restarted one byte after each place found,
/// so a pattern is found inside another's match too. Where two patterns
/// start at the same place only the one the searcher prefers is given: the
/// callers keep sets of patterns of which none begins another.
pub(crate) fn starts<'a>(
    searcher: &'a AhoCorasick,
    haystack: &'a [u8],
) -> impl Iterator<Item = Match> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        if from > haystack.len() {
            return None;
        }
        let found = searcher.find(Input::new(haystack).range(from..))?;
        from = found.start() + 1;
        Some(found)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::MatchKind;

    fn places(patterns: &[&str], text: &str) -> Vec<(usize, usize)> {
        let searcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(patterns)
            .expect("patterns build");
        starts(&searcher, text.as_bytes())
            .map(|found| (found.pattern().as_usize(), found.start()))
            .collect()
    }

    #[test]
    fn finds_every_start_also_inside_another_match() {
        // `aa` three times in `aaaa`, and `ab` inside `xaby`'s match.
        assert_eq!(places(&["aa"], "aaaa"), [(0, 0), (0, 1), (0, 2)]);
        assert_eq!(places(&["xaby", "ab"], "xaby ab"), [(0, 0), (1, 1), (1, 5)]);
    }

    #[test]
    fn agrees_with_one_search_per_pattern() {
        let patterns = ["sleep(", "time.", "asyncio", "ncio.s", "e.sl"];
        let text = "import time, asyncio\ntime.sleep(1); asyncio.sleep(2)\nxtime.sleepy(";
        let mut one_by_one: Vec<(usize, usize)> = patterns
            .iter()
            .enumerate()
            .flat_map(|(number, pattern)| {
                text.match_indices(pattern)
                    .map(move |(at, _)| (number, at))
                    .collect::<Vec<_>>()
            })
            .collect();
        one_by_one.sort_by_key(|&(_, at)| at);
        assert_eq!(places(&patterns, text), one_by_one);
    }

    #[test]
    fn nothing_in_an_empty_text() {
        assert!(places(&["a"], "").is_empty());
    }
}
