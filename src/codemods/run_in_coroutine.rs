use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{self, Visitor};
use rustc_hash::FxHashMap;

use std::cell::OnceCell;

use crate::codemods::prelude::*;
use crate::fix::layout::{indentation_at, line_start, reindented_text};
use crate::fix::syntax::{
    contains_comment, line_break_outside_brackets, needs_parentheses_after_await,
    tokens_overlapping,
};
use crate::semantic::caught::CaughtBy;
use crate::semantic::patches::StandIn;
use crate::semantic::{CallSite, HandDriver, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Turns `asyncio.run(C)` inside an `async def` into `await C`. The call
    /// may stand anywhere in an expression (`x = asyncio.run(load()) + 1`,
    /// `return asyncio.run(main())`, `f(asyncio.run(g()))`). In a Jupyter
    /// notebook it does the same at a cell's top level.
    ///
    /// ## Why
    /// `asyncio.run` starts a new event loop, and it refuses to when one is
    /// already running: inside a coroutine it always raises `RuntimeError:
    /// asyncio.run() cannot be called from a running event loop`, and the
    /// coroutine it was given is never awaited. In a coroutine the way to
    /// run another coroutine is to await it. A notebook's kernel runs its
    /// own loop, and its cells accept `await` at top level.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def refresh(cache):
    ///     cache.data = asyncio.run(cache.load())
    /// ```
    ///
    /// ## After
    /// ```python
    /// async def refresh(cache):
    ///     cache.data = await cache.load()
    /// ```
    ///
    /// ## Fix safety
    /// Safe: in a coroutine running on an asyncio loop the call can only
    /// raise `RuntimeError` (and leave its coroutine never awaited), and the
    /// rewrite does what it meant. The argument keeps its bytes;
    /// parentheses are added where `await` binds less tightly than the code
    /// around it (`(await c()).x`, `await (a or b)`), and around an
    /// argument whose lines break outside brackets of its own (`run(jobs`
    /// then `[0])` becomes `await (jobs` then `[0])`: without the call's
    /// parentheses the line break would end the statement). An import of `run` left
    /// unused is removed (kept when a string annotation, `__all__` or a `#
    /// noqa` comment on its line still needs it).
    ///
    /// Where the program may rely on what the call does today, there is no
    /// fix (the change would be silent): a handler around it in the same
    /// function catches that `RuntimeError` (`except RuntimeError`,
    /// `Exception`, `BaseException`, bare, a variable; a `pytest.raises` or
    /// `assertRaises` block); the module drives coroutines by hand
    /// (`coro.send(None)`, `coro.__await__()`, `coro.throw(…)`: with no loop
    /// running, `asyncio.run` works); or it
    /// patches `asyncio.run`; the same when code anywhere in the module may
    /// catch a `RuntimeError` raised below it, since which coroutine it
    /// awaits cannot be told (a caller's handler, however far up; a
    /// decorator's wrapper around `await fn(...)`; a coroutine held in a
    /// variable and run inside a `try`; `gather(..., return_exceptions=True)`;
    /// `suppress`, `pytest.raises` or `assertRaises` taking it or a base;
    /// an `__exit__` that may return true). With a project index, the same
    /// when another module of the project reads any top-level name of this
    /// one (a function, a class, a variable): it may await the coroutine,
    /// directly or through the module's own functions, under a handler of
    /// its own or of its callers. The same when another file of the
    /// project drives coroutines by hand (`coro.send(None)`, stepping a
    /// `coro.__await__()`, a `types.coroutine` trampoline): a coroutine of
    /// this module may reach it without any of its names (through a
    /// registry the module adds it to) and run where no loop runs.
    /// So when another file imports modules by a name it computes
    /// (`import_module(f"plugins.{name}")`) and a file may catch the
    /// error, or a class of the module derives from a base of another
    /// module that may collect its subclasses (`__init_subclass__`, a
    /// metaclass).
    ///
    /// Unsafe in code a coroutine runs while it is closed outside its
    /// loop (a `finally:` body, a handler that may catch `GeneratorExit`,
    /// an `async def __aexit__`, code after a handler that keeps the
    /// close): no loop runs there, so `asyncio.run` works and `await`
    /// raises.
    ///
    /// ## Left alone
    /// `asyncio.run` in a `def`, `lambda` or class nested in the coroutine
    /// (it may run in a thread with no loop, where `asyncio.run` is right),
    /// in a generator expression (an `await` there changes what it is), in
    /// default arguments, decorators and annotations of a nested `def`, in
    /// a variable's annotation (`x: asyncio.run(c()) = 1` never runs the
    /// call, and CPython refuses `await` there);
    /// a comprehension inside a synchronous comprehension or generator
    /// expression when the target is older than 3.11 (an `await` makes the
    /// inner one asynchronous, and CPython 3.10 and older refuse that there
    /// even in an `async def`; reported with the reason; an outer
    /// comprehension that has an `await` or `async for` of its own is
    /// asynchronous already, and the fix is made);
    /// module-level code outside notebooks, and any notebook cell that
    /// starts with a cell magic (`%%time`, `%%writefile`, …: not plain
    /// Python; reported without a fix when its body is Python the kernel
    /// runs, not read at all otherwise); calls with keyword arguments
    /// (`debug=True`, `loop_factory=…`: `await` has no such options; they
    /// are reported without a fix), unpacked arguments, or comments in the
    /// call outside its argument; `asyncio` or `run` rebound locally. In a
    /// module that imports trio, anyio or curio at run time the coroutine
    /// may run where no asyncio loop runs and `asyncio.run` works: reported
    /// without a fix (imports for type checkers only do not count). So in
    /// every module of a project where some file imports trio, curio or
    /// twisted, marks a test `pytest.mark.trio`, or imports anyio where a
    /// file gives `"trio"` as its backend: it may run this module's
    /// coroutines (`trio.run(work.main)`, a registry it runs), whatever
    /// this module imports. In a module that imports nest_asyncio
    /// (`nest_asyncio.apply()` lets `asyncio.run` run inside a running
    /// loop) the call works: reported without a fix (`await` would run the
    /// coroutine in the caller's task, with its context variables); so
    /// too where another file of the project imports it (`app/__init__.py`
    /// applying it for every module). Where another file of the project
    /// replaces `asyncio.run` (`asyncio.run = nested_run`, `setattr(asyncio,
    /// "run", f)`, through `asyncio.__dict__` or a function handed the
    /// module), the call reaches that stand-in, which may work inside a
    /// running loop: reported without a fix; a test's mock of it
    /// (`mock.patch("asyncio.run")`) makes the fix unsafe. In a
    /// project with a module of its own named `asyncio` at a source root or
    /// beside the file, `asyncio.run` is that module's: not reported.
    pub static RUN_IN_COROUTINE = Codemod {
        code: "AM104",
        name: "run-in-coroutine",
        min_python: PyVersion::ANY,
        safety: Applicability::Safe,
        run: run_in_coroutine,
        needles: &["run"],
        requires: &["asyncio"],
    };
}

/// The annotations of annotated assignments (`x: T = v`, `x: T`).
fn variable_annotations(semantic: &crate::semantic::SemanticModel) -> Vec<TextRange> {
    semantic
        .suites
        .iter()
        .flat_map(|suite| suite.body)
        .filter_map(|stmt| match stmt {
            Stmt::AnnAssign(assign) => Some(assign.annotation.range()),
            _ => None,
        })
        .collect()
}

fn run_in_coroutine(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    // Computed on the first candidate: most modules have none.
    let mut signatures: Option<crate::semantic::functions::Signatures> = None;
    let mut annotations: Option<Vec<TextRange>> = None;
    let mut parents = PrimaryParents::default();
    let mut scanned = false;
    let patched = OnceCell::new();
    let callers = OnceCell::new();
    let project_stand_in = OnceCell::new();
    for site in &semantic.calls {
        let call = site.call;
        if !semantic.await_allowed(site.scope, ctx.notebook)
            || !is_asyncio_run(ctx, &call.func, site.scope)
        {
            continue;
        }
        let finding = out.report(
            &RUN_IN_COROUTINE,
            call.range(),
            "`asyncio.run()` called where an event loop is already running",
        );
        if let Some(library) = semantic.non_asyncio_library() {
            // Under trio or curio no asyncio loop runs, and `asyncio.run` works there.
            finding.note(format!(
                "the module imports {}: no asyncio loop may be running",
                library.module()
            ));
            continue;
        }
        if semantic.imports_module("nest_asyncio") {
            // `nest_asyncio.apply()` lets `asyncio.run` run inside a running
            // loop: the call works, in a task of its own, and `await` would
            // run the coroutine in the caller's task (its context variables,
            // `current_task()`).
            finding.note(
                "the module imports nest_asyncio, which lets `asyncio.run` run inside a running loop (`nest_asyncio.apply()`): the call works there, and `await` would run the coroutine in the caller's task instead of a task of its own",
            );
            continue;
        }
        if let Some(file) = semantic.project_nest_asyncio_importer() {
            // Applied by another module (a package's `__init__.py`): it
            // patches asyncio for every module of the process.
            finding.note(format!(
                "{} imports nest_asyncio, which lets `asyncio.run` run inside a running loop in every module (`nest_asyncio.apply()`): the call works there, and `await` would run the coroutine in the caller's task instead of a task of its own",
                file.display()
            ));
            continue;
        }
        if let Some(library) = semantic.project_runner_library() {
            // Another module may run the coroutine under that library
            // (`trio.run(mod.main)`, a registry it steps), with no asyncio
            // loop running.
            finding.note(format!(
                "another module of the project imports {library}: the coroutine may run where no asyncio loop runs, and `asyncio.run` works there"
            ));
            continue;
        }
        if let Some(reason) =
            semantic.await_refused_by_target(site.scope, ctx.settings.target_version)
        {
            finding.note(reason);
            continue;
        }
        let signatures = signatures.get_or_insert_with(|| semantic.signature_ranges());
        if signatures.contain(call.range()) {
            finding.note(
                "in a decorator, default argument or annotation, where `await` does not belong",
            );
            continue;
        }
        let annotations = annotations.get_or_insert_with(|| variable_annotations(semantic));
        if annotations.iter().any(|r| r.contains_range(call.range())) {
            // `x: asyncio.run(c()) = 1` in a function never runs the call,
            // and CPython refuses `await` in an annotation.
            finding.note("in a variable's annotation, where `await` does not belong");
            continue;
        }
        if let Some(reason) = runs_differently(semantic, site, &patched, &callers) {
            finding.note(reason);
            continue;
        }
        // The name the call goes through may be bound behind the module's
        // statements' backs (`globals()["asyncio"] = …`), or replaced from
        // another file as an attribute of this module (`work.asyncio = …`).
        if let Some(rebinding) = semantic.rebinding(&call.func, "asyncio.run", site.scope) {
            finding.note(format!(
                "{}, so the call may reach something else than `asyncio.run`",
                rebinding.found()
            ));
            continue;
        }
        // Another file of the project may put a stand-in in place of
        // `asyncio.run` (a nested runner that works inside a running loop,
        // in a thread or a task of its own; a test's mock): the call then
        // works, and `await` would run the coroutine in the caller's task.
        // Put there for good: no fix; a test's mock: unsafe.
        let (applicability, finding) = match project_stand_in
            .get_or_init(|| {
                semantic.stand_in(
                    &["asyncio.run", "asyncio.runners.run"],
                    "`await` would run the coroutine in the caller's task instead of calling it",
                )
            })
            .clone()
        {
            Some(StandIn::Replaced(note)) => {
                finding.note(note);
                continue;
            }
            Some(StandIn::Mocked(note)) => (Applicability::Unsafe, finding.note(note)),
            None => (Applicability::Safe, finding),
        };
        // Cleanup a coroutine closed outside its loop runs (a `finally:`
        // when it is garbage-collected after the loop stopped): no loop
        // runs there, and `asyncio.run` works where `await` raises.
        let (applicability, finding) = match semantic.runs_when_closed(site.scope, call.start()) {
            Some(closed) => (
                Applicability::Unsafe,
                finding.note(format!(
                    "{}; there `asyncio.run` works, and `await` would raise",
                    closed.closed_outside_loop()
                )),
            ),
            None => (applicability, finding),
        };
        let arguments = &call.arguments;
        let [argument] = &*arguments.args else {
            finding.note("`asyncio.run` takes one coroutine; this call is left as written");
            continue;
        };
        if !arguments.keywords.is_empty() {
            finding.note("`await` has no options like `debug=` or `loop_factory=`");
            continue;
        }
        if argument.is_starred_expr() {
            finding.note("an unpacked argument cannot be awaited");
            continue;
        }
        let before = TextRange::new(call.start(), argument.start());
        let after = TextRange::new(argument.end(), call.end());
        if contains_comment(ctx.tokens, before) || contains_comment(ctx.tokens, after) {
            finding.note("a comment sits in the part of the call that would be rewritten");
            continue;
        }
        if !scanned {
            parents.visit_body(&ctx.module.body);
            scanned = true;
        }
        let outer = parents
            .of
            .get(&call.range())
            .is_some_and(|&parent_start| !parenthesized(ctx, parent_start, call.start()));
        // An argument over several lines keeps brackets of its own: out of
        // the call's, `jobs` and `[0]` on two lines are two statements.
        let inner = needs_parentheses_after_await(argument)
            || line_break_outside_brackets(ctx.tokens, argument.range());
        finding.fix_with(applicability, |fix| {
            fix.title("Replace with `await`");
            let open = match (outer, inner) {
                (true, true) => "(await (",
                (true, false) => "(await ",
                (false, true) => "await (",
                (false, false) => "await ",
            };
            let close = match (outer, inner) {
                (true, true) => "))",
                (true, false) | (false, true) => ")",
                (false, false) => "",
            };
            fix.replace(before, open);
            if let Some(text) = dedented_argument(ctx, call, argument) {
                fix.replace(argument.range(), text);
            }
            fix.replace(after, close);
            fix.remove_import_if_unused(&call.func);
            Ok(())
        });
    }
}

/// Why the program may rely on what this `asyncio.run` call does today
/// (raise `RuntimeError`, or run with no loop), if it may: a handler around
/// it in its frame catches the `RuntimeError` (or a block expects it, as a
/// test's `pytest.raises` does), the module drives coroutines by hand
/// (with no loop running, `asyncio.run` works), or it patches
/// `asyncio.run`. Each would change silently, so no fix is offered.
fn runs_differently(
    semantic: &SemanticModel,
    site: &CallSite,
    patched: &OnceCell<bool>,
    callers: &OnceCell<Option<CaughtBy>>,
) -> Option<String> {
    if *patched.get_or_init(|| {
        semantic.may_replace("asyncio.run") || semantic.may_replace("asyncio.runners.run")
    }) {
        return Some("the module replaces or patches `asyncio.run`".into());
    }
    match semantic.hand_driver() {
        Some(HandDriver::Module) => {
            return Some(
                "the module drives coroutines by hand: where no loop runs, `asyncio.run` works"
                    .into(),
            );
        }
        Some(HandDriver::File(_)) => {
            return Some(
                "another module of the project drives coroutines by hand (`coro.send(None)`, `__await__()`, a `types.coroutine` trampoline): it may be handed this one (a registry, a list of callbacks) and run it where no loop runs, where `asyncio.run` works".into(),
            );
        }
        Some(HandDriver::Library(_)) => {
            return Some(
                "another library's loop the project uses may run the coroutine, where no asyncio loop runs and `asyncio.run` works".into(),
            );
        }
        None => {}
    }
    let caught = |offset: TextSize| {
        semantic
            .statement_at(offset)
            .is_some_and(|stmt| semantic.handler_catching(stmt, &["RuntimeError"]).is_some())
    };
    if caught(site.call.start()) {
        return Some(
            "a handler around it catches the `RuntimeError` it raises; that code would stop running"
                .into(),
        );
    }
    // The error also reaches whoever awaits the coroutine, through any
    // number of calls, decorators' wrappers, variables holding the
    // coroutine object and `gather(..., return_exceptions=True)`: code
    // anywhere in the module that may catch it counts, and so does code of
    // another module of the project that may call the coroutine function
    // (or any function of the module that awaits it), or that a function
    // of the module is handed to.
    match callers.get_or_init(|| semantic.may_be_caught_by_callers("RuntimeError")) {
        None => None,
        Some(CaughtBy::Module(_)) => Some(
            "code of the module may catch the `RuntimeError` it raises (a caller's handler, a decorator's wrapper, \
             `gather(..., return_exceptions=True)`); that code would stop running".into(),
        ),
        Some(CaughtBy::OthersRead) => Some(
            "another module of the project reads names of this one: it may await the coroutine it is in (directly or through the module's functions) where a handler, of the caller or further up, may catch the `RuntimeError` it raises; that code would stop running".into(),
        ),
        Some(by @ CaughtBy::ComputedImport { .. }) => Some(format!(
            "{}; that code would stop running",
            by.elsewhere("RuntimeError").unwrap_or_default()
        )),
        Some(CaughtBy::Leaves { file, .. }) => Some(format!(
            "a function of the module leaves it as a value (a decorator or a runner of another module, a registry, a base class collecting its subclasses), and code of {} may catch the `RuntimeError` it raises where it runs it; that code would stop running",
            if file.as_os_str().is_empty() {
                "another module of the project".to_string()
            } else {
                file.display().to_string()
            }
        )),
    }
}

/// The argument's text moved back to the call's indentation, when it
/// starts on a line of its own and spans several (`run(\n    main(\n
/// …),\n)`): once the call's own line and parentheses are gone, its lines
/// would sit one level too deep. Lines inside multi-line strings keep their
/// bytes. `None` when the argument can stay as it is.
fn dedented_argument(ctx: &Context, call: &ast::ExprCall, argument: &Expr) -> Option<String> {
    let source = ctx.source;
    let text = &source[argument.range()];
    if line_start(source, argument.start()) == line_start(source, call.start())
        || !text.contains(['\n', '\r'])
    {
        return None;
    }
    let from = indentation_at(source, argument.start());
    let to = indentation_at(source, call.start());
    Some(reindented_text(ctx, argument.range(), from, to))
}

/// Whether `func` is `asyncio.run`, under any import spelling.
fn is_asyncio_run(ctx: &Context, func: &Expr, scope: crate::semantic::ScopeId) -> bool {
    let tail_may_match = match func {
        Expr::Attribute(attribute) => attribute.attr.as_str() == "run",
        Expr::Name(_) => true,
        _ => false,
    };
    tail_may_match
        && ctx
            .semantic
            .qualified_name(func, scope)
            .is_some_and(|q| q.is("asyncio.run") || q.is("asyncio.runners.run"))
}

/// Whether the source between a parent expression's start and its child's
/// start holds an opening parenthesis: the child is already parenthesized.
fn parenthesized(ctx: &Context, parent_start: TextSize, child_start: TextSize) -> bool {
    parent_start < child_start
        && tokens_overlapping(ctx.tokens, TextRange::new(parent_start, child_start))
            .iter()
            .any(|token| token.kind() == TokenKind::Lpar)
}

/// Calls that stand where a primary is required (the value of an attribute
/// or subscript, a callee, the operand of `await`), mapped to the start of
/// that parent expression: an `await` there needs parentheses.
#[derive(Default)]
struct PrimaryParents {
    of: FxHashMap<TextRange, TextSize>,
}

impl<'a> Visitor<'a> for PrimaryParents {
    fn visit_expr(&mut self, expr: &'a Expr) {
        let child = match expr {
            Expr::Attribute(attribute) => Some(attribute.value.as_ref()),
            Expr::Subscript(subscript) => Some(subscript.value.as_ref()),
            Expr::Call(call) => Some(call.func.as_ref()),
            Expr::Await(await_expr) => Some(await_expr.value.as_ref()),
            _ => None,
        };
        if let Some(child @ Expr::Call(_)) = child {
            self.of.insert(child.range(), expr.start());
        }
        visitor::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::RUN_IN_COROUTINE;
    use crate::codemods::SLEEP_IN_ASYNC;
    use crate::test_support::{
        check_finding, check_fix, check_fix_notebook, check_fix_together, check_no_fix,
        check_no_fix_notebook,
    };

    #[test]
    fn an_await_that_the_target_version_rejects_is_not_written() {
        use crate::engine::FixStatus;
        use crate::test_support::outcome_at;
        use crate::version::PyVersion;
        // Before 3.11 the inner comprehension would become asynchronous
        // inside a synchronous one, which CPython rejects.
        let source = "import asyncio\n\nasync def main(c):\n    return [[asyncio.run(g(x)) for x in a] for a in c]\n";
        let old = outcome_at(&RUN_IN_COROUTINE, source, PyVersion::PY310);
        assert_eq!(old.fixed, None);
        let [report] = old.reports.as_slice() else {
            panic!("{:?}", old.reports.len());
        };
        assert!(
            matches!(&report.fix, FixStatus::None(Some(reason)) if reason.contains("Python 3.10 rejects")),
            "{:?}",
            report.fix
        );
        let new = outcome_at(&RUN_IN_COROUTINE, source, PyVersion::PY311);
        assert_eq!(
            new.fixed.as_deref(),
            Some("async def main(c):\n    return [[await g(x) for x in a] for a in c]\n")
        );
        // An outer comprehension that awaits itself, or a comprehension
        // directly in the coroutine, takes the `await` on any version.
        for source in [
            "import asyncio\n\nasync def main(c):\n    return [[asyncio.run(g(x)) for x in a] for a in c if await a]\n",
            "import asyncio\n\nasync def main(c):\n    return [asyncio.run(g(x)) for x in c]\n",
        ] {
            assert!(
                outcome_at(&RUN_IN_COROUTINE, source, PyVersion::PY310)
                    .fixed
                    .is_some(),
                "{source}"
            );
        }
    }

    #[test]
    fn statement_becomes_await() {
        check_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def main():\n    asyncio.run(work())\n",
            "async def main():\n    await work()\n",
        );
    }

    #[test]
    fn handlers_of_its_runtime_error_keep_it() {
        for handler in [
            "except RuntimeError:",
            "except Exception:",
            "except (ValueError, RuntimeError):",
            "except:",
            "except* RuntimeError:",
            "except errors:",
        ] {
            check_finding(
                &RUN_IN_COROUTINE,
                &format!(
                    "import asyncio\n\nasync def main():\n    try:\n        return asyncio.run(load())\n    {handler}\n        return None\n"
                ),
                "`asyncio.run()` called where an event loop is already running",
            );
        }
        check_finding(
            &RUN_IN_COROUTINE,
            "import asyncio\nimport pytest\n\nasync def test_nested():\n    with pytest.raises(RuntimeError):\n        asyncio.run(load())\n",
            "`asyncio.run()` called where an event loop is already running",
        );
        // Other handlers, a `finally`, or a handler around the `except` body
        // it sits in do not see it.
        check_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def main():\n    try:\n        x = asyncio.run(load())\n    except KeyError:\n        x = None\n    finally:\n        print(x)\n",
            "async def main():\n    try:\n        x = await load()\n    except KeyError:\n        x = None\n    finally:\n        print(x)\n",
        );
    }

    #[test]
    fn callers_that_catch_its_runtime_error_keep_it() {
        check_finding(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def load():\n    return asyncio.run(fetch())\n\nasync def main():\n    try:\n        return await load()\n    except RuntimeError:\n        return None\n",
            "`asyncio.run()` called where an event loop is already running",
        );
        check_finding(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nclass T:\n    def test(self):\n        async def main():\n            asyncio.run(main())\n\n        with self.assertRaisesRegex(RuntimeError, 'running'):\n            asyncio.run(main())\n",
            "`asyncio.run()` called where an event loop is already running",
        );
    }

    #[test]
    fn hand_driven_or_patched_modules_keep_it() {
        check_finding(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def outer():\n    return asyncio.run(inner())\n\ndef drive(c):\n    c.send(None)\n",
            "`asyncio.run()` called where an event loop is already running",
        );
        check_finding(
            &RUN_IN_COROUTINE,
            "import asyncio\nfrom unittest import mock\n\nasync def outer():\n    return asyncio.run(inner())\n\n@mock.patch('asyncio.run')\ndef test(run):\n    pass\n",
            "`asyncio.run()` called where an event loop is already running",
        );
    }

    #[test]
    fn curio_module_keeps_it() {
        check_finding(
            &RUN_IN_COROUTINE,
            "import asyncio\nimport curio\n\nasync def outer():\n    return asyncio.run(inner())\n",
            "`asyncio.run()` called where an event loop is already running",
        );
    }

    #[test]
    fn variable_annotation_is_left_alone() {
        // The annotation never runs; `await` there does not compile.
        check_finding(
            &RUN_IN_COROUTINE,
            "from __future__ import annotations\nimport asyncio\n\nasync def main():\n    x: asyncio.run(c()) = 1\n    return x\n",
            "`asyncio.run()` called where an event loop is already running",
        );
        check_no_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def main():\n    x: list[asyncio.run(c())]\n",
        );
    }

    #[test]
    fn inside_an_expression() {
        check_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f():\n    x = asyncio.run(a()) + 1\n    return g(asyncio.run(b()), k=asyncio.run(c()))\n",
            "async def f():\n    x = await a() + 1\n    return g(await b(), k=await c())\n",
        );
    }

    #[test]
    fn primary_positions_get_parentheses() {
        check_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f():\n    a = asyncio.run(c()).x\n    b = asyncio.run(c())[0]\n    d = asyncio.run(c())()\n    e = (asyncio.run(c())).y\n",
            "async def f():\n    a = (await c()).x\n    b = (await c())[0]\n    d = (await c())()\n    e = (await c()).y\n",
        );
    }

    #[test]
    fn argument_that_is_not_a_primary_gets_parentheses() {
        check_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f(a, b):\n    return asyncio.run(a or b)\n",
            "async def f(a, b):\n    return await (a or b)\n",
        );
    }

    #[test]
    fn from_import_run_goes_when_unused() {
        check_fix(
            &RUN_IN_COROUTINE,
            "from asyncio import run\n\nasync def f():\n    run(\n        g(1,\n          2),\n    )\n",
            "async def f():\n    await g(1,\n      2)\n",
        );
    }

    #[test]
    fn argument_on_its_own_lines_moves_back_one_level() {
        check_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f():\n    x = asyncio.run(\n        g(\n            '''a\n  b''',\n            2,\n        )\n    )\n    return x\n",
            "async def f():\n    x = await g(\n        '''a\n  b''',\n        2,\n    )\n    return x\n",
        );
    }

    #[test]
    fn argument_broken_outside_its_brackets_keeps_brackets() {
        // Without the call's parentheses, `jobs` and `[0]` on two lines
        // would be two statements.
        check_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f(jobs, make, client):\n    r = asyncio.run(jobs\n    [0])\n    s = asyncio.run((jobs\n    [0]))\n    t = asyncio.run(client\n                    .fetch()).x\n    return asyncio.run(make\n    ())\n",
            "async def f(jobs, make, client):\n    r = await (jobs\n    [0])\n    s = await (jobs\n    [0])\n    t = (await (client\n                    .fetch())).x\n    return await (make\n    ())\n",
        );
        // Line breaks inside the argument's own brackets, strings or after
        // a backslash need none.
        check_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f(g):\n    r = asyncio.run(g(1,\n    2))\n    return asyncio.run(g \\\n    ('''a\nb'''))\n",
            "async def f(g):\n    r = await g(1,\n    2)\n    return await g \\\n    ('''a\nb''')\n",
        );
    }

    #[test]
    fn list_comprehension_in_coroutine() {
        check_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f(xs):\n    return [asyncio.run(g(x)) for x in xs]\n",
            "async def f(xs):\n    return [await g(x) for x in xs]\n",
        );
    }

    #[test]
    fn composes_with_sleep_in_async_inside_the_argument() {
        check_fix_together(
            &[&SLEEP_IN_ASYNC, &RUN_IN_COROUTINE],
            "import asyncio\nimport time\n\nasync def f():\n    asyncio.run(g())\n    time.sleep(1)\n",
            "import asyncio\n\nasync def f():\n    await g()\n    await asyncio.sleep(1)\n",
        );
    }

    #[test]
    fn notebook_top_level_becomes_await() {
        check_fix_notebook(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def main():\n    return 1\n\nresult = asyncio.run(main())\nif result:\n    asyncio.run(main())\n",
            "async def main():\n    return 1\n\nresult = await main()\nif result:\n    await main()\n",
        );
    }

    #[test]
    fn notebook_function_and_class_bodies_are_left_alone() {
        check_no_fix_notebook(
            &RUN_IN_COROUTINE,
            "import asyncio\n\ndef go():\n    return asyncio.run(main())\n\nclass C:\n    x = asyncio.run(main())\n\ny = lambda: asyncio.run(main())\n",
        );
    }

    #[test]
    fn module_level_outside_notebooks_is_left_alone() {
        check_no_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n",
        );
    }

    #[test]
    fn nested_sync_def_and_lambda_are_left_alone() {
        check_no_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f():\n    def in_thread():\n        return asyncio.run(g())\n    cb = lambda: asyncio.run(g())\n    return in_thread, cb\n",
        );
    }

    #[test]
    fn generator_expression_is_left_alone() {
        check_no_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f(xs):\n    return list(asyncio.run(g(x)) for x in xs)\n",
        );
    }

    #[test]
    fn default_argument_of_nested_def_is_reported_not_fixed() {
        check_finding(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f():\n    def g(x=asyncio.run(h())):\n        return x\n    return g\n",
            "`asyncio.run()` called where an event loop is already running",
        );
    }

    #[test]
    fn keyword_arguments_are_reported_not_fixed() {
        check_finding(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f():\n    asyncio.run(g(), debug=True)\n",
            "`asyncio.run()` called where an event loop is already running",
        );
    }

    #[test]
    fn comment_outside_the_argument_is_left_alone() {
        check_no_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f():\n    asyncio.run(  # the worker\n        g()\n    )\n",
        );
    }

    #[test]
    fn shadowed_names_are_not_asyncio() {
        check_no_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\nfrom app import run\n\nasync def f(asyncio):\n    asyncio.run(g())\n    run(g())\n",
        );
    }

    #[test]
    fn trio_or_anyio_module_is_reported_not_fixed() {
        check_finding(
            &RUN_IN_COROUTINE,
            "import asyncio\nimport trio\n\nasync def f():\n    return asyncio.run(g())\n",
            "`asyncio.run()` called where an event loop is already running",
        );
        check_no_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\nimport anyio\n\nasync def f():\n    return asyncio.run(g())\n",
        );
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &RUN_IN_COROUTINE,
            "import asyncio\n\nasync def f():\n    asyncio.run(g())  # noqa: AM104\n",
        );
    }
}
