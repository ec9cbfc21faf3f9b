//! Each codemod's documentation is checked against its code: its sections
//! are the fixed ones, in order, and its Before example becomes its After
//! example. The README's catalogue table is generated from the registry
//! (`UPDATE_DOCS=1 cargo test --test docs` rewrites it).

mod common;

use asyncmod::codemods::{ALL, Codemod};
use asyncmod::engine::{Mode, process_source};
use asyncmod::output::explain::python_column;
use asyncmod::settings::RuleSettings;

const SECTIONS: &[&str] = &[
    "What it does",
    "Why",
    "Before",
    "After",
    "Fix safety",
    "Left alone",
];
/// Sections a codemod may add after the required ones: what the project
/// index adds for it, and its Python version gate.
const OPTIONAL: &[&str] = &["Project index", "Python"];
const TABLE_START: &str = "<!-- catalogue:start -->";
const TABLE_END: &str = "<!-- catalogue:end -->";

fn headings(codemod: &Codemod) -> Vec<String> {
    codemod
        .documentation()
        .lines()
        .filter_map(|line| line.strip_prefix("## ").map(str::to_string))
        .collect()
}

fn python_block(text: &str) -> Option<String> {
    let start = text.find("```python\n")? + "```python\n".len();
    let end = text[start..].find("```")?;
    Some(text[start..start + end].to_string())
}

#[test]
fn documentation_has_the_sections_in_order() {
    for codemod in ALL {
        let found = headings(codemod);
        let required: Vec<&String> = found
            .iter()
            .filter(|h| SECTIONS.contains(&h.as_str()))
            .collect();
        assert_eq!(
            required, SECTIONS,
            "{}: sections must be {SECTIONS:?} in this order (extra `Project index` and `Python` sections may follow)",
            codemod.code
        );
        for heading in &found {
            assert!(
                SECTIONS.contains(&heading.as_str()) || OPTIONAL.contains(&heading.as_str()),
                "{}: unexpected section `{heading}`",
                codemod.code
            );
        }
        assert!(
            !codemod.summary().is_empty(),
            "{}: empty summary",
            codemod.code
        );
    }
}

#[test]
fn before_example_becomes_after_example() {
    for codemod in ALL {
        let before = codemod.section("Before").and_then(|s| python_block(&s));
        let after = codemod.section("After").and_then(|s| python_block(&s));
        let (Some(before), Some(after)) = (before, after) else {
            panic!(
                "{}: Before and After need a ```python block each",
                codemod.code
            );
        };
        let mut rules = RuleSettings::for_codemods(&[codemod]);
        rules.options.target_version = rules.options.target_version.max(codemod.min_python);
        let outcome = process_source(&before, &rules, Mode::Fix)
            .unwrap_or_else(|e| panic!("{}: Before example fails: {e:?}", codemod.code));
        let fixed = outcome.fixed.unwrap_or_else(|| before.clone());
        assert_eq!(
            fixed, after,
            "{}: the Before example does not become the After example",
            codemod.code
        );
    }
}

fn catalogue_table() -> String {
    let mut table =
        String::from("| code | name | Python | safety | what it does |\n|---|---|---|---|---|\n");
    for codemod in ALL {
        table.push_str(&format!(
            "| {} | `{}` | {} | {} | {} |\n",
            codemod.code,
            codemod.name,
            python_column(codemod),
            codemod.safety_label(),
            codemod.summary().replace('|', "\\|")
        ));
    }
    table
}

#[test]
fn readme_catalogue_matches_the_registry() {
    let path = common::manifest_dir().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md exists");
    let (Some(start), Some(end)) = (readme.find(TABLE_START), readme.find(TABLE_END)) else {
        panic!("README.md needs {TABLE_START} and {TABLE_END} around the catalogue");
    };
    let current = &readme[start + TABLE_START.len()..end];
    let expected = format!("\n{}", catalogue_table());
    if current == expected {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!(
            "{}{expected}{}",
            &readme[..start + TABLE_START.len()],
            &readme[end..]
        );
        std::fs::write(&path, updated).expect("write README.md");
        return;
    }
    panic!("README.md's catalogue is out of date: run `UPDATE_DOCS=1 cargo test --test docs`");
}
