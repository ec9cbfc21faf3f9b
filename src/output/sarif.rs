//! `--output-format sarif`: one SARIF 2.1.0 log for code-scanning uploads,
//! written when the run ends (it is one JSON document).

use serde_json::{Value, json};

use super::FileFailure;
use crate::codemods::ALL;
use crate::engine::{FixStatus, Report, ReportEdit};
use crate::source::Position;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Debug, Default)]
pub struct SarifLog {
    results: Vec<Value>,
    notifications: Vec<Value>,
}

impl SarifLog {
    pub fn finding(&mut self, display: &str, report: &Report) {
        let rule_index = ALL.iter().position(|c| c.code == report.codemod.code);
        let mut result = json!({
            "ruleId": report.codemod.code,
            "level": "warning",
            "message": { "text": message_text(report) },
            "locations": [location(display, report.start, report.end)],
        });
        if let Some(index) = rule_index {
            result["ruleIndex"] = json!(index);
        }
        if let Some(cell) = report.cell {
            result["properties"] = json!({ "notebookCell": cell });
        }
        if let (Some(title), false) = (&report.fix_title, report.edits.is_empty()) {
            result["fixes"] = json!([{
                "description": { "text": format!("{title} ({})", fix_applicability(&report.fix)) },
                "artifactChanges": [{
                    "artifactLocation": artifact(display),
                    "replacements": report.edits.iter().map(replacement).collect::<Vec<_>>(),
                }],
            }]);
        }
        self.results.push(result);
    }

    pub fn error(&mut self, display: &str, failure: &FileFailure) {
        self.notifications.push(json!({
            "level": "error",
            "message": { "text": failure.message },
            "locations": [location(display, failure.position, failure.position)],
        }));
    }

    /// The whole log.
    pub fn document(&self) -> Value {
        let rules: Vec<Value> = ALL
            .iter()
            .map(|codemod| {
                json!({
                    "id": codemod.code,
                    "name": codemod.name,
                    "shortDescription": { "text": codemod.summary() },
                    "fullDescription": { "text": codemod.section("What it does").unwrap_or_default() },
                    "help": {
                        "text": codemod.section("Why").unwrap_or_default(),
                        "markdown": codemod.documentation(),
                    },
                    "defaultConfiguration": { "level": "warning" },
                    "properties": {
                        "fixSafety": codemod.safety.as_str(),
                        "minimumPython": codemod.min_python.to_string(),
                    },
                })
            })
            .collect();
        json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "asyncmod",
                        "semanticVersion": env!("CARGO_PKG_VERSION"),
                        "version": env!("ASYNCMOD_VERSION"),
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "The directory asyncmod ran in." } } },
                "invocations": [{
                    "executionSuccessful": self.notifications.is_empty(),
                    "toolExecutionNotifications": self.notifications,
                }],
                "results": self.results,
            }],
        })
    }
}

fn message_text(report: &Report) -> String {
    match &report.fix {
        FixStatus::None(Some(note)) => format!("{} (no automatic fix: {note})", report.message),
        _ => report.message.clone(),
    }
}

fn fix_applicability(status: &FixStatus) -> String {
    match status {
        FixStatus::Applies(applicability) => format!("{} fix", applicability.as_str()),
        FixStatus::NeedsUnsafe => "unsafe fix: needs --unsafe-fixes".to_string(),
        FixStatus::NeedsVersion(version) => {
            format!("needs --target-version {}", version.target_name())
        }
        FixStatus::None(_) => "no fix".to_string(),
    }
}

fn artifact(display: &str) -> Value {
    json!({ "uri": display, "uriBaseId": "%SRCROOT%" })
}

fn region(start: Position, end: Position) -> Value {
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn location(display: &str, start: Position, end: Position) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": artifact(display),
            "region": region(start, end),
        }
    })
}

fn replacement(edit: &ReportEdit) -> Value {
    json!({
        "deletedRegion": region(edit.start, edit.end),
        "insertedContent": { "text": edit.content },
    })
}
