use std::cell::{OnceCell, RefCell};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::codemods::prelude::*;
use crate::semantic::caught::CaughtBy;
use crate::semantic::patches::StandIn;
use crate::semantic::suspension::{AccessPair, SharedState, held_context_words};
use crate::semantic::{AsyncLibrary, HandDriver, LibraryChoice, ScopeId, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Turns a blocking `time.sleep(x)` statement inside an `async def` into
    /// `await asyncio.sleep(x)` (`trio.sleep` or `anyio.sleep` in a module that
    /// uses that library instead). Other calls of `time.sleep` that run in a
    /// coroutine (as a value, an argument, in a lambda or a comprehension) are
    /// reported without a fix.
    ///
    /// ## Why
    /// `time.sleep` stops the whole event loop, not just the coroutine: every
    /// other task, timeout and connection stalls with it.
    /// `asyncio.sleep` suspends only the current task.
    ///
    /// ## Before
    /// ```python
    /// import time
    ///
    /// async def poll():
    ///     time.sleep(1)
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def poll():
    ///     await asyncio.sleep(1)
    /// ```
    ///
    /// ## Fix safety
    /// Safe where the new suspension point changes nothing but the blocking:
    /// only whole `time.sleep(x)` statements directly in an `async def` are
    /// rewritten, so no value changes type and `await` is allowed there.
    /// Other tasks now run during the sleep, and a cancellation, or a
    /// deadline set outside what the module shows, can now arrive at it:
    /// that is the change itself. The fix is **unsafe** where that does
    /// more:
    /// - in cleanup code (a `finally:` or `except` body, `__aexit__`): a
    ///   second cancellation can now interrupt the cleanup halfway;
    /// - inside a synchronous `with` whose context may be shared (a
    ///   `threading` lock, `redirect_stdout`, a patch, anything but a file
    ///   of `open(...)` or `tempfile`, `suppress`, `pytest.raises` and
    ///   `nullcontext`): other tasks now run while it is entered, and the
    ///   next one taking the same thread lock blocks the loop's thread for
    ///   good, or prints into the redirected output;
    /// - after code of the coroutine that may catch the `GeneratorExit` of a
    ///   close and go on (a handler catching `BaseException` or
    ///   `GeneratorExit` that does not re-raise, a `with` whose exit may
    ///   return true, around code that can suspend): a coroutine closed
    ///   outside its loop runs on to the new suspension, where it raises
    ///   instead of sleeping;
    /// - inside a `try` (or `with suppress(…)`) whose handlers may catch what
    ///   `time.sleep` raises and `asyncio.sleep` does not (`ValueError` on a
    ///   negative duration or NaN, `TypeError` on a `Fraction`,
    ///   `OverflowError` on a huge one: handlers for those, their bases,
    ///   bare `except:`, and anything the module cannot tell, such as a
    ///   variable), or a `KeyboardInterrupt` or `CancelledError` that now
    ///   arrives differently; also in a block that expects an exception
    ///   (`pytest.raises`, `assertRaises`). A positive number literal up to
    ///   1e9 raises nothing, so only the last two kinds matter for it; a
    ///   larger one makes the fix unsafe anywhere (`time.sleep(1e10)` raises
    ///   `OverflowError`, `asyncio.sleep` waits for centuries);
    /// - when the coroutine reads shared state before the sleep and writes it
    ///   after (a name of the module or an enclosing function, an attribute
    ///   of any object, or an object changed in place by `x[k] = …`, `del
    ///   x[k]` or a mutating method such as `append`, `update` or `pop`,
    ///   unless it is a local bound only to a new list, dict, set or
    ///   literal or a copy such as `dict(other)`; a local bound to anything
    ///   else, `d = self.d` or a parameter, is an alias of shared state, and
    ///   any read of it, `d[k]` or `len(d)`, counts), counting a read
    ///   anywhere in a loop around the sleep as before it and a write
    ///   anywhere in it as after; a read and a write in one statement
    ///   (`self.n += 1`) are no such pair. A call of any method on shared
    ///   state counts as a write of it (`self.ready.set()`,
    ///   `lock.acquire(blocking=False)`), except methods that only read a
    ///   container or a string (`get`, `items`, `join`, …), logging
    ///   methods and functions of an imported module (`json.dumps(…)`); so
    ///   does a function that changes its first argument (`setattr(obj,
    ///   …)`, `operator.setitem(d, …)`, `heapq.heappush(q, …)`, `next(it)`);
    /// - when the coroutine surely changes shared state on one side of the
    ///   sleep (an assignment or `del` of it, a mutating method such as
    ///   `pop`, `append`, `popleft` or `setdefault`, `next(it)`, a function
    ///   that changes its first argument; not a call of any other method)
    ///   and reads or changes the same state on the other side: `conn =
    ///   POOL.pop()`, the sleep, `POOL.append(conn)` (another task finds the
    ///   pool empty); `LOG.append(i)`, the sleep, `len(LOG)`; `a =
    ///   next(IDS)`, the sleep, `next(IDS)`; `self.state = "busy"`, the
    ///   sleep, `return self.state`; a draw from the `random` module's
    ///   functions, whose one generator the process shares, on both sides.
    ///   One statement alone, even in a loop (`self.ticks += 1`), is no
    ///   such pair; `vars(obj)[k]` is `obj.__dict__`;
    /// - before a write of shared state (an attribute, a global, an item of
    ///   a shared object) whose value was read before the sleep: it names a
    ///   parameter (a caller may have read it from that very state, as in
    ///   `await self.store(self.value + 1)` with `store` sleeping, then
    ///   setting `self.value = new`) or a local bound before the sleep; the
    ///   write then puts back a stale value over what another task wrote
    ///   in between. A value computed after the sleep from fresh reads
    ///   (`self.value = self.value + 1`, `self.total += n`) is fine;
    /// - between two calls of plain names, neither awaited, the first's
    ///   value used (`n = get()`, the sleep, `put(n + 1)`), where both may
    ///   use state other tasks share: a function of the module that uses a
    ///   variable of the module or of an enclosing function other than a
    ///   constant bound once, a function of another file of the project, or
    ///   a callable the module cannot tell (a closure returned by a call,
    ///   a parameter); not builtins, classes of the module, nor names
    ///   imported from the standard library or another library;
    /// - in the body of a `for` loop over shared state (`for name in
    ///   self.sessions:`, `for k, v in CACHE.items():`, a parameter): another
    ///   task can now change it while the loop holds its iterator
    ///   ("dictionary changed size during iteration");
    /// - in a coroutine that runs under a deadline the module sets: inside
    ///   `async with asyncio.timeout(…)` (`timeout_at`, `async_timeout`,
    ///   anyio's and trio's `fail_after` / `move_on_after` scopes) in its
    ///   own function, or awaited there or inside `asyncio.wait_for(work(),
    ///   t)` by a coroutine of the module, a few callers up: the deadline
    ///   fired only after the blocking sleep, at the next suspension, and
    ///   can now expire during the sleep (a result becomes `TimeoutError`);
    ///   the message names the deadline's line;
    /// - where the duration is a parameter of the coroutine (`async def
    ///   backoff(delay): time.sleep(delay)`) and a coroutine of the module
    ///   awaits it, a few callers up, inside a handler that may catch
    ///   `ValueError`, or another file of the project calls it passing
    ///   anything but a number literal above zero (or uses it other than by
    ///   a call of its name): a negative duration raised `ValueError` there,
    ///   and that file's handlers are not followed;
    /// - in a module that drives coroutines by hand (`coro.send(None)`,
    ///   `coro.__await__()` stepped with `next` or a `for` loop,
    ///   `coro.throw(…)`), or in a project where another file does (a
    ///   runner helper, a test that steps the coroutine it imports, even
    ///   when this module imports asyncio), or in a project where a file
    ///   imports a library with a loop of its own (trio, curio, twisted;
    ///   anyio where some file names the `"trio"` backend or gives it a
    ///   backend read at run time (`backend=settings["backend"]`), anyio's
    ///   pytest plugin with an `anyio_backend` fixture naming trio, with no
    ///   import of anyio; pytest-trio's `trio_mode` turned on in the root's
    ///   `pyproject.toml`, `pytest.ini`, `setup.cfg` or `tox.ini`;
    ///   `pytest.importorskip("trio")`; a module
    ///   imported by a computed name, `importlib.import_module(BACKEND)`,
    ///   where some file spells `"trio"`), which may run this coroutine
    ///   (`trio.run(work)`), even when this module imports asyncio: where no
    ///   asyncio loop runs, `asyncio.sleep` raises `RuntimeError`. What
    ///   counts as driving by hand is said under `get-running-loop`
    ///   (AM101): the method taken as a value or by name, from the type,
    ///   called in a trampoline that catches `StopIteration` or sends back
    ///   what it got (`value = coro.send(value)`, however the end is
    ///   caught), in a lambda step, returned by a step method in a file
    ///   that catches it, or a coroutine's `__await__()` stepped by a plain
    ///   generator.
    ///
    /// Not seen: handlers in the callers of the coroutine around a duration
    /// that is not its parameter, a deadline set in another module (or
    /// around a task running the coroutine), state read or written inside
    /// the functions it calls other than the pair of calls above, and
    /// a clock frozen by another module (a test module that patches
    /// `time.monotonic` around this module's code: the event loop reads it,
    /// so the new sleep never wakes up).
    /// The module's own `asyncio` binding is reused (`aio.sleep` under
    /// `import asyncio as aio`) only where it exists at run time; otherwise
    /// `import asyncio` is added. An `import time` left unused is removed,
    /// unless a string annotation, `__all__` or a `# noqa` comment on its line
    /// still needs it.
    /// Code on the close path of an abandoned task reached through other
    /// functions is assumed not to rely on the loop: an `async def
    /// __aexit__`, a coroutine awaited from a `finally:` body, code after
    /// an awaited coroutine of the module that itself catches
    /// `GeneratorExit` and returns. A
    /// pending task destroyed after its loop closed runs that code with no
    /// loop; asyncio already warns there ("Task was destroyed but it is
    /// pending").
    ///
    /// ## Left alone
    /// `time.sleep` in a synchronous function, even one nested in a coroutine
    /// (there `asyncio.sleep` would be a coroutine nobody awaits, a silent no-op);
    /// `time` rebound locally (`time = Clock()`, a parameter named `time`); calls
    /// with keyword or unpacked arguments. Reported without a fix:
    /// `time.sleep(0)` (it does not block; the rewrite would only add a
    /// suspension point) and a negative literal (it raises `ValueError`); a
    /// module that replaces or patches `time.sleep` (`time.sleep = …`,
    /// `mock.patch("time.sleep")`), where the call may reach the stand-in;
    /// one that patches `time.monotonic` or freezes the clock (`freezegun`,
    /// `time_machine`), which the event loop reads: `asyncio.sleep` would
    /// never wake up where `time.sleep` returned, or a deadline around it
    /// would expire at once; one that patches the sleep the fix would write
    /// (`mock.patch("asyncio.sleep")`), which would then be called where the
    /// real blocking sleep ran; a project where another file replaces
    /// `time.sleep` or that sleep for good (`asyncio.sleep = instant`, also
    /// through a name bound to the module or `sys.modules`, or through a
    /// parameter of a function the module is handed to: `def force(m, v):
    /// m.sleep = v` and `force(work, fake)`). Where another
    /// file only patches one of them as a test does (`mock.patch.object(
    /// asyncio, "sleep", fake)`, counting calls), the fix is unsafe: that
    /// test would see the other sleep called; a
    /// module that uses curio or twisted (not asyncio code: twisted runs
    /// coroutines on its reactor, `defer.ensureDeferred(coro())`, and this
    /// codemod writes neither's sleep), or whose run-time imports do not
    /// say which library runs it (asyncio and trio both, trio only on some
    /// paths, or no async library at all in a project where some file
    /// imports trio, anyio, curio or twisted: another module may run its
    /// coroutines there; a module that imports asyncio itself runs on it).
    /// Imports for type checkers only (`if TYPE_CHECKING: import trio`) do not
    /// count. A project with a module of its own named `asyncio` (or the
    /// library chosen) at a source root or beside the file: `import asyncio`
    /// would find it, so the call is reported with that reason. (`time` is
    /// built into the interpreter: a `time.py` of the project never stands
    /// in for it.)
    pub static SLEEP_IN_ASYNC = Codemod {
        code: "AM001",
        name: "sleep-in-async",
        min_python: PyVersion::ANY,
        safety: Applicability::Safe,
        run: sleep_in_async,
        needles: &["sleep"],
        requires: &[ASYNC_DEF],
        // ASYNC101 is flake8-async's code for `time.sleep` in a coroutine
        // before its codes were renumbered (ruff calls it ASYNC251 now).
        noqa_aliases: &["ASYNC251", "ASYNC101"],
    };
}

fn sleep_in_async(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let mut fixable = FxHashSet::default();
    let facts = ModuleFacts::default();

    // Whole statements directly in a coroutine's body: rewritten.
    for suite in semantic.coroutine_suites() {
        for stmt in suite.body {
            let Stmt::Expr(statement) = stmt else {
                continue;
            };
            let Expr::Call(call) = statement.value.as_ref() else {
                continue;
            };
            if !is_time_sleep(semantic, &call.func, suite.scope) {
                continue;
            }
            fixable.insert(call.start());
            report_statement(ctx, out, &facts, stmt, call);
        }
    }

    // Any other call that runs while the coroutine runs: reported only.
    for site in &semantic.calls {
        if fixable.contains(&site.call.start())
            || !is_time_sleep(semantic, &site.call.func, site.scope)
            || !semantic.runs_in_coroutine(site.scope)
        {
            continue;
        }
        out.report(
            &SLEEP_IN_ASYNC,
            site.call.range(),
            "blocking `time.sleep` call inside `async def`",
        )
        .note("not a whole statement in the coroutine's body, so it cannot become `await`");
    }
}

/// Facts about the whole module, each found on first use: a module with
/// thousands of sleeps asks for them once.
#[derive(Default)]
struct ModuleFacts {
    patched: OnceCell<bool>,
    /// Why the new sleep may not do what `time.sleep` did (see [`stand_in`]).
    stand_in: OnceCell<Option<String>>,
    /// What another file of the project puts in place of `time.sleep` or
    /// of the new sleep (see [`SemanticModel::stand_in`]).
    project_stand_in: OnceCell<Option<StandIn>>,
    /// The shared state of each coroutine with a sleep, by its scope.
    shared: RefCell<FxHashMap<ScopeId, SharedState>>,
}

/// Why the sleep of `library` (`asyncio`) may not do in this module what
/// `time.sleep` did: the module patches `time.monotonic` or freezes the
/// clock (`freezegun`, `time_machine`), and the event loop reads that
/// clock, so the new sleep may never wake up, or a deadline around it
/// expire at once; or it patches that sleep itself, whose stand-in the
/// call would now reach. `None` when it does neither.
fn stand_in(semantic: &SemanticModel, library: &str) -> Option<String> {
    if semantic.may_replace("time.monotonic")
        || semantic.imports_module("freezegun")
        || semantic.imports_module("time_machine")
    {
        return Some(
            "the module patches `time.monotonic` or freezes the clock, which the event loop reads: the new sleep might never wake up, or a deadline around it expire at once".to_string(),
        );
    }
    let sleep = format!("{library}.sleep");
    semantic.may_replace(&sleep).then(|| {
        format!("the module patches `{sleep}`, whose stand-in the rewritten call would reach")
    })
}

fn report_statement(
    ctx: &Context,
    out: &mut Findings,
    facts: &ModuleFacts,
    stmt: &Stmt,
    call: &ast::ExprCall,
) {
    let finding = out.report(
        &SLEEP_IN_ASYNC,
        call.range(),
        "blocking `time.sleep` call inside `async def`",
    );
    let arguments = &call.arguments;
    let [argument] = &*arguments.args else {
        finding.note(
            "`time.sleep` takes exactly one positional argument; this call is left as written",
        );
        return;
    };
    if !arguments.keywords.is_empty() || argument.is_starred_expr() {
        finding.note(
            "`time.sleep` takes exactly one positional argument; this call is left as written",
        );
        return;
    }
    let seconds = literal_seconds(argument);
    let too_large = huge_literal(argument);
    if let Some(seconds) = seconds
        && seconds <= 0.0
    {
        finding.note(if seconds < 0.0 {
            "`time.sleep` raises `ValueError` on a negative duration, and the async sleep does not"
        } else {
            "`time.sleep(0)` does not block; the async sleep would only add a suspension point"
        });
        return;
    }
    let library = match ctx.semantic.async_library() {
        LibraryChoice::One(library @ (AsyncLibrary::Curio | AsyncLibrary::Twisted)) => {
            finding.note(format!(
                "the module uses {}, whose sleep this codemod does not write",
                library.module()
            ));
            return;
        }
        LibraryChoice::One(library) => library.module(),
        LibraryChoice::Ambiguous => {
            let imported = ctx.semantic.async_libraries_imported();
            match ctx.semantic.project_library() {
                Some(other) if imported.is_empty() => finding.note(format!(
                    "the module imports no async library, and the project uses {other}: \
                     its coroutines may run on that one"
                )),
                _ => finding.note(format!(
                    "the module's run-time imports ({}) do not say which async library its \
                     coroutines run on",
                    imported.join(", ")
                )),
            };
            return;
        }
    };
    if *facts
        .patched
        .get_or_init(|| ctx.semantic.may_replace("time.sleep"))
    {
        finding.note(
            "the module replaces or patches `time.sleep`, so this call may not be the blocking sleep",
        );
        return;
    }
    if let Some(reason) = facts
        .stand_in
        .get_or_init(|| stand_in(ctx.semantic, library))
    {
        finding.note(reason.clone());
        return;
    }
    // Another file of the project that replaces `time.sleep` or the new
    // sleep for good (a compat layer) would no longer be reached, or would
    // be now; a test that patches one (counting calls, skipping the wait)
    // would see the other.
    let (mocked, finding) = match facts.project_stand_in.get_or_init(|| {
        ctx.semantic.stand_in(
            &["time.sleep", &format!("{library}.sleep")],
            &format!("the rewritten code calls `{library}.sleep` instead of `time.sleep`"),
        )
    }) {
        Some(StandIn::Replaced(note)) => {
            finding.note(note.clone());
            return;
        }
        Some(StandIn::Mocked(note)) => (Some(note.clone()), finding.note(note.clone())),
        None => (None, finding),
    };
    // The module's own names the call goes through (`sleep` of `from time
    // import sleep`, or `time`), or the new call would (`asyncio`), may be
    // patched or replaced from another file as attributes of this module:
    // a test patching a name where it is used (`mock.patch("app.work.sleep")`).
    let (mocked, finding) = match mocked {
        Some(note) => (Some(note), finding),
        None => {
            let mut names = vec![library];
            let mut head = call.func.as_ref();
            while let Expr::Attribute(attribute) = head {
                head = &attribute.value;
            }
            if let Expr::Name(name) = head {
                names.push(name.id.as_str());
            }
            match ctx.semantic.own_name_stand_in(
                &names,
                &format!("the rewritten code goes through `{library}.sleep` instead"),
            ) {
                Some(StandIn::Replaced(note)) => {
                    finding.note(note);
                    return;
                }
                Some(StandIn::Mocked(note)) => (Some(note.clone()), finding.note(note)),
                None => (None, finding),
            }
        }
    };
    // Why the fix is unsafe, said in the finding too (the mock's note is
    // there already).
    let (unsafe_because, finding) = if let Some(note) = mocked {
        (Some(note), finding)
    } else {
        let reason = if too_large {
            Some(
                "`time.sleep` raises `OverflowError` on a duration this large, and the async sleep waits"
                    .to_string(),
            )
        } else {
            suspension_hazard(ctx, facts, stmt, call, seconds.is_some())
                .or_else(|| caller_may_catch(ctx, stmt, argument, seconds.is_some()))
                .or_else(|| {
                // A deadline around the coroutine fired only after the
                // blocking sleep; it can now expire during the new one.
                ctx.semantic.deadline_around(stmt.start()).map(|deadline| {
                    format!(
                        "the coroutine runs under a deadline (line {}), which can now expire during the sleep, where `time.sleep` ran to its end",
                        ctx.line_index().line_index(deadline.start()).get()
                    )
                })
            })
        };
        match reason {
            Some(reason) => (Some(reason.clone()), finding.note(reason)),
            None => (None, finding),
        }
    };
    let applicability = match unsafe_because {
        Some(_) => Applicability::Unsafe,
        None => Applicability::Safe,
    };
    finding.fix_with(applicability, |fix| {
        let sleep = fix.ensure_import(library, "sleep")?;
        match &unsafe_because {
            Some(reason) => fix.title(format!("Replace with `await {sleep}(…)` ({reason})")),
            None => fix.title(format!("Replace with `await {sleep}(…)`")),
        }
        fix.insert(call.start(), "await ");
        fix.replace(call.func.range(), sleep);
        fix.remove_import_if_unused(&call.func);
        Ok(())
    });
}

/// Why the new suspension point changes more than the blocking, if it
/// does (SPEC AM001): cleanup a cancellation can now interrupt, a handler
/// around it that would no longer see what `time.sleep` raises (or would
/// now see a cancellation), or shared state another task can now change
/// between a read and a write. `known_duration`: the argument is a positive
/// number literal, which `time.sleep` accepts without raising.
fn suspension_hazard(
    ctx: &Context,
    facts: &ModuleFacts,
    stmt: &Stmt,
    call: &ast::ExprCall,
    known_duration: bool,
) -> Option<String> {
    let semantic = ctx.semantic;
    let line_of = |range: TextRange| ctx.line_index().line_index(range.start()).get();
    match semantic.hand_driver() {
        Some(HandDriver::Module) => {
            return Some(
                "the module drives coroutines by hand, and the async sleep needs a running loop"
                    .to_string(),
            );
        }
        Some(driver @ (HandDriver::File(_) | HandDriver::Library(_))) => {
            return Some(format!(
                "{}, and the async sleep needs a running loop",
                driver.describe()
            ));
        }
        None => {}
    }
    if let Some(block) = semantic.cleanup_block(stmt) {
        return Some(format!(
            "cleanup code (`{block}`): a cancellation can now interrupt it"
        ));
    }
    // Earlier code may catch the `GeneratorExit` of a close and go on: a
    // closed coroutine then reaches the new suspension, which raises.
    if semantic
        .runs_after_kept_close(semantic.scope_at(stmt.start()), stmt.start())
        .is_some()
    {
        return Some(
            "after code that may catch the `GeneratorExit` of a close and go on: a coroutine \
             closed outside its loop now suspends here, which raises"
                .to_string(),
        );
    }
    // What `time.sleep` raises and `asyncio.sleep` does not: `ValueError`
    // (negative, NaN), `TypeError` (a `Fraction`), `OverflowError` (huge,
    // -inf); and what reaches the coroutine differently: Ctrl-C arrives as a
    // cancellation of the main task, not as `KeyboardInterrupt`, and a
    // cancellation can now arrive here.
    let classes: &[&str] = if known_duration {
        &["KeyboardInterrupt", "CancelledError"]
    } else {
        &[
            "ValueError",
            "TypeError",
            "OverflowError",
            "KeyboardInterrupt",
            "CancelledError",
        ]
    };
    if semantic.handler_catching(stmt, classes).is_some() {
        return Some(
            "a handler around it may catch what `time.sleep` raises, or a cancellation".to_string(),
        );
    }
    // A synchronous context entered around the sleep stays entered while
    // other tasks run: a thread lock it holds deadlocks the next task of the
    // same thread that takes it, and what it sets for the thread or the
    // process (redirected output, a patch, a working directory) reaches them.
    if let Some(item) = semantic.held_context(stmt) {
        return Some(format!(
            "the sleep sits in {}: other tasks would now run while its context is held (a thread lock deadlocks them, redirected output or a patch reaches them)",
            held_context_words(ctx.source, item)
        ));
    }
    let scope = semantic.scope_at(stmt.start());
    let def = semantic.scope(scope).function()?;
    let (before, after) = semantic.suspension_window(stmt, call.range());
    let access = facts
        .shared
        .borrow_mut()
        .entry(scope)
        .or_insert_with(|| semantic.shared_state(def, scope))
        .across(before, after);
    if let Some(access) = access {
        return Some(match access.pair {
            AccessPair::ReadThenWrite => format!(
                "`{}` is read before the sleep and written after it; another task can now run in between",
                access.place
            ),
            AccessPair::ChangeThenUse => format!(
                "`{}` is changed before the sleep (line {}) and used again after it (line {}); another task can now use or change it in between",
                access.place,
                line_of(access.read),
                line_of(access.write)
            ),
            AccessPair::UseThenChange => format!(
                "`{}` is used before the sleep (line {}) and changed after it (line {}); another task can now use or change it in between",
                access.place,
                line_of(access.read),
                line_of(access.write)
            ),
        });
    }
    if let Some(access) = semantic.stale_write_across(stmt, call.range()) {
        return Some(format!(
            "`{}` is written after the sleep with a value read before it; another task can now \
             write it in between, and that update is lost",
            access.place
        ));
    }
    if let Some((read, write)) = semantic.calls_around(stmt, call.range()) {
        return Some(format!(
            "`{read}()` is called before the sleep and `{write}()` after it, and either may use state other tasks share; another task can now run in between"
        ));
    }
    if let Some(place) = semantic.iterated_across(stmt) {
        return Some(format!(
            "the loop iterates `{place}`, which another task can now change during the sleep"
        ));
    }
    None
}

/// Why a caller may see `time.sleep`'s `ValueError` on a negative duration
/// (which the async sleep does not raise), when the duration is a
/// parameter of the coroutine (`async def backoff(delay):
/// time.sleep(delay)`): a coroutine of the module that awaits it, a few
/// callers up, inside a handler that may catch `ValueError`; or a file of
/// the project that calls it passing anything but a number literal above
/// zero, or uses it as a value, since its handlers are not followed.
fn caller_may_catch(
    ctx: &Context,
    stmt: &Stmt,
    argument: &Expr,
    known_duration: bool,
) -> Option<String> {
    let semantic = ctx.semantic;
    let scope = semantic.scope_at(stmt.start());
    if known_duration || !semantic.reads_parameter_as_number(argument, scope) {
        return None;
    }
    if let Some(handler) = semantic.may_keep_around(stmt.start(), "ValueError") {
        return Some(format!(
            "the duration is a parameter, and a caller may catch the `ValueError` `time.sleep` raises on a negative one (line {}), which the async sleep does not raise",
            ctx.line_index().line_index(handler.start()).get()
        ));
    }
    if let Some(found) = semantic.parameter_passed_by_other_files(argument, scope) {
        return Some(format!(
            "{found}: `time.sleep` raises `ValueError` on a negative duration, the async sleep does not, and that caller's handlers are not followed"
        ));
    }
    // A caller that catches it otherwise than by a handler around the
    // await: `gather(…, return_exceptions=True)`, a task's `exception()`,
    // or code of another module the coroutine is handed to. Other files
    // that only call it were asked above, by what they pass.
    match semantic.may_be_caught_by_callers("ValueError") {
        Some(CaughtBy::Module(at)) => Some(format!(
            "the duration is a parameter, and code of the module may catch the `ValueError` `time.sleep` raises on a negative one (line {}), which the async sleep does not raise",
            ctx.line_index().line_index(at.start()).get()
        )),
        // Callers no file names (a function leaving as a value, a module
        // imported by a computed name) were not asked by what they pass.
        Some(leaves @ (CaughtBy::Leaves { .. } | CaughtBy::ComputedImport { .. })) => leaves.elsewhere("ValueError").map(|elsewhere| {
            format!(
                "the duration is a parameter, and {elsewhere} on a negative duration, which the async sleep does not raise"
            )
        }),
        Some(CaughtBy::OthersRead) | None => None,
    }
}

/// The duration a literal argument spells (`1`, `0.5`, `-1`, `True`), when
/// it is one `time.sleep` surely accepts or surely rejects: finite and at
/// most a day (beyond that, `time.sleep` may raise `OverflowError`).
fn literal_seconds(argument: &Expr) -> Option<f64> {
    let (negative, value) = match argument {
        Expr::UnaryOp(ast::ExprUnaryOp {
            op: ast::UnaryOp::USub,
            operand,
            ..
        }) => (true, operand.as_ref()),
        other => (false, other),
    };
    let seconds = match value {
        Expr::NumberLiteral(number) => match &number.value {
            ast::Number::Int(int) => int.as_u64().map(|n| n as f64)?,
            ast::Number::Float(float) => *float,
            ast::Number::Complex { .. } => return None,
        },
        Expr::BooleanLiteral(boolean) if !negative => f64::from(u8::from(boolean.value)),
        _ => return None,
    };
    let seconds = if negative { -seconds } else { seconds };
    (seconds.is_finite() && seconds <= 86_400.0).then_some(seconds)
}

/// The largest literal duration taken to be one `time.sleep` accepts on
/// every platform (it converts to a C time type: past about 9.2e9 seconds
/// it raises `OverflowError`, where `asyncio.sleep` just waits).
const MAX_LITERAL_SECONDS: f64 = 1e9;

/// Whether the argument is a number literal beyond [`MAX_LITERAL_SECONDS`]
/// (or infinite): `time.sleep` may raise `OverflowError` on it.
fn huge_literal(argument: &Expr) -> bool {
    let Expr::NumberLiteral(number) = argument else {
        return false;
    };
    match &number.value {
        ast::Number::Int(int) => int.as_u64().is_none_or(|n| n as f64 > MAX_LITERAL_SECONDS),
        ast::Number::Float(float) => *float > MAX_LITERAL_SECONDS || !float.is_finite(),
        ast::Number::Complex { .. } => false,
    }
}

/// Whether `func` is `time.sleep`, under any import spelling.
fn is_time_sleep(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> bool {
    semantic.refers_to(func, scope, "time.sleep")
}

#[cfg(test)]
mod tests {
    use super::SLEEP_IN_ASYNC;
    use crate::test_support::{
        check_finding, check_fix, check_no_fix, check_safe_fix, check_unsafe_fix, findings,
    };

    #[test]
    fn writes_through_methods_and_functions_are_writes() {
        for (before, after) in [
            (
                "    if not self.ready.is_set():\n        time.sleep(1)\n        self.ready.set()\n",
                "    if not self.ready.is_set():\n        await asyncio.sleep(1)\n        self.ready.set()\n",
            ),
            (
                "    bal = getattr(self, 'balance')\n    time.sleep(1)\n    setattr(self, 'balance', bal - 1)\n",
                "    bal = getattr(self, 'balance')\n    await asyncio.sleep(1)\n    setattr(self, 'balance', bal - 1)\n",
            ),
            (
                "    v = self.d.get('n', 0)\n    time.sleep(1)\n    operator.setitem(self.d, 'n', v + 1)\n",
                "    v = self.d.get('n', 0)\n    await asyncio.sleep(1)\n    operator.setitem(self.d, 'n', v + 1)\n",
            ),
            (
                "    for name in self.sessions:\n        time.sleep(1)\n",
                "    for name in self.sessions:\n        await asyncio.sleep(1)\n",
            ),
            (
                "    for k, v in self.d.items():\n        time.sleep(1)\n",
                "    for k, v in self.d.items():\n        await asyncio.sleep(1)\n",
            ),
        ] {
            check_unsafe_fix(
                &SLEEP_IN_ASYNC,
                &format!(
                    "import asyncio\nimport operator\nimport time\n\nasync def f(self):\n{before}"
                ),
                &format!("import asyncio\nimport operator\n\nasync def f(self):\n{after}"),
            );
        }
        // Logging and a function of an imported module change nothing shared.
        check_safe_fix(
            &SLEEP_IN_ASYNC,
            "import json\nimport time\n\nasync def f(self):\n    self.log.info(json.dumps(self.x))\n    time.sleep(1)\n    self.log.info(json.dumps(self.x))\n",
            "import asyncio\nimport json\n\nasync def f(self):\n    self.log.info(json.dumps(self.x))\n    await asyncio.sleep(1)\n    self.log.info(json.dumps(self.x))\n",
        );
    }

    #[test]
    fn a_huge_literal_duration_is_unsafe() {
        // `time.sleep(1e10)` raises OverflowError; `asyncio.sleep` waits.
        check_unsafe_fix(
            &SLEEP_IN_ASYNC,
            "import time\n\nasync def f():\n    time.sleep(1e10)\n",
            "import asyncio\n\nasync def f():\n    await asyncio.sleep(1e10)\n",
        );
        check_safe_fix(
            &SLEEP_IN_ASYNC,
            "import time\n\nasync def f():\n    time.sleep(1000000)\n",
            "import asyncio\n\nasync def f():\n    await asyncio.sleep(1000000)\n",
        );
    }

    #[test]
    fn adds_asyncio_and_removes_time() {
        check_safe_fix(
            &SLEEP_IN_ASYNC,
            "import time\n\nasync def f():\n    time.sleep(1)\n",
            "import asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n",
        );
    }

    #[test]
    fn imports_that_never_run_are_not_reused() {
        // Under `if TYPE_CHECKING:` the module never imports asyncio: a new
        // import at the top makes the name exist.
        check_fix(
            &SLEEP_IN_ASYNC,
            "import time\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    import asyncio\n\nasync def f():\n    time.sleep(1)\n",
            "import asyncio\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    import asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n",
        );
        // Imported as a script only: importing the module would leave it unbound.
        check_fix(
            &SLEEP_IN_ASYNC,
            "import time\n\nasync def f():\n    time.sleep(1)\n\nif __name__ == \"__main__\":\n    import asyncio\n    asyncio.run(f())\n",
            "import asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n\nif __name__ == \"__main__\":\n    import asyncio\n    asyncio.run(f())\n",
        );
        // Bound to something else on one path: the fix cannot refer to it.
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\ntry:\n    import asyncio\nexcept ImportError:\n    asyncio = None\n\nasync def f():\n    time.sleep(1)\n",
            "blocking `time.sleep` call inside `async def`",
        );
    }

    #[test]
    fn library_comes_from_run_time_imports() {
        // trio for type checkers only: the module runs on asyncio.
        check_fix(
            &SLEEP_IN_ASYNC,
            "import time\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import trio\n\nasync def f():\n    time.sleep(1)\n",
            "import asyncio\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import trio\n\nasync def f():\n    await asyncio.sleep(1)\n",
        );
        // trio imported in one function only: either library may run the coroutine.
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\n\ndef helper():\n    import trio\n    return trio\n\nasync def f():\n    time.sleep(1)\n",
            "blocking `time.sleep` call inside `async def`",
        );
        // curio: not asyncio code, and this codemod does not write curio.
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\nimport curio\n\nasync def f():\n    time.sleep(1)\n\ncurio.run(f)\n",
            "blocking `time.sleep` call inside `async def`",
        );
    }

    #[test]
    fn cleanup_code_makes_it_unsafe() {
        check_unsafe_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nimport time\n\nasync def f():\n    try:\n        pass\n    finally:\n        time.sleep(1)\n",
            "import asyncio\n\nasync def f():\n    try:\n        pass\n    finally:\n        await asyncio.sleep(1)\n",
        );
        check_unsafe_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nimport time\n\nasync def f():\n    try:\n        pass\n    except OSError:\n        time.sleep(1)\n",
            "import asyncio\n\nasync def f():\n    try:\n        pass\n    except OSError:\n        await asyncio.sleep(1)\n",
        );
    }

    #[test]
    fn handlers_of_what_time_sleep_raises_make_it_unsafe() {
        for handler in [
            "ValueError",
            "Exception",
            "(KeyError, TypeError)",
            "errors",
            "KeyboardInterrupt",
        ] {
            check_unsafe_fix(
                &SLEEP_IN_ASYNC,
                &format!(
                    "import asyncio\nimport time\n\nasync def f(d):\n    try:\n        time.sleep(d)\n    except {handler}:\n        pass\n"
                ),
                &format!(
                    "import asyncio\n\nasync def f(d):\n    try:\n        await asyncio.sleep(d)\n    except {handler}:\n        pass\n"
                ),
            );
        }
        // A positive literal raises nothing such a handler would catch.
        check_safe_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nimport time\n\nasync def f():\n    try:\n        time.sleep(1)\n    except ValueError:\n        pass\n",
            "import asyncio\n\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except ValueError:\n        pass\n",
        );
        // Handlers of other exceptions do not matter.
        check_safe_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nimport time\n\nasync def f(d):\n    try:\n        time.sleep(d)\n    except KeyError:\n        pass\n",
            "import asyncio\n\nasync def f(d):\n    try:\n        await asyncio.sleep(d)\n    except KeyError:\n        pass\n",
        );
    }

    #[test]
    fn shared_state_across_the_sleep_makes_it_unsafe() {
        check_unsafe_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nimport time\n\nasync def f(self):\n    n = self.n\n    time.sleep(1)\n    self.n = n + 1\n",
            "import asyncio\n\nasync def f(self):\n    n = self.n\n    await asyncio.sleep(1)\n    self.n = n + 1\n",
        );
        check_safe_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nimport time\n\nasync def f(self):\n    time.sleep(1)\n    self.n += 1\n",
            "import asyncio\n\nasync def f(self):\n    await asyncio.sleep(1)\n    self.n += 1\n",
        );
    }

    #[test]
    fn a_write_of_a_value_read_before_the_sleep_makes_it_unsafe() {
        // A parameter (a caller may have read it from the same state), a
        // local bound before the sleep, through a call or a tuple.
        for source in [
            "import time\nclass C:\n    async def store(self, new):\n        time.sleep(0.01)\n        self.value = new\n",
            "import time\nasync def store(new):\n    global VALUE\n    time.sleep(0.01)\n    VALUE = new\n",
            "import time\nasync def store(key, new):\n    time.sleep(0.01)\n    CACHE[key] = new + 1\n",
            "import time\nasync def store(self):\n    v = compute()\n    time.sleep(0.01)\n    self.value = v\n",
            "import time\nasync def store(self, new):\n    time.sleep(0.01)\n    self.value, self.seen = int(new), True\n",
            "import time\nasync def store(state, new):\n    time.sleep(0.01)\n    state.value = new\n",
            // The class, reached through the instance.
            "import time\nclass C:\n    async def store(self, new):\n        time.sleep(0.01)\n        type(self).shared = new\n",
            // Through `setattr`, the instance's namespace or its own method.
            "import time\nclass C:\n    async def store(self, new):\n        time.sleep(0.01)\n        setattr(self, 'value', new)\n",
            "import time\nclass C:\n    async def store(self, new):\n        time.sleep(0.01)\n        self.__dict__.update(value=new)\n",
            "import time\nclass C:\n    async def store(self, new):\n        time.sleep(0.01)\n        self._set(new)\n",
            "import time\nclass C:\n    async def store(self, new):\n        time.sleep(0.01)\n        self.value = (lambda n=new: n)()\n",
        ] {
            check_unsafe_fix_any(source);
        }
        // Fresh reads after the sleep, an augmented assignment, a local
        // written, `self` itself, a write before the sleep.
        for source in [
            "import time\nclass C:\n    async def bump(self):\n        time.sleep(0.01)\n        self.value = self.value + 1\n",
            "import time\nclass C:\n    async def bump(self, n):\n        time.sleep(0.01)\n        self.total += n\n",
            "import time\nclass C:\n    async def load(self):\n        time.sleep(0.01)\n        self.value = fetch()\n",
            "import time\nasync def f(new):\n    time.sleep(0.01)\n    local = new\n    print(local)\n",
            "import time\nclass C:\n    async def f(self):\n        time.sleep(0.01)\n        REGISTRY.owner = self\n",
            "import time\nclass C:\n    async def f(self, new):\n        self.value = new\n        time.sleep(0.01)\n",
            "import time\nclass C:\n    async def f(self):\n        time.sleep(0.01)\n        v = compute()\n        self.value = v\n",
            // Another object's method is no write of the instance.
            "import time\nclass C:\n    async def f(self, msg):\n        time.sleep(0.01)\n        self.log.info(msg)\n",
        ] {
            let source = format!("import asyncio\n{source}");
            let outcome = crate::test_support::run(&SLEEP_IN_ASYNC, &source);
            let strict = crate::test_support::run_without_unsafe_fixes(&SLEEP_IN_ASYNC, &source);
            assert!(
                outcome.fixed.is_some() && strict.fixed.is_some(),
                "expected a safe fix: {source}"
            );
        }
    }

    /// Asserts that the fix applies only with `--unsafe-fixes`.
    fn check_unsafe_fix_any(source: &str) {
        let source = format!("import asyncio\n{source}");
        assert!(
            crate::test_support::run(&SLEEP_IN_ASYNC, &source)
                .fixed
                .is_some(),
            "expected a fix: {source}"
        );
        assert!(
            crate::test_support::run_without_unsafe_fixes(&SLEEP_IN_ASYNC, &source)
                .fixed
                .is_none(),
            "expected an unsafe fix: {source}"
        );
    }

    #[test]
    fn code_a_close_may_still_reach_makes_it_unsafe() {
        for source in [
            "import asyncio, contextlib, time\nasync def f():\n    with contextlib.suppress(BaseException):\n        await asyncio.sleep(10)\n    time.sleep(0.01)\n",
            "import asyncio, time\nasync def f():\n    try:\n        await asyncio.sleep(10)\n    except GeneratorExit:\n        pass\n    time.sleep(0.01)\n",
        ] {
            check_unsafe_fix_any(source);
        }
        let source = "import asyncio\nimport time\nasync def f():\n    try:\n        await asyncio.sleep(10)\n    except Exception:\n        pass\n    time.sleep(0.01)\n";
        assert!(
            crate::test_support::run_without_unsafe_fixes(&SLEEP_IN_ASYNC, source)
                .fixed
                .is_some()
        );
    }

    #[test]
    fn zero_negative_and_patched_sleeps_are_reported() {
        for source in [
            "import time\nasync def f():\n    time.sleep(0)\n",
            "import time\nasync def f():\n    time.sleep(-0.5)\n",
            "import time\nasync def f():\n    time.sleep(False)\n",
            "import time\nfrom unittest import mock\nasync def f():\n    time.sleep(1)\n@mock.patch('time.sleep')\ndef test(sleep): pass\n",
            "import time\nasync def f():\n    time.sleep(1)\ntime.sleep = print\n",
            "import time\nfrom unittest import mock\nasync def f():\n    time.sleep(1)\n@mock.patch('time.monotonic', return_value=5.0)\ndef test(m): pass\n",
            "import time\nasync def f():\n    time.sleep(1)\ntime.monotonic = lambda: 0.0\n",
            "import time\nfrom freezegun import freeze_time\nasync def f():\n    time.sleep(1)\n",
            "import time\nimport asyncio\nfrom unittest import mock\nasync def f():\n    time.sleep(1)\nwith mock.patch('asyncio.sleep'):\n    pass\n",
        ] {
            check_finding(
                &SLEEP_IN_ASYNC,
                source,
                "blocking `time.sleep` call inside `async def`",
            );
        }
    }

    #[test]
    fn coroutines_driven_by_hand_make_it_unsafe() {
        check_unsafe_fix(
            &SLEEP_IN_ASYNC,
            "import time\n\nasync def f():\n    time.sleep(1)\n\ndef run(c):\n    c.send(None)\n",
            "import asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n\ndef run(c):\n    c.send(None)\n",
        );
    }

    #[test]
    fn reuses_module_alias() {
        check_safe_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio as aio\nimport time\n\nasync def f():\n    time.sleep(0.5)\n",
            "import asyncio as aio\n\nasync def f():\n    await aio.sleep(0.5)\n",
        );
    }

    #[test]
    fn from_import_alias_of_sleep() {
        check_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nfrom time import sleep as nap, time\n\nasync def f():\n    nap(1)\n    return time()\n",
            "import asyncio\nfrom time import time\n\nasync def f():\n    await asyncio.sleep(1)\n    return time()\n",
        );
    }

    #[test]
    fn keeps_time_when_still_used() {
        check_fix(
            &SLEEP_IN_ASYNC,
            "import asyncio\nimport time\n\nasync def f():\n    time.sleep(1)\n    return time.monotonic()\n",
            "import asyncio\nimport time\n\nasync def f():\n    await asyncio.sleep(1)\n    return time.monotonic()\n",
        );
    }

    #[test]
    fn uses_trio_in_a_trio_module() {
        check_fix(
            &SLEEP_IN_ASYNC,
            "import time\nimport trio\n\nasync def f():\n    time.sleep(1)\n",
            "import trio\n\nasync def f():\n    await trio.sleep(1)\n",
        );
    }

    #[test]
    fn sync_def_nested_in_coroutine_is_left_alone() {
        check_no_fix(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f():\n    def g():\n        time.sleep(1)\n    g()\n",
        );
    }

    #[test]
    fn parameter_named_time_is_not_the_module() {
        check_no_fix(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f(time):\n    time.sleep(1)\n",
        );
    }

    #[test]
    fn module_rebinding_time_is_not_the_module() {
        check_no_fix(
            &SLEEP_IN_ASYNC,
            "import time\ntime = Clock()\nasync def f():\n    time.sleep(1)\n",
        );
    }

    #[test]
    fn shadowed_asyncio_keeps_the_finding_without_fix() {
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f(asyncio):\n    time.sleep(1)\n",
            "blocking `time.sleep` call inside `async def`",
        );
    }

    #[test]
    fn value_use_is_reported_not_fixed() {
        check_finding(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f():\n    x = time.sleep(1)\n",
            "blocking `time.sleep` call inside `async def`",
        );
    }

    #[test]
    fn noqa_with_ruff_code_suppresses() {
        check_no_fix(
            &SLEEP_IN_ASYNC,
            "import time\nasync def f():\n    time.sleep(1)  # noqa: ASYNC251\n",
        );
    }

    #[test]
    fn lambda_comprehension_and_generator_are_reported() {
        let source = "import time\nasync def f():\n    cb = lambda: time.sleep(1)\n    [time.sleep(1) for _ in x]\n    any(time.sleep(1) for _ in x)\n";
        assert_eq!(
            findings(&SLEEP_IN_ASYNC, source),
            [
                "3:18 blocking `time.sleep` call inside `async def`",
                "4:6 blocking `time.sleep` call inside `async def`",
                "5:9 blocking `time.sleep` call inside `async def`",
            ]
        );
        check_no_fix(&SLEEP_IN_ASYNC, source);
    }

    #[test]
    fn sync_code_is_not_reported() {
        let source = "import time\ntime.sleep(1)\ndef f():\n    time.sleep(1)\nasync def g():\n    class C:\n        time.sleep(1)\n";
        assert!(findings(&SLEEP_IN_ASYNC, source).is_empty());
    }
}
