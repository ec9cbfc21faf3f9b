//! What changes when a statement of a coroutine becomes a suspension point
//! (an `await` that lets other tasks run and lets a cancellation in):
//! whether it sits in cleanup code (`finally:`, `except`), which handlers
//! around it in its own frame would see an exception it raised, and whether
//! the coroutine reads shared state before it and writes that state after
//! it, so that another task can now run in between (a lost update).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, ExceptHandler, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::imports::Lookup;
use rustc_hash::FxHashMap;

use super::{BindingKind, ScopeId, SemanticModel};

/// The part of a compound statement a block of statements is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockPart {
    /// The body of a `try`, `with`, loop, `if` branch, `match` case, ….
    Body,
    /// The body of the `try`'s handler with this index.
    Handler(usize),
    /// A `try`'s or loop's `else:`.
    Else,
    Finally,
}

/// The first `return`, `break`, `continue` or `raise` of `body` outside
/// nested functions and classes: each ends (or replaces) the exception
/// that left the `try` (one inside a loop or a `try` of `body` may not; it
/// counts all the same, which only refuses more).
fn leaving_statement(body: &[Stmt]) -> Option<&Stmt> {
    struct Finder<'a> {
        found: Option<&'a Stmt>,
    }
    impl<'a> Visitor<'a> for Finder<'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if self.found.is_some() {
                return;
            }
            match stmt {
                Stmt::Return(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::Raise(_) => {
                    self.found = Some(stmt);
                }
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                _ => visitor::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    let mut finder = Finder { found: None };
    finder.visit_body(body);
    finder.found
}

/// A use of shared state before a point and another use of it after, one
/// of them a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAccess {
    /// The state, as the source spells it (`self.count`, `CACHE`).
    pub place: String,
    /// The use before the point.
    pub read: TextRange,
    /// The use after the point.
    pub write: TextRange,
    pub pair: AccessPair,
}

/// What the two uses of a [`SharedAccess`] are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessPair {
    /// Read before the point, written after it: a lost update.
    ReadThenWrite,
    /// Surely changed before the point (`POOL.pop()`, `LOG.append(x)`,
    /// `self.state = …`, `next(IDS)`), read or changed again after it:
    /// what the coroutine finds after the point, or leaves, now depends
    /// on what other tasks did in between.
    ChangeThenUse,
    /// Used before the point, surely changed after it.
    UseThenChange,
}

/// Builtin exception classes and their bases, for the handlers that may
/// catch them.
const BUILTIN_EXCEPTIONS: &[(&str, &str)] = &[
    ("Exception", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("FloatingPointError", "ArithmeticError"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("TypeError", "Exception"),
    ("OSError", "Exception"),
    ("IOError", "Exception"),
    ("EnvironmentError", "Exception"),
    ("LookupError", "Exception"),
    ("KeyError", "LookupError"),
    ("IndexError", "LookupError"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("AttributeError", "Exception"),
    ("NameError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("AssertionError", "Exception"),
    ("TimeoutError", "OSError"),
    ("ConnectionError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("PermissionError", "OSError"),
    ("EOFError", "Exception"),
    ("MemoryError", "Exception"),
    ("BufferError", "Exception"),
    ("Warning", "Exception"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("FileExistsError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("UnboundLocalError", "NameError"),
    ("SyntaxError", "Exception"),
    ("SystemError", "Exception"),
    ("ReferenceError", "Exception"),
    ("BaseExceptionGroup", "BaseException"),
    ("ExceptionGroup", "Exception"),
];

/// Whether `name` is a builtin exception class.
pub(super) fn is_builtin_exception(name: &str) -> bool {
    name == "BaseException" || BUILTIN_EXCEPTIONS.iter().any(|(each, _)| *each == name)
}

/// The exception classes a handler names in `except X:` that would catch
/// `class` (a builtin exception's name, or `asyncio.CancelledError`).
pub(super) fn catching_names(class: &str) -> Vec<&str> {
    let mut names = vec![class];
    let mut current = class;
    if current == "CancelledError" {
        current = "BaseException";
        names.push(current);
    }
    while let Some((_, base)) = BUILTIN_EXCEPTIONS.iter().find(|(name, _)| *name == current) {
        names.push(base);
        current = base;
    }
    names
}

/// Methods that change the container or object they are called on, for
/// "writes shared state" (a `list`, `dict`, `set`, `deque` or counter that
/// several tasks share).
pub(super) const MUTATORS: &[&str] = &[
    "append",
    "appendleft",
    "extend",
    "extendleft",
    "insert",
    "remove",
    "pop",
    "popleft",
    "popitem",
    "clear",
    "update",
    "add",
    "discard",
    "setdefault",
    "sort",
    "reverse",
    "rotate",
    "difference_update",
    "intersection_update",
    "symmetric_difference_update",
    "__setitem__",
    "__delitem__",
];

impl<'a> SemanticModel<'a> {
    /// The compound statements around `stmt` in its own frame, innermost
    /// first, each with the part of it that holds `stmt` (up to, not
    /// including, the `def` or `class` whose body it is).
    pub fn enclosing_blocks(&self, stmt: &Stmt) -> Vec<(&'a Stmt, BlockPart)> {
        let mut blocks = Vec::new();
        let mut current = stmt.start();
        while let Some(location) = self.stmt_location(current) {
            let suite = &self.suites[location.suite as usize];
            let Some(parent) = suite.parent else { break };
            if matches!(parent, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                break;
            }
            let body = suite.body.as_ptr();
            let part = match parent {
                Stmt::Try(try_stmt) => {
                    if std::ptr::eq(body, try_stmt.finalbody.as_ptr()) {
                        BlockPart::Finally
                    } else if std::ptr::eq(body, try_stmt.orelse.as_ptr()) {
                        BlockPart::Else
                    } else if let Some(index) = try_stmt.handlers.iter().position(|handler| {
                        let ExceptHandler::ExceptHandler(handler) = handler;
                        std::ptr::eq(body, handler.body.as_ptr())
                    }) {
                        BlockPart::Handler(index)
                    } else {
                        BlockPart::Body
                    }
                }
                Stmt::For(ast::StmtFor { orelse, .. })
                | Stmt::While(ast::StmtWhile { orelse, .. })
                    if std::ptr::eq(body, orelse.as_ptr()) =>
                {
                    BlockPart::Else
                }
                _ => BlockPart::Body,
            };
            blocks.push((parent, part));
            current = parent.start();
        }
        blocks
    }

    /// `"finally"`, `"except"` or `"__aexit__"` when `stmt` runs as
    /// cleanup: in a `finally:` body or an `except` handler (at any depth in
    /// its frame), or in an `__aexit__` method.
    pub fn cleanup_block(&self, stmt: &Stmt) -> Option<&'static str> {
        self.enclosing_blocks(stmt)
            .into_iter()
            .find_map(|(_, part)| match part {
                BlockPart::Finally => Some("finally"),
                BlockPart::Handler(_) => Some("except"),
                BlockPart::Body | BlockPart::Else => None,
            })
            .or_else(|| {
                let def = self.scope(self.scope_at(stmt.start())).function()?;
                (def.name.as_str() == "__aexit__").then_some("__aexit__")
            })
    }

    /// The first `with` item (innermost first) of a synchronous `with`
    /// around `stmt` in its own frame whose context a suspension point at
    /// `stmt` would keep entered while other tasks run and while the work
    /// moves to another thread: a `threading` lock (`with lock:` now
    /// deadlocks when another task of the same thread takes it, and an
    /// `RLock` lets it in), `decimal.localcontext()`, a redirected
    /// `sys.stdout`, a patch, a changed directory, anything whose state is
    /// the thread's or the process's. Only what surely holds an object of
    /// this code alone does not count: a file from `open(...)`,
    /// `tempfile`'s files and directories, and managers that only look at
    /// what their body raises (`contextlib.suppress`, `pytest.raises`) or do
    /// nothing (`contextlib.nullcontext`).
    pub fn held_context(&self, stmt: &Stmt) -> Option<&'a ast::WithItem> {
        const PRIVATE: &[&str] = &[
            "builtins.open",
            "io.open",
            "tempfile.TemporaryDirectory",
            "tempfile.NamedTemporaryFile",
            "tempfile.TemporaryFile",
            "tempfile.SpooledTemporaryFile",
            "contextlib.suppress",
            "contextlib.nullcontext",
            "pytest.raises",
        ];
        for (parent, part) in self.enclosing_blocks(stmt) {
            let Stmt::With(with) = parent else { continue };
            if with.is_async || part != BlockPart::Body {
                continue;
            }
            let scope = self.scope_at(with.start());
            let held = with.items.iter().find(|item| {
                !matches!(&item.context_expr, Expr::Call(call)
                    if PRIVATE.iter().any(|private| self.refers_to(&call.func, scope, private)))
            });
            if held.is_some() {
                return held;
            }
        }
        None
    }

    /// The first handler around `stmt` in its frame that may catch an
    /// exception of one of `classes` raised by `stmt`: an `except` (or
    /// `except*`) clause of a `try` whose body holds it, naming one of the
    /// classes or a base of one (`Exception`, `BaseException`, bare
    /// `except:`), or something this module cannot tell (a variable, an
    /// attribute of an object, a call); or a `with` that expects or
    /// suppresses exceptions (`pytest.raises`, `assertRaises…`,
    /// `contextlib.suppress` naming one of them) or whose manager may
    /// suppress whatever its body raises ([`Self::may_suppress_exceptions`]:
    /// a class of the module whose `__exit__` may return true, an
    /// `ExitStack`, a manager of another module); or the `finally:` of a
    /// `try` holding it that returns, breaks, continues or raises, which
    /// ends or replaces any exception. `classes` are builtin exception names, or
    /// `CancelledError` for asyncio's.
    ///
    /// A class the module defines cannot be a base of a builtin one; an
    /// imported class is taken to be what its name says (an import named
    /// `Exception` counts, `aiohttp.ClientError` does not).
    pub fn handler_catching(&self, stmt: &Stmt, classes: &[&str]) -> Option<TextRange> {
        self.handler_catching_with(stmt, classes, true)
    }

    /// [`Self::handler_catching`], for whether an exception of `classes`
    /// would be caught rather than whether the statement is expected to
    /// raise: `pytest.raises(X)` and `assertRaises(X)` count only when `X`
    /// may be one of `classes`, as `suppress(X)` does.
    pub fn handler_catching_exactly(&self, stmt: &Stmt, classes: &[&str]) -> Option<TextRange> {
        self.handler_catching_with(stmt, classes, false)
    }

    fn handler_catching_with(
        &self,
        stmt: &Stmt,
        classes: &[&str],
        any_expected: bool,
    ) -> Option<TextRange> {
        let scope = self.scope_at(stmt.start());
        let wanted: Vec<&str> = classes.iter().flat_map(|c| catching_names(c)).collect();
        for (parent, part) in self.enclosing_blocks(stmt) {
            // A `finally:` that returns, breaks, continues or raises ends
            // (or replaces) whatever exception left the rest of its `try`.
            if let Stmt::Try(try_stmt) = parent
                && part != BlockPart::Finally
                && let Some(exit) = leaving_statement(&try_stmt.finalbody)
            {
                return Some(exit.range());
            }
            match (parent, part) {
                (Stmt::Try(try_stmt), BlockPart::Body) => {
                    for handler in &try_stmt.handlers {
                        let ExceptHandler::ExceptHandler(handler) = handler;
                        let catches = match &handler.type_ {
                            None => true,
                            Some(type_) => self.may_name_exception(type_, scope, &wanted),
                        };
                        if catches {
                            return Some(handler.range);
                        }
                    }
                }
                (Stmt::With(with), BlockPart::Body) => {
                    for item in &with.items {
                        if self.with_item_may_catch(with, item, &wanted, any_expected) {
                            return Some(item.range);
                        }
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Whether the class (or tuple of classes) an `except` names may be one
    /// of `wanted` (exception names, bases included).
    pub(super) fn may_name_exception(&self, type_: &Expr, scope: ScopeId, wanted: &[&str]) -> bool {
        match type_ {
            Expr::Tuple(tuple) => tuple
                .elts
                .iter()
                .any(|element| self.may_name_exception(element, scope, wanted)),
            Expr::Name(name) => {
                let id = name.id.as_str();
                match self.lookup(id, scope) {
                    // A builtin exception is known; any other unbound name is not.
                    Lookup::Builtin => {
                        wanted.contains(&id)
                            || (id != "BaseException"
                                && !BUILTIN_EXCEPTIONS.iter().any(|(name, _)| *name == id))
                    }
                    Lookup::Unknown => true,
                    Lookup::Bound { bindings, .. } => {
                        if bindings
                            .iter()
                            .all(|&b| matches!(self.binding(b).kind, BindingKind::ClassDef(_)))
                        {
                            return false;
                        }
                        match self.import_of(id, scope) {
                            Some(path) => {
                                let from = bindings.iter().any(|&b| {
                                    matches!(
                                        self.binding(b).kind,
                                        BindingKind::Import { from: true, .. }
                                    )
                                });
                                self.imported_may_catch(
                                    path,
                                    self.import_loaded_parts(path, from),
                                    wanted,
                                )
                            }
                            None => true,
                        }
                    }
                }
            }
            Expr::Attribute(_) => match self.qualified_name(type_, scope) {
                // An imported class: `asyncio.CancelledError`, `socket.error`.
                Some(qualified) => {
                    let path = qualified.as_str();
                    (matches!(path, "socket.error" | "select.error") && wanted.contains(&"OSError"))
                        || self.imported_may_catch(
                            path,
                            self.parts_loaded_by_import(type_, scope),
                            wanted,
                        )
                }
                // An attribute of an object (`self.errors`): unknown.
                None => true,
            },
            _ => true,
        }
    }

    /// Whether an `except` naming the imported name `path` (as the import
    /// wrote it, its first `loaded` parts a module the import loaded) may
    /// catch one of `wanted`: what the project index tells of a name of the
    /// project (`RETRYABLE = (ConnectionError, RuntimeError)` in another
    /// module, a class deriving from `Exception`, a name it cannot follow:
    /// see [`super::project::ProjectFacts::may_catch_builtin`]); a
    /// library's class, and any without an index, is what its name says.
    fn imported_may_catch(&self, path: &str, loaded: usize, wanted: &[&str]) -> bool {
        let last = path.rsplit('.').next().unwrap_or(path);
        if wanted.contains(&last) {
            return true;
        }
        self.project().is_some_and(|project| {
            project
                .absolute(path)
                .is_none_or(|absolute| project.facts.may_catch_builtin(&absolute, loaded, wanted))
        })
    }

    /// Whether a `with` item catches exceptions its block raises:
    /// `pytest.raises(…)` and `self.assertRaises(…)` (with `any_expected`,
    /// whatever they name: the block is expected to raise, and the test may
    /// expect it of the very statement in question; else when the class
    /// they name may be one of `wanted`), or `suppress(…)` naming one of
    /// `wanted`.
    pub(super) fn expects_exceptions(
        &self,
        manager: &Expr,
        scope: ScopeId,
        wanted: &[&str],
        any_expected: bool,
    ) -> bool {
        let Expr::Call(call) = manager else {
            return false;
        };
        let written = match call.func.as_ref() {
            Expr::Name(name) => name.id.as_str(),
            Expr::Attribute(attribute) => attribute.attr.as_str(),
            _ => return false,
        };
        // Under an alias (`from contextlib import suppress as quiet`), the
        // name it imports.
        let qualified = self.qualified_name(&call.func, scope);
        let name = match &qualified {
            Some(q) if matches!(q.as_str(), "contextlib.suppress" | "pytest.raises") => q.member(),
            _ => written,
        };
        match name {
            "raises" | "assertRaises" | "assertRaisesRegex" | "assertRaisesRegexp" => {
                any_expected
                    || call
                        .arguments
                        .find_argument_value("expected_exception", 0)
                        .is_none_or(|expected| self.may_name_exception(expected, scope, wanted))
            }
            "suppress" => call
                .arguments
                .args
                .iter()
                .any(|argument| self.may_name_exception(argument, scope, wanted)),
            _ => false,
        }
    }

    /// Shared state that the coroutine whose statement `stmt` is reads
    /// before `point` (a range inside `stmt`, evaluated before the
    /// suspension) and writes after it: another task that runs at the new
    /// suspension point may change it in between. See [`SharedState`] for
    /// what counts; ask [`Self::shared_state`] once per coroutine and
    /// [`Self::suspension_window`] per point when there are many.
    pub fn shared_state_across(&self, stmt: &Stmt, point: TextRange) -> Option<SharedAccess> {
        let scope = self.scope_at(stmt.start());
        let def = self.scope(scope).function()?;
        let (before, after) = self.suspension_window(stmt, point);
        self.shared_state(def, scope).across(before, after)
    }

    /// A call whose value the coroutine uses before a suspension at
    /// `point` inside `stmt` and a call after it (see
    /// [`Self::suspension_window`]), two calls, both in the coroutine's own
    /// frame, neither awaited (an awaited call suspends on its own), and
    /// both of a plain name that may reach shared state (see
    /// [`Self::call_may_touch_state`]): `n = get()`, the suspension, then
    /// `put(n + 1)`. State read and written inside functions is not seen
    /// by [`SharedState`]; another task running in between may change
    /// what the first call read. The two callees as spelled.
    pub fn calls_around(&self, stmt: &Stmt, point: TextRange) -> Option<(String, String)> {
        let scope = self.scope_at(stmt.start());
        let def = self.scope(scope).function()?;
        let (before, after) = self.suspension_window(stmt, point);
        let frame = self.frame_of(scope);
        // Awaited calls suspend on their own: what they give may already
        // go stale, the sleep adds nothing to that.
        #[derive(Default)]
        struct Awaited(Vec<TextRange>);
        impl<'x> Visitor<'x> for Awaited {
            fn visit_expr(&mut self, expr: &'x Expr) {
                if let Expr::Await(awaited) = expr {
                    self.0.push(awaited.value.range());
                }
                visitor::walk_expr(self, expr);
            }
        }
        let mut awaited = Awaited::default();
        awaited.visit_body(&def.body);
        fn name_of(call: &ast::ExprCall) -> Option<&str> {
            match call.func.as_ref() {
                Expr::Name(name) => Some(name.id.as_str()),
                _ => None,
            }
        }
        let mut sites = self.calls.iter().filter(|site| {
            self.frame_of(site.scope) == frame
                && !point.contains_range(site.call.range())
                && !awaited.0.contains(&site.call.range())
        });
        let read = sites.clone().find(|site| {
            site.call.start() < before
                && name_of(site.call).is_some()
                // Its value is used: a call alone as a statement gives
                // nothing that could go stale.
                && !self
                    .innermost_stmt(site.scope, site.call.start())
                    .is_some_and(|owner| matches!(owner, Stmt::Expr(e) if e.value.range() == site.call.range()))
                && self.call_may_touch_state(&site.call.func, site.scope)
        })?;
        // The same call again in the next turn of a loop reads afresh.
        let write = sites.find(|site| {
            site.call.start() >= after
                && site.call.range() != read.call.range()
                && name_of(site.call).is_some()
                && self.call_may_touch_state(&site.call.func, site.scope)
        })?;
        Some((
            name_of(read.call)?.to_string(),
            name_of(write.call)?.to_string(),
        ))
    }

    /// Whether the variable `name` of `owner` is bound more than once, or
    /// rebound by a function through `global` or `nonlocal`: a constant
    /// (`SCALE = 2`) is bound once and never again.
    fn rebound(&self, name: &str, owner: ScopeId) -> bool {
        self.bindings_in(owner, name)
            .is_none_or(|bindings| bindings.len() > 1)
            || self
                .scopes
                .iter()
                .any(|scope| scope.globals.contains(name) || scope.nonlocals.contains(name))
    }

    /// Whether calling the plain name `func` in `scope` may read or write
    /// state other tasks share: a function of the module that uses a
    /// variable of the module or of an enclosing function that is not a
    /// constant bound once (itself or through the module's functions it
    /// calls, or too deep to read), or shares hidden state (see
    /// [`Self::shares_hidden_state`]), a
    /// function of another module of the project, or anything the module
    /// cannot tell (a name bound from a call, a parameter, an import not
    /// resolved). Not a builtin, a class of the module, nor a name
    /// imported from the standard library or a library outside the
    /// project.
    pub fn call_may_touch_state(&self, func: &Expr, scope: ScopeId) -> bool {
        let Expr::Name(name) = func else {
            return false;
        };
        if self.is_builtin(name.id.as_str(), scope) {
            return false;
        }
        match self.callee(func, scope) {
            super::functions::Callee::Class(_) => false,
            super::functions::Callee::Function(def) => {
                let Some(function) = self.scope_of_function(def) else {
                    return true;
                };
                let uses = self.outer_uses_of_function(function);
                !uses.complete
                    || self.shares_hidden_state(function)
                    || uses.uses.iter().any(|used| {
                        !used.definition
                            && (used.writes
                                || self.may_be_mutable(used.name, used.owner)
                                || self.rebound(used.name, used.owner))
                    })
            }
            super::functions::Callee::Unknown => {
                if let Some(path) = self.import_of(name.id.as_str(), scope) {
                    let top = path.split('.').next().unwrap_or(path);
                    if super::project::standard_module(top)
                        || super::project::is_built_in_module(top)
                    {
                        return false;
                    }
                }
                !matches!(
                    self.resolve_imported(func, scope),
                    super::project::Resolved::External(_) | super::project::Resolved::Class { .. }
                )
            }
        }
    }

    /// A write of shared state after a suspension at `point` inside `stmt`
    /// (see [`Self::suspension_window`]) whose value was read before it:
    /// the assigned value (`self.value = new`, `CACHE[k] = v + 1`) names,
    /// directly and not as the object of an
    /// attribute, subscript or call, a parameter of the coroutine (a caller
    /// may have read it from that very state: `await self.store(self.value
    /// + 1)`) or a local every binding of which comes before the point. The
    /// suspension lets another task write the state in between, and this
    /// write then puts back a value computed from what it read before: a
    /// lost update. A value computed after the point from fresh reads
    /// (`self.value = self.value + 1`, `self.value = load()`) is none, and
    /// so is an augmented assignment (`self.total += n` reads the state
    /// when it writes it); nor is the method's own instance (`self`,
    /// `cls`) passed on.
    pub fn stale_write_across(&self, stmt: &Stmt, point: TextRange) -> Option<SharedAccess> {
        let scope = self.scope_at(stmt.start());
        let def = self.scope(scope).function()?;
        let (before, after) = self.suspension_window(stmt, point);
        struct Writes<'x> {
            /// (target, value, whether a call writes it).
            found: Vec<(&'x Expr, &'x Expr, bool)>,
        }
        impl<'x> Visitor<'x> for Writes<'x> {
            fn visit_stmt(&mut self, stmt: &'x Stmt) {
                match stmt {
                    Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return,
                    Stmt::Assign(assign) => {
                        for target in &assign.targets {
                            self.found.push((target, &assign.value, false));
                        }
                    }
                    Stmt::AnnAssign(ast::StmtAnnAssign {
                        target,
                        value: Some(value),
                        ..
                    }) => self.found.push((target, value, false)),
                    // Writes through a call: `setattr(self, "value", new)`,
                    // `self.__dict__.update(value=new)`, a method of the
                    // instance (`self._set(new)`), whose receiver is the
                    // state written and whose arguments are the value.
                    Stmt::Expr(ast::StmtExpr { value, .. }) => {
                        if let Expr::Call(call) = value.as_ref() {
                            let receiver = match call.func.as_ref() {
                                Expr::Name(name)
                                    if matches!(name.id.as_str(), "setattr" | "delattr") =>
                                {
                                    call.arguments.args.first()
                                }
                                Expr::Attribute(attribute) => Some(attribute.value.as_ref()),
                                _ => None,
                            };
                            if let Some(receiver) = receiver {
                                self.found.push((receiver, value, true));
                            }
                        }
                    }
                    _ => {}
                }
                visitor::walk_stmt(self, stmt);
            }
        }
        let mut writes = Writes { found: Vec::new() };
        writes.visit_body(&def.body);
        for (target, value, by_call) in writes.found {
            if target.start() < after {
                continue;
            }
            // The shared places the target writes (a tuple's elements too).
            let targets: Vec<&Expr> = match target {
                Expr::Tuple(tuple) => tuple.elts.iter().collect(),
                Expr::List(list) => list.elts.iter().collect(),
                other => vec![other],
            };
            let shared = targets.into_iter().find_map(|target| {
                let place = place_of(target)?;
                let access = Access {
                    place,
                    write: true,
                    mutation: !target.is_name_expr() || by_call,
                    certain: !by_call,
                    at: target.start(),
                    range: target.range(),
                };
                self.is_shared(&access, scope).then_some(access)
            });
            let Some(access) = shared else {
                continue;
            };
            // A call writes the state it is given only when it is
            // `setattr` or the instance's own method or namespace
            // (`self._set(v)`, `self.__dict__.update(…)`), not any method
            // of any object (`self.log.info(v)`).
            if by_call && let Expr::Call(call) = value {
                let through_instance = match call.func.as_ref() {
                    Expr::Name(_) => true,
                    Expr::Attribute(attribute) => match attribute.value.as_ref() {
                        Expr::Name(name) => self.is_instance_parameter(name.id.as_str(), scope),
                        Expr::Attribute(inner) => inner.attr.as_str() == "__dict__",
                        _ => false,
                    },
                    _ => false,
                };
                if !through_instance {
                    continue;
                }
            }
            let mut names = DirectNames::default();
            names.visit_expr(value);
            let stale = names.found.into_iter().find(|name| {
                let id = name.id.as_str();
                let Lookup::Bound {
                    scope: owner,
                    bindings,
                } = self.lookup(id, scope)
                else {
                    return false;
                };
                if owner != scope || self.is_instance_parameter(id, scope) {
                    return false;
                }
                let parameter = bindings
                    .iter()
                    .any(|&b| matches!(self.binding(b).kind, BindingKind::Parameter));
                parameter
                    || bindings
                        .iter()
                        .all(|&b| self.binding(b).range.start() < before)
            });
            if let Some(name) = stale {
                return Some(SharedAccess {
                    place: access.place.join("."),
                    read: name.range(),
                    write: access.range,
                    pair: AccessPair::ReadThenWrite,
                });
            }
        }
        None
    }

    /// Where code runs before and after a suspension at `point` inside
    /// `stmt`: reads that start before the first offset can happen before
    /// it, writes that start at or after the second can happen after it. In
    /// a loop the code after the point runs before it again in the next
    /// iteration, so the whole outermost loop around it counts as both.
    pub fn suspension_window(&self, stmt: &Stmt, point: TextRange) -> (TextSize, TextSize) {
        let outermost_loop = self
            .enclosing_blocks(stmt)
            .into_iter()
            .filter_map(|(parent, part)| match (parent, part) {
                (Stmt::For(ast::StmtFor { body, .. }), BlockPart::Body)
                | (Stmt::While(ast::StmtWhile { body, .. }), BlockPart::Body) => {
                    Some(TextRange::new(parent.start(), body.last()?.end()))
                }
                _ => None,
            })
            .last();
        match outermost_loop {
            Some(range) => (range.end(), range.start()),
            None => (point.end(), point.end()),
        }
    }

    /// The shared state the coroutine `def` (whose own scope is `scope`)
    /// reads and writes, summarised so that asking about one suspension
    /// point costs a binary search.
    pub fn shared_state(&self, def: &'a ast::StmtFunctionDef, scope: ScopeId) -> SharedState {
        let mut accesses = Accesses::default();
        accesses.visit_body(&def.body);
        // The `random` module's functions draw from one generator the
        // whole process shares: each call changes it.
        let frame = self.frame_of(scope);
        let draws: Vec<Access> = if !self.imports_module("random") {
            Vec::new()
        } else {
            self.calls
                .iter()
                .filter(|site| {
                    self.frame_of(site.scope) == frame
                        && def.range().contains_range(site.call.range())
                        && self
                            .qualified_name(&site.call.func, site.scope)
                            .is_some_and(|qualified| {
                                qualified
                                    .as_str()
                                    .strip_prefix("random.")
                                    .is_some_and(|member| {
                                        !member.contains('.')
                                            && member.starts_with(|c: char| c.is_ascii_lowercase())
                                    })
                            })
                })
                .map(|site| Access {
                    place: vec!["random"],
                    write: true,
                    mutation: true,
                    certain: true,
                    at: site.call.start(),
                    range: site.call.range(),
                })
                .collect()
        };
        let shared: Vec<&Access> = accesses
            .list
            .iter()
            .filter(|access| self.is_shared(access, scope))
            .chain(&draws)
            .collect();
        // The latest write of each place, and of each place under a prefix.
        let mut exact: FxHashMap<String, &Access> = FxHashMap::default();
        let mut under: FxHashMap<String, &Access> = FxHashMap::default();
        for &write in shared.iter().filter(|a| a.write) {
            keep_later(&mut exact, write.place.join("."), write);
            for depth in 1..=write.place.len() {
                keep_later(&mut under, write.place[..depth].join("."), write);
            }
        }
        // The earliest read of each place.
        let mut reads: FxHashMap<String, &Access> = FxHashMap::default();
        for read in shared.iter().filter(|a| !a.write) {
            reads
                .entry(read.place.join("."))
                .and_modify(|slot| {
                    if read.at < slot.at {
                        *slot = read;
                    }
                })
                .or_insert(read);
        }
        // Per place read: the latest write of it, of a place inside it, or
        // of a place that contains it.
        let spans: Vec<Span> = reads
            .into_iter()
            .filter_map(|(key, read)| {
                let inside = under.get(&key).copied();
                let containing = (1..read.place.len())
                    .filter_map(|depth| exact.get(&read.place[..depth].join(".")).copied());
                let write = inside.into_iter().chain(containing).max_by_key(|w| w.at)?;
                Some(Span {
                    read_at: read.at,
                    write_at: write.at,
                    access: SharedAccess {
                        place: write.place.join("."),
                        read: read.range,
                        write: write.range,
                        pair: AccessPair::ReadThenWrite,
                    },
                })
            })
            .collect();
        let reads = Spans::new(spans);
        let mut spans = Vec::new();
        // Per place surely changed: the earliest and the latest other use
        // of the same state (the place, a place inside it, or one that
        // contains it), paired with the change when on the other side of it.
        let mut first_under: FxHashMap<String, &Access> = FxHashMap::default();
        let mut last_under: FxHashMap<String, &Access> = FxHashMap::default();
        let mut first_exact: FxHashMap<String, &Access> = FxHashMap::default();
        let mut last_exact: FxHashMap<String, &Access> = FxHashMap::default();
        for &access in &shared {
            keep_earlier(&mut first_exact, access.place.join("."), access);
            keep_later(&mut last_exact, access.place.join("."), access);
            for depth in 1..=access.place.len() {
                keep_earlier(&mut first_under, access.place[..depth].join("."), access);
                keep_later(&mut last_under, access.place[..depth].join("."), access);
            }
        }
        for &change in shared.iter().filter(|a| a.write && a.certain) {
            let key = change.place.join(".");
            let containing =
                || (1..change.place.len()).map(|depth| change.place[..depth].join("."));
            let last = last_under
                .get(&key)
                .copied()
                .into_iter()
                .chain(containing().filter_map(|k| last_exact.get(&k).copied()))
                .max_by_key(|use_| use_.at);
            if let Some(last) = last.filter(|use_| use_.at > change.at) {
                spans.push(Span {
                    read_at: change.at,
                    write_at: last.at,
                    access: SharedAccess {
                        place: key.clone(),
                        read: change.range,
                        write: last.range,
                        pair: AccessPair::ChangeThenUse,
                    },
                });
            }
            let first = first_under
                .get(&key)
                .copied()
                .into_iter()
                .chain(containing().filter_map(|k| first_exact.get(&k).copied()))
                .min_by_key(|use_| use_.at);
            if let Some(first) = first.filter(|use_| use_.at < change.at) {
                spans.push(Span {
                    read_at: first.at,
                    write_at: change.at,
                    access: SharedAccess {
                        place: key,
                        read: first.range,
                        write: change.range,
                        pair: AccessPair::UseThenChange,
                    },
                });
            }
        }
        SharedState {
            reads,
            changes: Spans::new(spans),
        }
    }

    /// Shared state a `for` loop around `stmt` (in its own frame) iterates,
    /// as the source spells it: a suspension point in the loop's body lets
    /// another task change it while the iteration holds it ("dictionary
    /// changed size during iteration", a skipped or repeated item). The
    /// iterable is a place (`self.sessions`, `CACHE`, a parameter, or one
    /// of those with a method called on it: `self.d.items()`) that
    /// [`SharedState`] would count as shared.
    pub fn iterated_across(&self, stmt: &Stmt) -> Option<String> {
        let scope = self.scope_at(stmt.start());
        self.enclosing_blocks(stmt)
            .into_iter()
            .find_map(|(parent, part)| {
                let Stmt::For(for_stmt) = parent else {
                    return None;
                };
                if part != BlockPart::Body || self.iterates_quietly(&for_stmt.iter, scope) {
                    return None;
                }
                let iterable = match for_stmt.iter.as_ref() {
                    Expr::Call(call) => match call.func.as_ref() {
                        Expr::Attribute(method) => method.value.as_ref(),
                        // An iterator over its argument, not a copy.
                        Expr::Name(name)
                            if matches!(
                                name.id.as_str(),
                                "iter" | "enumerate" | "reversed" | "zip"
                            ) =>
                        {
                            call.arguments.args.first()?
                        }
                        _ => return None,
                    },
                    other => other,
                };
                let place = place_of(iterable)?;
                let access = Access {
                    place,
                    write: false,
                    mutation: false,
                    certain: false,
                    at: iterable.start(),
                    range: iterable.range(),
                };
                self.is_shared(&access, scope)
                    .then(|| access.place.join("."))
            })
    }

    /// Whether an access touches state other tasks may see.
    fn is_shared(&self, access: &Access, scope: ScopeId) -> bool {
        let Some(root) = access.place.first() else {
            return false;
        };
        match self.lookup(root, scope) {
            Lookup::Bound {
                scope: owner,
                bindings,
            } if owner == scope => {
                // A local: rebinding it is private; the object it holds is
                // shared unless the coroutine made it. A local that may hold
                // another's object (`d = self.d`, a parameter) is an alias:
                // reading it at all (`d[k]`, `len(d)`) reads that object.
                let through_object = access.place.len() > 1 || access.mutation;
                (through_object || !access.write)
                    && !bindings.iter().all(|&b| {
                        self.binding(b)
                            .stmt
                            .is_some_and(|stmt| self.binds_fresh_object(stmt, scope))
                    })
            }
            // A module (`time.time()`, `json.dumps(…)`): calling its
            // functions is no write of shared state.
            Lookup::Bound { bindings, .. }
                if access.place.len() == 1
                    && access.mutation
                    && bindings.iter().all(|&b| {
                        matches!(
                            self.binding(b).kind,
                            BindingKind::Import { from: false, .. }
                        )
                    }) =>
            {
                false
            }
            // The module's, an enclosing function's, or a builtin: rebinding
            // needs `global` / `nonlocal`, which the write itself records.
            _ => true,
        }
    }
}

/// The names an expression reads as values of their own: not the object
/// of an attribute or subscript (`self.x`, `d[k]` read the object's state
/// afresh), not a callee, and nothing inside a lambda or comprehension.
#[derive(Default)]
struct DirectNames<'x> {
    found: Vec<&'x ast::ExprName>,
}

impl<'x> Visitor<'x> for DirectNames<'x> {
    fn visit_expr(&mut self, expr: &'x Expr) {
        match expr {
            Expr::Name(name) => self.found.push(name),
            Expr::Attribute(_) => {}
            // A lambda's defaults are evaluated where it stands.
            Expr::Lambda(lambda) => {
                for parameter in lambda.parameters.iter().flat_map(|p| p.iter()) {
                    if let Some(default) = parameter.default() {
                        self.visit_expr(default);
                    }
                }
            }
            Expr::Subscript(subscript) => self.visit_expr(&subscript.slice),
            Expr::Call(call) => {
                // A callee computed in place (`(lambda n=new: n)()`).
                if !matches!(call.func.as_ref(), Expr::Name(_) | Expr::Attribute(_)) {
                    self.visit_expr(&call.func);
                }
                for argument in &call.arguments.args {
                    self.visit_expr(argument);
                }
                for keyword in &call.arguments.keywords {
                    self.visit_expr(&keyword.value);
                }
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {}
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Records `access` under `key` unless an earlier one is there.
fn keep_earlier<'x, 'a>(
    map: &mut FxHashMap<String, &'x Access<'a>>,
    key: String,
    access: &'x Access<'a>,
) {
    let slot = map.entry(key).or_insert(access);
    if access.at < slot.at {
        *slot = access;
    }
}

/// Records `access` under `key` unless a later one is there.
fn keep_later<'x, 'a>(
    map: &mut FxHashMap<String, &'x Access<'a>>,
    key: String,
    access: &'x Access<'a>,
) {
    let slot = map.entry(key).or_insert(access);
    if access.at > slot.at {
        *slot = access;
    }
}

/// The shared state one coroutine reads and writes: a name of the module
/// or of an enclosing function (read, or rebound through `global` /
/// `nonlocal`), an attribute of any object (`self.count`, `conn.state`), or
/// an object changed in place (`d[k] = v`, `del d[k]`, `items.append(x)` and
/// other mutating methods), unless it is a local the coroutine only ever
/// binds to a new list, dict, set or literal. Two places are the same state
/// when one is the other or contains it (`self.a` and `self.a.b`). A read
/// whose value only feeds a write of the same place in the same statement
/// (`self.n += 1`, `self.n = self.n + 1`, `xs.append(xs[0])`) is no read:
/// its value never outlives the statement. A sure change (an assignment or
/// `del`, a mutating method, `next(it)`; not any method call) with another
/// use of the same state on the other side of the point counts as well:
/// `conn = POOL.pop()`, the point, `POOL.append(conn)`; or `LOG.append(i)`,
/// the point, `len(LOG)`: another task can now use or change it in between.
/// One statement alone, even in a loop (`self.n += 1`), is no such pair.
/// Reads and writes inside the functions it calls, and inside nested
/// functions and lambdas, are not seen.
pub struct SharedState {
    /// One per place read: its earliest read and the latest write of the
    /// same state.
    reads: Spans,
    /// Per place surely changed, the change and the latest other use of
    /// the same state after it, and the earliest use before it and the
    /// change.
    changes: Spans,
}

/// Pairs of uses, sorted by the first, so that asking which pair a point
/// falls between costs a binary search.
struct Spans {
    spans: Vec<Span>,
    /// For each prefix of `spans`, the index of the span whose second use
    /// comes last.
    latest: Vec<usize>,
}

impl Spans {
    fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_by_key(|span| (span.read_at, span.write_at));
        let mut latest = Vec::with_capacity(spans.len());
        let mut best: Option<usize> = None;
        for (i, span) in spans.iter().enumerate() {
            if best.is_none_or(|b| span.write_at > spans[b].write_at) {
                best = Some(i);
            }
            latest.push(best.unwrap_or(i));
        }
        Spans { spans, latest }
    }

    fn across(&self, before: TextSize, after: TextSize) -> Option<SharedAccess> {
        let reads_before = self.spans.partition_point(|span| span.read_at < before);
        let index = *self.latest.get(reads_before.checked_sub(1)?)?;
        let span = self.spans.get(index)?;
        (span.write_at >= after).then(|| span.access.clone())
    }
}

struct Span {
    read_at: TextSize,
    write_at: TextSize,
    access: SharedAccess,
}

impl SharedState {
    /// A read of shared state that starts before `before` and a write of
    /// the same state that starts at or after `after` (see
    /// [`SemanticModel::suspension_window`]); else a sure change of shared
    /// state on one side and another use of the same state on the other.
    pub fn across(&self, before: TextSize, after: TextSize) -> Option<SharedAccess> {
        self.reads
            .across(before, after)
            .or_else(|| self.changes.across(before, after))
    }
}

/// The constructors whose every call makes a new object (a copy when
/// given one: `dict(self.d)`).
const FRESH_CONSTRUCTORS: &[&str] = &[
    "builtins.list",
    "builtins.dict",
    "builtins.set",
    "builtins.frozenset",
    "builtins.bytearray",
    "builtins.object",
    "collections.deque",
    "collections.OrderedDict",
    "collections.defaultdict",
    "collections.Counter",
];

impl SemanticModel<'_> {
    /// `x = []`, `x = {}`, `x = [… for …]`, `x = 0`, `x = "…"`, `x =
    /// dict(other)`: a statement binding a name to an object nobody else
    /// holds.
    fn binds_fresh_object(&self, stmt: &Stmt, scope: ScopeId) -> bool {
        let value = match stmt {
            Stmt::Assign(assign)
                if assign.targets.len() == 1 && assign.targets[0].is_name_expr() =>
            {
                &assign.value
            }
            Stmt::AnnAssign(ast::StmtAnnAssign {
                target,
                value: Some(value),
                ..
            }) if target.is_name_expr() => value,
            _ => return false,
        };
        if let Expr::Call(call) = value.as_ref() {
            return FRESH_CONSTRUCTORS.iter().any(|constructor| {
                match constructor.strip_prefix("builtins.") {
                    Some(name) => {
                        matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == name)
                            && self.is_builtin(name, scope)
                    }
                    None => self.refers_to(&call.func, scope, constructor),
                }
            });
        }
        is_fresh_literal(value)
    }
}

impl SemanticModel<'_> {
    /// Whether iterating `expr`, evaluated at `scope`, runs no code of the
    /// program: a display, comprehension or string literal, a call of the
    /// builtin `range`, or a name local to the frame whose every binding
    /// is a new object (see [`Self::binds_fresh_object`]: a display, a
    /// copy such as `list(xs)`). Any other name may hold a generator,
    /// whose code runs as it is iterated (and may raise half-way).
    pub fn iterates_quietly(&self, expr: &Expr, scope: ScopeId) -> bool {
        match expr {
            Expr::List(_)
            | Expr::Tuple(_)
            | Expr::Set(_)
            | Expr::Dict(_)
            | Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_) => true,
            Expr::Call(call) => {
                matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "range")
                    && self.is_builtin("range", scope)
            }
            Expr::Name(name) => {
                let frame = self.frame_of(scope);
                match self.lookup(name.id.as_str(), scope) {
                    Lookup::Bound {
                        scope: owner,
                        bindings,
                    } if owner == frame
                        && matches!(self.scope(owner).kind, super::ScopeKind::Function { .. }) =>
                    {
                        bindings.iter().all(|&b| {
                            self.binding(b)
                                .stmt
                                .is_some_and(|stmt| self.binds_fresh_object(stmt, owner))
                        })
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Whether the name `name`, read at `scope`, may hold a coroutine object:
    /// a local of the frame bound by an assignment of a call that makes one,
    /// or whose result the module cannot tell (`c = fetch(2)`). A parameter
    /// or a name bound any other way is taken to hold what its uses say
    /// (tasks and futures usually are held in variables).
    pub fn name_may_hold_coroutine(&self, name: &str, scope: ScopeId) -> bool {
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return false;
        };
        bindings.iter().any(|&b| {
            let binding = self.binding(b);
            let value = match binding.stmt {
                Some(Stmt::Assign(assign)) => Some(assign.value.as_ref()),
                Some(Stmt::AnnAssign(assign)) => assign.value.as_deref(),
                _ => None,
            };
            let Some(Expr::Call(call)) = value else {
                return false;
            };
            matches!(
                self.call_result(call, owner),
                super::coroutines::CallResult::Coroutine | super::coroutines::CallResult::Unknown
            )
        })
    }
}

/// A literal or display: a new object each time it runs.
fn is_fresh_literal(value: &Expr) -> bool {
    matches!(
        value,
        Expr::List(_)
            | Expr::Dict(_)
            | Expr::Set(_)
            | Expr::Tuple(_)
            | Expr::ListComp(_)
            | Expr::DictComp(_)
            | Expr::SetComp(_)
            | Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
    )
}

/// One read or write of a place in a coroutine's own frame.
#[derive(Debug)]
struct Access<'a> {
    /// The root name and the attributes after it (`["self", "count"]`); a
    /// subscript stands for its container.
    place: Vec<&'a str>,
    write: bool,
    /// A write that changes the object in place (`d[k] = v`, `xs.append(x)`).
    mutation: bool,
    /// A write the code surely makes (an assignment or `del` target, a
    /// mutating method such as `append` or `pop`, `next(it)`, a function
    /// that changes its first argument), not one guessed from a call of
    /// any other method (`self.ready.set()`).
    certain: bool,
    at: TextSize,
    range: TextRange,
}

#[derive(Default)]
struct Accesses<'a> {
    list: Vec<Access<'a>>,
}

impl<'a> Accesses<'a> {
    fn push(&mut self, place: Vec<&'a str>, write: bool, mutation: bool, range: TextRange) {
        self.list.push(Access {
            place,
            write,
            mutation,
            certain: write,
            at: range.start(),
            range,
        });
    }

    /// A target of an assignment, `del` or augmented assignment.
    fn target(&mut self, target: &'a Expr) {
        match target {
            Expr::Name(name) => self.push(vec![name.id.as_str()], true, false, name.range),
            Expr::Attribute(attribute) => {
                if let Some(place) = place_of(target) {
                    self.push(place, true, false, attribute.range);
                }
                self.inner_parts(&attribute.value);
            }
            Expr::Subscript(subscript) => {
                if let Some(place) = place_of(&subscript.value) {
                    self.push(place, true, true, subscript.range);
                }
                self.inner_parts(&subscript.value);
                self.visit_expr(&subscript.slice);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for element in elts {
                    self.target(element);
                }
            }
            Expr::Starred(starred) => self.target(&starred.value),
            other => self.visit_expr(other),
        }
    }

    /// The parts of an attribute chain that are not the chain itself:
    /// subscript indices and call arguments (`a[i].b`, `f(x).y`).
    fn inner_parts(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Attribute(attribute) => self.inner_parts(&attribute.value),
            Expr::Subscript(subscript) => {
                self.inner_parts(&subscript.value);
                self.visit_expr(&subscript.slice);
            }
            Expr::Name(_) => {}
            other => self.visit_expr(other),
        }
    }
}

/// Functions that change the object given as their first argument, by the
/// last part of their name (`setattr`, `operator.setitem`,
/// `heapq.heappush`, `bisect.insort`): a call of one writes that object.
const WRITING_FUNCTIONS: &[&str] = &[
    "setattr",
    "delattr",
    "setitem",
    "delitem",
    "iadd",
    "isub",
    "iconcat",
    "heappush",
    "heappop",
    "heapreplace",
    "heappushpop",
    "heapify",
    "insort",
    "insort_left",
    "insort_right",
];

/// Methods taken to leave their object as it was: reading a container
/// or a string, and logging (`self.log.info(…)` around a sleep is no lost
/// update).
const READING_METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "copy",
    "count",
    "index",
    "format",
    "join",
    "split",
    "strip",
    "startswith",
    "endswith",
    "encode",
    "decode",
    "lower",
    "upper",
    "debug",
    "info",
    "warning",
    "warn",
    "error",
    "exception",
    "critical",
    "log",
];

/// The last part of a callee's name (`heappush` for `heapq.heappush`).
fn callee_name(func: &Expr) -> &str {
    match func {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => "",
    }
}

/// The place an expression reads: `self.a.b` → `["self", "a", "b"]`; a
/// subscript stands for its container (`d[k].x` → `["d", "x"]`).
fn place_of(expr: &Expr) -> Option<Vec<&str>> {
    match expr {
        Expr::Name(name) => Some(vec![name.id.as_str()]),
        Expr::Attribute(attribute) => {
            let mut place = place_of(&attribute.value)?;
            place.push(attribute.attr.as_str());
            Some(place)
        }
        Expr::Subscript(subscript) => place_of(&subscript.value),
        // `vars(S0)["n"]` reads and writes `S0.__dict__`.
        Expr::Call(call)
            if matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "vars")
                && call.arguments.keywords.is_empty()
                && call.arguments.args.len() == 1 =>
        {
            let mut place = place_of(&call.arguments.args[0])?;
            place.push("__dict__");
            Some(place)
        }
        // A class reached through an instance (`type(self).count`).
        Expr::Call(call)
            if matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "type")
                && call.arguments.keywords.is_empty() =>
        {
            let [only] = &*call.arguments.args else {
                return None;
            };
            let mut place = place_of(only)?;
            place.push("__class__");
            Some(place)
        }
        // The module's namespace reached as a dict (`globals()["STATE"]`).
        Expr::Call(call)
            if call.arguments.is_empty()
                && matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "globals") =>
        {
            Some(vec!["globals()"])
        }
        _ => None,
    }
}

impl<'a> Accesses<'a> {
    /// Drops the reads recorded since `first` that only feed the one write
    /// of their statement (`self.n = self.n + 1`, `xs.append(xs[0])`): their
    /// value never outlives it. A statement that also writes anything else
    /// (`n, self.n = self.n, 0`) keeps them.
    fn drop_reads_feeding_their_write(&mut self, first: usize) {
        let Some(statement) = self.list.get(first..) else {
            return;
        };
        let mut writes = statement.iter().filter(|a| a.write);
        let (Some(write), None) = (writes.next(), writes.next()) else {
            return;
        };
        let place = write.place.clone();
        let mut index = 0;
        self.list.retain(|access| {
            let keep = index < first
                || access.write
                || !access.place.iter().zip(&place).all(|(a, b)| a == b);
            index += 1;
            keep
        });
    }
}

impl<'a> Visitor<'a> for Accesses<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        let first = self.list.len();
        match stmt {
            // Other frames: only what runs where they are defined.
            Stmt::FunctionDef(def) => {
                for decorator in &def.decorator_list {
                    self.visit_decorator(decorator);
                }
                for default in def
                    .parameters
                    .iter_non_variadic_params()
                    .filter_map(|p| p.default.as_deref())
                {
                    self.visit_expr(default);
                }
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
            }
            Stmt::Assign(assign) => {
                self.visit_expr(&assign.value);
                for target in &assign.targets {
                    self.target(target);
                }
            }
            // `self.n += 1` reads `self.n` only to write it back at once.
            Stmt::AugAssign(assign) => {
                self.visit_expr(&assign.value);
                self.target(&assign.target);
            }
            Stmt::AnnAssign(assign) => {
                if let Some(value) = &assign.value {
                    self.visit_expr(value);
                    self.target(&assign.target);
                }
            }
            Stmt::Delete(delete) => {
                for target in &delete.targets {
                    self.target(target);
                }
            }
            Stmt::For(for_stmt) => {
                self.visit_expr(&for_stmt.iter);
                self.target(&for_stmt.target);
                self.visit_body(&for_stmt.body);
                self.visit_body(&for_stmt.orelse);
            }
            Stmt::With(with) => {
                for item in &with.items {
                    self.visit_expr(&item.context_expr);
                    if let Some(target) = &item.optional_vars {
                        self.target(target);
                    }
                }
                self.visit_body(&with.body);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
        if matches!(
            stmt,
            Stmt::Assign(_) | Stmt::AugAssign(_) | Stmt::AnnAssign(_) | Stmt::Expr(_)
        ) {
            self.drop_reads_feeding_their_write(first);
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(name) if name.ctx == ExprContext::Load => {
                self.push(vec![name.id.as_str()], false, false, name.range);
            }
            Expr::Attribute(attribute) if attribute.ctx == ExprContext::Load => {
                if let Some(place) = place_of(expr) {
                    self.push(place, false, false, attribute.range);
                }
                self.inner_parts(&attribute.value);
            }
            Expr::Subscript(subscript) if subscript.ctx == ExprContext::Load => {
                if let Some(place) = place_of(expr) {
                    self.push(place, false, false, subscript.range);
                }
                self.inner_parts(&subscript.value);
                self.visit_expr(&subscript.slice);
            }
            Expr::Call(call) => {
                // `xs.append(x)` changes `xs` without looking at it.
                if let Expr::Attribute(method) = call.func.as_ref()
                    && MUTATORS.contains(&method.attr.as_str())
                    && let Some(place) = place_of(&method.value)
                {
                    self.push(place, true, true, call.range());
                    self.inner_parts(&method.value);
                    self.visit_arguments(&call.arguments);
                    return;
                }
                // Any other method may change its object too
                // (`self.ready.set()`, `lock.acquire()`): the call reads
                // the method and may write the object.
                if let Expr::Attribute(method) = call.func.as_ref()
                    && !READING_METHODS.contains(&method.attr.as_str())
                    && let Some(place) = place_of(&method.value)
                {
                    self.push(place, true, true, call.range());
                    if let Some(guessed) = self.list.last_mut() {
                        guessed.certain = false;
                    }
                }
                // `setattr(obj, "n", v)`, `operator.setitem(d, k, v)`,
                // `heapq.heappush(q, x)`: a function that changes its first
                // argument.
                // `next(IDS)` advances the iterator it is given.
                let advances =
                    matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "next");
                if (advances || WRITING_FUNCTIONS.contains(&callee_name(&call.func)))
                    && let Some(first) = call.arguments.args.first()
                    && let Some(place) = place_of(first)
                {
                    self.push(place, true, true, call.range());
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Named(named) => {
                self.visit_expr(&named.value);
                self.target(&named.target);
            }
            // Other frames, which may run later or elsewhere.
            Expr::Lambda(_) | Expr::Generator(_) => {}
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// How a finding names the `with` of [`SemanticModel::held_context`]:
/// "`with lock`" as the source spells it when that is short and on one
/// line, else "a synchronous `with`".
pub fn held_context_words(source: &str, item: &ast::WithItem) -> String {
    let manager = source
        .get(std::ops::Range::<usize>::from(item.context_expr.range()))
        .unwrap_or("");
    if manager.is_empty() || manager.contains(['\n', '\r']) || manager.len() > 40 {
        "a synchronous `with`".to_string()
    } else {
        format!("`with {manager}`")
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;

    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    /// The statement `sleep(…)` of the source's coroutine, and the model.
    fn with_sleep<T>(source: &str, answer: impl Fn(&SemanticModel, &Stmt) -> T) -> T {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let stmt = semantic
            .coroutine_suites()
            .flat_map(|suite| suite.body)
            .find(|stmt| {
                matches!(stmt, Stmt::Expr(e) if matches!(e.value.as_ref(),
                    Expr::Call(c) if matches!(c.func.as_ref(), Expr::Name(n) if n.id.as_str() == "sleep")))
            })
            .expect("a sleep(…) statement in a coroutine");
        answer(&semantic, stmt)
    }

    fn cleanup(source: &str) -> Option<&'static str> {
        with_sleep(source, |semantic, stmt| semantic.cleanup_block(stmt))
    }

    fn caught(source: &str) -> bool {
        with_sleep(source, |semantic, stmt| {
            semantic
                .handler_catching(stmt, &["ValueError", "KeyboardInterrupt"])
                .is_some()
        })
    }

    fn shared(source: &str) -> Option<String> {
        with_sleep(source, |semantic, stmt| {
            semantic
                .shared_state_across(stmt, stmt.range())
                .map(|access| access.place)
        })
    }

    #[test]
    fn cleanup_is_finally_and_except_bodies() {
        assert_eq!(
            cleanup("async def f():\n    try:\n        pass\n    finally:\n        sleep(1)\n"),
            Some("finally")
        );
        assert_eq!(
            cleanup(
                "async def f():\n    try:\n        pass\n    except E:\n        if x:\n            sleep(1)\n"
            ),
            Some("except")
        );
        assert_eq!(
            cleanup("async def f():\n    try:\n        sleep(1)\n    finally:\n        pass\n"),
            None
        );
        assert_eq!(
            cleanup(
                "async def f():\n    try:\n        pass\n    except E:\n        pass\n    else:\n        sleep(1)\n"
            ),
            None
        );
        assert_eq!(
            cleanup("class C:\n    async def __aexit__(self, *exc):\n        sleep(1)\n"),
            Some("__aexit__")
        );
        // The frame ends at the coroutine's own def.
        assert_eq!(
            cleanup("try:\n    pass\nfinally:\n    async def f():\n        sleep(1)\n"),
            None
        );
    }

    #[test]
    fn handlers_that_may_catch() {
        let wrap = |handler: &str| {
            format!(
                "import aiohttp, asyncio\nasync def f():\n    try:\n        sleep(x)\n    {handler}:\n        pass\n"
            )
        };
        for handler in [
            "except",
            "except ValueError",
            "except Exception",
            "except BaseException",
            "except (KeyError, ValueError)",
            "except KeyboardInterrupt",
            "except errors",
            "except self.Error",
            "except* ValueError",
            "except builtins.ValueError",
        ] {
            assert!(caught(&wrap(handler)), "{handler}");
        }
        for handler in [
            "except KeyError",
            "except (KeyError, OSError)",
            "except aiohttp.ClientError",
            "except asyncio.CancelledError",
        ] {
            assert!(!caught(&wrap(handler)), "{handler}");
        }
        // A class of the module cannot be a base of a builtin exception.
        assert!(!caught(
            "class Oops(Exception):\n    pass\nasync def f():\n    try:\n        sleep(x)\n    except Oops:\n        pass\n"
        ));
        // An alias is followed.
        assert!(caught(
            "from builtins import ValueError as VE\nasync def f():\n    try:\n        sleep(x)\n    except VE:\n        pass\n"
        ));
        // Handlers of a try whose body does not hold the statement do not count.
        assert!(!caught(
            "async def f():\n    try:\n        pass\n    except ValueError:\n        pass\n    sleep(x)\n"
        ));
        assert!(!caught(
            "async def f():\n    try:\n        pass\n    except ValueError:\n        pass\n    else:\n        sleep(x)\n"
        ));
        // Managers that expect or suppress exceptions.
        assert!(caught(
            "async def f():\n    with pytest.raises(RuntimeError):\n        sleep(x)\n"
        ));
        assert!(caught(
            "async def f(self):\n    with self.assertRaises(TimeoutError):\n        sleep(x)\n"
        ));
        assert!(caught(
            "async def f():\n    with suppress(ValueError):\n        sleep(x)\n"
        ));
        assert!(!caught(
            "from contextlib import suppress\nasync def f():\n    with suppress(KeyError):\n        sleep(x)\n"
        ));
        // A `suppress` this module cannot trace to contextlib may be anything.
        assert!(caught(
            "async def f():\n    with suppress(KeyError):\n        sleep(x)\n"
        ));
        // Managers that may suppress whatever the body raises.
        assert!(caught(
            "from contextlib import suppress as ignoring\nasync def f():\n    with ignoring(ValueError):\n        sleep(x)\n"
        ));
        assert!(caught(
            "class Swallow:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return True\nasync def f():\n    with Swallow():\n        sleep(x)\n"
        ));
        assert!(caught(
            "import contextlib\nasync def f():\n    with contextlib.ExitStack() as stack:\n        stack.enter_context(contextlib.suppress(ValueError))\n        sleep(x)\n"
        ));
        assert!(caught(
            "from lib import session\nasync def f():\n    async with session():\n        sleep(x)\n"
        ));
        // Managers known to let every exception through.
        assert!(!caught(
            "class Quiet:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return None\nasync def f():\n    with Quiet():\n        sleep(x)\n"
        ));
        assert!(!caught(
            "import asyncio\nlock = asyncio.Lock()\nasync def f():\n    async with lock:\n        async with asyncio.timeout(1):\n            sleep(x)\n"
        ));
        assert!(!caught(
            "import pytest\nasync def f():\n    with pytest.raises(KeyError):\n        pass\n    sleep(x)\n"
        ));
        assert!(!caught(
            "async def f():\n    with open(p) as fh:\n        sleep(x)\n"
        ));
        // Asked exactly, a test's expectation counts by what it names.
        let exactly = |source: &str| {
            with_sleep(source, |semantic, stmt| {
                semantic
                    .handler_catching_exactly(stmt, &["ValueError", "KeyboardInterrupt"])
                    .is_some()
            })
        };
        assert!(!exactly(
            "import pytest\nasync def f():\n    with pytest.raises(RuntimeError):\n        sleep(x)\n"
        ));
        assert!(!exactly(
            "from pytest import raises as expect\nasync def f():\n    with expect(RuntimeError):\n        sleep(x)\n"
        ));
        // A `raises` of no known origin may be a manager that suppresses anything.
        assert!(exactly(
            "async def f():\n    with pytest.raises(RuntimeError):\n        sleep(x)\n"
        ));
        assert!(!exactly(
            "async def f(self):\n    with self.assertRaises(expected_exception=TimeoutError):\n        sleep(x)\n"
        ));
        assert!(exactly(
            "async def f():\n    with pytest.raises((KeyError, ValueError)):\n        sleep(x)\n"
        ));
        assert!(exactly(
            "async def f(self):\n    with self.assertRaises(self.failure):\n        sleep(x)\n"
        ));
        assert!(exactly(
            "async def f():\n    try:\n        sleep(x)\n    except:\n        pass\n"
        ));
    }

    #[test]
    fn read_before_and_write_after() {
        assert_eq!(
            shared(
                "async def f(self):\n    n = self.count\n    sleep(1)\n    self.count = n + 1\n"
            ),
            Some("self.count".to_string())
        );
        assert_eq!(
            shared("async def f():\n    global N\n    n = N\n    sleep(1)\n    N = n + 1\n"),
            Some("N".to_string())
        );
        assert_eq!(
            shared(
                "def outer():\n    n = 0\n    async def f():\n        nonlocal n\n        m = n\n        sleep(1)\n        n = m + 1\n    return f\n"
            ),
            Some("n".to_string())
        );
        // Augmented assignment after a read.
        assert_eq!(
            shared(
                "async def f(self):\n    if self.count < 3:\n        sleep(1)\n        self.count += 1\n"
            ),
            Some("self.count".to_string())
        );
        // Changed in place.
        assert_eq!(
            shared(
                "async def f(self, x):\n    if x not in self.seen:\n        sleep(1)\n        self.seen.append(x)\n"
            ),
            Some("self.seen".to_string())
        );
        assert_eq!(
            shared(
                "CACHE = {}\nasync def f(k):\n    if k not in CACHE:\n        sleep(1)\n        CACHE[k] = 1\n"
            ),
            Some("CACHE".to_string())
        );
        // The sleep's own argument is read before it.
        assert_eq!(
            shared("async def f(self):\n    sleep(self.delay)\n    self.delay *= 2\n"),
            Some("self.delay".to_string())
        );
        // A loop: read before the sleep in one iteration, written in the next.
        assert_eq!(
            shared(
                "async def f(self):\n    while True:\n        self.total = seen + 1\n        seen = self.total\n        sleep(1)\n"
            ),
            Some("self.total".to_string())
        );
    }

    #[test]
    fn private_or_ordered_state_is_not_shared() {
        // Locals, and objects the coroutine made itself.
        assert_eq!(
            shared("async def f():\n    n = 0\n    sleep(1)\n    n = n + 1\n"),
            None
        );
        assert_eq!(
            shared(
                "async def f():\n    xs = []\n    xs.append(1)\n    sleep(1)\n    xs.append(2)\n"
            ),
            None
        );
        // A read that only feeds its own statement's write.
        assert_eq!(
            shared(
                "async def f(self):\n    while True:\n        self.count = self.count + 1\n        sleep(1)\n"
            ),
            None
        );
        // … unless the statement writes something else too.
        assert_eq!(
            shared(
                "async def f(self):\n    n, self.count = self.count, 0\n    sleep(1)\n    self.count = n\n"
            ),
            Some("self.count".to_string())
        );
        // Read and written in one statement, on either side of the sleep.
        assert_eq!(
            shared(
                "async def f(self):\n    while True:\n        self.ticks += 1\n        sleep(1)\n"
            ),
            None
        );
        assert_eq!(
            shared("async def f(self):\n    sleep(1)\n    self.count = self.count + 1\n"),
            None
        );
        // Changed before and not used after, or changed only after.
        assert_eq!(
            shared("async def f(self):\n    self.state = 1\n    sleep(1)\n    print(self.other)\n"),
            None
        );
        assert_eq!(
            shared("async def f():\n    sleep(1)\n    LOG.append(1)\n    print(len(LOG))\n"),
            None
        );
        // Different attributes, and calls that only read.
        assert_eq!(
            shared(
                "async def f(self):\n    log.info(self.name)\n    sleep(1)\n    self.done = True\n    log.info('x')\n"
            ),
            None
        );
        // Code of a nested function runs elsewhere.
        assert_eq!(
            shared(
                "async def f(self):\n    def g():\n        return self.n\n    sleep(1)\n    self.n = 1\n"
            ),
            None
        );
    }

    #[test]
    fn a_change_with_a_use_on_the_other_side_is_shared() {
        for (source, place) in [
            // A pool checked out before and put back after.
            (
                "async def f():\n    conn = POOL.pop()\n    sleep(1)\n    POOL.append(conn)\n",
                "POOL",
            ),
            // Appended before, counted after.
            (
                "async def f(i):\n    LOG.append(i)\n    sleep(1)\n    print(len(LOG))\n",
                "LOG",
            ),
            // An iterator advanced on both sides.
            (
                "async def f():\n    a = next(IDS)\n    sleep(1)\n    b = next(IDS)\n",
                "IDS",
            ),
            // Written before, read after: another task may write it between.
            (
                "async def f(self):\n    self.state = 1\n    sleep(1)\n    return self.state\n",
                "self.state",
            ),
            // Used before, changed after (a method of the object reads it).
            (
                "async def f(self):\n    self.items.sort()\n    sleep(1)\n    self.items.clear()\n",
                "self.items",
            ),
            // In a loop: a change and another use of the same state.
            (
                "async def f(self):\n    while True:\n        self.seen.add(1)\n        sleep(1)\n        print(len(self.seen))\n",
                "self.seen",
            ),
        ] {
            assert_eq!(shared(source), Some(place.to_string()), "{source}");
        }
        // The `random` module's generator, drawn from on both sides.
        assert_eq!(
            shared(
                "import random\nasync def f():\n    a = random.randint(0, 9)\n    sleep(1)\n    b = random.random()\n"
            ),
            Some("random".to_string())
        );
        assert_eq!(
            shared(
                "from random import choice\nasync def f(xs):\n    a = choice(xs)\n    sleep(1)\n    return a, choice(xs)\n"
            ),
            Some("random".to_string())
        );
        assert_eq!(
            shared(
                "from random import choice\nasync def f(xs):\n    sleep(1)\n    return choice(xs)\n"
            ),
            None
        );
        // A guessed change (any method) before, a read after: not sure.
        assert_eq!(
            shared(
                "async def f(self):\n    self.ready.set()\n    sleep(1)\n    print(self.ready)\n"
            ),
            None
        );
        // One statement alone in a loop.
        assert_eq!(
            shared("async def f(i):\n    while True:\n        LOG.append(i)\n        sleep(1)\n"),
            None
        );
    }

    #[test]
    fn a_parameter_holds_a_shared_object() {
        assert_eq!(
            shared("async def f(d, k):\n    v = d.get(k)\n    sleep(1)\n    d[k] = v\n"),
            Some("d".to_string())
        );
        // Rebinding a parameter is private.
        assert_eq!(
            shared("async def f(n):\n    m = n\n    sleep(1)\n    n = m + 1\n"),
            None
        );
    }

    #[test]
    fn a_local_alias_of_shared_state_is_shared() {
        for (source, place) in [
            (
                "async def f(self):\n    d = self.d\n    n = d['n']\n    sleep(1)\n    d['n'] = n + 1\n",
                "d",
            ),
            (
                "async def f(self):\n    items = self.items\n    n = len(items)\n    sleep(1)\n    items.append(n)\n",
                "items",
            ),
            (
                "CACHE = {}\nasync def f(k):\n    c = CACHE\n    if k not in c:\n        sleep(1)\n        c[k] = 1\n",
                "c",
            ),
            (
                "async def f(self):\n    node = self.head\n    n = node.count\n    sleep(1)\n    node.count = n + 1\n",
                "node.count",
            ),
            // `list` bound by the module is not the builtin.
            (
                "from mylib import list\nasync def f(self):\n    xs = list(self.xs)\n    n = len(xs)\n    sleep(1)\n    xs.append(n)\n",
                "xs",
            ),
        ] {
            assert_eq!(shared(source), Some(place.to_string()), "{source}");
        }
        // A copy the coroutine made is its own.
        for source in [
            "async def f(self):\n    d = dict(self.d)\n    n = d['n']\n    sleep(1)\n    d['n'] = n + 1\n",
            "import collections\nasync def f(self):\n    q = collections.deque(self.q)\n    n = len(q)\n    sleep(1)\n    q.append(n)\n",
            "async def f(self):\n    xs = list(self.xs)\n    n = len(xs)\n    sleep(1)\n    xs.append(n)\n",
            // Rebinding an alias is private too.
            "async def f(self):\n    n = self.n\n    sleep(1)\n    n = n + 1\n    print(n)\n",
        ] {
            assert_eq!(shared(source), None, "{source}");
        }
    }

    fn held(source: &str) -> Option<String> {
        with_sleep(source, |semantic, stmt| {
            semantic
                .held_context(stmt)
                .map(|item| source[item.context_expr.range()].to_string())
        })
    }

    #[test]
    fn synchronous_contexts_around_are_held() {
        for (body, manager) in [
            ("with lock:\n        sleep(1)", "lock"),
            ("with open(p) as f, lock:\n        sleep(1)", "lock"),
            (
                "with decimal.localcontext() as c:\n        if x:\n            sleep(1)",
                "decimal.localcontext()",
            ),
            (
                "with redirect_stdout(buf):\n        try:\n            sleep(1)\n        finally:\n            pass",
                "redirect_stdout(buf)",
            ),
            (
                "with lock:\n        with open(p):\n            sleep(1)",
                "lock",
            ),
        ] {
            let source = format!(
                "import decimal\nfrom contextlib import redirect_stdout\nasync def f(lock, p, x, buf):\n    {body}\n"
            );
            assert_eq!(held(&source).as_deref(), Some(manager), "{body}");
        }
        // What holds nothing other tasks share: a file of this code, a
        // manager that only looks at what its body raises, or none at all.
        for body in [
            "with open(p) as f:\n        sleep(1)",
            "with tempfile.TemporaryDirectory() as d:\n        sleep(1)",
            "with contextlib.suppress(OSError):\n        sleep(1)",
            "with suppress(OSError), nullcontext():\n        sleep(1)",
            "with pytest.raises(OSError):\n        sleep(1)",
            "async with lock:\n        sleep(1)",
            "with lock:\n        pass\n    sleep(1)",
        ] {
            let source = format!(
                "import contextlib, pytest, tempfile\nfrom contextlib import nullcontext, suppress\nasync def f(lock, p):\n    {body}\n"
            );
            assert_eq!(held(&source), None, "{body}");
        }
        // A name that only looks like one of them is not one.
        let source = "def suppress(e):\n    return LOCK\nasync def f():\n    with suppress(OSError):\n        sleep(1)\n";
        assert_eq!(held(source).as_deref(), Some("suppress(OSError)"));
    }

    #[test]
    fn files_async_contexts_and_other_frames_are_not_held() {
        for body in [
            "with open(p) as f:\n        sleep(1)",
            "with tempfile.TemporaryDirectory() as d:\n        sleep(1)",
            "async with lock:\n        sleep(1)",
            "with lock:\n        pass\n    sleep(1)",
        ] {
            let source = format!("import tempfile\nasync def f(lock, p):\n    {body}\n");
            assert_eq!(held(&source), None, "{body}");
        }
        // A coroutine defined inside a `with` is not held by it.
        assert_eq!(
            held("with lock:\n    async def f():\n        sleep(1)\n"),
            None
        );
    }
}
