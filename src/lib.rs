//! asyncmod: rewrites Python asyncio anti-patterns into the modern idiom,
//! keeping every byte it does not need to touch.
//!
//! Dependencies run one way, each layer using only the layers before it:
//! `source`/`version`/`noqa` → `semantic` → `fix` (the findings, the edits
//! and the [`fix::Context`] they are built with) → `codemods` (the
//! catalogue) → `engine` (one source through the codemods) →
//! `settings`/`discovery` → `output` → the command line (`interactive`,
//! this file and `main.rs`). `cli` holds only the flags as clap parses them,
//! a vocabulary that `settings` and `output` read, so it stands low.

#![forbid(unsafe_code)]

pub mod cli;
pub mod codemods;
pub mod compile_check;
pub mod discovery;
mod driver;
pub mod engine;
pub mod fix;
pub mod index;
pub mod interactive;
pub mod interrupt;
pub mod messages;
pub mod noqa;
pub mod notebook;
pub mod output;
mod search;
pub mod semantic;
pub mod settings;
pub mod source;
pub mod version;
mod write;

#[cfg(test)]
mod test_support;

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::cli::{Cli, Command, FileArgs};
use crate::driver::Task;
use crate::engine::RuleSettings;
use crate::index::Indexes;
use crate::messages::display_path;
use crate::output::{Action, FileFailure, FileOutcome, Printer, Style};
use crate::settings::Settings;
use crate::version::PyVersion;

/// How a run ended, as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: nothing to report.
    Success,
    /// 1: findings (`check`), changes (`diff`), or changes with `--exit-non-zero-on-fix`.
    Failure,
    /// 2: an error.
    Error,
    /// `fix` stopped by this signal (SIGINT, SIGTERM) once no write was in
    /// progress: `main` ends the process by the same signal, so the shell
    /// sees 128 + its number (130, 143), as for any interrupted command.
    Interrupted(i32),
}

impl ExitStatus {
    pub fn code(self) -> i32 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
            ExitStatus::Interrupted(signal) => 128 + signal,
        }
    }
}

/// Threads get a large stack: deeply nested code must end in a result or an
/// error, never a stack overflow.
pub const WORKER_STACK: usize = 256 * 1024 * 1024;

pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    match cli.command {
        Command::List => {
            print_stdout(&output::explain::list())?;
            Ok(ExitStatus::Success)
        }
        Command::Explain { code_or_name } => match codemods::find(&code_or_name) {
            Some(codemod) => {
                print_stdout(&output::explain::explain(codemod))?;
                Ok(ExitStatus::Success)
            }
            None => anyhow::bail!(
                "unknown codemod `{code_or_name}`: `asyncmod list` shows the catalogue"
            ),
        },
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut buffer = Vec::new();
            clap_complete::generate(shell, &mut command, "asyncmod", &mut buffer);
            print_stdout(&String::from_utf8_lossy(&buffer))?;
            Ok(ExitStatus::Success)
        }
        Command::Diff(args) => run_files(&args, Task::Diff, false, false),
        Command::Check(args) if args.show_index.is_some() => {
            show_index(&args.files, args.show_index.as_deref().unwrap_or_default())
        }
        Command::Check(args) => {
            let task = if args.fix {
                Task::CheckFix
            } else if args.add_noqa {
                Task::AddNoqa
            } else {
                Task::Check
            };
            run_files(&args.files, task, false, args.statistics)
        }
        Command::Fix(args) if args.interactive => {
            run_interactive(&args.files, args.exit_non_zero_on_fix)
        }
        Command::Fix(args) => run_files(&args.files, Task::Fix, args.exit_non_zero_on_fix, false),
    }
}

/// `check --show-index MODULE`: what the index of the project around the
/// first path (or the current directory) knows about `what`, a dotted
/// module name or a file of the project. Exit 0 when the module was found,
/// 2 (an error naming close module names) when it was not.
fn show_index(args: &FileArgs, what: &str) -> anyhow::Result<ExitStatus> {
    let settings = Settings::resolve(&args.flags(false))?;
    let indexes = Indexes::with_cache(settings.files.python.clone(), settings.files.cache.clone());
    if let Some(warning) = indexes.warning() {
        writeln!(io::stderr(), "{warning}").context("writing a warning")?;
    }
    let file = Path::new(what);
    let (around, module) = if what.ends_with(".py") || file.is_file() {
        if !file.is_file() {
            anyhow::bail!("`{what}`: no such file");
        }
        let layout = index::layout::Layout::discover(file);
        let Some((module, _)) = layout.module_name(file) else {
            anyhow::bail!(
                "`{what}` is no module of the project at {}: no import can name it",
                layout.root.display()
            );
        };
        (file.to_path_buf(), module)
    } else {
        let around = settings
            .files
            .paths
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        (around, what.to_string())
    };
    let project = indexes.project_at(index::layout::Layout::discover(&around).root);
    match project.describe(&module) {
        index::Description::Found(text) => {
            print_stdout(&text)?;
            Ok(ExitStatus::Success)
        }
        index::Description::NotFound(message) => anyhow::bail!("{message}"),
    }
}

fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(()),
    }
}

fn run_files(
    args: &FileArgs,
    task: Task,
    exit_non_zero_on_fix: bool,
    statistics: bool,
) -> anyhow::Result<ExitStatus> {
    let args = &stdin_dash(args)?;
    let reads_stdin = args.stdin_filename.is_some();
    match task {
        Task::AddNoqa if reads_stdin => anyhow::bail!(
            "`check --add-noqa` writes files, so it cannot read stdin: name the files"
        ),
        Task::CheckFix if reads_stdin => {
            anyhow::bail!("`check --fix` writes files: `asyncmod fix -` fixes stdin")
        }
        _ => {}
    }
    let settings = Settings::resolve(&args.flags(exit_non_zero_on_fix))?;
    if statistics
        && matches!(
            settings.output.format,
            settings::OutputFormat::Github | settings::OutputFormat::Sarif
        )
    {
        anyhow::bail!("`--statistics` prints text or JSON (`--output-format json`)");
    }
    let action = task.action();
    // Ctrl-C and SIGTERM wait for the file being written (see `interrupt`).
    let session = match (task.writes(), &settings.output.stdin_filename) {
        (true, None) => Some(interrupt::begin(interrupt::OnSignal::WindDown)?),
        _ => None,
    };
    let style = Style {
        enabled: settings.output.color,
    };
    let mut printer = Printer::new(
        action,
        settings.output.format,
        style,
        io::BufWriter::new(io::stdout().lock()),
        io::stderr().lock(),
    );
    printer.snippets = io::stdout().is_terminal();
    printer.quiet = args.quiet;
    if statistics {
        printer.statistics = Some(output::statistics::Statistics::default());
    }
    let named = named_codemods(args);
    // One index per project root, shared by every file of the run.
    let indexes = Indexes::with_cache(settings.files.python.clone(), settings.files.cache.clone());
    if let Some(warning) = indexes.warning() {
        writeln!(printer.err, "{warning}").context("writing a warning")?;
    }
    let result = match &settings.output.stdin_filename {
        Some(filename) => run_stdin(filename, &settings, &mut printer, &named, &indexes),
        None => run_paths(&settings, &mut printer, task, &named, args.quiet, &indexes),
    };
    match result {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitStatus::Success),
        Err(error) => return Err(error).context("writing output"),
    }
    if session.is_some()
        && let Some(signal) = interrupt::received()
    {
        return Ok(ExitStatus::Interrupted(signal));
    }
    Ok(exit_status(
        action,
        &printer.totals,
        &settings,
        args.exit_zero,
    ))
}

/// `-` as the only path: the source comes from stdin, as `--stdin-filename`
/// (named `-` unless that flag names it), the way ruff reads `-`.
fn stdin_dash(args: &FileArgs) -> anyhow::Result<std::borrow::Cow<'_, FileArgs>> {
    let dash = Path::new("-");
    if !args.paths.iter().any(|path| path == dash) {
        return Ok(std::borrow::Cow::Borrowed(args));
    }
    if args.paths.len() > 1 {
        anyhow::bail!("`-` reads the source from stdin and cannot be given with other paths");
    }
    let mut args = args.clone();
    args.paths.clear();
    if args.stdin_filename.is_none() {
        args.stdin_filename = Some(PathBuf::from("-"));
    }
    Ok(std::borrow::Cow::Owned(args))
}

/// The codemods named by code or name (not by a prefix) in `--select` or
/// `--extend-select`: if one cannot run, the user should hear why.
fn named_codemods(args: &FileArgs) -> Vec<&'static codemods::Codemod> {
    args.select
        .iter()
        .chain(&args.extend_select)
        .flatten()
        .filter_map(|selector| codemods::find(selector.trim()))
        .collect()
}

/// The settings the files use, each once (files of one project share them).
fn distinct_rules(files: &[discovery::FileToProcess]) -> Vec<&RuleSettings> {
    let mut rule_sets: Vec<&RuleSettings> = Vec::new();
    for file in files {
        if !rule_sets.iter().any(|r| std::ptr::eq(*r, &*file.rules)) {
            rule_sets.push(&file.rules);
        }
    }
    rule_sets
}

/// Warnings for codemods that the target version keeps from running,
/// which would otherwise end in a silent "No findings": those named
/// explicitly, and all of them when no selected codemod runs at all.
fn version_warnings<'r>(
    rule_sets: impl IntoIterator<Item = &'r RuleSettings>,
    named: &[&'static codemods::Codemod],
) -> Vec<String> {
    let mut gated: BTreeMap<(&'static str, String), (&'static codemods::Codemod, PyVersion)> =
        BTreeMap::new();
    let mut any_runs = false;
    let mut all_gated = Vec::new();
    for rules in rule_sets {
        for codemod in &rules.codemods {
            if codemod.min_python <= rules.options.target_version {
                any_runs = true;
                continue;
            }
            let key = (codemod.code, rules.options.target_version.target_name());
            all_gated.push((key.clone(), (*codemod, rules.options.target_version)));
            if named.iter().any(|n| n.code == codemod.code) {
                gated.insert(key, (*codemod, rules.options.target_version));
            }
        }
    }
    if !any_runs {
        gated.extend(all_gated);
    }
    gated
        .into_values()
        .map(|(codemod, target)| {
            format!(
                "warning: {} ({}) needs Python {} or newer and the target is {}, so it does not run (`--target-version {}` runs it)",
                codemod.code,
                codemod.name,
                codemod.min_python,
                target.target_name(),
                PyVersion::targets()
                    .find(|t| *t >= codemod.min_python)
                    .map_or_else(|| codemod.min_python.target_name(), PyVersion::target_name)
            )
        })
        .collect()
}

/// 2 on any error; else 1 for findings (`check`), changes (`diff`), or
/// changes with `--exit-non-zero-on-fix`, unless `--exit-zero`; else 0.
fn exit_status(
    action: Action,
    totals: &output::Totals,
    settings: &Settings,
    exit_zero: bool,
) -> ExitStatus {
    if totals.errors > 0 {
        return ExitStatus::Error;
    }
    let failed = match action {
        _ if exit_zero => false,
        Action::Check => totals.findings > 0,
        Action::Diff => totals.changed_files > 0,
        Action::Fix => totals.changed_files > 0 && settings.output.exit_non_zero_on_fix,
        Action::AddNoqa => false,
    };
    if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    }
}

/// `fix --interactive`: files one at a time, each fix asked about on the
/// terminal. Refuses to start when stdin is not a terminal (it would hang or
/// read garbage).
fn run_interactive(args: &FileArgs, exit_non_zero_on_fix: bool) -> anyhow::Result<ExitStatus> {
    if args.paths.iter().any(|path| path == Path::new("-")) {
        anyhow::bail!(
            "`fix --interactive` reads its answers from stdin, so `-` cannot name the source"
        );
    }
    if !io::stdin().is_terminal() {
        anyhow::bail!("`fix --interactive` asks questions on a terminal, and stdin is not one");
    }
    let settings = Settings::resolve(&args.flags(exit_non_zero_on_fix))?;
    // Ctrl-C stops at once, but never in the middle of a write.
    let _session = interrupt::begin(interrupt::OnSignal::StopNow)?;
    // The questions go to stderr: colour them when it is a terminal.
    let style = Style {
        enabled: match args.color {
            settings::ColorChoice::Always => true,
            settings::ColorChoice::Never => false,
            settings::ColorChoice::Auto => {
                io::stderr().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
    };
    let mut printer = Printer::new(
        Action::Fix,
        settings.output.format,
        Style {
            enabled: settings.output.color,
        },
        io::BufWriter::new(io::stdout().lock()),
        io::stderr(),
    );
    printer.quiet = args.quiet;
    let indexes = Indexes::with_cache(settings.files.python.clone(), settings.files.cache.clone());
    if let Some(warning) = indexes.warning() {
        writeln!(printer.err, "{warning}").context("writing a warning")?;
    }
    let mut prompter = interactive::TerminalPrompter {
        input: io::stdin().lock(),
        output: io::stderr(),
    };
    let result = (|| -> io::Result<()> {
        printer.start()?;
        let (files, errors, same) = discovery::discover(
            &settings.files.paths,
            settings.files.force_exclude,
            &settings.resolver,
            &settings.files.cache,
        );
        print_discovery_errors(&mut printer, &errors)?;
        print_same_files(&mut printer, &same)?;
        print_config_warnings(&mut printer, &settings)?;
        for warning in version_warnings(distinct_rules(&files), &named_codemods(args)) {
            writeln!(printer.err, "{warning}")?;
        }
        let mut mode = interactive::Mode::Ask;
        for file in &files {
            if mode == interactive::Mode::Quit {
                break;
            }
            let (outcome, after) = driver::review_path(
                &file.path,
                &file.rules,
                &indexes,
                (&mut prompter, mode, &style),
            );
            mode = after;
            printer.file(&outcome)?;
        }
        printer.finish()
    })();
    match result {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitStatus::Success),
        Err(error) => return Err(error).context("interactive review"),
    }
    Ok(exit_status(Action::Fix, &printer.totals, &settings, false))
}

/// `--stdin-filename`: the source comes from stdin; `fix` writes the result
/// (or, on error, the unchanged input) to stdout.
fn run_stdin<W: Write, E: Write>(
    filename: &Path,
    settings: &Settings,
    printer: &mut Printer<W, E>,
    named: &[&'static codemods::Codemod],
    indexes: &Indexes,
) -> io::Result<()> {
    let mut bytes = Vec::new();
    io::stdin().lock().read_to_end(&mut bytes)?;
    let absolute = settings.resolver.absolute(filename);
    let resolved = settings
        .files
        .force_exclude
        .then(|| settings.resolver.is_excluded(&absolute))
        .transpose()
        .and_then(|excluded| match excluded {
            // `--force-exclude` and an excluded name: left alone, as ruff
            // does (`fix` passes the input through unchanged).
            Some(true) => Ok(None),
            _ => settings.resolver.settings_for_file(&absolute).map(Some),
        });
    let resolved = match resolved {
        Ok(Some(resolved)) => resolved,
        Ok(None) => {
            if printer.action == Action::Fix {
                printer.out.write_all(&bytes)?;
            }
            printer.start()?;
            return printer.finish();
        }
        Err(error) => {
            if printer.action == Action::Fix {
                printer.out.write_all(&bytes)?;
            }
            printer.start()?;
            let error = discovery::DiscoveryError::from_config(error);
            printer.error(&display_path(&error.path), &FileFailure::discovery(&error))?;
            return printer.finish();
        }
    };
    for warning in settings.resolver.take_warnings() {
        writeln!(printer.err, "{warning}")?;
    }
    for warning in version_warnings([&*resolved.rules], named) {
        writeln!(printer.err, "{warning}")?;
    }
    // `--stdin-filename` places the source in its project.
    let (outcome, fixed) = driver::process_stdin(
        bytes.clone(),
        filename,
        &absolute,
        &resolved.rules,
        Task::for_stdin(printer.action),
        indexes,
    );
    if printer.action == Action::Fix {
        match &fixed {
            Some(text) => printer.out.write_all(text.as_bytes())?,
            None => printer.out.write_all(&bytes)?,
        }
        // The summary of a stdin fix goes to stderr like any other.
    }
    printer.start()?;
    printer.file(&outcome)?;
    printer.finish()
}

fn run_paths<W: Write, E: Write>(
    settings: &Settings,
    printer: &mut Printer<W, E>,
    task: Task,
    named: &[&'static codemods::Codemod],
    quiet: bool,
    indexes: &Indexes,
) -> io::Result<()> {
    printer.start()?;
    let (files, errors, same) = discovery::discover(
        &settings.files.paths,
        settings.files.force_exclude,
        &settings.resolver,
        &settings.files.cache,
    );
    print_discovery_errors(printer, &errors)?;
    print_same_files(printer, &same)?;
    print_config_warnings(printer, settings)?;
    for warning in version_warnings(distinct_rules(&files), named) {
        writeln!(printer.err, "{warning}")?;
    }

    // Each project's index goes once its last file is done.
    indexes.expect(files.iter().map(|file| file.path.as_path()));
    let jobs = settings.output.jobs.clamp(1, files.len().max(1));
    let next = AtomicUsize::new(0);
    let window = Window::new(READ_AHEAD.max(jobs));
    let (sender, receiver) = mpsc::channel::<(usize, FileOutcome)>();
    let progress = Progress::new(settings.output.progress && !quiet, files.len());
    let mut print_result = Ok(());
    let mut done = 0;
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let sender = sender.clone();
            let next = &next;
            let files = &files;
            let window = &window;
            let spawned = std::thread::Builder::new()
                .name("asyncmod-worker".into())
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, move || {
                    // After Ctrl-C or SIGTERM, no other file is taken.
                    while interrupt::received().is_none() {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(i) else { break };
                        if !window.wait_for(i) {
                            break;
                        }
                        // `None`: stopped before writing it; it is as it was.
                        let processed = driver::process_path_catching_panics(
                            &file.path,
                            &file.rules,
                            task,
                            indexes,
                        );
                        indexes.done_with(&file.path);
                        let Some(outcome) = processed else {
                            break;
                        };
                        if sender.send((i, outcome)).is_err() {
                            break;
                        }
                    }
                    // Stopped: a file taken and not sent is never printed,
                    // so wake the workers waiting for it to be.
                    if interrupt::received().is_some() {
                        window.stop();
                    }
                });
            if let Err(error) = spawned {
                print_result = Err(error);
                return;
            }
        }
        drop(sender);

        // Print in path order as outcomes arrive; hold only the ones that
        // came early (outcomes, never file contents or ASTs).
        let mut pending: BTreeMap<usize, FileOutcome> = BTreeMap::new();
        let mut expected = 0;
        let mut progress = progress;
        loop {
            match receiver.recv_timeout(Duration::from_millis(100)) {
                Ok((i, outcome)) => {
                    pending.insert(i, outcome);
                    while let Some(outcome) = pending.remove(&expected) {
                        expected += 1;
                        progress.advance(expected);
                        if print_result.is_ok() {
                            progress.suspend(|| print_result = printer.file(&outcome));
                        }
                        if print_result.is_err() {
                            // Stop handing out work; let workers wind down.
                            next.store(usize::MAX / 2, Ordering::Relaxed);
                            window.stop();
                        }
                    }
                    window.printed(expected);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => progress.tick(expected),
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        // A stopped run leaves gaps: print the files done after one.
        for outcome in pending.into_values() {
            expected += 1;
            if print_result.is_ok() {
                progress.suspend(|| print_result = printer.file(&outcome));
            }
        }
        done = expected;
        progress.finish();
    });
    print_result?;
    printer.finish()?;
    match interrupt::received() {
        Some(signal) if task.writes() => {
            writeln!(
                printer.err,
                "{}",
                interrupt::summary(signal, done, files.len())
            )
        }
        _ => Ok(()),
    }
}

/// How many files past the first one not yet printed a worker may start.
/// Outcomes print in path order; without a bound, one slow file early in
/// the order would let the others pile up their outcomes (findings, diffs)
/// in memory. With it, memory does not grow with the number of files.
const READ_AHEAD: usize = 512;

/// The workers' side of [`READ_AHEAD`]: a worker given file `i` waits
/// until fewer than the window's size of files before `i` remain unprinted.
struct Window {
    size: usize,
    printed: std::sync::Mutex<usize>,
    advanced: std::sync::Condvar,
    stopped: std::sync::atomic::AtomicBool,
}

impl Window {
    fn new(size: usize) -> Self {
        Window {
            size,
            printed: std::sync::Mutex::new(0),
            advanced: std::sync::Condvar::new(),
            stopped: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Waits until file `i` may start; `false` when the run is stopping.
    /// Never blocks the file printed next (`i == printed`), so it cannot
    /// deadlock: whoever holds that file is running.
    fn wait_for(&self, i: usize) -> bool {
        let mut printed = self
            .printed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while i >= printed.saturating_add(self.size) && !self.stopped.load(Ordering::Relaxed) {
            printed = self
                .advanced
                .wait(printed)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        !self.stopped.load(Ordering::Relaxed)
    }

    /// `count` files have been printed.
    fn printed(&self, count: usize) {
        let mut printed = self
            .printed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if count > *printed {
            *printed = count;
            self.advanced.notify_all();
        }
    }

    /// Wakes every waiting worker and lets none start another file.
    fn stop(&self) {
        let _guard = self
            .printed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        self.stopped.store(true, Ordering::Relaxed);
        self.advanced.notify_all();
    }
}

/// Paths that could not be walked or read: `path:1:1: error: …`.
fn print_discovery_errors<W: Write, E: Write>(
    printer: &mut Printer<W, E>,
    errors: &[discovery::DiscoveryError],
) -> io::Result<()> {
    for error in errors {
        printer.error(&display_path(&error.path), &FileFailure::discovery(error))?;
    }
    Ok(())
}

/// The names left out because another name of the run is the same file
/// (hard links), on stderr unless `--quiet`.
fn print_same_files<W: Write, E: Write>(
    printer: &mut Printer<W, E>,
    same: &[discovery::SameFile],
) -> io::Result<()> {
    if printer.quiet {
        return Ok(());
    }
    for name in same {
        writeln!(
            printer.err,
            "{}: note: the same file as `{}` (a hard link): processed once, as `{}`",
            display_path(&name.path),
            display_path(&name.processed_as),
            display_path(&name.processed_as),
        )?;
    }
    Ok(())
}

/// Warnings about the configuration (an unreadable `requires-python`, a
/// run-wide key in a nested configuration), each once, on stderr.
fn print_config_warnings<W: Write, E: Write>(
    printer: &mut Printer<W, E>,
    settings: &Settings,
) -> io::Result<()> {
    for warning in settings.resolver.take_warnings() {
        writeln!(printer.err, "{warning}")?;
    }
    Ok(())
}

/// A progress bar on stderr, shown only on a terminal and only once a run
/// has taken more than a second.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    enabled: bool,
    started: Instant,
    /// How long a run goes before the bar shows: a second, or
    /// `ASYNCMOD_PROGRESS_DELAY_MS` (tests use it to see the bar quickly).
    delay: Duration,
    total: usize,
}

impl Progress {
    fn new(enabled: bool, total: usize) -> Self {
        let delay = std::env::var("ASYNCMOD_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(Duration::from_secs(1), Duration::from_millis);
        Progress {
            bar: None,
            enabled: enabled && io::stderr().is_terminal(),
            started: Instant::now(),
            delay,
            total,
        }
    }

    fn tick(&mut self, done: usize) {
        if !self.enabled || self.bar.is_some() || self.started.elapsed() < self.delay {
            if let Some(bar) = &self.bar {
                bar.set_position(done as u64);
            }
            return;
        }
        let bar = indicatif::ProgressBar::new(self.total as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos}/{len} files {wide_bar} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_position(done as u64);
        self.bar = Some(bar);
    }

    fn advance(&mut self, done: usize) {
        self.tick(done);
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
