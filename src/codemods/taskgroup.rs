use ruff_python_ast::token::{TokenKind, parenthesized_range};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{AnyNodeRef, ExceptHandler, ExprRef, StmtFunctionDef};
use rustc_hash::FxHashSet;

use crate::codemods::prelude::*;
use crate::fix::layout::{
    LineStyle, full_line_end, indentation_at, is_alone_on_lines, reindented_text,
};
use crate::fix::statements::{Comments, delete_statements, wrap_statements};
use crate::fix::syntax::{contains_comment, tokens_overlapping};
use crate::fix::{Edit, FixBuilder};
use crate::semantic::imports::Lookup;
use crate::semantic::outcomes::OutcomeSite;
use crate::semantic::scope::ScopeKind;
use crate::semantic::statements::single_assignment;
use crate::semantic::suspension::BlockPart;
use crate::semantic::{BindingKind, ScopeId, SemanticModel, Suite, UseKind};

declare_codemod! {
    /// ## What it does
    /// Turns manual task fan-out, `asyncio.create_task` calls collected by
    /// `asyncio.gather` or `asyncio.wait`, into structured concurrency: the
    /// tasks are created by an `asyncio.TaskGroup`, whose block waits for them.
    ///
    /// These shapes are rewritten: a list of tasks built by a comprehension
    /// (also an async one), a list of `create_task` calls, or a `for` (or
    /// `async for`) loop appending to an empty list, then `[R =] await
    /// asyncio.gather(*tasks)`, `return await asyncio.gather(*tasks)` or
    /// `await asyncio.wait(tasks)`; tasks made inside the wait
    /// (`asyncio.gather(*[asyncio.create_task(f(u)) for u in urls])`, a
    /// generator or a list of calls there, `asyncio.wait([…])`); and a few
    /// named tasks (`t1 = asyncio.create_task(a())`, …) then `r1 = await
    /// t1`, `r2 = await t2` or a gather of them. `loop.create_task(…)`
    /// counts as `asyncio.create_task(…)` where `loop` is known to be the
    /// running loop (`loop = asyncio.get_running_loop()` in the coroutine,
    /// not rebound), and such a `loop` left unused goes. The statements
    /// between the creation and the wait move into the block, awaits among
    /// them. Results are read after the block with `t.result()`, in the
    /// order `gather` gave them.
    ///
    /// ## Why
    /// A task created by hand outlives the code that created it when
    /// something fails: if one task raises, `gather` returns the error while
    /// the others keep running, unsupervised, and an error in the code
    /// between the creation and the wait leaves every task orphaned. A
    /// `TaskGroup` cancels the remaining tasks on the first error and always
    /// waits for all of them before the block ends.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def fetch_all(urls):
    ///     tasks = [asyncio.create_task(fetch(url)) for url in urls]
    ///     pages = await asyncio.gather(*tasks)
    ///     return pages
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def fetch_all(urls):
    ///     async with asyncio.TaskGroup() as tg:
    ///         tasks = [tg.create_task(fetch(url)) for url in urls]
    ///     pages = [t.result() for t in tasks]
    ///     return pages
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: error and cancellation behaviour changes. `gather` raises the
    /// first task's exception as it is and lets the other tasks run on; a
    /// `TaskGroup` cancels the sibling tasks on the first error, waits for
    /// them, and raises an `ExceptionGroup` holding every error, so `except
    /// ValueError:` in a caller no longer matches and needs `except*`: a
    /// caller anywhere, in this module or another, that catches a specific
    /// exception type around a call of the function no longer catches it. An
    /// exception raised by the statements moved into the block (the
    /// creation and the code up to the wait) now cancels the tasks instead
    /// of orphaning them, and comes out wrapped in the `ExceptionGroup` too.
    /// Those statements may await: a failing task now cancels the function
    /// at its next `await` there (the group cancels its own task, so an
    /// `except CancelledError:`, `except BaseException:` or bare `except:`
    /// there runs), where before that code ran to its end and the error
    /// came out at the wait. Tasks made inside the wait are kept in a new
    /// list named `tasks` (`tasks2`, … when taken) when their results are
    /// needed; a generator there becomes a list, which `*` made of it
    /// anyway. `loop.create_task` on the running loop and the group's
    /// `create_task` make the same task on the same loop, with its task
    /// factory.
    /// `asyncio.wait` left task errors in the tasks and raised `ValueError`
    /// on an empty list; the group raises the task errors and is fine with
    /// no tasks. When the function itself is cancelled while it waits, the
    /// group cancels every task and waits for them (as `gather` does), where
    /// `asyncio.wait` left them running and `await t1` cancelled only
    /// `t1`. A task cancelled on its own no
    /// longer cancels the caller: the block ends normally and that task's
    /// `result()` raises `CancelledError`. Results keep their order, reads
    /// of the tasks after the wait see the same finished tasks, the block
    /// uses the module's own `asyncio` binding, the group is named `tg` (`tg2`,
    /// … when the function uses, or declares `global` or `nonlocal`, that
    /// name) and the task list is dropped when nothing else reads it. A
    /// result is dropped only when it goes to a plain local of the function
    /// that nothing reads, deletes or declares; any other target (a
    /// `global` or `nonlocal` name, which the module, `globals()` or another
    /// function may read, a name deleted later, an attribute) still gets
    /// its value after the block (`R = [t.result() for t in tasks]`,
    /// `r2 = t2.result()`). A handler around the wait (or a caller's) that
    /// only re-raises (`raise`, `raise e`) passes the `ExceptionGroup` on to
    /// the callers as above, and one that raises another exception `from e`
    /// now chains the group as its `__cause__`. What a function called in
    /// such a handler reads of the exception being handled (`sys.exc_info()`
    /// inside a helper) is not seen. Not before Python 3.11.
    ///
    /// ## Left alone
    /// `return_exceptions=True`, `asyncio.wait(..., return_when=...)` or with
    /// a timeout, and `done, pending = await asyncio.wait(...)`: no
    /// `TaskGroup` equivalent. A task list or task that escapes (returned,
    /// yielded, stored, passed to anything but the gather or wait, read by a
    /// nested function) or is used before the wait (cancelled, appended to).
    /// Reads of the tasks where the wait may have failed (in a handler or
    /// `finally` around it, or after a `try` that caught its error, apart
    /// from `t.cancel()`): there `gather` left the other tasks running and
    /// a TaskGroup has cancelled them. `task.exception()` or `.cancelled()`
    /// after `asyncio.wait`: that code handles the errors a TaskGroup would
    /// raise. `r1 = await t1`, `r2 = await t2` where `r1` is a place the
    /// other task can see while it runs (an attribute, a global, a variable
    /// of a nested function). A wait inside a `try` whose handlers catch
    /// types other than `Exception`, `BaseException` or everything, or look
    /// at the caught exception's type or attributes, or read it at all (its
    /// message through `str(e)`, `print(e)`, an f-string or a log call,
    /// `errors.append(e)`; the exception being handled through
    /// `sys.exc_info()`, `traceback.format_exc()`, `logger.exception(…)` or
    /// `exc_info=`: they would read "unhandled errors in a TaskGroup (1
    /// sub-exception)" where they read the task's message), or inside
    /// `contextlib.suppress`, `pytest.raises` or `self.assertRaises`: they
    /// would no longer match, or now see, the `ExceptionGroup`; the same
    /// around a call of the function elsewhere in the module (`except
    /// BaseException as e: if type(e) in RETRY:` around `await
    /// self._execute()`), or of a function that calls it, up to eight calls
    /// away (a method counts as called wherever its name is called on any
    /// object: `self.nodes_manager.aclose()`); also a call of it in a
    /// lambda, whose callers are not followed. Also where such a call's
    /// coroutine is not awaited in the statement that makes it (kept in a
    /// variable, made a task, `t = asyncio.create_task(f())`, or given to
    /// anything but `gather`, `wait_for` or `shield` awaited there,
    /// `asyncio.run` or `run_until_complete`), or such a function is handed
    /// on as a value (`retry(f)`, `jobs = [f]`, a method's `self.f` passed
    /// on, `getattr(obj, name)` with a computed name or its own), decorated
    /// by anything that may wrap it (`@retry`), or a method the language
    /// calls by itself (`__call__`, `__aenter__`, `__anext__`): it would be
    /// awaited where handlers are not followed. A handler
    /// that only shows the type (`print(type(e).__name__)`) counts as
    /// looking at it. Callers in other modules are
    /// not seen: a public function or method of a library, whose users
    /// catch the exception types it raised (`except ResponseError:`), no
    /// longer catches them after the fix; review those by hand. Statements
    /// between the creation and the wait that `return`, `yield` or leave a
    /// loop (`break`, `continue`): the group would wait for the tasks
    /// there, or stay open while a generator is suspended; and other tasks
    /// created in between. A function that reads its own variables
    /// (`locals()`, `vars()`, `eval`), where the new names would show. A
    /// comment between the wait and tasks made inside it, which the block
    /// has no place for. These are reported with the reason when the
    /// fan-out itself is recognised. Not recognised at all:
    /// `loop.create_task` on a loop not known to be the running one (a
    /// parameter not annotated as an event loop, an attribute, a loop from
    /// `new_event_loop()`, a name bound to something else too); a generator
    /// assigned to the list (it makes the tasks only when the wait unpacks
    /// it); an async generator unpacked with `*`, which fails as it is; a
    /// list of tasks and other awaitables.
    pub static TASKGROUP = Codemod {
        code: "AM005",
        name: "taskgroup",
        min_python: PyVersion::PY311,
        safety: Applicability::Unsafe,
        run: taskgroup,
        needles: &["create_task"],
        requires: &["asyncio", ASYNC_DEF],
    };
}

fn taskgroup(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for suite in semantic.coroutine_suites() {
        let mut index = 0;
        while index < suite.body.len() {
            let step = match find_wait(ctx, suite, index) {
                Some(wait) => {
                    let step = wait.statements.len();
                    if let Some(fan_out) = FanOut::find(ctx, suite, wait) {
                        report(ctx, out, suite, &fan_out);
                    }
                    step
                }
                None => 1,
            };
            index += step.max(1);
        }
    }
}

/// How the statement that waits uses what it waited for.
#[derive(Debug, Clone, Copy)]
enum Outcome<'a> {
    /// `await asyncio.gather(*tasks)`.
    Discarded,
    /// `R = await …` (or `R: T = await …`).
    Assigned(&'a Expr),
    /// `return await …`.
    Returned,
}

/// One statement whose whole value is awaited.
#[derive(Debug, Clone, Copy)]
struct WaitStatement<'a> {
    stmt: &'a Stmt,
    awaited: &'a ast::ExprAwait,
    outcome: Outcome<'a>,
}

#[derive(Debug)]
enum Collect<'a> {
    /// `asyncio.gather(*tasks)` or `asyncio.wait(tasks)`.
    List {
        name: &'a ast::ExprName,
        call: &'a ast::ExprCall,
        is_wait: bool,
    },
    /// The tasks made inside the wait: `asyncio.gather(*[create_task(F)
    /// for …])` (or a generator, or a list of calls), `asyncio.wait([…])`.
    Inline {
        maker: Maker<'a>,
        call: &'a ast::ExprCall,
        is_wait: bool,
    },
    /// `asyncio.gather(t1, t2, …)`.
    Gather {
        names: Vec<&'a ast::ExprName>,
        call: &'a ast::ExprCall,
    },
    /// `r1 = await t1`, `r2 = await t2`: one statement per task.
    Awaits { names: Vec<&'a ast::ExprName> },
}

#[derive(Debug)]
struct Wait<'a> {
    /// The waiting statements: one, or one per task for [`Collect::Awaits`].
    statements: Vec<WaitStatement<'a>>,
    /// Index of the first of them in the block.
    index: usize,
    collect: Collect<'a>,
}

impl Wait<'_> {
    /// The end of the last waiting statement.
    fn end(&self) -> TextSize {
        self.statements
            .last()
            .map_or(TextSize::default(), |w| w.stmt.end())
    }
}

/// `[R =] await X` / `return await X` / `await X` as a whole statement.
fn awaited_statement(stmt: &Stmt) -> Option<WaitStatement<'_>> {
    let (value, outcome) = match stmt {
        Stmt::Expr(expr) => (expr.value.as_ref(), Outcome::Discarded),
        Stmt::Assign(assign) => match assign.targets.as_slice() {
            [target] => (assign.value.as_ref(), Outcome::Assigned(target)),
            _ => return None,
        },
        Stmt::AnnAssign(assign) => (assign.value.as_deref()?, Outcome::Assigned(&assign.target)),
        Stmt::Return(ret) => (ret.value.as_deref()?, Outcome::Returned),
        _ => return None,
    };
    Some(WaitStatement {
        stmt,
        awaited: value.as_await_expr()?,
        outcome,
    })
}

/// The wait that starts at `index`, when it is one this codemod knows.
/// Deliberate choices (`return_exceptions=True`, `return_when=`, a
/// timeout) are not: a `TaskGroup` has no equivalent.
fn find_wait<'a>(ctx: &Context<'a>, suite: &Suite<'a>, index: usize) -> Option<Wait<'a>> {
    let wait = awaited_statement(suite.body.get(index)?)?;
    let semantic = ctx.semantic;
    let collect = match wait.awaited.value.as_ref() {
        Expr::Call(call) => {
            let qualified = semantic.qualified_name(&call.func, suite.scope)?;
            let arguments = &call.arguments;
            if qualified.is("asyncio.gather") {
                let plain = arguments.keywords.iter().all(|keyword| {
                    keyword
                        .arg
                        .as_ref()
                        .is_some_and(|a| a.as_str() == "return_exceptions")
                        && matches!(
                            keyword.value,
                            Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. })
                        )
                });
                if !plain {
                    return None;
                }
                match &*arguments.args {
                    [Expr::Starred(starred)] => match starred.value.as_ref() {
                        Expr::Name(name) => Collect::List {
                            name,
                            call,
                            is_wait: false,
                        },
                        other => Collect::Inline {
                            maker: Maker::of(ctx, other)?,
                            call,
                            is_wait: false,
                        },
                    },
                    args if args.len() >= 2 => {
                        let names = distinct_names(args)?;
                        Collect::Gather { names, call }
                    }
                    _ => return None,
                }
            } else if qualified.is("asyncio.wait") {
                match (&*arguments.args, arguments.keywords.is_empty()) {
                    ([Expr::Name(name)], true) => Collect::List {
                        name,
                        call,
                        is_wait: true,
                    },
                    ([other], true) => Collect::Inline {
                        maker: Maker::of(ctx, other)?,
                        call,
                        is_wait: true,
                    },
                    _ => return None,
                }
            } else {
                return None;
            }
        }
        Expr::Name(_) => {
            // A run of `[r =] await t` statements, each awaiting a task.
            let mut statements = Vec::new();
            let mut names: Vec<&ast::ExprName> = Vec::new();
            for stmt in &suite.body[index..] {
                let Some(wait) = awaited_statement(stmt) else {
                    break;
                };
                let Expr::Name(name) = wait.awaited.value.as_ref() else {
                    break;
                };
                if names.iter().any(|n| n.id == name.id)
                    || named_task(ctx, suite, index, name.id.as_str()).is_none()
                {
                    break;
                }
                statements.push(wait);
                names.push(name);
            }
            if names.len() < 2 {
                return None;
            }
            return Some(Wait {
                statements,
                index,
                collect: Collect::Awaits { names },
            });
        }
        _ => return None,
    };
    Some(Wait {
        statements: vec![wait],
        index,
        collect,
    })
}

fn distinct_names(args: &[Expr]) -> Option<Vec<&ast::ExprName>> {
    let mut names: Vec<&ast::ExprName> = Vec::new();
    for arg in args {
        let name = arg.as_name_expr()?;
        if names.iter().any(|n| n.id == name.id) {
            return None;
        }
        names.push(name);
    }
    Some(names)
}

/// The expression that makes the tasks.
#[derive(Debug, Clone)]
enum Maker<'a> {
    /// `[create_task(F) for …]`, also with `async for`; inside the wait
    /// also `(create_task(F) for …)`.
    Comprehension {
        expr: &'a Expr,
        generators: &'a [ast::Comprehension],
        call: &'a ast::ExprCall,
    },
    /// `[create_task(a()), create_task(b()), …]`.
    Literal {
        expr: &'a Expr,
        calls: Vec<&'a ast::ExprCall>,
    },
}

impl<'a> Maker<'a> {
    /// The maker `expr` is, if it is one. A generator expression that
    /// suspends is an async generator, which `*` cannot unpack: the program
    /// fails as it is, and is left alone.
    fn of(ctx: &Context<'a>, expr: &'a Expr) -> Option<Maker<'a>> {
        match expr {
            Expr::ListComp(comprehension) => Some(Maker::Comprehension {
                expr,
                generators: &comprehension.generators,
                call: create_task_call(ctx, &comprehension.elt)?,
            }),
            Expr::Generator(generator) if !contains_await(expr) => Some(Maker::Comprehension {
                expr,
                generators: &generator.generators,
                call: create_task_call(ctx, &generator.elt)?,
            }),
            Expr::List(list) if !list.elts.is_empty() => Some(Maker::Literal {
                expr,
                calls: list
                    .elts
                    .iter()
                    .map(|e| create_task_call(ctx, e))
                    .collect::<Option<_>>()?,
            }),
            _ => None,
        }
    }

    fn calls(&self) -> Vec<&'a ast::ExprCall> {
        match self {
            Maker::Comprehension { call, .. } => vec![*call],
            Maker::Literal { calls, .. } => calls.clone(),
        }
    }

    fn expr(&self) -> &'a Expr {
        match self {
            Maker::Comprehension { expr, .. } | Maker::Literal { expr, .. } => expr,
        }
    }
}

/// How the task list was built.
#[derive(Debug)]
enum Creation<'a> {
    /// `tasks = [asyncio.create_task(F) for …]` or a list of calls.
    Assigned { stmt: &'a Stmt, maker: Maker<'a> },
    /// `tasks = []` then `[async] for …: tasks.append(asyncio.create_task(F))`.
    Loop {
        init: &'a Stmt,
        append: &'a ast::ExprCall,
        call: &'a ast::ExprCall,
    },
    /// Inside the wait: `asyncio.gather(*[asyncio.create_task(F) for …])`.
    Inline { maker: Maker<'a> },
}

/// `name = asyncio.create_task(F)`.
#[derive(Debug)]
struct NamedTask<'a> {
    name: &'a str,
    stmt: &'a Stmt,
    index: usize,
    call: &'a ast::ExprCall,
}

#[derive(Debug)]
enum Tasks<'a> {
    List {
        /// The list's name; `None` when it is made inside the wait.
        name: Option<&'a str>,
        creation: Creation<'a>,
        /// Index of the first statement the block wraps.
        first: usize,
    },
    Named(Vec<NamedTask<'a>>),
}

/// A recognised fan-out: the tasks and the wait that collects them.
#[derive(Debug)]
struct FanOut<'a> {
    tasks: Tasks<'a>,
    wait: Wait<'a>,
}

impl<'a> FanOut<'a> {
    fn find(ctx: &Context<'a>, suite: &Suite<'a>, wait: Wait<'a>) -> Option<FanOut<'a>> {
        let tasks = match &wait.collect {
            Collect::List { name, .. } => {
                let name = name.id.as_str();
                let (creation, first) = list_creation(ctx, suite, wait.index, name)?;
                Tasks::List {
                    name: Some(name),
                    creation,
                    first,
                }
            }
            Collect::Inline { maker, .. } => Tasks::List {
                name: None,
                creation: Creation::Inline {
                    maker: maker.clone(),
                },
                first: wait.index,
            },
            Collect::Gather { names, .. } | Collect::Awaits { names } => Tasks::Named(
                names
                    .iter()
                    .map(|n| named_task(ctx, suite, wait.index, n.id.as_str()))
                    .collect::<Option<Vec<_>>>()?,
            ),
        };
        Some(FanOut { tasks, wait })
    }

    /// Index of the first statement the block wraps.
    fn first(&self) -> usize {
        match &self.tasks {
            Tasks::List { first, .. } => *first,
            Tasks::Named(tasks) => tasks.iter().map(|t| t.index).min().unwrap_or_default(),
        }
    }

    fn creation_calls(&self) -> Vec<&'a ast::ExprCall> {
        match &self.tasks {
            Tasks::List {
                creation: Creation::Assigned { maker, .. } | Creation::Inline { maker },
                ..
            } => maker.calls(),
            Tasks::List {
                creation: Creation::Loop { call, .. },
                ..
            } => vec![*call],
            Tasks::Named(tasks) => tasks.iter().map(|t| t.call).collect(),
        }
    }
}

/// The one statement of the block, before `before`, that binds `name`:
/// the only binding of `name` in the function.
fn only_binding<'a>(
    ctx: &Context<'a>,
    suite: &Suite<'a>,
    before: usize,
    name: &str,
) -> Option<(&'a Stmt, usize)> {
    let semantic = ctx.semantic;
    let mut bindings = semantic
        .bindings_named(name)
        .filter(|(_, b)| b.scope == suite.scope);
    let (_, binding) = bindings.next()?;
    if bindings.next().is_some() {
        return None;
    }
    let stmt = binding.stmt?;
    let (owner_suite, index) = semantic.suite_of(stmt)?;
    (std::ptr::eq(owner_suite.body, suite.body) && index < before).then_some((stmt, index))
}

/// The value assigned to `name` by `stmt` (`name = V` or `name: T = V`).
fn assigned_value<'a>(stmt: &'a Stmt, name: &str) -> Option<&'a Expr> {
    let (target, value) = single_assignment(stmt)?;
    (target.as_name_expr()?.id.as_str() == name).then_some(value)
}

/// Whether `expr` is a call of `asyncio.create_task`, or of the
/// `create_task` method of the loop running the coroutine (`loop =
/// asyncio.get_running_loop()` in it, not rebound): both make a task on
/// the running loop, as the group's `create_task` does.
fn create_task_call<'a>(ctx: &Context, expr: &'a Expr) -> Option<&'a ast::ExprCall> {
    let call = expr.as_call_expr()?;
    let semantic = ctx.semantic;
    let scope = semantic.scope_at(call.start());
    let on_running_loop = || match call.func.as_ref() {
        Expr::Attribute(method) => {
            method.attr.as_str() == "create_task"
                && semantic.is_running_loop(&method.value, scope).is_ok()
        }
        _ => false,
    };
    (semantic.refers_to(&call.func, scope, "asyncio.create_task") || on_running_loop())
        .then_some(call)
}

fn named_task<'a>(
    ctx: &Context<'a>,
    suite: &Suite<'a>,
    before: usize,
    name: &'a str,
) -> Option<NamedTask<'a>> {
    let (stmt, index) = only_binding(ctx, suite, before, name)?;
    let call = create_task_call(ctx, assigned_value(stmt, name)?)?;
    Some(NamedTask {
        name,
        stmt,
        index,
        call,
    })
}

fn list_creation<'a>(
    ctx: &Context<'a>,
    suite: &Suite<'a>,
    before: usize,
    name: &str,
) -> Option<(Creation<'a>, usize)> {
    let (stmt, index) = only_binding(ctx, suite, before, name)?;
    match assigned_value(stmt, name)? {
        // Not a generator: it would make the tasks only when the wait
        // unpacks it.
        value @ Expr::ListComp(_) => Some((
            Creation::Assigned {
                stmt,
                maker: Maker::of(ctx, value)?,
            },
            index,
        )),
        value @ Expr::List(list) if !list.elts.is_empty() => Some((
            Creation::Assigned {
                stmt,
                maker: Maker::of(ctx, value)?,
            },
            index,
        )),
        Expr::List(list) if list.elts.is_empty() => {
            let for_stmt = suite.body.get(index + 1).filter(|_| index + 1 < before)?;
            let Stmt::For(loop_) = for_stmt else {
                return None;
            };
            if !loop_.orelse.is_empty() {
                return None;
            }
            let [Stmt::Expr(body)] = loop_.body.as_slice() else {
                return None;
            };
            let append = body.value.as_call_expr()?;
            let Expr::Attribute(method) = append.func.as_ref() else {
                return None;
            };
            let appends_to_list = method.attr.as_str() == "append"
                && method
                    .value
                    .as_name_expr()
                    .is_some_and(|n| n.id.as_str() == name);
            let [argument] = &*append.arguments.args else {
                return None;
            };
            if !appends_to_list || !append.arguments.keywords.is_empty() {
                return None;
            }
            let call = create_task_call(ctx, argument)?;
            Some((
                Creation::Loop {
                    init: stmt,
                    append,
                    call,
                },
                index + 1,
            ))
        }
        _ => None,
    }
}

/// What keeps a recognised fan-out from being rewritten, if anything.
fn obstacle(ctx: &Context, suite: &Suite, fan_out: &FanOut) -> Option<&'static str> {
    let semantic = ctx.semantic;
    let wait = &fan_out.wait;
    if let Collect::List { is_wait: true, .. } | Collect::Inline { is_wait: true, .. } =
        wait.collect
        && !matches!(wait.statements.first()?.outcome, Outcome::Discarded)
    {
        return Some(
            "`asyncio.wait` returns `(done, pending)` sets, which a TaskGroup does not give",
        );
    }
    let region = suite.body.get(fan_out.first()..wait.index)?;
    if let Tasks::Named(tasks) = &fan_out.tasks {
        let other_task = region.iter().any(|stmt| {
            let created = match stmt {
                Stmt::Assign(assign) => create_task_call(ctx, &assign.value).is_some(),
                _ => false,
            };
            created && !tasks.iter().any(|t| std::ptr::eq(t.stmt, stmt))
        });
        if other_task {
            return Some("other tasks are created in between, which the TaskGroup would not own");
        }
    }
    if let Some(reason) = task_uses_obstacle(ctx, suite, fan_out) {
        return Some(reason);
    }
    if early_results_are_seen(semantic, suite.scope, wait) {
        return Some(
            "a result is stored where the other tasks can see it while they still run; after the block it would be stored only once all of them finished",
        );
    }
    if region.iter().any(yields_or_leaves) {
        return Some(
            "code between the tasks' creation and the wait leaves the block (`return`, `break`, `continue`) or yields: the TaskGroup would wait for the tasks there, or stay open while the generator is suspended",
        );
    }
    if semantic.reads_own_frame(suite.scope) {
        return Some(
            "the function reads its own variables (`locals()`, `vars()`, `eval`, a frame): the new names would show there",
        );
    }
    enclosing_handlers_obstacle(ctx, suite).or_else(|| callers_obstacle(ctx, suite))
}

/// How many calls away from the function [`callers_obstacle`] looks for
/// handlers that match its errors by type.
const MAX_CALLER_DEPTH: usize = 8;

/// A call of the function elsewhere in the module that sits where the
/// wait itself would be refused (see [`enclosing_handlers_obstacle`]),
/// directly or through the functions that call it, up to
/// [`MAX_CALLER_DEPTH`] calls away: the function's errors reach those
/// callers as the `ExceptionGroup` too (`except BaseException as e: if
/// type(e) in RETRY:` around `await self._execute()`, or around a call of
/// a method whose handler awaits `self.aclose()`, would stop retrying).
fn callers_obstacle(ctx: &Context, suite: &Suite) -> Option<&'static str> {
    let semantic = ctx.semantic;
    let def = semantic.scope(suite.scope).function()?;
    let mut seen: FxHashSet<*const StmtFunctionDef> = FxHashSet::default();
    seen.insert(std::ptr::from_ref(def));
    let mut frontier = vec![(def, suite.scope)];
    for depth in 0..MAX_CALLER_DEPTH {
        let mut next = Vec::new();
        for &(callee, callee_scope) in &frontier {
            if used_as_value(semantic, callee, callee_scope) {
                return Some(
                    "a function on the way from this one to its callers is handed on as a value (`retry(work)`, `@retry`, `jobs = [self.work]`, `getattr(obj, name)`) or called by the language itself (`__call__`, `__aenter__`), and whoever calls it may catch its errors by type, which would no longer match the ExceptionGroup a TaskGroup raises",
                );
            }
            for site in &semantic.calls {
                if !may_call(semantic, callee, callee_scope, site) {
                    continue;
                }
                // The statement around the call, in the scope whose code
                // runs it (a lambda's body runs later, elsewhere).
                let scope = semantic.statement_scope(site.scope);
                // A lambda's body runs wherever the lambda is called, which
                // is not followed: its callers may match the errors by type.
                if semantic.scope(scope).kind == ScopeKind::Lambda {
                    return Some(
                        "a lambda of the module calls this function, and whoever calls the lambda may catch its errors by type, which would no longer match the ExceptionGroup a TaskGroup raises",
                    );
                }
                // Where the coroutine's errors come out: in the statement
                // that makes it (its handlers are looked at below), or in
                // the callers of the function that returns it (followed);
                // a coroutine kept, or made a task, is awaited where this
                // does not follow it.
                if semantic.coroutine_outcome_site(site.call, site.scope) == OutcomeSite::Elsewhere
                {
                    return Some(
                        "a call of a function on the way from this one to its callers makes a coroutine that is kept or made a task (`t = asyncio.create_task(work())`) and awaited elsewhere, where a handler may catch its errors by type, which would no longer match the ExceptionGroup a TaskGroup raises",
                    );
                }
                let caller = semantic
                    .innermost_stmt(scope, site.call.start())
                    .and_then(|stmt| semantic.suite_of(stmt));
                if let Some((caller, _)) = caller
                    && enclosing_handlers_obstacle(ctx, caller).is_some()
                {
                    return Some(if depth == 0 {
                        "a caller of this function in the module catches its errors by type or reads them, which would no longer match, or now see, the ExceptionGroup a TaskGroup raises"
                    } else {
                        "a function of the module that calls this one, through other calls, catches its errors by type or reads them, which would no longer match, or now see, the ExceptionGroup a TaskGroup raises"
                    });
                }
                // The errors go on to the callers of the function that
                // holds the call (a wider net refuses more: the safe side).
                if let Some(function) = semantic.scope(scope).function()
                    && seen.insert(std::ptr::from_ref(function))
                {
                    next.push((function, scope));
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    None
}

/// Whether the module reads `def` (whose body is `def_scope`) other than
/// to call it: its name passed on, stored or bound to another name
/// (`retry(work)`, `jobs = {"w": work}`, `functools.partial(work)`), or
/// handed to a decorator that may wrap it (`@retry`), or, for a method, an
/// attribute of its name read other than to call it (`self.work` passed
/// on, `getattr(c, name)`), whichever object that is, or a method the
/// language calls by itself (`__call__`, `__aenter__`). Whoever calls it
/// then is not seen.
fn used_as_value(semantic: &SemanticModel, def: &StmtFunctionDef, def_scope: ScopeId) -> bool {
    let name = def.name.as_str();
    // A decorator that may wrap it is handed the function (`@retry`: the
    // wrapper calls it, and may catch its errors by type).
    if !semantic.keeps_coroutine_function(def) {
        return true;
    }
    if semantic.is_method(def_scope) {
        // The language calls `__call__`, `__aenter__`, `__anext__`, ... on
        // its own (`await fetcher(urls)`, `async with Warmup()`): no call
        // names them.
        let dunder = name.len() > 4 && name.starts_with("__") && name.ends_with("__");
        return dunder || semantic.reads_attribute_as_value(name);
    }
    semantic.references_named(name).any(|reference| {
        !reference.is_del
            && matches!(semantic.lookup(name, reference.scope), Lookup::Bound { bindings, .. }
                if bindings.iter().any(|&id| matches!(semantic.binding(id).kind, BindingKind::FunctionDef(d) if std::ptr::eq(d, def))))
            && semantic
                .calls
                .iter()
                .all(|site| site.call.func.range() != reference.range)
    })
}

/// Whether `site` may call `def` (whose body is `def_scope`). Every call
/// that may reach it counts (this refuses, so a wider net is the safe
/// side): its name bound to it, or, for a method, the method's name
/// called on anything (`self._execute()`, `pipeline._execute()`,
/// `self.nodes_manager.aclose()`, `super().close()`), whichever class
/// that turns out to be.
fn may_call(
    semantic: &SemanticModel,
    def: &StmtFunctionDef,
    def_scope: ScopeId,
    site: &crate::semantic::CallSite,
) -> bool {
    let name = def.name.as_str();
    match site.call.func.as_ref() {
        Expr::Name(callee) => {
            callee.id.as_str() == name
                && matches!(semantic.lookup(name, site.scope), Lookup::Bound { bindings, .. }
                    if bindings.iter().any(|&id| matches!(semantic.binding(id).kind, BindingKind::FunctionDef(d) if std::ptr::eq(d, def))))
        }
        Expr::Attribute(callee) => callee.attr.as_str() == name && semantic.is_method(def_scope),
        _ => false,
    }
}

/// What is wrong with the uses of the tasks (or the task list), if
/// anything. Fine: the creation, the wait, and reads after the wait that
/// keep the object in this function (`t.result()`, `tasks[0]`, `for t in
/// tasks`, `len(tasks)`, `await t`, a condition) on the path where the wait
/// succeeded. There every task is done with a result under `gather` and
/// under a TaskGroup alike.
fn task_uses_obstacle(ctx: &Context, suite: &Suite, fan_out: &FanOut) -> Option<&'static str> {
    let semantic = ctx.semantic;
    let owner = suite.scope;
    let def = semantic.scope(owner).function()?;
    let reads = SafeReads::of(semantic, def);
    let after = fan_out.wait.end();
    let failure = semantic.after_exception(fan_out.wait.statements.first()?.stmt);
    let mut checks: Vec<(&str, Vec<TextRange>)> = Vec::new();
    match (&fan_out.tasks, &fan_out.wait.collect) {
        (
            Tasks::List {
                name: Some(name),
                creation,
                ..
            },
            Collect::List {
                name: reference, ..
            },
        ) => {
            let mut allowed = vec![reference.range];
            if let Creation::Loop { append, .. } = creation
                && let Expr::Attribute(method) = append.func.as_ref()
            {
                allowed.push(method.value.range());
            }
            checks.push((name, allowed));
        }
        (Tasks::Named(tasks), Collect::Gather { names, .. } | Collect::Awaits { names }) => {
            for (task, reference) in tasks.iter().zip(names) {
                checks.push((task.name, vec![reference.range]));
            }
        }
        // Made inside the wait, the tasks have no name to use elsewhere.
        (Tasks::List { name: None, .. }, Collect::Inline { .. }) => {}
        _ => return Some("internal error: mismatched fan-out"),
    }
    for (name, allowed) in &checks {
        for use_ in semantic.uses_of(name, owner) {
            let start = use_.range.start();
            match use_.kind {
                UseKind::Write => continue, // the one binding: checked when found
                UseKind::Delete | UseKind::Declaration => {
                    return Some(
                        "the tasks are deleted or declared elsewhere, so they do not belong to this block alone",
                    );
                }
                UseKind::Read if allowed.contains(&use_.range) => continue,
                UseKind::Read => {}
            }
            if start < after {
                return Some(
                    "the tasks are used before the wait, so they do not belong to this block alone",
                );
            }
            if semantic.frame_of(use_.scope) != owner || !reads.keeps.contains(&start) {
                return Some(
                    "the tasks are passed on, stored or read by code that may run later, so they do not belong to this block alone",
                );
            }
            if failure.covers(use_.range) && !reads.cancels.contains(&start) {
                return Some(
                    "the tasks are read where the wait may have failed: there `gather` left the other tasks running, a TaskGroup has cancelled them",
                );
            }
        }
    }
    if let Collect::List { is_wait: true, .. } | Collect::Inline { is_wait: true, .. } =
        fan_out.wait.collect
        && inspects_failures_after(semantic, def, after)
    {
        return Some(
            "the code after `asyncio.wait` inspects how the tasks ended (`exception()`, `cancelled()`); a TaskGroup would raise their errors at the end of its block instead",
        );
    }
    None
}

/// Whether code of the function after `after` (also in a generator
/// expression or a nested function) asks a task how it ended:
/// `x.exception()` or `x.cancelled()` (the task may be reached through
/// any name: an element of the list, a loop variable).
fn inspects_failures_after(
    semantic: &SemanticModel,
    def: &StmtFunctionDef,
    after: TextSize,
) -> bool {
    semantic.calls.iter().any(|site| {
        let call = site.call;
        call.start() >= after
            && def.range().contains_range(call.range())
            && call.arguments.is_empty()
            && matches!(call.func.as_ref(), Expr::Attribute(a) if matches!(a.attr.as_str(), "exception" | "cancelled"))
    })
}

/// For `r1 = await t1`, `r2 = await t2`: whether a result stored before the
/// last wait is visible to code other than this function's own frame (an
/// attribute, a subscript, a global, a variable a nested function reads),
/// which the tasks still running may read. After the rewrite it is stored
/// only after all of them finished.
fn early_results_are_seen(semantic: &SemanticModel, owner: ScopeId, wait: &Wait) -> bool {
    let Collect::Awaits { .. } = wait.collect else {
        return false;
    };
    let Some((_, early)) = wait.statements.split_last() else {
        return false;
    };
    early.iter().any(|statement| match statement.outcome {
        Outcome::Discarded => false,
        Outcome::Returned => true,
        Outcome::Assigned(Expr::Name(name)) => {
            let name = name.id.as_str();
            semantic.owner_scope(name, owner) != Some(owner)
                || semantic
                    .uses_of(name, owner)
                    .iter()
                    .any(|u| semantic.frame_of(u.scope) != owner)
        }
        Outcome::Assigned(_) => true,
    })
}

/// Starts of the names read in positions that keep their object here
/// (`keeps`): `x.attr`, `x[i]`, `for _ in x` (also through `zip`,
/// `enumerate`, `reversed` or `sorted`), comprehension iterables,
/// conditions and comparisons, `len(x)`, `await x`. Anything else (an
/// argument, a returned or stored value, an element of a container) lets
/// the object escape. `cancels`: the names in `x.cancel()`.
struct SafeReads<'m, 'a> {
    semantic: &'m SemanticModel<'a>,
    keeps: FxHashSet<TextSize>,
    cancels: FxHashSet<TextSize>,
}

impl<'m, 'a> SafeReads<'m, 'a> {
    fn of(semantic: &'m SemanticModel<'a>, def: &'a StmtFunctionDef) -> Self {
        let mut reads = SafeReads {
            semantic,
            keeps: FxHashSet::default(),
            cancels: FxHashSet::default(),
        };
        reads.visit_body(&def.body);
        reads
    }

    fn mark(&mut self, expr: &Expr) {
        if let Expr::Name(name) = expr {
            self.keeps.insert(name.start());
        }
    }

    /// `x`, or the arguments of `zip(x, y)`, `enumerate(x)`, …: what a
    /// loop over `expr` iterates without keeping.
    fn mark_iterable(&mut self, expr: &Expr) {
        self.mark(expr);
        if let Expr::Call(call) = expr
            && call.arguments.keywords.is_empty()
            && self.is_builtin_call(call, &["zip", "enumerate", "reversed", "sorted"])
        {
            for argument in &call.arguments.args {
                self.mark(argument);
            }
        }
    }

    fn is_builtin_call(&self, call: &ast::ExprCall, names: &[&str]) -> bool {
        let Expr::Name(func) = call.func.as_ref() else {
            return false;
        };
        let scope = self.semantic.scope_at(call.start());
        names.contains(&func.id.as_str()) && self.semantic.is_builtin(func.id.as_str(), scope)
    }
}

impl<'a> Visitor<'a> for SafeReads<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::For(loop_) => self.mark_iterable(&loop_.iter),
            Stmt::While(loop_) => self.mark(&loop_.test),
            Stmt::If(branch) => {
                self.mark(&branch.test);
                for clause in &branch.elif_else_clauses {
                    if let Some(test) = &clause.test {
                        self.mark(test);
                    }
                }
            }
            Stmt::Expr(statement) => {
                if let Expr::Call(call) = statement.value.as_ref()
                    && let Expr::Attribute(method) = call.func.as_ref()
                    && method.attr.as_str() == "cancel"
                    && call.arguments.is_empty()
                    && let Expr::Name(name) = method.value.as_ref()
                {
                    self.cancels.insert(name.start());
                }
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Attribute(attribute) => self.mark(&attribute.value),
            Expr::Subscript(subscript) => self.mark(&subscript.value),
            Expr::Compare(compare) => {
                self.mark(&compare.left);
                for comparator in &compare.comparators {
                    self.mark(comparator);
                }
            }
            Expr::BoolOp(op) => {
                for value in &op.values {
                    self.mark(value);
                }
            }
            Expr::UnaryOp(op) => self.mark(&op.operand),
            Expr::Await(await_) => self.mark(&await_.value),
            Expr::Call(call) => {
                if let [argument] = &*call.arguments.args
                    && call.arguments.keywords.is_empty()
                    && self.is_builtin_call(call, &["len"])
                {
                    self.mark(argument);
                }
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_comprehension(&mut self, comprehension: &'a ast::Comprehension) {
        self.mark_iterable(&comprehension.iter);
        visitor::walk_comprehension(self, comprehension);
    }
}

/// Whether a statement yields or leaves the block (`return`, or
/// `break`/`continue` of a loop around it). Nested functions and lambdas
/// run later and do not count. An `await` is fine: in the block, a failing
/// task cancels it, which Fix safety says.
fn yields_or_leaves(stmt: &Stmt) -> bool {
    #[derive(Default)]
    struct Finder {
        found: bool,
        loops: u32,
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Return(_) => self.found = true,
                Stmt::Break(_) | Stmt::Continue(_) => self.found |= self.loops == 0,
                Stmt::For(loop_) => {
                    self.visit_expr(&loop_.iter);
                    self.visit_expr(&loop_.target);
                    self.loops += 1;
                    self.visit_body(&loop_.body);
                    self.loops -= 1;
                    self.visit_body(&loop_.orelse);
                }
                Stmt::While(loop_) => {
                    self.visit_expr(&loop_.test);
                    self.loops += 1;
                    self.visit_body(&loop_.body);
                    self.loops -= 1;
                    self.visit_body(&loop_.orelse);
                }
                _ => visitor::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Yield(_) | Expr::YieldFrom(_) => self.found = true,
                Expr::Lambda(_) => {}
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let mut finder = Finder::default();
    finder.visit_stmt(stmt);
    finder.found
}

/// Whether evaluating `expr` may suspend: an `await` or an `async for`
/// comprehension in it (not in a lambda, which runs later).
fn contains_await(expr: &Expr) -> bool {
    #[derive(Default)]
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Await(_) => self.0 = true,
                Expr::Lambda(_) => {}
                _ => visitor::walk_expr(self, expr),
            }
        }
        fn visit_comprehension(&mut self, comprehension: &'a ast::Comprehension) {
            self.0 |= comprehension.is_async;
            visitor::walk_comprehension(self, comprehension);
        }
    }
    let mut finder = Finder::default();
    finder.visit_expr(expr);
    finder.0
}

/// A `try` around the block whose handlers catch specific exception types,
/// or look at the caught exception's type or attributes (they would no
/// longer match, or now see, the `ExceptionGroup` a TaskGroup raises), or
/// a context manager around it that matches exceptions by type
/// (`contextlib.suppress`, `pytest.raises`, `self.assertRaises`), for the
/// same reason.
fn enclosing_handlers_obstacle(ctx: &Context, suite: &Suite) -> Option<&'static str> {
    let semantic = ctx.semantic;
    let scope = suite.scope;
    for (parent, part) in semantic.enclosing_blocks(suite.body.first()?) {
        match parent {
            Stmt::Try(try_) if part == BlockPart::Body => {
                if try_.is_star {
                    return Some("the wait sits in a `try` with `except*` handlers");
                }
                for handler in &try_.handlers {
                    let ExceptHandler::ExceptHandler(handler) = handler;
                    let specific = handler
                        .type_
                        .as_deref()
                        .is_some_and(|type_| !catches_everything(semantic, type_, scope));
                    if specific {
                        return Some(
                            "the wait sits in a `try` that catches specific exception types, which would no longer match the ExceptionGroup a TaskGroup raises",
                        );
                    }
                    let caught = semantic.caught_use(handler, scope);
                    if caught.tests_type || caught.reads_attributes || caught.reads_type {
                        return Some(
                            "a handler around the wait looks at the exception's type or attributes, and would now get the ExceptionGroup a TaskGroup raises",
                        );
                    }
                    if caught.reads_value {
                        return Some(
                            "a handler around the wait reads the caught exception (its message: `str(e)`, `print(e)`, a log of it), and would now get the ExceptionGroup a TaskGroup raises",
                        );
                    }
                }
            }
            Stmt::With(with) => {
                let matches_types = with.items.iter().any(|item| {
                    item.context_expr
                        .as_call_expr()
                        .is_some_and(|call| matches_exception_types(semantic, &call.func, scope))
                });
                if matches_types {
                    return Some(
                        "the wait sits in a context manager that matches exceptions by type (`suppress`, `raises`, `assertRaises`), which would no longer match the ExceptionGroup a TaskGroup raises",
                    );
                }
            }
            _ => {}
        }
    }
    None
}

/// Context managers that catch exceptions by their type: `contextlib.suppress`,
/// `pytest.raises`, and unittest's `self.assertRaises` / `assertRaisesRegex`.
fn matches_exception_types(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> bool {
    if semantic.refers_to(func, scope, "contextlib.suppress")
        || semantic.refers_to(func, scope, "pytest.raises")
    {
        return true;
    }
    matches!(func, Expr::Attribute(method)
        if matches!(method.attr.as_str(), "assertRaises" | "assertRaisesRegex")
            && matches!(method.value.as_ref(), Expr::Name(receiver) if receiver.id.as_str() == "self"))
}

/// `Exception`, `BaseException`, or a tuple of them.
fn catches_everything(semantic: &SemanticModel, type_: &Expr, scope: ScopeId) -> bool {
    match type_ {
        Expr::Tuple(tuple) => tuple
            .elts
            .iter()
            .any(|t| catches_everything(semantic, t, scope)),
        _ => {
            semantic.refers_to(type_, scope, "builtins.Exception")
                || semantic.refers_to(type_, scope, "builtins.BaseException")
        }
    }
}

fn report(ctx: &Context, out: &mut Findings, suite: &Suite, fan_out: &FanOut) {
    let wait = &fan_out.wait;
    let range = match &wait.collect {
        Collect::List { call, .. }
        | Collect::Inline { call, .. }
        | Collect::Gather { call, .. } => call.range(),
        Collect::Awaits { .. } => match wait.statements.first() {
            Some(statement) => statement.awaited.range(),
            None => return,
        },
    };
    let finding = out.report(
        &TASKGROUP,
        range,
        "tasks created by hand and collected with a wait: use an `asyncio.TaskGroup`",
    );
    if let Some(reason) = obstacle(ctx, suite, fan_out) {
        finding.note(reason);
        return;
    }
    finding.fix_with(Applicability::Unsafe, |fix| {
        build_fix(ctx, fix, suite, fan_out)
    });
}

fn build_fix(
    ctx: &Context,
    fix: &mut FixBuilder,
    suite: &Suite,
    fan_out: &FanOut,
) -> anyhow::Result<()> {
    let semantic = ctx.semantic;
    let owner = suite.scope;
    let wait = &fan_out.wait;

    let task_group = fix.ensure_import("asyncio", "TaskGroup")?;
    let tg = semantic
        .fresh_name(&["tg"], owner)
        .ok_or_else(|| anyhow::anyhow!("no free name for the task group"))?;
    fix.title(format!("Run the tasks in an `{task_group}`"));
    let create_task = format!("{tg}.create_task");
    let header = format!("async with {task_group}() as {tg}:");

    let mut deleted: Vec<&Stmt> = Vec::new();
    let calls = fan_out.creation_calls();
    for call in &calls {
        fix.remove_import_if_unused(&call.func);
    }
    if let Collect::List { call, .. }
    | Collect::Inline { call, .. }
    | Collect::Gather { call, .. } = &wait.collect
    {
        fix.remove_import_if_unused(&call.func);
    }
    // `loop = asyncio.get_running_loop()` that only these calls read.
    if let Some((stmt, getter)) = unused_loop_variable(ctx, suite, fan_out.first(), &calls) {
        deleted.push(stmt);
        fix.remove_import_if_unused(&getter.func);
    }

    if let Tasks::List {
        creation: Creation::Inline { maker },
        ..
    } = &fan_out.tasks
    {
        build_inline_fix(ctx, fix, owner, wait, maker, &header, &create_task)?;
        let comments = Comments::Keep(ctx.tokens);
        for edit in delete_statements(ctx.source, ctx.semantic, &deleted, comments)? {
            fix.edit(edit);
        }
        return Ok(());
    }

    let region = suite
        .body
        .get(fan_out.first()..wait.index)
        .ok_or_else(|| anyhow::anyhow!("internal error: no statements before the wait"))?;
    let (Some(first), Some(last)) = (region.first(), region.last()) else {
        anyhow::bail!("internal error: no statements before the wait");
    };
    let style = LineStyle::at(ctx, first.start());
    let mut inner: Vec<Edit> = Vec::new();
    let mut after: Vec<Edit> = Vec::new();

    match (&fan_out.tasks, &wait.collect) {
        (
            Tasks::List {
                name: Some(name),
                creation,
                ..
            },
            Collect::List { .. },
        ) => {
            let statement = wait
                .statements
                .first()
                .ok_or_else(|| anyhow::anyhow!("internal error: no wait"))?;
            let item = semantic
                .fresh_name(&["t"], owner)
                .unwrap_or_else(|| "t".to_string());
            let results = format!("[{item}.result() for {item} in {name}]");
            let results_needed = match statement.outcome {
                Outcome::Discarded => false,
                Outcome::Assigned(target) => target_needed(semantic, target, owner),
                Outcome::Returned => true,
            };
            if results_needed {
                after.push(Edit::replacement(statement.awaited.range(), results));
            } else {
                deleted.push(statement.stmt);
            }
            let list_needed = results_needed || read_after(semantic, name, owner, wait.end());
            match creation {
                Creation::Assigned { stmt, maker } => {
                    let as_statements = (!list_needed)
                        .then(|| maker_as_statements(ctx, maker, &create_task, &style))
                        .flatten();
                    match as_statements {
                        Some(text) => inner.push(Edit::replacement(stmt.range(), text)),
                        None => {
                            for call in maker.calls() {
                                inner.push(Edit::replacement(
                                    call.func.range(),
                                    create_task.clone(),
                                ));
                            }
                        }
                    }
                }
                Creation::Inline { .. } => anyhow::bail!("internal error: mismatched fan-out"),
                Creation::Loop {
                    init, append, call, ..
                } => {
                    if !list_needed
                        && unwrap_append(ctx, &mut inner, name, append, call, &create_task)
                    {
                        deleted.push(init);
                    } else {
                        inner.push(Edit::replacement(call.func.range(), create_task.clone()));
                    }
                }
            }
        }
        (Tasks::Named(tasks), collect) => {
            let mut task_needed = vec![false; tasks.len()];
            match collect {
                Collect::Gather { .. } => {
                    let statement = wait
                        .statements
                        .first()
                        .ok_or_else(|| anyhow::anyhow!("internal error: no wait"))?;
                    let results: Vec<String> = tasks
                        .iter()
                        .map(|t| format!("{}.result()", t.name))
                        .collect();
                    let text = match statement.outcome {
                        Outcome::Discarded => None,
                        Outcome::Assigned(target) => {
                            let unpacked = match target {
                                Expr::Tuple(ast::ExprTuple { elts, .. })
                                | Expr::List(ast::ExprList { elts, .. }) => {
                                    elts.len() == tasks.len()
                                        && !elts.iter().any(Expr::is_starred_expr)
                                }
                                _ => false,
                            };
                            if unpacked {
                                Some(results.join(", "))
                            } else {
                                target_needed(semantic, target, owner)
                                    .then(|| format!("[{}]", results.join(", ")))
                            }
                        }
                        Outcome::Returned => Some(format!("[{}]", results.join(", "))),
                    };
                    match text {
                        Some(text) => {
                            after.push(Edit::replacement(statement.awaited.range(), text));
                            task_needed.fill(true);
                        }
                        None => deleted.push(statement.stmt),
                    }
                }
                Collect::Awaits { .. } => {
                    for (i, statement) in wait.statements.iter().enumerate() {
                        let task = tasks
                            .get(i)
                            .ok_or_else(|| anyhow::anyhow!("internal error: task count"))?;
                        let needed = match statement.outcome {
                            Outcome::Discarded => false,
                            Outcome::Assigned(target) => target_needed(semantic, target, owner),
                            Outcome::Returned => true,
                        };
                        if needed {
                            after.push(Edit::replacement(
                                statement.awaited.range(),
                                format!("{}.result()", task.name),
                            ));
                            task_needed[i] = true;
                        } else {
                            deleted.push(statement.stmt);
                        }
                    }
                }
                Collect::List { .. } | Collect::Inline { .. } => {
                    anyhow::bail!("internal error: mismatched fan-out")
                }
            }
            for (task, needed) in tasks.iter().zip(task_needed) {
                let keep = needed || read_after(semantic, task.name, owner, wait.end());
                let start = if keep {
                    task.call.func.start()
                } else {
                    task.stmt.start()
                };
                inner.push(Edit::replacement(
                    TextRange::new(start, task.call.func.end()),
                    create_task.clone(),
                ));
            }
        }
        _ => anyhow::bail!("internal error: mismatched fan-out"),
    }

    for edit in wrap_statements(ctx, first, last, &header, inner)? {
        fix.edit(edit);
    }
    for edit in after {
        fix.edit(edit);
    }
    let comments = Comments::Keep(ctx.tokens);
    for edit in delete_statements(ctx.source, ctx.semantic, &deleted, comments)? {
        fix.edit(edit);
    }
    Ok(())
}

/// The fix for tasks made inside the wait (`R = await
/// asyncio.gather(*[asyncio.create_task(F) for …])`): the wait statement
/// becomes the block, creating the tasks (`tasks = [tg.create_task(F) for
/// …]`, or a loop when nothing needs the results), and `R = [t.result()
/// for t in tasks]` follows it.
fn build_inline_fix(
    ctx: &Context,
    fix: &mut FixBuilder,
    owner: ScopeId,
    wait: &Wait,
    maker: &Maker,
    header: &str,
    create_task: &str,
) -> anyhow::Result<()> {
    let semantic = ctx.semantic;
    let source = ctx.source;
    let statement = wait
        .statements
        .first()
        .ok_or_else(|| anyhow::anyhow!("internal error: no wait"))?;
    let stmt = statement.stmt;
    let style = LineStyle::at(ctx, stmt.start());
    let results_needed = match statement.outcome {
        Outcome::Discarded => false,
        Outcome::Assigned(target) => target_needed(semantic, target, owner),
        Outcome::Returned => true,
    };
    let mut inner: Vec<Edit> = Vec::new();
    let mut results_statement = None;
    match (!results_needed)
        .then(|| maker_as_statements(ctx, maker, create_task, &style))
        .flatten()
    {
        Some(text) => inner.push(Edit::replacement(stmt.range(), text)),
        None => {
            let tasks = semantic
                .fresh_name(&["tasks"], owner)
                .ok_or_else(|| anyhow::anyhow!("no free name for the task list"))?;
            let expr = maker.expr();
            // What goes around the maker: `R = await asyncio.gather(*` and
            // `)`. A generator becomes a list (`*` made one of it anyway).
            let (inside, brackets) = match expr {
                Expr::Generator(generator) if generator.parenthesized => (
                    TextRange::new(
                        expr.start() + TextSize::of('('),
                        expr.end() - TextSize::of(')'),
                    ),
                    ("[", "]"),
                ),
                Expr::Generator(_) => (expr.range(), ("[", "]")),
                _ => (expr.range(), ("", "")),
            };
            let open = TextRange::new(stmt.start(), inside.start());
            let close = TextRange::new(inside.end(), stmt.end());
            if contains_comment(ctx.tokens, open) || contains_comment(ctx.tokens, close) {
                anyhow::bail!("a comment in the wait around the tasks would be lost");
            }
            // The maker now starts on the statement's line, in the block: its
            // other lines keep their place relative to its first.
            let from = indentation_at(source, expr.start());
            let to = format!("{}{}", style.indent, style.unit);
            let mut text = format!("{tasks} = {}", brackets.0);
            let mut at = inside.start();
            for call in maker.calls() {
                // Up to the callee's end, so that a line holding it is no
                // blank line to `reindent`; then the callee is replaced.
                let piece = TextRange::new(at, call.func.end());
                let moved = reindented_text(ctx, piece, from, &to);
                let kept = moved
                    .strip_suffix(&source[call.func.range()])
                    .ok_or_else(|| anyhow::anyhow!("internal error: the callee moved"))?;
                text.push_str(kept);
                text.push_str(create_task);
                at = call.func.end();
            }
            // Up to the maker's end, so that a line holding only the
            // generator's `)` is no blank line; the `)` becomes the `]`.
            let piece = TextRange::new(at, expr.end());
            let moved = reindented_text(ctx, piece, from, &to);
            let closing = &source[TextRange::new(inside.end(), expr.end())];
            let kept = moved
                .strip_suffix(closing)
                .ok_or_else(|| anyhow::anyhow!("internal error: the maker's end moved"))?;
            text.push_str(kept);
            text.push_str(brackets.1);
            inner.push(Edit::replacement(stmt.range(), text));
            if results_needed {
                let item = semantic
                    .fresh_name(&["t"], owner)
                    .unwrap_or_else(|| "t".to_string());
                let before = TextRange::new(stmt.start(), statement.awaited.start());
                let after = TextRange::new(statement.awaited.end(), stmt.end());
                let (before, after) = (&source[before], &source[after]);
                if format!("{before}{after}").contains(['\n', '\r', '#']) {
                    anyhow::bail!("the wait statement spans lines around the awaited call");
                }
                results_statement = Some(format!(
                    "{before}[{item}.result() for {item} in {tasks}]{after}"
                ));
            }
        }
    }
    for edit in wrap_statements(ctx, stmt, stmt, header, inner)? {
        fix.edit(edit);
    }
    if let Some(text) = results_statement {
        let end = full_line_end(source, stmt.end());
        let content = if source[..end.to_usize()].ends_with(['\n', '\r']) {
            format!("{}{text}{}", style.indent, style.eol)
        } else {
            format!("{}{}{text}", style.eol, style.indent)
        };
        fix.insert(end, content);
    }
    Ok(())
}

/// The maker as the statements a person would write in the block when
/// the list is not needed: a loop for a comprehension, one
/// `tg.create_task(…)` a line for a list of calls.
fn maker_as_statements(
    ctx: &Context,
    maker: &Maker,
    create_task: &str,
    style: &LineStyle,
) -> Option<String> {
    match maker {
        Maker::Comprehension {
            expr,
            generators,
            call,
        } => comprehension_as_loop(ctx, expr, generators, call, create_task, style),
        Maker::Literal { expr, calls } => {
            literal_as_statements(ctx, expr, calls, create_task, style)
        }
    }
}

/// `loop = asyncio.get_running_loop()` (its only binding, a statement of
/// the block before the first one the group wraps) when every read of
/// `loop` is the receiver of one of `calls`: the rewrite leaves it unused,
/// so it goes, with the getter it calls.
fn unused_loop_variable<'a>(
    ctx: &Context<'a>,
    suite: &Suite,
    first: usize,
    calls: &[&ast::ExprCall],
) -> Option<(&'a Stmt, &'a ast::ExprCall)> {
    let semantic = ctx.semantic;
    let receivers: Vec<&ast::ExprName> = calls
        .iter()
        .map(|call| call.func.as_attribute_expr()?.value.as_name_expr())
        .collect::<Option<_>>()?;
    let name = receivers.first()?.id.as_str();
    if receivers.iter().any(|r| r.id.as_str() != name) {
        return None;
    }
    let Lookup::Bound {
        scope,
        bindings: [binding],
    } = semantic.lookup(name, suite.scope)
    else {
        return None;
    };
    if scope != suite.scope {
        return None;
    }
    let (stmt, getter) = semantic.loop_getter_assignment(semantic.binding(*binding))?;
    let (owner_suite, index) = semantic.suite_of(stmt)?;
    let only_these = semantic.uses_of(name, scope).iter().all(|u| match u.kind {
        UseKind::Write => true,
        UseKind::Read => receivers.iter().any(|r| r.range == u.range),
        UseKind::Delete | UseKind::Declaration => false,
    });
    (std::ptr::eq(owner_suite.body, suite.body)
        && index < first
        && only_these
        && is_alone_on_lines(ctx.source, stmt.range()))
    .then_some((stmt, getter))
}

/// Whether the value stored in `target` may be seen: anything but a plain
/// local of the function that nothing reads, deletes or declares (a
/// `global` or `nonlocal` target is read elsewhere, through `globals()` or
/// after the function returns).
fn target_needed(semantic: &SemanticModel, target: &Expr, owner: ScopeId) -> bool {
    match target {
        Expr::Name(name) => !semantic.store_is_unobserved(name.id.as_str(), owner),
        _ => true,
    }
}

/// Whether `name` is read after `offset`.
fn read_after(semantic: &SemanticModel, name: &str, owner: ScopeId, offset: TextSize) -> bool {
    semantic
        .uses_of(name, owner)
        .iter()
        .any(|u| u.kind == UseKind::Read && u.range.start() >= offset)
}

/// `tasks.append(asyncio.create_task(F))` → `tg.create_task(F)`, when the
/// call is written plainly (no comment inside the `append(…)` around it).
fn unwrap_append(
    ctx: &Context,
    inner: &mut Vec<Edit>,
    name: &str,
    append: &ast::ExprCall,
    call: &ast::ExprCall,
    create_task: &str,
) -> bool {
    let source = ctx.source;
    let head: String = source[TextRange::new(append.start(), call.start())]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let tail: String = source[TextRange::new(call.end(), append.end())]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if head != format!("{name}.append(") || !(tail == ")" || tail == ",)") {
        return false;
    }
    inner.push(Edit::replacement(
        TextRange::new(append.start(), call.func.end()),
        create_task.to_string(),
    ));
    inner.push(Edit::deletion(TextRange::new(call.end(), append.end())));
    true
}

/// `tasks = [asyncio.create_task(F) for x in xs if c]` as the loop a person
/// would write when the list is not needed:
/// `for x in xs:` / `if c:` / `tg.create_task(F)`. `None` when that is not
/// clean: a comment or a line break inside, or a loop variable that is not
/// free in the function (a `for` loop binds it there, a comprehension does
/// not: used elsewhere, declared `global` or `nonlocal`).
fn comprehension_as_loop(
    ctx: &Context,
    comprehension: &Expr,
    generators: &[ast::Comprehension],
    call: &ast::ExprCall,
    create_task: &str,
    style: &LineStyle,
) -> Option<String> {
    let source = ctx.source;
    let semantic = ctx.semantic;
    let inside = tokens_overlapping(ctx.tokens, comprehension.range());
    if inside.iter().any(|t| t.kind() == TokenKind::Comment) {
        return None;
    }
    // The loop binds its variables in the function, where the
    // comprehension kept them to itself.
    let own_scope = semantic.scope_at(call.start());
    let owner = semantic.frame_of(semantic.scope_at(comprehension.start()));
    for generator in generators {
        for name in bound_names(&generator.target) {
            if !semantic.is_free_name(name, owner, Some(own_scope)) {
                return None;
            }
        }
    }
    let one_line = |text: &str| (!text.contains(['\n', '\r'])).then(|| text.to_string());
    let piece = |expr: &Expr, parent: AnyNodeRef| {
        let range =
            parenthesized_range(ExprRef::from(expr), parent, ctx.tokens).unwrap_or(expr.range());
        one_line(&source[range])
    };
    let element = one_line(&format!(
        "{}{create_task}{}",
        &source[TextRange::new(call.start(), call.func.start())],
        &source[TextRange::new(call.func.end(), call.end())]
    ))?;

    let mut lines: Vec<String> = Vec::new();
    for generator in generators {
        let parent = AnyNodeRef::from(generator);
        lines.push(format!(
            "{}for {} in {}:",
            if generator.is_async { "async " } else { "" },
            piece(&generator.target, parent)?,
            piece(&generator.iter, parent)?
        ));
        for condition in &generator.ifs {
            lines.push(format!("if {}:", piece(condition, parent)?));
        }
    }
    lines.push(element);
    let mut out = String::new();
    for (depth, line) in lines.iter().enumerate() {
        if depth > 0 {
            out.push_str(style.eol);
            out.push_str(style.indent);
            out.push_str(&style.unit.repeat(depth + 1));
        }
        out.push_str(line);
    }
    Some(out)
}

/// `[create_task(a()), create_task(b())]` as the statements a person
/// would write when the list is not needed: `tg.create_task(a())`, one a
/// line. `None` when that is not clean: a comment in the list, or an
/// element spanning lines.
fn literal_as_statements(
    ctx: &Context,
    list: &Expr,
    calls: &[&ast::ExprCall],
    create_task: &str,
    style: &LineStyle,
) -> Option<String> {
    let source = ctx.source;
    if contains_comment(ctx.tokens, list.range()) {
        return None;
    }
    let mut lines = Vec::new();
    for call in calls {
        let line = format!(
            "{create_task}{}",
            &source[TextRange::new(call.func.end(), call.end())]
        );
        if line.contains(['\n', '\r']) {
            return None;
        }
        lines.push(line);
    }
    // Inside the block: one unit deeper than the statement was.
    let separator = format!("{}{}{}", style.eol, style.indent, style.unit);
    Some(lines.join(&separator))
}

/// The names a `for` target binds.
fn bound_names(target: &Expr) -> Vec<&str> {
    match target {
        Expr::Name(name) => vec![name.id.as_str()],
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            elts.iter().flat_map(bound_names).collect()
        }
        Expr::Starred(starred) => bound_names(&starred.value),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::TASKGROUP as AM005;
    use crate::test_support::{check_finding, check_fix, check_no_fix, findings, reasons};

    const MESSAGE: &str =
        "tasks created by hand and collected with a wait: use an `asyncio.TaskGroup`";

    #[test]
    fn results_seen_outside_the_function_keep_their_value() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    global pages\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    pages = await asyncio.gather(*tasks)\n",
            "import asyncio\n\nasync def f(urls):\n    global pages\n    async with asyncio.TaskGroup() as tg:\n        tasks = [tg.create_task(get(u)) for u in urls]\n    pages = [t.result() for t in tasks]\n",
        );
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f():\n    t1 = asyncio.create_task(a())\n    t2 = asyncio.create_task(b())\n    await t1\n    r = await t2\n    del r\n",
            "import asyncio\n\nasync def f():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(a())\n        t2 = tg.create_task(b())\n    r = t2.result()\n    del r\n",
        );
    }

    #[test]
    fn comprehension_with_used_results() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    pages = await asyncio.gather(*tasks)\n    return pages\n",
            "import asyncio\n\nasync def f(urls):\n    async with asyncio.TaskGroup() as tg:\n        tasks = [tg.create_task(get(u)) for u in urls]\n    pages = [t.result() for t in tasks]\n    return pages\n",
        );
    }

    #[test]
    fn comprehension_with_unused_results_becomes_a_loop() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls if u]\n    await asyncio.gather(*tasks)\n",
            "import asyncio\n\nasync def f(urls):\n    async with asyncio.TaskGroup() as tg:\n        for u in urls:\n            if u:\n                tg.create_task(get(u))\n",
        );
    }

    #[test]
    fn loop_form_drops_the_list() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = []\n    for u in urls:\n        tasks.append(asyncio.create_task(get(u)))\n    await asyncio.wait(tasks)\n    print('done')\n",
            "import asyncio\n\nasync def f(urls):\n    async with asyncio.TaskGroup() as tg:\n        for u in urls:\n            tg.create_task(get(u))\n    print('done')\n",
        );
    }

    #[test]
    fn return_await_gather() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = []\n    for u in urls:\n        tasks.append(asyncio.create_task(get(u)))\n    return await asyncio.gather(*tasks)\n",
            "import asyncio\n\nasync def f(urls):\n    tasks = []\n    async with asyncio.TaskGroup() as tg:\n        for u in urls:\n            tasks.append(tg.create_task(get(u)))\n    return [t.result() for t in tasks]\n",
        );
    }

    #[test]
    fn named_tasks_awaited_one_by_one() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f():\n    t1 = asyncio.create_task(a())\n    t2 = asyncio.create_task(b())\n    r1 = await t1\n    r2 = await t2\n    return r1 + r2\n",
            "import asyncio\n\nasync def f():\n    async with asyncio.TaskGroup() as tg:\n        t1 = tg.create_task(a())\n        t2 = tg.create_task(b())\n    r1 = t1.result()\n    r2 = t2.result()\n    return r1 + r2\n",
        );
    }

    #[test]
    fn named_tasks_gathered_into_a_tuple() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f():\n    t1 = asyncio.create_task(a())\n    t2 = asyncio.create_task(b())\n    x, y = await asyncio.gather(t1, t2)\n    return x, y\n",
            "import asyncio\n\nasync def f():\n    async with asyncio.TaskGroup() as tg:\n        t1 = tg.create_task(a())\n        t2 = tg.create_task(b())\n    x, y = t1.result(), t2.result()\n    return x, y\n",
        );
    }

    #[test]
    fn tg_and_t_are_renamed_when_taken() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(tg, t):\n    tasks = [asyncio.create_task(get(tg, t)) for _ in range(2)]\n    return await asyncio.gather(*tasks)\n",
            "import asyncio\n\nasync def f(tg, t):\n    async with asyncio.TaskGroup() as tg2:\n        tasks = [tg2.create_task(get(tg, t)) for _ in range(2)]\n    return [t2.result() for t2 in tasks]\n",
        );
    }

    #[test]
    fn return_exceptions_is_left_alone() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    return await asyncio.gather(*tasks, return_exceptions=True)\n",
        );
    }

    #[test]
    fn wait_with_return_when_or_timeout_is_left_alone() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)\n",
        );
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.wait(tasks, timeout=5)\n",
        );
    }

    #[test]
    fn done_pending_is_reported() {
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    done, pending = await asyncio.wait(tasks)\n    return done\n",
            MESSAGE,
        );
    }

    #[test]
    fn escaping_list_is_reported() {
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f(self, urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    self.pending = tasks\n    await asyncio.gather(*tasks)\n",
            MESSAGE,
        );
    }

    #[test]
    fn list_passed_on_after_the_wait_is_reported() {
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.gather(*tasks)\n    return tasks\n",
            MESSAGE,
        );
    }

    #[test]
    fn cancel_before_the_wait_is_reported() {
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f():\n    t1 = asyncio.create_task(a())\n    t2 = asyncio.create_task(b())\n    t2.cancel()\n    return await asyncio.gather(t1, t2)\n",
            MESSAGE,
        );
    }

    #[test]
    fn specific_except_is_reported() {
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    try:\n        tasks = [asyncio.create_task(get(u)) for u in urls]\n        await asyncio.gather(*tasks)\n    except ValueError:\n        pass\n",
            MESSAGE,
        );
    }

    #[test]
    fn awaits_between_creation_and_wait_move_into_the_block() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await log('started')\n    await asyncio.gather(*tasks)\n",
            "import asyncio\n\nasync def f(urls):\n    async with asyncio.TaskGroup() as tg:\n        for u in urls:\n            tg.create_task(get(u))\n        await log('started')\n",
        );
    }

    #[test]
    fn the_guides_named_tasks_with_work_between() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def main():\n    task1 = asyncio.create_task(say(1, 'hello'))\n    task2 = asyncio.create_task(say(2, 'world'))\n    print('started')\n    await asyncio.sleep(1)\n    await task1\n    await task2\n    print('finished')\n",
            "import asyncio\n\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(say(1, 'hello'))\n        tg.create_task(say(2, 'world'))\n        print('started')\n        await asyncio.sleep(1)\n    print('finished')\n",
        );
    }

    #[test]
    fn a_list_of_tasks() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f():\n    tasks = [asyncio.create_task(a()), asyncio.create_task(b())]\n    results = await asyncio.gather(*tasks)\n    return results\n",
            "import asyncio\n\nasync def f():\n    async with asyncio.TaskGroup() as tg:\n        tasks = [tg.create_task(a()), tg.create_task(b())]\n    results = [t.result() for t in tasks]\n    return results\n",
        );
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f():\n    tasks = [asyncio.create_task(a()), asyncio.create_task(b(1))]\n    await asyncio.wait(tasks)\n",
            "import asyncio\n\nasync def f():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(a())\n        tg.create_task(b(1))\n",
        );
    }

    #[test]
    fn tasks_made_inside_the_wait() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    pages = await asyncio.gather(*[asyncio.create_task(get(u)) for u in urls])  # all\n    return pages\n",
            "import asyncio\n\nasync def f(urls):\n    async with asyncio.TaskGroup() as tg:\n        tasks = [tg.create_task(get(u)) for u in urls]  # all\n    pages = [t.result() for t in tasks]\n    return pages\n",
        );
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls, tasks):\n    return await asyncio.gather(*(asyncio.create_task(get(u)) for u in urls if u))\n",
            "import asyncio\n\nasync def f(urls, tasks):\n    async with asyncio.TaskGroup() as tg:\n        tasks2 = [tg.create_task(get(u)) for u in urls if u]\n    return [t.result() for t in tasks2]\n",
        );
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    await asyncio.wait([asyncio.create_task(get(u)) for u in urls])\n    await asyncio.gather(*[asyncio.create_task(a()), asyncio.create_task(b())])\n",
            "import asyncio\n\nasync def f(urls):\n    async with asyncio.TaskGroup() as tg:\n        for u in urls:\n            tg.create_task(get(u))\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(a())\n        tg.create_task(b())\n",
        );
    }

    #[test]
    fn tasks_made_inside_the_last_statement_of_a_file() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    return await asyncio.gather(\n        *[asyncio.create_task(get(u)) for u in urls],\n    )",
            "import asyncio\n\nasync def f(urls):\n    async with asyncio.TaskGroup() as tg:\n        tasks = [tg.create_task(get(u)) for u in urls]\n    return [t.result() for t in tasks]",
        );
    }

    #[test]
    fn a_generator_over_lines_keeps_its_layout_as_a_list() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(nodes):\n    errors = await asyncio.gather(\n        *(\n            asyncio.create_task(node.run())\n            for node in nodes\n        )\n    )\n    return errors\n",
            "import asyncio\n\nasync def f(nodes):\n    async with asyncio.TaskGroup() as tg:\n        tasks = [\n            tg.create_task(node.run())\n            for node in nodes\n        ]\n    errors = [t.result() for t in tasks]\n    return errors\n",
        );
    }

    #[test]
    fn a_comment_around_tasks_made_inside_the_wait_keeps_the_finding_without_fix() {
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    return await asyncio.gather(  # all of them\n        *[asyncio.create_task(get(u)) for u in urls]\n    )\n",
            MESSAGE,
        );
    }

    #[test]
    fn create_task_of_the_running_loop() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    loop = asyncio.get_running_loop()  # the loop\n    tasks = [loop.create_task(get(u)) for u in urls]\n    return await asyncio.gather(*tasks)\n",
            "import asyncio\n\nasync def f(urls):\n    # the loop\n    async with asyncio.TaskGroup() as tg:\n        tasks = [tg.create_task(get(u)) for u in urls]\n    return [t.result() for t in tasks]\n",
        );
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    t1 = loop.create_task(a())\n    t2 = asyncio.get_running_loop().create_task(b())\n    x = await t1\n    y = await t2\n    return x, y, loop.time()\n",
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    async with asyncio.TaskGroup() as tg:\n        t1 = tg.create_task(a())\n        t2 = tg.create_task(b())\n    x = t1.result()\n    y = t2.result()\n    return x, y, loop.time()\n",
        );
    }

    #[test]
    fn create_task_of_a_loop_not_known_to_be_running_is_left_alone() {
        for (setup, receiver) in [
            ("", "loop"),
            ("", "self.loop"),
            ("    loop = asyncio.new_event_loop()\n", "loop"),
            (
                "    loop = asyncio.get_running_loop()\n    if c:\n        loop = c\n",
                "loop",
            ),
        ] {
            let source = format!(
                "import asyncio\n\nasync def f(self, loop, c, urls):\n{setup}    tasks = [{receiver}.create_task(get(u)) for u in urls]\n    await asyncio.gather(*tasks)\n"
            );
            check_no_fix(&AM005, &source);
        }
    }

    #[test]
    fn async_comprehensions_and_loops() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(stream):\n    tasks = [asyncio.create_task(get(u)) async for u in stream]\n    await asyncio.gather(*tasks)\n",
            "import asyncio\n\nasync def f(stream):\n    async with asyncio.TaskGroup() as tg:\n        async for u in stream:\n            tg.create_task(get(u))\n",
        );
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(stream):\n    tasks = []\n    async for u in stream:\n        tasks.append(asyncio.create_task(get(u)))\n    return await asyncio.gather(*tasks)\n",
            "import asyncio\n\nasync def f(stream):\n    tasks = []\n    async with asyncio.TaskGroup() as tg:\n        async for u in stream:\n            tasks.append(tg.create_task(get(u)))\n    return [t.result() for t in tasks]\n",
        );
    }

    #[test]
    fn a_generator_that_makes_tasks_late_or_suspends_is_left_alone() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = (asyncio.create_task(get(u)) for u in urls)\n    await asyncio.gather(*tasks)\n",
        );
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(stream):\n    await asyncio.gather(*(asyncio.create_task(get(u)) async for u in stream))\n",
        );
    }

    #[test]
    fn a_list_with_other_elements_is_left_alone() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f():\n    tasks = [asyncio.create_task(a()), b()]\n    await asyncio.gather(*tasks)\n",
        );
    }

    #[test]
    fn below_py311_does_nothing() {
        let source = "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.gather(*tasks)\n";
        let outcome =
            crate::test_support::outcome_at(&AM005, source, crate::version::PyVersion::PY310);
        assert!(outcome.fixed.is_none() && outcome.reports.is_empty());
    }

    #[test]
    fn ensure_future_is_not_create_task() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.ensure_future(get(u)) for u in urls]\n    await asyncio.gather(*tasks)\n",
        );
    }

    #[test]
    fn shadowed_asyncio_is_left_alone() {
        check_no_fix(
            &AM005,
            "async def f(asyncio, urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.gather(*tasks)\n",
        );
    }

    #[test]
    fn comments_of_a_removed_wait_stay() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.wait(tasks)  # all of them\n    return tasks[0].result()\n",
            "import asyncio\n\nasync def f(urls):\n    async with asyncio.TaskGroup() as tg:\n        tasks = [tg.create_task(get(u)) for u in urls]\n    # all of them\n    return tasks[0].result()\n",
        );
    }

    #[test]
    fn noqa_on_the_wait_suppresses() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.gather(*tasks)  # noqa: AM005\n",
        );
    }

    #[test]
    fn a_single_named_task_is_left_alone() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f():\n    t = asyncio.create_task(a())\n    work()\n    return await t\n",
        );
    }

    #[test]
    fn a_loop_that_does_more_than_append_is_left_alone() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = []\n    for u in urls:\n        log(u)\n        tasks.append(asyncio.create_task(get(u)))\n    await asyncio.gather(*tasks)\n",
        );
    }

    #[test]
    fn a_list_bound_twice_is_left_alone() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.gather(*tasks)\n    tasks = None\n",
        );
    }

    #[test]
    fn reads_after_the_wait_are_fine() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.gather(*tasks)\n    for i, t in enumerate(tasks):\n        print(i, t.result(), len(tasks), await t)\n",
            "import asyncio\n\nasync def f(urls):\n    async with asyncio.TaskGroup() as tg:\n        tasks = [tg.create_task(get(u)) for u in urls]\n    for i, t in enumerate(tasks):\n        print(i, t.result(), len(tasks), await t)\n",
        );
    }

    #[test]
    fn a_read_where_the_wait_may_have_failed_is_reported() {
        for handler in [
            "    except Exception:\n        print([t.done() for t in tasks])\n",
            "    except Exception:\n        pass\n    print(tasks[0].done())\n",
            "    finally:\n        print(tasks[0].cancelled())\n",
        ] {
            let source = format!(
                "import asyncio\n\nasync def f(urls):\n    try:\n        tasks = [asyncio.create_task(get(u)) for u in urls]\n        await asyncio.gather(*tasks)\n{handler}"
            );
            check_finding(&AM005, &source, MESSAGE);
        }
    }

    #[test]
    fn a_bare_cancel_in_finally_is_fine() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f():\n    try:\n        t1 = asyncio.create_task(a())\n        t2 = asyncio.create_task(b())\n        await asyncio.gather(t1, t2)\n    finally:\n        t1.cancel()\n",
            "import asyncio\n\nasync def f():\n    try:\n        async with asyncio.TaskGroup() as tg:\n            t1 = tg.create_task(a())\n            tg.create_task(b())\n    finally:\n        t1.cancel()\n",
        );
    }

    #[test]
    fn exception_asked_after_asyncio_wait_is_reported() {
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.wait(tasks)\n    return [t.exception() for t in tasks]\n",
            MESSAGE,
        );
    }

    #[test]
    fn an_early_result_other_tasks_can_see_is_reported() {
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f(self):\n    t1 = asyncio.create_task(a())\n    t2 = asyncio.create_task(b())\n    self.first = await t1\n    r2 = await t2\n",
            MESSAGE,
        );
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f():\n    t1 = asyncio.create_task(a())\n    t2 = asyncio.create_task(b(lambda: r1))\n    r1 = await t1\n    r2 = await t2\n",
            MESSAGE,
        );
    }

    #[test]
    fn declared_names_are_not_reused() {
        check_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    global tg, u\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.gather(*tasks)\n",
            "import asyncio\n\nasync def f(urls):\n    global tg, u\n    async with asyncio.TaskGroup() as tg2:\n        tasks = [tg2.create_task(get(u)) for u in urls]\n",
        );
    }

    #[test]
    fn a_function_reading_its_locals_is_reported() {
        check_finding(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    tasks = [asyncio.create_task(get(u)) for u in urls]\n    await asyncio.gather(*tasks)\n    return locals()\n",
            MESSAGE,
        );
    }

    #[test]
    fn type_matching_around_the_wait_is_reported() {
        for (before, after) in [
            ("    with self.assertRaises(KeyError):\n", ""),
            ("    with pytest.raises(KeyError):\n", ""),
            (
                "    try:\n",
                "    except Exception as e:\n        if isinstance(e, KeyError):\n            pass\n",
            ),
            (
                "    try:\n",
                "    except BaseException as e:\n        log(e.errno)\n",
            ),
        ] {
            let source = format!(
                "import asyncio\nimport pytest\n\nasync def f(self, urls):\n{before}        tasks = [asyncio.create_task(get(u)) for u in urls]\n        await asyncio.gather(*tasks)\n{after}"
            );
            check_finding(&AM005, &source, MESSAGE);
        }
    }

    #[test]
    fn a_caller_matching_the_errors_by_type_is_reported() {
        for handler in [
            "        except BaseException as e:\n            if type(e) in RETRY:\n                pass\n",
            "        except ConnectionError:\n            pass\n",
        ] {
            let source = format!(
                "import asyncio\nfrom app import Base\n\nclass Pipeline(Base):\n    async def _execute(self, nodes):\n        tasks = [asyncio.create_task(n.run()) for n in nodes]\n        return await asyncio.gather(*tasks)\n\n    async def execute(self, nodes):\n        try:\n            return await self._execute(nodes)\n{handler}"
            );
            check_finding(&AM005, &source, MESSAGE);
        }
        check_fix(
            &AM005,
            "import asyncio\n\nasync def run(nodes):\n    tasks = [asyncio.create_task(n.run()) for n in nodes]\n    return await asyncio.gather(*tasks)\n\nasync def main(nodes):\n    try:\n        return await run(nodes)\n    except Exception:\n        return None\n",
            "import asyncio\n\nasync def run(nodes):\n    async with asyncio.TaskGroup() as tg:\n        tasks = [tg.create_task(n.run()) for n in nodes]\n    return [t.result() for t in tasks]\n\nasync def main(nodes):\n    try:\n        return await run(nodes)\n    except Exception:\n        return None\n",
        );
    }

    /// The fan-out in `run`, then `rest` (a caller, say), as a module.
    fn run_then(rest: &str) -> String {
        format!(
            "import asyncio\n\nasync def run(nodes):\n    tasks = [asyncio.create_task(n.run()) for n in nodes]\n    return await asyncio.gather(*tasks)\n\n{rest}"
        )
    }

    #[test]
    fn functions_called_where_the_module_does_not_spell_the_call_are_reported() {
        const NOTE: &str = "handed on as a value";
        // A decorator that may wrap the function calls it in its wrapper,
        // whose handler may match the errors by type.
        let decorated = "import asyncio\n\ndef retry(fn):\n    async def wrapper(*a):\n        try:\n            return await fn(*a)\n        except ValueError:\n            return None\n    return wrapper\n\n@retry\nasync def run(nodes):\n    tasks = [asyncio.create_task(n.run()) for n in nodes]\n    return await asyncio.gather(*tasks)\n";
        // Methods the language calls itself, and a method read by a name
        // the module computes or spells as a string.
        let call = "import asyncio\n\nclass Fetcher:\n    async def __call__(self, nodes):\n        tasks = [asyncio.create_task(n.run()) for n in nodes]\n        return await asyncio.gather(*tasks)\n";
        let enter = "import asyncio\n\nclass Warm:\n    async def __aenter__(self):\n        tasks = [asyncio.create_task(n.run()) for n in self.nodes]\n        self.pages = await asyncio.gather(*tasks)\n        return self\n";
        let method = "import asyncio\n\nclass Client:\n    async def fetch_all(self, nodes):\n        tasks = [asyncio.create_task(n.run()) for n in nodes]\n        return await asyncio.gather(*tasks)\n\n";
        let computed =
            format!("{method}async def main(c, name):\n    return await getattr(c, name)([])\n");
        let spelled =
            format!("{method}async def main(c):\n    return await getattr(c, 'fetch_all')([])\n");
        let getter =
            format!("{method}import operator\nFETCH = operator.methodcaller('fetch_all', [])\n");
        for source in [decorated, call, enter, &computed, &spelled, &getter] {
            let found = crate::test_support::reasons(&AM005, source);
            assert!(
                found.len() == 1 && found[0].contains(NOTE),
                "{source}\n{found:?}"
            );
            check_no_fix(&AM005, source);
        }
        // A decorator that returns the function itself hands nothing on, and
        // `getattr` of another name reaches another method.
        for source in [
            "import asyncio\n\nclass C:\n    @staticmethod\n    async def work(nodes):\n        tasks = [asyncio.create_task(n.run()) for n in nodes]\n        return await asyncio.gather(*tasks)\n".to_string(),
            format!("{method}async def main(c):\n    return await getattr(c, 'other')()\n"),
        ] {
            let fixed = crate::test_support::outcome_at(
                &AM005,
                &source,
                crate::version::PyVersion::DEFAULT_TARGET,
            )
            .fixed
            .unwrap_or_default();
            assert!(fixed.contains("asyncio.TaskGroup()"), "{source}");
        }
    }

    #[test]
    fn coroutines_awaited_where_the_callers_are_not_followed_are_reported() {
        for (rest, note) in [
            (
                "async def main(nodes):\n    t = asyncio.create_task(run(nodes))\n    try:\n        await t\n    except ValueError:\n        pass\n",
                "kept or made a task",
            ),
            (
                "async def main(nodes):\n    coro = run(nodes)\n    return await coro\n",
                "kept or made a task",
            ),
            (
                "async def main(nodes):\n    rs = await asyncio.gather(run(nodes), return_exceptions=True)\n",
                "kept or made a task",
            ),
            (
                "async def retry(fn, nodes):\n    try:\n        return await fn(nodes)\n    except ValueError:\n        return None\n\nasync def main(nodes):\n    return await retry(run, nodes)\n",
                "handed on as a value",
            ),
            (
                "async def outer(nodes):\n    return await run(nodes)\n\nJOBS = {\"outer\": outer}\n",
                "handed on as a value",
            ),
        ] {
            let source = run_then(rest);
            let found = crate::test_support::reasons(&AM005, &source);
            assert!(
                found.len() == 1 && found[0].contains(note),
                "{source}\n{found:?}"
            );
            check_no_fix(&AM005, &source);
        }
        // A method handed on as a value through any object.
        let source = "import asyncio\n\nclass Svc:\n    async def work(self, nodes):\n        tasks = [asyncio.create_task(n.run()) for n in nodes]\n        return await asyncio.gather(*tasks)\n\n    async def start(self, runner, nodes):\n        await runner.retry(self.work, nodes)\n";
        check_no_fix(&AM005, source);
        // Awaited in the statement (through `wait_for`, `asyncio.run`) or
        // returned to callers that are followed: rewritten.
        for rest in [
            "async def main(nodes):\n    return await asyncio.wait_for(run(nodes), 5)\n",
            "def main(nodes):\n    return asyncio.run(run(nodes))\n",
            "def via(nodes):\n    return run(nodes)\n\nasync def main(nodes):\n    await via(nodes)\n",
        ] {
            let source = run_then(rest);
            let fixed = crate::test_support::outcome_at(
                &AM005,
                &source,
                crate::version::PyVersion::DEFAULT_TARGET,
            )
            .fixed
            .unwrap_or_default();
            assert!(fixed.contains("asyncio.TaskGroup()"), "{source}");
        }
        // ... unless such a caller matches the errors by type.
        check_no_fix(
            &AM005,
            &run_then(
                "def via(nodes):\n    return run(nodes)\n\nasync def main(nodes):\n    try:\n        await via(nodes)\n    except ValueError:\n        pass\n",
            ),
        );
    }

    #[test]
    fn a_handler_that_shows_the_type_of_a_callers_error_is_reported() {
        let source = run_then(
            "async def main(nodes):\n    try:\n        await run(nodes)\n    except Exception as e:\n        print('failed:', type(e).__name__)\n",
        );
        check_no_fix(&AM005, &source);
    }

    #[test]
    fn callers_of_callers_matching_the_errors_by_type_are_followed() {
        // redis's cluster client: the fan-out in `NodesManager.aclose`, called
        // as `self.nodes_manager.aclose()` by `Client.aclose`, which the
        // handlers of `_execute_command` await before re-raising, under
        // `execute_command`'s `type(e) in RETRY` retry.
        let manager = "import asyncio\n\nclass NodesManager:\n    async def aclose(self):\n        await asyncio.gather(*(asyncio.create_task(n.disconnect()) for n in self.nodes))\n\n";
        let client = "class Client:\n    async def aclose(self):\n        await self.nodes_manager.aclose()\n\n    async def _execute_command(self, node):\n        try:\n            return await node.execute()\n        except ConnectionError:\n            await self.aclose()\n            raise\n\n";
        let retry = "    async def execute_command(self, node):\n        try:\n            return await self._execute_command(node)\n        except Exception as e:\n            if type(e) in RETRY:\n                return None\n            raise\n";
        let source = format!("{manager}{client}{retry}");
        check_finding(&AM005, &source, MESSAGE);
        assert!(
            reasons(&AM005, &source)
                .iter()
                .any(|r| r.contains("through other calls")),
            "{:?}",
            reasons(&AM005, &source)
        );
        // A nested callback or a comprehension passes the errors on the same way.
        let nested = format!(
            "{manager}async def outer(m):\n    async def step():\n        return [await m.aclose() for _ in range(1)]\n    try:\n        await step()\n    except OSError:\n        pass\n"
        );
        check_finding(&AM005, &nested, MESSAGE);
        // Deep chains are followed too, and a call in a lambda refuses.
        let deep = format!(
            "{manager}async def l1(m):\n    await m.aclose()\nasync def l2(m):\n    await l1(m)\nasync def l3(m):\n    await l2(m)\nasync def l4(m):\n    await l3(m)\nasync def main(m):\n    try:\n        await l4(m)\n    except OSError:\n        pass\n"
        );
        check_finding(&AM005, &deep, MESSAGE);
        let lambda =
            format!("{manager}async def main(m):\n    get = lambda: m.aclose()\n    await get()\n");
        check_finding(&AM005, &lambda, MESSAGE);
        // Callers that catch everything, all the way up: fixed.
        let broad = format!(
            "{manager}async def close_all(m):\n    await m.aclose()\n\nasync def main(m):\n    try:\n        await close_all(m)\n    except Exception:\n        pass\n"
        );
        assert_eq!(findings(&AM005, &broad).len(), 1, "{broad}");
        assert!(reasons(&AM005, &broad).is_empty(), "{broad}");
    }

    #[test]
    fn sync_def_nested_in_a_coroutine_is_left_alone() {
        check_no_fix(
            &AM005,
            "import asyncio\n\nasync def f(urls):\n    def g():\n        tasks = [asyncio.create_task(get(u)) for u in urls]\n        return asyncio.gather(*tasks)\n    return await g()\n",
        );
    }
}
