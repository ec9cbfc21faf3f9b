use crate::codemods::prelude::*;
use crate::fix::syntax::contains_comment;
use crate::semantic::coroutines::CallResult;
use crate::semantic::patches::StandIn;

declare_codemod! {
    /// ## What it does
    /// Turns `asyncio.ensure_future(call())` inside a coroutine into
    /// `asyncio.create_task(call())` when the argument is a call that
    /// returns a coroutine.
    ///
    /// ## Why
    /// `ensure_future` accepts a coroutine, a future or any awaitable and
    /// hands back something that may or may not be a new task; on a
    /// coroutine it just calls `create_task`. `create_task` says what
    /// happens: a task is scheduled on the running loop. The asyncio
    /// documentation recommends it for this case.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// from app.jobs import run_worker
    ///
    /// async def start():
    ///     task = asyncio.ensure_future(run_worker())
    ///     return task
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// from app.jobs import run_worker
    ///
    /// async def start():
    ///     task = asyncio.create_task(run_worker())
    ///     return task
    /// ```
    ///
    /// ## Fix safety
    /// Safe when the argument surely returns a coroutine, as the semantic
    /// layer's coroutine oracle shows it: an `async def` of the module
    /// bound once, on every path, and not rebound behind the module's back;
    /// one of the class's own async methods on `self` that no class of the
    /// module can put before it in an instance's method resolution order
    /// (a subclass, or a sibling base in multiple inheritance); a plain
    /// `def` of the module that returns such a call; asyncio's coroutine
    /// functions; `typing.cast(T, call())` of one of these. On a coroutine,
    /// `ensure_future` creates the task with the running loop's
    /// `create_task`, as `create_task` does, and returns the same kind of
    /// task (a custom task factory and the eager task factory see the same
    /// call). Only calls directly in a coroutine of a module that imports
    /// no other async library are rewritten, where an asyncio loop runs:
    /// a coroutine driven by hand (`coro.send(None)`) is assumed not to
    /// reach this line. The module's spelling of asyncio is kept
    /// (`aio.create_task`). What stays assumed: no module other than this
    /// one subclasses the class and overrides the method with one that
    /// returns a future.
    ///
    /// Unsafe when the module does not show what the call returns (an
    /// imported function the project index cannot follow, as in the example
    /// run on its own, a method of another object, a
    /// decorated function, `functools.partial`, a callable instance), or
    /// when the module also imports trio, anyio or curio: if it returns a
    /// future (or any awaitable that is no coroutine) after all, or no
    /// asyncio loop runs, `create_task` raises (`TypeError`,
    /// `RuntimeError`) at once, where `ensure_future` accepted it.
    ///
    /// Another file of the project that writes an attribute named
    /// `ensure_future` or `create_task` (by that name; a write by a name or target the code computes, `setattr(asyncio, name, f)`, `mock.patch(target)`, in a file that spells the module's name in a string, counts for every member, and so does `sys.modules["asyncio"] = shim`): a
    /// mock's patch (`mock.patch(…)`, `patch.object(…)`,
    /// `monkeypatch.setattr(…)`, as a test does around the code it tests)
    /// makes the fix unsafe, as its failure shows in that test; any other
    /// write (a task tracker installed as `asyncio.ensure_future = tracked`; the module doing so itself: no fix either) leaves it without a fix, as the fixed code would
    /// silently no longer reach the stand-in. The note names the file.
    ///
    /// Unsafe in code a coroutine runs while it is closed outside its
    /// loop (a `finally:` body, a handler that may catch `GeneratorExit`,
    /// an `async def __aexit__`, code after a handler that keeps the
    /// close): no loop runs there, where `ensure_future` schedules the
    /// task on the current loop and `create_task` raises.
    ///
    /// ## Left alone
    /// Arguments that are or may be futures, which `create_task` rejects
    /// with `TypeError`: a variable or attribute; a call of asyncio's or a
    /// loop's future producers (`gather`, `shield`, `run_in_executor`,
    /// `as_completed`, `submit`) or of anything whose name says it makes a
    /// task or a future (`create_eager_task`, `wrap_future`); `cast(Future,
    /// x)`; a class of the module or a name that looks like one
    /// (`Future(…)`), and so an object with `__await__`; a plain `def` of
    /// the module that returns nothing or something else, or an async
    /// generator. `loop=` other than the running loop (reported:
    /// `create_task` has no such argument; `loop=asyncio.get_running_loop()`,
    /// or a name of the coroutine bound only to it, is dropped, as
    /// `create_task` schedules on that loop too); a
    /// `def`, `lambda` or generator expression nested in the coroutine, and
    /// synchronous code, where no loop may run; `asyncio` rebound locally.
    ///
    /// ## Project index
    /// An imported function that the project index follows to an `async
    /// def` of the project (or of an installed package it reads) makes the
    /// fix safe, as one of the module's own does; one that it shows returns
    /// no coroutine (an async generator, a plain `def` that returns
    /// nothing) is left alone; one it cannot follow stays unsafe. Without
    /// an environment, the built-in table of well-known libraries answers
    /// for theirs: `asyncpg.connect(dsn)` is a coroutine (safe),
    /// `asyncpg.create_pool(dsn)` an awaitable that is no coroutine (left
    /// alone). The message names where the answer came from ("`crunch` is
    /// an `async def` in `jobs/work.py:6`").
    pub static ENSURE_FUTURE = Codemod {
        code: "AM105",
        name: "ensure-future",
        min_python: PyVersion::PY37,
        safety: Applicability::Safe,
        run: ensure_future,
        needles: &["ensure_future"],
        requires: &["asyncio", ASYNC_DEF],
    };
}

fn ensure_future(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for site in &semantic.calls {
        let call = site.call;
        if !semantic.in_async_def(site.scope)
            || !semantic
                .qualified_name(&call.func, site.scope)
                .is_some_and(|q| {
                    q.is("asyncio.ensure_future") || q.is("asyncio.tasks.ensure_future")
                })
        {
            continue;
        }
        let [argument] = &*call.arguments.args else {
            continue;
        };
        let Expr::Call(inner) = argument else {
            continue;
        };
        // The callee as written, for messages (a long or broken one is
        // "the call").
        let callee = match &ctx.source[inner.func.range()] {
            text if text.len() <= 60 && !text.contains(['\n', '\r']) => format!("`{text}(…)`"),
            _ => "the call".to_string(),
        };
        let (applicability, message, unsafe_note) = match semantic.call_result(inner, site.scope) {
            // The coroutine may run on another library's loop, where
            // `create_task` finds no running asyncio loop: it raises at once.
            CallResult::Coroutine => match semantic.non_asyncio_library() {
                Some(library) => (
                    Applicability::Unsafe,
                    "`asyncio.ensure_future()` of a coroutine in a coroutine",
                    Some(format!(
                        "the module imports `{}`, whose loop may run this coroutine: `create_task` then finds no running asyncio loop and raises `RuntimeError` at once, where `ensure_future` worked",
                        library.module()
                    )),
                ),
                None => (
                    Applicability::Safe,
                    "`asyncio.ensure_future()` of a coroutine in a coroutine",
                    None,
                ),
            },
            CallResult::NotCoroutine | CallResult::Future => continue,
            // `create_task` raises `TypeError` at once on a future: a loud,
            // immediate failure, so the fix is offered, as unsafe.
            CallResult::Unknown => (
                Applicability::Unsafe,
                "`asyncio.ensure_future()` of a call that may return a coroutine",
                Some(format!(
                    "what {callee} returns is not known here (a method of another object, an import the project index cannot follow, a decorated or dynamic callable): if it is a future or another awaitable that is no coroutine, `create_task` raises `TypeError` at once, where `ensure_future` accepted it"
                )),
            ),
        };
        // A coroutine function of another module or a library: say where
        // the answer comes from.
        let message = match semantic.imported_coroutine_source(&inner.func, site.scope) {
            Some(source) => format!("{message} ({source})"),
            None => message.to_string(),
        };
        let finding = out.report(&ENSURE_FUTURE, call.range(), message);
        // `loop=` is dropped only where it names the running loop, on
        // which `create_task` schedules the task too.
        let dropped_loop = match &*call.arguments.keywords {
            [] => None,
            [keyword]
                if keyword
                    .arg
                    .as_ref()
                    .is_some_and(|arg| arg.as_str() == "loop")
                    && is_exactly_running_loop(semantic, &keyword.value, site.scope) =>
            {
                Some(TextRange::new(argument.end(), keyword.end()))
            }
            _ => {
                finding.note(
                    "`create_task` takes no `loop=` argument, and this one is not surely the running loop (only `asyncio.get_running_loop()`, or a name of the coroutine bound only to it, is)",
                );
                continue;
            }
        };
        if let Some(range) = dropped_loop
            && contains_comment(ctx.tokens, range)
        {
            finding.note("a comment beside `loop=` would be lost with it");
            continue;
        }
        // `ensure_future` or `create_task` replaced or patched (a task
        // tracker wrapping `asyncio.ensure_future`, a test's mock): the
        // rewrite would call something else than the code calls.
        if [
            "asyncio.ensure_future",
            "asyncio.tasks.ensure_future",
            "asyncio.create_task",
        ]
        .iter()
        .any(|qualified| semantic.may_replace(qualified))
            || semantic.may_be_replaced(&call.func, "asyncio.ensure_future", site.scope)
        {
            finding.note(
                "the module replaces or patches `asyncio.ensure_future` or `create_task`, or may \
                 bind the name it calls through behind its statements' backs, so the rewrite may \
                 not call what the code calls",
            );
            continue;
        }
        let (applicability, finding) = match semantic.stand_in(
            &["asyncio.ensure_future", "asyncio.create_task"],
            "the rewritten code calls `create_task` instead of `ensure_future`",
        ) {
            Some(StandIn::Replaced(note)) => {
                finding.note(note);
                continue;
            }
            Some(StandIn::Mocked(note)) => (Applicability::Unsafe, finding.note(note)),
            None => match unsafe_note {
                Some(note) => (applicability, finding.note(note)),
                None => (applicability, finding),
            },
        };
        // Cleanup a coroutine closed outside its loop runs (a `finally:`
        // when it is garbage-collected after the loop stopped): no loop
        // runs there, and `ensure_future` falls back on the current loop
        // where `create_task` raises.
        let (applicability, finding) = match semantic.runs_when_closed(site.scope, call.start()) {
            Some(closed) => (
                Applicability::Unsafe,
                finding.note(format!(
                    "{}; there `ensure_future` schedules the task on the current loop, and \
                     `create_task` would raise",
                    closed.closed_outside_loop()
                )),
            ),
            None => (applicability, finding),
        };
        finding.fix_with(applicability, |fix| {
            fix.title("Replace with `asyncio.create_task()`");
            if let Some(range) = dropped_loop {
                fix.delete(range);
            }
            match call.func.as_ref() {
                // `asyncio.ensure_future`, `aio.ensure_future`,
                // `asyncio.tasks.ensure_future`: the module has both.
                Expr::Attribute(attribute) => {
                    fix.replace(attribute.attr.range(), "create_task");
                }
                func => {
                    let name = fix.ensure_import("asyncio", "create_task")?;
                    fix.replace(func.range(), name);
                    fix.remove_import_if_unused(func);
                }
            }
            Ok(())
        });
    }
}

/// Whether `value`, the `loop=` argument of a call in `scope`, is exactly
/// the loop running the coroutine, on which `create_task` schedules the
/// task as `ensure_future(coro, loop=value)` does: `asyncio.get_running_loop()`
/// (or `get_event_loop()`, which gives it in a coroutine), or a name of the
/// coroutine bound only to one of those. Not a parameter annotated as a
/// loop, which may be another loop (the task then runs there), nor where
/// the module may replace those getters.
fn is_exactly_running_loop(
    semantic: &crate::semantic::SemanticModel,
    value: &Expr,
    scope: crate::semantic::scope::ScopeId,
) -> bool {
    let replaced = [
        "asyncio.get_running_loop",
        "asyncio.events.get_running_loop",
        "asyncio.get_event_loop",
        "asyncio.events.get_event_loop",
    ]
    .iter()
    .any(|getter| semantic.may_replace(getter));
    if replaced || semantic.is_running_loop(value, scope).is_err() {
        return false;
    }
    match value {
        Expr::Call(_) => true,
        Expr::Name(name) => match semantic.lookup(name.id.as_str(), scope) {
            crate::semantic::imports::Lookup::Bound { bindings, .. } => {
                bindings.iter().all(|&id| {
                    semantic
                        .loop_getter_assignment(semantic.binding(id))
                        .is_some()
                })
            }
            _ => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::ENSURE_FUTURE;
    use crate::test_support::{
        check_finding, check_fix, check_no_fix, check_safe_fix, check_unsafe_fix, findings,
    };

    #[test]
    fn assigned_task() {
        check_safe_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nasync def run():\n    pass\n\nasync def f():\n    t = asyncio.ensure_future(run())\n    return t\n",
            "import asyncio\n\nasync def run():\n    pass\n\nasync def f():\n    t = asyncio.create_task(run())\n    return t\n",
        );
    }

    #[test]
    fn method_of_another_object_may_return_a_future() {
        // `w.run()` might return `shield(...)`: `create_task` would raise
        // `TypeError` at once, so the fix is only unsafe.
        check_unsafe_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nasync def f(w):\n    t = asyncio.ensure_future(w.run())\n    return t\n",
            "import asyncio\n\nasync def f(w):\n    t = asyncio.create_task(w.run())\n    return t\n",
        );
    }

    #[test]
    fn task_making_helpers_are_left_alone() {
        check_no_fix(
            &ENSURE_FUTURE,
            "import asyncio\nfrom helpers import create_eager_task\n\nasync def f(c):\n    asyncio.ensure_future(create_eager_task(c))\n",
        );
    }

    #[test]
    fn module_alias_is_kept() {
        check_fix(
            &ENSURE_FUTURE,
            "import asyncio as aio\n\nasync def job():\n    pass\n\nasync def f(tasks):\n    tasks.append(aio.ensure_future(job()))\n",
            "import asyncio as aio\n\nasync def job():\n    pass\n\nasync def f(tasks):\n    tasks.append(aio.create_task(job()))\n",
        );
    }

    #[test]
    fn from_import_becomes_module_call() {
        check_unsafe_fix(
            &ENSURE_FUTURE,
            "from asyncio import ensure_future as spawn\n\nfrom app import fetch\n\nasync def f():\n    return spawn(fetch(1))\n",
            "import asyncio\n\nfrom app import fetch\n\nasync def f():\n    return asyncio.create_task(fetch(1))\n",
        );
    }

    #[test]
    fn list_comprehension_in_coroutine() {
        check_unsafe_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nasync def f(urls):\n    return [asyncio.ensure_future(get(u)) for u in urls]\n",
            "import asyncio\n\nasync def f(urls):\n    return [asyncio.create_task(get(u)) for u in urls]\n",
        );
    }

    #[test]
    fn coroutine_method_of_the_class() {
        check_safe_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nclass C:\n    async def tick(self):\n        return 1\n\n    async def start(self):\n        self.t = asyncio.ensure_future(self.tick())\n",
            "import asyncio\n\nclass C:\n    async def tick(self):\n        return 1\n\n    async def start(self):\n        self.t = asyncio.create_task(self.tick())\n",
        );
    }

    #[test]
    fn futures_are_left_alone() {
        let source = "import asyncio\nfrom asyncio import gather as g\n\nasync def f(loop, fut, pool):\n    asyncio.ensure_future(asyncio.gather(a(), b()))\n    asyncio.ensure_future(g(a()))\n    asyncio.ensure_future(asyncio.shield(a()))\n    asyncio.ensure_future(loop.run_in_executor(None, work))\n    asyncio.ensure_future(asyncio.wrap_future(pool.submit(work)))\n    asyncio.ensure_future(loop.create_future())\n    asyncio.ensure_future(fut)\n    asyncio.ensure_future(self.pending)\n";
        check_no_fix(&ENSURE_FUTURE, source);
        assert!(findings(&ENSURE_FUTURE, source).is_empty());
    }

    #[test]
    fn classes_and_sync_functions_are_left_alone() {
        check_no_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nclass Job:\n    def __await__(self):\n        yield\n\ndef later():\n    return asyncio.get_running_loop().create_future()\n\nasync def f():\n    asyncio.ensure_future(Job())\n    asyncio.ensure_future(later())\n    asyncio.ensure_future(Deferred())\n",
        );
    }

    #[test]
    fn async_generator_is_left_alone() {
        check_no_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nasync def ticks():\n    yield 1\n\nasync def f():\n    asyncio.ensure_future(ticks())\n",
        );
    }

    #[test]
    fn loop_keyword_is_reported_not_fixed() {
        check_finding(
            &ENSURE_FUTURE,
            "import asyncio\n\nasync def work():\n    return 1\n\nasync def f(loop):\n    asyncio.ensure_future(work(), loop=loop)\n",
            "`asyncio.ensure_future()` of a coroutine in a coroutine",
        );
        // A parameter annotated as a loop may be another loop, and a name
        // bound to something else as well as the running loop may too.
        for source in [
            "import asyncio\n\nasync def work():\n    return 1\n\nasync def f(loop: asyncio.AbstractEventLoop):\n    asyncio.ensure_future(work(), loop=loop)\n",
            "import asyncio\n\nasync def work():\n    return 1\n\nasync def f(other):\n    loop = asyncio.get_running_loop()\n    if other:\n        loop = other\n    asyncio.ensure_future(work(), loop=loop)\n",
            "import asyncio\n\nasync def work():\n    return 1\n\nasync def f():\n    asyncio.ensure_future(work(), loop=asyncio.new_event_loop())\n",
        ] {
            check_no_fix(&ENSURE_FUTURE, source);
        }
    }

    /// `loop=` the running loop: `create_task` schedules there too.
    #[test]
    fn loop_keyword_of_the_running_loop_is_dropped() {
        check_safe_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nasync def work():\n    return 1\n\nasync def f():\n    t = asyncio.ensure_future(work(), loop=asyncio.get_running_loop())\n    await t\n",
            "import asyncio\n\nasync def work():\n    return 1\n\nasync def f():\n    t = asyncio.create_task(work())\n    await t\n",
        );
        check_safe_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nasync def work():\n    return 1\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    t = asyncio.ensure_future(work(), loop=loop,)\n    await t\n",
            "import asyncio\n\nasync def work():\n    return 1\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    t = asyncio.create_task(work(),)\n    await t\n",
        );
    }

    /// Every unsafe fix says why it is not safe.
    #[test]
    fn unsafe_fixes_say_why() {
        for source in [
            "import asyncio\n\nasync def f(limiter):\n    asyncio.ensure_future(limiter.acquire(3))\n",
            "import asyncio\nimport trio\n\nasync def work():\n    return 1\n\nasync def f():\n    asyncio.ensure_future(work())\n",
        ] {
            let reasons = crate::test_support::unsafe_reasons(&ENSURE_FUTURE, source);
            assert_eq!(reasons.len(), 1, "{source}");
            assert!(
                reasons
                    .iter()
                    .all(|reason| reason.as_ref().is_some_and(|r| r.contains("raises"))),
                "{source}: {reasons:?}"
            );
        }
    }

    #[test]
    fn sync_code_and_nested_callbacks_are_left_alone() {
        let source = "import asyncio\n\nasyncio.ensure_future(work())\n\ndef start():\n    asyncio.ensure_future(work())\n\nasync def f(loop):\n    def cb():\n        asyncio.ensure_future(work())\n    loop.call_soon(lambda: asyncio.ensure_future(work()))\n    class K:\n        t = asyncio.ensure_future(work())\n    return list(asyncio.ensure_future(work()) for _ in range(2))\n";
        check_no_fix(&ENSURE_FUTURE, source);
        assert!(findings(&ENSURE_FUTURE, source).is_empty());
    }

    #[test]
    fn shadowed_asyncio_is_not_the_module() {
        check_no_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nasync def f(asyncio):\n    asyncio.ensure_future(work())\n",
        );
    }

    #[test]
    fn shadowed_asyncio_at_the_site_keeps_the_finding_without_fix() {
        check_finding(
            &ENSURE_FUTURE,
            "from asyncio import ensure_future\n\nasync def work():\n    return 1\n\nasync def f(asyncio):\n    ensure_future(work())\n",
            "`asyncio.ensure_future()` of a coroutine in a coroutine",
        );
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &ENSURE_FUTURE,
            "import asyncio\n\nasync def f():\n    asyncio.ensure_future(work())  # noqa: AM105\n",
        );
    }

    #[test]
    fn cast_is_seen_through() {
        check_no_fix(
            &ENSURE_FUTURE,
            "import asyncio\nfrom typing import cast\n\nasync def f(fut):\n    asyncio.ensure_future(cast(asyncio.Future, fut))\n",
        );
        check_safe_fix(
            &ENSURE_FUTURE,
            "import asyncio\nfrom typing import Any, cast\n\nasync def job():\n    pass\n\nasync def f():\n    asyncio.ensure_future(cast(Any, job()))\n",
            "import asyncio\nfrom typing import Any, cast\n\nasync def job():\n    pass\n\nasync def f():\n    asyncio.create_task(cast(Any, job()))\n",
        );
    }

    #[test]
    fn a_sibling_base_may_supply_the_method() {
        // `C(A, B)` finds `A.tick`, which returns a future: only unsafe.
        check_unsafe_fix(
            &ENSURE_FUTURE,
            "import asyncio\nclass A:\n    def tick(self):\n        return asyncio.get_running_loop().create_future()\nclass B:\n    async def tick(self):\n        return 1\n    async def start(self):\n        asyncio.ensure_future(self.tick())\nclass C(A, B):\n    pass\n",
            "import asyncio\nclass A:\n    def tick(self):\n        return asyncio.get_running_loop().create_future()\nclass B:\n    async def tick(self):\n        return 1\n    async def start(self):\n        asyncio.create_task(self.tick())\nclass C(A, B):\n    pass\n",
        );
    }

    #[test]
    fn another_async_library_makes_it_unsafe() {
        check_unsafe_fix(
            &ENSURE_FUTURE,
            "import asyncio\nimport trio\n\nasync def job():\n    pass\n\nasync def f():\n    asyncio.ensure_future(job())\n",
            "import asyncio\nimport trio\n\nasync def job():\n    pass\n\nasync def f():\n    asyncio.create_task(job())\n",
        );
    }
}
