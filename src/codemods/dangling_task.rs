use crate::codemods::prelude::*;
use crate::fix::Edit;
use crate::fix::layout::{full_line_end, indentation_at, is_alone_on_lines, line_start};
use crate::semantic::imports::Lookup;
use crate::semantic::scope::MODULE_SCOPE;
use crate::semantic::{BindingKind, ScopeId, ScopeKind, SemanticModel};
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
    /// _background_tasks = set()
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
    /// once per module, after the imports, and every fix shares it; the
    /// local name `task` (or `background_task`) is used only where the
    /// function does not use it already.
    ///
    /// ## Left alone
    /// A task that is held: assigned, returned, awaited, passed on, appended
    /// to a list, or created by a task group (`tg.create_task`) or a nursery.
    /// Loop methods other than on `asyncio.get_running_loop()` /
    /// `asyncio.get_event_loop()` (the receiver's type is unknown). A
    /// statement at module or class level, one that shares its line with
    /// other code, or a module that binds `_background_tasks` to something
    /// else: reported without a fix.
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
            let Some(set) = task_set(ctx, suite.scope) else {
                finding.note(format!(
                    "`{SET_NAME}` (or `set`) is already bound to something else in this module"
                ));
                continue;
            };
            let Some(name) = TASK_NAMES
                .iter()
                .copied()
                .find(|name| is_free_name(semantic, name, suite.scope))
            else {
                finding.note("no free local name for the task");
                continue;
            };
            finding.fix_with(Applicability::Unsafe, |fix| {
                fix.title(format!("Keep the task in `{SET_NAME}` until it is done"));
                if let TaskSet::Missing(edit) = &set {
                    fix.edit(edit.clone());
                }
                let source = ctx.source;
                let eol = line_ending(source);
                let indent = indentation_at(source, stmt.start());
                fix.insert(stmt.start(), format!("{name} = "));
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

/// The module's task set: there already, or the edit that adds it.
enum TaskSet {
    Present,
    Missing(Edit),
}

/// The set `_background_tasks`, visible from `scope` as the module global:
/// present when the module binds it once as `_background_tasks = set()`;
/// missing when nothing binds it anywhere. `None` when something else does.
fn task_set(ctx: &Context, scope: ScopeId) -> Option<TaskSet> {
    let semantic = ctx.semantic;
    let bindings: Vec<_> = semantic.bindings_named(SET_NAME).collect();
    if bindings.is_empty() {
        // `set()` must be the builtin where the new statement runs.
        let builtin_set = matches!(semantic.lookup("set", MODULE_SCOPE), Lookup::Builtin);
        return builtin_set.then(|| TaskSet::Missing(set_insertion(ctx)));
    }
    let [(_, binding)] = bindings.as_slice() else {
        return None;
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
    (is_ours && visible).then_some(TaskSet::Present)
}

/// `_background_tasks = set()`, with `set` the builtin.
fn is_empty_set_assignment(semantic: &SemanticModel, stmt: &Stmt) -> bool {
    let Stmt::Assign(assign) = stmt else {
        return false;
    };
    let [Expr::Name(target)] = assign.targets.as_slice() else {
        return false;
    };
    let Expr::Call(call) = assign.value.as_ref() else {
        return false;
    };
    target.id.as_str() == SET_NAME
        && call.arguments.is_empty()
        && semantic.refers_to(&call.func, MODULE_SCOPE, "builtins.set")
}

/// The edit that adds `_background_tasks = set()` after the module's
/// docstring and leading imports, a blank line above it; at the top of
/// the module when it has neither.
fn set_insertion(ctx: &Context) -> Edit {
    let source = ctx.source;
    let eol = line_ending(source);
    let statement = format!("{SET_NAME} = set()");
    let body = &ctx.module.body;
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
    match header.checked_sub(1).and_then(|last| body.get(last)) {
        Some(last) => {
            let end = full_line_end(source, last.end());
            if source[..end.to_usize()].ends_with(['\n', '\r']) {
                Edit::insertion(end, format!("{eol}{statement}{eol}"))
            } else {
                Edit::insertion(end, format!("{eol}{eol}{statement}{eol}"))
            }
        }
        None => {
            let at = body
                .first()
                .map_or(TextSize::new(0), |first| line_start(source, first.start()));
            Edit::insertion(at, format!("{statement}{eol}{eol}"))
        }
    }
}

/// Whether `name` can become a local variable of the function `scope`:
/// nothing in the function (nested scopes included) binds, reads or
/// declares it, so the new assignment changes what no existing code sees.
fn is_free_name(semantic: &SemanticModel, name: &str, scope: ScopeId) -> bool {
    let function = semantic.scope(scope);
    if function.globals.contains(name) || function.nonlocals.contains(name) {
        return false;
    }
    let inside = |s: ScopeId| semantic.is_within(s, scope);
    !semantic.bindings_named(name).any(|(_, b)| inside(b.scope))
        && !semantic.references_named(name).any(|r| inside(r.scope))
        && !semantic.scopes.iter().enumerate().any(|(id, s)| {
            inside(id as ScopeId)
                && (s.globals.contains(name) || s.nonlocals.contains(name))
                && s.kind != ScopeKind::Module
        })
}

#[cfg(test)]
mod tests {
    use super::DANGLING_TASK;
    use crate::test_support::{check_finding, check_fix, check_no_fix};

    #[test]
    fn keeps_the_task_in_a_new_set() {
        check_fix(
            &DANGLING_TASK,
            "import asyncio\n\n\nasync def f():\n    asyncio.create_task(g())  # fire\n    return 1\n",
            "import asyncio\n\n_background_tasks = set()\n\n\nasync def f():\n    task = asyncio.create_task(g())  # fire\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n    return 1\n",
        );
    }

    #[test]
    fn two_fixes_share_one_set() {
        check_fix(
            &DANGLING_TASK,
            "import asyncio\n\nasync def f():\n    asyncio.create_task(g())\n\nasync def h():\n    asyncio.ensure_future(g())\n",
            "import asyncio\n\n_background_tasks = set()\n\nasync def f():\n    task = asyncio.create_task(g())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n\nasync def h():\n    task = asyncio.ensure_future(g())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n",
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
    fn held_tasks_are_left_alone() {
        check_no_fix(
            &DANGLING_TASK,
            "import asyncio\nasync def f(tg, tasks, loop):\n    t = asyncio.create_task(g())\n    tasks.append(asyncio.create_task(g()))\n    await asyncio.create_task(g())\n    tg.create_task(g())\n    loop.create_task(g())\n    return asyncio.create_task(g())\n",
        );
    }

    #[test]
    fn other_set_binding_blocks_the_fix() {
        check_finding(
            &DANGLING_TASK,
            "import asyncio\n_background_tasks = []\nasync def f():\n    asyncio.create_task(g())\n",
            "the task from `asyncio.create_task` is not kept and may be garbage-collected early",
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
            "import asyncio\n\n_background_tasks = set()\nasync def f():\n    task = asyncio.create_task(g())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)",
        );
    }
}
