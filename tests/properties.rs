//! Properties of the fix pipeline over real files: for any subset of
//! codemods, the output parses, a second run changes nothing, every
//! non-pragma comment survives, and no line changes outside what the
//! findings' fixes touch (their ranges and edits, and import statements).
//!
//! Always over the project's fixtures; also over the ecosystem-check cache
//! (`scripts/ecosystem-check` fills it) when present, sampling
//! `ASYNCMOD_PROPTEST_CASES` (default 64) random files and subsets.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use asyncmod::codemods::{ALL, Codemod};
use asyncmod::engine::{Chooser, Mode, SourceError, parse, process_source};
use asyncmod::fix::Finding;
use asyncmod::settings::RuleSettings;
use asyncmod::version::PyVersion;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Stmt, StmtImport, StmtImportFrom};
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextRange};

fn rules(codemods: &[&'static Codemod]) -> RuleSettings {
    let mut rules = RuleSettings::for_codemods(codemods);
    rules.unsafe_fixes = true;
    rules.options.target_version = PyVersion::NEWEST_TARGET;
    rules
}

/// Comment texts, with pragmas (`# noqa`, `# type: ignore`) left out: a
/// deleted statement's pragma spoke only of that statement.
fn comments(source: &str) -> Vec<String> {
    let Ok(parsed) = parse(source) else {
        return Vec::new();
    };
    let mut out: Vec<String> = parsed
        .tokens()
        .iter()
        .filter(|t| t.kind() == TokenKind::Comment)
        .map(|t| source[t.range()].trim().to_string())
        .filter(|c| !ruff_python_trivia::is_pragma_comment(c))
        .collect();
    out.sort();
    out
}

struct Imports(Vec<TextRange>);

impl<'a> Visitor<'a> for Imports {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Import(StmtImport { range, .. })
            | Stmt::ImportFrom(StmtImportFrom { range, .. }) => {
                self.0.push(*range);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }
}

/// 0-based lines of `source` that `findings`' fixes may change: their
/// ranges and edits, and every import statement (imports are added and
/// removed on a fix's behalf).
fn allowed_lines(
    source: &str,
    findings: &[asyncmod::fix::Finding],
    imports_only: bool,
) -> BTreeSet<usize> {
    let index = LineIndex::from_source_text(source);
    let mut lines = BTreeSet::new();
    let mut add = |range: TextRange| {
        let first = index.line_index(range.start()).to_zero_indexed();
        let last = index.line_index(range.end()).to_zero_indexed();
        lines.extend(first..=last);
    };
    let Ok(parsed) = parse(source) else {
        return BTreeSet::new();
    };
    if !imports_only {
        for finding in findings {
            if let Some(fix) = &finding.fix {
                add(finding.range);
                for edit in &fix.edits {
                    add(edit.range);
                }
            }
        }
    }
    let mut imports = Imports(Vec::new());
    imports.visit_body(&parsed.syntax().body);
    for range in imports.0 {
        add(range);
    }
    lines
}

/// The first non-blank line `before` → `after` changes outside `allowed`.
fn stray_change(before: &str, after: &str, allowed: &BTreeSet<usize>) -> Option<String> {
    let diff = similar::TextDiff::from_lines(before, after);
    for op in diff.ops() {
        for change in diff.iter_changes(op) {
            if change.tag() == similar::ChangeTag::Delete {
                let line = change.old_index().unwrap_or_default();
                if !allowed.contains(&line) && !change.value().trim().is_empty() {
                    return Some(format!("line {} {:?}", line + 1, change.value()));
                }
            }
        }
    }
    None
}

/// Watches the engine's rounds (choosing every fix on offer, as `fix`
/// does): each round may change only the lines its own findings' fixes
/// touch.
struct Watcher {
    rounds: usize,
    stray: Option<String>,
    /// What the last round made (before unused imports go).
    last: Option<String>,
}

impl Chooser for Watcher {
    fn choose<'f>(
        &mut self,
        text: &str,
        offered: Vec<&'f Finding>,
    ) -> Result<Vec<&'f Finding>, SourceError> {
        self.rounds += 1;
        let applied = asyncmod::fix::apply::apply_fixes(
            text,
            offered
                .iter()
                .filter_map(|f| f.fix.as_ref().map(|fix| (f.code, fix))),
        );
        let findings: Vec<Finding> = offered.iter().map(|f| (*f).clone()).collect();
        if self.stray.is_none()
            && let Some(stray) =
                stray_change(text, &applied.text, &allowed_lines(text, &findings, false))
        {
            self.stray = Some(format!(
                "round {} changed {stray} outside its findings",
                self.rounds
            ));
        }
        self.last = Some(applied.text);
        Ok(offered)
    }
}

/// Follows the engine's rounds: each round may change only the lines its
/// own findings' fixes touch; the last step may change only import lines.
fn lines_stay_within_findings(
    source: &str,
    rules: &RuleSettings,
    fixed: &str,
) -> Result<(), String> {
    let mut watcher = Watcher {
        rounds: 0,
        stray: None,
        last: None,
    };
    asyncmod::engine::fix_with(source, None, rules, None, &mut watcher)
        .map_err(|e| format!("failed: {e:?}"))?;
    if let Some(stray) = watcher.stray {
        return Err(stray);
    }
    let text = watcher.last.unwrap_or_else(|| source.to_string());
    if let Some(stray) = stray_change(&text, fixed, &allowed_lines(&text, &[], true)) {
        return Err(format!("removing unused imports changed {stray}"));
    }
    Ok(())
}

fn check(source: &str, codemods: &[&'static Codemod]) -> Result<(), String> {
    let rules = rules(codemods);
    if parse(source).is_err() {
        return Ok(()); // Not a property of valid Python: skipped, like the ecosystem check.
    }
    let outcome =
        process_source(source, &rules, Mode::Fix).map_err(|e| format!("failed: {e:?}"))?;
    let Some(fixed) = outcome.fixed else {
        return Ok(());
    };
    if parse(&fixed).is_err() {
        return Err("the output does not parse".into());
    }
    let again = process_source(&fixed, &rules, Mode::Fix)
        .map_err(|e| format!("second run failed: {e:?}"))?;
    if again.fixed.is_some() {
        return Err("not idempotent".into());
    }
    // Each comment's text must survive, possibly joined to another (a
    // comment moved to the end of a line that has one reads `# a  # b`).
    let mut after = comments(&fixed);
    let mut missing = Vec::new();
    for comment in comments(source) {
        match after.iter_mut().find(|c| c.contains(comment.as_str())) {
            Some(found) => *found = found.replacen(comment.as_str(), "", 1),
            None => missing.push(comment),
        }
    }
    if !missing.is_empty() {
        return Err(format!("comments lost: {missing:?}"));
    }
    lines_stay_within_findings(source, &rules, &fixed)?;
    Ok(())
}

/// A deterministic subset of the catalogue for a seed.
fn subset(seed: u64) -> Vec<&'static Codemod> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    ALL.iter()
        .copied()
        .filter(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.is_multiple_of(2)
        })
        .collect()
}

#[test]
fn fixtures_hold_the_properties_for_any_subset_of_codemods() {
    let mut failures = Vec::new();
    let mut seed = 1;
    for (folder, _) in common::folders() {
        for path in common::fixtures_in(&folder) {
            let source = std::fs::read_to_string(&path).expect("readable fixture");
            let mut subsets = vec![ALL.to_vec()];
            for _ in 0..4 {
                seed += 1;
                subsets.push(subset(seed));
            }
            for codemods in subsets {
                if let Err(problem) = check(&source, &codemods) {
                    let codes: Vec<&str> = codemods.iter().map(|c| c.code).collect();
                    failures.push(format!("{}: {problem} (with {codes:?})", path.display()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The cached corpus's Python files, and those among them that the last
/// `scripts/ecosystem-check` run rewrote (listed in `rewritten.txt`): most
/// files need no fix, so half the cases are drawn from the rewritten ones.
fn corpus() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let cache = std::env::var_os("ASYNCMOD_ECOSYSTEM_CACHE")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/asyncmod-ecosystem"))
        });
    let Some(cache) = cache.filter(|c| c.join("src").is_dir()) else {
        return (Vec::new(), Vec::new());
    };
    let src = cache.join("src");
    let mut files: Vec<PathBuf> = ignore::WalkBuilder::new(&src)
        .standard_filters(false)
        .build()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "py"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let rewritten = std::fs::read_to_string(cache.join("rewritten.txt"))
        .unwrap_or_default()
        .lines()
        .map(|line| src.join(line))
        .filter(|path| path.extension().is_some_and(|x| x == "py") && path.is_file())
        .collect();
    (files, rewritten)
}

#[test]
fn cached_corpus_holds_the_properties() {
    let (files, rewritten) = corpus();
    if files.is_empty() {
        eprintln!(
            "no ecosystem cache: run scripts/ecosystem-check to fill it; checked fixtures only"
        );
        return;
    }
    let cases = std::env::var("ASYNCMOD_PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        proptest::bool::ANY,
        0..files.len(),
        0..rewritten.len().max(1),
        proptest::sample::subsequence(ALL.to_vec(), 0..=ALL.len()),
    );
    let result = runner.run(&strategy, |(from_rewritten, i, j, codemods)| {
        let path = match rewritten.get(j) {
            Some(path) if from_rewritten => path,
            _ => &files[i],
        };
        let Some(source) = std::fs::read(path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
        else {
            return Ok(());
        };
        check(&source, &codemods)
            .map_err(|problem| TestCaseError::fail(format!("{}: {problem}", path.display())))
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

/// The findings of `codemods` on `source`, as check lines.
fn findings_of(codemods: &[&'static Codemod], source: &str) -> Vec<String> {
    let rules = rules(codemods);
    process_source(source, &rules, Mode::Check)
        .map(|o| {
            o.reports
                .iter()
                .map(|r| {
                    format!(
                        "{}:{}:{} {}",
                        r.codemod.code, r.start.line, r.start.column, r.message
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The needles and required strings only skip work: with them removed, the
/// codemods must find exactly the same things. (In `check`, each codemod's
/// findings do not depend on the others', so one run of all compares all.)
fn filters_hide_nothing(source: &str) -> Result<(), String> {
    let unfiltered: Vec<&'static Codemod> = ALL
        .iter()
        .map(|codemod| {
            &*Box::leak(Box::new(Codemod {
                needles: &[],
                requires: &[],
                ..**codemod
            }))
        })
        .collect();
    let (with, without) = (findings_of(ALL, source), findings_of(&unfiltered, source));
    if with != without {
        let hidden: Vec<&String> = without.iter().filter(|f| !with.contains(f)).collect();
        return Err(format!("filters hide {hidden:?}"));
    }
    Ok(())
}

#[test]
fn needles_never_hide_a_finding_in_the_fixtures() {
    let mut failures = Vec::new();
    for (folder, _) in common::folders() {
        for path in common::fixtures_in(&folder) {
            let source = std::fs::read_to_string(&path).expect("readable fixture");
            if let Err(problem) = filters_hide_nothing(&source) {
                failures.push(format!("{}: {problem}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn needles_never_hide_a_finding_in_the_cached_corpus() {
    let (files, rewritten) = corpus();
    if files.is_empty() {
        eprintln!("no ecosystem cache: run scripts/ecosystem-check to fill it");
        return;
    }
    let mut failures = Vec::new();
    // Every 20th file, a spread of the corpus that keeps the test quick, and
    // every file a fix rewrote, where findings are.
    for path in files.iter().step_by(20).chain(&rewritten) {
        let Some(source) = std::fs::read(path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
        else {
            continue;
        };
        if let Err(problem) = filters_hide_nothing(&source) {
            failures.push(format!("{}: {problem}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
