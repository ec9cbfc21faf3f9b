//! Whether a coroutine lets its cancellation out. When a task is cancelled
//! (`task.cancel()`, or Ctrl-C under `asyncio.run` from Python 3.11), a
//! `CancelledError` is thrown into its coroutine where it waits; a
//! coroutine that catches it and goes on (`except CancelledError:
//! print("stopped")`, a `return` in a `finally:`, `suppress(...)`) ends
//! normally instead of cancelled, and whoever waits for it sees a result.
//!
//! The question is asked of the module's own code: the body of the
//! coroutine function, and the bodies of the module's functions it calls
//! (awaited, wrapped in a task, entered as an async context manager,
//! iterated), to a bounded depth and number. A handler counts only around
//! code that can suspend (an `await`, `async for`, `async with` or
//! `yield`): elsewhere no cancellation arrives. A context manager whose exit
//! may return true or raise another exception keeps it too (the caller sees
//! a result, or that exception), and so does an exit stack given such a
//! callback or manager. A function of the module wrapped by a decorator the
//! module cannot see through runs the decorator's wrapper: in a module with
//! a coroutine that may keep it, that wrapper may be one. A coroutine of
//! another module of the project is answered by its summary: its own body,
//! or (a decorated function, an alias, a name the index cannot follow) the
//! same module-wide rule. The summary keeps, for each function, the
//! imported names its code calls and cannot read, and the awaited calls it
//! cannot trace; the index follows them through the project (see
//! `ProjectFacts::calls_may_keep_cancellation`). It keeps too what its
//! handlers, `finally:` clauses and managers name and the module cannot
//! read (an exception class or tuple imported from another module, a
//! function called in cleanup, an exit callback; see [`LeftToProject`]),
//! which the index answers from the modules that define them. In a module that imports
//! a coroutine that may keep it, an awaitable the walk cannot trace may be
//! that one: when the module uses the import as a value (`job = h`), for a
//! method call whose name such a coroutine bears, and for a task or
//! coroutine held in an attribute or a variable. Library code, and
//! asyncio's own, is taken to let the cancellation out; the coroutine
//! asked about itself must be the module's, the project's or asyncio's,
//! else the answer is "unknown".

use crate::semantic::project::Resolved;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, ExceptHandler, Expr, ExprCall, Stmt, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashSet;
use std::cell::RefCell;

use super::functions::Callee;
use super::scope::{ScopeKind, ScopeNode};
use super::statements::blocks_of;
use super::suspension::catching_names;
use super::{ScopeId, SemanticModel};
use crate::version::PyVersion;

/// How deep calls are followed from the coroutine asked about.
const MAX_DEPTH: u8 = 6;
/// How many functions are read at most.
const MAX_FUNCTIONS: usize = 64;
/// What [`CancellationFacts::untraced`] holds for an awaited value that is
/// no call (`await self.task`).
pub const UNTRACED_VALUE: &str = "=";
/// What [`CancellationFacts::untraced`] holds for an awaited call of a
/// function read out of a container or made by a call (`HANDLERS[name]()`).
pub const UNTRACED_ITEM: &str = "[]";

/// Where a coroutine may keep its cancellation from propagating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptCancellation {
    /// An `except` that may catch `CancelledError` and does not end in `raise`.
    Handler(TextRange),
    /// A `return`, `break` or `continue` in a `finally:`, which drops the
    /// exception in flight.
    Finally(TextRange),
    /// A context manager that may suppress it or raise another exception in
    /// its place: `suppress(CancelledError)`, a class of the module whose
    /// `__exit__` or `__aexit__` may return true or raise, an exit stack
    /// given such a callback or manager.
    ContextManager(TextRange),
    /// A function wrapped by a decorator that may replace it, in a module
    /// with a coroutine that may keep it (the wrapper may be that one).
    Wrapped(TextRange),
    /// A coroutine of another module of the project whose summary says its
    /// body may keep it (one of the above, there).
    Elsewhere(TextRange),
    /// An awaitable the walk cannot trace to any name, in a module that
    /// uses an import that may give a coroutine keeping it as a value, or
    /// that imports a coroutine of the method's name that may keep it.
    Untraced(TextRange),
    /// A function read out of a container or made by a call
    /// (`HANDLERS[name]()`), in a module with a coroutine that may keep it
    /// or whose imports reach one: a registry may hold that one.
    Registry(TextRange),
    /// A coroutine the module does not show: imported, a method of another
    /// object, a variable.
    Unknown(TextRange),
    /// Calls nest deeper, or reach more functions, than the analysis reads.
    TooDeep(TextRange),
    /// Code the analysis cannot follow: a method of a module imported at
    /// run time (`importlib.import_module(…)`), a class's dunder or a
    /// class attribute bound to a value it cannot read (written after the
    /// class body, by `setattr`, by a decorator, in a `type(…)` namespace).
    Unfollowed(TextRange),
}

impl KeptCancellation {
    pub fn range(self) -> TextRange {
        match self {
            KeptCancellation::Handler(range)
            | KeptCancellation::Finally(range)
            | KeptCancellation::ContextManager(range)
            | KeptCancellation::Wrapped(range)
            | KeptCancellation::Elsewhere(range)
            | KeptCancellation::Untraced(range)
            | KeptCancellation::Registry(range)
            | KeptCancellation::Unknown(range)
            | KeptCancellation::TooDeep(range)
            | KeptCancellation::Unfollowed(range) => range,
        }
    }

    /// What keeps it, in a few words.
    pub fn describe(self) -> &'static str {
        match self {
            KeptCancellation::Handler(_) => "a handler that may catch `CancelledError` and go on",
            KeptCancellation::Finally(_) => {
                "a `finally:` that returns, breaks, continues or raises"
            }
            KeptCancellation::ContextManager(_) => {
                "a context manager or exit stack that may suppress it or raise another exception"
            }
            KeptCancellation::Wrapped(_) => {
                "a decorated function, in a module with a coroutine that may keep it (the decorator's wrapper may be one)"
            }
            KeptCancellation::Elsewhere(_) => {
                "a coroutine of another project module that may keep it, or a name there the index cannot follow in a module with one that may"
            }
            KeptCancellation::Untraced(_) => {
                "an awaitable the analysis cannot trace, in a module that uses an import that may give a coroutine keeping it as a value, or that imports a coroutine of that method's name that may keep it"
            }
            KeptCancellation::Registry(_) => {
                "a function read out of a container or made by a call, in a module that has a coroutine that may keep it or imports (directly or through others) one that may: the container may hold that one"
            }
            KeptCancellation::Unknown(_) => "a coroutine whose code the module does not show",
            KeptCancellation::TooDeep(_) => "calls nested deeper than the analysis follows",
            KeptCancellation::Unfollowed(_) => {
                "code the analysis cannot follow (a module imported at run time, a class's method or dunder bound to a value it cannot read)"
            }
        }
    }
}

impl<'a> SemanticModel<'a> {
    /// Where the coroutine that `call` (running in `scope`) returns may
    /// keep a cancellation thrown into it from propagating (see the module
    /// doc); `None` when it surely lets it out. `target`: before Python 3.8
    /// `CancelledError` derives from `Exception`, which `except Exception:`
    /// then catches.
    pub fn kept_cancellation(
        &self,
        call: &ExprCall,
        scope: ScopeId,
        target: PyVersion,
    ) -> Option<KeptCancellation> {
        self.walk(target, true).call(call, scope, true, 0, true)
    }

    /// [`Self::kept_cancellation`] for an awaitable: a call, or an
    /// attribute that a property (any decorated method) of a class of the
    /// module may compute, whose getter's returned calls are read; a getter
    /// whose result cannot be followed, in a module with a coroutine that
    /// may keep it, may give that one. Other expressions are not followed
    /// (`None`).
    pub fn kept_cancellation_of(
        &self,
        awaitable: &Expr,
        scope: ScopeId,
        target: PyVersion,
    ) -> Option<KeptCancellation> {
        match awaitable {
            Expr::Call(call) => self.kept_cancellation(call, scope, target),
            Expr::Name(_) => match self.task_coroutine(awaitable, scope) {
                Some((call, at)) => self.kept_cancellation(call, at, target),
                None => self.untraced_value(awaitable),
            },
            Expr::Attribute(attribute) => {
                let mut walk = self.walk(target, true);
                let mut getters = 0;
                for getter in walk.functions_named(attribute.attr.as_str()) {
                    if getter.decorator_list.is_empty()
                        || !self
                            .scope_of_function(getter)
                            .and_then(|inner| self.scope(inner).parent)
                            .is_some_and(|outer| self.scope(outer).kind == ScopeKind::Class)
                    {
                        continue;
                    }
                    getters += 1;
                    if let Some(kept) = walk.getter(getter, attribute.range()) {
                        return Some(kept);
                    }
                }
                // `ready = property(_get)`, `ready = other.ready`: bound in a
                // class of the module otherwise than by a `def`, it may
                // compute any awaitable.
                if self.class_binds_otherwise(attribute.attr.as_str())
                    && self.cancellation_keeper_in_reach()
                {
                    return Some(KeptCancellation::Wrapped(attribute.range()));
                }
                // Another object's attribute (`self.task`): a task or
                // coroutine stored there may be one an import gives.
                if getters == 0 {
                    return self.untraced_value(awaitable);
                }
                None
            }
            _ => self.untraced_value(awaitable),
        }
    }

    /// An awaitable value the walk cannot trace (a task or coroutine held
    /// in an attribute, a parameter, a container), in a module that imports
    /// a coroutine that may keep a cancellation: it may be that one's.
    fn untraced_value(&self, awaitable: &Expr) -> Option<KeptCancellation> {
        self.imported_cancellation_keeper()
            .map(|_| KeptCancellation::Untraced(awaitable.range()))
    }

    /// Whether the module's class `class` (or a base of it the module
    /// defines) has an `__exit__` or `__aexit__` that may keep a
    /// cancellation: return true, raise another exception, or be bound
    /// otherwise than by a `def`; for the project index's summary.
    pub fn class_exit_may_keep_cancellation(&self, class: &ast::StmtClassDef) -> bool {
        class_may_suppress(self, class, self.scope_at(class.start()), 0, None)
    }

    /// Whether calling the module-level name that `stmt` binds makes a
    /// context manager that may keep a cancellation: a generator function
    /// (`@contextmanager`) with a handler, `finally:` or manager around its
    /// `yield` that may keep it, or a name bound to `functools.partial` of
    /// such a manager (`quiet = partial(suppress, CancelledError)`); for
    /// the project index's summary, beside the classes whose exit may.
    pub fn manager_factory_may_keep(&self, stmt: &'a Stmt) -> bool {
        let walk = self.walk(PyVersion::PY38, false);
        match stmt {
            Stmt::FunctionDef(def) if !def.is_async && super::functions::is_generator(def) => self
                .scope_of_function(def)
                .is_some_and(|inner| walk.body(&def.body, inner).is_some()),
            Stmt::Assign(assign) => {
                let ([Expr::Name(_)], Expr::Call(partial)) =
                    (assign.targets.as_slice(), assign.value.as_ref())
                else {
                    return false;
                };
                let scope = self.scope_at(stmt.start());
                // `Guard = type("Guard", (), {"__aexit__": _exit})`: a class
                // whose namespace may bind an exit (or whose bases may).
                if self.refers_to(&partial.func, scope, "builtins.type")
                    && let [_, bases, namespace] = partial.arguments.args.as_ref()
                {
                    let plain = match namespace {
                        Expr::Dict(dict) => dict.items.iter().all(|item| {
                            matches!(&item.key, Some(Expr::StringLiteral(key))
                                if !matches!(key.value.to_str(), "__exit__" | "__aexit__"))
                        }),
                        _ => false,
                    };
                    let no_bases = matches!(bases, Expr::Tuple(tuple) if tuple.elts.is_empty());
                    return !(plain && no_bases);
                }
                partial_of(self, partial, scope, &[], &[])
                    .is_some_and(|(made, at)| walk.may_suppress(&Expr::Call(made), at, 1))
            }
            _ => false,
        }
    }

    /// The coroutine call a task held in a name was made from: `task =
    /// asyncio.create_task(job())` (or `loop.create_task`, `tg.create_task`,
    /// `asyncio.ensure_future`), the name's only binding in its scope and
    /// declared neither `global` nor `nonlocal`; with the scope the call
    /// runs in. A task passes a cancellation on to its coroutine and ends
    /// as it does.
    pub fn task_coroutine(&self, expr: &Expr, scope: ScopeId) -> Option<(&'a ExprCall, ScopeId)> {
        let (make, owner) = assigned_call(self, expr, scope)?;
        if !make.arguments.keywords.is_empty() {
            return None;
        }
        let makes_task = match make.func.as_ref() {
            Expr::Attribute(attribute) if attribute.attr.as_str() == "create_task" => true,
            func => self.qualified_name(func, owner).is_some_and(|q| {
                matches!(q.as_str(), "asyncio.create_task" | "asyncio.ensure_future")
            }),
        };
        match make.arguments.args.as_ref() {
            [Expr::Call(coroutine)] if makes_task => Some((coroutine, owner)),
            _ => None,
        }
    }

    fn walk(&self, target: PyVersion, wrapped: bool) -> Walk<'_, 'a> {
        let mut wanted = catching_names("CancelledError");
        if target < PyVersion::PY38 {
            wanted.push("Exception");
        }
        Walk {
            semantic: self,
            wanted,
            read: FxHashSet::default(),
            wrapped,
            calls: Vec::new(),
            untraced: Vec::new(),
            left: RefCell::default(),
            raising_read: RefCell::default(),
        }
    }

    /// The first coroutine function (or async generator) of the module
    /// whose own body (and the module's code it calls) may keep a
    /// cancellation thrown into it: a call or an awaitable the module
    /// cannot follow (an alias, a decorated function, a task, a parameter)
    /// may be one of it. A function decorated by a context manager that
    /// `contextlib.ContextDecorator` or `AsyncContextDecorator` turns into
    /// a decorator counts too (see [`Self::decorator_may_enter_keeper`]):
    /// the library's wrapper enters the manager around the call. Computed
    /// once.
    pub fn coroutine_keeping_cancellation(&self) -> Option<&'a StmtFunctionDef> {
        self.keeping_coroutine
            .get_or_init(|| {
                self.scopes.iter().find_map(|scope| match scope.node {
                    ScopeNode::Function(def)
                        if def.is_async
                            && self
                                .walk(PyVersion::PY38, false)
                                .function(def, true, 0)
                                .is_some() =>
                    {
                        Some(def)
                    }
                    _ => None,
                })
            })
            .or_else(|| {
                *self.context_decorated.get_or_init(|| {
                    self.scopes.iter().find_map(|scope| match scope.node {
                        ScopeNode::Function(def) if self.decorated_by_keeping_manager(def) => {
                            Some(def)
                        }
                        _ => None,
                    })
                })
            })
    }

    /// Whether a decorator of `def` may be a context manager that keeps a
    /// cancellation, entered around each call by the wrapper of
    /// `contextlib.ContextDecorator` or `AsyncContextDecorator` (see
    /// [`Self::decorator_may_enter_keeper`]).
    pub fn decorated_by_keeping_manager(&self, def: &StmtFunctionDef) -> bool {
        if def.decorator_list.is_empty() || self.keeps_coroutine_function(def) {
            return false;
        }
        let scope = self.scope_at(def.start());
        def.decorator_list
            .iter()
            .any(|decorator| self.decorator_may_enter_keeper(&decorator.expression, scope))
    }

    /// Whether `decorator`, evaluated in `scope`, may be a context manager
    /// whose exit may keep a cancellation and that a `contextlib` context
    /// decorator base makes a decorator of (`@Tx()`, `@transaction` bound
    /// to `Tx()`, `@db.transaction()`): a class of the module that derives
    /// (or may derive) from one with such an exit, called, or a name bound
    /// once to a call of it; a function of the module returning one; a
    /// name the project index answers for (see
    /// [`super::project::ProjectFacts::decorator_may_enter_keeper`]); a
    /// name the module cannot follow (a method of an instance), in a module
    /// that defines such a class. A function of the module used as a
    /// decorator is its own wrapper, which the walk reads.
    pub fn decorator_may_enter_keeper(&self, decorator: &Expr, scope: ScopeId) -> bool {
        let (callee, called) = match decorator {
            Expr::Call(call) => (call.func.as_ref(), true),
            other => (other, false),
        };
        let class_keeps = |class: &ast::StmtClassDef, at: ScopeId| {
            may_be_context_decorator(self, class, at, 0)
                && self.class_exit_may_keep_cancellation(class)
        };
        match self.callee(callee, scope) {
            Callee::Class(class) => class_keeps(class, scope),
            Callee::Function(def) => {
                if !called || def.is_async {
                    return false;
                }
                let Some(inner) = self.scope_of_function(def) else {
                    return true;
                };
                let mut returns = Returns::default();
                returns.visit_body(&def.body);
                returns.calls.iter().any(|made| {
                    matches!(self.callee(&made.func, inner), Callee::Class(class) if class_keeps(class, inner))
                })
            }
            Callee::Unknown => {
                // `transaction = Tx()`, then `@transaction`.
                if !called
                    && let Some((made, at)) = assigned_call(self, callee, scope)
                    && let Callee::Class(class) = self.callee(&made.func, at)
                {
                    return class_keeps(class, at);
                }
                if let Some(project) = self.project()
                    && let Some(qualified) = followed_name(self, callee, scope)
                    && let Some(absolute) = project.absolute(&qualified)
                {
                    return project.facts.decorator_may_enter_keeper(&absolute);
                }
                if followed_name(self, callee, scope).is_some() {
                    return false;
                }
                self.scopes.iter().any(|each| match each.node {
                    ScopeNode::Class(class) => class_keeps(class, self.scope_at(class.start())),
                    _ => false,
                })
            }
        }
    }

    /// Whether calling the function `def` of the module may raise an
    /// exception of its own (in a handler or a `finally:`, it replaces a
    /// cancellation): a `raise` in its own frame (see [`raises_another`]),
    /// or a call there of a function of the module that may (followed to
    /// a bounded depth); with the imported names called on the way, which
    /// the project index answers (see [`LeftToProject::cleanups`]). For
    /// the index's summary.
    pub fn raising_facts(&self, def: &StmtFunctionDef) -> (bool, Vec<String>, Vec<String>) {
        let walk = self.walk(PyVersion::PY38, false);
        let raises = walk.function_may_raise(def, 0);
        let mut left = walk.left.into_inner();
        left.tidy();
        (raises, left.cleanups, left.own_cleanups)
    }

    /// What the module's coroutine functions leave to the project (see
    /// [`LeftToProject`]), all together: a name of the module the index
    /// cannot follow may be any of them (see
    /// [`Self::coroutine_keeping_cancellation`]), for the project index's
    /// summary.
    pub fn cancellation_left_to_project(&self) -> LeftToProject {
        let mut left = LeftToProject::default();
        for scope in self.scopes.iter() {
            let ScopeNode::Function(def) = scope.node else {
                continue;
            };
            if !def.is_async {
                continue;
            }
            let mut walk = self.walk(PyVersion::PY38, false);
            walk.function(def, true, 0);
            let each = walk.left.into_inner();
            left.catches.extend(each.catches);
            left.cleanups.extend(each.cleanups);
            left.exits.extend(each.exits);
            left.managers.extend(each.managers);
            left.reads.extend(each.reads);
            left.own_managers.extend(each.own_managers);
            left.own_cleanups.extend(each.own_cleanups);
        }
        left.tidy();
        left
    }

    /// Where the statements `body` of a coroutine (running in `scope`) may
    /// keep an exception of the builtin class `class` thrown in at one of
    /// their suspension points and go on: the walk's answer for the
    /// coroutine's own handlers, `finally:` clauses and context managers
    /// (see [`Self::kept_cancellation`]), asked for another class
    /// (`GeneratorExit`, which `coro.close()` throws), and an exit stack
    /// they give a callback or manager that may keep it. The functions
    /// they call are not followed.
    pub fn statements_may_keep(
        &self,
        body: &[Stmt],
        scope: ScopeId,
        class: &'static str,
    ) -> Option<KeptCancellation> {
        let mut walk = self.walk(PyVersion::PY38, false);
        walk.wanted = catching_names(class);
        if let Some(kept) = walk.body(body, scope) {
            return Some(kept);
        }
        let (Some(first), Some(last)) = (body.first(), body.last()) else {
            return None;
        };
        let span = TextRange::new(first.start(), last.end());
        self.calls
            .iter()
            .filter(|site| {
                span.contains_range(site.call.range()) && walk.own_frame(site.scope) == scope
            })
            .find(|site| walk.exit_stack_may_keep(site.call, site.scope))
            .map(|site| KeptCancellation::ContextManager(site.call.range()))
    }

    /// Whether the coroutine function `def` surely lets a cancellation
    /// thrown into it out (Python 3.8 and later, where `CancelledError` is
    /// no `Exception`): what [`Self::kept_cancellation`] asks of the
    /// coroutine a call of it returns, for the project index's summary.
    pub fn lets_cancellation_out(&self, def: &'a StmtFunctionDef) -> bool {
        self.cancellation_facts(def).lets_out
    }

    /// What the project index keeps of the cancellation of `def`'s
    /// coroutine (see [`CancellationFacts`]).
    pub fn cancellation_facts(&self, def: &'a StmtFunctionDef) -> CancellationFacts {
        let mut walk = self.walk(PyVersion::PY38, true);
        let kept = walk.function(def, true, 0);
        let mut calls = walk.calls;
        calls.sort_unstable();
        calls.dedup();
        // A plain function's returned calls are awaited only where its
        // caller awaits it: the index does not ask it for them.
        // A function out of a container is asked of the caller's reach.
        let mut untraced = if def.is_async {
            walk.untraced
        } else {
            walk.untraced
                .into_iter()
                .filter(|name| name == UNTRACED_ITEM)
                .collect()
        };
        untraced.sort_unstable();
        untraced.dedup();
        let mut left = walk.left.into_inner();
        left.tidy();
        CancellationFacts {
            left,
            // A library's coroutine a plain function returns is trusted.
            lets_out: matches!(kept, None | Some(KeptCancellation::Unknown(_))),
            calls,
            untraced,
        }
    }

    /// The import paths (as the module wrote them) of the imports the
    /// module uses as values, not only to call what they name (`job = h`,
    /// `{"h": h}`, `partial(h)`, `run(h)`, `getattr(c, "h")`, `class
    /// Sub(Base)`, `lambda: h()`): what they give may then reach any
    /// awaitable the walk cannot trace. Annotations, type arguments
    /// (`Union[A, B]`) and imports for type checkers only do not count.
    pub fn escaping_imports(&self) -> Vec<String> {
        let mut names = Escaping::default();
        names.visit_body(&self.module.body);
        let mut found: Vec<String> = Vec::new();
        for (name, tail) in &names.values {
            for (_, binding) in self.bindings_named(name) {
                if let Some(path) = binding.kind.import_path()
                    && !names
                        .typing_only
                        .iter()
                        .any(|block| block.contains_range(binding.range))
                {
                    let value = format!("{path}{tail}");
                    if !found.contains(&value) {
                        found.push(value);
                    }
                }
            }
        }
        found
    }

    /// An import of the module (its absolute path) that the project index
    /// says may be, give or hold a coroutine that keeps a cancellation
    /// thrown into it (see
    /// [`super::project::ProjectFacts::may_keep_cancellation`]): an
    /// awaitable the walk cannot trace, in such a module, may be that one.
    /// Computed once.
    pub fn imported_cancellation_keeper(&self) -> Option<&str> {
        self.keeper_imports().paths.first().map(String::as_str)
    }

    /// The imports that may give a coroutine keeping a cancellation, and
    /// whether the module uses one as a value (see
    /// [`Self::escaping_imports`]).
    fn keeper_imports(&self) -> &KeeperImports {
        self.imported_keeper.get_or_init(|| {
            let Some(project) = self.project() else {
                return KeeperImports::default();
            };
            let mut keepers = KeeperImports::default();
            for binding in &self.bindings {
                let Some(path) = binding.kind.import_path() else {
                    continue;
                };
                let Some(absolute) = project.absolute(path) else {
                    continue;
                };
                if !keepers.paths.contains(&absolute)
                    && project.facts.import_may_keep_cancellation(&absolute)
                {
                    keepers.paths.push(absolute);
                }
            }
            // A class used as a value makes instances: their methods are
            // matched by name.
            if !keepers.paths.is_empty() {
                keepers.escaping = self.escaping_imports().into_iter().any(|path| {
                    project.absolute(&path).is_some_and(|absolute| {
                        !matches!(project.facts.resolve(&absolute), Resolved::Class { .. })
                            && project.facts.import_may_keep_cancellation(&absolute)
                    })
                });
            }
            keepers
        })
    }

    /// Whether an awaited call the walk cannot trace to any name (`fn()`
    /// of a parameter, `self.worker.run()`) may be a coroutine that keeps a
    /// cancellation: the module uses an import that may give one as a
    /// value, or (a method call) an import that may keep it is or comes
    /// from a module with a coroutine function or method of that name that
    /// may.
    pub fn untraced_may_keep_cancellation(&self, func: &Expr) -> bool {
        let keepers = self.keeper_imports();
        if keepers.escaping {
            return true;
        }
        let (Expr::Attribute(attribute), Some(project)) = (func, self.project()) else {
            return false;
        };
        keepers.paths.iter().any(|path| {
            project
                .facts
                .keeping_coroutine_named(path, attribute.attr.as_str())
        })
    }

    /// Whether the module uses, as a value, an import that may give a
    /// coroutine keeping a cancellation (see [`Self::escaping_imports`]).
    pub fn keeper_import_escapes(&self) -> bool {
        self.keeper_imports().escaping
    }

    /// Whether a coroutine that keeps its cancellation is within reach of
    /// code the walk cannot trace: one of the module's own, or one an
    /// import may give.
    pub fn cancellation_keeper_in_reach(&self) -> bool {
        self.coroutine_keeping_cancellation().is_some()
            || self.imported_cancellation_keeper().is_some()
    }

    /// Whether a project module the module's imports reach (the module
    /// imported, its packages, and what they import at their top level,
    /// transitively) has a coroutine that may keep a cancellation: a
    /// function read out of a registry may be it.
    pub fn imports_reach_cancellation_keeper(&self) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        let reaches = |path: &str| {
            project
                .absolute(path)
                .is_some_and(|absolute| project.facts.import_reaches_cancellation_keeper(&absolute))
        };
        // `import a.b` binds `a` but runs `a.b` too.
        let mut modules = ImportedModules::default();
        modules.visit_body(&self.module.body);
        modules.0.iter().any(|path| reaches(path))
            || self
                .bindings
                .iter()
                .any(|binding| binding.kind.import_path().is_some_and(reaches))
    }

    /// Whether a class of the module binds `name` in its body otherwise
    /// than by a `def` (`ready = property(_get)`, `run = staticmethod(h)`).
    fn class_binds_otherwise(&self, name: &str) -> bool {
        !self.class_bound_values(name).is_empty()
    }
}

/// What the project index keeps of a coroutine function's cancellation:
/// what its own module shows, and what it leaves to other modules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CancellationFacts {
    /// An `async def` whose body (and the module's code it reaches) surely
    /// lets a cancellation out, as far as the module shows; a plain `def`
    /// whose returned calls give only such coroutines.
    pub lets_out: bool,
    /// The imported names (as the module wrote them) of the calls that
    /// code makes and the module cannot read (`h` in `await h()` with
    /// `from .c import h`; `w.Worker.run` for `await Worker().run()`):
    /// the coroutines they give may keep it.
    pub calls: Vec<String>,
    /// The awaited calls that code makes that could not be traced to any
    /// name, by the method they call (`job` for `await self.job()`; empty
    /// for `await fn()` of a parameter): in a module that uses an import
    /// that may keep it as a value, or that imports a coroutine of that
    /// name that may, they may be that one. [`UNTRACED_VALUE`] for an
    /// awaited task or coroutine held in an attribute or a variable, which
    /// may be one any import that may keep it gives.
    pub untraced: Vec<String>,
    /// What the module's code leaves to the modules it imports from.
    pub left: LeftToProject,
}

/// What a coroutine's handlers, `finally:` clauses and managers leave to
/// the project: names (as the module wrote them) imported from modules
/// the module cannot read, whose meaning decides whether a cancellation
/// thrown into the coroutine is kept. The project index answers them (see
/// `ProjectFacts::may_catch_cancelled_error`, `ProjectFacts::may_raise`,
/// `ProjectFacts::callback_may_keep`); a library's name is what it says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftToProject {
    /// Exception classes named by an `except` clause that goes on (or
    /// calls code that may raise before it re-raises), or given to
    /// `suppress(…)`, around code that can suspend (`except STOP:` with
    /// `from errors import STOP`): one that is or holds `CancelledError` or
    /// `BaseException` keeps it.
    pub catches: Vec<String>,
    /// Functions called in such a handler, or in a `finally:` after code
    /// that can suspend (`release()` with `from util import release`): one
    /// that may raise replaces the cancellation with its exception.
    pub cleanups: Vec<String>,
    /// Exit callbacks given to an exit stack (`stack.push_async_exit(h)`):
    /// one of the project may return true or raise.
    pub exits: Vec<String>,
    /// Imported bases of the module's classes whose instances are entered
    /// (`async with Quiet():` with `class Quiet(Guard)` and `from guards
    /// import Guard`): one whose exit, or a base's, may keep it (or that
    /// the index cannot follow) makes the class keep it.
    pub managers: Vec<String>,
    /// Attribute names read in such a handler or `finally:` (`conn.closed`):
    /// a property getter of that name of any class of the project that may
    /// raise replaces the cancellation with its exception.
    pub reads: Vec<String>,
    /// The module's own classes whose instances are entered (`Conn` for
    /// `async with Conn():`), by their name in the module: other code of
    /// the project may write their exits (`jobs.Conn.__aexit__ = f`).
    pub own_managers: Vec<String>,
    /// Methods of the module's own classes that such a handler or
    /// `finally:` (or an exit) may run (`Conn.release`): other code of the
    /// project may write them (`jobs.Conn.release = strict`).
    pub own_cleanups: Vec<String>,
}

impl LeftToProject {
    /// Each list sorted, each name once.
    fn tidy(&mut self) {
        for names in [
            &mut self.catches,
            &mut self.cleanups,
            &mut self.exits,
            &mut self.managers,
            &mut self.reads,
            &mut self.own_managers,
            &mut self.own_cleanups,
        ] {
            names.sort_unstable();
            names.dedup();
        }
    }

    /// Whether nothing is left.
    pub fn is_empty(&self) -> bool {
        self.catches.is_empty()
            && self.cleanups.is_empty()
            && self.exits.is_empty()
            && self.managers.is_empty()
            && self.reads.is_empty()
            && self.own_managers.is_empty()
            && self.own_cleanups.is_empty()
    }
}

/// See [`SemanticModel::keeper_imports`].
#[derive(Debug, Default)]
pub struct KeeperImports {
    /// Absolute import paths that may give a coroutine keeping a
    /// cancellation.
    paths: Vec<String>,
    /// One of them is used as a value.
    escaping: bool,
}

struct Walk<'m, 'a> {
    semantic: &'m SemanticModel<'a>,
    /// The exception names whose handlers catch `CancelledError`.
    wanted: Vec<&'static str>,
    /// The functions read so far, by start.
    read: FxHashSet<ruff_text_size::TextSize>,
    /// Whether a call of a decorated function of the module counts as its
    /// decorator's wrapper (see [`KeptCancellation::Wrapped`]); off while
    /// the module's coroutines are searched for one that keeps it, which
    /// finds such a wrapper by its own body.
    wrapped: bool,
    /// The imported names of the calls read that the module cannot follow
    /// (see [`CancellationFacts::calls`]).
    calls: Vec<String>,
    /// The awaited calls that could not be traced to any name (see
    /// [`CancellationFacts::untraced`]).
    untraced: Vec<String>,
    /// What the handlers, `finally:` clauses and managers read leave to
    /// the project (see [`LeftToProject`]).
    left: RefCell<LeftToProject>,
    /// The functions asked whether they may raise, by start, with the
    /// answer.
    raising_read: RefCell<rustc_hash::FxHashMap<ruff_text_size::TextSize, bool>>,
}

impl<'a> Walk<'_, 'a> {
    /// The coroutine `call` returns. `strict`: it must be one the module
    /// or the project shows (the coroutine asked about); deeper, library
    /// code is trusted.
    fn call(
        &mut self,
        call: &ExprCall,
        scope: ScopeId,
        strict: bool,
        depth: u8,
        awaited: bool,
    ) -> Option<KeptCancellation> {
        let semantic = self.semantic;
        // `X.__await__()` (an `__await__` handing on another awaitable's
        // iterator) runs what awaiting `X` runs; `gen().__anext__()`,
        // `.asend(v)`, `.athrow(e)` and `anext(gen())` step an async
        // generator's body.
        if let Expr::Attribute(attribute) = call.func.as_ref()
            && matches!(
                attribute.attr.as_str(),
                "__await__" | "__anext__" | "asend" | "athrow"
            )
            && let Expr::Call(inner) = attribute.value.as_ref()
        {
            return self.call(inner, scope, strict, depth + 1, true);
        }
        if let Some(Expr::Call(inner)) = call.arguments.args.first()
            && semantic
                .qualified_name(&call.func, scope)
                .is_some_and(|qualified| qualified.as_str() == "builtins.anext")
        {
            return self.call(inner, scope, strict, depth + 1, true);
        }
        // `super().run()`: the method of a base of the enclosing class.
        if let Some(found) = self.super_call(call, scope, depth) {
            return found;
        }
        match semantic.callee(&call.func, scope) {
            Callee::Function(def) => {
                if self.wrapped
                    && !semantic.keeps_coroutine_function(def)
                    && semantic.coroutine_keeping_cancellation().is_some()
                {
                    return Some(KeptCancellation::Wrapped(call.range()));
                }
                return self.function(def, strict, depth);
            }
            // An instance: not a coroutine the module writes, unless it is
            // awaited and its class may define `__await__`, which may give
            // any coroutine.
            Callee::Class(class) => {
                if awaited && let Some(kept) = self.instance(class, scope, depth) {
                    return Some(kept);
                }
                if awaited && class_may_await(semantic, class, scope, 0) {
                    self.untraced.push(String::new());
                    if (self.wrapped && semantic.coroutine_keeping_cancellation().is_some())
                        || semantic.imported_cancellation_keeper().is_some()
                    {
                        return Some(KeptCancellation::Wrapped(call.range()));
                    }
                }
                return None;
            }
            Callee::Unknown => {}
        }
        if let Some(kept) = self.elsewhere(call, scope, strict, awaited) {
            return Some(kept);
        }
        let asyncio = semantic
            .qualified_name(&call.func, scope)
            .is_some_and(|q| q.starts_with("asyncio"));
        if asyncio {
            // asyncio's coroutines let it out; the coroutines among the
            // arguments are asked (`wait_for(child(), 5)`, a task a plain
            // function returns).
            let mut inner = Calls::default();
            for argument in call
                .arguments
                .args
                .iter()
                .chain(call.arguments.keywords.iter().map(|k| &k.value))
            {
                inner.visit_expr(argument);
            }
            let arguments: FxHashSet<_> = call
                .arguments
                .args
                .iter()
                .chain(call.arguments.keywords.iter().map(|k| &k.value))
                .map(Ranged::start)
                .collect();
            for each in inner.0 {
                let given = arguments.contains(&each.start());
                if let Some(kept) = self.call(each, scope, false, depth + 1, given) {
                    return Some(kept);
                }
            }
            return None;
        }
        if strict
            && !self.wanted.contains(&"Exception")
            && let Resolved::Function { facts, .. } = semantic.resolve_callee(&call.func, scope)
            && facts.is_async
            && facts.transparent
            && !facts.is_generator
        {
            // A transparent coroutine function of another module that
            // lets it out (a keeping one was answered above).
            return None;
        }
        // A method called on another object, or a name bound more than
        // once: every function of the module by that name may be it.
        let name = match call.func.as_ref() {
            Expr::Name(name) => Some(name.id.as_str()),
            Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
            _ => None,
        };
        let mut matched = false;
        if let Some(name) = name {
            for def in self.functions_named(name) {
                matched = true;
                if let Some(kept) = self.function(def, false, depth) {
                    return Some(kept);
                }
            }
        }
        if awaited && let Expr::Attribute(attribute) = call.func.as_ref() {
            // `lib = importlib.import_module("app.lib")` then `await
            // lib.keeper()`: a module the analysis does not follow.
            if runtime_module(semantic, &attribute.value, scope) {
                return Some(KeptCancellation::Unfollowed(call.range()));
            }
            // `class Svc: handler = _keep` then `await self.handler()`.
            for &value in semantic.class_bound_values(attribute.attr.as_str()) {
                matched = true;
                if let Some(kept) = self.bound_value(value, call.range(), depth) {
                    return Some(kept);
                }
            }
        }
        // A function read out of a container or made by a call
        // (`HANDLERS[name]()`, `registry.get(name)()`): a registry may hold
        // any coroutine function the project stores there, which the
        // modules the module imports (or any of its own) may be.
        if awaited && !matched && computed_callee(&call.func) {
            self.untraced.push(UNTRACED_ITEM.to_string());
            if self.keeper_reached() {
                return Some(KeptCancellation::Registry(call.range()));
            }
        }
        match dependency(semantic, &call.func, scope) {
            Some(imported)
                if !imported.starts_with("builtins") && !imported.starts_with("asyncio") =>
            {
                self.calls.push(imported);
            }
            Some(_) => {}
            // A name a star import may give: what it is in each
            // star-imported module, for the project to answer.
            None if !star_dependencies(semantic, &call.func, scope).is_empty() => {
                self.calls
                    .extend(star_dependencies(semantic, &call.func, scope));
            }
            // An awaited value the walk cannot trace to any name (an alias,
            // a parameter, a dict's value, another object's method): in a
            // module that imports a coroutine that may keep it, that one.
            None if awaited && !matched => {
                self.untraced.push(match call.func.as_ref() {
                    Expr::Attribute(attribute) => attribute.attr.to_string(),
                    _ => String::new(),
                });
                if semantic.untraced_may_keep_cancellation(&call.func) {
                    return Some(KeptCancellation::Untraced(call.range()));
                }
            }
            None => {}
        }
        strict.then_some(KeptCancellation::Unknown(call.range()))
    }

    /// A call of a function of another module of the project (from Python
    /// 3.8 on, which summaries assume): an `async def` whose summary says
    /// its body, or the project's code it awaits, may keep it (at any
    /// depth: the project's code is read as the module's is), or, for the
    /// coroutine asked about (`strict`) and for what the module's code
    /// awaits, a name the index cannot show to be a transparent coroutine
    /// function (decorated, an alias, bound some other way) in a module
    /// with a coroutine that may keep it, or that imports one. Deeper, a
    /// call that is not awaited is trusted as a library's is: every call a
    /// body makes is read, most of them no coroutine at all
    /// (`create_task_group()`, a client's constructor).
    fn elsewhere(
        &self,
        call: &ExprCall,
        scope: ScopeId,
        strict: bool,
        awaited: bool,
    ) -> Option<KeptCancellation> {
        let semantic = self.semantic;
        let project = semantic.project()?;
        if self.wanted.contains(&"Exception") {
            return None;
        }
        let qualified = dependency(semantic, &call.func, scope);
        if qualified
            .as_ref()
            .is_some_and(|q| q.starts_with("asyncio") || q.starts_with("builtins"))
        {
            return None;
        }
        let absolute = qualified.as_deref().and_then(|q| project.absolute(q));
        // A function, or a method of a project class's instance (`svc =
        // Service()` then `svc.run()`, `Worker().run()`).
        let resolved = match semantic.resolve_callee(&call.func, scope) {
            Resolved::Unknown => absolute
                .as_deref()
                .map_or(Resolved::Unknown, |a| project.facts.resolve(a)),
            found => found,
        };
        if let Resolved::Function {
            facts,
            qualified: defined,
            ..
        } = resolved
            && facts.transparent
        {
            if facts.is_async && !facts.is_generator {
                // One that awaits what it cannot trace (a parameter's
                // coroutine) may be given one the module uses as a value.
                return (!facts.lets_cancellation_out
                    || (facts.awaits_untraced && semantic.keeper_import_escapes())
                    || (facts.awaits_item && self.keeper_reached())
                    || project.facts.calls_may_keep_cancellation(&defined))
                .then_some(KeptCancellation::Elsewhere(call.range()));
            }
            // A plain function that returns nothing gives no coroutine.
            if !facts.is_async && facts.returns_nothing {
                return None;
            }
            // A plain function gives what the calls it returns give.
            if !facts.is_async
                && (!facts.lets_cancellation_out
                    || (facts.awaits_item && self.keeper_reached())
                    || project.facts.calls_may_keep_cancellation(&defined))
            {
                return Some(KeptCancellation::Elsewhere(call.range()));
            }
        }
        let Some(absolute) = absolute else {
            // A name a star import may give: what each star-imported
            // module's name may be (a manager entered there, a coroutine).
            let stars = star_dependencies(semantic, &call.func, scope);
            let keeps = (strict || awaited)
                && stars
                    .iter()
                    .filter_map(|path| project.absolute(path))
                    .any(|star| project.facts.may_keep_cancellation(&star));
            return keeps.then_some(KeptCancellation::Elsewhere(call.range()));
        };
        ((strict || awaited) && project.facts.may_keep_cancellation(&absolute))
            .then_some(KeptCancellation::Elsewhere(call.range()))
    }

    /// `super().name(…)` (or `super(Class, self).name(…)`) in a method:
    /// the method `name` of each base of the enclosing class, a class of
    /// the module read as the module's code, one of another project module
    /// answered by the project (and kept in [`Self::calls`] for the index).
    /// `None` when the call is no such call, or a base cannot be named.
    fn super_call(
        &mut self,
        call: &ExprCall,
        scope: ScopeId,
        depth: u8,
    ) -> Option<Option<KeptCancellation>> {
        let semantic = self.semantic;
        let Expr::Attribute(attribute) = call.func.as_ref() else {
            return None;
        };
        let Expr::Call(make) = attribute.value.as_ref() else {
            return None;
        };
        if !semantic.refers_to(&make.func, scope, "builtins.super") {
            return None;
        }
        let frame = self.own_frame(scope);
        let class =
            semantic
                .scope(frame)
                .parent
                .and_then(|outer| match semantic.scope(outer).node {
                    ScopeNode::Class(class) => Some((class, outer)),
                    _ => None,
                });
        let (class, outer) = class?;
        let name = attribute.attr.as_str();
        let mut bases = Vec::new();
        if !super_targets(semantic, class, outer, name, 0, &mut bases) {
            return None;
        }
        for base in bases {
            let kept = match base {
                Ok(def) => self.function(def, false, depth + 1),
                Err(qualified) => {
                    let method = format!("{qualified}.{name}");
                    let kept = semantic.project().and_then(|project| {
                        let absolute = project.absolute(&qualified)?;
                        let keeps = match project.facts.method(&absolute, name) {
                            Resolved::Function {
                                qualified, facts, ..
                            } if facts.transparent => {
                                !facts.lets_cancellation_out
                                    || project.facts.calls_may_keep_cancellation(&qualified)
                            }
                            Resolved::External(_) => false,
                            _ => project
                                .facts
                                .may_keep_cancellation(&format!("{absolute}.{name}")),
                        };
                        keeps.then_some(KeptCancellation::Elsewhere(call.range()))
                    });
                    if !qualified.starts_with("builtins") && !qualified.starts_with("asyncio") {
                        self.calls.push(method);
                    }
                    kept
                }
            };
            if kept.is_some() {
                return Some(kept);
            }
        }
        // Every base was asked; a library's method lets it out.
        Some(None)
    }

    /// What awaiting, entering (`async with`) or iterating (`async for`)
    /// an instance of the module's class `class` runs: its `__await__`,
    /// `__aenter__`, `__aiter__` and `__anext__` (its bases of the module
    /// included).
    fn instance(
        &mut self,
        class: &'a ast::StmtClassDef,
        scope: ScopeId,
        depth: u8,
    ) -> Option<KeptCancellation> {
        let semantic = self.semantic;
        // A decorator or metaclass may bind any of them.
        if methods_may_be_replaced(semantic, class) {
            return Some(KeptCancellation::Unfollowed(class.name.range()));
        }
        // A base of another module (`class Quiet(Guard)` with `from guards
        // import Guard`) may bind any of them: the project answers it (and
        // the index, from the summary's calls).
        for base in foreign_bases(semantic, class, scope, 0) {
            let keeps = semantic.project().is_some_and(|project| {
                project
                    .absolute(&base)
                    .is_some_and(|absolute| project.facts.may_keep_cancellation(&absolute))
            });
            self.calls.push(base);
            if keeps {
                return Some(KeptCancellation::Elsewhere(class.name.range()));
            }
        }
        for name in ["__await__", "__aenter__", "__aiter__", "__anext__"] {
            for def in class_methods(semantic, class, scope, name, 0) {
                if let Some(kept) = self.function(def, false, depth + 1) {
                    return Some(kept);
                }
            }
            // Written after the class body (`Guard.__aenter__ = _enter`):
            // the function written is read, another value is not followed.
            let Some(values) = attribute_writes(semantic, name) else {
                return Some(KeptCancellation::Unfollowed(class.name.range()));
            };
            for value in values {
                if let Some(kept) = self.bound_value(value, value.range(), depth) {
                    return Some(kept);
                }
            }
        }
        None
    }

    /// What calling a function bound as a value (a class attribute
    /// `handler = _keep`, a dunder written after the class body) runs: a
    /// function of the module is read, an import is answered by the
    /// project (and kept in [`Self::calls`] for the index), anything else
    /// is not followed.
    fn bound_value(
        &mut self,
        value: &'a Expr,
        at: TextRange,
        depth: u8,
    ) -> Option<KeptCancellation> {
        let semantic = self.semantic;
        let scope = semantic.scope_at(value.start());
        // `staticmethod(f)`, `classmethod(f)`: `f`.
        let value = match value {
            Expr::Call(call)
                if call.arguments.args.len() == 1
                    && ["builtins.staticmethod", "builtins.classmethod"]
                        .iter()
                        .any(|q| semantic.refers_to(&call.func, scope, q)) =>
            {
                &call.arguments.args[0]
            }
            value => value,
        };
        match semantic.callee(value, scope) {
            Callee::Function(def) => self.function(def, false, depth + 1),
            Callee::Class(_) => None,
            Callee::Unknown => match dependency(semantic, value, scope) {
                Some(imported)
                    if imported.starts_with("builtins") || imported.starts_with("asyncio") =>
                {
                    None
                }
                Some(imported) => {
                    let keeps = semantic.project().is_some_and(|project| {
                        project
                            .absolute(&imported)
                            .is_some_and(|absolute| project.facts.may_keep_cancellation(&absolute))
                    });
                    self.calls.push(imported);
                    keeps.then_some(KeptCancellation::Elsewhere(at))
                }
                None => Some(KeptCancellation::Unfollowed(at)),
            },
        }
    }

    /// Whether a coroutine that may keep a cancellation is the module's own
    /// (counted only when the walk is not the search for them) or one its
    /// imports reach (see
    /// [`SemanticModel::imports_reach_cancellation_keeper`]).
    fn keeper_reached(&self) -> bool {
        (self.wrapped && self.semantic.coroutine_keeping_cancellation().is_some())
            || self.semantic.imports_reach_cancellation_keeper()
    }

    /// Whether other code of the project may write the exits (`member`
    /// `None`) or the method `member` of the module's class `class`, a
    /// class of the module's own namespace (`jobs.Conn.__aexit__ =
    /// tolerant`, `setattr(Conn, "release", strict)`, a function given the
    /// class): the project answers; a summary leaves the class to it (see
    /// [`LeftToProject::own_managers`]). A class nested in a function or
    /// another class is none other code names.
    fn own_class_written(&self, class: &ast::StmtClassDef, member: Option<&str>) -> bool {
        let semantic = self.semantic;
        if semantic.scope_at(class.start()) != super::scope::MODULE_SCOPE {
            return false;
        }
        let name = class.name.as_str();
        let Some(project) = semantic.project() else {
            let mut left = self.left.borrow_mut();
            match member {
                None => left.own_managers.push(name.to_string()),
                Some(member) => left.own_cleanups.push(format!("{name}.{member}")),
            }
            return false;
        };
        let Some(module) = project.name.as_deref() else {
            return false;
        };
        let qualified = format!("{module}.{name}");
        match member {
            None => ["__exit__", "__aexit__"].iter().any(|exit| {
                project
                    .facts
                    .attribute_writer_reaching(&qualified, exit)
                    .is_some()
            }),
            Some(member) => project
                .facts
                .attribute_writer_reaching(&qualified, member)
                .is_some(),
        }
    }

    /// [`Self::own_class_written`] for the method `def` (named `name`) of
    /// a class of the module.
    fn method_written(&self, def: &StmtFunctionDef, name: &str) -> bool {
        let semantic = self.semantic;
        let ScopeNode::Class(class) = semantic.scope(semantic.scope_at(def.start())).node else {
            return false;
        };
        self.own_class_written(class, Some(name))
    }

    fn functions_named(&self, name: &str) -> Vec<&'a StmtFunctionDef> {
        self.semantic.functions_named(name).to_vec()
    }

    /// What calling `def` gives: an `async def`'s body is read; a plain
    /// `def` is followed into the calls it returns.
    fn function(
        &mut self,
        def: &'a StmtFunctionDef,
        strict: bool,
        depth: u8,
    ) -> Option<KeptCancellation> {
        if !self.read.insert(def.start()) {
            return None;
        }
        if depth > MAX_DEPTH || self.read.len() > MAX_FUNCTIONS {
            return Some(KeptCancellation::TooDeep(def.name.range()));
        }
        let Some(scope) = self.semantic.scope_of_function(def) else {
            return strict.then_some(KeptCancellation::Unknown(def.name.range()));
        };
        if !def.is_async {
            // An `__await__` generator (or a `@types.coroutine` one) is
            // thrown into at its `yield`s: its own handlers count.
            if super::functions::is_generator(def)
                && (def.name.as_str() == "__await__" || !def.decorator_list.is_empty())
                && let Some(kept) = self.body(&def.body, scope)
            {
                return Some(kept);
            }
            let mut returns = Returns::default();
            returns.visit_body(&def.body);
            // An `__await__` (or `@types.coroutine` generator) runs what it
            // delegates to: `yield from other().__await__()`.
            for value in returns.delegated {
                if let Some(kept) = self.call(value, scope, false, depth + 1, true) {
                    return Some(kept);
                }
            }
            for value in returns.calls {
                // A factory of a manager that may keep it, entered where
                // it is called.
                if let Callee::Class(class) = self.semantic.callee(&value.func, scope)
                    && class_may_suppress(
                        self.semantic,
                        class,
                        scope,
                        0,
                        Some(&Entered {
                            left: &self.left,
                            arguments: Some(&value.arguments),
                            wanted: &self.wanted,
                        }),
                    )
                {
                    return Some(KeptCancellation::ContextManager(value.range()));
                }
                if let Some(kept) = self.call(value, scope, strict, depth + 1, true) {
                    return Some(kept);
                }
            }
            return None;
        }
        if let Some(kept) = self.body(&def.body, scope) {
            return Some(kept);
        }
        let (Some(first), Some(last)) = (def.body.first(), def.body.last()) else {
            return None;
        };
        let body = TextRange::new(first.start(), last.end());
        let semantic = self.semantic;
        let calls: Vec<_> = semantic
            .calls
            .iter()
            .filter(|site| {
                body.contains_range(site.call.range()) && self.own_frame(site.scope) == scope
            })
            .map(|site| (site.call, site.scope))
            .collect();
        for &(call, at) in &calls {
            if self.exit_stack_may_keep(call, at) {
                return Some(KeptCancellation::ContextManager(call.range()));
            }
        }
        let mut awaited = Awaited::default();
        awaited.visit_body(&def.body);
        // A task or coroutine held in an attribute or a variable (`await
        // self.task`) may be one an import gives; a task made in the same
        // scope is read through the call that made it.
        for value in awaited.values {
            if semantic.task_coroutine(value, scope).is_some() {
                continue;
            }
            // `job = Job()` then `await job` (or `async for x in job`): what
            // the call gives, awaited.
            if let Some((made, at)) = assigned_call(semantic, value, scope) {
                if let Some(kept) = self.call(made, at, false, depth + 1, true) {
                    return Some(kept);
                }
                continue;
            }
            self.untraced.push(UNTRACED_VALUE.to_string());
            if semantic.imported_cancellation_keeper().is_some() {
                return Some(KeptCancellation::Untraced(value.range()));
            }
        }
        for (call, at) in calls {
            let given = awaited.calls.contains(&call.start());
            if let Some(kept) = self.call(call, at, false, depth + 1, given) {
                return Some(kept);
            }
        }
        None
    }

    /// A property's getter (`def job(self): return worker()`): the calls it
    /// returns are read; a result it computes otherwise (or a decorator
    /// that is no property), in a module with a coroutine that may keep
    /// it, may be that one. `@property async def` gives its own coroutine.
    fn getter(&mut self, def: &'a StmtFunctionDef, at: TextRange) -> Option<KeptCancellation> {
        if let Some(kept) = self.function(def, false, 0) {
            return Some(kept);
        }
        if def.is_async {
            return None;
        }
        let semantic = self.semantic;
        let scope = semantic.scope_at(def.start());
        let property = def.decorator_list.iter().all(|decorator| {
            ["builtins.property", "functools.cached_property"]
                .iter()
                .any(|q| semantic.refers_to(&decorator.expression, scope, q))
        });
        let mut returns = Returns::default();
        returns.visit_body(&def.body);
        ((returns.other || !property) && semantic.coroutine_keeping_cancellation().is_some())
            .then_some(KeptCancellation::Wrapped(at))
    }

    /// Whether `call` gives an exit stack (`contextlib.AsyncExitStack`,
    /// `ExitStack`) something whose exit may keep a cancellation: a
    /// callback (`push_async_exit`, `push`) that may return true or raise
    /// another exception, a context manager (`enter_async_context`,
    /// `enter_context`) that may suppress it, a plain callback
    /// (`push_async_callback`, `callback`) that may raise.
    fn exit_stack_may_keep(&self, call: &ExprCall, scope: ScopeId) -> bool {
        let Expr::Attribute(attribute) = call.func.as_ref() else {
            return false;
        };
        let Some(first) = call.arguments.args.first() else {
            return false;
        };
        match attribute.attr.as_str() {
            "push_async_exit" | "push" | "push_exit" => self.callback_may_keep(first, scope, true),
            "enter_async_context" | "enter_context" => self.may_suppress(first, scope, 0),
            "push_async_callback" | "callback" => self.callback_may_keep(first, scope, false),
            _ => false,
        }
    }

    /// Whether the exit callback `callback` may return true (when
    /// `returns_matter`) or raise another exception than the one it is
    /// given: a function, lambda or instance (with `__exit__`) of the
    /// module; a method by its name among the module's functions.
    fn callback_may_keep(&self, callback: &Expr, scope: ScopeId, returns_matter: bool) -> bool {
        let semantic = self.semantic;
        let exit_may_keep = |def: &StmtFunctionDef| {
            let mut returns = Returns::default();
            returns.visit_body(&def.body);
            (returns_matter && returns.truthy) || raises_another(def)
        };
        match callback {
            Expr::Lambda(lambda) => {
                returns_matter
                    && !matches!(
                        lambda.body.as_ref(),
                        Expr::NoneLiteral(_)
                            | Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. })
                    )
            }
            Expr::Call(_) => self.may_suppress(callback, scope, 0),
            _ => match semantic.callee(callback, scope) {
                Callee::Function(def) => exit_may_keep(def),
                Callee::Class(_) => false,
                Callee::Unknown => {
                    // A method of an object whose class the module shows
                    // (`stack.callback(c.close)`).
                    if let Expr::Attribute(attribute) = callback
                        && class_of(semantic, &attribute.value, scope).is_some()
                    {
                        return self.instance_may_raise(
                            &attribute.value,
                            &[attribute.attr.as_str()],
                            scope,
                            0,
                        ) || (returns_matter && self.suppressor_in_reach(scope));
                    }
                    // A callback of another project module may return or
                    // raise anything: its summary does not say.
                    let qualified = semantic.qualified_name(callback, scope);
                    if let Some(qualified) = &qualified
                        && !qualified.starts_with("builtins")
                        && !qualified.starts_with("asyncio")
                    {
                        self.left.borrow_mut().exits.push(qualified.to_string());
                    }
                    let imported = semantic.project().is_some_and(|project| {
                        qualified
                            .and_then(|qualified| project.absolute(qualified.as_str()))
                            .is_some_and(|absolute| project.facts.callback_may_keep(&absolute))
                    });
                    imported
                        || match callback {
                            Expr::Attribute(attribute) => self
                                .functions_named(attribute.attr.as_str())
                                .into_iter()
                                .any(exit_may_keep),
                            _ => false,
                        }
                }
            },
        }
    }

    /// The function whose frame code of `scope` belongs to, counting
    /// comprehensions and lambdas as part of the function around them.
    fn own_frame(&self, scope: ScopeId) -> ScopeId {
        let mut current = scope;
        loop {
            let this = self.semantic.scope(current);
            match (this.kind, this.parent) {
                (ScopeKind::Comprehension { .. } | ScopeKind::Lambda, Some(parent)) => {
                    current = parent;
                }
                _ => return current,
            }
        }
    }

    /// The handlers, `finally:` clauses and context managers of a
    /// coroutine's own statements.
    fn body(&self, body: &[Stmt], scope: ScopeId) -> Option<KeptCancellation> {
        for stmt in body {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => continue,
                Stmt::Try(try_stmt) => {
                    if can_suspend(&try_stmt.body)
                        && let Some(kept) = self.handlers(try_stmt, scope)
                    {
                        return Some(kept);
                    }
                    let guarded = can_suspend(&try_stmt.body)
                        || can_suspend(&try_stmt.orelse)
                        || try_stmt.handlers.iter().any(|handler| {
                            let ExceptHandler::ExceptHandler(handler) = handler;
                            can_suspend(&handler.body)
                        });
                    if guarded
                        && let Some(jump) = escaping_jump(&try_stmt.finalbody)
                            .or_else(|| raise_of_another(&try_stmt.finalbody))
                            .or_else(|| self.raising_call(&try_stmt.finalbody, scope))
                    {
                        return Some(KeptCancellation::Finally(jump));
                    }
                }
                Stmt::With(with) if can_suspend(&with.body) => {
                    for item in &with.items {
                        if self.may_suppress(&item.context_expr, scope, 0)
                            || self.closer_may_raise(&item.context_expr, scope)
                        {
                            return Some(KeptCancellation::ContextManager(item.range()));
                        }
                    }
                }
                _ => {}
            }
            for block in blocks_of(stmt) {
                if let Some(kept) = self.body(block, scope) {
                    return Some(kept);
                }
            }
        }
        None
    }

    /// Whether `manager` is `contextlib.closing(object)` (`aclosing`) whose
    /// object's `close()` (`aclose()`) may raise an exception of its own
    /// (see [`Self::instance_may_raise`]), which would replace the
    /// cancellation on the way out.
    fn closer_may_raise(&self, manager: &Expr, scope: ScopeId) -> bool {
        let Expr::Call(call) = manager else {
            return false;
        };
        let Some(object) = call.arguments.args.first() else {
            return false;
        };
        let method = match followed_name(self.semantic, &call.func, scope).as_deref() {
            Some("contextlib.closing") => "close",
            Some("contextlib.aclosing") => "aclose",
            _ => return false,
        };
        self.instance_may_raise(object, &[method], scope, 0)
    }

    /// The first handler of `try_stmt` that may catch `CancelledError` and
    /// goes on; handlers after one that surely catches it and re-raises
    /// never see it.
    fn handlers(&self, try_stmt: &ast::StmtTry, scope: ScopeId) -> Option<KeptCancellation> {
        for handler in &try_stmt.handlers {
            let ExceptHandler::ExceptHandler(handler) = handler;
            let may_catch = handler.type_.as_deref().is_none_or(|type_| {
                self.semantic.may_name_exception(type_, scope, &self.wanted)
                    || self.imported_may_catch(type_, scope)
            });
            if !may_catch {
                // Names imported from modules this one cannot read are
                // the project's to answer, for a handler that would keep
                // it (the code it calls is then taken to raise).
                if let Some(type_) = handler.type_.as_deref() {
                    let mark = self.left.borrow().cleanups.len();
                    let read = self.raising_read.borrow().clone();
                    let raises = self.raising_call(&handler.body, scope).is_some()
                        || raise_in_handler(handler).is_some();
                    let left_raising = self.left.borrow().cleanups.len() > mark;
                    // Only asked: what it left counts with the names.
                    self.left.borrow_mut().cleanups.truncate(mark);
                    *self.raising_read.borrow_mut() = read;
                    if !reraises(handler) || raises || left_raising {
                        self.leave_catches(type_, scope);
                    }
                }
                continue;
            }
            // A handler that calls code of the module that may raise
            // another exception before it re-raises.
            if !reraises(handler)
                || raise_in_handler(handler).is_some()
                || self.raising_call(&handler.body, scope).is_some()
            {
                let end = handler.type_.as_ref().map_or(
                    handler.start() + ruff_text_size::TextSize::of("except"),
                    |t| t.end(),
                );
                return Some(KeptCancellation::Handler(TextRange::new(
                    handler.start(),
                    end,
                )));
            }
            if handler
                .type_
                .as_deref()
                .is_none_or(|type_| self.surely_catches(type_, scope))
            {
                return None;
            }
        }
        None
    }

    /// Whether `except type_:` surely catches `CancelledError`: it names
    /// `BaseException` or asyncio's `CancelledError` (in a tuple too).
    fn surely_catches(&self, type_: &Expr, scope: ScopeId) -> bool {
        match type_ {
            Expr::Tuple(tuple) => tuple.elts.iter().any(|e| self.surely_catches(e, scope)),
            _ => {
                self.semantic
                    .refers_to(type_, scope, "builtins.BaseException")
                    || self
                        .semantic
                        .qualified_name(type_, scope)
                        .is_some_and(|q| q.starts_with("asyncio") && q.member() == "CancelledError")
            }
        }
    }

    /// Whether the context manager `manager` may suppress a
    /// `CancelledError` raised in its block: `suppress(…)` or
    /// `pytest.raises(…)` naming it (or a class that may be it), or an
    /// instance of a class of the module whose `__exit__` or `__aexit__`
    /// may return something true or raise another exception (its bases of
    /// the module included), or of a class of another project module whose
    /// summary says so.
    fn may_suppress(&self, manager: &Expr, scope: ScopeId, depth: u8) -> bool {
        let semantic = self.semantic;
        if semantic.expects_exceptions(manager, scope, &self.wanted, false) {
            return true;
        }
        // `suppress(STOP)` with a class imported from the project; a
        // `suppress` under another name (`ignoring = contextlib.suppress`).
        if let Expr::Call(call) = manager
            && self.is_suppress(call, scope)
        {
            if call
                .arguments
                .args
                .iter()
                .any(|class| semantic.may_name_exception(class, scope, &self.wanted))
            {
                return true;
            }
            for class in &call.arguments.args {
                if self.imported_may_catch(class, scope) {
                    return true;
                }
                self.leave_catches(class, scope);
            }
        }
        if depth > MAX_DEPTH {
            return true;
        }
        let Expr::Call(call) = manager else {
            // A manager made elsewhere (`async with self.guard:`): any
            // class of the module or of an import may have made it.
            return self.suppressor_in_reach(scope);
        };
        match semantic.callee(&call.func, scope) {
            Callee::Class(class) => {
                self.own_class_written(class, None)
                    || class_may_suppress(
                        semantic,
                        class,
                        scope,
                        depth,
                        Some(&Entered {
                            left: &self.left,
                            arguments: Some(&call.arguments),
                            wanted: &self.wanted,
                        }),
                    )
            }
            // A factory: an `@asynccontextmanager` generator's handlers
            // around its `yield`, or what a plain function returns.
            Callee::Function(def) => {
                let Some(inner) = semantic.scope_of_function(def) else {
                    return true;
                };
                // An `@asynccontextmanager` or `@contextmanager` generator
                // is thrown into at its `yield`.
                if def.is_async || super::functions::is_generator(def) {
                    return self.body(&def.body, inner).is_some();
                }
                let mut returns = Returns::default();
                returns.visit_body(&def.body);
                returns
                    .calls
                    .iter()
                    .any(|made| self.may_suppress(&Expr::Call((*made).clone()), inner, depth + 1))
                    || (returns.other && self.suppressor_in_reach(scope))
            }
            Callee::Unknown => match partial_call(semantic, call, scope) {
                Some((made, at)) => self.may_suppress(&Expr::Call(made), at, depth + 1),
                None => self.imported_may_suppress(call, scope),
            },
        }
    }

    /// [`Self::may_suppress`] for a manager made by a callee the module
    /// does not define: a class of another project module whose summary
    /// says its exit may keep it; a function there that may keep it (an
    /// `@asynccontextmanager` whose handler around `yield` goes on) or
    /// that the index cannot show lets it out; a re-exported `suppress`
    /// naming a class that may be it; a name the module binds otherwise
    /// (`G = Guard`), in a module with a class or import that may keep it.
    /// A library's manager is trusted.
    fn imported_may_suppress(&self, call: &ExprCall, scope: ScopeId) -> bool {
        let semantic = self.semantic;
        // Given a class that may be `CancelledError`, an imported name may
        // be `suppress` under another name (`from contextlib import suppress
        // as quiet` in another module): the project answers.
        let given_it = call
            .arguments
            .args
            .iter()
            .any(|class| semantic.may_name_exception(class, scope, &self.wanted));
        let Some(project) = semantic.project() else {
            // A name the module binds otherwise (`G = Guard`); an import is
            // the project's to answer when it is given such a class, else
            // a library's.
            let followed = followed_name(semantic, &call.func, scope);
            let stars = star_dependencies(semantic, &call.func, scope);
            if given_it {
                let mut left = self.left.borrow_mut();
                left.managers.extend(
                    followed
                        .iter()
                        .chain(&stars)
                        .filter(|q| !q.starts_with("builtins") && !q.starts_with("asyncio"))
                        .cloned(),
                );
            }
            return followed.is_none() && stars.is_empty() && self.suppressor_in_reach(scope);
        };
        let suppress_given = |absolute: &str| given_it && project.facts.may_be_suppress(absolute);
        match semantic.resolve_callee(&call.func, scope) {
            Resolved::Class { qualified, .. } => {
                project.facts.exit_may_keep_cancellation(&qualified)
            }
            // A class's factory method (`Guard.make()`) may make one of its
            // own instances.
            Resolved::Function {
                qualified, facts, ..
            } => {
                !facts.transparent
                    || (facts.is_async && !facts.lets_cancellation_out)
                    || project.facts.exit_may_keep_cancellation(&qualified)
                    || project.facts.calls_may_keep_cancellation(&qualified)
                    || qualified
                        .rsplit_once('.')
                        .is_some_and(|(owner, _)| project.facts.exit_may_keep_cancellation(owner))
            }
            Resolved::External(qualified) => {
                qualified.rsplit('.').next() == Some("suppress")
                    && call
                        .arguments
                        .args
                        .iter()
                        .any(|class| semantic.may_name_exception(class, scope, &self.wanted))
            }
            Resolved::Module(_) => false,
            Resolved::Instance { .. } => true,
            Resolved::Unknown => {
                let stars = star_dependencies(semantic, &call.func, scope);
                if !stars.is_empty() {
                    return stars.iter().filter_map(|path| project.absolute(path)).any(
                        |absolute| {
                            suppress_given(&absolute)
                                || project.facts.may_keep_cancellation(&absolute)
                                || project.facts.exit_may_keep_cancellation(&absolute)
                        },
                    );
                }
                match followed_name(semantic, &call.func, scope) {
                    Some(qualified) => {
                        project
                            .absolute(qualified.as_str())
                            .is_some_and(|absolute| {
                                suppress_given(&absolute)
                                    || project.facts.may_keep_cancellation(&absolute)
                                    || project.facts.exit_may_keep_cancellation(&absolute)
                                    || absolute.rsplit_once('.').is_some_and(|(owner, _)| {
                                        project.facts.exit_may_keep_cancellation(owner)
                                    })
                            })
                    }
                    None => self.suppressor_in_reach(scope),
                }
            }
        }
    }

    /// Whether a context manager the walk cannot trace may be one that
    /// keeps a cancellation: the module has a class whose exit may, or
    /// imports one, or uses an import that may give a coroutine keeping it
    /// as a value (an `@asynccontextmanager`'s generator may be one). A
    /// manager a call of the module's or an import's function makes is
    /// asked where it is made.
    fn suppressor_in_reach(&self, scope: ScopeId) -> bool {
        let semantic = self.semantic;
        let own = semantic.scopes.iter().any(|each| match each.node {
            ScopeNode::Class(class) => class_may_suppress(semantic, class, scope, 0, None),
            _ => false,
        });
        // An exit written after a class body, a class made by `type(…)`.
        own || exit_written_may_keep(semantic)
            || semantic.dynamic_writes().dynamic_classes
            || semantic.keeper_import_escapes()
            || semantic.project().is_some_and(|project| {
                semantic.bindings.iter().any(|binding| {
                    binding
                        .kind
                        .import_path()
                        .and_then(|path| project.absolute(path))
                        .is_some_and(|absolute| project.facts.exit_may_keep_cancellation(&absolute))
                })
            })
    }

    /// A call in `body`'s own frame of a function of the module or the
    /// project that may raise an exception of its own (see
    /// [`raises_another`]; a name of the project the index cannot follow
    /// may): in a handler or a `finally:`, that exception would replace
    /// the cancellation. The imported names called there are left to the
    /// project (see [`LeftToProject::cleanups`]).
    fn raising_call(&self, body: &[Stmt], scope: ScopeId) -> Option<TextRange> {
        self.raising_call_at(body, scope, 0)
    }

    /// Whether calling the function `def` of the module may raise an
    /// exception of its own: a `raise` in its own frame (see
    /// [`raises_another`]), or a call there of a function of the module or
    /// the project that may (followed to [`MAX_DEPTH`], past which it
    /// may; each function read once).
    fn function_may_raise(&self, def: &StmtFunctionDef, depth: u8) -> bool {
        if raises_another(def) {
            return true;
        }
        // A function being asked (a recursion) is answered by the rest.
        if let Some(&known) = self.raising_read.borrow().get(&def.start()) {
            return known;
        }
        if depth >= MAX_DEPTH {
            return true;
        }
        let Some(inner) = self.semantic.scope_of_function(def) else {
            return true;
        };
        self.raising_read.borrow_mut().insert(def.start(), false);
        let raises = self.raising_call_at(&def.body, inner, depth + 1).is_some();
        self.raising_read.borrow_mut().insert(def.start(), raises);
        raises
    }

    /// Whether calling the module's class `class` may raise an exception
    /// of its own: a constructor (`__new__`, `__init__`, `__post_init__`)
    /// it or a base of the module defines may (see
    /// [`Self::function_may_raise`]); a base of another project module is
    /// asked of the index (and left to it, for a summary), a library's
    /// trusted.
    fn class_may_raise(&self, class: &ast::StmtClassDef, depth: u8) -> bool {
        self.constructors_may_raise(class, crate::index::summary::CONSTRUCTORS, depth)
    }

    /// [`Self::class_may_raise`] for the constructors named `wanted`: a
    /// class's own `def` hides its bases'.
    fn constructors_may_raise(
        &self,
        class: &ast::StmtClassDef,
        wanted: &[&str],
        depth: u8,
    ) -> bool {
        if depth >= MAX_DEPTH {
            return true;
        }
        let semantic = self.semantic;
        let scope = semantic.scope_at(class.start());
        let mut left: Vec<&str> = wanted.to_vec();
        for stmt in &class.body {
            if let Stmt::FunctionDef(def) = stmt
                && let Some(at) = left.iter().position(|name| *name == def.name.as_str())
            {
                left.remove(at);
                if self.function_may_raise(def, depth + 1) {
                    return true;
                }
            }
        }
        if left.is_empty() {
            return false;
        }
        class
            .bases()
            .iter()
            .any(|base| match semantic.callee(base, scope) {
                Callee::Class(base) => self.constructors_may_raise(base, &left, depth + 1),
                _ => {
                    let Some(imported) = followed_name(semantic, base, scope).filter(|imported| {
                        !imported.starts_with("builtins") && !imported.starts_with("asyncio")
                    }) else {
                        return false;
                    };
                    let raises = semantic.project().is_some_and(|project| {
                        project
                            .absolute(&imported)
                            .is_some_and(|absolute| project.facts.may_raise(&absolute))
                    });
                    if !raises {
                        self.left.borrow_mut().cleanups.push(imported);
                    }
                    raises
                }
            })
    }

    /// [`Self::raising_call`], `depth` functions down.
    fn raising_call_at(&self, body: &[Stmt], scope: ScopeId, depth: u8) -> Option<TextRange> {
        let mut frame = FrameCalls::default();
        frame.visit_body(body);
        self.frame_raises(frame, scope, depth)
    }

    /// The first call (or property read) of `frame` that may raise an
    /// exception of its own (see [`Self::raising_call`]): a call written
    /// there, a function handed to code that calls it (`to_thread(flush)`),
    /// or a method an object's class runs implicitly (`f"{c}"`, `if c:`,
    /// `for x in c:`, `with C():`, `closing(c)`).
    fn frame_raises(&self, frame: FrameCalls, scope: ScopeId, depth: u8) -> Option<TextRange> {
        let FrameCalls {
            calls,
            reads,
            handed,
            implicit,
        } = frame;
        calls
            .into_iter()
            .find_map(|call| {
                self.call_may_raise(&call.func, scope, depth)
                    .then(|| call.range())
            })
            .or_else(|| {
                handed
                    .into_iter()
                    .find(|func| self.call_may_raise(func, scope, depth))
                    .map(Ranged::range)
            })
            .or_else(|| {
                implicit
                    .into_iter()
                    .find(|(object, methods)| {
                        self.instance_may_raise(object, methods, scope, depth)
                    })
                    .map(|(object, _)| object.range())
            })
            .or_else(|| {
                reads
                    .into_iter()
                    .find(|read| {
                        self.property_may_raise(read.attr.as_str(), depth)
                            || self.instance_may_raise(
                                &read.value,
                                &["__getattr__", "__getattribute__"],
                                scope,
                                depth,
                            )
                    })
                    .map(Ranged::range)
            })
    }

    /// Whether calling `func` (in `scope`) may raise an exception of its
    /// own (see [`Self::frame_raises`]).
    fn call_may_raise(&self, func: &Expr, scope: ScopeId, depth: u8) -> bool {
        let semantic = self.semantic;
        match semantic.callee(func, scope) {
            // A method of a class of the module (`self.release()`) may be
            // another function that other code writes.
            Callee::Function(def) => {
                self.function_may_raise(def, depth) || self.method_written(def, def.name.as_str())
            }
            // Calling a class runs its `__new__` and `__init__`.
            Callee::Class(class) => self.class_may_raise(class, depth),
            Callee::Unknown => {
                // `sys.exit(3)` raises `SystemExit`.
                if semantic.qualified_name(func, scope).is_some_and(|q| {
                    matches!(q.as_str(), "sys.exit" | "builtins.exit" | "builtins.quit")
                }) {
                    return true;
                }
                let imported = dependency(semantic, func, scope).filter(|imported| {
                    !imported.starts_with("builtins") && !imported.starts_with("asyncio")
                });
                // A method of an object whose class the module shows (`c =
                // Conn()` then `c.close()`): that class's, along its bases.
                if let Expr::Attribute(attribute) = func
                    && dependency(semantic, func, scope).is_none()
                    && class_of(semantic, &attribute.value, scope).is_some()
                {
                    return self.instance_may_raise(
                        &attribute.value,
                        &[attribute.attr.as_str()],
                        scope,
                        depth,
                    );
                }
                let raises = match semantic.resolve_callee(func, scope) {
                    Resolved::Function {
                        facts, qualified, ..
                    } => {
                        facts.raises
                            || semantic
                                .project()
                                .is_some_and(|project| project.facts.may_raise(&qualified))
                    }
                    // A class of another project module: its constructors.
                    Resolved::Class { qualified, .. } => semantic
                        .project()
                        .is_some_and(|project| project.facts.may_raise(&qualified)),
                    Resolved::Unknown | Resolved::Instance { .. } => {
                        semantic.project().is_some_and(|project| {
                            imported
                                .as_deref()
                                .and_then(|imported| project.absolute(imported))
                                .is_some_and(|absolute| project.facts.may_raise(&absolute))
                        })
                    }
                    _ => false,
                };
                if !raises && let Some(imported) = imported {
                    self.left.borrow_mut().cleanups.push(imported);
                    return false;
                }
                // A callee the walk cannot follow to code that raises
                // nothing (an alias, a lambda, a loop variable, a
                // parameter, a container's item) may.
                raises || self.unfollowed_may_raise(func, scope, depth)
            }
        }
    }

    /// Whether one of the methods `methods` of the object `object` holds
    /// may raise an exception of its own, when the module shows its class
    /// (`Conn()`, or a name bound once to such a call): a class of the
    /// module is read along its bases (a method bound in its body to
    /// another of its functions, `__str__ = __repr__`, `closed =
    /// property(_get)`, is that function; another value may raise), a base
    /// of another module, or a class imported from one, is asked of the
    /// project (left to it, for a summary). An object whose class the
    /// module does not show is not looked at.
    fn instance_may_raise(
        &self,
        object: &Expr,
        methods: &[&str],
        scope: ScopeId,
        depth: u8,
    ) -> bool {
        match class_of(self.semantic, object, scope) {
            None => false,
            Some(ClassOf::Own(class)) => self.own_methods_may_raise(class, methods, depth, 0),
            Some(ClassOf::Foreign(qualified)) => {
                self.foreign_methods_may_raise(&qualified, methods)
            }
        }
    }

    /// [`Self::instance_may_raise`] for a class of the module.
    fn own_methods_may_raise(
        &self,
        class: &ast::StmtClassDef,
        methods: &[&str],
        depth: u8,
        hops: u8,
    ) -> bool {
        if depth >= MAX_DEPTH || hops > MAX_DEPTH {
            return true;
        }
        let semantic = self.semantic;
        let scope = semantic.scope_at(class.start());
        let mut left: Vec<&str> = Vec::new();
        for name in methods {
            if self.own_class_written(class, Some(name)) {
                return true;
            }
            match class_member(class, name) {
                Some(Member::Def(def)) => {
                    if !is_stub(def) && self.function_may_raise(def, depth + 1) {
                        return true;
                    }
                }
                Some(Member::Function(def)) => {
                    if self.function_may_raise(def, depth + 1) {
                        return true;
                    }
                }
                Some(Member::Nothing) => {}
                Some(Member::Other) => return true,
                None => left.push(name),
            }
        }
        if left.is_empty() {
            return false;
        }
        class.bases().iter().any(|base| {
            let base = match base {
                Expr::Subscript(subscript) => subscript.value.as_ref(),
                base => base,
            };
            match semantic.callee(base, scope) {
                Callee::Class(base) => self.own_methods_may_raise(base, &left, depth, hops + 1),
                _ => match followed_name(semantic, base, scope) {
                    Some(qualified)
                        if !qualified.starts_with("builtins")
                            && !qualified.starts_with("asyncio") =>
                    {
                        self.foreign_methods_may_raise(&qualified, &left)
                    }
                    _ => false,
                },
            }
        })
    }

    /// [`Self::instance_may_raise`] for a class of another module, by the
    /// name the module imports it under: the project answers; a summary
    /// leaves the methods to it (`app.conn.Conn.close`).
    fn foreign_methods_may_raise(&self, class: &str, methods: &[&str]) -> bool {
        match self.semantic.project() {
            Some(project) => project.absolute(class).is_some_and(|absolute| {
                methods
                    .iter()
                    .any(|name| project.facts.may_raise(&format!("{absolute}.{name}")))
            }),
            None => {
                let mut left = self.left.borrow_mut();
                left.cleanups
                    .extend(methods.iter().map(|name| format!("{class}.{name}")));
                false
            }
        }
    }

    /// Whether calling `func`, a callee the module cannot resolve to a
    /// function or class of its own (nor to an import: a library's
    /// function is trusted, the project's answered by the index), may
    /// raise an exception of its own: a name bound once to another name
    /// or to a lambda is followed; a method of another object is any
    /// function of the module by that name (`getattr(c, "close")` too),
    /// as a property read is, but for stubs that only raise
    /// `NotImplementedError`, which an override replaces; a name bound otherwise (a loop variable, a
    /// parameter, several bindings), a container's item (`ON_EXIT["db"]`)
    /// or a call's result may be any function, and may raise.
    fn unfollowed_may_raise(&self, func: &Expr, scope: ScopeId, depth: u8) -> bool {
        let semantic = self.semantic;
        if depth >= MAX_DEPTH {
            return true;
        }
        if dependency(semantic, func, scope).is_some()
            || !star_dependencies(semantic, func, scope).is_empty()
        {
            return false;
        }
        // A stub that only raises `NotImplementedError` (an abstract
        // method) is not what runs: an override is.
        let by_name = |name: &str| {
            self.functions_named(name).into_iter().any(|def| {
                !is_stub(def)
                    && (self.function_may_raise(def, depth + 1) || self.method_written(def, name))
            })
        };
        match func {
            Expr::Name(name) => {
                if !matches!(
                    semantic.lookup(name.id.as_str(), scope),
                    super::imports::Lookup::Bound { .. }
                ) {
                    return false;
                }
                match sole_assigned_value(semantic, func, scope) {
                    Some((Expr::Lambda(lambda), _)) => self.lambda_may_raise(lambda, depth),
                    Some((value @ (Expr::Name(_) | Expr::Attribute(_)), owner)) => {
                        match semantic.callee(value, owner) {
                            Callee::Function(def) => self.function_may_raise(def, depth + 1),
                            Callee::Class(class) => self.class_may_raise(class, depth + 1),
                            Callee::Unknown => self.unfollowed_may_raise(value, owner, depth + 1),
                        }
                    }
                    _ => true,
                }
            }
            Expr::Attribute(attribute) => by_name(attribute.attr.as_str()),
            Expr::Call(call) => {
                if semantic.refers_to(&call.func, scope, "builtins.getattr")
                    && let Some(Expr::StringLiteral(name)) = call.arguments.args.get(1)
                {
                    return by_name(name.value.to_str());
                }
                true
            }
            Expr::Lambda(lambda) => self.lambda_may_raise(lambda, depth),
            _ => true,
        }
    }

    /// Whether calling the lambda `lambda` may raise an exception of its
    /// own: a call in its body that may.
    fn lambda_may_raise(&self, lambda: &ast::ExprLambda, depth: u8) -> bool {
        let scope = self.semantic.scope_at(lambda.body.start());
        let mut frame = FrameCalls::default();
        frame.visit_expr(&lambda.body);
        self.frame_raises(frame, scope, depth + 1).is_some()
    }

    /// Whether reading the attribute `name` may run a property getter
    /// that raises an exception of its own. The walk does not tell the
    /// receiver's class: a getter (a decorated `def` that is no setter,
    /// deleter, static or class method) of that name of any class of the
    /// module that may raise (see [`Self::function_may_raise`]), or of any
    /// class of the project (the index answers; a summary leaves the name
    /// to it, see [`LeftToProject::reads`]).
    fn property_may_raise(&self, name: &str, depth: u8) -> bool {
        let semantic = self.semantic;
        let own = semantic
            .methods_named(name)
            .iter()
            .any(|def| is_getter(def) && self.function_may_raise(def, depth + 1))
            // `closed = property(_get_closed)`.
            || semantic.scopes.iter().any(|each| match each.node {
                ScopeNode::Class(class) => assigned_properties(class)
                    .into_iter()
                    .any(|(property, getter)| {
                        property == name && self.function_may_raise(getter, depth + 1)
                    }),
                _ => false,
            });
        if own {
            return true;
        }
        match semantic.project() {
            Some(project) => project.facts.property_may_raise(name),
            None => {
                self.left.borrow_mut().reads.push(name.to_string());
                false
            }
        }
    }

    /// Keeps the names imported from other modules that the exception
    /// class expression `type_` (a class or a tuple of them) is written
    /// with, for the project to answer (see [`LeftToProject::catches`]).
    fn leave_catches(&self, type_: &Expr, scope: ScopeId) {
        match type_ {
            Expr::Tuple(tuple) => {
                for element in &tuple.elts {
                    self.leave_catches(element, scope);
                }
            }
            Expr::Name(_) | Expr::Attribute(_) => {
                if let Some(qualified) = self.semantic.qualified_name(type_, scope)
                    && !qualified.starts_with("builtins")
                    && !qualified.starts_with("asyncio")
                {
                    self.left.borrow_mut().catches.push(qualified.to_string());
                }
            }
            _ => {}
        }
    }

    /// Whether `call` makes `contextlib.suppress(…)` (under any name it is
    /// imported by).
    fn is_suppress(&self, call: &ExprCall, scope: ScopeId) -> bool {
        match followed_name(self.semantic, &call.func, scope) {
            Some(qualified) => qualified.as_str() == "contextlib.suppress",
            None => {
                matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "suppress")
            }
        }
    }

    /// Whether the exception class `type_` names is imported from a module
    /// of the project where the index cannot show that it does not catch
    /// `CancelledError` (`ALL = (ValueError, CancelledError)`, `Stop =
    /// asyncio.CancelledError`, `AnyError = BaseException` there, a name
    /// bound some other way; see
    /// `ProjectFacts::may_catch_cancelled_error`).
    fn imported_may_catch(&self, type_: &Expr, scope: ScopeId) -> bool {
        let semantic = self.semantic;
        match type_ {
            Expr::Tuple(tuple) => tuple
                .elts
                .iter()
                .any(|element| self.imported_may_catch(element, scope)),
            Expr::Name(_) | Expr::Attribute(_) => {
                let Some(project) = semantic.project() else {
                    return false;
                };
                let Some(qualified) = semantic.qualified_name(type_, scope) else {
                    return false;
                };
                if qualified.starts_with("builtins") || qualified.starts_with("asyncio") {
                    return false;
                }
                let Some(absolute) = project.absolute(qualified.as_str()) else {
                    return false;
                };
                let loaded = semantic.parts_loaded_by_import(type_, scope);
                project.facts.may_catch_cancelled_error(
                    &absolute,
                    loaded,
                    self.wanted.contains(&"Exception"),
                ) || matches!(
                    project.facts.resolve_loaded(&absolute, loaded),
                    Resolved::External(external)
                        if self.wanted.contains(&external.rsplit('.').next().unwrap_or_default())
                )
            }
            _ => false,
        }
    }
}

/// Whether the method `def` is a property's getter, or may be: a decorated
/// `def` whose decorators make no setter or deleter (`@name.setter`), no
/// static or class method.
pub fn is_getter(def: &StmtFunctionDef) -> bool {
    !def.decorator_list.is_empty()
        && def.decorator_list.iter().all(|decorator| {
            let written = match &decorator.expression {
                Expr::Name(name) => name.id.as_str(),
                Expr::Attribute(attribute) => attribute.attr.as_str(),
                _ => "",
            };
            !matches!(
                written,
                "setter" | "deleter" | "staticmethod" | "classmethod"
            )
        })
}

/// Where an instance of a class is entered (or made to be entered), for
/// [`class_may_suppress`]: what the bases the module cannot read leave to
/// the project, and the arguments of the call that makes it.
struct Entered<'l, 'e> {
    /// Where the module's summary keeps the bases of other modules (see
    /// [`LeftToProject::managers`]) when no project answers.
    left: &'l RefCell<LeftToProject>,
    /// The call's arguments (`ignoring(KeyError)`), when seen.
    arguments: Option<&'e ast::Arguments>,
    /// The exception names whose handlers catch `CancelledError`.
    wanted: &'e [&'static str],
}

/// Whether a class of the module (or a base of it the module defines) has
/// an `__exit__` or `__aexit__` that may return something true, or raise
/// another exception than the one it is given (which then replaces the
/// cancellation), or one bound otherwise than by a `def`. A base of another
/// project module is as the project index reads it, along all its bases;
/// `contextlib.suppress` keeps what it is given. `entered`: an instance is
/// entered there, so a base the walk cannot follow (a call, a name bound
/// otherwise, a project base the index cannot read) may bind any exit;
/// without a project, the imported bases are left to it.
fn class_may_suppress(
    semantic: &SemanticModel,
    class: &ast::StmtClassDef,
    scope: ScopeId,
    depth: u8,
    entered: Option<&Entered>,
) -> bool {
    class_may_suppress_below(semantic, class, scope, depth, entered, false)
}

/// [`class_may_suppress`]; `constructed`: a class on the way from the one
/// entered binds `__init__` or `__new__`, so the arguments a
/// `contextlib.suppress` base is given are not those of the call.
fn class_may_suppress_below(
    semantic: &SemanticModel,
    class: &ast::StmtClassDef,
    scope: ScopeId,
    depth: u8,
    entered: Option<&Entered>,
    constructed: bool,
) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    let is_exit = |name: &str| matches!(name, "__exit__" | "__aexit__");
    // An exit written after the body (`Guard.__aexit__ = _swallow`,
    // `setattr(…)`, a class decorator), or bound by a decorator or a
    // metaclass: for a class entered, or one whose body defines an exit.
    let defines_exit = class
        .body
        .iter()
        .any(|stmt| matches!(stmt, Stmt::FunctionDef(def) if is_exit(def.name.as_str())));
    if (entered.is_some() || defines_exit)
        && (methods_may_be_replaced(semantic, class) || exit_written_may_keep(semantic))
    {
        return true;
    }
    let mut constructed = constructed;
    for stmt in &class.body {
        match stmt {
            Stmt::FunctionDef(exit) if is_exit(exit.name.as_str()) => {
                // A decorator that may replace it (`@logged`, whose wrapper
                // may return true in its `finally:`) binds another exit.
                if !semantic.keeps_coroutine_function(exit) {
                    return true;
                }
                let mut returns = Returns::default();
                returns.visit_body(&exit.body);
                if returns.truthy
                    || raises_another(exit)
                    || exit_calls_may_raise(semantic, exit, entered)
                {
                    return true;
                }
            }
            Stmt::FunctionDef(def) if matches!(def.name.as_str(), "__init__" | "__new__") => {
                constructed = true;
            }
            // An exit bound some other way cannot be read.
            Stmt::Assign(ast::StmtAssign { targets, .. })
                if targets
                    .iter()
                    .any(|t| matches!(t, Expr::Name(n) if is_exit(n.id.as_str()))) =>
            {
                return true;
            }
            Stmt::AnnAssign(ast::StmtAnnAssign { target, .. }) if matches!(target.as_ref(), Expr::Name(n) if is_exit(n.id.as_str())) =>
            {
                return true;
            }
            _ => {}
        }
    }
    class.bases().iter().any(|base| {
        // `Base[T]`: the class `Base`.
        let base = match base {
            Expr::Subscript(subscript) => subscript.value.as_ref(),
            base => base,
        };
        if let Callee::Class(base) = semantic.callee(base, scope) {
            return class_may_suppress_below(
                semantic,
                base,
                scope,
                depth + 1,
                entered,
                constructed,
            );
        }
        // An alias (`Base = guards.Guard`) is followed.
        let Some(qualified) = semantic
            .qualified_name(base, scope)
            .map(|qualified| qualified.as_str().to_string())
            .or_else(|| followed_name(semantic, base, scope))
        else {
            // A call (`make_base()`), a name bound otherwise: any class.
            return entered.is_some();
        };
        if qualified == "contextlib.suppress" {
            // What it is given, when that is the call's.
            return match entered.and_then(|entered| entered.arguments.map(|a| (entered, a))) {
                Some((entered, arguments)) if !constructed => arguments
                    .args
                    .iter()
                    .any(|argument| semantic.may_name_exception(argument, scope, entered.wanted)),
                _ => true,
            };
        }
        if qualified.starts_with("builtins") {
            return false;
        }
        // A base of another project module: as the index reads it, along
        // its own bases; one it cannot follow there may bind any exit.
        let Some(project) = semantic.project() else {
            if let Some(entered) = entered {
                entered.left.borrow_mut().managers.push(qualified);
            }
            return false;
        };
        let Some(absolute) = project.absolute(&qualified) else {
            return false;
        };
        match project.facts.resolve(&absolute) {
            Resolved::Class { qualified, .. } => {
                project.facts.exit_may_keep_cancellation(&qualified)
            }
            Resolved::External(_) | Resolved::Module(_) => false,
            Resolved::Function { .. } | Resolved::Instance { .. } => true,
            Resolved::Unknown => {
                entered.is_some() || project.facts.may_keep_cancellation(&absolute)
            }
        }
    })
}

/// Whether an exit (`__exit__`, `__aexit__`) calls code that may raise an
/// exception of its own (`self.rollback()`, `await self.close()`: a
/// method of the module by that name, a function of the project), which
/// replaces the one in flight. What it leaves to the project is left
/// with the entering coroutine's.
fn exit_calls_may_raise(
    semantic: &SemanticModel,
    exit: &StmtFunctionDef,
    entered: Option<&Entered>,
) -> bool {
    let walk = semantic.walk(PyVersion::PY38, false);
    let raises = walk.function_may_raise(exit, 1);
    if let Some(entered) = entered {
        let left = walk.left.into_inner();
        let mut entering = entered.left.borrow_mut();
        entering.cleanups.extend(left.cleanups);
        entering.own_cleanups.extend(left.own_cleanups);
    }
    raises
}

/// Whether a handler's body ends in `raise` and has no `return`, `break`
/// or `continue` that leaves it first.
/// Whether the handler ends by raising the exception it caught again: a
/// bare `raise`, or `raise e` (`from …` too) for its `as e`. One that raises
/// another exception keeps the cancellation too: the caller sees that
/// exception instead.
fn reraises(handler: &ast::ExceptHandlerExceptHandler) -> bool {
    let body = &handler.body;
    let same = match body.last() {
        Some(Stmt::Raise(raise)) => match raise.exc.as_deref() {
            None => true,
            Some(Expr::Name(name)) => handler
                .name
                .as_ref()
                .is_some_and(|caught| caught.as_str() == name.id.as_str()),
            Some(_) => false,
        },
        _ => false,
    };
    same && escaping_jump(body).is_none()
}

/// A `raise` of another exception than the one a handler caught, or an
/// `assert`, in its body's own frame (before the `raise` that ends it):
/// that exception would leave in place of the one caught.
fn raise_in_handler(handler: &ast::ExceptHandlerExceptHandler) -> Option<TextRange> {
    raise_other_than(
        &handler.body,
        handler.name.as_ref().map(|name| name.as_str()),
    )
}

/// Whether an exit function (`__aexit__`, an exit stack's callback) may
/// raise another exception than the one it is given, in its own frame: a
/// `raise` of anything but one of its parameters (`raise exc`, `raise
/// exc_info[1]`), or a bare `raise` in a handler of its own (which raises
/// what that handler caught).
pub fn raises_another(def: &StmtFunctionDef) -> bool {
    let parameters: Vec<&str> = def
        .parameters
        .iter()
        .map(|parameter| parameter.name().as_str())
        .collect();
    let original = |expr: &Expr| match expr {
        Expr::Name(name) => parameters.contains(&name.id.as_str()),
        Expr::Subscript(subscript) => matches!(subscript.value.as_ref(),
            Expr::Name(name) if parameters.contains(&name.id.as_str())),
        _ => false,
    };
    fn walk(body: &[Stmt], in_handler: bool, original: &dyn Fn(&Expr) -> bool) -> bool {
        body.iter().any(|stmt| match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => false,
            Stmt::Raise(raise) => match raise.exc.as_deref() {
                None => in_handler,
                Some(exc) => !original(exc),
            },
            // `assert` raises `AssertionError` when its test fails.
            Stmt::Assert(_) => true,
            Stmt::Try(try_stmt) => {
                walk(&try_stmt.body, in_handler, original)
                    || try_stmt.handlers.iter().any(|handler| {
                        let ExceptHandler::ExceptHandler(handler) = handler;
                        walk(&handler.body, true, original)
                    })
                    || walk(&try_stmt.orelse, in_handler, original)
                    || walk(&try_stmt.finalbody, in_handler, original)
            }
            _ => blocks_of(stmt)
                .into_iter()
                .any(|block| walk(block, in_handler, original)),
        })
    }
    walk(&def.body, false, &original)
}

/// A `raise` of an exception (not a bare `raise`), or an `assert`, in
/// `body`'s own frame: raised in a `finally:`, it replaces the exception
/// in flight.
fn raise_of_another(body: &[Stmt]) -> Option<TextRange> {
    raise_other_than(body, None)
}

/// [`raise_of_another`], but for a `raise` of the name `caught` (a
/// handler's `as e`), which raises the exception in flight again.
fn raise_other_than(body: &[Stmt], caught: Option<&str>) -> Option<TextRange> {
    body.iter().find_map(|stmt| match stmt {
        Stmt::FunctionDef(_) | Stmt::ClassDef(_) => None,
        Stmt::Raise(raise) => match raise.exc.as_deref() {
            None => None,
            Some(Expr::Name(name)) if caught == Some(name.id.as_str()) => None,
            Some(_) => Some(stmt.range()),
        },
        Stmt::Assert(_) => Some(stmt.range()),
        _ => blocks_of(stmt)
            .into_iter()
            .find_map(|block| raise_other_than(block, caught)),
    })
}

/// A `return`, or a `break` or `continue` outside any loop of `body`, in
/// `body`'s own frame: where control leaves the block, dropping an
/// exception in flight when the block is a `finally:`.
fn escaping_jump(body: &[Stmt]) -> Option<TextRange> {
    fn walk(body: &[Stmt], in_loop: bool) -> Option<TextRange> {
        for stmt in body {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Return(_) => return Some(stmt.range()),
                Stmt::Break(_) | Stmt::Continue(_) if !in_loop => return Some(stmt.range()),
                Stmt::For(ast::StmtFor { body, orelse, .. })
                | Stmt::While(ast::StmtWhile { body, orelse, .. }) => {
                    if let Some(jump) = walk(body, true).or_else(|| walk(orelse, in_loop)) {
                        return Some(jump);
                    }
                }
                _ => {
                    for block in blocks_of(stmt) {
                        if let Some(jump) = walk(block, in_loop) {
                            return Some(jump);
                        }
                    }
                }
            }
        }
        None
    }
    walk(body, false)
}

/// Whether code of `body`'s own frame may suspend there: an `await`,
/// `async for`, `async with`, or a `yield` (an async generator or
/// context manager is thrown into at its `yield`).
fn can_suspend(body: &[Stmt]) -> bool {
    #[derive(Default)]
    struct Finder {
        found: bool,
    }
    impl<'b> Visitor<'b> for Finder {
        fn visit_stmt(&mut self, stmt: &'b Stmt) {
            if self.found {
                return;
            }
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::For(ast::StmtFor { is_async: true, .. })
                | Stmt::With(ast::StmtWith { is_async: true, .. }) => self.found = true,
                _ => visitor::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, expr: &'b Expr) {
            if self.found {
                return;
            }
            match expr {
                Expr::Lambda(_) => {}
                Expr::Await(_) | Expr::Yield(_) | Expr::YieldFrom(_) => self.found = true,
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let mut finder = Finder::default();
    finder.visit_body(body);
    finder.found
}

/// The modules `import` statements name (`a.b` for `import a.b`).
#[derive(Default)]
struct ImportedModules<'b>(Vec<&'b str>);

impl<'b> Visitor<'b> for ImportedModules<'b> {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        if let Stmt::Import(import) = stmt {
            self.0
                .extend(import.names.iter().map(|alias| alias.name.as_str()));
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, _: &'b Expr) {}
}

/// The calls in an expression, outside lambdas.
#[derive(Default)]
struct Calls<'b>(Vec<&'b ExprCall>);

impl<'b> Visitor<'b> for Calls<'b> {
    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Lambda(_) => {}
            Expr::Call(call) => {
                self.0.push(call);
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// The calls a function returns (`return make()`), and whether it may
/// return something true (`return True`, `return self.ok`): in its own
/// frame.
#[derive(Default)]
struct Returns<'b> {
    calls: Vec<&'b ExprCall>,
    truthy: bool,
    /// It may return something true that is no call.
    other: bool,
    /// The calls it delegates to with `yield from`.
    delegated: Vec<&'b ExprCall>,
}

impl<'b> Visitor<'b> for Returns<'b> {
    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Lambda(_) => {}
            Expr::YieldFrom(yielded) => {
                if let Expr::Call(call) = yielded.value.as_ref() {
                    self.delegated.push(call);
                }
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }

    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Return(ret) => match ret.value.as_deref() {
                None | Some(Expr::NoneLiteral(_)) => {}
                Some(Expr::BooleanLiteral(boolean)) if !boolean.value => {}
                Some(value) => {
                    self.truthy = true;
                    if let Expr::Call(call) = value {
                        self.calls.push(call);
                    } else {
                        self.other = true;
                    }
                    self.visit_expr(value);
                }
            },
            _ => visitor::walk_stmt(self, stmt),
        }
    }
}

/// The imported name a call's callee is, as the module wrote it: the
/// qualified name of a name or attribute chain (`h`, `c.h`), or a method
/// of an instance an imported class makes (`Worker().run` is
/// `pkg.w.Worker.run`).
fn dependency(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> Option<String> {
    if let Some(qualified) = followed_name(semantic, func, scope) {
        return Some(qualified);
    }
    let Expr::Attribute(attribute) = func else {
        return None;
    };
    let Expr::Call(make) = attribute.value.as_ref() else {
        return None;
    };
    let class = super::imports::qualified_name(semantic, &make.func, scope, true)?;
    if class.starts_with("builtins") {
        return None;
    }
    Some(format!("{}.{}", class.as_str(), attribute.attr))
}

/// The qualified name of `expr` (as the module wrote its imports), also
/// through a name bound once, by assignment, to another name or attribute
/// chain (`guard = _guard` with `from .guards import _guard`): an alias
/// of an imported function is that function.
fn followed_name(semantic: &SemanticModel, expr: &Expr, scope: ScopeId) -> Option<String> {
    let mut current = expr;
    let mut at = scope;
    for _ in 0..=MAX_DEPTH {
        if let Some(qualified) = super::imports::qualified_name(semantic, current, at, true) {
            return Some(qualified.as_str().to_string());
        }
        let (value, owner) = aliased_name(semantic, current, at)?;
        current = value;
        at = owner;
    }
    None
}

/// The value of the name `expr` (or of the name an attribute chain starts
/// from: `api.quiet` gives `api` then `.quiet`) when the name is bound
/// once, by `name = other` or `name = a.b`, and declared neither `global`
/// nor `nonlocal`; with the scope the value is read in.
fn aliased_name<'a>(
    semantic: &SemanticModel<'a>,
    expr: &Expr,
    scope: ScopeId,
) -> Option<(&'a Expr, ScopeId)> {
    let (value, owner) = sole_assigned_value(semantic, expr, scope)?;
    matches!(value, Expr::Name(_) | Expr::Attribute(_)).then_some((value, owner))
}

/// The value of the name `expr` when its only binding in the scope it
/// resolves to is a plain `name = value` (one target), and it is declared
/// neither `global` nor `nonlocal`; with that scope.
fn sole_assigned_value<'a>(
    semantic: &SemanticModel<'a>,
    expr: &Expr,
    scope: ScopeId,
) -> Option<(&'a Expr, ScopeId)> {
    let Expr::Name(name) = expr else {
        return None;
    };
    let super::imports::Lookup::Bound {
        scope: owner,
        bindings: [only],
    } = semantic.lookup(name.id.as_str(), scope)
    else {
        return None;
    };
    if semantic.is_declared_global_or_nonlocal(name.id.as_str()) {
        return None;
    }
    let binding = semantic.binding(*only);
    let Some(Stmt::Assign(assign)) = binding.stmt else {
        return None;
    };
    let [Expr::Name(target)] = assign.targets.as_slice() else {
        return None;
    };
    (target.range() == binding.range).then_some((assign.value.as_ref(), owner))
}

/// What a name the module's star imports may give (`Quiet` after `from
/// .mgrs import *`, or an attribute chain from it) may be, as the module
/// writes its imports: the name in each star-imported module (`.mgrs.Quiet`),
/// for the project index to follow (through that module's own star imports
/// too). Empty for a name the module binds where no star import may bind
/// it again, or for a builtin's name.
fn star_dependencies(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> Vec<String> {
    let mut tail = Vec::new();
    let mut current = func;
    while let Expr::Attribute(attribute) = current {
        tail.push(attribute.attr.as_str());
        current = attribute.value.as_ref();
    }
    let Expr::Name(name) = current else {
        return Vec::new();
    };
    let id = name.id.as_str();
    if !semantic.has_star_imports()
        || super::functions::BUILTIN_NAMES.contains(&id)
        || !matches!(semantic.lookup(id, scope), super::imports::Lookup::Unknown)
    {
        return Vec::new();
    }
    tail.reverse();
    semantic
        .star_import_statements()
        .map(|import| {
            let dots = ".".repeat(import.level as usize);
            let mut path = match import.module.as_ref() {
                Some(module) => format!("{dots}{module}.{id}"),
                None => format!("{dots}{id}"),
            };
            for part in &tail {
                path.push('.');
                path.push_str(part);
            }
            path
        })
        .collect()
}

/// What `super().name` may be in a method of the module's class `class`:
/// the `def`s named `name` of its bases the module defines (`Ok`), or,
/// where such a base does not define it, of theirs; the qualified name of
/// a base of elsewhere with `.name` added (`Err`). False when a base cannot
/// be named.
fn super_targets<'a>(
    semantic: &SemanticModel<'a>,
    class: &'a ast::StmtClassDef,
    scope: ScopeId,
    name: &str,
    depth: u8,
    found: &mut Vec<Result<&'a StmtFunctionDef, String>>,
) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    for base in class.bases() {
        match semantic.callee(base, scope) {
            Callee::Class(local) => {
                let defs: Vec<_> = local
                    .body
                    .iter()
                    .filter_map(|stmt| match stmt {
                        Stmt::FunctionDef(def) if def.name.as_str() == name => Some(def),
                        _ => None,
                    })
                    .collect();
                if defs.is_empty() {
                    if !super_targets(semantic, local, scope, name, depth + 1, found) {
                        return false;
                    }
                } else {
                    found.extend(defs.into_iter().map(Ok));
                }
            }
            _ => match super::imports::qualified_name(semantic, base, scope, true) {
                Some(qualified) => found.push(Err(qualified.as_str().to_string())),
                None => return false,
            },
        }
    }
    true
}

/// The `def`s named `name` in the body of the module's class `class` and
/// of its bases the module defines, in method resolution order (as far as
/// a depth-first walk of the bases gives it).
fn class_methods<'a>(
    semantic: &SemanticModel<'a>,
    class: &'a ast::StmtClassDef,
    scope: ScopeId,
    name: &str,
    depth: u8,
) -> Vec<&'a StmtFunctionDef> {
    let mut found: Vec<&'a StmtFunctionDef> = class
        .body
        .iter()
        .filter_map(|stmt| match stmt {
            Stmt::FunctionDef(def) if def.name.as_str() == name => Some(def),
            _ => None,
        })
        .collect();
    if depth < MAX_DEPTH {
        for base in class.bases() {
            if let Callee::Class(base) = semantic.callee(base, scope) {
                found.extend(class_methods(semantic, base, scope, name, depth + 1));
            }
        }
    }
    found
}

/// The class of the object an expression holds, when the module shows
/// it: a call of a class (`Conn()`), or a name bound once to one.
enum ClassOf<'a> {
    /// A class of the module.
    Own(&'a ast::StmtClassDef),
    /// A class of another module, by the name the module imports it under.
    Foreign(String),
}

/// See [`ClassOf`]. A call of a builtin or of asyncio's is none of the
/// project's.
fn class_of<'a>(
    semantic: &SemanticModel<'a>,
    object: &Expr,
    scope: ScopeId,
) -> Option<ClassOf<'a>> {
    let (func, at): (&Expr, ScopeId) = match object {
        Expr::Call(call) => (&call.func, scope),
        Expr::Name(_) => {
            let (made, at) = assigned_call(semantic, object, scope)?;
            (&made.func, at)
        }
        _ => return None,
    };
    match semantic.callee(func, at) {
        Callee::Class(class) => Some(ClassOf::Own(class)),
        Callee::Function(_) => None,
        Callee::Unknown => {
            // The standard library's classes (and functions: `log =
            // logging.getLogger()`) are trusted.
            let qualified = followed_name(semantic, func, at)?;
            let top = qualified.split('.').next().unwrap_or_default();
            (top.is_empty() || !super::project::standard_module(top))
                .then_some(ClassOf::Foreign(qualified))
        }
    }
}

/// What a class body binds to a name (see [`class_member`]).
enum Member<'a> {
    /// A `def` of that name.
    Def(&'a StmtFunctionDef),
    /// Another function of the class body, by an assignment (`__str__ =
    /// __repr__`) or a property made by a call (`closed =
    /// property(_get_closed)`): its getter.
    Function(&'a StmtFunctionDef),
    /// `None` (`__hash__ = None`).
    Nothing,
    /// Any other value.
    Other,
}

/// What the body of `class` binds to `name`, the last binding winning;
/// `None` when it binds nothing by that name.
fn class_member<'a>(class: &'a ast::StmtClassDef, name: &str) -> Option<Member<'a>> {
    let def_named = |wanted: &str| {
        class.body.iter().rev().find_map(|stmt| match stmt {
            Stmt::FunctionDef(def) if def.name.as_str() == wanted => Some(def),
            _ => None,
        })
    };
    class.body.iter().rev().find_map(|stmt| match stmt {
        Stmt::FunctionDef(def) if def.name.as_str() == name => Some(Member::Def(def)),
        Stmt::Assign(ast::StmtAssign { targets, value, .. })
            if targets
                .iter()
                .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == name)) =>
        {
            Some(match value.as_ref() {
                Expr::NoneLiteral(_) => Member::Nothing,
                Expr::Name(other) => {
                    def_named(other.id.as_str()).map_or(Member::Other, Member::Function)
                }
                Expr::Call(call) => match call.func.as_ref() {
                    Expr::Name(property) if property.id.as_str() == "property" => call
                        .arguments
                        .find_argument_value("fget", 0)
                        .and_then(|getter| match getter {
                            Expr::Name(getter) => def_named(getter.id.as_str()),
                            _ => None,
                        })
                        .map_or(Member::Other, Member::Function),
                    _ => Member::Other,
                },
                _ => Member::Other,
            })
        }
        _ => None,
    })
}

/// The getters of the properties of `class` made by a call in its body
/// (`closed = property(_get_closed)`), with the property's name.
pub fn assigned_properties(class: &ast::StmtClassDef) -> Vec<(&str, &StmtFunctionDef)> {
    class
        .body
        .iter()
        .filter_map(|stmt| match stmt {
            Stmt::Assign(ast::StmtAssign { targets, value, .. }) => match (targets.as_slice(), value.as_ref()) {
                ([Expr::Name(target)], Expr::Call(call))
                    if matches!(call.func.as_ref(), Expr::Name(p) if p.id.as_str() == "property") =>
                {
                    match class_member(class, target.id.as_str()) {
                        Some(Member::Function(getter)) => Some((target.id.as_str(), getter)),
                        _ => None,
                    }
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// The bases of `class` (and of its bases the module defines) that the
/// module does not define, by the name it imports them under (an alias
/// followed): a class of another module, whose methods the project knows.
/// The builtins and asyncio's own are left out.
fn foreign_bases(
    semantic: &SemanticModel,
    class: &ast::StmtClassDef,
    scope: ScopeId,
    depth: u8,
) -> Vec<String> {
    let mut found = Vec::new();
    if depth >= MAX_DEPTH {
        return found;
    }
    for base in class.bases() {
        let base = match base {
            Expr::Subscript(subscript) => subscript.value.as_ref(),
            base => base,
        };
        if let Callee::Class(base) = semantic.callee(base, scope) {
            found.extend(foreign_bases(semantic, base, scope, depth + 1));
            continue;
        }
        if let Some(qualified) = followed_name(semantic, base, scope)
            .or_else(|| star_dependencies(semantic, base, scope).into_iter().next())
            && !qualified.starts_with("builtins")
            && !qualified.starts_with("asyncio")
        {
            found.push(qualified);
        }
    }
    found
}

/// Whether the module's class `class` may derive from
/// `contextlib.ContextDecorator` or `AsyncContextDecorator`: a base names
/// one, is a class of the module that may, or is one the module cannot
/// read (another project module's, or a name bound otherwise).
fn may_be_context_decorator(
    semantic: &SemanticModel,
    class: &ast::StmtClassDef,
    scope: ScopeId,
    depth: u8,
) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    class.bases().iter().any(|base| {
        let base = match base {
            Expr::Subscript(subscript) => subscript.value.as_ref(),
            base => base,
        };
        if let Callee::Class(base) = semantic.callee(base, scope) {
            return may_be_context_decorator(semantic, base, scope, depth + 1);
        }
        let Some(qualified) = followed_name(semantic, base, scope) else {
            return true;
        };
        if matches!(
            qualified.as_str(),
            "contextlib.ContextDecorator" | "contextlib.AsyncContextDecorator"
        ) {
            return true;
        }
        // A class of another project module may derive from one.
        semantic.project().is_some_and(|project| {
            project.absolute(&qualified).is_some_and(|absolute| {
                !matches!(
                    project.facts.resolve(&absolute),
                    Resolved::External(_) | Resolved::Module(_)
                )
            })
        })
    })
}

/// The call that `call` makes when its callee is a name bound once to
/// `functools.partial(F, a, …)` (`quiet = partial(suppress,
/// CancelledError)`, then `quiet()`): `F(a, …, <call's arguments>)`, with
/// the scope the partial was made in.
fn partial_call(
    semantic: &SemanticModel,
    call: &ExprCall,
    scope: ScopeId,
) -> Option<(ExprCall, ScopeId)> {
    let Expr::Name(name) = call.func.as_ref() else {
        return None;
    };
    let super::imports::Lookup::Bound {
        scope: owner,
        bindings: [only],
    } = semantic.lookup(name.id.as_str(), scope)
    else {
        return None;
    };
    let binding = semantic.binding(*only);
    let Some(Stmt::Assign(assign)) = binding.stmt else {
        return None;
    };
    let Expr::Call(partial) = assign.value.as_ref() else {
        return None;
    };
    partial_of(
        semantic,
        partial,
        owner,
        &call.arguments.args,
        &call.arguments.keywords,
    )
}

/// The call a name is bound to (`job = Job()`), its only binding in its
/// scope, declared neither `global` nor `nonlocal`; with that scope.
fn assigned_call<'a>(
    semantic: &SemanticModel<'a>,
    expr: &Expr,
    scope: ScopeId,
) -> Option<(&'a ExprCall, ScopeId)> {
    match sole_assigned_value(semantic, expr, scope)? {
        (Expr::Call(made), owner) => Some((made, owner)),
        _ => None,
    }
}

/// `partial(F, a, …)` called with the arguments `args` and `keywords`:
/// `F(a, …, …)`.
fn partial_of(
    semantic: &SemanticModel,
    partial: &ExprCall,
    scope: ScopeId,
    args: &[Expr],
    keywords: &[ast::Keyword],
) -> Option<(ExprCall, ScopeId)> {
    if !semantic.refers_to(&partial.func, scope, "functools.partial") {
        return None;
    }
    let (function, given) = partial.arguments.args.split_first()?;
    if matches!(function, Expr::Starred(_)) {
        return None;
    }
    let mut made = partial.clone();
    made.func = Box::new(function.clone());
    made.arguments.args = given.iter().chain(args.iter()).cloned().collect();
    made.arguments.keywords = partial
        .arguments
        .keywords
        .iter()
        .chain(keywords.iter())
        .cloned()
        .collect();
    Some((made, scope))
}

/// Whether a callee is a value read out of a container or made by a call
/// (`HANDLERS[name]`, `registry.get(name)`, `HANDLERS[name].run`).
fn computed_callee(func: &Expr) -> bool {
    match func {
        Expr::Subscript(_) | Expr::Call(_) => true,
        Expr::Attribute(attribute) => matches!(attribute.value.as_ref(), Expr::Subscript(_)),
        _ => false,
    }
}

/// Whether awaiting an instance of the module's class `class` may run an
/// `__await__` the walk does not read: one the class (or a base the module
/// defines) binds, or a base of elsewhere, which may bind one.
fn class_may_await(
    semantic: &SemanticModel,
    class: &ast::StmtClassDef,
    scope: ScopeId,
    depth: u8,
) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    let binds = class.body.iter().any(|stmt| match stmt {
        Stmt::FunctionDef(def) => def.name.as_str() == "__await__",
        Stmt::Assign(assign) => assign
            .targets
            .iter()
            .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == "__await__")),
        _ => false,
    });
    binds
        || class
            .bases()
            .iter()
            .any(|base| match semantic.callee(base, scope) {
                Callee::Class(base) => class_may_await(semantic, base, scope, depth + 1),
                _ => !semantic.refers_to(base, scope, "builtins.object"),
            })
}

/// The names read as values anywhere in the module: all but a call's
/// callee (`h()`, `c.h()`) outside a lambda, and annotations.
#[derive(Default)]
struct Escaping<'b> {
    /// A name, and the attributes read from it (`.h` for `c.h`), each
    /// once, in the order first read.
    values: Vec<(&'b str, String)>,
    /// The pairs of `values`, to keep each once.
    seen: FxHashSet<(&'b str, String)>,
    in_lambda: u32,
    /// The bodies of `if TYPE_CHECKING:`.
    typing_only: Vec<TextRange>,
}

impl<'b> Visitor<'b> for Escaping<'b> {
    fn visit_annotation(&mut self, _: &'b Expr) {}

    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        if let Stmt::If(if_stmt) = stmt
            && super::builder::is_type_checking(&if_stmt.test)
            && let (Some(first), Some(last)) = (if_stmt.body.first(), if_stmt.body.last())
        {
            self.typing_only
                .push(TextRange::new(first.start(), last.end()));
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Lambda(_) => {
                self.in_lambda += 1;
                visitor::walk_expr(self, expr);
                self.in_lambda -= 1;
            }
            Expr::Call(call) if self.in_lambda == 0 => {
                // The callee's root name is called, not used as a value
                // (`h()`, `c.h()`, `Worker().run()`).
                let mut root = call.func.as_ref();
                loop {
                    match root {
                        Expr::Attribute(attribute) => root = &attribute.value,
                        Expr::Call(inner) => {
                            self.visit_arguments(&inner.arguments);
                            root = &inner.func;
                        }
                        _ => break,
                    }
                }
                if !matches!(root, Expr::Name(_)) {
                    self.visit_expr(root);
                }
                self.visit_arguments(&call.arguments);
            }
            // Type arguments (`Union[A, B]`, `Optional[C]`) name types.
            Expr::Subscript(subscript) => self.visit_expr(&subscript.value),
            Expr::Name(name) if name.ctx.is_load() => self.value(name.id.as_str(), String::new()),
            // `c.h`, `Worker().run`: what the chain reads from its root.
            Expr::Attribute(_) if self.in_lambda == 0 => {
                let mut path = Vec::new();
                let mut root = expr;
                loop {
                    match root {
                        Expr::Attribute(attribute) => {
                            path.push(attribute.attr.as_str());
                            root = &attribute.value;
                        }
                        Expr::Call(call) => {
                            self.visit_arguments(&call.arguments);
                            root = &call.func;
                        }
                        _ => break,
                    }
                }
                match root {
                    Expr::Name(name) => {
                        path.reverse();
                        let mut tail = String::new();
                        for part in path {
                            tail.push('.');
                            tail.push_str(part);
                        }
                        self.value(name.id.as_str(), tail);
                    }
                    _ => self.visit_expr(root),
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

impl<'b> Escaping<'b> {
    fn value(&mut self, name: &'b str, tail: String) {
        if self.seen.insert((name, tail.clone())) {
            self.values.push((name, tail));
        }
    }
}

/// The calls a coroutine's own frame waits for: awaited (`await f()`),
/// entered (`async with f()`), iterated (`async for x in f()`), or given
/// to what runs or waits for them (`create_task(f())`, `gather(f(), g())`,
/// `wait_for(f(), 5)`), by start.
#[derive(Default)]
struct Awaited<'b> {
    calls: FxHashSet<ruff_text_size::TextSize>,
    /// What is awaited that is no call (`await self.task`, `await fut`).
    values: Vec<&'b Expr>,
}

impl<'b> Visitor<'b> for Awaited<'b> {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::With(with) if with.is_async => {
                for item in &with.items {
                    if let Expr::Call(call) = &item.context_expr {
                        self.calls.insert(call.start());
                    }
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::For(for_stmt) if for_stmt.is_async => {
                match for_stmt.iter.as_ref() {
                    Expr::Call(call) => {
                        self.calls.insert(call.start());
                    }
                    value @ (Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)) => {
                        self.values.push(value);
                    }
                    _ => {}
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Lambda(_) => {}
            Expr::Await(awaited) => {
                match awaited.value.as_ref() {
                    Expr::Call(call) => {
                        self.calls.insert(call.start());
                    }
                    value @ (Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)) => {
                        self.values.push(value);
                    }
                    _ => {}
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Call(call) => {
                let runs = match call.func.as_ref() {
                    Expr::Attribute(attribute) => attribute.attr.as_str(),
                    Expr::Name(name) => name.id.as_str(),
                    _ => "",
                };
                if matches!(
                    runs,
                    "create_task"
                        | "ensure_future"
                        | "gather"
                        | "shield"
                        | "wait_for"
                        | "wait"
                        | "as_completed"
                        | "start_soon"
                        | "run_coroutine_threadsafe"
                ) {
                    for argument in call
                        .arguments
                        .args
                        .iter()
                        .chain(call.arguments.keywords.iter().map(|k| &k.value))
                    {
                        if let Expr::Call(given) = argument {
                            self.calls.insert(given.start());
                        }
                    }
                }
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// The calls of the frame, and the attributes it reads otherwise
/// than to call them (`conn.closed`, `self.conn` in
/// `self.conn.close()`).
#[derive(Default)]
struct FrameCalls<'b> {
    calls: Vec<&'b ExprCall>,
    reads: Vec<&'b ast::ExprAttribute>,
    /// Functions handed to code that calls them (`to_thread(flush)`,
    /// `run_in_executor(None, flush)`).
    handed: Vec<&'b Expr>,
    /// Objects whose class's methods run implicitly, with those methods:
    /// formatted (`f"{c}"`, `print(c)`, `str(c)`), tested for truth (`if
    /// c:`), iterated, entered (`with C():`), closed by `closing(c)`.
    implicit: Vec<(&'b Expr, &'static [&'static str])>,
}

/// The methods formatting an object may run.
const FORMATTING: &[&str] = &["__format__", "__str__", "__repr__"];
/// The methods testing an object for truth may run.
const TRUTH: &[&str] = &["__bool__", "__len__"];

impl FrameCalls<'_> {
    fn truth<'b>(implicit: &mut Vec<(&'b Expr, &'static [&'static str])>, test: &'b Expr) {
        match test {
            Expr::Name(_) | Expr::Attribute(_) | Expr::Call(_) | Expr::Subscript(_) => {
                implicit.push((test, TRUTH));
            }
            Expr::BoolOp(bool_op) => {
                for value in &bool_op.values {
                    Self::truth(implicit, value);
                }
            }
            Expr::UnaryOp(unary) if unary.op == ast::UnaryOp::Not => {
                Self::truth(implicit, &unary.operand);
            }
            _ => {}
        }
    }
}

impl<'b> Visitor<'b> for FrameCalls<'b> {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::If(ast::StmtIf {
                test,
                elif_else_clauses,
                ..
            }) => {
                Self::truth(&mut self.implicit, test);
                for clause in elif_else_clauses {
                    if let Some(test) = &clause.test {
                        Self::truth(&mut self.implicit, test);
                    }
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::While(ast::StmtWhile { test, .. }) => {
                Self::truth(&mut self.implicit, test);
                visitor::walk_stmt(self, stmt);
            }
            Stmt::For(for_stmt) => {
                let methods: &'static [&'static str] = if for_stmt.is_async {
                    &["__aiter__", "__anext__"]
                } else {
                    &["__iter__"]
                };
                self.implicit.push((&for_stmt.iter, methods));
                visitor::walk_stmt(self, stmt);
            }
            Stmt::With(with) => {
                let methods: &'static [&'static str] = if with.is_async {
                    &["__aenter__", "__aexit__"]
                } else {
                    &["__enter__", "__exit__"]
                };
                for item in &with.items {
                    self.implicit.push((&item.context_expr, methods));
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }
    fn visit_interpolated_string_element(&mut self, element: &'b ast::InterpolatedStringElement) {
        if let ast::InterpolatedStringElement::Interpolation(interpolation) = element {
            self.implicit.push((&interpolation.expression, FORMATTING));
        }
        visitor::walk_interpolated_string_element(self, element);
    }
    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Lambda(_) => {}
            Expr::If(if_exp) => {
                Self::truth(&mut self.implicit, &if_exp.test);
                visitor::walk_expr(self, expr);
            }
            Expr::Call(call) => {
                self.calls.push(call);
                let called = match call.func.as_ref() {
                    Expr::Name(name) => name.id.as_str(),
                    Expr::Attribute(attribute) => attribute.attr.as_str(),
                    _ => "",
                };
                let args = &call.arguments.args;
                match called {
                    "print" | "str" | "repr" | "format" | "ascii" => {
                        for arg in args {
                            self.implicit.push((arg, FORMATTING));
                        }
                    }
                    "bool" | "len" => {
                        if let Some(arg) = args.first() {
                            self.implicit.push((arg, TRUTH));
                        }
                    }
                    "iter" | "list" | "tuple" | "sorted" | "set" => {
                        if let Some(arg) = args.first() {
                            self.implicit.push((arg, &["__iter__"]));
                        }
                    }
                    "closing" => {
                        if let Some(arg) = args.first() {
                            self.implicit.push((arg, &["close"]));
                        }
                    }
                    "aclosing" => {
                        if let Some(arg) = args.first() {
                            self.implicit.push((arg, &["aclose"]));
                        }
                    }
                    "to_thread" => self.handed.extend(args.first()),
                    "run_in_executor" => self.handed.extend(args.get(1)),
                    _ => {}
                }
                match call.func.as_ref() {
                    Expr::Attribute(method) => self.visit_expr(&method.value),
                    func => self.visit_expr(func),
                }
                self.visit_arguments(&call.arguments);
            }
            Expr::Attribute(attribute) if attribute.ctx == ast::ExprContext::Load => {
                self.reads.push(attribute);
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// The values the module writes to an attribute named `name` other than
/// in a class body: `X.name = value`, `setattr(X, "name", value)` (a
/// class's dunder replaced after its body, `Guard.__aexit__ = _swallow`);
/// `None` when a write cannot be read: an augmented assignment, a `del`,
/// the name as a string elsewhere (`vars(X)["name"] = …`, a `type(…)`
/// namespace), or an attribute set by `setattr` with a computed name on
/// a class (a class of the module, or `cls`): a dunder is looked up on
/// the class, so a computed write on an instance (`setattr(self, key, v)`,
/// `super().__setattr__(key, v)`) does not reach it. Reads
/// (`getattr(x, "name")`, `hasattr`) do not count.
fn attribute_writes<'a>(semantic: &SemanticModel<'a>, name: &str) -> Option<Vec<&'a Expr>> {
    let dynamic = semantic.dynamic_writes();
    if !dynamic.attributes.contains(name)
        && !dynamic.dynamic_classes
        && !dynamic.any_instance_attribute()
    {
        return Some(Vec::new());
    }
    let classes: FxHashSet<&str> = semantic
        .scopes
        .iter()
        .filter_map(|scope| match scope.node {
            ScopeNode::Class(class) => Some(class.name.as_str()),
            _ => None,
        })
        .collect();
    let mut writes = AttributeWrites {
        name,
        classes,
        values: Vec::new(),
        unknown: false,
    };
    writes.visit_body(&semantic.module.body);
    (!writes.unknown).then_some(writes.values)
}

/// See [`attribute_writes`].
struct AttributeWrites<'b, 'n> {
    name: &'n str,
    /// The names of the module's classes.
    classes: FxHashSet<&'n str>,
    values: Vec<&'b Expr>,
    unknown: bool,
}

impl<'b> Visitor<'b> for AttributeWrites<'b, '_> {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        let named =
            |target: &Expr| matches!(target, Expr::Attribute(a) if a.attr.as_str() == self.name);
        match stmt {
            Stmt::Assign(assign) => {
                if assign.targets.iter().any(named) {
                    self.values.push(&assign.value);
                }
                // `a.name, b = …`: not read.
                if assign.targets.iter().any(|target| match target {
                    Expr::Tuple(tuple) => tuple.elts.iter().any(named),
                    Expr::List(list) => list.elts.iter().any(named),
                    _ => false,
                }) {
                    self.unknown = true;
                }
            }
            Stmt::AnnAssign(assign) if named(&assign.target) => {
                if let Some(value) = &assign.value {
                    self.values.push(value);
                }
            }
            Stmt::AugAssign(assign) if named(&assign.target) => self.unknown = true,
            Stmt::Delete(delete) if delete.targets.iter().any(named) => self.unknown = true,
            Stmt::For(each) if named(&each.target) => self.unknown = true,
            Stmt::With(with)
                if with
                    .items
                    .iter()
                    .any(|item| item.optional_vars.as_deref().is_some_and(named)) =>
            {
                self.unknown = true;
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Call(call) => {
                let func = match call.func.as_ref() {
                    Expr::Name(name) => name.id.as_str(),
                    Expr::Attribute(attribute) => attribute.attr.as_str(),
                    _ => "",
                };
                let literal = |at: usize| matches!(call.arguments.args.get(at), Some(Expr::StringLiteral(s)) if s.value.to_str() == self.name);
                if matches!(func, "getattr" | "hasattr") && literal(1) {
                    self.visit_expr(&call.func);
                    if let Some(object) = call.arguments.args.first() {
                        self.visit_expr(object);
                    }
                    for rest in call.arguments.args.iter().skip(2) {
                        self.visit_expr(rest);
                    }
                    return;
                }
                if func == "setattr"
                    && !matches!(call.arguments.args.get(1), Some(Expr::StringLiteral(_)))
                    && matches!(call.arguments.args.first(), Some(Expr::Name(object))
                        if object.id.as_str() == "cls" || self.classes.contains(object.id.as_str()))
                {
                    self.unknown = true;
                }
                if func == "setattr" && literal(1) && call.arguments.args.len() == 3 {
                    self.values.push(&call.arguments.args[2]);
                    self.visit_expr(&call.func);
                    self.visit_expr(&call.arguments.args[0]);
                    self.visit_expr(&call.arguments.args[2]);
                    return;
                }
                visitor::walk_expr(self, expr);
            }
            Expr::StringLiteral(string) if string.value.to_str() == self.name => {
                self.unknown = true;
            }
            Expr::Named(named) if matches!(named.target.as_ref(), Expr::Attribute(a) if a.attr.as_str() == self.name) =>
            {
                self.unknown = true;
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Whether the module may bind an exit (`__exit__`, `__aexit__`) that
/// keeps a cancellation other than by a `def` in a class body: a write
/// after the class (`Guard.__aexit__ = _swallow`, `setattr(…)`, in a
/// class decorator) whose value is not a function of the module that
/// returns nothing true and raises nothing of its own, or one it cannot
/// read (see [`attribute_writes`]).
fn exit_written_may_keep(semantic: &SemanticModel) -> bool {
    ["__exit__", "__aexit__"]
        .iter()
        .any(|name| match attribute_writes(semantic, name) {
            None => true,
            Some(values) => values.into_iter().any(|value| {
                let scope = semantic.scope_at(value.start());
                match semantic.callee(value, scope) {
                    Callee::Function(def) => {
                        let mut returns = Returns::default();
                        returns.visit_body(&def.body);
                        returns.truthy || raises_another(def)
                    }
                    _ => true,
                }
            }),
        })
}

/// Whether the class statement `class` may have its methods replaced by
/// what the module cannot read: a metaclass other than `type` or
/// `abc.ABCMeta`, a class decorator other than those known to return the
/// class as it is (see [`SemanticModel::class_keeps_subclass_methods`]).
fn methods_may_be_replaced(semantic: &SemanticModel, class: &ast::StmtClassDef) -> bool {
    !semantic
        .scopes
        .iter()
        .enumerate()
        .find_map(|(id, each)| match each.node {
            ScopeNode::Class(def) if std::ptr::eq(def, class) => Some(id as ScopeId),
            _ => None,
        })
        .is_some_and(|scope| semantic.class_keeps_subclass_methods(class, scope))
}

/// Whether `def` is a stub meant to be overridden: its body (past a
/// docstring) only raises `NotImplementedError`, or it is an
/// `@abstractmethod`.
fn is_stub(def: &StmtFunctionDef) -> bool {
    let abstract_ = def
        .decorator_list
        .iter()
        .any(|decorator| match &decorator.expression {
            Expr::Name(name) => name.id.as_str() == "abstractmethod",
            Expr::Attribute(attribute) => attribute.attr.as_str() == "abstractmethod",
            _ => false,
        });
    let body = match def.body.as_slice() {
        [Stmt::Expr(doc), rest @ ..] if matches!(doc.value.as_ref(), Expr::StringLiteral(_)) => {
            rest
        }
        body => body,
    };
    let raises_not_implemented = match body {
        [Stmt::Raise(raise)] => match raise.exc.as_deref() {
            Some(Expr::Call(call)) => {
                matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "NotImplementedError")
            }
            Some(Expr::Name(n)) => n.id.as_str() == "NotImplementedError",
            _ => false,
        },
        _ => false,
    };
    abstract_ || raises_not_implemented
}

/// Whether `receiver` (the object a method is called on) is, or comes
/// from, a module imported at run time: a name bound once to
/// `importlib.import_module(…)` or `__import__(…)` (through attributes
/// too: `lib.sub.job()`). The analysis does not follow it.
fn runtime_module(semantic: &SemanticModel, receiver: &Expr, scope: ScopeId) -> bool {
    let mut current = receiver;
    while let Expr::Attribute(attribute) = current {
        current = attribute.value.as_ref();
    }
    let Some((Expr::Call(made), owner)) = sole_assigned_value(semantic, current, scope) else {
        return false;
    };
    semantic.qualified_name(&made.func, owner).is_some_and(|q| {
        matches!(
            q.as_str(),
            "importlib.import_module" | "builtins.__import__" | "importlib.__import__"
        )
    })
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};

    use super::KeptCancellation;
    use crate::test_support::with_context;
    use crate::version::PyVersion;

    /// What keeps the cancellation of `main()`, called in the source's last
    /// statement (`run(main())`), as the text it covers.
    fn kept_at(source: &str, target: PyVersion) -> Option<(&'static str, String)> {
        with_context(source, |ctx| {
            let Some(Stmt::Expr(last)) = ctx.module.body.last() else {
                panic!("no last expression statement")
            };
            let Expr::Call(run) = last.value.as_ref() else {
                panic!("no call")
            };
            let Some(Expr::Call(call)) = run.arguments.args.first() else {
                panic!("no argument call")
            };
            ctx.semantic.kept_cancellation(call, 0, target).map(|kept| {
                let kind = match kept {
                    KeptCancellation::Handler(_) => "handler",
                    KeptCancellation::Finally(_) => "finally",
                    KeptCancellation::ContextManager(_) => "context manager",
                    KeptCancellation::Wrapped(_) => "wrapped",
                    KeptCancellation::Elsewhere(_) => "elsewhere",
                    KeptCancellation::Untraced(_) => "untraced",
                    KeptCancellation::Registry(_) => "registry",
                    KeptCancellation::Unknown(_) => "unknown",
                    KeptCancellation::TooDeep(_) => "too deep",
                    KeptCancellation::Unfollowed(_) => "unfollowed",
                };
                (kind, source[kept.range()].to_string())
            })
        })
    }

    fn kept(source: &str) -> Option<(&'static str, String)> {
        kept_at(source, PyVersion::PY311)
    }

    const HEAD: &str = "import asyncio\nfrom asyncio import CancelledError\nimport contextlib\n\n";

    fn with_main(body: &str) -> String {
        format!("{HEAD}async def main():\n{body}\nrun(main())\n")
    }

    #[test]
    fn handlers_that_go_on_keep_it() {
        for (body, caught) in [
            (
                "    try:\n        await asyncio.sleep(5)\n    except asyncio.CancelledError:\n        print('stopped')\n",
                "except asyncio.CancelledError",
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except:\n        pass\n",
                "except",
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except (KeyError, BaseException):\n        return 1\n",
                "except (KeyError, BaseException)",
            ),
            (
                "    while True:\n        try:\n            await asyncio.sleep(5)\n        except CancelledError:\n            if done():\n                raise\n",
                "except CancelledError",
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        if again():\n            return\n        raise\n",
                "except CancelledError",
            ),
            // Another exception raised instead: the caller sees it, not
            // the cancellation.
            (
                "    try:\n        await asyncio.sleep(5)\n    except BaseException as e:\n        raise RuntimeError('x') from e\n",
                "except BaseException",
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except asyncio.CancelledError as e:\n        err = e\n        raise err.__class__()\n",
                "except asyncio.CancelledError",
            ),
            (
                "    for _ in range(3):\n        try:\n            await asyncio.sleep(5)\n        except errors:\n            continue\n",
                "except errors",
            ),
        ] {
            assert_eq!(
                kept(&with_main(body)),
                Some(("handler", caught.to_string())),
                "{body}"
            );
        }
    }

    #[test]
    fn handlers_that_raise_or_cannot_see_it_let_it_out() {
        for body in [
            "    await asyncio.sleep(5)\n",
            "    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        print('stopping')\n        raise\n",
            "    try:\n        await asyncio.sleep(5)\n    except BaseException as e:\n        raise e from None\n",
            // `Exception` does not catch it (from 3.8).
            "    try:\n        await asyncio.sleep(5)\n    except Exception:\n        pass\n",
            // A handler after one that surely re-raises it never sees it.
            "    try:\n        await asyncio.sleep(5)\n    except asyncio.CancelledError:\n        raise\n    except BaseException:\n        pass\n",
            // Nothing can suspend in the `try`.
            "    try:\n        x = int('1')\n    except:\n        x = 0\n    await asyncio.sleep(x)\n",
            // A `break` of a loop inside the handler stays in it.
            "    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        for i in range(3):\n            break\n        raise\n",
            // A nested function's handler runs later, if at all.
            "    def later():\n        try:\n            pass\n        except:\n            pass\n    await asyncio.sleep(1)\n",
        ] {
            assert_eq!(kept(&with_main(body)), None, "{body}");
        }
    }

    #[test]
    fn before_3_8_exception_catches_it() {
        let source = with_main(
            "    try:\n        await asyncio.sleep(5)\n    except Exception:\n        pass\n",
        );
        assert_eq!(kept(&source), None);
        assert_eq!(
            kept_at(&source, PyVersion::PY37),
            Some(("handler", "except Exception".to_string()))
        );
    }

    #[test]
    fn finally_that_returns_and_suppressing_managers_keep_it() {
        assert_eq!(
            kept(&with_main(
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        return 1\n"
            )),
            Some(("finally", "return 1".to_string()))
        );
        assert_eq!(
            kept(&with_main(
                "    with contextlib.suppress(asyncio.CancelledError):\n        await asyncio.sleep(5)\n"
            )),
            Some((
                "context manager",
                "contextlib.suppress(asyncio.CancelledError)".to_string()
            ))
        );
        let source = format!(
            "{HEAD}class Quiet:\n    async def __aenter__(self):\n        return self\n    async def __aexit__(self, *exc):\n        return True\n\nclass Quieter(Quiet):\n    pass\n\nasync def main():\n    async with Quieter():\n        await asyncio.sleep(5)\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("context manager", "Quieter()".to_string()))
        );
        // `suppress(KeyError)` and a manager that returns `False` let it out.
        assert_eq!(
            kept(&format!(
                "{HEAD}class Loud:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return False\n\nasync def main():\n    with contextlib.suppress(KeyError), Loud():\n        await asyncio.sleep(5)\n\nrun(main())\n"
            )),
            None
        );
    }

    #[test]
    fn the_module_coroutines_it_calls_are_read() {
        // Awaited directly, through a task, through a plain function, as a
        // method of another object, as an async generator.
        let serve = "async def serve():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        pass\n\n";
        for body in [
            "    await serve()\n",
            "    task = asyncio.create_task(serve())\n    await task\n",
            "    await start()\n",
            "    await server.serve()\n",
        ] {
            let source = format!(
                "{HEAD}{serve}def start():\n    return serve()\n\nclass Server:\n    async def serve(self):\n        try:\n            await asyncio.sleep(5)\n        except CancelledError:\n            pass\n\nasync def main():\n{body}\nrun(main())\n"
            );
            assert_eq!(
                kept(&source).map(|(kind, _)| kind),
                Some("handler"),
                "{body}"
            );
        }
        let source = format!(
            "{HEAD}async def numbers():\n    try:\n        yield 1\n    except BaseException:\n        return\n\nasync def main():\n    async for n in numbers():\n        await asyncio.sleep(n)\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("handler", "except BaseException".to_string()))
        );
    }

    #[test]
    fn recursion_and_unknown_coroutines() {
        // A coroutine that calls itself is read once.
        let source = format!(
            "{HEAD}async def main(n=3):\n    if n:\n        await main(n - 1)\n    await asyncio.sleep(1)\n\nrun(main())\n"
        );
        assert_eq!(kept(&source), None);
        // Imported code deeper down is trusted; the coroutine asked about is not.
        let source = format!(
            "{HEAD}from app import serve\n\nasync def main():\n    await serve()\n\nrun(main())\n"
        );
        assert_eq!(kept(&source), None);
        let source = format!("{HEAD}from app import main\n\nrun(main())\n");
        assert_eq!(kept(&source), Some(("unknown", "main()".to_string())));
        // asyncio's own coroutine, around one of the module's.
        let source = format!(
            "{HEAD}async def serve():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        pass\n\nrun(asyncio.wait_for(serve(), 5))\n"
        );
        assert_eq!(
            kept(&source),
            Some(("handler", "except CancelledError".to_string()))
        );
    }

    #[test]
    fn decorated_functions_run_a_wrapper_the_module_may_show() {
        let wrapper = "def graceful(fn):\n    async def wrapper():\n        try:\n            await fn()\n        except CancelledError:\n            pass\n    return wrapper\n\n";
        // Asked directly, and deeper.
        for tail in [
            "run(serve())\n",
            "async def main():\n    await serve()\n\nrun(main())\n",
        ] {
            let source = format!(
                "{HEAD}{wrapper}@graceful\nasync def serve():\n    await asyncio.sleep(1)\n\n{tail}"
            );
            assert_eq!(
                kept(&source),
                Some(("wrapped", "serve()".to_string())),
                "{tail}"
            );
        }
        // A decorator known to keep the function, or a module with no
        // coroutine that keeps it, leaves the body to answer.
        let source = format!(
            "{HEAD}import functools\n\n@functools.cache\nasync def serve():\n    await asyncio.sleep(1)\n\nrun(serve())\n"
        );
        assert_eq!(kept(&source), None);
        let source = format!(
            "{HEAD}from app import traced\n\n@traced\nasync def serve():\n    await asyncio.sleep(1)\n\nrun(serve())\n"
        );
        assert_eq!(kept(&source), None);
    }

    #[test]
    fn context_decorators_enter_their_manager_around_the_function() {
        let keeping = "    async def __aenter__(self):\n        return self\n\n    async def __aexit__(self, *exc):\n        return True\n\n";
        let plain = "    async def __aenter__(self):\n        return self\n\n    async def __aexit__(self, *exc):\n        return None\n\n";
        let job = "async def job():\n    await asyncio.sleep(1)\n\nrun(job())\n";
        for (base, exit, binding, decorator, expected) in [
            (
                "contextlib.AsyncContextDecorator",
                keeping,
                "",
                "@Tx()",
                true,
            ),
            ("contextlib.ContextDecorator", keeping, "", "@Tx()", true),
            (
                "contextlib.AsyncContextDecorator",
                keeping,
                "transaction = Tx()\n\n",
                "@transaction",
                true,
            ),
            (
                "contextlib.AsyncContextDecorator",
                keeping,
                "class Db:\n    def transaction(self):\n        return Tx()\n\ndb = Db()\n\n",
                "@db.transaction()",
                true,
            ),
            (
                "contextlib.AsyncContextDecorator",
                keeping,
                "def transaction():\n    return Tx()\n\n",
                "@transaction()",
                true,
            ),
            // An exit that lets it out, or a class that is no context decorator.
            (
                "contextlib.AsyncContextDecorator",
                plain,
                "",
                "@Tx()",
                false,
            ),
            ("object", keeping, "", "@Tx()", false),
        ] {
            let source = format!("{HEAD}class Tx({base}):\n{exit}{binding}{decorator}\n{job}");
            assert_eq!(kept(&source).is_some(), expected, "{source}");
        }
    }

    #[test]
    fn exits_that_raise_and_exit_stacks_keep_it() {
        for (class, expected) in [
            (
                "    async def __aexit__(self, *exc):\n        raise ConnectionError('x')\n",
                true,
            ),
            (
                "    async def __aexit__(self, t, e, tb):\n        try:\n            await self.close()\n        except OSError:\n            raise\n",
                true,
            ),
            ("    __aexit__ = make_exit()\n", true),
            (
                "    async def __aexit__(self, t, e, tb):\n        if e is not None:\n            raise e\n",
                false,
            ),
            (
                "    async def __aexit__(self, *exc):\n        if exc[1]:\n            raise exc[1]\n        return False\n",
                false,
            ),
        ] {
            let source = format!(
                "{HEAD}class Resource:\n    async def __aenter__(self):\n        return self\n{class}\nasync def main():\n    async with Resource():\n        await asyncio.sleep(5)\n\nrun(main())\n"
            );
            assert_eq!(
                kept(&source),
                expected.then(|| ("context manager", "Resource()".to_string())),
                "{class}"
            );
        }
        for (push, expected) in [
            ("stack.push_async_exit(swallow)", true),
            ("stack.push_async_exit(lambda *exc: True)", true),
            ("stack.push_async_callback(fail)", true),
            (
                "await stack.enter_async_context(contextlib.suppress(CancelledError))",
                true,
            ),
            ("stack.push_async_exit(quiet)", false),
            ("stack.push_async_callback(swallow)", false),
            (
                "await stack.enter_async_context(contextlib.suppress(KeyError))",
                false,
            ),
        ] {
            let source = format!(
                "{HEAD}async def swallow(*exc):\n    return True\n\nasync def quiet(*exc):\n    return None\n\nasync def fail():\n    raise OSError('x')\n\nasync def main():\n    async with contextlib.AsyncExitStack() as stack:\n        {push}\n        await asyncio.sleep(5)\n\nrun(main())\n"
            );
            assert_eq!(
                kept(&source).map(|(kind, _)| kind),
                expected.then_some("context manager"),
                "{push}"
            );
        }
    }

    #[test]
    fn properties_are_followed_to_what_they_return() {
        let head = format!(
            "{HEAD}async def worker():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        return 1\n\nasync def plain():\n    await asyncio.sleep(5)\n\n"
        );
        let kept_of = |source: &str| {
            with_context(source, |ctx| {
                let Some(Stmt::Expr(last)) = ctx.module.body.last() else {
                    panic!("no last expression statement")
                };
                let Expr::Call(run) = last.value.as_ref() else {
                    panic!("no call")
                };
                let awaitable = run.arguments.args.first().expect("an argument");
                ctx.semantic
                    .kept_cancellation_of(awaitable, 0, PyVersion::PY311)
                    .map(|kept| source[kept.range()].to_string())
            })
        };
        for (getter, expected) in [
            (
                "    @property\n    def job(self):\n        return worker()\n",
                Some("except CancelledError"),
            ),
            (
                "    @property\n    def job(self):\n        return self._job\n",
                Some("Service().job"),
            ),
            (
                "    @cached\n    def job(self):\n        return plain()\n",
                Some("Service().job"),
            ),
            (
                "    @property\n    def job(self):\n        return plain()\n",
                None,
            ),
            // Not a property: a method is no attribute's value.
            ("    def job(self):\n        return self._job\n", None),
        ] {
            let source = format!("{head}class Service:\n{getter}\nrun(Service().job)\n");
            assert_eq!(kept_of(&source).as_deref(), expected, "{getter}");
        }
    }

    #[test]
    fn handlers_and_finally_blocks_that_call_raising_code_keep_it() {
        let head = format!(
            "{HEAD}def report():\n    raise SystemExit('stopped')\n\nasync def close():\n    raise RuntimeError('close failed')\n\ndef log():\n    print('stopped')\n\ndef check():\n    assert STATE\n\nclass Base:\n    def __init__(self):\n        check()\n\nclass Cleanup(Base):\n    pass\n\nclass Quiet(Base):\n    def __init__(self):\n        log()\n\nclass Conn:\n    @property\n    def closed(self):\n        raise OSError('closed')\n\n    @property\n    def name(self):\n        return 'c'\n\n    @name.setter\n    def name(self, value):\n        raise OSError('read only')\n\n"
        );
        for (body, expected) in [
            (
                "    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        report()\n        raise\n",
                Some(("handler", "except CancelledError")),
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        await close()\n",
                Some(("finally", "close()")),
            ),
            // Code that does not raise lets it out.
            (
                "    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        log()\n        raise\n",
                None,
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        log()\n",
                None,
            ),
            // An `assert`, a `raise` of another exception before the one
            // that ends a handler, a class whose constructor raises.
            (
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        assert STATE\n",
                Some(("finally", "assert STATE")),
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        check()\n",
                Some(("finally", "check()")),
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except CancelledError as e:\n        if STATE:\n            raise RuntimeError('dirty')\n        raise e\n",
                Some(("handler", "except CancelledError")),
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except CancelledError as e:\n        log()\n        raise e\n",
                None,
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        Cleanup()\n",
                Some(("finally", "Cleanup()")),
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        Quiet()\n",
                None,
            ),
            // A property read there: the receiver's class is not told, a
            // getter of that name that raises counts; a setter does not.
            (
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        print(conn.closed)\n",
                Some(("finally", "conn.closed")),
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        print(conn.name)\n",
                None,
            ),
        ] {
            let source = format!("{head}async def main():\n{body}\nrun(main())\n");
            assert_eq!(
                kept(&source),
                expected.map(|(kind, text)| (kind, text.to_string())),
                "{body}"
            );
        }
    }

    #[test]
    fn an_async_generator_stepped_runs_its_body() {
        let generator = "async def ticks():\n    try:\n        await asyncio.sleep(5)\n        yield 1\n    except CancelledError:\n        yield 0\n\n";
        for step in [
            "ticks().__anext__()",
            "anext(ticks())",
            "ticks().asend(None)",
        ] {
            let source = format!(
                "{HEAD}{generator}def step():\n    return {step}\n\nasync def main():\n    await step()\n\nrun(main())\n"
            );
            assert_eq!(
                kept(&source).map(|(kind, _)| kind),
                Some("handler"),
                "{step}"
            );
        }
    }

    #[test]
    fn managers_reached_otherwise_than_by_their_class_are_asked() {
        let guard = "class Guard:\n    async def __aenter__(self):\n        return self\n    async def __aexit__(self, *exc):\n        return True\n\nG = Guard\n\ndef make_guard():\n    return Guard()\n\nclass Svc:\n    def __init__(self):\n        self.guard = Guard()\n\n";
        for manager in ["G()", "make_guard()", "self.guard"] {
            let source = format!(
                "{HEAD}{guard}async def main(self):\n    async with {manager}:\n        await asyncio.sleep(5)\n\nrun(main())\n"
            );
            assert_eq!(
                kept(&source).map(|(kind, _)| kind),
                Some("context manager"),
                "{manager}"
            );
        }
        // In a module with no manager that may suppress it, a manager held
        // elsewhere is a library's.
        let source = format!(
            "{HEAD}async def main(self):\n    async with self.lock:\n        await asyncio.sleep(5)\n\nrun(main())\n"
        );
        assert_eq!(kept(&source), None);
    }

    #[test]
    fn a_task_a_plain_function_returns_is_its_coroutine() {
        let source = format!(
            "{HEAD}async def worker():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        return 1\n\ndef start():\n    return asyncio.create_task(worker())\n\nasync def main():\n    return await start()\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("handler", "except CancelledError".to_string()))
        );
    }

    #[test]
    fn instances_that_define_await_may_run_a_keeper() {
        let source = format!(
            "{HEAD}async def keep():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        return 1\n\nclass Job:\n    def __await__(self):\n        return keep().__await__()\n\nasync def main():\n    await Job()\n\nrun(main())\n"
        );
        // The `__await__` the module writes is read: it hands on `keep()`'s.
        assert_eq!(
            kept(&source),
            Some(("handler", "except CancelledError".to_string()))
        );
        // Delegated to with `yield from`, from an instance held in a name.
        let source = format!(
            "{HEAD}async def keep():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        return 1\n\nclass Job:\n    def __await__(self):\n        return (yield from keep().__await__())\n\nasync def main():\n    job = Job()\n    await job\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("handler", "except CancelledError".to_string()))
        );
        // Without `__await__`, an instance is no coroutine.
        let source = format!(
            "{HEAD}async def keep():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        return 1\n\nclass Job:\n    pass\n\nasync def main():\n    Job()\n    await asyncio.sleep(1)\n\nrun(main())\n"
        );
        assert_eq!(kept(&source), None);
    }

    #[test]
    fn dunders_super_partials_and_registries_are_followed() {
        let keep = "class Base:\n    async def run(self):\n        try:\n            await asyncio.sleep(5)\n        except CancelledError:\n            return 1\n\n";
        // `super().run()` reaches the base's method.
        let source = format!(
            "{HEAD}{keep}class Sub(Base):\n    async def run(self):\n        return await super().run()\n\nasync def main():\n    await Sub().run()\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("handler", "except CancelledError".to_string()))
        );
        // `async for` over an instance runs its `__anext__`.
        let source = format!(
            "{HEAD}class Ticks:\n    def __aiter__(self):\n        return self\n\n    async def __anext__(self):\n        try:\n            await asyncio.sleep(5)\n        except CancelledError:\n            raise StopAsyncIteration\n\nasync def main():\n    async for _ in Ticks():\n        pass\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("handler", "except CancelledError".to_string()))
        );
        // A `partial` of `suppress(CancelledError)`, and a `@contextmanager`
        // generator whose handler around `yield` goes on.
        for (head, manager) in [
            (
                "import functools\nquiet = functools.partial(contextlib.suppress, CancelledError)\n",
                "quiet()",
            ),
            (
                "@contextlib.contextmanager\ndef quiet():\n    try:\n        yield\n    except BaseException:\n        pass\n",
                "quiet()",
            ),
        ] {
            let source = format!(
                "{HEAD}{head}\nasync def main():\n    with {manager}:\n        await asyncio.sleep(5)\n\nrun(main())\n"
            );
            assert_eq!(
                kept(&source),
                Some(("context manager", manager.to_string())),
                "{head}"
            );
        }
        // A function out of a registry, in a module with a keeper.
        let registry = "HANDLERS = {}\n\ndef register(f):\n    HANDLERS[f.__name__] = f\n    return f\n\n@register\nasync def h():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        return 1\n\n";
        let source = format!(
            "{HEAD}{registry}async def main():\n    await HANDLERS['h']()\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("registry", "HANDLERS['h']()".to_string()))
        );
        let source = source.replace("return 1", "raise");
        assert_eq!(kept(&source), None);
        // The same shapes with nothing that keeps it.
        let source = format!(
            "{HEAD}import functools\nquiet = functools.partial(contextlib.suppress, KeyError)\n\nclass Base:\n    async def run(self):\n        await asyncio.sleep(5)\n\nclass Sub(Base):\n    async def run(self):\n        with quiet():\n            return await super().run()\n\nasync def main():\n    await Sub().run()\n\nrun(main())\n"
        );
        assert_eq!(kept(&source), None);
    }

    #[test]
    fn imports_used_as_values_escape() {
        let source = "from app.c import h, g, Base, j\nfrom app import d\nfrom typing import TYPE_CHECKING, Union\nif TYPE_CHECKING:\n    from app.e import T\n\njob = h\nAlias = Union[T, int]\n\nclass Sub(Base):\n    pass\n\nasync def main(x: j):\n    await g()\n    await d.run()\n    later = lambda: j()\n";
        with_context(source, |ctx| {
            let mut escaping = ctx.semantic.escaping_imports();
            escaping.sort_unstable();
            // `g` and `d` are only called, `T` is for type checkers only,
            // `j` is an annotation and called in a lambda (a value).
            assert_eq!(
                escaping,
                [
                    "app.c.Base",
                    "app.c.h",
                    "app.c.j",
                    "typing.TYPE_CHECKING",
                    "typing.Union"
                ]
            );
        });
    }

    #[test]
    fn what_the_index_is_left_to_follow() {
        let source = format!(
            "{HEAD}from app.c import h\nfrom app import w\n\nasync def helper(fn):\n    await fn()\n    await w.Worker().run()\n\nasync def main(self):\n    await h()\n    await helper(h)\n    await self.conn.fetch()\n    print(len([]))\n\nrun(main())\n"
        );
        with_context(&source, |ctx| {
            let Some(Stmt::FunctionDef(main)) = ctx
                .module
                .body
                .iter()
                .rev()
                .find(|stmt| matches!(stmt, Stmt::FunctionDef(_)))
            else {
                panic!("no main")
            };
            let facts = ctx.semantic.cancellation_facts(main);
            assert!(facts.lets_out);
            assert_eq!(facts.calls, ["app.c.h", "app.w.Worker", "app.w.Worker.run"]);
            assert_eq!(facts.untraced, ["", "fetch"]);
        });
    }

    #[test]
    fn exits_and_dunders_bound_after_the_class_are_read() {
        let guard = "class Guard:\n    async def __aenter__(self):\n        return self\n\n    async def __aexit__(self, *exc):\n        return False\n\n";
        let swallow = "async def _swallow(self, *exc):\n    return True\n\nasync def _plain(self, *exc):\n    return None\n\n";
        let main = "async def main():\n    async with Guard():\n        await asyncio.sleep(5)\n\nrun(main())\n";
        for (write, expected) in [
            ("Guard.__aexit__ = _swallow\n\n", true),
            ("setattr(Guard, '__aexit__', _swallow)\n\n", true),
            ("setattr(Guard, NAME, _swallow)\n\n", true),
            ("Guard.__aexit__ = make()\n\n", true),
            // The function written is read: one that keeps nothing.
            ("Guard.__aexit__ = _plain\n\n", false),
            ("setattr(Guard, '__aexit__', _plain)\n\n", false),
            // Reads and computed writes on instances do not bind a dunder.
            ("print(hasattr(Guard, '__aexit__'))\n\n", false),
            (
                "def fill(self, key, value):\n    setattr(self, key, value)\n\n",
                false,
            ),
        ] {
            let source = format!("{HEAD}{guard}{swallow}{write}{main}");
            assert_eq!(kept(&source).is_some(), expected, "{write}");
        }
        // A class decorator may bind any exit; `dataclass` does not.
        for (decorator, expected) in [("@quiet\n", true), ("@dataclasses.dataclass\n", false)] {
            let source = format!(
                "{HEAD}import dataclasses\n\ndef quiet(cls):\n    return cls\n\n{decorator}{guard}{main}"
            );
            assert_eq!(kept(&source).is_some(), expected, "{decorator}");
        }
        // A class made by `type(…)` may bind any exit.
        let source = format!(
            "{HEAD}{swallow}Guard = type('Guard', (), {{'__aexit__': _swallow}})\n\n{main}"
        );
        assert!(kept(&source).is_some());
        // An `__await__` generator's own handler; a class attribute bound
        // to a function; a module imported at run time.
        let source = format!(
            "{HEAD}class Request:\n    def __await__(self):\n        try:\n            yield from asyncio.sleep(5).__await__()\n        except CancelledError:\n            pass\n        return 1\n\nasync def main():\n    await Request()\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("handler", "except CancelledError".to_string()))
        );
        for (keeper, expected) in [
            (
                "async def _work(self):\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        return 1\n\n",
                Some(("handler", "except CancelledError")),
            ),
            (
                "async def _work(self):\n    await asyncio.sleep(5)\n\n",
                None,
            ),
        ] {
            let source = format!(
                "{HEAD}{keeper}class Svc:\n    handler = _work\n\n    async def run(self):\n        return await self.handler()\n\nasync def main():\n    await Svc().run()\n\nrun(main())\n"
            );
            assert_eq!(
                kept(&source),
                expected.map(|(kind, text)| (kind, text.to_string()))
            );
        }
        let source = format!(
            "{HEAD}import importlib\nlib = importlib.import_module('app.lib')\n\nasync def main():\n    await lib.keeper()\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("unfollowed", "lib.keeper()".to_string()))
        );
    }

    #[test]
    fn cleanup_calls_the_walk_cannot_follow_may_raise() {
        let head = format!(
            "{HEAD}def report():\n    raise RuntimeError('x')\n\ndef log():\n    print('x')\n\nclass Conn:\n    def close(self):\n        raise OSError('x')\n\n    def stop(self):\n        raise NotImplementedError\n\nLOUD = lambda: report()\nQUIET = lambda: log()\nHANDLERS = [report]\n\n"
        );
        for (cleanup, expected) in [
            ("cb = report\n        cb()", Some("cb()")),
            ("cb = log\n        cb()", None),
            ("LOUD()", Some("LOUD()")),
            ("QUIET()", None),
            ("for cb in HANDLERS:\n            cb()", Some("cb()")),
            ("HANDLERS[0]()", Some("HANDLERS[0]()")),
            ("getattr(conn, 'close')()", Some("getattr(conn, 'close')()")),
            ("conn.close()", Some("conn.close()")),
            // A stub an override replaces; a library's call.
            ("conn.stop()", None),
            ("print('done')", None),
            ("sys.exit(3)", Some("sys.exit(3)")),
        ] {
            let source = format!(
                "{head}import sys\n\nasync def main(conn):\n    try:\n        await asyncio.sleep(5)\n    finally:\n        {cleanup}\n\nrun(main(None))\n"
            );
            assert_eq!(
                kept(&source),
                expected.map(|text| ("finally", text.to_string())),
                "{cleanup}"
            );
        }
    }

    #[test]
    fn a_task_is_asked_as_its_coroutine() {
        let source = format!(
            "{HEAD}async def tolerant():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        return 1\n\nasync def plain():\n    await asyncio.sleep(5)\n\nasync def main(loop):\n    a = asyncio.create_task(plain())\n    b = loop.create_task(tolerant())\n    c = asyncio.create_task(plain())\n    c = None\n    run(a)\n    run(b)\n    run(c)\n"
        );
        with_context(&source, |ctx| {
            let Some(Stmt::FunctionDef(main)) = ctx.module.body.last() else {
                panic!("no main")
            };
            let scope = ctx.semantic.scope_of_function(main).expect("a scope");
            let answers: Vec<Option<bool>> = main.body[4..]
                .iter()
                .map(|stmt| {
                    let Stmt::Expr(run) = stmt else {
                        panic!("no run")
                    };
                    let Expr::Call(run) = run.value.as_ref() else {
                        panic!("no call")
                    };
                    let task = run.arguments.args.first().expect("a task");
                    ctx.semantic.task_coroutine(task, scope).map(|_| {
                        ctx.semantic
                            .kept_cancellation_of(task, scope, PyVersion::PY311)
                            .is_some()
                    })
                })
                .collect();
            // `c` is bound twice: not followed.
            assert_eq!(answers, [Some(false), Some(true), None]);
        });
    }
}
