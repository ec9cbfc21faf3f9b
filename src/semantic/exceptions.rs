//! What an `except` handler does with the exception it caught: whether it
//! looks at the exception's type itself (`isinstance(e, C)`, `type(e) is
//! C`, `e.__class__`, `match e:`, through `sys.exc_info()` or
//! `sys.exception()` too) and against which classes, and whether it reads
//! the exception's attributes (`e.args`, `e.status`). A handler that tests
//! the type decides per type what happens; one that reads attributes
//! depends on the exception's class having them.

use ruff_python_ast::helpers::any_over_expr;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{
    self as ast, ExceptHandlerExceptHandler, Expr, Pattern, Stmt, StmtFunctionDef,
};

use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashMap;

use super::coroutines::CallResult;
use super::{BindingKind, ScopeId, SemanticModel};

/// What a handler's own code (not nested functions or lambdas, which run
/// later) does with the caught exception.
#[derive(Debug, Default)]
pub struct CaughtUse<'a> {
    /// The handler tests the exception's type.
    pub tests_type: bool,
    /// What it tests against: classes, tuples of them, the strings it
    /// compares a type's name with, the classes of `case C():` patterns.
    pub tested_against: Vec<&'a Expr>,
    /// It reads an attribute of the exception object.
    pub reads_attributes: bool,
    /// It reads the exception's type in any way, a test or not
    /// (`type(e).__name__` printed, `e.__class__` logged).
    pub reads_type: bool,
    /// It reads the exception object in any way but raising it on (`raise
    /// e`, `raise X from e`): `str(e)`, `print(e)`, `f"{e}"`, `log(e)`,
    /// `errors.append(e)`, its attributes or type; or the exception being
    /// handled through `sys.exc_info()`, `sys.exception()`,
    /// `traceback.format_exc()` or `print_exc()`, a logger's `.exception(…)`
    /// or an `exc_info=` argument. What a function it calls reads of the
    /// current exception is not seen.
    pub reads_value: bool,
    /// It asks whether a cancellation is under way by other means than the
    /// exception's type: a task's or future's `.cancelling()`,
    /// `.cancelled()` or `.uncancel()` (`asyncio.current_task().cancelling()`,
    /// `t.cancelled()`), or a string naming `CancelledError` (`"CancelledError"
    /// in traceback.format_exc()`). It decides about cancellation itself.
    pub asks_cancellation: bool,
}

impl<'a> SemanticModel<'a> {
    /// What `handler` (whose body runs in `scope`) does with the exception
    /// it caught (see [`CaughtUse`]).
    pub fn caught_use<'h>(
        &self,
        handler: &'h ExceptHandlerExceptHandler,
        scope: ScopeId,
    ) -> CaughtUse<'h> {
        let mut finder = CaughtFinder {
            semantic: self,
            scope,
            name: handler.name.as_ref().map(ast::Identifier::as_str),
            found: CaughtUse::default(),
        };
        finder.visit_body(&handler.body);
        finder.found
    }

    /// Whether `expr` names asyncio's `CancelledError`: under any import
    /// spelling, as a name or attribute the module cannot resolve but that
    /// is spelled `CancelledError` (it may well be it), in a tuple, or as a
    /// string holding that name (a comparison with `type(e).__name__`).
    pub fn names_cancelled_error(&self, expr: &Expr, scope: ScopeId) -> bool {
        match expr {
            Expr::Tuple(tuple) => tuple
                .elts
                .iter()
                .any(|e| self.names_cancelled_error(e, scope)),
            Expr::StringLiteral(string) => string.value.to_str().contains("CancelledError"),
            _ => match self.qualified_name(expr, scope) {
                Some(qualified) => {
                    qualified.module() == "asyncio" && qualified.member() == "CancelledError"
                }
                None => match expr {
                    Expr::Name(name) => name.id.as_str() == "CancelledError",
                    Expr::Attribute(attribute) => attribute.attr.as_str() == "CancelledError",
                    _ => false,
                },
            },
        }
    }
}

impl<'a> SemanticModel<'a> {
    /// Whether the module makes a class at run time from arguments that
    /// name asyncio's `CancelledError` (`type("Shutdown",
    /// (asyncio.CancelledError,), {})`, `types.new_class(…)`): a subclass
    /// no `class` statement shows.
    pub fn makes_cancelled_error_subclass(&self) -> bool {
        self.calls.iter().any(|site| {
            let call = site.call;
            (self.refers_to(&call.func, site.scope, "builtins.type")
                && call.arguments.args.len() == 3
                || self.refers_to(&call.func, site.scope, "types.new_class"))
                && call.arguments.args.iter().skip(1).any(|argument| {
                    any_over_expr(argument, &|e: &Expr| {
                        !e.is_string_literal_expr() && self.names_cancelled_error(e, site.scope)
                    })
                })
        })
    }

    /// A class of the module that derives, or may derive, from asyncio's
    /// `CancelledError` (directly, or through another such class of the
    /// module), if any. A base the module cannot tell is taken to be one:
    /// a base computed by a call (`getattr(asyncio, "CancelledError")`, a
    /// class factory of the module, `vars(asyncio)[…]`), unpacked
    /// (`*bases`), chosen by a condition (`Base = A if x else
    /// asyncio.CancelledError`), a parameter (`def make(base): class
    /// S(base)`), an attribute of something other than a module, or a
    /// name bound some other way. A name imported from a module of the
    /// project (`from app.errors import Base`, `errors.Base`) is followed
    /// through the project index: a class whose bases lead to
    /// `CancelledError`, or that the index cannot follow (`Base =
    /// asyncio.CancelledError` there, a base it cannot read), counts. A
    /// class of a library and a class made by a standard or well-known
    /// library's function from arguments that name no such class
    /// (`declarative_base()`, `namedtuple(…)`) are taken to be what they
    /// say.
    pub fn cancelled_error_subclass(&self) -> Option<&'a ast::StmtClassDef> {
        let classes: Vec<(&'a ast::StmtClassDef, ScopeId)> = self
            .scopes
            .iter()
            .filter_map(|scope| match (scope.node, scope.parent) {
                (super::ScopeNode::Class(class), Some(parent)) => Some((class, parent)),
                _ => None,
            })
            .collect();
        let mut found: Vec<&'a ast::StmtClassDef> = Vec::new();
        // Each round adds the classes deriving from one found before.
        loop {
            let next = classes.iter().find(|(class, parent)| {
                !found.iter().any(|known| std::ptr::eq(*known, *class))
                    && class.bases().iter().any(|base| {
                        self.may_be_cancelled_error(base, *parent, &found, MAX_BASE_DEPTH)
                    })
            });
            match next {
                Some((class, _)) => found.push(class),
                None => return found.first().copied(),
            }
        }
    }

    /// Whether the imported name `path` (as the import wrote it, its first
    /// `loaded` parts a module the import loaded) may be
    /// asyncio's `CancelledError` or a subclass, as the project index tells
    /// (see [`super::project::ProjectFacts::may_be_cancelled_error`]);
    /// without an index, what its name says.
    fn project_may_be_cancelled_error(&self, path: &str, loaded: usize) -> bool {
        self.project().is_some_and(|project| {
            project
                .absolute(path)
                .is_none_or(|absolute| project.facts.may_be_cancelled_error(&absolute, loaded))
        })
    }

    /// Whether the base expression `base`, evaluated in `scope`, may be
    /// asyncio's `CancelledError` or a subclass of it: one of the `found`
    /// classes of the module, or something the module cannot tell (see
    /// [`Self::cancelled_error_subclass`]).
    fn may_be_cancelled_error(
        &self,
        base: &Expr,
        scope: ScopeId,
        found: &[&'a ast::StmtClassDef],
        depth: u8,
    ) -> bool {
        if depth == 0 {
            return true;
        }
        if base.is_string_literal_expr() {
            return false;
        }
        if self.names_cancelled_error(base, scope) {
            return true;
        }
        match base {
            Expr::Name(name) => match self.lookup(name.id.as_str(), scope) {
                super::imports::Lookup::Builtin => false,
                super::imports::Lookup::Unknown => true,
                super::imports::Lookup::Bound { bindings, .. } => bindings.iter().any(|&id| {
                    let binding = self.binding(id);
                    match binding.kind {
                        BindingKind::ClassDef(def) => {
                            found.iter().any(|known| std::ptr::eq(*known, def))
                        }
                        BindingKind::Import {
                            ref qualified,
                            from,
                        } => self.project_may_be_cancelled_error(
                            qualified,
                            self.import_loaded_parts(qualified, from),
                        ),
                        BindingKind::FunctionDef(_) => false,
                        BindingKind::Assignment => match assigned_value(binding) {
                            Some(value) => self.may_be_cancelled_error(
                                value,
                                self.scope_at(value.start()),
                                found,
                                depth - 1,
                            ),
                            None => true,
                        },
                        BindingKind::Annotation | BindingKind::Deletion => false,
                        _ => true,
                    }
                }),
            },
            // `models.Base` with `import models`: what the project index
            // says it is (what its name says outside the project); an
            // attribute of an object (`db.Model`, `self.Base`) may be anything.
            Expr::Attribute(_) => match self.qualified_name(base, scope) {
                Some(qualified) => self.project_may_be_cancelled_error(
                    qualified.as_str(),
                    self.parts_loaded_by_import(base, scope),
                ),
                None => true,
            },
            // `Generic[T]`, `B[int]`: the class is the subscripted value.
            Expr::Subscript(subscript) => {
                self.may_be_cancelled_error(&subscript.value, scope, found, depth - 1)
            }
            Expr::If(conditional) => {
                self.may_be_cancelled_error(&conditional.body, scope, found, depth - 1)
                    || self.may_be_cancelled_error(&conditional.orelse, scope, found, depth - 1)
            }
            // A library's class maker (`declarative_base()`,
            // `namedtuple(…)`) given nothing that may be one.
            Expr::Call(call) => {
                let library = self.qualified_name(&call.func, scope).is_some_and(|q| {
                    let top = q.module();
                    !matches!(top, "asyncio" | "builtins") && super::project::library_name(top)
                });
                !library
                    || call
                        .arguments
                        .args
                        .iter()
                        .chain(call.arguments.keywords.iter().map(|k| &k.value))
                        .any(|argument| {
                            !matches!(
                                argument,
                                Expr::StringLiteral(_)
                                    | Expr::NumberLiteral(_)
                                    | Expr::BooleanLiteral(_)
                                    | Expr::NoneLiteral(_)
                            ) && self.may_be_cancelled_error(argument, scope, found, depth - 1)
                        })
            }
            _ => true,
        }
    }
}

/// How far [`SemanticModel::may_be_cancelled_error`] follows a base
/// through assignments and expressions.
const MAX_BASE_DEPTH: u8 = 4;

/// The value a plain assignment gives the name it binds (`Base = value`,
/// `Base: type = value`); `None` for any other assignment (unpacking,
/// augmented, chained through a walrus).
fn assigned_value<'a>(binding: &super::Binding<'a>) -> Option<&'a Expr> {
    match binding.stmt? {
        Stmt::Assign(assign)
            if assign
                .targets
                .iter()
                .any(|target| matches!(target, Expr::Name(n) if n.range == binding.range)) =>
        {
            Some(assign.value.as_ref())
        }
        Stmt::AnnAssign(assign) if assign.target.range() == binding.range => {
            assign.value.as_deref()
        }
        _ => None,
    }
}

/// How many callers up [`SemanticModel::may_keep_around`] looks.
const MAX_CALLER_DEPTH: u8 = 4;

impl SemanticModel<'_> {
    /// Where coroutine code that awaits the statement at `offset` (in a
    /// coroutine) in the same task may catch the builtin exception `class`
    /// and go on: a `try` around it in its function, or around a call of
    /// that function in a coroutine of the module, a few callers up (by the
    /// function's name, also as an attribute: `self.main()`). A handler
    /// catches when it may name the class (a base such as `BaseException`,
    /// a bare `except:`, a name this module cannot resolve) and its body
    /// does not end in a bare `raise`; a `with` when its manager expects
    /// the class (`contextlib.suppress(SystemExit)`). A task that raises
    /// `SystemExit` or `KeyboardInterrupt` stops the event loop at once,
    /// so such code sees it only when it runs in the task that raised it.
    /// Callers in other modules are not seen.
    pub fn may_keep_around(&self, offset: TextSize, class: &str) -> Option<TextRange> {
        let wanted = super::suspension::catching_names(class);
        let mut visited = Vec::new();
        self.keeps_around(offset, &wanted, 0, &mut visited)
    }

    fn keeps_around(
        &self,
        offset: TextSize,
        wanted: &[&str],
        depth: u8,
        visited: &mut Vec<ScopeId>,
    ) -> Option<TextRange> {
        let scope = self.frame_of(self.scope_at(offset));
        if !matches!(
            self.scope(scope).kind,
            super::scope::ScopeKind::Function { is_async: true }
        ) {
            return None;
        }
        let current = self.innermost_stmt(scope, offset)?;
        for (parent, part) in self.enclosing_blocks(current) {
            match parent {
                Stmt::Try(try_stmt) if part == super::suspension::BlockPart::Body => {
                    for handler in &try_stmt.handlers {
                        let ast::ExceptHandler::ExceptHandler(handler) = handler;
                        let may_catch = handler
                            .type_
                            .as_deref()
                            .is_none_or(|type_| self.may_name_exception(type_, scope, wanted));
                        let reraises = matches!(
                            handler.body.last(),
                            Some(Stmt::Raise(ast::StmtRaise { exc: None, .. }))
                        );
                        if may_catch && !reraises {
                            return Some(handler.range);
                        }
                    }
                }
                Stmt::With(with) => {
                    for item in &with.items {
                        if self.expects_exceptions(&item.context_expr, scope, wanted, false) {
                            return Some(item.range);
                        }
                    }
                }
                _ => {}
            }
        }
        // The callers of the function, by its name.
        if visited.contains(&scope) {
            return None;
        }
        visited.push(scope);
        let name = self.scope(scope).function()?.name.as_str();
        for site in &self.calls {
            let called = match site.call.func.as_ref() {
                Expr::Name(func) => func.id.as_str() == name,
                Expr::Attribute(func) => func.attr.as_str() == name,
                _ => false,
            };
            if !called {
                continue;
            }
            if depth >= MAX_CALLER_DEPTH {
                // Too deep to follow: assume the worst.
                return Some(site.call.range());
            }
            if let Some(found) = self.keeps_around(site.call.start(), wanted, depth + 1, visited) {
                return Some(found);
            }
        }
        None
    }
}

/// How deep [`SemanticModel::foreign_cancellation`] follows the module's
/// own coroutines into the coroutines they await.
const MAX_CALLEE_DEPTH: u8 = 3;

/// What [`SemanticModel::foreign_cancellation`] found about the module's
/// coroutine functions so far, by the start of their `def`.
type Relays = FxHashMap<TextSize, bool>;

/// An `await` whose `CancelledError` may not be the awaiting task's own
/// cancellation (see [`SemanticModel::foreign_cancellation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignCancellation {
    /// The `await` expression.
    pub range: TextRange,
    /// What it awaits, for a message.
    pub what: &'static str,
}

impl<'a> SemanticModel<'a> {
    /// An `await` in `body` (code of the coroutine `scope`'s own frame, not
    /// of nested functions or lambdas) that may raise `CancelledError`
    /// while the awaiting task is not being cancelled. Since Python 3.8
    /// awaiting a task or future that other code cancelled raises
    /// `CancelledError` in the awaiting coroutine, and `asyncio.gather`,
    /// `shield` and `wait_for` pass on the cancellation of what they wait
    /// for. Only a call written in place is the coroutine's own business:
    /// anything else is foreign: a task or future held in a variable, an
    /// attribute or a subscript; a call known to return a future or task
    /// (`asyncio.create_task`, `ensure_future`, `run_in_executor`,
    /// `Future()`, a name saying "future"); `gather`, `shield` or `wait_for`
    /// of any of those; and a call of one of the module's own coroutine
    /// functions whose body raises `CancelledError` itself or awaits
    /// something foreign (followed a few calls deep; for a method of an
    /// object of unknown type, any `async def` of the module by that name).
    /// Not seen: a callee the module cannot see (an imported function, a
    /// method no class of the module defines) that does the same inside.
    pub fn foreign_cancellation(
        &self,
        body: &[Stmt],
        scope: ScopeId,
    ) -> Option<ForeignCancellation> {
        self.foreign_cancellation_at(body, scope, 0, &mut FxHashMap::default())
    }

    fn foreign_cancellation_at(
        &self,
        body: &[Stmt],
        scope: ScopeId,
        depth: u8,
        known: &mut Relays,
    ) -> Option<ForeignCancellation> {
        let mut finder = OwnAwaits::default();
        finder.visit_body(body);
        for await_ in finder.awaits {
            if self.frame_of(self.scope_at(await_.start())) != scope {
                continue; // A nested function's (or generator expression's) await.
            }
            if let Some(what) = self.awaits_foreign(&await_.value, scope, depth, known) {
                return Some(ForeignCancellation {
                    range: await_.range(),
                    what,
                });
            }
        }
        None
    }

    /// What makes awaiting `value` (in `scope`) raise a `CancelledError`
    /// that may not be the awaiting task's, if anything.
    fn awaits_foreign(
        &self,
        value: &Expr,
        scope: ScopeId,
        depth: u8,
        known: &mut Relays,
    ) -> Option<&'static str> {
        let Expr::Call(call) = value else {
            return Some(
                "a task or future held in a variable or attribute, which other code may cancel",
            );
        };
        let asyncio_member = self
            .qualified_name(&call.func, scope)
            .filter(|q| q.module() == "asyncio")
            .map(|q| q.member().to_string());
        match asyncio_member.as_deref() {
            Some("wait_for" | "shield") => {
                let awaited = call.arguments.find_argument_value(
                    if asyncio_member.as_deref() == Some("shield") {
                        "arg"
                    } else {
                        "fut"
                    },
                    0,
                )?;
                return self.awaits_foreign(awaited, scope, depth, known).map(|_| {
                    "`asyncio.wait_for` or `asyncio.shield` of a task or future, whose cancellation it passes on"
                });
            }
            Some("gather") => {
                let foreign = call.arguments.args.iter().any(|argument| {
                    argument.is_starred_expr()
                        || self.awaits_foreign(argument, scope, depth, known).is_some()
                });
                return foreign.then_some(
                    "`asyncio.gather` of tasks or futures, whose cancellation it passes on",
                );
            }
            _ => {}
        }
        const OWN_COROUTINE: &str = "a coroutine of this module that raises `CancelledError` itself or awaits a task or future";
        match self.call_result(call, scope) {
            CallResult::Future | CallResult::NotCoroutine => {
                Some("a task or future, which other code may cancel")
            }
            // `conn.wait_closed()` on an object of unknown type: any `async
            // def` of the module by that name may be the one called.
            CallResult::Unknown => {
                let Expr::Attribute(method) = call.func.as_ref() else {
                    return None;
                };
                // A plain `def` of the module by that name returns what is
                // awaited: a task or future, most likely (`def wait_next(self):
                // return loop.create_future()` on `self` when a subclass may
                // override it, so the call's result is not known).
                let mut plain = false;
                let foreign = self
                    .bindings_named(method.attr.as_str())
                    .any(|(_, binding)| match binding.kind {
                        BindingKind::FunctionDef(def) if def.is_async => {
                            self.coroutine_relays(def, depth, known)
                        }
                        BindingKind::FunctionDef(_) => {
                            plain = true;
                            true
                        }
                        _ => false,
                    });
                if plain {
                    return Some(
                        "what a plain `def` of this module by that name returns: a task or future, which other code may cancel",
                    );
                }
                foreign.then_some(OWN_COROUTINE)
            }
            CallResult::Coroutine => {
                let def = self.coroutine_function(&call.func, scope)?;
                self.coroutine_relays(def, depth, known)
                    .then_some(OWN_COROUTINE)
            }
        }
    }

    /// Whether the module's coroutine function `def` raises
    /// `CancelledError` itself or awaits something foreign (see
    /// [`Self::foreign_cancellation`]), followed `MAX_CALLEE_DEPTH` calls
    /// deep; deeper counts as foreign.
    /// Each function is looked at once per question (`known`); an answer
    /// cut short by the depth says "foreign", which only errs towards
    /// leaving code alone.
    fn coroutine_relays(&self, def: &StmtFunctionDef, depth: u8, known: &mut Relays) -> bool {
        if let Some(&relays) = known.get(&def.start()) {
            return relays;
        }
        let relays = match self.scope_of_function(def) {
            Some(callee) => {
                depth >= MAX_CALLEE_DEPTH
                    || raises_cancelled_error(self, &def.body, callee)
                    || self
                        .foreign_cancellation_at(&def.body, callee, depth + 1, known)
                        .is_some()
            }
            None => true,
        };
        known.insert(def.start(), relays);
        relays
    }
}

/// Whether code of `body` (in its own frame) raises `CancelledError` by
/// name: `raise CancelledError`, `raise asyncio.CancelledError()`.
fn raises_cancelled_error(semantic: &SemanticModel, body: &[Stmt], scope: ScopeId) -> bool {
    #[derive(Default)]
    struct Raises<'b> {
        raised: Vec<&'b Expr>,
    }
    impl<'b> Visitor<'b> for Raises<'b> {
        fn visit_stmt(&mut self, stmt: &'b Stmt) {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Raise(ast::StmtRaise { exc: Some(exc), .. }) => self.raised.push(exc),
                _ => visitor::walk_stmt(self, stmt),
            }
        }
    }
    let mut raises = Raises::default();
    raises.visit_body(body);
    raises.raised.iter().any(|exc| {
        let class = match exc {
            Expr::Call(call) => call.func.as_ref(),
            other => other,
        };
        !class.is_string_literal_expr() && semantic.names_cancelled_error(class, scope)
    })
}

/// The `await` expressions of some code, nested functions and lambdas
/// left out (their code runs later).
#[derive(Default)]
struct OwnAwaits<'b> {
    awaits: Vec<&'b ast::ExprAwait>,
}

impl<'b> Visitor<'b> for OwnAwaits<'b> {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Lambda(_) => {}
            Expr::Await(await_) => {
                self.awaits.push(await_);
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

struct CaughtFinder<'m, 'a, 'h> {
    semantic: &'m SemanticModel<'a>,
    scope: ScopeId,
    /// The `as` name of the handler.
    name: Option<&'h str>,
    found: CaughtUse<'h>,
}

impl<'h> CaughtFinder<'_, '_, 'h> {
    fn is_call_of(&self, expr: &Expr, qualified: &str) -> bool {
        matches!(expr, Expr::Call(call) if self.semantic.refers_to(&call.func, self.scope, qualified))
    }

    /// `sys.exc_info()[index]`.
    fn is_exc_info_item(&self, expr: &Expr, index: i32) -> bool {
        let Expr::Subscript(subscript) = expr else {
            return false;
        };
        let is_index = matches!(
            subscript.slice.as_ref(),
            Expr::NumberLiteral(ast::ExprNumberLiteral {
                value: ast::Number::Int(int),
                ..
            }) if int.as_i32() == Some(index)
        );
        is_index && self.is_call_of(&subscript.value, "sys.exc_info")
    }

    /// The caught exception itself: `e`, `sys.exception()`, `sys.exc_info()[1]`.
    fn is_exception(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Name(name) => Some(name.id.as_str()) == self.name,
            _ => self.is_call_of(expr, "sys.exception") || self.is_exc_info_item(expr, 1),
        }
    }

    /// Its type: `type(e)`, `e.__class__`, `sys.exc_info()[0]`, and the
    /// names of those (`type(e).__name__`).
    fn is_exception_type(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Call(call) => {
                self.semantic
                    .refers_to(&call.func, self.scope, "builtins.type")
                    && matches!(&*call.arguments.args, [only] if self.is_exception(only))
            }
            Expr::Attribute(attribute) => match attribute.attr.as_str() {
                "__class__" => self.is_exception(&attribute.value),
                "__name__" | "__qualname__" => self.is_exception_type(&attribute.value),
                _ => false,
            },
            _ => self.is_exc_info_item(expr, 0),
        }
    }

    /// A call that reads the exception being handled without naming it:
    /// `sys.exc_info()`, `traceback.format_exc()`, `traceback.print_exc()`,
    /// `logger.exception(…)` (on any object), or any call given `exc_info=`.
    fn reads_current_exception(&self, expr: &Expr) -> bool {
        let Expr::Call(call) = expr else {
            return false;
        };
        [
            "sys.exc_info",
            "traceback.format_exc",
            "traceback.print_exc",
        ]
        .iter()
        .any(|name| self.semantic.refers_to(&call.func, self.scope, name))
            || matches!(call.func.as_ref(), Expr::Attribute(method) if method.attr.as_str() == "exception")
            || call
                .arguments
                .keywords
                .iter()
                .any(|k| k.arg.as_ref().is_some_and(|arg| arg.as_str() == "exc_info"))
    }

    /// A string literal holding `CancelledError`.
    fn names_cancelled_error_string(&self, expr: &Expr) -> bool {
        expr.is_string_literal_expr() && self.semantic.names_cancelled_error(expr, self.scope)
    }

    fn tested(&mut self, against: impl IntoIterator<Item = &'h Expr>) {
        self.found.tests_type = true;
        self.found.reads_type = true;
        self.found.tested_against.extend(against);
    }

    fn pattern_classes(pattern: &'h Pattern, out: &mut Vec<&'h Expr>) {
        match pattern {
            Pattern::MatchClass(class) => out.push(&class.cls),
            Pattern::MatchValue(value) => out.push(&value.value),
            Pattern::MatchOr(or) => {
                for each in &or.patterns {
                    Self::pattern_classes(each, out);
                }
            }
            Pattern::MatchAs(ast::PatternMatchAs {
                pattern: Some(inner),
                ..
            }) => Self::pattern_classes(inner, out),
            _ => {}
        }
    }
}

impl<'h> Visitor<'h> for CaughtFinder<'_, '_, 'h> {
    fn visit_stmt(&mut self, stmt: &'h Stmt) {
        match stmt {
            // Runs later, if at all.
            Stmt::FunctionDef(_) => {}
            // Raising it on passes it to the code around, which is asked
            // about apart; it is no read here.
            Stmt::Raise(raise) => {
                for part in [raise.exc.as_deref(), raise.cause.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    if !self.is_exception(part) {
                        self.visit_expr(part);
                    }
                }
            }
            Stmt::Match(match_) => {
                if self.is_exception(&match_.subject) || self.is_exception_type(&match_.subject) {
                    let mut classes = Vec::new();
                    for case in &match_.cases {
                        Self::pattern_classes(&case.pattern, &mut classes);
                    }
                    self.tested(classes);
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'h Expr) {
        if !matches!(expr, Expr::Lambda(_))
            && (self.is_exception(expr) || self.reads_current_exception(expr))
        {
            self.found.reads_value = true;
        }
        match expr {
            Expr::Call(call)
                if call.arguments.is_empty()
                    && matches!(call.func.as_ref(), Expr::Attribute(method)
                        if matches!(method.attr.as_str(), "cancelled" | "cancelling" | "uncancel")) =>
            {
                self.found.asks_cancellation = true;
            }
            // `"CancelledError" in traceback.format_exc()`,
            // `text.startswith("CancelledError")`: a string matched against
            // text; a message that only mentions it is no test.
            Expr::Compare(compare)
                if std::iter::once(&*compare.left)
                    .chain(compare.comparators.iter())
                    .any(|e| self.names_cancelled_error_string(e)) =>
            {
                self.found.asks_cancellation = true;
            }
            Expr::Call(call)
                if matches!(call.func.as_ref(), Expr::Attribute(method)
                    if matches!(method.attr.as_str(), "startswith" | "endswith" | "find" | "rfind" | "index" | "count" | "search" | "match" | "fullmatch"))
                    && call
                        .arguments
                        .args
                        .iter()
                        .any(|e| self.names_cancelled_error_string(e)) =>
            {
                self.found.asks_cancellation = true;
            }
            _ => {}
        }
        if !matches!(expr, Expr::Lambda(_)) && self.is_exception_type(expr) {
            self.found.reads_type = true;
        }
        match expr {
            Expr::Lambda(_) => return,
            Expr::Call(call) => {
                let args = &*call.arguments.args;
                let func = &call.func;
                if self
                    .semantic
                    .refers_to(func, self.scope, "builtins.isinstance")
                    && let [value, classes] = args
                    && self.is_exception(value)
                {
                    self.tested([classes]);
                } else if self
                    .semantic
                    .refers_to(func, self.scope, "builtins.issubclass")
                    && let [type_, classes] = args
                    && self.is_exception_type(type_)
                {
                    self.tested([classes]);
                }
            }
            Expr::Compare(compare) => {
                let operands = || std::iter::once(&*compare.left).chain(compare.comparators.iter());
                if operands().any(|e| self.is_exception_type(e)) {
                    let others: Vec<&'h Expr> =
                        operands().filter(|e| !self.is_exception_type(e)).collect();
                    self.tested(others);
                }
            }
            Expr::Attribute(attribute) if self.is_exception(&attribute.value) => {
                self.found.reads_attributes = true;
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{ExceptHandler, Stmt};
    use ruff_text_size::TextSize;

    use crate::test_support::with_context;

    /// What [`SemanticModel::may_keep_around`] finds for `SystemExit` at
    /// the statement `HERE()`.
    fn keeps_system_exit(source: &str) -> bool {
        with_context(source, |ctx| {
            let at = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
            ctx.semantic.may_keep_around(at, "SystemExit").is_some()
        })
    }

    #[test]
    fn coroutine_code_around_that_may_keep_a_system_exit() {
        for handler in [
            "except SystemExit:\n        return 2",
            "except BaseException as e:\n        print(e)",
            "except:\n        pass",
            "except (KeyError, Unknown):\n        pass",
        ] {
            let source = format!("async def f():\n    try:\n        HERE()\n    {handler}\n");
            assert!(keeps_system_exit(&source), "{handler}");
        }
        let suppress = "import contextlib\nasync def f():\n    with contextlib.suppress(SystemExit):\n        HERE()\n";
        assert!(keeps_system_exit(suppress));
        // Around a caller, also a method called on `self`.
        let caller = "async def f():\n    HERE()\nasync def g():\n    await f()\nasync def main():\n    try:\n        await g()\n    except BaseException:\n        return 1\n";
        assert!(keeps_system_exit(caller));
        let method = "class C:\n    async def f(self):\n        HERE()\n    async def main(self):\n        try:\n            await self.f()\n        except:\n            pass\n";
        assert!(keeps_system_exit(method));
    }

    #[test]
    fn code_that_lets_a_system_exit_through() {
        for source in [
            // An `Exception` does not catch it; a handler that re-raises.
            "async def f():\n    try:\n        HERE()\n    except Exception:\n        pass\n",
            "async def f():\n    try:\n        HERE()\n    except BaseException:\n        log()\n        raise\n",
            // A handler around other code, or in its `else`.
            "async def f():\n    try:\n        g()\n    except:\n        pass\n    HERE()\n",
            "async def f():\n    try:\n        g()\n    except:\n        pass\n    else:\n        HERE()\n",
            // Synchronous code around `asyncio.run` is outside the loop.
            "import asyncio\nasync def f():\n    HERE()\ntry:\n    asyncio.run(f())\nexcept SystemExit:\n    pass\n",
        ] {
            assert!(!keeps_system_exit(source), "{source}");
        }
    }

    /// (tests the type, mentions CancelledError, reads attributes) for the
    /// first handler of the first `try` inside `async def f`.
    fn look(handler: &str) -> (bool, bool, bool) {
        let source = format!(
            "import asyncio, sys\nfrom asyncio import CancelledError\nasync def f():\n    try:\n        await g()\n    {handler}\n"
        );
        with_context(&source, |ctx| {
            let Some(Stmt::FunctionDef(def)) = ctx.module.body.get(2) else {
                panic!("no function")
            };
            let Some(Stmt::Try(try_)) = def.body.first() else {
                panic!("no try")
            };
            let Some(ExceptHandler::ExceptHandler(handler)) = try_.handlers.first() else {
                panic!("no handler")
            };
            let semantic = ctx.semantic;
            let scope = semantic.scope_at(handler.body[0].start());
            let found = semantic.caught_use(handler, scope);
            let mentions = found
                .tested_against
                .iter()
                .any(|e| semantic.names_cancelled_error(e, scope));
            (found.tests_type, mentions, found.reads_attributes)
        })
    }

    use ruff_text_size::Ranged;

    /// What the first handler of the first `try` in `async def f`, after
    /// the lines `prefix`, does with the caught exception, as `read` takes it.
    fn first_handler_use<T>(
        prefix: &str,
        handler: &str,
        read: impl Fn(&super::CaughtUse) -> T,
    ) -> T {
        let source =
            format!("{prefix}async def f():\n    try:\n        await g()\n    {handler}\n");
        with_context(&source, |ctx| {
            let Some(def) = ctx.module.body.iter().find_map(Stmt::as_function_def_stmt) else {
                panic!("no function")
            };
            let Some(Stmt::Try(try_)) = def.body.first() else {
                panic!("no try")
            };
            let Some(ExceptHandler::ExceptHandler(handler)) = try_.handlers.first() else {
                panic!("no handler")
            };
            let scope = ctx.semantic.scope_at(handler.body[0].start());
            read(&ctx.semantic.caught_use(handler, scope))
        })
    }

    /// Whether that handler reads the caught exception's type.
    fn reads_type(handler: &str) -> bool {
        first_handler_use("", handler, |used| used.reads_type)
    }

    #[test]
    fn reading_the_type_without_testing_it() {
        for handler in [
            "except Exception as e:\n        print('failed', type(e).__name__)",
            "except Exception as e:\n        log(e.__class__)",
            "except Exception as e:\n        if isinstance(e, ValueError):\n            pass",
        ] {
            assert!(reads_type(handler), "{handler}");
        }
        for handler in [
            "except Exception as e:\n        print('failed')",
            "except Exception as e:\n        raise",
            "except Exception as e:\n        cb = lambda: type(e)",
        ] {
            assert!(!reads_type(handler), "{handler}");
        }
    }

    /// Whether that handler reads the caught exception (or the one being
    /// handled) at all.
    fn reads_value(handler: &str) -> bool {
        first_handler_use("import sys, traceback, logging\n", handler, |used| {
            used.reads_value
        })
    }

    #[test]
    fn reading_the_exception_in_any_way() {
        for handler in [
            "except Exception as e:\n        print('failed:', str(e))",
            "except Exception as e:\n        print(e)",
            "except Exception as e:\n        msg = f'{e!r}'",
            "except Exception as e:\n        msg = '%s' % e",
            "except Exception as e:\n        errors.append(e)",
            "except Exception as e:\n        log(getattr(e, 'args', None))",
            "except Exception as e:\n        print(e.args)",
            "except Exception:\n        print(sys.exc_info())",
            "except Exception:\n        print(traceback.format_exc())",
            "except Exception:\n        logging.exception('failed')",
            "except Exception:\n        log.error('failed', exc_info=True)",
            "except Exception as e:\n        raise RuntimeError(str(e)) from e",
        ] {
            assert!(reads_value(handler), "{handler}");
        }
        for handler in [
            "except Exception:\n        print('failed')",
            "except Exception as e:\n        print('failed')",
            "except Exception as e:\n        raise",
            "except Exception as e:\n        raise e",
            "except Exception as e:\n        raise RuntimeError('wrapped') from e",
            "except Exception as e:\n        cb = lambda: str(e)",
        ] {
            assert!(!reads_value(handler), "{handler}");
        }
    }

    #[test]
    fn subclasses_of_cancelled_error() {
        let name = |source: &str| {
            with_context(source, |ctx| {
                ctx.semantic
                    .cancelled_error_subclass()
                    .map(|class| class.name.to_string())
            })
        };
        assert_eq!(
            name("import asyncio\n\nclass Aborted(asyncio.CancelledError):\n    pass\n"),
            Some("Aborted".to_string())
        );
        assert_eq!(
            name(
                "from asyncio import exceptions\n\nclass A(exceptions.CancelledError):\n    pass\n\nclass B(A):\n    pass\n"
            ),
            Some("A".to_string())
        );
        assert_eq!(
            name(
                "import asyncio\n\nclass Failed(Exception):\n    pass\n\nclass Other(Failed):\n    pass\n"
            ),
            None
        );
        // Bases the module cannot tell may be one.
        for source in [
            "import asyncio\nclass A(getattr(asyncio, 'CancelledError')):\n    pass\n",
            "import asyncio\nbases = (asyncio.CancelledError,)\nclass A(*bases):\n    pass\n",
            "def make(base):\n    class A(base):\n        pass\n    return A\n",
            "def pick():\n    return KeyError\nclass A(pick()):\n    pass\n",
            "import asyncio\nBase = KeyError if x else asyncio.CancelledError\nclass A(Base):\n    pass\n",
            "import asyncio\nCE = (asyncio.CancelledError, KeyError)[0]\nclass A(CE):\n    pass\n",
            "class Errors:\n    C = KeyError\nclass A(Errors.C):\n    pass\n",
            "class A(self.Base):\n    pass\n",
            "from compat import *\nclass A(Base):\n    pass\n",
            "import collections, asyncio\nclass A(collections.namedtuple('P', 'x'), asyncio.CancelledError):\n    pass\n",
            "import six, asyncio\nclass A(six.with_metaclass(M, asyncio.CancelledError)):\n    pass\n",
        ] {
            assert_eq!(name(source), Some("A".to_string()), "{source}");
        }
        // What the module shows is no such class.
        for source in [
            "import typing\nT = typing.TypeVar('T')\nclass A(typing.Generic[T], Exception):\n    pass\n",
            "import collections\nclass A(collections.namedtuple('P', 'x y')):\n    pass\n",
            "from errors import Failed\nclass A(Failed, KeyError):\n    pass\n",
            "import enum\nclass A(enum.Enum):\n    X = 1\n",
            "Base = KeyError\nclass A(Base):\n    pass\n",
        ] {
            assert_eq!(name(source), None, "{source}");
        }
    }

    #[test]
    fn type_tests_in_every_spelling() {
        for handler in [
            "except BaseException as e:\n        if isinstance(e, asyncio.CancelledError):\n            return",
            "except BaseException as e:\n        if isinstance(e, (KeyError, CancelledError)):\n            return",
            "except BaseException as e:\n        if type(e) is asyncio.CancelledError:\n            return",
            "except BaseException as e:\n        ok = e.__class__ in (CancelledError, KeyError)",
            "except BaseException as e:\n        if type(e).__name__ == 'CancelledError':\n            return",
            "except BaseException as e:\n        match e:\n            case asyncio.CancelledError():\n                return",
            "except:\n        if issubclass(sys.exc_info()[0], CancelledError):\n            return",
            "except:\n        if isinstance(sys.exception(), CancelledError):\n            return",
        ] {
            assert_eq!(
                look(handler),
                (true, true, handler.contains("__class__")),
                "{handler}"
            );
        }
    }

    #[test]
    fn tests_against_other_classes_do_not_mention_cancellation() {
        assert_eq!(
            look(
                "except BaseException as e:\n        if isinstance(e, KeyboardInterrupt):\n            return"
            ),
            (true, false, false)
        );
        assert_eq!(
            look(
                "except BaseException as e:\n        match e:\n            case KeyError(): pass\n            case _: pass"
            ),
            (true, false, false)
        );
    }

    /// Whether the first handler asks about cancellation by other means.
    fn asks(handler: &str) -> bool {
        let source = format!(
            "import asyncio, traceback\nasync def f(t):\n    try:\n        await g()\n    {handler}\n"
        );
        with_context(&source, |ctx| {
            let Some(Stmt::FunctionDef(def)) = ctx.module.body.get(1) else {
                panic!("no function")
            };
            let Some(Stmt::Try(try_)) = def.body.first() else {
                panic!("no try")
            };
            let Some(ExceptHandler::ExceptHandler(handler)) = try_.handlers.first() else {
                panic!("no handler")
            };
            let semantic = ctx.semantic;
            let scope = semantic.scope_at(handler.body[0].start());
            semantic.caught_use(handler, scope).asks_cancellation
        })
    }

    #[test]
    fn asking_the_task_about_cancellation() {
        for handler in [
            "except BaseException:\n        if asyncio.current_task().cancelling():\n            return",
            "except BaseException:\n        if t.cancelled():\n            return 1",
            "except:\n        if 'CancelledError' in traceback.format_exc():\n            return",
            "except:\n        asyncio.current_task().uncancel()",
            "except:\n        if traceback.format_exc().rstrip().endswith('CancelledError'):\n            return",
        ] {
            assert!(asks(handler), "{handler}");
        }
        for handler in [
            "except BaseException:\n        log.error('failed')",
            "except BaseException:\n        t.cancel()",
            "except BaseException:\n        return 'not a CancelledError, surely'",
            "except BaseException:\n        def later():\n            return t.cancelled()",
        ] {
            assert!(!asks(handler), "{handler}");
        }
    }

    #[test]
    fn describing_is_not_testing() {
        assert_eq!(
            look(
                "except BaseException as e:\n        log.error('failed: %s %s', type(e).__name__, e)"
            ),
            (false, false, false)
        );
        assert_eq!(
            look("except BaseException as e:\n        print(e.args)"),
            (false, false, true)
        );
        // A nested function runs later, if at all.
        assert_eq!(
            look(
                "except BaseException as e:\n        def later():\n            return isinstance(e, CancelledError)"
            ),
            (false, false, false)
        );
    }

    /// [`SemanticModel::foreign_cancellation`] for the body of the first
    /// `try` of `async def f`.
    fn foreign(source: &str) -> Option<&'static str> {
        with_context(source, |ctx| {
            let def = ctx
                .module
                .body
                .iter()
                .find_map(|s| match s {
                    Stmt::FunctionDef(def) if def.name.as_str() == "f" => Some(def),
                    _ => None,
                })
                .expect("async def f");
            let Some(Stmt::Try(try_)) = def.body.iter().find(|s| s.is_try_stmt()) else {
                panic!("no try")
            };
            let semantic = ctx.semantic;
            let scope = semantic.scope_of_function(def).expect("a scope");
            semantic
                .foreign_cancellation(&try_.body, scope)
                .map(|found| found.what)
        })
    }

    #[test]
    fn calls_written_in_place_are_the_coroutines_own() {
        for body in [
            "await asyncio.sleep(1)",
            "await session.get(url)",
            "await asyncio.wait_for(reader.read(), 5)",
            "await asyncio.gather(a(), b())",
            "await asyncio.shield(work())",
            "await mine()",
            "x = [await mine() for _ in range(2)]",
            "g = lambda t: t\n        def later():\n            return t",
        ] {
            let source = format!(
                "import asyncio\nasync def mine():\n    await asyncio.sleep(0)\nasync def f(t, session, reader):\n    try:\n        {body}\n    except:\n        pass\n"
            );
            assert_eq!(foreign(&source), None, "{body}");
        }
    }

    #[test]
    fn tasks_futures_and_what_passes_their_cancellation_on_are_foreign() {
        for body in [
            "await t",
            "await self.waiter",
            "await tasks[0]",
            "await asyncio.gather(*tasks)",
            "await asyncio.gather(a(), t)",
            "await asyncio.shield(t)",
            "await asyncio.wait_for(t, 5)",
            "await asyncio.ensure_future(a())",
            "await loop.run_in_executor(None, work)",
            "await asyncio.Future()",
            "await raises_it()",
            "await awaits_a_task(t)",
            "await conn.wait_closed()",
        ] {
            let source = format!(
                "import asyncio\nasync def raises_it():\n    raise asyncio.CancelledError()\nasync def awaits_a_task(t):\n    return await t\nclass Conn:\n    async def wait_closed(self):\n        await self._closed\nasync def f(self, t, tasks, loop, conn):\n    try:\n        {body}\n    except:\n        pass\n"
            );
            assert!(foreign(&source).is_some(), "{body}");
        }
    }
}
