//! What exists when the code runs, as opposed to what the source spells:
//! whether an import binding is there on every path that reaches a use
//! (not one under `if TYPE_CHECKING:`, `if __name__ == "__main__":`, in one
//! branch of a `try`, or local to another function), and which async
//! library the module runs on, read from its run-time imports.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, ExceptHandler, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::imports::Lookup;
use super::once::is_main_guard;
use super::scope::{MODULE_SCOPE, ScopeKind};
use super::{Binding, BindingKind, ImportReach, ScopeId, ScopeNode, SemanticModel};

/// An async library a module can run its coroutines on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsyncLibrary {
    Asyncio,
    Trio,
    Anyio,
    Curio,
    /// Twisted runs coroutines on its own reactor (`defer.ensureDeferred`,
    /// `Deferred.fromCoroutine`, `task.react`), with no asyncio loop.
    Twisted,
}

impl AsyncLibrary {
    pub fn module(self) -> &'static str {
        match self {
            AsyncLibrary::Asyncio => "asyncio",
            AsyncLibrary::Trio => "trio",
            AsyncLibrary::Anyio => "anyio",
            AsyncLibrary::Curio => "curio",
            AsyncLibrary::Twisted => "twisted",
        }
    }
}

/// Who may drive a module's coroutines by hand (see
/// [`SemanticModel::hand_driver`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandDriver {
    /// The module itself (`coro.send(None)`, `coro.__await__()` stepped,
    /// a `types.coroutine` trampoline).
    Module,
    /// Another file of the project, relative to the project's root.
    File(std::path::PathBuf),
    /// Another library's loop, which a file of the project imports
    /// (`trio.run(mod.main)`; see
    /// [`SemanticModel::project_runner_library`]): it runs coroutines where
    /// no asyncio loop runs, as a hand driver does. The library and the
    /// file, for messages.
    Library(String),
}

impl HandDriver {
    /// Who drives coroutines by hand, for messages: "the module drives
    /// coroutines by hand (…)", "`tests/helpers.py` drives coroutines by
    /// hand (…) and may be handed this one".
    pub fn describe(&self) -> String {
        match self {
            HandDriver::Module => {
                "the module drives coroutines by hand (`coro.send(None)`)".to_string()
            }
            HandDriver::File(file) => format!(
                "`{}` may drive coroutines by hand (`coro.send(…)`, `__await__()`, a `types.coroutine` trampoline) and may be handed this one",
                file.display()
            ),
            HandDriver::Library(library) => format!(
                "the project uses {library}, which may run this coroutine where no asyncio loop runs"
            ),
        }
    }
}

/// Where code runs while its coroutine is being closed (see
/// [`SemanticModel::runs_when_closed`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClosedRun {
    /// In a `finally:` body.
    Finally,
    /// In a handler that may catch `GeneratorExit`.
    Handler,
    /// In the body of an `async def __aexit__`.
    Aexit,
    /// After the code at this range, which may catch the `GeneratorExit`
    /// of a close and go on.
    AfterKept(TextRange),
}

impl ClosedRun {
    /// Where the code runs, for a message: "in a `finally:` …".
    pub fn describe(self) -> &'static str {
        match self {
            ClosedRun::Finally => "in a `finally:` of the coroutine",
            ClosedRun::Handler => "in a handler that may catch `GeneratorExit`",
            ClosedRun::Aexit => {
                "in an `async def __aexit__`, which `async with` runs on the way out"
            }
            ClosedRun::AfterKept(_) => {
                "after code that may catch the `GeneratorExit` of a close and go on (a handler \
                 catching `BaseException` or `GeneratorExit`, a context manager whose exit may \
                 return true)"
            }
        }
    }

    /// What a coroutine closed outside its loop does there, for a
    /// message: the code runs with no loop running, and may not suspend.
    pub fn closed_outside_loop(self) -> String {
        format!(
            "{}: when the coroutine is closed outside its loop (garbage-collected, \
             `coro.close()` after the loop stopped), this code runs with no loop running and \
             may not suspend",
            self.describe()
        )
    }
}

/// Which library a module's coroutines run on, as its run-time imports say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryChoice {
    /// One library, clearly: asyncio when the module imports asyncio and no
    /// other async library at run time, or imports none and no module of
    /// the project imports another (see [`SemanticModel::project_library`]);
    /// trio, anyio, curio or twisted when it imports that one
    /// at module level on every path (anyio runs on asyncio too, so an
    /// `import asyncio` beside it does not make it ambiguous).
    One(AsyncLibrary),
    /// The module imports several, or another one only on some paths, or
    /// none while another module of the project imports another than
    /// asyncio: its coroutines may run on either.
    Ambiguous,
}

const OTHERS: [AsyncLibrary; 4] = [
    AsyncLibrary::Trio,
    AsyncLibrary::Anyio,
    AsyncLibrary::Curio,
    AsyncLibrary::Twisted,
];

/// The top-level names of the async libraries other than asyncio, for a
/// scan of the project's files (see
/// [`super::project::ProjectFacts::other_async_library`]).
pub const OTHER_LIBRARY_MODULES: [&str; 4] = ["trio", "anyio", "curio", "twisted"];

impl<'a> SemanticModel<'a> {
    /// The async library the module's coroutines run on (see [`LibraryChoice`]).
    pub fn async_library(&self) -> LibraryChoice {
        let others: Vec<(AsyncLibrary, ImportReach)> = OTHERS
            .into_iter()
            .filter_map(|library| Some((library, self.import_reach(library.module())?)))
            .collect();
        match others.as_slice() {
            [] if self.imports_module("asyncio") || self.project_library().is_none() => {
                LibraryChoice::One(AsyncLibrary::Asyncio)
            }
            [] => LibraryChoice::Ambiguous,
            [(AsyncLibrary::Anyio, ImportReach::Always)] => LibraryChoice::One(AsyncLibrary::Anyio),
            [(library, ImportReach::Always)] if !self.imports_module("asyncio") => {
                LibraryChoice::One(*library)
            }
            _ => LibraryChoice::Ambiguous,
        }
    }

    /// An async library other than asyncio that another module of the
    /// project imports, and where, for messages: a module that imports no
    /// async library itself may have its coroutines run by that one.
    pub fn project_library(&self) -> Option<String> {
        self.project()?.facts.other_async_library()
    }

    /// An async library with a loop of its own that a file of the project
    /// imports, with the file, for messages: it may run this module's
    /// coroutines where no asyncio loop runs, even when the module imports
    /// only asyncio (`trio.run(mod.main)` in another module; see
    /// [`super::project::ProjectFacts::runner_library`]).
    pub fn project_runner_library(&self) -> Option<String> {
        self.project()?.facts.runner_library()
    }

    /// Another file of the project that may drive coroutines by hand, for
    /// messages: a coroutine of this module handed to it (a registry, a
    /// list of callbacks) runs where no event loop runs, as if the module
    /// drove it itself (see [`Self::drives_coroutines_by_hand`]).
    pub fn project_coroutine_driver(&self) -> Option<std::path::PathBuf> {
        self.project()?.facts.coroutine_driver()
    }

    /// A file of the project that imports nest_asyncio, for messages
    /// (see [`super::project::ProjectFacts::nest_asyncio_importer`]).
    pub fn project_nest_asyncio_importer(&self) -> Option<std::path::PathBuf> {
        self.project()?.facts.nest_asyncio_importer()
    }

    /// The async libraries the module imports at run time, for messages.
    pub fn async_libraries_imported(&self) -> Vec<&'static str> {
        [AsyncLibrary::Asyncio]
            .into_iter()
            .chain(OTHERS)
            .map(AsyncLibrary::module)
            .filter(|module| self.imports_module(module))
            .collect()
    }

    /// An async library other than asyncio that the module imports at run
    /// time (at any depth): its coroutines may not run on asyncio, so a fix
    /// that calls asyncio's event-loop functions would be wrong there.
    pub fn non_asyncio_library(&self) -> Option<AsyncLibrary> {
        OTHERS
            .into_iter()
            .find(|library| self.imports_module(library.module()))
    }

    /// Whether the module may bind the global `name` by means its binding
    /// statements do not show, so that a read of `name` that finds no
    /// binding may reach something other than the builtin: its namespace
    /// written under a name the code computes (`globals()[key] = …`,
    /// `globals().update(…)`, `exec(…)`, `globals()` handed to a call) or
    /// under `name` itself (`globals()["name"] = …`); its own module object
    /// (`sys.modules[__name__]`, `importlib.import_module(__name__)`) or
    /// `builtins` given that attribute or one the code computes
    /// (`setattr(module, key, …)`); `__builtins__` used at all.
    pub fn may_bind_dynamically(&self, name: &str) -> bool {
        let writes = self.dynamic_writes();
        if writes.namespace_any || writes.namespace_names.contains(name) {
            return true;
        }
        // One pass over the references: the index of them by name, which
        // `references_named` would build here for this one name, is
        // needed by few modules.
        let reads_builtins = *self.reads_builtins_name.get_or_init(|| {
            self.references
                .iter()
                .any(|reference| reference.name == "__builtins__")
        });
        if reads_builtins {
            return true;
        }
        if !(writes.any_attribute || writes.attributes.contains(name)) {
            return false;
        }
        self.imports_module("builtins") || self.reads_module_namespace()
    }

    /// Whether `name` read at `scope` is surely the builtin of that name:
    /// nothing binds it on the scope chain, no star import may, and the
    /// module does not bind it behind the statements' backs (see
    /// [`Self::may_bind_dynamically`]). A fix that writes a builtin's name,
    /// or that relies on what a builtin does, asks this.
    pub fn is_builtin(&self, name: &str, scope: ScopeId) -> bool {
        matches!(self.lookup(name, scope), Lookup::Builtin) && !self.may_bind_dynamically(name)
    }

    /// Where this module's coroutines may be driven by hand, with no event
    /// loop running: the module drives coroutines itself (see
    /// [`Self::drives_coroutines_by_hand`]), or another file of the project
    /// does (a runner helper, a test stepping `coro.send(None)`; see
    /// [`Self::project_coroutine_driver`]) and may be handed them, whether
    /// it imports the coroutine's function or takes it through a registry.
    /// `asyncio.sleep`, `get_running_loop()` and the other functions that
    /// need the running loop raise there, and an awaited `asyncio.sleep(0)`
    /// yields the driver a bare `None`. The one fact every codemod asks
    /// before it writes a call that needs the loop into a coroutine.
    pub fn hand_driver(&self) -> Option<HandDriver> {
        self.hand_driver
            .get_or_init(|| {
                if self.drives_coroutines_by_hand() {
                    Some(HandDriver::Module)
                } else if let Some(file) = self.project_coroutine_driver() {
                    Some(HandDriver::File(file))
                } else {
                    self.project_runner_library().map(HandDriver::Library)
                }
            })
            .clone()
    }

    /// Whether the module drives coroutines by hand, as a test helper or a
    /// small scheduler does: its coroutines may run with no event loop at
    /// all, where `asyncio.sleep` and `get_running_loop()` raise
    /// `RuntimeError` and `asyncio.run` works. A coroutine is started by
    /// hand with `coro.send(None)` or through its iterator, `coro.__await__()`
    /// (stepped with `next(it)`, `it.send(…)`, a `for` loop); once started,
    /// `coro.throw(exc)` runs it on too; a generator made a coroutine by
    /// `types.coroutine` steps the coroutines it delegates to (see
    /// [`Self::uses_types_coroutine`]). Delegating inside an `__await__`
    /// method (`return self._run().__await__()`, `yield from
    /// x.__await__()`) is awaiting, not driving, and does not count.
    pub fn drives_coroutines_by_hand(&self) -> bool {
        self.steps_coroutines_by_call()
            || self.reaches_coroutine_steps()
            || self.uses_types_coroutine()
    }

    /// [`Self::drives_coroutines_by_hand`] through a generator made a
    /// coroutine by `types.coroutine`: `@types.coroutine def trampoline(c):
    /// return (yield from c)`, then `next(trampoline(coro()))` runs the
    /// coroutine with no loop (a plain generator cannot `yield from` a
    /// coroutine without it). A module that imports `types` and reads any
    /// `coroutine` attribute or name counts.
    fn uses_types_coroutine(&self) -> bool {
        use ruff_python_ast::visitor::{self, Visitor};
        struct Finder {
            found: bool,
        }
        impl<'b> Visitor<'b> for Finder {
            fn visit_expr(&mut self, expr: &'b Expr) {
                if self.found {
                    return;
                }
                match expr {
                    Expr::Attribute(attribute)
                        if attribute.ctx == ExprContext::Load
                            && attribute.attr.as_str() == "coroutine" =>
                    {
                        self.found = true;
                    }
                    Expr::Name(name)
                        if name.ctx == ExprContext::Load && name.id.as_str() == "coroutine" =>
                    {
                        self.found = true;
                    }
                    _ => visitor::walk_expr(self, expr),
                }
            }
        }
        if !self.imports_module("types") {
            return false;
        }
        let mut finder = Finder { found: false };
        finder.visit_body(&self.module.body);
        finder.found
    }

    /// [`Self::drives_coroutines_by_hand`] through a call of the method
    /// itself: `coro.send(None)`, `coro.throw(exc)`, `coro.__await__()`.
    fn steps_coroutines_by_call(&self) -> bool {
        self.calls.iter().any(|site| {
            let call = site.call;
            let Expr::Attribute(method) = call.func.as_ref() else {
                return false;
            };
            let arguments = &call.arguments;
            match method.attr.as_str() {
                "send" => {
                    arguments.keywords.is_empty()
                        && match &*arguments.args {
                            [Expr::NoneLiteral(_)] => true,
                            // The method taken from the type:
                            // `type(coro).send(coro, None)`.
                            [_, Expr::NoneLiteral(_)] => true,
                            // A trampoline: `value = coro.send(value)` until
                            // `StopIteration` ends it, or a step method
                            // (`return self.coro.send(value)`) that such a
                            // loop calls.
                            [argument] => {
                                !self.is_awaited(call)
                                    && (self.steps_until_stop(call)
                                        || self.returns_a_step(call, site.scope)
                                            && self.handles_stop_iteration()
                                        || self.feeds_its_result(call, argument)
                                            && !self
                                                .sends_to_a_generator(&method.value, site.scope)
                                        || self.lambda_step(argument, site.scope))
                            }
                            _ => false,
                        }
                }
                "throw" => arguments.keywords.is_empty() && (1..=3).contains(&arguments.args.len()),
                "__await__" => {
                    arguments.is_empty()
                        && !matches!(
                            self.scope(self.frame_of(site.scope)).node,
                            ScopeNode::Function(def) if def.name.as_str() == "__await__"
                        )
                }
                _ => false,
            }
        })
    }

    /// Whether `call` sits in the body of a `try` with a handler naming
    /// `StopIteration` (alone or in a tuple): how a loop that steps a
    /// coroutine (or a generator) by hand learns that it returned. A
    /// `send(value)` there is taken to step a coroutine: a socket's or a
    /// channel's `send` does not end with `StopIteration`.
    fn steps_until_stop(&self, call: &ast::ExprCall) -> bool {
        let Some(stmt) = self.statement_at(call.start()) else {
            return false;
        };
        self.enclosing_blocks(stmt)
            .into_iter()
            .any(|(parent, part)| match (parent, part) {
                (Stmt::Try(try_stmt), super::suspension::BlockPart::Body) => {
                    try_stmt.handlers.iter().any(|handler| {
                        let ExceptHandler::ExceptHandler(handler) = handler;
                        handler.type_.as_deref().is_some_and(names_stop_iteration)
                    })
                }
                _ => false,
            })
    }

    /// Whether `call` (`x.send(value)`) sends what it gave back last:
    /// `value = coro.send(value)`, the step of a trampoline, however the
    /// loop learns of the end (`except StopIteration`, `except
    /// BaseException as e: return getattr(e, "value", None)`, `except
    /// Exception as e: return e.args[0]`). A socket's `send` gives back a
    /// count, not what it is sent next.
    fn feeds_its_result(&self, call: &ast::ExprCall, argument: &Expr) -> bool {
        let Expr::Name(argument) = argument else {
            return false;
        };
        matches!(self.statement_at(call.start()), Some(Stmt::Assign(assign))
            if assign.value.range() == call.range()
                && matches!(&assign.targets[..], [Expr::Name(target)] if target.id == argument.id))
    }

    /// Whether `receiver` (of a `.send`, read in `scope`) surely is a
    /// generator: a local only ever bound to a call of a plain generator
    /// function of the module (not made a coroutine by `types.coroutine`,
    /// which the module would also be asked about).
    fn sends_to_a_generator(&self, receiver: &Expr, scope: ScopeId) -> bool {
        let Expr::Name(name) = receiver else {
            return false;
        };
        let Some(made) = self.local_call_value(name) else {
            return false;
        };
        matches!(self.callee(&made.func, scope), super::Callee::Function(def)
            if !def.is_async
                && def.decorator_list.is_empty()
                && super::functions::is_generator(def))
    }

    /// Whether `argument` of a `.send` is the parameter of the lambda the
    /// call is the body of (`step = lambda v: coro.send(v)`): a step a
    /// trampoline calls until the coroutine returns.
    fn lambda_step(&self, argument: &Expr, scope: ScopeId) -> bool {
        let Expr::Name(argument) = argument else {
            return false;
        };
        matches!(self.scope(scope).node, ScopeNode::Lambda(lambda)
        if matches!(lambda.body.as_ref(), Expr::Call(body)
            if body.arguments.args.first().is_some_and(|first| first.range() == argument.range()))
            && lambda.parameters.as_ref().is_some_and(|parameters| {
                parameters
                    .iter_non_variadic_params()
                    .any(|p| p.parameter.name.as_str() == argument.id.as_str())
            }))
    }

    /// Whether `call` (`x.send(value)`) is the whole value of a `return`
    /// of a function that is no `send` of its own and sends to another
    /// object than its own (`return self.coro.send(value)` in a `Task.step`
    /// method): a step that a trampoline elsewhere calls until
    /// `StopIteration`. A proxy's `def send(self, value): return
    /// self._coro.send(value)` only forwards the protocol.
    fn returns_a_step(&self, call: &ast::ExprCall, scope: ScopeId) -> bool {
        let Some(Stmt::Return(ret)) = self.statement_at(call.start()) else {
            return false;
        };
        if ret
            .value
            .as_deref()
            .is_none_or(|value| value.range() != call.range())
        {
            return false;
        }
        let Expr::Attribute(method) = call.func.as_ref() else {
            return false;
        };
        let own = match method.value.as_ref() {
            Expr::Name(name) => name.id.as_str() == "self",
            Expr::Call(inner) => {
                matches!(inner.func.as_ref(), Expr::Name(name) if name.id.as_str() == "super")
            }
            _ => false,
        };
        let in_forwarder = matches!(
            self.scope(self.frame_of(scope)).node,
            ScopeNode::Function(def)
                if matches!(def.name.as_str(), "send" | "asend" | "__next__" | "__call__")
        );
        !own && !in_forwarder
    }

    /// Whether some `try` of the module has a handler naming
    /// `StopIteration` (alone or in a tuple).
    fn handles_stop_iteration(&self) -> bool {
        struct Finder {
            found: bool,
        }
        impl<'b> Visitor<'b> for Finder {
            fn visit_stmt(&mut self, stmt: &'b Stmt) {
                if self.found {
                    return;
                }
                if let Stmt::Try(try_stmt) = stmt {
                    self.found = try_stmt.handlers.iter().any(|handler| {
                        let ExceptHandler::ExceptHandler(handler) = handler;
                        handler.type_.as_deref().is_some_and(names_stop_iteration)
                    });
                }
                visitor::walk_stmt(self, stmt);
            }
        }
        let mut finder = Finder { found: false };
        finder.visit_body(&self.module.body);
        finder.found
    }

    /// [`Self::drives_coroutines_by_hand`] through the method taken as a
    /// value or by its name: `step = coro.send` then `step(None)`,
    /// `getattr(coro, "send")`, `operator.methodcaller("send", None)`,
    /// `map(coro.throw, …)`. A read of `.send`, `.throw` or `.__await__`
    /// that is not the callee of a call, or the string `"send"`, `"throw"`
    /// or `"__await__"` given to a call, counts (whatever the object: a
    /// socket's `send` kept as a callback counts too).
    fn reaches_coroutine_steps(&self) -> bool {
        use ruff_python_ast::visitor::{self, Visitor};
        const STEPS: &[&str] = &["send", "throw", "__await__"];
        struct Finder {
            found: bool,
        }
        impl<'b> Visitor<'b> for Finder {
            fn visit_expr(&mut self, expr: &'b Expr) {
                if self.found {
                    return;
                }
                match expr {
                    Expr::Call(call) => {
                        let named = call
                            .arguments
                            .args
                            .iter()
                            .chain(call.arguments.keywords.iter().map(|k| &k.value))
                            .any(|argument| {
                                matches!(argument, Expr::StringLiteral(string)
                                    if STEPS.contains(&string.value.to_str()))
                            });
                        if named {
                            self.found = true;
                            return;
                        }
                        // The callee itself is a call of the method (asked
                        // by `steps_coroutines_by_call`): only what it is
                        // called on is looked into.
                        match call.func.as_ref() {
                            Expr::Attribute(method) => self.visit_expr(&method.value),
                            other => self.visit_expr(other),
                        }
                        for argument in &call.arguments.args {
                            self.visit_expr(argument);
                        }
                        for keyword in &call.arguments.keywords {
                            self.visit_expr(&keyword.value);
                        }
                    }
                    Expr::Attribute(attribute)
                        if attribute.ctx == ruff_python_ast::ExprContext::Load
                            && STEPS.contains(&attribute.attr.as_str()) =>
                    {
                        self.found = true;
                    }
                    _ => visitor::walk_expr(self, expr),
                }
            }
        }
        let mut finder = Finder { found: false };
        finder.visit_body(&self.module.body);
        finder.found
    }

    /// Whether the code at `offset` (in a function of `scope`) runs while
    /// its coroutine is being closed: as cleanup (a `finally:` body, a
    /// handler that may catch `GeneratorExit`: bare, `BaseException`,
    /// `GeneratorExit`, a tuple with one, a name the module cannot
    /// resolve; the body of an `async def __aexit__`, which an `async
    /// with` runs on the way out), or after earlier code of the coroutine
    /// that may catch the `GeneratorExit` and go on (see
    /// [`Self::runs_after_kept_close`]). A coroutine closed outside its
    /// loop (garbage-collected while suspended, `coro.close()` after the
    /// loop stopped) runs that code with no loop running, and may not
    /// suspend there. Only a coroutine's code counts: a `finally:` of a
    /// plain `def` runs when it returns. The one answer every codemod asks
    /// before it makes such code need a running loop or suspend.
    pub fn runs_when_closed(&self, scope: ScopeId, offset: TextSize) -> Option<ClosedRun> {
        let frame = self.frame_of(scope);
        if !matches!(
            self.scope(frame).kind,
            ScopeKind::Function { is_async: true }
        ) {
            return None;
        }
        if let Some(cleanup) = self.close_cleanup(frame, offset) {
            return Some(cleanup);
        }
        if self.is_method(frame)
            && self
                .scope(frame)
                .function()
                .is_some_and(|def| def.name.as_str() == "__aexit__")
        {
            return Some(ClosedRun::Aexit);
        }
        self.runs_after_kept_close(frame, offset)
            .map(ClosedRun::AfterKept)
    }

    /// Whether the code at `offset` (in a function of `scope`) runs as
    /// cleanup when its coroutine is closed: in a `finally:` body, or in
    /// a handler that may catch `GeneratorExit` (bare, `BaseException`,
    /// `GeneratorExit`, a tuple with one, a name the module cannot
    /// resolve).
    fn close_cleanup(&self, scope: ScopeId, offset: TextSize) -> Option<ClosedRun> {
        let frame = self.frame_of(scope);
        let mut current = self.innermost_stmt(frame, offset)?;
        while let Some((suite, _)) = self.suite_of(current) {
            let parent = suite.parent?;
            match parent {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return None,
                Stmt::Try(try_stmt) => {
                    if std::ptr::eq(try_stmt.finalbody.as_ptr(), suite.body.as_ptr()) {
                        return Some(ClosedRun::Finally);
                    }
                    for handler in &try_stmt.handlers {
                        let ruff_python_ast::ExceptHandler::ExceptHandler(handler) = handler;
                        if std::ptr::eq(handler.body.as_ptr(), suite.body.as_ptr())
                            && handler
                                .type_
                                .as_deref()
                                .is_none_or(|type_| self.may_name_generator_exit(type_, frame))
                        {
                            return Some(ClosedRun::Handler);
                        }
                    }
                }
                _ => {}
            }
            current = parent;
        }
        None
    }

    /// Where code before the code at `offset` (in a function of `scope`),
    /// in the same coroutine, may catch `GeneratorExit` thrown in at a
    /// suspension point and go on, so that the code at `offset` may still
    /// run after the coroutine was closed: a handler that may catch it
    /// (bare, `BaseException`, `GeneratorExit`) and does not re-raise, a
    /// `finally:` that returns, or a context manager whose exit may keep it
    /// (`suppress(GeneratorExit)`, a class of the module whose `__exit__`
    /// may return true), around code that can suspend (the cancellation
    /// walk's answer: [`Self::statements_may_keep`]). Counted: statements
    /// before it in each block around it, the `try` body before its `else:`
    /// and handlers, and a whole loop body around it (the next iteration
    /// runs after). Calls are not followed.
    pub fn runs_after_kept_close(&self, scope: ScopeId, offset: TextSize) -> Option<TextRange> {
        let frame = self.frame_of(scope);
        let mut current = self.innermost_stmt(frame, offset)?;
        while let Some((suite, index)) = self.suite_of(current) {
            let before = suite.body.get(..index).unwrap_or_default();
            if let Some(kept) = self.statements_may_keep(before, frame, "GeneratorExit") {
                return Some(kept.range());
            }
            let parent = suite.parent?;
            let earlier: &[Stmt] = match parent {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return None,
                Stmt::For(ruff_python_ast::StmtFor { body, .. })
                | Stmt::While(ruff_python_ast::StmtWhile { body, .. }) => body,
                Stmt::Try(try_stmt)
                    if !std::ptr::eq(try_stmt.body.as_ptr(), suite.body.as_ptr()) =>
                {
                    &try_stmt.body
                }
                _ => &[],
            };
            if let Some(kept) = self.statements_may_keep(earlier, frame, "GeneratorExit") {
                return Some(kept.range());
            }
            current = parent;
        }
        None
    }

    /// Whether the exception class `expr` may catch `GeneratorExit`.
    fn may_name_generator_exit(&self, expr: &Expr, scope: ScopeId) -> bool {
        match expr {
            Expr::Tuple(tuple) => tuple
                .elts
                .iter()
                .any(|e| self.may_name_generator_exit(e, scope)),
            _ => match self.qualified_name(expr, scope) {
                Some(qualified) => matches!(
                    qualified.as_str(),
                    "builtins.BaseException" | "builtins.GeneratorExit"
                ),
                None => true,
            },
        }
    }

    /// The path `name` imports where the code at `site` runs, when that
    /// binding exists there on every path: every binding of `name` where it
    /// resolves imports one same path, and one of them is in place at `site`
    /// (see [`Self::binding_in_place`]).
    pub fn available_import(&self, name: &str, site: TextSize) -> Option<&str> {
        let scope = self.scope_at(site);
        let path = self.import_of(name, scope)?;
        let Lookup::Bound { bindings, .. } = self.lookup(name, scope) else {
            return None;
        };
        let exists = bindings.iter().any(|&id| {
            let binding = self.binding(id);
            matches!(binding.kind, BindingKind::Import { .. })
                && self.binding_in_place(binding, site)
        });
        exists.then_some(path)
    }

    /// Whether `binding` exists whenever the code at `site` runs: its
    /// statement belongs to the body of the scope it binds in (not a
    /// function writing a module name through `global`), always runs when
    /// that body runs to it (directly in the body, or in a `with` or a
    /// handler-less `try` there; not under an `if`, a loop, a `try` with
    /// handlers or `if TYPE_CHECKING:`), and runs before the code at `site`:
    /// earlier in the source (code after it, and any function defined after
    /// it, runs after it), or, for a module-level binding used in a function
    /// body, before module-level code first may call into the module (see
    /// [`Self::module_code_entry`]): a function runs only once something
    /// calls it, and `asyncio.run(main())` above the binding runs the
    /// module's functions before it exists.
    pub fn binding_in_place(&self, binding: &Binding, site: TextSize) -> bool {
        let Some(stmt) = binding.stmt else {
            return false;
        };
        if self.stmt_scope(stmt) != Some(binding.scope) || !self.runs_unconditionally(stmt) {
            return false;
        }
        if binding.range.start() < site {
            return true;
        }
        binding.scope == MODULE_SCOPE
            && self.runs_after_import(self.scope_at(site))
            && self
                .module_code_entry()
                .is_none_or(|entry| stmt.end() <= entry)
    }

    /// The start of the first module-level statement (in an `if`, a loop, a
    /// `with`, a `try` or a class body at module level too, but not in a
    /// function body) that may run code of the module itself while the
    /// module is being executed: a call, a decorator or a class's bases
    /// that read a name the module binds other than by an import (a
    /// function or class it defines, a variable: `asyncio.run(main())`,
    /// `atexit.register(cleanup)`, `app.router.add_get("/", handler)`,
    /// `@app.get("/")`, `class B(A):` for its `__init_subclass__`), and any
    /// call under `if __name__ == "__main__":` (`unittest.main()` finds the
    /// module's code by itself). `None` when no such statement exists.
    /// Calls of imported functions with only imported or literal arguments
    /// (`logging.getLogger(__name__)`) are not entries.
    pub fn module_code_entry(&self) -> Option<TextSize> {
        *self.module_code_entry.get_or_init(|| {
            let mut finder = EntryFinder {
                semantic: self,
                stmt: TextSize::default(),
                main_guard: 0,
                found: None,
            };
            for stmt in &self.module.body {
                finder.visit_stmt(stmt);
                if finder.found.is_some() {
                    break;
                }
            }
            finder.found
        })
    }

    /// Whether code in `scope` runs only when something calls it later (it
    /// sits in a function or lambda body), rather than while the module or
    /// a class body is being executed.
    fn runs_after_import(&self, scope: ScopeId) -> bool {
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            match scope.kind {
                ScopeKind::Function { .. } | ScopeKind::Lambda => return true,
                ScopeKind::Module | ScopeKind::Class => return false,
                ScopeKind::Comprehension { .. } => current = scope.parent,
            }
        }
        false
    }

    /// The scope whose body a statement belongs to.
    fn stmt_scope(&self, stmt: &Stmt) -> Option<ScopeId> {
        let location = self.stmt_location(stmt.start())?;
        Some(self.suites[location.suite as usize].scope)
    }

    /// Whether `stmt` runs whenever the body of its scope runs to its line:
    /// every compound statement between them is a `with`, or a `try`
    /// without handlers whose body holds it (`if`, loops, `match`, a `try`
    /// with handlers or its `else`/`except` parts, and an `if TYPE_CHECKING:`
    /// are conditional).
    pub fn runs_unconditionally(&self, stmt: &Stmt) -> bool {
        let mut current = stmt;
        loop {
            let Some(location) = self.stmt_location(current.start()) else {
                return false;
            };
            let suite = &self.suites[location.suite as usize];
            let Some(parent) = suite.parent else {
                return true;
            };
            match parent {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return true,
                Stmt::With(_) => {}
                Stmt::Try(try_stmt)
                    if try_stmt.handlers.is_empty()
                        && std::ptr::eq(suite.body.as_ptr(), try_stmt.body.as_ptr()) => {}
                _ => return false,
            }
            current = parent;
        }
    }

    /// Whether the variable `name`, read at `site` by code running in
    /// `scope`, surely holds a value there: it belongs to the function
    /// running `scope` and is a parameter, or the target of a plain
    /// assignment of the function's body that always runs and ends before
    /// `site`; and nothing unbinds it (`del`, the end of an `except … as`).
    /// A loop target, a `with … as` or a `:=` may not have run.
    pub fn surely_bound_at(&self, name: &str, scope: ScopeId, site: TextSize) -> bool {
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return false;
        };
        if owner != self.frame_of(scope)
            || !matches!(self.scope(owner).kind, ScopeKind::Function { .. })
        {
            return false;
        }
        let bindings: Vec<_> = bindings.iter().map(|&id| self.binding(id)).collect();
        if bindings
            .iter()
            .any(|b| matches!(b.kind, BindingKind::Deletion | BindingKind::Except))
        {
            return false;
        }
        bindings.iter().any(|binding| match binding.kind {
            BindingKind::Parameter => true,
            BindingKind::Assignment => binding.stmt.is_some_and(|stmt| {
                let target = match stmt {
                    Stmt::Assign(assign) => assign
                        .targets
                        .iter()
                        .any(|t| t.is_name_expr() && t.range() == binding.range),
                    Stmt::AnnAssign(assign) => {
                        assign.value.is_some() && assign.target.range() == binding.range
                    }
                    Stmt::AugAssign(assign) => assign.target.range() == binding.range,
                    _ => false,
                };
                target
                    && stmt.end() <= site
                    && self.stmt_scope(stmt) == Some(owner)
                    && self.runs_unconditionally(stmt)
            }),
            _ => false,
        })
    }

    /// Whether the module's annotations are never evaluated at run time
    /// (`from __future__ import annotations`): then an annotation may use
    /// names and subscripts that do not exist, or fail, when the module runs.
    pub fn postpones_annotations(&self) -> bool {
        self.imports_of("__future__.annotations").next().is_some()
    }

    /// The scope whose frame runs the code of `scope`: itself, or, for a
    /// list, set or dict comprehension, the scope around it (they run at
    /// once, in place; before 3.12 in a frame of their own, but one that
    /// cannot outlive the expression). A generator expression, lambda, def
    /// or class is its own frame: its code may run later, elsewhere.
    pub fn frame_of(&self, scope: ScopeId) -> ScopeId {
        let mut current = scope;
        loop {
            let this = self.scope(current);
            match (this.kind, this.parent) {
                (
                    ScopeKind::Comprehension {
                        is_generator: false,
                    },
                    Some(parent),
                ) => current = parent,
                _ => return current,
            }
        }
    }
}

/// The objects whose attribute `member` the code assigns or deletes.
/// Finds [`SemanticModel::module_code_entry`]: walks module-level code
/// (not function or lambda bodies, which run later) in source order.
struct EntryFinder<'m, 'a> {
    semantic: &'m SemanticModel<'a>,
    /// The start of the innermost statement being visited.
    stmt: TextSize,
    /// Depth inside `if __name__ == "__main__":` bodies.
    main_guard: u32,
    found: Option<TextSize>,
}

impl EntryFinder<'_, '_> {
    /// Whether `expr` reads a name bound by something other than an import
    /// (a `def`, a `class`, a variable), which may lead into the module's
    /// own code when called or passed to a call.
    fn reads_module_code(&self, expr: &Expr) -> bool {
        struct Names<'m, 'a> {
            semantic: &'m SemanticModel<'a>,
            found: bool,
        }
        impl<'b> Visitor<'b> for Names<'_, '_> {
            fn visit_expr(&mut self, expr: &'b Expr) {
                if self.found {
                    return;
                }
                if let Expr::Name(name) = expr
                    && name.ctx == ExprContext::Load
                {
                    let scope = self.semantic.scope_at(name.start());
                    if let Lookup::Bound { bindings, .. } =
                        self.semantic.lookup_with(name.id.as_str(), scope, false)
                    {
                        self.found = bindings.iter().any(|&id| {
                            !matches!(self.semantic.binding(id).kind, BindingKind::Import { .. })
                        });
                    }
                }
                visitor::walk_expr(self, expr);
            }
        }
        let mut names = Names {
            semantic: self.semantic,
            found: false,
        };
        names.visit_expr(expr);
        names.found
    }

    fn entry_if(&mut self, expr: &Expr) {
        if self.found.is_none() && self.reads_module_code(expr) {
            self.found = Some(self.stmt);
        }
    }
}

impl<'b> Visitor<'b> for EntryFinder<'_, '_> {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        if self.found.is_some() {
            return;
        }
        let outer = self.stmt;
        self.stmt = stmt.start();
        match stmt {
            Stmt::FunctionDef(def) => {
                // Decorators, defaults and annotations run now; the body later.
                for decorator in &def.decorator_list {
                    self.entry_if(&decorator.expression);
                }
                self.visit_parameters(&def.parameters);
                if let Some(returns) = &def.returns {
                    self.visit_expr(returns);
                }
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.entry_if(&decorator.expression);
                }
                if let Some(arguments) = &class.arguments {
                    for argument in arguments.args.iter() {
                        self.entry_if(argument);
                    }
                    for keyword in arguments.keywords.iter() {
                        self.entry_if(&keyword.value);
                    }
                }
                self.visit_body(&class.body);
            }
            _ if is_main_guard(stmt) => {
                self.main_guard += 1;
                visitor::walk_stmt(self, stmt);
                self.main_guard -= 1;
            }
            _ => visitor::walk_stmt(self, stmt),
        }
        self.stmt = outer;
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        if self.found.is_some() {
            return;
        }
        match expr {
            // The body runs later; its defaults run now.
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.visit_parameters(parameters);
                }
            }
            Expr::Call(_) if self.main_guard > 0 => self.found = Some(self.stmt),
            // Everything inside a call that reads no module name reads none
            // in its nested calls either.
            Expr::Call(_) => self.entry_if(expr),
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Whether an `except` clause's type names `StopIteration` (alone or in a
/// tuple).
fn names_stop_iteration(type_: &Expr) -> bool {
    match type_ {
        Expr::Name(name) => name.id.as_str() == "StopIteration",
        Expr::Tuple(tuple) => tuple.elts.iter().any(names_stop_iteration),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use ruff_text_size::TextSize;

    use super::{AsyncLibrary, LibraryChoice};
    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    fn library(source: &str) -> LibraryChoice {
        let parsed = parse(source).unwrap();
        SemanticModel::build(parsed.syntax()).async_library()
    }

    /// Whether `asyncio` is available where the source's `HERE` marker is.
    fn available(source: &str) -> bool {
        let site = source.find("HERE").expect("a HERE marker");
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        semantic
            .available_import("asyncio", TextSize::new(site as u32))
            .is_some()
    }

    fn binds_dynamically(source: &str, name: &str) -> bool {
        let parsed = parse(source).unwrap();
        SemanticModel::build(parsed.syntax()).may_bind_dynamically(name)
    }

    #[test]
    fn a_types_coroutine_trampoline_drives_coroutines_by_hand() {
        let drives = |source: &str| {
            let parsed = parse(source).unwrap();
            SemanticModel::build(parsed.syntax()).drives_coroutines_by_hand()
        };
        assert!(drives(
            "import types\n@types.coroutine\ndef t(c):\n    return (yield from c)\n"
        ));
        assert!(drives(
            "from types import coroutine\n@coroutine\ndef t(c):\n    return (yield from c)\n"
        ));
        assert!(!drives("import types\nx = types.SimpleNamespace()\n"));
        assert!(!drives("async def f():\n    pass\n"));
    }

    #[test]
    fn code_a_close_may_still_reach() {
        let reached = |source: &str| {
            let at = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
            crate::test_support::with_context(source, |ctx| {
                let semantic = ctx.semantic;
                semantic
                    .runs_after_kept_close(semantic.scope_at(at), at)
                    .is_some()
            })
        };
        let quiet = "import asyncio\nclass Quiet:\n    def __enter__(self): return self\n    def __exit__(self, *exc): return True\n";
        assert!(reached(&format!(
            "{quiet}async def f():\n    with Quiet():\n        await asyncio.sleep(1)\n    HERE = 1\n"
        )));
        assert!(reached(&format!(
            "{quiet}async def f():\n    for x in y:\n        HERE = 1\n        with Quiet():\n            await asyncio.sleep(1)\n"
        )));
        assert!(reached(
            "import asyncio\nasync def f():\n    try:\n        with open('x'):\n            try:\n                await asyncio.sleep(1)\n            except GeneratorExit:\n                pass\n    finally:\n        pass\n    HERE = 1\n"
        ));
        // Before the block, inside it after the await, in another function.
        assert!(!reached(&format!(
            "{quiet}async def f():\n    HERE = 1\n    with Quiet():\n        await asyncio.sleep(1)\n"
        )));
        assert!(!reached(&format!(
            "{quiet}async def f():\n    with Quiet():\n        await asyncio.sleep(1)\n        HERE = 1\n"
        )));
        assert!(!reached(&format!(
            "{quiet}async def f():\n    with Quiet():\n        await asyncio.sleep(1)\nasync def g():\n    HERE = 1\n"
        )));
    }

    #[test]
    fn names_bound_behind_the_statements_backs() {
        for source in [
            "def install(k, v):\n    globals()[k] = v\n",
            "globals()['TimeoutError'] = KeyError\n",
            "globals().update(extra)\n",
            "vars().update(extra)\n",
            "exec(code, globals())\n",
            "exec(code)\n",
            "import sys\ndef export(k, v):\n    setattr(sys.modules[__name__], k, v)\n",
            "import sys\nsetattr(sys.modules[__name__], 'TimeoutError', KeyError)\n",
            "import sys\nsys.modules[__name__].TimeoutError = KeyError\n",
            "import importlib\nsetattr(importlib.import_module(__name__), k, v)\n",
            "import builtins\nsetattr(builtins, name, value)\n",
            "__builtins__['TimeoutError'] = KeyError\n",
            // Whatever receives the namespace may write it.
            "register(globals())\n",
            // The namespace or the module's own object kept or handed on,
            // or reached as `__main__`.
            "def f():\n    g = globals()\n    g['TimeoutError'] = KeyError\n",
            "G: dict = globals()\n",
            "import sys\nmod = sys.modules[__name__]\nmod.TimeoutError = KeyError\n",
            "import sys\nregister(sys.modules[__name__])\n",
            "import __main__\n__main__.TimeoutError = KeyError\n",
            "import __main__\nsetattr(__main__, 'TimeoutError', KeyError)\n",
            "import sys\nsys.modules['__main__'].TimeoutError = KeyError\n",
            "import importlib\nimportlib.import_module(__name__).TimeoutError = KeyError\n",
            "import sys\nvars(sys.modules[__name__])['TimeoutError'] = KeyError\n",
            "import sys\nsys.modules[__name__].__dict__['TimeoutError'] = KeyError\n",
            "if (g := globals()):\n    pass\n",
            "import sys as s\ns.modules[__name__].TimeoutError = KeyError\n",
            "import __main__ as m\nm.TimeoutError = KeyError\n",
        ] {
            assert!(binds_dynamically(source, "TimeoutError"), "{source}");
        }
        for source in [
            "x = 1\n",
            "globals()['other'] = 1\n",
            "names = globals().keys()\n",
            "setattr(obj, key, value)\n",
            "import sys\nsys.modules[__name__].other = 1\n",
            "import __main__\n__main__.other = 1\nprint(getattr(__main__, 'x', None))\n",
            "import sys\nsys.modules['app'].TimeoutError = KeyError\n",
            "obj.TimeoutError = KeyError\n",
            // A function's own variables, not the module's.
            "def f():\n    print(sorted(locals()))\n    vars().update(x=1)\n",
            "f = lambda: print(locals())\n",
        ] {
            assert!(!binds_dynamically(source, "TimeoutError"), "{source}");
        }
    }

    #[test]
    fn library_comes_from_run_time_imports() {
        use AsyncLibrary::*;
        assert_eq!(library("x = 1\n"), LibraryChoice::One(Asyncio));
        assert_eq!(library("import trio\n"), LibraryChoice::One(Trio));
        assert_eq!(library("import curio\n"), LibraryChoice::One(Curio));
        assert_eq!(
            library("from twisted.internet import defer\n"),
            LibraryChoice::One(Twisted)
        );
        assert_eq!(
            library("import asyncio\nfrom twisted.internet import task\n"),
            LibraryChoice::Ambiguous
        );
        assert_eq!(
            library("import asyncio\nimport anyio\n"),
            LibraryChoice::One(Anyio)
        );
        assert_eq!(
            library("import asyncio\nimport trio\n"),
            LibraryChoice::Ambiguous
        );
        // Imports for type checkers never run.
        assert_eq!(
            library("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import trio\n"),
            LibraryChoice::One(Asyncio)
        );
        assert_eq!(
            library(
                "import typing\nif typing.TYPE_CHECKING:\n    from trio import Nursery\nimport curio\n"
            ),
            LibraryChoice::One(Curio)
        );
        // Only on some paths: the module may run on either.
        assert_eq!(
            library("def helper():\n    import trio\n"),
            LibraryChoice::Ambiguous
        );
        assert_eq!(
            library("try:\n    import trio\nexcept ImportError:\n    trio = None\n"),
            LibraryChoice::Ambiguous
        );
        assert_eq!(
            library("with suppress(Exception):\n    import trio\n"),
            LibraryChoice::One(Trio)
        );
    }

    fn patched(source: &str, qualified: &str) -> bool {
        let parsed = parse(source).unwrap();
        SemanticModel::build(parsed.syntax()).may_patch(qualified)
    }

    #[test]
    fn patches_are_seen() {
        for source in [
            "import time\ntime.sleep = print\n",
            "import time\nsetattr(time, 'sleep', print)\n",
            "from unittest import mock\nwith mock.patch('time.sleep'):\n    pass\n",
            "from unittest import mock\n@mock.patch('app.time.sleep')\ndef test(): pass\n",
            "import time\ndef test(monkeypatch):\n    monkeypatch.setattr(time, 'sleep', print)\n",
            "import time\nfrom unittest.mock import patch\npatch.object(time, 'sleep')\n",
        ] {
            assert!(patched(source, "time.sleep"), "{source}");
        }
        for source in [
            "import time\ntime.sleep(1)\n",
            "print('time.sleeper')\n",
            "patch('mytime.sleep')\n",
            "import time\nm_time = Mock()\nm_time.sleep = print\n",
            "import time\ndef f(self, name):\n    setattr(self, name, 1)\n",
            "import time\nsetattr(obj, 'sleep', print)\n",
        ] {
            assert!(!patched(source, "time.sleep"), "{source}");
        }
    }

    #[test]
    fn coroutines_driven_by_hand() {
        let driven = |source: &str| {
            let parsed = parse(source).unwrap();
            SemanticModel::build(parsed.syntax()).drives_coroutines_by_hand()
        };
        for source in [
            "def run(c):\n    c.send(None)\n",
            "def run(c):\n    it = c.__await__()\n    while True:\n        next(it)\n",
            "for _ in job().__await__():\n    pass\n",
            "c = job()\nnext(c.__await__())\nc.throw(KeyError())\n",
            "def run(c, exc):\n    return c.throw(type(exc), exc, None)\n",
            // The iterator of an awaitable stepped in a nested function.
            "class W:\n    def __await__(self):\n        def step():\n            return next(self.c.__await__())\n        return step()\n",
            // The method taken as a value or by its name.
            "c = job()\nstep = c.send\nstep(None)\n",
            "getattr(job(), 'send')(None)\n",
            "import operator\ndrive = operator.methodcaller('send', None)\n",
            "list(map(job().throw, errors))\n",
            // However the end is caught: a trampoline feeding back what it
            // got, a lambda step.
            "def run(c):\n    v = None\n    try:\n        while True:\n            v = c.send(v)\n    except BaseException as e:\n        return getattr(e, 'value', None)\n",
            "def run(c, arg=None):\n    try:\n        while True:\n            arg = c.send(arg)\n    except Exception as e:\n        return e.args[0]\n",
            "def run(c):\n    step = lambda v: c.send(v)\n    while True:\n        step(None)\n",
            // A plain generator delegating to a coroutine steps it.
            "def wrap(c):\n    return (yield from c.__await__())\n",
        ] {
            assert!(driven(source), "{source}");
        }
        for source in [
            "def run(c):\n    c.send(1)\n    ws.send(data)\n",
            // A generator of the module pumped with what it yields.
            "def averager():\n    total = 0\n    while True:\n        total += yield total\ndef run():\n    g = averager()\n    v = next(g)\n    for _ in range(3):\n        v = g.send(v)\n",
            // A socket's send gives back a count.
            "def put(sock, data):\n    sent = sock.send(data)\n    return sent\n",
            // Delegating awaitables await: no driving.
            "class W:\n    def __await__(self):\n        return self.run().__await__()\n",
            "class W:\n    def __await__(self):\n        yield from self.fut.__await__()\n",
            "def f(x):\n    return x.throw()\n",
        ] {
            assert!(!driven(source), "{source}");
        }
    }

    #[test]
    fn code_that_runs_when_a_coroutine_is_closed() {
        let cleanup = |source: &str| {
            crate::test_support::with_context(source, |ctx| {
                let offset =
                    ruff_text_size::TextSize::try_from(source.find("mark()").expect("a mark"))
                        .expect("small");
                let scope = ctx.semantic.scope_at(offset);
                ctx.semantic.runs_when_closed(scope, offset)
            })
        };
        for source in [
            "async def f():\n    try:\n        await g()\n    finally:\n        mark()\n",
            "async def f():\n    try:\n        await g()\n    finally:\n        if x:\n            mark()\n",
            "async def f():\n    try:\n        await g()\n    except BaseException:\n        mark()\n        raise\n",
            "async def f():\n    try:\n        await g()\n    except:\n        mark()\n",
            "async def f():\n    try:\n        await g()\n    except (KeyError, GeneratorExit):\n        mark()\n",
            "async def f():\n    try:\n        await g()\n    except self.errors:\n        mark()\n",
        ] {
            assert!(
                matches!(
                    cleanup(source),
                    Some(super::ClosedRun::Finally | super::ClosedRun::Handler)
                ),
                "{source}"
            );
        }
        // The exit an `async with` runs on the way out, wherever in it.
        for source in [
            "class L:\n    async def __aexit__(self, *exc):\n        mark()\n",
            "class L:\n    async def __aexit__(self, *exc):\n        if self.x:\n            mark()\n",
        ] {
            assert_eq!(cleanup(source), Some(super::ClosedRun::Aexit), "{source}");
        }
        // After a handler that keeps the close.
        assert!(matches!(
            cleanup(
                "async def f():\n    try:\n        await g()\n    except BaseException:\n        pass\n    mark()\n"
            ),
            Some(super::ClosedRun::AfterKept(_))
        ));
        for source in [
            "async def f():\n    try:\n        mark()\n    finally:\n        pass\n",
            "async def f():\n    try:\n        await g()\n    except Exception:\n        mark()\n",
            "async def f():\n    mark()\n",
            "try:\n    pass\nfinally:\n    async def f():\n        mark()\n",
            // A plain `def`'s `finally:` runs when it returns; a sync exit,
            // an `__aexit__` that is no method, and a function nested in
            // the exit run when called.
            "def f():\n    try:\n        g()\n    finally:\n        mark()\n",
            "class L:\n    def __exit__(self, *exc):\n        mark()\n",
            "async def __aexit__(self, *exc):\n    mark()\n",
            "class L:\n    async def __aexit__(self, *exc):\n        def later():\n            mark()\n",
            "async def f():\n    try:\n        await g()\n    finally:\n        def later():\n            mark()\n",
        ] {
            assert_eq!(cleanup(source), None, "{source}");
        }
    }

    #[test]
    fn future_import_postpones_annotations() {
        let postpones = |source: &str| {
            let parsed = parse(source).unwrap();
            SemanticModel::build(parsed.syntax()).postpones_annotations()
        };
        assert!(postpones(
            "from __future__ import annotations\nx: set[int] = set()\n"
        ));
        assert!(postpones("from __future__ import division, annotations\n"));
        assert!(!postpones("from __future__ import division\n"));
        assert!(!postpones("import annotations\n"));
    }

    #[test]
    fn imports_that_always_run_are_available() {
        assert!(available("import asyncio\nasync def f():\n    HERE\n"));
        assert!(available("async def f():\n    HERE\nimport asyncio\n"));
        assert!(available("with x:\n    import asyncio\nHERE\n"));
        assert!(available("async def f():\n    import asyncio\n    HERE\n"));
        assert!(available(
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import asyncio\nimport asyncio\nasync def f():\n    HERE\n"
        ));
    }

    #[test]
    fn imports_after_module_code_that_runs_the_functions_are_not() {
        // `main()` runs `f` before the import below it.
        assert!(!available(
            "async def f():\n    HERE\nasync def main():\n    await f()\nasyncio_run(main())\nimport asyncio\n"
        ));
        assert!(!available(
            "import trio\nasync def f():\n    HERE\nif __name__ == '__main__':\n    trio.run(f)\nimport asyncio\n"
        ));
        // Code that calls nothing of the module's own does not count.
        assert!(available(
            "import logging\nasync def f():\n    HERE\nlogger = logging.getLogger(__name__)\nimport asyncio\n"
        ));
        // A function defined after the import exists only once it ran.
        assert!(available(
            "def main():\n    pass\nmain()\nimport asyncio\nasync def f():\n    HERE\n"
        ));
    }

    /// Whether the one binding of `name` is in place where `HERE` is.
    fn in_place(source: &str, name: &str) -> bool {
        let site = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let bindings: Vec<_> = semantic.bindings_named(name).collect();
        let [(_, binding)] = bindings.as_slice() else {
            panic!("one binding of {name} in {source}");
        };
        semantic.binding_in_place(binding, site)
    }

    #[test]
    fn module_bindings_in_place_before_module_code_runs() {
        assert!(in_place("s = set()\nasync def f():\n    HERE\n", "s"));
        assert!(in_place(
            "async def f():\n    HERE\ns = set()\nif __name__ == '__main__':\n    asyncio.run(f())\n",
            "s"
        ));
        assert!(in_place(
            "import asyncio\nasync def f():\n    HERE\nwith lock:\n    s = set()\nasyncio.run(f())\n",
            "s"
        ));
    }

    #[test]
    fn module_bindings_not_in_place_when_code_may_run_first() {
        for source in [
            // Bound in a function through `global`: only once it is called.
            "def init():\n    global s\n    s = set()\nasync def f():\n    HERE\n",
            // After the line that runs the coroutine.
            "async def f():\n    HERE\nif __name__ == '__main__':\n    asyncio.run(f())\ns = set()\n",
            // On one path only.
            "import os\nif os.environ.get('X'):\n    s = set()\nasync def f():\n    HERE\n",
            // A decorator, a registration or a subclass may call into the module.
            "async def f():\n    HERE\n@register\ndef g():\n    pass\ns = set()\ndef register(x):\n    return x\n",
            "import atexit\nasync def f():\n    HERE\ndef bye():\n    pass\natexit.register(bye)\ns = set()\n",
            "class A:\n    def __init_subclass__(cls):\n        pass\nasync def f():\n    HERE\nclass B(A):\n    pass\ns = set()\n",
            // `unittest.main()` finds the module's code by itself.
            "import unittest\nasync def f():\n    HERE\nif __name__ == '__main__':\n    unittest.main()\ns = set()\n",
        ] {
            assert!(!in_place(source, "s"), "{source}");
        }
        // In module-level code itself, only what ran before counts.
        assert!(!in_place("HERE\ns = set()\n", "s"));
    }

    #[test]
    fn imports_on_some_paths_are_not() {
        assert!(!available(
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import asyncio\nasync def f():\n    HERE\n"
        ));
        assert!(!available(
            "if __name__ == '__main__':\n    import asyncio\nasync def f():\n    HERE\n"
        ));
        assert!(!available(
            "try:\n    import asyncio\nexcept ImportError:\n    pass\nasync def f():\n    HERE\n"
        ));
        assert!(!available(
            "def setup():\n    global asyncio\n    import asyncio\nasync def f():\n    HERE\n"
        ));
        assert!(!available(
            "def setup():\n    import asyncio\nasync def f():\n    HERE\n"
        ));
        // Module code runs top to bottom: a later import is not there yet.
        assert!(!available("HERE\nimport asyncio\n"));
        assert!(!available("async def f():\n    HERE\n    import asyncio\n"));
        assert!(!available(
            "async def f():\n    if x:\n        import asyncio\n    HERE\n"
        ));
    }

    #[test]
    fn surely_bound_names_are_parameters_and_assignments_that_always_ran() {
        // `surely_bound_at(name)` at the `HERE` marker.
        let bound = |source: &str, name: &str| {
            let at = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
            crate::test_support::with_context(source, |ctx| {
                let semantic = ctx.semantic;
                semantic.surely_bound_at(name, semantic.scope_at(at), at)
            })
        };
        let source = "G = 1\nasync def f(p, *a, **k):\n    x = 1\n    y: int = 2\n    z += 1\n    HERE\n    w = 3\n";
        for name in ["p", "a", "k", "x", "y", "z"] {
            assert!(bound(source, name), "{name}");
        }
        for name in ["w", "G", "print", "missing"] {
            assert!(!bound(source, name), "{name}");
        }
        for body in [
            "    if c:\n        u = 1\n",
            "    for u in c:\n        pass\n",
            "    with c as u:\n        pass\n",
            "    try:\n        u = 1\n    except E:\n        pass\n",
            "    (u := 1) if c else 0\n",
            "    u = 1\n    del u\n    u = 2\n",
            "    u = 1\n    try:\n        pass\n    except E as u:\n        pass\n",
            "    u: int\n",
        ] {
            let source = format!("async def f(c):\n{body}    HERE\n");
            assert!(!bound(&source, "u"), "{body}");
        }
        let same_statement = "async def f():\n    u = g(HERE)\n";
        assert!(!bound(same_statement, "u"));
        let in_with = "async def f(c):\n    with c:\n        u = 1\n    HERE\n";
        assert!(bound(in_with, "u"));
    }
}
