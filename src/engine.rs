//! One source through the codemods: parse, find, apply fixes in rounds until
//! nothing changes, re-parse after every round, then remove the imports the
//! fixes left unused. Nothing here touches files: see `lib.rs` for that.

use std::collections::BTreeMap;

use ruff_python_ast::ModModule;
use ruff_python_parser::{ParseError, Parsed, parse_module};
use ruff_source_file::LineIndex;

use crate::codemods::{Codemod, Context};
use crate::fix::apply::{apply_fixes, splice};
use crate::fix::importer::remove_unused_imports;
use crate::fix::{Applicability, Finding, Findings, ImportRemoval};
use crate::noqa::NoqaMap;
use crate::semantic::SemanticModel;
use crate::settings::RuleSettings;
use crate::source::Position;
use crate::version::PyVersion;

/// Rounds of fixes before giving up on reaching a fixed point.
pub const MAX_ROUNDS: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Report findings only.
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
    /// The fix's edits, positioned (for `--output-format json`).
    pub edits: Vec<ReportEdit>,
    /// The source line the finding starts on, for showing it under the message.
    pub line_text: String,
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

/// Processes one source. `Err` when the input does not parse, or when a fix
/// produced text that does not parse (an internal error naming the codemods;
/// the caller then writes nothing).
pub fn process_source(
    source: &str,
    rules: &RuleSettings,
    mode: Mode,
) -> Result<SourceOutcome, SourceError> {
    let parsed = parse(source).map_err(|error| syntax_error(source, &error))?;
    let index = LineIndex::from_source_text(source);
    let findings = analyse(source, &parsed, &index, rules);
    let mut outcome = SourceOutcome {
        reports: findings
            .iter()
            .map(|f| report(f, source, &index, rules))
            .collect(),
        ..SourceOutcome::default()
    };
    if mode == Mode::Check {
        return Ok(outcome);
    }

    let mut text = source.to_string();
    let mut removals: Vec<ImportRemoval> = Vec::new();
    let mut findings = findings;
    let mut round = 0;
    loop {
        let fixes: Vec<_> = findings
            .iter()
            .filter_map(|f| {
                f.fix
                    .as_ref()
                    .filter(|fix| rules.allows(fix))
                    .map(|fix| (f.codemod, fix))
            })
            .collect();
        if fixes.is_empty() {
            break;
        }
        if round == MAX_ROUNDS {
            outcome.warnings.push(format!(
                "fixes did not settle after {MAX_ROUNDS} rounds; kept the text of the last round"
            ));
            break;
        }
        round += 1;
        let applied = apply_fixes(&text, fixes);
        if applied.total() == 0 {
            break;
        }
        let codes: Vec<&str> = applied.counts.keys().copied().collect();
        let parsed =
            parse(&applied.text).map_err(|error| internal_error(&codes, &applied.text, &error))?;
        for (code, count) in &applied.counts {
            *outcome.applied.entry(code).or_default() += count;
        }
        removals.extend(applied.removals);
        text = applied.text;
        let index = LineIndex::from_source_text(&text);
        findings = analyse(&text, &parsed, &index, rules);
    }

    if !removals.is_empty() {
        text = remove_imports(text, &removals);
    }
    if text != source {
        outcome.fixed = Some(text);
    }
    Ok(outcome)
}

/// Removes the imports fixes left unused; keeps the text as it was if the
/// removal would not parse (it always should: this is a second safety net).
pub fn remove_imports(text: String, removals: &[ImportRemoval]) -> String {
    let Ok(parsed) = parse(&text) else {
        return text;
    };
    let semantic = SemanticModel::build(parsed.syntax());
    let edits = remove_unused_imports(&text, &semantic, removals);
    if edits.is_empty() {
        return text;
    }
    let candidate = splice(&text, &edits);
    if parse(&candidate).is_ok() {
        candidate
    } else {
        debug_assert!(false, "removing imports broke the source");
        text
    }
}

pub fn parse(source: &str) -> Result<Parsed<ModModule>, ParseError> {
    parse_module(source)
}

/// Runs every selected codemod that applies to the target and has something
/// to look for; drops findings suppressed by `# noqa`.
pub fn analyse(
    source: &str,
    parsed: &Parsed<ModModule>,
    index: &LineIndex,
    rules: &RuleSettings,
) -> Vec<Finding> {
    analyse_with(source, parsed, index, rules, false)
}

pub fn analyse_with(
    source: &str,
    parsed: &Parsed<ModModule>,
    index: &LineIndex,
    rules: &RuleSettings,
    notebook: bool,
) -> Vec<Finding> {
    let active: Vec<&Codemod> = rules
        .codemods
        .iter()
        .copied()
        .filter(|c| c.min_python <= rules.target_version && c.wants(source))
        .collect();
    if active.is_empty() {
        return Vec::new();
    }
    let semantic = SemanticModel::build(parsed.syntax());
    let ctx = Context {
        source,
        module: parsed.syntax(),
        tokens: parsed.tokens(),
        semantic: &semantic,
        settings: rules,
        line_index: index,
        notebook,
    };
    let mut findings = Findings::new(&ctx);
    for codemod in active {
        (codemod.run)(&ctx, &mut findings);
    }
    let mut findings = findings.into_vec();
    if findings.is_empty() {
        return findings;
    }
    let noqa = NoqaMap::from_tokens(parsed.tokens(), source, index);
    findings.retain(|f| !noqa.suppresses(index, f.range.start(), f.codemod));
    findings
        .sort_by(|a, b| (a.range.start(), a.codemod.code).cmp(&(b.range.start(), b.codemod.code)));
    findings
}

pub fn report(finding: &Finding, source: &str, index: &LineIndex, rules: &RuleSettings) -> Report {
    let fix = match &finding.fix {
        None => FixStatus::None(finding.note.clone()),
        Some(fix) if fix.min_python > rules.target_version => {
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
    Report {
        line_text,
        codemod: finding.codemod,
        start: Position::at(index, source, finding.range.start()),
        end: Position::at(index, source, finding.range.end()),
        message: finding.message.clone(),
        fix,
        fix_title: finding.fix.as_ref().map(|f| f.title.clone()),
        edits,
    }
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
            "internal error: fixes of {} produced code that does not parse ({} at {}:{}); file left unchanged",
            codes.join(", "),
            error.error,
            at.line,
            at.column
        ),
    }
}
