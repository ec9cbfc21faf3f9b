use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashSet;

use crate::codemods::prelude::*;
use crate::fix::FixBuilder;
use crate::fix::layout::{Brackets, bracket_items, width};
use crate::fix::layout::{indent_unit, indentation_at, line_end, line_start};
use crate::fix::syntax::significant_after;
use crate::semantic::blocking::{BlockingChain, BlockingChains, BlockingSite};
use crate::semantic::known::{self, BlockingResult};
use crate::semantic::statements::statement_value;
use crate::semantic::suspension::held_context_words;
use crate::semantic::{QualifiedName, ScopeId, SemanticModel};
use crate::source::line_ending;

declare_codemod! {
    /// ## What it does
    /// Moves a blocking call in a coroutine to a worker thread: a call of
    /// `requests` (`get`, `post`, …), `urllib.request.urlopen`,
    /// `subprocess.run` / `call` / `check_call` / `check_output`,
    /// `os.system` or `input` that is a whole statement, or the whole value
    /// of an assignment or a `return`, becomes
    /// `await asyncio.to_thread(func, *args, **kwargs)`, with the callee
    /// written as in the source.
    ///
    /// The call may also head a chain on its result. When the rest of the
    /// chain does no I/O, only the call moves and the rest stays in the
    /// coroutine: `requests.get(u).json()` becomes `(await
    /// asyncio.to_thread(requests.get, u)).json()`. What does no I/O comes
    /// from the known-libraries table: a `requests` response has read its
    /// body before the call returns (`json()`, `text`, `content`,
    /// `status_code`, `headers`, `raise_for_status()`, … only look at it)
    /// unless the call may stream (`stream=` other than `False`, or `**`
    /// arguments); `urlopen`'s response has read its status and headers
    /// (`status`, `headers`, `getcode()`); a `CompletedProcess` has its
    /// `returncode`, `stdout` and `stderr`; `input()`, `check_output()`,
    /// `call()` and `os.system()` return plain values. A chain that still
    /// reads (`urlopen(u).read()`, `.json()` of a streamed response) moves
    /// whole: `await asyncio.to_thread(lambda: urlopen(u).read())`.
    ///
    /// Other blocking calls in a coroutine (nested in a larger expression,
    /// `with urlopen(u) as r:`, `open()`, `pathlib` file I/O) are reported
    /// without a fix, and so is a call, in a coroutine's own code, of a
    /// plain function of the module that blocks, with the chain of calls:
    /// ``call of `fetch_all`, which blocks, in a coroutine: `fetch_all` ->
    /// `_get` -> `requests.get` at line 4``. Such a function blocks when its
    /// own code makes one of the calls above, `time.sleep`, `open()` or
    /// `pathlib` file I/O, or calls another such function of the module (a
    /// method through `self` too) or, through the project index, of the
    /// project (see Project index), up to eight functions deep; every call
    /// of its body counts, also one behind an `if` (or after a `return`).
    ///
    /// ## Why
    /// A blocking call stops the whole event loop until it returns: every
    /// other task, timer and connection waits for one HTTP request or one
    /// subprocess. `asyncio.to_thread` runs it in the default executor and
    /// lets the loop go on.
    ///
    /// ## Before
    /// ```python
    /// import requests
    ///
    /// async def fetch(url):
    ///     response = requests.get(url, timeout=10)
    ///     data = requests.get(f"{url}/more", timeout=10).json()
    ///     return response.status_code, data
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    /// import requests
    ///
    /// async def fetch(url):
    ///     response = await asyncio.to_thread(requests.get, url, timeout=10)
    ///     data = (await asyncio.to_thread(requests.get, f"{url}/more", timeout=10)).json()
    ///     return response.status_code, data
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the call now runs in another thread, concurrently with the
    /// other tasks. Code that relied on the loop standing still while it
    /// ran (shared state read without locks, a `requests.Session` used by
    /// several tasks, thread-local state) may behave differently; the
    /// current `contextvars` context is copied to the thread, so a variable
    /// the callee sets is not seen afterwards. The arguments are evaluated
    /// in the coroutine, in the same order as before, before the thread
    /// starts (a generator expression given as the argument is consumed
    /// in the thread; it gets parentheses of its own), and the rest of a
    /// chain that does no I/O runs in the coroutine after it, as before. A chain that moves whole is not
    /// bound to new names first: it moves only when every argument of the
    /// call is a literal or a local variable of the coroutine that surely
    /// holds a value and that no nested function rebinds, and the rest of
    /// the chain takes literals only. The coroutine waits for the thread,
    /// so such a variable keeps its value, and evaluating it in the thread
    /// runs no code and gives the same object; anything else (`self.url`,
    /// a global, a call) could change meanwhile or run the program's code
    /// in the thread, and is reported. Cancelling the coroutine no longer
    /// stops at the call, and the thread finishes it anyway; the program
    /// waits for it at exit: for `input()`, Ctrl-C now ends the program
    /// only after the user presses Enter. The `await` is a new point where
    /// cancellation can arrive: in cleanup code (a `finally:` or `except`
    /// body) a second cancellation now interrupts the cleanup there, and
    /// what follows the call in that block no longer runs (as with AM001,
    /// whose fix is unsafe there for this reason). With asyncio's deprecated
    /// `FastChildWatcher` or `SafeChildWatcher`, which reap any child, a
    /// `subprocess` call in a thread may lose its child's exit status.
    ///
    /// A chain of calls is never fixed: moving the whole function to
    /// `asyncio.to_thread` would run all it does in another thread
    /// (thread-locals, `contextvars` it sets, objects bound to the loop),
    /// which only its author can judge.
    ///
    /// ## Left alone
    /// Calls in a synchronous function, even one nested in a coroutine;
    /// methods of objects (`session.get(...)`, `Popen(...).wait()`), whose
    /// blocking nature the codemod cannot see; names rebound locally. In a
    /// module that uses trio, anyio or curio the calls are reported without
    /// a fix. Also reported without a fix: a `subprocess` call with
    /// `preexec_fn=` or `**` arguments (`preexec_fn` may deadlock the child
    /// in a process with threads), a call given code to run (a `lambda`,
    /// `hooks=`), which would run in the worker thread, a chain using a
    /// member of the result the table does not know (`iter_content()`,
    /// `raw`, `close()`), a chain that moves whole with other arguments
    /// (see Fix safety), and an augmented assignment to anything but a
    /// local variable (`self.total += requests.get(u).json()["n"]` reads
    /// `self.total` before the `await`; another task's change meanwhile
    /// would be lost), and a call inside a synchronous `with` of the
    /// coroutine (a `threading` lock, `decimal.localcontext()`,
    /// `redirect_stdout`, a patch; not a file from `open()` or `tempfile`):
    /// the `await` would keep the context entered while other tasks run
    /// (another task taking the same lock deadlocks the thread, an `RLock`
    /// lets it in) and the call would run in a thread outside it.
    /// `time.sleep` is AM001's. A call through a module the project has of its
    /// own under the library's name (`requests.py` or `subprocess/` at a
    /// source root, or beside the file, which a script finds first on
    /// `sys.path`): that is the project's code, not the library's, and it is
    /// not reported (a built-in module such as `time` cannot be stood in for).
    ///
    /// Chains of calls are not followed into the functions and lambdas a
    /// function defines (they run when called, maybe in a thread), nor
    /// through a function only passed along (to `asyncio.to_thread`,
    /// `run_in_executor`, a `Thread`), a name bound more than one way (a
    /// name imported, then bound again), a function whose name some file
    /// of the project assigns as an attribute (`handlers.helper = fake`),
    /// a decorated function (other than with `staticmethod`,
    /// `classmethod`, `functools.wraps`), a generator, an `async def`, a
    /// method a subclass may override, `cls.method()`, or a module the
    /// project itself names (its own `subprocess.py`).
    ///
    /// ## Project index
    /// The chain goes on into the project's other modules: a function
    /// imported from one (`from app.util import fetch_config`, a relative
    /// import, a re-export through a package's `__init__.py`, `util.fetch`
    /// after `from app import util`), a method of an object whose class
    /// the index knows surely (as for AM109), and from there through that
    /// module's functions and imports in turn. Each step in another module
    /// names its file where the chain enters it: ``call of `fetch_config`,
    /// which blocks, in a coroutine: `fetch_config` (app/util.py) -> `load`
    /// (app/io.py) -> `requests.get` in `app/io.py:4` ``. A function the
    /// index cannot know surely (a name another file may replace, a module
    /// whose names may change at run time, a function of an installed
    /// package) ends the chain there, unreported. Before it resolves a
    /// callee, the index asks its one scan of the project's text whether
    /// any plain function of that name may block (its body spells a
    /// blocking call or calls a name that may block): only those calls are
    /// followed, which keeps the question cheap.
    ///
    /// ## Python
    /// `asyncio.to_thread` exists since Python 3.9.
    pub static BLOCKING_CALL = Codemod {
        code: "AM108",
        name: "blocking-call",
        min_python: PyVersion::PY39,
        safety: Applicability::Unsafe,
        run: blocking_call,
        // None: a call of a function of the project may block through calls
        // the module does not spell. `blocking_call` looks for
        // `BLOCKING_NEEDLES` itself.
        needles: &[],
        requires: &[ASYNC_DEF],
        // ASYNC100-ASYNC102 are flake8-async's codes for blocking HTTP,
        // `open`/`subprocess` and `os` calls before its codes were renumbered.
        noqa_aliases: &["ASYNC210-ASYNC251", "ASYNC100-ASYNC102"],
    };
}

/// A module that makes itself a blocking call AM108 fixes or reports
/// directly spells one of these: any one suffices, the common ones first,
/// so the search stops early (`time.sleep` called directly is AM001's; a
/// chain of calls needs no spelling, and is asked call by call).
const BLOCKING_NEEDLES: &[&str] = &[
    "open",
    "input",
    "system",
    "subprocess",
    "requests",
    "urllib",
    "pathlib",
];

/// [`BLOCKING_NEEDLES`] in one searcher: one pass over a module that
/// spells none of them, instead of one per needle. (Should it fail to
/// build, every module is taken to spell one: the gate only saves time.)
static BLOCKING_SPELLINGS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(BLOCKING_NEEDLES)
        .ok()
});

fn blocking_call(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    // A cheap gate first: a module that spells no blocking call makes
    // none itself, and can only reach one through a chain of calls (asked
    // call by call, by name first: see `BlockingChains::of_call`).
    let spells_blocking = BLOCKING_SPELLINGS
        .as_ref()
        .is_none_or(|spellings| spellings.is_match(ctx.source));
    let mut handled = FxHashSet::default();
    let chains = BlockingChains::new(semantic);

    // Whole statements, assignment values and returns of a coroutine's
    // body, and chains on their result.
    for suite in &semantic.suites {
        if !spells_blocking || !semantic.is_coroutine_scope(suite.scope) {
            continue;
        }
        for stmt in suite.body {
            let Some(value) = statement_value(stmt) else {
                continue;
            };
            let Some(chain) = Chain::find(semantic, value, suite.scope) else {
                continue;
            };
            handled.insert(chain.head.start());
            report_statement_value(ctx, out, stmt, &chain, suite.scope);
        }
    }

    // Anything else that blocks while the coroutine runs: reported only.
    for site in &semantic.calls {
        if handled.contains(&site.call.start()) || !semantic.runs_in_coroutine(site.scope) {
            continue;
        }
        let call = site.call;
        let own = if spells_blocking {
            blocking_callee(semantic, &call.func, site.scope)
        } else {
            None
        };
        if let Some((callee, _)) = own {
            out.report(
                &BLOCKING_CALL,
                call.range(),
                format!("blocking call `{callee}` in a coroutine"),
            )
            .note("not a whole statement, assignment value or `return` value of the coroutine's body, nor the head of a chain that is one, so it cannot become `await asyncio.to_thread(...)`");
        } else if let Some(what) = spells_blocking
            .then(|| file_io(semantic, &call.func, site.scope))
            .flatten()
        {
            out.report(
                &BLOCKING_CALL,
                call.range(),
                format!("blocking file I/O `{what}` in a coroutine"),
            )
            .note("run it with `asyncio.to_thread`, or use an async file library");
        } else if semantic
            .call_owner(site.scope)
            .is_some_and(|owner| semantic.is_coroutine_scope(owner))
            && let Some(chain) = chains.of_call(call, site.scope)
        {
            report_chain(ctx, out, call, &chain);
        }
    }
}

/// A call, in a coroutine's own code, of a plain function of the module
/// or the project that blocks: reported with the chain of calls, never
/// fixed.
fn report_chain(ctx: &Context, out: &mut Findings, call: &ast::ExprCall, chain: &BlockingChain) {
    // Each step in another module names its file, where the chain enters it.
    let mut previous = None;
    let steps: Vec<String> = chain
        .functions
        .iter()
        .map(|step| {
            let entered =
                std::mem::replace(&mut previous, step.file.as_ref()) != step.file.as_ref();
            match &step.file {
                Some(file) if entered => format!("`{}` ({})", step.function, file.display()),
                _ => format!("`{}`", step.function),
            }
        })
        .collect();
    let site = match &chain.site {
        BlockingSite::Here(offset) => {
            format!("at line {}", ctx.line_index().line_index(*offset).get())
        }
        BlockingSite::There(origin) => format!("in `{origin}`"),
    };
    let first = chain
        .functions
        .first()
        .map_or("", |step| step.function.as_str());
    out.report(
        &BLOCKING_CALL,
        call.range(),
        format!(
            "call of `{first}`, which blocks, in a coroutine: {} -> `{}` {site}",
            steps.join(" -> "),
            chain.call
        ),
    )
    .note("the call stops the event loop until it returns; moving the function to `asyncio.to_thread` would run all it does in another thread (thread-locals, `contextvars` it sets, objects bound to the loop), which only its author can judge");
}

/// A statement's value that starts with a blocking call: the call itself
/// (`requests.get(u)`) or a chain of attributes, method calls and
/// subscripts on its result (`requests.get(u).json()["items"]`).
struct Chain<'a> {
    /// The whole value.
    value: &'a Expr,
    /// The blocking call at its head.
    head: &'a ast::ExprCall,
    callee: String,
    result: BlockingResult,
    /// What the chain does first with the call's result: `Some("json")`
    /// for `.json()`, `Some("")` for a subscript; `None` when the call is
    /// the whole value.
    first: Option<&'a str>,
}

/// How a blocking call (and the chain on its result) moves to a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    /// `await asyncio.to_thread(f, *args)`: the call is the whole value.
    Call,
    /// `(await asyncio.to_thread(f, *args)).rest`: the rest of the chain
    /// does no I/O and stays in the coroutine, as it ran before.
    Head,
    /// `await asyncio.to_thread(lambda: f(*args).rest)`: the rest of the
    /// chain does I/O too, so all of it runs in the thread.
    Whole,
}

impl<'a> Chain<'a> {
    fn find(semantic: &SemanticModel, value: &'a Expr, scope: ScopeId) -> Option<Chain<'a>> {
        let mut first = None;
        let mut current = value;
        loop {
            current = match current {
                Expr::Call(call) => {
                    if let Some((callee, result)) = blocking_callee(semantic, &call.func, scope) {
                        return Some(Chain {
                            value,
                            head: call,
                            callee,
                            result,
                            first,
                        });
                    }
                    // A method call: the chain goes on through its receiver.
                    let Expr::Attribute(attribute) = call.func.as_ref() else {
                        return None;
                    };
                    first = Some(attribute.attr.as_str());
                    &attribute.value
                }
                Expr::Attribute(attribute) => {
                    first = Some(attribute.attr.as_str());
                    &attribute.value
                }
                Expr::Subscript(subscript) => {
                    first = Some("");
                    &subscript.value
                }
                _ => return None,
            };
        }
    }

    /// How the chain moves to a thread, or why it cannot.
    ///
    /// What "does no I/O" means comes from the known-libraries table: a
    /// `requests` response has read its body before the call returns
    /// (`json()`, `text`, `status_code`, `raise_for_status()`, … only look
    /// at it) unless the call may stream (`stream=` other than `False`, or
    /// `**` arguments that may hold it); `urlopen`'s response has read its
    /// headers but not its body (`read()` reads it); a finished
    /// `CompletedProcess` and plain values (`input()`'s `str`,
    /// `check_output`'s `bytes`) do no I/O at all. A member the table does
    /// not know leaves the chain alone.
    fn how_to_move(&self, semantic: &SemanticModel, scope: ScopeId) -> Result<Move, &'static str> {
        let Some(first) = self.first else {
            return Ok(Move::Call);
        };
        let streaming = self.head.arguments.keywords.iter().any(|keyword| {
            keyword
                .arg
                .as_ref()
                .is_none_or(|arg| arg.as_str() == "stream")
                && !matches!(
                    keyword.value,
                    Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. })
                )
        });
        let does_io = match (first, self.result) {
            (_, BlockingResult::Plain) => Some(false),
            ("", _) => None,
            (member, result) => known::member_does_io(result, member, streaming),
        };
        match does_io {
            Some(false) => Ok(Move::Head),
            Some(true) if self.evaluates_the_same_in_a_thread(semantic, scope) => Ok(Move::Whole),
            Some(true) => Err(
                "the chain does I/O after the call too, so all of it would move to the thread, where its arguments would be evaluated later than now: each must be a literal or a local variable that surely holds a value (bind the others to local variables first)",
            ),
            None => Err(
                "what the chain does with the call's result is not known to be free of I/O, so moving only the call to a thread might leave blocking I/O behind",
            ),
        }
    }

    /// Whether evaluating the chain's arguments in the worker thread, when
    /// it runs, gives what evaluating them here and now gives: each
    /// argument of the blocking call is a literal or a local variable of
    /// the coroutine that surely holds a value and that no other code
    /// rebinds (the coroutine waits for the thread, so it keeps its value,
    /// and reading it runs no code), and
    /// the calls and subscripts of the rest take literals only (no code of
    /// the program, a hook or a `__getitem__`, runs in the thread).
    fn evaluates_the_same_in_a_thread(&self, semantic: &SemanticModel, scope: ScopeId) -> bool {
        // Unbound, it would raise `NameError` in the thread where the
        // coroutine raised `UnboundLocalError`, which a handler may expect.
        let site = self.head.start();
        let stable = |name: &ast::ExprName| {
            let name = name.id.as_str();
            semantic.is_own_local(name, scope) && semantic.surely_bound_at(name, scope, site)
        };
        let own_local = |expr: &Expr| match expr {
            Expr::Name(name) => stable(name),
            Expr::Starred(starred) => starred.value.as_name_expr().is_some_and(stable),
            _ => false,
        };
        let head_arguments = self.head.arguments.iter_source_order().all(|argument| {
            let value = match argument {
                ast::ArgOrKeyword::Arg(value) => value,
                ast::ArgOrKeyword::Keyword(keyword) => &keyword.value,
            };
            is_literal(value) || own_local(value)
        });
        if !head_arguments {
            return false;
        }
        let mut current = self.value;
        while !std::ptr::eq(current, self.head_expr()) {
            current = match current {
                Expr::Call(call) => {
                    if !call.arguments.args.iter().all(is_literal)
                        || !call
                            .arguments
                            .keywords
                            .iter()
                            .all(|k| k.arg.is_some() && is_literal(&k.value))
                    {
                        return false;
                    }
                    &call.func
                }
                Expr::Attribute(attribute) => &attribute.value,
                Expr::Subscript(subscript) if is_literal(&subscript.slice) => &subscript.value,
                _ => return false,
            };
        }
        true
    }

    /// The head call as an expression of the chain.
    fn head_expr(&self) -> &'a Expr {
        let mut current = self.value;
        loop {
            let next = match current {
                Expr::Call(call) if std::ptr::eq(call, self.head) => return current,
                Expr::Call(call) => &call.func,
                Expr::Attribute(attribute) => &attribute.value,
                Expr::Subscript(subscript) => &subscript.value,
                _ => return current,
            };
            current = next;
        }
    }
}

/// A literal: a string, bytes, number (also negated), `True`, `False`,
/// `None` or `...`. Evaluating it runs no code and always gives the same.
fn is_literal(expr: &Expr) -> bool {
    match expr {
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => true,
        Expr::UnaryOp(op) => {
            matches!(op.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd)
                && op.operand.is_number_literal_expr()
        }
        _ => false,
    }
}

/// Why a statement whose value moves to a thread would mean something
/// else afterwards, if it would: an augmented assignment reads its target
/// before the value (`self.total += requests.get(u).json()["n"]`); with an
/// `await` in between, another task may change it meanwhile, and its
/// change would be lost. A local variable of the coroutine that no other
/// code rebinds cannot change.
fn statement_hazard(semantic: &SemanticModel, stmt: &Stmt, scope: ScopeId) -> Option<&'static str> {
    let Stmt::AugAssign(assign) = stmt else {
        return None;
    };
    match assign.target.as_ref() {
        Expr::Name(name) if semantic.is_own_local(name.id.as_str(), scope) => None,
        _ => Some(
            "an augmented assignment reads its target before the value: with an `await` in between, another task may change it meanwhile and the change would be lost",
        ),
    }
}

fn report_statement_value(
    ctx: &Context,
    out: &mut Findings,
    stmt: &Stmt,
    chain: &Chain,
    scope: ScopeId,
) {
    let semantic = ctx.semantic;
    let call = chain.head;
    let callee = chain.callee.as_str();
    let finding = out.report(
        &BLOCKING_CALL,
        call.range(),
        format!("blocking call `{callee}` in a coroutine"),
    );
    if let Some(library) = semantic.non_asyncio_library().map(|l| l.module()) {
        finding.note(format!(
            "the module imports {library}, so `asyncio.to_thread` may be the wrong library"
        ));
        return;
    }
    if let Some(item) = semantic.held_context(stmt) {
        let manager = held_context_words(ctx.source, item);
        finding.note(format!(
            "the call sits in {manager}: the `await` would keep its context (a lock, a thread's or the process's state) held while other tasks run, and the call would run in another thread, outside it"
        ));
        return;
    }
    let how = thread_hazard(call, callee)
        .or_else(|| statement_hazard(semantic, stmt, scope))
        .map_or_else(|| chain.how_to_move(semantic, scope), Err);
    let how = match how {
        Ok(how) => how,
        Err(reason) => {
            finding.note(reason);
            return;
        }
    };
    finding.fix_with(Applicability::Unsafe, |fix| {
        let to_thread = fix.ensure_import("asyncio", "to_thread")?;
        match how {
            Move::Call => {
                fix.title(format!("Run it with `await {to_thread}(…)`"));
                move_call(ctx, fix, call, &to_thread, "", "")
            }
            Move::Head => {
                fix.title(format!("Run the call with `(await {to_thread}(…))`"));
                move_call(ctx, fix, call, &to_thread, "(", ")")
            }
            Move::Whole => {
                fix.title(format!("Run the chain with `await {to_thread}(lambda: …)`"));
                let value = chain.value.range();
                let text = format!("lambda: {}", &ctx.source[value]);
                let open = format!("await {to_thread}(");
                let unit = indent_unit(ctx.source, ctx.tokens);
                let laid_out = one_line_layout(ctx, ctx.source, value, &unit)
                    .map(|brackets| brackets.layout(&open, std::slice::from_ref(&text), ")"));
                fix.replace(value, laid_out.unwrap_or_else(|| format!("{open}{text})")));
                Ok(())
            }
        }
    });
}

/// Edits that turn `call` into `await to_thread(func, *args)` in place,
/// between `open` and `close` (the parentheses a chain on its result needs).
fn move_call(
    ctx: &Context,
    fix: &mut FixBuilder,
    call: &ast::ExprCall,
    to_thread: &str,
    open: &str,
    close: &str,
) -> anyhow::Result<()> {
    if let Some(text) = laid_out(ctx, call, to_thread, !open.is_empty()) {
        fix.replace(call.range(), text);
        return Ok(());
    }
    fix.insert(call.start(), format!("{open}await {to_thread}("));
    if !close.is_empty() {
        fix.insert(call.end(), close.to_string());
    }
    let arguments = &call.arguments;
    // `run(a for a in argv)`: a generator alone between the call's
    // parentheses needs its own once it is one argument of several.
    let generator = bare_generator(call);
    let open_generator = if generator.is_some() { "(" } else { "" };
    if let Some(generator) = generator {
        fix.insert(generator.end(), ")");
    }
    let paren = arguments.start();
    let after_paren = paren + TextSize::of('(');
    if arguments.is_empty() {
        if crate::fix::syntax::contains_comment(ctx.tokens, arguments.range()) {
            anyhow::bail!("a comment inside the empty argument list would be lost");
        }
        fix.replace(arguments.range(), ")");
        return Ok(());
    }
    let Some(next) = significant_after(ctx.tokens, after_paren) else {
        anyhow::bail!("cannot find the first argument");
    };
    let source = ctx.source;
    let same_line = line_start(source, next.start()) == line_start(source, paren);
    if same_line {
        // `get(url)` → `to_thread(get, url)`: the space before the argument is ours.
        fix.replace(
            TextRange::new(paren, next.start()),
            format!(", {open_generator}"),
        );
    } else {
        // The first argument on the next line keeps its layout (and a comment after `(`).
        fix.replace(TextRange::new(paren, after_paren), ",");
        if let Some(generator) = generator {
            fix.insert(generator.start(), open_generator);
        }
    }
    Ok(())
}

/// Why running this call in a worker thread would do more than move the
/// wait, if it would: `preexec_fn` runs in the child between `fork` and
/// `exec`, which may deadlock when the process has other threads (as it
/// has once the call runs in one), and `**kwargs` may hold it; a callable
/// the program passes (`lambda`, requests' `hooks=`) would run in the
/// worker thread, beside the event loop, where touching asyncio objects is
/// unsafe.
fn thread_hazard(call: &ast::ExprCall, callee: &str) -> Option<&'static str> {
    let arguments = &call.arguments;
    let keyword = |name: &str| {
        arguments
            .keywords
            .iter()
            .any(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
    };
    if callee.starts_with("subprocess.") {
        if keyword("preexec_fn") {
            return Some(
                "`preexec_fn` is not safe in a process with threads (the child may deadlock before `exec`), and the call would run in a worker thread",
            );
        }
        if arguments.keywords.iter().any(|k| k.arg.is_none()) {
            return Some(
                "`**` arguments may hold a `preexec_fn`, which is not safe in a process with threads (the child may deadlock before `exec`)",
            );
        }
    }
    let passes_code = keyword("hooks")
        || arguments
            .args
            .iter()
            .chain(arguments.keywords.iter().map(|k| &k.value))
            .any(Expr::is_lambda_expr);
    passes_code.then_some(
        "code the call is given (a `lambda`, `hooks=`) would run in the worker thread, beside the event loop",
    )
}

/// The whole new call laid out over several lines as black would, when the
/// call sits on one line that the rewrite makes longer than the line
/// length; `None` when the plain edits are the fix. With `parenthesized`,
/// the call heads a chain and goes in parentheses: black breaks inside
/// them first (`(` / the call / `).json()`).
fn laid_out(
    ctx: &Context,
    call: &ast::ExprCall,
    to_thread: &str,
    parenthesized: bool,
) -> Option<String> {
    let source = ctx.source;
    let range = call.range();
    let arguments = &call.arguments;
    let ranges: Vec<TextRange> = arguments.iter_source_order().map(|a| a.range()).collect();
    let inner = TextRange::new(
        arguments.start() + TextSize::of('('),
        arguments.end() - TextSize::of(')'),
    );
    let callee = &source[TextRange::new(range.start(), arguments.start())];
    let mut items = vec![callee.to_string()];
    let mut arguments_text = bracket_items(source, ctx.tokens, inner, &ranges)?;
    if bare_generator(call).is_some()
        && let [only] = arguments_text.as_mut_slice()
    {
        *only = format!("({only})");
    }
    items.extend(arguments_text);
    let unit = indent_unit(source, ctx.tokens);
    let brackets = one_line_layout(ctx, source, range, &unit)?;
    let open = format!("await {to_thread}(");
    if !parenthesized {
        let text = brackets.layout(&open, &items, ")");
        return text.contains(['\n', '\r']).then_some(text);
    }
    let one_line = brackets.layout(&format!("({open}"), &items, "))");
    if !one_line.contains(['\n', '\r']) {
        return None;
    }
    let indent = brackets.indent;
    let eol = brackets.eol;
    let inner_indent = format!("{indent}{unit}");
    let inside = Brackets {
        before: width(&inner_indent),
        after: 0,
        indent: &inner_indent,
        ..brackets
    };
    let text = inside.layout(&open, &items, ")");
    Some(format!("({eol}{inner_indent}{text}{eol}{indent})"))
}

/// How brackets replacing `range` are laid out, when `range` sits on one
/// line (text spanning lines keeps its own layout); `unit` is the file's
/// indent unit.
fn one_line_layout<'u>(
    ctx: &Context,
    source: &'u str,
    range: TextRange,
    unit: &'u str,
) -> Option<Brackets<'u>> {
    let line = TextRange::new(
        line_start(source, range.start()),
        line_end(source, range.end()),
    );
    if line_start(source, range.end()) != line.start() {
        return None;
    }
    Some(Brackets {
        before: width(&source[TextRange::new(line.start(), range.start())]),
        after: width(&source[TextRange::new(range.end(), line.end())]),
        indent: indentation_at(source, range.start()),
        unit,
        eol: line_ending(source),
        line_length: ctx.settings.line_length,
        hug: true,
    })
}

/// The generator expression that is the call's only argument without
/// parentheses of its own (`f(x for x in xs)`): alone it may borrow the
/// call's, beside another argument it may not.
fn bare_generator(call: &ast::ExprCall) -> Option<&ast::ExprGenerator> {
    match (&*call.arguments.args, call.arguments.keywords.is_empty()) {
        ([Expr::Generator(generator)], true) if !generator.parenthesized => Some(generator),
        _ => None,
    }
}

/// The display name of a blocking function that `asyncio.to_thread` can
/// run as it is (`requests.get`, `subprocess.run`, `input`, …), with what
/// it gives back.
fn blocking_callee(
    semantic: &SemanticModel,
    func: &Expr,
    scope: ScopeId,
) -> Option<(String, BlockingResult)> {
    // Most calls are methods with other names: reject those before resolving.
    // (A plain name may be an alias, `from subprocess import run as sh`.)
    match func {
        Expr::Attribute(attribute) if !known::may_be_blocking_function(&attribute.attr) => {
            return None;
        }
        // A name resolves to a module path only through an import, and to
        // a builtin only when unbound: of the builtins, only `input` blocks.
        Expr::Name(name)
            if name.id.as_str() != "input"
                && semantic.import_of(name.id.as_str(), scope).is_none() =>
        {
            return None;
        }
        _ => {}
    }
    let qualified = semantic.qualified_name(func, scope)?;
    let result = known::blocking_function(qualified.as_str())?;
    Some((display(&qualified), result))
}

/// A file operation that blocks: `open(...)`, or a read or write method of
/// a `pathlib.Path(...)` built in place.
fn file_io(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> Option<String> {
    if semantic.refers_to(func, scope, "builtins.open") {
        return Some("open".to_string());
    }
    let Expr::Attribute(attribute) = func else {
        return None;
    };
    let method = attribute.attr.as_str();
    let Expr::Call(constructor) = attribute.value.as_ref() else {
        return None;
    };
    if !known::may_be_path_io_method(method) {
        return None;
    }
    let is_path = semantic
        .qualified_name(&constructor.func, scope)
        .is_some_and(|q| known::path_io_method(q.as_str(), method));
    is_path.then(|| format!("Path.{method}"))
}

fn display(qualified: &QualifiedName) -> String {
    qualified
        .as_str()
        .strip_prefix("builtins.")
        .unwrap_or(qualified.as_str())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::BLOCKING_CALL;
    use crate::test_support::{check_finding, check_fix, check_no_fix, findings};

    #[test]
    fn plain_functions_of_the_module_that_block_are_reported_with_their_chain() {
        let source = "import time\nimport requests\ndef _get(u):\n    return requests.get(u)\ndef fetch_all(us):\n    return [_get(u) for u in us]\nclass Poller:\n    def wait(self):\n        time.sleep(1)\n    async def run(self, us):\n        self.wait()\n        data = fetch_all(us)\n        return len(fetch_all(us)), data\n";
        assert_eq!(
            findings(&BLOCKING_CALL, source),
            [
                "11:9 call of `Poller.wait`, which blocks, in a coroutine: `Poller.wait` -> `time.sleep` at line 9",
                "12:16 call of `fetch_all`, which blocks, in a coroutine: `fetch_all` -> `_get` -> `requests.get` at line 4",
                "13:20 call of `fetch_all`, which blocks, in a coroutine: `fetch_all` -> `_get` -> `requests.get` at line 4",
            ]
        );
        check_no_fix(&BLOCKING_CALL, source);
    }

    #[test]
    fn a_chain_needs_no_blocking_spelling_in_the_module() {
        // `time` under another name: the module spells none of the words
        // that gate its own blocking calls, and its chain is still found.
        let source =
            "import time as t\ndef pause():\n    t.sleep(1)\nasync def f():\n    pause()\n";
        assert_eq!(
            findings(&BLOCKING_CALL, source),
            [
                "5:5 call of `pause`, which blocks, in a coroutine: `pause` -> `time.sleep` at line 3"
            ]
        );
    }

    #[test]
    fn functions_that_block_only_elsewhere_are_left_alone() {
        for source in [
            // Run in a thread, passed along, in a lambda of the coroutine.
            "import asyncio, time\ndef w():\n    time.sleep(1)\nasync def f(loop):\n    await asyncio.to_thread(w)\n    await loop.run_in_executor(None, w)\n    await asyncio.to_thread(lambda: w())\n",
            // An `async def` of the same name, a rebound name, a decorated one.
            "import asyncio, time\nasync def w():\n    time.sleep(1)\nasync def f():\n    await w()\n",
            "import time\ndef w():\n    time.sleep(1)\nw = print\nasync def f():\n    w()\n",
            "import time, functools\n@functools.cache\ndef w():\n    time.sleep(1)\nasync def f():\n    w()\n",
            // A sync function that calls it, called from no coroutine.
            "import time\ndef w():\n    time.sleep(1)\ndef g():\n    w()\nasync def f():\n    return g\n",
        ] {
            assert_eq!(
                findings(&BLOCKING_CALL, source),
                Vec::<String>::new(),
                "{source}"
            );
        }
    }

    #[test]
    fn assignment_statement_and_return() {
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nimport os\nimport subprocess\nimport requests\nasync def f(u, cmd):\n    r = requests.get(u, timeout=5)\n    os.system(cmd)\n    name = input()\n    return subprocess.check_output(cmd)\n",
            "import asyncio\nimport os\nimport subprocess\nimport requests\nasync def f(u, cmd):\n    r = await asyncio.to_thread(requests.get, u, timeout=5)\n    await asyncio.to_thread(os.system, cmd)\n    name = await asyncio.to_thread(input)\n    return await asyncio.to_thread(subprocess.check_output, cmd)\n",
        );
    }

    #[test]
    fn callee_written_as_in_the_source() {
        check_fix(
            &BLOCKING_CALL,
            "import requests as rq\nfrom urllib.request import urlopen\nfrom subprocess import run as sh\n\n\nasync def f(u):\n    page = urlopen(u)\n    sh(['ls'], check=True)\n    data: bytes = rq.post(u, json={})\n",
            "import asyncio\nimport requests as rq\nfrom urllib.request import urlopen\nfrom subprocess import run as sh\n\n\nasync def f(u):\n    page = await asyncio.to_thread(urlopen, u)\n    await asyncio.to_thread(sh, ['ls'], check=True)\n    data: bytes = await asyncio.to_thread(rq.post, u, json={})\n",
        );
    }

    #[test]
    fn multi_line_arguments_keep_their_layout() {
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nimport subprocess\nasync def f():\n    subprocess.run(  # the build\n        ['make'],\n        check=True,\n    )\n",
            "import asyncio\nimport subprocess\nasync def f():\n    await asyncio.to_thread(subprocess.run,  # the build\n        ['make'],\n        check=True,\n    )\n",
        );
    }

    #[test]
    fn nested_calls_and_file_io_are_reported() {
        let source = "import requests\nfrom pathlib import Path\nasync def f(u):\n    data = len(requests.get(u).json())\n    with open(u) as fh:\n        pass\n    text = Path(u).read_text()\n    print(input())\n";
        assert_eq!(
            findings(&BLOCKING_CALL, source),
            [
                "4:16 blocking call `requests.get` in a coroutine",
                "5:10 blocking file I/O `open` in a coroutine",
                "7:12 blocking file I/O `Path.read_text` in a coroutine",
                "8:11 blocking call `input` in a coroutine",
            ]
        );
        check_no_fix(&BLOCKING_CALL, source);
    }

    #[test]
    fn a_chain_whose_rest_does_no_io_keeps_the_rest_in_the_coroutine() {
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nimport subprocess\nimport requests\nfrom urllib.request import urlopen\nasync def f(u, cmd):\n    data = requests.get(u).json()\n    requests.post(u, stream=True).raise_for_status()\n    n = requests.get(u, timeout=5, stream=False).json()['n']\n    code = subprocess.run(cmd).returncode\n    out = subprocess.check_output(cmd).decode().strip()\n    status = urlopen(u).status\n    return input('? ').strip()\n",
            "import asyncio\nimport subprocess\nimport requests\nfrom urllib.request import urlopen\nasync def f(u, cmd):\n    data = (await asyncio.to_thread(requests.get, u)).json()\n    (await asyncio.to_thread(requests.post, u, stream=True)).raise_for_status()\n    n = (await asyncio.to_thread(requests.get, u, timeout=5, stream=False)).json()['n']\n    code = (await asyncio.to_thread(subprocess.run, cmd)).returncode\n    out = (await asyncio.to_thread(subprocess.check_output, cmd)).decode().strip()\n    status = (await asyncio.to_thread(urlopen, u)).status\n    return (await asyncio.to_thread(input, '? ')).strip()\n",
        );
    }

    #[test]
    fn a_chain_that_still_reads_moves_whole() {
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nimport requests\nfrom urllib.request import urlopen\nasync def f(u, flag, opts):\n    body = urlopen(u, timeout=5).read()\n    text = urlopen(u).read(-1).decode('utf-8')\n    data = requests.get(u, stream=True).json()\n    maybe = requests.get(u, stream=flag).text\n    other = requests.get(u, **opts).content\n    plain = requests.get(*opts).content\n",
            "import asyncio\nimport requests\nfrom urllib.request import urlopen\nasync def f(u, flag, opts):\n    body = await asyncio.to_thread(lambda: urlopen(u, timeout=5).read())\n    text = await asyncio.to_thread(lambda: urlopen(u).read(-1).decode('utf-8'))\n    data = await asyncio.to_thread(lambda: requests.get(u, stream=True).json())\n    maybe = await asyncio.to_thread(lambda: requests.get(u, stream=flag).text)\n    other = await asyncio.to_thread(lambda: requests.get(u, **opts).content)\n    plain = (await asyncio.to_thread(requests.get, *opts)).content\n",
        );
    }

    #[test]
    fn a_whole_chain_whose_arguments_could_change_in_the_thread_is_reported() {
        for chain in [
            "urlopen(self.url).read()",
            "urlopen(URL).read()",
            "urlopen(make_url()).read()",
            "urlopen(u).read(size)",
            "urlopen(u).read()[key]",
            "urlopen(f'{u}/x').read()",
            "requests.get(u, stream=True).json(object_hook=hook)",
        ] {
            let source = format!(
                "import requests\nfrom urllib.request import urlopen\nURL = 'x'\nasync def f(self, u, size, key, hook):\n    data = {chain}\n"
            );
            assert_eq!(findings(&BLOCKING_CALL, &source).len(), 1, "{chain}");
            check_no_fix(&BLOCKING_CALL, &source);
        }
        let maybe_unbound = "from urllib.request import urlopen\nasync def f(c):\n    if c:\n        u = 'data:,x'\n    return urlopen(u).read()\n";
        check_finding(
            &BLOCKING_CALL,
            maybe_unbound,
            "blocking call `urllib.request.urlopen` in a coroutine",
        );
        let rebound = "from urllib.request import urlopen\nasync def f(u):\n    def g():\n        nonlocal u\n        u = 'y'\n    return urlopen(u).read()\n";
        check_finding(
            &BLOCKING_CALL,
            rebound,
            "blocking call `urllib.request.urlopen` in a coroutine",
        );
    }

    #[test]
    fn a_chain_on_a_member_not_known_is_reported() {
        for chain in [
            "requests.get(u).iter_content()",
            "requests.get(u).raw.read()",
            "requests.get(u)[0]",
            "urlopen(u).close()",
            "subprocess.run(cmd).wait()",
        ] {
            let source = format!(
                "import subprocess, requests\nfrom urllib.request import urlopen\nasync def f(u, cmd):\n    data = {chain}\n"
            );
            assert_eq!(findings(&BLOCKING_CALL, &source).len(), 1, "{chain}");
            check_no_fix(&BLOCKING_CALL, &source);
        }
    }

    #[test]
    fn a_with_statement_is_no_chain() {
        let source = "from urllib.request import urlopen\nasync def f(u):\n    with urlopen(u) as r:\n        return r.read()\n";
        check_finding(
            &BLOCKING_CALL,
            source,
            "blocking call `urllib.request.urlopen` in a coroutine",
        );
    }

    #[test]
    fn an_augmented_assignment_to_shared_state_is_reported() {
        check_finding(
            &BLOCKING_CALL,
            "import requests\nasync def f(self, u):\n    self.total += requests.get(u).json()['n']\n",
            "blocking call `requests.get` in a coroutine",
        );
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nimport requests\nasync def f(u, total):\n    total += requests.get(u).json()['n']\n    return total\n",
            "import asyncio\nimport requests\nasync def f(u, total):\n    total += (await asyncio.to_thread(requests.get, u)).json()['n']\n    return total\n",
        );
    }

    #[test]
    fn long_chains_are_broken_like_black() {
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nimport requests\nasync def f(url, payload):\n    data = requests.post(url, json=payload, headers={'x': 'y'}, timeout=10.0).json()\n",
            "import asyncio\nimport requests\nasync def f(url, payload):\n    data = (\n        await asyncio.to_thread(\n            requests.post, url, json=payload, headers={'x': 'y'}, timeout=10.0\n        )\n    ).json()\n",
        );
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nfrom urllib.request import urlopen\nasync def f(address, seconds):\n    document = urlopen(address, timeout=seconds).read().decode('utf-8', 'replace')\n",
            "import asyncio\nfrom urllib.request import urlopen\nasync def f(address, seconds):\n    document = await asyncio.to_thread(\n        lambda: urlopen(address, timeout=seconds).read().decode('utf-8', 'replace')\n    )\n",
        );
    }

    #[test]
    fn a_chain_spanning_lines_keeps_its_layout() {
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nfrom urllib.request import urlopen\nasync def f(u):\n    body = (\n        urlopen(u)  # the page\n        .read()\n    )\n",
            "import asyncio\nfrom urllib.request import urlopen\nasync def f(u):\n    body = (\n        await asyncio.to_thread(lambda: urlopen(u)  # the page\n        .read())\n    )\n",
        );
    }

    #[test]
    fn sync_def_nested_in_a_coroutine_is_left_alone() {
        let source = "import requests\nasync def f(u):\n    def g():\n        return requests.get(u)\n    return g\n";
        assert!(findings(&BLOCKING_CALL, source).is_empty());
    }

    #[test]
    fn shadowed_names_are_not_the_modules() {
        check_no_fix(
            &BLOCKING_CALL,
            "import requests, os\nasync def f(requests, input):\n    requests.get(1)\n    input()\n    os = Fake()\n    os.system('x')\n",
        );
    }

    #[test]
    fn methods_and_other_functions_are_left_alone() {
        check_no_fix(
            &BLOCKING_CALL,
            "import requests, subprocess\nasync def f(session):\n    session.get(1)\n    requests.Session()\n    subprocess.Popen(['ls'])\n    requests.codes.ok\n",
        );
    }

    #[test]
    fn noqa_with_flake8_async_code_suppresses() {
        check_no_fix(
            &BLOCKING_CALL,
            "import asyncio, requests\nasync def f(u):\n    requests.get(u)  # noqa: ASYNC210\n",
        );
    }

    #[test]
    fn noqa_with_legacy_flake8_async_code_suppresses() {
        check_no_fix(
            &BLOCKING_CALL,
            "import asyncio, requests\nasync def f(u):\n    requests.get(u)  # noqa: ASYNC100\n",
        );
    }

    #[test]
    fn trio_module_is_reported_without_fix() {
        check_finding(
            &BLOCKING_CALL,
            "import trio, requests\nasync def f(u):\n    requests.get(u)\n",
            "blocking call `requests.get` in a coroutine",
        );
    }

    #[test]
    fn code_that_would_run_in_the_thread_is_reported() {
        for call in [
            "subprocess.run(cmd, preexec_fn=os.setsid)",
            "subprocess.check_call(cmd, **options)",
            "requests.get(u, hooks={'response': log})",
            "subprocess.call(cmd, preexec_fn=lambda: None)",
        ] {
            let source = format!(
                "import os, subprocess, requests\nasync def f(u, cmd, options, log):\n    {call}\n"
            );
            assert_eq!(findings(&BLOCKING_CALL, &source).len(), 1, "{call}");
            check_no_fix(&BLOCKING_CALL, &source);
        }
    }

    #[test]
    fn long_line_is_broken_like_black() {
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nimport requests\nasync def f(url, payload):\n    response = requests.post(url, json=payload, headers={'x': 'y'}, timeout=10.0)\n",
            "import asyncio\nimport requests\nasync def f(url, payload):\n    response = await asyncio.to_thread(\n        requests.post, url, json=payload, headers={'x': 'y'}, timeout=10.0\n    )\n",
        );
    }

    #[test]
    fn a_bare_generator_argument_gets_its_own_parentheses() {
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nimport subprocess\nasync def f(argv):\n    subprocess.run(str(a) for a in argv)\n",
            "import asyncio\nimport subprocess\nasync def f(argv):\n    await asyncio.to_thread(subprocess.run, (str(a) for a in argv))\n",
        );
        check_fix(
            &BLOCKING_CALL,
            "import asyncio\nimport subprocess\nasync def f(argv):\n    subprocess.run(\n        str(a) for a in argv\n    )\n",
            "import asyncio\nimport subprocess\nasync def f(argv):\n    await asyncio.to_thread(subprocess.run,\n        (str(a) for a in argv)\n    )\n",
        );
    }

    #[test]
    fn a_call_in_a_synchronous_with_is_reported_without_fix() {
        for manager in ["lock", "decimal.localcontext()", "open(p) as f, lock"] {
            let source = format!(
                "import asyncio, decimal, subprocess\nasync def f(lock, p):\n    with {manager}:\n        subprocess.run(['ls'])\n"
            );
            check_finding(
                &BLOCKING_CALL,
                &source,
                "blocking call `subprocess.run` in a coroutine",
            );
        }
        check_fix(
            &BLOCKING_CALL,
            "import asyncio, subprocess\nasync def f(p):\n    with open(p) as out:\n        subprocess.run(['ls'], stdout=out)\n",
            "import asyncio, subprocess\nasync def f(p):\n    with open(p) as out:\n        await asyncio.to_thread(subprocess.run, ['ls'], stdout=out)\n",
        );
    }

    #[test]
    fn pathlib_alone_is_looked_at() {
        let source = "from pathlib import Path\nasync def f(p):\n    return Path(p).read_text()\n";
        assert_eq!(
            findings(&BLOCKING_CALL, source),
            ["3:12 blocking file I/O `Path.read_text` in a coroutine"]
        );
    }
}
