//! Whether code of a coroutine may run under a deadline the module sets:
//! inside `async with asyncio.timeout(…)` (or `asyncio.timeout_at`,
//! `async_timeout.timeout`, anyio's and trio's `fail_after` /
//! `move_on_after` scopes) in its own function, or in a coroutine of the
//! module that awaits it there, or inside `asyncio.wait_for(<call>, t)`, a
//! few callers up (by the function's name, also as an attribute:
//! `self.work()`). A blocking call ran to its end under such a deadline,
//! which fired only at the next suspension; a suspension put in its place
//! lets the deadline fire there.
//!
//! Not seen: callers in other modules, and a coroutine run as a task
//! (`create_task(work())`) that something else waits for with a timeout.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashMap;

use super::scope::ScopeKind;
use super::{ScopeId, SemanticModel};

/// Context managers that cancel their body at a deadline.
const DEADLINE_SCOPES: &[&str] = &[
    "asyncio.timeout",
    "asyncio.timeout_at",
    "asyncio.timeouts.timeout",
    "asyncio.timeouts.timeout_at",
    "async_timeout.timeout",
    "async_timeout.timeout_at",
    "anyio.fail_after",
    "anyio.move_on_after",
    "trio.fail_after",
    "trio.fail_at",
    "trio.move_on_after",
    "trio.move_on_at",
];

/// Functions that wait for their first argument with a deadline.
const DEADLINE_WAITS: &[&str] = &["asyncio.wait_for", "asyncio.tasks.wait_for"];

/// How many callers up [`SemanticModel::deadline_around`] looks.
const MAX_CALLER_DEPTH: u8 = 4;

/// What [`SemanticModel::deadline_around`] asks of every call of the
/// module, gathered once.
#[derive(Debug, Default)]
pub struct DeadlineSites<'a> {
    /// Whether any call of the module sets a deadline.
    any: bool,
    /// `wait_for` calls: what they wait for, the call, its frame.
    waits: Vec<(TextRange, TextRange, ScopeId)>,
    /// The calls by the callee's name (`work()`, `self.work()`).
    by_name: FxHashMap<&'a str, Vec<TextSize>>,
}

impl<'a> SemanticModel<'a> {
    /// Where the statement at `offset`, in a coroutine, may run under a
    /// deadline (see the module doc): the deadline's context manager or
    /// `wait_for` call, or, past the callers followed, the call of the
    /// coroutine found there.
    pub fn deadline_around(&self, offset: TextSize) -> Option<TextRange> {
        if !self.deadline_sites().any {
            return None;
        }
        let mut visited = Vec::new();
        self.deadline_at(offset, 0, &mut visited)
    }

    fn deadline_sites(&self) -> &DeadlineSites<'a> {
        self.deadline_sites.get_or_init(|| {
            let mut sites = DeadlineSites::default();
            for site in &self.calls {
                let call = site.call;
                if self.calls_one_of(&call.func, site.scope, DEADLINE_WAITS) {
                    sites.any = true;
                    if let Some(awaited) = call.arguments.find_argument_value("fut", 0) {
                        sites.waits.push((
                            awaited.range(),
                            call.range(),
                            self.frame_of(site.scope),
                        ));
                    }
                } else if self.calls_one_of(&call.func, site.scope, DEADLINE_SCOPES) {
                    sites.any = true;
                }
                let name = match call.func.as_ref() {
                    Expr::Name(func) => func.id.as_str(),
                    Expr::Attribute(func) => func.attr.as_str(),
                    _ => continue,
                };
                sites.by_name.entry(name).or_default().push(call.start());
            }
            sites
        })
    }

    fn deadline_at(
        &self,
        offset: TextSize,
        depth: u8,
        visited: &mut Vec<ScopeId>,
    ) -> Option<TextRange> {
        let scope = self.frame_of(self.scope_at(offset));
        if !matches!(
            self.scope(scope).kind,
            ScopeKind::Function { is_async: true }
        ) {
            return None;
        }
        let current = self.innermost_stmt(scope, offset)?;
        for (parent, _) in self.enclosing_blocks(current) {
            if let Stmt::With(with) = parent
                && let Some(item) = with.items.iter().find(|item| {
                    matches!(&item.context_expr, Expr::Call(call)
                        if self.calls_one_of(&call.func, scope, DEADLINE_SCOPES))
                })
            {
                return Some(item.range());
            }
        }
        // `await asyncio.wait_for(work(), 1)`: the call at `offset` is what
        // it waits for.
        let sites = self.deadline_sites();
        if let Some((_, call, _)) = sites
            .waits
            .iter()
            .find(|(awaited, _, frame)| *frame == scope && awaited.contains(offset))
        {
            return Some(*call);
        }
        // The callers of the function, by its name.
        if visited.contains(&scope) {
            return None;
        }
        visited.push(scope);
        let name = self.scope(scope).function()?.name.as_str();
        for &call in sites.by_name.get(name).into_iter().flatten() {
            if depth >= MAX_CALLER_DEPTH {
                // Too deep to follow: assume the worst.
                return Some(TextRange::empty(call));
            }
            if let Some(found) = self.deadline_at(call, depth + 1, visited) {
                return Some(found);
            }
        }
        None
    }

    /// Whether the callee `func` (in `scope`) is one of `names`.
    fn calls_one_of(&self, func: &Expr, scope: ScopeId, names: &[&str]) -> bool {
        names.iter().any(|name| self.refers_to(func, scope, name))
    }
}
