use crate::codemods::prelude::*;
use crate::fix::syntax::significant_before;
use crate::semantic::statements::single_assignment;
use ruff_python_ast::visitor::{self, Visitor};

use crate::semantic::{CallSite, ScopeId, ScopeNode, SemanticModel, UseKind};

declare_codemod! {
    /// ## What it does
    /// Reports `asyncio.gather(..., return_exceptions=True)` whose results
    /// are returned, or used, with no check for the exceptions among them.
    ///
    /// ## Why
    /// With `return_exceptions=True`, a call that fails does not raise: its
    /// exception object takes the place of its result in the list. Code that
    /// then treats every element as a result (`for page in pages:
    /// save(page.text)`) works on an exception as if it were data, and the
    /// error surfaces far away as an `AttributeError`, a wrong value written
    /// somewhere, or not at all. Check each element (`isinstance(r,
    /// Exception)`) or let `gather` raise.
    ///
    /// ## Before
    /// ```python
    /// import asyncio
    ///
    /// async def fetch_all(urls):
    ///     pages = await asyncio.gather(*(fetch(u) for u in urls), return_exceptions=True)
    ///     return [page.text for page in pages]
    /// ```
    ///
    /// ## After
    /// ```python
    /// import asyncio
    ///
    /// async def fetch_all(urls):
    ///     pages = await asyncio.gather(*(fetch(u) for u in urls), return_exceptions=True)
    ///     return [page.text for page in pages]
    /// ```
    ///
    /// ## Fix safety
    /// No fix: what to do with a failure (skip it, log it, raise it, retry)
    /// is the author's choice. Reported only.
    ///
    /// ## Left alone
    /// Results that are dropped (`await asyncio.gather(..., return_exceptions=True)`
    /// as a statement: the failures are ignored on purpose), or only counted
    /// or printed (`len`, `print`, `repr`). Results handed to other code that
    /// may check them: passed to a function other than a builtin that reads
    /// the elements (`list`, `zip`, `sorted`, `sum`, …), stored in an
    /// attribute, a container or another variable, or held in a `global` or
    /// `nonlocal`; the same for each result of a `for` loop over them
    /// (`for r in results: self.log_result(r)`). A function that tests what
    /// the results' elements are anywhere after the `gather`: an
    /// `isinstance` or `issubclass` test (`isinstance(r, Exception)`, or
    /// `isinstance(r, bytes)`, which keeps only the real values; a filter
    /// `[r for r in rs if not isinstance(r, BaseException)]`,
    /// `any(isinstance(…) for …)`), an identity test (`r is not None`, for
    /// calls that give `None` on success; `type(r) is not ValueError`), or a
    /// `match r:` with a class pattern (`case Exception():`). The subject
    /// must be an element: the variable of a loop or comprehension over
    /// the results, an unpacked result, or an item `rs[i]` when the results
    /// are never iterated (a test of one item says nothing of the others).
    /// A test of anything else (`isinstance(config, dict)`) is no check.
    /// Unpacked results (`a, b = await gather(…)`) are one result each: each
    /// one used as a value needs a test of its own (`isinstance(a, …)`, or
    /// of the variable of a loop over them all, `for r in (a, b)`; for
    /// `*rest`, of its elements), and the finding names those that have
    /// none; one that is only looked at or handed on needs none.
    /// `return_exceptions=` with anything but the literal `True`, and a
    /// `gather` that is not awaited where it is written.
    pub static UNCHECKED_GATHER_EXCEPTIONS = Codemod {
        code: "AM113",
        name: "unchecked-gather-exceptions",
        min_python: PyVersion::ANY,
        safety: Applicability::Safe,
        reports_only: true,
        run: unchecked_gather_exceptions,
        needles: &["return_exceptions"],
        requires: &["asyncio"],
    };
}

const USED: &str = "`gather(..., return_exceptions=True)` puts exceptions among the results, which are used with no check for them";
const RETURNED: &str = "`gather(..., return_exceptions=True)` puts exceptions among the results, which are returned with no check for them";

/// Builtins that read the elements as values: passing the results to one
/// is a use.
const ELEMENT_READERS: &[&str] = &[
    "dict",
    "enumerate",
    "frozenset",
    "iter",
    "list",
    "max",
    "min",
    "next",
    "reversed",
    "set",
    "sorted",
    "sum",
    "tuple",
    "zip",
];

/// Builtins that look at the results without using an element as a value.
const LOOKERS: &[&str] = &[
    "bool",
    "id",
    "isinstance",
    "issubclass",
    "len",
    "print",
    "repr",
    "str",
    "type",
];

fn unchecked_gather_exceptions(ctx: &Context, out: &mut Findings) {
    let semantic = ctx.semantic;
    for site in &semantic.calls {
        let call = site.call;
        if !returns_exceptions(call)
            || !semantic.is_awaited(call)
            || !semantic.refers_to(&call.func, site.scope, "asyncio.gather")
        {
            continue;
        }
        let frame = semantic.frame_of(site.scope);
        let Some(stmt) = semantic.statement_at(call.start()) else {
            continue;
        };
        let calls: Vec<&CallSite> = semantic
            .calls
            .iter()
            .filter(|other| {
                semantic
                    .scope(frame)
                    .range
                    .contains_range(other.call.range())
            })
            .collect();
        // Where the awaited call itself is iterated (`for r in await gather(…)`).
        let awaited = TextRange::new(
            significant_before(ctx.tokens, call.start()).map_or(call.start(), |t| t.start()),
            call.end(),
        );
        // `a, b = await gather(…)`: each result has a name of its own, and
        // each one used as a value needs a check of its own.
        if let Some((target, value)) = single_assignment(stmt)
            && !target.is_name_expr()
            && is_awaited_call(value, call)
        {
            let Some(targets) = unpacked_targets(target) else {
                continue;
            };
            let mut unchecked = Vec::new();
            for (name, starred) in targets {
                if name_fate(ctx, stmt, name, site.scope, &calls) != Some(Fate::Used) {
                    continue;
                }
                let results = Results {
                    names: &[name],
                    unpacked: !starred,
                    awaited,
                };
                if !checks_for_exceptions(semantic, frame, &results, stmt.start()) {
                    unchecked.push(name);
                }
            }
            if !unchecked.is_empty() {
                out.report(
                    &UNCHECKED_GATHER_EXCEPTIONS,
                    call.range(),
                    unchecked_message(&unchecked),
                );
            }
            continue;
        }
        let message = match fate(ctx, stmt, call, site.scope, &calls) {
            Some(Fate::Returned) => RETURNED,
            Some(Fate::Used) => USED,
            None => continue,
        };
        let results = single_assignment(stmt)
            .and_then(|(target, _)| target_names(target))
            .unwrap_or_default();
        let results = Results {
            names: &results,
            unpacked: false,
            awaited,
        };
        if checks_for_exceptions(semantic, frame, &results, stmt.start()) {
            continue;
        }
        out.report(&UNCHECKED_GATHER_EXCEPTIONS, call.range(), message);
    }
}

/// The message naming the unpacked results used with no check.
fn unchecked_message(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    let (list, verb) = match quoted.split_last() {
        Some((last, [])) => (last.clone(), "is"),
        Some((last, rest)) => (format!("{} and {last}", rest.join(", ")), "are"),
        None => (String::new(), "are"),
    };
    format!(
        "`gather(..., return_exceptions=True)` puts exceptions among the results; {list} {verb} used with no check for them"
    )
}

/// Whether `expr` is `await` of `call`.
fn is_awaited_call(expr: &Expr, call: &ast::ExprCall) -> bool {
    matches!(expr, Expr::Await(awaited)
        if matches!(awaited.value.as_ref(), Expr::Call(c) if c.range() == call.range()))
}

/// The names an unpacking target binds, each with whether it is starred
/// (`*rest` holds a list of results): `None` when a target is not a name
/// (`self.a, b = …`: the result is handed on).
fn unpacked_targets(target: &Expr) -> Option<Vec<(&str, bool)>> {
    match target {
        Expr::Name(name) => Some(vec![(name.id.as_str(), false)]),
        Expr::Starred(starred) => match starred.value.as_ref() {
            Expr::Name(name) => Some(vec![(name.id.as_str(), true)]),
            _ => None,
        },
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            let mut names = Vec::new();
            for element in elts {
                names.extend(unpacked_targets(element)?);
            }
            Some(names)
        }
        _ => None,
    }
}

/// What happens to the result bound to `name` by `stmt`: used as a value
/// (and never handed to code that may check it), or `None` (only looked
/// at, handed on, or a `global`/`nonlocal` other code may check).
fn name_fate(
    ctx: &Context,
    stmt: &Stmt,
    name: &str,
    scope: ScopeId,
    calls: &[&CallSite],
) -> Option<Fate> {
    let semantic = ctx.semantic;
    let owner = semantic.owner_scope(name, scope)?;
    if owner != semantic.frame_of(scope) {
        return None;
    }
    let mut used = false;
    for use_ in semantic.uses_of(name, owner) {
        match use_.kind {
            UseKind::Read if use_.range.start() > stmt.end() => {
                match classify(ctx, use_.range, calls) {
                    Read::HandedOff => return None,
                    Read::Used => used = true,
                    Read::Looked => {}
                }
            }
            UseKind::Declaration => return None,
            _ => {}
        }
    }
    used.then_some(Fate::Used)
}

/// `return_exceptions=True`, written as the literal.
fn returns_exceptions(call: &ast::ExprCall) -> bool {
    call.arguments.keywords.iter().any(|keyword| {
        keyword
            .arg
            .as_ref()
            .is_some_and(|arg| arg.as_str() == "return_exceptions")
            && matches!(
                keyword.value,
                Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: true, .. })
            )
    })
}

/// What happens to the results, when it is something to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Returned,
    Used,
}

/// How one read of the results (or the awaited call itself) is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Read {
    /// Looked at without taking an element as a value (`len`, `print`).
    Looked,
    /// Given to code that may check it: a function, an attribute, another name.
    HandedOff,
    /// Its elements are used as values here.
    Used,
}

fn fate(
    ctx: &Context,
    stmt: &Stmt,
    call: &ast::ExprCall,
    scope: ScopeId,
    calls: &[&CallSite],
) -> Option<Fate> {
    let is_gather = |expr: &Expr| is_awaited_call(expr, call);
    match stmt {
        Stmt::Return(ret) if ret.value.as_deref().is_some_and(is_gather) => {
            return Some(Fate::Returned);
        }
        Stmt::Expr(statement) if is_gather(&statement.value) => return None,
        _ => {}
    }
    if let Some((target, value)) = single_assignment(stmt)
        && is_gather(value)
    {
        // One name for all the results (an unpacking is seen by the caller).
        let Expr::Name(name) = target else {
            return None;
        };
        return name_fate(ctx, stmt, name.id.as_str(), scope, calls);
    }
    // `await gather(…)` inside a larger expression: `for r in await …`.
    let keyword = significant_before(ctx.tokens, call.start())?;
    let awaited = TextRange::new(keyword.start(), call.end());
    match classify(ctx, awaited, calls) {
        Read::Used => Some(Fate::Used),
        Read::Looked | Read::HandedOff => None,
    }
}

/// The plain names an assignment target binds: `rs`, `a, b`, `a, *rest`.
fn target_names(target: &Expr) -> Option<Vec<&str>> {
    match target {
        Expr::Name(name) => Some(vec![name.id.as_str()]),
        Expr::Starred(starred) => target_names(&starred.value),
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            let mut names = Vec::new();
            for element in elts {
                names.extend(target_names(element)?);
            }
            Some(names)
        }
        _ => None,
    }
}

/// How the expression at `range` is used: as an argument of a call (a
/// builtin that looks, one that reads the elements, or anything else), as
/// the value stored in another place, or otherwise (iterated, indexed,
/// returned, an attribute read: used).
fn classify(ctx: &Context, range: TextRange, calls: &[&CallSite]) -> Read {
    let semantic = ctx.semantic;
    let stmt = semantic.statement_at(range.start());
    // `for r in results:` passes each result to the loop's body: what the
    // body does with `r` is what happens to the results.
    if let Some(Stmt::For(loop_)) = stmt
        && iterates(&loop_.iter, range)
        && let Some(targets) = target_names(&loop_.target)
    {
        let scope = semantic.scope_at(loop_.start());
        let body = TextRange::new(
            loop_.body.first().map_or(loop_.end(), Ranged::start),
            loop_.end(),
        );
        let mut read = Read::Looked;
        for name in targets {
            let Some(owner) = semantic.owner_scope(name, scope) else {
                return Read::HandedOff;
            };
            for use_ in semantic.uses_of(name, owner) {
                if use_.kind != UseKind::Read || !body.contains_range(use_.range) {
                    continue;
                }
                match classify(ctx, use_.range, calls) {
                    Read::HandedOff => return Read::HandedOff,
                    Read::Used => read = Read::Used,
                    Read::Looked => {}
                }
            }
        }
        return read;
    }
    for site in calls {
        let call = site.call;
        let is_argument = call.arguments.args.iter().any(|arg| match arg {
            Expr::Starred(starred) => holds(&starred.value, range),
            other => holds(other, range),
        }) || call
            .arguments
            .keywords
            .iter()
            .any(|keyword| holds(&keyword.value, range));
        if !is_argument {
            continue;
        }
        return match builtin_name(semantic, &call.func, site.scope) {
            Some(name) if LOOKERS.contains(&name) => Read::Looked,
            Some(name) if ELEMENT_READERS.contains(&name) => Read::Used,
            _ => Read::HandedOff,
        };
    }
    // `total += r` computes with the value (an exception would raise or
    // be added): a use, not a handing over.
    let stored = stmt.is_some_and(|stmt| {
        single_assignment(stmt).is_some_and(|(_, value)| value.range() == range)
    });
    if stored {
        return Read::HandedOff;
    }
    Read::Used
}

/// Whether a loop over `iter` takes its items from the expression at
/// `range`: `for r in results`, `for i, r in enumerate(results)`, `for u,
/// r in zip(urls, results)`.
fn iterates(iter: &Expr, range: TextRange) -> bool {
    if iter.range() == range {
        return true;
    }
    matches!(iter, Expr::Call(call)
        if matches!(call.func.as_ref(), Expr::Name(f) if matches!(f.id.as_str(), "enumerate" | "zip" | "reversed" | "sorted"))
            && call.arguments.args.iter().any(|a| a.range() == range))
}

/// Whether `expr` is the expression at `range`, or a list, tuple, set or
/// dict display with it as an element or value (`{"rs": rs}`).
fn holds(expr: &Expr, range: TextRange) -> bool {
    if expr.range() == range {
        return true;
    }
    match expr {
        Expr::List(ast::ExprList { elts, .. })
        | Expr::Tuple(ast::ExprTuple { elts, .. })
        | Expr::Set(ast::ExprSet { elts, .. }) => elts.iter().any(|e| e.range() == range),
        Expr::Dict(dict) => dict.items.iter().any(|item| item.value.range() == range),
        _ => false,
    }
}

/// The builtin `func` names, when it is one.
fn builtin_name<'e>(semantic: &SemanticModel, func: &'e Expr, scope: ScopeId) -> Option<&'e str> {
    let Expr::Name(name) = func else {
        return None;
    };
    let id = name.id.as_str();
    semantic.is_builtin(id, scope).then_some(id)
}

/// Where the results live: the names they are bound to, and the awaited
/// `gather` itself (iterated where it is written).
struct Results<'r, 'a> {
    names: &'r [&'a str],
    /// `a, b = await gather(…)`: each name is one result.
    unpacked: bool,
    awaited: TextRange,
}

/// Whether the code after `after` tests what the results' elements are:
/// an `isinstance` or `issubclass` test, an identity test (`r is not
/// None`, `type(r) is not ValueError`) or a `match` with a class pattern
/// (`case Exception():`), whose subject is an element: the variable of a
/// loop or comprehension over the results (`for r in rs`, `for u, r in
/// zip(urls, rs)`), one of the unpacked results, or `rs[i]` (which
/// counts only when the results are never iterated: a test of one element
/// says nothing of the others). A test of anything else says nothing.
fn checks_for_exceptions(
    semantic: &SemanticModel,
    frame: ScopeId,
    results: &Results,
    after: TextSize,
) -> bool {
    let body = match semantic.scope(frame).node {
        ScopeNode::Function(def) => &def.body,
        ScopeNode::Module => &semantic.module.body,
        _ => return false,
    };
    // The variables that take the elements.
    let mut elements = Elements {
        results,
        after,
        names: Vec::new(),
    };
    elements.visit_body(body);
    let iterated = !elements.names.is_empty();
    let mut names = elements.names;
    if results.unpacked {
        names.extend(results.names.iter().copied());
    }
    let mut tests = Tests {
        names: &names,
        results: if results.unpacked { &[] } else { results.names },
        after,
        on_element: false,
        on_item: false,
    };
    tests.visit_body(body);
    tests.on_element || (tests.on_item && !iterated)
}

/// Collects the targets of the loops and comprehensions (after `after`)
/// that iterate over the results.
struct Elements<'r, 'a> {
    results: &'r Results<'r, 'a>,
    after: TextSize,
    names: Vec<&'a str>,
}

impl<'a> Elements<'_, 'a> {
    fn over_results(&self, iter: &Expr) -> bool {
        if iterates(iter, self.results.awaited) {
            return true;
        }
        self.results.names.iter().any(|name| {
            let read = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == *name);
            // A display of the unpacked results (`for r in (a, b)`) iterates each.
            let shown = |e: &Expr| match e {
                Expr::Tuple(ast::ExprTuple { elts, .. })
                | Expr::List(ast::ExprList { elts, .. })
                | Expr::Set(ast::ExprSet { elts, .. }) => {
                    self.results.unpacked && elts.iter().any(read)
                }
                _ => false,
            };
            read(iter)
                || shown(iter)
                || matches!(iter, Expr::Call(call) if call.arguments.args.iter().any(|a| read(a) || shown(a)))
        })
    }

    fn take(&mut self, target: &'a Expr, iter: &Expr) {
        if iter.start() >= self.after
            && self.over_results(iter)
            && let Some(names) = target_names(target)
        {
            self.names.extend(names);
        }
    }
}

impl<'a> Visitor<'a> for Elements<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::For(loop_) = stmt {
            self.take(&loop_.target, &loop_.iter);
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_comprehension(&mut self, comprehension: &'a ast::Comprehension) {
        self.take(&comprehension.target, &comprehension.iter);
        visitor::walk_comprehension(self, comprehension);
    }
}

/// Finds the tests (after `after`) whose subject is an element.
struct Tests<'n, 'a> {
    /// The variables that hold elements.
    names: &'n [&'a str],
    /// The results' names, whose items (`rs[0]`) are elements too.
    results: &'n [&'a str],
    after: TextSize,
    on_element: bool,
    on_item: bool,
}

impl Tests<'_, '_> {
    /// Notes a test of `subject`, looking through `type(x)`.
    fn subject(&mut self, subject: &Expr) {
        match subject {
            Expr::Name(name) if self.names.contains(&name.id.as_str()) => self.on_element = true,
            Expr::Subscript(item)
                if matches!(item.value.as_ref(),
                    Expr::Name(name) if self.results.contains(&name.id.as_str())) =>
            {
                self.on_item = true;
            }
            Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(f) if f.id.as_str() == "type") => {
                if let [only] = &*call.arguments.args {
                    self.subject(only);
                }
            }
            _ => {}
        }
    }
}

impl<'a> Visitor<'a> for Tests<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::Match(match_) = stmt
            && match_.start() >= self.after
            && match_
                .cases
                .iter()
                .any(|case| has_class_pattern(&case.pattern))
        {
            self.subject(&match_.subject);
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if expr.start() >= self.after {
            match expr {
                Expr::Call(call)
                    if matches!(call.func.as_ref(),
                        Expr::Name(f) if matches!(f.id.as_str(), "isinstance" | "issubclass")) =>
                {
                    if let Some(first) = call.arguments.args.first() {
                        self.subject(first);
                    }
                }
                Expr::Compare(compare)
                    if compare
                        .ops
                        .iter()
                        .any(|op| matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot)) =>
                {
                    self.subject(&compare.left);
                    for comparator in &compare.comparators {
                        self.subject(comparator);
                    }
                }
                _ => {}
            }
        }
        visitor::walk_expr(self, expr);
    }
}

/// Whether a `case` pattern tests a class (`Exception()`), also inside
/// `|` or `as`.
fn has_class_pattern(pattern: &ast::Pattern) -> bool {
    match pattern {
        ast::Pattern::MatchClass(_) => true,
        ast::Pattern::MatchOr(or) => or.patterns.iter().any(has_class_pattern),
        ast::Pattern::MatchAs(as_) => as_.pattern.as_deref().is_some_and(has_class_pattern),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{RETURNED, UNCHECKED_GATHER_EXCEPTIONS as AM113, USED, unchecked_message};
    use crate::test_support::{check_finding, check_no_fix, findings};

    fn source(body: &str) -> String {
        format!("import asyncio\n\nasync def f(urls):\n{body}")
    }

    #[test]
    fn results_iterated_unchecked_are_reported() {
        check_finding(
            &AM113,
            &source(
                "    rs = await asyncio.gather(*map(get, urls), return_exceptions=True)\n    for r in rs:\n        print(r.text)\n",
            ),
            USED,
        );
    }

    #[test]
    fn returned_results_are_reported() {
        check_finding(
            &AM113,
            &source("    return await asyncio.gather(get(1), get(2), return_exceptions=True)\n"),
            RETURNED,
        );
    }

    #[test]
    fn unpacked_results_are_reported() {
        check_finding(
            &AM113,
            &source(
                "    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    return a.x + b.x\n",
            ),
            &unchecked_message(&["a", "b"]),
        );
    }

    #[test]
    fn awaited_inside_a_loop_header_is_reported() {
        check_finding(
            &AM113,
            &source(
                "    for r in await asyncio.gather(get(1), return_exceptions=True):\n        total += r.size\n",
            ),
            USED,
        );
    }

    #[test]
    fn from_import_is_recognised() {
        check_finding(
            &AM113,
            "from asyncio import gather\n\nasync def f():\n    rs = await gather(get(1), return_exceptions=True)\n    return sorted(rs)\n",
            USED,
        );
    }

    #[test]
    fn a_check_for_exceptions_is_fine() {
        for check in [
            "    for r in rs:\n        if isinstance(r, Exception):\n            raise r\n    return rs\n",
            "    return [r for r in rs if not isinstance(r, BaseException)]\n",
            "    if any(isinstance(r, (OSError, TimeoutError)) for r in rs):\n        raise RuntimeError\n    return rs\n",
            "    for r in rs:\n        if issubclass(type(r), MyError):\n            continue\n        save(r)\n",
            "    return [r for r in rs if isinstance(r, (str, bytes))]\n",
        ] {
            let body =
                format!("    rs = await asyncio.gather(get(1), return_exceptions=True)\n{check}");
            assert_eq!(
                findings(&AM113, &source(&body)),
                Vec::<String>::new(),
                "{check}"
            );
        }
    }

    #[test]
    fn a_test_of_something_else_is_no_check() {
        // An unrelated `isinstance`, or one item tested while every
        // element is used.
        for body in [
            "    rs = await asyncio.gather(*map(get, urls), return_exceptions=True)\n    if isinstance(urls, dict):\n        urls = list(urls)\n    return [r + 1 for r in rs]\n",
            "    rs = await asyncio.gather(*map(get, urls), return_exceptions=True)\n    first = rs[0] if rs[0] is not None else 0\n    return [r * 2 for r in rs], first\n",
        ] {
            check_finding(&AM113, &source(body), USED);
        }
        check_finding(
            &AM113,
            &source(
                "    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    if urls is None:\n        return 0\n    return a + b\n",
            ),
            &unchecked_message(&["a", "b"]),
        );
    }

    #[test]
    fn each_unpacked_result_needs_its_own_check() {
        // A check of `a` says nothing of `b`.
        check_finding(
            &AM113,
            &source(
                "    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    if isinstance(a, BaseException):\n        raise a\n    return a.x + b.x\n",
            ),
            "`gather(..., return_exceptions=True)` puts exceptions among the results; `b` is used with no check for them",
        );
        check_finding(
            &AM113,
            &source(
                "    a, b, c = await asyncio.gather(get(1), get(2), get(3), return_exceptions=True)\n    if b is None:\n        return 0\n    return a + b + c\n",
            ),
            "`gather(..., return_exceptions=True)` puts exceptions among the results; `a` and `c` are used with no check for them",
        );
        // A starred result is a list: its elements need the check.
        check_finding(
            &AM113,
            &source(
                "    a, *rest = await asyncio.gather(get(1), get(2), get(3), return_exceptions=True)\n    if isinstance(a, Exception):\n        raise a\n    return a + sum(rest)\n",
            ),
            &unchecked_message(&["rest"]),
        );
    }

    #[test]
    fn unpacked_results_each_checked_or_handed_on_are_fine() {
        for body in [
            "    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    if isinstance(a, Exception) or isinstance(b, Exception):\n        raise RuntimeError\n    return a + b\n",
            // The whole tuple, checked in a loop or a comprehension.
            "    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    for r in (a, b):\n        if isinstance(r, Exception):\n            raise r\n    return a + b\n",
            "    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    if any(isinstance(r, Exception) for r in [a, b]):\n        return None\n    return a + b\n",
            // `b` is handed to code that may check it; `a` is checked.
            "    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    handle(b)\n    if a is None:\n        return 0\n    return a + 1\n",
            // Only looked at.
            "    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    print(a, b)\n",
            "    a, *rest = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    if a is None:\n        return 0\n    return [r for r in rest if not isinstance(r, Exception)], a + 1\n",
        ] {
            assert!(findings(&AM113, &source(body)).is_empty(), "{body}");
        }
    }

    #[test]
    fn arithmetic_on_each_result_is_a_use() {
        check_finding(
            &AM113,
            &source(
                "    rs = await asyncio.gather(*map(get, urls), return_exceptions=True)\n    total = 0\n    for r in rs:\n        total += r\n    print(total)\n",
            ),
            USED,
        );
    }

    #[test]
    fn tests_of_the_elements_are_checks() {
        for body in [
            "    rs = await asyncio.gather(*map(get, urls), return_exceptions=True)\n    for r in rs:\n        match r:\n            case Exception():\n                print('err', r)\n            case _:\n                print('ok', r.text)\n",
            "    rs = await asyncio.gather(*map(get, urls), return_exceptions=True)\n    return [r for r in rs if type(r) is not ValueError]\n",
            "    rs = await asyncio.gather(*map(get, urls), return_exceptions=True)\n    for u, r in zip(urls, rs):\n        if isinstance(r, Exception):\n            continue\n        print(u, r.text)\n",
            "    rs = await asyncio.gather(get(1), return_exceptions=True)\n    if rs[0] is None:\n        return 0\n    return rs[0] + 1\n",
            "    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)\n    if isinstance(a, Exception):\n        raise a\n    return a + 1\n",
        ] {
            let source = source(body);
            check_no_fix(&AM113, &source);
            assert!(findings(&AM113, &source).is_empty(), "{source}");
        }
    }

    #[test]
    fn a_loop_that_hands_each_result_on_is_left_alone() {
        for body in [
            "    for r in rs:\n        self.log_result(r)\n",
            "    for r in rs:\n        if r is not None:\n            log.warning('failed %s', r)\n",
            "    for i, r in enumerate(rs):\n        report(i, r)\n",
            "    return [r for r in rs if isinstance(r, (str, bytes))]\n",
        ] {
            let body =
                format!("    rs = await asyncio.gather(get(1), return_exceptions=True)\n{body}");
            assert_eq!(
                findings(&AM113, &source(&body)),
                Vec::<String>::new(),
                "{body}"
            );
        }
        check_finding(
            &AM113,
            &source(
                "    rs = await asyncio.gather(get(1), return_exceptions=True)\n    for i, r in enumerate(rs):\n        total += r.size\n",
            ),
            USED,
        );
    }

    #[test]
    fn dropped_counted_printed_or_handed_off_results_are_left_alone() {
        for use_ in [
            "",
            "    print(len(rs), rs)\n",
            "    handle(rs)\n",
            "    self.results = rs\n",
            "    other = rs\n    return other\n",
            "    log.info('done', extra={'rs': rs})\n",
        ] {
            let body =
                format!("    rs = await asyncio.gather(get(1), return_exceptions=True)\n{use_}");
            assert_eq!(
                findings(&AM113, &source(&body)),
                Vec::<String>::new(),
                "{use_}"
            );
        }
        check_no_fix(
            &AM113,
            &source("    await asyncio.gather(get(1), get(2), return_exceptions=True)\n"),
        );
    }

    #[test]
    fn a_global_result_is_left_alone() {
        assert!(findings(
            &AM113,
            "import asyncio\n\nasync def f():\n    global rs\n    rs = await asyncio.gather(get(1), return_exceptions=True)\n    return rs[0]\n",
        )
        .is_empty());
    }

    #[test]
    fn other_flags_and_unawaited_gathers_are_left_alone() {
        for body in [
            "    return await asyncio.gather(get(1), return_exceptions=False)\n",
            "    return await asyncio.gather(get(1), return_exceptions=flag)\n",
            "    return await asyncio.gather(get(1))\n",
            "    fut = asyncio.gather(get(1), return_exceptions=True)\n    return await fut\n",
        ] {
            assert!(findings(&AM113, &source(body)).is_empty(), "{body}");
        }
    }

    #[test]
    fn a_shadowed_gather_is_left_alone() {
        assert!(findings(
            &AM113,
            "import asyncio\n\nasync def f(asyncio):\n    return await asyncio.gather(get(1), return_exceptions=True)\n",
        )
        .is_empty());
    }

    #[test]
    fn noqa_suppresses() {
        assert!(findings(
            &AM113,
            &source("    return await asyncio.gather(get(1), return_exceptions=True)  # noqa: AM113\n"),
        )
        .is_empty());
    }
}
