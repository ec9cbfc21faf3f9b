//! The one text reader of import statements the index's scans use: a
//! statement read as Python reads it, not one physical line at a time.
//! Comments are left out, statements that share a line (`import a; b()`)
//! are apart, and a parenthesised list (`from app import (\n    svc as
//! s,\n)`) or a backslash continuation (`from app import svc as \\\n s`)
//! is one statement. Only text where a statement may start is read: the
//! start of a line after its indentation, or after a `;` or a `:`; a line that
//! continues another (after a backslash) is read from where that one
//! starts. A comment is not an import (`# import app.svc as s`), nor is a
//! string that is not a whole line (`x = "import os"`).

use memchr::memmem;

/// One name an import statement binds: `import app.svc as s` gives
/// `name` `["app", "svc"]` and `alias` `Some("s")`; `from .pkg import svc`
/// gives `from` `Some((1, ["pkg"]))` and `name` `["svc"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ImportedName<'t> {
    /// The `from` part: how many leading dots, and the dotted module's
    /// words (`from . import x`: `(1, [])`); `None` for `import …`.
    pub(super) from: Option<(usize, Vec<&'t [u8]>)>,
    /// The dotted name imported, one word a part (`*` for a star import).
    pub(super) name: Vec<&'t [u8]>,
    /// The name after `as`.
    pub(super) alias: Option<&'t [u8]>,
}

impl<'t> ImportedName<'t> {
    /// The last part of the imported name (`svc` of `import app.svc`).
    pub(super) fn last(&self) -> &'t [u8] {
        self.name.last().copied().unwrap_or_default()
    }

    /// The words the statement spells for this name: the name's and the
    /// alias (not the `from` module's, which it does not bind).
    pub(super) fn words(&self) -> impl Iterator<Item = &'t [u8]> + '_ {
        self.name.iter().copied().chain(self.alias)
    }
}

/// One import statement: where it starts and ends in the text, whether it
/// is `from … import …`, and the names it binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ImportStatement<'t> {
    /// Byte range of the statement in the text (from `import`/`from` to
    /// past its last token).
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether the statement is `from … import …`.
    pub(super) is_from: bool,
    /// Its names, in order.
    pub(super) names: Vec<ImportedName<'t>>,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Where the physical line holding byte `at` starts.
fn line_start(bytes: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', bytes.get(..at).unwrap_or_default()).map_or(0, |i| i + 1)
}

/// Whether the physical line that ends just before `start` (a line start)
/// ends with a backslash continuation.
fn continues_previous(bytes: &[u8], start: usize) -> bool {
    let Some(before) = start.checked_sub(1) else {
        return false;
    };
    let line = bytes.get(..before).unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.last() == Some(&b'\\')
}

/// Whether a statement may start at `at`: only blanks before it on its
/// logical line, or a `;` after other code. A line after a backslash
/// continuation is part of the line before it.
fn starts_statement(bytes: &[u8], at: usize) -> bool {
    let mut start = line_start(bytes, at);
    let mut end = at;
    loop {
        let before = bytes.get(start..end).unwrap_or_default();
        // The code before `at` on this physical line, read backwards.
        let trimmed = before.trim_ascii_end();
        if let Some(&last) = trimmed.last() {
            // `x = 1; import os`: a `;` ends the statement before. A `;`
            // in a comment or a string is taken as one too (reading it
            // then reads an import that is not one: more names, not
            // fewer).
            // `try: import ujson as json`: a compound statement's body on
            // its line (a keyword, `import` follows a `:` nowhere else).
            return matches!(last, b';' | b':') && !before.contains(&b'#');
        }
        if !continues_previous(bytes, start) {
            return true;
        }
        // `from app \\\n    import svc`: read on from the line before,
        // without its backslash.
        end = start.saturating_sub(1);
        let line_end = bytes.get(..end).unwrap_or_default();
        let line_end = line_end.strip_suffix(b"\r").unwrap_or(line_end);
        end = line_end.len().saturating_sub(1);
        start = line_start(bytes, end);
        let code = bytes.get(start..end).unwrap_or_default().trim_ascii();
        if code.is_empty() {
            continue;
        }
        // The line before holds code: a statement starts here only after
        // a `;` (`x = 1; \\`); else that code is the start of this one
        // (`from app \\`), which the caller reads from `from`.
        return (code.ends_with(b";") || code.ends_with(b":")) && !code.contains(&b'#');
    }
}

/// A token of an import statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'t> {
    Word(&'t [u8]),
    Punct(u8),
}

/// The tokens of the logical statement starting at `at`, up to its end
/// (a newline outside parentheses and not after a backslash, a `;`
/// outside parentheses, or the end of the text); comments left out.
/// Stops at anything an import statement cannot hold (a quote).
fn tokens(bytes: &[u8], at: usize) -> (Vec<Token<'_>>, usize) {
    let mut tokens = Vec::new();
    let mut depth = 0usize;
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' if depth == 0 => break,
            b';' if depth == 0 => break,
            b' ' | b'\t' | b'\r' | b'\x0c' | b'\n' => i += 1,
            b'\\' => {
                // A continuation: the backslash and its newline.
                i += 1;
                if bytes.get(i) == Some(&b'\r') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                } else {
                    break;
                }
            }
            b'#' => {
                i = memchr::memchr(b'\n', bytes.get(i..).unwrap_or_default())
                    .map_or(bytes.len(), |n| i + n);
            }
            b'(' => {
                depth += 1;
                tokens.push(Token::Punct(b));
                i += 1;
            }
            b')' => {
                depth = depth.saturating_sub(1);
                tokens.push(Token::Punct(b));
                i += 1;
            }
            b'.' | b',' | b'*' => {
                tokens.push(Token::Punct(b));
                i += 1;
            }
            _ if is_word_byte(b) => {
                let start = i;
                while bytes.get(i).copied().is_some_and(is_word_byte) {
                    i += 1;
                }
                tokens.push(Token::Word(bytes.get(start..i).unwrap_or_default()));
            }
            _ => break,
        }
    }
    (tokens, i)
}

/// Reads a dotted name from `tokens` at `*i`: its words.
fn dotted<'t>(tokens: &[Token<'t>], i: &mut usize) -> Vec<&'t [u8]> {
    let mut words = Vec::new();
    while let Some(Token::Word(word)) = tokens.get(*i) {
        words.push(*word);
        *i += 1;
        if tokens.get(*i) == Some(&Token::Punct(b'.')) {
            *i += 1;
        } else {
            break;
        }
    }
    words
}

/// Reads `as alias` at `*i`, if there.
fn alias<'t>(tokens: &[Token<'t>], i: &mut usize) -> Option<&'t [u8]> {
    if tokens.get(*i) == Some(&Token::Word(b"as"))
        && let Some(Token::Word(alias)) = tokens.get(*i + 1)
    {
        *i += 2;
        return Some(alias);
    }
    None
}

/// The import statement whose first word (`import` or `from`) is at
/// `at`, when it is one.
fn statement_at(bytes: &[u8], at: usize) -> Option<ImportStatement<'_>> {
    let (tokens, end) = tokens(bytes, at);
    let mut i = 0;
    let mut names = Vec::new();
    let is_from = match tokens.first()? {
        Token::Word(b"import") => false,
        Token::Word(b"from") => true,
        _ => return None,
    };
    i += 1;
    if is_from {
        let mut level = 0;
        while tokens.get(i) == Some(&Token::Punct(b'.')) {
            level += 1;
            i += 1;
        }
        // `from . import x`: no module after the dots.
        let module = if tokens.get(i) == Some(&Token::Word(b"import")) {
            Vec::new()
        } else {
            dotted(&tokens, &mut i)
        };
        if tokens.get(i) != Some(&Token::Word(b"import")) || level == 0 && module.is_empty() {
            return None;
        }
        i += 1;
        let from = Some((level, module));
        if tokens.get(i) == Some(&Token::Punct(b'(')) {
            i += 1;
        }
        loop {
            if tokens.get(i) == Some(&Token::Punct(b'*')) {
                names.push(ImportedName {
                    from: from.clone(),
                    name: vec![b"*".as_slice()],
                    alias: None,
                });
                break;
            }
            let Some(Token::Word(word)) = tokens.get(i) else {
                break;
            };
            i += 1;
            let alias = alias(&tokens, &mut i);
            names.push(ImportedName {
                from: from.clone(),
                name: vec![*word],
                alias,
            });
            if tokens.get(i) != Some(&Token::Punct(b',')) {
                break;
            }
            i += 1;
        }
    } else {
        loop {
            let name = dotted(&tokens, &mut i);
            if name.is_empty() {
                break;
            }
            let alias = alias(&tokens, &mut i);
            names.push(ImportedName {
                from: None,
                name,
                alias,
            });
            if tokens.get(i) != Some(&Token::Punct(b',')) {
                break;
            }
            i += 1;
        }
    }
    (!names.is_empty()).then_some(ImportStatement {
        start: at,
        end,
        is_from,
        names,
    })
}

/// Every import statement of `bytes`, a file's text, in order, at any
/// indentation (see the module's documentation).
pub(super) fn import_statements(bytes: &[u8]) -> Vec<ImportStatement<'_>> {
    let mut found: Vec<ImportStatement> = Vec::new();
    for at in memmem::find_iter(bytes, b"import") {
        if at
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .copied()
            .is_some_and(is_word_byte)
            || bytes.get(at + 6).copied().is_some_and(is_word_byte)
        {
            continue;
        }
        // Past a statement already read (`from a import (\n  b,\n  import_c)`
        // has none, but a continued one may).
        if found.last().is_some_and(|last| at < last.end) {
            continue;
        }
        let statement = if starts_statement(bytes, at) {
            statement_at(bytes, at)
        } else {
            from_before(bytes, at).and_then(|start| statement_at(bytes, start))
        };
        if let Some(statement) = statement
            && found
                .last()
                .is_none_or(|last| last.start != statement.start)
        {
            found.push(statement);
        }
    }
    found
}

/// Where the `from` of the `from … import` whose `import` is at `at`
/// starts, when a statement may start there: the word `from`, then only
/// a dotted module (dots, words, blanks, continuations) up to `at`.
fn from_before(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    // Walk back over the module: word bytes, dots, blanks, continuations.
    while let Some(before) = i.checked_sub(1) {
        let b = *bytes.get(before)?;
        if is_word_byte(b) || matches!(b, b'.' | b' ' | b'\t' | b'\r') {
            i = before;
        } else if b == b'\n' && before.checked_sub(1).and_then(|p| bytes.get(p)) == Some(&b'\\') {
            i = before - 1;
        } else if b == b'\n'
            && before.checked_sub(2).and_then(|p| bytes.get(p..before)) == Some(b"\\\r")
        {
            i = before - 2;
        } else {
            break;
        }
    }
    // `i` is now at the first byte of the run; the run must start with
    // `from` and a blank.
    let run = bytes.get(i..at)?;
    let skipped = run.len() - run.trim_ascii_start().len();
    let start = i + skipped;
    let rest = bytes.get(start..at)?;
    (rest.starts_with(b"from")
        && rest
            .get(4)
            .is_some_and(|&b| matches!(b, b' ' | b'\t' | b'\\' | b'.'))
        && starts_statement(bytes, start))
    .then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each statement's names as `from|name|alias` strings.
    fn read(text: &str) -> Vec<String> {
        import_statements(text.as_bytes())
            .iter()
            .flat_map(|statement| statement.names.iter())
            .map(|name| {
                let join = |words: &[&[u8]]| {
                    words
                        .iter()
                        .map(|w| String::from_utf8_lossy(w).into_owned())
                        .collect::<Vec<_>>()
                        .join(".")
                };
                let from = name.from.as_ref().map_or(String::new(), |(level, module)| {
                    format!("{}{}", ".".repeat(*level), join(module))
                });
                let alias = name
                    .alias
                    .map_or(String::new(), |a| String::from_utf8_lossy(a).into_owned());
                format!("{from}|{}|{alias}", join(&name.name))
            })
            .collect()
    }

    #[test]
    fn reads_plain_and_aliased_imports() {
        assert_eq!(
            read("import os, app.svc as s\nfrom app import svc as t, other\n"),
            ["|os|", "|app.svc|s", "app|svc|t", "app|other|"]
        );
        assert_eq!(read("from . import svc as service\n"), [".|svc|service"]);
        assert_eq!(
            read("from . import (\n    other as o,\n    svc as s,\n)\ns.TIMEOUT = 0\n"),
            [".|other|o", ".|svc|s"]
        );
        assert_eq!(read("from .. import pkg\n"), ["..|pkg|"]);
        assert_eq!(read("from ..pkg.sub import *\n"), ["..pkg.sub|*|"]);
        assert_eq!(read("if x:\n    import a.b as c\n"), ["|a.b|c"]);
    }

    #[test]
    fn leaves_comments_out() {
        assert_eq!(read("import app.svc as s  # noqa\n"), ["|app.svc|s"]);
        assert_eq!(read("from app import svc as s  # alias\n"), ["app|svc|s"]);
        assert_eq!(
            read("import app.svc as s  # type: ignore\n"),
            ["|app.svc|s"]
        );
        assert_eq!(
            read("from app import (  # the services\n    svc as s,  # short\n    other,\n)\n"),
            ["app|svc|s", "app|other|"]
        );
    }

    #[test]
    fn splits_statements_at_semicolons() {
        assert_eq!(read("import app.svc as s; s.TIMEOUT = 0\n"), ["|app.svc|s"]);
        assert_eq!(read("from app import svc; force(svc, 0)\n"), ["app|svc|"]);
        assert_eq!(read("x = 1; import time as t\n"), ["|time|t"]);
        assert_eq!(
            read("try: import ujson as json\nexcept ImportError: from app import svc as json\n"),
            ["|ujson|json", "app|svc|json"]
        );
    }

    #[test]
    fn joins_parenthesised_lists() {
        assert_eq!(read("from app import (\n    svc as s,\n)\n"), ["app|svc|s"]);
        assert_eq!(
            read("from app import (other,\n                 svc as s)\n"),
            ["app|other|", "app|svc|s"]
        );
        assert_eq!(
            read("from asyncio import (\n    events as ev,\n    tasks,\n)\nx = 1\n"),
            ["asyncio|events|ev", "asyncio|tasks|"]
        );
    }

    #[test]
    fn joins_backslash_continuations() {
        assert_eq!(read("from app import svc as \\\n    s\n"), ["app|svc|s"]);
        assert_eq!(read("import app.svc as \\\n    s\n"), ["|app.svc|s"]);
        assert_eq!(read("from app import \\\n    svc\n"), ["app|svc|"]);
        assert_eq!(read("from app \\\n    import svc as s\n"), ["app|svc|s"]);
        assert_eq!(
            read("import os, \\\n    app.svc as s\n"),
            ["|os|", "|app.svc|s"]
        );
        assert_eq!(
            read("from app import svc as \\\r\n    s\r\n"),
            ["app|svc|s"]
        );
    }

    #[test]
    fn comments_and_strings_are_not_imports() {
        assert!(read("# import app.svc as s\n").is_empty());
        assert!(read("x = 1  # from app import svc as s\n").is_empty());
        assert!(read("x = \"import app.svc as s\"\n").is_empty());
        assert!(read("print('from app import svc as s')\n").is_empty());
        assert!(read("important = 1\nreimport(x)\nimport_module('a')\n").is_empty());
        assert!(read("def f(): return x.import_ as y\n").is_empty());
        // A word that only looks like `from` before `import`.
        assert!(read("yield from x; y = 1 if a else importer\n").is_empty());
    }

    #[test]
    fn statement_ranges_cover_the_statement() {
        let text = "a = 1\nfrom app import (\n    svc as s,\n)\nb = 2\n";
        let found = import_statements(text.as_bytes());
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "from app import (\n    svc as s,\n)"
        );
        assert!(found[0].is_from);
    }
}
