//! One finding as `check` prints it: text, JSON or a GitHub annotation.

use crate::engine::{FixStatus, Report};

use super::style::Style;

/// `path:line:col: AM001 [*] message`, with what keeps the fix back.
pub fn text_line(display: &str, report: &Report, style: &Style) -> String {
    let marker = match report.fix {
        FixStatus::Applies(_) => format!(" {}", style.cyan("[*]")),
        _ => String::new(),
    };
    let note = match &report.fix {
        FixStatus::Applies(_) => String::new(),
        FixStatus::NeedsUnsafe => " (unsafe fix available with `--unsafe-fixes`)".to_string(),
        FixStatus::NeedsVersion(version) => {
            format!(
                " (fix needs `--target-version {}` or newer)",
                version.target_name()
            )
        }
        FixStatus::None(Some(reason)) => format!(" (no automatic fix: {reason})"),
        FixStatus::None(None) => " (no automatic fix)".to_string(),
    };
    format!(
        "{}:{}:{}: {}{} {}{}",
        style.bold(display),
        report.start.line,
        report.start.column,
        style.bold_red(report.codemod.code),
        marker,
        report.message,
        note
    )
}

pub fn json_value(display: &str, report: &Report) -> serde_json::Value {
    let location =
        |p: &crate::source::Position| serde_json::json!({"row": p.line, "column": p.column});
    let fix = match (&report.fix, &report.fix_title) {
        (FixStatus::None(_), _) | (_, None) => serde_json::Value::Null,
        (status, Some(title)) => serde_json::json!({
            "message": title,
            "applicability": match status {
                FixStatus::Applies(a) => a.as_str(),
                FixStatus::NeedsUnsafe => "unsafe",
                _ => report.codemod.safety.as_str(),
            },
            "applies": status.applies(),
            "needs_target_version": match status {
                FixStatus::NeedsVersion(v) => Some(v.target_name()),
                _ => None,
            },
            "edits": report.edits.iter().map(|e| serde_json::json!({
                "content": e.content,
                "location": location(&e.start),
                "end_location": location(&e.end),
            })).collect::<Vec<_>>(),
        }),
    };
    let note = match &report.fix {
        FixStatus::None(note) => note.clone(),
        _ => None,
    };
    serde_json::json!({
        "code": report.codemod.code,
        "name": report.codemod.name,
        "message": report.message,
        "filename": display,
        "location": location(&report.start),
        "end_location": location(&report.end),
        "fix": fix,
        "note": note,
    })
}

/// A GitHub Actions warning annotation for a finding.
pub fn github_line(display: &str, report: &Report) -> String {
    annotation("warning", display, report)
}

/// A GitHub Actions notice for a fix that `fix` applied.
pub fn github_notice(display: &str, report: &Report) -> String {
    annotation("notice", display, report)
}

fn annotation(level: &str, display: &str, report: &Report) -> String {
    format!(
        "::{level} title=asyncmod ({}),file={},line={},col={},endLine={},endColumn={}::{}",
        report.codemod.code,
        escape_property(display),
        report.start.line,
        report.start.column,
        report.end.line,
        report.end.column,
        escape_data(&format!(
            "{}:{}:{}: {} {}",
            display, report.start.line, report.start.column, report.codemod.code, report.message
        ))
    )
}

/// Escapes a workflow command's message.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
