//! Who may read a module's names: the reverse question asked before a fix
//! removes an import its module no longer uses (`import time` in `mod.py`,
//! where `main.py` does `from mod import time` or reads `mod.time`).
//!
//! The answer comes from the text of the project's files, never a parse,
//! and errs towards "may": an import left unused costs nothing, a removed
//! one another module needs is an `ImportError` at run time. The table of
//! the files that name each module is built by one pass over the project
//! on the first question (only a run that is about to remove an import in
//! a project pays for it); each question then reads the few files that
//! name the module again, looking for the name.

use std::path::{Path, PathBuf};

use memchr::memmem;
use rustc_hash::{FxHashMap, FxHashSet};

use super::layout::{Layout, is_identifier};

/// How many module names a question may follow through modules that pass
/// the module on (`import mod as m`, `helper = mod`) before it answers "may".
const MAX_REACH: usize = 64;

/// Directories never part of the project's own code.
const SKIPPED_DIRS: &[&str] = &["venv", "site-packages", "node_modules", "__pycache__"];

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
#[derive(Debug)]
struct ReaderFile {
    path: PathBuf,
    /// The name an import of it uses: its stem, or its package's name for
    /// an `__init__.py`.
    word: Option<Box<str>>,
    /// It has an import relative to its own package with no module name
    /// (`from . import x`, `from .. import *`): it reaches a package's
    /// `__init__` without naming it.
    relative_package: bool,
    /// It reads whole namespaces (`getattr`, `vars`, `dir`, `__dict__`,
    /// `globals`): a module it reaches may have any name read.
    namespace: bool,
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
    /// One pass over the text of every Python file under the project's root.
    pub fn scan(layout: &Layout) -> Readers {
        let mut readers = Readers::default();
        for path in project_files(&layout.root) {
            let word = module_word(&path);
            readers.files.push(ReaderFile {
                path,
                word,
                relative_package: false,
                namespace: false,
            });
        }
        let words: FxHashSet<Box<str>> = readers
            .files
            .iter()
            .filter_map(|f| f.word.clone())
            .collect();
        for (at, file) in readers.files.iter_mut().enumerate() {
            let Ok(bytes) = super::read_file(&file.path) else {
                // Unreadable now: say it may read anything it reaches.
                file.namespace = true;
                continue;
            };
            let found = scan_text(&bytes, &words);
            file.relative_package = found.relative_package;
            file.namespace = found.namespace;
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            for (word, passes_on) in found.mentions {
                readers
                    .mentions
                    .entry(word.into())
                    .or_default()
                    .push((at, passes_on));
            }
        }
        readers
    }

    /// Whether a project file other than `module_file` may read the name
    /// `name` of the module in `module_file`. A file that names the module
    /// only in plain imports and attribute reads (`import mod`, `mod.job()`)
    /// may read it when it spells `mod.name` or imports `name` in a
    /// statement that names the module; a file that may hold the module
    /// under another name (`import mod as m`, `helper = mod`, a star
    /// import, `import_module("mod")`, `from . import x` inside a package) may read
    /// it when it spells the name at all, or reads whole namespaces
    /// (`getattr`, `vars`, `dir`, `__dict__`, `globals`).
    pub fn may_read(&self, module_file: &Path, name: &str) -> bool {
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
        let mut sorted: Vec<(u32, bool)> = candidates.into_iter().collect();
        sorted.sort_unstable();
        sorted.into_iter().any(|(at, loose)| {
            let Some(file) = self.files.get(at as usize) else {
                return true;
            };
            if file.path == module_file {
                return false;
            }
            if loose && file.namespace {
                return true;
            }
            let Ok(bytes) = super::read_file(&file.path) else {
                return true;
            };
            if loose {
                has_word(&bytes, &finder)
            } else {
                has_word(&bytes, &finder) && reads_through(&bytes, &reach, name)
            }
        })
    }
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

/// Every `.py` and `.ipynb` file under `root`, skipping environments and
/// what ignore files exclude.
fn project_files(root: &Path) -> Vec<PathBuf> {
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(true)
        .hidden(true)
        .filter_entry(|entry| {
            entry
                .file_name()
                .to_str()
                .is_none_or(|name| !SKIPPED_DIRS.contains(&name))
        })
        .build();
    walker
        .flatten()
        .map(ignore::DirEntry::into_path)
        .filter(|path| {
            path.extension()
                .is_some_and(|e| e == "py" || e == "ipynb" || e == "pyi")
        })
        .collect()
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
fn has_word(text: &[u8], finder: &memmem::Finder) -> bool {
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
    namespace: bool,
}

/// The module words one file's text names, and its flags; byte-level, by
/// lines (a line holding the word `import`, or inside the parentheses or
/// after the backslash of one, is an import line). A word outside import
/// lines counts when the file imports something by that word, or when it
/// is spelled as part of a dotted path (`pkg.mod`, `"mod.time"`).
fn scan_text<'w>(text: &[u8], words: &'w FxHashSet<Box<str>>) -> TextScan<'w> {
    let mut scan = TextScan::default();
    // Mentions outside import lines: the word, whether it is used as a
    // value (not followed by `.`), whether it is spelled as part of a path.
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
                    let attribute = rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'.');
                    // `pkg.mod`, `"mod.time"`: the module spelled as a path.
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
    // A bare word the file imports nothing by is some other variable
    // (`poll` the function in a file that never imports the module `poll`).
    for (word, value, qualified) in outside {
        if qualified || scan.mentions.contains_key(word) {
            *scan.mentions.entry(word).or_insert(false) |= value;
        }
    }
    scan
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

fn lookup<'w>(words: &'w FxHashSet<Box<str>>, word: &[u8]) -> Option<&'w str> {
    let word = std::str::from_utf8(word).ok()?;
    words.get(word).map(|w| &**w)
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
    use super::*;

    fn project(files: &[(&str, &str)]) -> (tempfile::TempDir, Readers) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("pyproject.toml"), "").expect("write");
        for (file, text) in files {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, text).expect("write");
        }
        let readers = Readers::scan(&Layout::at(dir.path().to_path_buf()));
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
}
