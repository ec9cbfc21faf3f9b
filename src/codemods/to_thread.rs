use crate::codemods::prelude::*;
use crate::fix::layout::line_start;
use crate::fix::statements::{Comments, delete_statements};
use crate::fix::syntax::contains_comment;
use crate::fix::{Edit, FixBuilder};
use crate::semantic::{Callee, ScopeId, SemanticModel, UseKind};

declare_codemod! {
    /// ## What it does
    /// Turns `await loop.run_in_executor(None, func, *args)` into
    /// `await asyncio.to_thread(func, *args)`, when the call is awaited at
    /// once, runs on the loop's default executor, and its receiver is known
    /// to be the running event loop; a `loop = asyncio.get_running_loop()`
    /// left without a use goes with it.
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
    ///     return await asyncio.to_thread(read_file, path)
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the function now runs in a copy of the caller's context, so
    /// it sees the caller's context variables where it saw its worker
    /// thread's own before (a `ContextVar` read in the thread gives the
    /// caller's value, not the default; decimal arithmetic uses the caller's
    /// decimal context, its precision and traps). Setting a variable there
    /// (`VAR.set(…)`, `decimal.setcontext(…)`) stays in the copy, where
    /// before it stayed in the worker thread's context for that thread's
    /// next jobs. But the copy's variables hold the caller's very objects:
    /// changing one in place (`decimal.getcontext().prec = 3`,
    /// `VAR.get().append(x)`, and the flags decimal arithmetic sets) changes
    /// it for the caller. A function of the module whose own code changes
    /// such an object is left alone (see below); a function imported, or a
    /// change made in a function it calls, is not seen: review what the
    /// functions passed do to `decimal.getcontext()` and to the values of
    /// context variables. Otherwise it is the same call: `to_thread` calls
    /// `run_in_executor(None, …)` on the running loop, so the same default
    /// executor (also one set with `set_default_executor`) runs it, but its
    /// `submit` now receives a `functools.partial` of `Context.run`, not the
    /// function: an executor of the program that looks at what it runs (a
    /// tracing executor reading `fn.__name__`) sees another object. A loop
    /// class's own `run_in_executor` (a subclass of the event loop) is
    /// called too, but with `to_thread`'s wrapper, a `functools.partial` of
    /// `Context.run`, in place of the function: one that looks at the
    /// function (its `__name__`, its type) sees another object. Which loop
    /// class runs cannot be seen when it comes from elsewhere (a policy, a
    /// framework, a `loop_factory`; uvloop's method does not look at the
    /// function), so a module that defines or replaces a `run_in_executor`
    /// itself is left alone, and another is not known. The receiver must be
    /// the running loop, which the semantic layer establishes:
    /// `asyncio.get_running_loop()`, `asyncio.get_event_loop()` called in
    /// the coroutine, a name of the coroutine bound only to one of those, or
    /// a parameter annotated as an asyncio event loop (`AbstractEventLoop`,
    /// `Optional[…]` or `… | None` of it; another loop passed there made
    /// `await` fail with "attached to a different loop" unless its future
    /// was already done). Only calls awaited at once are rewritten: an
    /// executor future starts at once, `to_thread` only when awaited, so a
    /// future kept and awaited later would start later. `func` and the
    /// arguments are kept as written (a `functools.partial` stays a
    /// partial). A `loop = asyncio.get_running_loop()` that only these calls
    /// read is removed with them, all in one fix (its comments stay), unless
    /// the coroutine reads its own frame (`locals()`, `vars()`,
    /// `sys._getframe()`), which would miss it: there it stays.
    ///
    /// ## Left alone
    /// A future kept for later (`fut = loop.run_in_executor(…)`), or passed on
    /// (`gather`, `wait_for`); an executor other than a literal `None`
    /// (`to_thread` has none); keyword or unpacked executor and function
    /// arguments; comments in the rewritten part of the call. A receiver not
    /// known to be the running loop is reported without a fix, since the
    /// rewrite would silently run the function elsewhere: an attribute
    /// (`self.loop`, `self._loop`, `hass.loop`: it may hold a loop wrapper or
    /// an executor-like object), a parameter without an event-loop
    /// annotation (whatever its name) or with another type, a name bound to
    /// anything else or outside the coroutine (a module-level
    /// `loop = asyncio.get_event_loop()` is the default loop, not the
    /// running one). Also reported without a fix: a function of the module
    /// (named, or in `functools.partial`) whose own code changes the decimal
    /// context or a module context variable's value in place, and every
    /// call in a module that defines or replaces a `run_in_executor` (a loop
    /// class of its own, a patched loop).
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

/// A call this codemod can rewrite.
struct Candidate<'a> {
    call: &'a ast::ExprCall,
    /// The receiver, `loop` in `loop.run_in_executor`.
    receiver: &'a Expr,
    /// Removes the executor argument and its comma.
    drop_executor: Edit,
}

fn to_thread(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let mut candidates: Vec<Candidate> = Vec::new();
    // Asked once, of the first call that could be rewritten.
    let own_method = std::cell::OnceCell::new();
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
        let note = if let Err(reason) = semantic.is_running_loop(&method.value, scope) {
            reason.to_string()
        } else if *own_method.get_or_init(|| semantic.may_define_attribute("run_in_executor")) {
            "the module defines or replaces a `run_in_executor` method, which `to_thread` would hand a wrapper instead of the function".to_string()
        } else if let Some(changed) = changes_callers_context(semantic, func, scope) {
            format!(
                "the function changes an object the context holds (line {}): run by `to_thread`, it changes the caller's",
                ctx.line_index().line_index(changed.start()).get()
            )
        } else if contains_comment(ctx.tokens, TextRange::new(call.start(), func.start())) {
            "a comment sits in the part of the call that would be rewritten".to_string()
        } else if let Some(drop_executor) =
            first_argument_deletion(ctx.source, arguments, executor, func)
        {
            candidates.push(Candidate {
                call,
                receiver: &method.value,
                drop_executor,
            });
            continue;
        } else {
            "the executor argument is laid out in a way the fix cannot keep".to_string()
        };
        out.report(&TO_THREAD, call.range(), MESSAGE).note(note);
    }

    let unused = unused_loop_variables(ctx, &candidates);
    for (index, candidate) in candidates.iter().enumerate() {
        let finding = out.report(&TO_THREAD, candidate.call.range(), MESSAGE);
        // The fix of the first call on a loop variable that ends unused
        // rewrites every call on it and removes the variable's assignment:
        // all at once, so no call is left reading a name that is gone. The
        // later calls' own fixes then repeat edits already made.
        let group = unused
            .iter()
            .find(|variable| variable.calls.first() == Some(&index));
        finding.fix_with(Applicability::Unsafe, |fix| {
            let to_thread = rewrite_call(fix, candidate)?;
            let Some(variable) = group else {
                fix.title(format!("Replace with `await {to_thread}(…)`"));
                return Ok(());
            };
            for &other in variable.calls.iter().skip(1) {
                if let Some(other) = candidates.get(other) {
                    rewrite_call(fix, other)?;
                }
            }
            for edit in delete_statements(
                ctx.source,
                ctx.semantic,
                &[variable.stmt],
                Comments::Keep(ctx.tokens),
            )? {
                fix.edit(edit);
            }
            fix.remove_import_if_unused(&variable.getter.func);
            fix.title(format!(
                "Replace with `await {to_thread}(…)` and remove the unused `{}`",
                variable.name
            ));
            Ok(())
        });
    }
}

const MESSAGE: &str = "`run_in_executor` on the default executor, awaited at once";

/// Where the function run in the thread (a function of the module, named or
/// wrapped in `functools.partial`) changes an object the current context
/// holds: in `to_thread`'s copy of the context that object is the caller's.
fn changes_callers_context(
    semantic: &SemanticModel,
    func: &Expr,
    scope: ScopeId,
) -> Option<TextRange> {
    let target = match func {
        Expr::Call(partial) if semantic.refers_to(&partial.func, scope, "functools.partial") => {
            partial.arguments.args.first()?
        }
        other => other,
    };
    match semantic.callee(target, scope) {
        Callee::Function(def) => semantic.changes_context_objects(def),
        Callee::Class(_) | Callee::Unknown => None,
    }
}

/// The edits that turn one call into `asyncio.to_thread(…)`; returns the
/// name written.
fn rewrite_call(fix: &mut FixBuilder, candidate: &Candidate) -> anyhow::Result<String> {
    let to_thread = fix.ensure_import("asyncio", "to_thread")?;
    fix.replace(candidate.call.func.range(), to_thread.clone());
    fix.edit(candidate.drop_executor.clone());
    if let Expr::Call(receiver) = candidate.receiver {
        fix.remove_import_if_unused(&receiver.func);
    }
    Ok(to_thread)
}

/// A loop variable that every rewritten call reads and nothing else does.
struct UnusedLoop<'a> {
    name: &'a str,
    /// `loop = asyncio.get_running_loop()`, its only binding.
    stmt: &'a Stmt,
    getter: &'a ast::ExprCall,
    /// Indexes of the candidates that read it, in source order.
    calls: Vec<usize>,
}

/// The loop variables (`loop = asyncio.get_running_loop()`) left without a
/// use once every candidate call on them is rewritten: bound once, by
/// that assignment, and read only as the receiver of those calls.
fn unused_loop_variables<'a>(
    ctx: &Context<'a>,
    candidates: &[Candidate<'a>],
) -> Vec<UnusedLoop<'a>> {
    let semantic = ctx.semantic;
    let mut found: Vec<UnusedLoop<'a>> = Vec::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let Expr::Name(receiver) = candidate.receiver else {
            continue;
        };
        let name = receiver.id.as_str();
        let scope = semantic.scope_at(candidate.call.start());
        let Some(owner) = semantic.owner_scope(name, scope) else {
            continue;
        };
        // `locals()` and the like would miss the variable.
        if semantic.reads_own_frame(owner) {
            continue;
        }
        let Some(&[binding]) = semantic.bindings_in(owner, name) else {
            continue;
        };
        let Some((stmt, getter)) = semantic.loop_getter_assignment(semantic.binding(binding))
        else {
            continue;
        };
        if let Some(known) = found.iter_mut().find(|v| std::ptr::eq(v.stmt, stmt)) {
            known.calls.push(index);
            continue;
        }
        let receivers: Vec<TextRange> = candidates
            .iter()
            .filter_map(|c| match c.receiver {
                Expr::Name(n) if n.id.as_str() == name => Some(n.range),
                _ => None,
            })
            .collect();
        let only_receivers = semantic.uses_of(name, owner).iter().all(|u| match u.kind {
            UseKind::Read => receivers.contains(&u.range),
            UseKind::Write => stmt.range().contains_range(u.range),
            UseKind::Delete | UseKind::Declaration => false,
        });
        if only_receivers {
            found.push(UnusedLoop {
                name,
                stmt,
                getter,
                calls: vec![index],
            });
        }
    }
    found
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
    use super::{MESSAGE, TO_THREAD};
    use crate::codemods::GET_RUNNING_LOOP;
    use crate::test_support::{check_finding, check_fix_together, check_no_fix, check_unsafe_fix};

    #[test]
    fn unused_loop_variable_goes_with_the_call() {
        check_unsafe_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(p):\n    loop = asyncio.get_running_loop()\n    return await loop.run_in_executor(None, read, p)\n",
            "import asyncio\n\nasync def f(p):\n    return await asyncio.to_thread(read, p)\n",
        );
    }

    #[test]
    fn every_call_on_the_loop_is_rewritten_before_it_goes() {
        check_unsafe_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()  # the loop\n    a = await loop.run_in_executor(None, read)\n    b = await loop.run_in_executor(None, read)\n    return a + b\n",
            "import asyncio\n\nasync def f():\n    # the loop\n    a = await asyncio.to_thread(read)\n    b = await asyncio.to_thread(read)\n    return a + b\n",
        );
    }

    #[test]
    fn loop_variable_with_other_uses_stays() {
        check_unsafe_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(pool):\n    loop = asyncio.get_running_loop()\n    a = await loop.run_in_executor(None, read)\n    b = await loop.run_in_executor(pool, read)\n    return a, b, loop.time()\n",
            "import asyncio\n\nasync def f(pool):\n    loop = asyncio.get_running_loop()\n    a = await asyncio.to_thread(read)\n    b = await loop.run_in_executor(pool, read)\n    return a, b, loop.time()\n",
        );
        check_unsafe_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    check = lambda: loop.is_running()\n    return await loop.run_in_executor(None, check)\n",
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    check = lambda: loop.is_running()\n    return await asyncio.to_thread(check)\n",
        );
    }

    #[test]
    fn chained_getter_and_its_import_goes() {
        check_unsafe_fix(
            &TO_THREAD,
            "from asyncio import get_event_loop\n\nasync def f():\n    await get_event_loop().run_in_executor(None, work)\n",
            "import asyncio\n\nasync def f():\n    await asyncio.to_thread(work)\n",
        );
    }

    #[test]
    fn getter_imported_by_name_goes_with_the_variable() {
        check_unsafe_fix(
            &TO_THREAD,
            "from asyncio import get_running_loop, to_thread\n\nasync def f():\n    loop = get_running_loop()\n    await loop.run_in_executor(None, work)\n",
            "from asyncio import to_thread\n\nasync def f():\n    await to_thread(work)\n",
        );
    }

    #[test]
    fn attributes_are_not_known_to_be_the_loop() {
        // `self._loop` may hold a loop wrapper or an executor-like object.
        check_finding(
            &TO_THREAD,
            "import asyncio as aio\n\nclass C:\n    async def f(self, *a):\n        return await self._loop.run_in_executor(None, self.work, *a)\n",
            MESSAGE,
        );
    }

    #[test]
    fn parameters_are_the_loop_only_when_annotated_so() {
        check_unsafe_fix(
            &TO_THREAD,
            "import asyncio\nimport functools\n\nasync def f(ev: asyncio.AbstractEventLoop):\n    await ev.run_in_executor(None, functools.partial(work, k=1))\n",
            "import asyncio\nimport functools\n\nasync def f(ev: asyncio.AbstractEventLoop):\n    await asyncio.to_thread(functools.partial(work, k=1))\n",
        );
        check_finding(
            &TO_THREAD,
            "import asyncio\n\nasync def f(loop):\n    await loop.run_in_executor(None, work)\n",
            MESSAGE,
        );
        check_finding(
            &TO_THREAD,
            "import asyncio\nfrom app import Pool\n\nasync def f(loop: Pool):\n    await loop.run_in_executor(None, work)\n",
            MESSAGE,
        );
    }

    #[test]
    fn executor_alone_on_its_line_goes_with_the_line() {
        check_unsafe_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    await asyncio.get_running_loop().run_in_executor(\n        None,\n        work,\n        1,\n    )\n",
            "import asyncio\n\nasync def f():\n    await asyncio.to_thread(\n        work,\n        1,\n    )\n",
        );
    }

    #[test]
    fn composes_with_get_running_loop() {
        check_fix_together(
            &[&GET_RUNNING_LOOP, &TO_THREAD],
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_event_loop()\n    await asyncio.get_event_loop().run_in_executor(None, work)\n    return loop\n",
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    await asyncio.to_thread(work)\n    return loop\n",
        );
        check_fix_together(
            &[&GET_RUNNING_LOOP, &TO_THREAD],
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_event_loop()\n    await loop.run_in_executor(None, work)\n",
            "import asyncio\n\nasync def f():\n    await asyncio.to_thread(work)\n",
        );
    }

    #[test]
    fn future_awaited_later_is_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    fut = loop.run_in_executor(None, work)\n    other()\n    return await fut\n",
        );
    }

    #[test]
    fn future_passed_to_gather_or_wait_for_is_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    await asyncio.gather(loop.run_in_executor(None, a))\n    await asyncio.wait_for(loop.run_in_executor(None, b), 1)\n",
        );
    }

    #[test]
    fn custom_executor_is_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f(pool):\n    loop = asyncio.get_running_loop()\n    await loop.run_in_executor(pool, work)\n",
        );
    }

    #[test]
    fn keyword_arguments_are_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    await loop.run_in_executor(executor=None, func=work)\n    await loop.run_in_executor(None, *call)\n",
        );
    }

    #[test]
    fn loop_bound_outside_the_coroutine_is_not_known() {
        // At import time `get_event_loop()` gives the default loop, which
        // need not be the one that runs the coroutine.
        check_finding(
            &TO_THREAD,
            "import asyncio\n\nloop = asyncio.get_event_loop()\n\nasync def f():\n    await loop.run_in_executor(None, work)\n",
            MESSAGE,
        );
        check_finding(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    async def g():\n        await loop.run_in_executor(None, work)\n    await g()\n",
            MESSAGE,
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
            "import asyncio\n\nasync def f():\n    await asyncio.get_running_loop().run_in_executor(\n        None,  # default pool\n        work,\n    )\n",
        );
    }

    #[test]
    fn parenthesized_executor_is_left_alone() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    await asyncio.get_running_loop().run_in_executor((None), work)\n",
        );
    }

    #[test]
    fn shadowed_asyncio_keeps_the_finding_without_fix() {
        check_finding(
            &TO_THREAD,
            "from asyncio import AbstractEventLoop\n\nasync def f(loop: AbstractEventLoop, asyncio):\n    await loop.run_in_executor(None, work)\n",
            MESSAGE,
        );
    }

    #[test]
    fn functions_that_change_the_contexts_objects_are_reported() {
        // In `to_thread`'s copy of the context, `getcontext()` is the
        // caller's decimal context, and a variable's value the caller's object.
        for (function, call) in [
            (
                "def low(values):\n    decimal.getcontext().prec = 3\n    return sum(values)\n",
                "loop.run_in_executor(None, low, [1])",
            ),
            (
                "def low():\n    ctx = decimal.getcontext()\n    ctx.traps[decimal.Inexact] = True\n",
                "loop.run_in_executor(None, functools.partial(low))",
            ),
            (
                "def low():\n    SEEN.get().append(1)\n",
                "loop.run_in_executor(None, low)",
            ),
        ] {
            check_finding(
                &TO_THREAD,
                &format!(
                    "import asyncio, contextvars, decimal, functools\nSEEN = contextvars.ContextVar('seen')\n{function}async def f():\n    loop = asyncio.get_running_loop()\n    return await {call}\n"
                ),
                MESSAGE,
            );
        }
        // Setting a variable, or a local decimal context, stays in the copy.
        check_unsafe_fix(
            &TO_THREAD,
            "import asyncio, decimal\ndef low():\n    with decimal.localcontext() as ctx:\n        ctx.prec = 3\nasync def f():\n    await asyncio.get_running_loop().run_in_executor(None, low)\n",
            "import asyncio, decimal\ndef low():\n    with decimal.localcontext() as ctx:\n        ctx.prec = 3\nasync def f():\n    await asyncio.to_thread(low)\n",
        );
    }

    #[test]
    fn a_module_with_its_own_run_in_executor_is_reported() {
        check_finding(
            &TO_THREAD,
            "import asyncio\nclass Traced(asyncio.SelectorEventLoop):\n    def run_in_executor(self, executor, func, *args):\n        print(func.__name__)\n        return super().run_in_executor(executor, func, *args)\nasync def f():\n    await asyncio.get_running_loop().run_in_executor(None, work)\n",
            MESSAGE,
        );
        check_finding(
            &TO_THREAD,
            "import asyncio\nasyncio.BaseEventLoop.run_in_executor = traced\nasync def f():\n    await asyncio.get_running_loop().run_in_executor(None, work)\n",
            MESSAGE,
        );
    }

    #[test]
    fn loop_variable_stays_where_the_frame_is_read() {
        check_unsafe_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    r = await loop.run_in_executor(None, work)\n    return r, locals()\n",
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    r = await asyncio.to_thread(work)\n    return r, locals()\n",
        );
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &TO_THREAD,
            "import asyncio\n\nasync def f():\n    await asyncio.get_running_loop().run_in_executor(None, work)  # noqa: AM102\n",
        );
    }
}
