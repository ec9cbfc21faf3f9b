//! What a codemod, and the edit toolkit working for it, sees of one source:
//! the text, its tree and tokens, the semantic model, the options that shape
//! a rewrite, and the `# noqa` comments. Never files, flags or the terminal.

use std::cell::OnceCell;

use ruff_python_ast::ModModule;
use ruff_python_ast::token::Tokens;
use ruff_source_file::LineIndex;
use ruff_text_size::TextSize;

use crate::noqa::NoqaMap;
use crate::semantic::SemanticModel;
use crate::version::PyVersion;

/// Who reports a finding, as far as the fix layer needs to know: a code and
/// a name, the oldest Python its fixes run on, and the codes of other tools
/// that a `# noqa` may name to suppress it. The catalogue's codemods are one.
pub trait Rule {
    /// Stable code, `AMnnn`.
    fn code(&self) -> &'static str;
    /// Stable kebab-case name.
    fn name(&self) -> &'static str;
    /// The oldest Python its fixes run on (a fix may ask for a newer one).
    fn min_python(&self) -> PyVersion;
    /// ruff / flake8-async codes that flag the same thing (`PREFIX123-PREFIX456` is a range).
    fn noqa_aliases(&self) -> &'static [&'static str];
}

/// Words that make a name look like a connection or session (AM004): two
/// operations on one must not run at once. A name matches when one of its
/// `_`-separated words is in the list (`db_session`, `pg_conn`).
pub const DEFAULT_STATEFUL_NAMES: &[&str] = &[
    "session",
    "sess",
    "db",
    "conn",
    "con",
    "connection",
    "cursor",
    "cur",
    "tx",
    "txn",
    "transaction",
    "ws",
    "websocket",
    "sock",
    "socket",
    "stream",
    "reader",
    "writer",
    "channel",
    "client",
    "uow",
];

pub const DEFAULT_LINE_LENGTH: usize = 88;

/// What shapes a rewrite: the Python it must run on, how long a line may
/// grow, and which names look like connections or sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodemodOptions {
    pub target_version: PyVersion,
    pub line_length: usize,
    /// Words that make a name look like a connection or session (AM004).
    pub stateful_names: Vec<String>,
}

/// What a codemod sees of one source.
pub struct Context<'a> {
    pub source: &'a str,
    pub module: &'a ModModule,
    pub tokens: &'a Tokens,
    pub semantic: &'a SemanticModel<'a>,
    pub settings: &'a CodemodOptions,
    /// Line starts, computed when first asked for (most sources never need them).
    pub lines: &'a OnceCell<LineIndex>,
    /// The source is a Jupyter notebook's cells (a running loop exists at top level).
    pub notebook: bool,
    /// The `# noqa` directives, read when first asked for.
    pub noqa: OnceCell<NoqaMap>,
}

impl Context<'_> {
    /// The source's line index (for line numbers).
    pub fn line_index(&self) -> &LineIndex {
        self.lines
            .get_or_init(|| LineIndex::from_source_text(self.source))
    }

    /// Whether a `# noqa` on the line of `offset` suppresses `rule`.
    pub fn suppressed(&self, offset: TextSize, rule: &dyn Rule) -> bool {
        self.noqa
            .get_or_init(|| NoqaMap::from_tokens(self.tokens, self.source))
            .suppresses(self.source, offset, rule.code(), rule.noqa_aliases())
    }
}

impl Default for CodemodOptions {
    /// The default target, line length and stateful names.
    fn default() -> Self {
        CodemodOptions {
            target_version: PyVersion::DEFAULT_TARGET,
            line_length: DEFAULT_LINE_LENGTH,
            stateful_names: DEFAULT_STATEFUL_NAMES
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}
