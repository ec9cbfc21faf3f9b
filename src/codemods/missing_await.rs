use crate::codemods::prelude::*;
use crate::fix::{FindingBuilder, FixBuilder};
use crate::semantic::caught::CaughtBy;
use crate::semantic::coroutines::CallResult;
use crate::semantic::known::Returns;
use crate::semantic::patches::StandIn;
use crate::semantic::receivers::ClassEvidence;
use crate::semantic::suspension::held_context_words;
use crate::semantic::values::CoroutineValueUse;
use crate::semantic::{BindingKind, Callee, ScopeId, SemanticModel, UseKind};

declare_codemod! {
    /// ## What it does
    /// Adds the missing `await` to a coroutine function's call that stands
    /// alone as a statement in a coroutine, or whose coroutine is assigned
    /// to a variable then used only as the result. What it calls must surely
    /// return a coroutine: an `async def` of the same module (`refresh()`),
    /// an `async def` method of the same class called on `self`
    /// (`self.flush()`), a plain `def` of the module that returns such a
    /// call, one of asyncio's coroutine functions (`asyncio.sleep(1)`), or
    /// a coroutine method of one of asyncio's classes (or another
    /// well-known library's) on a variable that is surely an instance of
    /// it: `writer.drain()` after `reader, writer = await
    /// asyncio.open_connection(…)`, `queue.put(x)` on a parameter annotated
    /// `asyncio.Queue`, `lock.acquire()` after `lock = asyncio.Lock()`.
    /// Through the project index, also an `async def` of another module of
    /// the project (`from service import store` … `store.save(record)`),
    /// and a method of a project class on an object whose class is known:
    /// made by calling the class in the same function, a parameter
    /// annotated with it (unsafe: see Project index), or a module-level
    /// instance of another module.
    /// The message names where the definition lives. The built-in table of
    /// well-known async libraries answers for their coroutine functions
    /// (`aiofiles.os.remove(p)`, `aiofiles.os.path.exists(p)`) and for the
    /// objects their awaited calls give (`conn.execute(…)` after `conn =
    /// await asyncpg.connect(…)`, unless the call passes
    /// `connection_class=` or `**kwargs`, which may choose a subclass);
    /// not when some code of the project assigns or deletes an attribute of
    /// that name or of a name along its path (`aiofiles.os.remove =
    /// os.remove`, `aiofiles.os = types.SimpleNamespace(…)`, `vars(asyncpg)
    /// ["connect"] = f`). The table answers only for a library the project
    /// index sees as the library: not for one the project's environment
    /// holds (its own summary answers, or nothing does), nor while some
    /// file of the project adds to `sys.path` (a vendored copy may be found
    /// first) or replaces its module in `sys.modules`. A name the table
    /// does not list stays unknown.
    ///
    /// In a module that also imports trio, anyio or curio, only the
    /// module's own coroutine functions (and the project's) get their
    /// `await`: asyncio's and its libraries' coroutines may run there on a
    /// loop that is no asyncio loop, and trio's and anyio's own coroutine
    /// functions (`anyio.sleep(1)`) are left alone, as in any module. The
    /// same in every module of a project where some file imports trio,
    /// curio or twisted, marks a test `pytest.mark.trio`, or imports anyio
    /// where a file gives `"trio"` as its backend: it may run this module's coroutines (`trio.run(mod.main)`,
    /// a registry of coroutines it runs), whatever this module imports.
    /// Where the module or another file of the project drives coroutines
    /// by hand (`coro.send(None)`, stepping `coro.__await__()`, a
    /// `types.coroutine` trampoline), asyncio's and the libraries'
    /// coroutines are reported without a fix: with no event loop, an
    /// awaited `asyncio.sleep(1)` raises `RuntimeError`, and
    /// `asyncio.sleep(0)` yields a bare `None` to a driver that may expect
    /// only its own values.
    ///
    /// `result = fetch_data()` counts when `result` is then never awaited,
    /// scheduled, returned, stored, passed on to other code or read by a
    /// nested function, only used as the result would be: subscripted,
    /// iterated, unpacked, called, an attribute read that coroutine
    /// objects lack (`result.json()`), given to `len`, `list`, `sum`,
    /// `json.dumps`, … (or not used at all).
    ///
    /// ## Why
    /// Calling a coroutine function only creates a coroutine object; its
    /// body runs when it is awaited. Dropped on the floor, the call does
    /// nothing at all, and Python warns `coroutine '…' was never awaited`
    /// only when the object is garbage-collected, far from the bug.
    ///
    /// ## Before
    /// ```python
    /// async def save(record):
    ///     ...
    ///
    /// async def handle(record):
    ///     save(record)
    /// ```
    ///
    /// ## After
    /// ```python
    /// async def save(record):
    ///     ...
    ///
    /// async def handle(record):
    ///     await save(record)
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the call's coroutine is created and dropped (or kept in a
    /// variable that nothing runs or hands on), so nothing else can await
    /// it; with `await`, its body runs, as the author meant, and
    /// what it raises now reaches the caller (`asyncio.wait_for(task, 1)`
    /// may now time out and cancel the task: that is what it says). Only
    /// whole statements directly in an `async def` are rewritten, so no value
    /// changes type. The semantic layer's coroutine oracle decides what the
    /// call calls, and answers only what every run of the module must find:
    ///
    /// - a name bound once, by an `async def` directly in its scope's body
    ///   (not under an `if`, a `try`, a loop or a `with`), not named like a
    ///   builtin at module level (a call that runs before the `def` would
    ///   reach the builtin), and never rebound behind the module's back
    ///   (`globals()`, `exec`, `setattr(module, …)`, an attribute of its
    ///   name written anywhere, `__code__`);
    /// - `self.method()` in a method of the class that defines `method`
    ///   once, directly in its body, where no class of the module that may
    ///   come before it in an instance's method resolution order (a
    ///   subclass however spelled: `D(B[int])`, `Base = B`, a factory's
    ///   `class D(base)`; or a sibling base in multiple inheritance:
    ///   `class C(A, B)` finds `A.method`) binds the name other than by an
    ///   `async def`, no class involved has a metaclass, an unknown class
    ///   decorator, `__getattribute__` or `__init_subclass__`, and nothing
    ///   sets an attribute of that name on any object (`self.flush = …`,
    ///   `Conn.flush = …`, `setattr`, a dataclass field `flush: T`, a
    ///   computed `setattr`, `__dict__`), changes an instance's class, makes
    ///   classes at run time, or runs the calling method on another object
    ///   (`close = B.close` in another class, `B.close(other)`). A method
    ///   reached through the class's namespace and then called on an object
    ///   of an unrelated class (`getattr(A, name)(other)`,
    ///   `vars(A)["run"](other)`, a loop over `A.__dict__` or
    ///   `inspect.getmembers(A)`) is assumed not to happen: that object's
    ///   own method of the name would be awaited (a `TypeError` if it is a
    ///   plain `def`).
    ///
    ///
    /// A plain `def` counts when its body ends with a `return` and every
    /// `return` gives back such a call; asyncio's coroutine functions
    /// (`sleep`, `wait_for`, `wait`, `to_thread`, `open_connection`, …)
    /// count under any spelling of the import that exists when the call
    /// runs (not one under `if TYPE_CHECKING:`), not its future makers
    /// (`gather`, `shield`, `ensure_future`), whose work runs unawaited,
    /// not in a module that also imports trio, anyio or curio, nor in a
    /// project where another file may run coroutines on trio, curio or
    /// twisted (see above), and not
    /// where the module may replace the function (`asyncio.sleep = fake`).
    /// Where another file of the project puts a stand-in in its place,
    /// the finding says which: a test's patch (`mock.patch(
    /// "asyncio.sleep")`, `patch.object(asyncio, "sleep")`) makes the fix
    /// unsafe (the added `await` awaits what the mock returns), a
    /// replacement for good (`asyncio.sleep = fake`, `setattr(asyncio,
    /// name, f)`) leaves it without a fix; an attribute of that name on
    /// some other object (`self.sleep = time.sleep`) does not count.
    ///
    /// A method of an asyncio class (`StreamWriter.drain`, `Queue.put`,
    /// `get`, `join`, `Lock.acquire`, `Event.wait`, `Condition.wait`,
    /// `Semaphore.acquire`, `Server.wait_closed`, `Process.wait`, …) counts
    /// on a local variable of the coroutine (or of a function around it)
    /// every binding of which makes it an instance of that class: a call of
    /// the class (`asyncio.Queue()`), a name unpacked from `await
    /// asyncio.open_connection(…)`, `start_server`, `create_subprocess_*`,
    /// or a plain parameter annotated with the class (its default, if any,
    /// `None`). The fix is unsafe when an annotation says the class (a
    /// parameter, `q: asyncio.Queue = self.queue`): nothing makes a caller
    /// honour it, and a `queue.Queue` passed in would make the added
    /// `await` fail at once with a `TypeError`, loudly, where `q.put(x)`
    /// worked. An annotation the module shows wrong (`q: asyncio.Queue =
    /// queue.Queue()`, a call of something the module defines) gives no
    /// fix. Not when any class or object of
    /// the module defines or replaces a method of that name (a fake
    /// writer's `def drain`, `writer.drain = …`), nor when the class, the
    /// function that made the object, or the method may be something else
    /// at run time (the same question the asyncio functions above are
    /// asked): the module assigns it on the library's module
    /// (`aredis.Redis = redis.Redis`, `setattr(aredis, "Redis", …)`,
    /// `sys.modules["redis.asyncio"].Redis = …`,
    /// `importlib.import_module("asyncio").Queue = …`), binds its own name
    /// for it behind its statements' backs (`globals()["Redis"] = …`,
    /// `setattr(sys.modules[__name__], "Redis", …)`), a star import may
    /// rebind that name, or any file of the project assigns an attribute of
    /// that name (`app.Redis = redis.Redis`, `redis.asyncio.Redis = …`).
    ///
    /// The added `await` is a suspension point: inside a synchronous `with`
    /// whose context may be shared (a `threading` lock, `redirect_stdout`,
    /// a patch; anything but a file of `open(...)` or `tempfile`,
    /// `suppress`, `pytest.raises` and `nullcontext`) other tasks now run
    /// while it is entered, so the next one taking the same thread lock
    /// blocks the loop's thread for good, or prints into the redirected
    /// output: the fix is unsafe there, with the reason.
    ///
    /// For `result = fetch_data()`, every read of `result` must fail at
    /// once on a coroutine object (a `TypeError` or an `AttributeError`:
    /// no coroutine can be subscripted, iterated or called, nor has it a
    /// `json` attribute), so the program as written cannot have relied on
    /// the coroutine, and the result is what its author meant. Some uses
    /// work on a coroutine object as on any value and show nothing: a
    /// truth test (a coroutine object is always true), `is None`, `==`,
    /// `in`, `print`, `str`, `repr`, an f-string, `isinstance`. When such a
    /// use comes with a failing one, the fix is unsafe: the failing use
    /// shows the result is meant, but on a path that meets only the silent
    /// use the program now behaves otherwise without an error. When all
    /// the uses are silent, the finding is reported without a fix: nothing
    /// shows that the coroutine object is not what the code wants.
    ///
    /// With the project index, `self.method()` also asks whether `self` is
    /// surely an instance of the class (or of one deriving from it) in
    /// every other file of the project. A file that reads the calling
    /// method off the class, or off a class deriving from it, other than
    /// to run it on a method's own instance (`Base.run(mock)`,
    /// `Sub.run(Mock(spec=["flush"]))`, `functools.partial(Base.run,
    /// obj)`, `types.MethodType(Base.run, obj)`, `Base.run.__get__(obj)`,
    /// `run = Base.run` in another class's body, `getattr(Base, "run")`,
    /// `vars(Base)`, `dict(Base.__dict__)`), or that names the class where
    /// it may make classes at run time (`exec` or `compile` of source that
    /// may define a class, `type(name, bases, ns)`, `types.new_class`,
    /// `dataclasses.make_dataclass`, a partial of `type`), makes the fix
    /// unsafe: `self` may there be an
    /// object whose method of the name is a plain `def` (a mock, a duck),
    /// and the added `await` fails with a `TypeError`. The finding names
    /// the file and line. A file counts under any name it calls the class
    /// by (`from app.base import Base as Service` in one file,
    /// `Service.run(duck)` in another), and a read by a computed name
    /// (`getattr(Base, name)`) reads every method. A read of the method's
    /// name off what may be any class counts wherever it is:
    /// `type(obj).run(duck)`, `obj.__class__.run(duck)`,
    /// `Base().run.__func__(duck)`, `operator.attrgetter("run")`,
    /// `operator.methodcaller("run", duck)`, a class of a module imported
    /// at run time (`importlib.import_module("app.base").Base.run`). A
    /// factory that makes a class with `type(name, (base,), ns)` from a
    /// base it is given may derive from any class: no fix. `Base.run(self)`
    /// in a method of a class deriving from `Base`, and `type(obj).run(obj)`
    /// or `obj.__class__.run(obj)` on the object itself, run the method on
    /// an instance and do not count; nor does `exec` of literal source
    /// without a class statement (`exec("LIMIT = 3", ns)`). Left to the
    /// reader: `exec` of source read from elsewhere in a file that never
    /// names the class, while another file hands the class to it in a
    /// namespace.
    /// Where the rest of the project may make an instance's method another
    /// for good (below: a subclass's plain `def`, a write of the name that
    /// may reach an instance), the finding is reported without a fix, with
    /// the reason. A write of the name on the first parameter of another
    /// class's method (`self.flush = stream.flush` in a `Tee`) reaches an
    /// instance of the class only when one may be of both classes (one
    /// derives from the other, or a class of the project derives from
    /// both); any other write of the name counts wherever it is.
    ///
    /// With the project index, `self.method()` also asks the rest of the
    /// project: no class of another module that may derive from the class
    /// (or come before it in such a class's method resolution order: a
    /// mixin in `class Sub(SyncMixin, Base)`) binds the name other than by
    /// an `async def`, has `__getattribute__`, or writes its namespace
    /// (`locals()["flush"] = f`). A class whose base the index cannot read
    /// may derive from any class: a call (`class S(make_base())`), a star
    /// (`class S(*bases)`), a subscript of a variable, an attribute of a
    /// call, a name a star import or a module `__getattr__` gives, another
    /// name of a class (`from base import Base as B`, `B = base.Base` in a
    /// package), and `type(name, bases, ns)` with bases it cannot read.
    /// A namespace dictionary used anywhere in the project other than by a
    /// plain read (`vars(m)["x"]`, `in`, iteration, `dict(…)`) may have
    /// any attribute written through it: kept in a variable (`ns =
    /// store.__dict__`), handed to other code (`operator.setitem(vars(m),
    /// …)`, `exec(src, m.__dict__)`, `monkeypatch.setitem(vars(m), …)`),
    /// changed by a method or `|=`, a key deleted; so may a function's
    /// `__globals__`, a frame's `f_globals`, `gc.get_referents`, and a
    /// function's `__code__` used other than by reading its `co_` fields
    /// (`FunctionType(f.__code__, other_globals)`). A `__code__` written
    /// anywhere may make any coroutine function a plain one. `sys.modules`
    /// or `sys.path` kept in a variable or handed on, `sys.meta_path`,
    /// `sys.path_hooks` and `getattr(sys, …)` may make any import give
    /// another module. In each case the facts the index gives are unknown.
    /// An import resolves as the interpreter would: a project module named
    /// like a standard module is unknown (the interpreter may have imported
    /// the standard one at start, through `site` or a `.pth` file), except
    /// the few every start imports (`io`, `abc`, `codecs`, `encodings`,
    /// `zipimport`), which are the standard ones; a compiled extension
    /// beside a source (`store.abi3.so` next to `store.py`) makes the
    /// source say nothing; a package wins over a module of its name. The
    /// project's files are read whether hidden or ignored by `.gitignore`
    /// (Python imports them all the same), `.pyw` files too, never an
    /// environment (a directory with `pyvenv.cfg` or `conda-meta`,
    /// `site-packages`, `node_modules` but one that holds an `__init__.py`,
    /// which the project may import as a package); a file run by its path
    /// (`runpy.run_path`, `exec(open(…).read())`, a loader given a file)
    /// may be one no walk reads, so the facts of the project are unknown.
    /// A write by a computed name (`setattr(obj, name, v)`) reaches only
    /// what the index can place it on: in a method of a module-level class
    /// on its first parameter (`setattr(self, key, v)` in `__init__`,
    /// `setattr(cls, key, v)` in a class method), the instances of that
    /// class and of every class that shares one's method resolution order
    /// with it (a subclass, a sibling base in `class C(A, Loose)`); on a
    /// local name a function binds once by calling a class of the project
    /// that makes its own instances (`answer = Answer()` …
    /// `setattr(answer, key, v)`), that class's; other modules' functions
    /// and classes stay known. Such a method must be named nowhere in the
    /// project but in its `def`, on `self` and on `super()` (`fill =
    /// Loose.fill`, `Loose.fill(other)`, `cls.fill(other)`, `obj.fill(…)`
    /// and a string `"fill"` may run it on another object), no file of the
    /// project may take a class's methods by a name it computes, whatever
    /// the class (`getattr(Patcher, method_name)(target)`, `getattr(kind,
    /// "pa" + "tch")`, on anything but `self`; `type.__getattribute__`,
    /// `getattr` under another name, `vars(Patcher)[key]`,
    /// `Patcher.__dict__`, `inspect.getmembers`, `operator.attrgetter`, a
    /// bound method's `__func__`: the method may run on any object), and
    /// not in a
    /// file that may define a metaclass (whose `self` is a class); its
    /// class may be no metaclass. A write on anything else (a parameter,
    /// an attribute, `type(self)`, a module, a module-level object,
    /// `vars(obj)`) may reach any object, and every fact the index gives
    /// is unknown. A decorator taken as transparent (`staticmethod`,
    /// `classmethod`, `functools.wraps(…)`, `typing.final`, `override`)
    /// is not, once any file of the project assigns an attribute of its
    /// name (`builtins.staticmethod = sm`, `typing.final = f`). A class
    /// whose base is an attribute of the class (`class S(Base.__mro__[0])`)
    /// derives from it.
    /// What stays assumed: no base class from another module wraps its
    /// subclasses' methods (a metaclass or `__init_subclass__` that
    /// replaces them), and no class in a function body of another module
    /// derives from the class through a name bound in that function
    /// (`def make(base): class D(base): …`).
    ///
    /// `@overload` stubs before the `def` they describe, a decorator of the
    /// module that returns the function it is given (`def register(fn):
    /// JOBS.append(fn); return fn`), and a `def` earlier in the same block
    /// as the call (in a `try:` body) keep the coroutine.
    ///
    /// Unsafe in code a coroutine runs while it is closed outside its loop
    /// (a `finally:` body, a handler that may catch `GeneratorExit`, an
    /// `async def __aexit__`, code after a handler that keeps the close):
    /// the added `await` raises there if the callee suspends, and the rest
    /// of the cleanup is skipped. Where coroutines may be driven by hand,
    /// a coroutine of the project whose body may need a running loop (it
    /// awaits, or calls anything but builtins) is reported without a fix,
    /// as asyncio's own are.
    ///
    /// ## Left alone
    /// Coroutine functions it cannot see defined: imported ones the project
    /// index cannot follow (a name rebound in the module that defines it or
    /// in this one, a module `__getattr__`, a star import, a decorator it
    /// cannot see through, a module that does not parse, a cycle of
    /// re-exports; a method that a subclass in the project overrides with
    /// a plain `def` when the object may be of a subclass, a class whose
    /// base the index cannot follow counting as a subclass of any class
    /// when that base is a name bound by an assignment (`Base =
    /// getattr(_r, "Repo")`, `Base = make_base()`, then `class
    /// Sync(Base)`)), parameters,
    /// attributes other than `self.method` and the methods above;
    /// `queue.Queue`, `multiprocessing.Queue` and other look-alikes; a
    /// library's class, function or method the module or the project may
    /// replace (`asyncio.sleep = fake`, `aredis.Redis = redis.Redis`,
    /// `aiofiles.os = shim`, `vars(asyncpg)["connect"] = f`,
    /// `sys.modules["asyncpg"] = syncdb`), or that may be another package
    /// of that name (one in the project's environment, a vendored copy
    /// behind a `sys.path` change anywhere in the project); a
    /// receiver that is a global, an attribute (`self.writer`), rebound
    /// some other way (`writer = other`, a `for` target, `del`), annotated
    /// in a string or as `Optional[…]`; a name bound more than once
    /// (redefined, reassigned, conditionally defined) or that a star import
    /// may rebind (one after the binding, in a loop, or before module code
    /// that calls into the module: `from app.store import save` then `from
    /// app.legacy import *`, an `async def` then a star import); decorated functions (a decorator may make the name
    /// something else: a task, a cached coroutine object, a property),
    /// except `functools.wraps(…)`, `typing.override`, `typing.final`, and
    /// `staticmethod` and `classmethod` in a class body; a method whose body
    /// only marks a place for subclasses (`...`, `pass`, `raise
    /// NotImplementedError`), or any of the cases above where a class of
    /// the module may supply something else; async generators (`await`
    /// does not apply to them); `self.method` when `self` is not the
    /// enclosing method's first parameter, is rebound, or the enclosing
    /// method is static or a class method; `cls.method()` and
    /// `Class.method()`; calls used in an expression (`tasks.append(fetch())`,
    /// `x = fetch() or y`); `x = fetch()` where the coroutine may be run or
    /// kept (`await x`, `create_task(x)`, `gather(x)`, `return x`, `yield
    /// x`, `self.x = x`, `[x]`, `handle(x)` with any callee it does not
    /// know, `x.send(None)`, `x.close()`, a nested function or generator
    /// reading `x`), where `x` is bound again, a global or `nonlocal`, or
    /// the function reads its own frame (`locals()`); calls in a `def`,
    /// `lambda` or class nested in the coroutine.
    ///
    /// ## Project index
    /// Through the project index the call may be one of another module:
    /// `from service import store` … `store.save(record)` gets its `await`
    /// when `save` is an `async def` in `service/store.py` (through
    /// relative imports, `src/` layouts, packages and re-exports), or in an
    /// installed package the index reads (`--python`, `VIRTUAL_ENV`,
    /// `.venv`). So does a method of a project class on an object whose
    /// class is known: made by calling the class in the same function, a
    /// module-level instance of another module, or a parameter annotated
    /// with the class (an unsafe fix: Python does not enforce an
    /// annotation, and a caller may pass a duck-typed fake, a class
    /// registered with `ABC.register` or an implementation of a
    /// `Protocol` whose `save` is a plain `def`; the added `await` then
    /// fails at once with a `TypeError`; no fix when the parameter's
    /// default is anything but `None`), unless a subclass anywhere in the project (or one
    /// whose base the index cannot follow) binds the method to anything
    /// but an `async def`, and unless a file of the project writes the
    /// class on its module (`store.Store = SyncStore`, `setattr`,
    /// `mock.patch("app.store.Store")`). Whatever the index cannot follow is unknown, and
    /// is left alone: also every absolute import of a module in whose
    /// directory (or one above) a file of the project changes `sys.path`
    /// (`sys.path.insert(0, "plugins")`), which may find another module of
    /// that name. Library functions other than asyncio's are asked of
    /// the built-in table of well-known libraries only for a library it
    /// knows (see above) and the index finds neither in the project nor in
    /// its environment, while no file of the project adds to `sys.path`,
    /// and the table answers for methods of known
    /// classes on a variable surely holding one. The message names the
    /// definition: "`save` is an `async def` in `service/store.py:9`".
    pub static MISSING_AWAIT = Codemod {
        code: "AM109",
        name: "missing-await",
        min_python: PyVersion::ANY,
        safety: Applicability::Safe,
        run: missing_await,
        needles: &["async"],
        requires: &[ASYNC_DEF],
    };
}

fn missing_await(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let callers = std::cell::OnceCell::new();
    for suite in semantic.coroutine_suites() {
        for stmt in suite.body {
            let (call, target) = match stmt {
                Stmt::Expr(statement) => match statement.value.as_ref() {
                    Expr::Call(call) => (call, None),
                    _ => continue,
                },
                Stmt::Assign(assign) => match (assign.targets.as_slice(), assign.value.as_ref()) {
                    ([Expr::Name(target)], Expr::Call(call)) => (call, Some(target)),
                    _ => continue,
                },
                Stmt::AnnAssign(assign) => {
                    match (assign.target.as_ref(), assign.value.as_deref()) {
                        (Expr::Name(target), Some(Expr::Call(call))) => (call, Some(target)),
                        _ => continue,
                    }
                }
                _ => continue,
            };
            // What is called, how sure the fix is, and where it is defined
            // when another module of the project defines it. The module's
            // own knowledge is asked first; what another module says (which
            // may read and summarise it) only once `result = fetch()` is
            // known to use `result` in a way that matters (a question about
            // this function alone): most such variables are awaited,
            // returned or passed on, and then nothing applies.
            let local = coroutine_called(semantic, call, suite.scope);
            if local.is_none() && semantic.project().is_none() {
                continue;
            }
            // A library's coroutine (asyncio's `sleep`, `Queue.get`) needs
            // the event loop; where coroutines may be driven by hand it
            // finds none, or hands the driver a bare `None` it does not
            // expect (`await asyncio.sleep(0)`).
            let library = local.as_ref().is_some_and(|(_, _, library, _)| *library);
            let (local, doubt) = match local {
                Some((name, sure, _, doubt)) => (Some((name, sure)), doubt),
                None => (None, None),
            };
            // So does a coroutine of the project whose body may ask for
            // the running loop (`get_running_loop()`, an await of a
            // library's coroutine, through any call): once awaited, the
            // driver runs it too.
            let runs_without_loop = || {
                !library
                    && matches!(semantic.callee(&call.func, suite.scope),
                        Callee::Function(def) if semantic.runs_without_loop(def))
            };
            let refusal = if runs_without_loop() {
                None
            } else {
                semantic.hand_driver().map(|driver| driver.describe())
            };
            let as_result = match target {
                Some(target) => match used_as_result(semantic, target, suite.scope) {
                    Some(as_result) => Some((target, as_result)),
                    None => continue,
                },
                None => None,
            };
            let (name, sure, origin) = match local {
                Some((name, sure)) => (name, sure, String::new()),
                None => match semantic.imported_coroutine_function(&call.func, suite.scope) {
                    // An annotation's word may not hold for what a caller
                    // passes: an object of another class (a fake, a class
                    // registered with `ABC.register`, a `Protocol`'s
                    // implementation) makes the `await` fail at once.
                    Some(function) => (
                        ctx.source[call.func.range()].to_string(),
                        match function.evidence {
                            ClassEvidence::Made => Applicability::Safe,
                            ClassEvidence::Annotated => Applicability::Unsafe,
                        },
                        format!(" ({})", function.described()),
                    ),
                    None => continue,
                },
            };
            let message = match as_result {
                Some((target, _)) => format!(
                    "coroutine `{name}()` is assigned to `{}` but never awaited{origin}",
                    target.id
                ),
                None => format!("coroutine `{name}()` is called but never awaited{origin}"),
            };
            if let Some(driver) = refusal {
                out.report(&MISSING_AWAIT, call.range(), message).note(format!(
                    "{driver}: awaited there with no event loop, `{name}()` raises or yields the driver a `None` it does not expect"
                ));
                continue;
            }
            // What another file of the project may do to the call: a
            // stand-in or an object that is no instance of the class (a
            // test's mock: unsafe; put there for good: no fix), reported
            // with its reason.
            // Cleanup a coroutine closed outside its loop runs (a
            // `finally:` when it is garbage-collected after the loop
            // stopped): the added `await` may suspend there, which raises
            // and skips the rest of the cleanup.
            let doubt = doubt.or_else(|| {
                semantic
                    .runs_when_closed(suite.scope, call.start())
                    .map(|closed| {
                        Doubt::Unsafe(format!(
                            "{}; there the added `await` raises if `{name}()` suspends, and the \
                             rest of the cleanup is skipped",
                            closed.closed_outside_loop()
                        ))
                    })
            });
            let sure = match doubt {
                Some(Doubt::Unsafe(note)) => {
                    let finding = out.report(&MISSING_AWAIT, call.range(), message).note(note);
                    if as_result
                        .as_ref()
                        .is_none_or(|(_, as_result)| !matches!(as_result, AsResult::OnlySilently))
                    {
                        finding.fix_with(Applicability::Unsafe, add_await(call));
                    }
                    continue;
                }
                Some(Doubt::NoFix(note)) => {
                    out.report(&MISSING_AWAIT, call.range(), message).note(note);
                    continue;
                }
                None => sure,
            };
            // The added `await` may suspend inside a synchronous `with`,
            // whose context then stays entered while other tasks run: a
            // thread lock it holds deadlocks the next task of the same
            // thread that takes it; redirected output or a patch reaches them.
            let held = (sure == Applicability::Safe)
                .then(|| semantic.held_context(stmt))
                .flatten()
                .map(|item| {
                    format!(
                        "the call sits in {}: awaited, it lets other tasks run while that context is held (a thread lock deadlocks them, redirected output or a patch reaches them)",
                        held_context_words(ctx.source, item)
                    )
                });
            let Some((target, as_result)) = as_result else {
                fix_unless_held(
                    out.report(&MISSING_AWAIT, call.range(), message),
                    held.as_deref(),
                    sure,
                    call,
                );
                continue;
            };
            let variable = target.id.as_str();
            match as_result {
                AsResult::Only => {
                    // Every read of the variable fails today, but a caller
                    // (of this module, of another that reads its names or
                    // is handed its functions) may catch the failure and
                    // run on: with `await`, it would get the result instead.
                    let caught = callers.get_or_init(|| {
                        semantic
                            .may_be_caught_by_callers("TypeError")
                            .or_else(|| semantic.may_be_caught_by_callers("AttributeError"))
                    });
                    if let Some(by) = caught {
                        let who = match by {
                            CaughtBy::Module(at) => format!(
                                "the code on line {} may catch the `TypeError` or `AttributeError` it raises, several calls up",
                                ctx.line_index().line_index(at.start()).get()
                            ),
                            other => other.elsewhere("TypeError").unwrap_or_default(),
                        };
                        out.report(&MISSING_AWAIT, call.range(), message).note(format!(
                            "each read of `{variable}` fails on the coroutine object today, and {who}: that code would stop running; add `await` if the result is meant"
                        ));
                        continue;
                    }
                    fix_unless_held(
                        out.report(&MISSING_AWAIT, call.range(), message),
                        held.as_deref(),
                        sure,
                        call,
                    );
                }
                AsResult::AlsoSilently => {
                    out.report(&MISSING_AWAIT, call.range(), message)
                        .fix_with(Applicability::Unsafe, add_await(call));
                }
                AsResult::OnlySilently => {
                    out.report(&MISSING_AWAIT, call.range(), message)
                        .note(format!(
                            "`{variable}` is only used in ways a coroutine object allows too \
                         (a truth test, `is None`, `==`, `print`, `str`): nothing fails \
                         as it is; add `await` if the result is meant"
                        ));
                }
            }
        }
    }
}

/// The fix with `sure`'s applicability, or unsafe with the reason when the
/// call sits in a synchronous `with` whose context the `await` would hold
/// while other tasks run (`held`).
fn fix_unless_held(
    finding: FindingBuilder<'_, '_>,
    held: Option<&str>,
    sure: Applicability,
    call: &ast::ExprCall,
) {
    match held {
        Some(note) => {
            finding
                .note(note)
                .fix_with(Applicability::Unsafe, add_await(call));
        }
        None => {
            finding.fix_with(sure, add_await(call));
        }
    }
}

fn add_await(call: &ast::ExprCall) -> impl FnOnce(&mut FixBuilder) -> anyhow::Result<()> + '_ {
    move |fix| {
        fix.title("Add `await`");
        fix.insert(call.start(), "await ");
        Ok(())
    }
}

/// Why code elsewhere in the project may make the call reach something
/// other than the coroutine function it names, with the note that says so.
enum Doubt {
    /// Such as a test does (a mock, an object handed to the method): the
    /// fix is unsafe.
    Unsafe(String),
    /// For good: no fix.
    NoFix(String),
}

impl From<StandIn> for Doubt {
    fn from(stand_in: StandIn) -> Self {
        match stand_in {
            StandIn::Mocked(note) => Doubt::Unsafe(note),
            StandIn::Replaced(note) => Doubt::NoFix(note),
        }
    }
}

/// How a variable that holds a coroutine object is used, when nothing
/// runs or keeps the coroutine.
enum AsResult {
    /// Only where a coroutine object fails at once (or not at all): the
    /// result is surely meant.
    Only,
    /// Where it fails at once, and elsewhere where it does not.
    AlsoSilently,
    /// Only where a coroutine object works too.
    OnlySilently,
}

/// How `target` (bound by the statement, in the coroutine `scope`) is
/// used: `None` when the coroutine may be run or kept (awaited, scheduled,
/// returned, stored, passed on, read by a nested function), or when the
/// variable is not the statement's alone (bound again, global, read
/// through the frame).
fn used_as_result(
    semantic: &SemanticModel,
    target: &ast::ExprName,
    scope: ScopeId,
) -> Option<AsResult> {
    let variable = target.id.as_str();
    if semantic.owner_scope(variable, scope) != Some(scope) || semantic.reads_own_frame(scope) {
        return None;
    }
    let only_binding = semantic
        .bindings_in(scope, variable)?
        .iter()
        .map(|&id| semantic.binding(id))
        .filter(|binding| {
            !matches!(
                binding.kind,
                BindingKind::Deletion | BindingKind::Annotation
            )
        })
        .all(|binding| binding.range == target.range);
    if !only_binding {
        return None;
    }
    let (mut fails, mut silent) = (false, false);
    for use_ in semantic.uses_of(variable, scope) {
        match use_.kind {
            UseKind::Write | UseKind::Delete => continue,
            UseKind::Declaration => return None,
            UseKind::Read => {}
        }
        if semantic.frame_of(use_.scope) != scope {
            // A nested function, lambda or generator may run later.
            return None;
        }
        match semantic.coroutine_value_use(use_.range, use_.scope) {
            CoroutineValueUse::Fails => fails = true,
            CoroutineValueUse::Silent => silent = true,
            CoroutineValueUse::Kept => return None,
        }
    }
    Some(match (fails, silent) {
        (_, false) => AsResult::Only,
        (true, true) => AsResult::AlsoSilently,
        (false, true) => AsResult::OnlySilently,
    })
}

/// The name of what `call` calls, when the semantic layer's coroutine
/// oracle says the call surely returns a coroutine: a function of the
/// module (an `async def`, a legacy coroutine, a plain `def` that returns
/// one), a method on `self`, or one of asyncio's coroutine functions; and
/// whether it is a library's (asyncio's, or a well-known library's
/// function or method), which needs the event loop.
fn coroutine_called(
    semantic: &SemanticModel,
    call: &ast::ExprCall,
    scope: ScopeId,
) -> Option<(String, Applicability, bool, Option<Doubt>)> {
    let callee = semantic.callee(&call.func, scope);
    // `self.flush()` of an `async def` that code elsewhere in the project
    // may make reach something else: reported with why.
    if matches!(callee, Callee::Unknown)
        && let Some((def, doubt)) = semantic.coroutine_method_of_self_in_doubt(call, scope)
    {
        let doubt = if doubt.unsafe_fix {
            Doubt::Unsafe(doubt.note)
        } else {
            Doubt::NoFix(doubt.note)
        };
        return Some((
            def.name.to_string(),
            Applicability::Safe,
            false,
            Some(doubt),
        ));
    }
    // An `async def` of the module whose name code may rebind behind the
    // `def`'s back (another file writing it as the module's attribute, a
    // namespace of the module written): reported with why, never dropped.
    if matches!(callee, Callee::Unknown)
        && let Some((def, why)) = semantic.coroutine_function_written_behind(&call.func, scope)
    {
        let name = def.name.to_string();
        let doubt = semantic
            .own_name_stand_in(
                &[name.as_str()],
                &format!("the added `await` awaits what the stand-in of `{name}` returns"),
            )
            .map_or_else(
                || {
                    Doubt::NoFix(format!(
                        "`{name}` may be another function when the call runs: {why}"
                    ))
                },
                Doubt::from,
            );
        return Some((name, Applicability::Safe, false, Some(doubt)));
    }
    match callee {
        Callee::Function(def) => (semantic.call_result(call, scope) == CallResult::Coroutine)
            .then(|| (def.name.to_string(), Applicability::Safe, false, None)),
        Callee::Class(_) => None,
        // Only asyncio's own functions are known among what the module
        // does not define; asking about anything else costs for nothing.
        // In a module that also imports trio, anyio or curio the coroutine
        // may run where asyncio's functions find no loop.
        // So may it where another module of the project imports one: it
        // may run this module's coroutines (`trio.run(mod.main)`).
        Callee::Unknown
            if semantic.non_asyncio_library().is_some()
                || semantic.project_runner_library().is_some() =>
        {
            None
        }
        Callee::Unknown => {
            if let Some(qualified) = semantic.qualified_name(&call.func, scope) {
                // asyncio's, or a well-known async library's that the
                // table (or the environment the index reads) shows as a
                // coroutine function (`aiofiles.os.remove`). The binding
                // that makes it so must exist when the call runs (not one
                // under `if TYPE_CHECKING:`), and no other file of the
                // project may replace it.
                let known = qualified.starts_with("asyncio")
                    || crate::semantic::known::knows_module(qualified.module());
                if !(known
                    && root_name(&call.func).is_some_and(|root| {
                        semantic.available_import(root, call.start()).is_some()
                    })
                    && semantic.call_result(call, scope) == CallResult::Coroutine)
                {
                    return None;
                }
                // Another file of the project may put a stand-in in its
                // place (`mock.patch("asyncio.sleep")`, `asyncio.sleep =
                // fake`): the semantic layer's rule every codemod asks.
                let name = qualified.to_string();
                let mut names = vec![name.as_str()];
                let public = (qualified.module() == "asyncio" && qualified.segments().count() > 2)
                    .then(|| format!("asyncio.{}", qualified.member()));
                if let Some(public) = &public {
                    names.push(public);
                }
                let doubt = semantic
                    .stand_in(
                        &names,
                        &format!("the added `await` awaits what the stand-in of `{name}` returns"),
                    )
                    .map(Doubt::from);
                return Some((name, Applicability::Safe, true, doubt));
            }
            // A coroutine method of a well-known class, on a variable that
            // surely holds an instance of it (`writer.drain()`).
            let Expr::Attribute(method) = call.func.as_ref() else {
                return None;
            };
            let Expr::Name(receiver) = method.value.as_ref() else {
                return None;
            };
            let (Returns::Coroutine, evidence) = semantic.method_call_known(call, scope)? else {
                return None;
            };
            // An annotation's word may not hold for what a caller passes:
            // an object of another class makes the `await` fail at once.
            let sure = match evidence {
                ClassEvidence::Made => Applicability::Safe,
                ClassEvidence::Annotated => Applicability::Unsafe,
            };
            Some((format!("{}.{}", receiver.id, method.attr), sure, true, None))
        }
    }
}

/// The name an attribute chain starts from (`asyncio` in `asyncio.tasks.sleep`).
fn root_name(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(name) => Some(name.id.as_str()),
        Expr::Attribute(attribute) => root_name(&attribute.value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::MISSING_AWAIT;
    use crate::codemods::{ENSURE_FUTURE, RUN_IN_COROUTINE};
    use crate::test_support::{
        check_finding, check_fix, check_fix_together, check_no_fix, check_safe_fix,
        check_unsafe_fix, findings,
    };

    #[test]
    fn module_coroutine_function() {
        check_fix(
            &MISSING_AWAIT,
            "async def save(r):\n    pass\n\nasync def handle(r):\n    if r:\n        save(r)\n",
            "async def save(r):\n    pass\n\nasync def handle(r):\n    if r:\n        await save(r)\n",
        );
    }

    #[test]
    fn method_on_self() {
        check_fix(
            &MISSING_AWAIT,
            "class Conn:\n    async def flush(self):\n        return 1\n\n    async def close(self):\n        self.flush()\n",
            "class Conn:\n    async def flush(self):\n        return 1\n\n    async def close(self):\n        await self.flush()\n",
        );
    }

    #[test]
    fn static_method_on_self_and_nested_helper() {
        check_fix(
            &MISSING_AWAIT,
            "class C:\n    @staticmethod\n    async def ping():\n        return 1\n\n    async def run(self):\n        async def helper():\n            pass\n        self.ping()\n        (helper())\n",
            "class C:\n    @staticmethod\n    async def ping():\n        return 1\n\n    async def run(self):\n        async def helper():\n            pass\n        await self.ping()\n        (await helper())\n",
        );
    }

    #[test]
    fn composes_with_run_in_coroutine_and_ensure_future() {
        check_fix_together(
            &[&RUN_IN_COROUTINE, &ENSURE_FUTURE, &MISSING_AWAIT],
            "import asyncio\n\nasync def job():\n    pass\n\nasync def main():\n    job()\n    asyncio.run(job())\n    t = asyncio.ensure_future(job())\n    await t\n",
            "import asyncio\n\nasync def job():\n    pass\n\nasync def main():\n    await job()\n    await job()\n    t = asyncio.create_task(job())\n    await t\n",
        );
    }

    #[test]
    fn composes_with_the_other_coroutine_codemods_in_one_run() {
        use crate::codemods::{GET_RUNNING_LOOP, SLEEP_IN_ASYNC, TIMEOUT_ERROR_ALIAS, TO_THREAD};
        check_fix_together(
            &[
                &SLEEP_IN_ASYNC,
                &GET_RUNNING_LOOP,
                &TO_THREAD,
                &TIMEOUT_ERROR_ALIAS,
                &RUN_IN_COROUTINE,
                &ENSURE_FUTURE,
                &MISSING_AWAIT,
            ],
            r#"import asyncio
import time


async def fetch(loop, url):
    return url


async def refresh(urls):
    loop = asyncio.get_event_loop()
    time.sleep(0.1)
    fetch(loop, urls[0])
    task = asyncio.ensure_future(fetch(loop, urls[1]))
    data = await loop.run_in_executor(None, len, urls)
    try:
        return asyncio.run(fetch(loop, data)), await task
    except asyncio.TimeoutError:
        return None
"#,
            r#"import asyncio


async def fetch(loop, url):
    return url


async def refresh(urls):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1)
    await fetch(loop, urls[0])
    task = asyncio.create_task(fetch(loop, urls[1]))
    data = await asyncio.to_thread(len, urls)
    try:
        return await fetch(loop, data), await task
    except TimeoutError:
        return None
"#,
        );
    }

    #[test]
    fn sync_function_and_async_generator_are_left_alone() {
        check_no_fix(
            &MISSING_AWAIT,
            "def log(x):\n    pass\n\nasync def ticks():\n    yield 1\n\nasync def f():\n    log(1)\n    ticks()\n",
        );
    }

    #[test]
    fn decorated_coroutine_function_is_left_alone() {
        check_no_fix(
            &MISSING_AWAIT,
            "import functools\n\n@app.task\nasync def job():\n    pass\n\n@functools.lru_cache\nasync def cached():\n    pass\n\nasync def f():\n    job()\n    cached()\n",
        );
    }

    #[test]
    fn names_bound_twice_or_shadowed_are_left_alone() {
        check_no_fix(
            &MISSING_AWAIT,
            "async def a():\n    pass\na = wrap(a)\n\nasync def b():\n    pass\n\nasync def f(b):\n    a()\n    b()\n",
        );
    }

    #[test]
    fn imported_coroutine_functions_are_not_seen() {
        check_no_fix(
            &MISSING_AWAIT,
            "from app import save\n\nasync def f(r):\n    save(r)\n",
        );
    }

    #[test]
    fn method_called_on_something_else_is_left_alone() {
        check_no_fix(
            &MISSING_AWAIT,
            "class C:\n    async def flush(self):\n        pass\n\n    async def close(self, other):\n        other.flush()\n\n    @classmethod\n    async def make(self):\n        self.flush()\n\nclass D:\n    async def run(self):\n        self.flush()\n",
        );
    }

    #[test]
    fn method_hidden_by_instance_attribute_is_left_alone() {
        check_no_fix(
            &MISSING_AWAIT,
            "class C:\n    def __init__(self, cb):\n        self.flush = cb\n\n    async def flush(self):\n        pass\n\n    async def close(self):\n        self.flush()\n",
        );
    }

    #[test]
    fn used_values_and_nested_scopes_are_left_alone() {
        let source = "async def job():\n    pass\n\nasync def f(tasks):\n    t = job()\n    tasks.append(job())\n    await job()\n    def cb():\n        job()\n    class K:\n        job()\n    return t, cb, K\n\ndef g():\n    job()\n";
        check_no_fix(&MISSING_AWAIT, source);
        assert!(findings(&MISSING_AWAIT, source).is_empty());
    }

    #[test]
    fn star_import_may_rebind_the_name() {
        check_no_fix(
            &MISSING_AWAIT,
            "async def job():\n    pass\n\nfrom app import *\n\nasync def f():\n    job()\n",
        );
    }

    #[test]
    fn noqa_suppresses() {
        check_no_fix(
            &MISSING_AWAIT,
            "async def job():\n    pass\n\nasync def f():\n    job()  # noqa: AM109\n",
        );
    }

    #[test]
    fn what_every_run_may_not_find_is_left_alone() {
        for source in [
            // A sibling base first in the resolution order.
            "class A:\n    def flush(self): pass\nclass B:\n    async def flush(self): pass\n    async def close(self):\n        self.flush()\nclass C(A, B): pass\n",
            // A generic subclass overriding with a plain `def`.
            "class B(Generic[T]):\n    async def flush(self): pass\n    async def close(self):\n        self.flush()\nclass D(B[int]):\n    def flush(self): pass\n",
            // An async generator override.
            "class B:\n    async def flush(self): pass\n    async def close(self):\n        self.flush()\nclass D(B):\n    async def flush(self):\n        yield 1\n",
            // Defined only on some paths, falling back to a builtin.
            "import sys\nif sys.version_info < (3,):\n    async def print(*a): pass\nasync def main():\n    print('x')\n",
            // Rebound through the module's namespace.
            "async def report(): pass\nasync def main():\n    report()\nglobals()['report'] = print\n",
            // A dataclass field of the same name in a base.
            "@dataclass\nclass Base:\n    flush: Callable\nclass B(Base):\n    async def flush(self): pass\n    async def close(self):\n        self.flush()\n",
            // An async def that yields in a lambda's default: an async generator.
            "async def ticks():\n    g = lambda y=(yield): y\nasync def main():\n    ticks()\n",
        ] {
            check_no_fix(&MISSING_AWAIT, source);
        }
    }

    #[test]
    fn library_coroutines_are_left_where_coroutines_are_driven_by_hand() {
        let driver = "\ndef drive(coro):\n    try:\n        while True:\n            coro.send(None)\n    except StopIteration as stop:\n        return stop.value\n";
        check_finding(
            &MISSING_AWAIT,
            &format!(
                "import asyncio\n\nasync def job(q: asyncio.Queue):\n    asyncio.sleep(0)\n{driver}"
            ),
            "coroutine `asyncio.sleep()` is called but never awaited",
        );
        // The module's own coroutines run under the driver as they would
        // on a loop: they still get their `await`.
        check_fix(
            &MISSING_AWAIT,
            &format!("async def step():\n    pass\n\nasync def job():\n    step()\n{driver}"),
            &format!("async def step():\n    pass\n\nasync def job():\n    await step()\n{driver}"),
        );
    }

    #[test]
    fn asyncio_coroutine_functions_and_plain_defs_returning_one() {
        check_fix(
            &MISSING_AWAIT,
            "import asyncio\nfrom asyncio import sleep as nap\n\nasync def job():\n    pass\n\ndef start():\n    return job()\n\nasync def f(q):\n    asyncio.sleep(1)\n    nap(0)\n    start()\n    asyncio.gather(job())\n    asyncio.ensure_future(job())\n",
            "import asyncio\nfrom asyncio import sleep as nap\n\nasync def job():\n    pass\n\ndef start():\n    return job()\n\nasync def f(q):\n    await asyncio.sleep(1)\n    await nap(0)\n    await start()\n    asyncio.gather(job())\n    asyncio.ensure_future(job())\n",
        );
        check_no_fix(
            &MISSING_AWAIT,
            "import asyncio\nimport trio\n\nasync def f():\n    asyncio.sleep(1)\n",
        );
    }

    #[test]
    fn methods_of_asyncio_objects_the_function_shows() {
        check_fix(
            &MISSING_AWAIT,
            "import asyncio\n\nasync def send(host, data, q: asyncio.Queue, done: asyncio.Event):\n    reader, writer = await asyncio.open_connection(host, 80)\n    writer.write(data)\n    writer.drain()\n    q.put(data)\n    q.join()\n    done.wait()\n    lock = asyncio.Lock()\n    lock.acquire()\n    lock.release()\n",
            "import asyncio\n\nasync def send(host, data, q: asyncio.Queue, done: asyncio.Event):\n    reader, writer = await asyncio.open_connection(host, 80)\n    writer.write(data)\n    await writer.drain()\n    await q.put(data)\n    await q.join()\n    await done.wait()\n    lock = asyncio.Lock()\n    await lock.acquire()\n    lock.release()\n",
        );
    }

    #[test]
    fn made_objects_are_safe_and_annotated_ones_unsafe() {
        check_safe_fix(
            &MISSING_AWAIT,
            "import asyncio\n\nasync def f(host):\n    r, w = await asyncio.open_connection(host, 1)\n    w.drain()\n    q = asyncio.Queue()\n    q.join()\n",
            "import asyncio\n\nasync def f(host):\n    r, w = await asyncio.open_connection(host, 1)\n    await w.drain()\n    q = asyncio.Queue()\n    await q.join()\n",
        );
        check_unsafe_fix(
            &MISSING_AWAIT,
            "import asyncio\n\nasync def f(q: asyncio.Queue):\n    q.put(1)\n",
            "import asyncio\n\nasync def f(q: asyncio.Queue):\n    await q.put(1)\n",
        );
    }

    #[test]
    fn objects_that_may_be_something_else_are_left_alone() {
        for source in [
            "import queue\n\nasync def f(q: queue.Queue):\n    q.put(1)\n",
            "import asyncio, queue\n\nasync def f():\n    q: asyncio.Queue = queue.Queue()\n    q.put(1)\n",
            "import asyncio\n\nasync def f(host, other):\n    r, writer = await asyncio.open_connection(host, 1)\n    if other:\n        writer = other\n    writer.drain()\n",
            "import asyncio\n\nclass FakeWriter:\n    def drain(self):\n        pass\n\nasync def f(w: asyncio.StreamWriter):\n    w.drain()\n",
            "import asyncio\nimport trio\n\nasync def f(q: asyncio.Queue):\n    q.put(1)\n",
        ] {
            check_no_fix(&MISSING_AWAIT, source);
        }
    }

    #[test]
    fn asyncio_imported_only_for_type_checking_is_left_alone() {
        check_no_fix(
            &MISSING_AWAIT,
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import asyncio\n\nasync def f():\n    asyncio.sleep(1)\n",
        );
    }

    const FETCH: &str = "async def fetch_data():\n    return {'a': [1]}\n\n";

    #[test]
    fn a_coroutine_assigned_and_used_only_as_its_result() {
        for (uses, awaited) in [
            ("    return result['a']\n", "await fetch_data()"),
            (
                "    for x in result:\n        print(x)\n",
                "await fetch_data()",
            ),
            (
                "    print(len(result), result.get('a'))\n",
                "await fetch_data()",
            ),
            ("    a, b = result\n    return a\n", "await fetch_data()"),
            (
                "    return [k for k in result] + list(result)\n",
                "await fetch_data()",
            ),
            (
                "    if 'a' in result:\n        result['a'].append(2)\n",
                "await fetch_data()",
            ),
            (
                "    return result.items() if result.keys() else 0\n",
                "await fetch_data()",
            ),
            // Never used at all: dropped, as a statement would be.
            ("    pass\n", "await fetch_data()"),
        ] {
            check_safe_fix(
                &MISSING_AWAIT,
                &format!("{FETCH}async def f():\n    result = fetch_data()\n{uses}"),
                &format!("{FETCH}async def f():\n    result = {awaited}\n{uses}"),
            );
        }
        check_safe_fix(
            &MISSING_AWAIT,
            &format!(
                "{FETCH}async def f():\n    result: dict = fetch_data()\n    return result['a']\n"
            ),
            &format!(
                "{FETCH}async def f():\n    result: dict = await fetch_data()\n    return result['a']\n"
            ),
        );
    }

    #[test]
    fn also_used_where_a_coroutine_object_does_not_fail_is_unsafe() {
        check_unsafe_fix(
            &MISSING_AWAIT,
            &format!(
                "{FETCH}async def f():\n    result = fetch_data()\n    if result is None:\n        return 0\n    return result['a']\n"
            ),
            &format!(
                "{FETCH}async def f():\n    result = await fetch_data()\n    if result is None:\n        return 0\n    return result['a']\n"
            ),
        );
    }

    #[test]
    fn used_only_where_a_coroutine_object_does_not_fail_is_reported() {
        for uses in [
            "    if result:\n        print('ok')\n",
            "    print(result, str(result), f'{result}')\n",
            "    assert result is not None and result != 3\n",
        ] {
            check_finding(
                &MISSING_AWAIT,
                &format!("{FETCH}async def f():\n    result = fetch_data()\n{uses}"),
                "coroutine `fetch_data()` is assigned to `result` but never awaited",
            );
        }
    }

    #[test]
    fn a_coroutine_run_or_kept_is_left_alone() {
        for uses in [
            "    await result\n",
            "    return result\n",
            "    asyncio.create_task(result)\n",
            "    await asyncio.gather(result)\n",
            "    out.append(result)\n",
            "    self.pending = result\n",
            "    other = result\n    await other\n",
            "    handle(result)\n",
            "    result.close()\n",
            "    result.send(None)\n",
            "    yield result\n",
            "    cb = lambda: result['a']\n",
            "    def inner():\n        return result['a']\n    return inner\n",
            "    gen = (x for x in [1] if result)\n",
            "    items = [result, 1]\n    print(items[0]['a'])\n",
            "    x = result or {}\n    print(x['a'])\n",
            // Bound again, or read through the frame.
            "    result = {}\n    print(result['a'])\n",
            "    print(locals()['result'])\n",
        ] {
            let source = format!(
                "import asyncio\n{FETCH}async def f(out, self, handle):\n    result = fetch_data()\n{uses}"
            );
            check_no_fix(&MISSING_AWAIT, &source);
            assert!(findings(&MISSING_AWAIT, &source).is_empty(), "{uses}");
        }
        // Owned by another scope.
        for source in [
            format!(
                "{FETCH}result = None\nasync def f():\n    global result\n    result = fetch_data()\n    print(result['a'])\n"
            ),
            format!(
                "{FETCH}async def f():\n    result = None\n    async def g():\n        nonlocal result\n        result = fetch_data()\n        print(result['a'])\n    await g()\n    return result\n"
            ),
        ] {
            check_no_fix(&MISSING_AWAIT, &source);
        }
    }
}
