use ruff_python_ast::token::{TokenKind, parenthesized_range};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{AnyNodeRef, ExprRef, StmtFunctionDef};
use rustc_hash::FxHashSet;

use crate::codemods::prelude::*;
use crate::fix::layout::{LineStyle, call_layout, line_end};
use crate::fix::statements::{Comments, delete_statements, is_own_lines};
use crate::fix::syntax::{significant_after, significant_before};
use crate::semantic::imports::Lookup;
use crate::semantic::statements::single_assignment;
use crate::semantic::{BindingKind, Callee, ScopeId, ScopeKind, ScopeNode, SemanticModel, UseKind};

declare_codemod! {
    /// ## What it does
    /// Runs the awaits of a loop that collects results at the same time:
    /// `users = []` followed by `for uid in ids: users.append(await
    /// fetch_user(uid))`, or `[await fetch_user(uid) for uid in ids]`,
    /// becomes `await asyncio.gather(*(fetch_user(uid) for uid in ids))`,
    /// when `fetch_user` is a coroutine function of the module and no
    /// iteration depends on another. Other loops that collect awaited
    /// results one after another are reported.
    ///
    /// ## Why
    /// Each `await` in the loop waits for its call to finish before the
    /// next iteration starts it, so a hundred requests of 100 ms take ten
    /// seconds. `asyncio.gather` runs them at the same time and returns
    /// their results in the order of the iterations.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def fetch_user(uid):
    ///     await asyncio.sleep(0.1)
    ///     return {"id": uid}
    ///
    /// async def load(ids):
    ///     users = []
    ///     for uid in ids:
    ///         users.append(await fetch_user(uid))
    ///     return users
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def fetch_user(uid):
    ///     await asyncio.sleep(0.1)
    ///     return {"id": uid}
    ///
    /// async def load(ids):
    ///     users = await asyncio.gather(*(fetch_user(uid) for uid in ids))
    ///     return users
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the calls now run concurrently, each in a task.
    /// - Concurrency is unbounded: every iteration starts at once, so a
    ///   thousand ids open a thousand requests together. To bound it, wrap
    ///   the call in a semaphore:
    ///   `limit = asyncio.Semaphore(10)`, then `async def one(uid): async
    ///   with limit: return await fetch_user(uid)`, and gather `one(uid)`.
    /// - Side effects interleave and change order: what the calls print,
    ///   log or write no longer comes one call after the other.
    /// - Errors: the loop stopped at the first failure, so later calls never
    ///   ran; `gather` starts them all, raises the exception that happens
    ///   first in time (perhaps a later iteration's) and lets the others
    ///   run on unsupervised (nothing cancels them). When a call
    ///   fails, the list is not bound at all, where the loop left it
    ///   partly filled.
    /// - Every argument and condition is evaluated before any call runs,
    ///   and the iterable is read whole before then: items another task
    ///   adds to it while the loop would have waited (a list passed in as a
    ///   parameter, a module's list) are no longer seen. A list the
    ///   function itself hands to other code first is left alone.
    /// - Context variables set by one call are no longer seen by the next.
    ///
    /// Independence is decided from what the module shows: the called
    /// function is an `async def` of the module that, with the functions of
    /// the module it calls, uses no module-level variable but constants,
    /// changes nothing of the module (no attribute of a class or function:
    /// `Stats.n += 1`, `fetch.calls += 1`), has no default value a call may
    /// change (`seen=[]`), reaches no variable by name (`globals()`) and
    /// stores into nothing it is given, and each call gets only the loop's
    /// own values and constants. What it reaches through other modules (a
    /// shared client, a database) or changes by calling methods of what it
    /// is given (`item.mark_done()`) is not seen: review each rewrite for
    /// that.
    ///
    /// ## Left alone
    /// Reported without a fix: a callee that is not a coroutine function of
    /// the module (imported, a method, a variable, a nested function:
    /// unknown until the project index reads other modules), or one of
    /// asyncio's own (`sleep`, `wait_for`, … exist to order things); a
    /// function that, or whose module functions it calls, uses a
    /// module-level variable other than a constant (a cache, a counter, a
    /// client), stores into a class or function of the module (also in
    /// the methods of a class of the module it makes an object of, which
    /// run without a call naming them: the constructor, `__post_init__`,
    /// `with`, a property setter), has a
    /// parameter whose default a call may change (`_calls=[]`,
    /// `counter=Counter()`), calls `globals()`, `vars()`, `eval` or `exec`,
    /// or assigns an attribute or item of a parameter (one object
    /// listed twice would be changed by two calls at once); a loop over a
    /// list the function hands to other code before or during the loop
    /// (`spawn(fill(q))`, a nested function reading it);
    /// an argument that is a shared object rather than the iteration's own
    /// value (`fetch(session, uid)`, `process(item, results)`: a
    /// session runs one operation at a time, a shared list fills in
    /// another order), or the same arguments every time; an argument or a
    /// comprehension condition that calls, awaits or binds (`:=`); a loop
    /// variable read after the loop, or declared `global`; a list read by
    /// a nested function, by a handler or `finally` around the loop, or by
    /// the loop itself; an `async for`, a loop with `else:`, a loop body or
    /// comprehension that does more than append the awaited call; a module
    /// that uses trio or anyio. Set and dict comprehensions and generator
    /// expressions are not rewritten.
    pub static AWAIT_IN_LOOP = Codemod {
        code: "AM112",
        name: "await-in-loop",
        min_python: PyVersion::PY37,
        safety: Applicability::Unsafe,
        run: await_in_loop,
        needles: &["await"],
        requires: &[ASYNC_DEF],
    };
}

const MESSAGE: &str = "awaits in a loop run one after another";

/// asyncio's coroutine functions whose calls may run side by side.
const ASYNCIO_CONCURRENT: &[&str] = &["open_connection", "open_unix_connection"];

fn await_in_loop(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    if ["trio", "anyio", "curio"]
        .iter()
        .any(|library| semantic.imports_module(library))
    {
        return;
    }
    for suite in semantic.coroutine_suites() {
        for (index, stmt) in suite.body.iter().enumerate() {
            if let Stmt::For(loop_) = stmt {
                collecting_loop(ctx, out, suite.body, index, loop_, suite.scope);
            }
        }
    }
    for scope in &semantic.scopes {
        let (
            ScopeKind::Comprehension {
                is_generator: false,
            },
            ScopeNode::Comprehension(expr),
        ) = (scope.kind, scope.node)
        else {
            continue;
        };
        let Expr::ListComp(comprehension) = expr else {
            continue;
        };
        let Some(parent) = scope.parent else { continue };
        if !semantic.in_async_def(parent) {
            continue;
        }
        collecting_comprehension(ctx, out, comprehension);
    }
}

/// The awaited call in `await CALL`.
fn awaited_call(expr: &Expr) -> Option<&ast::ExprCall> {
    expr.as_await_expr()?.value.as_call_expr()
}

/// `NAME.append(VALUE)` as an expression statement: the list and the value.
fn append_of(stmt: &Stmt) -> Option<(&ast::ExprName, &Expr)> {
    let Stmt::Expr(statement) = stmt else {
        return None;
    };
    let call = statement.value.as_call_expr()?;
    let Expr::Attribute(method) = call.func.as_ref() else {
        return None;
    };
    let [value] = &*call.arguments.args else {
        return None;
    };
    (method.attr.as_str() == "append" && call.arguments.keywords.is_empty())
        .then_some(())
        .and(method.value.as_name_expr().map(|list| (list, value)))
}

/// A `for` loop in a coroutine: the fix when it is `xs = []` then `for …:
/// xs.append(await f(…))`, a report when its body collects awaited
/// results among other statements.
fn collecting_loop(
    ctx: &Context,
    out: &mut Findings,
    body: &[Stmt],
    index: usize,
    loop_: &ast::StmtFor,
    scope: ScopeId,
) {
    let exact = match loop_.body.as_slice() {
        [only] => append_of(only).and_then(|(list, value)| Some((list, awaited_call(value)?))),
        _ => None,
    };
    let Some((list, call)) = exact else {
        if let Some(call) = loop_.body.iter().find_map(collected_await) {
            out.report(&AWAIT_IN_LOOP, call.range(), MESSAGE).note(
                "the loop does more than append one awaited call to a list: rewrite it by hand with `asyncio.gather` if its iterations are independent",
            );
        }
        return;
    };
    let finding = out.report(&AWAIT_IN_LOOP, call.range(), MESSAGE);
    let init = index
        .checked_sub(1)
        .and_then(|i| body.get(i))
        .filter(|init| empty_list_assignment(init, list.id.as_str()).is_some());
    let Some(init) = init else {
        finding.note("the list is not made empty just before the loop (`xs = []`)");
        return;
    };
    let Some(loop_stmt) = body.get(index) else {
        return;
    };
    let reason = if loop_.is_async {
        Some("an `async for` loop: its iterations come one at a time")
    } else if !loop_.orelse.is_empty() {
        Some("the loop has an `else:` clause")
    } else {
        loop_obstacle(ctx, loop_stmt, loop_, list, scope)
            .or_else(|| iterable_obstacle(ctx.semantic, &loop_.iter, scope, loop_.end()))
            .or_else(|| call_obstacle(ctx, call, &[&loop_.target], scope))
    };
    if let Some(reason) = reason {
        finding.note(reason);
        return;
    }
    finding.fix_with(Applicability::Unsafe, |fix| {
        let gather = fix.ensure_import("asyncio", "gather")?;
        fix.title(format!("Await the calls together with `{gather}`"));
        let source = ctx.source;
        let target = piece(ctx, &loop_.target, AnyNodeRef::from(loop_))?;
        let iter = piece(ctx, &loop_.iter, AnyNodeRef::from(loop_))?;
        let iter = match &*loop_.iter {
            Expr::Tuple(tuple) if !tuple.parenthesized => format!("({iter})"),
            _ => iter,
        };
        let generator = format!("*({} for {target} in {iter})", &source[call.range()]);
        let (_, value) = single_assignment(init)
            .ok_or_else(|| anyhow::anyhow!("internal error: no assignment"))?;
        let style = LineStyle::at(ctx, init.start());
        let prefix = &source[TextRange::new(init.start(), value.start())];
        let following = &source[TextRange::new(init.end(), line_end(source, init.end()))];
        let statement = call_layout(
            &style,
            &format!("{prefix}await "),
            &gather,
            &[generator],
            "",
            following,
        );
        fix.replace(init.range(), statement);
        for edit in delete_statements(
            ctx.source,
            ctx.semantic,
            &[loop_stmt],
            Comments::Keep(ctx.tokens),
        )? {
            fix.edit(edit);
        }
        Ok(())
    });
}

/// `NAME = []` or `NAME: T = []` for this name.
fn empty_list_assignment<'a>(stmt: &'a Stmt, name: &str) -> Option<&'a Expr> {
    let (target, value) = single_assignment(stmt)?;
    let is_empty_list = matches!(value, Expr::List(list) if list.elts.is_empty());
    (is_empty_list && target.as_name_expr()?.id.as_str() == name).then_some(value)
}

/// The call of a statement that collects an awaited result:
/// `xs.append(await f(…))`, `xs.add(await f(…))`, `d[k] = await f(…)`.
fn collected_await(stmt: &Stmt) -> Option<&ast::ExprCall> {
    match stmt {
        Stmt::Expr(statement) => {
            let call = statement.value.as_call_expr()?;
            let Expr::Attribute(method) = call.func.as_ref() else {
                return None;
            };
            let [value] = &*call.arguments.args else {
                return None;
            };
            matches!(method.attr.as_str(), "append" | "add")
                .then(|| awaited_call(value))
                .flatten()
        }
        Stmt::Assign(assign) => match assign.targets.as_slice() {
            [Expr::Subscript(_)] => awaited_call(&assign.value),
            _ => None,
        },
        _ => None,
    }
}

/// What keeps the loop form from being rewritten, if anything: the loop
/// variables or the list used where the rewrite would change them.
fn loop_obstacle(
    ctx: &Context,
    loop_stmt: &Stmt,
    loop_: &ast::StmtFor,
    list: &ast::ExprName,
    scope: ScopeId,
) -> Option<&'static str> {
    let semantic = ctx.semantic;
    if !is_own_lines(ctx.source, loop_stmt) {
        return Some("the loop shares its line with other code");
    }
    if contains_yield(&loop_.iter) {
        return Some("the loop's iterable yields");
    }
    let loop_range = loop_stmt.range();
    for name in bound_names(&loop_.target).unwrap_or_default() {
        if semantic.owner_scope(name, scope) != Some(scope) {
            return Some("a loop variable is global or belongs to another function");
        }
        let outside = semantic
            .uses_of(name, scope)
            .into_iter()
            .any(|u| !loop_range.contains_range(u.range) || semantic.frame_of(u.scope) != scope);
        if outside {
            return Some(
                "a loop variable is used outside the loop: a generator's variable would not leak its last value",
            );
        }
    }
    if bound_names(&loop_.target).is_none() {
        return Some("the loop variable is not a plain name or tuple of names");
    }
    let name = list.id.as_str();
    if semantic.owner_scope(name, scope) != Some(scope) {
        return Some("the list is global or belongs to another function");
    }
    for use_ in semantic.uses_of(name, scope) {
        if semantic.frame_of(use_.scope) != scope {
            return Some("a nested function reads the list: it may run while the calls do");
        }
        if matches!(use_.kind, UseKind::Declaration | UseKind::Delete) {
            return Some("the list is declared or deleted elsewhere");
        }
        if loop_range.contains_range(use_.range) && use_.range != list.range {
            return Some("the loop reads the list it builds");
        }
    }
    if semantic.read_after_exception(loop_stmt, name, scope) {
        return Some(
            "code that runs after a failure reads the list: the loop left it partly filled, `gather` leaves it unbound",
        );
    }
    None
}

/// Why the loop's iterable may not be read whole before any call runs,
/// if it may not: it is a variable the function hands to other code (a
/// task given the list may add to it while the loop awaits, and the loop
/// would see the new items) before the loop ends at `end`.
fn iterable_obstacle(
    semantic: &SemanticModel,
    iter: &Expr,
    scope: ScopeId,
    end: TextSize,
) -> Option<&'static str> {
    let Expr::Name(name) = iter else {
        return None;
    };
    semantic
        .handed_out_before(name.id.as_str(), scope, end, name.range)
        .then_some(
            "the loop's iterable is handed to other code before or during the loop (a task may add to it while the calls wait): `gather` reads it whole before any call runs",
        )
}

/// A comprehension `[await f(…) for …]` in a coroutine.
fn collecting_comprehension(ctx: &Context, out: &mut Findings, comprehension: &ast::ExprListComp) {
    let Some(call) = awaited_call(&comprehension.elt) else {
        return;
    };
    let finding = out.report(&AWAIT_IN_LOOP, call.range(), MESSAGE);
    let targets: Vec<&Expr> = comprehension.generators.iter().map(|g| &g.target).collect();
    // The element runs in the comprehension's own scope.
    let inner = ctx.semantic.scope_at(comprehension.elt.start());
    let outer = ctx.semantic.scope(inner).parent.unwrap_or(inner);
    let first = comprehension.generators.first().map(|g| &g.iter);
    let reason = call_obstacle(ctx, call, &targets, inner)
        .or_else(|| comprehension_obstacle(ctx, comprehension, call))
        .or_else(|| {
            first.and_then(|iter| iterable_obstacle(ctx.semantic, iter, outer, comprehension.end()))
        });
    if let Some(reason) = reason {
        finding.note(reason);
        return;
    }
    finding.fix_with(Applicability::Unsafe, |fix| {
        let gather = fix.ensure_import("asyncio", "gather")?;
        fix.title(format!("Await the calls together with `{gather}`"));
        let source = ctx.source;
        let inside = &source[TextRange::new(call.start(), comprehension.end() - TextSize::of("]"))];
        let text = format!("await {gather}(*({inside}))");
        // `await` takes a primary: a trailer after the comprehension
        // (`[…][0]`, `[…].x`) would bind to the call instead.
        let trailer = significant_after(ctx.tokens, comprehension.end()).is_some_and(|t| {
            matches!(t.kind(), TokenKind::Dot | TokenKind::Lsqb | TokenKind::Lpar)
        });
        let text = if trailer { format!("({text})") } else { text };
        fix.replace(comprehension.range(), text);
        Ok(())
    });
}

/// What keeps the comprehension from being rewritten, if anything.
fn comprehension_obstacle(
    ctx: &Context,
    comprehension: &ast::ExprListComp,
    call: &ast::ExprCall,
) -> Option<&'static str> {
    let tokens = ctx.tokens;
    // `[await f(x) for …]` exactly: no parentheses around the element.
    let opens = significant_before(tokens, call.start())
        .filter(|t| t.kind() == TokenKind::Await)
        .and_then(|t| significant_before(tokens, t.start()))
        .is_some_and(|t| t.kind() == TokenKind::Lsqb && t.start() == comprehension.start());
    let closes = significant_after(tokens, call.end()).is_some_and(|t| t.kind() == TokenKind::For);
    if comprehension.generators.iter().any(|g| g.is_async) {
        return Some("an `async for` comprehension: its items come one at a time");
    }
    if !opens || !closes {
        return Some("the awaited call is written inside parentheses");
    }
    for (i, generator) in comprehension.generators.iter().enumerate() {
        if bound_names(&generator.target).is_none() {
            return Some("a loop variable is not a plain name or tuple of names");
        }
        // The first iterable runs once either way; later ones and the
        // conditions would now all run before any call.
        let later = if i == 0 { None } else { Some(&generator.iter) };
        if later
            .into_iter()
            .chain(&generator.ifs)
            .any(|expr| !is_plain(expr))
        {
            return Some(
                "a condition or inner iterable calls, awaits or binds: it would now run before every call instead of between them",
            );
        }
        if contains_yield(&generator.iter) {
            return Some("an iterable yields");
        }
    }
    None
}

/// What keeps the calls from running side by side, if anything: the
/// callee is no coroutine function of the module the codemod may trust,
/// it uses shared module state, or an argument is not the iteration's
/// own value.
fn call_obstacle(
    ctx: &Context,
    call: &ast::ExprCall,
    targets: &[&Expr],
    scope: ScopeId,
) -> Option<&'static str> {
    let semantic = ctx.semantic;
    match callee_kind(semantic, call, scope) {
        CalleeKind::Module(def) => {
            if let Some(reason) = shared_module_state(semantic, def, CALL_DEPTH) {
                return Some(reason);
            }
        }
        CalleeKind::Asyncio => {}
        CalleeKind::OrdersThings => {
            return Some("asyncio's own function: its calls exist to order things");
        }
        CalleeKind::Unknown => {
            return Some(
                "the callee is not a coroutine function of this module (imported, a method, a variable, nested): whether its calls are independent cannot be told",
            );
        }
    }
    let names: FxHashSet<&str> = targets
        .iter()
        .filter_map(|t| bound_names(t))
        .flatten()
        .collect();
    let mut reads_loop_value = false;
    for argument in call.arguments.iter_source_order() {
        let value = match argument {
            ast::ArgOrKeyword::Arg(Expr::Starred(starred)) => starred.value.as_ref(),
            ast::ArgOrKeyword::Arg(value) => value,
            ast::ArgOrKeyword::Keyword(keyword) => &keyword.value,
        };
        if !is_plain(value) {
            return Some(
                "an argument calls, awaits or binds: it would now run before every call instead of between them",
            );
        }
        for name in names_read(value) {
            if names.contains(name) {
                reads_loop_value = true;
            } else if !holds_a_constant(semantic, name, scope) {
                return Some(
                    "an argument is a shared object, not the iteration's own value: calls running side by side would use it at once",
                );
            }
        }
    }
    if !reads_loop_value {
        return Some(
            "every call gets the same arguments: they read one source in turn, and their order decides who gets what",
        );
    }
    None
}

enum CalleeKind<'a> {
    /// An `async def` of the module, at module level.
    Module(&'a StmtFunctionDef),
    /// One of asyncio's coroutine functions whose calls may run side by side.
    Asyncio,
    /// asyncio's own, which exists to order things (`sleep`, `wait_for`).
    OrdersThings,
    Unknown,
}

fn callee_kind<'a>(
    semantic: &SemanticModel<'a>,
    call: &ast::ExprCall,
    scope: ScopeId,
) -> CalleeKind<'a> {
    if let Some(qualified) = semantic.qualified_name(&call.func, scope)
        && qualified.segments().next() == Some("asyncio")
    {
        return if ASYNCIO_CONCURRENT.contains(&qualified.member())
            && semantic.returns_coroutine(call, scope)
        {
            CalleeKind::Asyncio
        } else {
            CalleeKind::OrdersThings
        };
    }
    if !call.func.is_name_expr() {
        return CalleeKind::Unknown;
    }
    match semantic.coroutine_function(&call.func, scope) {
        Some(def)
            if semantic
                .scope_of_function(def)
                .is_some_and(|s| semantic.is_module_function(s)) =>
        {
            CalleeKind::Module(def)
        }
        _ => CalleeKind::Unknown,
    }
}

/// How many calls deep the functions of the module a callee calls are read.
const CALL_DEPTH: u8 = 3;

/// Why calls of the module's function `def` may not run side by side, if
/// they may not: it, or a function of the module it calls, uses a
/// module-level variable other than a constant (a cache, a counter, a
/// client: calls running at once would see each other's changes or use
/// one object at once), or stores into what it is given (two iterations
/// may hand it one object).
fn shared_module_state(
    semantic: &SemanticModel,
    def: &StmtFunctionDef,
    depth: u8,
) -> Option<&'static str> {
    let Some(function) = semantic.scope_of_function(def) else {
        return Some("internal error: a function without a scope");
    };
    let outer = semantic.outer_uses_of_function(function);
    if outer.uses.iter().any(|used| used.writes) {
        return Some(
            "the function (or one it calls) changes something of the module (a variable, or an attribute of a class or function: `Stats.n += 1`): calls running side by side would share it",
        );
    }
    if outer
        .uses
        .iter()
        .any(|used| !used.definition && semantic.may_be_mutable(used.name, used.owner))
    {
        return Some(
            "the function (or one it calls) uses a module-level variable that is no constant: calls running side by side would share it",
        );
    }
    if !outer.complete {
        return Some(
            "the function calls functions of the module too deep to follow: whether its calls share state cannot be told",
        );
    }
    if semantic.shares_hidden_state(function) {
        return Some(
            "the function (or one it calls) keeps state between calls: a default value a call may change (`seen=[]`), or variables reached by name (`globals()`)",
        );
    }
    if stores_through_parameters(def) {
        return Some(
            "the function stores into an object it is given: two iterations may give it the same one",
        );
    }
    for site in &semantic.calls {
        if !def.range().contains_range(site.call.range()) {
            continue;
        }
        if let Callee::Function(called) = semantic.callee(&site.call.func, site.scope)
            && !std::ptr::eq(called, def)
        {
            if depth == 0 {
                return Some(
                    "the function calls functions of the module too deep to follow: whether its calls share state cannot be told",
                );
            }
            if let Some(reason) = shared_module_state(semantic, called, depth - 1) {
                return Some(reason);
            }
        }
    }
    None
}

/// Whether `def` assigns or deletes an attribute or item of one of its
/// parameters (`item.status = …`, `box["n"] += 1`, `del p.x`).
fn stores_through_parameters(def: &StmtFunctionDef) -> bool {
    struct Stores<'a> {
        parameters: Vec<&'a str>,
        found: bool,
    }
    impl Stores<'_> {
        fn target(&mut self, target: &Expr) {
            let mut current = target;
            let mut through = false;
            loop {
                current = match current {
                    Expr::Attribute(attribute) => &attribute.value,
                    Expr::Subscript(subscript) => &subscript.value,
                    Expr::Tuple(ast::ExprTuple { elts, .. })
                    | Expr::List(ast::ExprList { elts, .. }) => {
                        for element in elts {
                            self.target(element);
                        }
                        return;
                    }
                    Expr::Starred(starred) => &starred.value,
                    Expr::Name(name) => {
                        self.found |= through && self.parameters.contains(&name.id.as_str());
                        return;
                    }
                    _ => return,
                };
                through = true;
            }
        }
    }
    impl<'a> Visitor<'a> for Stores<'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Assign(assign) => assign.targets.iter().for_each(|t| self.target(t)),
                Stmt::AugAssign(assign) => self.target(&assign.target),
                Stmt::AnnAssign(assign) => self.target(&assign.target),
                Stmt::Delete(delete) => delete.targets.iter().for_each(|t| self.target(t)),
                Stmt::For(loop_) => self.target(&loop_.target),
                Stmt::With(with) => with
                    .items
                    .iter()
                    .filter_map(|item| item.optional_vars.as_deref())
                    .for_each(|t| self.target(t)),
                _ => {}
            }
            visitor::walk_stmt(self, stmt);
        }
    }
    let mut stores = Stores {
        parameters: def.parameters.iter().map(|p| p.name().as_str()).collect(),
        found: false,
    };
    stores.visit_body(&def.body);
    stores.found
}

/// Whether `name`, read at `scope`, is an import or a variable bound once
/// to a literal (a number, string, `True`, `None`, a tuple of those).
fn holds_a_constant(semantic: &SemanticModel, name: &str, scope: ScopeId) -> bool {
    let Lookup::Bound { bindings, .. } = semantic.lookup(name, scope) else {
        return false;
    };
    if bindings
        .iter()
        .all(|&b| matches!(semantic.binding(b).kind, BindingKind::Import { .. }))
    {
        return true;
    }
    let [only] = bindings else {
        return false;
    };
    let binding = semantic.binding(*only);
    let value = binding.stmt.and_then(single_assignment).and_then(|(t, v)| {
        (t.as_name_expr().is_some_and(|n| n.range == binding.range)).then_some(v)
    });
    !semantic.is_declared_global_or_nonlocal(name) && value.is_some_and(is_literal)
}

fn is_literal(expr: &Expr) -> bool {
    match expr {
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_) => true,
        Expr::Tuple(tuple) => tuple.elts.iter().all(is_literal),
        Expr::UnaryOp(op) => is_literal(&op.operand),
        _ => false,
    }
}

/// The names an expression reads.
fn names_read(expr: &Expr) -> Vec<&str> {
    struct Names<'a>(Vec<&'a str>);
    impl<'a> Visitor<'a> for Names<'a> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(name) = expr {
                self.0.push(name.id.as_str());
            }
            visitor::walk_expr(self, expr);
        }
    }
    let mut names = Names(Vec::new());
    names.visit_expr(expr);
    names.0
}

/// Whether an expression only reads: no call, `await`, `yield`, `:=`,
/// lambda or comprehension.
fn is_plain(expr: &Expr) -> bool {
    struct Plain(bool);
    impl<'a> Visitor<'a> for Plain {
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Call(_)
                | Expr::Await(_)
                | Expr::Yield(_)
                | Expr::YieldFrom(_)
                | Expr::Named(_)
                | Expr::Lambda(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
                | Expr::Generator(_) => self.0 = false,
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let mut plain = Plain(true);
    plain.visit_expr(expr);
    plain.0
}

fn contains_yield(expr: &Expr) -> bool {
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if matches!(expr, Expr::Yield(_) | Expr::YieldFrom(_)) {
                self.0 = true;
            } else {
                visitor::walk_expr(self, expr);
            }
        }
    }
    let mut finder = Finder(false);
    finder.visit_expr(expr);
    finder.0
}

/// The names a loop target binds, when it is a name or a (nested) tuple
/// or list of names.
fn bound_names(target: &Expr) -> Option<Vec<&str>> {
    match target {
        Expr::Name(name) => Some(vec![name.id.as_str()]),
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            let mut names = Vec::new();
            for element in elts {
                names.extend(bound_names(element)?);
            }
            Some(names)
        }
        _ => None,
    }
}

/// The source of `expr` with its parentheses, on one logical piece.
fn piece(ctx: &Context, expr: &Expr, parent: AnyNodeRef) -> anyhow::Result<String> {
    let range =
        parenthesized_range(ExprRef::from(expr), parent, ctx.tokens).unwrap_or(expr.range());
    Ok(ctx.source[range].to_string())
}

#[cfg(test)]
mod tests {
    use super::{AWAIT_IN_LOOP as AM112, MESSAGE};
    use crate::test_support::{check_no_fix, check_unsafe_fix, findings};

    const FETCH: &str = "import asyncio\n\n\nasync def fetch(x, n=1):\n    return x\n\n\n";

    fn module(body: &str) -> String {
        format!("{FETCH}async def f(ids):\n{body}")
    }

    fn reported(body: &str) {
        let source = module(body);
        check_no_fix(&AM112, &source);
        let found = findings(&AM112, &source);
        assert!(
            found.iter().any(|f| f.ends_with(MESSAGE)),
            "{found:?}\n{source}"
        );
    }

    #[test]
    fn append_loop_becomes_gather() {
        check_unsafe_fix(
            &AM112,
            &module(
                "    users = []\n    for uid in ids:\n        users.append(await fetch(uid))\n    return users\n",
            ),
            &module(
                "    users = await asyncio.gather(*(fetch(uid) for uid in ids))\n    return users\n",
            ),
        );
    }

    #[test]
    fn annotated_list_and_tuple_target_and_constants() {
        check_unsafe_fix(
            &AM112,
            &module(
                "    N = 3\n    out: list[int] = []\n    for i, (a, b) in ids:\n        out.append(await fetch(a + b, n=N))\n    return out\n",
            ),
            &module(
                "    N = 3\n    out: list[int] = await asyncio.gather(*(fetch(a + b, n=N) for i, (a, b) in ids))\n    return out\n",
            ),
        );
    }

    #[test]
    fn comprehension_becomes_gather() {
        check_unsafe_fix(
            &AM112,
            &module("    return [await fetch(i) for i in ids if i]\n"),
            &module("    return await asyncio.gather(*(fetch(i) for i in ids if i))\n"),
        );
        check_unsafe_fix(
            &AM112,
            &module("    return len([await fetch(i) for i in ids])\n"),
            &module("    return len(await asyncio.gather(*(fetch(i) for i in ids)))\n"),
        );
        check_unsafe_fix(
            &AM112,
            &module("    return [await fetch(i) for i in ids][0]\n"),
            &module("    return (await asyncio.gather(*(fetch(i) for i in ids)))[0]\n"),
        );
    }

    #[test]
    fn a_tuple_iterable_gets_parentheses() {
        check_unsafe_fix(
            &AM112,
            &module(
                "    xs = []\n    for i in 1, 2:\n        xs.append(await fetch(i))\n    return xs\n",
            ),
            &module("    xs = await asyncio.gather(*(fetch(i) for i in (1, 2)))\n    return xs\n"),
        );
    }

    #[test]
    fn comments_in_the_loop_stay() {
        check_unsafe_fix(
            &AM112,
            &module(
                "    xs = []\n    for i in ids:  # all\n        xs.append(await fetch(i))  # one\n    return xs\n",
            ),
            &module(
                "    xs = await asyncio.gather(*(fetch(i) for i in ids))\n    # all\n    # one\n    return xs\n",
            ),
        );
    }

    #[test]
    fn unknown_callees_are_reported() {
        reported(
            "    xs = []\n    for i in ids:\n        xs.append(await other(i))\n    return xs\n",
        );
        reported("    return [await self.fetch(i) for i in ids]\n");
        reported("    return [await asyncio.sleep(i) for i in ids]\n");
        reported("    async def g(x):\n        return x\n    return [await g(i) for i in ids]\n");
    }

    #[test]
    fn shared_arguments_are_reported() {
        reported("    seen = []\n    return [await fetch(i, seen) for i in ids]\n");
        reported("    return [await fetch(session) for i in ids]\n");
        reported("    return [await fetch(1) for i in ids]\n");
        reported("    return [await fetch(i, len(ids)) for i in ids]\n");
        reported("    return [await fetch(i) for i in ids if check(i)]\n");
    }

    #[test]
    fn loop_variables_and_list_uses_are_reported() {
        reported(
            "    xs = []\n    for i in ids:\n        xs.append(await fetch(i))\n    return xs, i\n",
        );
        reported(
            "    xs = []\n    for i in xs:\n        xs.append(await fetch(i))\n    return xs\n",
        );
        reported(
            "    xs = []\n    try:\n        for i in ids:\n            xs.append(await fetch(i))\n    finally:\n        print(xs)\n",
        );
        reported(
            "    xs = []\n    for i in ids:\n        xs.append(await fetch(i))\n    else:\n        pass\n    return xs\n",
        );
        reported(
            "    xs = []\n    cb = lambda: xs\n    for i in ids:\n        xs.append(await fetch(i))\n    return cb\n",
        );
    }

    #[test]
    fn loops_that_do_more_are_reported() {
        reported(
            "    xs = []\n    for i in ids:\n        if not i:\n            break\n        xs.append(await fetch(i))\n    return xs\n",
        );
        reported("    xs = {}\n    for i in ids:\n        xs[i] = await fetch(i)\n    return xs\n");
        reported(
            "    xs = [0]\n    for i in ids:\n        xs.append(await fetch(i))\n    return xs\n",
        );
    }

    #[test]
    fn shared_module_state_is_reported() {
        let source = "import asyncio\n\ncount = 0\n\nasync def fetch(x):\n    global count\n    count += 1\n    return count\n\nasync def f(ids):\n    return [await fetch(i) for i in ids]\n";
        check_no_fix(&AM112, source);
        assert_eq!(findings(&AM112, source).len(), 1);
        let source = "import asyncio\n\ncache = {}\n\nasync def fetch(x):\n    return cache.get(x)\n\nasync def f(ids):\n    return [await fetch(i) for i in ids]\n";
        check_no_fix(&AM112, source);
        assert_eq!(findings(&AM112, source).len(), 1);
    }

    #[test]
    fn state_changed_by_the_methods_of_an_object_made_is_reported() {
        // The constructor, `__post_init__`, `__enter__` and a property
        // setter run where no call names them; a base class's too.
        for fetch in [
            "class Ticket:\n    issued = 0\n    def __init__(self):\n        Ticket.issued += 1\n        self.no = Ticket.issued\n\nasync def fetch(x):\n    return (x, Ticket().no)\n",
            "class Slot:\n    taken = []\n    def __enter__(self):\n        Slot.taken.append(1)\n        return len(Slot.taken)\n    def __exit__(self, *exc):\n        return False\n\nasync def fetch(x):\n    with Slot() as n:\n        return (x, n)\n",
            "class Box:\n    history = []\n    @property\n    def value(self):\n        return None\n    @value.setter\n    def value(self, v):\n        Box.history.append(v)\n\nasync def fetch(x):\n    b = Box()\n    b.value = x\n    return len(Box.history)\n",
            "class Base:\n    made = []\n    def __init__(self):\n        Base.made.append(self)\n\nclass Item(Base):\n    pass\n\nasync def fetch(x):\n    return (x, Item())\n",
        ] {
            let source = format!(
                "import asyncio\n\n{fetch}\nasync def f(ids):\n    return [await fetch(i) for i in ids]\n"
            );
            check_no_fix(&AM112, &source);
            assert_eq!(findings(&AM112, &source).len(), 1, "{source}");
        }
        // A class whose methods keep to the object is no shared state.
        let source = "import asyncio\n\nclass Point:\n    def __init__(self, x):\n        self.x = x\n\nasync def fetch(x):\n    return Point(x)\n\nasync def f(ids):\n    return [await fetch(i) for i in ids]\n";
        let fixed = crate::test_support::outcome_at(
            &AM112,
            source,
            crate::version::PyVersion::DEFAULT_TARGET,
        )
        .fixed
        .unwrap_or_default();
        assert!(fixed.contains("asyncio.gather"), "{fixed}");
    }

    #[test]
    fn stores_into_parameters_and_state_of_called_functions_are_reported() {
        for fetch in [
            "async def fetch(box):\n    box['n'] += 1\n    return box\n",
            "async def fetch(node):\n    node.visited = True\n    return node\n",
            "counter = [0]\n\ndef tick():\n    counter[0] += 1\n    return counter[0]\n\nasync def fetch(x):\n    return (x, tick())\n",
        ] {
            let source = format!(
                "import asyncio\n\n{fetch}\nasync def f(ids):\n    return [await fetch(i) for i in ids]\n"
            );
            check_no_fix(&AM112, &source);
            assert_eq!(findings(&AM112, &source).len(), 1, "{source}");
        }
    }

    #[test]
    fn state_kept_between_calls_out_of_variables_is_reported() {
        for fetch in [
            "class Stats:\n    n = 0\n\nasync def fetch(x):\n    Stats.n += 1\n    return (x, Stats.n)\n",
            "async def fetch(x):\n    fetch.calls = getattr(fetch, 'calls', 0) + 1\n    return (x, fetch.calls)\n",
            "counter = 0\n\nasync def fetch(x):\n    globals()['counter'] += 1\n    return x\n",
            "async def fetch(x, _calls=[]):\n    _calls.append(x)\n    return len(_calls)\n",
            "import itertools\n\ndef next_id(_c=itertools.count(1)):\n    return next(_c)\n\nasync def fetch(x):\n    return (x, next_id())\n",
            "class Counter:\n    def __init__(self):\n        self.n = 0\n    def bump(self):\n        self.n += 1\n        return self.n\n\nasync def fetch(x, counter=Counter()):\n    return (x, counter.bump())\n",
        ] {
            let source = format!(
                "import asyncio\n\n{fetch}\nasync def f(ids):\n    return [await fetch(i) for i in ids]\n"
            );
            check_no_fix(&AM112, &source);
            assert_eq!(findings(&AM112, &source).len(), 1, "{source}");
        }
    }

    #[test]
    fn an_iterable_handed_to_other_code_first_is_reported() {
        reported(
            "    q = [1, 2]\n    t = asyncio.ensure_future(fill(q))\n    users = [await fetch(x) for x in q]\n    await t\n    return users\n",
        );
        reported(
            "    q = [1, 2]\n    t = asyncio.ensure_future(fill(q))\n    users = []\n    for x in q:\n        users.append(await fetch(x))\n    return users\n",
        );
        reported(
            "    q = list(ids)\n    cb = lambda: q.append(3)\n    return [await fetch(x) for x in q]\n",
        );
        // A list of its own, read only by the loop (and after it): fine.
        check_unsafe_fix(
            &AM112,
            &module(
                "    q = [1, 2]\n    users = [await fetch(x) for x in q]\n    return users, q\n",
            ),
            &module(
                "    q = [1, 2]\n    users = await asyncio.gather(*(fetch(x) for x in q))\n    return users, q\n",
            ),
        );
    }

    #[test]
    fn an_async_comprehension_says_so() {
        let source = module("    return [await fetch(x) async for x in ids]\n");
        check_no_fix(&AM112, &source);
        let outcome = crate::test_support::reasons(&AM112, &source);
        assert!(
            outcome
                .iter()
                .any(|n| n.contains("`async for` comprehension")),
            "{outcome:?}"
        );
    }

    #[test]
    fn constants_of_the_module_are_fine() {
        check_unsafe_fix(
            &AM112,
            "import asyncio\n\nBASE = 'https://x'\n\ndef url(x):\n    return BASE + x\n\nasync def fetch(x):\n    return url(x)\n\nasync def f(ids):\n    return [await fetch(i) for i in ids]\n",
            "import asyncio\n\nBASE = 'https://x'\n\ndef url(x):\n    return BASE + x\n\nasync def fetch(x):\n    return url(x)\n\nasync def f(ids):\n    return await asyncio.gather(*(fetch(i) for i in ids))\n",
        );
    }

    #[test]
    fn left_alone_without_a_report() {
        for source in [
            "import trio\n\nasync def fetch(x):\n    return x\n\nasync def f(ids):\n    return [await fetch(i) for i in ids]\n",
            "async def fetch(x):\n    return x\n\ndef f(ids):\n    return [fetch(i) for i in ids]\n",
            "async def fetch(x):\n    return x\n\nasync def f(ids):\n    for i in ids:\n        await fetch(i)\n",
        ] {
            check_no_fix(&AM112, source);
            assert!(findings(&AM112, source).is_empty(), "{source}");
        }
    }
}
