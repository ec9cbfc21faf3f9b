use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{self, Visitor};

use crate::codemods::prelude::*;
use crate::codemods::support::{
    defined_function, defined_method, needs_parentheses_after_await, significant_after,
};
use crate::fix::layout::{delete_lines_keeping_comment, is_alone_on_lines};
use crate::semantic::{ScopeId, ScopeNode, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Turns a generator-based coroutine, a `def` decorated with
    /// `@asyncio.coroutine` whose body uses `yield from`, into an
    /// `async def`: the decorator goes, `def` becomes `async def` and each
    /// `yield from X` of its own body becomes `await X`. An `async def`
    /// that still carries the decorator just loses it.
    ///
    /// ## Why
    /// `@asyncio.coroutine` was deprecated in Python 3.8 and removed in 3.11:
    /// the module no longer imports (`AttributeError`). Native coroutines
    /// are also faster and clearer about what is awaited.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// @asyncio.coroutine
    /// def worker(queue):
    ///     item = yield from queue.get()
    ///     yield from asyncio.sleep(1)
    ///     return item
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def worker(queue):
    ///     item = await queue.get()
    ///     await asyncio.sleep(1)
    ///     return item
    /// ```
    ///
    /// ## Fix safety
    /// `await X` and `yield from X` mean the same when `X` is awaitable (a
    /// coroutine, a task or a future), but `yield from` a plain generator or
    /// iterable runs it while `await` raises `TypeError`. The fix is safe
    /// when every operand is a call of asyncio's coroutine functions
    /// (`asyncio.sleep`, `wait_for`, `gather`, …) or of a coroutine defined
    /// in the module (an `async def` or another `@asyncio.coroutine`,
    /// also as `self.method()`); otherwise it is unsafe. Other decorators
    /// on the function now receive an `async def` function instead of the
    /// wrapped generator function. Removing the decorator from an
    /// `async def` is safe (it returned such functions unchanged).
    ///
    /// ## Left alone
    /// A body with a bare `yield` or `yield value`: a generator that is also
    /// a coroutine cannot become `async def` mechanically (reported). A
    /// decorated function with no `yield` at all: the decorator awaited
    /// whatever it returned, which `async def` would not (reported).
    /// `yield from` in nested functions and lambdas; `types.coroutine`,
    /// which still exists; the decorator used as a call.
    pub static LEGACY_COROUTINE = Codemod {
        code: "AM202",
        name: "legacy-coroutine",
        min_python: PyVersion::PY35,
        safety: Applicability::Unsafe,
        run: legacy_coroutine,
        needles: &["coroutine"],
        requires: &["asyncio"],
    };
}

/// asyncio's functions whose result is always awaitable.
const ASYNCIO_AWAITABLES: &[&str] = &[
    "sleep",
    "wait_for",
    "wait",
    "gather",
    "shield",
    "ensure_future",
    "create_task",
    "open_connection",
    "start_server",
    "open_unix_connection",
    "start_unix_server",
    "create_subprocess_exec",
    "create_subprocess_shell",
    "wrap_future",
    "to_thread",
];

fn legacy_coroutine(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for (id, scope) in semantic.scopes.iter().enumerate() {
        let ScopeNode::Function(def) = scope.node else {
            continue;
        };
        let id = id as ScopeId;
        let outer = semantic.scope_at(def.start());
        let decorators: Vec<&ast::Decorator> = def
            .decorator_list
            .iter()
            .filter(|d| is_asyncio_coroutine(semantic, &d.expression, outer))
            .collect();
        let [decorator] = decorators.as_slice() else {
            continue;
        };
        let finding = out.report(
            &LEGACY_COROUTINE,
            decorator.range(),
            "`@asyncio.coroutine` was removed in Python 3.11",
        );
        if !is_alone_on_lines(ctx.source, decorator.range()) {
            finding.note("the decorator shares its line with other code");
            continue;
        }
        if def.is_async {
            finding.fix_with(Applicability::Safe, |fix| {
                fix.title("Remove the decorator");
                fix.edit(delete_lines_keeping_comment(ctx.source, decorator.range()));
                fix.remove_import_if_unused(&decorator.expression);
                Ok(())
            });
            continue;
        }
        let mut yields = OwnYields::default();
        yields.visit_body(&def.body);
        let own = |expr: &Expr| semantic.scope_at(expr.start()) == id;
        if yields.yields.iter().any(|expr| own(expr)) {
            finding.note("the body also has a bare `yield`: a generator, not only a coroutine");
            continue;
        }
        let yield_froms: Vec<&ast::ExprYieldFrom> = yields
            .yield_froms
            .iter()
            .filter(|expr| own(expr))
            .filter_map(|expr| expr.as_yield_from_expr())
            .collect();
        if yield_froms.is_empty() {
            finding.note(
                "not a generator: the decorator awaited whatever the function returned, which `async def` would not",
            );
            continue;
        }
        let all_awaitable = yield_froms
            .iter()
            .all(|yf| is_known_awaitable(semantic, &yf.value, id));
        let applicability = if all_awaitable {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        finding.fix_with(applicability, |fix| {
            fix.title("Convert to `async def` with `await`");
            fix.edit(delete_lines_keeping_comment(ctx.source, decorator.range()));
            fix.remove_import_if_unused(&decorator.expression);
            let last_decorator = def.decorator_list.last().map_or(def.start(), Ranged::end);
            // After the last decorator's line break: `def`.
            let keyword = crate::fix::layout::tokens_overlapping(
                ctx.tokens,
                TextRange::new(last_decorator, def.end()),
            )
            .iter()
            .find(|t| !t.kind().is_trivia() && t.kind() != TokenKind::Newline)
            .filter(|t| t.kind() == TokenKind::Def);
            let Some(keyword) = keyword else {
                anyhow::bail!("cannot find the `def` keyword");
            };
            fix.insert(keyword.start(), "async ");
            for yield_from in &yield_froms {
                rewrite_yield_from(ctx, fix, yield_from)?;
            }
            Ok(())
        });
    }
}

/// `yield from X` → `await X`, with `X` parenthesized when `await` would
/// bind tighter than it (`yield from a or b` → `await (a or b)`).
fn rewrite_yield_from(
    ctx: &Context,
    fix: &mut crate::fix::FixBuilder,
    yield_from: &ast::ExprYieldFrom,
) -> anyhow::Result<()> {
    let yield_token = significant_after(ctx.tokens, yield_from.start())
        .filter(|t| t.kind() == TokenKind::Yield && t.start() == yield_from.start());
    let Some(yield_token) = yield_token else {
        anyhow::bail!("cannot find the `yield` keyword");
    };
    let Some(from_token) =
        significant_after(ctx.tokens, yield_token.end()).filter(|t| t.kind() == TokenKind::From)
    else {
        anyhow::bail!("cannot find the `from` keyword");
    };
    fix.replace(
        TextRange::new(yield_token.start(), from_token.end()),
        "await",
    );
    let value = yield_from.value.as_ref();
    let parenthesized = significant_after(ctx.tokens, from_token.end())
        .is_some_and(|t| t.kind() == TokenKind::Lpar && t.start() < value.start());
    if !parenthesized && needs_parentheses_after_await(value) {
        fix.insert(value.start(), "(");
        fix.insert(value.end(), ")");
    }
    Ok(())
}

/// Whether `func` is `asyncio.coroutine`, under any import spelling.
fn is_asyncio_coroutine(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> bool {
    semantic.refers_to(func, scope, "asyncio.coroutine")
        || semantic.refers_to(func, scope, "asyncio.coroutines.coroutine")
}

/// Whether the operand of a `yield from` is surely awaitable: a call of one
/// of asyncio's coroutine functions, or of a coroutine the module defines.
fn is_known_awaitable(semantic: &SemanticModel, value: &Expr, scope: ScopeId) -> bool {
    let Expr::Call(call) = value else {
        return false;
    };
    let is_asyncio = semantic.qualified_name(&call.func, scope).is_some_and(|q| {
        q.segments().count() == 2
            && q.module() == "asyncio"
            && ASYNCIO_AWAITABLES.contains(&q.member())
    });
    if is_asyncio {
        return true;
    }
    let defined = match call.func.as_ref() {
        Expr::Name(name) => defined_function(semantic, name.id.as_str(), scope),
        func => defined_method(semantic, func, scope),
    };
    defined.is_some_and(|def| {
        def.is_async || {
            let outer = semantic.scope_at(def.start());
            def.decorator_list
                .iter()
                .any(|d| is_asyncio_coroutine(semantic, &d.expression, outer))
        }
    })
}

/// Every `yield` and `yield from` under a body, nested scopes included (the
/// caller keeps those of the function's own scope).
#[derive(Default)]
struct OwnYields<'a> {
    yields: Vec<&'a Expr>,
    yield_froms: Vec<&'a Expr>,
}

impl<'a> Visitor<'a> for OwnYields<'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Yield(_) => self.yields.push(expr),
            Expr::YieldFrom(_) => self.yield_froms.push(expr),
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::LEGACY_COROUTINE;
    use crate::test_support::{check_finding, check_fix, check_no_fix};

    #[test]
    fn converts_and_removes_the_import() {
        check_fix(
            &LEGACY_COROUTINE,
            "from asyncio import coroutine, sleep\n\n\n@coroutine\ndef f():\n    yield from sleep(1)\n",
            "from asyncio import sleep\n\n\nasync def f():\n    await sleep(1)\n",
        );
    }

    #[test]
    fn keeps_other_decorators_and_comments() {
        check_fix(
            &LEGACY_COROUTINE,
            "import asyncio\nclass C:\n    # the worker\n    @staticmethod\n    @asyncio.coroutine  # legacy\n    def run(q):\n        x = yield from q.get()\n        return (yield from q.put(x))\n",
            "class C:\n    # the worker\n    @staticmethod\n    # legacy\n    async def run(q):\n        x = await q.get()\n        return (await q.put(x))\n",
        );
    }

    #[test]
    fn parenthesizes_low_precedence_operands() {
        check_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f(a, b, c):\n    x = yield from a if c else b\n    y = yield from (a or b)\n    yield from a.b[0]()\n",
            "async def f(a, b, c):\n    x = await (a if c else b)\n    y = await (a or b)\n    await a.b[0]()\n",
        );
    }

    #[test]
    fn async_def_just_loses_the_decorator() {
        check_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n\n@asyncio.coroutine\nasync def f():\n    await asyncio.sleep(1)\n",
            "import asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n",
        );
    }

    #[test]
    fn bare_yield_is_left_alone() {
        check_finding(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f():\n    yield\n    yield from g()\n",
            "`@asyncio.coroutine` was removed in Python 3.11",
        );
    }

    #[test]
    fn non_generator_is_left_alone() {
        check_finding(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f():\n    return make_future()\n",
            "`@asyncio.coroutine` was removed in Python 3.11",
        );
    }

    #[test]
    fn nested_defs_and_lambdas_are_not_the_body() {
        check_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f():\n    def g():\n        yield 1\n    h = lambda: (yield from g())\n    yield from asyncio.sleep(0)\n",
            "import asyncio\nasync def f():\n    def g():\n        yield 1\n    h = lambda: (yield from g())\n    await asyncio.sleep(0)\n",
        );
    }

    #[test]
    fn yield_only_in_nested_def_is_not_a_generator() {
        check_no_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f():\n    def g():\n        yield from h()\n    return g()\n",
        );
    }

    #[test]
    fn types_coroutine_and_other_decorators_are_left_alone() {
        check_no_fix(
            &LEGACY_COROUTINE,
            "import types\nimport trio\n@types.coroutine\ndef f():\n    yield from g()\n@trio.coroutine\ndef h():\n    yield from g()\n",
        );
    }

    #[test]
    fn shadowed_asyncio_is_left_alone() {
        check_no_fix(
            &LEGACY_COROUTINE,
            "import asyncio\nclass asyncio:\n    coroutine = staticmethod(lambda f: f)\n@asyncio.coroutine\ndef f():\n    yield from g()\n",
        );
    }

    #[test]
    fn decorator_as_a_call_is_left_alone() {
        check_no_fix(
            &LEGACY_COROUTINE,
            "import asyncio\ndef f():\n    yield from g()\nf = asyncio.coroutine(f)\n",
        );
    }

    #[test]
    fn yield_from_after_a_dedent() {
        check_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f(q):\n    while True:\n        try:\n            yield from q.get()\n        finally:\n            q.done()\n        yield from asyncio.sleep(0)\n",
            "import asyncio\nasync def f(q):\n    while True:\n        try:\n            await q.get()\n        finally:\n            q.done()\n        await asyncio.sleep(0)\n",
        );
    }

    #[test]
    fn two_decorators_of_asyncio_are_left_alone() {
        check_no_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\n@asyncio.coroutine\ndef f():\n    yield from asyncio.sleep(0)\n",
        );
    }
}
