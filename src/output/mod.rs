//! Everything printed: diffs and findings on stdout; summaries, progress,
//! warnings and errors on stderr. Outcomes arrive sorted by path.

pub mod check;
pub mod diff;
pub mod explain;
pub mod sarif;
pub mod statistics;
pub mod style;
pub mod summary;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use crate::engine::{Report, SourceError};
use crate::settings::OutputFormat;
use crate::source::Position;

pub use style::Style;

/// What is printed for the files processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Findings (`check`, also `check --fix`: those that remain).
    Check,
    Diff,
    Fix,
    /// `check --add-noqa`: only errors and the summary.
    AddNoqa,
}

/// What happened to one file. Keeps outcomes, not file contents.
#[derive(Debug)]
pub struct FileOutcome {
    pub path: PathBuf,
    /// The path as messages print it (relative to the current directory when inside it).
    pub display: String,
    pub result: Result<FileResult, FileFailure>,
}

#[derive(Debug, Default)]
pub struct FileResult {
    pub reports: Vec<Report>,
    /// For `diff`: the unified diff, when the file would change.
    pub diff: Option<String>,
    pub changed: bool,
    pub applied: BTreeMap<&'static str, usize>,
    pub warnings: Vec<String>,
    /// `check --add-noqa`: findings given a `# noqa` comment.
    pub marked: usize,
}

/// A file that was skipped: `path:line:col: error: message`.
#[derive(Debug, Clone)]
pub struct FileFailure {
    pub position: Position,
    pub message: String,
    /// In a notebook: the cell the position is in.
    pub cell: Option<usize>,
}

/// Each kind of failure a file can meet, built here and only here, so that
/// one kind always reads the same.
impl FileFailure {
    /// A failure at `position` of the file.
    pub fn at(position: Position, message: String) -> Self {
        FileFailure {
            position,
            message,
            cell: None,
        }
    }

    /// The file could not be opened or read.
    pub fn cannot_read(error: &io::Error) -> Self {
        Self::at(
            Position::START,
            format!("cannot read: {}", crate::messages::describe_io_error(error)),
        )
    }

    /// The file is larger than the parser's 32-bit offsets reach.
    pub fn too_large(len: u64) -> Self {
        Self::at(
            Position::START,
            format!(
                "file too large ({:.1} GiB): asyncmod reads files of up to 4 GiB",
                len as f64 / f64::from(1u32 << 30)
            ),
        )
    }

    /// The file's bytes are no text asyncmod reads (see [`crate::source::decode`]).
    pub fn undecodable(error: crate::source::DecodeError) -> Self {
        Self::at(error.position, error.message)
    }

    /// The source does not parse, or a fix went wrong (the engine's error).
    pub fn source(error: SourceError) -> Self {
        Self::at(error.position, error.message)
    }

    /// A notebook whose JSON cannot be read as one.
    pub fn notebook(error: &anyhow::Error) -> Self {
        Self::at(Position::START, format!("{error:#}"))
    }

    /// A bug that was caught: nothing was written.
    pub fn internal(error: &anyhow::Error) -> Self {
        Self::at(Position::START, format!("internal error: {error:#}"))
    }

    /// A bug that panicked, with the panic's message.
    pub fn crashed(message: &str) -> Self {
        Self::at(
            Position::START,
            format!("internal error: asyncmod crashed on this file ({message}); please report it"),
        )
    }

    /// The fixed file could not be written.
    pub fn cannot_write(error: &anyhow::Error) -> Self {
        Self::at(
            Position::START,
            format!("cannot write the fixed file: {error:#}"),
        )
    }

    /// The run was stopped before the fixed file was written.
    pub fn not_written() -> Self {
        Self::at(
            Position::START,
            "not written: the run was stopped".to_string(),
        )
    }

    /// A path that could not be walked or read, or a configuration error.
    pub fn discovery(error: &crate::discovery::DiscoveryError) -> Self {
        Self::at(error.position, error.message.clone())
    }

    /// The same failure, placed in a notebook's cell.
    pub fn in_cell(self, cell: usize) -> Self {
        FileFailure {
            cell: Some(cell),
            ..self
        }
    }
}

/// `path` or, for a finding in a notebook, `path:cell N`, fit to print.
pub fn located(display: &str, cell: Option<usize>) -> String {
    match cell {
        Some(cell) => format!("{}:cell {cell}", printable(display)),
        None => printable(display).into_owned(),
    }
}

/// `text` with its control characters escaped (`\n`, `\x1b`, `\u{9b}`): a
/// file name or a syntax error's token must not move the cursor, recolour
/// the terminal or split a line of output in two. JSON and SARIF output
/// carry the exact text instead (their encoding escapes it).
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && u32::from(c) < 0x80 => {
                out.push_str(&format!("\\x{:02x}", u32::from(c)))
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Totals over a run, for the summary and the exit status.
#[derive(Debug, Default, Clone)]
pub struct Totals {
    /// Files processed (errors not counted).
    pub files: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    pub changed_files: usize,
    pub fixes: usize,
    pub findings: usize,
    /// Findings whose fix a plain `asyncmod fix` applies (safe fixes).
    pub fixable: usize,
    /// Findings whose fix needs `--unsafe-fixes` (given or not).
    pub unsafe_fixable: usize,
    /// Of those, the ones this run leaves (no `--unsafe-fixes`).
    pub unsafe_hidden: usize,
    pub version_hidden: usize,
    pub errors: usize,
    /// `check --add-noqa`: findings given a `# noqa` comment.
    pub marked: usize,
}

/// Prints outcomes as they come, in order.
pub struct Printer<W: Write, E: Write> {
    pub action: Action,
    pub format: OutputFormat,
    pub style: Style,
    pub out: W,
    pub err: E,
    pub totals: Totals,
    /// Show the source line under each finding (`check` on a terminal).
    pub snippets: bool,
    /// `--quiet`: no summary and no per-file lines on stderr.
    pub quiet: bool,
    /// `check --statistics`: counted here, printed at the end.
    pub statistics: Option<statistics::Statistics>,
    json_items: usize,
    sarif: sarif::SarifLog,
}

impl<W: Write, E: Write> Printer<W, E> {
    pub fn new(action: Action, format: OutputFormat, style: Style, out: W, err: E) -> Self {
        Printer {
            action,
            format,
            style,
            out,
            err,
            totals: Totals::default(),
            snippets: false,
            quiet: false,
            statistics: None,
            json_items: 0,
            sarif: sarif::SarifLog::default(),
        }
    }

    pub fn start(&mut self) -> io::Result<()> {
        if self.statistics.is_some() {
            return Ok(());
        }
        match self.format {
            OutputFormat::Json => self.out.write_all(b"["),
            OutputFormat::Sarif => self.sarif.start(&mut self.out),
            OutputFormat::Text | OutputFormat::Github => Ok(()),
        }
    }

    /// A path-level error (missing path, unreadable directory).
    pub fn error(&mut self, display: &str, failure: &FileFailure) -> io::Result<()> {
        self.totals.errors += 1;
        let line = format!(
            "{}:{}:{}: {} {}",
            located(display, failure.cell),
            failure.position.line,
            failure.position.column,
            self.style.bold_red("error:"),
            printable(&failure.message)
        );
        writeln!(self.err, "{line}")?;
        if let Some(statistics) = &mut self.statistics {
            statistics.error();
            return Ok(());
        }
        // Every format carries the error too: a reader of stdout alone
        // must not take a run that skipped a file for a clean one.
        match self.format {
            OutputFormat::Text => Ok(()),
            OutputFormat::Sarif => self.sarif.error(&mut self.out, display, failure),
            OutputFormat::Json => self.json_item(check::json_error(display, failure)),
            OutputFormat::Github => writeln!(
                self.out,
                "::error title=asyncmod,file={},line={},col={}::{}",
                check::escape_property(&printable(display)),
                failure.position.line,
                failure.position.column,
                check::escape_data(&printable(&failure.message))
            ),
        }
    }

    pub fn file(&mut self, outcome: &FileOutcome) -> io::Result<()> {
        let result = match &outcome.result {
            Ok(result) => result,
            Err(failure) => return self.error(&outcome.display, failure),
        };
        self.totals.files += 1;
        if !result.reports.is_empty() {
            self.totals.files_with_findings += 1;
        }
        for warning in &result.warnings {
            writeln!(
                self.err,
                "{}: warning: {}",
                printable(&outcome.display),
                printable(warning)
            )?;
        }
        if result.changed {
            self.totals.changed_files += 1;
        }
        self.totals.fixes += result.applied.values().sum::<usize>();
        self.totals.marked += result.marked;
        for report in &result.reports {
            self.totals.findings += 1;
            match &report.fix {
                crate::engine::FixStatus::Applies(crate::fix::Applicability::Safe) => {
                    self.totals.fixable += 1
                }
                crate::engine::FixStatus::Applies(crate::fix::Applicability::Unsafe) => {
                    self.totals.unsafe_fixable += 1
                }
                crate::engine::FixStatus::NeedsUnsafe => {
                    self.totals.unsafe_fixable += 1;
                    self.totals.unsafe_hidden += 1;
                }
                crate::engine::FixStatus::NeedsVersion(_) => self.totals.version_hidden += 1,
                crate::engine::FixStatus::None(_) => {}
            }
        }
        match self.action {
            Action::Check => self.check_file(outcome, result),
            Action::Diff => self.diff_file(outcome, result),
            Action::Fix => self.fix_file(outcome, result),
            Action::AddNoqa => Ok(()),
        }
    }

    fn json_item(&mut self, value: serde_json::Value) -> io::Result<()> {
        if self.json_items > 0 {
            self.out.write_all(b",")?;
        }
        self.json_items += 1;
        self.out.write_all(b"\n  ")?;
        serde_json::to_writer(&mut self.out, &value).map_err(io::Error::from)
    }

    fn check_file(&mut self, outcome: &FileOutcome, result: &FileResult) -> io::Result<()> {
        if let Some(statistics) = &mut self.statistics {
            result.reports.iter().for_each(|r| statistics.add(r));
            return Ok(());
        }
        for report in &result.reports {
            match self.format {
                OutputFormat::Text => {
                    let line = check::text_line(&outcome.display, report, &self.style);
                    writeln!(self.out, "{line}")?;
                    if self.snippets {
                        write!(self.out, "{}", check::snippet(report, &self.style))?;
                    }
                }
                OutputFormat::Sarif => {
                    self.sarif
                        .finding(&mut self.out, &outcome.display, report)?
                }
                OutputFormat::Json => {
                    self.json_item(check::json_value(&outcome.display, report))?
                }
                OutputFormat::Github => {
                    writeln!(self.out, "{}", check::github_line(&outcome.display, report))?;
                }
            }
        }
        Ok(())
    }

    fn diff_file(&mut self, outcome: &FileOutcome, result: &FileResult) -> io::Result<()> {
        let Some(diff) = &result.diff else {
            return Ok(());
        };
        match self.format {
            OutputFormat::Text => {
                self.out
                    .write_all(diff::colorize(diff, &self.style).as_bytes())?;
            }
            OutputFormat::Json => {
                let fixes: Vec<_> = applied_reports(result)
                    .map(|r| check::json_value(&outcome.display, r))
                    .collect();
                self.json_item(serde_json::json!({
                    "filename": outcome.display,
                    "fixes": fixes,
                    "diff": diff,
                }))?;
            }
            OutputFormat::Github => {
                for report in applied_reports(result) {
                    writeln!(self.out, "{}", check::github_line(&outcome.display, report))?;
                }
                self.out.write_all(diff.as_bytes())?;
            }
            OutputFormat::Sarif => {
                for report in applied_reports(result) {
                    self.sarif
                        .finding(&mut self.out, &outcome.display, report)?;
                }
            }
        }
        Ok(())
    }

    fn fix_file(&mut self, outcome: &FileOutcome, result: &FileResult) -> io::Result<()> {
        if !result.changed {
            return Ok(());
        }
        match self.format {
            OutputFormat::Text => {}
            OutputFormat::Json => {
                self.json_item(serde_json::json!({
                    "filename": outcome.display,
                    "fixes": result.applied,
                }))?;
            }
            OutputFormat::Github => {
                for report in applied_reports(result) {
                    writeln!(
                        self.out,
                        "{}",
                        check::github_notice(&outcome.display, report)
                    )?;
                }
            }
            OutputFormat::Sarif => {
                for report in applied_reports(result) {
                    self.sarif
                        .finding(&mut self.out, &outcome.display, report)?;
                }
            }
        }
        if self.quiet {
            return Ok(());
        }
        writeln!(
            self.err,
            "{}",
            summary::file_line(&printable(&outcome.display), &result.applied)
        )
    }

    /// Closes the JSON document and prints the run's summary on stderr.
    pub fn finish(&mut self) -> io::Result<()> {
        if let Some(statistics) = &self.statistics {
            if self.format == OutputFormat::Json {
                serde_json::to_writer_pretty(&mut self.out, &statistics.json())?;
                self.out.write_all(b"\n")?;
            } else {
                self.out.write_all(statistics.text().as_bytes())?;
            }
        } else if self.format == OutputFormat::Json {
            if self.json_items > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(b"]\n")?;
        }
        if self.format == OutputFormat::Sarif && self.statistics.is_none() {
            self.sarif.finish(&mut self.out)?;
        }
        self.out.flush()?;
        let summary = summary::run_summary(self.action, &self.totals);
        if !summary.is_empty() && !self.quiet {
            writeln!(self.err, "{summary}")?;
        }
        self.err.flush()
    }
}

fn applied_reports(result: &FileResult) -> impl Iterator<Item = &Report> {
    result.reports.iter().filter(|r| r.fix.applies())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codemods::SLEEP_IN_ASYNC;
    use crate::engine::FixStatus;

    fn outcome(name: &str) -> FileOutcome {
        let at = |column| Position { line: 5, column };
        let report = Report {
            codemod: &SLEEP_IN_ASYNC,
            start: at(5),
            end: at(18),
            message: "blocking `time.sleep` call inside `async def`".into(),
            fix: FixStatus::None(None),
            fix_title: None,
            unsafe_reason: None,
            edits: Vec::new(),
            line_text: "    time.sleep(1)".into(),
            cell: None,
        };
        FileOutcome {
            path: PathBuf::from(name),
            display: name.to_string(),
            result: Ok(FileResult {
                reports: vec![report],
                ..FileResult::default()
            }),
        }
    }

    /// Each format writes a file's findings and errors when the file is
    /// done, not when the run ends: that is what keeps memory flat.
    #[test]
    fn every_format_writes_each_file_as_it_comes() {
        for format in [
            OutputFormat::Text,
            OutputFormat::Json,
            OutputFormat::Github,
            OutputFormat::Sarif,
        ] {
            let style = Style { enabled: false };
            let mut printer = Printer::new(Action::Check, format, style, Vec::new(), Vec::new());
            printer.start().expect("start");
            for i in 0..3 {
                let name = format!("f{i}.py");
                printer.file(&outcome(&name)).expect("print");
                let out = String::from_utf8_lossy(&printer.out);
                assert!(out.contains(&name), "{format:?}: {name} not written yet");
            }
            let failure = FileFailure::at(Position::START, "syntax error: boom".into());
            printer.error("bad.py", &failure).expect("print");
            if format != OutputFormat::Text {
                let out = String::from_utf8_lossy(&printer.out);
                assert!(out.contains("bad.py"), "{format:?}: error not written yet");
            }
            printer.finish().expect("finish");
            if matches!(format, OutputFormat::Json | OutputFormat::Sarif) {
                let value: serde_json::Value =
                    serde_json::from_slice(&printer.out).expect("one JSON document");
                let items = match format {
                    OutputFormat::Json => value.as_array().map(Vec::len),
                    _ => value["runs"][0]["results"].as_array().map(Vec::len),
                };
                assert_eq!(items, Some(4), "{format:?}");
            }
        }
    }
}
