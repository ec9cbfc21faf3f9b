use crate::codemods::prelude::*;
use crate::fix::layout::{Brackets, bracket_items, width};
use crate::fix::layout::{indent_unit, indentation_at, line_end, line_start};
use crate::semantic::caught::CaughtBy;
use crate::semantic::coroutines::CallResult;
use crate::semantic::patches::StandIn;
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
    /// async def ping(host):
    ///     ...
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
    /// async def ping(host):
    ///     ...
    ///
    /// async def ping_all(a, b):
    ///     done, pending = await asyncio.wait(
    ///         [asyncio.create_task(ping(a)), asyncio.create_task(ping(b))]
    ///     )
    ///     return done
    /// ```
    ///
    /// ## Fix safety
    /// Only elements known to be coroutines are wrapped: calls of the
    /// module's own `async def`s (or `self` methods no class of the module
    /// can override), of a plain `def` that returns such a call, or of
    /// asyncio's coroutine functions (the semantic layer's coroutine oracle
    /// decides). `asyncio.wait` did exactly this to each coroutine (with
    /// `ensure_future`, in an arbitrary order) before waiting, and the fix
    /// only applies to a `wait` awaited where it is called, in a coroutine,
    /// so the tasks start at the same moment as before. A generator
    /// argument becomes a list comprehension: `wait` took a generator for a
    /// coroutine up to Python 3.11 (a `TypeError`), and turned it into a
    /// set at once anyway. A line made longer than the line length is
    /// broken as black would break it.
    ///
    /// Safe when nothing evaluated after the first task exists can raise:
    /// each later element is a call of an `async def` of the module (no
    /// decorator; a method through `self` with none but `staticmethod` or
    /// `classmethod`), whose body does not run yet, with arguments that
    /// bind to its parameters (no `*args` or `**opts`, none missing, none
    /// too many, no unknown keyword) and that are constants or names
    /// surely bound there (a parameter, a name assigned on every path
    /// before); a comprehension's element is such a call too, its
    /// conditions and later iterables cannot raise, every iterable is
    /// iterated without running code (a display, `range(…)`, or a local
    /// bound only to a new list, tuple, set or dict: any other name may be
    /// a generator, whose code runs, and may raise, between the tasks);
    /// and `wait`'s other arguments are a `timeout=` that cannot raise and
    /// a `return_when=` that is one of asyncio's constants. Unsafe
    /// otherwise: if `urls[5]` raises in `wait([fetch(urls[0]),
    /// fetch(urls[5])])`, the first task now runs on in the background,
    /// where before no coroutine started; the same when a later element
    /// calls a plain `def` whose body raises, reads a name that may be
    /// unbound or an attribute that may be missing, or passes arguments
    /// that do not bind (`TypeError`), or when `wait` gets an argument it
    /// refuses (`loop=` since Python 3.10); `wait` checks `return_when`
    /// after the tasks exist now, and before it made them then.
    /// An imported `async def` is unsafe: its parameters are not known.
    ///
    /// From Python 3.11 the call raises `TypeError` on a coroutine, and the
    /// fix makes it run: a program that relies on the error (a shim that
    /// falls back to `gather`, a test expecting it) changes. Code that
    /// expects it around the call or in its callers (`except TypeError:`,
    /// `assertRaises(TypeError)`, `pytest.raises(TypeError)`) leaves the call
    /// without a fix; any code of the module that may catch a `TypeError`
    /// (the same rule as `loop-argument`, AM201: `except Exception`,
    /// `gather(…, return_exceptions=True)`, `suppress(…)`) makes it unsafe.
    ///
    /// Another file of the project that writes an attribute named
    /// `wait` or `create_task` (by that name; a write by a name or target the code computes, `setattr(asyncio, name, f)`, `mock.patch(target)`, in a file that spells the module's name in a string, counts for every member, and so does `sys.modules["asyncio"] = shim`): a
    /// mock's patch (`mock.patch(…)`, `patch.object(…)`,
    /// `monkeypatch.setattr(…)`, as a test does around the code it tests)
    /// makes the fix unsafe, as its failure shows in that test; any other
    /// write (a compat `asyncio.wait` that accepts coroutines; the module doing so itself: no fix either) leaves it without a fix, as the fixed code would
    /// silently no longer reach the stand-in. The note names the file.
    ///
    /// ## Left alone
    /// Calls whose result the module does not show (an imported function
    /// the project index cannot follow, a method of another object, a decorated function), reported without
    /// a fix: code that runs on Python 3.11 passes futures there, which
    /// `create_task` would reject with `TypeError`; and wrapping only the
    /// known coroutines beside them would start those before `wait` raises
    /// on the others. The same for a name the function binds to such a
    /// call or to a coroutine (`c = fetch(2)` then `wait([fetch(1), c])`).
    /// Other names, attributes and other values that are not calls
    /// (tasks and futures usually are held in variables); calls that
    /// produce futures or tasks; arguments built some other way
    /// (`asyncio.wait(coros)`). A `wait` that is not awaited at once (`w =
    /// asyncio.wait([...])`, `asyncio.wait_for(asyncio.wait([...]), 5)`),
    /// where the tasks would start earlier than before, or that runs outside
    /// a coroutine (`loop.run_until_complete(asyncio.wait([...]))`), where
    /// `create_task` has no running loop, is reported without a fix.
    ///
    /// ## Project index
    /// An element that calls an imported function counts as a coroutine
    /// when the project index follows the name to an `async def` of the
    /// project (or of an installed package it reads), or the built-in
    /// table of well-known libraries lists it as a coroutine function
    /// (`asyncpg.connect`); one the index cannot follow is unknown, and the
    /// call is reported without a fix, as above. The message names where
    /// each imported coroutine function lives ("`crunch` is an `async def`
    /// in `jobs/work.py:6`").
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
        let message = message(semantic, &coroutines);
        if !unknown.is_empty() {
            // Code that runs on Python 3.11 passes futures here: wrapping one
            // would break it, and wrapping only the known coroutines would
            // start them before `wait` raises on the others.
            report(out, awaitables, &message).note(
                "cannot tell whether every element is a coroutine or a future (a method of another object, an imported function); wrap the coroutines in `create_task` by hand",
            );
            continue;
        }
        let applicability =
            if evaluated_after_first_task_may_raise(semantic, call, awaitables, &coroutines, scope)
            {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            };
        if !semantic.in_async_def(scope) {
            report(out, awaitables, &message)
                .note("outside a coroutine there is no running loop for `create_task`");
            continue;
        }
        if !semantic.is_awaited(call) {
            report(out, awaitables, &message).note(
                "the `wait` is not awaited where it is called: tasks created now would start before it runs",
            );
            continue;
        }
        // `asyncio.wait` or `create_task` replaced or patched: a compat
        // `wait` that accepts coroutines, a test's mock.
        if ["asyncio.wait", "asyncio.tasks.wait", "asyncio.create_task"]
            .iter()
            .any(|qualified| semantic.may_replace(qualified))
            || semantic.may_be_replaced(&call.func, "asyncio.wait", scope)
        {
            report(out, awaitables, &message).note(
                "the module replaces or patches `asyncio.wait` or `create_task`, or may bind the \
                 name it calls through behind its statements' backs: its stand-in may take \
                 coroutines",
            );
            continue;
        }
        // From Python 3.11 the call raises `TypeError` on a coroutine, and
        // a program may rely on it (a shim falling back to `gather`, a test
        // expecting the error): the fix makes the call run instead.
        if let Some(at) = semantic.expects_exception_here_or_in_callers(call.start(), "TypeError") {
            report(out, awaitables, &message).note(format!(
                "the code on line {} expects the `TypeError` that `asyncio.wait` raises on coroutines since Python 3.11",
                ctx.line_index().line_index(at).get()
            ));
            continue;
        }
        let catcher = semantic.may_be_caught_by_callers("TypeError");
        let applicability = if catcher.is_some() {
            Applicability::Unsafe
        } else {
            applicability
        };
        let (applicability, finding) = match semantic.stand_in(
            &["asyncio.wait", "asyncio.create_task"],
            "its stand-in would be handed tasks instead of coroutines",
        ) {
            Some(StandIn::Replaced(note)) => {
                report(out, awaitables, &message).note(note);
                continue;
            }
            Some(StandIn::Mocked(note)) => (
                Applicability::Unsafe,
                report(out, awaitables, &message).note(note),
            ),
            None => {
                let finding = report(out, awaitables, &message);
                let finding = match &catcher {
                    Some(CaughtBy::Module(at)) => finding.note(format!(
                        "the code on line {} could catch the `TypeError` that `asyncio.wait` raises on coroutines since Python 3.11",
                        ctx.line_index().line_index(at.start()).get()
                    )),
                    Some(elsewhere) => finding.note(format!(
                        "{}: `asyncio.wait` raises it on coroutines since Python 3.11",
                        elsewhere.elsewhere("TypeError").unwrap_or_default()
                    )),
                    None => finding,
                };
                (applicability, finding)
            }
        };
        finding.fix_with(applicability, |fix| {
            fix.title("Wrap each coroutine in `asyncio.create_task`");
            let mut wrapped = Vec::with_capacity(coroutines.len());
            for element in &coroutines {
                fix.set_site(element.start());
                let create_task = fix.ensure_import("asyncio", "create_task")?;
                wrapped.push((element.range(), create_task));
            }
            if let Expr::Generator(generator) = awaitables {
                // `wait` takes a generator for a coroutine on Python 3.11 and
                // earlier (a `TypeError`): a list comprehension says the same.
                let range = generator.range();
                let inner = if generator.parenthesized {
                    TextRange::new(
                        range.start() + TextSize::of('('),
                        range.end() - TextSize::of(')'),
                    )
                } else {
                    range
                };
                let Some(text) = spliced(ctx.source, inner, &wrapped) else {
                    anyhow::bail!("cannot read the generator expression");
                };
                fix.replace(range, format!("[{text}]"));
                return Ok(());
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
    message: &str,
) -> crate::fix::FindingBuilder<'o, 'a> {
    out.report(&WAIT_COROUTINES, awaitables.range(), message)
}

/// The message, naming the other modules of the project whose coroutine
/// functions make the elements (`crunch` is an `async def` in
/// `jobs/work.py:6`): what the finding depends on outside this file.
fn message(semantic: &SemanticModel, coroutines: &[&Expr]) -> String {
    const MESSAGE: &str = "`asyncio.wait` rejects coroutines since Python 3.11";
    let mut described: Vec<String> = Vec::new();
    for element in coroutines {
        let Expr::Call(call) = element else { continue };
        let scope = semantic.scope_at(call.start());
        if let Some(text) = semantic.imported_coroutine_source(&call.func, scope)
            && !described.contains(&text)
        {
            described.push(text);
        }
    }
    if described.is_empty() {
        MESSAGE.to_string()
    } else {
        format!("{MESSAGE} ({})", described.join("; "))
    }
}

/// Whether something evaluated after the first wrapped coroutine becomes a
/// task may raise: then that task runs on in the background, where before
/// the exception left every coroutine unstarted. That is the case unless
/// the later elements, the wrapped calls' arguments, a comprehension's
/// conditions and later iterables, and `wait`'s other arguments are names,
/// constants, attributes of names or calls of known coroutine functions
/// with such arguments, and `return_when` is one of asyncio's constants
/// (`wait` checks it, after the tasks exist now, before it made them then).
fn evaluated_after_first_task_may_raise(
    semantic: &SemanticModel,
    call: &ast::ExprCall,
    awaitables: &Expr,
    coroutines: &[&Expr],
    scope: ScopeId,
) -> bool {
    let Some(first) = coroutines.first() else {
        return false;
    };
    // A call of a plain `def` runs its body (which may raise before it
    // returns its coroutine), and arguments that do not bind raise
    // `TypeError`: only an `async def` the call surely binds to just makes
    // its coroutine.
    let element_is_quiet = |element: &Expr, element_scope: ScopeId| match element {
        Expr::Call(inner) => {
            coroutines.iter().any(|c| std::ptr::eq(*c, element))
                && semantic.call_only_makes_coroutine(inner, element_scope)
                && inner
                    .arguments
                    .args
                    .iter()
                    .all(|a| cannot_raise(semantic, a, element_scope))
                && inner
                    .arguments
                    .keywords
                    .iter()
                    .all(|k| cannot_raise(semantic, &k.value, element_scope))
        }
        other => cannot_raise(semantic, other, element_scope),
    };
    let elements_quiet = match awaitables {
        Expr::List(ast::ExprList { elts, .. })
        | Expr::Set(ast::ExprSet { elts, .. })
        | Expr::Tuple(ast::ExprTuple { elts, .. }) => elts
            .iter()
            // The first task exists once the first coroutine is wrapped.
            .filter(|element| element.start() > first.start())
            .all(|element| element_is_quiet(element, scope)),
        Expr::ListComp(ast::ExprListComp {
            elt, generators, ..
        })
        | Expr::SetComp(ast::ExprSetComp {
            elt, generators, ..
        })
        | Expr::Generator(ast::ExprGenerator {
            elt, generators, ..
        }) => {
            let element_scope = semantic.scope_at(elt.start());
            // Iterating runs between the tasks too: a generator's code may
            // raise after the first task exists.
            element_is_quiet(elt, element_scope)
                && generators.iter().enumerate().all(|(i, generator)| {
                    let iter_scope = if i == 0 { scope } else { element_scope };
                    (i == 0 || cannot_raise(semantic, &generator.iter, iter_scope))
                        && semantic.iterates_quietly(&generator.iter, iter_scope)
                        && generator
                            .ifs
                            .iter()
                            .all(|condition| cannot_raise(semantic, condition, element_scope))
                })
        }
        _ => false,
    };
    let arguments_quiet = call.arguments.iter_source_order().all(|argument| {
        let (name, value) = match argument {
            ast::ArgOrKeyword::Arg(value) => (None, value),
            ast::ArgOrKeyword::Keyword(keyword) => {
                (keyword.arg.as_ref().map(|a| a.as_str()), &keyword.value)
            }
        };
        if std::ptr::eq(value, awaitables) {
            return true;
        }
        // `wait` takes its other arguments by keyword only (`loop=` is gone
        // since Python 3.10): anything else raises `TypeError`.
        match name {
            Some("return_when") => ["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"]
                .iter()
                .any(|constant| semantic.refers_to(value, scope, &format!("asyncio.{constant}"))),
            Some("timeout") => cannot_raise(semantic, value, scope),
            _ => false,
        }
    });
    !(elements_quiet && arguments_quiet)
}

/// A constant, or a name surely bound where `scope`'s code reads it:
/// evaluating it cannot raise. (An attribute read may raise
/// `AttributeError`, a possibly unbound name `NameError`.)
fn cannot_raise(semantic: &SemanticModel, expr: &Expr, scope: ScopeId) -> bool {
    match expr {
        Expr::Name(name) => semantic.surely_bound(name.id.as_str(), name.start(), scope),
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => true,
        Expr::UnaryOp(unary) => unary.operand.is_number_literal_expr(),
        _ => false,
    }
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
        // A coroutine made earlier and held in a name is as bare as a call:
        // wrapping only the calls beside it would start them before `wait`
        // raises on it.
        if let Expr::Name(name) = element
            && semantic.name_may_hold_coroutine(name.id.as_str(), element_scope)
        {
            unknown.push(element);
            continue;
        }
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
        check_safe_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def a(): pass\nasync def b(x): pass\nasync def f():\n    await asyncio.wait([a(), b(1)])\n",
            "import asyncio\nasync def a(): pass\nasync def b(x): pass\nasync def f():\n    await asyncio.wait([asyncio.create_task(a()), asyncio.create_task(b(1))])\n",
        );
    }

    #[test]
    fn calls_it_cannot_tell_are_reported_not_wrapped() {
        // On Python 3.11 code that runs passes futures here
        // (`tp_state.wait_for_position()` returned `shield(...)`).
        check_finding(
            &WAIT_COROUTINES,
            "import asyncio\nasync def f(tp_state, fut):\n    await asyncio.wait([tp_state.wait_for_position(), fut])\n",
            "`asyncio.wait` rejects coroutines since Python 3.11",
        );
        // Known coroutines beside an unknown call are not wrapped either:
        // `wait` would raise on the other after their tasks started.
        check_no_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def job(): pass\nasync def f(thing):\n    await asyncio.wait([job(), thing.make()])\n",
        );
    }

    #[test]
    fn what_runs_after_the_first_task_may_raise() {
        // `urls[5]` may raise after the first task exists: it would run on
        // in the background, where before no coroutine started.
        for source in [
            "import asyncio\nasync def job(x): pass\nasync def f(urls):\n    await asyncio.wait([job(urls[0]), job(urls[5])])\n",
            "import asyncio\nasync def job(x): pass\nasync def f(mode):\n    await asyncio.wait([job(1)], return_when=mode)\n",
            "import asyncio\nasync def job(x): pass\nasync def f():\n    await asyncio.wait([job(1)], timeout=budget())\n",
            "import asyncio\nasync def job(x): pass\nasync def f(xs):\n    await asyncio.wait([job(x) for x in xs if ok(x)])\n",
            // An attribute read may raise `AttributeError`.
            "import asyncio\nasync def job(x): pass\nasync def f(a, b):\n    await asyncio.wait([job(a), job(b.c)])\n",
            "import asyncio\nasync def job(x): pass\nasync def f(a, cfg):\n    await asyncio.wait([job(a)], timeout=cfg.t)\n",
            // A plain `def` runs its body, which may raise, before it
            // returns its coroutine.
            "import asyncio\nasync def fetch(x): pass\ndef job(x):\n    if x < 0:\n        raise ValueError(x)\n    return fetch(x)\nasync def f(a, b):\n    await asyncio.wait([job(a), job(b)])\n",
            // A name bound on some paths only.
            "import asyncio\nasync def job(x): pass\nasync def f(a, want):\n    if want:\n        b = a + 1\n    await asyncio.wait([job(a), job(b)])\n",
            // Arguments that may not bind: `TypeError`.
            "import asyncio\nasync def job(x, *, retries): pass\nasync def f(a, opts):\n    await asyncio.wait([job(a, retries=1), job(a, **opts)])\n",
            "import asyncio\nasync def job(x): pass\nasync def f(a, more):\n    await asyncio.wait([job(a), job(*more)])\n",
            "import asyncio\nasync def job(x): pass\nasync def f(a, b):\n    await asyncio.wait([job(a), job(a, b)])\n",
            "import asyncio\nasync def job(x, *, retries): pass\nasync def f(a):\n    await asyncio.wait([job(a, retries=1), job(a)])\n",
            "import asyncio\nasync def job(x): pass\nasync def f(a):\n    await asyncio.wait([job(a), job(y=a)])\n",
            // `wait` takes no `loop` since Python 3.10, and nothing positional
            // but the awaitables.
            "import asyncio\nasync def job(x): pass\nasync def f(a, loop):\n    await asyncio.wait([job(a)], loop=loop)\n",
            "import asyncio\nasync def job(x): pass\nasync def f(a):\n    await asyncio.wait([job(a)], 5)\n",
        ] {
            let fixed = crate::test_support::findings(&WAIT_COROUTINES, source);
            assert_eq!(fixed.len(), 1, "{source}");
            crate::test_support::check_unsafe_only(&WAIT_COROUTINES, source);
        }
        // Names surely bound, constants and asyncio's constants cannot
        // raise; arguments that bind to an `async def`'s parameters only
        // make its coroutine. The first element runs before any task
        // exists.
        check_safe_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def job(x, y=1, *, z): pass\nasync def f(urls, b, t):\n    await asyncio.wait([job(urls[0], z=0), job(b, -2, z='a')], timeout=t, return_when=asyncio.FIRST_COMPLETED)\n",
            "import asyncio\nasync def job(x, y=1, *, z): pass\nasync def f(urls, b, t):\n    await asyncio.wait(\n        [\n            asyncio.create_task(job(urls[0], z=0)),\n            asyncio.create_task(job(b, -2, z='a')),\n        ],\n        timeout=t,\n        return_when=asyncio.FIRST_COMPLETED,\n    )\n",
        );
    }

    #[test]
    fn a_generator_argument_becomes_a_list() {
        // `wait` takes a generator for a coroutine up to Python 3.11.
        check_safe_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def job(x): pass\nasync def f():\n    await asyncio.wait(job(i) for i in range(3))\n    await asyncio.wait((job(i) for i in range(3)), timeout=1)\n",
            "import asyncio\nasync def job(x): pass\nasync def f():\n    await asyncio.wait([asyncio.create_task(job(i)) for i in range(3)])\n    await asyncio.wait([asyncio.create_task(job(i)) for i in range(3)], timeout=1)\n",
        );
    }

    #[test]
    fn wraps_comprehension_element_and_keeps_tasks() {
        check_safe_fix(
            &WAIT_COROUTINES,
            "import asyncio as aio\nasync def fetch(u): pass\nasync def f(task):\n    urls = ['a', 'b']\n    done, _ = await aio.wait({fetch(u) for u in urls}, timeout=1)\n    await aio.wait((task, fetch(1)))\n",
            "import asyncio as aio\nasync def fetch(u): pass\nasync def f(task):\n    urls = ['a', 'b']\n    done, _ = await aio.wait({aio.create_task(fetch(u)) for u in urls}, timeout=1)\n    await aio.wait((task, aio.create_task(fetch(1))))\n",
        );
    }

    #[test]
    fn iterating_what_may_be_a_generator_is_unsafe() {
        // A generator's code runs between the tasks and may raise after
        // the first exists.
        for iterable in ["urls", "self.urls", "gen()", "list_of(urls)"] {
            check_unsafe_fix(
                &WAIT_COROUTINES,
                &format!(
                    "import asyncio\nasync def fetch(u): pass\nasync def f(self, urls):\n    await asyncio.wait([fetch(u) for u in {iterable}])\n"
                ),
                &format!(
                    "import asyncio\nasync def fetch(u): pass\nasync def f(self, urls):\n    await asyncio.wait([asyncio.create_task(fetch(u)) for u in {iterable}])\n"
                ),
            );
        }
        // Built in the function as a list, tuple, set or copy: safe.
        for binding in [
            "[1, 2]",
            "(1, 2)",
            "{1, 2}",
            "list(urls)",
            "[u for u in urls]",
        ] {
            check_safe_fix(
                &WAIT_COROUTINES,
                &format!(
                    "import asyncio\nasync def fetch(u): pass\nasync def f(urls):\n    xs = {binding}\n    await asyncio.wait([fetch(u) for u in xs])\n"
                ),
                &format!(
                    "import asyncio\nasync def fetch(u): pass\nasync def f(urls):\n    xs = {binding}\n    await asyncio.wait([asyncio.create_task(fetch(u)) for u in xs])\n"
                ),
            );
        }
        // Bound once to a list and once to something else: not surely a list.
        check_unsafe_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def fetch(u): pass\nasync def f(urls):\n    xs = []\n    if urls:\n        xs = iter(urls)\n    await asyncio.wait([fetch(u) for u in xs])\n",
            "import asyncio\nasync def fetch(u): pass\nasync def f(urls):\n    xs = []\n    if urls:\n        xs = iter(urls)\n    await asyncio.wait([asyncio.create_task(fetch(u)) for u in xs])\n",
        );
        check_safe_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def fetch(u): pass\nasync def f():\n    await asyncio.wait([fetch(u) for u in range(3)])\n",
            "import asyncio\nasync def fetch(u): pass\nasync def f():\n    await asyncio.wait([asyncio.create_task(fetch(u)) for u in range(3)])\n",
        );
    }

    #[test]
    fn a_coroutine_held_in_a_name_is_not_wrapped_partly() {
        for binding in ["fetch(2)", "other.make()", "imported()"] {
            let source = format!(
                "import asyncio\nasync def fetch(u): pass\nasync def f(other):\n    c = {binding}\n    await asyncio.wait([fetch(1), c])\n"
            );
            check_finding(
                &WAIT_COROUTINES,
                &source,
                "`asyncio.wait` rejects coroutines since Python 3.11",
            );
            check_no_fix(&WAIT_COROUTINES, &source);
        }
        // A task held in a name stays as it is, beside the wrapped call.
        check_safe_fix(
            &WAIT_COROUTINES,
            "import asyncio\nasync def fetch(u): pass\nasync def f():\n    t = asyncio.create_task(fetch(2))\n    await asyncio.wait([fetch(1), t])\n",
            "import asyncio\nasync def fetch(u): pass\nasync def f():\n    t = asyncio.create_task(fetch(2))\n    await asyncio.wait([asyncio.create_task(fetch(1)), t])\n",
        );
    }

    #[test]
    fn from_import_of_wait_adds_asyncio() {
        check_safe_fix(
            &WAIT_COROUTINES,
            "from asyncio import wait\n\n\nasync def job(): pass\n\n\nasync def f():\n    await wait(fs=[job()])\n",
            "import asyncio\nfrom asyncio import wait\n\n\nasync def job(): pass\n\n\nasync def f():\n    await wait(fs=[asyncio.create_task(job())])\n",
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
        let jobs = "async def first_job(): pass\nasync def second_job(): pass\nasync def third_job(): pass\n";
        check_safe_fix(
            &WAIT_COROUTINES,
            &format!(
                "import asyncio\n{jobs}async def f():\n    done, pending = await asyncio.wait([first_job(), second_job(), third_job()], timeout=10)\n"
            ),
            &format!(
                "import asyncio\n{jobs}async def f():\n    done, pending = await asyncio.wait(\n        [\n            asyncio.create_task(first_job()),\n            asyncio.create_task(second_job()),\n            asyncio.create_task(third_job()),\n        ],\n        timeout=10,\n    )\n"
            ),
        );
    }
}
