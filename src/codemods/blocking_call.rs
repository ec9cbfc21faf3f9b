use rustc_hash::FxHashSet;

use crate::codemods::prelude::*;
use crate::codemods::support::{
    Brackets, bracket_items, significant_after, statement_value, width,
};
use crate::fix::layout::{indent_unit, indentation_at, line_end, line_start};
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
    /// written as in the source. Other blocking calls in a coroutine (nested
    /// in a larger expression, `open()`, `pathlib` file I/O) are reported
    /// without a fix.
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
    ///     return response.json()
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    /// import requests
    ///
    /// async def fetch(url):
    ///     response = await asyncio.to_thread(requests.get, url, timeout=10)
    ///     return response.json()
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
    /// starts. Cancelling the coroutine no longer stops at the call, and
    /// the thread finishes it anyway; the program waits for it at exit: for
    /// `input()`, Ctrl-C now ends the program only after the user presses
    /// Enter. With asyncio's deprecated `FastChildWatcher` or
    /// `SafeChildWatcher`, which reap any child, a `subprocess` call in a
    /// thread may lose its child's exit status.
    ///
    /// ## Left alone
    /// Calls in a synchronous function, even one nested in a coroutine;
    /// methods of objects (`session.get(...)`, `Popen(...).wait()`), whose
    /// blocking nature the codemod cannot see; names rebound locally. In a
    /// module that uses trio, anyio or curio the calls are reported without
    /// a fix. Also reported without a fix: a `subprocess` call with
    /// `preexec_fn=` or `**` arguments (`preexec_fn` may deadlock the child
    /// in a process with threads), and a call given code to run (a
    /// `lambda`, `hooks=`), which would run in the worker thread. `time.sleep`
    /// is AM001's.
    ///
    /// ## Python
    /// `asyncio.to_thread` exists since Python 3.9.
    pub static BLOCKING_CALL = Codemod {
        code: "AM108",
        name: "blocking-call",
        min_python: PyVersion::PY39,
        safety: Applicability::Unsafe,
        run: blocking_call,
        // Any one suffices: the common ones first, so the scan stops early.
        needles: &["open", "input", "system", "subprocess", "requests", "urllib", "pathlib"],
        requires: &[ASYNC_DEF],
        // ASYNC100-ASYNC102 are flake8-async's codes for blocking HTTP,
        // `open`/`subprocess` and `os` calls before its codes were renumbered.
        noqa_aliases: &["ASYNC210-ASYNC251", "ASYNC100-ASYNC102"],
    };
}

/// `requests`' module-level functions: each sends one request and waits.
const REQUESTS_FUNCTIONS: &[&str] = &[
    "request", "get", "options", "head", "post", "put", "patch", "delete",
];

/// `subprocess` functions that wait for the child to exit.
const SUBPROCESS_FUNCTIONS: &[&str] = &["run", "call", "check_call", "check_output"];

/// `pathlib.Path` methods that read or write the file.
const PATH_IO_METHODS: &[&str] = &[
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "open",
];

fn blocking_call(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    let mut fixable = FxHashSet::default();

    // Whole statements, assignment values and returns of a coroutine's body.
    for suite in &semantic.suites {
        if !semantic.is_coroutine_scope(suite.scope) {
            continue;
        }
        for stmt in suite.body {
            let Some(Expr::Call(call)) = statement_value(stmt) else {
                continue;
            };
            let Some(callee) = thread_safe_callee(semantic, &call.func, suite.scope) else {
                continue;
            };
            fixable.insert(call.start());
            report_statement_value(ctx, out, call, &callee);
        }
    }

    // Anything else that blocks while the coroutine runs: reported only.
    for site in &semantic.calls {
        if fixable.contains(&site.call.start()) || !semantic.runs_in_coroutine(site.scope) {
            continue;
        }
        let call = site.call;
        if let Some(callee) = thread_safe_callee(semantic, &call.func, site.scope) {
            out.report(
                &BLOCKING_CALL,
                call.range(),
                format!("blocking call `{callee}` in a coroutine"),
            )
            .note("not a whole statement, assignment value or `return` value of the coroutine's body, so it cannot become `await asyncio.to_thread(...)`");
        } else if let Some(what) = file_io(semantic, &call.func, site.scope) {
            out.report(
                &BLOCKING_CALL,
                call.range(),
                format!("blocking file I/O `{what}` in a coroutine"),
            )
            .note("run it with `asyncio.to_thread`, or use an async file library");
        }
    }
}

fn report_statement_value(ctx: &Context, out: &mut Findings, call: &ast::ExprCall, callee: &str) {
    let finding = out.report(
        &BLOCKING_CALL,
        call.range(),
        format!("blocking call `{callee}` in a coroutine"),
    );
    if let Some(library) = ctx.semantic.non_asyncio_library().map(|l| l.module()) {
        finding.note(format!(
            "the module imports {library}, so `asyncio.to_thread` may be the wrong library"
        ));
        return;
    }
    if let Some(reason) = thread_hazard(call, callee) {
        finding.note(reason);
        return;
    }
    finding.fix_with(Applicability::Unsafe, |fix| {
        let to_thread = fix.ensure_import("asyncio", "to_thread")?;
        fix.title(format!("Run it with `await {to_thread}(…)`"));
        if let Some(text) = laid_out(ctx, call, &to_thread) {
            fix.replace(call.range(), text);
            return Ok(());
        }
        fix.insert(call.start(), format!("await {to_thread}("));
        let arguments = &call.arguments;
        let open = arguments.start();
        let after_open = open + TextSize::of('(');
        if arguments.is_empty() {
            if crate::fix::layout::contains_comment(ctx.tokens, arguments.range()) {
                anyhow::bail!("a comment inside the empty argument list would be lost");
            }
            fix.replace(arguments.range(), ")");
            return Ok(());
        }
        let Some(next) = significant_after(ctx.tokens, after_open) else {
            anyhow::bail!("cannot find the first argument");
        };
        let source = ctx.source;
        let same_line = line_start(source, next.start()) == line_start(source, open);
        if same_line {
            // `get(url)` → `to_thread(get, url)`: the space before the argument is ours.
            fix.replace(TextRange::new(open, next.start()), ", ");
        } else {
            // The first argument on the next line keeps its layout (and a comment after `(`).
            fix.replace(TextRange::new(open, after_open), ",");
        }
        Ok(())
    });
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
/// length; `None` when the plain edits are the fix.
fn laid_out(ctx: &Context, call: &ast::ExprCall, to_thread: &str) -> Option<String> {
    let source = ctx.source;
    let range = call.range();
    let line = TextRange::new(
        line_start(source, range.start()),
        line_end(source, range.end()),
    );
    if line_start(source, range.end()) != line.start() {
        return None;
    }
    let arguments = &call.arguments;
    let ranges: Vec<TextRange> = arguments.iter_source_order().map(|a| a.range()).collect();
    let inner = TextRange::new(
        arguments.start() + TextSize::of('('),
        arguments.end() - TextSize::of(')'),
    );
    let callee = &source[TextRange::new(range.start(), arguments.start())];
    let mut items = vec![callee.to_string()];
    items.extend(bracket_items(source, ctx.tokens, inner, &ranges)?);
    let brackets = Brackets {
        before: width(&source[TextRange::new(line.start(), range.start())]),
        after: width(&source[TextRange::new(range.end(), line.end())]),
        indent: indentation_at(source, range.start()),
        unit: &indent_unit(source, ctx.tokens),
        eol: line_ending(source),
        line_length: ctx.settings.line_length,
        hug: true,
    };
    let text = brackets.layout(&format!("await {to_thread}("), &items, ")");
    text.contains(['\n', '\r']).then_some(text)
}

/// The display name of a blocking function that `asyncio.to_thread` can
/// run as it is: `requests.get`, `subprocess.run`, `input`, …
fn thread_safe_callee(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> Option<String> {
    // Most calls are methods with other names: reject those before resolving.
    // (A plain name may be an alias, `from subprocess import run as sh`.)
    match func {
        Expr::Attribute(attribute) => {
            let member = attribute.attr.as_str();
            if !(REQUESTS_FUNCTIONS.contains(&member)
                || SUBPROCESS_FUNCTIONS.contains(&member)
                || matches!(member, "urlopen" | "system" | "input"))
            {
                return None;
            }
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
    let segments: Vec<&str> = qualified.segments().collect();
    let blocking = match segments.as_slice() {
        ["requests", member] | ["requests", "api", member] => REQUESTS_FUNCTIONS.contains(member),
        ["urllib", "request", "urlopen"] | ["os", "system"] | ["builtins", "input"] => true,
        ["subprocess", member] => SUBPROCESS_FUNCTIONS.contains(member),
        _ => false,
    };
    blocking.then(|| display(&qualified))
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
    if !PATH_IO_METHODS.contains(&method) {
        return None;
    }
    let is_path = semantic
        .qualified_name(&constructor.func, scope)
        .is_some_and(|q| {
            ["pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath"]
                .iter()
                .any(|p| q.is(p))
        });
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
        let source = "import requests\nfrom pathlib import Path\nasync def f(u):\n    data = requests.get(u).json()\n    with open(u) as fh:\n        pass\n    text = Path(u).read_text()\n    print(input())\n";
        assert_eq!(
            findings(&BLOCKING_CALL, source),
            [
                "4:12 blocking call `requests.get` in a coroutine",
                "5:10 blocking file I/O `open` in a coroutine",
                "7:12 blocking file I/O `Path.read_text` in a coroutine",
                "8:11 blocking call `input` in a coroutine",
            ]
        );
        check_no_fix(&BLOCKING_CALL, source);
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
    fn pathlib_alone_is_looked_at() {
        let source = "from pathlib import Path\nasync def f(p):\n    return Path(p).read_text()\n";
        assert_eq!(
            findings(&BLOCKING_CALL, source),
            ["3:12 blocking file I/O `Path.read_text` in a coroutine"]
        );
    }
}
