//! Whether a function of the project may block when called, as the text
//! of its module shows it, never parsed: a cheap question asked before a
//! chain of blocking calls (AM108) resolves a callee into another module,
//! so that only the calls that may lead to a blocking call make the index
//! summarise a module and read its calls. The question reads only the
//! modules a chain could go through, each once.
//!
//! The answer errs towards "may". A `def` may block when its body (the
//! lines indented under it) spells a call that may block (see
//! [`known::may_spell_blocking_call`]), or calls a function that may
//! block: by a bare name, through a name its module imports, or as a
//! method of any other name (`self.load()`, `repo.load()`: a `def load` of
//! the module), and only a function whose name no file of the project
//! may assign as an attribute (the index does not resolve one it may:
//! `handlers.helper = fake`), up to twice [`MAX_CHAIN`] steps deep (an import that passes a
//! name on takes a step too). Methods are known by name in their module
//! (`Client.get` is any `def get` there); a name the text cannot follow
//! further (an attribute of an attribute) may block. A method a class
//! inherits from another module is not found there: its chain is missed.

use std::path::Path;
use std::sync::{Arc, LazyLock};

use memchr::{memchr_iter, memmem};
use rustc_hash::FxHashMap;

use super::ProjectIndex;
use super::layout::ModuleFile;
use super::summary::absolutize;
use crate::semantic::blocking::MAX_CHAIN;
use crate::semantic::known;

/// How many modules' [`TextFacts`] the index keeps at a time.
pub(super) const RECENT_TEXTS: usize = 64;

/// What the text of one module shows about its functions.
#[derive(Debug, Default)]
pub(super) struct TextFacts {
    /// By name, every `def` of that name in the module (functions and
    /// methods alike), merged.
    defs: FxHashMap<Box<str>, DefText>,
    /// The names its imports bind, with what each names (absolute:
    /// `app.util` for `from . import util` in `app/x.py`).
    imports: FxHashMap<Box<str>, Box<str>>,
}

#[derive(Debug, Default)]
struct DefText {
    /// Its body spells a call that may block.
    blocks: bool,
    /// The calls its body spells that a chain may follow.
    calls: Vec<CallText>,
}

#[derive(Debug, PartialEq, Eq)]
enum CallText {
    /// `name(…)`.
    Bare(Box<str>),
    /// `self.name(…)`, `cls.name(…)` or `obj.name(…)` with `obj` no
    /// import: a method of the module's, if any.
    Own(Box<str>),
    /// `module.name(…)`, the receiver a name the module imports.
    Imported(Box<str>, Box<str>),
}

/// A `def` whose body the reader is in.
struct Open<'t> {
    indent: usize,
    /// `None` for an `async def`, whose body no call runs.
    def: Option<&'t str>,
}

impl TextFacts {
    /// Reads the text of the module `module` (`package` for an `__init__`).
    pub(super) fn of(text: &str, module: &str, package: bool) -> TextFacts {
        let mut facts = TextFacts::default();
        let bytes = text.as_bytes();
        for (name, target) in imported_names(text) {
            facts
                .imports
                .insert(name.into(), absolutize(&target, module, package).into());
        }
        if memmem::find(bytes, b"def ").is_none() {
            return facts;
        }
        let mut mentioned: Vec<(&'static str, bool)> = Vec::new();
        let mut mentions = |word: &'static str| -> bool {
            if let Some(&(_, found)) = mentioned.iter().find(|(known, _)| *known == word) {
                return found;
            }
            let found = memmem::find(bytes, word.as_bytes()).is_some();
            mentioned.push((word, found));
            found
        };
        let quotes = TripleQuotes::of(bytes);
        let mut open: Vec<Open> = Vec::new();
        let mut start = 0;
        while start < bytes.len() {
            let end = memchr::memchr(b'\n', bytes.get(start..).unwrap_or_default())
                .map_or(bytes.len(), |at| start + at);
            let line = text.get(start..end).unwrap_or_default();
            let line_start = start;
            start = end + 1;
            // A line that starts in a string is no code.
            if quotes.inside_at(line_start) {
                continue;
            }
            let line_bytes = line.as_bytes();
            let indent = line_bytes
                .iter()
                .take_while(|b| **b == b' ' || **b == b'\t')
                .count();
            let rest = line.get(indent..).unwrap_or_default();
            let Some(&first) = rest.as_bytes().first() else {
                continue;
            };
            if first == b'#' || first == b'\r' {
                continue;
            }
            // A statement at this indentation ends the bodies above (not a
            // line that closes a bracket or goes on with a string).
            if first == b'_' || first == b'@' || first.is_ascii_alphabetic() {
                while open.last().is_some_and(|o| o.indent >= indent) {
                    open.pop();
                }
            }
            if let Some(after) = rest.strip_prefix("def ") {
                let name = word_at_start(after.trim_start());
                open.push(Open {
                    indent,
                    def: (!name.is_empty()).then_some(name),
                });
                continue;
            }
            if rest.starts_with("async ") && rest.contains(" def ") {
                open.push(Open { indent, def: None });
                continue;
            }
            if memchr::memchr(b'(', line_bytes).is_none() {
                continue;
            }
            let Some(Some(name)) = open.last().map(|o| o.def) else {
                continue;
            };
            if !facts.defs.contains_key(name) {
                facts.defs.insert(name.into(), DefText::default());
            }
            let Some(def) = facts.defs.get_mut(name) else {
                continue;
            };
            for paren in memchr_iter(b'(', line_bytes) {
                let before = line.get(..paren).unwrap_or_default();
                let word = word_at_end(before);
                if word.is_empty() {
                    continue;
                }
                let head = before.get(..before.len() - word.len()).unwrap_or_default();
                let receiver = head.strip_suffix('.');
                if (known::may_be_blocking_member(word) || known::may_be_path_io_method(word))
                    && known::may_spell_blocking_call(word, receiver.is_none(), &mut mentions)
                {
                    def.blocks = true;
                    continue;
                }
                let call = match receiver {
                    None => CallText::Bare(word.into()),
                    Some(head) => {
                        let receiver = word_at_end(head);
                        let alone = !head
                            .get(..head.len() - receiver.len())
                            .unwrap_or_default()
                            .ends_with('.');
                        if !alone || receiver.is_empty() {
                            continue;
                        }
                        if facts.imports.contains_key(receiver) {
                            CallText::Imported(receiver.into(), word.into())
                        } else {
                            // `self`, `cls`, an object of the module's.
                            CallText::Own(word.into())
                        }
                    }
                };
                // Each time it is spelled (cheaper than looking for it
                // first; the walk keeps its answers).
                def.calls.push(call);
            }
        }
        facts
    }
}

impl ProjectIndex {
    /// Whether the function or method the absolute dotted name `qualified`
    /// names may block, as the text of the project's modules shows (see
    /// the module's documentation): `false` only when it surely does not,
    /// or when it is no name of the project's code.
    pub(super) fn may_block_text(&self, qualified: &str) -> bool {
        let mut seen = Vec::new();
        let mut cut = false;
        self.may_block_name(qualified, &mut seen, &mut cut)
    }

    /// [`Self::may_block_text`]; `seen` holds the names being asked (a
    /// cycle stops there), `cut` tells the caller that a "no" was found by
    /// stopping at a cycle or the depth limit, and must not be kept.
    fn may_block_name(&self, qualified: &str, seen: &mut Vec<Box<str>>, cut: &mut bool) -> bool {
        if let Ok(known) = self.may_block_answers.read()
            && let Some(&answer) = known.get(qualified)
        {
            return answer;
        }
        if seen.iter().any(|s| &**s == qualified) || seen.len() >= 2 * MAX_CHAIN {
            *cut = true;
            return false;
        }
        // Most names asked leave the project at once (`asyncio.sleep`).
        if !qualified
            .split_once('.')
            .is_some_and(|(top, _)| self.in_project(top))
        {
            return false;
        }
        // Where any attribute of any object may be written, the index
        // resolves no function of the project (it may be replaced), so no
        // chain goes through one.
        if self.may_write_every_attribute() {
            return false;
        }
        let parts: Vec<&str> = qualified.split('.').collect();
        // The longest prefix that is a module of the project.
        let mut found = None;
        for split in (1..parts.len()).rev() {
            let module = parts[..split].join(".");
            if let (Some(file), true) = self.located(&module) {
                found = Some((module, file, &parts[split..]));
                break;
            }
        }
        let Some((module, file, rest)) = found else {
            return false;
        };
        let ModuleFile::Source { path, package } = file else {
            return false;
        };
        let Some(facts) = self.text_facts(&module, &path, package) else {
            return false;
        };
        let (name, through) = match rest {
            [name] => (*name, None),
            // `mod.f` through a module the module imports.
            [first, name] if facts.imports.contains_key(*first) => (
                *name,
                facts
                    .imports
                    .get(*first)
                    .map(|module| format!("{module}.{name}")),
            ),
            // A method of a class or of an object of the module: any `def`
            // of that name there.
            [_, name] => (*name, None),
            // Further attributes: the text cannot tell.
            _ => return true,
        };
        seen.push(qualified.into());
        let mut my_cut = false;
        let answer = match facts.defs.get(name) {
            _ if through.is_some() => through
                .as_deref()
                .is_some_and(|target| self.may_block_name(target, seen, &mut my_cut)),
            // Another file may replace it: the index does not resolve it.
            Some(_) if self.may_write_attribute(name) => false,
            Some(def) => {
                def.blocks
                    || def.calls.iter().any(|call| {
                        let next = match call {
                            CallText::Bare(word) if facts.defs.contains_key(word) => {
                                format!("{module}.{word}")
                            }
                            CallText::Bare(word) => match facts.imports.get(word) {
                                Some(target) => target.to_string(),
                                None => return false,
                            },
                            CallText::Own(word) => format!("{module}.{word}"),
                            CallText::Imported(receiver, word) => {
                                match facts.imports.get(receiver) {
                                    Some(target) => format!("{target}.{word}"),
                                    None => return false,
                                }
                            }
                        };
                        self.may_block_name(&next, seen, &mut my_cut)
                    })
            }
            // Passed on from another module (`from .io import load`).
            None => match facts.imports.get(name) {
                Some(target) => {
                    let target = target.to_string();
                    self.may_block_name(&target, seen, &mut my_cut)
                }
                // A class (whose call a chain does not follow), or a name
                // bound some other way (which the index does not follow).
                None => false,
            },
        };
        seen.pop();
        if (answer || !my_cut)
            && let Ok(mut known) = self.may_block_answers.write()
        {
            known.insert(qualified.into(), answer);
        }
        *cut |= my_cut;
        answer
    }

    /// [`TextFacts`] of the module `module`, read from its file; a few
    /// modules' are kept at a time (all are dropped when they are too many:
    /// the answers are kept by name).
    fn text_facts(&self, module: &str, path: &Path, package: bool) -> Option<Arc<TextFacts>> {
        if let Ok(recent) = self.recent_texts.lock()
            && let Some(facts) = recent.get(module)
        {
            return Some(facts.clone());
        }
        let bytes = super::read_file(path).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let facts = Arc::new(TextFacts::of(text, module, package));
        if let Ok(mut recent) = self.recent_texts.lock() {
            if recent.len() >= RECENT_TEXTS {
                recent.clear();
            }
            recent.insert(module.into(), facts.clone());
        }
        Some(facts)
    }
}

/// Where the text's triple-quoted strings are, to tell whether a line
/// starts inside one. Quotes inside other strings or comments may mislead
/// it: a few lines are then read wrongly.
struct TripleQuotes {
    /// The strings' spans, in order: from after the opening quotes to the
    /// closing ones.
    spans: Vec<(usize, usize)>,
}

impl TripleQuotes {
    fn of(bytes: &[u8]) -> TripleQuotes {
        static DOUBLE: LazyLock<memmem::Finder<'static>> =
            LazyLock::new(|| memmem::Finder::new(b"\"\"\""));
        static SINGLE: LazyLock<memmem::Finder<'static>> =
            LazyLock::new(|| memmem::Finder::new(b"'''"));
        let doubles: Vec<usize> = DOUBLE.find_iter(bytes).collect();
        let singles: Vec<usize> = SINGLE.find_iter(bytes).collect();
        let first_from = |found: &[usize], from: usize| -> Option<usize> {
            found.get(found.partition_point(|at| *at < from)).copied()
        };
        let mut spans = Vec::new();
        let mut at = 0;
        loop {
            let (start, kind) = match (first_from(&doubles, at), first_from(&singles, at)) {
                (Some(d), Some(s)) if s < d => (s, &singles),
                (Some(d), _) => (d, &doubles),
                (None, Some(s)) => (s, &singles),
                (None, None) => break,
            };
            let open = start + 3;
            match first_from(kind, open) {
                Some(close) => {
                    spans.push((open, close));
                    at = close + 3;
                }
                None => {
                    spans.push((open, bytes.len()));
                    break;
                }
            }
        }
        TripleQuotes { spans }
    }

    fn inside_at(&self, offset: usize) -> bool {
        let index = self.spans.partition_point(|(start, _)| *start <= offset);
        index > 0
            && self
                .spans
                .get(index - 1)
                .is_some_and(|(_, end)| offset <= *end)
    }
}

fn is_word_byte(b: u8) -> bool {
    b == b'_' || b.is_ascii_alphanumeric()
}

/// The identifier that `text` starts with.
fn word_at_start(text: &str) -> &str {
    let end = text.bytes().take_while(|b| is_word_byte(*b)).count();
    text.get(..end).unwrap_or_default()
}

/// The identifier that `text` ends with.
fn word_at_end(text: &str) -> &str {
    let len = text.bytes().rev().take_while(|b| is_word_byte(*b)).count();
    let word = text.get(text.len() - len..).unwrap_or_default();
    if word.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return "";
    }
    word
}

/// The names the text's import statements bind, at any indentation (a
/// parenthesized list may go on over lines), with the dotted name each
/// names as written: `("u", "app.util")` for `import app.util as u`,
/// `("app", "app")` for `import app.util`, `("load", ".io.load")` for
/// `from .io import load`.
fn imported_names(text: &str) -> Vec<(&str, String)> {
    let mut names = Vec::new();
    let bytes = text.as_bytes();
    for at in memmem::find_iter(bytes, b"import ") {
        let start = bytes
            .get(..at)
            .and_then(|b| memchr::memrchr(b'\n', b))
            .map_or(0, |n| n + 1);
        let Some(head) = text.get(start..at) else {
            continue;
        };
        let head = head.trim();
        let from = match head.strip_prefix("from ") {
            Some(module) => Some(module.trim()),
            None if head.is_empty() => None,
            None => continue,
        };
        if from.is_some_and(|module| module.is_empty() || module.contains(char::is_whitespace)) {
            continue;
        }
        let after = text.get(at + "import ".len()..).unwrap_or_default();
        let list = if let Some(inner) = after.trim_start().strip_prefix('(') {
            inner.split(')').next().unwrap_or_default()
        } else {
            after.split(['\n', ';', '#']).next().unwrap_or_default()
        };
        for item in list.split(',') {
            let mut parts = item.split_whitespace();
            let Some(first) = parts.next() else {
                continue;
            };
            let first = first.trim_end_matches('\\');
            let alias = match (parts.next(), parts.next()) {
                (Some("as"), Some(alias)) => Some(word_at_start(alias)),
                _ => None,
            };
            let (name, target) = match from {
                Some(module) => {
                    let separator = if module.ends_with('.') { "" } else { "." };
                    (
                        alias.unwrap_or(word_at_start(first)),
                        format!("{module}{separator}{first}"),
                    )
                }
                None => match alias {
                    Some(alias) => (alias, first.to_string()),
                    None => {
                        let top = first.split('.').next().unwrap_or(first);
                        (word_at_start(top), top.to_string())
                    }
                },
            };
            if !name.is_empty() && first != "*" {
                names.push((name, target));
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::{CallText, TextFacts, imported_names};

    fn facts(text: &str) -> TextFacts {
        TextFacts::of(text, "app.mod", false)
    }

    fn blocks(facts: &TextFacts, name: &str) -> bool {
        facts.defs.get(name).is_some_and(|def| def.blocks)
    }

    #[test]
    fn functions_whose_text_spells_a_blocking_call() {
        let found = facts(
            "import requests\nimport time as t\nfrom pathlib import Path\n\ndef fetch(u):\n    return requests.get(u)\n\nclass C:\n    def wait(self):\n        t.sleep(1)\n    async def run(self):\n        open('f')\n\ndef reads(p):\n    with open(p) as f:\n        return f.read()\n\ndef text(p):\n    return Path(p).read_text()\n",
        );
        for name in ["fetch", "wait", "reads", "text"] {
            assert!(blocks(&found, name), "{name}");
        }
        assert!(!blocks(
            &facts("def method(x):\n    return x.open()\n"),
            "method"
        ));
        for name in ["run", "C"] {
            assert!(!blocks(&found, name), "{name}");
        }
        // `get` is a blocking call's name only where `requests` is named.
        assert!(!blocks(
            &facts("def quiet(d):\n    return d.get(1)\n"),
            "quiet"
        ));
    }

    #[test]
    fn calls_a_chain_may_follow() {
        let found = facts(
            "from app import leaf, other as leaf2\nfrom . import io as tools\n\ndef one():\n    return leaf()\n\ndef two():\n    x.y.three()\n    # leaf()\n    '''\n    leaf()\n'''\n    return tools.one()\n\nclass K:\n    def three(self):\n        self.two()\n",
        );
        let calls = |name: &str| -> Vec<String> {
            found
                .defs
                .get(name)
                .map(|def| {
                    def.calls
                        .iter()
                        .map(|call| match call {
                            CallText::Bare(w) => w.to_string(),
                            CallText::Own(w) => format!("self.{w}"),
                            CallText::Imported(r, w) => format!("{r}.{w}"),
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(calls("one"), ["leaf"]);
        assert_eq!(calls("two"), ["tools.one"]);
        assert_eq!(calls("three"), ["self.two"]);
        assert_eq!(&*found.imports["tools"], "app.io");
        assert_eq!(&*found.imports["leaf2"], "app.other");
    }

    #[test]
    fn bodies_end_where_the_indentation_does() {
        let found = facts(
            "import subprocess\ndef a():\n    def inner():\n        pass\n    return 1\nx = subprocess.run(['x'])\ndef b(\n    y=1,\n):\n    return subprocess.run(y)\n",
        );
        assert!(!blocks(&found, "a"));
        assert!(blocks(&found, "b"));
    }

    #[test]
    fn import_statements() {
        let names = imported_names(
            "import os, app.util as u\nfrom .io import (\n    load,\n    save as keep,\n)\nfrom .. import pkg\n    from x.y import *\n",
        );
        assert_eq!(
            names,
            [
                ("os", "os".to_string()),
                ("u", "app.util".to_string()),
                ("load", ".io.load".to_string()),
                ("keep", ".io.save".to_string()),
                ("pkg", "..pkg".to_string()),
            ]
        );
    }
}
