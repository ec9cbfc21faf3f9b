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
        Action::AddNoqa => {
            if totals.marked == 0 {
                format!(
                    "No findings to mark in {}.",
                    plural(totals.files, "file", "files")
                )
            } else {
                format!(
                    "Marked {} with `# noqa` in {}.",
                    plural(totals.marked, "finding", "findings"),
                    some_of(totals.changed_files, totals.files)
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
    if totals.unsafe_hidden > 0 && matches!(action, Action::Diff | Action::Fix) {
        text.push_str(&format!(
            " {} available with `--unsafe-fixes`.",
            plural(totals.unsafe_hidden, "more fix", "more fixes")
        ));
    }
    if totals.version_hidden > 0 && action != Action::AddNoqa {
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
    // `check --fix`: what was fixed, then what remains.
    let fixed = if totals.fixes > 0 {
        format!(
            "Fixed {} in {}. ",
            plural(totals.fixes, "finding", "findings"),
            plural(totals.changed_files, "file", "files")
        )
    } else {
        String::new()
    };
    if totals.findings == 0 {
        let left = if totals.fixes > 0 { " left" } else { "" };
        return format!(
            "{fixed}No findings{left} in {}.",
            plural(totals.files, "file", "files")
        );
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
    let remaining = if totals.fixes > 0 { " remaining" } else { "" };
    format!(
        "{fixed}Found {} {}{remaining} in {}{fixable}.",
        totals.findings,
        if totals.findings == 1 {
            "finding"
        } else {
            "findings"
        },
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
    fn check_fix_says_what_was_fixed_and_what_remains() {
        let totals = Totals {
            files: 3,
            changed_files: 2,
            fixes: 4,
            files_with_findings: 1,
            findings: 1,
            ..Totals::default()
        };
        assert_eq!(
            check(totals),
            "Fixed 4 findings in 2 files. Found 1 finding remaining in 1 of 3 files."
        );
        let totals = Totals {
            files: 3,
            changed_files: 1,
            fixes: 1,
            ..Totals::default()
        };
        assert_eq!(
            check(totals),
            "Fixed 1 finding in 1 file. No findings left in 3 files."
        );
    }

    #[test]
    fn add_noqa_counts_the_findings_marked() {
        let totals = Totals {
            files: 3,
            changed_files: 2,
            marked: 5,
            ..Totals::default()
        };
        assert_eq!(
            run_summary(Action::AddNoqa, &totals),
            "Marked 5 findings with `# noqa` in 2 of 3 files."
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
