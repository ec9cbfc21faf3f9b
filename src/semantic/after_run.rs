//! What code that runs after a run of an event loop may still do with
//! the objects the run made: a coroutine of the module that keeps
//! something in module or class state (a `StreamWriter` appended to a
//! global list, a future stored in a dict, `current_task()` kept, a global
//! assigned), reached afterwards by the code that follows the run
//! (through an alias, an element, an attribute) and used by calling one
//! of its methods (`w.close()`, `f.cancel()`, `t.add_done_callback(cb)`);
//! and the run's own result, unless the coroutine surely gives back plain
//! data, used in any way after the run (read, passed on, iterated,
//! stored). Such an object may be bound to the loop the run ran on: what
//! it does depends on whether that loop is still open, still current, and
//! whether its leftover tasks were cancelled. Plain data use of kept state
//! (`len(KEPT)`) calls no method of the object.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashSet;

use super::imports::Lookup;
use super::scope::{MODULE_SCOPE, ScopeKind};
use super::{BindingKind, ScopeId, SemanticModel};

/// Methods that put something into the object they are called on: a
/// coroutine calling them on module state keeps what it hands them (a
/// generator's `send` hands it to code that may keep it: `futs.append((
/// yield))`).
const STORING_METHODS: &[&str] = &[
    "add",
    "append",
    "appendleft",
    "extend",
    "extendleft",
    "insert",
    "put",
    "put_nowait",
    "send",
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

/// Whether `predicate` holds for `expr` or any expression in it.
fn any_over(expr: &Expr, predicate: impl Fn(&Expr) -> bool) -> bool {
    ruff_python_ast::helpers::any_over_expr(expr, &predicate)
}

/// The target and iterable of every comprehension loop in `stmt`.
fn comprehension_loops(stmt: &Stmt) -> Vec<(&Expr, &Expr)> {
    use ruff_python_ast::visitor::{self, Visitor};
    struct Loops<'e>(Vec<(&'e Expr, &'e Expr)>);
    impl<'e> Visitor<'e> for Loops<'e> {
        fn visit_comprehension(&mut self, comprehension: &'e ast::Comprehension) {
            self.0.push((&comprehension.target, &comprehension.iter));
            visitor::walk_comprehension(self, comprehension);
        }
    }
    let mut loops = Loops(Vec::new());
    loops.visit_stmt(stmt);
    loops.0
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

/// Where code after a run of an event loop uses what the run gave back
/// (see [`SemanticModel::run_result_used_after`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultUsed {
    /// The variable the result is bound to and read through (`post`),
    /// `None` when the expression the run sits in uses it directly
    /// (`use(loop.run_until_complete(main()))`, `for f in …`, `x.attr =`).
    pub variable: Option<String>,
    /// The use: a read of the variable, or the run's own call.
    pub range: TextRange,
}

/// How deep [`SemanticModel::is_plain_data`] follows names, awaited
/// coroutines and classes.
const PLAIN_DEPTH: u8 = 10;

/// Builtins whose call makes a new `int`, `bool` or `str` whatever it is
/// given (`len` of anything is an exact `int`, `bool` has no subclass).
const PLAIN_BUILTINS: &[&str] = &[
    "len",
    "bool",
    "isinstance",
    "issubclass",
    "hasattr",
    "callable",
    "id",
    "hash",
    "ord",
    "chr",
];

/// The methods a class holding plain data may define among the special
/// ones: none of them keeps or hands out anything else.
const PLAIN_DUNDERS: &[&str] = &[
    "__init__",
    "__post_init__",
    "__repr__",
    "__str__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__len__",
    "__bool__",
];

/// How many calls deep the functions a coroutine calls are followed.
const CALLS_DEEP: usize = 4;

/// State a function keeps across its calls (see
/// `SemanticModel::state_kept_in_functions`).
#[derive(Debug, Clone, Copy)]
struct FunctionState<'a> {
    /// The name of the function that holds it.
    name: &'a str,
    /// Its scope: the functions within read the state.
    holder: ScopeId,
    what: FunctionStateKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FunctionStateKind {
    /// The cache of `functools.lru_cache` or `functools.cache`.
    Cache,
    /// A mutable default argument.
    Default,
    /// A variable of the function its closures share.
    Closure,
}

impl FunctionState<'_> {
    /// The state, for a message.
    fn described(&self) -> String {
        let name = self.name;
        match self.what {
            FunctionStateKind::Cache => format!("the cache of `{name}`"),
            FunctionStateKind::Default => format!("the mutable default argument of `{name}`"),
            FunctionStateKind::Closure => {
                format!("the variables of `{name}` its closures share")
            }
        }
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

    /// The module state a store through `root` (read in `scope`) puts
    /// something in: the module-level variable or class `root` names (see
    /// [`Self::module_state`]), or the class of the module a local `root`
    /// is made from (`c = Conn()`, then `c.registry.append(f)` fills the
    /// class attribute).
    fn stored_state(&self, root: &str, scope: ScopeId) -> Option<&'a str> {
        if let Some(state) = self.module_state(root, scope) {
            return Some(state);
        }
        let Lookup::Bound { bindings, .. } = self.lookup(root, scope) else {
            return None;
        };
        bindings.iter().find_map(|&id| {
            let binding = self.binding(id);
            let (_, Expr::Call(call)) = super::statements::single_assignment(binding.stmt?)? else {
                return None;
            };
            match self.callee(&call.func, binding.scope) {
                super::functions::Callee::Class(class) => Some(class.name.as_str()),
                _ => None,
            }
        })
    }

    /// The module-level variables into which a coroutine of the module
    /// stores something: assigned through `global`, an item or attribute
    /// set (`STATE["w"] = w`, `Bridge.post = …`), or a storing method called
    /// on them (`CONNS.append(w)`).
    pub fn module_state_kept_by_coroutines(&self) -> FxHashSet<&'a str> {
        let helpers = self.functions_run_by_coroutines();
        let mut kept = FxHashSet::default();
        for site in &self.calls {
            if !self.runs_in_coroutine(site.scope) && !self.in_any(site.scope, &helpers) {
                continue;
            }
            if let Expr::Attribute(attribute) = site.call.func.as_ref()
                && STORING_METHODS.contains(&attribute.attr.as_str())
                && let Some(root) = root_name(&attribute.value)
                && let Some(name) = self.stored_state(root.id.as_str(), site.scope)
            {
                kept.insert(name);
            }
        }
        for suite in self.keeping_suites(&helpers) {
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
        self.asyncio_objects_kept_by_coroutines().first().copied()
    }

    /// Every such store (see [`Self::asyncio_object_kept_by_coroutine`]),
    /// in the order the module's calls and then its statements are read.
    pub fn asyncio_objects_kept_by_coroutines(&self) -> Vec<(&'a str, TextSize)> {
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
        let helpers = self.functions_run_by_coroutines();
        let mut held_by: rustc_hash::FxHashMap<ScopeId, FxHashSet<&str>> = Default::default();
        // What a coroutine hands a function it calls may be anything
        // asyncio gave it.
        for &helper in &helpers {
            if let Some(def) = self.scope(helper).function() {
                held_by
                    .entry(helper)
                    .or_default()
                    .extend(def.parameters.iter().map(|p| p.name().as_str()));
            }
        }
        for _ in 0..3 {
            for suite in self.keeping_suites(&helpers) {
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
        let mut kept = Vec::new();
        for site in &self.calls {
            if !self.runs_in_coroutine_body(site.scope) && !self.in_any(site.scope, &helpers) {
                continue;
            }
            if let Expr::Attribute(attribute) = site.call.func.as_ref()
                && STORING_METHODS.contains(&attribute.attr.as_str())
                && let Some(root) = root_name(&attribute.value)
                && let Some(state) = self.stored_state(root.id.as_str(), site.scope)
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
                kept.push((state, site.call.start()));
            }
        }
        for suite in self.keeping_suites(&helpers) {
            for stmt in suite.body {
                let (targets, value): (&[Expr], &Expr) = match stmt {
                    Stmt::Assign(assign) => (&assign.targets, &assign.value),
                    // `_by_kind["a"] += [fut]`.
                    Stmt::AugAssign(assign) => {
                        (std::slice::from_ref(assign.target.as_ref()), &assign.value)
                    }
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
                        kept.push((state, stmt.start()));
                    }
                }
            }
        }
        kept
    }

    /// Where the module registers code to run at exit (`atexit`,
    /// `weakref.finalize`, `threading._register_atexit`) or starts a thread
    /// (`Thread`, `threading.Timer`, a thread pool, a `QueueListener`,
    /// `start_new_thread`), under any name an import gives them, or hands a
    /// process-wide registry a callback that holds a function's state (see
    /// [`Self::callback_outliving_its_function`]: `signal.signal(SIG,
    /// lambda *a: fut.cancel())` in a coroutine): code that may run after a
    /// run of an event loop returned. What and where.
    pub fn runs_code_later(&self) -> Option<(String, TextSize)> {
        self.registers_code_later()
            .or_else(|| self.callback_outliving_its_function())
    }

    fn registers_code_later(&self) -> Option<(String, TextSize)> {
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

    /// The first call that starts work in a loop's default executor and
    /// drops what it gives (a statement of its own, not awaited:
    /// `loop.run_in_executor(None, poll)`, `create_task(asyncio.to_thread(
    /// poll))`): the work may still run when the coroutine returns. Code
    /// that stops it after the run (`STOP.set()`) then runs before it is
    /// waited for where `run_until_complete` returned, and after it where
    /// `asyncio.run` shuts the default executor down and waits for it
    /// first (forever, for a poller waiting for that stop). The call.
    pub fn work_left_in_default_executor(&self) -> Option<&'a ast::ExprCall> {
        self.calls.iter().find_map(|site| {
            let call = site.call;
            let starts = match call.func.as_ref() {
                Expr::Attribute(attribute) if attribute.attr.as_str() == "run_in_executor" => {
                    matches!(call.arguments.find_argument_value("executor", 0), Some(Expr::NoneLiteral(_)))
                }
                _ => self
                    .qualified_name(&call.func, site.scope)
                    .is_some_and(|qualified| qualified.as_str() == "asyncio.to_thread"),
            };
            if !starts {
                return None;
            }
            let stmt = self.innermost_stmt(site.scope, call.start())?;
            let Stmt::Expr(statement) = stmt else {
                return None;
            };
            (!any_over(&statement.value, |expr| {
                matches!(expr, Expr::Await(awaited) if awaited.value.range().contains_range(call.range()))
            }))
            .then_some(call)
        })
    }

    /// The first call in a function (a coroutine, or code it may call) that
    /// hands a registry of the process, which outlives any run of an event
    /// loop, a callback holding the function's own state: `atexit.register`,
    /// `signal.signal`, `weakref.finalize`, `threading._register_atexit`,
    /// `sys.addaudithook`, a thread's `target`, given a lambda, a method of
    /// a local or of an attribute (`fut.cancel`, `self.close`), a local
    /// name or what a call makes (`functools.partial(…)`). Such a callback
    /// may hold what asyncio gave the function (a future, a task, the loop)
    /// and run after the run (at exit, on a signal the program sends
    /// itself): it then finds the loop closed where the code left it open.
    /// A module-level function handed over is its own code, read as such.
    /// What is called and where.
    pub fn callback_outliving_its_function(&self) -> Option<(String, TextSize)> {
        const REGISTRIES: &[&str] = &[
            "atexit.register",
            "signal.signal",
            "weakref.finalize",
            "threading._register_atexit",
            "sys.addaudithook",
            "threading.Thread",
            "threading.Timer",
        ];
        self.calls.iter().find_map(|site| {
            self.enclosing_function(site.scope)?;
            let qualified = self.qualified_name(&site.call.func, site.scope)?;
            if !REGISTRIES.contains(&qualified.as_str()) {
                return None;
            }
            let arguments = &site.call.arguments;
            let callbacks: Vec<&Expr> = match qualified.as_str() {
                "signal.signal" => arguments
                    .find_argument_value("handler", 1)
                    .into_iter()
                    .collect(),
                "weakref.finalize" => arguments.args.get(1).into_iter().collect(),
                "threading.Thread" => arguments
                    .find_keyword("target")
                    .map(|k| &k.value)
                    .into_iter()
                    .collect(),
                "threading.Timer" => arguments
                    .find_argument_value("function", 1)
                    .into_iter()
                    .collect(),
                _ => arguments.args.first().into_iter().collect(),
            };
            callbacks
                .into_iter()
                .any(|callback| self.holds_function_state(callback, site.scope))
                .then(|| (qualified.to_string(), site.call.start()))
        })
    }

    /// Whether a callback evaluated in `scope` (inside a function) may hold
    /// that function's state: a lambda, a name bound in a function or a
    /// method or item of what it holds (`fut.cancel`), or what a call gives
    /// (`partial(fut.cancel)`); not a module's function (`os.abort`) nor a
    /// module-level name.
    fn holds_function_state(&self, callback: &Expr, scope: ScopeId) -> bool {
        match callback {
            Expr::Lambda(_) | Expr::Call(_) => true,
            // A method of what a name of a function holds (`fut.cancel`,
            // `self.close`); not of a module or a module-level object,
            // which are the module's own state.
            Expr::Attribute(_) | Expr::Subscript(_) | Expr::Name(_) => {
                let Some(root) = root_name(callback) else {
                    return true;
                };
                match self.lookup(root.id.as_str(), scope) {
                    Lookup::Bound { scope: owner, .. } => self.enclosing_function(owner).is_some(),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// The first method call, in the code of `scope` that follows the
    /// statement holding `run` (a call that runs an event loop), on an
    /// object that run may have made and left in module state: module
    /// state a coroutine of the module keeps something in (see
    /// [`Self::module_state_kept_by_coroutines`]), or what is bound from
    /// it after the run (`for w in CONNS:`, `t = KEEP[0]`). The run's own
    /// result is [`Self::run_result_used_after`]'s.
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
        if held.is_empty() {
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
            // The variables of comprehensions over them (`[w.close() for
            // w in KEEP]`).
            for stmt in &following {
                for (target, iter) in comprehension_loops(stmt) {
                    changed |= bind_from(&mut held, &[target], iter);
                }
            }
            if !changed {
                break;
            }
        }
        let frame = self.frame_of(scope);
        self.calls
            .iter()
            .filter(|site| site.call.start() >= after)
            .filter(|site| self.frame_of(site.scope) == frame)
            .find_map(|site| {
                // A method of what they hold, or what they hold called
                // itself (`[h() for h in HOOKS]` on kept lambdas).
                let (root, method) = match site.call.func.as_ref() {
                    Expr::Attribute(attribute) => {
                        (root_name(&attribute.value)?, attribute.attr.to_string())
                    }
                    Expr::Name(name) => (name, String::new()),
                    _ => return None,
                };
                let name = root.id.as_str();
                if !held.contains(name) {
                    return None;
                }
                // Module state is read through the module's own binding;
                // a variable bound after the run through the run's scope
                // (or a comprehension in it).
                let module_state = self.module_state(name, site.scope).is_some();
                let local = self
                    .owner_scope(name, site.scope)
                    .is_some_and(|owner| self.frame_of(owner) == frame);
                (module_state || local).then(|| UsedAfterRun {
                    variable: name.to_string(),
                    method,
                    at: site.call.start(),
                    callee: site.call.func.range(),
                })
            })
    }

    /// The first call, in the code of `scope` that follows the statement
    /// holding `run`, of a function of the module that reads, itself or
    /// through the module's functions it calls (see
    /// [`Self::outer_uses_of_function`]), module state into which a
    /// coroutine of the module stores something asyncio gave it (see
    /// [`Self::asyncio_objects_kept_by_coroutines`]): `shutdown()` that
    /// cancels the futures `_PENDING` holds. A method call on a receiver
    /// the module does not show (`s.finish()` on what the run gave back)
    /// may run any method of that name the module's classes define; one
    /// of a class the coroutine stores into (`Report.waiters.append(f)`)
    /// reads that state through `self`. A function whose calls are too
    /// deep to read is taken to read it. The state's name and the call.
    pub fn kept_state_read_by_call_after(
        &self,
        run: &ast::ExprCall,
        scope: ScopeId,
    ) -> Option<(String, UsedAfterRun)> {
        let kept = self.asyncio_objects_kept_by_coroutines();
        let own = self.state_kept_in_functions();
        if kept.is_empty() && own.is_empty() {
            return None;
        }
        let after = self.innermost_stmt(scope, run.start())?.end();
        let kept_names: Vec<&'a str> = kept.iter().map(|&(name, _)| name).collect();
        let kept_classes: Vec<&'a ast::StmtClassDef> = kept_names
            .iter()
            .filter_map(|name| match self.lookup(name, MODULE_SCOPE) {
                Lookup::Bound { bindings, .. } => {
                    bindings.iter().find_map(|&id| match self.binding(id).kind {
                        BindingKind::ClassDef(class) => Some(class),
                        _ => None,
                    })
                }
                _ => None,
            })
            .collect();
        // The state a function reads: its own uses, or a class it is a
        // method of.
        let reads = |function: ScopeId| -> Option<String> {
            if let Some(state) = own
                .iter()
                .find(|state| self.is_within(function, state.holder))
            {
                return Some(state.described());
            }
            let this = self.scope(function);
            if let Some(parent) = this.parent
                && let super::scope::ScopeNode::Class(class) = self.scope(parent).node
                && let Some(kept_class) = kept_classes.iter().find(|c| std::ptr::eq(**c, class))
            {
                return Some(format!("`{}`", kept_class.name));
            }
            let uses = self.outer_uses_of_function(function);
            let read = kept_names
                .iter()
                .copied()
                .find(|name| uses.get(name, MODULE_SCOPE).is_some());
            match read {
                Some(name) => Some(format!("`{name}`")),
                None if !uses.complete => kept_names.first().map(|name| format!("`{name}`")),
                None => None,
            }
        };
        self.calls
            .iter()
            .filter(|site| site.call.start() >= after)
            .filter(|site| self.frame_of(site.scope) == self.frame_of(scope))
            .find_map(|site| {
                let mut functions =
                    self.functions_a_call_may_run_or_make(&site.call.func, site.scope);
                if functions.is_empty()
                    && let Expr::Attribute(attribute) = site.call.func.as_ref()
                {
                    // Any method of that name a class of the module defines.
                    functions.extend(self.scopes.iter().enumerate().filter_map(|(id, own)| {
                        let def = own.function()?;
                        let parent = own.parent?;
                        (def.name.as_str() == attribute.attr.as_str()
                            && matches!(self.scope(parent).node, super::scope::ScopeNode::Class(_)))
                        .then(|| ScopeId::try_from(id).ok())
                        .flatten()
                    }));
                }
                let state = functions.into_iter().find_map(reads)?;
                Some((
                    state.clone(),
                    UsedAfterRun {
                        variable: state,
                        method: match site.call.func.as_ref() {
                            Expr::Attribute(attribute) => attribute.attr.to_string(),
                            Expr::Name(name) => name.id.to_string(),
                            _ => String::new(),
                        },
                        at: site.call.start(),
                        callee: site.call.func.range(),
                    },
                ))
            })
    }

    /// The functions of the module (no coroutines) that a coroutine of the
    /// module may call, in turn too, a few calls deep: what they store
    /// (`remember(task)` that sets `STATE["task"] = task`) the coroutine
    /// keeps as if it stored it itself.
    fn functions_run_by_coroutines(&self) -> Vec<ScopeId> {
        let is_coroutine =
            |id: ScopeId| matches!(self.scope(id).kind, ScopeKind::Function { is_async: true });
        let mut frontier: FxHashSet<ScopeId> = (0..self.scopes.len())
            .filter_map(|id| ScopeId::try_from(id).ok())
            .filter(|&id| is_coroutine(id))
            .collect();
        let mut found = Vec::new();
        for _ in 0..CALLS_DEEP {
            if frontier.is_empty() {
                break;
            }
            let mut next = FxHashSet::default();
            for site in &self.calls {
                if !self.ancestors(site.scope).any(|id| frontier.contains(&id)) {
                    continue;
                }
                for function in self.functions_a_call_may_run_or_make(&site.call.func, site.scope) {
                    if !is_coroutine(function) && !found.contains(&function) {
                        found.push(function);
                        next.insert(function);
                    }
                }
            }
            frontier = next;
        }
        found
    }

    /// Whether `scope` is one of `functions` or nested in one.
    fn in_any(&self, scope: ScopeId, functions: &[ScopeId]) -> bool {
        self.ancestors(scope).any(|id| functions.contains(&id))
    }

    /// The blocks of the module's coroutines and of `helpers`.
    fn keeping_suites<'s>(
        &'s self,
        helpers: &'s [ScopeId],
    ) -> impl Iterator<Item = &'s super::Suite<'a>> {
        self.suites.iter().filter(move |suite| {
            matches!(
                self.scope(suite.scope).kind,
                ScopeKind::Function { is_async: true }
            ) || helpers.contains(&suite.scope)
        })
    }

    /// The functions of the module a call may run (see
    /// `functions_a_call_may_run`), and, for a name bound to what a call
    /// of a function of the module gave back (`add, get = make_tracker()`),
    /// the functions defined in that one: the closures it may return.
    fn functions_a_call_may_run_or_make(&self, func: &Expr, scope: ScopeId) -> Vec<ScopeId> {
        let mut found = self.functions_a_call_may_run(func, scope);
        let Expr::Name(name) = func else {
            return found;
        };
        let Lookup::Bound { bindings, .. } = self.lookup(name.id.as_str(), scope) else {
            return found;
        };
        for &id in bindings {
            let binding = self.binding(id);
            if !matches!(binding.kind, BindingKind::Assignment) {
                continue;
            }
            let Some(Expr::Call(call)) = binding.stmt.and_then(super::statements::statement_value)
            else {
                continue;
            };
            for maker in self.functions_a_call_may_run(&call.func, binding.scope) {
                for (id, nested) in self.scopes.iter().enumerate() {
                    if let Ok(id) = ScopeId::try_from(id)
                        && nested.parent == Some(maker)
                        && nested.function().is_some()
                        && !found.contains(&id)
                    {
                        found.push(id);
                    }
                }
            }
        }
        found
    }

    /// State a function of the module that a coroutine calls (see
    /// [`Self::functions_run_by_coroutines`]) keeps across its calls, which
    /// a later call of it (or of a closure sharing it) reads: the cache of
    /// a `functools.lru_cache` or `functools.cache` function that does not
    /// surely give back plain data, a mutable default argument it stores
    /// into (`def track(t, _seen=[]): _seen.append(t)`), or a variable of an
    /// enclosing function its closures share (`items.append(t)`).
    fn state_kept_in_functions(&self) -> Vec<FunctionState<'a>> {
        let helpers = self.functions_run_by_coroutines();
        let mut kept: Vec<FunctionState<'a>> = Vec::new();
        let mut keep = |state: FunctionState<'a>| {
            if !kept
                .iter()
                .any(|k| k.holder == state.holder && k.what == state.what)
            {
                kept.push(state);
            }
        };
        for &helper in &helpers {
            let Some(def) = self.scope(helper).function() else {
                continue;
            };
            let cached = def.decorator_list.iter().any(|decorator| {
                let expr = match &decorator.expression {
                    Expr::Call(call) => call.func.as_ref(),
                    other => other,
                };
                let parent = self.scope(helper).parent.unwrap_or(MODULE_SCOPE);
                self.qualified_name(expr, parent).is_some_and(|q| {
                    matches!(q.as_str(), "functools.lru_cache" | "functools.cache")
                })
            });
            if cached && !self.returns_plain_data(def, &[], 0) {
                keep(FunctionState {
                    name: def.name.as_str(),
                    holder: helper,
                    what: FunctionStateKind::Cache,
                });
            }
        }
        // Stores into a mutable default or a variable of an enclosing
        // function, by a storing method or an item or attribute set.
        let mut stored: Vec<(&'a ast::ExprName, ScopeId)> = Vec::new();
        for site in &self.calls {
            if let Expr::Attribute(attribute) = site.call.func.as_ref()
                && STORING_METHODS.contains(&attribute.attr.as_str())
                && let Some(root) = root_name(&attribute.value)
                && self.in_any(site.scope, &helpers)
            {
                stored.push((root, site.scope));
            }
        }
        for suite in self.keeping_suites(&helpers) {
            if !helpers.contains(&suite.scope) {
                continue;
            }
            for stmt in suite.body {
                let targets: &[Expr] = match stmt {
                    Stmt::Assign(assign) => &assign.targets,
                    Stmt::AugAssign(assign) => std::slice::from_ref(assign.target.as_ref()),
                    Stmt::AnnAssign(assign) if assign.value.is_some() => {
                        std::slice::from_ref(assign.target.as_ref())
                    }
                    _ => continue,
                };
                for target in targets {
                    let mut names = Vec::new();
                    match target {
                        Expr::Attribute(_) | Expr::Subscript(_) => names.extend(root_name(target)),
                        _ => target_names(target, &mut names),
                    }
                    stored.extend(names.into_iter().map(|name| (name, suite.scope)));
                }
            }
        }
        for (name, at) in stored {
            let frame = self.frame_of(at);
            let Lookup::Bound {
                scope: owner,
                bindings,
            } = self.lookup(name.id.as_str(), at)
            else {
                continue;
            };
            if owner == frame {
                // A parameter whose default is a mutable display.
                let Some(def) = self.scope(frame).function() else {
                    continue;
                };
                let mutable_default = bindings
                    .iter()
                    .all(|&id| matches!(self.binding(id).kind, BindingKind::Parameter))
                    && def.parameters.iter().any(|parameter| {
                        parameter.name().as_str() == name.id.as_str()
                            && parameter.default().is_some_and(|default| {
                                matches!(
                                    default,
                                    Expr::List(_)
                                        | Expr::Dict(_)
                                        | Expr::Set(_)
                                        | Expr::ListComp(_)
                                        | Expr::DictComp(_)
                                        | Expr::SetComp(_)
                                )
                            })
                    });
                if mutable_default {
                    keep(FunctionState {
                        name: def.name.as_str(),
                        holder: frame,
                        what: FunctionStateKind::Default,
                    });
                }
            } else if let Some(def) = self.scope(owner).function() {
                keep(FunctionState {
                    name: def.name.as_str(),
                    holder: owner,
                    what: FunctionStateKind::Closure,
                });
            }
        }
        kept
    }

    /// Whether awaiting `call` (a call in `scope` of an `async def` of the
    /// module) surely gives back plain data, which cannot hold an event
    /// loop: every `return` of the coroutine (falling off its end gives
    /// `None`) gives a literal (str, bytes, a number, `None`, a bool), an
    /// f-string, a tuple, list, set or dict of plain data, an operation on
    /// plain data, a local variable only ever assigned plain data, the
    /// awaited result of another such coroutine of the module, or an
    /// instance of a class of the module that holds plain data (see
    /// [`Self::class_holds_plain_data`]) made from plain data.
    pub fn coroutine_gives_plain_data(&self, call: &ast::ExprCall, scope: ScopeId) -> bool {
        self.coroutine_gives_plain_data_at(call, scope, 0)
    }

    fn coroutine_gives_plain_data_at(
        &self,
        call: &ast::ExprCall,
        scope: ScopeId,
        depth: u8,
    ) -> bool {
        if depth > PLAIN_DEPTH {
            return false;
        }
        if let Some(def) = self.coroutine_function(&call.func, scope) {
            let params = self.plain_arguments(def, call, scope, depth);
            return self.function_gives_plain_data_at(def, &params, depth);
        }
        // An `async def` of another module: its summary says.
        self.imported_coroutine_function(&call.func, scope)
            .is_some_and(|function| {
                function.evidence == super::receivers::ClassEvidence::Made
                    && function.facts.is_async
                    && function.facts.gives_plain_data
            })
    }

    /// Whether every `return` of `def` (an undecorated `def` of the module)
    /// surely gives back plain data (see
    /// [`Self::coroutine_gives_plain_data`]), following only the module's
    /// own code: for the project index's summary of the function.
    pub fn function_gives_plain_data(&self, def: &ast::StmtFunctionDef) -> bool {
        self.function_gives_plain_data_at(def, &[], 0)
    }

    /// The parameters of `def` that `call` (in `scope`) gives plain data
    /// that cannot change (no list, dict or set, which the coroutine may
    /// fill): given in the call, or left to a default that is such data.
    fn plain_arguments<'d>(
        &self,
        def: &'d ast::StmtFunctionDef,
        call: &ast::ExprCall,
        scope: ScopeId,
        depth: u8,
    ) -> Vec<&'d str> {
        let arguments = &call.arguments;
        if arguments.args.iter().any(Expr::is_starred_expr)
            || arguments
                .keywords
                .iter()
                .any(|keyword| keyword.arg.is_none())
        {
            return Vec::new();
        }
        let fixed = |expr: &Expr| {
            !any_over(expr, |e| {
                matches!(
                    e,
                    Expr::List(_) | Expr::Dict(_) | Expr::Set(_) | Expr::Call(_)
                )
            })
        };
        let Some(def_scope) = self.scope_of_function(def) else {
            return Vec::new();
        };
        let defining = self.scope(def_scope).parent.unwrap_or(MODULE_SCOPE);
        let mut plain = Vec::new();
        let positional = def
            .parameters
            .posonlyargs
            .iter()
            .chain(&def.parameters.args);
        for (index, parameter) in positional.enumerate() {
            let name = parameter.parameter.name.as_str();
            let given = arguments.args.get(index).or_else(|| {
                (index >= def.parameters.posonlyargs.len())
                    .then(|| arguments.find_keyword(name).map(|keyword| &keyword.value))
                    .flatten()
            });
            let fine = match (given, parameter.default.as_deref()) {
                (Some(value), _) => {
                    fixed(value) && self.is_plain_data(value, scope, &[], depth + 1)
                }
                (None, Some(default)) => {
                    fixed(default) && self.is_plain_data(default, defining, &[], depth + 1)
                }
                (None, None) => false,
            };
            if fine {
                plain.push(name);
            }
        }
        for parameter in &def.parameters.kwonlyargs {
            let name = parameter.parameter.name.as_str();
            let given = arguments.find_keyword(name).map(|keyword| &keyword.value);
            let fine = match (given, parameter.default.as_deref()) {
                (Some(value), _) => {
                    fixed(value) && self.is_plain_data(value, scope, &[], depth + 1)
                }
                (None, Some(default)) => {
                    fixed(default) && self.is_plain_data(default, defining, &[], depth + 1)
                }
                (None, None) => false,
            };
            if fine {
                plain.push(name);
            }
        }
        plain
    }

    fn function_gives_plain_data_at(
        &self,
        def: &ast::StmtFunctionDef,
        params: &[&str],
        depth: u8,
    ) -> bool {
        def.decorator_list.is_empty() && self.returns_plain_data(def, params, depth)
    }

    /// Whether every `return` of `def`'s body (whatever decorates it)
    /// surely gives back plain data; see
    /// [`Self::function_gives_plain_data`].
    fn returns_plain_data(&self, def: &ast::StmtFunctionDef, params: &[&str], depth: u8) -> bool {
        if super::functions::is_generator(def) {
            return false;
        }
        let Some(body_scope) = self.scope_of_function(def) else {
            return false;
        };
        let mut returns = super::coroutines::ReturnFinder::default();
        {
            use ruff_python_ast::visitor::Visitor;
            returns.visit_body(&def.body);
        }
        returns
            .values
            .iter()
            .all(|value| self.is_plain_data(value, body_scope, params, depth + 1))
    }

    /// Whether `expr`, evaluated in `scope`, surely is plain data (see
    /// [`Self::coroutine_gives_plain_data`]), given that the parameters
    /// `params` of the function it is in hold plain data.
    fn is_plain_data(&self, expr: &Expr, scope: ScopeId, params: &[&str], depth: u8) -> bool {
        if depth > PLAIN_DEPTH {
            return false;
        }
        let plain = |expr: &Expr| self.is_plain_data(expr, scope, params, depth);
        match expr {
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            // An f-string makes a new `str`, whatever it formats.
            | Expr::FString(_) => true,
            Expr::Tuple(tuple) => tuple.iter().all(plain),
            Expr::List(list) => list.iter().all(plain),
            Expr::Set(set) => set.iter().all(plain),
            Expr::Dict(dict) => dict.items.iter().all(|item| {
                item.key.as_ref().is_some_and(plain) && plain(&item.value)
            }),
            Expr::UnaryOp(op) => plain(&op.operand),
            Expr::BinOp(op) => plain(&op.left) && plain(&op.right),
            Expr::BoolOp(op) => op.values.iter().all(plain),
            Expr::Compare(compare) => {
                plain(&compare.left) && compare.comparators.iter().all(plain)
            }
            Expr::If(if_expr) => plain(&if_expr.body) && plain(&if_expr.orelse),
            Expr::Await(await_expr) => match await_expr.value.as_ref() {
                Expr::Call(call) => self.coroutine_gives_plain_data_at(call, scope, depth + 1),
                _ => false,
            },
            // Builtins that make a new `int`, `bool` or `str` of anything.
            Expr::Call(call)
                if self.qualified_name(&call.func, scope).is_some_and(|q| {
                    PLAIN_BUILTINS
                        .iter()
                        .any(|builtin| q.as_str().strip_prefix("builtins.") == Some(builtin))
                }) =>
            {
                call.arguments.keywords.is_empty()
            }
            Expr::Call(call) => {
                let super::Callee::Class(class) = self.callee(&call.func, scope) else {
                    return false;
                };
                call.arguments.args.iter().all(|arg| !arg.is_starred_expr() && plain(arg))
                    && call
                        .arguments
                        .keywords
                        .iter()
                        .all(|keyword| keyword.arg.is_some() && plain(&keyword.value))
                    && self.class_holds_plain_data(class, depth + 1)
            }
            Expr::Name(name) => self.local_holds_plain_data(name, scope, params, depth + 1),
            _ => false,
        }
    }

    /// Whether the local variable `name` (read in `scope`, a function)
    /// only ever holds plain data: every binding of it is an assignment of
    /// plain data, no `global` or `nonlocal` reaches it, and when a value
    /// is a container that may change (a list, dict or set), nothing but
    /// the function's `return`s reads it.
    fn local_holds_plain_data(
        &self,
        name: &ast::ExprName,
        scope: ScopeId,
        params: &[&str],
        depth: u8,
    ) -> bool {
        let id = name.id.as_str();
        if !matches!(self.scope(scope).kind, super::ScopeKind::Function { .. })
            || self.is_declared_global_or_nonlocal(id)
        {
            return false;
        }
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(id, scope)
        else {
            return false;
        };
        if owner != scope || bindings.is_empty() {
            return false;
        }
        let mut mutable = false;
        for &binding_id in bindings {
            let binding = self.binding(binding_id);
            if matches!(binding.kind, BindingKind::Parameter) && params.contains(&id) {
                continue;
            }
            if !matches!(binding.kind, BindingKind::Assignment) {
                return false;
            }
            let is_target =
                |target: &Expr| matches!(target, Expr::Name(t) if t.range == binding.range);
            let value = match binding.stmt {
                Some(Stmt::Assign(assign)) if assign.targets.iter().all(is_target) => {
                    &*assign.value
                }
                Some(Stmt::AnnAssign(assign)) if is_target(&assign.target) => {
                    match assign.value.as_deref() {
                        Some(value) => value,
                        None => return false,
                    }
                }
                _ => return false,
            };
            if !self.is_plain_data(value, scope, params, depth) {
                return false;
            }
            mutable |= any_over(value, |e| {
                matches!(
                    e,
                    Expr::List(_) | Expr::Dict(_) | Expr::Set(_) | Expr::Call(_)
                )
            });
        }
        if mutable {
            let mut returns = super::coroutines::ReturnFinder::default();
            if let super::ScopeNode::Function(def) = self.scope(scope).node {
                use ruff_python_ast::visitor::Visitor;
                returns.visit_body(&def.body);
            } else {
                return false;
            }
            let returned: Vec<TextRange> = returns.values.iter().map(|v| v.range()).collect();
            let read_elsewhere = self.uses_of(id, owner).iter().any(|u| {
                u.kind != super::UseKind::Write
                    && !returned.iter().any(|r| r.contains_range(u.range))
            });
            if read_elsewhere {
                return false;
            }
        }
        true
    }

    /// Whether the instances of `class` (a class of the module) hold
    /// plain data when made from plain data: no base but `object`, no
    /// decorator but `dataclasses.dataclass`, a body of methods, docstrings
    /// and plain class attributes, no special method that may keep or hand
    /// out anything else (`__getattr__`, `__new__`, `__del__`), every
    /// attribute its methods set given plain data (or, in `__init__`, one
    /// of its parameters, which the call gives), no `setattr` or
    /// `__dict__`, and nothing of asyncio read anywhere in it.
    pub fn class_holds_plain_data(&self, class: &ast::StmtClassDef, depth: u8) -> bool {
        if depth > PLAIN_DEPTH {
            return false;
        }
        let outer = self.scope_at(class.start());
        if class.arguments.as_ref().is_some_and(|arguments| {
            !arguments.keywords.is_empty()
                || arguments.args.iter().any(|base| {
                    !self
                        .qualified_name(base, outer)
                        .is_some_and(|q| q.is("builtins.object"))
                })
        }) {
            return false;
        }
        let dataclass = |expr: &Expr| {
            self.qualified_name(expr, outer)
                .is_some_and(|q| q.is("dataclasses.dataclass"))
        };
        if !class
            .decorator_list
            .iter()
            .all(|decorator| match &decorator.expression {
                Expr::Call(call) => {
                    dataclass(&call.func)
                        && call
                            .arguments
                            .keywords
                            .iter()
                            .all(|k| matches!(k.value, Expr::BooleanLiteral(_)))
                        && call.arguments.args.is_empty()
                }
                expr => dataclass(expr),
            })
        {
            return false;
        }
        let class_scope = class
            .body
            .first()
            .map_or(outer, |stmt| self.scope_at(stmt.start()));
        for stmt in &class.body {
            let fine = match stmt {
                Stmt::Pass(_) => true,
                Stmt::Expr(expr) => expr.value.is_string_literal_expr(),
                Stmt::Assign(assign) => {
                    assign.targets.iter().all(Expr::is_name_expr)
                        && self.is_plain_data(&assign.value, class_scope, &[], depth + 1)
                }
                Stmt::AnnAssign(assign) => {
                    assign.target.is_name_expr()
                        && assign.value.as_deref().is_none_or(|value| {
                            self.is_plain_data(value, class_scope, &[], depth + 1)
                        })
                }
                Stmt::FunctionDef(def) => {
                    let name = def.name.as_str();
                    (!name.starts_with("__") || PLAIN_DUNDERS.contains(&name))
                        && !def.is_async
                        && def.decorator_list.is_empty()
                        && self.method_keeps_plain_data(def, depth + 1)
                }
                _ => false,
            };
            if !fine {
                return false;
            }
        }
        // Nothing of asyncio, no `setattr`, `__dict__` or `vars()`.
        let mut names = Vec::new();
        for stmt in &class.body {
            if let Stmt::FunctionDef(def) = stmt {
                for inner in &def.body {
                    use ruff_python_ast::visitor::{self, Visitor};
                    struct All<'e, 'o>(&'o mut Vec<&'e Expr>);
                    impl<'e> Visitor<'e> for All<'e, '_> {
                        fn visit_expr(&mut self, expr: &'e Expr) {
                            self.0.push(expr);
                            visitor::walk_expr(self, expr);
                        }
                    }
                    All(&mut names).visit_stmt(inner);
                }
            }
        }
        !names.iter().any(|expr| match expr {
            Expr::Name(name) => {
                let at = self.scope_at(name.start());
                let id = name.id.as_str();
                matches!(id, "setattr" | "vars" | "globals" | "exec" | "eval")
                    || self
                        .import_of(id, at)
                        .is_some_and(|path| path == "asyncio" || path.starts_with("asyncio."))
            }
            Expr::Attribute(attribute) => attribute.attr.as_str() == "__dict__",
            _ => false,
        })
    }

    /// Whether every attribute the method `def` sets (`x.attr = value`,
    /// also augmented or annotated) is given plain data, or in
    /// `__init__` one of its parameters, and it sets no item of one.
    fn method_keeps_plain_data(&self, def: &ast::StmtFunctionDef, depth: u8) -> bool {
        let Some(scope) = self.scope_of_function(def) else {
            return false;
        };
        let params: Vec<&str> = if def.name.as_str() == "__init__" {
            def.parameters
                .iter_non_variadic_params()
                .map(|p| p.parameter.name.as_str())
                .collect()
        } else {
            Vec::new()
        };
        let value_fine = |value: &Expr| match value {
            Expr::Name(name) if params.contains(&name.id.as_str()) => {
                self.owner_scope(name.id.as_str(), scope) == Some(scope)
                    && self
                        .bindings_in(scope, name.id.as_str())
                        .is_some_and(|b| b.len() == 1)
            }
            value => self.is_plain_data(value, scope, &[], depth),
        };
        let mut fine = true;
        for suite in self.suites.iter().filter(|suite| {
            suite
                .body
                .first()
                .is_some_and(|stmt| def.range().contains_range(stmt.range()))
        }) {
            for stmt in suite.body {
                if !def.range().contains_range(stmt.range()) {
                    continue;
                }
                let (targets, value): (Vec<&Expr>, Option<&Expr>) = match stmt {
                    Stmt::Assign(assign) => (assign.targets.iter().collect(), Some(&assign.value)),
                    Stmt::AnnAssign(assign) => (vec![&assign.target], assign.value.as_deref()),
                    Stmt::AugAssign(assign) => (vec![&assign.target], Some(&assign.value)),
                    Stmt::For(for_stmt) => (vec![&for_stmt.target], None),
                    Stmt::With(with) => (
                        with.items
                            .iter()
                            .filter_map(|i| i.optional_vars.as_deref())
                            .collect(),
                        None,
                    ),
                    _ => continue,
                };
                for target in targets {
                    let stores = any_over(target, |e| {
                        matches!(e, Expr::Attribute(_) | Expr::Subscript(_))
                    });
                    if stores {
                        let direct = matches!(target, Expr::Attribute(a)
                            if a.value.is_name_expr());
                        fine &= direct && value.is_some_and(value_fine);
                    }
                }
            }
        }
        fine
    }

    /// Where the code after `run` (a call running an event loop, in
    /// `scope`) uses what the run gave back, when that may hold the loop:
    /// the run's coroutine is not shown to give back plain data (see
    /// [`Self::coroutine_gives_plain_data`]), and the run is not a
    /// statement of its own. Its result may then be a future or task, a
    /// bound method of the loop, a closure or `functools.partial` over it,
    /// or a container of those, and any use of it after the run — read,
    /// passed on, iterated, stored where later code reads it — may find
    /// the loop closed. The first such use.
    pub fn run_result_used_after(&self, run: &ast::ExprCall, scope: ScopeId) -> Option<ResultUsed> {
        let run_stmt = self.innermost_stmt(scope, run.start())?;
        if let Stmt::Expr(statement) = run_stmt
            && statement.value.range() == run.range()
        {
            return None;
        }
        if let [Expr::Call(coroutine)] = &run.arguments.args[..]
            && run.arguments.keywords.is_empty()
            && self.coroutine_gives_plain_data(coroutine, scope)
        {
            return None;
        }
        let targets: Vec<&Expr> = match run_stmt {
            Stmt::Assign(assign) if assign.value.range() == run.range() => {
                assign.targets.iter().collect()
            }
            Stmt::AnnAssign(assign)
                if assign.value.as_deref().map(Ranged::range) == Some(run.range()) =>
            {
                vec![&assign.target]
            }
            // Used by the expression or statement it sits in.
            _ => {
                return Some(ResultUsed {
                    variable: None,
                    range: run.range(),
                });
            }
        };
        let mut names = Vec::new();
        for target in targets {
            match target {
                Expr::Name(_) | Expr::Tuple(_) | Expr::List(_) => target_names(target, &mut names),
                // `app.state = …`: stored where any code may read it.
                _ => {
                    return Some(ResultUsed {
                        variable: None,
                        range: target.range(),
                    });
                }
            }
        }
        let frame = self.frame_of(scope);
        names
            .iter()
            .filter_map(|name| {
                let id = name.id.as_str();
                let owner = self.owner_scope(id, scope)?;
                let mut uses: Vec<TextRange> = self
                    .uses_of(id, owner)
                    .into_iter()
                    .filter(|u| {
                        matches!(u.kind, super::UseKind::Read | super::UseKind::Declaration)
                            && (self.frame_of(u.scope) != frame
                                || u.range.start() >= run_stmt.end())
                    })
                    .map(|u| u.range)
                    .collect();
                // Another module may import the module's variable.
                if owner == MODULE_SCOPE
                    && self
                        .project()
                        .is_some_and(|project| project.others_may_read(id))
                {
                    uses.push(name.range());
                }
                uses.sort_by_key(|range| range.start());
                uses.first().map(|&range| ResultUsed {
                    variable: Some(id.to_string()),
                    range,
                })
            })
            .min_by_key(|used| used.range.start())
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

    fn read_by_call_after(source: &str) -> Option<(String, String)> {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let site = semantic.calls.iter().find(|site| {
            matches!(site.call.func.as_ref(), Expr::Attribute(attribute)
                if attribute.attr.as_str() == "run_until_complete")
        })?;
        semantic
            .kept_state_read_by_call_after(site.call, site.scope)
            .map(|(state, used)| (state, used.method))
    }

    #[test]
    fn kept_state_read_by_functions_and_methods_after_the_run() {
        let head = "import asyncio\nKEEP = []\nCOUNT = [0]\ndef stop():\n    for f in KEEP:\n        f.cancel()\ndef count():\n    return COUNT[0]\nclass R:\n    def close(self):\n        stop()\n    def size(self):\n        return 1\nasync def main():\n    KEEP.append(asyncio.current_task())\n    COUNT[0] += 1\n    return R()\n";
        let run = "r = asyncio.get_event_loop().run_until_complete(main())\n";
        assert_eq!(
            read_by_call_after(&format!("{head}{run}stop()\n")),
            Some(("`KEEP`".to_string(), "stop".to_string()))
        );
        // A method of a receiver the module does not show, one call away.
        assert_eq!(
            read_by_call_after(&format!("{head}{run}r.close()\n")),
            Some(("`KEEP`".to_string(), "close".to_string()))
        );
        // Functions and methods that read other state, and builtins.
        assert_eq!(
            read_by_call_after(&format!("{head}{run}print(count(), r.size())\n")),
            None
        );
        // A class the coroutine stores into is read through `self`.
        assert_eq!(
            read_by_call_after(
                "import asyncio\nclass R:\n    waiters = []\n    def close(self):\n        return self.waiters\nasync def main():\n    R.waiters.append(asyncio.current_task())\n    return R()\nr = asyncio.get_event_loop().run_until_complete(main())\nr.close()\n"
            ),
            Some(("`R`".to_string(), "close".to_string()))
        );
    }

    #[test]
    fn state_kept_by_functions_a_coroutine_calls() {
        let run = "r = asyncio.get_event_loop().run_until_complete(main())\n";
        // Module state a plain function stores what the coroutine hands it in.
        assert_eq!(
            used_after(&format!(
                "import asyncio\nSTATE = {{}}\ndef remember(t):\n    STATE['t'] = t\nasync def main():\n    remember(asyncio.current_task())\n{run}STATE['t'].cancel()\n"
            )),
            Some(("STATE".to_string(), "cancel".to_string()))
        );
        // Two calls deep, into a class attribute.
        assert_eq!(
            used_after(&format!(
                "import asyncio\nclass R:\n    tasks = []\ndef add(t):\n    R.tasks.append(t)\ndef track(t):\n    add(t)\nasync def main():\n    track(asyncio.current_task())\n{run}R.tasks[0].cancel()\n"
            )),
            Some(("R".to_string(), "cancel".to_string()))
        );
        // A mutable default, a cache and the closures' shared variables,
        // read by a later call.
        assert_eq!(
            read_by_call_after(&format!(
                "import asyncio\ndef seen(t=None, _all=[]):\n    _all.append(t)\n    return _all\nasync def main():\n    seen(asyncio.current_task())\n{run}seen()\n"
            )),
            Some((
                "the mutable default argument of `seen`".to_string(),
                "seen".to_string()
            ))
        );
        assert_eq!(
            read_by_call_after(&format!(
                "import asyncio\nimport functools\n@functools.lru_cache(None)\ndef lp():\n    return asyncio.get_running_loop()\nasync def main():\n    lp()\n{run}lp()\n"
            )),
            Some(("the cache of `lp`".to_string(), "lp".to_string()))
        );
        assert_eq!(
            read_by_call_after(&format!(
                "import asyncio\ndef make():\n    items = []\n    def add(t):\n        items.append(t)\n    def get():\n        return items\n    return add, get\nadd, get = make()\nasync def main():\n    add(asyncio.current_task())\n{run}get()\n"
            )),
            Some((
                "the variables of `make` its closures share".to_string(),
                "get".to_string()
            ))
        );
        // A cache of plain data, and a function no coroutine calls.
        assert_eq!(
            read_by_call_after(&format!(
                "import asyncio\nimport functools\n@functools.cache\ndef name():\n    return 'x'\nasync def main():\n    name()\n{run}name()\n"
            )),
            None
        );
        assert_eq!(
            read_by_call_after(&format!(
                "import asyncio\ndef seen(t=None, _all=[]):\n    _all.append(t)\n    return _all\nasync def main():\n    pass\n{run}seen()\n"
            )),
            None
        );
    }

    #[test]
    fn kept_through_instances_augmented_items_and_comprehensions() {
        let run = "r = asyncio.get_event_loop().run_until_complete(main())\n";
        // Through an instance of a class of the module, into its class list.
        assert_eq!(
            read_by_call_after(&format!(
                "import asyncio\nclass Conn:\n    registry = []\n    @classmethod\n    def close_all(cls):\n        for f in cls.registry:\n            f.cancel()\nasync def main():\n    c = Conn()\n    c.registry.append(asyncio.current_task())\n{run}Conn.close_all()\n"
            )),
            Some(("`Conn`".to_string(), "close_all".to_string()))
        );
        // An augmented item.
        assert_eq!(
            read_by_call_after(&format!(
                "import asyncio\nBY = {{'a': []}}\ndef shutdown():\n    for f in BY.get('a'):\n        f.cancel()\nasync def main():\n    BY['a'] += [asyncio.current_task()]\n{run}shutdown()\n"
            )),
            Some(("`BY`".to_string(), "shutdown".to_string()))
        );
        // A comprehension over kept state, calling a method or the element.
        assert_eq!(
            used_after(&format!(
                "import asyncio\nKEEP = []\nasync def main():\n    KEEP.append(asyncio.current_task())\n{run}[w.cancel() for w in KEEP]\n"
            )),
            Some(("w".to_string(), "cancel".to_string()))
        );
        assert_eq!(
            used_after(&format!(
                "import asyncio\nHOOKS = []\nasync def main():\n    fut = asyncio.get_running_loop().create_future()\n    HOOKS.append(lambda: fut.cancel())\n{run}[h() for h in HOOKS]\n"
            )),
            Some(("h".to_string(), String::new()))
        );
        // Plain data read from a comprehension calls nothing kept.
        assert_eq!(
            used_after(&format!(
                "import asyncio\nKEEP = []\nasync def main():\n    KEEP.append(asyncio.current_task())\n{run}print([len(str(w)) for w in KEEP])\n"
            )),
            None
        );
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
        // Handed to a generator that keeps it, closed after the run.
        assert_eq!(
            used_after(
                "import asyncio\nTRACK = tracker()\nasync def main():\n    TRACK.send(asyncio.current_task())\nasyncio.get_event_loop().run_until_complete(main())\nTRACK.close()\n"
            ),
            Some(("TRACK".to_string(), "close".to_string()))
        );
    }

    #[test]
    fn the_result_and_globals_assigned_by_coroutines() {
        // The run's result is `run_result_used_after`'s.
        assert_eq!(
            used_after(
                "import asyncio\nasync def main():\n    return asyncio.get_running_loop().create_future()\nresult = asyncio.get_event_loop().run_until_complete(main())\nresult.cancel()\n"
            ),
            None
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

    #[test]
    fn callbacks_handed_to_registries_of_the_process() {
        let registered = |source: &str| {
            let parsed = parse(source).unwrap();
            let semantic = SemanticModel::build(parsed.syntax());
            semantic
                .callback_outliving_its_function()
                .map(|(registry, _)| registry)
        };
        for (source, registry) in [
            (
                "import asyncio, atexit\nasync def f():\n    fut = asyncio.get_running_loop().create_future()\n    atexit.register(fut.cancel)\n",
                "atexit.register",
            ),
            (
                "import signal\nasync def f(fut):\n    signal.signal(signal.SIGUSR1, lambda *a: fut.cancel())\n",
                "signal.signal",
            ),
            (
                "import weakref, functools\ndef keep(h, fut):\n    weakref.finalize(h, functools.partial(fut.cancel))\n",
                "weakref.finalize",
            ),
            (
                "from threading import Thread\nasync def f(w):\n    Thread(target=w.close).start()\n",
                "threading.Thread",
            ),
        ] {
            assert_eq!(registered(source), Some(registry.to_string()), "{source}");
        }
        // Module-level functions, at the top level or handed by a function,
        // are read as their own code.
        for source in [
            "import atexit, signal\ndef report():\n    pass\nasync def f():\n    atexit.register(report)\n    signal.signal(signal.SIGUSR1, report)\n",
            "import atexit\natexit.register(lambda: print('bye'))\n",
            "import atexit, os\ndef f():\n    atexit.register(os.abort)\n",
        ] {
            assert_eq!(registered(source), None, "{source}");
        }
    }

    #[test]
    fn work_dropped_in_the_default_executor() {
        let dropped = |source: &str| {
            let parsed = parse(source).unwrap();
            let semantic = SemanticModel::build(parsed.syntax());
            semantic.work_left_in_default_executor().is_some()
        };
        assert!(dropped(
            "import asyncio\nasync def f(poll):\n    asyncio.get_running_loop().run_in_executor(None, poll)\n"
        ));
        assert!(dropped(
            "import asyncio\nasync def f(poll):\n    asyncio.create_task(asyncio.to_thread(poll))\n"
        ));
        // Awaited, stored, or on an executor of its own.
        assert!(!dropped(
            "import asyncio\nasync def f(poll):\n    await asyncio.get_running_loop().run_in_executor(None, poll)\n"
        ));
        assert!(!dropped(
            "import asyncio\nasync def f(poll):\n    await asyncio.gather(asyncio.to_thread(poll))\n"
        ));
        assert!(!dropped(
            "import asyncio\nasync def f(pool, poll):\n    asyncio.get_running_loop().run_in_executor(pool, poll)\n"
        ));
    }

    fn result_used(source: &str) -> Option<(Option<String>, String)> {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let site = semantic.calls.iter().find(|site| {
            matches!(site.call.func.as_ref(), Expr::Attribute(attribute)
                if attribute.attr.as_str() == "run_until_complete")
        })?;
        semantic
            .run_result_used_after(site.call, site.scope)
            .map(|used| (used.variable, source[used.range].to_string()))
    }

    const RUN: &str = "asyncio.get_event_loop().run_until_complete(main())";

    #[test]
    fn any_use_of_a_result_that_may_hold_the_loop() {
        let head =
            "import asyncio\nasync def main():\n    return asyncio.get_running_loop().call_soon\n";
        let used = |tail: &str| result_used(&format!("{head}{}", tail.replace("RUN", RUN)));
        assert_eq!(
            used("post = RUN\npost(print, 'x')\n"),
            Some((Some("post".to_string()), "post".to_string()))
        );
        assert_eq!(used("use(RUN)\n"), Some((None, RUN.to_string())));
        assert_eq!(
            used("for f in RUN:\n    f()\n"),
            Some((None, RUN.to_string()))
        );
        assert_eq!(
            used("app.state = RUN\n"),
            Some((None, "app.state".to_string()))
        );
        // A function that reads the global may run later.
        assert_eq!(
            used("def finish():\n    return R\nR = RUN\nfinish()\n"),
            Some((Some("R".to_string()), "R".to_string()))
        );
        // Discarded, or bound and never read.
        assert_eq!(used("RUN\n"), None);
        assert_eq!(used("post = RUN\n"), None);
    }

    #[test]
    fn plain_data_results_may_be_used() {
        let used = |body: &str, tail: &str| {
            result_used(&format!(
                "import asyncio, dataclasses\n{body}\nx = {RUN}\n{tail}\n"
            ))
        };
        for body in [
            "async def main():\n    return 'Done'",
            "async def main():\n    return 0, 'ok'",
            "async def main():\n    return {'a': [1, 2.5, None]}",
            "async def main():\n    n = 3\n    return f'{n} items'",
            "async def main():\n    if x:\n        return\n    return -1",
            "async def inner():\n    return 1\nasync def main():\n    return await inner()",
            "class Report:\n    def __init__(self, n):\n        self.n = n\n    def render(self):\n        return f'report {self.n}'\nasync def main():\n    return Report(3)",
            "@dataclasses.dataclass\nclass Stats:\n    count: int = 0\n    mean: float = 0.0\nasync def main():\n    return Stats(count=2, mean=1.5)",
        ] {
            assert_eq!(used(body, "print(x)"), None, "{body}");
        }
        for body in [
            "async def main():\n    return asyncio.get_running_loop().create_future()",
            "async def main():\n    out = []\n    out.append(asyncio.current_task())\n    return out",
            "async def main():\n    loop = asyncio.get_running_loop()\n    def notify(m):\n        loop.call_soon(print, m)\n    return notify",
            "class Box:\n    def __init__(self):\n        self.loop = asyncio.get_running_loop()\nasync def main():\n    return Box()",
            "class Box:\n    def __init__(self, v):\n        self.v = v\nasync def main():\n    return Box(asyncio.current_task())",
            "class Box(dict):\n    pass\nasync def main():\n    return Box()",
            "async def main():\n    return await other()",
        ] {
            assert_eq!(
                used(body, "print(x)"),
                Some((Some("x".to_string()), "x".to_string())),
                "{body}"
            );
        }
    }
}
