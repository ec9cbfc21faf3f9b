//! Runtime equivalence: fixtures that carry the line `# asyncmod-runtime:
//! compare` are small self-contained programs. Each runs with `python3`
//! before and after its rewrite; stdout and the exit status must match.
//! And every fixture's output (and input) must compile with `python3`: the
//! parser accepts code that CPython's compiler refuses. Skipped, with a
//! message, when no `python3` >= 3.11 is on PATH.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{fixed_text, fixtures_in, folders, stem};

const MARKER: &str = "# asyncmod-runtime: compare";
const TIMEOUT: Duration = Duration::from_secs(60);

fn python_ok() -> bool {
    Command::new("python3")
        .args([
            "-c",
            "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs a program, returning (exit code, stdout); `Err` on a timeout.
fn run_python(path: &Path) -> Result<(Option<i32>, String), String> {
    let mut child = common::python3()
        .arg(path)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start python3: {e}"))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                return Err(format!("{} timed out", path.display()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    }
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    if !output.status.success() {
        return Ok((
            output.status.code(),
            format!("{stdout}\n[stderr]\n{stderr}"),
        ));
    }
    Ok((output.status.code(), stdout))
}

#[test]
fn rewritten_programs_behave_the_same() {
    if !python_ok() {
        eprintln!("skipping runtime equivalence: no python3 >= 3.11 on PATH");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut compared = 0;
    let mut failures = Vec::new();
    for (folder, codemods) in folders() {
        for path in fixtures_in(&folder) {
            let source = std::fs::read_to_string(&path).expect("readable fixture");
            if !source.lines().any(|line| line.trim() == MARKER) {
                continue;
            }
            let name = format!("{folder}/{}.py", stem(&path));
            let Some(after) = fixed_text(&codemods, &source) else {
                failures.push(format!(
                    "{name}: marked for comparison but nothing was rewritten"
                ));
                continue;
            };
            let before_path = dir
                .path()
                .join(format!("{folder}__{}__before.py", stem(&path)));
            let after_path = dir
                .path()
                .join(format!("{folder}__{}__after.py", stem(&path)));
            std::fs::write(&before_path, &source).expect("write");
            std::fs::write(&after_path, &after).expect("write");
            match (run_python(&before_path), run_python(&after_path)) {
                (Ok(before), Ok(after_run)) => {
                    if before != after_run {
                        failures.push(format!(
                            "{name}: behaviour changed\n--- before (exit {:?}) ---\n{}\n--- after (exit {:?}) ---\n{}\n--- rewritten source ---\n{after}",
                            before.0, before.1, after_run.0, after_run.1
                        ));
                    } else if before.0 != Some(0) {
                        failures.push(format!(
                            "{name}: the program fails (exit {:?}):\n{}",
                            before.0, before.1
                        ));
                    } else {
                        compared += 1;
                    }
                }
                (Err(e), _) | (_, Err(e)) => failures.push(format!("{name}: {e}")),
            }
        }
    }
    eprintln!("runtime equivalence: {compared} programs compared");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Input fixtures that deliberately do not compile, with the reason. Their
/// outputs are not compiled either; each must still fail, or leave the list.
const INPUTS_THAT_DO_NOT_COMPILE: &[(&str, &str)] = &[(
    "legacy_coroutine/leave_yield_in_comprehension",
    "a `yield` inside a comprehension, which only Python 3.7 and older compile",
)];

/// Compiles each file named on stdin (one path a line) and prints, per file,
/// `ok` or the error, tab-separated: one process for every fixture.
const COMPILE_ALL: &str = r#"
import sys
for path in sys.stdin.read().splitlines():
    try:
        with open(path, "rb") as f:
            compile(f.read(), path, "exec", dont_inherit=True)
        print(path + "\tok")
    except SyntaxError as e:
        print(f"{path}\t{e.msg} (line {e.lineno})")
"#;

#[test]
fn every_fixture_output_compiles() {
    if !python_ok() {
        eprintln!("skipping the compile check of fixture outputs: no python3 >= 3.11 on PATH");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // Written file -> (fixture, whether it is the input).
    let mut written: Vec<(String, String, bool)> = Vec::new();
    for (folder, codemods) in folders() {
        for path in fixtures_in(&folder) {
            let source = std::fs::read_to_string(&path).expect("readable fixture");
            let name = format!("{folder}/{}", stem(&path));
            let input = dir
                .path()
                .join(format!("{folder}__{}__input.py", stem(&path)));
            std::fs::write(&input, &source).expect("write");
            written.push((input.display().to_string(), name.clone(), true));
            if INPUTS_THAT_DO_NOT_COMPILE.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let output = fixed_text(&codemods, &source).unwrap_or(source);
            let out_path = dir
                .path()
                .join(format!("{folder}__{}__output.py", stem(&path)));
            std::fs::write(&out_path, output).expect("write");
            written.push((out_path.display().to_string(), name, false));
        }
    }

    let mut child = Command::new("python3")
        .args(["-c", COMPILE_ALL])
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    let paths: String = written
        .iter()
        .map(|(path, _, _)| format!("{path}\n"))
        .collect();
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(paths.as_bytes())
        .expect("paths written");
    let output = child.wait_with_output().expect("python3 ends");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );

    let mut failures = Vec::new();
    let mut answered = 0;
    for line in stdout.lines() {
        let Some((path, verdict)) = line.split_once('\t') else {
            continue;
        };
        let Some((_, name, is_input)) = written.iter().find(|(p, _, _)| p == path) else {
            continue;
        };
        answered += 1;
        let listed = INPUTS_THAT_DO_NOT_COMPILE.iter().any(|(n, _)| n == name);
        match (verdict == "ok", *is_input, listed) {
            (true, true, true) => failures.push(format!(
                "{name}.py: listed as an input that does not compile, but it compiles"
            )),
            (false, true, false) => {
                failures.push(format!("{name}.py: the input does not compile: {verdict}"))
            }
            (false, false, _) => {
                failures.push(format!("{name}.py: the output does not compile: {verdict}"))
            }
            _ => {}
        }
    }
    assert_eq!(
        answered,
        written.len(),
        "python3 answered for every file:\n{stdout}"
    );
    eprintln!(
        "compile check: {} fixture inputs and outputs compiled by python3",
        written.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
