//! `# noqa` and `# noqa: CODE[,CODE]` comments. A finding whose first line
//! carries one that names its code (or one of the ruff / flake8-async codes
//! that flag the same thing) is neither reported nor fixed.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::{Ranged, TextSize};

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

/// The noqa directives of one file, by where their comments start.
#[derive(Debug, Default)]
pub struct NoqaMap {
    /// In source order (the order of the tokens).
    directives: Vec<(TextSize, Directive)>,
}

impl NoqaMap {
    pub fn from_tokens(tokens: &Tokens, source: &str) -> NoqaMap {
        let directives = tokens
            .iter()
            .filter(|token| token.kind() == TokenKind::Comment)
            .filter_map(|token| {
                parse_directive(&source[token.range()]).map(|directive| (token.start(), directive))
            })
            .collect();
        NoqaMap { directives }
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// Whether a finding of `codemod` starting at `offset` is suppressed: a
    /// directive naming it sits on the same line. (Found by looking for the
    /// line's ends around `offset`, so no line index is needed.)
    pub fn suppresses(&self, source: &str, offset: TextSize, codemod: &Codemod) -> bool {
        if self.directives.is_empty() {
            return false;
        }
        let bytes = source.as_bytes();
        let at = offset.to_usize().min(bytes.len());
        let start = memchr::memrchr2(b'\n', b'\r', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let first = self
            .directives
            .partition_point(|(comment, _)| comment.to_usize() < start);
        self.directives[first..]
            .iter()
            .take_while(|(comment, _)| comment.to_usize() < end)
            .any(|(_, directive)| directive.suppresses(codemod))
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
    use super::{Directive, NoqaMap, parse_directive};
    use crate::codemods::{GATHER_INDEPENDENT_AWAITS, SLEEP_IN_ASYNC};
    use ruff_text_size::TextSize;

    /// Which lines (by their text) a `# noqa: AM001` map suppresses AM001 on.
    fn suppressed_lines(source: &str) -> Vec<&str> {
        let parsed = crate::engine::parse(source).expect("parses");
        let map = NoqaMap::from_tokens(parsed.tokens(), source);
        let mut lines = Vec::new();
        let mut offset = 0;
        for line in source.split_inclusive(['\n', '\r']) {
            let text = line.trim_end_matches(['\n', '\r']);
            // Every offset of the line, its end included, answers alike.
            let answers: Vec<bool> = (offset..=offset + text.len())
                .map(|o| map.suppresses(source, TextSize::new(o as u32), &SLEEP_IN_ASYNC))
                .collect();
            assert!(
                answers.iter().all(|&a| a == answers[0]),
                "{text:?}: {answers:?}"
            );
            // Only a bare `# noqa` covers other codes too.
            assert_eq!(
                map.suppresses(
                    source,
                    TextSize::new(offset as u32),
                    &GATHER_INDEPENDENT_AWAITS
                ),
                text.ends_with("# noqa")
            );
            if answers[0] {
                lines.push(text);
            }
            offset += line.len();
        }
        lines
    }

    #[test]
    fn a_directive_covers_its_own_line_only() {
        let source = "a = 1  # noqa: AM001\nb = 2\nc = 3  # noqa: AM001";
        assert_eq!(
            suppressed_lines(source),
            ["a = 1  # noqa: AM001", "c = 3  # noqa: AM001"]
        );
        let crlf = "a = 1\r\nb = 2  # noqa: AM001\r\nc = 3\r\n";
        assert_eq!(suppressed_lines(crlf), ["b = 2  # noqa: AM001"]);
        let cr = "a = 1  # noqa: AM001\rb = 2\r";
        assert_eq!(suppressed_lines(cr), ["a = 1  # noqa: AM001"]);
        assert_eq!(
            suppressed_lines("a = 1  # noqa: AM002\n# noqa\n"),
            ["# noqa"]
        );
    }

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
