//! Whether a `with` statement may suppress an exception raised in its
//! body, so that the code after the statement runs: a context manager
//! whose exit may return a true value (`contextlib.suppress`, a class of
//! the module whose `__exit__` returns `True`, a `contextmanager`
//! generator that catches around its `yield`), or one this module cannot
//! see into. The answer errs on "may": a codemod that needs the body's
//! exception to leave the block asks it.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::functions::Callee;
use super::{ScopeId, SemanticModel};

/// Context managers whose exit never suppresses an exception from the
/// body (it returns a false value), called as written (`open(path)`,
/// `asyncio.timeout(1)`) or held in a variable or attribute bound only to
/// one (`self._lock = asyncio.Lock()`). `builtins.X` is the builtin.
const NEVER_SUPPRESS: &[&str] = &[
    "aiofiles.open",
    "aiohttp.ClientSession",
    "async_timeout.timeout",
    "asyncio.BoundedSemaphore",
    "asyncio.Condition",
    "asyncio.Lock",
    "asyncio.Runner",
    "asyncio.Semaphore",
    "asyncio.TaskGroup",
    "asyncio.timeout",
    "asyncio.timeout_at",
    "builtins.open",
    "concurrent.futures.ProcessPoolExecutor",
    "concurrent.futures.ThreadPoolExecutor",
    "contextlib.aclosing",
    "contextlib.chdir",
    "contextlib.closing",
    "contextlib.nullcontext",
    "contextlib.redirect_stderr",
    "contextlib.redirect_stdout",
    "decimal.localcontext",
    "httpx.AsyncClient",
    "httpx.Client",
    "io.open",
    "os.scandir",
    "socket.create_connection",
    "socket.socket",
    "subprocess.Popen",
    "tarfile.open",
    "tempfile.NamedTemporaryFile",
    "tempfile.SpooledTemporaryFile",
    "tempfile.TemporaryDirectory",
    "tempfile.TemporaryFile",
    "threading.BoundedSemaphore",
    "threading.Condition",
    "threading.Lock",
    "threading.RLock",
    "threading.Semaphore",
    "unittest.mock.patch",
    "unittest.mock.patch.dict",
    "unittest.mock.patch.object",
    "warnings.catch_warnings",
    "zipfile.ZipFile",
];

/// How many classes or aliases deep a context manager is followed.
const CONTEXT_DEPTH: usize = 4;

impl<'a> SemanticModel<'a> {
    /// Whether the `with` (or `async with`) statement may suppress an
    /// exception raised in its body, so that the code after it runs: one
    /// of its context managers is not known to let every exception through.
    /// Known to let them through: a call of [`NEVER_SUPPRESS`]; an instance
    /// of a class of this module whose `__exit__` (`__aexit__`) returns
    /// only `None` or `False`; a generator function of this module made a
    /// context manager by `contextlib.contextmanager` (or
    /// `asynccontextmanager`) whose `yield` stands in no `try` with a
    /// handler and no `with`; a variable or attribute of `self` bound only
    /// to such (`lock = asyncio.Lock()`). Anything else may suppress
    /// (`contextlib.suppress`, a context manager of another module).
    pub fn may_suppress_exceptions(&self, with: &'a ast::StmtWith) -> bool {
        let scope = self.scope_at(with.start());
        with.items.iter().any(|item| {
            self.manager_may_suppress(&item.context_expr, scope, with.is_async, CONTEXT_DEPTH)
        })
    }

    /// Whether the context manager of `item`, one of `with`'s, may catch an
    /// exception of one of `wanted` (exception names, bases included) raised
    /// in the body: it expects or suppresses exceptions by name
    /// ([`Self::expects_exceptions`]), or it is none of those known to name
    /// every exception they catch (`contextlib.suppress`, `pytest.raises`,
    /// `assertRaises…`) and [`Self::may_suppress_exceptions`] says it may.
    pub(super) fn with_item_may_catch(
        &self,
        with: &'a ast::StmtWith,
        item: &'a ast::WithItem,
        wanted: &[&str],
        any_expected: bool,
    ) -> bool {
        let scope = self.scope_at(with.start());
        let manager = &item.context_expr;
        if self.expects_exceptions(manager, scope, wanted, any_expected) {
            return true;
        }
        if let Expr::Call(call) = manager {
            // Those that catch only what they name, under any alias.
            if self.refers_to(&call.func, scope, "contextlib.suppress") {
                return call
                    .arguments
                    .args
                    .iter()
                    .any(|argument| self.may_name_exception(argument, scope, wanted));
            }
            let expects = self.refers_to(&call.func, scope, "pytest.raises")
                || matches!(call.func.as_ref(), Expr::Attribute(attribute)
                    if attribute.attr.as_str().starts_with("assertRaises"));
            if expects {
                return any_expected
                    || call
                        .arguments
                        .find_argument_value("expected_exception", 0)
                        .is_none_or(|expected| self.may_name_exception(expected, scope, wanted));
            }
        }
        self.manager_may_suppress(manager, scope, with.is_async, CONTEXT_DEPTH)
    }

    fn manager_may_suppress(
        &self,
        manager: &'a Expr,
        scope: ScopeId,
        is_async: bool,
        depth: usize,
    ) -> bool {
        let Some(depth) = depth.checked_sub(1) else {
            return true;
        };
        let Expr::Call(call) = manager else {
            // A variable or attribute holding a context manager.
            return match self.values_bound_to(manager) {
                Some(values) if !values.is_empty() => values.iter().any(|value| {
                    let scope = self.scope_at(value.start());
                    self.manager_may_suppress(value, scope, is_async, depth)
                }),
                _ => true,
            };
        };
        if NEVER_SUPPRESS
            .iter()
            .any(|name| self.refers_to(&call.func, scope, name))
        {
            return false;
        }
        match self.callee(&call.func, scope) {
            Callee::Class(class) => self.class_may_suppress(class, is_async, depth),
            Callee::Function(def) => self.generator_manager_may_suppress(def),
            Callee::Unknown => true,
        }
    }

    /// Whether an instance of `class` (of this module) may suppress: its
    /// own exit method, or else its bases' (of this module), may return a
    /// true value.
    fn class_may_suppress(
        &self,
        class: &'a ast::StmtClassDef,
        is_async: bool,
        depth: usize,
    ) -> bool {
        let exit = if is_async { "__aexit__" } else { "__exit__" };
        // An exit bound otherwise than by a `def` in the body (`__exit__ =
        // lambda self, *exc: True`, an import), or written on a class
        // after it (`Guard.__exit__ = quiet`), cannot be read.
        let bound_otherwise = class.body.iter().any(|stmt| match stmt {
            Stmt::Assign(ast::StmtAssign { targets, .. }) => {
                targets.iter().any(|target| binds_name(target, exit))
            }
            Stmt::AnnAssign(ast::StmtAnnAssign { target, .. })
            | Stmt::AugAssign(ast::StmtAugAssign { target, .. }) => binds_name(target, exit),
            Stmt::Import(ast::StmtImport { names, .. })
            | Stmt::ImportFrom(ast::StmtImportFrom { names, .. }) => names.iter().any(|alias| {
                let bound = alias.asname.as_ref().unwrap_or(&alias.name).as_str();
                bound == "*" || bound.split('.').next() == Some(exit)
            }),
            _ => false,
        });
        if bound_otherwise || self.dynamic_writes().attributes.contains(exit) {
            return true;
        }
        let own = class.body.iter().find_map(|stmt| match stmt {
            Stmt::FunctionDef(def) if def.name.as_str() == exit => Some(def),
            _ => None,
        });
        if let Some(def) = own {
            return may_return_true(&def.body);
        }
        let Some(depth) = depth.checked_sub(1) else {
            return true;
        };
        let scope = self.scope_at(class.start());
        let bases = class.bases();
        // No base to inherit an exit from: `with` fails before the body runs.
        !bases.is_empty()
            && bases.iter().any(|base| match self.callee(base, scope) {
                Callee::Class(parent) => self.class_may_suppress(parent, is_async, depth),
                _ => !matches!(base, Expr::Name(name) if name.id.as_str() == "object"),
            })
    }

    /// Whether a function of this module, called as a context manager,
    /// may suppress: it is no `contextlib.contextmanager` (or
    /// `asynccontextmanager`) generator, or one of its `yield`s stands
    /// in a `try` with a handler or in a `with`.
    fn generator_manager_may_suppress(&self, def: &'a ast::StmtFunctionDef) -> bool {
        let outer = self.scope_at(def.start());
        let decorated = def.decorator_list.iter().any(|decorator| {
            [
                "contextlib.contextmanager",
                "contextlib.asynccontextmanager",
            ]
            .iter()
            .any(|name| self.refers_to(&decorator.expression, outer, name))
        });
        if !decorated || def.decorator_list.len() != 1 {
            return true;
        }
        let mut finder = GuardedYield::default();
        finder.visit_body(&def.body);
        finder.found
    }
}

/// Whether the assignment target `target` binds the name `name`.
fn binds_name(target: &Expr, name: &str) -> bool {
    match target {
        Expr::Name(bound) => bound.id.as_str() == name,
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            elts.iter().any(|element| binds_name(element, name))
        }
        Expr::Starred(starred) => binds_name(&starred.value, name),
        _ => false,
    }
}

/// Whether a function body (not the functions nested in it) may return a
/// true value: a `return` of anything but `None` or `False`.
fn may_return_true(body: &[Stmt]) -> bool {
    #[derive(Default)]
    struct Returns(bool);
    impl<'b> Visitor<'b> for Returns {
        fn visit_stmt(&mut self, stmt: &'b Stmt) {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Return(ast::StmtReturn {
                    value: Some(value), ..
                }) => {
                    self.0 |= !matches!(
                        value.as_ref(),
                        Expr::NoneLiteral(_)
                            | Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. })
                    );
                }
                _ => visitor::walk_stmt(self, stmt),
            }
        }
    }
    let mut returns = Returns::default();
    returns.visit_body(body);
    returns.0
}

/// Finds a `yield` inside a `try` body that has handlers, or inside a
/// `with` body, in a generator's own code.
#[derive(Default)]
struct GuardedYield {
    guarded: u32,
    found: bool,
}

impl<'b> Visitor<'b> for GuardedYield {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Try(try_) if !try_.handlers.is_empty() => {
                self.guarded += 1;
                self.visit_body(&try_.body);
                self.guarded -= 1;
                for handler in &try_.handlers {
                    self.visit_except_handler(handler);
                }
                self.visit_body(&try_.orelse);
                self.visit_body(&try_.finalbody);
            }
            Stmt::With(with) => {
                for item in &with.items {
                    self.visit_with_item(item);
                }
                self.guarded += 1;
                self.visit_body(&with.body);
                self.guarded -= 1;
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Lambda(_) => {}
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                self.found |= self.guarded > 0;
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}
