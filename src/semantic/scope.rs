//! Scopes: the module, classes, functions, lambdas and comprehensions, as a
//! tree queried by offset (the AST has no parent links).

use ruff_python_ast::{Expr, ExprLambda, StmtClassDef, StmtFunctionDef};
use ruff_text_size::{TextRange, TextSize};
use rustc_hash::{FxHashMap, FxHashSet};
use smallvec::SmallVec;
use std::cell::OnceCell;

use super::{BindingId, SemanticModel};

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

    /// Whether `inner` is `outer` or nested (at any depth) inside it.
    pub fn is_within(&self, inner: ScopeId, outer: ScopeId) -> bool {
        let mut current = Some(inner);
        while let Some(id) = current {
            if id == outer {
                return true;
            }
            current = self.scope(id).parent;
        }
        false
    }
}
