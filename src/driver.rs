//! One file through asyncmod: what to read (a file on disk, or the bytes
//! read from stdin), what to do with it (a [`Task`], with the fixes chosen
//! by every round's [`Chooser`]), and what came of it (a [`FileOutcome`],
//! and the text to write back or print). The run around it, the worker
//! pool and the printing, is in the crate root.

use std::io::{self, Read};
use std::path::Path;

use crate::engine::{self, AllFixes, Chooser, Mode, RuleSettings, SourceError};
use crate::index::Indexes;
use crate::interactive;
use crate::messages::display_path;
use crate::notebook::{CellMap, Notebook};
use crate::output::{self, Action, FileFailure, FileOutcome, FileResult, Style};
use crate::semantic::project::ProjectModule;
use crate::source;
use crate::write;

/// What is done with each file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Check,
    Diff,
    Fix,
    /// `check --fix`: fix, then check what the fixed file still has.
    CheckFix,
    /// `check --add-noqa`: mark every finding with `# noqa`.
    AddNoqa,
}

impl Task {
    /// What is printed for it.
    pub fn action(self) -> Action {
        match self {
            Task::Check | Task::CheckFix => Action::Check,
            Task::Diff => Action::Diff,
            Task::Fix => Action::Fix,
            Task::AddNoqa => Action::AddNoqa,
        }
    }

    /// Whether it writes files.
    pub fn writes(self) -> bool {
        matches!(self, Task::Fix | Task::CheckFix | Task::AddNoqa)
    }

    /// The task that prints `action` for a source read from stdin: there
    /// the fixed text goes to stdout, and nothing is marked.
    pub fn for_stdin(action: Action) -> Task {
        match action {
            Action::Diff => Task::Diff,
            Action::Fix => Task::Fix,
            Action::Check | Action::AddNoqa => Task::Check,
        }
    }
}

/// What to do with one file's text.
#[derive(Clone, Copy)]
struct Job<'a> {
    /// The file as messages name it (a notebook by its `.ipynb`).
    display: &'a str,
    rules: &'a RuleSettings,
    task: Task,
    /// The project the file is a module of.
    project: Option<&'a ProjectModule>,
}

/// What one file came to: its outcome, and the text to write when it changed.
type Done = (Result<FileResult, FileFailure>, Option<String>);

/// [`process_path`], with a panic (a bug) turned into that file's internal
/// error: the other files are still processed and the run still ends with
/// its summary and exit status 2. Nothing was written for the file, as
/// writing is the last step.
pub fn process_path_catching_panics(
    path: &Path,
    rules: &RuleSettings,
    task: Task,
    indexes: &Indexes,
) -> Option<FileOutcome> {
    let run = std::panic::AssertUnwindSafe(|| process_path(path, rules, task, indexes));
    std::panic::catch_unwind(run).unwrap_or_else(|payload| {
        Some(FileOutcome {
            path: path.to_path_buf(),
            display: display_path(path),
            result: Err(FileFailure::crashed(panic_message(payload.as_ref()))),
        })
    })
}

/// The text a panic was raised with.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message")
}

/// One file's outcome; `None` when `fix` was stopped (Ctrl-C, SIGTERM)
/// before writing it, so that it is as it was.
fn process_path(
    path: &Path,
    rules: &RuleSettings,
    task: Task,
    indexes: &Indexes,
) -> Option<FileOutcome> {
    let display = display_path(path);
    let result = match read_source(path) {
        Ok(bytes) => {
            // `fix` writes only if the file still holds what was read.
            let original = task.writes().then(|| bytes.clone());
            let job = (display.as_str(), rules, task);
            let done = process_in_project(bytes, job, (path, indexes), &mut AllFixes);
            match original {
                Some(original) => written(path, &original, done)?,
                None => done.0,
            }
        }
        Err(failure) => Err(failure),
    };
    Some(FileOutcome {
        path: path.to_path_buf(),
        display,
        result,
    })
}

/// `fix --interactive` on one file: each fix asked about through
/// `prompter`, starting in `mode`. Returns the file's outcome (what was
/// applied, not what was found) and where the review stands after it.
pub fn review_path(
    path: &Path,
    rules: &RuleSettings,
    indexes: &Indexes,
    (prompter, mode, style): (&mut dyn interactive::Prompter, interactive::Mode, &Style),
) -> (FileOutcome, interactive::Mode) {
    let display = display_path(path);
    let mut mode = mode;
    let result = read_source(path).and_then(|bytes| {
        let original = bytes.clone();
        let mut reviewer = interactive::Reviewer::new(&display, prompter, mode, style);
        let job = (display.as_str(), rules, Task::Fix);
        let (result, fixed) = process_in_project(bytes, job, (path, indexes), &mut reviewer);
        mode = reviewer.mode();
        let result = result.map(|result| FileResult {
            reports: Vec::new(),
            ..result
        });
        // Stopped (Ctrl-C) before the write: the file is as it was.
        written(path, &original, (result, fixed)).unwrap_or_else(|| Err(FileFailure::not_written()))
    });
    let outcome = FileOutcome {
        path: path.to_path_buf(),
        display,
        result,
    };
    (outcome, mode)
}

/// A source read from stdin, named `filename` in messages and placed in
/// the project around `absolute`: its outcome, and the fixed text when
/// it changed.
pub fn process_stdin(
    bytes: Vec<u8>,
    filename: &Path,
    absolute: &Path,
    rules: &RuleSettings,
    task: Task,
    indexes: &Indexes,
) -> (FileOutcome, Option<String>) {
    let display = display_path(filename);
    let job = (display.as_str(), rules, task);
    let (result, fixed) = process_in_project(bytes, job, (absolute, indexes), &mut AllFixes);
    let outcome = FileOutcome {
        path: filename.to_path_buf(),
        display,
        result,
    };
    (outcome, fixed)
}

/// [`process_bytes`] for the file shown as `display`, a module of the
/// project around `path` (which need not exist, as for `--stdin-filename`).
fn process_in_project(
    bytes: Vec<u8>,
    (display, rules, task): (&str, &RuleSettings, Task),
    (path, indexes): (&Path, &Indexes),
    chooser: &mut dyn Chooser,
) -> Done {
    let project = indexes.project_module(path);
    let job = Job {
        display,
        rules,
        task,
        project: Some(&project),
    };
    process_bytes(bytes, job, chooser)
}

/// Writes a fixed file in place (see `write`) when it changed, if it still
/// holds `original`; `None` when the run was stopped before the write.
fn written(
    path: &Path,
    original: &[u8],
    (result, fixed): Done,
) -> Option<Result<FileResult, FileFailure>> {
    match (result, fixed) {
        (Ok(result), Some(text)) => match write::rewrite(path, original, text.as_bytes()) {
            Ok(write::Written::Yes) => Some(Ok(result)),
            Ok(write::Written::Stopped) => None,
            Err(error) => Some(Err(FileFailure::cannot_write(&error))),
        },
        (result, _) => Some(result),
    }
}

/// The most the parser reads: positions in a source are 32-bit offsets.
const MAX_SOURCE_LEN: u64 = u32::MAX as u64;

/// A file's bytes, refusing (before reading) one the parser cannot hold.
fn read_source(path: &Path) -> Result<Vec<u8>, FileFailure> {
    let cannot_read = |error: io::Error| FileFailure::cannot_read(&error);
    let mut file = std::fs::File::open(path).map_err(cannot_read)?;
    let len = file.metadata().map_err(cannot_read)?.len();
    if len > MAX_SOURCE_LEN {
        return Err(FileFailure::too_large(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(cannot_read)?;
    Ok(bytes)
}

/// Decodes and processes one file's bytes, applying what `chooser` picks
/// in each fix round; returns its outcome and, when it changed, the fixed
/// text.
fn process_bytes(bytes: Vec<u8>, job: Job<'_>, chooser: &mut dyn Chooser) -> Done {
    let done = process_bytes_once(bytes, job, chooser);
    if job.task != Task::CheckFix {
        return done;
    }
    match done {
        // `check --fix` lists what the fixed file still has.
        (Ok(mut result), Some(fixed)) => {
            let check = Job {
                task: Task::Check,
                ..job
            };
            match process_bytes_once(fixed.clone().into_bytes(), check, chooser) {
                (Ok(again), _) => {
                    result.reports = again.reports;
                    result.warnings.extend(again.warnings);
                    (Ok(result), Some(fixed))
                }
                (Err(failure), _) => (Err(failure), None),
            }
        }
        other => other,
    }
}

/// [`process_bytes`], but `check --fix` only fixes.
fn process_bytes_once(bytes: Vec<u8>, job: Job<'_>, chooser: &mut dyn Chooser) -> Done {
    let Job {
        display,
        rules,
        task,
        project,
    } = job;
    // A file that grew after it was measured, or stdin.
    if bytes.len() as u64 > MAX_SOURCE_LEN {
        return (Err(FileFailure::too_large(bytes.len() as u64)), None);
    }
    let text = match source::decode(bytes) {
        Ok(text) => text,
        Err(error) => return (Err(FileFailure::undecodable(error)), None),
    };
    if task == Task::AddNoqa {
        return add_noqa(text, job);
    }
    let mode = if task == Task::Check {
        Mode::Check
    } else {
        Mode::Fix
    };
    if is_notebook(display) {
        return process_notebook(text, job, (mode, chooser));
    }
    let processed = match mode {
        Mode::Check => engine::process_source_in(&text, rules, mode, project),
        Mode::Fix => engine::fix_with(&text, None, rules, project, chooser).map(|(done, _)| done),
    };
    match processed {
        Ok(outcome) => {
            let diff = match (&outcome.fixed, task.action()) {
                (Some(fixed), Action::Diff) => {
                    Some(output::diff::unified_diff(display, &text, fixed))
                }
                _ => None,
            };
            let result = FileResult {
                reports: outcome.reports,
                diff,
                changed: outcome.fixed.is_some(),
                applied: outcome.applied,
                warnings: outcome.warnings,
                marked: 0,
            };
            (Ok(result), outcome.fixed)
        }
        Err(error) => (Err(FileFailure::source(error)), None),
    }
}

/// `check --add-noqa` on one file's text (a notebook's cells, each in its
/// place, or a module): its outcome and the marked text.
fn add_noqa(text: String, job: Job<'_>) -> Done {
    let Job { rules, project, .. } = job;
    let done = |outcome: engine::NoqaOutcome, text: Option<String>| {
        let result = FileResult {
            changed: text.is_some(),
            marked: outcome.marked,
            warnings: outcome.warnings,
            ..FileResult::default()
        };
        (Ok(result), text)
    };
    if !is_notebook(job.display) {
        return match engine::add_noqa(&text, None, rules, project) {
            Ok(mut outcome) => {
                let marked = outcome.text.take();
                done(outcome, marked)
            }
            Err(error) => (Err(FileFailure::source(error)), None),
        };
    }
    let notebook = match Notebook::parse(text) {
        Ok(Some(notebook)) => notebook,
        Ok(None) => return (Ok(FileResult::default()), None),
        Err(error) => return (Err(FileFailure::notebook(&error)), None),
    };
    let (source, cells) = notebook.concatenated();
    let mut outcome = match engine::add_noqa(&source, Some(cells.clone()), rules, project) {
        Ok(outcome) => outcome,
        Err(error) => {
            let map = CellMap::new(&notebook, &source, &cells);
            return (Err(in_cell(&map, error)), None);
        }
    };
    let (Some(marked), Some(marked_cells)) = (outcome.text.take(), outcome.cells.take()) else {
        return done(outcome, None);
    };
    match notebook.rewritten(&marked, &marked_cells) {
        Ok(json) => done(outcome, Some(json)),
        Err(error) => (Err(FileFailure::internal(&error)), None),
    }
}

/// An error at a position of a notebook's concatenated cells, placed in its cell.
fn in_cell(map: &CellMap, error: SourceError) -> FileFailure {
    let (cell, position) = map.locate(error.position);
    FileFailure::source(SourceError { position, ..error }).in_cell(cell)
}

fn is_notebook(display: &str) -> bool {
    Path::new(display)
        .extension()
        .is_some_and(|ext| ext == "ipynb")
}

/// A Jupyter notebook: its code cells fixed as one program, positions and
/// diffs given per cell, and the JSON written back around the new sources.
fn process_notebook(json: String, job: Job<'_>, (mode, chooser): (Mode, &mut dyn Chooser)) -> Done {
    let notebook = match Notebook::parse(json) {
        Ok(Some(notebook)) => notebook,
        Ok(None) => return (Ok(FileResult::default()), None),
        Err(error) => return (Err(FileFailure::notebook(&error)), None),
    };
    let (source, cells) = notebook.concatenated();
    let (mut outcome, fixed_cells) = match engine::process_cells_with(
        &source,
        cells.clone(),
        job.rules,
        mode,
        job.project,
        chooser,
    ) {
        Ok(done) => done,
        Err(error) => {
            let map = CellMap::new(&notebook, &source, &cells);
            return (Err(in_cell(&map, error)), None);
        }
    };
    if !outcome.reports.is_empty() {
        CellMap::new(&notebook, &source, &cells).place(&mut outcome.reports);
    }
    let mut diff = None;
    let mut new_json = None;
    if let Some(fixed) = &outcome.fixed {
        match notebook.rewritten(fixed, &fixed_cells) {
            Ok(json) => new_json = Some(json),
            Err(error) => return (Err(FileFailure::internal(&error)), None),
        }
        // The diff is the notebook file's own, so that `git apply` and
        // `patch` take it like any other; only the edited lines of the
        // cells' `source` lists change in it.
        if job.task.action() == Action::Diff
            && let Some(json) = &new_json
        {
            diff = Some(output::diff::unified_diff(
                job.display,
                notebook.json(),
                json,
            ));
        }
    }
    let result = FileResult {
        reports: outcome.reports,
        diff,
        changed: new_json.is_some(),
        applied: outcome.applied,
        warnings: outcome.warnings,
        marked: 0,
    };
    (Ok(result), new_json)
}
