//! What the fixture, runtime and docs tests share: where fixtures live and
//! how a fixture's `# asyncmod-test:` flags become settings.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use asyncmod::cli::{Cli, Command};
use asyncmod::codemods::{ALL, Codemod};
use asyncmod::engine::{Mode, process_source};
use asyncmod::settings::RuleSettings;
use clap::Parser;

pub const OPTIONS_PREFIX: &str = "# asyncmod-test:";

/// A fixture folder that runs every codemod at once, to show they compose.
pub const COMPOSITE: &str = "composite";

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures_root() -> PathBuf {
    manifest_dir().join("codemods")
}

pub fn folder_name(codemod: &Codemod) -> String {
    codemod.name.replace('-', "_")
}

/// Every fixture folder with the codemods it runs: one per codemod, plus
/// `composite` (when present) with all of them.
pub fn folders() -> Vec<(String, Vec<&'static Codemod>)> {
    let mut folders: Vec<(String, Vec<&'static Codemod>)> =
        ALL.iter().map(|c| (folder_name(c), vec![*c])).collect();
    if fixtures_root().join(COMPOSITE).is_dir() {
        folders.push((COMPOSITE.to_string(), ALL.to_vec()));
    }
    folders
}

pub fn fixtures_in(folder: &str) -> Vec<PathBuf> {
    let dir = fixtures_root().join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no fixture folder {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    files.sort();
    files
}

pub fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

/// The settings of a fixture: its `# asyncmod-test:` flags (read by the real
/// command-line parser, as for `check`) applied to `codemods`; and the flags.
pub fn rules_for(codemods: &[&'static Codemod], source: &str) -> (RuleSettings, String) {
    let first = source
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or_default();
    let Some(flags) = first.strip_prefix(OPTIONS_PREFIX) else {
        return (
            RuleSettings::from_flags(&Default::default(), codemods),
            String::new(),
        );
    };
    let flags = flags.trim();
    let argv = ["asyncmod", "check"]
        .into_iter()
        .chain(flags.split_whitespace());
    let cli =
        Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("bad fixture flags `{flags}`: {e}"));
    let Command::Check(args) = cli.command else {
        unreachable!("parsed as check")
    };
    (
        RuleSettings::from_flags(&args.files.flags(false), codemods),
        flags.to_string(),
    )
}

/// The fixed text of a fixture, or `None` when nothing changes.
pub fn fixed_text(codemods: &[&'static Codemod], source: &str) -> Option<String> {
    let (rules, _) = rules_for(codemods, source);
    process_source(source, &rules, Mode::Fix)
        .unwrap_or_else(|e| panic!("fix failed: {e:?}"))
        .fixed
}

/// Runs `command` with `input` on its standard input; returns what it wrote
/// and how it ended.
pub fn output_with_stdin(command: &mut std::process::Command, input: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Written from another thread, so a binary that writes much before it
    // reads cannot block on a full pipe; one that exits before reading all
    // of it (an error of the command line) closes the pipe, which is no
    // failure of the test.
    let writer = std::thread::spawn(move || match stdin.write_all(&input) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.expect("write stdin"),
    });
    let output = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("the stdin writer finishes");
    output
}

/// `python3`, set up to run a fixture program. A program that sends itself
/// Ctrl-C (`signal.raise_signal(signal.SIGINT)`) must get its
/// `KeyboardInterrupt` even where the tests run with SIGINT ignored, as a
/// shell without job control starts its background jobs; Python leaves an
/// ignored SIGINT ignored, and such a program would never stop. A
/// `sitecustomize` module put first on `PYTHONPATH` restores Python's own
/// handler then, and does nothing otherwise.
pub fn python3() -> std::process::Command {
    let mut command = std::process::Command::new("python3");
    if let Some(site) = interrupt_site() {
        let mut paths = vec![site.clone()];
        if let Some(existing) = std::env::var_os("PYTHONPATH") {
            paths.extend(std::env::split_paths(&existing));
        }
        if let Ok(joined) = std::env::join_paths(paths) {
            command.env("PYTHONPATH", joined);
        }
    }
    command
}

/// The directory holding the `sitecustomize` of [`python3`], written once
/// per test process (`None` if it cannot be written: programs then run
/// with whatever SIGINT handling they inherit).
fn interrupt_site() -> Option<&'static PathBuf> {
    static SITE: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python-site");
        std::fs::create_dir_all(&dir).ok()?;
        let text = "# Written by asyncmod's tests: a program that sends itself SIGINT gets\n\
                    # KeyboardInterrupt even when the tests run with SIGINT ignored.\n\
                    import signal\n\
                    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:\n    \
                    signal.signal(signal.SIGINT, signal.default_int_handler)\n";
        // Written beside it and renamed: test processes running at once
        // never see half a file.
        let partial = dir.join(format!("sitecustomize.py.{}", std::process::id()));
        std::fs::write(&partial, text).ok()?;
        std::fs::rename(&partial, dir.join("sitecustomize.py")).ok()?;
        Some(dir)
    })
    .as_ref()
}
