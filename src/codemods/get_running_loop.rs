use std::cell::OnceCell;

use crate::codemods::prelude::*;
use crate::semantic::patches::StandIn;
use crate::semantic::{ClosedRun, HandDriver};

declare_codemod! {
    /// ## What it does
    /// Turns `asyncio.get_event_loop()` called in a coroutine's body into
    /// `asyncio.get_running_loop()`. Only calls that run while the coroutine
    /// runs are rewritten: directly in the `async def`, in its blocks and in
    /// its list, set and dict comprehensions.
    ///
    /// ## Why
    /// In a coroutine, `get_event_loop()` returns the running loop, but it
    /// reads as if it might create one, and outside a coroutine it is
    /// deprecated and behaves differently across Python versions.
    /// `get_running_loop()` says what the coroutine means, and fails loudly
    /// where no loop runs instead of quietly making a new one.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def schedule(callback):
    ///     loop = asyncio.get_event_loop()
    ///     loop.call_later(1, callback)
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def schedule(callback):
    ///     loop = asyncio.get_running_loop()
    ///     loop.call_later(1, callback)
    /// ```
    ///
    /// ## Fix safety
    /// Safe. While a coroutine runs on an asyncio loop, that loop is running
    /// in its thread, and both functions return it (whatever the event loop
    /// policy, a thread's own loop, or a loop that is not the current one
    /// but runs `run_until_complete`). The module's spelling is kept
    /// (`aio.get_running_loop` under `import asyncio as aio`); a call
    /// through `from asyncio import get_event_loop` becomes
    /// `asyncio.get_running_loop()`, reusing a binding of asyncio only where
    /// it exists at run time (else `import asyncio` is added), and the
    /// import goes when nothing else uses it.
    ///
    /// Unsafe in a module that drives coroutines by hand (`coro.send(None)`,
    /// `coro.__await__()`, `coro.throw(…)`), or in a project where another
    /// file does (a runner helper, a test stepping the coroutine it
    /// imports), or in a project where a file imports a library with a loop
    /// of its own (trio, curio, twisted; anyio where some file names the
    /// `"trio"` backend; a module imported by a computed name where some
    /// file spells `"trio"`), which may run the coroutine
    /// (`trio.run(mod.main)`): there no asyncio loop may run,
    /// `get_event_loop()` makes or returns one, and `get_running_loop()`
    /// raises `RuntimeError` at once.
    /// Driving by hand also counts when the method is taken
    /// as a value or by name (`step = coro.send`, `getattr(coro, "send")`,
    /// `operator.methodcaller("send", None)`, `ctx.run(coro.send, None)`),
    /// taken from the type (`type(coro).send(coro, None)`), or called in a
    /// trampoline (`x.send(value)` in a `try` whose handler names
    /// `StopIteration`; `value = coro.send(value)`, which sends back what
    /// it got, however the end is caught — `except BaseException as e:
    /// return getattr(e, "value", None)`, `except Exception as e: return
    /// e.args[0]` — with or without `StopIteration` spelled; a generator
    /// pumped so counts too, but in the module itself for a local made by
    /// a plain generator function of the module), a lambda step (`step =
    /// lambda v: coro.send(v)`), a plain generator that delegates to a
    /// coroutine (`return (yield from coro.__await__())` anywhere but an
    /// awaitable's own `__await__` or `__iter__`), the name held in a variable
    /// (`getattr(coro, METHOD)` with `METHOD = "send"`),
    /// `operator.attrgetter("send")`, `type(coro).__dict__["send"]`,
    /// `partial(type(coro).send, coro)`, or
    /// returned by a step method in a file that has such a handler
    /// (`def step(self, value): return self.coro.send(value)` beside
    /// `while True: value = task.step(value)` under `except StopIteration`;
    /// a proxy's own `def send` that forwards to the coroutine it wraps
    /// does not count). Not seen: a `send` kept as a callback in other
    /// ways (`partial(ws.send, data)`), and a step method whose `send` is
    /// not what it returns, or whose trampoline sits in another file than
    /// the method: a socket's or a channel's `send` is kept and called so
    /// far more often than a coroutine's.
    /// Another file of the project that writes an attribute named
    /// `get_event_loop` or `get_running_loop` (by that name; a write by a name or target
    /// the code computes, `setattr(asyncio, name, f)`, `mock.patch(target)`, in a
    /// file that spells the module's name in a string, counts for every member, and so does
    /// `sys.modules["asyncio"] = shim`): a mock's patch
    /// (`mock.patch("asyncio.get_event_loop")`, `patch.object(…)`,
    /// `monkeypatch.setattr(…)`, as a test does to hand the code a stand-in
    /// loop) makes the fix unsafe, as its failure shows in that test; any
    /// other write (a compat module's `asyncio.get_event_loop = …`) leaves
    /// it without a fix, as the fixed code would silently no longer reach
    /// the stand-in. The note names the file.
    /// Code on the close path of an abandoned task reached through other
    /// functions is assumed not to rely on the loop: a coroutine awaited
    /// from a `finally:` body or from an `__aexit__`, code after
    /// an awaited coroutine of the module that itself catches
    /// `GeneratorExit` and returns. A pending task destroyed after its loop
    /// closed runs that code with no loop; asyncio already warns there
    /// ("Task was destroyed but it is pending").
    ///
    /// ## Left alone
    /// A call in a `finally:` body, a handler that may catch
    /// `GeneratorExit`, or an `async def __aexit__` (which `async with`
    /// runs on the way out of a closed coroutine too) is reported without
    /// a fix: a coroutine closed
    /// outside its loop (garbage-collected while suspended, `coro.close()`)
    /// runs that code with no loop running, where `get_event_loop()` gives
    /// a loop and `get_running_loop()` raises, an error Python only prints
    /// as ignored while the rest of the cleanup is skipped. So is a call
    /// that earlier code of the same coroutine lets run after a close: code
    /// after (or, in a loop, around) a `try` whose handler may catch
    /// `GeneratorExit` (bare, `BaseException`) and goes on, or a `with`
    /// whose exit may keep it (`suppress(GeneratorExit)`, a class of the
    /// module or project whose `__exit__` may return true, a
    /// `@contextmanager` generator of the module or project whose handler
    /// or `finally:` around its `yield` may go on, a `functools.partial` of
    /// such a manager), around code that can suspend.
    ///
    /// A module that may bind the name the call goes through behind its
    /// binding statements' backs is reported without a fix: through its
    /// namespace (`globals()["get_event_loop"] = …`, `G = globals()` kept,
    /// `exec`) or its own object (`sys.modules[__name__].X = …`,
    /// `setattr(sys.modules[__name__], "X", …)`,
    /// `importlib.import_module(__name__).X = …`, `import __main__;
    /// __main__.X = …`).
    ///
    /// Default arguments and decorators (they run when the `def` statement
    /// runs, outside the coroutine; those of functions nested in a coroutine
    /// too, to keep the rule simple); a `def`, `lambda` or class nested in the
    /// coroutine, and generator expressions, which may run later or
    /// elsewhere, where no loop runs; module-level and synchronous code
    /// (see `asyncio-run`); `asyncio` rebound locally. Reported without a
    /// fix: a module that imports trio, anyio or curio at run time (the
    /// coroutine may run without an asyncio loop; imports for type checkers
    /// only do not count), and a module that replaces or patches
    /// `asyncio.get_event_loop` or `asyncio.get_running_loop`
    /// (`mock.patch("asyncio.get_event_loop")`, `patch.object(asyncio,
    /// "get_event_loop")`, `patch.multiple(asyncio, …)`, `vars(asyncio)` or
    /// `asyncio.__dict__` written, the module object handed on or stored, a
    /// patch target the code builds or computes), whose stand-in the
    /// coroutine would stop calling.
    ///
    /// A name a star import may rebind (`from asyncio import get_event_loop`
    /// followed by `from compat import *`, which may bind its own
    /// `get_event_loop`): a star import that runs after the binding, in a
    /// loop, or before module code that calls the coroutine, leaves the
    /// name unknown.
    pub static GET_RUNNING_LOOP = Codemod {
        code: "AM101",
        name: "get-running-loop",
        min_python: PyVersion::PY37,
        safety: Applicability::Safe,
        run: get_running_loop,
        needles: &["get_event_loop"],
        requires: &["asyncio", ASYNC_DEF],
    };
}

fn get_running_loop(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let signatures = semantic.signature_ranges();
    // Module-wide facts, found on the first candidate.
    let patched = OnceCell::new();
    let project_stand_in = [OnceCell::new(), OnceCell::new()];
    for site in &semantic.calls {
        let call = site.call;
        if !is_get_event_loop_call(ctx, call, site.scope)
            || !semantic.in_async_def(site.scope)
            || signatures.contain(call.range())
        {
            continue;
        }
        let finding = out.report(
            &GET_RUNNING_LOOP,
            call.range(),
            "`asyncio.get_event_loop()` called in a coroutine",
        );
        if let Some(library) = semantic.non_asyncio_library() {
            finding.note(format!(
                "the module imports {}, so no asyncio loop may be running here",
                library.module()
            ));
            continue;
        }
        let patched = *patched.get_or_init(|| {
            semantic.may_replace("asyncio.get_event_loop")
                || semantic.may_replace("asyncio.events.get_event_loop")
                || semantic.may_replace("asyncio.get_running_loop")
                || semantic.may_replace("asyncio.events.get_running_loop")
        });
        if patched {
            finding.note(
                "the module replaces or patches `asyncio.get_event_loop`, and would no longer \
                 reach its stand-in",
            );
            continue;
        }
        // The name the call goes through may be bound behind the module's
        // statements' backs (`setattr(sys.modules[__name__],
        // "get_event_loop", …)`, `G = globals()`, `__main__.asyncio = …`),
        // or replaced from another file (`work.asyncio = fake`).
        if semantic.may_be_replaced(&call.func, "asyncio.get_event_loop", site.scope) {
            finding.note(
                "the module may bind the name it calls through behind its statements' backs \
                 (`globals()`, `sys.modules[__name__]`, `__main__`), or another file of the \
                 project may replace it as an attribute of this module, so the call may reach \
                 something else",
            );
            continue;
        }
        // A coroutine closed outside its loop (garbage-collected while
        // suspended, `coro.close()`) runs its cleanup with no loop: there
        // `get_running_loop()` raises, and the error is only printed as
        // ignored while the rest of the cleanup is skipped. Earlier code of
        // the coroutine may also catch the `GeneratorExit` of a close and
        // go on (a handler, a context manager whose exit returns true): the
        // call then runs with no loop too.
        match semantic.runs_when_closed(site.scope, call.start()) {
            Some(ClosedRun::Finally | ClosedRun::Handler) => {
                finding.note(
                    "in a `finally:` or a handler that may catch `GeneratorExit`: when the \
                     coroutine is closed outside its loop (garbage-collected, `coro.close()`), \
                     `get_running_loop()` raises there and the rest of the cleanup is skipped, \
                     silently",
                );
                continue;
            }
            Some(ClosedRun::Aexit) => {
                finding.note(
                    "in an `async def __aexit__`, which `async with` runs on the way out: when \
                     the coroutine in the block is closed outside its loop (garbage-collected, \
                     `coro.close()`), `get_running_loop()` raises there and the rest of the \
                     exit is skipped, silently",
                );
                continue;
            }
            Some(ClosedRun::AfterKept(_)) => {
                finding.note(
                    "after code that may catch the `GeneratorExit` of a close and go on (a handler \
                     catching `BaseException` or `GeneratorExit`, a context manager whose exit may \
                     return true): when the coroutine is closed outside its loop (garbage-collected, \
                     `coro.close()`), this call still runs, and `get_running_loop()` raises there",
                );
                continue;
            }
            None => {}
        }
        // Another file of the project that patches `asyncio.get_event_loop`
        // (a test handing this code a stand-in loop) would no longer reach
        // its stand-in: loud in the test, as a rule, so unsafe; a file that
        // replaces it for good (a compat layer) would silently no longer
        // apply here, so no fix.
        // A call through `asyncio.events` reaches what is written there
        // (`asyncio.events.get_event_loop = traced`), not `asyncio`'s own
        // name, bound once at import.
        let through_events = semantic
            .qualified_name(&call.func, site.scope)
            .is_some_and(|q| q.as_str() == "asyncio.events.get_event_loop");
        let stand_in = project_stand_in[usize::from(through_events)]
            .get_or_init(|| {
                let names: &[&str] = if through_events {
                    &[
                        "asyncio.events.get_event_loop",
                        "asyncio.events.get_running_loop",
                    ]
                } else {
                    &["asyncio.get_event_loop", "asyncio.get_running_loop"]
                };
                semantic.stand_in(
                    names,
                    "with `get_running_loop()` this code would reach the running loop instead",
                )
            })
            .clone();
        // `get_running_loop()` raises where no loop runs, at once.
        let (applicability, finding) = match stand_in {
            Some(StandIn::Replaced(note)) => {
                finding.note(note);
                continue;
            }
            Some(StandIn::Mocked(note)) => (Applicability::Unsafe, finding.note(note)),
            // Where coroutines are driven by hand (by the module or by
            // another file of the project it may be handed to), no loop
            // runs: `get_event_loop()` makes one, `get_running_loop()`
            // raises.
            None => match semantic.hand_driver() {
                Some(HandDriver::Module) => (Applicability::Unsafe, finding),
                Some(driver @ (HandDriver::File(_) | HandDriver::Library(_))) => (
                    Applicability::Unsafe,
                    finding.note(format!(
                        "{}: where no loop runs, `get_running_loop()` raises",
                        driver.describe()
                    )),
                ),
                None => (Applicability::Safe, finding),
            },
        };
        finding.fix_with(applicability, |fix| {
            match call.func.as_ref() {
                // `asyncio.get_event_loop`, `aio.get_event_loop`,
                // `asyncio.events.get_event_loop`: the same module has both.
                Expr::Attribute(attribute) => {
                    fix.replace(attribute.attr.range(), "get_running_loop");
                }
                func => {
                    let name = fix.ensure_import("asyncio", "get_running_loop")?;
                    fix.replace(func.range(), name);
                    fix.remove_import_if_unused(func);
                }
            }
            fix.title("Replace with `asyncio.get_running_loop()`");
            Ok(())
        });
    }
}

/// Whether `call` is `asyncio.get_event_loop()`, under any import spelling,
/// with no arguments.
pub(crate) fn is_get_event_loop_call(
    ctx: &Context,
    call: &ast::ExprCall,
    scope: crate::semantic::ScopeId,
) -> bool {
    call.arguments.args.is_empty()
        && call.arguments.keywords.is_empty()
        && ctx
            .semantic
            .qualified_name(&call.func, scope)
            .is_some_and(|q| {
                matches!(
                    q.as_str(),
                    "asyncio.get_event_loop" | "asyncio.events.get_event_loop"
                )
            })
}

#[cfg(test)]
mod tests {
    use super::GET_RUNNING_LOOP;
    use crate::test_support::{
        check_finding, check_fix, check_no_fix, check_safe_fix, check_unsafe_fix, findings,
    };

    #[test]
    fn assignment_in_coroutine() {
        check_safe_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_event_loop()\n    return loop\n",
            "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    return loop\n",
        );
    }

    #[test]
    fn keeps_module_alias_and_chained_use() {
        check_fix(
            &GET_RUNNING_LOOP,
            "import asyncio as aio\n\nasync def f(cb):\n    aio.get_event_loop().call_soon(cb)\n",
            "import asyncio as aio\n\nasync def f(cb):\n    aio.get_running_loop().call_soon(cb)\n",
        );
    }

    #[test]
    fn from_import_becomes_module_call_and_import_goes() {
        check_fix(
            &GET_RUNNING_LOOP,
            "from asyncio import get_event_loop\n\nasync def f():\n    return get_event_loop()\n",
            "import asyncio\n\nasync def f():\n    return asyncio.get_running_loop()\n",
        );
    }

    #[test]
    fn from_import_alias_reuses_the_module_binding() {
        check_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\nfrom asyncio import get_event_loop as gel\n\nasync def f():\n    return gel()\n\ndef g():\n    return gel()\n",
            "import asyncio\nfrom asyncio import get_event_loop as gel\n\nasync def f():\n    return asyncio.get_running_loop()\n\ndef g():\n    return gel()\n",
        );
    }

    #[test]
    fn list_comprehension_runs_in_the_coroutine() {
        check_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f(xs):\n    return [asyncio.get_event_loop() for _ in xs]\n",
            "import asyncio\n\nasync def f(xs):\n    return [asyncio.get_running_loop() for _ in xs]\n",
        );
    }

    #[test]
    fn async_def_nested_in_sync_def() {
        check_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\ndef make():\n    async def inner():\n        return asyncio.get_event_loop()\n    return inner\n",
            "import asyncio\n\ndef make():\n    async def inner():\n        return asyncio.get_running_loop()\n    return inner\n",
        );
    }

    #[test]
    fn default_argument_is_left_alone() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f(loop=asyncio.get_event_loop()):\n    return loop\n",
        );
    }

    #[test]
    fn default_argument_of_nested_def_is_left_alone() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f():\n    def g(loop=asyncio.get_event_loop()):\n        return loop\n    return g\n",
        );
    }

    #[test]
    fn decorator_is_left_alone() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\n@register(asyncio.get_event_loop())\nasync def f():\n    pass\n",
        );
    }

    #[test]
    fn nested_sync_def_lambda_and_class_are_left_alone() {
        let source = "import asyncio\n\nasync def f():\n    def g():\n        return asyncio.get_event_loop()\n    h = lambda: asyncio.get_event_loop()\n    class C:\n        loop = asyncio.get_event_loop()\n    return g, h, C\n";
        check_no_fix(&GET_RUNNING_LOOP, source);
        assert!(findings(&GET_RUNNING_LOOP, source).is_empty());
    }

    #[test]
    fn generator_expression_is_left_alone() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f(xs):\n    return (asyncio.get_event_loop() for _ in xs)\n",
        );
    }

    #[test]
    fn sync_code_is_left_alone() {
        let source = "import asyncio\n\nloop = asyncio.get_event_loop()\n\ndef f():\n    return asyncio.get_event_loop()\n";
        check_no_fix(&GET_RUNNING_LOOP, source);
        assert!(findings(&GET_RUNNING_LOOP, source).is_empty());
    }

    #[test]
    fn parameter_named_asyncio_is_not_the_module() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f(asyncio):\n    return asyncio.get_event_loop()\n",
        );
    }

    #[test]
    fn local_function_of_the_same_name_is_not_asyncio() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "def get_event_loop():\n    return None\n\nasync def f():\n    return get_event_loop()\n",
        );
    }

    #[test]
    fn shadowed_asyncio_keeps_the_finding_without_fix() {
        check_finding(
            &GET_RUNNING_LOOP,
            "from asyncio import get_event_loop\n\nasync def f(asyncio):\n    return get_event_loop()\n",
            "`asyncio.get_event_loop()` called in a coroutine",
        );
    }

    #[test]
    fn trio_module_is_reported_without_fix() {
        check_finding(
            &GET_RUNNING_LOOP,
            "import asyncio\nimport trio\n\nasync def f():\n    return asyncio.get_event_loop()\n",
            "`asyncio.get_event_loop()` called in a coroutine",
        );
    }

    #[test]
    fn imports_that_do_not_run_are_not_reused() {
        // asyncio for type checkers only, and trio likewise: an asyncio module.
        check_safe_fix(
            &GET_RUNNING_LOOP,
            "from asyncio import get_event_loop
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import asyncio
    import trio

async def f():
    return get_event_loop()
",
            "import asyncio
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import asyncio
    import trio

async def f():
    return asyncio.get_running_loop()
",
        );
        // One branch of a try binds asyncio to something else: no fix.
        check_finding(
            &GET_RUNNING_LOOP,
            "from asyncio import get_event_loop
try:
    import uvloop as asyncio
except ImportError:
    asyncio = None

async def f():
    return get_event_loop()
",
            "`asyncio.get_event_loop()` called in a coroutine",
        );
    }

    #[test]
    fn curio_module_is_reported_without_fix() {
        check_finding(
            &GET_RUNNING_LOOP,
            "import asyncio
import curio

async def f():
    return asyncio.get_event_loop()
",
            "`asyncio.get_event_loop()` called in a coroutine",
        );
    }

    #[test]
    fn patched_get_event_loop_is_reported_without_fix() {
        for patch in [
            "mock.patch('asyncio.get_event_loop')",
            "mock.patch.object(asyncio, 'get_event_loop')",
            "setattr(asyncio, 'get_event_loop', fake)",
        ] {
            check_finding(
                &GET_RUNNING_LOOP,
                &format!(
                    "import asyncio
from unittest import mock

async def f():
    return asyncio.get_event_loop()

def test():
    with {patch}:
        pass
"
                ),
                "`asyncio.get_event_loop()` called in a coroutine",
            );
        }
    }

    #[test]
    fn coroutines_driven_by_hand_make_it_unsafe() {
        check_unsafe_fix(
            &GET_RUNNING_LOOP,
            "import asyncio

async def f():
    return asyncio.get_event_loop()

def run(c):
    c.send(None)
",
            "import asyncio

async def f():
    return asyncio.get_running_loop()

def run(c):
    c.send(None)
",
        );
    }

    #[test]
    fn code_a_close_may_still_reach_is_left_alone() {
        for source in [
            // An exit that returns true keeps the `GeneratorExit` of a close.
            "import asyncio\nclass Quiet:\n    def __enter__(self): return self\n    def __exit__(self, *exc): return True\nasync def f():\n    with Quiet():\n        await asyncio.sleep(1)\n    return asyncio.get_event_loop()\n",
            "import asyncio, contextlib\nasync def f():\n    with contextlib.suppress(GeneratorExit):\n        await asyncio.sleep(1)\n    return asyncio.get_event_loop()\n",
            "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except BaseException:\n        pass\n    return asyncio.get_event_loop()\n",
            "import asyncio, contextlib\nasync def f():\n    with contextlib.ExitStack() as stack:\n        stack.push(lambda *exc: True)\n        await asyncio.sleep(1)\n    return asyncio.get_event_loop()\n",
            "import asyncio\nfrom contextlib import suppress as quiet\nasync def f():\n    with quiet(GeneratorExit):\n        await asyncio.sleep(1)\n    return asyncio.get_event_loop()\n",
            // The next iteration runs after the block.
            "import asyncio\nasync def f():\n    while True:\n        print(asyncio.get_event_loop())\n        try:\n            await asyncio.sleep(1)\n        except GeneratorExit:\n            pass\n",
            // Nested in a block that comes after.
            "import asyncio\nasync def f(x):\n    try:\n        await asyncio.sleep(1)\n    except:\n        pass\n    if x:\n        return asyncio.get_event_loop()\n",
        ] {
            check_no_fix(&GET_RUNNING_LOOP, source);
            let reasons = crate::test_support::reasons(&GET_RUNNING_LOOP, source);
            assert!(
                reasons
                    .iter()
                    .any(|r| r.contains("`GeneratorExit` of a close")),
                "{source}: {reasons:?}"
            );
        }
        // Exits that let every exception through, handlers that do not
        // catch `GeneratorExit` or re-raise it, code with no suspension.
        for source in [
            "import asyncio\nclass Loud:\n    def __enter__(self): return self\n    def __exit__(self, *exc): return None\nasync def f():\n    with Loud():\n        await asyncio.sleep(1)\n    return asyncio.get_event_loop()\n",
            "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except Exception:\n        pass\n    return asyncio.get_event_loop()\n",
            "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except BaseException:\n        raise\n    return asyncio.get_event_loop()\n",
            "import asyncio\nasync def f():\n    try:\n        print(1)\n    except BaseException:\n        pass\n    return asyncio.get_event_loop()\n",
            "import asyncio\nasync def f():\n    loop = asyncio.get_event_loop()\n    try:\n        await asyncio.sleep(1)\n    except BaseException:\n        pass\n    return loop\n",
        ] {
            let fixed = crate::test_support::run(&GET_RUNNING_LOOP, source).fixed;
            assert!(
                fixed.is_some_and(|f| f.contains("get_running_loop()")),
                "{source}"
            );
        }
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &GET_RUNNING_LOOP,
            "import asyncio\n\nasync def f():\n    return asyncio.get_event_loop()  # noqa: AM101\n",
        );
    }
}
