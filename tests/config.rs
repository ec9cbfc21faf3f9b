//! Configuration with the built binary: which `pyproject.toml` each file
//! uses, flags layered over it, `--config`, `--isolated`, `--force-exclude`,
//! the run-wide keys, and the target version a project's files give.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FIXABLE: &str = "import time\n\n\nasync def poll():\n    time.sleep(1)  # back off\n";
const FIXED: &str =
    "import asyncio\n\n\nasync def poll():\n    await asyncio.sleep(1)  # back off\n";

/// One finding per minimum Python: AM107 (3.8), AM108 (3.9), AM201 (3.10)
/// and AM003 (3.11). With `--unsafe-fixes`, `check` reports those whose fix
/// the target allows, so the codes reported give the target.
const VERSIONED: &str = "\
import asyncio
import requests


async def a(x):
    try:
        await x()
    except BaseException:
        pass


async def b(u):
    requests.get(u)


async def c():
    await asyncio.sleep(1, loop=None)


async def d(x):
    await asyncio.wait_for(x.run(), 1)
";

fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asyncmod"))
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("CI", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    child.wait_with_output().expect("the binary finishes")
}

fn asyncmod(dir: &Path, args: &[&str]) -> Output {
    run(dir, args, None)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, contents) in files {
        write(dir.path(), path, contents);
    }
    dir
}

fn write(dir: &Path, path: &str, contents: &str) -> PathBuf {
    let full = dir.join(path);
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(&full, contents).expect("write");
    full
}

fn read(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join(path)).expect("read")
}

/// The files `check` reports AM001 in, in output order.
fn am001_files(output: &Output) -> Vec<String> {
    stdout(output)
        .lines()
        .filter(|l| l.contains(": AM001 "))
        .filter_map(|l| l.split(':').next().map(str::to_string))
        .collect()
}

/// The target version `path` was checked with, read from which of
/// [`VERSIONED`]'s fixes `check --unsafe-fixes` offers.
fn target_of(dir: &Path, path: &str, extra: &[&str]) -> (String, String) {
    let mut args = vec![
        "check",
        "--unsafe-fixes",
        "--select",
        "AM107,AM108,AM201,AM003",
    ];
    args.extend_from_slice(extra);
    args.push(path);
    let output = asyncmod(dir, &args);
    let out = stdout(&output);
    let target = match ["AM107", "AM108", "AM201", "AM003"]
        .iter()
        .filter(|c| out.contains(&format!(": {c} ")))
        .count()
    {
        0 => "py37",
        1 => "py38",
        2 => "py39",
        3 => "py310",
        _ => "py311+",
    };
    // The codemods named in `--select` that the target keeps from running
    // are reported: that is how the target shows, not a warning about it.
    let err: String = stderr(&output)
        .lines()
        .filter(|line| !line.contains(", so it does not run (`--target-version"))
        .map(|line| format!("{line}\n"))
        .collect();
    (target.to_string(), err)
}

#[test]
fn nested_projects_each_use_their_own_configuration() {
    let dir = project(&[
        ("pyproject.toml", "[tool.asyncmod]\nignore = [\"AM001\"]\n"),
        ("root.py", FIXABLE),
        (
            "svc/a/pyproject.toml",
            "[tool.asyncmod]\nselect = [\"AM001\"]\n",
        ),
        ("svc/a/m.py", FIXABLE),
        ("svc/a/deep/m.py", FIXABLE),
        ("svc/b/m.py", FIXABLE),
    ]);
    let expected = vec!["svc/a/deep/m.py".to_string(), "svc/a/m.py".to_string()];
    assert_eq!(am001_files(&asyncmod(dir.path(), &["check"])), expected);
    assert_eq!(
        am001_files(&asyncmod(dir.path(), &["check", "svc", "root.py"])),
        expected
    );
    // The current directory does not change which configuration a file uses.
    let output = asyncmod(
        &dir.path().join("svc/b"),
        &["check", "m.py", "../../root.py", "../a"],
    );
    assert_eq!(
        am001_files(&output),
        ["../a/deep/m.py", "../a/m.py"],
        "{}",
        stdout(&output)
    );
}

#[test]
fn the_order_of_the_paths_never_changes_the_result() {
    let dir = project(&[
        (
            "a/pyproject.toml",
            "[project]\nrequires-python = \">=3.8\"\n\n[tool.asyncmod]\nignore = [\"AM001\"]\nunsafe-fixes = true\n",
        ),
        ("a/m.py", FIXABLE),
        ("a/v.py", VERSIONED),
        ("b/m.py", FIXABLE),
        ("b/v.py", VERSIONED),
    ]);
    for command in ["check", "diff"] {
        let forward = asyncmod(dir.path(), &[command, "a", "b"]);
        let backward = asyncmod(dir.path(), &[command, "b", "a"]);
        let files = asyncmod(
            dir.path(),
            &[command, "b/v.py", "a/m.py", "b/m.py", "a/v.py"],
        );
        assert_eq!(stdout(&forward), stdout(&backward), "{command}");
        assert_eq!(stdout(&forward), stdout(&files), "{command}");
        assert_eq!(code(&forward), code(&backward));
    }
    // b uses no configuration: AM001 there, the py311 default, no unsafe fixes.
    let out = stdout(&asyncmod(dir.path(), &["check", "b", "a"]));
    assert!(out.contains("b/m.py:5:5: AM001"), "{out}");
    assert!(!out.contains("a/m.py"), "{out}");
    assert!(out.contains("b/v.py:21:11: AM003 [*]"), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("b/v.py:8:5: AM107 ")
            && l.ends_with("(unsafe fix available with `--unsafe-fixes`)")),
        "{out}"
    );
    assert!(out.contains("a/v.py:8:5: AM107 [*]"), "{out}");
    assert!(!out.contains("a/v.py:21:11: AM003"), "{out}");
}

#[test]
fn a_project_only_pyproject_keeps_the_parent_configuration_and_its_requirement() {
    let dir = project(&[
        (
            "pyproject.toml",
            "[project]\nrequires-python = \">=3.12\"\n\n[tool.asyncmod]\nignore = [\"AM001\"]\n",
        ),
        ("root.py", FIXABLE),
        ("root_v.py", VERSIONED),
        (
            "libs/compat/pyproject.toml",
            "[project]\nname = \"compat\"\nrequires-python = \">=3.8\"\n",
        ),
        ("libs/compat/m.py", FIXABLE),
        ("libs/compat/v.py", VERSIONED),
    ]);
    // The parent's [tool.asyncmod] still applies ...
    assert!(am001_files(&asyncmod(dir.path(), &["check"])).is_empty());
    assert!(am001_files(&asyncmod(dir.path(), &["check", "libs/compat"])).is_empty());
    // ... and the nearest requirement counts.
    assert_eq!(target_of(dir.path(), "libs/compat/v.py", &[]).0, "py38");
    assert_eq!(target_of(dir.path(), "root_v.py", &[]).0, "py311+");

    // Nearer than the configuration's `target-version`, the project's
    // requirement wins; in the same file, `target-version` does.
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nrequires-python = \">=3.8\"\n\n[tool.asyncmod]\ntarget-version = \"py310\"\n",
    );
    write(
        dir.path(),
        "libs/compat/pyproject.toml",
        "[project]\nrequires-python = \">=3.9\"\n",
    );
    assert_eq!(target_of(dir.path(), "root_v.py", &[]).0, "py310");
    assert_eq!(target_of(dir.path(), "libs/compat/v.py", &[]).0, "py39");
    // The flag wins over both.
    assert_eq!(
        target_of(
            dir.path(),
            "libs/compat/v.py",
            &["--target-version", "py311"]
        )
        .0,
        "py311+"
    );
}

#[test]
fn config_names_one_file_for_all() {
    let dir = project(&[
        ("pyproject.toml", "[tool.asyncmod]\nignore = [\"AM001\"]\n"),
        (
            "sub/pyproject.toml",
            "[tool.asyncmod]\nselect = [\"AM001\"]\n",
        ),
        ("sub/m.py", FIXABLE),
        ("m.py", FIXABLE),
        ("gen/g.py", FIXABLE),
        (
            "ci/asyncmod.toml",
            "select = [\"AM001\"]\nextend-exclude = [\"gen/*.py\"]\n",
        ),
    ]);
    let output = asyncmod(dir.path(), &["check", "--config", "pyproject.toml"]);
    assert!(am001_files(&output).is_empty(), "{}", stdout(&output));
    // A file other than pyproject.toml has the keys at its top level, and
    // its relative globs start at the current directory (as in ruff).
    let output = asyncmod(dir.path(), &["check", "--config", "ci/asyncmod.toml"]);
    assert_eq!(
        am001_files(&output),
        ["m.py", "sub/m.py"],
        "{}",
        stdout(&output)
    );
    let output = asyncmod(dir.path(), &["check", "--config", "missing.toml"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("missing.toml: cannot read: No such file"),
        "{}",
        stderr(&output)
    );
    let output = asyncmod(dir.path(), &["check", "--config", "x.toml", "--isolated"]);
    assert_eq!(code(&output), 2);
}

#[test]
fn isolated_ignores_every_file() {
    let dir = project(&[
        (
            "pyproject.toml",
            "[project]\nrequires-python = \">=3.8\"\n\n[tool.asyncmod]\nignore = [\"AM001\"]\nexclude = [\"m.py\"]\n",
        ),
        ("m.py", FIXABLE),
        ("v.py", VERSIONED),
    ]);
    assert!(am001_files(&asyncmod(dir.path(), &["check"])).is_empty());
    assert_eq!(
        am001_files(&asyncmod(dir.path(), &["check", "--isolated"])),
        ["m.py"]
    );
    assert_eq!(target_of(dir.path(), "v.py", &[]).0, "py38");
    assert_eq!(target_of(dir.path(), "v.py", &["--isolated"]).0, "py311+");
    // Even a broken configuration is not read.
    write(dir.path(), "pyproject.toml", "[tool.asyncmod\n");
    assert_eq!(code(&asyncmod(dir.path(), &["check", "--isolated"])), 1);
}

#[test]
fn flags_layer_over_the_configuration_as_in_ruff() {
    let dir = project(&[
        ("pyproject.toml", "[tool.asyncmod]\nignore = [\"AM001\"]\n"),
        ("m.py", FIXABLE),
        ("v.py", VERSIONED),
    ]);
    let codes = |args: &[&str]| {
        let mut all = vec!["check", "--unsafe-fixes"];
        all.extend_from_slice(args);
        let out = stdout(&asyncmod(dir.path(), &all));
        let mut codes: Vec<String> = out
            .lines()
            .filter_map(|l| l.split(": ").nth(1))
            .filter_map(|rest| rest.split(' ').next())
            .map(str::to_string)
            .collect();
        codes.sort();
        codes.dedup();
        codes
    };
    assert_eq!(codes(&[]), ["AM003", "AM107", "AM108", "AM201"]);
    // `--ignore` adds to what the file ignores: AM001 stays off.
    assert_eq!(codes(&["--ignore", "AM107"]), ["AM003", "AM108", "AM201"]);
    // `--extend-select` adds to the selection, over the file's ignore.
    assert_eq!(
        codes(&["--extend-select", "AM001"]),
        ["AM001", "AM003", "AM107", "AM108", "AM201"]
    );
    // `--select` replaces the file's selection, ignores included.
    assert_eq!(codes(&["--select", "AM0"]), ["AM001", "AM003"]);
    // Within one layer the more specific selector wins.
    assert_eq!(
        codes(&[
            "--select",
            "AM0",
            "--ignore",
            "AM00",
            "--extend-select",
            "AM003"
        ]),
        ["AM003"]
    );
    let output = asyncmod(dir.path(), &["check", "--extend-select", "AM999"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("--extend-select: unknown codemod `AM999`"));
}

#[test]
fn force_exclude_applies_the_excludes_to_named_paths_and_stdin() {
    let dir = project(&[
        (
            "pyproject.toml",
            "[tool.asyncmod]\nextend-exclude = [\"gen\", \"pkg/fixtures\"]\n",
        ),
        ("app.py", FIXABLE),
        ("gen/generated.py", FIXABLE),
        ("pkg/fixtures/f.py", FIXABLE),
        ("pkg/ok.py", FIXABLE),
        (
            "sub/pyproject.toml",
            "[tool.asyncmod]\nextend-exclude = [\"out\"]\n",
        ),
        ("sub/out/o.py", FIXABLE),
        ("sub/gen/g.py", FIXABLE),
    ]);
    let named = [
        "app.py",
        "gen/generated.py",
        "pkg/fixtures/f.py",
        "pkg/ok.py",
        "sub/out/o.py",
        "sub/gen/g.py",
    ];
    // Without the flag a named path is always processed.
    let mut args = vec!["check"];
    args.extend_from_slice(&named);
    let mut sorted = named.to_vec();
    sorted.sort();
    assert_eq!(am001_files(&asyncmod(dir.path(), &args)), sorted);
    // With it, each path is judged by its own configuration's excludes
    // (`gen` is not excluded under sub/, which has its own).
    args.push("--force-exclude");
    assert_eq!(
        am001_files(&asyncmod(dir.path(), &args)),
        ["app.py", "pkg/ok.py", "sub/gen/g.py"]
    );
    let output = asyncmod(dir.path(), &["check", "--force-exclude", "gen", "sub/out"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    // From another directory, the same.
    let output = asyncmod(
        &dir.path().join("pkg"),
        &["check", "--force-exclude", "fixtures/f.py", "ok.py"],
    );
    assert_eq!(am001_files(&output), ["ok.py"]);
    // The key in the configuration does the same.
    write(
        dir.path(),
        "pyproject.toml",
        "[tool.asyncmod]\nextend-exclude = [\"gen\", \"pkg/fixtures\"]\nforce-exclude = true\n",
    );
    let output = asyncmod(dir.path(), &["check", "gen/generated.py"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let output = asyncmod(
        dir.path(),
        &["check", "--no-force-exclude", "gen/generated.py"],
    );
    assert_eq!(code(&output), 1);

    // --stdin-filename: an excluded name is left alone; `fix` echoes the input.
    let output = run(
        dir.path(),
        &["fix", "--force-exclude", "--stdin-filename", "gen/new.py"],
        Some(FIXABLE.as_bytes()),
    );
    assert_eq!((code(&output), stdout(&output).as_str()), (0, FIXABLE));
    let output = run(
        dir.path(),
        &["check", "--force-exclude", "--stdin-filename", "gen/new.py"],
        Some(FIXABLE.as_bytes()),
    );
    assert_eq!((code(&output), stdout(&output).as_str()), (0, ""));
    let output = run(
        dir.path(),
        &["fix", "--force-exclude", "--stdin-filename", "app.py"],
        Some(FIXABLE.as_bytes()),
    );
    assert_eq!((code(&output), stdout(&output).as_str()), (0, FIXED));
}

/// What pre-commit runs: the hook's `entry` with every staged file named.
#[test]
fn the_pre_commit_hooks_honour_the_excludes() {
    let hooks =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"))
            .expect("hooks file");
    let entries: Vec<&str> = hooks
        .lines()
        .filter_map(|l| l.trim().strip_prefix("entry:"))
        .map(str::trim)
        .collect();
    assert_eq!(entries.len(), 2, "{hooks}");
    for entry in entries {
        let dir = project(&[
            ("pyproject.toml", "[tool.asyncmod]\nexclude = [\"gen\"]\n"),
            ("app.py", FIXABLE),
            ("gen/generated.py", FIXABLE),
        ]);
        let mut words = entry.split_whitespace();
        assert_eq!(words.next(), Some("asyncmod"), "{entry}");
        let mut args: Vec<&str> = words.collect();
        args.extend(["app.py", "gen/generated.py"]);
        let output = asyncmod(dir.path(), &args);
        assert_eq!(code(&output), 1, "{entry}: {}", stderr(&output));
        assert_eq!(read(dir.path(), "gen/generated.py"), FIXABLE, "{entry}");
        if entry.contains(" fix") {
            assert_eq!(read(dir.path(), "app.py"), FIXED, "{entry}");
        } else {
            assert_eq!(am001_files(&output), ["app.py"], "{entry}");
        }
    }
}

#[test]
fn run_wide_keys_come_from_the_configuration() {
    let dir = project(&[
        (
            "pyproject.toml",
            "[tool.asyncmod]\noutput-format = \"json\"\njobs = 1\nexit-non-zero-on-fix = true\n",
        ),
        ("m.py", FIXABLE),
    ]);
    let output = asyncmod(dir.path(), &["check"]);
    assert!(stdout(&output).starts_with("[\n  {"), "{}", stdout(&output));
    let output = asyncmod(dir.path(), &["check", "--output-format", "text"]);
    assert!(
        stdout(&output).starts_with("m.py:5:5: AM001"),
        "{}",
        stdout(&output)
    );
    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert_eq!(read(dir.path(), "m.py"), FIXED);

    for (bad, expected) in [
        (
            "jobs = 0",
            "pyproject.toml:2:8: invalid configuration: `jobs`: 0 is not",
        ),
        (
            "output-format = \"xml\"",
            "`output-format`: unknown format `xml`: expected one of text, json",
        ),
        ("jobs = \"4\"", "expected a whole number"),
    ] {
        write(
            dir.path(),
            "pyproject.toml",
            &format!("[tool.asyncmod]\n{bad}\n"),
        );
        let output = asyncmod(dir.path(), &["check"]);
        assert_eq!(code(&output), 2, "{bad}");
        assert!(
            stderr(&output).contains(expected),
            "{bad}: {}",
            stderr(&output)
        );
    }

    // In a nested configuration they are not read, and a warning says so.
    write(dir.path(), "pyproject.toml", "[tool.asyncmod]\n");
    write(
        dir.path(),
        "sub/pyproject.toml",
        "[tool.asyncmod]\noutput-format = \"json\"\n",
    );
    write(dir.path(), "sub/m.py", FIXABLE);
    let output = asyncmod(dir.path(), &["check"]);
    assert!(
        stdout(&output).starts_with("sub/m.py:5:5: AM001"),
        "{}",
        stdout(&output)
    );
    assert!(
        stderr(&output)
            .contains("sub/pyproject.toml: warning: `output-format` applies to a whole run"),
        "{}",
        stderr(&output)
    );
    // Run from there, it is the run's configuration.
    let output = asyncmod(&dir.path().join("sub"), &["check"]);
    assert!(stdout(&output).starts_with('['), "{}", stdout(&output));
}

#[test]
fn a_nested_configuration_that_cannot_be_read_stops_only_its_files() {
    let dir = project(&[
        (
            "a/pyproject.toml",
            "[tool.asyncmod]\nselekt = [\"AM001\"]\n",
        ),
        ("a/m.py", FIXABLE),
        ("b/m.py", FIXABLE),
    ]);
    let output = asyncmod(dir.path(), &["check"]);
    assert_eq!(code(&output), 2);
    assert_eq!(am001_files(&output), ["b/m.py"]);
    assert!(
        stderr(&output)
            .contains("a/pyproject.toml:2:1: error: invalid configuration: unknown field `selekt`"),
        "{}",
        stderr(&output)
    );
    // Named explicitly, the error is given once.
    let output = asyncmod(dir.path(), &["check", "a/m.py", "a", "b/m.py"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stderr(&output).matches("selekt").count(),
        1,
        "{}",
        stderr(&output)
    );
    // An excluded directory's configuration is never read.
    let output = asyncmod(dir.path(), &["check", "--extend-exclude", "a"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
}

#[test]
fn excludes_are_relative_to_their_configuration_and_prune_the_walk() {
    let dir = project(&[
        (
            "pyproject.toml",
            "[tool.asyncmod]\nextend-exclude = [\"svc/*/gen\"]\n",
        ),
        ("svc/a/gen/g.py", FIXABLE),
        (
            "svc/b/pyproject.toml",
            "[tool.asyncmod]\nextend-exclude = [\"tests/data\"]\n",
        ),
        ("svc/b/gen/g.py", FIXABLE),
        ("svc/b/tests/data/d.py", FIXABLE),
        ("svc/b/tests/t.py", FIXABLE),
        ("tests/data/d.py", FIXABLE),
    ]);
    let expected = ["svc/b/gen/g.py", "svc/b/tests/t.py", "tests/data/d.py"];
    assert_eq!(am001_files(&asyncmod(dir.path(), &["check"])), expected);
    let output = asyncmod(&dir.path().join("svc/b"), &["check", "../.."]);
    assert_eq!(
        am001_files(&output),
        [
            "../../svc/b/gen/g.py",
            "../../svc/b/tests/t.py",
            "../../tests/data/d.py"
        ]
    );
    // `--extend-exclude` globs start at the current directory.
    let output = asyncmod(
        &dir.path().join("svc"),
        &["check", "..", "--extend-exclude", "b/tests"],
    );
    assert_eq!(
        am001_files(&output),
        ["../svc/b/gen/g.py", "../tests/data/d.py"]
    );
}

#[test]
fn the_target_version_comes_from_the_project() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "pyproject.toml",
            "[project]\nrequires-python = \">=3.8,<4\"\n",
            "py38",
        ),
        (
            "pyproject.toml",
            "[project]\nrequires-python = \"~=3.9\"\n",
            "py39",
        ),
        (
            "pyproject.toml",
            "[project]\nrequires-python = \"!=3.9.*,>=3.8\"\n",
            "py38",
        ),
        (
            "pyproject.toml",
            "[project]\nrequires-python = \">=3.10\"\n",
            "py310",
        ),
        (
            "pyproject.toml",
            "[project]\nrequires-python = \">=2.7\"\n",
            "py37",
        ),
        (
            "pyproject.toml",
            "[project]\nrequires-python = \">=3\"\n",
            "py37",
        ),
        (
            "pyproject.toml",
            "[project]\nrequires-python = \"<4\"\n",
            "py37",
        ),
        (
            "pyproject.toml",
            "[tool.poetry.dependencies]\npython = \"^3.8\"\nhttpx = \"*\"\n",
            "py38",
        ),
        (
            "pyproject.toml",
            "[tool.poetry.dependencies]\npython = \">=3.9 <4.0\"\n",
            "py39",
        ),
        (
            "setup.cfg",
            "[metadata]\nname = x\n\n[options]\npython_requires = >=3.9\n",
            "py39",
        ),
        (
            "setup.cfg",
            "[options]\ninstall_requires = httpx\n",
            "py311+",
        ),
        ("pyproject.toml", "[project]\nname = \"x\"\n", "py311+"),
    ];
    for (file, contents, expected) in cases {
        let dir = project(&[(file, contents), ("pkg/v.py", VERSIONED)]);
        let (target, err) = target_of(dir.path(), "pkg/v.py", &[]);
        assert_eq!(&target, expected, "{file}: {contents}");
        assert!(!err.contains("warning"), "{contents}: {err}");
    }
    // No project file at all: py311.
    let dir = project(&[("v.py", VERSIONED)]);
    assert_eq!(target_of(dir.path(), "v.py", &[]).0, "py311+");
    // requires-python comes before Poetry's python, which comes before setup.cfg.
    let dir = project(&[
        (
            "pyproject.toml",
            "[project]\nrequires-python = \">=3.10\"\n\n[tool.poetry.dependencies]\npython = \"^3.8\"\n",
        ),
        ("setup.cfg", "[options]\npython_requires = >=3.9\n"),
        ("v.py", VERSIONED),
    ]);
    assert_eq!(target_of(dir.path(), "v.py", &[]).0, "py310");
    write(
        dir.path(),
        "pyproject.toml",
        "[tool.poetry.dependencies]\npython = \"^3.8\"\n",
    );
    assert_eq!(target_of(dir.path(), "v.py", &[]).0, "py38");
    write(dir.path(), "pyproject.toml", "[tool.black]\n");
    assert_eq!(target_of(dir.path(), "v.py", &[]).0, "py39");
}

/// `dynamic = ["requires-python"]`: the build backend fills it in from
/// `setup.cfg` or `setup.py`; one that neither spells plainly is unknown,
/// so the oldest target, with a warning.
#[test]
fn a_dynamic_requirement_is_read_from_setuptools_files() {
    let pyproject = "[project]\nname = \"x\"\ndynamic = [\"version\", \"requires-python\"]\n";
    let dir = project(&[
        ("pyproject.toml", pyproject),
        (
            "setup.py",
            "from setuptools import setup\nsetup(python_requires=\">=3.8\")\n",
        ),
        ("v.py", VERSIONED),
    ]);
    assert_eq!(target_of(dir.path(), "v.py", &[]).0, "py38");
    write(
        dir.path(),
        "setup.cfg",
        "[options]\npython_requires = >=3.9\n",
    );
    assert_eq!(target_of(dir.path(), "v.py", &[]).0, "py39");
    std::fs::remove_file(dir.path().join("setup.cfg")).expect("remove");
    write(
        dir.path(),
        "setup.py",
        "from setuptools import setup\nsetup(python_requires=MINIMUM)\n",
    );
    let (target, err) = target_of(dir.path(), "v.py", &[]);
    assert_eq!(target, "py37");
    assert!(
        err.contains("pyproject.toml") && err.contains("dynamic"),
        "{err}"
    );
}

#[test]
fn an_unreadable_requirement_warns_naming_the_file_and_means_py37() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "pyproject.toml",
            "[project]\nrequires-python = \"python3\"\n",
            "requires-python = \"python3\"",
        ),
        (
            "pyproject.toml",
            "[project]\nrequires-python = \">=3.x\"\n",
            "`>=3.x` is not a version specifier",
        ),
        (
            "pyproject.toml",
            "[project]\nrequires-python = 3.8\n",
            "`requires-python` is not a string",
        ),
        (
            "pyproject.toml",
            "[tool.poetry.dependencies]\npython = \"latest\"\n",
            "tool.poetry.dependencies.python",
        ),
        (
            "setup.cfg",
            "[options]\npython_requires = >=3.8  # tested on 3.12\n",
            "python_requires",
        ),
    ];
    for (file, contents, reason) in cases {
        let dir = project(&[
            (file, contents),
            ("pkg/v.py", VERSIONED),
            ("pkg/w.py", VERSIONED),
        ]);
        let (target, err) = target_of(dir.path(), "pkg", &[]);
        assert_eq!(target, "py37", "{contents}");
        let warning = format!("{file}: warning: ");
        assert_eq!(err.matches(&warning).count(), 1, "{contents}: {err}");
        assert!(err.contains(reason), "{contents}: {err}");
        assert!(err.contains("using py37, the oldest target"), "{err}");
        // The flag decides: nothing to warn about.
        let (target, err) = target_of(dir.path(), "pkg", &["--target-version", "py310"]);
        assert_eq!((target.as_str(), err.contains("warning")), ("py310", false));
    }
    // Through stdin too.
    let dir = project(&[(
        "pyproject.toml",
        "[project]\nrequires-python = \"python3\"\n",
    )]);
    let output = run(
        dir.path(),
        &["check", "--unsafe-fixes", "--stdin-filename", "v.py"],
        Some(VERSIONED.as_bytes()),
    );
    assert!(
        stderr(&output).contains("pyproject.toml: warning: cannot read"),
        "{}",
        stderr(&output)
    );
    assert!(!stdout(&output).contains("AM003"), "{}", stdout(&output));
}

/// The README's example configuration is one a user can copy.
#[test]
fn the_readme_configuration_example_is_valid() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let section = readme
        .split("## Configuration\n")
        .nth(1)
        .expect("a Configuration section");
    let example = section
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a TOML example");
    let dir = project(&[("pyproject.toml", example), ("m.py", FIXABLE)]);
    let output = asyncmod(dir.path(), &["check"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(
        stdout(&output).contains("m.py:5:5: AM001"),
        "{}",
        stdout(&output)
    );
}

/// A project checked out in a directory the default excludes name (`build`)
/// is not excluded as a whole by `--force-exclude`.
#[test]
fn force_exclude_never_looks_above_the_project() {
    let dir = project(&[("build/m.py", FIXABLE), ("build/dist/d.py", FIXABLE)]);
    let root = dir.path().join("build");
    let absolute = root.join("m.py");
    let absolute = absolute.to_str().expect("utf-8 temp path");
    for args in [
        &["check", "--force-exclude", "."][..],
        &["check", "--force-exclude", "m.py"],
        &["check", "--force-exclude", absolute],
    ] {
        let output = asyncmod(&root, args);
        assert_eq!(code(&output), 1, "{args:?}: {}", stderr(&output));
    }
    // Below it, the defaults still apply.
    let output = asyncmod(&root, &["check", "--force-exclude", "dist/d.py"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    // With a configuration, the project starts at its directory, wherever
    // the run starts.
    write(dir.path(), "build/pyproject.toml", "[tool.asyncmod]\n");
    let output = asyncmod(dir.path(), &["check", "--force-exclude", "build/m.py"]);
    assert_eq!(am001_files(&output), ["build/m.py"]);
    let output = asyncmod(&root, &["check", "--force-exclude", "."]);
    assert_eq!(am001_files(&output), ["m.py"]);
}
