//! Fuzzes the fix pipeline: any UTF-8 input, any subset of codemods (chosen
//! by the first bytes), unsafe fixes on, any target. Processing must never
//! panic; when it rewrites, the output must parse and a second run must
//! change nothing.
#![no_main]

use asyncmod::codemods::ALL;
use asyncmod::engine::{Mode, parse, process_source};
use asyncmod::settings::RuleSettings;
use asyncmod::version::PyVersion;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (selector, target, text) = match data {
        [a, b, c, rest @ ..] => (u32::from(*a) | u32::from(*b) << 8, *c, rest),
        _ => return,
    };
    let Ok(source) = std::str::from_utf8(text) else { return };
    let codemods: Vec<_> = ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| selector == 0 || selector & (1 << (i % 16)) != 0)
        .map(|(_, c)| *c)
        .collect();
    let mut rules = RuleSettings::for_codemods(&codemods);
    rules.unsafe_fixes = true;
    let targets: Vec<PyVersion> = PyVersion::targets().collect();
    rules.options.target_version = targets[usize::from(target) % targets.len()];

    let _ = process_source(source, &rules, Mode::Check);
    if let Ok(outcome) = process_source(source, &rules, Mode::Fix)
        && let Some(fixed) = outcome.fixed
    {
        assert!(parse(&fixed).is_ok(), "the output does not parse:\n{fixed}");
        let again = process_source(&fixed, &rules, Mode::Fix).expect("the output processes");
        assert!(again.fixed.is_none(), "not idempotent:\n{fixed}");
    }
});
