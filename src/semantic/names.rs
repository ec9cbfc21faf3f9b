//! Every read and write of a name, resolved to the scope that owns it: the
//! facts behind "the loop name has no other use" and "these statements are
//! independent".

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, ExceptHandler, Expr, ExprContext, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashSet;

use super::imports::Lookup;
use super::scope::MODULE_SCOPE;
use super::{BindingKind, ScopeId, ScopeKind, SemanticModel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseKind {
    Read,
    /// An assignment, import, definition, parameter or other binding.
    Write,
    Delete,
    /// `global name` / `nonlocal name` naming it.
    Declaration,
}

/// One use of a variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Use {
    pub kind: UseKind,
    pub range: TextRange,
    /// The scope the use sits in (the variable's own scope, or a nested one).
    pub scope: ScopeId,
}

impl<'a> SemanticModel<'a> {
    /// Every read, write and deletion of the variable `name` owned by
    /// `owner`, including reads from nested functions, lambdas and
    /// comprehensions that see it, and writes through `global`/`nonlocal`.
    /// In source order.
    pub fn uses_of(&self, name: &str, owner: ScopeId) -> Vec<Use> {
        let mut uses = Vec::new();
        // A function's (or class's, lambda's, comprehension's) variable is
        // used only inside its range: search there, not the whole module.
        // Writes through `global` from elsewhere are found below.
        let within = (owner != MODULE_SCOPE).then(|| self.scope(owner).range);
        for reference in self.references_named_within(name, within) {
            if self.resolves_to(name, reference.scope, owner) {
                uses.push(Use {
                    kind: if reference.is_del {
                        UseKind::Delete
                    } else {
                        UseKind::Read
                    },
                    range: reference.range,
                    scope: reference.scope,
                });
            }
        }
        // A binding is recorded in the scope it writes to (after `global`
        // or `nonlocal` redirection), so the owner's own table has them all.
        for &id in self.bindings_in(owner, name).into_iter().flatten() {
            let binding = self.binding(id);
            if !matches!(binding.kind, BindingKind::Deletion) {
                uses.push(Use {
                    kind: UseKind::Write,
                    range: binding.range,
                    scope: binding.scope,
                });
            }
        }
        for &id in &self.declaring_scopes {
            let scope = self.scope(id);
            if id != owner
                && (scope.globals.contains(name) || scope.nonlocals.contains(name))
                && self.resolves_to(name, id, owner)
            {
                uses.push(Use {
                    kind: UseKind::Declaration,
                    range: scope.range,
                    scope: id,
                });
            }
        }
        uses.sort_by_key(|u| (u.range.start(), u.range.end()));
        uses
    }

    /// The scope that owns the variable `name` as code in `scope` sees it
    /// (after `global` and `nonlocal`): what [`Self::uses_of`] takes. `None`
    /// for a builtin, an unbound name or one a star import may bind.
    pub fn owner_scope(&self, name: &str, scope: ScopeId) -> Option<ScopeId> {
        match self.lookup(name, scope) {
            Lookup::Bound { scope, .. } => Some(scope),
            Lookup::Builtin | Lookup::Unknown => None,
        }
    }

    /// Whether `name` looked up from `from` is the variable owned by `owner`.
    pub fn resolves_to(&self, name: &str, from: ScopeId, owner: ScopeId) -> bool {
        matches!(self.lookup(name, from), Lookup::Bound { scope, .. } if scope == owner)
    }

    /// Whether `name`, read by code running in `scope`, is a variable of
    /// that code's own function that no other code can rebind: bound in
    /// the function (not `global`), and no nested function declares it
    /// `nonlocal`. While the function waits at an `await`, it keeps its
    /// value, and reading it runs no code.
    pub fn is_own_local(&self, name: &str, scope: ScopeId) -> bool {
        let Some(owner) = self.owner_scope(name, scope) else {
            return false;
        };
        owner == self.frame_of(scope)
            && matches!(self.scope(owner).kind, ScopeKind::Function { .. })
            && !self
                .uses_of(name, owner)
                .iter()
                .any(|u| u.kind == UseKind::Declaration)
    }

    /// Whether a value that code of `scope` (a function) stores in `name`
    /// can be dropped with no code seeing the difference: `name` is a plain
    /// local of that function (not `global` or `nonlocal` there, so neither
    /// the module, `globals()`, another function nor a caller sees it),
    /// nothing reads, deletes (`del name` needs it bound) or declares it,
    /// in the function or in any scope nested in it, and the function does
    /// not read its own frame (`locals()`, `vars()`, `eval`, ...).
    pub fn store_is_unobserved(&self, name: &str, scope: ScopeId) -> bool {
        self.scope(scope).is_function()
            && self.owner_scope(name, scope) == Some(scope)
            && self
                .uses_of(name, scope)
                .iter()
                .all(|u| u.kind == UseKind::Write)
            && !self.reads_own_frame(scope)
    }

    /// Whether the function `scope` itself shows its variable `name` in
    /// other code's hands by the offset `until`: a function, lambda or
    /// class nested in it reads the variable, or the function reads it
    /// (passes it on, stores it, aliases it) before `until` anywhere but
    /// at `except`. A task given the object (`create_task(fill(q))`) may
    /// then change it while the function awaits. `false` for a variable
    /// of another scope: whether other code reaches it is not shown here.
    pub fn handed_out_before(
        &self,
        name: &str,
        scope: ScopeId,
        until: TextSize,
        except: TextRange,
    ) -> bool {
        if self.owner_scope(name, scope) != Some(scope) {
            return false;
        }
        self.uses_of(name, scope).iter().any(|u| {
            u.kind == UseKind::Read
                && u.range != except
                && (self.frame_of(u.scope) != scope || u.range.start() < until)
        })
    }

    /// The uses of `name` (owned by `owner`) that fall outside `ranges`.
    pub fn uses_outside(&self, name: &str, owner: ScopeId, ranges: &[TextRange]) -> Vec<Use> {
        self.uses_of(name, owner)
            .into_iter()
            .filter(|u| !ranges.iter().any(|r| r.contains_range(u.range)))
            .collect()
    }
}

/// The code of a function that may run after an exception escapes one of
/// its statements (see [`SemanticModel::after_exception`]).
#[derive(Debug, Default)]
pub struct AfterException {
    /// Handler and `finally` bodies around the statement.
    inside: Vec<TextRange>,
    /// For each `try` whose handler may let execution go on (or suppressing
    /// `with`): its protected parts; everything outside them is exposed.
    outside: Vec<[Option<TextRange>; 2]>,
}

impl AfterException {
    /// Whether code at `range` may run after the exception.
    pub fn covers(&self, range: TextRange) -> bool {
        self.inside.iter().any(|r| r.contains_range(range))
            || self
                .outside
                .iter()
                .any(|ranges| !ranges.iter().flatten().any(|r| r.contains_range(range)))
    }

    pub fn is_empty(&self) -> bool {
        self.inside.is_empty() && self.outside.is_empty()
    }
}

impl<'a> SemanticModel<'a> {
    /// Whether code of the same function may read the variable `name` of
    /// `owner` after an exception escapes `stmt`: in an `except` or
    /// `finally` body of a `try` around `stmt`, or, when a handler of that
    /// `try` may let execution go on (its body does not end in `raise` or
    /// `return`) or the exception is suppressed (`with
    /// contextlib.suppress(...)`), anywhere outside the protected body.
    /// What such code sees depends on which assignments before the
    /// exception took place.
    pub fn read_after_exception(&self, stmt: &Stmt, name: &str, owner: ScopeId) -> bool {
        let after = self.after_exception(stmt);
        if after.is_empty() {
            return false;
        }
        self.uses_of(name, owner)
            .iter()
            .any(|use_| use_.kind == UseKind::Read && after.covers(use_.range))
    }

    /// The code of `stmt`'s function that may run after an exception
    /// escapes `stmt` (see [`Self::read_after_exception`]).
    pub fn after_exception(&self, stmt: &Stmt) -> AfterException {
        let mut after = AfterException::default();
        let mut current = stmt;
        while let Some((suite, _)) = self.suite_of(current)
            && let Some(parent) = suite.parent
        {
            match parent {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => break,
                Stmt::Try(try_) => {
                    let within = |body: &[Stmt]| {
                        body_range(body).is_some_and(|r| r.contains_range(current.range()))
                    };
                    if within(&try_.body) {
                        for handler in &try_.handlers {
                            after.inside.push(handler.range());
                        }
                        if try_.handlers.iter().any(handler_may_complete) {
                            after
                                .outside
                                .push([body_range(&try_.body), body_range(&try_.orelse)]);
                        }
                    }
                    if !within(&try_.finalbody) {
                        after.inside.extend(body_range(&try_.finalbody));
                    }
                }
                Stmt::With(with) if self.may_suppress_exceptions(with) => {
                    after.outside.push([body_range(&with.body), None]);
                }
                _ => {}
            }
            current = parent;
        }
        after
    }
}

/// Whether execution may go on after an `except` body: it does not end in
/// `raise` or `return`.
fn handler_may_complete(handler: &ExceptHandler) -> bool {
    let ExceptHandler::ExceptHandler(inner) = handler;
    !matches!(inner.body.last(), Some(Stmt::Raise(_) | Stmt::Return(_)))
}

fn body_range(body: &[Stmt]) -> Option<TextRange> {
    Some(TextRange::new(body.first()?.start(), body.last()?.end()))
}

/// The range of anything ranged, for building `uses_outside` lists.
pub fn range_of<T: Ranged>(node: &T) -> TextRange {
    node.range()
}

/// The names one statement reads and the names it binds in the scope it
/// runs in: the facts behind "these statements are independent" (AM004).
///
/// Every `Name` loaded anywhere in the statement is a read, also inside
/// nested lambdas, comprehensions and function bodies (conservative: a
/// lambda may run while the statement runs). An attribute or subscript
/// chain reads its root name: `a.id` and `a[0]` read `a`. Writes are the
/// names the statement binds where it runs: assignment, `for`, `with … as`
/// and `except … as` targets, imports, `def`/`class` names, `del`, and `:=`
/// (also inside a comprehension, where it binds the enclosing scope).
/// Names bound only inside a nested lambda, comprehension or function are
/// not writes. An augmented assignment both reads and writes its name.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct NameFacts<'a> {
    pub reads: FxHashSet<&'a str>,
    pub writes: FxHashSet<&'a str>,
}

impl NameFacts<'_> {
    /// Whether this statement reads a name that `earlier` binds.
    pub fn depends_on(&self, earlier: &NameFacts) -> bool {
        self.reads.iter().any(|name| earlier.writes.contains(name))
    }

    /// Whether both statements bind a common name.
    pub fn binds_same_name(&self, other: &NameFacts) -> bool {
        self.writes.iter().any(|name| other.writes.contains(name))
    }
}

/// What `stmt` reads and writes; see [`NameFacts`].
pub fn reads_and_writes(stmt: &Stmt) -> NameFacts<'_> {
    let mut collector = FactCollector::default();
    collector.visit_stmt(stmt);
    collector.facts
}

/// What `expr` reads and writes (only `:=` and `del` targets write); see
/// [`NameFacts`].
pub fn expr_reads_and_writes(expr: &Expr) -> NameFacts<'_> {
    let mut collector = FactCollector::default();
    collector.visit_expr(expr);
    collector.facts
}

#[derive(Default)]
struct FactCollector<'a> {
    facts: NameFacts<'a>,
    /// Depth inside comprehensions: their targets bind their own scope.
    comprehensions: u32,
    /// Depth inside lambdas and nested function or class bodies: nothing
    /// there binds the statement's scope, not even `:=`.
    nested: u32,
}

impl<'a> FactCollector<'a> {
    fn write(&mut self, name: &'a str) {
        if self.nested == 0 && self.comprehensions == 0 {
            self.facts.writes.insert(name);
        }
    }
}

impl<'a> Visitor<'a> for FactCollector<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                for decorator in &def.decorator_list {
                    self.visit_decorator(decorator);
                }
                self.visit_parameters(&def.parameters);
                if let Some(returns) = &def.returns {
                    self.visit_expr(returns);
                }
                self.write(def.name.as_str());
                self.nested += 1;
                self.visit_body(&def.body);
                self.nested -= 1;
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                self.write(class.name.as_str());
                self.nested += 1;
                self.visit_body(&class.body);
                self.nested -= 1;
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = match &alias.asname {
                        Some(asname) => asname.as_str(),
                        None => {
                            let full = alias.name.as_str();
                            full.split('.').next().unwrap_or(full)
                        }
                    };
                    self.write(bound);
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).as_str();
                    if bound != "*" {
                        self.write(bound);
                    }
                }
            }
            Stmt::AugAssign(assign) => {
                if let Expr::Name(name) = assign.target.as_ref() {
                    self.facts.reads.insert(name.id.as_str());
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_except_handler(&mut self, handler: &'a ExceptHandler) {
        let ExceptHandler::ExceptHandler(inner) = handler;
        if let Some(name) = &inner.name {
            self.write(name.as_str());
        }
        visitor::walk_except_handler(self, handler);
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        match pattern {
            Pattern::MatchAs(ast::PatternMatchAs {
                name: Some(name), ..
            })
            | Pattern::MatchStar(ast::PatternMatchStar {
                name: Some(name), ..
            }) => self.write(name.as_str()),
            Pattern::MatchMapping(ast::PatternMatchMapping {
                rest: Some(rest), ..
            }) => self.write(rest.as_str()),
            _ => {}
        }
        visitor::walk_pattern(self, pattern);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(name) => match name.ctx {
                ExprContext::Load => {
                    self.facts.reads.insert(name.id.as_str());
                }
                ExprContext::Store => self.write(name.id.as_str()),
                ExprContext::Del => {
                    self.facts.reads.insert(name.id.as_str());
                    self.write(name.id.as_str());
                }
                ExprContext::Invalid => {}
            },
            Expr::Named(named) => {
                self.visit_expr(&named.value);
                match named.target.as_ref() {
                    // `:=` in a comprehension binds the enclosing scope.
                    Expr::Name(name) if self.nested == 0 => {
                        self.facts.writes.insert(name.id.as_str());
                    }
                    target => self.visit_expr(target),
                }
            }
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.visit_parameters(parameters);
                }
                self.nested += 1;
                self.visit_expr(&lambda.body);
                self.nested -= 1;
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.comprehensions += 1;
                visitor::walk_expr(self, expr);
                self.comprehensions -= 1;
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(source: &str) -> (Vec<String>, Vec<String>) {
        let parsed = ruff_python_parser::parse_module(source).expect("parses");
        let mut reads = Vec::new();
        let mut writes = Vec::new();
        for stmt in &parsed.syntax().body {
            let facts = reads_and_writes(stmt);
            reads.extend(facts.reads.iter().map(|s| s.to_string()));
            writes.extend(facts.writes.iter().map(|s| s.to_string()));
        }
        reads.sort();
        writes.sort();
        (reads, writes)
    }

    #[test]
    fn attribute_and_subscript_chains_read_their_root() {
        let (reads, writes) = facts("b = await g(a.id, c[0].x, d.e.f())\n");
        assert_eq!(reads, ["a", "c", "d", "g"]);
        assert_eq!(writes, ["b"]);
    }

    #[test]
    fn nested_lambdas_and_comprehensions_read_but_do_not_bind() {
        let (reads, writes) = facts("r = f(lambda y: y + a, [x * b for x in c])\n");
        assert_eq!(reads, ["a", "b", "c", "f", "x", "y"]);
        assert_eq!(writes, ["r"]);
    }

    #[test]
    fn walrus_in_a_comprehension_binds_the_enclosing_scope() {
        let (_, writes) = facts("r = [last := x for x in xs]\nf(lambda: (y := 1))\n");
        assert_eq!(writes, ["last", "r"]);
    }

    #[test]
    fn tuple_targets_augmented_assignment_imports_and_defs() {
        let (reads, writes) = facts(
            "a, (b, *c) = v\nn += 1\nimport os.path, json as j\nfrom x import y as z\ndef f(p=d):\n    q = 1\ndel e\n",
        );
        assert_eq!(reads, ["d", "e", "n", "v"]);
        assert_eq!(writes, ["a", "b", "c", "e", "f", "j", "n", "os", "z"]);
    }

    #[test]
    fn dependency_and_double_binding() {
        let parsed = ruff_python_parser::parse_module(
            "a = await f()\nb = await g(a.id)\nc = await h()\na = await k()\n",
        )
        .expect("parses");
        let body = &parsed.syntax().body;
        let all: Vec<NameFacts> = body.iter().map(reads_and_writes).collect();
        assert!(all[1].depends_on(&all[0]));
        assert!(!all[2].depends_on(&all[0]));
        assert!(all[3].binds_same_name(&all[0]));
        assert!(!all[2].binds_same_name(&all[0]));
    }
}

#[cfg(test)]
mod uses_tests {
    use ruff_text_size::{Ranged, TextRange, TextSize};

    use super::UseKind;
    use crate::semantic::scope::MODULE_SCOPE;
    use crate::test_support::with_context;

    fn kinds_and_lines(
        source: &str,
        name: &str,
        from: ruff_text_size::TextSize,
    ) -> Vec<(UseKind, usize)> {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let scope = semantic.scope_at(from);
            let owner = semantic.owner_scope(name, scope).expect("bound");
            semantic
                .uses_of(name, owner)
                .into_iter()
                .map(|u| (u.kind, ctx.line_index().line_index(u.range.start()).get()))
                .collect()
        })
    }

    #[test]
    fn uses_of_a_local_include_nested_reads_and_declarations() {
        let source = "def f():\n    loop = make()\n    def g():\n        return loop\n    def h():\n        nonlocal loop\n        loop = None\n    loop.run()\n";
        let at = TextSize::new(source.find("loop = make").unwrap() as u32);
        assert_eq!(
            kinds_and_lines(source, "loop", at),
            [
                (UseKind::Write, 2),
                (UseKind::Read, 4),
                (UseKind::Declaration, 6),
                (UseKind::Write, 7),
                (UseKind::Read, 8),
            ]
        );
    }

    #[test]
    fn uses_of_a_module_name_include_global_declarations() {
        let source = "loop = make()\ndef f():\n    global loop\n    loop.close()\nloop.run()\n";
        assert_eq!(
            kinds_and_lines(source, "loop", TextSize::new(0)),
            [
                (UseKind::Write, 1),
                (UseKind::Declaration, 3),
                (UseKind::Read, 4),
                (UseKind::Read, 5),
            ]
        );
    }

    /// [`SemanticModel::read_after_exception`] for the variable `t` of
    /// the function `f` and the statement that starts `t = await start()`.
    fn t_read_after_exception(source: &str) -> bool {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let at = TextSize::new(source.find("t = await start()").expect("the statement") as u32);
            let scope = semantic.scope_at(at);
            let (suite, index) = semantic
                .suites
                .iter()
                .find_map(|suite| {
                    suite
                        .body
                        .iter()
                        .position(|s| s.range().start() == at)
                        .map(|i| (suite, i))
                })
                .expect("a statement starts there");
            semantic.read_after_exception(&suite.body[index], "t", scope)
        })
    }

    #[test]
    fn reads_after_an_exception() {
        let finally = "async def f():\n    t = None\n    try:\n        t = await start()\n        r = await other()\n    finally:\n        if t:\n            t.cancel()\n";
        assert!(t_read_after_exception(finally));
        let except = "async def f():\n    try:\n        t = await start()\n    except Exception:\n        log(t)\n        raise\n";
        assert!(t_read_after_exception(except));
        let swallowed = "async def f():\n    t = None\n    try:\n        t = await start()\n    except Exception:\n        pass\n    return t\n";
        assert!(t_read_after_exception(swallowed));
        let outer = "async def f():\n    try:\n        for i in x:\n            if i:\n                t = await start()\n    finally:\n        close(t)\n";
        assert!(t_read_after_exception(outer));
        let suppressed = "import contextlib\nasync def f():\n    t = None\n    with contextlib.suppress(KeyError):\n        t = await start()\n    return t\n";
        assert!(t_read_after_exception(suppressed));
        let in_closure = "async def f():\n    try:\n        t = await start()\n    finally:\n        g(lambda: t)\n";
        assert!(t_read_after_exception(in_closure));
    }

    #[test]
    fn reads_only_on_success_are_not_after_an_exception() {
        let reraised = "async def f():\n    try:\n        t = await start()\n        use(t)\n    except Exception:\n        raise Wrapped()\n    else:\n        use(t)\n    return t\n";
        assert!(!t_read_after_exception(reraised));
        let returned = "async def f():\n    try:\n        t = await start()\n    except KeyError:\n        return None\n    return t\n";
        assert!(!t_read_after_exception(returned));
        let no_try = "async def f():\n    t = await start()\n    return t\n";
        assert!(!t_read_after_exception(no_try));
        let in_finally = "async def f():\n    try:\n        pass\n    finally:\n        t = await start()\n        use(t)\n";
        assert!(!t_read_after_exception(in_finally));
        let other_function = "async def g():\n    try:\n        return await f()\n    finally:\n        print(t)\nasync def f():\n    t = await start()\n    return t\n";
        assert!(!t_read_after_exception(other_function));
        let known_lock = "import asyncio\nlock = asyncio.Lock()\nasync def f():\n    async with lock:\n        t = await start()\n    return t\n";
        assert!(!t_read_after_exception(known_lock));
        let own_manager = "import contextlib\nclass Quiet:\n    def __enter__(self): return self\n    def __exit__(self, *e):\n        if e[0]:\n            return False\n@contextlib.contextmanager\ndef timed():\n    try:\n        yield\n    finally:\n        pass\nasync def f():\n    with Quiet(), timed():\n        t = await start()\n    return t\n";
        assert!(!t_read_after_exception(own_manager));
        let opened =
            "async def f(p):\n    with open(p) as fh:\n        t = await start()\n    return t\n";
        assert!(!t_read_after_exception(opened));
    }

    #[test]
    fn a_context_manager_not_known_to_let_exceptions_through_may_suppress() {
        for manager in [
            "async with lock",
            "with best_effort()",
            "async with session.begin()",
            "with quietly()",
            "with contextlib.suppress(KeyError)",
        ] {
            let source = format!(
                "import contextlib\nclass best_effort:\n    def __enter__(self): return self\n    def __exit__(self, *e): return True\n@contextlib.contextmanager\ndef quietly():\n    try:\n        yield\n    except Exception:\n        pass\nasync def f(lock, session):\n    t = None\n    {manager}:\n        t = await start()\n    return t\n"
            );
            assert!(t_read_after_exception(&source), "{manager}");
        }
    }

    /// [`SemanticModel::store_is_unobserved`] for `r` in the function
    /// whose body holds `HERE`.
    fn r_unobserved(source: &str) -> bool {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let at = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
            semantic.store_is_unobserved("r", semantic.scope_at(at))
        })
    }

    #[test]
    fn a_local_nobody_reads_is_unobserved() {
        assert!(r_unobserved(
            "async def f():\n    HERE\n    r = await g()\n"
        ));
        assert!(r_unobserved(
            "r = 0\nasync def f():\n    HERE\n    r = await g()\n    r = 2\nprint(r)\n"
        ));
    }

    #[test]
    fn a_stored_value_someone_can_see_is_observed() {
        for source in [
            // Module variables: other functions, the module, `globals()`.
            "async def f():\n    global r\n    HERE\n    r = await g()\n",
            "def outer():\n    r = 0\n    async def f():\n        nonlocal r\n        HERE\n        r = await g()\n    return f\n",
            "async def f():\n    HERE\n    r = await g()\n    del r\n",
            "async def f():\n    HERE\n    r = await g()\n    return lambda: r\n",
            "async def f():\n    HERE\n    r = await g()\n    def inner():\n        nonlocal r\n        r = 1\n",
            "async def f():\n    HERE\n    r = await g()\n    print(locals())\n",
            "async def f():\n    HERE\n    r = await g()\n    print(r)\n",
        ] {
            assert!(!r_unobserved(source), "{source}");
        }
    }

    /// [`SemanticModel::handed_out_before`] for `q` read at `HERE(q)`.
    fn q_handed_out(source: &str) -> bool {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let at = source.find("HERE(q)").expect("a HERE marker") + "HERE(".len();
            let at = TextSize::new(at as u32);
            let except = TextRange::at(at, TextSize::of("q"));
            semantic.handed_out_before("q", semantic.scope_at(at), at, except)
        })
    }

    #[test]
    fn a_local_given_to_other_code_before_is_handed_out() {
        for source in [
            "async def f():
    q = [1]
    t = spawn(fill(q))
    HERE(q)
",
            "async def f(q):
    alias = q
    HERE(q)
",
            "async def f():
    q = []
    HERE(q)
    def g():
        q.append(1)
",
        ] {
            assert!(q_handed_out(source), "{source}");
        }
        for source in [
            "async def f():
    q = [1, 2]
    HERE(q)
    print(q)
",
            "async def f(q):
    HERE(q)
",
            "q = []
async def f():
    spawn(q)
    HERE(q)
",
        ] {
            assert!(!q_handed_out(source), "{source}");
        }
    }

    #[test]
    fn a_parameter_of_the_same_name_is_another_variable() {
        let source = "loop = make()\ndef f(loop):\n    loop.close()\nloop.run()\n";
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            assert_eq!(
                semantic.owner_scope("loop", MODULE_SCOPE),
                Some(MODULE_SCOPE)
            );
            let outside = semantic.uses_outside(
                "loop",
                MODULE_SCOPE,
                &[TextRange::new(TextSize::new(0), TextSize::new(4))],
            );
            assert_eq!(outside.len(), 1, "{outside:?}");
            assert_eq!(semantic.owner_scope("print", MODULE_SCOPE), None);
        });
    }

    #[test]
    fn own_locals_are_bound_here_and_rebound_by_no_other_code() {
        // `is_own_local(name)` as seen from the code at `HERE`.
        let own = |source: &str, name: &str| {
            let at = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
            with_context(source, |ctx| {
                let semantic = ctx.semantic;
                semantic.is_own_local(name, semantic.scope_at(at))
            })
        };
        let source = "G = 1\nasync def f(p):\n    x = 1\n    HERE\n";
        assert!(own(source, "p"));
        assert!(own(source, "x"));
        assert!(!own(source, "G"), "a global");
        assert!(!own(source, "print"), "a builtin");
        assert!(!own(source, "missing"));
        let nonlocal_write =
            "async def f(u):\n    def g():\n        nonlocal u\n        u = 2\n    HERE\n";
        assert!(!own(nonlocal_write, "u"));
        let nested_read = "async def f(u):\n    g = lambda: u\n    HERE\n";
        assert!(own(nested_read, "u"));
        let declared_global = "async def f():\n    global u\n    u = 1\n    HERE\n";
        assert!(!own(declared_global, "u"));
        let from_a_nested_function = "async def f(u):\n    def g():\n        HERE\n";
        assert!(
            !own(from_a_nested_function, "u"),
            "another function's variable"
        );
    }
}
