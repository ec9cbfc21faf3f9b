//! Reading a Python file's bytes into text: UTF-8 only (as ruff), a BOM kept in
//! place, the PEP 263 coding cookie checked, and positions for messages.

use ruff_source_file::{LineIndex, OneIndexed};
use ruff_text_size::TextSize;

/// A 1-based line and column (in characters, not counting a BOM), as messages print them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    pub fn at(index: &LineIndex, source: &str, offset: TextSize) -> Position {
        let location = index.line_column(offset, source);
        Position {
            line: location.line.get(),
            column: location.column.get(),
        }
    }
}

/// Why a file's bytes are not Python source asyncmod can rewrite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub position: Position,
    pub message: String,
}

/// Decodes a file's bytes. The text keeps its BOM, so every offset is a byte
/// offset into the file and writing the text back keeps the BOM.
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let bytes = error.as_bytes();
            let valid = error.utf8_error().valid_up_to();
            let before = String::from_utf8_lossy(&bytes[..valid]);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(DecodeError {
                position: Position { line, column },
                message: format!(
                    "file is not valid UTF-8 (invalid byte 0x{:02x}); asyncmod reads UTF-8 only",
                    bytes[valid]
                ),
            });
        }
    };
    if let Some((line, encoding)) = coding_cookie(&text)
        && !is_utf8_compatible(&encoding)
    {
        return Err(DecodeError {
            position: Position { line, column: 1 },
            message: format!("file declares encoding `{encoding}`; asyncmod reads UTF-8 only"),
        });
    }
    Ok(text)
}

/// The encoding a PEP 263 cookie names, with its 1-based line. Python reads a
/// cookie on line 1, or on line 2 when line 1 is a comment or blank.
fn coding_cookie(text: &str) -> Option<(usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split('\n');
    for number in 1..=2 {
        let line = lines.next()?;
        let trimmed = line.trim_start_matches([' ', '\t', '\x0c']);
        if let Some(comment) = trimmed.strip_prefix('#') {
            if let Some(encoding) = cookie_in_comment(comment) {
                return Some((number, encoding));
            }
        } else if !trimmed.trim().is_empty() {
            return None;
        }
    }
    None
}

/// `coding[:=][ \t]*([-\w.]+)` anywhere in the comment, as PEP 263's regular expression.
fn cookie_in_comment(comment: &str) -> Option<String> {
    let mut rest = comment;
    while let Some(found) = rest.find("coding") {
        let after = &rest[found + "coding".len()..];
        if let Some(value) = after.strip_prefix([':', '=']) {
            let value = value.trim_start_matches([' ', '\t']);
            let name: String = value
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                .collect();
            if !name.is_empty() {
                return Some(name);
            }
        }
        rest = after;
    }
    None
}

/// UTF-8 under any of Python's spellings, or ASCII (a subset: a file Python
/// reads as ASCII is the same text in UTF-8, and asyncmod only adds ASCII).
fn is_utf8_compatible(encoding: &str) -> bool {
    let normalized = encoding.to_ascii_lowercase().replace('_', "-");
    matches!(
        normalized.as_str(),
        "utf-8" | "utf8" | "utf-8-sig" | "u8" | "utf" | "cp65001" | "ascii" | "us-ascii" | "646"
    ) || normalized.starts_with("utf-8-")
}

/// The line ending a file uses: that of its first line break, `\n` when it has none.
pub fn line_ending(text: &str) -> &'static str {
    match text.find(['\n', '\r']) {
        Some(i) if text[i..].starts_with("\r\n") => "\r\n",
        Some(i) if text[i..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

/// The 1-based line number of an offset.
pub fn line_number(index: &LineIndex, offset: TextSize) -> OneIndexed {
    index.line_index(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_bom_and_accepts_utf8_cookies() {
        let text = decode(b"\xef\xbb\xbf# -*- coding: utf-8 -*-\nx = 1\n".to_vec()).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(
            decode(b"#!/usr/bin/env python\n# vim: set fileencoding=utf8 :\n".to_vec()).is_ok()
        );
        assert!(decode(b"# coding=ascii\n".to_vec()).is_ok());
    }

    #[test]
    fn rejects_other_cookies() {
        let error =
            decode(b"#!/usr/bin/python\n# -*- coding: latin-1 -*-\nx = 1\n".to_vec()).unwrap_err();
        assert_eq!(error.position, Position { line: 2, column: 1 });
        assert!(error.message.contains("latin-1"), "{}", error.message);
    }

    #[test]
    fn cookie_after_code_is_not_a_cookie() {
        assert!(decode(b"x = 1\n# coding: latin-1\n".to_vec()).is_ok());
        assert!(decode(b"\n\n# coding: latin-1\n".to_vec()).is_ok());
    }

    #[test]
    fn invalid_utf8_reports_position() {
        let error = decode(b"x = 1\ny = '\xe9'\n".to_vec()).unwrap_err();
        assert_eq!(error.position, Position { line: 2, column: 6 });
    }

    #[test]
    fn line_endings() {
        assert_eq!(line_ending("a\r\nb\n"), "\r\n");
        assert_eq!(line_ending("a\nb\r\n"), "\n");
        assert_eq!(line_ending("a"), "\n");
    }
}
