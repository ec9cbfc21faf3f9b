use ruff_python_ast::Number;
use ruff_python_ast::helpers::any_over_expr;
use rustc_hash::FxHashSet;

use crate::codemods::prelude::*;
use crate::fix::layout::indent_unit;
use crate::fix::statements::wrap_statement_hoisting;
use crate::fix::syntax::{contains_comment, line_break_outside_brackets};
use crate::semantic::cancellation::KeptCancellation;
use crate::semantic::functions::Callee;
use crate::semantic::imports::Lookup;
use crate::semantic::numbers::{is_non_positive_literal, names_read};
use crate::semantic::patches::StandIn;
use crate::semantic::statements::statement_value;
use crate::semantic::{ScopeId, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Turns a statement whose whole value is `await asyncio.wait_for(aw, t)`
    /// into `async with asyncio.timeout(t):` around the same statement awaiting
    /// `aw` directly. It works for an expression statement, the right side of
    /// a plain, annotated or augmented assignment, and a `return`; `aw` keeps
    /// its own layout and comments. A one-line body (`if ready: await
    /// asyncio.wait_for(…)`) becomes a block. A `wait_for` that is part of a
    /// larger expression is reported without a fix.
    ///
    /// ## Why
    /// `asyncio.timeout` (Python 3.11) is the structured way to bound a wait:
    /// the deadline covers a block, the awaited call runs in the caller's task
    /// rather than a task of its own, and it avoids the races `wait_for` had
    /// when the inner call finished just as the timeout fired. Since Python
    /// 3.12, `wait_for` is itself written this way.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def fetch(client):
    ///     reply = await asyncio.wait_for(client.get("/status"), timeout=5)
    ///     return reply
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def fetch(client):
    ///     async with asyncio.timeout(5):
    ///         reply = await client.get("/status")
    ///     return reply
    /// ```
    ///
    /// ## Fix safety
    /// Safe. Checked by running programs before and after the rewrite: both
    /// forms raise `TimeoutError` on timeout (in 3.11 `asyncio.TimeoutError`
    /// is that same class), caused by a `CancelledError`; both cancel the
    /// awaited call, a future or a task (`shield`, `gather` and executor
    /// futures included) and wait for it to finish cancelling; a value
    /// returned by an awaitable that swallows the cancellation wins in both;
    /// a `CancelledError` raised inside `aw`, or a cancellation of the caller
    /// from outside, passes through as `CancelledError`; nested deadlines
    /// fire the same way and leave the task's `cancelling()` count as it
    /// was; `None` is no timeout; a `return` in the block and a `try/finally`
    /// around it behave as before. What differs, and how the fix deals with it:
    ///
    /// - Order of evaluation: `wait_for(aw, t)` evaluates `aw` (its callee
    ///   and arguments: a plain function returning an awaitable runs there),
    ///   then `t`; the rewrite evaluates `t` first. For `x[k] += …`, the
    ///   target is read before both, and now after `t`. The fix needs one
    ///   side free of effects, in ruff's sense: no call, `await`, `yield`,
    ///   `:=`, comprehension, subscript or operator on a non-literal; names,
    ///   attribute reads, literals and `*`/`**` unpacking are fine. A side
    ///   also counts as having effects when it reads a name that some
    ///   function rebinds with `global` or `nonlocal`, or that the module
    ///   writes through `globals()`. And the fix is left out when a call
    ///   the awaitable makes may run code of the project that writes what
    ///   the timeout reads as a module attribute (`wait_for(start_job(),
    ///   T)`, where the plain `start_job` calls another module's function
    ///   doing `app.svc.T = 0.01`): the calls are followed through the
    ///   project's plain functions (an `async def` runs nothing when
    ///   called; a class's construction, or a call the index cannot follow,
    ///   may), and a write counts where a module they reach spells it; a
    ///   write elsewhere (a test patching the timeout around the code)
    ///   keeps the fix. With a timeout that
    ///   has effects, an augmented target must be a plain name. Known and
    ///   accepted, as in ruff: an attribute read counts as free of effects,
    ///   so a property, or a plain method called in `aw` that changes the
    ///   attribute the timeout reads (`wait_for(c.connect(), c.timeout)`),
    ///   would see the other order. A name counts as free of effects only
    ///   where it is surely bound (a parameter, a local an earlier statement
    ///   of an enclosing block always binds, a module name bound before the
    ///   function is defined, a builtin): reading one that may be unbound
    ///   (`if "timeout" in cfg: t = cfg["timeout"]`, then `t`) raises, now
    ///   before `aw` is evaluated. An `aw` that is a call of an `async def`
    ///   of the module (undecorated, bound once by its `def`, not replaced
    ///   from elsewhere) with names or literals as arguments runs none of
    ///   the coroutine's code when made, so it may come second whatever the
    ///   timeout does (`TIMEOUT` bound below the function).
    /// - What moves under the deadline: `aw`'s callee and arguments, and an
    ///   augmented target, now run after the deadline is set, so their
    ///   (synchronous) time counts against it; a slow argument can time out
    ///   where it did not (loud: a `TimeoutError`). `aw` and the targets may
    ///   hold no `await` or `yield` (an `await key()` in `d[await key()] = …`
    ///   would now run under the deadline; a `yield` would suspend the
    ///   generator inside it), and neither `aw` nor the timeout a `:=` (the
    ///   other side could read what it assigns).
    /// - A timeout of zero or less: `wait_for` cancels `aw` before it starts
    ///   (a queue item stays queued); `timeout()` lets it run to its first
    ///   suspension, and returns its result if it never suspends (the item is
    ///   taken). Left alone: a literal zero, negative number or boolean; a
    ///   timeout that can reach zero or below (`deadline - loop.time()`,
    ///   `min(5, end - now)`, `-t`, `n % k`, `n // k`, `int(x)`,
    ///   `float(x)`, `round(x)`); a call's result, unless the call is one
    ///   whose result is bounded: `max(5, x)` with an argument above zero,
    ///   `min(…)` of arguments all above zero, `abs(x)` and `len(x)` at
    ///   least zero (so `len(xs) + 1` and `abs(off) + 0.5` keep the fix,
    ///   `len(PEERS)`, `sum(xs)`, `min(len(xs), 5)`, `"abc".find("z") + 1`,
    ///   `divmod(5, 5)[1]`, `ast.literal_eval(…)`, `cfg.get("t", 5)` do not);
    ///   a value the code spells that Python cannot hold as followed (`1 /
    ///   10 ** 400` underflows to zero); and a name set so in the code,
    ///   followed through a few names (past six, a chain counts as not
    ///   known to be above zero): `left = end - now`, `timeout -= spent`, `first, later = 0,
    ///   1`, `(t := 0)`, a loop over values with a zero (`for t in (1, 0)`,
    ///   `for t in range(3)` and `enumerate(...)`'s count start at zero),
    ///   arithmetic over such a name (`delay = attempt * 0.5`), a parameter
    ///   whose default is one or that a call of its function in this module
    ///   passes one (`take(q, 0)`, `inbox.receive(timeout=0)`: calls are
    ///   matched by the function's name, by position or keyword, and
    ///   `*args` / `**kwargs` holding one count; a function the module also
    ///   reaches other than by a call of its name, `partial(take, …)`,
    ///   `poll = take`, `getattr(box, "receive")`, counts as passed one,
    ///   and so does a function decorated by code of the project or of
    ///   the module, which may keep it in a registry or wrap it
    ///   (`@handler("get")`, `@no_wait`; a library's decorator,
    ///   `@staticmethod`, `@asynccontextmanager`, keeps the fix);
    ///   `not x` and a comparison, `timeout > 5`, may be `False`, zero); a
    ///   module-level name of a project module set so there, imported (`from
    ///   .settings import TIMEOUT`, re-exports followed) or read as the
    ///   module's attribute (`settings.TIMEOUT`), as the project index's
    ///   summary of that module says (a function of it that rebinds the
    ///   name through `global` from what it is passed, `def configure(t):
    ///   global TIMEOUT; TIMEOUT = t`, may be called with zero from another
    ///   module; a literal above zero, `TIMEOUT = 10`, keeps the fix); and a
    ///   module-level name (its own, or
    ///   the one it is imported from) that another file of the project may
    ///   write as the module's attribute with a value not known to be above
    ///   zero: a test forcing the timeout path (`mock.patch(
    ///   "app.service.TIMEOUT", 0)`, `patch.object(service, "TIMEOUT", 0)`,
    ///   `@patch(…)`, `monkeypatch.setattr(…)`, `service.TIMEOUT = 0`,
    ///   `setattr(…)`, `vars(service)["TIMEOUT"] = 0`, `service.__dict__
    ///   .update(TIMEOUT=0)`, a loop over modules, `for m in (svc,):
    ///   m.TIMEOUT = 0`, or a write by a computed name; `setattr` used
    ///   as a value, `set_ = setattr`, may write any module's attribute); a
    ///   number literal above zero written there keeps the fix. A local
    ///   of the function set from such a name (`t = TIMEOUT`, `t =
    ///   settings.TIMEOUT`, `timeout = RETRY_BASE * attempt`), through
    ///   every assignment of it, counts the same. The rule
    ///   for a name, in the semantic layer every codemod asks: each binding
    ///   of it counts, whatever its form and wherever it runs (a function's
    ///   through `global` too). Values the code spells are worked out
    ///   (`TIMEOUT = 8` then `TIMEOUT >>= 1` is four: safe; `TIMEOUT = 5`
    ///   then `TIMEOUT >>= 3` is zero; `0.5 ** 2000` underflows to zero);
    ///   otherwise an augmented assignment counts by its operator (`-=`,
    ///   `%=`, `//=`, `>>=`, `&=`, `^=`, `@=` may reach zero, and so may a
    ///   product by less than one or a power repeated in a loop); a binder
    ///   whose value the code does not spell (`with nullcontext(0) as
    ///   TIMEOUT`, `except … as`, a `match` capture, `del`, a name imported
    ///   from a library) is not known to be above zero. A name of a project
    ///   module is also what its star imports may bind again (not a name
    ///   their module's literal `__all__`, or its leading `_`, keeps out),
    ///   what the module writes into its own namespace (`globals().update(
    ///   TIMEOUT=0)`), and, for a name it does not bind, what its module
    ///   `__getattr__` returns: all count as not known to be above zero.
    ///   A parameter is also asked of the project's other files: one that
    ///   calls the function by its name (`box.receive(timeout=0)`,
    ///   `svc.take(q, t)`, by keyword or position) passing it anything but
    ///   a number literal above zero or `None` (a string or a container is
    ///   no timeout), `*args` or `**kwargs`, or that uses the name other
    ///   than as a call's callee (`partial(svc.take, timeout=0)`, `poll =
    ///   box.receive`, `getattr(box, "receive")`, an import of it under
    ///   another name) keeps the code as it is, and the message names the
    ///   file, the line and what it passes; callers that leave the
    ///   parameter to its default keep the fix. Calls are matched by the
    ///   name, so another object's method of the same name counts too.
    ///   Not known: a value read from an object's attribute or item
    ///   (`self.timeout` set to `0` elsewhere, `cfg["t"]`) that is zero or
    ///   negative at run time, and a function reached by no name (returned
    ///   by a factory and called there).
    /// - On Python 3.11 only, `wait_for` runs a coroutine in a task of its
    ///   own; after the rewrite it runs in the caller's task, as 3.12's
    ///   `wait_for` itself does: context variables it sets stay visible to
    ///   the caller, `asyncio.current_task()` inside it is the caller, it
    ///   starts at once rather than after the tasks already ready to run,
    ///   and a cancellation that arrives just as it completes is delivered
    ///   (a `CancelledError`) instead of being swallowed, as 3.11's
    ///   `wait_for` did. Three more 3.11 differences keep the code as it is
    ///   unless `--target-version` is 3.12 or later: a `SystemExit` or
    ///   `KeyboardInterrupt` raised in the awaited coroutine escapes
    ///   `wait_for`'s task and the event loop itself (`asyncio.run`
    ///   re-raises it), while awaited directly it goes up through the
    ///   caller's handlers: left alone where a handler around the statement
    ///   in its function may catch one (`except SystemExit:`, `except
    ///   KeyboardInterrupt:`, `except BaseException:`, bare `except:`, a
    ///   tuple holding one, a name the module cannot resolve, a
    ///   `suppress(…)` or a test's `pytest.raises(…)` naming one, a
    ///   `finally:` that returns, breaks, continues or raises), while
    ///   handlers in the callers are not looked at. And 3.11's `asyncio.timeout()`
    ///   turns only `CancelledError` itself into `TimeoutError` (it tests
    ///   `exc_type is CancelledError`), where `wait_for` also converts a
    ///   subclass of it that the awaited code raises when cancelled: left
    ///   alone in a module that defines such a subclass (also through an
    ///   alias, `CE = asyncio.CancelledError`, or made by `type(…)`) or a
    ///   class whose base it cannot tell, which may be one: a base computed
    ///   by a call (`getattr(asyncio, "CancelledError")`, a function of the
    ///   module, `vars(asyncio)[…]`), unpacked (`*bases`), chosen by a
    ///   condition (`Base = A if x else asyncio.CancelledError`), a class
    ///   factory's parameter (`def make(base): class S(base)`), an
    ///   attribute of an object or a class. A class of another module is
    ///   taken to be what its name says (one defined there is not seen), as
    ///   is a class made by a standard or well-known library's function
    ///   from arguments that name none (`namedtuple(…)`). And on a
    ///   cancellation 3.11's `wait_for` cancels its task, waits for it and
    ///   raises `CancelledError` in the caller whatever the awaited
    ///   coroutine did, while a coroutine awaited directly that keeps the
    ///   cancellation (a handler that may catch `CancelledError` and go on
    ///   or raise another exception, a `finally:` that returns, a context
    ///   manager, a class of the module or of another project module,
    ///   whose exit may return true or raise another exception, a
    ///   `@contextmanager` generator whose handler around its `yield` goes
    ///   on, a `functools.partial` of such a manager, an exit stack given
    ///   such a callback or manager)
    ///   ends the caller's cancellation too, and the caller goes on: left
    ///   alone where the awaited call is to a coroutine of the module that
    ///   may keep it (read through the module's calls to a bounded depth),
    ///   or of another project module whose summary says it, or the
    ///   project's code it awaits (followed from module to module, to a
    ///   bound past which it "may"), may (a `finally:` that raises another
    ///   exception, or a handler or `finally:` that calls a function of the
    ///   module or the project that may raise one, itself or through the
    ///   functions it calls, counts: the caller sees
    ///   that exception instead; so do an `assert`, a `raise` of another
    ///   exception before the one that ends a handler, and a class of the
    ///   module or the project constructed there whose `__new__`,
    ///   `__init__` or `__post_init__`, its own or a project base's, may
    ///   raise). A manager's exit is looked for along all the bases of its
    ///   class, wherever they are defined: a class of the module entered
    ///   there has its bases of other project modules followed by the
    ///   index through imports, re-exports and module attributes
    ///   (`class Quiet(guards.Guard)`), mixins and several levels of bases;
    ///   a class deriving from `contextlib.suppress` keeps what it is given
    ///   (anything, where a class on the way binds `__init__` or `__new__`,
    ///   or for a class of another module), and so does `suppress` under
    ///   another name given a class that may be `CancelledError`
    ///   (`ignoring = contextlib.suppress`, `from contextlib import
    ///   suppress as quiet` in another project module, an alias there
    ///   re-exported through a star import: the index follows imports and
    ///   aliases; a manager of the project the index cannot resolve so
    ///   given may keep it); a base the analysis cannot
    ///   follow (made by a call, a name bound otherwise, one of another
    ///   project module the index cannot read) may bind any exit, for a
    ///   class whose instance is entered, not for one merely called. A
    ///   library's other classes are trusted. An attribute read in such a
    ///   handler or `finally:` (`conn.closed`) may run a property getter:
    ///   the receiver's class is not told, so a getter of that name (a
    ///   decorated `def` that is no setter, deleter, static or class
    ///   method) of any class of the module or the project that may raise
    ///   counts. A plain function that returns a step of an async
    ///   generator (`gen().__anext__()`, `asend`, `athrow`, `anext(gen())`)
    ///   runs the generator's body, read as a coroutine's. An exception raised by accident in such cleanup (`1/0`, a
    ///   `KeyError` of `d[k]`, `[][0]`, `next(iter(()))`, a local left
    ///   unbound, an attribute of `None`, a library's function that
    ///   raises) is not looked for: on 3.11 `wait_for` hid such an error
    ///   behind the caller's `CancelledError`; after the fix the caller
    ///   sees it. 3.12+ `wait_for` behaves like the fix already; an
    ///   explicit `raise`, an `assert`, or a call to project code that
    ///   raises is looked for. An exception class imported from a
    ///   project module, in the module or in the project's code it
    ///   awaits, is followed there, through re-exports and star imports:
    ///   a name bound to a class or a tuple of them (`STOP =
    ///   (asyncio.CancelledError, KeyboardInterrupt)`, `Stop =
    ///   CancelledError`, `Any = BaseException`, `from builtins import
    ///   BaseException as Stop`) catches it when one of them may; a name there the index cannot show to be no base of
    ///   `CancelledError` (bound some other way) may catch it; a library's
    ///   class is what its name says. Likewise a function imported from a
    ///   project module and called in a handler or `finally:` may raise
    ///   when its own code raises, or when the index cannot follow it (a
    ///   method of an object a library made there, `log.info`, is a
    ///   library's); an exit callback of the project given to an exit
    ///   stack may keep it; a
    ///   manager made by a factory, an alias or held in an attribute, in a
    ///   module with a class (or an import) whose exit may keep it, may be
    ///   one. A call in such a handler or `finally:` whose callee the
    ///   analysis cannot follow to code that raises nothing may raise: a
    ///   name bound once to another name or a lambda is followed (`cb =
    ///   report; cb()`, `close = lambda: fail()`); a loop variable
    ///   (`for cb in CLEANUP: cb()`), a parameter, a container's item
    ///   (`ON_EXIT["db"]()`) or a call's result may be any function; a
    ///   method of another object (`c.close()`, `getattr(c, "close")()`)
    ///   is any function of the module by that name, but for a stub that
    ///   only raises `NotImplementedError` (or an `@abstractmethod`),
    ///   which an override replaces; `sys.exit()` raises `SystemExit`. A
    ///   method of an object whose class the module shows (`c = Conn()`
    ///   then `c.close()` or `await c.aclose()`, `Conn().close()`, an exit
    ///   stack's `stack.callback(c.close)`) is that class's, read along its
    ///   bases, a class of another project module as the index reads it (a
    ///   name bound there otherwise than by a `def` may raise; a library's
    ///   class is trusted); so are the methods cleanup runs without naming
    ///   them: `close()` for `contextlib.closing(c)` (`aclose()` for
    ///   `aclosing`, also around code that suspends), `__format__`,
    ///   `__str__` and `__repr__` for an f-string, `print(c)` or `str(c)`,
    ///   `__bool__` and `__len__` for `if c:`, `__iter__` for `for x in c:`,
    ///   the enter and exit methods of a manager entered there, and
    ///   `__getattr__` for an attribute read. A function handed to
    ///   `asyncio.to_thread` or `run_in_executor` is called there. An exit
    ///   that calls code that may raise (`self.rollback()`, `await
    ///   self.close()`) may raise in place of the exception it is given,
    ///   and a property made by a call (`closed = property(_get_closed)`)
    ///   is read through its getter. A descriptor's `__get__` is not looked
    ///   for. A
    ///   class's exit or other async dunder bound after its body
    ///   (`Guard.__aexit__ = _swallow`, `setattr(Guard, "__aexit__", …)`,
    ///   in a class decorator) is read when the value written is a
    ///   function of the module, and may keep it otherwise (a `setattr`
    ///   with a computed name on a class, a decorator other than
    ///   `dataclass`, `final` or `total_ordering`, a metaclass other than
    ///   `type` or `ABCMeta`, a class made by `type(…)` with a namespace
    ///   that may bind an exit). An `__await__` generator is thrown into
    ///   at its `yield`s: its own handlers count. A method awaited through
    ///   a class attribute bound to a function (`handler = _keep`, then
    ///   `await self.handler()`) is read as that function, another value
    ///   there may keep it; a coroutine of a module imported at run time
    ///   (`lib = importlib.import_module(…)`, then `await lib.job()`) may.
    ///   A decorated function whose decorator may
    ///   replace it, in a module (its own, or its decorator's) with a
    ///   coroutine that may keep it, may run that one as its wrapper; so
    ///   may a name of another project module the index cannot follow (an
    ///   alias `job = _job`, a name bound twice or under a condition, one
    ///   a module `__getattr__` or star import gives), in a module that
    ///   has or imports such a coroutine. An attribute that a
    ///   property of the module computes is read through its getter's
    ///   returned calls (a getter returning anything else counts as
    ///   unknown); a task held in a name bound once to `create_task(…)` or
    ///   `ensure_future(…)` of a call is read as that call, and a method of
    ///   an instance of a project class as its summary says. Awaiting,
    ///   entering (`async with`) or iterating (`async for`) an instance runs
    ///   its class's `__await__` (what it returns or delegates to with
    ///   `yield from`, `other().__await__()` read as `other()`),
    ///   `__aenter__`, `__aiter__` and `__anext__`: read in the module, and
    ///   for a class of another project module as the index says, also
    ///   where it is a base of the module's class (`class Quiet(Guard)`
    ///   with `Guard.__aenter__` catching `CancelledError`); so is
    ///   `super().name()`, read in each base of the enclosing class,
    ///   wherever defined. A call of a function read out of a container or
    ///   made by a call (`HANDLERS[name]()`, a registry a decorator fills)
    ///   is left alone when the module has, or its imports reach (the
    ///   project modules they import at their top level, transitively), a
    ///   coroutine that may keep it. An awaitable
    ///   the analysis cannot follow (a call of an alias, of a dictionary's
    ///   value or of a parameter, another task or awaitable held in a
    ///   variable) is left alone in a module
    ///   that has any coroutine that may keep its cancellation, which it
    ///   may reach; in a module that imports one, so is a call of
    ///   something it cannot trace when the module uses such an import as
    ///   a value (`job = h`, `{"h": h}`, `partial(h)`, `run(h)`), a method
    ///   call whose name a coroutine of that import's module that may keep
    ///   it bears, and an awaitable held in an attribute or a variable.
    ///   An imported class may give one through its own methods, and
    ///   through what awaiting, entering or iterating an instance runs in
    ///   its bases, as far as the index follows them; a base the index
    ///   cannot follow counts for a method awaited on an instance, or an
    ///   instance awaited or entered, not for a class merely called.
    ///   Other method calls, attributes and a library's
    ///   functions are another object's. Elsewhere a
    ///   coroutine neither shows (a library's, a method of an object the
    ///   module does not define, a task or future) is taken to let its
    ///   cancellation out, as 3.12's `wait_for` assumes too, and so are
    ///   two more 3.11 differences: a second cancellation while the
    ///   awaited coroutine cleans up after the first now interrupts that
    ///   cleanup (3.11's `wait_for` shielded it in its own task), and a
    ///   timeout so small that it expires before the coroutine's first
    ///   step may now cancel it at that step.
    ///   From 3.12 `wait_for` is itself `async
    ///   with timeouts.timeout(…)` (as CPython's 3.12 source reads; only
    ///   3.11 was run), so nothing here changes there.
    /// - `asyncio.timeout()` needs a current task, which every coroutine that
    ///   asyncio runs has; only a coroutine stepped by hand with `send()`
    ///   inside a running loop would now fail (loudly).
    ///
    /// Comments inside the removed `wait_for(…)` parts move to the end of the
    /// `async with` line. `asyncio` is imported when the module has no binding
    /// for it; a `from asyncio import wait_for` left unused is removed.
    ///
    /// Another file of the project that writes asyncio's `wait_for`, or the
    /// `timeout` the fix starts calling (by that name, on the module, a name
    /// bound to it, `sys.modules["asyncio"]`, its `__dict__`; a write by a name or target
    /// the code computes, `setattr(asyncio, name, f)`, `mock.patch(target)`, in a
    /// file that spells the module's name in a string, counts for every member, and so does
    /// `sys.modules["asyncio"] = shim`): a
    /// mock's patch (`mock.patch(…)`, `patch.object(…)`, `patch.multiple(…)`,
    /// `patch` imported under another name, `monkeypatch.setattr(…)`, as a
    /// test does around the code it tests)
    /// makes the fix unsafe, as its failure shows in that test; any other
    /// write (a wrapper installed as `asyncio.wait_for = traced`) leaves it without a fix, as the fixed code would
    /// silently no longer reach the stand-in. The note names the file.
    ///
    /// The same holds for the class a timeout raises: `asyncio.timeout()`
    /// raises the builtin `TimeoutError` as it is looked up when it raises,
    /// `wait_for` the `TimeoutError` of `asyncio.exceptions` read then. They
    /// are one class until some code replaces one of its names: the module
    /// itself or any file of the project (a test too) that writes
    /// `builtins.TimeoutError`, `asyncio.exceptions.TimeoutError`,
    /// `asyncio.TimeoutError` or `concurrent.futures.TimeoutError` (by that
    /// name, a name bound to the module, `import builtins as b`, a loop
    /// variable over modules `for m in (builtins,):`, `sys.modules[…]`,
    /// `importlib.import_module(…)`, `builtins.__dict__[…]`, `vars(builtins)
    /// […]`, `__builtins__[…]`, `mock.patch.dict("builtins.__dict__", …)`; a
    /// namespace kept in a variable or a name the code computes, `setattr(
    /// builtins, NAME, X)`, counts as a write of every name) leaves the fix
    /// out (unsafe for a mock's patch), as the fixed code would raise
    /// another class than the one a handler catches. A project that writes
    /// other attributes of `builtins` keeps the fix.
    ///
    /// ## Left alone
    /// A module that may bind the name the call goes through behind its
    /// binding statements' backs is reported without a fix: through its
    /// namespace (`globals()["wait_for"] = …`, `G = globals()` kept,
    /// `exec`) or its own object (`sys.modules[__name__].X = …`,
    /// `setattr(sys.modules[__name__], "X", …)`,
    /// `importlib.import_module(__name__).X = …`, `import __main__;
    /// __main__.X = …`).
    /// The same writes count as rebinding a timeout's name (`T`), so a
    /// timeout read from such a global may be zero or may change under the
    /// awaitable.
    ///
    /// Reported without a fix: `wait_for` inside a larger expression (an
    /// argument, a condition, a comprehension, `gather(wait_for(…), …)`);
    /// the evaluation-order, deadline, zero-timeout and 3.11-only
    /// (`SystemExit` and `KeyboardInterrupt` handlers, `CancelledError`
    /// subclasses) cases above; an
    /// awaitable that `await` would need parentheses around (`a if c else
    /// b`); a statement that shares its line with other code (`a; b`, a
    /// one-line body whose clause header or statement spans lines, a body
    /// that a backslash continues from its header's line); arguments
    /// other than `(aw, t)` / `(aw, timeout=t)`; a timeout spread over
    /// several lines. Nothing at all before `--target-version py311`, where
    /// `asyncio.timeout` does not exist.
    ///
    /// A `wait_for` a star import may rebind (`from asyncio import wait_for`
    /// followed by `from compat import *`): a star import that runs after
    /// the binding, in a loop, or before module code that calls into the
    /// module, leaves the name unknown.
    ///
    /// Reported without a fix: a module that replaces or patches
    /// `asyncio.wait_for` or `asyncio.timeout` (`asyncio.wait_for =
    /// other.wait_for`, `setattr(asyncio, …)`, `vars(asyncio)[…] = …`,
    /// `mock.patch.multiple(asyncio, …)`, `mock.patch(f"asyncio.{name}")`,
    /// the module object handed on or stored): the rewrite would call
    /// another function than the code does.
    pub static WAIT_FOR_TO_TIMEOUT = Codemod {
        code: "AM003",
        name: "wait-for-to-timeout",
        min_python: PyVersion::PY311,
        safety: Applicability::Safe,
        run: wait_for_to_timeout,
        needles: &["wait_for"],
        requires: &["asyncio", ASYNC_DEF],
    };
}

const MESSAGE: &str = "`await asyncio.wait_for(…)` instead of `async with asyncio.timeout(…)`";

fn wait_for_to_timeout(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let mut statements = FxHashSet::default();

    // Statements directly in a coroutine's body whose whole value is the wait.
    for suite in semantic.coroutine_suites() {
        for stmt in suite.body {
            let Some(Expr::Call(call)) = awaited_value(stmt) else {
                continue;
            };
            if !is_wait_for(semantic, &call.func, suite.scope) {
                continue;
            }
            statements.insert(call.start());
            report_statement(ctx, out, suite.scope, stmt, call);
        }
    }

    // Any other `wait_for` that runs in a coroutine: reported only.
    for site in &semantic.calls {
        if statements.contains(&site.call.start())
            || !is_wait_for(semantic, &site.call.func, site.scope)
            || !semantic.runs_in_coroutine(site.scope)
        {
            continue;
        }
        out.report(&WAIT_FOR_TO_TIMEOUT, site.call.range(), MESSAGE)
            .note("part of a larger expression: only a statement whose whole value is `await asyncio.wait_for(…)` can become an `async with` block");
    }
}

fn report_statement(
    ctx: &Context,
    out: &mut Findings,
    scope: ScopeId,
    stmt: &Stmt,
    call: &ast::ExprCall,
) {
    let finding = out.report(&WAIT_FOR_TO_TIMEOUT, call.range(), MESSAGE);
    let Some((awaitable, timeout)) = wait_for_arguments(call) else {
        finding.note("only `wait_for(aw, t)` and `wait_for(aw, timeout=t)` are rewritten");
        return;
    };
    if let Some(patched) = REPLACEABLE
        .iter()
        .find(|qualified| ctx.semantic.may_replace(qualified))
    {
        finding.note(format!(
            "the module replaces or patches `{patched}` (`asyncio.wait_for = …`, `mock.patch`), so the rewrite may not call what the code calls"
        ));
        return;
    }
    if let Some(rebinding) = ctx
        .semantic
        .rebinding(&call.func, "asyncio.wait_for", scope)
    {
        finding.note(format!(
            "{}, so the rewrite may not call what the code calls",
            rebinding.found()
        ));
        return;
    }
    if let Err(reason) = rewrite_keeps_meaning(ctx, scope, stmt, awaitable, timeout) {
        finding.note(reason);
        return;
    }
    // Another file of the project that patches `asyncio.wait_for` (a test
    // forcing the timeout path with `mock.patch`) or replaces it (a
    // wrapper counting timeouts) would no longer be reached.
    // So would one that replaces `asyncio.timeout`, which the rewritten
    // code would now reach.
    // And so would one that replaces a `TimeoutError` (the builtin, which
    // `timeout()` raises, or `asyncio.exceptions.TimeoutError`, which
    // `wait_for` raises, or an alias a handler names): the fix changes
    // which class is raised. A stand-in put there for good wins over a
    // test's mock, for the note.
    let stand_in = ctx.semantic.stand_in(
        &["asyncio.wait_for", "asyncio.timeout"],
        "the rewritten code calls `timeout` instead of `wait_for`",
    );
    let stand_in = match stand_in {
        // `wait_for(aw, None)` never times out: no `TimeoutError` at all.
        Some(StandIn::Replaced(_)) => stand_in,
        _ if timeout.is_none_literal_expr() => stand_in,
        _ => ctx
            .semantic
            .timeout_error_stand_in(
                "the rewritten code raises the builtin `TimeoutError` where `wait_for` raised `asyncio.exceptions.TimeoutError`, and they may then be different classes",
            )
            .filter(|found| matches!(found, StandIn::Replaced(_)) || stand_in.is_none())
            .or(stand_in),
    };
    let (applicability, finding) = match stand_in {
        Some(StandIn::Replaced(note)) => {
            finding.note(note);
            return;
        }
        Some(StandIn::Mocked(note)) => (Applicability::Unsafe, finding.note(note)),
        None => (Applicability::Safe, finding),
    };
    if timeout.is_none_literal_expr() {
        // `wait_for(aw, None)` waits without a timeout: that is `await aw`.
        finding.fix_with(applicability, |fix| {
            let around = [
                TextRange::new(call.start(), awaitable.start()),
                TextRange::new(awaitable.end(), call.end()),
            ];
            if around
                .iter()
                .any(|range| contains_comment(ctx.tokens, *range))
            {
                anyhow::bail!("a comment outside the awaitable would be lost");
            }
            fix.title("Await it directly: a timeout of `None` is no timeout");
            let text = &ctx.source[awaitable.range()];
            // Out of the call's brackets, a line break in the awaitable
            // would end the statement: it keeps brackets of its own.
            if line_break_outside_brackets(ctx.tokens, awaitable.range()) {
                fix.replace(call.range(), format!("({text})"));
            } else {
                fix.replace(call.range(), text);
            }
            fix.remove_import_if_unused(&call.func);
            Ok(())
        });
        return;
    }
    finding.fix_with(applicability, |fix| {
        let timeout_fn = fix.ensure_import("asyncio", "timeout")?;
        fix.title(format!("Use `async with {timeout_fn}(…)`"));
        let timeout = &ctx.source[timeout.range()];
        // `if ready: x = await wait_for(…)`: the body becomes a block.
        let header = |indent: &str| header_lines(ctx, indent, &timeout_fn, timeout);
        let edits = wrap_statement_hoisting(ctx, stmt, header, call.range(), awaitable.range())?;
        for edit in edits {
            fix.edit(edit);
        }
        fix.remove_import_if_unused(&call.func);
        Ok(())
    });
}

/// The awaited expression of a statement whose whole value is `await X`:
/// `await X`, `a = await X`, `a: T = await X`, `a += await X`, `return await X`.
fn awaited_value(stmt: &Stmt) -> Option<&Expr> {
    match statement_value(stmt)? {
        Expr::Await(awaited) => Some(&awaited.value),
        _ => None,
    }
}

/// What the code calls and what the fix would call instead: replaced in
/// the module (`asyncio.wait_for = compat.wait_for`), the rewrite would
/// change which function runs.
const REPLACEABLE: &[&str] = &[
    "asyncio.wait_for",
    "asyncio.tasks.wait_for",
    "asyncio.timeout",
    "asyncio.timeouts.timeout",
];

/// Whether `func` is `asyncio.wait_for`, under any import spelling.
fn is_wait_for(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> bool {
    semantic.refers_to(func, scope, "asyncio.wait_for")
        || semantic.refers_to(func, scope, "asyncio.tasks.wait_for")
}

/// `(aw, t)` of `wait_for(aw, t)` or `wait_for(aw, timeout=t)` (the first
/// parameter is called `fut`, which `fut=aw` may name).
fn wait_for_arguments(call: &ast::ExprCall) -> Option<(&Expr, &Expr)> {
    let arguments = &call.arguments;
    if arguments.len() != 2
        || arguments.args.iter().any(Expr::is_starred_expr)
        || arguments
            .keywords
            .iter()
            .any(|k| !matches!(k.arg.as_deref(), Some("fut" | "timeout")))
    {
        return None;
    }
    let awaitable = arguments.find_argument_value("fut", 0)?;
    let timeout = arguments.find_argument_value("timeout", 1)?;
    // `wait_for(timeout=t, fut=aw)` evaluates `t` first: fine, but rare
    // enough that only the usual orders are taken.
    (awaitable.start() < timeout.start()).then_some((awaitable, timeout))
}

/// Whether `async with timeout(t): … await aw` means what `await
/// wait_for(aw, t)` meant (see Fix safety); the reason when it may not.
/// `stmt` is the statement the wait is the value of: its targets run after
/// the timeout now, and inside the block.
fn rewrite_keeps_meaning(
    ctx: &Context,
    scope: ScopeId,
    stmt: &Stmt,
    awaitable: &Expr,
    timeout: &Expr,
) -> Result<(), String> {
    awaitable_can_move(awaitable)?;
    if timeout.is_none_literal_expr() {
        // No deadline and nothing reordered: `wait_for(aw, None)` is `await aw`.
        return Ok(());
    }
    if contains(timeout, |e| matches!(e, Expr::Named(_))) {
        return Err("the timeout assigns with `:=`, which the awaitable could read".to_string());
    }
    if assignment_targets(stmt).any(|target| contains(target, is_suspension)) {
        return Err(
            "the assignment target holds an `await` or `yield`, which would now run under the deadline"
                .to_string(),
        );
    }
    if ctx.settings.target_version < PyVersion::PY312 {
        // On 3.11 `wait_for` runs a coroutine in a task of its own.
        if let Some(handler) = ctx
            .semantic
            .handler_catching_exactly(stmt, &["SystemExit", "KeyboardInterrupt"])
        {
            return Err(format!(
                "a handler around it on line {} may catch `SystemExit` or `KeyboardInterrupt`: on Python 3.11, raised in the awaited coroutine they escape `wait_for`'s task and the event loop; awaited directly they would reach that handler",
                ctx.line_index().line_index(handler.start()).get()
            ));
        }
        if let Some(class) = ctx.semantic.cancelled_error_subclass() {
            return Err(format!(
                "the module defines `{}`, which is or may be a subclass of `CancelledError`: on Python 3.11 `wait_for` turns it into `TimeoutError` on timeout, `timeout()` lets it through",
                class.name
            ));
        }
        // On cancellation 3.11's `wait_for` cancels the task it made, waits
        // for it and raises `CancelledError` whatever the task did with it;
        // awaited directly, a coroutine that keeps its cancellation from
        // propagating ends the caller's too, and the caller goes on.
        let kept = ctx
            .semantic
            .kept_cancellation_of(awaitable, scope, ctx.settings.target_version);
        if let Some(kept) = kept
            && !matches!(kept, KeptCancellation::Unknown(_))
        {
            return Err(format!(
                "the awaited coroutine may keep a cancellation from propagating (line {}: {}): on Python 3.11 `wait_for` still raises `CancelledError` in the caller, awaited directly the caller would go on",
                ctx.line_index().line_index(kept.range().start()).get(),
                kept.describe()
            ));
        }
        // An awaitable the walk cannot follow may be one of the module's
        // coroutines that keep their cancellation (through an alias, a
        // decorator, a task, a parameter).
        // A method call was matched against the module's methods of that
        // name, a decorated function of the module against its wrapper, an
        // attribute against the module's properties, and an imported
        // function is answered by the project's summary: only a call of a
        // local name the module does not define, or of something computed,
        // and an awaitable held in a variable or a parameter, stay opaque.
        let opaque_call = |call: &ast::ExprCall, at: ScopeId| match call.func.as_ref() {
            // `gen.__anext__()` steps an async generator.
            Expr::Attribute(attribute) => attribute.attr.as_str().starts_with("__"),
            func => ctx.semantic.qualified_name(func, at).is_none() && kept.is_some(),
        };
        let opaque = match awaitable {
            Expr::Call(call) => opaque_call(call, scope),
            // A task made from a coroutine call in the same scope: asked
            // about as that call.
            Expr::Name(_) => ctx
                .semantic
                .task_coroutine(awaitable, scope)
                .is_none_or(|(call, at)| opaque_call(call, at)),
            // An attribute (`self.closed`) is another object's, unless a
            // property of the module computes it (asked above).
            Expr::Attribute(_) => false,
            _ => true,
        };
        if opaque && let Some(def) = ctx.semantic.coroutine_keeping_cancellation() {
            return Err(format!(
                "the module's coroutine `{}` (line {}) may keep a cancellation from propagating, and whether the awaited one reaches it cannot be told: on Python 3.11 `wait_for` still raises `CancelledError` in the caller, awaited directly the caller would go on",
                def.name,
                ctx.line_index().line_index(def.start()).get()
            ));
        }
        if ctx.semantic.makes_cancelled_error_subclass() {
            return Err(
                "the module makes a subclass of `CancelledError` at run time (`type(…)`): on Python 3.11 `wait_for` turns it into `TimeoutError` on timeout, `timeout()` lets it through"
                    .to_string(),
            );
        }
    }
    if is_non_positive_literal(timeout) {
        return Err(
            "a timeout of zero or less: `wait_for` cancels the awaitable before it starts, `timeout()` lets it run to its first suspension"
                .to_string(),
        );
    }
    if ctx.semantic.may_be_non_positive(timeout, scope)
        && !guarded_positive(ctx.semantic, scope, stmt, timeout)
    {
        return Err(
            "the timeout may be zero or negative at run time (a subtraction, a zero or negative number, a count from zero, here, where its name is set, in the project module it is imported from, or where its function is called): `wait_for` then cancels the awaitable before it starts, `timeout()` lets it run to its first suspension"
                .to_string(),
        );
    }
    if let Some(found) = ctx.semantic.project_may_write_non_positive(timeout, scope) {
        return Err(format!(
            "{found}: the timeout may be zero at run time, and `wait_for` then cancels the awaitable before it starts, `timeout()` lets it run to its first suspension"
        ));
    }
    if ctx.source[timeout.range()].contains(['\n', '\r']) {
        return Err("the timeout spans several lines".to_string());
    }
    // `t` now runs before `aw` (and before an augmented target is read):
    // fine when one side has no effect, in ruff's sense, and reads no name
    // that a call could rebind.
    let moves = |expr: &Expr| {
        has_effect(expr)
            || reads_rebindable_name(ctx.semantic, expr)
            || reads_unsure_name(ctx.semantic, expr, scope)
    };
    // A call the awaitable makes may run project code that writes what
    // the timeout reads (`app.svc.T = 0.01` in another module).
    if ctx.semantic.awaitable_may_rebind(timeout, awaitable, scope) {
        return Err(
            "the timeout would now be evaluated before the awaitable, and a call the awaitable makes may run code of the project that writes what the timeout reads"
                .to_string(),
        );
    }
    // A call of an `async def` of the module (undecorated, bound once,
    // never replaced) makes a coroutine and runs none of its code: with
    // arguments that are names or literals that do not move either (an
    // attribute could be one a call in the timeout sets), it may come
    // second (`TIMEOUT` bound below the function).
    let plain = |arg: &Expr| (arg.is_name_expr() || arg.is_literal_expr()) && !moves(arg);
    let inert = |expr: &Expr| match expr {
        Expr::Call(call) => {
            call.func.is_name_expr()
                && matches!(
                    ctx.semantic.callee(&call.func, scope),
                    Callee::Function(def) if def.is_async && def.decorator_list.is_empty()
                )
                && call.arguments.args.iter().all(&plain)
                && call
                    .arguments
                    .keywords
                    .iter()
                    .all(|keyword| keyword.arg.is_some() && plain(&keyword.value))
        }
        _ => false,
    };
    if moves(timeout) {
        if moves(awaitable) && !inert(awaitable) {
            return Err(
                "the timeout would now be evaluated before the awaitable, and both may have effects (a call, an operator, a name that may be unbound there or that a function rebinds)"
                    .to_string(),
            );
        }
        if let Stmt::AugAssign(assign) = stmt
            && !assign.target.is_name_expr()
        {
            return Err(
                "the timeout would now be evaluated before the augmented target is read, and both may run code"
                    .to_string(),
            );
        }
    }
    Ok(())
}

/// Whether `aw` can be written as `await aw` inside the block: an
/// expression `await` takes without parentheses, holding no `await`,
/// `yield` or `:=` (an inner `await` would move under the deadline; an
/// assignment could change what the timeout reads).
fn awaitable_can_move(awaitable: &Expr) -> Result<(), String> {
    if !matches!(
        awaitable,
        Expr::Call(_) | Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)
    ) {
        return Err(
            "the awaited expression is not a call, a name, an attribute or a subscript".to_string(),
        );
    }
    if contains(awaitable, |e| {
        is_suspension(e) || matches!(e, Expr::Named(_))
    }) {
        return Err(
            "the awaited expression holds an `await`, `yield` or `:=`, which would move under the deadline or change order"
                .to_string(),
        );
    }
    Ok(())
}

fn contains(expr: &Expr, predicate: impl Fn(&Expr) -> bool) -> bool {
    any_over_expr(expr, &predicate)
}

/// `await`, `yield` or `yield from`: where a coroutine may suspend.
fn is_suspension(expr: &Expr) -> bool {
    matches!(expr, Expr::Await(_) | Expr::Yield(_) | Expr::YieldFrom(_))
}

/// The targets of an assignment statement (none for other statements).
fn assignment_targets(stmt: &Stmt) -> impl Iterator<Item = &Expr> {
    let targets: &[Expr] = match stmt {
        Stmt::Assign(assign) => &assign.targets,
        Stmt::AnnAssign(assign) => std::slice::from_ref(assign.target.as_ref()),
        Stmt::AugAssign(assign) => std::slice::from_ref(assign.target.as_ref()),
        _ => &[],
    };
    targets.iter()
}

/// Whether `expr` reads a name that may be unbound there: reading it
/// raises (`UnboundLocalError`, `NameError`), which is an effect too.
fn reads_unsure_name(semantic: &SemanticModel, expr: &Expr, scope: ScopeId) -> bool {
    names_read(expr)
        .iter()
        .any(|name| !semantic.surely_bound(name.id.as_str(), name.start(), scope))
}

/// Whether `expr` reads a name that some function declares `global` or
/// `nonlocal`, or that the module writes into its namespace some other way
/// (`globals()["T"] = …`): a call elsewhere in the statement could rebind it.
fn reads_rebindable_name(semantic: &SemanticModel, expr: &Expr) -> bool {
    let dynamic = semantic.dynamic_writes();
    names_read(expr).iter().any(|name| {
        let name = name.id.as_str();
        dynamic.namespace_any
            || dynamic.namespace_names.contains(name)
            || semantic
                .scopes
                .iter()
                .any(|scope| scope.globals.contains(name) || scope.nonlocals.contains(name))
    })
}

/// Whether the timeout is a name that an enclosing `if name > 0:` (or
/// `>= 1`, `0 < name`, in an `and`) has checked, and that nothing in that
/// `if` rebinds: `left = deadline - loop.time()`, then `if left > 0:`.
fn guarded_positive(semantic: &SemanticModel, scope: ScopeId, stmt: &Stmt, timeout: &Expr) -> bool {
    let Expr::Name(name) = timeout else {
        return false;
    };
    let name = name.id.as_str();
    if reads_rebindable_name(semantic, timeout) {
        return false;
    }
    let Lookup::Bound { bindings, .. } = semantic.lookup(name, scope) else {
        return false;
    };
    let mut current = stmt;
    while let Some((suite, _)) = semantic.suite_of(current) {
        let Some(parent) = suite.parent else {
            return false;
        };
        match parent {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return false,
            Stmt::If(branch)
                if std::ptr::eq(suite.body.as_ptr(), branch.body.as_ptr())
                    && checks_positive(&branch.test, name)
                    && !bindings
                        .iter()
                        .any(|&id| branch.range().contains_range(semantic.binding(id).range)) =>
            {
                return true;
            }
            _ => current = parent,
        }
    }
    false
}

/// Whether `test` being true means `name` is above zero.
fn checks_positive(test: &Expr, name: &str) -> bool {
    let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == name);
    // A number literal at least zero (`strict`: above zero).
    let bound = |e: &Expr, strict: bool| match e {
        Expr::NumberLiteral(number) => match &number.value {
            Number::Int(int) => !strict || *int != ast::Int::ZERO,
            Number::Float(float) => *float > 0.0 || (!strict && *float == 0.0),
            Number::Complex { .. } => false,
        },
        _ => false,
    };
    match test {
        Expr::BoolOp(both) if both.op == ast::BoolOp::And => {
            both.values.iter().any(|value| checks_positive(value, name))
        }
        Expr::Compare(compare) => {
            let ([op], [right]) = (&*compare.ops, &*compare.comparators) else {
                return false;
            };
            let left = compare.left.as_ref();
            match op {
                ast::CmpOp::Gt => is_name(left) && bound(right, false),
                ast::CmpOp::GtE => is_name(left) && bound(right, true),
                ast::CmpOp::Lt => bound(left, false) && is_name(right),
                ast::CmpOp::LtE => bound(left, true) && is_name(right),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Whether evaluating `expr` may have an effect, in ruff's sense: a call,
/// an `await`, `yield` or `:=`, a comprehension, a subscript, or an operator
/// with an operand that is not a literal (it may be overloaded). Names,
/// attribute reads, literals and `*`/`**` unpacking have none.
fn has_effect(expr: &Expr) -> bool {
    contains(expr, |e| match e {
        Expr::BinOp(binary) => !is_literal(&binary.left) || !is_literal(&binary.right),
        _ => matches!(
            e,
            Expr::Call(_)
                | Expr::Await(_)
                | Expr::Yield(_)
                | Expr::YieldFrom(_)
                | Expr::Named(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
                | Expr::Generator(_)
                | Expr::Subscript(_)
        ),
    })
}

/// A literal, as ruff's `contains_effect` counts operands of an operator.
fn is_literal(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::FString(_)
            | Expr::List(_)
            | Expr::Tuple(_)
            | Expr::Set(_)
            | Expr::Dict(_)
    )
}

/// `async with asyncio.timeout(t):`, broken over three lines as black would
/// when it does not fit the line length.
fn header_lines(ctx: &Context, indent: &str, timeout_fn: &str, timeout: &str) -> Vec<String> {
    let single = format!("async with {timeout_fn}({timeout}):");
    if indent.chars().count() + single.chars().count() <= ctx.settings.line_length {
        return vec![single];
    }
    let unit = indent_unit(ctx.source, ctx.tokens);
    vec![
        format!("async with {timeout_fn}("),
        format!("{unit}{timeout}"),
        "):".to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::WAIT_FOR_TO_TIMEOUT;
    use crate::test_support::{check_finding, check_fix, check_no_fix, findings};

    const MESSAGE: &str = super::MESSAGE;

    #[test]
    fn expression_statement() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(event):\n    await asyncio.wait_for(event.wait(), 1.5)\n",
            "import asyncio\n\nasync def f(event):\n    async with asyncio.timeout(1.5):\n        await event.wait()\n",
        );
    }

    #[test]
    fn return_with_keyword_timeout_and_alias() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio as aio\n\nasync def f(q, limit):\n    return await aio.wait_for(q.get(), timeout=limit)\n",
            "import asyncio as aio\n\nasync def f(q, limit):\n    async with aio.timeout(limit):\n        return await q.get()\n",
        );
    }

    #[test]
    fn annotated_and_augmented_assignments() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(r, total):\n    line: bytes = await asyncio.wait_for(r.readline(), 3)\n    total += await asyncio.wait_for(r.count(), 3)\n    return line, total\n",
            "import asyncio\n\nasync def f(r, total):\n    async with asyncio.timeout(3):\n        line: bytes = await r.readline()\n    async with asyncio.timeout(3):\n        total += await r.count()\n    return line, total\n",
        );
    }

    #[test]
    fn from_import_is_replaced_by_module_import() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "from asyncio import wait_for\n\nasync def f(job):\n    await wait_for(job(), 2)\n",
            "import asyncio\n\nasync def f(job):\n    async with asyncio.timeout(2):\n        await job()\n",
        );
    }

    #[test]
    fn parameter_named_timeout_is_fine() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(conn, timeout):\n    data = await asyncio.wait_for(conn.recv(1024), timeout)\n    return data\n",
            "import asyncio\n\nasync def f(conn, timeout):\n    async with asyncio.timeout(timeout):\n        data = await conn.recv(1024)\n    return data\n",
        );
    }

    #[test]
    fn long_header_is_broken_over_lines() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(c, settings):\n    await asyncio.wait_for(c.go(), settings.network.timeouts.per_request_seconds_when_retrying)\n",
            "import asyncio\n\nasync def f(c, settings):\n    async with asyncio.timeout(\n        settings.network.timeouts.per_request_seconds_when_retrying\n    ):\n        await c.go()\n",
        );
    }

    #[test]
    fn larger_expression_is_reported_not_fixed() {
        check_finding(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(a, b):\n    return await asyncio.gather(asyncio.wait_for(a(), 1), b())\n",
            MESSAGE,
        );
    }

    #[test]
    fn condition_is_reported_not_fixed() {
        check_finding(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(lock):\n    if await asyncio.wait_for(lock.acquire(), 1):\n        lock.release()\n",
            MESSAGE,
        );
    }

    #[test]
    fn none_timeout_becomes_a_plain_await() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(fut, sender):\n    await asyncio.wait_for(fut, None)\n    result = await asyncio.wait_for(sender.run(), timeout=None)\n    return result\n",
            "async def f(fut, sender):\n    await fut\n    result = await sender.run()\n    return result\n",
        );
    }

    #[test]
    fn awaitable_broken_outside_its_brackets_keeps_brackets() {
        // Out of `wait_for`'s brackets, `fetch` and `()` on two lines
        // would be two statements.
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(fetch):\n    a = await asyncio.wait_for(fetch\n    (), None)\n    b = await asyncio.wait_for(fetch\n    (), 5)\n    return a, b\n",
            "import asyncio\n\nasync def f(fetch):\n    a = await (fetch\n    ())\n    async with asyncio.timeout(5):\n        b = await (fetch\n        ())\n    return a, b\n",
        );
    }

    #[test]
    fn zero_timeout_is_left_alone() {
        check_finding(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(fut):\n    await asyncio.wait_for(fut(), 0)\n    await asyncio.wait_for(fut(), -1)\n",
            MESSAGE,
        );
    }

    #[test]
    fn order_of_effects_is_kept() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(c, budget):\n    await asyncio.wait_for(c.fetch(next_url()), budget.take())\n",
        );
    }

    #[test]
    fn inner_await_is_left_alone() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(c):\n    await asyncio.wait_for(c.send(await c.prepare()), 5)\n",
        );
    }

    #[test]
    fn attribute_timeout_and_double_star_arguments_are_rewritten() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(self, url, headers):\n    return await asyncio.wait_for(self.session.get(url, **headers), timeout=self.timeout)\n",
            "import asyncio\n\nasync def f(self, url, headers):\n    async with asyncio.timeout(self.timeout):\n        return await self.session.get(url, **headers)\n",
        );
    }

    #[test]
    fn a_timeout_with_effects_goes_first_when_the_awaitable_has_none() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(self, budget):\n    done = await asyncio.wait_for(self.pending, max(1, budget.take()))\n    return done\n",
            "import asyncio\n\nasync def f(self, budget):\n    async with asyncio.timeout(max(1, budget.take())):\n        done = await self.pending\n    return done\n",
        );
    }

    #[test]
    fn a_plain_function_called_in_the_awaitable_keeps_its_turn() {
        // `send` may be a plain `def`: calling it runs code, before `budget()`.
        check_finding(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(send, budget):\n    await asyncio.wait_for(send(7), budget())\n",
            MESSAGE,
        );
    }

    #[test]
    fn an_await_in_a_target_would_move_under_the_deadline() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(counts, key, quick):\n    counts[await key()] += await asyncio.wait_for(quick(), 0.1)\n    counts[await key()] = await asyncio.wait_for(quick(), 0.1)\n",
        );
    }

    #[test]
    fn a_yield_in_a_target_would_suspend_inside_the_deadline() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(d, quick):\n    d[(yield)] = await asyncio.wait_for(quick(), 0.1)\n",
        );
    }

    #[test]
    fn an_augmented_target_is_read_before_a_timeout_with_effects() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(d, k, fut, budget, box):\n    d[k()] += await asyncio.wait_for(fut, budget())\n    box.total += await asyncio.wait_for(fut, budget())\n",
        );
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(total, fut, budget):\n    total += await asyncio.wait_for(fut, max(1, budget()))\n    return total\n",
            "import asyncio\n\nasync def f(total, fut, budget):\n    async with asyncio.timeout(max(1, budget())):\n        total += await fut\n    return total\n",
        );
    }

    #[test]
    fn a_name_another_function_rebinds_is_not_free_of_effects() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nLIMIT = 5\n\ndef make(c):\n    global LIMIT\n    LIMIT = 0.01\n    return c.go()\n\nasync def f(c):\n    await asyncio.wait_for(make(c), LIMIT)\n",
        );
    }

    #[test]
    fn time_left_may_be_zero_or_negative() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(q, loop, deadline, timeout=0):\n    left = deadline - loop.time()\n    await asyncio.wait_for(q.get(), left)\n    await asyncio.wait_for(q.get(), deadline - loop.time())\n    await asyncio.wait_for(q.get(), timeout)\n    for t in (1, 0):\n        await asyncio.wait_for(q.get(), t)\n",
        );
    }

    #[test]
    fn time_left_checked_positive_is_rewritten() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(q, loop, deadline):\n    left = deadline - loop.time()\n    if left > 0:\n        await asyncio.wait_for(q.get(), left)\n",
            "import asyncio\n\nasync def f(q, loop, deadline):\n    left = deadline - loop.time()\n    if left > 0:\n        async with asyncio.timeout(left):\n            await q.get()\n",
        );
        // Rebound inside the `if`, or checked for `>= 0`: not known positive.
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(q, loop, deadline):\n    left = deadline - loop.time()\n    if left > 0:\n        left -= 1\n        await asyncio.wait_for(q.get(), left)\n    if left >= 0:\n        await asyncio.wait_for(q.get(), left)\n",
        );
    }

    #[test]
    fn zero_timeouts_through_callers_loops_and_unpacking() {
        for source in [
            // A caller of the module passes zero, by position or keyword.
            "import asyncio\n\nasync def take(q, timeout):\n    return await asyncio.wait_for(q.get(), timeout)\n\nasync def main(q):\n    await take(q, 0)\n",
            "import asyncio\n\nclass Inbox:\n    async def receive(self, timeout=None):\n        return await asyncio.wait_for(self.q.get(), timeout=timeout)\n\nasync def main(box):\n    await box.receive(timeout=0)\n",
            // A count from zero, and arithmetic over it.
            "import asyncio\n\nasync def f(q):\n    for t in range(3):\n        await asyncio.wait_for(q.get(), t)\n",
            "import asyncio\n\nasync def f(q):\n    for attempt in range(3):\n        delay = attempt * 0.5\n        await asyncio.wait_for(q.get(), delay)\n",
            // Tuple unpacking.
            "import asyncio\n\nasync def f(q):\n    first, later = 0, 1\n    await asyncio.wait_for(q.get(), first)\n",
        ] {
            check_finding(&WAIT_FOR_TO_TIMEOUT, source, MESSAGE);
        }
        // Positive values stay fixable.
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def take(q, timeout):\n    return await asyncio.wait_for(q.get(), timeout)\n\nasync def main(q):\n    first, later = 0, 1\n    await take(q, later)\n",
            "import asyncio\n\nasync def take(q, timeout):\n    async with asyncio.timeout(timeout):\n        return await q.get()\n\nasync def main(q):\n    first, later = 0, 1\n    await take(q, later)\n",
        );
    }

    #[test]
    fn a_timeout_that_may_be_unbound_has_an_effect() {
        // Reading `t` may raise before `send()` runs.
        check_finding(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(cfg, send):\n    if \"timeout\" in cfg:\n        t = cfg[\"timeout\"]\n    await asyncio.wait_for(send(\"hello\"), t)\n",
            MESSAGE,
        );
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(cfg, send):\n    t = max(1, cfg.get(\"timeout\", 5))\n    await asyncio.wait_for(send(\"hello\"), t)\n",
            "import asyncio\n\nasync def f(cfg, send):\n    t = max(1, cfg.get(\"timeout\", 5))\n    async with asyncio.timeout(t):\n        await send(\"hello\")\n",
        );
    }

    #[test]
    fn python_3_11_differences_are_left_alone_before_3_12() {
        let fixed_at = |source: &str, target| {
            crate::test_support::outcome_at(&WAIT_FOR_TO_TIMEOUT, source, target).fixed
        };
        use crate::version::PyVersion;
        for source in [
            // `SystemExit` or `KeyboardInterrupt` from the coroutine reach
            // this handler only when it is awaited directly.
            "import asyncio\n\nasync def f(job):\n    try:\n        await asyncio.wait_for(job(), 5)\n    except SystemExit:\n        pass\n",
            "import asyncio\n\nasync def f(job):\n    try:\n        await asyncio.wait_for(job(), 5)\n    except (ValueError, KeyboardInterrupt):\n        pass\n",
            "import asyncio\n\nasync def f(job):\n    try:\n        if job:\n            await asyncio.wait_for(job(), 5)\n    except:\n        pass\n",
            "import asyncio\n\nasync def f(job):\n    try:\n        await asyncio.wait_for(job(), 5)\n    except BaseException:\n        raise\n",
            // A subclass of `CancelledError` is not converted by 3.11's `timeout()`.
            "import asyncio\n\nclass Aborted(asyncio.CancelledError):\n    pass\n\nasync def f(job):\n    await asyncio.wait_for(job(), 5)\n",
            // The awaited coroutine keeps its cancellation: 3.11's `wait_for`
            // still raises it in the caller.
            "import asyncio\n\nasync def stubborn():\n    try:\n        await asyncio.sleep(10)\n    except asyncio.CancelledError:\n        return 1\n\nasync def f():\n    await asyncio.wait_for(stubborn(), 5)\n",
            "import asyncio\n\nasync def inner():\n    try:\n        await asyncio.sleep(10)\n    finally:\n        return 1\n\nasync def outer():\n    return await inner()\n\nclass C:\n    async def f(self):\n        await asyncio.wait_for(self.outer(), 5)\n\n    async def outer(self):\n        return await inner()\n",
        ] {
            assert_eq!(fixed_at(source, PyVersion::PY311), None, "{source}");
            assert!(fixed_at(source, PyVersion::PY312).is_some(), "{source}");
        }
        // A coroutine of the module that re-raises its cancellation, and one
        // the module does not show, keep the fix.
        for source in [
            "import asyncio\n\nasync def polite(log):\n    try:\n        await asyncio.sleep(10)\n    except asyncio.CancelledError:\n        log.append(1)\n        raise\n\nasync def f(log):\n    await asyncio.wait_for(polite(log), 5)\n",
            "import asyncio\n\nasync def f(reader):\n    await asyncio.wait_for(reader.read(), 5)\n",
        ] {
            assert!(fixed_at(source, PyVersion::PY311).is_some(), "{source}");
        }
        // `except Exception:` catches neither, nor does a test's
        // `pytest.raises(TimeoutError)`.
        assert!(
            fixed_at(
                "import asyncio\nimport pytest\n\nasync def f(job):\n    with pytest.raises(asyncio.TimeoutError):\n        await asyncio.wait_for(job(), 5)\n",
                PyVersion::PY311
            )
            .is_some()
        );
        assert!(
            fixed_at(
                "import asyncio\n\nasync def f(job):\n    try:\n        await asyncio.wait_for(job(), 5)\n    except Exception:\n        pass\n",
                PyVersion::PY311
            )
            .is_some()
        );
    }

    #[test]
    fn hanging_continuation_keeps_the_call_lines_right_of_it() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(c, url):\n    r = await \\\n        asyncio.wait_for(\n            c.get(\n                url,\n            ),\n            timeout=5,\n        )\n    return r\n",
            "import asyncio\n\nasync def f(c, url):\n    async with asyncio.timeout(5):\n        r = await \\\n            c.get(\n                url,\n            )\n    return r\n",
        );
    }

    #[test]
    fn shadowed_wait_for_is_not_asyncio() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "from asyncio import wait_for\n\nasync def f(wait_for, job):\n    await wait_for(job(), 2)\n",
        );
    }

    #[test]
    fn other_library_wait_for_is_not_asyncio() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "from selenium_helpers import wait_for\n\nasync def f(page):\n    await wait_for(page.ready(), 2)\n",
        );
    }

    #[test]
    fn one_line_body_is_expanded_into_a_block() {
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(e, ready):\n    if ready: await asyncio.wait_for(e.wait(), 1)  # short\n    else: x = await asyncio.wait_for(e.get(), timeout=2)\n    try: return await asyncio.wait_for(e.run(), 3)\n    finally: pass\n",
            "import asyncio\n\nasync def f(e, ready):\n    if ready:\n        async with asyncio.timeout(1):\n            await e.wait()  # short\n    else:\n        async with asyncio.timeout(2):\n            x = await e.get()\n    try:\n        async with asyncio.timeout(3):\n            return await e.run()\n    finally: pass\n",
        );
        check_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(e): return await asyncio.wait_for(e.get(), 1)\n",
            "import asyncio\n\nasync def f(e):\n    async with asyncio.timeout(1):\n        return await e.get()\n",
        );
    }

    #[test]
    fn other_shared_lines_are_reported_not_fixed() {
        // `a; b`, a clause header over two lines, a statement over two lines.
        for body in [
            "    if ready: await asyncio.wait_for(e.wait(), 1); e.clear()\n",
            "    if (ready and\n            e): await asyncio.wait_for(e.wait(), 1)\n",
            "    if ready: await asyncio.wait_for(e.wait(\n    ), 1)\n",
        ] {
            let source = format!("import asyncio\n\nasync def f(e, ready):\n{body}");
            check_finding(&WAIT_FOR_TO_TIMEOUT, &source, MESSAGE);
        }
    }

    #[test]
    fn unusual_arguments_are_left_alone() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(args, e):\n    await asyncio.wait_for(*args)\n    await asyncio.wait_for(e.wait(), timeout=1, loop=None)\n",
        );
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &WAIT_FOR_TO_TIMEOUT,
            "import asyncio\n\nasync def f(e):\n    await asyncio.wait_for(e.wait(), 1)  # noqa: AM003\n",
        );
    }

    #[test]
    fn older_target_does_nothing() {
        let source = "import asyncio\n\nasync def f(e):\n    await asyncio.wait_for(e.wait(), 1)\n";
        let outcome = crate::test_support::outcome_at(
            &WAIT_FOR_TO_TIMEOUT,
            source,
            crate::version::PyVersion::PY310,
        );
        assert!(outcome.fixed.is_none() && outcome.reports.is_empty());
    }

    #[test]
    fn sync_code_is_not_reported() {
        let source = "import asyncio\n\ndef main(loop):\n    loop.run_until_complete(asyncio.wait_for(work(), 5))\n";
        assert!(findings(&WAIT_FOR_TO_TIMEOUT, source).is_empty());
    }
}
