//! Helpers for a codemod's unit tests: run it alone (unsafe fixes on, the
//! default target) and assert the output, that it parses, and that a second
//! run changes nothing.

use crate::codemods::Codemod;
use crate::engine::RuleSettings;
use crate::engine::{Mode, parse, process_source};
use crate::fix::Context;
use crate::semantic::SemanticModel;
use crate::version::PyVersion;

/// The outcome of a `fix` run of `codemod` alone over `source`, unsafe fixes included.
pub fn run(codemod: &'static Codemod, source: &str) -> crate::engine::SourceOutcome {
    let rules = RuleSettings::for_codemods(&[codemod]);
    process_source(source, &rules, Mode::Fix)
        .unwrap_or_else(|e| panic!("{} failed: {e:?}\n{source}", codemod.code))
}

/// [`run`] without `--unsafe-fixes`.
pub fn run_without_unsafe_fixes(
    codemod: &'static Codemod,
    source: &str,
) -> crate::engine::SourceOutcome {
    let mut rules = RuleSettings::for_codemods(&[codemod]);
    rules.unsafe_fixes = false;
    process_source(source, &rules, Mode::Fix)
        .unwrap_or_else(|e| panic!("{} failed: {e:?}\n{source}", codemod.code))
}

/// Asserts that `before` becomes `after`, that `after` parses, and that a
/// second run leaves it alone.
#[track_caller]
pub fn check_fix(codemod: &'static Codemod, before: &str, after: &str) {
    let outcome = run(codemod, before);
    let fixed = outcome.fixed.unwrap_or_else(|| before.to_string());
    assert_eq!(
        fixed, after,
        "\n--- expected ---\n{after}\n--- got ---\n{fixed}"
    );
    assert!(parse(&fixed).is_ok(), "output does not parse:\n{fixed}");
    let again = run(codemod, &fixed);
    assert!(
        again.fixed.is_none(),
        "second run changed:\n{:?}",
        again.fixed
    );
}

/// [`check_fix`] for a fix offered as unsafe: without `--unsafe-fixes` the
/// source stays as it is.
#[track_caller]
pub fn check_unsafe_fix(codemod: &'static Codemod, before: &str, after: &str) {
    check_fix(codemod, before, after);
    let outcome = run_without_unsafe_fixes(codemod, before);
    assert!(
        outcome.fixed.is_none(),
        "the fix applies without `--unsafe-fixes`:\n{}",
        outcome.fixed.unwrap_or_default()
    );
}

/// [`check_fix`] for a fix offered as safe: it applies without `--unsafe-fixes`.
#[track_caller]
pub fn check_safe_fix(codemod: &'static Codemod, before: &str, after: &str) {
    check_fix(codemod, before, after);
    let outcome = run_without_unsafe_fixes(codemod, before);
    assert_eq!(
        outcome.fixed.as_deref(),
        Some(after),
        "the fix does not apply without `--unsafe-fixes`"
    );
}

/// The codemod alone over `source` (unsafe fixes on) when the oldest
/// Python the code must run on is `target`: what it finds and fixes.
pub fn outcome_at(
    codemod: &'static Codemod,
    source: &str,
    target: PyVersion,
) -> crate::engine::SourceOutcome {
    let mut rules = RuleSettings::for_codemods(&[codemod]);
    rules.options.target_version = target;
    process_source(source, &rules, Mode::Fix)
        .unwrap_or_else(|e| panic!("{} failed: {e:?}\n{source}", codemod.code))
}

/// Asserts that the codemod fixes `source` with `--unsafe-fixes` and
/// leaves it as it is without: the fix is offered, as unsafe only.
#[track_caller]
pub fn check_unsafe_only(codemod: &'static Codemod, source: &str) {
    let safe = run_without_unsafe_fixes(codemod, source);
    assert!(
        safe.fixed.is_none(),
        "fixed without --unsafe-fixes:\n{source}"
    );
    assert!(
        run(codemod, source).fixed.is_some(),
        "not fixed with --unsafe-fixes:\n{source}"
    );
}

/// Asserts that the codemod changes nothing.
#[track_caller]
pub fn check_no_fix(codemod: &'static Codemod, source: &str) {
    let outcome = run(codemod, source);
    assert!(
        outcome.fixed.is_none(),
        "expected no change, got:\n{}",
        outcome.fixed.unwrap_or_default()
    );
}

/// Asserts a finding with `message` and no change.
#[track_caller]
pub fn check_finding(codemod: &'static Codemod, source: &str, message: &str) {
    let outcome = run(codemod, source);
    assert!(
        outcome.fixed.is_none(),
        "expected no change, got:\n{}",
        outcome.fixed.unwrap_or_default()
    );
    assert!(
        outcome
            .reports
            .iter()
            .any(|r| r.message == message && r.codemod.code == codemod.code),
        "no `{message}` finding in {:?}",
        outcome
            .reports
            .iter()
            .map(|r| &r.message)
            .collect::<Vec<_>>()
    );
}

/// The check lines of a source, for assertions on what is reported.
pub fn findings(codemod: &'static Codemod, source: &str) -> Vec<String> {
    let rules = RuleSettings::for_codemods(&[codemod]);
    process_source(source, &rules, Mode::Check)
        .map(|o| {
            o.reports
                .into_iter()
                .map(|r| format!("{}:{} {}", r.start.line, r.start.column, r.message))
                .collect()
        })
        .unwrap_or_default()
}

/// The reasons given for findings whose fix is unsafe, one per such
/// finding (`None`: it gave none), for assertions that each says why.
pub fn unsafe_reasons(codemod: &'static Codemod, source: &str) -> Vec<Option<String>> {
    run_without_unsafe_fixes(codemod, source)
        .reports
        .into_iter()
        .filter(|r| matches!(r.fix, crate::engine::FixStatus::NeedsUnsafe))
        .map(|r| r.unsafe_reason)
        .collect()
}

/// The reasons given for findings without a fix, for assertions on why a
/// fix is not offered.
pub fn reasons(codemod: &'static Codemod, source: &str) -> Vec<String> {
    run(codemod, source)
        .reports
        .into_iter()
        .filter_map(|r| match r.fix {
            crate::engine::FixStatus::None(reason) => reason,
            _ => None,
        })
        .collect()
}

/// `source` with `edits` applied, in any order; asserts that none overlap.
pub fn apply_edits(source: &str, mut edits: Vec<crate::fix::Edit>) -> String {
    edits.sort_by_key(|e| (e.range.start(), e.range.end()));
    for pair in edits.windows(2) {
        assert!(pair[0].range.end() <= pair[1].range.start(), "{edits:?}");
    }
    crate::fix::apply::splice(source, &edits)
}

/// Runs `f` with a codemod context over `source` (every codemod selected).
pub fn with_context<T>(source: &str, f: impl FnOnce(&Context) -> T) -> T {
    let parsed = parse(source).unwrap_or_else(|e| panic!("does not parse: {e}\n{source}"));
    let semantic = SemanticModel::build(parsed.syntax());
    let lines = std::cell::OnceCell::new();
    let rules = RuleSettings::for_codemods(crate::codemods::ALL);
    let ctx = Context {
        source,
        module: parsed.syntax(),
        tokens: parsed.tokens(),
        semantic: &semantic,
        settings: &rules.options,
        lines: &lines,
        notebook: false,
        noqa: std::cell::OnceCell::new(),
    };
    f(&ctx)
}

/// Asserts that the codemods, run together as `fix` runs them (rounds until
/// nothing changes), turn `before` into `after`, and that a second run
/// changes nothing: for codemods whose fixes meet on one statement.
#[track_caller]
pub fn check_fix_together(codemods: &[&'static Codemod], before: &str, after: &str) {
    let rules = RuleSettings::for_codemods(codemods);
    let outcome = process_source(before, &rules, Mode::Fix)
        .unwrap_or_else(|e| panic!("fix failed: {e:?}\n{before}"));
    let fixed = outcome.fixed.unwrap_or_else(|| before.to_string());
    assert_eq!(
        fixed, after,
        "\n--- expected ---\n{after}\n--- got ---\n{fixed}"
    );
    let again = process_source(&fixed, &rules, Mode::Fix)
        .unwrap_or_else(|e| panic!("second run failed: {e:?}\n{fixed}"));
    assert!(
        again.fixed.is_none(),
        "second run changed:\n{:?}",
        again.fixed
    );
}

/// The text after running `codemod` alone over `source` as a notebook's
/// one cell (where a running loop exists at top level), as `fix` runs a
/// notebook; `None` when nothing changes.
fn fix_notebook(codemod: &'static Codemod, source: &str) -> Option<String> {
    let rules = RuleSettings::for_codemods(&[codemod]);
    let (outcome, _) = crate::engine::process_cells(source, whole(source), &rules, Mode::Fix, None)
        .unwrap_or_else(|e| panic!("{} failed: {e:?}\n{source}", codemod.code));
    outcome.fixed
}

/// One cell holding all of `source`: a notebook's rules (top-level `await`)
/// for the compile check.
fn whole(source: &str) -> crate::engine::Cells {
    let end = ruff_text_size::TextSize::try_from(source.len()).unwrap_or_default();
    crate::engine::Cells::new(vec![ruff_text_size::TextRange::new(0.into(), end)])
}

/// [`check_fix`] for a notebook's cells: top-level code runs in the
/// kernel's event loop, so `await` is allowed there.
#[track_caller]
pub fn check_fix_notebook(codemod: &'static Codemod, before: &str, after: &str) {
    let fixed = fix_notebook(codemod, before).unwrap_or_else(|| before.to_string());
    assert_eq!(
        fixed, after,
        "\n--- expected ---\n{after}\n--- got ---\n{fixed}"
    );
    assert!(
        fix_notebook(codemod, &fixed).is_none(),
        "second run changed the notebook"
    );
}

/// [`check_no_fix`] for a notebook's cells.
#[track_caller]
pub fn check_no_fix_notebook(codemod: &'static Codemod, source: &str) {
    let fixed = fix_notebook(codemod, source);
    assert!(
        fixed.is_none(),
        "expected no change, got:\n{}",
        fixed.unwrap_or_default()
    );
}

/// Writes `files` (paths relative to `root`, and their text) under `root`,
/// making the directories they need.
pub fn write_files(root: &std::path::Path, files: &[(&str, &str)]) {
    for (file, text) in files {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
    }
}

/// A project in a temporary directory: an empty `pyproject.toml` and `files`.
pub fn project_tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("pyproject.toml"), "").expect("write");
    write_files(dir.path(), files);
    dir
}
