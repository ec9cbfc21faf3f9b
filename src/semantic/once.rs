//! How often code runs: whether a statement runs at most once per process.
//!
//! Module-level code runs once, when the module is first imported (or run as
//! a script), so do the `if __name__ == "__main__":` block and a class body
//! at module level. A plain function runs once when the module calls it from
//! exactly one place that itself runs once, and nothing else can reach it:
//! it is not decorated (a decorator may call it, or wrap it in something
//! called many times), not a method, not bound twice, not exported in
//! `__all__`, not passed on or stored, and no other module can import it:
//! a function defined at module level may be imported by another module
//! and called there any number of times, so it does not count, unless
//! `[project.scripts]` names it (an entry point, which the installed
//! script calls once; the project index reads the table); a function
//! defined inside the main-guard block (which does not run on import) or
//! nested in another function does. A loop (a `for` or `while` body, a
//! `while` test) around the code, a lambda or a comprehension makes it run
//! any number of times. Code reached only through `getattr`, `globals()`
//! or `exec` is not seen. A module that some file of the project may run
//! again (`runpy.run_module` of it or of its package, `runpy.run_path`,
//! `importlib.reload` by any name, `exec` of its source, `del
//! sys.modules[…]` or `sys.modules.pop(…)` before importing it again; see
//! the project index) runs its code more than once; the main-guard block
//! too, unless the module is only imported again (a reload, an import
//! after taking it out of `sys.modules`), which runs it under its own
//! name, never as `__main__`.

use std::fmt;
use std::path::PathBuf;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use super::scope::{MODULE_SCOPE, ScopeKind, ScopeNode};
use super::suspension::BlockPart;
use super::{BindingKind, ScopeId, SemanticModel, UseKind};

/// How many calls deep [`SemanticModel::runs_once_per_process`] follows a
/// function to the code that calls it.
const MAX_DEPTH: u8 = 8;

/// Why code may run more than once per process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repeats<'a> {
    /// In the body of a `for` or `while` loop (or a `while` test) that
    /// starts at this offset.
    InLoop(TextSize),
    /// In a lambda or a comprehension.
    InNestedExpression,
    /// In an `async def`, which runs each time it is awaited.
    InCoroutine,
    /// In a method, which any code holding an instance may call.
    Method(&'a str),
    /// In a decorated function.
    Decorated(&'a str),
    /// The function's name is bound more than once, or declared `global`
    /// or `nonlocal` elsewhere.
    Rebound(&'a str),
    /// The function is listed in `__all__`.
    Exported(&'a str),
    /// The module never calls the function: whoever calls it is elsewhere.
    NotCalled(&'a str),
    /// The module calls the function from this many places.
    CalledFrom(&'a str, usize),
    /// The function is referenced other than by a call (passed, stored, returned).
    Referenced(&'a str),
    /// The function calls itself.
    Recursive(&'a str),
    /// Another module may import the function and call it.
    Importable(&'a str),
    /// The chain of callers is longer than the analysis follows.
    TooDeep,
    /// A file of the project may run the module again (`runpy`,
    /// `importlib.reload`).
    Rerun(PathBuf),
}

impl fmt::Display for Repeats<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Repeats::InLoop(_) => f.write_str("it sits in a loop"),
            Repeats::InNestedExpression => f.write_str("it sits in a lambda or a comprehension"),
            Repeats::InCoroutine => f.write_str("it runs in a coroutine"),
            Repeats::Method(name) => {
                write!(
                    f,
                    "`{name}` is a method, which any holder of an instance may call"
                )
            }
            Repeats::Decorated(name) => {
                write!(f, "`{name}` is decorated, and its decorator may call it")
            }
            Repeats::Rebound(name) => write!(f, "the name `{name}` is bound more than once"),
            Repeats::Exported(name) => write!(f, "`{name}` is exported in `__all__`"),
            Repeats::NotCalled(name) => {
                write!(
                    f,
                    "`{name}` is not called in this module, so its callers are elsewhere"
                )
            }
            Repeats::CalledFrom(name, count) => {
                write!(f, "`{name}` is called from {count} places")
            }
            Repeats::Referenced(name) => {
                write!(f, "`{name}` is passed on or stored, not only called")
            }
            Repeats::Recursive(name) => write!(f, "`{name}` calls itself"),
            Repeats::Importable(name) => write!(
                f,
                "another module may import `{name}` and call it many times"
            ),
            Repeats::TooDeep => f.write_str("its chain of callers is too long to follow"),
            Repeats::Rerun(file) => write!(
                f,
                "`{}` may run the module again (`runpy`, `importlib.reload`, `exec`, `eval` or `compile` of its source, a loader's `exec_module`, IPython's `%run`, or an import after taking it out of `sys.modules`)",
                file.display()
            ),
        }
    }
}

/// Whether `stmt` is `if __name__ == "__main__":` (either operand order).
pub fn is_main_guard(stmt: &Stmt) -> bool {
    let Stmt::If(if_stmt) = stmt else {
        return false;
    };
    let Expr::Compare(compare) = if_stmt.test.as_ref() else {
        return false;
    };
    let ([op], [right]) = (compare.ops.as_ref(), compare.comparators.as_ref()) else {
        return false;
    };
    if *op != ast::CmpOp::Eq {
        return false;
    }
    let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == "__name__");
    let is_main = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str() == "__main__");
    (is_name(&compare.left) && is_main(right)) || (is_main(&compare.left) && is_name(right))
}

impl<'a> SemanticModel<'a> {
    /// Whether the code at `offset` runs at most once per process (see the
    /// module doc); otherwise why it may run more often.
    pub fn runs_once_per_process(&self, offset: TextSize) -> Result<(), Repeats<'a>> {
        self.runs_once_at(offset, 0)
    }

    /// Whether `stmt` lies in the body of an `if __name__ == "__main__":`
    /// block (at any depth, within its scope's statements), code that does
    /// not run when the module is imported.
    pub fn in_main_guard(&self, stmt: &Stmt) -> bool {
        let mut current = stmt;
        loop {
            let Some(location) = self.stmt_location(current.start()) else {
                return false;
            };
            let suite = &self.suites[location.suite as usize];
            let Some(parent) = suite.parent else {
                return false;
            };
            if let Stmt::If(if_stmt) = parent
                && is_main_guard(parent)
                && std::ptr::eq(suite.body.as_ptr(), if_stmt.body.as_ptr())
            {
                return true;
            }
            if matches!(parent, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                return false;
            }
            current = parent;
        }
    }

    fn runs_once_at(&self, offset: TextSize, depth: u8) -> Result<(), Repeats<'a>> {
        if depth > MAX_DEPTH {
            return Err(Repeats::TooDeep);
        }
        let scope = self.scope_at(offset);
        if matches!(
            self.scope(scope).kind,
            ScopeKind::Lambda | ScopeKind::Comprehension { .. }
        ) {
            return Err(Repeats::InNestedExpression);
        }
        if let Some(stmt) = self.innermost_stmt(scope, offset)
            && let Some(start) = self.loop_around(stmt, offset)
        {
            return Err(Repeats::InLoop(start));
        }
        let this = self.scope(scope);
        match this.node {
            // Imported (or run as the program) once, unless some code of
            // the project runs it again. The main-guard block runs only
            // as `__main__`, which importing the module again does not.
            ScopeNode::Module => {
                let as_main = self
                    .innermost_stmt(scope, offset)
                    .is_some_and(|stmt| self.in_main_guard(stmt));
                match self
                    .project()
                    .and_then(|project| project.may_rerun(as_main))
                {
                    Some(file) => Err(Repeats::Rerun(file)),
                    None => Ok(()),
                }
            }
            // A class body runs once each time its `class` statement does.
            ScopeNode::Class(class) => self.runs_once_at(class.start(), depth + 1),
            ScopeNode::Function(def) if def.is_async => Err(Repeats::InCoroutine),
            ScopeNode::Function(def) => self.function_runs_once(def, scope, depth),
            ScopeNode::Lambda(_) | ScopeNode::Comprehension(_) => Err(Repeats::InNestedExpression),
        }
    }

    /// Whether the plain function `def` (whose body is `scope`) is called
    /// at most once per process.
    fn function_runs_once(
        &self,
        def: &'a ast::StmtFunctionDef,
        scope: ScopeId,
        depth: u8,
    ) -> Result<(), Repeats<'a>> {
        let name = def.name.as_str();
        let Some(outer) = self.scope(scope).parent else {
            return Err(Repeats::NotCalled(name));
        };
        if self.scope(outer).kind == ScopeKind::Class {
            return Err(Repeats::Method(name));
        }
        if !def.decorator_list.is_empty() {
            return Err(Repeats::Decorated(name));
        }
        let defines_it = |id: &u32| matches!(self.binding(*id).kind, BindingKind::FunctionDef(d) if std::ptr::eq(d, def));
        match self.bindings_in(outer, name) {
            Some([only]) if defines_it(only) => {}
            _ => return Err(Repeats::Rebound(name)),
        }
        if outer == MODULE_SCOPE && self.exported_names().contains(name) {
            return Err(Repeats::Exported(name));
        }
        let mut reads = Vec::new();
        for use_ in self.uses_of(name, outer) {
            match use_.kind {
                UseKind::Read => reads.push(use_),
                UseKind::Write => {}
                UseKind::Delete | UseKind::Declaration => return Err(Repeats::Rebound(name)),
            }
        }
        // An entry point of `[project.scripts]`: the installed script calls
        // it once per process (SPEC §3, AM002).
        let is_script = outer == MODULE_SCOPE
            && self
                .project()
                .is_some_and(|project| project.is_script(name));
        let read = match reads.as_slice() {
            [] if is_script => return Ok(()),
            [] => return Err(Repeats::NotCalled(name)),
            [read] => *read,
            more => return Err(Repeats::CalledFrom(name, more.len())),
        };
        let called = self.calls.iter().any(|site| {
            matches!(site.call.func.as_ref(), Expr::Name(callee) if callee.range == read.range)
        });
        if !called {
            return Err(Repeats::Referenced(name));
        }
        if self.is_within(read.scope, scope) {
            return Err(Repeats::Recursive(name));
        }
        self.runs_once_at(read.range.start(), depth + 1)?;
        // Checked last: the facts the module shows say more than this one.
        if outer == MODULE_SCOPE && !self.in_main_guard_def(def) && !is_script {
            return Err(Repeats::Importable(name));
        }
        Ok(())
    }

    /// Whether the `def` statement sits in the main-guard block.
    fn in_main_guard_def(&self, def: &ast::StmtFunctionDef) -> bool {
        let Some(location) = self.stmt_location(def.start()) else {
            return false;
        };
        let suite = &self.suites[location.suite as usize];
        suite
            .body
            .get(location.index as usize)
            .is_some_and(|stmt| self.in_main_guard(stmt))
    }

    /// The start of a loop, within the statement's own scope, that repeats
    /// the code at `offset` in `stmt`: a `for` or `while` whose body holds
    /// it, or a `while` whose test it is in.
    fn loop_around(&self, stmt: &'a Stmt, offset: TextSize) -> Option<TextSize> {
        if let Stmt::While(while_stmt) = stmt
            && while_stmt.test.range().contains_inclusive(offset)
        {
            return Some(stmt.start());
        }
        // The `else` of a loop runs once, after it.
        self.enclosing_blocks(stmt)
            .into_iter()
            .find(|(parent, part)| {
                matches!(parent, Stmt::For(_) | Stmt::While(_)) && *part == BlockPart::Body
            })
            .map(|(parent, _)| parent.start())
    }
}

#[cfg(test)]
mod tests {
    use ruff_text_size::TextSize;

    use super::Repeats;
    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    /// What [`SemanticModel::runs_once_per_process`] says of the `HERE` marker.
    fn once(source: &str) -> Result<(), String> {
        let site = source.find("HERE").expect("a HERE marker");
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        semantic
            .runs_once_per_process(TextSize::new(site as u32))
            .map_err(|repeats| match repeats {
                Repeats::InLoop(_) => "loop".to_string(),
                other => other.to_string(),
            })
    }

    #[test]
    fn module_level_and_main_guard_run_once() {
        assert_eq!(once("HERE()\n"), Ok(()));
        assert_eq!(once("try:\n    HERE()\nfinally:\n    pass\n"), Ok(()));
        assert_eq!(once("if __name__ == '__main__':\n    HERE()\n"), Ok(()));
        assert_eq!(once("if \"__main__\" == __name__:\n    HERE()\n"), Ok(()));
        assert_eq!(once("class C:\n    x = HERE()\n"), Ok(()));
        // The `else` of a loop and the iterable of a `for` run once.
        assert_eq!(once("for x in HERE():\n    pass\n"), Ok(()));
        assert_eq!(once("for x in y:\n    pass\nelse:\n    HERE()\n"), Ok(()));
    }

    #[test]
    fn loops_repeat() {
        assert_eq!(once("for x in y:\n    HERE()\n"), Err("loop".into()));
        assert_eq!(once("while HERE():\n    pass\n"), Err("loop".into()));
        assert_eq!(
            once("while True:\n    if x:\n        HERE()\n"),
            Err("loop".into())
        );
        assert_eq!(
            once("[HERE() for x in y]\n"),
            Err("it sits in a lambda or a comprehension".into())
        );
        assert_eq!(
            once("f = lambda: HERE()\n"),
            Err("it sits in a lambda or a comprehension".into())
        );
    }

    #[test]
    fn a_function_called_once_from_the_main_guard_and_defined_there() {
        assert_eq!(
            once("if __name__ == '__main__':\n    def run():\n        HERE()\n    run()\n"),
            Ok(())
        );
        // Nested in a function that runs once: no other module sees it.
        assert_eq!(
            once(
                "if __name__ == '__main__':\n    def cli():\n        def run():\n            HERE()\n        return run()\n    cli()\n"
            ),
            Ok(())
        );
        assert_eq!(
            once("def outer():\n    def run():\n        HERE()\n    run()\nouter()\n"),
            Err("another module may import `outer` and call it many times".into())
        );
    }

    #[test]
    fn a_module_level_function_may_be_imported_elsewhere() {
        assert_eq!(
            once("def main():\n    HERE()\n\nif __name__ == '__main__':\n    main()\n"),
            Err("another module may import `main` and call it many times".into())
        );
    }

    #[test]
    fn functions_that_may_run_many_times() {
        let guard = |body: &str| format!("if __name__ == '__main__':\n{body}");
        assert_eq!(
            once(&guard(
                "    def run():\n        HERE()\n    run()\n    run()\n"
            )),
            Err("`run` is called from 2 places".into())
        );
        assert_eq!(
            once(&guard(
                "    def run():\n        HERE()\n    for i in x:\n        run()\n"
            )),
            Err("loop".into())
        );
        assert_eq!(
            once(&guard("    def run():\n        HERE()\n    go(run)\n")),
            Err("`run` is passed on or stored, not only called".into())
        );
        assert_eq!(
            once(&guard("    def run():\n        HERE()\n")),
            Err("`run` is not called in this module, so its callers are elsewhere".into())
        );
        assert_eq!(
            once(&guard(
                "    @command\n    def run():\n        HERE()\n    run()\n"
            )),
            Err("`run` is decorated, and its decorator may call it".into())
        );
        assert_eq!(
            once(&guard(
                "    def run():\n        HERE()\n        run()\n    run()\n"
            )),
            Err("`run` is called from 2 places".into())
        );
        assert_eq!(
            once(&guard(
                "    def run():\n        HERE()\n    run()\n    run = other\n"
            )),
            Err("the name `run` is bound more than once".into())
        );
        assert_eq!(
            once(&guard(
                "    def run():\n        HERE()\n    list(map(lambda: run(), x))\n"
            )),
            Err("it sits in a lambda or a comprehension".into())
        );
        assert_eq!(
            once("class A:\n    def run(self):\n        HERE()\nA().run()\n"),
            Err("`run` is a method, which any holder of an instance may call".into())
        );
        assert_eq!(
            once("async def main():\n    HERE()\n"),
            Err("it runs in a coroutine".into())
        );
        assert_eq!(
            once("__all__ = ['run']\ndef run():\n    HERE()\nrun()\n"),
            Err("`run` is exported in `__all__`".into())
        );
        assert_eq!(
            once(&guard(
                "    def run():\n        HERE()\n    def other():\n        global run\n    run()\n"
            )),
            Err("the name `run` is bound more than once".into())
        );
    }

    #[test]
    fn a_function_called_from_a_function_called_once() {
        assert_eq!(
            once(
                "if __name__ == '__main__':\n    def inner():\n        HERE()\n    def cli():\n        inner()\n    cli()\n"
            ),
            Ok(())
        );
        assert_eq!(
            once(
                "if __name__ == '__main__':\n    def inner():\n        HERE()\n    def cli():\n        for x in y:\n            inner()\n    cli()\n"
            ),
            Err("loop".into())
        );
    }
}
