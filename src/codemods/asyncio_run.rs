use ruff_python_ast::helpers::any_over_expr;
use ruff_python_ast::token::TokenKind;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::codemods::prelude::*;
use crate::fix::Edit;
use crate::fix::FixBuilder;
use crate::fix::layout::{line_start, previous_line};
use crate::fix::statements::{Comments, delete_lines, delete_statements, unwrap_block};
use crate::fix::syntax::{comments_in, find_token};
use crate::semantic::coroutines::CallResult;
use crate::semantic::once::Repeats;
use crate::semantic::project::ProjectModule;
use crate::semantic::scope::MODULE_SCOPE;
use crate::semantic::statements::{single_assignment, statement_value};
use crate::semantic::{ScopeId, ScopeKind, ScopeNode, SemanticModel, Suite, UseKind};

declare_codemod! {
    /// ## What it does
    /// Replaces an event loop that synchronous code creates, runs and closes
    /// by hand with `asyncio.run(c)`. Both
    /// `asyncio.get_event_loop().run_until_complete(c)` and `loop =
    /// asyncio.get_event_loop()` (or `asyncio.new_event_loop()`, with an
    /// optional `asyncio.set_event_loop(loop)`) followed by `[x =]
    /// loop.run_until_complete(c)` become `[x =] asyncio.run(c)`; the setup and
    /// teardown statements (`loop.run_until_complete(loop.shutdown_asyncgens())`,
    /// `loop.close()`) disappear, a `finally` that only closed the loop goes,
    /// and a `try` left with no handler is unwrapped.
    ///
    /// ## Why
    /// `asyncio.run` (Python 3.7) is the one supported way to run a coroutine
    /// from synchronous code. Besides creating and closing a loop, it cancels
    /// the tasks still pending, finalizes async generators and shuts the
    /// default executor down, which hand-written loop code usually forgets;
    /// `asyncio.get_event_loop()` without a running loop is deprecated since
    /// Python 3.10 and an error since 3.14.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def main():
    ///     await asyncio.sleep(1)
    ///
    /// if __name__ == "__main__":
    ///     loop = asyncio.get_event_loop()
    ///     try:
    ///         loop.run_until_complete(main())
    ///     finally:
    ///         loop.close()
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def main():
    ///     await asyncio.sleep(1)
    ///
    /// if __name__ == "__main__":
    ///     asyncio.run(main())
    /// ```
    ///
    /// ## Fix safety
    /// Safe only where the code runs once per process and `asyncio.run`
    /// does what the code did; unsafe where it may run many times; left
    /// alone where it would silently run the coroutine on another loop.
    ///
    /// - Once per process: module-level code (the `if __name__ ==
    ///   "__main__":` block too, not inside a loop), or a plain function
    ///   called from exactly one place that itself runs once, not decorated,
    ///   not a method, not passed on or stored, not in `__all__`, and that
    ///   no other module can import: one defined inside the main-guard block
    ///   or nested in such a function. A function defined at module level
    ///   may be imported and called by other modules, so it is unsafe
    ///   there, unless `[project.scripts]` (or Poetry's scripts) names it
    ///   and no other file of the project names it: the installed script
    ///   calls an entry point once per process (see Project index), but
    ///   `app/__main__.py` calling it in a loop does not. A module that
    ///   some file of the project may run again (`runpy.run_module` of it,
    ///   or of its package for a `__main__.py`, `runpy.run_path`,
    ///   `importlib.reload` under any name, `test.support.import_helper
    ///   .import_fresh_module` of it (of any module, with `fresh=`), its
    ///   source run by `exec`
    ///   (under any name), `eval` or `compile` of it, `types.FunctionType`
    ///   of its code or the `code` module's interpreters, a loader's
    ///   `exec_module` or `load_module`, `imp.load_source`, IPython's
    ///   `%run` (a notebook's line, `run_cell("%run …")`,
    ///   `run_line_magic("run", …)`, `magic("run …")`) and
    ///   `safe_execfile`, `test.support.import_helper.CleanImport` of it,
    ///   taking it out of `sys.modules` with `del`, `pop` or `clear` before
    ///   the next import, `reload` of a module of the project on a receiver
    ///   the index cannot name (`__import__("importlib").reload(app.tool)`);
    ///   by a name the index cannot read, of any module), in a
    ///   test say, runs none of its code once per process,
    ///   the main-guard block included: unsafe. A notebook's code cells count
    ///   as a file of the project does. (Source or code handed to
    ///   `exec`, `compile` (in any mode but `"eval"`), `eval`,
    ///   `FunctionType` or a `code` interpreter, on a line that names no
    ///   `.py` file, counts for any module only in a file that reads some
    ///   source or code, `open(…)`, `Path.read_text()`, a loader's
    ///   `get_source`/`get_code`, `inspect.getsource`, `marshal.load`,
    ///   `fileinput`; and
    ///   `eval` only where the file reads code objects: code a file builds
    ///   itself, a template filled in or a function's `__code__`, is
    ///   assumed to run no module of the project again. A loader's
    ///   `exec_module` reads the module's source itself: it counts in any
    ///   file, but for an import hook's own `def exec_module` and its
    ///   `super().exec_module(…)`.)
    ///   Elsewhere (a synchronous facade such as
    ///   `def fetch_sync(x): return loop.run_until_complete(fetch(x))`),
    ///   `asyncio.run` makes and closes a new loop per call: anything cached
    ///   against the first loop fails on the second call (`Event loop is
    ///   closed`, "attached to a different loop"), and tasks that kept
    ///   running on a shared `get_event_loop()` loop between calls are now
    ///   cancelled at the end of each: unsafe.
    /// - `asyncio.run` accepts only a coroutine (a future or task raises
    ///   `ValueError`). The argument must be a call the semantic layer knows
    ///   returns one: an `async def` of the module, a method of the class on
    ///   `self`, a plain `def` of the module that returns such a call,
    ///   asyncio's coroutine functions. A call it does not know (an imported
    ///   function, a method of another object, a decorated `async def`) gets
    ///   an unsafe fix: if it returns a future or another awaitable
    ///   (`websockets.serve(...)`), `asyncio.run` raises `ValueError` at
    ///   once. Futures and tasks (`gather`, `ensure_future`, `shield`,
    ///   `create_task`, `run_in_executor`, `wrap_future`, …), variables,
    ///   builtins and classes are left alone.
    /// - The coroutine is now created before the loop exists. An argument
    ///   that calls into asyncio (and would bind to another loop) is left
    ///   alone; so is, when the code made its loop current first
    ///   (`get_event_loop()`, `set_event_loop(loop)`), an argument that calls
    ///   anything but builtins and the module's `async def`s (a client's
    ///   constructor may have bound to that loop).
    /// - What synchronous code made before the run is bound to the loop
    ///   current then, not to the one `asyncio.run` makes: a module whose
    ///   synchronous code (at import time or in any plain function) makes a
    ///   future or task or schedules work (`asyncio.Future()`,
    ///   `ensure_future`, `gather`, `shield`, `create_task`, `wrap_future`,
    ///   `as_completed`, a `StreamReader`) is left alone. So are queues,
    ///   locks, events, conditions and semaphores made there when the
    ///   target is older than Python 3.10: until 3.10 they took
    ///   `get_event_loop()` when created; from 3.10 they bind on first use,
    ///   inside the run.
    ///   Named as a value there (`Fut = asyncio.Future`, a base class,
    ///   `defaultdict(asyncio.Future)`, a dataclass's `default_factory`,
    ///   `current = asyncio.get_event_loop`), any asyncio member but the
    ///   exceptions, predicates and abstract classes keeps the code as it
    ///   is too: whatever calls it is not seen.
    /// - Afterwards the thread has no current event loop, so a later
    ///   `asyncio.get_event_loop()` raises where it returned the old loop. In
    ///   a module that gets, sets or creates event loops anywhere else in
    ///   synchronous code (or runs one with `asyncio.run` or
    ///   `asyncio.Runner`, after which `get_event_loop()` raises),
    ///   nothing is rewritten; a loop made only with
    ///   `new_event_loop()` and never made current tolerates other
    ///   `new_event_loop()` calls. A lambda in a coroutine counts as
    ///   synchronous code here: it runs whenever it is called, after the
    ///   run too (an `atexit` callback). A run at the top level of a module
    ///   that its import runs (not under the main guard) is left alone
    ///   when a module of the project that may import it (naming it, or
    ///   naming a module that may import it, in turn) gets, makes, sets or
    ///   runs an event loop anywhere: the loop it made current (and
    ///   scheduled tasks on) is the one the code ran on, and the one it
    ///   asks for afterwards is the one the code left current; `asyncio.run`
    ///   runs on a loop of its own and leaves none. Code of libraries is not
    ///   seen: a library that calls `get_event_loop()` after the run (in an
    ///   `atexit` handler, say) now raises `RuntimeError`.
    /// - `asyncio.run` closes its loop and leaves none current. Where the
    ///   code never closes its own (the chained form, or no
    ///   `loop.close()`), code that runs after the run may still use it
    ///   (`atexit.register(lambda: loop.run_until_complete(client.close()))`
    ///   in a coroutine), and would now find it closed, or no current loop.
    ///   Such code runs in too many ways to list (at exit, in a finalizer
    ///   or a weakref callback, in a suspended generator's `finally:`, in a
    ///   signal handler, a thread or a pool's worker, a logging handler's
    ///   `close()` at shutdown, a `gc` callback, a helper the script calls
    ///   after the run), so the rule is on what it could use: the fix is
    ///   unsafe when another file of the project has code that may use an
    ///   event loop outside a run of one: synchronous code (a lambda in a
    ///   coroutine included) that calls asyncio, but for what takes any
    ///   loop or none (`asyncio.run`, `new_event_loop`, `set_event_loop`,
    ///   exceptions, predicates), or calls a loop's method by its name
    ///   (`call_soon_threadsafe`, `run_until_complete`, `call_later`, …) on
    ///   anything but a loop it made with `new_event_loop()`, or a policy's
    ///   `get_event_loop()` on what no import names
    ///   (`sys.modules["asyncio"].get_event_loop()`);
    ///   `run_coroutine_threadsafe` anywhere; or a coroutine that hands the
    ///   loop it gets (`get_running_loop()`, `get_event_loop()`) on,
    ///   passing it to a call or storing it anywhere but a local name, or
    ///   taking one of its methods as a value (`loop.call_soon_threadsafe`
    ///   handed to a thread, kept in a global, wrapped in a `partial`),
    ///   where calling its methods keeps it in the run; a function that
    ///   hands a registry of the process (`atexit.register`,
    ///   `signal.signal`, `weakref.finalize`, `threading._register_atexit`,
    ///   `sys.addaudithook`, a thread's `target`) a callback holding its
    ///   own state (a lambda, `fut.cancel` of a local, a `partial`, a local
    ///   name; a module-level function is read as its own code); or, in a file that
    ///   starts threads or registers exit-time code, a coroutine that
    ///   stores into module or class state what asyncio gave it (a future,
    ///   a task, a stream, `current_task().get_loop()`). A project whose other
    ///   files use no loop so keeps the safe fix, threads, finalizers and
    ///   signal handlers included. In the module itself, registering code to
    ///   run at exit (`atexit`, `weakref.finalize`,
    ///   `threading._register_atexit`) or starting threads (`Thread`,
    ///   `threading.Timer`, a `ThreadPoolExecutor`, `ThreadPool` or
    ///   `multiprocessing.dummy.Pool`, a `QueueListener`,
    ///   `start_new_thread`), under any name an import gives them, or
    ///   handing a registry a callback that holds a function's state as
    ///   above (`signal.signal(SIG, lambda *a: fut.cancel())`), leaves the
    ///   code alone; its other loop uses are refused as above.
    /// - `asyncio.run` shuts the default executor down and waits for its
    ///   work before it returns. Work the module starts there and does not
    ///   wait for (`loop.run_in_executor(None, poll)` or
    ///   `create_task(asyncio.to_thread(poll))` as a statement of its own,
    ///   not awaited) ran on while the code after `run_until_complete`
    ///   went on; now that code waits for it, forever when it is what
    ///   stops the work (`STOP.set()`): the code is left alone.
    /// - Objects the run made outlive it. What the run gives back is
    ///   decided by what the coroutine returns: plain data (a literal
    ///   string, bytes, number, bool or `None`, an f-string, a tuple, list,
    ///   set or dict of plain data, an operation on plain data, `len()` or
    ///   `bool()` of anything, a local variable only ever assigned plain
    ///   data, a parameter the call gives plain data, the awaited result of
    ///   another such coroutine of the module, an instance of a class of the
    ///   module (a dataclass too) with no base, made from plain data, whose
    ///   methods set its attributes only to plain data or `__init__`'s
    ///   parameters and read nothing of asyncio; for an `async def` of
    ///   another project module, its summary in the index says) cannot hold
    ///   the loop, and may be used in any way after the run. Anything else
    ///   may be a future or task, a bound method of the loop
    ///   (`get_running_loop().call_soon`), a closure or `functools.partial`
    ///   over it, or a container of those: any use of it after the run
    ///   (read through the name it is bound to, by the run's own code or any
    ///   function that reads the global, passed on as in
    ///   `use(loop.run_until_complete(main()))`, iterated, bound by `:=`,
    ///   stored in an attribute or item) makes the fix unsafe, since it
    ///   would now find the loop closed (`Event loop is closed`). A run that
    ///   is a statement of its own, or whose result is bound and never read,
    ///   keeps the fix safe. The code after the run (in the
    ///   run's own function or block) that calls a method of module or
    ///   class state a coroutine of the module stores into (assigned
    ///   through `global`, an item or attribute set, `append`, `add`,
    ///   `update`, `put_nowait`, …), or of what the code binds from it
    ///   after the run (`for w in CONNS: w.close()`, `KEEP[0].cancel()`),
    ///   makes the fix unsafe too: `w.close()` of a stream bound to the
    ///   closed loop now raises. Reading such state as plain data
    ///   (`len(KEPT)`) keeps the fix safe, and so does state a coroutine
    ///   only reads (a logger).
    /// - Ctrl-C. Before, Python's default handler raises `KeyboardInterrupt`
    ///   at once wherever the program is, blocking code in the coroutine
    ///   included; it goes through the coroutine's `finally:` blocks and out
    ///   of `run_until_complete`, and other tasks are abandoned. From Python
    ///   3.11 `asyncio.run` puts its own handler in place while it runs (in
    ///   the main thread, when the default one is there): the first Ctrl-C
    ///   cancels the coroutine, which gets `CancelledError` at the `await`
    ///   it waits at, or at its next one: blocking code (`time.sleep`, a long
    ///   computation) runs on to there, to the coroutine's end if it has no
    ///   more `await`. When that cancellation comes back out, `asyncio.run`
    ///   cancels the other tasks, finalizes async generators, shuts the
    ///   executor down and raises `KeyboardInterrupt`, which an `except
    ///   KeyboardInterrupt:` around it still catches; a second Ctrl-C raises
    ///   it at once. The later delivery is accepted (it is how `asyncio.run`
    ///   stops a program). But a coroutine that catches its cancellation and
    ///   returns (`except CancelledError: print("server stopped")`) now makes
    ///   `asyncio.run` return normally: no `KeyboardInterrupt` for the
    ///   handler around it, the code after the run goes on, and the exit
    ///   status is 0 instead of 130. So the fix is safe only when the
    ///   coroutine surely lets its cancellation out: an `async def` of the
    ///   module (or asyncio's own coroutine) whose body, and the bodies of
    ///   the module's functions it calls (awaited, made a task, entered,
    ///   iterated; to a bounded depth), has no handler around code that can
    ///   suspend that may catch `CancelledError` and does not end in `raise`
    ///   (`except CancelledError:`, `except BaseException:`, bare
    ///   `except:`, a tuple holding one, a class the module cannot resolve,
    ///   a class or tuple imported from a project module that holds one;
    ///   `except Exception:` when the target is older than 3.8), no
    ///   `return`, `break` or `continue` in a `finally:`, and no context
    ///   manager that may suppress it or raise another exception in its
    ///   place (`suppress(CancelledError)` or a subclass of `suppress`
    ///   given it, a class whose `__exit__` or `__aexit__` may return true
    ///   or raise, its own or one of its bases' wherever they are defined,
    ///   or whose base the analysis cannot follow, an exit stack given such
    ///   a callback or manager; see AM003), no decorated function whose
    ///   wrapper may be a coroutine of its module that keeps it, and no
    ///   coroutine of another project module whose summary says it may
    ///   keep it (see AM003); otherwise unsafe. A handler or `finally:`
    ///   that raises another exception (a `raise`, an `assert`, a call of
    ///   the module's or the project's code that may raise, a class
    ///   constructed there whose constructor may, an attribute read there
    ///   that a raising property getter of that name of any class of the
    ///   project may answer) keeps it too: the run
    ///   ends in that exception's traceback. An exception raised by
    ///   accident in such cleanup (`1/0`, a `KeyError` of `d[k]`, a local
    ///   left unbound, an attribute of `None`, a library's function that
    ///   raises) is not looked for: before the fix the `KeyboardInterrupt`
    ///   reached the handler around `run_until_complete` and that error
    ///   showed only later, as an exception ignored when the abandoned
    ///   coroutine was closed; after it the run ends with that error's
    ///   traceback. An explicit `raise`, an `assert`, or a call to
    ///   project code that raises is looked for. A library's coroutines that
    ///   it awaits are taken to let it out. Before 3.11 `asyncio.run` let the
    ///   `KeyboardInterrupt` through as the code did, after cancelling the
    ///   remaining tasks.
    /// - As `asyncio.run` always does, before it returns: tasks still
    ///   pending when the coroutine returns are cancelled (their `finally`
    ///   blocks run) instead of being abandoned with the loop, async
    ///   generators are finalized, and the default executor is shut down and
    ///   waited for. So this cleanup now happens before the statement that
    ///   uses the result (`print(loop.run_until_complete(main()))`) and
    ///   before an `except KeyboardInterrupt:` handler runs. Where the code
    ///   runs a statement after the run and before any teardown call it wrote
    ///   (`loop.close()`, `shutdown_asyncgens()`,
    ///   `shutdown_default_executor()`, `set_event_loop(None)`), in the rest
    ///   of the `try`'s body, its `else:`, its `finally:` or after it
    ///   (`print(x)` before `loop.close()`), it is left alone: that order was
    ///   chosen, and `asyncio.run` would do all of its cleanup before that
    ///   statement.
    ///
    /// Comments on removed statements stay where the statements were.
    ///
    /// ## Left alone
    /// A loop also used for anything else: `run_forever`, `call_soon`, signal
    /// handlers, `set_debug`, `set_exception_handler`, a second
    /// `run_until_complete`, passed on, returned, deleted, declared `global`
    /// or read by another function, or (a module-level loop) by another
    /// module of the project: imported (`from main import loop`), or read
    /// through the program's main module (`import __main__`,
    /// `sys.modules["__main__"].loop`), which reaches any file but a
    /// package's `__init__`; statements between the loop's creation
    /// and `run_until_complete`, or that run after it and before any of the
    /// loop's teardown (in the `try`'s body, `else:` or `finally:`, or
    /// between statements);
    /// loop teardown in an `except` handler; a loop
    /// held in an attribute (`self.loop`, `cls.loop`); loop management
    /// elsewhere in the module (a lambda in a coroutine included), or in a
    /// module of the project that may import this one when the run happens
    /// at its import; a loop the code leaves open where the module
    /// registers code to run at exit or starts threads; objects bound to the
    /// loop outside coroutines (see above); anything inside an `async def`.
    ///
    /// ## Project index
    /// The project index (SPEC §4) answers what the module cannot show.
    /// `from app.server import main` … `loop.run_until_complete(main())`
    /// needs no unknown call when `main` is an `async def` of the project
    /// (or of an installed package the index reads) that nothing replaces;
    /// unsafe when the index cannot follow the name; left alone when it
    /// shows the call returns no coroutine (an async generator, a plain
    /// `def` that returns nothing). Without an environment, the built-in
    /// table of well-known libraries answers for theirs
    /// (`websockets.serve(...)` returns an awaitable that is no coroutine:
    /// left alone). A function that `[project.scripts]` names, and no other
    /// project file names, runs once per process.
    ///
    /// Importing a module runs its code, which may bind objects to the loop
    /// current then, and so may code this module runs outside the
    /// coroutine. Proving that arbitrary code leaves the loop alone is not
    /// possible (imports in branches or of packages, dynamic loading,
    /// `exec`, dunder methods, decorator factories); proving that simple
    /// code runs nothing is. So the fix is safe (where everything else
    /// allows) only when:
    ///
    /// - every import of the module (anywhere in it), and every package the
    ///   module itself sits in, is of the standard library (no project
    ///   module standing in for it) or of a *quiet* project module: one
    ///   whose import runs only imports of quiet or standard modules
    ///   (`import a.b` runs `a` too, `from a import b` runs `a.b` when it is
    ///   a module), `def`s and `async def`s without decorators whose
    ///   defaults and annotations (unless `from __future__ import
    ///   annotations` defers them) call nothing, classes without decorators
    ///   or keywords whose bases are `object`, exceptions, the standard
    ///   enums (whose bodies define no `__init__`, `__new__` or
    ///   `_generate_next_value_`, which making the members calls), typing's
    ///   `Generic[…]`, `Protocol`, `NamedTuple` and `TypedDict`, `abc.ABC`,
    ///   or classes of quiet modules, whose bodies hold only that and that bind no
    ///   class hook (`__init_subclass__`, `__class_getitem__`, …),
    ///   assignments to names of literals, names, attribute reads and
    ///   operators, docstrings, `pass` and `if TYPE_CHECKING:` blocks.
    ///   "Call nothing" and "without decorators" leave out the standard
    ///   library's calls that run no code of the project and touch no loop,
    ///   given arguments that call nothing else: `logging.getLogger`,
    ///   `os.environ.get`, `os.getenv`, `re.compile`,
    ///   `collections.namedtuple`, `typing.TypeVar`, `NewType`,
    ///   `dataclasses.field` (a `default_factory` is only stored),
    ///   `functools.partial`, `pathlib.Path`, `enum.auto`, `object()`, …;
    ///   and decorators that only wrap or record what they decorate:
    ///   `@dataclass` (with literal arguments too), `@property` and its
    ///   `setter`, `@staticmethod`, `@classmethod`, `@functools.lru_cache`,
    ///   `@functools.wraps`, `@abstractmethod`, `@contextmanager`,
    ///   `@typing.overload`, …. A call, a
    ///   comprehension, a `try`, `if`, loop or `with`, a star import, a
    ///   module `__getattr__`, a cycle of imports, a module the index cannot
    ///   read, a library, or a file of the project that changes `sys.path`
    ///   make a module not quiet, and the message names the module and
    ///   line;
    /// - the coroutine function run is an `async def` the index shows;
    /// - the module's synchronous code (outside coroutines, before or after
    ///   the run, the run's arguments included) names nothing of the
    ///   project but its coroutine functions and *quiet functions* (plain
    ///   `def`s without decorators, with literal defaults, whose bodies read
    ///   no name of their module but standard imports and call only
    ///   builtins and standard functions that bind no loop), nothing that
    ///   loads or runs code it does not show (`exec`, `getattr`,
    ///   `importlib`, `sys.modules`, `pickle`, `gc`, a special attribute such
    ///   as `builtins.__dict__`, …), no name a star import may bind, and
    ///   writes no attribute of an imported module
    ///   (`typing.TYPE_CHECKING = True`). The module's own functions and
    ///   classes are read as part of it.
    ///
    /// Otherwise the fix is unsafe, and the message names what is not
    /// proven quiet. Where the index finds code that binds the loop, the
    /// message names it: code run at import (its top level, a class body, a
    /// decorator, a comprehension there, a class statement's metaclass and
    /// `__init_subclass__`, or a project module it imports in turn) that
    /// calls, or passes on to be called
    /// (`field(default_factory=asyncio.Future)`), any asyncio function but
    /// the few that touch no loop, anything of a well-known async library,
    /// or a plain function or class of the project whose call may do so.
    /// The message also names what the finding rests on: "`main` is an
    /// `async def` in `app/server.py:4`", the entry point.
    ///
    /// A coroutine function a star import may rebind (`from app.jobs import
    /// main` followed by `from app.legacy import *`, whose `main` may return
    /// a future): a star import that runs after the binding, in a loop, or
    /// before module code that calls into the module, leaves the name
    /// unknown.
    pub static ASYNCIO_RUN = Codemod {
        code: "AM002",
        name: "asyncio-run",
        min_python: PyVersion::PY37,
        safety: Applicability::Safe,
        run: asyncio_run,
        needles: &["run_until_complete"],
        requires: &["asyncio"],
    };
}

const MESSAGE: &str = "event loop run by hand where `asyncio.run` would do";

/// What a call does to the thread's event loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoopCallKind {
    /// `get_event_loop()`: the current loop, made on first use.
    Current,
    /// `new_event_loop()` or a loop class: a fresh loop.
    New,
    /// `set_event_loop(…)`: makes a loop current.
    Set,
}

/// A call in synchronous code that gets, makes or sets an event loop.
#[derive(Debug, Clone, Copy)]
struct LoopCall {
    start: TextSize,
    kind: LoopCallKind,
}

/// `loop = asyncio.get_event_loop()` or `loop = asyncio.new_event_loop()`.
struct Setup<'a> {
    stmt: &'a Stmt,
    target: &'a ast::ExprName,
    call: &'a ast::ExprCall,
    kind: LoopCallKind,
}

/// A matched explicit-loop shape, before the checks on its surroundings.
struct Candidate<'a> {
    name: &'a str,
    owner: ScopeId,
    setup: Setup<'a>,
    set_loop: Option<(&'a Stmt, &'a ast::ExprCall)>,
    run_call: &'a ast::ExprCall,
    /// The `try` whose body holds the `run_until_complete`, if any.
    try_block: Option<(&'a Stmt, &'a ast::StmtTry)>,
    /// Teardown statements in the run's block and after the `try`, by block.
    teardown: Vec<Vec<&'a Stmt>>,
    /// Teardown statements in the `try`'s `finally`.
    finally_teardown: Vec<&'a Stmt>,
    /// Teardown statements that other statements separate from the run.
    stray_teardown: Vec<&'a Stmt>,
}

impl Candidate<'_> {
    fn teardown_stmts(&self) -> impl Iterator<Item = &Stmt> {
        self.teardown
            .iter()
            .flatten()
            .chain(self.finally_teardown.iter())
            .copied()
    }
}

/// What every match in one module consults.
struct Module<'a> {
    /// Calls that get, make or set an event loop in synchronous code.
    loop_calls: Vec<LoopCall>,
    /// `NAME.run_until_complete(…)` calls in synchronous code, by the start of `NAME`.
    run_calls: FxHashMap<TextSize, &'a ast::ExprCall>,
    /// The `run_until_complete` calls already reported.
    reported: FxHashSet<TextSize>,
}

fn asyncio_run(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let mut module = Module {
        loop_calls: loop_management_calls(semantic),
        run_calls: run_calls_by_receiver(semantic),
        reported: FxHashSet::default(),
    };

    for suite in &semantic.suites {
        if !is_sync_block(semantic, suite.scope) {
            continue;
        }
        for (index, stmt) in suite.body.iter().enumerate() {
            let Some(setup) = loop_setup(semantic, stmt, suite.scope) else {
                continue;
            };
            explicit_loop(ctx, out, &mut module, suite, index, setup);
        }
    }

    for site in &semantic.calls {
        let Some((getter, kind)) = chained_loop(semantic, site.call, site.scope) else {
            continue;
        };
        if semantic.nested_in_async_def(site.scope) {
            continue;
        }
        let message = index_message(ctx, site.call, site.scope, true);
        let finding = out.report(&ASYNCIO_RUN, site.call.range(), message);
        let checked = single_argument(site.call)
            .and_then(|argument| {
                coroutine_argument(
                    semantic,
                    argument,
                    site.scope,
                    kind == LoopCallKind::Current,
                    ctx.settings.target_version,
                )
            })
            .and_then(|applicability| {
                loops_elsewhere(
                    ctx,
                    &module.loop_calls,
                    &[getter.start()],
                    kind == LoopCallKind::Current,
                )?;
                objects_bound_elsewhere(ctx, site.call)?;
                left_behind(ctx, site.call, site.scope, true)?;
                Ok(unsafe_because(ctx, site.call, applicability)
                    .or_else(|| result_used_after_run(ctx, site.call, site.scope))
                    .or_else(|| used_after_run(ctx, site.call, site.scope))
                    .or_else(|| kept_state_read_after_run(ctx, site.call, site.scope))
                    .or_else(|| loop_used_elsewhere(ctx, true)))
            });
        let (applicability, finding) = match checked {
            Ok(None) => (Applicability::Safe, finding),
            Ok(Some(reason)) => (Applicability::Unsafe, finding.note(reason)),
            Err(reason) => {
                finding.note(reason);
                continue;
            }
        };
        finding.fix_with(applicability, |fix| {
            let run = replace_callee(fix, site.call)?;
            fix.title(format!("Replace with `{run}(…)`"));
            fix.remove_import_if_unused(&getter.func);
            Ok(())
        });
    }
}

fn explicit_loop<'a>(
    ctx: &Context<'a>,
    out: &mut Findings,
    module: &mut Module<'a>,
    suite: &Suite<'a>,
    index: usize,
    setup: Setup<'a>,
) {
    let semantic = ctx.semantic;
    let name = setup.target.id.as_str();
    let Some(owner) = semantic.owner_scope(name, suite.scope) else {
        return;
    };
    let candidate = match match_shape(ctx, suite, index, setup, owner) {
        Ok(candidate) => candidate,
        Err(reason) => {
            // Report at the first `run_until_complete` on this loop, if any.
            let site = semantic
                .uses_of(name, owner)
                .into_iter()
                .find_map(|u| module.run_calls.get(&u.range.start()).copied());
            if let Some(call) = site
                && module.reported.insert(call.start())
            {
                let message = index_message(ctx, call, suite.scope, false);
                out.report(&ASYNCIO_RUN, call.range(), message).note(reason);
            }
            return;
        }
    };
    if !module.reported.insert(candidate.run_call.start()) {
        return;
    }
    let message = index_message(ctx, candidate.run_call, suite.scope, true);
    let finding = out.report(&ASYNCIO_RUN, candidate.run_call.range(), message);
    let (applicability, finding) =
        match check_candidate(ctx, &candidate, &module.loop_calls, suite.scope) {
            Ok(None) => (Applicability::Safe, finding),
            Ok(Some(reason)) => (Applicability::Unsafe, finding.note(reason)),
            Err(reason) => {
                finding.note(reason);
                return;
            }
        };
    finding.fix_with(applicability, |fix| build_fix(fix, &candidate));
}

/// Why code that runs outside the coroutine may tie objects to the loop
/// current then, or ask for it, where the module cannot show it: an import
/// of a module the index does not prove quiet (see
/// `SemanticModel::imports_not_quiet`), or a name in the module's
/// synchronous code (before or after the run, the run's own arguments
/// but the coroutine function) of the project or a library that is no
/// quiet function or coroutine function, or that loads code. A clause for
/// the message; `None` when all of it is proven quiet.
fn import_time_code(ctx: &Context, run: &ast::ExprCall) -> Option<String> {
    let semantic = ctx.semantic;
    if let Some(clause) = semantic.imported_module_binding_loop() {
        return Some(clause);
    }
    let callee = match single_argument(run) {
        Ok(Expr::Call(argument)) => argument.func.range(),
        _ => TextRange::default(),
    };
    semantic
        .sync_code_not_quiet(callee)
        .map(|(what, at)| format!("synchronous code on line {} {what}", line_of(ctx, at)))
}

/// The finding's message, with what the project index established for it:
/// the module that defines the coroutine function run (`main` is an
/// `async def` in `app/server.py:4`), the `[project.scripts]` entry point
/// the run sits in, and (`imports`: when the match consults it) what code
/// run outside the coroutine may tie objects to the loop current then
/// (see [`import_time_code`]).
fn index_message(ctx: &Context, run: &ast::ExprCall, scope: ScopeId, imports: bool) -> String {
    let semantic = ctx.semantic;
    if semantic.project().is_none() {
        return MESSAGE.to_string();
    }
    let mut facts = Vec::new();
    if let Ok(Expr::Call(argument)) = single_argument(run)
        && let Some(source) = semantic.imported_coroutine_source(&argument.func, scope)
    {
        facts.push(source);
    }
    if let ScopeNode::Function(def) = semantic.scope(scope).node
        && semantic.is_module_function(scope)
        && semantic
            .project()
            .is_some_and(|project| project.is_script(def.name.as_str()))
        && semantic.runs_once_per_process(run.start()).is_ok()
    {
        facts.push(format!(
            "`{}` is an entry point of `[project.scripts]`, which runs once per process",
            def.name
        ));
    }
    if let Err(repeats @ Repeats::Rerun(_)) = semantic.runs_once_per_process(run.start()) {
        facts.push(format!(
            "{repeats}, so the code may run more than once per process"
        ));
    }
    if imports && let Some(clause) = import_time_code(ctx, run) {
        facts.push(clause);
    }
    if facts.is_empty() {
        MESSAGE.to_string()
    } else {
        format!("{MESSAGE} ({})", facts.join("; "))
    }
}

/// Matches setup, optional `set_event_loop`, optional `try`, the run, and
/// collects the teardown statements that follow.
fn match_shape<'a>(
    ctx: &Context<'a>,
    suite: &Suite<'a>,
    index: usize,
    setup: Setup<'a>,
    owner: ScopeId,
) -> Result<Candidate<'a>, String> {
    let semantic = ctx.semantic;
    let name = setup.target.id.as_str();
    let scope = suite.scope;
    let mut body: &'a [Stmt] = suite.body;
    let mut position = index + 1;
    let mut try_block = match suite.parent {
        Some(parent @ Stmt::Try(block)) if std::ptr::eq(block.body.as_ptr(), body.as_ptr()) => {
            Some((parent, block))
        }
        _ => None,
    };
    let mut set_loop = None;
    // A run of the loop in another function (or lambda, or class body)
    // than the code that makes it.
    let run_elsewhere = || {
        semantic.uses_of(name, owner).into_iter().find(|u| {
            u.scope != scope
                && ctx.source[u.range.end().to_usize()..]
                    .trim_start()
                    .starts_with(".run_until_complete")
        })
    };
    let elsewhere = |run: crate::semantic::names::Use| {
        format!(
            "`run_until_complete` on line {} runs in another scope than the loop's creation, which may run it at any time and any number of times: asyncmod rewrites a run only in the block that creates the loop",
            line_of(ctx, run.range.start())
        )
    };
    let run_call = loop {
        let Some(next) = body.get(position) else {
            return Err(run_elsewhere().map_or_else(
                || "no `run_until_complete` follows the loop's creation".to_string(),
                elsewhere,
            ));
        };
        if set_loop.is_none()
            && let Some(call) = set_event_loop_to(semantic, next, name, scope)
        {
            set_loop = Some((next, call));
            position += 1;
            continue;
        }
        if try_block.is_none()
            && let Stmt::Try(block) = next
        {
            try_block = Some((next, block));
            body = &block.body;
            position = 0;
            continue;
        }
        if let Some(call) = run_statement_call(next, name) {
            break call;
        }
        let line = line_of(ctx, next.start());
        let run_here = semantic.uses_of(name, owner).into_iter().find(|u| {
            next.range().contains_range(u.range)
                && ctx.source[u.range.end().to_usize()..]
                    .trim_start()
                    .starts_with(".run_until_complete")
        });
        return Err(match run_here {
            Some(run) if run.scope != scope => elsewhere(run),
            Some(_) if statement_value(next).is_some() => format!(
                "the statement on line {line} does more with `run_until_complete` than keep, return or pass on its result to a call whose other arguments are names or literals: what else it runs would run before `asyncio.run` makes its loop or after it closes it, where the code runs it with its loop open"
            ),
            Some(run) => format!(
                "`run_until_complete` on line {} sits inside the compound statement on line {line}: asyncmod rewrites a run only where it is a statement of its own, in the block that creates the loop",
                line_of(ctx, run.range.start())
            ),
            None => match run_elsewhere() {
                Some(run) => elsewhere(run),
                None => format!(
                    "other statements run between the loop's creation and `run_until_complete`, from line {line}"
                ),
            },
        });
    };

    let loop_teardown = |stmt: &&'a Stmt| is_teardown(semantic, stmt, name, scope);
    // What runs after the run on the normal path, in order: the rest of its
    // block, then the `try`'s `else:` and `finally:`, then what follows
    // the `try`. `asyncio.run` does all of its teardown (the pending tasks
    // cancelled, async generators and executor shut down, the loop closed)
    // before it returns: a statement the code runs before any of its own
    // teardown would now run after it, so such a teardown is kept apart
    // (see `check_candidate`).
    let rest: &'a [Stmt] = body.get(position + 1..).unwrap_or_default();
    let (orelse, finalbody, after_try): (&'a [Stmt], &'a [Stmt], &'a [Stmt]) = match try_block {
        Some((try_stmt, block)) => (
            &block.orelse,
            &block.finalbody,
            semantic.following(try_stmt),
        ),
        None => (&[], &[], &[]),
    };
    let mut stray_teardown = Vec::new();
    let mut other_work = false;
    for stmt in rest.iter().chain(orelse).chain(finalbody).chain(after_try) {
        if loop_teardown(&stmt) {
            if other_work {
                stray_teardown.push(stmt);
            }
        } else if !is_inert(stmt) {
            other_work = true;
        }
    }
    let contiguous =
        |block: &'a [Stmt]| -> Vec<&'a Stmt> { block.iter().take_while(loop_teardown).collect() };
    let teardown = vec![contiguous(rest), contiguous(after_try)];
    let finally_teardown = finalbody.iter().filter(loop_teardown).collect();
    Ok(Candidate {
        name,
        owner,
        setup,
        set_loop,
        run_call,
        try_block,
        teardown,
        finally_teardown,
        stray_teardown,
    })
}

/// Everything but the shape: the loop's other uses, the argument, and loop
/// management elsewhere in the module. `Ok(Some(reason))`: the fix is
/// unsafe, for that reason.
fn check_candidate(
    ctx: &Context,
    candidate: &Candidate,
    loop_calls: &[LoopCall],
    scope: ScopeId,
) -> Result<Option<String>, String> {
    let semantic = ctx.semantic;
    let mut allowed = vec![
        candidate.setup.target.range(),
        candidate.run_call.func.range(),
    ];
    allowed.extend(candidate.set_loop.map(|(stmt, _)| stmt.range()));
    allowed.extend(candidate.teardown_stmts().map(Ranged::range));
    allowed.extend(candidate.stray_teardown.iter().map(|stmt| stmt.range()));
    if let Some(other) = semantic
        .uses_outside(candidate.name, candidate.owner, &allowed)
        .first()
    {
        let line = line_of(ctx, other.range.start());
        return Err(match other.kind {
            UseKind::Declaration => format!(
                "the loop's name is declared `global` or `nonlocal` on line {line}, so other code can reach it"
            ),
            _ => format!(
                "the loop is also used on line {line}, and `asyncio.run` keeps its loop to itself"
            ),
        });
    }
    // A module-level loop may be read by another module of the project
    // (`from main import loop`, `sys.modules["__main__"].loop`), which the
    // fix would leave with no such name.
    if candidate.owner == MODULE_SCOPE
        && semantic
            .project()
            .is_some_and(|project| project.others_may_read(candidate.name))
    {
        return Err(format!(
            "another module of the project may read the module's `{}` (by import, or through `__main__`), which the fix removes",
            candidate.name
        ));
    }
    if let Some(stray) = candidate.stray_teardown.first() {
        // `asyncio.run` does its teardown before it returns: the statements
        // the code put before the teardown would now see it done.
        return Err(format!(
            "statements run between `run_until_complete` and the loop's teardown on line {}, which `asyncio.run` would do before them",
            line_of(ctx, stray.start())
        ));
    }
    let current = candidate.setup.kind == LoopCallKind::Current || candidate.set_loop.is_some();
    let argument = single_argument(candidate.run_call)?;
    let applicability = coroutine_argument(
        semantic,
        argument,
        scope,
        current,
        ctx.settings.target_version,
    )?;

    let mut own = vec![candidate.setup.call.start()];
    own.extend(candidate.set_loop.map(|(_, call)| call.start()));
    for stmt in candidate.teardown_stmts() {
        if let Stmt::Expr(statement) = stmt {
            own.push(statement.value.start());
        }
    }
    loops_elsewhere(ctx, loop_calls, &own, current)?;
    objects_bound_elsewhere(ctx, candidate.run_call)?;
    let closed = candidate.teardown_stmts().any(|stmt| {
        matches!(stmt, Stmt::Expr(statement)
            if matches!(statement.value.as_ref(), Expr::Call(call)
                if is_loop_method(&call.func, candidate.name, "close")))
    });
    left_behind(ctx, candidate.run_call, scope, !closed)?;
    Ok(unsafe_because(ctx, candidate.run_call, applicability)
        .or_else(|| result_used_after_run(ctx, candidate.run_call, scope))
        .or_else(|| used_after_run(ctx, candidate.run_call, scope))
        .or_else(|| kept_state_read_after_run(ctx, candidate.run_call, scope))
        .or_else(|| loop_used_elsewhere(ctx, !closed)))
}

/// Fails when synchronous code of the module (outside `run`, the call being
/// rewritten) makes something bound to the thread's current event loop:
/// a future or task made, or work scheduled, before `asyncio.run` exists
/// belongs to another loop than the one `asyncio.run` makes, and one made
/// after it finds no current loop.
fn objects_bound_elsewhere(ctx: &Context, run: &ast::ExprCall) -> Result<(), String> {
    let semantic = ctx.semantic;
    let target = ctx.settings.target_version;
    let bound = semantic.calls.iter().find(|site| {
        !run.range().contains_range(site.call.range())
            && !semantic.runs_in_coroutine(site.scope)
            && semantic.binds_current_loop(site.call, site.scope, target)
    });
    if let Some(site) = bound {
        let name = semantic
            .qualified_name(&site.call.func, site.scope)
            .map_or_else(|| "asyncio".to_string(), |q| q.to_string());
        let top_level = matches!(
            semantic.scope(semantic.frame_of(site.scope)).kind,
            ScopeKind::Module | ScopeKind::Class
        );
        let runs = if top_level {
            "runs outside a coroutine"
        } else {
            "sits in a plain function or lambda, which may run outside a coroutine,"
        };
        return Err(format!(
            "`{name}()` on line {} {runs} and binds to the event loop current then; `asyncio.run` would run the coroutine on another loop",
            line_of(ctx, site.call.start())
        ));
    }
    // Named as a value (`Fut = asyncio.Future`, a base class, a default
    // factory), it is called where no check of calls sees it.
    if let Some((member, at)) = semantic.loop_member_as_value(ctx.source)
        && !run.range().contains(at)
    {
        return Err(format!(
            "`asyncio.{member}` is named outside a coroutine on line {}, and what calls it there binds to (or asks for) the event loop current then; `asyncio.run` would run the coroutine on another loop",
            line_of(ctx, at)
        ));
    }
    Ok(())
}

/// Fails when code outside the run may rest on what the code leaves
/// behind it and `asyncio.run` does not: work started in the default
/// executor and not waited for (see
/// `SemanticModel::work_left_in_default_executor`), which `asyncio.run`
/// waits for before it returns; `left_open`, the loop the code
/// never closes, which code the module registers to run at exit or a
/// thread it starts may still use after the run, where `asyncio.run`
/// closes it (another file's code: see [`loop_used_elsewhere`]); and, for a run at the module's top level that
/// its import runs, the loop left current for the importers: a module of
/// the project that may import this one (in turn, too) and gets, makes,
/// sets or runs event loops may have made the loop the code ran on, or
/// ask for it afterwards, where `asyncio.run` runs on a loop of its own
/// and leaves none current.
fn left_behind(
    ctx: &Context,
    run: &ast::ExprCall,
    scope: ScopeId,
    left_open: bool,
) -> Result<(), String> {
    let semantic = ctx.semantic;
    if let Some(call) = semantic.work_left_in_default_executor() {
        return Err(format!(
            "`{}()` on line {} starts work in the loop's default executor and does not wait for it: the code after the run went on while that work ran, where `asyncio.run` shuts the executor down and waits for the work before it returns (forever, if the code after the run is what stops it)",
            &ctx.source[call.func.range()],
            line_of(ctx, call.start())
        ));
    }
    if left_open {
        let hook = semantic.runs_code_later();
        if let Some((name, at)) = hook {
            return Err(format!(
                "the code leaves the loop open, and `{name}()` on line {} runs code that may still use it after the run, where `asyncio.run` closes it",
                line_of(ctx, at)
            ));
        }
    }
    let at_import = scope == MODULE_SCOPE
        && semantic
            .innermost_stmt(scope, run.start())
            .is_some_and(|stmt| !semantic.in_main_guard(stmt));
    if at_import
        && let Some(file) = semantic
            .project()
            .and_then(ProjectModule::importer_managing_loops)
    {
        return Err(format!(
            "the module runs its loop when it is imported, and `{}`, which may import it, gets, sets or runs event loops: the loop it made current, or asks for afterwards, is not the one `asyncio.run` runs on and leaves behind",
            file.display()
        ));
    }
    Ok(())
}

/// Why the fix is unsafe when the code after the run calls a method of
/// an object the run may have made (see
/// `SemanticModel::run_object_used_after`): a stream, future or task bound
/// to the run's loop now finds that loop closed and its leftover tasks
/// cancelled by `asyncio.run`.
fn used_after_run(ctx: &Context, run: &ast::ExprCall, scope: ScopeId) -> Option<String> {
    let used = ctx.semantic.run_object_used_after(run, scope)?;
    Some(format!(
        "`{}()` on line {} runs after the run on what `{}` may hold from it (a stream, future or task bound to its loop): `asyncio.run` closes its loop and cancels the tasks left when it returns",
        &ctx.source[used.callee],
        line_of(ctx, used.at),
        used.variable
    ))
}

/// Why the fix is unsafe when the code after the run calls a function of
/// the module (or a method) that reads module or class state a coroutine
/// stores an asyncio object into (see
/// `SemanticModel::kept_state_read_by_call_after`): `shutdown()` that
/// cancels the futures the run left there now finds their loop closed.
fn kept_state_read_after_run(ctx: &Context, run: &ast::ExprCall, scope: ScopeId) -> Option<String> {
    let (state, used) = ctx.semantic.kept_state_read_by_call_after(run, scope)?;
    Some(format!(
        "`{}()` on line {} runs after the run and may read {state}, where a coroutine, or a function it calls, keeps what asyncio gave it (a future, task, stream or loop method bound to the run's loop): `asyncio.run` closes its loop and cancels the tasks left when it returns",
        &ctx.source[used.callee],
        line_of(ctx, used.at),
    ))
}

/// Why the fix is unsafe when the code after the run uses what the run
/// gave back, and the coroutine is not shown to give back plain data (see
/// `SemanticModel::run_result_used_after`): a future or task, a bound
/// method of the loop, a closure or `functools.partial` over it, or a
/// container of those, now finds its loop closed by `asyncio.run`.
fn result_used_after_run(ctx: &Context, run: &ast::ExprCall, scope: ScopeId) -> Option<String> {
    let used = ctx.semantic.run_result_used_after(run, scope)?;
    let what = match &used.variable {
        Some(variable) => format!(
            "the code reads `{variable}`, bound to it, on line {}",
            line_of(ctx, used.range.start())
        ),
        None if used.range == run.range() => "the expression the run sits in uses it".to_string(),
        None => format!(
            "the code stores it in `{}`, where other code may read it",
            &ctx.source[used.range]
        ),
    };
    Some(format!(
        "asyncmod cannot tell that what the coroutine gives back is plain data, and {what}: a future, a task or a callable bound to the loop would find the loop closed by `asyncio.run` when it returns"
    ))
}

/// Why the fix is unsafe when the code leaves its loop open
/// (`left_open`) and another file of the project may use an event loop
/// outside a run of one (see `ProjectModule::loop_used_elsewhere`): code
/// that runs after the run returned (at exit, in a finalizer or a
/// generator's `finally:`, a signal handler, a thread, a logging
/// handler's `close()`) would find the loop closed, or none current.
fn loop_used_elsewhere(ctx: &Context, left_open: bool) -> Option<String> {
    let semantic = ctx.semantic;
    if left_open
        && let Some(used) = semantic
            .project()
            .and_then(|project| project.loop_used_elsewhere(ctx.settings.target_version))
    {
        if used.file.as_os_str().is_empty() {
            return Some(
                "the code leaves the loop open, and a file of the project could not be read: code that runs at exit, in a finalizer, a signal handler or a thread may still use the loop after the run, where `asyncio.run` closes it and leaves none current"
                    .to_string(),
            );
        }
        return Some(format!(
            "the code leaves the loop open, and `{}` may use an event loop outside a run of one (`{}` on line {}): code that runs at exit, in a finalizer, a signal handler or a thread may still use the loop after the run, where `asyncio.run` closes it and leaves none current",
            used.file.display(),
            used.named,
            used.line
        ));
    }
    None
}

/// Why the fix is unsafe, given what the argument showed (`argument`:
/// its own reason, if any) and where `run` sits, `None` when it is safe:
/// safe only where it runs once per process (a new loop per call breaks
/// anything a caller caches against the first loop, and tasks left
/// running between calls are now cancelled), and where no import of the
/// module, nor the module's synchronous code, may bind objects to the
/// loop current then or ask for it (`asyncio.run` makes another loop and
/// leaves none current). The first reason found is given.
fn unsafe_because(ctx: &Context, run: &ast::ExprCall, argument: Option<String>) -> Option<String> {
    let repeats = ctx.semantic.runs_once_per_process(run.start()).err();
    repeats
        .map(|repeats| {
            format!(
                "{repeats}: the code may run more than once per process, and `asyncio.run` makes and closes a new loop each time"
            )
        })
        .or(argument)
        .or_else(|| {
            import_time_code(ctx, run).map(|clause| {
                format!("{clause}; `asyncio.run` would run the coroutine on another loop")
            })
        })
}

fn build_fix(fix: &mut FixBuilder, candidate: &Candidate) -> anyhow::Result<()> {
    let ctx = fix.ctx;
    let source = ctx.source;
    let run = replace_callee(fix, candidate.run_call)?;
    fix.title(format!("Replace with `{run}(…)`"));

    let mut removed: Vec<Edit> = Vec::new();
    removed.extend(delete_statements(
        ctx.source,
        ctx.semantic,
        &[candidate.setup.stmt],
        Comments::Keep(ctx.tokens),
    )?);
    if let Some((stmt, call)) = candidate.set_loop {
        removed.extend(delete_statements(
            ctx.source,
            ctx.semantic,
            &[stmt],
            Comments::Keep(ctx.tokens),
        )?);
        fix.remove_import_if_unused(&call.func);
    }
    for group in &candidate.teardown {
        removed.extend(delete_statements(
            ctx.source,
            ctx.semantic,
            group,
            Comments::Keep(ctx.tokens),
        )?);
    }
    fix.remove_import_if_unused(&candidate.setup.call.func);
    for stmt in candidate.teardown_stmts() {
        if let Stmt::Expr(statement) = stmt
            && let Expr::Call(call) = statement.value.as_ref()
            && matches!(call.func.as_ref(), Expr::Name(_))
        {
            fix.remove_import_if_unused(&call.func); // `from asyncio import set_event_loop`
        }
    }

    if let Some((try_stmt, block)) = candidate.try_block
        && !candidate.finally_teardown.is_empty()
    {
        if candidate.finally_teardown.len() == block.finalbody.len() {
            // The `finally` only closed the loop: it goes, and a `try` left
            // without a handler is unwrapped.
            let (Some(first), Some(last)) = (block.finalbody.first(), block.finalbody.last())
            else {
                anyhow::bail!("internal error: an empty `finally`");
            };
            let before = block
                .orelse
                .last()
                .map(Ranged::end)
                .or_else(|| block.handlers.last().map(Ranged::end))
                .or_else(|| block.body.last().map(Ranged::end))
                .unwrap_or(try_stmt.start());
            let Some(keyword) = find_token(
                ctx.tokens,
                TextRange::new(before, first.start()),
                TokenKind::Finally,
            ) else {
                anyhow::bail!("internal error: no `finally` keyword");
            };
            // Blank lines just above the clause go with it, so none double up.
            let clause_start = line_start(source, keyword.start());
            let mut start = clause_start;
            while previous_line(source, start).is_some_and(|line| line.trim().is_empty()) {
                start = line_start(source, start - TextSize::new(1));
            }
            if start < clause_start {
                removed.push(Edit::deletion(TextRange::new(start, clause_start)));
            }
            // The clause's comments stay, at the `finally`'s indentation.
            let clause = TextRange::new(keyword.start(), last.end());
            removed.push(delete_lines(source, clause, Comments::Keep(ctx.tokens)));
            if block.handlers.is_empty() {
                let skip: Vec<TextRange> = removed.iter().map(|e| e.range).collect();
                let unwrapped = unwrap_block(ctx, try_stmt, &block.body, start, &skip)?;
                removed.extend(unwrapped);
            }
        } else {
            removed.extend(delete_statements(
                ctx.source,
                ctx.semantic,
                &candidate.finally_teardown,
                Comments::Keep(ctx.tokens),
            )?);
        }
    }
    for edit in removed {
        fix.edit(edit);
    }
    Ok(())
}

/// Replaces the callee of `….run_until_complete(c)` with `asyncio.run`;
/// returns the name written.
fn replace_callee(fix: &mut FixBuilder, call: &ast::ExprCall) -> anyhow::Result<String> {
    if !comments_in(fix.ctx.tokens, call.func.range()).is_empty() {
        anyhow::bail!("comments inside the call's callee");
    }
    let run = fix.ensure_import("asyncio", "run")?;
    fix.replace(call.func.range(), run.clone());
    Ok(run)
}

/// `NAME = asyncio.get_event_loop()` / `asyncio.new_event_loop()` (also annotated).
fn loop_setup<'a>(semantic: &SemanticModel, stmt: &'a Stmt, scope: ScopeId) -> Option<Setup<'a>> {
    let (target, value) = single_assignment(stmt)?;
    let Expr::Name(target) = target else {
        return None;
    };
    let Expr::Call(call) = value else {
        return None;
    };
    if !call.arguments.is_empty() {
        return None;
    }
    let kind = asyncio_loop_call(semantic, &call.func, scope)?;
    (kind != LoopCallKind::Set).then_some(Setup {
        stmt,
        target,
        call,
        kind,
    })
}

/// `asyncio.get_event_loop().run_until_complete(…)` (or `new_event_loop()`):
/// the inner call and what it does.
fn chained_loop<'a>(
    semantic: &SemanticModel,
    call: &'a ast::ExprCall,
    scope: ScopeId,
) -> Option<(&'a ast::ExprCall, LoopCallKind)> {
    let Expr::Attribute(attribute) = call.func.as_ref() else {
        return None;
    };
    if attribute.attr.as_str() != "run_until_complete" {
        return None;
    }
    let Expr::Call(getter) = attribute.value.as_ref() else {
        return None;
    };
    if !getter.arguments.is_empty() {
        return None;
    }
    let kind = asyncio_loop_call(semantic, &getter.func, scope)?;
    (kind != LoopCallKind::Set).then_some((getter, kind))
}

/// What `func` does to the event loop when it is one of asyncio's own
/// loop functions.
fn asyncio_loop_call(
    semantic: &SemanticModel,
    func: &Expr,
    scope: ScopeId,
) -> Option<LoopCallKind> {
    let qualified = semantic.qualified_name(func, scope)?;
    if !qualified.starts_with("asyncio") {
        return None;
    }
    match qualified.member() {
        "get_event_loop" => Some(LoopCallKind::Current),
        "new_event_loop" => Some(LoopCallKind::New),
        "set_event_loop" => Some(LoopCallKind::Set),
        _ => None,
    }
}

/// What a call does to the event loop, by any library: asyncio's
/// functions, a policy's methods, uvloop, a loop class.
fn loop_call_kind(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> Option<LoopCallKind> {
    if let Some(kind) = asyncio_loop_call(semantic, func, scope) {
        return Some(kind);
    }
    let last = match func {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => return None,
    };
    match last {
        "get_event_loop" => Some(LoopCallKind::Current),
        "set_event_loop" => Some(LoopCallKind::Set),
        "new_event_loop" | "SelectorEventLoop" | "ProactorEventLoop" | "EventLoop" => {
            Some(LoopCallKind::New)
        }
        _ => None,
    }
}

/// Every call that gets, makes or sets an event loop outside coroutines
/// (inside one, `get_event_loop()` is just the running loop; a lambda
/// there counts as outside).
fn loop_management_calls(semantic: &SemanticModel) -> Vec<LoopCall> {
    semantic
        .calls
        .iter()
        // A lambda in a coroutine runs whenever it is called: after the
        // run too (an `atexit` callback).
        .filter(|site| !semantic.runs_in_coroutine_body(site.scope))
        .filter_map(|site| {
            let kind = loop_call_kind(semantic, &site.call.func, site.scope).or_else(|| {
                // `asyncio.run` and `asyncio.Runner` make a loop current
                // and leave none: a `get_event_loop()` after them raises.
                semantic
                    .qualified_name(&site.call.func, site.scope)
                    .is_some_and(|q| {
                        q.starts_with("asyncio") && matches!(q.member(), "run" | "Runner")
                    })
                    .then_some(LoopCallKind::Set)
            })?;
            Some(LoopCall {
                start: site.call.start(),
                kind,
            })
        })
        .collect()
}

/// `NAME.run_until_complete(…)` calls in synchronous code, by the start of `NAME`.
fn run_calls_by_receiver<'a>(
    semantic: &SemanticModel<'a>,
) -> FxHashMap<TextSize, &'a ast::ExprCall> {
    let mut calls = FxHashMap::default();
    for site in &semantic.calls {
        if let Expr::Attribute(attribute) = site.call.func.as_ref()
            && attribute.attr.as_str() == "run_until_complete"
            && let Expr::Name(receiver) = attribute.value.as_ref()
            && !semantic.nested_in_async_def(site.scope)
        {
            calls.insert(receiver.start(), site.call);
        }
    }
    calls
}

/// Fails when loop management elsewhere in the module may expect this loop
/// or the current loop it leaves behind. `current`: the rewritten code
/// touched the thread's current loop (so any other loop code may see it).
fn loops_elsewhere(
    ctx: &Context,
    loop_calls: &[LoopCall],
    own: &[TextSize],
    current: bool,
) -> Result<(), String> {
    let other = loop_calls
        .iter()
        .find(|call| !own.contains(&call.start) && (current || call.kind != LoopCallKind::New));
    match other {
        Some(call) => {
            let does = match call.kind {
                LoopCallKind::Current => "asks for the current event loop",
                LoopCallKind::New => "makes an event loop",
                LoopCallKind::Set => "sets or runs an event loop",
            };
            Err(format!(
                "the module also {does} on line {}; that code may expect this loop, and after `asyncio.run` there is no current loop",
                line_of(ctx, call.start)
            ))
        }
        None => Ok(()),
    }
}

/// `asyncio.set_event_loop(NAME)` as a statement.
fn set_event_loop_to<'a>(
    semantic: &SemanticModel,
    stmt: &'a Stmt,
    name: &str,
    scope: ScopeId,
) -> Option<&'a ast::ExprCall> {
    let Stmt::Expr(statement) = stmt else {
        return None;
    };
    let Expr::Call(call) = statement.value.as_ref() else {
        return None;
    };
    let [Expr::Name(argument)] = call.arguments.args.as_ref() else {
        return None;
    };
    (call.arguments.keywords.is_empty()
        && argument.id.as_str() == name
        && asyncio_loop_call(semantic, &call.func, scope) == Some(LoopCallKind::Set))
    .then_some(call)
}

/// The `NAME.run_until_complete(…)` call of a statement that is that call,
/// assigns or returns it, or passes it to a plain call whose other
/// arguments run no code (`sys.exit(loop.run_until_complete(main()))`,
/// `print("count", loop.run_until_complete(main()), sep=": ")`): nothing
/// of the statement but that call then runs between the run and the
/// teardown (the call itself is code run after the run, which the checks
/// of synchronous code see).
fn run_statement_call<'a>(stmt: &'a Stmt, name: &str) -> Option<&'a ast::ExprCall> {
    let Expr::Call(call) = statement_value(stmt)? else {
        return None;
    };
    if is_loop_method(&call.func, name, "run_until_complete") {
        return Some(call);
    }
    if !is_name_chain(&call.func) {
        return None;
    }
    // `**mapping` asks the mapping for its keys: code may run.
    if call
        .arguments
        .keywords
        .iter()
        .any(|keyword| keyword.arg.is_none())
    {
        return None;
    }
    let keywords = call.arguments.keywords.iter().map(|keyword| &keyword.value);
    let mut run = None;
    for argument in call.arguments.args.iter().chain(keywords) {
        match argument {
            Expr::Call(inner)
                if run.is_none() && is_loop_method(&inner.func, name, "run_until_complete") =>
            {
                run = Some(inner);
            }
            Expr::Name(_)
            | Expr::NoneLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            _ => return None,
        }
    }
    run
}

/// `name` or `name.attr.attr`.
fn is_name_chain(expr: &Expr) -> bool {
    match expr {
        Expr::Name(_) => true,
        Expr::Attribute(attribute) => is_name_chain(&attribute.value),
        _ => false,
    }
}

/// Whether `func` is `NAME.method`.
fn is_loop_method(func: &Expr, name: &str, method: &str) -> bool {
    matches!(
        func,
        Expr::Attribute(attribute)
            if attribute.attr.as_str() == method
                && matches!(attribute.value.as_ref(), Expr::Name(receiver) if receiver.id.as_str() == name)
    )
}

/// `loop.close()`, `loop.run_until_complete(loop.shutdown_asyncgens())` (or
/// `shutdown_default_executor()`), `asyncio.set_event_loop(None)`: what
/// `asyncio.run` does itself when it finishes.
fn is_teardown(semantic: &SemanticModel, stmt: &Stmt, name: &str, scope: ScopeId) -> bool {
    let Stmt::Expr(statement) = stmt else {
        return false;
    };
    let Expr::Call(call) = statement.value.as_ref() else {
        return false;
    };
    let arguments = &call.arguments;
    if is_loop_method(&call.func, name, "close") {
        return arguments.is_empty();
    }
    if is_loop_method(&call.func, name, "run_until_complete") {
        return match (arguments.args.as_ref(), arguments.keywords.is_empty()) {
            ([Expr::Call(inner)], true) => {
                inner.arguments.is_empty()
                    && (is_loop_method(&inner.func, name, "shutdown_asyncgens")
                        || is_loop_method(&inner.func, name, "shutdown_default_executor"))
            }
            _ => false,
        };
    }
    matches!(
        (arguments.args.as_ref(), arguments.keywords.is_empty()),
        ([Expr::NoneLiteral(_)], true)
    ) && asyncio_loop_call(semantic, &call.func, scope) == Some(LoopCallKind::Set)
}

/// A statement whose place relative to the loop's teardown does not
/// matter: `pass`, or a `return` of nothing, a name or a literal.
fn is_inert(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Pass(_) => true,
        Stmt::Return(ret) => ret.value.as_deref().is_none_or(|value| {
            matches!(
                value,
                Expr::Name(_)
                    | Expr::NoneLiteral(_)
                    | Expr::BooleanLiteral(_)
                    | Expr::NumberLiteral(_)
                    | Expr::StringLiteral(_)
            )
        }),
        _ => false,
    }
}

/// The one positional argument of `run_until_complete`.
fn single_argument(call: &ast::ExprCall) -> Result<&Expr, String> {
    match (
        call.arguments.args.as_ref(),
        call.arguments.keywords.is_empty(),
    ) {
        ([argument], true) if !argument.is_starred_expr() => Ok(argument),
        _ => Err("`run_until_complete` is not called with one positional argument".to_string()),
    }
}

/// Whether `argument` is a call known to return a coroutine, and creating
/// it before any loop exists changes nothing. `current`: the code made its
/// loop the thread's current loop before creating the coroutine.
fn coroutine_argument(
    semantic: &SemanticModel,
    argument: &Expr,
    scope: ScopeId,
    current: bool,
    target: PyVersion,
) -> Result<Option<String>, String> {
    let Expr::Call(call) = argument else {
        return Err(
            "the argument is not a call, so asyncmod cannot tell that it is a coroutine; `asyncio.run` raises `ValueError` on a future or task"
                .to_string(),
        );
    };
    let callee = || match (
        semantic.qualified_name(&call.func, scope),
        call.func.as_ref(),
    ) {
        (Some(qualified), _) if !qualified.starts_with("builtins") => format!("`{qualified}()`"),
        (_, Expr::Name(name)) => format!("`{}()`", name.id),
        (_, Expr::Attribute(attribute)) => format!("`.{}()`", attribute.attr),
        _ => "the call".to_string(),
    };
    let mut unsafe_because = None;
    match semantic.call_result(call, scope) {
        CallResult::Coroutine => {}
        CallResult::Future => {
            return Err(format!(
                "{} returns a future or task, which `asyncio.run` rejects",
                callee()
            ));
        }
        CallResult::NotCoroutine => {
            return Err(format!(
                "{} does not return a coroutine, and `asyncio.run` accepts only one",
                callee()
            ));
        }
        // `asyncio.run` raises `ValueError` at once on anything else: a
        // failure that is loud and immediate, so the fix is offered as unsafe.
        CallResult::Unknown => {
            unsafe_because = Some(format!(
                "asyncmod cannot tell that {} returns a coroutine; on a future or another awaitable `asyncio.run` raises `ValueError`",
                callee()
            ));
        }
    }
    // The coroutine is now created before any loop exists. Calls into
    // asyncio would bind to another loop; with the loop made current first,
    // any other call (a client's constructor) may have bound to it too.
    let mut problem = None;
    let inner = std::iter::once(call.func.as_ref())
        .chain(call.arguments.args.iter())
        .chain(call.arguments.keywords.iter().map(|k| &k.value));
    for expr in inner {
        any_over_expr(expr, |e| {
            let Expr::Call(inner) = e else { return false };
            problem = inner_call_problem(semantic, inner, scope, current);
            problem.is_some()
        });
        if let Some(problem) = problem {
            return Err(problem.to_string());
        }
    }
    // On Ctrl-C `asyncio.run` cancels the coroutine and raises
    // `KeyboardInterrupt` only if the cancellation comes back out: one that
    // catches it and returns now ends the run normally.
    if let Some(kept) = semantic.kept_cancellation(call, scope, target) {
        unsafe_because = unsafe_because.or_else(|| {
            Some(format!(
                "on Ctrl-C `asyncio.run` cancels the coroutine, and the coroutine may keep the cancellation ({}): the run would then end normally where the code raised `KeyboardInterrupt`",
                kept.describe()
            ))
        });
    }
    Ok(unsafe_because)
}

/// Why a call inside the argument of `run_until_complete` keeps the rewrite
/// out, if it does.
fn inner_call_problem(
    semantic: &SemanticModel,
    call: &ast::ExprCall,
    scope: ScopeId,
    current: bool,
) -> Option<&'static str> {
    let qualified = semantic.qualified_name(&call.func, scope);
    if qualified.as_ref().is_some_and(|q| q.starts_with("asyncio"))
        || loop_call_kind(semantic, &call.func, scope).is_some()
        || semantic.call_result(call, scope) == CallResult::Future
    {
        return Some("an argument calls into asyncio before `asyncio.run` creates its loop");
    }
    let harmless = qualified.is_some_and(|q| q.starts_with("builtins"))
        || semantic.coroutine_function(&call.func, scope).is_some()
        || semantic
            .imported_coroutine_function(&call.func, scope)
            .is_some();
    (current && !harmless).then_some(
        "a call in the argument would now run before the loop exists; the code made its loop current first, so it may bind to that loop",
    )
}

/// Whether a block in `scope` runs synchronously outside any coroutine: the
/// module, or a plain function not nested in an `async def` (a class body's
/// loop would be an attribute).
fn is_sync_block(semantic: &SemanticModel, scope: ScopeId) -> bool {
    match semantic.scope(scope).kind {
        ScopeKind::Module => true,
        ScopeKind::Function { is_async: false } => !semantic.nested_in_async_def(scope),
        _ => false,
    }
}

fn line_of(ctx: &Context, offset: TextSize) -> usize {
    ctx.line_index().line_index(offset).get()
}

#[cfg(test)]
mod tests {
    use super::ASYNCIO_RUN;
    use crate::test_support::{
        check_finding, check_fix, check_no_fix, check_safe_fix, check_unsafe_fix,
        check_unsafe_only, findings, outcome_at, reasons,
    };
    use crate::version::PyVersion;

    const MESSAGE: &str = super::MESSAGE;

    #[test]
    fn chained_get_event_loop() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def main():\n    pass\n\nasyncio.get_event_loop().run_until_complete(main())\n",
            "import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n",
        );
    }

    #[test]
    fn chained_value_and_from_import() {
        check_fix(
            &ASYNCIO_RUN,
            "from asyncio import get_event_loop\nfrom app import main\n\nprint(get_event_loop().run_until_complete(main()))\n",
            "import asyncio\nfrom app import main\n\nprint(asyncio.run(main()))\n",
        );
    }

    #[test]
    fn setup_run_and_close_in_a_function() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import serve\n\ndef cli():\n    loop = asyncio.new_event_loop()\n    asyncio.set_event_loop(loop)\n    result = loop.run_until_complete(serve(port=8080))\n    loop.run_until_complete(loop.shutdown_asyncgens())\n    loop.close()\n    return result\n",
            "import asyncio\nfrom app import serve\n\ndef cli():\n    result = asyncio.run(serve(port=8080))\n    return result\n",
        );
    }

    #[test]
    fn try_keeps_handler_and_drops_finally() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\nloop = asyncio.get_event_loop()\ntry:\n    loop.run_until_complete(main())\nexcept KeyboardInterrupt:\n    pass\nfinally:\n    loop.close()\n",
            "import asyncio\nfrom app import main\n\ntry:\n    asyncio.run(main())\nexcept KeyboardInterrupt:\n    pass\n",
        );
    }

    #[test]
    fn try_without_handler_is_unwrapped() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\ndef run():\n    loop = asyncio.new_event_loop()\n    try:\n        return loop.run_until_complete(main())\n    finally:\n        loop.close()\n",
            "import asyncio\nfrom app import main\n\ndef run():\n    return asyncio.run(main())\n",
        );
    }

    #[test]
    fn returning_the_result_before_the_close_is_fine() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\ndef run():\n    loop = asyncio.new_event_loop()\n    try:\n        result = loop.run_until_complete(main())\n        return result\n    finally:\n        loop.close()\n",
            "import asyncio\nfrom app import main\n\ndef run():\n    result = asyncio.run(main())\n    return result\n",
        );
    }

    #[test]
    fn blank_line_before_finally_goes_with_it() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main, other\n\ndef run():\n    loop = asyncio.new_event_loop()\n    try:\n        loop.run_until_complete(main())\n\n    finally:\n        loop.close()\n\n    other()\n",
            "import asyncio\nfrom app import main, other\n\ndef run():\n    asyncio.run(main())\n\n    other()\n",
        );
    }

    #[test]
    fn finally_with_other_work_keeps_it() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main, report\n\nloop = asyncio.new_event_loop()\ntry:\n    loop.run_until_complete(main())\nfinally:\n    loop.close()\n    report()\n",
            "import asyncio\nfrom app import main, report\n\ntry:\n    asyncio.run(main())\nfinally:\n    report()\n",
        );
    }

    #[test]
    fn setup_inside_try_body() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def main():\n    pass\n\ntry:\n    loop = asyncio.new_event_loop()\n    loop.run_until_complete(main())\nfinally:\n    loop.close()\n",
            "import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n",
        );
    }

    #[test]
    fn run_passed_to_sys_exit() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\nimport sys\nfrom app import main\n\nloop = asyncio.new_event_loop()\nsys.exit(loop.run_until_complete(main()))\n",
            "import asyncio\nimport sys\nfrom app import main\n\nsys.exit(asyncio.run(main()))\n",
        );
    }

    #[test]
    fn comments_of_removed_statements_stay() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\nloop = asyncio.new_event_loop()  # private loop\nloop.run_until_complete(main())\nloop.close()  # free sockets\n",
            "import asyncio\nfrom app import main\n\n# private loop\nasyncio.run(main())\n# free sockets\n",
        );
    }

    #[test]
    fn gather_is_a_future() {
        check_finding(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import a, b\n\nloop = asyncio.new_event_loop()\nloop.run_until_complete(asyncio.gather(a(), b()))\nloop.close()\n",
            MESSAGE,
        );
    }

    #[test]
    fn futures_tasks_and_variables_are_left_alone() {
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import a\n\ndef one():\n    loop = asyncio.new_event_loop()\n    loop.run_until_complete(asyncio.ensure_future(a()))\n\ndef two(coro):\n    loop = asyncio.new_event_loop()\n    loop.run_until_complete(coro)\n\ndef three(pool, job):\n    loop = asyncio.new_event_loop()\n    loop.run_until_complete(pool.run_in_executor(None, job))\n",
        );
    }

    #[test]
    fn plain_def_may_return_a_future() {
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\ndef main():\n    return asyncio.gather()\n\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main())\n",
        );
    }

    #[test]
    fn loop_used_for_anything_else_stays() {
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\nloop = asyncio.new_event_loop()\nloop.set_debug(True)\nloop.run_until_complete(main())\nloop.close()\n",
        );
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main, more\n\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main())\nloop.run_until_complete(more())\nloop.close()\n",
        );
    }

    #[test]
    fn loop_read_by_another_function_stays() {
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\ndef stop():\n    loop.stop()\n\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main())\n",
        );
    }

    #[test]
    fn global_loop_stays() {
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\ndef run():\n    global loop\n    loop = asyncio.new_event_loop()\n    loop.run_until_complete(main())\n",
        );
    }

    #[test]
    fn coroutine_code_is_left_alone() {
        let source = "import asyncio\nfrom app import main\n\nasync def outer():\n    def inner():\n        loop = asyncio.new_event_loop()\n        loop.run_until_complete(main())\n    asyncio.get_event_loop().run_until_complete(main())\n";
        check_no_fix(&ASYNCIO_RUN, source);
        assert!(findings(&ASYNCIO_RUN, source).is_empty());
    }

    #[test]
    fn attribute_loop_is_never_touched() {
        let source = "import asyncio\nfrom app import main\n\nclass Case:\n    def setUp(self):\n        self.loop = asyncio.new_event_loop()\n    def test(self):\n        self.loop.run_until_complete(main())\n";
        check_no_fix(&ASYNCIO_RUN, source);
        assert!(findings(&ASYNCIO_RUN, source).is_empty());
    }

    #[test]
    fn chained_form_with_loops_elsewhere_stays() {
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\ndef setup():\n    asyncio.set_event_loop(asyncio.new_event_loop())\n\nasyncio.get_event_loop().run_until_complete(main())\n",
        );
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import init, main\n\nasyncio.get_event_loop().run_until_complete(init())\nasyncio.get_event_loop().run_until_complete(main())\n",
        );
    }

    #[test]
    fn a_run_elsewhere_leaves_no_current_loop() {
        // After `asyncio.run(warmup())` the thread has no current loop:
        // `get_event_loop()` raises, which the rewrite would hide.
        let source = "import asyncio\n\nasync def warmup():\n    pass\n\nasync def main():\n    pass\n\nasyncio.run(warmup())\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())\n";
        check_no_fix(&ASYNCIO_RUN, source);
        assert!(
            reasons(&ASYNCIO_RUN, source)
                .iter()
                .any(|r| r.contains("the module also sets or runs an event loop on line 9")),
            "{:?}",
            reasons(&ASYNCIO_RUN, source)
        );
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def main():\n    pass\n\ndef other():\n    with asyncio.Runner() as runner:\n        runner.run(main())\n\nif __name__ == '__main__':\n    loop = asyncio.new_event_loop()\n    loop.run_until_complete(main())\n",
        );
    }

    #[test]
    fn statements_between_setup_and_run_stay() {
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main, parse\n\nloop = asyncio.new_event_loop()\nargs = parse()\nloop.run_until_complete(main(args))\n",
        );
    }

    #[test]
    fn argument_touching_asyncio_stays() {
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main(asyncio.Queue()))\n",
        );
    }

    #[test]
    fn calls_in_the_argument_of_a_current_loop_stay() {
        check_finding(
            &ASYNCIO_RUN,
            "import asyncio\nimport aiohttp\nfrom app import main\n\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main(aiohttp.ClientSession()))\n",
            MESSAGE,
        );
    }

    #[test]
    fn builtins_and_coroutines_in_the_argument_are_fine() {
        check_fix(
            &ASYNCIO_RUN,
            "import asyncio\nimport sys\nfrom app import main\n\nasync def step():\n    pass\n\nasyncio.get_event_loop().run_until_complete(main(int(sys.argv[1]), step()))\n",
            "import asyncio\nimport sys\nfrom app import main\n\nasync def step():\n    pass\n\nasyncio.run(main(int(sys.argv[1]), step()))\n",
        );
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &ASYNCIO_RUN,
            "import asyncio\nfrom app import main\n\nasyncio.get_event_loop().run_until_complete(main())  # noqa: AM002\n",
        );
    }

    #[test]
    fn main_guard_with_a_module_coroutine_is_safe() {
        check_safe_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def main():\n    pass\n\nif __name__ == \"__main__\":\n    loop = asyncio.get_event_loop()\n    try:\n        loop.run_until_complete(main())\n    except KeyboardInterrupt:\n        pass\n    finally:\n        loop.close()\n",
            "import asyncio\n\nasync def main():\n    pass\n\nif __name__ == \"__main__\":\n    try:\n        asyncio.run(main())\n    except KeyboardInterrupt:\n        pass\n",
        );
    }

    #[test]
    fn module_level_chained_form_is_safe() {
        check_safe_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def main():\n    pass\n\nasyncio.get_event_loop().run_until_complete(main())\n",
            "import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n",
        );
    }

    #[test]
    fn facade_called_many_times_is_unsafe() {
        check_unsafe_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def fetch(x):\n    return x\n\ndef fetch_sync(x):\n    loop = asyncio.get_event_loop()\n    return loop.run_until_complete(fetch(x))\n\nfetch_sync(1)\nfetch_sync(2)\n",
            "import asyncio\n\nasync def fetch(x):\n    return x\n\ndef fetch_sync(x):\n    return asyncio.run(fetch(x))\n\nfetch_sync(1)\nfetch_sync(2)\n",
        );
    }

    #[test]
    fn module_level_function_called_once_is_unsafe_without_the_index() {
        // Another module may import `main` and call it many times.
        check_unsafe_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def amain():\n    pass\n\ndef main():\n    asyncio.get_event_loop().run_until_complete(amain())\n\nif __name__ == \"__main__\":\n    main()\n",
            "import asyncio\n\nasync def amain():\n    pass\n\ndef main():\n    asyncio.run(amain())\n\nif __name__ == \"__main__\":\n    main()\n",
        );
    }

    #[test]
    fn function_of_the_main_guard_called_once_is_safe() {
        check_safe_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def amain():\n    pass\n\nif __name__ == \"__main__\":\n    def main():\n        asyncio.get_event_loop().run_until_complete(amain())\n    main()\n",
            "import asyncio\n\nasync def amain():\n    pass\n\nif __name__ == \"__main__\":\n    def main():\n        asyncio.run(amain())\n    main()\n",
        );
    }

    #[test]
    fn code_that_repeats_is_unsafe() {
        let unsafe_only = |source: &str| check_unsafe_only(&ASYNCIO_RUN, source);
        let head = "import asyncio\n\nasync def f():\n    pass\n\n";
        // A loop at module level.
        unsafe_only(&format!(
            "{head}for i in range(2):\n    asyncio.get_event_loop().run_until_complete(f())\n"
        ));
        unsafe_only(&format!(
            "{head}while asyncio.get_event_loop().run_until_complete(f()):\n    pass\n"
        ));
        // A function passed on, decorated, a method, recursive, called twice.
        let guard = |body: &str| format!("{head}if __name__ == \"__main__\":\n{body}");
        let run = "        asyncio.get_event_loop().run_until_complete(f())\n";
        unsafe_only(&guard(&format!(
            "    def run():\n{run}    list(map(run, []))\n"
        )));
        unsafe_only(&guard(&format!(
            "    @decorate\n    def run():\n{run}    run()\n"
        )));
        unsafe_only(&guard(&format!(
            "    def run():\n{run}    run()\n    run()\n"
        )));
        unsafe_only(&guard(&format!(
            "    def run():\n{run}        run()\n    run()\n"
        )));
        unsafe_only(&format!(
            "{head}class Api:\n    def get(self):\n{run}Api().get()\n"
        ));
    }

    #[test]
    fn statements_between_the_run_and_its_teardown_stay() {
        check_finding(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def main():\n    pass\n\nloop = asyncio.new_event_loop()\nx = loop.run_until_complete(main())\nprint(x)\nloop.run_until_complete(loop.shutdown_asyncgens())\nloop.close()\n",
            MESSAGE,
        );
    }

    #[test]
    fn a_run_passed_to_a_call_with_plain_arguments_is_rewritten() {
        check_safe_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def main():\n    return 3\n\nloop = asyncio.new_event_loop()\nprint(\"count\", loop.run_until_complete(main()), sep=\": \")\nloop.close()\n",
            "import asyncio\n\nasync def main():\n    return 3\n\nprint(\"count\", asyncio.run(main()), sep=\": \")\n",
        );
        // Any other code in the statement would now run after the teardown.
        let source = "import asyncio\nfrom app import main, other\n\nloop = asyncio.new_event_loop()\nprint(other(), loop.run_until_complete(main()))\nloop.close()\n";
        check_no_fix(&ASYNCIO_RUN, source);
        assert!(
            reasons(&ASYNCIO_RUN, source)
                .iter()
                .any(|r| r.contains("the statement on line 5 does more with `run_until_complete`")),
            "{:?}",
            reasons(&ASYNCIO_RUN, source)
        );
        let source = "import asyncio\nfrom app import main, parse\n\nloop = asyncio.new_event_loop()\nargs = parse()\nloop.run_until_complete(main(args))\n";
        assert!(
            reasons(&ASYNCIO_RUN, source)
                .iter()
                .any(|r| r.contains("`run_until_complete`, from line 5")),
            "{:?}",
            reasons(&ASYNCIO_RUN, source)
        );
    }

    #[test]
    fn a_harmless_statement_after_the_run_is_no_teardown() {
        check_safe_fix(
            &ASYNCIO_RUN,
            "import asyncio\n\nasync def main():\n    return 3\n\nloop = asyncio.new_event_loop()\nx = loop.run_until_complete(main())\nprint(x)\npass\n",
            "import asyncio\n\nasync def main():\n    return 3\n\nx = asyncio.run(main())\nprint(x)\npass\n",
        );
    }

    #[test]
    fn work_before_the_teardown_in_a_try_stays() {
        let head = "import asyncio\n\nasync def main():\n    return 5\n\nif __name__ == \"__main__\":\n    loop = asyncio.new_event_loop()\n";
        for rest in [
            // In the `try`'s body, before a `finally` that only closes.
            "    try:\n        r = loop.run_until_complete(main())\n        print(\"ok\", r)\n    finally:\n        loop.close()\n",
            // In the `finally`, before the teardown.
            "    try:\n        loop.run_until_complete(main())\n    finally:\n        print(\"teardown\")\n        loop.run_until_complete(loop.shutdown_asyncgens())\n        loop.close()\n",
            // In the body, before the executor's shutdown in the `finally`.
            "    try:\n        r = loop.run_until_complete(main())\n        print(\"got\", r)\n    finally:\n        loop.run_until_complete(loop.shutdown_default_executor())\n        loop.close()\n",
            // In the `else:`.
            "    try:\n        r = loop.run_until_complete(main())\n    except KeyboardInterrupt:\n        pass\n    else:\n        print(r)\n    finally:\n        loop.close()\n",
            // In the `finally`, before a teardown after the `try`.
            "    try:\n        loop.run_until_complete(main())\n    finally:\n        print(\"done\")\n    loop.close()\n",
        ] {
            check_finding(&ASYNCIO_RUN, &format!("{head}{rest}"), MESSAGE);
        }
        // Work after all of the teardown keeps its place.
        check_safe_fix(
            &ASYNCIO_RUN,
            &format!(
                "{head}    try:\n        r = loop.run_until_complete(main())\n    finally:\n        loop.close()\n        print(\"closed\")\n    print(r)\n"
            ),
            "import asyncio\n\nasync def main():\n    return 5\n\nif __name__ == \"__main__\":\n    try:\n        r = asyncio.run(main())\n    finally:\n        print(\"closed\")\n    print(r)\n",
        );
    }

    #[test]
    fn a_coroutine_that_may_swallow_ctrl_c_is_unsafe() {
        // `asyncio.run` turns Ctrl-C into a cancellation: caught and
        // returned from, it ends the run normally, without `KeyboardInterrupt`.
        let tail = "\nif __name__ == \"__main__\":\n    loop = asyncio.new_event_loop()\n    try:\n        loop.run_until_complete(serve())\n    except KeyboardInterrupt:\n        print(\"interrupted\")\n    finally:\n        loop.close()\n";
        let fixed = "\nif __name__ == \"__main__\":\n    try:\n        asyncio.run(serve())\n    except KeyboardInterrupt:\n        print(\"interrupted\")\n";
        for serve in [
            "async def serve():\n    try:\n        await asyncio.sleep(60)\n    except asyncio.CancelledError:\n        print(\"server stopped\")\n",
            "async def serve():\n    await loop_forever()\n\nasync def loop_forever():\n    while True:\n        try:\n            await asyncio.sleep(1)\n        except BaseException:\n            return\n",
        ] {
            check_unsafe_fix(
                &ASYNCIO_RUN,
                &format!("import asyncio\n\n{serve}{tail}"),
                &format!("import asyncio\n\n{serve}{fixed}"),
            );
        }
        // Without a handler around the run too: the exit status changes.
        let serve = "async def serve():\n    try:\n        await asyncio.sleep(60)\n    except asyncio.CancelledError:\n        pass\n";
        check_unsafe_fix(
            &ASYNCIO_RUN,
            &format!(
                "import asyncio\n\n{serve}\nasyncio.get_event_loop().run_until_complete(serve())\n"
            ),
            &format!("import asyncio\n\n{serve}\nasyncio.run(serve())\n"),
        );
        // Re-raised, it comes back out: safe.
        let serve = "async def serve():\n    try:\n        await asyncio.sleep(60)\n    except asyncio.CancelledError:\n        print(\"server stopped\")\n        raise\n";
        check_safe_fix(
            &ASYNCIO_RUN,
            &format!("import asyncio\n\n{serve}{tail}"),
            &format!("import asyncio\n\n{serve}{fixed}"),
        );
    }

    #[test]
    fn objects_bound_to_the_loop_outside_coroutines_are_left_alone() {
        let tail = "\nasync def main():\n    pass\n\nif __name__ == \"__main__\":\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(main())\n";
        for binds in [
            "READY = asyncio.Future()\n",
            "asyncio.ensure_future(asyncio.sleep(1))\n",
            "def start(c):\n    return asyncio.ensure_future(c)\n",
            "PENDING = asyncio.gather()\n",
            "class C:\n    reader = asyncio.StreamReader()\n",
        ] {
            let source = format!("import asyncio\n\n{binds}{tail}");
            check_finding(&ASYNCIO_RUN, &source, MESSAGE);
        }
        // In a coroutine they bind to the running loop: no matter.
        check_safe_fix(
            &ASYNCIO_RUN,
            &format!(
                "import asyncio\n\nasync def spawn(c):\n    return asyncio.ensure_future(c)\n{tail}"
            ),
            "import asyncio\n\nasync def spawn(c):\n    return asyncio.ensure_future(c)\n\nasync def main():\n    pass\n\nif __name__ == \"__main__\":\n    asyncio.run(main())\n",
        );
    }

    #[test]
    fn primitives_made_at_import_matter_before_3_10() {
        let source = "import asyncio\n\nJOBS = asyncio.Queue()\n\nasync def main():\n    await JOBS.put(1)\n\nif __name__ == \"__main__\":\n    asyncio.get_event_loop().run_until_complete(main())\n";
        let fixed = |target| outcome_at(&ASYNCIO_RUN, source, target).fixed;
        assert_eq!(fixed(PyVersion::PY39), None);
        assert!(fixed(PyVersion::PY310).is_some_and(|text| text.contains("asyncio.run(main())")));
    }

    #[test]
    fn shadowed_asyncio_keeps_the_finding_without_fix() {
        check_finding(
            &ASYNCIO_RUN,
            "from asyncio import new_event_loop\nfrom app import main\n\ndef run(asyncio):\n    loop = new_event_loop()\n    loop.run_until_complete(main())\n",
            MESSAGE,
        );
    }
}
