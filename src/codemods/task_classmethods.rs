use crate::codemods::prelude::*;
use crate::semantic::patches::StandIn;
use crate::semantic::{ScopeId, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Turns the class methods `asyncio.Task.all_tasks()` and
    /// `asyncio.Task.current_task()`, removed in Python 3.9, into the module
    /// functions `asyncio.all_tasks()` and `asyncio.current_task()`, keeping
    /// the arguments.
    ///
    /// ## Why
    /// Since Python 3.9 `asyncio.Task` has no `all_tasks` or `current_task`
    /// attribute: the call raises `AttributeError`. The module functions
    /// exist since 3.7.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def report():
    ///     me = asyncio.Task.current_task()
    ///     others = asyncio.Task.all_tasks() - {me}
    ///     print(len(others), "other tasks")
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def report():
    ///     me = asyncio.current_task()
    ///     others = asyncio.all_tasks() - {me}
    ///     print(len(others), "other tasks")
    /// ```
    ///
    /// ## Fix safety
    /// `current_task()` in a coroutine is safe: there both return the task
    /// running it (the class method asked `get_event_loop()`, which in a
    /// coroutine is the running loop; the function asks
    /// `get_running_loop()`), and with a loop argument both ask that loop.
    /// It is unsafe outside a coroutine, where a loop argument that is
    /// `None` at run time (`def who(loop=None)`) made the class method fall
    /// back to `get_event_loop()` while the function raises `RuntimeError`,
    /// and in a module that also imports trio, anyio or curio, whose
    /// coroutines run on no asyncio loop (there too the function raises).
    /// A coroutine driven by hand (`coro.send(None)`) in an asyncio-only
    /// module is not considered. `all_tasks()` is unsafe everywhere: the
    /// class method returned every task not yet garbage-collected, finished
    /// ones included, while `asyncio.all_tasks()` returns only the pending
    /// ones, so code that gathers or counts the result may see fewer tasks;
    /// outside a coroutine a `None` loop raises as above. Since 3.9 the
    /// class methods raise `AttributeError`: where code of the module could
    /// catch it (`except AttributeError:` or a class above it, `suppress`,
    /// `getattr` fallbacks through handlers, a test expecting a failure),
    /// the program may rely on that, so the fix is unsafe, its title naming
    /// the line; callers in other modules are not seen. Where a test of the
    /// project mocks `asyncio.Task` (`mock.patch("asyncio.Task")`) the fix
    /// is unsafe: the rewritten call no longer reaches the mock.
    ///
    /// ## Left alone
    /// A call that code expects to fail with `AttributeError` (a handler
    /// around it, `pytest.raises(AttributeError)`, `assertRaises`, also
    /// around a call of the function holding it): reported without a fix.
    /// A call without a loop argument outside a coroutine (the class methods
    /// fell back to `get_event_loop()`, the functions raise `RuntimeError`
    /// without a running loop), also in a plain function that a coroutine
    /// calls: reported without a fix. References that are not calls (`f =
    /// asyncio.Task.all_tasks`); `Task` names that are not asyncio's, and
    /// subclasses of `asyncio.Task` (`MyTask.current_task()`), which are not
    /// recognised. A call where the module or another file of the project
    /// puts its own class in place of `asyncio.Task` (`asyncio.Task =
    /// CompatTask`, a compat layer that keeps the class methods working):
    /// the call reaches that class, which the module function would skip;
    /// reported without a fix.
    pub static TASK_CLASSMETHODS = Codemod {
        code: "AM203",
        name: "task-classmethods",
        min_python: PyVersion::PY37,
        safety: Applicability::Unsafe,
        run: task_classmethods,
        needles: &["all_tasks", "current_task"],
        requires: &["asyncio"],
    };
}

fn task_classmethods(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let may_catch = std::cell::OnceCell::new();
    for site in &semantic.calls {
        let call = site.call;
        let Expr::Attribute(attribute) = call.func.as_ref() else {
            continue;
        };
        let member = match attribute.attr.as_str() {
            "all_tasks" => "all_tasks",
            "current_task" => "current_task",
            _ => continue,
        };
        if !is_asyncio_task(semantic, &attribute.value, site.scope) {
            continue;
        }
        let finding = out.report(
            &TASK_CLASSMETHODS,
            call.range(),
            format!("`Task.{member}()` was removed in Python 3.9"),
        );
        let explicit_loop = has_explicit_loop(&call.arguments);
        let in_coroutine = semantic.in_async_def(site.scope);
        if !explicit_loop && !in_coroutine {
            finding.note(format!(
                "outside a coroutine `asyncio.{member}()` raises `RuntimeError` when no loop runs; pass the loop or move the call into a coroutine"
            ));
            continue;
        }
        // `current_task` keeps its answer only where a loop surely runs:
        // in a coroutine of a module that runs on asyncio alone. Outside
        // one, a loop argument that is `None` at run time made the class
        // method ask `get_event_loop()`; the function raises instead.
        // Since 3.9 the call raises `AttributeError`: code that expects it
        // (a test asserting it, a handler around the call) chose the old
        // behaviour on purpose; code that could catch it elsewhere in the
        // module may rely on it, several calls above this one.
        if let Some(at) =
            semantic.expects_exception_here_or_in_callers(call.start(), "AttributeError")
        {
            finding.note(format!(
                "the code on line {} expects the `AttributeError` that `Task.{member}()` raises since Python 3.9",
                ctx.line_index().line_index(at).get()
            ));
            continue;
        }
        // A compat layer that puts its own class in place of `asyncio.Task`
        // (`asyncio.Task = CompatTask`, with the old class methods) is what
        // the call reaches: the module function would skip it. A test's
        // mock of the class makes the fix unsafe only.
        if ["asyncio.Task", "asyncio.tasks.Task"]
            .iter()
            .any(|qualified| semantic.may_replace(qualified))
            || semantic.may_be_replaced(&attribute.value, "asyncio.Task", site.scope)
        {
            finding.note(
                "the module replaces or patches `asyncio.Task`, or may bind the name it calls \
                 through behind its statements' backs, so the rewrite may not call what the code calls",
            );
            continue;
        }
        let (mocked, finding) = match semantic.stand_in(
            &["asyncio.Task", "asyncio.tasks.Task"],
            &format!("the rewritten code calls `asyncio.{member}()` instead of the class's method"),
        ) {
            Some(StandIn::Replaced(note)) => {
                finding.note(note);
                continue;
            }
            Some(StandIn::Mocked(note)) => (true, finding.note(note)),
            None => (false, finding),
        };
        let catcher = *may_catch.get_or_init(|| semantic.may_catch_in_module("AttributeError"));
        let safe = !mocked
            && member == "current_task"
            && in_coroutine
            && semantic.non_asyncio_library().is_none()
            && catcher.is_none();
        let applicability = if safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        finding.fix_with(applicability, |fix| {
            let function = fix.ensure_import("asyncio", member)?;
            match catcher {
                Some(at) => fix.title(format!(
                    "Replace with `{function}()` (the code on line {} could catch the `AttributeError` the call raises)",
                    ctx.line_index().line_index(at.start()).get()
                )),
                None => fix.title(format!("Replace with `{function}()`")),
            }
            fix.replace(call.func.range(), function);
            fix.remove_import_if_unused(&attribute.value);
            Ok(())
        });
    }
}

/// Whether `expr` is asyncio's `Task` class, under any import spelling.
fn is_asyncio_task(semantic: &SemanticModel, expr: &Expr, scope: ScopeId) -> bool {
    semantic
        .qualified_name(expr, scope)
        .is_some_and(|q| q.is("asyncio.Task") || q.is("asyncio.tasks.Task"))
}

/// Whether the call names its loop (`Task.all_tasks(loop)`, `loop=loop`):
/// then the class method and the function ask the same loop. `None`, or
/// arguments that may or may not hold a loop (`*args`), do not count.
fn has_explicit_loop(arguments: &ast::Arguments) -> bool {
    if arguments.args.iter().any(Expr::is_starred_expr)
        || arguments.keywords.iter().any(|k| k.arg.is_none())
    {
        return false;
    }
    arguments
        .find_argument_value("loop", 0)
        .is_some_and(|value| !value.is_none_literal_expr())
}

#[cfg(test)]
mod tests {
    use super::TASK_CLASSMETHODS;
    use crate::test_support::{
        check_finding, check_fix, check_no_fix, check_safe_fix, check_unsafe_fix, reasons,
    };

    #[test]
    fn current_task_in_a_coroutine_is_safe_all_tasks_is_not() {
        check_safe_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\nasync def f():\n    return asyncio.Task.current_task()\n",
            "import asyncio\nasync def f():\n    return asyncio.current_task()\n",
        );
        check_unsafe_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\nasync def f():\n    return asyncio.Task.all_tasks()\n",
            "import asyncio\nasync def f():\n    return asyncio.all_tasks()\n",
        );
    }

    #[test]
    fn code_expecting_the_attribute_error_keeps_the_call() {
        let source = "import asyncio\nasync def who():\n    try:\n        me = asyncio.Task.current_task()\n    except AttributeError:\n        return None\n    return me\n";
        check_no_fix(&TASK_CLASSMETHODS, source);
        assert!(
            reasons(&TASK_CLASSMETHODS, source)
                .iter()
                .any(|r| r.contains("expects the `AttributeError`")),
            "{:?}",
            reasons(&TASK_CLASSMETHODS, source)
        );
    }

    #[test]
    fn code_that_could_catch_the_attribute_error_makes_it_unsafe() {
        check_unsafe_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\nasync def who():\n    return asyncio.Task.current_task()\nasync def main():\n    try:\n        await who()\n    except Exception:\n        pass\n",
            "import asyncio\nasync def who():\n    return asyncio.current_task()\nasync def main():\n    try:\n        await who()\n    except Exception:\n        pass\n",
        );
    }

    #[test]
    fn another_async_library_makes_current_task_unsafe() {
        check_unsafe_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\nimport trio\nasync def f():\n    return asyncio.Task.current_task()\n",
            "import asyncio\nimport trio\nasync def f():\n    return asyncio.current_task()\n",
        );
    }

    #[test]
    fn rewrites_both_in_a_coroutine() {
        check_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\nasync def f():\n    a = asyncio.Task.all_tasks()\n    b = asyncio.Task.current_task()\n",
            "import asyncio\nasync def f():\n    a = asyncio.all_tasks()\n    b = asyncio.current_task()\n",
        );
    }

    #[test]
    fn from_import_of_task_is_replaced_and_removed() {
        check_fix(
            &TASK_CLASSMETHODS,
            "from asyncio import Task\n\n\nasync def f():\n    return Task.current_task()\n",
            "import asyncio\n\n\nasync def f():\n    return asyncio.current_task()\n",
        );
    }

    #[test]
    fn explicit_loop_outside_a_coroutine_is_unsafe() {
        // `loop` may be `None` at run time: the function would raise.
        check_unsafe_fix(
            &TASK_CLASSMETHODS,
            "import asyncio as aio\ndef f(loop):\n    return aio.Task.current_task(loop=loop)\n",
            "import asyncio as aio\ndef f(loop):\n    return aio.current_task(loop=loop)\n",
        );
    }

    #[test]
    fn no_loop_outside_a_coroutine_is_reported() {
        check_finding(
            &TASK_CLASSMETHODS,
            "import asyncio\ndef shutdown():\n    for task in asyncio.Task.all_tasks():\n        task.cancel()\n",
            "`Task.all_tasks()` was removed in Python 3.9",
        );
    }

    #[test]
    fn none_loop_counts_as_no_loop() {
        check_no_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\ndef f():\n    return asyncio.Task.current_task(None)\n",
        );
    }

    #[test]
    fn other_task_classes_are_left_alone() {
        check_no_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\nfrom celery import Task\nasync def f(asyncio):\n    Task.all_tasks()\n    asyncio.Task.current_task()\n",
        );
    }

    #[test]
    fn lambda_in_a_coroutine_is_not_the_coroutine() {
        check_no_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\nasync def f():\n    get = lambda: asyncio.Task.current_task()\n",
        );
    }

    #[test]
    fn references_are_left_alone() {
        check_no_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\nasync def f():\n    get = asyncio.Task.all_tasks\n    return asyncio.all_tasks()\n",
        );
    }

    #[test]
    fn starred_arguments_are_not_an_explicit_loop() {
        check_no_fix(
            &TASK_CLASSMETHODS,
            "import asyncio\ndef f(*args):\n    return asyncio.Task.all_tasks(*args)\n",
        );
    }
}
