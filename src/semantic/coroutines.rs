//! The coroutine oracle: what a call gives back, and whether a callable is
//! a coroutine function. Every codemod that depends on it asks here
//! (`create_task` and `asyncio.run` reject a future, `await` fails on a
//! plain value), so they all agree.
//!
//! The policy is strict, because a wrong answer changes what a program
//! does. A call returns a coroutine when the module shows it: an `async
//! def` of the module (or a `self` method of the class around the call)
//! whose decorators are all known to keep it one (`staticmethod`,
//! `classmethod`, `functools.wraps`, `typing.override`,
//! `typing.final`), an `@asyncio.coroutine` function, a plain `def` of the
//! module whose every `return` gives back such a call, or one of asyncio's
//! own coroutine functions. Known not to: an async generator, a class, a
//! builtin, asyncio's future and task producers, a plain `def` that returns
//! nothing. A method called on a variable that is surely an instance of a
//! well-known class (`writer.drain()`, `queue.put(x)`): what the table of
//! those libraries says (see `receivers.rs`). Named like a future
//! (`create_eager_task`, `wrap_future`, `.submit()`): treated as one, so no fix relies on it being a coroutine.
//! With a project index (see `project.rs`), an imported function answers
//! from its module's summary by the same rules (a plain `def`'s `return`s
//! are not followed across modules), a method of a project class on an
//! object whose class is known likewise, and a name that leaves the
//! project from the table of well-known libraries (`known.rs`).
//! Everything else is unknown: an import the index cannot follow, a
//! method of another object, a variable, a decorated function,
//! `typing.cast(...)`.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ExprCall, ExprContext, Stmt, StmtClassDef, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashSet;

use super::functions::{BUILTIN_NAMES, SelfDoubt, is_generator};
use super::imports::Lookup;
use super::known;
use super::known::Returns;
use super::project::{FunctionFacts, Origin, Resolved};
use super::receivers::ClassEvidence;
use super::{Callee, ScopeId, ScopeKind, ScopeNode, SemanticModel};

/// How deep the oracle follows a plain `def`'s `return` into the calls it returns.
const MAX_DEPTH: u8 = 3;

/// What a call gives back, as far as the module shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallResult {
    /// A coroutine: `create_task` and `asyncio.run` accept it, `await` runs it.
    Coroutine,
    /// A future or a task (or something named so): `create_task` and
    /// `asyncio.run` reject it.
    Future,
    /// Known to be no coroutine: an instance, an async generator, `None`, a
    /// builtin's value.
    NotCoroutine,
    /// Cannot tell.
    Unknown,
}

impl CallResult {
    /// `Some(true)` for a coroutine, `Some(false)` for something known not
    /// to be one, `None` when unknown.
    pub fn is_coroutine(self) -> Option<bool> {
        match self {
            CallResult::Coroutine => Some(true),
            CallResult::Future | CallResult::NotCoroutine => Some(false),
            CallResult::Unknown => None,
        }
    }
}

impl From<Returns> for CallResult {
    /// What the table of well-known libraries says, as the oracle says it.
    fn from(returns: Returns) -> CallResult {
        match returns {
            Returns::Coroutine => CallResult::Coroutine,
            Returns::Awaitable => CallResult::Future,
            Returns::Value => CallResult::NotCoroutine,
        }
    }
}

/// What one of asyncio's own names does when called.
fn asyncio_member(member: &str) -> CallResult {
    match member {
        "sleep"
        | "wait"
        | "wait_for"
        | "to_thread"
        | "open_connection"
        | "start_server"
        | "open_unix_connection"
        | "start_unix_server"
        | "create_subprocess_exec"
        | "create_subprocess_shell"
        | "staggered_race" => CallResult::Coroutine,
        "gather"
        | "shield"
        | "ensure_future"
        | "create_task"
        | "run_coroutine_threadsafe"
        | "wrap_future"
        | "Future"
        | "Task"
        | "eager_task_factory" => CallResult::Future,
        "as_completed"
        | "get_event_loop"
        | "get_running_loop"
        | "new_event_loop"
        | "set_event_loop"
        | "run"
        | "timeout"
        | "timeout_at"
        | "current_task"
        | "all_tasks"
        | "iscoroutine"
        | "iscoroutinefunction"
        | "isfuture"
        | "Queue"
        | "PriorityQueue"
        | "LifoQueue"
        | "Lock"
        | "Event"
        | "Condition"
        | "Semaphore"
        | "BoundedSemaphore"
        | "Barrier"
        | "TaskGroup"
        | "Runner"
        | "StreamReader"
        | "StreamWriter"
        | "get_event_loop_policy"
        | "set_event_loop_policy"
        | "CancelledError"
        | "TimeoutError"
        | "InvalidStateError" => CallResult::NotCoroutine,
        _ => CallResult::Unknown,
    }
}

/// asyncio's submodules whose names the package re-exports.
const ASYNCIO_SUBMODULES: &[&str] = &[
    "base_events",
    "coroutines",
    "events",
    "exceptions",
    "futures",
    "locks",
    "queues",
    "runners",
    "staggered",
    "streams",
    "subprocess",
    "taskgroups",
    "tasks",
    "threads",
    "timeouts",
];

/// asyncio's functions that return an asyncio future or task (awaitable).
const ASYNCIO_AWAITABLE_FUTURES: &[&str] = &[
    "gather",
    "shield",
    "ensure_future",
    "create_task",
    "wrap_future",
    "Future",
    "Task",
];

/// Callees known, or named, to return a future or task whatever their
/// receiver: a method of a loop or an executor.
const FUTURE_PRODUCERS: &[&str] = &[
    "gather",
    "shield",
    "as_completed",
    "run_in_executor",
    "run_coroutine_threadsafe",
    "submit",
    "start_soon",
];

/// Decorators known to leave a function what it was: calling the result
/// still returns what calling the function did.
pub const TRANSPARENT_DECORATORS: &[&str] = &[
    "builtins.staticmethod",
    "builtins.classmethod",
    "functools.wraps",
    "typing.override",
    "typing_extensions.override",
    "typing.final",
    "typing_extensions.final",
];

impl<'a> SemanticModel<'a> {
    /// Whether `call`, running in `scope`, surely returns a coroutine.
    pub fn returns_coroutine(&self, call: &ExprCall, scope: ScopeId) -> bool {
        self.call_result(call, scope) == CallResult::Coroutine
    }

    /// What `call`, running in `scope`, gives back (see the module doc).
    pub fn call_result(&self, call: &ExprCall, scope: ScopeId) -> CallResult {
        self.call_result_at(call, scope, 0)
    }

    /// The `async def` of the module that `func` (a callee in `scope`)
    /// surely is, when calling it surely returns a coroutine.
    pub fn coroutine_function(&self, func: &Expr, scope: ScopeId) -> Option<&'a StmtFunctionDef> {
        match self.callee(func, scope) {
            Callee::Function(def)
                if def.is_async
                    && self.function_result(def, MAX_DEPTH) == CallResult::Coroutine =>
            {
                Some(def)
            }
            _ => None,
        }
    }

    /// The `async def` of the module, calling which surely returns a
    /// coroutine, that the plain name `func` (a callee in `scope`) names
    /// by what the module shows but may not be when the call runs, with
    /// why (see [`Self::async_def_written_behind`]).
    pub fn coroutine_function_written_behind(
        &self,
        func: &Expr,
        scope: ScopeId,
    ) -> Option<(&'a StmtFunctionDef, &'static str)> {
        self.async_def_written_behind(func, scope)
            .filter(|(def, _)| self.function_result(def, MAX_DEPTH) == CallResult::Coroutine)
    }

    /// `self.method()` (`call`, in `scope`) of an `async def` that surely
    /// returns a coroutine, when only code of another module of the
    /// project may make the call reach something else, and why (see
    /// [`Self::method_of_self_in_doubt`]).
    pub fn coroutine_method_of_self_in_doubt(
        &self,
        call: &ExprCall,
        scope: ScopeId,
    ) -> Option<(&'a StmtFunctionDef, SelfDoubt)> {
        let (def, doubt) = self.method_of_self_in_doubt(&call.func, scope)?;
        (def.is_async && self.function_result(def, MAX_DEPTH) == CallResult::Coroutine)
            .then_some((def, doubt))
    }

    fn call_result_at(&self, call: &ExprCall, scope: ScopeId, depth: u8) -> CallResult {
        let written = match call.func.as_ref() {
            Expr::Name(name) => name.id.as_str(),
            Expr::Attribute(attribute) => attribute.attr.as_str(),
            _ => return CallResult::Unknown,
        };
        let qualified = self.qualified_name(&call.func, scope);
        if let Some(q) = &qualified {
            // A library's function the module may replace (`asyncio.sleep
            // = fake`) may give back anything.
            if q.module() == "asyncio" && self.may_be_replaced(&call.func, q.as_str(), scope) {
                return CallResult::Unknown;
            }
            let mut segments = q.segments();
            match (
                segments.next(),
                segments.next(),
                segments.next(),
                segments.next(),
            ) {
                (Some("asyncio"), Some(member), None, _) => return asyncio_member(member),
                (Some("asyncio"), Some(submodule), Some(member), None)
                    if ASYNCIO_SUBMODULES.contains(&submodule) =>
                {
                    return asyncio_member(member);
                }
                (Some("builtins"), Some(member), None, _) if BUILTIN_NAMES.contains(&member) => {
                    return CallResult::NotCoroutine;
                }
                (Some("typing" | "typing_extensions"), Some("cast"), None, _) => {
                    return self.cast_result(call, scope, depth);
                }
                _ => {}
            }
        }
        let result = match self.callee(&call.func, scope) {
            // A method that returns a future where an override of it may
            // return a coroutine (an `async def` in a subclass): unknown.
            Callee::Function(def) => match self.function_result(def, depth) {
                CallResult::Future if self.may_be_overridden(def) => CallResult::Unknown,
                result => result,
            },
            Callee::Class(class) => return self.instantiation_result(class),
            Callee::Unknown => self.imported_result(&call.func, scope),
        };
        if result != CallResult::Unknown {
            return result;
        }
        if let Some(returns) = self.method_call_returns(call, scope) {
            return CallResult::from(returns);
        }
        let names = [Some(written), qualified.as_ref().map(|q| q.member())];
        if names.iter().flatten().any(|name| named_like_a_future(name)) {
            return CallResult::Future;
        }
        if written.starts_with(|c: char| c.is_ascii_uppercase()) {
            // A class, by Python's naming convention: an instance, no coroutine.
            return CallResult::NotCoroutine;
        }
        CallResult::Unknown
    }

    /// What calling `func`, defined in another module, gives back: the
    /// project index answers for the project (and the installed packages
    /// it reads), the table of well-known libraries for a name that leaves
    /// them.
    fn imported_result(&self, func: &Expr, scope: ScopeId) -> CallResult {
        if self.project().is_none() {
            return CallResult::Unknown;
        }
        match self.resolve_callee(func, scope) {
            Resolved::Function { facts, .. } => facts_result(&facts),
            // The module or code of the project may replace a library's
            // function (`aiofiles.os.remove = os.remove`): the table no
            // longer says.
            // So may a vendored copy in a directory the project adds to
            // `sys.path`.
            Resolved::External(qualified)
                if self.may_be_replaced(func, &qualified, scope)
                    || self.project_may_replace(&qualified)
                    || self.library_path_changed(&qualified) =>
            {
                CallResult::Unknown
            }
            Resolved::External(qualified) => {
                known::function(&qualified).map_or(CallResult::Unknown, CallResult::from)
            }
            _ => CallResult::Unknown,
        }
    }

    /// Where the function `func` (a callee in `scope`) is defined in
    /// another module of the project, when calling it surely returns a
    /// coroutine: its dotted name and its file and line, for messages.
    pub fn imported_coroutine_function(
        &self,
        func: &Expr,
        scope: ScopeId,
    ) -> Option<ImportedFunction> {
        match self.resolve_callee_with_evidence(func, scope) {
            (
                Resolved::Function {
                    qualified,
                    facts,
                    origin,
                },
                evidence,
            ) if facts_result(&facts) == CallResult::Coroutine => Some(ImportedFunction {
                qualified,
                facts,
                origin,
                evidence,
            }),
            _ => None,
        }
    }

    /// Where the answer "calling `func` (a callee in `scope`) returns a
    /// coroutine" comes from, when it comes from outside the module, for
    /// messages: "`save` is an `async def` in `service/store.py:12`" (the
    /// project, or an installed package the index reads), "the built-in
    /// table of well-known libraries lists `asyncpg.connect` as a coroutine
    /// function".
    pub fn imported_coroutine_source(&self, func: &Expr, scope: ScopeId) -> Option<String> {
        self.project()?;
        match self.resolve_callee(func, scope) {
            Resolved::Function {
                qualified,
                facts,
                origin,
            } if facts_result(&facts) == CallResult::Coroutine => Some(
                ImportedFunction {
                    qualified,
                    facts,
                    origin,
                    evidence: ClassEvidence::Made,
                }
                .described(),
            ),
            Resolved::External(qualified)
                if known::function(&qualified) == Some(Returns::Coroutine)
                    && !self.may_be_replaced(func, &qualified, scope)
                    && !self.project_may_replace(&qualified)
                    && !self.library_path_changed(&qualified) =>
            {
                Some(format!(
                    "the built-in table of well-known libraries lists `{qualified}` as a coroutine function"
                ))
            }
            _ => None,
        }
    }

    /// What `typing.cast(T, value)` gives back: `value` itself. A call is
    /// asked in turn; otherwise a type named like a future (`cast(Future,
    /// fut)`) says it is one, and anything else is unknown.
    fn cast_result(&self, call: &ExprCall, scope: ScopeId, depth: u8) -> CallResult {
        let value = call.arguments.find_argument_value("val", 1);
        if let Some(Expr::Call(inner)) = value {
            let result = self.call_result_at(inner, scope, depth);
            if result != CallResult::Unknown {
                return result;
            }
        }
        let named = call
            .arguments
            .find_argument_value("typ", 0)
            .and_then(type_name);
        if named.is_some_and(|name| named_like_a_future(&name)) {
            return CallResult::Future;
        }
        CallResult::Unknown
    }

    /// What calling a class of the module gives back: an instance, unless
    /// a metaclass, a class decorator or `__new__` may make it something
    /// else (a coroutine, even).
    fn instantiation_result(&self, class: &StmtClassDef) -> CallResult {
        let Some(scope) = self
            .scopes
            .iter()
            .position(|s| matches!(s.node, ScopeNode::Class(c) if std::ptr::eq(c, class)))
        else {
            return CallResult::Unknown;
        };
        let scope = scope as ScopeId;
        if self.class_keeps_its_methods(class, scope)
            && self.bindings_in(scope, "__new__").is_none()
        {
            CallResult::NotCoroutine
        } else {
            CallResult::Unknown
        }
    }

    /// Whether `call`, running in `scope`, surely gives back something
    /// `await` accepts: a coroutine, or one of asyncio's futures and tasks
    /// (`gather`, `shield`, `create_task`, …). A name that only says
    /// "future" is not enough: `concurrent.futures` futures are not
    /// awaitable.
    pub fn surely_awaitable(&self, call: &ExprCall, scope: ScopeId) -> bool {
        if self.call_result(call, scope) == CallResult::Coroutine {
            return true;
        }
        self.qualified_name(&call.func, scope).is_some_and(|q| {
            let mut segments = q.segments();
            let member = match (
                segments.next(),
                segments.next(),
                segments.next(),
                segments.next(),
            ) {
                (Some("asyncio"), Some(member), None, _) => member,
                (Some("asyncio"), Some(submodule), Some(member), None)
                    if ASYNCIO_SUBMODULES.contains(&submodule) =>
                {
                    member
                }
                _ => return false,
            };
            ASYNCIO_AWAITABLE_FUTURES.contains(&member)
        })
    }

    /// What calling `def` gives back.
    fn function_result(&self, def: &StmtFunctionDef, depth: u8) -> CallResult {
        if self.is_legacy_coroutine(def) {
            return CallResult::Coroutine;
        }
        if !self.keeps_coroutine_function(def) {
            return CallResult::Unknown;
        }
        if is_generator(def) {
            // A generator or an async generator: no coroutine either way.
            return CallResult::NotCoroutine;
        }
        if def.is_async {
            return CallResult::Coroutine;
        }
        if depth >= MAX_DEPTH {
            return CallResult::Unknown;
        }
        self.plain_function_result(def, depth)
    }

    /// What a plain `def` gives back, from its `return` statements: a
    /// coroutine when its body ends with a `return` and every `return`
    /// gives back a call that returns one; nothing awaitable when no
    /// `return` has a value.
    fn plain_function_result(&self, def: &StmtFunctionDef, depth: u8) -> CallResult {
        let mut returns = ReturnFinder::default();
        returns.visit_body(&def.body);
        if returns.values.is_empty() {
            // It returns `None`, whichever way it ends.
            return CallResult::NotCoroutine;
        }
        let ends_with_return =
            matches!(def.body.last(), Some(Stmt::Return(r)) if r.value.is_some());
        if returns.bare || !ends_with_return {
            return CallResult::Unknown;
        }
        let mut combined = None;
        for value in returns.values {
            let result = match value {
                Expr::Call(call) => {
                    self.call_result_at(call, self.scope_at(call.start()), depth + 1)
                }
                // `waiter = loop.create_future()` … `return waiter`: the
                // future itself, whatever happened to it in between (a
                // coroutine held in a name may have been awaited or
                // scheduled by then, so only a future counts).
                Expr::Name(name) => match self.local_call_value(name) {
                    Some(call) => {
                        match self.call_result_at(call, self.scope_at(call.start()), depth + 1) {
                            CallResult::Future => CallResult::Future,
                            _ => return CallResult::Unknown,
                        }
                    }
                    None => return CallResult::Unknown,
                },
                _ => return CallResult::Unknown,
            };
            match (combined, result) {
                (_, CallResult::Unknown) => return CallResult::Unknown,
                (None, result) => combined = Some(result),
                (Some(known), result) if known == result => {}
                (Some(_), _) => return CallResult::Unknown,
            }
        }
        combined.unwrap_or(CallResult::Unknown)
    }

    /// The call whose value the local `name` (read in a function) holds:
    /// the function's only binding of it is one assignment of that call
    /// (`waiter = loop.create_future()`, also among chained targets or
    /// annotated), which no `global`, `nonlocal`, `del` or other binding
    /// anywhere changes.
    pub(super) fn local_call_value(
        &self,
        name: &ruff_python_ast::ExprName,
    ) -> Option<&'a ExprCall> {
        let scope = self.scope_at(name.start());
        if !matches!(self.scope(scope).kind, ScopeKind::Function { .. }) {
            return None;
        }
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name.id.as_str(), scope)
        else {
            return None;
        };
        let [only] = bindings else { return None };
        let binding = self.binding(*only);
        if owner != scope
            || !matches!(binding.kind, super::BindingKind::Assignment)
            || self.is_declared_global_or_nonlocal(name.id.as_str())
        {
            return None;
        }
        let is_target = |target: &Expr| matches!(target, Expr::Name(t) if t.id == name.id && t.range == binding.range);
        let value = match binding.stmt? {
            Stmt::Assign(assign) if assign.targets.iter().any(is_target) => &*assign.value,
            Stmt::AnnAssign(assign) if is_target(&assign.target) => assign.value.as_deref()?,
            _ => return None,
        };
        value.as_call_expr()
    }

    /// Whether a class of the module other than the one that defines
    /// `def` binds a name `def` has: a method a subclass (or a class mixed
    /// in before it) may replace.
    fn may_be_overridden(&self, def: &StmtFunctionDef) -> bool {
        let own = self.scope_at(def.start());
        if self.scope(own).kind != ScopeKind::Class {
            return false;
        }
        self.bindings_named(def.name.as_str()).any(|(_, binding)| {
            binding.scope != own && self.scope(binding.scope).kind == ScopeKind::Class
        })
    }

    /// Whether every decorator of `def` is known to leave it what it was
    /// (true when it has none).
    pub fn keeps_coroutine_function(&self, def: &StmtFunctionDef) -> bool {
        if def.decorator_list.is_empty() {
            return true;
        }
        let scope = self.scope_at(def.range.start());
        def.decorator_list
            .iter()
            .all(|decorator| self.is_transparent_decorator(&decorator.expression, scope))
    }

    /// [`Self::is_transparent_decorator`] for a decorator of a `def` whose
    /// decorators run in `scope`.
    pub fn keeps_coroutine_function_decorator(
        &self,
        decorator: &ruff_python_ast::Decorator,
        scope: ScopeId,
    ) -> bool {
        self.is_transparent_decorator(&decorator.expression, scope)
    }

    /// Whether a decorator of a `def`, evaluated in `scope`, is known to
    /// return the very function it is given (`functools.wraps(…)`,
    /// `typing.override`, `typing.final`), so that a decorator above it
    /// receives that function. `staticmethod` and `classmethod` are not:
    /// they return a descriptor that wraps it.
    pub fn returns_decorated_function(
        &self,
        decorator: &ruff_python_ast::Decorator,
        scope: ScopeId,
    ) -> bool {
        let callee = match &decorator.expression {
            Expr::Call(call) => call.func.as_ref(),
            other => other,
        };
        self.is_transparent_decorator(&decorator.expression, scope)
            && !self
                .qualified_name(callee, scope)
                .is_some_and(|q| q.is("builtins.staticmethod") || q.is("builtins.classmethod"))
    }

    /// Whether a decorator, evaluated in `scope`, is known to return the
    /// function it is given, or a wrapper that calls it the same way.
    /// `staticmethod` and `classmethod` count only in a class body, where
    /// the attribute lookup unwraps them; elsewhere the object they make
    /// is not the function (a `classmethod` object cannot be called).
    fn is_transparent_decorator(&self, decorator: &Expr, scope: ScopeId) -> bool {
        let callee = match decorator {
            Expr::Call(call) => call.func.as_ref(),
            other => other,
        };
        // A registering function of the module (`def register(fn):
        // JOBS.append(fn); return fn`) hands back what it is given.
        if let Expr::Name(_) = decorator
            && let Callee::Function(def) = self.callee(decorator, scope)
            && self.returns_its_argument(def)
        {
            return true;
        }
        self.qualified_name(callee, scope).is_some_and(|q| {
            let q = q.as_str();
            let known = match q {
                "builtins.staticmethod" | "builtins.classmethod" => {
                    self.scope(scope).kind == ScopeKind::Class
                        && !matches!(decorator, Expr::Call(_))
                }
                // `functools.wraps(wrapped)` is a decorator only once called.
                "functools.wraps" => matches!(decorator, Expr::Call(_)),
                _ => !matches!(decorator, Expr::Call(_)) && TRANSPARENT_DECORATORS.contains(&q),
            };
            // Code of the module or of the project may replace the
            // decorator itself (`typing.final = f`, `builtins.staticmethod
            // = sm`). Asked only of a decorator known to be transparent:
            // the first question walks the module for its patches.
            known && !self.may_be_replaced(callee, q, scope) && !self.project_may_replace(q)
        })
    }

    /// Whether the body of the coroutine function `def` surely runs to its
    /// end without an event loop, as a hand driver (`coro.send(None)`)
    /// runs it: it neither awaits nor uses `async for` or `async with`,
    /// and calls only builtins (`print`, `len`), none of which asks for a
    /// running loop. Nested functions are not looked into.
    pub fn runs_without_loop(&self, def: &StmtFunctionDef) -> bool {
        struct Body<'s, 'a> {
            semantic: &'s SemanticModel<'a>,
            plain: bool,
        }
        impl<'b> Visitor<'b> for Body<'_, '_> {
            fn visit_stmt(&mut self, stmt: &'b Stmt) {
                match stmt {
                    Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                    Stmt::For(ruff_python_ast::StmtFor { is_async: true, .. })
                    | Stmt::With(ruff_python_ast::StmtWith { is_async: true, .. }) => {
                        self.plain = false;
                    }
                    _ => visitor::walk_stmt(self, stmt),
                }
            }
            fn visit_expr(&mut self, expr: &'b Expr) {
                match expr {
                    Expr::Await(_) | Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Lambda(_) => {
                        self.plain = false;
                    }
                    Expr::Generator(_)
                    | Expr::ListComp(_)
                    | Expr::SetComp(_)
                    | Expr::DictComp(_) => self.plain = false,
                    Expr::Call(call) => {
                        let scope = self.semantic.scope_at(call.start());
                        if self
                            .semantic
                            .qualified_name(&call.func, scope)
                            .is_none_or(|q| q.module() != "builtins")
                        {
                            self.plain = false;
                        }
                        visitor::walk_expr(self, expr);
                    }
                    _ => visitor::walk_expr(self, expr),
                }
            }
        }
        let mut body = Body {
            semantic: self,
            plain: true,
        };
        body.visit_body(&def.body);
        body.plain
    }

    /// Whether calling `def` (a plain function of the module, undecorated,
    /// of one positional parameter) gives back the very object it is
    /// given: its body ends with `return <parameter>`, returns nothing
    /// else, neither rebinds the parameter nor writes its attributes (it
    /// may hand it on: `JOBS.append(fn)`), and neither yields nor awaits.
    fn returns_its_argument(&self, def: &StmtFunctionDef) -> bool {
        let parameters = &def.parameters;
        let [parameter] = parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .collect::<Vec<_>>()[..]
        else {
            return false;
        };
        if def.is_async
            || !def.decorator_list.is_empty()
            || parameters.vararg.is_some()
            || parameters.kwarg.is_some()
            || !parameters.kwonlyargs.is_empty()
            || parameter.default.is_some()
            || is_generator(def)
        {
            return false;
        }
        let name = parameter.parameter.name.as_str();
        let returns_parameter = |stmt: &Stmt| {
            matches!(stmt, Stmt::Return(ruff_python_ast::StmtReturn { value: Some(value), .. })
                if matches!(value.as_ref(), Expr::Name(returned) if returned.id.as_str() == name))
        };
        if !def.body.last().is_some_and(returns_parameter) {
            return false;
        }
        // The parameter bound once (as the parameter), no declaration.
        let Some(inner) = self.scope_of_function(def) else {
            return false;
        };
        if self
            .bindings_in(inner, name)
            .is_none_or(|bindings| bindings.len() != 1)
            || self
                .uses_of(name, inner)
                .iter()
                .any(|use_| use_.kind == super::UseKind::Declaration)
        {
            return false;
        }
        struct Body<'n> {
            name: &'n str,
            plain: bool,
        }
        impl<'b> Visitor<'b> for Body<'_> {
            fn visit_stmt(&mut self, stmt: &'b Stmt) {
                match stmt {
                    Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                    Stmt::Return(ruff_python_ast::StmtReturn { value, .. }) => {
                        self.plain &= matches!(value.as_deref(),
                            Some(Expr::Name(returned)) if returned.id.as_str() == self.name);
                    }
                    _ => visitor::walk_stmt(self, stmt),
                }
            }
            fn visit_expr(&mut self, expr: &'b Expr) {
                match expr {
                    Expr::Await(_) | Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Lambda(_) => {
                        self.plain = false;
                    }
                    // `fn.__code__ = …`, `fn.__wrapped__ = …`, `del fn.x`.
                    Expr::Attribute(attribute)
                        if attribute.ctx != ExprContext::Load
                            && matches!(attribute.value.as_ref(),
                                Expr::Name(object) if object.id.as_str() == self.name) =>
                    {
                        self.plain = false;
                    }
                    // `setattr(fn, …)`, `vars(fn)`: written by a name.
                    Expr::Call(call)
                        if matches!(call.func.as_ref(), Expr::Name(callee)
                            if matches!(callee.id.as_str(), "setattr" | "delattr" | "vars"))
                            && call.arguments.args.iter().any(|argument| {
                                matches!(argument, Expr::Name(object) if object.id.as_str() == self.name)
                            }) =>
                    {
                        self.plain = false;
                    }
                    _ => visitor::walk_expr(self, expr),
                }
            }
        }
        let mut body = Body { name, plain: true };
        body.visit_body(&def.body);
        body.plain
    }

    /// A `def` decorated with `@asyncio.coroutine` (and otherwise only with
    /// transparent decorators): calling it makes a generator-based coroutine.
    pub fn is_legacy_coroutine(&self, def: &StmtFunctionDef) -> bool {
        let scope = self.scope_at(def.range.start());
        let is_legacy = |expr: &Expr| {
            self.refers_to(expr, scope, "asyncio.coroutine")
                || self.refers_to(expr, scope, "asyncio.coroutines.coroutine")
        };
        def.decorator_list.iter().any(|d| is_legacy(&d.expression))
            && def.decorator_list.iter().all(|decorator| {
                is_legacy(&decorator.expression)
                    || self.is_transparent_decorator(&decorator.expression, scope)
            })
    }
}

/// How a module uses one of its functions other than as a coroutine
/// function: what [`SemanticModel::non_coroutine_use`] finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonCoroutineUse {
    /// A call whose result is not awaited, `yield from`-ed in a legacy
    /// coroutine or handed to asyncio: the module may drive it as a
    /// generator (`next(f())`, `for x in f()`, `yield from f()` in a plain
    /// generator, `.send`).
    Call(TextRange),
    /// The function used as a value: passed on, stored, decorated, looked
    /// at (`inspect.isgeneratorfunction(f)`, `anyio.run(f)`).
    Value(TextRange),
    /// The module looks at generator objects (`gi_frame`, `gi_yieldfrom`,
    /// also as a string, `inspect.isgenerator`, `types.GeneratorType`),
    /// which a coroutine would not pass.
    Inspection(TextRange),
}

/// asyncio's functions that take coroutines and run them (a legacy
/// coroutine and a native one alike).
const ASYNCIO_COROUTINE_RUNNERS: &[&str] = &[
    "ensure_future",
    "create_task",
    "run",
    "gather",
    "wait_for",
    "shield",
    "wait",
    "run_coroutine_threadsafe",
];

/// Methods of an event loop or task group that take a coroutine and run it.
const LOOP_COROUTINE_RUNNERS: &[&str] = &["run_until_complete", "create_task", "ensure_future"];

/// Attributes only generator objects have.
const GENERATOR_ATTRIBUTES: &[&str] = &[
    "gi_frame",
    "gi_running",
    "gi_code",
    "gi_yieldfrom",
    "gi_suspended",
];

/// Functions that tell generators from coroutines.
const GENERATOR_INSPECTORS: &[&str] = &[
    "inspect.isgenerator",
    "inspect.isgeneratorfunction",
    "inspect.getgeneratorstate",
    "inspect.getgeneratorlocals",
    "inspect.iscoroutine",
    "inspect.iscoroutinefunction",
    "types.GeneratorType",
];

impl<'a> SemanticModel<'a> {
    /// The first place where the module uses `def` other than by calling it
    /// as a coroutine function: every use must be a call that is awaited,
    /// `yield from`-ed inside a legacy coroutine, or handed to asyncio
    /// (`ensure_future`, `create_task`, `gather`, `wait`, `run`,
    /// `loop.run_until_complete`, …), which run a generator-based coroutine
    /// and a native one alike. A method's uses are every attribute of its
    /// name, on any object. Also reported: a module that inspects
    /// generators. `None` when every use is such a call.
    pub fn non_coroutine_use(&self, def: &'a StmtFunctionDef) -> Option<NonCoroutineUse> {
        let def_scope = self.scope_at(def.start());
        let is_method = self.scope(def_scope).kind == ScopeKind::Class;
        let mut finder = CoroutineUses {
            model: self,
            name: def.name.as_str(),
            is_method,
            allowed: FxHashSet::default(),
            calls: FxHashSet::default(),
            uses: Vec::new(),
            inspection: None,
        };
        finder.visit_body(&self.module.body);
        if let Some(range) = finder.inspection {
            return Some(NonCoroutineUse::Inspection(range));
        }
        for &(range, by_name) in &finder.uses {
            if by_name {
                // Only the names that may be this `def`.
                let scope = self.scope_at(range.start());
                let Lookup::Bound { scope: owner, .. } = self.lookup(def.name.as_str(), scope)
                else {
                    continue;
                };
                if owner != def_scope {
                    continue;
                }
            }
            if finder.allowed.contains(&range.start()) {
                continue;
            }
            return Some(if finder.calls.contains(&range.start()) {
                NonCoroutineUse::Call(range)
            } else {
                NonCoroutineUse::Value(range)
            });
        }
        None
    }

    /// Whether code in `scope` runs directly in a legacy coroutine (a
    /// `def` decorated with `@asyncio.coroutine`).
    fn in_legacy_coroutine(&self, scope: ScopeId) -> bool {
        self.scope(scope)
            .function()
            .is_some_and(|def| !def.is_async && self.is_legacy_coroutine(def))
    }
}

/// Walks a module for the uses of one function's name (see
/// [`SemanticModel::non_coroutine_use`]).
struct CoroutineUses<'m, 'a> {
    model: &'m SemanticModel<'a>,
    name: &'m str,
    is_method: bool,
    /// Start offsets of callees whose calls run as coroutines.
    allowed: FxHashSet<TextSize>,
    /// Start offsets of uses that are a call's callee.
    calls: FxHashSet<TextSize>,
    /// The uses of the name, in the order met, and whether each is a name
    /// (rather than an attribute).
    uses: Vec<(TextRange, bool)>,
    inspection: Option<TextRange>,
}

impl CoroutineUses<'_, '_> {
    fn allow(&mut self, expr: &Expr) {
        if let Expr::Call(call) = expr {
            self.allowed.insert(call.func.start());
        }
    }

    /// Whether `func` names a function or method that runs the coroutines
    /// it is given.
    fn runs_coroutines(&self, func: &Expr, scope: ScopeId) -> bool {
        if let Some(qualified) = self.model.qualified_name(func, scope) {
            let mut segments = qualified.segments();
            let member = match (segments.next(), segments.next(), segments.next()) {
                (Some("asyncio"), Some(member), None) => member,
                (Some("asyncio"), Some(_), Some(member)) => member,
                _ => return false,
            };
            return ASYNCIO_COROUTINE_RUNNERS.contains(&member);
        }
        matches!(func, Expr::Attribute(attribute)
            if LOOP_COROUTINE_RUNNERS.contains(&attribute.attr.as_str()))
    }
}

impl<'a> Visitor<'a> for CoroutineUses<'_, 'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Await(awaited) => self.allow(&awaited.value),
            Expr::YieldFrom(yield_from) => {
                let scope = self.model.scope_at(expr.start());
                if self.model.in_legacy_coroutine(scope) {
                    self.allow(&yield_from.value);
                }
            }
            Expr::Call(call) => {
                self.calls.insert(call.func.start());
                let scope = self.model.scope_at(call.start());
                if self.runs_coroutines(&call.func, scope) {
                    let values = call
                        .arguments
                        .args
                        .iter()
                        .chain(call.arguments.keywords.iter().map(|k| &k.value));
                    for value in values {
                        match value {
                            Expr::List(list) => list.elts.iter().for_each(|e| self.allow(e)),
                            Expr::Set(set) => set.elts.iter().for_each(|e| self.allow(e)),
                            Expr::Tuple(tuple) => tuple.elts.iter().for_each(|e| self.allow(e)),
                            Expr::Starred(starred) => self.allow(&starred.value),
                            other => self.allow(other),
                        }
                    }
                }
            }
            Expr::Name(name) if name.id.as_str() == self.name => {
                self.uses.push((name.range, true));
            }
            // `getattr(coro, "gi_running", None)`.
            Expr::StringLiteral(string)
                if self.inspection.is_none()
                    && GENERATOR_ATTRIBUTES.contains(&string.value.to_str()) =>
            {
                self.inspection = Some(string.range);
            }
            Expr::Attribute(attribute) => {
                let attr = attribute.attr.as_str();
                if self.is_method && attr == self.name {
                    self.uses.push((attribute.range, false));
                }
                if self.inspection.is_none()
                    && attribute.ctx == ExprContext::Load
                    && (GENERATOR_ATTRIBUTES.contains(&attr)
                        || GENERATOR_INSPECTORS
                            .iter()
                            .any(|q| q.rsplit('.').next() == Some(attr)))
                {
                    let scope = self.model.scope_at(attribute.start());
                    let inspects = GENERATOR_ATTRIBUTES.contains(&attr)
                        || self
                            .model
                            .qualified_name(expr, scope)
                            .is_some_and(|q| GENERATOR_INSPECTORS.contains(&q.as_str()));
                    if inspects {
                        self.inspection = Some(attribute.range);
                    }
                }
            }
            _ => {}
        }
        if let Expr::Name(name) = expr
            && self.inspection.is_none()
            && GENERATOR_INSPECTORS
                .iter()
                .any(|q| q.rsplit('.').next() == Some(name.id.as_str()))
        {
            let scope = self.model.scope_at(name.start());
            if self
                .model
                .qualified_name(expr, scope)
                .is_some_and(|q| GENERATOR_INSPECTORS.contains(&q.as_str()))
            {
                self.inspection = Some(name.range);
            }
        }
        visitor::walk_expr(self, expr);
    }
}

/// The values of the `return` statements of a function's own body (nested
/// functions, lambdas and classes aside), and whether one has none.
#[derive(Default)]
pub(super) struct ReturnFinder<'a> {
    pub(super) values: Vec<&'a Expr>,
    pub(super) bare: bool,
}

impl<'a> Visitor<'a> for ReturnFinder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Return(ret) => match &ret.value {
                Some(value) => self.values.push(value),
                None => self.bare = true,
            },
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, _: &'a Expr) {}
}

/// A function of another module of the project, as a message names it.
#[derive(Debug, Clone)]
pub struct ImportedFunction {
    /// Where it is defined (`service.store.save`).
    pub qualified: String,
    pub facts: FunctionFacts,
    pub origin: Origin,
    /// What says that the call reaches it: the module itself, or only a
    /// parameter's annotation (`s: Store` … `s.save(x)`), which a caller
    /// may not honour.
    pub evidence: ClassEvidence,
}

impl ImportedFunction {
    /// `save`, for `service.store.save`.
    pub fn name(&self) -> &str {
        self.qualified.rsplit('.').next().unwrap_or(&self.qualified)
    }

    /// "`save` is an `async def` in `service/store.py:12`".
    pub fn described(&self) -> String {
        let kind = if self.facts.is_async {
            "an `async def`"
        } else {
            "a generator-based coroutine function"
        };
        format!("`{}` is {kind} in `{}`", self.name(), self.origin)
    }
}

impl FunctionFacts {
    /// What calling the function gives back (see [`facts_result`]).
    pub fn call_result(&self) -> CallResult {
        facts_result(self)
    }
}

/// What calling a function of another module gives back, from its
/// summary: the same rules as for the module's own (see
/// `function_result`), except that a plain `def`'s `return`s are not
/// followed across modules.
fn facts_result(facts: &FunctionFacts) -> CallResult {
    if facts.legacy_coroutine {
        return CallResult::Coroutine;
    }
    if !facts.transparent {
        return CallResult::Unknown;
    }
    if facts.is_generator {
        return CallResult::NotCoroutine;
    }
    if facts.is_async {
        return CallResult::Coroutine;
    }
    if facts.returns_nothing {
        return CallResult::NotCoroutine;
    }
    CallResult::Unknown
}

/// The name a type expression spells: `Future` for `asyncio.Future`,
/// `Future[int]` or `"asyncio.Future[int]"`.
fn type_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Name(name) => Some(name.id.to_string()),
        Expr::Attribute(attribute) => Some(attribute.attr.to_string()),
        Expr::Subscript(subscript) => type_name(&subscript.value),
        Expr::StringLiteral(string) => {
            let text = string.value.to_str();
            let head = text.split('[').next().unwrap_or(text);
            Some(head.rsplit('.').next().unwrap_or(head).trim().to_string())
        }
        _ => None,
    }
}

/// A callee name that says it makes a task or a future.
fn named_like_a_future(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    FUTURE_PRODUCERS.contains(&name) || lower.contains("task") || lower.contains("future")
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;

    use super::CallResult::{self, *};
    use super::NonCoroutineUse;
    use crate::test_support::with_context;

    /// What the call that is the last statement of `source` gives back.
    fn last_call(source: &str) -> CallResult {
        with_context(source, |ctx| {
            let Some(Stmt::Expr(stmt)) = ctx.module.body.last() else {
                panic!("ends with an expression statement")
            };
            let Expr::Call(call) = stmt.value.as_ref() else {
                panic!("a call")
            };
            let scope = ctx.semantic.scope_at(call.range_start);
            ctx.semantic.call_result(call, scope)
        })
    }

    #[test]
    fn coroutines_the_module_shows() {
        assert_eq!(last_call("async def f(): return 1\nf()\n"), Coroutine);
        assert_eq!(last_call("import asyncio\nasyncio.sleep(1)\n"), Coroutine);
        assert_eq!(
            last_call("from asyncio.tasks import sleep as nap\nnap(1)\n"),
            Coroutine
        );
        assert_eq!(
            last_call(
                "import abc\nclass C:\n    @staticmethod\n    async def f(): return 1\nC.f()\n"
            ),
            Unknown,
            "a method reached through the class is not followed"
        );
        // A plain `def` that hands back a coroutine.
        assert_eq!(
            last_call(
                "async def f(): return 1\ndef g(x):\n    if x:\n        return f()\n    return f()\ng(1)\n"
            ),
            Coroutine
        );
    }

    #[test]
    fn what_is_known_not_to_be_a_coroutine() {
        assert_eq!(last_call("def f(): pass\nf()\n"), NotCoroutine);
        assert_eq!(
            last_call("async def f():\n    yield 1\nf()\n"),
            NotCoroutine
        );
        assert_eq!(last_call("import asyncio\nasyncio.gather(a())\n"), Future);
        assert_eq!(
            last_call("import asyncio\nasyncio.wrap_future(f)\n"),
            Future
        );
        assert_eq!(
            last_call("from ha import create_eager_task\ncreate_eager_task(x)\n"),
            Future
        );
        assert_eq!(last_call("hass.async_create_task(x)\n"), Future);
        assert_eq!(
            last_call("from app import Worker\nWorker()\n"),
            NotCoroutine
        );
        assert_eq!(last_call("len(x)\n"), NotCoroutine);
        assert_eq!(last_call("class C: pass\nC()\n"), NotCoroutine);
    }

    #[test]
    fn what_cannot_be_told() {
        // Imported: only the project index could tell.
        assert_eq!(last_call("from app import fetch\nfetch()\n"), Unknown);
        assert_eq!(last_call("import app\napp.fetch()\n"), Unknown);
        assert_eq!(
            last_call("import websockets\nwebsockets.serve(h, 'x', 1)\n"),
            Unknown
        );
        // `cast` returns its argument, whatever that is.
        assert_eq!(
            last_call("from typing import cast, Any\ncast(Any, fut)\n"),
            Unknown
        );
        // A decorator may return anything: a task, a plain function.
        assert_eq!(
            last_call("import functools\n@functools.lru_cache\nasync def f(): return 1\nf()\n"),
            Unknown
        );
        assert_eq!(last_call("@spawn\nasync def f(): return 1\nf()\n"), Unknown);
        assert_eq!(last_call("tp_state.wait_for_position()\n"), Unknown);
        assert_eq!(last_call("handlers[0]()\n"), Unknown);
        assert_eq!(last_call("undefined_name()\n"), Unknown);
        // A plain `def` that may end without returning.
        assert_eq!(
            last_call("async def f(): return 1\ndef g(x):\n    if x:\n        return f()\ng(1)\n"),
            Unknown
        );
        assert_eq!(last_call("def g(x):\n    return x\ng(1)\n"), Unknown);
    }

    /// What the last call of `name` (a function or a method) in `source` gives back.
    fn call_of(source: &str, name: &str) -> CallResult {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let site = semantic
                .calls
                .iter()
                .rfind(|site| match site.call.func.as_ref() {
                    Expr::Name(n) => n.id.as_str() == name,
                    Expr::Attribute(a) => a.attr.as_str() == name,
                    _ => false,
                })
                .expect("a call of the name");
            semantic.call_result(site.call, site.scope)
        })
    }

    #[test]
    fn plain_functions_whose_every_return_gives_a_future() {
        let worker = "import asyncio\nclass Worker:\n    def _wait_next_notify(self):\n        loop = self.loop\n        self._waiter = waiter = loop.create_future()\n        loop.call_later(1.0, self._done, waiter)\n        return waiter\n    async def run(self):\n        await self._wait_next_notify()\n";
        assert_eq!(call_of(worker, "_wait_next_notify"), Future);
        for returned in [
            "asyncio.Future()",
            "asyncio.ensure_future(coro())",
            "asyncio.get_running_loop().create_future()",
        ] {
            let direct = format!("import asyncio\ndef f():\n    return {returned}\nf()\n");
            assert_eq!(call_of(&direct, "f"), Future, "{direct}");
            let named = format!(
                "import asyncio\ndef f():\n    fut: asyncio.Future = {returned}\n    return fut\nf()\n"
            );
            assert_eq!(call_of(&named, "f"), Future, "{named}");
        }
        // A name bound twice, or that a closure may rebind, holds something else.
        let rebound = "def f(loop, other):\n    fut = loop.create_future()\n    if other:\n        fut = other\n    return fut\nf()\n";
        assert_eq!(call_of(rebound, "f"), Unknown);
        let nonlocal = "def f(loop, other):\n    fut = loop.create_future()\n    def swap():\n        nonlocal fut\n        fut = other\n    swap()\n    return fut\nf()\n";
        assert_eq!(call_of(nonlocal, "f"), Unknown);
        // A parameter, a `for` target: not the call's value.
        assert_eq!(call_of("def f(fut):\n    return fut\nf(1)\n", "f"), Unknown);
        let loop_target = "def f(loops):\n    for fut in [l.create_future() for l in loops]:\n        pass\n    return fut\nf()\n";
        assert_eq!(call_of(loop_target, "f"), Unknown);
        // Only a future held in a name: a coroutine there may be awaited by then.
        let coroutine = "async def g(): return 1\ndef f():\n    c = g()\n    return c\nf()\n";
        assert_eq!(call_of(coroutine, "f"), Unknown);
        // Not every return gives a future, or the function may end without one.
        let mixed = "async def g(): return 1\ndef f(loop, x):\n    if x:\n        return g()\n    return loop.create_future()\nf()\n";
        assert_eq!(call_of(mixed, "f"), Unknown);
        let falls_off = "def f(loop, x):\n    if x:\n        return loop.create_future()\nf()\n";
        assert_eq!(call_of(falls_off, "f"), Unknown);
        // A generator is no future producer.
        let generator = "def f(loop):\n    yield 1\n    return loop.create_future()\nf()\n";
        assert_eq!(call_of(generator, "f"), NotCoroutine);
        // A method another class of the module defines too may be overridden
        // (by an `async def`, even): unknown.
        let overridden = format!(
            "{worker}class Child(Worker):\n    async def _wait_next_notify(self):\n        pass\n"
        );
        assert_eq!(call_of(&overridden, "_wait_next_notify"), Unknown);
    }

    #[test]
    fn cast_gives_back_its_value() {
        assert_eq!(
            last_call("from typing import cast\nimport asyncio\ncast(asyncio.Future, fut)\n"),
            Future
        );
        assert_eq!(
            last_call("import typing\ntyping.cast('asyncio.Future[int]', fut)\n"),
            Future
        );
        assert_eq!(
            last_call("from typing import cast, Any\nasync def f(): return 1\ncast(Any, f())\n"),
            Coroutine
        );
        assert_eq!(
            last_call("from typing import cast\nimport asyncio\ncast(T, asyncio.gather())\n"),
            Future
        );
    }

    #[test]
    fn a_class_call_may_give_back_anything_when_something_intervenes() {
        assert_eq!(last_call("class C:\n    pass\nC()\n"), NotCoroutine);
        for source in [
            "class C:\n    def __new__(cls): return work()\nC()\n",
            "class C(metaclass=M): pass\nC()\n",
            "@singleton\nclass C: pass\nC()\n",
        ] {
            assert_eq!(last_call(source), Unknown, "{source}");
        }
    }

    #[test]
    fn static_and_class_methods_are_transparent_only_in_a_class() {
        // At module level a `classmethod` object cannot be called at all.
        assert_eq!(
            last_call("@classmethod\nasync def f(cls): return 1\nf()\n"),
            Unknown
        );
        assert_eq!(
            last_call("@staticmethod\nasync def f(): return 1\nf()\n"),
            Unknown
        );
        assert_eq!(
            last_call("import functools\n@functools.wraps(g)\nasync def f(): return 1\nf()\n"),
            Coroutine
        );
        // `functools.wraps` uncalled is no decorator of the function.
        assert_eq!(
            last_call("import functools\n@functools.wraps\nasync def f(): return 1\nf()\n"),
            Unknown
        );
    }

    /// Whether the call that is the last statement of `source` is surely awaitable.
    fn awaitable(source: &str) -> bool {
        with_context(source, |ctx| {
            let Some(Stmt::Expr(stmt)) = ctx.module.body.last() else {
                panic!("ends with an expression statement")
            };
            let Expr::Call(call) = stmt.value.as_ref() else {
                panic!("a call")
            };
            let scope = ctx.semantic.scope_at(call.range_start);
            ctx.semantic.surely_awaitable(call, scope)
        })
    }

    #[test]
    fn what_await_surely_accepts() {
        assert!(awaitable("async def f(): return 1\nf()\n"));
        assert!(awaitable("import asyncio\nasyncio.gather()\n"));
        assert!(awaitable("import asyncio\nasyncio.tasks.shield(x)\n"));
        assert!(awaitable(
            "from asyncio import wrap_future\nwrap_future(x)\n"
        ));
        // Named like a future, but maybe a `concurrent.futures` one or a list.
        assert!(!awaitable("pool.submit(work)\n"));
        assert!(!awaitable("get_future_list()\n"));
        assert!(!awaitable(
            "import asyncio\nasyncio.run_coroutine_threadsafe(c, loop)\n"
        ));
        assert!(!awaitable("def g():\n    yield\ng()\n"));
    }

    /// What `non_coroutine_use` says of the function `f` (or method `m`).
    fn use_of(source: &str) -> Option<&'static str> {
        with_context(source, |ctx| {
            let def = ctx
                .semantic
                .scopes
                .iter()
                .find_map(|scope| {
                    scope
                        .function()
                        .filter(|def| matches!(def.name.as_str(), "f" | "m"))
                })
                .expect("a def named f or m");
            ctx.semantic.non_coroutine_use(def).map(|use_| match use_ {
                NonCoroutineUse::Call(_) => "call",
                NonCoroutineUse::Value(_) => "value",
                NonCoroutineUse::Inspection(_) => "inspection",
            })
        })
    }

    #[test]
    fn uses_as_a_coroutine_function() {
        let legacy =
            "import asyncio\n@asyncio.coroutine\ndef f():\n    yield from asyncio.sleep(0)\n";
        for uses in [
            "async def g():\n    await f()\n",
            "@asyncio.coroutine\ndef g():\n    yield from f()\n",
            "async def g():\n    await asyncio.gather(f(), f())\n    asyncio.ensure_future(f())\n    await asyncio.wait([f()])\n",
            "loop.run_until_complete(f())\n",
            "asyncio.run(f())\n",
            // Another `f`, local to another function.
            "def g(f):\n    return list(f())\n",
        ] {
            assert_eq!(use_of(&format!("{legacy}{uses}")), None, "{uses}");
        }
    }

    #[test]
    fn uses_as_a_generator_or_a_value() {
        let legacy =
            "import asyncio\n@asyncio.coroutine\ndef f():\n    yield from asyncio.sleep(0)\n";
        for (uses, expected) in [
            ("next(f())\n", "call"),
            ("for x in f():\n    pass\n", "call"),
            ("def g():\n    yield from f()\n", "call"),
            (
                "@asyncio.coroutine\ndef g():\n    def h():\n        return list(f())\n",
                "call",
            ),
            ("g = f()\ng.send(None)\n", "call"),
            ("make = lambda: f()\n", "call"),
            (
                "import inspect\ninspect.isgeneratorfunction(f)\n",
                "inspection",
            ),
            ("asyncio.iscoroutinefunction(f)\n", "value"),
            ("anyio.run(f)\n", "value"),
            ("f = wrap(f)\n", "value"),
            (
                "getattr(task.get_coro(), 'gi_running', None)\n",
                "inspection",
            ),
            ("x.gi_frame\n", "inspection"),
            (
                "import types\nisinstance(c, types.GeneratorType)\n",
                "inspection",
            ),
        ] {
            assert_eq!(use_of(&format!("{legacy}{uses}")), Some(expected), "{uses}");
        }
        // A method: every attribute of its name counts.
        let method = "import asyncio\nclass C:\n    @asyncio.coroutine\n    def m(self):\n        yield from asyncio.sleep(0)\n";
        assert_eq!(
            use_of(&format!(
                "{method}    async def run(self):\n        await self.m()\n"
            )),
            None
        );
        assert_eq!(
            use_of(&format!("{method}for x in C().m():\n    pass\n")),
            Some("call")
        );
        assert_eq!(use_of(&format!("{method}cb = other.m\n")), Some("value"));
    }

    /// What the last call of `f` in `source` gives, wherever it is.
    fn last_call_of_f(source: &str) -> CallResult {
        let at = source.rfind("f(").expect("a call of f");
        with_context(source, |ctx| {
            let site = ctx
                .semantic
                .calls
                .iter()
                .find(|site| usize::from(site.call.start()) == at)
                .expect("the call");
            ctx.semantic.call_result(site.call, site.scope)
        })
    }

    #[test]
    fn stubs_registering_decorators_and_defs_in_blocks_keep_the_coroutine() {
        for source in [
            // `@overload` stubs, then the `def` they describe, called later.
            "from typing import overload\n@overload\nasync def f(x: int) -> int: ...\n@overload\nasync def f(x: str) -> str: ...\nasync def f(x): return x\nasync def main():\n    f(1)\n",
            // A decorator of the module that hands back what it is given.
            "JOBS = []\ndef register(fn):\n    JOBS.append(fn)\n    return fn\n@register\nasync def f(): return 1\nasync def main():\n    f()\n",
            // A `def` in a `try:` body, called further down that body.
            "async def main():\n    try:\n        async def f(): return 1\n        await f()\n    finally:\n        pass\n",
        ] {
            assert_eq!(last_call_of_f(source), CallResult::Coroutine, "{source}");
        }
        for source in [
            // A decorator that may hand back something else, or changes it.
            "def register(fn):\n    if X:\n        return wrap(fn)\n    return fn\n@register\nasync def f(): return 1\nasync def main():\n    f()\n",
            "def register(fn):\n    fn.__code__ = other.__code__\n    return fn\n@register\nasync def f(): return 1\nasync def main():\n    f()\n",
            "def register(fn):\n    fn = wrap(fn)\n    return fn\n@register\nasync def f(): return 1\nasync def main():\n    f()\n",
            // A stub not marked `@overload`; a `def` in a block called after it.
            "async def f(x): ...\nasync def f(x): return x\nasync def main():\n    f(1)\n",
            "async def main():\n    if x:\n        async def f(): return 1\n    await f()\n",
        ] {
            assert_eq!(last_call_of_f(source), CallResult::Unknown, "{source}");
        }
    }

    #[test]
    fn decorators_and_bindings_that_hide_what_a_call_gives() {
        for source in [
            // An async context manager, a cached coroutine object, a property.
            "import contextlib\n@contextlib.asynccontextmanager\nasync def f():\n    yield\nf()\n",
            "import functools\n@functools.cache\nasync def f(): return 1\nf()\n",
            "import abc\n@abc.abstractmethod\nasync def f(): return 1\nf()\n",
            // Overload stubs and the implementation: bound three times.
            "from typing import overload\n@overload\nasync def f(x: int) -> int: ...\n@overload\nasync def f(x: str) -> str: ...\ndef f(x): return x\nf(1)\n",
            // Deleted: the name may reach a builtin or nothing.
            "async def f(): return 1\ndel f\nf()\n",
            // An instance with `__call__`, a partial, a lambda.
            "class K:\n    async def __call__(self): return 1\nk = K()\nk()\n",
            "import functools\nasync def g(x): return x\nf = functools.partial(g, 1)\nf()\n",
            "async def g(): return 1\nf = lambda: g()\nf()\n",
        ] {
            assert_eq!(last_call(source), Unknown, "{source}");
        }
    }
}
