//! The fix layer's data: text edits over the original source, and a fix made
//! of them, with a safety level, a minimum Python version and the imports it
//! stopped using. Nothing here knows which codemod made them.

use ruff_text_size::{TextRange, TextSize};

use crate::version::PyVersion;

/// Replace `range` with `content` (an insertion when the range is empty).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    pub range: TextRange,
    pub content: Box<str>,
}

impl Edit {
    pub fn replacement(range: TextRange, content: impl Into<Box<str>>) -> Edit {
        Edit {
            range,
            content: content.into(),
        }
    }

    pub fn insertion(at: TextSize, content: impl Into<Box<str>>) -> Edit {
        Edit::replacement(TextRange::empty(at), content)
    }

    pub fn deletion(range: TextRange) -> Edit {
        Edit::replacement(range, "")
    }

    pub fn is_insertion(&self) -> bool {
        self.range.is_empty()
    }
}

/// How sure a fix is to keep the program's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the program's meaning apart from the intended change.
    Safe,
    /// Valid code whose concurrency, cancellation or error behaviour may
    /// change: applied only with `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// A set of sorted, non-overlapping edits that rewrite one finding.
#[derive(Debug, Clone)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
    /// The oldest Python the rewritten code runs on.
    pub min_python: PyVersion,
    /// Imports this fix stopped using, removed after the last round if nothing else uses them.
    pub removals: Vec<ImportRemoval>,
}

impl Fix {
    /// The range from the first edit's start to the last edit's end.
    pub fn span(&self) -> Option<TextRange> {
        let first = self.edits.first()?;
        let last = self.edits.last()?;
        Some(TextRange::new(first.range.start(), last.range.end()))
    }
}

/// An import a fix stopped using: the local name and what it imports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImportRemoval {
    pub name: String,
    pub qualified: String,
}
