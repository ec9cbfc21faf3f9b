//! `# noqa` and `# noqa: CODE[,CODE]` comments. A finding whose first line
//! carries one that names its code (or one of the ruff / flake8-async codes
//! that flag the same thing) is neither reported nor fixed.
//!
//! As in ruff, a finding's line may have no room for a comment: a line that
//! a multi-line string (or f-string) spans, or one that a backslash
//! continues. Its `# noqa` then goes where that ends, on the line ruff calls
//! the finding's noqa line; a directive there suppresses it too, and
//! `--add-noqa` puts its comments there.

use std::ops::Range;

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::{Ranged, TextRange, TextSize};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    /// A bare `# noqa`: suppresses every finding on its line.
    All,
    /// `# noqa: AM001, ASYNC251`.
    Codes(Vec<String>),
}

impl Directive {
    /// Whether it suppresses the findings of the codemod `code`, which
    /// answers to the other tools' codes `aliases` too.
    pub fn suppresses(&self, code: &str, aliases: &[&str]) -> bool {
        match self {
            Directive::All => true,
            Directive::Codes(codes) => codes.iter().any(|named| names(named, code, aliases)),
        }
    }
}

/// Whether the code `named` in a `# noqa` names the codemod `code`: it is
/// that code, or one of `aliases` (ruff / flake8-async codes that flag the
/// same thing; `PREFIX123-PREFIX456` is a range), in any case.
pub fn names(named: &str, code: &str, aliases: &[&str]) -> bool {
    named.eq_ignore_ascii_case(code)
        || aliases.iter().any(|alias| match alias.split_once('-') {
            Some((low, high)) => code_in_range(named, low, high),
            None => named.eq_ignore_ascii_case(alias),
        })
}

fn code_in_range(code: &str, low: &str, high: &str) -> bool {
    let split = |c: &str| {
        let digits = c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic());
        let prefix = &c[..c.len() - digits.len()];
        digits
            .parse::<u32>()
            .ok()
            .map(|n| (prefix.to_ascii_uppercase(), n))
    };
    match (split(code), split(low), split(high)) {
        (Some((p, n)), Some((lp, l)), Some((hp, h))) => p == lp && p == hp && (l..=h).contains(&n),
        _ => false,
    }
}

/// The noqa directives of one file, by where their comments are, and what
/// decides a finding's noqa line.
#[derive(Debug, Default)]
pub struct NoqaMap {
    /// In source order (the order of the tokens).
    directives: Vec<(TextRange, Directive)>,
    /// Strings with a line break inside, outermost only (an f-string from
    /// its start to its end), in source order.
    strings: Vec<TextRange>,
    /// Where the comments that end in a backslash end: that backslash
    /// continues no line.
    backslash_comments: Vec<TextSize>,
}

impl NoqaMap {
    pub fn from_tokens(tokens: &Tokens, source: &str) -> NoqaMap {
        let mut map = NoqaMap::default();
        // Nesting of f-strings and t-strings, and where the outermost began.
        let mut depth = 0usize;
        let mut outer_start = TextSize::default();
        for token in tokens.iter() {
            match token.kind() {
                TokenKind::Comment => {
                    let text = &source[token.range()];
                    if let Some(directive) = parse_directive(text) {
                        map.directives.push((token.range(), directive));
                    }
                    if text.ends_with('\\') {
                        map.backslash_comments.push(token.end());
                    }
                }
                TokenKind::String if depth == 0 && has_line_break(&source[token.range()]) => {
                    map.strings.push(token.range());
                }
                TokenKind::FStringStart | TokenKind::TStringStart => {
                    if depth == 0 {
                        outer_start = token.start();
                    }
                    depth += 1;
                }
                TokenKind::FStringEnd | TokenKind::TStringEnd => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        let range = TextRange::new(outer_start, token.end());
                        if has_line_break(&source[range]) {
                            map.strings.push(range);
                        }
                    }
                }
                _ => {}
            }
        }
        map
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// Whether a finding of the codemod `code` (answering to `aliases` too)
    /// starting at `offset` is suppressed: a directive naming it sits on the
    /// finding's first line or on its noqa line. (Lines are found by looking
    /// for line breaks around `offset`, so no line index is needed.)
    pub fn suppresses(&self, source: &str, offset: TextSize, code: &str, aliases: &[&str]) -> bool {
        if self.directives.is_empty() {
            return false;
        }
        let first = line_around(source, offset.to_usize());
        if self
            .directive_in(first.clone())
            .is_some_and(|(_, d)| d.suppresses(code, aliases))
        {
            return true;
        }
        let noqa_line = self.noqa_line(source, offset);
        noqa_line != first
            && self
                .directive_in(noqa_line)
                .is_some_and(|(_, d)| d.suppresses(code, aliases))
    }

    /// The directive whose comment starts within `line`, if any (a line has
    /// at most one comment).
    fn directive_in(&self, line: Range<usize>) -> Option<&(TextRange, Directive)> {
        let first = self
            .directives
            .partition_point(|(comment, _)| comment.start().to_usize() < line.start);
        self.directives
            .get(first)
            .filter(|(comment, _)| comment.start().to_usize() < line.end)
    }

    /// The finding's noqa line, for a finding starting at `offset`: its own
    /// line, extended to the end of a multi-line string that spans its line
    /// break and past each backslash continuation, until a line ends where
    /// a comment can go. Returned without its line break.
    pub fn noqa_line(&self, source: &str, offset: TextSize) -> Range<usize> {
        let bytes = source.as_bytes();
        let mut line = line_around(source, offset.to_usize());
        loop {
            let end = line.end;
            if end >= bytes.len() {
                return line;
            }
            let spanning = self
                .strings
                .partition_point(|range| range.start().to_usize() < end)
                .checked_sub(1)
                .and_then(|i| self.strings.get(i))
                .filter(|range| end < range.end().to_usize());
            if let Some(string) = spanning {
                line = line_around(source, string.end().to_usize());
                continue;
            }
            let continued = end > 0
                && bytes.get(end - 1) == Some(&b'\\')
                && self
                    .backslash_comments
                    .binary_search(&TextSize::try_from(end).unwrap_or_default())
                    .is_err();
            if !continued {
                return line;
            }
            // Past the line break (`\r\n` is one) to the next line.
            let next = if source[end..].starts_with("\r\n") {
                end + 2
            } else {
                end + 1
            };
            line = line_around(source, next);
        }
    }

    /// The replacement (what to replace, and with what) that makes the line
    /// `line` (a noqa line) suppress `codes` too: the codes join an existing
    /// `# noqa: …` list (sorted, as ruff writes them, keeping any text after
    /// the list), or a `  # noqa: …` comment goes at the line's end (after
    /// any comment it has).
    pub fn edit_for(
        &self,
        source: &str,
        line: Range<usize>,
        codes: &[&str],
    ) -> Option<(TextRange, String)> {
        let at = |offset: usize| TextSize::try_from(offset).ok();
        if let Some((comment, Directive::Codes(existing))) = self.directive_in(line.clone()) {
            let text = source.get(comment.start().to_usize()..comment.end().to_usize())?;
            let list = code_list_span(text)?;
            let mut all: Vec<String> = existing.clone();
            all.extend(codes.iter().map(|c| c.to_string()));
            all.sort();
            all.dedup();
            let start = comment.start().to_usize() + list.start;
            let end = comment.start().to_usize() + list.end;
            return Some((
                TextRange::new(at(start)?, at(end)?),
                format!(" {}", all.join(", ")),
            ));
        }
        let text = source.get(line.clone())?;
        let kept = text.trim_end_matches([' ', '\t', '\x0c']).len();
        Some((
            TextRange::new(at(line.start + kept)?, at(line.end)?),
            format!("  # noqa: {}", codes.join(", ")),
        ))
    }
}

/// The line that holds byte `at`, without its line break.
fn line_around(source: &str, at: usize) -> Range<usize> {
    let bytes = source.as_bytes();
    let at = at.min(bytes.len());
    let start = memchr::memrchr2(b'\n', b'\r', &bytes[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |i| at + i);
    start..end
}

fn has_line_break(text: &str) -> bool {
    memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_some()
}

/// Where the code list of a `# noqa: CODES` comment is: from just after
/// its colon to the end of its last code.
fn code_list_span(comment: &str) -> Option<Range<usize>> {
    let (directive, span) = scan_directive(comment)?;
    matches!(directive, Directive::Codes(_)).then_some(span)
}

/// Parses the directive in one comment, such as `# noqa`, `#noqa:AM001`,
/// `# NOQA: AM001, ASYNC251` or `# type: ignore  # noqa: AM003`.
pub fn parse_directive(comment: &str) -> Option<Directive> {
    scan_directive(comment).map(|(directive, _)| directive)
}

/// [`parse_directive`], with the byte range of the code list (from just
/// after the colon to the end of the last code; empty for a bare `# noqa`).
fn scan_directive(comment: &str) -> Option<(Directive, Range<usize>)> {
    let mut from = 0;
    while let Some(hash) = comment[from..].find('#').map(|i| from + i) {
        let after_hash = &comment[hash + 1..];
        let after = after_hash.trim_start();
        let word = hash + 1 + (after_hash.len() - after.len());
        // Compare bytes: the comment may continue with any character.
        if after
            .as_bytes()
            .get(..4)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"noqa"))
        {
            let tail = &after[4..];
            // `# noqa123` or `# noqanything` is not a directive.
            if tail.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                from = hash + 1;
                continue;
            }
            let tail_start = word + 4;
            let trimmed = tail.trim_start();
            let Some(list) = trimmed.strip_prefix(':') else {
                return Some((Directive::All, tail_start..tail_start));
            };
            let list_start = tail_start + (tail.len() - trimmed.len()) + 1;
            let mut codes = Vec::new();
            let mut list_end = list_start;
            let mut offset = list_start;
            for piece in list.split([',', ' ', '\t']) {
                let code = piece.trim();
                if !code.is_empty() {
                    if !is_code(code) {
                        break;
                    }
                    codes.push(code.to_ascii_uppercase());
                    list_end = offset + piece.len();
                }
                offset += piece.len() + 1;
            }
            return Some(if codes.is_empty() {
                (Directive::All, list_start..list_start)
            } else {
                (Directive::Codes(codes), list_start..list_end)
            });
        }
        from = hash + 1;
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
    use ruff_text_size::TextSize;

    /// What a `# noqa` must name for AM001 (or AM004, which answers to no
    /// other tool's code) to be suppressed.
    const SLEEP_IN_ASYNC: (&str, &[&str]) = ("AM001", &["ASYNC251"]);
    const GATHER_INDEPENDENT_AWAITS: (&str, &[&str]) = ("AM004", &[]);

    fn suppresses(
        map: &NoqaMap,
        source: &str,
        at: usize,
        (code, aliases): (&str, &[&str]),
    ) -> bool {
        map.suppresses(source, TextSize::new(at as u32), code, aliases)
    }

    /// Which lines (by their text) a `# noqa: AM001` map suppresses AM001 on.
    fn suppressed_lines(source: &str) -> Vec<&str> {
        let parsed = ruff_python_parser::parse_module(source).expect("parses");
        let map = NoqaMap::from_tokens(parsed.tokens(), source);
        let mut lines = Vec::new();
        let mut offset = 0;
        for line in source.split_inclusive(['\n', '\r']) {
            let text = line.trim_end_matches(['\n', '\r']);
            // Every offset of the line, its end included, answers alike.
            let answers: Vec<bool> = (offset..=offset + text.len())
                .map(|o| suppresses(&map, source, o, SLEEP_IN_ASYNC))
                .collect();
            assert!(
                answers.iter().all(|&a| a == answers[0]),
                "{text:?}: {answers:?}"
            );
            // Only a bare `# noqa` covers other codes too.
            assert_eq!(
                suppresses(&map, source, offset, GATHER_INDEPENDENT_AWAITS),
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

    #[test]
    fn a_directive_where_a_string_ends_suppresses_a_finding_inside_it() {
        let source = "x = f\"\"\"\n{y}\n\"\"\"  # noqa: AM001\nz = 1\n";
        let parsed = ruff_python_parser::parse_module(source).expect("parses");
        let map = NoqaMap::from_tokens(parsed.tokens(), source);
        let inside = source.find("{y}").expect("there");
        assert!(suppresses(&map, source, inside, SLEEP_IN_ASYNC));
        let after = source.find("z = 1").expect("there");
        assert!(!suppresses(&map, source, after, SLEEP_IN_ASYNC));
        assert!(!suppresses(&map, source, inside, GATHER_INDEPENDENT_AWAITS));
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

    #[test]
    fn aliases_and_their_ranges() {
        let aliases = &["ASYNC210-ASYNC251", "UP041"];
        assert!(super::names("am108", "AM108", aliases));
        assert!(super::names("ASYNC220", "AM108", aliases));
        assert!(super::names("up041", "AM108", aliases));
        assert!(!super::names("ASYNC252", "AM108", aliases));
        assert!(!super::names("UP220", "AM108", aliases));
    }
}
