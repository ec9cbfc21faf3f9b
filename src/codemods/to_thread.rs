use crate::codemods::prelude::*;
use crate::fix::Edit;
use crate::fix::layout::{contains_comment, line_start};
use crate::semantic::functions::parameter_at;
use crate::semantic::imports::Lookup;
use crate::semantic::{BindingKind, ScopeId, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Turns `await loop.run_in_executor(None, func, *args)` into
    /// `await asyncio.to_thread(func, *args)`, when the call is awaited at
    /// once, runs on the loop's default executor, and its receiver is the
    /// event loop.
    ///
    /// ## Why
    /// `asyncio.to_thread` (Python 3.9) says the same thing without fetching
    /// the loop or spelling the executor, and it carries the caller's
    /// context variables into the thread, so logging and tracing context
    /// follow the work.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def load(path):
    ///     loop = asyncio.get_running_loop()
    ///     return await loop.run_in_executor(None, read_file, path)
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def load(path):
    ///     loop = asyncio.get_running_loop()
    ///     return await asyncio.to_thread(read_file, path)
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the function now runs in a copy of the caller's context, so
    /// it sees the caller's context variables (and what it sets there stays
    /// in the copy). It runs on the same default executor of the running loop.
    /// Only calls awaited at once are rewritten: an executor future starts
    /// at once, `to_thread` only when awaited, so a future kept and awaited
    /// later would start later. `func` and the arguments are kept as written
    /// (a `functools.partial` stays a partial).
    ///
    /// ## Left alone
    /// A future kept for later (`fut = loop.run_in_executor(…)`), or passed on
    /// (`gather`, `wait_for`); a custom executor (`to_thread` has none);
    /// keyword or unpacked executor and function arguments; comments in the
    /// rewritten part of the call. The receiver must be the loop: a call of
    /// `asyncio.get_running_loop()` or `get_event_loop()`, a name bound only
    /// to one of those, a parameter annotated `asyncio.AbstractEventLoop`, or
    /// a parameter or attribute called `loop`, `_loop`, `event_loop` or
    /// `_event_loop` (`self.loop`); another receiver is reported without a
    /// fix. The loop variable itself stays even when no longer used.
    ///
    /// ## Python
    /// `asyncio.to_thread` exists from Python 3.9: with an older
    /// `--target-version` nothing is rewritten.
    pub static TO_THREAD = Codemod {
        code: "AM102",
        name: "to-thread",
        min_python: PyVersion::PY39,
        safety: Applicability::Unsafe,
        run: to_thread,
        needles: &["run_in_executor"],
        requires: &["async"],
    };
}

/// Names that, by convention, hold the event loop.
const LOOP_NAMES: &[&str] = &["loop", "_loop", "event_loop", "_event_loop"];

fn to_thread(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for site in &semantic.calls {
        let call = site.call;
        if !semantic.is_awaited(call) {
            continue;
        }
        let Expr::Attribute(method) = call.func.as_ref() else {
            continue;
        };
        let arguments = &call.arguments;
        let [executor, func, ..] = &*arguments.args else {
            continue;
        };
        if method.attr.as_str() != "run_in_executor"
            || !arguments.keywords.is_empty()
            || !executor.is_none_literal_expr()
            || func.is_starred_expr()
        {
            continue;
        }
        let scope = semantic.scope_at(call.start());
        let finding = out.report(
            &TO_THREAD,
            call.range(),
            "`run_in_executor` on the default executor, awaited at once",
        );
        if !is_event_loop(semantic, &method.value, scope) {
            finding.note("the receiver is not known to be the event loop");
            continue;
        }
        if contains_comment(ctx.tokens, TextRange::new(call.start(), func.start())) {
            finding.note("a comment sits in the part of the call that would be rewritten");
            continue;
        }
        let Some(drop_executor) = first_argument_deletion(ctx.source, arguments, executor, func)
        else {
            finding.note("the executor argument is laid out in a way the fix cannot keep");
            continue;
        };
        finding.fix_with(Applicability::Unsafe, |fix| {
            let to_thread = fix.ensure_import("asyncio", "to_thread")?;
            fix.title(format!("Replace with `await {to_thread}(…)`"));
            fix.replace(call.func.range(), to_thread);
            fix.edit(drop_executor);
            if let Expr::Call(receiver) = method.value.as_ref() {
                fix.remove_import_if_unused(&receiver.func);
            }
            Ok(())
        });
    }
}

/// Whether `receiver` (of `.run_in_executor`, in `scope`) is the event loop.
fn is_event_loop(semantic: &SemanticModel, receiver: &Expr, scope: ScopeId) -> bool {
    match receiver {
        Expr::Call(call) => is_loop_getter(semantic, call, scope),
        Expr::Attribute(attribute) => LOOP_NAMES.contains(&attribute.attr.as_str()),
        Expr::Name(name) => {
            let Lookup::Bound { bindings, .. } = semantic.lookup(name.id.as_str(), scope) else {
                return false;
            };
            bindings
                .iter()
                .all(|&id| binds_a_loop(semantic, semantic.binding(id)))
        }
        _ => false,
    }
}

/// Whether one binding of a name gives it the event loop.
fn binds_a_loop(semantic: &SemanticModel, binding: &crate::semantic::Binding) -> bool {
    let Some(stmt) = binding.stmt else {
        return false;
    };
    match binding.kind {
        BindingKind::Assignment => {
            let Some(value) = assigned_value(stmt, binding.range) else {
                return false;
            };
            let Expr::Call(call) = value else {
                return false;
            };
            is_loop_getter(semantic, call, semantic.scope_at(call.start()))
        }
        BindingKind::Parameter => {
            let Some(parameter) = parameter_at(stmt, binding.range) else {
                return false;
            };
            let parameter = parameter.as_parameter();
            LOOP_NAMES.contains(&parameter.name.as_str())
                || parameter.annotation().is_some_and(|annotation| {
                    semantic
                        .qualified_name(annotation, semantic.scope_at(annotation.start()))
                        .is_some_and(|q| {
                            matches!(
                                q.as_str(),
                                "asyncio.AbstractEventLoop"
                                    | "asyncio.events.AbstractEventLoop"
                                    | "asyncio.BaseEventLoop"
                                    | "asyncio.base_events.BaseEventLoop"
                            )
                        })
                })
        }
        _ => false,
    }
}

/// The value a plain `name = value` or `name: T = value` statement gives
/// the name at `target`.
fn assigned_value(stmt: &Stmt, target: TextRange) -> Option<&Expr> {
    match stmt {
        Stmt::Assign(assign) => match assign.targets.as_slice() {
            [Expr::Name(name)] if name.range == target => Some(&assign.value),
            _ => None,
        },
        Stmt::AnnAssign(assign) if assign.target.range() == target => assign.value.as_deref(),
        _ => None,
    }
}

/// Whether `call` is `asyncio.get_running_loop()` or `asyncio.get_event_loop()`.
fn is_loop_getter(semantic: &SemanticModel, call: &ast::ExprCall, scope: ScopeId) -> bool {
    call.arguments.args.is_empty()
        && call.arguments.keywords.is_empty()
        && semantic.qualified_name(&call.func, scope).is_some_and(|q| {
            matches!(
                q.as_str(),
                "asyncio.get_running_loop"
                    | "asyncio.get_event_loop"
                    | "asyncio.events.get_running_loop"
                    | "asyncio.events.get_event_loop"
            )
        })
}

/// The edit that removes the first argument and its comma: its whole line
/// when it stands alone on one, else up to the second argument. `None` when
/// either argument is parenthesized (the parentheses would lose their pair).
fn first_argument_deletion(
    source: &str,
    arguments: &ast::Arguments,
    first: &Expr,
    second: &Expr,
) -> Option<Edit> {
    let opening = source.get(arguments.start().to_usize() + 1..first.start().to_usize())?;
    let between = source.get(first.end().to_usize()..second.start().to_usize())?;
    if !opening.trim().is_empty() || between.trim() != "," {
        return None;
    }
    let first_line = line_start(source, first.start());
    let alone_before = source
        .get(first_line.to_usize()..first.start().to_usize())
        .is_some_and(|before| before.trim().is_empty());
    let after_comma = between.split_once(',').map_or("", |(_, rest)| rest);
    let line_break_follows = after_comma
        .split(['\n', '\r'])
        .next()
        .is_some_and(|rest_of_line| rest_of_line.trim().is_empty())
        && after_comma.contains(['\n', '\r']);
    let start = if alone_before && line_break_follows {
        first_line
    } else {
        first.start()
    };
    let end = if alone_before && line_break_follows {
        line_start(source, second.start())
    } else {
        second.start()
    };
    Some(Edit::deletion(TextRange::new(start, end)))
}

#[cfg(test)]
mod tests {
    use super::TO_THREAD;
    use crate::codemods::GET_RUNNING_LOOP;
    use crate::test_support::{check_finding, check_fix, check_fix_together, check_no_fix};

    #[test]
    fn loop_variable_from_get_running_loop() {
        check_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(p):\n    loop = asyncio.get_running_loop()\n    return await loop.run_in_executor(None, read, p)\n",
            "import asyncio\n\nasync def f(p):\n    loop = asyncio.get_running_loop()\n    return await asyncio.to_thread(read, p)\n",
        );
    }

    #[test]
    fn chained_getter_and_its_import_goes() {
        check_fix(
            &TO_THREAD,
            "from asyncio import get_event_loop\n\nasync def f():\n    await get_event_loop().run_in_executor(None, work)\n",
            "import asyncio\n\nasync def f():\n    await asyncio.to_thread(work)\n",
        );
    }

    #[test]
    fn self_loop_attribute_and_starred_arguments() {
        check_fix(
            &TO_THREAD,
            "import asyncio as aio\n\nclass C:\n    async def f(self, *a):\n        x = await self._loop.run_in_executor(None, self.work, *a)\n        return x\n",
            "import asyncio as aio\n\nclass C:\n    async def f(self, *a):\n        x = await aio.to_thread(self.work, *a)\n        return x\n",
        );
    }

    #[test]
    fn executor_alone_on_its_line_goes_with_the_line() {
        check_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(loop):\n    await loop.run_in_executor(\n        None,\n        work,\n        1,\n    )\n",
            "import asyncio\n\nasync def f(loop):\n    await asyncio.to_thread(\n        work,\n        1,\n    )\n",
        );
    }

    #[test]
    fn annotated_parameter_and_partial_kept() {
        check_fix(
            &TO_THREAD,
            "import asyncio\nimport functools\n\nasync def f(ev: asyncio.AbstractEventLoop):\n    await ev.run_in_executor(None, functools.partial(work, k=1))\n",
            "import asyncio\nimport functools\n\nasync def f(ev: asyncio.AbstractEventLoop):\n    await asyncio.to_thread(functools.partial(work, k=1))\n",
        );
    }

    #[test]
    fn composes_with_get_running_loop() {
        check_fix_together(
            &[&GET_RUNNING_LOOP, &TO_THREAD],
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_event_loop()\n    await asyncio.get_event_loop().run_in_executor(None, work)\n    return loop\n",
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    await asyncio.to_thread(work)\n    return loop\n",
        );
    }

    #[test]
    fn future_awaited_later_is_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(loop):\n    fut = loop.run_in_executor(None, work)\n    other()\n    return await fut\n",
        );
    }

    #[test]
    fn future_passed_to_gather_or_wait_for_is_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(loop):\n    await asyncio.gather(loop.run_in_executor(None, a))\n    await asyncio.wait_for(loop.run_in_executor(None, b), 1)\n",
        );
    }

    #[test]
    fn custom_executor_is_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(loop, pool):\n    await loop.run_in_executor(pool, work)\n",
        );
    }

    #[test]
    fn keyword_arguments_are_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(loop):\n    await loop.run_in_executor(executor=None, func=work)\n    await loop.run_in_executor(None, *call)\n",
        );
    }

    #[test]
    fn unknown_receiver_is_reported_without_fix() {
        check_finding(
            &TO_THREAD,
            "import asyncio\n\nasync def f(runner):\n    await runner.run_in_executor(None, work)\n",
            "`run_in_executor` on the default executor, awaited at once",
        );
    }

    #[test]
    fn loop_variable_bound_to_a_new_loop_is_not_the_running_loop() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    loop = asyncio.new_event_loop()\n    await loop.run_in_executor(None, work)\n",
        );
    }

    #[test]
    fn loop_variable_rebound_is_not_known() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(other):\n    loop = asyncio.get_running_loop()\n    if other:\n        loop = other\n    await loop.run_in_executor(None, work)\n",
        );
    }

    #[test]
    fn comment_in_the_rewritten_part_is_kept_by_leaving_it() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(loop):\n    await loop.run_in_executor(\n        None,  # default pool\n        work,\n    )\n",
        );
    }

    #[test]
    fn parenthesized_executor_is_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(loop):\n    await loop.run_in_executor((None), work)\n",
        );
    }

    #[test]
    fn shadowed_asyncio_keeps_the_finding_without_fix() {
        check_finding(
            &TO_THREAD,
            "async def f(loop, asyncio):\n    await loop.run_in_executor(None, work)\n",
            "`run_in_executor` on the default executor, awaited at once",
        );
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(loop):\n    await loop.run_in_executor(None, work)  # noqa: AM102\n",
        );
    }
}
