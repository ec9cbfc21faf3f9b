//! Whether a coroutine lets its cancellation out. When a task is cancelled
//! (`task.cancel()`, or Ctrl-C under `asyncio.run` from Python 3.11), a
//! `CancelledError` is thrown into its coroutine where it waits; a
//! coroutine that catches it and goes on (`except CancelledError:
//! print("stopped")`, a `return` in a `finally:`, `suppress(...)`) ends
//! normally instead of cancelled, and whoever waits for it sees a result.
//!
//! The question is asked of the module's own code: the body of the
//! coroutine function, and the bodies of the module's functions it calls
//! (awaited, wrapped in a task, entered as an async context manager,
//! iterated), to a bounded depth and number. A handler counts only around
//! code that can suspend (an `await`, `async for`, `async with` or
//! `yield`): elsewhere no cancellation arrives. Code of other modules, and
//! asyncio's own, is taken to let the cancellation out; the coroutine asked
//! about itself must be the module's (or asyncio's), else the answer is
//! "unknown".

use crate::semantic::project::Resolved;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, ExceptHandler, Expr, ExprCall, Stmt, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashSet;

use super::functions::Callee;
use super::scope::{ScopeKind, ScopeNode};
use super::statements::blocks_of;
use super::suspension::catching_names;
use super::{ScopeId, SemanticModel};
use crate::version::PyVersion;

/// How deep calls are followed from the coroutine asked about.
const MAX_DEPTH: u8 = 6;
/// How many functions are read at most.
const MAX_FUNCTIONS: usize = 64;

/// Where a coroutine may keep its cancellation from propagating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptCancellation {
    /// An `except` that may catch `CancelledError` and does not end in `raise`.
    Handler(TextRange),
    /// A `return`, `break` or `continue` in a `finally:`, which drops the
    /// exception in flight.
    Finally(TextRange),
    /// A context manager that may suppress it: `suppress(CancelledError)`,
    /// a class of the module whose `__exit__` or `__aexit__` may return true.
    ContextManager(TextRange),
    /// A coroutine of another module of the project whose summary says its
    /// body may keep it (one of the above, there).
    Elsewhere(TextRange),
    /// A coroutine the module does not show: imported, a method of another
    /// object, a variable.
    Unknown(TextRange),
    /// Calls nest deeper, or reach more functions, than the analysis reads.
    TooDeep(TextRange),
}

impl KeptCancellation {
    pub fn range(self) -> TextRange {
        match self {
            KeptCancellation::Handler(range)
            | KeptCancellation::Finally(range)
            | KeptCancellation::ContextManager(range)
            | KeptCancellation::Elsewhere(range)
            | KeptCancellation::Unknown(range)
            | KeptCancellation::TooDeep(range) => range,
        }
    }

    /// What keeps it, in a few words.
    pub fn describe(self) -> &'static str {
        match self {
            KeptCancellation::Handler(_) => "a handler that may catch `CancelledError` and go on",
            KeptCancellation::Finally(_) => {
                "a `finally:` that returns, breaks, continues or raises"
            }
            KeptCancellation::ContextManager(_) => "a context manager that may suppress it",
            KeptCancellation::Elsewhere(_) => {
                "a coroutine of another project module that may keep it"
            }
            KeptCancellation::Unknown(_) => "a coroutine whose code the module does not show",
            KeptCancellation::TooDeep(_) => "calls nested deeper than the analysis follows",
        }
    }
}

impl<'a> SemanticModel<'a> {
    /// Where the coroutine that `call` (running in `scope`) returns may
    /// keep a cancellation thrown into it from propagating (see the module
    /// doc); `None` when it surely lets it out. `target`: before Python 3.8
    /// `CancelledError` derives from `Exception`, which `except Exception:`
    /// then catches.
    pub fn kept_cancellation(
        &self,
        call: &ExprCall,
        scope: ScopeId,
        target: PyVersion,
    ) -> Option<KeptCancellation> {
        let mut wanted = catching_names("CancelledError");
        if target < PyVersion::PY38 {
            wanted.push("Exception");
        }
        let mut walk = Walk {
            semantic: self,
            wanted,
            read: FxHashSet::default(),
        };
        walk.call(call, scope, true, 0)
    }

    /// The first coroutine function (or async generator) of the module
    /// whose body may keep a cancellation thrown into it: a call or an
    /// awaitable the module cannot follow (an alias, a decorated function,
    /// a task, a parameter) may be one of it.
    pub fn coroutine_keeping_cancellation(&self) -> Option<&'a StmtFunctionDef> {
        self.scopes.iter().find_map(|scope| match scope.node {
            ScopeNode::Function(def) if def.is_async && !self.lets_cancellation_out(def) => {
                Some(def)
            }
            _ => None,
        })
    }

    /// Whether the coroutine function `def` surely lets a cancellation
    /// thrown into it out (Python 3.8 and later, where `CancelledError` is
    /// no `Exception`): what [`Self::kept_cancellation`] asks of the
    /// coroutine a call of it returns, for the project index's summary.
    pub fn lets_cancellation_out(&self, def: &'a StmtFunctionDef) -> bool {
        let mut walk = Walk {
            semantic: self,
            wanted: catching_names("CancelledError"),
            read: FxHashSet::default(),
        };
        def.is_async && walk.function(def, true, 0).is_none()
    }
}

struct Walk<'m, 'a> {
    semantic: &'m SemanticModel<'a>,
    /// The exception names whose handlers catch `CancelledError`.
    wanted: Vec<&'static str>,
    /// The functions read so far, by start.
    read: FxHashSet<ruff_text_size::TextSize>,
}

impl<'a> Walk<'_, 'a> {
    /// The coroutine `call` returns. `strict`: it must be one the module
    /// shows (the coroutine asked about); deeper, other code is trusted.
    fn call(
        &mut self,
        call: &ExprCall,
        scope: ScopeId,
        strict: bool,
        depth: u8,
    ) -> Option<KeptCancellation> {
        let semantic = self.semantic;
        match semantic.callee(&call.func, scope) {
            Callee::Function(def) => return self.function(def, strict, depth),
            // An instance: not a coroutine the module writes.
            Callee::Class(_) => return None,
            Callee::Unknown => {}
        }
        // An `async def` of another module of the project, whose summary
        // says whether its body lets the cancellation out (from 3.8 on).
        if strict
            && !self.wanted.contains(&"Exception")
            && let Resolved::Function { facts, .. } = semantic.resolve_callee(&call.func, scope)
            && facts.is_async
            && facts.transparent
            && !facts.is_generator
        {
            return (!facts.lets_cancellation_out)
                .then_some(KeptCancellation::Elsewhere(call.range()));
        }
        let asyncio = semantic
            .qualified_name(&call.func, scope)
            .is_some_and(|q| q.starts_with("asyncio"));
        if asyncio {
            // asyncio's coroutines let it out; the module's coroutines among
            // the arguments are asked (`wait_for(child(), 5)`). Deeper, the
            // arguments are calls of the body, read on their own.
            if strict {
                let mut inner = Calls::default();
                for argument in call
                    .arguments
                    .args
                    .iter()
                    .chain(call.arguments.keywords.iter().map(|k| &k.value))
                {
                    inner.visit_expr(argument);
                }
                for each in inner.0 {
                    if let Some(kept) = self.call(each, scope, false, depth + 1) {
                        return Some(kept);
                    }
                }
            }
            return None;
        }
        // A method called on another object, or a name bound more than
        // once: every function of the module by that name may be it.
        let name = match call.func.as_ref() {
            Expr::Name(name) => Some(name.id.as_str()),
            Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
            _ => None,
        };
        if let Some(name) = name {
            for def in self.functions_named(name) {
                if let Some(kept) = self.function(def, false, depth) {
                    return Some(kept);
                }
            }
        }
        strict.then_some(KeptCancellation::Unknown(call.range()))
    }

    fn functions_named(&self, name: &str) -> Vec<&'a StmtFunctionDef> {
        self.semantic
            .scopes
            .iter()
            .filter_map(|scope| match scope.node {
                ScopeNode::Function(def) if def.name.as_str() == name => Some(def),
                _ => None,
            })
            .collect()
    }

    /// What calling `def` gives: an `async def`'s body is read; a plain
    /// `def` is followed into the calls it returns.
    fn function(
        &mut self,
        def: &'a StmtFunctionDef,
        strict: bool,
        depth: u8,
    ) -> Option<KeptCancellation> {
        if !self.read.insert(def.start()) {
            return None;
        }
        if depth > MAX_DEPTH || self.read.len() > MAX_FUNCTIONS {
            return Some(KeptCancellation::TooDeep(def.name.range()));
        }
        let Some(scope) = self.semantic.scope_of_function(def) else {
            return strict.then_some(KeptCancellation::Unknown(def.name.range()));
        };
        if !def.is_async {
            let mut returns = Returns::default();
            returns.visit_body(&def.body);
            for value in returns.calls {
                if let Some(kept) = self.call(value, scope, strict, depth + 1) {
                    return Some(kept);
                }
            }
            return None;
        }
        if let Some(kept) = self.body(&def.body, scope) {
            return Some(kept);
        }
        let (Some(first), Some(last)) = (def.body.first(), def.body.last()) else {
            return None;
        };
        let body = TextRange::new(first.start(), last.end());
        let semantic = self.semantic;
        let calls: Vec<_> = semantic
            .calls
            .iter()
            .filter(|site| {
                body.contains_range(site.call.range()) && self.own_frame(site.scope) == scope
            })
            .map(|site| (site.call, site.scope))
            .collect();
        for (call, at) in calls {
            if let Some(kept) = self.call(call, at, false, depth + 1) {
                return Some(kept);
            }
        }
        None
    }

    /// The function whose frame code of `scope` belongs to, counting
    /// comprehensions and lambdas as part of the function around them.
    fn own_frame(&self, scope: ScopeId) -> ScopeId {
        let mut current = scope;
        loop {
            let this = self.semantic.scope(current);
            match (this.kind, this.parent) {
                (ScopeKind::Comprehension { .. } | ScopeKind::Lambda, Some(parent)) => {
                    current = parent;
                }
                _ => return current,
            }
        }
    }

    /// The handlers, `finally:` clauses and context managers of a
    /// coroutine's own statements.
    fn body(&self, body: &[Stmt], scope: ScopeId) -> Option<KeptCancellation> {
        for stmt in body {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => continue,
                Stmt::Try(try_stmt) => {
                    if can_suspend(&try_stmt.body)
                        && let Some(kept) = self.handlers(try_stmt, scope)
                    {
                        return Some(kept);
                    }
                    let guarded = can_suspend(&try_stmt.body)
                        || can_suspend(&try_stmt.orelse)
                        || try_stmt.handlers.iter().any(|handler| {
                            let ExceptHandler::ExceptHandler(handler) = handler;
                            can_suspend(&handler.body)
                        });
                    if guarded
                        && let Some(jump) = escaping_jump(&try_stmt.finalbody)
                            .or_else(|| raise_of_another(&try_stmt.finalbody))
                    {
                        return Some(KeptCancellation::Finally(jump));
                    }
                }
                Stmt::With(with) if can_suspend(&with.body) => {
                    for item in &with.items {
                        if self.may_suppress(&item.context_expr, scope, 0) {
                            return Some(KeptCancellation::ContextManager(item.range()));
                        }
                    }
                }
                _ => {}
            }
            for block in blocks_of(stmt) {
                if let Some(kept) = self.body(block, scope) {
                    return Some(kept);
                }
            }
        }
        None
    }

    /// The first handler of `try_stmt` that may catch `CancelledError` and
    /// goes on; handlers after one that surely catches it and re-raises
    /// never see it.
    fn handlers(&self, try_stmt: &ast::StmtTry, scope: ScopeId) -> Option<KeptCancellation> {
        for handler in &try_stmt.handlers {
            let ExceptHandler::ExceptHandler(handler) = handler;
            let may_catch = handler
                .type_
                .as_deref()
                .is_none_or(|type_| self.semantic.may_name_exception(type_, scope, &self.wanted));
            if !may_catch {
                continue;
            }
            if !reraises(handler) {
                let end = handler.type_.as_ref().map_or(
                    handler.start() + ruff_text_size::TextSize::of("except"),
                    |t| t.end(),
                );
                return Some(KeptCancellation::Handler(TextRange::new(
                    handler.start(),
                    end,
                )));
            }
            if handler
                .type_
                .as_deref()
                .is_none_or(|type_| self.surely_catches(type_, scope))
            {
                return None;
            }
        }
        None
    }

    /// Whether `except type_:` surely catches `CancelledError`: it names
    /// `BaseException` or asyncio's `CancelledError` (in a tuple too).
    fn surely_catches(&self, type_: &Expr, scope: ScopeId) -> bool {
        match type_ {
            Expr::Tuple(tuple) => tuple.elts.iter().any(|e| self.surely_catches(e, scope)),
            _ => {
                self.semantic
                    .refers_to(type_, scope, "builtins.BaseException")
                    || self
                        .semantic
                        .qualified_name(type_, scope)
                        .is_some_and(|q| q.starts_with("asyncio") && q.member() == "CancelledError")
            }
        }
    }

    /// Whether the context manager `manager` may suppress a
    /// `CancelledError` raised in its block: `suppress(…)` or
    /// `pytest.raises(…)` naming it (or a class that may be it), or an
    /// instance of a class of the module whose `__exit__` or `__aexit__`
    /// may return something true (its bases of the module included).
    fn may_suppress(&self, manager: &Expr, scope: ScopeId, depth: u8) -> bool {
        let semantic = self.semantic;
        if semantic.expects_exceptions(manager, scope, &self.wanted, false) {
            return true;
        }
        let Expr::Call(call) = manager else {
            return false;
        };
        let Callee::Class(class) = semantic.callee(&call.func, scope) else {
            return false;
        };
        class_may_suppress(semantic, class, scope, depth)
    }
}

/// Whether a class of the module (or a base of it the module defines) has
/// an `__exit__` or `__aexit__` that may return something true.
fn class_may_suppress(
    semantic: &SemanticModel,
    class: &ast::StmtClassDef,
    scope: ScopeId,
    depth: u8,
) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    let exits = class.body.iter().filter_map(|stmt| match stmt {
        Stmt::FunctionDef(def) if matches!(def.name.as_str(), "__exit__" | "__aexit__") => {
            Some(def)
        }
        _ => None,
    });
    for exit in exits {
        let mut returns = Returns::default();
        returns.visit_body(&exit.body);
        if returns.truthy {
            return true;
        }
    }
    class
        .bases()
        .iter()
        .any(|base| match semantic.callee(base, scope) {
            Callee::Class(base) => class_may_suppress(semantic, base, scope, depth + 1),
            _ => false,
        })
}

/// Whether a handler's body ends in `raise` and has no `return`, `break`
/// or `continue` that leaves it first.
/// Whether the handler ends by raising the exception it caught again: a
/// bare `raise`, or `raise e` (`from …` too) for its `as e`. One that raises
/// another exception keeps the cancellation too: the caller sees that
/// exception instead.
fn reraises(handler: &ast::ExceptHandlerExceptHandler) -> bool {
    let body = &handler.body;
    let same = match body.last() {
        Some(Stmt::Raise(raise)) => match raise.exc.as_deref() {
            None => true,
            Some(Expr::Name(name)) => handler
                .name
                .as_ref()
                .is_some_and(|caught| caught.as_str() == name.id.as_str()),
            Some(_) => false,
        },
        _ => false,
    };
    same && escaping_jump(body).is_none()
}

/// A `raise` of an exception (not a bare `raise`) in `body`'s own frame:
/// raised in a `finally:`, it replaces the exception in flight.
fn raise_of_another(body: &[Stmt]) -> Option<TextRange> {
    body.iter().find_map(|stmt| match stmt {
        Stmt::FunctionDef(_) | Stmt::ClassDef(_) => None,
        Stmt::Raise(raise) if raise.exc.is_some() => Some(stmt.range()),
        _ => blocks_of(stmt).into_iter().find_map(raise_of_another),
    })
}

/// A `return`, or a `break` or `continue` outside any loop of `body`, in
/// `body`'s own frame: where control leaves the block, dropping an
/// exception in flight when the block is a `finally:`.
fn escaping_jump(body: &[Stmt]) -> Option<TextRange> {
    fn walk(body: &[Stmt], in_loop: bool) -> Option<TextRange> {
        for stmt in body {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Return(_) => return Some(stmt.range()),
                Stmt::Break(_) | Stmt::Continue(_) if !in_loop => return Some(stmt.range()),
                Stmt::For(ast::StmtFor { body, orelse, .. })
                | Stmt::While(ast::StmtWhile { body, orelse, .. }) => {
                    if let Some(jump) = walk(body, true).or_else(|| walk(orelse, in_loop)) {
                        return Some(jump);
                    }
                }
                _ => {
                    for block in blocks_of(stmt) {
                        if let Some(jump) = walk(block, in_loop) {
                            return Some(jump);
                        }
                    }
                }
            }
        }
        None
    }
    walk(body, false)
}

/// Whether code of `body`'s own frame may suspend there: an `await`,
/// `async for`, `async with`, or a `yield` (an async generator or
/// context manager is thrown into at its `yield`).
fn can_suspend(body: &[Stmt]) -> bool {
    #[derive(Default)]
    struct Finder {
        found: bool,
    }
    impl<'b> Visitor<'b> for Finder {
        fn visit_stmt(&mut self, stmt: &'b Stmt) {
            if self.found {
                return;
            }
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::For(ast::StmtFor { is_async: true, .. })
                | Stmt::With(ast::StmtWith { is_async: true, .. }) => self.found = true,
                _ => visitor::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, expr: &'b Expr) {
            if self.found {
                return;
            }
            match expr {
                Expr::Lambda(_) => {}
                Expr::Await(_) | Expr::Yield(_) | Expr::YieldFrom(_) => self.found = true,
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let mut finder = Finder::default();
    finder.visit_body(body);
    finder.found
}

/// The calls in an expression, outside lambdas.
#[derive(Default)]
struct Calls<'b>(Vec<&'b ExprCall>);

impl<'b> Visitor<'b> for Calls<'b> {
    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Lambda(_) => {}
            Expr::Call(call) => {
                self.0.push(call);
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// The calls a function returns (`return make()`), and whether it may
/// return something true (`return True`, `return self.ok`): in its own
/// frame.
#[derive(Default)]
struct Returns<'b> {
    calls: Vec<&'b ExprCall>,
    truthy: bool,
}

impl<'b> Visitor<'b> for Returns<'b> {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Return(ret) => match ret.value.as_deref() {
                None | Some(Expr::NoneLiteral(_)) => {}
                Some(Expr::BooleanLiteral(boolean)) if !boolean.value => {}
                Some(value) => {
                    self.truthy = true;
                    if let Expr::Call(call) = value {
                        self.calls.push(call);
                    }
                }
            },
            _ => visitor::walk_stmt(self, stmt),
        }
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};

    use super::KeptCancellation;
    use crate::test_support::with_context;
    use crate::version::PyVersion;

    /// What keeps the cancellation of `main()`, called in the source's last
    /// statement (`run(main())`), as the text it covers.
    fn kept_at(source: &str, target: PyVersion) -> Option<(&'static str, String)> {
        with_context(source, |ctx| {
            let Some(Stmt::Expr(last)) = ctx.module.body.last() else {
                panic!("no last expression statement")
            };
            let Expr::Call(run) = last.value.as_ref() else {
                panic!("no call")
            };
            let Some(Expr::Call(call)) = run.arguments.args.first() else {
                panic!("no argument call")
            };
            ctx.semantic.kept_cancellation(call, 0, target).map(|kept| {
                let kind = match kept {
                    KeptCancellation::Handler(_) => "handler",
                    KeptCancellation::Finally(_) => "finally",
                    KeptCancellation::ContextManager(_) => "context manager",
                    KeptCancellation::Elsewhere(_) => "elsewhere",
                    KeptCancellation::Unknown(_) => "unknown",
                    KeptCancellation::TooDeep(_) => "too deep",
                };
                (kind, source[kept.range()].to_string())
            })
        })
    }

    fn kept(source: &str) -> Option<(&'static str, String)> {
        kept_at(source, PyVersion::PY311)
    }

    const HEAD: &str = "import asyncio\nfrom asyncio import CancelledError\nimport contextlib\n\n";

    fn with_main(body: &str) -> String {
        format!("{HEAD}async def main():\n{body}\nrun(main())\n")
    }

    #[test]
    fn handlers_that_go_on_keep_it() {
        for (body, caught) in [
            (
                "    try:\n        await asyncio.sleep(5)\n    except asyncio.CancelledError:\n        print('stopped')\n",
                "except asyncio.CancelledError",
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except:\n        pass\n",
                "except",
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except (KeyError, BaseException):\n        return 1\n",
                "except (KeyError, BaseException)",
            ),
            (
                "    while True:\n        try:\n            await asyncio.sleep(5)\n        except CancelledError:\n            if done():\n                raise\n",
                "except CancelledError",
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        if again():\n            return\n        raise\n",
                "except CancelledError",
            ),
            // Another exception raised instead: the caller sees it, not
            // the cancellation.
            (
                "    try:\n        await asyncio.sleep(5)\n    except BaseException as e:\n        raise RuntimeError('x') from e\n",
                "except BaseException",
            ),
            (
                "    try:\n        await asyncio.sleep(5)\n    except asyncio.CancelledError as e:\n        err = e\n        raise err.__class__()\n",
                "except asyncio.CancelledError",
            ),
            (
                "    for _ in range(3):\n        try:\n            await asyncio.sleep(5)\n        except errors:\n            continue\n",
                "except errors",
            ),
        ] {
            assert_eq!(
                kept(&with_main(body)),
                Some(("handler", caught.to_string())),
                "{body}"
            );
        }
    }

    #[test]
    fn handlers_that_raise_or_cannot_see_it_let_it_out() {
        for body in [
            "    await asyncio.sleep(5)\n",
            "    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        print('stopping')\n        raise\n",
            "    try:\n        await asyncio.sleep(5)\n    except BaseException as e:\n        raise e from None\n",
            // `Exception` does not catch it (from 3.8).
            "    try:\n        await asyncio.sleep(5)\n    except Exception:\n        pass\n",
            // A handler after one that surely re-raises it never sees it.
            "    try:\n        await asyncio.sleep(5)\n    except asyncio.CancelledError:\n        raise\n    except BaseException:\n        pass\n",
            // Nothing can suspend in the `try`.
            "    try:\n        x = int('1')\n    except:\n        x = 0\n    await asyncio.sleep(x)\n",
            // A `break` of a loop inside the handler stays in it.
            "    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        for i in range(3):\n            break\n        raise\n",
            // A nested function's handler runs later, if at all.
            "    def later():\n        try:\n            pass\n        except:\n            pass\n    await asyncio.sleep(1)\n",
        ] {
            assert_eq!(kept(&with_main(body)), None, "{body}");
        }
    }

    #[test]
    fn before_3_8_exception_catches_it() {
        let source = with_main(
            "    try:\n        await asyncio.sleep(5)\n    except Exception:\n        pass\n",
        );
        assert_eq!(kept(&source), None);
        assert_eq!(
            kept_at(&source, PyVersion::PY37),
            Some(("handler", "except Exception".to_string()))
        );
    }

    #[test]
    fn finally_that_returns_and_suppressing_managers_keep_it() {
        assert_eq!(
            kept(&with_main(
                "    try:\n        await asyncio.sleep(5)\n    finally:\n        return 1\n"
            )),
            Some(("finally", "return 1".to_string()))
        );
        assert_eq!(
            kept(&with_main(
                "    with contextlib.suppress(asyncio.CancelledError):\n        await asyncio.sleep(5)\n"
            )),
            Some((
                "context manager",
                "contextlib.suppress(asyncio.CancelledError)".to_string()
            ))
        );
        let source = format!(
            "{HEAD}class Quiet:\n    async def __aenter__(self):\n        return self\n    async def __aexit__(self, *exc):\n        return True\n\nclass Quieter(Quiet):\n    pass\n\nasync def main():\n    async with Quieter():\n        await asyncio.sleep(5)\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("context manager", "Quieter()".to_string()))
        );
        // `suppress(KeyError)` and a manager that returns `False` let it out.
        assert_eq!(
            kept(&format!(
                "{HEAD}class Loud:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return False\n\nasync def main():\n    with contextlib.suppress(KeyError), Loud():\n        await asyncio.sleep(5)\n\nrun(main())\n"
            )),
            None
        );
    }

    #[test]
    fn the_module_coroutines_it_calls_are_read() {
        // Awaited directly, through a task, through a plain function, as a
        // method of another object, as an async generator.
        let serve = "async def serve():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        pass\n\n";
        for body in [
            "    await serve()\n",
            "    task = asyncio.create_task(serve())\n    await task\n",
            "    await start()\n",
            "    await server.serve()\n",
        ] {
            let source = format!(
                "{HEAD}{serve}def start():\n    return serve()\n\nclass Server:\n    async def serve(self):\n        try:\n            await asyncio.sleep(5)\n        except CancelledError:\n            pass\n\nasync def main():\n{body}\nrun(main())\n"
            );
            assert_eq!(
                kept(&source).map(|(kind, _)| kind),
                Some("handler"),
                "{body}"
            );
        }
        let source = format!(
            "{HEAD}async def numbers():\n    try:\n        yield 1\n    except BaseException:\n        return\n\nasync def main():\n    async for n in numbers():\n        await asyncio.sleep(n)\n\nrun(main())\n"
        );
        assert_eq!(
            kept(&source),
            Some(("handler", "except BaseException".to_string()))
        );
    }

    #[test]
    fn recursion_and_unknown_coroutines() {
        // A coroutine that calls itself is read once.
        let source = format!(
            "{HEAD}async def main(n=3):\n    if n:\n        await main(n - 1)\n    await asyncio.sleep(1)\n\nrun(main())\n"
        );
        assert_eq!(kept(&source), None);
        // Imported code deeper down is trusted; the coroutine asked about is not.
        let source = format!(
            "{HEAD}from app import serve\n\nasync def main():\n    await serve()\n\nrun(main())\n"
        );
        assert_eq!(kept(&source), None);
        let source = format!("{HEAD}from app import main\n\nrun(main())\n");
        assert_eq!(kept(&source), Some(("unknown", "main()".to_string())));
        // asyncio's own coroutine, around one of the module's.
        let source = format!(
            "{HEAD}async def serve():\n    try:\n        await asyncio.sleep(5)\n    except CancelledError:\n        pass\n\nrun(asyncio.wait_for(serve(), 5))\n"
        );
        assert_eq!(
            kept(&source),
            Some(("handler", "except CancelledError".to_string()))
        );
    }
}
