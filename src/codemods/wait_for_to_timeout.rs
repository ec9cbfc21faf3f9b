use ruff_python_ast::helpers::any_over_expr;
use ruff_python_ast::{Number, UnaryOp};
use rustc_hash::FxHashSet;

use crate::codemods::prelude::*;
use crate::codemods::support::statement_value;
use crate::fix::blocks::wrap_statement_hoisting;
use crate::fix::layout::{contains_comment, indent_unit, indentation_at};
use crate::semantic::{ScopeId, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Turns a statement whose whole value is `await asyncio.wait_for(aw, t)`
    /// into `async with asyncio.timeout(t):` around the same statement awaiting
    /// `aw` directly. It works for an expression statement, the right side of
    /// a plain, annotated or augmented assignment, and a `return`; `aw` keeps
    /// its own layout and comments. A `wait_for` that is part of a larger
    /// expression is reported without a fix.
    ///
    /// ## Why
    /// `asyncio.timeout` (Python 3.11) is the structured way to bound a wait:
    /// the deadline covers a block, the awaited call runs in the caller's task
    /// rather than a task of its own, and it avoids the races `wait_for` had
    /// when the inner call finished just as the timeout fired. Since Python
    /// 3.12, `wait_for` is itself written this way.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def fetch(client):
    ///     reply = await asyncio.wait_for(client.get("/status"), timeout=5)
    ///     return reply
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def fetch(client):
    ///     async with asyncio.timeout(5):
    ///         reply = await client.get("/status")
    ///     return reply
    /// ```
    ///
    /// ## Fix safety
    /// Safe. Both forms raise `TimeoutError` on timeout (in 3.11
    /// `asyncio.TimeoutError` is that same class), cancel the awaited call,
    /// wait for it to finish cancelling, and treat `None` as no timeout; a
    /// `return` inside the block is fine. What differs, and how the fix deals
    /// with it:
    ///
    /// - Order of evaluation: `wait_for(aw, t)` evaluates `aw` before `t`; the
    ///   rewrite evaluates `t` first. The fix applies only when that cannot
    ///   show: `t` is a constant, or neither `t` nor `aw`'s callee and
    ///   arguments call anything, or `aw` is a name, an attribute or a call of
    ///   one with constant arguments (`event.wait()`, with `t` such as
    ///   `deadline - loop.time()`). Calling the coroutine function itself runs
    ///   none of its body. `aw` may hold no `await`, `yield` or `:=` (an inner
    ///   `await` would move under the deadline).
    /// - A timeout of zero or less: `wait_for` cancels `aw` before it starts,
    ///   `timeout()` lets it run up to its first suspension. A literal `0`,
    ///   negative number or boolean is left alone; a variable that is zero or
    ///   negative at run time is the one case the fix changes.
    /// - On Python 3.11, `wait_for` runs a coroutine in a task of its own; after
    ///   the rewrite it runs in the caller's task, so context variables it sets
    ///   stay visible to the caller and `asyncio.current_task()` inside it is
    ///   the caller (3.12's `wait_for` already behaves so). An `aw` that is a
    ///   future or task is cancelled on timeout in both forms.
    /// - `asyncio.timeout()` needs a current task, which every coroutine that
    ///   asyncio runs has; only a coroutine stepped by hand with `send()`
    ///   inside a running loop would now fail.
    ///
    /// Comments inside the removed `wait_for(…)` parts move to the end of the
    /// `async with` line. `asyncio` is imported when the module has no binding
    /// for it; a `from asyncio import wait_for` left unused is removed.
    ///
    /// ## Left alone
    /// `wait_for` inside a larger expression (an argument, a condition, a
    /// comprehension, `gather(wait_for(…), …)`): reported without a fix; a
    /// statement that shares its line with other code; arguments other than
    /// `(aw, t)` / `(aw, timeout=t)`; a timeout spread over several lines;
    /// anything before `--target-version py311`, where `asyncio.timeout` does
    /// not exist (the codemod does nothing there).
    pub static WAIT_FOR_TO_TIMEOUT = Codemod {
        code: "AM003",
        name: "wait-for-to-timeout",
        min_python: PyVersion::PY311,
        safety: Applicability::Safe,
        run: wait_for_to_timeout,
        needles: &["wait_for"],
        requires: &["asyncio", ASYNC_DEF],
    };
}

const MESSAGE: &str = "`await asyncio.wait_for(…)` instead of `async with asyncio.timeout(…)`";

fn wait_for_to_timeout(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let mut statements = FxHashSet::default();

    // Statements directly in a coroutine's body whose whole value is the wait.
    for suite in semantic.coroutine_suites() {
        for stmt in suite.body {
            let Some(Expr::Call(call)) = awaited_value(stmt) else {
                continue;
            };
            if !is_wait_for(semantic, &call.func, suite.scope) {
                continue;
            }
            statements.insert(call.start());
            report_statement(ctx, out, stmt, call);
        }
    }

    // Any other `wait_for` that runs in a coroutine: reported only.
    for site in &semantic.calls {
        if statements.contains(&site.call.start())
            || !is_wait_for(semantic, &site.call.func, site.scope)
            || !semantic.runs_in_coroutine(site.scope)
        {
            continue;
        }
        out.report(&WAIT_FOR_TO_TIMEOUT, site.call.range(), MESSAGE)
            .note("part of a larger expression: only a statement whose whole value is `await asyncio.wait_for(…)` can become an `async with` block");
    }
}

fn report_statement(ctx: &Context, out: &mut Findings, stmt: &Stmt, call: &ast::ExprCall) {
    let finding = out.report(&WAIT_FOR_TO_TIMEOUT, call.range(), MESSAGE);
    let Some((awaitable, timeout)) = wait_for_arguments(call) else {
        finding.note("only `wait_for(aw, t)` and `wait_for(aw, timeout=t)` are rewritten");
        return;
    };
    if let Err(reason) = rewrite_keeps_meaning(ctx, awaitable, timeout) {
        finding.note(reason);
        return;
    }
    if timeout.is_none_literal_expr() {
        // `wait_for(aw, None)` waits without a timeout: that is `await aw`.
        finding.fix_with(Applicability::Safe, |fix| {
            let around = [
                TextRange::new(call.start(), awaitable.start()),
                TextRange::new(awaitable.end(), call.end()),
            ];
            if around
                .iter()
                .any(|range| contains_comment(ctx.tokens, *range))
            {
                anyhow::bail!("a comment outside the awaitable would be lost");
            }
            fix.title("Await it directly: a timeout of `None` is no timeout");
            fix.replace(call.range(), &ctx.source[awaitable.range()]);
            fix.remove_import_if_unused(&call.func);
            Ok(())
        });
        return;
    }
    finding.fix_with(Applicability::Safe, |fix| {
        let timeout_fn = fix.ensure_import("asyncio", "timeout")?;
        fix.title(format!("Use `async with {timeout_fn}(…)`"));
        let header = header_lines(ctx, stmt, &timeout_fn, &ctx.source[timeout.range()]);
        for edit in wrap_statement_hoisting(ctx, stmt, &header, call.range(), awaitable.range())? {
            fix.edit(edit);
        }
        fix.remove_import_if_unused(&call.func);
        Ok(())
    });
}

/// The awaited expression of a statement whose whole value is `await X`:
/// `await X`, `a = await X`, `a: T = await X`, `a += await X`, `return await X`.
fn awaited_value(stmt: &Stmt) -> Option<&Expr> {
    match statement_value(stmt)? {
        Expr::Await(awaited) => Some(&awaited.value),
        _ => None,
    }
}

/// Whether `func` is `asyncio.wait_for`, under any import spelling.
fn is_wait_for(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> bool {
    semantic.refers_to(func, scope, "asyncio.wait_for")
        || semantic.refers_to(func, scope, "asyncio.tasks.wait_for")
}

/// `(aw, t)` of `wait_for(aw, t)` or `wait_for(aw, timeout=t)` (the first
/// parameter is called `fut`, which `fut=aw` may name).
fn wait_for_arguments(call: &ast::ExprCall) -> Option<(&Expr, &Expr)> {
    let arguments = &call.arguments;
    if arguments.len() != 2
        || arguments.args.iter().any(Expr::is_starred_expr)
        || arguments
            .keywords
            .iter()
            .any(|k| !matches!(k.arg.as_deref(), Some("fut" | "timeout")))
    {
        return None;
    }
    let awaitable = arguments.find_argument_value("fut", 0)?;
    let timeout = arguments.find_argument_value("timeout", 1)?;
    // `wait_for(timeout=t, fut=aw)` evaluates `t` first: fine, but rare
    // enough that only the usual orders are taken.
    (awaitable.start() < timeout.start()).then_some((awaitable, timeout))
}

/// Whether `async with timeout(t): … await aw` means what `await
/// wait_for(aw, t)` meant (see Fix safety); the reason when it may not.
fn rewrite_keeps_meaning(ctx: &Context, awaitable: &Expr, timeout: &Expr) -> Result<(), String> {
    // What evaluating `aw` runs before the awaitable exists: its callee and
    // arguments (the call itself only creates the coroutine).
    let (callee, arguments): (&Expr, Vec<&Expr>) = match awaitable {
        Expr::Call(call) => {
            if call.arguments.keywords.iter().any(|k| k.arg.is_none()) {
                return Err("the awaited call unpacks `**` arguments".to_string());
            }
            let arguments = call
                .arguments
                .args
                .iter()
                .chain(call.arguments.keywords.iter().map(|k| &k.value))
                .collect();
            (&call.func, arguments)
        }
        Expr::Name(_) | Expr::Attribute(_) => (awaitable, Vec::new()),
        _ => {
            return Err("the awaited expression is not a call, a name or an attribute".to_string());
        }
    };
    if any_over_expr(awaitable, |e| {
        matches!(
            e,
            Expr::Await(_) | Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Named(_)
        )
    }) {
        return Err(
            "the awaited expression holds an `await`, `yield` or `:=`, which would move under the deadline or change order"
                .to_string(),
        );
    }
    if is_non_positive_literal(timeout) {
        return Err(
            "a timeout of zero or less: `wait_for` cancels the awaitable before it starts, `timeout()` lets it run to its first suspension"
                .to_string(),
        );
    }
    if ctx.source[timeout.range()].contains(['\n', '\r']) {
        return Err("the timeout spans several lines".to_string());
    }
    // `t` now runs before `aw`: fine when one of them cannot run code.
    let commutes = is_constant_expression(timeout)
        || (!has_effect(timeout)
            && !has_effect(callee)
            && !arguments.iter().any(|e| has_effect(e)))
        || (is_name_chain(callee) && arguments.iter().all(|e| is_constant_expression(e)));
    if !commutes {
        return Err(
            "the timeout would now be evaluated before the awaitable, and both run code"
                .to_string(),
        );
    }
    Ok(())
}

/// A literal number or a boolean that is zero or less (`0`, `0.0`, `-1`, `False`, `True`).
fn is_non_positive_literal(expr: &Expr) -> bool {
    match expr {
        Expr::BooleanLiteral(_) => true,
        Expr::NumberLiteral(number) => match &number.value {
            Number::Int(int) => *int == ast::Int::ZERO,
            Number::Float(float) => *float <= 0.0,
            Number::Complex { .. } => false,
        },
        Expr::UnaryOp(unary) if unary.op == UnaryOp::USub => {
            matches!(unary.operand.as_ref(), Expr::NumberLiteral(_))
        }
        _ => false,
    }
}

/// Literals and arithmetic on them: evaluating it can neither run code nor
/// see anything another expression changes.
fn is_constant_expression(expr: &Expr) -> bool {
    match expr {
        Expr::NumberLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::EllipsisLiteral(_) => true,
        Expr::UnaryOp(unary) => is_constant_expression(&unary.operand),
        Expr::BinOp(binary) => {
            is_constant_expression(&binary.left) && is_constant_expression(&binary.right)
        }
        _ => false,
    }
}

/// Whether evaluating `expr` may run code: a call, an await, a yield, a
/// comprehension, an f-string, an unpacking or an assignment expression
/// anywhere in it.
fn has_effect(expr: &Expr) -> bool {
    any_over_expr(expr, |e| {
        matches!(
            e,
            Expr::Call(_)
                | Expr::Await(_)
                | Expr::Yield(_)
                | Expr::YieldFrom(_)
                | Expr::Named(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
                | Expr::Generator(_)
                | Expr::FString(_)
                | Expr::TString(_)
                | Expr::Starred(_)
        )
    })
}

/// `name` or `name.attr.attr`.
fn is_name_chain(expr: &Expr) -> bool {
    match expr {
        Expr::Name(_) => true,
        Expr::Attribute(attribute) => is_name_chain(&attribute.value),
        _ => false,
    }
}

/// `async with asyncio.timeout(t):`, broken over three lines as black would
/// when it does not fit the line length.
fn header_lines(ctx: &Context, stmt: &Stmt, timeout_fn: &str, timeout: &str) -> Vec<String> {
    let single = format!("async with {timeout_fn}({timeout}):");
    let indent = indentation_at(ctx.source, stmt.start());
    if indent.chars().count() + single.chars().count() <= ctx.settings.line_length {
        return vec![single];
    }
    let unit = indent_unit(ctx.source, ctx.tokens);
    vec![
        format!("async with {timeout_fn}("),
        format!("{unit}{timeout}"),
        "):".to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::WAIT_FOR_TO_TIMEOUT;
    use crate::test_support::{check_finding, check_fix, check_no_fix, findings};

    const MESSAGE: &str = super::MESSAGE;

    #[test]
    fn expression_statement() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(event):\n    await asyncio.wait_for(event.wait(), 1.5)\n",
            "import asyncio\n\nasync def f(event):\n    async with asyncio.timeout(1.5):\n        await event.wait()\n",
        );
    }

    #[test]
    fn return_with_keyword_timeout_and_alias() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio as aio\n\nasync def f(q, limit):\n    return await aio.wait_for(q.get(), timeout=limit)\n",
            "import asyncio as aio\n\nasync def f(q, limit):\n    async with aio.timeout(limit):\n        return await q.get()\n",
        );
    }

    #[test]
    fn annotated_and_augmented_assignments() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(r, total):\n    line: bytes = await asyncio.wait_for(r.readline(), 3)\n    total += await asyncio.wait_for(r.count(), 3)\n    return line, total\n",
            "import asyncio\n\nasync def f(r, total):\n    async with asyncio.timeout(3):\n        line: bytes = await r.readline()\n    async with asyncio.timeout(3):\n        total += await r.count()\n    return line, total\n",
        );
    }

    #[test]
    fn from_import_is_replaced_by_module_import() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "from asyncio import wait_for\n\nasync def f(job):\n    await wait_for(job(), 2)\n",
            "import asyncio\n\nasync def f(job):\n    async with asyncio.timeout(2):\n        await job()\n",
        );
    }

    #[test]
    fn parameter_named_timeout_is_fine() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(conn, timeout):\n    data = await asyncio.wait_for(conn.recv(1024), timeout)\n    return data\n",
            "import asyncio\n\nasync def f(conn, timeout):\n    async with asyncio.timeout(timeout):\n        data = await conn.recv(1024)\n    return data\n",
        );
    }

    #[test]
    fn long_header_is_broken_over_lines() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(c, settings):\n    await asyncio.wait_for(c.go(), settings.network.timeouts.per_request_seconds_when_retrying)\n",
            "import asyncio\n\nasync def f(c, settings):\n    async with asyncio.timeout(\n        settings.network.timeouts.per_request_seconds_when_retrying\n    ):\n        await c.go()\n",
        );
    }

    #[test]
    fn larger_expression_is_reported_not_fixed() {
        check_finding(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(a, b):\n    return await asyncio.gather(asyncio.wait_for(a(), 1), b())\n",
            MESSAGE,
        );
    }

    #[test]
    fn condition_is_reported_not_fixed() {
        check_finding(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(lock):\n    if await asyncio.wait_for(lock.acquire(), 1):\n        lock.release()\n",
            MESSAGE,
        );
    }

    #[test]
    fn none_timeout_becomes_a_plain_await() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(fut, sender):\n    await asyncio.wait_for(fut, None)\n    result = await asyncio.wait_for(sender.run(), timeout=None)\n    return result\n",
            "async def f(fut, sender):\n    await fut\n    result = await sender.run()\n    return result\n",
        );
    }

    #[test]
    fn zero_timeout_is_left_alone() {
        check_finding(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(fut):\n    await asyncio.wait_for(fut(), 0)\n    await asyncio.wait_for(fut(), -1)\n",
            MESSAGE,
        );
    }

    #[test]
    fn order_of_effects_is_kept() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(c, budget):\n    await asyncio.wait_for(c.fetch(next_url()), budget.take())\n",
        );
    }

    #[test]
    fn inner_await_is_left_alone() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(c):\n    await asyncio.wait_for(c.send(await c.prepare()), 5)\n",
        );
    }

    #[test]
    fn shadowed_wait_for_is_not_asyncio() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "from asyncio import wait_for\n\nasync def f(wait_for, job):\n    await wait_for(job(), 2)\n",
        );
    }

    #[test]
    fn other_library_wait_for_is_not_asyncio() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "from selenium_helpers import wait_for\n\nasync def f(page):\n    await wait_for(page.ready(), 2)\n",
        );
    }

    #[test]
    fn one_line_block_is_reported_not_fixed() {
        check_finding(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(e, ready):\n    if ready: await asyncio.wait_for(e.wait(), 1)\n",
            MESSAGE,
        );
    }

    #[test]
    fn unusual_arguments_are_left_alone() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(args, e):\n    await asyncio.wait_for(*args)\n    await asyncio.wait_for(e.wait(), timeout=1, loop=None)\n",
        );
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(e):\n    await asyncio.wait_for(e.wait(), 1)  # noqa: AM003\n",
        );
    }

    #[test]
    fn older_target_does_nothing() {
        let source = "import asyncio\n\nasync def f(e):\n    await asyncio.wait_for(e.wait(), 1)\n";
        let mut rules = crate::settings::RuleSettings::for_codemods(&[&WAIT_FOR_TO_TIMEOUT]);
        rules.target_version = crate::version::PyVersion::PY310;
        let outcome =
            crate::engine::process_source(source, &rules, crate::engine::Mode::Fix).unwrap();
        assert!(outcome.fixed.is_none() && outcome.reports.is_empty());
    }

    #[test]
    fn sync_code_is_not_reported() {
        let source = "import asyncio\n\ndef main(loop):\n    loop.run_until_complete(asyncio.wait_for(work(), 5))\n";
        assert!(findings(&WAIT_FOR_TO_TIMEOUT, source).is_empty());
    }
}
