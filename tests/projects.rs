//! Fixture projects: a folder per project under
//! `codemods/<codemod>/projects/`, each with its own `pyproject.toml`, run
//! through the binary the way a user runs it (the project index reads the
//! other modules). A `rewrite_*` project must change, a `leave_*` project
//! must stay byte-identical. Per project the snapshot
//! `snapshots/projects/<codemod>__<project>.snap` holds the `check` lines
//! and the diff of that codemod alone. Also asserted: a second `fix`
//! changes nothing, a run on one file finds for it what the run on the
//! whole project finds, and a project whose `main.py` carries the line
//! `# asyncmod-runtime: compare` prints the same and exits the same with
//! `python3` before and after the fix. A directory `dot-venv` in a project
//! becomes its `.venv` in the copy the test runs on (an environment
//! the index finds by itself).
//!
//! `ASYNCMOD_PROJECTS=a,b` runs only the projects whose
//! `<codemod folder>/<project>` contains one of the comma-separated
//! words (`ASYNCMOD_PROJECTS=asyncio_run/leave_rerun cargo test --test
//! projects`), to re-test what a change touched; unset, every project
//! runs, as CI runs them.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use asyncmod::codemods::ALL;
use common::{fixtures_root, folder_name, manifest_dir};

const MARKER: &str = "# asyncmod-runtime: compare";

fn asyncmod(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asyncmod"))
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(args)
        .current_dir(dir)
        .env_remove("VIRTUAL_ENV")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every project: (codemod folder, code, project directory).
fn projects() -> Vec<(String, &'static str, PathBuf)> {
    let mut found = Vec::new();
    for codemod in ALL {
        let dir = fixtures_root().join(folder_name(codemod)).join("projects");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for project in dirs {
            found.push((folder_name(codemod), codemod.code, project));
        }
    }
    found
}

/// Copies `from` into `to`, `dot-venv` becoming `.venv`.
fn copy_project(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("readable project") {
        let entry = entry.expect("entry");
        let name = entry.file_name();
        let name = if name == "dot-venv" {
            ".venv".into()
        } else {
            name
        };
        let target = to.join(name);
        if entry.path().is_dir() {
            copy_project(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The project's `.py` files (not the environment's), relative, sorted.
fn python_files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("readable") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() && name != ".venv" && name != "__pycache__" {
            python_files(root, &path, out);
        } else if name.ends_with(".py") {
            let relative = path.strip_prefix(root).expect("inside");
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    out.sort();
}

fn python3(dir: &Path) -> Option<(Option<i32>, String)> {
    let output = common::python3()
        .arg("main.py")
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .ok()?;
    let mut out = text(&output.stdout);
    if !output.status.success() {
        out.push_str("\n[stderr]\n");
        out.push_str(&text(&output.stderr));
    }
    Some((output.status.code(), out))
}

/// The words of `ASYNCMOD_PROJECTS`, when it is set and names some:
/// only the projects whose `<codemod folder>/<project>` holds one run.
fn chosen_projects() -> Option<Vec<String>> {
    let value = std::env::var("ASYNCMOD_PROJECTS").ok()?;
    let words: Vec<String> = value
        .split(',')
        .map(str::trim)
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect();
    (!words.is_empty()).then_some(words)
}

fn python_ok() -> bool {
    Command::new("python3")
        .args([
            "-c",
            "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)",
        ])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn fixture_projects() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(manifest_dir().join("snapshots/projects"));
    settings.set_prepend_module_to_snapshot(false);
    let _guard = settings.bind_to_scope();
    let python = python_ok();
    let mut problems = Vec::new();
    let all = projects();
    assert!(!all.is_empty(), "no fixture projects found");
    let only = chosen_projects();
    let mut ran = 0usize;
    for (folder, code, project) in all {
        let name = project
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if let Some(words) = &only
            && !words
                .iter()
                .any(|word| format!("{folder}/{name}").contains(word.as_str()))
        {
            continue;
        }
        ran += 1;
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path().join(&name);
        copy_project(&project, &root);
        let select = format!("--select={code}");
        let check = asyncmod(
            &root,
            &["check", &select, "--output-format=text", "-q", "."],
        );
        let diff = asyncmod(&root, &["diff", &select, "-q", "."]);
        if diff.status.code() == Some(2) || check.status.code() == Some(2) {
            problems.push(format!(
                "{folder}/{name}: error\n{}{}",
                text(&check.stderr),
                text(&diff.stderr)
            ));
        }
        let diff_text = text(&diff.stdout);
        let check_text = text(&check.stdout);
        match (name.starts_with("rewrite"), name.starts_with("leave")) {
            (true, _) if diff_text.is_empty() => {
                problems.push(format!("{folder}/{name}: a rewrite project did not change"));
            }
            (_, true) if !diff_text.is_empty() => {
                problems.push(format!("{folder}/{name}: a leave project changed"));
            }
            (false, false) => {
                problems.push(format!("{folder}/{name}: name it rewrite_* or leave_*"));
            }
            _ => {}
        }
        // One file alone finds what the whole project finds for it.
        let mut files = Vec::new();
        python_files(&root, &root, &mut files);
        for file in &files {
            let alone = asyncmod(
                &root,
                &["check", &select, "--output-format=text", "-q", file],
            );
            let expected: String = check_text
                .lines()
                .filter(|line| line.starts_with(&format!("{file}:")))
                .map(|line| format!("{line}\n"))
                .collect();
            if text(&alone.stdout) != expected {
                problems.push(format!(
                    "{folder}/{name}: {file} alone finds\n{}instead of\n{expected}",
                    text(&alone.stdout)
                ));
            }
        }
        let main = root.join("main.py");
        let compare = python
            && std::fs::read_to_string(&main)
                .is_ok_and(|source| source.lines().any(|line| line.trim() == MARKER));
        let before = compare.then(|| python3(&root)).flatten();
        let fix = asyncmod(&root, &["fix", &select, "-q", "."]);
        if fix.status.code() != Some(0) {
            problems.push(format!(
                "{folder}/{name}: fix failed\n{}",
                text(&fix.stderr)
            ));
        }
        let again = asyncmod(&root, &["diff", &select, "-q", "."]);
        if !again.stdout.is_empty() {
            problems.push(format!(
                "{folder}/{name}: a second run changes more\n{}",
                text(&again.stdout)
            ));
        }
        if let Some(before) = before {
            let after = python3(&root);
            if after.as_ref() != Some(&before) {
                problems.push(format!(
                    "{folder}/{name}: runs differently after the fix\nbefore: {before:?}\nafter: {after:?}"
                ));
            }
        }
        let snapshot = format!(
            "project: {folder}/projects/{name}\ncode: {code}\nruntime: {}\n--- check\n{check_text}--- diff\n{}",
            if compare { "compared" } else { "not compared" },
            if diff_text.is_empty() {
                "(no changes)\n".to_string()
            } else {
                diff_text
            }
        );
        let matched = std::panic::catch_unwind(|| {
            insta::assert_snapshot!(format!("{folder}__{name}"), snapshot);
        });
        if matched.is_err() {
            problems.push(format!(
                "{folder}/{name}: the snapshot does not match (review the .snap.new file)"
            ));
        }
    }
    if let Some(words) = &only {
        // A filtered run says so, lest it pass for the whole suite.
        eprintln!(
            "ASYNCMOD_PROJECTS={}: {ran} fixture projects run, the others skipped",
            words.join(",")
        );
        assert!(ran > 0, "ASYNCMOD_PROJECTS names no fixture project");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_project_snapshot_belongs_to_a_project() {
    let expected: Vec<String> = projects()
        .iter()
        .map(|(folder, _, project)| {
            format!(
                "{folder}__{}.snap",
                project.file_name().and_then(|n| n.to_str()).unwrap_or("")
            )
        })
        .collect();
    let Ok(entries) = std::fs::read_dir(manifest_dir().join("snapshots/projects")) else {
        return;
    };
    for entry in entries {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        if name.ends_with(".snap") {
            assert!(
                expected.contains(&name),
                "snapshots/projects/{name} has no project: delete it"
            );
        }
    }
}
