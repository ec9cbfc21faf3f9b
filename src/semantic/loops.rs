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
