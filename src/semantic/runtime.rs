//! What exists when the code runs, as opposed to what the source spells:
//! whether an import binding is there on every path that reaches a use
//! (not one under `if TYPE_CHECKING:`, `if __name__ == "__main__":`, in one
//! branch of a `try`, or local to another function), and which async
//! library the module runs on, read from its run-time imports.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextSize};

use super::imports::Lookup;
use super::scope::{MODULE_SCOPE, ScopeKind};
use super::{BindingKind, ImportReach, ScopeId, SemanticModel};

/// An async library a module can run its coroutines on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsyncLibrary {
    Asyncio,
    Trio,
    Anyio,
    Curio,
}

impl AsyncLibrary {
    pub fn module(self) -> &'static str {
        match self {
            AsyncLibrary::Asyncio => "asyncio",
            AsyncLibrary::Trio => "trio",
            AsyncLibrary::Anyio => "anyio",
            AsyncLibrary::Curio => "curio",
        }
    }
}

/// Which library a module's coroutines run on, as its run-time imports say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryChoice {
    /// One library, clearly: asyncio when the module imports no other async
    /// library at run time; trio, anyio or curio when it imports that one
    /// at module level on every path (anyio runs on asyncio too, so an
    /// `import asyncio` beside it does not make it ambiguous).
    One(AsyncLibrary),
    /// The module imports several, or another one only on some paths: its
    /// coroutines may run on either.
    Ambiguous,
}

const OTHERS: [AsyncLibrary; 3] = [AsyncLibrary::Trio, AsyncLibrary::Anyio, AsyncLibrary::Curio];

impl<'a> SemanticModel<'a> {
    /// The async library the module's coroutines run on (see [`LibraryChoice`]).
    pub fn async_library(&self) -> LibraryChoice {
        let others: Vec<(AsyncLibrary, ImportReach)> = OTHERS
            .into_iter()
            .filter_map(|library| Some((library, self.import_reach(library.module())?)))
            .collect();
        match others.as_slice() {
            [] => LibraryChoice::One(AsyncLibrary::Asyncio),
            [(AsyncLibrary::Anyio, ImportReach::Always)] => LibraryChoice::One(AsyncLibrary::Anyio),
            [(library, ImportReach::Always)] if !self.imports_module("asyncio") => {
                LibraryChoice::One(*library)
            }
            _ => LibraryChoice::Ambiguous,
        }
    }

    /// The async libraries the module imports at run time, for messages.
    pub fn async_libraries_imported(&self) -> Vec<&'static str> {
        [AsyncLibrary::Asyncio]
            .into_iter()
            .chain(OTHERS)
            .map(AsyncLibrary::module)
            .filter(|module| self.imports_module(module))
            .collect()
    }

    /// An async library other than asyncio that the module imports at run
    /// time (at any depth): its coroutines may not run on asyncio, so a fix
    /// that calls asyncio's event-loop functions would be wrong there.
    pub fn non_asyncio_library(&self) -> Option<AsyncLibrary> {
        OTHERS
            .into_iter()
            .find(|library| self.imports_module(library.module()))
    }

    /// Whether the module may replace `qualified` (`time.sleep`), a member
    /// of a module, at run time, so that using the name may reach something
    /// else: it assigns or deletes that attribute of the module
    /// (`time.sleep = fake`), or names it in a call, as a dotted string
    /// (`mock.patch("time.sleep")`, `monkeypatch.setattr("app.time.sleep",
    /// …)`) or as the module and the member's name (`setattr(time, "sleep",
    /// …)`, `patch.object(time, "sleep")`). Attributes of other objects
    /// (a mock standing in for the module) do not count.
    pub fn may_patch(&self, qualified: &str) -> bool {
        let Some((module, member)) = qualified.rsplit_once('.') else {
            return false;
        };
        let is_module = |expr: &Expr, scope: ScopeId| {
            self.qualified_name(expr, scope)
                .is_some_and(|name| name.as_str() == module)
        };
        let by_call = self.calls.iter().any(|site| {
            let arguments = &site.call.arguments;
            let mut names_member = false;
            for argument in arguments
                .args
                .iter()
                .chain(arguments.keywords.iter().map(|k| &k.value))
            {
                let Expr::StringLiteral(string) = argument else {
                    continue;
                };
                let text = string.value.to_str();
                if text
                    .strip_suffix(qualified)
                    .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
                {
                    return true;
                }
                names_member |= text == member;
            }
            names_member
                && arguments
                    .args
                    .iter()
                    .any(|argument| is_module(argument, site.scope))
        });
        if by_call {
            return true;
        }
        let mut finder = AttributeWrites {
            member,
            found: Vec::new(),
        };
        finder.visit_body(&self.module.body);
        finder
            .found
            .iter()
            .any(|value| is_module(value, self.scope_at(value.start())))
    }

    /// Whether the module drives coroutines by hand (`coro.send(None)`), as
    /// a test helper or a small scheduler does: its coroutines may run with
    /// no event loop at all, where `asyncio.sleep` and `get_running_loop()`
    /// raise `RuntimeError` and `asyncio.run` works.
    pub fn drives_coroutines_by_hand(&self) -> bool {
        self.calls.iter().any(|site| {
            let call = site.call;
            matches!(call.func.as_ref(), Expr::Attribute(method) if method.attr.as_str() == "send")
                && call.arguments.keywords.is_empty()
                && matches!(&*call.arguments.args, [Expr::NoneLiteral(_)])
        })
    }

    /// The path `name` imports where the code at `site` runs, when that
    /// binding exists there on every path: every binding of `name` where it
    /// resolves imports one same path, and one of them is a statement that
    /// always runs (directly in the module body or the function body, or in
    /// a `with` or a handler-less `try` there) and runs before the use
    /// (earlier in the source, or at module level when the use is in a
    /// function body, which runs after the module is imported).
    pub fn available_import(&self, name: &str, site: TextSize) -> Option<&str> {
        let scope = self.scope_at(site);
        let path = self.import_of(name, scope)?;
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return None;
        };
        let deferred = self.runs_after_import(scope);
        let exists = bindings.iter().any(|&id| {
            let binding = self.binding(id);
            let Some(stmt) = binding.stmt else {
                return false;
            };
            let before = binding.range.start() < site || (owner == MODULE_SCOPE && deferred);
            before
                && matches!(binding.kind, BindingKind::Import { .. })
                && self.stmt_scope(stmt) == Some(owner)
                && self.runs_unconditionally(stmt)
        });
        exists.then_some(path)
    }

    /// Whether code in `scope` runs only when something calls it later (it
    /// sits in a function or lambda body), rather than while the module or
    /// a class body is being executed.
    fn runs_after_import(&self, scope: ScopeId) -> bool {
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            match scope.kind {
                ScopeKind::Function { .. } | ScopeKind::Lambda => return true,
                ScopeKind::Module | ScopeKind::Class => return false,
                ScopeKind::Comprehension { .. } => current = scope.parent,
            }
        }
        false
    }

    /// The scope whose body a statement belongs to.
    fn stmt_scope(&self, stmt: &Stmt) -> Option<ScopeId> {
        let location = self.stmt_location(stmt.start())?;
        Some(self.suites[location.suite as usize].scope)
    }

    /// Whether `stmt` runs whenever the body of its scope runs to its line:
    /// every compound statement between them is a `with`, or a `try`
    /// without handlers whose body holds it (`if`, loops, `match`, a `try`
    /// with handlers or its `else`/`except` parts, and an `if TYPE_CHECKING:`
    /// are conditional).
    pub fn runs_unconditionally(&self, stmt: &Stmt) -> bool {
        let mut current = stmt;
        loop {
            let Some(location) = self.stmt_location(current.start()) else {
                return false;
            };
            let suite = &self.suites[location.suite as usize];
            let Some(parent) = suite.parent else {
                return true;
            };
            match parent {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return true,
                Stmt::With(_) => {}
                Stmt::Try(try_stmt)
                    if try_stmt.handlers.is_empty()
                        && std::ptr::eq(suite.body.as_ptr(), try_stmt.body.as_ptr()) => {}
                _ => return false,
            }
            current = parent;
        }
    }

    /// Whether the variable `name`, read at `site` by code running in
    /// `scope`, surely holds a value there: it belongs to the function
    /// running `scope` and is a parameter, or the target of a plain
    /// assignment of the function's body that always runs and ends before
    /// `site`; and nothing unbinds it (`del`, the end of an `except … as`).
    /// A loop target, a `with … as` or a `:=` may not have run.
    pub fn surely_bound_at(&self, name: &str, scope: ScopeId, site: TextSize) -> bool {
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return false;
        };
        if owner != self.frame_of(scope)
            || !matches!(self.scope(owner).kind, ScopeKind::Function { .. })
        {
            return false;
        }
        let bindings: Vec<_> = bindings.iter().map(|&id| self.binding(id)).collect();
        if bindings
            .iter()
            .any(|b| matches!(b.kind, BindingKind::Deletion | BindingKind::Except))
        {
            return false;
        }
        bindings.iter().any(|binding| match binding.kind {
            BindingKind::Parameter => true,
            BindingKind::Assignment => binding.stmt.is_some_and(|stmt| {
                let target = match stmt {
                    Stmt::Assign(assign) => assign
                        .targets
                        .iter()
                        .any(|t| t.is_name_expr() && t.range() == binding.range),
                    Stmt::AnnAssign(assign) => {
                        assign.value.is_some() && assign.target.range() == binding.range
                    }
                    Stmt::AugAssign(assign) => assign.target.range() == binding.range,
                    _ => false,
                };
                target
                    && stmt.end() <= site
                    && self.stmt_scope(stmt) == Some(owner)
                    && self.runs_unconditionally(stmt)
            }),
            _ => false,
        })
    }

    /// Whether the module's annotations are never evaluated at run time
    /// (`from __future__ import annotations`): then an annotation may use
    /// names and subscripts that do not exist, or fail, when the module runs.
    pub fn postpones_annotations(&self) -> bool {
        self.imports_of("__future__.annotations").next().is_some()
    }

    /// The scope whose frame runs the code of `scope`: itself, or, for a
    /// list, set or dict comprehension, the scope around it (they run at
    /// once, in place; before 3.12 in a frame of their own, but one that
    /// cannot outlive the expression). A generator expression, lambda, def
    /// or class is its own frame: its code may run later, elsewhere.
    pub fn frame_of(&self, scope: ScopeId) -> ScopeId {
        let mut current = scope;
        loop {
            let this = self.scope(current);
            match (this.kind, this.parent) {
                (
                    ScopeKind::Comprehension {
                        is_generator: false,
                    },
                    Some(parent),
                ) => current = parent,
                _ => return current,
            }
        }
    }
}

/// The objects whose attribute `member` the code assigns or deletes.
struct AttributeWrites<'a, 'm> {
    member: &'m str,
    found: Vec<&'a Expr>,
}

impl<'a> Visitor<'a> for AttributeWrites<'a, '_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Attribute(attribute) = expr
            && matches!(attribute.ctx, ExprContext::Store | ExprContext::Del)
            && attribute.attr.as_str() == self.member
        {
            self.found.push(&attribute.value);
        }
        visitor::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use ruff_text_size::TextSize;

    use super::{AsyncLibrary, LibraryChoice};
    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    fn library(source: &str) -> LibraryChoice {
        let parsed = parse(source).unwrap();
        SemanticModel::build(parsed.syntax()).async_library()
    }

    /// Whether `asyncio` is available where the source's `HERE` marker is.
    fn available(source: &str) -> bool {
        let site = source.find("HERE").expect("a HERE marker");
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        semantic
            .available_import("asyncio", TextSize::new(site as u32))
            .is_some()
    }

    #[test]
    fn library_comes_from_run_time_imports() {
        use AsyncLibrary::*;
        assert_eq!(library("x = 1\n"), LibraryChoice::One(Asyncio));
        assert_eq!(library("import trio\n"), LibraryChoice::One(Trio));
        assert_eq!(library("import curio\n"), LibraryChoice::One(Curio));
        assert_eq!(
            library("import asyncio\nimport anyio\n"),
            LibraryChoice::One(Anyio)
        );
        assert_eq!(
            library("import asyncio\nimport trio\n"),
            LibraryChoice::Ambiguous
        );
        // Imports for type checkers never run.
        assert_eq!(
            library("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import trio\n"),
            LibraryChoice::One(Asyncio)
        );
        assert_eq!(
            library(
                "import typing\nif typing.TYPE_CHECKING:\n    from trio import Nursery\nimport curio\n"
            ),
            LibraryChoice::One(Curio)
        );
        // Only on some paths: the module may run on either.
        assert_eq!(
            library("def helper():\n    import trio\n"),
            LibraryChoice::Ambiguous
        );
        assert_eq!(
            library("try:\n    import trio\nexcept ImportError:\n    trio = None\n"),
            LibraryChoice::Ambiguous
        );
        assert_eq!(
            library("with suppress(Exception):\n    import trio\n"),
            LibraryChoice::One(Trio)
        );
    }

    fn patched(source: &str, qualified: &str) -> bool {
        let parsed = parse(source).unwrap();
        SemanticModel::build(parsed.syntax()).may_patch(qualified)
    }

    #[test]
    fn patches_are_seen() {
        for source in [
            "import time\ntime.sleep = print\n",
            "import time\nsetattr(time, 'sleep', print)\n",
            "from unittest import mock\nwith mock.patch('time.sleep'):\n    pass\n",
            "from unittest import mock\n@mock.patch('app.time.sleep')\ndef test(): pass\n",
            "import time\ndef test(monkeypatch):\n    monkeypatch.setattr(time, 'sleep', print)\n",
            "import time\nfrom unittest.mock import patch\npatch.object(time, 'sleep')\n",
        ] {
            assert!(patched(source, "time.sleep"), "{source}");
        }
        for source in [
            "import time\ntime.sleep(1)\n",
            "print('time.sleeper')\n",
            "patch('mytime.sleep')\n",
            "import time\nm_time = Mock()\nm_time.sleep = print\n",
            "import time\ndef f(self, name):\n    setattr(self, name, 1)\n",
            "import time\nsetattr(obj, 'sleep', print)\n",
        ] {
            assert!(!patched(source, "time.sleep"), "{source}");
        }
    }

    #[test]
    fn coroutines_driven_by_hand() {
        let driven = |source: &str| {
            let parsed = parse(source).unwrap();
            SemanticModel::build(parsed.syntax()).drives_coroutines_by_hand()
        };
        assert!(driven("def run(c):\n    c.send(None)\n"));
        assert!(!driven("def run(c):\n    c.send(1)\n    ws.send(data)\n"));
    }

    #[test]
    fn future_import_postpones_annotations() {
        let postpones = |source: &str| {
            let parsed = parse(source).unwrap();
            SemanticModel::build(parsed.syntax()).postpones_annotations()
        };
        assert!(postpones(
            "from __future__ import annotations\nx: set[int] = set()\n"
        ));
        assert!(postpones("from __future__ import division, annotations\n"));
        assert!(!postpones("from __future__ import division\n"));
        assert!(!postpones("import annotations\n"));
    }

    #[test]
    fn imports_that_always_run_are_available() {
        assert!(available("import asyncio\nasync def f():\n    HERE\n"));
        assert!(available("async def f():\n    HERE\nimport asyncio\n"));
        assert!(available("with x:\n    import asyncio\nHERE\n"));
        assert!(available("async def f():\n    import asyncio\n    HERE\n"));
        assert!(available(
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import asyncio\nimport asyncio\nasync def f():\n    HERE\n"
        ));
    }

    #[test]
    fn imports_on_some_paths_are_not() {
        assert!(!available(
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import asyncio\nasync def f():\n    HERE\n"
        ));
        assert!(!available(
            "if __name__ == '__main__':\n    import asyncio\nasync def f():\n    HERE\n"
        ));
        assert!(!available(
            "try:\n    import asyncio\nexcept ImportError:\n    pass\nasync def f():\n    HERE\n"
        ));
        assert!(!available(
            "def setup():\n    global asyncio\n    import asyncio\nasync def f():\n    HERE\n"
        ));
        assert!(!available(
            "def setup():\n    import asyncio\nasync def f():\n    HERE\n"
        ));
        // Module code runs top to bottom: a later import is not there yet.
        assert!(!available("HERE\nimport asyncio\n"));
        assert!(!available("async def f():\n    HERE\n    import asyncio\n"));
        assert!(!available(
            "async def f():\n    if x:\n        import asyncio\n    HERE\n"
        ));
    }

    #[test]
    fn surely_bound_names_are_parameters_and_assignments_that_always_ran() {
        // `surely_bound_at(name)` at the `HERE` marker.
        let bound = |source: &str, name: &str| {
            let at = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
            crate::test_support::with_context(source, |ctx| {
                let semantic = ctx.semantic;
                semantic.surely_bound_at(name, semantic.scope_at(at), at)
            })
        };
        let source = "G = 1\nasync def f(p, *a, **k):\n    x = 1\n    y: int = 2\n    z += 1\n    HERE\n    w = 3\n";
        for name in ["p", "a", "k", "x", "y", "z"] {
            assert!(bound(source, name), "{name}");
        }
        for name in ["w", "G", "print", "missing"] {
            assert!(!bound(source, name), "{name}");
        }
        for body in [
            "    if c:\n        u = 1\n",
            "    for u in c:\n        pass\n",
            "    with c as u:\n        pass\n",
            "    try:\n        u = 1\n    except E:\n        pass\n",
            "    (u := 1) if c else 0\n",
            "    u = 1\n    del u\n    u = 2\n",
            "    u = 1\n    try:\n        pass\n    except E as u:\n        pass\n",
            "    u: int\n",
        ] {
            let source = format!("async def f(c):\n{body}    HERE\n");
            assert!(!bound(&source, "u"), "{body}");
        }
        let same_statement = "async def f():\n    u = g(HERE)\n";
        assert!(!bound(same_statement, "u"));
        let in_with = "async def f(c):\n    with c:\n        u = 1\n    HERE\n";
        assert!(bound(in_with, "u"));
    }
}
