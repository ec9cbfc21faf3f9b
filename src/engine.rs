//! One source through the codemods: parse, find, apply fixes in rounds until
//! nothing changes, re-parse and compile-check after every round (see
//! [`CompileGate`]), then remove the imports the
//! fixes left unused. Nothing here touches files: see `lib.rs` for that.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;
use rustc_hash::FxHashMap;

use ruff_python_ast::ModModule;
use ruff_python_parser::semantic_errors::SemanticSyntaxError;
use ruff_python_parser::{ParseError, Parsed, parse_module};
use ruff_source_file::LineIndex;
use ruff_text_size::{TextRange, TextSize};

use crate::codemods::{ASYNC_DEF, Codemod, has_async_def};
use crate::compile_check::{compile_errors, introduced};
use crate::fix::apply::{apply_fixes, splice};
use crate::fix::importer::remove_unused_imports;
use crate::fix::{
    Applicability, CodemodOptions, Context, Edit, Finding, Findings, Fix, ImportRemoval,
};
use crate::semantic::SemanticModel;
use crate::semantic::project::ProjectModule;
use crate::source::Position;
use crate::version::PyVersion;

/// Rounds of fixes before giving up on reaching a fixed point.
pub const MAX_ROUNDS: usize = 10;

/// What the fix engine needs: which codemods run, whether unsafe fixes
/// apply, and the options every codemod is given.
#[derive(Debug, Clone)]
pub struct RuleSettings {
    pub codemods: Vec<&'static Codemod>,
    pub unsafe_fixes: bool,
    pub options: CodemodOptions,
}

impl RuleSettings {
    /// Every codemod, unsafe fixes on, the default target: for tests.
    pub fn for_codemods(codemods: &[&'static Codemod]) -> Self {
        RuleSettings {
            codemods: codemods.to_vec(),
            unsafe_fixes: true,
            options: CodemodOptions::default(),
        }
    }

    /// Whether a fix with this safety and minimum Python applies under these settings.
    pub fn allows(&self, fix: &Fix) -> bool {
        (fix.applicability == Applicability::Safe || self.unsafe_fixes)
            && fix.min_python <= self.options.target_version
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Report findings, each fix marked as `fix` would treat it (the fix
    /// rounds run, writing nothing, for a file with a fix on offer).
    Check,
    /// Compute the fixed text (for `diff` and `fix`).
    Fix,
}

/// What became of a finding's fix under the run's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixStatus {
    /// `fix` applies it.
    Applies(Applicability),
    /// An unsafe fix: it applies with `--unsafe-fixes`.
    NeedsUnsafe,
    /// It needs a newer `--target-version`.
    NeedsVersion(PyVersion),
    /// There is no automatic fix (with the codemod's reason, when it gave one).
    None(Option<String>),
}

impl FixStatus {
    pub fn applies(&self) -> bool {
        matches!(self, FixStatus::Applies(_))
    }
}

/// A finding, positioned for messages.
#[derive(Debug, Clone)]
pub struct Report {
    pub codemod: &'static Codemod,
    pub start: Position,
    pub end: Position,
    pub message: String,
    pub fix: FixStatus,
    pub fix_title: Option<String>,
    /// Why the fix is unsafe here, when the codemod said (its fixes are
    /// safe elsewhere: a test of the project patches what it replaces, …).
    pub unsafe_reason: Option<String>,
    /// The fix's edits, positioned (for `--output-format json`).
    pub edits: Vec<ReportEdit>,
    /// The source line the finding starts on, for showing it under the message.
    pub line_text: String,
    /// In a notebook: the cell, with `start`/`end` lines counted within it.
    pub cell: Option<usize>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ReportEdit {
    pub start: Position,
    pub end: Position,
    pub content: String,
}

/// The result of processing one source.
#[derive(Debug, Default)]
pub struct SourceOutcome {
    /// Findings on the source as given.
    pub reports: Vec<Report>,
    /// The fixed text, when fixes changed it.
    pub fixed: Option<String>,
    /// Fixes applied, by codemod code.
    pub applied: BTreeMap<&'static str, usize>,
    /// Things the user should know that are not errors.
    pub warnings: Vec<String>,
}

impl SourceOutcome {
    pub fn fixes_applied(&self) -> usize {
        self.applied.values().sum()
    }
}

/// Why a source could not be processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub position: Position,
    pub message: String,
}

/// The code cells of a notebook, concatenated into one source: each range
/// is one cell's text, and consecutive ranges are separated by exactly one
/// `\n` (as ruff's notebook parser expects). Every cell parses on its own,
/// while names resolve across cells, as in a running kernel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cells {
    pub ranges: Vec<TextRange>,
    /// What each cell is, in the order of `ranges`.
    pub kinds: Vec<CellKind>,
}

/// What a code cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Python, perhaps with line magics (`%time …`) and shell escapes (`!pip
    /// …`), which the parser reads as IPython escape commands.
    Python,
    /// A cell magic whose body runs in the kernel as Python (`%%time`,
    /// `%%capture`): parsed, so its names count, but never edited (SPEC
    /// AM104: a cell that starts with a cell magic is not plain Python).
    MagicPython,
    /// Any other cell magic (`%%writefile`, `%%bash`, `%%python`, `%%sql`):
    /// its body is not run by the kernel as Python. Not parsed (it reads as
    /// blank lines) and never edited.
    Foreign,
}

impl Cells {
    /// Cells of plain Python.
    pub fn new(ranges: Vec<TextRange>) -> Cells {
        let kinds = vec![CellKind::Python; ranges.len()];
        Cells { ranges, kinds }
    }

    /// The offsets of the `\n` between cells.
    fn separators(&self) -> impl Iterator<Item = TextSize> + '_ {
        let count = self.ranges.len().saturating_sub(1);
        self.ranges.iter().take(count).map(|range| range.end())
    }

    /// Whether an edit would reach across the line between two cells.
    pub fn crosses(&self, edit: &Edit) -> bool {
        self.separators()
            .any(|sep| edit.range.start() <= sep && sep < edit.range.end())
    }

    /// Whether an edit may not be made: it reaches across the line between
    /// two cells, or into (or onto the edge of) a cell that is not plain
    /// Python.
    pub fn refuses(&self, edit: &Edit) -> bool {
        self.crosses(edit)
            || self
                .ranges
                .iter()
                .zip(&self.kinds)
                .filter(|(_, kind)| **kind != CellKind::Python)
                .any(|(range, _)| {
                    range.contains_inclusive(edit.range.start())
                        || range.contains_inclusive(edit.range.end())
                })
    }

    /// The cell ranges after `edits` (sorted, none crossing a separator). An
    /// insertion at a cell's end belongs to that cell.
    pub fn remap(&self, edits: &[Edit]) -> Cells {
        let shift = |offset: TextSize, inclusive: bool| {
            let mut moved = i64::from(u32::from(offset));
            for edit in edits {
                let before = edit.range.start() < offset
                    || (inclusive && edit.range.start() == offset && edit.is_insertion());
                if before {
                    moved += edit.content.len() as i64 - i64::from(u32::from(edit.range.len()));
                }
            }
            TextSize::new(u32::try_from(moved.max(0)).unwrap_or(u32::MAX))
        };
        Cells {
            ranges: self
                .ranges
                .iter()
                .map(|range| TextRange::new(shift(range.start(), false), shift(range.end(), true)))
                .collect(),
            kinds: self.kinds.clone(),
        }
    }

    /// Whether the ranges are ordered, in bounds and separated by one `\n` each.
    fn is_valid(&self, text: &str) -> bool {
        self.ranges.len() == self.kinds.len()
            && self.ranges.iter().all(|r| r.end().to_usize() <= text.len())
            && self.ranges.windows(2).all(|pair| {
                let between = TextRange::new(pair[0].end(), pair[1].start());
                pair[0].end() <= pair[1].start()
                    && text.get(between.start().to_usize()..between.end().to_usize()) == Some("\n")
            })
    }

    /// The text the parser reads: `text` with the parts that are not Python
    /// turned into spaces (every byte but line breaks), so that they parse
    /// as blank lines and every offset stays where it is: the whole of a
    /// foreign cell, and the `%%magic` line of a magic cell whose body is
    /// Python (IPython accepts it indented, or after a comment, where the
    /// parser would not). `None` when there are none.
    pub(crate) fn parser_text(&self, text: &str) -> Option<String> {
        if self.kinds.iter().all(|kind| *kind == CellKind::Python) {
            return None;
        }
        let mut bytes = text.as_bytes().to_vec();
        for (range, kind) in self.ranges.iter().zip(&self.kinds) {
            let cell = bytes.get_mut(range.start().to_usize()..range.end().to_usize())?;
            let mut line_start = 0;
            while line_start < cell.len() {
                let line_end = cell[line_start..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(cell.len(), |i| line_start + i + 1);
                let line = &mut cell[line_start..line_end];
                let is_magic = line
                    .iter()
                    .position(|b| !b" \t\x0c".contains(b))
                    .is_some_and(|first| line[first..].starts_with(b"%%"));
                if *kind == CellKind::Foreign || (*kind == CellKind::MagicPython && is_magic) {
                    for byte in line.iter_mut().filter(|b| !matches!(b, b'\n' | b'\r')) {
                        *byte = b' ';
                    }
                }
                line_start = line_end;
            }
        }
        String::from_utf8(bytes).ok()
    }
}

/// Processes one source. `Err` when the input does not parse, or when a fix
/// produced text that does not parse or that CPython would not compile
/// where it compiled the input (an internal error naming the codemods;
/// the caller then writes nothing).
pub fn process_source(
    source: &str,
    rules: &RuleSettings,
    mode: Mode,
) -> Result<SourceOutcome, SourceError> {
    process_source_in(source, rules, mode, None)
}

/// [`process_source`] for a module of a project: the semantic layer asks
/// `project` about the names the module imports.
pub fn process_source_in(
    source: &str,
    rules: &RuleSettings,
    mode: Mode,
    project: Option<&ProjectModule>,
) -> Result<SourceOutcome, SourceError> {
    process(source, None, rules, mode, project, &mut AllFixes).map(|(outcome, _)| outcome)
}

/// [`process_source`] for the concatenated code cells of a notebook; also
/// returns where the cells are in the fixed text.
pub fn process_cells(
    source: &str,
    cells: Cells,
    rules: &RuleSettings,
    mode: Mode,
    project: Option<&ProjectModule>,
) -> Result<(SourceOutcome, Cells), SourceError> {
    process_cells_with(source, cells, rules, mode, project, &mut AllFixes)
}

/// [`process_cells`], applying what `chooser` picks in each round.
pub fn process_cells_with(
    source: &str,
    cells: Cells,
    rules: &RuleSettings,
    mode: Mode,
    project: Option<&ProjectModule>,
    chooser: &mut dyn Chooser,
) -> Result<(SourceOutcome, Cells), SourceError> {
    let (outcome, cells) = process(source, Some(cells), rules, mode, project, chooser)?;
    Ok((outcome, cells.unwrap_or(Cells::new(Vec::new()))))
}

/// What `check --add-noqa` made of one source.
#[derive(Debug, Default)]
pub struct NoqaOutcome {
    /// The source with its new `# noqa` comments, when it has any.
    pub text: Option<String>,
    /// In a notebook: where the cells are in `text`.
    pub cells: Option<Cells>,
    /// Findings marked.
    pub marked: usize,
    /// Things the user should know that are not errors.
    pub warnings: Vec<String>,
}

/// Marks every finding of `source` (or a notebook's cells) with a
/// `# noqa: CODE` on its noqa line (see [`crate::noqa`]), merging codes
/// into a `# noqa: …` already there. The baseline a migration starts
/// from: checking the result finds nothing. `Err` when the source does not
/// parse, or (a bug) when the marked source would not.
pub fn add_noqa(
    source: &str,
    cells: Option<Cells>,
    rules: &RuleSettings,
    project: Option<&ProjectModule>,
) -> Result<NoqaOutcome, SourceError> {
    let notebook = cells.is_some();
    let parsed =
        parse_text(source, cells.as_ref()).map_err(|error| syntax_error(source, &error))?;
    let findings = analyse_project(source, &parsed, &OnceCell::new(), rules, notebook, project);
    if findings.is_empty() {
        return Ok(NoqaOutcome::default());
    }
    let map = crate::noqa::NoqaMap::from_tokens(parsed.tokens(), source);
    // The codes each noqa line needs, by where the line starts.
    let mut lines: BTreeMap<usize, (std::ops::Range<usize>, Vec<&'static str>)> = BTreeMap::new();
    for finding in &findings {
        let line = map.noqa_line(source, finding.range.start());
        let entry = lines
            .entry(line.start)
            .or_insert_with(|| (line, Vec::new()));
        if !entry.1.contains(&finding.code) {
            entry.1.push(finding.code);
        }
    }
    let mut edits = Vec::with_capacity(lines.len());
    for (line, mut codes) in lines.into_values() {
        codes.sort_unstable();
        let Some((range, content)) = map.edit_for(source, line, &codes) else {
            return Err(SourceError {
                position: Position::START,
                message: "internal error: no place for a `# noqa` comment; file left unchanged"
                    .to_string(),
            });
        };
        edits.push(Edit::replacement(range, content));
    }
    if let Some(cells) = &cells
        && edits.iter().any(|edit| cells.refuses(edit))
    {
        return Err(SourceError {
            position: Position::START,
            message: "internal error: a `# noqa` comment would cross cells; file left unchanged"
                .to_string(),
        });
    }
    let text = splice(source, &edits);
    let new_cells = cells.map(|c| c.remap(&edits));
    let reparsed = parse_text(&text, new_cells.as_ref())
        .map_err(|error| internal_error(&["--add-noqa"], &text, &error))?;
    // Whatever is still found was not silenced: say so (it would be a bug).
    let left = analyse_project(&text, &reparsed, &OnceCell::new(), rules, notebook, project);
    let index = LineIndex::from_source_text(&text);
    let warnings = left
        .iter()
        .map(|finding| {
            let at = Position::at(&index, &text, finding.range.start());
            format!(
                "internal error: the `# noqa` for {} at line {} does not silence it",
                finding.code, at.line
            )
        })
        .collect();
    Ok(NoqaOutcome {
        text: Some(text),
        cells: new_cells,
        marked: findings.len(),
        warnings,
    })
}

/// How the fix rounds choose among the fixes on offer: all of them (`fix`,
/// `diff`, stdin), those a person accepts (`--interactive`), or a test's
/// choice. Whatever it chooses, the rounds re-parse and compile-check the
/// text after each, and remove the imports the fixes left unused at the end.
pub trait Chooser {
    /// Rounds before giving up on reaching a fixed point.
    fn max_rounds(&self) -> usize {
        MAX_ROUNDS
    }

    /// Which of `offered` (the fixes this run may apply to `text`, in
    /// source order) to apply in this round; none ends the rounds.
    fn choose<'f>(
        &mut self,
        text: &str,
        offered: Vec<&'f Finding>,
    ) -> Result<Vec<&'f Finding>, SourceError>;
}

/// Every fix on offer, in every round: `fix`, `diff` and stdin.
pub struct AllFixes;

impl Chooser for AllFixes {
    fn choose<'f>(
        &mut self,
        _text: &str,
        offered: Vec<&'f Finding>,
    ) -> Result<Vec<&'f Finding>, SourceError> {
        Ok(offered)
    }
}

/// Fixes one source (a notebook's cells when `cells` is given) in rounds,
/// applying what `chooser` picks each round: the one loop behind `fix`,
/// `diff`, stdin, `--interactive` and the tests. Also returns where the
/// cells are in the fixed text.
pub fn fix_with(
    source: &str,
    cells: Option<Cells>,
    rules: &RuleSettings,
    project: Option<&ProjectModule>,
    chooser: &mut dyn Chooser,
) -> Result<(SourceOutcome, Option<Cells>), SourceError> {
    process(source, cells, rules, Mode::Fix, project, chooser)
}

fn process(
    source: &str,
    cells: Option<Cells>,
    rules: &RuleSettings,
    mode: Mode,
    project: Option<&ProjectModule>,
    chooser: &mut dyn Chooser,
) -> Result<(SourceOutcome, Option<Cells>), SourceError> {
    let notebook = cells.is_some();
    let parsed =
        parse_text(source, cells.as_ref()).map_err(|error| syntax_error(source, &error))?;
    let lines = OnceCell::new();
    let mut findings = analyse_project(source, &parsed, &lines, rules, notebook, project);
    if let Some(cells) = &cells {
        keep_out_of_magic_cells(&mut findings, cells);
    }
    let index = || lines.get_or_init(|| LineIndex::from_source_text(source));
    let mut outcome = SourceOutcome {
        reports: findings
            .iter()
            .filter_map(|f| report(f, source, index(), rules))
            .collect(),
        ..SourceOutcome::default()
    };
    let fixable = findings
        .iter()
        .any(|f| f.fix.as_ref().is_some_and(|fix| rules.allows(fix)));
    // `fix` and `diff` without `--unsafe-fixes` count the unsafe fixes they
    // leave ("N more with `--unsafe-fixes`"): only those that `fix
    // --unsafe-fixes` would write count.
    let unsafe_left = mode == Mode::Fix
        && !rules.unsafe_fixes
        && outcome
            .reports
            .iter()
            .any(|r| r.fix == FixStatus::NeedsUnsafe);
    if mode == Mode::Fix && !fixable {
        if unsafe_left {
            drop(parsed);
            promise_only_unsafe_fixes_written(
                source,
                findings,
                cells.as_ref(),
                rules,
                project,
                &mut outcome,
            );
        }
        return Ok((outcome, cells));
    }
    // The findings own what they need: free the tree before the rounds
    // parse again, so they reuse its memory while it is still in cache.
    drop(parsed);
    if mode == Mode::Check {
        check_fixes(
            source,
            findings,
            cells.as_ref(),
            rules,
            project,
            &mut outcome,
        );
        return Ok((outcome, cells));
    }
    let for_unsafe = unsafe_left.then(|| (findings.clone(), cells.clone()));
    let (text, cells) = fix_rounds(
        source,
        findings,
        cells,
        rules,
        project,
        chooser,
        Rounds::Writing(&mut outcome),
    )?;
    if let Some((findings, input_cells)) = for_unsafe {
        promise_only_unsafe_fixes_written(
            source,
            findings,
            input_cells.as_ref(),
            rules,
            project,
            &mut outcome,
        );
    }
    if text != source {
        outcome.fixed = Some(text);
    }
    Ok((outcome, cells))
}

/// Makes `check` call fixable only what `fix` would apply with the same
/// options, and promise `--unsafe-fixes` only what `fix --unsafe-fixes`
/// would apply: for a file with a fix on offer (and only then), the fix
/// rounds run as `fix` runs them, writing nothing; when `fix` would stop at
/// an internal error and leave the file unchanged, none of its fixes is
/// fixable, and a warning says why.
fn check_fixes(
    source: &str,
    findings: Vec<Finding>,
    cells: Option<&Cells>,
    rules: &RuleSettings,
    project: Option<&ProjectModule>,
    outcome: &mut SourceOutcome,
) {
    let applies = outcome.reports.iter().any(|r| r.fix.applies());
    let needs_unsafe = outcome
        .reports
        .iter()
        .any(|r| r.fix == FixStatus::NeedsUnsafe);
    if !applies && !needs_unsafe {
        return;
    }
    let refused = |rules: &RuleSettings, findings: Vec<Finding>| {
        fix_rounds(
            source,
            findings,
            cells.cloned(),
            rules,
            project,
            &mut AllFixes,
            Rounds::Verifying,
        )
        .err()
    };
    let (for_safe, for_unsafe) = match (applies, needs_unsafe) {
        (true, true) => (Some(findings.clone()), Some(findings)),
        (true, false) => (Some(findings), None),
        _ => (None, Some(findings)),
    };
    if let Some(findings) = for_safe
        && let Some(error) = refused(rules, findings)
    {
        refuse_fixes(outcome, &error, "fix", FixStatus::applies);
    }
    if let Some(findings) = for_unsafe {
        promise_only_unsafe_fixes_written(source, findings, cells, rules, project, outcome);
    }
}

/// Promises `--unsafe-fixes` only what `fix --unsafe-fixes` would write:
/// the fix rounds run with unsafe fixes on, writing nothing, and when they
/// stop at an internal error (the file would be left unchanged), the fixes
/// that need `--unsafe-fixes` are marked as not fixable, with the reason.
fn promise_only_unsafe_fixes_written(
    source: &str,
    findings: Vec<Finding>,
    cells: Option<&Cells>,
    rules: &RuleSettings,
    project: Option<&ProjectModule>,
    outcome: &mut SourceOutcome,
) {
    let unsafe_rules = RuleSettings {
        unsafe_fixes: true,
        ..rules.clone()
    };
    let refused = fix_rounds(
        source,
        findings,
        cells.cloned(),
        &unsafe_rules,
        project,
        &mut AllFixes,
        Rounds::Verifying,
    )
    .err();
    if let Some(error) = refused {
        refuse_fixes(outcome, &error, "fix --unsafe-fixes", |status| {
            *status == FixStatus::NeedsUnsafe
        });
    }
}

/// Marks the fixes `outcome` reports whose status `which` picks as refused
/// by `error` (the internal error `command` would stop at), and warns once.
fn refuse_fixes(
    outcome: &mut SourceOutcome,
    error: &SourceError,
    command: &str,
    which: impl Fn(&FixStatus) -> bool,
) {
    let reason = error
        .message
        .strip_suffix(LEFT_UNCHANGED)
        .unwrap_or(&error.message);
    let detail = reason.strip_prefix("internal error: ").unwrap_or(reason);
    for report in outcome.reports.iter_mut().filter(|r| which(&r.fix)) {
        report.fix = FixStatus::None(Some(format!(
            "`{command}` would write none of this file's fixes: {detail}"
        )));
        report.edits.clear();
    }
    outcome.warnings.push(format!(
        "{reason}; `{command}` would leave this file unchanged"
    ));
}

/// How an internal error of the fix rounds ends.
const LEFT_UNCHANGED: &str = "; file left unchanged";

/// What the caller of [`fix_rounds`] does with the text the rounds make.
enum Rounds<'o> {
    /// It writes or shows the text: the imports the fixes left unused go,
    /// and counts and warnings go to the outcome.
    Writing(&'o mut SourceOutcome),
    /// It only asks whether the rounds succeed (`check`): the removal of
    /// unused imports is skipped, since it runs after the last round's
    /// checks, cannot fail, and would only change text nobody sees (it may
    /// ask the project who reads each module, a scan of every file).
    Verifying,
}

/// Applies the fixes of `findings` (found on `source`) in rounds, as
/// `chooser` picks them, re-parsing and compile-checking after each round,
/// then removes the imports they left unused (unless only `Verifying`).
/// Counts and warnings go to the outcome `purpose` names. Returns the fixed text and where the cells are in it; `Err`
/// when a round's text does not parse or compile where the input did.
fn fix_rounds(
    source: &str,
    mut findings: Vec<Finding>,
    mut cells: Option<Cells>,
    rules: &RuleSettings,
    project: Option<&ProjectModule>,
    chooser: &mut dyn Chooser,
    purpose: Rounds,
) -> Result<(String, Option<Cells>), SourceError> {
    let writing = matches!(purpose, Rounds::Writing(_));
    let mut unseen = SourceOutcome::default();
    let outcome = match purpose {
        Rounds::Writing(outcome) => outcome,
        Rounds::Verifying => &mut unseen,
    };
    let notebook = cells.is_some();
    let gate = CompileGate::new(source, cells.clone(), rules.options.target_version);
    let mut text = source.to_string();
    let mut removals: Vec<ImportRemoval> = Vec::new();
    // Whether the imports fixes left unused are removed (done with the last
    // round's parse and model when the rounds settle, as they nearly always do).
    let mut removed = false;
    let mut round = 0;
    loop {
        let offered = allowed_fixes(&findings, rules, cells.as_ref());
        if offered.is_empty() {
            break;
        }
        let max_rounds = chooser.max_rounds();
        if round == max_rounds {
            outcome.warnings.push(format!(
                "fixes did not settle after {max_rounds} rounds; kept the text of the last round"
            ));
            break;
        }
        let chosen = chooser.choose(&text, offered)?;
        if chosen.is_empty() {
            break;
        }
        round += 1;
        let applied = apply_fixes(
            &text,
            chosen
                .iter()
                .filter_map(|f| f.fix.as_ref().map(|fix| (f.code, fix))),
        );
        if applied.total() == 0 {
            break;
        }
        let codes: Vec<&str> = applied.counts.keys().copied().collect();
        let new_cells = cells.as_ref().map(|c| c.remap(&applied.edits));
        let parsed = parse_text(&applied.text, new_cells.as_ref())
            .map_err(|error| internal_error(&codes, &applied.text, &error))?;
        if let Some(error) = gate.refuses(&parsed, &applied.text) {
            return Err(compile_error(&codes, &applied.text, &error));
        }
        for (code, count) in &applied.counts {
            *outcome.applied.entry(code).or_default() += count;
        }
        if writing {
            removals.extend(applied.removals);
        }
        text = applied.text;
        cells = new_cells;
        let (semantic, lines) = (OnceCell::new(), OnceCell::new());
        findings = analyse_in(&text, &parsed, &semantic, &lines, rules, notebook, project);
        if allowed_fixes(&findings, rules, cells.as_ref()).is_empty() {
            // Settled: the model this round built (or builds now) finds the unused imports.
            if !removals.is_empty() {
                let semantic =
                    semantic.get_or_init(|| SemanticModel::build_in(parsed.syntax(), project));
                if let Some((without, edits)) =
                    removal_edits(&text, semantic, &removals, cells.as_ref())
                {
                    cells = cells.map(|c| c.remap(&edits));
                    text = without;
                }
            }
            removed = true;
            break;
        }
    }

    if !removed
        && !removals.is_empty()
        && let Ok(parsed) = parse_text(&text, cells.as_ref())
        && let Some((without, edits)) = removal_edits(
            &text,
            &SemanticModel::build_in(parsed.syntax(), project),
            &removals,
            cells.as_ref(),
        )
    {
        cells = cells.map(|c| c.remap(&edits));
        text = without;
    }
    Ok((text, cells))
}

/// Refuses rewritten text that CPython would not compile where the input
/// would (SPEC §2, valid output). Only rewritten text is checked, and the
/// input's own errors are looked for only when the output has some: a file
/// that already fails to compile for one reason (an `await` in a plain
/// function) keeps its fixes elsewhere, and loses only those that add an
/// error of a kind it has no more of.
pub struct CompileGate<'s> {
    source: &'s str,
    cells: Option<Cells>,
    target: PyVersion,
    input: OnceCell<Vec<SemanticSyntaxError>>,
}

impl<'s> CompileGate<'s> {
    /// For the fixes of `source` (a notebook's when `cells` is given).
    pub fn new(source: &'s str, cells: Option<Cells>, target: PyVersion) -> Self {
        CompileGate {
            source,
            cells,
            target,
            input: OnceCell::new(),
        }
    }

    /// The first compile error of `text` (parsed as `parsed`) that the input
    /// does not have; `None` when the text is as valid as the input.
    pub fn refuses(&self, parsed: &Parsed<ModModule>, text: &str) -> Option<SemanticSyntaxError> {
        let notebook = self.cells.is_some();
        let errors = compile_errors(parsed.syntax(), text, self.target, notebook);
        if errors.is_empty() {
            return None;
        }
        let input = self.input.get_or_init(|| {
            parse_text(self.source, self.cells.as_ref())
                .map(|p| compile_errors(p.syntax(), self.source, self.target, notebook))
                .unwrap_or_default()
        });
        introduced(input, &errors).cloned()
    }
}

/// Drops the fixes that would edit a cell that is not plain Python (one
/// that starts with a cell magic), saying so: `check` then reports them
/// without a fix, as they are.
fn keep_out_of_magic_cells(findings: &mut [Finding], cells: &Cells) {
    for finding in findings {
        let in_magic_cell = finding.fix.as_ref().is_some_and(|fix| {
            fix.edits
                .iter()
                .any(|edit| cells.refuses(edit) && !cells.crosses(edit))
        });
        if in_magic_cell {
            finding.fix = None;
            finding.note =
                Some("the cell starts with a cell magic, so it is not plain Python".to_string());
        }
    }
}

/// The fixes of `findings` that this run applies: allowed by the settings,
/// and in a notebook, none reaching across the line between two cells or
/// into a cell that is not plain Python.
fn allowed_fixes<'f>(
    findings: &'f [Finding],
    rules: &RuleSettings,
    cells: Option<&Cells>,
) -> Vec<&'f Finding> {
    findings
        .iter()
        .filter(|f| {
            f.fix.as_ref().is_some_and(|fix| {
                rules.allows(fix) && !cells.is_some_and(|c| fix.edits.iter().any(|e| c.refuses(e)))
            })
        })
        .collect()
}

/// The text with unused imports removed, and the edits that did it; `None`
/// when there is nothing to remove.
fn removal_edits(
    text: &str,
    semantic: &SemanticModel,
    removals: &[ImportRemoval],
    cells: Option<&Cells>,
) -> Option<(String, Vec<crate::fix::Edit>)> {
    let mut edits = remove_unused_imports(text, semantic, removals);
    if let Some(cells) = cells {
        edits.retain(|edit| !cells.refuses(edit));
    }
    if edits.is_empty() {
        return None;
    }
    let candidate = splice(text, &edits);
    let new_cells = cells.map(|c| c.remap(&edits));
    if parse_text(&candidate, new_cells.as_ref()).is_ok() {
        Some((candidate, edits))
    } else {
        debug_assert!(false, "removing imports broke the source");
        None
    }
}

/// Parses a module, or a notebook's cells each on its own.
pub fn parse_text(text: &str, cells: Option<&Cells>) -> Result<Parsed<ModModule>, ParseError> {
    let Some(cells) = cells else {
        return parse(text);
    };
    if !cells.is_valid(text) {
        // Cannot happen when every edit stays inside a cell; refuse rather than panic.
        return Err(ParseError {
            error: ruff_python_parser::ParseErrorType::OtherError(
                "notebook cells lost their boundaries".into(),
            ),
            location: TextRange::default(),
        });
    }
    let options = ruff_python_parser::ParseOptions::from(ruff_python_ast::PySourceType::Ipynb);
    let blanked = cells.parser_text(text);
    let parsed = ruff_python_parser::parse_cells_unchecked(
        blanked.as_deref().unwrap_or(text),
        cells.ranges.iter().copied(),
        &options,
    );
    match parsed.errors().first() {
        Some(error) => Err(error.clone()),
        None => Ok(parsed),
    }
}

pub fn parse(source: &str) -> Result<Parsed<ModModule>, ParseError> {
    parse_module(source)
}

/// A prebuilt searcher for every string the catalogue's codemods filter on.
static FINDERS: LazyLock<FxHashMap<&'static str, memmem::Finder<'static>>> = LazyLock::new(|| {
    crate::codemods::ALL
        .iter()
        .flat_map(|codemod| codemod.needles.iter().chain(codemod.requires))
        .map(|needle| (*needle, memmem::Finder::new(needle.as_bytes())))
        .collect()
});

/// Whether `source` contains a needle, each needle searched for at most once
/// per source. `async` is looked for before any needle that contains it
/// (`asyncio`): most files lack both, and then one scan answers for the two.
/// (One multi-pattern pass over every needle was measured slower: the common
/// needles match too often. [`NeedleTable`] passes over the long ones only.)
fn needle_finder(source: &str, notebook: bool) -> impl FnMut(&'static str) -> bool + '_ {
    const GATE: &str = "async";
    let mut seen: Vec<(&'static str, bool)> = Vec::with_capacity(32);
    let scan = move |needle: &'static str, seen: &mut Vec<(&'static str, bool)>| {
        if let Some(&(_, found)) = seen.iter().find(|(n, _)| *n == needle) {
            return found;
        }
        let found = match FINDERS.get(needle) {
            // Reached only once `async` is known to be there (it is gated).
            _ if needle == ASYNC_DEF => notebook || has_async_def(source),
            Some(finder) => finder.find(source.as_bytes()).is_some(),
            None => source.contains(needle),
        };
        seen.push((needle, found));
        found
    };
    move |needle| {
        let gated = needle.len() > GATE.len()
            && needle
                .as_bytes()
                .windows(GATE.len())
                .any(|w| w == GATE.as_bytes());
        if gated && !scan(GATE, &mut seen) {
            return false;
        }
        scan(needle, &mut seen)
    }
}

/// The needles of the catalogue's codemods, numbered, and each codemod's
/// `requires` and `needles` by number: [`analyse_in`] asks the same
/// questions as [`needle_finder`], in the same order, without hashing or
/// comparing strings for each.
struct NeedleTable {
    needles: Vec<Needle>,
    /// The number of `async`, the gate of the needles that contain it.
    gate: usize,
    /// The long needles, each rare in sources, searched for in one pass the
    /// first time one of them is asked: a missing needle costs a whole scan
    /// of the source, and most of these are missing from most modules. The
    /// pattern numbers are the needles' numbers in `long_numbers`' order.
    long: Option<AhoCorasick>,
    long_numbers: Vec<usize>,
    /// The long needles a codemod that does not require `asyncio` asks
    /// for, in one pass of their own for a source without `asyncio` (most
    /// sources with `async`): the other long needles are never asked
    /// there, and fewer patterns make a faster pass.
    long_without_asyncio: Option<AhoCorasick>,
    long_numbers_without_asyncio: Vec<usize>,
    /// The number of `asyncio`, when a codemod requires it.
    asyncio: Option<usize>,
    /// Per codemod of [`crate::codemods::ALL`], in its order: its
    /// `requires` and its `needles`, by number.
    codemods: Vec<(Vec<usize>, Vec<usize>)>,
}

struct Needle {
    text: &'static str,
    finder: memmem::Finder<'static>,
    /// Whether it contains the gate (and is longer): absent when the gate is.
    gated: bool,
}

/// What [`NeedleTable::active`] answers a source for at most this many
/// needles; a longer catalogue is asked through [`needle_finder`].
const MAX_NEEDLES: usize = 64;

static NEEDLE_TABLE: LazyLock<NeedleTable> = LazyLock::new(|| {
    const GATE: &str = "async";
    let mut needles: Vec<Needle> = Vec::new();
    let mut number = |text: &'static str| match needles.iter().position(|n| n.text == text) {
        Some(index) => index,
        None => {
            needles.push(Needle {
                text,
                finder: memmem::Finder::new(text.as_bytes()),
                gated: text.len() > GATE.len() && text.contains(GATE),
            });
            needles.len() - 1
        }
    };
    let gate = number(GATE);
    let codemods: Vec<(Vec<usize>, Vec<usize>)> = crate::codemods::ALL
        .iter()
        .map(|codemod| {
            let requires = codemod.requires.iter().map(|n| number(n)).collect();
            let wanted = codemod.needles.iter().map(|n| number(n)).collect();
            (requires, wanted)
        })
        .collect();
    // Short needles (`run`, `loop`, `await`) are common: a scan for one
    // usually stops near the start of the source, and in a multi-pattern pass
    // they would match everywhere. The gate and `async def` keep their own
    // questions.
    let long_numbers: Vec<usize> = needles
        .iter()
        .enumerate()
        .filter(|(index, needle)| {
            *index != gate && needle.text != ASYNC_DEF && needle.text.len() >= LONG_NEEDLE
        })
        // A needle that starts another one would hide behind it in a
        // leftmost-first search: it keeps its own scan.
        .filter(|(index, needle)| {
            !needles.iter().enumerate().any(|(other, longer)| {
                other != *index
                    && longer.text.len() >= LONG_NEEDLE
                    && longer.text.len() > needle.text.len()
                    && longer.text.starts_with(needle.text)
            })
        })
        .map(|(index, _)| index)
        .collect();
    let searcher = |numbers: &[usize]| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(
                numbers
                    .iter()
                    .filter_map(|&n| needles.get(n).map(|needle| needle.text)),
            )
            .ok()
    };
    let long = searcher(&long_numbers);
    let asyncio = needles.iter().position(|n| n.text == "asyncio");
    let long_numbers_without_asyncio: Vec<usize> = long_numbers
        .iter()
        .copied()
        .filter(|number| {
            codemods.iter().any(|(requires, wanted)| {
                asyncio.is_none_or(|asyncio| !requires.contains(&asyncio))
                    && (requires.contains(number) || wanted.contains(number))
            })
        })
        .collect();
    let long_without_asyncio = searcher(&long_numbers_without_asyncio);
    NeedleTable {
        needles,
        gate,
        long,
        long_numbers,
        long_without_asyncio,
        long_numbers_without_asyncio,
        asyncio,
        codemods,
    }
});

/// The length from which a needle is searched for with the others in one
/// pass (see [`NeedleTable`]).
const LONG_NEEDLE: usize = 8;

impl NeedleTable {
    /// Whether `source` contains needle `index`, as [`needle_finder`]
    /// answers; `known` keeps the answers (0 not asked, 1 absent, 2 there).
    fn contains(&self, source: &str, notebook: bool, known: &mut [u8], index: usize) -> bool {
        match known.get(index) {
            Some(1) => return false,
            Some(2) => return true,
            _ => {}
        }
        let Some(needle) = self.needles.get(index) else {
            return false;
        };
        let found = if needle.gated && !self.contains(source, notebook, known, self.gate) {
            false
        } else if let Some(long) = self
            .long
            .as_ref()
            .filter(|_| self.long_numbers.contains(&index))
        {
            if known.get(self.gate) == Some(&1) {
                // A source without `async` (nearly half of them) is asked
                // only the needles of the codemods that require nothing
                // (`TimeoutError`): one search for the needle alone is
                // faster than one for every long needle at once.
                needle.finder.find(source.as_bytes()).is_some()
            } else {
                match self.long_without_asyncio.as_ref().filter(|_| {
                    self.asyncio
                        .is_some_and(|asyncio| known.get(asyncio) == Some(&1))
                        && self.long_numbers_without_asyncio.contains(&index)
                }) {
                    Some(fewer) => {
                        self.find_long(fewer, &self.long_numbers_without_asyncio, source, known)
                    }
                    None => self.find_long(long, &self.long_numbers, source, known),
                }
                known.get(index) == Some(&2)
            }
        } else if needle.text == ASYNC_DEF {
            notebook || has_async_def(source)
        } else {
            needle.finder.find(source.as_bytes()).is_some()
        };
        if let Some(slot) = known.get_mut(index) {
            *slot = if found { 2 } else { 1 };
        }
        found
    }

    /// Answers for the long needles `numbers` (the patterns of `long`, in
    /// order) in one pass over `source`. The search
    /// is leftmost-first, so it is restarted one byte after each match's
    /// start: every position where some long needle starts is seen, and no
    /// long needle is a prefix of another (see [`NEEDLE_TABLE`]), so no
    /// other needle starts where the one found does.
    fn find_long(&self, long: &AhoCorasick, numbers: &[usize], source: &str, known: &mut [u8]) {
        let mut missing = 0;
        for number in numbers {
            if let Some(slot) = known.get_mut(*number) {
                *slot = 1;
                missing += 1;
            }
        }
        if missing == 0 {
            return;
        }
        for found in crate::search::starts(long, source.as_bytes()) {
            if let Some(slot) = numbers
                .get(found.pattern().as_usize())
                .and_then(|number| known.get_mut(*number))
                && *slot == 1
            {
                *slot = 2;
                missing -= 1;
                if missing == 0 {
                    break;
                }
            }
        }
    }

    /// The codemods of `rules` that apply to the target and whose needles
    /// `source` holds, in the order of `rules` (as [`Codemod::wants_with`]
    /// with [`needle_finder`] picks them).
    fn active<'r>(
        &self,
        source: &str,
        notebook: bool,
        rules: &'r RuleSettings,
    ) -> Vec<&'r Codemod> {
        let all = crate::codemods::ALL;
        let mut known = [0u8; MAX_NEEDLES];
        let mut generic = None;
        // Selections keep the catalogue's order: look on from the last one.
        let mut next = 0;
        let mut active = Vec::new();
        for &codemod in &rules.codemods {
            if codemod.min_python > rules.options.target_version {
                continue;
            }
            let index = all
                .get(next..)
                .and_then(|rest| rest.iter().position(|c| std::ptr::eq(*c, codemod)))
                .map(|i| next + i)
                .or_else(|| all.iter().position(|c| std::ptr::eq(*c, codemod)));
            let wanted = match index.and_then(|i| self.codemods.get(i)) {
                Some((requires, needles)) if self.needles.len() <= MAX_NEEDLES => {
                    next = index.map_or(next, |i| i + 1);
                    let mut contains = |n: &usize| self.contains(source, notebook, &mut known, *n);
                    requires.iter().all(&mut contains)
                        && (needles.is_empty() || needles.iter().any(&mut contains))
                }
                // A codemod from outside the catalogue: asked by its strings.
                _ => codemod
                    .wants_with(generic.get_or_insert_with(|| needle_finder(source, notebook))),
            };
            if wanted {
                active.push(codemod);
            }
        }
        active
    }
}

/// Runs every selected codemod that applies to the target and has something
/// to look for; drops findings suppressed by `# noqa`. The line index is
/// built only if something needs it.
pub fn analyse_with(
    source: &str,
    parsed: &Parsed<ModModule>,
    lines: &OnceCell<LineIndex>,
    rules: &RuleSettings,
    notebook: bool,
) -> Vec<Finding> {
    analyse_in(
        source,
        parsed,
        &OnceCell::new(),
        lines,
        rules,
        notebook,
        None,
    )
}

/// [`analyse_with`] for a module of a project (see [`process_source_in`]).
pub fn analyse_project(
    source: &str,
    parsed: &Parsed<ModModule>,
    lines: &OnceCell<LineIndex>,
    rules: &RuleSettings,
    notebook: bool,
    project: Option<&ProjectModule>,
) -> Vec<Finding> {
    analyse_in(
        source,
        parsed,
        &OnceCell::new(),
        lines,
        rules,
        notebook,
        project,
    )
}

/// [`analyse_with`], leaving the semantic model it built (if any codemod
/// ran) in `semantic` for the caller to use again.
fn analyse_in<'p>(
    source: &'p str,
    parsed: &'p Parsed<ModModule>,
    semantic: &'p OnceCell<SemanticModel<'p>>,
    lines: &'p OnceCell<LineIndex>,
    rules: &'p RuleSettings,
    notebook: bool,
    project: Option<&'p ProjectModule>,
) -> Vec<Finding> {
    let active = NEEDLE_TABLE.active(source, notebook, rules);
    if active.is_empty() {
        return Vec::new();
    }
    let semantic = semantic.get_or_init(|| SemanticModel::build_in(parsed.syntax(), project));
    let ctx = Context {
        source,
        module: parsed.syntax(),
        tokens: parsed.tokens(),
        semantic,
        settings: &rules.options,
        lines,
        notebook,
        noqa: OnceCell::new(),
    };
    let mut findings = Findings::new(&ctx);
    for codemod in active {
        let start = findings.len();
        (codemod.run)(&ctx, &mut findings);
        findings.drop_suppressed(start, codemod);
    }
    let mut findings = findings.into_vec();
    keep_out_of_self_documenting(&mut findings, semantic);
    findings.sort_by(|a, b| (a.range.start(), a.code).cmp(&(b.range.start(), b.code)));
    findings
}

/// Drops the fixes that would edit inside a self-documenting replacement
/// field (`f"{asyncio.get_event_loop() is not None=}"`), whose source text
/// the program prints, saying so: `check` reports them without a fix.
fn keep_out_of_self_documenting(findings: &mut [Finding], semantic: &SemanticModel) {
    for finding in findings {
        let inside = finding.fix.as_ref().is_some_and(|fix| {
            fix.edits
                .iter()
                .any(|edit| semantic.edits_self_documenting(edit.range))
        });
        if inside {
            finding.fix = None;
            finding.note = Some(
                "it sits in an f-string field ending in `=`, which prints its own source text"
                    .to_string(),
            );
        }
    }
}

/// The finding positioned for messages (`None` only for a finding none of
/// the run's codemods made, which cannot happen).
pub fn report(
    finding: &Finding,
    source: &str,
    index: &LineIndex,
    rules: &RuleSettings,
) -> Option<Report> {
    let codemod = rules.codemods.iter().find(|c| c.code == finding.code);
    debug_assert!(codemod.is_some(), "no codemod {} ran", finding.code);
    let codemod = *codemod?;
    let fix = match &finding.fix {
        None => FixStatus::None(finding.note.clone()),
        Some(fix) if fix.min_python > rules.options.target_version => {
            FixStatus::NeedsVersion(fix.min_python)
        }
        Some(fix) if fix.applicability == Applicability::Unsafe && !rules.unsafe_fixes => {
            FixStatus::NeedsUnsafe
        }
        Some(fix) => FixStatus::Applies(fix.applicability),
    };
    let edits = finding
        .fix
        .iter()
        .flat_map(|fix| &fix.edits)
        .map(|edit| ReportEdit {
            start: Position::at(index, source, edit.range.start()),
            end: Position::at(index, source, edit.range.end()),
            content: edit.content.to_string(),
        })
        .collect();
    let line_text = crate::fix::layout::line_text(source, finding.range.start()).to_string();
    Some(Report {
        cell: None,
        line_text,
        codemod,
        start: Position::at(index, source, finding.range.start()),
        end: Position::at(index, source, finding.range.end()),
        message: finding.message.clone(),
        fix,
        fix_title: finding.fix.as_ref().map(|f| f.title.clone()),
        unsafe_reason: finding
            .fix
            .as_ref()
            .filter(|fix| fix.applicability == Applicability::Unsafe)
            .and(finding.note.clone()),
        edits,
    })
}

pub fn syntax_error(source: &str, error: &ParseError) -> SourceError {
    let index = LineIndex::from_source_text(source);
    SourceError {
        position: Position::at(&index, source, error.location.start()),
        message: format!("syntax error: {}", error.error),
    }
}

pub fn internal_error(codes: &[&str], text: &str, error: &ParseError) -> SourceError {
    let index = LineIndex::from_source_text(text);
    let at = Position::at(&index, text, error.location.start());
    SourceError {
        position: Position::START,
        message: format!(
            "internal error: fixes of {} produced code that does not parse ({} at {}:{}){LEFT_UNCHANGED}",
            codes.join(", "),
            error.error,
            at.line,
            at.column
        ),
    }
}

/// The internal error for fixes whose output CPython would refuse.
pub fn compile_error(codes: &[&str], text: &str, error: &SemanticSyntaxError) -> SourceError {
    use ruff_text_size::Ranged;
    let index = LineIndex::from_source_text(text);
    let at = Position::at(&index, text, error.range().start());
    SourceError {
        position: Position::START,
        message: format!(
            "internal error: fixes of {} produced code that does not compile ({} at {}:{}){LEFT_UNCHANGED}",
            codes.join(", "),
            error,
            at.line,
            at.column
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{CellKind, Cells, needle_finder, parse_text};
    use crate::fix::Edit;
    use ruff_text_size::{TextRange, TextSize};

    /// `a = 1` / `%%bash` cell / `%%time` cell, as a notebook concatenates them.
    fn magic_cells() -> (&'static str, Cells) {
        let text = "a = 1\n%%bash\necho (\n%%time\nb = a";
        let range = |start: u32, end: u32| TextRange::new(TextSize::new(start), TextSize::new(end));
        let cells = Cells {
            ranges: vec![range(0, 5), range(6, 19), range(20, 32)],
            kinds: vec![CellKind::Python, CellKind::Foreign, CellKind::MagicPython],
        };
        (text, cells)
    }

    #[test]
    fn magic_cells_parse_as_blank_lines_where_not_python() {
        let (text, cells) = magic_cells();
        let parsed = parse_text(text, Some(&cells)).expect("the bash cell is not parsed");
        // `a = 1` and `b = a`, at their own offsets.
        let body = &parsed.syntax().body;
        assert_eq!(body.len(), 2);
        assert_eq!(
            ruff_text_size::Ranged::range(&body[1]),
            TextRange::new(TextSize::new(27), TextSize::new(32))
        );
    }

    #[test]
    fn no_edit_lands_in_a_magic_cell() {
        let (_, cells) = magic_cells();
        let at = |offset: u32, content: &str| Edit::insertion(TextSize::new(offset), content);
        assert!(!cells.refuses(&at(0, "x")));
        assert!(cells.refuses(&at(6, "x")), "the start of the bash cell");
        assert!(cells.refuses(&at(30, "x")), "inside the %%time cell");
        assert!(cells.refuses(&Edit::deletion(TextRange::new(
            TextSize::new(27),
            TextSize::new(32)
        ))));
    }

    #[test]
    fn needles_are_found_and_implied_absent() {
        let mut contains = needle_finder("import asyncio\ntime.sleep(1)\n", false);
        assert!(contains("asyncio"));
        assert!(contains("async"));
        assert!(contains("sleep"));
        assert!(!contains("TimeoutError"));
        assert!(!contains("TimeoutErrorX"));

        let mut contains = needle_finder("def f(): time.sleep(1)\n", false);
        assert!(!contains("asyncio"));
        assert!(!contains("async"));
        assert!(contains("sleep"));
        assert!(!contains("sleeps"));
        // Asked twice, the answer is the same.
        assert!(contains("sleep"));
        assert!(!contains("asyncio"));
    }

    #[test]
    fn a_needle_containing_the_gate_is_found_when_present() {
        let mut contains = needle_finder("x = 'asyncio'", false);
        assert!(contains("asyncio"));
        let mut contains = needle_finder("x = 'asynci0'", false);
        assert!(!contains("asyncio"));
        assert!(contains("async"));
    }

    /// The numbered needles pick the codemods the strings pick: for every
    /// fixture of the catalogue and sources made of needles, in and out of
    /// notebooks, for every codemod, a selection out of the catalogue's
    /// order, and an older target.
    #[test]
    fn the_needle_table_picks_what_the_needles_pick() {
        use crate::codemods::ALL;
        use crate::version::PyVersion;
        let mut sources: Vec<String> = vec![String::new(), "async".to_string()];
        let needles: Vec<&str> = ALL
            .iter()
            .flat_map(|codemod| codemod.needles.iter().chain(codemod.requires))
            .copied()
            .collect();
        for needle in &needles {
            sources.push(needle.to_string());
            sources.push(format!("async def f(): {needle}"));
            sources.push(format!("import asyncio\n{needle}"));
        }
        // Needles side by side and overlapping (`coroutinensure_future`): the
        // long ones are found in one leftmost-first pass, which must still see
        // each of them.
        for first in &needles {
            for second in &needles {
                sources.push(format!("async def f(): {first}{second}"));
                if let Some(rest) = second.strip_prefix(first.chars().last().unwrap_or(' ')) {
                    sources.push(format!("async def f(): {first}{rest}"));
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("codemods");
        for entry in ignore::WalkBuilder::new(&root).build().flatten() {
            if entry.path().extension().is_some_and(|e| e == "py")
                && let Ok(text) = std::fs::read_to_string(entry.path())
            {
                sources.push(text);
            }
        }
        assert!(sources.len() > 100, "the fixtures were not found");
        let mut reversed = super::RuleSettings::for_codemods(ALL);
        reversed.codemods.reverse();
        let mut older = super::RuleSettings::for_codemods(&ALL[3..]);
        older.options.target_version = PyVersion::PY39;
        let selections = [super::RuleSettings::for_codemods(ALL), reversed, older];
        for source in &sources {
            for notebook in [false, true] {
                for rules in &selections {
                    let mut contains = needle_finder(source, notebook);
                    let expected: Vec<&str> = rules
                        .codemods
                        .iter()
                        .filter(|c| {
                            c.min_python <= rules.options.target_version
                                && c.wants_with(&mut contains)
                        })
                        .map(|c| c.code)
                        .collect();
                    let active: Vec<&str> = super::NEEDLE_TABLE
                        .active(source, notebook, rules)
                        .iter()
                        .map(|c| c.code)
                        .collect();
                    assert_eq!(active, expected, "{source:?}, notebook: {notebook}");
                }
            }
        }
    }

    #[test]
    fn async_def_is_required_outside_notebooks_only() {
        use crate::codemods::ASYNC_DEF;
        let source = "import asyncio\nasyncio.run(main())\n";
        assert!(!needle_finder(source, false)(ASYNC_DEF));
        assert!(needle_finder(source, true)(ASYNC_DEF));
        assert!(needle_finder("async  def f(): pass", false)(ASYNC_DEF));
        assert!(!needle_finder("def f(): pass", true)(ASYNC_DEF));
    }

    /// The source after `--add-noqa` with every codemod, and what checking
    /// it again finds (nothing, always).
    fn marked(source: &str) -> String {
        let rules = super::RuleSettings::for_codemods(crate::codemods::ALL);
        let outcome = crate::engine::add_noqa(source, None, &rules, None).expect("parses");
        assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
        let text = outcome.text.unwrap_or_else(|| source.to_string());
        let again = crate::engine::process_source(&text, &rules, crate::engine::Mode::Check)
            .expect("still parses");
        assert!(
            again.reports.is_empty(),
            "{text}\nstill finds {:?}",
            again.reports
        );
        let twice = crate::engine::add_noqa(&text, None, &rules, None).expect("parses");
        assert_eq!(twice.marked, 0, "a second --add-noqa adds nothing");
        text
    }

    const HEAD: &str = "import time\n\n\nasync def f():\n";

    #[test]
    fn add_noqa_appends_after_code_and_after_a_comment() {
        let body = r#"    time.sleep(1)
    time.sleep(2)  # back off
    x = [time.sleep(3), time.sleep(4)]   
"#;
        let expected = r#"    time.sleep(1)  # noqa: AM001
    time.sleep(2)  # back off  # noqa: AM001
    x = [time.sleep(3), time.sleep(4)]  # noqa: AM001
"#;
        assert_eq!(
            marked(&format!("{HEAD}{body}")),
            format!("{HEAD}{expected}")
        );
    }

    #[test]
    fn add_noqa_merges_codes_into_a_directive_keeping_what_follows() {
        let body = r#"    time.sleep(1)  # noqa: E501 because the URL is long
    time.sleep(2)  # type: ignore  # NOQA:W291,E501
"#;
        let expected = r#"    time.sleep(1)  # noqa: AM001, E501 because the URL is long
    time.sleep(2)  # type: ignore  # NOQA: AM001, E501, W291
"#;
        assert_eq!(
            marked(&format!("{HEAD}{body}")),
            format!("{HEAD}{expected}")
        );
    }

    #[test]
    fn add_noqa_never_writes_inside_a_multi_line_string() {
        // A finding on a line that a string spans: the comment goes where
        // the string ends, as ruff puts it.
        let body = r#"    x = f"""
  {time.sleep(2)} text
""" + str(1)
    y = '''a''' if time.sleep(3) else '''
b
'''
    z = (
        time.sleep(4), """
        """)
"#;
        let expected = r#"    x = f"""
  {time.sleep(2)} text
""" + str(1)  # noqa: AM001
    y = '''a''' if time.sleep(3) else '''
b
'''  # noqa: AM001
    z = (
        time.sleep(4), """
        """)  # noqa: AM001
"#;
        assert_eq!(
            marked(&format!("{HEAD}{body}")),
            format!("{HEAD}{expected}")
        );
    }

    #[test]
    fn add_noqa_follows_backslash_continuations_but_not_in_comments() {
        let body = r#"    x = time.sleep(1) + \
        2
    y = 3  # a comment \
    z = time.sleep(4)
"#;
        let expected = r#"    x = time.sleep(1) + \
        2  # noqa: AM001
    y = 3  # a comment \
    z = time.sleep(4)  # noqa: AM001
"#;
        assert_eq!(
            marked(&format!("{HEAD}{body}")),
            format!("{HEAD}{expected}")
        );
    }

    #[test]
    fn add_noqa_keeps_crlf_and_a_last_line_without_newline() {
        let source = "import time\r\nasync def f():\r\n    time.sleep(1)\r\n    time.sleep(2)";
        assert_eq!(
            marked(source),
            "import time\r\nasync def f():\r\n    time.sleep(1)  # noqa: AM001\r\n    time.sleep(2)  # noqa: AM001"
        );
    }

    #[test]
    fn add_noqa_on_a_clean_source_changes_nothing() {
        let rules = super::RuleSettings::for_codemods(crate::codemods::ALL);
        let outcome = crate::engine::add_noqa("x = 1\n", None, &rules, None).expect("parses");
        assert!(outcome.text.is_none());
        assert_eq!(outcome.marked, 0);
    }
}
