//! The stderr summaries: one line per fixed file, one for the run.

use std::collections::BTreeMap;

use super::{Action, Totals};

/// `fixed src/app.py: AM001 ×2, AM003`
pub fn file_line(display: &str, applied: &BTreeMap<&'static str, usize>) -> String {
    let parts: Vec<String> = applied
        .iter()
        .map(|(code, count)| {
            if *count == 1 {
                code.to_string()
            } else {
                format!("{code} ×{count}")
            }
        })
        .collect();
    format!("fixed {display}: {}", parts.join(", "))
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

pub fn run_summary(action: Action, totals: &Totals) -> String {
    let mut text = match action {
        Action::Check => {
            if totals.findings == 0 {
                format!("No findings in {}.", plural(totals.files, "file", "files"))
            } else {
                format!(
                    "Found {} in {} ({} fixable with `asyncmod fix`).",
                    plural(totals.findings, "finding", "findings"),
                    plural(totals.files, "file", "files"),
                    totals.fixable
                )
            }
        }
        Action::Diff => {
            let would = totals.fixes;
            if totals.changed_files == 0 {
                format!("No changes in {}.", plural(totals.files, "file", "files"))
            } else {
                format!(
                    "Would apply {} in {}.",
                    plural(would, "fix", "fixes"),
                    plural(totals.changed_files, "file", "files")
                )
            }
        }
        Action::Fix => {
            if totals.changed_files == 0 {
                format!("No changes in {}.", plural(totals.files, "file", "files"))
            } else {
                format!(
                    "Applied {} in {} of {}.",
                    plural(totals.fixes, "fix", "fixes"),
                    plural(totals.changed_files, "file", "files"),
                    totals.files
                )
            }
        }
    };
    if totals.unsafe_hidden > 0 {
        text.push_str(&format!(
            " {} available with `--unsafe-fixes`.",
            plural(totals.unsafe_hidden, "more fix", "more fixes")
        ));
    }
    if totals.version_hidden > 0 {
        text.push_str(&format!(
            " {} need a newer `--target-version`.",
            plural(totals.version_hidden, "fix", "fixes")
        ));
    }
    if totals.errors > 0 {
        text.push_str(&format!(" {}.", plural(totals.errors, "error", "errors")));
    }
    text
}
