use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{ExceptHandler, ExceptHandlerExceptHandler, StmtTry};

use crate::codemods::prelude::*;
use crate::fix::layout::{indent_unit, indentation_at, line_start};
use crate::semantic::{ScopeId, SemanticModel};
use crate::source::line_ending;

declare_codemod! {
    /// ## What it does
    /// Adds `except asyncio.CancelledError: raise` before a bare `except:`
    /// or an `except BaseException:` (alone or in a tuple) that would catch
    /// a coroutine's cancellation and not raise it again.
    ///
    /// ## Why
    /// Since Python 3.8 `CancelledError` derives from `BaseException`, so
    /// `except Exception:` lets it through but `except:` and `except
    /// BaseException:` catch it. A task that swallows its cancellation keeps
    /// running: `task.cancel()`, `asyncio.timeout` and `TaskGroup` shutdown
    /// silently stop working, and `asyncio.run` can hang at exit.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def poll(source):
    ///     while True:
    ///         try:
    ///             await source.fetch()
    ///         except:
    ///             log.exception("poll failed")
    ///         await asyncio.sleep(1)
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def poll(source):
    ///     while True:
    ///         try:
    ///             await source.fetch()
    ///         except asyncio.CancelledError:
    ///             raise
    ///         except:
    ///             log.exception("poll failed")
    ///         await asyncio.sleep(1)
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: cancellation now propagates out of the `try`, which is the
    /// point, but code after the handler no longer runs on cancellation and
    /// the handler's logging or cleanup is skipped for it. A handler that
    /// does work is rewritten only where the coroutine goes on after the
    /// `try` (a loop, statements after it): where the `try` ends the
    /// coroutine, that work is all the handler does with the cancellation,
    /// and it is reported instead (see Left alone). Only handlers of
    /// a `try` whose body can be cancelled are touched: the body has an
    /// `await`, `async for` or `async with` of the coroutine itself
    /// (cancellation arrives only there).
    ///
    /// The new clause re-raises every `CancelledError`, also one that is
    /// not this coroutine's cancellation: since Python 3.8, awaiting a task
    /// or future that other code cancelled raises `CancelledError` in the
    /// awaiting coroutine, which is not cancelled itself. So a `try` whose
    /// body awaits anything but a call written in place (a task or future
    /// held in a variable or attribute, `asyncio.gather`, `shield` or
    /// `wait_for` of one, a call known to return a future) is left alone,
    /// and so is one awaiting a coroutine of this module that raises
    /// `CancelledError` itself or awaits such a thing (for `obj.method()`
    /// on an object of unknown type: any `async def method` of the module;
    /// and where the module has a plain `def method`, whose result is what
    /// is awaited, a task or future most likely).
    /// Not seen: a callee the module cannot read (an imported function, a
    /// method no class of the module defines) that raises `CancelledError`
    /// itself or awaits a task cancelled elsewhere; there the fix now ends
    /// the coroutine where the handler used to take over. On Python 3.11+ a separate `except
    /// CancelledError: if asyncio.current_task().cancelling(): raise`
    /// clause would not do instead: a foreign `CancelledError` would stop
    /// in it and never reach the original handler.
    ///
    /// ## Left alone
    /// A handler with any `raise` in its own body (a bare `raise`, `raise
    /// err`, `raise Other() from err`, `raise e from None`, logging then
    /// `raise`: it does not swallow silently, even if only on some paths); a
    /// `try` that already handles `CancelledError` in an earlier clause; a
    /// handler that tests the exception's type against `CancelledError`
    /// itself (`isinstance(e, CancelledError)`, `type(e) is ...`,
    /// `e.__class__`, `match e: case CancelledError():`, `sys.exc_info()[0]`,
    /// the type's name); `except Exception:` and narrower; a `try` body with
    /// no `await`; handlers in synchronous functions, lambdas or classes
    /// nested in a coroutine; `except*`; a module that imports trio, anyio
    /// or curio, whose cancellation is not `asyncio.CancelledError`.
    /// Reported without a fix: a handler that tests the type against other
    /// classes (it decides per type, by hand); a coroutine the module runs
    /// under `asyncio.shield(...)` (kept from cancellation on purpose); a
    /// handler that hands the exception on instead of swallowing it
    /// (`future.set_exception(exc)`, `errors[i] = e`, `return exc`, a
    /// callback, `sys.exc_info()`), as asyncio's own `staggered_race` and
    /// `contextlib.AsyncExitStack` do: re-raising cancellation first would
    /// skip the hand-over. Logging the exception or formatting it
    /// (`str(exc)`, `type(exc).__name__`) is not handing it on. Also
    /// reported without a fix: a handler that asks about cancellation
    /// another way (a task's or future's `.cancelled()` or `.cancelling()`,
    /// such as `asyncio.current_task().cancelling()`, or a match of the
    /// traceback's text against `"CancelledError"`: it may decide itself),
    /// and a `try` whose body awaits a task or future that other code may
    /// cancel (see Fix safety). Also reported without a fix: a handler
    /// that does work (logs, sends an error response, closes a transport,
    /// sets a flag; anything but `pass`, `...` or a `return` of a plain
    /// value) where nothing after the `try` runs in the coroutine (the
    /// `try` ends it, possibly through `if`, `with`, `match`, or another
    /// `try`'s handler, `else` or `finally`; not in a loop's body). There a
    /// swallowed cancellation keeps nothing of the coroutine running: the
    /// handler already ends it, as a server's per-connection task
    /// (`run_asgi`) ends by logging the error, answering 500 and closing
    /// the connection, also when the server cancels it at shutdown.
    /// Re-raising first would skip that work, which the program relies on;
    /// only the coroutine's callers would see the cancellation, and whether
    /// they need to is for a person to weigh.
    pub static SWALLOWED_CANCEL = Codemod {
        code: "AM107",
        name: "swallowed-cancel",
        min_python: PyVersion::PY38,
        safety: Applicability::Unsafe,
        run: swallowed_cancel,
        needles: &["except"],
        requires: &[ASYNC_DEF],
    };
}

fn swallowed_cancel(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for suite in &semantic.suites {
        if !semantic.is_coroutine_scope(suite.scope) {
            continue;
        }
        for stmt in suite.body {
            let Stmt::Try(try_stmt) = stmt else {
                continue;
            };
            if try_stmt.is_star {
                continue;
            }
            check_try(ctx, out, stmt, try_stmt, suite.scope);
        }
    }
}

fn check_try(ctx: &Context, out: &mut Findings, stmt: &Stmt, try_stmt: &StmtTry, scope: ScopeId) {
    let semantic = ctx.semantic;
    let mut handler = None;
    for ExceptHandler::ExceptHandler(each) in &try_stmt.handlers {
        if handles_cancellation(semantic, each, scope) {
            return; // Handled on purpose, earlier or here.
        }
        if catches_base_exception(semantic, each, scope) {
            handler = Some(each);
            break;
        }
    }
    let Some(handler) = handler else { return };
    if !can_be_cancelled(semantic, &try_stmt.body, scope) || raises(semantic, handler, scope) {
        return;
    }
    let used = semantic.caught_use(handler, scope);
    let tests_for_cancellation = used
        .tested_against
        .iter()
        .any(|class| semantic.names_cancelled_error(class, scope));
    if tests_for_cancellation {
        return; // `isinstance(e, CancelledError)`, `match e:`…: decided on purpose.
    }
    let caught = match handler.type_.as_deref() {
        None => "bare `except:`",
        Some(Expr::Tuple(_)) => "`except (…, BaseException)`",
        Some(_) => "`except BaseException`",
    };
    let start = handler.start();
    let header_end = handler
        .type_
        .as_ref()
        .map_or(start + TextSize::of("except"), |t| t.end());
    let finding = out.report(
        &SWALLOWED_CANCEL,
        TextRange::new(start, header_end),
        format!("{caught} in a coroutine swallows its cancellation"),
    );
    if used.tests_type {
        finding.note(
            "the handler looks at the exception's type itself (`isinstance`, `type(e)`, `match`): it decides what happens per type; review whether cancellation should pass",
        );
        return;
    }
    if let Some(runner) = shielded_by(semantic, scope) {
        finding.note(format!(
            "the coroutine runs under `{runner}`: it is kept from being cancelled on purpose; review by hand"
        ));
        return;
    }
    if forwards(semantic, handler, scope) {
        finding.note(
            "the handler passes the exception on (to a future, a list, a callback or `sys.exc_info()`): re-raising cancellation before it would skip that; review by hand",
        );
        return;
    }
    if used.asks_cancellation {
        finding.note(
            "the handler asks about cancellation itself (`.cancelling()`, `.cancelled()`, the traceback's text): it may decide what happens to it; review by hand",
        );
        return;
    }
    if let Some(library) = semantic.non_asyncio_library().map(|l| l.module()) {
        finding.note(format!(
            "the module imports {library}, whose cancellation is not `asyncio.CancelledError`"
        ));
        return;
    }
    if let Some(foreign) = semantic.foreign_cancellation(&try_stmt.body, scope) {
        finding.note(format!(
            "the `try` awaits {}: its `CancelledError` may come from there while this coroutine is not cancelled, and re-raising it would end the coroutine",
            foreign.what
        ));
        return;
    }
    if semantic.ends_its_function(stmt) && !only_swallows(handler) {
        finding.note(
            "nothing after the `try` runs in the coroutine, so the handler already ends it on cancellation; it does work there (logs, cleans up, answers), which re-raising the cancellation first would skip; review by hand",
        );
        return;
    }
    finding.fix_with(Applicability::Unsafe, |fix| {
        let cancelled = fix.ensure_import("asyncio", "CancelledError")?;
        fix.title(format!("Re-raise `{cancelled}` before the handler"));
        let source = ctx.source;
        let at = line_start(source, start);
        let indent = indentation_at(source, start);
        if !source[TextRange::new(at, start)].trim().is_empty() {
            anyhow::bail!("the handler does not start its line");
        }
        let unit = indent_unit(source, ctx.tokens);
        let eol = line_ending(source);
        fix.insert(
            at,
            format!("{indent}except {cancelled}:{eol}{indent}{unit}raise{eol}"),
        );
        Ok(())
    });
}

/// Whether the handler only swallows the exception: its body does nothing
/// but `pass`, `...` (or another literal, a docstring) and `return` of
/// nothing or of a plain value (`return None`, `return -1`, `return
/// default`).
fn only_swallows(handler: &ExceptHandlerExceptHandler) -> bool {
    handler.body.iter().all(|stmt| match stmt {
        Stmt::Pass(_) => true,
        Stmt::Expr(expr) => expr.value.is_literal_expr(),
        Stmt::Return(ret) => ret.value.as_deref().is_none_or(is_plain_value),
        _ => false,
    })
}

/// A literal, a name, a sign before one, or a tuple of those: a value
/// whose evaluation does nothing else.
fn is_plain_value(expr: &Expr) -> bool {
    match expr {
        Expr::UnaryOp(op) => is_plain_value(&op.operand),
        Expr::Tuple(tuple) => tuple.elts.iter().all(is_plain_value),
        _ => expr.is_literal_expr() || expr.is_name_expr(),
    }
}

/// The `asyncio.shield` that runs the coroutine function `scope`, when a
/// call of it is shielded somewhere in the module: its author keeps it from
/// being cancelled by its callers.
fn shielded_by(semantic: &SemanticModel, scope: ScopeId) -> Option<&'static str> {
    let def = semantic.scope(scope).function()?;
    let shielded = semantic.calls.iter().any(|site| {
        let call = site.call;
        semantic.refers_to(&call.func, site.scope, "asyncio.shield")
            && matches!(&*call.arguments.args, [Expr::Call(inner)]
                if semantic
                    .coroutine_function(&inner.func, site.scope)
                    .is_some_and(|target| std::ptr::eq(target, def)))
    });
    shielded.then_some("asyncio.shield")
}

/// `except:`, `except BaseException:` or a tuple that holds `BaseException`.
fn catches_base_exception(
    semantic: &SemanticModel,
    handler: &ExceptHandlerExceptHandler,
    scope: ScopeId,
) -> bool {
    let Some(type_) = &handler.type_ else {
        return true;
    };
    let is_base = |e: &Expr| semantic.refers_to(e, scope, "builtins.BaseException");
    match type_.as_ref() {
        Expr::Tuple(tuple) => tuple.elts.iter().any(is_base),
        other => is_base(other),
    }
}

/// Whether the handler names asyncio's `CancelledError` (under any
/// spelling, or a `CancelledError` the module cannot resolve, which may be
/// it): the author decided what happens to it. Another library's
/// `CancelledError` (`concurrent.futures`') is not the cancellation.
fn handles_cancellation(
    semantic: &SemanticModel,
    handler: &ExceptHandlerExceptHandler,
    scope: ScopeId,
) -> bool {
    let Some(type_) = &handler.type_ else {
        return false;
    };
    // A string is no class: `except "CancelledError"` is not a handler of it.
    !type_.is_string_literal_expr() && semantic.names_cancelled_error(type_, scope)
}

/// Whether the coroutine can be suspended, and so cancelled, inside `body`:
/// an `await`, `async for` or `async with` that runs in the coroutine's own
/// frame (not in a nested def, lambda or generator expression).
fn can_be_cancelled(semantic: &SemanticModel, body: &[Stmt], scope: ScopeId) -> bool {
    let mut finder = SuspensionPoints::default();
    finder.visit_body(body);
    finder
        .points
        .iter()
        .any(|&offset| semantic.frame_of(semantic.scope_at(offset)) == scope)
}

/// Whether the handler's own body has a `raise` statement (outside nested
/// functions and lambdas).
fn raises(semantic: &SemanticModel, handler: &ExceptHandlerExceptHandler, scope: ScopeId) -> bool {
    let mut finder = Raises::default();
    finder.visit_body(&handler.body);
    // A class body runs in place; a def or lambda body does not.
    finder
        .raises
        .iter()
        .any(|&offset| semantic.runs_in_place_within(semantic.scope_at(offset), scope))
}

/// Whether the handler hands the caught exception on rather than swallowing
/// it: the exception object itself flows somewhere (`future.set_exception(exc)`,
/// `errors[i] = e`, `return exc`, `callback({"exception": exc})`), or it is
/// captured with `sys.exc_info()` / `sys.exception()` (as `AsyncExitStack`
/// does, to re-raise it after the remaining callbacks run). Describing it is
/// not handing it on: logging it, `str(exc)`, `repr(exc)`, an f-string,
/// `exc.args`, `isinstance(exc, …)` or a comparison.
fn forwards(
    semantic: &SemanticModel,
    handler: &ExceptHandlerExceptHandler,
    scope: ScopeId,
) -> bool {
    let mut finder = Forwarding {
        semantic,
        scope,
        name: handler.name.as_ref().map(|n| n.as_str()),
        describing: 0,
        forwards: false,
    };
    finder.visit_body(&handler.body);
    finder.forwards
}

struct Forwarding<'m, 'a, 'n> {
    semantic: &'m SemanticModel<'a>,
    scope: ScopeId,
    name: Option<&'n str>,
    /// Inside an expression that only describes the exception.
    describing: usize,
    forwards: bool,
}

/// Calls that only describe their arguments: logging (`log.error(...)`,
/// `warnings.warn(...)`, `print(...)`) and `str`, `repr`, `type`, … .
fn describes(func: &Expr) -> bool {
    const METHODS: &[&str] = &[
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "fatal",
        "log",
    ];
    const FUNCTIONS: &[&str] = &[
        "print",
        "str",
        "repr",
        "format",
        "type",
        "isinstance",
        "issubclass",
        "id",
        "hasattr",
        "getattr",
    ];
    match func {
        Expr::Attribute(attribute) => METHODS.contains(&attribute.attr.as_str()),
        Expr::Name(name) => FUNCTIONS.contains(&name.id.as_str()),
        _ => false,
    }
}

impl Forwarding<'_, '_, '_> {
    fn describing(&mut self, walk: impl FnOnce(&mut Self)) {
        self.describing += 1;
        walk(self);
        self.describing -= 1;
    }
}

impl<'a> Visitor<'a> for Forwarding<'_, '_, '_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(name) if Some(name.id.as_str()) == self.name && self.describing == 0 => {
                self.forwards = true;
            }
            Expr::Call(call) => {
                if self
                    .semantic
                    .refers_to(&call.func, self.scope, "sys.exc_info")
                    || self
                        .semantic
                        .refers_to(&call.func, self.scope, "sys.exception")
                {
                    self.forwards = true;
                }
                self.visit_expr(&call.func);
                if describes(&call.func) {
                    self.describing(|this| visitor::walk_arguments(this, &call.arguments));
                } else {
                    visitor::walk_arguments(self, &call.arguments);
                }
            }
            Expr::Attribute(_) | Expr::FString(_) | Expr::Compare(_) | Expr::BinOp(_) => {
                self.describing(|this| visitor::walk_expr(this, expr));
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

#[derive(Default)]
struct SuspensionPoints {
    points: Vec<TextSize>,
}

impl<'a> Visitor<'a> for SuspensionPoints {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::For(for_stmt) if for_stmt.is_async => self.points.push(stmt.start()),
            Stmt::With(with_stmt) if with_stmt.is_async => self.points.push(stmt.start()),
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Await(_) = expr {
            self.points.push(expr.start());
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_comprehension(&mut self, comprehension: &'a ast::Comprehension) {
        if comprehension.is_async {
            self.points.push(comprehension.target.start());
        }
        visitor::walk_comprehension(self, comprehension);
    }
}

#[derive(Default)]
struct Raises {
    raises: Vec<TextSize>,
}

impl<'a> Visitor<'a> for Raises {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::Raise(_) = stmt {
            self.raises.push(stmt.start());
        }
        visitor::walk_stmt(self, stmt);
    }
}

#[cfg(test)]
mod tests {
    use super::SWALLOWED_CANCEL;
    use crate::test_support::{check_finding, check_fix, check_no_fix, findings, reasons};

    #[test]
    fn bare_except_gets_a_cancel_clause() {
        check_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except:\n        pass\n",
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        raise\n    except:\n        pass\n",
        );
    }

    #[test]
    fn base_exception_in_a_tuple_after_other_handlers() {
        check_fix(
            &SWALLOWED_CANCEL,
            "from asyncio import CancelledError as Cancelled\n\nasync def f():\n\ttry:\n\t\tasync with lock:\n\t\t\tpass\n\texcept ValueError:\n\t\treturn 1\n\texcept (OSError, BaseException) as err:\n\t\tlog.warning(err)\n\t\treturn None\n\tdone()\n",
            "from asyncio import CancelledError as Cancelled\n\nasync def f():\n\ttry:\n\t\tasync with lock:\n\t\t\tpass\n\texcept ValueError:\n\t\treturn 1\n\texcept Cancelled:\n\t\traise\n\texcept (OSError, BaseException) as err:\n\t\tlog.warning(err)\n\t\treturn None\n\tdone()\n",
        );
    }

    #[test]
    fn adds_the_asyncio_import() {
        check_fix(
            &SWALLOWED_CANCEL,
            "import aiohttp\n\n\nasync def f(s):\n    try:\n        await s.get()\n    except BaseException:\n        return None\n",
            "import aiohttp\nimport asyncio\n\n\nasync def f(s):\n    try:\n        await s.get()\n    except asyncio.CancelledError:\n        raise\n    except BaseException:\n        return None\n",
        );
    }

    #[test]
    fn handler_that_forwards_the_exception_is_reported_not_fixed() {
        for (handler, caught) in [
            (
                "except BaseException as exc:\n        waiter.set_exception(exc)\n",
                "`except BaseException`",
            ),
            (
                "except BaseException as e:\n        errors[i] = e\n",
                "`except BaseException`",
            ),
            (
                "except:\n        pending = sys.exc_info()\n",
                "bare `except:`",
            ),
        ] {
            let source = format!(
                "import asyncio, sys\nasync def f(waiter, errors, i):\n    try:\n        await work()\n    {handler}"
            );
            let message = format!("{caught} in a coroutine swallows its cancellation");
            check_finding(&SWALLOWED_CANCEL, &source, &message);
        }
    }

    #[test]
    fn logging_the_exception_still_swallows_it() {
        check_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f(log):\n    try:\n        await work()\n    except BaseException as exc:\n        log.error(\"failed: %s\", str(exc), exc_info=exc)\n    done()\n",
            "import asyncio\nasync def f(log):\n    try:\n        await work()\n    except asyncio.CancelledError:\n        raise\n    except BaseException as exc:\n        log.error(\"failed: %s\", str(exc), exc_info=exc)\n    done()\n",
        );
    }

    #[test]
    fn handler_that_raises_is_left_alone() {
        check_no_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except:\n        log()\n        raise\n    try:\n        await g()\n    except BaseException as e:\n        if retry:\n            return\n        raise Wrapped() from e\n",
        );
    }

    #[test]
    fn cancelled_error_handled_earlier_is_left_alone() {
        check_no_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        cleanup()\n    except:\n        pass\n",
        );
    }

    #[test]
    fn exception_and_no_await_are_left_alone() {
        check_no_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except Exception:\n        pass\n    try:\n        x = compute()\n        h = lambda: (await_me for _ in ())\n    except:\n        pass\n",
        );
    }

    #[test]
    fn sync_code_nested_in_a_coroutine_is_left_alone() {
        check_no_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    def g():\n        try:\n            work()\n        except:\n            pass\n    try:\n        await asyncio.to_thread(g)\n    except* BaseException:\n        pass\n",
        );
    }

    #[test]
    fn trio_module_is_reported_without_fix() {
        check_finding(
            &SWALLOWED_CANCEL,
            "import trio\nasync def f():\n    try:\n        await trio.sleep(1)\n    except:\n        pass\n",
            "bare `except:` in a coroutine swallows its cancellation",
        );
    }

    #[test]
    fn raise_in_a_nested_def_does_not_count() {
        check_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except:\n        def again():\n            raise\n        return again\n    done()\n",
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        raise\n    except:\n        def again():\n            raise\n        return again\n    done()\n",
        );
    }

    #[test]
    fn a_handler_testing_for_cancellation_itself_is_left_alone() {
        for test in [
            "if isinstance(e, asyncio.CancelledError):\n            return",
            "if type(e) is CancelledError:\n            return",
            "if e.__class__ in (KeyError, asyncio.CancelledError):\n            return",
            "if type(e).__name__ == 'CancelledError':\n            return",
            "match e:\n            case asyncio.CancelledError():\n                return",
        ] {
            let source = format!(
                "import asyncio\nfrom asyncio import CancelledError\nasync def f():\n    try:\n        await g()\n    except BaseException as e:\n        {test}\n        log(e)\n"
            );
            assert!(findings(&SWALLOWED_CANCEL, &source).is_empty(), "{test}");
        }
        let exc_info = "import asyncio, sys\nasync def f():\n    try:\n        await g()\n    except:\n        if issubclass(sys.exc_info()[0], asyncio.CancelledError):\n            return\n";
        assert!(findings(&SWALLOWED_CANCEL, exc_info).is_empty());
    }

    #[test]
    fn a_handler_testing_other_types_is_reported_without_fix() {
        check_finding(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except BaseException as e:\n        if isinstance(e, KeyboardInterrupt):\n            return\n        log(e)\n",
            "`except BaseException` in a coroutine swallows its cancellation",
        );
    }

    #[test]
    fn awaiting_what_other_code_may_cancel_is_reported_without_fix() {
        for body in [
            "await task",
            "result = await self._waiter",
            "await asyncio.gather(*tasks)",
            "await asyncio.wait_for(task, 1)",
            "await asyncio.shield(task)",
            "await inner()",
        ] {
            let source = format!(
                "import asyncio\nasync def inner():\n    raise asyncio.CancelledError\nasync def f(self, task, tasks):\n    try:\n        {body}\n    except:\n        return None\n"
            );
            check_finding(
                &SWALLOWED_CANCEL,
                &source,
                "bare `except:` in a coroutine swallows its cancellation",
            );
        }
    }

    #[test]
    fn a_method_whose_plain_def_returns_a_future_is_reported_without_fix() {
        // aiohttp's worker: `self._wait_next_notify()` is a plain `def`
        // returning a future, but a subclass may override it, so the call's
        // result is unknown; any plain `def` of the module by that name
        // returns what is awaited.
        let source = "import asyncio\nclass Worker:\n    async def run(self):\n        while self.alive:\n            try:\n                await self._wait_next()\n            except BaseException:\n                pass\n        await self.cleanup()\n    def _wait_next(self):\n        return asyncio.get_running_loop().create_future()\nclass UvWorker(Worker):\n    def _wait_next(self):\n        return super()._wait_next()\n";
        check_no_fix(&SWALLOWED_CANCEL, source);
        assert!(
            reasons(&SWALLOWED_CANCEL, source)
                .iter()
                .any(|r| r.contains("plain `def` of this module")),
            "{:?}",
            reasons(&SWALLOWED_CANCEL, source)
        );
    }

    #[test]
    fn a_handler_asking_about_cancellation_is_reported_without_fix() {
        for test in [
            "if asyncio.current_task().cancelling():\n            return 'stopping'",
            "if task.cancelled():\n            return 'child cancelled'",
            "if 'CancelledError' in traceback.format_exc():\n            return 'quiet'",
        ] {
            let source = format!(
                "import asyncio, traceback\nasync def f(task):\n    try:\n        await work()\n    except BaseException:\n        {test}\n        return 'failed'\n"
            );
            check_finding(
                &SWALLOWED_CANCEL,
                &source,
                "`except BaseException` in a coroutine swallows its cancellation",
            );
        }
    }

    #[test]
    fn a_shielded_coroutine_is_reported_without_fix() {
        check_finding(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def close(conn):\n    try:\n        await conn.close()\n    except:\n        pass\nasync def stop(conn):\n    await asyncio.shield(close(conn))\n",
            "bare `except:` in a coroutine swallows its cancellation",
        );
    }

    #[test]
    fn describing_the_type_still_swallows() {
        check_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except BaseException as e:\n        log.error('%s: %s', type(e).__name__, e)\n    done()\n",
            "import asyncio\nasync def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        raise\n    except BaseException as e:\n        log.error('%s: %s', type(e).__name__, e)\n    done()\n",
        );
    }

    const ENDS: &str = "nothing after the `try` runs in the coroutine";

    #[test]
    fn a_handler_that_ends_the_coroutine_doing_work_is_reported() {
        // The ASGI wrapper's shape: the handler logs, answers and closes;
        // nothing after the `try` runs, so nothing keeps running on a
        // swallowed cancellation, and re-raising first would skip the work.
        for handler in [
            "log.error('failed', exc_info=e)\n        await send_500()",
            "transport.close()",
            "error_occured = True\n        return",
            "log.error(e)\n    finally:\n        done.set()",
            "log.error(e)\n    else:\n        ok()",
        ] {
            let source = format!(
                "import asyncio\nasync def f(transport, log, done):\n    try:\n        await g()\n    except BaseException as e:\n        {handler}\n"
            );
            check_no_fix(&SWALLOWED_CANCEL, &source);
            assert!(
                reasons(&SWALLOWED_CANCEL, &source)
                    .iter()
                    .any(|r| r.starts_with(ENDS)),
                "{source}"
            );
        }
        // The last statement of a branch or a `with` at the end: the same.
        let branch = "import asyncio\nasync def f(c):\n    if c:\n        async with lock:\n            try:\n                await g()\n            except:\n                log()\n    else:\n        other()\n";
        check_no_fix(&SWALLOWED_CANCEL, branch);
        assert!(
            reasons(&SWALLOWED_CANCEL, branch)
                .iter()
                .any(|r| r.starts_with(ENDS))
        );
    }

    #[test]
    fn a_handler_at_the_end_that_only_swallows_is_fixed() {
        for handler in [
            "pass",
            "...",
            "return None",
            "return",
            "return default",
            "'ignored'",
        ] {
            let source = format!(
                "import asyncio\nasync def f(default):\n    try:\n        await g()\n    except:\n        {handler}\n"
            );
            let fixed = format!(
                "import asyncio\nasync def f(default):\n    try:\n        await g()\n    except asyncio.CancelledError:\n        raise\n    except:\n        {handler}\n"
            );
            check_fix(&SWALLOWED_CANCEL, &source, &fixed);
        }
    }

    #[test]
    fn a_handler_doing_work_where_the_coroutine_goes_on_is_fixed() {
        // In a loop, or followed by code: the coroutine keeps running after
        // a swallowed cancellation, which is what the fix stops.
        check_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    while True:\n        try:\n            await g()\n        except BaseException:\n            log()\n",
            "import asyncio\nasync def f():\n    while True:\n        try:\n            await g()\n        except asyncio.CancelledError:\n            raise\n        except BaseException:\n            log()\n",
        );
        check_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nasync def f():\n    try:\n        try:\n            await g()\n        except BaseException:\n            log()\n    except ValueError:\n        pass\n",
            "import asyncio\nasync def f():\n    try:\n        try:\n            await g()\n        except asyncio.CancelledError:\n            raise\n        except BaseException:\n            log()\n    except ValueError:\n        pass\n",
        );
    }

    #[test]
    fn shadowed_base_exception_is_not_the_builtin() {
        check_no_fix(
            &SWALLOWED_CANCEL,
            "import asyncio\nfrom errors import BaseException\nasync def f():\n    try:\n        await g()\n    except BaseException:\n        pass\n",
        );
    }
}
