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
        FixStatus::NeedsUnsafe => match &report.unsafe_reason {
            Some(reason) => format!(" (unsafe fix available with `--unsafe-fixes`: {reason})"),
            None => " (unsafe fix available with `--unsafe-fixes`)".to_string(),
        },
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
        style.bold(&super::located(display, report.cell)),
        report.start.line,
        report.start.column,
        style.bold_red(report.codemod.code),
        marker,
        super::printable(&report.message),
        super::printable(&note)
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
        _ => report.unsafe_reason.clone(),
    };
    serde_json::json!({
        "code": report.codemod.code,
        "name": report.codemod.name,
        "severity": "warning",
        "message": report.message,
        "filename": display,
        "cell": report.cell,
        "location": location(&report.start),
        "end_location": location(&report.end),
        "fix": fix,
        "note": note,
    })
}

/// A file that could not be processed, shaped like a finding (no code, no
/// fix) so that a reader of the JSON array sees it next to the findings.
pub fn json_error(display: &str, failure: &super::FileFailure) -> serde_json::Value {
    let location =
        serde_json::json!({"row": failure.position.line, "column": failure.position.column});
    serde_json::json!({
        "code": null,
        "name": "error",
        "severity": "error",
        "message": failure.message,
        "filename": display,
        "cell": failure.cell,
        "location": location,
        "end_location": location,
        "fix": null,
        "note": null,
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
        escape_property(&super::printable(display)),
        report.start.line,
        report.start.column,
        report.end.line,
        report.end.column,
        escape_data(&format!(
            "{}:{}:{}: {} {}",
            super::located(display, report.cell),
            report.start.line,
            report.start.column,
            report.codemod.code,
            super::printable(&report.message)
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

/// The finding's source line with the finding underlined, as ruff and rustc
/// show it (for `check` on a terminal).
pub fn snippet(report: &Report, style: &Style) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
    let line = report.line_text.as_str();
    // Columns are characters; the renderer wants byte offsets into the line.
    let byte_at = |column: usize| {
        line.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i)
    };
    let start = byte_at(report.start.column);
    let end = if report.end.line == report.start.line {
        byte_at(report.end.column)
    } else {
        line.len()
    };
    let end = end.max(start + usize::from(start < line.len()));
    let group = Group::with_level(Level::WARNING).element(
        Snippet::source(line)
            .line_start(report.start.line)
            .fold(false)
            .annotation(
                AnnotationKind::Primary
                    .span(start..end)
                    .label(report.codemod.code),
            ),
    );
    let renderer = if style.enabled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    format!("{}\n", renderer.render(&[group]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codemods::SLEEP_IN_ASYNC;
    use crate::engine::FixStatus;
    use crate::source::Position;

    #[test]
    fn snippet_underlines_the_finding() {
        let report = Report {
            codemod: &SLEEP_IN_ASYNC,
            start: Position {
                line: 12,
                column: 6,
            },
            end: Position {
                line: 12,
                column: 19,
            },
            message: "m".into(),
            fix: FixStatus::None(None),
            fix_title: None,
            unsafe_reason: None,
            edits: Vec::new(),
            line_text: "\t\u{e9}\u{e9}= time.sleep(1)".into(),
            cell: None,
        };
        let text = snippet(&report, &Style { enabled: false });
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.iter().any(|l| l.starts_with("12 |")), "{text}");
        let marker = lines
            .iter()
            .find(|l| l.contains('^'))
            .expect("an underline");
        assert_eq!(marker.matches('^').count(), 13, "{text}");
        assert!(marker.ends_with("AM001"), "{text}");
    }
}
