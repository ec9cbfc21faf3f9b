//! Who may read a module's names: the reverse question asked before a fix
//! removes an import its module no longer uses (`import time` in `mod.py`,
//! where `main.py` does `from mod import time` or reads `mod.time`).
//!
//! The answer comes from the text of the project's files, never a parse,
//! and errs towards "may": an import left unused costs nothing, a removed
//! one another module needs is an `ImportError` at run time. The table of
//! the files that name each module is part of the one scan of the project
//! (see [`super::scan`]), made on the first question that needs any of it;
//! each question then reads the few files that name the module again,
//! looking for the name (and, where a file may hold the module under
//! another name, for words that read whole namespaces).

use std::path::{Path, PathBuf};

use memchr::memmem;
use rustc_hash::{FxHashMap, FxHashSet};

use super::layout::is_identifier;

/// How many module names a question may follow through modules that pass
/// the module on (`import mod as m`, `helper = mod`) before it answers "may".
const MAX_REACH: usize = 64;

/// Words of a file that reads whole namespaces: a module it holds may
/// have any name read.
const NAMESPACE_WORDS: &[&str] = &[
    "getattr",
    "vars",
    "dir",
    "__dict__",
    "getmembers",
    "globals",
];

/// One file of the project, as the table sees it.
#[derive(Debug, Clone)]
struct ReaderFile {
    path: PathBuf,
    /// The name an import of it uses: its stem, or its package's name for
    /// an `__init__.py`.
    word: Option<Box<str>>,
    /// It has an import relative to its own package with no module name
    /// (`from . import x`, `from .. import *`): it reaches a package's
    /// `__init__` without naming it.
    relative_package: bool,
    /// It reaches the module run as the program (`import __main__`,
    /// `sys.modules["__main__"]`): any name of a file that may run as
    /// `__main__`.
    reads_main: bool,
}

/// What some files of a project add to the table of readers: the part of
/// the files one thread of a scan read (see [`Readers::add_parts`]).
#[derive(Debug, Default)]
pub(super) struct Mentions {
    /// The files with an import relative to their own package with no
    /// module name (see [`ReaderFile::relative_package`]).
    relative_package: Vec<u32>,
    /// The files that reach the module run as the program (see
    /// [`ReaderFile::reads_main`]).
    reads_main: Vec<u32>,
    /// As [`Readers::mentions`].
    mentions: FxHashMap<Box<str>, Vec<(u32, bool)>>,
}

/// What one file's text adds to the table of readers, as the index's
/// cache keeps it (see [`Mentions::add_found`]).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct FileMentions {
    /// The module words the text names, each with whether the file may
    /// pass the module on.
    mentions: Vec<(Box<str>, bool)>,
    relative_package: bool,
    reads_main: bool,
}

impl FileMentions {
    /// What the text `text` names of the module words `words`.
    pub(super) fn of_text(text: &[u8], words: &Words, finders: &Finders) -> FileMentions {
        let found = scan_text(text, words, finders);
        let mut mentions: Vec<(Box<str>, bool)> = found
            .mentions
            .into_iter()
            .map(|(word, passes_on)| (word.into(), passes_on))
            .collect();
        mentions.sort_unstable();
        FileMentions {
            mentions,
            relative_package: found.relative_package,
            reads_main: found.reads_main,
        }
    }
}

impl Mentions {
    /// Adds what the file numbered `at` shows, as [`FileMentions::of_text`]
    /// found it.
    pub(super) fn add_found(&mut self, at: usize, found: FileMentions) {
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        if found.relative_package {
            self.relative_package.push(at);
        }
        if found.reads_main {
            self.reads_main.push(at);
        }
        for (word, passes_on) in found.mentions {
            self.mentions.entry(word).or_default().push((at, passes_on));
        }
    }

    /// Adds what the text of the file numbered `at` shows.
    pub(super) fn add_text(&mut self, at: usize, text: &[u8], words: &Words, finders: &Finders) {
        let found = scan_text(text, words, finders);
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        if found.relative_package {
            self.relative_package.push(at);
        }
        if found.reads_main {
            self.reads_main.push(at);
        }
        for (word, passes_on) in found.mentions {
            self.mentions
                .entry(word.into())
                .or_default()
                .push((at, passes_on));
        }
    }
}

/// The table built by the first question (see the module's documentation).
#[derive(Debug, Default)]
pub struct Readers {
    files: Vec<ReaderFile>,
    /// For each module word of the project (a file's stem, a package's
    /// directory name), the files whose text names it, with whether the
    /// file may pass the module on: the word on an import line with `as`
    /// or `*`, or used as a value (not followed by `.`).
    mentions: FxHashMap<Box<str>, Vec<(u32, bool)>>,
}

impl Readers {
    /// The table of the files at `paths` (every Python file of the project,
    /// numbered in that order), before any is read; and the module words
    /// their text is searched for.
    pub(super) fn of_files(paths: Vec<PathBuf>) -> (Readers, Words) {
        let files: Vec<ReaderFile> = paths
            .into_iter()
            .map(|path| ReaderFile {
                word: module_word(&path),
                path,
                relative_package: false,
                reads_main: false,
            })
            .collect();
        let words = files.iter().filter_map(|f| f.word.clone()).collect();
        let readers = Readers {
            files,
            mentions: FxHashMap::default(),
        };
        (readers, words)
    }

    /// The file numbered `at`.
    pub(super) fn path_at(&self, at: usize) -> Option<&Path> {
        self.files.get(at).map(|f| f.path.as_path())
    }

    /// The file numbered `at`.
    pub(super) fn path(&self, at: u32) -> Option<&Path> {
        self.path_at(usize::try_from(at).ok()?)
    }

    /// Adds what the threads of a scan found (see [`Mentions`]): the table
    /// is then as one thread reading every file in order would make it.
    pub(super) fn add_parts(&mut self, parts: Vec<Mentions>) {
        for part in parts {
            for at in part.relative_package {
                if let Some(file) = self.files.get_mut(at as usize) {
                    file.relative_package = true;
                }
            }
            for at in part.reads_main {
                if let Some(file) = self.files.get_mut(at as usize) {
                    file.reads_main = true;
                }
            }
            for (word, files) in part.mentions {
                self.mentions.entry(word).or_default().extend(files);
            }
        }
        for files in self.mentions.values_mut() {
            files.sort_unstable();
        }
    }

    /// The table, in an order that does not depend on how it was filled.
    #[cfg(test)]
    pub(super) fn canonical(&self) -> String {
        let mut mentions: Vec<_> = self.mentions.iter().collect();
        mentions.sort();
        let files: Vec<_> = self
            .files
            .iter()
            .map(|f| (&f.path, &f.word, f.relative_package, f.reads_main))
            .collect();
        format!("{files:?} {mentions:?}")
    }

    /// Each file of the table, as a copy (the table a scan fills), and
    /// the module words their text is searched for.
    pub(super) fn copy_files(&self) -> (Readers, Words) {
        let readers = Readers {
            files: self.files.clone(),
            mentions: FxHashMap::default(),
        };
        let words = readers
            .files
            .iter()
            .filter_map(|f| f.word.clone())
            .collect();
        (readers, words)
    }

    /// The numbers of the files whose text names the module word `word`.
    pub(super) fn files_naming_word(&self, word: &str) -> impl Iterator<Item = u32> + '_ {
        self.mentions
            .get(word)
            .into_iter()
            .flatten()
            .map(|&(file, _)| file)
    }

    /// The module word of the file numbered `at` (see [`module_word`]).
    pub(super) fn word(&self, at: u32) -> Option<&str> {
        self.files.get(at as usize)?.word.as_deref()
    }

    /// Whether a project file other than `module_file` may read the name
    /// `name` of the module in `module_file`. A file that names the module
    /// only in plain imports and attribute reads (`import mod`, `mod.job()`)
    /// may read it when it spells `mod.name` or imports `name` in a
    /// statement that names the module; a file that may hold the module
    /// under another name (`import mod as m`, `helper = mod`, a star
    /// import, `import_module("mod")`, `from . import x` inside a package) may read
    /// it when it spells the name at all, or reads whole namespaces
    /// (`getattr`, `vars`, `dir`, `__dict__`, `globals`); the first kind
    /// also when it reads one of the module's dunders (`mod.__dict__`
    /// lists every name without spelling one).
    pub fn may_read(&self, module_file: &Path, name: &str) -> bool {
        // A file that reaches the program's `__main__` module reads the
        // names of any file that may run as one (every file but a
        // package's `__init__`), under that name.
        let may_run_as_main = module_file
            .file_stem()
            .is_some_and(|stem| stem != "__init__");
        if may_run_as_main {
            let finder = memmem::Finder::new(name.as_bytes());
            let finders = Finders::new();
            if self.files.iter().any(|file| {
                file.reads_main
                    && file.path != module_file
                    && super::read_file(&file.path).map_or(true, |bytes| {
                        has_word(&bytes, &finder) || reads_namespaces(&bytes, &finders)
                    })
            }) {
                return true;
            }
        }
        let Some(own) = module_word(module_file) else {
            // No import statement can name it (`my-tool.py`).
            return false;
        };
        if !self.files.iter().any(|f| f.word.as_ref() == Some(&own)) {
            // A file the table has no word for (`--stdin-filename` naming
            // a file that does not exist): any file that spells both.
            let module = memmem::Finder::new(own.as_bytes());
            let finder = memmem::Finder::new(name.as_bytes());
            return self.files.iter().any(|file| {
                file.path != module_file
                    && super::read_file(&file.path).map_or(true, |bytes| {
                        has_word(&bytes, &module) && has_word(&bytes, &finder)
                    })
            });
        }
        let package = module_file
            .file_name()
            .is_some_and(|n| n == "__init__.py" || n == "__init__.pyi");
        // The words that reach the module: its own, and those of the files
        // that may pass it on, transitively; each file that names one,
        // with whether it may hold the module under another name.
        let mut reach: Vec<Box<str>> = vec![own];
        let mut candidates: FxHashMap<u32, bool> = FxHashMap::default();
        let mut next = 0;
        while let Some(word) = reach.get(next).cloned() {
            next += 1;
            if reach.len() > MAX_REACH {
                return true;
            }
            // A file that names a module passing this one on may reach it
            // through anything that module holds (`helpers.registry["m"]`).
            let passed_on = next > 1;
            for &(file, loose) in self.mentions.get(&word).into_iter().flatten() {
                *candidates.entry(file).or_insert(false) |= loose || passed_on;
                if loose
                    && let Some(passer) = self.files.get(file as usize)
                    && passer.path != module_file
                    && let Some(word) = &passer.word
                    && !reach.contains(word)
                {
                    reach.push(word.clone());
                }
            }
        }
        // `from . import x` reaches the package of the file it is in.
        let package_dir = module_file.parent().filter(|_| package);
        for (at, file) in self.files.iter().enumerate() {
            if file.relative_package && package_dir.is_some_and(|dir| file.path.starts_with(dir)) {
                candidates.insert(u32::try_from(at).unwrap_or(u32::MAX), true);
            }
        }
        let finder = memmem::Finder::new(name.as_bytes());
        let finders = Finders::new();
        let mut sorted: Vec<(u32, bool)> = candidates.into_iter().collect();
        sorted.sort_unstable();
        sorted.into_iter().any(|(at, loose)| {
            let Some(file) = self.files.get(at as usize) else {
                return true;
            };
            if file.path == module_file {
                return false;
            }
            let Ok(bytes) = super::read_file(&file.path) else {
                return true;
            };
            if loose {
                reads_namespaces(&bytes, &finders)
                    || spells_name(&bytes, &finder, &finders, |statement| {
                        names_any(statement, &reach)
                    })
            } else {
                // `app.jobs.__dict__` lists every name without spelling one.
                (has_word(&bytes, &finder) || reads_namespaces(&bytes, &finders))
                    && reads_through(&bytes, &reach, name)
            }
        })
    }

    /// Whether a file other than `module_file` may read the private name
    /// `name` (`_asyncio`) if a fix adds it to that module: a file that
    /// spells it anywhere but in a comment or an import statement that
    /// names no module of the project (`from anyio._backends import
    /// _asyncio` binds the file's own). Unlike [`Self::may_read`], this
    /// does not follow who holds the module: a private name is spelled
    /// wherever it is read by name, and a star import skips it. Reads of
    /// whole namespaces (`vars(mod)`, `dir(mod)`) are assumed not to care
    /// about a private name they did not know of (the fix's documented
    /// assumption).
    ///
    /// `may_spell` says whether the file numbered so may spell `name` as
    /// a whole word (`false` only when it surely does not): the others are
    /// not read.
    pub fn may_read_new_private(
        &self,
        module_file: &Path,
        name: &str,
        may_spell: impl Fn(usize) -> bool,
    ) -> bool {
        let finder = memmem::Finder::new(name.as_bytes());
        let finders = Finders::new();
        let project_words: Vec<&str> = self
            .files
            .iter()
            .filter_map(|file| file.word.as_deref())
            .filter(|&word| word != name)
            .collect();
        let words: FxHashSet<&[u8]> = project_words.iter().map(|w| w.as_bytes()).collect();
        self.files.iter().enumerate().any(|(at, file)| {
            file.path != module_file
                && may_spell(at)
                && super::read_file(&file.path).map_or(true, |bytes| {
                    spells_name(&bytes, &finder, &finders, |statement| {
                        identifiers(statement)
                            .iter()
                            .any(|&(_, _, token)| words.contains(token))
                    })
                })
        })
    }
}

/// Whether `text` spells the name `finder` looks for where it may read
/// it from another module: anywhere but in a comment or in an import
/// statement `reads` says binds a name of the file's own (`from
/// anyio._backends import _asyncio`) rather than reading the module's. A
/// relative import naming no module (`from . import x`) always may.
fn spells_name(
    text: &[u8],
    finder: &memmem::Finder,
    finders: &Finders,
    reads: impl Fn(&[u8]) -> bool,
) -> bool {
    if !has_word(text, finder) {
        return false;
    }
    let mut lines = Lines::with_imports(text, finders, |_| {});
    let len = finder.needle().len();
    finder.find_iter(text).any(|at| {
        if !is_token(text, at, len) {
            return false;
        }
        if lines.outside_import(at).is_some() {
            return true;
        }
        let after = lines.statements.partition_point(|&(start, _)| start <= at);
        match after.checked_sub(1).and_then(|i| lines.statements.get(i)) {
            Some(&(start, end)) if at <= end => {
                let statement = text.get(start..end).unwrap_or_default();
                is_relative_package_import(statement) || reads(statement)
            }
            // In a comment.
            _ => false,
        }
    })
}

/// Whether the import statement `statement` names one of `words`.
fn names_any(statement: &[u8], words: &[Box<str>]) -> bool {
    identifiers(statement)
        .iter()
        .any(|&(_, _, token)| words.iter().any(|w| w.as_bytes() == token))
}

/// Whether `text` spells `word.name` (or `word.__dunder__`) for one of the
/// `words`, or imports `name` in an import statement that names one.
fn reads_through(text: &[u8], words: &[Box<str>], name: &str) -> bool {
    let is_reach = |token: &[u8]| words.iter().any(|w| w.as_bytes() == token);
    let mut statement_names_module = false;
    let mut statement_names_name = false;
    let mut in_import = false;
    let mut continued = false;
    let mut open_parens = false;
    for line in text.split(|&b| b == b'\n') {
        let line = without_comment(line);
        let tokens = identifiers(line);
        let starts_import = tokens.iter().any(|(_, _, w)| *w == b"import");
        if !(continued || open_parens) {
            in_import = starts_import;
            statement_names_module = false;
            statement_names_name = false;
        } else {
            in_import |= starts_import;
        }
        for (position, &(_, end, token)) in tokens.iter().enumerate() {
            if in_import {
                statement_names_module |= is_reach(token);
                statement_names_name |= token == name.as_bytes();
            }
            if !is_reach(token) {
                continue;
            }
            // `word . attribute` on this line.
            let rest = line.get(end..).unwrap_or_default();
            let gap = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
            if rest.get(gap) != Some(&b'.') {
                continue;
            }
            if let Some(&(next_start, _, attribute)) = tokens.get(position + 1)
                && line
                    .get(end + gap + 1..next_start)
                    .is_some_and(|between| between.iter().all(u8::is_ascii_whitespace))
                && (attribute == name.as_bytes() || attribute.starts_with(b"__"))
            {
                return true;
            }
        }
        if in_import && statement_names_module && statement_names_name {
            return true;
        }
        if line.contains(&b'(') && !line.contains(&b')') {
            open_parens |= in_import;
        } else if open_parens && line.contains(&b')') {
            open_parens = false;
        }
        continued = line
            .iter()
            .rev()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'\\');
    }
    false
}

/// The name an import statement uses for the module in `path`: its stem,
/// or for an `__init__` its directory's name; `None` when that is no
/// identifier.
pub fn module_word(path: &Path) -> Option<Box<str>> {
    let stem = path.file_stem()?.to_str()?;
    let word = if stem == "__init__" {
        path.parent()?.file_name()?.to_str()?
    } else {
        stem
    };
    is_identifier(word).then(|| word.into())
}

fn is_word_byte(byte: u8) -> bool {
    byte == b'_' || byte.is_ascii_alphanumeric() || byte >= 0x80
}

/// Whether `text` holds the word `finder` looks for, not as part of a
/// longer identifier.
pub(super) fn has_word(text: &[u8], finder: &memmem::Finder) -> bool {
    let len = finder.needle().len();
    finder.find_iter(text).any(|at| {
        let before = at.checked_sub(1).and_then(|b| text.get(b));
        let after = text.get(at + len);
        !before.is_some_and(|&b| is_word_byte(b)) && !after.is_some_and(|&b| is_word_byte(b))
    })
}

#[derive(Default)]
struct TextScan<'w> {
    mentions: FxHashMap<&'w str, bool>,
    relative_package: bool,
    reads_main: bool,
}

/// The searchers one file's scan needs, made once per project.
pub(super) struct Finders {
    import: memmem::Finder<'static>,
    namespace: Vec<memmem::Finder<'static>>,
}

impl Finders {
    pub(super) fn new() -> Finders {
        Finders {
            import: memmem::Finder::new(b"import"),
            namespace: NAMESPACE_WORDS
                .iter()
                .map(|w| memmem::Finder::new(w.as_bytes()))
                .collect(),
        }
    }
}

/// The module words one file's text names, and its flags, read as lines
/// (split at `\n`, each cut at a comment): a line holding the word
/// `import`, or inside the parentheses or after the backslash of one, is
/// an import line, and every module word on it counts. A word outside
/// import lines counts when the file imports something by that word, or
/// from its first spelling as part of a dotted path (`pkg.mod`,
/// `"mod.time"`) on. The file is searched with `memchr` for the few places
/// that can matter (the word `import`, a `.` or a quote before a word, the
/// words already found); only import lines are split into words.
fn scan_text<'w>(text: &[u8], words: &'w Words, finders: &Finders) -> TextScan<'w> {
    let mut scan = TextScan {
        reads_main: reads_main_module(text),
        ..TextScan::default()
    };
    let mut lines = Lines::with_imports(text, finders, |line| import_line(line, words, &mut scan));
    // Each word an import line names, wherever it is used.
    let imported: Vec<&'w str> = scan.mentions.keys().copied().collect();
    for word in imported {
        let value = lines.used_as_value(word, 0);
        if let Some(entry) = scan.mentions.get_mut(word) {
            *entry |= value;
        }
    }
    // Words spelled as part of a path: from the first such spelling on,
    // every use of the word counts.
    let mut first_qualified: Vec<(&'w str, usize)> = Vec::new();
    for at in memchr::memchr3_iter(b'.', b'"', b'\'', text) {
        let start = at + 1;
        if !text
            .get(start)
            .is_some_and(|&b| is_word_byte(b) && !b.is_ascii_digit())
        {
            continue;
        }
        let end = start
            + text
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&b| is_word_byte(b))
                .count();
        let Some(word) = lookup(words, text.get(start..end).unwrap_or_default()) else {
            continue;
        };
        if scan.mentions.contains_key(word)
            || first_qualified.iter().any(|&(w, _)| w == word)
            || lines.outside_import(start).is_none()
        {
            continue;
        }
        first_qualified.push((word, start));
    }
    for (word, from) in first_qualified {
        let value = lines.used_as_value(word, from);
        scan.mentions.insert(word, value);
    }
    scan
}

/// Whether `text` may reach the module run as the program: an import of
/// `__main__` (`import __main__`, `from __main__ import loop`), or the
/// string `"__main__"` as a subscript or an argument
/// (`sys.modules["__main__"]`, `sys.modules.get("__main__")`,
/// `import_module("__main__")`). The guard's comparison (`if __name__ ==
/// "__main__":`) and other text (`"<Key(__main__.key)>"`) are not.
fn reads_main_module(text: &[u8]) -> bool {
    memmem::find_iter(text, b"__main__").any(|at| {
        let before = text.get(..at).unwrap_or_default();
        let after = text.get(at + b"__main__".len()..).unwrap_or_default();
        if after.first().is_some_and(|&b| is_word_byte(b)) {
            return false;
        }
        let quote = match before.last() {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => {
                // `import __main__`, `from __main__ import …`.
                let left = before.trim_ascii_end();
                let keyword = |word: &[u8]| {
                    left.strip_suffix(word).is_some_and(|rest| {
                        !rest.last().is_some_and(|&b| is_word_byte(b) || b == b'.')
                    })
                };
                return before.len() > left.len() && (keyword(b"import") || keyword(b"from"));
            }
        };
        // A string of its own, opened right after `[` or `(`.
        if after.first() != Some(&quote) {
            return false;
        }
        let left = before
            .get(..before.len().saturating_sub(1))
            .unwrap_or_default()
            .trim_ascii_end();
        matches!(left.last(), Some(b'[' | b'(' | b','))
    })
}

/// What an import line adds: each module word it names, passed on when
/// the line has `as` or `*`.
fn import_line<'w>(line: &[u8], words: &'w Words, scan: &mut TextScan<'w>) {
    let tokens = identifiers(line);
    let passes_on = tokens.iter().any(|(_, _, w)| *w == b"as") || line.contains(&b'*');
    if is_relative_package_import(line) {
        scan.relative_package = true;
    }
    for (_, _, word) in &tokens {
        if let Some(known) = lookup(words, word) {
            let entry = scan.mentions.entry(known).or_insert(false);
            *entry |= passes_on;
        }
    }
}

/// Whether `text` reads whole namespaces (`getattr`, `vars`, `dir`,
/// `__dict__`, `getmembers`, `globals` outside import lines and comments):
/// a module it holds may have any name read.
fn reads_namespaces(text: &[u8], finders: &Finders) -> bool {
    let mut lines = Lines::with_imports(text, finders, |_| {});
    finders.namespace.iter().any(|finder| {
        let len = finder.needle().len();
        finder
            .find_iter(text)
            .any(|at| is_token(text, at, len) && lines.outside_import(at).is_some())
    })
}

/// Whether the `len` bytes at `at` are a whole word (no word byte on
/// either side).
fn is_token(text: &[u8], at: usize, len: usize) -> bool {
    let before = at.checked_sub(1).and_then(|b| text.get(b));
    let after = text.get(at + len);
    !before.is_some_and(|&b| is_word_byte(b)) && !after.is_some_and(|&b| is_word_byte(b))
}

/// The lines of one file's text, as far as the scan has looked.
struct Lines<'t> {
    text: &'t [u8],
    /// The import lines, in order, as (start, end) byte offsets.
    imports: Vec<(usize, usize)>,
    /// The import statements, in order, as (start, end) byte offsets: the
    /// lines of one statement together.
    statements: Vec<(usize, usize)>,
    /// The last line asked about: its start, end, and where its comment starts.
    last: Option<(usize, usize, usize)>,
}

impl<'t> Lines<'t> {
    /// The lines of `text`, its import lines found: each line holding the
    /// word `import` outside a comment, and the lines its backslashes and
    /// parentheses continue to; `on_import` sees each, cut at its comment.
    fn with_imports(
        text: &'t [u8],
        finders: &Finders,
        mut on_import: impl FnMut(&[u8]),
    ) -> Lines<'t> {
        let mut lines = Lines {
            text,
            imports: Vec::new(),
            statements: Vec::new(),
            last: None,
        };
        let mut covered = 0;
        for at in finders.import.find_iter(text) {
            if at < covered || !is_token(text, at, b"import".len()) {
                continue;
            }
            let (start, _, cut) = lines.around(at);
            if at >= cut {
                continue;
            }
            let mut line_start = start;
            let mut open_parens = false;
            loop {
                let line_end = memchr::memchr(b'\n', text.get(line_start..).unwrap_or_default())
                    .map_or(text.len(), |i| line_start + i);
                let line = without_comment(text.get(line_start..line_end).unwrap_or_default());
                on_import(line);
                lines.imports.push((line_start, line_end));
                if line.contains(&b'(') && !line.contains(&b')') {
                    open_parens = true;
                } else if open_parens && line.contains(&b')') {
                    open_parens = false;
                }
                let continued = line
                    .iter()
                    .rev()
                    .find(|b| !b.is_ascii_whitespace())
                    .is_some_and(|&b| b == b'\\');
                covered = line_end + 1;
                if !(continued || open_parens) || line_end >= text.len() {
                    lines.statements.push((start, line_end));
                    break;
                }
                line_start = line_end + 1;
            }
        }
        lines
    }

    /// The line holding byte `at`: its start, its end (the `\n` or the
    /// end of the text), and the end of its text before any comment.
    fn around(&mut self, at: usize) -> (usize, usize, usize) {
        if let Some(last @ (start, end, _)) = self.last
            && start <= at
            && at < end
        {
            return last;
        }
        let start =
            memchr::memrchr(b'\n', self.text.get(..at).unwrap_or_default()).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', self.text.get(at..).unwrap_or_default())
            .map_or(self.text.len(), |i| at + i);
        let cut = start + without_comment(self.text.get(start..end).unwrap_or_default()).len();
        self.last = Some((start, end, cut));
        (start, end, cut)
    }

    /// For a word at byte `at`: the end of its line's text before any
    /// comment, when the word is on no import line and before the comment.
    fn outside_import(&mut self, at: usize) -> Option<usize> {
        let after = self.imports.partition_point(|&(start, _)| start <= at);
        if after > 0
            && let Some(&(start, end)) = self.imports.get(after - 1)
            && start <= at
            && at <= end
        {
            return None;
        }
        let (_, _, cut) = self.around(at);
        (at < cut).then_some(cut)
    }

    /// Whether `word`, from byte `from` on, is used outside import lines
    /// other than before a `.` on its line (as a value, not a module read
    /// through).
    fn used_as_value(&mut self, word: &str, from: usize) -> bool {
        let finder = memmem::Finder::new(word.as_bytes());
        let text = self.text;
        let rest = text.get(from..).unwrap_or_default();
        for found in finder.find_iter(rest) {
            let at = from + found;
            let end = at + word.len();
            if !is_token(text, at, word.len()) {
                continue;
            }
            // `word.attribute` (the common case) is no value wherever it
            // is: the line need not be looked at.
            let next = text
                .get(end..)
                .unwrap_or_default()
                .iter()
                .find(|&&b| b == b'\n' || !b.is_ascii_whitespace());
            if next == Some(&b'.') {
                continue;
            }
            let Some(cut) = self.outside_import(at) else {
                continue;
            };
            let after = text.get(end..cut).unwrap_or_default();
            if after.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'.') {
                return true;
            }
        }
        false
    }
}

/// The line up to a `#` outside the quotes opened on it.
fn without_comment(line: &[u8]) -> &[u8] {
    let mut quote = None;
    let mut escaped = false;
    for (at, &byte) in line.iter().enumerate() {
        match quote {
            Some(open) => {
                if escaped {
                    escaped = false;
                } else if byte == b'\\' {
                    escaped = true;
                } else if byte == open {
                    quote = None;
                }
            }
            None if byte == b'#' => return line.get(..at).unwrap_or(line),
            None if byte == b'"' || byte == b'\'' => quote = Some(byte),
            None => {}
        }
    }
    line
}

/// The module words of a project (see [`Readers::of_files`]), looked up
/// by their bytes. Most words of a text are none of them (every attribute
/// after a `.`): a table of the (first byte, length) pairs the words have
/// turns most away before any hashing.
pub(super) struct Words {
    set: FxHashSet<Box<[u8]>>,
    /// One bit per (first byte, length), each taken modulo 64.
    shapes: Box<[u64; 64]>,
}

impl Words {
    /// The bit of `shapes` for a word, as (word of the table, bit).
    fn shape(word: &[u8]) -> Option<(usize, u64)> {
        let first = *word.first()?;
        Some((usize::from(first % 64), 1 << (word.len() % 64)))
    }

    /// A hash of the words, whatever the order they were listed in.
    pub(super) fn digest(&self) -> u128 {
        let mut words: Vec<&[u8]> = self.set.iter().map(|w| &w[..]).collect();
        words.sort_unstable();
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for word in words {
            hasher.update(&(word.len() as u64).to_le_bytes());
            hasher.update(word);
        }
        hasher.digest128()
    }

    pub(super) fn get(&self, word: &[u8]) -> Option<&str> {
        let (at, bit) = Self::shape(word)?;
        if self.shapes.get(at).is_none_or(|bits| bits & bit == 0) {
            return None;
        }
        self.set.get(word).and_then(|w| std::str::from_utf8(w).ok())
    }
}

impl FromIterator<Box<str>> for Words {
    fn from_iter<I: IntoIterator<Item = Box<str>>>(words: I) -> Words {
        let set: FxHashSet<Box<[u8]>> = words.into_iter().map(Box::<[u8]>::from).collect();
        let mut shapes = Box::new([0u64; 64]);
        for word in &set {
            if let Some((at, bit)) = Self::shape(word)
                && let Some(bits) = shapes.get_mut(at)
            {
                *bits |= bit;
            }
        }
        Words { set, shapes }
    }
}

fn lookup<'w>(words: &'w Words, word: &[u8]) -> Option<&'w str> {
    words.get(word)
}

/// `from . import x`, `from .. import *`: a relative import naming no module.
fn is_relative_package_import(line: &[u8]) -> bool {
    let trimmed = line.trim_ascii_start();
    let Some(rest) = trimmed.strip_prefix(b"from") else {
        return false;
    };
    let rest = rest.trim_ascii_start();
    let dots = rest.iter().take_while(|&&b| b == b'.').count();
    dots > 0
        && rest
            .get(dots..)
            .is_some_and(|r| r.trim_ascii_start().starts_with(b"import"))
}

/// The identifiers of a line, each with its start and the offset just past it.
fn identifiers(line: &[u8]) -> Vec<(usize, usize, &[u8])> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < line.len() {
        let Some(&byte) = line.get(at) else { break };
        if is_word_byte(byte) && !byte.is_ascii_digit() {
            let start = at;
            while line.get(at).is_some_and(|&b| is_word_byte(b)) {
                at += 1;
            }
            found.push((start, at, line.get(start..at).unwrap_or_default()));
        } else if byte.is_ascii_digit() {
            while line.get(at).is_some_and(|&b| is_word_byte(b)) {
                at += 1;
            }
        } else {
            at += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::layout::Layout;
    use super::super::scan::ProjectScan;
    use super::*;
    use proptest::prelude::*;

    fn project(files: &[(&str, &str)]) -> (tempfile::TempDir, Readers) {
        let dir = crate::test_support::project_tree(files);
        let readers = ProjectScan::of_project(&Layout::at(dir.path().to_path_buf()), true).readers;
        (dir, readers)
    }

    const MOD: (&str, &str) = (
        "mod.py",
        "import time\n\nasync def job():\n    time.sleep(0.01)\n",
    );

    fn may_read(files: &[(&str, &str)], module: &str, name: &str) -> bool {
        let (dir, readers) = project(files);
        readers.may_read(&dir.path().join(module), name)
    }

    #[test]
    fn importers_that_read_the_name() {
        for main in [
            "from mod import job, time\n",
            "import mod\nprint(mod.time.monotonic())\n",
            "import mod as m\nm.time\n",
            "from mod import *\nprint(time.time())\n",
            "import importlib\nm = importlib.import_module('mod')\nm.time\n",
            "from unittest import mock\n@mock.patch('mod.time.sleep')\ndef test(): pass\n",
            "import mod\nprint(sorted(k for k in mod.__dict__ if k[0] != '_'))\n",
            "import mod\nprint(sorted(vars(mod)))\n",
            "import mod\nprint(dir(mod))\n",
            "import mod\nprint(getattr(mod, name))\n",
            "import mod\nprint(getattr(mod, name))\n",
            "from mod import (\n    job,\n    time,\n)\n",
        ] {
            assert!(
                may_read(&[MOD, ("main.py", main)], "mod.py", "time"),
                "{main}"
            );
        }
    }

    #[test]
    fn readers_of_the_main_module_read_any_script() {
        let script = (
            "main.py",
            "import asyncio\nloop = asyncio.get_event_loop()\n",
        );
        for reader in [
            "import sys\nscript = sys.modules['__main__']\nprint(script.loop)\n",
            "import sys\nprint(sys.modules[\"__main__\"].loop)\n",
            "import __main__\n__main__.loop.stop()\n",
            "from __main__ import loop\n",
            "import importlib\nm = importlib.import_module('__main__')\ngetattr(m, name)\n",
        ] {
            let files = [script, ("app/__init__.py", ""), ("app/server.py", reader)];
            assert!(may_read(&files, "main.py", "loop"), "{reader}");
        }
        // The guard names `__main__` but reads nothing; a package's
        // `__init__` never runs as `__main__`.
        for (reader, module) in [
            ("if __name__ == '__main__':\n    loop = 1\n", "main.py"),
            ("KEY = '<AppKey(__main__.key)>'\nloop = 1\n", "main.py"),
            ("# run as python -m app.__main__\nloop = 1\n", "main.py"),
            ("if \"__main__\" != __name__:\n    loop = 1\n", "main.py"),
            (
                "import sys\nprint(sys.modules['__main__'].loop)\n",
                "app/__init__.py",
            ),
        ] {
            let files = [
                script,
                ("app/__init__.py", "loop = 1\n"),
                ("app/server.py", reader),
            ];
            assert!(!may_read(&files, module, "loop"), "{reader}");
        }
    }

    #[test]
    fn through_modules_that_pass_the_module_on() {
        // `helpers` re-binds the module; `main` reads it through helpers.
        for helpers in [
            "import mod as m\n",
            "from mod import *\n",
            "import mod\nalias = mod\n",
            "import mod\nregistry = {'m': mod}\n",
        ] {
            let files = [
                MOD,
                ("helpers.py", helpers),
                (
                    "main.py",
                    "import helpers\nhelpers.m.time\nfrom helpers import time\n",
                ),
            ];
            assert!(may_read(&files, "mod.py", "time"), "{helpers}");
        }
    }

    #[test]
    fn a_holder_spelling_the_name_only_in_its_own_imports_or_comments_reads_nothing() {
        // `helpers` holds `mod` under another name; the name it spells is
        // bound by an import of another module, or sits in a comment.
        for helpers in [
            "import mod as m\nfrom os import path as time  # noqa: F401\n",
            "import mod as m\nfrom json import (\n    decoder as time,\n)\n",
            "import mod as m\n# time is read elsewhere\n",
        ] {
            let files = [MOD, ("helpers.py", helpers)];
            assert!(!may_read(&files, "mod.py", "time"), "{helpers}");
        }
        // It reads it when the import names the module, is relative, or the
        // name is spelled in code.
        for helpers in [
            "import mod as m\nfrom mod import time\n",
            "import mod as m\nfrom os import path as time\nprint(m.time)\n",
            "import mod as m\nprint(getattr(m, 'time'))\n",
        ] {
            let files = [MOD, ("helpers.py", helpers)];
            assert!(may_read(&files, "mod.py", "time"), "{helpers}");
        }
    }

    #[test]
    fn a_new_private_name_is_read_where_it_is_spelled() {
        let may_read_new = |files: &[(&str, &str)]| {
            let (dir, readers) = project(files);
            readers.may_read_new_private(&dir.path().join("mod.py"), "_asyncio", |_| true)
        };
        // Spelled only in imports of other modules, in comments, or in the
        // module itself: free. Whole namespaces read elsewhere do not count.
        for other in [
            "from anyio._backends import _asyncio  # noqa: F401\n",
            "import mod\n# mod._asyncio would be new\n",
            "import mod as m\nprint(sorted(vars(m)))\n",
        ] {
            assert!(!may_read_new(&[MOD, ("other.py", other)]), "{other}");
        }
        assert!(!may_read_new(&[(
            "mod.py",
            "import time\n_asyncio = None\n"
        )]));
        // Spelled in code, in a string, or in an import naming a module of
        // the project (through any holder): taken.
        for other in [
            "import mod\nprint(mod._asyncio)\n",
            "import helpers\nprint(getattr(helpers.m, '_asyncio', None))\n",
            "from helpers import _asyncio\n",
            "from . import _asyncio\n",
        ] {
            assert!(
                may_read_new(&[
                    MOD,
                    ("helpers.py", "import mod as m\n"),
                    ("other.py", other)
                ]),
                "{other}"
            );
        }
    }

    #[test]
    fn package_names_read_through_relative_imports() {
        let files = [
            ("pkg/__init__.py", "import time\n"),
            ("pkg/sub.py", "from . import time\n"),
        ];
        assert!(may_read(&files, "pkg/__init__.py", "time"));
        // Another package's relative import reaches that package.
        let files = [
            ("pkg/__init__.py", "import time\n"),
            ("other/__init__.py", ""),
            ("other/sub.py", "from . import time\n"),
        ];
        assert!(!may_read(&files, "pkg/__init__.py", "time"));
    }

    #[test]
    fn no_reader_no_keep() {
        for main in [
            "from mod import job\nimport time\n",
            // Namespaces read elsewhere in a file that only imports names.
            "from mod import job\nprint(getattr(job, 'x'), vars(other))\n",
            "import mod\nmod.job()\n",
            "import other\nprint(time)\n",
            "# mod\n",
            "import time\n\ndef mod(x):\n    return time.time()\n",
            "import time\nfrom mod import job  # mod, time\n",
        ] {
            assert!(
                !may_read(&[MOD, ("main.py", main)], "mod.py", "time"),
                "{main}"
            );
        }
        // Its own file does not count, and a word inside another is no word.
        assert!(!may_read(
            &[MOD, ("main.py", "import mod\nmod.job(timeout=1)\n")],
            "mod.py",
            "time"
        ));
        // A module the table has not seen (stdin named after a new file).
        let (dir, readers) = project(&[("main.py", "import mod\nmod.time\n")]);
        assert!(readers.may_read(&dir.path().join("mod.py"), "time"));
        assert!(!readers.may_read(&dir.path().join("mod.py"), "sleep"));
        // A file no import can name.
        let (dir, readers) = project(&[("my-tool.py", "import time\n"), ("main.py", "time\n")]);
        assert!(!readers.may_read(&dir.path().join("my-tool.py"), "time"));
    }

    #[derive(Default)]
    struct OldScan<'w> {
        mentions: FxHashMap<&'w str, bool>,
        relative_package: bool,
        namespace: bool,
    }

    /// The text scan as it was first written, line by line, splitting every
    /// line into words: what the byte-level [`scan_text`] must find.
    fn scan_text_by_lines<'w>(text: &[u8], words: &'w Words) -> OldScan<'w> {
        let mut scan = OldScan::default();
        let mut outside: Vec<(&'w str, bool, bool)> = Vec::new();
        let mut continued = false;
        let mut open_parens = false;
        for line in text.split(|&b| b == b'\n') {
            let line = without_comment(line);
            let tokens = identifiers(line);
            let import_line =
                continued || open_parens || tokens.iter().any(|(_, _, w)| *w == b"import");
            if import_line {
                let passes_on = tokens.iter().any(|(_, _, w)| *w == b"as") || line.contains(&b'*');
                if is_relative_package_import(line) {
                    scan.relative_package = true;
                }
                for (_, _, word) in &tokens {
                    if let Some(known) = lookup(words, word) {
                        let entry = scan.mentions.entry(known).or_insert(false);
                        *entry |= passes_on;
                    }
                }
                if line.contains(&b'(') && !line.contains(&b')') {
                    open_parens = true;
                } else if open_parens && line.contains(&b')') {
                    open_parens = false;
                }
            } else {
                for &(start, end, word) in &tokens {
                    if NAMESPACE_WORDS.iter().any(|w| w.as_bytes() == word) {
                        scan.namespace = true;
                    }
                    if let Some(known) = lookup(words, word) {
                        let rest = line.get(end..).unwrap_or_default();
                        let attribute =
                            rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'.');
                        let qualified = start
                            .checked_sub(1)
                            .and_then(|b| line.get(b))
                            .is_some_and(|b| matches!(b, b'.' | b'"' | b'\''));
                        outside.push((known, !attribute, qualified));
                    }
                }
            }
            continued = line
                .iter()
                .rev()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|&b| b == b'\\')
                && (import_line || continued);
        }
        for (word, value, qualified) in outside {
            if qualified || scan.mentions.contains_key(word) {
                *scan.mentions.entry(word).or_insert(false) |= value;
            }
        }
        scan
    }

    /// Fragments that meet every branch of the text scan: import lines
    /// continued by parentheses and backslashes, comments and quotes,
    /// module words as values, attributes and paths, namespace words.
    const FRAGMENTS: &[&str] = &[
        "import",
        "importlib",
        "from",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\\",
        "(",
        ")",
        ",",
        "*",
        "as",
        ".",
        "..",
        "#",
        "'",
        "\"",
        "\\'",
        "mod",
        "pkg",
        "m",
        "mod2",
        "1mod",
        "_mod",
        "é",
        "time",
        "getattr",
        "vars",
        "dir",
        "__dict__",
        "globals",
        "=",
        "x",
        ":",
    ];

    proptest! {
        #[test]
        fn the_byte_scan_reads_as_the_lines_do(
            parts in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..60)
        ) {
            let text = parts.concat();
            let words: Words =
                ["mod", "pkg", "m", "time", "é", "_mod"].into_iter().map(Into::into).collect();
            let finders = Finders::new();
            let (bytes, lines) = (
                scan_text(text.as_bytes(), &words, &finders),
                scan_text_by_lines(text.as_bytes(), &words),
            );
            prop_assert_eq!(&bytes.mentions, &lines.mentions, "mentions of {:?}", text);
            prop_assert_eq!(bytes.relative_package, lines.relative_package, "{:?}", text);
            prop_assert_eq!(
                reads_namespaces(text.as_bytes(), &finders),
                lines.namespace,
                "namespace in {:?}",
                text
            );
        }
    }
}
