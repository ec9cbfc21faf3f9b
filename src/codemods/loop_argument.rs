use ruff_python_ast::token::TokenKind;

use crate::codemods::prelude::*;
use crate::fix::Edit;
use crate::fix::layout::{line_end, line_start};
use crate::fix::statements::{Comments, delete_lines};
use crate::fix::syntax::{contains_comment, significant_after, significant_before};
use crate::semantic::caught::CaughtBy;
use crate::semantic::patches::StandIn;
use crate::semantic::{QualifiedName, ScopeId, SemanticModel};

declare_codemod! {
    /// ## What it does
    /// Drops the `loop=` keyword argument, removed in Python 3.10, from calls
    /// of asyncio's high-level API: `sleep`, `gather`, `wait_for`, `wait`,
    /// `shield`, `as_completed`, the queues and synchronisation primitives
    /// (`Queue`, `Lock`, `Event`, `Condition`, `Semaphore`, …) and the
    /// stream and subprocess helpers (`open_connection`, `start_server`,
    /// `create_subprocess_exec`, …).
    ///
    /// ## Why
    /// Since Python 3.10 these calls raise `TypeError: … got an unexpected
    /// keyword argument 'loop'`. They use the running loop, which is the one
    /// the argument had to name anyway.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def pause(loop):
    ///     lock = asyncio.Lock(loop=loop)
    ///     async with lock:
    ///         await asyncio.sleep(1, loop=loop)
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def pause(loop):
    ///     lock = asyncio.Lock()
    ///     async with lock:
    ///         await asyncio.sleep(1)
    /// ```
    ///
    /// ## Fix safety
    /// Safe only where no code of the module could catch or expect the
    /// `TypeError`; unsafe otherwise, with the line of that code in the fix's
    /// title. The codemod runs only for a target of Python 3.10 or newer,
    /// and there the call with `loop=` raises `TypeError` at once: the
    /// intended change is that it runs, on the running loop, as the argument
    /// had to name anyway. (On 3.9, which such a target excludes, a
    /// primitive made with `loop=` bound to that loop at creation; from 3.10
    /// primitives bind to the running loop on first use.) But a program may
    /// rely on the failure: a shim tries the old spelling and falls back, a
    /// probe answers `False`, a test expects the error. The code that relies
    /// on it may sit several calls above the `loop=` (a function calling the
    /// function that makes the lock, a coroutine made outside a `try` and
    /// awaited inside it, a method called there, a decorator's wrapper), and
    /// which call a handler guards cannot be told in general. So any such
    /// code in the module makes the fix unsafe: an `except` that may catch a
    /// `TypeError` in any spelling (`TypeError`, `builtins.TypeError`, a
    /// tuple or a name holding one, `Exception`, `BaseException`, an
    /// exception group, a bare `except:`, a name or attribute the module
    /// cannot resolve such as `except self.errors:`); a call given such a
    /// class (`contextlib.suppress(Exception)`, `retry(on=Exception)`,
    /// `self.assertRaises(TypeError, …)`, `xfail(raises=TypeError)`); a call
    /// that turns exceptions into values (`gather(…, return_exceptions=True)`,
    /// a future's `.exception()`); an `__exit__` that may return true, or an
    /// exit callback handed to an exit stack (`stack.push(ignore_all)`,
    /// `push_async_exit`); a test marked to fail (`expectedFailure`,
    /// `xfail`); a doctest whose expected output is a `TypeError`
    /// traceback. Hooks that only observe an uncaught exception
    /// (`loop.set_exception_handler`, `sys.excepthook`,
    /// `threading.excepthook`) do not count: the `TypeError` still ended
    /// what raised it, which the fix changes as intended. A class the module
    /// defines cannot be a base of `TypeError`, and an imported class is
    /// taken to be what its name says (`except aiohttp.ClientError:` does not
    /// count). Where a `try` around the call in its own function names
    /// `TypeError` (in any of those spellings), a `with` around it mentions
    /// it (`self.assertRaises(TypeError)`, `pytest.raises(TypeError)`,
    /// `contextlib.suppress(TypeError)`), or a function holding the call is
    /// called or passed (`self.assertRaises(TypeError, make, loop)`) in such
    /// a place, the fix is not offered at all.
    ///
    /// Callers in other modules are not seen, and this is the one thing the
    /// safe fix assumes: a module whose own code could not catch the
    /// `TypeError` gets the safe fix even when a caller elsewhere catches
    /// `TypeError` around a call into it (a test of the module expecting the
    /// failure, a shim in another package that tries it and falls back).
    /// Such a caller relies on this module failing at every call on the
    /// target Python; for it the fix is the change that upgrading a
    /// dependency which fixed the crash would bring. When fixing a package,
    /// review its tests and callers that catch `TypeError` around calls into
    /// the fixed modules.
    ///
    /// Only a `loop` value without side effects is dropped (a name, an
    /// attribute, `None`, `asyncio.get_event_loop()` or
    /// `asyncio.get_running_loop()`). `gather`, `shield` and `as_completed`
    /// bind their loop when called, so the argument is dropped from them
    /// only inside a coroutine, where the running loop is the one they get.
    /// The callee must resolve to asyncio's own function or class: a
    /// `loop=` given to another `sleep` (`my.sleep`, a local `def sleep`, a
    /// name a star import of another module may bind; `from asyncio import
    /// *` binds asyncio's own) is not touched, nor is a `loop` hidden
    /// in `**kwargs`. The `loop` variable is kept, even if nothing uses it
    /// any more.
    ///
    /// Another file of the project that writes an attribute named
    /// as the function (`Queue`, `sleep`) (by that name; a write by a name or target the code computes, `setattr(asyncio, name, f)`, `mock.patch(target)`, in a file that spells the module's name in a string, counts for every member, and so does `sys.modules["asyncio"] = shim`): a
    /// mock's patch (`mock.patch(…)`, `patch.object(…)`,
    /// `monkeypatch.setattr(…)`, as a test does around the code it tests)
    /// makes the fix unsafe, as its failure shows in that test; any other
    /// write (a compat class installed as `asyncio.Queue = Queue38` that still takes `loop`) leaves it without a fix, as the fixed code would
    /// silently no longer reach the stand-in. The note names the file.
    ///
    /// ## Left alone
    /// A module that may bind the name the call goes through behind its
    /// binding statements' backs is reported without a fix: through its
    /// namespace (`globals()["sleep"] = …`, `G = globals()` kept,
    /// `exec`) or its own object (`sys.modules[__name__].X = …`,
    /// `setattr(sys.modules[__name__], "X", …)`,
    /// `importlib.import_module(__name__).X = …`, `import __main__;
    /// __main__.X = …`).
    ///
    /// The low-level API that still takes a loop: `ensure_future`,
    /// `run_coroutine_threadsafe`, `wrap_future`, `Future`, `Task`,
    /// `all_tasks`, `current_task`, `StreamReader` and every method of a loop
    /// object. Reported without a fix: a `loop` value with side effects
    /// (`loop=make_loop()`), a `gather`/`shield`/`as_completed` outside a
    /// coroutine, a call whose own `try` or `with`, or a caller's, expects
    /// the `TypeError` (see above), and a `loop=` with comments around it
    /// that the edit would lose. Fixed only with `--unsafe-fixes`: a call in
    /// a module with code that could catch or expect the `TypeError`.
    ///
    /// ## Python
    /// The fixed code needs nothing new, but the argument still works (with
    /// a deprecation warning) up to 3.9, so the codemod runs only when the
    /// target is 3.10 or newer.
    ///
    /// A name a star import may rebind (`from asyncio import Queue` followed
    /// by `from compat import *`, whose `Queue` may still take `loop=`):
    /// a star import that runs after the binding, in a loop, or before
    /// module code that calls into the module, leaves the name unknown.
    ///
    /// Reported without a fix: a callee the module replaces or patches
    /// (`asyncio.Queue = CompatQueue`, `setattr(asyncio, "Queue", …)`,
    /// `vars(asyncio)[…] = …`, `asyncio.__dict__` written, the module object
    /// handed on or stored, `mock.patch("asyncio.Queue")`,
    /// `mock.patch.multiple(asyncio, …)`, a patch target the code builds or
    /// computes): its stand-in may still take `loop`.
    pub static LOOP_ARGUMENT = Codemod {
        code: "AM201",
        name: "loop-argument",
        min_python: PyVersion::PY310,
        safety: Applicability::Safe,
        run: loop_argument,
        needles: &["loop"],
        requires: &["asyncio"],
    };
}

/// asyncio's functions and classes whose `loop` parameter Python 3.10 removed.
const LOOP_REMOVED: &[&str] = &[
    "sleep",
    "gather",
    "shield",
    "wait_for",
    "wait",
    "as_completed",
    "open_connection",
    "start_server",
    "open_unix_connection",
    "start_unix_server",
    "create_subprocess_exec",
    "create_subprocess_shell",
    "Queue",
    "LifoQueue",
    "PriorityQueue",
    "Lock",
    "Event",
    "Condition",
    "Semaphore",
    "BoundedSemaphore",
];

/// Of those, the plain functions that pick their loop when called (the
/// others are coroutine functions, or primitives that bind on first use).
const BINDS_LOOP_WHEN_CALLED: &[&str] = &["gather", "shield", "as_completed"];

/// The submodules of asyncio that define them.
const SUBMODULES: &[&str] = &["tasks", "locks", "queues", "streams", "subprocess"];

fn loop_argument(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    // Asked once, of the first call that could be fixed.
    let may_catch = std::cell::OnceCell::new();
    for site in &semantic.calls {
        let call = site.call;
        let Some(keyword) = call.arguments.find_keyword("loop") else {
            continue;
        };
        let Some(member) = high_level_member(semantic, &call.func, site.scope) else {
            continue;
        };
        let finding = out.report(
            &LOOP_ARGUMENT,
            keyword.range(),
            format!("`asyncio.{member}` takes no `loop` argument since Python 3.10"),
        );
        if BINDS_LOOP_WHEN_CALLED.contains(&member) && !semantic.in_async_def(site.scope) {
            finding.note(format!(
                "outside a coroutine `asyncio.{member}` without `loop` may pick another loop than the one given"
            ));
            continue;
        }
        if let Some(at) = semantic.expects_exception_here_or_in_callers(call.start(), "TypeError") {
            finding.note(format!(
                "the code on line {} expects the `TypeError` that `loop=` raises since Python 3.10",
                ctx.line_index().line_index(at).get()
            ));
            continue;
        }
        if let Some(qualified) = semantic.qualified_name(&call.func, site.scope)
            && semantic.may_be_replaced(&call.func, qualified.as_str(), site.scope)
        {
            finding.note(format!(
                "the module replaces, patches or rebinds `{qualified}` (`asyncio.{member} = …`, `mock.patch`, `setattr(sys.modules[__name__], …)`), whose stand-in may take `loop`"
            ));
            continue;
        }
        if !is_plain_loop_value(semantic, &keyword.value, site.scope) {
            finding.note("the `loop` value may have side effects that dropping it would lose");
            continue;
        }
        // Code that could catch the `TypeError` may be what the program
        // relies on, several calls above this one: the fix is for review.
        let catcher = may_catch
            .get_or_init(|| semantic.may_be_caught_by_callers("TypeError"))
            .clone();
        let applicability = match catcher {
            Some(_) => Applicability::Unsafe,
            None => Applicability::Safe,
        };
        // Another file of the project that replaces `asyncio.{member}`
        // (a compat layer whose stand-in takes `loop`) or patches it (a
        // test's mock) would see the call without its `loop`.
        let (applicability, finding) = match semantic.stand_in(
            &[&format!("asyncio.{member}")],
            &format!("its stand-in may take the `loop` the fix drops from `asyncio.{member}`"),
        ) {
            Some(StandIn::Replaced(note)) => {
                finding.note(note);
                continue;
            }
            Some(StandIn::Mocked(note)) => (Applicability::Unsafe, finding.note(note)),
            None => (applicability, finding),
        };
        finding.fix_with(applicability, |fix| {
            match catcher {
                Some(CaughtBy::Module(at)) => fix.title(format!(
                    "Remove the `loop` argument (the code on line {} could catch the `TypeError` it raises)",
                    ctx.line_index().line_index(at.start()).get()
                )),
                Some(elsewhere) => fix.title(format!(
                    "Remove the `loop` argument ({})",
                    elsewhere.elsewhere("TypeError").unwrap_or_default()
                )),
                None => fix.title("Remove the `loop` argument"),
            }
            for edit in keyword_deletion(ctx, &call.arguments, keyword)? {
                fix.edit(edit);
            }
            Ok(())
        });
    }
}

/// The member name when `func` is one of [`LOOP_REMOVED`] in asyncio or one
/// of its submodules.
fn high_level_member(
    semantic: &SemanticModel,
    func: &Expr,
    scope: ScopeId,
) -> Option<&'static str> {
    let qualified = semantic.qualified_name(func, scope)?;
    let member = LOOP_REMOVED
        .iter()
        .copied()
        .find(|m| *m == qualified.member())?;
    is_asyncio_member(&qualified).then_some(member)
}

/// `asyncio.X` or `asyncio.<submodule>.X`.
fn is_asyncio_member(qualified: &QualifiedName) -> bool {
    let segments: Vec<&str> = qualified.segments().collect();
    match segments.as_slice() {
        ["asyncio", _] => true,
        ["asyncio", submodule, _] => SUBMODULES.contains(submodule),
        _ => false,
    }
}

/// A value whose evaluation does nothing the program could miss: a name, an
/// attribute chain on a name, `None`, or asyncio's own loop getters.
fn is_plain_loop_value(semantic: &SemanticModel, value: &Expr, scope: ScopeId) -> bool {
    match value {
        Expr::Name(_) | Expr::NoneLiteral(_) => true,
        Expr::Attribute(attribute) => {
            is_plain_loop_value(semantic, &attribute.value, scope)
                && !matches!(attribute.value.as_ref(), Expr::NoneLiteral(_))
        }
        Expr::Call(call) => {
            call.arguments.is_empty()
                && (semantic.refers_to(&call.func, scope, "asyncio.get_event_loop")
                    || semantic.refers_to(&call.func, scope, "asyncio.get_running_loop"))
        }
        _ => false,
    }
}

/// The edits that remove `keyword` and one comma next to it from a call's
/// arguments, keeping every other argument's bytes and comments. An
/// argument alone on its lines goes with its lines (its own trailing
/// comment too); otherwise only the argument and its separator go. Fails
/// when a comment outside the argument would be lost.
fn keyword_deletion(
    ctx: &Context,
    arguments: &ast::Arguments,
    keyword: &ast::Keyword,
) -> anyhow::Result<Vec<Edit>> {
    let source = ctx.source;
    let tokens = ctx.tokens;
    let open = arguments.start();
    let close = arguments.end() - TextSize::of(')');
    let kw = keyword.range();
    let Some(after) = significant_after(tokens, kw.end()) else {
        anyhow::bail!("cannot find the end of the `loop` argument");
    };
    let Some(before) = significant_before(tokens, kw.start()) else {
        anyhow::bail!("cannot find the start of the `loop` argument");
    };
    // A parenthesized value may end after the keyword's range: bail rather than guess.
    let trailing_comma = match after.kind() {
        TokenKind::Comma => Some(after.range()),
        TokenKind::Rpar if after.start() == close => None,
        _ => anyhow::bail!("the `loop` argument has a layout the fix does not handle"),
    };
    if !matches!(before.kind(), TokenKind::Comma | TokenKind::Lpar) {
        anyhow::bail!("the `loop` argument has a layout the fix does not handle");
    }
    let lose_comments = || anyhow::anyhow!("removing the `loop` argument would lose a comment");

    // The only argument: empty the parentheses (unless that loses a comment).
    let inside = TextRange::new(open + TextSize::of('('), close);
    if arguments.len() == 1 && !contains_comment(tokens, inside) {
        return Ok(vec![Edit::deletion(inside)]);
    }

    let own_line_start = line_start(source, kw.start());
    let starts_line = source[TextRange::new(own_line_start, kw.start())]
        .trim()
        .is_empty();
    match trailing_comma {
        Some(comma) => {
            let rest = &source[TextRange::new(comma.end(), line_end(source, comma.end()))];
            let rest = rest.trim_start();
            if starts_line && (rest.is_empty() || rest.starts_with('#')) {
                // `    loop=loop,  # comment` on its own lines: the lines go.
                if contains_comment(tokens, TextRange::new(kw.end(), comma.start())) {
                    return Err(lose_comments());
                }
                // A comment after it may still say something: it stays on
                // the line, unless it is a pragma that spoke of the argument.
                let argument = TextRange::new(kw.start(), comma.end());
                return Ok(vec![delete_lines(
                    source,
                    argument,
                    Comments::KeepTrailingNote,
                )]);
            }
            if before.kind() == TokenKind::Lpar {
                // `f(loop=loop, x)`: up to the next argument when it is on this line.
                let Some(next) = significant_after(tokens, comma.end()) else {
                    return Err(lose_comments());
                };
                let same_line = line_start(source, next.start()) == line_start(source, comma.end());
                let end = if same_line { next.start() } else { comma.end() };
                let range = TextRange::new(kw.start(), end);
                if contains_comment(tokens, TextRange::new(kw.end(), end)) {
                    return Err(lose_comments());
                }
                return Ok(vec![Edit::deletion(range)]);
            }
            // `f(a, loop=loop, b)`: from the end of the comma before it.
            let range = TextRange::new(before.end(), comma.end());
            if contains_comment(tokens, TextRange::new(before.end(), kw.start()))
                || contains_comment(tokens, TextRange::new(kw.end(), comma.end()))
            {
                return Err(lose_comments());
            }
            Ok(vec![Edit::deletion(range)])
        }
        None => {
            // The last argument, no trailing comma: from the comma before it.
            if before.kind() != TokenKind::Comma {
                anyhow::bail!("the `loop` argument has a layout the fix does not handle");
            }
            let rest = &source[TextRange::new(kw.end(), line_end(source, kw.end()))];
            let rest = rest.trim_start();
            let ends_line = rest.is_empty() || rest.starts_with('#');
            let comma_line = line_start(source, before.start());
            if starts_line
                && ends_line
                && comma_line != own_line_start
                && line_start(source, close) != own_line_start
            {
                // `        loop=loop  # comment` on its own lines, `)` below:
                // its lines go (a comment that is no pragma stays), and the
                // comma that ends the line above.
                return Ok(vec![
                    Edit::deletion(before.range()),
                    delete_lines(source, kw.range(), Comments::KeepTrailingNote),
                ]);
            }
            if contains_comment(tokens, TextRange::new(before.start(), kw.start()))
                || contains_comment(tokens, TextRange::new(kw.end(), close))
            {
                return Err(lose_comments());
            }
            Ok(vec![Edit::deletion(TextRange::new(
                before.start(),
                kw.end(),
            ))])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LOOP_ARGUMENT;
    use crate::test_support::{
        check_finding, check_fix, check_no_fix, check_safe_fix, check_unsafe_fix,
    };

    #[test]
    fn drops_loop_from_sleep() {
        check_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(loop):\n    await asyncio.sleep(1, loop=loop)\n",
            "import asyncio\nasync def f(loop):\n    await asyncio.sleep(1)\n",
        );
    }

    #[test]
    fn drops_loop_between_arguments_and_alone() {
        check_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(loop):\n    q = asyncio.Queue(loop=loop, maxsize=3)\n    e = asyncio.Event(loop=loop)\n    await asyncio.wait_for(g(), loop=loop, timeout=1)\n",
            "import asyncio\nasync def f(loop):\n    q = asyncio.Queue(maxsize=3)\n    e = asyncio.Event()\n    await asyncio.wait_for(g(), timeout=1)\n",
        );
    }

    #[test]
    fn drops_own_line_argument_keeping_its_comment() {
        check_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(loop):\n    await asyncio.gather(\n        a(),\n        loop=loop,  # required on 3.6\n        return_exceptions=True,\n    )\n",
            "import asyncio\nasync def f(loop):\n    await asyncio.gather(\n        a(),\n        # required on 3.6\n        return_exceptions=True,\n    )\n",
        );
        check_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(loop):\n    await asyncio.gather(\n        a(),\n        loop=loop,  # noqa: E501\n    )\n",
            "import asyncio\nasync def f(loop):\n    await asyncio.gather(\n        a(),\n    )\n",
        );
    }

    #[test]
    fn drops_last_own_line_argument_without_trailing_comma() {
        check_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(loop):\n    await asyncio.sleep(\n        1,  # seconds\n        loop=loop  # the loop\n    )\n",
            "import asyncio\nasync def f(loop):\n    await asyncio.sleep(\n        1  # seconds\n        # the loop\n    )\n",
        );
    }

    #[test]
    fn from_import_and_submodule() {
        check_fix(
            &LOOP_ARGUMENT,
            "from asyncio import Lock\nfrom asyncio.locks import Semaphore as Sem\nlock = Lock(loop=None)\nsem = Sem(2, loop=loop)\n",
            "from asyncio import Lock\nfrom asyncio.locks import Semaphore as Sem\nlock = Lock()\nsem = Sem(2)\n",
        );
    }

    #[test]
    fn low_level_api_keeps_loop() {
        check_no_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(loop):\n    asyncio.ensure_future(g(), loop=loop)\n    asyncio.run_coroutine_threadsafe(g(), loop=loop)\n    fut = asyncio.Future(loop=loop)\n    t = asyncio.Task(g(), loop=loop)\n    loop.create_task(g())\n    asyncio.all_tasks(loop=loop)\n",
        );
    }

    #[test]
    fn loop_methods_and_other_modules_keep_loop() {
        check_no_fix(
            &LOOP_ARGUMENT,
            "import asyncio, trio\nasync def f(loop, obj):\n    await loop.sleep(1, loop=loop)\n    await obj.gather(loop=loop)\n    await trio.sleep(1, loop=loop)\n",
        );
    }

    #[test]
    fn gather_outside_a_coroutine_is_reported() {
        check_finding(
            &LOOP_ARGUMENT,
            "import asyncio\nloop = asyncio.new_event_loop()\nloop.run_until_complete(asyncio.gather(a(), loop=loop))\n",
            "`asyncio.gather` takes no `loop` argument since Python 3.10",
        );
    }

    #[test]
    fn side_effect_in_loop_value_is_reported() {
        check_finding(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f():\n    await asyncio.sleep(1, loop=make_loop())\n",
            "`asyncio.sleep` takes no `loop` argument since Python 3.10",
        );
    }

    #[test]
    fn shadowed_asyncio_is_not_the_module() {
        check_no_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(asyncio, loop):\n    await asyncio.sleep(1, loop=loop)\n",
        );
    }

    #[test]
    fn comment_that_would_be_lost_blocks_the_fix() {
        check_no_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(loop):\n    await asyncio.sleep(1,  # one\n        loop=loop)\n",
        );
    }

    #[test]
    fn get_event_loop_value_and_trailing_comma() {
        check_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f():\n    await asyncio.sleep(1, loop=asyncio.get_event_loop(),)\n",
            "import asyncio\nasync def f():\n    await asyncio.sleep(1,)\n",
        );
    }

    #[test]
    fn submodule_spelling_and_noqa() {
        check_fix(
            &LOOP_ARGUMENT,
            "import asyncio.tasks\nasync def f(loop):\n    await asyncio.tasks.sleep(1, loop=loop)\n    await asyncio.sleep(1, loop=loop)  # noqa: AM201\n",
            "import asyncio.tasks\nasync def f(loop):\n    await asyncio.tasks.sleep(1)\n    await asyncio.sleep(1, loop=loop)  # noqa: AM201\n",
        );
    }

    #[test]
    fn code_expecting_the_type_error_is_reported() {
        let message = "`asyncio.Lock` takes no `loop` argument since Python 3.10";
        check_finding(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(self, loop):\n    with self.assertRaises(TypeError):\n        asyncio.Lock(loop=loop)\n",
            message,
        );
        check_finding(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(loop):\n    try:\n        lock = asyncio.Lock(loop=loop)\n    except (TypeError, ValueError):\n        lock = asyncio.Lock()\n",
            message,
        );
        check_finding(
            &LOOP_ARGUMENT,
            "import asyncio\ndef make(loop):\n    return asyncio.Lock(loop=loop)\nclass T:\n    def test(self):\n        self.assertRaises(TypeError, make, None)\n",
            message,
        );
    }

    #[test]
    fn broad_handlers_make_the_fix_unsafe() {
        // A probe (`except Exception: return False`) relies on the failure
        // as much as a shim does; a handler that logs did not mean to fail.
        check_unsafe_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def f(loop):\n    try:\n        await asyncio.sleep(1, loop=loop)\n    except Exception:\n        pass\n",
            "import asyncio\nasync def f(loop):\n    try:\n        await asyncio.sleep(1)\n    except Exception:\n        pass\n",
        );
    }

    #[test]
    fn code_that_could_catch_it_anywhere_makes_the_fix_unsafe() {
        // The handler is two calls above the `loop=`.
        check_unsafe_fix(
            &LOOP_ARGUMENT,
            "import asyncio\ndef make(loop):\n    return asyncio.Lock(loop=loop)\ndef build(loop):\n    return make(loop)\ndef setup(loop):\n    try:\n        return build(loop)\n    except TypeError:\n        return None\n",
            "import asyncio\ndef make(loop):\n    return asyncio.Lock()\ndef build(loop):\n    return make(loop)\ndef setup(loop):\n    try:\n        return build(loop)\n    except TypeError:\n        return None\n",
        );
        // The coroutine is made outside the `try` and awaited in it.
        check_unsafe_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nasync def pause(loop):\n    await asyncio.sleep(0, loop=loop)\nasync def main(loop):\n    coro = pause(loop)\n    try:\n        await coro\n    except TypeError:\n        pass\n",
            "import asyncio\nasync def pause(loop):\n    await asyncio.sleep(0)\nasync def main(loop):\n    coro = pause(loop)\n    try:\n        await coro\n    except TypeError:\n        pass\n",
        );
        for elsewhere in [
            "with contextlib.suppress(Exception):\n    run()\n",
            "async def both(loop):\n    return await asyncio.gather(pause(loop), return_exceptions=True)\n",
            "@unittest.expectedFailure\ndef test_it():\n    pass\n",
            "@pytest.mark.xfail(raises=TypeError, strict=True)\ndef test_it():\n    pass\n",
        ] {
            check_unsafe_fix(
                &LOOP_ARGUMENT,
                &format!(
                    "import asyncio\nasync def pause(loop):\n    await asyncio.sleep(0, loop=loop)\n{elsewhere}"
                ),
                &format!(
                    "import asyncio\nasync def pause(loop):\n    await asyncio.sleep(0)\n{elsewhere}"
                ),
            );
        }
    }

    #[test]
    fn handlers_that_cannot_catch_it_keep_the_fix_safe() {
        check_safe_fix(
            &LOOP_ARGUMENT,
            "import asyncio\nfrom aiohttp import ClientError\nclass Oops(Exception):\n    pass\nasync def f(loop):\n    try:\n        await asyncio.sleep(1, loop=loop)\n    except (ClientError, Oops, KeyError):\n        pass\n",
            "import asyncio\nfrom aiohttp import ClientError\nclass Oops(Exception):\n    pass\nasync def f(loop):\n    try:\n        await asyncio.sleep(1)\n    except (ClientError, Oops, KeyError):\n        pass\n",
        );
    }

    #[test]
    fn every_spelling_of_the_class_around_the_call_is_reported() {
        let message = "`asyncio.Event` takes no `loop` argument since Python 3.10";
        for handler in ["builtins.TypeError", "LEGACY_ERRORS"] {
            let source = format!(
                "import asyncio\nimport builtins\nLEGACY_ERRORS = (TypeError, AttributeError)\nasync def f(loop):\n    try:\n        ev = asyncio.Event(loop=loop)\n    except {handler}:\n        ev = asyncio.Event()\n"
            );
            check_finding(&LOOP_ARGUMENT, &source, message);
        }
    }

    #[test]
    fn other_functions_of_the_same_name_keep_loop() {
        check_no_fix(
            &LOOP_ARGUMENT,
            "from asyncio import sleep\nasync def sleep(delay, loop=None):\n    pass\nasync def f(loop):\n    await sleep(1, loop=loop)\n",
        );
        check_no_fix(
            &LOOP_ARGUMENT,
            "from compat import *\nasync def f(loop, **kw):\n    await sleep(1, loop=loop)\n    await asyncio.sleep(1, **kw)\n",
        );
        // `from asyncio import *` binds asyncio's own `sleep`, unless the
        // module binds the name again.
        check_safe_fix(
            &LOOP_ARGUMENT,
            "from asyncio import *\nasync def f(loop):\n    await sleep(1, loop=loop)\n",
            "from asyncio import *\nasync def f(loop):\n    await sleep(1)\n",
        );
        check_no_fix(
            &LOOP_ARGUMENT,
            "from asyncio import *\nasync def f(loop):\n    await sleep(1, loop=loop)\nasync def sleep(delay, loop=None):\n    pass\n",
        );
        check_no_fix(
            &LOOP_ARGUMENT,
            "from asyncio import *\nasync def f(loop):\n    await sleep(1, loop=loop)\nfrom compat import *\n",
        );
    }

    #[test]
    fn target_below_310_is_not_touched() {
        let source = "import asyncio\nasync def f(loop):\n    await asyncio.sleep(1, loop=loop)\n";
        let outcome = crate::test_support::outcome_at(
            &LOOP_ARGUMENT,
            source,
            crate::version::PyVersion::PY39,
        );
        assert!(outcome.fixed.is_none() && outcome.reports.is_empty());
    }
}
