//! The coroutine oracle: what a call gives back, and whether a callable is
//! a coroutine function. Every codemod that depends on it asks here
//! (`create_task` and `asyncio.run` reject a future, `await` fails on a
//! plain value), so they all agree.
//!
//! The policy is strict, because a wrong answer changes what a program
//! does. A call returns a coroutine when the module shows it: an `async
//! def` of the module (or a `self` method of the class around the call)
//! whose decorators are all known to keep it one (`staticmethod`,
//! `classmethod`, `functools.wraps`, `typing.override`,
//! `typing.final`), an `@asyncio.coroutine` function, a plain `def` of the
//! module whose every `return` gives back such a call, or one of asyncio's
//! own coroutine functions. Known not to: an async generator, a class, a
//! builtin, asyncio's future and task producers, a plain `def` that returns
//! nothing. Named like a future (`create_eager_task`, `wrap_future`,
//! `.submit()`): treated as one, so no fix relies on it being a coroutine.
//! Everything else is unknown: an imported function (until the project
//! index can tell), a method of another object, a variable, a decorated
//! function, `typing.cast(...)`.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ExprCall, Stmt, StmtFunctionDef};
use ruff_text_size::Ranged;

use super::functions::is_generator;
use super::{Callee, ScopeId, SemanticModel};

/// How deep the oracle follows a plain `def`'s `return` into the calls it returns.
const MAX_DEPTH: u8 = 3;

/// What a call gives back, as far as the module shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallResult {
    /// A coroutine: `create_task` and `asyncio.run` accept it, `await` runs it.
    Coroutine,
    /// A future or a task (or something named so): `create_task` and
    /// `asyncio.run` reject it.
    Future,
    /// Known to be no coroutine: an instance, an async generator, `None`, a
    /// builtin's value.
    NotCoroutine,
    /// Cannot tell.
    Unknown,
}

impl CallResult {
    /// `Some(true)` for a coroutine, `Some(false)` for something known not
    /// to be one, `None` when unknown.
    pub fn is_coroutine(self) -> Option<bool> {
        match self {
            CallResult::Coroutine => Some(true),
            CallResult::Future | CallResult::NotCoroutine => Some(false),
            CallResult::Unknown => None,
        }
    }
}

/// What one of asyncio's own names does when called.
fn asyncio_member(member: &str) -> CallResult {
    match member {
        "sleep"
        | "wait"
        | "wait_for"
        | "to_thread"
        | "open_connection"
        | "start_server"
        | "open_unix_connection"
        | "start_unix_server"
        | "create_subprocess_exec"
        | "create_subprocess_shell"
        | "staggered_race" => CallResult::Coroutine,
        "gather"
        | "shield"
        | "ensure_future"
        | "create_task"
        | "run_coroutine_threadsafe"
        | "wrap_future"
        | "Future"
        | "Task"
        | "eager_task_factory" => CallResult::Future,
        "as_completed"
        | "get_event_loop"
        | "get_running_loop"
        | "new_event_loop"
        | "set_event_loop"
        | "run"
        | "timeout"
        | "timeout_at"
        | "current_task"
        | "all_tasks"
        | "iscoroutine"
        | "iscoroutinefunction"
        | "isfuture"
        | "Queue"
        | "PriorityQueue"
        | "LifoQueue"
        | "Lock"
        | "Event"
        | "Condition"
        | "Semaphore"
        | "BoundedSemaphore"
        | "Barrier"
        | "TaskGroup"
        | "Runner"
        | "StreamReader"
        | "StreamWriter"
        | "get_event_loop_policy"
        | "set_event_loop_policy"
        | "CancelledError"
        | "TimeoutError"
        | "InvalidStateError" => CallResult::NotCoroutine,
        _ => CallResult::Unknown,
    }
}

/// asyncio's submodules whose names the package re-exports.
const ASYNCIO_SUBMODULES: &[&str] = &[
    "base_events",
    "coroutines",
    "events",
    "exceptions",
    "futures",
    "locks",
    "queues",
    "runners",
    "staggered",
    "streams",
    "subprocess",
    "taskgroups",
    "tasks",
    "threads",
    "timeouts",
];

/// Callees known, or named, to return a future or task whatever their
/// receiver: a method of a loop or an executor.
const FUTURE_PRODUCERS: &[&str] = &[
    "gather",
    "shield",
    "as_completed",
    "run_in_executor",
    "run_coroutine_threadsafe",
    "submit",
    "start_soon",
];

/// Decorators known to leave a function what it was: calling the result
/// still returns what calling the function did.
const TRANSPARENT_DECORATORS: &[&str] = &[
    "builtins.staticmethod",
    "builtins.classmethod",
    "functools.wraps",
    "typing.override",
    "typing_extensions.override",
    "typing.final",
    "typing_extensions.final",
];

impl<'a> SemanticModel<'a> {
    /// Whether `call`, running in `scope`, surely returns a coroutine.
    pub fn returns_coroutine(&self, call: &ExprCall, scope: ScopeId) -> bool {
        self.call_result(call, scope) == CallResult::Coroutine
    }

    /// What `call`, running in `scope`, gives back (see the module doc).
    pub fn call_result(&self, call: &ExprCall, scope: ScopeId) -> CallResult {
        self.call_result_at(call, scope, 0)
    }

    /// The `async def` of the module that `func` (a callee in `scope`)
    /// surely is, when calling it surely returns a coroutine.
    pub fn coroutine_function(&self, func: &Expr, scope: ScopeId) -> Option<&'a StmtFunctionDef> {
        match self.callee(func, scope) {
            Callee::Function(def)
                if def.is_async
                    && self.function_result(def, MAX_DEPTH) == CallResult::Coroutine =>
            {
                Some(def)
            }
            _ => None,
        }
    }

    fn call_result_at(&self, call: &ExprCall, scope: ScopeId, depth: u8) -> CallResult {
        let written = match call.func.as_ref() {
            Expr::Name(name) => name.id.as_str(),
            Expr::Attribute(attribute) => attribute.attr.as_str(),
            _ => return CallResult::Unknown,
        };
        let qualified = self.qualified_name(&call.func, scope);
        if let Some(q) = &qualified {
            let mut segments = q.segments();
            match (
                segments.next(),
                segments.next(),
                segments.next(),
                segments.next(),
            ) {
                (Some("asyncio"), Some(member), None, _) => return asyncio_member(member),
                (Some("asyncio"), Some(submodule), Some(member), None)
                    if ASYNCIO_SUBMODULES.contains(&submodule) =>
                {
                    return asyncio_member(member);
                }
                (Some("builtins"), Some(member), None, _) if BUILTINS.contains(&member) => {
                    return CallResult::NotCoroutine;
                }
                _ => {}
            }
        }
        let result = match self.callee(&call.func, scope) {
            Callee::Function(def) => self.function_result(def, depth),
            Callee::Class(_) => return CallResult::NotCoroutine,
            Callee::Unknown => CallResult::Unknown,
        };
        if result != CallResult::Unknown {
            return result;
        }
        let names = [Some(written), qualified.as_ref().map(|q| q.member())];
        if names.iter().flatten().any(|name| named_like_a_future(name)) {
            return CallResult::Future;
        }
        if written.starts_with(|c: char| c.is_ascii_uppercase()) {
            // A class, by Python's naming convention: an instance, no coroutine.
            return CallResult::NotCoroutine;
        }
        CallResult::Unknown
    }

    /// What calling `def` gives back.
    fn function_result(&self, def: &StmtFunctionDef, depth: u8) -> CallResult {
        if self.is_legacy_coroutine(def) {
            return CallResult::Coroutine;
        }
        if !self.keeps_coroutine_function(def) {
            return CallResult::Unknown;
        }
        if is_generator(def) {
            // A generator or an async generator: no coroutine either way.
            return CallResult::NotCoroutine;
        }
        if def.is_async {
            return CallResult::Coroutine;
        }
        if depth >= MAX_DEPTH {
            return CallResult::Unknown;
        }
        self.plain_function_result(def, depth)
    }

    /// What a plain `def` gives back, from its `return` statements: a
    /// coroutine when its body ends with a `return` and every `return`
    /// gives back a call that returns one; nothing awaitable when no
    /// `return` has a value.
    fn plain_function_result(&self, def: &StmtFunctionDef, depth: u8) -> CallResult {
        let mut returns = ReturnFinder::default();
        returns.visit_body(&def.body);
        if returns.values.is_empty() {
            // It returns `None`, whichever way it ends.
            return CallResult::NotCoroutine;
        }
        let ends_with_return =
            matches!(def.body.last(), Some(Stmt::Return(r)) if r.value.is_some());
        if returns.bare || !ends_with_return {
            return CallResult::Unknown;
        }
        let mut combined = None;
        for value in returns.values {
            let Expr::Call(call) = value else {
                return CallResult::Unknown;
            };
            let result = self.call_result_at(call, self.scope_at(call.start()), depth + 1);
            match (combined, result) {
                (_, CallResult::Unknown) => return CallResult::Unknown,
                (None, result) => combined = Some(result),
                (Some(known), result) if known == result => {}
                (Some(_), _) => return CallResult::Unknown,
            }
        }
        combined.unwrap_or(CallResult::Unknown)
    }

    /// Whether every decorator of `def` is known to leave it what it was
    /// (true when it has none).
    pub fn keeps_coroutine_function(&self, def: &StmtFunctionDef) -> bool {
        if def.decorator_list.is_empty() {
            return true;
        }
        let scope = self.scope_at(def.range.start());
        def.decorator_list.iter().all(|decorator| {
            let callee = match &decorator.expression {
                Expr::Call(call) => call.func.as_ref(),
                other => other,
            };
            self.qualified_name(callee, scope)
                .is_some_and(|q| TRANSPARENT_DECORATORS.contains(&q.as_str()))
        })
    }

    /// A `def` decorated with `@asyncio.coroutine` (and otherwise only with
    /// transparent decorators): calling it makes a generator-based coroutine.
    pub fn is_legacy_coroutine(&self, def: &StmtFunctionDef) -> bool {
        let scope = self.scope_at(def.range.start());
        let is_legacy = |expr: &Expr| {
            self.refers_to(expr, scope, "asyncio.coroutine")
                || self.refers_to(expr, scope, "asyncio.coroutines.coroutine")
        };
        def.decorator_list.iter().any(|d| is_legacy(&d.expression))
            && def.decorator_list.iter().all(|decorator| {
                is_legacy(&decorator.expression)
                    || self
                        .qualified_name(&decorator.expression, scope)
                        .is_some_and(|q| TRANSPARENT_DECORATORS.contains(&q.as_str()))
            })
    }
}

/// The values of the `return` statements of a function's own body (nested
/// functions, lambdas and classes aside), and whether one has none.
#[derive(Default)]
struct ReturnFinder<'a> {
    values: Vec<&'a Expr>,
    bare: bool,
}

impl<'a> Visitor<'a> for ReturnFinder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Return(ret) => match &ret.value {
                Some(value) => self.values.push(value),
                None => self.bare = true,
            },
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, _: &'a Expr) {}
}

/// A callee name that says it makes a task or a future.
fn named_like_a_future(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    FUTURE_PRODUCERS.contains(&name) || lower.contains("task") || lower.contains("future")
}

/// Python's builtin functions and classes with lowercase names.
const BUILTINS: &[&str] = &[
    "__import__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};

    use super::CallResult::{self, *};
    use crate::test_support::with_context;

    /// What the call that is the last statement of `source` gives back.
    fn last_call(source: &str) -> CallResult {
        with_context(source, |ctx| {
            let Some(Stmt::Expr(stmt)) = ctx.module.body.last() else {
                panic!("ends with an expression statement")
            };
            let Expr::Call(call) = stmt.value.as_ref() else {
                panic!("a call")
            };
            let scope = ctx.semantic.scope_at(call.range_start);
            ctx.semantic.call_result(call, scope)
        })
    }

    #[test]
    fn coroutines_the_module_shows() {
        assert_eq!(last_call("async def f(): return 1\nf()\n"), Coroutine);
        assert_eq!(last_call("import asyncio\nasyncio.sleep(1)\n"), Coroutine);
        assert_eq!(
            last_call("from asyncio.tasks import sleep as nap\nnap(1)\n"),
            Coroutine
        );
        assert_eq!(
            last_call(
                "import abc\nclass C:\n    @staticmethod\n    async def f(): return 1\nC.f()\n"
            ),
            Unknown,
            "a method reached through the class is not followed"
        );
        // A plain `def` that hands back a coroutine.
        assert_eq!(
            last_call(
                "async def f(): return 1\ndef g(x):\n    if x:\n        return f()\n    return f()\ng(1)\n"
            ),
            Coroutine
        );
    }

    #[test]
    fn what_is_known_not_to_be_a_coroutine() {
        assert_eq!(last_call("def f(): pass\nf()\n"), NotCoroutine);
        assert_eq!(
            last_call("async def f():\n    yield 1\nf()\n"),
            NotCoroutine
        );
        assert_eq!(last_call("import asyncio\nasyncio.gather(a())\n"), Future);
        assert_eq!(
            last_call("import asyncio\nasyncio.wrap_future(f)\n"),
            Future
        );
        assert_eq!(
            last_call("from ha import create_eager_task\ncreate_eager_task(x)\n"),
            Future
        );
        assert_eq!(last_call("hass.async_create_task(x)\n"), Future);
        assert_eq!(
            last_call("from app import Worker\nWorker()\n"),
            NotCoroutine
        );
        assert_eq!(last_call("len(x)\n"), NotCoroutine);
        assert_eq!(last_call("class C: pass\nC()\n"), NotCoroutine);
    }

    #[test]
    fn what_cannot_be_told() {
        // Imported: only the project index could tell.
        assert_eq!(last_call("from app import fetch\nfetch()\n"), Unknown);
        assert_eq!(last_call("import app\napp.fetch()\n"), Unknown);
        assert_eq!(
            last_call("import websockets\nwebsockets.serve(h, 'x', 1)\n"),
            Unknown
        );
        // `cast` returns its argument, whatever that is.
        assert_eq!(
            last_call("from typing import cast\nimport asyncio\ncast(asyncio.Future, fut)\n"),
            Unknown
        );
        // A decorator may return anything: a task, a plain function.
        assert_eq!(
            last_call("import functools\n@functools.lru_cache\nasync def f(): return 1\nf()\n"),
            Unknown
        );
        assert_eq!(last_call("@spawn\nasync def f(): return 1\nf()\n"), Unknown);
        assert_eq!(last_call("tp_state.wait_for_position()\n"), Unknown);
        assert_eq!(last_call("handlers[0]()\n"), Unknown);
        assert_eq!(last_call("undefined_name()\n"), Unknown);
        // A plain `def` that may end without returning.
        assert_eq!(
            last_call("async def f(): return 1\ndef g(x):\n    if x:\n        return f()\ng(1)\n"),
            Unknown
        );
        assert_eq!(last_call("def g(x):\n    return x\ng(1)\n"), Unknown);
    }
}
