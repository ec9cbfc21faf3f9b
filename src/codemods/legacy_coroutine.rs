use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{self, Visitor};

use crate::codemods::prelude::*;
use crate::fix::layout::is_alone_on_lines;
use crate::fix::statements::{Comments, delete_lines};
use crate::fix::syntax::{needs_parentheses_after_await, significant_after};
use crate::semantic::coroutines::NonCoroutineUse;
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
    /// when every operand surely gives back something awaitable, as the
    /// semantic layer's coroutine oracle shows it (a coroutine of the
    /// module, another `@asyncio.coroutine`, a plain `def` that returns one,
    /// asyncio's coroutine functions, asyncio's future and task makers such
    /// as `gather`); otherwise it is unsafe (a name that only says "future"
    /// is not enough: `executor.submit()` makes a `concurrent.futures`
    /// future, which neither accepts). Removing the decorator from an
    /// `async def` is safe (it returned such functions unchanged) when what
    /// it decorates is that `async def` itself: no decorator between them,
    /// or only ones known to return the function they get
    /// (`functools.wraps(…)`, `typing.override`, `typing.final`).
    ///
    /// Converting is only done when the module uses the function as a
    /// coroutine function and nothing else: every use of its name (of any
    /// attribute of its name, for a method) is a call that is awaited,
    /// `yield from`-ed inside a legacy coroutine, or handed to asyncio
    /// (`ensure_future`, `create_task`, `gather`, `wait`, `wait_for`,
    /// `shield`, `run`, `run_until_complete`), which run a generator-based
    /// coroutine and a native one alike. With a project index, a method
    /// that a class of another module of the project may override with
    /// anything but an `async def` is left alone (an override that is a
    /// plain `def` may `yield from super().load()`, which a native
    /// coroutine refuses). Where another module of the project may reach
    /// the function (it reads the function's name, or that of the class
    /// or function holding it), that module may also drive it as a
    /// generator (`yield from lib.fetch()` in a plain generator, `next()`
    /// on it), which a native coroutine refuses with `TypeError` at once:
    /// the fix is unsafe there. Without a project index, what stays
    /// assumed is that no other module drives it as a generator.
    ///
    /// ## Left alone
    /// A body with a bare `yield` or `yield value`: a generator that is also
    /// a coroutine cannot become `async def` mechanically (reported). A
    /// decorated function with no `yield` at all: the decorator awaited
    /// whatever it returned, which `async def` would not (reported). A
    /// function the module drives as a generator (`next(f())`, `for x in
    /// f()`, `yield from f()` in a plain generator or a nested `def`,
    /// `.send`, a call whose result is kept for later), uses as a value
    /// (`inspect.isgeneratorfunction(f)`, `asyncio.iscoroutinefunction(f)`,
    /// `anyio.run(f)`, `tg.start_soon(f)`, rebinding it), or decorates with
    /// anything but `staticmethod`, `classmethod`, `functools.wraps(…)`,
    /// `typing.override` or `typing.final` (the decorator would receive an
    /// `async def` where it got a generator function); a `def` or `async
    /// def` with a decorator between it and `@asyncio.coroutine` other than
    /// `functools.wraps(…)`, `typing.override` or `typing.final`:
    /// `asyncio.coroutine` decorated what that one returned (a plain
    /// wrapper it made a coroutine function, so `await f()` worked and
    /// `iscoroutinefunction(f)` was true), which removing it would
    /// silently change; a module that
    /// inspects generator objects (`gi_frame`, `gi_running`, `gi_yieldfrom`,
    /// also through `getattr`, `inspect.isgenerator`, `inspect.iscoroutine`,
    /// `types.GeneratorType`), which a native coroutine would not pass: all
    /// reported. A `yield` or `yield from` inside a comprehension or
    /// generator expression of the body (Python 3.7 accepted it, with a
    /// warning; it stays a `yield` there, which an `async def` cannot hold):
    /// reported. `yield from` in nested functions and lambdas;
    /// `types.coroutine`, which still exists; the decorator used as a call.
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
        // The decorators below it run first: `asyncio.coroutine` received
        // what they returned. Only one known to return the function itself
        // leaves it decorating the `def`; a plain wrapper it made into a
        // coroutine function (its result awaited, `iscoroutinefunction`
        // true), which removing it would silently undo.
        let below_returns_the_function = def
            .decorator_list
            .iter()
            .skip_while(|d| !std::ptr::eq(*d, *decorator))
            .skip(1)
            .all(|d| semantic.returns_decorated_function(d, outer));
        if !below_returns_the_function {
            finding.note(
                "a decorator below it may return something else than the function (a plain wrapper), which `asyncio.coroutine` made a coroutine function: without it, awaiting a call or `iscoroutinefunction` may change",
            );
            continue;
        }
        if def.is_async {
            finding.fix_with(Applicability::Safe, |fix| {
                fix.title("Remove the decorator");
                fix.edit(delete_lines(
                    ctx.source,
                    decorator.range(),
                    Comments::KeepTrailingNote,
                ));
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
        // A `yield` in a comprehension or generator expression of the body
        // (Python 3.7 accepted it; a generator expression's `yield` is its
        // own) stays a `yield`, and an `async def` cannot hold it.
        let in_comprehension = |expr: &&Expr| {
            let scope = semantic.scope_at(expr.start());
            scope != id && semantic.beyond_comprehensions(scope) == id
        };
        if yields
            .yields
            .iter()
            .chain(&yields.yield_froms)
            .any(in_comprehension)
        {
            finding.note(
                "a `yield` inside a comprehension or generator expression of its body: it cannot become `await`, and an `async def` cannot hold it",
            );
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
        let other_decorator = def.decorator_list.iter().any(|d| {
            !std::ptr::eq(d, *decorator) && !semantic.keeps_coroutine_function_decorator(d, outer)
        });
        if other_decorator {
            finding.note(
                "another decorator receives the function: it would get an `async def` instead of a generator function",
            );
            continue;
        }
        if semantic.project_may_override_method(def) {
            finding.note(
                "a class of another module of the project may override the method with something else than an `async def`, which may drive the inherited method as a generator (`yield from super().load()` in a plain `def`): a coroutine refuses that",
            );
            continue;
        }
        if let Some(use_) = semantic.non_coroutine_use(def) {
            finding.note(match use_ {
                NonCoroutineUse::Call(_) => {
                    "the module calls it without awaiting the call: it may drive it as a generator (`next()`, iteration, `yield from` in a plain generator)"
                }
                NonCoroutineUse::Value(_) => {
                    "the module uses the function other than by calling it (passed on, inspected, rebound): an `async def` may not behave the same there"
                }
                NonCoroutineUse::Inspection(_) => {
                    "the module inspects generator objects (`gi_frame`, `inspect.isgenerator`, …), which a coroutine would not pass"
                }
            });
            continue;
        }
        let all_awaitable = yield_froms.iter().all(|yf| match yf.value.as_ref() {
            Expr::Call(call) => semantic.surely_awaitable(call, id),
            _ => false,
        });
        // Another module of the project may drive it as a generator
        // (`yield from lib.fetch()` in a plain generator, `next(...)`), which
        // a native coroutine refuses at once with `TypeError`.
        let applicability = if all_awaitable && !semantic.others_may_reach(def) {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        finding.fix_with(applicability, |fix| {
            fix.title("Convert to `async def` with `await`");
            fix.edit(delete_lines(
                ctx.source,
                decorator.range(),
                Comments::KeepTrailingNote,
            ));
            fix.remove_import_if_unused(&decorator.expression);
            let last_decorator = def.decorator_list.last().map_or(def.start(), Ranged::end);
            // After the last decorator's line break: `def`.
            let keyword = crate::fix::syntax::tokens_overlapping(
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
    use crate::test_support::{check_finding, check_fix, check_no_fix, check_safe_fix, reasons};

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
    fn yield_in_a_comprehension_is_left_alone() {
        for body in [
            "    x = [(yield from asyncio.sleep(0)) for v in y]\n    yield from asyncio.sleep(0)\n",
            "    x = list((yield v) for v in y)\n    yield from asyncio.sleep(0)\n",
            "    x = {k: [(yield) for v in w] for k in y}\n    yield from asyncio.sleep(0)\n",
        ] {
            let source = format!("import asyncio\n@asyncio.coroutine\ndef f(y):\n{body}");
            check_no_fix(&LEGACY_COROUTINE, &source);
            assert!(
                reasons(&LEGACY_COROUTINE, &source)
                    .iter()
                    .any(|r| r.contains("inside a comprehension")),
                "{source}"
            );
        }
        // The first iterable runs in the function itself: it becomes `await`.
        check_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f(y):\n    return [v for v in (yield from asyncio.sleep(0, y))]\n",
            "import asyncio\nasync def f(y):\n    return [v for v in (await asyncio.sleep(0, y))]\n",
        );
        // A comprehension's lambda has a `yield` of its own.
        check_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f(y):\n    g = [lambda: (yield v) for v in y]\n    yield from asyncio.sleep(0)\n",
            "import asyncio\nasync def f(y):\n    g = [lambda: (yield v) for v in y]\n    await asyncio.sleep(0)\n",
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

    #[test]
    fn functions_the_module_drives_as_generators_are_left_alone() {
        let legacy =
            "import asyncio\n@asyncio.coroutine\ndef f():\n    yield from asyncio.sleep(0)\n";
        for uses in [
            "next(f())\n",
            "for step in f():\n    pass\n",
            "def driver():\n    yield from f()\n",
            "import inspect\ninspect.isgeneratorfunction(f)\n",
            "anyio.run(f)\n",
            "print(getattr(task.get_coro(), 'gi_running', None))\n",
        ] {
            check_finding(
                &LEGACY_COROUTINE,
                &format!("{legacy}{uses}"),
                "`@asyncio.coroutine` was removed in Python 3.11",
            );
        }
    }

    #[test]
    fn uses_as_a_coroutine_still_convert() {
        check_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f():\n    yield from asyncio.sleep(0)\nasync def main():\n    await f()\n    await asyncio.gather(f())\nloop.run_until_complete(f())\n",
            "import asyncio\nasync def f():\n    await asyncio.sleep(0)\nasync def main():\n    await f()\n    await asyncio.gather(f())\nloop.run_until_complete(f())\n",
        );
    }

    #[test]
    fn a_decorator_below_it_keeps_it() {
        // `asyncio.coroutine` decorated the plain wrapper `logged` returned:
        // it made that a coroutine function, whose result was awaited.
        for def in ["async def", "def"] {
            let source = format!(
                "import asyncio\n\ndef logged(fn):\n    def wrapper(*args):\n        return fn(*args)\n    return wrapper\n\n@asyncio.coroutine\n@logged\n{def} handler(x):\n    yield from asyncio.sleep(0)\n    return x\n"
            )
            .replace(
                "async def handler(x):\n    yield from",
                "async def handler(x):\n    await",
            );
            let reasons = reasons(&LEGACY_COROUTINE, &source);
            assert!(
                reasons
                    .iter()
                    .any(|r| r.contains("a decorator below it may return something else")),
                "{def}: {reasons:?}"
            );
        }
        // One known to return the function itself leaves it decorating it.
        check_safe_fix(
            &LEGACY_COROUTINE,
            "import asyncio\nimport functools\n\n@asyncio.coroutine\n@functools.wraps(other)\nasync def handler(x):\n    return x\n",
            "import functools\n\n@functools.wraps(other)\nasync def handler(x):\n    return x\n",
        );
        // `staticmethod` below it returns a descriptor, not the function.
        check_no_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n\nclass C:\n    @asyncio.coroutine\n    @staticmethod\n    async def run(q):\n        return q\n",
        );
    }

    #[test]
    fn another_decorator_is_left_alone() {
        check_finding(
            &LEGACY_COROUTINE,
            "import asyncio\n@trace\n@asyncio.coroutine\ndef f():\n    yield from asyncio.sleep(0)\n",
            "`@asyncio.coroutine` was removed in Python 3.11",
        );
    }

    #[test]
    fn operands_named_like_futures_are_not_surely_awaitable() {
        // `get_future_list()` may return a list, which `yield from` iterates
        // and `await` rejects: unsafe, not safe.
        crate::test_support::check_unsafe_fix(
            &LEGACY_COROUTINE,
            "import asyncio\n@asyncio.coroutine\ndef f():\n    yield from get_future_list()\n",
            "async def f():\n    await get_future_list()\n",
        );
        crate::test_support::check_safe_fix(
            &LEGACY_COROUTINE,
            "import asyncio\nasync def native():\n    pass\ndef make():\n    return native()\n@asyncio.coroutine\ndef f():\n    yield from make()\n    yield from asyncio.gather(native())\n",
            "import asyncio\nasync def native():\n    pass\ndef make():\n    return native()\nasync def f():\n    await make()\n    await asyncio.gather(native())\n",
        );
    }
}
