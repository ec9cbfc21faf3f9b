//! What other modules may ask about one module, kept after its syntax tree
//! is gone: its module-level names (functions with what calling them
//! gives back, classes with their bases and methods, imports it re-exports,
//! names bound from a call), `__all__`, star imports, a module
//! `__getattr__`, the attributes it writes anywhere, and the objects it
//! binds to an event loop when imported.

use std::path::PathBuf;

use ruff_python_ast::{Expr, ModModule, Stmt, StmtClassDef, StmtFunctionDef};
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextSize};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::quiet::{Quiet, QuietProof};
use crate::semantic::blocking::CallTarget;
use crate::semantic::functions::{is_generator, is_stub, written_attributes};
use crate::semantic::imports::Lookup;
use crate::semantic::project::is_built_in_module;
use crate::semantic::scope::{MODULE_SCOPE, ScopeNode};
use crate::semantic::stateful::for_each_annotation_type;
use crate::semantic::{BindingKind, ScopeId, SemanticModel};
use crate::version::PyVersion;

/// One module, summarised (kept in the cache, see `super::cache`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleSummary {
    /// The dotted name (`app.server`).
    pub name: Box<str>,
    /// Not kept in the cache: an entry serves any file of its bytes.
    #[serde(skip)]
    pub path: PathBuf,
    /// An `__init__.py`: relative imports start from the module itself.
    pub package: bool,
    pub symbols: FxHashMap<Box<str>, Symbol>,
    /// The names `__all__` lists, when it is a literal.
    pub all: Option<Vec<Box<str>>>,
    /// Modules whose names `from m import *` brings in (absolute).
    pub star_imports: Vec<Box<str>>,
    /// A module-level `__getattr__`: any missing name may still resolve.
    pub has_getattr: bool,
    /// A coroutine function of the module (a method, a nested wrapper) may
    /// keep a cancellation thrown into it (see
    /// `SemanticModel::coroutine_keeping_cancellation`): a name of the
    /// module the index cannot follow, or a decorated function, may be it.
    pub keeps_cancellation: bool,
    /// The imports (absolute) the module uses as values (see
    /// `SemanticModel::escaping_imports`): an awaitable its code cannot
    /// trace may be what one of them gives.
    pub escaping_imports: Box<[Box<str>]>,
    /// The imported decorators (absolute) that may replace a function of
    /// the module: a coroutine of their module that keeps a cancellation
    /// may be the wrapper a call of such a function runs.
    pub wrapped_by: Box<[Box<str>]>,
    /// What the module's coroutines (those above, a method, a nested
    /// wrapper) leave to the modules they import from (see
    /// [`CancellationLeft`]): a name of the module the index cannot follow
    /// may be one of them. Empty when [`Self::keeps_cancellation`].
    pub cancellation_left: CancellationLeft,
    /// Module-level names bound once, on every path, to a class name or a
    /// tuple of them (`Stop = asyncio.CancelledError`, `STOP =
    /// (CancelledError, KeyboardInterrupt)`): what each element names,
    /// absolute, builtins included (`builtins.KeyboardInterrupt`). An
    /// `except` clause naming one catches what they name.
    pub class_aliases: FxHashMap<Box<str>, Box<[Box<str>]>>,
    /// Which of the builtin exceptions that fixes turn into code that runs
    /// (`RuntimeError`, `TypeError`, `AttributeError`: see
    /// `catches::ASKED`) code of the module may catch, raised anywhere (see
    /// `SemanticModel::may_catch_in_module`).
    pub may_catch: Box<[Box<str>]>,
    /// Module-level names bound by assignment whose value may be zero or
    /// negative (`TIMEOUT = 0`, `BUDGET = LIMIT - USED`).
    pub non_positive: Box<[Box<str>]>,
    /// Module-level names that one of the module's star imports may bind
    /// again after the module's own binding (`TIMEOUT = 5` then `from
    /// .local import *`, a `def job` before `try: from .fast import *`):
    /// facts about such a name also follow the star imports.
    pub star_rebound: Box<[Box<str>]>,
    /// Module-level names assigned from names that one of the module's star
    /// imports may give (`TIMEOUT = DEFAULT * 2` after `from .defaults
    /// import *`), with those names: facts about the name also follow
    /// theirs through the star imports.
    pub star_reads: Box<[StarReads]>,
    /// Module-level classes whose `__exit__` or `__aexit__` may keep a
    /// cancellation (see `SemanticModel::class_exit_may_keep_cancellation`).
    pub keeping_exits: Box<[Box<str>]>,
    /// The property getters of the module's classes (see
    /// `semantic::cancellation::is_getter`) that may raise an exception of
    /// their own, or call imported names that may: read in a handler or a
    /// `finally:` anywhere, that exception may replace a cancellation.
    pub raising_properties: Box<[RaisingProperty]>,
    /// The module writes its own namespace other than by binding
    /// statements (`globals()[…] = …`, `exec`, `setattr` with a computed
    /// name): any of its names may be something else.
    pub rebinds_namespace: bool,
    /// Attribute names assigned or deleted anywhere (`Conn.flush = …`).
    pub written_attributes: FxHashSet<Box<str>>,
    /// Calls made when the module is imported (at module level, in a class
    /// body, or in a function of the module those call) that may bind an
    /// object to the event loop current then: asyncio's own (but the few
    /// of [`LOOP_FREE_ASYNCIO`]), a well-known async library's, or a
    /// function or class of the module that may make one (see
    /// [`FunctionSummary::touches_loop`]): the callee and its line.
    pub loop_bound_at_import: Vec<(Box<str>, u32)>,
    /// The imported callables that code run at import calls, directly or
    /// through functions of the module (absolute, each once, with the line
    /// of the import-time call): the index follows those into the project.
    pub calls_at_import: Vec<(Box<str>, u32)>,
    /// Where the module's code may use an event loop outside any run of
    /// one (see `SemanticModel::loop_used_outside_runs`): synchronous code
    /// asking for the loop or calling a loop's method, a coroutine handing
    /// its loop on. What is named and its line, the first few, on Python
    /// 3.10 or newer ...
    pub loop_outside_runs: Vec<(Box<str>, u32)>,
    /// ... and before 3.10, where a lock or a queue made outside a
    /// coroutine takes the current loop too.
    pub loop_outside_runs_before_310: Vec<(Box<str>, u32)>,
    /// The module's part of the proof that importing it runs nothing but
    /// definitions (see [`super::quiet`]).
    pub quiet: Quiet,
    /// What the module's writes of attributes by a computed name on a plain
    /// name reach (see `SemanticModel::computed_attribute_writes`).
    pub computed_writes: ComputedWrites,
    /// Reads of attributes off what may be a class of the project other
    /// than on one of its instances (`Base.run(obj)`, `partial(Base.run,
    /// obj)`, `run = Base.run`, `vars(Base)`; see
    /// `SemanticModel::class_members`): a method's `self` may then be
    /// another object.
    pub member_reads: Box<[MemberRead]>,
    /// The first line where the module may make a class at run time
    /// (`exec`, `compile`, `type(name, bases, ns)`, `types.new_class`,
    /// `dataclasses.make_dataclass`, a partial of `type`).
    pub makes_classes: Option<u32>,
    /// Attribute names the module writes only on the first parameter of
    /// plain methods of its module-level classes (`self.flush = …`), with
    /// those classes (absolute): the writes reach the instances of those
    /// classes and of the classes deriving from them alone. Another
    /// written name ([`Self::written_attributes`]) may be written on any
    /// object.
    pub placed_writes: Box<[PlacedWrite]>,
    /// The module may write attributes by a name spelled in a string
    /// (`setattr(obj, "flush", f)`, `patch.object(svc, "flush", f)`):
    /// see `ClassMembers::writes_by_string`.
    pub writes_by_string: bool,
}

/// An attribute name and the classes (absolute) on whose instances alone a
/// module writes it (see [`ModuleSummary::placed_writes`]).
pub type PlacedWrite = (Box<str>, Box<[Box<str>]>);

/// A read of an attribute off what may be a class (see
/// [`ModuleSummary::member_reads`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberRead {
    /// The receiver, absolute (`app.base.Base`); `*` when it may be any
    /// class (`type(obj).run(duck)`, `Base().run.__func__`).
    pub receiver: Box<str>,
    /// The attribute (`run`), `__dict__` for the class's namespace, or
    /// `*` for any attribute (`getattr(Base, name)`).
    pub member: Box<str>,
    /// A call that passes a method's own first parameter as the first
    /// argument (`Base.run(self)` in a method of `app.sub.Sub`): that
    /// method's class, absolute.
    pub own_instance_of: Option<Box<str>>,
    pub line: u32,
}

/// What a module's `setattr(obj, name, v)` calls (and the like) on plain
/// names may reach.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ComputedWrites {
    /// Module-level classes (absolute) one of whose methods writes on its
    /// first parameter (`setattr(self, name, v)`), with that method's
    /// name: their instances and their subclasses' (or, for a metaclass,
    /// the classes it makes; for a method read off the class and called
    /// with another object, that object).
    pub on_methods: Vec<(Box<str>, Box<str>)>,
    /// What a function's local name holds when such a write is made on it
    /// (`answer = Answer(…)` … `setattr(answer, key, v)`): the callee,
    /// absolute, whose call made it.
    pub on_made: Vec<Box<str>>,
    /// A write may reach an object the module cannot place.
    pub any: bool,
}

/// What a plain function's own code calls (see
/// `crate::semantic::blocking`): names only, resolved when a question
/// needs them. Never part of a [`ModuleSummary`]: worked out by
/// [`module_calls`] only for a module whose function a chain of blocking
/// calls asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FunctionCalls {
    /// A call that blocks by itself (`requests.get`), and its line: the
    /// first one.
    Blocks(Box<str>, u32),
    /// The functions it calls, each once, when none of its calls blocks by
    /// itself.
    Calls(Box<[CallTarget]>),
}

/// How many callees a function's summary keeps: a chain is about the
/// first blocking one, and a function that calls more is rare.
const MAX_CALL_TARGETS: usize = 48;

/// What a module-level name is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Symbol {
    Function(FunctionSummary),
    Class(ClassSummary),
    /// Bound only by imports of one path (absolute: `app.db.store`).
    Import(Box<str>),
    /// `name = callee(…)`, bound once: the callee's absolute qualified
    /// name, when it has one (an instance when the callee is a class).
    Assigned {
        callee: Option<Box<str>>,
        line: u32,
    },
    /// `Name = other.name`, `Name: TypeAlias = …` or `type Name = …`,
    /// bound once: what the value names, absolute (each member of a
    /// union). Followed only by questions about types (see
    /// `ProjectFacts::stateful`); resolution treats it as unknown.
    Alias {
        targets: Box<[Box<str>]>,
        line: u32,
    },
    /// Anything else, or bound more than one way, or only on some paths.
    Other,
}

/// A module-level name and the names its value reads that a star import
/// may give (see [`ModuleSummary::star_reads`]).
pub type StarReads = (Box<str>, Box<[Box<str>]>);

/// A function or method, as far as callers need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionSummary {
    pub is_async: bool,
    /// Its own body yields: calling it makes a (async) generator.
    pub is_generator: bool,
    /// Every decorator is known to leave the function what it was.
    pub transparent: bool,
    /// It has decorators (all transparent when [`Self::transparent`]):
    /// code elsewhere may still replace one of them (`typing.final = f`).
    pub decorated: bool,
    /// `@asyncio.coroutine`, and otherwise transparent.
    pub legacy_coroutine: bool,
    /// The body only marks a place for a subclass (`...`, `pass`, `raise NotImplementedError`).
    pub stub: bool,
    /// No `return` in its own body gives a value.
    pub returns_nothing: bool,
    /// Every `return` in its own body surely gives plain data (see
    /// `SemanticModel::function_gives_plain_data`), which cannot hold an
    /// event loop.
    pub gives_plain_data: bool,
    /// An `async def` whose body surely lets a cancellation out (see
    /// `SemanticModel::lets_cancellation_out`); a plain `def` whose
    /// returned calls give only such coroutines, as far as its module
    /// shows.
    pub lets_cancellation_out: bool,
    /// The imported names (absolute) of the calls its coroutine's code
    /// makes that its module cannot read, and whether an awaitable there
    /// could not be traced to any name (see
    /// `semantic::cancellation::CancellationFacts`): the index follows them.
    pub cancellation_calls: Box<[Box<str>]>,
    /// It may raise an exception of its own: its own code raises one (see
    /// `semantic::cancellation::raises_another`), or calls a function of
    /// the module that may (see `SemanticModel::raising_facts`).
    pub raises: bool,
    /// The imported names (absolute) its code, and the module's code it
    /// calls, calls on the way: the index asks them whether they may raise.
    pub raises_left: Box<[Box<str>]>,
    /// The methods of the awaited calls there that could not be traced
    /// (empty for a call of something else).
    pub cancellation_untraced: Box<[Box<str>]>,
    /// What its handlers, `finally:` clauses and managers (and those of the
    /// module's code it reaches) leave to the modules it imports from.
    pub cancellation_left: CancellationLeft,
    /// What its return annotation names, absolute (`asyncpg.Connection`
    /// for `-> Optional[Connection]`); empty for most functions.
    pub returns: Box<[Box<str>]>,
    /// Calling it (a plain `def`) may touch asyncio's event loop: its
    /// body calls asyncio or a well-known async library, or a function of
    /// the module that may (by name; a method by its name alone), or more
    /// imported callables than [`MAX_CALLS_OUT`].
    pub touches_loop: bool,
    /// The imported callables its body calls, directly or through
    /// functions of the module, that may lead into the project (absolute;
    /// empty when [`Self::touches_loop`]): the index follows them.
    pub calls_out: Box<[Box<str>]>,
    /// A plain `def` whose call runs nothing of the project or of a
    /// library (see [`super::quiet`]).
    pub quiet: bool,
    /// 1-based line of the `def`.
    pub line: u32,
}

/// The names, absolute, that a coroutine's handlers, `finally:` clauses
/// and managers leave to the project (see
/// `semantic::cancellation::LeftToProject`): the index asks the modules
/// that define them whether the coroutine may keep a cancellation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancellationLeft {
    /// Exception classes of `except` clauses and `suppress(…)`.
    pub catches: Box<[Box<str>]>,
    /// Functions called in a handler or a `finally:`.
    pub cleanups: Box<[Box<str>]>,
    /// Exit callbacks given to an exit stack.
    pub exits: Box<[Box<str>]>,
    /// Imported bases of classes whose instances are entered.
    pub managers: Box<[Box<str>]>,
    /// The module's own classes whose instances are entered: their exits
    /// may be written by other modules.
    pub own_managers: Box<[Box<str>]>,
    /// Attribute names read in a handler or a `finally:`.
    pub reads: Box<[Box<str>]>,
}

impl CancellationLeft {
    fn of(
        left: &crate::semantic::cancellation::LeftToProject,
        module: &str,
        package: bool,
    ) -> Self {
        let absolute = |names: &[String]| -> Box<[Box<str>]> {
            names
                .iter()
                .map(|name| absolutize(name, module, package).into())
                .collect()
        };
        // The module's own classes, by their absolute name.
        let with_own = |names: &[String], own: &[String]| -> Vec<String> {
            names
                .iter()
                .map(|name| absolutize(name, module, package))
                .chain(own.iter().map(|name| format!("{module}.{name}")))
                .collect()
        };
        let cleanups = with_own(&left.cleanups, &left.own_cleanups);
        let own_managers: Vec<String> = left
            .own_managers
            .iter()
            .map(|name| format!("{module}.{name}"))
            .collect();
        CancellationLeft {
            catches: absolute(&left.catches),
            cleanups: absolute(&cleanups),
            exits: absolute(&left.exits),
            managers: absolute(&left.managers),
            own_managers: absolute(&own_managers),
            reads: left.reads.iter().map(|name| name.as_str().into()).collect(),
        }
    }
}

/// A property getter that may raise (see `ModuleSummary::raising_properties`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaisingProperty {
    /// The attribute's name.
    pub name: Box<str>,
    /// Its own code raises (see `semantic::cancellation::raises_another`),
    /// or calls a function of the module that may.
    pub raises: bool,
    /// The imported names it calls (absolute): one that may raise makes it
    /// raise.
    pub left: Box<[Box<str>]>,
}

/// See [`ModuleSummary::raising_properties`]: the getters of every class
/// of the module (nested ones too).
fn raising_properties(
    semantic: &SemanticModel,
    module: &str,
    package: bool,
) -> Box<[RaisingProperty]> {
    let mut found = Vec::new();
    for scope in semantic.scopes.iter() {
        let ScopeNode::Class(class) = scope.node else {
            continue;
        };
        let getters = class
            .body
            .iter()
            .filter_map(|stmt| match stmt {
                Stmt::FunctionDef(def) if crate::semantic::cancellation::is_getter(def) => {
                    Some((def.name.as_str(), def))
                }
                _ => None,
            })
            // `closed = property(_get_closed)`.
            .chain(crate::semantic::cancellation::assigned_properties(class));
        for (name, def) in getters {
            let (raises, left, own) = semantic.raising_facts(def);
            if raises || !left.is_empty() || !own.is_empty() {
                found.push(RaisingProperty {
                    name: name.into(),
                    raises,
                    left: left
                        .iter()
                        .map(|callee| absolutize(callee, module, package))
                        .chain(own.iter().map(|method| format!("{module}.{method}")))
                        .map(Into::into)
                        .collect(),
                });
            }
        }
    }
    found.into()
}

/// A class, as far as callers of its methods need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassSummary {
    /// Each base's absolute qualified name, `None` when it has none (`Base[T]`, a call).
    pub bases: Vec<Option<Box<str>>>,
    /// What the bases without a qualified name are written with: each name
    /// and attribute chain in them, absolute (`app.models.Repo` for
    /// `Repo[int]` or `make_base(Repo)`). Any of them may be what the
    /// class derives from.
    pub base_mentions: Vec<Box<str>>,
    /// A base is a name the module binds by an assignment whose value names
    /// nothing the index can follow (`Base = getattr(_r, "Repo")`, `Base =
    /// make_base()`), or by a `for`, `with`, `except` or the like: the
    /// class may derive from any class.
    pub opaque_base: bool,
    /// Methods bound once, directly in the body, by a `def`.
    pub methods: FxHashMap<Box<str>, FunctionSummary>,
    /// Names the body binds some other way (assigned, imported, bound twice).
    pub other_names: FxHashSet<Box<str>>,
    /// No metaclass and no class decorator that may replace methods.
    pub keeps_methods: bool,
    /// No metaclass but `type` or `abc.ABCMeta`, and no class decorator
    /// that may replace the class (`six.add_metaclass(M)`): the classes
    /// deriving from it keep the methods they define, as far as its
    /// statement shows (see
    /// `SemanticModel::class_keeps_subclass_methods`).
    pub keeps_subclass_methods: bool,
    /// What its instances are shown to hold: the types its attributes are
    /// annotated with (in its body, or `self.x: T` in a method), and the
    /// callees whose results its methods assign to them (`self.conn =
    /// await asyncpg.connect(…)`), or the annotation of the parameter
    /// assigned (`self.session = session`), absolute, each with its line.
    pub holds: Vec<(Box<str>, u32)>,
    pub line: u32,
}

/// asyncio's functions and classes that touch no event loop when called:
/// every other asyncio call made when a module is imported (a future, a
/// task, a loop asked for, through the policy too, a queue or lock that
/// takes the current loop before Python 3.10) may tie an object to the
/// loop current then.
const LOOP_FREE_ASYNCIO: &[&str] = &[
    "CancelledError",
    "InvalidStateError",
    "TimeoutError",
    "get_running_loop",
    "iscoroutine",
    "iscoroutinefunction",
    "isfuture",
    "run",
    "set_event_loop_policy",
];

/// The most imported callables a function's summary lists (see
/// [`FunctionSummary::calls_out`]): one that reaches more is taken as
/// touching the loop, which keeps summaries small.
pub const MAX_CALLS_OUT: usize = 24;

/// Methods that calling a class runs.
pub const CONSTRUCTORS: &[&str] = &["__new__", "__init__", "__post_init__"];

/// What one call made by import-time code or a plain function leads to.
enum Callee {
    /// asyncio (or a well-known async library) that may touch the loop:
    /// its qualified name.
    Touches(String),
    /// Code of the module or imported callables that may lead into the
    /// project.
    Calls {
        /// The callee as the module names it.
        written: String,
        /// Plain `def`s of the module.
        local: Vec<Local>,
        /// Imported callables (absolute).
        imported: Vec<String>,
    },
    /// Nothing that touches the loop (a builtin, a built-in module, an
    /// `async def`, whose body a call does not run).
    Nothing,
}

/// Plain `def`s of the module a call may run: one, by the start of its
/// `def`, or every method of the module with one name (`self.to_dict()`),
/// by the name's number in [`Callees::methods`]. A generated module with a
/// thousand classes that each call their fields' `to_dict()` names the
/// thousand methods once, not once per call.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Local {
    Def(TextSize),
    Methods(u32),
}

/// What the module's import-time code and plain functions call, as far as
/// the event loop goes (see [`ModuleSummary::loop_bound_at_import`] and
/// [`FunctionSummary::touches_loop`]).
struct LoopReach {
    /// The plain `def`s whose call may touch the loop.
    touching: FxHashSet<TextSize>,
    /// Per plain `def` that does not, the imported callables it reaches.
    calls_out: FxHashMap<TextSize, Vec<Box<str>>>,
    loop_bound_at_import: Vec<(Box<str>, TextSize)>,
    calls_at_import: Vec<(Box<str>, TextSize)>,
    /// The quiet functions (see [`super::quiet::quiet_functions`]).
    quiet: FxHashSet<TextSize>,
}

/// What a call of some name (or of a decorator) reaches in one module.
struct Callees<'m, 'a> {
    semantic: &'m SemanticModel<'a>,
    scopes: &'m ScopeBindings,
    star_imports: &'m [Box<str>],
    absolute: &'m dyn Fn(&str) -> String,
    /// The plain `def`s of the module that are methods, by name: each
    /// name's number (see [`Local::Methods`]) ...
    method_names: FxHashMap<&'a str, u32>,
    /// ... and the methods of each, in the order the module binds them.
    methods: Vec<Vec<TextSize>>,
}

impl Callees<'_, '_> {
    /// The `def`s `locals` name, in order.
    fn defs<'s>(&'s self, locals: &'s [Local]) -> impl Iterator<Item = TextSize> + 's {
        locals.iter().flat_map(move |local| {
            let (one, many) = match *local {
                Local::Def(def) => (Some(def), &[][..]),
                Local::Methods(number) => (
                    None,
                    self.methods
                        .get(number as usize)
                        .map_or(&[][..], Vec::as_slice),
                ),
            };
            one.into_iter().chain(many.iter().copied())
        })
    }

    /// What calling `func` (read in `scope`) may run.
    fn of(&self, func: &Expr, scope: ScopeId) -> Callee {
        self.of_depth(func, scope, 0)
    }

    /// [`Self::of`], through at most a few names bound to another
    /// (`make = asyncio.Future`, `build = _make`).
    fn of_depth(&self, func: &Expr, scope: ScopeId, depth: usize) -> Callee {
        let semantic = self.semantic;
        if let Some(qualified) = semantic.qualified_name_unless_star_rebinds(func, scope) {
            let qualified = normalize_asyncio(qualified.as_str());
            let top = qualified.split('.').next().unwrap_or_default();
            if let Some(member) = qualified.strip_prefix("asyncio.") {
                let last = member.rsplit('.').next().unwrap_or(member);
                if LOOP_FREE_ASYNCIO.contains(&last) {
                    return Callee::Nothing;
                }
                return Callee::Touches(qualified);
            }
            if top == "builtins" || is_built_in_module(top) {
                return Callee::Nothing;
            }
            if crate::semantic::known::knows_module(top) {
                return Callee::Touches(qualified);
            }
            return Callee::Calls {
                imported: vec![(self.absolute)(&qualified)],
                written: qualified,
                local: Vec::new(),
            };
        }
        let mut local = Vec::new();
        let mut imported = Vec::new();
        let written = match func {
            Expr::Name(name) => {
                match semantic.lookup(name.id.as_str(), scope) {
                    Lookup::Bound { bindings, .. } => {
                        for &id in bindings {
                            match semantic.binding(id).kind {
                                BindingKind::FunctionDef(def) if !def.is_async => {
                                    local.push(Local::Def(def.start()));
                                }
                                BindingKind::ClassDef(class) => {
                                    self.construction(class, &mut local, &mut imported);
                                }
                                // A name bound to another: what that one is.
                                BindingKind::Assignment if depth < 4 => {
                                    let binding = semantic.binding(id);
                                    let Some(value @ (Expr::Name(_) | Expr::Attribute(_))) =
                                        binding.stmt.and_then(|stmt| {
                                            crate::semantic::loops::assigned_value(
                                                stmt,
                                                binding.range,
                                            )
                                        })
                                    else {
                                        continue;
                                    };
                                    match self.of_depth(value, binding.scope, depth + 1) {
                                        Callee::Touches(qualified) => {
                                            return Callee::Touches(qualified);
                                        }
                                        Callee::Calls {
                                            local: more_local,
                                            imported: more_imported,
                                            ..
                                        } => {
                                            local.extend(more_local);
                                            imported.extend(more_imported);
                                        }
                                        Callee::Nothing => {}
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    // A name only a star import binds: what the module it
                    // comes from binds.
                    Lookup::Unknown => imported.extend(
                        self.star_imports
                            .iter()
                            .map(|module| format!("{module}.{}", name.id)),
                    ),
                    Lookup::Builtin => return Callee::Nothing,
                }
                name.id.to_string()
            }
            // A method of the module by its name alone (`self._make()`,
            // `Factory.build()`, `make().start()`).
            Expr::Attribute(attribute) => {
                if let Some(&number) = self.method_names.get(attribute.attr.as_str()) {
                    local.push(Local::Methods(number));
                }
                attribute.attr.to_string()
            }
            _ => return Callee::Nothing,
        };
        Callee::Calls {
            written,
            local,
            imported,
        }
    }

    /// What making an instance of the module's class `class` may run: its
    /// constructors and its bases' (those of the module followed, the
    /// others named, for the index to follow), and its metaclass's
    /// `__call__`.
    fn construction(
        &self,
        class: &StmtClassDef,
        local: &mut Vec<Local>,
        imported: &mut Vec<String>,
    ) {
        self.methods_along(class, CONSTRUCTORS, local, imported, 0);
        self.metaclass_methods(class, &["__call__"], local, imported);
    }

    /// What running the class statement of `class` may run besides its
    /// body: its metaclass's `__new__` and `__init__`, its bases'
    /// `__init_subclass__`.
    fn creation(&self, class: &StmtClassDef, local: &mut Vec<Local>, imported: &mut Vec<String>) {
        self.metaclass_methods(
            class,
            &["__new__", "__init__", "__prepare__"],
            local,
            imported,
        );
        let semantic = self.semantic;
        let Some(outer) = self
            .scopes
            .of_class(class)
            .and_then(|scope| semantic.scope(scope).parent)
        else {
            return;
        };
        for base in class.bases() {
            if let Expr::Name(name) = base
                && let Lookup::Bound { bindings, .. } = semantic.lookup(name.id.as_str(), outer)
            {
                for &id in bindings {
                    if let BindingKind::ClassDef(base_class) = semantic.binding(id).kind
                        && !std::ptr::eq(base_class, class)
                    {
                        // Bases of other modules are not followed here:
                        // the index reads constructors, not hooks.
                        self.methods_along(
                            base_class,
                            &["__init_subclass__"],
                            local,
                            &mut Vec::new(),
                            0,
                        );
                    }
                }
            }
        }
    }

    /// The methods named `names` of the metaclass `class` gives as
    /// `metaclass=`: of a class of the module, along its bases; an
    /// imported one named, for the index to follow.
    fn metaclass_methods(
        &self,
        class: &StmtClassDef,
        names: &[&str],
        local: &mut Vec<Local>,
        imported: &mut Vec<String>,
    ) {
        let semantic = self.semantic;
        let Some(outer) = self
            .scopes
            .of_class(class)
            .and_then(|scope| semantic.scope(scope).parent)
        else {
            return;
        };
        let Some(meta) = class.keywords().iter().find(|keyword| {
            keyword
                .arg
                .as_ref()
                .is_some_and(|arg| arg.as_str() == "metaclass")
        }) else {
            return;
        };
        if let Some(qualified) = semantic.qualified_name_unless_star_rebinds(&meta.value, outer) {
            let top = qualified.module();
            if top != "builtins" && !is_built_in_module(top) {
                imported.push((self.absolute)(qualified.as_str()));
            }
        } else if let Expr::Name(name) = &meta.value
            && let Lookup::Bound { bindings, .. } = semantic.lookup(name.id.as_str(), outer)
        {
            for &id in bindings {
                if let BindingKind::ClassDef(meta_class) = semantic.binding(id).kind
                    && !std::ptr::eq(meta_class, class)
                {
                    self.methods_along(meta_class, names, local, imported, 0);
                }
            }
        }
    }

    /// The plain methods named `names` of the module's class `class` and
    /// of its bases (those of the module followed, the others named, for
    /// the index to follow).
    fn methods_along(
        &self,
        class: &StmtClassDef,
        names: &[&str],
        local: &mut Vec<Local>,
        imported: &mut Vec<String>,
        depth: usize,
    ) {
        let semantic = self.semantic;
        let Some(scope) = self.scopes.of_class(class) else {
            return;
        };
        for &id in self.scopes.bindings(scope) {
            let binding = semantic.binding(id);
            if let BindingKind::FunctionDef(def) = binding.kind
                && !def.is_async
                && names.contains(&binding.name)
            {
                local.push(Local::Def(def.start()));
            }
        }
        if depth > 8 {
            return;
        }
        let Some(outer) = semantic.scope(scope).parent else {
            return;
        };
        for base in class.bases() {
            for_each_name_in(base, &mut |named| {
                if let Some(qualified) = semantic.qualified_name_unless_star_rebinds(named, outer) {
                    let top = qualified.module();
                    if top != "builtins" && !is_built_in_module(top) {
                        imported.push((self.absolute)(qualified.as_str()));
                    }
                } else if let Expr::Name(name) = named
                    && let Lookup::Bound { bindings, .. } = semantic.lookup(name.id.as_str(), outer)
                {
                    for &id in bindings {
                        if let BindingKind::ClassDef(base_class) = semantic.binding(id).kind
                            && !std::ptr::eq(base_class, class)
                        {
                            self.methods_along(base_class, names, local, imported, depth + 1);
                        }
                    }
                }
            });
        }
    }
}

impl LoopReach {
    fn of(
        semantic: &SemanticModel,
        scopes: &ScopeBindings,
        star_imports: &[Box<str>],
        absolute: &dyn Fn(&str) -> String,
    ) -> LoopReach {
        let mut method_names: FxHashMap<&str, u32> = FxHashMap::default();
        let mut methods: Vec<Vec<TextSize>> = Vec::new();
        for binding in &semantic.bindings {
            if let BindingKind::FunctionDef(def) = binding.kind
                && !def.is_async
                && matches!(semantic.scope(binding.scope).node, ScopeNode::Class(_))
            {
                let number = *method_names.entry(binding.name).or_insert_with(|| {
                    methods.push(Vec::new());
                    u32::try_from(methods.len() - 1).unwrap_or(u32::MAX)
                });
                if let Some(defs) = methods.get_mut(number as usize) {
                    defs.push(def.start());
                }
            }
        }
        let callees = Callees {
            semantic,
            scopes,
            star_imports,
            absolute,
            method_names,
            methods,
        };
        // Every call, and every decorator that is no call (`@register`
        // calls `register` where the decorated statement runs): what it
        // leads to, and whose code makes it (none for code no import or
        // plain call runs, and none for a callee that leads nowhere).
        let mut found: Vec<(TextSize, Owner, Callee)> = Vec::new();
        let mut add = |at: TextSize, scope: ScopeId, callee: &mut dyn FnMut() -> Callee| {
            let Some(owner) = owner_of(semantic, scope) else {
                return;
            };
            let callee = callee();
            if !matches!(callee, Callee::Nothing) {
                found.push((at, owner, callee));
            }
        };
        for site in &semantic.calls {
            add(site.call.start(), site.scope, &mut || {
                callees.of(&site.call.func, site.scope)
            });
        }
        // A callable passed to a call may be called by it
        // (`field(default_factory=asyncio.Future)`, `partial(_make)`): a
        // name of the module as a callee would be, asyncio's or a
        // library's too; a method by its name would be too many.
        for site in &semantic.calls {
            let arguments = &site.call.arguments;
            let values = arguments
                .args
                .iter()
                .chain(arguments.keywords.iter().map(|keyword| &keyword.value));
            for value in values {
                let mut callee = || match value {
                    // Imported names passed on are not followed: most
                    // are values (`setup(config)`), which the index
                    // cannot tell from functions.
                    Expr::Name(_) => match callees.of(value, site.scope) {
                        Callee::Calls { written, local, .. } => Callee::Calls {
                            written,
                            local,
                            imported: Vec::new(),
                        },
                        other => other,
                    },
                    Expr::Attribute(_) => match callees.of(value, site.scope) {
                        touches @ Callee::Touches(_) => touches,
                        _ => Callee::Nothing,
                    },
                    _ => Callee::Nothing,
                };
                if matches!(value, Expr::Name(_) | Expr::Attribute(_)) {
                    add(value.start(), site.scope, &mut callee);
                }
            }
        }
        // A class statement runs its metaclass and its bases' hooks.
        for binding in &semantic.bindings {
            if let BindingKind::ClassDef(class) = binding.kind {
                let (mut local, mut imported) = (Vec::new(), Vec::new());
                callees.creation(class, &mut local, &mut imported);
                if !local.is_empty() || !imported.is_empty() {
                    let mut callee = Some(Callee::Calls {
                        written: binding.name.to_string(),
                        local,
                        imported,
                    });
                    add(class.start(), binding.scope, &mut || {
                        callee.take().unwrap_or(Callee::Nothing)
                    });
                }
            }
        }
        for binding in &semantic.bindings {
            let decorators = match binding.kind {
                BindingKind::FunctionDef(def) => &def.decorator_list,
                BindingKind::ClassDef(class) => &class.decorator_list,
                _ => continue,
            };
            for decorator in decorators {
                if !matches!(decorator.expression, Expr::Call(_)) {
                    add(decorator.start(), binding.scope, &mut || {
                        callees.of(&decorator.expression, binding.scope)
                    });
                }
            }
        }
        found.sort_by_key(|(at, _, _)| *at);

        let mut touching: FxHashSet<TextSize> = FxHashSet::default();
        let mut edges: FxHashMap<TextSize, Vec<Local>> = FxHashMap::default();
        let mut calls_out: FxHashMap<TextSize, Vec<Box<str>>> = FxHashMap::default();
        // Import-time calls: where, and what each leads to.
        let mut roots: Vec<(TextSize, Callee)> = Vec::new();
        for (at, owner, callee) in found {
            match owner {
                Owner::Import => roots.push((at, callee)),
                Owner::Def(def) => match callee {
                    Callee::Touches(_) => {
                        touching.insert(def);
                    }
                    Callee::Calls {
                        local, imported, ..
                    } => {
                        // A target named twice adds nothing the second time.
                        let targets = edges.entry(def).or_default();
                        for target in local {
                            if !targets.contains(&target) {
                                targets.push(target);
                            }
                        }
                        let out = calls_out.entry(def).or_default();
                        for name in imported {
                            if !out.iter().any(|known| **known == *name) {
                                out.push(name.into());
                            }
                        }
                    }
                    Callee::Nothing => {}
                },
            }
        }
        // What each `def` reaches through the module's own functions, to a
        // fixed point (each round only adds); one that reaches more than
        // [`MAX_CALLS_OUT`] imported callables counts as touching the loop.
        // A target adds something only when it touches the loop or reaches
        // imported callables: the methods of a name none of which does yet
        // (`to_dict` of a thousand generated classes) are passed over whole,
        // until one does.
        let mut group_of: FxHashMap<TextSize, usize> = FxHashMap::default();
        for (number, defs) in callees.methods.iter().enumerate() {
            for &def in defs {
                group_of.insert(def, number);
            }
        }
        let mut live: Vec<bool> = callees
            .methods
            .iter()
            .map(|defs| {
                defs.iter().any(|def| {
                    touching.contains(def) || calls_out.get(def).is_some_and(|out| !out.is_empty())
                })
            })
            .collect();
        let wake = |def: TextSize, live: &mut Vec<bool>| {
            if let Some(alive) = group_of.get(&def).and_then(|&number| live.get_mut(number)) {
                *alive = true;
            }
        };
        loop {
            let mut changed = false;
            for (def, targets) in &edges {
                if touching.contains(def) {
                    continue;
                }
                'targets: for local in targets {
                    if let Local::Methods(number) = *local
                        && !live.get(number as usize).copied().unwrap_or(true)
                    {
                        continue;
                    }
                    for target in callees.defs(std::slice::from_ref(local)) {
                        if touching.contains(&target) {
                            touching.insert(*def);
                            wake(*def, &mut live);
                            changed = true;
                            break 'targets;
                        }
                        if let Some(more) = calls_out.get(&target).filter(|more| !more.is_empty()) {
                            // Only the names `def` does not reach yet are
                            // copied (after the first rounds, mostly none).
                            let known = calls_out.get(def);
                            let new: Vec<Box<str>> = more
                                .iter()
                                .filter(|name| !known.is_some_and(|out| out.contains(name)))
                                .cloned()
                                .collect();
                            changed |= !new.is_empty();
                            calls_out.entry(*def).or_default().extend(new);
                            wake(*def, &mut live);
                        }
                    }
                }
            }
            for (def, out) in &calls_out {
                if out.len() > MAX_CALLS_OUT && touching.insert(*def) {
                    wake(*def, &mut live);
                    changed = true;
                }
            }
            calls_out.retain(|def, _| !touching.contains(def));
            if !changed {
                break;
            }
        }
        let mut loop_bound_at_import = Vec::new();
        let mut calls_at_import: Vec<(Box<str>, TextSize)> = Vec::new();
        for (at, callee) in roots {
            match callee {
                Callee::Touches(qualified) => loop_bound_at_import.push((qualified.into(), at)),
                Callee::Calls {
                    written,
                    local,
                    imported,
                } => {
                    if callees.defs(&local).any(|def| touching.contains(&def)) {
                        loop_bound_at_import.push((written.into(), at));
                    }
                    let reached = callees
                        .defs(&local)
                        .flat_map(|def| calls_out.get(&def).into_iter().flatten())
                        .map(|name| &**name)
                        .chain(imported.iter().map(String::as_str));
                    for name in reached {
                        if !calls_at_import.iter().any(|(known, _)| **known == *name) {
                            calls_at_import.push((name.into(), at));
                        }
                    }
                }
                Callee::Nothing => {}
            }
        }
        LoopReach {
            touching,
            calls_out,
            loop_bound_at_import,
            calls_at_import,
            quiet: super::quiet::quiet_functions(semantic),
        }
    }
}

/// Whose call runs code in a scope.
enum Owner {
    /// Importing the module: the module body, a class body in it.
    Import,
    /// Calling the plain `def` that starts there.
    Def(TextSize),
}

/// Whose call runs the code of `scope`: a class body, comprehension or
/// lambda belongs to the scope around it (a lambda taken as called); the
/// body of an `async def` runs only when awaited, never at import: `None`.
fn owner_of(semantic: &SemanticModel, scope: ScopeId) -> Option<Owner> {
    let mut current = scope;
    loop {
        let here = semantic.scope(current);
        match here.node {
            ScopeNode::Module => return Some(Owner::Import),
            ScopeNode::Function(def) if def.is_async => return None,
            ScopeNode::Function(def) => return Some(Owner::Def(def.start())),
            ScopeNode::Class(_) | ScopeNode::Lambda(_) | ScopeNode::Comprehension(_) => {
                current = here.parent?;
            }
        }
    }
}

/// Summarises a parsed module named `name`.
pub fn summarize(
    module: &ModModule,
    source: &str,
    name: &str,
    path: PathBuf,
    package: bool,
) -> ModuleSummary {
    let semantic = SemanticModel::build(module);
    let lines = LineIndex::from_source_text(source);
    let line = |offset: TextSize| lines.line_index(offset).get() as u32;
    let absolute = |qualified: &str| absolutize(qualified, name, package);

    let scopes = ScopeBindings::of(&semantic);
    let mut star_imports: Vec<Box<str>> = Vec::new();
    let class_scope = |class: &StmtClassDef| scopes.of_class(class);
    let mut quiet = QuietProof::new(&semantic, &absolute, &line, &class_scope);
    for stmt in &module.body {
        quiet.module_stmt(stmt);
    }
    // At any depth of the module's code: `try: from .local import *`.
    for import in semantic.star_import_statements() {
        let dots = ".".repeat(import.level as usize);
        let module_name = import.module.as_ref().map_or("", |m| m.as_str());
        star_imports.push(absolute(&format!("{dots}{module_name}")).into());
    }
    let reach = LoopReach::of(&semantic, &scopes, &star_imports, &absolute);
    let mut by_name: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for &id in scopes.bindings(MODULE_SCOPE) {
        by_name
            .entry(semantic.binding(id).name)
            .or_default()
            .push(id);
    }
    let mut symbols = FxHashMap::default();
    for (&symbol_name, ids) in &by_name {
        let symbol = match ids.as_slice() {
            [only] => {
                let binding = semantic.binding(*only);
                let unconditional = binding
                    .stmt
                    .is_some_and(|stmt| semantic.runs_unconditionally(stmt));
                match (&binding.kind, binding.stmt) {
                    _ if !unconditional => Symbol::Other,
                    (BindingKind::FunctionDef(def), _) => Symbol::Function(function(
                        &semantic,
                        def,
                        name,
                        package,
                        line(def.name.start()),
                        &reach,
                    )),
                    (BindingKind::ClassDef(class), _) => Symbol::Class(class_summary(
                        &semantic, &scopes, class, name, package, &line, &reach,
                    )),
                    (BindingKind::Import { qualified, .. }, _) => {
                        Symbol::Import(absolute(qualified).into())
                    }
                    (BindingKind::Assignment, Some(Stmt::Assign(assign))) => {
                        match (assign.targets.as_slice(), assign.value.as_ref()) {
                            ([Expr::Name(_)], Expr::Call(call)) => Symbol::Assigned {
                                callee: module_qualified(&semantic, &call.func, name, package),
                                line: line(assign.range.start()),
                            },
                            ([Expr::Name(_)], value) => {
                                alias(&semantic, value, name, package, line(assign.start()))
                            }
                            _ => Symbol::Other,
                        }
                    }
                    (BindingKind::Assignment, Some(Stmt::AnnAssign(assign)))
                        if is_type_alias_annotation(&assign.annotation) =>
                    {
                        match assign.value.as_deref() {
                            Some(value) => {
                                alias(&semantic, value, name, package, line(assign.start()))
                            }
                            None => Symbol::Other,
                        }
                    }
                    (BindingKind::Assignment, Some(Stmt::TypeAlias(alias_stmt))) => alias(
                        &semantic,
                        &alias_stmt.value,
                        name,
                        package,
                        line(alias_stmt.start()),
                    ),
                    _ => Symbol::Other,
                }
            }
            many => {
                // Several imports of one path, each on every path: one import.
                let paths: FxHashSet<&str> = many
                    .iter()
                    .filter_map(|&id| semantic.binding(id).kind.import_path())
                    .collect();
                let all_imports = many
                    .iter()
                    .all(|&id| matches!(semantic.binding(id).kind, BindingKind::Import { .. }));
                match paths.iter().next() {
                    Some(path) if all_imports && paths.len() == 1 => {
                        Symbol::Import(absolute(path).into())
                    }
                    _ => Symbol::Other,
                }
            }
        };
        symbols.insert(symbol_name.into(), symbol);
    }

    let loop_bound_at_import = reach
        .loop_bound_at_import
        .iter()
        .map(|(callee, at)| (callee.clone(), line(*at)))
        .collect();
    let calls_at_import = reach
        .calls_at_import
        .iter()
        .map(|(callee, at)| (callee.clone(), line(*at)))
        .collect();

    let computed_writes = computed_writes(&semantic, name, package);
    let members = semantic.class_members();
    let mut member_reads: Vec<MemberRead> = Vec::new();
    for read in &members.reads {
        let receiver: Box<str> = if read.anywhere {
            "*".into()
        } else {
            let Some(receiver) = module_qualified(&semantic, read.receiver, name, package) else {
                continue;
            };
            let top = receiver.split('.').next().unwrap_or_default();
            if crate::semantic::project::standard_module(top) {
                continue;
            }
            receiver
        };
        let found = MemberRead {
            receiver,
            member: read.member.into(),
            own_instance_of: read
                .own_instance_of
                .map(|class| format!("{name}.{class}").into()),
            line: line(read.range.start()),
        };
        if !member_reads.iter().any(|known| {
            known.receiver == found.receiver
                && known.member == found.member
                && known.own_instance_of == found.own_instance_of
        }) {
            member_reads.push(found);
        }
    }
    let mut placed_writes: Vec<PlacedWrite> = members
        .placed_writes
        .iter()
        .map(|(attribute, classes)| {
            (
                Box::<str>::from(*attribute),
                classes
                    .iter()
                    .map(|class| format!("{name}.{class}").into())
                    .collect(),
            )
        })
        .collect();
    // Writes on imported classes, by the names the imports give.
    for (attribute, classes) in &members.placed_on_imports {
        let absolute = classes
            .iter()
            .map(|class| Box::<str>::from(absolutize(class, name, package)));
        match placed_writes
            .iter_mut()
            .find(|(written, _)| written.as_ref() == *attribute)
        {
            Some((_, known)) => {
                let mut all = known.to_vec();
                all.extend(absolute);
                *known = all.into();
            }
            None => placed_writes.push(((*attribute).into(), absolute.collect())),
        }
    }
    placed_writes.sort();
    let keeps_cancellation = semantic.coroutine_keeping_cancellation().is_some();
    ModuleSummary {
        computed_writes,
        member_reads: member_reads.into(),
        makes_classes: members.makes_classes.map(|range| line(range.start())),
        placed_writes: placed_writes.into(),
        writes_by_string: members.writes_by_string,
        name: name.into(),
        path,
        package,
        has_getattr: symbols.contains_key("__getattr__"),
        keeps_cancellation,
        cancellation_left: if keeps_cancellation {
            CancellationLeft::default()
        } else {
            CancellationLeft::of(&semantic.cancellation_left_to_project(), name, package)
        },
        class_aliases: class_aliases(&semantic, &by_name, name, package),
        may_catch: super::catches::caught_by(&semantic),
        escaping_imports: semantic
            .escaping_imports()
            .into_iter()
            .map(|path| absolutize(&path, name, package).into())
            .collect(),
        wrapped_by: wrapping_decorators(&semantic, name, package),
        non_positive: non_positive_names(&semantic, scopes.bindings(MODULE_SCOPE)),
        star_rebound: star_rebound_names(&semantic, scopes.bindings(MODULE_SCOPE)),
        star_reads: star_read_names(&semantic, scopes.bindings(MODULE_SCOPE)),
        raising_properties: raising_properties(&semantic, name, package),
        keeping_exits: module
            .body
            .iter()
            .filter_map(|stmt| match stmt {
                Stmt::ClassDef(class) if semantic.class_exit_may_keep_cancellation(class) => {
                    Some(class.name.as_str().into())
                }
                // A `@contextmanager` generator, a `partial` of a manager.
                Stmt::FunctionDef(def) if semantic.manager_factory_may_keep(stmt) => {
                    Some(def.name.as_str().into())
                }
                Stmt::Assign(assign) if semantic.manager_factory_may_keep(stmt) => {
                    match assign.targets.as_slice() {
                        [Expr::Name(name)] => Some(name.id.as_str().into()),
                        _ => None,
                    }
                }
                _ => None,
            })
            .collect(),
        rebinds_namespace: {
            let dynamic = semantic.dynamic_writes();
            dynamic.module_namespace || dynamic.any_attribute
        },
        symbols,
        all: literal_all(&semantic),
        star_imports,
        written_attributes: written_attributes(&module.body)
            .into_iter()
            .map(Into::into)
            .collect(),
        loop_bound_at_import,
        calls_at_import,
        loop_outside_runs: semantic
            .loop_used_outside_runs(PyVersion::PY310)
            .into_iter()
            .map(|(named, at)| (named.into(), line(at)))
            .collect(),
        loop_outside_runs_before_310: semantic
            .loop_used_outside_runs(PyVersion::PY39)
            .into_iter()
            .map(|(named, at)| (named.into(), line(at)))
            .collect(),
        quiet: quiet.finish(),
    }
}

/// The module-level names bound by an assignment that may be zero or
/// negative (see [`ModuleSummary::non_positive`]), each once.
fn non_positive_names(semantic: &SemanticModel, module_bindings: &[u32]) -> Box<[Box<str>]> {
    let mut found: Vec<Box<str>> = Vec::new();
    for &id in module_bindings {
        let binding = semantic.binding(id);
        if !matches!(binding.kind, BindingKind::Assignment) {
            continue;
        }
        let name = binding.name;
        if !found.iter().any(|known| known.as_ref() == name)
            && semantic.module_name_may_be_non_positive(name)
        {
            found.push(name.into());
        }
    }
    found.into()
}

/// The module-level names a star import may bind again after the module
/// binds them (see [`ModuleSummary::star_rebound`]), each once.
fn star_rebound_names(semantic: &SemanticModel, module_bindings: &[u32]) -> Box<[Box<str>]> {
    if !semantic.has_star_imports() {
        return Box::default();
    }
    let mut found: Vec<Box<str>> = Vec::new();
    for &id in module_bindings {
        let name = semantic.binding(id).name;
        if found.iter().any(|known| known.as_ref() == name) {
            continue;
        }
        if let Some(bindings) = semantic.bindings_in(MODULE_SCOPE, name)
            && semantic.star_import_may_rebind(bindings)
        {
            found.push(name.into());
        }
    }
    found.into()
}

/// The module-level names assigned from names a star import may give (see
/// [`ModuleSummary::star_reads`]), each once.
fn star_read_names(semantic: &SemanticModel, module_bindings: &[u32]) -> Box<[StarReads]> {
    if !semantic.has_star_imports() {
        return Box::default();
    }
    let mut found: Vec<StarReads> = Vec::new();
    for &id in module_bindings {
        let binding = semantic.binding(id);
        if !matches!(binding.kind, BindingKind::Assignment)
            || found
                .iter()
                .any(|(known, _)| known.as_ref() == binding.name)
        {
            continue;
        }
        let reads = semantic.star_given_reads(binding.name);
        if !reads.is_empty() {
            found.push((
                binding.name.into(),
                reads.into_iter().map(Into::into).collect(),
            ));
        }
    }
    found.into()
}

/// The imported decorators that may replace a function of the module (see
/// [`ModuleSummary::wrapped_by`]), absolute, each once.
fn wrapping_decorators(semantic: &SemanticModel, module: &str, package: bool) -> Box<[Box<str>]> {
    let mut found: Vec<Box<str>> = Vec::new();
    for scope in &semantic.scopes {
        let ScopeNode::Function(def) = scope.node else {
            continue;
        };
        if semantic.keeps_coroutine_function(def) {
            continue;
        }
        let at = semantic.scope_at(def.start());
        for decorator in &def.decorator_list {
            let callee = match &decorator.expression {
                Expr::Call(call) => call.func.as_ref(),
                other => other,
            };
            // The module's own decorators are its `keeps_cancellation`.
            if !matches!(
                semantic.callee(callee, at),
                crate::semantic::functions::Callee::Unknown
            ) {
                continue;
            }
            if let Some(qualified) = semantic.qualified_name_unless_star_rebinds(callee, at) {
                let absolute: Box<str> = absolutize(qualified.as_str(), module, package).into();
                if !found.contains(&absolute) {
                    found.push(absolute);
                }
            }
        }
    }
    found.into()
}

/// What each plain function and method of the module `name` calls
/// (`fetch`, `Client.get`; only those that call something), for the
/// chains of blocking calls: the syntax tree and the model built here are
/// dropped when it returns.
pub fn module_calls(
    module: &ModModule,
    source: &str,
    name: &str,
    package: bool,
) -> FxHashMap<Box<str>, FunctionCalls> {
    let semantic = SemanticModel::build(module);
    let lines = LineIndex::from_source_text(source);
    let line = |offset: TextSize| lines.line_index(offset).get() as u32;
    function_calls(&semantic, name, package, &line)
}

/// [`module_calls`]: for each plain function at module level or directly
/// in a class at module level, its first blocking call or the names it
/// calls.
fn function_calls(
    semantic: &SemanticModel,
    module: &str,
    package: bool,
    line: &dyn Fn(TextSize) -> u32,
) -> FxHashMap<Box<str>, FunctionCalls> {
    let absolute = |qualified: &str| absolutize(qualified, module, package);
    let mut out = FxHashMap::default();
    for (function, sites) in semantic.calls_by_function() {
        let scope = semantic.scope(function);
        let Some(def) = scope.function() else {
            continue;
        };
        if def.is_async {
            continue;
        }
        let key: Box<str> = match scope.parent.map(|parent| (parent, semantic.scope(parent))) {
            Some((MODULE_SCOPE, _)) => def.name.as_str().into(),
            Some((_, parent)) if parent.parent == Some(MODULE_SCOPE) => match parent.node {
                ScopeNode::Class(class) => format!("{}.{}", class.name, def.name).into(),
                _ => continue,
            },
            _ => continue,
        };
        let blocking = sites.iter().find_map(|site| {
            semantic
                .blocking_call(site.call, site.scope)
                .map(|call| (call, site.call.start()))
        });
        let facts = if let Some((call, offset)) = blocking {
            FunctionCalls::Blocks(call.into(), line(offset))
        } else {
            let mut targets: Vec<CallTarget> = Vec::new();
            for site in sites {
                if targets.len() >= MAX_CALL_TARGETS {
                    break;
                }
                if let Some(target) =
                    semantic.call_target(&site.call.func, site.scope, module, &absolute)
                    && !targets.contains(&target)
                {
                    targets.push(target);
                }
            }
            if targets.is_empty() {
                continue;
            }
            FunctionCalls::Calls(targets.into())
        };
        out.insert(key, facts);
    }
    out
}

fn function<'a>(
    semantic: &SemanticModel<'a>,
    def: &'a StmtFunctionDef,
    module: &str,
    package: bool,
    line: u32,
    reach: &LoopReach,
) -> FunctionSummary {
    let mut returns_value = false;
    for_each_return(&def.body, &mut |value| returns_value |= value);
    let cancellation = semantic.cancellation_facts(def);
    let (raises, raises_left, own_left) = semantic.raising_facts(def);
    FunctionSummary {
        is_async: def.is_async,
        is_generator: is_generator(def),
        transparent: semantic.keeps_coroutine_function(def),
        decorated: !def.decorator_list.is_empty(),
        legacy_coroutine: semantic.is_legacy_coroutine(def),
        stub: is_stub(def),
        returns_nothing: !returns_value,
        gives_plain_data: semantic.function_gives_plain_data(def),
        lets_cancellation_out: cancellation.lets_out,
        cancellation_calls: cancellation
            .calls
            .iter()
            .map(|call| absolutize(call, module, package).into())
            .collect(),
        raises,
        // The methods of the module's own classes it may run, which other
        // code may write (`Conn.release`), by their absolute name.
        raises_left: raises_left
            .iter()
            .map(|callee| absolutize(callee, module, package))
            .chain(own_left.iter().map(|method| format!("{module}.{method}")))
            .map(Into::into)
            .collect(),
        cancellation_untraced: cancellation
            .untraced
            .iter()
            .map(|name| name.as_str().into())
            .collect(),
        cancellation_left: CancellationLeft::of(&cancellation.left, module, package),
        returns: def
            .returns
            .as_deref()
            .map_or_else(Box::default, |annotation| {
                annotation_types(semantic, annotation, module, package).into()
            }),
        touches_loop: !def.is_async && reach.touching.contains(&def.start()),
        calls_out: reach
            .calls_out
            .get(&def.start())
            .filter(|_| !def.is_async)
            .map_or_else(Box::default, |out| out.clone().into_boxed_slice()),
        quiet: !def.is_async && reach.quiet.contains(&def.start()),
        line,
    }
}

/// Calls `found(has_value)` for each `return` of a function's own body.
fn for_each_return(body: &[Stmt], found: &mut dyn FnMut(bool)) {
    use ruff_python_ast::statement_visitor::{StatementVisitor, walk_stmt};
    struct Returns<'f>(&'f mut dyn FnMut(bool));
    impl<'a> StatementVisitor<'a> for Returns<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Return(ret) => (self.0)(ret.value.is_some()),
                _ => walk_stmt(self, stmt),
            }
        }
    }
    Returns(found).visit_body(body);
}

/// Each scope's bindings, and each class statement's scope, found in one
/// pass: a module with thousands of classes must not walk every binding
/// and every scope once per class.
struct ScopeBindings {
    /// Binding ids by scope id, in binding order.
    by_scope: Vec<Vec<u32>>,
    /// The scope of each class statement, by the statement's address.
    class_scopes: FxHashMap<usize, ScopeId>,
}

impl ScopeBindings {
    fn of(semantic: &SemanticModel) -> ScopeBindings {
        let mut by_scope = vec![Vec::new(); semantic.scopes.len()];
        for (id, binding) in semantic.bindings.iter().enumerate() {
            if let Some(ids) = by_scope.get_mut(binding.scope as usize) {
                ids.push(id as u32);
            }
        }
        let mut class_scopes = FxHashMap::default();
        for (id, scope) in semantic.scopes.iter().enumerate() {
            if let ScopeNode::Class(class) = scope.node {
                class_scopes
                    .entry(std::ptr::from_ref(class) as usize)
                    .or_insert(id as ScopeId);
            }
        }
        ScopeBindings {
            by_scope,
            class_scopes,
        }
    }

    fn bindings(&self, scope: ScopeId) -> &[u32] {
        self.by_scope.get(scope as usize).map_or(&[], Vec::as_slice)
    }

    fn of_class(&self, class: &StmtClassDef) -> Option<ScopeId> {
        self.class_scopes
            .get(&(std::ptr::from_ref(class) as usize))
            .copied()
    }
}

fn class_summary(
    semantic: &SemanticModel,
    scopes: &ScopeBindings,
    class: &StmtClassDef,
    module_name: &str,
    package: bool,
    line: &dyn Fn(TextSize) -> u32,
    reach: &LoopReach,
) -> ClassSummary {
    let bases: Vec<Option<Box<str>>> = class
        .bases()
        .iter()
        .map(|base| module_qualified(semantic, base, module_name, package))
        .collect();
    let mut base_mentions = Vec::new();
    for (base, qualified) in class.bases().iter().zip(&bases) {
        if qualified.is_none() {
            for_each_name_in(base, &mut |named| {
                if let Some(mention) = module_qualified(semantic, named, module_name, package) {
                    base_mentions.push(mention);
                }
            });
        }
    }
    let mut opaque_base = false;
    for base in class.bases() {
        // `Repo[int]` derives from what `Repo` is.
        let base = match base {
            Expr::Subscript(subscript) => subscript.value.as_ref(),
            base => base,
        };
        // A call (`make_base()`, `getattr(m, "Repo")`), a star
        // (`*bases`), an attribute of either
        // (`import_module("app").Repo`), a name a star import binds: a
        // base the index cannot name may be any class.
        let mut root = base;
        while let Expr::Attribute(attribute) = root {
            root = attribute.value.as_ref();
        }
        let Expr::Name(root) = root else {
            opaque_base = true;
            continue;
        };
        if semantic
            .bindings_in(MODULE_SCOPE, root.id.as_str())
            .is_none()
            && module_qualified(semantic, base, module_name, package).is_none()
        {
            opaque_base = true;
            continue;
        }
        let Expr::Name(base_name) = base else {
            continue;
        };
        let Some(ids) = semantic.bindings_in(MODULE_SCOPE, base_name.id.as_str()) else {
            continue;
        };
        let one_import_path = ids
            .iter()
            .filter_map(|&id| semantic.binding(id).kind.import_path())
            .collect::<FxHashSet<_>>()
            .len()
            == 1
            && ids
                .iter()
                .all(|&id| matches!(semantic.binding(id).kind, BindingKind::Import { .. }));
        if one_import_path
            || matches!(ids, [only] if matches!(semantic.binding(*only).kind, BindingKind::ClassDef(_)))
        {
            continue;
        }
        // Bound some other way, or several ways: each way it is bound
        // names what the base may be (`from .models import Repo` or
        // `Repo = object`); a value that names nothing (`getattr(_r,
        // "Repo")`, `make_base()`) may be any class.
        for &id in ids {
            let binding = semantic.binding(id);
            match &binding.kind {
                BindingKind::Import { qualified, .. } => {
                    base_mentions.push(absolutize(qualified, module_name, package).into());
                }
                BindingKind::ClassDef(_) | BindingKind::FunctionDef(_) => {}
                BindingKind::Assignment => {
                    match binding.stmt.and_then(|stmt| {
                        crate::semantic::loops::assigned_value(stmt, binding.range)
                    }) {
                        Some(value @ (Expr::Name(_) | Expr::Attribute(_))) => {
                            match module_qualified(semantic, value, module_name, package) {
                                Some(mention) => base_mentions.push(mention),
                                None => opaque_base = true,
                            }
                        }
                        _ => opaque_base = true,
                    }
                }
                _ => opaque_base = true,
            }
        }
    }
    let class_scope = scopes.of_class(class);
    let mut methods = FxHashMap::default();
    let mut other_names = FxHashSet::default();
    if let Some(scope) = class_scope {
        let mut by_name: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        for &id in scopes.bindings(scope) {
            by_name
                .entry(semantic.binding(id).name)
                .or_default()
                .push(id);
        }
        for (name, ids) in by_name {
            let direct_def = match ids.as_slice() {
                [only] => match (&semantic.binding(*only).kind, semantic.binding(*only).stmt) {
                    (BindingKind::FunctionDef(def), Some(stmt))
                        if class.body.iter().any(|s| std::ptr::eq(s, stmt)) =>
                    {
                        Some(*def)
                    }
                    _ => None,
                },
                _ => None,
            };
            match direct_def {
                Some(def) => {
                    methods.insert(
                        name.into(),
                        function(
                            semantic,
                            def,
                            module_name,
                            package,
                            line(def.name.start()),
                            reach,
                        ),
                    );
                }
                None => {
                    other_names.insert(name.into());
                }
            }
        }
    }
    // `locals()["save"] = f` in a class body binds `save` there.
    other_names.extend(
        semantic
            .dynamic_writes()
            .namespace_names
            .iter()
            .map(|&name| Box::<str>::from(name)),
    );
    ClassSummary {
        bases,
        base_mentions,
        opaque_base,
        methods,
        other_names,
        // A namespace written behind the statements' backs by a computed
        // name (`exec`, `locals().update(…)` in the class body) may bind
        // any method.
        keeps_methods: class_scope
            .is_some_and(|scope| semantic.class_keeps_its_methods(class, scope))
            && !semantic.dynamic_writes().namespace_any,
        keeps_subclass_methods: class_scope
            .is_some_and(|scope| semantic.class_keeps_subclass_methods(class, scope)),
        holds: held_by_instances(semantic, class, module_name, package, line),
        line: line(class.name.start()),
    }
}

/// What the module's writes by a computed name on plain names reach (see
/// [`ComputedWrites`]).
fn computed_writes(semantic: &SemanticModel, module: &str, package: bool) -> ComputedWrites {
    use crate::semantic::classes::WriteReach;
    let mut writes = ComputedWrites::default();
    for reach in semantic.computed_attribute_writes(true) {
        match reach {
            WriteReach::Methods(class, method) => {
                let qualified: Box<str> = format!("{module}.{}", class.name.as_str()).into();
                let placed = (qualified, Box::<str>::from(method.name.as_str()));
                if !writes.on_methods.contains(&placed) {
                    writes.on_methods.push(placed);
                }
            }
            WriteReach::Made(callee) => match module_qualified(semantic, callee, module, package) {
                Some(qualified) => {
                    if !writes.on_made.contains(&qualified) {
                        writes.on_made.push(qualified);
                    }
                }
                None => writes.any = true,
            },
            WriteReach::Any => writes.any = true,
        }
    }
    writes
}

/// The absolute qualified name `expr` (a name or an attribute chain, read
/// at module level) refers to: through imports, or to a class or function
/// the module itself defines once (`Repo` in `app.service` is
/// `app.service.Repo`).
fn module_qualified(
    semantic: &SemanticModel,
    expr: &Expr,
    module: &str,
    package: bool,
) -> Option<Box<str>> {
    match expr {
        Expr::Name(name) => {
            let id = name.id.as_str();
            if let Some([only]) = semantic.bindings_in(MODULE_SCOPE, id)
                && matches!(
                    semantic.binding(*only).kind,
                    BindingKind::FunctionDef(_) | BindingKind::ClassDef(_)
                )
            {
                return Some(format!("{module}.{id}").into());
            }
            // A star import is the index's to follow (it knows what the
            // other module binds): the name as the module's bindings say.
            match semantic.qualified_name_unless_star_rebinds(expr, MODULE_SCOPE) {
                Some(qualified) => Some(absolutize(qualified.as_str(), module, package).into()),
                // Bound some other way, or more than one way: the module's
                // own name, which the index resolves as unknown, and which
                // still says what the code calls it (a subclass test needs
                // that).
                None if semantic.bindings_in(MODULE_SCOPE, id).is_some() => {
                    Some(format!("{module}.{id}").into())
                }
                None => None,
            }
        }
        Expr::Attribute(attribute) => {
            let base = module_qualified(semantic, &attribute.value, module, package)?;
            Some(format!("{base}.{}", attribute.attr).into())
        }
        _ => None,
    }
}

/// Calls `found` with each name and outermost attribute chain in `expr`
/// (`Repo` and `make_base` in `make_base(Repo)`, `models.Repo` in
/// `models.Repo[int]`).
fn for_each_name_in(expr: &Expr, found: &mut dyn FnMut(&Expr)) {
    use ruff_python_ast::visitor::{Visitor, walk_expr};
    struct Names<'f>(&'f mut dyn FnMut(&Expr));
    impl<'a> Visitor<'a> for Names<'_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Name(_) => (self.0)(expr),
                Expr::Attribute(attribute) if is_dotted(&attribute.value) => (self.0)(expr),
                _ => walk_expr(self, expr),
            }
        }
    }
    Names(found).visit_expr(expr);
}

/// A name or an attribute chain of names (`a.b.c`).
fn is_dotted(expr: &Expr) -> bool {
    match expr {
        Expr::Name(_) => true,
        Expr::Attribute(attribute) => is_dotted(&attribute.value),
        _ => false,
    }
}

/// What an annotation names, absolute: each type of
/// [`for_each_annotation_type`], read at module level.
fn annotation_types(
    semantic: &SemanticModel,
    annotation: &Expr,
    module: &str,
    package: bool,
) -> Vec<Box<str>> {
    let mut types = Vec::new();
    for_each_annotation_type(annotation, &mut |named| {
        // A name the module binds once by assignment: an alias, maybe.
        if let Expr::Name(name) = named
            && let Some([only]) = semantic.bindings_in(MODULE_SCOPE, name.id.as_str())
            && matches!(semantic.binding(*only).kind, BindingKind::Assignment)
        {
            types.push(format!("{module}.{}", name.id).into());
        } else if let Some(qualified) = module_qualified(semantic, named, module, package)
            && !qualified.starts_with("builtins.")
        {
            types.push(qualified);
        }
    });
    types
}

/// `Name = value` at module level as an alias of what `value` names
/// (`Conn = asyncpg.Connection`, `DB = Optional[AsyncSession]`).
fn alias(semantic: &SemanticModel, value: &Expr, module: &str, package: bool, line: u32) -> Symbol {
    if !matches!(
        value,
        Expr::Name(_)
            | Expr::Attribute(_)
            | Expr::Subscript(_)
            | Expr::BinOp(_)
            | Expr::StringLiteral(_)
    ) {
        return Symbol::Other;
    }
    let targets = annotation_types(semantic, value, module, package);
    if targets.is_empty() {
        return Symbol::Other;
    }
    Symbol::Alias {
        targets: targets.into(),
        line,
    }
}

/// See [`ModuleSummary::class_aliases`]: the module-level names bound
/// once, where the module's code always runs, by `Name = value` with a
/// value made of names, attribute chains and tuples of them. A name the
/// module binds once by assignment is kept as the module's own
/// (`{module}.{name}`), for the index to follow; an element of any other
/// form leaves the name out (what it is cannot be told).
fn class_aliases(
    semantic: &SemanticModel,
    by_name: &FxHashMap<&str, Vec<u32>>,
    module: &str,
    package: bool,
) -> FxHashMap<Box<str>, Box<[Box<str>]>> {
    fn elements(
        semantic: &SemanticModel,
        value: &Expr,
        module: &str,
        package: bool,
        out: &mut Vec<Box<str>>,
        depth: u8,
    ) -> bool {
        match value {
            Expr::Tuple(tuple) if depth < 8 => tuple
                .elts
                .iter()
                .all(|element| elements(semantic, element, module, package, out, depth + 1)),
            Expr::Name(name)
                if semantic
                    .bindings_in(MODULE_SCOPE, name.id.as_str())
                    .is_some_and(|ids| {
                        ids.iter()
                            .all(|&id| matches!(semantic.binding(id).kind, BindingKind::Assignment))
                    }) =>
            {
                out.push(format!("{module}.{}", name.id).into());
                true
            }
            Expr::Name(_) | Expr::Attribute(_) => {
                match module_qualified(semantic, value, module, package) {
                    Some(qualified) => {
                        out.push(qualified);
                        true
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }
    let mut aliases = FxHashMap::default();
    for (&name, ids) in by_name {
        let [only] = ids.as_slice() else {
            continue;
        };
        let binding = semantic.binding(*only);
        let Some(stmt @ Stmt::Assign(assign)) = binding.stmt else {
            continue;
        };
        if !matches!(binding.kind, BindingKind::Assignment) || !semantic.runs_unconditionally(stmt)
        {
            continue;
        }
        let ([Expr::Name(_)], value) = (assign.targets.as_slice(), assign.value.as_ref()) else {
            continue;
        };
        if !matches!(value, Expr::Name(_) | Expr::Attribute(_) | Expr::Tuple(_)) {
            continue;
        }
        let mut out = Vec::new();
        if elements(semantic, value, module, package, &mut out, 0) && !out.is_empty() {
            aliases.insert(name.into(), out.into());
        }
    }
    aliases
}

/// `TypeAlias` or `typing.TypeAlias`.
fn is_type_alias_annotation(annotation: &Expr) -> bool {
    match annotation {
        Expr::Name(name) => name.id.as_str() == "TypeAlias",
        Expr::Attribute(attribute) => attribute.attr.as_str() == "TypeAlias",
        _ => false,
    }
}

/// What a class's instances are shown to hold (see [`ClassSummary::holds`]):
/// annotations in the class body, and in its methods' own bodies (not in
/// nested functions) the assignments to an attribute of the first
/// parameter.
fn held_by_instances(
    semantic: &SemanticModel,
    class: &StmtClassDef,
    module: &str,
    package: bool,
    line: &dyn Fn(TextSize) -> u32,
) -> Vec<(Box<str>, u32)> {
    use ruff_python_ast::statement_visitor::{StatementVisitor, walk_stmt};
    let mut holds = Vec::new();
    let mut add = |types: Vec<Box<str>>, at: TextSize| {
        let at = line(at);
        holds.extend(types.into_iter().map(|t| (t, at)));
    };
    for stmt in &class.body {
        match stmt {
            Stmt::AnnAssign(assign) if assign.target.is_name_expr() => add(
                annotation_types(semantic, &assign.annotation, module, package),
                assign.start(),
            ),
            Stmt::FunctionDef(def) => {
                let Some(first) = def.parameters.iter_non_variadic_params().next() else {
                    continue;
                };
                struct Stores<'a, 'b> {
                    this: &'b str,
                    def: &'a StmtFunctionDef,
                    found: Vec<(&'a Expr, Option<&'a Expr>)>,
                }
                impl<'a> StatementVisitor<'a> for Stores<'a, '_> {
                    fn visit_stmt(&mut self, stmt: &'a Stmt) {
                        let on_self = |target: &Expr| {
                            matches!(target, Expr::Attribute(attribute)
                                if matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == self.this))
                        };
                        match stmt {
                            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                            Stmt::Assign(assign) if assign.targets.iter().any(on_self) => {
                                self.found.push((&assign.value, None));
                            }
                            Stmt::AnnAssign(assign) if on_self(&assign.target) => {
                                if let Some(value) = assign.value.as_deref() {
                                    self.found.push((value, None));
                                }
                                self.found.push((&assign.target, Some(&assign.annotation)));
                            }
                            _ => walk_stmt(self, stmt),
                        }
                    }
                }
                let mut stores = Stores {
                    this: first.parameter.name.as_str(),
                    def,
                    found: Vec::new(),
                };
                stores.visit_body(&def.body);
                for (value, annotation) in stores.found {
                    if let Some(annotation) = annotation {
                        add(
                            annotation_types(semantic, annotation, module, package),
                            value.start(),
                        );
                        continue;
                    }
                    let value = match value {
                        Expr::Await(awaited) => awaited.value.as_ref(),
                        other => other,
                    };
                    match value {
                        Expr::Call(call) => {
                            if let Some(callee) =
                                module_qualified(semantic, &call.func, module, package)
                            {
                                add(vec![callee], call.start());
                            }
                        }
                        // `self.session = session`: the parameter's annotation.
                        Expr::Name(name) => {
                            let annotation = stores
                                .def
                                .parameters
                                .iter()
                                .find(|p| p.name().as_str() == name.id.as_str())
                                .and_then(|p| p.annotation());
                            if let Some(annotation) = annotation {
                                add(
                                    annotation_types(semantic, annotation, module, package),
                                    value.start(),
                                );
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    holds
}

/// `__all__` when the module assigns it a literal list or tuple of strings.
fn literal_all(semantic: &SemanticModel) -> Option<Vec<Box<str>>> {
    let names = semantic.exported_names();
    if names.is_empty() || !semantic.all_is_literal() {
        return None;
    }
    let mut names: Vec<Box<str>> = names.into_iter().map(Into::into).collect();
    names.sort();
    Some(names)
}

/// `asyncio.tasks.ensure_future` is `asyncio.ensure_future`.
fn normalize_asyncio(qualified: &str) -> String {
    let mut parts = qualified.split('.');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("asyncio"), Some(_submodule), Some(member), None) => format!("asyncio.{member}"),
        _ => qualified.to_string(),
    }
}

/// Whether a file's text may hold code that
/// `SemanticModel::loop_used_outside_runs` finds: it spells `asyncio` or
/// the name of a loop's method.
pub fn may_use_loop(bytes: &[u8]) -> bool {
    std::iter::once("asyncio")
        .chain(crate::semantic::loops::LOOP_METHODS.iter().copied())
        .any(|word| memchr::memmem::find(bytes, word.as_bytes()).is_some())
}

/// An import path as the semantic model records it (`..db.store`,
/// `asyncio.sleep`) made absolute for a module named `module` (a package's
/// `__init__` when `package`): leading dots climb from the module's package.
/// A relative import that climbs above the top package (an `ImportError`
/// in Python) stays relative, which no question resolves.
pub fn absolutize(qualified: &str, module: &str, package: bool) -> String {
    let level = qualified.len() - qualified.trim_start_matches('.').len();
    if level == 0 {
        return qualified.to_string();
    }
    let rest = &qualified[level..];
    let mut base: Vec<&str> = module.split('.').collect();
    if !package {
        base.pop();
    }
    for _ in 1..level {
        if base.pop().is_none() {
            return qualified.to_string();
        }
    }
    if base.is_empty() {
        return qualified.to_string();
    }
    if !rest.is_empty() {
        base.push(rest);
    }
    base.join(".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ruff_python_parser::parse_module as parse;

    fn summary(source: &str, name: &str, package: bool) -> ModuleSummary {
        let parsed = parse(source).expect("parses");
        summarize(
            parsed.syntax(),
            source,
            name,
            PathBuf::from("x.py"),
            package,
        )
    }

    #[test]
    fn relative_imports_become_absolute() {
        assert_eq!(absolutize(".store", "app.db.models", false), "app.db.store");
        assert_eq!(
            absolutize("..core.run", "app.db.models", false),
            "app.core.run"
        );
        assert_eq!(absolutize(".store", "app.db", true), "app.db.store");
        assert_eq!(absolutize(".", "app.db", true), "app.db");
        assert_eq!(absolutize("asyncio.sleep", "app", false), "asyncio.sleep");
        // Above the top package: an `ImportError`, left relative.
        assert_eq!(absolutize("..x", "app.db", false), "..x");
        assert_eq!(absolutize(".x", "top", false), ".x");
    }

    #[test]
    fn module_level_names() {
        let s = summary(
            "import asyncio\nfrom .store import save as persist\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .types import Record\n\nasync def fetch(x):\n    return x\n\n@register\nasync def hooked():\n    return 1\n\ndef helper():\n    print(1)\n\nclass Repo(Base):\n    async def save(self):\n        return 1\n    def load(self): ...\n    name = 'x'\n\nrepo = Repo()\ncounter = 0\ncounter += 1\n__all__ = ['fetch', 'repo']\n",
            "app.service",
            false,
        );
        let function = |n: &str| match s.symbols.get(n) {
            Some(Symbol::Function(f)) => f.clone(),
            other => panic!("{n}: {other:?}"),
        };
        assert!(function("fetch").is_async && function("fetch").transparent);
        assert!(!function("hooked").transparent);
        assert!(function("helper").returns_nothing);
        assert!(
            matches!(s.symbols.get("persist"), Some(Symbol::Import(p)) if &**p == "app.store.save")
        );
        assert!(matches!(s.symbols.get("Record"), Some(Symbol::Other)));
        assert!(
            matches!(s.symbols.get("repo"), Some(Symbol::Assigned { callee: Some(c), .. }) if &**c == "app.service.Repo")
        );
        assert!(matches!(s.symbols.get("counter"), Some(Symbol::Other)));
        let Some(Symbol::Class(repo)) = s.symbols.get("Repo") else {
            panic!("a class")
        };
        assert_eq!(repo.bases, vec![Some(Box::from("builtins.Base"))]);
        assert!(repo.methods["save"].is_async);
        assert!(repo.methods["load"].stub);
        assert!(repo.other_names.contains("name"));
        assert_eq!(s.all.as_deref().map(<[_]>::len), Some(2));
    }

    /// What import-time code may bind to the loop: any asyncio call but
    /// the few that touch no loop, through the policy too, in a class
    /// body or a comprehension, a decorator, a function or class of the
    /// module that may (transitively, a method by its name); and the
    /// imported names called then, directly or through the module's
    /// functions, for the index to follow. An `async def`'s body does not
    /// run when it is called.
    #[test]
    fn cancellation_kept_wrappers_and_non_positive_constants() {
        let s = summary(
            "import asyncio\nfrom .deco import never_cancel\nfrom functools import wraps\n\nTIMEOUT = 0\nBUDGET = 5 - 1\nSHIFTED = 5\nSHIFTED >>= 3\nRETRIES = 3\nRETRIES_LEFT = RETRIES - 3\n\n@never_cancel\nasync def job():\n    await asyncio.sleep(1)\n\nasync def _tolerant():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        return 0\n\nalias = _tolerant\n",
            "app.jobs",
            false,
        );
        assert!(s.keeps_cancellation);
        assert_eq!(
            s.wrapped_by.as_ref(),
            [Box::<str>::from("app.deco.never_cancel")]
        );
        let mut names: Vec<&str> = s.non_positive.iter().map(AsRef::as_ref).collect();
        names.sort_unstable();
        // `5 - 1` is worked out: four.
        assert_eq!(names, ["RETRIES_LEFT", "SHIFTED", "TIMEOUT"]);
        let quiet = summary(
            "import asyncio\n\nTIMEOUT = 5\n\nasync def job():\n    await asyncio.sleep(1)\n",
            "app.jobs",
            false,
        );
        assert!(!quiet.keeps_cancellation && quiet.wrapped_by.is_empty());
        let exits = summary(
            "class Quiet:\n    async def __aexit__(self, *exc):\n        return True\n\nclass Quieter(Quiet):\n    pass\n\nclass Fails:\n    def __exit__(self, t, e, tb):\n        raise OSError('close')\n\nclass Loud:\n    async def __aexit__(self, t, e, tb):\n        if e:\n            raise e\n        return None\n",
            "app.res",
            false,
        );
        let mut names: Vec<&str> = exits.keeping_exits.iter().map(AsRef::as_ref).collect();
        names.sort_unstable();
        assert_eq!(names, ["Fails", "Quiet", "Quieter"]);
        assert!(quiet.non_positive.is_empty());
    }

    /// What a coroutine leaves to other modules: the imported names it
    /// calls (absolute), the methods of the awaited calls it cannot trace,
    /// and the imports the module uses as values.
    #[test]
    fn cancellation_left_to_other_modules() {
        let s = summary(
            "from .c import h\nfrom . import w\n\nJOBS = {'h': h}\n\nasync def run(self, fn):\n    await h()\n    await w.Worker().run()\n    await fn()\n    await self.conn.fetch()\n",
            "app.jobs",
            false,
        );
        let Some(Symbol::Function(run)) = s.symbols.get("run") else {
            panic!("no run")
        };
        let calls: Vec<&str> = run.cancellation_calls.iter().map(AsRef::as_ref).collect();
        assert_eq!(calls, ["app.c.h", "app.w.Worker", "app.w.Worker.run"]);
        let untraced: Vec<&str> = run
            .cancellation_untraced
            .iter()
            .map(AsRef::as_ref)
            .collect();
        assert_eq!(untraced, ["", "fetch"]);
        assert!(run.lets_cancellation_out);
        let escaping: Vec<&str> = s.escaping_imports.iter().map(AsRef::as_ref).collect();
        assert_eq!(escaping, ["app.c.h"]);
    }

    /// A class of the module entered as a manager leaves its imported
    /// bases to the index, which reads their exits along all their bases;
    /// `contextlib.suppress` is asked of what it is given, and a base the
    /// module cannot follow may bind any exit.
    #[test]
    fn bases_of_entered_classes_left_to_other_modules() {
        let s = summary(
            "import asyncio\nimport contextlib\nfrom .guards import Guard\nfrom . import mixins\n\nclass Quiet(Guard):\n    pass\n\nclass Mixed(mixins.Keep, Quiet):\n    pass\n\nclass Unused(Guard):\n    pass\n\nclass ignoring(contextlib.suppress):\n    pass\n\nasync def run():\n    async with Mixed():\n        await asyncio.sleep(1)\n    with ignoring(ValueError):\n        await asyncio.sleep(1)\n",
            "app.jobs",
            false,
        );
        let Some(Symbol::Function(run)) = s.symbols.get("run") else {
            panic!("no run")
        };
        let names: Vec<&str> = run
            .cancellation_left
            .managers
            .iter()
            .map(AsRef::as_ref)
            .collect();
        assert_eq!(names, ["app.guards.Guard", "app.mixins.Keep"]);
        assert!(run.lets_cancellation_out);
        // An attribute read in cleanup is left by its name; the module's
        // raising getters are kept for other modules' reads.
        let s = summary(
            "import asyncio\nfrom .util import conn, release\n\nclass Conn:\n    @property\n    def closed(self):\n        raise OSError('closed')\n\n    @property\n    def peer(self):\n        return release()\n\n    @property\n    def name(self):\n        return 'c'\n\nasync def run():\n    try:\n        await asyncio.sleep(1)\n    finally:\n        conn.state.flag\n",
            "app.jobs",
            false,
        );
        let Some(Symbol::Function(run)) = s.symbols.get("run") else {
            panic!("no run")
        };
        let reads: Vec<&str> = run
            .cancellation_left
            .reads
            .iter()
            .map(AsRef::as_ref)
            .collect();
        assert_eq!(reads, ["flag", "state"]);
        let properties: Vec<(&str, bool, Vec<&str>)> = s
            .raising_properties
            .iter()
            .map(|p| {
                (
                    p.name.as_ref(),
                    p.raises,
                    p.left.iter().map(AsRef::as_ref).collect(),
                )
            })
            .collect();
        assert_eq!(
            properties,
            [
                ("closed", true, vec![]),
                ("peer", false, vec!["app.util.release"])
            ]
        );
        let kept = |source: &str| {
            let s = summary(source, "app.jobs", false);
            let Some(Symbol::Function(run)) = s.symbols.get("run") else {
                panic!("no run")
            };
            !run.lets_cancellation_out
        };
        let body =
            "async def run():\n    with ignoring(BaseException):\n        await asyncio.sleep(1)\n";
        for head in [
            "import asyncio\nimport contextlib\nclass ignoring(contextlib.suppress):\n    pass\n",
            "import asyncio\nfrom contextlib import suppress\nclass ignoring(suppress):\n    pass\n",
            "import asyncio\nfrom contextlib import suppress\nclass ignoring(suppress):\n    def __init__(self, *names):\n        super().__init__(ValueError)\n",
            "import asyncio\nfrom .guards import make_base\nclass ignoring(make_base()):\n    pass\n",
        ] {
            assert!(kept(&format!("{head}{body}")), "{head}");
        }
        assert!(!kept(&format!(
            "import asyncio\nimport contextlib\nclass ignoring(contextlib.suppress):\n    pass\n{}",
            body.replace("BaseException", "ValueError")
        )));
        // A class the module defines and only constructs is no manager.
        assert!(!kept(
            "import asyncio\nfrom .guards import make_base\nclass Box(make_base()):\n    pass\nasync def run():\n    Box()\n    await asyncio.sleep(1)\n"
        ));
    }

    #[test]
    fn handlers_and_cleanups_left_to_other_modules() {
        let s = summary(
            "import asyncio\nimport logging\nfrom contextlib import suppress, AsyncExitStack\nfrom .errors import STOP, Quiet\nfrom . import errors as e\nfrom .util import release, on_exit\n\nlog = logging.getLogger(__name__)\nALL = (e.STOP, ValueError, KeyboardInterrupt)\nMINE = ALL\nMAYBE = (STOP, make())\n\nasync def run():\n    try:\n        await asyncio.sleep(1)\n    except (STOP, ValueError):\n        pass\n    except e.Other:\n        raise\n    except asyncio.CancelledError:\n        release()\n        raise\n    finally:\n        log.info('done')\n    with suppress(Quiet):\n        await asyncio.sleep(1)\n    async with AsyncExitStack() as stack:\n        stack.push_async_exit(on_exit)\n        await asyncio.sleep(1)\n",
            "app.jobs",
            false,
        );
        let Some(Symbol::Function(run)) = s.symbols.get("run") else {
            panic!("no run")
        };
        let names = |list: &[Box<str>]| list.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let left = &run.cancellation_left;
        // `except e.Other: raise` re-raises and calls nothing: no question.
        assert_eq!(
            names(&left.catches),
            ["app.errors.Quiet", "app.errors.STOP"]
        );
        assert_eq!(names(&left.cleanups), ["app.util.release"]);
        assert_eq!(names(&left.exits), ["app.util.on_exit"]);
        assert!(run.lets_cancellation_out);
        assert!(!s.keeps_cancellation);
        assert_eq!(s.cancellation_left, *left);
        let alias = |name: &str| s.class_aliases.get(name).map(|found| names(found));
        assert_eq!(
            alias("ALL").as_deref(),
            Some(
                &[
                    "app.errors.STOP".to_string(),
                    "builtins.ValueError".to_string(),
                    "builtins.KeyboardInterrupt".to_string()
                ][..]
            )
        );
        assert_eq!(
            alias("MINE").as_deref(),
            Some(&["app.jobs.ALL".to_string()][..])
        );
        // An element of another form: what the name is cannot be told.
        assert_eq!(alias("MAYBE"), None);
        assert_eq!(alias("log"), None);
    }

    #[test]
    fn functions_that_may_raise_through_the_code_they_call() {
        let s = summary(
            "from .util import release\n\ndef _fail():\n    raise RuntimeError('no')\n\ndef _again(n):\n    if n:\n        _again(n - 1)\n\ndef through():\n    _fail()\n\ndef handed_on():\n    release()\n\ndef quiet():\n    _again(3)\n",
            "app.jobs",
            false,
        );
        let function = |name: &str| match s.symbols.get(name) {
            Some(Symbol::Function(found)) => found.clone(),
            _ => panic!("no {name}"),
        };
        assert!(function("_fail").raises && function("through").raises);
        let handed_on = function("handed_on");
        assert!(!handed_on.raises);
        let left: Vec<&str> = handed_on.raises_left.iter().map(AsRef::as_ref).collect();
        assert_eq!(left, ["app.util.release"]);
        let quiet = function("quiet");
        assert!(!quiet.raises && quiet.raises_left.is_empty());
    }

    #[test]
    fn code_run_at_import_that_may_touch_the_loop() {
        let s = summary(
            "import asyncio\nimport logging\nfrom .helpers import make, Base\n\ndef _inner():\n    return asyncio.get_event_loop().create_future()\n\ndef _make():\n    return _inner()\n\ndef quiet():\n    return make()\n\nDONE = _make()\nPOLICY = asyncio.get_event_loop_policy().get_event_loop().create_future()\n\nclass Signals:\n    done = asyncio.Future()\n\nVALUE = quiet()\nasyncio.iscoroutinefunction(quiet)\nlog = logging.getLogger(__name__)\n\nclass Box(Base):\n    def __init__(self):\n        self._setup()\n\n    def _setup(self):\n        self.fut = asyncio.Future()\n\nBOX = Box()\n\n@_make\ndef decorated():\n    pass\n\nasync def later():\n    await asyncio.sleep(1)\n\nCORO = later()\nFUTS = [asyncio.Future() for _ in range(1)]\n",
            "app.state",
            false,
        );
        let bound: Vec<(&str, u32)> = s
            .loop_bound_at_import
            .iter()
            .map(|(call, line)| (&**call, *line))
            .collect();
        assert_eq!(
            bound,
            [
                ("_make", 14),
                ("asyncio.get_event_loop_policy", 15),
                ("asyncio.Future", 18),
                ("Box", 31),
                ("_make", 33),
                ("asyncio.Future", 41),
            ]
        );
        let calls: Vec<(&str, u32)> = s
            .calls_at_import
            .iter()
            .map(|(call, line)| (&**call, *line))
            .collect();
        // `logging` is a file of the standard library (a project module
        // may stand in for it): the index tells.
        assert_eq!(
            calls,
            [
                ("app.helpers.make", 20),
                ("logging.getLogger", 22),
                ("app.helpers.Base", 31)
            ]
        );
        let function = |name: &str| match s.symbols.get(name) {
            Some(Symbol::Function(f)) => f.clone(),
            other => panic!("{name}: {other:?}"),
        };
        assert!(function("_inner").touches_loop && function("_make").touches_loop);
        assert!(!function("quiet").touches_loop && !function("later").touches_loop);
        assert_eq!(
            &*function("quiet").calls_out,
            [Box::from("app.helpers.make")]
        );
        assert!(function("_make").calls_out.is_empty());
    }

    /// Callables passed at import (a dataclass's `default_factory`,
    /// `functools.partial`), names bound to another, a metaclass's
    /// `__call__` when a class is called and its `__new__` when a class
    /// statement runs, a base's `__init_subclass__`.
    #[test]
    fn callables_passed_aliases_and_metaclasses_at_import() {
        let bound = |source: &str| -> Vec<(String, u32)> {
            summary(source, "app.state", false)
                .loop_bound_at_import
                .iter()
                .map(|(call, line)| (call.to_string(), *line))
                .collect()
        };
        let pair = |call: &str, line: u32| vec![(call.to_string(), line)];
        assert_eq!(
            bound(
                "import asyncio\nfrom dataclasses import field\nclass S:\n    done: asyncio.Future = field(default_factory=asyncio.Future)\n"
            ),
            pair("asyncio.Future", 4)
        );
        assert_eq!(
            bound("import asyncio\nmake = asyncio.Future\nDONE = make()\n"),
            pair("asyncio.Future", 3)
        );
        assert_eq!(
            bound(
                "import asyncio, functools\ndef _make(k):\n    return asyncio.Future()\nDONE = functools.partial(_make, 1)()\n"
            ),
            pair("_make", 4)
        );
        assert_eq!(
            bound(
                "import asyncio\nclass Meta(type):\n    def __call__(cls):\n        asyncio.Future()\nclass Box(metaclass=Meta):\n    pass\nBOX = Box()\n"
            ),
            pair("Box", 7)
        );
        assert_eq!(
            bound(
                "import asyncio\nclass Meta(type):\n    def __new__(mcs, *a):\n        asyncio.Future()\n        return super().__new__(mcs, *a)\nclass Box(metaclass=Meta):\n    pass\n"
            ),
            pair("Box", 6)
        );
        assert_eq!(
            bound(
                "import asyncio\nclass Base:\n    def __init_subclass__(cls):\n        asyncio.Future()\nclass Sub(Base):\n    pass\n"
            ),
            pair("Sub", 5)
        );
        // Imported values passed on, and a class never called or passed
        // on, bind nothing; a class passed on may be called.
        let quiet = "import asyncio\nfrom app.config import settings\nsetup(settings)\nclass Box:\n    def __init__(self):\n        asyncio.Future()\n";
        assert!(bound(quiet).is_empty());
        assert_eq!(bound(&format!("{quiet}register(Box)\n")), pair("Box", 7));
    }

    #[test]
    fn names_a_star_import_may_give() {
        // `TIMEOUT` bound before the star import in the `try`, which may
        // bind it again; `DELAY` after it; `LIMIT` read from a name only the
        // star import gives.
        let s = summary(
            "TIMEOUT = 5\ntry:\n    from .local import *\nexcept ImportError:\n    pass\nDELAY = 1\nLIMIT = DEFAULT * 2\n",
            "settings",
            true,
        );
        assert_eq!(s.star_imports, vec![Box::from("settings.local")]);
        assert_eq!(s.star_rebound.as_ref(), [Box::from("TIMEOUT")]);
        assert_eq!(s.star_reads.len(), 1);
        assert_eq!(s.star_reads[0].0.as_ref(), "LIMIT");
        assert_eq!(s.star_reads[0].1.as_ref(), [Box::from("DEFAULT")]);
        // Without a star import, nothing of the kind.
        let plain = summary("TIMEOUT = 5\nLIMIT = TIMEOUT * 2\n", "settings", true);
        assert!(plain.star_rebound.is_empty() && plain.star_reads.is_empty());
    }

    #[test]
    fn loop_bound_objects_and_star_imports() {
        let s = summary(
            "import asyncio\nfrom .helpers import *\nready = asyncio.Future()\ndef later():\n    return asyncio.Future()\n",
            "app",
            true,
        );
        assert_eq!(s.star_imports, vec![Box::from("app.helpers")]);
        assert_eq!(
            s.loop_bound_at_import,
            vec![(Box::from("asyncio.Future"), 3)]
        );
    }
}
