//! The facts codemods ask about a module, computed in one pass over its AST:
//! which scope an offset sits in and whether that scope is an `async def`
//! (`scope.rs`), what a name refers to through imports and aliases
//! (`imports.rs`), every read and write of a name (`names.rs`), what a
//! call calls (`functions.rs`), whether code runs once per process
//! (`once.rs`), what is the event loop (`loops.rs`), what a handler does
//! with its exception (`exceptions.rs`), which exceptions the code
//! around a statement expects (`expected.rs`) and whether a coroutine lets
//! its cancellation out (`cancellation.rs`).

pub mod after_run;
pub mod blocking;
pub mod bound;
mod builder;
pub mod cancellation;
pub mod caught;
pub mod classes;
pub mod contexts;
pub mod coroutines;
pub mod deadlines;
pub mod effects;
pub mod exceptions;
pub mod expected;
mod fresh;
pub mod functions;
pub mod imports;
pub mod known;
pub mod loops;
pub mod managers;
pub mod members;
pub mod names;
mod namespace;
pub mod numbers;
pub mod objects;
pub mod once;
pub mod outcomes;
pub mod patches;
pub mod project;
pub mod receivers;
pub mod runtime;
pub mod scope;
pub mod stateful;
pub mod statements;
pub mod strings;
pub mod suspension;
pub mod values;

use ruff_python_ast::{Expr, ExprCall, ModModule, Stmt};

use imports::Lookup;
use ruff_text_size::{TextRange, TextSize};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};
use smallvec::SmallVec;

pub use coroutines::TRANSPARENT_DECORATORS;
pub use functions::Callee;
pub use imports::QualifiedName;
pub use names::{Use, UseKind};
pub use runtime::{AsyncLibrary, ClosedRun, HandDriver, LibraryChoice, OTHER_LIBRARY_MODULES};
pub use scope::{Scope, ScopeId, ScopeKind, ScopeNode};

/// The key of [`SemanticModel::imports_by_path`].
fn path_hash(path: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(path)
}

/// How surely a module imports another at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ImportReach {
    /// Only on some paths: inside a function, an `if`, a `try` with
    /// handlers, a loop.
    Sometimes,
    /// At module level, on every path that imports the module.
    Always,
}

/// Index of a [`Binding`] in [`SemanticModel::bindings`].
pub type BindingId = u32;

/// One place that binds a name in a scope.
#[derive(Debug)]
pub struct Binding<'a> {
    pub name: &'a str,
    pub kind: BindingKind<'a>,
    /// The range of the bound name (for an import, of its alias: `time as t`).
    pub range: TextRange,
    pub scope: ScopeId,
    /// The statement that binds it, when a statement does.
    pub stmt: Option<&'a Stmt>,
}

#[derive(Debug, Clone)]
pub enum BindingKind<'a> {
    /// `import a.b` (binds `a`, qualified `a`), `import a.b as c` (qualified
    /// `a.b`), `from a import b as c` (qualified `a.b`).
    Import {
        qualified: Box<str>,
        from: bool,
    },
    FunctionDef(&'a ruff_python_ast::StmtFunctionDef),
    ClassDef(&'a ruff_python_ast::StmtClassDef),
    Parameter,
    /// A target of `=`, `+=`, `for`, `with … as`, `:=`, a comprehension, a pattern, …
    Assignment,
    /// `x: int` without a value: makes `x` local without giving it a value.
    Annotation,
    /// `except E as e`.
    Except,
    /// `del x`.
    Deletion,
}

impl BindingKind<'_> {
    pub fn import_path(&self) -> Option<&str> {
        match self {
            BindingKind::Import { qualified, .. } => Some(qualified),
            _ => None,
        }
    }
}

/// A read (`Load`) or deletion of a name.
#[derive(Debug, Clone, Copy)]
pub struct Reference<'a> {
    pub name: &'a str,
    pub range: TextRange,
    pub scope: ScopeId,
    pub is_del: bool,
}

/// A call expression and the scope it runs in.
#[derive(Debug, Clone, Copy)]
pub struct CallSite<'a> {
    pub call: &'a ExprCall,
    pub scope: ScopeId,
}

/// A block of statements: a module body, a function body, an `if` branch, …
#[derive(Debug, Clone, Copy)]
pub struct Suite<'a> {
    pub body: &'a [Stmt],
    pub scope: ScopeId,
    /// The compound statement the block belongs to; `None` for the module body.
    pub parent: Option<&'a Stmt>,
}

/// Where a statement sits: its block and its index in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StmtLocation {
    pub suite: u32,
    pub index: u32,
}

/// The semantic model of one parsed module.
#[derive(Debug)]
pub struct SemanticModel<'a> {
    pub module: &'a ModModule,
    pub scopes: Vec<Scope<'a>>,
    pub bindings: Vec<Binding<'a>>,
    pub references: Vec<Reference<'a>>,
    pub calls: Vec<CallSite<'a>>,
    pub suites: Vec<Suite<'a>>,
    // Indexes most files never need: built on first use, from the vectors
    // the one pass fills (building them for every file cost a third of the
    // model's time).
    stmt_locations: OnceCell<FxHashMap<TextSize, StmtLocation>>,
    bindings_by_name: OnceCell<FxHashMap<&'a str, Vec<BindingId>>>,
    references_by_name: OnceCell<FxHashMap<&'a str, Vec<u32>>>,
    /// Top-level modules imported at run time (`asyncio`, `trio`, `anyio`,
    /// `time`, …; not under `if TYPE_CHECKING:`), with how surely.
    imported_modules: FxHashMap<&'a str, ImportReach>,
    /// Import bindings by the hash of what they import (`asyncio`,
    /// `asyncio.sleep`): keyed by hash so that recording an import copies no
    /// string; a lookup compares the paths of the bindings it finds.
    imports_by_path: FxHashMap<u64, SmallVec<[BindingId; 2]>>,
    /// Calls an `await` applies to directly (`await f()`), by start offset.
    awaited_calls: FxHashSet<TextSize>,
    /// Scopes with a `global` or `nonlocal` statement.
    declaring_scopes: Vec<ScopeId>,
    /// What the module writes behind the class bodies' backs, recorded
    /// by the walk that builds the model (see [`classes::DynamicWrites`]).
    dynamic_writes: classes::DynamicWrites<'a>,
    /// The module's classes with their bases resolved, built on first use.
    class_table: OnceCell<classes::ClassTable<'a>>,
    /// Where module-level code first may run code of the module itself,
    /// found on first use (see [`Self::module_code_entry`]).
    module_code_entry: OnceCell<Option<TextSize>>,
    /// The frames (functions, or the module) whose own code asks for that
    /// frame or its variables, found on first use (see
    /// [`Self::reads_own_frame`]).
    frames_read_by_themselves: OnceCell<FxHashSet<ScopeId>>,
    /// Whether code reads or deletes the name `__builtins__`, found on
    /// first use (see [`Self::may_bind_dynamically`]).
    reads_builtins_name: OnceCell<bool>,
    /// The outer variables each function's own code uses, filled as asked
    /// (see [`effects`]).
    outer_uses: RefCell<FxHashMap<ScopeId, Rc<[effects::OuterUse<'a>]>>>,
    /// (scope, name) pairs whose every binding imports one same path, with
    /// one of those bindings: what [`Self::import_of`] answers in O(1).
    single_imports: FxHashMap<(ScopeId, &'a str), BindingId>,
    /// The project around the module, when the run has an index: the
    /// oracle asks it about imported names (see `coroutines.rs`).
    project: Option<&'a project::ProjectModule>,
    /// Top-level module names and whether the project may stand in for
    /// them (see [`Self::project_shadows`]), filled as asked.
    shadowed_modules: RefCell<FxHashMap<String, bool>>,
    /// The ranges of the expressions a `match` pattern compares by value:
    /// a value pattern (`case asyncio.TimeoutError:`) and a mapping
    /// pattern's keys.
    value_patterns: FxHashSet<TextRange>,
    /// The module's star imports (`from m import *`), in source order: the
    /// only statements that may bind a name no binding shows.
    star_imports: Vec<&'a Stmt>,
    /// The replacement fields of f-strings (and t-strings) that print their
    /// own source text (`f"{expr=}"`), in source order.
    self_documenting: Vec<TextRange>,
    /// What the module may replace in other modules, built on first use
    /// (see [`patches::Patches`]).
    patches: OnceCell<patches::Patches>,
    /// The module's first coroutine that may keep its cancellation, found
    /// on first use (see [`Self::coroutine_keeping_cancellation`]).
    keeping_coroutine: OnceCell<Option<&'a ruff_python_ast::StmtFunctionDef>>,
    /// The module's first function decorated by a context manager that a
    /// `contextlib` context decorator enters around it and that may keep a
    /// cancellation, found on first use (see
    /// [`Self::coroutine_keeping_cancellation`]).
    context_decorated: OnceCell<Option<&'a ruff_python_ast::StmtFunctionDef>>,
    /// An import of the module that may give a coroutine keeping its
    /// cancellation, found on first use (see
    /// [`Self::imported_cancellation_keeper`]).
    imported_keeper: OnceCell<cancellation::KeeperImports>,
    /// Who may drive the module's coroutines by hand, found on first use
    /// (see [`Self::hand_driver`]).
    hand_driver: OnceCell<Option<runtime::HandDriver>>,
    /// The functions by node and by name, built on first use (see
    /// [`functions::FunctionIndex`]).
    function_index: OnceCell<functions::FunctionIndex<'a>>,
    /// The module's deadlines and calls by callee name, built on first use
    /// (see [`deadlines::DeadlineSites`]).
    deadline_sites: OnceCell<deadlines::DeadlineSites<'a>>,
}

impl<'a> SemanticModel<'a> {
    pub fn build(module: &'a ModModule) -> SemanticModel<'a> {
        builder::build(module)
    }

    /// The model of `module`, which lives in the project `project`: imported
    /// names are asked of the project index.
    pub fn build_in(
        module: &'a ModModule,
        project: Option<&'a project::ProjectModule>,
    ) -> SemanticModel<'a> {
        let mut model = builder::build(module);
        model.project = project;
        model
    }

    /// The project around the module, when the run has an index.
    pub fn project(&self) -> Option<&'a project::ProjectModule> {
        self.project
    }

    pub fn scope(&self, id: ScopeId) -> &Scope<'a> {
        &self.scopes[id as usize]
    }

    /// The blocks of statements that run directly in an `async def` (not in a
    /// nested `def`, `lambda` or class).
    pub fn coroutine_suites(&self) -> impl Iterator<Item = &Suite<'a>> {
        self.suites.iter().filter(|suite| {
            matches!(
                self.scope(suite.scope).kind,
                ScopeKind::Function { is_async: true }
            )
        })
    }

    pub fn binding(&self, id: BindingId) -> &Binding<'a> {
        &self.bindings[id as usize]
    }

    /// The bindings of `name` recorded in `scope` itself (after `global` and
    /// `nonlocal` redirection), in source order; `None` when it binds none.
    pub fn bindings_in(&self, scope: ScopeId, name: &str) -> Option<&[BindingId]> {
        /// Up to this many bindings, a scope whose index is not built yet
        /// answers a name it does not bind by a scan of them.
        const SCAN: usize = 8;
        let scope = self.scope(scope);
        // Most questions a function's scope is asked are about names it
        // does not bind (the module's, builtins): a small scope answers
        // those without building its index.
        if scope.by_name.get().is_none()
            && scope.binding_ids.len() <= SCAN
            && scope
                .binding_ids
                .iter()
                .all(|&id| self.bindings[id as usize].name != name)
        {
            return None;
        }
        let by_name = scope.by_name.get_or_init(|| {
            let mut index: FxHashMap<&'a str, SmallVec<[BindingId; 2]>> = FxHashMap::default();
            index.reserve(scope.binding_ids.len());
            for &id in &scope.binding_ids {
                index
                    .entry(self.bindings[id as usize].name)
                    .or_default()
                    .push(id);
            }
            index
        });
        by_name.get(name).map(SmallVec::as_slice)
    }

    /// Whether the module imports this top-level module at run time, at any
    /// depth (an import under `if TYPE_CHECKING:` never runs and does not count).
    pub fn imports_module(&self, top_level: &str) -> bool {
        self.imported_modules.contains_key(top_level)
    }

    /// How surely the module imports this top-level module at run time.
    pub fn import_reach(&self, top_level: &str) -> Option<ImportReach> {
        self.imported_modules.get(top_level).copied()
    }

    fn bindings_by_name(&self) -> &FxHashMap<&'a str, Vec<BindingId>> {
        self.bindings_by_name.get_or_init(|| {
            let mut index: FxHashMap<&'a str, Vec<BindingId>> = FxHashMap::default();
            for (id, binding) in self.bindings.iter().enumerate() {
                index.entry(binding.name).or_default().push(id as BindingId);
            }
            index
        })
    }

    /// Reads and deletions by name, each list sorted by position (the pass
    /// visits a comprehension's element after its loops, so sort).
    fn references_by_name(&self) -> &FxHashMap<&'a str, Vec<u32>> {
        self.references_by_name.get_or_init(|| {
            let mut index: FxHashMap<&'a str, Vec<u32>> = FxHashMap::default();
            for (id, reference) in self.references.iter().enumerate() {
                index.entry(reference.name).or_default().push(id as u32);
            }
            for ids in index.values_mut() {
                ids.sort_by_key(|&id| self.references[id as usize].range.start());
            }
            index
        })
    }

    fn stmt_locations(&self) -> &FxHashMap<TextSize, StmtLocation> {
        self.stmt_locations.get_or_init(|| {
            // One entry per statement: sized once, never grown.
            let statements = self.suites.iter().map(|suite| suite.body.len()).sum();
            let mut index =
                FxHashMap::with_capacity_and_hasher(statements, rustc_hash::FxBuildHasher);
            for (suite, block) in self.suites.iter().enumerate() {
                for (i, stmt) in block.body.iter().enumerate() {
                    use ruff_text_size::Ranged;
                    index.insert(
                        stmt.start(),
                        StmtLocation {
                            suite: suite as u32,
                            index: i as u32,
                        },
                    );
                }
            }
            index
        })
    }

    /// Whether `expr` is compared by value in a `match` pattern (`case
    /// asyncio.TimeoutError:`, the keys of `case {K.A: x}`). There Python
    /// accepts only a literal or a dotted name: a bare name (`case
    /// TimeoutError:`) is a capture pattern, which matches anything and
    /// binds it.
    pub fn is_value_pattern(&self, expr: &Expr) -> bool {
        use ruff_text_size::Ranged;
        !self.value_patterns.is_empty() && self.value_patterns.contains(&expr.range())
    }

    /// Whether an edit of `range` would change the text of a replacement
    /// field that prints its own source (`f"{asyncio.TimeoutError=}"`
    /// prints `asyncio.TimeoutError=`): no rewrite, however equivalent its
    /// value, keeps that output. An insertion at the field's edge is
    /// outside it.
    pub fn edits_self_documenting(&self, range: TextRange) -> bool {
        self.self_documenting.iter().any(|field| {
            if range.is_empty() {
                field.start() < range.start() && range.start() < field.end()
            } else {
                field.start() < range.end() && range.start() < field.end()
            }
        })
    }

    /// Whether an `await` applies directly to this call (`await f()`, not
    /// `await g(f())`).
    pub fn is_awaited(&self, call: &ExprCall) -> bool {
        self.awaited_calls.contains(&call.range_start)
    }

    /// The names a module-level `__all__` lists (assigned, annotated or
    /// extended with `+=`, as a list or tuple of string literals).
    pub fn exported_names(&self) -> FxHashSet<&'a str> {
        let mut names = FxHashSet::default();
        for stmt in &self.module.body {
            let (targets, value): (Vec<&Expr>, &Expr) = match stmt {
                Stmt::Assign(assign) => (assign.targets.iter().collect(), &assign.value),
                Stmt::AugAssign(assign) => (vec![&assign.target], &assign.value),
                Stmt::AnnAssign(assign) => match &assign.value {
                    Some(value) => (vec![&assign.target], value),
                    None => continue,
                },
                _ => continue,
            };
            let is_all = targets
                .iter()
                .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == "__all__"));
            let elements = match value {
                Expr::List(list) if is_all => &list.elts,
                Expr::Tuple(tuple) if is_all => &tuple.elts,
                _ => continue,
            };
            for element in elements {
                if let Expr::StringLiteral(string) = element
                    && let Some(literal) = string.as_single_part_string()
                {
                    names.insert(literal.as_str());
                }
            }
        }
        names
    }

    /// Whether [`Self::exported_names`] is all `__all__` may hold: every
    /// binding of it is an assignment (`=`, `+=`) of a literal list or
    /// tuple of strings, and no code reads it (`__all__.append(…)`,
    /// `__all__ += other.__all__` is no literal either).
    pub fn all_is_literal(&self) -> bool {
        if self
            .references
            .iter()
            .any(|reference| reference.name == "__all__")
        {
            return false;
        }
        let literal = |value: &Expr| {
            let elements = match value {
                Expr::List(list) => &list.elts,
                Expr::Tuple(tuple) => &tuple.elts,
                _ => return false,
            };
            elements.iter().all(|element| {
                matches!(element, Expr::StringLiteral(string) if string.as_single_part_string().is_some())
            })
        };
        self.bindings
            .iter()
            .filter(|binding| binding.name == "__all__")
            .all(|binding| match binding.stmt {
                Some(Stmt::Assign(assign)) => {
                    assign.targets.len() == 1
                        && assign.targets[0].is_name_expr()
                        && literal(&assign.value)
                }
                Some(Stmt::AugAssign(assign)) => {
                    assign.target.is_name_expr() && literal(&assign.value)
                }
                Some(Stmt::AnnAssign(assign)) => {
                    assign.target.is_name_expr() && assign.value.as_deref().is_some_and(literal)
                }
                _ => false,
            })
    }

    /// Whether some scope declares `name` `global` or `nonlocal`.
    pub fn is_declared_global_or_nonlocal(&self, name: &str) -> bool {
        self.declaring_scopes.iter().any(|&id| {
            let scope = self.scope(id);
            scope.globals.contains(name) || scope.nonlocals.contains(name)
        })
    }

    /// Every import binding of `path` (`asyncio`, `time.sleep`), in any scope.
    pub fn imports_of(&self, path: &str) -> impl Iterator<Item = &Binding<'a>> {
        self.imports_by_path
            .get(&path_hash(path))
            .into_iter()
            .flatten()
            .map(|&id| &self.bindings[id as usize])
            .filter(move |binding| binding.kind.import_path() == Some(path))
    }

    /// Every binding of `name`, in any scope, in source order.
    pub fn bindings_named(&self, name: &str) -> impl Iterator<Item = (BindingId, &Binding<'a>)> {
        self.bindings_by_name()
            .get(name)
            .into_iter()
            .flatten()
            .map(|&id| (id, &self.bindings[id as usize]))
    }

    /// Every read or deletion of `name`, in any scope, in source order.
    pub fn references_named(&self, name: &str) -> impl Iterator<Item = &Reference<'a>> {
        self.references_named_within(name, None)
    }

    /// The reads and deletions of `name` that start inside `range` (all of
    /// them for `None`), in source order: a binary search, not a scan.
    pub fn references_named_within(
        &self,
        name: &str,
        range: Option<TextRange>,
    ) -> impl Iterator<Item = &Reference<'a>> {
        let ids: &[u32] = self
            .references_by_name()
            .get(name)
            .map_or(&[], Vec::as_slice);
        let ids = match range {
            None => ids,
            Some(range) => {
                let start = |id: &u32| self.references[*id as usize].range.start();
                let from = ids.partition_point(|id| start(id) < range.start());
                let to = ids.partition_point(|id| start(id) <= range.end());
                &ids[from..to.max(from)]
            }
        };
        ids.iter().map(|&id| &self.references[id as usize])
    }

    /// The block and index of the statement that starts at `stmt_start`.
    pub fn stmt_location(&self, stmt_start: TextSize) -> Option<StmtLocation> {
        self.stmt_locations().get(&stmt_start).copied()
    }

    /// The innermost statement of `scope`'s own code that contains `offset`.
    pub fn innermost_stmt(&self, scope: ScopeId, offset: TextSize) -> Option<&'a Stmt> {
        use ruff_text_size::Ranged;
        let mut best: Option<&'a Stmt> = None;
        for suite in self.suites.iter().filter(|suite| suite.scope == scope) {
            let body: &'a [Stmt] = suite.body;
            let index = body.partition_point(|stmt| stmt.start() <= offset);
            let Some(stmt) = index.checked_sub(1).and_then(|i| body.get(i)) else {
                continue;
            };
            if stmt.range().contains_inclusive(offset)
                && best.is_none_or(|known| stmt.range().len() < known.range().len())
            {
                best = Some(stmt);
            }
        }
        best
    }

    /// The block a statement sits in.
    pub fn suite_of(&self, stmt: &Stmt) -> Option<(&Suite<'a>, usize)> {
        use ruff_text_size::Ranged;
        let location = self.stmt_location(stmt.start())?;
        Some((
            &self.suites[location.suite as usize],
            location.index as usize,
        ))
    }

    /// The statements that follow `stmt` in its block.
    pub fn following(&self, stmt: &Stmt) -> &'a [Stmt] {
        match self.suite_of(stmt) {
            Some((suite, index)) => &suite.body[index + 1..],
            None => &[],
        }
    }

    /// The qualified name an expression refers to at `scope`, following
    /// imports and aliases: `t.sleep` with `import time as t` is `time.sleep`,
    /// `nap` with `from time import sleep as nap` is `time.sleep`, and an
    /// unbound `input` is `builtins.input`. `None` when a name in the chain is
    /// a local variable, a parameter, bound more than one way, or may come from
    /// a star import.
    ///
    /// `None` when the import it goes through may find a module of the
    /// project instead of the library of that name (see
    /// [`Self::project_shadows`]): `subprocess.run` is not the standard
    /// library's when a `subprocess.py` of the project would be imported.
    pub fn qualified_name(&self, expr: &Expr, scope: ScopeId) -> Option<QualifiedName> {
        imports::qualified_name(self, expr, scope, true)
            .filter(|qualified| !self.project_shadows(qualified.as_str()))
    }

    /// The qualified name `expr` has unless a star import rebinds a name
    /// in it (see [`Self::star_import_may_rebind`]): for code that looks
    /// for a danger (a call that ties an object to the event loop), where
    /// a name that may be the dangerous one counts.
    pub fn qualified_name_unless_star_rebinds(
        &self,
        expr: &Expr,
        scope: ScopeId,
    ) -> Option<QualifiedName> {
        imports::qualified_name(self, expr, scope, false)
    }

    /// Whether `expr` refers to `qualified` (`"time.sleep"`): the answer
    /// [`Self::qualified_name`] gives, without building the name. Codemods ask
    /// this of every call they meet, so it rejects on the cheap facts first: the
    /// attribute chain must spell the tail of `qualified`, and a name must be
    /// the builtin or an import of exactly the rest.
    pub fn refers_to(&self, expr: &Expr, scope: ScopeId, qualified: &str) -> bool {
        match expr {
            Expr::Name(name) => {
                let id = name.id.as_str();
                if qualified.strip_prefix("builtins.") == Some(id)
                    && matches!(self.lookup(id, scope), Lookup::Builtin)
                {
                    return true;
                }
                self.imports_of(qualified).next().is_some()
                    && self.import_of(id, scope) == Some(qualified)
                    && !self.project_shadows(qualified)
            }
            Expr::Attribute(attribute) => {
                let Some(base) = qualified
                    .strip_suffix(attribute.attr.as_str())
                    .and_then(|rest| rest.strip_suffix('.'))
                else {
                    return false;
                };
                // `builtins.x.y` is an attribute of a builtin value, not a module path.
                !base.starts_with("builtins.") && self.refers_to(&attribute.value, scope, base)
            }
            _ => false,
        }
    }
}
