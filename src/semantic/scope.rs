//! Scopes: the module, classes, functions, lambdas and comprehensions, as a
//! tree queried by offset (the AST has no parent links).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprLambda, StmtClassDef, StmtFunctionDef};
use ruff_text_size::{TextRange, TextSize};
use rustc_hash::{FxHashMap, FxHashSet};
use smallvec::SmallVec;
use std::cell::OnceCell;

use super::{BindingId, SemanticModel};
use crate::version::PyVersion;

pub type ScopeId = u32;

pub const MODULE_SCOPE: ScopeId = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function {
        is_async: bool,
    },
    Lambda,
    /// A list, set or dict comprehension, or a generator expression.
    Comprehension {
        is_generator: bool,
    },
}

#[derive(Debug, Clone, Copy)]
pub enum ScopeNode<'a> {
    Module,
    Class(&'a StmtClassDef),
    Function(&'a StmtFunctionDef),
    Lambda(&'a ExprLambda),
    Comprehension(&'a Expr),
}

#[derive(Debug)]
pub struct Scope<'a> {
    pub kind: ScopeKind,
    pub node: ScopeNode<'a>,
    pub parent: Option<ScopeId>,
    /// The code that runs in this scope: a function's or class's body, a
    /// lambda's body, a whole comprehension minus `hole`. Decorators, default
    /// values and annotations run in the enclosing scope and lie outside it.
    pub range: TextRange,
    /// A comprehension's first iterable, which runs in the enclosing scope.
    pub hole: Option<TextRange>,
    /// The bindings recorded in this scope, in the order of the walk.
    pub(super) binding_ids: Vec<BindingId>,
    /// The same by name (most names have one: no allocation for it), built
    /// on first use: most scopes are never asked (see
    /// [`SemanticModel::bindings_in`]).
    pub(super) by_name: OnceCell<FxHashMap<&'a str, SmallVec<[BindingId; 2]>>>,
    pub globals: FxHashSet<&'a str>,
    pub nonlocals: FxHashSet<&'a str>,
    pub star_import: bool,
    /// Child scopes other than comprehensions, sorted by start; their ranges never overlap.
    pub(super) children: Vec<ScopeId>,
    /// Comprehension children: a scope in a comprehension's first iterable is
    /// its sibling yet lies inside its range, so these are searched apart.
    pub(super) comprehension_children: Vec<ScopeId>,
}

impl<'a> Scope<'a> {
    pub(super) fn new(
        kind: ScopeKind,
        node: ScopeNode<'a>,
        parent: Option<ScopeId>,
        range: TextRange,
    ) -> Self {
        Scope {
            kind,
            node,
            parent,
            range,
            hole: None,
            binding_ids: Vec::new(),
            by_name: OnceCell::new(),
            globals: FxHashSet::default(),
            nonlocals: FxHashSet::default(),
            star_import: false,
            children: Vec::new(),
            comprehension_children: Vec::new(),
        }
    }

    fn covers(&self, offset: TextSize) -> bool {
        self.range.contains_inclusive(offset)
            && !self.hole.is_some_and(|hole| hole.contains(offset))
    }

    pub fn function(&self) -> Option<&'a StmtFunctionDef> {
        match self.node {
            ScopeNode::Function(def) => Some(def),
            _ => None,
        }
    }

    pub fn is_function(&self) -> bool {
        matches!(self.kind, ScopeKind::Function { .. })
    }

    /// Whether any scope (a function, lambda, class or comprehension) lies
    /// inside this one.
    pub fn has_nested_scopes(&self) -> bool {
        !self.children.is_empty() || !self.comprehension_children.is_empty()
    }
}

impl<'a> SemanticModel<'a> {
    /// The innermost scope whose code contains `offset`.
    pub fn scope_at(&self, offset: TextSize) -> ScopeId {
        let mut current = MODULE_SCOPE;
        'descend: loop {
            let scope = self.scope(current);
            for &child in &scope.comprehension_children {
                if self.scope(child).covers(offset) {
                    current = child;
                    continue 'descend;
                }
            }
            let after = scope
                .children
                .partition_point(|&child| self.scope(child).range.start() <= offset);
            if let Some(&child) = after.checked_sub(1).and_then(|i| scope.children.get(i))
                && self.scope(child).covers(offset)
            {
                current = child;
                continue 'descend;
            }
            return current;
        }
    }

    /// Whether code in `scope` runs directly in an `async def`, where `await`
    /// is allowed. A nested `def`, `lambda` or class answers no; a list, set or
    /// dict comprehension passes the question outward; a generator expression
    /// answers no (an `await` in one changes what it is).
    pub fn in_async_def(&self, scope: ScopeId) -> bool {
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            match scope.kind {
                ScopeKind::Function { is_async } => return is_async,
                ScopeKind::Module | ScopeKind::Class | ScopeKind::Lambda => return false,
                ScopeKind::Comprehension { is_generator: true } => return false,
                ScopeKind::Comprehension {
                    is_generator: false,
                } => current = scope.parent,
            }
        }
        false
    }

    /// Why an `await` written in `scope` would not compile on `target`
    /// although [`Self::in_async_def`] (or a notebook cell) allows it there.
    /// Before 3.11 an `await` makes the list, set or dict comprehension it
    /// sits in asynchronous, and CPython rejects an asynchronous
    /// comprehension inside a synchronous comprehension or generator
    /// expression ("asynchronous comprehension outside of an asynchronous
    /// function"), even in an `async def`; 3.11 accepts it. A comprehension
    /// that already has an `await` or `async for` of its own is asynchronous
    /// either way.
    pub fn await_refused_by_target(&self, scope: ScopeId, target: PyVersion) -> Option<String> {
        if target >= PyVersion::PY311 {
            return None;
        }
        let here = self.scope(scope);
        if here.kind
            != (ScopeKind::Comprehension {
                is_generator: false,
            })
        {
            return None;
        }
        let parent = self.scope(here.parent?);
        let ScopeNode::Comprehension(outer) = parent.node else {
            return None;
        };
        if comprehension_is_async(outer) {
            return None;
        }
        Some(format!(
            "an `await` here makes a comprehension asynchronous inside a synchronous one, \
             which Python {target} rejects (3.11 accepts it)"
        ))
    }

    /// Whether code in `scope` runs while a coroutine runs: the scope chain
    /// reaches an `async def` through lambdas and comprehensions only (a
    /// lambda may run later, but it is written inside the coroutine, and
    /// SPEC counts it so for reports). Unlike [`Self::in_async_def`], a
    /// generator expression passes the question outward.
    pub fn runs_in_coroutine(&self, scope: ScopeId) -> bool {
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            match scope.kind {
                ScopeKind::Function { is_async } => return is_async,
                ScopeKind::Module | ScopeKind::Class => return false,
                ScopeKind::Lambda | ScopeKind::Comprehension { .. } => current = scope.parent,
            }
        }
        false
    }

    /// Whether code in `scope` runs as part of a coroutine's own body: the
    /// `async def`'s scope, or a comprehension in it. Unlike
    /// [`Self::runs_in_coroutine`], a lambda in a coroutine does not: it
    /// runs whenever it is called, maybe after the coroutine has returned
    /// (an `atexit` callback).
    pub fn runs_in_coroutine_body(&self, scope: ScopeId) -> bool {
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            match scope.kind {
                ScopeKind::Function { is_async } => return is_async,
                ScopeKind::Comprehension { .. } => current = scope.parent,
                ScopeKind::Module | ScopeKind::Class | ScopeKind::Lambda => return false,
            }
        }
        false
    }

    /// Whether `scope` is an `async def`'s own scope (where its statements run).
    pub fn is_coroutine_scope(&self, scope: ScopeId) -> bool {
        matches!(
            self.scope(scope).kind,
            ScopeKind::Function { is_async: true }
        )
    }

    /// [`Self::in_async_def`] for the scope at `offset`.
    pub fn in_async_def_at(&self, offset: TextSize) -> bool {
        self.in_async_def(self.scope_at(offset))
    }

    /// The function whose body (directly or through comprehensions and lambdas)
    /// contains `scope`, if any.
    pub fn enclosing_function(&self, scope: ScopeId) -> Option<ScopeId> {
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            match scope.kind {
                ScopeKind::Function { .. } => return Some(id),
                ScopeKind::Module | ScopeKind::Class => return None,
                _ => current = scope.parent,
            }
        }
        None
    }

    /// The scope whose code `scope` is part of when comprehensions and
    /// generator expressions count as part of the scope around them: the
    /// first enclosing module, class, function or lambda (`scope` itself
    /// when it is one).
    pub fn beyond_comprehensions(&self, scope: ScopeId) -> ScopeId {
        let mut current = scope;
        while let (ScopeKind::Comprehension { .. }, Some(parent)) =
            (self.scope(current).kind, self.scope(current).parent)
        {
            current = parent;
        }
        current
    }

    /// Whether `inner` is `outer` or nested (at any depth) inside it.
    pub fn is_within(&self, inner: ScopeId, outer: ScopeId) -> bool {
        self.ancestors(inner).any(|id| id == outer)
    }

    /// `scope`, then each scope around it, out to the module.
    pub fn ancestors(&self, scope: ScopeId) -> impl Iterator<Item = ScopeId> + '_ {
        std::iter::successors(Some(scope), |&id| self.scope(id).parent)
    }

    /// Whether `scope` is an `async def` or lies (at any depth, through
    /// defs, lambdas and classes too) inside one.
    pub fn nested_in_async_def(&self, scope: ScopeId) -> bool {
        self.ancestors(scope).any(|id| self.is_coroutine_scope(id))
    }

    /// Whether code in `inner`, a scope inside `outer`, may run later than
    /// `outer`'s own code reaches it: a def, lambda or class lies between
    /// them. Comprehensions, generator expressions included, do not count;
    /// `inner` being `outer` is `false`.
    pub fn deferred_within(&self, inner: ScopeId, outer: ScopeId) -> bool {
        self.ancestors(inner)
            .take_while(|&id| id != outer)
            .any(|id| !matches!(self.scope(id).kind, ScopeKind::Comprehension { .. }))
    }

    /// Whether code in `inner` runs as part of `outer`'s body, in place:
    /// `inner` is `outer`, or reaches it through class bodies and
    /// comprehensions only (a def's or lambda's body runs when called).
    pub fn runs_in_place_within(&self, inner: ScopeId, outer: ScopeId) -> bool {
        for id in self.ancestors(inner) {
            if id == outer {
                return true;
            }
            if matches!(
                self.scope(id).kind,
                ScopeKind::Function { .. } | ScopeKind::Lambda
            ) {
                return false;
            }
        }
        false
    }

    /// The scope whose statements hold code of `scope`: `scope` itself,
    /// or, for a comprehension or generator expression, the nearest scope
    /// around it that is none.
    pub fn statement_scope(&self, scope: ScopeId) -> ScopeId {
        self.ancestors(scope)
            .find(|&id| !matches!(self.scope(id).kind, ScopeKind::Comprehension { .. }))
            .unwrap_or(scope)
    }

    /// Whether `scope` is the body of a function defined directly in a
    /// class body (a method).
    pub fn is_method(&self, scope: ScopeId) -> bool {
        self.scope(scope).is_function()
            && self
                .scope(scope)
                .parent
                .is_some_and(|parent| self.scope(parent).kind == ScopeKind::Class)
    }

    /// Whether `scope` is the body of a function defined directly at module
    /// level.
    pub fn is_module_function(&self, scope: ScopeId) -> bool {
        self.scope(scope).is_function() && self.scope(scope).parent == Some(MODULE_SCOPE)
    }
}

/// Whether the comprehension or generator expression `expr` is asynchronous
/// in its own scope, as CPython before 3.11 counts it: one of its loops is
/// an `async for`, or an `await` runs in its own scope (its element, its
/// conditions, its loop targets and its iterables but the first, which runs
/// in the enclosing scope), not in a lambda or a comprehension nested in it.
pub fn comprehension_is_async(expr: &Expr) -> bool {
    let (generators, elements): (&[ast::Comprehension], SmallVec<[&Expr; 2]>) = match expr {
        Expr::ListComp(comp) => (&comp.generators, SmallVec::from_iter([&*comp.elt])),
        Expr::SetComp(comp) => (&comp.generators, SmallVec::from_iter([&*comp.elt])),
        Expr::Generator(comp) => (&comp.generators, SmallVec::from_iter([&*comp.elt])),
        Expr::DictComp(comp) => (
            &comp.generators,
            comp.key
                .as_deref()
                .into_iter()
                .chain([&*comp.value])
                .collect(),
        ),
        _ => return false,
    };
    if generators.iter().any(|g| g.is_async) {
        return true;
    }
    let mut finder = OwnAwait { found: false };
    for (i, generator) in generators.iter().enumerate() {
        if i > 0 {
            finder.visit_expr(&generator.iter);
        }
        finder.visit_expr(&generator.target);
        for condition in &generator.ifs {
            finder.visit_expr(condition);
        }
    }
    for element in elements {
        finder.visit_expr(element);
    }
    finder.found
}

/// An `await` in the scope being walked, not in a nested one.
struct OwnAwait {
    found: bool,
}

impl<'a> Visitor<'a> for OwnAwait {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found {
            return;
        }
        match expr {
            Expr::Await(_) => self.found = true,
            // A lambda's body runs in its own scope; its defaults run here.
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    for default in parameters.iter().filter_map(|p| p.default()) {
                        self.visit_expr(default);
                    }
                }
            }
            // A nested comprehension's first iterable runs here, the rest in its own scope.
            Expr::ListComp(ast::ExprListComp { generators, .. })
            | Expr::SetComp(ast::ExprSetComp { generators, .. })
            | Expr::DictComp(ast::ExprDictComp { generators, .. })
            | Expr::Generator(ast::ExprGenerator { generators, .. }) => {
                if let Some(first) = generators.first() {
                    self.visit_expr(&first.iter);
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

#[cfg(test)]
mod tests {
    use ruff_text_size::TextSize;

    use crate::test_support::with_context;
    use crate::version::PyVersion;

    /// Whether an `await` written where `HERE` stands would be refused on `target`.
    fn refused(source: &str, target: PyVersion) -> bool {
        let at = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let scope = semantic.scope_at(at);
            assert!(semantic.in_async_def(scope), "{source}");
            semantic.await_refused_by_target(scope, target).is_some()
        })
    }

    #[test]
    fn a_comprehension_in_a_synchronous_one_refuses_await_before_3_11() {
        for source in [
            "async def f():\n    [[HERE for x in a] for b in c]\n",
            "async def f():\n    [{HERE for x in a} for b in c]\n",
            "async def f():\n    [{x: HERE for x in a} for b in c]\n",
            "async def f():\n    {b: [HERE for x in a] for b in c}\n",
            "async def f():\n    [[x for x in a if HERE] for b in c]\n",
            // The outer one's await sits in a lambda or a further comprehension.
            "async def f():\n    [[HERE for x in a] + [lambda: await y] for b in c]\n",
            "async def f():\n    [[HERE for x in a] + [await y for y in z] for b in c]\n",
        ] {
            assert!(refused(source, PyVersion::PY310), "{source}");
            assert!(refused(source, PyVersion::PY38), "{source}");
            assert!(!refused(source, PyVersion::PY311), "{source}");
        }
    }

    #[test]
    fn comprehensions_belong_to_the_scope_around_them() {
        let source = "def f():\n    [[A for x in y] for z in (B for w in v)]\n    g = lambda: [C for u in t]\n";
        let at = |marker: &str| TextSize::new(source.find(marker).expect("a marker") as u32);
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let function = semantic.scope_at(at("g = lambda"));
            assert!(semantic.scope(function).is_function());
            for marker in ["A", "B"] {
                let scope = semantic.scope_at(at(marker));
                assert_ne!(scope, function);
                assert_eq!(semantic.beyond_comprehensions(scope), function, "{marker}");
            }
            let lambda = semantic.beyond_comprehensions(semantic.scope_at(at("C")));
            assert_ne!(lambda, function);
            assert_eq!(semantic.scope(lambda).parent, Some(function));
            assert_eq!(semantic.beyond_comprehensions(function), function);
        });
    }

    #[test]
    fn an_asynchronous_comprehension_or_a_function_allows_await() {
        for source in [
            "async def f():\n    HERE\n",
            "async def f():\n    [HERE for x in a]\n",
            // The first iterable runs in the scope around the comprehension.
            "async def f():\n    [b for b in [HERE for x in a]]\n",
            "async def f():\n    [[HERE for x in a] async for b in c]\n",
            "async def f():\n    [[HERE for x in a] + [await y] for b in c]\n",
            "async def f():\n    [[HERE for x in a] for b in c if await b]\n",
            "async def f():\n    [[HERE for x in a] for d in e for b in await d]\n",
            "async def f():\n    [[HERE for x in a] + [y for y in await z] for b in c]\n",
        ] {
            assert!(!refused(source, PyVersion::PY310), "{source}");
        }
    }

    /// The offset of the first `marker` in `source`.
    fn at(source: &str, marker: &str) -> TextSize {
        TextSize::new(source.find(marker).expect("a marker") as u32)
    }

    #[test]
    fn ancestors_run_from_the_scope_out_to_the_module() {
        let source = "class C:\n    def m(self):\n        return [HERE for x in y]\n";
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let kinds: Vec<_> = semantic
                .ancestors(semantic.scope_at(at(source, "HERE")))
                .map(|id| semantic.scope(id).kind)
                .collect();
            use crate::semantic::ScopeKind::*;
            assert_eq!(
                kinds,
                [
                    Comprehension {
                        is_generator: false
                    },
                    Function { is_async: false },
                    Class,
                    Module
                ]
            );
        });
    }

    #[test]
    fn a_lambda_in_a_coroutine_is_no_part_of_its_body() {
        let source = "async def f():\n    HERE\n    [THERE for x in y]\n    g = lambda: LATER\n";
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let body =
                |marker| semantic.runs_in_coroutine_body(semantic.scope_at(at(source, marker)));
            assert!(body("HERE"));
            assert!(body("THERE"));
            assert!(!body("LATER"));
            assert!(semantic.runs_in_coroutine(semantic.scope_at(at(source, "LATER"))));
        });
    }

    #[test]
    fn nested_in_async_def_looks_through_every_kind_of_scope() {
        let source = "async def f():\n    def g():\n        class C:\n            A = lambda: HERE\ndef h():\n    THERE\n";
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            assert!(semantic.nested_in_async_def(semantic.scope_at(at(source, "HERE"))));
            assert!(!semantic.nested_in_async_def(semantic.scope_at(at(source, "THERE"))));
            assert!(!semantic.nested_in_async_def(crate::semantic::scope::MODULE_SCOPE));
        });
    }

    /// The markers of `source` for whose scope `question(scope, outer)` holds,
    /// `outer` being the scope of the marker `OWN`.
    fn holding(
        source: &str,
        markers: &[&'static str],
        question: fn(&crate::semantic::SemanticModel, super::ScopeId, super::ScopeId) -> bool,
    ) -> Vec<&'static str> {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let outer = semantic.scope_at(at(source, "OWN"));
            let holds = |marker| question(semantic, semantic.scope_at(at(source, marker)), outer);
            markers.iter().copied().filter(|&m| holds(m)).collect()
        })
    }

    #[test]
    fn deferred_within_counts_defs_lambdas_and_classes_not_comprehensions() {
        let source = "def f():\n    OWN\n    [COMP for a in b]\n    (GEN for a in b)\n    lambda: LAM\n    def g():\n        [DEF for a in b]\n    class C:\n        CLS\n";
        let markers = ["OWN", "COMP", "GEN", "LAM", "DEF", "CLS"];
        let deferred = holding(source, &markers, |s, inner, outer| {
            s.deferred_within(inner, outer)
        });
        assert_eq!(deferred, ["LAM", "DEF", "CLS"]);
    }

    #[test]
    fn runs_in_place_within_passes_classes_and_comprehensions_only() {
        let source = "def f():\n    OWN\n    class C:\n        CLS = [COMP for a in b]\n    lambda: LAM\n    def g():\n        DEF\ndef h():\n    ELSEWHERE\n";
        let markers = ["OWN", "CLS", "COMP", "LAM", "DEF", "ELSEWHERE"];
        let in_place = holding(source, &markers, |s, inner, outer| {
            s.runs_in_place_within(inner, outer)
        });
        assert_eq!(in_place, ["OWN", "CLS", "COMP"]);
    }

    #[test]
    fn statement_scope_leaves_comprehensions_and_generators() {
        let source = "def f():\n    OWN\n    x = [[(HERE for a in b) for c in d] for e in g]\n    lambda: LAM\n";
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let scope = |marker| semantic.scope_at(at(source, marker));
            assert_eq!(semantic.statement_scope(scope("HERE")), scope("OWN"));
            assert_eq!(semantic.statement_scope(scope("OWN")), scope("OWN"));
            assert_eq!(semantic.statement_scope(scope("LAM")), scope("LAM"));
        });
    }

    #[test]
    fn methods_and_module_functions() {
        let source = "def f():\n    F\n    def g():\n        G\nclass C:\n    def m(self):\n        M\n    X = [CLS for a in b]\n";
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let scope = |marker| semantic.scope_at(at(source, marker));
            assert!(semantic.is_module_function(scope("F")));
            assert!(!semantic.is_module_function(scope("G")));
            assert!(!semantic.is_module_function(scope("M")));
            assert!(semantic.is_method(scope("M")));
            assert!(!semantic.is_method(scope("F")));
            assert!(!semantic.is_method(scope("CLS")));
            assert!(!semantic.is_module_function(crate::semantic::scope::MODULE_SCOPE));
        });
    }
}
