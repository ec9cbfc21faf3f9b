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

/// `3 files`, or `1 of 3 files` when only some count.
fn some_of(some: usize, all: usize) -> String {
    if some == all {
        plural(all, "file", "files")
    } else {
        format!("{some} of {}", plural(all, "file", "files"))
    }
}

pub fn run_summary(action: Action, totals: &Totals) -> String {
    let mut text = match action {
        Action::Check => check_summary(totals),
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
    if totals.unsafe_hidden > 0 && action != Action::Check {
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

/// `Found 3 findings in 2 of 5 files (1 fixable with `asyncmod fix`, 1
/// more with `asyncmod fix --unsafe-fixes`).` The files are those checked;
/// the fixable count only what the command named applies.
fn check_summary(totals: &Totals) -> String {
    if totals.findings == 0 {
        return format!("No findings in {}.", plural(totals.files, "file", "files"));
    }
    let mut fixable = Vec::new();
    if totals.fixable > 0 {
        fixable.push(format!("{} fixable with `asyncmod fix`", totals.fixable));
    }
    if totals.unsafe_fixable > 0 {
        let more = if totals.fixable > 0 {
            " more"
        } else {
            " fixable"
        };
        fixable.push(format!(
            "{}{more} with `asyncmod fix --unsafe-fixes`",
            totals.unsafe_fixable
        ));
    }
    let fixable = if fixable.is_empty() {
        String::new()
    } else {
        format!(" ({})", fixable.join(", "))
    };
    format!(
        "Found {} in {}{fixable}.",
        plural(totals.findings, "finding", "findings"),
        some_of(totals.files_with_findings, totals.files)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(totals: Totals) -> String {
        run_summary(Action::Check, &totals)
    }

    #[test]
    fn check_counts_the_files_with_findings_among_those_checked() {
        let totals = Totals {
            files: 2,
            files_with_findings: 1,
            findings: 1,
            ..Totals::default()
        };
        assert_eq!(check(totals), "Found 1 finding in 1 of 2 files.");
        let totals = Totals {
            files: 2,
            files_with_findings: 2,
            findings: 3,
            fixable: 3,
            ..Totals::default()
        };
        assert_eq!(
            check(totals),
            "Found 3 findings in 2 files (3 fixable with `asyncmod fix`)."
        );
    }

    #[test]
    fn unsafe_fixes_are_not_counted_as_what_plain_fix_applies() {
        let totals = Totals {
            files: 3,
            files_with_findings: 1,
            findings: 3,
            fixable: 1,
            unsafe_fixable: 2,
            ..Totals::default()
        };
        assert_eq!(
            check(totals),
            "Found 3 findings in 1 of 3 files (1 fixable with `asyncmod fix`, 2 more with `asyncmod fix --unsafe-fixes`)."
        );
        let totals = Totals {
            files: 1,
            files_with_findings: 1,
            findings: 1,
            unsafe_fixable: 1,
            unsafe_hidden: 1,
            ..Totals::default()
        };
        assert_eq!(
            check(totals),
            "Found 1 finding in 1 file (1 fixable with `asyncmod fix --unsafe-fixes`)."
        );
    }

    #[test]
    fn errors_are_not_files_checked() {
        let totals = Totals {
            files: 0,
            errors: 1,
            ..Totals::default()
        };
        assert_eq!(check(totals), "No findings in 0 files. 1 error.");
    }
}
