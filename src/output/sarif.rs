//! `--output-format sarif`: one SARIF 2.1.0 log for code-scanning uploads,
//! written as the run goes: the head when the run starts, each result as its
//! file is done, the invocation (with the errors as notifications) at the
//! end. Memory does not grow with the number of findings.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::FileFailure;
use crate::codemods::ALL;
use crate::engine::{FixStatus, Report, ReportEdit};
use crate::source::Position;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The rule that a file asyncmod could not process is reported under.
pub const ERROR_RULE: &str = "error";

/// The state of a log being written.
#[derive(Debug, Default)]
pub struct SarifLog {
    results: usize,
    /// Each error's notification, serialized: errors are few (one per file
    /// at most), findings are not kept at all.
    notifications: Vec<String>,
}

impl SarifLog {
    /// Everything up to the first result.
    pub fn start(&mut self, out: &mut impl Write) -> io::Result<()> {
        let mut rules: Vec<Value> = ALL
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
                        "fixSafety": codemod.safety_label(),
                        "minimumPython": codemod.min_python.to_string(),
                    },
                })
            })
            .collect();
        rules.push(json!({
            "id": ERROR_RULE,
            "name": "error",
            "shortDescription": { "text": "A file asyncmod could not process: a syntax error, a file that is not UTF-8, a file it cannot read or write, or an internal error." },
            "defaultConfiguration": { "level": "error" },
        }));
        let tool = json!({
            "driver": {
                "name": "asyncmod",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "version": env!("ASYNCMOD_VERSION"),
                "rules": rules,
            }
        });
        let base =
            json!({ "%SRCROOT%": { "description": { "text": "The directory asyncmod ran in." } } });
        write!(
            out,
            "{{\n  \"$schema\": {},\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": ",
            Value::from(SCHEMA)
        )?;
        serde_json::to_writer(&mut *out, &tool)?;
        out.write_all(
            b",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"originalUriBaseIds\": ",
        )?;
        serde_json::to_writer(&mut *out, &base)?;
        out.write_all(b",\n      \"results\": [")
    }

    pub fn finding(
        &mut self,
        out: &mut impl Write,
        display: &str,
        report: &Report,
    ) -> io::Result<()> {
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
        self.result(out, &result)
    }

    /// A file that could not be processed: a result under the `error` rule
    /// (code scanning shows results), and a notification of the invocation.
    pub fn error(
        &mut self,
        out: &mut impl Write,
        display: &str,
        failure: &FileFailure,
    ) -> io::Result<()> {
        let mut result = json!({
            "ruleId": ERROR_RULE,
            "ruleIndex": ALL.len(),
            "level": "error",
            "message": { "text": failure.message },
            "locations": [location(display, failure.position, failure.position)],
        });
        if let Some(cell) = failure.cell {
            result["properties"] = json!({ "notebookCell": cell });
        }
        self.result(out, &result)?;
        let notification = json!({
            "level": "error",
            "message": { "text": failure.message },
            "locations": [location(display, failure.position, failure.position)],
        });
        self.notifications.push(notification.to_string());
        Ok(())
    }

    fn result(&mut self, out: &mut impl Write, result: &Value) -> io::Result<()> {
        out.write_all(if self.results == 0 {
            b"\n        "
        } else {
            b",\n        "
        })?;
        self.results += 1;
        serde_json::to_writer(&mut *out, result).map_err(io::Error::from)
    }

    /// Closes the results and writes the invocation.
    pub fn finish(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.results > 0 {
            out.write_all(b"\n      ")?;
        }
        write!(
            out,
            "],\n      \"invocations\": [\n        {{\n          \"executionSuccessful\": {},\n          \"toolExecutionNotifications\": [",
            self.notifications.is_empty()
        )?;
        for (i, notification) in self.notifications.iter().enumerate() {
            out.write_all(if i == 0 {
                b"\n            "
            } else {
                b",\n            "
            })?;
            out.write_all(notification.as_bytes())?;
        }
        if !self.notifications.is_empty() {
            out.write_all(b"\n          ")?;
        }
        out.write_all(b"]\n        }\n      ]\n    }\n  ]\n}\n")
    }
}

fn message_text(report: &Report) -> String {
    match &report.fix {
        FixStatus::None(Some(note)) => format!("{} (no automatic fix: {note})", report.message),
        FixStatus::NeedsUnsafe => match &report.unsafe_reason {
            Some(reason) => format!("{} (unsafe fix: {reason})", report.message),
            None => report.message.clone(),
        },
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
    json!({ "uri": uri_path(display), "uriBaseId": "%SRCROOT%" })
}

/// A relative path as a URI reference: every byte but the unreserved
/// characters and `/` percent-encoded (`my app.py` is `my%20app.py`), as
/// SARIF consumers read `uri`.
fn uri_path(display: &str) -> String {
    let mut uri = String::with_capacity(display.len());
    for byte in display.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
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

#[cfg(test)]
mod tests {
    use super::uri_path;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri_path("pkg/app_v2.py"), "pkg/app_v2.py");
        assert_eq!(uri_path("my app/%x#1.py"), "my%20app/%25x%231.py");
        assert_eq!(uri_path("caf\u{e9}.py"), "caf%C3%A9.py");
        assert_eq!(uri_path("../x.py"), "../x.py");
    }
}
