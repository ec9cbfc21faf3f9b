//! Whether a call returns a coroutine: the question `create_task` (AM105,
//! AM204) and `asyncio.run` depend on, since both reject a future or task.
//!
//! The policy, strict because a wrong answer is a `TypeError` at run time:
//! a coroutine when the module shows it (an `async def` of the module or a
//! `self` method of the class, an `@asyncio.coroutine` function), when it is
//! one of asyncio's coroutine functions, or when it is a plain function
//! reached through an import (SPEC: "a call of an imported function counts as
//! returning a coroutine"). Not a coroutine: a method called on some other
//! object (`tp_state.wait_for_position()` may return `shield(...)`), a
//! variable, a class, a builtin, and any callee whose name says it makes a
//! task or a future (`create_eager_task`, `async_create_task`, `wrap_future`).

use ruff_python_ast::{Expr, ExprCall, StmtFunctionDef};

use super::functions::is_generator;
use super::{Callee, ScopeId, SemanticModel};

/// asyncio's own coroutine functions.
const ASYNCIO_COROUTINES: &[&str] = &[
    "sleep",
    "wait",
    "wait_for",
    "to_thread",
    "open_connection",
    "start_server",
    "open_unix_connection",
    "start_unix_server",
    "create_subprocess_exec",
    "create_subprocess_shell",
    "staggered_race",
];

/// Callees known to return a future or task.
const FUTURE_PRODUCERS: &[&str] = &[
    "gather",
    "shield",
    "as_completed",
    "run_in_executor",
    "run_coroutine_threadsafe",
    "submit",
    "start_soon",
];

/// What a call gives back, as far as asyncmod can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallResult {
    /// A coroutine: `create_task` accepts it.
    Coroutine,
    /// A future, a task or no awaitable at all: known, or named so.
    NotCoroutine,
    /// Cannot tell: a method of some other object, a variable called.
    Unknown,
}

impl<'a> SemanticModel<'a> {
    /// Whether `call`, running in `scope`, returns a coroutine (see the module doc).
    pub fn returns_coroutine(&self, call: &ExprCall, scope: ScopeId) -> bool {
        self.call_result(call, scope) == CallResult::Coroutine
    }

    /// What `call`, running in `scope`, gives back (see the module doc).
    pub fn call_result(&self, call: &ExprCall, scope: ScopeId) -> CallResult {
        let written = match call.func.as_ref() {
            Expr::Name(name) => name.id.as_str(),
            Expr::Attribute(attribute) => attribute.attr.as_str(),
            _ => return CallResult::Unknown,
        };
        let qualified = self.qualified_name(&call.func, scope);
        let names = [Some(written), qualified.as_ref().map(|q| q.member())];
        if names.iter().flatten().any(|name| makes_a_future(name)) {
            return CallResult::NotCoroutine;
        }
        let coroutine = |yes: bool| {
            if yes {
                CallResult::Coroutine
            } else {
                CallResult::NotCoroutine
            }
        };
        match self.callee(&call.func, scope) {
            Callee::Function(def) => {
                coroutine((def.is_async && !is_generator(def)) || self.is_legacy_coroutine(def))
            }
            Callee::Class(_) => CallResult::NotCoroutine,
            Callee::Unknown => match qualified {
                Some(q) if q.module() == "builtins" => {
                    // An unbound name that is no builtin comes from elsewhere, like an import.
                    coroutine(q.segments().count() == 2 && !BUILTINS.contains(&q.member()))
                }
                Some(q) if q.module() == "asyncio" => {
                    coroutine(ASYNCIO_COROUTINES.contains(&q.member()))
                }
                Some(_) => CallResult::Coroutine,
                None => CallResult::Unknown,
            },
        }
    }

    /// A `def` decorated with `@asyncio.coroutine`: calling it makes a
    /// generator-based coroutine.
    pub fn is_legacy_coroutine(&self, def: &StmtFunctionDef) -> bool {
        let scope = self.scope_at(def.range.start());
        def.decorator_list.iter().any(|decorator| {
            self.refers_to(&decorator.expression, scope, "asyncio.coroutine")
                || self.refers_to(&decorator.expression, scope, "asyncio.coroutines.coroutine")
        })
    }
}

/// A callee name that says it makes a task or a future, or a class name.
fn makes_a_future(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    FUTURE_PRODUCERS.contains(&name)
        || lower.contains("task")
        || lower.contains("future")
        || name.starts_with(|c: char| c.is_ascii_uppercase())
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

    use crate::test_support::with_context;

    /// Whether the call that is the last statement of `source` returns a coroutine.
    fn last_call(source: &str) -> bool {
        with_context(source, |ctx| {
            let Some(Stmt::Expr(stmt)) = ctx.module.body.last() else {
                panic!("ends with an expression statement")
            };
            let Expr::Call(call) = stmt.value.as_ref() else {
                panic!("a call")
            };
            let scope = ctx.semantic.scope_at(call.range_start);
            ctx.semantic.returns_coroutine(call, scope)
        })
    }

    #[test]
    fn coroutines_the_module_shows() {
        assert!(last_call(
            "async def f(): pass
f()
"
        ));
        assert!(last_call(
            "from app import fetch
fetch()
"
        ));
        assert!(last_call(
            "import app
app.fetch()
"
        ));
        assert!(last_call(
            "import asyncio
asyncio.sleep(1)
"
        ));
    }

    #[test]
    fn futures_tasks_and_unknowns_are_not() {
        assert!(!last_call(
            "def f(): pass
f()
"
        ));
        assert!(!last_call(
            "async def f():
    yield 1
f()
"
        ));
        assert!(!last_call(
            "from ha import create_eager_task
create_eager_task(x)
"
        ));
        assert!(!last_call(
            "hass.async_create_task(x)
"
        ));
        assert!(!last_call(
            "tp_state.wait_for_position()
"
        ));
        assert!(!last_call(
            "import asyncio
asyncio.gather(a())
"
        ));
        assert!(!last_call(
            "import asyncio
asyncio.wrap_future(f)
"
        ));
        assert!(!last_call(
            "from app import Worker
Worker()
"
        ));
        assert!(!last_call(
            "len(x)
"
        ));
        assert!(!last_call(
            "handlers[0]()
"
        ));
    }
}
