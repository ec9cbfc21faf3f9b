//! What code that runs after a run of an event loop may still do with
//! the objects the run made: a coroutine of the module that keeps
//! something in module or class state (a `StreamWriter` appended to a
//! global list, a future stored in a dict, `current_task()` kept, a global
//! assigned), or the run's own result, reached afterwards by the code
//! that follows the run (through an alias, an element, an attribute) and
//! used by calling one of its methods (`w.close()`, `f.cancel()`,
//! `t.add_done_callback(cb)`). Such an object may be bound to the loop
//! the run ran on: what its methods do depends on whether that loop is
//! still open, still current, and whether its leftover tasks were
//! cancelled. Plain data use (`print(result)`, `sys.exit(code)`,
//! `len(KEPT)`) calls no method of the object.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashSet;

use super::imports::Lookup;
use super::scope::MODULE_SCOPE;
use super::{BindingKind, ScopeId, SemanticModel};

/// Methods that put something into the object they are called on: a
/// coroutine calling them on module state keeps what it hands them.
const STORING_METHODS: &[&str] = &[
    "add",
    "append",
    "appendleft",
    "extend",
    "extendleft",
    "insert",
    "put",
    "put_nowait",
    "setdefault",
    "update",
    "__setitem__",
];

/// A method called after the run on an object the run may have made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedAfterRun {
    /// The variable the object is reached through (`CONNS`, `result`).
    pub variable: String,
    /// The method called (`close`).
    pub method: String,
    /// Where the call starts.
    pub at: TextSize,
    /// The called expression (`KEEP[0].add_done_callback`).
    pub callee: TextRange,
}

/// The variable an expression is reached through: `w` for `w`,
/// `KEEP[0].loop`, `state.conns`.
fn root_name(expr: &Expr) -> Option<&ast::ExprName> {
    let mut current = expr;
    for _ in 0..16 {
        match current {
            Expr::Name(name) => return Some(name),
            Expr::Attribute(attribute) => current = &attribute.value,
            Expr::Subscript(subscript) => current = &subscript.value,
            Expr::Call(call) => current = &call.func,
            _ => return None,
        }
    }
    None
}

/// Every name an expression reads.
fn names_in<'e>(expr: &'e Expr, out: &mut Vec<&'e ast::ExprName>) {
    use ruff_python_ast::visitor::{self, Visitor};
    struct Names<'e, 'o>(&'o mut Vec<&'e ast::ExprName>);
    impl<'e> Visitor<'e> for Names<'e, '_> {
        fn visit_expr(&mut self, expr: &'e Expr) {
            if let Expr::Name(name) = expr {
                self.0.push(name);
            }
            visitor::walk_expr(self, expr);
        }
    }
    Names(out).visit_expr(expr);
}

/// Every name a target binds (`a`, `a, b`, `[a, *b]`).
fn target_names<'e>(target: &'e Expr, out: &mut Vec<&'e ast::ExprName>) {
    match target {
        Expr::Name(name) => out.push(name),
        Expr::Tuple(tuple) => tuple.iter().for_each(|e| target_names(e, out)),
        Expr::List(list) => list.iter().for_each(|e| target_names(e, out)),
        Expr::Starred(starred) => target_names(&starred.value, out),
        _ => {}
    }
}

impl<'a> SemanticModel<'a> {
    /// The module-level variable (a plain variable or a class) `name`
    /// refers to from `scope`, if it is one.
    fn module_state(&self, name: &str, scope: ScopeId) -> Option<&'a str> {
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return None;
        };
        if owner != MODULE_SCOPE {
            return None;
        }
        let state = bindings.iter().all(|&id| {
            matches!(
                self.binding(id).kind,
                BindingKind::Assignment | BindingKind::Annotation | BindingKind::ClassDef(_)
            )
        });
        let first = *bindings.first()?;
        state.then_some(self.binding(first).name)
    }

    /// The module-level variables into which a coroutine of the module
    /// stores something: assigned through `global`, an item or attribute
    /// set (`STATE["w"] = w`, `Bridge.post = …`), or a storing method called
    /// on them (`CONNS.append(w)`).
    pub fn module_state_kept_by_coroutines(&self) -> FxHashSet<&'a str> {
        let mut kept = FxHashSet::default();
        for site in &self.calls {
            if !self.runs_in_coroutine(site.scope) {
                continue;
            }
            if let Expr::Attribute(attribute) = site.call.func.as_ref()
                && STORING_METHODS.contains(&attribute.attr.as_str())
                && let Some(root) = root_name(&attribute.value)
                && let Some(name) = self.module_state(root.id.as_str(), site.scope)
            {
                kept.insert(name);
            }
        }
        for suite in self.coroutine_suites() {
            for stmt in suite.body {
                let targets: &[Expr] = match stmt {
                    Stmt::Assign(assign) => &assign.targets,
                    Stmt::AugAssign(assign) => std::slice::from_ref(assign.target.as_ref()),
                    Stmt::AnnAssign(assign) if assign.value.is_some() => {
                        std::slice::from_ref(assign.target.as_ref())
                    }
                    _ => continue,
                };
                let mut names = Vec::new();
                for target in targets {
                    match target {
                        Expr::Attribute(_) | Expr::Subscript(_) => {
                            names.extend(root_name(target));
                        }
                        _ => target_names(target, &mut names),
                    }
                }
                for name in names {
                    if let Some(state) = self.module_state(name.id.as_str(), suite.scope) {
                        kept.insert(state);
                    }
                }
            }
        }
        kept
    }

    /// Where a coroutine of the module stores into module or class state
    /// something it got from asyncio: a loop, one of its bound methods, a
    /// future, a task, a stream (`CONNS.append(w)` after `r, w = await
    /// asyncio.open_connection(…)`, `STATE["loop"] =
    /// asyncio.current_task().get_loop()`, `global POST; POST =
    /// loop.call_soon_threadsafe`). The state's name and where, the first.
    pub fn asyncio_object_kept_by_coroutine(&self) -> Option<(&'a str, TextSize)> {
        // Per coroutine, the local names bound from what asyncio gave.
        let from_asyncio = |expr: &Expr, scope: ScopeId, held: &FxHashSet<&str>| {
            let mut read = Vec::new();
            names_in(expr, &mut read);
            read.iter().any(|name| {
                held.contains(name.id.as_str())
                    || self
                        .import_of(name.id.as_str(), scope)
                        .is_some_and(|path| path == "asyncio" || path.starts_with("asyncio."))
            })
        };
        let mut held_by: rustc_hash::FxHashMap<ScopeId, FxHashSet<&str>> = Default::default();
        for _ in 0..3 {
            for suite in self.coroutine_suites() {
                for stmt in suite.body {
                    let (targets, value): (Vec<&Expr>, &Expr) = match stmt {
                        Stmt::Assign(assign) => (assign.targets.iter().collect(), &assign.value),
                        Stmt::AnnAssign(ast::StmtAnnAssign {
                            target,
                            value: Some(value),
                            ..
                        }) => (vec![target.as_ref()], value),
                        Stmt::For(for_stmt) => (vec![for_stmt.target.as_ref()], &for_stmt.iter),
                        _ => continue,
                    };
                    let held = held_by.entry(suite.scope).or_default();
                    if from_asyncio(value, suite.scope, held) {
                        let mut bound = Vec::new();
                        for target in targets {
                            target_names(target, &mut bound);
                        }
                        held.extend(bound.into_iter().map(|name| name.id.as_str()));
                    }
                }
            }
        }
        let empty = FxHashSet::default();
        let held_in = |scope: ScopeId| held_by.get(&self.frame_of(scope)).unwrap_or(&empty);
        for site in &self.calls {
            if !self.runs_in_coroutine_body(site.scope) {
                continue;
            }
            if let Expr::Attribute(attribute) = site.call.func.as_ref()
                && STORING_METHODS.contains(&attribute.attr.as_str())
                && let Some(root) = root_name(&attribute.value)
                && let Some(state) = self.module_state(root.id.as_str(), site.scope)
                && (site.call.arguments.args.iter())
                    .chain(
                        site.call
                            .arguments
                            .keywords
                            .iter()
                            .map(|keyword| &keyword.value),
                    )
                    .any(|argument| from_asyncio(argument, site.scope, held_in(site.scope)))
            {
                return Some((state, site.call.start()));
            }
        }
        for suite in self.coroutine_suites() {
            for stmt in suite.body {
                let (targets, value): (&[Expr], &Expr) = match stmt {
                    Stmt::Assign(assign) => (&assign.targets, &assign.value),
                    Stmt::AnnAssign(ast::StmtAnnAssign {
                        target,
                        value: Some(value),
                        ..
                    }) => (std::slice::from_ref(target.as_ref()), value),
                    _ => continue,
                };
                if !from_asyncio(value, suite.scope, held_in(suite.scope)) {
                    continue;
                }
                let mut names = Vec::new();
                for target in targets {
                    match target {
                        Expr::Attribute(_) | Expr::Subscript(_) => names.extend(root_name(target)),
                        _ => target_names(target, &mut names),
                    }
                }
                for name in names {
                    if let Some(state) = self.module_state(name.id.as_str(), suite.scope) {
                        return Some((state, stmt.start()));
                    }
                }
            }
        }
        None
    }

    /// Where the module registers code to run at exit (`atexit`,
    /// `weakref.finalize`, `threading._register_atexit`) or starts a thread
    /// (`Thread`, `threading.Timer`, a thread pool, a `QueueListener`,
    /// `start_new_thread`), under any name an import gives them: code that
    /// may run after a run of an event loop returned. What and where.
    pub fn runs_code_later(&self) -> Option<(String, TextSize)> {
        self.calls.iter().find_map(|site| {
            let qualified = self.qualified_name(&site.call.func, site.scope)?;
            let registers = qualified.module() == "atexit"
                || matches!(
                    qualified.as_str(),
                    "weakref.finalize"
                        | "threading.Thread"
                        | "threading.Timer"
                        | "_thread.start_new_thread"
                        | "concurrent.futures.ThreadPoolExecutor"
                        | "concurrent.futures.thread.ThreadPoolExecutor"
                        | "multiprocessing.pool.ThreadPool"
                        | "multiprocessing.dummy.Pool"
                        | "threading._register_atexit"
                        | "logging.handlers.QueueListener"
                );
            registers.then(|| (qualified.to_string(), site.call.start()))
        })
    }

    /// The first method call, in the code of `scope` that follows the
    /// statement holding `run` (a call that runs an event loop), on an
    /// object that run may have made: the run's result (`result =
    /// loop.run_until_complete(main())`), or module state a coroutine of
    /// the module keeps something in (see
    /// [`Self::module_state_kept_by_coroutines`]), or what is bound from
    /// either after the run (`for w in CONNS:`, `t = KEEP[0]`).
    pub fn run_object_used_after(
        &self,
        run: &ast::ExprCall,
        scope: ScopeId,
    ) -> Option<UsedAfterRun> {
        let run_stmt = self.innermost_stmt(scope, run.start())?;
        let after = run_stmt.end();
        // Variables of `scope`'s own code, or of the module, that may hold
        // such an object.
        let mut held: FxHashSet<&str> = self.module_state_kept_by_coroutines();
        if held.is_empty()
            && !matches!(
                run_stmt,
                Stmt::Assign(_) | Stmt::AnnAssign(_) | Stmt::AugAssign(_)
            )
        {
            return None;
        }
        let bind_from = |held: &mut FxHashSet<&'a str>, targets: &[&'a Expr], value: &'a Expr| {
            let mut read = Vec::new();
            names_in(value, &mut read);
            if read.iter().any(|name| held.contains(name.id.as_str())) {
                let mut bound = Vec::new();
                for target in targets {
                    target_names(target, &mut bound);
                }
                let mut changed = false;
                for name in bound {
                    changed |= held.insert(name.id.as_str());
                }
                return changed;
            }
            false
        };
        match run_stmt {
            Stmt::Assign(assign) if assign.value.range().contains_range(run.range()) => {
                let mut names = Vec::new();
                for target in &assign.targets {
                    target_names(target, &mut names);
                }
                held.extend(names.into_iter().map(|name| name.id.as_str()));
            }
            Stmt::AnnAssign(assign)
                if assign
                    .value
                    .as_ref()
                    .is_some_and(|value| value.range().contains_range(run.range())) =>
            {
                let mut names = Vec::new();
                target_names(&assign.target, &mut names);
                held.extend(names.into_iter().map(|name| name.id.as_str()));
            }
            _ => {}
        }
        // What the code after the run binds from them, in turn.
        let following: Vec<&'a Stmt> = self
            .suites
            .iter()
            .filter(|suite| suite.scope == scope)
            .flat_map(|suite| suite.body.iter())
            .filter(|stmt| stmt.start() >= after)
            .collect();
        for _ in 0..4 {
            let mut changed = false;
            for stmt in &following {
                changed |= match stmt {
                    Stmt::Assign(assign) => {
                        let targets: Vec<&Expr> = assign.targets.iter().collect();
                        bind_from(&mut held, &targets, &assign.value)
                    }
                    Stmt::AnnAssign(ast::StmtAnnAssign {
                        target,
                        value: Some(value),
                        ..
                    }) => bind_from(&mut held, &[target.as_ref()], value),
                    Stmt::For(for_stmt) => {
                        bind_from(&mut held, &[for_stmt.target.as_ref()], &for_stmt.iter)
                    }
                    Stmt::With(with) => with.items.iter().fold(false, |changed, item| match &item
                        .optional_vars
                    {
                        Some(target) => {
                            bind_from(&mut held, &[target.as_ref()], &item.context_expr) | changed
                        }
                        None => changed,
                    }),
                    _ => false,
                };
            }
            if !changed {
                break;
            }
        }
        self.calls
            .iter()
            .filter(|site| site.call.start() >= after)
            .filter(|site| self.frame_of(site.scope) == self.frame_of(scope))
            .find_map(|site| {
                let Expr::Attribute(attribute) = site.call.func.as_ref() else {
                    return None;
                };
                let root = root_name(&attribute.value)?;
                let name = root.id.as_str();
                if !held.contains(name) {
                    return None;
                }
                // Module state is read through the module's own binding;
                // a variable bound after the run through the run's scope.
                let module_state = self.module_state(name, site.scope).is_some();
                let local = self.owner_scope(name, site.scope) == Some(self.frame_of(scope));
                (module_state || local).then(|| UsedAfterRun {
                    variable: name.to_string(),
                    method: attribute.attr.to_string(),
                    at: site.call.start(),
                    callee: site.call.func.range(),
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::parse;

    fn used_after(source: &str) -> Option<(String, String)> {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let site = semantic.calls.iter().find(|site| {
            matches!(site.call.func.as_ref(), Expr::Attribute(attribute)
                if attribute.attr.as_str() == "run_until_complete")
        })?;
        semantic
            .run_object_used_after(site.call, site.scope)
            .map(|used| (used.variable, used.method))
    }

    #[test]
    fn kept_objects_used_by_method_after_the_run() {
        let head = "import asyncio\nKEEP = []\nasync def main():\n    KEEP.append(asyncio.current_task())\n";
        assert_eq!(
            used_after(&format!(
                "{head}if __name__ == '__main__':\n    asyncio.get_event_loop().run_until_complete(main())\n    for w in KEEP:\n        w.close()\n"
            )),
            Some(("w".to_string(), "close".to_string()))
        );
        assert_eq!(
            used_after(&format!(
                "{head}asyncio.get_event_loop().run_until_complete(main())\nKEEP[0].add_done_callback(print)\n"
            )),
            Some(("KEEP".to_string(), "add_done_callback".to_string()))
        );
        // Plain data use calls no method of the object.
        assert_eq!(
            used_after(&format!(
                "{head}asyncio.get_event_loop().run_until_complete(main())\nprint(len(KEEP))\n"
            )),
            None
        );
    }

    #[test]
    fn the_result_and_globals_assigned_by_coroutines() {
        assert_eq!(
            used_after(
                "import asyncio\nasync def main():\n    return 1\nresult = asyncio.get_event_loop().run_until_complete(main())\nresult.cancel()\n"
            ),
            Some(("result".to_string(), "cancel".to_string()))
        );
        assert_eq!(
            used_after(
                "import asyncio, sys\nasync def main():\n    return 1\ncode = asyncio.get_event_loop().run_until_complete(main())\nprint(code)\nsys.exit(code)\n"
            ),
            None
        );
        assert_eq!(
            used_after(
                "import asyncio\nW = None\nasync def main():\n    global W\n    W = 1\nasyncio.get_event_loop().run_until_complete(main())\nW.close()\n"
            ),
            Some(("W".to_string(), "close".to_string()))
        );
        // State the coroutine only reads is not what it made.
        assert_eq!(
            used_after(
                "import asyncio, logging\nLOG = logging.getLogger()\nasync def main():\n    LOG.info('x')\nasyncio.get_event_loop().run_until_complete(main())\nLOG.info('done')\n"
            ),
            None
        );
    }

    #[test]
    fn asyncio_objects_kept_by_coroutines() {
        let kept = |source: &str| {
            let parsed = parse(source).unwrap();
            let semantic = SemanticModel::build(parsed.syntax());
            semantic
                .asyncio_object_kept_by_coroutine()
                .map(|(state, _)| state.to_string())
        };
        assert_eq!(
            kept(
                "import asyncio\nCONNS = []\nasync def f():\n    r, w = await asyncio.open_connection('h', 1)\n    CONNS.append(w)\n"
            ),
            Some("CONNS".to_string())
        );
        assert_eq!(
            kept(
                "import asyncio\nSTATE = {}\nasync def f():\n    STATE['loop'] = asyncio.current_task().get_loop()\n"
            ),
            Some("STATE".to_string())
        );
        // Plain data a coroutine keeps is not asyncio's.
        assert_eq!(
            kept("import asyncio\nSEEN = []\nasync def f(x):\n    SEEN.append(x)\n"),
            None
        );
    }
}
