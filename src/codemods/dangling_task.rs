use crate::codemods::prelude::*;
use crate::fix::layout::{
    LineStyle, full_line_end, indentation_at, is_alone_on_lines, line_end, line_start,
    right_hand_split,
};
use crate::fix::{Edit, FixBuilder};
use crate::semantic::coroutines::CallResult;
use crate::semantic::imports::Lookup;
use crate::semantic::scope::MODULE_SCOPE;
use crate::semantic::{BindingKind, ScopeId, SemanticModel};
use crate::source::line_ending;

declare_codemod! {
    /// ## What it does
    /// Keeps a strong reference to a task whose result is dropped
    /// (`asyncio.create_task(...)` or `asyncio.ensure_future(...)` as a
    /// statement of its own): the task goes into a module-level set and
    /// leaves it when it is done.
    ///
    /// ## Why
    /// The event loop keeps only weak references to tasks. A task that
    /// nothing else references can be garbage-collected before it finishes,
    /// and disappear silently in the middle of its work; the asyncio
    /// documentation recommends this very pattern.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    ///
    /// async def handle(request):
    ///     asyncio.create_task(audit(request))
    ///     return "ok"
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// _background_tasks: set[asyncio.Task[object]] = set()
    ///
    ///
    /// async def handle(request):
    ///     task = asyncio.create_task(audit(request))
    ///     _background_tasks.add(task)
    ///     task.add_done_callback(_background_tasks.discard)
    ///     return "ok"
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the task now lives until it finishes, where before it could
    /// vanish half-way; that is the point, but it changes what the program
    /// does (a task that never ends is now kept forever). The set is added
    /// once per module, after the imports, with a type annotation type
    /// checkers accept (`set[asyncio.Task[object]]`, quoted when the target
    /// Python cannot evaluate it at import time and the module does not
    /// postpone annotations, or when `asyncio` is not yet imported there),
    /// and every fix shares it; an existing `_background_tasks = set()`
    /// (annotated or not) is reused when it is in place whenever the
    /// coroutine runs: at module level, on every path, and before any
    /// module-level code that may run the module's functions (such as
    /// `asyncio.run(main())`). The local name `task` (or
    /// `background_task`, `bg_task`, `task2`, …) is used only where the
    /// function neither uses nor declares (`global`, `nonlocal`) it. A
    /// line that `task = ` makes longer than the line length is split as
    /// black would split it (`task = asyncio.create_task(` / the argument
    /// / `)`), a trailing comment staying after the closing parenthesis; a
    /// line that was already longer is left as long.
    ///
    /// ## Left alone
    /// A task that is held: assigned, returned, awaited, passed on, appended
    /// to a list, or created by a task group (`tg.create_task`) or a nursery.
    /// Loop methods other than on `asyncio.get_running_loop()` /
    /// `asyncio.get_event_loop()` (the receiver's type is unknown), and
    /// `run_coroutine_threadsafe` (its future is held by the caller's
    /// thread). `asyncio.ensure_future(x)` unless `x` is known to be a
    /// coroutine: of a future it returns that same future, and nothing
    /// new dangles. Reported without a fix: a statement at module or class
    /// level, one that shares its line with other code, a function that
    /// reads its own variables (`locals()`, `eval`: the new name would show),
    /// a module that lists its globals when the set is new (`globals()`, or
    /// the module object reached by its own name, `sys.modules[__name__]`
    /// or `importlib.import_module(__name__)`, which holds the same names),
    /// a module that binds `_background_tasks` to something else, and one
    /// whose `_background_tasks` may not exist yet when the coroutine runs
    /// (bound inside a function through `global`, under an `if` or a `try`,
    /// or after the module-level code that runs the coroutine).
    pub static DANGLING_TASK = Codemod {
        code: "AM106",
        name: "dangling-task",
        min_python: PyVersion::PY37,
        safety: Applicability::Unsafe,
        run: dangling_task,
        needles: &["create_task", "ensure_future"],
        requires: &["asyncio"],
        noqa_aliases: &["RUF006"],
    };
}

/// The module-level set that holds the tasks.
const SET_NAME: &str = "_background_tasks";

/// Local names for the task, in order of preference.
const TASK_NAMES: &[&str] = &["task", "background_task", "bg_task"];

fn dangling_task(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for suite in &semantic.suites {
        for stmt in suite.body {
            let Stmt::Expr(statement) = stmt else {
                continue;
            };
            let Expr::Call(call) = statement.value.as_ref() else {
                continue;
            };
            let Some(what) = task_factory(semantic, &call.func, suite.scope) else {
                continue;
            };
            let finding = out.report(
                &DANGLING_TASK,
                call.range(),
                format!("the task from `{what}` is not kept and may be garbage-collected early"),
            );
            if !semantic.scope(suite.scope).is_function() {
                finding.note("outside a function there is no place for the task's reference");
                continue;
            }
            if !is_alone_on_lines(ctx.source, stmt.range()) {
                finding.note("the statement shares its line with other code");
                continue;
            }
            if what == "asyncio.ensure_future" && !makes_a_task(semantic, call, suite.scope) {
                finding.note(
                    "the argument may be a future, which `ensure_future` returns as it is: nothing new would be kept",
                );
                continue;
            }
            let set = match task_set(ctx, suite.scope, stmt.start()) {
                Ok(set) => set,
                Err(reason) => {
                    finding.note(reason);
                    continue;
                }
            };
            if matches!(set, TaskSet::Missing(_)) && semantic.reads_module_namespace() {
                finding.note(format!(
                    "the module reads its own globals (`globals()`, `sys.modules[__name__]`, or `vars()` or `dir()` at module level), where `{SET_NAME}` would show"
                ));
                continue;
            }
            let Some(name) = semantic.fresh_name(TASK_NAMES, suite.scope) else {
                finding.note(
                    "the function reads its own variables (`locals()`, `vars()`, `eval`, a frame): a new local name would show there",
                );
                continue;
            };
            finding.fix_with(Applicability::Unsafe, |fix| {
                fix.title(format!("Keep the task in `{SET_NAME}` until it is done"));
                if let TaskSet::Missing(at) = set {
                    add_task_set(ctx, fix, at)?;
                }
                let source = ctx.source;
                let eol = line_ending(source);
                let indent = indentation_at(source, stmt.start());
                match broken_call(ctx, call, &name) {
                    Some(broken) => fix.replace(call.range(), broken),
                    None => fix.insert(stmt.start(), format!("{name} = ")),
                }
                let end = full_line_end(source, stmt.end());
                let tail = format!(
                    "{indent}{SET_NAME}.add({name}){eol}{indent}{name}.add_done_callback({SET_NAME}.discard)"
                );
                if source[..end.to_usize()].ends_with(['\n', '\r']) {
                    fix.insert(end, format!("{tail}{eol}"));
                } else {
                    fix.insert(end, format!("{eol}{tail}"));
                }
                Ok(())
            });
        }
    }
}

/// `NAME = call(…)` split as black would split it, when the call is on one
/// line that fits in the line length and `NAME = ` makes it longer; `None`
/// when the name simply goes in front. A trailing comment stays where it
/// is, after the closing parenthesis.
fn broken_call(ctx: &Context, call: &ast::ExprCall, name: &str) -> Option<String> {
    let source = ctx.source;
    let text = &source[call.range()];
    if text.contains(['\n', '\r']) {
        return None;
    }
    let style = LineStyle::at(ctx, call.start());
    let following = &source[TextRange::new(call.end(), line_end(source, call.end()))];
    let width = style.indent.chars().count() + text.chars().count() + following.chars().count();
    let added = name.chars().count() + " = ".len();
    // A line already longer than the line length is the file's own style
    // (a formatter would have split it): only a line the fix makes too
    // long is split.
    if width + added <= style.line_length || width > style.line_length {
        return None;
    }
    let broken = right_hand_split(source, &style, &format!("{name} = "), call, "", following);
    broken.contains(['\n', '\r']).then_some(broken)
}

/// What the call creates, when it is a task nobody else holds:
/// `asyncio.create_task`, `asyncio.ensure_future`, or `create_task` on
/// `asyncio.get_running_loop()` / `asyncio.get_event_loop()`.
fn task_factory(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> Option<&'static str> {
    for (qualified, what) in [
        ("asyncio.create_task", "asyncio.create_task"),
        ("asyncio.tasks.create_task", "asyncio.create_task"),
        ("asyncio.ensure_future", "asyncio.ensure_future"),
        ("asyncio.tasks.ensure_future", "asyncio.ensure_future"),
    ] {
        if semantic.refers_to(func, scope, qualified) {
            return Some(what);
        }
    }
    let Expr::Attribute(attribute) = func else {
        return None;
    };
    let Expr::Call(getter) = attribute.value.as_ref() else {
        return None;
    };
    let is_loop = getter.arguments.is_empty()
        && (semantic.refers_to(&getter.func, scope, "asyncio.get_running_loop")
            || semantic.refers_to(&getter.func, scope, "asyncio.get_event_loop"));
    (attribute.attr.as_str() == "create_task" && is_loop).then_some("loop.create_task")
}

/// The module's task set: there already, or where to add it.
#[derive(Clone, Copy)]
enum TaskSet {
    Present,
    Missing(TextSize),
}

/// The set `_background_tasks`, visible from `scope` as the module global:
/// present when the module binds it once, as `_background_tasks = set()`
/// (annotated or not), in place whenever the code at `site` runs (at module
/// level on every path, before module-level code may run the module's
/// functions); missing when nothing binds it anywhere. Otherwise why it
/// cannot be used.
fn task_set(ctx: &Context, scope: ScopeId, site: TextSize) -> Result<TaskSet, String> {
    let semantic = ctx.semantic;
    let bindings: Vec<_> = semantic.bindings_named(SET_NAME).collect();
    if bindings.is_empty() {
        // `set()` must be the builtin where the new statement runs.
        let builtin_set = semantic.is_builtin("set", MODULE_SCOPE);
        return if builtin_set {
            Ok(TaskSet::Missing(set_position(ctx)))
        } else {
            Err("`set` is bound to something else in this module".to_string())
        };
    }
    let other = || format!("`{SET_NAME}` is already bound to something else in this module");
    let [(_, binding)] = bindings.as_slice() else {
        return Err(other());
    };
    let is_ours = binding.scope == MODULE_SCOPE
        && matches!(binding.kind, BindingKind::Assignment)
        && binding
            .stmt
            .is_some_and(|stmt| is_empty_set_assignment(semantic, stmt));
    let visible = matches!(
        semantic.lookup(SET_NAME, scope),
        Lookup::Bound {
            scope: MODULE_SCOPE,
            ..
        }
    );
    if !(is_ours && visible) {
        return Err(other());
    }
    if semantic.may_bind_dynamically(SET_NAME) {
        return Err(format!(
            "the module may rebind `{SET_NAME}` behind its statements' backs (`sys.modules[__name__].{SET_NAME} = …`, `__main__.{SET_NAME} = …`, `globals()[…] = …`)"
        ));
    }
    if !semantic.binding_in_place(binding, site) {
        return Err(format!(
            "`{SET_NAME}` may not be bound yet when this code runs: it is bound in a function, under a condition, or after module-level code that may run the module's functions"
        ));
    }
    Ok(TaskSet::Present)
}

/// `_background_tasks = set()` or `_background_tasks: T = set()`, with
/// `set` the builtin.
fn is_empty_set_assignment(semantic: &SemanticModel, stmt: &Stmt) -> bool {
    let (target, value) = match stmt {
        Stmt::Assign(assign) => match assign.targets.as_slice() {
            [target] => (target, assign.value.as_ref()),
            _ => return false,
        },
        Stmt::AnnAssign(assign) => match &assign.value {
            Some(value) => (assign.target.as_ref(), value.as_ref()),
            None => return false,
        },
        _ => return false,
    };
    let Expr::Name(target) = target else {
        return false;
    };
    let Expr::Call(call) = value else {
        return false;
    };
    target.id.as_str() == SET_NAME
        && call.arguments.is_empty()
        && semantic.refers_to(&call.func, MODULE_SCOPE, "builtins.set")
}

/// Whether `asyncio.ensure_future(x)` surely makes a new task: `x` is a
/// call known to return a coroutine.
fn makes_a_task(semantic: &SemanticModel, call: &ast::ExprCall, scope: ScopeId) -> bool {
    let [Expr::Call(argument)] = &*call.arguments.args else {
        return false;
    };
    semantic.call_result(argument, scope) == CallResult::Coroutine
}

/// Adds `_background_tasks: set[asyncio.Task[object]] = set()` at `at`,
/// and `import asyncio` when the module has no such binding there. The
/// annotation is evaluated when the module runs unless annotations are
/// postponed: before Python 3.9 neither `set[...]` nor `Task[...]`
/// subscripts, and an `import asyncio` this fix adds may land after the
/// set; then it is quoted (type checkers read it all the same).
fn add_task_set(ctx: &Context, fix: &mut FixBuilder, at: TextSize) -> anyhow::Result<()> {
    let (asyncio, import) = crate::fix::importer::ensure_module(ctx, "asyncio", at)?;
    let evaluated = !ctx.semantic.postpones_annotations();
    let quoted = evaluated && (ctx.settings.target_version < PyVersion::PY39 || import.is_some());
    if let Some(import) = import {
        fix.edit(import);
    }
    let annotation = format!("set[{asyncio}.Task[object]]");
    let annotation = if quoted {
        format!("\"{annotation}\"")
    } else {
        annotation
    };
    fix.edit(set_insertion(
        ctx,
        at,
        &format!("{SET_NAME}: {annotation} = set()"),
    ));
    Ok(())
}

/// Where `_background_tasks` goes: after the module's docstring and leading
/// imports; at the top of the module when it has neither.
fn set_position(ctx: &Context) -> TextSize {
    let source = ctx.source;
    let body = &ctx.module.body;
    match leading_header(body)
        .checked_sub(1)
        .and_then(|last| body.get(last))
    {
        Some(last) => full_line_end(source, last.end()),
        None => body
            .first()
            .map_or(TextSize::new(0), |first| line_start(source, first.start())),
    }
}

/// How many statements the docstring and the leading imports take.
fn leading_header(body: &[Stmt]) -> usize {
    let mut header = 0;
    if body
        .first()
        .is_some_and(|s| matches!(s, Stmt::Expr(e) if e.value.is_string_literal_expr()))
    {
        header = 1;
    }
    while body
        .get(header)
        .is_some_and(|s| matches!(s, Stmt::Import(_) | Stmt::ImportFrom(_)))
    {
        header += 1;
    }
    header
}

/// The edit that adds `statement` at `at` (see [`set_position`]), a blank
/// line above it after a header, one below it at the top.
fn set_insertion(ctx: &Context, at: TextSize, statement: &str) -> Edit {
    let source = ctx.source;
    let eol = line_ending(source);
    if leading_header(&ctx.module.body) == 0 {
        return Edit::insertion(at, format!("{statement}{eol}{eol}"));
    }
    if source[..at.to_usize()].ends_with(['\n', '\r']) {
        Edit::insertion(at, format!("{eol}{statement}{eol}"))
    } else {
        Edit::insertion(at, format!("{eol}{eol}{statement}{eol}"))
    }
}

#[cfg(test)]
mod tests {
    use super::DANGLING_TASK;
    use crate::test_support::{check_finding, check_fix, check_no_fix};
    use crate::version::PyVersion;

    const MESSAGE: &str =
        "the task from `asyncio.create_task` is not kept and may be garbage-collected early";

    /// The fixed text for `target` (unsafe fixes on).
    fn fixed_for(source: &str, target: PyVersion) -> String {
        let outcome = crate::test_support::outcome_at(&DANGLING_TASK, source, target);
        outcome.fixed.expect("a fix")
    }

    #[test]
    fn keeps_the_task_in_a_new_set() {
        check_fix(
            &DANGLING_TASK,
            "import asyncio\n\n\nasync def f():\n    asyncio.create_task(g())  # fire\n    return 1\n",
            "import asyncio\n\n_background_tasks: set[asyncio.Task[object]] = set()\n\n\nasync def f():\n    task = asyncio.create_task(g())  # fire\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n    return 1\n",
        );
    }

    #[test]
    fn two_fixes_share_one_set() {
        check_fix(
            &DANGLING_TASK,
            "import asyncio\n\nasync def g():\n    pass\n\nasync def f():\n    asyncio.create_task(g())\n\nasync def h():\n    asyncio.ensure_future(g())\n",
            "import asyncio\n\n_background_tasks: set[asyncio.Task[object]] = set()\n\nasync def g():\n    pass\n\nasync def f():\n    task = asyncio.create_task(g())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n\nasync def h():\n    task = asyncio.ensure_future(g())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n",
        );
    }

    #[test]
    fn reuses_an_existing_set_and_picks_a_free_name() {
        check_fix(
            &DANGLING_TASK,
            "import asyncio\n_background_tasks = set()\nasync def f(task):\n    asyncio.get_running_loop().create_task(task)\n",
            "import asyncio\n_background_tasks = set()\nasync def f(task):\n    background_task = asyncio.get_running_loop().create_task(task)\n    _background_tasks.add(background_task)\n    background_task.add_done_callback(_background_tasks.discard)\n",
        );
    }

    #[test]
    fn reuses_an_annotated_set() {
        check_fix(
            &DANGLING_TASK,
            "import asyncio\nfrom typing import Any\n_background_tasks: set[asyncio.Task[Any]] = set()\nasync def f():\n    asyncio.create_task(g())\n",
            "import asyncio\nfrom typing import Any\n_background_tasks: set[asyncio.Task[Any]] = set()\nasync def f():\n    task = asyncio.create_task(g())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n",
        );
    }

    #[test]
    fn the_annotation_is_quoted_where_it_cannot_run() {
        let source = "import asyncio\n\nasync def f():\n    asyncio.create_task(g())\n";
        assert!(
            fixed_for(source, PyVersion::PY38)
                .contains("_background_tasks: \"set[asyncio.Task[object]]\" = set()\n")
        );
        assert!(
            fixed_for(source, PyVersion::PY39)
                .contains("_background_tasks: set[asyncio.Task[object]] = set()\n")
        );
        // Postponed annotations are never evaluated.
        let postponed = format!("from __future__ import annotations\n{source}");
        assert!(
            fixed_for(&postponed, PyVersion::PY37)
                .contains("_background_tasks: set[asyncio.Task[object]] = set()\n")
        );
    }

    #[test]
    fn the_annotation_names_asyncio_as_the_module_binds_it() {
        check_fix(
            &DANGLING_TASK,
            "import asyncio as aio\n\nasync def f():\n    aio.create_task(g())\n",
            "import asyncio as aio\n\n_background_tasks: set[aio.Task[object]] = set()\n\nasync def f():\n    task = aio.create_task(g())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n",
        );
        // No module binding yet: the import is added, the annotation quoted.
        check_fix(
            &DANGLING_TASK,
            "from asyncio import create_task\n\nasync def f():\n    create_task(g())\n",
            "import asyncio\nfrom asyncio import create_task\n\n_background_tasks: \"set[asyncio.Task[object]]\" = set()\n\nasync def f():\n    task = create_task(g())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n",
        );
    }

    #[test]
    fn held_tasks_are_left_alone() {
        check_no_fix(
            &DANGLING_TASK,
            "import asyncio\nasync def f(tg, tasks, loop):\n    t = asyncio.create_task(g())\n    tasks.append(asyncio.create_task(g()))\n    await asyncio.create_task(g())\n    tg.create_task(g())\n    loop.create_task(g())\n    return asyncio.create_task(g())\n",
        );
    }

    #[test]
    fn ensure_future_of_what_may_be_a_future_is_reported() {
        for argument in ["fut", "make()", "asyncio.gather(a(), b())"] {
            let source = format!(
                "import asyncio\nasync def f(fut):\n    asyncio.ensure_future({argument})\n"
            );
            check_finding(
                &DANGLING_TASK,
                &source,
                "the task from `asyncio.ensure_future` is not kept and may be garbage-collected early",
            );
        }
    }

    #[test]
    fn declared_or_introspected_names_are_not_taken() {
        check_fix(
            &DANGLING_TASK,
            "import asyncio\nasync def f():\n    global task, background_task\n    asyncio.create_task(g())\n",
            "import asyncio\n\n_background_tasks: set[asyncio.Task[object]] = set()\nasync def f():\n    global task, background_task\n    bg_task = asyncio.create_task(g())\n    _background_tasks.add(bg_task)\n    bg_task.add_done_callback(_background_tasks.discard)\n",
        );
        check_finding(
            &DANGLING_TASK,
            "import asyncio\nasync def f():\n    asyncio.create_task(g())\n    return locals()\n",
            MESSAGE,
        );
    }

    #[test]
    fn other_set_binding_blocks_the_fix() {
        check_finding(
            &DANGLING_TASK,
            "import asyncio\n_background_tasks = []\nasync def f():\n    asyncio.create_task(g())\n",
            MESSAGE,
        );
    }

    #[test]
    fn module_level_and_one_liners_are_reported() {
        check_no_fix(
            &DANGLING_TASK,
            "import asyncio\nasyncio.ensure_future(g())\nasync def f(x):\n    if x: asyncio.create_task(g())\n",
        );
    }

    #[test]
    fn noqa_with_ruff_code_suppresses() {
        check_no_fix(
            &DANGLING_TASK,
            "import asyncio\nasync def f():\n    asyncio.create_task(g())  # noqa: RUF006\n",
        );
    }

    #[test]
    fn shadowed_asyncio_is_not_the_module() {
        check_no_fix(
            &DANGLING_TASK,
            "import asyncio\nasync def f(asyncio):\n    asyncio.create_task(g())\n",
        );
    }

    #[test]
    fn last_line_without_newline() {
        check_fix(
            &DANGLING_TASK,
            "import asyncio\nasync def f():\n    asyncio.create_task(g())",
            "import asyncio\n\n_background_tasks: set[asyncio.Task[object]] = set()\nasync def f():\n    task = asyncio.create_task(g())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)",
        );
    }
}
