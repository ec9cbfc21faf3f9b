//! What the semantic layer may ask about names defined outside the module
//! it models: the project index answers (see `crate::index`), through this
//! trait, so the layer below never reads files itself.

use std::fmt;

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::blocking::BlockingChain;
use super::functions::parameter_at;
use super::imports::Lookup;
use super::receivers::ClassEvidence;
use super::scope::MODULE_SCOPE;
use super::{BindingKind, ScopeId};
use std::path::{Path, PathBuf};

use crate::version::PyVersion;

/// Finds the first name of synchronous code that may run more than quiet
/// code (see [`super::SemanticModel::sync_code_not_quiet`]).
struct LoudNames<'m, 'a> {
    semantic: &'m super::SemanticModel<'a>,
    skip: TextRange,
    found: Option<(String, TextSize)>,
}

impl<'a> Visitor<'a> for LoudNames<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() {
            return;
        }
        match stmt {
            // A coroutine's body runs inside the run, on its loop: only
            // what the `def` statement evaluates counts.
            Stmt::FunctionDef(def) if def.is_async => {
                for decorator in &def.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                self.visit_parameters(&def.parameters);
                if let Some(returns) = &def.returns {
                    self.visit_expr(returns);
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() || expr.range() == self.skip {
            return;
        }
        let chain = {
            let mut root = expr;
            while let Expr::Attribute(attribute) = root {
                root = &attribute.value;
            }
            matches!(root, Expr::Name(_))
        };
        let load = match expr {
            Expr::Name(name) => name.ctx.is_load(),
            Expr::Attribute(attribute) => attribute.ctx.is_load(),
            _ => false,
        };
        // Writing an attribute of an imported module or of what it holds
        // (`typing.TYPE_CHECKING = True`, `server.prepare = ...`) changes
        // what code run later does.
        if chain
            && !load
            && let Expr::Attribute(attribute) = expr
        {
            let scope = self.semantic.scope_at(expr.start());
            if let Some(qualified) =
                super::imports::qualified_name(self.semantic, &attribute.value, scope, false)
            {
                self.found = Some((
                    format!("writes an attribute of `{}`", qualified.as_str()),
                    expr.start(),
                ));
                return;
            }
        }
        if chain && load {
            let scope = self.semantic.scope_at(expr.start());
            if let Some(reason) = self.semantic.loud_name(expr, scope) {
                self.found = Some((reason, expr.start()));
            }
            return;
        }
        visitor::walk_expr(self, expr);
    }
}

/// What calling a function defined elsewhere does, as its definition shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionFacts {
    pub is_async: bool,
    /// Its own body yields: calling it makes a (async) generator.
    pub is_generator: bool,
    /// Every decorator is known to leave the function what it was.
    pub transparent: bool,
    /// `@asyncio.coroutine`, and otherwise transparent.
    pub legacy_coroutine: bool,
    /// The body only marks a place for a subclass to fill.
    pub stub: bool,
    /// No `return` in its own body gives a value.
    pub returns_nothing: bool,
    /// Every `return` in its own body surely gives plain data, as its
    /// module shows (see `SemanticModel::function_gives_plain_data`).
    pub gives_plain_data: bool,
    /// An `async def` whose body surely lets a cancellation thrown into it
    /// out (from Python 3.8 on): no handler that may catch it and go on; a
    /// plain `def` whose returned calls give only such coroutines, as far
    /// as its module shows.
    pub lets_cancellation_out: bool,
    /// Its coroutine awaits a call the module cannot trace to any name
    /// (`await fn()` of a parameter): given a coroutine that keeps a
    /// cancellation, it may run it.
    pub awaits_untraced: bool,
    /// Its code awaits (or, a plain `def`, returns) a call of a function
    /// read out of a container (`HANDLERS[name]()`): a registry may hold
    /// any coroutine function the project stores there.
    pub awaits_item: bool,
    /// It may raise an exception of its own: called (or awaited) in a
    /// handler or a `finally:`, it may replace the exception in flight.
    pub raises: bool,
    /// A plain `def` whose call runs nothing of the project or of a
    /// library: no decorator, literal defaults, a body that calls only
    /// builtins and the standard library's functions that neither bind an
    /// event loop nor load code (see [`loads_code`]).
    pub quiet: bool,
    /// 1-based line of the `def`.
    pub line: u32,
}

/// Where a definition lives, for messages ("`save` is an `async def` in
/// `service/store.py`").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The module's file, relative to the project's root when inside it.
    pub path: PathBuf,
    pub line: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

/// What an absolute dotted name (`app.store.save`, `app.db.Repo.get`)
/// refers to, as far as the project shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A function, or a method reached through its class or an instance.
    Function {
        /// The dotted name where it is defined (`app.store.save`).
        qualified: String,
        facts: FunctionFacts,
        origin: Origin,
    },
    /// A class of the project.
    Class { qualified: String, origin: Origin },
    /// An instance of a class of the project, bound at module level.
    Instance { class: String, origin: Origin },
    /// A module or package of the project.
    Module(String),
    /// Resolution left the project at this name (`aiohttp.ClientSession`
    /// re-exported by a project module): a library, which the table of
    /// well-known libraries may know.
    External(String),
    /// Not known: not found, bound more than one way, dynamic.
    Unknown,
}

impl NamedWrite {
    /// Why a fix that stops reaching (or starts reaching) a member named
    /// `name` is not safe: `effect` says what the fixed code does instead.
    pub fn note(&self, name: &str, effect: &str) -> String {
        match self {
            NamedWrite::Patched(path) => format!(
                "{} patches an attribute named `{name}` (a test's stand-in): {effect}",
                path.display()
            ),
            NamedWrite::Written(Some(path)) => format!(
                "{} assigns or replaces an attribute named `{name}`: {effect}",
                path.display()
            ),
            NamedWrite::Written(None) => format!(
                "a file of the project assigns or replaces an attribute named `{name}`: {effect}"
            ),
            NamedWrite::Unread(path) => format!(
                "{} cannot be read, and may replace an attribute named `{name}`: {effect}",
                path.display()
            ),
            NamedWrite::Escaped(route) => format!("{route}: {effect}"),
        }
    }
}

/// How the project's files write an attribute of one name (see
/// [`ProjectFacts::attribute_named_writer`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedWrite {
    /// Only by a mock's patch (`mock.patch("asyncio.wait_for")`,
    /// `patch.object(asyncio, "wait_for")`, `monkeypatch.setattr(…)`), as a
    /// test does around the code it tests: the first file that does.
    Patched(PathBuf),
    /// Otherwise (`asyncio.TimeoutError = ServiceTimeout`, `setattr(…)`),
    /// in this file when the text shows where.
    Written(Option<PathBuf>),
    /// A file of the project that cannot be read (too large, unreadable),
    /// which may write anything.
    Unread(PathBuf),
    /// On an object the writer cannot name, which the module may be: the
    /// route, naming the file that lets the module out and the file that
    /// writes (a sentence).
    Escaped(String),
}

/// What the project's files write in an attribute of a module by its name
/// (see [`ProjectFacts::attribute_value_writer`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueWrite {
    /// Every such write gives a number literal above zero
    /// (`mock.patch("app.service.TIMEOUT", 5)`).
    Positive,
    /// A write gives something else, or shows no value (`service.TIMEOUT =
    /// 0`, `setattr(service, "TIMEOUT", t)`, `mock.patch(…)` with a mock):
    /// in this file, relative to the project's root, when one was found by
    /// the name (`None`: a write by a name the code computes, or through
    /// the module's namespace).
    MaybeNonPositive(Option<PathBuf>),
    /// On an object the writer cannot name, which the module may be (see
    /// [`NamedWrite::Escaped`]): the route, a sentence.
    Escaped(String),
}

/// The project around the module being fixed.
pub trait ProjectFacts: Send + Sync {
    /// What the absolute dotted name refers to, as attribute reads from
    /// its top-level module reach it (`import app` … `app.store.save`).
    fn resolve(&self, qualified: &str) -> Resolved;

    /// [`Self::resolve`] for a name whose first `loaded` dotted parts name
    /// a module an import statement loaded itself (`from aiohttp.abc import
    /// AbstractResolver` loads `aiohttp.abc`; `import app.store as s` loads
    /// `app.store`): a module `__getattr__` (PEP 562) of a package above it
    /// is never asked for it, only one of that module for what follows.
    fn resolve_loaded(&self, qualified: &str, loaded: usize) -> Resolved;

    /// The method `name` of the project class `class` (an absolute dotted
    /// name), looked up along its bases as Python would; `Unknown` when a
    /// base cannot be read or a subclass, a metaclass or an assignment may
    /// replace it.
    fn method(&self, class: &str, name: &str) -> Resolved;

    /// Whether a class anywhere in the project that may derive from the
    /// class `class` (an absolute dotted name), or a class that may come
    /// before it in such a subclass's method resolution order, may bind
    /// `name` to anything but an `async def` that stays one: a call of
    /// `self.name()` in a method of `class` may then reach that. A class
    /// whose bases the index cannot read may derive from any class.
    fn subclasses_may_override(&self, class: &str, name: &str) -> bool;

    /// Why a method a class defines may not be what its instances find
    /// when that class derives from `base` (an absolute dotted name, as a
    /// module's class statement names it): `base`, or a class of the
    /// project on its chain of bases as the index reads them, has a
    /// metaclass other than `type` or `abc.ABCMeta` (which may replace the
    /// methods of every class it makes), a class decorator that may give
    /// it one, `__getattribute__` or `__getattr__` (which may answer for
    /// any name), `__init_subclass__` (which may wrap the subclass's
    /// methods), or a base the index cannot follow. A library's class
    /// (outside the project and the environment the index reads) is taken
    /// to leave its subclasses' methods alone. `None` when nothing says so.
    fn base_may_redirect_lookups(&self, base: &str) -> Option<String>;

    /// The method `name` called on an instance made by calling the project
    /// class `class` itself (`repo = Repo()`): no subclass can be involved,
    /// but `__new__` or a metaclass may make something else, which is
    /// `Unknown`.
    fn instance_method(&self, class: &str, name: &str) -> Resolved;

    /// Whether a top-level import `top` in a file of the directory `dir`
    /// may find another module than the project's: a script run directly
    /// (or a test collected by pytest) has its own directory first on
    /// `sys.path`, so a `top.py` or `top/` beside it wins there.
    fn shadowed_beside(&self, dir: &Path, top: &str) -> bool;

    /// Whether `import top` may find a module of the project instead of the
    /// library or standard module of that name: a regular module or package
    /// `top` at a source root of the project, or (for a file in `dir`, run as
    /// a script, whose directory comes first on `sys.path`) beside it. A
    /// directory without `__init__.py` does not count: a regular module
    /// anywhere on `sys.path` wins over a namespace package.
    fn shadows_library(&self, dir: Option<&Path>, top: &str) -> bool;

    /// Whether the absolute dotted name `qualified` is a name of a project
    /// module (or one it re-exports) with a coroutine that may keep a
    /// cancellation thrown into it (see
    /// `SemanticModel::coroutine_keeping_cancellation`): asked for a name
    /// the index cannot show to be a transparent coroutine function.
    fn may_keep_cancellation(&self, qualified: &str) -> bool;
    /// Whether the coroutine a call of the project function `qualified`
    /// (where it is defined, absolute) gives, or the coroutines the calls
    /// a plain function returns give, may reach code of another project
    /// module that keeps a cancellation: the calls its module's code makes
    /// and cannot read, followed through the project (a bound on the
    /// depth, or a name the index cannot follow in a module with a
    /// coroutine that may keep it, means "may"); or an awaitable it cannot
    /// trace, in a module that imports such a name.
    fn calls_may_keep_cancellation(&self, qualified: &str) -> bool;
    /// [`Self::may_keep_cancellation`] for a name a module imports, where
    /// a name the index cannot follow counts only in a module with a
    /// coroutine that may keep it (not in one that merely imports such a
    /// module): an awaitable the importing module cannot trace may be it.
    fn import_may_keep_cancellation(&self, qualified: &str) -> bool;
    /// Whether a module of the project that importing the absolute dotted
    /// name `qualified` runs (the module it names or that defines what it
    /// names, its packages, and the project modules they import at their
    /// top level, transitively) has a coroutine that may keep a
    /// cancellation.
    fn import_reaches_cancellation_keeper(&self, qualified: &str) -> bool;
    /// Whether the module of the project that the absolute dotted name
    /// `qualified` names, or that defines what it names, has a coroutine
    /// function or method called `name` that may keep a cancellation
    /// (itself or through the project's code it calls): a method call the
    /// importing module cannot trace (`self.worker.run()`) may reach it.
    fn keeping_coroutine_named(&self, qualified: &str, name: &str) -> bool;

    /// Whether the absolute dotted name `qualified` is a module-level name
    /// of a project module (or one it re-exports) whose value may be zero
    /// or negative (see `SemanticModel::module_name_may_be_non_positive`).
    fn may_be_non_positive(&self, qualified: &str) -> bool;

    /// Whether the absolute dotted name `qualified` is a class of a project
    /// module whose `__exit__` or `__aexit__` may keep a cancellation: return
    /// true, raise another exception, or be bound otherwise than by a `def`
    /// (see `SemanticModel::class_exit_may_keep_cancellation`).
    fn exit_may_keep_cancellation(&self, qualified: &str) -> bool;

    /// Whether the absolute dotted name `qualified`, used as a decorator
    /// (called or not), may be a context manager whose exit may keep a
    /// cancellation and that `contextlib.ContextDecorator` or
    /// `AsyncContextDecorator` makes a decorator of: the library's wrapper
    /// enters it around each call of the function decorated.
    fn decorator_may_enter_keeper(&self, qualified: &str) -> bool;

    /// Whether the absolute dotted name `qualified` may be
    /// `contextlib.suppress` under another name: imported so, or a
    /// module-level alias of it (`quiet = contextlib.suppress`), through
    /// re-exports and star imports.
    fn may_be_suppress(&self, qualified: &str) -> bool;

    /// Whether a project file other than `file` may read the name `name`
    /// of the module in `file` (`from mod import time`, `mod.time`, a
    /// dynamic import, a star import): asked before a fix removes an
    /// import `file` no longer uses. Conservative: `true` when unsure.
    fn others_may_read(&self, file: &Path, name: &str) -> bool;

    /// Whether another module of the project may read the private name
    /// `name` (`_asyncio`) of the module in `file` if a fix adds it there:
    /// a file spells it other than in an import of its own. Reads of whole
    /// namespaces (`vars(mod)`) are assumed not to look for a name they
    /// did not know of. Conservative otherwise.
    fn others_may_read_new_private(&self, file: &Path, name: &str) -> bool;

    /// Whether `[project.scripts]` (or Poetry's scripts) names the function
    /// `qualified` (`app.cli.main`) and no other file of the project names
    /// it: an entry point only the installed script calls, once per
    /// process.
    fn is_script(&self, qualified: &str) -> bool;

    /// Whether importing the project module `module` (or a project module
    /// it imports at its top level, transitively) ties an object to the
    /// event loop current then (`asyncio.Future()`, `get_event_loop()`, …
    /// at module level): what it calls and where, for messages. Also when
    /// what an import of it runs cannot be told: a module that two source
    /// roots hold, or one code of the project may replace in `sys.modules`.
    fn binds_loop_at_import(&self, module: &str) -> Option<String>;

    /// Why importing `module` (an absolute dotted name) may run more than
    /// definitions, as a clause naming the module and line; `None` when
    /// the index proves it *quiet*: a module of the standard library no
    /// project module stands in for, a namespace package, or a project
    /// module whose every statement run at import is an import of a quiet
    /// module, a `def` or class without decorators that evaluates no call,
    /// or an assignment of an expression that calls nothing (see
    /// `index::quiet`). With `maybe`, `module` is a name `from a import b`
    /// imports (`a.b`), which runs code only when it is a module of the
    /// project. Cycles of imports, modules the index cannot read and
    /// libraries are not quiet.
    fn import_not_quiet(&self, module: &str, maybe: bool) -> Option<String>;

    /// Whether an object of the type `qualified` names (an absolute dotted
    /// name), or one made by calling it, is stateful: one operation at a
    /// time (a session, a connection, a stream; see `known.rs`). A class of
    /// the project is when it derives from a stateful class or its
    /// instances hold one (an attribute annotated with, or assigned a call
    /// of, a stateful type); an alias (`Conn = asyncpg.Connection`) when
    /// what it names is; a function when its return annotation names one.
    /// The answer says why, naming the modules and lines that show it;
    /// `None` when nothing shows it (which says nothing either way).
    fn stateful(&self, qualified: &str) -> Option<String>;

    /// The chain by which calling the plain function `qualified` (an
    /// absolute dotted name the index resolved to) blocks: a blocking call
    /// in its own code, or a call of another plain function of the project
    /// that blocks, up to [`super::blocking::MAX_CHAIN`] functions deep.
    /// `None` when it does not, or when a step cannot be known.
    fn blocking_chain(&self, qualified: &str) -> Option<BlockingChain>;

    /// Whether the function or method the absolute dotted name `qualified`
    /// names in the project may block when called, as the text of the
    /// modules it may go through shows (never parsed): its body spells a
    /// blocking call, or a call of a function that may block. A cheap
    /// question before anything resolves a callee into the project:
    /// `false` means it cannot be the head of a chain.
    fn may_block(&self, qualified: &str) -> bool;

    /// Whether some file of the project may assign or delete an attribute
    /// named `name` (`handlers.helper = fake`): a function or method of
    /// that name may be replaced from outside its module.
    fn attribute_written(&self, name: &str) -> bool;

    /// Whether some file of the project may assign or delete the attribute
    /// `name` of an instance of the project class `class` (an absolute
    /// dotted name) or of the class itself: [`Self::attribute_written`],
    /// or a write by a computed name that may reach such an object
    /// (`setattr(self, name, v)` in a method of the class or of one of its
    /// bases; a subclass's are asked by [`Self::subclasses_may_override`]).
    fn class_attribute_written(&self, class: &str, name: &str) -> bool;

    /// [`Self::class_attribute_written`], with why: the file whose write
    /// may reach an instance of `class`. A write on the first parameter of
    /// a method of another class (`self.flush = stream.flush` in `Tee`)
    /// counts only when an instance may be of both classes (one derives
    /// from the other, or a class derives from both).
    fn attribute_writer_reaching(&self, class: &str, name: &str) -> Option<String>;

    /// Why the first parameter of the method `caller` of the project class
    /// `class` (an absolute dotted name) may be something other than an
    /// instance of `class` or of a class deriving from it, as some file of
    /// the project shows: it reads the method off the class (or off one
    /// deriving from it) other than to run it on a method's own instance
    /// (`Base.run(obj)`, `partial(Base.run, obj)`, `types.MethodType(
    /// Base.run, obj)`, `Base.run.__get__(obj)`, `run = Base.run` in
    /// another class, `vars(Base)`, `dict(Base.__dict__)`), or it names the
    /// class where it may make classes at run time (`exec`, `compile`,
    /// `type(name, bases, ns)`, a partial of `type`), one of which may
    /// derive from it and bind any method otherwise. With the file and
    /// line that shows it.
    fn self_may_be_other(&self, class: &str, caller: &str) -> Option<String>;

    /// [`Self::subclasses_may_override`], with why.
    fn why_subclasses_may_override(&self, class: &str, name: &str) -> Option<String>;

    /// Whether some file of the project assigns or deletes an attribute
    /// `__code__` by that name (`save.__code__ = f.__code__`): a coroutine
    /// function of the project may then run a plain function's code.
    fn code_written(&self) -> bool;

    /// How the project's files assign, delete or patch the attribute
    /// `name` of a module whose last part is `module` (`asyncio`), by that
    /// name (`asyncio.name = …`, `del aio.name` under `import asyncio as
    /// aio`, `setattr(asyncio, "name", …)`, `mock.patch("asyncio.name")`,
    /// `patch.object(asyncio, "name")`, a tuple target, `vars(asyncio)
    /// .__setitem__("name", …)`, `patch.dict("asyncio.__dict__", …)`); a
    /// file that writes attributes by a name or target it computes
    /// (`setattr(asyncio, NAME, f)` on a name bound to the module,
    /// `mock.patch(target)` in a file that spells its name in a string), or one that replaces the module in `sys.modules`, may write
    /// any; `None` when none does.
    fn attribute_named_writer(&self, module: &str, name: &str) -> Option<NamedWrite>;

    /// How the project's files may write the attribute `name` of the
    /// project module `module` (an absolute dotted name; as
    /// [`Self::module_attribute_written`] tells, by the module's last
    /// part), with what value: `None` when none may.
    fn attribute_value_writer(&self, module: &str, name: &str) -> Option<ValueWrite>;

    /// Whether calling `callee` (an absolute dotted name) may run code of
    /// the project that writes the attribute `name` of the module
    /// `module` (an absolute dotted name, asked by its last part): a plain
    /// function whose module's file writes it, or that calls one that may,
    /// followed through the functions the summaries say it calls. An
    /// `async def` runs nothing when called; a class's construction, or a
    /// call the index cannot follow, may.
    fn call_may_write_attribute(&self, callee: &str, module: &str, name: &str) -> bool;

    /// Whether some file of the project may assign or delete the attribute
    /// `name` of what may be one of the project's modules (`work.aredis =
    /// redis`, `patch.object(work, "asyncio", fake)`, not `self.asyncio =
    /// …`): a module's global of that name (an import alias) may then be
    /// another object when the module's code runs.
    /// `module` is the absolute dotted name of the module asking.
    fn module_attribute_written(&self, module: &str, name: &str) -> bool;

    /// A file of the project, in `dir` or a directory above it, that may
    /// add directories to `sys.path` (`sys.path.insert(0, …)`, `append`,
    /// `site.addsitedir`): an absolute import in a module of `dir` may then
    /// find a module the index does not know, or another than the one it
    /// resolves. The file, relative to the project's root, for messages.
    fn sys_path_extended(&self, dir: &Path) -> Option<PathBuf>;

    /// A file of the project, anywhere in it, that may add directories to
    /// `sys.path`: `sys.path` belongs to the process, so an import that
    /// runs after it, in any module, may find a module there first (a
    /// vendored copy of a library). The file, relative to the project's
    /// root, for messages.
    fn sys_path_written(&self) -> Option<PathBuf>;

    /// An async library other than asyncio (trio, anyio, curio, twisted)
    /// that some file of the project imports, with the file, for messages:
    /// a coroutine of a module that imports no async library itself may
    /// then be run on it by another module.
    fn other_async_library(&self) -> Option<String>;

    /// An async library with a loop of its own that some file of the
    /// project imports (trio, curio, twisted; anyio where a file spells
    /// `"trio"`, its backend), with the file, for messages: it may run a
    /// coroutine of any module (`trio.run(mod.main)`, a registry it runs)
    /// where no asyncio loop runs, whatever that module imports.
    fn runner_library(&self) -> Option<String>;

    /// A file of the project that may drive coroutines by hand
    /// (`coro.send(None)`, `coro.__await__()` stepped), relative to the
    /// project's root, for messages: a coroutine of any module may be
    /// handed to it (through a registry the module adds it to) and run
    /// where no event loop runs.
    fn coroutine_driver(&self) -> Option<PathBuf>;

    /// The first file of the project that imports a module by a name it
    /// computes (`importlib.import_module(f"plugins.{name}")`,
    /// `__import__(name)`), relative to the project's root, for messages:
    /// it may import any module of the project and call its functions,
    /// though no file names them.
    fn computed_importer(&self) -> Option<PathBuf>;

    /// A file of the project that imports nest_asyncio, relative to the
    /// project's root, for messages: `nest_asyncio.apply()` there lets
    /// `asyncio.run` run inside a running loop in every module.
    fn nest_asyncio_importer(&self) -> Option<PathBuf>;

    /// A file of the project that may run the module `module` (an
    /// absolute dotted name) again in a process that already ran it
    /// (`runpy.run_module` of it or of its package, `runpy.run_path`,
    /// `importlib.reload`; by a name it cannot read, of any module): the
    /// module's code then does not run once per process. The file,
    /// relative to the project's root, for messages. `as_main`: the code
    /// asked about runs only when the module runs as `__main__` (its
    /// main-guard block), which an import of the module again
    /// (`importlib.reload`, `del sys.modules[…]`) does not run.
    fn may_rerun(&self, module: &str, as_main: bool) -> Option<PathBuf>;

    /// A file of the project other than `file` whose code may use an
    /// event loop outside any run of one (see
    /// `SemanticModel::loop_used_outside_runs`): synchronous code that asks
    /// for the loop or calls a loop's method, a coroutine that hands its
    /// loop on. Such code may run after the run that made the loop
    /// returned (at exit, in a finalizer or a generator's `finally:`, a
    /// signal handler, a thread, a logging handler's `close()`), by ways
    /// no list can cover; on Python `target` or newer. The file (relative
    /// to the project's root, for messages; empty when a file could not
    /// be read), what it names and the line.
    fn loop_used_elsewhere(&self, file: &Path, target: PyVersion) -> Option<LoopUse>;

    /// A file of the project other than `file` that may import the module
    /// in `file` (naming it, or naming a module that may import it, in
    /// turn) and gets, makes, sets or runs an event loop: what it does
    /// with the loop at and after the import may rest on the loop the
    /// module's import left current. The file, relative to the project's
    /// root, for messages.
    fn importer_managing_loops(&self, file: &Path) -> Option<PathBuf>;

    /// Whether what the absolute dotted name `name` names may be asyncio's
    /// `CancelledError` or a class deriving from it, following the bases the
    /// index reads through the project's classes: a name the index cannot
    /// follow into a class of the project (`Base = asyncio.CancelledError`
    /// in another module, a base it cannot read) may be; a class outside the
    /// project is what its name says. `loaded` as for
    /// [`Self::resolve_loaded`].
    fn may_be_cancelled_error(&self, name: &str, loaded: usize) -> bool;

    /// Whether an `except` clause (or `suppress(…)`) naming what the
    /// absolute dotted name `name` names may catch asyncio's
    /// `CancelledError`: `BaseException` (`Exception` too, with
    /// `exception`: before Python 3.8), a class that may be
    /// `CancelledError` (see [`Self::may_be_cancelled_error`]), or a name
    /// a project module binds to such a class or to a tuple holding one
    /// (`STOP = (asyncio.CancelledError, KeyboardInterrupt)`), followed
    /// through re-exports and star imports. A name of the project bound
    /// some other way may; a library's class is what its name says.
    fn may_catch_cancelled_error(&self, name: &str, loaded: usize, exception: bool) -> bool;

    /// Whether an `except` clause naming what the absolute dotted name
    /// `name` names may catch an exception of one of `wanted` (builtin
    /// exception names, bases included: `["RuntimeError", "Exception",
    /// …]`): a builtin among them, a class of the project deriving from
    /// one, a name a project module binds to such a class or to a tuple
    /// holding one (`RETRYABLE = (ConnectionError, RuntimeError)`), or a
    /// name of the project the index cannot follow (a class attribute, a
    /// variable bound otherwise). A library's class is what its name says.
    /// A file of the project other than `file` whose code may catch the
    /// builtin exception `name` (`RuntimeError`, `TypeError` or
    /// `AttributeError`) raised anywhere, as
    /// `SemanticModel::may_catch_in_module` tells of its module: a value
    /// of `file`'s module handed to it (a coroutine function given to a
    /// decorator or a runner of another module) may raise there. An empty
    /// path when the project could not be read whole.
    fn others_may_catch(&self, file: &Path, name: &str) -> Option<PathBuf> {
        let _ = (file, name);
        Some(PathBuf::new())
    }

    fn may_catch_builtin(&self, name: &str, loaded: usize, wanted: &[&str]) -> bool {
        let _ = (name, loaded, wanted);
        true
    }

    /// Whether calling what the absolute dotted name `qualified` names may
    /// raise an exception of its own (in a handler or a `finally:`, it
    /// replaces a cancellation): a function of the project whose own code
    /// raises one (see `semantic::cancellation::raises_another`), or a
    /// name of the project the index cannot follow. A library's function
    /// and a class are trusted.
    fn may_raise(&self, qualified: &str) -> bool;

    /// Whether the absolute dotted name `qualified`, given to an exit
    /// stack as an exit callback, may return true or raise: anything of
    /// the project the index can name (its summary does not say), or a
    /// name that may give a coroutine keeping a cancellation.
    fn callback_may_keep(&self, qualified: &str) -> bool;

    /// Whether a property getter named `name` of some class of the project
    /// may raise an exception of its own (itself, or a function it calls):
    /// reading an attribute of that name in a handler or a `finally:`, of
    /// an object whose class the analysis cannot tell, may run it.
    fn property_may_raise(&self, name: &str) -> bool;

    /// A file of the project other than `own` (the function's file, whose
    /// module reads its own calls) that may call the function or method
    /// named `function` passing its parameter `parameter` (at `position`
    /// among the positional ones, `self` counted, of a method when
    /// `method`) a value that may be a number of zero or less, or that
    /// uses the function other than by a call of its name (`partial(…)`,
    /// `poll = box.receive`): said for a note. Calls are matched by the
    /// name; `None` when no file may.
    fn parameter_passed(
        &self,
        own: Option<&Path>,
        function: &str,
        parameter: &str,
        position: Option<usize>,
        method: bool,
    ) -> Option<String>;
}

/// Where a file of the project may use an event loop outside any run of
/// one (see [`ProjectFacts::loop_used_elsewhere`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoopUse {
    /// Relative to the project's root; empty when a file could not be read.
    pub file: PathBuf,
    /// What the code names there (`asyncio.get_event_loop`, `.call_soon_threadsafe`).
    pub named: Box<str>,
    pub line: u32,
}

/// The project around one module, as that module's semantic model sees
/// it: the facts of the whole project and the module's own dotted name
/// (relative imports start from it).
#[derive(Clone)]
pub struct ProjectModule {
    pub facts: std::sync::Arc<dyn ProjectFacts>,
    /// `app.server`; `None` for a file no import can name (`my-tool.py`,
    /// a file outside every source root): its relative imports are unknown.
    pub name: Option<String>,
    /// An `__init__.py`: relative imports start from the package itself.
    pub package: bool,
    /// The directory of the module's file.
    pub dir: Option<PathBuf>,
    /// The module's file (absolute; it need not exist, as for
    /// `--stdin-filename`).
    pub file: Option<PathBuf>,
}

impl fmt::Debug for ProjectModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProjectModule")
            .field("name", &self.name)
            .field("package", &self.package)
            .finish_non_exhaustive()
    }
}

impl ProjectModule {
    /// Whether another module of the project may read the private name
    /// `name` if a fix adds it to this one (see
    /// [`ProjectFacts::others_may_read_new_private`]); `false` for a module
    /// with no file.
    pub fn others_may_read_new_private(&self, name: &str) -> bool {
        self.file
            .as_deref()
            .is_some_and(|file| self.facts.others_may_read_new_private(file, name))
    }

    /// Whether another module of the project may read the module-level
    /// name `name` of this one (see [`ProjectFacts::others_may_read`]);
    /// `false` for a module with no file.
    pub fn others_may_read(&self, name: &str) -> bool {
        self.file
            .as_deref()
            .is_some_and(|file| self.facts.others_may_read(file, name))
    }

    /// The file of the project that may add directories to `sys.path`
    /// where this module's absolute imports may look (see
    /// [`ProjectFacts::sys_path_extended`]).
    pub fn sys_path_extended(&self) -> Option<PathBuf> {
        self.dir
            .as_deref()
            .and_then(|dir| self.facts.sys_path_extended(dir))
    }

    /// A file of the project that may run this module again in a process
    /// that already ran it (see [`ProjectFacts::may_rerun`]); a module no
    /// import can name goes by its file's stem. `as_main`: of the code that
    /// runs only as `__main__` (the main-guard block).
    pub fn may_rerun(&self, as_main: bool) -> Option<PathBuf> {
        let stem = || {
            self.file
                .as_deref()
                .and_then(Path::file_stem)
                .and_then(|stem| stem.to_str())
                .map(str::to_string)
        };
        let module = self.name.clone().or_else(stem)?;
        self.facts.may_rerun(&module, as_main)
    }

    /// Another file of the project whose code may use an event loop
    /// outside any run of one (see [`ProjectFacts::loop_used_elsewhere`]);
    /// every file, for a module with no file.
    pub fn loop_used_elsewhere(&self, target: PyVersion) -> Option<LoopUse> {
        self.facts
            .loop_used_elsewhere(self.file.as_deref().unwrap_or(Path::new("")), target)
    }

    /// A file of the project that may import this module and gets, makes,
    /// sets or runs an event loop (see
    /// [`ProjectFacts::importer_managing_loops`]).
    pub fn importer_managing_loops(&self) -> Option<PathBuf> {
        self.file
            .as_deref()
            .and_then(|file| self.facts.importer_managing_loops(file))
    }

    /// Whether the function `name` defined at this module's top level is
    /// an entry point named in `[project.scripts]`.
    pub fn is_script(&self, name: &str) -> bool {
        self.name
            .as_deref()
            .is_some_and(|module| self.facts.is_script(&format!("{module}.{name}")))
    }

    /// The absolute dotted name of an import path as the module wrote it
    /// (`.store.save` in `app/handlers.py` is `app.store.save`); `None`
    /// for a relative import that leaves the top package or a module with
    /// no name.
    pub fn absolute(&self, qualified: &str) -> Option<String> {
        let rest = qualified.trim_start_matches('.');
        let level = qualified.len() - rest.len();
        if level == 0 {
            return Some(qualified.to_string());
        }
        let name = self.name.as_deref()?;
        let mut base: Vec<&str> = name.split('.').collect();
        if !self.package {
            base.pop();
        }
        for _ in 1..level {
            base.pop()?;
        }
        if base.is_empty() {
            return None;
        }
        if !rest.is_empty() {
            base.push(rest);
        }
        Some(base.join("."))
    }
}

/// The modules CPython builds into the interpreter (`sys.builtin_module_names`
/// of CPython 3.11 on Linux): an import finds them before any file, so no
/// module of the project can stand in for them.
const BUILT_IN_MODULES: &[&str] = &[
    "_abc",
    "_ast",
    "_codecs",
    "_collections",
    "_functools",
    "_imp",
    "_io",
    "_locale",
    "_operator",
    "_signal",
    "_sre",
    "_stat",
    "_string",
    "_symtable",
    "_thread",
    "_tokenize",
    "_tracemalloc",
    "_warnings",
    "_weakref",
    "atexit",
    "builtins",
    "errno",
    "faulthandler",
    "gc",
    "itertools",
    "marshal",
    "posix",
    "pwd",
    "sys",
    "time",
    "xxsubtype",
];

/// Builtins that run code given as text, load modules, or reach a
/// namespace by a computed name: a call of them, or a name bound to one,
/// may run any code.
const CODE_LOADING_BUILTINS: &[&str] = &[
    "__builtins__",
    "__import__",
    "breakpoint",
    "compile",
    "delattr",
    "eval",
    "exec",
    "getattr",
    "globals",
    "help",
    "locals",
    "setattr",
    "vars",
];

/// Modules (and names in modules) of the standard library whose functions
/// import modules by name, run code given as text, or call back code an
/// object names: `importlib.import_module("app.jobs")`, `runpy`,
/// `pickle.loads`, `logging.config.dictConfig`, `unittest.main()`,
/// `typing.get_type_hints` (which evaluates string annotations).
const CODE_LOADING_MODULES: &[&str] = &[
    "_pickle",
    "bdb",
    "cProfile",
    "code",
    "codeop",
    "copyreg",
    "ctypes",
    "doctest",
    "gc",
    "imp",
    "importlib",
    "inspect",
    "logging.config",
    "marshal",
    "multiprocessing",
    "pdb",
    "pickle",
    "pkgutil",
    "profile",
    "pydoc",
    "runpy",
    "shelve",
    "site",
    "sys.modules",
    "timeit",
    "trace",
    "typing.get_type_hints",
    "unittest",
    "zipimport",
];

/// Whether the standard library's `qualified` (a module or a name in one,
/// `builtins.exec` for a builtin) may load or run code the module does not
/// show: a dynamic import, code given as text, a name looked up by a
/// computed string (see [`CODE_LOADING_MODULES`] and
/// [`CODE_LOADING_BUILTINS`]), any object reached through a special
/// attribute (`builtins.__dict__["exec"]`, `gc.get_objects()`).
pub(crate) fn loads_code(qualified: &str) -> bool {
    // A special attribute (`builtins.__dict__`, `__spec__.loader`)
    // reaches what no name shows; a name, a file or a docstring is only
    // text.
    let special = |part: &str| {
        part.len() > 4
            && part.starts_with("__")
            && part.ends_with("__")
            && !matches!(
                part,
                "__name__" | "__file__" | "__doc__" | "__version__" | "__debug__"
            )
    };
    if let Some(name) = qualified.strip_prefix("builtins.") {
        return CODE_LOADING_BUILTINS.contains(&name) || name.split('.').any(special);
    }
    if qualified.split('.').skip(1).any(special) {
        return true;
    }
    CODE_LOADING_MODULES.iter().any(|module| {
        qualified
            .strip_prefix(module)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    })
}

/// Whether the top-level module `top` is built into the interpreter (see
/// [`BUILT_IN_MODULES`]): an import of it, or of a name under it, is the
/// standard library's whatever files the project holds.
pub fn is_built_in_module(top: &str) -> bool {
    BUILT_IN_MODULES.contains(&top) || crate::index::layout::PRELOADED_MODULES.contains(&top)
}

/// The standard library's modules that are files an import looks for on
/// `sys.path` (`sys.stdlib_module_names` of CPython 3.11, without the
/// built-in and private ones), sorted.
const STANDARD_MODULES: &[&str] = &[
    "abc",
    "aifc",
    "antigravity",
    "argparse",
    "array",
    "ast",
    "asynchat",
    "asyncio",
    "asyncore",
    "audioop",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "bz2",
    "cProfile",
    "calendar",
    "cgi",
    "cgitb",
    "chunk",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "crypt",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "distutils",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "imghdr",
    "imp",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "json",
    "keyword",
    "lib2to3",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "mailcap",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msilib",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nis",
    "nntplib",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "ossaudiodev",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pipes",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "pyexpat",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtpd",
    "smtplib",
    "sndhdr",
    "socket",
    "socketserver",
    "spwd",
    "sqlite3",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "sunau",
    "symtable",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "telnetlib",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uu",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xdrlib",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];

/// Libraries asyncmod knows by name beyond its tables of well-known
/// functions and classes (`known::names_module`).
const OTHER_LIBRARIES: &[&str] = &[
    "anyio",
    "curio",
    "pytest",
    "trio",
    "twisted",
    "typing_extensions",
    "uvloop",
];

/// Whether `top` is a module of the standard library (built in or a file).
pub(crate) fn standard_module(top: &str) -> bool {
    STANDARD_MODULES.binary_search(&top).is_ok() || is_built_in_module(top)
}

/// Whether asyncmod knows something about the top-level module `top` as a
/// library or standard module: only then does a module of the project
/// standing in for it change an answer.
pub(super) fn library_name(top: &str) -> bool {
    STANDARD_MODULES.binary_search(&top).is_ok()
        || OTHER_LIBRARIES.contains(&top)
        || super::known::names_module(top)
}

impl<'a> super::SemanticModel<'a> {
    /// Whether `import` of the dotted name `module` (`subprocess.run`,
    /// `asyncio`) may find a module of the project instead of the library
    /// or standard module of that name (see
    /// [`ProjectFacts::shadows_library`]): then what the module imports is
    /// not the library's, and no table of well-known names applies. Never
    /// for a built-in module (`sys`, `time`), a relative import, or without
    /// a project, nor for a name asyncmod knows nothing about as a library
    /// (the project's own packages keep their names).
    pub fn project_shadows(&self, module: &str) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        let top = module.split('.').next().unwrap_or(module);
        if top.is_empty() || is_built_in_module(top) || !library_name(top) {
            return false;
        }
        if let Some(&known) = self.shadowed_modules.borrow().get(top) {
            return known;
        }
        let answer = project.facts.shadows_library(project.dir.as_deref(), top);
        self.shadowed_modules
            .borrow_mut()
            .insert(top.to_string(), answer);
        answer
    }

    /// Whether an import of the library `qualified` names (a name the
    /// table of well-known libraries may list) may find another module
    /// than the library's in a directory the project adds to `sys.path`
    /// (see [`ProjectFacts::sys_path_written`]): then the table does not
    /// answer for it. Never for the standard library, whose modules come
    /// first on `sys.path` wherever the project inserts its directories,
    /// nor without a project.
    pub fn library_path_changed(&self, qualified: &str) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        let top = qualified.split('.').next().unwrap_or(qualified);
        !top.is_empty()
            && !standard_module(top)
            && !is_built_in_module(top)
            && project.facts.sys_path_written().is_some()
    }

    /// What `func` (a callee, or any name or attribute chain, in `scope`)
    /// refers to in the project, when the module reaches it through an
    /// import: `save` after `from service.store import save`, `store.save`
    /// after `from service import store`, `db.repo.save` after `import
    /// db.repo`, relative imports from the module's own name. `Unknown`
    /// without a project, for a name the module binds some other way or
    /// more than one way, and when the module may replace what it names
    /// (an attribute of that name written anywhere in it, `setattr` with a
    /// computed name, `globals()`).
    pub fn resolve_imported(&self, func: &Expr, scope: ScopeId) -> Resolved {
        let Some(project) = self.project() else {
            return Resolved::Unknown;
        };
        // The name as written, also where the project's own module stands
        // in for a library's (which is what is resolved here).
        let Some(qualified) = super::imports::qualified_name(self, func, scope, true) else {
            return Resolved::Unknown;
        };
        if qualified.starts_with("builtins") {
            return Resolved::Unknown;
        }
        let dynamic = self.dynamic_writes();
        if dynamic.module_namespace
            || dynamic.any_attribute
            || (matches!(func, Expr::Attribute(_))
                && dynamic.attributes.contains(qualified.member()))
        {
            return Resolved::Unknown;
        }
        // Another file may write the global the name starts from
        // (`handlers.save = f`, a frame's `f_globals`).
        let mut head = func;
        while let Expr::Attribute(attribute) = head {
            head = &attribute.value;
        }
        if let Expr::Name(name) = head
            && matches!(
                self.lookup(name.id.as_str(), scope),
                Lookup::Bound {
                    scope: MODULE_SCOPE,
                    ..
                }
            )
            && project.facts.module_attribute_written(
                project.name.as_deref().unwrap_or_default(),
                name.id.as_str(),
            )
        {
            return Resolved::Unknown;
        }
        // A directory added to `sys.path` may hold a module of that name.
        if !qualified.as_str().starts_with('.')
            && !is_built_in_module(qualified.module())
            && project.sys_path_extended().is_some()
        {
            return Resolved::Unknown;
        }
        let Some(absolute) = project.absolute(qualified.as_str()) else {
            return Resolved::Unknown;
        };
        if !qualified.as_str().starts_with('.')
            && let Some(dir) = &project.dir
            && project.facts.shadowed_beside(dir, qualified.module())
        {
            return Resolved::Unknown;
        }
        project
            .facts
            .resolve_loaded(&absolute, self.parts_loaded_by_import(func, scope))
    }

    /// How many dotted parts of the absolute name that `expr` (a name or an
    /// attribute chain, in `scope`) reaches name a module the import that
    /// binds its first name loaded itself (see
    /// [`ProjectFacts::resolve_loaded`]): the module of `from M import N`,
    /// all of `import a.b as c`, only the top-level package of `import a.b`
    /// (`a.b.x` reads `b` from `a`). 1 for anything else.
    pub fn parts_loaded_by_import(&self, expr: &Expr, scope: ScopeId) -> usize {
        let mut head = expr;
        while let Expr::Attribute(attribute) = head {
            head = &attribute.value;
        }
        let Expr::Name(name) = head else {
            return 1;
        };
        let Lookup::Bound { scope: owner, .. } = self.lookup(name.id.as_str(), scope) else {
            return 1;
        };
        let Some(id) = self.single_imports.get(&(owner, name.id.as_str())) else {
            return 1;
        };
        match &self.binding(*id).kind {
            BindingKind::Import { qualified, from } => self.import_loaded_parts(qualified, *from),
            _ => 1,
        }
    }

    /// [`Self::parts_loaded_by_import`] for the import of `qualified` (as
    /// the statement wrote it; `from` for `from … import`).
    pub fn import_loaded_parts(&self, qualified: &str, from: bool) -> usize {
        let Some(absolute) = self.project().and_then(|p| p.absolute(qualified)) else {
            return 1;
        };
        let parts = absolute.split('.').count();
        if from { parts - 1 } else { parts }.max(1)
    }

    /// Why importing what this module imports (anywhere) may tie objects
    /// to the event loop current then, as a clause for messages; `None`
    /// only when every module it imports is the standard library's (no
    /// project module standing in for it) or a project module the index
    /// proves *quiet* (see [`Self::imports_not_quiet`]). Proving that
    /// arbitrary import-time code leaves the loop alone is not possible
    /// (imports in branches, dynamic loading, dunder methods, decorator
    /// factories): only simple code is proven to run nothing. Where the
    /// index finds a binding, the clause names it.
    pub fn imported_module_binding_loop(&self) -> Option<String> {
        let project = self.project();
        let path_writer = project.and_then(ProjectModule::sys_path_extended);
        for binding in &self.bindings {
            let Some(path) = binding.kind.import_path() else {
                continue;
            };
            let top = path.split('.').next().unwrap_or(path);
            if !path.starts_with('.')
                && standard_module(top)
                && (is_built_in_module(top) || !self.project_shadows(top))
            {
                continue;
            }
            // A directory added to `sys.path` may hold a module of that
            // name, whose import runs code the index has not read.
            if let Some(writer) = &path_writer
                && !path.starts_with('.')
            {
                return Some(format!(
                    "`{top}` may be found in a directory `{}` adds to `sys.path`, and its code, which the index has not read, may bind to the loop current then",
                    writer.display()
                ));
            }
            let found = project.and_then(|project| {
                let absolute = project.absolute(path)?;
                // Every module the import runs: `import app.state.flags`
                // runs `app`, `app.state` and `app.state.flags`.
                let parts: Vec<&str> = absolute.split('.').collect();
                (1..=parts.len()).find_map(|split| {
                    let prefix = parts[..split].join(".");
                    match project.facts.resolve(&prefix) {
                        Resolved::Module(module) => project.facts.binds_loop_at_import(&module),
                        // A module the index cannot tell (in two source roots,
                        // replaced in `sys.modules`) may bind: the index says so.
                        Resolved::Unknown => project.facts.binds_loop_at_import(&prefix),
                        _ => None,
                    }
                })
            });
            if let Some(binding) = found {
                // A call the index found binds; code it cannot tell may.
                let binds = if binding.starts_with('`') {
                    "binds"
                } else {
                    "may bind"
                };
                return Some(format!(
                    "importing a project module runs {binding}, which {binds} to the loop current then"
                ));
            }
        }
        self.imports_not_quiet()
    }

    /// Why some import of this module (anywhere in it) may run more than
    /// the standard library or *quiet* project modules (see
    /// [`ProjectFacts::import_not_quiet`]), as a clause for messages;
    /// `None` when every one is proven quiet. `import a.b` runs `a` and
    /// `a.b`; `from a import b` runs `a`, and `a.b` when that is a module.
    pub fn imports_not_quiet(&self) -> Option<String> {
        // Importing (or running with `-m`) this module runs the packages
        // it sits in first.
        if let Some(name) = self.project().and_then(|project| project.name.as_deref()) {
            let packages = name.match_indices('.').map(|(end, _)| &name[..end]);
            if let Some(reason) = packages
                .into_iter()
                .find_map(|package| self.import_not_quiet(package, false))
            {
                return Some(reason);
            }
        }
        for suite in &self.suites {
            for stmt in suite.body {
                let reason = match stmt {
                    Stmt::Import(import) => import.names.iter().find_map(|alias| {
                        let path = alias.name.as_str();
                        // Each package on the way runs its `__init__`.
                        path.match_indices('.')
                            .map(|(end, _)| &path[..end])
                            .chain(std::iter::once(path))
                            .find_map(|module| self.import_not_quiet(module, false))
                    }),
                    Stmt::ImportFrom(import) => {
                        let module = import.module.as_ref().map_or("", |m| m.as_str());
                        if import.level == 0 && module == "__future__" {
                            continue;
                        }
                        let path = format!("{}{module}", ".".repeat(import.level as usize));
                        let prefixes = path
                            .match_indices('.')
                            .filter(|&(end, _)| end > 0 && !path[..end].ends_with('.'))
                            .map(|(end, _)| path[..end].to_string())
                            .chain(std::iter::once(path.clone()));
                        let star = import.names.iter().any(|alias| alias.name.as_str() == "*");
                        prefixes
                            .into_iter()
                            .find_map(|module| self.import_not_quiet(&module, false))
                            .or_else(|| {
                                import.names.iter().find_map(|alias| {
                                    let separator = if path.ends_with('.') { "" } else { "." };
                                    let name = format!("{path}{separator}{}", alias.name);
                                    if star {
                                        return None;
                                    }
                                    self.import_not_quiet(&name, true)
                                })
                            })
                            .or_else(|| {
                                // Names a star import brings in cannot be
                                // followed: any of them may be called.
                                let top = path.split('.').next().unwrap_or_default();
                                (star && (path.starts_with('.') || !standard_module(top)))
                                    .then(|| format!("the star import of `{path}` binds names asyncmod cannot follow"))
                            })
                    }
                    _ => None,
                };
                if reason.is_some() {
                    return reason;
                }
            }
        }
        None
    }

    /// [`Self::imports_not_quiet`] for one module an import runs (`maybe`:
    /// a name `from a import b` imports, a module or not).
    fn import_not_quiet(&self, path: &str, maybe: bool) -> Option<String> {
        let top = path.split('.').next().unwrap_or(path);
        if !path.starts_with('.')
            && standard_module(top)
            && (is_built_in_module(top) || !self.project_shadows(top))
        {
            return None;
        }
        let Some(project) = self.project() else {
            return (!maybe).then(|| format!(
                "importing `{top}` runs code that may bind objects to the loop current then, which asyncmod cannot rule out for a module other than the standard library's"
            ));
        };
        let Some(absolute) = project.absolute(path) else {
            return Some(format!(
                "the relative import of `{path}` has no package asyncmod can place"
            ));
        };
        project.facts.import_not_quiet(&absolute, maybe).map(|reason| {
            format!(
                "importing `{absolute}` runs {reason}, which asyncmod cannot prove leaves the event loop alone"
            )
        })
    }

    /// The first place where synchronous code of the module (outside
    /// coroutines, and but for `skip`: the coroutine function the run
    /// calls) may run code of the project, a library or code it does not
    /// show before or after a run: a name of a project module or a library
    /// that is not a quiet function or a coroutine function (see
    /// [`FunctionFacts::quiet`]), a builtin or standard function that loads
    /// code ([`loads_code`]), a name a star import may bind. Calls of the
    /// module's own functions are fine, as their code is read here too.
    /// What it is, and where.
    pub fn sync_code_not_quiet(&self, skip: TextRange) -> Option<(String, TextSize)> {
        let mut finder = LoudNames {
            semantic: self,
            skip,
            found: None,
        };
        for stmt in &self.module.body {
            finder.visit_stmt(stmt);
            if finder.found.is_some() {
                break;
            }
        }
        finder.found
    }

    /// Why reading `expr` (a name or attribute chain, loaded in `scope`)
    /// in synchronous code may run more than quiet code (see
    /// [`Self::sync_code_not_quiet`]).
    fn loud_name(&self, expr: &Expr, scope: ScopeId) -> Option<String> {
        let Some(qualified) = super::imports::qualified_name(self, expr, scope, false) else {
            let mut root = expr;
            while let Expr::Attribute(attribute) = root {
                root = &attribute.value;
            }
            return match root {
                Expr::Name(name)
                    if matches!(self.lookup(name.id.as_str(), scope), Lookup::Unknown) =>
                {
                    Some(format!("reads `{}`, which a star import may bind", name.id))
                }
                _ => None,
            };
        };
        let written = qualified.as_str();
        let top = qualified.module();
        if top == "builtins"
            || (!written.starts_with('.')
                && standard_module(top)
                && (is_built_in_module(top) || !self.project_shadows(top)))
        {
            return loads_code(written).then(|| {
                format!("reads `{written}`, which may load or run code asyncmod does not see")
            });
        }
        match self.resolve_imported(expr, scope) {
            Resolved::Function { facts, .. }
                if facts.quiet || (facts.is_async && facts.transparent && !facts.is_generator) =>
            {
                None
            }
            _ => Some(format!(
                "reads `{written}`, which asyncmod cannot show to run nothing of the project or a library"
            )),
        }
    }

    /// [`Self::resolve_imported`], and also a method called on a local
    /// object whose class the module shows: `repo.save` where `repo` is
    /// bound once in its scope, by `repo = Repo(...)` with `Repo` a class
    /// of the project (exactly that class), or a parameter annotated
    /// `repo: Repo` (that class or any subclass of the project).
    pub fn resolve_callee(&self, func: &Expr, scope: ScopeId) -> Resolved {
        self.resolve_callee_with_evidence(func, scope).0
    }

    /// [`Self::resolve_callee`], and what says which object the call is
    /// made on: [`ClassEvidence::Annotated`] when only a parameter's
    /// annotation says its class (`async def handle(s: Store)` …
    /// `s.save(x)`). Python does not enforce an annotation: a caller may
    /// pass any object (a duck-typed fake, a class registered with
    /// `ABC.register`, an implementation of a `Protocol`), so a fact that
    /// rests on one holds only as long as the callers honour it. A
    /// parameter whose default is anything but `None` shows in the
    /// module itself an object the annotation does not describe (`s:
    /// Store = Sync()`, `s: Store = SimpleNamespace(save=print)`): unknown.
    pub fn resolve_callee_with_evidence(
        &self,
        func: &Expr,
        scope: ScopeId,
    ) -> (Resolved, ClassEvidence) {
        let resolved = self.resolve_imported(func, scope);
        if resolved != Resolved::Unknown || self.project().is_none() {
            return (resolved, ClassEvidence::Made);
        }
        let Expr::Attribute(attribute) = func else {
            return (Resolved::Unknown, ClassEvidence::Made);
        };
        let Expr::Name(receiver) = attribute.value.as_ref() else {
            return (Resolved::Unknown, ClassEvidence::Made);
        };
        self.resolve_receiver_method(receiver, attribute.attr.as_str(), scope)
    }

    /// The method `method` of the object the local name `receiver` holds
    /// (see [`Self::resolve_callee_with_evidence`]).
    fn resolve_receiver_method(
        &self,
        receiver: &ast::ExprName,
        method: &str,
        scope: ScopeId,
    ) -> (Resolved, ClassEvidence) {
        const UNKNOWN: (Resolved, ClassEvidence) = (Resolved::Unknown, ClassEvidence::Made);
        let dynamic = self.dynamic_writes();
        if dynamic.any_instance_attribute() || dynamic.attributes.contains(method) {
            return UNKNOWN;
        }
        let name = receiver.id.as_str();
        let Lookup::Bound {
            scope: owner,
            bindings: [only],
        } = self.lookup(name, scope)
        else {
            return UNKNOWN;
        };
        if self.is_declared_global_or_nonlocal(name)
            || (owner == MODULE_SCOPE && dynamic.module_namespace)
        {
            return UNKNOWN;
        }
        let binding = self.binding(*only);
        let Some(project) = self.project() else {
            return UNKNOWN;
        };
        match (&binding.kind, binding.stmt) {
            (BindingKind::Parameter, Some(stmt)) => {
                let Some(parameter) = parameter_at(stmt, binding.range) else {
                    return UNKNOWN;
                };
                let Some(annotation) = parameter.annotation() else {
                    return UNKNOWN;
                };
                if parameter
                    .default()
                    .is_some_and(|default| !default.is_none_literal_expr())
                {
                    return UNKNOWN;
                }
                // Annotations are evaluated where the `def` is.
                let def_scope = self.scope_at(stmt.start());
                let Resolved::Class { qualified, .. } =
                    self.resolve_imported(annotation, def_scope)
                else {
                    return UNKNOWN;
                };
                match project.facts.method(&qualified, method) {
                    // A stub's subclasses fill it in, maybe outside the project.
                    Resolved::Function { ref facts, .. } if facts.stub => UNKNOWN,
                    found => (found, ClassEvidence::Annotated),
                }
            }
            (BindingKind::Assignment, Some(Stmt::Assign(assign))) => {
                let ([Expr::Name(target)], Expr::Call(call)) =
                    (assign.targets.as_slice(), assign.value.as_ref())
                else {
                    return UNKNOWN;
                };
                if target.range != binding.range {
                    return UNKNOWN;
                }
                let Resolved::Class { qualified, .. } =
                    self.resolve_imported(&call.func, self.scope_at(call.start()))
                else {
                    return UNKNOWN;
                };
                (
                    project.facts.instance_method(&qualified, method),
                    ClassEvidence::Made,
                )
            }
            _ => UNKNOWN,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::ProjectModule;
    use crate::engine::parse;
    use crate::index::ProjectIndex;
    use crate::index::layout::Layout;
    use crate::semantic::SemanticModel;
    use crate::semantic::coroutines::CallResult;

    /// The module `name` (`app.handlers`) of a project of `files`, with
    /// the directory that holds the project.
    fn module_of(files: &[(&str, &str)], name: &str) -> (tempfile::TempDir, ProjectModule) {
        let dir = crate::test_support::project_tree(files);
        let index = ProjectIndex::new(Layout::at(dir.path().to_path_buf()));
        let module_dir = name
            .rsplit_once('.')
            .map_or(dir.path().to_path_buf(), |(package, _)| {
                dir.path().join(package.replace('.', "/"))
            });
        let project = ProjectModule {
            facts: Arc::new(index),
            name: Some(name.to_string()),
            package: false,
            dir: Some(module_dir),
            file: None,
        };
        (dir, project)
    }

    /// A project of `files` around the module `name` (`app.handlers`),
    /// whose source is `source`: what its last call gives back.
    fn result_in(files: &[(&str, &str)], name: &str, source: &str) -> CallResult {
        let (_dir, project) = module_of(files, name);
        let parsed = parse(source).expect("parses");
        let semantic = SemanticModel::build_in(parsed.syntax(), Some(&project));
        // The last call of the source.
        let site = semantic
            .calls
            .iter()
            .max_by_key(|site| site.call.range_start)
            .expect("a call");
        semantic.call_result(site.call, site.scope)
    }

    /// Whether, in the module `name` of a project of `files`, an import of
    /// each of `modules` may find the project's own module.
    fn shadowed(files: &[(&str, &str)], name: &str, modules: &[&str]) -> Vec<bool> {
        let (_dir, project) = module_of(files, name);
        let parsed = parse("").expect("parses");
        let semantic = SemanticModel::build_in(parsed.syntax(), Some(&project));
        modules
            .iter()
            .map(|m| semantic.project_shadows(m))
            .collect()
    }

    /// What `imports_not_quiet` and `sync_code_not_quiet` say of `source`,
    /// the module `name` of a project of `files`.
    fn loud(files: &[(&str, &str)], name: &str, source: &str) -> (Option<String>, Option<String>) {
        let (_dir, project) = module_of(files, name);
        let parsed = parse(source).expect("parses");
        let semantic = SemanticModel::build_in(parsed.syntax(), Some(&project));
        (
            semantic.imports_not_quiet(),
            semantic
                .sync_code_not_quiet(ruff_text_size::TextRange::default())
                .map(|(what, _)| what),
        )
    }

    #[test]
    fn code_loading_names() {
        use super::loads_code;
        for name in [
            "builtins.exec",
            "builtins.getattr",
            "builtins.__import__",
            "builtins.__builtins__",
            "builtins.__dict__",
            "builtins.__spec__",
            "importlib.import_module",
            "importlib",
            "sys.modules",
            "gc.get_objects",
            "logging.config.dictConfig",
            "json.__loader__",
        ] {
            assert!(loads_code(name), "{name}");
        }
        for name in [
            "builtins.print",
            "builtins.__name__",
            "builtins.__file__",
            "sys.argv",
            "logging.getLogger",
            "json.dumps",
            "importlibx.load",
            "typing.cast",
        ] {
            assert!(!loads_code(name), "{name}");
        }
    }

    #[test]
    fn imports_and_names_of_quiet_modules() {
        let files = [
            ("app/__init__.py", ""),
            ("app/sub/__init__.py", "print('loud')\n"),
            ("app/sub/quiet.py", ""),
            (
                "app/server.py",
                "import asyncio\n\ndef banner(name):\n    return name.upper()\n\ndef plain(name):\n    return len(name)\n\nasync def main():\n    await asyncio.sleep(0)\n\nVALUE = 1\n",
            ),
            ("app/busy.py", "print('loud')\n"),
        ];
        let quiet = "import asyncio\nimport app.server\nfrom app import server\nfrom app.server import main, plain\nplain('x')\nasyncio.iscoroutinefunction(main)\n";
        assert_eq!(loud(&files, "main", quiet), (None, None));
        // `import app.sub.quiet` runs `app/sub/__init__.py` too.
        let (imports, _) = loud(&files, "main", "import app.sub.quiet\n");
        assert_eq!(
            imports.as_deref(),
            Some(
                "importing `app.sub` runs an expression statement at `app/sub/__init__.py:1`, which asyncmod cannot prove leaves the event loop alone"
            )
        );
        // So does running a module of that package.
        let (imports, _) = loud(&files, "app.sub.cli", "");
        assert!(imports.is_some_and(|reason| reason.starts_with("importing `app.sub` runs")));
        let (imports, _) = loud(&files, "main", "def later():\n    from app import busy\n");
        assert!(imports.is_some_and(|reason| reason.starts_with("importing `app.busy` runs")));
        let (imports, _) = loud(&files, "main", "from app.server import *\n");
        assert_eq!(
            imports.as_deref(),
            Some("the star import of `app.server` binds names asyncmod cannot follow")
        );
        for (source, what) in [
            (
                "from app.server import banner\nbanner('x')\n",
                "reads `app.server.banner`, which asyncmod cannot show to run nothing of the project or a library",
            ),
            (
                "from app.server import VALUE\nprint(VALUE)\n",
                "reads `app.server.VALUE`, which asyncmod cannot show to run nothing of the project or a library",
            ),
            (
                "import importlib\nimportlib.import_module('app.busy')\n",
                "reads `importlib.import_module`, which may load or run code asyncmod does not see",
            ),
            (
                "exec('import app.busy')\n",
                "reads `builtins.exec`, which may load or run code asyncmod does not see",
            ),
            (
                "import typing\ntyping.TYPE_CHECKING = True\n",
                "writes an attribute of `typing`",
            ),
            (
                "import app.server\ndef later():\n    return app.server.banner\n",
                "reads `app.server.banner`, which asyncmod cannot show to run nothing of the project or a library",
            ),
        ] {
            assert_eq!(
                loud(&files, "main", source).1.as_deref(),
                Some(what),
                "{source}"
            );
        }
        // A coroutine's body runs inside the run.
        assert_eq!(
            loud(
                &files,
                "main",
                "from app.server import banner\nasync def go():\n    banner('x')\n"
            )
            .1,
            None
        );
    }

    #[test]
    fn a_module_of_the_project_stands_in_for_a_library_of_that_name() {
        let files = [
            ("subprocess.py", ""),
            ("requests/__init__.py", ""),
            ("time.py", ""),
            ("lib/__init__.py", ""),
            ("trio/readme.txt", ""),
            ("tools/asyncio.py", ""),
            ("tools/run.py", ""),
        ];
        assert_eq!(
            shadowed(
                &files,
                "app",
                &[
                    "subprocess.run",
                    "requests",
                    "time",
                    "lib.x",
                    "trio",
                    "asyncio",
                    "os"
                ]
            ),
            // `time` is built in; `lib` is no library asyncmod knows; a
            // directory without `__init__.py` loses to a regular module.
            [true, true, false, false, false, false, false]
        );
        // A script in tools/ finds tools/asyncio.py first.
        assert_eq!(
            shadowed(&files, "tools.run", &["asyncio.sleep", "os"]),
            [true, false]
        );
    }

    const STORE: (&str, &str) = (
        "service/store.py",
        "async def save(r):\n    return r\n\ndef load():\n    pass\n",
    );

    #[test]
    fn imported_functions_of_the_project() {
        use CallResult::*;
        let init = ("service/__init__.py", "");
        for (source, expected) in [
            ("from service.store import save\nsave(1)\n", Coroutine),
            ("from service import store\nstore.save(1)\n", Coroutine),
            ("import service.store as s\ns.save(1)\n", Coroutine),
            ("import service.store\nservice.store.save(1)\n", Coroutine),
            ("from service.store import load\nload()\n", NotCoroutine),
            ("from .store import save\nsave(1)\n", Coroutine),
            // Above the top package: an ImportError, nothing to say.
            ("from ..store import save\nsave(1)\n", Unknown),
            // This module replaces the function.
            (
                "from service import store\nstore.save = print\nstore.save(1)\n",
                Unknown,
            ),
            (
                "from service.store import save\nsave = wrap(save)\nsave(1)\n",
                Unknown,
            ),
        ] {
            assert_eq!(
                result_in(&[init, STORE], "service.handlers", source),
                expected,
                "{source}"
            );
        }
    }

    #[test]
    fn libraries_outside_the_project_come_from_the_table() {
        use CallResult::*;
        for (source, expected) in [
            ("import websockets\nwebsockets.serve(h, 'x', 1)\n", Future),
            ("import asyncpg\nasyncpg.connect(dsn)\n", Coroutine),
            ("from acme import fetch\nfetch()\n", Unknown),
        ] {
            assert_eq!(result_in(&[], "app", source), expected, "{source}");
        }
        // A project module named like the library is the project's.
        assert_eq!(
            result_in(
                &[("websockets.py", "async def serve(*a):\n    pass\n")],
                "app",
                "import websockets\nwebsockets.serve(h, 'x', 1)\n"
            ),
            Coroutine
        );
    }

    #[test]
    fn a_module_beside_a_script_may_win() {
        // `tools/run.py` run as a script finds `tools/store.py` first.
        let files = [
            ("store.py", "async def save():\n    pass\n"),
            ("tools/store.py", "def save():\n    pass\n"),
        ];
        assert_eq!(
            result_in(&files, "tools.run", "import store\nstore.save()\n"),
            CallResult::Unknown
        );
        assert_eq!(
            result_in(&files[..1], "tools.run", "import store\nstore.save()\n"),
            CallResult::Coroutine
        );
    }

    /// `self.flush()` in a method of the class that defines `flush` asks
    /// the project about subclasses in other modules.
    #[test]
    fn methods_on_self_with_subclasses_elsewhere() {
        let base = "class Base:\n    async def flush(self):\n        return 1\n\n    async def run(self):\n        self.flush()\n";
        let result = |sub: &str| {
            result_in(
                &[
                    ("svc/__init__.py", ""),
                    ("svc/base.py", base),
                    ("svc/sub.py", sub),
                ],
                "svc.base",
                base,
            )
        };
        // A plain `def` override in another module.
        assert_eq!(
            result(
                "from svc.base import Base\nclass Sub(Base):\n    def flush(self):\n        return None\n"
            ),
            CallResult::Unknown
        );
        // A base the index cannot read may be `Base`.
        assert_eq!(
            result(
                "import svc.base\nclass Sub(getattr(svc.base, 'Base')):\n    def flush(self):\n        return None\n"
            ),
            CallResult::Unknown
        );
        // An `async def` override, or a subclass that leaves it alone.
        assert_eq!(
            result(
                "from svc.base import Base\nclass Sub(Base):\n    async def flush(self):\n        return None\n\nclass Other(Base):\n    def close(self):\n        return None\n"
            ),
            CallResult::Coroutine
        );
    }

    /// `self.save()` in a method of a class whose base, in another module,
    /// may change what its instances find: a metaclass, `__getattribute__`,
    /// `__getattr__`, `__init_subclass__`, on the base or its own bases.
    #[test]
    fn methods_on_self_with_bases_elsewhere() {
        let service = "from .base import Base\nclass Service(Base):\n    async def save(self):\n        return 1\n\n    async def flush(self):\n        self.save()\n";
        let result = |base: &str| {
            result_in(
                &[
                    ("app/__init__.py", ""),
                    ("app/base.py", base),
                    ("app/root.py", "class Root:\n    pass\n"),
                    ("app/service.py", service),
                ],
                "app.service",
                service,
            )
        };
        for base in [
            "class Meta(type):\n    pass\nclass Base(metaclass=Meta):\n    pass\n",
            "import six\n@six.add_metaclass(type)\nclass Base:\n    pass\n",
            "class Base:\n    def __getattribute__(self, name):\n        return object.__getattribute__(self, name)\n",
            "class Base:\n    def __getattr__(self, name):\n        return None\n",
            "class Base:\n    def __init_subclass__(cls):\n        pass\n",
            "class Meta(type):\n    pass\nclass Root(metaclass=Meta):\n    pass\nclass Base(Root):\n    pass\n",
            "class Base(make_base()):\n    pass\n",
        ] {
            assert_eq!(result(base), CallResult::Unknown, "{base}");
        }
        for base in [
            "class Base:\n    pass\n",
            "import abc\nclass Base(metaclass=abc.ABCMeta):\n    pass\n",
            "from abc import ABC\nclass Base(ABC):\n    pass\n",
            "from .root import Root\nclass Base(Root):\n    pass\n",
        ] {
            assert_eq!(result(base), CallResult::Coroutine, "{base}");
        }
    }

    #[test]
    fn methods_of_project_classes() {
        use CallResult::*;
        let files = [(
            "db.py",
            "class Repo:\n    async def put(self):\n        return 1\n    def size(self):\n        print(1)\n    async def todo(self):\n        pass\n\nclass Odd:\n    def __new__(cls):\n        return 1\n    async def put(self):\n        return 1\n\nclass Base:\n    async def run(self):\n        return 1\n\nclass Child(Base):\n    def run(self):\n        return None\n",
        )];
        for (source, expected) in [
            (
                "from db import Repo\nasync def f():\n    r = Repo()\n    r.put()\n",
                Coroutine,
            ),
            (
                "from db import Repo\nasync def f(r: Repo):\n    r.put()\n",
                Coroutine,
            ),
            (
                "from db import Repo\nasync def f(r: Repo):\n    r.size()\n",
                NotCoroutine,
            ),
            // A stub through an annotation: a subclass elsewhere fills it in.
            (
                "from db import Repo\nasync def f(r: Repo):\n    r.todo()\n",
                Unknown,
            ),
            // `__new__` may make anything.
            (
                "from db import Odd\nasync def f():\n    r = Odd()\n    r.put()\n",
                Unknown,
            ),
            // Bound twice.
            (
                "from db import Repo\nasync def f(x):\n    r = Repo()\n    r = x\n    r.put()\n",
                Unknown,
            ),
            // A subclass overrides it with a plain `def`.
            (
                "from db import Base\nasync def f(b: Base):\n    b.run()\n",
                Unknown,
            ),
            // Exactly a `Base`: its own method.
            (
                "from db import Base\nasync def f():\n    b = Base()\n    b.run()\n",
                Coroutine,
            ),
        ] {
            assert_eq!(result_in(&files, "app", source), expected, "{source}");
        }
    }

    /// Only an annotation says the class of a parameter: a fact that rests
    /// on the callers; a default other than `None` shows an object the
    /// annotation does not describe.
    #[test]
    fn a_parameter_annotation_is_evidence_callers_may_not_honour() {
        use super::super::receivers::ClassEvidence::{self, *};
        let files = [(
            "db.py",
            "class Repo:\n    async def put(self):\n        return 1\n\nclass Sync:\n    def put(self):\n        return 1\n",
        )];
        let evidence = |source: &str| -> Option<ClassEvidence> {
            let (_dir, project) = module_of(&files, "app");
            let parsed = parse(source).expect("parses");
            let semantic = SemanticModel::build_in(parsed.syntax(), Some(&project));
            let site = semantic
                .calls
                .iter()
                .max_by_key(|site| site.call.range_start)
                .expect("a call");
            semantic
                .imported_coroutine_function(&site.call.func, site.scope)
                .map(|function| function.evidence)
        };
        for (source, expected) in [
            (
                "from db import Repo\nasync def f():\n    r = Repo()\n    r.put()\n",
                Some(Made),
            ),
            (
                "from db import Repo\nasync def f(r: Repo):\n    r.put()\n",
                Some(Annotated),
            ),
            (
                "from db import Repo\nasync def f(r: Repo = None):\n    r.put()\n",
                Some(Annotated),
            ),
            (
                "from db import Repo, Sync\nasync def f(r: Repo = Sync()):\n    r.put()\n",
                None,
            ),
            (
                "from db import Repo, Sync\nasync def f(*, r: Repo = Sync()):\n    r.put()\n",
                None,
            ),
        ] {
            assert_eq!(evidence(source), expected, "{source}");
        }
    }
}
