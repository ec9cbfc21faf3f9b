use ruff_python_ast::visitor::{self, Visitor};
use rustc_hash::FxHashSet;

use crate::codemods::prelude::*;
use crate::fix::layout::{indentation_at, is_alone_on_lines, line_start, reindented_text};
use crate::semantic::imports::Lookup;
use crate::semantic::names::{expr_reads_and_writes, reads_and_writes};
use crate::semantic::scope::MODULE_SCOPE;
use crate::semantic::statements::single_assignment;
use crate::semantic::{BindingKind, ScopeId, SemanticModel, UseKind, known};

declare_codemod! {
    /// ## What it does
    /// Moves `async with aiohttp.ClientSession(...) as session:` (or
    /// `httpx.AsyncClient(...)`) that is the whole body of a loop above the
    /// loop, so that every iteration uses one session.
    ///
    /// ## Why
    /// A client session holds a connection pool. Made anew for every
    /// iteration, it opens new connections (a TCP and TLS handshake each)
    /// for every request and throws them away, where one session would
    /// reuse them; aiohttp's and httpx's documentation both ask for one
    /// session per application, or at least per batch of requests.
    ///
    /// ## Before
    /// ```python
    /// import aiohttp
    ///
    /// async def fetch_all(urls):
    ///     pages = []
    ///     for url in urls:
    ///         async with aiohttp.ClientSession() as session:
    ///             async with session.get(url) as response:
    ///                 pages.append(await response.text())
    ///     return pages
    /// ```
    ///
    /// ## After
    /// ```python
    /// import aiohttp
    ///
    /// async def fetch_all(urls):
    ///     pages = []
    ///     async with aiohttp.ClientSession() as session:
    ///         for url in urls:
    ///             async with session.get(url) as response:
    ///                 pages.append(await response.text())
    ///     return pages
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: one session now serves every iteration. Cookies a response
    /// sets are sent with the later iterations' requests (pass
    /// `cookie_jar=aiohttp.DummyCookieJar()`, or httpx `cookies=None` per
    /// request, when iterations must not share them); connections are
    /// reused, so a server that answers differently on a kept-alive
    /// connection, or a connection limit (`limit=` of the connector), now
    /// counts across iterations. The session is made once, even when the
    /// loop runs no iteration, and closed once after the loop ends (also on
    /// `break`, `return` or an exception, as before). The constructor's
    /// arguments are evaluated once, and the containers it copies
    /// (`headers=`, `cookies=`) copied once: they must hold nothing the
    /// loop, or code it calls, changes (see Left alone). The session is now
    /// made before the loop's iterable (or condition) is evaluated: its
    /// arguments then read only values written out in the function or the
    /// module, which no code but session constructors reads, or values of
    /// the session's own library.
    ///
    /// ## Left alone
    /// A loop with an `else:` clause, or whose body holds more than the
    /// `async with`; an `async with` of several items; other classes
    /// (SQLAlchemy's `AsyncSession`: one session per iteration is one
    /// transaction per iteration). Constructor arguments that call anything
    /// but a class of the same library (`aiohttp.ClientTimeout(...)`,
    /// `httpx.Limits(...)`), or that read a name the loop binds or mentions
    /// anywhere (`headers={"user": user}` for `for user in users`, a
    /// `timeout` the body changes or passes on). An argument that is a
    /// parameter, an attribute (`self.headers`) or a variable other code
    /// may fill between iterations: only literals, displays, classes and
    /// values of the session's library (`aiohttp.hdrs.ACCEPT`), imported
    /// modules, and variables bound once to such a value and read only by
    /// session constructors (`HEADERS = {...}`), by no other module of the
    /// project and not through `globals()`, pass. A value of another module
    /// (`from cfg import HEADERS`, `cfg.HEADERS`) never passes: code running
    /// while the loop awaits its requests (a token refresh in another task)
    /// may fill it. A
    /// name the body binds that the loop reads before (a value carried to
    /// the next iteration, such as the previous response). A session used for
    /// anything but awaiting its request methods (`await session.get(...)`,
    /// `async with session.post(...) as r`): its state (`session.headers`,
    /// `session.cookie_jar`), a request not awaited at once (a task), the
    /// session passed on, stored or closed, read by a nested function, or
    /// used after the loop. These are reported with the reason.
    pub static SESSION_PER_ITERATION = Codemod {
        code: "AM111",
        name: "session-per-iteration",
        min_python: PyVersion::PY37,
        safety: Applicability::Unsafe,
        run: session_per_iteration,
        needles: &["ClientSession", "AsyncClient"],
        requires: &[ASYNC_DEF],
    };
}

/// The session classes whose per-iteration use this codemod knows.
const SESSION_CLASSES: &[&str] = &["aiohttp.ClientSession", "httpx.AsyncClient"];

fn session_per_iteration(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for suite in semantic.coroutine_suites() {
        for stmt in suite.body {
            let (body, orelse) = match stmt {
                Stmt::For(loop_) => (&loop_.body, &loop_.orelse),
                Stmt::While(loop_) => (&loop_.body, &loop_.orelse),
                _ => continue,
            };
            let [with_stmt @ Stmt::With(with)] = body.as_slice() else {
                continue;
            };
            if !with.is_async {
                continue;
            }
            let Some((item, call, class)) = with.items.iter().find_map(|item| {
                let call = item.context_expr.as_call_expr()?;
                Some((
                    item,
                    call,
                    session_class(semantic, &call.func, suite.scope)?,
                ))
            }) else {
                continue;
            };
            let finding = out.report(
                &SESSION_PER_ITERATION,
                call.range(),
                format!("a new `{class}` for every iteration of the loop: make one before it"),
            );
            let candidate = Candidate {
                loop_: stmt,
                orelse,
                with,
                with_stmt,
                item,
                call,
                scope: suite.scope,
            };
            if let Some(reason) = obstacle(ctx, &candidate) {
                finding.note(reason);
                continue;
            }
            finding.fix_with(Applicability::Unsafe, |fix| {
                fix.title("Make the session once, before the loop");
                for edit in hoist(ctx, &candidate)? {
                    fix.edit(edit);
                }
                Ok(())
            });
        }
    }
}

/// The short name of the session class `func` makes (`ClientSession`),
/// when it is one this codemod knows.
fn session_class(semantic: &SemanticModel, func: &Expr, scope: ScopeId) -> Option<&'static str> {
    let qualified = semantic.qualified_name(func, scope)?;
    let class = known::class(qualified.as_str())?;
    SESSION_CLASSES
        .contains(&class.name)
        .then(|| class.name.rsplit('.').next().unwrap_or(class.name))
}

struct Candidate<'a> {
    loop_: &'a Stmt,
    orelse: &'a [Stmt],
    with: &'a ast::StmtWith,
    /// The same, as a statement.
    with_stmt: &'a Stmt,
    /// The item that opens the session.
    item: &'a ast::WithItem,
    call: &'a ast::ExprCall,
    scope: ScopeId,
}

fn obstacle<'a>(ctx: &Context<'a>, candidate: &Candidate<'a>) -> Option<&'static str> {
    let semantic = ctx.semantic;
    let with = candidate.with;
    if !candidate.orelse.is_empty() {
        return Some("the loop has an `else:` clause");
    }
    let [item] = with.items.as_slice() else {
        return Some("the `async with` opens more than the session");
    };
    let first = with.body.first()?;
    if !is_alone_on_lines(ctx.source, candidate.loop_.range())
        || !is_alone_on_lines(ctx.source, first.range())
        || line_start(ctx.source, first.start()) <= with.start()
    {
        return Some("the loop or its block shares a line with other code");
    }
    if let Some(reason) = arguments_obstacle(semantic, candidate) {
        return Some(reason);
    }
    if carries_values(semantic, candidate) {
        return Some(
            "a value bound in one iteration is read in the next: a response of a session closed by then, which failed, would now be read from an open one",
        );
    }
    match item.optional_vars.as_deref() {
        None => None,
        Some(Expr::Name(name)) => session_uses_obstacle(semantic, candidate, name),
        Some(_) => Some("the session is bound to something other than a plain name"),
    }
}

/// Why the constructor's arguments cannot be evaluated once, before the
/// loop, if they cannot: they call something other than a class of the
/// session's library, or read a name the loop mentions anywhere else.
fn arguments_obstacle<'a>(
    semantic: &SemanticModel<'a>,
    candidate: &Candidate<'a>,
) -> Option<&'static str> {
    let call = candidate.call;
    let library = semantic
        .qualified_name(&call.func, candidate.scope)
        .map(|q| q.module().split('.').next().unwrap_or_default().to_string())?;
    let mut check = ArgumentCheck {
        semantic,
        scope: candidate.scope,
        library: &library,
        plain: true,
    };
    check.visit_arguments(&call.arguments);
    if !check.plain {
        return Some(
            "the session's arguments call a function or await: evaluated once before the loop, they may give another value",
        );
    }
    let read = expr_reads_and_writes(&candidate.item.context_expr);
    if !read.writes.is_empty() {
        return Some("the session's arguments bind a name (`:=`)");
    }
    for argument in call.arguments.iter_source_order() {
        let value = match argument {
            ast::ArgOrKeyword::Arg(Expr::Starred(starred)) => starred.value.as_ref(),
            ast::ArgOrKeyword::Arg(value) => value,
            ast::ArgOrKeyword::Keyword(keyword) => &keyword.value,
        };
        if !copied_as_it_was(semantic, candidate.scope, value, &library, 0) {
            return Some(
                "an argument of the session holds an object other code may change (the session copies it when it is made: once, before the loop)",
            );
        }
    }
    // A value of another module (`{**HEADERS}` with `HEADERS` imported,
    // `{"user": cfg.USER}`) may be a container any code changes, also
    // code running while the loop awaits its requests (a token refresh in
    // another task): evaluated once before the loop, it would keep its
    // first value.
    if call.arguments.iter_source_order().any(|argument| {
        reads_other_modules_values(
            semantic,
            candidate.scope,
            argument_value(argument),
            &library,
            0,
        )
    }) {
        return Some(
            "the session's arguments read a value of another module, which code running while the loop awaits may change: made once before the loop, the session would not see the change",
        );
    }
    let names: FxHashSet<&str> = read.reads.iter().copied().collect();
    // Every name the loop mentions, apart from the constructor itself.
    let mut mentioned = Mentions {
        skip: call.range(),
        names: FxHashSet::default(),
    };
    mentioned.visit_stmt(candidate.loop_);
    let loop_writes = reads_and_writes(candidate.loop_).writes;
    if names
        .iter()
        .any(|name| mentioned.names.contains(name) || loop_writes.contains(name))
    {
        return Some(
            "the session's arguments read a name the loop binds or uses: evaluated once before the loop, they may give another value",
        );
    }
    None
}

/// The value of a positional (or `*`-unpacked) or keyword argument.
fn argument_value<'a>(argument: ast::ArgOrKeyword<'a>) -> &'a Expr {
    match argument {
        ast::ArgOrKeyword::Arg(Expr::Starred(starred)) => starred.value.as_ref(),
        ast::ArgOrKeyword::Arg(value) => value,
        ast::ArgOrKeyword::Keyword(keyword) => &keyword.value,
    }
}

/// Whether `value` reads a value of another module: an imported name or
/// an attribute of an imported module (`HEADERS`, `cfg.HEADERS`), also
/// through a variable bound once to one, other than as the class called
/// (`aiohttp.ClientTimeout(...)`).
fn reads_other_modules_values<'a>(
    semantic: &SemanticModel<'a>,
    scope: ScopeId,
    value: &'a Expr,
    library: &str,
    depth: u8,
) -> bool {
    struct Reads<'m, 'a> {
        semantic: &'m SemanticModel<'a>,
        scope: ScopeId,
        library: &'m str,
        depth: u8,
        found: bool,
    }
    impl<'a> Visitor<'a> for Reads<'_, 'a> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Call(call) => self.visit_arguments(&call.arguments),
                // A value of the session's own library (`aiohttp.hdrs.ACCEPT`).
                Expr::Attribute(_)
                    if self
                        .semantic
                        .qualified_name(expr, self.scope)
                        .is_some_and(|q| q.segments().next() == Some(self.library)) => {}
                Expr::Name(name) => {
                    let Lookup::Bound { bindings, .. } =
                        self.semantic.lookup(name.id.as_str(), self.scope)
                    else {
                        return;
                    };
                    for &id in bindings {
                        let binding = self.semantic.binding(id);
                        match (&binding.kind, binding.stmt) {
                            (BindingKind::Import { .. }, _) => self.found = true,
                            (BindingKind::Assignment, Some(stmt)) if self.depth < 2 => {
                                if let Some((_, bound)) = single_assignment(stmt) {
                                    let at = self.semantic.scope_at(stmt.start());
                                    self.found |= reads_other_modules_values(
                                        self.semantic,
                                        at,
                                        bound,
                                        self.library,
                                        self.depth + 1,
                                    );
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let mut reads = Reads {
        semantic,
        scope,
        library,
        depth,
        found: false,
    };
    reads.visit_expr(value);
    reads.found
}

/// Whether a name the `async with` body binds may be read in a later
/// iteration: a read in the loop before the body's first binding of it
/// (`if prev: await prev.text()` … `prev = await session.get(u)`).
fn carries_values(semantic: &SemanticModel, candidate: &Candidate) -> bool {
    let with = candidate.with;
    let scope = candidate.scope;
    let written = reads_and_writes(candidate.with_stmt).writes;
    let loop_range = candidate.loop_.range();
    written.iter().any(|name| {
        if semantic.owner_scope(name, scope) != Some(scope) {
            return false;
        }
        let uses = semantic.uses_of(name, scope);
        let first_write = uses
            .iter()
            .filter(|u| u.kind == UseKind::Write && with.range().contains_range(u.range))
            .map(|u| u.range.start())
            .min();
        let Some(first_write) = first_write else {
            return false;
        };
        uses.iter().any(|u| {
            u.kind == UseKind::Read
                && loop_range.contains_range(u.range)
                && u.range.start() < first_write
        })
    })
}

/// Whether an argument's value is the same when evaluated before the
/// loop as when evaluated in any iteration, whatever other code does in
/// between: a literal, a display, an operator's fresh result, a class of
/// the library, an import (`aiohttp.hdrs.ACCEPT`), or a variable bound
/// once to such a value and used nowhere but in session constructors
/// (`HEADERS = {...}` only passed as `headers=HEADERS`). A parameter, an
/// attribute (`self.headers`) or an alias may be a container that other
/// code fills between iterations, which a session copies when it is made.
fn copied_as_it_was(
    semantic: &SemanticModel,
    scope: ScopeId,
    value: &Expr,
    library: &str,
    depth: u8,
) -> bool {
    match value {
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_)
        | Expr::FString(_)
        | Expr::Dict(_)
        | Expr::List(_)
        | Expr::Tuple(_)
        | Expr::Set(_)
        | Expr::BinOp(_)
        | Expr::UnaryOp(_)
        | Expr::Compare(_)
        | Expr::Call(_) => true, // calls: only library classes pass `ArgumentCheck`
        Expr::BoolOp(op) => op
            .values
            .iter()
            .all(|v| copied_as_it_was(semantic, scope, v, library, depth)),
        Expr::If(branch) => {
            copied_as_it_was(semantic, scope, &branch.body, library, depth)
                && copied_as_it_was(semantic, scope, &branch.orelse, library, depth)
        }
        // A value of the session's own library (`aiohttp.hdrs.ACCEPT`); one
        // of another module (`cfg.HEADERS`) may be a container that code
        // running while the loop awaits fills (a token refresh in a task).
        Expr::Attribute(_) => semantic
            .qualified_name(value, scope)
            .is_some_and(|q| q.segments().count() > 1 && q.segments().next() == Some(library)),
        Expr::Name(name) => depth == 0 && name_holds_a_constant(semantic, scope, name, library),
        _ => false,
    }
}

/// Whether `name` is an imported module, or a variable bound once to a
/// value [`copied_as_it_was`] accepts and read nowhere but in the
/// arguments of session constructors (nor by another module of the
/// project, nor by name through `globals()`).
fn name_holds_a_constant(
    semantic: &SemanticModel,
    scope: ScopeId,
    name: &ast::ExprName,
    library: &str,
) -> bool {
    let id = name.id.as_str();
    let Lookup::Bound {
        scope: owner,
        bindings,
    } = semantic.lookup(id, scope)
    else {
        return false;
    };
    // A module (`import aiohttp.hdrs as hdrs`); a name imported from one
    // (`from config import HEADERS`) is an object other code may fill.
    if bindings.iter().all(|&b| {
        matches!(
            semantic.binding(b).kind,
            BindingKind::Import { from: false, .. }
        )
    }) {
        return true;
    }
    // Another module of the project may fill a module-level container
    // (`client.HEADERS["Authorization"] = token`, `from client import
    // HEADERS; HEADERS.update(...)`), and so may code reaching it by a name
    // no reference shows (`globals()["HEADERS"]`).
    if owner == MODULE_SCOPE
        && (semantic.may_read_own_name_dynamically(id)
            || semantic.project().is_some_and(|p| p.others_may_read(id)))
    {
        return false;
    }
    let [only] = bindings else {
        return false;
    };
    let binding = semantic.binding(*only);
    let Some(stmt) = binding.stmt else {
        return false;
    };
    let value = match single_assignment(stmt) {
        Some((Expr::Name(target), value)) if target.range == binding.range => value,
        _ => return false,
    };
    if semantic.is_declared_global_or_nonlocal(id)
        || !copied_as_it_was(semantic, scope, value, library, 1)
    {
        return false;
    }
    semantic
        .uses_of(id, owner)
        .iter()
        .all(|use_| match use_.kind {
            UseKind::Write => use_.range == binding.range,
            UseKind::Read => semantic.calls.iter().any(|site| {
                site.call.arguments.range().contains_range(use_.range)
                    && session_class(semantic, &site.call.func, site.scope).is_some()
            }),
            UseKind::Delete | UseKind::Declaration => false,
        })
}

/// Whether the arguments are only names, attributes, subscripts, literals,
/// operators and calls of classes of the session's own library.
struct ArgumentCheck<'m, 'a> {
    semantic: &'m SemanticModel<'a>,
    scope: ScopeId,
    library: &'m str,
    plain: bool,
}

impl<'a> Visitor<'a> for ArgumentCheck<'_, 'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Call(call) => {
                let is_library_class = self
                    .semantic
                    .qualified_name(&call.func, self.scope)
                    .is_some_and(|q| {
                        q.segments().next() == Some(self.library)
                            && q.member().starts_with(|c: char| c.is_ascii_uppercase())
                    });
                if !is_library_class {
                    self.plain = false;
                    return;
                }
                self.visit_arguments(&call.arguments);
            }
            Expr::Await(_)
            | Expr::Yield(_)
            | Expr::YieldFrom(_)
            | Expr::Lambda(_)
            | Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_)
            | Expr::Generator(_) => self.plain = false,
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// The names read or bound anywhere in a statement, outside `skip`.
struct Mentions<'a> {
    skip: TextRange,
    names: FxHashSet<&'a str>,
}

impl<'a> Visitor<'a> for Mentions<'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.skip.contains_range(expr.range()) {
            return;
        }
        if let Expr::Name(name) = expr {
            self.names.insert(name.id.as_str());
        }
        visitor::walk_expr(self, expr);
    }
}

/// Why the session bound to `name` must stay one per iteration, if it
/// must: it is used for anything but awaiting its request methods, or
/// outside the `async with`.
fn session_uses_obstacle(
    semantic: &SemanticModel,
    candidate: &Candidate,
    name: &ast::ExprName,
) -> Option<&'static str> {
    let scope = candidate.scope;
    let with = candidate.with;
    let (first, last) = (with.body.first()?, with.body.last()?);
    let body = TextRange::new(first.start(), last.end());
    let class = semantic
        .qualified_name(&candidate.call.func, scope)
        .and_then(|q| known::class(q.as_str()))?;
    if semantic.owner_scope(name.id.as_str(), scope) != Some(scope) {
        return Some("the session's name is a global or a variable of another function");
    }
    for use_ in semantic.uses_of(name.id.as_str(), scope) {
        match use_.kind {
            UseKind::Write if use_.range == name.range => continue,
            UseKind::Read if body.contains_range(use_.range) => {}
            UseKind::Read => {
                return Some("the session is used outside the loop");
            }
            _ => return Some("the session's name is bound or declared elsewhere in the function"),
        }
        if semantic.frame_of(use_.scope) != scope {
            return Some(
                "a nested function or lambda reads the session: it may run after the loop",
            );
        }
        if !is_awaited_request(semantic, class, use_.range, scope) {
            return Some(
                "the session is used for more than awaiting its requests (its state, a task, passed on or closed): one session for every iteration would carry that over",
            );
        }
    }
    None
}

/// Whether the name at `range` is the receiver of a request method of the
/// session class (`get`, `post`, …; not `close`) whose call is awaited at
/// once or opens an `async with`.
fn is_awaited_request(
    semantic: &SemanticModel,
    class: &known::KnownClass,
    range: TextRange,
    scope: ScopeId,
) -> bool {
    let Some((method, Some(call))) = semantic.attribute_of(range) else {
        return false;
    };
    if !method.value.is_name_expr() {
        return false;
    }
    let Some(stmt) = semantic.statement_at(range.start()) else {
        return false;
    };
    let method = method.attr.as_str();
    if matches!(method, "close" | "aclose")
        || known::method(class.name, method).is_none()
        || semantic.frame_of(semantic.scope_at(call.start())) != scope
    {
        return false;
    }
    let opens_async_with = matches!(stmt, Stmt::With(with)
        if with.is_async && with.items.iter().any(|item| item.context_expr.range() == call.range()));
    semantic.is_awaited(call) || opens_async_with
}

/// The edits that swap the loop's header and the `async with`'s header:
/// the `async with` takes the loop's place and indentation, the loop
/// header moves one level in, and the body stays where it is (it is now
/// inside both, as before).
fn hoist(ctx: &Context, candidate: &Candidate) -> anyhow::Result<Vec<crate::fix::Edit>> {
    let source = ctx.source;
    let loop_ = candidate.loop_;
    let with = candidate.with;
    let Some(first) = with.body.first() else {
        anyhow::bail!("internal error: an empty `async with`");
    };
    let outer = indentation_at(source, loop_.start());
    let inner = indentation_at(source, with.start());
    if !inner.starts_with(outer) || inner == outer {
        anyhow::bail!("the loop's body is not indented from its header");
    }
    let body_start = line_start(source, first.start());
    let with_line = line_start(source, with.start());
    let loop_header = TextRange::new(loop_.start(), with_line);
    let with_header = TextRange::new(with.start(), body_start);
    let mut text = reindented_text(ctx, with_header, inner, outer);
    text.push_str(inner);
    text.push_str(&reindented_text(ctx, loop_header, outer, inner));
    Ok(vec![crate::fix::Edit::replacement(
        TextRange::new(loop_.start(), body_start),
        text,
    )])
}

#[cfg(test)]
mod tests {
    use super::SESSION_PER_ITERATION as AM111;
    use crate::test_support::{check_no_fix, check_unsafe_fix, findings};

    fn wrap(body: &str) -> String {
        format!("import aiohttp\nimport httpx\n\n\nasync def f(urls, user):\n{body}")
    }

    #[test]
    fn for_loop_with_a_session_per_iteration() {
        check_unsafe_fix(
            &AM111,
            &wrap(
                "    for u in urls:\n        async with aiohttp.ClientSession() as s:\n            await s.get(u)\n",
            ),
            &wrap(
                "    async with aiohttp.ClientSession() as s:\n        for u in urls:\n            await s.get(u)\n",
            ),
        );
    }

    #[test]
    fn while_loop_and_httpx_and_request_context() {
        check_unsafe_fix(
            &AM111,
            &wrap(
                "    while urls:\n        async with httpx.AsyncClient(timeout=httpx.Timeout(5)) as c:\n            async with c.stream('GET', urls.pop()) as r:\n                print(r)\n",
            ),
            &wrap(
                "    async with httpx.AsyncClient(timeout=httpx.Timeout(5)) as c:\n        while urls:\n            async with c.stream('GET', urls.pop()) as r:\n                print(r)\n",
            ),
        );
    }

    #[test]
    fn from_import_and_comments_and_multiline_arguments() {
        check_unsafe_fix(
            &AM111,
            "from aiohttp import ClientSession, ClientTimeout\n\n\nasync def f(urls):\n    for u in urls:  # each\n        # a session\n        async with ClientSession(\n            timeout=ClientTimeout(total=5),\n        ) as s:  # per url\n            # fetch\n            await s.get(u)\n        # after\n    return 1\n",
            "from aiohttp import ClientSession, ClientTimeout\n\n\nasync def f(urls):\n    async with ClientSession(\n        timeout=ClientTimeout(total=5),\n    ) as s:  # per url\n        # fetch\n        for u in urls:  # each\n            # a session\n            await s.get(u)\n        # after\n    return 1\n",
        );
    }

    #[test]
    fn break_and_continue_inside_are_fine() {
        check_unsafe_fix(
            &AM111,
            &wrap(
                "    for u in urls:\n        async with aiohttp.ClientSession() as s:\n            if not u:\n                continue\n            r = await s.get(u)\n            if r.status == 404:\n                break\n",
            ),
            &wrap(
                "    async with aiohttp.ClientSession() as s:\n        for u in urls:\n            if not u:\n                continue\n            r = await s.get(u)\n            if r.status == 404:\n                break\n",
            ),
        );
    }

    const MESSAGE: &str =
        "a new `ClientSession` for every iteration of the loop: make one before it";

    fn reported(body: &str) {
        let source = wrap(body);
        check_no_fix(&AM111, &source);
        let found = findings(&AM111, &source);
        assert!(
            found.iter().any(|f| f.ends_with(MESSAGE)),
            "{found:?}\n{source}"
        );
    }

    #[test]
    fn arguments_that_depend_on_the_loop_are_reported() {
        reported(
            "    for u in urls:\n        async with aiohttp.ClientSession(headers={'u': u}) as s:\n            await s.get(u)\n",
        );
        reported(
            "    for u in urls:\n        async with aiohttp.ClientSession(headers=make_headers()) as s:\n            await s.get(u)\n",
        );
        reported(
            "    h = {}\n    for u in urls:\n        async with aiohttp.ClientSession(headers=h) as s:\n            h['n'] = u\n            await s.get(u)\n",
        );
        reported(
            "    for u in urls:\n        async with aiohttp.ClientSession(base_url=(b := u)) as s:\n            await s.get(b)\n",
        );
    }

    #[test]
    fn session_state_and_escapes_are_reported() {
        for use_ in [
            "            s.headers['x'] = u\n            await s.get(u)\n",
            "            s.cookie_jar.clear()\n",
            "            asyncio.create_task(s.get(u))\n",
            "            await handle(s, u)\n",
            "            await s.close()\n",
            "            cb = lambda: s.get(u)\n            await cb()\n",
        ] {
            reported(&format!(
                "    for u in urls:\n        async with aiohttp.ClientSession() as s:\n{use_}"
            ));
        }
        reported(
            "    for u in urls:\n        async with aiohttp.ClientSession() as s:\n            await s.get(u)\n    return s\n",
        );
    }

    #[test]
    fn arguments_other_code_may_fill_are_reported() {
        reported(
            "    for u in urls:\n        async with aiohttp.ClientSession(headers=user) as s:\n            await s.get(u)\n",
        );
        reported(
            "    for u in urls:\n        async with aiohttp.ClientSession(headers=self.headers) as s:\n            await s.get(u)\n",
        );
        check_no_fix(
            &AM111,
            "import aiohttp\n\nH = {'a': 'b'}\n\ndef bump():\n    H['a'] = 'c'\n\nasync def f(urls):\n    for u in urls:\n        async with aiohttp.ClientSession(headers=H) as s:\n            await s.get(u)\n",
        );
    }

    #[test]
    fn a_value_of_another_module_the_loop_may_change_is_reported() {
        // The loop writes it, through its module or a function of it.
        for body in [
            "            cfg.HEADERS['user'] = u\n            await s.get(u)\n",
            "            set_user(u)\n            await s.get(u)\n",
            "            async with s.get(u) as r:\n                remember(await r.text())\n",
        ] {
            let source = format!(
                "import aiohttp\nimport cfg\nfrom cfg import HEADERS, set_user\n\n\nasync def f(urls):\n    for u in urls:\n        async with aiohttp.ClientSession(headers=HEADERS) as s:\n{body}"
            );
            check_no_fix(&AM111, &source);
            assert!(
                findings(&AM111, &source)
                    .iter()
                    .any(|f| f.ends_with(MESSAGE))
            );
        }
        // The iterable runs first, and may change it before the session
        // copies it; also through a module attribute, or an alias.
        for (header, argument) in [
            ("from cfg import HEADERS\n", "HEADERS"),
            ("import cfg\n", "cfg.HEADERS"),
            ("import cfg\nH = cfg.HEADERS\n", "H"),
            ("from cfg import HEADERS\n", "{**HEADERS}"),
        ] {
            let source = format!(
                "import aiohttp\n{header}\n\nasync def f():\n    for u in users():\n        async with aiohttp.ClientSession(headers={argument}) as s:\n            await s.get(u)\n"
            );
            check_no_fix(&AM111, &source);
            assert!(
                findings(&AM111, &source)
                    .iter()
                    .any(|f| f.ends_with(MESSAGE))
            );
        }
    }

    #[test]
    fn a_value_of_another_module_is_reported() {
        // Another task may fill it while the loop awaits its requests (a
        // token refresh), however plain the loop is; so may any module of
        // the project, or code reaching it through `globals()`.
        for (imports, argument) in [
            ("from cfg import HEADERS\n", "HEADERS"),
            ("import cfg\n", "cfg.HEADERS"),
            ("", "H"),
        ] {
            let source = format!(
                "import aiohttp\n{imports}\nH = {{'a': 'b'}}\nglobals()['H']['a'] = 'c'\n\nasync def f(urls):\n    pages = []\n    for u in urls:\n        async with aiohttp.ClientSession(headers={argument}) as s:\n            async with s.get(u) as r:\n                pages.append(await r.text())\n    return pages\n"
            );
            check_no_fix(&AM111, &source);
        }
        // A value of the session's own library is no container of the project.
        check_unsafe_fix(
            &AM111,
            "import aiohttp\n\n\nasync def f(urls):\n    for u in urls:\n        async with aiohttp.ClientSession(headers={aiohttp.hdrs.ACCEPT: 'x'}, auth=aiohttp.BasicAuth) as s:\n            await s.get(u)\n",
            "import aiohttp\n\n\nasync def f(urls):\n    async with aiohttp.ClientSession(headers={aiohttp.hdrs.ACCEPT: 'x'}, auth=aiohttp.BasicAuth) as s:\n        for u in urls:\n            await s.get(u)\n",
        );
    }

    #[test]
    fn a_constant_only_sessions_read_is_fine() {
        check_unsafe_fix(
            &AM111,
            "import aiohttp\n\nH = {'a': 'b'}\n\nasync def f(urls):\n    for u in urls:\n        async with aiohttp.ClientSession(headers=H) as s:\n            await s.get(u)\n",
            "import aiohttp\n\nH = {'a': 'b'}\n\nasync def f(urls):\n    async with aiohttp.ClientSession(headers=H) as s:\n        for u in urls:\n            await s.get(u)\n",
        );
    }

    #[test]
    fn a_value_carried_to_the_next_iteration_is_reported() {
        reported(
            "    prev = None\n    for u in urls:\n        async with aiohttp.ClientSession() as s:\n            if prev:\n                print(await prev.text())\n            prev = await s.get(u)\n",
        );
    }

    #[test]
    fn an_else_clause_or_more_statements_are_left_alone() {
        reported(
            "    for u in urls:\n        async with aiohttp.ClientSession() as s:\n            await s.get(u)\n    else:\n        print('done')\n",
        );
        check_no_fix(
            &AM111,
            &wrap(
                "    for u in urls:\n        print(u)\n        async with aiohttp.ClientSession() as s:\n            await s.get(u)\n",
            ),
        );
    }

    #[test]
    fn other_classes_and_sync_with_are_left_alone() {
        for source in [
            "from sqlalchemy.ext.asyncio import AsyncSession\n\nasync def f(xs, engine):\n    for x in xs:\n        async with AsyncSession(engine) as s:\n            await s.execute(x)\n",
            "import aiohttp\n\nasync def f(urls, ClientSession):\n    for u in urls:\n        async with ClientSession() as s:\n            await s.get(u)\n",
            "import aiohttp\n\nasync def f(urls, aiohttp):\n    for u in urls:\n        async with aiohttp.ClientSession() as s:\n            await s.get(u)\n",
        ] {
            check_no_fix(&AM111, source);
            assert!(findings(&AM111, source).is_empty(), "{source}");
        }
    }

    #[test]
    fn nested_loops_hoist_as_far_as_they_can() {
        check_unsafe_fix(
            &AM111,
            &wrap(
                "    for batch in urls:\n        for u in batch:\n            async with aiohttp.ClientSession() as s:\n                await s.get(u)\n",
            ),
            &wrap(
                "    async with aiohttp.ClientSession() as s:\n        for batch in urls:\n            for u in batch:\n                await s.get(u)\n",
            ),
        );
    }
}
