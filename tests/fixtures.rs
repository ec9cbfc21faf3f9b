//! Snapshot tests driven by the fixture files under `codemods/<name>/`.
//!
//! For each codemod of the registry, each fixture runs through that codemod
//! alone. The snapshot holds a header (code, options), the `check` lines and
//! the diff. A `rewrite*.py` fixture must change, a `leave*.py` fixture must
//! stay byte-identical, a `report*.py` fixture (of a codemod that only
//! reports) must have findings and stay byte-identical; every output must parse, and a second run must
//! change nothing. An optional first line `# asyncmod-test: FLAGS` is read by
//! the real command-line parser.

mod common;

use std::path::Path;

use asyncmod::codemods::Codemod;
use asyncmod::engine::{Mode, parse, process_source};
use asyncmod::output::Style;
use asyncmod::output::check::text_line;
use asyncmod::output::diff::unified_diff;
use common::{COMPOSITE, fixtures_in, fixtures_root, folders, rules_for, stem};

fn run_fixture(folder: &str, codemods: &[&'static Codemod], path: &Path) -> Result<(), String> {
    let stem = stem(path);
    let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (rules, flags) = rules_for(codemods, &source);
    let display = format!("{folder}/{stem}.py");

    let checked = process_source(&source, &rules, Mode::Check)
        .map_err(|e| format!("{display}: check failed: {e:?}"))?;
    let fixed = process_source(&source, &rules, Mode::Fix)
        .map_err(|e| format!("{display}: fix failed: {e:?}"))?;
    let style = Style { enabled: false };
    let check_lines: Vec<String> = checked
        .reports
        .iter()
        .map(|r| text_line(&display, r, &style))
        .collect();

    let mut problems = Vec::new();
    let diff = match &fixed.fixed {
        Some(text) => {
            if parse(text).is_err() {
                problems.push("the output does not parse".to_string());
            }
            match process_source(text, &rules, Mode::Fix) {
                Ok(again) if again.fixed.is_some() => {
                    problems.push("a second run changed the output (not idempotent)".to_string());
                }
                Ok(_) => {}
                Err(e) => problems.push(format!("the second run failed: {e:?}")),
            }
            unified_diff(&display, &source, text)
        }
        None => "(no changes)\n".to_string(),
    };
    if stem.starts_with("rewrite") && fixed.fixed.is_none() {
        problems.push("a rewrite fixture must change".to_string());
    }
    if stem.starts_with("leave") && fixed.fixed.is_some() {
        problems.push("a leave fixture must stay byte-identical".to_string());
    }
    if stem.starts_with("report") && (fixed.fixed.is_some() || checked.reports.is_empty()) {
        problems.push("a report fixture must have findings and stay byte-identical".to_string());
    }
    if !["rewrite", "leave", "report"]
        .iter()
        .any(|kind| stem.starts_with(kind))
    {
        problems.push("fixture names start with `rewrite`, `leave` or `report`".to_string());
    }

    let header = match codemods {
        [codemod] => format!("{} {}", codemod.code, codemod.name),
        _ => "all".to_string(),
    };
    let snapshot = format!(
        "codemod: {}\noptions: {}\n--- check ---\n{}\n--- diff ---\n{}",
        header,
        if flags.is_empty() {
            "(defaults)"
        } else {
            &flags
        },
        if check_lines.is_empty() {
            "(no findings)".to_string()
        } else {
            check_lines.join("\n")
        },
        diff
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(format!("fixture codemods/{display}"));
    // Keep going after a mismatch so one run writes every pending snapshot.
    let matched = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        settings.bind(|| {
            insta::assert_snapshot!(format!("{folder}__{stem}"), snapshot);
        });
    }));
    if matched.is_err() {
        problems.push("the snapshot does not match (review the .snap.new file)".to_string());
    }

    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{display}: {}", problems.join("; ")))
    }
}

#[test]
fn every_fixture_of_every_codemod() {
    let mut failures = Vec::new();
    for (folder, codemods) in folders() {
        for path in fixtures_in(&folder) {
            if let Err(problem) = run_fixture(&folder, &codemods, &path) {
                failures.push(problem);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "fixture failures:\n{}",
        failures.join("\n")
    );
}

/// A codemod that only reports has `report*.py` fixtures where others have
/// `rewrite*.py` ones: programs it must find something in and leave as they are.
#[test]
fn every_codemod_has_fixtures_of_both_kinds() {
    for (folder, codemods) in folders() {
        let stems: Vec<String> = fixtures_in(&folder).iter().map(|p| stem(p)).collect();
        let kind = match codemods.as_slice() {
            [codemod] if codemod.reports_only => "report",
            _ => "rewrite",
        };
        assert!(
            stems.iter().any(|s| s.starts_with(kind)),
            "{folder} has no {kind} fixture"
        );
        if folder != COMPOSITE {
            assert!(
                stems.iter().any(|s| s.starts_with("leave")),
                "{folder} has no leave fixture"
            );
        }
    }
}

#[test]
fn every_fixture_folder_belongs_to_a_codemod() {
    let known: Vec<String> = folders().into_iter().map(|(folder, _)| folder).collect();
    for entry in std::fs::read_dir(fixtures_root()).expect("codemods/ exists") {
        let entry = entry.expect("readable entry");
        if !entry.path().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        assert!(
            known.contains(&name),
            "codemods/{name} matches no codemod in the registry"
        );
    }
}

#[test]
fn every_snapshot_belongs_to_a_fixture() {
    let snapshots = common::manifest_dir().join("snapshots");
    let mut expected = Vec::new();
    for (folder, _) in folders() {
        for path in fixtures_in(&folder) {
            expected.push(format!("{folder}__{}.snap", stem(&path)));
        }
    }
    for entry in std::fs::read_dir(&snapshots).expect("snapshots/ exists") {
        let name = entry
            .expect("readable entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        if name.ends_with(".snap") {
            assert!(
                expected.contains(&name),
                "snapshots/{name} has no fixture: delete it"
            );
        }
    }
}
