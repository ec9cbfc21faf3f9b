//! `fix --interactive` driven through a pseudo-terminal, one test per answer,
//! and its refusal to run without a terminal.
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};

const SOURCE: &str =
    "import time\n\n\nasync def f():\n    time.sleep(1)\n    time.sleep(2)\n    time.sleep(3)\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("m.py"), SOURCE).expect("write");
    std::fs::write(dir.path().join("n.py"), SOURCE).expect("write");
    dir
}

fn spawn(dir: &Path) -> Session {
    let mut command = Command::new(env!("CARGO_BIN_EXE_asyncmod"));
    // Never a cache in the trees the tests check byte for byte.
    command.env("ASYNCMOD_NO_CACHE", "1");
    command
        .args(["fix", "--interactive"])
        .current_dir(dir)
        .env("NO_COLOR", "1");
    let mut session = expectrl::Session::spawn(command).expect("spawns on a pty");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

fn answer(session: &mut Session, reply: &str) {
    session
        .expect("Apply this fix [y,n,a,q,?]? ")
        .expect("a question");
    session.send_line(reply).expect("answer");
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).expect("read")
}

#[test]
fn yes_and_no_apply_and_skip_one_fix_each() {
    let dir = project();
    let mut session = spawn(dir.path());
    session
        .expect("m.py:5:5: AM001 sleep-in-async")
        .expect("the first fix is named");
    session
        .expect("+    await asyncio.sleep(1)")
        .expect("a diff of the fix");
    answer(&mut session, "y");
    answer(&mut session, "n");
    answer(&mut session, "y");
    // n.py: skip everything.
    answer(&mut session, "n");
    answer(&mut session, "n");
    answer(&mut session, "n");
    session.expect(Eof).expect("finishes");
    assert_eq!(
        read(dir.path(), "m.py"),
        "import asyncio\nimport time\n\n\nasync def f():\n    await asyncio.sleep(1)\n    time.sleep(2)\n    await asyncio.sleep(3)\n"
    );
    assert_eq!(read(dir.path(), "n.py"), SOURCE);
}

#[test]
fn all_applies_this_fix_and_every_remaining_one() {
    let dir = project();
    let mut session = spawn(dir.path());
    answer(&mut session, "n");
    answer(&mut session, "a");
    session.expect(Eof).expect("no more questions");
    assert_eq!(
        read(dir.path(), "m.py"),
        "import asyncio\nimport time\n\n\nasync def f():\n    time.sleep(1)\n    await asyncio.sleep(2)\n    await asyncio.sleep(3)\n"
    );
    assert_eq!(
        read(dir.path(), "n.py"),
        "import asyncio\n\n\nasync def f():\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\n    await asyncio.sleep(3)\n"
    );
}

#[test]
fn quit_keeps_what_was_accepted_and_stops() {
    let dir = project();
    let mut session = spawn(dir.path());
    answer(&mut session, "y");
    answer(&mut session, "q");
    session.expect(Eof).expect("stops");
    assert_eq!(
        read(dir.path(), "m.py"),
        "import asyncio\nimport time\n\n\nasync def f():\n    await asyncio.sleep(1)\n    time.sleep(2)\n    time.sleep(3)\n"
    );
    assert_eq!(read(dir.path(), "n.py"), SOURCE, "nothing after q");
}

#[test]
fn help_for_an_unknown_answer() {
    let dir = project();
    let mut session = spawn(dir.path());
    answer(&mut session, "?");
    session.expect("q - stop here").expect("help text");
    session.send_line("q").expect("answer");
    session.expect(Eof).expect("stops");
    assert_eq!(read(dir.path(), "m.py"), SOURCE);
}

#[test]
fn refuses_without_a_terminal_instead_of_hanging() {
    let dir = project();
    let output = Command::new(env!("CARGO_BIN_EXE_asyncmod"))
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(["fix", "--interactive"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("stdin is not one"), "{stderr}");
    assert_eq!(read(dir.path(), "m.py"), SOURCE);
}

#[test]
fn check_on_a_terminal_shows_the_source_line() {
    let dir = project();
    let mut command = Command::new(env!("CARGO_BIN_EXE_asyncmod"));
    // Never a cache in the trees the tests check byte for byte.
    command.env("ASYNCMOD_NO_CACHE", "1");
    command
        .args(["check", "m.py"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1");
    let mut session = expectrl::Session::spawn(command).expect("spawns");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session.expect("m.py:5:5: AM001 [*]").expect("the finding");
    session
        .expect("5 |     time.sleep(1)")
        .expect("its source line");
    session.expect("^^^^^^^^^^^^^ AM001").expect("underlined");
    session.expect(Eof).expect("finishes");
}

#[test]
fn progress_shows_on_a_terminal_and_never_in_a_pipe() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..200 {
        std::fs::write(dir.path().join(format!("m{i:03}.py")), SOURCE).expect("write");
    }
    let mut command = Command::new(env!("CARGO_BIN_EXE_asyncmod"));
    // Never a cache in the trees the tests check byte for byte.
    command.env("ASYNCMOD_NO_CACHE", "1");
    command
        .args(["check", "--jobs", "1"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .env("ASYNCMOD_PROGRESS_DELAY_MS", "0");
    let mut session = expectrl::Session::spawn(command).expect("spawns");
    session.set_expect_timeout(Some(Duration::from_secs(60)));
    session
        .expect("/200 files")
        .expect("a progress bar on the terminal");
    session.expect(Eof).expect("finishes");

    let output = Command::new(env!("CARGO_BIN_EXE_asyncmod"))
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(["check", "--jobs", "1"])
        .current_dir(dir.path())
        .env_remove("CI")
        .env("ASYNCMOD_PROGRESS_DELAY_MS", "0")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&output.stderr).contains("/200 files"));
}

/// A notebook is reviewed like a module: its cells fixed as one program,
/// only the accepted fixes applied, the JSON written back around them.
#[test]
fn a_notebook_is_reviewed_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notebook = |second: &str| {
        format!(
            r#"{{"cells": [{{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {{}}, "outputs": [], "source": ["import asyncio\n", "import time\n"]}}, {{"cell_type": "code", "execution_count": null, "id": "b", "metadata": {{}}, "outputs": [], "source": ["async def f():\n", "    {second}\n", "    time.sleep(2)\n"]}}], "metadata": {{}}, "nbformat": 4, "nbformat_minor": 5}}"#
        )
    };
    std::fs::write(dir.path().join("nb.ipynb"), notebook("time.sleep(1)")).expect("write");
    let mut session = spawn(dir.path());
    session
        .expect("+    await asyncio.sleep(1)")
        .expect("a diff of the fix");
    answer(&mut session, "y");
    answer(&mut session, "n");
    session.expect(Eof).expect("finishes");
    assert_eq!(
        read(dir.path(), "nb.ipynb"),
        notebook("await asyncio.sleep(1)")
    );
}
