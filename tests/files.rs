//! What `fix` keeps of a file and what it refuses to write, with the built
//! binary: owner and group, mode, ACLs, extended attributes, hard links,
//! read-only files, read-only and sticky directories, a write that fails
//! half way, and runs stopped by a real SIGINT or SIGTERM.
//!
//! Some checks need root (to give a file another owner, or to run as
//! another user with `setpriv`) or the `acl` and `attr` commands; without
//! them those checks are skipped, saying so on stderr.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const FIXABLE: &str = "import time\n\n\nasync def poll():\n    time.sleep(1)  # back off\n";
const FIXED: &str =
    "import asyncio\n\n\nasync def poll():\n    await asyncio.sleep(1)  # back off\n";

const BIN: &str = env!("CARGO_BIN_EXE_asyncmod");

fn asyncmod(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(args)
        .current_dir(dir)
        .env("CI", "1")
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

fn skip(test: &str, why: &str) {
    eprintln!("skipped: {test}: {why}");
}

/// A temporary directory that other users may enter (for `setpriv` runs).
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
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

fn read(path: &Path) -> String {
    fs::read_to_string(path).expect("read")
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("stat").permissions().mode() & 0o7777
}

/// Every name under `dir`, relative, sorted.
fn names(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("ls") {
            let path = entry.expect("entry").path();
            let relative = path.strip_prefix(root).expect("inside");
            out.push(relative.to_string_lossy().to_string());
            if path.is_dir() && !path.is_symlink() {
                walk(root, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn is_root() -> bool {
    let probe = tempfile::NamedTempFile::new().expect("temp file");
    probe.as_file().metadata().expect("stat").uid() == 0
}

fn has_command(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `asyncmod ARGS` as the user `nobody` (group `nogroup`), when this test
/// runs as root and `setpriv` can start the binary as that user.
fn as_nobody(dir: &Path, args: &[&str], test: &str) -> Option<Output> {
    if !is_root() {
        skip(test, "needs root to run as another user");
        return None;
    }
    let run = |args: &[&str]| {
        Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", BIN])
            .args(args)
            .current_dir(dir)
            // Never a cache in the trees the tests check byte for byte.
            .env("ASYNCMOD_NO_CACHE", "1")
            .env("CI", "1")
            .output()
    };
    match run(&["--version"]) {
        Ok(output) if output.status.success() => {}
        Ok(output) => {
            skip(
                test,
                &format!(
                    "`setpriv` cannot start the binary as `nobody`: {}",
                    stderr(&output).trim()
                ),
            );
            return None;
        }
        Err(error) => {
            skip(test, &format!("no `setpriv`: {error}"));
            return None;
        }
    }
    Some(run(args).expect("setpriv runs"))
}

fn nobody_ids() -> (u32, u32) {
    let id = |flag: &str| {
        let output = Command::new("id")
            .args([flag, "nobody"])
            .output()
            .expect("id runs");
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse::<u32>()
            .expect("a number")
    };
    let group = Command::new("getent")
        .args(["group", "nogroup"])
        .output()
        .expect("getent runs");
    let gid = String::from_utf8_lossy(&group.stdout)
        .split(':')
        .nth(2)
        .and_then(|gid| gid.trim().parse().ok())
        .expect("a nogroup group");
    (id("-u"), gid)
}

#[test]
fn owner_and_group_are_kept() {
    if !is_root() {
        return skip("owner_and_group_are_kept", "needs root to chown");
    }
    let dir = project(&[("poll.py", FIXABLE)]);
    let path = dir.path().join("poll.py");
    std::os::unix::fs::chown(&path, Some(1234), Some(5678)).expect("chown");
    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(&path), FIXED);
    let metadata = fs::metadata(&path).expect("stat");
    assert_eq!((metadata.uid(), metadata.gid()), (1234, 5678));
    assert_eq!(names(dir.path()), ["poll.py"]);
}

#[test]
fn mode_bits_are_kept() {
    for bits in [0o600, 0o640, 0o664, 0o700, 0o755, 0o1777] {
        let dir = project(&[("poll.py", FIXABLE)]);
        let path = dir.path().join("poll.py");
        chmod(&path, bits);
        let output = asyncmod(dir.path(), &["fix"]);
        assert_eq!(code(&output), 0, "{bits:o}: {}", stderr(&output));
        assert_eq!(read(&path), FIXED);
        assert_eq!(mode(&path), bits, "mode {bits:o}");
        assert_eq!(names(dir.path()), ["poll.py"]);
    }
}

#[test]
fn every_hard_link_sees_the_fix() {
    let dir = project(&[("src/poll.py", FIXABLE)]);
    let path = dir.path().join("src/poll.py");
    let other = dir.path().join("elsewhere.py");
    fs::hard_link(&path, &other).expect("ln");
    let output = asyncmod(dir.path(), &["fix", "src"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(&other), FIXED);
    let (a, b) = (
        fs::metadata(&path).expect("stat"),
        fs::metadata(&other).expect("stat"),
    );
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2), "still one file");

    // Several names in one run: the file is fixed once, under the first
    // name, never by two workers at once (each would see the other's
    // write as a change on disk). A big file widens the window that race
    // had; the names are left out before any worker starts, so every run
    // is the same.
    let big: String = std::iter::once("import time\n".to_string())
        .chain((0..200).map(|i| format!("\n\nasync def poll{i}():\n    time.sleep(1)\n")))
        .collect();
    for source in [FIXABLE, big.as_str()] {
        for _ in 0..5 {
            let dir = project(&[("a.py", source)]);
            fs::hard_link(dir.path().join("a.py"), dir.path().join("b.py")).expect("ln");
            fs::hard_link(dir.path().join("a.py"), dir.path().join("c.py")).expect("ln");
            let output = asyncmod(dir.path(), &["fix", "--jobs", "2", ".", "c.py"]);
            assert_eq!(code(&output), 0, "{}", stderr(&output));
            let fixes = source.matches("time.sleep").count();
            let count = if fixes == 1 {
                String::new()
            } else {
                format!(" ×{fixes}")
            };
            let plural = if fixes == 1 { "" } else { "es" };
            assert_eq!(
                stderr(&output),
                format!(
                    "b.py: note: the same file as `a.py` (a hard link): processed once, as `a.py`\n\
                     c.py: note: the same file as `a.py` (a hard link): processed once, as `a.py`\n\
                     fixed a.py: AM001{count}\n\
                     Applied {fixes} fix{plural} in 1 file of 1.\n"
                )
            );
            let fixed = read(&dir.path().join("b.py"));
            assert!(!fixed.contains("time.sleep") && fixed.contains("await asyncio.sleep(1)"));
            assert_eq!(
                fs::metadata(dir.path().join("a.py")).expect("stat").nlink(),
                3
            );
            assert_eq!(names(dir.path()), ["a.py", "b.py", "c.py"]);
        }
    }
    // `check` reports the file once too; `-q` says nothing of the names.
    let dir = project(&[("a.py", FIXABLE)]);
    fs::hard_link(dir.path().join("a.py"), dir.path().join("b.py")).expect("ln");
    let output = asyncmod(dir.path(), &["check", "-q", "--jobs", "2"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "a.py:5:5: AM001 [*] blocking `time.sleep` call inside `async def`\n"
    );
    assert_eq!(stderr(&output), "");
}

#[test]
fn acls_are_kept() {
    let test = "acls_are_kept";
    if !has_command("setfacl") || !has_command("getfacl") {
        return skip(test, "no `setfacl`/`getfacl` (Debian package `acl`)");
    }
    let dir = project(&[("poll.py", FIXABLE)]);
    let path = dir.path().join("poll.py");
    chmod(&path, 0o600);
    let set = Command::new("setfacl")
        .args(["-m", "u:nobody:rw,g:nogroup:r"])
        .arg(&path)
        .output()
        .expect("setfacl runs");
    if !set.status.success() {
        return skip(
            test,
            &format!("this file system takes no ACL: {}", stderr(&set).trim()),
        );
    }
    let acl = || {
        let output = Command::new("getfacl")
            .args(["--omit-header", "--numeric"])
            .arg(&path)
            .output()
            .expect("getfacl runs");
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8_lossy(&output.stdout).to_string()
    };
    let before = acl();
    let (uid, gid) = nobody_ids();
    assert!(
        before.contains(&format!("user:{uid}:rw-")) && before.contains(&format!("group:{gid}:r--")),
        "{before}"
    );
    let mode_before = mode(&path);
    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(&path), FIXED);
    assert_eq!(acl(), before, "the ACL is kept");
    assert_eq!(mode(&path), mode_before, "and the mode with it");
    assert_eq!(names(dir.path()), ["poll.py"]);
}

#[test]
fn extended_attributes_are_kept() {
    let test = "extended_attributes_are_kept";
    if !has_command("setfattr") || !has_command("getfattr") {
        return skip(test, "no `setfattr`/`getfattr` (Debian package `attr`)");
    }
    let dir = project(&[("poll.py", FIXABLE)]);
    let path = dir.path().join("poll.py");
    let set = Command::new("setfattr")
        .args(["-n", "user.origin", "-v", "generated by hand"])
        .arg(&path)
        .output()
        .expect("setfattr runs");
    if !set.status.success() {
        return skip(
            test,
            &format!(
                "this file system takes no user attribute: {}",
                stderr(&set).trim()
            ),
        );
    }
    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(&path), FIXED);
    let get = Command::new("getfattr")
        .args(["--only-values", "-n", "user.origin"])
        .arg(&path)
        .output()
        .expect("getfattr runs");
    assert!(get.status.success(), "{}", stderr(&get));
    assert_eq!(String::from_utf8_lossy(&get.stdout), "generated by hand");
}

#[test]
fn a_read_only_file_is_an_error_and_stays_as_it_was() {
    let dir = project(&[("locked.py", FIXABLE), ("open.py", FIXABLE)]);
    let locked = dir.path().join("locked.py");
    chmod(&locked, 0o444);
    // As whoever runs the tests (root too, who could write it).
    let output = asyncmod(dir.path(), &["fix"]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "locked.py:1:1: error: cannot write the fixed file: it is read-only (mode 0444): \
             asyncmod does not rewrite a file without write permission, not even as root; \
             make it writable to fix it"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(&locked), FIXABLE);
    assert_eq!(mode(&locked), 0o444);
    assert_eq!(read(&dir.path().join("open.py")), FIXED);
    assert_eq!(names(dir.path()), ["locked.py", "open.py"]);
}

#[test]
fn a_file_of_root_in_a_sticky_world_writable_directory_is_an_error_for_another_user() {
    let test = "a_file_of_root_in_a_sticky_world_writable_directory_is_an_error_for_another_user";
    let dir = project(&[("shared/root.py", FIXABLE)]);
    let shared = dir.path().join("shared");
    let path = shared.join("root.py");
    chmod(&shared, 0o1777);
    chmod(&path, 0o644);
    let Some(output) = as_nobody(dir.path(), &["fix", "shared"], test) else {
        return;
    };
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "shared/root.py:1:1: error: cannot write the fixed file: \
             cannot open it for writing: Permission denied"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(&path), FIXABLE);
    assert_eq!(fs::metadata(&path).expect("stat").uid(), 0);
    assert_eq!(names(dir.path()), ["shared", "shared/root.py"]);
}

#[test]
fn a_writable_file_in_a_read_only_directory_is_fixed() {
    let test = "a_writable_file_in_a_read_only_directory_is_fixed";
    let dir = project(&[("frozen/poll.py", FIXABLE)]);
    let frozen = dir.path().join("frozen");
    let path = frozen.join("poll.py");
    let output = if is_root() {
        // Root writes in any directory: run as a user who may write the
        // file but not the directory.
        let (uid, gid) = nobody_ids();
        std::os::unix::fs::chown(&path, Some(uid), Some(gid)).expect("chown");
        chmod(&frozen, 0o755);
        let Some(output) = as_nobody(dir.path(), &["fix", "frozen"], test) else {
            return;
        };
        output
    } else {
        chmod(&frozen, 0o555);
        let output = asyncmod(dir.path(), &["fix", "frozen"]);
        chmod(&frozen, 0o755);
        output
    };
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(&path), FIXED);
    assert_eq!(names(dir.path()), ["frozen", "frozen/poll.py"]);
}

#[test]
fn a_write_that_fails_half_way_leaves_the_original() {
    // `ulimit -f 1`: no file may grow past 1024 bytes. The fix makes this
    // one grow past it, so its write fails after part of it went through.
    let padding = "# padding to just under the limit\n".repeat(28);
    let big = format!("{padding}{FIXABLE}");
    let growth = FIXED.len() - FIXABLE.len();
    assert!(
        big.len() < 1024 && big.len() + growth > 1024,
        "{}",
        big.len()
    );
    let dir = project(&[("big.py", &big), ("small.py", FIXABLE)]);
    let output = Command::new("bash")
        .args(["-c", "ulimit -f 1 && exec \"$0\" fix big.py small.py", BIN])
        .current_dir(dir.path())
        .env("ASYNCMOD_NO_CACHE", "1")
        .output()
        .expect("bash runs");
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "big.py:1:1: error: cannot write the fixed file: \
             File too large; the file was left with its original content"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(&dir.path().join("big.py")), big);
    assert_eq!(read(&dir.path().join("small.py")), FIXED);
    assert_eq!(names(dir.path()), ["big.py", "small.py"]);
}

/// Sources that `fix` changes, each a little different: half grow
/// (`time.sleep` → `await asyncio.sleep`), half shrink
/// (`asyncio.TimeoutError` → `TimeoutError`).
fn generated_tree(count: usize) -> BTreeMap<String, String> {
    (0..count)
        .map(|i| {
            let path = format!("pkg{:02}/mod{i:04}.py", i / 100);
            let source = if i % 2 == 0 {
                // `time.sleep(0)` does not block, and is left alone.
                let seconds = i + 1;
                format!("import time\n\n\nasync def poll_{i}():\n    time.sleep({seconds})  # back off\n")
            } else {
                format!(
                    "import asyncio\n\n\nasync def wait_{i}(g):\n    try:\n        await g({i})\n    except asyncio.TimeoutError:\n        pass\n"
                )
            };
            (path, source)
        })
        .collect()
}

fn lay_out(dir: &Path, tree: &BTreeMap<String, String>) {
    for (path, source) in tree {
        write(dir, path, source);
    }
}

/// A temporary directory in memory (`/dev/shm`) when there is one: the
/// thousands of files of the interruption test are made and removed much
/// faster there than on a busy disk.
fn in_memory() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    match shm.is_dir() {
        true => tempfile::tempdir_in(shm).or_else(|_| tempfile::tempdir()),
        false => tempfile::tempdir(),
    }
    .expect("temp dir")
}

/// Starts `fix` in `dir`, sends `signal` (`times` times) as soon as it has
/// fixed a file, and checks that every file is either as it was before this
/// run or exactly as a full run fixes it, that the files reported fixed are
/// the ones this run fixed, and that no other file appeared.
fn interrupt(dir: &Path, fixed: &BTreeMap<String, String>, signal: (&str, i32), times: usize) {
    let (name, number) = signal;
    let before: BTreeMap<&String, String> = fixed
        .keys()
        .map(|path| (path, read(&dir.join(path))))
        .collect();
    let names_before = names(dir);
    let err_path = dir.join("stderr.txt");
    let err_file = fs::File::create(&err_path).expect("create");
    let mut child = Command::new(BIN)
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(["fix", "--jobs", "2", "."])
        .current_dir(dir)
        .env("CI", "1")
        .stdout(Stdio::null())
        .stderr(err_file)
        .spawn()
        .expect("the binary runs");
    // Wait until it has fixed a file (or ended), then stop it.
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none()
        && !read(&err_path).contains("fixed ")
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(1));
    }
    for _ in 0..times {
        // The process may have ended already: `kill` then fails, harmlessly
        // (it is not reaped yet, so its number is not reused).
        let _ = Command::new("kill")
            .args(["-s", name, &child.id().to_string()])
            .stderr(Stdio::null())
            .status();
    }
    let status = child.wait().expect("wait");
    let err = read(&err_path);
    fs::remove_file(&err_path).expect("rm");

    let mut reported: Vec<&str> = err
        .lines()
        .filter_map(|line| line.strip_prefix("fixed "))
        .filter_map(|line| line.split(':').next())
        .collect();
    reported.sort_unstable();
    let mut done = Vec::new();
    for (path, was) in &before {
        let now = read(&dir.join(path));
        if now != *was {
            assert_eq!(
                now, fixed[*path],
                "{path} is neither as it was nor fully fixed"
            );
            done.push(path.as_str());
        }
    }
    // Stopped at once (by a second signal), the last files written may go
    // unreported; any file reported is fixed.
    if err.contains("every file is either as it was or fully fixed.") {
        assert!(
            reported.iter().all(|path| done.contains(path)),
            "every file reported fixed is fixed: {reported:?} {done:?}"
        );
    } else {
        assert_eq!(
            reported, done,
            "the files reported fixed are the files fixed"
        );
    }
    assert_eq!(names(dir), names_before, "no file appeared");

    let left = fixed
        .iter()
        .filter(|(path, text)| read(&dir.join(path)) != **text)
        .count();
    if status.success() {
        assert_eq!(
            left, 0,
            "the run ended before the signal came, every file fixed"
        );
        eprintln!("SIG{name}: the run had ended before the signal");
    } else {
        assert_eq!(
            status.signal(),
            Some(number),
            "ends by SIG{name}: {status:?}\n{err}"
        );
        assert!(
            err.contains(&format!("Stopped by SIG{name} after "))
                || err.contains(&format!(
                    "stopped by SIG{name}: every file is either as it was or fully fixed."
                )),
            "{err}"
        );
        eprintln!(
            "SIG{name} ×{times}: stopped after fixing {} files, {left} of {} left to fix",
            done.len(),
            fixed.len()
        );
    }
}

#[test]
fn a_run_stopped_by_sigint_or_sigterm_leaves_each_file_as_it_was_or_fully_fixed() {
    let tree = generated_tree(2000);
    // What a run that is not stopped makes of each file.
    let reference = in_memory();
    lay_out(reference.path(), &tree);
    let output = asyncmod(reference.path(), &["fix", "."]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let fixed: BTreeMap<String, String> = tree
        .keys()
        .map(|path| (path.clone(), read(&reference.path().join(path))))
        .collect();
    for (path, source) in &tree {
        assert_ne!(&fixed[path], source, "{path} has a fix");
    }

    // One tree, stopped again and again: each run starts where the last
    // one stopped (a fixed file stays as it is).
    let dir = in_memory();
    lay_out(dir.path(), &tree);
    interrupt(dir.path(), &fixed, ("INT", 2), 1);
    interrupt(dir.path(), &fixed, ("TERM", 15), 1);
    // A second signal stops at once, still never in the middle of a write.
    interrupt(dir.path(), &fixed, ("INT", 2), 2);
}

#[test]
fn a_second_signal_stops_at_once_between_writes() {
    // a.py is fixed first; b.py is long to fix, so the second Ctrl-C comes
    // while it is being worked on: the run stops there without writing it.
    let (big, big_fixed) = slow_module();
    let dir = in_memory();
    write(dir.path(), "a.py", FIXABLE);
    write(dir.path(), "b.py", &big);
    let err_path = dir.path().join("stderr.txt");
    let mut child = Command::new(BIN)
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(["fix", "--jobs", "1", "a.py", "b.py"])
        .current_dir(dir.path())
        .env("CI", "1")
        .stdout(Stdio::null())
        .stderr(fs::File::create(&err_path).expect("create"))
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none()
        && !read(&err_path).contains("fixed a.py")
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(1));
    }
    let kill = || {
        let _ = Command::new("kill")
            .args(["-s", "INT", &child.id().to_string()])
            .stderr(Stdio::null())
            .status();
    };
    kill();
    std::thread::sleep(Duration::from_millis(100));
    kill();
    let status = child.wait().expect("wait");
    let err = read(&err_path);
    assert_eq!(read(&dir.path().join("a.py")), FIXED, "{err}");
    let b = read(&dir.path().join("b.py"));
    if status.success() {
        eprintln!("the run had ended before the signals");
        assert!(b == big_fixed, "b.py fully fixed");
    } else {
        assert_eq!(
            status.signal(),
            Some(2),
            "ends by SIGINT: {status:?}\n{err}"
        );
        // Stopped before b.py's write could start.
        assert!(b == big, "b.py as it was\n{err}");
        let at_once = "stopped by SIGINT: every file is either as it was or fully fixed.";
        assert!(
            err.contains(at_once) || err.contains("Stopped by SIGINT after 1 of 2 files"),
            "{err}"
        );
        eprintln!(
            "stopped {}",
            if err.contains(at_once) {
                "at once by the second signal"
            } else {
                "by the first"
            }
        );
    }
    fs::remove_file(&err_path).expect("rm");
    assert_eq!(names(dir.path()), ["a.py", "b.py"]);
}

/// A fixable module that takes a while to fix (about a second here).
fn slow_module() -> (String, String) {
    let functions: String = (0..20_000)
        .map(|i| format!("\n\nasync def poll_{i}():\n    time.sleep({})\n", i + 1))
        .collect();
    let source = format!("import time\n{functions}");
    let fixed = source
        .replace("import time", "import asyncio")
        .replace("time.sleep(", "await asyncio.sleep(");
    (source, fixed)
}

#[test]
fn a_run_stopped_behind_a_slow_file_reports_the_files_done_after_it() {
    // Files print in path order. a.py is slow: the other worker fixes the
    // files after it until it may run no further ahead, and waits. The
    // signal must free it, and the files it fixed must still be reported.
    let (slow, slow_fixed) = slow_module();
    let dir = in_memory();
    write(dir.path(), "a.py", &slow);
    let small: Vec<String> = (0..600).map(|i| format!("pkg/m{i:04}.py")).collect();
    for path in &small {
        write(dir.path(), path, FIXABLE);
    }
    let err_path = dir.path().join("stderr.txt");
    let mut child = Command::new(BIN)
        .env("ASYNCMOD_NO_CACHE", "1")
        .args(["fix", "--jobs", "2", "a.py", "pkg"])
        .current_dir(dir.path())
        .env("CI", "1")
        .stdout(Stdio::null())
        .stderr(fs::File::create(&err_path).expect("create"))
        .spawn()
        .expect("the binary runs");
    // Wait until the files the other worker may run ahead to are fixed.
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none()
        && read(&dir.path().join(&small[500])) != FIXED
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(1));
    }
    std::thread::sleep(Duration::from_millis(20));
    let _ = Command::new("kill")
        .args(["-s", "INT", &child.id().to_string()])
        .stderr(Stdio::null())
        .status();
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the stopped run never ended");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let err = read(&err_path);
    fs::remove_file(&err_path).expect("rm");
    let a = read(&dir.path().join("a.py"));
    let mut done: Vec<&str> = Vec::new();
    for path in &small {
        let now = read(&dir.path().join(path));
        if now == FIXED {
            done.push(path);
        } else {
            assert_eq!(now, FIXABLE, "{path} as it was or fully fixed");
        }
    }
    if a == slow_fixed {
        done.insert(0, "a.py");
    } else {
        assert!(a == slow, "a.py as it was or fully fixed");
    }
    let reported: Vec<&str> = err
        .lines()
        .filter_map(|line| line.strip_prefix("fixed "))
        .filter_map(|line| line.split(':').next())
        .collect();
    assert_eq!(
        reported, done,
        "the files reported fixed are the files fixed"
    );
    if status.success() {
        eprintln!("the run had ended before the signal");
        assert_eq!(done.len(), 601);
    } else {
        assert_eq!(status.signal(), Some(2), "{status:?}\n{err}");
        assert!(err.contains("Stopped by SIGINT after "), "{err}");
        eprintln!("stopped with {} of 601 files fixed", done.len());
    }
}

#[test]
fn ctrl_c_in_an_interactive_run_keeps_what_was_written() {
    use expectrl::process::unix::{Signal, WaitStatus};
    use expectrl::{ControlCode, Expect as _};

    let dir = project(&[("a.py", FIXABLE), ("b.py", FIXABLE)]);
    let mut command = Command::new(BIN);
    // Never a cache in the trees the tests check byte for byte.
    command.env("ASYNCMOD_NO_CACHE", "1");
    command
        .args(["fix", "--interactive"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1");
    let mut session = expectrl::Session::spawn(command).expect("spawns on a pty");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session.expect("a.py:5:5: AM001").expect("a.py's fix");
    session
        .expect("Apply this fix [y,n,a,q,?]? ")
        .expect("a question");
    session.send_line("y").expect("answer");
    session.expect("b.py:5:5: AM001").expect("b.py's fix");
    session
        .expect("Apply this fix [y,n,a,q,?]? ")
        .expect("a question");
    session.send(ControlCode::EndOfText).expect("Ctrl-C");
    session
        .expect("stopped by SIGINT: every file is either as it was or fully fixed.")
        .expect("says it stopped");
    let status = session.get_process().wait().expect("ends");
    assert!(
        matches!(status, WaitStatus::Signaled(_, Signal::SIGINT, _)),
        "{status:?}"
    );
    assert_eq!(read(&dir.path().join("a.py")), FIXED);
    assert_eq!(read(&dir.path().join("b.py")), FIXABLE);
    assert_eq!(names(dir.path()), ["a.py", "b.py"]);
}

/// `asyncmod ARGS` with the index cache on (where the configuration says).
fn cached(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env_remove("ASYNCMOD_NO_CACHE")
        .env_remove("ASYNCMOD_CACHE_DIR")
        .args(args)
        .current_dir(dir)
        .env("CI", "1")
        .output()
        .expect("the binary runs")
}

const SLOW_TOOL: &str = "import time\n\n\nasync def work():\n    time.sleep(0.01)\n";
const CALLS_TOOL: &str = "from tools.slow import work\n\n\nasync def main():\n    work()\n";
const TOOL_FINDINGS: &str = "\
main.py:5:5: AM109 [*] coroutine `work()` is called but never awaited (`work` is an `async def` in `tools/slow.py:4`)
tools/slow.py:5:5: AM001 [*] blocking `time.sleep` call inside `async def`
";

/// `cache-dir` naming a folder of the project that holds anything but the
/// cache: the run stops with an error naming the folder and writes nothing
/// there (a `.gitignore` of `*` there would hide the folder's files from
/// git and from the next run). A new folder, even inside the project, is
/// the cache's own: every run finds the same, and the walk leaves out only
/// that folder.
#[test]
fn the_cache_never_writes_into_a_folder_of_the_project() {
    let config = |dir: &str| {
        format!(
            "[project]\nname = \"x\"\n\n[tool.asyncmod]\ntarget-version = \"py311\"\ncache-dir = \"{dir}\"\n"
        )
    };
    for named in ["tools", ".", "tools/"] {
        let dir = project(&[
            ("pyproject.toml", &config(named)),
            ("main.py", CALLS_TOOL),
            ("tools/slow.py", SLOW_TOOL),
        ]);
        for _ in 0..2 {
            let output = cached(dir.path(), &["check", "-q", "."]);
            assert_eq!(code(&output), 2, "{named}: {}", stderr(&output));
            let text = stderr(&output);
            assert!(text.contains("the cache directory `"), "{text}");
            assert!(text.contains("which is not asyncmod's cache"), "{text}");
            assert!(!text.contains("an earlier asyncmod"), "{text}");
            assert_eq!(
                names(dir.path()),
                ["main.py", "pyproject.toml", "tools", "tools/slow.py"],
                "{named}"
            );
        }
        let output = cached(dir.path(), &["check", "-q", "--cache-dir", "tools", "."]);
        assert_eq!(code(&output), 2, "{}", stderr(&output));
        assert!(stderr(&output).contains("`tools`"), "{}", stderr(&output));
        // `--no-cache` reads and writes no cache: nothing to refuse.
        let output = cached(dir.path(), &["check", "-q", "--no-cache", "."]);
        assert_eq!(String::from_utf8_lossy(&output.stdout), TOOL_FINDINGS);
    }

    // A folder an earlier asyncmod already wrote into: the error says
    // what hides its files.
    let dir = project(&[
        ("pyproject.toml", &config("tools")),
        ("main.py", CALLS_TOOL),
        ("tools/slow.py", SLOW_TOOL),
        ("tools/.gitignore", "# Made by asyncmod: its cache.\n*\n"),
    ]);
    let output = cached(dir.path(), &["check", "-q", "."]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("the `.gitignore` and `CACHEDIR.TAG` an earlier asyncmod wrote in `tools` hide its files"),
        "{}",
        stderr(&output)
    );

    // A new folder inside the project is the cache's: the same findings
    // cold and warm, and nothing but the cache in it.
    let dir = project(&[
        ("pyproject.toml", &config("tools/cache")),
        ("main.py", CALLS_TOOL),
        ("tools/slow.py", SLOW_TOOL),
    ]);
    for _ in 0..3 {
        let output = cached(dir.path(), &["check", "-q", "."]);
        assert_eq!(code(&output), 1, "{}", stderr(&output));
        assert_eq!(String::from_utf8_lossy(&output.stdout), TOOL_FINDINGS);
        assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    }
    let cache = dir.path().join("tools/cache");
    assert_eq!(
        read(&cache.join(".gitignore")),
        "# Made by asyncmod: its cache.\n*\n"
    );
    assert!(cache.join("CACHEDIR.TAG").is_file());
    assert!(!dir.path().join("tools/.gitignore").exists());
    // A Python file put in the cache's folder is not the project's, and
    // the cache is then refused.
    write(&cache, "stray.py", SLOW_TOOL);
    let output = cached(dir.path(), &["check", "-q", "."]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert!(stderr(&output).contains("stray.py"), "{}", stderr(&output));
    fs::remove_file(cache.join("stray.py")).expect("rm");

    // The default cache: a `.asyncmod_cache` at the root, never walked.
    let dir = project(&[
        (
            "pyproject.toml",
            "[project]\nname = \"x\"\n\n[tool.asyncmod]\ntarget-version = \"py311\"\n",
        ),
        ("main.py", CALLS_TOOL),
        ("tools/slow.py", SLOW_TOOL),
    ]);
    for _ in 0..2 {
        let output = cached(dir.path(), &["check", "-q", "."]);
        assert_eq!(String::from_utf8_lossy(&output.stdout), TOOL_FINDINGS);
    }
    assert!(dir.path().join(".asyncmod_cache/CACHEDIR.TAG").is_file());
    // A `.asyncmod_cache` that holds something else is no cache, silently,
    // and is not walked either.
    let stray = dir.path().join(".asyncmod_cache/x.py");
    fs::write(&stray, SLOW_TOOL).expect("write");
    let entries = names(dir.path()).len();
    let output = cached(dir.path(), &["check", "-q", "."]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), TOOL_FINDINGS);
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    assert_eq!(names(dir.path()).len(), entries);
}
