//! Which objects an expression reaches: the facts behind "do these two calls
//! use one object?" (AM004). Each attribute chain in the expression is read
//! as a path from a variable (`self.pg.fetch` is `self` → `pg` → `fetch`),
//! and a local variable is followed to the values it is bound to: an alias
//! (`pg = self.pg`), an object made from another (`cur = conn.cursor()`,
//! `async with pool.acquire() as conn`, `repo = Repo(conn)`), an element
//! (`for conn in self.conns`). `super()`, `type(self)` and `self.__class__`
//! are read as `self`.
//!
//! What this cannot see: objects shared through functions of other modules
//! (two functions that both use one module-level client), attributes set
//! elsewhere to the same object (`self.a = self.b`), and containers filled
//! after the fact.

use std::fmt::Write as _;

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashSet;
use smallvec::SmallVec;

use super::functions::positional_parameters;
use super::imports::Lookup;
use super::scope::{MODULE_SCOPE, ScopeKind, ScopeNode};
use super::{BindingKind, ScopeId, SemanticModel};

/// A variable: its name and the scope that owns it.
pub(super) type Variable<'a> = (&'a str, ScopeId);
/// Values bound to a variable, each with whether the variable is the whole value.
pub(super) type BoundValues<'a> = Vec<(&'a Expr, bool)>;

/// How many aliases deep a path is followed (`a = self.x; b = a; b.y()`).
const ALIAS_DEPTH: usize = 6;
/// The most paths one question collects; past it the answer is incomplete.
const MOST_PATHS: usize = 256;

/// Builtins that change neither what they are given nor anything else,
/// and do not iterate over it (`list(it)` would consume an iterator).
const UNCHANGING_BUILTINS: &[&str] = &[
    "builtins.abs",
    "builtins.bool",
    "builtins.callable",
    "builtins.chr",
    "builtins.float",
    "builtins.format",
    "builtins.getattr",
    "builtins.hasattr",
    "builtins.hash",
    "builtins.id",
    "builtins.int",
    "builtins.isinstance",
    "builtins.issubclass",
    "builtins.len",
    "builtins.ord",
    "builtins.repr",
    "builtins.round",
    "builtins.str",
    "builtins.type",
];

/// What the variable at the start of a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BaseKind {
    /// Any other variable (or a name bound nowhere).
    Variable,
    /// A method's own instance or class: its first parameter (`self`,
    /// `cls`), also reached as `super()` or `type(self)`. Its attributes are
    /// separate objects, but its methods may use any of them.
    Instance,
    /// A name bound only by `import module`: its attributes are separate objects.
    Module,
}

/// One step of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Link<'a> {
    /// `.name`
    Attribute(&'a str),
    /// `(...)`: the result of calling it.
    Call,
    /// `[...]`, or an object held in or made from the one before (an
    /// element it iterates over, an argument of the call that made it).
    Item,
}

/// A path from a variable to an object: `self.pg` is `self` → `pg`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ObjectPath<'a> {
    pub base: &'a str,
    pub kind: BaseKind,
    /// The scope the base is looked up from.
    pub scope: ScopeId,
    pub links: SmallVec<[Link<'a>; 4]>,
}

/// The object a path belongs to, as far as sharing goes: the variable, or
/// one attribute of an instance or module (`self.users`, `app.cache`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ObjectOwner<'a> {
    pub base: &'a str,
    /// `None`: the whole variable (a plain variable, `self` itself, or a
    /// method of `self` called, which may use any attribute).
    pub attribute: Option<&'a str>,
}

impl ObjectOwner<'_> {
    /// Whether two owners may be one object or share one: the same
    /// variable, unless they are two different attributes of an instance or module.
    pub fn overlaps(&self, other: &ObjectOwner) -> bool {
        self.base == other.base
            && match (self.attribute, other.attribute) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

impl<'a> ObjectPath<'a> {
    /// The object this path belongs to; see [`ObjectOwner`].
    pub fn owner(&self) -> ObjectOwner<'a> {
        let attribute = match (self.kind, self.links.first(), self.links.get(1)) {
            (BaseKind::Variable, ..) => None,
            // `self.load()`: the method may use any attribute of `self`.
            (_, Some(Link::Attribute(_)), Some(Link::Call)) => None,
            (_, Some(Link::Attribute(name)), _) => Some(*name),
            _ => None,
        };
        ObjectOwner {
            base: self.base,
            attribute,
        }
    }

    /// The path without its last `.name` (the receiver of a method), or the
    /// whole path when it does not end in one (`handlers[k]`, `make()`).
    /// `None` for a bare variable (a function called by name) and for a
    /// module (`httpx.get`: a module is no receiver).
    pub fn receiver(&self) -> Option<ObjectPath<'a>> {
        let mut receiver = self.clone();
        match receiver.links.last() {
            None => return None,
            Some(Link::Attribute(_)) => {
                receiver.links.pop();
            }
            Some(_) => {}
        }
        (!(receiver.kind == BaseKind::Module && receiver.links.is_empty())).then_some(receiver)
    }

    /// The path's first `len` links as text: `self.pg`, `get_db()`, `conns[]`.
    pub fn prefix_text(&self, len: usize) -> String {
        let mut text = self.base.to_string();
        for link in self.links.iter().take(len) {
            match link {
                Link::Attribute(name) => {
                    let _ = write!(text, ".{name}");
                }
                Link::Call => text.push_str("()"),
                Link::Item => text.push_str("[]"),
            }
        }
        text
    }

    /// Whether `prefix` leads to this path or to an object on the way
    /// (`record` and `record.items` to `record.items[]`): the same
    /// variable name, whatever scope it is looked up from.
    pub fn starts_with(&self, prefix: &ObjectPath) -> bool {
        self.base == prefix.base && self.links.starts_with(&prefix.links)
    }

    /// The whole path as text.
    pub fn text(&self) -> String {
        self.prefix_text(self.links.len())
    }
}

/// The paths an expression reaches. `complete` is false when there were
/// too many to collect: the caller must then assume the worst.
#[derive(Debug, Clone)]
pub struct ReachedObjects<'a> {
    pub paths: Vec<ObjectPath<'a>>,
    pub complete: bool,
}

impl Default for ReachedObjects<'_> {
    fn default() -> Self {
        ReachedObjects {
            paths: Vec::new(),
            complete: true,
        }
    }
}

impl<'a> ReachedObjects<'a> {
    fn push(&mut self, path: ObjectPath<'a>) {
        if self.paths.len() >= MOST_PATHS {
            self.complete = false;
        } else if !self.paths.contains(&path) {
            self.paths.push(path);
        }
    }
}

impl<'a> SemanticModel<'a> {
    /// The paths of `expr` itself when it is an attribute chain (`self.pg`,
    /// `get_db().fetch`, `conns[0]`), each also through the values its base
    /// variable is bound to (`pg.fetch` after `pg = self.pg` is also
    /// `self.pg.fetch`). Empty for anything else.
    pub fn object_paths(&self, expr: &'a Expr) -> ReachedObjects<'a> {
        let mut reached = ReachedObjects::default();
        if let Some(path) = self.chain(expr) {
            self.with_aliases(path, &mut reached, &mut FxHashSet::default(), 0);
        }
        reached
    }

    /// Every path `expr` reaches: each attribute chain anywhere in it (inside
    /// a list or dict, a call's arguments, a lambda), each through the
    /// values its base variable is bound to; see [`Self::object_paths`].
    pub fn objects_reached(&self, expr: &'a Expr) -> ReachedObjects<'a> {
        let mut reached = ReachedObjects::default();
        let mut chains = Vec::new();
        ChainCollector {
            model: self,
            found: &mut chains,
        }
        .visit_expr(expr);
        for path in chains {
            self.with_aliases(path, &mut reached, &mut FxHashSet::default(), 0);
        }
        reached
    }

    /// The values a variable (`lock`) or an attribute of a method's own
    /// instance (`self._lock`) is bound to, each as a whole: by assignment
    /// in its scope, or by the methods of its class. `None` when one is
    /// bound otherwise (a parameter, an import, part of a value, `for`) or
    /// `expr` is anything else.
    pub fn values_bound_to(&self, expr: &'a Expr) -> Option<Vec<&'a Expr>> {
        let path = self.chain(expr)?;
        let (_, values) = match (path.kind, path.links.as_slice()) {
            (BaseKind::Variable, []) => self.bound_values_of(&path)?,
            (BaseKind::Instance, [Link::Attribute(_)]) => self.instance_attribute_values(&path)?,
            _ => return None,
        };
        let all_whole = values.iter().all(|&(_, whole)| whole);
        let (Lookup::Bound { bindings, .. }, true) =
            (self.lookup(path.base, path.scope), all_whole)
        else {
            return None;
        };
        // Every binding of a variable must have given one of the values.
        let assigned = path.kind == BaseKind::Instance
            || bindings
                .iter()
                .all(|&b| matches!(self.binding(b).kind, BindingKind::Assignment));
        assigned.then(|| values.into_iter().map(|(value, _)| value).collect())
    }

    /// The objects the calls inside `expr` may change when `expr` is
    /// evaluated: for each call in it (at any depth, also in a lambda,
    /// which a call may run), what its callee's receiver reaches
    /// (`record` for `record.pop("k")`) and what its arguments reach
    /// (`record` for `normalise(record)`). Builtins that change nothing
    /// they are given (`len`, `str`, `isinstance`; [`UNCHANGING_BUILTINS`])
    /// count only for the calls inside their arguments.
    pub fn objects_changed_by_calls_in(&self, expr: &'a Expr) -> ReachedObjects<'a> {
        struct Calls<'a>(Vec<&'a ast::ExprCall>);
        impl<'a> Visitor<'a> for Calls<'a> {
            fn visit_expr(&mut self, expr: &'a Expr) {
                if let Expr::Call(call) = expr {
                    self.0.push(call);
                }
                visitor::walk_expr(self, expr);
            }
        }
        let mut calls = Calls(Vec::new());
        calls.visit_expr(expr);
        let mut reached = ReachedObjects::default();
        for call in calls.0 {
            let scope = self.scope_at(call.start());
            if UNCHANGING_BUILTINS
                .iter()
                .any(|name| self.refers_to(&call.func, scope, name))
            {
                continue;
            }
            let callee = self.object_paths(&call.func);
            reached.complete &= callee.complete;
            for path in callee.paths.iter().filter_map(ObjectPath::receiver) {
                reached.push(path);
            }
            for argument in call.arguments.iter_source_order() {
                let value = match argument {
                    ast::ArgOrKeyword::Arg(value) => value,
                    ast::ArgOrKeyword::Keyword(keyword) => &keyword.value,
                };
                let found = self.objects_reached(value);
                reached.complete &= found.complete;
                for path in found.paths {
                    reached.push(path);
                }
            }
        }
        reached
    }

    /// The objects whose state evaluating `expr` reads (an attribute or
    /// item of it, an operator, a call it is given to, a conversion in an
    /// f-string), as paths, each also through its aliases: `record` for
    /// `record["name"]`, `len(record)` or `f"{record}"`; `user` (not
    /// `user.id`) for `user.id`. With `passed`, `expr` itself is only
    /// passed along, not read: a bare `record`, or `record` inside a list,
    /// tuple or dict value written out, reads nothing. A lambda reads
    /// nothing until it is called.
    pub fn objects_read_in(&self, expr: &'a Expr, passed: bool) -> ReachedObjects<'a> {
        let mut direct = Vec::new();
        self.collect_reads(expr, passed, &mut direct);
        let mut reached = ReachedObjects::default();
        for path in direct {
            self.with_aliases(path, &mut reached, &mut FxHashSet::default(), 0);
        }
        reached
    }

    fn collect_reads(&self, expr: &'a Expr, passed: bool, out: &mut Vec<ObjectPath<'a>>) {
        struct Reads<'m, 'a, 'o> {
            model: &'m SemanticModel<'a>,
            out: &'o mut Vec<ObjectPath<'a>>,
        }
        impl<'a> Visitor<'a> for Reads<'_, 'a, '_> {
            fn visit_expr(&mut self, expr: &'a Expr) {
                self.model.collect_reads(expr, false, self.out);
            }
        }
        let read = |expr: &'a Expr, passed: bool, out: &mut Vec<ObjectPath<'a>>| {
            self.collect_reads(expr, passed, out);
        };
        match expr {
            Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)
                if self.chain(expr).is_some() =>
            {
                let Some(path) = self.chain(expr) else {
                    return;
                };
                // Every object before the last link is read (its attribute
                // or item is looked up); the last one only when read itself.
                let kept = if passed {
                    path.links.len()
                } else {
                    path.links.len() + 1
                };
                for len in 0..kept {
                    let mut prefix = path.clone();
                    prefix.links.truncate(len);
                    out.push(prefix);
                }
                // The subscripts and call arguments inside the chain are read.
                let mut link = expr;
                loop {
                    link = match link {
                        Expr::Attribute(attribute) => &attribute.value,
                        Expr::Subscript(subscript) => {
                            read(&subscript.slice, false, out);
                            &subscript.value
                        }
                        Expr::Call(call) => {
                            for argument in call.arguments.iter_source_order() {
                                read(argument.value(), false, out);
                            }
                            &call.func
                        }
                        _ => break,
                    };
                }
            }
            Expr::Call(call) => {
                // The callee is looked up, not read (`record.pop` reads
                // `record`); what it is given, it may read.
                read(&call.func, true, out);
                for argument in call.arguments.iter_source_order() {
                    read(argument.value(), false, out);
                }
            }
            Expr::List(ast::ExprList { elts, .. })
            | Expr::Tuple(ast::ExprTuple { elts, .. })
            | Expr::Set(ast::ExprSet { elts, .. }) => {
                for element in elts {
                    read(element, passed, out);
                }
            }
            Expr::Dict(dict) => {
                for item in dict {
                    if let Some(key) = &item.key {
                        read(key, false, out);
                    }
                    read(&item.value, passed && item.key.is_some(), out);
                }
            }
            Expr::Await(awaited) => read(&awaited.value, passed, out),
            Expr::Lambda(_) => {}
            _ => visitor::walk_expr(&mut Reads { model: self, out }, expr),
        }
    }

    /// `expr` as a path, when it is a chain of attributes, calls and
    /// subscripts on a variable (an `await` passes through).
    fn chain(&self, expr: &'a Expr) -> Option<ObjectPath<'a>> {
        match expr {
            Expr::Name(name) => Some(self.base_path(name)),
            Expr::Attribute(attribute) => {
                let mut path = self.chain(&attribute.value)?;
                // `x.__class__` belongs to `x` as `type(x)` does.
                if attribute.attr.as_str() != "__class__" {
                    path.links.push(Link::Attribute(attribute.attr.as_str()));
                }
                Some(path)
            }
            Expr::Subscript(subscript) => {
                let mut path = self.chain(&subscript.value)?;
                path.links.push(Link::Item);
                Some(path)
            }
            Expr::Call(call) => {
                if let Some(path) = self.instance_call(call) {
                    return Some(path);
                }
                let mut path = self.chain(&call.func)?;
                path.links.push(Link::Call);
                Some(path)
            }
            Expr::Await(awaited) => self.chain(&awaited.value),
            _ => None,
        }
    }

    /// `super()` (the method's first parameter), `super(C, obj)` and
    /// `type(obj)` (the path of `obj`), when those are the builtins.
    fn instance_call(&self, call: &'a ast::ExprCall) -> Option<ObjectPath<'a>> {
        let Expr::Name(func) = call.func.as_ref() else {
            return None;
        };
        let name = func.id.as_str();
        if !matches!(name, "super" | "type") || !call.arguments.keywords.is_empty() {
            return None;
        }
        let scope = self.scope_at(func.range.start());
        if !matches!(self.lookup(name, scope), Lookup::Builtin) {
            return None;
        }
        match (name, &*call.arguments.args) {
            ("super", []) => {
                let (first, method) = self.method_instance(scope)?;
                Some(ObjectPath {
                    base: first,
                    kind: BaseKind::Instance,
                    scope: method,
                    links: SmallVec::new(),
                })
            }
            ("super", [_, object]) | ("type", [object]) => self.chain(object),
            _ => None,
        }
    }

    /// The first parameter of the method that `scope` runs in (also from a
    /// function or lambda nested in it), with the method's scope.
    fn method_instance(&self, scope: ScopeId) -> Option<(&'a str, ScopeId)> {
        let mut current = self.enclosing_function(scope)?;
        loop {
            let function = self.scope(current);
            let parent = function.parent?;
            if self.scope(parent).kind == ScopeKind::Class {
                let def = function.function()?;
                let first = positional_parameters(&def.parameters).next()?;
                return Some((first.parameter.name.as_str(), current));
            }
            current = self.enclosing_function(parent)?;
        }
    }

    /// The path of a bare name, with what its variable is. The name of the
    /// class a method belongs to is that method's instance (`Model.conn`
    /// inside `Model` is what `type(self).conn` is).
    fn base_path(&self, name: &'a ast::ExprName) -> ObjectPath<'a> {
        let id = name.id.as_str();
        let scope = self.scope_at(name.range.start());
        if let Some(path) = self.own_class(id, scope) {
            return path;
        }
        let kind = match self.lookup(id, scope) {
            Lookup::Bound {
                scope: owner,
                bindings,
            } => {
                if bindings.iter().all(|&b| {
                    matches!(
                        self.binding(b).kind,
                        BindingKind::Import { from: false, .. }
                    )
                }) {
                    BaseKind::Module
                } else if self.is_instance_parameter(id, owner) {
                    BaseKind::Instance
                } else {
                    BaseKind::Variable
                }
            }
            Lookup::Builtin | Lookup::Unknown => BaseKind::Variable,
        };
        // `self` and `cls` are the instance and the class by convention,
        // also in a function defined outside its class.
        let kind = match (kind, id) {
            (BaseKind::Variable, "self" | "cls") => BaseKind::Instance,
            (kind, _) => kind,
        };
        ObjectPath {
            base: id,
            kind,
            scope,
            links: SmallVec::new(),
        }
    }

    /// The instance path for `name` when it is bound only by the `class`
    /// statement of the class whose method `scope` runs in.
    fn own_class(&self, name: &str, scope: ScopeId) -> Option<ObjectPath<'a>> {
        let Lookup::Bound { bindings, .. } = self.lookup(name, scope) else {
            return None;
        };
        let [only] = bindings else { return None };
        let BindingKind::ClassDef(class) = self.binding(*only).kind else {
            return None;
        };
        let (first, method) = self.method_instance(scope)?;
        let class_scope = self.scope(method).parent?;
        let is_own = matches!(self.scope(class_scope).node,
            super::ScopeNode::Class(own) if std::ptr::eq(own, class));
        is_own.then(|| ObjectPath {
            base: first,
            kind: BaseKind::Instance,
            scope: method,
            links: SmallVec::new(),
        })
    }

    /// Whether `name` of `owner` is the first parameter of a method (not a
    /// static method) of a class.
    pub(super) fn is_instance_parameter(&self, name: &str, owner: ScopeId) -> bool {
        let scope = self.scope(owner);
        let Some(def) = scope.function() else {
            return false;
        };
        let in_class = scope
            .parent
            .is_some_and(|parent| self.scope(parent).kind == ScopeKind::Class);
        let first = positional_parameters(&def.parameters).next();
        in_class
            && first.is_some_and(|p| p.parameter.name.as_str() == name)
            && !self.has_decorator(def, owner, &["staticmethod"])
    }

    /// Adds `path` and, when its base is a variable bound by assignment,
    /// the paths through each value bound to it; for an attribute of an
    /// instance, through each value a method of its class assigns to it
    /// (`self.api = ApiClient(self.auth)` makes `self.api` hold
    /// `self.auth`). `seen` holds the variables being followed, so that a
    /// cycle (`node = node.parent`) ends.
    fn with_aliases(
        &self,
        path: ObjectPath<'a>,
        reached: &mut ReachedObjects<'a>,
        seen: &mut FxHashSet<Variable<'a>>,
        depth: usize,
    ) {
        if !reached.complete {
            return;
        }
        let (variable, values, rest, instance) =
            if let Some((variable, values)) = self.bound_values_of(&path) {
                (variable, values, &path.links[..], None)
            } else if let Some((variable, values)) = self.instance_attribute_values(&path) {
                (
                    variable,
                    values,
                    path.links.get(1..).unwrap_or_default(),
                    Some(&path),
                )
            } else {
                reached.push(path);
                return;
            };
        if !seen.insert(variable) {
            reached.push(path);
            return;
        }
        if depth >= ALIAS_DEPTH {
            reached.complete = false;
        }
        let mut expansions = Vec::new();
        for (value, whole) in values {
            let itself = self.chain(value);
            let mut inner = Vec::new();
            ChainCollector {
                model: self,
                found: &mut inner,
            }
            .visit_expr(value);
            for found in inner {
                if self.is_new_object(&found) {
                    continue;
                }
                let is_whole = whole && itself.as_ref() == Some(&found);
                let mut expanded = found;
                // What the method reaches through its own instance is this
                // instance's: rename its `self` to ours. Anything else it
                // reaches stays what it is (`self.users = Repo(session)`
                // in `__init__` holds the parameter `session`, as
                // `self.orders = Repo(session)` does).
                if let Some(instance) = instance
                    && expanded.kind == BaseKind::Instance
                {
                    expanded.base = instance.base;
                    expanded.scope = instance.scope;
                }
                if !is_whole {
                    expanded.links.push(Link::Item);
                }
                expanded.links.extend(rest.iter().copied());
                expansions.push(expanded);
            }
        }
        reached.push(path);
        for expanded in expansions {
            if !reached.complete {
                break;
            }
            self.with_aliases(expanded, reached, seen, depth + 1);
        }
        seen.remove(&variable);
    }

    /// For a path on an instance's attribute (`self.api…`), the values the
    /// methods of its class assign to that attribute of their own instance
    /// (`self.api = …`), with whether the attribute is the whole value.
    /// Those values are read where the method runs: a name in them is the
    /// method's variable (`session` of `__init__(self, session)`).
    pub(super) fn instance_attribute_values(
        &self,
        path: &ObjectPath<'a>,
    ) -> Option<(Variable<'a>, BoundValues<'a>)> {
        let (BaseKind::Instance, Some(Link::Attribute(attribute))) =
            (path.kind, path.links.first())
        else {
            return None;
        };
        let Lookup::Bound { scope: method, .. } = self.lookup(path.base, path.scope) else {
            return None;
        };
        let class_scope = self.scope(method).parent?;
        let ScopeNode::Class(class) = self.scope(class_scope).node else {
            return None;
        };
        let mut values = Vec::new();
        for stmt in &class.body {
            let Stmt::FunctionDef(def) = stmt else {
                continue;
            };
            let Some(first) = positional_parameters(&def.parameters).next() else {
                continue;
            };
            let mut finder = AttributeAssignments {
                instance: first.parameter.name.as_str(),
                attribute,
                values: &mut values,
            };
            finder.visit_body(&def.body);
        }
        (!values.is_empty()).then_some(((*attribute, class_scope), values))
    }

    /// Whether `path` is an instance just made: a class called (`Client()`,
    /// `httpx.AsyncClient()`, `open(f)`), so that `x = Client()` and `y =
    /// Client()` are two objects. A class is a `class` of this module, a
    /// builtin, or an imported name that starts with a capital letter, as
    /// classes are named. A function called (`get_db()`) may return one
    /// shared object each time, as may a variable or parameter called
    /// (`factory()`): those results are kept.
    fn is_new_object(&self, path: &ObjectPath<'a>) -> bool {
        let Some(call) = path.links.iter().position(|l| *l == Link::Call) else {
            return false;
        };
        let mut named = path.base;
        for link in path.links.iter().take(call) {
            let Link::Attribute(name) = link else {
                return false;
            };
            named = name;
        }
        let capitalised = named.starts_with(|c: char| c.is_ascii_uppercase());
        match path.kind {
            BaseKind::Instance => false,
            BaseKind::Module => capitalised,
            BaseKind::Variable => {
                call == 0
                    && match self.lookup(path.base, path.scope) {
                        Lookup::Builtin => true,
                        Lookup::Unknown => false,
                        Lookup::Bound { bindings, .. } => {
                            bindings.iter().all(|&id| match self.binding(id).kind {
                                BindingKind::ClassDef(_) => true,
                                BindingKind::Import { .. } => capitalised,
                                _ => false,
                            })
                        }
                    }
            }
        }
    }

    /// The variable at the base of `path` and the values it is bound to by
    /// assignment, each with whether the variable is the whole value (`pg =
    /// self.pg`) or part of it (`a, b = pair`, `for conn in conns`, `repo =
    /// Repo(conn)`). `None` for a parameter, import, definition or an
    /// instance, whose value this module does not show.
    fn bound_values_of(&self, path: &ObjectPath<'a>) -> Option<(Variable<'a>, BoundValues<'a>)> {
        if path.kind != BaseKind::Variable {
            return None;
        }
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(path.base, path.scope)
        else {
            return None;
        };
        let mut values = Vec::new();
        for &id in bindings {
            let binding = self.binding(id);
            if let (BindingKind::Assignment, Some(stmt)) = (&binding.kind, binding.stmt) {
                bound_values(stmt, binding.range, &mut values);
            }
        }
        (!values.is_empty()).then_some(((path.base, owner), values))
    }

    /// The module-level variables (bound by assignment or annotation, not
    /// by `def`, `class` or `import`) that the function whose body is
    /// `function` reads or writes, also from functions nested in it, in
    /// source order.
    pub fn module_variables_used_by(&self, function: ScopeId) -> Vec<ModuleVariableUse<'a>> {
        let range = self.scope(function).range;
        let mut used: Vec<ModuleVariableUse<'a>> = Vec::new();
        let is_variable = |name: &str| {
            self.bindings_in(MODULE_SCOPE, name).is_some_and(|ids| {
                ids.iter().any(|&id| {
                    matches!(
                        self.binding(id).kind,
                        BindingKind::Assignment | BindingKind::Annotation
                    )
                })
            })
        };
        let mut note = |name: &'a str, writes: bool| match used.iter_mut().find(|u| u.name == name)
        {
            Some(known) => known.writes |= writes,
            None => used.push(ModuleVariableUse { name, writes }),
        };
        for reference in &self.references {
            if range.contains_range(reference.range)
                && self.resolves_to(reference.name, reference.scope, MODULE_SCOPE)
                && is_variable(reference.name)
            {
                note(reference.name, false);
            }
        }
        // A binding is recorded in the scope it writes to: module-level
        // bindings inside the function are writes through `global`.
        for &id in &self.scope(MODULE_SCOPE).binding_ids {
            let binding = self.binding(id);
            if range.contains_range(binding.range) && is_variable(binding.name) {
                note(binding.name, true);
            }
        }
        used
    }
}

/// A module-level variable a function uses; see
/// [`SemanticModel::module_variables_used_by`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModuleVariableUse<'a> {
    pub name: &'a str,
    /// The function (or one nested in it) assigns it, through `global`.
    pub writes: bool,
}

/// Collects the chains in an expression, outermost first, and those inside
/// their calls' arguments and subscripts.
struct ChainCollector<'m, 'a> {
    model: &'m SemanticModel<'a>,
    found: &'m mut Vec<ObjectPath<'a>>,
}

impl<'a> Visitor<'a> for ChainCollector<'_, 'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if matches!(
            expr,
            Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) | Expr::Call(_)
        ) && let Some(path) = self.model.chain(expr)
        {
            self.found.push(path);
            // The arguments of the calls in the chain reach their own objects.
            let mut link = expr;
            loop {
                link = match link {
                    Expr::Attribute(attribute) => &attribute.value,
                    Expr::Subscript(subscript) => {
                        self.visit_expr(&subscript.slice);
                        &subscript.value
                    }
                    Expr::Call(call) => {
                        self.visit_arguments(&call.arguments);
                        &call.func
                    }
                    Expr::Await(awaited) => &awaited.value,
                    _ => break,
                };
            }
            return;
        }
        visitor::walk_expr(self, expr);
    }
}

/// Finds the values a method assigns to `instance.attribute`.
struct AttributeAssignments<'a, 'o> {
    instance: &'a str,
    attribute: &'a str,
    values: &'o mut BoundValues<'a>,
}

impl AttributeAssignments<'_, '_> {
    /// The ranges of the targets in `target` that are `instance.attribute`.
    fn matching(&self, target: &Expr, found: &mut Vec<TextRange>) {
        match target {
            Expr::Attribute(attribute)
                if attribute.attr.as_str() == self.attribute
                    && matches!(attribute.value.as_ref(),
                        Expr::Name(name) if name.id.as_str() == self.instance) =>
            {
                found.push(attribute.range);
            }
            Expr::Tuple(tuple) => tuple.elts.iter().for_each(|e| self.matching(e, found)),
            Expr::List(list) => list.elts.iter().for_each(|e| self.matching(e, found)),
            Expr::Starred(starred) => self.matching(&starred.value, found),
            _ => {}
        }
    }
}

impl<'a> Visitor<'a> for AttributeAssignments<'a, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        let mut found = Vec::new();
        match stmt {
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    found.clear();
                    self.matching(target, &mut found);
                    for range in &found {
                        match_target(target, &assign.value, *range, self.values);
                    }
                }
            }
            Stmt::AnnAssign(ast::StmtAnnAssign {
                target,
                value: Some(value),
                ..
            }) => {
                self.matching(target, &mut found);
                if !found.is_empty() {
                    self.values.push((value, true));
                }
            }
            Stmt::AugAssign(assign) => {
                self.matching(&assign.target, &mut found);
                if !found.is_empty() {
                    self.values.push((&assign.value, false));
                }
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }
}

/// The values `stmt` binds to the target at `target`, each with whether
/// the target is the whole value; see [`SemanticModel::objects_reached`].
pub(super) fn bound_values<'a>(stmt: &'a Stmt, target: TextRange, out: &mut Vec<(&'a Expr, bool)>) {
    let before = out.len();
    match stmt {
        Stmt::Assign(assign) => {
            for t in &assign.targets {
                match_target(t, &assign.value, target, out);
            }
        }
        Stmt::AnnAssign(ast::StmtAnnAssign {
            target: t,
            value: Some(value),
            ..
        }) => match_target(t, value, target, out),
        Stmt::AugAssign(assign) if assign.target.range().contains_range(target) => {
            out.push((&assign.value, false));
        }
        Stmt::For(for_) if for_.target.range().contains_range(target) => {
            out.push((&for_.iter, false));
        }
        Stmt::With(with) => {
            for item in &with.items {
                if let Some(vars) = &item.optional_vars
                    && vars.range().contains_range(target)
                {
                    match_target(vars, &item.context_expr, target, out);
                }
            }
        }
        _ => {}
    }
    // `:=` anywhere in the statement (its target's range is the binding's).
    struct Walrus<'a, 'o> {
        target: TextRange,
        out: &'o mut Vec<(&'a Expr, bool)>,
    }
    impl<'a> Visitor<'a> for Walrus<'a, '_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Named(named) = expr
                && named.target.range() == self.target
            {
                self.out.push((&named.value, true));
            }
            visitor::walk_expr(self, expr);
        }
    }
    if out.len() == before {
        Walrus { target, out }.visit_stmt(stmt);
    }
}

/// The value bound to the name at `target` inside `t = value`: the whole
/// value for `t` itself, the matching element of a tuple of the same
/// length (`a, b = x, y`), or part of the value (`a, b = pair`).
fn match_target<'a>(
    t: &'a Expr,
    value: &'a Expr,
    target: TextRange,
    out: &mut Vec<(&'a Expr, bool)>,
) {
    if !t.range().contains_range(target) {
        return;
    }
    let elements = |e: &'a Expr| -> Option<&'a [Expr]> {
        match e {
            Expr::Tuple(tuple) => Some(&tuple.elts),
            Expr::List(list) => Some(&list.elts),
            _ => None,
        }
    };
    match (t, elements(t), elements(value)) {
        _ if t.range() == target => out.push((value, true)),
        (_, Some(targets), Some(values))
            if targets.len() == values.len()
                && !targets.iter().any(Expr::is_starred_expr)
                && !values.iter().any(Expr::is_starred_expr) =>
        {
            for (t, v) in targets.iter().zip(values) {
                match_target(t, v, target, out);
            }
        }
        _ => out.push((value, false)),
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;

    use super::{BaseKind, ObjectOwner};
    use crate::test_support::with_context;

    /// The texts of the paths the value of the last statement's
    /// `x = await CALL` reaches: the callee's receiver and the arguments.
    fn reached(source: &str) -> (Vec<String>, Vec<String>) {
        with_context(source, |ctx| {
            let mut last = None;
            for suite in &ctx.semantic.suites {
                for stmt in suite.body {
                    if let Stmt::Assign(assign) = stmt
                        && let Expr::Await(awaited) = assign.value.as_ref()
                        && let Expr::Call(call) = awaited.value.as_ref()
                    {
                        last = Some(call);
                    }
                }
            }
            let call = last.expect("an awaited call");
            let receivers: Vec<String> = ctx
                .semantic
                .object_paths(&call.func)
                .paths
                .iter()
                .filter_map(|p| p.receiver())
                .map(|p| p.text())
                .collect();
            let mut arguments = Vec::new();
            for argument in call.arguments.iter_source_order() {
                let value = match argument {
                    ruff_python_ast::ArgOrKeyword::Arg(value) => value,
                    ruff_python_ast::ArgOrKeyword::Keyword(keyword) => &keyword.value,
                };
                for path in ctx.semantic.objects_reached(value).paths {
                    arguments.push(path.text());
                }
            }
            (receivers, arguments)
        })
    }

    #[test]
    fn super_and_type_of_self_are_self() {
        let class = "class A(B):\n    async def f(this):\n        x = await ";
        assert_eq!(reached(&format!("{class}super().connect()\n")).0, ["this"]);
        assert_eq!(reached(&format!("{class}type(this).make()\n")).0, ["this"]);
        assert_eq!(
            reached(&format!("{class}this.__class__.make()\n")).0,
            ["this"]
        );
        assert_eq!(
            reached(&format!("{class}super(A, this).connect()\n")).0,
            ["this"]
        );
        assert_eq!(reached(&format!("{class}A.pool.get()\n")).0, ["this.pool"]);
        // Another class is another object.
        assert_eq!(reached(&format!("{class}B.pool.get()\n")).0, ["B.pool"]);
        // A nested function of a method sees the method's instance.
        let nested = "class A:\n    async def f(self):\n        async def g():\n            x = await super().connect()\n        return g\n";
        assert_eq!(reached(nested).0, ["self"]);
    }

    #[test]
    fn aliases_are_followed() {
        let source = "class A:\n    async def f(self):\n        pg = self.pg\n        x = await pg.fetch(1)\n";
        assert_eq!(reached(source).0, ["pg", "self.pg"]);
        let source = "async def f(self):\n    a = self.a\n    x = a\n    y = await x.b.c()\n";
        assert_eq!(reached(source).0, ["x.b", "a.b", "self.a.b"]);
        let source = "async def f(pool):\n    async with pool.acquire() as conn:\n        x = await conn.fetch()\n";
        assert_eq!(reached(source).0, ["conn", "pool.acquire()"]);
        let source =
            "async def f(conn):\n    cur = await conn.cursor()\n    x = await cur.execute()\n";
        assert_eq!(reached(source).0, ["cur", "conn.cursor()"]);
        let source = "async def f(self):\n    for c in self.conns:\n        x = await c.fetch()\n";
        assert_eq!(reached(source).0, ["c", "self.conns[]"]);
        let source = "async def f(conn):\n    repo = Repo(conn)\n    x = await repo.get()\n";
        assert_eq!(reached(source).0, ["repo", "conn[]"]);
        let source = "async def f(a, b):\n    p, q = a.x, b.y\n    x = await q.get()\n";
        assert_eq!(reached(source).0, ["q", "b.y"]);
        let source = "async def f(self):\n    if (p := self.pg):\n        x = await p.get()\n";
        assert_eq!(reached(source).0, ["p", "self.pg"]);
    }

    #[test]
    fn attributes_assigned_by_the_class_are_followed() {
        let source = "class C:\n    def __init__(this, auth):\n        this.auth = auth\n        this.api, this.other = Api(this.auth), None\n        this.cache: dict = this.store\n    async def f(self):\n        x = await self.api.users.get()\n";
        // `this.auth = auth`: the parameter of `__init__` is what it holds.
        assert_eq!(
            reached(source).0,
            ["self.api.users", "self.auth[].users", "auth[].users"]
        );
        let source = "class C:\n    def __init__(self):\n        self.cache: dict = self.store\n    async def f(self):\n        x = await self.cache.get()\n";
        assert_eq!(reached(source).0, ["self.cache", "self.store"]);
        // A cycle ends.
        let source = "class C:\n    def __init__(self):\n        self.a = self.b\n        self.b = self.a\n    async def f(self):\n        x = await self.a.get()\n";
        assert_eq!(reached(source).0, ["self.a", "self.b"]);
    }

    #[test]
    fn objects_made_from_one_parameter_in_init_share_it() {
        let source = "class S:\n    def __init__(self, session):\n        self.users = Repo(session, 'users')\n        self.orders = Repo(session, 'orders')\n        self.cache = Cache()\n    async def f(self):\n        x = await self.orders.all()\n";
        assert_eq!(reached(source).0, ["self.orders", "session[]"]);
        let source = "class S:\n    def __init__(self):\n        self.users = Repo(Conn())\n    async def f(self):\n        x = await self.users.all()\n";
        assert_eq!(reached(source).0, ["self.users"]);
    }

    /// The texts of the paths the calls inside the arguments of the last
    /// statement's awaited call may change.
    fn changed(source: &str) -> Vec<String> {
        with_context(source, |ctx| {
            let mut last = None;
            for suite in &ctx.semantic.suites {
                for stmt in suite.body {
                    if let Stmt::Assign(assign) = stmt
                        && let Expr::Await(awaited) = assign.value.as_ref()
                        && let Expr::Call(call) = awaited.value.as_ref()
                    {
                        last = Some(call);
                    }
                }
            }
            let call = last.expect("an awaited call");
            let mut found = Vec::new();
            for value in &call.arguments.args {
                for path in ctx.semantic.objects_changed_by_calls_in(value).paths {
                    found.push(path.text());
                }
            }
            found
        })
    }

    #[test]
    fn calls_in_an_expression_may_change_what_they_are_given() {
        let head = "async def f(record, uid, items, self):\n    x = await g(";
        assert_eq!(
            changed(&format!("{head}record.pop('password'))\n")),
            ["record"]
        );
        assert_eq!(changed(&format!("{head}normalise(record))\n")), ["record"]);
        assert_eq!(changed(&format!("{head}[self.pop()])\n")), ["self"]);
        assert_eq!(
            changed(&format!("{head}lambda: items.clear())\n")),
            ["items"]
        );
        // Builtins that change nothing, and no call at all.
        assert!(changed(&format!("{head}str(uid), len(items), record['k'])\n")).is_empty());
        // What the builtin's own argument calls still counts.
        assert_eq!(changed(&format!("{head}len(items.copy()))\n")), ["items"]);
    }

    #[test]
    fn values_bound_to_a_variable_or_an_attribute_of_self() {
        let source = "import asyncio\nlock = asyncio.Lock()\nclass C:\n    def __init__(self):\n        self._lock = asyncio.Lock()\n    async def f(self, p):\n        async with lock:\n            pass\n        async with self._lock:\n            pass\n        async with p:\n            pass\n";
        with_context(source, |ctx| {
            let Stmt::ClassDef(class) = &ctx.module.body[2] else {
                panic!()
            };
            let Stmt::FunctionDef(def) = &class.body[1] else {
                panic!()
            };
            let texts: Vec<Option<Vec<&str>>> = def
                .body
                .iter()
                .map(|stmt| {
                    let Stmt::With(with) = stmt else { panic!() };
                    ctx.semantic
                        .values_bound_to(&with.items[0].context_expr)
                        .map(|values| values.iter().map(|v| &source[v.range()]).collect())
                })
                .collect();
            assert_eq!(
                texts,
                [
                    Some(vec!["asyncio.Lock()"]),
                    Some(vec!["asyncio.Lock()"]),
                    None
                ]
            );
        });
    }

    #[test]
    fn a_closure_variable_is_followed_in_its_own_scope() {
        let source = "async def outer(self):\n    pg = self.pg\n    async def inner():\n        x = await pg.fetch()\n    return inner\n";
        assert_eq!(reached(source).0, ["pg", "self.pg"]);
    }

    #[test]
    fn a_new_object_from_a_class_or_module_is_no_alias() {
        let source = "import httpx\nfrom x import Client\nasync def f():\n    c = httpx.AsyncClient()\n    d = Client()\n    x = await c.get(d)\n";
        assert_eq!(reached(source), (vec!["c".into()], vec!["d".into()]));
        // A function may hand out one shared object.
        let source = "import app\nfrom app import get_db\nasync def f():\n    c = app.connect()\n    d = get_db()\n    x = await c.get(d)\n";
        assert_eq!(
            reached(source),
            (
                vec!["c".into(), "app.connect()".into()],
                vec!["d".into(), "get_db()".into()]
            )
        );
    }

    #[test]
    fn arguments_inside_containers_and_calls_are_reached() {
        let source = "async def f(w, v, u):\n    x = await process([w], {'k': v}, wrap(u.inner), key=lambda: w)\n";
        let (_, arguments) = reached(source);
        assert_eq!(arguments, ["w", "v", "wrap()", "u.inner", "w"]);
    }

    #[test]
    fn a_module_is_no_receiver_and_a_function_has_none() {
        let source = "import httpx\nasync def f():\n    x = await httpx.get(1)\n";
        assert!(reached(source).0.is_empty());
        let source = "async def f():\n    x = await fetch(1)\n";
        assert!(reached(source).0.is_empty());
        let source = "async def f(self):\n    get = self.pg.fetch\n    x = await get(1)\n";
        assert_eq!(reached(source).0, ["self.pg"]);
    }

    #[test]
    fn owners_of_instances_separate_their_attributes() {
        let users = ObjectOwner {
            base: "self",
            attribute: Some("users"),
        };
        let orders = ObjectOwner {
            base: "self",
            attribute: Some("orders"),
        };
        let whole = ObjectOwner {
            base: "self",
            attribute: None,
        };
        assert!(!users.overlaps(&orders));
        assert!(users.overlaps(&whole) && whole.overlaps(&orders));
        let source = "class A:\n    async def f(self):\n        x = await self.load().x()\n";
        with_context(source, |ctx| {
            let Stmt::ClassDef(class) = &ctx.module.body[0] else {
                panic!()
            };
            let Stmt::FunctionDef(def) = &class.body[0] else {
                panic!()
            };
            let Stmt::Assign(assign) = &def.body[0] else {
                panic!()
            };
            let paths = ctx.semantic.objects_reached(&assign.value).paths;
            assert_eq!(paths[0].kind, BaseKind::Instance);
            assert_eq!(paths[0].owner(), whole, "{:?}", paths[0]);
        });
    }

    #[test]
    fn module_variables_used_by_a_function() {
        let source = "import os\nstream = open_stream()\nLIMIT = 3\ndef helper(): pass\nasync def a():\n    return await stream.read(LIMIT) + helper() + os.sep\nasync def b():\n    global count\n    count = 1\n";
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let scope_of = |name: &str| {
                let def = ctx
                    .module
                    .body
                    .iter()
                    .find_map(|s| match s {
                        Stmt::FunctionDef(d) if d.name.as_str() == name => Some(d),
                        _ => None,
                    })
                    .expect("def");
                semantic.scope_of_function(def).expect("scope")
            };
            let used = |name: &str| -> Vec<(String, bool)> {
                semantic
                    .module_variables_used_by(scope_of(name))
                    .into_iter()
                    .map(|u| (u.name.to_string(), u.writes))
                    .collect()
            };
            assert_eq!(
                used("a"),
                [("stream".to_string(), false), ("LIMIT".to_string(), false)]
            );
            assert_eq!(used("b"), [("count".to_string(), true)]);
        });
    }
}
