//! Functions as the module shows them: what a call calls (a function or
//! method defined here, a class, or something the module cannot see), whether
//! a function is a generator, and which parts of a definition run outside
//! its body (decorators, defaults, annotations).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{
    AnyParameterRef, Expr, ExprContext, Stmt, StmtClassDef, StmtFunctionDef, TypeParams,
};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashSet;

use super::imports::Lookup;
use super::scope::{MODULE_SCOPE, ScopeKind, ScopeNode};
use super::{BindingKind, ScopeId, SemanticModel};

/// What the callee of a call is, as far as the module shows.
#[derive(Debug, Clone, Copy)]
pub enum Callee<'a> {
    /// A `def` or `async def` of this module, bound to the name exactly once:
    /// a plain function (`fetch()`), or a method of the enclosing class
    /// called on the method's first parameter (`self.fetch()`).
    Function(&'a StmtFunctionDef),
    /// A class of this module, bound to the name exactly once.
    Class(&'a StmtClassDef),
    /// Anything else: imported, a variable, a parameter, rebound, shadowed.
    Unknown,
}

impl<'a> SemanticModel<'a> {
    /// What `func` (the callee of a call running in `scope`) refers to. A
    /// name must be bound exactly once where it resolves, by a `def` or
    /// `class` statement (a module with a star import may rebind it: unknown).
    /// `self.name` resolves inside a method (not a static or class method)
    /// whose first parameter `self` is never rebound, to the one `def` of
    /// `name` in the method's class body, when no code in the class assigns
    /// an attribute `name` (an instance attribute would hide the method).
    pub fn callee(&self, func: &Expr, scope: ScopeId) -> Callee<'a> {
        match func {
            Expr::Name(name) => self.callee_by_name(name.id.as_str(), scope),
            Expr::Attribute(attribute) => {
                let Expr::Name(receiver) = attribute.value.as_ref() else {
                    return Callee::Unknown;
                };
                self.method_of_self(receiver.id.as_str(), attribute.attr.as_str(), scope)
                    .map_or(Callee::Unknown, Callee::Function)
            }
            _ => Callee::Unknown,
        }
    }

    fn callee_by_name(&self, name: &str, scope: ScopeId) -> Callee<'a> {
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return Callee::Unknown;
        };
        if owner == MODULE_SCOPE && self.scope(MODULE_SCOPE).star_import {
            return Callee::Unknown;
        }
        let [only] = bindings else {
            return Callee::Unknown;
        };
        match self.binding(*only).kind {
            BindingKind::FunctionDef(def) => Callee::Function(def),
            BindingKind::ClassDef(class) => Callee::Class(class),
            _ => Callee::Unknown,
        }
    }

    /// The method `method` of the class around the method that `scope` runs
    /// in, called through that method's first parameter `receiver`.
    fn method_of_self(
        &self,
        receiver: &str,
        method: &str,
        scope: ScopeId,
    ) -> Option<&'a StmtFunctionDef> {
        let function_scope = self.enclosing_function(scope)?;
        let enclosing = self.scope(function_scope);
        let def = enclosing.function()?;
        let class_scope = enclosing.parent?;
        let ScopeNode::Class(class) = self.scope(class_scope).node else {
            return None;
        };
        // `self` is the first positional parameter of a plain method.
        let first = def
            .parameters
            .posonlyargs
            .iter()
            .chain(&def.parameters.args)
            .next()?;
        if first.parameter.name.as_str() != receiver
            || self.has_decorator(def, function_scope, &["staticmethod", "classmethod"])
        {
            return None;
        }
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(receiver, scope)
        else {
            return None;
        };
        let [only] = bindings else { return None };
        if owner != function_scope || !matches!(self.binding(*only).kind, BindingKind::Parameter) {
            return None;
        }
        let [only] = self.bindings_in(class_scope, method)? else {
            return None;
        };
        let BindingKind::FunctionDef(target) = self.binding(*only).kind else {
            return None;
        };
        if self.attribute_may_be_replaced(method)
            || is_stub(target)
            || !self.class_keeps_its_methods(class, class_scope)
            || self.overridden_in_module(class, target)
        {
            return None;
        }
        Some(target)
    }

    /// Whether code anywhere in the module assigns or deletes an attribute
    /// called `name` (`self.run = …`, `Conn.run = …`, `del x.run`), or names
    /// it in `setattr`/`delattr`: a call of `self.name()` may then reach
    /// something other than the method. One walk of the module, remembered.
    fn attribute_may_be_replaced(&self, name: &str) -> bool {
        self.written_attributes
            .get_or_init(|| written_attributes(&self.module.body))
            .contains(name)
    }

    /// Whether the methods of `class` stay as its body defines them: no
    /// metaclass, and no class decorator other than those known to keep
    /// methods (`dataclass`, `final`, `total_ordering`).
    pub fn class_keeps_its_methods(&self, class: &StmtClassDef, class_scope: ScopeId) -> bool {
        let outer = self.scope(class_scope).parent.unwrap_or(MODULE_SCOPE);
        let keeps = |expr: &Expr| {
            let callee = match expr {
                Expr::Call(call) => call.func.as_ref(),
                other => other,
            };
            self.qualified_name(callee, outer).is_some_and(|q| {
                matches!(
                    q.as_str(),
                    "dataclasses.dataclass"
                        | "typing.final"
                        | "typing_extensions.final"
                        | "functools.total_ordering"
                )
            })
        };
        class
            .arguments
            .as_ref()
            .is_none_or(|arguments| arguments.keywords.is_empty())
            && class
                .decorator_list
                .iter()
                .all(|decorator| keeps(&decorator.expression))
    }

    /// Whether a class of the module that derives from `class` (directly or
    /// through other classes of the module) binds `method`'s name to
    /// anything but an `async def` with the same transparent decorators: a
    /// `self.method()` call in `class` may run that instead.
    fn overridden_in_module(&self, class: &StmtClassDef, method: &StmtFunctionDef) -> bool {
        let name = method.name.as_str();
        let mut family: Vec<&StmtClassDef> = vec![class];
        let mut grew = true;
        while grew {
            grew = false;
            for scope in &self.scopes {
                let ScopeNode::Class(candidate) = scope.node else {
                    continue;
                };
                if family.iter().any(|known| std::ptr::eq(*known, candidate)) {
                    continue;
                }
                let outer = scope.parent.unwrap_or(MODULE_SCOPE);
                let derives = candidate.bases().iter().any(|base| {
                    let Expr::Name(base) = base else { return false };
                    let Lookup::Bound { bindings, .. } = self.lookup(base.id.as_str(), outer)
                    else {
                        return false;
                    };
                    bindings.iter().any(|&id| {
                        matches!(self.binding(id).kind, BindingKind::ClassDef(parent)
                            if family.iter().any(|known| std::ptr::eq(*known, parent)))
                    })
                });
                if derives {
                    family.push(candidate);
                    grew = true;
                }
            }
        }
        family.iter().skip(1).any(|subclass| {
            subclass.body.iter().any(|stmt| match stmt {
                Stmt::FunctionDef(def) if def.name.as_str() == name => {
                    !(def.is_async && self.keeps_coroutine_function(def))
                }
                other => binds_name(other, name),
            })
        })
    }

    /// Whether one of `def`'s decorators is one of the builtins `names`
    /// (`staticmethod`, `classmethod`). Decorators run in the scope around
    /// the definition, which is `def`'s scope's parent.
    pub fn has_decorator(&self, def: &StmtFunctionDef, def_scope: ScopeId, names: &[&str]) -> bool {
        let outer = self.scope(def_scope).parent.unwrap_or(MODULE_SCOPE);
        def.decorator_list.iter().any(|decorator| {
            self.qualified_name(&decorator.expression, outer)
                .is_some_and(|q| {
                    names
                        .iter()
                        .any(|name| q.as_str().strip_prefix("builtins.") == Some(name))
                })
        })
    }

    /// The scope of a function's body.
    pub fn scope_of_function(&self, def: &StmtFunctionDef) -> Option<ScopeId> {
        self.scopes
            .iter()
            .position(|s| matches!(s.node, ScopeNode::Function(f) if std::ptr::eq(f, def)))
            .map(|i| i as ScopeId)
    }

    /// The parts of definitions that run outside the body they introduce:
    /// the decorators, type parameters, parameter lists (defaults and
    /// annotations) and return annotations of every `def`, the parameters of
    /// every `lambda`, and the decorators of every class.
    pub fn signature_ranges(&self) -> Signatures {
        let mut ranges = Vec::new();
        let type_params = |params: &Option<Box<TypeParams>>| params.as_ref().map(|p| p.range());
        for scope in &self.scopes {
            match scope.node {
                ScopeNode::Function(def) => {
                    ranges.extend(def.decorator_list.iter().map(Ranged::range));
                    ranges.extend(type_params(&def.type_params));
                    ranges.push(def.parameters.range());
                    ranges.extend(def.returns.as_ref().map(|r| r.range()));
                }
                ScopeNode::Class(class) => {
                    ranges.extend(class.decorator_list.iter().map(Ranged::range));
                    ranges.extend(type_params(&class.type_params));
                }
                ScopeNode::Lambda(lambda) => {
                    ranges.extend(lambda.parameters.as_ref().map(|p| p.range()));
                }
                ScopeNode::Module | ScopeNode::Comprehension(_) => {}
            }
        }
        ranges.sort_by_key(|r| r.start());
        // Merge nested and touching ranges so one binary search answers.
        let mut merged: Vec<TextRange> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start() <= last.end() => {
                    *last = TextRange::new(last.start(), last.end().max(range.end()));
                }
                _ => merged.push(range),
            }
        }
        Signatures(merged)
    }

    /// Whether code in `scope` runs directly in a coroutine, as
    /// [`Self::in_async_def`], or (in a notebook, whose kernel runs an event
    /// loop) at a cell's top level: module code and its list, set and dict
    /// comprehensions, where IPython accepts `await`.
    pub fn await_allowed(&self, scope: ScopeId, notebook: bool) -> bool {
        if self.in_async_def(scope) {
            return true;
        }
        if !notebook {
            return false;
        }
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            match scope.kind {
                ScopeKind::Module => return true,
                ScopeKind::Comprehension {
                    is_generator: false,
                } => current = scope.parent,
                _ => return false,
            }
        }
        false
    }
}

/// Whether `def`'s own body contains `yield` or `yield from` (nested
/// functions, lambdas and classes aside): calling it makes a generator
/// (an async generator for an `async def`), not a coroutine.
pub fn is_generator(def: &StmtFunctionDef) -> bool {
    let mut finder = YieldFinder { found: false };
    finder.visit_body(&def.body);
    finder.found
}

struct YieldFinder {
    found: bool,
}

impl<'a> Visitor<'a> for YieldFinder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found || matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            return;
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Yield(_) | Expr::YieldFrom(_) => self.found = true,
            Expr::Lambda(_) => {}
            _ if !self.found => visitor::walk_expr(self, expr),
            _ => {}
        }
    }
}

/// The names of every attribute that code in `body` (at any depth) assigns
/// or deletes (`self.name = …`, `obj.name += …`, `del x.name`), or names with
/// a string literal in a `setattr` or `delattr` call.
pub fn written_attributes(body: &[Stmt]) -> FxHashSet<&str> {
    let mut finder = AttributeWriteFinder {
        names: FxHashSet::default(),
    };
    finder.visit_body(body);
    finder.names
}

struct AttributeWriteFinder<'a> {
    names: FxHashSet<&'a str>,
}

impl<'a> Visitor<'a> for AttributeWriteFinder<'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Attribute(attribute)
                if matches!(attribute.ctx, ExprContext::Store | ExprContext::Del) =>
            {
                self.names.insert(attribute.attr.as_str());
            }
            Expr::Call(call) => {
                if let Expr::Name(func) = call.func.as_ref()
                    && matches!(func.id.as_str(), "setattr" | "delattr")
                    && let Some(Expr::StringLiteral(name)) = call.arguments.args.get(1)
                    && let Some(literal) = name.as_single_part_string()
                {
                    self.names.insert(literal.as_str());
                }
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

/// Whether a method's body only marks a place for subclasses to fill
/// (`...`, `pass`, `raise NotImplementedError`, after an optional
/// docstring): the code that runs is elsewhere, and may be a plain `def`.
pub fn is_stub(def: &StmtFunctionDef) -> bool {
    let body = match def.body.split_first() {
        Some((Stmt::Expr(first), rest))
            if first.value.is_string_literal_expr() && !rest.is_empty() =>
        {
            rest
        }
        _ => &def.body[..],
    };
    body.iter().all(|stmt| match stmt {
        Stmt::Pass(_) => true,
        Stmt::Expr(expr) => expr.value.is_ellipsis_literal_expr(),
        Stmt::Raise(raise) => raise.exc.as_deref().is_some_and(|exc| {
            let exc = match exc {
                Expr::Call(call) => call.func.as_ref(),
                other => other,
            };
            matches!(exc, Expr::Name(name) if name.id.as_str() == "NotImplementedError")
        }),
        _ => false,
    })
}

/// Whether a statement of a class body binds `name` in the class namespace
/// other than by a `def` directly in the body: `name = …`, `name: T = …`,
/// an import, a nested class, or anything inside a compound statement
/// (`if x: name = …`, a conditional `def name`), nested scopes aside.
fn binds_name(stmt: &Stmt, name: &str) -> bool {
    let mut finder = NameBindingFinder { name, found: false };
    finder.visit_stmt(stmt);
    finder.found
}

struct NameBindingFinder<'n> {
    name: &'n str,
    found: bool,
}

impl<'a> Visitor<'a> for NameBindingFinder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found {
            return;
        }
        match stmt {
            Stmt::FunctionDef(def) => self.found = def.name.as_str() == self.name,
            Stmt::ClassDef(class) => self.found = class.name.as_str() == self.name,
            Stmt::Import(import) => {
                self.found = import.names.iter().any(|alias| {
                    alias.asname.as_ref().map_or_else(
                        || alias.name.as_str().split('.').next() == Some(self.name),
                        |asname| asname.as_str() == self.name,
                    )
                });
            }
            Stmt::ImportFrom(import) => {
                self.found = import.names.iter().any(|alias| {
                    alias.name.as_str() == "*"
                        || alias.asname.as_ref().unwrap_or(&alias.name).as_str() == self.name
                });
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(name)
                if name.id.as_str() == self.name
                    && matches!(name.ctx, ExprContext::Store | ExprContext::Del) =>
            {
                self.found = true;
            }
            Expr::Lambda(_) => {}
            _ if !self.found => visitor::walk_expr(self, expr),
            _ => {}
        }
    }
}

/// The parameter a [`BindingKind::Parameter`] binding at `range` names, in
/// the definition `stmt` that binds it.
pub fn parameter_at(stmt: &Stmt, range: TextRange) -> Option<AnyParameterRef<'_>> {
    let Stmt::FunctionDef(def) = stmt else {
        return None;
    };
    def.parameters
        .iter()
        .find(|p| AnyParameterRef::as_parameter(*p).name.range() == range)
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;

    use super::{Callee, is_generator};
    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    /// The callee of the first call statement in the last top-level function.
    fn callee_kind(source: &str) -> &'static str {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let mut found = "none";
        for suite in &semantic.suites {
            for stmt in suite.body {
                if let Stmt::Expr(expr) = stmt
                    && let Expr::Call(call) = expr.value.as_ref()
                {
                    let scope = semantic.scope_at(call.start());
                    found = match semantic.callee(&call.func, scope) {
                        Callee::Function(def) if def.is_async => "async",
                        Callee::Function(_) => "sync",
                        Callee::Class(_) => "class",
                        Callee::Unknown => "unknown",
                    };
                }
            }
        }
        found
    }

    #[test]
    fn resolves_module_functions_once_bound() {
        assert_eq!(
            callee_kind("async def f(): pass\nasync def g():\n    f()\n"),
            "async"
        );
        assert_eq!(
            callee_kind("def f(): pass\nasync def g():\n    f()\n"),
            "sync"
        );
        assert_eq!(
            callee_kind("class F: pass\nasync def g():\n    F()\n"),
            "class"
        );
        assert_eq!(
            callee_kind("async def f(): pass\nf = wrap(f)\nasync def g():\n    f()\n"),
            "unknown"
        );
        assert_eq!(
            callee_kind("async def f(): pass\nasync def g(f):\n    f()\n"),
            "unknown"
        );
        assert_eq!(
            callee_kind("from m import *\nasync def f(): pass\nasync def g():\n    f()\n"),
            "unknown"
        );
    }

    #[test]
    fn resolves_methods_on_self_only() {
        let method =
            "class C:\n    async def m(self): return 1\n    async def n(self):\n        self.m()\n";
        assert_eq!(callee_kind(method), "async");
        // A stub's code is elsewhere: in a subclass, maybe a plain `def`.
        let stub =
            "class C:\n    async def m(self): pass\n    async def n(self):\n        self.m()\n";
        assert_eq!(callee_kind(stub), "unknown");
        let subclass = "class C:\n    async def m(self): return 1\n    async def n(self):\n        self.m()\nclass D(C):\n    def m(self): return 2\n";
        assert_eq!(callee_kind(subclass), "unknown");
        let async_override = "class C:\n    async def m(self): return 1\n    async def n(self):\n        self.m()\nclass D(C):\n    async def m(self): return 2\n";
        assert_eq!(callee_kind(async_override), "async");
        let replaced = "class C:\n    async def m(self): return 1\n    async def n(self):\n        self.m()\nC.m = lambda self: None\n";
        assert_eq!(callee_kind(replaced), "unknown");
        let set = "class C:\n    async def m(self): return 1\n    async def n(self):\n        self.m()\nsetattr(C, 'm', print)\n";
        assert_eq!(callee_kind(set), "unknown");
        let decorated = "@register\nclass C:\n    async def m(self): return 1\n    async def n(self):\n        self.m()\n";
        assert_eq!(callee_kind(decorated), "unknown");
        let metaclass = "class C(metaclass=Meta):\n    async def m(self): return 1\n    async def n(self):\n        self.m()\n";
        assert_eq!(callee_kind(metaclass), "unknown");
        let other =
            "class C:\n    async def m(self): pass\n    async def n(me):\n        self.m()\n";
        assert_eq!(callee_kind(other), "unknown");
        let rebound = "class C:\n    async def m(self): pass\n    async def n(self):\n        self = other\n        self.m()\n";
        assert_eq!(callee_kind(rebound), "unknown");
        let shadowed = "class C:\n    async def m(self): pass\n    def __init__(self):\n        self.m = None\n    async def n(self):\n        self.m()\n";
        assert_eq!(callee_kind(shadowed), "unknown");
        let static_method = "class C:\n    async def m(self): pass\n    @staticmethod\n    async def n(self):\n        self.m()\n";
        assert_eq!(callee_kind(static_method), "unknown");
    }

    #[test]
    fn generators() {
        let parsed = parse("async def f():\n    def g():\n        yield 1\n    x = lambda: (yield)\n    return 1\nasync def h():\n    yield 1\n").unwrap();
        let defs: Vec<_> = parsed
            .syntax()
            .body
            .iter()
            .filter_map(|s| s.as_function_def_stmt())
            .collect();
        assert!(!is_generator(defs[0]));
        assert!(is_generator(defs[1]));
    }
}

/// Where decorators, parameters, defaults and annotations are: code that
/// runs when a function or class is defined, not when it is called.
#[derive(Debug, Clone)]
pub struct Signatures(Vec<TextRange>);

impl Signatures {
    /// Whether `range` lies in one of them (a binary search: a module with
    /// thousands of functions asks this for every call).
    pub fn contain(&self, range: TextRange) -> bool {
        let after = self.0.partition_point(|r| r.start() <= range.start());
        after
            .checked_sub(1)
            .and_then(|i| self.0.get(i))
            .is_some_and(|r| r.contains_range(range))
    }
}
