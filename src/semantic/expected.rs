//! Which exceptions the code around a statement expects: a `try` whose
//! handler names the exception, a `with` whose context manager mentions it
//! (`self.assertRaises(TypeError)`, `pytest.raises(TypeError)`,
//! `contextlib.suppress(TypeError)`), or a statement that passes it along
//! with a callable (`self.assertRaises(TypeError, make, loop)`). A fix
//! whose intended change is that a call stops raising must not touch code
//! that relies on it raising.

use ruff_python_ast::helpers::any_over_expr;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::imports::Lookup;
use super::scope::ScopeKind;
use super::suspension::{BlockPart, catching_names};
use super::{BindingKind, ScopeId, SemanticModel, UseKind};

/// How deep a name is followed through assignments (`ERRORS = (TypeError,
/// ValueError)`, `Errors = ERRORS`) to the classes it holds.
const MAX_ALIAS_DEPTH: u8 = 3;

/// Calls that take the exception class they expect or swallow as their
/// first argument (`suppress` takes several).
const EXPECTING_CALLS: &[&str] = &[
    "raises",
    "assertRaises",
    "assertRaisesRegex",
    "assertRaisesRegexp",
    "failUnlessRaises",
    "suppress",
];

/// Test markers that expect the test to fail, by whatever exception.
const FAILURE_MARKERS: &[&str] = &["xfail", "expectedFailure"];

impl<'a> SemanticModel<'a> {
    /// The start of the statement that makes the code at `offset` expect
    /// the builtin exception `name` (`"TypeError"`), when there is one in
    /// the code's own function or module: a `try` whose body holds it and
    /// whose handler names `name` (alone or in a tuple), a `with` whose
    /// body holds it and whose items mention `name`, or the simple
    /// statement holding it mentioning `name` too. Code in a lambda or a
    /// generator expression runs later, outside all of these: `None`.
    pub fn expects_exception(&self, offset: TextSize, name: &str) -> Option<TextSize> {
        self.expects_any_exception(offset, &[name])
    }

    /// [`Self::expects_exception`] for any of the builtin exceptions
    /// `names`, in one walk: the first statement around the code that
    /// expects one of them.
    pub fn expects_any_exception(&self, offset: TextSize, names: &[&str]) -> Option<TextSize> {
        let scope = self.frame_of(self.scope_at(offset));
        if matches!(
            self.scope(scope).kind,
            ScopeKind::Lambda | ScopeKind::Comprehension { .. }
        ) {
            return None;
        }
        let stmt = self.innermost_stmt(scope, offset)?;
        if is_simple(stmt) && self.statement_mentions_builtin(stmt, names, scope) {
            return Some(stmt.start());
        }
        for (parent, part) in self.enclosing_blocks(stmt) {
            match parent {
                Stmt::Try(try_stmt)
                    if part == BlockPart::Body
                        && try_stmt
                            .handlers
                            .iter()
                            .any(|handler| self.handler_catches_builtin(handler, names, scope)) =>
                {
                    return Some(parent.start());
                }
                Stmt::With(with)
                    if with.items.iter().any(|item| {
                        any_over_expr(&item.context_expr, &|e: &Expr| {
                            self.is_builtin_name(e, names, scope)
                        })
                    }) =>
                {
                    return Some(parent.start());
                }
                _ => {}
            }
        }
        None
    }

    /// [`Self::expects_exception`] at `offset`, or, when that code sits in a
    /// function of the module, at any place of the module that names the
    /// function (`make_lock(None)` under `pytest.raises(TypeError)`,
    /// `self.assertRaises(TypeError, make_lock, None)`). Callers in other
    /// modules are not seen.
    pub fn expects_exception_here_or_in_callers(
        &self,
        offset: TextSize,
        name: &str,
    ) -> Option<TextSize> {
        if let Some(found) = self.expects_exception(offset, name) {
            return Some(found);
        }
        let function = self.enclosing_function(self.scope_at(offset))?;
        let def = self.scope(function).function()?;
        let outer = self.scope(function).parent?;
        self.uses_of(def.name.as_str(), outer)
            .into_iter()
            .filter(|u| u.kind == UseKind::Read)
            .find_map(|u| self.expects_exception(u.range.start(), name))
    }

    /// Whether `handler` catches one of `names` by that name (alone or in a tuple).
    fn handler_catches_builtin(
        &self,
        handler: &ast::ExceptHandler,
        names: &[&str],
        scope: ScopeId,
    ) -> bool {
        let ast::ExceptHandler::ExceptHandler(handler) = handler;
        match handler.type_.as_deref() {
            Some(Expr::Tuple(tuple)) => tuple.iter().any(|e| self.is_builtin_name(e, names, scope)),
            Some(other) => self.is_builtin_name(other, names, scope),
            None => false,
        }
    }

    /// Whether a simple statement's expressions mention one of the builtins `names`.
    fn statement_mentions_builtin(&self, stmt: &Stmt, names: &[&str], scope: ScopeId) -> bool {
        let mut found = false;
        let mut visit = |expr: &Expr| {
            found = found || any_over_expr(expr, &|e: &Expr| self.is_builtin_name(e, names, scope));
        };
        match stmt {
            Stmt::Expr(s) => visit(&s.value),
            Stmt::Return(s) => s.value.iter().for_each(|v| visit(v)),
            Stmt::Assign(s) => visit(&s.value),
            Stmt::AnnAssign(s) => s.value.iter().for_each(|v| visit(v)),
            Stmt::AugAssign(s) => visit(&s.value),
            _ => {}
        }
        found
    }

    /// Whether `expr` is one of the builtins `names`, not a local of that name:
    /// `TypeError`, `builtins.TypeError`, an import of it under another
    /// name, or a name the module binds once to one of those or to a tuple
    /// holding one (`ERRORS = (TypeError, ValueError)`).
    fn is_builtin_name(&self, expr: &Expr, names: &[&str], scope: ScopeId) -> bool {
        self.holds_builtin(expr, names, scope, MAX_ALIAS_DEPTH)
    }

    /// Whether `expr` surely is one of the builtin classes `names`, or a
    /// tuple holding one, through aliases up to `depth` assignments deep.
    fn holds_builtin(&self, expr: &Expr, names: &[&str], scope: ScopeId, depth: u8) -> bool {
        match expr {
            Expr::Tuple(tuple) => tuple
                .iter()
                .any(|e| self.holds_builtin(e, names, scope, depth)),
            Expr::Name(_) | Expr::Attribute(_) => {
                if let Some(qualified) = self.qualified_name(expr, scope) {
                    return qualified.module() == "builtins" && names.contains(&qualified.member());
                }
                let Expr::Name(name) = expr else {
                    return false;
                };
                depth > 0
                    && self
                        .alias_value(name.id.as_str(), scope)
                        .is_some_and(|(value, at)| self.holds_builtin(value, names, at, depth - 1))
            }
            _ => false,
        }
    }

    /// The value of `name` at `scope` when one plain assignment (`name =
    /// value`, or annotated) is its only binding, with the scope the value
    /// is evaluated in; `None` when the module may rebind its names behind
    /// the statements' backs (`globals()[…] = …`).
    pub(super) fn alias_value(&self, name: &str, scope: ScopeId) -> Option<(&'a Expr, ScopeId)> {
        let Lookup::Bound {
            bindings: &[only], ..
        } = self.lookup(name, scope)
        else {
            return None;
        };
        let binding = self.binding(only);
        if !matches!(binding.kind, BindingKind::Assignment)
            || self.dynamic_writes().module_namespace
        {
            return None;
        }
        let value = match binding.stmt? {
            Stmt::Assign(assign) => match &*assign.targets {
                [Expr::Name(target)] if target.range == binding.range => &*assign.value,
                _ => return None,
            },
            Stmt::AnnAssign(assign) if assign.target.range() == binding.range => {
                assign.value.as_deref()?
            }
            _ => return None,
        };
        Some((value, self.scope_at(value.start())))
    }

    /// The first place in the module whose code could catch the builtin
    /// exception `name` (`"TypeError"`) raised anywhere in the module, or
    /// expects it to be raised: which statement it would catch it from
    /// cannot be told, since the call that raises may sit several calls
    /// below (a function called by a function called in a `try`, a
    /// coroutine awaited there, a decorator's wrapper). That is
    ///
    /// - an `except` (or `except*`) handler that may catch it: bare, naming
    ///   the class or a base of it (`Exception`, `BaseException`) or an
    ///   exception group that may wrap it, in any spelling
    ///   (`builtins.TypeError`, a tuple, an alias), or naming something the
    ///   module cannot resolve (`except errors:`, `except self.errors:`);
    ///   classes the module defines cannot be bases of a builtin one; a
    ///   name imported from another module of the project is what the
    ///   project index says (`RETRYABLE = (ConnectionError,
    ///   RuntimeError)`, `AppError = Exception`, a class attribute: may), a
    ///   library's class what its name says;
    /// - a `with` (or `async with`) whose manager is not known to let
    ///   exceptions through (`with log_errors(…)` of another module, a
    ///   class whose exit may return true);
    /// - a call that takes such a class (`contextlib.suppress(Exception)`,
    ///   `self.assertRaises(TypeError, …)`, `retry(on=Exception)`,
    ///   `isinstance(r, BaseException)`), or whose class argument
    ///   `pytest.raises`, `assertRaises…` or `suppress` cannot resolve;
    /// - a call that turns exceptions into values: `return_exceptions=`
    ///   other than `False` (`asyncio.gather`), a future's `.exception()`
    ///   (with a timeout too; a logger's `.exception("…")` is not);
    /// - an `__exit__` or `__aexit__` that may return a true value
    ///   (it suppresses the exception);
    /// - a test marker expecting a failure (`xfail`, `expectedFailure`);
    /// - an exit callback handed to an exit stack (`push_exit`,
    ///   `push_async_exit`, `push` in a module that imports contextlib),
    ///   which may return true;
    /// - a doctest in a docstring whose expected output is a traceback
    ///   ending in the exception (`TypeError: …`).
    ///
    /// Hooks that only observe an uncaught exception
    /// (`loop.set_exception_handler`, `sys.excepthook`,
    /// `threading.excepthook`) are not counted: the exception still ends
    /// what raised it.
    pub fn may_catch_in_module(&self, name: &str) -> Option<TextRange> {
        let mut wanted = catching_names(name);
        wanted.extend(["ExceptionGroup", "BaseExceptionGroup"]);
        let mut finder = CatchFinder {
            semantic: self,
            wanted: &wanted,
            found: None,
        };
        finder.visit_body(&self.module.body);
        finder.found
    }
}

/// Walks the module for [`SemanticModel::may_catch_in_module`].
struct CatchFinder<'m, 'a, 'w> {
    semantic: &'m SemanticModel<'a>,
    wanted: &'w [&'w str],
    found: Option<TextRange>,
}

impl CatchFinder<'_, '_, '_> {
    /// The exception an `except` names may be one of the wanted classes.
    fn handler_may_catch(&self, type_: &Expr) -> bool {
        self.may_hold(
            type_,
            self.semantic.scope_at(type_.start()),
            MAX_ALIAS_DEPTH,
        )
    }

    /// [`SemanticModel::may_name_exception`], through the assignments of
    /// names bound once (`ERRORS = (KeyError, ValueError)` holds neither).
    fn may_hold(&self, expr: &Expr, scope: ScopeId, depth: u8) -> bool {
        match expr {
            Expr::Tuple(tuple) => tuple.iter().any(|e| self.may_hold(e, scope, depth)),
            Expr::Name(name) if depth > 0 => {
                match self.semantic.alias_value(name.id.as_str(), scope) {
                    Some((value, at)) => self.may_hold(value, at, depth - 1),
                    None => self.semantic.may_name_exception(expr, scope, self.wanted),
                }
            }
            _ => self.semantic.may_name_exception(expr, scope, self.wanted),
        }
    }

    /// An argument surely names one of the wanted classes, or is a name
    /// imported from another module of the project that may
    /// (`retry(on=RETRYABLE)`).
    fn names_wanted(&self, argument: &Expr) -> bool {
        let scope = self.semantic.scope_at(argument.start());
        if self
            .semantic
            .holds_builtin(argument, self.wanted, scope, MAX_ALIAS_DEPTH)
        {
            return true;
        }
        let mut head = argument;
        while let Expr::Attribute(attribute) = head {
            head = &attribute.value;
        }
        matches!(head, Expr::Name(name) if self.semantic.import_of(name.id.as_str(), scope).is_some())
            && self.semantic.qualified_name(argument, scope).is_some()
            && self.semantic.project().is_some()
            && self
                .semantic
                .may_name_exception(argument, scope, self.wanted)
    }

    fn call_may_catch(&self, call: &ast::ExprCall) -> bool {
        let arguments = &call.arguments;
        let callee = match call.func.as_ref() {
            Expr::Name(name) => Some(name.id.as_str()),
            Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
            _ => None,
        };
        // A future's `.exception()`, also with a timeout
        // (`fut.exception(timeout=1)`, `fut.exception(1)`); a logger's
        // `.exception("…")` is given a message.
        if callee == Some("exception") && !arguments.args.first().is_some_and(|first| {
            matches!(first, Expr::StringLiteral(_) | Expr::FString(_))
                || matches!(first, Expr::BinOp(op) if matches!(*op.left, Expr::StringLiteral(_)))
        }) {
            return true;
        }
        // An exit callback handed to an exit stack may return true, which
        // suppresses the exception (`stack.push(ignore_all)`).
        if matches!(callee, Some("push_exit" | "push_async_exit"))
            || (callee == Some("push")
                && matches!(call.func.as_ref(), Expr::Attribute(_))
                && self.semantic.imports_module("contextlib"))
        {
            return true;
        }
        if let Some(callee) = callee
            && EXPECTING_CALLS.contains(&callee)
        {
            let classes: Vec<&Expr> = if callee == "suppress" {
                arguments.args.iter().collect()
            } else {
                arguments
                    .args
                    .first()
                    .into_iter()
                    .chain(
                        arguments
                            .find_keyword("expected_exception")
                            .map(|k| &k.value),
                    )
                    .collect()
            };
            if classes
                .into_iter()
                .any(|class| self.handler_may_catch(class))
            {
                return true;
            }
        }
        if arguments.keywords.iter().any(|keyword| {
            keyword
                .arg
                .as_ref()
                .is_some_and(|arg| arg.as_str() == "return_exceptions")
                && !matches!(
                    keyword.value,
                    Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. })
                )
        }) {
            return true;
        }
        arguments
            .args
            .iter()
            .map(|argument| match argument {
                Expr::Starred(starred) => &*starred.value,
                other => other,
            })
            .chain(arguments.keywords.iter().map(|keyword| &keyword.value))
            .any(|argument| self.names_wanted(argument))
    }
}

impl<'a> Visitor<'a> for CatchFinder<'_, 'a, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() {
            return;
        }
        match stmt {
            Stmt::Try(try_stmt) => {
                for handler in &try_stmt.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    let catches = match handler.type_.as_deref() {
                        None => true,
                        Some(type_) => self.handler_may_catch(type_),
                    };
                    if catches {
                        self.found = Some(handler.range);
                        return;
                    }
                }
            }
            // A context manager not known to let exceptions through (one
            // of another module, `log_errors(…)`, `session()`, a class whose
            // exit may return true).
            Stmt::With(with) => {
                // The managers that name what they catch are asked by
                // their calls (`suppress(…)`, `raises(…)`, under any import).
                let named = |item: &ast::WithItem| match &item.context_expr {
                    Expr::Call(call) => match call.func.as_ref() {
                        Expr::Name(name) => EXPECTING_CALLS.contains(&name.id.as_str()),
                        Expr::Attribute(attribute) => {
                            EXPECTING_CALLS.contains(&attribute.attr.as_str())
                        }
                        _ => false,
                    },
                    _ => false,
                };
                if let Some(item) = with.items.iter().find(|item| {
                    !named(item)
                        && self
                            .semantic
                            .with_item_may_catch(with, item, self.wanted, false)
                }) {
                    self.found = Some(item.range);
                    return;
                }
            }
            Stmt::FunctionDef(def)
                if matches!(def.name.as_str(), "__exit__" | "__aexit__")
                    && may_return_true(&def.body) =>
            {
                self.found = Some(def.range);
                return;
            }
            // A doctest whose expected output is the exception's traceback.
            Stmt::Expr(ast::StmtExpr { value, .. }) => {
                if let Expr::StringLiteral(string) = value.as_ref()
                    && let Some(class) = self.wanted.first()
                {
                    let text = string.value.to_str();
                    if text.contains(">>>")
                        && text.contains("Traceback (most recent call last)")
                        && text.contains(&format!("{class}:"))
                    {
                        self.found = Some(string.range);
                        return;
                    }
                }
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        let found = match expr {
            Expr::Name(name) => FAILURE_MARKERS.contains(&name.id.as_str()),
            Expr::Attribute(attribute) => FAILURE_MARKERS.contains(&attribute.attr.as_str()),
            Expr::Call(call) => self.call_may_catch(call),
            _ => false,
        };
        if found {
            self.found = Some(expr.range());
            return;
        }
        visitor::walk_expr(self, expr);
    }
}

/// Whether a function body (not its nested functions) has a `return` of
/// something other than nothing, `None` or `False`.
fn may_return_true(body: &[Stmt]) -> bool {
    struct Returns(bool);
    impl<'b> Visitor<'b> for Returns {
        fn visit_stmt(&mut self, stmt: &'b Stmt) {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Return(ret) => {
                    self.0 |= ret.value.as_deref().is_some_and(|value| {
                        !matches!(
                            value,
                            Expr::NoneLiteral(_)
                                | Expr::BooleanLiteral(ast::ExprBooleanLiteral {
                                    value: false,
                                    ..
                                })
                        )
                    });
                }
                _ => visitor::walk_stmt(self, stmt),
            }
        }
    }
    let mut returns = Returns(false);
    returns.visit_body(body);
    returns.0
}

/// A statement with no body of its own.
fn is_simple(stmt: &Stmt) -> bool {
    matches!(
        stmt,
        Stmt::Expr(_) | Stmt::Return(_) | Stmt::Assign(_) | Stmt::AnnAssign(_) | Stmt::AugAssign(_)
    )
}

#[cfg(test)]
mod tests {
    use ruff_text_size::TextSize;

    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    /// Whether the code at the `HERE` marker expects a `TypeError`.
    fn expects(source: &str) -> bool {
        let site = source.find("HERE").expect("a HERE marker");
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        semantic
            .expects_exception(TextSize::new(site as u32), "TypeError")
            .is_some()
    }

    #[test]
    fn handlers_and_context_managers_that_name_it() {
        assert!(expects("try:\n    HERE()\nexcept TypeError:\n    pass\n"));
        assert!(expects(
            "try:\n    if x:\n        HERE()\nexcept (ValueError, TypeError):\n    pass\n"
        ));
        assert!(expects(
            "def t(self):\n    with self.assertRaises(TypeError):\n        HERE()\n"
        ));
        assert!(expects(
            "with pytest.raises(TypeError, match='loop'):\n    HERE()\n"
        ));
        assert!(expects("self.assertRaises(TypeError, HERE, None)\n"));
    }

    #[test]
    fn callers_in_the_module_count() {
        let via_callers = |source: &str| {
            let site = source.find("HERE").expect("a HERE marker");
            let parsed = parse(source).unwrap();
            let semantic = SemanticModel::build(parsed.syntax());
            semantic
                .expects_exception_here_or_in_callers(TextSize::new(site as u32), "TypeError")
                .is_some()
        };
        assert!(via_callers(
            "def make(loop):\n    return HERE(loop)\ntry:\n    make(None)\nexcept TypeError:\n    pass\n"
        ));
        assert!(via_callers(
            "def make(loop):\n    return HERE(loop)\nclass T:\n    def test(self):\n        self.assertRaises(TypeError, make, None)\n"
        ));
        assert!(!via_callers(
            "def make(loop):\n    return HERE(loop)\nmake(None)\n"
        ));
    }

    /// The line of the first place of the module that could catch a
    /// `TypeError` raised anywhere in it.
    fn catcher_line(source: &str) -> Option<usize> {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        semantic
            .may_catch_in_module("TypeError")
            .map(|range| source[..range.start().to_usize()].matches('\n').count() + 1)
    }

    #[test]
    fn handlers_anywhere_in_the_module_may_catch_it() {
        let call = "def make(loop):\n    return Lock(loop=loop)\n";
        for handler in [
            "except TypeError:",
            "except builtins.TypeError:",
            "except (KeyError, TypeError):",
            "except Exception:",
            "except BaseException as e:",
            "except:",
            "except LEGACY:",
            "except self.errors:",
            "except ExceptionGroup:",
            "except* TypeError:",
        ] {
            let source = format!(
                "import builtins\nLEGACY = (TypeError, AttributeError)\n{call}def setup(self):\n    try:\n        make(None)\n    {handler}\n        pass\n"
            );
            assert_eq!(catcher_line(&source), Some(8), "{handler}");
        }
    }

    #[test]
    fn calls_and_markers_that_catch_or_expect_it() {
        for code in [
            "with contextlib.suppress(Exception):\n    run()\n",
            "with suppress(ERRORS):\n    run()\n",
            "self.assertRaises(TypeError, run)\n",
            "with pytest.raises(expected):\n    run()\n",
            "@retry(on=BaseException)\ndef f(): pass\n",
            "results = await asyncio.gather(a(), return_exceptions=True)\n",
            "error = task.exception()\n",
            "@unittest.expectedFailure\ndef test(): pass\n",
            "@pytest.mark.xfail\ndef test(): pass\n",
            "@xfail(raises=TypeError)\ndef test(): pass\n",
            "class Quiet:\n    def __exit__(self, *exc):\n        return True\n",
            "import contextlib\nwith contextlib.ExitStack() as stack:\n    stack.push(ignore_all)\n",
            "stack.push_async_exit(on_exit)\n",
            "def f():\n    '''\n    >>> f()\n    Traceback (most recent call last):\n    TypeError: no\n    '''\n",
        ] {
            let source = format!("ERRORS = (TypeError,)\n{code}");
            assert!(catcher_line(&source).is_some(), "{code}");
        }
    }

    #[test]
    fn other_code_does_not_catch_it() {
        assert_eq!(
            catcher_line(
                "import aiohttp\nfrom aiohttp import ClientError\nclass Oops(Exception):\n    pass\nERRORS = (KeyError, ValueError)\ntry:\n    run()\nexcept (ValueError, ClientError, Oops, ERRORS, aiohttp.ServerError):\n    pass\nwith pytest.raises(ClientError):\n    run()\nwith suppress(KeyError):\n    run()\nresults = await gather(a(), return_exceptions=False)\nlog.exception('failed')\nraise TypeError('no')\nclass Cm:\n    def __exit__(self, *exc):\n        return None\n"
            ),
            None
        );
        // A local named like a builtin is what it is bound to.
        assert_eq!(
            catcher_line("Exception = KeyError\ntry:\n    run()\nexcept Exception:\n    pass\n"),
            None
        );
    }

    #[test]
    fn managers_not_known_to_let_it_through_may_catch_it() {
        // Another module's manager (`@contextmanager` catching `Exception`).
        assert_eq!(
            catcher_line("from utils import log_errors\nwith log_errors('x'):\n    run()\n"),
            Some(2)
        );
        // A future's `exception` with a timeout; a logger's is given a message.
        assert_eq!(catcher_line("x = 1\nfut.exception(timeout=1)\n"), Some(2));
        assert_eq!(catcher_line("log.exception('failed %s', x)\n"), None);
        // Known to let every exception through.
        assert_eq!(
            catcher_line(
                "import asyncio\nasync def f():\n    async with asyncio.Lock():\n        run()\n"
            ),
            None
        );
    }

    #[test]
    fn stacks_docstrings_and_hooks_that_do_not_catch_it() {
        for code in [
            // Not an exit stack: no contextlib in the module.
            "stack.push(item)\n",
            // A docstring naming the class without a doctest traceback.
            "def f():\n    '''Raises TypeError: on a bad loop.'''\n",
            // A doctest expecting another exception.
            "def f():\n    '''\n    >>> f()\n    Traceback (most recent call last):\n    KeyError: 'x'\n    '''\n",
            // Observers of uncaught exceptions.
            "import sys\nsys.excepthook = report\nloop.set_exception_handler(on_error)\n",
        ] {
            assert_eq!(catcher_line(code), None, "{code}");
        }
    }

    #[test]
    fn spellings_and_aliases_of_the_class_count_around_the_call() {
        assert!(expects(
            "import builtins\ntry:\n    HERE()\nexcept builtins.TypeError:\n    pass\n"
        ));
        assert!(expects(
            "ERRORS = (TypeError, AttributeError)\ndef f():\n    try:\n        HERE()\n    except ERRORS:\n        pass\n"
        ));
        assert!(expects(
            "from builtins import TypeError as TE\ntry:\n    HERE()\nexcept TE:\n    pass\n"
        ));
        // A name bound twice may hold anything: not surely the class.
        assert!(!expects(
            "ERRORS = (TypeError,)\nERRORS = (KeyError,)\ntry:\n    HERE()\nexcept ERRORS:\n    pass\n"
        ));
    }

    #[test]
    fn other_code_does_not() {
        assert!(!expects("try:\n    HERE()\nexcept ValueError:\n    pass\n"));
        // A broad handler is not taken to expect this one exception.
        assert!(!expects("try:\n    HERE()\nexcept Exception:\n    pass\n"));
        // The handler's own body is not protected by it.
        assert!(!expects("try:\n    pass\nexcept TypeError:\n    HERE()\n"));
        // A function defined in the block runs later, elsewhere.
        assert!(!expects(
            "with suppress(TypeError):\n    def f():\n        HERE()\n"
        ));
        assert!(!expects(
            "with suppress(TypeError):\n    f = lambda: HERE()\n"
        ));
        // A local named like the builtin is something else.
        assert!(!expects(
            "TypeError = ValueError\ntry:\n    HERE()\nexcept TypeError:\n    pass\n"
        ));
    }
}
