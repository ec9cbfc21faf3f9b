//! `# noqa` and `# noqa: CODE[,CODE]` comments. A finding whose first line
//! carries one that names its code (or one of the ruff / flake8-async codes
//! that flag the same thing) is neither reported nor fixed.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextSize};
use rustc_hash::FxHashMap;

use crate::codemods::Codemod;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    /// A bare `# noqa`: suppresses every finding on its line.
    All,
    /// `# noqa: AM001, ASYNC251`.
    Codes(Vec<String>),
}

impl Directive {
    pub fn suppresses(&self, codemod: &Codemod) -> bool {
        match self {
            Directive::All => true,
            Directive::Codes(codes) => codes.iter().any(|code| codemod.answers_to_noqa(code)),
        }
    }
}

/// The noqa directives of one file, by 1-based line.
#[derive(Debug, Default)]
pub struct NoqaMap {
    by_line: FxHashMap<usize, Directive>,
}

impl NoqaMap {
    pub fn from_tokens(tokens: &Tokens, source: &str, index: &LineIndex) -> NoqaMap {
        let mut by_line = FxHashMap::default();
        for token in tokens.iter() {
            if token.kind() != TokenKind::Comment {
                continue;
            }
            let Some(directive) = parse_directive(&source[token.range()]) else {
                continue;
            };
            let line = index.line_index(token.start()).get();
            by_line.insert(line, directive);
        }
        NoqaMap { by_line }
    }

    pub fn is_empty(&self) -> bool {
        self.by_line.is_empty()
    }

    /// Whether a finding of `codemod` starting at `offset` is suppressed.
    pub fn suppresses(&self, index: &LineIndex, offset: TextSize, codemod: &Codemod) -> bool {
        if self.by_line.is_empty() {
            return false;
        }
        let line = index.line_index(offset).get();
        self.by_line
            .get(&line)
            .is_some_and(|directive| directive.suppresses(codemod))
    }
}

/// Parses the directive in one comment, such as `# noqa`, `#noqa:AM001`,
/// `# NOQA: AM001, ASYNC251` or `# type: ignore  # noqa: AM003`.
pub fn parse_directive(comment: &str) -> Option<Directive> {
    let mut rest = comment;
    while let Some(hash) = rest.find('#') {
        let after = rest[hash + 1..].trim_start();
        // Compare bytes: the comment may continue with any character.
        if after
            .as_bytes()
            .get(..4)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"noqa"))
        {
            let tail = &after[4..];
            // `# noqa123` or `# noqanything` is not a directive.
            if tail.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                rest = &rest[hash + 1..];
                continue;
            }
            let Some(list) = tail.trim_start().strip_prefix(':') else {
                return Some(Directive::All);
            };
            let codes: Vec<String> = list
                .split([',', ' ', '\t'])
                .map(str::trim)
                .take_while(|code| code.is_empty() || is_code(code))
                .filter(|code| !code.is_empty())
                .map(str::to_ascii_uppercase)
                .collect();
            return Some(if codes.is_empty() {
                Directive::All
            } else {
                Directive::Codes(codes)
            });
        }
        rest = &rest[hash + 1..];
    }
    None
}

/// A rule code: letters then digits (`AM001`, `ASYNC251`, `UP041`).
fn is_code(word: &str) -> bool {
    let letters = word.chars().take_while(char::is_ascii_alphabetic).count();
    letters > 0 && letters < word.len() && word[letters..].chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{Directive, parse_directive};

    fn codes(list: &[&str]) -> Option<Directive> {
        Some(Directive::Codes(
            list.iter().map(|c| c.to_string()).collect(),
        ))
    }

    #[test]
    fn blanket_forms() {
        assert_eq!(parse_directive("# noqa"), Some(Directive::All));
        assert_eq!(parse_directive("#NOQA"), Some(Directive::All));
        assert_eq!(parse_directive("# noqa: "), Some(Directive::All));
        assert_eq!(parse_directive("# noqa because"), Some(Directive::All));
    }

    #[test]
    fn code_lists() {
        assert_eq!(parse_directive("# noqa: AM001"), codes(&["AM001"]));
        assert_eq!(
            parse_directive("# noqa:AM001,ASYNC251"),
            codes(&["AM001", "ASYNC251"])
        );
        assert_eq!(
            parse_directive("# noqa: am001, UP041 reason"),
            codes(&["AM001", "UP041"])
        );
        assert_eq!(
            parse_directive("# type: ignore  # noqa: AM003"),
            codes(&["AM003"])
        );
    }

    #[test]
    fn multibyte_text_after_a_hash_is_no_directive_and_no_panic() {
        // Found by fuzzing: byte-slicing `after[..4]` split a BOM in two.
        assert_eq!(parse_directive("#  \u{feff}# -*-me.sleep(1)"), None);
        assert_eq!(parse_directive("#\u{e9}\u{e9}noqa"), None);
        assert_eq!(parse_directive("# caf\u{e9} # noqa"), Some(Directive::All));
    }

    #[test]
    fn not_directives() {
        assert_eq!(parse_directive("# a note"), None);
        assert_eq!(parse_directive("# noqanything"), None);
        assert_eq!(parse_directive("# see noqa docs"), None);
    }
}
