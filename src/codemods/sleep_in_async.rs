use rustc_hash::FxHashSet;

use crate::codemods::prelude::*;
use crate::semantic::{AsyncLibrary, LibraryChoice, ScopeId, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Turns a blocking `time.sleep(x)` statement inside an `async def` into
    /// `await asyncio.sleep(x)` (`trio.sleep` or `anyio.sleep` in a module that
    /// uses that library instead). Other calls of `time.sleep` that run in a
    /// coroutine (as a value, an argument, in a lambda or a comprehension) are
    /// reported without a fix.
    ///
    /// ## Why
    /// `time.sleep` stops the whole event loop, not just the coroutine: every
    /// other task, timeout and connection stalls with it.
    /// `asyncio.sleep` suspends only the current task.
    ///
    /// ## Before
    /// ```python
    /// import time
    ///
    /// async def poll():
    ///     time.sleep(1)
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def poll():
    ///     await asyncio.sleep(1)
    /// ```
    ///
    /// ## Fix safety
    /// Safe. Only whole `time.sleep(x)` statements are rewritten, so no value
    /// changes type, and only directly in an `async def`, where `await` is
    /// allowed. The module's own `asyncio` binding is reused (`aio.sleep` under
    /// `import asyncio as aio`); an `import time` left unused is removed.
    ///
    /// ## Left alone
    /// `time.sleep` in a synchronous function, even one nested in a coroutine
    /// (there `asyncio.sleep` would be a coroutine nobody awaits, a silent no-op);
    /// `time` rebound locally (`time = Clock()`, a parameter named `time`); calls
    /// with keyword or unpacked arguments; a module that imports both asyncio and
    /// trio, where the library in use cannot be told.
    pub static SLEEP_IN_ASYNC = Codemod {
        code: "AM001",
        name: "sleep-in-async",
        min_python: PyVersion::ANY,
        safety: Applicability::Safe,
        run: sleep_in_async,
        needles: &["sleep"],
        requires: &[ASYNC_DEF],
        // ASYNC101 is flake8-async's code for `time.sleep` in a coroutine
        // before its codes were renumbered (ruff calls it ASYNC251 now).
        noqa_aliases: &["ASYNC251", "ASYNC101"],
    };
}

fn sleep_in_async(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let mut fixable = FxHashSet::default();

    // Whole statements directly in a coroutine's body: rewritten.
    for suite in semantic.coroutine_suites() {
        for stmt in suite.body {
            let Stmt::Expr(statement) = stmt else {
                continue;
            };
            let Expr::Call(call) = statement.value.as_ref() else {
                continue;
            };
            if !is_time_sleep(semantic, &call.func, suite.scope) {
                continue;
            }
            fixable.insert(call.start());
            report_statement(ctx, out, call);
        }
    }

    // Any other call that runs while the coroutine runs: reported only.
    for site in &semantic.calls {
        if fixable.contains(&site.call.start())
            || !is_time_sleep(semantic, &site.call.func, site.scope)
            || !semantic.runs_in_coroutine(site.scope)
        {
            continue;
        }
        out.report(
            &SLEEP_IN_ASYNC,
            site.call.range(),
            "blocking `time.sleep` call inside `async def`",
        )
        .note("not a whole statement in the coroutine's body, so it cannot become `await`");
    }
}

fn report_statement(ctx: &Context, out: &mut Findings, call: &ast::ExprCall) {
    let finding = out.report(
        &SLEEP_IN_ASYNC,
        call.range(),
        "blocking `time.sleep` call inside `async def`",
    );
    let arguments = &call.arguments;
    let plain_argument = arguments.keywords.is_empty()
        && arguments.args.len() == 1
        && !arguments.args[0].is_starred_expr();
    if !plain_argument {
        finding.note(
            "`time.sleep` takes exactly one positional argument; this call is left as written",
        );
        return;
    }
    let library = match ctx.semantic.async_library() {
        LibraryChoice::One(AsyncLibrary::Curio) => {
            finding.note("the module uses curio, whose sleep this codemod does not write");
            return;
        }
        LibraryChoice::One(library) => library.module(),
        LibraryChoice::Ambiguous => {
            finding.note(format!(
                "the module's run-time imports ({}) do not say which async library its \
                 coroutines run on",
                ctx.semantic.async_libraries_imported().join(", ")
            ));
            return;
        }
    };
    finding.fix_with(Applicability::Safe, |fix| {
        let sleep = fix.ensure_import(library, "sleep")?;
        fix.title(format!("Replace with `await {sleep}(…)`"));
        fix.insert(call.start(), "await ");
        fix.replace(call.func.range(), sleep);
        fix.remove_import_if_unused(&call.func);
        Ok(())
    });
}

/// Whether `func` is `time.sleep`, under any import spelling.
fn is_time_sleep(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> bool {
    semantic.refers_to(func, scope, "time.sleep")
}

#[cfg(test)]
mod tests {
    use super::SLEEP_IN_ASYNC;
    use crate::test_support::{check_finding, check_fix, check_no_fix, findings};

    #[test]
    fn adds_asyncio_and_removes_time() {
        check_fix(
            &SLEEP_IN_ASYNC,
            "import time\n\nasync def f():\n    time.sleep(1)\n",
            "import asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n",
        );
    }

    #[test]
    fn imports_that_never_run_are_not_reused() {
        // Under `if TYPE_CHECKING:` the module never imports asyncio: a new
        // import at the top makes the name exist.
        check_fix(
            &SLEEP_IN_ASYNC,
            "import time\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    import asyncio\n\nasync def f():\n    time.sleep(1)\n",
            "import asyncio\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    import asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n",
        );
        // Imported as a script only: importing the module would leave it unbound.
        check_fix(
            &SLEEP_IN_ASYNC,
            "import time\n\nasync def f():\n    time.sleep(1)\n\nif __name__ == \"__main__\":\n    import asyncio\n    asyncio.run(f())\n",
            "import asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n\nif __name__ == \"__main__\":\n    import asyncio\n    asyncio.run(f())\n",
        );
        // Bound to something else on one path: the fix cannot refer to it.
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\ntry:\n    import asyncio\nexcept ImportError:\n    asyncio = None\n\nasync def f():\n    time.sleep(1)\n",
            "blocking `time.sleep` call inside `async def`",
        );
    }

    #[test]
    fn library_comes_from_run_time_imports() {
        // trio for type checkers only: the module runs on asyncio.
        check_fix(
            &SLEEP_IN_ASYNC,
            "import time\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import trio\n\nasync def f():\n    time.sleep(1)\n",
            "import asyncio\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import trio\n\nasync def f():\n    await asyncio.sleep(1)\n",
        );
        // trio imported in one function only: either library may run the coroutine.
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\n\ndef helper():\n    import trio\n    return trio\n\nasync def f():\n    time.sleep(1)\n",
            "blocking `time.sleep` call inside `async def`",
        );
        // curio: not asyncio code, and this codemod does not write curio.
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\nimport curio\n\nasync def f():\n    time.sleep(1)\n\ncurio.run(f)\n",
            "blocking `time.sleep` call inside `async def`",
        );
    }

    #[test]
    fn reuses_module_alias() {
        check_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio as aio\nimport time\n\nasync def f():\n    time.sleep(0.5)\n",
            "import asyncio as aio\n\nasync def f():\n    await aio.sleep(0.5)\n",
        );
    }

    #[test]
    fn from_import_alias_of_sleep() {
        check_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nfrom time import sleep as nap, time\n\nasync def f():\n    nap(1)\n    return time()\n",
            "import asyncio\nfrom time import time\n\nasync def f():\n    await asyncio.sleep(1)\n    return time()\n",
        );
    }

    #[test]
    fn keeps_time_when_still_used() {
        check_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nimport time\n\nasync def f():\n    time.sleep(1)\n    return time.monotonic()\n",
            "import asyncio\nimport time\n\nasync def f():\n    await asyncio.sleep(1)\n    return time.monotonic()\n",
        );
    }

    #[test]
    fn uses_trio_in_a_trio_module() {
        check_fix(
            &SLEEP_IN_ASYNC,
            "import time\nimport trio\n\nasync def f():\n    time.sleep(1)\n",
            "import trio\n\nasync def f():\n    await trio.sleep(1)\n",
        );
    }

    #[test]
    fn sync_def_nested_in_coroutine_is_left_alone() {
        check_no_fix(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f():\n    def g():\n        time.sleep(1)\n    g()\n",
        );
    }

    #[test]
    fn parameter_named_time_is_not_the_module() {
        check_no_fix(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f(time):\n    time.sleep(1)\n",
        );
    }

    #[test]
    fn module_rebinding_time_is_not_the_module() {
        check_no_fix(
            &SLEEP_IN_ASYNC,
            "import time\ntime = Clock()\nasync def f():\n    time.sleep(1)\n",
        );
    }

    #[test]
    fn shadowed_asyncio_keeps_the_finding_without_fix() {
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f(asyncio):\n    time.sleep(1)\n",
            "blocking `time.sleep` call inside `async def`",
        );
    }

    #[test]
    fn value_use_is_reported_not_fixed() {
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f():\n    x = time.sleep(1)\n",
            "blocking `time.sleep` call inside `async def`",
        );
    }

    #[test]
    fn noqa_with_ruff_code_suppresses() {
        check_no_fix(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f():\n    time.sleep(1)  # noqa: ASYNC251\n",
        );
    }

    #[test]
    fn lambda_comprehension_and_generator_are_reported() {
        let source = "import time\nasync def f():\n    cb = lambda: time.sleep(1)\n    [time.sleep(1) for _ in x]\n    any(time.sleep(1) for _ in x)\n";
        assert_eq!(
            findings(&SLEEP_IN_ASYNC, source),
            [
                "3:18 blocking `time.sleep` call inside `async def`",
                "4:6 blocking `time.sleep` call inside `async def`",
                "5:9 blocking `time.sleep` call inside `async def`",
            ]
        );
        check_no_fix(&SLEEP_IN_ASYNC, source);
    }

    #[test]
    fn sync_code_is_not_reported() {
        let source = "import time\ntime.sleep(1)\ndef f():\n    time.sleep(1)\nasync def g():\n    class C:\n        time.sleep(1)\n";
        assert!(findings(&SLEEP_IN_ASYNC, source).is_empty());
    }
}
