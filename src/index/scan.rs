//! The one scan of the text of every project file (no parse), made once
//! per project on the first question that needs it: which files name each
//! class base, which names may be the base of a class no summary shows,
//! which attribute names some code may assign or delete, and the table of
//! the files that name each module (see [`super::readers`]). The project's
//! files are listed by one walk and numbered; each is read once, and its
//! bytes searched for the few places that can matter: one pass finds every
//! place of the rarer spellings the rules look for (`class `, `del `,
//! `modules`, `setattr`, `vars(`, …: see [`Spelling`]), then `memchr` the
//! `.` and `(` and the few spellings most lines hold (` as `, ` = `).
//! When the run keeps the index's cache (see [`super::cache`]), what each
//! file shows is kept there, keyed by its bytes, and a later run reads it
//! back instead of scanning the file again (the file is still read, for
//! its key).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;
use rustc_hash::{FxHashMap, FxHashSet};

use super::cache::{self, Cache, ScanKind};
use super::imports;
use super::layout::{Layout, is_identifier};
use super::readers::{self, FileMentions, Readers};
use crate::semantic::OTHER_LIBRARY_MODULES;

/// Directories never part of the project's own code. A directory holding
/// `pyvenv.cfg` (a virtual environment, `.venv`, `.tox/py311`) or
/// `conda-meta` (a conda environment) is skipped too, whatever its name,
/// and so is a `site-packages` inside one (see [`is_skipped_dir`]);
/// hidden and `.gitignore`d files are not: Python imports them all the
/// same (a `local_settings.py` kept out of the repository, `.plugins/`
/// on `sys.path`).
const SKIPPED_DIRS: &[&str] = &[".git", ".hg", ".svn", "node_modules", "__pycache__"];

/// Whether the directory `path`, named `name`, is left out of the scan:
/// one of the [`SKIPPED_DIRS`], except a `node_modules` that holds an
/// `__init__.py` (a package the project may import by that name); or a
/// `site-packages` of an environment (one with a `pyvenv.cfg` or
/// `conda-meta` in a directory above it). A `site-packages` directory of
/// the project's own (`app/site-packages/`, a `pip install --target`
/// copy the code puts on `sys.path`) is read: its code may run.
fn is_skipped_dir(name: &str, path: &Path) -> bool {
    if name == "site-packages" {
        return path.ancestors().skip(1).any(is_environment);
    }
    SKIPPED_DIRS.contains(&name) && !(name == "node_modules" && path.join("__init__.py").is_file())
}

/// Whether the directory `path` is an environment (see [`SKIPPED_DIRS`]).
fn is_environment(path: &Path) -> bool {
    path.join("pyvenv.cfg").is_file() || path.join("conda-meta").is_dir()
}

/// What a scan of the text of every project file finds (or of one file:
/// what the index's cache keeps of it, the file numbered 0; see
/// [`FileFacts`]).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct ProjectScan {
    /// The project's files, numbered, and (when [`Self::has_readers`]) who
    /// may read each module's names.
    #[serde(skip)]
    pub(super) readers: Readers,
    /// The scan filled the table of readers (a run that removes no import
    /// never asks, and leaves it empty).
    #[serde(skip)]
    pub(super) has_readers: bool,
    /// Every `class X(...)` statement's base names, by the last segment of
    /// each base as written (`Base` for `models.Base`), mapped to the
    /// files that have one.
    class_bases: FxHashMap<Box<str>, Vec<u32>>,
    /// The files with a class statement whose base is a plain name that
    /// the file may bind some other way than by a class statement or an
    /// import (`Base = getattr(_r, "Repo")`, `Base = make_base()`, then
    /// `class Sync(Base)`): the index cannot follow such a base, and the
    /// class may derive from any class (see [`assigns_name`]).
    assigned_bases: Vec<u32>,
    /// Names that may be the base of a class no summary shows: a base of
    /// an indented `class` statement (in a function, or nested), and every
    /// word of a line that calls `type(`, `new_class(` or
    /// `make_dataclass(`.
    pub(super) hidden_bases: FxHashSet<Box<str>>,
    /// Some code makes a class at run time with bases the scan cannot
    /// read (`type(name, bases, ns)`, `types.new_class(name, bases)`,
    /// `make_dataclass(name, fields, bases=bases)`, over several lines):
    /// that class may derive from any class.
    pub(super) any_hidden_base: bool,
    /// Names some file binds as another name of something: after `as `
    /// (`from app.store import Store as Backend`, and `with`, `except`
    /// too), and at the start of a line assigned a dotted name
    /// (`Backend = store.Store`). A class statement whose base is one of
    /// them may derive from a class it does not name.
    alias_names: FxHashSet<Box<str>>,
    /// Some module defines `__getattr__` at its top level: a name imported
    /// from it may be any class, whatever it is called.
    module_getattr: bool,
    /// Attribute names some code may assign or delete on any object
    /// (`store.save = fake`, `del obj.save`, `setattr(x, "save", …)`,
    /// `patch.object(store, "save")`): what another module may replace.
    pub(super) written_attributes: FxHashSet<Box<str>>,
    /// The attribute names `setattr`, `delattr` and `patch.object` calls
    /// give as a string literal over several lines (the words of the
    /// call's own line are in [`Self::written_attributes`]).
    named_attributes: FxHashSet<Box<str>>,
    /// A `setattr`, `delattr` or `patch.object` call whose name is no
    /// string literal (`setattr(srv, name, f)`): any attribute of any
    /// object may be written.
    any_attribute_written: bool,
    /// The files with a `setattr`, `delattr`, `__setattr__` or
    /// `__delattr__` call (not `patch.object`) whose name is no string
    /// literal and whose receiver is a plain name (`setattr(self, name,
    /// v)`, `setattr(answer, key, v)`): the file's summary tells which
    /// objects such a write may reach (the instances of the class whose
    /// method makes it on `self` or `cls`, those of a class a local name
    /// is made by), or that it may reach any (see
    /// `ProjectIndex::computed_writes`).
    pub(super) placed_computed_files: Vec<u32>,
    /// The file being scanned has such a call (see
    /// [`Self::placed_computed_files`]).
    #[serde(skip)]
    placed_in_file: bool,
    /// The files that patch or write an attribute by a target or name the
    /// code computes (`mock.patch(target)`, `mock.patch("asyncio."
    /// "wait_for")`, `patch.object(asyncio, name)`, `setattr(asyncio,
    /// NAME, f)`, `patch.multiple(asyncio, **stubs)`), each with the
    /// receiver when it is a plain name (`asyncio`; `None`: a target that
    /// names its object itself, or one the scan cannot read): such a
    /// file may replace any attribute of a module it names (see
    /// `ProjectIndex::find_named_writer`).
    pub(super) computed_writers: Vec<(u32, Option<Box<str>>)>,
    /// The files that write their own module's globals through a function
    /// they define (`helper.__globals__["LIMIT"] = 3`): any attribute of
    /// that module, added by its word to [`Self::any_attribute_of`] once
    /// the files' modules are known (see [`Build::finish`]).
    own_globals_writers: Vec<u32>,
    /// The number of the file being scanned (see [`Self::computed_writers`]).
    #[serde(skip)]
    file_number: Option<u32>,
    /// The names of [`Self::written_attributes`] and [`Self::named_attributes`]
    /// written on what may be a module of the project (see
    /// [`ModuleReceivers`]): `work.aredis = redis`, `patch.object(work,
    /// "asyncio", fake)`, `mock.patch("app.work.asyncio")`; not
    /// `self.asyncio = …`. A module's own global (an import alias) may be
    /// replaced from another file only so.
    /// By the module word of the receiver (its last part, or what it is an
    /// alias of; [`ANY_MODULE`] for one the scan cannot tell).
    module_attributes: FxHashMap<Box<str>, FxHashSet<Box<str>>>,
    /// The module words any attribute of which may be written
    /// (`setattr(work, name, f)`; [`ANY_MODULE`]: `partial(setattr, m)`).
    any_attribute_of: FxHashSet<Box<str>>,
    /// Attribute names some code writes on an object the file cannot
    /// name (`m.TIMEOUT = 0` on a parameter, `self.mod.TIMEOUT = 0`,
    /// `mods[0].TIMEOUT = 0`, `mock.patch(MODULE + ".TIMEOUT")`): not a
    /// name the file binds to a module, not `self` or `cls`. Each with
    /// the first file that does. A module that escapes its names (see
    /// [`Self::escapes`]) may be such an object.
    pub(super) unknown_writes: FxHashMap<Box<str>, u32>,
    /// The first file that writes an attribute it computes on an object
    /// it cannot name (`setattr(obj, key, v)` on a parameter,
    /// `mock.patch(target)`): any name of [`Self::unknown_writes`].
    any_unknown_write: Option<u32>,
    /// Attribute names some code patches by a dotted target it computes
    /// (`mock.patch(MODULE + ".TIMEOUT")`, `mock.patch(f"{MODULE}.K")`),
    /// each with the first file that does: a module whose name some
    /// file spells in a string (see [`SPELLED`]) may be the target's.
    pub(super) target_writes: FxHashMap<Box<str>, u32>,
    /// The first file that patches a target it computes with no name
    /// the scan can read (`mock.patch(target)`): any name of
    /// [`Self::target_writes`].
    any_target_write: Option<u32>,
    /// Some code writes an attribute that changes what every attribute of
    /// an object may be (see [`CLASS_CHANGERS`]): `r.__class__ = Sync`,
    /// `Redis.__new__ = make`. Set when the scan ends.
    class_changed: bool,
    /// Modules some code replaces in `sys.modules` under a literal key
    /// (`sys.modules["app.store"] = sync_store`, or `sys.modules[__name__]`
    /// in the module itself): an import of one of them, or of a name
    /// under it, may give any object.
    pub(super) replaced_modules: FxHashSet<Box<str>>,
    /// Some code writes `sys.modules` with a key the scan cannot read
    /// (`sys.modules[name] = …`, `sys.modules.update(…)`): any import may
    /// give any object.
    pub(super) any_module_replaced: bool,
    /// Files that may add directories to `sys.path` (`sys.path.insert(…)`,
    /// `.append`, `.extend`, an assignment to it or to a slice of it,
    /// `site.addsitedir(…)`): imports run after that may find modules the
    /// index does not know, or others than those it knows.
    path_writers: Vec<u32>,
    /// The first file found importing an async library other than asyncio
    /// (see [`imported_async_library`]), and which: a coroutine of any
    /// module of the project may run on it.
    #[serde(with = "library_name")]
    other_library: Option<(u32, &'static str)>,
    /// The first file found that may drive coroutines by hand (see
    /// [`drives_coroutines_by_hand`]): a coroutine of any module of the
    /// project may run with no event loop at all.
    hand_driver: Option<u32>,
    /// The first file found importing nest_asyncio: `nest_asyncio.apply()`
    /// lets `asyncio.run` run inside a running loop, in any module.
    nest_asyncio_file: Option<u32>,
    /// The first file found importing an async library with a loop of its
    /// own (trio, curio, twisted; see [`imported_async_libraries`]): it may
    /// run a coroutine of any module of the project where no asyncio loop
    /// runs (`trio.run(mod.main)`).
    #[serde(with = "library_name")]
    runner_library: Option<(u32, &'static str)>,
    /// The first file found importing anyio, which runs coroutines on
    /// trio when asked to (`anyio.run(main, backend="trio")`).
    anyio_file: Option<u32>,
    /// Some file spells `"trio"` in quotes: a backend's name given to
    /// anyio or to its pytest plugin (`anyio.run(main, backend="trio")`).
    mentions_trio: bool,
    /// The first file found importing a module by a name it computes
    /// (`importlib.import_module(BACKEND)`, `__import__(name)`; see
    /// [`imports_by_computed_name`]): where some file spells `"trio"` in
    /// quotes, that may be trio, which runs coroutines of any module.
    computed_importer: Option<u32>,
    /// The files that may run a module's code again in a process that
    /// already ran it (`runpy.run_module("app")`, `runpy.run_path(p)`,
    /// `importlib.reload(job)`), each with the module word it names (the
    /// module's last name, or the stem of the file or directory run;
    /// `None`: any module) and whether it only imports the module again
    /// (see [`Rerun::Import`]).
    reruns: Vec<(u32, Option<Box<str>>, Rerun)>,
    /// The files that spell a call that gets, makes, sets or runs an
    /// event loop (`get_event_loop`, `set_event_loop`, `new_event_loop`,
    /// `run_until_complete`).
    loop_managers: Vec<u32>,
    /// The words each Python file spells (see [`SpelledWords`]), by file,
    /// in the order of the files once the scan ends: a question that
    /// reads every file for one name (`ProjectIndex::find_named_writer`,
    /// `Readers::may_read_new_private`) skips the files that cannot
    /// spell it, without reading them again. A file with none here (not
    /// read, not UTF-8) may spell any word.
    spelled_words: Vec<(u32, SpelledWords)>,
    /// Where a module leaves the names an import binds it to (see
    /// [`escapes`]): the file, the line, and the module's dotted name as
    /// the file spells it (relative ones keep their dots; [`ANY_MODULE`]:
    /// any module, `sys.modules[key]`, `import_module(name)`), the first
    /// place in each file for each name.
    escapes: Vec<(u32, u32, Box<str>)>,
    /// [`Self::escapes`] by the last part of each name (`svc` of
    /// `app.svc`, `""` for [`ANY_MODULE`]): the entries a module may be
    /// reached by are those of one of its parts. Made when the scan ends.
    #[serde(skip)]
    escapes_by_part: FxHashMap<Box<str>, Vec<usize>>,
    /// The hash of each Python file's bytes as this scan read them, by
    /// file, when there is a cache (see [`Build::contents`]).
    #[serde(skip)]
    contents: Vec<(u32, cache::Content)>,
    /// A file could not be numbered (past 4 billion): the table of bases
    /// (or a Python file could not be read or decoded) is incomplete, so
    /// every question about a base or a written attribute must be unknown.
    pub(super) incomplete: bool,
}

impl ProjectScan {
    /// Whether some code of the project may assign or delete the attribute
    /// `name` on an object (every name, when a file could not be scanned).
    pub(super) fn may_write_attribute(&self, name: &str) -> bool {
        self.incomplete
            || self.any_attribute_written
            || self.class_changed
            || self.written_attributes.contains(name)
            || self.named_attributes.contains(name)
    }

    /// Whether some code of the project may assign or delete any attribute
    /// of any object (every name is then [`Self::may_write_attribute`]).
    pub(super) fn may_write_every_attribute(&self) -> bool {
        self.incomplete || self.any_attribute_written || self.class_changed
    }

    /// Whether some code of the project assigns or deletes an attribute
    /// by the name `name` itself (not by a computed name).
    pub(super) fn writes_named_attribute(&self, name: &str) -> bool {
        self.incomplete
            || self.written_attributes.contains(name)
            || self.named_attributes.contains(name)
    }

    /// Whether some code of the project may assign or delete the attribute
    /// `name` of a module of the project (see [`Self::module_attributes`]),
    /// or change a module's class or namespace (every name, when a file
    /// could not be scanned).
    /// `module` is the module's word (the last part of its dotted name).
    pub(super) fn may_write_module_attribute(&self, module: &str, name: &str) -> bool {
        if self.incomplete {
            return true;
        }
        [module, ANY_MODULE].iter().any(|word| {
            self.any_attribute_of.contains(*word)
                || self.module_attributes.get(*word).is_some_and(|names| {
                    names.contains(name)
                        || CLASS_CHANGERS
                            .iter()
                            .any(|changer| names.contains(*changer))
                })
        })
    }

    /// Whether some code of the project may write any attribute of the
    /// module whose last part is `module` by a name or through a namespace
    /// it does not spell (`ns = asyncio.__dict__`, `partial(setattr,
    /// work)`).
    pub(super) fn may_write_any_attribute_of(&self, module: &str) -> bool {
        self.any_attribute_of.contains(module) || self.any_attribute_of.contains(ANY_MODULE)
    }

    /// Whether some code of the project may replace the module `module`
    /// (an absolute dotted name) in `sys.modules`, or a package above it
    /// (every module, when a file could not be scanned or a key cannot be
    /// read).
    pub(super) fn may_replace_module(&self, module: &str) -> bool {
        if self.incomplete || self.any_module_replaced {
            return true;
        }
        if self.replaced_modules.is_empty() {
            return false;
        }
        let mut end = 0;
        for part in module.split('.') {
            end += part.len();
            if module
                .get(..end)
                .is_some_and(|prefix| self.replaced_modules.contains(prefix))
            {
                return true;
            }
            end += 1;
        }
        false
    }

    /// Whether the file numbered `at` may spell `word` as a whole word
    /// (no letter, digit or `_` of ASCII just before or after it): `false`
    /// only when the scan read the file and knows it does not (see
    /// [`Self::spelled_words`]).
    pub(super) fn may_spell(&self, at: usize, word: &str) -> bool {
        let Ok(at) = u32::try_from(at) else {
            return true;
        };
        self.spelled_words
            .binary_search_by_key(&at, |(file, _)| *file)
            .map_or(true, |found| {
                self.spelled_words
                    .get(found)
                    .is_none_or(|(_, words)| words.may_spell(word))
            })
    }

    /// The first file that writes the attribute `name` on an object it
    /// cannot name, by that name or by one it computes (see
    /// [`Self::unknown_writes`]).
    #[cfg(test)]
    fn unknown_writer(&self, name: &str) -> Option<u32> {
        self.unknown_writes
            .get(name)
            .copied()
            .into_iter()
            .chain(self.any_unknown_write)
            .min()
    }

    /// Where the module `module` (its absolute dotted name) may leave the
    /// names an import binds it to and reach a write of its attribute
    /// `name` by code that does not name it: the first place that lets
    /// it out (see [`Self::escapes`]: file, line, the name as spelled
    /// there) with the first file that writes such an attribute on an
    /// object it cannot name (see [`Self::unknown_writes`]), or, for a
    /// string that spells the module's name, by a target it computes
    /// (see [`Self::target_writes`]); and whether that write's name is
    /// computed.
    pub(super) fn escaped_write(&self, module: &str, name: &str) -> Option<EscapedWrite<'_>> {
        let named_object = self.unknown_writes.get(name).copied();
        let object = named_object.into_iter().chain(self.any_unknown_write).min();
        let named_target = self.target_writes.get(name).copied();
        if object.is_none() && named_target.is_none() {
            return None;
        }
        let mut places: Vec<usize> = [""]
            .into_iter()
            .chain(module.split('.'))
            .filter_map(|part| self.escapes_by_part.get(part))
            .flatten()
            .copied()
            .collect();
        places.sort_unstable();
        places.dedup();
        places.into_iter().find_map(|at| {
            let (file, line, escaped) = self.escapes.get(at)?;
            let reach = escape_reaches(escaped, module, self.readers.path(*file))?;
            // A module reached only as one of many (any module, any under
            // a package) is taken to meet a write only of that name: a
            // write by a computed name on an object it cannot name is
            // every program with a plugin loader and a generic `setattr`.
            let writer = if escaped.starts_with(SPELLED) {
                named_target
            } else if reach == Reach::Exact {
                object
            } else {
                named_object
            }?;
            let computed = if escaped.starts_with(SPELLED) {
                false
            } else {
                named_object != Some(writer)
            };
            Some(EscapedWrite {
                file: *file,
                line: *line,
                escaped,
                writer,
                computed,
            })
        })
    }

    /// Scans every Python file under the project's root (see
    /// [`Build::new`]) on the calling thread alone.
    #[cfg(test)]
    pub(super) fn of_project(layout: &Layout, with_readers: bool) -> ProjectScan {
        Build::new(layout, with_readers, None).finish(layout)
    }

    /// A scan for the table of readers of the files this scan listed (see
    /// [`super::readers`]), each file read again: made apart, on the
    /// first question about readers, since most runs never ask one.
    /// What each file shows is kept in `cache`, when there is one, and
    /// read back from it in a later run.
    pub(super) fn readers_build(&self, cache: Option<Cache>) -> Build {
        let (files, words) = self.readers.copy_files();
        let mut build = Build::of_files(files, words, (true, false), cache);
        if build.cache.is_some() {
            build.contents.clone_from(&self.contents);
        }
        build
    }

    /// Gives every file number this scan of one file holds (the file
    /// numbered 0, as the cache keeps it) the number `number`. Every
    /// field is named, as in [`Self::merge`].
    fn renumber(&mut self, number: u32) {
        let ProjectScan {
            readers: _,
            has_readers: _,
            class_bases,
            assigned_bases,
            hidden_bases: _,
            any_hidden_base: _,
            alias_names: _,
            module_getattr: _,
            written_attributes: _,
            named_attributes: _,
            any_attribute_written: _,
            placed_computed_files,
            placed_in_file: _,
            computed_writers,
            own_globals_writers,
            file_number: _,
            module_attributes: _,
            any_attribute_of: _,
            unknown_writes,
            any_unknown_write,
            target_writes,
            any_target_write,
            class_changed: _,
            replaced_modules: _,
            any_module_replaced: _,
            path_writers,
            other_library,
            hand_driver,
            nest_asyncio_file,
            runner_library,
            anyio_file,
            mentions_trio: _,
            computed_importer,
            reruns,
            loop_managers,
            spelled_words,
            escapes,
            escapes_by_part: _,
            contents,
            incomplete: _,
        } = self;
        let files = class_bases
            .values_mut()
            .flatten()
            .chain(assigned_bases.iter_mut())
            .chain(placed_computed_files.iter_mut())
            .chain(computed_writers.iter_mut().map(|(file, _)| file))
            .chain(own_globals_writers.iter_mut())
            .chain(path_writers.iter_mut())
            .chain(other_library.iter_mut().map(|(file, _)| file))
            .chain(hand_driver.iter_mut())
            .chain(nest_asyncio_file.iter_mut())
            .chain(runner_library.iter_mut().map(|(file, _)| file))
            .chain(anyio_file.iter_mut())
            .chain(computed_importer.iter_mut())
            .chain(reruns.iter_mut().map(|(file, _, _)| file))
            .chain(loop_managers.iter_mut())
            .chain(spelled_words.iter_mut().map(|(file, _)| file))
            .chain(unknown_writes.values_mut())
            .chain(any_unknown_write.iter_mut())
            .chain(target_writes.values_mut())
            .chain(any_target_write.iter_mut())
            .chain(escapes.iter_mut().map(|(file, _, _)| file))
            .chain(contents.iter_mut().map(|(file, _)| file));
        for file in files {
            *file = number;
        }
    }

    /// Adds what another thread's part of the same scan found (see
    /// [`Build`]). Every field is named, so that a field added later is
    /// merged too; the lists of file numbers are sorted afterwards by
    /// [`Self::sort_files`].
    fn merge(&mut self, part: ProjectScan) {
        let ProjectScan {
            readers: _,
            has_readers: _,
            class_bases,
            assigned_bases,
            hidden_bases,
            any_hidden_base,
            alias_names,
            module_getattr,
            written_attributes,
            named_attributes,
            any_attribute_written,
            placed_computed_files,
            placed_in_file: _,
            computed_writers,
            own_globals_writers,
            file_number: _,
            module_attributes,
            any_attribute_of,
            unknown_writes,
            any_unknown_write,
            target_writes,
            any_target_write,
            class_changed,
            replaced_modules,
            any_module_replaced,
            path_writers,
            other_library,
            hand_driver,
            nest_asyncio_file,
            runner_library,
            anyio_file,
            mentions_trio,
            computed_importer,
            reruns,
            loop_managers,
            spelled_words,
            escapes,
            escapes_by_part: _,
            contents,
            incomplete,
        } = part;
        for (base, files) in class_bases {
            self.class_bases.entry(base).or_default().extend(files);
        }
        self.assigned_bases.extend(assigned_bases);
        self.hidden_bases.extend(hidden_bases);
        self.any_hidden_base |= any_hidden_base;
        self.alias_names.extend(alias_names);
        self.module_getattr |= module_getattr;
        self.written_attributes.extend(written_attributes);
        self.named_attributes.extend(named_attributes);
        self.any_attribute_written |= any_attribute_written;
        self.placed_computed_files.extend(placed_computed_files);
        self.computed_writers.extend(computed_writers);
        self.own_globals_writers.extend(own_globals_writers);
        for (module, names) in module_attributes {
            self.module_attributes
                .entry(module)
                .or_default()
                .extend(names);
        }
        self.any_attribute_of.extend(any_attribute_of);
        // The first file in the files' order, as one thread would find.
        for (name, file) in unknown_writes {
            let first = self.unknown_writes.entry(name).or_insert(file);
            *first = (*first).min(file);
        }
        self.any_unknown_write = self
            .any_unknown_write
            .into_iter()
            .chain(any_unknown_write)
            .min();
        for (name, file) in target_writes {
            let first = self.target_writes.entry(name).or_insert(file);
            *first = (*first).min(file);
        }
        self.any_target_write = self
            .any_target_write
            .into_iter()
            .chain(any_target_write)
            .min();
        self.class_changed |= class_changed;
        self.replaced_modules.extend(replaced_modules);
        self.any_module_replaced |= any_module_replaced;
        self.path_writers.extend(path_writers);
        // The first file in the files' order, as one thread would find.
        self.other_library = self
            .other_library
            .into_iter()
            .chain(other_library)
            .min_by_key(|(file, _)| *file);
        self.hand_driver = self.hand_driver.into_iter().chain(hand_driver).min();
        self.nest_asyncio_file = self
            .nest_asyncio_file
            .into_iter()
            .chain(nest_asyncio_file)
            .min();
        self.runner_library = self
            .runner_library
            .into_iter()
            .chain(runner_library)
            .min_by_key(|(file, _)| *file);
        self.anyio_file = self.anyio_file.into_iter().chain(anyio_file).min();
        self.mentions_trio |= mentions_trio;
        self.computed_importer = self
            .computed_importer
            .into_iter()
            .chain(computed_importer)
            .min();
        self.reruns.extend(reruns);
        self.loop_managers.extend(loop_managers);
        self.spelled_words.extend(spelled_words);
        self.escapes.extend(escapes);
        self.contents.extend(contents);
        self.incomplete |= incomplete;
    }

    /// Puts the lists of file numbers in the order of the files, as one
    /// thread reading the files in order makes them.
    fn sort_files(&mut self) {
        for files in self.class_bases.values_mut() {
            files.sort_unstable();
        }
        self.assigned_bases.sort_unstable();
        self.placed_computed_files.sort_unstable();
        self.computed_writers.sort_unstable();
        self.own_globals_writers.sort_unstable();
        self.path_writers.sort_unstable();
        self.reruns.sort_unstable();
        self.loop_managers.sort_unstable();
        self.spelled_words.sort_unstable_by_key(|(file, _)| *file);
        self.escapes.sort_unstable();
        self.escapes_by_part.clear();
        for (at, (_, _, escaped)) in self.escapes.iter().enumerate() {
            let name = escaped.strip_prefix(SPELLED).unwrap_or(escaped);
            let name = name.strip_prefix(AMONG).unwrap_or(name);
            let name = name.strip_suffix(".*").unwrap_or(name);
            let last = if name == ANY_MODULE {
                ""
            } else {
                name.rsplit('.').next().unwrap_or(name)
            };
            self.escapes_by_part
                .entry(last.into())
                .or_default()
                .push(at);
        }
        self.contents.sort_unstable_by_key(|(file, _)| *file);
        self.class_changed |= self.writes_class_changer();
    }

    /// Adds the writes of `sys.modules` in one file's text (see
    /// [`Self::replaced_modules`]); `true` when a key is `__name__`, the
    /// file's own module, which the caller adds.
    fn add_module_writes(&mut self, spelled: &Spelled) -> bool {
        let mut own = false;
        let text = spelled.text;
        let bytes = text.as_bytes();
        for at in spelled.at(Spelling::Modules) {
            // `modules` as a whole word (`sys.modules`, or bound by `from
            // sys import modules`), not `submodules`.
            let before = at.checked_sub(1).and_then(|b| bytes.get(b));
            if before.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80) {
                continue;
            }
            let after = at + "modules".len();
            let rest = text.get(after..).unwrap_or_default();
            let rest_trimmed = rest.trim_start_matches([' ', '\t']);
            if let Some(inside) = rest_trimmed.strip_prefix('[') {
                let Some(close) = closing_bracket(inside) else {
                    self.any_module_replaced = true;
                    continue;
                };
                let end = text.len() - inside.len() + close + 1;
                if !assigns_at(text, end) && !inside.get(close + 1..).is_some_and(starts_with_comma)
                {
                    continue;
                }
                match inside.get(..close).map(str::trim) {
                    Some("__name__") => own = true,
                    Some(key) => match string_literal(key) {
                        Some(name) => insert(&mut self.replaced_modules, name),
                        None => self.any_module_replaced = true,
                    },
                    None => self.any_module_replaced = true,
                }
            } else if line_of(text, at).contains("patch.dict") {
                // `patch.dict(sys.modules, {…})`, `patch.dict("sys.modules", …)`.
                self.any_module_replaced = true;
            } else if let Some(method) = rest_trimmed.strip_prefix('.') {
                let method = identifier_at(method, 0);
                if matches!(method, "update" | "setdefault" | "__setitem__" | "__ior__") {
                    self.any_module_replaced = true;
                }
            } else if assigns_at(text, after) {
                // `sys.modules = {…}`, `sys.modules |= {…}`.
                self.any_module_replaced = true;
            } else if text.get(..at).is_some_and(|head| head.ends_with("sys."))
                && namespace_escapes_at(text, chain_start(bytes, at), after)
            {
                // `mods = sys.modules`, `monkeypatch.setitem(sys.modules, …)`.
                self.any_module_replaced = true;
            }
            // `.pop`, `.clear` take modules out, as `del sys.modules[…]`
            // does: the next import runs the module's own code again (see
            // [`modules_forgotten`]) and gives no other object.
            if text.get(..at).is_some_and(|head| head.ends_with("sys."))
                && rest_trimmed
                    .strip_prefix('.')
                    .map(|method| identifier_at(method, 0))
                    .is_some_and(|method| {
                        !NAMESPACE_READS.contains(&method) && !MODULES_FORGETTERS.contains(&method)
                    })
            {
                // `.update` by another spelling, or an unknown method: the
                // next import may find another module.
                self.any_module_replaced = true;
            }
        }
        // The import machinery itself (`sys.meta_path`, `sys.path_hooks`),
        // or `sys`'s attributes by name (`getattr(sys, "modules")`): any
        // import may give any object.
        if spelled.has_any(&IMPORT_HOOKS) {
            self.any_module_replaced = true;
        }
        own
    }

    /// A file of the project that may add directories to `sys.path` and
    /// whose directory holds `dir` (or is it): a module there, run as a
    /// script, or one it imports afterwards, may find its imports in them.
    /// Every file, when a file could not be scanned.
    pub(super) fn sys_path_writer_above(&self, dir: &Path) -> Option<PathBuf> {
        if self.incomplete {
            return Some(PathBuf::new());
        }
        self.path_writers
            .iter()
            .filter_map(|&file| self.readers.path(file))
            .find(|writer| {
                writer
                    .parent()
                    .is_some_and(|parent| dir.starts_with(parent))
            })
            .map(Path::to_path_buf)
    }

    /// A file of the project that may add directories to `sys.path`,
    /// wherever it is (an empty path when a file could not be scanned).
    pub(super) fn sys_path_writer_anywhere(&self) -> Option<PathBuf> {
        if self.incomplete {
            return Some(PathBuf::new());
        }
        self.path_writers
            .iter()
            .find_map(|&file| self.readers.path(file))
            .map(Path::to_path_buf)
    }

    /// An async library other than asyncio that some file of the project
    /// imports, and the file (see [`Self::other_library`]). A file the scan
    /// cannot read or decode does not count: Python cannot import it
    /// either.
    pub(super) fn other_async_library(&self) -> Option<(LibrarySource, PathBuf)> {
        let (file, source) = match self.other_library {
            Some((file, library)) => (file, LibrarySource::Imported(library)),
            None => (self.computed_trio()?, LibrarySource::ComputedTrio),
        };
        Some((source, self.readers.path(file)?.to_path_buf()))
    }

    /// The first file importing a module by a computed name, where some
    /// file spells `"trio"` in quotes: that module may be trio.
    fn computed_trio(&self) -> Option<u32> {
        self.computed_importer.filter(|_| self.mentions_trio)
    }

    /// The first file of the project importing a module by a name it
    /// computes (see [`Self::computed_importer`]).
    pub(super) fn computed_importer_file(&self) -> Option<PathBuf> {
        Some(self.readers.path(self.computed_importer?)?.to_path_buf())
    }

    /// A file of the project that may drive coroutines by hand (see
    /// [`Self::hand_driver`]).
    pub(super) fn coroutine_driver(&self) -> Option<PathBuf> {
        Some(self.readers.path(self.hand_driver?)?.to_path_buf())
    }

    /// A file of the project that imports nest_asyncio (see
    /// [`Self::nest_asyncio_file`]).
    pub(super) fn nest_asyncio_importer(&self) -> Option<PathBuf> {
        Some(self.readers.path(self.nest_asyncio_file?)?.to_path_buf())
    }

    /// An async library with a loop of its own that some file of the
    /// project imports, and the file: trio, curio or twisted, or anyio
    /// where some file spells `"trio"` (its backend's name), or a module
    /// imported by a computed name where some file spells `"trio"` (it may
    /// be trio: `importlib.import_module(BACKEND)`). A coroutine of any
    /// module may run there, where no asyncio loop runs.
    pub(super) fn runner_library(&self) -> Option<(LibrarySource, PathBuf)> {
        let (file, source) = match self.runner_library {
            Some((file, library)) => (file, LibrarySource::Imported(library)),
            None => match self.anyio_file.filter(|_| self.mentions_trio) {
                Some(file) => (file, LibrarySource::Imported("anyio")),
                None => (self.computed_trio()?, LibrarySource::ComputedTrio),
            },
        };
        Some((source, self.readers.path(file)?.to_path_buf()))
    }

    /// A file of the project that may run the module `module` (an
    /// absolute dotted name) again in a process that already ran it:
    /// `runpy.run_module` or `runpy.run_path` of it (of its package, for a
    /// `__main__`), or `importlib.reload` of it; by a name the scan cannot
    /// read, of any module. An empty path when a file could not be
    /// scanned.
    ///
    /// `as_main`: the code runs only when the module runs as `__main__`
    /// (the main-guard block): an import of the module again
    /// ([`Rerun::Import`]) gives it its own name, and does not run that.
    pub(super) fn rerunner(&self, module: &str, as_main: bool) -> Option<PathBuf> {
        if self.incomplete {
            return Some(PathBuf::new());
        }
        let mut parts = module.rsplit('.');
        let last = parts.next().unwrap_or(module);
        let package = (last == "__main__").then(|| parts.next()).flatten();
        self.reruns
            .iter()
            .find(|(_, word, how)| {
                !(as_main && *how == Rerun::Import)
                    && word
                        .as_deref()
                        .is_none_or(|word| word == last || package == Some(word))
            })
            .and_then(|&(file, _, _)| self.readers.path(file))
            .map(Path::to_path_buf)
    }

    /// Whether the file numbered `file` spells a call that gets, makes,
    /// sets or runs an event loop (see [`Self::loop_managers`]); every
    /// file, when a file could not be scanned.
    pub(super) fn manages_loops(&self, file: u32) -> bool {
        self.incomplete || self.loop_managers.binary_search(&file).is_ok()
    }

    /// The files with a class statement naming `base` among its bases.
    pub(super) fn files_naming<'s>(&'s self, base: &str) -> impl Iterator<Item = &'s Path> + 's {
        self.class_bases
            .get(base)
            .into_iter()
            .flatten()
            .filter_map(|&file| self.readers.path(file))
    }

    /// The files with a class statement whose base the file may bind by
    /// an assignment (see [`Self::assigned_bases`]).
    pub(super) fn files_with_assigned_bases(&self) -> impl Iterator<Item = &Path> + '_ {
        self.assigned_bases
            .iter()
            .filter_map(|&file| self.readers.path(file))
    }

    /// Adds what one file's text shows.
    fn add_file(&mut self, spelled: &Spelled, words: &dyn ModuleWords, number: Option<u32>) {
        let text = spelled.text;
        let bytes = text.as_bytes();
        let modules = ModuleReceivers::of_file(spelled, words);
        self.placed_in_file = false;
        self.file_number = number;
        // Class statements: `class ` as the first word of a line.
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        // Bases that are plain names (`Base`, not `models.Base`).
        let mut plain: FxHashSet<&str> = FxHashSet::default();
        // A class statement's bases hold a call, a subscript or a star
        // (`class S(make_base())`, `class S(bases[0])`, `class S(*bases)`):
        // the index reads the file, as the class may derive from any class.
        let mut loose = false;
        for at in spelled.at(Spelling::Class) {
            let (start, end) = line_around(bytes, at);
            let Some(indent) = text.get(start..at) else {
                continue;
            };
            if !indent.chars().all(char::is_whitespace) {
                continue;
            }
            let Some(rest) = text.get(at + "class ".len()..end) else {
                continue;
            };
            let Some(open) = rest.find('(') else {
                continue;
            };
            let inside = &rest[open + 1..];
            // Bases that go on past the line (`class S(\n    Base,\n):`)
            // are read up to the parenthesis that closes them.
            let more = text
                .get(end..bases_end(bytes, inside, end))
                .unwrap_or_default();
            let on_line = closing_parenthesis(rest, open)
                .and_then(|close| rest.get(open + 1..close))
                .unwrap_or(inside);
            loose |= [on_line, more]
                .iter()
                .any(|bases| bases.contains(['(', '[', '*']));
            for word in inside
                .split(|c: char| !(c == '_' || c == '.' || c.is_alphanumeric()))
                .chain(more.split(|c: char| !(c == '_' || c == '.' || c.is_alphanumeric())))
                .filter(|w| !w.is_empty())
            {
                let last = word.rsplit('.').next().unwrap_or(word);
                if at > start {
                    insert(&mut self.hidden_bases, last);
                    // `def make(base): class D(base): …`, `for base in
                    // bases: class D(base)`: a class in a function whose
                    // base is a name bound there may derive from any class.
                    if !self.any_hidden_base
                        && last.len() == word.len()
                        && is_identifier(word)
                        && (assigns_name(text, word) || is_parameter_name(text, word))
                    {
                        self.any_hidden_base = true;
                    }
                }
                if last.len() == word.len() && word != "metaclass" && is_identifier(word) {
                    plain.insert(word);
                }
                if seen.insert(last) {
                    match number {
                        Some(number) => self
                            .class_bases
                            .entry(last.into())
                            .or_default()
                            .push(number),
                        None => self.incomplete = true,
                    }
                }
            }
        }
        if loose || plain.iter().any(|name| assigns_name(text, name)) {
            match number {
                Some(number) => self.assigned_bases.push(number),
                None => self.incomplete = true,
            }
        }
        // `del a.b, c.d`: the attribute each target ends with is deleted;
        // a dotted name read in a key or a call (`del pools[asyncio.
        // get_event_loop()]`) is not.
        for at in spelled.at(Spelling::Del) {
            let (start, end) = line_around(bytes, at);
            let (Some(indent), Some(line)) = (text.get(start..at), text.get(at..end)) else {
                continue;
            };
            if !indent.chars().all(char::is_whitespace) {
                continue;
            }
            for dot in deleted_attribute_dots(line) {
                let name = identifier_at(line, dot + 1);
                if !name.is_empty() {
                    insert(&mut self.written_attributes, name);
                    self.note_module_write(&modules, receiver_of(text, at + dot), Some(name));
                }
            }
        }
        // `.name` followed by an assignment, and calls that make classes
        // or write attributes by name. A line is read once per kind.
        let mut last_hidden_line = usize::MAX;
        let mut last_written_line = usize::MAX;
        for at in memchr::memchr2_iter(b'.', b'(', bytes) {
            if bytes.get(at) == Some(&b'(') {
                let before = bytes.get(..at).unwrap_or_default();
                let hidden = before.ends_with(b"type")
                    || before.ends_with(b"new_class")
                    || before.ends_with(b"make_dataclass");
                let written = before.ends_with(b"setattr")
                    || before.ends_with(b"delattr")
                    || before.ends_with(b"__setattr__")
                    || before.ends_with(b"__delattr__")
                    || before.ends_with(b"patch.object");
                if !hidden && !written {
                    self.add_patch_call(&modules, text, at);
                    continue;
                }
                let (start, end) = line_around(bytes, at);
                let Some(line) = text.get(start..end) else {
                    continue;
                };
                if hidden && last_hidden_line != start {
                    last_hidden_line = start;
                    insert_words(&mut self.hidden_bases, line);
                }
                if hidden && !self.any_hidden_base {
                    self.any_hidden_base = makes_class_of_unread_bases(text, at);
                }
                if written && last_written_line != start {
                    last_written_line = start;
                    insert_words(&mut self.written_attributes, line);
                }
                if written {
                    let placeable = !before.ends_with(b"patch.object");
                    let inside = text.get(at + 1..).unwrap_or_default();
                    if let Some(object) = bound_dunder_receiver(text, at) {
                        self.add_bound_dunder_write(&modules, object, inside);
                    } else {
                        self.add_named_write(&modules, inside, placeable);
                    }
                }
                continue;
            }
            let name = identifier_at(text, at + 1);
            if name.is_empty() {
                if let Some(name) = other_target(text, at) {
                    insert(&mut self.written_attributes, name);
                    self.note_module_write(&modules, receiver_of(text, at), Some(name));
                }
                continue;
            }
            let after = at + 1 + name.len();
            if assigns_at(text, after) || target_of(text, at, after) {
                insert(&mut self.written_attributes, name);
                self.note_module_write(&modules, receiver_of(text, at), Some(name));
            }
        }
        self.add_namespace_writes(&modules, spelled);
        self.add_dunder_by_name(&modules, text);
        // A file run by its path (`runpy.run_path("tools/patch.py")`,
        // `exec(open(p).read())`, a loader given a file) may be one the
        // walk leaves out (no `.py`, in an environment): it may write
        // anything.
        let uncommented = |at: usize| {
            let (start, _) = line_around(bytes, at);
            !text.get(start..at).unwrap_or_default().contains('#')
        };
        let exec_open = || {
            spelled.at(Spelling::Exec).any(|at| {
                text.get(at..)
                    .is_some_and(|rest| rest.starts_with("exec(open("))
                    && uncommented(at)
            })
        };
        if RUNS_FILES
            .iter()
            .any(|&spelling| spelled.at(spelling).any(uncommented))
            || exec_open()
        {
            self.any_attribute_written = true;
            insert(&mut self.any_attribute_of, ANY_MODULE);
            self.any_module_replaced = true;
        }
        self.add_setattr_values(&modules, spelled);
        self.class_changed |= self.writes_class_changer();
        self.add_alias_names(spelled);
        if self.placed_in_file {
            match number {
                Some(number) => self.placed_computed_files.push(number),
                None => self.any_attribute_written = true,
            }
        }
    }

    /// The files with a computed write on a plain name (see
    /// [`Self::placed_computed_files`]); `None` for one whose path is
    /// lost.
    pub(super) fn files_with_placed_writes(&self) -> impl Iterator<Item = Option<&Path>> + '_ {
        self.placed_computed_files
            .iter()
            .map(|&file| self.readers.path(file))
    }

    /// Adds the names `text` binds as other names of something (see
    /// [`Self::alias_names`]), and whether it defines a module
    /// `__getattr__` (see [`Self::module_getattr`]).
    fn add_alias_names(&mut self, spelled: &Spelled) {
        let (finders, text) = (spelled.finders, spelled.text);
        let bytes = text.as_bytes();
        for &at in &spelled.aliases {
            let name = identifier_at(text, skip_blanks(bytes, at + " as".len()));
            if !name.is_empty() {
                insert(&mut self.alias_names, name);
            }
        }
        for at in finders.assign.find_iter(bytes) {
            let (start, end) = line_around(bytes, at);
            let (Some(target), Some(value)) = (text.get(start..at), text.get(at + 3..end)) else {
                continue;
            };
            let value = value.split('#').next().unwrap_or_default().trim();
            if is_identifier(target) && !value.is_empty() && value.split('.').all(is_identifier) {
                insert(&mut self.alias_names, target);
            }
        }
        if !self.module_getattr {
            self.module_getattr = spelled
                .at(Spelling::ModuleGetattr)
                .any(|at| at == 0 || bytes.get(at - 1) == Some(&b'\n'));
        }
    }

    /// Once every file is scanned: the files whose class statements name
    /// a base that may be another name of a class (see
    /// [`Self::alias_names`]), or every file with a class statement with
    /// bases when some module defines `__getattr__`, join the files the
    /// index reads for any class (see [`Self::assigned_bases`]).
    fn finish(&mut self) {
        let mut more: Vec<u32> = Vec::new();
        for (base, files) in &self.class_bases {
            if self.module_getattr || self.alias_names.contains(base) {
                more.extend(files);
            }
        }
        if more.is_empty() {
            return;
        }
        self.assigned_bases.extend(more);
        self.assigned_bases.sort_unstable();
        self.assigned_bases.dedup();
    }

    /// Adds what a call at the `(` at `open` writes when it is one the
    /// line rule of [`Self::add_file`] does not read: `mock.patch("app.store.save")`
    /// (the last part of the dotted name; a target it cannot read: any
    /// attribute), `patch.multiple(store, save=f)` (its keywords),
    /// `patch.dict(store.__dict__, {"save": f})` or `patch.dict(vars(store),
    /// save=f)` (the keys; any other values: any attribute), and
    /// `setattr (x, "save", f)` or `patch.object (…)` spelled with a space
    /// before the parenthesis.
    fn add_patch_call<'t>(&mut self, modules: &ModuleReceivers<'t>, text: &'t str, open: usize) {
        let bytes = text.as_bytes();
        let before = bytes
            .get(..skip_blanks_back(bytes, open))
            .unwrap_or_default();
        let callee_ends = |name: &[u8]| {
            before.ends_with(name)
                && !before
                    .len()
                    .checked_sub(name.len() + 1)
                    .and_then(|b| before.get(b))
                    .copied()
                    .is_some_and(is_word_byte)
        };
        let inside = text.get(open + 1..).unwrap_or_default();
        // `p(…)`, `p.object(…)` under `from unittest.mock import patch as
        // p`: read as `patch(…)`, `patch.object(…)`.
        let by_alias = |suffix: &[u8]| {
            modules.patchers.iter().any(|alias| {
                before
                    .strip_suffix(suffix)
                    .and_then(|head| head.strip_suffix(alias.as_bytes()))
                    .is_some_and(|head| !head.last().is_some_and(|&b| is_word_byte(b) || b == b'.'))
            })
        };
        // `monkeypatch.setitem(vars(store), "save", f)`, `setitem(
        // store.__dict__, …)`: a namespace's key.
        if callee_ends(b"setitem")
            && let Some(namespace) = first_argument(inside).and_then(namespace_of)
            && let Some(key) = second_argument(inside).and_then(|a| string_literal(a.trim()))
        {
            insert(&mut self.named_attributes, key);
            self.note_module_write(modules, Some(namespace), Some(key));
            return;
        }
        // `vars(asyncio).__setitem__("wait_for", f)`, `asyncio.__dict__
        // .__setitem__(…)`, `.setdefault(…)`: a namespace's key.
        for method in [&b"__setitem__"[..], b"setdefault"] {
            if callee_ends(method)
                && let Some(dot) = before.len().checked_sub(method.len() + 1)
                && before.get(dot) == Some(&b'.')
                && let Some(namespace) = text
                    .get(expression_start(bytes, dot)..dot)
                    .and_then(namespace_of)
            {
                match first_argument(inside).and_then(|a| string_literal(a.trim())) {
                    Some(key) => {
                        insert(&mut self.named_attributes, key);
                        self.note_module_write(modules, Some(namespace), Some(key));
                    }
                    None => {
                        self.any_attribute_written = true;
                        self.note_computed_write(Some(namespace));
                        self.note_module_write(modules, Some(namespace), None);
                    }
                }
                return;
            }
        }
        if by_alias(b".object") {
            self.add_named_write(modules, inside, false);
            return;
        }
        let aliased = by_alias(b"");
        // `def patch(self, path)`: a definition, no call.
        let defines = |name: &[u8]| {
            let head = before
                .get(..before.len().saturating_sub(name.len()))
                .unwrap_or_default();
            let head = head
                .get(..skip_blanks_back(head, head.len()))
                .unwrap_or_default();
            head.ends_with(b"def")
                && !head
                    .len()
                    .checked_sub(4)
                    .and_then(|b| head.get(b))
                    .copied()
                    .is_some_and(is_word_byte)
        };
        // `mock.patch(…)`, `mocker.patch(…)`, or a bare `patch(…)` in a file
        // that names a mock library; not `client.patch(url)` of an HTTP
        // client.
        let mock_patch = || {
            let head = before
                .get(..before.len().saturating_sub(b"patch".len()))
                .unwrap_or_default();
            match head.strip_suffix(b".") {
                Some(receiver) => {
                    let start = receiver
                        .iter()
                        .rposition(|&b| !is_word_byte(b))
                        .map_or(0, |i| i + 1);
                    receiver.get(start..).is_some_and(|word| {
                        word.to_ascii_lowercase().windows(4).any(|w| w == b"mock")
                            || modules.mock_modules.iter().any(|m| m.as_bytes() == word)
                    })
                }
                None => text.contains("mock"),
            }
        };
        if aliased || callee_ends(b"patch") && !defines(b"patch") && mock_patch() {
            // `patch(target, new, …)`, `patch(target="app.store.save")`.
            let target = first_argument(inside).map(|argument| {
                let argument = argument.trim();
                argument
                    .strip_prefix("target")
                    .map(str::trim_start)
                    .and_then(|rest| rest.strip_prefix('='))
                    .map_or(argument, str::trim)
            });
            let attribute = second_argument(inside).and_then(|a| string_literal(a.trim()));
            match (target.and_then(string_literal), attribute) {
                (Some(dotted), _) => {
                    let (receiver, name) = dotted.rsplit_once('.').unwrap_or(("", dotted));
                    let name = name.trim();
                    insert(&mut self.named_attributes, name);
                    self.note_module_write(modules, Some(receiver), Some(name));
                }
                // `patch = mock.patch.object` … `patch(loop, "add_reader")`.
                (None, Some(name)) => {
                    insert(&mut self.named_attributes, name);
                    self.note_module_write(modules, target, Some(name));
                }
                // A target the code computes (`patch(target)`): any
                // attribute; of a module of the project when the line
                // names one or builds a dotted name (`f"app.work.{name}"`).
                // A target the code computes (`patch(target)`): any
                // attribute of any object, that of a module that escapes
                // its names too (see [`Self::unknown_writes`]); only `K`
                // when the target ends with it in a literal (`MODULE +
                // ".K"`, `f"{MODULE}.K"`, `"{}.K".format(MODULE)`).
                (None, None) => {
                    self.any_attribute_written = true;
                    self.note_computed_write(None);
                    let named = target.map(literal_last_names).unwrap_or_default();
                    if named.is_empty() {
                        self.note_target_write(None);
                    }
                    for name in named {
                        self.note_target_write(Some(name));
                    }
                }
            }
        } else if callee_ends(b"multiple")
            && (before.ends_with(b"patch.multiple") || by_alias(b".multiple"))
        {
            // The target: an object, or a dotted string naming one.
            let target = first_argument(inside).map(|argument| {
                let argument = argument.trim();
                string_literal(argument).unwrap_or(argument)
            });
            match call_arguments(text, open) {
                Some(arguments) => {
                    for (keyword, _) in arguments.into_iter().skip(1) {
                        if let Some(name) = keyword {
                            insert(&mut self.named_attributes, name);
                        } else {
                            // `**{"wait_for": f}`, `**dict(wait_for=f)`.
                            self.any_attribute_written = true;
                            self.note_computed_write(target);
                        }
                        self.note_module_write(modules, target, keyword);
                    }
                }
                None => {
                    self.any_attribute_written = true;
                    self.note_computed_write(target);
                    self.note_module_write(modules, target, None);
                }
            }
        } else if callee_ends(b"dict") && (before.ends_with(b"patch.dict") || by_alias(b".dict")) {
            // `patch.dict(asyncio.__dict__, …)`, `patch.dict("asyncio.__dict__", …)`.
            let Some(target) = first_argument(inside).and_then(|argument| {
                namespace_of(string_literal(argument.trim()).unwrap_or(argument))
            }) else {
                return;
            };
            let Some(arguments) = call_arguments(text, open) else {
                self.any_attribute_written = true;
                self.note_module_write(modules, Some(target), None);
                return;
            };
            for (index, (keyword, value)) in arguments.into_iter().enumerate() {
                match (index, keyword) {
                    (0, None) => {}
                    (1, None) => match dict_keys(value) {
                        Some(keys) => {
                            for key in keys {
                                insert(&mut self.named_attributes, key);
                                self.note_module_write(modules, Some(target), Some(key));
                            }
                        }
                        None => {
                            self.any_attribute_written = true;
                            self.note_module_write(modules, Some(target), None);
                        }
                    },
                    (_, Some(name)) if name != "clear" && name != "values" => {
                        insert(&mut self.named_attributes, name);
                        self.note_module_write(modules, Some(target), Some(name));
                    }
                    _ => {
                        self.any_attribute_written = true;
                        self.note_module_write(modules, Some(target), None);
                    }
                }
            }
        } else if before.len() < open
            && [
                &b"setattr"[..],
                b"delattr",
                b"__setattr__",
                b"__delattr__",
                b"patch.object",
            ]
            .iter()
            .any(|name| before.ends_with(name))
        {
            let placeable = !before.ends_with(b"patch.object");
            self.add_named_write(modules, inside, placeable);
        }
    }

    /// Adds what a `setattr`, `delattr` or `patch.object` call writes, from
    /// the text after its `(`: the name its second argument gives as a
    /// string literal, else any attribute; on a module of the project when
    /// its first argument may be one. A `setattr`-like call (`placeable`,
    /// not `patch.object`) with a computed name on a plain name is left
    /// to the file's summary to place (see [`Self::placed_computed_files`]).
    fn add_named_write<'t>(
        &mut self,
        modules: &ModuleReceivers<'t>,
        inside: &'t str,
        placeable: bool,
    ) {
        let mut receiver = first_argument(inside);
        let mut name = second_argument(inside).and_then(|argument| string_literal(argument.trim()));
        // pytest's `monkeypatch.setattr("app.work.asyncio", fake)` and
        // `monkeypatch.delattr("socket.AF_UNIX")`: a dotted string names
        // the receiver and the attribute.
        if name.is_none()
            && let Some((object, attribute)) = receiver
                .and_then(|argument| string_literal(argument.trim()))
                .and_then(|dotted| dotted.rsplit_once('.'))
            && is_identifier(attribute.trim())
        {
            receiver = Some(object);
            name = Some(attribute.trim());
        }
        match name {
            Some(name) => insert(&mut self.named_attributes, name),
            None if placeable && receiver.is_some_and(|r| is_identifier(r.trim())) => {
                self.placed_in_file = true;
                self.note_computed_write(receiver);
            }
            None => {
                self.any_attribute_written = true;
                self.note_computed_write(receiver);
            }
        }
        self.note_module_write(modules, receiver, name);
    }

    /// Adds the write of a bound `__setattr__` or `__delattr__` called on
    /// `object` (its text; see [`bound_dunder_receiver`]), with `inside`
    /// the text after the call's `(`: `svc.__setattr__("flush", f)` writes
    /// `flush` on `svc`, as `setattr(svc, "flush", f)` does.
    fn add_bound_dunder_write<'t>(
        &mut self,
        modules: &ModuleReceivers<'t>,
        object: &'t str,
        inside: &'t str,
    ) {
        let name = first_argument(inside).and_then(|argument| string_literal(argument.trim()));
        match name {
            Some(name) => insert(&mut self.named_attributes, name),
            None => {
                self.any_attribute_written = true;
                self.note_computed_write(Some(object));
            }
        }
        self.note_module_write(modules, Some(object), name);
    }

    /// Adds the writes of `__setattr__` and `__delattr__` reached by their
    /// name in quotes: `operator.methodcaller("__setattr__", "flush", f)`
    /// writes `flush` on whatever it is applied to (an object the file
    /// cannot name), `getattr(svc, "__setattr__")` may write any
    /// attribute of `svc`.
    fn add_dunder_by_name<'t>(&mut self, modules: &ModuleReceivers<'t>, text: &'t str) {
        let bytes = text.as_bytes();
        for dunder in ["__setattr__", "__delattr__"] {
            for at in memmem::find_iter(bytes, dunder.as_bytes()) {
                let Some(quote) = at.checked_sub(1) else {
                    continue;
                };
                let Some(&mark @ (b'"' | b'\'')) = bytes.get(quote) else {
                    continue;
                };
                if bytes.get(at + dunder.len()) != Some(&mark) || !in_code(text, quote) {
                    continue;
                }
                let Some(open) = enclosing_opener(bytes, quote) else {
                    continue;
                };
                if bytes.get(open) != Some(&b'(') {
                    continue;
                }
                let callee = identifier_before(text, skip_blanks_back(bytes, open));
                let inside = text.get(open + 1..).unwrap_or_default();
                let first = text
                    .get(open + 1..quote)
                    .is_some_and(|between| between.trim().is_empty());
                match callee {
                    "methodcaller" if first => {
                        let name = second_argument(inside)
                            .and_then(|argument| string_literal(argument.trim()));
                        match name {
                            Some(name) => insert(&mut self.named_attributes, name),
                            None => self.any_attribute_written = true,
                        }
                        self.note_unknown_write(name);
                    }
                    "getattr" if !first => {
                        let receiver = first_argument(inside);
                        self.any_attribute_written = true;
                        self.note_computed_write(receiver);
                        self.note_module_write(modules, receiver, None);
                    }
                    _ => {}
                }
            }
        }
    }

    /// Notes a write by a target or name the code computes in the file
    /// being scanned (see [`Self::computed_writers`]), on `receiver` (its
    /// text, when the scan reads one).
    /// A receiver that names an object (`self.message`, `obj[0]`) is none
    /// of a module's names and is left out; one that reaches a module by
    /// its name (`sys.modules[key]`, `globals()[…]`) may be any.
    fn note_computed_write(&mut self, receiver: Option<&str>) {
        let receiver = match receiver.map(|r| {
            let r = r.trim();
            string_literal(r).unwrap_or(r)
        }) {
            None => None,
            Some(r)
                if ["modules", "import_module", "__import__", "globals"]
                    .iter()
                    .any(|getter| r.contains(getter)) =>
            {
                None
            }
            Some(r) if is_identifier(r) => Some(Box::<str>::from(r)),
            // `patch.multiple("app.asyncio", **stubs)`: the module's word.
            Some(r) if r.split('.').all(is_identifier) && !r.starts_with("self.") => {
                Some(Box::<str>::from(r.rsplit('.').next().unwrap_or(r)))
            }
            Some(_) => return,
        };
        match self.file_number {
            Some(number) => {
                if !self.computed_writers.contains(&(number, receiver.clone())) {
                    self.computed_writers.push((number, receiver));
                }
            }
            None => self.incomplete = true,
        }
    }

    /// Notes a write through another module's globals (see
    /// [`GLOBALS_OF`]) in the file being scanned.
    fn note_computed_global(&mut self, receiver: Box<str>) {
        let entry = (self.file_number, Some(receiver));
        match entry {
            (Some(number), receiver) => {
                if !self.computed_writers.contains(&(number, receiver.clone())) {
                    self.computed_writers.push((number, receiver));
                }
            }
            (None, _) => self.incomplete = true,
        }
    }

    /// Notes a write of the attribute `name` (`None`: a name the scan cannot
    /// read) on `receiver` (its text; `None` when it cannot be read) when
    /// the receiver may be a module of the project.
    fn note_module_write<'t>(
        &mut self,
        modules: &ModuleReceivers<'t>,
        receiver: Option<&'t str>,
        name: Option<&str>,
    ) {
        let word = match receiver {
            Some(receiver) => modules.module_word(receiver),
            None => Some(ANY_MODULE),
        };
        let Some(word) = word else {
            // An object the file cannot name (`m.TIMEOUT = 0` on a
            // parameter, `self.mod.TIMEOUT = 0`, `mods[0].TIMEOUT = 0`):
            // a module that escapes its names may be it (see
            // [`Self::unknown_writes`]); `self` and `cls` are instances
            // and classes.
            // A mock (`with mock.patch("app.asyncio") as m_asyncio:`,
            // `m = Mock()`) is no module either.
            if receiver
                .map(str::trim)
                .is_some_and(|r| !matches!(r, "self" | "cls") && !modules.is_mock(r))
            {
                self.note_unknown_write(name);
            }
            return;
        };
        match name {
            Some(name) => {
                if !self
                    .module_attributes
                    .get(word)
                    .is_some_and(|names| names.contains(name))
                {
                    self.module_attributes
                        .entry(word.into())
                        .or_default()
                        .insert(name.into());
                }
            }
            None => insert(&mut self.any_attribute_of, word),
        }
    }

    /// Notes a write of the attribute `name` (`None`: a name the scan
    /// cannot read) on an object the file being scanned cannot name (see
    /// [`Self::unknown_writes`]).
    fn note_unknown_write(&mut self, name: Option<&str>) {
        let Some(number) = self.file_number else {
            self.incomplete = true;
            return;
        };
        note_first_write(
            &mut self.unknown_writes,
            &mut self.any_unknown_write,
            name,
            number,
        );
    }

    /// Notes a patch of the attribute `name` (`None`: a name the scan
    /// cannot read) by a dotted target the file being scanned computes
    /// (see [`Self::target_writes`]).
    fn note_target_write(&mut self, name: Option<&str>) {
        let Some(number) = self.file_number else {
            self.incomplete = true;
            return;
        };
        note_first_write(
            &mut self.target_writes,
            &mut self.any_target_write,
            name,
            number,
        );
    }

    /// Adds the functions that write attributes by name used as values
    /// (`functools.partial(setattr, store)`, `write = setattr`): any
    /// attribute may be written; of a module too, unless the text shows
    /// where the value goes and none of it is a module (see
    /// [`Self::value_writes_no_module`]).
    fn add_setattr_values<'t>(&mut self, modules: &ModuleReceivers<'t>, spelled: &Spelled<'t>) {
        let text = spelled.text;
        let bytes = text.as_bytes();
        for spelling in [Spelling::Setattr, Spelling::Delattr] {
            for at in spelled.at(spelling) {
                let mut start = at;
                while start
                    .checked_sub(1)
                    .and_then(|b| bytes.get(b))
                    .copied()
                    .is_some_and(is_word_byte)
                {
                    start -= 1;
                }
                let word = identifier_at(text, start);
                if !matches!(word, "setattr" | "delattr" | "__setattr__" | "__delattr__") {
                    continue;
                }
                // `getattr(builtins, "setattr")(m, "K", v)`: the function
                // reached by its name in quotes writes what it is given.
                if let Some(quote) = start.checked_sub(1)
                    && let Some(&mark @ (b'"' | b'\'')) = bytes.get(quote)
                    && bytes.get(start + word.len()) == Some(&mark)
                {
                    if namespace_by_name(text, quote).is_some() {
                        self.any_attribute_written = true;
                        insert(&mut self.any_attribute_of, ANY_MODULE);
                    }
                    continue;
                }
                let next = skip_blanks(bytes, start + word.len());
                // A value in code (`= setattr`, `partial(setattr, m)`), not
                // a word of a comment or of prose (`` `setattr` ``).
                let value = in_code(text, start)
                    && bytes.get(next).is_none_or(|b| {
                        matches!(b, b',' | b')' | b']' | b'}' | b';' | b'\n' | b'\r' | b'#')
                    });
                if bytes.get(next) != Some(&b'(') {
                    self.any_attribute_written = true;
                    if !value {
                        continue;
                    }
                    // Of a module too: where the value goes (`set_ =
                    // setattr`, then `set_(service, "TIMEOUT", 0)` in
                    // another function) the scan follows only so far.
                    if !self.value_writes_no_module(modules, text, start, next) {
                        insert(&mut self.any_attribute_of, ANY_MODULE);
                    }
                }
            }
        }
    }

    /// Whether a `setattr`-like function read as a value at `start` (the
    /// word; `next`: the first byte past it and blanks) writes only
    /// objects that are no module, as far as the text shows where it goes:
    /// - handed on with the object and a literal name after it
    ///   (`assertRaises(E, setattr, a, "_id", 5)`, `addCleanup(setattr,
    ///   self, "loop", None)`): the write of that name on that object, as
    ///   the direct call `setattr(a, "_id", 5)` would be read;
    /// - kept under a name local to a function (`_setter =
    ///   object.__setattr__`) that the file only ever calls: each call is
    ///   read as the direct call, and must be on `self`, `cls` or a name
    ///   that is no module (no import binds it, the index knows no
    ///   module by it).
    ///
    /// A value bound to another object (`work.__setattr__`), handed on
    /// otherwise (`partial(setattr, m)`, `map(setattr, …)`), kept at a
    /// module's or a class's top level (another file may import it), or
    /// whose name is read other than by a call (returned, stored, passed
    /// on, declared `global`) may write a module.
    fn value_writes_no_module<'t>(
        &mut self,
        modules: &ModuleReceivers<'t>,
        text: &'t str,
        start: usize,
        next: usize,
    ) -> bool {
        let bytes = text.as_bytes();
        let (line_start, _) = line_around(bytes, start);
        let head = text.get(line_start..start).unwrap_or_default();
        let head = head
            .strip_suffix("object.")
            .or_else(|| head.strip_suffix("builtins."))
            .unwrap_or(head);
        if head.trim_end().ends_with('.') {
            // Bound to an object of its own: `work.__setattr__`.
            return false;
        }
        match bytes.get(next) {
            Some(b',') => {
                let before = head.trim_end();
                let called = before.strip_suffix('(').map(str::trim_end);
                if !(before.ends_with(',') || called.is_some()) {
                    return false;
                }
                // `map(setattr, objects, names, values)`: each object of
                // a sequence.
                if called.is_some_and(|callee| callee.ends_with("map")) {
                    return false;
                }
                let inside = text.get(next + 1..).unwrap_or_default();
                // `partial(object.__setattr__, self)`: any attribute of the
                // instance (or class) the method runs on, of no module.
                if called.is_some_and(|callee| callee.ends_with("partial"))
                    && first_argument(inside)
                        .map(str::trim)
                        .is_some_and(|receiver| matches!(receiver, "self" | "cls"))
                {
                    return true;
                }
                self.write_on_no_module(modules, text, inside, true)
            }
            None | Some(b'\n' | b'\r' | b'#') => {
                let Some(name) = head
                    .trim_end()
                    .strip_suffix('=')
                    .map(str::trim)
                    .filter(|name| is_identifier(name))
                else {
                    return false;
                };
                let assigned = line_start + (head.len() - head.trim_start().len());
                local_to_a_function(text, line_start)
                    && self.only_called_on_no_module(modules, text, name, assigned)
            }
            Some(_) => false,
        }
    }

    /// Whether every use of `name` (a function's local that a
    /// `setattr`-like function was assigned to at `assigned`) in `text` is
    /// a call on an object that is no module, or assigns it the same again
    /// (see [`Self::value_writes_no_module`]).
    fn only_called_on_no_module<'t>(
        &mut self,
        modules: &ModuleReceivers<'t>,
        text: &'t str,
        name: &str,
        assigned: usize,
    ) -> bool {
        let bytes = text.as_bytes();
        let mut calls = 0;
        for at in memmem::find_iter(bytes, name.as_bytes()) {
            let end = at + name.len();
            if at
                .checked_sub(1)
                .and_then(|b| bytes.get(b))
                .copied()
                .is_some_and(is_word_byte)
                || bytes.get(end).copied().is_some_and(is_word_byte)
            {
                continue;
            }
            if !in_code(text, at) || at == assigned {
                continue;
            }
            if at
                .checked_sub(1)
                .and_then(|b| bytes.get(b))
                .is_some_and(|&b| b == b'.')
            {
                return false;
            }
            let rest = text
                .get(end..)
                .unwrap_or_default()
                .trim_start_matches([' ', '\t']);
            if let Some(value) = rest.strip_prefix('=')
                && !value.starts_with('=')
            {
                // Bound the same way again (in another method).
                let value = value.trim_start_matches([' ', '\t']);
                let same = ["object.__setattr__", "builtins.setattr", "setattr"]
                    .into_iter()
                    .chain(["object.__delattr__", "builtins.delattr", "delattr"])
                    .any(|writer| {
                        value.strip_prefix(writer).is_some_and(|after| {
                            let after = after.trim_start_matches([' ', '\t']);
                            after.is_empty() || after.starts_with(['\n', '\r', '#'])
                        })
                    });
                if !same {
                    return false;
                }
                continue;
            }
            let Some(inside) = rest.strip_prefix('(') else {
                return false;
            };
            if !self.write_on_no_module(modules, text, inside, false) {
                return false;
            }
            calls += 1;
        }
        calls > 0
    }

    /// Whether the direct call `setattr(…)` whose arguments start `inside`
    /// writes an object that is no module: its first argument is `self`,
    /// `cls`, or a name (dotted or not) the file imports nothing as and
    /// the index knows no module by. A literal name (`named`: which it
    /// must be) is noted as the direct call's, and as written on some
    /// module unless the object is `self` or `cls`.
    fn write_on_no_module<'t>(
        &mut self,
        modules: &ModuleReceivers<'t>,
        text: &'t str,
        inside: &'t str,
        named: bool,
    ) -> bool {
        let Some(receiver) = first_argument(inside).map(str::trim) else {
            return false;
        };
        let name = second_argument(inside).and_then(|argument| string_literal(argument.trim()));
        if named && name.is_none() {
            return false;
        }
        let mut parts = receiver.split('.');
        let first = parts.next().unwrap_or_default();
        // A parameter of the function the call is in is its local, even
        // when spelled like a module of the project or an import.
        let parameter = is_identifier(receiver)
            .then(|| parameter_of_enclosing_def(text, text.len() - inside.len(), receiver))
            .flatten();
        if parameter.is_none()
            && (!(receiver.split('.').all(is_identifier) || made_by_a_class(receiver))
                || modules.module_word(receiver).is_some()
                || !matches!(first, "self" | "cls") && imports_name(text, first))
        {
            return false;
        }
        if let Some(name) = name {
            insert(&mut self.named_attributes, name);
            // A parameter, or what an attribute holds, may still be a
            // module handed in (`def put(obj): s(obj, "TIMEOUT", 0)`): its
            // attribute of that name, on some module.
            if !matches!(receiver, "self" | "cls") {
                self.note_unknown_write(Some(name));
            }
        } else if parameter.is_some() && !matches!(receiver, "self" | "cls") {
            // Any attribute of a module handed to the function.
            self.note_unknown_write(None);
        }
        true
    }

    /// Whether some code writes an attribute that changes what every
    /// other attribute of an object may be (see [`CLASS_CHANGERS`]).
    fn writes_class_changer(&self) -> bool {
        CLASS_CHANGERS.iter().any(|name| {
            self.written_attributes.contains(*name) || self.named_attributes.contains(*name)
        })
    }

    /// Adds the writes of a namespace dictionary by key (see
    /// [`namespace_writes`]): a literal key is a written attribute, any
    /// other may be every attribute.
    fn add_namespace_writes<'t>(&mut self, modules: &ModuleReceivers<'t>, spelled: &Spelled<'t>) {
        for (receiver, key) in namespace_writes(spelled) {
            match key {
                Some(name) => insert(&mut self.written_attributes, name),
                None => {
                    self.any_attribute_written = true;
                    // `vars(builtins)[name] = X`: any attribute of what
                    // the receiver names, a library's module too (see
                    // `ProjectIndex::computed_writer`).
                    self.note_computed_write(receiver);
                }
            }
            self.note_module_write(modules, receiver, key);
        }
        let NamespaceEscapes {
            found: escapes,
            globals,
            named,
        } = namespace_escapes(spelled);
        for (head, name) in named {
            insert(&mut self.written_attributes, name);
            self.note_module_write(modules, None, Some(name));
            let receiver = format!("{GLOBALS_OF}{head}");
            self.note_computed_global(receiver.into());
        }
        for receiver in escapes {
            self.any_attribute_written = true;
            // `ns = vars(builtins)` … `ns["TimeoutError"] = X`: the
            // namespace's keys are not seen; as a write by a computed
            // name on the receiver, a library's module too.
            self.note_computed_write(receiver);
            self.note_module_write(modules, receiver, None);
        }
        // Another module's globals written through a function or a frame
        // (`mock.patch.dict(work.backoff.__globals__, …)`): as a write by a
        // computed name of the modules the file names (see
        // `ProjectIndex::computed_writer`).
        let bytes = spelled.text.as_bytes();
        for head in globals {
            if let Some(head) = head {
                if own_function(bytes, head) {
                    // `def helper` … `helper.__globals__[k] = v`: the
                    // file's own module, which the caller adds.
                    match self.file_number {
                        Some(number) => {
                            if !self.own_globals_writers.contains(&number) {
                                self.own_globals_writers.push(number);
                            }
                        }
                        None => self.incomplete = true,
                    }
                } else {
                    // A function reached from an import may have the
                    // globals of any module (one a package re-exports,
                    // `app.work.backoff` from `app`): every module's.
                    self.any_attribute_written = true;
                    self.note_module_write(modules, None, None);
                }
            }
            let receiver = format!("{GLOBALS_OF}{}", head.unwrap_or_default());
            self.note_computed_global(receiver.into());
        }
    }
}

/// One scan in progress. The thread that starts it ([`Build::finish`])
/// and any other that needs it meanwhile ([`Build::help`]) take the files
/// one by one, each into its own part; the parts are merged at the end
/// into what one thread reading every file in order would have found.
pub(super) struct Build {
    with_readers: bool,
    /// The scan looks for class bases, written attributes and the writes
    /// of `sys.path` and `sys.modules` (all but a table of readers made
    /// apart).
    with_writes: bool,
    /// Where what each file shows is kept for the next run, and read back
    /// from (see [`super::cache`]).
    cache: Option<Cache>,
    /// A hash of [`Self::words`] (what each file shows depends on them):
    /// part of the keys of the cache's entries.
    words_digest: u128,
    /// The hash of the bytes of each file an earlier scan of the project
    /// read (see [`ProjectScan::readers_build`]), by file: a file whose
    /// entry for this scan is in the cache under it is not read again.
    contents: Vec<(u32, cache::Content)>,
    /// The project's files, numbered (their table of readers still empty).
    files: Readers,
    words: readers::Words,
    finders: Finders,
    reader_finders: readers::Finders,
    /// The number of the next file no thread has taken.
    next: AtomicUsize,
    state: Mutex<BuildState>,
    /// Signalled when a helper hands its part over.
    helped: Condvar,
}

#[derive(Default)]
struct BuildState {
    /// The files are all taken: a thread that comes now does not help.
    closed: bool,
    /// Helpers at work.
    active: usize,
    parts: Vec<Part>,
    /// A helper stopped without handing its part over (it panicked): the
    /// files it took are not scanned.
    lost: bool,
}

/// What one thread of a [`Build`] found in the files it took.
#[derive(Default)]
struct Part {
    scan: ProjectScan,
    mentions: readers::Mentions,
    /// Files that write `sys.modules[__name__]`: their own module (see
    /// [`ProjectScan::add_module_writes`]).
    own_module_replaced: Vec<usize>,
}

impl Build {
    /// A scan of every Python file under the project's root (hidden and
    /// `.gitignore`d ones too; the [`SKIPPED_DIRS`] and environments left
    /// out), each read once: `.py`, `.pyw`, `.pyi` and `.ipynb` files and
    /// Python scripts without an extension (see
    /// [`super::is_python_script`]) for the table of readers (when
    /// `with_readers`), and the `.py` and `.pyw` files and scripts that are
    /// UTF-8, and the notebooks' code cells, for the class bases,
    /// attributes and the other facts. The files are listed here;
    /// [`Self::finish`] reads them.
    pub(super) fn new(layout: &Layout, with_readers: bool, cache: Option<Cache>) -> Build {
        let walker = ignore::WalkBuilder::new(&layout.root)
            .standard_filters(false)
            .filter_entry(|entry| {
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                !is_dir
                    || (entry
                        .file_name()
                        .to_str()
                        .is_none_or(|name| !is_skipped_dir(name, entry.path()))
                        && (entry.depth() == 0 || !is_environment(entry.path())))
            })
            .build();
        let paths: Vec<PathBuf> = walker
            .flatten()
            .map(ignore::DirEntry::into_path)
            .filter(|path| match path.extension() {
                Some(e) => e == "py" || e == "pyw" || e == "ipynb" || e == "pyi",
                // `bin/worker` starting `#!/usr/bin/env python3`.
                None => path.is_file() && super::is_python_script(path),
            })
            .collect();
        let (files, words) = Readers::of_files(paths);
        Build::of_files(files, words, (with_readers, true), cache)
    }

    /// A scan of the files `files` lists, for what it is asked to find
    /// (the table of readers, the writes), its findings kept in `cache`.
    fn of_files(
        files: Readers,
        words: readers::Words,
        (with_readers, with_writes): (bool, bool),
        cache: Option<Cache>,
    ) -> Build {
        let words_digest = if cache.is_some() { words.digest() } else { 0 };
        Build {
            with_readers,
            with_writes,
            cache,
            words_digest,
            contents: Vec::new(),
            files,
            words,
            finders: Finders::new(),
            reader_finders: readers::Finders::new(),
            next: AtomicUsize::new(0),
            state: Mutex::new(BuildState::default()),
            helped: Condvar::new(),
        }
    }

    fn state(&self) -> MutexGuard<'_, BuildState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Scans files of the project until none is left untaken, from a
    /// thread that needs the scan while another makes it.
    pub(super) fn help(&self) {
        {
            let mut state = self.state();
            if state.closed {
                return;
            }
            state.active += 1;
        }
        // Hands the part over, or reports it lost when the scan panics.
        struct Handover<'b> {
            build: &'b Build,
            part: Option<Part>,
        }
        impl Drop for Handover<'_> {
            fn drop(&mut self) {
                let mut state = self.build.state();
                match self.part.take() {
                    Some(part) => state.parts.push(part),
                    None => state.lost = true,
                }
                state.active -= 1;
                self.build.helped.notify_all();
            }
        }
        let mut handover = Handover {
            build: self,
            part: None,
        };
        handover.part = Some(self.work());
    }

    /// Scans files until none is left untaken, then waits for the helpers
    /// and merges every part.
    pub(super) fn finish(&self, layout: &Layout) -> ProjectScan {
        let own = self.work();
        let (parts, lost) = {
            let mut state = self.state();
            state.closed = true;
            while state.active > 0 {
                state = self
                    .helped
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            (std::mem::take(&mut state.parts), state.lost)
        };
        let (mut readers, _) = self.files.copy_files();
        let mut scan = ProjectScan::default();
        let mut mentions = Vec::new();
        for part in std::iter::once(own).chain(parts) {
            scan.merge(part.scan);
            mentions.push(part.mentions);
            for at in part.own_module_replaced {
                // `sys.modules[__name__] = …`: the file's own module.
                match readers.path_at(at).and_then(|p| layout.module_name(p)) {
                    Some((name, _)) => insert(&mut scan.replaced_modules, &name),
                    None => scan.any_module_replaced = true,
                }
            }
        }
        for &file in &scan.own_globals_writers {
            // A function's `__globals__` written in the file that defines
            // it: the file's own module.
            match readers.path(file).and_then(readers::module_word) {
                Some(word) => insert(&mut scan.any_attribute_of, &word),
                None => insert(&mut scan.any_attribute_of, ANY_MODULE),
            }
        }
        scan.sort_files();
        scan.finish();
        scan.incomplete |= lost;
        if self.with_readers {
            readers.add_parts(mentions);
        }
        scan.readers = readers;
        scan.has_readers = self.with_readers;
        scan
    }

    /// Scans the files no thread has taken yet, one at a time, into a part.
    fn work(&self) -> Part {
        let mut part = Part::default();
        let mut bytes = Vec::new();
        while self.take(&mut part, &mut bytes) {}
        part
    }

    /// Scans the next file no thread has taken into `part`; `false` when
    /// every file is taken.
    fn take(&self, part: &mut Part, bytes: &mut Vec<u8>) -> bool {
        let at = self.next.fetch_add(1, Ordering::Relaxed);
        let Some(path) = self.files.path_at(at) else {
            return false;
        };
        bytes.clear();
        self.add_file(part, at, path, bytes);
        true
    }

    /// Reads the file numbered `at` (into `bytes`) and adds what it shows.
    fn add_file(&self, part: &mut Part, at: usize, path: &Path, bytes: &mut Vec<u8>) {
        let scan = &mut part.scan;
        // A notebook's code cells run as a module's code does: read as the
        // fixer reads them (see `notebook_code`), for every table.
        let notebook = super::is_notebook(path);
        let is_python = super::is_python_source(path);
        if !is_python && !notebook && !self.with_readers {
            return;
        }
        // A file over the parser's limit is not read into memory; the
        // table of bases is then incomplete, and every question about a
        // base unknown (the readers take it as a file they cannot read).
        // A Python file the scan cannot read (or decode) may write any
        // attribute and derive from any class: the tables are incomplete.
        // What an earlier scan of the same bytes found, without reading
        // them again.
        if self.with_readers
            && !self.with_writes
            && let Some(cache) = &self.cache
            && let Ok(number) = u32::try_from(at)
            && let Ok(found) = self
                .contents
                .binary_search_by_key(&number, |(file, _)| *file)
            && let Some(&(_, content)) = self.contents.get(found)
            && let Some(mentions) = cache.scanned(cache::scan_key(
                ScanKind::Mentions,
                self.words_digest,
                content,
            ))
        {
            part.mentions.add_found(at, mentions);
            return;
        }
        let Ok(mut file) = std::fs::File::open(path) else {
            scan.incomplete |= is_python;
            return;
        };
        if file.metadata().is_ok_and(|m| m.len() > u64::from(u32::MAX)) {
            scan.incomplete |= is_python;
            return;
        }
        if std::io::Read::read_to_end(&mut file, bytes).is_err() {
            scan.incomplete |= is_python;
            return;
        }
        if notebook {
            *bytes = super::notebook_code(bytes);
        }
        let content = self.cache.as_ref().map(|_| cache::Content::of(bytes));
        if self.with_readers {
            match (&self.cache, content) {
                (Some(cache), Some(content)) => {
                    let key = cache::scan_key(ScanKind::Mentions, self.words_digest, content);
                    let found = cache.scanned(key).unwrap_or_else(|| {
                        let found = FileMentions::of_text(bytes, &self.words, &self.reader_finders);
                        cache.keep_scanned(key, &found);
                        found
                    });
                    part.mentions.add_found(at, found);
                }
                _ => part
                    .mentions
                    .add_text(at, bytes, &self.words, &self.reader_finders),
            }
        }
        if !(is_python || notebook) || !self.with_writes {
            return;
        }
        let number = u32::try_from(at).ok();
        match (&self.cache, content, number) {
            (Some(cache), Some(content), Some(number)) => {
                part.scan.contents.push((number, content));
                let key = cache::scan_key(ScanKind::Writes, self.words_digest, content);
                let facts = cache.scanned(key).unwrap_or_else(|| {
                    let mut facts = FileFacts::default();
                    facts.own_module_replaced = self.add_writes(&mut facts.scan, bytes, Some(0));
                    cache.keep_scanned(key, &facts);
                    facts
                });
                let FileFacts {
                    mut scan,
                    own_module_replaced,
                } = facts;
                scan.renumber(number);
                part.scan.merge(scan);
                if own_module_replaced {
                    part.own_module_replaced.push(at);
                }
            }
            _ => {
                if self.add_writes(scan, bytes, number) {
                    part.own_module_replaced.push(at);
                }
            }
        }
    }

    /// Adds to `scan` what the bytes of a Python file show, as the file
    /// numbered `number` (`None`: past what a number holds); `true` when
    /// it writes `sys.modules[__name__]`, its own module, which the caller
    /// adds.
    fn add_writes(&self, scan: &mut ProjectScan, bytes: &[u8], number: Option<u32>) -> bool {
        let Ok(text) = std::str::from_utf8(bytes) else {
            scan.incomplete = true;
            return false;
        };
        let spelled = self.finders.spell(text);
        scan.add_file(&spelled, &self.words, number);
        if let Some(number) = number {
            scan.spelled_words
                .push((number, SpelledWords::of_text(bytes)));
            scan.escapes.extend(
                escapes(text)
                    .into_iter()
                    .map(|(line, name)| (number, line, name)),
            );
        }
        if writes_sys_path(&spelled) {
            match number {
                Some(number) => scan.path_writers.push(number),
                None => scan.incomplete = true,
            }
        }
        // The backend's name, as anyio (and its pytest plugin) take it.
        // pytest-trio runs a test marked so under trio, with no import.
        if spelled.has(Spelling::Trio)
            && memmem::find(bytes, b"mark.trio").is_some()
            && let Some(number) = number
            && scan.runner_library.is_none_or(|(first, _)| number < first)
        {
            scan.runner_library = Some((number, "trio"));
        }
        scan.mentions_trio |= spelled.has(Spelling::Trio)
            && (memmem::find(bytes, b"\"trio\"").is_some()
                || memmem::find(bytes, b"'trio'").is_some())
            || spelled.has(Spelling::Anyio) && names_a_computed_backend(text);
        if scan.computed_importer.is_none() && imports_by_computed_name(text) {
            match number {
                Some(number) => scan.computed_importer = Some(number),
                None => scan.incomplete = true,
            }
        }
        // A library that steps coroutines itself, with no loop
        // (`asyncgui.start(work())`): a runner all the same.
        if let Some(library) = imported_driver_library(text)
            && let Some(number) = number
            && scan.runner_library.is_none_or(|(first, _)| number < first)
        {
            scan.runner_library = Some((number, library));
        }
        // anyio's pytest plugin runs a test marked so, or every test of a
        // module given an `anyio_backend` fixture, under the backend the
        // fixture names, with no import of anyio.
        if [&b"mark.anyio"[..], b"anyio_backend"]
            .into_iter()
            .any(|needle| memmem::find_iter(bytes, needle).any(|at| in_code(text, at)))
            && let Some(number) = number
        {
            scan.anyio_file = Some(scan.anyio_file.map_or(number, |f| f.min(number)));
            // The fixture's names, however it builds them
            // (`"asyncio,trio".split(",")`).
            scan.mentions_trio |= spelled.has(Spelling::Trio);
        }
        for library in imported_async_libraries(&spelled) {
            let Some(number) = number else {
                scan.incomplete = true;
                break;
            };
            if library == "anyio" {
                scan.anyio_file = Some(scan.anyio_file.map_or(number, |f| f.min(number)));
            } else if scan.runner_library.is_none_or(|(first, _)| number < first) {
                scan.runner_library = Some((number, library));
            }
        }
        if let Some(library) = imported_async_library(&spelled) {
            match number {
                Some(number) if scan.other_library.is_none_or(|(first, _)| number < first) => {
                    scan.other_library = Some((number, library));
                }
                Some(_) => {}
                None => scan.incomplete = true,
            }
        }
        if scan.nest_asyncio_file.is_none()
            && memmem::find(bytes, b"nest_asyncio").is_some()
            && imported_tops(text).any(|top| top == "nest_asyncio")
        {
            match number {
                Some(number) => scan.nest_asyncio_file = Some(number),
                None => scan.incomplete = true,
            }
        }
        if scan.hand_driver.is_none() && drives_coroutines_by_hand(text) {
            match number {
                Some(number) => scan.hand_driver = Some(number),
                None => scan.incomplete = true,
            }
        }
        let own = scan.add_module_writes(&spelled);
        let reruns = reruns(&spelled, &self.words);
        let loops = LOOP_CALLS
            .iter()
            .any(|&spelling| spelled.at(spelling).any(|at| in_code(text, at)));
        if !reruns.is_empty() || loops {
            let Some(number) = number else {
                scan.incomplete = true;
                return own;
            };
            scan.reruns
                .extend(reruns.into_iter().map(|(word, how)| (number, word, how)));
            if loops {
                scan.loop_managers.push(number);
            }
        }
        own
    }
}

/// The words one file spells, as a Bloom filter: every maximal run of
/// ASCII letters, digits and `_` (a name bounded so is exactly such a
/// run). It may say a word is spelled that is not (a few in a hundred),
/// never the reverse.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct SpelledWords {
    bits: Box<[u64]>,
}

impl SpelledWords {
    /// The bits each word sets.
    const PROBES: u32 = 3;

    /// The filter of the words of `bytes`: a bit for every three bytes of
    /// text (some eight for each distinct word of most files), in one
    /// pass over the bytes, 64 at a time: which of them are word bytes
    /// (a mask the compiler makes with vector instructions), then where
    /// that changes, a word's start or the byte past its end.
    fn of_text(bytes: &[u8]) -> SpelledWords {
        let len = (bytes.len() / 3).next_power_of_two().max(64);
        let mut bits = vec![0u64; len / 64].into_boxed_slice();
        let mut set = |word: &[u8]| {
            if SpelledWords::is_kept(word) {
                for bit in Self::bits_of(WordHash::of(word), len) {
                    if let Some(cell) = bits.get_mut(bit / 64) {
                        *cell |= 1 << (bit % 64);
                    }
                }
            }
        };
        let mut start = 0;
        // Whether the byte before the block is a word byte.
        let mut before = 0u64;
        for (block, chunk) in bytes.chunks(64).enumerate() {
            let word_bytes = WordHash::word_bytes(chunk);
            let mut changes = word_bytes ^ (word_bytes << 1 | before);
            before = word_bytes >> 63;
            while changes != 0 {
                let i = changes.trailing_zeros();
                changes &= changes - 1;
                let at = block * 64 + i as usize;
                if word_bytes >> i & 1 == 1 {
                    start = at;
                } else if let Some(word) = bytes.get(start..at) {
                    set(word);
                }
            }
        }
        // A word that runs to the end of a text of whole blocks (a shorter
        // last block ends with non-word bytes: its word ended there).
        if before == 1
            && let Some(word) = bytes.get(start..)
        {
            set(word);
        }
        SpelledWords { bits }
    }

    /// Whether the filter holds `word` (a maximal run): not one of under
    /// three bytes (`i`, `if`: cheaper to read the files than to keep),
    /// nor a number (no name starts with a digit).
    fn is_kept(word: &[u8]) -> bool {
        word.len() >= 3 && word.first().is_some_and(|b| !b.is_ascii_digit())
    }

    /// The bits of a word whose hash (see [`WordHash`]) is `hash`, of
    /// `len` bits (a power of two).
    fn bits_of(hash: u64, len: usize) -> impl Iterator<Item = usize> {
        // Two halves of one hash make every probe (Kirsch and Mitzenmacher).
        let (low, high) = (hash as u32, (hash >> 32) as u32 | 1);
        (0..Self::PROBES).map(move |i| low.wrapping_add(i.wrapping_mul(high)) as usize & (len - 1))
    }

    /// Whether the file may spell `word` as a maximal run (always, for a
    /// word with anything else in it).
    fn may_spell(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if !Self::is_kept(bytes) || !bytes.iter().all(|&b| WordHash::is_word_byte(b)) {
            return true;
        }
        let len = self.bits.len() * 64;
        if len == 0 {
            return true;
        }
        Self::bits_of(WordHash::of(bytes), len).all(|bit| {
            self.bits
                .get(bit / 64)
                .is_none_or(|cell| cell & (1 << (bit % 64)) != 0)
        })
    }
}

/// The hash of a word for [`SpelledWords`]: of its length and its first
/// and last eight bytes (the same word, the same hash; two long words
/// alike at both ends share one, which costs only a file read for
/// nothing).
struct WordHash;

impl WordHash {
    const WORD: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            let byte = b as u8;
            table[b] = byte.is_ascii_alphanumeric() || byte == b'_';
            b += 1;
        }
        table
    };

    fn is_word_byte(b: u8) -> bool {
        Self::WORD[usize::from(b)]
    }

    /// Which bytes of `chunk` (at most 64) are word bytes, bit `i` for
    /// byte `i`; bits past the chunk's end are clear.
    fn word_bytes(chunk: &[u8]) -> u64 {
        let mut block = [0u8; 64];
        match chunk.first_chunk::<64>() {
            Some(whole) => block = *whole,
            None => {
                let n = chunk.len().min(64);
                if let (Some(to), Some(from)) = (block.get_mut(..n), chunk.get(..n)) {
                    to.copy_from_slice(from);
                }
            }
        }
        // Byte by byte into flags, then flags into bits: both loops of
        // fixed length, which the compiler turns into compares and a
        // mask of their signs.
        let mut flags = [0u8; 64];
        for (flag, &b) in flags.iter_mut().zip(&block) {
            *flag = u8::from(
                ((b | 0x20).wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10) | (b == b'_'),
            );
        }
        flags
            .iter()
            .enumerate()
            .fold(0, |mask, (i, &flag)| mask | u64::from(flag) << i)
    }

    fn of(word: &[u8]) -> u64 {
        // Little-endian, the bytes past a short word's end zero.
        let head = match word.first_chunk::<8>() {
            Some(head) => u64::from_le_bytes(*head),
            None => word
                .iter()
                .rev()
                .fold(0, |head, &b| head << 8 | u64::from(b)),
        };
        let tail = match word.last_chunk::<8>() {
            Some(tail) if word.len() > 8 => u64::from_le_bytes(*tail),
            _ => 0,
        };
        Self::mix(
            head ^ tail.rotate_left(29) ^ (word.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15),
        )
    }

    /// MurmurHash3's last mix, so that every bit of the hash counts.
    fn mix(mut hash: u64) -> u64 {
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ (hash >> 33)
    }
}

/// A route by which a module may reach a write of one of its attributes
/// (see [`ProjectScan::escaped_write`]).
pub(super) struct EscapedWrite<'s> {
    /// The file (by number) and line that let the module out.
    pub(super) file: u32,
    pub(super) line: u32,
    /// The module's name as spelled there (see [`ProjectScan::escapes`]).
    pub(super) escaped: &'s str,
    /// The file (by number) that writes the attribute.
    pub(super) writer: u32,
    /// It writes by a name it computes.
    pub(super) computed: bool,
}

/// What the index's cache keeps of the scan of one Python file (see
/// [`Build::add_writes`]): what it shows, as the file numbered 0 (see
/// [`ProjectScan::renumber`]).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct FileFacts {
    scan: ProjectScan,
    /// The file writes `sys.modules[__name__]`.
    own_module_replaced: bool,
}

/// The async libraries of [`ProjectScan`]'s fields as the cache keeps
/// them: by their place in [`OTHER_LIBRARY_MODULES`].
mod library_name {
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de, ser};

    use super::{DRIVER_LIBRARIES, OTHER_LIBRARY_MODULES};

    fn named() -> impl Iterator<Item = &'static str> {
        OTHER_LIBRARY_MODULES.into_iter().chain(DRIVER_LIBRARIES)
    }

    pub(super) fn serialize<S: Serializer>(
        value: &Option<(u32, &'static str)>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let kept = match value {
            None => None,
            Some((file, name)) => {
                let at = named()
                    .position(|library| library == *name)
                    .and_then(|at| u8::try_from(at).ok())
                    .ok_or_else(|| ser::Error::custom("no known library"))?;
                Some((*file, at))
            }
        };
        kept.serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<(u32, &'static str)>, D::Error> {
        let kept: Option<(u32, u8)> = Option::deserialize(deserializer)?;
        kept.map(|(file, at)| {
            named()
                .nth(usize::from(at))
                .map(|name| (file, name))
                .ok_or_else(|| de::Error::custom("no known library"))
        })
        .transpose()
    }
}

/// Attributes whose assignment changes what any other attribute of an
/// object may be: its class (`r.__class__ = SyncRedis`), what calling its
/// class makes (`Redis.__new__ = make`), how its attributes are looked up
/// (`__getattribute__`, `__getattr__`), its namespace, its class's bases.
const CLASS_CHANGERS: &[&str] = &[
    // A function's code: a coroutine function may become a plain one.
    "__code__",
    "__class__",
    "__new__",
    "__getattribute__",
    "__getattr__",
    "__dict__",
    "__bases__",
];

/// The spellings the scan of a file looks for that few lines hold: one
/// pass over a file finds every place any of them occurs (see
/// [`Finders::spell`]), and each rule then reads only those places. To add
/// one: a variant here, its text in [`Spelling::text`], and [`Spelling::ALL`]
/// (no spelling may begin another: the test `spellings_one_pass_finds`
/// checks it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spelling {
    Class,
    Del,
    Modules,
    SysPath,
    SiteDir,
    Setattr,
    Delattr,
    FromSys,
    SysAs,
    ModuleGetattr,
    MetaPath,
    PathHooks,
    GetattrSys,
    SyspathPrepend,
    RunPath,
    SpecFromFile,
    FileLoader,
    Exec,
    Vars,
    Dict,
    Code,
    Globals,
    FrameGlobals,
    GetReferents,
    Trio,
    Anyio,
    Curio,
    Twisted,
    RunModule,
    Reload,
    FreshModule,
    GetLoop,
    SetLoop,
    NewLoop,
    RunUntil,
    Eval,
    Compile,
    FunctionType,
    Interactive,
    Interact,
    LoadModule,
    LoadSource,
    MagicRun,
    Magic,
    SafeExecfile,
    CleanImport,
    DunderBuiltins,
    QuotedDict,
    QuotedDictSingle,
}

/// What runs source or a code object (see [`source_reruns`]): `exec`
/// (and `exec_module`), `eval`, `compile`, `types.FunctionType`, the
/// `code` module's interpreters, and the loaders' `load_module` and
/// `imp.load_source`.
const SOURCE_RUNS: [Spelling; 8] = [
    Spelling::Exec,
    Spelling::Eval,
    Spelling::Compile,
    Spelling::FunctionType,
    Spelling::Interactive,
    Spelling::Interact,
    Spelling::LoadModule,
    Spelling::LoadSource,
];

/// What runs a module's code again in a process that already ran it
/// (`test.support.import_helper.import_fresh_module("app.tool")` too).
const RERUNS: [Spelling; 4] = [
    Spelling::RunModule,
    Spelling::RunPath,
    Spelling::Reload,
    Spelling::FreshModule,
];

/// What gets, makes, sets or runs an event loop.
const LOOP_CALLS: [Spelling; 4] = [
    Spelling::GetLoop,
    Spelling::SetLoop,
    Spelling::NewLoop,
    Spelling::RunUntil,
];

/// The import machinery itself (`sys.meta_path`, `sys.path_hooks`), or
/// `sys`'s attributes by name (`getattr(sys, "modules")`), and pytest's
/// `syspath_prepend`.
const IMPORT_HOOKS: [Spelling; 4] = [
    Spelling::MetaPath,
    Spelling::PathHooks,
    Spelling::GetattrSys,
    Spelling::SyspathPrepend,
];

/// What runs a file by its path (see [`ProjectScan::add_file`]), with
/// `exec(open(` (an [`Spelling::Exec`] place followed by `(open(`).
const RUNS_FILES: [Spelling; 3] = [
    Spelling::RunPath,
    Spelling::SpecFromFile,
    Spelling::FileLoader,
];

/// The names of [`OTHER_LIBRARY_MODULES`], in its order.
const OTHER_LIBRARIES: [Spelling; 4] = [
    Spelling::Trio,
    Spelling::Anyio,
    Spelling::Curio,
    Spelling::Twisted,
];

impl Spelling {
    const ALL: [Spelling; 49] = [
        Spelling::Class,
        Spelling::Del,
        Spelling::Modules,
        Spelling::SysPath,
        Spelling::SiteDir,
        Spelling::Setattr,
        Spelling::Delattr,
        Spelling::FromSys,
        Spelling::SysAs,
        Spelling::ModuleGetattr,
        Spelling::MetaPath,
        Spelling::PathHooks,
        Spelling::GetattrSys,
        Spelling::SyspathPrepend,
        Spelling::RunPath,
        Spelling::SpecFromFile,
        Spelling::FileLoader,
        Spelling::Exec,
        Spelling::Vars,
        Spelling::Dict,
        Spelling::Code,
        Spelling::Globals,
        Spelling::FrameGlobals,
        Spelling::GetReferents,
        Spelling::Trio,
        Spelling::Anyio,
        Spelling::Curio,
        Spelling::Twisted,
        Spelling::RunModule,
        Spelling::Reload,
        Spelling::FreshModule,
        Spelling::GetLoop,
        Spelling::SetLoop,
        Spelling::NewLoop,
        Spelling::RunUntil,
        Spelling::Eval,
        Spelling::Compile,
        Spelling::FunctionType,
        Spelling::Interactive,
        Spelling::Interact,
        Spelling::LoadModule,
        Spelling::LoadSource,
        Spelling::MagicRun,
        Spelling::Magic,
        Spelling::SafeExecfile,
        Spelling::CleanImport,
        Spelling::DunderBuiltins,
        Spelling::QuotedDict,
        Spelling::QuotedDictSingle,
    ];

    fn text(self) -> &'static str {
        match self {
            Spelling::Class => "class ",
            Spelling::Del => "del ",
            Spelling::Modules => "modules",
            Spelling::SysPath => "sys.path",
            Spelling::SiteDir => "addsitedir",
            Spelling::Setattr => "setattr",
            Spelling::Delattr => "delattr",
            Spelling::FromSys => "from sys import",
            Spelling::SysAs => "sys as ",
            Spelling::ModuleGetattr => "def __getattr__(",
            Spelling::MetaPath => "meta_path",
            Spelling::PathHooks => "path_hooks",
            Spelling::GetattrSys => "getattr(sys,",
            Spelling::SyspathPrepend => "syspath_prepend(",
            Spelling::RunPath => "run_path(",
            Spelling::SpecFromFile => "spec_from_file_location(",
            Spelling::FileLoader => "SourceFileLoader(",
            Spelling::Exec => "exec",
            Spelling::Vars => "vars(",
            Spelling::Dict => ".__dict__",
            Spelling::Code => ".__code__",
            Spelling::Globals => "__globals__",
            Spelling::FrameGlobals => "f_globals",
            Spelling::GetReferents => "get_referents",
            Spelling::Trio => "trio",
            Spelling::Anyio => "anyio",
            Spelling::Curio => "curio",
            Spelling::Twisted => "twisted",
            Spelling::RunModule => "run_module(",
            Spelling::Reload => "reload(",
            Spelling::FreshModule => "import_fresh_module(",
            Spelling::GetLoop => "get_event_loop",
            Spelling::SetLoop => "set_event_loop",
            Spelling::NewLoop => "new_event_loop",
            Spelling::RunUntil => "run_until_complete",
            Spelling::Eval => "eval(",
            Spelling::Compile => "compile(",
            Spelling::FunctionType => "FunctionType",
            Spelling::Interactive => "Interactive",
            Spelling::Interact => "interact(",
            Spelling::LoadModule => "load_module(",
            Spelling::LoadSource => "load_source(",
            Spelling::MagicRun => "%run",
            Spelling::Magic => "magic(",
            Spelling::SafeExecfile => "safe_execfile",
            Spelling::CleanImport => "CleanImport(",
            Spelling::DunderBuiltins => "__builtins__",
            Spelling::QuotedDict => "\"__dict__\"",
            Spelling::QuotedDictSingle => "'__dict__'",
        }
    }
}

/// The searchers of a file's scan, made once per scan: the one pass over
/// the [`Spelling`]s, and one searcher each for the spellings many lines
/// hold (a pass of their own costs less than their many places in the one
/// pass).
struct Finders {
    /// `None` only if the searcher could not be built (a few short fixed
    /// strings never reach a limit of its builder): each spelling is then
    /// searched for alone.
    spellings: Option<&'static AhoCorasick>,
    dot_path: memmem::Finder<'static>,
    alias: memmem::Finder<'static>,
    assign: memmem::Finder<'static>,
}

impl Finders {
    fn new() -> Finders {
        // Made once per process: a run may scan many projects.
        static SPELLINGS: OnceLock<Option<AhoCorasick>> = OnceLock::new();
        let spellings = SPELLINGS
            .get_or_init(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(Spelling::ALL.map(Spelling::text))
                    .ok()
            })
            .as_ref();
        Finders {
            spellings,
            dot_path: memmem::Finder::new(b".path"),
            alias: memmem::Finder::new(b" as "),
            assign: memmem::Finder::new(b" = "),
        }
    }

    /// Where each [`Spelling`] occurs in `text`, as a search for that
    /// spelling alone (`memmem::find_iter`: from the start, each place
    /// after the end of the one before) finds them, in one pass.
    fn spell<'a>(&'a self, text: &'a str) -> Spelled<'a> {
        let Some(spellings) = self.spellings else {
            return self.spell_one_by_one(text);
        };
        let bytes = text.as_bytes();
        let mut spots = Vec::new();
        let mut ends = [0usize; Spelling::ALL.len()];
        // No spelling begins another, so at most one starts at a place: the
        // search finds every place of every spelling, also inside another's.
        for found in crate::search::starts(spellings, bytes) {
            let number = found.pattern().as_usize();
            if let (Some(&spelling), Some(end)) = (Spelling::ALL.get(number), ends.get_mut(number))
                && found.start() >= *end
            {
                spots.push((spelling, found.start()));
                *end = found.end();
            }
        }
        Spelled {
            finders: self,
            text,
            spots,
            aliases: self.alias.find_iter(bytes).collect(),
        }
    }

    /// [`Self::spell`], searching for each spelling alone.
    fn spell_one_by_one<'a>(&'a self, text: &'a str) -> Spelled<'a> {
        let mut spots: Vec<(Spelling, usize)> = Spelling::ALL
            .iter()
            .flat_map(|&spelling| {
                memmem::find_iter(text.as_bytes(), spelling.text()).map(move |at| (spelling, at))
            })
            .collect();
        spots.sort_by_key(|&(_, at)| at);
        Spelled {
            finders: self,
            text,
            spots,
            aliases: self.alias.find_iter(text.as_bytes()).collect(),
        }
    }
}

/// One file's text, and where each [`Spelling`] occurs in it.
struct Spelled<'a> {
    finders: &'a Finders,
    text: &'a str,
    spots: Vec<(Spelling, usize)>,
    /// Where ` as ` occurs (the rules that read it read it from here).
    aliases: Vec<usize>,
}

impl Spelled<'_> {
    /// Where `spelling` starts in the text, in order.
    fn at(&self, spelling: Spelling) -> impl Iterator<Item = usize> + '_ {
        self.spots
            .iter()
            .filter(move |(found, _)| *found == spelling)
            .map(|(_, at)| *at)
    }

    /// Whether the text holds `spelling`.
    fn has(&self, spelling: Spelling) -> bool {
        self.spots.iter().any(|(found, _)| *found == spelling)
    }

    /// Whether the text holds one of `spellings`.
    fn has_any(&self, spellings: &[Spelling]) -> bool {
        self.spots
            .iter()
            .any(|(found, _)| spellings.contains(found))
    }
}

/// Whether a file's text may drive coroutines by hand, as a test helper or
/// a small scheduler does (see `SemanticModel::drives_coroutines_by_hand`
/// for the module's own): `coro.send(None)`, or `.__await__()` but where a
/// line returns it or delegates to it (`return self._run().__await__()`,
/// `yield from c.__await__()`), which is awaiting; `types.coroutine`
/// (a trampoline that steps what it delegates to). Such a file may run
/// a coroutine of any module it is handed (through a registry, a list of
/// callbacks) where no loop runs.
fn drives_coroutines_by_hand(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `coro.send(None)`, and the method taken from the type:
    // `type(coro).send(coro, None)`.
    let sends = memmem::find_iter(bytes, b".send(").any(|at| {
        let open = at + ".send(".len();
        let rest = bytes.get(open..).unwrap_or_default();
        let end = memchr::memchr2(b')', b'\n', rest).unwrap_or(rest.len());
        let arguments = rest.get(..end).unwrap_or_default();
        rest.get(end) == Some(&b')')
            && arguments
                .rsplit(|&b| b == b',')
                .next()
                .is_some_and(|last| last.trim_ascii() == b"None")
            && arguments.split(|&b| b == b',').count() <= 2
            && !in_string_or_comment(text, at)
            && !sends_on_own_method(text, at)
    });
    // A generator made a coroutine by `types.coroutine` steps the
    // coroutines it delegates to (`next(trampoline(coro()))`).
    // `from types import coroutine` (or in a list of names, parenthesized
    // or not): the import names it, not merely some other word of the file
    // (`from types import ModuleType` beside `run_coroutine_threadsafe`).
    let imports_coroutine = memmem::find_iter(bytes, b"from types import").any(|at| {
        let rest = bytes
            .get(at + "from types import".len()..)
            .unwrap_or_default();
        let rest = rest.trim_ascii_start();
        let names = match rest.strip_prefix(b"(") {
            Some(inside) => {
                let end = memchr::memchr(b')', inside).unwrap_or(inside.len());
                inside.get(..end).unwrap_or_default()
            }
            None => {
                let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                rest.get(..end).unwrap_or_default()
            }
        };
        names
            .split(|&b| b == b',' || b.is_ascii_whitespace() || b == b'\\')
            .any(|word| word == b"coroutine")
    });
    let trampoline = memmem::find(bytes, b"types.coroutine").is_some() || imports_coroutine;
    sends
        || trampoline
        || steps_until_stop(text)
        || takes_step_method(text)
        || memmem::find_iter(bytes, b".__await__(").any(|at| {
            let line_start = bytes
                .get(..at)
                .unwrap_or_default()
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1);
            let line = bytes
                .get(line_start..at)
                .unwrap_or_default()
                .trim_ascii_start();
            let delegates = line.starts_with(b"return ") || line.starts_with(b"yield from ");
            // Delegating is awaiting only in an awaitable's own
            // `__await__` (or `__iter__`): a plain generator's `return
            // (yield from coro.__await__())` steps the coroutine for
            // whoever steps the generator.
            !(delegates
                && enclosing_def(text, line_start)
                    .is_some_and(|name| matches!(name, "__await__" | "__iter__")))
        })
}

/// Whether the place `at` of `text` is in a string or a comment, not
/// code: after a `#` on its line, after an odd count of one kind of
/// quote on its line, or after an odd count of one kind of triple quote
/// in the file (a docstring, a source text kept in a string).
fn in_string_or_comment(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let (start, _) = line_around(bytes, at);
    let before = bytes.get(start..at).unwrap_or_default();
    let odd = |quote: u8| before.iter().filter(|&&b| b == quote).count() % 2 == 1;
    let head = bytes.get(..at).unwrap_or_default();
    before.contains(&b'#')
        || odd(b'"')
        || odd(b'\'')
        || [b"\"\"\"".as_slice(), b"'''".as_slice()]
            .iter()
            .any(|triple| memmem::find_iter(head, triple).count() % 2 == 1)
}

/// Whether the `.send(` at `at` is called on `self` in the body of a
/// class that defines a plain `def send(` of its own: the object's own
/// method (a stream's, a channel's), no coroutine's step.
fn sends_on_own_method(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    if !text.get(..at).is_some_and(|head| {
        head.strip_suffix("self")
            .is_some_and(|rest| !rest.as_bytes().last().copied().is_some_and(is_word_byte))
    }) {
        return false;
    }
    let indent_of = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let (line_start, _) = line_around(bytes, at);
    let mut deepest = indent_of(line_of(text, at));
    // The class statement above the call, at a lower indent than every
    // line between them.
    let head = text.get(..line_start).unwrap_or_default();
    let mut class = None;
    for line in head.rsplit('\n') {
        if line.trim().is_empty() {
            continue;
        }
        let indent = indent_of(line);
        if indent >= deepest {
            continue;
        }
        deepest = indent;
        if line.trim_start().starts_with("class ") {
            class = Some(indent);
            break;
        }
        if indent == 0 {
            break;
        }
    }
    let Some(class_indent) = class else {
        return false;
    };
    // The class's body: the lines around the call indented more than its
    // class statement; one of them defines `send` (not `async def`).
    let before_body = head
        .rsplit('\n')
        .take_while(|line| line.trim().is_empty() || indent_of(line) > class_indent);
    let after_body = text
        .get(line_start..)
        .unwrap_or_default()
        .split('\n')
        .take_while(|line| line.trim().is_empty() || indent_of(line) > class_indent);
    before_body
        .chain(after_body)
        .any(|line| line.trim_start().starts_with("def send(") && indent_of(line) > class_indent)
}

/// The name of the `def` (or `async def`) whose body holds the line
/// starting at `line_start`, as the indentation shows (see
/// [`enclosing_def_start`]).
fn enclosing_def(text: &str, line_start: usize) -> Option<&str> {
    let start = enclosing_def_start(text, line_start)?;
    let code = line_of(text, start).trim_start_matches([' ', '\t']);
    let rest = code
        .strip_prefix("async def ")
        .or_else(|| code.strip_prefix("def "))?
        .trim_start();
    let end = rest.find(['(', '[', ' ', ':']).unwrap_or(rest.len());
    rest.get(..end)
}

/// Whether `text` spells `needle` anywhere (a vectorised search: the scan
/// asks this of every file).
fn spells(text: &str, needle: &str) -> bool {
    memmem::find(text.as_bytes(), needle.as_bytes()).is_some()
}

/// Where `text` spells `needle`, the places that do not overlap, in order
/// (as `str::match_indices` finds them, by a vectorised search).
fn places<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    memmem::find_iter(text.as_bytes(), needle.as_bytes())
}

/// Whether `text` steps something with `x.send(value)` (not awaited) in
/// the body of a `try` whose handler names `StopIteration`: a trampoline
/// (`value = coro.send(value)` until the coroutine returns). A socket's
/// or a channel's `send` does not end with `StopIteration`; a generator
/// pumped so (`flow.send(response)`) looks the same and counts too.
fn steps_until_stop(text: &str) -> bool {
    let bytes = text.as_bytes();
    let indent = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let mut handles_stop = false;
    let around_send = memmem::find_iter(bytes, b"StopIteration").any(|at| {
        let (start, end) = line_around(bytes, at);
        let Some(line) = text.get(start..end) else {
            return false;
        };
        let handler = line.trim_start();
        if !(handler.starts_with("except ") || handler.starts_with("except(")) {
            return false;
        }
        // A handler in a string (source text kept for another tool) is
        // no code.
        if in_string_or_comment(text, at) {
            return false;
        }
        handles_stop = true;
        let depth = indent(line);
        // The lines above, up to the `try:` at the handler's indent.
        let above = text.get(..start).unwrap_or_default();
        for line in above.lines().rev() {
            let stripped = line.trim_start();
            if stripped.is_empty() || stripped.starts_with('#') {
                continue;
            }
            let own = indent(line);
            // Past the `try:` (or out of its block): no `send` in its body.
            if own < depth || (own == depth && !stripped.starts_with("except")) {
                return false;
            }
            if own == depth {
                // Another handler of the same `try`.
                continue;
            }
            if let Some(at) = line.find(".send(") {
                let before = line.get(..at).unwrap_or_default();
                if !before.contains("await ") && !line.contains("def ") {
                    return true;
                }
            }
        }
        false
    });
    around_send
        || handles_stop && returns_a_step(text)
        || feeds_its_result(text)
        || sends_from_a_lambda(text)
}

/// Whether the line starting at `line_start` is in the body of a function
/// (`def`, `async def`), not at a module's or a class's top level (nor in
/// an `if`, `for`, `with`, `try` … there): a name it assigns is local.
fn local_to_a_function(text: &str, line_start: usize) -> bool {
    enclosing_def_start(text, line_start).is_some()
}

/// Where the line of the `def` (or `async def`) whose body holds the line
/// starting at `line_start` starts; `None` at a module's or a class's top
/// level (or in an `if`, `for`, `with`, `try` … there). A line that starts
/// by closing a bracket (`) -> bool:` ending a signature written over
/// several lines) continues the statement above it and leaves the block
/// as it is.
fn enclosing_def_start(text: &str, line_start: usize) -> Option<usize> {
    let indent_of = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let before = text.get(..line_start)?;
    let mut indent = indent_of(line_of(text, line_start));
    let mut end = before.len();
    for line in before.lines().rev() {
        // `lines` drops the `\n` (and a `\r` before it): step back over
        // what the line and its ending take.
        let start = last_place(before.get(..end)?, line)?;
        end = start;
        if indent == 0 {
            return None;
        }
        let code = line.trim_start_matches([' ', '\t']);
        if code.is_empty() || code.starts_with(['#', ')', ']', '}']) || indent_of(line) >= indent {
            continue;
        }
        if code.starts_with("def ") || code.starts_with("async def ") {
            return Some(start);
        }
        if code.starts_with("class ") {
            return None;
        }
        indent = indent_of(line);
    }
    None
}

/// [`enclosing_def_start`], remembering in `kept` what it found for each
/// line it stepped back to at a lower indent (the rest of the walk from
/// there is that line's own), so that the lines of one block are walked
/// back over once.
fn enclosing_def_start_kept(
    text: &str,
    line_start: usize,
    kept: &mut FxHashMap<usize, Option<usize>>,
) -> Option<usize> {
    if let Some(&known) = kept.get(&line_start) {
        return known;
    }
    let indent_of = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let before = text.get(..line_start)?;
    let mut indent = indent_of(line_of(text, line_start));
    let mut end = before.len();
    let mut passed = vec![line_start];
    let answer = 'walk: {
        for line in before.lines().rev() {
            let Some(start) = before.get(..end).and_then(|head| last_place(head, line)) else {
                break 'walk None;
            };
            end = start;
            if indent == 0 {
                break 'walk None;
            }
            let code = line.trim_start_matches([' ', '\t']);
            if code.is_empty()
                || code.starts_with(['#', ')', ']', '}'])
                || indent_of(line) >= indent
            {
                continue;
            }
            if code.starts_with("def ") || code.starts_with("async def ") {
                break 'walk Some(start);
            }
            if code.starts_with("class ") {
                break 'walk None;
            }
            // What is left of the walk is the one from this line, when it
            // is the line that starts there.
            if (start == 0 || text.as_bytes().get(start - 1) == Some(&b'\n'))
                && line_of(text, start) == line
            {
                if let Some(&known) = kept.get(&start) {
                    break 'walk known;
                }
                passed.push(start);
            }
            indent = indent_of(line);
        }
        None
    };
    for start in passed {
        kept.insert(start, answer);
    }
    answer
}

/// Where `needle` last starts in `haystack` (as `str::rfind`): first
/// where it would end the haystack, or end it but for line endings
/// (`\r`, `\n`) after it, as a line just before a line's start does;
/// else searched for.
fn last_place(haystack: &str, needle: &str) -> Option<usize> {
    let bytes = haystack.as_bytes();
    let mut end = bytes.len();
    loop {
        if bytes
            .get(..end)
            .is_some_and(|head| head.ends_with(needle.as_bytes()))
        {
            return Some(end - needle.len());
        }
        match end.checked_sub(1).and_then(|b| bytes.get(b)) {
            Some(b'\r' | b'\n') => end -= 1,
            _ => return haystack.rfind(needle),
        }
    }
}

/// Whether `name` is a parameter of the function whose body holds the
/// offset `at` of `text`: there it is local, whatever a module of the
/// project is called (`def update(self, entry): … _setter(entry, …)` in
/// a project with a module `entry`); the function's name.
fn parameter_of_enclosing_def<'t>(text: &'t str, at: usize, name: &str) -> Option<&'t str> {
    let (line_start, _) = line_around(text.as_bytes(), at);
    let def = enclosing_def_start(text, line_start)?;
    parameter_of_def(text, def, name)
}

/// Whether `name` is a parameter of the function whose `def` line starts
/// at `def`: the function's name.
fn parameter_of_def<'t>(text: &'t str, def: usize, name: &str) -> Option<&'t str> {
    let open = text.get(def..).and_then(|rest| rest.find('('))? + def;
    let inside = text.get(open + 1..).unwrap_or_default();
    let close = closing(inside, b')')?;
    let parameters = inside.get(..close).unwrap_or_default();
    let found = split_top_level(parameters).into_iter().any(|piece| {
        let piece = piece.trim().trim_start_matches('*').trim_start();
        identifier_at(piece, 0) == name
    });
    let head = text.get(def..open).unwrap_or_default().trim_start();
    let head = head.strip_prefix("async").unwrap_or(head).trim_start();
    let head = head.strip_prefix("def").unwrap_or(head).trim_start();
    found.then(|| identifier_at(head, 0))
}

/// Whether `name` is a parameter of a `lambda` of the line holding the
/// offset `at` of `text`, before it (`apply = lambda m, v: setattr(m, …)`):
/// the name the line assigns the lambda to, else [`ANY_MODULE`].
fn parameter_of_lambda<'t>(text: &'t str, at: usize, name: &str) -> Option<&'t str> {
    let (line_start, _) = line_around(text.as_bytes(), at);
    let head = text.get(line_start..at).unwrap_or_default();
    let assigned = head
        .split_once('=')
        .map(|(target, _)| target.trim())
        .filter(|target| is_identifier(target))
        .unwrap_or(ANY_MODULE);
    let mut rest = head;
    while let Some(found) = rest.find("lambda") {
        let after = rest.get(found + "lambda".len()..).unwrap_or_default();
        let parameters = after.split(':').next().unwrap_or_default();
        let starts_word = !rest
            .get(..found)
            .unwrap_or_default()
            .ends_with(|c: char| c == '_' || c.is_alphanumeric());
        if starts_word
            && after.starts_with([' ', '\t'])
            && parameters.split(',').any(|piece| {
                let piece = piece.trim().trim_start_matches('*').trim_start();
                identifier_at(piece, 0) == name
            })
        {
            return Some(assigned);
        }
        rest = after;
    }
    None
}

/// Where the dotted chain ending just before byte `at` starts: `app.` of
/// `app.work` (`at` itself when no word or dot is just before it).
fn chain_head(bytes: &[u8], at: usize) -> usize {
    // `app.work`: a package's attribute, as the module; `x.work` of
    // anything else (`self.work`) is not it.
    let mut head = at;
    while head
        .checked_sub(1)
        .and_then(|b| bytes.get(b))
        .is_some_and(|&b| b == b'.' || is_word_byte(b))
    {
        head -= 1;
    }
    head
}

/// Keeps the first file (`number`) that writes the attribute `name`, by
/// name in `named`, or in `any` for a name that cannot be read (`None`).
fn note_first_write(
    named: &mut FxHashMap<Box<str>, u32>,
    any: &mut Option<u32>,
    name: Option<&str>,
    number: u32,
) {
    match name {
        Some(name) => {
            if !named.contains_key(name) {
                named.insert(name.into(), number);
            }
        }
        None => {
            any.get_or_insert(number);
        }
    }
}

/// The mark of a place [`escapes`] notes, as the first byte of the name:
/// a string literal spelling a dotted name (`MODULE = "app.svc"`), the
/// module or a package above it, which a target computed from it may
/// reach (`mock.patch(MODULE + ".TIMEOUT")`).
pub(super) const SPELLED: char = '"';

/// The mark of a place [`escapes`] notes where the module leaves among
/// many others, reached only by a key: the file's namespace read as a
/// whole (`globals()`, `vars()`).
pub(super) const AMONG: char = '~';

/// Where `text`, a file's, lets a module leave the names its imports bind
/// it to (see [`ProjectScan::escapes`]), each with its line (from 1) and
/// the module's dotted name as spelled (relative ones keep their dots):
/// - a name an import binds (`svc` of `from app import svc`, `app` of
///   `import app.svc`, an alias), or a dotted chain from one (`app.svc`),
///   used as a value: a call's argument, an item of a display, a value
///   assigned, returned or yielded, a lambda's body, a `with` item
///   (`force(svc)`, `PLUGINS = {"svc": svc}`, `m = svc`, `return svc`),
///   not an attribute read (`svc.take()`, `svc.TIMEOUT`) nor the object
///   of a call that only reads it (`getattr(svc, …)`, `isinstance`,
///   `print`) or writes a named attribute the scan reads anyway
///   (`setattr(svc, "K", v)`, `patch.object(svc, "K")`);
/// - a member reached by `getattr(pkg, "svc")` (`pkg.svc`), or by a name
///   it computes (`pkg.*`: any module under `pkg`);
/// - a module reached by its name: `sys.modules`, `import_module(…)`,
///   `__import__(…)` (the literal they are given, else [`ANY_MODULE`]),
///   `inspect.getmodule(…)` ([`ANY_MODULE`]); every module the file
///   imports where its namespace is read (`globals()`, `vars()`);
/// - a string literal that spells a dotted name (`MODULE = "app.svc"`,
///   `"app.svc.TIMEOUT"`), marked with [`SPELLED`].
pub(super) fn escapes(text: &str) -> Vec<(u32, Box<str>)> {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, String)> = Vec::new();
    let (bound, statements) = import_bindings(text);
    if !bound.is_empty() {
        let mut kept = FxHashMap::default();
        // The triple quotes of the file, by kind: a place after an odd
        // count of one kind is in a docstring's prose.
        let triples: [Vec<usize>; 2] = [
            memmem::find_iter(bytes, b"\"\"\"").collect(),
            memmem::find_iter(bytes, b"'''").collect(),
        ];
        let in_docstring = |at: usize| {
            triples
                .iter()
                .any(|found| found.partition_point(|&quote| quote < at) % 2 == 1)
        };
        let in_import = |at: usize| {
            let index = statements.partition_point(|&(start, _)| start <= at);
            index
                .checked_sub(1)
                .and_then(|index| statements.get(index))
                .is_some_and(|&(_, end)| at < end)
        };
        for (next, &b) in bytes.iter().enumerate().chain([(bytes.len(), &b'\n')]) {
            if !matches!(
                b,
                b',' | b')' | b']' | b'}' | b':' | b'\n' | b'\r' | b';' | b'#'
            ) {
                continue;
            }
            let end = skip_blanks_back(bytes, next);
            if !end
                .checked_sub(1)
                .and_then(|b| bytes.get(b))
                .copied()
                .is_some_and(is_word_byte)
            {
                continue;
            }
            let mut at = end;
            while at
                .checked_sub(1)
                .and_then(|b| bytes.get(b))
                .copied()
                .is_some_and(is_word_byte)
            {
                at -= 1;
            }
            let head = chain_head(bytes, at);
            let (Some(name), Some(chain)) = (text.get(at..end), text.get(head..at)) else {
                continue;
            };
            let dotted = if chain.is_empty() {
                match bound.get(name) {
                    Some(dotted) => dotted.clone(),
                    None => continue,
                }
            } else {
                let package = chain.split('.').next().unwrap_or_default();
                match bound.get(package) {
                    Some(dotted) => {
                        let rest = text.get(head + package.len()..end).unwrap_or_default();
                        format!("{dotted}{rest}")
                    }
                    None => continue,
                }
            };
            if found.iter().any(|(_, known)| *known == dotted)
                || in_import(head)
                || in_docstring(head)
                || !is_value_use(text, head, end, b, &mut kept)
            {
                continue;
            }
            found.push((head, dotted));
        }
    }
    // A module reached by its name.
    for spelling in ["modules", "import_module(", "__import__(", "getmodule("] {
        for at in memmem::find_iter(bytes, spelling.as_bytes()) {
            if !in_code(text, at) || text.get(..at).unwrap_or_default().ends_with("def ") {
                continue;
            }
            if spelling == "modules" {
                // `sys.modules`, not `submodules`, nor `name in sys.modules`.
                let before = text.get(..at).unwrap_or_default();
                if !before.ends_with("sys.")
                    || before.trim_end_matches("sys.").trim_end().ends_with(" in")
                {
                    continue;
                }
            }
            let after = text.get(at + spelling.len()..).unwrap_or_default();
            let argument = match spelling {
                // `sys.modules["app.svc"]`.
                "modules" => after
                    .strip_prefix('[')
                    .and_then(|key| key.split_once(']'))
                    .map(|(key, _)| key),
                "getmodule(" => None,
                _ => first_argument(after),
            };
            // `import_module("x")` alone on its line: the module is
            // imported, not used.
            let head = chain_head(bytes, at);
            if spelling != "modules"
                && text
                    .get(line_around(bytes, at).0..head)
                    .is_some_and(|before| before.trim().is_empty())
            {
                continue;
            }
            // A module reached only to be read: `getattr(inspect.getmodule(f),
            // name)`, or held in a name whose uses read its attributes
            // (`module = inspect.getmodule(frame)` … `module.__name__`;
            // an attribute written on it is a module's, see
            // [`ModuleReceivers::assigned_a_module`]).
            if reach_only_read(text, head, at + spelling.len()) {
                continue;
            }
            let literal = argument
                .and_then(|argument| string_literal(argument.trim()))
                .filter(|literal| {
                    literal
                        .split('.')
                        .all(|part| part.is_empty() || is_identifier(part))
                });
            // `import_module(f"app.plugins.{name}")`, `import_module("app."
            // + name)`: a module under the package the literal starts with.
            let prefix = argument.and_then(|argument| {
                let argument = argument.trim();
                let quoted = argument.trim_start_matches(['f', 'F', 'r', 'R']);
                let inner = quoted.strip_prefix(['"', '\''])?;
                let end = inner
                    .find(|c: char| !(c == '_' || c == '.' || c.is_ascii_alphanumeric()))
                    .unwrap_or(inner.len());
                let prefix = inner.get(..end)?.strip_suffix('.')?;
                prefix.split('.').all(is_identifier).then_some(prefix)
            });
            let name = match (literal, prefix) {
                (None, Some(prefix)) if spelling != "modules" => format!("{prefix}.*"),
                (literal, _) => match literal {
                    Some(literal) if spelling == "__import__(" => {
                        literal.split('.').next().unwrap_or_default().to_string()
                    }
                    Some(literal) => literal.to_string(),
                    None => ANY_MODULE.to_string(),
                },
            };
            if !found.iter().any(|(_, known)| *known == name) {
                found.push((at, name));
            }
        }
    }
    // `getattr(pkg, "svc")`, `getattr(pkg, name)` on a module the file imports.
    for at in memmem::find_iter(bytes, b"getattr(") {
        if !in_code(text, at) {
            continue;
        }
        let inside = text.get(at + "getattr(".len()..).unwrap_or_default();
        let Some(object) = first_argument(inside).map(str::trim) else {
            continue;
        };
        let first = object.split('.').next().unwrap_or_default();
        let Some(package) = bound.get(first) else {
            continue;
        };
        if !object.split('.').all(is_identifier) {
            continue;
        }
        let rest = object.get(first.len()..).unwrap_or_default();
        let member = second_argument(inside)
            .and_then(|argument| string_literal(argument.trim()))
            .filter(|member| is_identifier(member))
            .unwrap_or(ANY_MODULE);
        let name = format!("{package}{rest}.{member}");
        if !found.iter().any(|(_, known)| *known == name) {
            found.push((at, name));
        }
    }
    // The file's namespace read as a whole: every module it imports.
    let namespace = ["globals()", "vars()"].iter().find_map(|spelling| {
        memmem::find_iter(bytes, spelling.as_bytes()).find(|&at| in_code(text, at))
    });
    if let Some(at) = namespace {
        for dotted in bound.values() {
            let name = format!("{AMONG}{dotted}");
            if !found.iter().any(|(_, known)| *known == name) {
                found.push((at, name));
            }
        }
    }
    for at in memmem::find_iter(bytes, b"vars(") {
        let inside = text.get(at + "vars(".len()..).unwrap_or_default();
        let object = first_argument(inside).map(str::trim).unwrap_or_default();
        let first = object.split('.').next().unwrap_or_default();
        if in_code(text, at)
            && bound.contains_key(first)
            && !found.iter().any(|(_, k)| k == ANY_MODULE)
        {
            found.push((at, ANY_MODULE.to_string()));
        }
    }
    for (at, literal) in dotted_literals(text) {
        let name = format!("{SPELLED}{literal}");
        if !found.iter().any(|(_, known)| *known == name) {
            found.push((at, name));
        }
    }
    found.sort_unstable();
    let mut line = 1u32;
    let mut counted = 0;
    found
        .into_iter()
        .map(|(at, name)| {
            let upto = at.min(bytes.len());
            let newlines =
                memchr::memchr_iter(b'\n', bytes.get(counted..upto).unwrap_or_default()).count();
            line = line.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
            counted = counted.max(upto);
            (line, name.into())
        })
        .collect()
}

/// Whether the module reached by the call or subscript starting at `head`
/// of `text` (its name spelled up to `open`, the call's `(` or the
/// subscript's `[` just before or at it) is only read: the first argument
/// of `hasattr`, or of a `getattr` whose result is called, or the whole
/// value assigned to a plain name whose every later use in its block
/// reads a dunder of it (`m.__name__`, not `__dict__`), calls a function
/// of it, writes an attribute of it (a module's, see
/// [`ModuleReceivers::assigned_a_module`]), or tests it (`if m:`, `m is
/// None`, `m == other`).
fn reach_only_read(text: &str, head: usize, open: usize) -> bool {
    let bytes = text.as_bytes();
    let open = if bytes.get(open) == Some(&b'[') || bytes.get(open.wrapping_sub(1)) == Some(&b'(') {
        open.saturating_sub(usize::from(bytes.get(open) != Some(&b'[')))
    } else {
        return false;
    };
    let Some(close) = closing_bracket_at(text, open) else {
        return false;
    };
    if let Some(outer) = enclosing_opener(bytes, head)
        && bytes.get(outer) == Some(&b'(')
        && text
            .get(outer + 1..head)
            .is_some_and(|between| between.trim().is_empty())
    {
        // `hasattr(…)` gives a bool; `getattr(…)(…)` calls what it finds.
        let callee = identifier_before(text, skip_blanks_back(bytes, outer));
        let called = closing_bracket_at(text, outer)
            .is_some_and(|end| bytes.get(skip_blanks(bytes, end + 1)) == Some(&b'('));
        return callee == "hasattr" || (callee == "getattr" && called);
    }
    let (line_start, line_end) = line_around(bytes, head);
    let before = text.get(line_start..head).unwrap_or_default();
    let Some(target) = before.trim_end().strip_suffix('=') else {
        return false;
    };
    let name = target.trim();
    if !is_identifier(name)
        || target.ends_with(['=', '!', '<', '>'])
        || !text
            .get(close + 1..line_end)
            .is_some_and(|rest| rest.trim().is_empty() || rest.trim().starts_with('#'))
    {
        return false;
    }
    let indent = before.len() - before.trim_start().len();
    let block = block_after(text, line_end, indent, true);
    if text.get(block.clone()).is_none() {
        return false;
    }
    plain_name_uses(text, name, block).all(|at| {
        let after = skip_blanks(bytes, at + name.len());
        let rest = text.get(after..).unwrap_or_default();
        if let Some(attribute) = rest.strip_prefix('.') {
            // What the module's attribute holds may be a module too
            // (`force(m.sub)`): only a dunder read (`m.__name__`, not
            // its namespace), a call, or a write of it counts.
            let attribute_name = identifier_at(attribute, 0);
            let end = after + 1 + attribute_name.len();
            let past = skip_blanks(bytes, end);
            let dunder = attribute_name.len() > 4
                && attribute_name.starts_with("__")
                && attribute_name.ends_with("__")
                && attribute_name != "__dict__";
            return !attribute_name.is_empty()
                && (dunder || bytes.get(past) == Some(&b'(') || assigns_at(text, end));
        }
        if rest.starts_with("is ") || rest.starts_with("==") || rest.starts_with("!=") {
            return true;
        }
        let (start, _) = line_around(bytes, at);
        let lead = text.get(start..at).unwrap_or_default().trim_end();
        ["if", "elif", "not", "while", "and", "or"]
            .iter()
            .any(|word| ends_with_word(lead, word))
            && rest.starts_with([':', ')'])
            || rest.starts_with("and ")
            || rest.starts_with("or ")
    })
}

/// The bracket closing the one at `open` of `text` (`(`, `[`, `{`), over
/// lines too.
fn closing_bracket_at(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (offset, b) in text.as_bytes().get(open..)?.iter().enumerate() {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + offset);
                }
            }
            _ => {}
        }
    }
    None
}

/// File name endings a dotted string literal may have that name no module
/// (`"config.json"`, `"setup.py"`).
const FILE_ENDINGS: &[&str] = &[
    "py", "pyi", "pyc", "json", "txt", "yaml", "yml", "toml", "cfg", "ini", "md", "rst", "html",
    "csv", "log", "so", "gz", "zip", "db", "sqlite", "pem", "crt", "key", "xml", "com", "org",
    "net", "io",
];

/// The string literals of `text` that spell a dotted name at their start
/// (`"app.svc"`, `"app.svc.TIMEOUT"`, `f"app.svc.{name}"`: `app.svc`), each
/// with its offset; not a file's name (see [`FILE_ENDINGS`]).
fn dotted_literals(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for quote in memchr::memchr2_iter(b'"', b'\'', bytes) {
        let start = quote + 1;
        let mut end = start;
        while bytes
            .get(end)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        {
            end += 1;
        }
        let Some(spelled) = text.get(start..end) else {
            continue;
        };
        let spelled = spelled.trim_end_matches('.');
        if !spelled.contains('.')
            || !spelled.split('.').all(is_identifier)
            || spelled
                .rsplit('.')
                .next()
                .is_some_and(|last| FILE_ENDINGS.contains(&last))
        {
            continue;
        }
        // A logger's name is no module's (`getLogger("app.svc")`).
        if text
            .get(..quote)
            .is_some_and(|before| before.trim_end().ends_with("getLogger("))
        {
            continue;
        }
        // A literal starts here: the quote opens it (a word, a dot or
        // a quote just before a name is the end of another).
        if quote
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .is_some_and(|&b| {
                b.is_ascii_alphanumeric() && !matches!(b, b'f' | b'r' | b'b' | b'u' | b'F' | b'R')
            })
        {
            continue;
        }
        found.push((quote, spelled));
    }
    found
}

/// The names the import statements of `text` bind, each with the dotted
/// name of what it is bound to (`svc`: `app.svc` for `from app import
/// svc`; `app`: `app` for `import app.svc`; `s`: `app.svc` for `import
/// app.svc as s`; `.svc` for `from . import svc`), and where each
/// statement's names stand (from its `import` to its end).
fn import_bindings(text: &str) -> (FxHashMap<&str, String>, Vec<(usize, usize)>) {
    fn word(bytes: &[u8]) -> Option<&str> {
        std::str::from_utf8(bytes).ok()
    }
    fn dotted(words: &[&[u8]]) -> Option<String> {
        let words: Option<Vec<&str>> = words.iter().map(|part| word(part)).collect();
        Some(words?.join("."))
    }
    let mut bound = FxHashMap::default();
    let mut statements = Vec::new();
    for statement in imports::import_statements(text.as_bytes()) {
        statements.push((statement.start, statement.end));
        for imported in &statement.names {
            let Some(name) = dotted(&imported.name) else {
                continue;
            };
            if name.is_empty() || !name.split('.').all(is_identifier) {
                continue;
            }
            let alias = imported
                .alias
                .and_then(word)
                .filter(|alias| is_identifier(alias));
            match &imported.from {
                Some((dots, module)) => {
                    let Some(module) = dotted(module) else {
                        continue;
                    };
                    let package = format!("{}{module}", ".".repeat(*dots));
                    let full = if package.is_empty() || package.ends_with('.') {
                        format!("{package}{name}")
                    } else {
                        format!("{package}.{name}")
                    };
                    let Some(binding) =
                        alias.or_else(|| imported.name.first().and_then(|first| word(first)))
                    else {
                        continue;
                    };
                    bound.insert(binding, full);
                }
                None => match alias {
                    Some(alias) => {
                        bound.insert(alias, name);
                    }
                    None => {
                        let Some(first) = imported.name.first().and_then(|first| word(first))
                        else {
                            continue;
                        };
                        bound.insert(first, first.to_string());
                    }
                },
            }
        }
    }
    (bound, statements)
}

/// Whether the text `before` a name on a `def` line ends with the `=` of
/// a parameter's default (`def apply(mod=`, `def f(x: int = `), not a
/// comparison (`==`, `!=`, `<=`, `>=`).
fn is_default_value(before: &str) -> bool {
    let before = before.trim_end();
    before.ends_with('=')
        && !before
            .strip_suffix('=')
            .is_some_and(|rest| rest.ends_with(['=', '!', '<', '>']))
}

/// Whether the name or dotted chain from `head` to `end` in `text`,
/// followed by the byte `next` (a comma, a closing bracket, a colon, the
/// end of a line), is a value there (see [`escapes`]): in code, on no
/// import, `def`, `class`, `global`, `nonlocal` or `del` line, not a
/// statement's annotated target (`svc: T = …`), not a lambda's parameter,
/// and not the first argument of a call that only reads it or writes a
/// named attribute the scan reads anyway.
fn is_value_use(
    text: &str,
    head: usize,
    end: usize,
    next: u8,
    kept: &mut FxHashMap<usize, Option<usize>>,
) -> bool {
    let bytes = text.as_bytes();
    if !in_code(text, head) {
        return false;
    }
    let (line_start, _) = line_around(bytes, head);
    let before = text.get(line_start..head).unwrap_or_default();
    let line = before.trim_start();
    let line = line.strip_prefix("async ").unwrap_or(line);
    // A parameter's default value (`def apply(mod=asyncio):`) is a value
    // the function's body may write through its parameter.
    if line.starts_with("def ") && is_default_value(before) {
        return true;
    }
    // A name after an import statement on its line (`from app import
    // svc; force(svc, 0)`) is code like any other: the caller has left
    // out the names the statement itself binds.
    let after_statement = before.contains(';');
    if (line.starts_with("import ") || line.starts_with("from ")) && !after_statement {
        return false;
    }
    if ["def ", "class ", "global ", "nonlocal ", "del ", "@"]
        .iter()
        .any(|start| line.starts_with(start))
    {
        return false;
    }
    if line.is_empty() && next == b':' {
        return false;
    }
    // Prose (a docstring, a comment's continuation): a word just before
    // that no code puts there (`the defined time, ignoring`), or a quote
    // left open on the line.
    let word_before = before.trim_end();
    let previous = word_before
        .rsplit(|c: char| !(c == '_' || c.is_alphanumeric()))
        .next()
        .unwrap_or_default();
    if word_before.len() < before.len()
        && !previous.is_empty()
        && word_before.ends_with(previous)
        && !matches!(previous, "return" | "yield" | "and" | "or" | "else")
    {
        return false;
    }
    if before.bytes().filter(|&b| b == b'"').count() % 2 == 1
        || before.bytes().filter(|&b| b == b'\'').count() % 2 == 1
    {
        return false;
    }
    // A lambda's parameter (`lambda svc: …`).
    if let Some(found) = before.rfind("lambda")
        && !before.get(found..).unwrap_or_default().contains(':')
    {
        return false;
    }
    // A parameter or a local of the function it is in, spelled like the
    // module.
    let name = text.get(head..end).unwrap_or_default();
    if is_identifier(name)
        && enclosing_def_start_kept(text, line_start, kept).is_some_and(|def| {
            parameter_of_def(text, def, name).is_some()
                || assigned_between(text.get(def..line_start).unwrap_or_default(), name)
        })
    {
        return false;
    }
    let Some(open) = enclosing_opener(bytes, head) else {
        return true;
    };
    if bytes.get(open) != Some(&b'(') {
        return true;
    }
    let first = text
        .get(open + 1..head)
        .is_some_and(|between| between.trim().is_empty());
    let callee = text.get(..open).unwrap_or_default().trim_end();
    let callee = callee
        .rsplit(|c: char| !(c == '_' || c.is_alphanumeric()))
        .next()
        .unwrap_or_default();
    if matches!(
        callee,
        "print"
            | "repr"
            | "str"
            | "id"
            | "type"
            | "dir"
            | "len"
            | "hash"
            | "format"
            | "callable"
            | "isinstance"
            | "issubclass"
            | "ismodule"
            | "getsource"
            | "getsourcefile"
            | "getfile"
    ) || first
        && matches!(
            callee,
            "getattr" | "hasattr" | "setattr" | "delattr" | "object"
        )
    {
        return false;
    }
    true
}

/// Whether a line of `text` (a function's, up to a place) binds the plain
/// name `name`: a target of an assignment (`message, name = …`, `name:
/// T = …`), of a `for` loop, or after `as` (`with … as name:`).
fn assigned_between(text: &str, name: &str) -> bool {
    let is_word = |part: &str| {
        part.split(|c: char| !(c == '_' || c.is_alphanumeric()))
            .any(|word| word == name)
    };
    text.lines().skip(1).any(|line| {
        let line = line.trim_start();
        if !line.contains(name) {
            return false;
        }
        if let Some(rest) = line
            .strip_prefix("for ")
            .or_else(|| line.strip_prefix("async for "))
        {
            return rest.split(" in ").next().is_some_and(is_word);
        }
        if line.split(" as ").skip(1).any(|alias| {
            alias
                .split(|c: char| !(c == '_' || c.is_alphanumeric()))
                .next()
                .is_some_and(|word| word == name)
        }) {
            return true;
        }
        let bytes = line.as_bytes();
        let assign = bytes.iter().enumerate().position(|(at, &b)| {
            b == b'='
                && bytes.get(at + 1) != Some(&b'=')
                && !at
                    .checked_sub(1)
                    .and_then(|before| bytes.get(before))
                    .is_some_and(|&b| matches!(b, b'=' | b'!' | b'<' | b'>'))
        });
        assign
            .and_then(|at| line.get(..at))
            .is_some_and(|target| !target.contains(['(', '[', '.']) && is_word(target))
    })
}

/// Whether an import statement of `text` binds or names `name` (`import
/// os`, `from app import (\n    service,\n)`, `import x as name`).
fn imports_name(text: &str, name: &str) -> bool {
    import_statements(text).any(|word| word == name)
}

/// The words of each import statement of `text` (see [`super::imports`]):
/// the names it imports, each part of a dotted one, and the aliases; not
/// the module of a `from … import`.
fn import_statements(text: &str) -> impl Iterator<Item = &str> {
    imports::import_statements(text.as_bytes())
        .into_iter()
        .flat_map(|statement| statement.names)
        .flat_map(|name| name.words().collect::<Vec<_>>())
        .filter_map(|word| std::str::from_utf8(word).ok())
}

/// Whether `text` gives anyio a backend by a name it computes
/// (`anyio.run(main, backend=settings["backend"])`): read from a
/// configuration file or the environment, it may be `"trio"`.
fn names_a_computed_backend(text: &str) -> bool {
    let bytes = text.as_bytes();
    memmem::find_iter(bytes, b"backend=").any(|at| {
        let before = at.checked_sub(1).and_then(|b| bytes.get(b));
        if before.is_some_and(|&b| is_word_byte(b)) || !in_code(text, at) {
            return false;
        }
        let value = text
            .get(at + "backend=".len()..)
            .unwrap_or_default()
            .trim_start();
        !(value.starts_with('"') || value.starts_with('\''))
    })
}

/// Whether `text` sends a coroutine (or a generator) what it yielded last,
/// not awaited: `value = coro.send(value)`, the step of a trampoline however
/// it learns of the end (`except StopIteration`, `except BaseException as
/// e: return getattr(e, "value", None)`, `except Exception` with an
/// `isinstance` test, `with suppress(StopIteration)`), whether or not the
/// file spells `StopIteration`. A socket's `send` gives back a count, not
/// what it is sent next.
fn feeds_its_result(text: &str) -> bool {
    let bytes = text.as_bytes();
    memmem::find_iter(bytes, b".send(").any(|at| {
        let (start, end) = line_around(bytes, at);
        let Some(line) = text.get(start..end) else {
            return false;
        };
        let Some((target, value)) = line.trim().split_once('=') else {
            return false;
        };
        let target = target.trim();
        let is_name =
            |word: &str| !word.is_empty() && word.chars().all(|c| c == '_' || c.is_alphanumeric());
        let value = value.trim();
        is_name(target)
            && !value.starts_with("await ")
            && value
                .strip_suffix(')')
                .and_then(|call| call.rsplit_once(".send("))
                .is_some_and(|(_, argument)| argument.trim() == target)
    })
}

/// Whether `text` makes a step of a lambda that sends its parameter on
/// (`step = lambda v: coro.send(v)`), to another object than its own:
/// a trampoline calls it until the coroutine returns, however it learns of
/// the end.
fn sends_from_a_lambda(text: &str) -> bool {
    let bytes = text.as_bytes();
    memmem::find_iter(bytes, b"lambda").any(|at| {
        if !in_code(text, at) {
            return false;
        }
        let rest = text.get(at + "lambda".len()..).unwrap_or_default();
        let end = rest.find('\n').unwrap_or(rest.len());
        let rest = rest.get(..end).unwrap_or_default();
        let Some((parameter, body)) = rest.split_once(':') else {
            return false;
        };
        let parameter = parameter.trim();
        let body = body.trim_start();
        let is_name =
            |word: &str| !word.is_empty() && word.chars().all(|c| c == '_' || c.is_alphanumeric());
        let Some(call_end) = body.find(')') else {
            return false;
        };
        let call = body.get(..call_end).unwrap_or_default();
        let Some((receiver, argument)) = call.split_once(".send(") else {
            return false;
        };
        is_name(parameter)
            && argument.trim() == parameter
            && !matches!(receiver.trim(), "self" | "super()" | "")
            && !receiver.contains(' ')
            && !annotated_other_than_coroutine(text, at, receiver.trim())
    })
}

/// Whether `name` is a parameter of the function whose body holds the
/// offset `at` of `text`, annotated with a class no coroutine is an
/// instance of (`sock: socket.socket`, `ws: WebSocket`): a plain dotted
/// name, other than the types a coroutine passes for (`Coroutine`,
/// `Generator`, `Awaitable`, `Any`, `object`, a type variable's short
/// upper-case name such as `T`). Its `send` is no step of a coroutine.
fn annotated_other_than_coroutine(text: &str, at: usize, name: &str) -> bool {
    let (line_start, _) = line_around(text.as_bytes(), at);
    let Some(def) = enclosing_def_start(text, line_start) else {
        return false;
    };
    let Some(open) = text.get(def..).and_then(|rest| rest.find('(')) else {
        return false;
    };
    let inside = text.get(def + open + 1..).unwrap_or_default();
    let Some(close) = closing(inside, b')') else {
        return false;
    };
    let parameters = inside.get(..close).unwrap_or_default();
    split_top_level(parameters).into_iter().any(|piece| {
        let piece = piece.trim();
        let Some(annotation) = piece
            .strip_prefix(name)
            .and_then(|rest| rest.trim_start().strip_prefix(':'))
        else {
            return false;
        };
        let annotation = annotation.split('=').next().unwrap_or_default().trim();
        let last = annotation.rsplit('.').next().unwrap_or_default();
        // A dotted name is the whole of it (no subscript, no union).
        let plain = annotation
            .split('.')
            .all(|part| !part.is_empty() && is_identifier(part));
        let coroutine_like = matches!(
            last,
            "Coroutine"
                | "CoroutineType"
                | "Generator"
                | "GeneratorType"
                | "Awaitable"
                | "Any"
                | "object"
        ) || last.len() <= 3
            || last.chars().all(|c| c.is_ascii_uppercase() || c == '_');
        plain && !coroutine_like
    })
}

/// Whether `text` returns `x.send(value)` (not awaited, one argument that
/// is not `None`) from a function that is no `send` of its own, to another
/// object than its own: a step method (`return self.coro.send(value)` in
/// `Task.step`) that a trampoline calls until `StopIteration`. A proxy's
/// `def send(self, value): return self._coro.send(value)` only forwards.
fn returns_a_step(text: &str) -> bool {
    let bytes = text.as_bytes();
    memmem::find_iter(bytes, b".send(").any(|at| {
        let (start, end) = line_around(bytes, at);
        let Some(line) = text.get(start..end) else {
            return false;
        };
        let Some(value) = line.trim_start().strip_prefix("return ") else {
            return false;
        };
        let receiver = text.get(start..at).unwrap_or_default().trim_start();
        let receiver = receiver.strip_prefix("return ").unwrap_or(receiver).trim();
        let argument = text
            .get(at + ".send(".len()..end)
            .unwrap_or_default()
            .trim_end()
            .strip_suffix(')')
            .unwrap_or_default()
            .trim();
        if value.starts_with("await ")
            || matches!(receiver, "self" | "super()")
            || receiver.is_empty()
            || argument.is_empty()
            || argument == "None"
            || argument.contains([',', '(', ')'])
        {
            return false;
        }
        // The function the `return` belongs to: the nearest `def` above at
        // a smaller indent.
        let depth = line.len() - line.trim_start_matches([' ', '\t']).len();
        let above = text.get(..start).unwrap_or_default();
        let forwarder = above
            .lines()
            .rev()
            .filter(|line| {
                let stripped = line.trim_start();
                stripped.starts_with("def ") || stripped.starts_with("async def ")
            })
            .find(|line| line.len() - line.trim_start_matches([' ', '\t']).len() < depth)
            .is_some_and(|def| {
                let name = def
                    .trim_start()
                    .trim_start_matches("async ")
                    .trim_start_matches("def ")
                    .split('(')
                    .next()
                    .unwrap_or_default()
                    .trim();
                matches!(name, "send" | "asend" | "__next__" | "__call__")
            });
        !forwarder
    })
}

/// Whether `text` takes a coroutine's stepping method as a value or by
/// name: `step = coro.send` (the whole value of an assignment),
/// `ctx.run(coro.send, None)`, `map(coro.send, repeat(None))`,
/// `getattr(coro, "send")`, `operator.methodcaller("send", None)`, and
/// `.throw` or `.__await__` read without a call. A `send` kept as a
/// callback otherwise (`partial(ws.send, data)`) is not taken for one:
/// sockets and channels are kept so far more often.
fn takes_step_method(text: &str) -> bool {
    let bytes = text.as_bytes();
    let bound_send = memmem::find_iter(bytes, b".send").any(|at| {
        let end = at + ".send".len();
        if bytes.get(end).is_some_and(|&b| is_word_byte(b)) || !in_code(text, at + 1) {
            return false;
        }
        let rest = text.get(end..).unwrap_or_default();
        let rest = rest.trim_start_matches([' ', '\t']);
        if let Some(after) = rest.strip_prefix(',') {
            let after = after.trim_start();
            return after.starts_with("None")
                || after.starts_with("repeat(")
                || after.starts_with("itertools.repeat(");
        }
        // The whole value of an assignment: `step = coro.send`.
        let (start, _) = line_around(bytes, at);
        let head = text.get(start..at).unwrap_or_default();
        (rest.is_empty()
            || rest.starts_with('\n')
            || rest.starts_with('#')
            || rest.starts_with('\r'))
            && head.rsplit_once('=').is_some_and(|(left, right)| {
                !left.ends_with(['=', '!', '<', '>'])
                    && right
                        .trim()
                        .chars()
                        .all(|c| c == '_' || c == '.' || c.is_alphanumeric())
            })
    });
    let named = ["getattr(", "methodcaller(", "attrgetter("]
        .into_iter()
        .any(|call| {
            memmem::find_iter(bytes, call.as_bytes()).any(|at| {
                let open = at + call.len();
                let rest = text.get(open..).unwrap_or_default();
                let end = rest.find([')', '\n']).unwrap_or(rest.len());
                let arguments = rest.get(..end).unwrap_or_default();
                ["send", "throw", "__await__"].into_iter().any(|method| {
                    arguments.contains(&format!("\"{method}\""))
                        || arguments.contains(&format!("'{method}'"))
                })
            })
        });
    // The name given by a variable (`METHOD = "send"` … `getattr(coro,
    // METHOD)`), or the method read from the type's namespace
    // (`type(coro).__dict__["send"]`) or bound by hand
    // (`partial(type(coro).send, coro)`).
    let names_a_step = || {
        [
            "\"send\"",
            "'send'",
            "\"throw\"",
            "'throw'",
            "\"__await__\"",
            "'__await__'",
        ]
        .into_iter()
        .any(|literal| {
            memmem::find_iter(bytes, literal.as_bytes()).any(|at| {
                let before = text
                    .get(..at)
                    .unwrap_or_default()
                    .trim_end_matches([' ', '\t']);
                (before.ends_with('=') && !before.ends_with("==") && !before.ends_with("!="))
                    || before.ends_with("__dict__[")
            })
        })
    };
    let by_variable = ["getattr(", "methodcaller(", "attrgetter("]
        .into_iter()
        .any(|call| memmem::find(bytes, call.as_bytes()).is_some())
        && names_a_step();
    let from_type = memmem::find_iter(bytes, b").send").any(|at| {
        let end = at + ").send".len();
        if bytes.get(end).is_some_and(|&b| is_word_byte(b)) || !in_code(text, at + 1) {
            return false;
        }
        let (start, _) = line_around(bytes, at);
        text.get(start..at).is_some_and(|head| {
            head.rfind("type(")
                .is_some_and(|open| !head.get(open..).unwrap_or_default().contains(")."))
        })
    }) || memmem::find(bytes, b"__dict__[\"send\"]").is_some()
        || memmem::find(bytes, b"__dict__['send']").is_some();
    let read_unbound = [".throw", ".__await__"].into_iter().any(|method| {
        memmem::find_iter(bytes, method.as_bytes()).any(|at| {
            let end = at + method.len();
            if bytes.get(end).is_some_and(|&b| is_word_byte(b)) || !in_code(text, at + 1) {
                return false;
            }
            let rest = text.get(end..).unwrap_or_default();
            let rest = rest.trim_start_matches([' ', '\t']);
            // Called (asked above), or assigned to (`x.throw = …`).
            !(rest.starts_with('(') || (rest.starts_with('=') && !rest.starts_with("==")))
        })
    });
    bound_send || named || read_unbound || by_variable || from_type
}

/// Whether the spelling at `at` is code that starts a word: nothing of
/// an identifier just before it, and no `#` before it on its line.
fn in_code(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let starts_word = !at
        .checked_sub(1)
        .and_then(|before| bytes.get(before))
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80);
    let (start, _) = line_around(bytes, at);
    starts_word && !text.get(start..at).unwrap_or_default().contains('#')
}

/// What the call spelled at `at` is called on: `Some("runpy")` for
/// `runpy.run_module(`, `Some("")` for a receiver that is no name
/// (`x().reload(`), `None` for a bare name; and whether a bare name is
/// the one a `def` defines there.
fn call_receiver(text: &str, at: usize) -> (Option<&str>, bool) {
    let bytes = text.as_bytes();
    let before = skip_blanks_back(bytes, at);
    if before == 0 || bytes.get(before - 1) != Some(&b'.') {
        let head = text.get(..before).unwrap_or_default();
        let defined = head.ends_with("def") || head.ends_with("class");
        return (None, defined);
    }
    let end = skip_blanks_back(bytes, before - 1);
    let head = text.get(..end).unwrap_or_default();
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| *c == '_' || c.is_alphanumeric())
        .last()
        .map_or(end, |(i, _)| i);
    (Some(text.get(start..end).unwrap_or_default()), false)
}

/// How a file runs a module's code again (see [`ProjectScan::reruns`]).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub(super) enum Rerun {
    /// By other means than an import (`runpy`, `exec` of its source,
    /// IPython's `%run`, a doctest file), where `__name__` may be
    /// `"__main__"`: its main-guard block may run again too.
    Run,
    /// By importing it again (`importlib.reload`, an import after taking
    /// it out of `sys.modules`, `test.support.import_helper`'s `forget`,
    /// `unload`, `modules_cleanup`, `import_fresh_module` and
    /// `CleanImport`): the module then runs under its own name, never as
    /// `__main__`, and its main-guard block does not run.
    Import,
}

/// The modules a file may run again (see [`ProjectScan::reruns`]): each
/// `runpy.run_module(…)`, `runpy.run_path(…)` (or the bare names) with the
/// module word its literal argument names, and `importlib.reload(…)` (or
/// `imp.reload`, the bare name) with the word of the module it is given
/// when that is a module of the project; `None` for an argument the scan
/// cannot read. Methods of other objects (`config.reload()`) and
/// functions the file defines are not these, nor a reload of a module the
/// file imports by a plain `import` that is no module of the project
/// (`import json` … `importlib.reload(json)`). Each with how it runs the
/// module again.
fn reruns(spelled: &Spelled, words: &dyn ModuleWords) -> Vec<(Option<Box<str>>, Rerun)> {
    let text = spelled.text;
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut imported = Vec::new();
    // The names the file gives `importlib`, `imp` and `runpy` (`import
    // importlib as il`): calls on them are theirs. A function of theirs
    // bound under another name (`from importlib import reload as _r`) may
    // be called by it anywhere, on any module.
    let mut aliases: Vec<(&str, &str)> = Vec::new();
    for &at in &spelled.aliases {
        let before = identifier_before(text, at);
        let after = identifier_at(text, at + " as ".len());
        let (line_start, _) = line_around(bytes, at);
        if after.is_empty() || text.get(line_start..at).unwrap_or_default().contains('#') {
            continue;
        }
        match before {
            "importlib" | "imp" | "runpy" => aliases.push((before, after)),
            "reload" | "import_fresh_module" => imported.push(None),
            "run_module" | "run_path" => found.push(None),
            _ => {}
        }
    }
    for spelling in RERUNS {
        let own: &[&str] = match spelling {
            Spelling::Reload => &["importlib", "imp"],
            Spelling::FreshModule => &["import_helper", "support"],
            _ => &["runpy"],
        };
        let receivers: Vec<&str> = own
            .iter()
            .copied()
            .chain(
                aliases
                    .iter()
                    .filter(|(module, _)| own.contains(module))
                    .map(|(_, alias)| *alias),
            )
            .collect();
        for at in spelled.at(spelling) {
            if !in_code(text, at) {
                continue;
            }
            // `reload` or `runpy`'s functions on a receiver the scan cannot
            // name (`__import__("importlib").reload(app.tool)`, `il =
            // import_module("importlib")`, `__import__("runpy").run_module(
            // "app.tool")`) count where they are given a module of the
            // project, or a literal name.
            let foreign = match call_receiver(text, at) {
                (Some(receiver), _) => !receivers.contains(&receiver),
                (None, true) => continue,
                (None, false) => false,
            };
            if foreign && spelling == Spelling::FreshModule {
                continue;
            }
            let into = match spelling {
                Spelling::Reload | Spelling::FreshModule => &mut imported,
                _ => &mut found,
            };
            let mut start = at + spelling.text().len();
            while bytes.get(start).is_some_and(u8::is_ascii_whitespace) {
                start += 1;
            }
            let rest = text.get(start..).unwrap_or_default();
            if rest.starts_with(')') {
                continue;
            }
            // `import_fresh_module(name, fresh=[…], blocked=[…])` imports
            // the modules it lists afresh too.
            if spelling == Spelling::FreshModule
                && rest
                    .lines()
                    .next()
                    .is_none_or(|line| line.contains("fresh") || !line.contains(')'))
            {
                into.push(None);
            }
            let word = match rest.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let inner = rest[1..].split(quote).next().unwrap_or_default();
                    let inner = inner.trim_end_matches(['/', '\\']);
                    let last = inner.rsplit(['/', '\\']).next().unwrap_or_default();
                    let word = match spelling {
                        Spelling::RunModule | Spelling::FreshModule => {
                            last.rsplit('.').next().unwrap_or_default()
                        }
                        Spelling::RunPath => last
                            .strip_suffix(".py")
                            .or_else(|| last.strip_suffix(".pyw"))
                            .unwrap_or(last),
                        _ => "",
                    };
                    (!word.is_empty() && is_identifier(word)).then(|| Box::from(word))
                }
                _ if spelling == Spelling::Reload => {
                    let mut end = 0;
                    let rest_bytes = rest.as_bytes();
                    while rest_bytes
                        .get(end)
                        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
                    {
                        end += 1;
                    }
                    let chain = rest.get(..end).unwrap_or_default();
                    let closes = rest
                        .get(end..)
                        .is_some_and(|after| after.trim_start().starts_with(')'));
                    let last = chain.rsplit('.').next().unwrap_or_default();
                    if closes
                        && !last.is_empty()
                        && !words.has(last)
                        && is_identifier(chain)
                        && imports_other_module(text, at, chain, words)
                    {
                        continue;
                    }
                    (closes && !last.is_empty() && words.has(last)).then(|| Box::from(last))
                }
                _ => None,
            };
            if foreign && word.is_none() {
                continue;
            }
            into.push(word);
        }
    }
    reload_named(text, &mut imported);
    ipython_reruns(spelled, &mut found, &mut imported);
    source_reruns(spelled, words, &mut found);
    doctest_files(text, &mut found);
    modules_forgotten(spelled, &mut imported);
    import_helper_forgets(text, &mut imported);
    // `exec(compile(src, "tool.py", "exec"))`: one module, twice spelled.
    found.dedup();
    imported.dedup();
    found
        .into_iter()
        .map(|word| (word, Rerun::Run))
        .chain(imported.into_iter().map(|word| (word, Rerun::Import)))
        .collect()
}

/// Whether `name`, given to `reload` at `at`, is bound by a plain `import`
/// of the file (`import json`, `import logging as lg`) to a module that is
/// no module of the project, and by nothing else the scan sees: no
/// parameter of the function around the call, no assignment, loop or
/// `as` target of that name. Reloading it runs no code of the project.
fn imports_other_module(text: &str, at: usize, name: &str, words: &dyn ModuleWords) -> bool {
    if parameter_of_enclosing_def(text, at, name).is_some()
        || parameter_of_lambda(text, at, name).is_some()
    {
        return false;
    }
    let mut bound = false;
    for line in text.lines() {
        let code = line.trim_start();
        let code = code.split('#').next().unwrap_or_default().trim_end();
        if let Some(names) = code.strip_prefix("import ") {
            for item in names.split(',') {
                let mut parts = item.split_whitespace();
                let module = parts.next().unwrap_or_default();
                let binds = match (parts.next(), parts.next()) {
                    (Some("as"), Some(alias)) => alias == name,
                    (None, _) => module.split('.').next() == Some(name),
                    _ => return false,
                };
                if binds {
                    let imported = match item.contains(" as ") {
                        true => module,
                        false => name,
                    };
                    let last = imported.rsplit('.').next().unwrap_or(imported);
                    if words.has(last) || words.has(name) {
                        return false;
                    }
                    bound = true;
                }
            }
            continue;
        }
        // Any other statement that may bind the name: `name = …`,
        // `for name in …`, `… as name`, `from x import name`, `global`.
        let mut rest = code;
        while let Some(found) = rest.find(name) {
            let before = rest.get(..found).unwrap_or_default();
            let after = rest.get(found + name.len()..).unwrap_or_default();
            let starts = !before.ends_with(|c: char| c == '_' || c == '.' || c.is_alphanumeric());
            let ends = !after.starts_with(|c: char| c == '_' || c.is_alphanumeric());
            if starts && ends {
                let next = after.trim_start();
                let binds_here = (next.starts_with('=') && !next.starts_with("=="))
                    || (next.starts_with(':') && before.trim().is_empty())
                    || before.trim_end().ends_with(" as")
                    || before.trim_end().ends_with("for")
                    || before.trim_end().ends_with(',')
                    || code.starts_with("from ")
                    || code.starts_with("global ")
                    || code.starts_with("nonlocal ")
                    || code.starts_with("del ");
                if binds_here {
                    return false;
                }
            }
            rest = after;
        }
    }
    bound
}

/// `doctest.testfile(…)`, `DocFileSuite(…)` and `DocFileTest(…)`: they
/// run the examples of a text file the scan does not read, with
/// `__name__` set to `"__main__"`, and those may run any module again
/// (`>>> importlib.reload(job)`, `>>> runpy.run_path("tool.py")`).
fn doctest_files(text: &str, found: &mut Vec<Option<Box<str>>>) {
    if !spells(text, "doctest") {
        return;
    }
    for needle in ["testfile(", "DocFileSuite(", "DocFileTest("] {
        if places(text, needle).any(|at| {
            let before = at.checked_sub(1).and_then(|b| text.as_bytes().get(b));
            in_code(text, at)
                && !before.is_some_and(|&b| is_word_byte(b))
                && !text
                    .get(..at)
                    .unwrap_or_default()
                    .trim_end_matches([' ', '\t'])
                    .ends_with("def")
        }) {
            found.push(None);
        }
    }
}

/// `test.support.import_helper`'s `forget(name)` and `unload(name)` (also
/// under `test.support`, as before 3.10), which take a module out of
/// `sys.modules` for the next import to run it again, with the word of
/// the literal name given (`None` for any other argument), and
/// `modules_cleanup(…)`, which forgets every module imported since its
/// `modules_setup()`. Only in a file that spells `support` (the package
/// these come from): other `forget` and `unload` functions are common.
fn import_helper_forgets(text: &str, found: &mut Vec<Option<Box<str>>>) {
    if !spells(text, "support") {
        return;
    }
    let bytes = text.as_bytes();
    for needle in ["forget(", "unload(", "modules_cleanup("] {
        for at in places(text, needle) {
            let before = at.checked_sub(1).and_then(|b| bytes.get(b));
            if !in_code(text, at)
                || before.is_some_and(|&b| is_word_byte(b))
                || text
                    .get(..at)
                    .unwrap_or_default()
                    .trim_end_matches([' ', '\t'])
                    .ends_with("def")
            {
                continue;
            }
            if needle == "modules_cleanup(" {
                found.push(None);
                continue;
            }
            let inside = text.get(at + needle.len()..).unwrap_or_default();
            let arguments = inside
                .get(..closing_paren(inside).unwrap_or(inside.len()))
                .unwrap_or_default();
            let word = match string_literals(arguments).as_slice() {
                [(0, name)] if arguments.trim().len() == name.len() + 2 => {
                    let last = name.rsplit('.').next().unwrap_or_default();
                    is_identifier(last).then(|| Box::from(last))
                }
                _ => None,
            };
            found.push(word);
        }
    }
}

/// The word (`_` and ASCII alphanumeric characters) that ends just before
/// byte `at`.
fn identifier_before(text: &str, at: usize) -> &str {
    let head = text.get(..at).unwrap_or_default();
    let start = head
        .bytes()
        .rposition(|b| !(b.is_ascii_alphanumeric() || b == b'_'))
        .map_or(0, |i| i + 1);
    head.get(start..).unwrap_or_default()
}

/// `importlib.reload` (or `imp.reload`) named other than in a call
/// (`map(importlib.reload, mods)`), or the bare name bound by `from
/// importlib import reload` used so: it may be called on any module.
fn reload_named(text: &str, found: &mut Vec<Option<Box<str>>>) {
    if !spells(text, "reload") {
        return;
    }
    let bytes = text.as_bytes();
    let imports_bare = text.lines().any(|line| {
        let line = line.trim_start();
        (line.starts_with("from importlib import") || line.starts_with("from imp import"))
            && line.contains("reload")
    });
    for at in places(text, "reload") {
        let end = at + "reload".len();
        if !in_code(text, at) || bytes.get(end).is_some_and(|&b| is_word_byte(b)) {
            continue;
        }
        if bytes.get(skip_blanks(bytes, end)) == Some(&b'(') {
            continue;
        }
        let (line_start, _) = line_around(bytes, at);
        let line = text.get(line_start..at).unwrap_or_default().trim_start();
        if line.starts_with("from ") || line.starts_with("import ") {
            continue;
        }
        match call_receiver(text, at) {
            (Some("importlib" | "imp"), _) => found.push(None),
            (None, false) if imports_bare => found.push(None),
            _ => {}
        }
    }
}

/// What IPython runs again, and `CleanImport`: a `%run` magic (a line of
/// a notebook's code cell, or the text of a cell handed to
/// `shell.run_cell("%run -m app.tool")`), `run_line_magic("run", "…")`
/// and the older `magic("run …")`, `safe_execfile(path, …)`, and
/// `test.support.import_helper.CleanImport("app.tool")` (the module
/// forgotten, then imported again inside the `with`). Each gives the word
/// of the module or file it names (`-m app.tool`, `app/tool.py`), or any
/// module where the scan cannot read it. A `%run` in a comment is none.
fn ipython_reruns(
    spelled: &Spelled,
    found: &mut Vec<Option<Box<str>>>,
    imported: &mut Vec<Option<Box<str>>>,
) {
    let text = spelled.text;
    let bytes = text.as_bytes();
    let commented = |at: usize| {
        let (start, _) = line_around(bytes, at);
        text.get(start..at).unwrap_or_default().contains('#')
    };
    for &(spelling, at) in &spelled.spots {
        let end = at + spelling.text().len();
        let rest = text.get(end..).unwrap_or_default();
        match spelling {
            Spelling::MagicRun => {
                // `%run` itself, not `%runx`; `%%run` is no magic.
                if rest.bytes().next().is_some_and(is_word_byte)
                    || at.checked_sub(1).and_then(|b| bytes.get(b)) == Some(&b'%')
                    || commented(at)
                {
                    continue;
                }
                found.push(run_magic_target(rest));
            }
            Spelling::Magic if !commented(at) => {
                let head = text.get(..at).unwrap_or_default();
                let arguments = rest
                    .get(..closing_paren(rest).unwrap_or(rest.len()))
                    .unwrap_or_default();
                let literals = string_literals(arguments);
                if head.ends_with("run_line_") {
                    // `run_line_magic("run", "-m app.tool")`.
                    match literals.first() {
                        Some(&(0, "run")) => {
                            found.push(
                                literals
                                    .get(1)
                                    .and_then(|&(_, line)| run_magic_target(line)),
                            );
                        }
                        Some((0, _)) => {}
                        _ => found.push(None),
                    }
                } else if head.ends_with('.') {
                    // `get_ipython().magic("run -m app.tool")`.
                    match literals.first() {
                        Some(&(0, line)) => {
                            let line = line.trim_start_matches('%');
                            if let Some(after) = line.strip_prefix("run")
                                && !after.bytes().next().is_some_and(is_word_byte)
                            {
                                found.push(run_magic_target(after));
                            }
                        }
                        _ => found.push(None),
                    }
                }
            }
            Spelling::SafeExecfile if in_code(text, at) => {
                // `safe_execfile(path, …)`, `safe_execfile_ipy(path)`.
                let Some(paren) = rest.find('(') else {
                    continue;
                };
                let inside = rest.get(paren + 1..).unwrap_or_default();
                let arguments = inside
                    .get(..closing_paren(inside).unwrap_or(inside.len()))
                    .unwrap_or_default();
                let word = string_literals(arguments)
                    .first()
                    .filter(|(offset, _)| *offset == 0)
                    .and_then(|(_, path)| file_word(path));
                found.push(word);
            }
            Spelling::CleanImport if in_code(text, at) => {
                let arguments = rest
                    .get(..closing_paren(rest).unwrap_or(rest.len()))
                    .unwrap_or_default();
                let literals = string_literals(arguments);
                if literals.is_empty() {
                    imported.push(None);
                }
                for (_, name) in literals {
                    let last = name.rsplit('.').next().unwrap_or_default();
                    imported.push(is_identifier(last).then(|| Box::from(last)));
                }
            }
            _ => {}
        }
    }
}

/// The module word of what a `%run` line runs (`rest`, the text after
/// `%run`): `-m app.tool` gives `tool`, `app/tool.py` gives `tool`; any
/// module (`None`) where it cannot be read (`%run $path`, `%run {p}`).
fn run_magic_target(rest: &str) -> Option<Box<str>> {
    let line = rest.lines().next().unwrap_or_default();
    let line = line.split(['"', '\'']).next().unwrap_or_default();
    let mut words = line.split_whitespace();
    while let Some(word) = words.next() {
        if word == "-m" {
            let module = words.next()?;
            let last = module.rsplit('.').next().unwrap_or_default();
            return is_identifier(last).then(|| Box::from(last));
        }
        if word.starts_with('-') {
            continue;
        }
        return file_word(word);
    }
    None
}

/// The module word of a file's path (`app/tool.py` → `tool`, `app/` →
/// `app`); `None` where it is not a plain name.
fn file_word(path: &str) -> Option<Box<str>> {
    let path = path.trim_end_matches(['/', '\\']);
    let last = path.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = last
        .strip_suffix(".py")
        .or_else(|| last.strip_suffix(".pyw"))
        .or_else(|| last.strip_suffix(".ipy"))
        .unwrap_or(last);
    is_identifier(stem).then(|| Box::from(stem))
}

/// The simple string literals of `text` (no escapes read), each with the
/// count of bytes before it, since the previous literal, that are neither
/// blank nor a comma (0 for an argument list's first argument when it is a
/// literal).
fn string_literals(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['"', '\'']) {
        let between = rest
            .get(..at)
            .unwrap_or_default()
            .bytes()
            .filter(|b| !b.is_ascii_whitespace() && *b != b',')
            .count();
        let quote = if rest.as_bytes().get(at) == Some(&b'"') {
            '"'
        } else {
            '\''
        };
        let inner = rest.get(at + 1..).unwrap_or_default();
        let Some(close) = inner.find(quote) else {
            break;
        };
        found.push((between, inner.get(..close).unwrap_or_default()));
        rest = inner.get(close + 1..).unwrap_or_default();
    }
    found
}

/// Code a file runs from source or from a code object, which may be the
/// source of a file of the project read and run again in a process that
/// already ran it (`exec(compile(src, "scripts/tool.py", "exec"), g)`
/// twice). Each place gives the module word of the first `.py` path its
/// line spells as a string literal (from the call on, for `exec`), or of
/// the module a loader is handed (`loader.exec_module(app.tool)`); `None`
/// (any module) otherwise.
///
/// Spellings that run source or code the file hands them count only in a
/// file that reads some file's source or a module's code (`open(…)`,
/// `.read_text(`, `get_source(`, `get_code(`, `getsource(`, `marshal.load`,
/// …): code a file builds itself (a template filled in, a function's
/// `__code__`) is taken to run no module of the project again. These are
/// `exec(…)` (the builtin, of anything but a string literal), `exec`
/// named as a value (`run = exec`, `from builtins import exec as run`,
/// `map(exec, …)`), `compile(…)` in any mode but `"eval"`, `eval(…)` of
/// anything but a literal in a file that reads code objects (`get_code(`,
/// `source_to_code(`, `marshal.load`), `types.FunctionType(…)`, and the
/// interpreters of the `code` module (`InteractiveInterpreter`,
/// `InteractiveConsole`, `code.interact(…)`). A loader's
/// `exec_module(…)` and `load_module(…)`, and `imp.load_source(…)`, read
/// the source themselves: they count in any file (not the `def` of an
/// import hook's own, nor its `super().exec_module(…)`).
fn source_reruns(spelled: &Spelled, words: &dyn ModuleWords, found: &mut Vec<Option<Box<str>>>) {
    if !spelled.has_any(&SOURCE_RUNS) {
        return;
    }
    const READS_SOURCE: &[&str] = &[
        "open(",
        ".read_text(",
        ".read_bytes(",
        "get_source(",
        "get_code(",
        "get_data(",
        "getsource(",
        "getlines(",
        "source_to_code(",
        "marshal.load",
        "fileinput",
    ];
    const READS_CODE: &[&str] = &["get_code(", "source_to_code(", "marshal.load"];
    let text = spelled.text;
    let bytes = text.as_bytes();
    let reads_source = READS_SOURCE.iter().any(|spelled| spells(text, spelled));
    // The word of the first `.py` literal of `line`.
    let py_word = |line: &str| {
        line.split(['"', '\''])
            .skip(1)
            .step_by(2)
            .find_map(|literal| {
                let stem = literal.strip_suffix(".py")?;
                let last = stem.rsplit(['/', '\\']).next().unwrap_or_default();
                is_identifier(last).then(|| Box::from(last))
            })
    };
    let whole_line = |at: usize| {
        let (start, end) = line_around(bytes, at);
        py_word(text.get(start..end).unwrap_or_default())
    };
    // What a call of a builtin (`exec(`, `eval(`, `compile(`) at `at` is:
    // not a method of another object, not a `def`.
    let builtin = |at: usize| {
        matches!(
            call_receiver(text, at),
            (Some("builtins"), _) | (None, false)
        )
    };
    let handed = |word: Option<Box<str>>, found: &mut Vec<_>| {
        if word.is_some() || reads_source {
            found.push(word);
        }
    };
    for &(spelling, at) in &spelled.spots {
        if !SOURCE_RUNS.contains(&spelling) || !in_code(text, at) {
            continue;
        }
        let end = at + spelling.text().len();
        match spelling {
            Spelling::Exec
                if text
                    .get(end..)
                    .is_some_and(|rest| rest.starts_with("_module")) =>
            {
                let end = end + "_module".len();
                if bytes.get(end).is_some_and(|&b| is_word_byte(b)) {
                    continue;
                }
                if let Some(word) = loader_runs(text, at, end, words) {
                    found.push(word.or_else(|| whole_line(at)));
                }
            }
            Spelling::Exec => {
                if bytes.get(end).is_some_and(|&b| is_word_byte(b))
                    || matches!(bytes.get(at.wrapping_sub(1)), Some(b'"' | b'\''))
                    || !builtin(at)
                {
                    continue;
                }
                let next = skip_blanks(bytes, end);
                if bytes.get(next) == Some(&b'(') {
                    let argument = skip_blanks(bytes, next + 1);
                    if matches!(bytes.get(argument), Some(b'"' | b'\'' | b')')) {
                        continue;
                    }
                    let (_, line_end) = line_around(bytes, at);
                    handed(py_word(text.get(at..line_end).unwrap_or_default()), found);
                } else if names_exec_as_value(text, at, next) {
                    handed(None, found);
                }
            }
            Spelling::Eval => {
                let argument = skip_blanks(bytes, end);
                if builtin(at)
                    && !matches!(bytes.get(argument), Some(b'"' | b'\'' | b')'))
                    && READS_CODE.iter().any(|spelled| spells(text, spelled))
                {
                    handed(whole_line(at), found);
                }
            }
            Spelling::Compile => {
                let arguments = text
                    .get(end..)
                    .and_then(|inside| closing_paren(inside).and_then(|close| inside.get(..close)));
                let eval_mode = arguments.is_some_and(|arguments| {
                    arguments.contains("\"eval\"") || arguments.contains("'eval'")
                });
                if builtin(at) && !eval_mode {
                    handed(whole_line(at), found);
                }
            }
            Spelling::FunctionType => {
                let called = bytes.get(skip_blanks(bytes, end)) == Some(&b'(');
                let ours = matches!(call_receiver(text, at), (Some("types"), _) | (None, false));
                if called && ours {
                    handed(whole_line(at), found);
                }
            }
            Spelling::Interactive => {
                let rest = text.get(end..).unwrap_or_default();
                let named = ["Interpreter", "Console"].iter().any(|name| {
                    rest.strip_prefix(name)
                        .is_some_and(|after| !after.bytes().next().is_some_and(is_word_byte))
                });
                if named && matches!(call_receiver(text, at), (Some("code"), _) | (None, _)) {
                    handed(whole_line(at), found);
                }
            }
            Spelling::Interact => {
                if matches!(call_receiver(text, at), (Some("code"), _)) {
                    handed(whole_line(at), found);
                }
            }
            Spelling::LoadModule => {
                if let Some(word) = loader_runs(text, at, end - 1, words) {
                    found.push(word.or_else(|| whole_line(at)));
                }
            }
            Spelling::LoadSource => {
                if matches!(call_receiver(text, at), (Some("imp"), _) | (None, false)) {
                    found.push(whole_line(at));
                }
            }
            _ => {}
        }
    }
}

/// A loader's method called at `at` (`exec_module`, `load_module`: the
/// name ends at `end`), which runs a module's source: `Some` with the
/// word of the module it is handed when that is a module of the project
/// (`loader.exec_module(app.tool)`); `None` for the `def` of an import
/// hook's own method, its `super().exec_module(…)`, or no call.
fn loader_runs(
    text: &str,
    at: usize,
    end: usize,
    words: &dyn ModuleWords,
) -> Option<Option<Box<str>>> {
    let bytes = text.as_bytes();
    let open = skip_blanks(bytes, end);
    if bytes.get(open) != Some(&b'(') {
        return None;
    }
    match call_receiver(text, at) {
        (None, true) => return None,
        (Some(""), _) => {
            let dot = skip_blanks_back(bytes, at);
            let head = text.get(..dot.saturating_sub(1)).unwrap_or_default();
            if head.trim_end().ends_with("super()") {
                return None;
            }
        }
        _ => {}
    }
    let rest = text.get(open + 1..).unwrap_or_default().trim_start();
    let chain_end = rest
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'.'))
        .unwrap_or(rest.len());
    let chain = rest.get(..chain_end).unwrap_or_default();
    let closes = rest
        .get(chain_end..)
        .is_some_and(|after| after.trim_start().starts_with(')'));
    let last = chain.rsplit('.').next().unwrap_or_default();
    Some((closes && chain.contains('.') && words.has(last)).then(|| Box::from(last)))
}

/// Whether the bare `exec` at `at` (the text after it resuming at `next`)
/// is the builtin named as a value, to be called by another name: `run =
/// exec`, `map(exec, sources)`, `{"run": exec}`, `from builtins import
/// exec as run`. Not a keyword argument (`f(exec=True)`).
fn names_exec_as_value(text: &str, at: usize, next: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.get(next) == Some(&b'=') && bytes.get(next + 1) != Some(&b'=') {
        return false;
    }
    let (line_start, _) = line_around(bytes, at);
    let head = text.get(line_start..at).unwrap_or_default();
    if head.trim_start().starts_with("from builtins import") {
        return true;
    }
    let before = skip_blanks_back(bytes, at);
    matches!(
        before.checked_sub(1).and_then(|b| bytes.get(b)),
        Some(b'=' | b'(' | b',' | b'[' | b':')
    )
}

/// Where the `)` closing a call is in `inside` (the text after its `(`),
/// counting nested brackets; `None` when the text ends first.
fn closing_paren(inside: &str) -> Option<usize> {
    closing(inside, b')')
}

/// The methods of `sys.modules` that take modules out of it.
const MODULES_FORGETTERS: &[&str] = &["pop", "popitem", "clear", "__delitem__"];

/// A module taken out of `sys.modules` (`del sys.modules["app.tool"]`,
/// `sys.modules.pop(…)`, `.clear()`, `.popitem()`, `patch.dict(sys.modules,
/// …)` which puts the old table back after): the next import of it runs
/// its code again. The word is the last part of a literal key; `None`
/// (any module) for any other key.
fn modules_forgotten(spelled: &Spelled, found: &mut Vec<Option<Box<str>>>) {
    let text = spelled.text;
    let bytes = text.as_bytes();
    let key_word = |key: &str| {
        string_literal(key.trim())
            .and_then(|name| name.rsplit('.').next())
            .filter(|word| is_identifier(word))
            .map(Box::from)
    };
    for at in spelled.at(Spelling::Modules) {
        let before = at.checked_sub(1).and_then(|b| bytes.get(b));
        if before.is_some_and(|&b| is_word_byte(b)) || !in_code(text, at) {
            continue;
        }
        let after = at + "modules".len();
        let rest = text.get(after..).unwrap_or_default();
        let rest = rest.trim_start_matches([' ', '\t']);
        let (line_start, _) = line_around(bytes, at);
        let head = text.get(line_start..at).unwrap_or_default();
        if head.contains("patch.dict") {
            found.push(None);
        } else if let Some(inside) = rest.strip_prefix('[')
            && head.trim_start().starts_with("del ")
        {
            let key = closing_bracket(inside).and_then(|close| inside.get(..close));
            found.push(key.and_then(key_word));
        } else if let Some(method) = rest.strip_prefix('.') {
            let name = identifier_at(method, 0);
            if MODULES_FORGETTERS.contains(&name) {
                let arguments = method.get(name.len()..).unwrap_or_default().trim_start();
                let key = arguments
                    .strip_prefix('(')
                    .and_then(|inside| inside.split([',', ')']).next());
                found.push(key.and_then(key_word));
            }
        }
    }
}

/// The async library other than asyncio (trio, anyio, curio, twisted) that
/// an import statement of `text` names first: a line whose first words are
/// `import x` or `from x` (at any indent, any submodule, also after a
/// comma: `import os, trio`). Imports for type checkers count too: the scan
/// cannot tell them apart, and counting one only costs a fix.
fn imported_async_library(spelled: &Spelled) -> Option<&'static str> {
    imported_async_libraries(spelled).into_iter().next()
}

/// Every async library other than asyncio that the import statements of
/// `text` name (see [`imported_async_library`]), in the order met.
fn imported_async_libraries(spelled: &Spelled) -> Vec<&'static str> {
    let mut found = Vec::new();
    if !spelled.has_any(&OTHER_LIBRARIES) {
        return found;
    }
    for top in imported_tops(spelled.text) {
        if let Some(library) = OTHER_LIBRARY_MODULES
            .iter()
            .find(|library| **library == top)
            && !found.contains(library)
        {
            found.push(*library);
        }
    }
    found
}

/// The calls of `text` that import a module by a name given as a value
/// (`importlib.import_module(…)`, `import_module(…)`, `__import__(…)`),
/// each with its first argument's text when that is one plain string
/// literal (`"trio"`), `None` when it is anything else (a name, an
/// f-string, a concatenation, a call).
fn dynamic_imports(text: &str) -> impl Iterator<Item = (usize, Option<&str>)> + '_ {
    let bytes = text.as_bytes();
    ["import_module(", "__import__(", "importorskip("]
        .into_iter()
        .flat_map(move |needle| {
            memmem::find_iter(bytes, needle.as_bytes()).map(move |at| (at, at + needle.len()))
        })
        .filter(move |&(at, _)| {
            // A call, not the definition of a function so named.
            let before = text
                .get(..at)
                .unwrap_or_default()
                .trim_end_matches([' ', '\t']);
            in_code(text, at) && !before.ends_with("def")
        })
        .map(move |(at, open)| {
            let start = skip_blanks(bytes, open);
            let rest = text.get(start..).unwrap_or_default();
            let literal = ['"', '\''].into_iter().find_map(|quote| {
                let inside = rest.strip_prefix(quote)?;
                let end = inside.find([quote, '\\', '\n'])?;
                let after = inside.get(end..)?.strip_prefix(quote)?;
                // The literal is the whole argument: `)` or `,` follows.
                let next = after.trim_start_matches([' ', '\t']);
                (next.starts_with(')') || next.starts_with(','))
                    .then(|| inside.get(..end))
                    .flatten()
            });
            (at, literal)
        })
}

/// How a file of the project comes to an async library other than
/// asyncio (see [`ProjectScan::other_async_library`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LibrarySource {
    /// An import statement, or `import_module` with the name as a literal.
    Imported(&'static str),
    /// A module imported by a computed name, where some file of the
    /// project spells `"trio"` in quotes.
    ComputedTrio,
}

impl LibrarySource {
    /// How a message says it, with the file (shown relative to the root).
    pub(super) fn describe(self, file: &Path) -> String {
        match self {
            LibrarySource::Imported(library) => {
                format!("{library} (imported by {})", file.display())
            }
            LibrarySource::ComputedTrio => format!(
                "trio (`{}` imports a module by a computed name, and the project spells \"trio\")",
                file.display()
            ),
        }
    }
}

/// Libraries that run coroutines by stepping them themselves, with no
/// event loop (asyncgui, and asynckivy on it): a coroutine of the project
/// handed to one runs where asyncio's functions find no loop.
const DRIVER_LIBRARIES: [&str; 2] = ["asyncgui", "asynckivy"];

/// The first of [`DRIVER_LIBRARIES`] an import statement of `text`
/// names (`import asyncgui`, `from asynckivy import …`), or a
/// `import_module("asyncgui")`.
fn imported_driver_library(text: &str) -> Option<&'static str> {
    let bytes = text.as_bytes();
    if memmem::find(bytes, b"asyncgui").is_none() && memmem::find(bytes, b"asynckivy").is_none() {
        return None;
    }
    imported_tops(text).find_map(|top| DRIVER_LIBRARIES.into_iter().find(|library| *library == top))
}

/// The top-level names of the modules `text` imports, in the order met:
/// those of each line whose first words are `import x` or `from x` (at any
/// indent, any submodule, also after a comma: `import os, trio`), then
/// those `importlib.import_module("trio")` or `__import__("trio.lowlevel")`
/// name by a literal, an import all the same.
fn imported_tops(text: &str) -> impl Iterator<Item = &str> + '_ {
    fn top(name: &str) -> &str {
        name.trim_start_matches(|c: char| c.is_whitespace() || c == '(')
            .split(|c: char| !(c == '_' || c.is_alphanumeric()))
            .next()
            .unwrap_or_default()
    }
    let statements = text.lines().flat_map(move |line| {
        let line = line.trim_start();
        let names = if let Some(rest) = line.strip_prefix("import ") {
            rest
        } else if let Some(rest) = line.strip_prefix("from ") {
            rest.split(" import").next().unwrap_or_default()
        } else {
            ""
        };
        names.split(',').map(top).filter(|name| !name.is_empty())
    });
    let literals = dynamic_imports(text).filter_map(move |(_, literal)| Some(top(literal?)));
    statements.chain(literals)
}

/// Whether `text` imports a module by a name it computes (see
/// [`dynamic_imports`]): which module that is, the scan cannot tell.
fn imports_by_computed_name(text: &str) -> bool {
    dynamic_imports(text).any(|(_, literal)| literal.is_none())
}

fn imports_sys_path(spelled: &Spelled) -> bool {
    let text = spelled.text;
    spelled.at(Spelling::FromSys).any(|at| {
        let rest = text.get(at + "from sys import".len()..).unwrap_or_default();
        let names = match rest.trim_start_matches([' ', '\t']).strip_prefix('(') {
            Some(inside) => inside.split(')').next().unwrap_or_default(),
            None => rest.split('\n').next().unwrap_or_default(),
        };
        names
            .split(|c: char| !(c == '_' || c.is_alphanumeric()))
            .any(|word| word == "path")
    })
}

/// Whether `text` may add directories to `sys.path`: `sys.path` (as a
/// whole word) followed by a method that changes it (`insert`, `append`,
/// `extend`, `__setitem__`, `__iadd__`), by an assignment (to it, to an
/// item or a slice: `sys.path[:0] = […]`, `sys.path += […]`); or any
/// `addsitedir`, or `path` imported by name from `sys` (`from sys import
/// path as p` … `p[:0] = […]`: what the name is used for is not
/// followed); with `sys` imported under another name (`import sys as
/// _s`), any `<name>.path` written so. Not followed: `sys.path` passed to
/// a function that changes it.
fn writes_sys_path(spelled: &Spelled) -> bool {
    if spelled.has(Spelling::SiteDir) || imports_sys_path(spelled) || spelled.has_any(&IMPORT_HOOKS)
    {
        return true;
    }
    let text = spelled.text;
    let bytes = text.as_bytes();
    for at in spelled.at(Spelling::SysPath) {
        let before = at.checked_sub(1).and_then(|b| bytes.get(b));
        let end = at + "sys.path".len();
        let after = bytes.get(end);
        if before.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b >= 0x80)
            || after.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
        {
            continue;
        }
        if path_written_at(text, end) || namespace_escapes_at(text, at, end) {
            return true;
        }
    }
    // `import sys as _sys`: any `<name>.path` written counts.
    if spelled.has(Spelling::SysAs) {
        return spelled.finders.dot_path.find_iter(bytes).any(|at| {
            let before = at.checked_sub(1).and_then(|b| bytes.get(b));
            let end = at + ".path".len();
            let after = bytes.get(end);
            before.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
                && !after.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
                && path_written_at(text, end)
        });
    }
    false
}

/// Whether the list `sys.path` names, ending at `end` in `text`, is
/// written there: a method that changes it, an assignment to an item or a
/// slice, or to the name itself.
fn path_written_at(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    let rest = rest.trim_start_matches([' ', '\t']);
    if let Some(method) = rest.strip_prefix('.') {
        let method = identifier_at(method.trim_start_matches([' ', '\t']), 0);
        matches!(
            method,
            "insert" | "append" | "extend" | "__setitem__" | "__iadd__"
        )
    } else if let Some(inside) = rest.strip_prefix('[') {
        match closing_bracket(inside) {
            Some(close) => {
                let key_end = text.len() - inside.len() + close + 1;
                assigns_not_annotates(text, key_end)
            }
            None => true,
        }
    } else {
        assigns_not_annotates(text, end)
    }
}

/// Whether `name` is a parameter of a `def` in `text` (a whole word after
/// the `(` of a line that starts a `def`).
fn is_parameter_name(text: &str, name: &str) -> bool {
    let bytes = text.as_bytes();
    memmem::find_iter(bytes, name.as_bytes()).any(|at| {
        let end = at + name.len();
        if at
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .is_some_and(|&b| is_word_byte(b))
            || bytes.get(end).copied().is_some_and(is_word_byte)
        {
            return false;
        }
        let (start, _) = line_around(bytes, at);
        let head = text.get(start..at).unwrap_or_default().trim_start();
        (head.starts_with("def ") || head.starts_with("async def ")) && head.contains('(')
    })
}

/// Whether the call whose `(` is at `open`, after `type`, `new_class` or
/// `make_dataclass`, makes a class whose bases the scan cannot read: two
/// arguments or more (`type(x)` makes none), the second no tuple or list
/// of names (`type("S", (Base,), ns)` names its bases, which the words of
/// its line give), or a call that goes on past its line. For
/// `make_dataclass(name, fields, bases=…)` the bases are its keyword
/// argument (without one, the class derives from `object` alone). A word
/// ending in `type` (`dtype(`) is no such call.
fn makes_class_of_unread_bases(text: &str, open: usize) -> bool {
    let before = text.get(..open).unwrap_or_default();
    let word = before
        .rsplit(|c: char| !(c == '_' || c.is_alphanumeric()))
        .next()
        .unwrap_or_default();
    if word != "type" && word != "new_class" && word != "make_dataclass" {
        return false;
    }
    let Some(arguments) = call_arguments(text, open) else {
        return true;
    };
    let positional: Vec<&str> = arguments
        .iter()
        .filter(|(keyword, _)| keyword.is_none())
        .map(|(_, value)| *value)
        .collect();
    let bases: &str = if word == "make_dataclass" {
        // `**options` may hold `bases`.
        if arguments
            .iter()
            .any(|(keyword, value)| keyword.is_none() && value.starts_with("**"))
        {
            return true;
        }
        match arguments
            .iter()
            .find(|(keyword, _)| *keyword == Some("bases"))
        {
            Some((_, bases)) => bases,
            None => return false,
        }
    } else {
        match positional.as_slice() {
            [] | [_] => return arguments.len() > 1,
            [_, bases, ..] => bases,
        }
    };
    let inner = bases
        .strip_prefix('(')
        .and_then(|b| b.strip_suffix(')'))
        .or_else(|| bases.strip_prefix('[').and_then(|b| b.strip_suffix(']')));
    let Some(inner) = inner else {
        return true;
    };
    let bases: Vec<&str> = inner
        .split(',')
        .map(str::trim)
        .filter(|base| !base.is_empty())
        .collect();
    // A base that is a name the file binds some other way than by a class
    // statement or an import (`def derive(base): return type("Sub",
    // (base,), ns)`) may be any class, as in a class statement (see
    // `assigns_name`, `is_parameter_name`).
    !bases.iter().all(|base| base.split('.').all(is_identifier))
        || bases.iter().any(|base| {
            is_identifier(base) && (assigns_name(text, base) || is_parameter_name(text, base))
        })
}

/// Where the bases of a class statement end when they go on past its
/// line: `inside` is the line after the opening parenthesis, and `end`
/// where the line ends; the answer is the byte of the parenthesis that
/// closes them (or the end of the text), `end` when the line closes them.
fn bases_end(bytes: &[u8], inside: &str, end: usize) -> usize {
    let mut depth = 1usize;
    // Whether the byte closes the bases' parenthesis.
    let mut closes = |b: u8| {
        match b {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => return false,
        }
        depth == 0
    };
    if inside.bytes().any(&mut closes) {
        return end;
    }
    bytes
        .iter()
        .skip(end)
        .position(|&b| closes(b))
        .map_or(bytes.len(), |at| end + at)
}

/// Where the `]` closing a subscript is in `inside` (the text after its
/// `[`), counting nested brackets; `None` when the text ends first.
fn closing_bracket(inside: &str) -> Option<usize> {
    closing(inside, b']')
}

/// Where the bracket `close` that closes the one opened just before
/// `inside` is, counting nested brackets of every kind; `None` when the
/// text ends first, or another kind of bracket closes it.
fn closing(inside: &str, close: u8) -> Option<usize> {
    let mut depth = 1usize;
    for (at, b) in inside.bytes().enumerate() {
        match b {
            b'[' | b'(' | b'{' => depth += 1,
            b']' | b')' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return (b == close).then_some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// The second positional argument of a call, from the text after its
/// `(`: `None` when there is none (a keyword, `*args`) or the call cannot
/// be read (a string holding a bracket or a comma, a call left open).
fn second_argument(inside: &str) -> Option<&str> {
    let mut depth = 0usize;
    let mut start = None;
    for (at, b) in inside.bytes().enumerate() {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b',' | b')' if depth == 0 => match start {
                None if b == b',' => start = Some(at + 1),
                None => return None,
                Some(from) => {
                    let argument = inside.get(from..at)?;
                    let trimmed = argument.trim();
                    let keyword = trimmed
                        .split_once('=')
                        .is_some_and(|(name, _)| is_identifier(name.trim()));
                    return (!trimmed.starts_with('*') && !keyword).then_some(argument);
                }
            },
            b'#' | b'\\' => return None,
            b']' | b'}' => return None,
            _ => {}
        }
    }
    None
}

/// The first argument of a call, from the text after its `(`: `None`
/// when there is none or the call cannot be read (see
/// [`second_argument`]).
/// The object whose namespace `argument` is: `work` of `work.__dict__` or
/// `vars(work)`.
fn namespace_of(argument: &str) -> Option<&str> {
    let argument = argument.trim();
    match argument.strip_suffix("__dict__") {
        Some(head) => Some(head.trim_end().strip_suffix('.').unwrap_or(head)),
        None => argument
            .strip_prefix("vars")
            .map(str::trim_start)
            .and_then(|rest| rest.strip_prefix('('))
            .and_then(|rest| rest.strip_suffix(')')),
    }
}

fn first_argument(inside: &str) -> Option<&str> {
    let mut depth = 0usize;
    for (at, b) in inside.bytes().enumerate() {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b',' | b')' if depth == 0 => {
                let argument = inside.get(..at)?;
                return (!argument.trim().is_empty()).then_some(argument);
            }
            b'#' | b'\\' => return None,
            b']' | b'}' => return None,
            _ => {}
        }
    }
    None
}

/// The arguments of the call whose `(` is at `open`, closed on its line:
/// each as its keyword (`None` for a positional one, `*args` or
/// `**kwargs`) and its text; `None` when the call does not close there.
fn call_arguments(text: &str, open: usize) -> Option<Vec<(Option<&str>, &str)>> {
    let close = closing_parenthesis(text, open)?;
    let arguments = text.get(open + 1..close)?;
    Some(
        split_top_level(arguments)
            .into_iter()
            .map(str::trim)
            .filter(|piece| !piece.is_empty())
            .map(|piece| {
                let name = identifier_at(piece, 0);
                let rest = piece.get(name.len()..).unwrap_or_default().trim_start();
                let keyword = !name.is_empty() && rest.starts_with('=') && !rest.starts_with("==");
                if keyword {
                    (Some(name), rest.get(1..).unwrap_or_default().trim())
                } else {
                    (None, piece)
                }
            })
            .collect(),
    )
}

/// `text` split at its commas outside brackets.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut pieces = Vec::new();
    for (offset, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                pieces.push(text.get(start..offset).unwrap_or_default());
                start = offset + 1;
            }
            _ => {}
        }
    }
    pieces.push(text.get(start..).unwrap_or_default());
    pieces
}

/// The keys of a dict display whose keys are all string literals
/// (`{"save": f, 'load': g}`); `None` for anything else.
fn dict_keys(value: &str) -> Option<Vec<&str>> {
    let inner = value.trim().strip_prefix('{')?.strip_suffix('}')?;
    split_top_level(inner)
        .into_iter()
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .map(|piece| string_literal(piece.split_once(':')?.0.trim()))
        .collect()
}

/// The line holding byte `at` of `text`.
fn line_of(text: &str, at: usize) -> &str {
    let (start, end) = line_around(text.as_bytes(), at);
    text.get(start..end).unwrap_or_default()
}

/// Whether `rest` starts, past spaces, with a comma (a target of several:
/// `sys.modules["a"], x = …`).
fn starts_with_comma(rest: &str) -> bool {
    rest.trim_start_matches([' ', '\t']).starts_with(',')
}

/// The text of a plain string literal (`"app.store"`, `'app'`): no
/// prefix, no escape, no quote inside; `None` for anything else.
fn string_literal(key: &str) -> Option<&str> {
    let quote = key.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = key.strip_prefix(quote)?.strip_suffix(quote)?;
    (!inner.is_empty() && !inner.contains(['"', '\'', '\\', '\n'])).then_some(inner)
}

/// The line around byte `at` as `str::lines` gives it: from after the
/// previous `\n` to before the next `\n` (and a `\r` before it).
fn line_around(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = bytes.get(..at).unwrap_or_default();
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let after = bytes.get(at..).unwrap_or_default();
    match memchr::memchr(b'\n', after) {
        Some(i) => {
            let end = at + i;
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                (start, end - 1)
            } else {
                (start, end)
            }
        }
        None => (start, bytes.len()),
    }
}

/// The word (`_` and alphanumeric characters) that starts at byte `at`.
fn identifier_at(text: &str, at: usize) -> &str {
    let Some(rest) = text.get(at..) else {
        return "";
    };
    let bytes = rest.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() || b == b'_' {
            end += 1;
        } else if b.is_ascii() {
            break;
        } else {
            match rest.get(end..).and_then(|r| r.chars().next()) {
                Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
                _ => break,
            }
        }
    }
    rest.get(..end).unwrap_or_default()
}

/// [`assigns_at`], but not a `:` (`if sys.path[0]: …` reads it).
fn assigns_not_annotates(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or_default();
    !rest.trim_start_matches([' ', '\t']).starts_with(':') && assigns_at(text, at)
}

/// Whether `text` may bind `name` other than by a class statement or an
/// import: `name` as a whole word followed (past spaces) by `=` (not
/// `==`) or `:=`, or starting a line's code followed by `:` (an annotated
/// assignment) or `,` (one of several targets), or after `as ` or `for `
/// (`with … as name`, `for name in …`, and `import … as name` too, which
/// is taken in as well: the index still resolves that base). Generous on
/// purpose: a file it takes in is only summarised, and its bases resolved.
fn assigns_name(text: &str, name: &str) -> bool {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    for at in memmem::find_iter(bytes, name.as_bytes()) {
        let before = at.checked_sub(1).and_then(|b| bytes.get(b)).copied();
        let end = at + name.len();
        if before.is_some_and(is_word) || bytes.get(end).copied().is_some_and(is_word) {
            continue;
        }
        let line_start =
            memchr::memrchr(b'\n', bytes.get(..at).unwrap_or_default()).map_or(0, |i| i + 1);
        let head = text.get(line_start..at).unwrap_or_default();
        let starts_line = head.chars().all(char::is_whitespace);
        // `class Base:` and `class Base(Other):` define it.
        if head.trim() == "class" {
            continue;
        }
        let rest = text.get(end..).unwrap_or_default();
        let rest = rest.trim_start_matches([' ', '\t']);
        if (rest.starts_with('=') && !rest.starts_with("=="))
            || rest.starts_with(":=")
            || (starts_line && (rest.starts_with(':') || rest.starts_with(',')))
            || head.ends_with("as ")
            || head.ends_with("for ")
        {
            return true;
        }
    }
    false
}

/// The operators that, after `.name` and spaces, make the line write the
/// attribute (`:` for an annotated assignment).
const WRITES: &[&str] = &[
    "+=", "-=", "*=", "/=", "|=", "&=", "//=", "@=", "%=", "^=", ">>=", "<<=", "**=",
];

/// Whether the text from byte `at`, past the spaces on its line, assigns
/// (`=` but not `==`, an augmented assignment, or an annotation).
fn assigns_at(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    let bytes = rest.as_bytes();
    let mut skip = 0;
    while let Some(&b) = bytes.get(skip) {
        match b {
            b'\n' => return false,
            b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => skip += 1,
            _ if b.is_ascii() => break,
            _ => match rest.get(skip..).and_then(|r| r.chars().next()) {
                Some(c) if c.is_whitespace() => skip += c.len_utf8(),
                _ => break,
            },
        }
    }
    let rest = rest.get(skip..).unwrap_or_default();
    match rest.as_bytes().first() {
        Some(b'=') => !rest.starts_with("=="),
        Some(b'+' | b'-' | b'*' | b'/' | b'|' | b'&' | b'@' | b'%' | b'^' | b'>' | b'<') => {
            WRITES.iter().any(|op| rest.starts_with(op))
        }
        // An annotation writes only with a value (`x.name: T = v`); a
        // colon that ends a clause (`except errors.Timeout:`, `if x.ready:`)
        // or sits in a slice or a dict writes nothing, unless the line goes
        // on to assign (`if x.ready: y = 1` counts: a word too many is safe).
        Some(b':') => {
            let line = rest.get(1..).unwrap_or_default();
            assigns_later(line.split('\n').next().unwrap_or_default())
        }
        _ => false,
    }
}

/// Whether `line` (the rest of a line after an annotation's colon) holds
/// an `=` that assigns (not `==`, `!=`, `<=`, `>=`).
fn assigns_later(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b'=', bytes).any(|i| {
        let before = i.checked_sub(1).and_then(|j| bytes.get(j));
        !matches!(before, Some(b'=' | b'!' | b'<' | b'>')) && bytes.get(i + 1) != Some(&b'=')
    })
}

/// The attribute names a module's namespace dictionary is written under
/// in `text`: `vars(m)["connect"] = f`, `m.__dict__["connect"] = f` (and
/// augmented assignments), `vars(c).update(execute=f)`; `None` for a key
/// that is no string literal or an argument that is no keyword (any
/// name). The subscript or the call must close on its line.
fn namespace_writes<'t>(spelled: &Spelled<'t>) -> Vec<(Option<&'t str>, Option<&'t str>)> {
    let text = spelled.text;
    let mut found = Vec::new();
    for at in spelled.at(Spelling::Vars) {
        let before = text.get(..at).and_then(|b| b.chars().next_back());
        if before.is_some_and(|c| c == '_' || c == '.' || c.is_alphanumeric()) {
            continue;
        }
        if let Some(close) = closing_parenthesis(text, at + 4) {
            let receiver = text.get(at + 5..close);
            namespace_written(text, receiver, close + 1, &mut found);
        }
    }
    for at in spelled.at(Spelling::Dict) {
        let receiver = receiver_of(text, at);
        namespace_written(text, receiver, at + ".__dict__".len(), &mut found);
    }
    // `__builtins__["TimeoutError"] = X`: outside `__main__`, the
    // builtins module's namespace dictionary.
    for at in spelled.at(Spelling::DunderBuiltins) {
        if dunder_builtins_at(text.as_bytes(), at) {
            let end = at + Spelling::DunderBuiltins.text().len();
            namespace_written(text, Some("__builtins__"), end, &mut found);
        }
    }
    found
}

/// Whether `__builtins__` at `at` is the name itself (not part of a
/// longer word or an attribute of something else).
fn dunder_builtins_at(bytes: &[u8], at: usize) -> bool {
    let end = at + Spelling::DunderBuiltins.text().len();
    !at.checked_sub(1)
        .and_then(|b| bytes.get(b))
        .is_some_and(|&b| is_word_byte(b) || b == b'.')
        && !bytes.get(end).copied().is_some_and(is_word_byte)
}

/// Calls that only read the dictionary they are given.
const NAMESPACE_READERS: &[&str] = &[
    "dict",
    "list",
    "tuple",
    "set",
    "frozenset",
    "sorted",
    "len",
    "iter",
    "any",
    "all",
    "print",
    "repr",
    "str",
    "format",
    "dumps",
    "pformat",
    "pprint",
    "copy",
    "deepcopy",
    "isinstance",
    "bool",
    "id",
    "hash",
    "type",
    "enumerate",
    "filter",
    "map",
    "zip",
    "next",
    "reversed",
];

/// Methods of a dictionary that only read it.
const NAMESPACE_READS: &[&str] = &[
    "get",
    "items",
    "keys",
    "values",
    "copy",
    "__contains__",
    "__getitem__",
    "__len__",
    "__iter__",
];

/// The namespace dictionaries `text` uses other than by a plain read (a
/// subscript read, `.get(…)`, `.items()`, `in`, a call that only reads
/// it, a comparison) or by the writes [`namespace_writes`] reads: kept in
/// a variable (`ns = store.__dict__`), handed to other code
/// (`operator.setitem(vars(m), …)`, `exec(src, m.__dict__)`,
/// `patch.dict(…)`), changed by a method (`.pop`, `.clear`,
/// `.setdefault`, `.__setitem__`) or an operator (`|=`), a key deleted.
/// What is written through it is not seen: any attribute of the object.
/// Each as the receiver's text (`None`: one that may be any module: a
/// function's `__globals__`, a frame's `f_globals`, `gc.get_referents`).
/// Second, for each such use of another module's globals (a function's
/// `__globals__`, a frame's `f_globals`, `gc.get_referents`), the name its
/// chain starts from when it is a function's `__globals__` (`work` of
/// `work.backoff.__globals__`; `None`: any). A use with such a name is
/// not in the first list: which module it reaches the caller tells from
/// the name (see [`own_function`]).
fn namespace_escapes<'t>(spelled: &Spelled<'t>) -> NamespaceEscapes<'t> {
    let text = spelled.text;
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut globals = Vec::new();
    let mut named = Vec::new();
    for at in spelled.at(Spelling::Vars) {
        if at
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .is_some_and(|&b| is_word_byte(b) || b == b'.')
        {
            continue;
        }
        let Some(close) = closing_parenthesis(text, at + 4) else {
            continue;
        };
        let receiver = text.get(at + 5..close).map(str::trim);
        if receiver.is_none_or(str::is_empty) {
            continue;
        }
        if namespace_escapes_at(text, at, close + 1) {
            found.push(receiver);
        }
    }
    for at in spelled.at(Spelling::Dict) {
        let end = at + ".__dict__".len();
        if bytes.get(end).copied().is_some_and(is_word_byte) {
            continue;
        }
        let start = chain_start(bytes, at);
        if namespace_escapes_at(text, start, end) {
            found.push(receiver_of(text, at));
        }
    }
    // `getattr(m, "__dict__")[k] = v`, `object.__getattribute__(m,
    // "__dict__").update(…)`: the namespace reached by its name in quotes.
    for spelling in [Spelling::QuotedDict, Spelling::QuotedDictSingle] {
        for at in spelled.at(spelling) {
            let Some((receiver, start, end)) = namespace_by_name(text, at) else {
                continue;
            };
            let after = skip_blanks(bytes, end);
            if subscript_written(text, after).is_some()
                || text
                    .get(after..)
                    .is_some_and(|rest| rest.starts_with(".update("))
                || namespace_escapes_at(text, start, end)
            {
                found.push(Some(receiver));
            }
        }
    }
    // `ns = __builtins__`, `__builtins__.pop(…)`: the builtins' namespace
    // (outside `__main__`) used other than by a plain read.
    for at in spelled.at(Spelling::DunderBuiltins) {
        let end = at + Spelling::DunderBuiltins.text().len();
        if dunder_builtins_at(bytes, at) && namespace_escapes_at(text, at, end) {
            found.push(Some("__builtins__"));
        }
    }
    // A function's code used other than by reading its `co_` fields
    // (`FunctionType(f.__code__, other_globals)`) runs with other globals.
    for at in spelled.at(Spelling::Code) {
        let end = at + ".__code__".len();
        let rest = text.get(end..).unwrap_or_default();
        if bytes.get(end).copied().is_some_and(is_word_byte) || rest.starts_with(".co_") {
            continue;
        }
        // Not a write of another module's globals: kept apart from them
        // (`code = func.__code__` only reads).
        if namespace_escapes_at(text, chain_start(bytes, at), end) {
            found.push(None);
        }
    }
    for spelling in [
        Spelling::Globals,
        Spelling::FrameGlobals,
        Spelling::GetReferents,
    ] {
        let word = spelling.text();
        for at in spelled.at(spelling) {
            let end = at + word.len();
            if bytes.get(end).copied().is_some_and(is_word_byte)
                || at
                    .checked_sub(1)
                    .and_then(|b| bytes.get(b))
                    .is_some_and(|&b| is_word_byte(b))
            {
                continue;
            }
            // Named in a comment: nothing is written.
            let (line_start, _) = line_around(bytes, at);
            if text.get(line_start..at).unwrap_or_default().contains('#') {
                continue;
            }
            // `getattr(f, "__globals__")[k] = v`: a function's globals
            // reached by the name in quotes.
            if spelling == Spelling::Globals
                && let Some(quote) = at.checked_sub(1)
                && let Some(&mark @ (b'"' | b'\'')) = bytes.get(quote)
                && bytes.get(end) == Some(&mark)
            {
                if let Some((receiver, start, end)) = namespace_by_name(text, quote) {
                    let after = skip_blanks(bytes, end);
                    if subscript_written(text, after).is_some()
                        || text
                            .get(after..)
                            .is_some_and(|rest| rest.starts_with(".update("))
                        || namespace_escapes_at(text, start, end)
                    {
                        let head = identifier_at(receiver, 0);
                        if head.is_empty() || !receiver.split('.').all(is_identifier) {
                            found.push(None);
                            globals.push(None);
                        } else {
                            globals.push(Some(head));
                        }
                    }
                }
                continue;
            }
            let start = if bytes.get(at.wrapping_sub(1)) == Some(&b'.') {
                chain_start(bytes, at - 1)
            } else {
                at
            };
            // A frame's or a function's globals, written by key too.
            let after = skip_blanks(bytes, end);
            let written = subscript_written(text, after).is_some()
                || text
                    .get(after..)
                    .is_some_and(|rest| rest.starts_with(".update("));
            if word == "get_referents" {
                // What `gc.get_referents` gives is another object's namespace
                // when it is given one (`gc.get_referents(C.__dict__)`) or
                // its result is written by key on the line.
                let Some(close) = closing_parenthesis(text, after) else {
                    continue;
                };
                let argument = text.get(after..close).unwrap_or_default();
                let mut tail = close + 1;
                while text.as_bytes().get(tail) == Some(&b'[') {
                    let Some(inside) = text.get(tail + 1..) else {
                        break;
                    };
                    let Some(end) = closing_bracket(inside) else {
                        break;
                    };
                    tail += end + 2;
                }
                if ["__dict__", "vars(", "globals", "modules"]
                    .iter()
                    .any(|name| argument.contains(name))
                    || (tail > close + 1 && assigns_at(text, tail))
                {
                    found.push(None);
                    globals.push(None);
                }
                continue;
            }
            if written
                || (namespace_escapes_at(text, start, end)
                    && !(spelling == Spelling::Globals
                        && only_read_where_kept(text, start, end, 2)))
            {
                // A function's `__globals__` (`work.backoff.__globals__`):
                // the namespace of the module the chain starts from.
                let head = (spelling == Spelling::Globals && start < at)
                    .then(|| identifier_at(text, start))
                    .filter(|head| !head.is_empty());
                // Written under literal keys only (`helper.__globals__["LIMIT"]
                // = 3`, `patch.dict(helper.__globals__, {"LIMIT": 3})`):
                // those names, of the module the function is of.
                if let Some(head) = head
                    && let Some(keys) = literal_keys_written(text, start, end)
                {
                    named.extend(keys.into_iter().map(|key| (head, key)));
                    continue;
                }
                // Which module that is the caller tells from the head.
                if head.is_none() {
                    found.push(None);
                }
                globals.push(head);
            }
        }
    }
    NamespaceEscapes {
        found,
        globals,
        named,
    }
}

/// Whether the namespace spelled from `start` to `end` in `text`, kept in
/// a plain name (`globalns = unwrap.__globals__`) or handed to a function
/// the file defines (`resolve(ann, func.__globals__)`, `def resolve(ann,
/// globalns)`), is only read there: every use of the name after it (in
/// the function that holds the assignment, or in the helper's body) is
/// a plain read (`globalns.get(k)`, `globalns[k]`, `k in globalns`; see
/// [`namespace_escapes_at`]), or hands it on to another such helper
/// (`depth` levels more). Any other case is not known to read only.
fn only_read_where_kept(text: &str, start: usize, end: usize, depth: u32) -> bool {
    let Some(depth) = depth.checked_sub(1) else {
        return false;
    };
    let bytes = text.as_bytes();
    let (line_start, line_end) = line_around(bytes, start);
    let before = text
        .get(line_start..skip_blanks_back(bytes, start))
        .unwrap_or_default();
    let after = skip_blanks(bytes, end);
    // Kept in a plain name: `globalns = f.__globals__` alone on its line.
    if let Some(target) = before.strip_suffix('=')
        && !target.ends_with(['=', '!', '<', '>'])
        && is_identifier(target.trim())
        && text
            .get(after..line_end)
            .is_some_and(|rest| rest.trim().is_empty() || rest.trim().starts_with('#'))
    {
        let name = target.trim();
        let indent = before.len() - before.trim_start().len();
        let body = block_after(text, line_end, indent, true);
        return uses_only_read(text, name, body, depth);
    }
    // Handed to a function of the file by position.
    let Some(open) = enclosing_opener(bytes, start) else {
        return false;
    };
    let rest = text.get(after..).unwrap_or_default();
    if bytes.get(open) != Some(&b'(') || !(rest.starts_with(',') || rest.starts_with(')')) {
        return false;
    }
    let callee_end = skip_blanks_back(bytes, open);
    let callee = identifier_before(text, callee_end);
    let callee_start = callee_end - callee.len();
    if callee.is_empty()
        || callee_start
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .is_some_and(|&b| b == b'.')
    {
        return false;
    }
    let Some(arguments) = text.get(open + 1..start) else {
        return false;
    };
    let pieces = split_top_level(arguments);
    if pieces.iter().any(|piece| {
        let piece = piece.trim();
        piece.starts_with('*') || piece.contains('=')
    }) || !pieces.last().is_some_and(|last| last.trim().is_empty())
    {
        return false;
    }
    let index = pieces.len() - 1;
    let Some(def) = text.match_indices("def ").map(|(at, _)| at).find(|&at| {
        let (line, _) = line_around(bytes, at);
        let head = text.get(line..at).unwrap_or_default().trim_start();
        (head.is_empty() || head == "async ")
            && text.get(at + "def ".len()..).is_some_and(|rest| {
                rest.strip_prefix(callee)
                    .is_some_and(|rest| rest.trim_start().starts_with('('))
            })
    }) else {
        return false;
    };
    // Defined once: another `def` of the name may be the one called.
    if text
        .match_indices(&format!("def {callee}("))
        .nth(1)
        .is_some()
    {
        return false;
    }
    let Some(params_open) = text
        .get(def..)
        .and_then(|rest| rest.find('('))
        .map(|i| def + i)
    else {
        return false;
    };
    let mut level = 0usize;
    let mut params_close = None;
    for (offset, c) in text.get(params_open..).unwrap_or_default().char_indices() {
        match c {
            '(' | '[' | '{' => level += 1,
            ')' | ']' | '}' => {
                level = level.saturating_sub(1);
                if level == 0 {
                    params_close = Some(params_open + offset);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(params) = params_close.and_then(|close| text.get(params_open + 1..close)) else {
        return false;
    };
    let params = split_top_level(params);
    let Some(param) = params.get(index) else {
        return false;
    };
    if params.iter().take(index + 1).any(|p| {
        let p = p.trim();
        p.starts_with('*') || p == "/" || p == "self" || p == "cls"
    }) {
        return false;
    }
    let name = identifier_at(param.trim(), 0);
    if name.is_empty() {
        return false;
    }
    let (def_line, def_line_end) = line_around(bytes, def);
    let def_indent = def - def_line;
    let body_from = params_close.map_or(def_line_end, |close| line_around(bytes, close).1);
    let body = block_after(text, body_from, def_indent, false);
    uses_only_read(text, name, body, depth)
}

/// The lines after `from` (the end of a line) indented more than
/// `indent`, up to the first that is not (blank lines and comments go
/// on); with `same`, lines at `indent` too (the rest of the block a
/// statement is in).
fn block_after(text: &str, from: usize, indent: usize, same: bool) -> std::ops::Range<usize> {
    let bytes = text.as_bytes();
    let Some(mut at) = memchr::memchr(b'\n', bytes.get(from..).unwrap_or_default())
        .map(|newline| from + newline + 1)
    else {
        return from..from;
    };
    let mut end = from;
    while at < text.len() {
        let line_end = memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default())
            .map_or(text.len(), |newline| at + newline);
        let line = text.get(at..line_end).unwrap_or_default();
        let trimmed = line.trim_start_matches([' ', '\t']);
        let own = line.len() - trimmed.len();
        if !(trimmed.trim().is_empty() || trimmed.starts_with('#')) {
            if own < indent || (own == indent && !same) {
                break;
            }
            end = line_end;
        }
        at = line_end + 1;
    }
    from..end.max(from)
}

/// Where the plain name `name` stands in `range` of `text`, in code (not a
/// comment or a string): not part of a longer word, nor an attribute
/// (`x.name`).
fn plain_name_uses<'t>(
    text: &'t str,
    name: &'t str,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    let body = text.get(range.clone()).unwrap_or_default();
    memmem::find_iter(body.as_bytes(), name.as_bytes())
        .map(move |at| range.start + at)
        .filter(move |&at| {
            !at.checked_sub(1)
                .and_then(|b| bytes.get(b))
                .is_some_and(|&b| is_word_byte(b) || b == b'.')
                && !bytes
                    .get(at + name.len())
                    .copied()
                    .is_some_and(is_word_byte)
                && in_code(text, at)
        })
}

/// Whether every use of the plain name `name` in `range` of `text` only
/// reads the namespace it holds (see [`only_read_where_kept`]).
fn uses_only_read(text: &str, name: &str, range: std::ops::Range<usize>, depth: u32) -> bool {
    let bytes = text.as_bytes();
    if text.get(range.clone()).is_none() {
        return false;
    }
    plain_name_uses(text, name, range).all(|at| {
        let end = at + name.len();
        let after = skip_blanks(bytes, end);
        subscript_written(text, after).is_none()
            && !text
                .get(after..)
                .is_some_and(|rest| rest.starts_with(".update("))
            && (!namespace_escapes_at(text, at, end) || only_read_where_kept(text, at, end, depth))
    })
}

/// What [`namespace_escapes`] finds: the namespaces used other than by a
/// plain read, the heads of functions whose `__globals__` are, and the
/// names written into a function's `__globals__` under literal keys only
/// (with the head of the function's chain).
struct NamespaceEscapes<'t> {
    found: Vec<Option<&'t str>>,
    globals: Vec<Option<&'t str>>,
    named: Vec<(&'t str, &'t str)>,
}

/// The keys a namespace dictionary spelled from `start` to `end` in
/// `text` is written under, when every one is a literal: `ns["K"] = v`,
/// `ns.update(K=v)`, `patch.dict(ns, {"K": v})`, `patch.dict(ns, K=v)`
/// (not with `clear=`). `None` for any other use.
fn literal_keys_written(text: &str, start: usize, end: usize) -> Option<Vec<&str>> {
    fn keywords<'t>(arguments: &[(Option<&'t str>, &'t str)]) -> Option<Vec<&'t str>> {
        arguments
            .iter()
            .map(|&(keyword, _)| keyword.filter(|&keyword| keyword != "clear"))
            .collect()
    }
    let bytes = text.as_bytes();
    let after = skip_blanks(bytes, end);
    if let Some(key) = subscript_written(text, after) {
        return key.map(|key| vec![key]);
    }
    if text
        .get(after..)
        .is_some_and(|rest| rest.starts_with(".update("))
    {
        let arguments = call_arguments(text, after + ".update".len())?;
        return keywords(&arguments);
    }
    let open = enclosing_opener(bytes, start)?;
    let callee = text.get(..open).unwrap_or_default().trim_end();
    if bytes.get(open) != Some(&b'(') || !callee.ends_with("patch.dict") {
        return None;
    }
    let arguments = call_arguments(text, open)?;
    let (first, rest) = arguments.split_first()?;
    if first.0.is_some() || first.1 != text.get(start..end)?.trim() {
        return None;
    }
    let (values, rest) = match rest.first() {
        Some(&(None, values)) => (Some(values), rest.get(1..).unwrap_or_default()),
        _ => (None, rest),
    };
    let mut keys = keywords(rest)?;
    if let Some(values) = values {
        let inner = values.strip_prefix('{')?.strip_suffix('}')?;
        for item in split_top_level(inner) {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            let (key, _) = item.split_once(':')?;
            keys.push(string_literal(key.trim())?);
        }
    }
    Some(keys)
}

/// Whether `receiver` is an instance a class makes there: a call of a
/// capitalised name (`Frozen()`, `models.Point(1, 2)`), with nothing after
/// the call's parentheses.
fn made_by_a_class(receiver: &str) -> bool {
    let Some(open) = receiver.find('(') else {
        return false;
    };
    let callee = receiver.get(..open).unwrap_or_default().trim_end();
    let last = callee.rsplit('.').next().unwrap_or_default();
    callee.split('.').all(is_identifier)
        && last.starts_with(|c: char| c.is_ascii_uppercase())
        && closing_parenthesis(receiver, open).is_some_and(|close| close + 1 == receiver.len())
}

/// A namespace reached by its attribute's name in quotes, the quote at
/// `quote` opening the second argument of `getattr(obj, "__dict__")` or
/// `object.__getattribute__(m, "__globals__")` (a default after it too):
/// the object (the call's first argument, trimmed), and where the call
/// starts and ends.
fn namespace_by_name(text: &str, quote: usize) -> Option<(&str, usize, usize)> {
    let bytes = text.as_bytes();
    let open = enclosing_opener(bytes, quote)?;
    if bytes.get(open) != Some(&b'(') {
        return None;
    }
    let callee_end = skip_blanks_back(bytes, open);
    let head = text.get(..callee_end)?;
    let name = head
        .rsplit(|c: char| !(c == '_' || c.is_alphanumeric()))
        .next()
        .unwrap_or_default();
    if !matches!(name, "getattr" | "__getattribute__") {
        return None;
    }
    let inside = text.get(open + 1..)?;
    let receiver = first_argument(inside)?;
    // The quoted name is the second argument, right after the first.
    let between = text.get(open + 1 + receiver.len()..quote)?;
    if between.trim() != "," {
        return None;
    }
    let close = closing_parenthesis(text, open)?;
    // From the start of the callee's chain (`object.__getattribute__`).
    let mut start = callee_end - name.len();
    while start
        .checked_sub(1)
        .and_then(|b| bytes.get(b))
        .is_some_and(|&b| b == b'.' || is_word_byte(b))
    {
        start -= 1;
    }
    Some((receiver.trim(), start, close + 1))
}

/// Whether the namespace dictionary written from `start` to `end` in
/// `text` is used other than by a plain read (see [`namespace_escapes`]);
/// the writes [`namespace_writes`] reads are not counted here.
fn namespace_escapes_at(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let after = skip_blanks(bytes, end);
    let rest = text.get(after..).unwrap_or_default();
    let (line_start, _) = line_around(bytes, start);
    let head = text.get(line_start..start).unwrap_or_default();
    if rest.starts_with('[') {
        // A key deleted, or (read by `namespace_writes`) assigned.
        return head.trim_start().starts_with("del ") && subscript_written(text, after).is_none();
    }
    if let Some(method) = rest.strip_prefix('.') {
        let name = identifier_at(method, 0);
        return !(name.is_empty() || name == "update" || NAMESPACE_READS.contains(&name));
    }
    if rest.starts_with("==") || rest.starts_with("!=") {
        return false;
    }
    // `|=` and the other augmented assignments.
    if assigns_at(text, end) {
        return true;
    }
    // Kept in a variable: `ns = m.__dict__`, `a, b = vars(m), 1`.
    let before = text
        .get(line_start..skip_blanks_back(bytes, start))
        .unwrap_or_default();
    if before.ends_with('=') && !before.ends_with("==") {
        let operator = before.trim_end_matches('=');
        return !operator.ends_with(['!', '<', '>']);
    }
    if ends_with_word(before, "return") || ends_with_word(before, "yield") {
        return true;
    }
    // An argument of a call that does not only read it.
    if (rest.starts_with(',') || rest.starts_with(')'))
        && let Some(open) = enclosing_opener(bytes, start)
        && bytes.get(open) == Some(&b'(')
    {
        let callee = text.get(..open).unwrap_or_default().trim_end();
        let name = callee
            .rsplit(|c: char| !(c == '_' || c.is_alphanumeric()))
            .next()
            .unwrap_or_default();
        // `mock.patch.dict(ns, …)` writes it: only the built-in `dict`
        // copies it.
        let patch_dict = name == "dict" && callee.ends_with(".dict");
        return !name.is_empty() && (patch_dict || !NAMESPACE_READERS.contains(&name));
    }
    false
}

/// The closing parenthesis of the one at `open`, on the same line.
fn closing_parenthesis(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (offset, c) in text.get(open..)?.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return (c == ')').then_some(open + offset);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// What a namespace dictionary ending at `at` is written under: a
/// subscript assigned to, or the arguments of `.update(…)`.
fn namespace_written<'t>(
    text: &'t str,
    receiver: Option<&'t str>,
    at: usize,
    found: &mut Vec<(Option<&'t str>, Option<&'t str>)>,
) {
    if let Some(key) = subscript_written(text, at) {
        found.push((receiver, key));
        return;
    }
    let Some(open) = text
        .get(at..)
        .and_then(|rest| rest.strip_prefix(".update("))
        .map(|_| at + ".update".len())
    else {
        return;
    };
    let Some(close) = closing_parenthesis(text, open) else {
        found.push((receiver, None));
        return;
    };
    let arguments = text.get(open + 1..close).unwrap_or_default();
    let mut depth = 0usize;
    let mut start = 0;
    let mut pieces = Vec::new();
    for (offset, c) in arguments.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                pieces.push(arguments.get(start..offset).unwrap_or_default());
                start = offset + 1;
            }
            _ => {}
        }
    }
    pieces.push(arguments.get(start..).unwrap_or_default());
    for piece in pieces.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        // `ns.update({"wait_for": f})`: the dictionary's keys.
        if let Some(keys) = dict_keys(piece) {
            found.extend(keys.into_iter().map(|key| (receiver, Some(key))));
            continue;
        }
        let name = identifier_at(piece, 0);
        let rest = piece.get(name.len()..).unwrap_or_default().trim_start();
        let keyword = !name.is_empty() && rest.starts_with('=') && !rest.starts_with("==");
        found.push((receiver, keyword.then_some(name)));
    }
}

/// When `text` has a subscript starting at `open` (`[`) that is assigned
/// to on its line: its key as a string literal's text, or `None` for a key
/// that is no string literal.
fn subscript_written(text: &str, open: usize) -> Option<Option<&str>> {
    if text.as_bytes().get(open) != Some(&b'[') {
        return None;
    }
    let rest = text.get(open + 1..)?;
    let close = rest.find([']', '\n'])?;
    if rest.as_bytes().get(close) != Some(&b']') {
        return None;
    }
    if !assigns_at(text, open + 1 + close + 1) {
        return None;
    }
    Some(string_literal(rest.get(..close)?.trim()))
}

/// Whether a byte is part of a word (an identifier's ASCII characters, or
/// any non-ASCII byte).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Where the spaces, tabs and backslash-newlines (a continued line) from
/// byte `at` of `text` end.
fn skip_blanks(bytes: &[u8], mut at: usize) -> usize {
    loop {
        match bytes.get(at) {
            Some(b' ' | b'\t' | b'\x0c') => at += 1,
            Some(b'\\') => match (bytes.get(at + 1), bytes.get(at + 2)) {
                (Some(b'\n'), _) => at += 2,
                (Some(b'\r'), Some(b'\n')) => at += 3,
                _ => return at,
            },
            _ => return at,
        }
    }
}

/// Where the spaces, tabs and backslash-newlines that end just before
/// byte `at` of `text` start.
fn skip_blanks_back(bytes: &[u8], mut at: usize) -> usize {
    loop {
        match at.checked_sub(1).and_then(|b| bytes.get(b)) {
            Some(b' ' | b'\t' | b'\x0c') => at -= 1,
            Some(b'\n') if at >= 2 && bytes.get(at - 2) == Some(&b'\\') => at -= 2,
            Some(b'\n')
                if at >= 3
                    && bytes.get(at - 2) == Some(&b'\r')
                    && bytes.get(at - 3) == Some(&b'\\') =>
            {
                at -= 3
            }
            _ => return at,
        }
    }
}

/// The names a computed dotted target (`MODULE + ".K"`, `f"{MODULE}.K"`,
/// `"%s.K" % MODULE`) ends with in a string literal: each identifier
/// just after a `.` and just before a closing quote; else each string
/// literal that is a name (`".".join([MODULE, "K"])`, `target("K")`).
/// None when there is neither (`f"app.{name}"`, `target(name)`).
fn literal_last_names(target: &str) -> Vec<&str> {
    let bytes = target.as_bytes();
    let mut found = Vec::new();
    for dot in memchr::memchr_iter(b'.', bytes) {
        let name = identifier_at(target, dot + 1);
        if !name.is_empty() && matches!(bytes.get(dot + 1 + name.len()), Some(b'"' | b'\'')) {
            found.push(name);
        }
    }
    // `".".join([MODULE, "K"])`, `target("K")`: a name alone in quotes.
    if found.is_empty() {
        for (_, literal) in string_literals(target) {
            if is_identifier(literal) {
                found.push(literal);
            }
        }
    }
    found
}

/// How an entry of [`ProjectScan::escapes`] reaches a module (see
/// [`escape_reaches`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// It is the module itself.
    Exact,
    /// The module is one of many it may be: any module, or one under a
    /// package it names.
    Broad,
}

/// Whether the module `module` (absolute, dotted) is the one an entry of
/// [`ProjectScan::escapes`] lets out ([`Reach::Exact`]), or may be among
/// those it does ([`Reach::Broad`]): under a package it names, any module
/// under `pkg` for `pkg.*` (`getattr(pkg, name)`), any module for
/// [`ANY_MODULE`]. A relative name (`.svc` of `from . import svc`) is
/// taken from the directory of the file that spells it (`path`), and
/// matched by its last parts.
fn escape_reaches(escaped: &str, module: &str, path: Option<&Path>) -> Option<Reach> {
    if escaped == ANY_MODULE {
        return Some(Reach::Broad);
    }
    let escaped = escaped.strip_prefix(SPELLED).unwrap_or(escaped);
    if let Some(among) = escaped.strip_prefix(AMONG) {
        return escape_reaches(among, module, path).map(|_| Reach::Broad);
    }
    let (members, escaped) = match escaped.strip_suffix(".*") {
        Some(package) => (true, package),
        None => (false, escaped),
    };
    let rest = escaped.trim_start_matches('.');
    let dots = escaped.len() - rest.len();
    let asked: Vec<&str> = module.split('.').collect();
    // A relative import reaches a module of a package: two parts at least.
    let above = |parts: &[&str], relative: bool| {
        (if relative { 2 } else { 1 }..asked.len()).any(|end| {
            let package = asked.get(..end).unwrap_or_default();
            if relative {
                parts.ends_with(package)
            } else {
                parts == package
            }
        })
    };
    if dots == 0 {
        let parts: Vec<&str> = rest.split('.').collect();
        if members {
            return above(&parts, false).then_some(Reach::Broad);
        }
        if asked == parts {
            return Some(Reach::Exact);
        }
        return above(&parts, false).then_some(Reach::Broad);
    }
    let Some(path) = path else {
        return (asked.len() >= 2
            && asked
                .last()
                .is_some_and(|last| rest.split('.').any(|part| part == *last)))
        .then_some(Reach::Broad);
    };
    let mut dir = path.parent();
    for _ in 1..dots {
        dir = dir.and_then(Path::parent);
    }
    let mut parts: Vec<&str> = dir
        .map(|dir| {
            dir.components()
                .filter_map(|part| part.as_os_str().to_str())
                .collect()
        })
        .unwrap_or_default();
    parts.extend(rest.split('.').filter(|part| !part.is_empty()));
    if !members && asked.len() >= 2 && parts.ends_with(&asked) {
        return Some(Reach::Exact);
    }
    above(&parts, true).then_some(Reach::Broad)
}

/// The dots of a `del` statement's line (`line`, from its `del`) before
/// the attribute a target ends with (`del a.b, (c.d)`): not in a key or
/// a call's arguments (`del pools[asyncio.get_event_loop()]`, `del
/// tasks[k, asyncio.ensure_future]`), nor before a name read on
/// (`a` of `del a.b.c`, `b` of `del a.b[k]`). In a string, none.
fn deleted_attribute_dots(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    // Whether each bracket open here groups targets (`del (a.b, c.d)`,
    // `del [a.b]`) rather than holding a key or arguments.
    let mut groups: Vec<bool> = Vec::new();
    let mut at = "del".len();
    while let Some(&b) = bytes.get(at) {
        match b {
            b'#' => break,
            b'"' | b'\'' => {
                let close = memchr::memchr(b, bytes.get(at + 1..).unwrap_or_default());
                match close {
                    Some(close) => at += close + 2,
                    None => break,
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                let before = skip_blanks_back(bytes, at);
                let previous = before.checked_sub(1).and_then(|i| bytes.get(i)).copied();
                let group = before == "del".len()
                    || previous.is_none_or(|p| matches!(p, b',' | b'(' | b'[' | b'{'));
                groups.push(group && b != b'{');
            }
            b')' | b']' | b'}' => {
                groups.pop();
            }
            b'.' if groups.iter().all(|&group| group) => {
                let name = identifier_at(line, at + 1);
                let next = bytes.get(skip_blanks(bytes, at + 1 + name.len())).copied();
                if !name.is_empty()
                    && matches!(
                        next,
                        None | Some(b',' | b')' | b']' | b';' | b'#' | b'\r' | b'\n')
                    )
                {
                    found.push(at);
                }
            }
            _ => {}
        }
        at += 1;
    }
    found
}

/// The object a `__setattr__` or `__delattr__` whose call opens at `open`
/// is bound to (`svc` of `svc.__setattr__("flush", f)`, `self` of
/// `self.__setattr__(name, v)`): a method read on an object that is no
/// class it is called through (`object`, `type`, `ModuleType`, `super()`
/// give the object as the first argument, as a class's own name does,
/// `Base.__setattr__(self, "x", v)`, where the name is the second). Read
/// so when the first argument is a string literal, or the object is a
/// plain name or dotted chain of lower-case words that a module of the
/// project may be.
fn bound_dunder_receiver(text: &str, open: usize) -> Option<&str> {
    let before = text.get(..open)?;
    let dot = before
        .strip_suffix("__setattr__")
        .or_else(|| before.strip_suffix("__delattr__"))?
        .strip_suffix('.')?
        .len();
    let object = receiver_of(text, dot)?;
    let trimmed = object.trim_matches(|c: char| c.is_whitespace() || c == '\\');
    if trimmed.is_empty() || matches!(trimmed, "object" | "type" | "super()") {
        return None;
    }
    let last = trimmed.rsplit('.').next().unwrap_or(trimmed);
    let inside = text.get(open + 1..).unwrap_or_default();
    let named_first = first_argument(inside)
        .and_then(|argument| string_literal(argument.trim()))
        .is_some();
    let module_like = trimmed.split('.').all(is_identifier)
        && !last.starts_with(|c: char| c.is_ascii_uppercase())
        && !matches!(last, "self" | "cls" | "object" | "type");
    (named_first || module_like).then_some(object)
}

/// The receiver of the attribute whose dot is at `dot`: the text from
/// where its chain starts (see [`chain_start`]) to the dot.
fn receiver_of(text: &str, dot: usize) -> Option<&str> {
    text.get(chain_start(text.as_bytes(), dot)..dot)
}

/// What may be a module of the project in one file, as the receiver of a
/// write: a plain name or a dotted path whose last part is a module word
/// of the project (a file's stem, a package's directory name: `work`,
/// `app.work`) or a name the file binds to one by an import with `as`
/// (`import app.work as w`); not `self` or `cls`. A module reached by a
/// computed name (`sys.modules[key]`, `importlib.import_module(name)`,
/// `__import__(name)`) may be any. A plain name the file assigns one of
/// those (`m = work`, `m = import_module(name)`, then `m.asyncio = fake`)
/// may be one too. Not followed: a module passed as an argument, or held
/// in a container.
struct ModuleReceivers<'a> {
    text: &'a str,
    words: &'a dyn ModuleWords,
    /// Names bound by `import … as` to a module word: (alias, word).
    aliases: Vec<(&'a str, &'a str)>,
    /// Plain names already asked about (see [`Self::assigned_a_module`]).
    assigned: std::cell::RefCell<FxHashMap<&'a str, Option<&'a str>>>,
    /// The plain names the file binds to a mock (see [`Self::is_mock`]),
    /// made on the first question.
    mocks: std::cell::OnceCell<FxHashSet<&'a str>>,
    /// Names bound by `from … mock import patch as …` (`p("app.save")`,
    /// `p.object(store, "save")`).
    patchers: Vec<&'a str>,
    /// Names bound to a mock module by `import unittest.mock as um`, `from
    /// unittest import mock as m` (`um.patch("asyncio.wait_for")`).
    mock_modules: Vec<&'a str>,
}

/// The module words of the project (see [`super::readers`]).
trait ModuleWords {
    /// Whether `word` is the stem of a file or the name of a package.
    fn has(&self, word: &str) -> bool;
}

impl ModuleWords for readers::Words {
    fn has(&self, word: &str) -> bool {
        self.get(word.as_bytes()).is_some()
    }
}

impl ModuleWords for FxHashSet<Box<str>> {
    fn has(&self, word: &str) -> bool {
        self.contains(word)
    }
}

/// Whether the function a `head.….__globals__` chain starts from is one
/// the file's text (`bytes`) defines (`def head`, `class head`) and binds
/// no other way (an import, an assignment `head = …` at the start of a
/// line): its globals are the file's own module's.
pub(super) fn own_function(bytes: &[u8], head: &str) -> bool {
    let head_bytes = head.as_bytes();
    let ends_word = |rest: &[u8]| {
        !rest
            .get(head_bytes.len())
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
    };
    let has_word = |line: &[u8]| {
        memmem::find_iter(line, head_bytes).any(|at| {
            !at.checked_sub(1)
                .and_then(|b| line.get(b))
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b >= 0x80)
                && line.get(at..).is_some_and(ends_word)
        })
    };
    let mut defined = false;
    let mut assigned = false;
    let mut imported = false;
    for line in bytes.split(|&b| b == b'\n') {
        let line = line.trim_ascii();
        let code = line.strip_prefix(b"async ".as_slice()).unwrap_or(line);
        if let Some(rest) = code
            .strip_prefix(b"def ".as_slice())
            .or_else(|| code.strip_prefix(b"class ".as_slice()))
        {
            let rest = rest.trim_ascii_start();
            defined |= rest.starts_with(head_bytes) && ends_word(rest);
        } else if line.starts_with(b"from ") || line.starts_with(b"import ") {
            // Read below, as statements.
        } else if line.starts_with(head_bytes) && ends_word(line) {
            let after = line
                .get(head_bytes.len()..)
                .unwrap_or_default()
                .trim_ascii_start();
            assigned |= (after.first() == Some(&b'=') && after.get(1) != Some(&b'='))
                || after.starts_with(b":")
                || after.starts_with(b",");
        }
    }
    // `from app import (\n    head,\n)`, `import x as head  # c`.
    imported |= imports::import_statements(bytes).iter().any(|statement| {
        statement.names.iter().any(|imported| {
            imported.words().any(&has_word)
                || imported
                    .from
                    .as_ref()
                    .is_some_and(|(_, from)| from.iter().any(|word| has_word(word)))
        })
    });
    defined && !imported && !assigned
}

/// The start of a receiver in [`ProjectScan::computed_writers`] that
/// stands for a module's globals reached through one of its functions or
/// a frame: followed by the name the chain starts from (`work` of
/// `work.backoff.__globals__`), or by nothing when the scan cannot tell
/// (`f.__globals__` on a parameter, `sys._getframe(1).f_globals`).
pub(super) const GLOBALS_OF: &str = "@";

/// The module word standing for "some module of the project, which the
/// scan cannot tell" (see [`ProjectScan::module_attributes`]).
pub(super) const ANY_MODULE: &str = "*";

impl<'a> ModuleReceivers<'a> {
    fn of_file(spelled: &Spelled<'a>, words: &'a dyn ModuleWords) -> ModuleReceivers<'a> {
        let text = spelled.text;
        let mut aliases = Vec::new();
        let mut patchers = Vec::new();
        let mut mock_modules = Vec::new();
        // Read as Python reads them (see [`super::imports`]): an alias
        // after a comment, a `;`, in parentheses or past a continuation.
        let statements = imports::import_statements(text.as_bytes());
        for imported in statements.iter().flat_map(|statement| &statement.names) {
            let (Some(alias), Ok(last)) = (
                imported
                    .alias
                    .and_then(|alias| std::str::from_utf8(alias).ok()),
                std::str::from_utf8(imported.last()),
            ) else {
                continue;
            };
            if !is_identifier(alias) {
                continue;
            }
            if words.has(last) {
                aliases.push((alias, last));
            }
            if last == "patch"
                && imported.from.as_ref().is_some_and(|(_, from)| {
                    from.iter()
                        .any(|word| memmem::find(word, b"mock").is_some())
                })
            {
                patchers.push(alias);
            }
            if last == "mock" {
                mock_modules.push(alias);
            }
        }
        ModuleReceivers {
            text,
            words,
            aliases,
            assigned: std::cell::RefCell::new(FxHashMap::default()),
            mocks: std::cell::OnceCell::new(),
            patchers,
            mock_modules,
        }
    }

    /// Whether the plain name `name` is one the file binds to a mock: by
    /// `as` on a line that calls a patch (`with mock.patch(…) as name:`),
    /// or assigned a mock or a patch (`name = Mock()`, `name =
    /// mocker.patch(…)`, `name = create_autospec(…)`).
    fn is_mock(&self, name: &str) -> bool {
        let mocks = self.mocks.get_or_init(|| {
            let text = self.text;
            let bytes = text.as_bytes();
            let mut mocks = FxHashSet::default();
            let mut last_line = usize::MAX;
            for at in memmem::find_iter(bytes, b"patch")
                .chain(memmem::find_iter(bytes, b"Mock("))
                .chain(memmem::find_iter(bytes, b"autospec("))
            {
                let (start, end) = line_around(bytes, at);
                if start == last_line {
                    continue;
                }
                last_line = start;
                let line = text.get(start..end).unwrap_or_default();
                for piece in line.split(" as ").skip(1) {
                    let alias = identifier_at(piece.trim_start(), 0);
                    if !alias.is_empty() {
                        mocks.insert(alias);
                    }
                }
                let code = line.trim_start();
                let target = identifier_at(code, 0);
                let rest = code.get(target.len()..).unwrap_or_default().trim_start();
                if !target.is_empty() && rest.starts_with('=') && !rest.starts_with("==") {
                    mocks.insert(target);
                }
            }
            mocks
        });
        mocks.contains(name)
    }

    /// The module word `name` is, or is an alias of (see [`Self::aliases`]).
    fn word_of(&self, name: &'a str) -> Option<&'a str> {
        if self.words.has(name) {
            return Some(name);
        }
        self.aliases
            .iter()
            .find(|(alias, _)| *alias == name)
            .map(|(_, word)| *word)
    }

    /// The module word of the module the file assigns the plain name
    /// `name`: `name = work`, `name = app.work` (also with an annotation).
    fn assigned_a_module(&self, name: &'a str) -> Option<&'a str> {
        if let Some(&known) = self.assigned.borrow().get(name) {
            return known;
        }
        let bytes = self.text.as_bytes();
        let found = memmem::find_iter(bytes, name.as_bytes()).find_map(|at| {
            let end = at + name.len();
            if at
                .checked_sub(1)
                .and_then(|b| bytes.get(b))
                .copied()
                .is_some_and(|b| is_word_byte(b) || b == b'.')
                || bytes.get(end).copied().is_some_and(is_word_byte)
                || !assigns_at(self.text, end)
            {
                return None;
            }
            let rest = self.text.get(end..).unwrap_or_default();
            let value = rest
                .split_once('=')
                .map(|(_, value)| value)
                .unwrap_or_default()
                .trim_start_matches([' ', '\t']);
            // One name of several targets (`o, m = other, svc`, `*_, m =
            // mods`): which value it takes the line does not say, so it
            // may be any module the value names.
            let line_start = self
                .text
                .get(..at)
                .and_then(|head| head.rfind('\n'))
                .map_or(0, |i| i + 1);
            let targets = self.text.get(line_start..at).unwrap_or_default().trim();
            if targets.ends_with([',', '*', '(', '[']) {
                let line = value.split('\n').next().unwrap_or_default();
                let mut words = line
                    .split(|c: char| !(c == '_' || c.is_alphanumeric()))
                    .filter_map(|word| self.word_of(word));
                let first = words.next();
                return match first {
                    Some(word) if words.all(|other| other == word) => Some(word),
                    Some(_) => Some(ANY_MODULE),
                    None => reaches_modules(line).then_some(ANY_MODULE),
                };
            }
            let mut value_end = 0;
            for (offset, c) in value.char_indices() {
                if c == '_' || c == '.' || c.is_alphanumeric() {
                    value_end = offset + c.len_utf8();
                } else {
                    break;
                }
            }
            let dotted = value.get(..value_end).unwrap_or_default();
            let last = dotted.rsplit('.').next().unwrap_or_default();
            // `m = importlib.import_module(name)`, `m = sys.modules[key]`.
            let line = value.split('\n').next().unwrap_or_default();
            // An item or a call's result (`entry = self.data[key]`,
            // `v = store.data()`) is not the module the chain ends with: a
            // module can be neither subscripted nor called.
            let item_or_call = value
                .get(value_end..)
                .unwrap_or_default()
                .trim_start_matches([' ', '\t'])
                .starts_with(['[', '(']);
            (!item_or_call)
                .then(|| self.word_of(last))
                .flatten()
                .or_else(|| reaches_modules(line).then_some(ANY_MODULE))
        });
        let found = found.or_else(|| self.looped_over_modules(name));
        self.assigned.borrow_mut().insert(name, found);
        found
    }

    /// The module word of the modules a `for name in …:` loop of the file
    /// may bind `name` to: the iterable names a module (`for m in (svc,
    /// other):`), or is a plain name the file assigns a value naming one
    /// (`MODS = [svc, other]`, then `for m in MODS:`). Several words, or
    /// one the scan cannot tell, give [`ANY_MODULE`].
    fn looped_over_modules(&self, name: &'a str) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let words_of = |text: &'a str| -> Vec<&'a str> {
            text.split(|c: char| !(c == '_' || c.is_alphanumeric()))
                .filter_map(|word| self.word_of(word))
                .collect()
        };
        let mut found: Option<&'a str> = None;
        let mut note = |word: &'a str| {
            found = Some(match found {
                Some(known) if known != word => ANY_MODULE,
                _ => word,
            });
        };
        for at in memmem::find_iter(bytes, name.as_bytes()) {
            let end = at + name.len();
            if bytes.get(end).copied().is_some_and(is_word_byte) {
                continue;
            }
            let line_start = self
                .text
                .get(..at)
                .and_then(|head| head.rfind('\n'))
                .map_or(0, |i| i + 1);
            let head = self
                .text
                .get(line_start..at)
                .unwrap_or_default()
                .trim_start();
            if !(head == "for " || head.ends_with(" for ") || head.starts_with("async for ")) {
                continue;
            }
            let rest = self.text.get(end..).unwrap_or_default();
            let line = rest.split('\n').next().unwrap_or_default();
            let Some(iterable) = line.trim_start().strip_prefix("in ") else {
                continue;
            };
            let iterable = iterable.split('#').next().unwrap_or_default();
            let iterable = iterable.trim().trim_end_matches(':').trim();
            if reaches_modules(iterable) {
                note(ANY_MODULE);
            }
            for word in words_of(iterable) {
                note(word);
            }
            // `MODS = [svc, other]`, then `for m in MODS:`.
            if is_identifier(iterable) {
                for held in memmem::find_iter(bytes, iterable.as_bytes()) {
                    let held_end = held + iterable.len();
                    if held
                        .checked_sub(1)
                        .and_then(|b| bytes.get(b))
                        .copied()
                        .is_some_and(|b| is_word_byte(b) || b == b'.')
                        || bytes.get(held_end).copied().is_some_and(is_word_byte)
                        || !assigns_at(self.text, held_end)
                    {
                        continue;
                    }
                    let value = self.text.get(held_end..).unwrap_or_default();
                    let value = value.split('\n').next().unwrap_or_default();
                    let value = value.split_once('=').map(|(_, v)| v).unwrap_or_default();
                    if reaches_modules(value) {
                        note(ANY_MODULE);
                    }
                    for word in words_of(value) {
                        note(word);
                    }
                }
            }
        }
        found
    }

    /// The module word of the module of the project the receiver
    /// `receiver` (its text, or a dotted string naming it) may be;
    /// [`ANY_MODULE`] when it may be one the scan cannot tell; `None` when
    /// it is no module of the project.
    fn module_word(&self, receiver: &'a str) -> Option<&'a str> {
        let receiver = receiver.trim();
        let receiver = string_literal(receiver).unwrap_or(receiver);
        // A chain laid out over lines (`svc \\\n    .TIMEOUT = 0`) names
        // what it names on one line.
        let parts: Vec<&'a str> = receiver
            .split('.')
            .map(|part| part.trim_matches(|c: char| c.is_whitespace() || c == '\\'))
            .collect();
        if !parts.iter().all(|part| is_identifier(part)) {
            // `sys.modules["app.work"]`, `import_module("app.work")`: a
            // module the scan cannot tell; any other call's or subscript's
            // result is taken to be no module.
            return reaches_modules(receiver).then_some(ANY_MODULE);
        }
        let last = parts.last().copied().unwrap_or_default();
        if matches!(last, "self" | "cls") {
            return None;
        }
        // `import __main__` … `__main__.flush = f`: the module run as the
        // script, which the scan cannot tell.
        if parts.len() == 1 && last == "__main__" {
            return Some(ANY_MODULE);
        }
        self.word_of(last).or_else(|| {
            (parts.len() == 1)
                .then(|| self.assigned_a_module(last))
                .flatten()
        })
    }
}

impl<'a> ModuleReceivers<'a> {}

/// Whether `text` reaches a module by a computed name: `sys.modules[…]`,
/// `importlib.import_module(…)`, `__import__(…)`.
fn reaches_modules(text: &str) -> bool {
    ["modules[", "import_module(", "__import__(", "getmodule("]
        .iter()
        .any(|word| spells(text, word))
}

impl ModuleReceivers<'_> {}

/// Where the attribute chain whose dot is at `dot` starts: back over the
/// receiver's names and dots (`app.store` for `app.store.save`), and over
/// a call's or a subscript's brackets on the same line (`x[0].save`).
fn chain_start(bytes: &[u8], dot: usize) -> usize {
    let mut at = dot;
    loop {
        at = skip_blanks_back(bytes, at);
        if let Some(b')' | b']') = at.checked_sub(1).and_then(|b| bytes.get(b)) {
            let mut depth = 0usize;
            let mut open = None;
            for i in (0..at).rev() {
                match bytes.get(i) {
                    Some(b')' | b']') => depth += 1,
                    Some(b'(' | b'[') => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            open = Some(i);
                            break;
                        }
                    }
                    Some(b'\n') | None => break,
                    _ => {}
                }
            }
            let Some(open) = open else { return at };
            at = open;
        }
        while at
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .copied()
            .is_some_and(is_word_byte)
        {
            at -= 1;
        }
        let before = skip_blanks_back(bytes, at);
        if before > 0 && bytes.get(before - 1) == Some(&b'.') {
            at = before - 1;
        } else {
            return at;
        }
    }
}

/// Whether `text` ends with the keyword `word` as a whole word.
fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word)
        .is_some_and(|head| !head.as_bytes().last().copied().is_some_and(is_word_byte))
}

/// The word `text` ends with, its last run of word bytes (empty when it
/// ends with none): of the words, [`ends_with_word`] holds for it alone.
fn last_word(text: &str) -> &str {
    let start = text
        .as_bytes()
        .iter()
        .rposition(|&b| !is_word_byte(b))
        .map_or(0, |i| i + 1);
    text.get(start..).unwrap_or_default()
}

/// Keywords after which a bracket opens a tuple or a list (a display, or
/// a target list), not a call or a subscript.
const DISPLAY_AFTER: &[&str] = &[
    "for", "in", "as", "del", "return", "yield", "else", "await", "not", "and", "or", "if", "is",
    "lambda", "assert", "async", "elif", "while", "with", "from", "print",
];

/// Whether the bracket at `open` (on the line starting at `line_start`)
/// opens a display (`(a, b)`, `[a, b]`) rather than a call or a subscript.
fn opens_display(text: &str, line_start: usize, open: usize) -> bool {
    let bytes = text.as_bytes();
    let before = skip_blanks_back(bytes, open);
    if before <= line_start {
        return true;
    }
    match bytes.get(before - 1) {
        Some(&b) if is_word_byte(b) => {
            let head = text.get(line_start..before).unwrap_or_default();
            DISPLAY_AFTER.contains(&last_word(head))
        }
        Some(b')' | b']' | b'}' | b'"' | b'\'') => false,
        _ => true,
    }
}

/// Whether, in `head` (a line up to a target), the last `word` (`for`,
/// `as`) as a whole word is followed only by what a target list holds
/// (names, dots, commas, brackets, stars and spaces).
fn introduced_by(head: &str, word: &str) -> bool {
    let bytes = head.as_bytes();
    let mut from = head.len();
    while let Some(found) = head.get(..from).and_then(|h| h.rfind(word)) {
        let end = found + word.len();
        let whole = !found
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .copied()
            .is_some_and(is_word_byte)
            && !bytes.get(end).copied().is_some_and(is_word_byte);
        if whole {
            let tail = head.get(end..).unwrap_or_default();
            let targets_only = tail.bytes().all(|b| {
                is_word_byte(b)
                    || matches!(
                        b,
                        b'.' | b',' | b' ' | b'\t' | b'(' | b')' | b'[' | b']' | b'*'
                    )
            });
            let has_keyword = tail
                .split(|c: char| !(c == '_' || c.is_alphanumeric()))
                .any(|w| {
                    matches!(
                        w,
                        "in" | "if"
                            | "else"
                            | "and"
                            | "or"
                            | "not"
                            | "is"
                            | "for"
                            | "as"
                            | "lambda"
                            | "await"
                    )
                });
            return targets_only && !has_keyword;
        }
        from = found;
    }
    false
}

/// How far past a target [`target_of`] looks for the `=` or `in` of its
/// statement.
const TARGET_LOOKAHEAD: usize = 4096;

/// Whether the attribute whose dot is at `dot` and whose name ends at
/// `after` is a target other than right before an assignment's `=`: an
/// element of a target list (`a.x, b.y = …`, `(a.x, b) = …`, `[*a.x] =
/// …`), a `for` target (`for a.x in …`, `for a.x, b in …`, also in a
/// comprehension) or a `with … as` target (`with f() as a.x:`).
pub(super) fn target_of(text: &str, dot: usize, after: usize) -> bool {
    let bytes = text.as_bytes();
    let next_at = skip_blanks(bytes, after);
    let next = bytes.get(next_at).copied();
    let next_is_in = text.get(next_at..).is_some_and(|rest| {
        rest.starts_with("in") && !rest.as_bytes().get(2).copied().is_some_and(is_word_byte)
    });
    if !matches!(next, Some(b',' | b')' | b']' | b':')) && !next_is_in {
        return false;
    }
    let start = chain_start(bytes, dot);
    let line_start =
        memchr::memrchr(b'\n', bytes.get(..start).unwrap_or_default()).map_or(0, |i| i + 1);
    let head = text.get(line_start..start).unwrap_or_default().trim_end();
    if ends_with_word(head, "as") && matches!(next, Some(b':' | b',' | b')')) {
        return true;
    }
    if ends_with_word(head, "for") && next_is_in {
        return true;
    }
    if next == Some(b':') {
        return false;
    }
    // The brackets open around the chain on its line: each must open a
    // display (a call's or a subscript's argument is read, not written).
    let mut depth = 0usize;
    let mut open = 0usize;
    let mut outer = start;
    for i in (line_start..start).rev() {
        match bytes.get(i) {
            Some(b')' | b']' | b'}') => depth += 1,
            Some(&b @ (b'(' | b'[' | b'{')) => {
                if depth > 0 {
                    depth -= 1;
                } else if b == b'{' || !opens_display(text, line_start, i) {
                    return false;
                } else {
                    open += 1;
                    outer = i;
                }
            }
            _ => {}
        }
    }
    let mut head = text.get(line_start..outer).unwrap_or_default();
    let mut by_for = introduced_by(head, "for");
    let mut by_as = introduced_by(head, "as");
    // Forward, to the `=`, `in` or `:` of the level the target list is on.
    let mut target: isize = -isize::try_from(open).unwrap_or(isize::MAX);
    let mut level: isize = 0;
    let mut at = after;
    let end = after.saturating_add(TARGET_LOOKAHEAD).min(bytes.len());
    // Where to look back from for a bracket opened on an earlier line
    // (`(\n    store.save,\n) = …`), the line start of the outermost one.
    let mut outer_line = line_start;
    while at < end {
        let Some(&b) = bytes.get(at) else { break };
        let leaves = match b {
            b')' | b']' | b'}' => level - 1 < target,
            b'\n' | b';' => level <= target,
            _ => false,
        };
        if leaves {
            // The statement may go on inside a bracket an earlier line
            // opened: a display's goes on, a call's or a subscript's is read.
            if b == b';' || head.trim() != "" && !head.trim_end().ends_with([',', '(', '[']) {
                return false;
            }
            let Some(opener) = enclosing_opener(bytes, outer_line) else {
                return false;
            };
            let opener_line = memchr::memrchr(b'\n', bytes.get(..opener).unwrap_or_default())
                .map_or(0, |i| i + 1);
            if bytes.get(opener) == Some(&b'{') || !opens_display(text, opener_line, opener) {
                return false;
            }
            target -= 1;
            outer_line = opener_line;
            head = text.get(opener_line..opener).unwrap_or_default();
            by_for = introduced_by(head, "for");
            by_as = introduced_by(head, "as");
        }
        match b {
            b'(' | b'[' | b'{' => level += 1,
            b')' | b']' | b'}' => level -= 1,
            b'\\' => at += 1,
            b'#' => {
                at = memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default())
                    .map_or(end, |i| at + i);
                continue;
            }
            b'"' | b'\'' => {
                let close = memchr::memchr2(b, b'\n', bytes.get(at + 1..).unwrap_or_default());
                match close {
                    Some(i) => at += i + 1,
                    None => return false,
                }
            }
            b'=' if level == target => {
                let before = at.checked_sub(1).and_then(|i| bytes.get(i));
                let comparison = matches!(before, Some(b'=' | b'!' | b'<' | b'>' | b':'))
                    || bytes.get(at + 1) == Some(&b'=');
                if !comparison {
                    return true;
                }
            }
            b':' if level == target => return by_as,
            b',' if level == target && by_as => return true,
            b'i' if level == target
                && by_for
                && bytes.get(at + 1) == Some(&b'n')
                && !bytes.get(at + 2).copied().is_some_and(is_word_byte)
                && !at
                    .checked_sub(1)
                    .and_then(|i| bytes.get(i))
                    .copied()
                    .is_some_and(is_word_byte) =>
            {
                return true;
            }
            _ => {}
        }
        at += 1;
    }
    false
}

/// Where the expression that ends at byte `end` starts, read back over a
/// dotted chain of names and bracketed calls or subscripts on its line
/// (`vars(asyncio)`, `asyncio.__dict__`, `globals()["m"]`).
fn expression_start(bytes: &[u8], end: usize) -> usize {
    let mut at = end;
    let mut depth = 0usize;
    while let Some(i) = at.checked_sub(1) {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b')' | b']' => depth += 1,
            b'(' | b'[' if depth > 0 => depth -= 1,
            b'\n' => break,
            _ if depth > 0 => {}
            b'.' => {}
            _ if is_word_byte(b) => {}
            _ => break,
        }
        at = i;
    }
    at
}

/// The bracket opened before byte `from` (a line's start) and not closed
/// before it, looking back at most [`TARGET_LOOKAHEAD`] bytes.
fn enclosing_opener(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let low = from.saturating_sub(TARGET_LOOKAHEAD);
    for i in (low..from).rev() {
        match bytes.get(i) {
            Some(b')' | b']' | b'}') => depth += 1,
            Some(b'(' | b'[' | b'{') => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return Some(i),
            },
            _ => {}
        }
    }
    None
}

/// The attribute name written at the dot at `dot` that the line rule of
/// [`ProjectScan::add_file`] (a name right after the dot, then `=`, an
/// augmented or annotated assignment, or on a `del` line) does not see:
/// a name after spaces or a continued line (`asyncio. Queue = Q`,
/// `asyncio.\` + newline + `Queue = Q`), and the targets [`target_of`]
/// finds.
fn other_target(text: &str, dot: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let direct = identifier_at(text, dot + 1);
    if !direct.is_empty() {
        let after = dot + 1 + direct.len();
        return (!assigns_at(text, after) && target_of(text, dot, after)).then_some(direct);
    }
    let at = skip_blanks(bytes, dot + 1);
    if at == dot + 1 {
        return None;
    }
    let name = identifier_at(text, at);
    if name.is_empty() || name.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let after = at + name.len();
    let line = line_of(text, dot);
    let deleting = line.trim_start().starts_with("del ");
    (deleting || assigns_at(text, after) || target_of(text, dot, after)).then_some(name)
}

/// Adds `name` to `set` (allocating only when it is new).
fn insert(set: &mut FxHashSet<Box<str>>, name: &str) {
    if !set.contains(name) {
        set.insert(name.into());
    }
}

/// Adds every word of `line` to `set`.
fn insert_words(set: &mut FxHashSet<Box<str>>, line: &str) {
    for word in line
        .split(|c: char| !(c == '_' || c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
    {
        insert(set, word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The same scan, read line by line as `str::lines` splits them: what
    /// the byte scan must find, over any text.
    fn by_lines(texts: &[&str]) -> ProjectScan {
        let mut scan = ProjectScan::default();
        let no_words: FxHashSet<Box<str>> = FxHashSet::default();
        let finders = Finders::new();
        let words = |text: &str| -> Vec<String> {
            text.split(|c: char| !(c == '_' || c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        for (number, text) in texts.iter().enumerate() {
            let mut seen: FxHashSet<String> = FxHashSet::default();
            let lines: Vec<&str> = text.lines().collect();
            for (index, line) in lines.iter().enumerate() {
                let line = *line;
                let trimmed = line.trim_start();
                if let Some(rest) = trimmed.strip_prefix("class ")
                    && let Some(open) = rest.find('(')
                {
                    // The line after `(`, and while the parentheses stay
                    // open, the lines after it up to the closing one.
                    let bases_on_line = &rest[open + 1..];
                    let mut bases = bases_on_line.to_string();
                    let mut depth = 1;
                    for c in bases_on_line.chars() {
                        match c {
                            '(' => depth += 1,
                            ')' => depth -= 1,
                            _ => {}
                        }
                        if depth == 0 {
                            break;
                        }
                    }
                    let mut below = lines[index + 1..].iter();
                    // `str::lines` drops a `\r` before each `\n`: the byte
                    // scan reads it, and it is no word character.
                    while depth > 0 {
                        let Some(next) = below.next() else { break };
                        bases.push('\n');
                        for c in next.chars() {
                            match c {
                                '(' => depth += 1,
                                ')' => depth -= 1,
                                _ => {}
                            }
                            if depth == 0 {
                                break;
                            }
                            bases.push(c);
                        }
                    }
                    for word in bases
                        .split(|c: char| !(c == '_' || c == '.' || c.is_alphanumeric()))
                        .filter(|w| !w.is_empty())
                    {
                        let last = word.rsplit('.').next().unwrap_or(word);
                        if trimmed.len() != line.len() {
                            scan.hidden_bases.insert(last.into());
                        }
                        if seen.insert(last.to_string()) {
                            scan.class_bases
                                .entry(last.into())
                                .or_default()
                                .push(number as u32);
                        }
                    }
                }
                if line.contains("type(")
                    || line.contains("new_class(")
                    || line.contains("make_dataclass(")
                {
                    scan.hidden_bases
                        .extend(words(line).into_iter().map(Into::into));
                }
                if line.contains("setattr(")
                    || line.contains("patch.object(")
                    || line.contains("delattr(")
                    || line.contains("__setattr__(")
                    || line.contains("__delattr__(")
                {
                    scan.written_attributes
                        .extend(words(line).into_iter().map(Into::into));
                }
                let spelled = finders.spell(line);
                scan.add_namespace_writes(&ModuleReceivers::of_file(&spelled, &no_words), &spelled);
                let deleting = trimmed.starts_with("del ");
                // What a `del` deletes: the attribute each target ends with.
                let deleted: Vec<usize> = if deleting {
                    deleted_attribute_dots(trimmed)
                        .into_iter()
                        .map(|dot| dot + line.len() - trimmed.len())
                        .collect()
                } else {
                    Vec::new()
                };
                for (at, _) in line.match_indices('.') {
                    let after = &line[at + 1..];
                    let name_len = after
                        .find(|c: char| !(c == '_' || c.is_alphanumeric()))
                        .unwrap_or(after.len());
                    if name_len == 0 {
                        continue;
                    }
                    let rest = after[name_len..].trim_start();
                    let assigned = rest.starts_with('=') && !rest.starts_with("==");
                    let augmented = WRITES.iter().any(|op| rest.starts_with(op));
                    let annotated = rest
                        .strip_prefix(':')
                        .is_some_and(|after| assigns_later(after.trim_end_matches('\r')));
                    if assigned || augmented || annotated || deleted.contains(&at) {
                        scan.written_attributes.insert(after[..name_len].into());
                    }
                }
            }
            // Targets the lines do not show by themselves (see
            // [`other_target`]): read over the whole text.
            for (at, _) in text.match_indices('.') {
                if let Some(name) = other_target(text, at) {
                    scan.written_attributes.insert(name.into());
                }
            }
        }
        scan
    }

    /// The byte scan of `texts` as files numbered in order.
    fn by_bytes(texts: &[&str]) -> ProjectScan {
        let mut scan = ProjectScan::default();
        let finders = Finders::new();
        for (number, text) in texts.iter().enumerate() {
            let no_words: FxHashSet<Box<str>> = FxHashSet::default();
            scan.add_file(&finders.spell(text), &no_words, u32::try_from(number).ok());
        }
        scan
    }

    fn same(texts: &[&str]) -> Result<(), TestCaseError> {
        let (bytes, lines) = (by_bytes(texts), by_lines(texts));
        prop_assert_eq!(
            bytes.class_bases,
            lines.class_bases,
            "class bases of {:?}",
            texts
        );
        prop_assert_eq!(
            bytes.hidden_bases,
            lines.hidden_bases,
            "hidden bases of {:?}",
            texts
        );
        prop_assert_eq!(
            bytes.written_attributes,
            lines.written_attributes,
            "written attributes of {:?}",
            texts
        );
        Ok(())
    }

    /// The one pass over a file finds each spelling where a search for it
    /// alone does: no spelling begins another (two would start at the same
    /// place), and the places are the same over any text made of pieces of
    /// them.
    #[test]
    fn modules_run_again() {
        let finders = Finders::new();
        let words: FxHashSet<Box<str>> = ["job", "tool"].into_iter().map(Box::from).collect();
        let reruns = |text: &str| {
            reruns(&finders.spell(text), &words)
                .into_iter()
                .map(|(word, _)| word)
                .collect::<Vec<_>>()
        };
        let word = |w: &str| Some(Box::<str>::from(w));
        assert_eq!(
            reruns("import runpy\nrunpy.run_module('app.tool', run_name='__main__')\n"),
            [word("tool")]
        );
        assert_eq!(reruns("run_path(\"scripts/seed.py\")\n"), [word("seed")]);
        assert_eq!(reruns("runpy.run_path('app/')\n"), [word("app")]);
        assert_eq!(reruns("importlib.reload(app.job)\n"), [word("job")]);
        assert_eq!(
            reruns("from imp import reload\nreload(job)\n"),
            [word("job")]
        );
        // A name the scan cannot follow to a module of the project: any.
        assert_eq!(reruns("importlib.reload(m)\n"), [None]);
        assert_eq!(reruns("runpy.run_module(name)\n"), [None]);
        // Methods of other objects, definitions, comments, other words.
        assert!(reruns("config.reload()\nself.reload(force=True)\ndef reload(x):\n    pass\n# importlib.reload(job)\nhot_reload(job)\n").is_empty());
        // `reload` under another name, or named as a value: any module.
        assert_eq!(
            reruns("from importlib import reload as _r\n_r(app.job)\n"),
            [None]
        );
        assert_eq!(
            reruns("import importlib as il\nil.reload(app.job)\n"),
            [word("job")]
        );
        assert_eq!(
            reruns("import importlib\nlist(map(importlib.reload, mods))\n"),
            [None]
        );
        assert!(reruns("uvicorn.run(app, reload=True)\n").is_empty());
        // `reload` on a receiver the scan cannot name, given a module of
        // the project; not given one, it is another object's method.
        assert_eq!(
            reruns("mod = __import__(\"importlib\")\nmod.reload(app.tool)\n"),
            [word("tool")]
        );
        assert_eq!(
            reruns("__import__(\"importlib\").reload(job)\n"),
            [word("job")]
        );
        assert!(reruns("settings.reload(config)\n").is_empty());
        // IPython's `%run` (a notebook's line, a cell handed to a shell),
        // its line-magic calls, `safe_execfile`; `CleanImport`.
        assert_eq!(reruns("%run -m app.tool\n"), [word("tool")]);
        assert_eq!(reruns("%run -i scripts/seed.py arg\n"), [word("seed")]);
        assert_eq!(reruns("%run $script\n"), [None]);
        assert_eq!(
            reruns("sh.run_cell(\"%run -m app.tool\")\n"),
            [word("tool")]
        );
        assert_eq!(
            reruns("sh.run_line_magic(\"run\", \"-m app.tool\")\n"),
            [word("tool")]
        );
        assert_eq!(reruns("sh.run_line_magic(name, line)\n"), [None]);
        assert!(reruns("sh.run_line_magic(\"time\", \"f()\")\n").is_empty());
        assert_eq!(
            reruns("get_ipython().magic(\"run app/tool.py\")\n"),
            [word("tool")]
        );
        assert_eq!(
            reruns("sh.safe_execfile(\"app/tool.py\", ns)\n"),
            [word("tool")]
        );
        assert_eq!(reruns("sh.safe_execfile(path, ns)\n"), [None]);
        assert_eq!(
            reruns("with import_helper.CleanImport(\"app.tool\"):\n    import app.tool\n"),
            [word("tool")]
        );
        assert!(reruns("# %run -m app.tool\n%%run\n%runner x\n").is_empty());
        // The source of a file run again by `exec`.
        assert_eq!(
            reruns("exec(compile(src, \"scripts/tool.py\", \"exec\"), g)\n"),
            [word("tool")]
        );
        assert_eq!(reruns("exec(open(\"tool.py\").read())\n"), [word("tool")]);
        assert_eq!(reruns("code = open(path).read()\nexec(code, ns)\n"), [None]);
        assert_eq!(reruns("src = Path(p).read_text()\nexec(src)\n"), [None]);
        // Code the file builds itself, with no source read anywhere in it.
        assert!(reruns("exec(code, ns)\n").is_empty());
        assert!(reruns("code = TEMPLATE.format(name=n)\nexec(code, ns)\n").is_empty());
        assert!(reruns("exec(\"x = 1\")\ncursor.exec(q)\n").is_empty());
        // Source run by other spellings, in a file that reads source.
        let read = "src = open(path).read()\n";
        let with_read = |code: &str| reruns(&format!("{read}{code}"));
        assert_eq!(with_read("eval(compile(src, p, \"exec\"), g)\n"), [None]);
        assert_eq!(
            with_read("code = compile(src, \"app/tool.py\", 'exec')\n"),
            [word("tool")]
        );
        assert_eq!(with_read("code = compile(src, p, mode)\n"), [None]);
        assert_eq!(with_read("run_code = exec\nrun_code(src, g)\n"), [None]);
        assert_eq!(
            with_read("from builtins import exec as run\nrun(src)\n"),
            [None]
        );
        assert_eq!(with_read("list(map(exec, [src]))\n"), [None]);
        assert_eq!(with_read("types.FunctionType(code, g)()\n"), [None]);
        assert_eq!(
            with_read("code.InteractiveInterpreter(g).runsource(src)\n"),
            [None]
        );
        assert_eq!(
            with_read("class Shell(InteractiveConsole):\n    pass\n"),
            [None]
        );
        assert_eq!(with_read("code.interact(local=g)\n"), [None]);
        assert_eq!(
            reruns("src = \"\".join(fileinput.input(\"app/tool.py\"))\nexec(src, g)\n"),
            [None]
        );
        assert_eq!(
            reruns("code = loader.get_code(name)\neval(code, g)\n"),
            [None]
        );
        // An expression compiled and evaluated, `eval` of text, other
        // objects' methods, keyword arguments: no module runs again.
        assert!(with_read("c = compile(src, \"<expr>\", \"eval\")\neval(c, g)\n").is_empty());
        assert!(with_read("eval(src)\nx = re.compile(p)\nself.compile(src)\n").is_empty());
        assert!(with_read("run(exec=True)\nshell.interact()\ncursor.execute(q)\n").is_empty());
        assert!(with_read("\"exec\"\nFunctionType\nprint('a', exec_)\n").is_empty());
        // Without a read of source: code the file builds itself.
        assert!(reruns("code = compile(TEMPLATE.format(n=n), \"<gen>\", \"exec\")\n").is_empty());
        assert!(reruns("f = types.FunctionType(g.__code__, ns)\nrun = exec\n").is_empty());
        // A loader runs the source it reads: in any file.
        assert_eq!(
            reruns("spec.loader.exec_module(module_from_spec(spec))\n"),
            [None]
        );
        assert_eq!(
            reruns("app.tool.__spec__.loader.exec_module(app.tool)\n"),
            [word("tool")]
        );
        assert_eq!(
            reruns("SourceFileLoader(\"t\", \"app/tool.py\").load_module()\n"),
            [word("tool")]
        );
        assert_eq!(reruns("imp.load_source(\"t\", path)\n"), [None]);
        // An import hook's own method, and its call of the base's.
        assert!(reruns(
            "class Loader(SourceLoader):\n    def exec_module(self, module):\n        super().exec_module(module)\n"
        )
        .is_empty());
        // A module taken out of `sys.modules`: the next import runs it.
        assert_eq!(
            reruns("import sys\ndel sys.modules[\"app.tool\"]\n"),
            [word("tool")]
        );
        assert_eq!(reruns("sys.modules.pop('app.job', None)\n"), [word("job")]);
        assert_eq!(reruns("sys.modules.pop(name)\n"), [None]);
        assert_eq!(
            reruns("with patch.dict(sys.modules, {}):\n    pass\n"),
            [None]
        );
        assert!(reruns("m = sys.modules.get('app.job')\n").is_empty());
        // `test.support.import_helper` forgets modules for the next
        // import; other `forget`s do not.
        let helper = "from test.support import import_helper\n";
        assert_eq!(
            reruns(&format!("{helper}import_helper.forget(\"app.job\")\n")),
            [word("job")]
        );
        assert_eq!(
            reruns(&format!("{helper}import_helper.unload(name)\n")),
            [None]
        );
        assert_eq!(
            reruns(&format!("{helper}import_helper.modules_cleanup(*saved)\n")),
            [None]
        );
        assert!(reruns("cache.forget(\"job\")\ndef unload(m):\n    pass\n").is_empty());
        // `runpy` reached through an expression, given a literal name.
        assert_eq!(
            reruns("__import__(\"runpy\").run_module(\"app.tool\")\n"),
            [word("tool")]
        );
        assert!(reruns("runner.run_module(name)\n").is_empty());
        // A doctest file's examples may run anything again.
        assert_eq!(
            reruns("import doctest\ndoctest.testfile(\"usage.txt\")\n"),
            [None]
        );
        // A reload of a module the file imports that is none of the
        // project's runs no code of the project; a name bound otherwise
        // too may be any module.
        assert!(reruns("import importlib, json\nimportlib.reload(json)\n").is_empty());
        assert!(
            reruns("import importlib\nimport logging as lg\nimportlib.reload(lg)\n").is_empty()
        );
        assert_eq!(
            reruns("import importlib, json\ndef f(json):\n    importlib.reload(json)\n"),
            [None]
        );
        assert_eq!(
            reruns("import importlib, json\njson = pick()\nimportlib.reload(json)\n"),
            [None]
        );
        assert_eq!(
            reruns("import importlib\nimport app.job as json\nimportlib.reload(json)\n"),
            [None]
        );
        // How: an import again, or a run that may be as `__main__`.
        let kinds = |text: &str| {
            reruns_of(&finders, &words, text)
                .into_iter()
                .map(|(_, how)| how)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("importlib.reload(app.job)\n"), [Rerun::Import]);
        assert_eq!(kinds("del sys.modules[name]\n"), [Rerun::Import]);
        assert_eq!(kinds("runpy.run_path(p)\n"), [Rerun::Run]);
        assert_eq!(kinds("%run -m app.tool\n"), [Rerun::Run]);
    }

    fn reruns_of(
        finders: &Finders,
        words: &FxHashSet<Box<str>>,
        text: &str,
    ) -> Vec<(Option<Box<str>>, Rerun)> {
        reruns(&finders.spell(text), words)
    }

    #[test]
    fn spellings_one_pass_finds() {
        for a in Spelling::ALL {
            for b in Spelling::ALL {
                assert!(a == b || !b.text().starts_with(a.text()), "{a:?} {b:?}");
            }
        }
        assert_eq!(
            OTHER_LIBRARIES.map(Spelling::text),
            OTHER_LIBRARY_MODULES,
            "the libraries' spellings"
        );
        let finders = Finders::new();
        assert!(finders.spellings.is_some());
        let pieces: Vec<&str> = Spelling::ALL
            .iter()
            .flat_map(|s| {
                let text = s.text();
                let half = text.len() / 2;
                [text, &text[..half], &text[half..]]
            })
            .chain([" ", "\n", "x", "__", ".", "(", "sys", "path"])
            .collect();
        let same = |text: &str| {
            let (one, alone) = (finders.spell(text), finders.spell_one_by_one(text));
            assert_eq!(one.spots, alone.spots, "{text:?}");
        };
        same("");
        same("vars(vars(m.__dict__.__dict__ sys.path_hooks trio trio anyio");
        same("class class del delattr setattr(sys, getattr(sys,");
        proptest!(|(picks in proptest::collection::vec(0..pieces.len(), 0..40))| {
            let text: String = picks.iter().filter_map(|&i| pieces.get(i).copied()).collect();
            same(&text);
        });
    }

    /// A line's last word is a keyword of [`DISPLAY_AFTER`] exactly when
    /// the line ends with that keyword as a whole word.
    /// The filter of a file's words never says a word it spells is not
    /// there, and says most others are not.
    #[test]
    fn spelled_words_miss_none() {
        let text = "import asyncio as aio\nclass Store(Base):\n    def save(self):\n        \
                    self.cache_é = {'wait_for': 1}  # ünïcode_word x\n\
                    aio.wait_for = fake; a_very_long_attribute_name_1 = 2\n\
                    a_very_long_attribute_name_2\n_private\n";
        let words = SpelledWords::of_text(text.as_bytes());
        let spelled: Vec<&str> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        for word in &spelled {
            assert!(words.may_spell(word), "{word}");
        }
        // A word with other bytes in it is always taken as spelled.
        assert!(words.may_spell("cache_é"));
        assert!(words.may_spell(""));
        assert!(words.may_spell("zz") && words.may_spell("9lives"));
        let absent = (0..200)
            .map(|i| format!("absent_{i}"))
            .filter(|w| !words.may_spell(w))
            .count();
        assert!(absent > 150, "{absent}");
        // Empty and huge texts.
        assert!(!SpelledWords::of_text(b"").may_spell("xyz"));
        let big = "word_1 ".repeat(100_000) + "last";
        let words = SpelledWords::of_text(big.as_bytes());
        assert!(words.may_spell("word_1") && words.may_spell("last"));
        assert!(!words.may_spell("word_2") || !words.may_spell("word_3"));
    }

    /// [`SpelledWords::of_text`] sets the bits a byte-by-byte reading of
    /// the words sets, across the blocks of 64 bytes and at the text's end.
    #[test]
    fn spelled_words_as_read_byte_by_byte() {
        fn by_bytes(bytes: &[u8]) -> Box<[u64]> {
            let len = (bytes.len() / 3).next_power_of_two().max(64);
            let mut bits = vec![0u64; len / 64].into_boxed_slice();
            for word in bytes.split(|&b| !WordHash::is_word_byte(b)) {
                if SpelledWords::is_kept(word) {
                    for bit in SpelledWords::bits_of(WordHash::of(word), len) {
                        bits[bit / 64] |= 1 << (bit % 64);
                    }
                }
            }
            bits
        }
        for b in 0..=255u8 {
            assert_eq!(
                WordHash::word_bytes(&[b]) == 1,
                WordHash::is_word_byte(b),
                "{b}"
            );
        }
        let pieces = [
            "abc",
            "_x9",
            " ",
            ".",
            "é",
            "\n",
            "0",
            "a_very_long_name",
            "(",
            "z",
        ];
        proptest!(|(picks in proptest::collection::vec(0..pieces.len(), 0..80))| {
            let text: String = picks.iter().filter_map(|&i| pieces.get(i).copied()).collect();
            prop_assert_eq!(SpelledWords::of_text(text.as_bytes()).bits, by_bytes(text.as_bytes()));
        });
        for n in [0, 1, 2, 3, 63, 64, 65, 127, 128, 129, 200] {
            let text = "w".repeat(n);
            assert_eq!(
                SpelledWords::of_text(text.as_bytes()).bits,
                by_bytes(text.as_bytes())
            );
            let text = format!("{} {}", "x".repeat(n), "y".repeat(n));
            assert_eq!(
                SpelledWords::of_text(text.as_bytes()).bits,
                by_bytes(text.as_bytes())
            );
        }
    }

    #[test]
    fn last_words() {
        let pieces = [
            "for", "in", "x", "_", "é", " ", "(", ".", "print", "is", "lambda", "0",
        ];
        proptest!(|(picks in proptest::collection::vec(0..pieces.len(), 0..8))| {
            let head: String = picks.iter().filter_map(|&i| pieces.get(i).copied()).collect();
            prop_assert_eq!(
                DISPLAY_AFTER.iter().any(|word| ends_with_word(&head, word)),
                DISPLAY_AFTER.contains(&last_word(&head)),
                "{:?}", head
            );
        });
    }

    /// A module's namespace dictionary written by key: a literal key is a
    /// written attribute, a computed one any attribute; a read is neither.
    #[test]
    fn imported_async_libraries() {
        let finders = Finders::new();
        let library = |text: &str| imported_async_library(&finders.spell(text));
        assert_eq!(library("import trio\n"), Some("trio"));
        assert_eq!(
            library("    from twisted.internet import defer\n"),
            Some("twisted")
        );
        assert_eq!(library("import os, anyio.abc as a\n"), Some("anyio"));
        assert_eq!(library("from curio import run\n"), Some("curio"));
        assert_eq!(library("import asyncio\n# trio\nx = 'curio'\n"), None);
        assert_eq!(library("import trio_util\nfrom twistedx import y\n"), None);
    }

    #[test]
    fn namespace_dictionaries_written_by_key() {
        let texts = [
            "vars(asyncpg)[\"connect\"] = f\nm.__dict__['remove'] += g\nx = vars(m)['read']\nmyvars(m)['a'] = 1\nm.__dict__['b'] == 2\nvars(c).update(execute=f, close=g(1, 2),)\n",
        ];
        for scan in [by_bytes(&texts), by_lines(&texts)] {
            let mut names: Vec<&str> = scan.written_attributes.iter().map(|n| &**n).collect();
            names.sort_unstable();
            assert_eq!(names, ["close", "connect", "execute", "remove"]);
            assert!(!scan.any_attribute_written);
        }
        for text in [
            "vars(m)[name] = f\n",
            "obj.__dict__[key] = value\n",
            "self.__dict__.update(kwargs)\n",
            "vars(c).update(**patches)\n",
            "vars(c).update(\n    execute=f,\n)\n",
        ] {
            assert!(by_bytes(&[text]).any_attribute_written, "{text}");
            assert!(by_lines(&[text]).any_attribute_written, "{text}");
        }
    }

    /// A namespace dictionary used other than by a plain read may have
    /// any attribute written through it; a read, `in`, a reading call or a
    /// comparison writes nothing.
    #[test]
    fn step_methods_returning_a_send() {
        let task = "class Task:\n    def step(self, value):\n        return self.coro.send(value)\ndef run(t):\n    v = None\n    try:\n        while True:\n            v = t.step(v)\n    except StopIteration as e:\n        return e.value\n";
        assert!(drives_coroutines_by_hand(task));
        // No handler for StopIteration in the file: a channel's send.
        let channel = "class Out:\n    def put(self, item):\n        return self.sock.send(item)\n";
        assert!(!drives_coroutines_by_hand(channel));
        // Source text kept in a string, a comment: no code.
        for text in [
            "SOURCE = \"\"\"\\\ntry:\n    coro.send(None)\nexcept StopIteration:\n    pass\n\"\"\"\n",
            "x = 'coro.send(None)'\n",
            "# coro.send(None)\n",
            // A class's own `send`, called on `self`.
            "class Stream:\n    def send(self, item):\n        self.items.append(item)\n\n    def close(self):\n        self.send(None)\n",
        ] {
            assert!(!drives_coroutines_by_hand(text), "{text}");
        }
        for text in [
            "try:\n    coro.send(None)\nexcept StopIteration:\n    pass\nDOC = \"\"\"x\"\"\"\n",
            // `send` of another class, or of a base.
            "class Stream:\n    def send(self, item):\n        pass\n\nclass Runner(Step):\n    def run(self):\n        self.send(None)\n",
            "class Runner(Step):\n    async def send(self, v):\n        pass\n    def run(self):\n        self.send(None)\n",
            "class Stream:\n    def send(self, item):\n        self.coro.send(None)\n",
        ] {
            assert!(drives_coroutines_by_hand(text), "{text}");
        }
        // A lambda that sends its parameter on is a step, unless the
        // receiver is annotated with a class no coroutine is.
        let step = |annotation: &str| {
            format!("def sender(sock{annotation}):\n    return lambda data: sock.send(data)\n")
        };
        assert!(drives_coroutines_by_hand(&step("")));
        for annotation in [
            ": Coroutine",
            ": typing.Any",
            ": T",
            ": Generator[int, int, None]",
        ] {
            assert!(drives_coroutines_by_hand(&step(annotation)), "{annotation}");
        }
        for annotation in [": socket.socket", ": WebSocket = None"] {
            assert!(
                !drives_coroutines_by_hand(&step(annotation)),
                "{annotation}"
            );
        }
        // A proxy's own send forwards the protocol; an awaited send, the
        // object's own send, and `send(None)` counted elsewhere are no step.
        for body in [
            "    def send(self, value):\n        return self._coro.send(value)\n",
            "    async def put(self, value):\n        return await self.ws.send(value)\n",
            "    def put(self, value):\n        return self.send(value)\n",
            "    def put(self, value):\n        return super().send(value)\n",
        ] {
            let text = format!(
                "class P:\n{body}def first(it):\n    try:\n        return next(it)\n    except StopIteration:\n        return None\n"
            );
            assert!(!drives_coroutines_by_hand(&text), "{text}");
        }
    }

    #[test]
    fn namespace_dictionaries_handed_on() {
        for text in [
            "ns = store.__dict__\nns['save'] = f\n",
            "operator.setitem(vars(store), 'save', f)\n",
            "exec(src, store.__dict__)\n",
            "d = vars(m)\nd |= {'save': f}\n",
            "monkeypatch.setitem(vars(m), 'save', f)\n",
            "vars(m).__setitem__('save', f)\n",
            "vars(m).pop('save')\n",
            "del vars(m)['save']\n",
            "f.__globals__[key] = g\n",
            "getattr(f, '__globals__')[key] = g\n",
            "getattr(m, '__dict__').update(stubs)\n",
            "ns = object.__getattribute__(m, \"__dict__\")\n",
            "sys._getframe().f_globals.update(save=g)\n",
            "gc.get_referents(m.__dict__)\n",
            "gc.get_referents(store)[0]['save'] = f\n",
            "h = types.FunctionType(h.__code__, {'save': g})\n",
            "Store.save.__code__ = fake.__code__\n",
        ] {
            let scan = by_bytes(&[text]);
            assert!(scan.any_attribute_written || scan.class_changed, "{text}");
        }
        for text in [
            "x = vars(m)['save']\n",
            "if 'save' in vars(m):\n    pass\n",
            "for k in m.__dict__:\n    pass\n",
            "print(vars(m))\n",
            "d = dict(self.__dict__)\n",
            "vars(m).get('save')\n",
            "n = f.__code__.co_argcount\n",
            "same = a.__dict__ == b.__dict__\n",
            "refs = gc.get_referents(*objs)\n",
            "d = getattr(obj, '__dict__', {}).get('save')\n",
            "f.__globals__['save'] = g\n",
        ] {
            let scan = by_bytes(&[text]);
            assert!(!scan.any_attribute_written && !scan.class_changed, "{text}");
        }
    }

    /// Code that hands `sys.modules` or `sys.path` on, or touches the
    /// import machinery, may make any import give another module.
    #[test]
    fn import_machinery_handed_on() {
        for text in [
            "mods = sys.modules\nmods['a'] = b\n",
            "mp.setitem(sys.modules, 'svc.store', ns)\n",
            "sys.meta_path.insert(0, Finder())\n",
            "getattr(sys, 'modules')['a'] = b\n",
        ] {
            let mut scan = ProjectScan::default();
            scan.add_module_writes(&Finders::new().spell(text));
            assert!(scan.any_module_replaced, "{text}");
        }
        for text in [
            "if 'a' in sys.modules:\n    pass\n",
            "m = sys.modules.get('a')\n",
            "from sys import modules\n",
            // Taken out, the module is imported again from its own file.
            "sys.modules.pop('svc.store')\n",
            "sys.modules.pop(name, None)\n",
            "sys.modules.clear()\n",
        ] {
            let mut scan = ProjectScan::default();
            scan.add_module_writes(&Finders::new().spell(text));
            assert!(!scan.any_module_replaced, "{text}");
        }
        let finders = Finders::new();
        assert!(writes_sys_path(
            &finders.spell("p = sys.path\np.insert(0, 'vendor')\n")
        ));
        assert!(!writes_sys_path(
            &finders.spell("for p in sys.path:\n    print(p)\n")
        ));
    }

    /// The walk reads hidden, ignored and `.pyw` files (Python imports them
    /// all the same), Python scripts without an extension, and a
    /// `site-packages` directory of the project's own; it leaves
    /// environments out, whatever their names.
    #[test]
    fn the_walk_reads_what_python_may_import_and_no_environment() {
        let dir = crate::test_support::project_tree(&[
            ("pyproject.toml", "[project]\nname = \"x\"\n"),
            ("app.py", "x = 1\n"),
            ("bin/worker", "#!/usr/bin/env python3\nx = 1\n"),
            ("bin/fast", "#!/usr/bin/pypy3 -u\nx = 1\n"),
            ("bin/tool", "#!/usr/bin/env -S uv run --script\nx = 1\n"),
            ("bin/deploy", "#!/bin/sh\necho python\n"),
            ("Makefile", "all:\n\tpython3 app.py\n"),
            ("LICENSE", "python\n"),
            ("app/site-packages/fakes.py", "x = 1\n"),
            (".plugins/patch.py", "x = 1\n"),
            ("local.py", "x = 1\n"),
            (".ignore", "local.py\n"),
            ("tool.pyw", "x = 1\n"),
            (".venv/pyvenv.cfg", "home = /usr/bin\n"),
            (
                ".venv/lib/python3.11/site-packages/dep/__init__.py",
                "x = 1\n",
            ),
            ("env/pyvenv.cfg", "home = /usr/bin\n"),
            ("env/bin/tool.py", "x = 1\n"),
            ("conda/conda-meta/history", ""),
            ("conda/lib/dep.py", "x = 1\n"),
            ("node_modules/pkg/gen.py", "x = 1\n"),
            // A package the project imports under that name is its code.
            ("lib/node_modules/__init__.py", ""),
            ("lib/node_modules/sub.py", "x = 1\n"),
        ]);
        let layout = Layout::at(dir.path().to_path_buf());
        let scan = ProjectScan::of_project(&layout, false);
        let mut names: Vec<String> = (0..)
            .map_while(|at| scan.readers.path_at(at))
            .filter_map(|path| path.strip_prefix(dir.path()).ok())
            .map(|path| path.to_string_lossy().replace('\\', "/"))
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".plugins/patch.py",
                "app.py",
                "app/site-packages/fakes.py",
                "bin/fast",
                "bin/tool",
                "bin/worker",
                "lib/node_modules/__init__.py",
                "lib/node_modules/sub.py",
                "local.py",
                "tool.pyw"
            ]
        );
    }

    /// A class in a function whose base is a parameter or a variable
    /// there may derive from any class; one whose base is a module's class
    /// names it.
    #[test]
    fn classes_in_functions_with_bases_bound_there() {
        for text in [
            "def make(base=Base):\n    class D(base):\n        pass\n    return D\n",
            "def make(bases):\n    for base in bases:\n        class D(base):\n            pass\n",
            // `type` with a base it is given.
            "def derive(base):\n    return type('Sub', (base,), {})\n",
            // `make_dataclass` with bases it is given, or over lines, or
            // with options that may hold them.
            "def derive(base):\n    return make_dataclass('Sub', [], bases=(base,))\n",
            "Sub = make_dataclass(\n    'Sub', [], bases=(Base,)\n)\n",
            "Sub = dataclasses.make_dataclass('Sub', [], **options)\n",
            "Sub = make_dataclass('Sub', [], bases=BASES)\n",
        ] {
            assert!(by_bytes(&[text]).any_hidden_base, "{text}");
        }
        for text in [
            "from app import Base\n\ndef test_it():\n    class Fake(Base):\n        pass\n",
            "from app import Base\nSub = type('Sub', (Base,), {})\n",
            "from app import Base\nSub = dataclasses.make_dataclass('Sub', [], bases=(Base,))\n",
            "Point = make_dataclass('Point', ['x', 'y'])\n",
        ] {
            assert!(!by_bytes(&[text]).any_hidden_base, "{text}");
        }
        // The words of the line name the bases `make_dataclass` is given.
        let scan =
            by_bytes(&["from app import Base\nSub = make_dataclass('Sub', [], bases=(Base,))\n"]);
        assert!(scan.hidden_bases.contains("Base"));
    }

    /// A file run by its path may write anything.
    #[test]
    fn files_run_by_path() {
        for text in [
            "runpy.run_path('tools/patch.py')\n",
            "exec(open('patchfile').read())\n",
            "spec = importlib.util.spec_from_file_location('p', path)\n",
        ] {
            let scan = by_bytes(&[text]);
            assert!(
                scan.any_attribute_written && scan.any_module_replaced,
                "{text}"
            );
        }
        // Said in a comment (Sphinx's `conf.py`): nothing runs.
        let scan = by_bytes(&["# This file is execfile()d; see runpy.run_path(p)\n"]);
        assert!(!scan.any_attribute_written && !scan.any_module_replaced);
    }

    /// The sorted written names and the "any attribute" flag of one text.
    fn writes_of(text: &str) -> (Vec<String>, bool) {
        let scan = by_bytes(&[text]);
        let mut names: Vec<String> = scan
            .written_attributes
            .iter()
            .chain(scan.named_attributes.iter())
            .map(|n| n.to_string())
            .collect();
        names.sort();
        names.dedup();
        (names, scan.any_attribute_written || scan.class_changed)
    }

    fn writes(text: &str, name: &str) -> bool {
        writes_of(text).0.iter().any(|n| n == name)
    }

    /// Targets of a tuple, a list, `for` and `with … as`.
    #[test]
    fn targets_other_than_an_assignment() {
        assert!(writes("asyncio.Queue, asyncio.Lock = A, B\n", "Queue"));
        assert!(writes("asyncio.Queue, asyncio.Lock = A, B\n", "Lock"));
        assert!(writes("(store.save, x) = f, 1\n", "save"));
        assert!(writes("[store.save, *rest] = fs\n", "save"));
        assert!(writes("x, *store.save = fs\n", "save"));
        assert!(writes("a, (store.save, b) = 1, (f, 2)\n", "save"));
        assert!(writes("(\n    store.save,\n    x,\n) = f, 1\n", "save"));
        assert!(writes(
            "def fake(record):\n    print(\"sync save\", record)\n\n\n(\n    store.save,\n    other,\n) = (fake, 1)\n",
            "save"
        ));
        assert!(writes("for store.save in [f]:\n    pass\n", "save"));
        assert!(writes(
            "async for app.store.save in gen():\n    pass\n",
            "save"
        ));
        assert!(writes("for i, store.save in enumerate(fs): pass\n", "save"));
        assert!(writes("for (store.save, b) in pairs: pass\n", "save"));
        assert!(writes("[0 for store.save in [f]]\n", "save"));
        assert!(writes("with x as app.store.save:\n    pass\n", "save"));
        assert!(writes("with x as a.b, y as store.save: pass\n", "b"));
        assert!(writes("with x as a.b, y as store.save: pass\n", "save"));
        assert!(writes("with x as (store.save, b): pass\n", "save"));
        assert!(writes(
            "with (x as store.save,\n      y as z):\n    pass\n",
            "save"
        ));
        assert!(writes("with x as objs[0].save: pass\n", "save"));
        // Reads: arguments, subscripts, conditions, values.
        for text in [
            "f(store.save, key=1)\n",
            "print(store.save, sep='=')\n",
            "objs[store.save, 1] = 2\n",
            "x = store.save, 1\n",
            "if store.save in handlers: pass\n",
            "if store.save: pass\n",
            "d = {store.save: 1}\n",
            "for x in store.save, other: pass\n",
            "[f(store.save) for x in y]\n",
            "return store.save, x == 1\n",
            "def f(a=store.save, b=1): pass\n",
            "x = (store.save, 1)\ny = 2\n",
            "f(store.save, \"a=b\")\n",
        ] {
            assert!(!writes(text, "save"), "{text}");
        }
    }

    /// A name after spaces or a continued line past the dot.
    #[test]
    fn names_apart_from_their_dot() {
        assert!(writes("asyncio. Queue = Q\n", "Queue"));
        assert!(writes("asyncio.\t Queue += Q\n", "Queue"));
        assert!(writes("asyncio.\\\n    Queue = Q\n", "Queue"));
        assert!(writes("asyncio.\\\r\n    Queue = Q\n", "Queue"));
        assert!(writes("asyncio .  Queue, x = Q, 1\n", "Queue"));
        assert!(writes("del asyncio. Queue\n", "Queue"));
        assert!(!writes("x = 1. if a else 2\n", "if"));
        assert!(!writes("x = asyncio. Queue\n", "Queue"));
    }

    /// `mock.patch`, `patch.multiple` and `patch.dict` on a namespace.
    #[test]
    fn patch_calls() {
        assert_eq!(
            writes_of("from unittest import mock\nmock.patch(\"app.store.save\").start()\n"),
            (vec!["save".to_string()], false)
        );
        assert!(writes(
            "from unittest.mock import patch\nwith patch('app.store.save', new=f): pass\n",
            "save"
        ));
        assert!(writes(
            "from mock import patch\n@patch(target='app.store.save')\ndef t(): pass\n",
            "save"
        ));
        assert!(writes(
            "import mock\nmock.patch (\"app.store.save\")\n",
            "save"
        ));
        assert!(writes_of("from unittest.mock import patch\npatch(target)\n").1);
        assert!(writes_of("mocker.patch(f\"app.{name}\")\n").1);
        // An HTTP client's method, also where a mock is named.
        assert_eq!(
            writes_of("await client.patch(url, json=body)\n"),
            (vec![], false)
        );
        assert_eq!(
            writes_of(
                "from unittest import mock\nawait client.patch(url)\nclient.patch('http://a/b.json')\n"
            ),
            (vec![], false)
        );
        assert!(writes_of("mocker.patch(target)\n").1);
        assert!(writes_of("unittest.mock.patch(target)\n").1);
        assert_eq!(writes_of("patch(target)\n"), (vec![], false));
        assert_eq!(writes_of("dispatch(event)\n"), (vec![], false));
        let (names, any) = writes_of("patch.multiple(store, save=f, load=g).start()\n");
        assert!(names.contains(&"save".to_string()) && names.contains(&"load".to_string()));
        assert!(!any);
        assert!(writes_of("patch.multiple(store, **fakes)\n").1);
        assert!(writes_of("patch.multiple(\n    store,\n    save=f,\n)\n").1);
        assert!(writes(
            "patch.dict(store.__dict__, save=f).start()\n",
            "save"
        ));
        assert!(writes("patch.dict(store.__dict__, {'save': f})\n", "save"));
        assert!(writes(
            "patch.dict(vars(store), {\"save\": f}, clear=False)\n",
            "save"
        ));
        assert!(writes_of("patch.dict(store.__dict__, fakes)\n").1);
        // `patch` under another name, a namespace's key set by pytest's
        // `setitem`, and the keys of a dictionary given to `update`.
        assert_eq!(
            writes_of("from unittest.mock import patch as p\np('asyncio.wait_for', new=f)\n"),
            (vec!["wait_for".to_string()], false)
        );
        assert!(writes(
            "from unittest.mock import patch as p\np.object(asyncio, 'wait_for', f).start()\n",
            "wait_for"
        ));
        assert!(writes(
            "from unittest.mock import patch as p\np.multiple('asyncio', wait_for=f)\n",
            "wait_for"
        ));
        assert_eq!(
            writes_of("from requests import patch as p\np('asyncio.wait_for')\n"),
            (vec![], false)
        );
        assert!(writes(
            "monkeypatch.setitem(vars(asyncio), 'wait_for', f)\n",
            "wait_for"
        ));
        assert!(writes(
            "monkeypatch.setitem(asyncio.__dict__, \"wait_for\", f)\n",
            "wait_for"
        ));
        assert!(writes(
            "asyncio.__dict__.update({\"wait_for\": f})\n",
            "wait_for"
        ));
        assert!(writes_of("patch.dict(store.__dict__, {}, clear=True)\n").1);
        assert!(writes_of("patch.dict(store.__dict__, {k: f})\n").1);
        // Another dictionary: no attribute.
        assert_eq!(
            writes_of("patch.dict(os.environ, {'HOME': '/'})\n"),
            (vec![], false)
        );
        assert!(writes("vars(store).update(save=f)\n", "save"));
        assert!(writes("store.__dict__.update(save=f)\n", "save"));
    }

    /// `setattr` as a value, and writes that change an object's class.
    #[test]
    fn setattr_as_a_value_and_class_changes() {
        assert!(writes_of("functools.partial(setattr, store)('save', f)\n").1);
        assert!(writes_of("write = delattr\n").1);
        assert!(writes_of("list(map(object.__setattr__, objs, names, fs))\n").1);
        // A computed name on a plain name: the file's summary says what it
        // reaches.
        assert!(!writes_of("setattr (store, name, f)\n").1);
        assert_eq!(
            by_bytes(&["setattr (store, name, f)\n"]).placed_computed_files,
            [0]
        );
        assert_eq!(writes_of("setattr (store, 'save', f)\n").0, ["save"]);
        assert!(writes_of("Redis.__new__ = make\n").1);
        assert!(writes_of("r.__class__ = SyncRedis\n").1);
        assert!(writes_of("setattr(r, '__class__', SyncRedis)\n").1);
        assert!(writes_of("for r.__class__ in kinds: pass\n").1);
        assert!(!writes_of("print(r.__class__)\nsetattr(x, 'y', 1)\n").1);
    }

    /// The names written on what may be a module of a project whose
    /// module words are `work` and `app`, and whether any may be.
    fn module_writes_of(text: &str) -> (Vec<String>, bool) {
        let words: FxHashSet<Box<str>> = ["work", "app"].into_iter().map(Into::into).collect();
        let mut scan = ProjectScan::default();
        scan.add_file(&Finders::new().spell(text), &words, Some(0));
        let mut names: Vec<String> = ["work", ANY_MODULE]
            .iter()
            .filter_map(|word| scan.module_attributes.get(*word))
            .flatten()
            .map(|n| n.to_string())
            .collect();
        names.sort();
        let any = ["asyncio", "aredis", "anything"]
            .iter()
            .all(|name| scan.may_write_module_attribute("work", name));
        (names, any)
    }

    /// A function's `__globals__` written by key reaches every module's
    /// attributes, but the file's own module's when the function is one
    /// the file defines (kept apart, see `Build::finish`); in a comment,
    /// nothing.
    #[test]
    fn globals_of_a_function_reach_modules() {
        for text in [
            "from app import work\nwork.backoff.__globals__['sleep'] = f\n",
            "from app.work import backoff\nbackoff.__globals__.update(sleep=f)\n",
            "def run(fn):\n    fn.__globals__['sleep'] = f\n",
            "mock.patch.dict(work.backoff.__globals__, {'sleep': f})\n",
            "mock.patch.dict(work.backoff.__globals__, sleep=f)\n",
            "def helper(): pass\nhelper = work.backoff\nhelper.__globals__['sleep'] = f\n",
        ] {
            // Under literal keys: those names, of any module.
            let (names, any) = module_writes_of(text);
            assert!(!any && names == ["sleep"], "{text}");
        }
        for text in [
            "from app import work\nwork.backoff.__globals__[name] = f\n",
            "from app.work import backoff\nbackoff.__globals__.update(stubs)\n",
            "def run(fn):\n    fn.__globals__.update(**stubs)\n",
            "mock.patch.dict(work.backoff.__globals__, stubs)\n",
            "mock.patch.dict(work.backoff.__globals__, {'sleep': f}, clear=True)\n",
            "mock.patch.dict(work.backoff.__globals__, {name: f})\n",
            "getattr(work.backoff, '__globals__')[name] = f\n",
            "ns = getattr(work.backoff, \"__globals__\")\n",
            "object.__getattribute__(work, '__dict__')[name] = f\n",
        ] {
            assert!(module_writes_of(text).1, "{text}");
        }
        for text in [
            "def helper():\n    return 1\nhelper.__globals__['LIMIT'] = 3\n",
            "class Box: pass\nBox.__init__.__globals__['LIMIT'] = 3\n",
            "x = 1  # work.backoff.__globals__['sleep'] = f\n",
        ] {
            assert!(!module_writes_of(text).1, "{text}");
        }
        let mut scan = ProjectScan::default();
        let words: FxHashSet<Box<str>> = ["work"].into_iter().map(Into::into).collect();
        let text = "def helper():\n    return 1\nhelper.__globals__[key] = 3\n";
        scan.add_file(&Finders::new().spell(text), &words, Some(4));
        assert_eq!(scan.own_globals_writers, [4]);
        assert!(own_function(b"async def helper(x):\n    pass\n", "helper"));
        assert!(!own_function(b"def helpers():\n    pass\n", "helper"));
        assert!(!own_function(
            b"from app import helper\ndef helper():\n    pass\n",
            "helper"
        ));
    }

    /// `setattr` given a name or handed on in code may write any attribute
    /// of any module; named in a comment or in prose it writes nothing.
    #[test]
    fn setattr_as_a_value_reaches_modules() {
        for text in [
            "set_ = setattr\nset_(work, 'TIMEOUT', 0)\n",
            "def f():\n    s = object.__setattr__\n    s(work, 'TIMEOUT', 0)\n",
            "partial(setattr, x)\n",
            // Where it goes is out of sight, or may be a module.
            "class A:\n    s = setattr\n    def f(self):\n        self.s(x, 'a', 1)\n",
            "if x:\n    s = setattr\ns(x, 'a', 1)\n",
            "def f():\n    s = setattr\n    return s\n",
            "def f():\n    s = setattr\n    g(s)\n",
            "def f():\n    global s\n    s = setattr\ndef g():\n    s(x, 'a', 1)\n",
            "def f():\n    s = setattr\n    s(*args)\n",
            "def f():\n    s = setattr\n    s(m(), 'a', 1)\n",
            "def f():\n    s = work.__setattr__\n    s('a', 1)\n",
            "import os\ndef f():\n    s = setattr\n    s(os, name, 1)\n",
            "def f():\n    s = setattr\n    s(x, 'a', 1)\n    s = other\n",
            "f(setattr, work, 'a', 1)\n",
            "f(setattr, x, name, 1)\n",
            "map(setattr, xs, 'a', vs)\n",
            // A module of the project, no parameter of the function (its
            // own, or an outer function's).
            "def u(self, other):\n    _setter = object.__setattr__\n    _setter(work, attr, v)\n",
            "def outer(work):\n    def u(self):\n        _setter = object.__setattr__\n        _setter(work, attr, v)\n",
            // At a class's top level, after a call over several lines.
            "class M:\n    x = f(\n        1,\n    )\n    s = setattr\n    def g(self):\n        s(o, name, 1)\n",
            "def f(\n    a,\n):\n    pass\ns = setattr\ns(o, name, 1)\n",
            // Reached by its name in quotes, or bound to a module.
            "getattr(builtins, 'setattr')(work, 'TIMEOUT', 0)\n",
            "f = partial(object.__setattr__, work)\n",
            "self.assertRaises(AttributeError, setattr, make(), 'x', 1)\n",
        ] {
            assert!(module_writes_of(text).1, "{text}");
        }
        for text in [
            "x = 1  # written back through `setattr`\n",
            "print('uses setattr here')\n",
            // Kept under a function's local name only ever called on
            // objects, or handed on with its object and a literal name.
            "class E:\n    def __init__(self, t):\n        _setter = object.__setattr__\n        _setter(self, 'entry_id', t)\n        _setter(\n            self, 'lock', asyncio.Lock()\n        )\n",
            "def u(entry, attr, v):\n    _setter = object.__setattr__\n    _setter(entry, attr, v)\n",
            // A signature over several lines (Home Assistant's
            // `ConfigEntries.async_update_entry`).
            "class M:\n    def u(\n        self,\n        entry: E,\n    ) -> bool:\n        \"\"\"Doc.\"\"\"\n        _setter = object.__setattr__\n        _setter(entry, attr, v)\n",
            // A parameter spelled like a module of the project (Home
            // Assistant's `entry` beside a module `tellduslive/entry.py`).
            "class M:\n    def u(\n        self,\n        work: E,\n        *, t=None,\n    ) -> bool:\n        _setter = object.__setattr__\n        for attr, v in ((\"t\", t),):\n            _setter(work, attr, v)\n",
            "self.assertRaises(AttributeError, setattr, a, '_id', 5)\n",
            "self.addCleanup(setattr, self, 'loop', None)\n",
            // On an instance a class makes there, or bound to `self`.
            "self.assertRaises(AttributeError, setattr, Frozen(), 'x', 1)\n",
            "def __init__(self, x):\n    set_ = functools.partial(object.__setattr__, self)\n    set_('x', x)\n",
        ] {
            assert!(!module_writes_of(text).1, "{text}");
        }
        // The literal name written on an object that is no `self` is
        // written on an object the file cannot name (a module, handed in,
        // when the module escapes).
        let text = "def put(o):\n    s = setattr\n    s(o, 'TIMEOUT', 0)\n";
        assert!(module_writes_of(text).0.is_empty());
        let words: FxHashSet<Box<str>> = ["work"].into_iter().map(Into::into).collect();
        let mut scan = ProjectScan::default();
        scan.add_file(&Finders::new().spell(text), &words, Some(0));
        assert!(scan.unknown_writes.contains_key("TIMEOUT"));
        assert!(
            module_writes_of("def f(self):\n    s = setattr\n    s(self, 'TIMEOUT', 0)\n")
                .0
                .is_empty()
        );
    }

    /// Writes on an object the file cannot name (a parameter, what an
    /// attribute or an item holds): noted by name, or any name when
    /// computed; `self`, `cls` and a mock are none.
    #[test]
    fn writes_on_objects_it_cannot_name() {
        let words: FxHashSet<Box<str>> = ["work", "app"].into_iter().map(Into::into).collect();
        let of = |text: &str| {
            let mut scan = ProjectScan::default();
            scan.add_file(&Finders::new().spell(text), &words, Some(0));
            scan
        };
        for text in [
            "def force(m, v):\n    m.TIMEOUT = v\n",
            "def force(\n    m,\n    v,\n):\n    m.TIMEOUT = v\n",
            "def patch_it(mod, v):\n    mp = pytest.MonkeyPatch()\n    mp.setattr(mod, 'TIMEOUT', v)\n",
            "apply = lambda m, v: setattr(m, 'TIMEOUT', v)\n",
            "def put(obj, name, v):\n    setattr(obj, name, v)\n",
            "class Cfg:\n    def apply(self):\n        self.m.TIMEOUT = 0\n",
            "mods[0].TIMEOUT = 0\n",
            "for mod in PLUGINS.values():\n    mod.TIMEOUT = 0\n",
            "def outer(m):\n    def inner(v):\n        m.TIMEOUT = v\n",
        ] {
            let scan = of(text);
            assert!(scan.unknown_writer("TIMEOUT").is_some(), "{text}");
            assert!(
                !scan.may_write_module_attribute("other", "TIMEOUT"),
                "{text}"
            );
        }
        for text in [
            "def f(self, v):\n    self.TIMEOUT = v\n",
            "def force(m, v):\n    m.other = v\n",
            "m = Mock()\nm.TIMEOUT = 0\n",
            "with mock.patch('app.svc') as m_svc:\n    m_svc.TIMEOUT = 0\n",
            "work.TIMEOUT = 0\n",
        ] {
            assert!(of(text).unknown_writer("TIMEOUT").is_none(), "{text}");
        }
        // A target computed from a name, by the names it ends with.
        for (text, name) in [
            ("mock.patch(MODULE + '.TIMEOUT', 0)\n", "TIMEOUT"),
            ("mock.patch(f'{MODULE}.TIMEOUT', 0)\n", "TIMEOUT"),
            ("mock.patch('.'.join([MODULE, 'TIMEOUT']), 0)\n", "TIMEOUT"),
            ("mock.patch(target('TIMEOUT'), 0)\n", "TIMEOUT"),
        ] {
            let scan = of(text);
            assert!(scan.target_writes.contains_key(name), "{text}");
            assert!(!scan.target_writes.contains_key("other"), "{text}");
            assert!(scan.unknown_writer(name).is_none(), "{text}");
        }
        assert!(of("mock.patch(target)\n").any_target_write.is_some());
    }

    /// The names a file lets a module out by, as [`escapes`] spells them.
    fn escaped(text: &str) -> Vec<String> {
        escapes(text)
            .into_iter()
            .map(|(_, name)| name.to_string())
            .collect()
    }

    /// A module used as a value (handed on, held, assigned, returned),
    /// reached by its name, or spelled in a string escapes; reads of its
    /// attributes, imports, prose, and reading calls do not.
    #[test]
    fn modules_escape_their_names() {
        for (text, name) in [
            ("from app import svc\nforce(svc)\n", "app.svc"),
            ("from app import svc\nPLUGINS = {'svc': svc}\n", "app.svc"),
            ("from app import svc\nmods = [svc]\n", "app.svc"),
            ("from app import svc\nm = svc\n", "app.svc"),
            (
                "from app import svc\ndef get():\n    return svc\n",
                "app.svc",
            ),
            (
                "from app import svc\nclass Box:\n    mod = svc\n",
                "app.svc",
            ),
            ("from app import svc\nf = lambda: svc\n", "app.svc"),
            (
                "from app import svc\nwith nullcontext(svc) as m:\n    pass\n",
                "app.svc",
            ),
            ("from app import svc\nset_all(*[svc, other])\n", "app.svc"),
            ("from app import svc\nCfg(m=svc)\n", "app.svc"),
            ("import app.svc\nforce(app.svc)\n", "app.svc"),
            ("import app.svc as s\nforce(s, 0)\n", "app.svc"),
            ("import asyncio\ninstrument(asyncio)\n", "asyncio"),
            ("from . import svc\nforce(svc)\n", ".svc"),
            ("MODULE = 'app.svc'\n", "\"app.svc"),
            ("force(sys.modules['app.svc'], 0)\n", "app.svc"),
            (
                "m = importlib.import_module('app.svc')\nforce(m)\n",
                "app.svc",
            ),
            ("m = importlib.import_module(name)\nreturn m\n", "*"),
            (
                "m = import_module(f'app.plugins.{name}')\nPLUGINS.append(m)\n",
                "app.plugins.*",
            ),
            ("m = import_module(name)\nm.sub.TIMEOUT = 0\n", "*"),
            ("m = import_module(name)  # c\nm2 = m\n", "*"),
            ("x = m = import_module(name)\n", "*"),
            ("m = getattr(import_module(name), 'sub')\n", "*"),
            ("m = import_module(name)\nforce(m.sub)\n", "*"),
            ("import app\nm = getattr(app, 'svc')\n", "app.svc"),
            ("import app\nm = getattr(app, name)\n", "app.*"),
            ("import asyncio\nshow(globals())\n", "~asyncio"),
            ("mod = inspect.getmodule(svc.Client)\nforce(mod)\n", "*"),
        ] {
            assert!(
                escaped(text).iter().any(|found| found == name),
                "{text}: {:?}",
                escaped(text)
            );
        }
        for text in [
            "from app import svc\nsvc.take(q)\n",
            "from app import svc\nx = svc.TIMEOUT + 1\n",
            "from app import svc\nprint(svc)\n",
            "from app import svc\nv = getattr(svc, 'X')\n",
            "from app import svc\nisinstance(svc, object)\n",
            "from app import svc\nsetattr(svc, 'TIMEOUT', 0)\n",
            "from app import svc\ndef f(svc):\n    return svc\n",
            "from app import svc\n\"\"\"Works with svc, here.\"\"\"\n",
            "from app import svc\n# force(svc)\n",
            "from app import (\n    svc,\n    other,\n)\n",
            "log = logging.getLogger('app.svc')\n",
            "open('config.json')\n",
            // Reached only to be read.
            "def f(frame):\n    module = inspect.getmodule(frame)\n    if module is not None:\n        name = module.__name__\n    return name\n",
            "v = getattr(inspect.getmodule(f), name)()\n",
            "if hasattr(sys.modules[name], 'X'):\n    pass\n",
            "m = import_module(name)\nm.TIMEOUT = 0\nm.run()\n",
        ] {
            let found: Vec<String> = escaped(text)
                .into_iter()
                .filter(|name| {
                    escape_reaches(name, "app.svc", Some(Path::new("/p/main.py"))).is_some()
                })
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // A membership test reaches no module.
        assert!(
            !escaped("if 'app.svc' in sys.modules:\n    pass\n")
                .iter()
                .any(|name| name == "*" || name == "app.svc")
        );
        // Imported alone on its line: the module is not used; its name in
        // quotes is noted as a string that spells it.
        assert_eq!(escaped("import_module('app.svc')\n"), ["\"app.svc"]);
    }

    /// How an escape reaches a module: itself, or among many (under a
    /// package, any module, a namespace read whole); a relative name from
    /// the file's directory, two parts at least.
    #[test]
    fn escapes_reach_modules() {
        let path = Path::new("/p/app/main.py");
        for (escaped, module, reach) in [
            ("app.svc", "app.svc", Some(Reach::Exact)),
            ("app", "app.svc", Some(Reach::Broad)),
            ("app.svc", "app.other", None),
            ("app.svc.Client", "app.svc", None),
            ("app.*", "app.svc", Some(Reach::Broad)),
            ("app.*", "app", None),
            ("*", "asyncio", Some(Reach::Broad)),
            ("~asyncio", "asyncio", Some(Reach::Broad)),
            ("\"app.svc", "app.svc", Some(Reach::Exact)),
            (".svc", "app.svc", Some(Reach::Exact)),
            (".svc", "svc", None),
            (".asyncio", "asyncio", None),
            (".svc", "app.b.svc", None),
            ("..b.svc", "app.b.svc", None),
        ] {
            assert_eq!(
                escape_reaches(escaped, module, Some(path)),
                reach,
                "{escaped} {module}"
            );
        }
        assert_eq!(
            escape_reaches("..b.svc", "b.svc", Some(Path::new("/p/app/x/main.py"))),
            Some(Reach::Exact)
        );
    }

    /// The def a line is in, found with what earlier walks remembered, as
    /// found alone.
    #[test]
    fn enclosing_defs_kept_as_found_alone() {
        let pieces = [
            "def f(x):\n",
            "async def g(\n",
            "class C:\n",
            "    ",
            "\t",
            "x = 1\n",
            "\n",
            "\r\n",
            "\r",
            ")\n",
            "# c\n",
            "if x:\n",
            "y(\n",
            "]",
            "a",
            " ",
        ];
        proptest!(|(
            picks in proptest::collection::vec(0..pieces.len(), 0..40),
            order in proptest::collection::vec(0..64usize, 1..12),
        )| {
            let text: String = picks.iter().filter_map(|&i| pieces.get(i).copied()).collect();
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(at, _)| at + 1))
                .collect();
            let mut kept = FxHashMap::default();
            for pick in order {
                let Some(&start) = starts.get(pick % starts.len()) else {
                    continue;
                };
                prop_assert_eq!(
                    enclosing_def_start_kept(&text, start, &mut kept),
                    enclosing_def_start(&text, start),
                    "{:?} at {}", text, start
                );
            }
        });
    }

    /// The last place of a line found from the end, as `str::rfind`
    /// finds it.
    #[test]
    fn last_place_as_rfind() {
        let pieces = ["a", "b", "\r", "\n", "ab", "é", " "];
        proptest!(|(
            hay in proptest::collection::vec(0..pieces.len(), 0..12),
            needle in proptest::collection::vec(0..pieces.len(), 0..4),
        )| {
            let hay: String = hay.iter().filter_map(|&i| pieces.get(i).copied()).collect();
            let needle: String = needle.iter().filter_map(|&i| pieces.get(i).copied()).collect();
            prop_assert_eq!(last_place(&hay, &needle), hay.rfind(&*needle), "{:?} {:?}", hay, needle);
        });
    }

    /// Writes whose receiver may be a module of the project, in every
    /// spelling; `self`, `cls`, calls and other names are none.
    #[test]
    fn writes_on_modules_of_the_project() {
        let asyncio = |text: &str| {
            let (names, any) = module_writes_of(text);
            any || names.iter().any(|n| n == "asyncio")
        };
        for text in [
            "work.asyncio = fake\n",
            "app.work.asyncio = fake\n",
            "work.asyncio, x = fake, 1\n",
            "for work.asyncio in fakes: pass\n",
            "del work.asyncio\n",
            "work. asyncio = fake\n",
            "setattr(work, 'asyncio', fake)\n",
            "patch.object(app.work, \"asyncio\", fake)\n",
            "mock.patch('app.work.asyncio', fake)\n",
            "patch.multiple(work, asyncio=fake)\n",
            "patch.multiple('app.work', asyncio=fake)\n",
            "patch.dict(work.__dict__, asyncio=fake)\n",
            "vars(work)['asyncio'] = fake\n",
            "work.__dict__.update(asyncio=fake)\n",
            "import app.work as w\nw.asyncio = fake\n",
            "from app import work as w2\nw2.asyncio = fake\n",
            "m = work\nm.asyncio = fake\n",
            "m: object = app.work\nm.asyncio = fake\n",
            "sys.modules['app.work'].asyncio = fake\n",
            "importlib.import_module('app.work').asyncio = fake\n",
            "monkeypatch.setattr('app.work.asyncio', fake)\n",
            "mod = importlib.import_module(name)\nmod.asyncio = fake\n",
            "m = self.work\nm.asyncio = fake\n",
            // A chain laid out over lines, one of several targets, a bound
            // `__setattr__`, the script's module through `__main__`.
            "work \\\n    .asyncio = fake\n",
            "o, m = other, work\nm.asyncio = fake\n",
            "*_, m = other, work\nm.asyncio = fake\n",
            "work.__setattr__('asyncio', fake)\n",
            "app.work.__delattr__('asyncio')\n",
            "import __main__\n__main__.asyncio = fake\n",
            "getattr(work, '__setattr__')(name, fake)\n",
        ] {
            assert!(asyncio(text), "{text}");
        }
        // A computed name on a module, `setattr` handed on, a module's class.
        for text in [
            "setattr(work, name, fake)\n",
            "partial(setattr, work)\n",
            "work.__class__ = Lazy\n",
            "patch.dict(vars(work), fakes)\n",
            "vars(work)[name] = fake\n",
        ] {
            assert!(module_writes_of(text).1, "{text}");
        }
        // Not a module: `self`, `cls`, other names, calls, other attributes.
        for text in [
            "self.asyncio = asyncio\n",
            "cls.asyncio = asyncio\n",
            "holder.asyncio = asyncio\n",
            "Holder().asyncio = None\n",
            "setattr(self, 'asyncio', None)\n",
            "setattr(self, name, value)\n",
            "patch.object(Holder, 'asyncio')\n",
            "mock.patch('app.work.Holder.asyncio')\n",
            "self.__dict__.update(kwargs)\n",
            "vars(self)[key] = value\n",
            "obj.__class__ = Other\n",
            "m = other\nm.asyncio = fake\n",
            // An item or a call's result of a chain ending with a module's
            // word (Home Assistant's `entry = self.data[entry_id]`).
            "m = self.work[key]\nm.asyncio = fake\n",
            "m = app.work(1)\nm.asyncio = fake\n",
            "entry = self.work[key]\nsetattr(entry, name, value)\n",
            "work.other = fake\n",
            // Another module of the project, named or by its alias.
            "mock.patch('app.helpers.asyncio')\n",
            "import app.helpers as h\nh.asyncio = fake\n",
            "monkeypatch.setattr('app.helpers.asyncio', fake)\n",
            "monkeypatch.delattr('socket.AF_UNIX', raising=False)\n",
            "self.__setattr__('asyncio', fake)\n",
            "Base.__setattr__(self, 'asyncio', fake)\n",
            // A key read in a `del` deletes no attribute.
            "del pools[work.asyncio]\n",
            "del pools[k, work.asyncio()]\n",
        ] {
            let (names, any) = module_writes_of(text);
            assert!(!any && !names.iter().any(|n| n == "asyncio"), "{text}");
        }
    }

    /// The attributes a `del` statement deletes: the one each target ends
    /// with, not a name read in a key, a call or on the way.
    #[test]
    fn attributes_a_del_deletes() {
        let names = |line: &str| -> Vec<String> {
            deleted_attribute_dots(line)
                .into_iter()
                .map(|dot| identifier_at(line, dot + 1).to_string())
                .collect()
        };
        assert_eq!(names("del a.b, c.d"), ["b", "d"]);
        assert_eq!(names("del (a.b, [c.d])  # x.y"), ["b", "d"]);
        assert_eq!(names("del a.b.c;"), ["c"]);
        assert_eq!(
            names("del x[k], asyncio.get_event_loop"),
            ["get_event_loop"]
        );
        assert!(names("del pools[asyncio.get_event_loop()]").is_empty());
        assert!(names("del tasks[name, asyncio.ensure_future]").is_empty());
        assert!(names("del a.b[k]").is_empty());
        assert!(names("del d['a.b']").is_empty());
        assert!(names("del f(a.b).c").len() == 1);
    }

    /// The methods `methodcaller` and `getattr` reach by the name of
    /// `__setattr__` write attributes of what they are applied to.
    #[test]
    fn setattr_reached_by_its_name() {
        let words: FxHashSet<Box<str>> = ["work"].into_iter().map(Into::into).collect();
        let of = |text: &str| {
            let mut scan = ProjectScan::default();
            scan.add_file(&Finders::new().spell(text), &words, Some(0));
            scan
        };
        let scan = of("operator.methodcaller('__setattr__', 'flush', f)(obj)\n");
        assert!(scan.unknown_writer("flush").is_some());
        assert!(scan.may_write_attribute("flush"));
        let scan = of("methodcaller(\"__delattr__\", name)(obj)\n");
        assert!(scan.any_unknown_write.is_some());
        for text in [
            "hasattr(cls, '__setattr__')\n",
            "x = '__setattr__' in vars(cls)\n",
            "# methodcaller('__setattr__', 'flush', f)\n",
        ] {
            let scan = of(text);
            assert!(scan.unknown_writer("flush").is_none(), "{text}");
            assert!(!scan.may_write_attribute("flush"), "{text}");
        }
    }

    /// A function's `__globals__` kept or handed to a function of the file
    /// that only reads it is no write; written or handed on anywhere else,
    /// it is.
    #[test]
    fn function_globals_only_read() {
        let reader = "def resolve(ann, globalns):\n    if isinstance(ann, str):\n        return globalns.get(ann, ann)\n    return globalns[ann]\n";
        for text in [
            format!(
                "{reader}\ndef params(func):\n    return [resolve(a, func.__globals__) for a in func.x]\n"
            ),
            format!(
                "{reader}\ndef params(func):\n    globalns = func.__globals__\n    return resolve(1, globalns), globalns.get('x')\n"
            ),
            "def params(func):\n    ns = func.__globals__\n    return ns.get('x'), 'y' in ns\n"
                .to_string(),
        ] {
            assert!(!module_writes_of(&text).1, "{text}");
        }
        let writer = "def resolve(ann, globalns):\n    globalns[ann] = 1\n";
        let updater = "def resolve(ann, globalns):\n    globalns.update(x=1)\n";
        let passer = "def resolve(ann, globalns):\n    return other(globalns)\n";
        for text in [
            format!("{writer}\ndef params(func):\n    return resolve(1, func.__globals__)\n"),
            format!("{updater}\ndef params(func):\n    return resolve(1, func.__globals__)\n"),
            format!("{passer}\ndef params(func):\n    return resolve(1, func.__globals__)\n"),
            format!(
                "{reader}\ndef params(func):\n    return resolve(1, globalns=func.__globals__)\n"
            ),
            "def params(func):\n    return resolve(1, func.__globals__)\n".to_string(),
            "def params(func):\n    ns = func.__globals__\n    ns['x'] = 1\n".to_string(),
            format!(
                "{reader}\ndef resolve(a, b):\n    b.clear()\ndef params(func):\n    return resolve(1, func.__globals__)\n"
            ),
        ] {
            assert!(module_writes_of(&text).1, "{text}");
        }
    }

    /// A test replacing a function of a top-level module `app`: every
    /// spelling of `mock.patch`, `patch.object` and pytest's `monkeypatch`.
    #[test]
    fn a_function_of_a_module_patched_by_a_test() {
        let words: FxHashSet<Box<str>> = ["app"].into_iter().map(Into::into).collect();
        for text in [
            "from unittest import mock\nimport app\nwith mock.patch(\"app.work\", new=mock.Mock()): pass\n",
            "from unittest import mock\nwith mock.patch(target='app.work'): pass\n",
            "from unittest import mock\nimport app\nwith mock.patch.object(app, \"work\", new=f): pass\n",
            "from unittest.mock import patch\nimport app\n@patch.object(app, 'work')\ndef t(m): pass\n",
            "def test(monkeypatch):\n    monkeypatch.setattr(\"app.work\", fake)\n",
            "import app\ndef test(monkeypatch):\n    monkeypatch.setattr(app, \"work\", fake)\n",
            "def test(mocker):\n    mocker.patch('app.work', return_value=fut)\n",
        ] {
            let mut scan = ProjectScan::default();
            scan.add_file(&Finders::new().spell(text), &words, Some(0));
            assert!(scan.may_write_module_attribute("app", "work"), "{text}");
            assert!(!scan.may_write_module_attribute("app", "start"), "{text}");
        }
    }

    /// A method or function named `patch` is defined, not called.
    #[test]
    fn a_definition_of_patch_writes_nothing() {
        let text = "from unittest import mock\n\n\nclass Client:\n    def patch(self, path, **kwargs):\n        pass\n\n\nasync def patch(url):\n    pass\n";
        assert_eq!(writes_of(text), (vec![], false));
        assert_eq!(module_writes_of(text), (vec![], false));
    }

    #[test]
    fn what_the_scan_finds() {
        let scan = by_bytes(&[
            "class A(models.Base, Mixin):\n    pass\ndef f():\n    class B(A): ...\n    return type('C', (A,), {})\n",
            "store.save = fake\nx.count += 1\nobj.flag: bool = True\nif a.b == c.d:\n    del self.cache, other.entry\nsetattr(conn, 'flush', f)\nexcept errors.Timeout:\n    pass\nif x.ready: y = 1\nz = a[b.start:b.stop]\nw.only: int\n",
            "class\tNot(Base): pass\nclass Late(Base) -> None\r\nx.y\r\n= 1\nz.w\r= 2\n",
        ]);
        let mut bases: Vec<(&str, Vec<u32>)> = scan
            .class_bases
            .iter()
            .map(|(base, files)| (&**base, files.clone()))
            .collect();
        bases.sort();
        assert_eq!(
            bases,
            [
                // `...` after the colon: a word with an empty last segment.
                ("", vec![0]),
                ("A", vec![0]),
                ("Base", vec![0, 2]),
                ("Mixin", vec![0]),
                ("None", vec![2])
            ]
        );
        let sorted = |set: &FxHashSet<Box<str>>| {
            let mut names: Vec<String> = set.iter().map(|n| n.to_string()).collect();
            names.sort();
            names
        };
        assert_eq!(sorted(&scan.hidden_bases), ["", "A", "C", "return", "type"]);
        assert_eq!(
            sorted(&scan.written_attributes),
            // `c.d:`, `errors.Timeout:`, `b.start:` and `w.only: int`
            // write nothing; `x.ready: y = 1` may.
            [
                "cache", "conn", "count", "entry", "f", "flag", "flush", "ready", "save",
                "setattr", "w"
            ]
        );
    }

    /// Everything a scan holds, in an order that does not depend on how
    /// its tables were filled.
    fn canonical(scan: &ProjectScan) -> String {
        fn sorted(set: &FxHashSet<Box<str>>) -> Vec<&str> {
            let mut names: Vec<&str> = set.iter().map(|n| &**n).collect();
            names.sort_unstable();
            names
        }
        let mut bases: Vec<_> = scan.class_bases.iter().collect();
        bases.sort();
        let mut modules: Vec<_> = scan
            .module_attributes
            .iter()
            .map(|(module, names)| (module, sorted(names)))
            .collect();
        modules.sort();
        format!(
            "{bases:?} {:?} {:?} {} {:?} {} {:?} {:?} {} {modules:?} {:?} {} {:?} {} {:?} {} {:?} \
             {:?} {:?} {:?} {:?} {:?} {} {:?} {:?} {:?}",
            scan.assigned_bases,
            sorted(&scan.hidden_bases),
            scan.any_hidden_base,
            sorted(&scan.alias_names),
            scan.module_getattr,
            sorted(&scan.written_attributes),
            sorted(&scan.named_attributes),
            scan.any_attribute_written,
            sorted(&scan.any_attribute_of),
            scan.class_changed,
            sorted(&scan.replaced_modules),
            scan.any_module_replaced,
            scan.path_writers,
            scan.incomplete,
            scan.readers.canonical(),
            scan.placed_computed_files,
            scan.other_library,
            scan.hand_driver,
            scan.runner_library,
            scan.anyio_file,
            scan.mentions_trio,
            scan.computed_importer,
            scan.reruns,
            scan.loop_managers,
        )
    }

    /// A scan whose files two threads took by turns finds what one
    /// thread reading them in order finds.
    #[test]
    fn a_scan_made_in_parts_is_the_scan_made_in_order() {
        let files = [
            ("app/__init__.py", "from . import store\n"),
            (
                "app/store.py",
                "import sys\nclass Repo(Base):\n    pass\nsys.modules[__name__] = Repo()\n",
            ),
            (
                "app/work.py",
                "from app import store\nstore.save = fake\nclass Sync(Base, Mixin):\n    pass\n",
            ),
            (
                "main.py",
                "import sys\nsys.path.insert(0, 'lib')\nimport app.work as w\nw.__class__ = X\n",
            ),
            (
                "tools/run.py",
                "import sys\nsys.modules['app.cache'] = {}\nclass Base: ...\n",
            ),
            (
                "tools/hooks.py",
                "import __main__\nsetattr(store, 'flush', f)\nclass Late(Base): ...\n",
            ),
        ];
        let dir = tempfile::tempdir().expect("tempdir");
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
            std::fs::write(path, text).expect("write");
        }
        let layout = Layout::at(dir.path().to_path_buf());
        for with_readers in [true, false] {
            let in_order = ProjectScan::of_project(&layout, with_readers);
            let build = Build::new(&layout, with_readers, None);
            let (mut even, mut odd) = (Part::default(), Part::default());
            let mut bytes = Vec::new();
            while build.take(&mut even, &mut bytes) && build.take(&mut odd, &mut bytes) {}
            // Handed over as helpers do, the later files first.
            build.state().parts.extend([odd, even]);
            let in_parts = build.finish(&layout);
            assert_eq!(canonical(&in_parts), canonical(&in_order));
            assert!(!in_order.path_writers.is_empty() && !in_order.replaced_modules.is_empty());
            assert!(
                in_order
                    .class_bases
                    .get("Base")
                    .is_some_and(|f| f.len() == 3)
            );
            assert_eq!(in_order.has_readers, with_readers);
            assert_eq!(in_parts.has_readers, with_readers);
        }
    }

    /// What the index's cache keeps of each file gives a second scan what
    /// the first found, the same as a scan with no cache; an entry altered,
    /// cut short or swapped with another is not used; a project whose
    /// module words change reads none of the entries made before.
    #[test]
    fn the_cache_gives_the_scan_made_without_it() {
        let files = [
            ("app/__init__.py", "from . import store\n"),
            (
                "app/store.py",
                "import sys\nclass Repo(Base):\n    pass\nsys.modules[__name__] = Repo()\n",
            ),
            (
                "app/work.py",
                "from app import store\nstore.save = fake\nclass Sync(Base, Mixin):\n    pass\nimport trio\n",
            ),
            (
                "main.py",
                "import sys, anyio\nsys.path.insert(0, 'lib')\nimport app.work as w\nw.__class__ = X\nloop = asyncio.get_event_loop()\n",
            ),
            (
                "tools/run.py",
                "import sys, atexit, importlib\nsys.modules['app.cache'] = {}\nclass Base: ...\nimportlib.reload(work)\n",
            ),
            (
                "tools/hooks.py",
                "import __main__\nsetattr(store, 'flush', f)\nclass Late(Base): ...\ndef f(o, k):\n    setattr(o, k, 1)\nc.send(None)\n",
            ),
            ("tools/stub.pyi", "from app import work as w\n"),
            ("latin.py", "x = '\u{e9}'\n"),
        ];
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("project");
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
            std::fs::write(path, text).expect("write");
        }
        // A file that is no UTF-8: the tables are incomplete.
        std::fs::write(root.join("bytes.py"), b"x = '\xe9'\n").expect("write");
        let layout = Layout::at(root.clone());
        let cache_dir = dir.path().join("cache");
        let cache = || Some(Cache::new(cache_dir.clone()));
        let without =
            |with_readers| canonical(&Build::new(&layout, with_readers, None).finish(&layout));
        let with = |with_readers| {
            let scan = Build::new(&layout, false, cache()).finish(&layout);
            if with_readers {
                let readers = scan.readers_build(cache()).finish(&layout).readers;
                return canonical(&ProjectScan {
                    readers,
                    has_readers: true,
                    ..scan
                });
            }
            canonical(&scan)
        };
        let entries = || -> Vec<PathBuf> {
            let mut found: Vec<PathBuf> = std::fs::read_dir(&cache_dir)
                .into_iter()
                .flatten()
                .flatten()
                .filter(|e| e.path().is_dir())
                .flat_map(|e| std::fs::read_dir(e.path()).into_iter().flatten().flatten())
                .map(|e| e.path())
                // Not the folder's own files (`.pruned`).
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            found.sort();
            found
        };
        for with_readers in [false, true] {
            let expected = without(with_readers);
            assert_eq!(with(with_readers), expected, "cold");
            assert_eq!(with(with_readers), expected, "warm");
        }
        let expected = without(true);
        let kept = entries();
        // 9 files for the readers, 8 Python ones for the rest.
        assert_eq!(kept.len(), 9 + 8, "{kept:?}");
        let contents: Vec<Vec<u8>> = kept
            .iter()
            .map(|p| std::fs::read(p).expect("read"))
            .collect();
        let damages: [&dyn Fn(usize) -> Vec<u8>; 3] = [
            &|i| contents[(i + 1) % contents.len()].clone(),
            &|i| contents[i][..contents[i].len() / 2].to_vec(),
            &|i| {
                let mut altered = contents[i].clone();
                if let Some(last) = altered.last_mut() {
                    *last ^= 1;
                }
                altered
            },
        ];
        for damage in damages {
            for (i, path) in kept.iter().enumerate() {
                std::fs::write(path, damage(i)).expect("write");
            }
            assert_eq!(with(true), expected);
        }
        // Another module word: `store` below is a module of the project
        // no more, and every entry is made again.
        std::fs::rename(root.join("app/store.py"), root.join("app/depot.py")).expect("rename");
        let renamed = without(true);
        assert_ne!(renamed, expected);
        assert_eq!(with(true), renamed);
        assert_eq!(entries().len(), 2 * (9 + 8));
    }

    /// A helper that comes while a scan is made takes files too, and the
    /// scan is the same.
    #[test]
    fn a_helper_shares_the_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        for number in 0..64 {
            std::fs::write(
                dir.path().join(format!("m{number}.py")),
                format!(
                    "import m{}\nclass C{number}(Base): ...\nx.a{number} = 1\n",
                    number / 2
                ),
            )
            .expect("write");
        }
        let layout = Layout::at(dir.path().to_path_buf());
        let in_order = ProjectScan::of_project(&layout, true);
        let build = Build::new(&layout, true, None);
        let helped = std::thread::scope(|scope| {
            let helper = scope.spawn(|| build.help());
            let scan = build.finish(&layout);
            helper.join().expect("helper");
            scan
        });
        assert_eq!(canonical(&helped), canonical(&in_order));
        assert_eq!(in_order.written_attributes.len(), 64);
    }

    #[test]
    fn files_whose_class_bases_an_assignment_may_bind() {
        let scan = by_bytes(&[
            "Base = getattr(_r, 'Repo')\nclass Sync(Base):\n    pass\n",
            "class Base:\n    pass\nclass Sync(Base):\n    pass\n",
            "from m import Base\nclass Sync(Base, metaclass=Meta):\n    pass\n",
            "try:\n    from m import Base\nexcept ImportError:\n    Base: type = object\nclass Sync(Base): ...\n",
            "for Base in bases:\n    pass\nclass Sync(models.Base): ...\n",
            "with make() as Base:\n    class Sync(Base): ...\n",
            "if Base == Other:\n    pass\nclass Sync(Base): ...\nSyncBase = 1\n",
        ]);
        assert_eq!(scan.assigned_bases, [0, 3, 5]);
        assert!(assigns_name("(Base := make())", "Base"));
        assert!(assigns_name("Base, Other = make()", "Base"));
        assert!(!assigns_name("f(Base)\nx = Base\n", "Base"));
    }

    #[test]
    fn writes_of_sys_path() {
        let writes = |text: &str| writes_sys_path(&Finders::new().spell(text));
        assert!(writes("import sys\nsys.path.insert(0, 'lib')\n"));
        assert!(writes("sys.path.append(here)\n"));
        assert!(writes("sys.path .extend([a, b])\n"));
        assert!(writes("sys.path[:0] = [lib]\n"));
        assert!(writes("sys.path += [lib]\n"));
        assert!(writes("sys.path = [lib] + sys.path\n"));
        assert!(writes("import site\nsite.addsitedir(lib)\n"));
        assert!(writes("sys.path[0"));
        assert!(writes("from sys import path as _p\n_p[:0] = [lib]\n"));
        assert!(writes("from sys import (\n    argv,\n    path,\n)\n"));
        assert!(!writes("from sys import argv, pathsep\nimport os.path\n"));
        assert!(writes("import sys as _s\n_s.path.insert(0, lib)\n"));
        assert!(!writes(
            "import sys as _s\nprint(_s.path)\nx.pathname = 1\n"
        ));
        assert!(!writes("import os\nself.path = p\n"));
        // Reads, and other names, are no writes.
        assert!(!writes("print(sys.path)\nif lib in sys.path: pass\n"));
        assert!(!writes("x = sys.path[0]\nos.sys.pathname = 1\n"));
        assert!(!writes(
            "if sys.path[0] == lib: pass\nmysys.path.append(x)\n"
        ));
        assert!(!writes("if sys.path[0]: pass\n"));
    }

    #[test]
    fn writes_of_sys_modules() {
        let replaced = |text: &str| {
            let mut scan = ProjectScan::default();
            let own = scan.add_module_writes(&Finders::new().spell(text));
            let mut names: Vec<String> = scan
                .replaced_modules
                .iter()
                .map(|n| n.to_string())
                .collect();
            names.sort();
            (names, scan.any_module_replaced, own)
        };
        let none: (Vec<String>, bool, bool) = (vec![], false, false);
        assert_eq!(
            replaced("import sys\nsys.modules[\"app.store\"] = sync_store\n"),
            (vec!["app.store".to_string()], false, false)
        );
        assert_eq!(
            replaced("from sys import modules\nmodules['app'] ,x = a, b\n"),
            (vec!["app".to_string()], false, false)
        );
        assert_eq!(
            replaced("sys.modules[__name__] = Wrapper()\n"),
            (vec![], false, true)
        );
        assert_eq!(
            replaced("sys.modules[f\"app.{n}\"] = m\n"),
            (vec![], true, false)
        );
        assert_eq!(replaced("sys.modules[name] = m\n"), (vec![], true, false));
        assert_eq!(
            replaced("sys.modules.update({'a': m})\n"),
            (vec![], true, false)
        );
        assert_eq!(
            replaced("sys.modules.setdefault(k, m)\n"),
            (vec![], true, false)
        );
        assert_eq!(
            replaced("with patch.dict(sys.modules, {'a': m}):\n    pass\n"),
            (vec![], true, false)
        );
        assert_eq!(replaced("sys.modules = {}\n"), (vec![], true, false));
        // Reads, deletions, comparisons and other words are no writes.
        assert_eq!(replaced("m = sys.modules['app']\n"), none);
        assert_eq!(replaced("if sys.modules['a'] == m: pass\n"), none);
        assert_eq!(replaced("del sys.modules['app']\n"), none);
        assert_eq!(replaced("pkg.submodules['a'] = 1\n"), none);
        assert_eq!(replaced("'app' in sys.modules\n"), none);
        // A subscript that never closes: unreadable.
        assert_eq!(replaced("sys.modules[\"a\""), (vec![], true, false));
    }

    #[test]
    fn names_given_to_setattr() {
        let written = |text: &str| {
            let scan = by_bytes(&[text]);
            let mut names: Vec<String> = scan
                .named_attributes
                .iter()
                .map(|n| n.to_string())
                .collect();
            names.sort();
            // Either any attribute, or what the file's summary tells.
            (
                names,
                scan.any_attribute_written || !scan.placed_computed_files.is_empty(),
            )
        };
        let literal = |name: &str| (vec![name.to_string()], false);
        assert_eq!(written("setattr(conn, 'flush', f)\n"), literal("flush"));
        assert_eq!(
            written("setattr(\n    srv,\n    \"main\",\n    f,\n)\n"),
            literal("main")
        );
        assert_eq!(written("delattr(objs[0], 'x')\n"), literal("x"));
        // The dunder methods behind them write the same way.
        assert_eq!(
            written("type.__setattr__(Conn, \"execute\", f)\n"),
            literal("execute")
        );
        assert_eq!(
            written("object.__delattr__(conn, 'close')\n"),
            literal("close")
        );
        assert_eq!(
            written("patch.object(store, 'save', new=f)\n"),
            literal("save")
        );
        assert_eq!(written("setattr(srv, name, f)\n"), (vec![], true));
        assert_eq!(written("setattr(srv, f'x{n}', f)\n"), (vec![], true));
        assert_eq!(written("setattr(*args)\n"), (vec![], true));
        assert_eq!(
            written("patch.object(target=store, attribute='save')\n"),
            (vec![], true)
        );
        assert_eq!(written("setattr(srv, \")\", f)\n"), (vec![], true));
        assert_eq!(written("setattr(srv"), (vec![], true));
    }

    /// A `setattr`-like call with a computed name on a plain name is left
    /// to the file's summary (which may place it on a class's instances);
    /// on anything else, or through `patch.object`, it may write any
    /// attribute of any object.
    #[test]
    fn computed_writes_on_plain_names_are_left_to_the_summary() {
        for text in [
            "setattr(self, name, v)\n",
            "    setattr(cls, key, f)\n",
            "delattr(answer, key)\n",
            "object.__setattr__(self, name, v)\n",
            "setattr(\n    self,\n    name,\n    v,\n)\n",
        ] {
            let scan = by_bytes(&[text]);
            assert!(!scan.any_attribute_written, "{text}");
            assert_eq!(scan.placed_computed_files, [0], "{text}");
        }
        for text in [
            "setattr(self.device, name, v)\n",
            "setattr(type(self), name, v)\n",
            "setattr(objs[0], name, v)\n",
            "patch.object(self, name)\n",
            "setattr(*args)\n",
            "vars(self).update(kwargs)\n",
            "self.__dict__[key] = v\n",
        ] {
            assert!(by_bytes(&[text]).any_attribute_written, "{text}");
        }
    }

    /// Fragments that meet every branch of the scan: line ends of each
    /// kind, spaces Python and Unicode count, non-ASCII words, operators
    /// that start like an assignment.
    const FRAGMENTS: &[&str] = &[
        "class ",
        "del ",
        ".",
        "(",
        ")",
        ",",
        "type",
        "new_class",
        "make_dataclass",
        "setattr",
        "delattr",
        "patch.object",
        "patch",
        "object",
        " ",
        "  ",
        "\t",
        "\x0c",
        "\x0b",
        "\n",
        "\r",
        "\r\n",
        "=",
        "==",
        "+=",
        "-",
        "//=",
        "/",
        "**=",
        "*",
        ">>=",
        ">",
        "<<=",
        ":",
        "x",
        "_a1",
        "é",
        "ß.ü",
        "\u{85}",
        "\u{a0}",
        "\u{2028}",
        "\u{feff}",
        "Base",
        "m.Base",
        "1.5",
        "#",
        "'",
    ];

    proptest! {
        #[test]
        fn the_byte_scan_reads_as_the_lines_do(
            files in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..40),
                1..4,
            )
        ) {
            let texts: Vec<String> = files.iter().map(|parts| parts.concat()).collect();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            same(&texts)?;
        }
    }
}
