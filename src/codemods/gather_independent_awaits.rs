use ruff_python_ast::comparable::{ComparableArguments, ComparableExpr};
use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{self, Visitor};

use crate::codemods::prelude::*;
use crate::fix::layout::{LineStyle, call_layout, line_end, line_start, reindented_text};
use crate::fix::syntax::tokens_overlapping;
use crate::semantic::effects::OuterUses;
use crate::semantic::imports::Lookup;
use crate::semantic::names::{NameFacts, reads_and_writes};
use crate::semantic::objects::{BaseKind, Link, ObjectOwner, ObjectPath, ReachedObjects};
use crate::semantic::{BindingKind, ScopeId, SemanticModel, UseKind};

declare_codemod! {
    /// ## What it does
    /// Runs consecutive independent awaits of one block at the same time:
    /// `user = await fetch_user(uid)` followed by `feed = await fetch_feed(uid)`
    /// becomes `user, feed = await asyncio.gather(fetch_user(uid), fetch_feed(uid))`.
    /// Annotated assignments (`user: User = await fetch_user(uid)`) and
    /// statements joined by `;` group the same way.
    ///
    /// ## Why
    /// Each `await` waits for its call to finish before the next one
    /// starts, so two independent requests of 100 ms take 200 ms.
    /// `asyncio.gather` runs them at the same time and returns their results
    /// in the order of its arguments.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def load_page(user_id):
    ///     user = await fetch_user(user_id)
    ///     feed = await fetch_feed(user_id)
    ///     return render(user, feed)
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def load_page(user_id):
    ///     user, feed = await asyncio.gather(fetch_user(user_id), fetch_feed(user_id))
    ///     return render(user, feed)
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the calls now run concurrently, each wrapped in a task.
    /// - Their side effects interleave: log lines and other output of the
    ///   calls mix, and a later call no longer sees what an earlier one did
    ///   to an object they share. Every call's arguments are evaluated
    ///   before any call runs, so an error there now comes first, and a
    ///   later argument sees the state from before the earlier calls (the
    ///   cases this module shows are left alone, see below).
    /// - Errors: `gather` raises the first exception, but the other calls
    ///   are not cancelled and keep running in the background, where the
    ///   sequence would never have started them (`charge(card)` runs although
    ///   `validate(order)` failed); when two fail, only the first error is
    ///   seen. When one fails, `gather` binds none of the targets.
    /// - Context variables: a task runs in a copy of the caller's context,
    ///   so a `ContextVar` set inside one call (a request id, a current
    ///   user, a transaction) is no longer seen by the other calls nor after
    ///   the `gather`.
    /// - Cancellation: cancelling the caller cancels every call; a call
    ///   cancelled from elsewhere makes `gather` raise `CancelledError`.
    /// - `SystemExit` and `KeyboardInterrupt` raised in a call stop the
    ///   event loop at once, out of `asyncio.run`: a caller in another
    ///   module that catches one and goes on no longer gets to (the
    ///   callers this module shows are, see below).
    /// - A call that takes a lock keyed by the current task (re-entrant
    ///   for the task holding it) now runs in another task.
    ///
    /// Whether two calls use one object, or one changes what the other
    /// reads, is decided from what this module shows (see Left alone). It
    /// cannot see objects shared through functions of other modules (two
    /// imported functions that use one module-level client, an imported
    /// function that changes a setting the other call's arguments read),
    /// functions reached through a variable, a parameter or an attribute
    /// other than a method of `self`, two parameters that the caller binds
    /// to one object (`f(conn, conn)`), nor attributes set outside their
    /// class (`service.db = other.db`) or by a base class of another
    /// module: review each gathered pair for those.
    ///
    /// Only statements of the form `NAME = await CALL` (or a tuple of names)
    /// and `NAME: T = await CALL` are grouped; names are resolved through
    /// the semantic model, the module's own `asyncio` binding is used, and
    /// a line longer than `--line-length` is broken as black breaks it:
    /// the calls together on a line of their own when that fits, else one
    /// per line.
    /// Comments between the statements move above the new one, except a
    /// tool's comment after a statement's code, which the tool reads as
    /// applying to that line, and one on a line of its own, which applies
    /// from there on (no fix: above the gathered statement it would cover
    /// the earlier statements too): one rule for every tool, the well-known ones
    /// (`# type: ignore`, `# noqa`, `# nosec`, `# pyright:`, `# mypy:`,
    /// `# pylint:`, `# pytype:`, `# pyre-fixme`, `# fmt: skip`, `# isort:`,
    /// `# pragma: no cover`, `# coverage:`, …) and by default any comment
    /// that states a directive (`# tool: disable=…`, `# tool-ignore[…]`,
    /// `# NOSONAR`). Such a comment ends the gathered statement (a `# type:
    /// ignore` first), which holds the code it followed. No fix where that
    /// line would be split (the comment would follow a `)`), would end
    /// with a comment or code of its own, or two `# type: ignore` would
    /// share it, nor where the comment follows an annotated statement (it
    /// covered the annotation too, which becomes a declaration on a line
    /// of its own), nor where a tool's comment follows a type comment
    /// (`# type: int  # noqa: F821`: it covers the call too, which the
    /// declaration's line would no longer hold). An
    /// annotation (or a type comment, `# type: int`; `# type: ignore`
    /// stays) cannot stand on a tuple target, so each becomes a
    /// declaration (`user: User`, with a comment that followed the type,
    /// `# type: User  # why`, at its end) right before the gathered statement: a
    /// function never evaluates its variables' annotations, so nothing
    /// changes at run time, and type checkers check each result against its
    /// declaration. Statements joined by `;` become one statement on their
    /// line (`if c: a: A; a, b = await asyncio.gather(f(), g())`), with the
    /// declarations joined by `;` too when other code comes first on it.
    ///
    /// ## Left alone
    /// A statement that reads a name an earlier one binds (`a = await f();
    /// b = await g(a.id)`), a name bound twice, and an `await` inside the
    /// arguments: these split the run into groups. Two calls that may use
    /// one object: one SQLAlchemy `AsyncSession` or asyncpg connection must
    /// not run two operations at once, it raises or corrupts its state.
    /// That is, two calls on one receiver (`session.execute` twice,
    /// `self.conn.fetch` and `self.conn.execute`; an imported module is no
    /// receiver), also reached two ways:
    /// - `self` and what reaches it: `super()`, `type(self)`,
    ///   `self.__class__`, the method's own class by name, `cls`; a method
    ///   of `self` may use any attribute (`self.x.a()` and `self.b()`);
    /// - a local variable followed to what it is bound to: an alias
    ///   (`pg = self.pg`, also through a chain, a tuple, `:=` or a bound
    ///   method `get = self.pg.fetch`), an object made from another (`cur =
    ///   conn.cursor()`, `repo = Repo(conn)`, `async with pool.acquire() as
    ///   conn`), an element (`for c in conns`, `conns[0]`), the result of a
    ///   function or a parameter called (`get_db()` may return one object
    ///   twice; a class called, `Client()`, makes a new one), also a
    ///   variable of an enclosing function;
    /// - an attribute of `self` followed to what the methods of its class
    ///   assign to it (`self.api = ApiClient(self.auth)`: `self.api` holds
    ///   `self.auth`);
    /// - one call's receiver passed to the other, however wrapped
    ///   (`wall.charge()` and `get_reserve(wall)`, `process([wall])`,
    ///   `{"w": wall}`, `lambda: wall.x()`, `getattr(self, "pg")`);
    /// - functions of this module (and those they call, a few calls deep,
    ///   their parameters' default values and closures included) that use
    ///   one variable of the module or of an enclosing function that may
    ///   hold a shared object: a stateful-looking name (`_conn`), an
    ///   instance made by a call (`server = LineServer()`, whatever its
    ///   name), a parameter of the enclosing function, a context variable,
    ///   an object imported by name whose methods they call; not a
    ///   constant, a logger or a compiled pattern. Or one that either
    ///   rebinds (`global`, `nonlocal`) or changes (`seen.append(x)`,
    ///   `settings.level = 2`), or whose variable is the other call's
    ///   receiver;
    /// - objects made from one object (`self.users = Repo(session)` and
    ///   `self.orders = Repo(session)` in `__init__`).
    ///
    /// A later statement that reads what an earlier call may change, since
    /// `gather` evaluates every argument before any call runs: a variable
    /// the earlier call (a function of this module) rebinds or changes
    /// (`label(next_id)` after `reserve()`, which does `next_id += 1`; a
    /// callee it rebinds), or the state of an object the earlier call is
    /// given (`send(record["name"])`, `len(record)`, `f"{record}"` after
    /// `normalise(record)`; passing `record` itself along is no read, and a
    /// variable holding a constant cannot change). Also a later argument
    /// that changes what the earlier call uses (`send(record.pop("k"))`
    /// after `save(record)`; a function of this module that changes one of
    /// its variables). A statement under a `with` or `async with` whose
    /// lock the call takes too (`async with state_lock:` around `read()`,
    /// which takes `state_lock`; `self._lock` around `self.refresh()`). A
    /// function that reads its own frame (`locals()`, `vars()`, `dir()`,
    /// `eval`): `gather` binds every target at once, later. Statements
    /// that coroutine code around them catches `SystemExit` or
    /// `KeyboardInterrupt` in and goes on (`except SystemExit: return 2`,
    /// a base of them, a bare `except:`): a `try` in their function or
    /// around a call of it in the module, a few callers up.
    ///
    /// Two calls that pass the same stateful-looking object: a name with a
    /// word such as `session`, `sess`, `db`, `conn`, `cursor`, `tx`, `ws`,
    /// `sock`, `stream` or `client` (`db_session`, `pg_conn`, `dbSession`;
    /// the words are configured by `stateful-names`), or annotated with a
    /// Session, Connection, Cursor, Transaction, Stream or WebSocket type,
    /// also through an alias. Or one the project shows stateful (see
    /// `semantic/stateful.rs`), in this module or another: annotated with a
    /// class of the project that derives from a stateful library class
    /// (`class Pg(asyncpg.Connection)`) or whose instances hold one
    /// (`self.conn = await asyncpg.connect(…)`, `self.session = session`
    /// with `session: AsyncSession`, an annotated attribute), with an alias
    /// of one (`Conn = asyncpg.Connection`, `DB: TypeAlias = AsyncSession`),
    /// or with a class one of whose subclasses in the project is stateful;
    /// or bound from a call of such a class or of a function whose return
    /// annotation names one (`conn = await open_pg(dsn)`, also by `async
    /// with`, a parameter's default or a tuple, `link, n = Link(), 1`);
    /// also through re-exports, and an attribute of `self` its class
    /// annotates or assigns so. Those two statements are reported without
    /// a fix, with a note naming the module and line that show it. The
    /// same function called twice with no arguments, the same arguments or
    /// a shared argument
    /// (`next_message()` twice, `wait_for_message(p)` twice): both read one
    /// source, in order. A target that code after a failure reads: an
    /// `except` or `finally` body around the statements (cleanup of the
    /// first result, such as cancelling a background task it started, would
    /// be skipped), or code after a handler that lets execution go on
    /// (`pass`, `continue`, a log call) or after a `with` whose context
    /// manager may suppress the exception: any but one known to let every
    /// exception through (`open`, `asyncio.timeout`, a lock, a class of the
    /// module whose `__exit__` returns only `None` or `False`, a
    /// `contextmanager` generator of the module that catches nothing
    /// around its `yield`). asyncio's own
    /// functions (`sleep`, `gather`, `wait`, `wait_for`, `shield`, …) and
    /// waits on synchronisation objects (`.acquire()`, `.wait()`,
    /// `.join()`), which exist to order things. A bare `await CALL`
    /// statement: it runs for its effect and effects are usually ordered
    /// (`await validate(order)` before `await charge(card)`), so it ends a
    /// group and is never merged. A target that a nested function or lambda
    /// reads, or that is `global` or `nonlocal`; a module that uses trio or
    /// anyio. An annotated attribute or subscript (`self.user: User = await
    /// …`), and an annotation spanning lines.
    pub static GATHER_INDEPENDENT_AWAITS = Codemod {
        code: "AM004",
        name: "gather-independent-awaits",
        min_python: PyVersion::PY37,
        safety: Applicability::Unsafe,
        run: gather_independent_awaits,
        needles: &["await"],
        requires: &[ASYNC_DEF],
    };
}

/// Methods of synchronisation objects: awaiting them orders things.
const SYNCHRONISATION_WAITS: &[&str] = &["acquire", "wait", "wait_for", "join", "wait_closed"];

/// Words that make an annotation name a stateful type (matched ignoring case).
const STATEFUL_TYPE_WORDS: &[&str] = &[
    "session",
    "connection",
    "cursor",
    "transaction",
    "stream",
    "websocket",
];

fn gather_independent_awaits(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    // `asyncio.gather` does not run under trio, nor under anyio's trio backend.
    if ["trio", "anyio", "curio"]
        .iter()
        .any(|library| semantic.imports_module(library))
    {
        return;
    }
    for suite in semantic.coroutine_suites() {
        // Only a run of two or more statements of the right shape can hold
        // a group; the costly facts are gathered for those alone.
        for run in suite
            .body
            .chunk_by(|a, b| has_candidate_shape(a) == has_candidate_shape(b))
            .filter(|run| run.len() >= 2 && has_candidate_shape(&run[0]))
        {
            gather_run(ctx, out, run, suite.scope);
        }
    }
}

/// What [`Awaited::from_stmt`] asks first, without looking anything up:
/// `TARGET = await CALL`, one target, a name or a tuple or list of names,
/// or `NAME: ANNOTATION = await CALL`.
fn has_candidate_shape(stmt: &Stmt) -> bool {
    let Some((target, value, _)) = awaited_assignment(stmt) else {
        return false;
    };
    let Expr::Await(awaited) = value else {
        return false;
    };
    let names_only = match target {
        Expr::Name(_) => true,
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            !elts.is_empty() && elts.iter().all(Expr::is_name_expr)
        }
        _ => false,
    };
    names_only && awaited.value.is_call_expr()
}

/// The target, the value and the annotation of `T = V` (one target) or
/// `NAME: A = V` (a name only: an annotated attribute or subscript is no
/// variable of the function).
fn awaited_assignment(stmt: &Stmt) -> Option<(&Expr, &Expr, Option<&Expr>)> {
    match stmt {
        Stmt::Assign(assign) => match assign.targets.as_slice() {
            [target] => Some((target, &assign.value, None)),
            _ => None,
        },
        Stmt::AnnAssign(assign) if assign.target.is_name_expr() => Some((
            &assign.target,
            assign.value.as_deref()?,
            Some(&assign.annotation),
        )),
        _ => None,
    }
}

/// Groups the statements of one run of candidate shapes and reports each group.
fn gather_run<'a>(ctx: &Context<'a>, out: &mut Findings, run: &'a [Stmt], scope: ScopeId) {
    // `locals()`, `vars()`, `eval` and the like see which targets are
    // bound: `gather` binds them all at once, later.
    if ctx.semantic.reads_own_frame(scope) {
        return;
    }
    // A task that raises `SystemExit` or `KeyboardInterrupt` stops the
    // event loop at once: coroutine code around that catches one and goes
    // on (`except SystemExit: return 2`) no longer gets to.
    if let Some(first) = run.first()
        && ["SystemExit", "KeyboardInterrupt"]
            .iter()
            .any(|class| ctx.semantic.may_keep_around(first.start(), class).is_some())
    {
        return;
    }
    let mut group: Vec<Awaited> = Vec::new();
    for stmt in run {
        let candidate = Awaited::from_stmt(ctx, stmt, scope).filter(|_| !suppressed(ctx, stmt));
        let Some(candidate) = candidate else {
            report_group(ctx, out, std::mem::take(&mut group));
            continue;
        };
        if group.iter().any(|earlier| conflicts(earlier, &candidate)) {
            report_group(ctx, out, std::mem::take(&mut group));
        } else if let Some((earlier, (path, why))) = group.iter().find_map(|earlier| {
            shares_learned_state(earlier, &candidate).map(|learned| (earlier.stmt, learned.clone()))
        }) {
            report_learned_refusal(out, earlier, candidate.stmt, &path, &why);
            report_group(ctx, out, std::mem::take(&mut group));
        }
        let last_of_group = candidate.read_later_by_closure;
        group.push(candidate);
        if last_of_group {
            report_group(ctx, out, std::mem::take(&mut group));
        }
    }
    report_group(ctx, out, group);
}

/// A variable of the module or of an enclosing function that a call uses.
#[derive(Debug, Clone, Copy)]
struct OuterState<'a> {
    name: &'a str,
    owner: ScopeId,
    /// The call may rebind it (`global`, `nonlocal`).
    writes: bool,
    /// It may hold an object two calls would share: a stateful-looking
    /// name or annotation, an instance made by a call, a parameter.
    shared: bool,
    /// It may hold something a call can change (no constant).
    mutable: bool,
}

impl OuterState<'_> {
    fn is(&self, name: &str, owner: ScopeId) -> bool {
        self.name == name && self.owner == owner
    }
}

/// One `NAME = await CALL` statement that may join a group.
struct Awaited<'a> {
    stmt: &'a Stmt,
    /// The target as the gathered statement writes it: `user` or `(a, b)`.
    target: String,
    /// `user: User` for `user: User = await …`: the annotation cannot go on
    /// the gathered tuple, so it becomes a declaration before it.
    declaration: Option<String>,
    /// The type comment after the statement, which its declaration replaces.
    type_comment: Option<TextRange>,
    /// A comment after the type in that comment (`# type: int  # why`):
    /// it goes with the declaration.
    note: Option<&'a str>,
    call: &'a ast::ExprCall,
    facts: NameFacts<'a>,
    /// The receiver as written when it is no chain of attributes
    /// (`(a or b).fetch()`), compared as written.
    receiver: Option<ComparableExpr<'a>>,
    /// The objects the callee's receiver belongs to (`self.pg` for
    /// `self.pg.fetch`, also when reached as `pg.fetch` after `pg =
    /// self.pg`; `self` for `super().connect()`).
    receivers: Vec<ObjectOwner<'a>>,
    /// The objects the arguments reach, also inside a list, a dict or
    /// another call.
    arguments: Vec<ObjectOwner<'a>>,
    /// The callee as paths (`fetch`, `self.pg.fetch`): one function reached
    /// two ways is one.
    callee: Vec<String>,
    /// The stateful objects the call uses (as receiver, in the receiver's
    /// chain or in an argument), as paths: `session`, `self.db`.
    stateful: Vec<String>,
    /// The variables the call uses (as receiver, in the receiver's chain
    /// or in an argument) that only the project shows stateful (see
    /// `SemanticModel::project_stateful`), as paths, each with why.
    learned: Vec<(String, String)>,
    /// The variables of the module or of enclosing functions that the
    /// called function of this module (or one it calls) uses.
    outer: Vec<OuterState<'a>>,
    /// The same for the functions of this module called while the
    /// arguments are evaluated.
    outer_in_arguments: Vec<OuterState<'a>>,
    /// The variables the statement itself reads (its callee, receiver and
    /// arguments), with the scope that owns each.
    reads: Vec<(&'a str, ScopeId)>,
    /// The objects that the calls inside the arguments (and inside the
    /// callee's chain) may change: `record` for `f(record.pop("k"))`.
    changed_by_arguments: Vec<ObjectOwner<'a>>,
    /// The objects the call is given (its receivers, and what its
    /// arguments reach), as paths: it may change them.
    given: Vec<ObjectPath<'a>>,
    /// The objects whose state evaluating the callee and the arguments
    /// reads, as paths: `record` for `send(record["name"])`.
    read_into: Vec<ObjectPath<'a>>,
    /// Whether every object the call reaches was collected; when not,
    /// the call is grouped with nothing.
    complete: bool,
    /// A nested function or lambda reads a target: it may run during a
    /// later call, so the assignment must come before later calls start.
    read_later_by_closure: bool,
}

impl<'a> Awaited<'a> {
    fn from_stmt(ctx: &Context<'a>, stmt: &'a Stmt, scope: ScopeId) -> Option<Awaited<'a>> {
        let semantic = ctx.semantic;
        let (target, value, annotation) = awaited_assignment(stmt)?;
        let Expr::Await(awaited) = value else {
            return None;
        };
        let Expr::Call(call) = awaited.value.as_ref() else {
            return None;
        };
        let (names, target) = target_names(target)?;
        // A function never evaluates its variables' annotations, so the
        // declaration may stand anywhere before the gathered statement; one
        // spanning lines (or holding a comment) is left where it is.
        // A type comment (`x = await f()  # type: int`) describes its
        // statement's target: it becomes a declaration too, as an
        // annotation would (the gathered tuple cannot carry it).
        let type_comment = type_comment_after(ctx.source, stmt);
        let declaration = match (annotation, &type_comment) {
            (Some(_), Some(_)) => return None,
            (Some(annotation), None) => {
                let text = &ctx.source[annotation.range()];
                if text.contains(['\n', '\r']) {
                    return None;
                }
                Some(format!("{target}: {text}"))
            }
            // `a, b = await f()  # type: int, str` has no one type to declare.
            (None, Some((_, text, _)))
                if names.len() != 1 || !target_is_name(stmt) || !is_plain_type(text) =>
            {
                return None;
            }
            // A tool's comment after the type (`# type: int  # noqa: F821`)
            // covers the line, the call included: it cannot end the
            // declaration's line, nor leave the type behind.
            (None, Some((_, _, Some(note)))) if is_tool_pragma(note) => return None,
            (None, Some((_, text, _))) => Some(format!("{target}: {text}")),
            (None, None) => None,
        };
        let local = names.iter().all(|name| {
            matches!(semantic.lookup(name, scope), Lookup::Bound { scope: owner, .. } if owner == scope)
        });
        if !local
            || contains_await(call)
            || orders_things(semantic, call, scope)
            // When a later call of the group fails, `gather` binds no target:
            // cleanup that reads one would not see the first call's result.
            || names
                .iter()
                .any(|name| semantic.read_after_exception(stmt, name, scope))
        {
            return None;
        }
        let read_later_by_closure = names
            .iter()
            .any(|name| read_by_closure(semantic, name, scope));

        let callee = semantic.object_paths(&call.func);
        let mut receiver_paths: Vec<ObjectPath> = callee
            .paths
            .iter()
            .filter_map(ObjectPath::receiver)
            .collect();
        let mut reached = ReachedObjects::default();
        let mut gather = |value: &'a Expr, into: &mut Vec<ObjectPath<'a>>| {
            let found = semantic.objects_reached(value);
            reached.complete &= found.complete;
            into.extend(found.paths);
        };
        // What the callee's own calls are given belongs to its receiver
        // (`getattr(self, "pg").fetch`, `wrap(conn).send`).
        for value in values_in_chain(&call.func) {
            gather(value, &mut receiver_paths);
        }
        let mut argument_paths = Vec::new();
        for value in argument_values(call) {
            gather(value, &mut argument_paths);
        }
        let stateful = receiver_paths
            .iter()
            .chain(&argument_paths)
            .filter_map(|path| stateful_prefix(ctx, path))
            .collect();
        let learned = learned_stateful(ctx, receiver_paths.iter().chain(&argument_paths));
        let receivers: Vec<ObjectOwner> = receiver_paths.iter().map(ObjectPath::owner).collect();
        let mut read_into = ReachedObjects::default();
        // `**mapping` is read (unpacked) before the call; `*items` too,
        // which `objects_read_in` sees.
        let passed = call
            .arguments
            .iter_source_order()
            .map(|argument| match argument {
                ast::ArgOrKeyword::Arg(value) => (value, true),
                ast::ArgOrKeyword::Keyword(keyword) => (&keyword.value, keyword.arg.is_some()),
            });
        for (value, passed) in std::iter::once((call.func.as_ref(), true)).chain(passed) {
            let found = semantic.objects_read_in(value, passed);
            read_into.complete &= found.complete;
            read_into.paths.extend(
                found
                    .paths
                    .into_iter()
                    .filter(|path| may_change(semantic, path)),
            );
        }
        reached.complete &= read_into.complete;
        let mut complete = callee.complete && reached.complete;
        let outer = match semantic.outer_uses_of_call(call, scope) {
            Some(uses) => {
                complete &= uses.complete;
                outer_states(ctx, &uses)
            }
            None => Vec::new(),
        };
        // Each call runs in a task of its own: a lock held around the
        // statement that the call takes too (a lock keyed by the current
        // task, re-entrant for the caller) now waits for the caller.
        if holds_what_the_call_uses(semantic, stmt, &outer, &receivers) {
            return None;
        }
        // The arguments of every call are evaluated before any call runs:
        // what they change, an earlier call would see changed.
        let mut changed = ReachedObjects::default();
        let mut outer_in_arguments = OuterUses::default();
        for value in std::iter::once(call.func.as_ref()).chain(argument_values(call)) {
            let found = semantic.objects_changed_by_calls_in(value);
            changed.complete &= found.complete;
            changed.paths.extend(found.paths);
            outer_in_arguments.extend(&semantic.outer_uses_of_calls_in(value, scope));
        }
        complete &= changed.complete && outer_in_arguments.complete;
        let facts = reads_and_writes(stmt);
        let reads = facts
            .reads
            .iter()
            .filter_map(|&name| Some((name, semantic.owner_scope(name, scope)?)))
            .collect();
        Some(Awaited {
            stmt,
            target,
            declaration,
            type_comment: type_comment.map(|(range, _, _)| range),
            note: type_comment.and_then(|(_, _, note)| note),
            call,
            facts,
            receiver: match call.func.as_ref() {
                Expr::Attribute(attribute) if callee.paths.is_empty() => {
                    Some(ComparableExpr::from(&*attribute.value))
                }
                _ => None,
            },
            receivers,
            arguments: argument_paths.iter().map(ObjectPath::owner).collect(),
            callee: callee.paths.iter().map(ObjectPath::text).collect(),
            stateful,
            learned,
            outer,
            outer_in_arguments: outer_states(ctx, &outer_in_arguments),
            reads,
            changed_by_arguments: changed.paths.iter().map(ObjectPath::owner).collect(),
            given: receiver_paths.into_iter().chain(argument_paths).collect(),
            read_into: read_into.paths,
            complete,
            read_later_by_closure,
        })
    }
}

/// The names a target binds and how the gathered statement writes it:
/// `user`, or `(a, b)` for a tuple or list of names.
fn target_names(target: &Expr) -> Option<(Vec<&str>, String)> {
    match target {
        Expr::Name(name) => Some((vec![name.id.as_str()], name.id.to_string())),
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            let names = elts
                .iter()
                .map(|element| match element {
                    Expr::Name(name) => Some(name.id.as_str()),
                    _ => None,
                })
                .collect::<Option<Vec<&str>>>()?;
            let text = match names.as_slice() {
                [] => return None,
                [only] => format!("({only},)"),
                _ => format!("({})", names.join(", ")),
            };
            Some((names, text))
        }
        _ => None,
    }
}

/// The type comment right after `stmt` on its line (`# type: int`, not
/// `# type: ignore`), with its range, the type's text and the comment
/// that may follow the type (`# why` in `# type: int  # why`).
/// `None` when there is none (also when a `;`-joined statement follows).
fn type_comment_after<'s>(
    source: &'s str,
    stmt: &Stmt,
) -> Option<(TextRange, &'s str, Option<&'s str>)> {
    let end = line_end(source, stmt.end());
    let rest = source.get(stmt.end().to_usize()..end.to_usize())?;
    let comment = rest.trim_start();
    let start = stmt.end() + TextSize::try_from(rest.len() - comment.len()).ok()?;
    let comment = comment.trim_end();
    let kind = comment
        .strip_prefix('#')?
        .trim_start()
        .strip_prefix("type:")?
        .trim_start();
    let ignore = kind
        .strip_prefix("ignore")
        .is_some_and(|after| after.is_empty() || after.starts_with(['[', ' ', '\t', '#']));
    if ignore {
        return None;
    }
    let (text, note) = match kind.split_once('#') {
        Some((text, note)) => (text, Some(note)),
        None => (kind, None),
    };
    // The note with its `#`, as written.
    let note = note.and_then(|note| kind.get(kind.len() - note.len() - 1..));
    let range = TextRange::at(start, TextSize::try_from(comment.len()).ok()?);
    Some((range, text.trim(), note.map(str::trim)))
}

/// Whether the statement's target is one name (not a tuple of one).
fn target_is_name(stmt: &Stmt) -> bool {
    awaited_assignment(stmt).is_some_and(|(target, _, _)| target.is_name_expr())
}

/// Whether `text` is a type expression a declaration may carry as it is.
fn is_plain_type(text: &str) -> bool {
    fn plain(expr: &Expr) -> bool {
        match expr {
            Expr::Name(_)
            | Expr::StringLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_) => true,
            Expr::Attribute(attribute) => plain(&attribute.value),
            Expr::Subscript(subscript) => plain(&subscript.value) && plain(&subscript.slice),
            Expr::Tuple(tuple) => tuple.elts.iter().all(plain),
            Expr::List(list) => list.elts.iter().all(plain),
            Expr::BinOp(op) => op.op == ast::Operator::BitOr && plain(&op.left) && plain(&op.right),
            Expr::UnaryOp(op) => plain(&op.operand),
            _ => false,
        }
    }
    !text.is_empty()
        && !text.contains(['\n', '\r'])
        && ruff_python_parser::parse_expression(text).is_ok_and(|parsed| plain(parsed.expr()))
}

/// The values of a call's arguments, positional and keyword, in source order.
fn argument_values(call: &ast::ExprCall) -> impl Iterator<Item = &Expr> {
    call.arguments
        .iter_source_order()
        .map(|argument| match argument {
            ast::ArgOrKeyword::Arg(value) => value,
            ast::ArgOrKeyword::Keyword(keyword) => &keyword.value,
        })
}

/// What matters about each outer variable a call uses; see [`OuterState`].
fn outer_states<'a>(ctx: &Context<'a>, uses: &OuterUses<'a>) -> Vec<OuterState<'a>> {
    let semantic = ctx.semantic;
    uses.uses
        .iter()
        .map(|used| {
            // A function, class or module read matters only when written.
            let shared = !used.definition
                && (is_stateful_name(used.name, &ctx.settings.stateful_names)
                    || annotated_stateful(semantic, used.name, used.owner)
                    || semantic.may_hold_shared_object(used.name, used.owner));
            let mutable =
                shared || (!used.definition && semantic.may_be_mutable(used.name, used.owner));
            OuterState {
                name: used.name,
                owner: used.owner,
                writes: used.writes,
                shared,
                mutable,
            }
        })
        .collect()
}

/// Whether a `with` or `async with` around `stmt` (in its function) holds
/// something the call uses: a variable of the module or of an enclosing
/// function that the called function uses (`async with state_lock:`
/// around `read_a()`, which takes `state_lock` too), or the object the
/// call's receiver belongs to (`async with self._lock:` around
/// `self.refresh()`).
fn holds_what_the_call_uses(
    semantic: &SemanticModel,
    stmt: &Stmt,
    outer: &[OuterState],
    receivers: &[ObjectOwner],
) -> bool {
    let mut current = stmt;
    while let Some((suite, _)) = semantic.suite_of(current)
        && let Some(parent) = suite.parent
    {
        match parent {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => break,
            Stmt::With(with) => {
                for item in &with.items {
                    let held = semantic.objects_reached(&item.context_expr);
                    if !held.complete {
                        return true;
                    }
                    for path in &held.paths {
                        let owner = path.owner();
                        let variable = semantic.owner_scope(path.base, path.scope);
                        if receivers.iter().any(|r| r.overlaps(&owner))
                            || variable
                                .is_some_and(|scope| outer.iter().any(|o| o.is(path.base, scope)))
                        {
                            return true;
                        }
                    }
                }
            }
            _ => {}
        }
        current = parent;
    }
    false
}

/// The arguments of the calls and the subscripts in a callee's chain:
/// `self` and `"pg"` in `getattr(self, "pg").fetch`, `k` in `pool[k].get`.
fn values_in_chain(func: &Expr) -> Vec<&Expr> {
    let mut values = Vec::new();
    let mut link = func;
    loop {
        link = match link {
            Expr::Attribute(attribute) => &attribute.value,
            Expr::Subscript(subscript) => {
                values.push(subscript.slice.as_ref());
                &subscript.value
            }
            Expr::Call(call) => {
                values.extend(call.arguments.args.iter());
                values.extend(call.arguments.keywords.iter().map(|k| &k.value));
                &call.func
            }
            _ => return values,
        };
    }
}

/// Whether `later` may not run at the same time as `earlier`.
fn conflicts(earlier: &Awaited, later: &Awaited) -> bool {
    !earlier.complete
        || !later.complete
        || later.facts.depends_on(&earlier.facts)
        || later.facts.binds_same_name(&earlier.facts)
        || (earlier.receiver.is_some() && earlier.receiver == later.receiver)
        || earlier.stateful.iter().any(|s| later.stateful.contains(s))
        || share_an_object(earlier, later)
        || same_function_same_input(earlier, later)
        || share_outer_state(earlier, later)
        || reads_what_the_earlier_call_changes(earlier, later)
        || changes_what_the_earlier_call_uses(earlier, later)
        || reads_what_the_earlier_call_is_given(earlier, later)
}

/// Whether evaluating the later callee or arguments reads the state of an
/// object the earlier call is given, which it may change
/// (`send(record["name"])` after `normalise(record)`): `gather` evaluates
/// every argument before any call runs.
fn reads_what_the_earlier_call_is_given(earlier: &Awaited, later: &Awaited) -> bool {
    later.read_into.iter().any(|read| {
        earlier.given.iter().any(|given| {
            // `items[]` is an element of `items`, or an object holding or
            // made from it (`box = {"items": items}`): it may reach
            // `items` itself.
            let mut given = given.clone();
            while given.links.last() == Some(&Link::Item) {
                given.links.pop();
            }
            read.starts_with(&given)
        })
    })
}

/// Whether the object at `path` may change: not when its variable holds
/// only constants (`LIMIT = 3`, `url = "…"`).
fn may_change(semantic: &SemanticModel, path: &ObjectPath) -> bool {
    path.kind != BaseKind::Variable
        || semantic
            .owner_scope(path.base, path.scope)
            .is_none_or(|owner| semantic.may_be_mutable(path.base, owner))
}

/// Whether the later statement reads a variable that the earlier call may
/// rebind or change (`name = await label(next_id)` after `await
/// reserve()`, which does `global next_id; next_id += 1`; a callee the
/// earlier call rebinds): `gather` evaluates the later arguments before
/// the earlier call runs.
fn reads_what_the_earlier_call_changes(earlier: &Awaited, later: &Awaited) -> bool {
    later.reads.iter().any(|&(name, owner)| {
        earlier
            .outer
            .iter()
            .any(|used| used.is(name, owner) && (used.writes || used.mutable))
    })
}

/// Whether evaluating the later arguments changes what the earlier call
/// uses: a call in them on an object the earlier call receives
/// (`send_welcome(record.pop("password"))` after `save_user(record)`), or
/// a function of this module that rebinds or changes a variable the
/// earlier call uses. `gather` evaluates every argument before any call
/// runs.
fn changes_what_the_earlier_call_uses(earlier: &Awaited, later: &Awaited) -> bool {
    later.changed_by_arguments.iter().any(|changed| {
        earlier
            .receivers
            .iter()
            .chain(&earlier.arguments)
            .any(|used| used.overlaps(changed))
    }) || later.outer_in_arguments.iter().any(|changed| {
        earlier.outer.iter().any(|used| {
            used.is(changed.name, changed.owner) && (used.writes || changed.writes || used.mutable)
        })
    })
}

/// Whether two calls reach the same object, so that running them at once
/// may interleave operations on it:
/// - their receivers belong to one object (`history.pop()` and
///   `history.state.get()`; `self.graph.get()` and `self.parse()`, which
///   may use `self.graph`; `super().connect()` and `self.load()`;
///   `pg.fetch()` and `self.pg.fetch()` after `pg = self.pg`);
/// - one's receiver is the other's argument (`power_wall.get_charge()` and
///   `get_reserve(power_wall)`, also `process([power_wall])`).
fn share_an_object(a: &Awaited, b: &Awaited) -> bool {
    let overlap = |xs: &[ObjectOwner], ys: &[ObjectOwner]| {
        xs.iter().any(|x| ys.iter().any(|y| x.overlaps(y)))
    };
    overlap(&a.receivers, &b.receivers)
        || overlap(&a.receivers, &b.arguments)
        || overlap(&b.receivers, &a.arguments)
}

/// Whether the same function is called twice with no arguments, with the
/// same arguments, or on a shared object (`wait_for_message(p)` twice, or
/// `next_message()` twice): both read one source (a subscription, a
/// module-level stream), and which call gets which item is decided by the
/// order they run in.
fn same_function_same_input(a: &Awaited, b: &Awaited) -> bool {
    let same_function = a.callee.iter().any(|c| b.callee.contains(c))
        || ComparableExpr::from(&*a.call.func) == ComparableExpr::from(&*b.call.func);
    same_function
        && ((a.call.arguments.is_empty() && b.call.arguments.is_empty())
            || ComparableArguments::from(&a.call.arguments)
                == ComparableArguments::from(&b.call.arguments)
            || a.arguments
                .iter()
                .any(|x| b.arguments.iter().any(|y| x.overlaps(y))))
}

/// Whether the two calls share state through a function of this module
/// that one of them calls: both functions use one variable of the module
/// or of an enclosing function that may hold a shared object (a
/// stateful-looking name, an instance made by a call: `server =
/// LineServer()`, a parameter) or that one of them rebinds; or the other
/// call's receiver or stateful argument is a variable the function uses
/// (`_conn.fetch()` and `get_user()`, which uses `_conn`).
fn share_outer_state(a: &Awaited, b: &Awaited) -> bool {
    let one_way = |a: &Awaited, b: &Awaited| {
        a.outer.iter().any(|used| {
            b.outer.iter().any(|other| {
                other.is(used.name, used.owner)
                    && (used.writes || other.writes || used.shared || other.shared)
            }) || ((used.mutable || used.writes)
                && (b.receivers.iter().any(|owner| owner.base == used.name)
                    || b.stateful.iter().any(|key| key == used.name)))
        })
    };
    one_way(a, b) || one_way(b, a)
}

/// The part of `path` up to its first stateful-looking link, as text: the
/// object the call uses that must not run two operations at once
/// (`self.db` for `self.db.users.get`; `session` for an argument `session`,
/// or for a name annotated `AsyncSession`).
fn stateful_prefix(ctx: &Context, path: &ObjectPath) -> Option<String> {
    let stateful = &ctx.settings.stateful_names;
    if is_stateful_name(path.base, stateful)
        || annotated_stateful(ctx.semantic, path.base, path.scope)
    {
        return Some(path.prefix_text(0));
    }
    path.links
        .iter()
        .position(|link| matches!(link, Link::Attribute(name) if is_stateful_name(name, stateful)))
        .map(|i| path.prefix_text(i + 1))
}

/// The variables among `paths` that only the project shows stateful: a
/// plain variable no word or annotation word already makes stateful,
/// annotated with or bound from a stateful type of the project (see
/// `SemanticModel::project_stateful`), each with why.
fn learned_stateful<'p, 'a: 'p>(
    ctx: &Context<'a>,
    paths: impl Iterator<Item = &'p ObjectPath<'a>>,
) -> Vec<(String, String)> {
    if ctx.semantic.project().is_none() {
        return Vec::new();
    }
    let mut learned: Vec<(String, String)> = Vec::new();
    for path in paths {
        if stateful_prefix(ctx, path).is_some() {
            continue;
        }
        // A variable, or an attribute of a method's own instance (`self.link`).
        let (text, why) = match (path.kind, path.links.first()) {
            (BaseKind::Variable, _) => (path.prefix_text(0), None),
            (BaseKind::Instance, Some(&Link::Attribute(attribute))) => {
                (path.prefix_text(1), Some((path.base, attribute)))
            }
            _ => continue,
        };
        if learned.iter().any(|(known, _)| *known == text) {
            continue;
        }
        let why = match why {
            None => ctx.semantic.project_stateful(path.base, path.scope),
            Some((instance, attribute)) => ctx
                .semantic
                .project_stateful_attribute(instance, attribute, path.scope),
        };
        if let Some(why) = why {
            learned.push((text, why));
        }
    }
    learned
}

/// A variable both calls use that only the project shows stateful (see
/// [`learned_stateful`]): one may not run while the other does.
fn shares_learned_state<'x>(a: &'x Awaited, b: &'x Awaited) -> Option<&'x (String, String)> {
    let uses = |call: &Awaited, path: &str| {
        call.stateful.iter().any(|s| s == path) || call.learned.iter().any(|(p, _)| p == path)
    };
    a.learned
        .iter()
        .find(|(path, _)| uses(b, path))
        .or_else(|| b.learned.iter().find(|(path, _)| uses(a, path)))
}

/// Reports two statements left apart only because both use `path`, which
/// the project shows stateful: no fix, and a note saying which module
/// shows it.
fn report_learned_refusal(out: &mut Findings, earlier: &Stmt, later: &Stmt, path: &str, why: &str) {
    out.report(
        &GATHER_INDEPENDENT_AWAITS,
        TextRange::new(earlier.start(), later.end()),
        format!("awaits that both use the stateful `{path}` run one after another"),
    )
    .note(format!(
        "`{path}` is stateful, as the project shows: {why}; one session or connection must not run two operations at once"
    ));
}

/// Whether the call suspends on its own while its arguments are evaluated:
/// an `await`, an `async for` comprehension or a `yield` inside it.
fn contains_await(call: &ast::ExprCall) -> bool {
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if matches!(expr, Expr::Await(_) | Expr::Yield(_) | Expr::YieldFrom(_)) {
                self.0 = true;
            } else if !self.0 {
                visitor::walk_expr(self, expr);
            }
        }
        fn visit_comprehension(&mut self, comprehension: &'a ast::Comprehension) {
            self.0 |= comprehension.is_async;
            visitor::walk_comprehension(self, comprehension);
        }
    }
    let mut finder = Finder(false);
    finder.visit_expr(&call.func);
    finder.visit_arguments(&call.arguments);
    finder.0
}

/// Whether the call is one of asyncio's own functions or a wait on a
/// synchronisation object: both exist to order things.
fn orders_things(semantic: &SemanticModel, call: &ast::ExprCall, scope: ScopeId) -> bool {
    if let Expr::Attribute(attribute) = call.func.as_ref()
        && SYNCHRONISATION_WAITS.contains(&attribute.attr.as_str())
    {
        return true;
    }
    semantic
        .qualified_name(&call.func, scope)
        .is_some_and(|name| name.starts_with("asyncio"))
}

/// Whether a nested function, lambda or class (code that may run later)
/// reads the variable `name` of `owner`.
fn read_by_closure(semantic: &SemanticModel, name: &str, owner: ScopeId) -> bool {
    // Most coroutines define no function, lambda or class inside: nothing
    // can read the name later, and the search for its uses is skipped.
    if !semantic.scope(owner).has_nested_scopes() {
        return false;
    }
    semantic
        .uses_of(name, owner)
        .iter()
        .any(|use_| use_.kind == UseKind::Read && semantic.deferred_within(use_.scope, owner))
}

/// Whether one of the words of `name` (split at `_` and at camel-case
/// humps, ignoring case) is a configured stateful word: `db_session`,
/// `pg_conn`, `_sock`, `dbSession`. A configured entry of several words
/// (`redis_pool`) matches those words in a row.
fn is_stateful_name(name: &str, stateful: &[String]) -> bool {
    let words = identifier_words(name);
    stateful.iter().any(|entry| {
        // A lower-case word (as the default entries all are) is its own
        // only word: no need to split it for each name asked about.
        if !entry.is_empty()
            && entry
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return words.iter().any(|word| word == entry);
        }
        let wanted = identifier_words(entry);
        !wanted.is_empty() && words.windows(wanted.len()).any(|w| w == wanted.as_slice())
    })
}

/// The lower-case words of an identifier: `pg_conn` → `pg`, `conn`;
/// `dbSession` → `db`, `session`; `HTTPClient` → `http`, `client`.
fn identifier_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in name.split('_').filter(|part| !part.is_empty()) {
        let chars: Vec<char> = part.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let previous = i.checked_sub(1).and_then(|p| chars.get(p));
            let next = chars.get(i + 1);
            let hump = c.is_uppercase()
                && previous.is_some_and(|p| {
                    p.is_lowercase()
                        || p.is_ascii_digit()
                        || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
                });
            if hump && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.extend(c.to_lowercase());
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// Whether the variable `name` seen from `scope` is a parameter or
/// variable annotated with a session, connection, cursor, transaction,
/// stream or websocket type.
fn annotated_stateful(semantic: &SemanticModel, name: &str, scope: ScopeId) -> bool {
    let Lookup::Bound {
        scope: owner,
        bindings,
    } = semantic.lookup(name, scope)
    else {
        return false;
    };
    bindings.iter().any(|&id| {
        let binding = semantic.binding(id);
        let annotation = match (&binding.kind, binding.stmt) {
            (BindingKind::Parameter, _) => semantic
                .scope(owner)
                .function()
                .and_then(|def| def.parameters.iter().find(|p| p.name().as_str() == name))
                .and_then(|parameter| parameter.annotation()),
            (BindingKind::Annotation | BindingKind::Assignment, Some(Stmt::AnnAssign(assign))) => {
                Some(assign.annotation.as_ref())
            }
            _ => None,
        };
        annotation.is_some_and(mentions_stateful_type)
    })
}

/// Whether an annotation names a stateful type (`AsyncSession`,
/// `asyncpg.Connection`, `"Optional[Cursor]"`, `StreamWriter`).
fn mentions_stateful_type(annotation: &Expr) -> bool {
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            let word = match expr {
                Expr::Name(name) => Some(name.id.as_str()),
                Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
                Expr::StringLiteral(string) => string.as_single_part_string().map(|s| s.as_str()),
                _ => None,
            };
            if let Some(word) = word {
                let word = word.to_ascii_lowercase();
                self.0 |= STATEFUL_TYPE_WORDS.iter().any(|w| word.contains(w));
            }
            visitor::walk_expr(self, expr);
        }
    }
    let mut finder = Finder(false);
    finder.visit_expr(annotation);
    finder.0
}

/// Whether a `# noqa` for this codemod sits on the statement's first or last line.
fn suppressed(ctx: &Context, stmt: &Stmt) -> bool {
    [stmt.start(), stmt.end()]
        .iter()
        .any(|&offset| ctx.suppressed(offset, &GATHER_INDEPENDENT_AWAITS))
}

fn report_group(ctx: &Context, out: &mut Findings, group: Vec<Awaited>) {
    let (Some(first), Some(last)) = (group.first(), group.last()) else {
        return;
    };
    if group.len() < 2 {
        return;
    }
    let range = TextRange::new(first.stmt.start(), last.stmt.end());
    out.report(
        &GATHER_INDEPENDENT_AWAITS,
        range,
        format!("{} independent awaits run one after another", group.len()),
    )
    .fix_with(Applicability::Unsafe, |fix| {
        let gather = fix.ensure_import("asyncio", "gather")?;
        fix.title(format!("Await them together with `{gather}`"));
        let source = ctx.source;
        let style = LineStyle::at(ctx, first.stmt.start());
        let arguments: Vec<String> = group
            .iter()
            .map(|a| reindented_text(ctx, a.call.range(), "", &style.unit))
            .collect();
        let targets: Vec<&str> = group.iter().map(|a| a.target.as_str()).collect();
        // The first statement may follow other code on its line (`x = 1;
        // a = await f()`, `if c: a = await f(); b = await g()`): then the
        // declarations join it with `;` too, and the moved comments go on
        // lines of their own above that line.
        let line = line_start(source, first.stmt.start());
        let before = &source[TextRange::new(line, first.stmt.start())];
        let starts_line = before.trim().is_empty();
        // A comment after a type comment's type (`# type: int  # why`)
        // ends its declaration's line, or moves above with the other
        // comments when the declarations join other code on a line.
        let declarations: Vec<String> = group
            .iter()
            .filter_map(|a| {
                let declaration = a.declaration.as_deref()?;
                Some(match a.note {
                    Some(note) if starts_line => format!("{declaration}  {note}"),
                    _ => declaration.to_string(),
                })
            })
            .collect();
        let mut prefix = String::new();
        if !starts_line {
            for declaration in &declarations {
                prefix.push_str(declaration);
                prefix.push_str("; ");
            }
        }
        prefix.push_str(&format!("{} = await ", targets.join(", ")));
        // The last statement's type comment became a declaration.
        let mut replaced = TextRange::new(
            range.start(),
            last.type_comment
                .map_or(range.end(), |comment| comment.end()),
        );
        let rest_of_line = TextRange::new(replaced.end(), line_end(source, replaced.end()));
        let after = &source[rest_of_line];
        // Comments between the statements (not inside a call). A tool's
        // comment after code (see [`is_tool_pragma`]) applies to that
        // line: it must end the gathered statement, which holds the code
        // it followed. Any other comment moves above.
        let (mut trailing, comments): (Vec<Comment>, Vec<Comment>) =
            tokens_overlapping(ctx.tokens, range)
                .iter()
                .filter(|token| {
                    token.kind() == TokenKind::Comment
                        && !group.iter().any(|a| {
                            a.call.range().contains_range(token.range())
                                || a.type_comment == Some(token.range())
                        })
                })
                .map(|token| (token.range(), &source[token.range()]))
                .partition(|(comment, text)| {
                    is_tool_pragma(text)
                        && !source
                            [TextRange::new(line_start(source, comment.start()), comment.start())]
                            .trim()
                            .is_empty()
                });
        let mut comments: Vec<&str> = comments.into_iter().map(|(_, text)| text).collect();
        // A tool's comment on a line of its own between the statements
        // (`# pylint: disable=…`, `# fmt: off`) applies from there on:
        // above the gathered statement it would cover the earlier ones too.
        if let Some(pragma) = comments.iter().find(|text| is_tool_pragma(text)) {
            anyhow::bail!(
                "`{pragma}` on a line of its own between the statements applies from there on, and above the gathered statement it would cover the earlier ones too"
            );
        }
        comments.extend(
            group
                .iter()
                .filter(|a| !starts_line && a.declaration.is_some())
                .filter_map(|a| a.note),
        );
        // The last statement's own comment is replaced and written again.
        let code_after = if after.trim_start().starts_with('#') && is_tool_pragma(after.trim()) {
            let comment = after.trim();
            let start = rest_of_line.start()
                + TextSize::try_from(after.len() - after.trim_start().len()).unwrap_or_default();
            trailing.push((TextRange::at(start, TextSize::of(comment)), comment));
            replaced = TextRange::new(replaced.start(), rest_of_line.end());
            false
        } else {
            !after.trim().is_empty()
        };
        // Only counted for the line length: what shares the line (the
        // comments of earlier statements that end it are not counted, as
        // black leaves a line alone for a trailing pragma).
        let mut following = after.to_string();
        if !starts_line {
            following.push_str(before.trim_start());
        }
        let mut statement = call_layout(&style, &prefix, &gather, &arguments, "", &following);
        if let Some(&(_, first_comment)) = trailing.first() {
            // A comment after an annotated statement covered its annotation
            // too, which becomes a declaration on a line of its own.
            if let Some((_, comment)) = trailing.iter().find(|(comment, _)| {
                group.iter().any(|a| {
                    a.declaration.is_some()
                        && TextRange::new(
                            line_start(source, a.stmt.start()),
                            line_end(source, a.stmt.end()),
                        )
                        .contains_range(*comment)
                })
            }) {
                anyhow::bail!(
                    "`{comment}` follows an annotated statement: it covers the annotation too, which would become a declaration on a line of its own"
                );
            }
            if statement.contains('\n') {
                anyhow::bail!(
                    "`{first_comment}` applies to the line it ends, and the gathered call would span several"
                );
            }
            if code_after
                || trailing
                    .iter()
                    .filter(|(_, text)| is_type_ignore(text))
                    .count()
                    > 1
            {
                anyhow::bail!(
                    "`{first_comment}` applies to the line it ends, and the gathered line would end with another comment or code"
                );
            }
            let mut ordered: Vec<&str> = trailing.iter().map(|(_, text)| *text).collect();
            // A type checker reads `# type: ignore` only at a comment's start.
            ordered.sort_by_key(|text| !is_type_ignore(text));
            for comment in ordered {
                statement.push_str("  ");
                statement.push_str(comment);
            }
        }
        let mut content = String::new();
        if starts_line {
            for line in comments
                .iter()
                .copied()
                .chain(declarations.iter().map(String::as_str))
            {
                content.push_str(line);
                content.push_str(style.eol);
                content.push_str(style.indent);
            }
        } else if !comments.is_empty() {
            let lines: String = comments
                .iter()
                .map(|comment| format!("{}{comment}{}", style.indent, style.eol))
                .collect();
            fix.insert(line, lines);
        }
        content.push_str(&statement);
        fix.replace(replaced, content);
        Ok(())
    });
}

/// A comment's range and text.
type Comment<'s> = (TextRange, &'s str);

/// Whether `comment` may be one that a tool reads as applying to the line
/// it ends. One rule for every tool: the comment starts with a tool's word
/// followed by `:`, `[`, `=`, `-` or nothing (`# type: ignore`, `# noqa`,
/// `# nosec B311`, `# pyright: ignore[…]`, `# mypy:`, `# pylint:
/// disable=…`, `# pytype: disable=…`, `# pyre-fixme[16]`, `# fmt: skip`,
/// `# isort: skip`, `# pragma: no cover`, `# coverage:`), where a tool's
/// word is one of the well-known ones; and by default, for tools not
/// known, any comment that states a directive: a word and a colon followed
/// by `ignore`, `disable`, `enable`, `skip`, `off`, `on` or `no …`
/// (`# sometool: disable=x`), a word with `-ignore`, `-fixme`, `-disable`
/// (`# xyz-ignore[1]`), or a single word in capitals (`# NOSONAR`).
/// Prose (`# the slow one`, `# rewrite: why`) is no directive.
fn is_tool_pragma(comment: &str) -> bool {
    // Tools find their word anywhere in the comment (`# py2 compat  # noqa:
    // F821`, `# reviewed; pylint: disable=…`): each part counts.
    comment
        .trim_start_matches('#')
        .split(['#', ';'])
        .any(is_pragma_part)
}

/// Whether one part of a comment (see [`is_tool_pragma`]) is a directive.
fn is_pragma_part(comment: &str) -> bool {
    const TOOLS: [&str; 22] = [
        "type",
        "noqa",
        "nosec",
        "pyright",
        "basedpyright",
        "mypy",
        "pylint",
        "pytype",
        "pyre",
        "pyrefly",
        "fmt",
        "yapf",
        "isort",
        "pragma",
        "coverage",
        "ruff",
        "flake8",
        "bandit",
        "lgtm",
        "nosonar",
        "codespell",
        "pydocstyle",
    ];
    let body = comment.trim_start_matches('#').trim();
    let word_end = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(body.len());
    let (word, rest) = body.split_at(word_end);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    let next = rest.chars().next();
    if TOOLS.contains(&lower.as_str())
        && matches!(next, None | Some(':' | '[' | '=' | '-' | ' ' | '\t'))
    {
        return true;
    }
    // A directive of a tool not known.
    if let Some(directive) = rest.strip_prefix(':') {
        let directive = directive.trim_start().to_ascii_lowercase();
        if ["ignore", "disable", "enable", "skip", "off", "on", "no "]
            .iter()
            .any(|verb| {
                directive.strip_prefix(verb).is_some_and(|after| {
                    verb.ends_with(' ')
                        || after
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_ascii_alphabetic())
                })
            })
        {
            return true;
        }
    }
    let rest_lower = rest.to_ascii_lowercase();
    if ["-ignore", "-fixme", "-disable"]
        .iter()
        .any(|suffix| rest_lower.starts_with(suffix))
    {
        return true;
    }
    rest.is_empty()
        && word.len() > 1
        && word.chars().any(|c| c.is_ascii_uppercase())
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Whether `comment` is a `# type: ignore` (with codes or not).
fn is_type_ignore(comment: &str) -> bool {
    comment
        .trim_start_matches('#')
        .trim_start()
        .strip_prefix("type:")
        .is_some_and(|rest| rest.trim_start().starts_with("ignore"))
}

#[cfg(test)]
mod tests {
    use super::GATHER_INDEPENDENT_AWAITS as AM004;
    use crate::test_support::{check_finding, check_fix, check_no_fix};

    #[test]
    fn groups_two_independent_awaits() {
        check_fix(
            &AM004,
            "import asyncio\n\nasync def f(uid):\n    user = await get_user(uid)\n    feed = await get_feed(uid)\n    return user, feed\n",
            "import asyncio\n\nasync def f(uid):\n    user, feed = await asyncio.gather(get_user(uid), get_feed(uid))\n    return user, feed\n",
        );
    }

    #[test]
    fn adds_the_import_and_reuses_an_alias() {
        check_fix(
            &AM004,
            "async def f():\n    a = await x()\n    b = await y()\n",
            "import asyncio\n\n\nasync def f():\n    a, b = await asyncio.gather(x(), y())\n",
        );
        check_fix(
            &AM004,
            "import asyncio as aio\nasync def f():\n    a = await x()\n    b = await y()\n",
            "import asyncio as aio\nasync def f():\n    a, b = await aio.gather(x(), y())\n",
        );
    }

    #[test]
    fn a_dependency_splits_the_run_into_groups() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()\n    b = await y()\n    c = await z(a.id)\n    d = await w()\n",
            "import asyncio\nasync def f():\n    a, b = await asyncio.gather(x(), y())\n    c, d = await asyncio.gather(z(a.id), w())\n",
        );
    }

    #[test]
    fn tuple_targets_are_parenthesised() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a, b = await x()\n    c = await y()\n",
            "import asyncio\nasync def f():\n    (a, b), c = await asyncio.gather(x(), y())\n",
        );
    }

    #[test]
    fn long_lines_break_as_black_does() {
        // The arguments together on a line of their own when it fits.
        check_fix(
            &AM004,
            "import asyncio\nasync def f(customer_identifier):\n    profile = await load_profile(customer_identifier)\n    orders = await load_orders(customer_identifier)\n",
            "import asyncio\nasync def f(customer_identifier):\n    profile, orders = await asyncio.gather(\n        load_profile(customer_identifier), load_orders(customer_identifier)\n    )\n",
        );
        // Else one per line, with a trailing comma.
        check_fix(
            &AM004,
            "import asyncio\nasync def f(customer_identifier):\n    profile = await load_profile(customer_identifier, with_history=True)\n    orders = await load_orders(customer_identifier, with_history=True)\n",
            "import asyncio\nasync def f(customer_identifier):\n    profile, orders = await asyncio.gather(\n        load_profile(customer_identifier, with_history=True),\n        load_orders(customer_identifier, with_history=True),\n    )\n",
        );
    }

    #[test]
    fn comments_between_move_above() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    # users first\n    a = await x()  # slow\n    # then the rest\n    b = await y()  # fast\n",
            "import asyncio\nasync def f():\n    # users first\n    # slow\n    # then the rest\n    a, b = await asyncio.gather(x(), y())  # fast\n",
        );
    }

    #[test]
    fn annotated_targets_keep_their_annotations_as_declarations() {
        check_fix(
            &AM004,
            "import asyncio\n\nasync def f(uid):\n    user: User = await get_user(uid)\n    feed: 'Feed' = await get_feed(uid)\n    n = await count(uid)\n    return user, feed, n\n",
            "import asyncio\n\nasync def f(uid):\n    user: User\n    feed: 'Feed'\n    user, feed, n = await asyncio.gather(get_user(uid), get_feed(uid), count(uid))\n    return user, feed, n\n",
        );
    }

    #[test]
    fn declarations_follow_the_moved_comments() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    # first\n    a: int = await x()\n    b: str = await y()\n",
            "import asyncio\nasync def f():\n    # first\n    a: int\n    b: str\n    a, b = await asyncio.gather(x(), y())\n",
        );
    }

    #[test]
    fn statements_joined_by_semicolons_group() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x(); b = await y()  # both\n    return a, b\n",
            "import asyncio\nasync def f():\n    a, b = await asyncio.gather(x(), y())  # both\n    return a, b\n",
        );
    }

    #[test]
    fn a_one_line_body_stays_on_its_line() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f(c):\n    if c: a: A = await x(); b = await y(); print(a, b)\n",
            "import asyncio\nasync def f(c):\n    if c: a: A; a, b = await asyncio.gather(x(), y()); print(a, b)\n",
        );
    }

    #[test]
    fn a_group_after_other_code_on_its_line_moves_comments_above_the_line() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    # slow\n    n = 1; a: A = await x()\n    # then\n    b = await y()\n    return n, a, b\n",
            "import asyncio\nasync def f():\n    # slow\n    # then\n    n = 1; a: A; a, b = await asyncio.gather(x(), y())\n    return n, a, b\n",
        );
    }

    #[test]
    fn a_long_group_on_a_shared_line_counts_the_whole_line() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f(customer):\n    if customer: profile = await load_profile(customer); orders = await load_orders(customer)\n",
            "import asyncio\nasync def f(customer):\n    if customer: profile, orders = await asyncio.gather(\n        load_profile(customer), load_orders(customer)\n    )\n",
        );
    }

    #[test]
    fn annotated_attributes_and_annotations_over_lines_are_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f(self):\n    self.a: int = await x()\n    b = await y()\n",
        );
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a: dict[\n        str, int\n    ] = await x()\n    b = await y()\n",
        );
    }

    #[test]
    fn an_annotation_naming_an_earlier_target_splits_the_group() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()\n    b: type(a) = await y()\n",
        );
    }

    #[test]
    fn dependency_through_an_attribute_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()\n    b = await y(a.id)\n",
        );
    }

    #[test]
    fn dependency_through_a_subscript_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()\n    b = await y(a[0])\n",
        );
    }

    #[test]
    fn a_name_bound_twice_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()\n    a = await y()\n",
        );
    }

    #[test]
    fn await_in_arguments_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()\n    b = await y(await z())\n",
        );
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f(it):\n    a = await x()\n    b = await y([i async for i in it])\n",
        );
    }

    #[test]
    fn calls_reaching_one_object_are_left_alone() {
        for body in [
            // receivers of one object
            "    a = await history.pop()\n    b = await history.state.get()\n",
            "    a = await self.graph.get(1)\n    b = await self.parse(2)\n",
            "    a = await self.api.user.get()\n    b = await self.api.tasks.get()\n",
            // one's receiver is the other's argument
            "    a = await reserve(power_wall)\n    b = await power_wall.charge()\n",
            "    a = await self.udn()\n    b = await system_info(self.hass)\n",
            // the same function on a shared argument
            "    a = await wait_for_message(p)\n    b = await wait_for_message(p)\n",
        ] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nasync def f(self, history, power_wall, p):\n{body}    return a, b\n"
                ),
            );
        }
    }

    #[test]
    fn one_object_reached_two_ways_is_left_alone() {
        for body in [
            "a = await super().connect()\n        b = await self.load()",
            "a = await super(A, self).connect()\n        b = await self.load()",
            "a = await type(self).make()\n        b = await self.load()",
            "a = await self.__class__.make()\n        b = await self.conn.fetch()",
            "a = await A.pool.get()\n        b = await self.pool.put()",
            "pg = self.pg\n        a = await pg.fetch(1)\n        b = await self.pg.fetch(2)",
            "x = self.a\n        a = await x.b.c()\n        b = await self.a.b.d()",
            "get = self.pg.fetch\n        a = await get(1)\n        b = await self.pg.fetch(2)",
            "a = await getattr(self, 'pg').fetch(1)\n        b = await self.pg.fetch(2)",
            "a = await self.conns[0].fetch(1)\n        b = await self.conns[1].fetch(2)",
        ] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nclass A(B):\n    async def f(self):\n        {body}\n        return a, b\n"
                ),
            );
        }
        for body in [
            "async with pool.acquire() as conn:\n        a = await conn.fetch(1)\n        b = await pool.fetch(2)",
            "cur = conn.cursor()\n    a = await cur.execute(1)\n    b = await conn.execute(2)",
            "repo = Repo(conn)\n    a = await repo.get(1)\n    b = await conn.fetch(2)",
            "r1 = Repo(conn)\n    r2 = Repo(conn)\n    a = await r1.get(1)\n    b = await r2.get(2)",
            "for c in pool:\n        a = await c.fetch(1)\n        b = await pool[0].fetch(2)",
            "x = make()\n    y = make()\n    a = await x.get(1)\n    b = await y.get(2)",
        ] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nfrom app import Repo\nasync def f(pool, conn, make):\n    {body}\n    return a, b\n"
                ),
            );
        }
    }

    #[test]
    fn a_closure_variable_is_followed() {
        check_no_fix(
            &AM004,
            "import asyncio\nclass A:\n    async def f(self):\n        pg = self.pg\n        async def g():\n            a = await pg.fetch(1)\n            b = await self.pg.fetch(2)\n            return a, b\n        return g\n",
        );
    }

    #[test]
    fn receiver_passed_in_a_container_is_left_alone() {
        for call in [
            "process([w])",
            "process({'w': w})",
            "process(*[w])",
            "process(key=(w, 1))",
            "later(lambda: w.close())",
            "process(wrap(w))",
        ] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nasync def f(w):\n    a = await w.get()\n    b = await {call}\n    return a, b\n"
                ),
            );
        }
    }

    #[test]
    fn the_same_function_on_the_same_input_is_left_alone() {
        for body in [
            "a = await next_message()\n    b = await next_message()",
            "a = await read(1)\n    b = await read(1)",
            "receive = next_message\n    a = await receive()\n    b = await next_message()",
        ] {
            check_no_fix(
                &AM004,
                &format!("import asyncio\nasync def f():\n    {body}\n    return a, b\n"),
            );
        }
    }

    #[test]
    fn module_functions_sharing_module_state_are_left_alone() {
        let module = "import asyncio\n_conn = connect()\ncounter = 0\nasync def get_user(i):\n    return await _conn.fetch(i)\nasync def get_orders(i):\n    return await _conn.fetch(i)\nasync def bump():\n    global counter\n    counter += 1\nasync def peek():\n    return counter\n";
        for body in [
            "a = await get_user(1)\n    b = await get_orders(1)",
            "a = await get_user(1)\n    b = await _conn.fetch(2)",
            "a = await bump()\n    b = await peek()",
        ] {
            check_no_fix(
                &AM004,
                &format!("{module}async def f():\n    {body}\n    return a, b\n"),
            );
        }
    }

    #[test]
    fn a_variable_the_earlier_call_rebinds_is_a_dependency() {
        for (module, body) in [
            // an argument reads a global the earlier call rebinds
            (
                "next_id = 1\nasync def reserve():\n    global next_id\n    next_id += 1\n",
                "r = await reserve()\n    n = await label(next_id)",
            ),
            // through a function of the module it calls
            (
                "next_id = 1\ndef bump():\n    global next_id\n    next_id += 1\nasync def reserve():\n    bump()\n",
                "r = await reserve()\n    n = await label(next_id)",
            ),
            // the later callee is a global the earlier call rebinds
            (
                "async def q(): return 0\nfetch_quota = q\nasync def configure():\n    global fetch_quota\n    fetch_quota = other\n",
                "s = await configure()\n    n = await fetch_quota()",
            ),
            // a module-level container the earlier call fills
            (
                "seen = []\nasync def load():\n    seen.append(1)\n",
                "r = await load()\n    n = await label(list(seen))",
            ),
            // an attribute of a class or module the earlier call sets
            (
                "import settings\nclass Config: debug = False\nasync def load():\n    Config.debug = True\n    settings.level = 2\n",
                "r = await load()\n    n = await label(Config.debug)",
            ),
            // ... and the later function reads
            (
                "import settings\nasync def load():\n    settings.level = 2\nasync def level():\n    return settings.level\n",
                "r = await load()\n    n = await level()",
            ),
        ] {
            check_no_fix(
                &AM004,
                &format!("import asyncio\n{module}async def f():\n    {body}\n    return r, n\n"),
            );
        }
        // A nonlocal the earlier call rebinds.
        check_no_fix(
            &AM004,
            "import asyncio\nasync def main():\n    token = 'anon'\n    async def login():\n        nonlocal token\n        token = 'alice'\n    s = await login()\n    n = await fetch(token)\n    return s, n\n",
        );
    }

    #[test]
    fn a_constant_the_earlier_call_reads_is_no_dependency() {
        check_fix(
            &AM004,
            "import asyncio\nLIMIT = 3\nasync def load():\n    return LIMIT\nasync def f():\n    r = await load()\n    n = await label(LIMIT)\n",
            "import asyncio\nLIMIT = 3\nasync def load():\n    return LIMIT\nasync def f():\n    r, n = await asyncio.gather(load(), label(LIMIT))\n",
        );
    }

    #[test]
    fn a_later_argument_changing_what_an_earlier_call_receives_is_a_dependency() {
        for later in [
            "send(record.pop('password'))",
            "send(normalise(record))",
            "send(**strip(record))",
            "record.clear()",
        ] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nasync def f(form):\n    record = dict(form)\n    a = await save(record)\n    b = await {later}\n    return a, b\n"
                ),
            );
        }
        // A function of the module called in a later argument that changes
        // what the earlier call uses.
        check_no_fix(
            &AM004,
            "import asyncio\ncache = {}\nasync def load():\n    return cache.get(1)\ndef reset():\n    cache.clear()\n    return 1\nasync def f():\n    a = await load()\n    b = await send(reset())\n    return a, b\n",
        );
        // Builtins that change nothing, given what the earlier call is not
        // given, still group.
        check_fix(
            &AM004,
            "import asyncio\nasync def f(record, items):\n    a = await save(record)\n    b = await send(str(items), len(items))\n",
            "import asyncio\nasync def f(record, items):\n    a, b = await asyncio.gather(save(record), send(str(items), len(items)))\n",
        );
    }

    #[test]
    fn a_later_argument_reading_what_an_earlier_call_is_given_is_a_dependency() {
        for later in [
            "send(record['name'])",
            "send(record.name)",
            "send(len(record))",
            "send(f'{record}')",
            "send(*record)",
            "send(**record)",
            "send(record == {})",
            "record.get('k')",
            "send([record.x])",
        ] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nasync def f(record):\n    a = await normalise(record)\n    b = await {later}\n    return a, b\n"
                ),
            );
        }
        // What a container given to the earlier call holds.
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f(items):\n    box = {'items': items}\n    a = await add(box)\n    b = await send(len(items))\n    return a, b\n",
        );
        // Also what the receiver of the earlier call holds.
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f(cache):\n    a = await cache.refresh()\n    b = await send(cache.data)\n    return a, b\n",
        );
        // Passed along as it is, the object is read when the call runs; an
        // attribute passed is not what the other call was given; a constant
        // cannot change.
        for (first, later) in [
            ("normalise(record)", "g(record, [record], {1: record})"),
            ("normalise(user.id)", "send(user.id, user.name)"),
            ("normalise(limit)", "send(limit + 1, f'{limit}')"),
        ] {
            let source = format!(
                "import asyncio\nasync def f(record, user):\n    limit = 3\n    a = await {first}\n    b = await {later}\n"
            );
            let expected = format!(
                "import asyncio\nasync def f(record, user):\n    limit = 3\n    a, b = await asyncio.gather({first}, {later})\n"
            );
            check_fix(&AM004, &source, &expected);
        }
    }

    #[test]
    fn a_function_reading_its_own_frame_is_left_alone() {
        for reader in ["locals()", "vars()", "dir()", "eval('user')"] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nasync def f():\n    user = await x()\n    page = await render({reader})\n    return page\n"
                ),
            );
        }
    }

    #[test]
    fn a_with_that_may_suppress_with_a_target_read_after_it_is_left_alone() {
        for head in [
            "with best_effort():",
            "async with session.begin():",
            "with quiet():",
        ] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio, contextlib\nclass best_effort:\n    def __enter__(self): return self\n    def __exit__(self, *e): return True\n@contextlib.contextmanager\ndef quiet():\n    try:\n        yield\n    except Exception:\n        pass\nasync def f(session):\n    p = None\n    {head}\n        p = await profile()\n        a = await avatar()\n    return p\n"
                ),
            );
        }
        // Known not to suppress: the group stays.
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    async with asyncio.timeout(1):\n        p = await profile()\n        a = await avatar()\n    return p, a\n",
            "import asyncio\nasync def f():\n    async with asyncio.timeout(1):\n        p, a = await asyncio.gather(profile(), avatar())\n    return p, a\n",
        );
    }

    #[test]
    fn objects_made_from_one_object_share_it() {
        // in `__init__`, from a parameter
        check_no_fix(
            &AM004,
            "import asyncio\nclass S:\n    def __init__(self, session):\n        self.users = Repo(session, 'users')\n        self.orders = Repo(session, 'orders')\n    async def f(self):\n        u = await self.users.all()\n        o = await self.orders.all()\n        return u, o\n",
        );
        // Separate objects still group.
        check_fix(
            &AM004,
            "import asyncio\nclass S:\n    def __init__(self):\n        self.users = Repo(Conn())\n        self.orders = Repo(Conn())\n    async def f(self):\n        u = await self.users.all()\n        o = await self.orders.all()\n        return u, o\n",
            "import asyncio\nclass S:\n    def __init__(self):\n        self.users = Repo(Conn())\n        self.orders = Repo(Conn())\n    async def f(self):\n        u, o = await asyncio.gather(self.users.all(), self.orders.all())\n        return u, o\n",
        );
    }

    #[test]
    fn functions_sharing_an_outer_object_are_left_alone() {
        for (module, body) in [
            // a module-level instance, whatever its name
            (
                "server = LineServer()\nasync def price(i):\n    return await server.ask(i)\nasync def stock(i):\n    return await server.ask(i)\n",
                "a = await price(1)\n    b = await stock(2)",
            ),
            // a container one fills and the other reads
            (
                "state = []\nasync def push():\n    state.append(1)\nasync def size():\n    return len(state)\n",
                "a = await push()\n    b = await size()",
            ),
            // the same, called through local aliases
            (
                "state = []\nasync def push():\n    state.append(1)\nasync def size():\n    return len(state)\n",
                "p, s = push, size\n    a = await p()\n    b = await s()",
            ),
            // an instance in a container written out
            (
                "pool = [Conn()]\nasync def price(i):\n    return await pool[0].ask(i)\nasync def stock(i):\n    return await pool[0].ask(i)\n",
                "a = await price(1)\n    b = await stock(2)",
            ),
            // through default values
            (
                "WIRE = Wire()\nasync def get_user(i, wire=WIRE):\n    return await wire.call(i)\nasync def get_orders(i, wire=WIRE):\n    return await wire.call(i)\n",
                "a = await get_user(1)\n    b = await get_orders(1)",
            ),
            // a context variable holding one session
            (
                "import contextvars\nscope = contextvars.ContextVar('scope')\nasync def load_user(i):\n    return await scope.get().execute(i)\nasync def load_cart(i):\n    return await scope.get().execute(i)\n",
                "a = await load_user(1)\n    b = await load_cart(1)",
            ),
            // an object imported by name whose methods both call
            (
                "from app.db import database\nasync def get_user(i):\n    return await database.fetch(i)\nasync def get_orders(i):\n    return await database.fetch(i)\n",
                "a = await get_user(1)\n    b = await get_orders(1)",
            ),
            // through a function each calls
            (
                "server = LineServer()\ndef ask(q):\n    return server.ask(q)\nasync def price(i):\n    return await ask(i)\nasync def stock(i):\n    return await ask(i)\n",
                "a = await price(1)\n    b = await stock(2)",
            ),
        ] {
            check_no_fix(
                &AM004,
                &format!("import asyncio\n{module}async def f():\n    {body}\n    return a, b\n"),
            );
        }
        // Closures over one local object.
        check_no_fix(
            &AM004,
            "import asyncio\nasync def main():\n    conn = Conn()\n    async def users():\n        return await conn.fetch('u')\n    async def orders():\n        return await conn.fetch('o')\n    u = await users()\n    o = await orders()\n    return u, o\n",
        );
        // A logger and constants are no shared object.
        check_fix(
            &AM004,
            "import asyncio, logging\nlog = logging.getLogger(__name__)\nLIMIT = 3\nasync def price(i):\n    log.info(i)\n    return LIMIT\nasync def stock(i):\n    log.info(i)\n    return LIMIT\nasync def f():\n    a = await price(1)\n    b = await stock(2)\n",
            "import asyncio, logging\nlog = logging.getLogger(__name__)\nLIMIT = 3\nasync def price(i):\n    log.info(i)\n    return LIMIT\nasync def stock(i):\n    log.info(i)\n    return LIMIT\nasync def f():\n    a, b = await asyncio.gather(price(1), stock(2))\n",
        );
    }

    #[test]
    fn a_call_taking_a_lock_held_around_it_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nstate_lock = TaskLock()\nasync def read_a():\n    async with state_lock:\n        return 1\nasync def f():\n    async with state_lock:\n        a = await read_a()\n        b = await other()\n    return a, b\n",
        );
        check_no_fix(
            &AM004,
            "import asyncio\nclass C:\n    async def f(self):\n        async with self._lock:\n            a = await self.read()\n            b = await other()\n        return a, b\n",
        );
    }

    #[test]
    fn a_type_comment_becomes_a_declaration() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()  # type: List[int]\n    b = await y()  # type: int  # why\n    return a, b\n",
            "import asyncio\nasync def f():\n    a: List[int]\n    b: int  # why\n    a, b = await asyncio.gather(x(), y())\n    return a, b\n",
        );
        // A comment after the type stays with its declaration, also one
        // that goes above when the declarations share a line.
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()  # type: int  # TODO(bob): narrow this\n    b = await y()  # type: tuple  # note\n    return a, b\n",
            "import asyncio\nasync def f():\n    a: int  # TODO(bob): narrow this\n    b: tuple  # note\n    a, b = await asyncio.gather(x(), y())\n    return a, b\n",
        );
        check_fix(
            &AM004,
            "import asyncio\nasync def f(c):\n    if c: a = await x(); b = await y()  # type: int  # why\n    return a, b\n",
            "import asyncio\nasync def f(c):\n    # why\n    if c: b: int; a, b = await asyncio.gather(x(), y())\n    return a, b\n",
        );
        // An ignore of an earlier statement ends the gathered line, which
        // holds the call it followed; with a comment there already, or a
        // gathered call over several lines, there is no line for it.
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()  # type: ignore[attr-defined]\n    b = await y()  # noqa: E501\n    c = await z()\n",
            "import asyncio\nasync def f():\n    a, b, c = await asyncio.gather(x(), y(), z())  # type: ignore[attr-defined]  # noqa: E501\n",
        );
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    # why\n    a = await x()  # why not\n    b = await y()  # pyright: ignore\n",
            "import asyncio\nasync def f():\n    # why\n    # why not\n    a, b = await asyncio.gather(x(), y())  # pyright: ignore\n",
        );
        for source in [
            "import asyncio\nasync def f():\n    a = await x()  # type: ignore[attr-defined]\n    b = await y()  # type: ignore[misc]\n",
            "import asyncio\nasync def f():\n    a = await x()  # type: ignore\n    b = await y()  # why\n",
            "import asyncio\nasync def f():\n    first_result_with_a_long_name = await fetch_the_first_thing(argument_one, argument_two)  # noqa\n    second_result_with_a_long_name = await fetch_the_second_thing(argument_one, argument_two)\n",
        ] {
            check_no_fix(&AM004, source);
        }
        // An ignore stays where it was.
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()\n    b = await y()  # type: ignore[misc]\n",
            "import asyncio\nasync def f():\n    a, b = await asyncio.gather(x(), y())  # type: ignore[misc]\n",
        );
        // No one type for a tuple target, no type that is no plain type.
        for first in [
            "a, c = await x()  # type: int, int",
            "a = await x()  # type: lambda: 1",
            "a: int = await x()  # type: int",
        ] {
            check_no_fix(
                &AM004,
                &format!("import asyncio\nasync def f():\n    {first}\n    b = await y()\n"),
            );
        }
    }

    #[test]
    fn a_target_read_after_a_failure_is_left_alone() {
        for (head, tail) in [
            ("try:", "finally:\n        close(t)"),
            ("try:", "except Exception:\n        close(t)\n        raise"),
            ("try:", "except Exception:\n        pass\n    close(t)"),
            ("with contextlib.suppress(KeyError):", "close(t)"),
        ] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nimport contextlib\nasync def f():\n    t = None\n    {head}\n        t = await start()\n        r = await other()\n    {tail}\n"
                ),
            );
        }
    }

    #[test]
    fn a_failure_nothing_reads_after_still_groups() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f():\n    try:\n        t = await start()\n        r = await other()\n    except Exception:\n        raise Failed()\n    finally:\n        close()\n    return t, r\n",
            "import asyncio\nasync def f():\n    try:\n        t, r = await asyncio.gather(start(), other())\n    except Exception:\n        raise Failed()\n    finally:\n        close()\n    return t, r\n",
        );
    }

    #[test]
    fn objects_made_by_a_class_are_separate() {
        check_fix(
            &AM004,
            "import asyncio\nfrom app import Client\nasync def f():\n    x = Client()\n    y = Client()\n    a = await x.get(1)\n    b = await y.get(2)\n    return a, b\n",
            "import asyncio\nfrom app import Client\nasync def f():\n    x = Client()\n    y = Client()\n    a, b = await asyncio.gather(x.get(1), y.get(2))\n    return a, b\n",
        );
    }

    #[test]
    fn separate_objects_still_group() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f(self, u):\n    a = await self.users.get(u)\n    b = await self.orders.get(u)\n    return a, b\n",
            "import asyncio\nasync def f(self, u):\n    a, b = await asyncio.gather(self.users.get(u), self.orders.get(u))\n    return a, b\n",
        );
    }

    #[test]
    fn same_receiver_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f(self):\n    a = await self.conn.fetch(1)\n    b = await self.conn.execute(2)\n",
        );
    }

    #[test]
    fn same_stateful_argument_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f(db, i):\n    a = await get_user(db, i)\n    b = await get_orders(db, i)\n",
        );
    }

    #[test]
    fn stateful_words_are_found_inside_names() {
        let list: Vec<String> = crate::fix::context::DEFAULT_STATEFUL_NAMES
            .iter()
            .map(|s| s.to_string())
            .collect();
        for name in [
            "db_session",
            "pg_conn",
            "sock",
            "sess",
            "_conn",
            "dbSession",
            "HTTPClient",
            "WS",
        ] {
            assert!(super::is_stateful_name(name, &list), "{name}");
        }
        for name in [
            "dbs",
            "connect",
            "concurrent",
            "current",
            "user_id",
            "txt",
            "descriptor",
        ] {
            assert!(!super::is_stateful_name(name, &list), "{name}");
        }
        let custom = vec!["redis_pool".to_string()];
        assert!(super::is_stateful_name("main_redis_pool", &custom));
        assert!(!super::is_stateful_name("redis", &custom));
        assert_eq!(
            super::identifier_words("parseHTTPResponse2Json"),
            ["parse", "http", "response2", "json"]
        );
    }

    #[test]
    fn stateful_names_not_spelled_as_the_list_are_left_alone() {
        for name in ["db_session", "pg_conn", "sock", "sess"] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nasync def f({name}, i):\n    a = await get_user({name}, i)\n    b = await get_orders({name}, i)\n"
                ),
            );
        }
    }

    #[test]
    fn annotated_connection_argument_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nimport asyncpg\nasync def f(pg: asyncpg.Connection):\n    a = await get_user(pg)\n    b = await get_orders(pg)\n",
        );
    }

    #[test]
    fn bare_awaits_are_never_merged() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f(order, card):\n    await validate(order)\n    await charge(card)\n",
        );
    }

    #[test]
    fn asyncio_functions_and_synchronisation_waits_are_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f(lock, event):\n    a = await asyncio.sleep(1, 'x')\n    b = await lock.acquire()\n    c = await event.wait()\n    d = await asyncio.wait_for(g(), 1)\n",
        );
    }

    #[test]
    fn target_read_by_a_closure_ends_the_group() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()\n    b = await run(lambda: a)\n",
        );
    }

    #[test]
    fn global_target_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f():\n    global a\n    a = await x()\n    b = await y()\n",
        );
    }

    #[test]
    fn trio_module_is_left_alone() {
        check_no_fix(
            &AM004,
            "import trio\nasync def f():\n    a = await x()\n    b = await y()\n",
        );
    }

    #[test]
    fn noqa_on_a_statement_keeps_it_out() {
        check_no_fix(
            &AM004,
            "import asyncio\nasync def f():\n    a = await x()\n    b = await y()  # noqa: AM004\n",
        );
    }

    #[test]
    fn sync_function_is_left_alone() {
        check_no_fix(
            &AM004,
            "import asyncio\ndef f():\n    a = x()\n    b = y()\n",
        );
    }

    #[test]
    fn shadowed_asyncio_keeps_the_finding_without_fix() {
        check_finding(
            &AM004,
            "async def f(asyncio):\n    a = await x()\n    b = await y()\n",
            "2 independent awaits run one after another",
        );
    }

    #[test]
    fn an_imported_module_is_no_receiver() {
        check_fix(
            &AM004,
            "import asyncio\nimport httpx\nasync def f():\n    a = await httpx.get(1)\n    b = await httpx.get(2)\n",
            "import asyncio\nimport httpx\nasync def f():\n    a, b = await asyncio.gather(httpx.get(1), httpx.get(2))\n",
        );
    }

    #[test]
    fn a_from_imported_name_may_be_an_object() {
        check_no_fix(
            &AM004,
            "import asyncio\nfrom app import database\nasync def f():\n    a = await database.fetch(1)\n    b = await database.fetch(2)\n",
        );
    }

    #[test]
    fn a_comment_after_code_stays_on_the_line_of_that_code() {
        // Any tool's comment, known or not, ends the gathered line.
        for comment in [
            "# nosec B311",
            "# pytype: disable=wrong-arg-types",
            "# pyre-fixme[16]",
            "# fmt: skip",
            "# NOSONAR",
        ] {
            check_fix(
                &AM004,
                &format!(
                    "import asyncio\nasync def f(i):\n    u = await user(i)  {comment}\n    v = await feed(i)\n    return u, v\n"
                ),
                &format!(
                    "import asyncio\nasync def f(i):\n    u, v = await asyncio.gather(user(i), feed(i))  {comment}\n    return u, v\n"
                ),
            );
        }
        // On an annotated statement it covered the annotation too, which
        // becomes a declaration of its own; after a call that must split,
        // it would follow its `)`.
        for (source, why) in [
            (
                "import asyncio\nasync def f(uid):\n    user: UserRecord = await fetch_user(uid)  # type: ignore[name-defined]\n    feed: list = await fetch_feed(uid)\n",
                "follows an annotated statement",
            ),
            (
                "import asyncio\nasync def f(uid):\n    user = await fetch_user(uid)\n    feed: 'FeedList' = await fetch_feed(uid)  # pyright: ignore[reportUndefinedVariable]\n",
                "follows an annotated statement",
            ),
            (
                "import asyncio\nasync def f(uid):\n    user = await fetch_user(uid)\n    feed = await fetch_feed(uid)  # noqa: ASYNC110 -- polling is intentional here, see ADR-17\n",
                "would span several",
            ),
        ] {
            check_no_fix(&AM004, source);
            let reasons = crate::test_support::reasons(&AM004, source);
            assert!(
                reasons.iter().any(|reason| reason.contains(why)),
                "{source}: {reasons:?}"
            );
        }
    }

    #[test]
    fn tool_pragmas_are_told_from_prose() {
        for pragma in [
            "# type: ignore[name-defined]",
            "# noqa",
            "# noqa: E501",
            "# NOQA:E501",
            "# nosec",
            "# nosec B311",
            "# pyright: ignore[reportArgumentType]",
            "# mypy: disable-error-code=misc",
            "# pylint: disable=broad-except",
            "# pytype: disable=wrong-arg-types",
            "# pyre-fixme[16]",
            "# pyre-ignore",
            "# fmt: skip",
            "# isort: skip",
            "# pragma: no cover",
            "# coverage: ignore",
            "# ruff: noqa",
            "# sometool: disable=x",
            "# othertool: no check",
            "# xyz-ignore[1]",
            "# NOSONAR",
            "# py2 compat  # noqa: F821",
            "# legacy API  # type: ignore[attr-defined]",
            "# reviewed; pylint: disable=protected-access",
        ] {
            assert!(super::is_tool_pragma(pragma), "{pragma}");
        }
        for prose in [
            "# slow",
            "# the slow one",
            "# rewrite: independent of the next one",
            "# TODO: narrow this",
            "# types: see the docs",
            "# why not",
            "# I",
            "# see #123; slow",
            "# step 2 # of 3",
        ] {
            assert!(!super::is_tool_pragma(prose), "{prose}");
        }
    }

    #[test]
    fn a_pragma_after_a_type_comment_keeps_its_statement_out() {
        for comment in [
            "# type: int  # noqa: F821",
            "# type: int  # type: ignore[arg-type]",
            "# type: int  # pylint: disable=undefined-variable",
        ] {
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nasync def f(u): return u\nasync def g(u): return u\nasync def run(u):\n    a = await f(u)  {comment}\n    b = await g(u)\n    return a, b\n"
                ),
            );
            check_no_fix(
                &AM004,
                &format!(
                    "import asyncio\nasync def f(u): return u\nasync def g(u): return u\nasync def run(u):\n    a = await f(u)\n    b = await g(u)  {comment}\n    return a, b\n"
                ),
            );
        }
    }

    #[test]
    fn a_pragma_after_other_comment_text_stays_on_the_code_line() {
        check_fix(
            &AM004,
            "import asyncio\nasync def f(u): return u\nasync def g(u): return u\nasync def run(u):\n    a = await f(u)  # legacy API, see #12  # noqa: E501\n    b = await g(u)\n    return a, b\n",
            "import asyncio\nasync def f(u): return u\nasync def g(u): return u\nasync def run(u):\n    a, b = await asyncio.gather(f(u), g(u))  # legacy API, see #12  # noqa: E501\n    return a, b\n",
        );
    }

    #[test]
    fn a_tool_comment_between_the_statements_keeps_them_apart() {
        for comment in [
            "# pylint: disable=unused-variable",
            "# fmt: off",
            "# type: ignore",
        ] {
            let source = format!(
                "import asyncio\nasync def f(i):\n    u = await user(i)\n    {comment}\n    v = await feed(i)\n    return u, v\n"
            );
            check_no_fix(&AM004, &source);
            let reasons = crate::test_support::reasons(&AM004, &source);
            assert!(
                reasons.iter().any(|r| r.contains("on a line of its own")),
                "{comment}: {reasons:?}"
            );
        }
    }
}
