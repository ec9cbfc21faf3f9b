//! The project index: what asyncmod knows about the modules around the one
//! it fixes. A module is read, parsed and summarised the first time a
//! question needs it, and only its summary is kept (no syntax tree outlives
//! the question), so a run pays for the modules its findings depend on,
//! not for the whole project, and a run on one file knows what a run on
//! the whole project knows.
//!
//! `layout.rs` maps module names to files, `summary.rs` summarises one
//! module, and this file resolves dotted names through imports and
//! re-exports, conservatively: a name bound more than one way, a star
//! import, a module `__getattr__` or a chain that loops is unknown, and so
//! is a module some code of the project replaces in `sys.modules` (every
//! module, when the key cannot be read).

pub mod cache;
mod callers;
mod catches;
mod describe;
pub mod environment;
mod imports;
pub mod layout;
pub mod readers;

/// How many bases deep [`ProjectIndex::may_derive_from_cancelled_error`]
/// follows a class before it answers "may".
const MAX_CANCELLED_DEPTH: u8 = 16;
mod may_block;
mod quiet;
mod scan;
mod stateful;
pub mod summary;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, RwLock};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::semantic::blocking::{
    BlockingChain, BlockingSite, CallTarget, ChainStep, MAX_CHAIN, runs_when_called,
};
use crate::semantic::project::{
    FunctionFacts, LoopUse, NamedWrite, Origin, ProjectFacts, ProjectModule, Resolved, ValueWrite,
};
use crate::version::PyVersion;
pub use describe::Description;
use layout::{Layout, ModuleFile};
use quiet::Need;
use scan::ProjectScan;
use summary::{ClassSummary, FunctionCalls, FunctionSummary, ModuleSummary, Symbol};

/// How many imports a name may go through before the index gives up (a
/// re-export chain that long, or one that loops, is unknown).
const MAX_HOPS: usize = 16;
/// How many functions [`ProjectIndex::calls_keep_cancellation`] reads at most.
const MAX_CANCELLATION_FUNCTIONS: usize = 256;
/// How many modules [`ProjectIndex::reaches_cancellation_keeper`] reads at most.
const MAX_REACH_MODULES: usize = 2048;

/// One module's summary, made once (`None`: no code, or unreadable).
type SummaryCell = OnceLock<Option<Arc<ModuleSummary>>>;

/// Where a module is, and whether that is in the project (not in the
/// environment).
type Located = (Option<ModuleFile>, bool);

/// A question about who reads a module's name: the module's file, the
/// name, and whether it is a private name a fix would add.
type ReadQuestion = (PathBuf, Box<str>, bool);

/// One project: its layout, its entry points and the summaries read so far.
pub struct ProjectIndex {
    layout: Layout,
    /// Where summaries made in an earlier run are kept (see [`cache`]).
    cache: Option<cache::Cache>,
    /// The installed packages' directories (site-packages), when an
    /// environment was found: their modules are summarised the same way.
    environment: Option<Layout>,
    /// `[project.scripts]` targets as dotted names (`app.cli.main`).
    scripts: Vec<String>,
    /// The file that turns pytest-trio's `trio_mode` on (see
    /// [`read_trio_mode`]).
    trio_mode: Option<&'static str>,
    /// Summaries by module name; `None` for a module that has no code or
    /// could not be read or parsed. Each is made by one thread while the
    /// others that need it wait: two workers never parse one module at
    /// the same time (a generated module of megabytes costs tens of
    /// megabytes while it is parsed).
    summaries: RwLock<FxHashMap<Box<str>, Arc<SummaryCell>>>,
    /// Answers already given, by dotted name.
    resolved: RwLock<FxHashMap<Box<str>, Resolved>>,
    /// Answers already given for names whose first parts an import
    /// statement loaded (see [`ProjectFacts::resolve_loaded`]), by dotted
    /// name and how many parts.
    resolved_loaded: RwLock<FxHashMap<(Box<str>, usize), Resolved>>,
    /// Where each module asked about is (see [`Self::locate`]), and whether
    /// that is in the project: each name is looked for on disk once.
    located: RwLock<FxHashMap<Box<str>, Located>>,
    /// Answers of [`ProjectFacts::binds_loop_at_import`], by module.
    loop_bound: RwLock<FxHashMap<Box<str>, Option<String>>>,
    /// Answers of [`ProjectFacts::import_not_quiet`], by module.
    quiet: RwLock<FxHashMap<Box<str>, Option<String>>>,
    /// Answers of [`ProjectFacts::stateful`], by dotted name.
    stateful: RwLock<FxHashMap<Box<str>, Option<String>>>,
    /// The one text scan of the project's files: each class's direct
    /// subclasses by the short name of the base as written (see
    /// [`Self::subclasses_may_override`]), the attributes some code writes,
    /// and the files that name each module (see [`readers`]). Built on the
    /// first question that needs any of it.
    scan: OnceLock<ProjectScan>,
    /// The first two files of the project whose code may use an event loop
    /// outside any run of one (see [`ProjectFacts::loop_used_elsewhere`]),
    /// with absolute paths, on Python 3.10 or newer and before; worked out
    /// on the first question.
    loop_users: OnceLock<(Vec<LoopUse>, Vec<LoopUse>)>,
    /// For each of `catches::ASKED`, the first two files of the project
    /// whose code may catch it (see [`ProjectFacts::others_may_catch`]),
    /// worked out on the first question.
    catchers: OnceLock<catches::Catchers>,
    /// What the project's writes of attributes by computed names may reach
    /// (see [`Self::computed_writes`]), worked out on the first question.
    computed: OnceLock<ComputedReach>,
    /// The scan while one thread makes it: another that needs it
    /// meanwhile helps (see [`scan::Build`]).
    building: Mutex<Option<Arc<scan::Build>>>,
    /// The table of readers while one thread makes it (see
    /// [`Self::building`]).
    building_readers: Mutex<Option<Arc<scan::Build>>>,
    /// The table of readers, made apart from the scan (of the files it
    /// listed) on the first question about readers: only a fix that
    /// removes an import asks one, and most runs never do.
    readers_apart: OnceLock<readers::Readers>,
    /// Answers already given about who may read a name, by file and name.
    /// Answers of [`ProjectFacts::others_may_read`] (`false`) and
    /// [`ProjectFacts::others_may_read_new_private`] (`true`).
    read_answers: Mutex<FxHashMap<ReadQuestion, bool>>,
    /// Answers of [`ProjectFacts::shadowed_beside`], by directory and
    /// top-level name: asked for each call through an import, answered by
    /// looking at the disk once.
    shadowed: RwLock<FxHashMap<(PathBuf, Box<str>), bool>>,
    /// Answers of [`ProjectFacts::blocking_chain`], by function.
    blocking: RwLock<FxHashMap<Box<str>, Option<Arc<BlockingChain>>>>,
    /// What the functions of the last few modules a chain asked about
    /// call (see [`Self::module_calls`]), by module.
    recent_calls: Mutex<VecDeque<(Box<str>, Arc<CallsByFunction>)>>,
    /// Answers of [`ProjectFacts::may_block`], by dotted name.
    may_block_answers: RwLock<FxHashMap<Box<str>, bool>>,
    /// What the text of the last few modules that question read shows.
    recent_texts: Mutex<FxHashMap<Box<str>, Arc<may_block::TextFacts>>>,
    /// Whether a module reaches, through the imports run at its top level,
    /// a module with a coroutine that may keep a cancellation, by module
    /// (see [`Self::reaches_cancellation_keeper`]).
    keeper_reach: RwLock<FxHashMap<Box<str>, bool>>,
    /// Answers of [`Self::calls_keep_cancellation`], by function.
    keeping_calls: RwLock<FxHashMap<Box<str>, bool>>,
    /// Answers of [`ProjectFacts::property_may_raise`], by name.
    raising_properties: RwLock<FxHashMap<Box<str>, bool>>,
    /// Answers of [`ProjectFacts::parameter_passed`] (see [`callers`]).
    passed_parameters: RwLock<FxHashMap<callers::ParameterQuestion, Option<String>>>,
    /// Answers of [`ProjectFacts::attribute_named_writer`], by name.
    named_writers: RwLock<FxHashMap<ModuleMember, Option<NamedWrite>>>,
    /// Answers of [`ProjectFacts::attribute_value_writer`], by module word and name.
    value_writers: RwLock<FxHashMap<ModuleMember, ValueWrite>>,
    /// The other names packages' `__init__` files bind a module to, by
    /// module word (see [`Self::re_exported_as`]).
    re_exported: RwLock<FxHashMap<Box<str>, Vec<Box<str>>>>,
    /// Answers of [`Self::re_export_writer`], by module word and name.
    re_export_writes: RwLock<FxHashMap<ModuleMember, Option<NamedWrite>>>,
    /// The classes deriving from a class (see [`Self::descendants`]), by class.
    descendant_answers: RwLock<FxHashMap<Box<str>, Family>>,
    /// Answers of [`ProjectFacts::attribute_writer_reaching`], by class and name.
    reaching_writers: RwLock<FxHashMap<ClassMember, Option<String>>>,
    /// Answers of [`ProjectFacts::self_may_be_other`], by class and method.
    self_other_answers: RwLock<FxHashMap<ClassMember, Option<String>>>,
}

/// A class's absolute dotted name and one of its members' names.
type ClassMember = (Box<str>, Box<str>);

/// The classes deriving from a class, itself first (see
/// [`ProjectIndex::descendants`]); `None` when some may be unseen.
type Family = Option<Arc<[String]>>;

/// A module's last part and one of its members' names
/// (`("asyncio", "wait_for")`).
type ModuleMember = (Box<str>, Box<str>);

/// What the project's writes of attributes by a computed name
/// (`setattr(obj, name, v)`, `vars(obj)[key] = v`) may reach.
#[derive(Debug, Default)]
struct ComputedReach {
    /// One may reach any object (of any module): a write on what the index
    /// cannot place, or on an object of a metaclass.
    any: bool,
    /// Classes of the project (absolute, where they are defined) whose
    /// instances a write may reach, with those of their subclasses: a
    /// method's `setattr(self, name, v)`, or `setattr(answer, key, v)`
    /// after `answer = Answer(…)`.
    classes: FxHashSet<Box<str>>,
}

/// Bases of a class that make it no metaclass: a class that derives only
/// from these (through classes of the project) makes instances, not
/// classes.
const NO_METACLASS_BASES: &[&str] = &[
    "builtins.object",
    "abc.ABC",
    "typing.Generic",
    "typing_extensions.Generic",
    "typing.Protocol",
    "typing_extensions.Protocol",
    "builtins.Exception",
    "builtins.BaseException",
];

/// Whether the mention of a method's name at `at` (`len` bytes) in a
/// file's bytes is one that runs it on an instance of its own class (see
/// `ProjectIndex::methods_run_only_on_their_instances`): part of a longer
/// word, its `def`, or an attribute of `self` or of `super(…)`. Anything
/// else may hand it another object as its first parameter: `fill =
/// Loose.fill` in another class, `Loose.fill(other)`, `cls.fill(other)`,
/// `kind.fill(other)` with `kind` a class, a string `"fill"` given to
/// `getattr`, `self.fill.__func__(other)`; so may a call on an instance
/// (`loose.fill(…)`), which the text does not tell from a class.
fn runs_on_own_instance(bytes: &[u8], at: usize, len: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let before = bytes.get(..at).unwrap_or_default();
    let after = bytes.get(at + len..).unwrap_or_default();
    if before.last().copied().is_some_and(word) || after.first().copied().is_some_and(word) {
        return true;
    }
    let starts_word = |head: &[u8]| !head.last().copied().is_some_and(|b| word(b) || b == b'.');
    let trimmed = before.trim_ascii_end();
    if let Some(head) = trimmed.strip_suffix(b"def") {
        return starts_word(head);
    }
    let Some(receiver) = trimmed.strip_suffix(b".") else {
        return false;
    };
    // An attribute of the bound method (`self.fill.__func__`) takes the
    // function off its instance, to run it on another object.
    if after.trim_ascii_start().first() == Some(&b'.') {
        return false;
    }
    let receiver = receiver.trim_ascii_end();
    if receiver.strip_suffix(b"self").is_some_and(starts_word) {
        return true;
    }
    // `super()`, `super(Conn, self)`.
    receiver.ends_with(b")")
        && receiver
            .iter()
            .rposition(|&b| b == b'(')
            .and_then(|open| receiver.get(..open))
            .and_then(|head| head.strip_suffix(b"super"))
            .is_some_and(starts_word)
}

/// Whether a file's text may take a class's methods by a name the text
/// does not spell, to run one on any object: `getattr(kind, name)` (or
/// `inspect.getattr_static`) whose object is not `self` and whose name is
/// not one string literal (`getattr(Patcher, method_name)(target)`,
/// `getattr(cls, "pat" + "ch")`; `type.__getattribute__(Patcher, n)`;
/// `getattr` as a value), a namespace read on anything but `self`
/// (`vars(Patcher)[key]`, `Patcher.__dict__.values()`,
/// `type(self).__dict__`), `inspect.getmembers(…)`,
/// `operator.attrgetter(…)`, a bound method's `__func__` (`getattr(self,
/// name).__func__(other)`). The object may be a class, or a name bound
/// to one anywhere (`kind` above), which the text does not tell.
fn takes_methods_by_computed_name(bytes: &[u8]) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let starts_word = |at: usize| {
        at.checked_sub(1)
            .and_then(|b| bytes.get(b))
            .is_none_or(|&b| !word(b))
    };
    let is_self = |arg: &[u8]| arg.trim_ascii() == b"self";
    if memchr::memmem::find(bytes, b"getmembers(").is_some()
        || memchr::memmem::find(bytes, b"attrgetter(").is_some()
        || memchr::memmem::find(bytes, b"__func__").is_some()
    {
        return true;
    }
    // `getattr` as a value (`g = getattr`, `map(getattr, …)`): its calls
    // cannot be read.
    if memchr::memmem::find_iter(bytes, b"getattr").any(|at| {
        starts_word(at)
            && !bytes
                .get(at + b"getattr".len()..)
                .and_then(|rest| rest.first())
                .is_some_and(|&b| b == b'(' || word(b))
    }) {
        return true;
    }
    for spelled in [&b"getattr("[..], b"getattr_static(", b"__getattribute__("] {
        for at in memchr::memmem::find_iter(bytes, spelled) {
            let head = bytes.get(..at).unwrap_or_default();
            if !starts_word(at) || head.trim_ascii_end().ends_with(b"def") {
                continue;
            }
            let args = bytes.get(at + spelled.len()..).unwrap_or_default();
            let (first, rest) = split_argument(args);
            if is_self(first) {
                continue;
            }
            let Some(rest) = rest else {
                return true;
            };
            let (name, _) = split_argument(rest);
            if !is_one_string_literal(name) {
                return true;
            }
        }
    }
    for at in memchr::memmem::find_iter(bytes, b"vars(") {
        if !starts_word(at) {
            continue;
        }
        let (first, _) = split_argument(bytes.get(at + b"vars(".len()..).unwrap_or_default());
        if !first.trim_ascii().is_empty() && !is_self(first) {
            return true;
        }
    }
    for at in memchr::memmem::find_iter(bytes, b".__dict__") {
        let before = bytes.get(..at).unwrap_or_default().trim_ascii_end();
        let receiver_is_self = before
            .strip_suffix(b"self")
            .is_some_and(|head| !head.last().copied().is_some_and(|b| word(b) || b == b'.'));
        if !receiver_is_self {
            return true;
        }
    }
    false
}

/// The text of a call's argument that starts `args` (just past the `(` or
/// a `,`), up to the `,` or `)` that ends it outside brackets and strings,
/// and what follows that `,` (`None` when the call ends there or the text
/// does).
fn split_argument(args: &[u8]) -> (&[u8], Option<&[u8]>) {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut escaped = false;
    for (i, &b) in args.iter().enumerate() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => {
                return (args.get(..i).unwrap_or_default(), None);
            }
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                return (args.get(..i).unwrap_or_default(), args.get(i + 1..));
            }
            _ => {}
        }
    }
    (args, None)
}

/// Whether `text` is one plain string literal, quoted with `'` or `"`
/// and nothing else around it (no prefix, no `+`, no second literal).
fn is_one_string_literal(text: &[u8]) -> bool {
    let text = text.trim_ascii();
    let (Some(&open), Some(&close)) = (text.first(), text.last()) else {
        return false;
    };
    if text.len() < 2 || !(open == b'"' || open == b'\'') || close != open {
        return false;
    }
    let inner = text.get(1..text.len() - 1).unwrap_or_default();
    !inner.contains(&open) && !inner.contains(&b'\\')
}

/// Whether a file's text may define a metaclass: a class statement whose
/// bases name `type` or a word with `meta` in it (`class Meta(type)`,
/// `class M(ABCMeta)`, `metaclass=`), or whose bases go on past its line.
fn may_define_metaclass(bytes: &[u8]) -> bool {
    bytes.split(|&b| b == b'\n').any(|line| {
        let Some(rest) = line.trim_ascii_start().strip_prefix(b"class ") else {
            return false;
        };
        let Some(open) = rest.iter().position(|&b| b == b'(') else {
            return false;
        };
        let bases = rest.get(open..).unwrap_or_default();
        let Some(close) = bases.iter().rposition(|&b| b == b')') else {
            return true;
        };
        let bases = bases.get(..close).unwrap_or_default().to_ascii_lowercase();
        memchr::memmem::find(&bases, b"type").is_some()
            || memchr::memmem::find(&bases, b"meta").is_some()
    })
}

/// What each plain function and method of one module calls, by its name
/// in the module (`fetch`, `Client.get`).
type CallsByFunction = FxHashMap<Box<str>, FunctionCalls>;

/// How many modules' [`CallsByFunction`] the index keeps at a time.
const RECENT_CALLS: usize = 8;

impl std::fmt::Debug for ProjectIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProjectIndex")
            .field("root", &self.layout.root)
            .finish_non_exhaustive()
    }
}

impl ProjectIndex {
    pub fn new(layout: Layout) -> ProjectIndex {
        ProjectIndex::with_environment(layout, None, &cache::CacheDir::Off)
    }

    /// An index that also reads the installed packages under
    /// `site_packages`, and keeps its summaries where `cache` says.
    pub fn with_environment(
        layout: Layout,
        site_packages: Option<Vec<PathBuf>>,
        cache: &cache::CacheDir,
    ) -> ProjectIndex {
        let scripts = read_scripts(&layout.root);
        let trio_mode = read_trio_mode(&layout.root);
        let environment = site_packages
            .filter(|dirs| !dirs.is_empty())
            .map(|dirs| Layout {
                root: dirs[0].clone(),
                source_roots: dirs,
            });
        ProjectIndex {
            environment,
            cache: cache.for_root(&layout.root),
            layout,
            scripts,
            trio_mode,
            summaries: RwLock::new(FxHashMap::default()),
            resolved: RwLock::new(FxHashMap::default()),
            resolved_loaded: RwLock::new(FxHashMap::default()),
            located: RwLock::new(FxHashMap::default()),
            loop_bound: RwLock::new(FxHashMap::default()),
            quiet: RwLock::new(FxHashMap::default()),
            stateful: RwLock::new(FxHashMap::default()),
            scan: OnceLock::new(),
            loop_users: OnceLock::new(),
            catchers: OnceLock::new(),
            computed: OnceLock::new(),
            building: Mutex::new(None),
            readers_apart: OnceLock::new(),
            building_readers: Mutex::new(None),
            read_answers: Mutex::new(FxHashMap::default()),
            shadowed: RwLock::new(FxHashMap::default()),
            blocking: RwLock::new(FxHashMap::default()),
            recent_calls: Mutex::new(VecDeque::new()),
            may_block_answers: RwLock::new(FxHashMap::default()),
            recent_texts: Mutex::new(FxHashMap::default()),
            keeper_reach: RwLock::new(FxHashMap::default()),
            keeping_calls: RwLock::new(FxHashMap::default()),
            raising_properties: RwLock::new(FxHashMap::default()),
            passed_parameters: RwLock::new(FxHashMap::default()),
            named_writers: RwLock::new(FxHashMap::default()),
            value_writers: RwLock::new(FxHashMap::default()),
            re_exported: RwLock::new(FxHashMap::default()),
            re_export_writes: RwLock::new(FxHashMap::default()),
            descendant_answers: RwLock::new(FxHashMap::default()),
            reaching_writers: RwLock::new(FxHashMap::default()),
            self_other_answers: RwLock::new(FxHashMap::default()),
        }
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The functions `[project.scripts]` names, as dotted names.
    pub fn scripts(&self) -> &[String] {
        &self.scripts
    }

    /// The summary of `module`, read and parsed on first use.
    pub fn summary(&self, module: &str) -> Option<Arc<ModuleSummary>> {
        let known = self
            .summaries
            .read()
            .ok()
            .and_then(|known| known.get(module).cloned());
        let cell = match known {
            Some(cell) => cell,
            None => match self.summaries.write() {
                Ok(mut known) => known.entry(module.into()).or_default().clone(),
                Err(_) => Arc::default(),
            },
        };
        cell.get_or_init(|| match self.locate(module) {
            Some(ModuleFile::Source { path, package }) => {
                read_summary(module, &path, package, self.cache.as_ref())
            }
            Some(ModuleFile::Namespace(_)) | None => None,
        })
        .clone()
    }

    /// The file behind `module`: in the project, else (when the project has
    /// no top-level module of that name) in the environment.
    fn locate(&self, module: &str) -> Option<ModuleFile> {
        self.located(module).0
    }

    /// Whether `module` is a module of the project itself.
    fn in_project(&self, module: &str) -> bool {
        self.located(module).1
    }

    /// [`Self::locate`], and whether the file is in the project.
    fn located(&self, module: &str) -> Located {
        if let Ok(known) = self.located.read()
            && let Some(found) = known.get(module)
        {
            return found.clone();
        }
        let found = self.locate_uncached(module);
        if let Ok(mut known) = self.located.write() {
            known.insert(module.into(), found.clone());
        }
        found
    }

    fn locate_uncached(&self, module: &str) -> Located {
        let top = module.split('.').next().unwrap_or(module);
        if let Some(found) = self.layout.find_module(module) {
            return (Some(found), true);
        }
        // A name under a top-level module of the project is never the
        // environment's.
        if top != module && self.in_project(top) {
            return (None, false);
        }
        let environment = self
            .environment
            .as_ref()
            .and_then(|environment| environment.find_module(module));
        (environment, false)
    }

    fn resolve_hops(&self, qualified: &str, hops: usize) -> Resolved {
        self.resolve_loaded_hops(qualified, 1, hops)
    }

    /// [`Self::resolve_hops`] for a name whose first `loaded` parts an
    /// import statement loaded (see [`ProjectFacts::resolve_loaded`]).
    fn resolve_loaded_hops(&self, qualified: &str, loaded: usize, hops: usize) -> Resolved {
        if hops > MAX_HOPS {
            return Resolved::Unknown;
        }
        // A top-level module is loaded by any import of a name under it.
        let loaded = loaded.max(1);
        if loaded == 1 {
            if let Ok(known) = self.resolved.read()
                && let Some(answer) = known.get(qualified)
            {
                return answer.clone();
            }
        } else if let Ok(known) = self.resolved_loaded.read()
            && let Some(answer) = known.get(&(Box::<str>::from(qualified), loaded))
        {
            return answer.clone();
        }
        let answer = self.resolve_uncached(qualified, loaded, hops);
        if loaded == 1 {
            if let Ok(mut known) = self.resolved.write() {
                known.insert(qualified.into(), answer.clone());
            }
        } else if let Ok(mut known) = self.resolved_loaded.write() {
            known.insert((qualified.into(), loaded), answer.clone());
        }
        answer
    }

    fn resolve_uncached(&self, qualified: &str, loaded: usize, hops: usize) -> Resolved {
        // A relative import that climbs above the top package fails.
        if qualified.starts_with('.') {
            return Resolved::Unknown;
        }
        let parts: Vec<&str> = qualified.split('.').collect();
        if parts.first().is_some_and(|first| *first == "builtins") {
            return Resolved::External(qualified.to_string());
        }
        // Code that writes `sys.modules` may make an import of this name
        // give any object (`sys.modules["app.store"] = sync_store`).
        if self.scan().may_replace_module(qualified) {
            return Resolved::Unknown;
        }
        // A project module named like a standard module: the interpreter
        // may have imported the standard one at start (`site` imports
        // `os`; a `.pth` file may import any), or the project's may come
        // first on `sys.path`: which one an import gives is unknown.
        if parts.first().is_some_and(|top| {
            crate::semantic::project::standard_module(top)
                && !crate::semantic::project::is_built_in_module(top)
                && self.in_project(top)
        }) {
            return Resolved::Unknown;
        }
        // Two source roots holding the same top-level module (`app/` and
        // `src/app/`): which one an import finds depends on how the program
        // is run (a script's directory comes first on `sys.path`, an
        // installed package otherwise).
        if parts
            .first()
            .is_some_and(|top| self.layout.in_several_roots(top))
        {
            return Resolved::Unknown;
        }
        // The longest prefix that is a module of the project.
        for split in (1..=parts.len()).rev() {
            let module = parts[..split].join(".");
            let Some(file) = self.locate(&module) else {
                continue;
            };
            // A compiled extension beside the source (`store.abi3.so`
            // next to `store.py`) is imported first: the source says
            // nothing of what the import gives.
            if let ModuleFile::Source {
                path,
                package: false,
            } = &file
                && extension_beside(path).is_some()
            {
                return Resolved::Unknown;
            }
            // `from app import store` reaches app/__init__.py's `store` before
            // the submodule app/store.py: when both exist, say nothing.
            if split > 1
                && let Some(parent) = self.summary(&parts[..split - 1].join("."))
                && parent.symbols.contains_key(parts[split - 1])
            {
                return Resolved::Unknown;
            }
            // A package above with a module `__getattr__` (PEP 562) answers
            // `app.store` after `import app` (or `from app import store`) as
            // long as the submodule has not been imported: it may give
            // another object. Not a package an import statement went
            // through (`from app.store import save` imports `app.store`
            // itself, and asks no `__getattr__` for it).
            if (loaded..split).any(|above| {
                self.summary(&parts[..above].join("."))
                    .is_some_and(|package| package.has_getattr)
            }) {
                return Resolved::Unknown;
            }
            // A submodule read as its package's attribute may have been
            // replaced there by another file (`svc.store = fake`,
            // `mock.patch("svc.store", …)`); `import svc.store as st` reads
            // it so too, and `from svc.store import save` is taken alike.
            if (1..split).any(|above| {
                let package = parts[..above].join(".");
                self.module_attribute_may_be_written(&package, parts[above])
            }) {
                return Resolved::Unknown;
            }
            return self.resolve_in(&module, &file, &parts[split..], hops);
        }
        Resolved::External(qualified.to_string())
    }

    /// `rest` (`["Repo", "save"]`) inside the module `module`.
    fn resolve_in(&self, module: &str, file: &ModuleFile, rest: &[&str], hops: usize) -> Resolved {
        let Some((&name, tail)) = rest.split_first() else {
            return Resolved::Module(module.to_string());
        };
        if !matches!(file, ModuleFile::Source { .. }) {
            return Resolved::Unknown;
        }
        let Some(summary) = self.summary(module) else {
            return Resolved::Unknown;
        };
        // A star import may rebind any name after its statement, and a
        // module that writes its own namespace may rebind any name.
        if !summary.star_imports.is_empty() || summary.rebinds_namespace {
            return Resolved::Unknown;
        }
        let qualified = format!("{module}.{name}");
        match summary.symbols.get(name) {
            // Another module may replace it (`store.save = fake`).
            // Another module may replace it (`store.save = fake`).
            Some(Symbol::Function(_)) if self.may_write_attribute(name) => Resolved::Unknown,
            // Or the class, written on its module (`store.Store = SyncStore`,
            // `mock.patch("app.store.Store")`).
            Some(Symbol::Class(_)) if self.module_attribute_may_be_written(module, name) => {
                Resolved::Unknown
            }
            Some(Symbol::Function(function)) if tail.is_empty() => Resolved::Function {
                qualified,
                facts: self.facts_of(function),
                origin: self.origin(&summary, function.line),
            },
            Some(Symbol::Class(class)) => match tail {
                [] => Resolved::Class {
                    qualified,
                    origin: self.origin(&summary, class.line),
                },
                [method] => self.method_hops(&qualified, method, hops + 1),
                _ => Resolved::Unknown,
            },
            Some(Symbol::Import(target)) => {
                let mut next = target.to_string();
                for part in tail {
                    next.push('.');
                    next.push_str(part);
                }
                // `from .client import Session` loads `app.client`; `import
                // app.client as c` loads it all, taken as its package only.
                let loaded = target.split('.').count().saturating_sub(1);
                self.resolve_loaded_hops(&next, loaded, hops + 1)
            }
            // Another module may replace the object (`db.repo = Fake()`).
            Some(Symbol::Assigned { .. }) if self.may_write_attribute(name) => Resolved::Unknown,
            Some(Symbol::Assigned {
                callee: Some(callee),
                line,
            }) => {
                match (self.resolve_hops(callee, hops + 1), tail) {
                    (
                        Resolved::Class {
                            qualified: class, ..
                        },
                        [],
                    ) if self.constructs_itself(&class, hops + 1) => Resolved::Instance {
                        class,
                        origin: self.origin(&summary, *line),
                    },
                    // A method called on an instance of exactly this class.
                    (
                        Resolved::Class {
                            qualified: class, ..
                        },
                        [method],
                    ) => self.instance_method_hops(&class, method, hops + 1),
                    _ => Resolved::Unknown,
                }
            }
            _ => Resolved::Unknown,
        }
    }

    /// [`ProjectFacts::may_keep_cancellation`], following re-exports.
    /// `reach`: a name the index cannot follow (an alias, a decorated
    /// function, a name a module `__getattr__` or star import may give)
    /// may be any coroutine the modules its module imports may give.
    fn keeps_cancellation_hops(&self, qualified: &str, hops: usize, reach: bool) -> bool {
        let parts: Vec<&str> = qualified.split('.').collect();
        for split in (1..=parts.len()).rev() {
            let module = parts[..split].join(".");
            if !self.in_project(&module) {
                continue;
            }
            let Some(summary) = self.summary(&module) else {
                return false;
            };
            // A name the index cannot follow may be any coroutine of
            // the module.
            let module_keeps = || self.module_may_give_keeper(&module, &summary, hops, reach);
            let Some((name, tail)) = parts[split..].split_first() else {
                // The module itself.
                return self.module_keeps_cancellation(&summary);
            };
            let function_keeps = |function: &FunctionSummary, at: String| {
                !function.lets_cancellation_out || self.calls_keep_cancellation(&at)
            };
            // A manager factory of the module (a function a decorator
            // makes one of, `@asynccontextmanager`) that other code may
            // replace (`conn.session = tolerant_session`, `setattr(conn,
            // "session", Tolerant)`): the one called may be any.
            if tail.is_empty()
                && matches!(summary.symbols.get(*name), Some(Symbol::Function(function)) if !function.transparent)
                && self.module_attribute_written(&module, name)
            {
                return true;
            }
            // A star import after the module's own binding may bind the
            // name again (`async def job` then `from .fast import *`): what
            // the star imports give counts too.
            if hops < MAX_HOPS
                && summary.star_rebound.iter().any(|n| n.as_ref() == *name)
                && summary.star_imports.iter().any(|star| {
                    self.keeps_cancellation_hops(&star_path(star, name, tail), hops + 1, reach)
                })
            {
                return true;
            }
            return match summary.symbols.get(*name) {
                Some(Symbol::Import(target)) if hops < MAX_HOPS => {
                    let mut next = target.to_string();
                    for part in tail {
                        next.push('.');
                        next.push_str(part);
                    }
                    self.keeps_cancellation_hops(&next, hops + 1, reach)
                }
                // Too many hops to follow: unknown.
                Some(Symbol::Import(_)) => true,
                // A coroutine function: what its code and the project's
                // code it calls do; a plain one, what the calls it returns
                // give.
                Some(Symbol::Function(function)) if function.transparent => {
                    tail.is_empty() && function_keeps(function, format!("{module}.{name}"))
                }
                // A class: what its methods do (an instance's), those it
                // inherits from bases of other modules too.
                Some(Symbol::Class(class)) if class.keeps_methods => match tail {
                    [] => self.class_keeps_cancellation(
                        &format!("{module}.{name}"),
                        None,
                        hops,
                        reach,
                    ),
                    // Not its own: a base's, or one bound otherwise.
                    [method] => {
                        self.class_keeps_cancellation(
                            &format!("{module}.{name}"),
                            Some(method),
                            hops,
                            reach,
                        ) || (!class.methods.contains_key(*method) && module_keeps())
                    }
                    _ => module_keeps(),
                },
                None if !summary.has_getattr && summary.star_imports.is_empty() => false,
                _ => module_keeps(),
            };
        }
        false
    }

    /// Whether a name of `module` the index cannot follow may be a
    /// coroutine that keeps a cancellation (see
    /// [`Self::keeps_cancellation_hops`]).
    fn module_may_give_keeper(
        &self,
        module: &str,
        summary: &ModuleSummary,
        hops: usize,
        reach: bool,
    ) -> bool {
        self.module_keeps_cancellation(summary)
            || (hops < MAX_HOPS
                && summary.wrapped_by.iter().any(|decorator| {
                    self.keeps_cancellation_hops(decorator, hops + 1, reach)
                        || self.decorator_enters_keeper_hops(decorator, hops + 1)
                }))
            || (reach && self.reaches_cancellation_keeper(module))
    }

    /// Whether the decorator `decorator` (absolute; the name a decorator
    /// names or calls) may be a context manager that
    /// `contextlib.ContextDecorator` or `AsyncContextDecorator` makes a
    /// decorator of: its wrapper (library code) enters the manager around
    /// each call of the function, so an exit that keeps a cancellation
    /// keeps the coroutine's. A project class that derives (or may derive)
    /// from one of them with an exit that may keep it, or an instance of
    /// one bound at module level; a function returning a manager that may
    /// keep it (`db.transaction()`), or a name the index cannot follow, in
    /// a module that defines such a class.
    fn decorator_enters_keeper_hops(&self, decorator: &str, hops: usize) -> bool {
        if hops > MAX_HOPS {
            return true;
        }
        match self.resolve_hops(decorator, hops + 1) {
            Resolved::Class { qualified, .. } => {
                self.keeping_context_decorator(&qualified, hops + 1)
            }
            Resolved::Instance { class, .. } => self.keeping_context_decorator(&class, hops + 1),
            Resolved::External(_) | Resolved::Module(_) => false,
            Resolved::Function {
                qualified, facts, ..
            } => {
                (!facts.is_async && !facts.lets_cancellation_out)
                    || self.module_defines_keeping_context_decorator(&self.module_of(&qualified))
            }
            Resolved::Unknown => self
                .project_module_of(decorator)
                .is_some_and(|module| self.module_defines_keeping_context_decorator(&module)),
        }
    }

    /// Whether the project class `class` may derive from
    /// `contextlib.ContextDecorator` or `AsyncContextDecorator` and has an
    /// exit that may keep a cancellation.
    fn keeping_context_decorator(&self, class: &str, hops: usize) -> bool {
        self.may_derive_from_context_decorator(class, hops)
            && self.class_exit_may_keep(class, &["__exit__", "__aexit__"], hops)
    }

    /// Whether the project class `class` may derive from
    /// `contextlib.ContextDecorator` or `AsyncContextDecorator`: a base
    /// names one, or a base the index cannot follow may be one.
    fn may_derive_from_context_decorator(&self, class: &str, hops: usize) -> bool {
        if hops > MAX_HOPS {
            return true;
        }
        let Some((_, found)) = self.class(class) else {
            return true;
        };
        found.bases.iter().flatten().any(|base| {
            matches!(
                base.as_ref(),
                "contextlib.ContextDecorator" | "contextlib.AsyncContextDecorator"
            )
        }) || self.bases_may(&found, hops, true, &|base, hops| {
            self.may_derive_from_context_decorator(base, hops)
        })
    }

    /// Whether the project module `module` defines a class that may be a
    /// context decorator whose exit may keep a cancellation (see
    /// [`Self::decorator_enters_keeper_hops`]).
    fn module_defines_keeping_context_decorator(&self, module: &str) -> bool {
        let Some(summary) = self.summary(module) else {
            return false;
        };
        summary
            .keeping_exits
            .iter()
            .any(|name| self.keeping_context_decorator(&format!("{module}.{name}"), 0))
    }

    /// Whether a method of an instance of the project class `class` may
    /// keep a cancellation: `method` (the first `def` of it along the
    /// class's bases), or any of them (`None`: awaiting, entering or
    /// iterating it runs its dunders). Bases of other project modules are
    /// followed; a base the index cannot follow (a project name bound
    /// otherwise, one whose module has star imports, an opaque base) may
    /// give any method; a library's base is trusted, as the library's code
    /// is.
    fn class_keeps_cancellation(
        &self,
        class: &str,
        method: Option<&str>,
        hops: usize,
        reach: bool,
    ) -> bool {
        self.class_keeps_in(class, method, hops, reach, method.is_some())
    }

    /// [`Self::class_keeps_cancellation`]; `unknown_may`: a base the index
    /// cannot follow may give `method`. Asked of the class itself (`None`:
    /// called, imported, held), its own methods count, and of its bases
    /// only what awaiting, entering or iterating an instance runs (its
    /// `__await__`, `__aenter__`, `__aexit__`, `__aiter__`, `__anext__`),
    /// as far as the index follows them: calling a class runs none of its
    /// coroutines, and a method called on an instance is asked by its
    /// name (`Worker().run()`), where a base the index cannot follow may
    /// give it.
    fn class_keeps_in(
        &self,
        class: &str,
        method: Option<&str>,
        hops: usize,
        reach: bool,
        unknown_may: bool,
    ) -> bool {
        if hops > MAX_HOPS {
            return true;
        }
        let Some((summary, found)) = self.class(class) else {
            return true;
        };
        let module = class.rsplit_once('.').map_or(class, |(module, _)| module);
        if !found.keeps_methods {
            return self.module_may_give_keeper(module, &summary, hops, reach);
        }
        let keeps = |function: &FunctionSummary, at: String| {
            !function.lets_cancellation_out || self.calls_keep_cancellation(&at)
        };
        match method {
            None => {
                if found
                    .methods
                    .iter()
                    .any(|(name, function)| keeps(function, format!("{class}.{name}")))
                {
                    return true;
                }
            }
            Some(name) => {
                if let Some(function) = found.methods.get(name) {
                    return keeps(function, format!("{class}.{name}"));
                }
                if found.other_names.contains(name) {
                    return self.module_may_give_keeper(module, &summary, hops, reach);
                }
            }
        }
        match method {
            Some(_) => self.bases_may(&found, hops, unknown_may, &|base, hops| {
                self.class_keeps_in(base, method, hops, reach, unknown_may)
            }),
            None => self.bases_may(&found, hops, false, &|base, hops| {
                [
                    "__await__",
                    "__aenter__",
                    "__aexit__",
                    "__aiter__",
                    "__anext__",
                ]
                .iter()
                .any(|dunder| self.class_keeps_in(base, Some(dunder), hops, reach, false))
            }),
        }
    }

    /// Whether `ask` may hold for a base of the project class `found`
    /// (asked of each base that is a class of the project, with the hops
    /// so far): a base the index cannot follow (a project name bound
    /// otherwise or behind a star import, a call, an opaque base) may
    /// when `unknown_may`; a library's or the standard library's is trusted. A base without a
    /// name (`Base[T]`) is asked through the project classes written in it.
    fn bases_may(
        &self,
        found: &ClassSummary,
        hops: usize,
        unknown_may: bool,
        ask: &dyn Fn(&str, usize) -> bool,
    ) -> bool {
        if found.opaque_base {
            return unknown_may;
        }
        found.bases.iter().any(|base| match base {
            Some(base) => match self.resolve_hops(base, hops + 1) {
                Resolved::Class { qualified, .. } => ask(&qualified, hops + 1),
                Resolved::External(_) | Resolved::Module(_) => false,
                Resolved::Function { .. } | Resolved::Instance { .. } | Resolved::Unknown => {
                    unknown_may
                }
            },
            None => found.base_mentions.iter().any(|mention| {
                matches!(
                    self.resolve_hops(mention, hops + 1),
                    Resolved::Class { ref qualified, .. } if ask(qualified, hops + 1)
                )
            }),
        })
    }

    /// Whether entering an instance of the project class `class` may run
    /// an exit that keeps a cancellation: for each of `wanted` (`__exit__`,
    /// `__aexit__`) not yet bound, the class's own (its summary lists the
    /// classes whose own exits, or those of bases of their module, may
    /// keep it: see `ModuleSummary::keeping_exits`), else its bases',
    /// those of other project modules followed (see [`Self::bases_may`]).
    fn class_exit_may_keep(&self, class: &str, wanted: &[&str], hops: usize) -> bool {
        if hops > MAX_HOPS {
            return true;
        }
        let Some((summary, found)) = self.class(class) else {
            return true;
        };
        // Its exits may be others than its body binds: a metaclass or a
        // class decorator may bind them, other code of the project may
        // write them (`conn.Conn.__aexit__ = tolerant`, `setattr(Conn,
        // "__aexit__", f)`, a function given the class), a base written
        // as a subscript may be any class its `__class_getitem__` makes.
        if !found.keeps_subclass_methods
            || wanted
                .iter()
                .any(|exit| self.written_elsewhere(class, exit))
            || self.base_made_by_class_getitem(&found, hops)
        {
            return true;
        }
        let (own, left): (Vec<&str>, Vec<&str>) = wanted.iter().partition(|exit| {
            found.methods.contains_key(**exit) || found.other_names.contains(**exit)
        });
        // An exit it binds itself hides its bases'; the summary's answer
        // covers those of the bases of its module too.
        let name = class.rsplit('.').next().unwrap_or(class);
        if (!own.is_empty() || hops == 0)
            && summary.keeping_exits.iter().any(|n| n.as_ref() == name)
        {
            return true;
        }
        // An exit that calls code of other modules, or a method of its
        // module's classes that other code may write (`self.release()`
        // with `conn.Conn.release = strict`), which may raise in place of
        // the cancellation.
        if own.iter().any(|exit| {
            found.methods.get(*exit).is_some_and(|method| {
                method
                    .raises_left
                    .iter()
                    .any(|callee| self.may_raise_here(callee))
            })
        }) {
            return true;
        }
        if left.is_empty() {
            return false;
        }
        // `contextlib.suppress` keeps what it is given.
        if found.bases.iter().flatten().any(|base| {
            matches!(self.resolve_hops(base, hops + 1), Resolved::External(ref e) if e == "contextlib.suppress")
        }) {
            return true;
        }
        self.bases_may(&found, hops, true, &|base, hops| {
            self.class_exit_may_keep(base, &left, hops)
        })
    }

    /// Whether code of the project other than the module of the project
    /// class `class` may write its attribute `name` (see
    /// [`ProjectFacts::attribute_writer_reaching`]); the module's own writes
    /// are read by its summary.
    fn written_elsewhere(&self, class: &str, name: &str) -> bool {
        self.computed_write_reaches(class, 0)
            || self
                .find_attribute_writer_reaching(
                    class,
                    name,
                    class.rsplit_once('.').map(|(module, _)| module),
                )
                .is_some()
    }

    /// Whether the exits of the project class `class`, entered by its own
    /// module (whose summary read them), may be others than that module
    /// shows: bound by a metaclass or class decorator, written by other
    /// code of the project, made by a subscripted base's
    /// `__class_getitem__`, along its project bases; or the class bound
    /// again by other code.
    fn exits_replaced(&self, class: &str, hops: usize) -> bool {
        if hops > MAX_HOPS {
            return true;
        }
        let Some((_, found)) = self.class(class) else {
            return self.exit_may_keep_cancellation(class);
        };
        !found.keeps_subclass_methods
            || ["__exit__", "__aexit__"]
                .iter()
                .any(|exit| self.written_elsewhere(class, exit))
            || self.base_made_by_class_getitem(&found, hops)
            || class
                .rsplit_once('.')
                .is_some_and(|(module, name)| self.module_attribute_written(module, name))
            || self.bases_may(&found, hops, false, &|base, hops| {
                self.exits_replaced(base, hops)
            })
    }

    /// Whether a base of `found` written as a subscript (`Base[int]`) may
    /// be what a project class's `__class_getitem__` returns: any class.
    fn base_made_by_class_getitem(&self, found: &ClassSummary, hops: usize) -> bool {
        found.bases.iter().any(Option::is_none)
            && found.base_mentions.iter().any(|mention| {
                match self.resolve_hops(mention, hops + 1) {
                    Resolved::Class { qualified, .. } => {
                        self.class_binds_anywhere(&qualified, "__class_getitem__", hops + 1)
                    }
                    _ => false,
                }
            })
    }

    /// Whether the project class `class` or one of its project bases
    /// binds `name` in its body; "may" past [`MAX_HOPS`] or for a class
    /// the index cannot read.
    fn class_binds_anywhere(&self, class: &str, name: &str, hops: usize) -> bool {
        if hops > MAX_HOPS {
            return true;
        }
        let Some((_, found)) = self.class(class) else {
            return true;
        };
        found.methods.contains_key(name)
            || found.other_names.contains(name)
            || self.bases_may(&found, hops, false, &|base, hops| {
                self.class_binds_anywhere(base, name, hops)
            })
    }

    /// See [`ProjectFacts::calls_may_keep_cancellation`]: the functions
    /// reached are read once each; past [`MAX_CANCELLATION_FUNCTIONS`] of
    /// them, "may".
    ///
    /// Each function is read once per index: its answer depends on the
    /// function alone. A question that comes back to a function whose
    /// calls this thread is still reading (`a` calls `b` through a name
    /// the index follows by its class, whose methods call `a`) adds
    /// nothing to what that reading finds, and is answered `false` there.
    /// An answer `false` that leaned on such a cut holds only as far as
    /// the first reading on the thread finds nothing: it is reused while
    /// that reading goes on, and kept if it ends `false` (nothing any of
    /// them reach may keep a cancellation), dropped otherwise.
    fn calls_keep_cancellation(&self, qualified: &str) -> bool {
        if let Ok(known) = self.keeping_calls.read()
            && let Some(&answer) = known.get(qualified)
        {
            return answer;
        }
        let key = (
            std::ptr::from_ref(self) as usize,
            Box::<str>::from(qualified),
        );
        let Some(cuts) = KEEPING_READ.with_borrow_mut(|reading| {
            if reading.provisional.contains(&key) {
                None
            } else if reading.functions.insert(key.clone()) {
                Some(reading.cuts)
            } else {
                reading.cuts += 1;
                None
            }
        }) else {
            return false;
        };
        KEEPING_READS.with(|reads| reads.set(reads.get() + 1));
        let answer = self.calls_keep_cancellation_read(qualified);
        let (cut, settled) = KEEPING_READ.with_borrow_mut(|reading| {
            reading.functions.remove(&key);
            let cut = reading.cuts != cuts;
            if cut && !answer {
                reading.provisional.insert(key.clone());
            }
            let mut settled = Vec::new();
            if !reading.functions.iter().any(|(index, _)| *index == key.0) {
                reading.provisional.retain(|provisional| {
                    if provisional.0 == key.0 {
                        settled.push(provisional.1.clone());
                        false
                    } else {
                        true
                    }
                });
            }
            (cut, settled)
        });
        if let Ok(mut known) = self.keeping_calls.write() {
            if answer || !cut {
                known.insert(key.1, answer);
            }
            if !answer {
                for function in settled {
                    known.insert(function, false);
                }
            }
        }
        answer
    }

    /// [`Self::calls_keep_cancellation`], read.
    fn calls_keep_cancellation_read(&self, qualified: &str) -> bool {
        let mut seen: FxHashSet<String> = FxHashSet::default();
        let mut stack = vec![qualified.to_string()];
        while let Some(current) = stack.pop() {
            if !seen.insert(current.clone()) {
                continue;
            }
            if seen.len() > MAX_CANCELLATION_FUNCTIONS {
                return true;
            }
            let Some(function) = self.function_summary(&current) else {
                continue;
            };
            if self.left_keeps_cancellation(&function.cancellation_left) {
                return true;
            }
            if !function.cancellation_untraced.is_empty()
                && let Some((owner, _)) = current.rsplit_once('.')
                && self.untraced_may_keep(
                    self.module_of(owner).as_str(),
                    &function.cancellation_untraced,
                )
            {
                return true;
            }
            for call in &function.cancellation_calls {
                // A manager that may keep it, entered there.
                if self.exit_may_keep_cancellation(call) {
                    return true;
                }
                match self.resolve(call) {
                    Resolved::Function {
                        qualified: defined,
                        facts,
                        ..
                    } if facts.transparent => {
                        if !facts.lets_cancellation_out {
                            return true;
                        }
                        if facts.is_async || !facts.returns_nothing {
                            stack.push(defined);
                        }
                    }
                    // An instance: awaited, entered or iterated there, it
                    // runs its `__await__`, `__aenter__`, `__aiter__` or
                    // `__anext__`.
                    Resolved::Class {
                        qualified: class, ..
                    } => {
                        for dunder in ["__await__", "__aenter__", "__aiter__", "__anext__"] {
                            match self.method(&class, dunder) {
                                Resolved::Function {
                                    qualified: defined,
                                    facts,
                                    ..
                                } => {
                                    if !facts.transparent || !facts.lets_cancellation_out {
                                        return true;
                                    }
                                    stack.push(defined);
                                }
                                // Several bases, or one the index cannot
                                // follow: what each base may give.
                                Resolved::Unknown
                                    if self.class_keeps_cancellation(
                                        &class,
                                        Some(dunder),
                                        0,
                                        false,
                                    ) =>
                                {
                                    return true;
                                }
                                _ => {}
                            }
                        }
                    }
                    // A library's name; a module.
                    Resolved::External(_) | Resolved::Module(_) => {}
                    _ => {
                        if self.keeps_cancellation_hops(call, 0, true) {
                            return true;
                        }
                    }
                }
            }
        }
        false
    }

    /// The module a dotted name of a module or of a class in it names: the
    /// longest prefix that is a module of the project.
    fn module_of(&self, dotted: &str) -> String {
        let parts: Vec<&str> = dotted.split('.').collect();
        for split in (1..=parts.len()).rev() {
            let module = parts[..split].join(".");
            if self.summary(&module).is_some() {
                return module;
            }
        }
        dotted.to_string()
    }

    /// Whether the awaited calls of `module`'s code that it cannot trace
    /// (by the methods they call, see
    /// `semantic::cancellation::CancellationFacts::untraced`) may reach a
    /// coroutine that keeps a cancellation: the module uses an import that
    /// may give one as a value, or imports from a module with a coroutine
    /// of that method's name that may.
    fn untraced_may_keep(&self, module: &str, untraced: &[Box<str>]) -> bool {
        let Some(summary) = self.summary(module) else {
            return false;
        };
        if summary.escaping_imports.iter().any(|path| {
            !matches!(self.resolve(path), Resolved::Class { .. })
                && self.keeps_cancellation_hops(path, 0, false)
        }) {
            return true;
        }
        let mut imports: Vec<String> = summary
            .symbols
            .values()
            .filter_map(|symbol| match symbol {
                Symbol::Import(target) => Some(target.to_string()),
                _ => None,
            })
            .chain(summary.star_imports.iter().map(ToString::to_string))
            .collect();
        // An object a factory of the project made and an instance holds
        // (`self.worker = make_worker()`): what the calls the factory
        // returns name, followed through the factories they call in turn.
        let mut factories: Vec<String> = summary
            .symbols
            .values()
            .filter_map(|symbol| match symbol {
                Symbol::Class(class) => Some(class.holds.iter().map(|(held, _)| held.to_string())),
                _ => None,
            })
            .flatten()
            .collect();
        let mut next = 0;
        while next < factories.len() && factories.len() < MAX_REACH_MODULES {
            if let Resolved::Function {
                qualified, facts, ..
            } = self.resolve(&factories[next])
                && !facts.is_async
                && let Some(function) = self.function_summary(&qualified)
            {
                for made in &function.cancellation_calls {
                    if !factories
                        .iter()
                        .any(|known| known.as_str() == made.as_ref())
                    {
                        factories.push(made.to_string());
                    }
                    if !imports.iter().any(|known| known.as_str() == made.as_ref()) {
                        imports.push(made.to_string());
                    }
                }
            }
            next += 1;
        }
        // A task or coroutine held in an attribute or a variable may be
        // one any of its imports gives.
        if untraced
            .iter()
            .any(|name| name.as_ref() == crate::semantic::cancellation::UNTRACED_VALUE)
            && imports
                .iter()
                .any(|path| self.keeps_cancellation_hops(path, 0, false))
        {
            return true;
        }
        // A function read out of a registry may be any the modules it
        // reaches store there.
        if untraced
            .iter()
            .any(|name| name.as_ref() == crate::semantic::cancellation::UNTRACED_ITEM)
            && self.reaches_cancellation_keeper(module)
        {
            return true;
        }
        untraced
            .iter()
            .filter(|name| {
                !name.is_empty()
                    && name.as_ref() != crate::semantic::cancellation::UNTRACED_VALUE
                    && name.as_ref() != crate::semantic::cancellation::UNTRACED_ITEM
            })
            .any(|name| {
                imports
                    .iter()
                    .any(|path| self.keeping_coroutine_named_in(path, name))
            })
    }

    /// See [`ProjectFacts::keeping_coroutine_named`].
    fn keeping_coroutine_named_in(&self, qualified: &str, name: &str) -> bool {
        let module = self.module_of(qualified);
        if !self.in_project(&module) {
            return false;
        }
        let Some(summary) = self.summary(&module) else {
            return false;
        };
        let keeps = |function: &FunctionSummary, at: String| {
            !function.lets_cancellation_out || self.calls_keep_cancellation(&at)
        };
        summary.symbols.iter().any(|(symbol, found)| match found {
            Symbol::Function(function) if symbol.as_ref() == name => {
                keeps(function, format!("{module}.{symbol}"))
            }
            Symbol::Class(class) => class
                .methods
                .get(name)
                .is_some_and(|method| keeps(method, format!("{module}.{symbol}.{name}"))),
            _ => false,
        })
    }

    /// Whether `module`, or a module of the project it imports at its top
    /// level (directly or through others), has a coroutine that may keep a
    /// cancellation: a name of `module` the index cannot follow may be one
    /// of theirs. Past [`MAX_REACH_MODULES`] modules, "may".
    fn reaches_cancellation_keeper(&self, module: &str) -> bool {
        if let Ok(known) = self.keeper_reach.read()
            && let Some(&answer) = known.get(module)
        {
            return answer;
        }
        let mut seen: FxHashSet<String> = FxHashSet::default();
        let mut queue = VecDeque::from([module.to_string()]);
        let mut answer = false;
        while let Some(current) = queue.pop_front() {
            if !seen.insert(current.clone()) {
                continue;
            }
            if seen.len() > MAX_REACH_MODULES {
                answer = true;
                break;
            }
            let Some(summary) = self.summary(&current) else {
                continue;
            };
            if self.module_keeps_cancellation(&summary) {
                answer = true;
                break;
            }
            for symbol in summary.symbols.values() {
                if let Symbol::Import(target) = symbol {
                    let owner = self.module_of(target);
                    if self.in_project(&owner) {
                        queue.push_back(owner);
                    }
                }
            }
            queue.extend(summary.star_imports.iter().map(|star| star.to_string()));
        }
        if let Ok(mut known) = self.keeper_reach.write() {
            known.insert(module.into(), answer);
        }
        answer
    }

    /// Whether `fact` holds for the module-level name `qualified` of a
    /// project module, following re-exports (`from .conf import TIMEOUT`).
    fn name_fact_hops(
        &self,
        qualified: &str,
        hops: usize,
        fact: &dyn Fn(&ModuleSummary, &str) -> bool,
    ) -> bool {
        self.name_find_hops(qualified, hops, &|summary, name| {
            fact(summary, name).then_some(())
        })
        .is_some()
    }

    /// What `find` gives for the module-level name `qualified` of a project
    /// module, following re-exports and star imports (see
    /// [`Self::name_fact_hops`]).
    fn name_find_hops<T>(
        &self,
        qualified: &str,
        hops: usize,
        find: &dyn Fn(&ModuleSummary, &str) -> Option<T>,
    ) -> Option<T> {
        let parts: Vec<&str> = qualified.split('.').collect();
        for split in (1..parts.len()).rev() {
            let module = parts[..split].join(".");
            if !self.in_project(&module) {
                continue;
            }
            let summary = self.summary(&module)?;
            let (name, tail) = parts[split..].split_first()?;
            if tail.is_empty()
                && let Some(found) = find(&summary, name)
            {
                return Some(found);
            }
            // A star import after the module's own binding may bind the
            // name again (`TIMEOUT = 5` then `from .local import *`).
            let through_stars = || {
                if hops >= MAX_HOPS {
                    return None;
                }
                summary.star_imports.iter().find_map(|star| {
                    if !self.star_may_export(star, name) {
                        return None;
                    }
                    self.name_find_hops(&star_path(star, name, tail), hops + 1, find)
                })
            };
            if summary.star_rebound.iter().any(|n| n.as_ref() == *name)
                && let Some(found) = through_stars()
            {
                return Some(found);
            }
            // Or its value reads names a star import gives (`TIMEOUT =
            // DEFAULT * 2`): what holds for them may hold for it.
            if tail.is_empty()
                && hops < MAX_HOPS
                && let Some((_, reads)) =
                    summary.star_reads.iter().find(|(n, _)| n.as_ref() == *name)
                && let Some(found) = reads.iter().find_map(|read| {
                    summary.star_imports.iter().find_map(|star| {
                        if !self.star_may_export(star, read) {
                            return None;
                        }
                        self.name_find_hops(&star_path(star, read, &[]), hops + 1, find)
                    })
                })
            {
                return Some(found);
            }
            // `guard = _guard`, bound once where the module's code always
            // runs: the name is what it names (see
            // `ModuleSummary::class_aliases`).
            if hops < MAX_HOPS
                && let Some(targets) = summary.class_aliases.get(*name)
                && let [target] = targets.as_ref()
            {
                let mut next = target.to_string();
                for part in tail {
                    next.push('.');
                    next.push_str(part);
                }
                return self.name_find_hops(&next, hops + 1, find);
            }
            return match summary.symbols.get(*name) {
                Some(Symbol::Import(target)) if hops < MAX_HOPS => {
                    let mut next = target.to_string();
                    for part in tail {
                        next.push('.');
                        next.push_str(part);
                    }
                    self.name_find_hops(&next, hops + 1, find)
                }
                // A name the module does not bind may come from one of its
                // star imports (`from .base import *` in a package's
                // `__init__`).
                None => through_stars(),
                _ => None,
            };
        }
        None
    }

    /// Whether `from STAR import *` may bind `name`: not when `STAR` is a
    /// project module whose `__all__` is a literal that the module does not
    /// change and that leaves the name out, or that has none and the name
    /// is private (`_name`). Any other module may.
    fn star_may_export(&self, star: &str, name: &str) -> bool {
        if !self.in_project(star) {
            return true;
        }
        let Some(summary) = self.summary(star) else {
            return true;
        };
        if summary.rebinds_namespace {
            return true;
        }
        match &summary.all {
            Some(all) => all.iter().any(|listed| listed.as_ref() == name),
            None => !name.starts_with('_'),
        }
    }

    /// The method `name` reached through the class `class` (or through
    /// `self` or an annotation, so possibly on a subclass).
    fn method_hops(&self, class: &str, name: &str, hops: usize) -> Resolved {
        let found = self.own_method(class, name, hops);
        if matches!(found, Resolved::Function { .. })
            && self.subclasses_may_override_here(class, name)
        {
            return Resolved::Unknown;
        }
        found
    }

    /// The method `name` of what calling `class` makes: an instance of
    /// exactly `class` when nothing can make it something else.
    fn instance_method_hops(&self, class: &str, name: &str, hops: usize) -> Resolved {
        if !self.constructs_itself(class, hops) {
            return Resolved::Unknown;
        }
        self.own_method(class, name, hops)
    }

    /// Whether calling the project class `class` surely makes an instance
    /// of it: no class on its chain of bases (one base each, all in the
    /// project) has a metaclass, a decorator that may replace it, or a
    /// `__new__`.
    fn constructs_itself(&self, class: &str, hops: usize) -> bool {
        let mut current = class.to_string();
        for hop in hops..=MAX_HOPS {
            let Some((_, summary)) = self.class(&current) else {
                return false;
            };
            if !summary.keeps_methods
                || summary.methods.contains_key("__new__")
                || summary.other_names.contains("__new__")
            {
                return false;
            }
            match summary.bases.as_slice() {
                [] => return true,
                [Some(base)] if &**base == "builtins.object" => return true,
                [Some(base)] => match self.resolve_hops(base, hop + 1) {
                    Resolved::Class { qualified, .. } => current = qualified,
                    _ => return false,
                },
                _ => return false,
            }
        }
        false
    }

    /// The method `name` of an instance of exactly `class`: its own `def`,
    /// else the one of its only base, up the chain.
    fn own_method(&self, class: &str, name: &str, hops: usize) -> Resolved {
        if hops > MAX_HOPS {
            return Resolved::Unknown;
        }
        let Some((summary, class_summary)) = self.class(class) else {
            return Resolved::Unknown;
        };
        if !class_summary.keeps_methods
            || class_summary.other_names.contains(name)
            || summary.written_attributes.contains(name)
            || self.class_attribute_may_be_written(class, name)
        {
            return Resolved::Unknown;
        }
        if let Some(method) = class_summary.methods.get(name) {
            return Resolved::Function {
                qualified: format!("{class}.{name}"),
                facts: self.facts_of(method),
                origin: self.origin(&summary, method.line),
            };
        }
        // Python's order of bases is simple for one base; with several a
        // sibling class may come first.
        match class_summary.bases.as_slice() {
            [Some(base)] => match self.resolve_hops(base, hops + 1) {
                Resolved::Class { qualified, .. } => self.own_method(&qualified, name, hops + 1),
                Resolved::External(base) => Resolved::External(format!("{base}.{name}")),
                _ => Resolved::Unknown,
            },
            _ => Resolved::Unknown,
        }
    }

    /// What callers of `function` may rely on (see [`facts`]): a decorated
    /// function stays what its `def` makes only while no code of the
    /// project may replace one of the decorators taken as transparent
    /// (`builtins.staticmethod = sm`, `typing.final = f`, `functools.wraps
    /// = w`, in any file).
    fn facts_of(&self, function: &FunctionSummary) -> FunctionFacts {
        let mut found = facts(function);
        found.transparent = self.keeps_transparent(function);
        found
    }

    /// Whether `function`'s decorators surely leave it what it is (see
    /// [`Self::facts_of`]).
    fn keeps_transparent(&self, function: &FunctionSummary) -> bool {
        function.transparent
            && !(function.decorated
                && crate::semantic::TRANSPARENT_DECORATORS
                    .iter()
                    .any(|qualified| {
                        let member = qualified.rsplit('.').next().unwrap_or(qualified);
                        self.may_write_attribute(member)
                    }))
    }

    /// Whether some code of the project may assign or delete the attribute
    /// `name` of an object the question cannot place among the instances
    /// of classes of the project (a function of a module, a module-level
    /// object, a library's function): by that name, or by a computed name
    /// on what the index cannot place (see [`Self::computed_writes`]).
    /// Every question about a written attribute asks this one, or
    /// [`Self::class_attribute_may_be_written`].
    fn may_write_attribute(&self, name: &str) -> bool {
        self.scan().may_write_attribute(name) || self.computed_writes().any
    }

    /// Whether some code of the project may assign or delete any
    /// attribute of any object (see [`Self::may_write_attribute`]).
    fn may_write_every_attribute(&self) -> bool {
        self.scan().may_write_every_attribute() || self.computed_writes().any
    }

    /// Whether some code of the project may assign or delete the attribute
    /// `name` of an instance of the project class `class` (or of one of
    /// its subclasses), or of the class: by that name anywhere, or by a
    /// computed name on such an object (`setattr(self, name, v)` in a
    /// method of `class` or of one of its bases). A subclass's writes are
    /// asked by [`Self::subclasses_may_override_here`] of each subclass.
    fn class_attribute_may_be_written(&self, class: &str, name: &str) -> bool {
        self.attribute_writer_reaching(class, name).is_some()
    }

    /// Whether a write by a computed name may reach the instances of
    /// `class`: the class or one of its bases is one whose instances such
    /// a write reaches (see [`ComputedReach::classes`]); a base the index
    /// cannot follow may be one.
    fn computed_write_reaches(&self, class: &str, hops: usize) -> bool {
        let computed = self.computed_writes();
        if computed.any || computed.classes.contains(class) {
            return true;
        }
        if computed.classes.is_empty() {
            return false;
        }
        if hops > MAX_HOPS {
            return true;
        }
        let Some((_, summary)) = self.class(class) else {
            return true;
        };
        summary.bases.iter().any(|base| match base {
            None => true,
            Some(base) => match self.resolve_hops(base, hops + 1) {
                Resolved::Class { qualified, .. } => {
                    self.computed_write_reaches(&qualified, hops + 1)
                }
                Resolved::External(_) => false,
                _ => true,
            },
        })
    }

    /// What the project's writes by a computed name may reach: each file
    /// the scan saw make one on a plain name is read through its summary
    /// (see [`super::summary::ComputedWrites`]). Worked out from summaries
    /// alone, by the names as classes are defined and imported, never by
    /// resolving a name (which asks this).
    fn computed_writes(&self) -> &ComputedReach {
        self.computed.get_or_init(|| {
            let scan = self.scan();
            let mut reach = ComputedReach {
                any: scan.may_write_every_attribute(),
                classes: FxHashSet::default(),
            };
            if reach.any {
                return reach;
            }
            let files: Vec<Option<PathBuf>> = scan
                .files_with_placed_writes()
                .map(|path| path.map(Path::to_path_buf))
                .collect();
            // The methods that write on their first parameter.
            let mut methods: Vec<Box<str>> = Vec::new();
            for file in files {
                let Some(writes) = file
                    .and_then(|file| self.layout.module_name(&file))
                    .and_then(|(module, _)| self.summary(&module))
                    .map(|summary| summary.computed_writes.clone())
                else {
                    reach.any = true;
                    return reach;
                };
                if writes.any {
                    reach.any = true;
                    return reach;
                }
                for (class, method) in &writes.on_methods {
                    match self.class_by_summaries(class) {
                        Some(class) if !self.may_be_metaclass(&class, 0) => {
                            reach.classes.insert(class.into());
                            if !methods.contains(method) {
                                methods.push(method.clone());
                            }
                        }
                        _ => {
                            reach.any = true;
                            return reach;
                        }
                    }
                }
                for callee in &writes.on_made {
                    match self.class_by_summaries(callee) {
                        Some(class) if self.makes_its_own_instances(&class, 0) => {
                            reach.classes.insert(class.into());
                        }
                        _ => {
                            reach.any = true;
                            return reach;
                        }
                    }
                }
            }
            if !methods.is_empty() && !self.methods_run_only_on_their_instances(&methods) {
                reach.any = true;
            }
            reach
        })
    }

    /// Whether the text of every file of the project names each method of
    /// `methods` only where it runs on an instance of its class (or a
    /// subclass's): its `def`, `self.name`, `super().name` (`super(C,
    /// self).name`); see [`runs_on_own_instance`]. Anywhere else (`fill =
    /// Loose.fill` in another class, `Loose.fill(other)`, `getattr(Loose,
    /// "fill")`, `Base.fill(self)` in a class the index does not check)
    /// the method may run with another object as its first parameter, and
    /// its writes may reach that object. So it may where a file takes a
    /// class's methods by a name it computes (see
    /// [`takes_methods_by_computed_name`]: `getattr(Patcher, name)(other)`,
    /// `vars(Patcher)[key](other)`), whatever the class. Each file is read again: asked
    /// once per run, and only of a project with such methods.
    fn methods_run_only_on_their_instances(&self, methods: &[Box<str>]) -> bool {
        let scan = self.scan();
        let finders: Vec<(&str, memchr::memmem::Finder)> = methods
            .iter()
            .map(|name| (&**name, memchr::memmem::Finder::new(name.as_bytes())))
            .collect();
        let mut at = 0;
        while let Some(path) = scan.readers.path_at(at) {
            at += 1;
            if !is_code_file(path) {
                continue;
            }
            let Ok(bytes) = read_file(path) else {
                return false;
            };
            // In a metaclass's method `self` is a class: `self.fill(other)`
            // hands `fill` another object. Asked once per file that
            // mentions one of the methods.
            if takes_methods_by_computed_name(&bytes) {
                return false;
            }
            let mut metaclass = None;
            for (name, finder) in &finders {
                for found in finder.find_iter(&bytes) {
                    if !runs_on_own_instance(&bytes, found, name.len())
                        || *metaclass.get_or_insert_with(|| may_define_metaclass(&bytes))
                    {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// The project class (absolute, where it is defined) that `qualified`
    /// names, followed through imports by the modules' summaries alone:
    /// `None` when it is none, or when another file may replace a name on
    /// the way as an attribute of its module.
    fn class_by_summaries(&self, qualified: &str) -> Option<String> {
        let mut current = qualified.to_string();
        for _ in 0..=MAX_HOPS {
            let (module, name) = current.rsplit_once('.')?;
            let summary = self.summary(module)?;
            if !summary.star_imports.is_empty()
                || summary.rebinds_namespace
                || self.module_attribute_may_be_written(module, name)
            {
                return None;
            }
            match summary.symbols.get(name)? {
                Symbol::Class(_) => return Some(current),
                Symbol::Import(target) => current = target.to_string(),
                _ => return None,
            }
        }
        None
    }

    /// Whether the project class `class` may be a metaclass: a base that is
    /// no class of the project (followed by [`Self::class_by_summaries`])
    /// and none of [`NO_METACLASS_BASES`], or a base it cannot name.
    fn may_be_metaclass(&self, class: &str, hops: usize) -> bool {
        if hops > MAX_HOPS {
            return true;
        }
        let Some((_, summary)) = self.class(class) else {
            return true;
        };
        summary.opaque_base
            || summary.bases.iter().any(|base| {
                let Some(base) = base else {
                    return true;
                };
                if NO_METACLASS_BASES.contains(&&**base) {
                    return false;
                }
                match self.class_by_summaries(base) {
                    Some(base) => self.may_be_metaclass(&base, hops + 1),
                    None => true,
                }
            })
    }

    /// Whether calling the project class `class` surely makes an instance
    /// of it (see [`Self::constructs_itself`]), by the summaries alone: no
    /// metaclass or class decorator, no `__new__`, on it or its bases.
    fn makes_its_own_instances(&self, class: &str, hops: usize) -> bool {
        if hops > MAX_HOPS {
            return false;
        }
        let Some((_, summary)) = self.class(class) else {
            return false;
        };
        if !summary.keeps_methods
            || summary.opaque_base
            || summary.methods.contains_key("__new__")
            || summary.other_names.contains("__new__")
        {
            return false;
        }
        summary.bases.iter().all(|base| {
            let Some(base) = base else {
                return false;
            };
            if NO_METACLASS_BASES.contains(&&**base) {
                return true;
            }
            self.class_by_summaries(base)
                .is_some_and(|base| self.makes_its_own_instances(&base, hops + 1))
        })
    }

    /// The text scan of the whole project, made on the first question that
    /// needs it. A thread that asks while another makes it helps read the
    /// files.
    /// Reads the project's files for the places that spell `name` as a
    /// word (the scan found that some code writes an attribute so named;
    /// it keeps names, not places), and tells a mock's patch (a line, or
    /// the line before, that calls something `patch`: `mock.patch(…)`,
    /// `patch.object(…)`, `monkeypatch.setattr(…)`) from other writes: an
    /// assignment or `del` of `.name`, a `setattr`/`delattr` line, or the
    /// name in a string literal. Reads (`x.name(…)`) and comments do not
    /// count. A file that cannot be read, or writes the text does not
    /// show, count as written.
    fn find_named_writer(&self, module: &str, name: &str) -> Option<NamedWrite> {
        let scan = self.scan();
        let readers = &scan.readers;
        let finder = memchr::memmem::Finder::new(name.as_bytes());
        let mut patched = None;
        // Paths relative to the root, for messages.
        let shown = |path: &Path| {
            path.strip_prefix(&self.layout.root)
                .unwrap_or(path)
                .to_path_buf()
        };
        for at in 0.. {
            let Some(path) = readers.path_at(at) else {
                break;
            };
            // A write is the name as a whole word (see `named_write_at`).
            if !is_code_file(path) || !scan.may_spell(at, name) {
                continue;
            }
            let Ok(bytes) = read_file(path) else {
                return Some(NamedWrite::Unread(shown(path)));
            };
            let mut others = None;
            for found in finder.find_iter(&bytes) {
                let others = others.get_or_insert_with(|| ModuleNames::of_file(&bytes, module));
                match named_write_at(&bytes, found, name.len(), module, others) {
                    Some(NamedWrite::Patched(_)) => {
                        patched.get_or_insert_with(|| shown(path));
                    }
                    Some(
                        NamedWrite::Written(_) | NamedWrite::Unread(_) | NamedWrite::Escaped(_),
                    ) => {
                        return Some(NamedWrite::Written(Some(shown(path))));
                    }
                    None => {}
                }
            }
        }
        patched.map(NamedWrite::Patched)
    }

    /// Whether some code of the project may assign, replace or delete the
    /// attribute `name` of the module `module` (absolute, dotted): by the
    /// module's names (see [`ProjectScan::may_write_module_attribute`]),
    /// or as an object the writer cannot name, where the module escapes
    /// its names (see [`Self::escape_write`]).
    fn module_attribute_may_be_written(&self, module: &str, name: &str) -> bool {
        let word = module.rsplit('.').next().unwrap_or(module);
        self.scan().may_write_module_attribute(word, name)
            || self.escape_write(module, name).is_some()
            || self.re_export_writer(word, name).is_some()
    }

    /// The other names a package's `__init__` binds the module whose word
    /// is `word` to (`from . import svc as service`, `import app.svc as
    /// service`): other files may reach the module by them (`from app
    /// import service`, `app.service`). A module of that last part bound
    /// from elsewhere (`from .other import svc as service`) counts too.
    fn re_exported_as(&self, word: &str) -> Vec<Box<str>> {
        if let Ok(known) = self.re_exported.read()
            && let Some(answer) = known.get(word)
        {
            return answer.clone();
        }
        let scan = self.scan();
        let mut found: Vec<Box<str>> = Vec::new();
        for at in 0.. {
            let Some(path) = scan.readers.path_at(at) else {
                break;
            };
            if path.file_stem().is_none_or(|stem| stem != "__init__")
                || !is_code_file(path)
                || !scan.may_spell(at, word)
            {
                continue;
            }
            // A file that cannot be read is asked about by the scan.
            let Ok(bytes) = read_file(path) else {
                continue;
            };
            for statement in imports::import_statements(&bytes) {
                for imported in &statement.names {
                    if imported.last() != word.as_bytes() {
                        continue;
                    }
                    if let Some(alias) = imported.alias
                        && alias != word.as_bytes()
                        && let Ok(alias) = std::str::from_utf8(alias)
                        && !found.iter().any(|known| &**known == alias)
                    {
                        found.push(alias.into());
                    }
                }
            }
        }
        if let Ok(mut known) = self.re_exported.write() {
            known.insert(word.into(), found.clone());
        }
        found
    }

    /// A write of the attribute `name` of the module whose word is `word`
    /// by a name a package re-exports it under (see
    /// [`Self::re_exported_as`]): `service.TIMEOUT = 0` after `from app
    /// import service`, `app.service.TIMEOUT = 0`.
    fn re_export_writer(&self, word: &str, name: &str) -> Option<NamedWrite> {
        let aliases = self.re_exported_as(word);
        if aliases.is_empty() {
            return None;
        }
        if !self.scan().writes_named_attribute(name) {
            return None;
        }
        let key = (Box::<str>::from(word), Box::<str>::from(name));
        if let Ok(known) = self.re_export_writes.read()
            && let Some(answer) = known.get(&key)
        {
            return answer.clone();
        }
        let answer = aliases
            .iter()
            .find_map(|alias| self.find_named_writer(alias, name));
        if let Ok(mut known) = self.re_export_writes.write() {
            known.insert(key, answer.clone());
        }
        answer
    }

    /// Why the attribute `name` of the module `module` (absolute, dotted)
    /// may be written by code that does not name the module: some file
    /// lets the module leave the names an import binds it to (hands it
    /// on as a value, spells its name in a string, reaches it by a name it
    /// computes: see [`ProjectScan::escapes`]), and some file writes an
    /// attribute so named on an object it cannot name (see
    /// [`ProjectScan::unknown_writes`]). The sentence names both files.
    fn escape_write(&self, module: &str, name: &str) -> Option<String> {
        let scan = self.scan();
        let found = scan.escaped_write(module, name)?;
        let shown = |file: u32| {
            scan.readers.path(file).map_or_else(
                || "a file of the project".to_string(),
                |path| self.relative(path.to_path_buf()).display().to_string(),
            )
        };
        let escaped = found.escaped;
        let (route, how) = if let Some(spelled) = escaped.strip_prefix(scan::SPELLED) {
            (
                format!("spells the name of the module `{module}` in a string (`\"{spelled}\"`)"),
                if found.computed {
                    "patches a target it computes (`mock.patch(target)`)".to_string()
                } else {
                    format!("patches a target it computes ending in `.{name}`")
                },
            )
        } else {
            (
                if escaped == scan::ANY_MODULE {
                    "reaches modules by a name it computes (`sys.modules`, `import_module(…)`, `inspect.getmodule(…)`, `vars(…)`)".to_string()
                } else if escaped == module {
                    format!("hands the module `{module}` on as a value")
                } else {
                    format!("hands the module `{module}` on as a value (as `{escaped}`)")
                },
                if found.computed {
                    "writes an attribute by a name it computes on an object it cannot name"
                        .to_string()
                } else {
                    format!("assigns an attribute named `{name}` on an object it cannot name")
                },
            )
        };
        Some(format!(
            "{} {route} (line {}), and {} {how}",
            shown(found.file),
            found.line,
            shown(found.writer)
        ))
    }

    /// A file of the project that may write any attribute of the module
    /// whose last part is `module` by a target or name it computes (see
    /// `ProjectScan::computed_writers`): `setattr(asyncio, NAME, f)` on a
    /// name the file binds to the module, or `mock.patch(target)` (any
    /// target the code builds: `"asyncio." "wait_for"`, `f"asyncio.wait_for"`,
    /// a constant) in a file that names the module. A mock's patch first
    /// when the file spells one.
    fn computed_writer(&self, module: &str) -> Option<NamedWrite> {
        let scan = self.scan();
        for (file, receiver) in &scan.computed_writers {
            let Some(path) = scan.readers.path(*file) else {
                return Some(NamedWrite::Written(None));
            };
            let Ok(bytes) = read_file(path) else {
                return Some(NamedWrite::Unread(self.relative(path.to_path_buf())));
            };
            let names = ModuleNames::of_file(&bytes, module);
            let reaches = match receiver {
                Some(receiver) if let Some(head) = receiver.strip_prefix(scan::GLOBALS_OF) => {
                    globals_may_reach(&bytes, path, head, module)
                }
                Some(receiver) => names.names.contains(&receiver.as_bytes()),
                // A target the code builds: from a string that spells the
                // module (`TARGET = "asyncio.wait_for"`, `f"asyncio.{name}"`,
                // `"asyncio." "wait_for"`, `("asyncio.wait_for", f)` in a
                // table), or from its `__name__`.
                None => {
                    let quoted = [b'"', b'\''].iter().any(|&quote| {
                        [&b"."[..], &[quote][..]].iter().any(|&next| {
                            let spelled = [&[quote][..], module.as_bytes(), next].concat();
                            memchr::memmem::find(&bytes, &spelled).is_some()
                        })
                    });
                    quoted
                        || names.names.iter().any(|name| {
                            let spelled = [*name, &b".__name__"[..]].concat();
                            memchr::memmem::find(&bytes, &spelled).is_some()
                        })
                }
            };
            if reaches {
                let path = self.relative(path.to_path_buf());
                return Some(if names.patches(&bytes) {
                    NamedWrite::Patched(path)
                } else {
                    NamedWrite::Written(Some(path))
                });
            }
        }
        None
    }

    /// See [`ProjectFacts::attribute_value_writer`]: [`Self::find_named_writer`]'s
    /// walk, which also reads the value each write gives.
    fn find_value_writer(&self, module: &str, name: &str) -> ValueWrite {
        let scan = self.scan();
        let readers = &scan.readers;
        let finder = memchr::memmem::Finder::new(name.as_bytes());
        let mut found_any = false;
        for at in 0.. {
            let Some(path) = readers.path_at(at) else {
                break;
            };
            if !is_code_file(path) || !scan.may_spell(at, name) {
                continue;
            }
            let Ok(bytes) = read_file(path) else {
                return ValueWrite::MaybeNonPositive(Some(self.relative(path.to_path_buf())));
            };
            let mut others = None;
            for found in finder.find_iter(&bytes) {
                let others = others.get_or_insert_with(|| ModuleNames::of_file(&bytes, module));
                if named_write_at(&bytes, found, name.len(), module, others).is_none() {
                    continue;
                }
                found_any = true;
                let positive = written_value(&bytes, found + name.len())
                    .is_some_and(is_positive_number_literal);
                if !positive {
                    return ValueWrite::MaybeNonPositive(Some(self.relative(path.to_path_buf())));
                }
            }
        }
        if found_any {
            ValueWrite::Positive
        } else {
            ValueWrite::MaybeNonPositive(None)
        }
    }

    fn scan(&self) -> &ProjectScan {
        built_with_help(
            &self.scan,
            &self.building,
            || scan::Build::new(&self.layout, false, self.cache.clone()),
            |build| build.finish(&self.layout),
        )
    }

    /// `file` relative to the project's root, for messages.
    /// The first two files of the project (in the order the scan numbers
    /// them) whose summary says their code may use an event loop outside
    /// any run of one (see [`ModuleSummary::loop_outside_runs`]), on Python
    /// 3.10 or newer and before; one with an empty path when a file could
    /// not be read. Only files that spell asyncio or a loop's method are
    /// summarised.
    fn find_loop_users(&self) -> (Vec<LoopUse>, Vec<LoopUse>) {
        let unreadable = || {
            let one = vec![LoopUse {
                file: PathBuf::new(),
                named: "".into(),
                line: 0,
            }];
            (one.clone(), one)
        };
        if self.scan().incomplete {
            return unreadable();
        }
        let readers = self.readers();
        let (mut found, mut before_310) = (Vec::new(), Vec::new());
        let keep = |list: &mut Vec<LoopUse>, path: &Path, first: Option<&(Box<str>, u32)>| {
            if let Some((named, line)) = first
                && list.len() < 2
            {
                list.push(LoopUse {
                    file: path.to_path_buf(),
                    named: named.clone(),
                    line: *line,
                });
            }
        };
        for at in 0.. {
            if found.len() == 2 && before_310.len() == 2 {
                break;
            }
            let Some(path) = readers.path_at(at) else {
                break;
            };
            let Ok(bytes) = read_file(path) else {
                return unreadable();
            };
            if !summary::may_use_loop(&bytes) {
                continue;
            }
            let (module, package) = self.layout.module_name(path).unwrap_or_else(|| {
                let stem = path.file_stem().and_then(|stem| stem.to_str());
                (stem.unwrap_or("__main__").to_string(), false)
            });
            let Some(summary) = read_summary(&module, path, package, self.cache.as_ref()) else {
                // Not UTF-8, or not Python a parser reads: nothing runs.
                continue;
            };
            keep(&mut found, path, summary.loop_outside_runs.first());
            keep(
                &mut before_310,
                path,
                summary.loop_outside_runs_before_310.first(),
            );
        }
        (found, before_310)
    }

    fn relative(&self, file: PathBuf) -> PathBuf {
        file.strip_prefix(&self.layout.root)
            .map_or_else(|_| file.clone(), Path::to_path_buf)
    }

    /// The table of the files that name each module (see [`readers`]):
    /// the scan's own, or one made apart when the scan left it out (by
    /// every thread that asks while it is made, as the scan is).
    /// [`ProjectFacts::others_may_read`] (or, with `new_private`,
    /// [`ProjectFacts::others_may_read_new_private`]), asked once per file
    /// and name.
    fn read_answer(&self, file: &Path, name: &str, new_private: bool) -> bool {
        let key = (file.to_path_buf(), Box::<str>::from(name), new_private);
        if let Ok(answers) = self.read_answers.lock()
            && let Some(&answer) = answers.get(&key)
        {
            return answer;
        }
        let readers = self.readers();
        let answer = if new_private {
            let scan = self.scan();
            readers.may_read_new_private(file, name, |at| scan.may_spell(at, name))
        } else {
            readers.may_read(file, name)
        };
        if let Ok(mut answers) = self.read_answers.lock() {
            answers.insert(key, answer);
        }
        answer
    }

    fn readers(&self) -> &readers::Readers {
        let scan = self.scan();
        if scan.has_readers {
            return &scan.readers;
        }
        built_with_help(
            &self.readers_apart,
            &self.building_readers,
            || scan.readers_build(self.cache.clone()),
            |build| build.finish(&self.layout).readers,
        )
    }

    /// The summary of the module that defines the project class `class`, and the class's,
    /// read in place: a class's summary may be large (generated code binds thousands of
    /// names in one class body), and the questions that follow bases and methods ask for
    /// classes many times.
    fn class(&self, class: &str) -> Option<(Arc<ModuleSummary>, ClassAt)> {
        let (module, name) = class.rsplit_once('.')?;
        let summary = self.summary(module)?;
        let Some(Symbol::Class(_)) = summary.symbols.get(name) else {
            return None;
        };
        let found = ClassAt {
            summary: Arc::clone(&summary),
            name: name.into(),
        };
        Some((summary, found))
    }

    /// See [`ProjectFacts::may_be_cancelled_error`]; `depth` bounds the
    /// bases followed (past it, "may"). The bases a summary names are
    /// taken as reached through their top-level package only.
    fn may_derive_from_cancelled_error(&self, name: &str, loaded: usize, depth: u8) -> bool {
        if depth == 0 {
            return true;
        }
        let is_cancelled = |qualified: &str| {
            qualified.starts_with("asyncio") && qualified.ends_with(".CancelledError")
        };
        if is_cancelled(name) {
            return true;
        }
        // The standard library's classes are what their names say (a
        // project module standing in for one is the index's to resolve).
        let top = name.split('.').next().unwrap_or(name);
        if crate::semantic::project::standard_module(top)
            && !matches!(self.resolve(top), Resolved::Module(_))
        {
            return false;
        }
        match self.resolve_loaded(name, loaded) {
            Resolved::Class { qualified, .. } => {
                let Some((_, class)) = self.class(&qualified) else {
                    return true;
                };
                class.opaque_base
                    || class.bases.iter().any(|base| match base {
                        Some(base) => self.may_derive_from_cancelled_error(base, 1, depth - 1),
                        // `Base[T]`, a call: any name written in it may be it.
                        None => class.base_mentions.iter().any(|mention| {
                            self.may_derive_from_cancelled_error(mention, 1, depth - 1)
                        }),
                    })
            }
            // A library's or the standard library's class: what it says.
            Resolved::External(qualified) => is_cancelled(&qualified),
            Resolved::Function { .. } | Resolved::Module(_) => false,
            // A name of the project the index cannot follow (an
            // assignment, an instance, bound more than one way), or one
            // outside it: a project module's name may be anything.
            Resolved::Instance { .. } => true,
            Resolved::Unknown => self.layout_holds(name),
        }
    }

    /// See [`ProjectFacts::may_catch_cancelled_error`]; `depth` bounds the
    /// names followed (past it, "may").
    fn may_catch_cancelled(&self, name: &str, loaded: usize, exception: bool, depth: u8) -> bool {
        if depth == 0 {
            return true;
        }
        let catches_it = |qualified: &str| {
            qualified == "builtins.BaseException"
                || (exception && qualified == "builtins.Exception")
        };
        if catches_it(name) {
            return true;
        }
        // `from builtins import BaseException as Stop` there (or a name
        // that reaches it through imports): the builtin class itself.
        if let Resolved::External(external) = self.resolve_loaded(name, loaded)
            && catches_it(&external)
        {
            return true;
        }
        // `STOP = (asyncio.CancelledError, KeyboardInterrupt)`.
        if let Some(elements) = self.name_find_hops(name, 0, &|summary, name| {
            summary.class_aliases.get(name).cloned()
        }) {
            return elements
                .iter()
                .any(|element| self.may_catch_cancelled(element, 1, exception, depth - 1));
        }
        self.may_derive_from_cancelled_error(name, loaded, MAX_CANCELLED_DEPTH)
    }

    /// Whether what a coroutine's handlers, `finally:` clauses and managers
    /// leave to the project (see `summary::CancellationLeft`) may keep a
    /// cancellation thrown into it: an `except` clause or `suppress(…)`
    /// naming a class that may catch it, a function called in a handler or
    /// `finally:` that may raise, an exit callback of the project.
    fn left_keeps_cancellation(&self, left: &summary::CancellationLeft) -> bool {
        left.catches
            .iter()
            .any(|class| self.may_catch_cancelled(class, 1, false, MAX_CANCELLED_DEPTH))
            || left
                .cleanups
                .iter()
                .any(|callee| self.may_raise_here(callee))
            || left
                .exits
                .iter()
                .any(|callback| self.callback_may_keep_here(callback))
            || left.managers.iter().any(|base| self.manager_may_keep(base))
            || left
                .own_managers
                .iter()
                .any(|class| self.exits_replaced(class, 0))
            || left
                .reads
                .iter()
                .any(|name| self.property_may_raise_here(name))
    }

    /// See [`ProjectFacts::property_may_raise`]: the summaries of the files
    /// that may spell `name` are read (a file that cannot be read may
    /// hold one); each name asked once.
    fn property_may_raise_here(&self, name: &str) -> bool {
        if let Ok(known) = self.raising_properties.read()
            && let Some(&answer) = known.get(name)
        {
            return answer;
        }
        let scan = self.scan();
        let mut answer = scan.incomplete;
        for at in 0.. {
            if answer {
                break;
            }
            let Some(path) = scan.readers.path_at(at) else {
                break;
            };
            if !is_code_file(path) || !scan.may_spell(at, name) {
                continue;
            }
            // Only a file with a `def` of that name is summarised.
            let Ok(bytes) = read_file(path) else {
                answer = true;
                break;
            };
            // Or a property made by a call (`closed = property(_get)`).
            if !defines_function(&bytes, name)
                && memchr::memmem::find(&bytes, b"property(").is_none()
            {
                continue;
            }
            let Some((module, _)) = self.layout.module_name(path) else {
                continue;
            };
            let Some(summary) = self.summary(&module) else {
                continue;
            };
            answer = summary
                .raising_properties
                .iter()
                .filter(|property| property.name.as_ref() == name)
                .any(|property| {
                    property.raises
                        || property
                            .left
                            .iter()
                            .any(|callee| self.may_raise_here(callee))
                });
        }
        if let Ok(mut known) = self.raising_properties.write() {
            known.insert(name.into(), answer);
        }
        answer
    }

    /// See [`ProjectFacts::may_be_suppress`]; `hops` bounds the aliases
    /// followed.
    fn may_be_suppress_hops(&self, qualified: &str, hops: usize) -> bool {
        if hops > MAX_HOPS {
            return false;
        }
        if matches!(self.resolve(qualified), Resolved::External(ref e) if e == "contextlib.suppress")
        {
            return true;
        }
        self.name_find_hops(
            qualified,
            0,
            &|summary, name| match summary.symbols.get(name) {
                Some(Symbol::Alias { targets, .. }) => Some(targets.clone()),
                _ => None,
            },
        )
        .is_some_and(|targets| {
            targets
                .iter()
                .any(|target| self.may_be_suppress_hops(target, hops + 1))
        })
    }

    /// Whether a class deriving from `base` (an absolute dotted name) may
    /// have an exit that keeps a cancellation because of that base: a
    /// project class whose exits, or its bases', may (see
    /// [`Self::class_exit_may_keep`]), `contextlib.suppress` (given what the
    /// index does not see), or a name of the project the index cannot
    /// follow, which may be any class. A library's other classes are
    /// trusted.
    fn base_exit_may_keep(&self, base: &str) -> bool {
        match self.resolve(base) {
            Resolved::Class { qualified, .. } => {
                self.class_exit_may_keep(&qualified, &["__exit__", "__aexit__"], 0)
            }
            Resolved::External(external) => external == "contextlib.suppress",
            Resolved::Module(_) => false,
            Resolved::Function { .. } | Resolved::Instance { .. } | Resolved::Unknown => true,
        }
    }

    /// A manager a coroutine enters by calling an imported name given a
    /// class that may be `CancelledError` (`quiet(CancelledError)`): one
    /// whose exit may keep it (see [`Self::base_exit_may_keep`]), or
    /// `suppress` under another name.
    fn manager_may_keep(&self, callee: &str) -> bool {
        self.base_exit_may_keep(callee) || self.may_be_suppress_hops(callee, 0)
    }

    /// See [`ProjectFacts::may_raise`]: the functions reached are read
    /// once each; past [`MAX_CANCELLATION_FUNCTIONS`] of them, "may".
    fn may_raise_here(&self, qualified: &str) -> bool {
        let mut seen: FxHashSet<String> = FxHashSet::default();
        let mut stack = vec![qualified.to_string()];
        while let Some(current) = stack.pop() {
            if !seen.insert(current.clone()) {
                continue;
            }
            if seen.len() > MAX_CANCELLATION_FUNCTIONS {
                return true;
            }
            match self.resolve(&current) {
                Resolved::Function {
                    facts,
                    qualified: defined,
                    ..
                } => {
                    if facts.raises {
                        return true;
                    }
                    // A method of a project class that other code may
                    // write (`conn.Conn.release = strict`).
                    if let Some((owner, name)) = defined.rsplit_once('.')
                        && let Resolved::Class {
                            qualified: class, ..
                        } = self.resolve(owner)
                        && self.written_elsewhere(&class, name)
                    {
                        return true;
                    }
                    if let Some(function) = self.function_summary(&defined) {
                        stack.extend(function.raises_left.iter().map(|callee| callee.to_string()));
                    }
                }
                Resolved::Unknown | Resolved::Instance { .. } => {
                    // A method of a project class (`Conn.close` for `c =
                    // Conn()` then `c.close()`, `Conn.__repr__` for
                    // `f"{c}"`): along its bases.
                    if let Some((owner, name)) = current.rsplit_once('.') {
                        match self.resolve(owner) {
                            Resolved::Class {
                                qualified: class, ..
                            } => {
                                if self.class_method_raises(&class, name, &mut stack) {
                                    return true;
                                }
                                continue;
                            }
                            // A method of what a function returns (`c =
                            // connect()` then `c.close()`): not followed,
                            // as another object's method is not.
                            Resolved::Function { .. } => continue,
                            _ => {}
                        }
                    }
                    if self.layout_holds(&current) && !self.library_object_member(&current) {
                        return true;
                    }
                }
                // Calling a class runs its constructors.
                Resolved::Class {
                    qualified: class, ..
                } => {
                    if self.constructors_raise(&class, &mut stack) {
                        return true;
                    }
                }
                Resolved::Module(_) | Resolved::External(_) => {}
            }
        }
        false
    }

    /// Whether the method `name` of an instance of the project class
    /// `class` (its own, else the first of its bases' that binds it)
    /// raises an exception of its own; the imported names it calls are
    /// pushed on `stack` for [`Self::may_raise_here`] to ask. A name bound
    /// otherwise than by a `def`, written from outside, or on a base the
    /// index cannot follow may; a library's base is trusted (its methods
    /// are what the library does); past [`MAX_HOPS`] classes, "may".
    fn class_method_raises(&self, class: &str, name: &str, stack: &mut Vec<String>) -> bool {
        let mut classes = vec![class.to_string()];
        let mut asked = 0;
        while let Some(current) = classes.pop() {
            asked += 1;
            if asked > MAX_HOPS {
                return true;
            }
            let Some((summary, found)) = self.class(&current) else {
                return true;
            };
            // Bound by a metaclass or decorator, or written by any code of
            // the project (`conn.Conn.close = strict`, `setattr(Conn,
            // "close", f)`, a function given the class).
            if !found.keeps_methods
                || summary.written_attributes.contains(name)
                || self.written_elsewhere(&current, name)
            {
                return true;
            }
            if let Some(method) = found.methods.get(name) {
                if method.raises {
                    return true;
                }
                stack.extend(method.raises_left.iter().map(|callee| callee.to_string()));
                continue;
            }
            if found.other_names.contains(name) || found.opaque_base {
                return true;
            }
            for base in &found.bases {
                let Some(base) = base else {
                    return true;
                };
                match self.resolve(base) {
                    Resolved::Class { qualified, .. } => classes.push(qualified),
                    Resolved::External(_) | Resolved::Module(_) => {}
                    _ => return true,
                }
            }
        }
        false
    }

    /// Whether a constructor (`__new__`, `__init__`, `__post_init__`) of
    /// the project class `class`, or of a base of the project, raises an
    /// exception of its own (a class's own constructor hides its bases');
    /// the imported names they call are pushed on `stack` for
    /// [`Self::may_raise_here`] to ask. A library's base is trusted; past
    /// [`MAX_HOPS`] classes, "may".
    fn constructors_raise(&self, class: &str, stack: &mut Vec<String>) -> bool {
        let mut classes = vec![(class.to_string(), summary::CONSTRUCTORS.to_vec())];
        let mut asked = 0;
        while let Some((current, wanted)) = classes.pop() {
            asked += 1;
            if asked > MAX_HOPS {
                return true;
            }
            let Some((_, summary)) = self.class(&current) else {
                continue;
            };
            let mut left = Vec::new();
            for constructor in wanted {
                match summary.methods.get(constructor) {
                    Some(method) => {
                        if method.raises {
                            return true;
                        }
                        stack.extend(method.raises_left.iter().map(|callee| callee.to_string()));
                    }
                    None => left.push(constructor),
                }
            }
            if left.is_empty() {
                continue;
            }
            for base in summary.bases.iter().flatten() {
                if let Resolved::Class { qualified, .. } = self.resolve(base) {
                    classes.push((qualified, left.clone()));
                }
            }
        }
        false
    }

    /// Whether the dotted name `qualified` reaches into an object a
    /// library made, bound by a project module (`log.info` with `log =
    /// logging.getLogger(__name__)` there): library code, trusted as a
    /// library's functions are.
    fn library_object_member(&self, qualified: &str) -> bool {
        let parts: Vec<&str> = qualified.split('.').collect();
        (2..parts.len()).any(|split| {
            let object = parts[..split].join(".");
            self.name_find_hops(
                &object,
                0,
                &|summary, name| match summary.symbols.get(name) {
                    Some(Symbol::Assigned {
                        callee: Some(callee),
                        ..
                    }) => Some(callee.clone()),
                    _ => None,
                },
            )
            .is_some_and(|callee| matches!(self.resolve(&callee), Resolved::External(_)))
        })
    }

    /// See [`ProjectFacts::callback_may_keep`].
    fn callback_may_keep_here(&self, qualified: &str) -> bool {
        !matches!(
            self.resolve(qualified),
            Resolved::External(_) | Resolved::Unknown
        ) || self.keeps_cancellation_hops(qualified, 0, true)
    }

    /// Whether a coroutine of the module may keep a cancellation: by its
    /// own code, or by what it leaves to the project.
    fn module_keeps_cancellation(&self, summary: &ModuleSummary) -> bool {
        summary.keeps_cancellation || self.left_keeps_cancellation(&summary.cancellation_left)
    }

    /// Whether a module of the project may hold the dotted name `name`
    /// (its longest prefix that the index finds is a module of the project).
    fn layout_holds(&self, name: &str) -> bool {
        let mut end = name.len();
        while let Some((prefix, _)) = name.get(..end).and_then(|n| n.rsplit_once('.')) {
            if matches!(self.resolve(prefix), Resolved::Module(_)) {
                return true;
            }
            end = prefix.len();
        }
        false
    }

    /// Whether a class anywhere in the project that derives from `class`
    /// (directly or through other classes of the project) binds `name` to
    /// anything but an `async def` that stays one: a call through `self` or
    /// an annotated name may reach that one. The first question builds, by
    /// a scan of the text of every project file, a table of the files with
    /// a class statement naming each base; only those are parsed. Classes
    /// defined inside functions are not seen.
    fn subclasses_may_override_here(&self, class: &str, name: &str) -> bool {
        self.why_subclasses_may_override(class, name).is_some()
    }

    /// Why [`Self::subclasses_may_override_here`] says so, naming the
    /// subclass or base that makes the answer, for `--show-index`.
    fn why_subclasses_may_override(&self, class: &str, name: &str) -> Option<String> {
        let scan = self.scan();
        if scan.incomplete {
            return Some(
                "a file of the project could not be read, so any class may derive from it".into(),
            );
        }
        if scan.any_hidden_base {
            return Some(
                "some code of the project makes a class at run time with bases the index cannot read (`type(name, bases, ns)`, `types.new_class`, `dataclasses.make_dataclass`, a class statement in a function whose base is bound there), which may derive from it".into(),
            );
        }
        let mut family = vec![class.to_string()];
        let mut next = 0;
        while let Some(current) = family.get(next).cloned() {
            next += 1;
            let short = current.rsplit('.').next().unwrap_or(&current);
            // A class made in a function body or at run time (`type(...)`)
            // is in no summary: it may derive from this one.
            if scan.hidden_bases.contains(short) {
                return Some(format!(
                    "a class in a function body or made at run time names `{short}` as a base"
                ));
            }
            // The files whose class statements name it, and those with a
            // base bound by an assignment, which may be any class.
            for file in scan
                .files_naming(short)
                .chain(scan.files_with_assigned_bases())
            {
                let Some((module, _)) = self.layout.module_name(file) else {
                    return Some(format!(
                        "`{}` names it as a base and cannot be imported as a module (a script, or a name no import spells), so the index reads no class of it",
                        self.relative(file.to_path_buf()).display()
                    ));
                };
                let Some(summary) = self.summary(&module) else {
                    return Some(format!("`{module}` names it as a base and cannot be read"));
                };
                for (class_name, symbol) in &summary.symbols {
                    let Symbol::Class(candidate) = symbol else {
                        continue;
                    };
                    let mut derives = false;
                    // A base no import from the project's roots finds,
                    // which may be this class found another way.
                    let mut through_path: Option<&str> = None;
                    // The bases that are not this class, which may come
                    // before it in the subclass's method resolution order.
                    let mut others: Vec<&str> = Vec::new();
                    for base in candidate.bases.iter().flatten() {
                        match self.resolve_hops(base, 0) {
                            Resolved::Class { ref qualified, .. } if *qualified == current => {
                                derives = true;
                            }
                            Resolved::External(_) if may_name_by_path(base, &current) => {
                                derives = true;
                                through_path = Some(base);
                            }
                            Resolved::Class { .. } | Resolved::External(_) => others.push(base),
                            // A base spelled like this class that the index
                            // cannot follow (`try: from .models import Repo
                            // except ImportError: Repo = object`) may be it.
                            _ if base.rsplit('.').next() == Some(short) => {
                                return Some(format!(
                                    "`{module}.{class_name}` derives from `{base}`, spelled like it, which the index cannot follow"
                                ));
                            }
                            // A base the index cannot follow otherwise (a
                            // name a module `__getattr__` gives, an alias
                            // bound twice) may be any class, this one too.
                            // (A name the module binds several ways is
                            // read through what each way names: the
                            // mentions below.)
                            Resolved::Unknown | Resolved::Instance { .. }
                                if !base
                                    .strip_prefix(module.as_str())
                                    .is_some_and(|rest| rest.starts_with('.')) =>
                            {
                                derives = true;
                            }
                            _ => others.push(base),
                        }
                    }
                    // A base written otherwise (`Repo[int]`, `make_base(Repo)`)
                    // that names this class, or a name spelled like it the
                    // index cannot follow, may make a subclass of it.
                    // So may an attribute of it (`Repo.__mro__[0]`,
                    // `Repo.__bases__[0]`, `Repo.Inner`): each part of a
                    // mention's chain is asked.
                    for mention in &candidate.base_mentions {
                        let mut prefix: &str = mention;
                        loop {
                            match self.resolve_hops(prefix, 0) {
                                Resolved::Class { ref qualified, .. } if *qualified == current => {
                                    return Some(format!(
                                        "`{module}.{class_name}` names `{mention}` in a base the index cannot read"
                                    ));
                                }
                                Resolved::Class { .. }
                                | Resolved::External(_)
                                | Resolved::Module(_) => {}
                                _ if prefix.rsplit('.').next() == Some(short) => {
                                    return Some(format!(
                                        "`{module}.{class_name}` names `{mention}`, spelled like it, in a base the index cannot follow"
                                    ));
                                }
                                _ => {}
                            }
                            match prefix.rsplit_once('.') {
                                Some((head, _)) => prefix = head,
                                None => break,
                            }
                        }
                    }
                    // A base bound to what the index cannot follow
                    // (`Base = getattr(_r, "Repo")`, `Base = make_base()`)
                    // may be this class.
                    if !derives && !candidate.opaque_base {
                        continue;
                    }
                    let keeps = candidate
                        .methods
                        .get(name)
                        .is_none_or(|m| m.is_async && self.keeps_transparent(m) && !m.is_generator);
                    let subclass = format!("{module}.{class_name}");
                    let at = self.origin(&summary, candidate.line);
                    let path_how;
                    let how = match through_path {
                        Some(base) => {
                            path_how = format!(
                                "derives from `{base}`, which no import from the project's roots finds: a directory on `sys.path` (added by the code, a script's own, `PYTHONPATH`) may give `{current}` under that name, so it may derive from it"
                            );
                            path_how.as_str()
                        }
                        None if derives => "derives from it",
                        None => "has a base the index cannot follow, which may be it",
                    };
                    if !keeps || candidate.other_names.contains(name) {
                        return Some(format!(
                            "`{subclass}` ({at}) {how} and binds `{name}` other than by an `async def`"
                        ));
                    }
                    if !candidate.keeps_methods {
                        return Some(format!(
                            "`{subclass}` ({at}) {how} and has a metaclass or class decorator that may replace its methods, or writes its namespace"
                        ));
                    }
                    if finds_any(candidate) {
                        return Some(format!(
                            "`{subclass}` ({at}) {how} and defines `__getattribute__`"
                        ));
                    }
                    if self.computed_write_reaches(&subclass, 0) {
                        return Some(format!(
                            "`{subclass}` ({at}) {how}, and a write by a computed name (`setattr(obj, name, v)`) may reach its instances"
                        ));
                    }
                    // `class Sub(SyncMixin, Store)`: another base's `name`
                    // may be found first.
                    if candidate.bases.len() > 1 {
                        if candidate.bases.iter().any(Option::is_none) {
                            return Some(format!(
                                "`{subclass}` ({at}) {how} and has another base the index cannot name, which may bind `{name}`"
                            ));
                        }
                        if let Some(base) =
                            others.iter().find(|base| self.base_may_bind(base, name, 0))
                        {
                            return Some(format!(
                                "`{subclass}` ({at}) {how} and has another base, `{base}`, that may bind `{name}` other than by an `async def`"
                            ));
                        }
                    }
                    if !family.contains(&subclass) {
                        family.push(subclass);
                    }
                }
            }
        }
        None
    }

    /// The project classes that derive from `class` (an absolute dotted
    /// name), itself first, as the summaries show them; `None` when some
    /// class may derive from it unseen (a file that cannot be read, a
    /// class made at run time or in a function body that may name it, a
    /// base the index cannot follow). See [`Self::descendants`].
    fn find_descendants(&self, class: &str) -> Option<Vec<String>> {
        let scan = self.scan();
        if scan.incomplete || scan.any_hidden_base {
            return None;
        }
        let mut family = vec![class.to_string()];
        let mut next = 0;
        while let Some(current) = family.get(next).cloned() {
            next += 1;
            if family.len() > 4096 {
                return None;
            }
            let short = current.rsplit('.').next().unwrap_or(&current);
            if scan.hidden_bases.contains(short) {
                return None;
            }
            for file in scan
                .files_naming(short)
                .chain(scan.files_with_assigned_bases())
            {
                let (module, _) = self.layout.module_name(file)?;
                let summary = self.summary(&module)?;
                for (class_name, symbol) in &summary.symbols {
                    let Symbol::Class(candidate) = symbol else {
                        continue;
                    };
                    let mut derives = false;
                    for base in &candidate.bases {
                        let Some(base) = base else {
                            continue;
                        };
                        match self.resolve_hops(base, 0) {
                            Resolved::Class { ref qualified, .. } if *qualified == current => {
                                derives = true;
                            }
                            Resolved::External(_) if may_name_by_path(base, &current) => {
                                derives = true;
                            }
                            Resolved::Class { .. } | Resolved::External(_) => {}
                            _ if base.rsplit('.').next() == Some(short) => return None,
                            _ => {}
                        }
                    }
                    if !derives
                        && (candidate.opaque_base
                            || candidate
                                .base_mentions
                                .iter()
                                .any(|mention| mention.rsplit('.').next() == Some(short)))
                    {
                        return None;
                    }
                    let subclass = format!("{module}.{class_name}");
                    if derives && !family.contains(&subclass) {
                        family.push(subclass);
                    }
                }
            }
        }
        Some(family)
    }

    /// [`Self::find_descendants`], asked once per class.
    fn descendants(&self, class: &str) -> Option<Arc<[String]>> {
        if let Ok(known) = self.descendant_answers.read()
            && let Some(answer) = known.get(class)
        {
            return answer.clone();
        }
        let answer: Option<Arc<[String]>> = self.find_descendants(class).map(Into::into);
        if let Ok(mut known) = self.descendant_answers.write() {
            known.insert(class.into(), answer.clone());
        }
        answer
    }

    /// Whether an instance may be of a class that derives from both `a`
    /// and `b` (one of them derives from the other, or a class derives
    /// from both): what is set on the instances of one may be found on the
    /// instances of the other. "May" when some class may derive from
    /// either unseen.
    fn classes_may_meet(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let (Some(of_a), Some(of_b)) = (self.descendants(a), self.descendants(b)) else {
            return true;
        };
        of_a.iter().any(|class| of_b.contains(class))
    }

    /// See [`ProjectFacts::attribute_writer_reaching`].
    fn find_attribute_writer_reaching(
        &self,
        class: &str,
        name: &str,
        except: Option<&str>,
    ) -> Option<String> {
        let scan = self.scan();
        if scan.may_write_every_attribute() || self.computed_writes().any {
            return Some(
                "some code of the project may write any attribute of any object (a `setattr` by a name it computes, a namespace kept or handed on, `__class__` written)".into(),
            );
        }
        if !scan.may_write_attribute(name) {
            return None;
        }
        for at in 0.. {
            let Some(path) = scan.readers.path_at(at) else {
                break;
            };
            if !is_code_file(path) || !scan.may_spell(at, name) {
                continue;
            }
            let shown = self.relative(path.to_path_buf());
            let Some((module, _)) = self.layout.module_name(path) else {
                return Some(format!(
                    "{} may write an attribute named `{name}` and cannot be read as a module",
                    shown.display()
                ));
            };
            if except == Some(module.as_str()) {
                continue;
            }
            let Some(summary) = self.summary(&module) else {
                return Some(format!(
                    "{} may write an attribute named `{name}` and cannot be read",
                    shown.display()
                ));
            };
            // A write by a name spelled in a string (`setattr(obj,
            // "flush", f)`, `patch.object(svc, "flush", f)`,
            // `vars(obj)["flush"] = f`) is no attribute target: such a
            // file counts unless its writes of the name are all placed.
            let by_string = summary.writes_by_string;
            if !by_string && !summary.written_attributes.contains(name) {
                continue;
            }
            let Some((_, classes)) = summary
                .placed_writes
                .iter()
                .find(|(written, _)| written.as_ref() == name)
            else {
                return Some(format!(
                    "{} assigns or deletes an attribute named `{name}` on an object that may be one of its instances",
                    shown.display()
                ));
            };
            // A class named through an import is the one the project
            // resolves it to, unless other code may bind that name again.
            if let Some(other) = classes.iter().find(|other| {
                let rebound = other.rsplit_once('.').is_none_or(|(module, bound)| {
                    self.in_project(module) && self.module_attribute_written(module, bound)
                });
                rebound
                    || match self.resolve(other) {
                        Resolved::Class { qualified, .. } => {
                            self.classes_may_meet(&qualified, class)
                        }
                        _ => self.class(other).is_none() || self.classes_may_meet(other, class),
                    }
            }) {
                return Some(format!(
                    "{} assigns `{name}` on the instances of `{other}`, which may be instances of `{class}` too",
                    shown.display()
                ));
            }
        }
        None
    }

    /// The names the project's files may call the classes of `family`
    /// by: their own, and the names a file imports or aliases one of them
    /// under (`from app.base import Base as Service`, `Service = Base`),
    /// followed from file to file.
    fn class_spellings(&self, family: &[String]) -> Vec<String> {
        let scan = self.scan();
        let mut names: Vec<String> = Vec::new();
        for member in family {
            let short = member.rsplit('.').next().unwrap_or(member).to_string();
            if !names.contains(&short) {
                names.push(short);
            }
        }
        let mut next = 0;
        while let Some(name) = names.get(next).cloned() {
            next += 1;
            if names.len() > 64 {
                break;
            }
            for at in 0.. {
                let Some(path) = scan.readers.path_at(at) else {
                    break;
                };
                if !is_code_file(path) || !scan.may_spell(at, &name) {
                    continue;
                }
                let Some(summary) = self
                    .layout
                    .module_name(path)
                    .and_then(|(module, _)| self.summary(&module))
                else {
                    continue;
                };
                for (bound, symbol) in &summary.symbols {
                    let target = match symbol {
                        Symbol::Import(path) => path.as_ref(),
                        Symbol::Alias { targets, .. } if targets.len() == 1 => targets[0].as_ref(),
                        _ => continue,
                    };
                    if target.rsplit('.').next() != Some(name.as_str())
                        || names.iter().any(|known| known.as_str() == bound.as_ref())
                    {
                        continue;
                    }
                    if let Resolved::Class { qualified, .. } = self.resolve_hops(target, 0)
                        && family.contains(&qualified)
                    {
                        names.push(bound.to_string());
                    }
                }
            }
        }
        names
    }

    /// See [`ProjectFacts::self_may_be_other`].
    fn find_self_other(&self, class: &str, caller: &str) -> Option<String> {
        let scan = self.scan();
        let family = self
            .descendants(class)
            .unwrap_or_else(|| Arc::from(vec![class.to_string()]));
        let names = self.class_spellings(&family);
        let shown_class = class.rsplit('.').next().unwrap_or(class);
        for at in 0.. {
            let Some(path) = scan.readers.path_at(at) else {
                break;
            };
            if !is_code_file(path) {
                continue;
            }
            let names_class = names.iter().any(|name| scan.may_spell(at, name));
            // A read off what may be any class spells the method and one
            // of these (see `MemberRead::receiver`).
            let any_class = scan.may_spell(at, caller)
                && [
                    "__func__",
                    "__class__",
                    "type",
                    "import_module",
                    "__import__",
                    "attrgetter",
                    "methodcaller",
                ]
                .iter()
                .any(|word| scan.may_spell(at, word));
            if !names_class && !any_class {
                continue;
            }
            let shown = self.relative(path.to_path_buf());
            let Some((module, _)) = self.layout.module_name(path) else {
                return Some(format!(
                    "{} names `{shown_class}` and cannot be read as a module: it may run `{caller}` on another object",
                    shown.display(),
                ));
            };
            let Some(summary) = self.summary(&module) else {
                return Some(format!(
                    "{} names `{shown_class}` and cannot be read: it may run `{caller}` on another object",
                    shown.display(),
                ));
            };
            if names_class && let Some(line) = summary.makes_classes {
                return Some(format!(
                    "{}:{line} makes classes at run time (`exec`, `compile`, `type(name, bases, ns)`, `make_dataclass`, a partial of `type`) where it names `{shown_class}`: one may derive from it and bind any method otherwise",
                    shown.display(),
                ));
            }
            for read in summary.member_reads.iter() {
                let member = read.member.as_ref();
                if member != caller && member != "__dict__" && member != "*" {
                    continue;
                }
                if read
                    .own_instance_of
                    .as_ref()
                    .is_some_and(|own| family.iter().any(|member| member.as_str() == own.as_ref()))
                {
                    continue;
                }
                if read.receiver.as_ref() == "*" {
                    if member == caller {
                        return Some(format!(
                            "{}:{} reads `{caller}` off what may be any class (`type(obj).{caller}(other)`, `obj.__class__`, `__func__`, `operator.attrgetter`, a module imported at run time): `self` may be another object there, whose method of the name may be a plain `def`",
                            shown.display(),
                            read.line,
                        ));
                    }
                    continue;
                }
                let reaches = match self.resolve_hops(&read.receiver, 0) {
                    Resolved::Class { qualified, .. } => family.contains(&qualified),
                    Resolved::External(_) | Resolved::Module(_) | Resolved::Function { .. } => {
                        false
                    }
                    _ => read
                        .receiver
                        .rsplit('.')
                        .next()
                        .is_some_and(|last| names.iter().any(|name| name == last)),
                };
                if reaches {
                    let short = read.receiver.rsplit('.').next().unwrap_or(&read.receiver);
                    if member == "*" {
                        return Some(format!(
                            "{}:{} reads the members of `{short}` by a name it computes (`getattr({short}, name)`): `self` in `{caller}` may be another object there, whose method of the name may be a plain `def`",
                            shown.display(),
                            read.line,
                        ));
                    }
                    return Some(format!(
                        "{}:{} reads `{short}.{}` other than on an instance (`{short}.{caller}(obj)`, `partial({short}.{caller}, obj)`, `{caller} = {short}.{caller}` in another class, `MethodType`, `__get__`, `getattr`): `self` may be another object there, whose method of the name may be a plain `def`",
                        shown.display(),
                        read.line,
                        read.member,
                    ));
                }
            }
        }
        None
    }

    /// See [`ProjectFacts::base_may_redirect_lookups`]; `hops` bounds the
    /// bases followed (past it, "may").
    fn why_base_may_redirect(&self, base: &str, hops: usize) -> Option<String> {
        if hops > MAX_HOPS {
            return Some(format!("`{base}` has a chain of bases too long to follow"));
        }
        match self.resolve_hops(base, 0) {
            Resolved::External(_) => None,
            Resolved::Class { qualified, origin } => {
                let Some((_, class)) = self.class(&qualified) else {
                    return Some(format!("the base `{qualified}` cannot be read"));
                };
                let at = format!("{}:{}", origin.path.display(), origin.line);
                if !class.keeps_subclass_methods {
                    return Some(format!(
                        "the base `{qualified}` ({at}) has a metaclass or class decorator that may replace the methods of the classes deriving from it"
                    ));
                }
                if let Some(hook) = ["__getattribute__", "__getattr__", "__init_subclass__"]
                    .into_iter()
                    .find(|hook| {
                        class.methods.contains_key(*hook) || class.other_names.contains(*hook)
                    })
                {
                    return Some(format!(
                        "the base `{qualified}` ({at}) defines `{hook}`, which may answer for the method"
                    ));
                }
                if class.opaque_base {
                    return Some(format!(
                        "the base `{qualified}` ({at}) has a base the index cannot follow"
                    ));
                }
                class.bases.iter().find_map(|next| match next {
                    Some(next) => self.why_base_may_redirect(next, hops + 1),
                    None => Some(format!(
                        "the base `{qualified}` ({at}) has a base the index cannot name"
                    )),
                })
            }
            _ => Some(format!("the base `{base}` cannot be followed by the index")),
        }
    }

    /// Whether the class `base` (a dotted name as a class statement's base
    /// names it) or one of its bases may bind `name` other than by an
    /// `async def` that stays one: a class of the project, read through
    /// its summary, or a library's, which may bind any name (except
    /// `object` and the typing and `abc` markers that bind none).
    fn base_may_bind(&self, base: &str, name: &str, hops: usize) -> bool {
        if hops > MAX_HOPS {
            return true;
        }
        match self.resolve_hops(base, 0) {
            Resolved::External(qualified) => !matches!(
                qualified.as_str(),
                "builtins.object"
                    | "abc.ABC"
                    | "typing.Generic"
                    | "typing_extensions.Generic"
                    | "typing.Protocol"
                    | "typing_extensions.Protocol"
            ),
            Resolved::Class { qualified, .. } => {
                let Some((_, class)) = self.class(&qualified) else {
                    return true;
                };
                if !class.keeps_methods
                    || class.opaque_base
                    || class.other_names.contains(name)
                    || finds_any(&class)
                {
                    return true;
                }
                if let Some(method) = class.methods.get(name) {
                    return !(method.is_async
                        && self.keeps_transparent(method)
                        && !method.is_generator);
                }
                class.bases.iter().any(|base| match base {
                    Some(base) => self.base_may_bind(base, name, hops + 1),
                    None => true,
                })
            }
            _ => true,
        }
    }

    fn origin(&self, summary: &ModuleSummary, line: u32) -> Origin {
        let path = summary
            .path
            .strip_prefix(&self.layout.root)
            .map_or_else(|_| summary.path.clone(), Path::to_path_buf);
        Origin { path, line }
    }
}

impl ProjectFacts for ProjectIndex {
    fn shadows_library(&self, dir: Option<&Path>, top: &str) -> bool {
        let (found, in_project) = self.located(top);
        if in_project && matches!(found, Some(ModuleFile::Source { .. })) {
            return true;
        }
        // Beside a file run as a script (see `shadowed_beside`).
        dir.is_some_and(|dir| {
            !self.layout.source_roots.iter().any(|root| root == dir)
                && !dir.join("__init__.py").is_file()
                && (dir.join(format!("{top}.py")).is_file()
                    || dir.join(top).join("__init__.py").is_file())
        })
    }

    fn resolve(&self, qualified: &str) -> Resolved {
        self.resolve_hops(qualified, 0)
    }

    fn resolve_loaded(&self, qualified: &str, loaded: usize) -> Resolved {
        self.resolve_loaded_hops(qualified, loaded, 0)
    }

    fn method(&self, class: &str, name: &str) -> Resolved {
        self.method_hops(class, name, 0)
    }

    fn instance_method(&self, class: &str, name: &str) -> Resolved {
        self.instance_method_hops(class, name, 0)
    }

    fn base_may_redirect_lookups(&self, base: &str) -> Option<String> {
        self.why_base_may_redirect(base, 0)
    }

    fn subclasses_may_override(&self, class: &str, name: &str) -> bool {
        self.subclasses_may_override_here(class, name)
    }

    fn sys_path_extended(&self, dir: &Path) -> Option<PathBuf> {
        let writer = self.scan().sys_path_writer_above(dir)?;
        Some(
            writer
                .strip_prefix(&self.layout.root)
                .map_or_else(|_| writer.clone(), Path::to_path_buf),
        )
    }

    fn sys_path_written(&self) -> Option<PathBuf> {
        let writer = self.scan().sys_path_writer_anywhere()?;
        Some(
            writer
                .strip_prefix(&self.layout.root)
                .map_or_else(|_| writer.clone(), Path::to_path_buf),
        )
    }

    fn may_rerun(&self, module: &str, as_main: bool) -> Option<PathBuf> {
        let file = self.scan().rerunner(module, as_main)?;
        Some(self.relative(file))
    }

    fn loop_used_elsewhere(&self, file: &Path, target: PyVersion) -> Option<LoopUse> {
        let own = layout::absolute(file);
        let (users, before_310) = self.loop_users.get_or_init(|| self.find_loop_users());
        let users = if target < PyVersion::PY310 {
            before_310
        } else {
            users
        };
        users
            .iter()
            .find(|found| found.file != own)
            .map(|found| LoopUse {
                file: self.relative(found.file.clone()),
                ..found.clone()
            })
    }

    fn importer_managing_loops(&self, file: &Path) -> Option<PathBuf> {
        let scan = self.scan();
        let readers = self.readers();
        let own = readers::module_word(file)?;
        // The words that reach the module: its own, then those of the
        // files that name one, transitively.
        let mut reach: Vec<Box<str>> = vec![own];
        let mut next = 0;
        while let Some(word) = reach.get(next).cloned() {
            next += 1;
            for at in readers.files_naming_word(&word) {
                let Some(path) = readers.path(at) else {
                    return Some(PathBuf::new());
                };
                if path == file {
                    continue;
                }
                if scan.manages_loops(at) {
                    return Some(self.relative(path.to_path_buf()));
                }
                if let Some(word) = readers.word(at)
                    && !reach.iter().any(|known| known.as_ref() == word)
                {
                    if reach.len() > 256 {
                        return Some(self.relative(path.to_path_buf()));
                    }
                    reach.push(word.into());
                }
            }
        }
        None
    }

    fn other_async_library(&self) -> Option<String> {
        let (source, file) = self.scan().other_async_library()?;
        let file = file
            .strip_prefix(&self.layout.root)
            .map_or_else(|_| file.clone(), Path::to_path_buf);
        Some(source.describe(&file))
    }

    fn runner_library(&self) -> Option<String> {
        let Some((source, file)) = self.scan().runner_library() else {
            return self
                .trio_mode
                .map(|file| format!("trio (pytest-trio's `trio_mode` is on in {file})"));
        };
        let file = file
            .strip_prefix(&self.layout.root)
            .map_or_else(|_| file.clone(), Path::to_path_buf);
        Some(source.describe(&file))
    }

    fn coroutine_driver(&self) -> Option<PathBuf> {
        let file = self.scan().coroutine_driver()?;
        Some(
            file.strip_prefix(&self.layout.root)
                .map_or_else(|_| file.clone(), Path::to_path_buf),
        )
    }

    fn computed_importer(&self) -> Option<PathBuf> {
        let file = self.scan().computed_importer_file()?;
        Some(
            file.strip_prefix(&self.layout.root)
                .map_or_else(|_| file.clone(), Path::to_path_buf),
        )
    }

    fn nest_asyncio_importer(&self) -> Option<PathBuf> {
        let file = self.scan().nest_asyncio_importer()?;
        Some(
            file.strip_prefix(&self.layout.root)
                .map_or_else(|_| file.clone(), Path::to_path_buf),
        )
    }

    fn may_be_cancelled_error(&self, name: &str, loaded: usize) -> bool {
        self.may_derive_from_cancelled_error(name, loaded, MAX_CANCELLED_DEPTH)
    }

    fn may_catch_cancelled_error(&self, name: &str, loaded: usize, exception: bool) -> bool {
        self.may_catch_cancelled(name, loaded, exception, MAX_CANCELLED_DEPTH)
    }

    fn others_may_catch(&self, file: &Path, name: &str) -> Option<PathBuf> {
        self.others_may_catch_here(file, name)
    }

    fn may_catch_builtin(&self, name: &str, loaded: usize, wanted: &[&str]) -> bool {
        self.may_catch_builtin_here(name, loaded, wanted, MAX_CANCELLED_DEPTH)
    }

    fn may_raise(&self, qualified: &str) -> bool {
        self.may_raise_here(qualified)
    }

    fn callback_may_keep(&self, qualified: &str) -> bool {
        self.callback_may_keep_here(qualified)
    }

    fn property_may_raise(&self, name: &str) -> bool {
        self.property_may_raise_here(name)
    }

    fn parameter_passed(
        &self,
        own: Option<&Path>,
        function: &str,
        parameter: &str,
        position: Option<usize>,
        method: bool,
    ) -> Option<String> {
        self.parameter_passed_here(&callers::ParameterQuestion {
            own: own.map(Path::to_path_buf),
            function: function.into(),
            parameter: parameter.into(),
            position,
            method,
        })
    }

    fn binds_loop_at_import(&self, module: &str) -> Option<String> {
        if let Ok(known) = self.loop_bound.read()
            && let Some(answer) = known.get(module)
        {
            return answer.clone();
        }
        let answer = self.binds_loop_at_import_uncached(module);
        if let Ok(mut known) = self.loop_bound.write() {
            known.insert(module.into(), answer.clone());
        }
        answer
    }

    fn import_not_quiet(&self, module: &str, maybe: bool) -> Option<String> {
        if maybe && !self.in_project(module) {
            // An attribute of a module checked apart, not a module.
            return None;
        }
        if let Ok(known) = self.quiet.read()
            && let Some(answer) = known.get(module)
        {
            return answer.clone();
        }
        let answer = self.import_not_quiet_uncached(module);
        if let Ok(mut known) = self.quiet.write() {
            known.insert(module.into(), answer.clone());
        }
        answer
    }

    fn may_keep_cancellation(&self, qualified: &str) -> bool {
        self.keeps_cancellation_hops(qualified, 0, true)
    }

    fn calls_may_keep_cancellation(&self, qualified: &str) -> bool {
        self.calls_keep_cancellation(qualified)
    }

    fn import_may_keep_cancellation(&self, qualified: &str) -> bool {
        self.keeps_cancellation_hops(qualified, 0, false)
    }

    fn import_reaches_cancellation_keeper(&self, qualified: &str) -> bool {
        let parts: Vec<&str> = qualified.split('.').collect();
        (1..=parts.len()).any(|split| {
            let module = parts[..split].join(".");
            self.in_project(&module) && self.reaches_cancellation_keeper(&module)
        })
    }

    fn keeping_coroutine_named(&self, qualified: &str, name: &str) -> bool {
        self.keeping_coroutine_named_in(qualified, name)
    }

    fn may_be_non_positive(&self, qualified: &str) -> bool {
        // Bound so there; or by the module writing its own namespace
        // (`globals().update(TIMEOUT=0)`); or a name the module does not
        // bind, which its `__getattr__` answers.
        self.name_fact_hops(qualified, 0, &|summary, name| {
            summary.non_positive.iter().any(|n| n.as_ref() == name)
                || summary.rebinds_namespace
                || (summary.has_getattr && !summary.symbols.contains_key(name))
        })
    }

    fn exit_may_keep_cancellation(&self, qualified: &str) -> bool {
        self.name_fact_hops(qualified, 0, &|summary, name| {
            summary.keeping_exits.iter().any(|n| n.as_ref() == name)
        }) || match self.resolve(qualified) {
            Resolved::Class {
                qualified: class, ..
            } => self.class_exit_may_keep(&class, &["__exit__", "__aexit__"], 0),
            // A context manager class of the project that other code binds
            // again (`conn.Conn = tolerating(conn.Conn)`): any class.
            Resolved::Unknown => qualified.rsplit_once('.').is_some_and(|(module, name)| {
                self.in_project(module)
                    && self.summary(module).is_some_and(|summary| {
                        matches!(summary.symbols.get(name), Some(Symbol::Class(_)))
                    })
                    && ["__enter__", "__exit__", "__aenter__", "__aexit__"]
                        .iter()
                        .any(|dunder| self.class_binds_anywhere(qualified, dunder, 0))
                    && self.module_attribute_written(module, name)
            }),
            _ => false,
        }
    }

    fn decorator_may_enter_keeper(&self, qualified: &str) -> bool {
        self.decorator_enters_keeper_hops(qualified, 0)
    }

    fn may_be_suppress(&self, qualified: &str) -> bool {
        self.may_be_suppress_hops(qualified, 0)
    }

    fn others_may_read(&self, file: &Path, name: &str) -> bool {
        self.read_answer(file, name, false)
    }

    fn others_may_read_new_private(&self, file: &Path, name: &str) -> bool {
        self.read_answer(file, name, true)
    }

    fn stateful(&self, qualified: &str) -> Option<String> {
        if let Ok(known) = self.stateful.read()
            && let Some(answer) = known.get(qualified)
        {
            return answer.clone();
        }
        let answer = self.stateful_type(qualified);
        if let Ok(mut known) = self.stateful.write() {
            known.insert(qualified.into(), answer.clone());
        }
        answer
    }

    fn blocking_chain(&self, qualified: &str) -> Option<BlockingChain> {
        let mut stack = Vec::new();
        let mut cut = false;
        self.blocking_walk(qualified, &mut stack, &mut cut)
            .map(|chain| (*chain).clone())
    }

    fn may_block(&self, qualified: &str) -> bool {
        self.may_block_text(qualified)
    }

    fn attribute_written(&self, name: &str) -> bool {
        self.may_write_attribute(name)
    }

    fn class_attribute_written(&self, class: &str, name: &str) -> bool {
        self.class_attribute_may_be_written(class, name)
    }

    fn attribute_writer_reaching(&self, class: &str, name: &str) -> Option<String> {
        if self.computed_write_reaches(class, 0) {
            return Some(format!(
                "a write by a computed name (`setattr(obj, name, v)`) may reach the instances of `{class}`"
            ));
        }
        let key = (Box::<str>::from(class), Box::<str>::from(name));
        if let Ok(known) = self.reaching_writers.read()
            && let Some(answer) = known.get(&key)
        {
            return answer.clone();
        }
        let answer = self.find_attribute_writer_reaching(class, name, None);
        if let Ok(mut known) = self.reaching_writers.write() {
            known.insert(key, answer.clone());
        }
        answer
    }

    fn self_may_be_other(&self, class: &str, caller: &str) -> Option<String> {
        let key = (Box::<str>::from(class), Box::<str>::from(caller));
        if let Ok(known) = self.self_other_answers.read()
            && let Some(answer) = known.get(&key)
        {
            return answer.clone();
        }
        let answer = self.find_self_other(class, caller);
        if let Ok(mut known) = self.self_other_answers.write() {
            known.insert(key, answer.clone());
        }
        answer
    }

    fn why_subclasses_may_override(&self, class: &str, name: &str) -> Option<String> {
        ProjectIndex::why_subclasses_may_override(self, class, name)
    }

    fn code_written(&self) -> bool {
        self.scan().writes_named_attribute("__code__")
    }

    fn attribute_named_writer(&self, dotted: &str, name: &str) -> Option<NamedWrite> {
        let scan = self.scan();
        let module = dotted.rsplit('.').next().unwrap_or(dotted);
        // `sys.modules["asyncio"] = shim`: every member may be another.
        if scan.replaced_modules.iter().any(|replaced| {
            replaced.as_ref() == module || replaced.ends_with(&format!(".{module}"))
        }) {
            return Some(NamedWrite::Written(None));
        }
        let named = scan.writes_named_attribute(name);
        // `ns = asyncio.__dict__` then `ns["sleep"] = f`: what is written
        // through the namespace is not seen; nor what a function writes on
        // its parameter when the module is handed to one.
        let through_namespace = scan
            .may_write_any_attribute_of(module)
            .then_some(NamedWrite::Written(None))
            .or_else(|| self.escape_write(dotted, name).map(NamedWrite::Escaped));
        if !named && scan.computed_writers.is_empty() {
            return through_namespace;
        }
        let key = (Box::<str>::from(dotted), Box::<str>::from(name));
        if let Ok(known) = self.named_writers.read()
            && let Some(answer) = known.get(&key)
        {
            return answer.clone();
        }
        let answer = named
            .then(|| self.find_named_writer(module, name))
            .flatten()
            .or_else(|| self.computed_writer(module))
            .or(through_namespace);
        if let Ok(mut known) = self.named_writers.write() {
            known.insert(key, answer.clone());
        }
        answer
    }

    fn attribute_value_writer(&self, module: &str, name: &str) -> Option<ValueWrite> {
        let word = module.rsplit('.').next().unwrap_or(module);
        // A write on an object that cannot be named, the module escaping
        // (`force(svc, 0)`, `PLUGINS["svc"].TIMEOUT = 0`): what it writes
        // is not read.
        if let Some(route) = self.escape_write(module, name) {
            return Some(ValueWrite::Escaped(route));
        }
        // Written by a name a package re-exports the module under: what
        // is written is not read.
        if let Some(write) = self.re_export_writer(word, name) {
            let path = match write {
                NamedWrite::Patched(path) | NamedWrite::Unread(path) => Some(path),
                NamedWrite::Written(path) => path,
                NamedWrite::Escaped(_) => None,
            };
            return Some(ValueWrite::MaybeNonPositive(path));
        }
        if !self.scan().may_write_module_attribute(word, name) {
            return None;
        }
        let key = (Box::<str>::from(word), Box::<str>::from(name));
        if let Ok(known) = self.value_writers.read()
            && let Some(answer) = known.get(&key)
        {
            return Some(answer.clone());
        }
        let answer = self.find_value_writer(word, name);
        if let Ok(mut known) = self.value_writers.write() {
            known.insert(key, answer.clone());
        }
        Some(answer)
    }

    fn call_may_write_attribute(&self, callee: &str, module: &str, name: &str) -> bool {
        let word = module.rsplit('.').next().unwrap_or(module);
        self.call_may_write(callee, word, name, 0, &mut Vec::new())
    }

    fn module_attribute_written(&self, module: &str, name: &str) -> bool {
        self.module_attribute_may_be_written(module, name)
    }

    fn is_script(&self, qualified: &str) -> bool {
        if !self.scripts.iter().any(|script| script == qualified) {
            return false;
        }
        // Once per process only when the installed script is its only
        // caller: no other file of the project names it (`app/__main__.py`
        // calling `app.cli:main` in a loop).
        let Some((module, name)) = qualified.rsplit_once('.') else {
            return false;
        };
        let Some(ModuleFile::Source { path, .. }) = self.locate(module) else {
            return false;
        };
        !self.others_may_read(&path, name)
    }

    fn shadowed_beside(&self, dir: &Path, top: &str) -> bool {
        // A built-in module wins over the script's directory too.
        if self.layout.source_roots.iter().any(|root| root == dir)
            || crate::semantic::project::is_built_in_module(top)
        {
            return false;
        }
        let key = (dir.to_path_buf(), Box::<str>::from(top));
        if let Ok(known) = self.shadowed.read()
            && let Some(&answer) = known.get(&key)
        {
            return answer;
        }
        let answer = !dir.join("__init__.py").is_file()
            && (dir.join(format!("{top}.py")).is_file() || dir.join(top).is_dir());
        if let Ok(mut known) = self.shadowed.write() {
            known.insert(key, answer);
        }
        answer
    }
}

impl ProjectIndex {
    /// [`ProjectFacts::blocking_chain`] for the function `qualified` (a
    /// name [`Self::resolve`] gave), depth first. `stack` holds the
    /// functions being asked about: a cycle stops there. `cut` tells the
    /// caller that an answer was cut short (a cycle, the depth limit), so
    /// that a "no" found that way is not kept.
    fn blocking_walk(
        &self,
        qualified: &str,
        stack: &mut Vec<Box<str>>,
        cut: &mut bool,
    ) -> Option<Arc<BlockingChain>> {
        if let Ok(known) = self.blocking.read()
            && let Some(answer) = known.get(qualified)
        {
            // A chain too long to reach from here is cut as a fresh walk
            // would cut it: the answer does not depend on what was asked first.
            if answer
                .as_ref()
                .is_some_and(|chain| stack.len() + chain.functions.len() > MAX_CHAIN)
            {
                *cut = true;
                return None;
            }
            return answer.clone();
        }
        if stack.iter().any(|f| &**f == qualified) || stack.len() >= MAX_CHAIN {
            *cut = true;
            return None;
        }
        // The text first: only a function that may block is summarised
        // and its module's calls read.
        if !self.may_block_text(qualified) {
            return None;
        }
        let (summary, key, class) = self.function_calls(qualified)?;
        let calls = self.module_calls(&summary)?;
        let step = ChainStep {
            function: key.clone(),
            file: Some(self.origin(&summary, 0).path),
        };
        let mut my_cut = false;
        let answer = match calls.get(key.as_str()) {
            None => None,
            // `import subprocess` finds the project's own `subprocess.py`
            // (a built-in module such as `time` cannot be stood in for).
            Some(FunctionCalls::Blocks(call, _))
                if call.split_once('.').is_some_and(|(top, _)| {
                    top != "Path"
                        && !crate::semantic::project::is_built_in_module(top)
                        && self.in_project(top)
                }) =>
            {
                None
            }
            Some(FunctionCalls::Blocks(call, line)) => Some(Arc::new(BlockingChain {
                functions: vec![step],
                call: call.to_string(),
                site: BlockingSite::There(self.origin(&summary, *line)),
            })),
            Some(FunctionCalls::Calls(targets)) => {
                stack.push(qualified.into());
                let mut found = None;
                for target in targets.iter() {
                    // By the text first: only a name that may block is resolved.
                    let may = match (target, &class) {
                        (CallTarget::Name(name), _) => self.may_block_text(name),
                        (CallTarget::SelfMethod(method), Some(class)) => {
                            self.may_block_text(&format!("{class}.{method}"))
                        }
                        (CallTarget::SelfMethod(_), None) => false,
                    };
                    if !may {
                        continue;
                    }
                    let resolved = match target {
                        CallTarget::Name(name) => self.resolve_hops(name, 0),
                        CallTarget::SelfMethod(method) => match &class {
                            Some(class) => self.method_hops(class, method, 0),
                            None => Resolved::Unknown,
                        },
                    };
                    let Resolved::Function {
                        qualified: callee,
                        facts,
                        ..
                    } = resolved
                    else {
                        continue;
                    };
                    if !runs_when_called(facts.is_async, facts.is_generator, facts.transparent)
                        || facts.legacy_coroutine
                    {
                        continue;
                    }
                    if let Some(chain) = self.blocking_walk(&callee, stack, &mut my_cut) {
                        let mut chain = (*chain).clone();
                        chain.functions.insert(0, step.clone());
                        found = Some(Arc::new(chain));
                        break;
                    }
                }
                stack.pop();
                found
            }
        };
        // An answer found with a path cut short may depend on where the
        // walk came from: only whole answers are kept.
        if !my_cut && let Ok(mut known) = self.blocking.write() {
            known.insert(qualified.into(), answer.clone());
        }
        *cut |= my_cut;
        answer
    }

    /// The summary of the project module defining the function or method
    /// `qualified` (`app.http._get`, `app.db.Repo.load`), its key in
    /// [`summary::module_calls`] (`_get`, `Repo.load`), and for a method
    /// its class's dotted name. `None` for a module of the environment:
    /// chains stay in the project.
    fn function_calls(
        &self,
        qualified: &str,
    ) -> Option<(Arc<ModuleSummary>, String, Option<String>)> {
        let (module, name) = qualified.rsplit_once('.')?;
        if self.in_project(module)
            && let Some(summary) = self.summary(module)
            && matches!(summary.symbols.get(name), Some(Symbol::Function(_)))
        {
            return Some((summary, name.to_string(), None));
        }
        let (module, class) = module.rsplit_once('.')?;
        if !self.in_project(module) {
            return None;
        }
        let summary = self.summary(module)?;
        match summary.symbols.get(class) {
            Some(Symbol::Class(found)) if found.methods.contains_key(name) => Some((
                summary.clone(),
                format!("{class}.{name}"),
                Some(format!("{module}.{class}")),
            )),
            _ => None,
        }
    }

    /// What the functions of the module behind `summary` call: its file
    /// is read and parsed again, only when a chain asks about one of its
    /// functions, and the tree is dropped at once. The last few modules'
    /// answers are kept, since a chain often asks about several functions
    /// of one module in a row.
    fn module_calls(&self, summary: &ModuleSummary) -> Option<Arc<CallsByFunction>> {
        if let Ok(recent) = self.recent_calls.lock()
            && let Some((_, calls)) = recent.iter().find(|(name, _)| *name == summary.name)
        {
            return Some(calls.clone());
        }
        let calls = Arc::new(read_calls(summary)?);
        if let Ok(mut recent) = self.recent_calls.lock() {
            if recent.len() >= RECENT_CALLS {
                recent.pop_front();
            }
            recent.push_back((summary.name.clone(), calls.clone()));
        }
        Some(calls)
    }

    /// [`ProjectFacts::binds_loop_at_import`]: the modules `module`
    /// imports, and theirs, breadth first.
    fn binds_loop_at_import_uncached(&self, module: &str) -> Option<String> {
        // What an import of it runs cannot be told.
        let top = module.split('.').next().unwrap_or(module);
        if self.layout.in_several_roots(top) {
            return Some(format!("the `{top}` of one of several source roots"));
        }
        if self.scan().may_replace_module(module) {
            return Some(format!("whatever `sys.modules` holds for `{module}`"));
        }
        let mut seen: Vec<String> = vec![module.to_string()];
        let mut next = 0;
        while let Some(current) = seen.get(next).cloned() {
            next += 1;
            // What the modules past the bound run is not read: unknown.
            if next > MAX_IMPORTED_MODULES {
                return Some(format!(
                    "the code of more than {MAX_IMPORTED_MODULES} project modules"
                ));
            }
            let Some(summary) = self.summary(&current) else {
                continue;
            };
            if let Some((call, line)) = summary.loop_bound_at_import.first() {
                let origin = self.origin(&summary, *line);
                return Some(format!("`{call}()` in `{origin}`"));
            }
            // A function or class of the project that import-time code
            // calls, and whose call may touch the loop (`DONE = make()`).
            for (callee, line) in &summary.calls_at_import {
                if self.call_touches_loop(callee, 0, &mut Vec::new()) {
                    let origin = self.origin(&summary, *line);
                    return Some(format!("`{callee}()` in `{origin}`"));
                }
                // Importing what it calls runs that module's code too.
                if let Some(module) = self.project_module_of(callee)
                    && !seen.contains(&module)
                {
                    seen.push(module);
                }
            }
            for symbol in summary.symbols.values() {
                let Symbol::Import(target) = symbol else {
                    continue;
                };
                let parts: Vec<&str> = target.split('.').collect();
                for split in (1..=parts.len()).rev() {
                    let prefix = parts[..split].join(".");
                    if self.in_project(&prefix) {
                        if !seen.contains(&prefix) {
                            seen.push(prefix);
                        }
                        break;
                    }
                }
            }
        }
        None
    }
}

impl ProjectIndex {
    /// [`ProjectFacts::import_not_quiet`] for `module`, before caching:
    /// the modules its import runs, depth first. A module met again while
    /// its own proof is under way (a cycle of imports) is not quiet.
    fn import_not_quiet_uncached(&self, module: &str) -> Option<String> {
        // `sys.path` belongs to the process: once some file of the project
        // changes it, an import may find code the index has not read.
        if let Some(writer) = self.sys_path_written() {
            return Some(format!(
                "`{}` changes `sys.path`, after which an import may find code asyncmod has not read",
                writer.display()
            ));
        }
        let mut proof = QuietSearch {
            stack: Vec::new(),
            done: Vec::new(),
        };
        self.import_runs_code(module, &mut proof)
    }

    /// Why importing `module` (absolute) may run more than the standard
    /// library or quiet project modules.
    fn import_runs_code(&self, module: &str, proof: &mut QuietSearch) -> Option<String> {
        let top = module.split('.').next().unwrap_or(module);
        let standard = crate::semantic::project::standard_module(top);
        if standard && !crate::semantic::project::is_built_in_module(top) && self.in_project(top) {
            // Quiet functions may call the standard library's functions:
            // not those of a project module that stands in for it.
            return Some(format!(
                "a module of the project that stands in for the standard library's `{top}`"
            ));
        }
        if self.in_project(module) {
            return self.module_not_quiet(module, proof);
        }
        if standard {
            return None;
        }
        Some(format!(
            "code that is neither the project's nor the standard library's (`{module}`)"
        ))
    }

    /// Why the project module `module` is not quiet (see `quiet.rs`).
    fn module_not_quiet(&self, module: &str, proof: &mut QuietSearch) -> Option<String> {
        if proof.done.iter().any(|known| known == module) {
            return None;
        }
        if proof.stack.iter().any(|known| known == module) {
            return Some(format!("a cycle of imports through `{module}`"));
        }
        if proof.done.len() + proof.stack.len() > MAX_IMPORTED_MODULES {
            return Some(format!(
                "the code of more than {MAX_IMPORTED_MODULES} project modules"
            ));
        }
        let top = module.split('.').next().unwrap_or(module);
        if self.layout.in_several_roots(top) {
            return Some(format!("the `{top}` of one of several source roots"));
        }
        if self.scan().may_replace_module(module) {
            return Some(format!("whatever `sys.modules` holds for `{module}`"));
        }
        let summary = match self.located(module) {
            (Some(ModuleFile::Namespace(_)), true) => return None,
            (Some(ModuleFile::Source { path, .. }), true) => {
                if let Some(extension) = extension_beside(&path) {
                    return Some(format!(
                        "the compiled module `{}`, which Python loads instead of its source",
                        extension.display()
                    ));
                }
                self.summary(module)
            }
            _ => None,
        };
        let Some(summary) = summary else {
            return Some(format!("code asyncmod cannot read (`{module}`)"));
        };
        if let Some((what, line)) = &summary.quiet.blocker {
            return Some(format!("{what} at `{}`", self.origin(&summary, *line)));
        }
        proof.stack.push(module.to_string());
        let mut found = None;
        for (need, line) in &summary.quiet.needs {
            let reason = match need {
                Need::Module(imported) => self.import_runs_code(imported, proof),
                Need::MaybeModule(imported) if self.in_project(imported) => {
                    self.module_not_quiet(imported, proof)
                }
                Need::MaybeModule(_) => None,
                Need::Class(class) => match self.resolve_hops(class, 0) {
                    Resolved::Class { qualified, .. } => qualified
                        .rsplit_once('.')
                        .and_then(|(owner, _)| self.project_module_of(owner))
                        .map_or_else(
                            || Some(format!("the base `{class}`, which asyncmod cannot place")),
                            |owner| self.module_not_quiet(&owner, proof),
                        ),
                    _ => Some(format!(
                        "the base `{class}`, which asyncmod cannot show to be a class of a quiet module"
                    )),
                },
            };
            if let Some(reason) = reason {
                found = Some(format!(
                    "{reason} through `{}`",
                    self.origin(&summary, *line)
                ));
                break;
            }
        }
        proof.stack.pop();
        if found.is_none() {
            proof.done.push(module.to_string());
        }
        found
    }
}

/// An extension module beside the source file `path` (`fast.py` and
/// `fast.cpython-311-x86_64-linux-gnu.so`, `__init__.py` and
/// `__init__.pyd`): the import system tries extension modules before
/// sources, so what runs is not the source the index read.
fn extension_beside(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    let dir = path.parent()?;
    std::fs::read_dir(dir).ok()?.find_map(|entry| {
        let name = entry.ok()?.file_name();
        let name = name.to_str()?;
        let rest = name.strip_prefix(stem)?.strip_prefix('.')?;
        (rest.ends_with(".so") || rest.ends_with(".pyd") || rest == "so" || rest == "pyd")
            .then(|| dir.join(name))
    })
}

/// The state of one quiet proof: the modules being proven (an import
/// chain) and those proven quiet.
struct QuietSearch {
    stack: Vec<String>,
    done: Vec<String>,
}

/// How many project modules [`ProjectFacts::binds_loop_at_import`] reads
/// for one module (it and those it imports, transitively); more is unknown.
const MAX_IMPORTED_MODULES: usize = 256;

/// How deep [`ProjectIndex::call_touches_loop`] follows calls from one
/// import-time call; deeper counts as touching the loop.
const MAX_LOOP_DEPTH: usize = 16;

impl ProjectIndex {
    /// The longest prefix of the dotted name `qualified` that is a module
    /// of the project, if any.
    fn project_module_of(&self, qualified: &str) -> Option<String> {
        let parts: Vec<&str> = qualified.split('.').collect();
        (1..=parts.len())
            .rev()
            .map(|split| parts[..split].join("."))
            .find(|prefix| self.in_project(prefix))
    }

    /// Whether calling `callee` (an absolute dotted name, called when a
    /// module is imported) may touch asyncio's event loop, as far as the
    /// project shows: a function of the project whose summary says so or
    /// that calls one that may (see [`FunctionSummary::touches_loop`]), a
    /// class whose construction (`__new__`, `__init__`, `__post_init__`,
    /// its own or a project base's) may, or a name of the project the
    /// index cannot follow. What lies outside the project is not read
    /// here (asyncio and the well-known async libraries count in the
    /// summaries already). `seen` holds the callees being followed: one
    /// met again adds nothing.
    fn call_touches_loop(&self, callee: &str, depth: usize, seen: &mut Vec<String>) -> bool {
        if seen.iter().any(|known| known == callee) {
            return false;
        }
        if depth > MAX_LOOP_DEPTH {
            return true;
        }
        seen.push(callee.to_string());
        if self.project_module_of(callee).is_none() {
            return false;
        }
        match self.resolve_hops(callee, 0) {
            Resolved::Function { qualified, .. } => match self.function_summary(&qualified) {
                Some(function) => {
                    function.touches_loop
                        || function
                            .calls_out
                            .iter()
                            .any(|next| self.call_touches_loop(next, depth + 1, seen))
                }
                None => true,
            },
            Resolved::Class { qualified, .. } => {
                self.construction_touches_loop(&qualified, depth + 1, seen)
            }
            Resolved::Module(_) | Resolved::External(_) => false,
            Resolved::Instance { .. } | Resolved::Unknown => true,
        }
    }

    /// Whether making an instance of the project class `class` may touch
    /// asyncio's event loop (see [`Self::call_touches_loop`]): its
    /// constructors, and every base of the project, followed as the
    /// constructors may call theirs.
    fn construction_touches_loop(&self, class: &str, depth: usize, seen: &mut Vec<String>) -> bool {
        // Kept apart from the callees of the same name.
        let key = format!("{class}()");
        if seen.contains(&key) {
            return false;
        }
        if depth > MAX_LOOP_DEPTH {
            return true;
        }
        seen.push(key);
        let Some((_, found)) = self.class(class) else {
            return true;
        };
        for name in summary::CONSTRUCTORS {
            if found.other_names.contains(*name) {
                return true;
            }
            if let Some(method) = found.methods.get(*name)
                && (method.touches_loop
                    || method
                        .calls_out
                        .iter()
                        .any(|next| self.call_touches_loop(next, depth + 1, seen)))
            {
                return true;
            }
        }
        found
            .bases
            .iter()
            .flatten()
            .chain(&found.base_mentions)
            .filter(|base| self.project_module_of(base).is_some())
            .any(|base| match self.resolve_hops(base, 0) {
                Resolved::Class { qualified, .. } => {
                    self.construction_touches_loop(&qualified, depth + 1, seen)
                }
                Resolved::Module(_) | Resolved::External(_) => false,
                _ => true,
            })
    }

    /// Whether calling `callee` (an absolute dotted name) may run code of
    /// the project that writes the attribute `name` of the module whose
    /// word is `module` (see [`ProjectFacts::call_may_write_attribute`]):
    /// a plain function of the project whose module's file writes it (by
    /// that name, or by a name or namespace it computes), or that calls
    /// such a function, as its summary's calls out show. An `async def`
    /// runs nothing when called; a class's construction, a function whose
    /// calls the summary does not list, or a name the index cannot follow,
    /// may.
    fn call_may_write(
        &self,
        callee: &str,
        module: &str,
        name: &str,
        depth: usize,
        seen: &mut Vec<String>,
    ) -> bool {
        if seen.iter().any(|known| known == callee) {
            return false;
        }
        if depth > MAX_LOOP_DEPTH {
            return true;
        }
        seen.push(callee.to_string());
        if self.project_module_of(callee).is_none() {
            return false;
        }
        match self.resolve_hops(callee, 0) {
            Resolved::Function { qualified, .. } => {
                let Some(function) = self.function_summary(&qualified) else {
                    return true;
                };
                if function.is_async && function.transparent && !function.is_generator {
                    return false;
                }
                let owner = self
                    .project_module_of(&qualified)
                    .unwrap_or_else(|| qualified.clone());
                self.module_may_write_named(&owner, module, name)
                    || function.touches_loop && function.calls_out.is_empty()
                    || function
                        .calls_out
                        .iter()
                        .any(|next| self.call_may_write(next, module, name, depth + 1, seen))
            }
            Resolved::Module(_) | Resolved::External(_) => false,
            Resolved::Class { .. } | Resolved::Instance { .. } | Resolved::Unknown => true,
        }
    }

    /// Whether the file of the project module `owner` (absolute) may write
    /// the attribute `name` of the module whose word is `module`: by that
    /// name (see [`named_write_at`]), or by a name or through a namespace
    /// it computes (see [`Self::computed_writer`]).
    fn module_may_write_named(&self, owner: &str, module: &str, name: &str) -> bool {
        let Some(ModuleFile::Source { path, .. }) = self.locate(owner) else {
            return true;
        };
        let Ok(bytes) = read_file(&path) else {
            return true;
        };
        let scan = self.scan();
        if scan
            .computed_writers
            .iter()
            .any(|(file, _)| scan.readers.path(*file).is_none_or(|p| p == path.as_path()))
        {
            return true;
        }
        let others = ModuleNames::of_file(&bytes, module);
        memchr::memmem::find_iter(&bytes, name.as_bytes())
            .any(|found| named_write_at(&bytes, found, name.len(), module, &others).is_some())
    }

    /// The summary of the function or method `qualified` (absolute) of
    /// the project.
    fn function_summary(&self, qualified: &str) -> Option<FunctionSummary> {
        let (owner, name) = qualified.rsplit_once('.')?;
        if let Some(summary) = self.summary(owner)
            && let Some(Symbol::Function(function)) = summary.symbols.get(name)
        {
            return Some(function.clone());
        }
        self.class(owner)
            .and_then(|(_, class)| class.methods.get(name).cloned())
    }
}

/// What [`ProjectIndex::calls_keep_cancellation`] is reading on a thread:
/// the functions (with the index asked, by address), how many questions
/// came back to one of them, and the functions read meanwhile whose answer
/// `false` leaned on such a cut.
#[derive(Default)]
struct KeepingRead {
    functions: FxHashSet<(usize, Box<str>)>,
    cuts: usize,
    provisional: FxHashSet<(usize, Box<str>)>,
}

thread_local! {
    static KEEPING_READ: std::cell::RefCell<KeepingRead> = std::cell::RefCell::default();
    /// How many functions' calls [`ProjectIndex::calls_keep_cancellation`]
    /// has read on this thread (each is read once per index).
    static KEEPING_READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A class of a project module, read in its module's summary (see
/// [`ProjectIndex::class`]).
struct ClassAt {
    summary: Arc<ModuleSummary>,
    name: Box<str>,
}

impl std::ops::Deref for ClassAt {
    type Target = ClassSummary;

    fn deref(&self) -> &ClassSummary {
        // Made only for a name the (unchanging) summary binds to a class.
        static NONE: LazyLock<ClassSummary> = LazyLock::new(|| ClassSummary {
            bases: Vec::new(),
            base_mentions: Vec::new(),
            opaque_base: true,
            methods: FxHashMap::default(),
            other_names: FxHashSet::default(),
            keeps_methods: false,
            keeps_subclass_methods: false,
            holds: Vec::new(),
            line: 0,
        });
        match self.summary.symbols.get(&self.name) {
            Some(Symbol::Class(found)) => found,
            _ => &NONE,
        }
    }
}

/// Whether a class's instances may find anything under any name: it
/// binds `__getattribute__`.
fn finds_any(class: &ClassSummary) -> bool {
    class.methods.contains_key("__getattribute__") || class.other_names.contains("__getattribute__")
}

fn facts(function: &FunctionSummary) -> FunctionFacts {
    FunctionFacts {
        is_async: function.is_async,
        is_generator: function.is_generator,
        transparent: function.transparent,
        legacy_coroutine: function.legacy_coroutine,
        stub: function.stub,
        returns_nothing: function.returns_nothing,
        gives_plain_data: function.gives_plain_data,
        lets_cancellation_out: function.lets_cancellation_out,
        awaits_untraced: !function.cancellation_untraced.is_empty(),
        awaits_item: function
            .cancellation_untraced
            .iter()
            .any(|name| name.as_ref() == crate::semantic::cancellation::UNTRACED_ITEM),
        raises: function.raises,
        quiet: function.quiet,
        line: function.line,
    }
}

/// The value of `cell`, made on first use by `finish` from the scan `new`
/// gives; a thread that asks while another makes it first helps read the
/// files (see [`scan::Build::help`]), then waits for the value. `slot`
/// shows the scan in progress to those threads.
fn built_with_help<'c, T>(
    cell: &'c OnceLock<T>,
    slot: &Mutex<Option<Arc<scan::Build>>>,
    new: impl FnOnce() -> scan::Build,
    finish: impl FnOnce(&scan::Build) -> T,
) -> &'c T {
    if let Some(value) = cell.get() {
        return value;
    }
    let building = slot.lock().ok().and_then(|building| building.clone());
    if let Some(build) = building {
        build.help();
    }
    cell.get_or_init(|| {
        let build = Arc::new(new());
        // The build is withdrawn however this ends (a panic too), so that
        // no thread comes to help a scan nobody finishes.
        struct Withdraw<'s>(&'s Mutex<Option<Arc<scan::Build>>>);
        impl Drop for Withdraw<'_> {
            fn drop(&mut self) {
                if let Ok(mut building) = self.0.lock() {
                    *building = None;
                }
            }
        }
        let _withdraw = Withdraw(slot);
        if let Ok(mut building) = slot.lock() {
            *building = Some(Arc::clone(&build));
        }
        finish(&build)
    })
}

/// Whether a file (`bytes`, at `path`) that writes the globals of a
/// module through one of its functions (`head.f.__globals__`, see
/// [`scan::GLOBALS_OF`]) may write those of the module whose word is
/// `module`: a function the file defines itself (`def head`, `class
/// head`) has the file's own globals; one reached from a name an import
/// binds has those of some module the file imports, which names the
/// module (`from app import work`, `import asyncio`); any other (a
/// parameter, a frame, a name the file assigns) may be any module's.
fn globals_may_reach(bytes: &[u8], path: &Path, head: &str, module: &str) -> bool {
    if head.is_empty() {
        return true;
    }
    if scan::own_function(bytes, head) {
        return readers::module_word(path).is_some_and(|word| &*word == module);
    }
    let imported = imports::import_statements(bytes).iter().any(|statement| {
        statement.names.iter().any(|imported| {
            imported.words().any(|word| word == head.as_bytes())
                || imported
                    .from
                    .as_ref()
                    .is_some_and(|(_, from)| from.contains(&head.as_bytes()))
        })
    });
    // Reached from an import: a module the file imports, which it names.
    !imported || readers::has_word(bytes, &memchr::memmem::Finder::new(module.as_bytes()))
}

/// The names a file's text binds to the module whose last part is `module`
/// (`asyncio`), and those of a mock's `patch` (see [`named_write_at`]).
pub(crate) struct ModuleNames<'t> {
    /// The module's own name, the names an import binds to it (`import
    /// asyncio as aio`), and the names assigned it (`m = asyncio`, `aio =
    /// sys.modules["asyncio"]`, `m = importlib.import_module("asyncio")`).
    names: Vec<&'t [u8]>,
    /// The names an import binds to a mock's `patch` (`from unittest.mock
    /// import patch as p`).
    patchers: Vec<&'t [u8]>,
}

impl<'t> ModuleNames<'t> {
    pub(crate) fn of_file(bytes: &'t [u8], module: &'t str) -> Self {
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut names = vec![module.as_bytes()];
        // In a module other than `__main__`, `__builtins__` is the dict of
        // the builtins module's namespace (`__builtins__["TimeoutError"] =
        // X`); in `__main__`, the module itself.
        if module == "builtins" {
            names.push(b"__builtins__".as_slice());
        }
        // A text that spells neither the module nor `patch` binds no other
        // name to either (every name below is found by them).
        if memchr::memmem::find(bytes, module.as_bytes()).is_none()
            && memchr::memmem::find(bytes, b"patch").is_none()
        {
            return ModuleNames {
                names,
                patchers: Vec::new(),
            };
        }
        let mut patchers = Vec::new();
        // `import asyncio as aio`, `from unittest.mock import patch as p`,
        // read as Python reads them (comments, `;`, parentheses and
        // continuations).
        for statement in imports::import_statements(bytes) {
            for imported in &statement.names {
                let Some(alias) = imported.alias else {
                    continue;
                };
                let last = imported.last();
                if last == module.as_bytes() {
                    names.push(alias);
                } else if last == b"patch"
                    && imported.from.as_ref().is_some_and(|(_, from)| {
                        from.iter()
                            .any(|word| memchr::memmem::find(word, b"mock").is_some())
                    })
                {
                    patchers.push(alias);
                }
            }
        }
        // `import builtins as b; b.TimeoutError = X`: one statement at a
        // time.
        for line in bytes.split(|&b| b == b'\n' || b == b';') {
            let line = line.trim_ascii();
            if line.starts_with(b"import ") || line.starts_with(b"from ") {
                continue;
            }
            // `m = asyncio`, `aio = sys.modules["asyncio"]`.
            let Some(eq) = memchr::memchr(b'=', line) else {
                continue;
            };
            let target = line[..eq].trim_ascii();
            let value = &line[eq + 1..];
            if value.first() == Some(&b'=') || target.is_empty() || !target.iter().all(|&b| word(b))
            {
                continue;
            }
            let value = value
                .split(|&b| b == b'#')
                .next()
                .unwrap_or_default()
                .trim_ascii();
            if value == module.as_bytes() || reaches_module_by_name(value, module) {
                names.push(target);
            }
        }
        // `for m in (svc, other):`, `MODS = [svc]` then `for m in MODS:`:
        // the loop's name is the module on a turn.
        let has_name = |text: &[u8], names: &[&[u8]]| {
            text.split(|&b| !word(b))
                .any(|piece| !piece.is_empty() && names.contains(&piece))
                || reaches_module_by_name(text, module)
        };
        let mut holders: Vec<&[u8]> = Vec::new();
        for line in bytes.split(|&b| b == b'\n') {
            let line = line.trim_ascii();
            if let Some(eq) = memchr::memchr(b'=', line)
                && line.get(eq + 1) != Some(&b'=')
                && line[..eq].trim_ascii().iter().all(|&b| word(b))
                && has_name(&line[eq + 1..], &names)
            {
                holders.push(line[..eq].trim_ascii());
            }
        }
        let mut looped = Vec::new();
        for line in bytes.split(|&b| b == b'\n') {
            let line = line.trim_ascii();
            let line = line.strip_prefix(b"async ").unwrap_or(line);
            let Some(rest) = line.strip_prefix(b"for ") else {
                continue;
            };
            let Some(split) = memchr::memmem::find(rest, b" in ") else {
                continue;
            };
            let (target, iterable) = (rest[..split].trim_ascii(), &rest[split + 4..]);
            if target.is_empty() || !target.iter().all(|&b| word(b)) {
                continue;
            }
            if has_name(iterable, &names) || has_name(iterable, &holders) {
                looped.push(target);
            }
        }
        names.extend(looped);
        ModuleNames { names, patchers }
    }

    /// Whether `text` (a line) calls a mock's patch: it spells `patch`
    /// (`mock.patch(…)`, `monkeypatch.setattr(…)`) or calls a name an
    /// import binds to it (`p("asyncio.wait_for")`, `p.object(…)`).
    fn patches(&self, text: &[u8]) -> bool {
        memchr::memmem::find(text, b"patch").is_some()
            || self.patchers.iter().any(|name| {
                memchr::memmem::find_iter(text, name).any(|i| {
                    !i.checked_sub(1)
                        .and_then(|b| text.get(b))
                        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
                        && matches!(text.get(i + name.len()), Some(b'(' | b'.'))
                })
            })
    }
}

/// Whether `text` reaches the module whose last part is `module` by its
/// name: `sys.modules["asyncio"]`, `sys.modules.get("asyncio")`,
/// `importlib.import_module("asyncio")`, `__import__("asyncio")`.
fn reaches_module_by_name(text: &[u8], module: &str) -> bool {
    // `globals()["asyncio"]`: the module's own global of that name.
    let getter = [
        b"modules".as_slice(),
        b"import_module",
        b"__import__",
        b"globals",
    ]
    .iter()
    .any(|getter| memchr::memmem::find(text, getter).is_some());
    getter
        && [b'"', b'\''].iter().any(|&quote| {
            let quoted = [&[quote][..], module.as_bytes(), &[quote][..]].concat();
            memchr::memmem::find(text, &quoted).is_some()
                // A dotted name that ends in it (`"redis.asyncio"`: the
                // module is asked about by its last part).
                || memchr::memmem::find_iter(text, module.as_bytes()).any(|i| {
                    text.get(i + module.len()) == Some(&quote)
                        && i.checked_sub(1).and_then(|b| text.get(b)) == Some(&b'.')
                })
        })
}

/// What the word at `at` (`len` bytes) of `bytes`, a file's text, does to
/// the attribute of that name of the module whose last part is `module`
/// (`asyncio`; see [`ProjectIndex::find_named_writer`]): `None` for a
/// read, a comment, a longer word, or a write on what is not that module
/// (`m_asyncio.TimeoutError = …`, `self.wait = …`). The paths in the
/// answer are left empty.
fn named_write_at(
    bytes: &[u8],
    at: usize,
    len: usize,
    module: &str,
    others: &ModuleNames,
) -> Option<NamedWrite> {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let end = at + len;
    if at
        .checked_sub(1)
        .and_then(|b| bytes.get(b))
        .is_some_and(|&b| word(b))
        || bytes.get(end).is_some_and(|&b| word(b))
    {
        return None;
    }
    let start = memchr::memrchr(b'\n', bytes.get(..at)?).map_or(0, |i| i + 1);
    let stop = memchr::memchr(b'\n', bytes.get(at..)?).map_or(bytes.len(), |i| at + i);
    let before = bytes.get(start..at)?;
    let line = bytes.get(start..stop)?;
    if memchr::memchr(b'#', before).is_some() {
        return None;
    }
    let previous = start
        .checked_sub(1)
        .and_then(|nl| bytes.get(..nl))
        .map(|head| {
            let from = memchr::memrchr(b'\n', head).map_or(0, |i| i + 1);
            head.get(from..).unwrap_or_default()
        })
        .unwrap_or_default();
    let patch = others.patches(line)
        || previous.trim_ascii_end().ends_with(b"(") && others.patches(previous);
    // Whether `text` spells the module as a word, a name the file binds to
    // it, or reaches it by its name (`sys.modules["asyncio"]`).
    let names_module = |text: &[u8]| {
        others.names.iter().any(|name| {
            memchr::memmem::find_iter(text, name).any(|i| {
                !i.checked_sub(1)
                    .and_then(|b| text.get(b))
                    .is_some_and(|&b| word(b))
                    && !text.get(i + name.len()).is_some_and(|&b| word(b))
            })
        }) || reaches_module_by_name(text, module)
    };
    // What is before the dot: the module, a name the file binds to it
    // (`import asyncio as aio`, `m = asyncio`, `aio = sys.modules["asyncio"]`),
    // or the module reached by its name (`sys.modules["asyncio"].wait_for`,
    // `importlib.import_module("asyncio").wait_for`).
    let receiver_is_module = || {
        let Some(head) = before.strip_suffix(b".") else {
            return false;
        };
        if head.ends_with(b")") || head.ends_with(b"]") {
            return reaches_module_by_name(head, module);
        }
        let from = head.iter().rposition(|&b| !word(b)).map_or(0, |i| i + 1);
        let receiver = head.get(from..).unwrap_or_default();
        others.names.contains(&receiver)
    };
    // A dotted run back to a quote is a string: `"asyncio.wait_for"` names
    // the module's attribute, a bare `"wait_for"` one of the object the
    // line names (`patch.object(asyncio, "wait_for")`).
    let run_start = before
        .iter()
        .rposition(|&b| !(word(b) || b == b'.'))
        .map_or(0, |i| i + 1);
    // The string ends with the name: a target (`"asyncio.wait_for"`), not
    // words about it (`print("asyncio.wait_for calls:", n)`).
    let quoted = run_start
        .checked_sub(1)
        .and_then(|q| before.get(q))
        .is_some_and(|&b| (b == b'"' || b == b'\'') && bytes.get(end) == Some(&b));
    let run = before.get(run_start..).unwrap_or_default();
    let string_names_it = quoted
        && if run.is_empty() {
            names_module(line) || names_module(previous)
        } else {
            names_module(run)
        };
    let after = bytes.get(end..stop).unwrap_or_default().trim_ascii_start();
    // `asyncio.wait_for = f`, and a target among others (`asyncio.wait_for,
    // other = f, v`, `(asyncio.wait_for, x) = …`).
    let assigned = (after.first() == Some(&b'=') && after.get(1) != Some(&b'=')
        || matches!(after.first(), Some(b',' | b')' | b']'))
            && at.checked_sub(1).and_then(|dot| bytes.get(dot)) == Some(&b'.')
            && std::str::from_utf8(bytes).is_ok_and(|text| scan::target_of(text, at - 1, end)))
        && receiver_is_module();
    let by_call = ["setattr", "delattr", "__dict__", "vars(", ".update("]
        .iter()
        .any(|call| memchr::memmem::find(line, call.as_bytes()).is_some())
        && names_module(line);
    let deleted = line.trim_ascii_start().starts_with(b"del ") && receiver_is_module();
    // A keyword of `patch.multiple("asyncio", wait_for=f)` (or of the
    // module object, or of a name bound to it).
    let keyword = after.first() == Some(&b'=')
        && after.get(1) != Some(&b'=')
        && {
            let head = before.trim_ascii();
            head.is_empty() || head.ends_with(b",") || head.ends_with(b"(")
        }
        && [line, previous]
            .iter()
            .any(|text| memchr::memmem::find(text, b"multiple").is_some() && names_module(text));
    let writes = string_names_it || assigned || by_call || deleted || keyword;
    match (writes, patch) {
        (false, _) => None,
        (true, true) => Some(NamedWrite::Patched(PathBuf::new())),
        (true, false) => Some(NamedWrite::Written(None)),
    }
}

/// The text of the value a write of an attribute gives, where the
/// attribute's name ends at `end` (see [`named_write_at`]): after `=`
/// (`m.NAME = v`, `vars(m)["NAME"] = v`, `update(NAME=v)`) or after the
/// next comma (`setattr(m, "NAME", v)`, `mock.patch("m.NAME", new=v)`), up
/// to the end of the argument; `None` when the line does not show one
/// (`mock.patch("m.NAME")` puts a mock there, `del m.NAME`).
fn written_value(bytes: &[u8], end: usize) -> Option<&[u8]> {
    let stop = memchr::memchr(b'\n', bytes.get(end..)?).map_or(bytes.len(), |i| end + i);
    let mut rest = bytes.get(end..stop)?;
    if let Some(tail) = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")) {
        rest = tail;
    }
    if let Some(tail) = rest.trim_ascii_start().strip_prefix(b"]") {
        rest = tail;
    }
    let rest = rest.trim_ascii_start();
    let value = if let Some(tail) = rest.strip_prefix(b"=") {
        if tail.starts_with(b"=") {
            return None;
        }
        tail
    } else if let Some(tail) = rest.strip_prefix(b",") {
        let tail = tail.trim_ascii_start();
        tail.strip_prefix(b"new=").unwrap_or(tail)
    } else {
        return None;
    };
    let value = value.trim_ascii_start();
    let to = value
        .iter()
        .position(|b| matches!(b, b',' | b')' | b']' | b'#' | b';'))
        .unwrap_or(value.len());
    Some(value.get(..to)?.trim_ascii())
}

/// Whether `text` is a number literal above zero (`5`, `0.5`, `1e-3`,
/// `10_000`).
fn is_positive_number_literal(text: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(text) else {
        return false;
    };
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && digits
            .parse::<f64>()
            .is_ok_and(|n| n > 0.0 && n.is_finite())
}

/// Reads a file for the index, refusing one over the parser's 4 GiB limit
/// before reading it: a huge (or sparse) file must not fill memory. The
/// callers take an error as "cannot tell", which is unknown.
/// Whether the text `bytes` may define a function named `name`: `def`,
/// blanks, the name, blanks and `(` (a line continuation between them is
/// taken to be one).
fn defines_function(bytes: &[u8], name: &str) -> bool {
    let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\\' | b'\n' | b'\r' | b'\x0c');
    memchr::memmem::find_iter(bytes, name.as_bytes()).any(|at| {
        let mut before = at;
        while before > 0 && blank(bytes[before - 1]) {
            before -= 1;
        }
        let mut after = at + name.len();
        while after < bytes.len() && blank(bytes[after]) {
            after += 1;
        }
        before < at
            && bytes[..before].ends_with(b"def")
            && (before == 3 || !is_word_byte(bytes[before - 4]))
            && bytes.get(after) == Some(&b'(')
    })
}

/// A byte that may be part of a Python name (ASCII letters, digits, `_`,
/// and any byte of a non-ASCII character).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

pub(crate) fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let len = std::fs::metadata(path)?.len();
    if len > u64::from(u32::MAX) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "file too large for the parser",
        ));
    }
    let bytes = std::fs::read(path)?;
    Ok(if is_notebook(path) {
        notebook_code(&bytes)
    } else {
        bytes
    })
}

/// Whether `path` names a Jupyter notebook (`.ipynb`).
pub(crate) fn is_notebook(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ipynb")
}

/// Whether the index reads `path` as code that runs: a `.py` or `.pyw`
/// file, a Python script without an extension (the scan lists such a file
/// only when [`is_python_script`] says it is one), or a notebook (its code
/// cells, see [`notebook_code`]).
pub(crate) fn is_code_file(path: &Path) -> bool {
    is_python_source(path) || is_notebook(path)
}

/// Whether `base`, a class statement's base that no import from the
/// project's source roots finds (a library's, to the index), may be the
/// project's class `class` all the same: its dotted name ends `class`'s
/// (`conn.Conn` for `lib.conn.Conn`). `from conn import Conn` finds
/// `lib/conn.py` once `lib/` is on `sys.path` (`sys.path.insert(0, …)`
/// in some file, the directory of a script run by its path, a test
/// runner's root, `PYTHONPATH`), which the index does not follow; an
/// import that finds nothing fails at once, so the program that runs
/// finds a module there. Never for the interpreter's built-in modules
/// (`sys`, `builtins`), which no directory can shadow.
fn may_name_by_path(base: &str, class: &str) -> bool {
    let top = base.split('.').next().unwrap_or(base);
    base.contains('.')
        && !crate::semantic::project::is_built_in_module(top)
        && top != "builtins"
        && class
            .strip_suffix(base)
            .is_some_and(|head| head.ends_with('.'))
}

/// Whether `path`, a file of the scan's list, holds Python source that
/// runs: a `.py` or `.pyw` file, or a file without an extension (listed
/// only when it is a Python script, see [`is_python_script`]).
pub(crate) fn is_python_source(path: &Path) -> bool {
    path.extension().is_none_or(|e| e == "py" || e == "pyw")
}

/// Whether the file `path`, which has no extension, is a Python script:
/// its first line a shebang naming a Python interpreter (`#!/usr/bin/env
/// python3`, `#!/usr/bin/python3.11 -u`, `pypy3`, `uv run --script`), as
/// command-line tools kept in a project often are (`bin/worker`,
/// `scripts/migrate`). Such a file runs as the project's code does, so the
/// index reads it; no import finds it, so it has no module name, and a
/// question it may answer otherwise (a class deriving from one of the
/// project's) is unknown there. A file that cannot be read is not taken
/// for one: the interpreter cannot run it either.
pub(crate) fn is_python_script(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(256);
    if std::io::Read::read_to_end(&mut std::io::Read::take(file, 256), &mut head).is_err() {
        return false;
    }
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    line.starts_with(b"#!")
        && [&b"python"[..], b"pypy", b"uv run"]
            .iter()
            .any(|word| memchr::memmem::find(line, word).is_some())
}

/// What the index reads of a notebook's JSON: its code cells, as the fixer
/// reads them (magics it does not parse blanked, see
/// [`crate::notebook::code_of`]); nothing for a file that is not a
/// notebook of Python, which runs no code.
pub(crate) fn notebook_code(json: &[u8]) -> Vec<u8> {
    crate::notebook::code_of(json).map_or_else(Vec::new, String::into_bytes)
}

/// [`summary::module_calls`] of the module `summary` describes, read from
/// its file again.
fn read_calls(summary: &ModuleSummary) -> Option<CallsByFunction> {
    let bytes = read_file(&summary.path).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let parsed = ruff_python_parser::parse_module(text).ok()?;
    Some(summary::module_calls(
        parsed.syntax(),
        text,
        &summary.name,
        summary.package,
    ))
}

/// Reads, parses and summarises one file; `None` when it cannot be read
/// as UTF-8 or does not parse (nothing can be said about it). With a
/// cache, the summary made from the same bytes in an earlier run is read
/// back instead, and a summary made here is kept.
fn read_summary(
    module: &str,
    path: &Path,
    package: bool,
    cache: Option<&cache::Cache>,
) -> Option<Arc<ModuleSummary>> {
    let bytes = read_file(path).ok()?;
    let key = cache.map(|_| cache::summary_key(module, package, &bytes));
    if let Some((cache, key)) = cache.zip(key)
        && let Some(summary) = cache.summary(key, path)
    {
        return Some(Arc::new(summary));
    }
    let text = String::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // The tree alone: the tokens (several bytes for each byte of source)
    // are freed before the summary's semantic model is built.
    let tree = ruff_python_parser::parse_module(text).ok()?.into_syntax();
    let summary = summary::summarize(&tree, text, module, path.to_path_buf(), package);
    drop(tree);
    if let Some((cache, key)) = cache.zip(key) {
        cache.keep_summary(key, &summary);
    }
    Some(Arc::new(summary))
}

/// The configuration file at the project's root that turns pytest-trio's
/// `trio_mode` on (`[tool.pytest.ini_options]` of `pyproject.toml`,
/// `pytest.ini`, `[tool:pytest]` of `setup.cfg`, `tox.ini`): pytest then
/// runs every `async def` test under trio, with no import of trio in the
/// tests.
fn read_trio_mode(root: &Path) -> Option<&'static str> {
    let on = |value: &str| {
        matches!(
            value
                .trim()
                .trim_matches(['"', '\''])
                .to_ascii_lowercase()
                .as_str(),
            "true" | "1" | "yes" | "on"
        )
    };
    if let Ok(text) = std::fs::read_to_string(root.join("pyproject.toml"))
        && let Ok(table) = text.parse::<toml::Table>()
        && table
            .get("tool")
            .and_then(|t| t.get("pytest"))
            .and_then(|p| p.get("ini_options"))
            .and_then(|o| o.get("trio_mode"))
            .is_some_and(|v| v.as_bool() == Some(true) || v.as_str().is_some_and(on))
    {
        return Some("pyproject.toml");
    }
    ["pytest.ini", "setup.cfg", "tox.ini"]
        .into_iter()
        .find(|name| {
            std::fs::read_to_string(root.join(name)).is_ok_and(|text| {
                text.lines().any(|line| {
                    line.split_once('=')
                        .is_some_and(|(key, value)| key.trim() == "trio_mode" && on(value))
                })
            })
        })
}

/// `[project.scripts]` of the root's `pyproject.toml`: `app.cli:main`
/// becomes `app.cli.main`.
fn read_scripts(root: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(root.join("pyproject.toml")) else {
        return Vec::new();
    };
    let Ok(table) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let scripts = table
        .get("project")
        .and_then(|p| p.get("scripts"))
        .and_then(|s| s.as_table());
    let poetry = table
        .get("tool")
        .and_then(|t| t.get("poetry"))
        .and_then(|p| p.get("scripts"))
        .and_then(|s| s.as_table());
    scripts
        .into_iter()
        .chain(poetry)
        .flat_map(|t| t.values())
        .filter_map(|v| v.as_str())
        .filter_map(|target| {
            let (module, function) = target.split_once(':')?;
            let function = function.split('[').next()?.trim();
            Some(format!("{}.{function}", module.trim()))
        })
        .collect()
}

/// The project indexes of one run, one per project root, shared by the
/// worker threads.
#[derive(Default)]
pub struct Indexes {
    /// Where installed packages are read from (`--python`, `VIRTUAL_ENV`,
    /// each project's `.venv`), chosen once.
    environment: environment::Environment,
    /// Where each project's index keeps its summaries.
    cache: cache::CacheDir,
    by_root: Mutex<FxHashMap<PathBuf, Arc<ProjectIndex>>>,
    /// What each directory already asked about gives its files.
    dirs: Mutex<FxHashMap<PathBuf, DirModule>>,
    /// How many files of the run each project still has to process (see
    /// [`Self::expect`]): at zero its index is dropped.
    remaining: Mutex<FxHashMap<PathBuf, usize>>,
}

/// A directory's project root, and its dotted name under the first source
/// root holding it (`""` at the source root itself; `None` when no import
/// can name it: outside every source root, or a part that is no identifier).
#[derive(Clone)]
struct DirModule {
    root: PathBuf,
    package: Option<String>,
}

impl Indexes {
    /// Indexes that read installed packages from the environment of
    /// `python` (`--python`), else from `VIRTUAL_ENV` or a `.venv`/`venv`
    /// directory of each project.
    pub fn new(python: Option<PathBuf>) -> Indexes {
        Indexes::with_cache(python, cache::CacheDir::Off)
    }

    /// [`Self::new`], the summaries kept where `cache` says.
    pub fn with_cache(python: Option<PathBuf>, cache: cache::CacheDir) -> Indexes {
        Indexes {
            environment: environment::Environment::from_process(python.as_deref()),
            cache,
            ..Indexes::default()
        }
    }

    /// Why `--python` or `VIRTUAL_ENV` names no environment, if it does not.
    pub fn warning(&self) -> Option<&str> {
        self.environment.warning()
    }

    /// The index of the project at `root` (made on first use), with the
    /// environment of the run.
    pub fn project_at(&self, root: PathBuf) -> Arc<ProjectIndex> {
        self.index(root)
    }

    fn index_at(&self, root: PathBuf) -> ProjectIndex {
        let site_packages = self.environment.site_packages(&root);
        ProjectIndex::with_environment(Layout::at(root), site_packages, &self.cache)
    }

    /// Counts the files of the run by project, so that each project's
    /// index is dropped once the last of them is done (see
    /// [`Self::done_with`]): memory holds the indexes of the projects in
    /// progress, not of every project the run has seen.
    pub fn expect<'p>(&self, files: impl IntoIterator<Item = &'p Path>) {
        for file in files {
            let (index, _, _) = self.lookup(file);
            if let Ok(mut remaining) = self.remaining.lock() {
                *remaining.entry(index.layout.root.clone()).or_default() += 1;
            }
        }
    }

    /// `file` (counted by [`Self::expect`]) is done: when it was the last
    /// of its project, the project's index goes (a question that comes
    /// later anyway is answered by an index made again).
    pub fn done_with(&self, file: &Path) {
        let file = layout::absolute(file);
        let dir = file.parent().unwrap_or(&file);
        let Some(root) = self
            .dirs
            .lock()
            .ok()
            .and_then(|dirs| dirs.get(dir).map(|known| known.root.clone()))
        else {
            return;
        };
        let Ok(mut remaining) = self.remaining.lock() else {
            return;
        };
        let Some(count) = remaining.get_mut(&root) else {
            return;
        };
        *count = count.saturating_sub(1);
        if *count == 0 {
            remaining.remove(&root);
            drop(remaining);
            let dropped = self
                .by_root
                .lock()
                .ok()
                .and_then(|mut by_root| by_root.remove(&root));
            // The index is freed here, outside the lock (or by the last
            // worker still holding it).
            drop(dropped);
        }
    }

    /// Whether the index of the project at `root` is held (made and not
    /// yet dropped).
    #[cfg(test)]
    fn holds(&self, root: &Path) -> bool {
        self.by_root
            .lock()
            .is_ok_and(|by_root| by_root.contains_key(root))
    }

    /// The index of the project around `file`, and the file's module name
    /// and whether it is a package (`None` for a file no import can name).
    pub fn for_file(&self, file: &Path) -> (Arc<ProjectIndex>, Option<(String, bool)>) {
        let (index, module, _) = self.lookup(file);
        (index, module)
    }

    /// [`Self::for_file`], and the file's absolute path. The project and
    /// the dotted name are found once per directory: the root is the
    /// first file's (as [`Layout::discover`] finds it), and a file's name
    /// is its directory's and its own stem.
    fn lookup(&self, file: &Path) -> (Arc<ProjectIndex>, Option<(String, bool)>, PathBuf) {
        let file = layout::absolute(file);
        let dir = file.parent().unwrap_or(&file);
        let known = self.dirs.lock().ok().and_then(|d| d.get(dir).cloned());
        let (index, package) = match known {
            Some(DirModule { root, package }) => (self.index(root), package),
            None => {
                let root = Layout::discover(&file).root;
                let index = self.index(root.clone());
                let package = index.layout.package_name(dir);
                if let Ok(mut dirs) = self.dirs.lock() {
                    dirs.insert(
                        dir.to_path_buf(),
                        DirModule {
                            root,
                            package: package.clone(),
                        },
                    );
                }
                (index, package)
            }
        };
        let module = package.and_then(|package| layout::module_in(&package, &file));
        (index, module, file)
    }

    /// The index of the project at `root`, made on first use.
    fn index(&self, root: PathBuf) -> Arc<ProjectIndex> {
        match self.by_root.lock() {
            Ok(mut by_root) => by_root
                .entry(root.clone())
                .or_insert_with(|| Arc::new(self.index_at(root)))
                .clone(),
            Err(_) => Arc::new(self.index_at(root)),
        }
    }

    /// What the semantic layer asks about imports, for the file at `path`
    /// (which need not exist, as for `--stdin-filename`): its project, its
    /// module name, and its directory. The driver asks this for each file.
    pub fn project_module(&self, path: &Path) -> ProjectModule {
        let (index, module, file) = self.lookup(path);
        let (name, package) = module.map_or((None, false), |(name, package)| (Some(name), package));
        ProjectModule {
            facts: index,
            name,
            package,
            dir: file.parent().map(Path::to_path_buf),
            file: Some(file),
        }
    }
}

/// `name` and the attributes after it (`tail`) as the module `star`
/// star-imported by another may give them: `app.local.TIMEOUT`.
fn star_path(star: &str, name: &str, tail: &[&str]) -> String {
    let mut path = format!("{star}.{name}");
    for part in tail {
        path.push('.');
        path.push_str(part);
    }
    path
}

#[cfg(test)]
mod tests {
    /// A base no import from the project's roots finds may be a project
    /// class whose dotted name ends like it, found through `sys.path`.
    #[test]
    fn bases_found_through_sys_path() {
        assert!(may_name_by_path("conn.Conn", "lib.conn.Conn"));
        assert!(may_name_by_path("app.conn.Conn", "src.app.conn.Conn"));
        assert!(!may_name_by_path("conn.Conn", "lib.myconn.Conn"));
        assert!(!may_name_by_path("conn.Conn", "conn.Conn"));
        assert!(!may_name_by_path("Conn", "lib.Conn"));
        assert!(!may_name_by_path("sys.Flags", "compat.sys.Flags"));
        assert!(!may_name_by_path(
            "builtins.Exception",
            "app.builtins.Exception"
        ));
    }

    use super::*;

    /// The value a write of `TIMEOUT` gives, as the line shows it.
    #[test]
    fn values_written() {
        let value = |text: &str| {
            let at = text.find("TIMEOUT").expect("spelled");
            written_value(text.as_bytes(), at + "TIMEOUT".len())
                .map(|v| String::from_utf8_lossy(v).into_owned())
        };
        for (text, expected) in [
            ("service.TIMEOUT = 0\n", Some("0")),
            ("service.TIMEOUT = 2.5  # slow\n", Some("2.5")),
            ("with mock.patch(\"app.service.TIMEOUT\", 0):\n", Some("0")),
            ("mock.patch('app.service.TIMEOUT', new=5)\n", Some("5")),
            ("setattr(service, 'TIMEOUT', t)\n", Some("t")),
            ("vars(service)['TIMEOUT'] = 0\n", Some("0")),
            ("service.__dict__.update(TIMEOUT=0)\n", Some("0")),
            ("mock.patch('app.service.TIMEOUT')\n", None),
            ("del service.TIMEOUT\n", None),
            ("service.TIMEOUT == 0\n", None),
        ] {
            assert_eq!(value(text).as_deref(), expected, "{text}");
        }
        for (text, positive) in [
            ("5", true),
            ("0.5", true),
            ("1e-3", true),
            ("10_000", true),
            ("0", false),
            ("0.0", false),
            ("-1", false),
            ("t", false),
            ("inf", false),
            ("", false),
        ] {
            assert_eq!(
                is_positive_number_literal(text.as_bytes()),
                positive,
                "{text}"
            );
        }
    }

    /// What a line that spells a name does to an attribute of that name.
    #[test]
    fn named_writes_by_mocks_and_others() {
        let kind = |text: &str| {
            let at = text.find("get_event_loop").expect("spelled");
            let others = ModuleNames::of_file(text.as_bytes(), "asyncio");
            match named_write_at(
                text.as_bytes(),
                at,
                "get_event_loop".len(),
                "asyncio",
                &others,
            ) {
                None => "read",
                Some(NamedWrite::Patched(_)) => "patched",
                Some(NamedWrite::Written(_) | NamedWrite::Unread(_) | NamedWrite::Escaped(_)) => {
                    "written"
                }
            }
        };
        for (text, expected) in [
            ("loop = asyncio.get_event_loop()\n", "read"),
            ("# asyncio.get_event_loop = f\n", "read"),
            ("x = asyncio.get_event_loops\n", "read"),
            ("asyncio.get_event_loop == f\n", "read"),
            (
                "with mock.patch(\"asyncio.get_event_loop\") as m:\n",
                "patched",
            ),
            ("patch.object(asyncio, 'get_event_loop', f)\n", "patched"),
            (
                "monkeypatch.setattr(asyncio, \"get_event_loop\", f)\n",
                "patched",
            ),
            (
                "with mock.patch(\n    \"asyncio.get_event_loop\",\n",
                "patched",
            ),
            ("asyncio.get_event_loop = f\n", "written"),
            ("asyncio.get_event_loop, other = f, 1\n", "written"),
            ("(asyncio.get_event_loop, x) = f, 1\n", "written"),
            ("print(asyncio.get_event_loop, x)\n", "read"),
            ("f(asyncio.get_event_loop, timeout=1)\n", "read"),
            ("globals()[\"asyncio\"].get_event_loop = f\n", "written"),
            ("setattr(asyncio, \"get_event_loop\", f)\n", "written"),
            ("del asyncio.get_event_loop\n", "written"),
            ("NAME = \"get_event_loop\"\n", "read"),
            (
                "m_asyncio.get_event_loop = asyncio.get_event_loop\n",
                "read",
            ),
            ("self.get_event_loop = f\n", "read"),
            ("import asyncio as aio\naio.get_event_loop = f\n", "written"),
            ("vars(asyncio)[\"get_event_loop\"] = f\n", "written"),
            (
                "mock.patch(\"app.work.asyncio.get_event_loop\")\n",
                "patched",
            ),
            // The module reached by its name, or through a name bound to it.
            (
                "import sys\nsys.modules[\"asyncio\"].get_event_loop = f\n",
                "written",
            ),
            (
                "importlib.import_module('asyncio').get_event_loop = f\n",
                "written",
            ),
            ("m = asyncio\nm.get_event_loop = f\n", "written"),
            (
                "aio = sys.modules.get(\"asyncio\")\naio.get_event_loop = f\n",
                "written",
            ),
            (
                "def fx():\n    aio = sys.modules['asyncio']\n    aio.get_event_loop = f\n",
                "written",
            ),
            ("m = asyncio\nsetattr(m, 'get_event_loop', f)\n", "written"),
            (
                "asyncio.__dict__.update({\"get_event_loop\": f})\n",
                "written",
            ),
            // A mock's other spellings.
            (
                "from unittest.mock import patch as p\np(\"asyncio.get_event_loop\", new=f)\n",
                "patched",
            ),
            (
                "from unittest.mock import patch as p\np.object(asyncio, 'get_event_loop', f)\n",
                "patched",
            ),
            (
                "mock.patch.multiple(\"asyncio\", get_event_loop=f)\n",
                "patched",
            ),
            (
                "mocker.patch.multiple(asyncio, get_event_loop=f)\n",
                "patched",
            ),
            (
                "monkeypatch.setitem(vars(asyncio), \"get_event_loop\", f)\n",
                "patched",
            ),
            (
                "monkeypatch.setitem(asyncio.__dict__, 'get_event_loop', f)\n",
                "patched",
            ),
            // Other objects.
            (
                "m_asyncio = MagicMock()\nm_asyncio.get_event_loop = f\n",
                "read",
            ),
            ("p = obj\np.get_event_loop = f\n", "read"),
            ("from x import patch as p\np.get_event_loop = f\n", "read"),
            (
                "mock.patch.multiple(\"app.work\", get_event_loop=f)\n",
                "read",
            ),
            ("client = make(get_event_loop=f)\n", "read"),
            ("print(\"asyncio.get_event_loop calls:\", n)\n", "read"),
            ("sys.modules[\"app.work\"].get_event_loop = f\n", "read"),
        ] {
            assert_eq!(kind(text), expected, "{text}");
        }
    }

    /// The builtins' `TimeoutError` written by the spellings a project
    /// uses for it: `__builtins__` as the module's namespace, a loop over
    /// modules, an alias bound on a line with another statement.
    #[test]
    fn named_writes_of_the_builtins_module() {
        let kind = |text: &str, module: &str| {
            let at = text.rfind("TimeoutError").expect("spelled");
            let others = ModuleNames::of_file(text.as_bytes(), module);
            match named_write_at(text.as_bytes(), at, "TimeoutError".len(), module, &others) {
                None => "read",
                Some(NamedWrite::Patched(_)) => "patched",
                Some(NamedWrite::Written(_) | NamedWrite::Unread(_) | NamedWrite::Escaped(_)) => {
                    "written"
                }
            }
        };
        for (text, module, expected) in [
            (
                "__builtins__[\"TimeoutError\"] = X\n",
                "builtins",
                "written",
            ),
            (
                "__builtins__.update(TimeoutError=X)\n",
                "builtins",
                "written",
            ),
            (
                "for mod in (builtins,):\n    mod.TimeoutError = X\n",
                "builtins",
                "written",
            ),
            (
                "MODS = [builtins, os]\nfor m in MODS:\n    setattr(m, \"TimeoutError\", X)\n",
                "builtins",
                "written",
            ),
            (
                "import builtins as b; b.TimeoutError = X\n",
                "builtins",
                "written",
            ),
            (
                "for mod in (exceptions,):\n    mod.TimeoutError = X\n",
                "exceptions",
                "written",
            ),
            // Other objects.
            (
                "for mod in items:\n    mod.TimeoutError = X\n",
                "builtins",
                "read",
            ),
            ("print(TimeoutError)\n", "builtins", "read"),
            ("cfg.update(TimeoutError=X)\n", "builtins", "read"),
            ("__builtins__[\"TimeoutError\"] = X\n", "asyncio", "read"),
        ] {
            assert_eq!(kind(text, module), expected, "{text}");
        }
    }

    /// A namespace of the builtins module kept in a variable, or written by
    /// a key the code computes: any of its attributes may be written.
    #[test]
    fn builtins_namespace_written_through_a_variable() {
        for compat in [
            "import builtins\nns = vars(builtins)\nns[\"TimeoutError\"] = X\n",
            "ns = __builtins__\nns[\"TimeoutError\"] = X\n",
            "import builtins\nvars(builtins)[NAME] = X\n",
            "__builtins__[NAME] = X\n",
            "__builtins__[\"TimeoutError\"] = X\n",
        ] {
            let (_dir, index) = project(&[("app/__init__.py", ""), ("app/compat.py", compat)]);
            assert!(
                index
                    .attribute_named_writer("builtins", "TimeoutError")
                    .is_some(),
                "{compat}"
            );
        }
        for compat in [
            "import builtins\nbuiltins.helper = X\n",
            "print(vars(builtins)[\"TimeoutError\"])\n",
            "x = __builtins__[\"TimeoutError\"]\n",
        ] {
            let (_dir, index) = project(&[("app/__init__.py", ""), ("app/compat.py", compat)]);
            assert_eq!(
                index.attribute_named_writer("builtins", "TimeoutError"),
                None,
                "{compat}"
            );
        }
    }

    fn project(files: &[(&str, &str)]) -> (tempfile::TempDir, ProjectIndex) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("pyproject.toml"), "[project]\nname = 'x'\n")
            .expect("write");
        crate::test_support::write_files(dir.path(), files);
        let index = ProjectIndex::new(Layout::at(dir.path().to_path_buf()));
        (dir, index)
    }

    fn kind(resolved: &Resolved) -> String {
        match resolved {
            Resolved::Function {
                qualified, facts, ..
            } => {
                format!(
                    "{} {qualified}",
                    if facts.is_async { "async" } else { "def" }
                )
            }
            Resolved::Class { qualified, .. } => format!("class {qualified}"),
            Resolved::Instance { class, .. } => format!("instance {class}"),
            Resolved::Module(m) => format!("module {m}"),
            Resolved::External(e) => format!("external {e}"),
            Resolved::Unknown => "unknown".to_string(),
        }
    }

    /// A summary read back from the cache is the one made from the file.
    #[test]
    fn summaries_come_back_whole_from_the_cache() {
        let store = "import asyncio\nfrom .base import Base\n__all__ = ['save']\n\n\
            async def save(record):\n    await asyncio.sleep(0)\n    return record\n\n\
            class Repo(Base):\n    conn: 'asyncpg.Connection'\n\n    async def put(self):\n        \
            try:\n            await save(1)\n        except asyncio.CancelledError:\n            pass\n\n\
            LOOP = asyncio.get_event_loop()\n";
        let (dir, _) = project(&[("app/__init__.py", ""), ("app/store.py", store)]);
        let cache_dir = dir.path().join("cache");
        let made = |cache: &cache::CacheDir| {
            ProjectIndex::with_environment(Layout::at(dir.path().to_path_buf()), None, cache)
                .summary("app.store")
                .expect("a summary")
        };
        let fresh = made(&cache::CacheDir::Off);
        let cache = cache::CacheDir::At(cache_dir.clone());
        let cold = made(&cache);
        assert_eq!(*cold, *fresh);
        let entries = std::fs::read_dir(&cache_dir)
            .expect("the cache")
            .flatten()
            .filter(|e| e.path().is_dir())
            .flat_map(|e| std::fs::read_dir(e.path()).expect("entries").flatten())
            .map(|e| e.path())
            // Not the folder's own files (`.pruned`).
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect::<Vec<_>>();
        assert_eq!(entries.len(), 1, "{entries:?}");
        let warm = made(&cache);
        assert_eq!(*warm, *fresh);
        // An entry cut short is not used: the summary is made again.
        std::fs::write(&entries[0], b"AMIDX").expect("write");
        assert_eq!(*made(&cache), *fresh);
    }

    #[test]
    fn absolute_relative_and_reexported_names() {
        let (_dir, index) = project(&[
            (
                "service/__init__.py",
                "from .store import save\nfrom . import store as store_module\n",
            ),
            (
                "service/store.py",
                "async def save(record):\n    return record\n\ndef load():\n    return 1\n",
            ),
            ("app.py", "from service import save\n"),
        ]);
        assert_eq!(
            kind(&index.resolve("service.store.save")),
            "async service.store.save"
        );
        assert_eq!(
            kind(&index.resolve("service.save")),
            "async service.store.save"
        );
        assert_eq!(kind(&index.resolve("app.save")), "async service.store.save");
        assert_eq!(
            kind(&index.resolve("service.store.load")),
            "def service.store.load"
        );
        assert_eq!(
            kind(&index.resolve("service.store_module")),
            "module service.store"
        );
        assert_eq!(kind(&index.resolve("service")), "module service");
        assert_eq!(
            kind(&index.resolve("aiohttp.ClientSession")),
            "external aiohttp.ClientSession"
        );
        assert_eq!(kind(&index.resolve("service.missing")), "unknown");
    }

    #[test]
    fn src_layout_and_names_that_leave_the_project() {
        let (_dir, index) = project(&[
            ("src/app/__init__.py", ""),
            (
                "src/app/http.py",
                "from aiohttp import ClientSession as Session\nimport logging\n",
            ),
            ("src/app/logging.py", "def info(): pass\n"),
        ]);
        assert_eq!(
            kind(&index.resolve("app.http.Session")),
            "external aiohttp.ClientSession"
        );
        // `import logging` inside the package is the standard library's.
        assert_eq!(
            kind(&index.resolve("app.http.logging.info")),
            "external logging.info"
        );
        assert_eq!(
            kind(&index.resolve("app.logging.info")),
            "def app.logging.info"
        );
    }

    #[test]
    fn dynamic_names_are_unknown() {
        let (_dir, index) = project(&[
            ("a.py", "from b import f\n"),
            ("b.py", "from a import f\n"),
            ("c.py", "async def f(): return 1\nf = wrap(f)\n"),
            ("d.py", "from helpers import *\n"),
            ("e.py", "def __getattr__(name):\n    return 1\n"),
            (
                "f.py",
                "try:\n    from fast import run\nexcept ImportError:\n    from slow import run\n",
            ),
        ]);
        assert_eq!(kind(&index.resolve("a.f")), "unknown");
        assert_eq!(kind(&index.resolve("c.f")), "unknown");
        assert_eq!(kind(&index.resolve("d.anything")), "unknown");
        assert_eq!(kind(&index.resolve("e.anything")), "unknown");
        assert_eq!(kind(&index.resolve("f.run")), "unknown");
    }

    /// A module compiled into the interpreter wins over a project file of
    /// its name: `import gc` is never the project's `gc.py`.
    /// The standard modules every start imports win like the built-in
    /// ones; a compiled extension beside a source is imported instead of
    /// it; a package wins over a module of the same name.
    #[test]
    fn modules_the_interpreter_finds_first() {
        let (dir, index) = project(&[
            ("io.py", "async def open(p):\n    return p\n"),
            (
                "encodings/__init__.py",
                "async def search(p):\n    return p\n",
            ),
            ("random.py", "async def random():\n    return 1\n"),
            ("fast.py", "async def save(x):\n    return x\n"),
            ("slow.py", "async def save(x):\n    return x\n"),
            ("store.py", "def save(x):\n    return x\n"),
            ("store/__init__.py", "async def save(x):\n    return x\n"),
            ("mine.py", "async def run():\n    return 0\n"),
        ]);
        std::fs::write(dir.path().join("fast.cpython-311-x86_64-linux-gnu.so"), b"")
            .expect("write");
        assert_eq!(kind(&index.resolve("io.open")), "external io.open");
        assert_eq!(
            kind(&index.resolve("encodings.search")),
            "external encodings.search"
        );
        assert_eq!(kind(&index.resolve("random.random")), "unknown");
        assert_eq!(kind(&index.resolve("fast.save")), "unknown");
        assert_eq!(kind(&index.resolve("slow.save")), "async slow.save");
        assert_eq!(kind(&index.resolve("store.save")), "async store.save");
        assert_eq!(kind(&index.resolve("mine.run")), "async mine.run");
    }

    #[test]
    fn builtin_modules_win_over_project_files() {
        let (dir, index) = project(&[
            ("gc.py", "async def collect():\n    return 0\n"),
            ("time.py", "async def sleep(t):\n    return t\n"),
            ("app/__init__.py", ""),
            ("app/timing.py", "import time\nfrom gc import collect\n"),
            ("sched.py", "async def run():\n    return 0\n"),
            ("tools/time.py", "async def sleep(t):\n    return t\n"),
            ("tools/sched.py", "async def run():\n    return 0\n"),
        ]);
        assert_eq!(kind(&index.resolve("gc.collect")), "external gc.collect");
        assert_eq!(kind(&index.resolve("time.sleep")), "external time.sleep");
        assert_eq!(kind(&index.resolve("gc")), "external gc");
        assert_eq!(
            kind(&index.resolve("app.timing.time.sleep")),
            "external time.sleep"
        );
        assert_eq!(
            kind(&index.resolve("app.timing.collect")),
            "external gc.collect"
        );
        // A standard module that is not built in (`sched`) may be the
        // standard one (imported at start by `site`, a `.pth` file) or the
        // project's: unknown.
        assert_eq!(kind(&index.resolve("sched.run")), "unknown");
        // Beside a script, the built-in module still wins.
        assert!(!index.shadowed_beside(&dir.path().join("tools"), "time"));
        assert!(index.shadowed_beside(&dir.path().join("tools"), "sched"));
    }

    /// Code anywhere in the project that writes `sys.modules` may make an
    /// import give another object: the module named by a literal key (and
    /// what is under it) is unknown, and with any other key every name is.
    #[test]
    fn modules_replaced_in_sys_modules_are_unknown() {
        let files = [
            (
                "app/__init__.py",
                "import sys\nfrom app import sync_store\nsys.modules['app.store'] = sync_store\n",
            ),
            ("app/store.py", "async def save():\n    return 1\n"),
            ("app/sync_store.py", "def save():\n    return 1\n"),
            ("app/other.py", "async def load():\n    return 1\n"),
            (
                "box.py",
                "import sys\nclass Box:\n    async def get(self):\n        return 1\nsys.modules[__name__] = Box()\n",
            ),
        ];
        let (_dir, index) = project(&files);
        assert_eq!(kind(&index.resolve("app.store.save")), "unknown");
        assert_eq!(kind(&index.resolve("app.store")), "unknown");
        assert_eq!(kind(&index.resolve("box.Box")), "unknown");
        assert_eq!(
            kind(&index.resolve("app.other.load")),
            "async app.other.load"
        );
        assert_eq!(
            kind(&index.resolve("aiohttp.ClientSession")),
            "external aiohttp.ClientSession"
        );
        let mut computed = files.to_vec();
        computed.push((
            "plugins.py",
            "import sys\ndef install(name, m):\n    sys.modules[name] = m\n",
        ));
        let (_dir, index) = project(&computed);
        assert_eq!(kind(&index.resolve("app.other.load")), "unknown");
        assert_eq!(kind(&index.resolve("aiohttp.ClientSession")), "unknown");
    }

    /// A package with a module `__getattr__` (PEP 562) may answer a
    /// submodule's name with another object until the submodule is
    /// imported: what is reached through it is unknown.
    #[test]
    fn names_under_a_package_with_getattr_are_unknown() {
        let (_dir, index) = project(&[
            (
                "app/__init__.py",
                "def __getattr__(name):\n    raise AttributeError(name)\n",
            ),
            ("app/store.py", "async def save():\n    return 1\n"),
            ("app/db/__init__.py", ""),
            ("app/db/repo.py", "async def load():\n    return 1\n"),
            ("other/__init__.py", ""),
            ("other/store.py", "async def save():\n    return 1\n"),
        ]);
        assert_eq!(kind(&index.resolve("app.store.save")), "unknown");
        assert_eq!(kind(&index.resolve("app.db.repo.load")), "unknown");
        assert_eq!(kind(&index.resolve("app")), "module app");
        assert_eq!(
            kind(&index.resolve("other.store.save")),
            "async other.store.save"
        );
    }

    /// The rule applies to attribute reads on the package that defines
    /// `__getattr__` only: a module an import statement loaded itself
    /// (`from app.store import save`) is that module, while `app.store`
    /// read from `app` (`import app`, `from app import store`) and a name
    /// the package does not bind stay unknown.
    #[test]
    fn a_module_an_import_loads_is_no_package_getattr() {
        let (_dir, index) = project(&[
            (
                "app/__init__.py",
                "from .store import save as stored\n\ndef __getattr__(name):\n    if name == 'lazy':\n        from .store import save\n        return save\n    raise AttributeError(name)\n",
            ),
            ("app/store.py", "async def save():\n    return 1\n"),
            ("app/db/__init__.py", ""),
            ("app/db/repo.py", "async def load():\n    return 1\n"),
        ]);
        // `from app.store import save`, `import app.store as s` … `s.save`.
        assert_eq!(
            kind(&index.resolve_loaded("app.store.save", 2)),
            "async app.store.save"
        );
        // `from app.db import repo` … `repo.load`: `app.db` has no
        // `__getattr__`; `from app.db.repo import load`.
        assert_eq!(
            kind(&index.resolve_loaded("app.db.repo.load", 2)),
            "async app.db.repo.load"
        );
        assert_eq!(
            kind(&index.resolve_loaded("app.db.repo.load", 3)),
            "async app.db.repo.load"
        );
        // `import app` … `app.store.save`, `from app import store`.
        assert_eq!(kind(&index.resolve("app.store.save")), "unknown");
        assert_eq!(kind(&index.resolve_loaded("app.store.save", 1)), "unknown");
        assert_eq!(
            kind(&index.resolve_loaded("app.db.repo.load", 1)),
            "unknown"
        );
        // What the package's `__getattr__` re-exports (`from app import
        // lazy`), loaded or not, stays unknown.
        assert_eq!(kind(&index.resolve_loaded("app.lazy", 1)), "unknown");
        assert_eq!(kind(&index.resolve("app.lazy")), "unknown");
        // A name the package binds itself is its own, its `from .store
        // import save` loading `app.store`.
        assert_eq!(kind(&index.resolve("app.stored")), "async app.store.save");
        // More parts than the name has: the whole name was loaded.
        assert_eq!(
            kind(&index.resolve_loaded("app.store.save", 9)),
            "async app.store.save"
        );
    }

    /// The quiet proof across modules: a module is quiet when what its
    /// import runs is the standard library or quiet project modules.
    #[test]
    fn quiet_modules_rest_on_the_modules_they_import() {
        let (_dir, index) = project(&[
            ("app/__init__.py", "\"\"\"Docs.\"\"\"\n"),
            ("app/errors.py", "class AppError(Exception):\n    pass\n"),
            (
                "app/server.py",
                "import json\nfrom . import errors\nfrom .errors import AppError\n\nclass NotFound(AppError):\n    pass\n\nasync def main():\n    return json.dumps({})\n",
            ),
            ("app/loud.py", "import app.busy\n"),
            ("app/busy.py", "X = 1\nprint(X)\n"),
            ("app/cycle_a.py", "from app import cycle_b\n"),
            ("app/cycle_b.py", "from app import cycle_a\n"),
            ("app/library.py", "import requests\n"),
            (
                "app/base.py",
                "from app.busy import X\n\nclass C(X):\n    pass\n",
            ),
            ("app/shadowing.py", "import textwrap\n"),
            ("textwrap.py", "def dedent(text):\n    return text\n"),
            ("ns/mod.py", "X = 1\n"),
        ]);
        assert_eq!(index.import_not_quiet("app.server", false), None);
        assert_eq!(index.import_not_quiet("json", false), None);
        assert_eq!(index.import_not_quiet("ns", false), None);
        assert_eq!(index.import_not_quiet("ns.mod", false), None);
        // A name `from app import X` imports that is no module.
        assert_eq!(index.import_not_quiet("app.server.main", true), None);
        assert_eq!(
            index.import_not_quiet("app.busy", false).as_deref(),
            Some("an expression statement at `app/busy.py:2`")
        );
        assert_eq!(
            index.import_not_quiet("app.loud", false).as_deref(),
            Some("an expression statement at `app/busy.py:2` through `app/loud.py:1`")
        );
        assert_eq!(
            index.import_not_quiet("app.cycle_a", false).as_deref(),
            Some(
                "a cycle of imports through `app.cycle_a` through `app/cycle_b.py:1` through `app/cycle_a.py:1`"
            )
        );
        assert_eq!(
            index.import_not_quiet("app.library", false).as_deref(),
            Some(
                "code that is neither the project's nor the standard library's (`requests`) through `app/library.py:1`"
            )
        );
        assert_eq!(
            index.import_not_quiet("app.base", false).as_deref(),
            Some("an expression statement at `app/busy.py:2` through `app/base.py:1`")
        );
        assert_eq!(
            index.import_not_quiet("app.shadowing", false).as_deref(),
            Some(
                "a module of the project that stands in for the standard library's `textwrap` through `app/shadowing.py:1`"
            )
        );
        assert!(index.import_not_quiet("requests", false).is_some());
    }

    /// A base that is no class of a quiet module (a value of one) is not
    /// proven to run nothing when the class statement runs.
    #[test]
    fn quiet_class_bases_are_classes_of_quiet_modules() {
        let (_dir, index) = project(&[
            ("app/__init__.py", ""),
            ("app/values.py", "Base = object\n"),
            ("app/models.py", "class Base:\n    pass\n"),
            (
                "app/good.py",
                "from app.models import Base\n\nclass C(Base):\n    pass\n",
            ),
            (
                "app/bad.py",
                "from app.values import Base\n\nclass C(Base):\n    pass\n",
            ),
        ]);
        assert_eq!(index.import_not_quiet("app.good", false), None);
        assert_eq!(
            index.import_not_quiet("app.bad", false).as_deref(),
            Some(
                "the base `app.values.Base`, which asyncmod cannot show to be a class of a quiet module through `app/bad.py:3`"
            )
        );
    }

    /// An extension module beside a source runs instead of it.
    #[test]
    fn a_compiled_module_beside_the_source_is_not_quiet() {
        let (dir, index) = project(&[
            ("app/__init__.py", ""),
            ("app/fast.py", "X = 1\n"),
            ("app/slow.py", "X = 1\n"),
            ("app/slow.pyc", ""),
        ]);
        std::fs::write(
            dir.path().join("app/fast.cpython-311-x86_64-linux-gnu.so"),
            "",
        )
        .expect("write");
        assert!(
            index
                .import_not_quiet("app.fast", false)
                .is_some_and(|reason| reason.starts_with("the compiled module"))
        );
        assert_eq!(index.import_not_quiet("app.slow", false), None);
    }

    /// Once some file changes `sys.path`, an import may find other code.
    #[test]
    fn no_module_is_quiet_where_sys_path_changes() {
        let (_dir, index) = project(&[
            ("app/__init__.py", ""),
            ("app/server.py", "X = 1\n"),
            (
                "setup_path.py",
                "import sys\nsys.path.insert(0, 'vendor')\n",
            ),
        ]);
        assert!(index.import_not_quiet("app.server", false).is_some());
    }

    /// `app/` and `src/app/` both: which one an import finds depends on
    /// how the program runs.
    #[test]
    fn a_package_in_two_source_roots_is_unknown() {
        let (dir, index) = project(&[
            ("app/__init__.py", ""),
            ("app/store.py", "def save():\n    return 1\n"),
            ("src/app/__init__.py", ""),
            ("src/app/store.py", "async def save():\n    return 1\n"),
            ("src/lib/__init__.py", ""),
            ("src/lib/store.py", "async def save():\n    return 1\n"),
        ]);
        assert_eq!(kind(&index.resolve("app.store.save")), "unknown");
        assert_eq!(kind(&index.resolve("app")), "unknown");
        assert!(index.binds_loop_at_import("app.store").is_some());
        assert_eq!(
            kind(&index.resolve("lib.store.save")),
            "async lib.store.save"
        );
        assert!(index.binds_loop_at_import("lib.store").is_none());
        drop(dir);
    }

    /// Import-time code that calls a function or class of the project
    /// whose call may touch the loop, in its module or through others.
    #[test]
    fn import_time_calls_that_may_touch_the_loop() {
        let (dir, index) = project(&[
            ("app/__init__.py", ""),
            (
                "app/futures.py",
                "import asyncio\n\ndef mk():\n    return asyncio.get_event_loop().create_future()\n",
            ),
            (
                "app/helpers.py",
                "from app import futures\n\ndef make():\n    return futures.mk()\n\ndef quiet():\n    return 1\n\nclass Box:\n    def __init__(self):\n        self.fut = futures.mk()\n\nclass Plain:\n    def __init__(self):\n        self.x = quiet()\n",
            ),
            (
                "app/calls.py",
                "from .helpers import make\n\nDONE = make()\n",
            ),
            (
                "app/boxes.py",
                "from app.helpers import Box\n\nBOX = Box()\n",
            ),
            (
                "app/sub.py",
                "from app.helpers import Box\n\nclass Sub(Box):\n    pass\n\nSUB = Sub()\n",
            ),
            ("app/stars.py", "from .helpers import *\n\nDONE = make()\n"),
            (
                "app/quiet.py",
                "from app.helpers import quiet, Plain\nimport logging\n\nX = quiet()\nP = Plain()\nlog = logging.getLogger()\n",
            ),
            (
                "app/later.py",
                "from app.helpers import make\n\ndef run():\n    return make()\n",
            ),
        ]);
        for module in ["app.calls", "app.boxes", "app.sub", "app.stars"] {
            assert!(index.binds_loop_at_import(module).is_some(), "{module}");
        }
        for module in ["app.quiet", "app.later", "app.futures"] {
            assert_eq!(index.binds_loop_at_import(module), None, "{module}");
        }
        drop(dir);
    }

    /// A file that adds to `sys.path` concerns the modules of its
    /// directory and below, where a script run from it finds its imports.
    #[test]
    fn sys_path_changed_above_a_directory() {
        let (dir, index) = project(&[
            ("run.py", "import sys\nsys.path.insert(0, 'plugins')\n"),
            (
                "docs/conf.py",
                "import sys, os\nsys.path.append(os.path.abspath('..'))\n",
            ),
            ("tools/x.py", "print(sys.path)\n"),
        ]);
        let root = dir.path().canonicalize().expect("root");
        let at = |sub: &str| index.sys_path_extended(&root.join(sub));
        assert_eq!(at(""), Some(PathBuf::from("run.py")));
        assert_eq!(at("app/db"), Some(PathBuf::from("run.py")));
        drop(dir);
        let (dir, index) = project(&[
            (
                "docs/conf.py",
                "import sys, os\nsys.path.append(os.path.abspath('..'))\n",
            ),
            ("app/store.py", "print(sys.path)\n"),
        ]);
        let root = dir.path().canonicalize().expect("root");
        let at = |sub: &str| index.sys_path_extended(&root.join(sub));
        assert_eq!(at("docs"), Some(PathBuf::from("docs/conf.py")));
        assert_eq!(at("docs/api"), Some(PathBuf::from("docs/conf.py")));
        assert_eq!(at("app"), None);
        assert_eq!(at(""), None);
        // `sys.path` belongs to the process: a library's import anywhere
        // may find what the file adds.
        assert_eq!(
            index.sys_path_written(),
            Some(PathBuf::from("docs/conf.py"))
        );
        drop(dir);
        let (dir, index) = project(&[("app/store.py", "print(sys.path)\n")]);
        assert_eq!(index.sys_path_written(), None);
        drop(dir);
    }

    /// `setattr` (or `delattr`, `patch.object`) with a name that is no
    /// string literal may write any attribute of any object.
    #[test]
    fn setattr_with_a_computed_name_may_write_any_attribute() {
        let files = [
            ("app/__init__.py", ""),
            ("app/store.py", "async def save():\n    return 1\n"),
            (
                "app/patch.py",
                "from app import store\nsetattr(\n    store,\n    'load',\n    print,\n)\n",
            ),
        ];
        let (_dir, index) = project(&files);
        assert_eq!(
            kind(&index.resolve("app.store.save")),
            "async app.store.save"
        );
        assert!(index.scan().may_write_attribute("load"));
        let mut computed = files.to_vec();
        computed.push((
            "app/compat.py",
            "from app import store\nfor name in ('save',):\n    setattr(store, name, print)\n",
        ));
        let (_dir, index) = project(&computed);
        assert_eq!(kind(&index.resolve("app.store.save")), "unknown");
    }

    /// A write by a computed name on `self` in a method reaches the
    /// instances of its class and of the classes that share one's method
    /// resolution order with it; one on a local made by calling a class,
    /// that class's; functions of modules and other classes stay known.
    #[test]
    fn computed_writes_reach_what_they_are_made_on() {
        let models = "class Loose:\n    def __init__(self, **kw):\n        for k, v in kw.items():\n            setattr(self, k, v)\n    async def put(self):\n        return 1\n\nclass Other:\n    async def put(self):\n        return 1\n\nclass Mixed(Other, Loose):\n    pass\n\nclass Apart:\n    async def put(self):\n        return 1\n\nclass Made:\n    async def put(self):\n        return 1\n\nclass Kept:\n    async def put(self):\n        return 1\n\nasync def save():\n    return 1\n";
        let files = [
            ("app/__init__.py", ""),
            ("app/models.py", models),
            (
                "app/use.py",
                "from app.models import Made\n\ndef fill(key):\n    made = Made()\n    setattr(made, key, print)\n",
            ),
        ];
        let (_dir, index) = project(&files);
        assert!(!index.may_write_every_attribute());
        assert_eq!(
            kind(&index.resolve("app.models.save")),
            "async app.models.save"
        );
        assert_eq!(kind(&index.method("app.models.Loose", "put")), "unknown");
        // `Mixed` shares an instance with `Loose`: `Other.put` may be shadowed.
        assert_eq!(kind(&index.method("app.models.Other", "put")), "unknown");
        assert_eq!(kind(&index.method("app.models.Made", "put")), "unknown");
        assert_eq!(
            kind(&index.method("app.models.Apart", "put")),
            "async app.models.Apart.put"
        );
        assert_eq!(
            kind(&index.instance_method("app.models.Kept", "put")),
            "async app.models.Kept.put"
        );
        // Writes the index cannot place reach any object.
        for (name, text) in [
            (
                "parameter",
                "def fill(obj, key):\n    setattr(obj, key, print)\n",
            ),
            (
                "module level",
                "from app.models import Made\nmade = Made()\nsetattr(made, key, print)\n",
            ),
            (
                "static method",
                "class S:\n    @staticmethod\n    def fill(self, key):\n        setattr(self, key, print)\n",
            ),
            (
                "decorated method",
                "import functools\nclass S:\n    @functools.cache\n    def fill(self, key):\n        setattr(self, key, print)\n",
            ),
            (
                "metaclass",
                "class Meta(type):\n    def __init__(cls, name, bases, ns):\n        for key in ns:\n            setattr(cls, key, print)\n",
            ),
            (
                "class of a library",
                "import collections\nclass S(collections.OrderedDict):\n    def fill(self, key):\n        setattr(self, key, print)\n",
            ),
            (
                "nested class",
                "def make():\n    class S:\n        def fill(self, key):\n            setattr(self, key, print)\n    return S\n",
            ),
            (
                "rebound receiver",
                "class S:\n    def fill(self, other, key):\n        self = other\n        setattr(self, key, print)\n",
            ),
            (
                "method of the receiver",
                "class S:\n    def fill(self, key):\n        self.__setattr__(key, print)\n",
            ),
            (
                "made by a library",
                "import types\ndef fill(key):\n    ns = types.SimpleNamespace()\n    setattr(ns, key, print)\n",
            ),
            (
                "method read off its class",
                "from app.models import Loose\n\nclass Other:\n    grab = Loose.__init__\n",
            ),
            (
                "method called with another object",
                "from app.models import Loose\n\ndef fill(obj):\n    Loose.__init__(obj, put=print)\n",
            ),
            (
                "method named in a string",
                "def fill(cls, obj):\n    getattr(cls, '__init__')(obj, put=print)\n",
            ),
            (
                "made by a class with __new__",
                "class Odd:\n    def __new__(cls):\n        return object()\ndef fill(key):\n    odd = Odd()\n    setattr(odd, key, print)\n",
            ),
        ] {
            let mut more = files.to_vec();
            more.push(("app/more.py", text));
            let (_dir, index) = project(&more);
            assert!(index.may_write_every_attribute(), "{name}");
            assert_eq!(kind(&index.resolve("app.models.save")), "unknown", "{name}");
            assert_eq!(
                kind(&index.method("app.models.Apart", "put")),
                "unknown",
                "{name}"
            );
        }
    }

    /// The libraries with loops of their own that may run any module's
    /// coroutines, and the files that drive coroutines by hand.
    #[test]
    fn runners_and_hand_drivers_of_the_project() {
        let runner = |files: &[(&str, &str)]| project(files).1.runner_library();
        let driver = |files: &[(&str, &str)]| project(files).1.coroutine_driver();
        let plain = (
            "app/work.py",
            "import asyncio\n\nasync def main():\n    pass\n",
        );
        assert_eq!(runner(&[plain]), None);
        assert_eq!(
            runner(&[plain, ("run.py", "import os, trio\nimport app.work\n")]).as_deref(),
            Some("trio (imported by run.py)")
        );
        assert_eq!(
            runner(&[plain, ("run.py", "from curio import run\n")]).as_deref(),
            Some("curio (imported by run.py)")
        );
        // anyio runs on asyncio unless told otherwise; a comment naming trio
        // tells nothing.
        assert_eq!(
            runner(&[plain, ("run.py", "import anyio  # not trio\n")]),
            None
        );
        assert_eq!(
            runner(&[
                plain,
                (
                    "run.py",
                    "import anyio\nanyio.run(main, backend=\"trio\")\n"
                )
            ])
            .as_deref(),
            Some("anyio (imported by run.py)")
        );
        assert_eq!(
            runner(&[
                plain,
                ("run.py", "import anyio\n"),
                ("conftest.py", "def anyio_backend():\n    return 'trio'\n"),
            ])
            .as_deref(),
            Some("anyio (imported by run.py)")
        );
        assert_eq!(
            runner(&[
                plain,
                (
                    "tests/test_work.py",
                    "import pytest\n\n@pytest.mark.trio\nasync def test_main():\n    pass\n"
                )
            ])
            .as_deref(),
            Some("trio (imported by tests/test_work.py)")
        );
        assert_eq!(driver(&[plain]), None);
        for text in [
            "def step(c):\n    c.send(None)\n",
            "def step(c):\n    c.send( None )\n",
            "it = coro.__await__()\nnext(it)\n",
            "import types\n\n@types.coroutine\ndef hop(c):\n    return (yield from c)\n",
            "from types import coroutine\n",
            "from types import (\n    MappingProxyType,\n    coroutine as _coroutine,\n)\n",
            "from types import FunctionType, coroutine\n",
            // However the end is caught, and with no `StopIteration` spelled.
            "def run(c):\n    v = None\n    try:\n        while True:\n            v = c.send(v)\n    except BaseException as e:\n        return getattr(e, 'value', None)\n",
            "def run(c):\n    step = lambda v: c.send(v)\n    while True:\n        step(None)\n",
            // A plain generator delegating to a coroutine steps it for
            // whoever steps the generator.
            "def _wrap(coro):\n    return (yield from coro.__await__())\n",
        ] {
            assert_eq!(
                driver(&[plain, ("drive.py", text)]),
                Some(PathBuf::from("drive.py")),
                "{text}"
            );
        }
        for text in [
            "def __await__(self):\n    return self._run().__await__()\n",
            "def __await__(self):\n    yield from self._run().__await__()\n",
            "gen.send(value)\n",
            "sock.send(data)\n",
            "sent = sock.send(data)\n",
            "class F:\n    def __iter__(self):\n        return self.__await__()\n",
            // Another name of `types`, beside the word elsewhere.
            "from types import ModuleType\nasyncio.run_coroutine_threadsafe(c, loop)\n",
        ] {
            assert_eq!(driver(&[plain, ("drive.py", text)]), None, "{text}");
        }
    }

    /// The texts that may take a class's method by a computed name, to run
    /// it on another object.
    #[test]
    fn methods_taken_by_computed_name() {
        let takes = |text: &str| super::takes_methods_by_computed_name(text.as_bytes());
        for text in [
            "getattr(Patcher, method_name)(target)\n",
            "getattr(Patcher, \"pa\" + \"tch\")(target)\n",
            "getattr(cls, f\"{x}\")\n",
            "getattr(kind, n)\n",
            "inspect.getattr_static(Patcher, n)\n",
            "vars(Patcher)[key](target)\n",
            "for f in Patcher.__dict__.values():\n    f(t)\n",
            "type(self).__dict__\n",
            "inspect.getmembers(Patcher)\n",
            "operator.attrgetter(name)(Patcher)\n",
            "getattr(\n    Patcher,\n    name,\n)(t)\n",
            "getattr(self, name).__func__(other)\n",
            "type.__getattribute__(Patcher, name)(t)\n",
            "g = getattr\ng(Patcher, name)(t)\n",
            "builtins.getattr(Patcher, name)(t)\n",
        ] {
            assert!(takes(text), "{text}");
        }
        for text in [
            "getattr(self, name)(x)\n",
            "getattr(obj, 'save')\n",
            "getattr(obj, \"save\", None)\n",
            "getattr(f(a, b), 'x')\n",
            "vars(self)\n",
            "vars()\n",
            "self.__dict__.update(kw)\n",
            "mygetattr(a, b)\n",
            "def __getattribute__(self, name):\n    return object.__getattribute__(self, name)\n",
            "hasattr(obj, name)\n",
            "from inspect import getattr_static\n",
            "def __getattr__(name):\n    pass\n",
            "x = 1\n",
        ] {
            assert!(!takes(text), "{text}");
        }
    }

    /// The mentions of a method that run it on an instance of its own
    /// class, and the files that may define a metaclass.
    #[test]
    fn mentions_of_methods_that_run_them_on_their_instances() {
        let runs = |text: &str| {
            let at = text.find("fill").expect("a mention");
            super::runs_on_own_instance(text.as_bytes(), at, 4)
        };
        for text in [
            "    def fill(self):",
            "    async def fill(self):",
            "        self.fill(x)",
            "        super().fill(x)",
            "        super(Conn, self).fill(x)",
            "        refill(x)",
            "        self.fills",
        ] {
            assert!(runs(text), "{text}");
        }
        for text in [
            "    fill = Loose.fill",
            "    Loose.fill(other)",
            "    cls.fill(other)",
            "    loose.fill(other)",
            "    getattr(Loose, 'fill')",
            "    type(self).fill(other)",
            "    fill(other)",
            "    myself.fill(x)",
            "    a.self.fill(x)",
            "        self.fill.__func__(target, key, value)",
            "        types.MethodType(super().fill .__func__, target)",
        ] {
            assert!(!runs(text), "{text}");
        }
        assert!(super::may_define_metaclass(
            b"class Meta(type):\n    pass\n"
        ));
        assert!(super::may_define_metaclass(
            b"class C(Base, metaclass=M):\n"
        ));
        assert!(super::may_define_metaclass(b"class M(abc.ABCMeta):\n"));
        assert!(super::may_define_metaclass(b"class C(\n    Base,\n):\n"));
        assert!(!super::may_define_metaclass(
            b"class C(Base):\n    def f(self): pass\n"
        ));
        assert!(!super::may_define_metaclass(b"class C:\n    x = type(1)\n"));
    }

    /// A decorator taken as transparent stays so while no code of the
    /// project replaces it.
    #[test]
    fn decorators_replaced_elsewhere_are_not_transparent() {
        let files = [
            ("app/__init__.py", ""),
            (
                "app/store.py",
                "import typing\n\n@typing.final\nasync def save():\n    return 1\n\nclass Store:\n    @staticmethod\n    async def put():\n        return 1\n",
            ),
        ];
        let transparent = |resolved: Resolved| match resolved {
            Resolved::Function { facts, .. } => facts.transparent,
            _ => false,
        };
        let (_dir, index) = project(&files);
        assert!(transparent(index.resolve("app.store.save")));
        assert!(transparent(index.method("app.store.Store", "put")));
        for patch in [
            "import typing\ntyping.final = lambda f: f\n",
            "import builtins\nbuiltins.staticmethod = lambda f: f\n",
            "import functools\nsetattr(functools, 'wraps', None)\n",
        ] {
            let mut more = files.to_vec();
            more.push(("app/patch.py", patch));
            let (_dir, index) = project(&more);
            assert!(!transparent(index.resolve("app.store.save")), "{patch}");
            assert!(
                !transparent(index.method("app.store.Store", "put")),
                "{patch}"
            );
        }
    }

    #[test]
    fn methods_through_classes_instances_and_bases() {
        let (_dir, index) = project(&[
            ("db/__init__.py", ""),
            (
                "db/base.py",
                "class Base:\n    async def save(self):\n        return 1\n    def close(self):\n        return None\n",
            ),
            (
                "db/repo.py",
                "from .base import Base\n\nclass Repo(Base):\n    async def load(self):\n        return 2\n\nrepo = Repo()\n",
            ),
            (
                "db/other.py",
                "from .repo import Repo\n\nclass Cached(Repo):\n    def load(self):\n        return 3\n",
            ),
        ]);
        assert_eq!(
            kind(&index.resolve("db.repo.repo")),
            "instance db.repo.Repo"
        );
        assert_eq!(
            kind(&index.resolve("db.repo.repo.save")),
            "async db.base.Base.save"
        );
        // The instance is exactly a Repo: the subclass does not matter.
        assert_eq!(
            kind(&index.resolve("db.repo.repo.load")),
            "async db.repo.Repo.load"
        );
        // Through the class (as `self` or an annotation would), it may be a Cached.
        assert_eq!(kind(&index.method("db.repo.Repo", "load")), "unknown");
        assert_eq!(
            kind(&index.method("db.base.Base", "save")),
            "async db.base.Base.save"
        );
    }

    #[test]
    fn a_subclass_whose_base_cannot_be_followed_may_override() {
        let (_dir, index) = project(&[
            (
                "models.py",
                "class Repo:\n    async def put(self):\n        return 1\n\nclass Other:\n    async def put(self):\n        return 1\n\nclass Fine:\n    async def put(self):\n        return 1\n",
            ),
            (
                "memory.py",
                "try:\n    from models import Repo\nexcept ImportError:\n    Repo = object\n\nclass Memory(Repo):\n    def put(self):\n        return None\n",
            ),
        ]);
        // `Memory`'s base is bound two ways: it may be `models.Repo`.
        assert_eq!(kind(&index.method("models.Repo", "put")), "unknown");
        // A class of another name is not concerned.
        assert_eq!(
            kind(&index.method("models.Other", "put")),
            "async models.Other.put"
        );
    }

    /// A base bound by an assignment the index cannot follow may be any
    /// class; one bound to names it can read is what those name.
    #[test]
    fn a_base_bound_by_an_assignment_may_be_any_class() {
        let (_dir, index) = project(&[
            (
                "models.py",
                "class Repo:\n    async def put(self):\n        return 1\n\nclass Store:\n    async def put(self):\n        return 1\n\nclass Cache:\n    async def put(self):\n        return 1\n\nclass Other:\n    async def put(self):\n        return 1\n\n    async def get(self):\n        return 1\n",
            ),
            (
                "memory.py",
                "import importlib\n_r = importlib.import_module('models')\nBase = getattr(_r, 'Repo')\n\nclass Sync(Base):\n    def put(self):\n        return None\n",
            ),
            (
                "made.py",
                "import models\n\ndef make_base():\n    return models.Store\n\nStoreBase = make_base()\n\nclass Logged(StoreBase):\n    async def put(self):\n        return 2\n\nclass Quiet(Logged):\n    def put(self):\n        return None\n",
            ),
            (
                "fallback.py",
                "import importlib\n_m = importlib.import_module('models')\ntry:\n    CacheBase = _m.Cache\nexcept AttributeError:\n    CacheBase = object\n\nclass Local(CacheBase):\n    def put(self):\n        return None\n",
            ),
        ]);
        // `Sync` may derive from any class: every `put` may be a plain def.
        assert_eq!(kind(&index.method("models.Repo", "put")), "unknown");
        assert_eq!(kind(&index.method("models.Other", "put")), "unknown");
        // `Logged` keeps `put`, but `Quiet`, derived from it, does not.
        assert_eq!(kind(&index.method("models.Store", "put")), "unknown");
        // A method no such class replaces stays known.
        assert_eq!(
            kind(&index.method("models.Other", "get")),
            "async models.Other.get"
        );
        assert_eq!(kind(&index.method("models.Cache", "put")), "unknown");
    }

    #[test]
    fn a_base_written_as_a_subscript_or_a_call_or_over_lines_may_be_the_class() {
        let (_dir, index) = project(&[
            (
                "models.py",
                "from typing import Generic, TypeVar\nT = TypeVar('T')\n\nclass Repo(Generic[T]):\n    async def put(self):\n        return 1\n\nclass Store:\n    async def put(self):\n        return 1\n\nclass Cache:\n    async def put(self):\n        return 1\n\nclass Other:\n    async def put(self):\n        return 1\n\nclass Fine:\n    async def put(self):\n        return 1\n",
            ),
            (
                "memory.py",
                "import models\nfrom models import Cache, Repo, Store\n\ndef make_base(cls):\n    return cls\n\nclass Memory(Repo[int]):\n    def put(self):\n        return None\n\nclass Logged(make_base(Store)):\n    def put(self):\n        return None\n\nclass Local(\n    models.Other,\n    Cache,\n):\n    def put(self):\n        return None\n",
            ),
        ]);
        assert_eq!(kind(&index.method("models.Repo", "put")), "unknown");
        assert_eq!(kind(&index.method("models.Store", "put")), "unknown");
        assert_eq!(kind(&index.method("models.Cache", "put")), "unknown");
        // Named on the line after `class Local(`: a plain base, followed.
        assert_eq!(kind(&index.method("models.Other", "put")), "unknown");
        // `make_base(Store)` may give back any class: `Logged` may derive
        // from this one too.
        assert_eq!(kind(&index.method("models.Fine", "put")), "unknown");
    }

    /// A base the index cannot read (a call, a star, a subscript of a
    /// variable, an attribute of a call, a name a star import or a module
    /// `__getattr__` gives) may be any class; a class made by `type` with
    /// bases it cannot read, too.
    #[test]
    fn a_base_the_index_cannot_read_may_be_any_class() {
        let models = "class Repo:\n    async def put(self):\n        return 1\n\n    async def get(self):\n        return 1\n";
        for other in [
            "import models\ndef b():\n    return models.Repo\nclass Sub(b()):\n    def put(self):\n        return None\n",
            "import models\nbases = (models.Repo,)\nclass Sub(*bases):\n    def put(self):\n        return None\n",
            "import models\nbases = [models.Repo]\nclass Sub(bases[0]):\n    def put(self):\n        return None\n",
            "import importlib\nclass Sub(importlib.import_module('models').Repo):\n    def put(self):\n        return None\n",
            "from models import *\nclass Sub(Repo):\n    def put(self):\n        return None\n",
            "from lazy import Thing\nclass Sub(Thing):\n    def put(self):\n        return None\n",
            "from models import Repo as Base\nclass Sub(Base):\n    def put(self):\n        return None\n",
            "from again import Base\nclass Sub(Base):\n    def put(self):\n        return None\n",
            "from models import Repo\nBASES = (Repo,)\nSub = type('Sub', BASES, {'put': lambda self: None})\n",
            "from models import Repo\nclass Sub(Repo):\n    def __getattribute__(self, name):\n        return object.__getattribute__(self, name)\n",
            "from models import Repo\nclass Sync:\n    def put(self):\n        return None\nclass Sub(Sync, Repo):\n    pass\n",
            "from models import Repo\nclass Sub(Repo):\n    locals()['put'] = print\n",
        ] {
            let (_dir, index) = project(&[
                ("models.py", models),
                ("other.py", other),
                (
                    "lazy.py",
                    "def __getattr__(name):\n    from models import Repo\n    return Repo\n",
                ),
                ("again.py", "import models\nBase = models.Repo\n"),
            ]);
            assert_eq!(
                kind(&index.method("models.Repo", "put")),
                "unknown",
                "{other}"
            );
            assert!(
                index.subclasses_may_override("models.Repo", "put"),
                "{other}"
            );
        }
        // A subclass that leaves the method alone, and a mixin after it
        // that binds no such name, change nothing.
        let (_dir, index) = project(&[
            ("models.py", models),
            (
                "other.py",
                "from models import Repo\nclass Log:\n    def log(self):\n        return None\nclass Sub(Repo, Log):\n    def get(self):\n        return None\nx = type(3)\n",
            ),
        ]);
        assert_eq!(
            kind(&index.method("models.Repo", "put")),
            "async models.Repo.put"
        );
        assert!(!index.subclasses_may_override("models.Repo", "put"));
        assert!(index.subclasses_may_override("models.Repo", "get"));
    }

    #[test]
    fn installed_packages_are_read_when_an_environment_is_found() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join(".venv/lib/python3.11/site-packages");
        std::fs::create_dir_all(site.join("acme")).expect("mkdir");
        std::fs::write(site.join("acme/__init__.py"), "from .client import fetch\n")
            .expect("write");
        std::fs::write(
            site.join("acme/client.py"),
            "async def fetch():\n    return 1\n",
        )
        .expect("write");
        std::fs::write(dir.path().join("pyproject.toml"), "").expect("write");
        std::fs::write(dir.path().join(".venv/pyvenv.cfg"), "home = /usr/bin\n").expect("write");
        std::fs::write(dir.path().join("acme_user.py"), "import acme\n").expect("write");
        // `--python` naming the environment (`VIRTUAL_ENV` of the test's own
        // process must not matter).
        let indexes = Indexes::new(Some(dir.path().join(".venv")));
        let (index, module) = indexes.for_file(&dir.path().join("acme_user.py"));
        assert_eq!(module, Some(("acme_user".to_string(), false)));
        assert_eq!(
            kind(&index.resolve("acme.fetch")),
            "async acme.client.fetch"
        );
        // Without one, the name leaves the project and the table answers.
        let bare = ProjectIndex::new(Layout::at(dir.path().to_path_buf()));
        assert_eq!(kind(&bare.resolve("acme.fetch")), "external acme.fetch");
    }

    fn chain(index: &ProjectIndex, qualified: &str) -> String {
        index.blocking_chain(qualified).map_or_else(
            || "none".to_string(),
            |chain| {
                let site = match chain.site {
                    BlockingSite::There(origin) => origin.to_string(),
                    BlockingSite::Here(_) => "here".to_string(),
                };
                let names: Vec<&str> = chain
                    .functions
                    .iter()
                    .map(|step| step.function.as_str())
                    .collect();
                format!("{} -> {} in {site}", names.join(" -> "), chain.call)
            },
        )
    }

    #[test]
    fn blocking_chains_across_modules() {
        let (_dir, index) = project(&[
            ("svc/__init__.py", ""),
            (
                "svc/http.py",
                "import requests\n\ndef _get(u):\n    return requests.get(u)\n\ndef fetch_all(us):\n    return [_get(u) for u in us]\n",
            ),
            (
                "svc/sync.py",
                "from . import http\nfrom .db import Repo\n\ndef mirror(us):\n    return http.fetch_all(us)\n\ndef load():\n    return Repo().get()\n",
            ),
            (
                "svc/db.py",
                "import time\n\nclass Repo:\n    def get(self):\n        return self._wait()\n    def _wait(self):\n        time.sleep(1)\n\nrepo = Repo()\n\ndef via_instance():\n    return repo.get()\n",
            ),
            (
                "svc/a.py",
                "from svc import b\n\ndef ping(n):\n    return b.pong(n)\n\ndef even(n):\n    return b.odd(n)\n",
            ),
            (
                "svc/b.py",
                "import os\nfrom svc import a\n\ndef pong(n):\n    os.system('true')\n    return a.ping(n)\n\ndef odd(n):\n    return a.even(n)\n",
            ),
            (
                "svc/quiet.py",
                "import asyncio\nfrom .http import fetch_all\n\ndef threaded(us):\n    return asyncio.to_thread(fetch_all, us)\n\ndef nested(us):\n    def inner():\n        return fetch_all(us)\n    return inner\n\nasync def fetch_all2(us):\n    return fetch_all(us)\n\ndef calls_async(us):\n    return fetch_all2(us)\n",
            ),
        ]);
        assert_eq!(
            chain(&index, "svc.http.fetch_all"),
            "fetch_all -> _get -> requests.get in svc/http.py:4"
        );
        assert_eq!(
            chain(&index, "svc.sync.mirror"),
            "mirror -> fetch_all -> _get -> requests.get in svc/http.py:4"
        );
        // Each step names its module's file.
        let files: Vec<String> = index
            .blocking_chain("svc.sync.mirror")
            .map(|chain| chain.functions)
            .unwrap_or_default()
            .iter()
            .filter_map(|step| step.file.as_ref())
            .map(|file| file.display().to_string())
            .collect();
        assert_eq!(files, ["svc/sync.py", "svc/http.py", "svc/http.py"]);
        assert_eq!(
            chain(&index, "svc.db.via_instance"),
            "via_instance -> Repo.get -> Repo._wait -> time.sleep in svc/db.py:7"
        );
        assert_eq!(
            chain(&index, "svc.db.Repo.get"),
            "Repo.get -> Repo._wait -> time.sleep in svc/db.py:7"
        );
        // A cycle between modules, with and without a blocking call.
        assert_eq!(
            chain(&index, "svc.a.ping"),
            "ping -> pong -> os.system in svc/b.py:5"
        );
        assert_eq!(chain(&index, "svc.a.even"), "none");
        assert_eq!(chain(&index, "svc.b.odd"), "none");
        // Passed to a thread, nested, or an `async def` in between.
        assert_eq!(chain(&index, "svc.quiet.threaded"), "none");
        assert_eq!(chain(&index, "svc.quiet.nested"), "none");
        assert_eq!(chain(&index, "svc.quiet.calls_async"), "none");
        // `Repo().get()` goes through a call's result: not followed.
        assert_eq!(chain(&index, "svc.sync.load"), "none");
    }

    #[test]
    fn blocking_chains_know_the_projects_own_modules_and_replaced_objects() {
        let (_dir, index) = project(&[
            ("time.py", "def sleep(s):\n    return s\n"),
            ("subprocess.py", "def run(s):\n    return s\n"),
            (
                "helpers.py",
                "import time\nimport subprocess\n\ndef pause():\n    time.sleep(5)\n\ndef spawn():\n    subprocess.run(['x'])\n",
            ),
            (
                "db.py",
                "import os\n\nclass Repo:\n    def load(self):\n        os.system('x')\n\nrepo = Repo()\n\ndef use():\n    return repo.load()\n",
            ),
            ("main.py", "import db\ndb.repo = object()\n"),
        ]);
        // `import subprocess` finds the project's `subprocess.py`; `time`
        // is built into the interpreter, found before any file.
        assert_eq!(chain(&index, "helpers.spawn"), "none");
        assert_eq!(
            chain(&index, "helpers.pause"),
            "pause -> time.sleep in helpers.py:5"
        );
        // `db.repo` is replaced from another module.
        assert_eq!(kind(&index.resolve("db.repo.load")), "unknown");
        assert_eq!(chain(&index, "db.use"), "none");
        assert_eq!(
            chain(&index, "db.Repo.load"),
            "Repo.load -> os.system in db.py:5"
        );
    }

    #[test]
    fn the_text_says_which_functions_may_block() {
        let (_dir, index) = project(&[
            ("svc/__init__.py", "from .io import load as fetch\n"),
            (
                "svc/io.py",
                "import os\nfrom . import quiet\n\ndef load():\n    os.system('x')\n\ndef calm():\n    return quiet.ping(1)\n",
            ),
            (
                "svc/quiet.py",
                "from svc import io\n\ndef ping(n):\n    return io.calm() if n else n\n",
            ),
            (
                "svc/use.py",
                "from svc import fetch\nfrom svc.io import load as get\n\ndef one():\n    return fetch()\n\ndef two():\n    return get()\n\nclass K:\n    def three(self):\n        return self.two()\n",
            ),
        ]);
        for name in [
            "svc.io.load",
            "svc.fetch",
            "svc.use.one",
            "svc.use.two",
            "svc.use.K.three",
        ] {
            assert!(index.may_block_text(name), "{name}");
        }
        // A cycle between modules that never blocks, names that are none.
        for name in [
            "svc.io.calm",
            "svc.quiet.ping",
            "svc.io.nothing",
            "os.system",
        ] {
            assert!(!index.may_block_text(name), "{name}");
        }
    }

    #[test]
    fn blocking_chains_stop_at_the_depth_limit() {
        let mut files = vec![(
            "f0.py".to_string(),
            "import time\n\ndef f():\n    time.sleep(1)\n".to_string(),
        )];
        for i in 1..=MAX_CHAIN {
            files.push((
                format!("f{i}.py"),
                format!("from f{} import f as g\n\ndef f():\n    g()\n", i - 1),
            ));
        }
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let (_dir, index) = project(&borrowed);
        assert_ne!(chain(&index, &format!("f{}.f", MAX_CHAIN - 1)), "none");
        assert_eq!(chain(&index, &format!("f{MAX_CHAIN}.f")), "none");
    }

    #[test]
    fn scripts_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("pyproject.toml"),
            "[project.scripts]\nserve = 'app.cli:main'\n[tool.poetry.scripts]\nworker = 'app.worker:run'\n",
        )
        .expect("write");
        let index = ProjectIndex::new(Layout::at(dir.path().to_path_buf()));
        assert_eq!(index.scripts(), ["app.cli.main", "app.worker.run"]);
    }

    /// An entry point of `[project.scripts]` runs once per process only
    /// when no other file of the project names it.
    #[test]
    fn a_script_other_code_calls_is_no_entry_point_only() {
        let files = [
            ("app/__init__.py", ""),
            (
                "app/cli.py",
                "def main():\n    pass\n\ndef other():\n    pass\n",
            ),
        ];
        let (dir, _) = project(&files);
        std::fs::write(
            dir.path().join("pyproject.toml"),
            "[project.scripts]\nserve = 'app.cli:main'\nwork = 'app.cli:other'\n",
        )
        .expect("write");
        let index = ProjectIndex::new(Layout::at(dir.path().to_path_buf()));
        assert!(index.is_script("app.cli.main"));
        assert!(index.is_script("app.cli.other"));
        assert!(!index.is_script("app.cli.missing"));
        std::fs::write(
            dir.path().join("app/__main__.py"),
            "from app.cli import main\nfor _ in range(2):\n    main()\n",
        )
        .expect("write");
        let index = ProjectIndex::new(Layout::at(dir.path().to_path_buf()));
        assert!(!index.is_script("app.cli.main"));
        assert!(index.is_script("app.cli.other"));
    }

    /// The scan answers about bases and attributes without a table of
    /// readers; the first question about readers makes the table, once,
    /// from the files the scan listed.
    #[test]
    fn the_table_of_readers_is_made_on_the_first_question() {
        let files = [
            (
                "mod.py",
                "import time\n\nclass Base:\n    async def save(self): ...\n",
            ),
            (
                "sub.py",
                "from mod import Base\nclass Child(Base):\n    def save(self): ...\n",
            ),
            ("main.py", "import mod\nmod.time.sleep(1)\n"),
        ];
        let (dir, index) = project(&files);
        let module = dir.path().join("mod.py");
        assert!(index.subclasses_may_override("mod.Base", "save"));
        assert!(!index.scan().has_readers);
        assert!(index.readers_apart.get().is_none());
        assert!(index.others_may_read(&module, "time"));
        assert!(!index.others_may_read(&module, "sleep"));
        let table: *const readers::Readers = index.readers();
        assert!(index.others_may_read(&module, "Base"));
        assert!(
            std::ptr::eq(table, index.readers()),
            "a second table was made"
        );
        // Threads that ask at once (one makes the table, the others help
        // or wait) get the same answers.
        let (fresh_dir, fresh) = project(&files);
        let fresh_module = fresh_dir.path().join("mod.py");
        let answers: Vec<(bool, bool)> = std::thread::scope(|scope| {
            let ask = || {
                (
                    fresh.others_may_read(&fresh_module, "time"),
                    fresh.others_may_read(&fresh_module, "sleep"),
                )
            };
            let threads: Vec<_> = (0..4).map(|_| scope.spawn(ask)).collect();
            threads
                .into_iter()
                .map(|thread| thread.join().expect("asks"))
                .collect()
        });
        assert_eq!(answers, vec![(true, false); 4]);
        // The same answers as the table a scan fills with its own reads.
        let whole = ProjectScan::of_project(&index.layout, true);
        assert!(whole.has_readers);
        for name in ["time", "sleep", "Base", "save"] {
            assert_eq!(
                whole.readers.may_read(&module, name),
                index.others_may_read(&module, name),
                "{name}"
            );
        }
    }

    /// A class's exit, or a method its cleanup runs, written by other code
    /// of the project (by name, by `setattr`, through a function given the
    /// class, on a base) may keep a cancellation; one nobody writes is
    /// read from its body.
    #[test]
    fn exits_written_by_other_modules_may_keep_cancellation() {
        let conn = "class Conn:\n    async def __aenter__(self):\n        return self\n    async def __aexit__(self, *exc):\n        pass\n    def close(self):\n        pass\n";
        let keep = "async def keep(self, *exc):\n    return True\n";
        for (patch, exit_kept, close_raises) in [
            (
                "from app import conn\nconn.Conn.__aexit__ = keep\n",
                true,
                false,
            ),
            (
                "from app.conn import Conn\nsetattr(Conn, '__aexit__', keep)\n",
                true,
                false,
            ),
            (
                "from app.conn import Conn\ndef tolerate(cls):\n    cls.__aexit__ = keep\ntolerate(Conn)\n",
                true,
                false,
            ),
            (
                "from app import conn\ndef tolerating(cls):\n    cls.__aexit__ = keep\n    return cls\nconn.Conn = tolerating(conn.Conn)\n",
                true,
                true,
            ),
            (
                "from app import conn\nconn.Conn.close = keep\n",
                false,
                true,
            ),
            (
                "from app import conn\nconn.Conn.__bases__ = (object,)\n",
                true,
                true,
            ),
            (
                "from app import conn\nprint(conn.Conn.__aexit__, conn.Conn.close)\n",
                false,
                false,
            ),
        ] {
            let (_dir, index) = project(&[
                ("app/__init__.py", ""),
                ("app/conn.py", conn),
                ("app/patch.py", &format!("{keep}{patch}")),
            ]);
            assert_eq!(
                index.exit_may_keep_cancellation("app.conn.Conn"),
                exit_kept,
                "{patch}"
            );
            assert_eq!(
                index.may_raise("app.conn.Conn.close"),
                close_raises,
                "{patch}"
            );
        }
    }
    /// Functions that reach one another through a class (a method awaits
    /// a coroutine of another module, which returns what a factory makes,
    /// and the factory makes the class, which other code may replace, so
    /// that its methods are asked) are each read once, however often and from wherever they are asked: a
    /// question that comes back to a function being read no longer reads
    /// it again (which never ended), nor does a second question.
    #[test]
    fn cancellation_questions_read_each_function_once() {
        let node = "from .manage import create\n\n\nclass Node:\n    def __init__(self, session):\n        self.session = session\n\n    async def add(self):\n        return await create(self)\n\n    async def other(self):\n        return await create(self)\n";
        let manage = "from .factory import make_node\n\n\nasync def create(parent):\n    return make_node(parent.session)\n";
        let factory =
            "def make_node(session):\n    from .node import Node\n\n    return Node(session)\n";
        let keeper = "\n    async def keep(self):\n        try:\n            await create(self)\n        except asyncio.CancelledError:\n            pass\n";
        for (keeps, node) in [
            (false, node.to_string()),
            (true, format!("import asyncio\n{node}{keeper}")),
        ] {
            let (_dir, index) = project(&[
                ("app/__init__.py", ""),
                ("app/node.py", &node),
                ("app/manage.py", manage),
                ("app/factory.py", factory),
                (
                    "app/other.py",
                    "from app import node\n\n\ndef swap(cls):\n    node.Node = cls\n",
                ),
            ]);
            let cuts = KEEPING_READ.with_borrow(|reading| reading.cuts);
            let reads = KEEPING_READS.get();
            for function in [
                "app.node.Node.add",
                "app.manage.create",
                "app.node.Node.other",
            ] {
                assert_eq!(
                    index.calls_may_keep_cancellation(function),
                    keeps,
                    "{function}"
                );
            }
            // Without a keeper, every method is read, and the questions
            // come back to the functions being read.
            assert!(keeps || KEEPING_READ.with_borrow(|reading| reading.cuts) > cuts);
            // `add`, `other` (and `keep`), `create` and `make_node`, once each.
            assert!(
                KEEPING_READS.get() - reads <= 5,
                "{} reads",
                KEEPING_READS.get() - reads
            );
            let reads = KEEPING_READS.get();
            assert_eq!(
                index.calls_may_keep_cancellation("app.node.Node.add"),
                keeps
            );
            assert_eq!(KEEPING_READS.get(), reads);
        }
    }
}

#[cfg(test)]
mod lifetime_tests {
    use super::*;

    /// A project's index lives while the run has files of it to process,
    /// and a question that comes after it was dropped gets the same
    /// answer from an index made again.
    #[test]
    fn an_index_is_dropped_after_the_last_file_of_its_project() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (one, two) = (dir.path().join("one"), dir.path().join("two"));
        for root in [&one, &two] {
            std::fs::create_dir_all(root.join("pkg")).expect("mkdir");
            std::fs::write(root.join("pyproject.toml"), "").expect("write");
            std::fs::write(root.join("pkg/__init__.py"), "").expect("write");
            std::fs::write(root.join("pkg/a.py"), "async def f():\n    pass\n").expect("write");
            std::fs::write(root.join("b.py"), "from pkg.a import f\n").expect("write");
        }
        let (one, two) = (layout::absolute(&one), layout::absolute(&two));
        let files = [one.join("pkg/a.py"), one.join("b.py"), two.join("b.py")];
        let indexes = Indexes::new(None);
        indexes.expect(files.iter().map(PathBuf::as_path));
        let (index, _) = indexes.for_file(&files[0]);
        assert!(matches!(index.resolve("b.f"), Resolved::Function { .. }));
        drop(index);
        indexes.done_with(&files[0]);
        assert!(indexes.holds(&one), "a file of `one` is still to come");
        indexes.done_with(&files[1]);
        assert!(!indexes.holds(&one));
        assert!(indexes.holds(&two));
        let (again, _) = indexes.for_file(&files[1]);
        assert!(matches!(again.resolve("b.f"), Resolved::Function { .. }));
        indexes.done_with(&files[2]);
        assert!(!indexes.holds(&two));
    }
}

#[cfg(test)]
mod unreadable_tests {
    use super::*;

    /// A Python file the scan cannot decode (`store.save = fake` in
    /// Latin-1) may replace any function: resolution through the project
    /// gives up rather than trust a table that missed it.
    #[test]
    fn an_undecodable_file_makes_every_attribute_possibly_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::write(root.join("pyproject.toml"), "[project]\nname = 'x'\n").expect("write");
        std::fs::write(root.join("store.py"), "async def save():\n    pass\n").expect("write");
        let index = ProjectIndex::new(Layout::at(root.to_path_buf()));
        assert!(matches!(
            index.resolve_hops("store.save", 0),
            Resolved::Function { .. }
        ));
        std::fs::write(
            root.join("patch.py"),
            b"# -*- coding: latin-1 -*-\n# caf\xe9\nimport store\nstore.save = print\n",
        )
        .expect("write");
        let index = ProjectIndex::new(Layout::at(root.to_path_buf()));
        assert!(matches!(
            index.resolve_hops("store.save", 0),
            Resolved::Unknown
        ));
    }
}
