//! Facts about event loops: which of asyncio's calls bind what they make
//! to the thread's current loop when they are made (so code that runs
//! before a new loop exists leaves objects behind on another loop), and
//! whether an expression in a coroutine is the loop running it.

use ruff_python_ast::{self as ast, Expr, ExprCall, Operator, Stmt};
use ruff_text_size::{Ranged, TextRange};

use ruff_text_size::TextSize;
use rustc_hash::FxHashSet;

use super::coroutines::CallResult;
use super::functions::parameter_at;
use super::imports::Lookup;
use super::{Binding, BindingKind, ScopeId, SemanticModel};
use crate::version::PyVersion;

/// asyncio's members a call of which neither touches an event loop nor
/// changes which one the thread or the policy holds: predicates and the
/// common exception classes (`asyncio.run` and `set_event_loop_policy` do,
/// though they bind nothing).
const CALLED_WITHOUT_LOOP: &[&str] = &[
    "CancelledError",
    "InvalidStateError",
    "TimeoutError",
    "iscoroutine",
    "iscoroutinefunction",
    "isfuture",
];

/// More of asyncio's members that bind no loop when named: the other
/// exceptions, abstract classes and protocols, handles, the legacy
/// `coroutine` decorator, submodules of constants.
const NAMED_WITHOUT_LOOP: &[&str] = &[
    "AbstractEventLoop",
    "AbstractEventLoopPolicy",
    "AbstractServer",
    "BaseProtocol",
    "BrokenBarrierError",
    "BufferedProtocol",
    "DatagramProtocol",
    "Handle",
    "IncompleteReadError",
    "LimitOverrunError",
    "Protocol",
    "QueueEmpty",
    "QueueFull",
    "SendfileNotAvailableError",
    "SubprocessProtocol",
    "TimerHandle",
    "coroutine",
    "subprocess",
];

/// Whether calling asyncio's `member` touches no event loop (see
/// [`CALLED_WITHOUT_LOOP`]).
pub fn called_without_loop(member: &str) -> bool {
    CALLED_WITHOUT_LOOP.contains(&member)
}

/// Whether naming asyncio's `member` as a value ties nothing to a loop:
/// what [`called_without_loop`] allows, and [`NAMED_WITHOUT_LOOP`].
pub fn named_without_loop(member: &str) -> bool {
    called_without_loop(member) || NAMED_WITHOUT_LOOP.contains(&member)
}

/// Why an expression is not known to be the running event loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotTheLoop {
    /// An attribute (`self.loop`, `hass.loop`): it may hold any object with
    /// the same methods, a custom loop wrapper or an executor.
    Attribute,
    /// A parameter without an event-loop annotation, or annotated with
    /// another type.
    Parameter,
    /// A name bound to something else somewhere in its scope, bound
    /// outside the coroutine that uses it, or not bound in the module.
    Binding,
    /// Any other expression.
    Other,
}

impl std::fmt::Display for NotTheLoop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NotTheLoop::Attribute => {
                "the receiver is an attribute, which may hold any object with a `run_in_executor` method (a loop wrapper, an executor), not surely the running loop"
            }
            NotTheLoop::Parameter => {
                "the receiver is a parameter not annotated as an event loop, so it may be any object with a `run_in_executor` method"
            }
            NotTheLoop::Binding => {
                "the receiver is not bound only to `asyncio.get_running_loop()` in this coroutine"
            }
            NotTheLoop::Other => "the receiver is not known to be the running event loop",
        })
    }
}

/// asyncio's event-loop classes, as an annotation names them.
const LOOP_TYPES: &[&str] = &[
    "asyncio.AbstractEventLoop",
    "asyncio.events.AbstractEventLoop",
    "asyncio.BaseEventLoop",
    "asyncio.base_events.BaseEventLoop",
];

impl<'a> SemanticModel<'a> {
    /// The first place where synchronous code of the module (outside its
    /// coroutines) names one of asyncio's members other than the few that
    /// touch no loop (exceptions, predicates, abstract classes) as a
    /// value, not as the callee of a call: `Fut = asyncio.Future`,
    /// `defaultdict(asyncio.Future)`, `field(default_factory=asyncio.Future)`,
    /// a base class, `current = asyncio.get_event_loop`. What later calls
    /// it binds to (or asks for) the loop current then, which the checks of
    /// calls cannot see. The member's name and where it is named.
    pub fn loop_member_as_value(&self, source: &str) -> Option<(String, TextSize)> {
        let callees: FxHashSet<TextSize> = self
            .calls
            .iter()
            .filter(|site| match site.call.func.as_ref() {
                Expr::Name(_) => true,
                Expr::Attribute(attribute) => attribute.value.is_name_expr(),
                _ => false,
            })
            .map(|site| site.call.func.start())
            .collect();
        for reference in &self.references {
            if reference.is_del || self.runs_in_coroutine(reference.scope) {
                continue;
            }
            let Lookup::Bound { bindings, .. } = self.lookup(reference.name, reference.scope)
            else {
                continue;
            };
            let Some(qualified) = bindings
                .iter()
                .find_map(|&id| self.binding(id).kind.import_path())
            else {
                continue;
            };
            let member = if qualified == "asyncio" {
                let rest = source
                    .get(usize::from(reference.range.end())..)
                    .unwrap_or_default();
                match rest.strip_prefix('.') {
                    Some(after) => after
                        .split(|c: char| !(c == '_' || c.is_alphanumeric()))
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                    None => String::new(),
                }
            } else if let Some(member) = qualified.strip_prefix("asyncio.") {
                member.split('.').next().unwrap_or_default().to_string()
            } else {
                continue;
            };
            if named_without_loop(&member) || callees.contains(&reference.range.start()) {
                continue;
            }
            return Some((member, reference.range.start()));
        }
        None
    }

    /// Whether calling `call` (outside a coroutine, on Python `target` or
    /// newer) makes an object bound to the thread's current event loop, or
    /// schedules work on it: futures, tasks and what makes them
    /// (`Future`, `ensure_future`, `gather`, `shield`, `create_task`,
    /// `wrap_future`, …), `as_completed`, stream readers and protocols;
    /// and, when the target is older than 3.10, the queues and
    /// synchronisation primitives, which took `get_event_loop()` when
    /// created until 3.10 made them bind on first use.
    pub fn binds_current_loop(&self, call: &ExprCall, scope: ScopeId, target: PyVersion) -> bool {
        let Some(qualified) = self.qualified_name(&call.func, scope) else {
            return false;
        };
        if !qualified.starts_with("asyncio") {
            return false;
        }
        match qualified.member() {
            "as_completed" | "StreamReader" | "StreamReaderProtocol" => true,
            "Queue" | "PriorityQueue" | "LifoQueue" | "Lock" | "Event" | "Condition"
            | "Semaphore" | "BoundedSemaphore" => target < PyVersion::PY310,
            _ => self.call_result(call, scope) == CallResult::Future,
        }
    }

    /// Whether `receiver`, evaluated in `scope` inside a coroutine, is the
    /// event loop running that coroutine: `asyncio.get_running_loop()`,
    /// `asyncio.get_event_loop()` called in the coroutine, a name of the
    /// coroutine bound only to one of those, or a parameter annotated as an
    /// asyncio event loop (`AbstractEventLoop`, optionally `| None`). A
    /// parameter so annotated may be another loop, but then awaiting what
    /// its methods return raises at once ("attached to a different loop").
    pub fn is_running_loop(&self, receiver: &Expr, scope: ScopeId) -> Result<(), NotTheLoop> {
        match receiver {
            Expr::Call(call) if self.is_loop_getter(call, scope) => Ok(()),
            Expr::Attribute(_) => Err(NotTheLoop::Attribute),
            Expr::Name(name) => {
                let Lookup::Bound {
                    scope: owner,
                    bindings,
                } = self.lookup(name.id.as_str(), scope)
                else {
                    return Err(NotTheLoop::Binding);
                };
                if self.enclosing_function(scope) != Some(owner) || !self.is_coroutine_scope(owner)
                {
                    return Err(NotTheLoop::Binding);
                }
                for &id in bindings {
                    self.binds_running_loop(self.binding(id))?;
                }
                Ok(())
            }
            _ => Err(NotTheLoop::Other),
        }
    }

    /// The statement `name = asyncio.get_running_loop()` (or
    /// `get_event_loop()`, plain or annotated) that a binding is, with its
    /// getter call.
    pub fn loop_getter_assignment(
        &self,
        binding: &Binding<'a>,
    ) -> Option<(&'a Stmt, &'a ExprCall)> {
        let stmt = binding.stmt?;
        if !matches!(binding.kind, BindingKind::Assignment) {
            return None;
        }
        let Expr::Call(call) = assigned_value(stmt, binding.range)? else {
            return None;
        };
        self.is_loop_getter(call, self.scope_at(call.start()))
            .then_some((stmt, call))
    }

    /// Whether one binding of a coroutine's name gives it the running loop.
    fn binds_running_loop(&self, binding: &Binding<'a>) -> Result<(), NotTheLoop> {
        match binding.kind {
            BindingKind::Assignment => self
                .loop_getter_assignment(binding)
                .map(|_| ())
                .ok_or(NotTheLoop::Binding),
            BindingKind::Parameter => {
                let parameter = binding
                    .stmt
                    .and_then(|stmt| parameter_at(stmt, binding.range))
                    .ok_or(NotTheLoop::Parameter)?;
                let annotation = parameter
                    .as_parameter()
                    .annotation()
                    .ok_or(NotTheLoop::Parameter)?;
                let outer = self.scope_at(annotation.start());
                if self.is_loop_annotation(annotation, outer) {
                    Ok(())
                } else {
                    Err(NotTheLoop::Parameter)
                }
            }
            _ => Err(NotTheLoop::Binding),
        }
    }

    /// `asyncio.AbstractEventLoop`, `Optional[…]` of it or `… | None`.
    fn is_loop_annotation(&self, annotation: &Expr, scope: ScopeId) -> bool {
        match annotation {
            Expr::BinOp(ast::ExprBinOp {
                left,
                op: Operator::BitOr,
                right,
                ..
            }) => match (left.as_ref(), right.as_ref()) {
                (loop_type, Expr::NoneLiteral(_)) | (Expr::NoneLiteral(_), loop_type) => {
                    self.is_loop_annotation(loop_type, scope)
                }
                _ => false,
            },
            Expr::Subscript(subscript) => {
                self.qualified_name(&subscript.value, scope)
                    .is_some_and(|q| q.is("typing.Optional"))
                    && self.is_loop_annotation(&subscript.slice, scope)
            }
            _ => self
                .qualified_name(annotation, scope)
                .is_some_and(|q| LOOP_TYPES.contains(&q.as_str())),
        }
    }

    /// `asyncio.get_running_loop()` anywhere, or `asyncio.get_event_loop()`
    /// in code running in a coroutine (where it returns the running loop).
    fn is_loop_getter(&self, call: &ExprCall, scope: ScopeId) -> bool {
        if !call.arguments.is_empty() {
            return false;
        }
        let Some(qualified) = self.qualified_name(&call.func, scope) else {
            return false;
        };
        match qualified.as_str() {
            "asyncio.get_running_loop" | "asyncio.events.get_running_loop" => true,
            "asyncio.get_event_loop" | "asyncio.events.get_event_loop" => {
                self.runs_in_coroutine(scope)
            }
            _ => false,
        }
    }
}

/// The value a plain `name = value` or `name: T = value` statement gives
/// the name at `target`.
pub(crate) fn assigned_value(stmt: &Stmt, target: TextRange) -> Option<&Expr> {
    match stmt {
        Stmt::Assign(assign) => match assign.targets.as_slice() {
            [Expr::Name(name)] if name.range == target => Some(&assign.value),
            _ => None,
        },
        Stmt::AnnAssign(assign) if assign.target.range() == target => assign.value.as_deref(),
        _ => None,
    }
}

/// Methods of an event loop that code outside a coroutine (a thread, a
/// callback run at exit, a finalizer, a signal handler) calls on a loop
/// object it was handed: their name alone marks the receiver as a loop,
/// which no import shows. With them a policy's `get_event_loop`, asked of
/// what no import names (`POLICY().get_event_loop()` after `POLICY =
/// asyncio.get_event_loop_policy`, `sys.modules["asyncio"].get_event_loop()`,
/// `import_module("asyncio").get_event_loop()`): it asks for the current
/// loop.
pub(crate) const LOOP_METHODS: &[&str] = &[
    "add_reader",
    "add_signal_handler",
    "add_writer",
    "call_at",
    "call_later",
    "call_soon",
    "call_soon_threadsafe",
    "create_future",
    "create_task",
    "get_event_loop",
    "get_loop",
    "is_closed",
    "run_forever",
    "run_in_executor",
    "run_until_complete",
    "set_exception_handler",
    "shutdown_asyncgens",
];

/// How many places [`SemanticModel::loop_used_outside_runs`] gives.
const MAX_LOOP_USES: usize = 4;

impl SemanticModel<'_> {
    /// Where the module's code may use an event loop in code that a run
    /// of a loop does not contain: code that may run after the run that
    /// made the loop returned (at exit, in a finalizer, a `finally:` of a
    /// generator, a signal handler, a thread, a logging handler's
    /// `close()`), which no list of those ways can cover. So: synchronous
    /// code (outside coroutines; a lambda in a coroutine included) that
    /// asks asyncio for the current loop (`get_event_loop()`, through the
    /// policy too) or makes what binds to it on Python `target` (see
    /// [`Self::binds_current_loop`]: `ensure_future`, a future; a lock or
    /// a queue before 3.10), or calls a loop's method by name (`loop.call_soon_threadsafe(…)`: a loop
    /// handed to it); `asyncio.run_coroutine_threadsafe` anywhere; and a
    /// coroutine that hands the loop running it on (`Thread(args=(asyncio.
    /// get_running_loop(),))`, `self.loop = loop`) rather than only calling
    /// its methods; a function that hands a registry of the process a
    /// callback holding its own state (see
    /// [`Self::callback_outliving_its_function`]). What is named and where,
    /// the first few.
    pub fn loop_used_outside_runs(&self, target: PyVersion) -> Vec<(String, TextSize)> {
        let mut found: Vec<(String, TextSize)> = Vec::new();
        let mut coroutines_seen: FxHashSet<ScopeId> = FxHashSet::default();
        for site in &self.calls {
            if found.len() >= MAX_LOOP_USES {
                break;
            }
            let sync = !self.runs_in_coroutine_body(site.scope);
            let qualified = self.qualified_name(&site.call.func, site.scope);
            let named = qualified.is_some();
            if let Some(qualified) = qualified.filter(|q| q.starts_with("asyncio")) {
                let member = qualified.member();
                let getter = matches!(member, "get_running_loop" | "get_event_loop");
                if member == "run_coroutine_threadsafe"
                    || (sync
                        && (matches!(member, "get_event_loop" | "get_event_loop_policy")
                            || self.binds_current_loop(site.call, site.scope, target)))
                {
                    found.push((qualified.to_string(), site.call.start()));
                } else if !sync
                    && getter
                    && let Some(function) = self.enclosing_function(site.scope)
                    && coroutines_seen.insert(function)
                    && let Some(def) = self.scope(function).function()
                    && let Some(at) = self.loop_handed_on(def)
                {
                    found.push((format!("{qualified}()"), at));
                }
                continue;
            }
            if sync
                && !named
                && let Expr::Attribute(attribute) = site.call.func.as_ref()
                && LOOP_METHODS.contains(&attribute.attr.as_str())
                && !self.is_new_loop(&attribute.value, site.scope)
            {
                found.push((format!(".{}", attribute.attr), site.call.start()));
            }
        }
        // A function handing a registry of the process a callback that
        // holds its own state (`atexit.register(fut.cancel)`, a signal
        // handler closing over a future): it may run after the run.
        if found.len() < MAX_LOOP_USES
            && let Some((registry, at)) = self.callback_outliving_its_function()
        {
            found.push((registry, at));
        }
        // A coroutine that keeps what asyncio gave it (a loop's bound
        // method, a future, a task, a stream) in module or class state,
        // in a module that starts threads or registers exit-time code:
        // that code may use it after the run.
        if found.len() < MAX_LOOP_USES
            && self.runs_code_later().is_some()
            && let Some((state, at)) = self.asyncio_object_kept_by_coroutine()
        {
            found.push((state.to_string(), at));
        }
        found
    }

    /// Where the coroutine `def` hands on the event loop it gets
    /// (`asyncio.get_running_loop()`, `asyncio.get_event_loop()`), passing
    /// it to a call, storing it anywhere but a plain name, or using such a
    /// name other than as the receiver of a method or attribute: the loop
    /// may then be used after the run, or from another thread.
    fn loop_handed_on(&self, def: &ast::StmtFunctionDef) -> Option<TextSize> {
        use ruff_python_ast::visitor::{self, Visitor};

        struct Names<'m, 'a, 'v> {
            semantic: &'m SemanticModel<'a>,
            held: FxHashSet<&'v str>,
        }
        impl<'v> Visitor<'v> for Names<'_, '_, 'v> {
            fn visit_stmt(&mut self, stmt: &'v Stmt) {
                let (target, value) = match stmt {
                    Stmt::Assign(assign) => match assign.targets.as_slice() {
                        [target] => (Some(target), Some(assign.value.as_ref())),
                        _ => (None, None),
                    },
                    Stmt::AnnAssign(assign) => {
                        (Some(assign.target.as_ref()), assign.value.as_deref())
                    }
                    _ => (None, None),
                };
                if let (Some(Expr::Name(name)), Some(Expr::Call(call))) = (target, value)
                    && self.semantic.gets_loop(call)
                {
                    self.held.insert(name.id.as_str());
                }
                visitor::walk_stmt(self, stmt);
            }
        }

        struct Uses<'m, 'a, 'v> {
            semantic: &'m SemanticModel<'a>,
            held: FxHashSet<&'v str>,
            handed: Option<TextSize>,
        }
        impl<'v> Visitor<'v> for Uses<'_, '_, 'v> {
            fn visit_stmt(&mut self, stmt: &'v Stmt) {
                if self.handed.is_some() {
                    return;
                }
                // `loop = asyncio.get_running_loop()`: held, not handed on.
                if let Stmt::Assign(ast::StmtAssign { targets, value, .. }) = stmt
                    && let [Expr::Name(name)] = targets.as_slice()
                    && self.held.contains(name.id.as_str())
                    && matches!(value.as_ref(), Expr::Call(call) if self.semantic.gets_loop(call))
                {
                    if let Expr::Call(call) = value.as_ref() {
                        visitor::walk_arguments(self, &call.arguments);
                    }
                    return;
                }
                if let Stmt::AnnAssign(ast::StmtAnnAssign {
                    target,
                    value: Some(value),
                    ..
                }) = stmt
                    && let Expr::Name(name) = target.as_ref()
                    && self.held.contains(name.id.as_str())
                    && matches!(value.as_ref(), Expr::Call(call) if self.semantic.gets_loop(call))
                {
                    return;
                }
                visitor::walk_stmt(self, stmt);
            }

            fn visit_expr(&mut self, expr: &'v Expr) {
                if self.handed.is_some() {
                    return;
                }
                let is_loop = |value: &Expr| match value {
                    Expr::Name(name) => self.held.contains(name.id.as_str()),
                    Expr::Call(call) => self.semantic.gets_loop(call),
                    _ => false,
                };
                match expr {
                    // `loop.run_in_executor(…)`, `asyncio.get_running_loop().time()`:
                    // a method called, in the run.
                    Expr::Call(outer)
                        if matches!(outer.func.as_ref(), Expr::Attribute(attribute)
                            if is_loop(&attribute.value)) =>
                    {
                        if let Expr::Attribute(attribute) = outer.func.as_ref()
                            && let Expr::Call(call) = attribute.value.as_ref()
                        {
                            visitor::walk_arguments(self, &call.arguments);
                        }
                        visitor::walk_arguments(self, &outer.arguments);
                    }
                    // `loop.call_soon_threadsafe` taken as a value: whoever
                    // holds it may call it after the run, from another thread.
                    Expr::Attribute(attribute) if is_loop(&attribute.value) => {
                        self.handed = Some(attribute.start());
                    }
                    Expr::Name(name) if self.held.contains(name.id.as_str()) => {
                        if name.ctx.is_load() {
                            self.handed = Some(name.start());
                        }
                    }
                    Expr::Call(call) if self.semantic.gets_loop(call) => {
                        self.handed = Some(call.start());
                    }
                    _ => visitor::walk_expr(self, expr),
                }
            }
        }

        let mut names = Names {
            semantic: self,
            held: FxHashSet::default(),
        };
        names.visit_body(&def.body);
        let mut uses = Uses {
            semantic: self,
            held: names.held,
            handed: None,
        };
        uses.visit_body(&def.body);
        uses.handed
    }

    /// Whether `receiver`, read in `scope`, is a name bound only to loops
    /// the code made itself (`loop = asyncio.new_event_loop()`): not a
    /// loop another run left behind.
    fn is_new_loop(&self, receiver: &Expr, scope: ScopeId) -> bool {
        let Expr::Name(name) = receiver else {
            return false;
        };
        let Lookup::Bound { bindings, .. } = self.lookup(name.id.as_str(), scope) else {
            return false;
        };
        !bindings.is_empty()
            && bindings.iter().all(|&id| {
                let binding = self.binding(id);
                matches!(binding.kind, BindingKind::Assignment)
                    && binding
                        .stmt
                        .and_then(|stmt| assigned_value(stmt, binding.range))
                        .is_some_and(|value| {
                            matches!(value, Expr::Call(call)
                            if self.qualified_name(&call.func, binding.scope).is_some_and(|q| {
                                q.starts_with("asyncio") && q.member() == "new_event_loop"
                            }))
                        })
            })
    }

    /// Whether `call` asks asyncio for an event loop
    /// (`asyncio.get_running_loop()`, `asyncio.get_event_loop()`).
    fn gets_loop(&self, call: &ExprCall) -> bool {
        let scope = self.scope_at(call.start());
        self.qualified_name(&call.func, scope).is_some_and(|q| {
            q.starts_with("asyncio") && matches!(q.member(), "get_running_loop" | "get_event_loop")
        })
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::Expr;

    use super::NotTheLoop;
    use crate::engine::parse;
    use crate::semantic::SemanticModel;
    use crate::version::PyVersion;

    /// What `is_running_loop` says of the receiver of the source's
    /// `….run_in_executor(…)` call.
    fn running(source: &str) -> Result<(), NotTheLoop> {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let site = semantic
            .calls
            .iter()
            .find(|site| {
                matches!(site.call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "run_in_executor")
            })
            .expect("a run_in_executor call");
        let Expr::Attribute(method) = site.call.func.as_ref() else {
            unreachable!("matched above");
        };
        semantic.is_running_loop(&method.value, site.scope)
    }

    /// What `loop_used_outside_runs` names in `source`.
    fn outside(source: &str) -> Vec<String> {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        semantic
            .loop_used_outside_runs(PyVersion::PY311)
            .into_iter()
            .map(|(named, _)| named)
            .collect()
    }

    #[test]
    fn loops_used_outside_runs() {
        let head = "import asyncio\n";
        // Synchronous code asking for the loop, or calling a loop's method.
        assert_eq!(
            outside(&format!(
                "{head}def close():\n    asyncio.get_event_loop().run_until_complete(f())\n"
            )),
            [".run_until_complete", "asyncio.get_event_loop"]
        );
        assert_eq!(
            outside("def later(loop):\n    loop.call_soon_threadsafe(print)\n"),
            [".call_soon_threadsafe"]
        );
        // A policy's `get_event_loop` asked of what no import names.
        assert_eq!(
            outside(&format!(
                "{head}POLICY = asyncio.get_event_loop_policy\ndef cleanup():\n    return POLICY().get_event_loop()\n"
            )),
            [".get_event_loop"]
        );
        assert_eq!(
            outside(
                "import importlib\ndef cleanup():\n    return importlib.import_module(\"asyncio\").get_event_loop()\n"
            ),
            [".get_event_loop"]
        );
        assert_eq!(
            outside(
                "import sys\ndef cleanup():\n    return sys.modules[\"asyncio\"].get_event_loop()\n"
            ),
            [".get_event_loop"]
        );
        // A lambda of a coroutine runs whenever it is called.
        assert_eq!(
            outside(&format!(
                "{head}async def f():\n    loop = asyncio.get_running_loop()\n    g(lambda: loop.call_soon(print))\n"
            )),
            [".call_soon"]
        );
        // A coroutine handing its loop on.
        assert_eq!(
            outside(&format!(
                "{head}async def f():\n    Thread(target=w, args=(asyncio.get_running_loop(),)).start()\n"
            )),
            ["asyncio.get_running_loop()"]
        );
        assert_eq!(
            outside(&format!(
                "{head}async def f(self):\n    loop = asyncio.get_running_loop()\n    self.loop = loop\n"
            )),
            ["asyncio.get_running_loop()"]
        );
        assert_eq!(
            outside(&format!(
                "{head}from asyncio import run_coroutine_threadsafe as rct\nasync def f(c, l):\n    rct(c, l)\n"
            )),
            ["asyncio.run_coroutine_threadsafe"]
        );
        // Methods called on the coroutine's own loop, a loop made apart,
        // what takes any loop or none: nothing.
        assert!(outside(&format!(
            "{head}async def f():\n    loop = asyncio.get_running_loop()\n    await loop.run_in_executor(None, g)\n    await asyncio.get_running_loop().run_in_executor(None, g)\n"
        ))
        .is_empty());
        assert!(outside(&format!(
            "{head}def serve():\n    loop = asyncio.new_event_loop()\n    asyncio.set_event_loop(loop)\n    loop.run_until_complete(main())\n    asyncio.run(main())\n"
        ))
        .is_empty());
        assert!(outside("import threading\ndef work():\n    print(1)\nthreading.Thread(target=work).start()\n").is_empty());
        // A lock made outside a coroutine binds on first use from 3.10.
        let lock = "import asyncio\nclass C:\n    def __init__(self):\n        self.lock = asyncio.Lock()\n";
        assert!(outside(lock).is_empty());
        let parsed = parse(lock).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        assert_eq!(semantic.loop_used_outside_runs(PyVersion::PY39).len(), 1);
    }

    #[test]
    fn getters_and_names_bound_to_them_in_the_coroutine() {
        let tail = ".run_in_executor(None, f)\n";
        assert_eq!(
            running(&format!(
                "import asyncio\nasync def f():\n    await asyncio.get_running_loop(){tail}"
            )),
            Ok(())
        );
        assert_eq!(
            running(&format!(
                "from asyncio import get_event_loop\nasync def f():\n    await get_event_loop(){tail}"
            )),
            Ok(())
        );
        assert_eq!(
            running(&format!(
                "import asyncio\nasync def f():\n    loop = asyncio.get_running_loop()\n    await loop{tail}"
            )),
            Ok(())
        );
        assert_eq!(
            running(&format!(
                "import asyncio\nasync def f(loop: asyncio.AbstractEventLoop):\n    await loop{tail}"
            )),
            Ok(())
        );
        assert_eq!(
            running(&format!(
                "import asyncio\nfrom typing import Optional\nasync def f(loop: Optional[asyncio.AbstractEventLoop] = None):\n    if loop is None:\n        loop = asyncio.get_running_loop()\n    await loop{tail}"
            )),
            Ok(())
        );
        assert_eq!(
            running(&format!(
                "from asyncio import AbstractEventLoop\nasync def f(loop: AbstractEventLoop | None):\n    await loop{tail}"
            )),
            Ok(())
        );
    }

    #[test]
    fn other_receivers_are_unknown() {
        let tail = ".run_in_executor(None, f)\n";
        assert_eq!(
            running(&format!("async def f(loop):\n    await loop{tail}")),
            Err(NotTheLoop::Parameter)
        );
        assert_eq!(
            running(&format!(
                "from pool import Pool\nasync def f(loop: Pool):\n    await loop{tail}"
            )),
            Err(NotTheLoop::Parameter)
        );
        assert_eq!(
            running(&format!("async def f(self):\n    await self._loop{tail}")),
            Err(NotTheLoop::Attribute)
        );
        // Bound at import time: the default loop, not the running one.
        assert_eq!(
            running(&format!(
                "import asyncio\nloop = asyncio.get_event_loop()\nasync def f():\n    await loop{tail}"
            )),
            Err(NotTheLoop::Binding)
        );
        assert_eq!(
            running(&format!(
                "import asyncio\nasync def f(other):\n    loop = asyncio.get_running_loop()\n    if other:\n        loop = other\n    await loop{tail}"
            )),
            Err(NotTheLoop::Binding)
        );
        assert_eq!(
            running(&format!(
                "import asyncio\nasync def f():\n    loop = asyncio.new_event_loop()\n    await loop{tail}"
            )),
            Err(NotTheLoop::Binding)
        );
        // A nested coroutine reading the outer one's loop may run elsewhere.
        assert_eq!(
            running(&format!(
                "import asyncio\nasync def f():\n    loop = asyncio.get_running_loop()\n    async def g():\n        await loop{tail}"
            )),
            Err(NotTheLoop::Binding)
        );
        assert_eq!(
            running(&format!(
                "import asyncio\nasync def f():\n    await asyncio.new_event_loop(){tail}"
            )),
            Err(NotTheLoop::Other)
        );
    }

    #[test]
    fn binders_depend_on_the_target() {
        let parsed = parse(
            "import asyncio\nasyncio.Future()\nasyncio.ensure_future(c())\nasyncio.Queue()\nasyncio.sleep(1)\nasyncio.StreamReader()\n",
        )
        .unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let binds = |target| {
            semantic
                .calls
                .iter()
                .filter(|site| semantic.binds_current_loop(site.call, site.scope, target))
                .count()
        };
        // Future, ensure_future, StreamReader; and Queue before 3.10.
        assert_eq!(binds(PyVersion::PY310), 3);
        assert_eq!(binds(PyVersion::PY39), 4);
    }
}
