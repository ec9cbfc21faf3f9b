//! Which codemods run: layers of `select` / `ignore` / `extend-select`
//! (the configuration's, then the flags'), applied as ruff applies them. A
//! layer with `select` replaces the selection; one without changes it. In a
//! layer, a more specific selector wins (`AM001` over `AM0`), and at the same
//! specificity `ignore` wins.

use crate::codemods::{ALL, Codemod, resolve_selector};

/// A code, a code prefix, a name or `ALL`, resolved.
#[derive(Debug, Clone)]
pub struct Selector {
    codemods: Vec<&'static Codemod>,
    /// `ALL` 0, a prefix its length, a whole code or a name the most.
    specificity: usize,
}

impl Selector {
    /// `None` for an empty string (`--ignore ""` selects nothing).
    pub fn parse(text: &str) -> Result<Option<Selector>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let codemods = resolve_selector(text).ok_or_else(|| {
            format!(
                "unknown codemod `{text}`: expected a code, a name or a code prefix (see `asyncmod list`)"
            )
        })?;
        let specificity = if text.eq_ignore_ascii_case("ALL") {
            0
        } else if ALL
            .iter()
            .any(|c| c.name == text || c.code.eq_ignore_ascii_case(text))
        {
            usize::MAX
        } else {
            text.len()
        };
        Ok(Some(Selector {
            codemods,
            specificity,
        }))
    }

    /// Parses a list, failing on the first unknown selector.
    pub fn parse_all(texts: &[String]) -> Result<Vec<Selector>, String> {
        let mut out = Vec::new();
        for text in texts {
            out.extend(Selector::parse(text)?);
        }
        Ok(out)
    }
}

/// One layer of selection.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Option<Vec<Selector>>,
    pub ignore: Vec<Selector>,
    pub extend_select: Vec<Selector>,
}

/// The codemods the layers leave selected, in registry order. Before the
/// first layer every codemod is selected.
pub fn apply(layers: &[&Selection]) -> Vec<&'static Codemod> {
    let index = |codemod: &Codemod| ALL.iter().position(|c| c.code == codemod.code);
    let mut selected = vec![true; ALL.len()];
    let mut carried: Option<Vec<Selector>> = None;
    for layer in layers {
        // `select = []` with only `ignore` hands its ignores to the next
        // layer (as ruff does), so they are not lost to an empty select.
        let carried_ignores = carried.take();
        let mut updates: Vec<Option<bool>> = vec![None; ALL.len()];
        let enabling = layer.select.iter().flatten().chain(&layer.extend_select);
        let disabling = layer.ignore.iter().chain(carried_ignores.iter().flatten());
        let mut levels: Vec<usize> = enabling
            .clone()
            .chain(disabling.clone())
            .map(|s| s.specificity)
            .collect();
        levels.sort_unstable();
        levels.dedup();
        for level in levels {
            for (selector, enable) in enabling
                .clone()
                .map(|s| (s, true))
                .chain(disabling.clone().map(|s| (s, false)))
            {
                if selector.specificity != level {
                    continue;
                }
                for codemod in &selector.codemods {
                    if let Some(slot) = index(codemod).and_then(|i| updates.get_mut(i)) {
                        *slot = Some(enable);
                    }
                }
            }
        }
        match &layer.select {
            Some(select) => {
                selected = updates.iter().map(|u| *u == Some(true)).collect();
                if select.is_empty() && layer.extend_select.is_empty() && !layer.ignore.is_empty() {
                    carried = Some(layer.ignore.clone());
                }
            }
            None => {
                for (slot, update) in selected.iter_mut().zip(&updates) {
                    if let Some(enable) = update {
                        *slot = *enable;
                    }
                }
            }
        }
    }
    ALL.iter()
        .zip(selected)
        .filter_map(|(codemod, on)| on.then_some(*codemod))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(select: Option<&[&str]>, ignore: &[&str], extend: &[&str]) -> Selection {
        let parse = |list: &[&str]| {
            Selector::parse_all(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
        };
        Selection {
            select: select.map(parse),
            ignore: parse(ignore),
            extend_select: parse(extend),
        }
    }

    fn codes(layers: &[&Selection]) -> Vec<&'static str> {
        apply(layers).iter().map(|c| c.code).collect()
    }

    #[test]
    fn flags_layer_over_the_configuration() {
        let config = layer(Some(&["AM00"]), &["AM001"], &[]);
        assert_eq!(codes(&[&config]), ["AM002", "AM003", "AM004", "AM005"]);
        // `--ignore` adds to what the file ignores.
        let flags = layer(None, &["AM004"], &[]);
        assert_eq!(codes(&[&config, &flags]), ["AM002", "AM003", "AM005"]);
        // `--extend-select` brings one back.
        let flags = layer(None, &[], &["AM001"]);
        assert_eq!(
            codes(&[&config, &flags]),
            ["AM001", "AM002", "AM003", "AM004", "AM005"]
        );
        // `--select` replaces the file's selection, its ignores with it.
        let flags = layer(Some(&["AM001", "AM002"]), &[], &[]);
        assert_eq!(codes(&[&config, &flags]), ["AM001", "AM002"]);
    }

    #[test]
    fn the_more_specific_selector_wins_within_a_layer() {
        let one = layer(Some(&["AM001"]), &["AM0"], &[]);
        assert_eq!(codes(&[&one]), ["AM001"]);
        let one = layer(Some(&["AM0"]), &["AM00"], &["sleep-in-async"]);
        assert!(codes(&[&one]).contains(&"AM001"));
        assert!(!codes(&[&one]).contains(&"AM002"));
        // Same specificity: ignore wins.
        let one = layer(Some(&["AM001"]), &["AM001"], &[]);
        assert!(codes(&[&one]).is_empty());
    }

    #[test]
    fn empty_select_hands_its_ignores_on() {
        let config = layer(Some(&[]), &["AM001"], &[]);
        let flags = layer(Some(&["AM00"]), &[], &[]);
        assert_eq!(
            codes(&[&config, &flags]),
            ["AM002", "AM003", "AM004", "AM005"]
        );
    }

    #[test]
    fn unknown_selectors_are_errors_and_empty_ones_nothing() {
        assert!(Selector::parse("AM999").is_err());
        assert!(Selector::parse("  ").unwrap().is_none());
    }
}
