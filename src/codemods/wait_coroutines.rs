use crate::codemods::prelude::*;
use crate::codemods::support::{Brackets, bracket_items, width};
use crate::fix::layout::{indent_unit, indentation_at, line_end, line_start};
use crate::semantic::coroutines::CallResult;
use crate::semantic::{ScopeId, SemanticModel};
use crate::source::line_ending;

declare_codemod! {
    /// ## What it does
    /// Wraps each coroutine passed to `asyncio.wait` in
    /// `asyncio.create_task(...)`: the elements of a list, set or tuple
    /// literal (`await asyncio.wait([fetch(a), fetch(b)])`), or the element
    /// of a comprehension (`[fetch(u) for u in urls]`).
    ///
    /// ## Why
    /// `asyncio.wait` stopped accepting coroutines in Python 3.11 (a
    /// `TypeError`; deprecated since 3.8): it wrapped them in tasks itself,
    /// so the `done` and `pending` sets it returned held tasks the caller
    /// could not match to anything it had.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def ping_all(a, b):
    ///     done, pending = await asyncio.wait([ping(a), ping(b)])
    ///     return done
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def ping_all(a, b):
    ///     done, pending = await asyncio.wait(
    ///         [asyncio.create_task(ping(a)), asyncio.create_task(ping(b))]
    ///     )
    ///     return done
    /// ```
    ///
    /// ## Fix safety
    /// Safe when every wrapped element is known to return a coroutine (see
    /// the semantic layer's coroutine oracle: an `async def` of the module,
    /// asyncio's coroutine functions, a plain `def` that returns one).
    /// `asyncio.wait` did exactly this to each coroutine (with
    /// `ensure_future`, in an arbitrary order) before waiting; the fix only
    /// applies to a `wait` awaited where it is called, in a coroutine, so
    /// the tasks start at the same moment as before. A line made longer
    /// than the line length is broken as black would break it.
    ///
    /// Unsafe when an element is a call whose result the module does not
    /// show (an imported function, a method of another object, a decorated
    /// function): it is wrapped too, and if it returns a future after all,
    /// `create_task` raises `TypeError` at once.
    ///
    /// ## Left alone
    /// Names, attributes and other values that are not calls (tasks and
    /// futures usually are held in variables); calls that produce futures or
    /// tasks; arguments built some other way (`asyncio.wait(coros)`). A
    /// `wait` that is not awaited at once (`w = asyncio.wait([...])`,
    /// `asyncio.wait_for(asyncio.wait([...]), 5)`), where the tasks would
    /// start earlier than before, or that runs outside a coroutine
    /// (`loop.run_until_complete(asyncio.wait([...]))`), where `create_task`
    /// has no running loop, is reported without a fix.
    pub static WAIT_COROUTINES = Codemod {
        code: "AM204",
        name: "wait-coroutines",
        min_python: PyVersion::PY37,
        safety: Applicability::Safe,
        run: wait_coroutines,
        needles: &["wait"],
        requires: &["asyncio", "async"],
    };
}

fn wait_coroutines(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for site in &semantic.calls {
        let (call, scope) = (site.call, site.scope);
        if !is_asyncio_wait(semantic, &call.func, scope) {
            continue;
        }
        let Some(awaitables) = call.arguments.find_argument_value("fs", 0) else {
            continue;
        };
        let (coroutines, unknown) = coroutine_elements(semantic, awaitables, scope);
        if coroutines.is_empty() && unknown.is_empty() {
            continue;
        }
        // A call that may return a future, wrapped too: `create_task` then
        // raises `TypeError` at once, a loud failure, so the fix is unsafe.
        let applicability = if unknown.is_empty() {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        let mut coroutines = coroutines;
        coroutines.extend(unknown);
        coroutines.sort_by_key(|element| element.start());
        if !semantic.in_async_def(scope) {
            report(out, awaitables)
                .note("outside a coroutine there is no running loop for `create_task`");
            continue;
        }
        if !semantic.is_awaited(call) {
            report(out, awaitables).note(
                "the `wait` is not awaited where it is called: tasks created now would start before it runs",
            );
            continue;
        }
        report(out, awaitables).fix_with(applicability, |fix| {
            fix.title("Wrap each coroutine in `asyncio.create_task`");
            let mut wrapped = Vec::with_capacity(coroutines.len());
            for element in &coroutines {
                fix.set_site(element.start());
                let create_task = fix.ensure_import("asyncio", "create_task")?;
                wrapped.push((element.range(), create_task));
            }
            let laid_out = laid_out_arguments(ctx, call, awaitables, &wrapped)
                .or_else(|| exploded_display(ctx, awaitables, &wrapped, None));
            if let Some((range, text)) = laid_out {
                fix.replace(range, text);
                return Ok(());
            }
            for (range, create_task) in wrapped {
                fix.insert(range.start(), format!("{create_task}("));
                fix.insert(range.end(), ")");
            }
            Ok(())
        });
    }
}

/// The `wait` call's arguments with the coroutines wrapped, laid out over
/// several lines as black would, when the call sits on one line that the
/// wrapping makes longer than the line length: the arguments on their own
/// line, else one per line, the display exploded in turn if it is still
/// too long. `None` when the plain insertions are the fix.
fn laid_out_arguments(
    ctx: &Context,
    call: &ast::ExprCall,
    display: &Expr,
    wrapped: &[(TextRange, String)],
) -> Option<(TextRange, String)> {
    let source = ctx.source;
    let arguments = call.arguments.range();
    if line_start(source, arguments.start()) != line_start(source, arguments.end()) {
        return None;
    }
    let inner = TextRange::new(
        arguments.start() + TextSize::of('('),
        arguments.end() - TextSize::of(')'),
    );
    let ranges: Vec<TextRange> = call
        .arguments
        .iter_source_order()
        .map(|a| a.range())
        .collect();
    let mut items = bracket_items(source, ctx.tokens, inner, &ranges)?;
    let display_range = display.range();
    let index = ranges
        .iter()
        .position(|r| r.contains_range(display_range))?;
    let one_line = spliced(source, ranges[index], wrapped)?;
    items[index] = one_line;
    let exploded = |indent: &str| {
        if ranges[index] != display_range {
            return None; // `fs=[...]`: keep it simple.
        }
        exploded_display(ctx, display, wrapped, Some(indent)).map(|(_, text)| text)
    };
    let line = TextRange::new(
        line_start(source, arguments.start()),
        line_end(source, arguments.end()),
    );
    let brackets = Brackets {
        before: width(&source[TextRange::new(line.start(), arguments.start())]),
        after: width(&source[TextRange::new(arguments.end(), line.end())]),
        indent: indentation_at(source, arguments.start()),
        unit: &indent_unit(source, ctx.tokens),
        eol: line_ending(source),
        line_length: ctx.settings.line_length,
        hug: true,
    };
    let text = brackets.layout_nested("(", &items, ")", |i, indent| {
        (i == index).then(|| exploded(indent)).flatten()
    });
    text.contains(['\n', '\r']).then_some((arguments, text))
}

/// The display with its coroutines wrapped, one element per line, when
/// it would not fit: at `indent` as an argument on its own line (then a
/// comma follows it), or where it stands when it sits on one line that the
/// wrapping makes too long. `None` when it fits, or is no list, set or
/// tuple display on one line.
fn exploded_display(
    ctx: &Context,
    display: &Expr,
    wrapped: &[(TextRange, String)],
    indent: Option<&str>,
) -> Option<(TextRange, String)> {
    let source = ctx.source;
    let (elements, open, close) = match display {
        Expr::List(list) => (&list.elts, "[", "]"),
        Expr::Set(set) => (&set.elts, "{", "}"),
        Expr::Tuple(tuple) if tuple.parenthesized && tuple.elts.len() > 1 => {
            (&tuple.elts, "(", ")")
        }
        _ => return None,
    };
    let range = display.range();
    if line_start(source, range.start()) != line_start(source, range.end()) {
        return None;
    }
    let element_ranges: Vec<TextRange> = elements.iter().map(Ranged::range).collect();
    let inner = TextRange::new(
        range.start() + TextSize::of(open),
        range.end() - TextSize::of(close),
    );
    let mut elements = bracket_items(source, ctx.tokens, inner, &element_ranges)?;
    for (element, element_range) in elements.iter_mut().zip(&element_ranges) {
        *element = spliced(source, *element_range, wrapped)?;
    }
    let line = TextRange::new(
        line_start(source, range.start()),
        line_end(source, range.end()),
    );
    let (before, after, indent) = match indent {
        Some(indent) => (width(indent), 1, indent),
        None => (
            width(&source[TextRange::new(line.start(), range.start())]),
            width(&source[TextRange::new(range.end(), line.end())]),
            indentation_at(source, range.start()),
        ),
    };
    let brackets = Brackets {
        before,
        after,
        indent,
        unit: &indent_unit(source, ctx.tokens),
        eol: line_ending(source),
        line_length: ctx.settings.line_length,
        hug: false,
    };
    let text = brackets.layout(open, &elements, close);
    text.contains(['\n', '\r']).then_some((range, text))
}

/// The source text of `range` with each wrapped coroutine inside it
/// wrapped: `create_task(` before it and `)` after.
fn spliced(source: &str, range: TextRange, wrapped: &[(TextRange, String)]) -> Option<String> {
    let mut out = String::new();
    let mut last = range.start();
    for (element, create_task) in wrapped {
        if !range.contains_range(*element) {
            continue;
        }
        out.push_str(source.get(TextRange::new(last, element.start()).to_std_range())?);
        out.push_str(&format!("{create_task}("));
        out.push_str(source.get(element.to_std_range())?);
        out.push(')');
        last = element.end();
    }
    out.push_str(source.get(TextRange::new(last, range.end()).to_std_range())?);
    Some(out)
}

fn report<'o, 'a>(
    out: &'o mut Findings<'_, 'a>,
    awaitables: &Expr,
) -> crate::fix::FindingBuilder<'o, 'a> {
    out.report(
        &WAIT_COROUTINES,
        awaitables.range(),
        "`asyncio.wait` rejects coroutines since Python 3.11",
    )
}

/// Whether `func` is `asyncio.wait`, under any import spelling.
fn is_asyncio_wait(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> bool {
    semantic.refers_to(func, scope, "asyncio.wait")
        || semantic.refers_to(func, scope, "asyncio.tasks.wait")
}

/// The elements of the awaitables argument (of a list, set or tuple
/// display, or the element of a comprehension) that are coroutine calls,
/// and the calls whose result asyncmod cannot tell.
fn coroutine_elements<'a>(
    semantic: &SemanticModel,
    awaitables: &'a Expr,
    scope: ScopeId,
) -> (Vec<&'a Expr>, Vec<&'a Expr>) {
    let (elements, element_scope): (Vec<&Expr>, ScopeId) = match awaitables {
        Expr::List(list) => (list.elts.iter().collect(), scope),
        Expr::Set(set) => (set.elts.iter().collect(), scope),
        Expr::Tuple(tuple) => (tuple.elts.iter().collect(), scope),
        Expr::ListComp(comp) => (vec![comp.elt.as_ref()], semantic.scope_at(comp.elt.start())),
        Expr::SetComp(comp) => (vec![comp.elt.as_ref()], semantic.scope_at(comp.elt.start())),
        Expr::Generator(comp) => (vec![comp.elt.as_ref()], semantic.scope_at(comp.elt.start())),
        _ => return (Vec::new(), Vec::new()),
    };
    let mut coroutines = Vec::new();
    let mut unknown = Vec::new();
    for element in elements {
        let Expr::Call(call) = element else { continue };
        match semantic.call_result(call, element_scope) {
            CallResult::Coroutine => coroutines.push(element),
            CallResult::Unknown => unknown.push(element),
            CallResult::NotCoroutine | CallResult::Future => {}
        }
    }
    (coroutines, unknown)
}

#[cfg(test)]
mod tests {
    use super::WAIT_COROUTINES;
    use crate::test_support::{check_finding, check_no_fix, check_safe_fix, check_unsafe_fix};

    #[test]
    fn wraps_list_elements() {
        check_unsafe_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def f():\n    await asyncio.wait([a(), b(1)])\n",
            "import asyncio\nasync def f():\n    await asyncio.wait([asyncio.create_task(a()), asyncio.create_task(b(1))])\n",
        );
    }

    #[test]
    fn wraps_comprehension_element_and_keeps_tasks() {
        check_unsafe_fix(
            &WAIT_COROUTINES,
            "import asyncio as aio\nasync def f(urls, task):\n    done, _ = await aio.wait({fetch(u) for u in urls}, timeout=1)\n    await aio.wait((task, fetch(1)))\n",
            "import asyncio as aio\nasync def f(urls, task):\n    done, _ = await aio.wait({aio.create_task(fetch(u)) for u in urls}, timeout=1)\n    await aio.wait((task, aio.create_task(fetch(1))))\n",
        );
    }

    #[test]
    fn from_import_of_wait_adds_asyncio() {
        check_unsafe_fix(
            &WAIT_COROUTINES,
            "from asyncio import wait\n\n\nasync def f():\n    await wait(fs=[job()])\n",
            "import asyncio\nfrom asyncio import wait\n\n\nasync def f():\n    await wait(fs=[asyncio.create_task(job())])\n",
        );
    }

    #[test]
    fn futures_and_tasks_stay() {
        check_no_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def f(loop, t, tg):\n    await asyncio.wait([t, asyncio.ensure_future(a()), loop.run_in_executor(None, g), asyncio.gather(a()), tg.create_task(a()), asyncio.Future()])\n",
        );
    }

    #[test]
    fn not_awaited_at_once_stays() {
        check_no_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def f():\n    waiter = asyncio.wait([a(), b()])\n    await waiter\n",
        );
    }

    #[test]
    fn outside_a_coroutine_stays() {
        check_no_fix(
            &WAIT_COROUTINES,
            "import asyncio\nloop = asyncio.new_event_loop()\nloop.run_until_complete(asyncio.wait([a(), b()]))\n",
        );
    }

    #[test]
    fn sync_defs_classes_and_builtins_stay() {
        check_no_fix(
            &WAIT_COROUTINES,
            "import asyncio\nclass Job:\n    pass\ndef make():\n    return Job()\nasync def f(xs):\n    await asyncio.wait([Job(), make(), Waiter(), *map(g, xs), list(xs)])\n",
        );
    }

    #[test]
    fn plain_def_returning_a_coroutine_is_wrapped() {
        check_safe_fix(
            &WAIT_COROUTINES,
            "import asyncio\ndef make():\n    return asyncio.sleep(1)\nasync def f():\n    await asyncio.wait([make()])\n",
            "import asyncio\ndef make():\n    return asyncio.sleep(1)\nasync def f():\n    await asyncio.wait([asyncio.create_task(make())])\n",
        );
    }

    #[test]
    fn other_wait_functions_stay() {
        check_no_fix(
            &WAIT_COROUTINES,
            "import asyncio\nimport trio\nasync def f(event, asyncio_=None):\n    await event.wait([a()])\n    await trio.wait([a()])\n\nasync def g(asyncio):\n    await asyncio.wait([a()])\n",
        );
    }

    #[test]
    fn async_defs_of_the_module_and_methods() {
        check_safe_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def job():\n    pass\nclass C:\n    async def run(self):\n        return 1\n    async def all(self):\n        await asyncio.wait([job(), self.run()])\n",
            "import asyncio\nasync def job():\n    pass\nclass C:\n    async def run(self):\n        return 1\n    async def all(self):\n        await asyncio.wait(\n            [asyncio.create_task(job()), asyncio.create_task(self.run())]\n        )\n",
        );
    }

    #[test]
    fn wait_inside_wait_for_is_reported() {
        check_finding(
            &WAIT_COROUTINES,
            "import asyncio\nasync def f():\n    await asyncio.wait_for(asyncio.wait([a()]), 5)\n",
            "`asyncio.wait` rejects coroutines since Python 3.11",
        );
    }

    #[test]
    fn long_line_is_broken_like_black() {
        check_unsafe_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def f():\n    done, pending = await asyncio.wait([first_job(), second_job(), third_job()], timeout=10)\n",
            "import asyncio\nasync def f():\n    done, pending = await asyncio.wait(\n        [\n            asyncio.create_task(first_job()),\n            asyncio.create_task(second_job()),\n            asyncio.create_task(third_job()),\n        ],\n        timeout=10,\n    )\n",
        );
    }
}
