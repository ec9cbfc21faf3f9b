//! Findings and the fixes they carry: text edits over the original source,
//! with a safety level and a minimum Python version, built with the
//! [`Context`] of the source they rewrite. A finding names its codemod by
//! code; nothing here knows the catalogue.

pub mod apply;
pub mod context;
pub mod edit;
pub mod importer;
pub mod layout;
pub mod statements;
pub mod syntax;

use ruff_python_ast::Expr;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::version::PyVersion;

pub use context::{CodemodOptions, Context, Rule};
pub use edit::{Applicability, Edit, Fix, ImportRemoval};

/// One thing a codemod found, with the fix for it when there is one.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The code of the codemod that found it.
    pub code: &'static str,
    /// The name of the codemod that found it.
    pub name: &'static str,
    pub range: TextRange,
    pub message: String,
    pub fix: Option<Fix>,
    /// Why there is no fix, when the codemod knows.
    pub note: Option<String>,
}

/// The findings of one analysis of one source.
pub struct Findings<'c, 'a> {
    ctx: &'c Context<'a>,
    items: Vec<Finding>,
}

impl<'c, 'a> Findings<'c, 'a> {
    pub fn new(ctx: &'c Context<'a>) -> Self {
        Findings {
            ctx,
            items: Vec::new(),
        }
    }

    /// Records a finding of `rule` over `range`; chain `.fix_with(…)` to add its fix.
    pub fn report(
        &mut self,
        rule: &dyn Rule,
        range: TextRange,
        message: impl Into<String>,
    ) -> FindingBuilder<'_, 'a> {
        self.items.push(Finding {
            code: rule.code(),
            name: rule.name(),
            range,
            message: message.into(),
            fix: None,
            note: None,
        });
        let last = self.items.len() - 1;
        FindingBuilder {
            ctx: self.ctx,
            finding: &mut self.items[last],
            min_python: rule.min_python(),
        }
    }

    /// Drops the findings from the `start`th on that a `# noqa` suppresses
    /// for `rule` (those `rule` reported since there were `start`).
    pub fn drop_suppressed(&mut self, start: usize, rule: &dyn Rule) {
        let mut kept = start;
        for i in start..self.items.len() {
            debug_assert_eq!(self.items[i].code, rule.code(), "reported as another");
            if !self.ctx.suppressed(self.items[i].range.start(), rule) {
                self.items.swap(kept, i);
                kept += 1;
            }
        }
        self.items.truncate(kept);
    }

    pub fn into_vec(self) -> Vec<Finding> {
        self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

pub struct FindingBuilder<'f, 'a> {
    ctx: &'f Context<'a>,
    finding: &'f mut Finding,
    /// The oldest Python the reporting rule's fixes run on.
    min_python: PyVersion,
}

impl<'a> FindingBuilder<'_, 'a> {
    /// Builds the finding's fix. When `build` returns an error (a name is
    /// shadowed, the layout is one the codemod cannot keep, …) the finding
    /// stays, without a fix, with the error as its note. Nothing panics.
    pub fn fix_with(
        self,
        applicability: Applicability,
        build: impl FnOnce(&mut FixBuilder<'_, 'a>) -> anyhow::Result<()>,
    ) -> Self {
        let mut builder = FixBuilder {
            ctx: self.ctx,
            site: self.finding.range.start(),
            title: None,
            edits: Vec::new(),
            min_python: self.min_python,
            removals: Vec::new(),
        };
        match build(&mut builder).and_then(|()| builder.finish(applicability)) {
            Ok(fix) => self.finding.fix = Some(fix),
            Err(error) => {
                self.finding.fix = None;
                self.finding.note = Some(error.to_string());
            }
        }
        self
    }

    /// Explains why the finding has no fix.
    pub fn note(self, note: impl Into<String>) -> Self {
        self.finding.note = Some(note.into());
        self
    }
}

/// Collects the edits of one fix.
pub struct FixBuilder<'f, 'a> {
    pub ctx: &'f Context<'a>,
    /// Where the rewritten code will run: names are resolved here.
    site: TextSize,
    title: Option<String>,
    edits: Vec<Edit>,
    min_python: PyVersion,
    removals: Vec<ImportRemoval>,
}

impl<'a> FixBuilder<'_, 'a> {
    pub fn title(&mut self, title: impl Into<String>) {
        self.title = Some(title.into());
    }

    pub fn replace(&mut self, range: TextRange, content: impl Into<Box<str>>) {
        self.edits.push(Edit::replacement(range, content));
    }

    pub fn insert(&mut self, at: TextSize, content: impl Into<Box<str>>) {
        self.edits.push(Edit::insertion(at, content));
    }

    pub fn delete(&mut self, range: TextRange) {
        self.edits.push(Edit::deletion(range));
    }

    pub fn edit(&mut self, edit: Edit) {
        self.edits.push(edit);
    }

    /// Raises the Python version the fixed code needs.
    pub fn requires(&mut self, version: PyVersion) {
        self.min_python = self.min_python.max(version);
    }

    /// Where names in the fixed code are resolved (the finding's start unless changed).
    pub fn set_site(&mut self, site: TextSize) {
        self.site = site;
    }

    /// The text to write for `module.member` at the fix's site: `asyncio.sleep`,
    /// `aio.sleep` under `import asyncio as aio`, `sleep` under `from asyncio
    /// import sleep`. Adds `import module` when the module has no binding.
    /// Fails when the name is shadowed where the code runs.
    pub fn ensure_import(&mut self, module: &str, member: &str) -> anyhow::Result<String> {
        let (name, edit) = importer::ensure_import(self.ctx, module, member, self.site)?;
        if let Some(edit) = edit {
            self.edits.push(edit);
        }
        Ok(name)
    }

    /// The text to write for the module itself (`asyncio`, or `aio`).
    pub fn ensure_module(&mut self, module: &str) -> anyhow::Result<String> {
        let (name, edit) = importer::ensure_module(self.ctx, module, self.site)?;
        if let Some(edit) = edit {
            self.edits.push(edit);
        }
        Ok(name)
    }

    /// Asks for the import that `reference` (a name or `module.attr` chain) goes
    /// through to be removed after the last round if nothing uses it then.
    pub fn remove_import_if_unused(&mut self, reference: &Expr) {
        if let Some(removal) = importer::removal_for(self.ctx, reference, self.site) {
            self.removals.push(removal);
        }
    }

    fn finish(mut self, applicability: Applicability) -> anyhow::Result<Fix> {
        self.edits.sort_by_key(|e| (e.range.start(), e.range.end()));
        self.edits.dedup();
        let source = self.ctx.source;
        for edit in &self.edits {
            let in_bounds = edit.range.end().to_usize() <= source.len()
                && source.is_char_boundary(edit.range.start().to_usize())
                && source.is_char_boundary(edit.range.end().to_usize());
            if !in_bounds {
                debug_assert!(false, "edit off a character boundary: {edit:?}");
                anyhow::bail!("internal error: an edit falls inside a character");
            }
        }
        for pair in self.edits.windows(2) {
            let [a, b] = pair else { continue };
            // Touching is fine: an insertion at the start of a replacement
            // goes before it, one at its end after it.
            if a.range.end() > b.range.start() {
                debug_assert!(false, "overlapping edits in one fix: {a:?} {b:?}");
                anyhow::bail!("internal error: the fix's edits overlap");
            }
        }
        if self.edits.is_empty() {
            anyhow::bail!("internal error: the fix has no edits");
        }
        Ok(Fix {
            title: self
                .title
                .unwrap_or_else(|| "Apply the rewrite".to_string()),
            edits: self.edits,
            applicability,
            min_python: self.min_python,
            removals: self.removals,
        })
    }
}

impl Ranged for Finding {
    fn range(&self) -> TextRange {
        self.range
    }
}
