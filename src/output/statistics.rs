//! `check --statistics`: how many findings each codemod has, as ruff
//! prints them (`count  code  [*] name`, most frequent first), or as JSON.

use std::collections::BTreeMap;

use crate::engine::Report;

#[derive(Debug, Default)]
pub struct Statistics {
    by_code: BTreeMap<&'static str, Entry>,
    errors: usize,
}

#[derive(Debug)]
struct Entry {
    name: &'static str,
    count: usize,
    /// Findings whose fix this run's `fix` would apply.
    fixable: usize,
}

impl Statistics {
    pub fn add(&mut self, report: &Report) {
        let entry = self.by_code.entry(report.codemod.code).or_insert(Entry {
            name: report.codemod.name,
            count: 0,
            fixable: 0,
        });
        entry.count += 1;
        if report.fix.applies() {
            entry.fixable += 1;
        }
    }

    /// A file that could not be processed.
    pub fn error(&mut self) {
        self.errors += 1;
    }

    /// The codes, most findings first, then by code.
    fn rows(&self) -> Vec<(&'static str, &Entry)> {
        let mut rows: Vec<_> = self.by_code.iter().map(|(code, e)| (*code, e)).collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        rows
    }

    /// One line per code: `3\tAM001\t[*] sleep-in-async` (`[*]` when some
    /// of its findings have a fix that applies), then the errors.
    pub fn text(&self) -> String {
        let rows = self.rows();
        let width = rows
            .iter()
            .map(|(_, e)| e.count)
            .chain([self.errors])
            .max()
            .unwrap_or(0)
            .to_string()
            .len();
        let mut out = String::new();
        for (code, entry) in rows {
            let marker = if entry.fixable > 0 { "[*]" } else { "[ ]" };
            out.push_str(&format!(
                "{:>width$}\t{code}\t{marker} {}\n",
                entry.count, entry.name
            ));
        }
        if self.errors > 0 {
            out.push_str(&format!(
                "{:>width$}\terror\t    could not be processed (see above)\n",
                self.errors
            ));
        }
        out
    }

    /// `[{"code", "name", "count", "fixable", "fixable_count"}, …]`, as
    /// ruff's JSON statistics; errors as a row with a null code.
    pub fn json(&self) -> serde_json::Value {
        let mut rows: Vec<serde_json::Value> = self
            .rows()
            .into_iter()
            .map(|(code, entry)| {
                serde_json::json!({
                    "code": code,
                    "name": entry.name,
                    "count": entry.count,
                    "fixable": entry.fixable > 0,
                    "fixable_count": entry.fixable,
                })
            })
            .collect();
        if self.errors > 0 {
            rows.push(serde_json::json!({
                "code": null,
                "name": "error",
                "count": self.errors,
                "fixable": false,
                "fixable_count": 0,
            }));
        }
        serde_json::Value::Array(rows)
    }
}
