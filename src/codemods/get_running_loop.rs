use crate::codemods::prelude::*;

declare_codemod! {
    /// ## What it does
    /// Turns `asyncio.get_event_loop()` called in a coroutine's body into
    /// `asyncio.get_running_loop()`. Only calls that run while the coroutine
    /// runs are rewritten: directly in the `async def`, in its blocks and in
    /// its list, set and dict comprehensions.
    ///
    /// ## Why
    /// In a coroutine, `get_event_loop()` returns the running loop, but it
    /// reads as if it might create one, and outside a coroutine it is
    /// deprecated and behaves differently across Python versions.
    /// `get_running_loop()` says what the coroutine means, and fails loudly
    /// where no loop runs instead of quietly making a new one.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def schedule(callback):
    ///     loop = asyncio.get_event_loop()
    ///     loop.call_later(1, callback)
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def schedule(callback):
    ///     loop = asyncio.get_running_loop()
    ///     loop.call_later(1, callback)
    /// ```
    ///
    /// ## Fix safety
    /// Safe. While a coroutine runs, its loop is running, and both functions
    /// return that loop. The module's spelling is kept (`aio.get_running_loop`
    /// under `import asyncio as aio`); a call through `from asyncio import
    /// get_event_loop` becomes `asyncio.get_running_loop()`, and the import
    /// goes when nothing else uses it.
    ///
    /// ## Left alone
    /// Default arguments and decorators (they run when the `def` statement
    /// runs, outside the coroutine; those of functions nested in a coroutine
    /// too, to keep the rule simple); a `def`, `lambda` or class nested in the
    /// coroutine, and generator expressions, which may run later or
    /// elsewhere, where no loop runs; module-level and synchronous code
    /// (see `asyncio-run`); `asyncio` rebound locally. In a module that
    /// imports trio the coroutine may run without an asyncio loop: the call
    /// is reported without a fix.
    pub static GET_RUNNING_LOOP = Codemod {
        code: "AM101",
        name: "get-running-loop",
        min_python: PyVersion::PY37,
        safety: Applicability::Safe,
        run: get_running_loop,
        needles: &["get_event_loop"],
        requires: &["asyncio", ASYNC_DEF],
    };
}

fn get_running_loop(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let signatures = semantic.signature_ranges();
    for site in &semantic.calls {
        let call = site.call;
        if !is_get_event_loop_call(ctx, call, site.scope)
            || !semantic.in_async_def(site.scope)
            || signatures.contain(call.range())
        {
            continue;
        }
        let finding = out.report(
            &GET_RUNNING_LOOP,
            call.range(),
            "`asyncio.get_event_loop()` called in a coroutine",
        );
        if let Some(library) = semantic.non_asyncio_library() {
            finding.note(format!(
                "the module imports {}, so no asyncio loop may be running here",
                library.module()
            ));
            continue;
        }
        finding.fix_with(Applicability::Safe, |fix| {
            match call.func.as_ref() {
                // `asyncio.get_event_loop`, `aio.get_event_loop`,
                // `asyncio.events.get_event_loop`: the same module has both.
                Expr::Attribute(attribute) => {
                    fix.replace(attribute.attr.range(), "get_running_loop");
                }
                func => {
                    let name = fix.ensure_import("asyncio", "get_running_loop")?;
                    fix.replace(func.range(), name);
                    fix.remove_import_if_unused(func);
                }
            }
            fix.title("Replace with `asyncio.get_running_loop()`");
            Ok(())
        });
    }
}

/// Whether `call` is `asyncio.get_event_loop()`, under any import spelling,
/// with no arguments.
pub(crate) fn is_get_event_loop_call(
    ctx: &Context,
    call: &ast::ExprCall,
    scope: crate::semantic::ScopeId,
) -> bool {
    call.arguments.args.is_empty()
        && call.arguments.keywords.is_empty()
        && ctx
            .semantic
            .qualified_name(&call.func, scope)
            .is_some_and(|q| {
                matches!(
                    q.as_str(),
                    "asyncio.get_event_loop" | "asyncio.events.get_event_loop"
                )
            })
}

#[cfg(test)]
mod tests {
    use super::GET_RUNNING_LOOP;
    use crate::test_support::{check_finding, check_fix, check_no_fix, findings};

    #[test]
    fn assignment_in_coroutine() {
        check_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_event_loop()\n    return loop\n",
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    return loop\n",
        );
    }

    #[test]
    fn keeps_module_alias_and_chained_use() {
        check_fix(
            &GET_RUNNING_LOOP,
            "import asyncio as aio\n\nasync def f(cb):\n    aio.get_event_loop().call_soon(cb)\n",
            "import asyncio as aio\n\nasync def f(cb):\n    aio.get_running_loop().call_soon(cb)\n",
        );
    }

    #[test]
    fn from_import_becomes_module_call_and_import_goes() {
        check_fix(
            &GET_RUNNING_LOOP,
            "from asyncio import get_event_loop\n\nasync def f():\n    return get_event_loop()\n",
            "import asyncio\n\nasync def f():\n    return asyncio.get_running_loop()\n",
        );
    }

    #[test]
    fn from_import_alias_reuses_the_module_binding() {
        check_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\nfrom asyncio import get_event_loop as gel\n\nasync def f():\n    return gel()\n\ndef g():\n    return gel()\n",
            "import asyncio\nfrom asyncio import get_event_loop as gel\n\nasync def f():\n    return asyncio.get_running_loop()\n\ndef g():\n    return gel()\n",
        );
    }

    #[test]
    fn list_comprehension_runs_in_the_coroutine() {
        check_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f(xs):\n    return [asyncio.get_event_loop() for _ in xs]\n",
            "import asyncio\n\nasync def f(xs):\n    return [asyncio.get_running_loop() for _ in xs]\n",
        );
    }

    #[test]
    fn async_def_nested_in_sync_def() {
        check_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\ndef make():\n    async def inner():\n        return asyncio.get_event_loop()\n    return inner\n",
            "import asyncio\n\ndef make():\n    async def inner():\n        return asyncio.get_running_loop()\n    return inner\n",
        );
    }

    #[test]
    fn default_argument_is_left_alone() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f(loop=asyncio.get_event_loop()):\n    return loop\n",
        );
    }

    #[test]
    fn default_argument_of_nested_def_is_left_alone() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f():\n    def g(loop=asyncio.get_event_loop()):\n        return loop\n    return g\n",
        );
    }

    #[test]
    fn decorator_is_left_alone() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\n@register(asyncio.get_event_loop())\nasync def f():\n    pass\n",
        );
    }

    #[test]
    fn nested_sync_def_lambda_and_class_are_left_alone() {
        let source = "import asyncio\n\nasync def f():\n    def g():\n        return asyncio.get_event_loop()\n    h = lambda: asyncio.get_event_loop()\n    class C:\n        loop = asyncio.get_event_loop()\n    return g, h, C\n";
        check_no_fix(&GET_RUNNING_LOOP, source);
        assert!(findings(&GET_RUNNING_LOOP, source).is_empty());
    }

    #[test]
    fn generator_expression_is_left_alone() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f(xs):\n    return (asyncio.get_event_loop() for _ in xs)\n",
        );
    }

    #[test]
    fn sync_code_is_left_alone() {
        let source = "import asyncio\n\nloop = asyncio.get_event_loop()\n\ndef f():\n    return asyncio.get_event_loop()\n";
        check_no_fix(&GET_RUNNING_LOOP, source);
        assert!(findings(&GET_RUNNING_LOOP, source).is_empty());
    }

    #[test]
    fn parameter_named_asyncio_is_not_the_module() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f(asyncio):\n    return asyncio.get_event_loop()\n",
        );
    }

    #[test]
    fn local_function_of_the_same_name_is_not_asyncio() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "def get_event_loop():\n    return None\n\nasync def f():\n    return get_event_loop()\n",
        );
    }

    #[test]
    fn shadowed_asyncio_keeps_the_finding_without_fix() {
        check_finding(
            &GET_RUNNING_LOOP,
            "from asyncio import get_event_loop\n\nasync def f(asyncio):\n    return get_event_loop()\n",
            "`asyncio.get_event_loop()` called in a coroutine",
        );
    }

    #[test]
    fn trio_module_is_reported_without_fix() {
        check_finding(
            &GET_RUNNING_LOOP,
            "import asyncio\nimport trio\n\nasync def f():\n    return asyncio.get_event_loop()\n",
            "`asyncio.get_event_loop()` called in a coroutine",
        );
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f():\n    return asyncio.get_event_loop()  # noqa: AM101\n",
        );
    }
}
