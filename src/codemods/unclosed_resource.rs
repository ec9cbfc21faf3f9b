use ruff_python_ast::visitor::{self, Visitor};

use crate::codemods::prelude::*;
use crate::fix::layout::reindent_lines;
use crate::fix::layout::{full_line_end, indent_unit, indentation_at, line_start};
use crate::fix::statements::is_own_lines;
use crate::semantic::imports::Lookup;
use crate::semantic::known::{self, Returns};
use crate::semantic::{BindingKind, ScopeId, SemanticModel, Suite, UseKind};

declare_codemod! {
    /// ## What it does
    /// Turns a client or session made in a coroutine and never closed into
    /// an `async with` block around the statements that use it:
    /// `aiohttp.ClientSession()`, `httpx.AsyncClient()`, SQLAlchemy's
    /// `AsyncSession(...)` or a call of an `async_sessionmaker`, bound to a
    /// local variable that does not escape. The same for an aiohttp
    /// response (`response = await session.get(url)` on a `ClientSession`
    /// of the function) whose body is never read nor released:
    /// `async with session.get(url) as response:`.
    ///
    /// ## Why
    /// A session holds a connection pool. Never closed, its connections
    /// stay open until the garbage collector finds the object, aiohttp
    /// warns `Unclosed client session`, and a database session keeps its
    /// connection (and transaction) checked out. `async with` closes it
    /// when the block ends, also when an exception leaves it.
    ///
    /// ## Before
    /// ```python
    /// import aiohttp
    ///
    /// async def fetch(url):
    ///     session = aiohttp.ClientSession()
    ///     response = await session.get(url)
    ///     return await response.text()
    /// ```
    ///
    /// ## After
    /// ```python
    /// import aiohttp
    ///
    /// async def fetch(url):
    ///     async with aiohttp.ClientSession() as session:
    ///         response = await session.get(url)
    ///         return await response.text()
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the resource now closes at the end of the block, which runs
    /// from its creation to the last statement that uses it, or uses what
    /// its calls returned (a response is read while the session is still
    /// open). It also closes when an exception leaves the block, where it
    /// used to stay open. A SQLAlchemy `AsyncSession` is closed, not
    /// committed: what the code did not commit is rolled back at the end of
    /// the block instead of whenever the session was collected. The block
    /// keeps the same name (`as session`). A response's block releases its
    /// connection at its end; its status and headers stay readable, and
    /// the block reaches the last statement that reads it.
    ///
    /// ## Left alone
    /// A resource closed by hand (`await session.close()`, `aclose()`,
    /// `async with session:`), returned, yielded, stored (in an attribute,
    /// a global or a variable of an enclosing function) or given to an
    /// object being made (`Client(session=session)`): another owner closes
    /// it, no finding. A response whose body is read (`text()`, `json()`,
    /// `read()`, which release it) or that is released by hand: no
    /// finding. Reported without a fix: a session passed to
    /// another function, read by a nested function or lambda, used for
    /// anything but calling its methods (`session.headers`, a request not
    /// awaited at once, such as a task), used in a handler or `finally`
    /// around it or before it is made, bound more than once or declared
    /// `global`; a result of its calls used as a whole (`return response`,
    /// `process(result)`: it may need the session open after the block); a
    /// call on such a result not awaited at once whose value leaves its
    /// statement (`asyncio.create_task(response.text())`, `[r.json()]`,
    /// `asyncio.wait_for(r.text(), 5)`, any call but a builtin that keeps
    /// nothing, such as `print`): the coroutine may run after the block; a
    /// response passed on, or a part of it kept (`stream = response.content`);
    /// a block that would `yield` (it would stay open across the
    /// consumer's code); a function that reads its own variables
    /// (`locals()`). Not recognised: an annotated assignment, sessions
    /// imported or made by factories of other modules.
    pub static UNCLOSED_RESOURCE = Codemod {
        code: "AM110",
        name: "unclosed-resource",
        min_python: PyVersion::PY37,
        safety: Applicability::Unsafe,
        run: unclosed_resource,
        needles: &["ClientSession", "AsyncClient", "AsyncSession", "async_sessionmaker"],
        requires: &[ASYNC_DEF],
    };
}

/// The classes whose instances this codemod closes.
const RESOURCE_CLASSES: &[&str] = &[
    "aiohttp.ClientSession",
    "httpx.AsyncClient",
    "sqlalchemy.ext.asyncio.AsyncSession",
];

fn unclosed_resource(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for suite in semantic.coroutine_suites() {
        for (index, stmt) in suite.body.iter().enumerate() {
            let Stmt::Assign(assign) = stmt else {
                continue;
            };
            let [Expr::Name(name)] = assign.targets.as_slice() else {
                continue;
            };
            let call = match assign.value.as_ref() {
                Expr::Call(call) => call,
                Expr::Await(awaited) if awaited.value.is_call_expr() => {
                    if let Some(request) = response_request(semantic, &assign.value, suite.scope)
                        && let Some(class) = known::class(AIOHTTP_SESSION)
                    {
                        let resource = Resource {
                            suite,
                            index,
                            stmt,
                            name,
                            call: request,
                            class,
                        };
                        report_response(ctx, out, &resource);
                    }
                    continue;
                }
                _ => continue,
            };
            let Some(class) = resource_class(semantic, call, suite.scope) else {
                continue;
            };
            let resource = Resource {
                suite,
                index,
                stmt,
                name,
                call,
                class,
            };
            let verdict = judge(ctx, &resource);
            let short = class.name.rsplit('.').next().unwrap_or(class.name);
            let message = format!("`{short}` is never closed: use `async with`");
            match verdict {
                Verdict::Fine => {}
                Verdict::Report(reason) => {
                    out.report(&UNCLOSED_RESOURCE, call.range(), message)
                        .note(reason);
                }
                Verdict::Wrap(last) => {
                    out.report(&UNCLOSED_RESOURCE, call.range(), message)
                        .fix_with(Applicability::Unsafe, |fix| {
                            fix.title(format!("Open the `{short}` with `async with`"));
                            wrap(ctx, fix, &resource, last)
                        });
                }
            }
        }
    }
}

/// The class of aiohttp's sessions, whose responses hold a connection.
const AIOHTTP_SESSION: &str = "aiohttp.ClientSession";

/// The request call of `await session.get(...)` (any request method) when
/// `session` is an `aiohttp.ClientSession` of this function: made by an
/// assignment or `async with`, or a parameter annotated with the class.
fn response_request<'a>(
    semantic: &SemanticModel,
    value: &'a Expr,
    scope: ScopeId,
) -> Option<&'a ast::ExprCall> {
    let call = value.as_await_expr()?.value.as_call_expr()?;
    let Expr::Attribute(method) = call.func.as_ref() else {
        return None;
    };
    let Expr::Name(receiver) = method.value.as_ref() else {
        return None;
    };
    if !matches!(
        method.attr.as_str(),
        "get" | "post" | "put" | "patch" | "delete" | "head" | "options" | "request"
    ) {
        return None;
    }
    let Lookup::Bound {
        scope: owner,
        bindings,
    } = semantic.lookup(receiver.id.as_str(), scope)
    else {
        return None;
    };
    let [only] = bindings else { return None };
    let binding = semantic.binding(*only);
    let made_by = match (&binding.kind, binding.stmt) {
        (BindingKind::Assignment, Some(Stmt::Assign(assign))) => Some(assign.value.as_ref()),
        (BindingKind::Assignment, Some(Stmt::With(with))) => with
            .items
            .iter()
            .find(|item| {
                item.optional_vars
                    .as_deref()
                    .is_some_and(|v| v.range() == binding.range)
            })
            .map(|item| &item.context_expr),
        (BindingKind::Parameter, _) => {
            let def = semantic.scope(owner).function()?;
            let annotation = def
                .parameters
                .iter()
                .find(|p| p.name().as_str() == receiver.id.as_str())?
                .annotation()?;
            let qualified = semantic.qualified_name(annotation, owner)?;
            let class = known::class(qualified.as_str())?;
            return (class.name == AIOHTTP_SESSION).then_some(call);
        }
        _ => None,
    };
    let Expr::Call(made) = made_by? else {
        return None;
    };
    let made_scope = semantic.scope_at(made.start());
    let class = resource_class(semantic, made, made_scope)?;
    (class.name == AIOHTTP_SESSION).then_some(call)
}

/// `response = await session.get(...)` whose body is never read and that
/// is never released: its connection stays taken until the garbage
/// collector finds it.
fn report_response(ctx: &Context, out: &mut Findings, resource: &Resource) {
    let verdict = judge_response(ctx, resource);
    let message = "an aiohttp response is never released: use `async with`";
    match verdict {
        Verdict::Fine => {}
        Verdict::Report(reason) => {
            out.report(&UNCLOSED_RESOURCE, resource.call.range(), message)
                .note(reason);
        }
        Verdict::Wrap(last) => {
            out.report(&UNCLOSED_RESOURCE, resource.call.range(), message)
                .fix_with(Applicability::Unsafe, |fix| {
                    fix.title("Open the request with `async with`");
                    wrap(ctx, fix, resource, last)
                });
        }
    }
}

fn judge_response(ctx: &Context, resource: &Resource) -> Verdict {
    let semantic = ctx.semantic;
    let scope = resource.suite.scope;
    let name = resource.name.id.as_str();
    if semantic.owner_scope(name, scope) != Some(scope) {
        return Verdict::Fine;
    }
    let uses = semantic.uses_of(name, scope);
    let releases = |range: TextRange| {
        matches!(semantic.attribute_of(range), Some((method, Some(_)))
            if matches!(method.attr.as_str(), "text" | "json" | "read" | "release" | "close"))
    };
    if uses.iter().any(|u| {
        u.kind == UseKind::Read && (releases(u.range) || closes_or_hands_over(semantic, u.range))
    }) {
        // Reading the whole body releases the connection; the others are
        // released by hand or by their new owner.
        return Verdict::Fine;
    }
    let body = resource.suite.body;
    let after = body.get(resource.index + 1..).unwrap_or_default();
    let mut last: Option<usize> = None;
    for use_ in &uses {
        match use_.kind {
            UseKind::Write if use_.range == resource.name.range => continue,
            UseKind::Read => {}
            _ => return Verdict::Report("the variable is bound, deleted or declared elsewhere"),
        }
        if semantic.frame_of(use_.scope) != scope {
            return Verdict::Report(
                "a nested function or lambda reads the response: it may run after the block",
            );
        }
        let Some(position) = statement_index(after, use_.range) else {
            return Verdict::Report(
                "the response is used outside the statements that follow the request",
            );
        };
        let Some((attribute, call)) = semantic.attribute_of(use_.range) else {
            return Verdict::Report(
                "the response is used as a whole (passed on, compared): it may be read after the block",
            );
        };
        if matches!(attribute.attr.as_str(), "content" | "connection") {
            return Verdict::Report(
                "the response's stream or connection is used: code given it may read it after the block",
            );
        }
        if matches!(unawaited_chain(semantic, use_.range), Chain::Escapes) {
            return Verdict::Report(ESCAPES);
        }
        let taken = call.map_or(attribute.range(), Ranged::range);
        if stored_or_returned(semantic, taken)
            || matches!(value_use(semantic, taken), ResultUse::Bound(_))
        {
            return Verdict::Report(
                "a part of the response is kept (`stream = response.content`): it may be read after the block",
            );
        }
        let index = resource.index + 1 + position;
        last = Some(last.map_or(index, |l| l.max(index)));
    }
    let Some(last) = last else {
        return Verdict::Report("the response is never used");
    };
    let Some(block) = body.get(resource.index + 1..=last) else {
        return Verdict::Report("internal error: a block out of range");
    };
    if block.iter().any(contains_yield) {
        return Verdict::Report(
            "the block would `yield`: the response would stay open while the consumer runs",
        );
    }
    if semantic.reads_own_frame(scope) {
        return Verdict::Report(
            "the function reads its own variables (`locals()`, `vars()`, `eval`)",
        );
    }
    if !is_own_lines(ctx.source, resource.stmt)
        || !block.iter().all(|s| is_own_lines(ctx.source, s))
    {
        return Verdict::Report("a statement shares its line with other code");
    }
    Verdict::Wrap(last)
}

/// The known class a call makes, when it is one this codemod closes: a
/// class of [`RESOURCE_CLASSES`], or a call of a variable bound once to
/// `async_sessionmaker(...)` (an `AsyncSession`).
fn resource_class(
    semantic: &SemanticModel,
    call: &ast::ExprCall,
    scope: ScopeId,
) -> Option<&'static known::KnownClass> {
    if let Some(qualified) = semantic.qualified_name(&call.func, scope) {
        let class = known::class(qualified.as_str())?;
        return RESOURCE_CLASSES.contains(&class.name).then_some(class);
    }
    // `Session()` where `Session = async_sessionmaker(engine)`.
    let Expr::Name(maker) = call.func.as_ref() else {
        return None;
    };
    let Lookup::Bound { bindings, .. } = semantic.lookup(maker.id.as_str(), scope) else {
        return None;
    };
    let [only] = bindings else { return None };
    let binding = semantic.binding(*only);
    let (BindingKind::Assignment, Some(Stmt::Assign(assign))) = (&binding.kind, binding.stmt)
    else {
        return None;
    };
    let [Expr::Name(target)] = assign.targets.as_slice() else {
        return None;
    };
    let Expr::Call(made) = assign.value.as_ref() else {
        return None;
    };
    let maker_scope = semantic.scope_at(assign.start());
    (target.range == binding.range
        && semantic.refers_to(
            &made.func,
            maker_scope,
            "sqlalchemy.ext.asyncio.async_sessionmaker",
        ))
    .then(|| known::class("sqlalchemy.ext.asyncio.AsyncSession"))
    .flatten()
}

/// `NAME = CALL` making a resource, at `suite.body[index]`.
struct Resource<'a, 'm> {
    suite: &'m Suite<'a>,
    index: usize,
    stmt: &'a Stmt,
    name: &'a ast::ExprName,
    call: &'a ast::ExprCall,
    class: &'static known::KnownClass,
}

enum Verdict {
    /// Closed by hand, or handed to another owner: nothing to say.
    Fine,
    /// Never closed, but the block cannot be drawn safely.
    Report(&'static str),
    /// Never closed: wrap the statements after the creation up to this
    /// index of the block.
    Wrap(usize),
}

fn judge(ctx: &Context, resource: &Resource) -> Verdict {
    let semantic = ctx.semantic;
    let scope = resource.suite.scope;
    let name = resource.name.id.as_str();
    if semantic.owner_scope(name, scope) != Some(scope) {
        // A global or a variable of an enclosing function: its owner
        // closes it (or not) elsewhere.
        return Verdict::Fine;
    }
    let uses = semantic.uses_of(name, scope);
    // Closed by hand or handed to another owner: not this codemod's business.
    for use_ in &uses {
        if use_.kind == UseKind::Read && closes_or_hands_over(semantic, use_.range) {
            return Verdict::Fine;
        }
    }
    let body = resource.suite.body;
    let after = body.get(resource.index + 1..).unwrap_or_default();
    let mut last: Option<usize> = None;
    let mut derived: Vec<&str> = Vec::new();
    for use_ in &uses {
        match use_.kind {
            UseKind::Write if use_.range == resource.name.range => continue,
            UseKind::Read => {}
            _ => return Verdict::Report("the variable is bound, deleted or declared elsewhere"),
        }
        if semantic.frame_of(use_.scope) != scope {
            return Verdict::Report(
                "a nested function or lambda reads the resource: it may run after the block",
            );
        }
        let Some(position) = statement_index(after, use_.range) else {
            return Verdict::Report(
                "the resource is used outside the statements that follow its creation (before it, or in a handler or `finally` around it)",
            );
        };
        let index = resource.index + 1 + position;
        if body.get(index).is_none() {
            return Verdict::Report("internal error: a statement out of range");
        }
        match method_use(semantic, resource.class, use_.range) {
            MethodUse::Awaited(call) => match result_use(semantic, call) {
                ResultUse::Bound(names) => {
                    for written in names {
                        if !derived.contains(&written) {
                            derived.push(written);
                        }
                    }
                }
                ResultUse::Read => {}
                ResultUse::Whole => return Verdict::Report(WHOLE),
            },
            MethodUse::Plain => {}
            MethodUse::Other => {
                return Verdict::Report(
                    "the resource is used for more than calling its methods (passed on, its attributes, a request not awaited at once): it may be needed after the block",
                );
            }
        }
        last = Some(last.map_or(index, |l| l.max(index)));
    }
    let Some(mut last) = last else {
        return Verdict::Report("the resource is never used");
    };
    // What the calls returned (a response, a result) is read inside the
    // block, while the resource is open; so is what is taken from it
    // without awaiting (`stream = response.content`).
    let mut next = 0;
    while let Some(&derived_name) = derived.get(next) {
        next += 1;
        if semantic.owner_scope(derived_name, scope) != Some(scope) {
            return Verdict::Report("a result of the resource's calls is global");
        }
        for use_ in semantic.uses_of(derived_name, scope) {
            if use_.kind != UseKind::Read {
                continue;
            }
            if semantic.frame_of(use_.scope) != scope {
                return Verdict::Report(
                    "a nested function reads a result of the resource's calls: it may run after the block",
                );
            }
            let Some(position) = statement_index(after, use_.range) else {
                return Verdict::Report(
                    "a result of the resource's calls is used outside the statements that follow its creation",
                );
            };
            let Some((attribute, call)) = semantic.attribute_of(use_.range) else {
                return Verdict::Report(WHOLE);
            };
            match unawaited_chain(semantic, use_.range) {
                Chain::Escapes => return Verdict::Report(ESCAPES),
                // Its uses extend the block too.
                Chain::Bound(names) => {
                    for name in names {
                        if !derived.contains(&name) {
                            derived.push(name);
                        }
                    }
                }
                Chain::Stays => {}
            }
            // `await response.text()` gives data, read while the block is
            // open; what is taken without awaiting and kept in a variable
            // (`stream = response.content`) may still need the resource.
            let taken = match call {
                Some(call) if semantic.is_awaited(call) => None,
                Some(call) => Some(call.range()),
                None => Some(attribute.range()),
            };
            let Some(taken) = taken else {
                last = last.max(resource.index + 1 + position);
                continue;
            };
            if stored_or_returned(semantic, taken) {
                return Verdict::Report(WHOLE);
            }
            if let ResultUse::Bound(names) = value_use(semantic, taken) {
                for name in names {
                    if !derived.contains(&name) {
                        derived.push(name);
                    }
                }
            }
            last = last.max(resource.index + 1 + position);
        }
    }
    let Some(block) = body.get(resource.index + 1..=last) else {
        return Verdict::Report("internal error: a block out of range");
    };
    if block.iter().any(contains_yield) {
        return Verdict::Report(
            "the block would `yield`: the resource would stay open while the consumer runs",
        );
    }
    if semantic.reads_own_frame(scope) {
        return Verdict::Report(
            "the function reads its own variables (`locals()`, `vars()`, `eval`)",
        );
    }
    if !is_own_lines(ctx.source, resource.stmt)
        || !block.iter().all(|s| is_own_lines(ctx.source, s))
    {
        return Verdict::Report("a statement shares its line with other code");
    }
    Verdict::Wrap(last)
}

/// The index, in `body`, of the statement whose range holds `range`.
fn statement_index(body: &[Stmt], range: TextRange) -> Option<usize> {
    let index = body.partition_point(|stmt| stmt.end() < range.end());
    body.get(index)
        .filter(|stmt| stmt.range().contains_range(range))
        .map(|_| index)
}

/// Whether the name at `range` is closed (`.close()`, `.aclose()`,
/// `async with x:`), or handed to another owner (returned, yielded,
/// stored in an attribute, an item or another variable).
fn closes_or_hands_over(semantic: &SemanticModel, range: TextRange) -> bool {
    if let Some((method, Some(_))) = semantic.attribute_of(range)
        && matches!(method.attr.as_str(), "close" | "aclose")
    {
        return true;
    }
    let Some(stmt) = semantic.statement_at(range.start()) else {
        return false;
    };
    if passed_to_a_class(stmt, range) {
        return true;
    }
    match stmt {
        Stmt::With(with) => with
            .items
            .iter()
            .any(|item| item.context_expr.range() == range),
        Stmt::Return(ret) => ret.value.as_deref().is_some_and(|v| holds(v, range)),
        Stmt::Expr(statement) => matches!(statement.value.as_ref(),
            Expr::Yield(yield_) if yield_.value.as_deref().is_some_and(|v| holds(v, range))),
        Stmt::Assign(assign) => holds(&assign.value, range),
        Stmt::AnnAssign(assign) => assign.value.as_deref().is_some_and(|v| holds(v, range)),
        _ => false,
    }
}

/// Whether the expression at `range` is an argument of a call of what is
/// named like a class (`Client(session=session)`): the new object keeps it.
fn passed_to_a_class(stmt: &Stmt, range: TextRange) -> bool {
    struct Finder {
        range: TextRange,
        found: bool,
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.found || !expr.range().contains_range(self.range) {
                return;
            }
            if let Expr::Call(call) = expr {
                let name = match call.func.as_ref() {
                    Expr::Name(name) => Some(name.id.as_str()),
                    Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
                    _ => None,
                };
                let is_argument = call.arguments.args.iter().any(|a| a.range() == self.range)
                    || call
                        .arguments
                        .keywords
                        .iter()
                        .any(|k| k.value.range() == self.range);
                if is_argument
                    && name.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_uppercase()))
                {
                    self.found = true;
                    return;
                }
            }
            visitor::walk_expr(self, expr);
        }
    }
    let mut finder = Finder {
        range,
        found: false,
    };
    finder.visit_stmt(stmt);
    finder.found
}

/// Whether `expr` is the expression at `range`, or a tuple, list or dict
/// display holding it.
fn holds(expr: &Expr, range: TextRange) -> bool {
    if expr.range() == range {
        return true;
    }
    match expr {
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            elts.iter().any(|e| e.range() == range)
        }
        Expr::Dict(dict) => dict.items.iter().any(|item| item.value.range() == range),
        _ => false,
    }
}

const ESCAPES: &str = "a call on a result of the resource's calls, not awaited at once, or one of its methods leaves the statement (a task, a list, an argument): it may run after the block";

/// Where the chain of attributes and calls that starts at the expression
/// at `range` (`r.text()`, `r.headers.get(k)`, `r.content.read()`) ends
/// up, when it holds a call not awaited at once: that call's value may be
/// a coroutine that still needs the resource.
enum Chain<'a> {
    /// No such call, or its value is dropped, or awaited in the chain.
    Stays,
    /// The value is bound to these names.
    Bound(Vec<&'a str>),
    /// The value goes anywhere else: into a task, a list, an argument of
    /// a call that may keep it (`asyncio.create_task(r.text())`,
    /// `jobs = [r.text()]`, `asyncio.wait_for(r.text(), 5)`).
    Escapes,
}

fn unawaited_chain<'a>(semantic: &SemanticModel<'a>, range: TextRange) -> Chain<'a> {
    let mut top = range;
    let mut calls = false;
    while let Some((attribute, call)) = semantic.attribute_of(top) {
        match call {
            // What is awaited in the chain is data from then on.
            Some(call) if semantic.is_awaited(call) => return Chain::Stays,
            Some(call) => {
                calls = true;
                top = call.range();
            }
            None => top = attribute.range(),
        }
    }
    if !calls {
        // An attribute kept whole (a bound method `r.text` in a list or
        // given to a call) may be called after the block.
        return if in_display_or_given(semantic, top) {
            Chain::Escapes
        } else {
            Chain::Stays
        };
    }
    match value_use(semantic, top) {
        ResultUse::Read => Chain::Stays,
        ResultUse::Bound(names) => Chain::Bound(names),
        ResultUse::Whole => {
            // Given to a builtin that keeps nothing (`print(r.headers.get(k))`).
            let dropped = semantic.call_given(top).is_some_and(|call| {
                let scope = semantic.scope_at(call.start());
                semantic
                    .qualified_name(&call.func, scope)
                    .is_some_and(|q| known::keeps_no_argument(q.as_str()))
            });
            if dropped {
                Chain::Stays
            } else {
                Chain::Escapes
            }
        }
    }
}

/// Whether the expression at `range` is an element of a list, tuple, set
/// or dict display, or given to a call other than a builtin that keeps
/// nothing: somewhere it may be kept.
fn in_display_or_given(semantic: &SemanticModel, range: TextRange) -> bool {
    struct Finder {
        range: TextRange,
        found: bool,
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.found || !expr.range().contains_range(self.range) {
                return;
            }
            let element = match expr {
                Expr::List(ast::ExprList { elts, .. })
                | Expr::Tuple(ast::ExprTuple { elts, .. })
                | Expr::Set(ast::ExprSet { elts, .. }) => {
                    elts.iter().any(|e| e.range() == self.range)
                }
                Expr::Dict(dict) => dict
                    .items
                    .iter()
                    .any(|item| item.value.range() == self.range),
                _ => false,
            };
            if element {
                self.found = true;
                return;
            }
            visitor::walk_expr(self, expr);
        }
    }
    if let Some(call) = semantic.call_given(range) {
        let scope = semantic.scope_at(call.start());
        return !semantic
            .qualified_name(&call.func, scope)
            .is_some_and(|q| known::keeps_no_argument(q.as_str()));
    }
    let Some(stmt) = semantic.statement_at(range.start()) else {
        return false;
    };
    let mut finder = Finder {
        range,
        found: false,
    };
    finder.visit_stmt(stmt);
    finder.found
}

const WHOLE: &str = "a result of the resource's calls is used as a whole (returned, passed on, stored): it may need the resource open after the block";

/// What happens to the value of an expression the resource gave.
enum ResultUse<'a> {
    /// Bound to these names (`r = await s.get(u)`, `async with s.get(u) as r`).
    Bound(Vec<&'a str>),
    /// Dropped, or only an attribute of it read (`(await s.get(u)).status`).
    Read,
    /// Anything else: returned, passed on, stored in a container.
    Whole,
}

/// What happens to the result of `call` (a method of the resource or of
/// something it gave), awaited or opening an `async with`.
fn result_use<'a>(semantic: &SemanticModel<'a>, call: &ast::ExprCall) -> ResultUse<'a> {
    if let Some(Stmt::With(with)) = semantic.statement_at(call.start())
        && let Some(item) = with
            .items
            .iter()
            .find(|item| item.context_expr.range() == call.range())
    {
        return match item.optional_vars.as_deref() {
            Some(Expr::Name(name)) => ResultUse::Bound(vec![name.id.as_str()]),
            Some(_) => ResultUse::Whole,
            None => ResultUse::Read,
        };
    }
    let awaited = match semantic.statement_at(call.start()) {
        Some(stmt) if semantic.is_awaited(call) => awaited_range(stmt, call),
        _ => Some(call.range()),
    };
    match awaited {
        Some(range) => value_use(semantic, range),
        None => ResultUse::Whole,
    }
}

/// The range of `await CALL` in `stmt`.
fn awaited_range(stmt: &Stmt, call: &ast::ExprCall) -> Option<TextRange> {
    struct Finder<'c> {
        call: &'c ast::ExprCall,
        found: Option<TextRange>,
    }
    impl<'a> Visitor<'a> for Finder<'_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Await(awaited) = expr
                && awaited.value.range() == self.call.range()
            {
                self.found = Some(awaited.range());
                return;
            }
            visitor::walk_expr(self, expr);
        }
    }
    let mut finder = Finder { call, found: None };
    finder.visit_stmt(stmt);
    finder.found
}

/// What happens to the value of the expression at `range`: bound to plain
/// names by an assignment, dropped as a statement, only an attribute read
/// on it, or anything else.
fn value_use<'a>(semantic: &SemanticModel<'a>, range: TextRange) -> ResultUse<'a> {
    if semantic.attribute_of(range).is_some() {
        return ResultUse::Read;
    }
    match semantic.statement_at(range.start()) {
        Some(Stmt::Expr(statement)) if statement.value.range() == range => ResultUse::Read,
        Some(Stmt::Assign(assign)) if assign.value.range() == range => {
            let mut names = Vec::new();
            for target in &assign.targets {
                if !target.is_name_expr() {
                    return ResultUse::Whole;
                }
                collect_names(target, &mut names);
            }
            ResultUse::Bound(names)
        }
        _ => ResultUse::Whole,
    }
}

/// Whether the value at `range` is stored in an attribute or an item
/// (`holder.stream = response.content`), returned or yielded.
fn stored_or_returned(semantic: &SemanticModel, range: TextRange) -> bool {
    match semantic.statement_at(range.start()) {
        Some(Stmt::Assign(assign)) => {
            holds(&assign.value, range) && !assign.targets.iter().all(Expr::is_name_expr)
        }
        Some(Stmt::AnnAssign(assign)) => {
            assign.value.as_deref().is_some_and(|v| holds(v, range))
                && !assign.target.is_name_expr()
        }
        Some(Stmt::AugAssign(assign)) => holds(&assign.value, range),
        Some(Stmt::Return(ret)) => ret.value.as_deref().is_some_and(|v| holds(v, range)),
        Some(Stmt::Expr(statement)) => matches!(statement.value.as_ref(),
            Expr::Yield(yield_) if yield_.value.as_deref().is_some_and(|v| holds(v, range))),
        _ => false,
    }
}

/// How the resource at `range` is used.
enum MethodUse<'a> {
    /// A method call awaited at once, or opening an `async with`: its
    /// result (a response, a result) may hold on to the resource.
    Awaited(&'a ast::ExprCall),
    /// A plain method of the class called (`session.add(row)`).
    Plain,
    /// Anything else.
    Other,
}

fn method_use<'a>(
    semantic: &SemanticModel<'a>,
    class: &known::KnownClass,
    range: TextRange,
) -> MethodUse<'a> {
    let Some((method, Some(call))) = semantic.attribute_of(range) else {
        return MethodUse::Other;
    };
    let Some(returns) = known::method(class.name, method.attr.as_str()) else {
        return MethodUse::Other;
    };
    let opens_async_with = matches!(semantic.statement_at(call.start()), Some(Stmt::With(with))
        if with.is_async && with.items.iter().any(|item| item.context_expr.range() == call.range()));
    match returns {
        Returns::Value if !semantic.is_awaited(call) => MethodUse::Plain,
        Returns::Coroutine | Returns::Awaitable
            if semantic.is_awaited(call) || opens_async_with =>
        {
            MethodUse::Awaited(call)
        }
        _ => MethodUse::Other,
    }
}

/// The plain names a target binds.
fn collect_names<'a>(target: &'a Expr, names: &mut Vec<&'a str>) {
    match target {
        Expr::Name(name) => names.push(name.id.as_str()),
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            for element in elts {
                collect_names(element, names);
            }
        }
        Expr::Starred(starred) => collect_names(&starred.value, names),
        _ => {}
    }
}

fn contains_yield(stmt: &Stmt) -> bool {
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                visitor::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Yield(_) | Expr::YieldFrom(_) => self.0 = true,
                Expr::Lambda(_) => {}
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let mut finder = Finder(false);
    finder.visit_stmt(stmt);
    finder.0
}

/// The edits: `NAME = CALL` becomes `async with CALL as NAME:`, and the
/// statements after it up to `last` move one level in.
fn wrap(
    ctx: &Context,
    fix: &mut crate::fix::FixBuilder,
    resource: &Resource,
    last: usize,
) -> anyhow::Result<()> {
    let source = ctx.source;
    let body = resource.suite.body;
    let (Some(first), Some(end)) = (body.get(resource.index + 1), body.get(last)) else {
        anyhow::bail!("internal error: no statements to wrap");
    };
    let call = &source[resource.call.range()];
    let name = resource.name.id.as_str();
    fix.replace(
        resource.stmt.range(),
        format!("async with {call} as {name}:"),
    );
    let indent = indentation_at(source, resource.stmt.start());
    let inner = format!("{indent}{}", indent_unit(source, ctx.tokens));
    // From the line after the creation: comments above the first
    // statement move in with it.
    let lines = TextRange::new(
        full_line_end(source, resource.stmt.end()).min(line_start(source, first.start())),
        full_line_end(source, end.end()),
    );
    for edit in reindent_lines(ctx, lines, indent, &inner, &[]) {
        fix.edit(edit);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::UNCLOSED_RESOURCE as AM110;
    use crate::test_support::{check_no_fix, check_unsafe_fix, findings};

    fn module(body: &str) -> String {
        format!("import aiohttp\nimport httpx\n\n\nasync def f(url, rows):\n{body}")
    }

    fn reported(body: &str) {
        let source = module(body);
        check_no_fix(&AM110, &source);
        let found = findings(&AM110, &source);
        assert!(
            found.iter().any(|f| f.contains("is never closed")),
            "{found:?}\n{source}"
        );
    }

    fn silent(body: &str) {
        let source = module(body);
        check_no_fix(&AM110, &source);
        assert!(findings(&AM110, &source).is_empty(), "{source}");
    }

    #[test]
    fn session_wrapped_to_the_last_use_of_the_response() {
        check_unsafe_fix(
            &AM110,
            &module(
                "    session = aiohttp.ClientSession()\n    response = await session.get(url)\n    print(1)\n    text = await response.text()\n    return text\n",
            ),
            &module(
                "    async with aiohttp.ClientSession() as session:\n        response = await session.get(url)\n        print(1)\n        text = await response.text()\n    return text\n",
            ),
        );
    }

    #[test]
    fn httpx_client_with_arguments_and_a_comment() {
        check_unsafe_fix(
            &AM110,
            &module(
                "    client = httpx.AsyncClient(\n        timeout=5,\n    )  # shared\n    # fetch\n    r = await client.get(url)\n    if r.status_code:\n        print(r.status_code)\n    return 2\n",
            ),
            &module(
                "    async with httpx.AsyncClient(\n        timeout=5,\n    ) as client:  # shared\n        # fetch\n        r = await client.get(url)\n        if r.status_code:\n            print(r.status_code)\n    return 2\n",
            ),
        );
    }

    #[test]
    fn sqlalchemy_sessionmaker_and_plain_methods() {
        check_unsafe_fix(
            &AM110,
            "from sqlalchemy.ext.asyncio import async_sessionmaker\n\nSession = async_sessionmaker(engine)\n\n\nasync def save(rows):\n    session = Session()\n    session.add_all(rows)\n    await session.commit()\n",
            "from sqlalchemy.ext.asyncio import async_sessionmaker\n\nSession = async_sessionmaker(engine)\n\n\nasync def save(rows):\n    async with Session() as session:\n        session.add_all(rows)\n        await session.commit()\n",
        );
    }

    #[test]
    fn async_with_request_inside() {
        check_unsafe_fix(
            &AM110,
            &module(
                "    s = aiohttp.ClientSession()\n    async with s.get(url) as r:\n        data = await r.json()\n    return data\n",
            ),
            &module(
                "    async with aiohttp.ClientSession() as s:\n        async with s.get(url) as r:\n            data = await r.json()\n    return data\n",
            ),
        );
    }

    #[test]
    fn closed_by_hand_or_handed_over_says_nothing() {
        silent("    s = aiohttp.ClientSession()\n    await s.get(url)\n    await s.close()\n");
        silent(
            "    s = aiohttp.ClientSession()\n    try:\n        await s.get(url)\n    finally:\n        await s.close()\n",
        );
        silent("    s = aiohttp.ClientSession()\n    async with s:\n        await s.get(url)\n");
        silent("    s = aiohttp.ClientSession()\n    return s\n");
        silent("    s = aiohttp.ClientSession()\n    self.session = s\n");
        silent("    c = httpx.AsyncClient()\n    await c.get(url)\n    await c.aclose()\n");
        silent("    c = httpx.AsyncClient()\n    api = Api(client=c)\n    return await api.me()\n");
        silent("    global c\n    c = httpx.AsyncClient()\n    await c.get(url)\n");
    }

    #[test]
    fn escapes_are_reported() {
        reported("    s = aiohttp.ClientSession()\n    await fetch(s, url)\n");
        reported("    s = aiohttp.ClientSession()\n    cb = lambda: s.get(url)\n    await cb()\n");
        reported(
            "    s = aiohttp.ClientSession()\n    s.headers['a'] = 'b'\n    await s.get(url)\n",
        );
        reported(
            "    s = aiohttp.ClientSession()\n    t = asyncio.create_task(s.get(url))\n    return await t\n",
        );
        reported("    s = aiohttp.ClientSession()\n    r = await s.get(url)\n    return r\n");
        reported("    s = aiohttp.ClientSession()\n    r = await s.get(url)\n    process(r)\n");
        reported(
            "    try:\n        s = aiohttp.ClientSession()\n        await s.get(url)\n    except OSError:\n        await s.post(url)\n",
        );
        reported("    s = aiohttp.ClientSession()\n    r = await s.get(url)\n    yield r.status\n");
        reported(
            "    s = aiohttp.ClientSession()\n    s = aiohttp.ClientSession()\n    await s.get(url)\n",
        );
        reported("    s = aiohttp.ClientSession()\n");
    }

    #[test]
    fn a_call_on_a_result_that_leaves_its_statement_is_reported() {
        // The coroutine would run (or be awaited) after the block closed
        // the session.
        for escape in [
            "    t = asyncio.create_task(r.text())\n    print(r.status)\n    return await t\n",
            "    jobs = [r.text()]\n    print(r.status)\n    return await asyncio.gather(*jobs)\n",
            "    w = asyncio.wait_for(r.text(), 5)\n    print(r.status)\n    return await w\n",
            "    t = asyncio.ensure_future(r.content.read())\n    return await t\n",
            "    keep(r.json())\n",
            "    later = [r.text][0]\n    print(r.status)\n    return await later()\n",
            "    schedule(r.read)\n",
            "    await asyncio.wait_for(r.text(), 5)\n",
            "    print(later(r.text()))\n",
            "    coro = r.content.read()\n    return await coro\n",
        ] {
            reported(&format!(
                "    s = aiohttp.ClientSession()\n    r = await s.get(url)\n{escape}"
            ));
        }
    }

    #[test]
    fn a_call_on_a_result_awaited_or_dropped_in_its_statement_is_wrapped() {
        check_unsafe_fix(
            &AM110,
            &module(
                "    s = aiohttp.ClientSession()\n    r = await s.get(url)\n    r.raise_for_status()\n    body = await r.content.read()\n    print(r.headers.get('a'), len(r.headers.keys()))\n    return body\n",
            ),
            &module(
                "    async with aiohttp.ClientSession() as s:\n        r = await s.get(url)\n        r.raise_for_status()\n        body = await r.content.read()\n        print(r.headers.get('a'), len(r.headers.keys()))\n    return body\n",
            ),
        );
    }

    #[test]
    fn other_classes_and_shadowed_names_are_left_alone() {
        silent("    s = requests.Session()\n    s.get(url)\n");
        check_no_fix(
            &AM110,
            "async def f(aiohttp, url):\n    s = aiohttp.ClientSession()\n    await s.get(url)\n",
        );
        check_no_fix(
            &AM110,
            "import aiohttp\n\ndef f(url):\n    s = aiohttp.ClientSession()\n    s.get(url)\n",
        );
    }

    const RESPONSE: &str = "an aiohttp response is never released: use `async with`";

    #[test]
    fn a_response_never_released_is_wrapped() {
        check_unsafe_fix(
            &AM110,
            &module(
                "    async with aiohttp.ClientSession() as s:\n        r = await s.post(url, json=rows)\n        ok = r.status == 200\n        print(r.headers['a'])\n    return ok\n",
            ),
            &module(
                "    async with aiohttp.ClientSession() as s:\n        async with s.post(url, json=rows) as r:\n            ok = r.status == 200\n            print(r.headers['a'])\n    return ok\n",
            ),
        );
        check_unsafe_fix(
            &AM110,
            "import aiohttp\n\nasync def f(s: aiohttp.ClientSession, url):\n    r = await s.get(url)\n    print(r.status)\n",
            "import aiohttp\n\nasync def f(s: aiohttp.ClientSession, url):\n    async with s.get(url) as r:\n        print(r.status)\n",
        );
    }

    #[test]
    fn a_session_and_its_response_both_close() {
        check_unsafe_fix(
            &AM110,
            &module(
                "    s = aiohttp.ClientSession()\n    r = await s.get(url)\n    print(r.status)\n",
            ),
            &module(
                "    async with aiohttp.ClientSession() as s:\n        async with s.get(url) as r:\n            print(r.status)\n",
            ),
        );
    }

    #[test]
    fn a_response_read_released_or_handed_over_says_nothing() {
        for use_ in [
            "            return await r.text()\n",
            "            data = await r.json()\n            return data\n",
            "            r.release()\n",
            "            return r\n",
        ] {
            silent(&format!(
                "    async with aiohttp.ClientSession() as s:\n        if url:\n            r = await s.get(url)\n{use_}"
            ));
        }
        silent(
            "    async with httpx.AsyncClient() as c:\n        r = await c.get(url)\n        print(r.status_code)\n",
        );
    }

    #[test]
    fn a_response_used_as_a_whole_is_reported() {
        for use_ in [
            "        process(r)\n",
            "        stream = r.content\n        print(r.status)\n",
            "        pass\n",
        ] {
            let source = module(&format!(
                "    async with aiohttp.ClientSession() as s:\n        r = await s.get(url)\n{use_}"
            ));
            check_no_fix(&AM110, &source);
            assert!(
                findings(&AM110, &source)
                    .iter()
                    .any(|f| f.ends_with(RESPONSE) || f.contains(RESPONSE)),
                "{source}"
            );
        }
    }

    #[test]
    fn already_in_async_with_is_left_alone() {
        silent("    async with aiohttp.ClientSession() as s:\n        await s.get(url)\n");
    }
}
