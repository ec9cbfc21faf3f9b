//! The built binary on temporary directories: every exit status, every error
//! path, `git apply`-able diffs, in-place writes, stdin, configuration and
//! file discovery.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FIXABLE: &str = "import time\n\n\nasync def poll():\n    time.sleep(1)  # back off\n";
const FIXED: &str =
    "import asyncio\n\n\nasync def poll():\n    await asyncio.sleep(1)  # back off\n";
const CLEAN: &str = "import asyncio\n\n\nasync def ok():\n    await asyncio.sleep(1)\n";
const REPORT_ONLY: &str = "import time\n\n\nasync def f():\n    x = time.sleep(1)\n";

fn asyncmod(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asyncmod"))
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("CI", "1")
        .output()
        .expect("the binary runs")
}

fn asyncmod_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    common::output_with_stdin(
        Command::new(env!("CARGO_BIN_EXE_asyncmod"))
            .env("ASYNCMOD_NO_CACHE", "1")
            .args(args)
            .current_dir(dir),
        input,
    )
}

/// Runs the binary with its stdout closed before it writes anything, as
/// when `asyncmod … | head` stops reading early.
fn asyncmod_closed_stdout(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asyncmod"))
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    child.wait_with_output().expect("the binary finishes")
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

/// A temporary project: `files` are (relative path, contents).
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, contents) in files {
        write(dir.path(), path, contents.as_bytes());
    }
    dir
}

fn write(dir: &Path, path: &str, contents: &[u8]) -> PathBuf {
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

#[test]
fn diff_exit_status_is_0_when_clean_and_1_when_something_would_change() {
    let dir = project(&[("clean.py", CLEAN)]);
    let output = asyncmod(dir.path(), &["diff"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), "");

    write(dir.path(), "pkg/poll.py", FIXABLE.as_bytes());
    let output = asyncmod(dir.path(), &["diff"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let diff = stdout(&output);
    assert!(
        diff.starts_with("--- a/pkg/poll.py\n+++ b/pkg/poll.py\n@@"),
        "{diff}"
    );
    assert!(
        diff.contains("+    await asyncio.sleep(1)  # back off\n"),
        "{diff}"
    );
    // A dry run writes nothing.
    assert_eq!(read(dir.path(), "pkg/poll.py"), FIXABLE);
}

#[test]
fn diff_applies_with_git_apply_and_patch() {
    let dir = project(&[
        ("app/poll.py", FIXABLE),
        ("app/crlf.py", &FIXABLE.replace('\n', "\r\n")),
        ("app/no_newline.py", FIXABLE.trim_end()),
    ]);
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["-c", "core.autocrlf=false", "add", "."]);
    let diff = stdout(&asyncmod(dir.path(), &["diff"]));
    let patch = dir.path().join("fix.patch");
    fs::write(&patch, &diff).expect("write patch");

    git(&["apply", "--check", "fix.patch"]);
    // `patch -p1` accepts it too (dry run, so git apply can do the real thing).
    let status = Command::new("patch")
        .args(["-p1", "--dry-run", "--quiet", "-i", "fix.patch"])
        .current_dir(dir.path())
        .status()
        .expect("patch runs");
    assert!(status.success(), "patch -p1 rejected:\n{diff}");

    git(&["apply", "fix.patch"]);
    fs::remove_file(&patch).expect("rm patch");
    assert_eq!(read(dir.path(), "app/poll.py"), FIXED);
    assert_eq!(read(dir.path(), "app/crlf.py"), FIXED.replace('\n', "\r\n"));
    assert_eq!(read(dir.path(), "app/no_newline.py"), FIXED.trim_end());
    // What `git apply` made is what `fix` would make: nothing is left to do.
    assert_eq!(code(&asyncmod(dir.path(), &["diff"])), 0);
}

#[test]
fn fix_rewrites_in_place_keeping_permissions_and_leaves_no_temporary_files() {
    let dir = project(&[("poll.py", FIXABLE), ("clean.py", CLEAN)]);
    let path = dir.path().join("poll.py");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o754)).expect("chmod");
    }
    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(dir.path(), "poll.py"), FIXED);
    assert_eq!(read(dir.path(), "clean.py"), CLEAN);
    assert!(
        stderr(&output).contains("fixed poll.py: AM001"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("Applied 1 fix in 1 file of 2."),
        "{}",
        stderr(&output)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o754);
    }
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 2, "stray files: {names:?}");

    // A second run changes nothing.
    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 0);
    assert!(
        stderr(&output).contains("No changes in 2 files."),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink() {
    let dir = project(&[("real/poll.py", FIXABLE)]);
    std::os::unix::fs::symlink(dir.path().join("real/poll.py"), dir.path().join("link.py"))
        .expect("symlink");
    let output = asyncmod(dir.path(), &["fix", "link.py"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(dir.path().join("link.py"))
            .expect("lstat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(read(dir.path(), "real/poll.py"), FIXED);
}

#[test]
fn fix_exit_non_zero_on_fix() {
    let dir = project(&[("poll.py", FIXABLE)]);
    assert_eq!(
        code(&asyncmod(dir.path(), &["fix", "--exit-non-zero-on-fix"])),
        1
    );
    assert_eq!(
        code(&asyncmod(dir.path(), &["fix", "--exit-non-zero-on-fix"])),
        0
    );
}

#[test]
fn check_lists_findings_with_fix_markers_and_exits_1() {
    let dir = project(&[("a.py", FIXABLE), ("b.py", REPORT_ONLY), ("c.py", CLEAN)]);
    let output = asyncmod(dir.path(), &["check"]);
    assert_eq!(code(&output), 1);
    assert_eq!(
        stdout(&output),
        "a.py:5:5: AM001 [*] blocking `time.sleep` call inside `async def`\n\
         b.py:5:9: AM001 blocking `time.sleep` call inside `async def` (no automatic fix: not a whole statement in the coroutine's body, so it cannot become `await`)\n"
    );
    assert!(
        stderr(&output)
            .contains("Found 2 findings in 2 of 3 files (1 fixable with `asyncmod fix`)."),
        "{}",
        stderr(&output)
    );
    assert_eq!(code(&asyncmod(dir.path(), &["check", "c.py"])), 0);
}

#[test]
fn check_json_and_github_formats() {
    let dir = project(&[("a.py", FIXABLE), ("b.py", REPORT_ONLY)]);
    let output = asyncmod(dir.path(), &["check", "--output-format", "json"]);
    assert_eq!(code(&output), 1);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let items = value.as_array().expect("an array");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["code"], "AM001");
    assert_eq!(items[0]["filename"], "a.py");
    assert_eq!(items[0]["location"]["row"], 5);
    assert_eq!(items[0]["location"]["column"], 5);
    assert_eq!(items[0]["fix"]["applicability"], "safe");
    assert_eq!(items[0]["fix"]["applies"], true);
    assert!(items[1]["fix"].is_null());
    assert!(
        items[1]["note"]
            .as_str()
            .is_some_and(|n| n.contains("whole statement"))
    );

    let output = asyncmod(dir.path(), &["check", "--output-format", "github"]);
    let text = stdout(&output);
    assert!(
        text.starts_with("::warning title=asyncmod (AM001),file=a.py,line=5,col=5,endLine=5,endColumn=18::a.py:5:5: AM001 blocking"),
        "{text}"
    );

    let output = asyncmod(dir.path(), &["diff", "--output-format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(value[0]["filename"], "a.py");
    assert!(
        value[0]["diff"]
            .as_str()
            .is_some_and(|d| d.contains("+++ b/a.py"))
    );

    let output = asyncmod(
        dir.path(),
        &["check", "--output-format", "json", "--select", "AM9"],
    );
    assert_eq!(code(&output), 2);
}

/// A file that could not be processed is in every output format, not only
/// on stderr: a reader of the JSON alone must not take the run for clean.
#[test]
fn errors_appear_in_json_and_github_output() {
    let dir = project(&[("a.py", FIXABLE), ("bad.py", "x = (\n")]);
    for command in ["check", "diff", "fix"] {
        let output = asyncmod(dir.path(), &[command, "--output-format", "json", "bad.py"]);
        assert_eq!(code(&output), 2);
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
        let items = value.as_array().expect("an array");
        assert_eq!(items.len(), 1, "{command}: {value:#}");
        assert_eq!(items[0]["severity"], "error");
        assert_eq!(items[0]["filename"], "bad.py");
        assert_eq!(items[0]["location"]["row"], 2);
        assert!(
            items[0]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("syntax error")),
            "{value:#}"
        );
        let output = asyncmod(
            dir.path(),
            &[command, "--output-format", "github", "bad.py"],
        );
        assert!(
            stdout(&output)
                .starts_with("::error title=asyncmod,file=bad.py,line=2,col=1::syntax error"),
            "{command}: {}",
            stdout(&output)
        );
    }
    // Findings and errors side by side, findings marked as warnings.
    let output = asyncmod(dir.path(), &["check", "--output-format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let severities: Vec<&str> = value
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item["severity"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(severities, ["warning", "error"]);
    // A missing path is an error in the output too.
    let output = asyncmod(
        dir.path(),
        &["check", "--output-format", "json", "missing.py"],
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(value[0]["filename"], "missing.py");
    assert_eq!(value[0]["severity"], "error");
}

#[test]
fn syntax_error_is_reported_skipped_and_the_rest_processed() {
    let dir = project(&[("bad.py", "x = (\n"), ("good.py", FIXABLE)]);
    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("bad.py:2:1: error: syntax error: "), "{err}");
    assert_eq!(read(dir.path(), "good.py"), FIXED);
    assert_eq!(read(dir.path(), "bad.py"), "x = (\n");
}

#[test]
fn non_utf8_and_foreign_cookie_are_errors() {
    let dir = project(&[("good.py", FIXABLE)]);
    let latin1 = write(dir.path(), "latin1.py", b"import time\nname = '\xe9'\n");
    write(
        dir.path(),
        "cookie.py",
        b"# -*- coding: latin-1 -*-\nimport time\n",
    );
    let output = asyncmod(dir.path(), &["diff"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("latin1.py:2:9: error: file is not valid UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("cookie.py:1:1: error: file declares encoding `latin-1`"),
        "{err}"
    );
    assert!(stdout(&output).contains("+++ b/good.py"));
    assert_eq!(
        fs::read(latin1).expect("read"),
        b"import time\nname = '\xe9'\n"
    );
}

#[test]
fn missing_path_is_an_error_and_other_paths_still_run() {
    let dir = project(&[("good.py", FIXABLE)]);
    let output = asyncmod(dir.path(), &["check", "missing.py", "good.py"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("missing.py:1:1: error: No such file or directory"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("good.py:5:5: AM001"));
}

#[test]
fn unreadable_file_is_an_error() {
    let dir = project(&[("good.py", FIXABLE)]);
    let locked = write(dir.path(), "locked.py", FIXABLE.as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    // Root reads anything; a file the kernel refuses to read stands in then.
    let target = if fs::read(&locked).is_ok() {
        PathBuf::from("/proc/self/mem")
    } else {
        locked.clone()
    };
    let output = asyncmod(
        dir.path(),
        &["fix", target.to_str().expect("utf-8 path"), "good.py"],
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains(":1:1: error: cannot read: "),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(dir.path(), "good.py"), FIXED);
}

#[test]
fn stdin_filename_for_fix_diff_and_check() {
    let dir = project(&[]);
    let output = asyncmod_stdin(
        dir.path(),
        &["fix", "--stdin-filename", "app/poll.py"],
        FIXABLE.as_bytes(),
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), FIXED);

    let output = asyncmod_stdin(
        dir.path(),
        &["fix", "--stdin-filename", "clean.py"],
        CLEAN.as_bytes(),
    );
    assert_eq!(stdout(&output), CLEAN, "an unchanged source is echoed");

    let output = asyncmod_stdin(
        dir.path(),
        &["diff", "--stdin-filename", "app/poll.py"],
        FIXABLE.as_bytes(),
    );
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).starts_with("--- a/app/poll.py\n+++ b/app/poll.py\n"));

    let output = asyncmod_stdin(
        dir.path(),
        &["check", "--stdin-filename", "app/poll.py"],
        FIXABLE.as_bytes(),
    );
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).starts_with("app/poll.py:5:5: AM001 [*]"));

    // A syntax error: exit 2, and `fix` gives the input back unchanged.
    let output = asyncmod_stdin(dir.path(), &["fix", "--stdin-filename", "x.py"], b"x = (\n");
    assert_eq!(code(&output), 2);
    assert_eq!(stdout(&output), "x = (\n");
    assert!(stderr(&output).contains("x.py:2:1: error: syntax error"));
}

#[test]
fn crlf_bom_and_tabs_survive_a_fix() {
    let source = "\u{feff}# -*- coding: utf-8 -*-\r\nimport time\r\n\r\n\r\nasync def f():\r\n\tif True:\r\n\t\ttime.sleep(1)\t# tab\r\n";
    let dir = project(&[("w.py", source)]);
    assert_eq!(code(&asyncmod(dir.path(), &["fix"])), 0);
    assert_eq!(
        read(dir.path(), "w.py"),
        "\u{feff}# -*- coding: utf-8 -*-\r\nimport asyncio\r\n\r\n\r\nasync def f():\r\n\tif True:\r\n\t\tawait asyncio.sleep(1)\t# tab\r\n"
    );
}

#[test]
fn select_ignore_and_noqa() {
    let dir = project(&[
        ("a.py", FIXABLE),
        ("n.py", &FIXABLE.replace("# back off", "# noqa: AM001")),
    ]);
    assert_eq!(
        code(&asyncmod(dir.path(), &["diff", "--ignore", "AM001"])),
        0
    );
    assert_eq!(
        code(&asyncmod(
            dir.path(),
            &["diff", "--select", "sleep-in-async"]
        )),
        1
    );
    assert_eq!(
        code(&asyncmod(dir.path(), &["diff", "--select", "AM0", "n.py"])),
        0
    );
    let output = asyncmod(dir.path(), &["diff", "--select", "AM999"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("unknown codemod `AM999`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn discovery_honours_gitignore_ignore_excludes_and_explicit_paths() {
    let dir = project(&[
        (".gitignore", "generated/\n"),
        (".ignore", "scratch.py\n"),
        ("src/app.py", FIXABLE),
        ("generated/out.py", FIXABLE),
        ("scratch.py", FIXABLE),
        ("venv/lib/site.py", FIXABLE),
        ("src/api_pb2.py", FIXABLE),
        ("src/types.pyi", FIXABLE),
        ("notes.txt", FIXABLE),
    ]);
    let output = asyncmod(dir.path(), &["check", "--extend-exclude", "*_pb2.py"]);
    assert_eq!(stdout(&output).lines().count(), 1, "{}", stdout(&output));
    assert!(stdout(&output).starts_with("src/app.py:"));

    // `--exclude` replaces the defaults: venv is walked now.
    let output = asyncmod(dir.path(), &["check", "--exclude", "src"]);
    assert!(
        stdout(&output).starts_with("venv/lib/site.py:"),
        "{}",
        stdout(&output)
    );
    assert_eq!(stdout(&output).lines().count(), 1);

    // A path named explicitly is always processed.
    let output = asyncmod(
        dir.path(),
        &[
            "check",
            "generated/out.py",
            "scratch.py",
            "venv/lib/site.py",
        ],
    );
    assert_eq!(stdout(&output).lines().count(), 3, "{}", stdout(&output));
}

#[test]
fn pyproject_configuration_is_read_and_flags_win() {
    let dir = project(&[
        (
            "pyproject.toml",
            "[project]\nname = \"x\"\nrequires-python = \">=3.10\"\n\n[tool.asyncmod]\nignore = [\"AM001\"]\n",
        ),
        ("pkg/a.py", FIXABLE),
    ]);
    assert_eq!(code(&asyncmod(dir.path(), &["diff"])), 0);
    assert_eq!(code(&asyncmod(dir.path(), &["diff", "pkg"])), 0);
    assert_eq!(
        code(&asyncmod(dir.path().join("pkg").as_path(), &["diff"])),
        0
    );
    assert_eq!(code(&asyncmod(dir.path(), &["diff", "--ignore", "AM9"])), 2);
    // `--ignore` adds to what the file ignores; `--extend-select` brings it back.
    assert_eq!(code(&asyncmod(dir.path(), &["diff", "--ignore", ""])), 0);
    assert_eq!(
        code(&asyncmod(dir.path(), &["diff", "--extend-select", "AM001"])),
        1
    );

    write(
        dir.path(),
        "pyproject.toml",
        b"[tool.asyncmod]\nselekt = [\"AM001\"]\n",
    );
    let output = asyncmod(dir.path(), &["diff"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("pyproject.toml:2:1: invalid configuration"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("selekt"), "{}", stderr(&output));

    write(
        dir.path(),
        "pyproject.toml",
        b"[tool.asyncmod]\ntarget-version = \"py27\"\n",
    );
    let output = asyncmod(dir.path(), &["diff"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("pyproject.toml:2:18: invalid configuration: `target-version`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn stateful_names_are_read_from_the_configuration() {
    // `repo` is no default stateful word: the two calls are gathered until
    // the configuration names it (`extend-` adds to the defaults, the plain
    // key replaces them).
    let source = "import asyncio\n\n\nasync def f(repo, i):\n    a = await get_user(repo, i)\n    b = await get_orders(repo, i)\n    return a, b\n\n\nasync def g(uow, i):\n    c = await get_user(uow, i)\n    d = await get_orders(uow, i)\n    return c, d\n";
    let dir = project(&[("pyproject.toml", "[tool.asyncmod]\n"), ("a.py", source)]);
    let diff = |dir: &Path| {
        let output = asyncmod(dir, &["diff", "--unsafe-fixes", "--select", "AM004"]);
        stdout(&output)
    };
    let changed = diff(dir.path());
    assert!(
        changed.contains("+    a, b = await asyncio.gather("),
        "{changed}"
    );
    assert!(!changed.contains("c, d ="), "{changed}");

    write(
        dir.path(),
        "pyproject.toml",
        b"[tool.asyncmod]\nextend-stateful-names = [\"repo\"]\n",
    );
    assert_eq!(diff(dir.path()), "");

    write(
        dir.path(),
        "pyproject.toml",
        b"[tool.asyncmod]\nstateful-names = [\"repo\"]\n",
    );
    let changed = diff(dir.path());
    assert!(!changed.contains("a, b ="), "{changed}");
    assert!(changed.contains("c, d ="), "{changed}");
}

#[test]
fn output_is_sorted_and_the_same_with_one_job_or_many() {
    let mut files = Vec::new();
    for i in 0..40 {
        files.push((format!("m{:02}/f.py", 39 - i), FIXABLE.to_string()));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let dir = project(&refs);
    let one = stdout(&asyncmod(dir.path(), &["check", "--jobs", "1"]));
    let many = stdout(&asyncmod(dir.path(), &["check", "--jobs", "8"]));
    assert_eq!(one, many);
    let paths: Vec<&str> = one
        .lines()
        .map(|l| l.split(':').next().unwrap_or_default())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), 40);
}

#[test]
fn color_only_when_asked_or_on_a_terminal() {
    let dir = project(&[("a.py", FIXABLE)]);
    assert!(!stdout(&asyncmod(dir.path(), &["check"])).contains('\x1b'));
    assert!(stdout(&asyncmod(dir.path(), &["check", "--color", "always"])).contains("\x1b["));
    assert!(stdout(&asyncmod(dir.path(), &["diff", "--color", "always"])).contains("\x1b[32m+"));
}

#[test]
fn list_and_explain() {
    let dir = project(&[]);
    let output = asyncmod(dir.path(), &["list"]);
    assert_eq!(code(&output), 0);
    assert!(
        stdout(&output).contains("AM001  sleep-in-async"),
        "{}",
        stdout(&output)
    );
    let output = asyncmod(dir.path(), &["explain", "sleep-in-async"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    for section in [
        "## What it does",
        "## Why",
        "## Before",
        "## After",
        "## Fix safety",
        "## Left alone",
    ] {
        assert!(text.contains(section), "missing {section}");
    }
    assert_eq!(stdout(&asyncmod(dir.path(), &["explain", "am001"])), text);
    let output = asyncmod(dir.path(), &["explain", "AM999"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("unknown codemod `AM999`"));
}

#[test]
fn broken_pipe_is_not_an_error() {
    let mut files = Vec::new();
    for i in 0..300 {
        files.push((format!("f{i:03}.py"), FIXABLE.to_string()));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let dir = project(&refs);
    let output = asyncmod_closed_stdout(dir.path(), &["diff", "--jobs", "1"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn sarif_output_validates_against_the_schema() {
    let dir = project(&[
        ("a.py", FIXABLE),
        ("b.py", REPORT_ONLY),
        ("bad.py", "x = (\n"),
    ]);
    let schema_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(schema_path).expect("schema"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for command in ["check", "diff", "fix"] {
        let output = asyncmod(dir.path(), &[command, "--output-format", "sarif"]);
        assert_eq!(code(&output), 2, "bad.py is an error");
        let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{command}: {errors:#?}");
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "asyncmod");
        assert_eq!(run["invocations"][0]["executionSuccessful"], false);
        assert_eq!(
            run["invocations"][0]["toolExecutionNotifications"][0]["level"],
            "error"
        );
        let results = run["results"].as_array().expect("results");
        // The error is a result too (code scanning shows results), under
        // the rule `error`, which the driver lists.
        let error = results
            .iter()
            .find(|r| r["ruleId"] == "error")
            .unwrap_or_else(|| panic!("{command}: no error result in {results:#?}"));
        assert_eq!(error["level"], "error");
        assert_eq!(
            error["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "bad.py"
        );
        let index = error["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "error");
        if command == "check" {
            assert_eq!(results.len(), 3);
            assert_eq!(results[0]["ruleId"], "AM001");
            assert_eq!(
                results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
                5
            );
            assert!(results[0]["fixes"][0]["artifactChanges"][0]["replacements"].is_array());
        }
    }
}

#[test]
fn version_names_the_release() {
    let dir = project(&[]);
    let output = asyncmod(dir.path(), &["--version"]);
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).starts_with(&format!("asyncmod {}", env!("CARGO_PKG_VERSION"))));
}

#[test]
fn completions_for_each_shell() {
    let dir = project(&[]);
    for (shell, marker) in [
        ("bash", "_asyncmod()"),
        ("zsh", "#compdef asyncmod"),
        ("fish", "complete -c asyncmod"),
    ] {
        let output = asyncmod(dir.path(), &["completions", shell]);
        assert_eq!(code(&output), 0);
        let text = stdout(&output);
        assert!(
            text.contains(marker),
            "{shell}: {}",
            &text[..text.len().min(200)]
        );
        assert!(text.contains("unsafe-fixes"), "{shell} completes flags");
    }
}

#[test]
fn every_subcommand_has_help_with_examples() {
    let dir = project(&[]);
    for command in ["diff", "fix", "check", "list", "explain", "completions"] {
        let output = asyncmod(dir.path(), &[command, "--help"]);
        assert_eq!(code(&output), 0, "{command}");
        let text = stdout(&output);
        assert!(
            text.contains("Examples:"),
            "{command} --help has no examples:\n{text}"
        );
    }
}

const NOTEBOOK: &str = include_str!("data/notebook.ipynb");

#[test]
fn notebooks_are_fixed_cell_by_cell_keeping_the_json() {
    let dir = project(&[("demo.ipynb", NOTEBOOK)]);
    let output = asyncmod(dir.path(), &["check"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "demo.ipynb:cell 3:2:5: AM001 [*] blocking `time.sleep` call inside `async def`\n"
    );

    // The diff is the notebook file's: it applies like any other, and
    // shows the changed lines of the cells' sources.
    let output = asyncmod(dir.path(), &["diff"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let diff = stdout(&output);
    assert!(
        diff.starts_with("--- a/demo.ipynb\n+++ b/demo.ipynb\n@@ "),
        "{diff}"
    );
    assert!(
        diff.contains("-    \"import time\\n\",\n+    \"import asyncio\\n\",\n"),
        "{diff}"
    );
    assert!(
        diff.contains("+    \"    await asyncio.sleep(1)  # blocks the kernel's loop\\n\",\n"),
        "{diff}"
    );
    let expected = NOTEBOOK
        .replace("    \"import time\\n\",", "    \"import asyncio\\n\",")
        .replace(
            "    \"    time.sleep(1)  #",
            "    \"    await asyncio.sleep(1)  #",
        );
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("git runs")
    };
    git(&["init", "-q"]);
    fs::write(dir.path().join("fix.patch"), &diff).expect("write patch");
    let applied = git(&["apply", "fix.patch"]);
    assert!(applied.status.success(), "{}", stderr(&applied));
    fs::remove_file(dir.path().join("fix.patch")).expect("rm patch");
    assert_eq!(read(dir.path(), "demo.ipynb"), expected);
    fs::write(dir.path().join("demo.ipynb"), NOTEBOOK).expect("restore");

    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(dir.path(), "demo.ipynb"), expected);
    assert_eq!(
        code(&asyncmod(dir.path(), &["diff"])),
        0,
        "a second run changes nothing"
    );
}

const NOTEBOOK_MAGICS: &str = include_str!("data/notebook_magics.ipynb");

#[test]
fn cells_with_cell_magics_are_never_rewritten() {
    // `%%writefile` and `%%bash` bodies are not the kernel's Python: not read
    // (no syntax error, no finding); `%%time` and `%%capture` bodies are,
    // but SPEC AM104 leaves any cell that starts with a cell magic alone.
    // Line magics and shell escapes sit in plain Python cells.
    let dir = project(&[("magics.ipynb", NOTEBOOK_MAGICS)]);
    let output = asyncmod(dir.path(), &["check"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let magic = "(no automatic fix: the cell starts with a cell magic, so it is not plain Python)";
    assert_eq!(
        stdout(&output),
        format!(
            "magics.ipynb:cell 3:2:1: AM104 `asyncio.run()` called where an event loop is already running {magic}\n\
             magics.ipynb:cell 5:2:1: AM104 `asyncio.run()` called where an event loop is already running {magic}\n\
             magics.ipynb:cell 7:2:10: AM104 [*] `asyncio.run()` called where an event loop is already running\n"
        )
    );
    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let expected = NOTEBOOK_MAGICS.replace(
        "\"result = asyncio.run(main())\"",
        "\"result = await main()\"",
    );
    assert_ne!(expected, NOTEBOOK_MAGICS);
    assert_eq!(read(dir.path(), "magics.ipynb"), expected);
}

#[test]
fn notebook_errors_name_the_cell() {
    let broken = NOTEBOOK.replace(
        "\"    print(\\\"polled\\\")\"",
        "\"    print(\\\"polled\\\"\"",
    );
    assert_ne!(broken, NOTEBOOK);
    let dir = project(&[("broken.ipynb", &broken), ("junk.ipynb", "{\"cells\": 1}")]);
    let output = asyncmod(dir.path(), &["check"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("broken.ipynb:cell 3:3:19: error: syntax error"),
        "{err}"
    );
    assert!(
        err.contains("junk.ipynb:1:1: error: not a Jupyter notebook"),
        "{err}"
    );
}

#[test]
fn notebook_through_stdin() {
    let dir = project(&[]);
    let output = asyncmod_stdin(
        dir.path(),
        &["fix", "--stdin-filename", "x.ipynb"],
        NOTEBOOK.as_bytes(),
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).contains("await asyncio.sleep(1)"));
    assert!(
        stdout(&output).contains("\"polled\\n\""),
        "outputs are kept"
    );
}

#[test]
fn diff_paths_are_relative_to_the_current_directory() {
    let dir = project(&[("pkg/x.py", FIXABLE), ("other/y.py", FIXABLE)]);
    let absolute = dir.path().join("pkg/x.py");
    let output = asyncmod(dir.path(), &["diff", absolute.to_str().expect("utf-8")]);
    assert!(
        stdout(&output).starts_with("--- a/pkg/x.py\n+++ b/pkg/x.py\n"),
        "{}",
        stdout(&output)
    );
    let output = asyncmod(&dir.path().join("pkg"), &["diff", "../other/y.py"]);
    assert!(
        stdout(&output).starts_with("--- a/../other/y.py\n"),
        "{}",
        stdout(&output)
    );
}

/// `asyncmod check . | head` must not end in an error: a reader that stops
/// early closes the pipe, and every output format stops quietly then.
#[test]
fn a_closed_stdout_pipe_ends_quietly_in_every_format() {
    let body: String = "    time.sleep(1)\n".repeat(3000);
    let dir = project(&[(
        "many.py",
        &format!("import time\n\n\nasync def f():\n{body}"),
    )]);
    for format in ["text", "json", "github", "sarif"] {
        // Far more than a pipe holds is written after the reader is gone.
        let output = asyncmod_closed_stdout(dir.path(), &["check", "--output-format", format, "."]);
        assert_eq!(stderr(&output), "", "{format}");
        assert_eq!(code(&output), 0, "{format}");
    }
}

/// The configuration is looked for above the path as the file system sees
/// it: `check ../b` run from `a/` must not pick up `a/pyproject.toml`,
/// which is no ancestor of `b/`.
#[test]
fn configuration_is_found_above_a_path_with_dot_dot() {
    let dir = project(&[
        (
            "a/pyproject.toml",
            "[tool.asyncmod]\nignore = [\"AM001\"]\n",
        ),
        ("b/m.py", FIXABLE),
    ]);
    let output = asyncmod(&dir.path().join("a"), &["check", "../b"]);
    assert!(stdout(&output).contains("AM001"), "{}", stdout(&output));
    assert_eq!(code(&output), 1);

    // `b`'s own configuration applies, its excludes relative to `b`.
    write(
        dir.path(),
        "b/pyproject.toml",
        b"[tool.asyncmod]\nextend-exclude = [\"gen/*.py\"]\n",
    );
    write(dir.path(), "b/gen/g.py", FIXABLE.as_bytes());
    let output = asyncmod(&dir.path().join("a"), &["check", "../b", "../b/gen"]);
    let out = stdout(&output);
    assert!(out.contains("m.py") && !out.contains("g.py"), "{out}");
}

/// Peak resident memory of one run, in KiB, as GNU time measures it; `None`
/// where GNU time is not installed.
fn peak_rss_kib(dir: &Path, args: &[&str]) -> Option<u64> {
    if !Path::new("/usr/bin/time").exists() {
        return None;
    }
    let output = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("peak-rss-kib=%M")
        .arg(env!("CARGO_BIN_EXE_asyncmod"))
        .args(args)
        .current_dir(dir)
        .env("CI", "1")
        .env("ASYNCMOD_NO_CACHE", "1")
        .stdout(Stdio::null())
        .output()
        .expect("GNU time runs");
    let err = stderr(&output);
    let line = err
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("peak-rss-kib="))
        .unwrap_or_else(|| panic!("no measurement in {err}"));
    Some(line.trim().parse().expect("a number"))
}

/// Every output format streams: ten times the files (and findings) must
/// not take much more memory. Before findings were streamed, SARIF held
/// every result until the end (24 GB for 10,000 files of findings).
#[test]
fn memory_does_not_grow_with_the_number_of_findings() {
    let body = format!(
        "import time\n\n\nasync def f():\n{}",
        "    time.sleep(1)\n".repeat(10)
    );
    let make = |count: usize| {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..count {
            write(
                dir.path(),
                &format!("p{}/m{i}.py", i / 100),
                body.as_bytes(),
            );
        }
        // One file that fails, so errors stream too.
        write(dir.path(), "p0/bad.py", b"x = (\n");
        dir
    };
    let (small, large) = (make(250), make(2500));
    for format in ["json", "sarif", "github"] {
        let args = ["check", "--output-format", format, "--jobs", "2", "."];
        let Some(few) = peak_rss_kib(small.path(), &args) else {
            eprintln!("skipped: needs GNU time at /usr/bin/time");
            return;
        };
        let many = peak_rss_kib(large.path(), &args).expect("measured once already");
        // 25,000 findings against 2,500: the slack allows for allocator
        // noise, not for memory that grows with the findings.
        assert!(
            many < few * 3 / 2 + 8 * 1024,
            "{format}: {few} KiB for 2,500 findings, {many} KiB for 25,000"
        );
    }
}

/// A file named twice, in any spelling, is processed once: its diff is
/// printed once, so `git apply` takes it.
#[test]
fn a_path_named_twice_is_processed_once() {
    let dir = project(&[("app/x.py", FIXABLE), ("app/y.py", FIXABLE)]);
    let absolute = dir.path().join("app/x.py");
    let output = asyncmod(
        dir.path(),
        &[
            "diff",
            "app/x.py",
            "./app/x.py",
            "app/../app/x.py",
            absolute.to_str().expect("utf-8"),
            "app",
        ],
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let diff = stdout(&output);
    assert_eq!(diff.matches("+++ b/app/x.py").count(), 1, "{diff}");
    assert_eq!(diff.matches("+++ b/app/y.py").count(), 1, "{diff}");
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("git runs")
    };
    git(&["init", "-q"]);
    fs::write(dir.path().join("fix.patch"), &diff).expect("write patch");
    let applied = git(&["apply", "fix.patch"]);
    assert!(applied.status.success(), "{}", stderr(&applied));
    assert_eq!(read(dir.path(), "app/x.py"), FIXED);

    let output = asyncmod(dir.path(), &["check", "app/y.py", "./app/y.py"]);
    assert_eq!(stdout(&output).lines().count(), 0, "fixed already");
    write(dir.path(), "app/y.py", FIXABLE.as_bytes());
    let output = asyncmod(dir.path(), &["fix", "app/y.py", "./app/y.py", "app"]);
    assert!(
        stderr(&output).contains("Applied 1 fix in 1 file of 2."),
        "{}",
        stderr(&output)
    );
}

/// A file over the parser's 4 GiB limit is refused before it is read (a
/// sparse file costs no disk), and the run goes on to its summary.
#[test]
fn a_file_over_4_gib_is_an_error_and_the_run_goes_on() {
    let dir = project(&[("good.py", FIXABLE)]);
    let big = fs::File::create(dir.path().join("big.py")).expect("create");
    big.set_len(5 << 30).expect("a sparse 5 GiB file");
    drop(big);
    for command in ["check", "fix"] {
        let output = asyncmod(dir.path(), &[command]);
        assert_eq!(code(&output), 2, "{}", stderr(&output));
        let err = stderr(&output);
        assert!(
            err.contains(
                "big.py:1:1: error: file too large (5.0 GiB): asyncmod reads files of up to 4 GiB"
            ),
            "{err}"
        );
        assert!(err.contains("1 error."), "the summary is printed: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // The run reached the other file; the file it cannot read may replace
    // `time.sleep` or `asyncio.sleep`, so that fix is not written.
    let output = asyncmod(dir.path(), &["check"]);
    assert!(
        stdout(&output).contains("good.py:5:5: AM001")
            && stdout(&output).contains("big.py cannot be read"),
        "{}",
        stdout(&output)
    );
    assert_eq!(read(dir.path(), "good.py"), FIXABLE);
}

const UNSAFE_ONLY: &str = "import asyncio\n\n\nasync def g():\n    pass\n\n\nasync def f():\n    asyncio.create_task(g())\n";

/// The summary counts what it says: files with findings among the files
/// checked, and as fixable by `asyncmod fix` only what plain `fix` applies.
#[test]
fn check_summary_counts_files_with_findings_and_only_safe_fixes_as_fixable() {
    let dir = project(&[
        ("a.py", FIXABLE),
        ("b.py", CLEAN),
        ("u.py", UNSAFE_ONLY),
        ("bad.py", "x = (\n"),
    ]);
    let output = asyncmod(dir.path(), &["check", "a.py", "b.py"]);
    assert!(
        stderr(&output)
            .ends_with("Found 1 finding in 1 of 2 files (1 fixable with `asyncmod fix`).\n"),
        "{}",
        stderr(&output)
    );
    for flags in [&[][..], &["--unsafe-fixes"][..]] {
        let mut args = vec!["check", "a.py", "u.py", "bad.py"];
        args.extend(flags);
        let output = asyncmod(dir.path(), &args);
        assert!(
            stderr(&output).ends_with(
                "Found 2 findings in 2 files (1 fixable with `asyncmod fix`, 1 more with `asyncmod fix --unsafe-fixes`). 1 error.\n"
            ),
            "{flags:?}: {}",
            stderr(&output)
        );
    }
}

/// Control characters in a file name or a syntax error never reach the
/// terminal raw: they are escaped in text and GitHub output, quoted as git
/// quotes them in diff headers (which still apply), and exact in JSON.
#[cfg(unix)]
#[test]
fn control_characters_in_names_and_errors_are_escaped() {
    let dir = project(&[]);
    write(dir.path(), "e\x1b[31mvil.py", b"x = (\x1b[2J\n");
    write(dir.path(), "new\nline\t.py", FIXABLE.as_bytes());
    let output = asyncmod(dir.path(), &["check"]);
    let (out, err) = (stdout(&output), stderr(&output));
    for text in [&out, &err] {
        assert!(
            !text.contains('\x1b') && !text.contains("new\n"),
            "raw control characters: {text:?}"
        );
    }
    assert!(
        err.contains("e\\x1b[31mvil.py:1:6: error: syntax error: Got unexpected token \\x1b"),
        "{err}"
    );
    assert!(out.starts_with("new\\nline\\t.py:5:5: AM001"), "{out}");
    let output = asyncmod(dir.path(), &["check", "--output-format", "github"]);
    assert!(!stdout(&output).contains('\x1b'), "{}", stdout(&output));
    // JSON keeps the exact name.
    let output = asyncmod(dir.path(), &["check", "--output-format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(value[0]["filename"], "e\x1b[31mvil.py");
    assert_eq!(value[1]["filename"], "new\nline\t.py");

    let output = asyncmod(dir.path(), &["diff", "new\nline\t.py"]);
    let diff = stdout(&output);
    assert!(
        diff.starts_with("--- \"a/new\\nline\\t.py\"\n+++ \"b/new\\nline\\t.py\"\n"),
        "{diff}"
    );
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("git runs")
    };
    git(&["init", "-q"]);
    fs::write(dir.path().join("fix.patch"), &diff).expect("write patch");
    let applied = git(&["apply", "fix.patch"]);
    assert!(applied.status.success(), "{}", stderr(&applied));
    assert_eq!(read(dir.path(), "new\nline\t.py"), FIXED);

    write(dir.path(), "new\nline\t.py", FIXABLE.as_bytes());
    let output = asyncmod(dir.path(), &["fix", "new\nline\t.py"]);
    assert!(
        stderr(&output).contains("fixed new\\nline\\t.py: AM001"),
        "{}",
        stderr(&output)
    );
}

/// Error messages speak of the user's file, never of Rust types.
#[test]
fn messages_name_no_rust_types() {
    let dir = project(&[
        (
            "a.ipynb",
            r#"{"cells": [{"cell_type": "code", "source": 5}]}"#,
        ),
        ("b.ipynb", r#"{"cells": 5}"#),
        ("c.ipynb", r#"{"cells": [{"cell_type": "code"}]}"#),
    ]);
    let output = asyncmod(dir.path(), &["check"]);
    let err = stderr(&output);
    assert!(
        err.contains(
            "a.ipynb:1:1: error: cell 1: `source` is neither a string nor a list of strings\n"
        ),
        "{err}"
    );
    assert!(err.contains("expected a list at line 1 column 11"), "{err}");
    assert!(err.contains("(missing field `source`)"), "{err}");
    for rust in ["usize", "enum", "SourceValue", "sequence", "struct"] {
        assert!(!err.contains(rust), "{rust} in {err}");
    }
    for (value, expected) in [
        ("jobs = 99999999999999999999", "expected a whole number"),
        ("select = \"AM001\"", "expected an array"),
        (
            "stateful-names = { a = 1 }",
            "invalid type: table, expected an array",
        ),
    ] {
        write(
            dir.path(),
            "pyproject.toml",
            format!("[tool.asyncmod]\n{value}\n").as_bytes(),
        );
        let output = asyncmod(dir.path(), &["check", "a.ipynb"]);
        let err = stderr(&output);
        assert!(err.contains(expected), "{value}: {err}");
        for rust in ["i128", "usize", "u16", "sequence", "map"] {
            assert!(!err.contains(rust), "{value}: {rust} in {err}");
        }
    }
}

/// `-q`: findings, diffs and errors, but no summary and no per-file lines.
#[test]
fn quiet_prints_findings_and_errors_but_no_summary() {
    let dir = project(&[("a.py", FIXABLE), ("bad.py", "x = (\n")]);
    let output = asyncmod(dir.path(), &["check", "-q"]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).starts_with("a.py:5:5: AM001"));
    assert_eq!(
        stderr(&output),
        "bad.py:2:1: error: syntax error: unexpected EOF while parsing\n"
    );
    let output = asyncmod(dir.path(), &["diff", "--quiet", "a.py"]);
    assert!(stdout(&output).starts_with("--- a/a.py"));
    assert_eq!(stderr(&output), "");
    let output = asyncmod(dir.path(), &["fix", "-q", "a.py"]);
    assert_eq!(code(&output), 0);
    assert_eq!(stderr(&output), "", "no `fixed a.py` line, no summary");
    assert_eq!(read(dir.path(), "a.py"), FIXED);
}

/// `--exit-zero`: findings and changes exit 0; an error still exits 2.
#[test]
fn exit_zero_exits_0_on_findings_but_not_on_errors() {
    let dir = project(&[("a.py", FIXABLE), ("bad.py", "x = (\n")]);
    assert_eq!(
        code(&asyncmod(dir.path(), &["check", "--exit-zero", "a.py"])),
        0
    );
    assert_eq!(
        code(&asyncmod(dir.path(), &["diff", "--exit-zero", "a.py"])),
        0
    );
    assert_eq!(code(&asyncmod(dir.path(), &["check", "--exit-zero"])), 2);
    let output = asyncmod(
        dir.path(),
        &["fix", "--exit-zero", "--exit-non-zero-on-fix", "a.py"],
    );
    assert_eq!(code(&output), 2, "the two contradict each other");
    assert!(
        stderr(&output).contains("cannot be used with"),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(dir.path(), "a.py"), FIXABLE);
}

/// `--statistics`: findings counted per codemod, most first, as ruff
/// prints them; JSON too; errors counted.
#[test]
fn statistics_count_findings_per_codemod() {
    let dir = project(&[
        ("a.py", FIXABLE),
        ("b.py", REPORT_ONLY),
        ("u.py", UNSAFE_ONLY),
        ("bad.py", "x = (\n"),
    ]);
    let output = asyncmod(dir.path(), &["check", "--statistics"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stdout(&output),
        "2\tAM001\t[*] sleep-in-async\n1\tAM106\t[ ] dangling-task\n1\terror\t    could not be processed (see above)\n"
    );
    assert!(
        stderr(&output).contains("Found 3 findings in 3 files"),
        "{}",
        stderr(&output)
    );
    let output = asyncmod(
        dir.path(),
        &[
            "check",
            "--statistics",
            "--output-format",
            "json",
            "a.py",
            "u.py",
        ],
    );
    assert_eq!(code(&output), 1);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(
        value,
        serde_json::json!([
            {"code": "AM001", "name": "sleep-in-async", "count": 1, "fixable": true, "fixable_count": 1},
            {"code": "AM106", "name": "dangling-task", "count": 1, "fixable": false, "fixable_count": 0},
        ])
    );
    let output = asyncmod(
        dir.path(),
        &["check", "--statistics", "--output-format", "sarif"],
    );
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("`--statistics` prints text or JSON"));
}

/// `-` as the path reads stdin, as `--stdin-filename` does.
#[test]
fn dash_reads_stdin() {
    let dir = project(&[("other.py", CLEAN)]);
    let output = asyncmod_stdin(dir.path(), &["check", "-"], FIXABLE.as_bytes());
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).starts_with("-:5:5: AM001 [*]"),
        "{}",
        stdout(&output)
    );
    let output = asyncmod_stdin(dir.path(), &["fix", "-"], FIXABLE.as_bytes());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), FIXED);
    let output = asyncmod_stdin(
        dir.path(),
        &["diff", "--stdin-filename", "app/poll.py", "-"],
        FIXABLE.as_bytes(),
    );
    assert!(stdout(&output).starts_with("--- a/app/poll.py\n"));
    for args in [
        &["check", "-", "other.py"][..],
        &["check", "--add-noqa", "-"][..],
        &["fix", "--interactive", "-"][..],
    ] {
        let output = asyncmod_stdin(dir.path(), args, FIXABLE.as_bytes());
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(
            stderr(&output).contains("stdin"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

/// `check --fix` applies what `fix` applies, then lists what remains.
#[test]
fn check_fix_fixes_then_lists_what_remains() {
    let both = format!("{FIXABLE}    y = time.sleep(2)\n");
    let dir = project(&[("a.py", &both), ("b.py", FIXABLE), ("c.py", CLEAN)]);
    let output = asyncmod(dir.path(), &["check", "--fix"]);
    assert_eq!(code(&output), 1, "a finding remains");
    assert_eq!(
        stdout(&output),
        "a.py:7:9: AM001 blocking `time.sleep` call inside `async def` (no automatic fix: not a whole statement in the coroutine's body, so it cannot become `await`)\n"
    );
    assert!(
        stderr(&output)
            .ends_with("Fixed 2 findings in 2 files. Found 1 finding remaining in 1 of 3 files.\n"),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(dir.path(), "b.py"), FIXED);
    let output = asyncmod(dir.path(), &["check", "--fix", "b.py", "c.py"]);
    assert_eq!(code(&output), 0);
    let output = asyncmod_stdin(dir.path(), &["check", "--fix", "-"], FIXABLE.as_bytes());
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("`asyncmod fix -`"),
        "{}",
        stderr(&output)
    );
}

/// `--add-noqa` on a realistic module: every finding gets its code on its
/// noqa line (merged into a `# noqa` there, never inside a string), the
/// module still compiles, a second `check` is clean and a second
/// `--add-noqa` adds nothing. Lines change only by what is appended.
#[test]
fn add_noqa_marks_every_finding_and_a_second_check_is_clean() {
    let module = include_str!("data/add_noqa_service.py");
    let dir = project(&[("service.py", module), ("demo.ipynb", NOTEBOOK)]);
    let output = asyncmod(dir.path(), &["check", "--unsafe-fixes"]);
    assert_eq!(code(&output), 1);
    let findings = stdout(&output).lines().count();
    assert!(findings >= 10, "{}", stdout(&output));

    let output = asyncmod(dir.path(), &["check", "--add-noqa", "--unsafe-fixes"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains(&format!(
            "Marked {} findings with `# noqa` in 2 files.",
            findings
        )),
        "{}",
        stderr(&output)
    );
    let marked = read(dir.path(), "service.py");
    let expected: Vec<(&str, &str)> = vec![
        ("    loop = asyncio.get_event_loop()", "  # noqa: AM101"),
        ("    time.sleep(0.1)  # rate limit", "  # noqa: AM001"),
        ("        data = await asyncio.wait_for(", "  # noqa: AM003"),
        ("    \"\"\"", "  # noqa: AM001"),
        ("        time.sleep(0)", "  # noqa: AM001"),
        ("        except:", "  # noqa: AM107"),
    ];
    for (line, comment) in expected {
        assert!(
            marked.lines().any(|l| l == format!("{line}{comment}")),
            "{line}{comment} in:\n{marked}"
        );
    }
    assert!(
        marked.contains("    except asyncio.TimeoutError:  # noqa: AM103, E722 reason\n"),
        "{marked}"
    );
    // Only appended: every line starts as it did.
    assert_eq!(marked.lines().count(), module.lines().count());
    for (old, new) in module.lines().zip(marked.lines()) {
        let head = old.split("  # noqa").next().unwrap_or(old);
        assert!(new.starts_with(head), "{old:?} became {new:?}");
    }
    let notebook = read(dir.path(), "demo.ipynb");
    assert!(
        notebook.contains(r#""    time.sleep(1)  # blocks the kernel's loop  # noqa: AM001\n","#),
        "{notebook}"
    );

    let output = asyncmod(dir.path(), &["check", "--unsafe-fixes"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stderr(&output).contains("No findings in 2 files."));
    let output = asyncmod(dir.path(), &["check", "--add-noqa", "--unsafe-fixes"]);
    assert!(stderr(&output).contains("No findings to mark in 2 files."));
    assert_eq!(read(dir.path(), "service.py"), marked);
    let compiled = Command::new("python3")
        .args(["-m", "py_compile", "service.py"])
        .current_dir(dir.path())
        .output();
    if let Ok(compiled) = compiled {
        assert!(compiled.status.success(), "{}", stderr(&compiled));
    }
}

/// A codemod named in `--select` that the target version keeps from
/// running is reported, not met with a silent "No findings".
#[test]
fn a_selected_codemod_the_target_excludes_is_reported() {
    let dir = project(&[("a.py", FIXABLE)]);
    let output = asyncmod(
        dir.path(),
        &["check", "--select", "AM003", "--target-version", "py310"],
    );
    assert_eq!(code(&output), 0);
    assert!(
        stderr(&output).starts_with(
            "warning: AM003 (wait-for-to-timeout) needs Python 3.11 or newer and the target is py310, so it does not run (`--target-version py311` runs it)\n"
        ),
        "{}",
        stderr(&output)
    );
    // By name too; not for a prefix that selects codemods that do run.
    let output = asyncmod(
        dir.path(),
        &["check", "--select", "AM0", "--target-version", "py310"],
    );
    assert!(!stderr(&output).contains("warning"), "{}", stderr(&output));
    let output = asyncmod(
        dir.path(),
        &[
            "check",
            "--select",
            "wait-for-to-timeout,AM001",
            "--target-version",
            "py310",
        ],
    );
    assert!(
        stderr(&output).contains("warning: AM003"),
        "{}",
        stderr(&output)
    );
    // A configuration that selects only codemods that cannot run.
    write(
        dir.path(),
        "pyproject.toml",
        b"[project]\nrequires-python = \">=3.9\"\n\n[tool.asyncmod]\nselect = [\"AM003\", \"AM005\"]\n",
    );
    let output = asyncmod(dir.path(), &["check"]);
    let err = stderr(&output);
    assert!(
        err.contains("warning: AM003") && err.contains("warning: AM005"),
        "{err}"
    );
}

/// A legacy coroutine whose conversion the compile gate refuses (a `yield
/// from` in a local variable's annotation becomes an `await` there, which
/// Python 3.14 rejects), beside a safe fix.
const GATE_REFUSES: &str = "import asyncio\nimport time\n\n\n@asyncio.coroutine\ndef legacy(x):\n    y: (yield from x) = 1\n    return y\n\n\nasync def poll():\n    time.sleep(1)\n";

/// `check` calls fixable only what `fix` with the same options writes:
/// the text marker, JSON's `fix`, SARIF, the summary and `--statistics`
/// all agree with what `fix` then does, with and without `--unsafe-fixes`.
#[test]
fn check_calls_fixable_only_what_fix_writes() {
    let dir = project(&[("g.py", GATE_REFUSES), ("a.py", FIXABLE)]);
    let refused = "(no automatic fix: `fix --unsafe-fixes` would write none of this file's fixes: fixes of AM001, AM202 produced code that does not compile (await expression cannot be used within a type annotation at 6:9))";

    // Safe fixes only: AM001 applies, AM202 is not promised to `--unsafe-fixes`.
    let output = asyncmod(dir.path(), &["check", "g.py"]);
    assert_eq!(code(&output), 1);
    assert_eq!(
        stdout(&output),
        format!(
            "g.py:5:1: AM202 `@asyncio.coroutine` was removed in Python 3.11 {refused}\n\
             g.py:12:5: AM001 [*] blocking `time.sleep` call inside `async def`\n"
        )
    );
    assert!(
        stderr(&output).contains(
            "g.py: warning: internal error: fixes of AM001, AM202 produced code that does not compile (await expression cannot be used within a type annotation at 6:9); `fix --unsafe-fixes` would leave this file unchanged"
        ),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("Found 2 findings in 1 file (1 fixable with `asyncmod fix`)."),
        "{}",
        stderr(&output)
    );

    // With `--unsafe-fixes`, `fix` writes nothing in g.py: nothing there is fixable.
    let unsafe_check = ["check", "--unsafe-fixes"];
    let output = asyncmod(dir.path(), &[&unsafe_check[..], &["g.py", "a.py"]].concat());
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(!text.contains("g.py:5:1: AM202 [*]"), "{text}");
    assert!(text.contains("g.py:12:5: AM001 blocking `time.sleep` call inside `async def` (no automatic fix: `fix` would write none of this file's fixes"), "{text}");
    assert!(text.contains("a.py:5:5: AM001 [*]"), "{text}");
    assert!(
        stderr(&output).contains("Found 3 findings in 2 files (1 fixable with `asyncmod fix`)."),
        "{}",
        stderr(&output)
    );
    let output = asyncmod(
        dir.path(),
        &[&unsafe_check[..], &["--output-format", "json", "g.py"]].concat(),
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let items = value.as_array().expect("an array");
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|item| item["fix"].is_null()), "{value}");
    assert!(
        items.iter().all(|item| item["note"]
            .as_str()
            .is_some_and(|n| n.starts_with("`fix` would write none of this file's fixes"))),
        "{value}"
    );
    let output = asyncmod(
        dir.path(),
        &[&unsafe_check[..], &["--output-format", "sarif", "g.py"]].concat(),
    );
    assert_eq!(
        stdout(&output)
            .matches("(no automatic fix: `fix` would write none of this file's fixes: ")
            .count(),
        2,
        "{}",
        stdout(&output)
    );
    let output = asyncmod(
        dir.path(),
        &[&unsafe_check[..], &["--statistics", "g.py", "a.py"]].concat(),
    );
    assert_eq!(
        stdout(&output),
        "2\tAM001\t[*] sleep-in-async\n1\tAM202\t[ ] legacy-coroutine\n"
    );
    let output = asyncmod(
        dir.path(),
        &[&unsafe_check[..], &["--statistics", "g.py"]].concat(),
    );
    assert_eq!(
        stdout(&output),
        "1\tAM001\t[ ] sleep-in-async\n1\tAM202\t[ ] legacy-coroutine\n"
    );

    // What `fix` then does: the safe fix alone is written; with
    // `--unsafe-fixes` the file is left as it was.
    let output = asyncmod(dir.path(), &["fix", "--unsafe-fixes", "g.py"]);
    assert_eq!(code(&output), 2);
    assert_eq!(read(dir.path(), "g.py"), GATE_REFUSES);
    let output = asyncmod(dir.path(), &["fix", "g.py"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(read(dir.path(), "g.py").contains("    await asyncio.sleep(1)\n"));
}

/// `fix` and `diff` without `--unsafe-fixes` count the unsafe fixes they
/// leave only where `fix --unsafe-fixes` would write them: the compile gate
/// refuses g.py's rounds with unsafe fixes on, so its unsafe fix is not
/// counted (a warning says why), while u.py's is.
#[test]
fn fix_counts_only_the_unsafe_fixes_fix_unsafe_would_write() {
    const UNSAFE: &str = "import asyncio\n\n\n@asyncio.coroutine\ndef legacy(x):\n    y = yield from x\n    return y\n";
    let dir = project(&[("g.py", GATE_REFUSES), ("u.py", UNSAFE)]);
    let refused = "g.py: warning: internal error: fixes of AM001, AM202 produced code that does not compile (await expression cannot be used within a type annotation at 6:9); `fix --unsafe-fixes` would leave this file unchanged";

    let output = asyncmod(dir.path(), &["diff", "g.py"]);
    let err = stderr(&output);
    assert!(err.contains(refused), "{err}");
    assert!(err.contains("Would apply 1 fix in 1 file."), "{err}");
    assert!(!err.contains("--unsafe-fixes`."), "{err}");

    let output = asyncmod(dir.path(), &["diff", "g.py", "u.py"]);
    let err = stderr(&output);
    assert!(
        err.contains("Would apply 1 fix in 1 file. 1 more fix available with `--unsafe-fixes`."),
        "{err}"
    );

    // What `fix --unsafe-fixes` then writes is what was promised: u.py's
    // unsafe fix, nothing in g.py.
    let output = asyncmod(dir.path(), &["fix", "u.py", "g.py"]);
    let err = stderr(&output);
    assert_eq!(code(&output), 0, "{err}");
    assert!(
        err.contains("Applied 1 fix in 1 file of 2. 1 more fix available with `--unsafe-fixes`."),
        "{err}"
    );
    assert_eq!(read(dir.path(), "u.py"), UNSAFE);
    let output = asyncmod(dir.path(), &["fix", "--unsafe-fixes", "u.py"]);
    assert!(
        stderr(&output).contains("Applied 1 fix in 1 file of 1."),
        "{}",
        stderr(&output)
    );
    assert!(read(dir.path(), "u.py").contains("async def legacy(x):\n    y = await x\n"));
}
