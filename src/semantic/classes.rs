//! Classes as the module shows them: what each derives from, which classes
//! of the module may derive from a given one, and what the module does to
//! attributes behind the class bodies' backs (`setattr`, `__dict__`,
//! `globals()`, `type(name, bases, ns)`, `exec`). Built once, on the first
//! question, from one walk of the module.
//!
//! The question it serves: does `self.m()` in a method of class `B` call the
//! `def m` of `B`'s body? Python looks `m` up along the method resolution
//! order of the instance's class, which may be any subclass of `B`; a class
//! that comes before `B` in that order may define `m` (a subclass, or a
//! sibling in multiple inheritance: in `class C(A, B)`, `A.m` wins). The
//! C3 linearization puts a class before every class it derives from, so
//! only classes that derive from `B`, and the other bases of those, can
//! come before it; `B`'s own bases come after it.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{
    self as ast, Expr, ExprAttribute, ExprCall, ExprContext, Stmt, StmtClassDef, StmtFunctionDef,
};
use ruff_text_size::Ranged;
use rustc_hash::{FxHashMap, FxHashSet};

use super::imports::Lookup;
use super::scope::{MODULE_SCOPE, ScopeKind, ScopeNode};
use super::{BindingId, BindingKind, ScopeId, SemanticModel};

/// Bases that define no methods a subclass's code calls by name.
const HARMLESS_BASES: &[&str] = &[
    "builtins.object",
    "typing.Generic",
    "typing.Protocol",
    "typing_extensions.Generic",
    "typing_extensions.Protocol",
    "abc.ABC",
];

/// How deep a base is followed through assignments (`Base = B`).
const MAX_ALIAS_DEPTH: u8 = 3;

/// One base of a class, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Base {
    /// A class of the module (an index into [`ClassTable::classes`]).
    Class(usize),
    /// Something outside the module (an import, a builtin, a call's
    /// result), by the name it is reached through: its methods are unknown.
    Opaque(String),
    /// `object`, `Generic[T]`, `Protocol`, `ABC`.
    Harmless,
    /// Cannot tell what it is: a parameter, a variable of several values.
    /// It may be any class, of the module or not.
    Wildcard,
}

#[derive(Debug)]
pub(super) struct ClassEntry<'a> {
    pub def: &'a StmtClassDef,
    pub scope: ScopeId,
    /// Each base expression, in order, with what it may be (a `Call` base
    /// such as `with_metaclass(Meta, B)` may be several things at once).
    pub bases: Vec<Vec<Base>>,
}

/// What the module does to attributes and namespaces by other means than
/// `name.attr = …` on a class body's own names.
#[derive(Debug, Default, PartialEq)]
pub struct DynamicWrites<'a> {
    /// Attribute names assigned or deleted anywhere (`x.name = …`, `del
    /// x.name`, `setattr(x, "name", …)`, `x.__dict__["name"] = …`), and the
    /// names a class body declares with an annotation (`name: T`), which a
    /// dataclass, attrs or pydantic makes an instance attribute.
    pub attributes: FxHashSet<&'a str>,
    /// Some attribute is set by a name the code computes (`setattr(x, key,
    /// …)`, `x.__dict__.update(…)`, `vars(x)[key] = …`) on an object the
    /// module cannot place: any attribute of any object may be replaced.
    pub any_attribute: bool,
    /// Some attribute is set by a computed name on a plain name
    /// (`setattr(self, key, …)`), which the model places once built (see
    /// [`SemanticModel::computed_attribute_writes`]): on what it cannot
    /// place, [`Self::any_attribute`] is set.
    pub on_plain_names: bool,
    /// Some attribute of an instance of a class (or of a class) may be set
    /// by a computed name: every attribute of every instance may be
    /// replaced (see [`Self::any_instance_attribute`]).
    pub on_instances: bool,
    /// The module's namespace is written other than by binding statements
    /// (`globals()[…] = …`, `globals().update(…)`, `exec(…)`): any global
    /// name may be rebound.
    pub module_namespace: bool,
    /// The names written into the module's namespace by a literal key
    /// (`globals()["name"] = …`); meaningful when [`Self::namespace_any`]
    /// is false.
    pub namespace_names: FxHashSet<&'a str>,
    /// The module's namespace is written under names the code computes or
    /// hides (`globals()[key] = …`, `globals().update(…)`, `exec(…)`,
    /// `globals()` handed to a call): any global name, a builtin's too,
    /// may be bound.
    pub namespace_any: bool,
    /// Classes are made at run time (`type(name, bases, ns)`,
    /// `types.new_class`, `exec`): a subclass may exist that no `class`
    /// statement shows.
    pub dynamic_classes: bool,
}

/// What a write of an attribute by a computed name on a plain name
/// (`setattr(obj, name, v)`) may reach (see
/// [`SemanticModel::computed_attribute_writes`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WriteReach<'a> {
    /// The instances of this module-level class and of its subclasses (or
    /// the class and its subclasses): the write is made on the first
    /// parameter of one of its methods, the second (`setattr(self, name,
    /// v)`, `setattr(cls, name, v)` in a class method). Should the class
    /// be a metaclass, the classes it makes; should the method be read
    /// off the class and called with another object (`fill = Loose.fill`
    /// in another class, `Loose.fill(other)`), that object.
    Methods(&'a StmtClassDef, &'a StmtFunctionDef),
    /// What calling this (a name or attribute chain read at module level)
    /// makes: the write is made on a local name of a function bound once,
    /// by that call (`answer = Answer(…)` … `setattr(answer, key, v)`).
    Made(&'a Expr),
    /// Any object.
    Any,
}

impl DynamicWrites<'_> {
    /// Whether any attribute of an object of a class (or of a class, or of
    /// any object) may be set by a computed name: a question about the
    /// methods of the module's classes and objects asks this; one about
    /// its namespace, [`Self::any_attribute`].
    pub fn any_instance_attribute(&self) -> bool {
        self.any_attribute || self.on_instances
    }
}

/// Every class of the module, with its bases resolved, and the uses of a
/// class's attributes through the class (`B.close`, `B.close(other)`).
#[derive(Debug, Default)]
pub(super) struct ClassTable<'a> {
    pub classes: Vec<ClassEntry<'a>>,
    by_scope: FxHashMap<ScopeId, usize>,
    /// For each class, the classes that name it among their bases.
    children: Vec<Vec<usize>>,
    /// Classes with a base that may be anything: maybe a child of any class.
    wildcard_children: Vec<usize>,
    /// `C.name` read through a class `C` of the module (index), by `name`:
    /// with the call when it is called (`C.name(obj, …)`).
    class_attribute_uses: FxHashMap<&'a str, Vec<(usize, Option<&'a ExprCall>)>>,
}

impl<'a> ClassTable<'a> {
    pub fn index_of(&self, scope: ScopeId) -> Option<usize> {
        self.by_scope.get(&scope).copied()
    }

    /// `class` and every class of the module that may derive from it.
    pub fn family(&self, class: usize) -> Vec<usize> {
        let mut family = vec![class];
        let mut seen: FxHashSet<usize> = FxHashSet::default();
        seen.insert(class);
        let mut next = 0;
        while let Some(&current) = family.get(next) {
            next += 1;
            let children = self.children.get(current).into_iter().flatten();
            for &child in children.chain(&self.wildcard_children) {
                if seen.insert(child) {
                    family.push(child);
                }
            }
        }
        family
    }

    /// The classes of the module `class` derives from (not itself), and the
    /// names of the bases from elsewhere along the way.
    pub fn ancestors(&self, class: usize) -> (Vec<usize>, FxHashSet<String>) {
        let mut found = Vec::new();
        let mut opaque = FxHashSet::default();
        let mut stack = vec![class];
        let mut seen: FxHashSet<usize> = FxHashSet::default();
        seen.insert(class);
        while let Some(current) = stack.pop() {
            let Some(entry) = self.classes.get(current) else {
                continue;
            };
            for base in entry.bases.iter().flatten() {
                match base {
                    Base::Class(parent) => {
                        if seen.insert(*parent) {
                            found.push(*parent);
                            stack.push(*parent);
                        }
                    }
                    Base::Opaque(name) => {
                        opaque.insert(name.clone());
                    }
                    Base::Harmless | Base::Wildcard => {}
                }
            }
        }
        (found, opaque)
    }

    /// The uses of `name` read through a class of the module.
    pub fn class_attribute_uses(&self, name: &str) -> &[(usize, Option<&'a ExprCall>)] {
        self.class_attribute_uses
            .get(name)
            .map_or(&[], Vec::as_slice)
    }
}

impl<'a> SemanticModel<'a> {
    pub(super) fn class_table(&self) -> &ClassTable<'a> {
        self.class_table.get_or_init(|| self.build_class_table())
    }

    /// Whether the module may give some class or object its own attribute
    /// `name` (a method that overrides an inherited one): a class body binds
    /// it (`def name`, `name = …`), code writes it as an attribute
    /// (`Loop.name = traced`, `setattr(x, "name", …)`), or the module writes
    /// attributes or makes classes by means it cannot read (`setattr(x,
    /// key, …)`, `type(n, bases, ns)`).
    pub fn may_define_attribute(&self, name: &str) -> bool {
        let in_class_body = self
            .bindings_named(name)
            .any(|(_, binding)| self.scope(binding.scope).kind == ScopeKind::Class);
        let writes = self.dynamic_writes();
        in_class_body
            || writes.attributes.contains(name)
            || writes.any_instance_attribute()
            || writes.dynamic_classes
    }

    /// What each call of the module that writes an attribute of a plain
    /// name by a name it may compute reaches (`setattr(self, name, v)`,
    /// `delattr(answer, key)`, `object.__setattr__(self, name, v)`; see
    /// [`WriteReach`]), in the order of the calls. A call the scan of the
    /// project's text takes for one (a callee that ends in `setattr`,
    /// `delattr`, `__setattr__` or `__delattr__`, its first argument a
    /// plain name) and that is none of these reaches any object. A call
    /// whose name is a plain string literal is left out unless
    /// `with_literal_names` (the scan of the text may not have read it).
    pub fn computed_attribute_writes(&self, with_literal_names: bool) -> Vec<WriteReach<'a>> {
        const WRITERS: [&str; 4] = ["setattr", "delattr", "__setattr__", "__delattr__"];
        let mut found = Vec::new();
        for site in &self.calls {
            let call = site.call;
            let callee = match call.func.as_ref() {
                Expr::Name(name) => name.id.as_str(),
                Expr::Attribute(attribute) => attribute.attr.as_str(),
                _ => continue,
            };
            if !WRITERS.iter().any(|writer| callee.ends_with(writer)) {
                continue;
            }
            let Some(Expr::Name(receiver)) = call.arguments.args.first() else {
                continue;
            };
            let literal = match call.func.as_ref() {
                Expr::Attribute(attribute) if matches!(attribute.value.as_ref(), Expr::Call(_)) => {
                    literal_name(call.arguments.args.first())
                }
                _ => literal_name(call.arguments.args.get(1)),
            };
            if literal.is_some() && !with_literal_names {
                continue;
            }
            // The builtins, and `object.__setattr__(obj, …)`, write on
            // their first argument; `obj.__setattr__(name, v)` on `obj`,
            // anything else on what it may.
            let builtin = match call.func.as_ref() {
                Expr::Name(name) => {
                    matches!(name.id.as_str(), "setattr" | "delattr")
                        && matches!(self.lookup(name.id.as_str(), site.scope), Lookup::Builtin)
                }
                Expr::Attribute(attribute) => {
                    matches!(attribute.attr.as_str(), "__setattr__" | "__delattr__")
                        && matches!(attribute.value.as_ref(), Expr::Name(object)
                            if object.id.as_str() == "object"
                                && matches!(self.lookup("object", site.scope), Lookup::Builtin))
                }
                _ => false,
            };
            if !builtin {
                found.push(WriteReach::Any);
                continue;
            }
            found.push(self.write_reach(receiver, site.scope));
        }
        found
    }

    /// What a write on the plain name `receiver` in `scope` reaches (see
    /// [`WriteReach`]).
    fn write_reach(&self, receiver: &ast::ExprName, scope: ScopeId) -> WriteReach<'a> {
        let name = receiver.id.as_str();
        let Lookup::Bound {
            scope: owner,
            bindings: [only],
        } = self.lookup(name, scope)
        else {
            return WriteReach::Any;
        };
        let binding = self.binding(*only);
        let owner_scope = self.scope(owner);
        let Some(def) = owner_scope.function() else {
            return WriteReach::Any;
        };
        match (&binding.kind, binding.stmt) {
            // The first parameter of a method of a module-level class, with
            // no decorator but `classmethod` (a decorator may call it with
            // another object).
            (BindingKind::Parameter, _) => {
                let Some(class_scope) = owner_scope.parent else {
                    return WriteReach::Any;
                };
                let ScopeNode::Class(class) = self.scope(class_scope).node else {
                    return WriteReach::Any;
                };
                let plain = def.decorator_list.iter().all(|decorator| {
                    self.qualified_name(&decorator.expression, class_scope)
                        .is_some_and(|q| q.as_str() == "builtins.classmethod")
                });
                if plain
                    && self.scope(class_scope).parent == Some(MODULE_SCOPE)
                    && self.is_instance_parameter(name, owner)
                {
                    WriteReach::Methods(class, def)
                } else {
                    WriteReach::Any
                }
            }
            // `answer = Answer(…)` in a function: what calling a class
            // bound at module level makes.
            (BindingKind::Assignment, Some(Stmt::Assign(assign))) => {
                let ([Expr::Name(target)], Expr::Call(made)) =
                    (assign.targets.as_slice(), assign.value.as_ref())
                else {
                    return WriteReach::Any;
                };
                let mut root = made.func.as_ref();
                while let Expr::Attribute(attribute) = root {
                    root = &attribute.value;
                }
                let Expr::Name(root) = root else {
                    return WriteReach::Any;
                };
                let at_module = matches!(
                    self.lookup(root.id.as_str(), self.scope_at(made.start())),
                    Lookup::Bound {
                        scope: MODULE_SCOPE,
                        ..
                    }
                );
                if target.range == binding.range && at_module {
                    WriteReach::Made(&made.func)
                } else {
                    WriteReach::Any
                }
            }
            _ => WriteReach::Any,
        }
    }

    /// What the module writes behind the class bodies' backs (see
    /// [`DynamicWrites`]), recorded while the model was built.
    pub fn dynamic_writes(&self) -> &DynamicWrites<'a> {
        &self.dynamic_writes
    }

    fn build_class_table(&self) -> ClassTable<'a> {
        let mut table = ClassTable::default();
        for (id, scope) in self.scopes.iter().enumerate() {
            if let ScopeNode::Class(def) = scope.node {
                table.by_scope.insert(id as ScopeId, table.classes.len());
                table.classes.push(ClassEntry {
                    def,
                    scope: id as ScopeId,
                    bases: Vec::new(),
                });
            }
        }
        let by_def: FxHashMap<*const StmtClassDef, usize> = table
            .classes
            .iter()
            .enumerate()
            .map(|(i, entry)| (std::ptr::from_ref(entry.def), i))
            .collect();
        table.children = vec![Vec::new(); table.classes.len()];
        for index in 0..table.classes.len() {
            let entry = &table.classes[index];
            let outer = self.scope(entry.scope).parent.unwrap_or(MODULE_SCOPE);
            let bases: Vec<Vec<Base>> = entry
                .def
                .bases()
                .iter()
                .map(|base| {
                    let mut found = Vec::new();
                    self.resolve_base(base, outer, &by_def, MAX_ALIAS_DEPTH, &mut found);
                    found
                })
                .collect();
            for base in bases.iter().flatten() {
                match base {
                    Base::Class(parent) => {
                        if let Some(children) = table.children.get_mut(*parent)
                            && !children.contains(&index)
                        {
                            children.push(index);
                        }
                    }
                    Base::Wildcard => {
                        if !table.wildcard_children.contains(&index) {
                            table.wildcard_children.push(index);
                        }
                    }
                    Base::Opaque(_) | Base::Harmless => {}
                }
            }
            table.classes[index].bases = bases;
        }
        // Without a class there is no use of one to find.
        if !table.classes.is_empty() {
            let mut uses = ClassAttributeUses {
                model: self,
                by_def: &by_def,
                class_names: table
                    .classes
                    .iter()
                    .map(|entry| entry.def.name.as_str())
                    .collect(),
                found: FxHashMap::default(),
            };
            uses.visit_body(&self.module.body);
            table.class_attribute_uses = uses.found;
        }
        table
    }

    /// What a base expression evaluated in `scope` may be, added to `found`.
    fn resolve_base(
        &self,
        base: &'a Expr,
        scope: ScopeId,
        by_def: &FxHashMap<*const StmtClassDef, usize>,
        depth: u8,
        found: &mut Vec<Base>,
    ) {
        match base {
            Expr::Name(name) => {
                let id = name.id.as_str();
                match self.lookup(id, scope) {
                    Lookup::Builtin if id == "object" => add(found, Base::Harmless),
                    Lookup::Builtin => add(found, Base::Opaque(format!("builtins.{id}"))),
                    Lookup::Unknown => add(found, Base::Wildcard),
                    Lookup::Bound { bindings, .. } => {
                        for &binding in bindings {
                            self.resolve_base_binding(binding, by_def, depth, found);
                        }
                    }
                }
            }
            Expr::Attribute(_) => match self.qualified_name(base, scope) {
                Some(qualified) => add(found, opaque_or_harmless(qualified.as_str())),
                None => add(found, Base::Wildcard),
            },
            // `Generic[T]`, `B[int]`: the class is the subscripted value.
            Expr::Subscript(subscript) => {
                self.resolve_base(&subscript.value, scope, by_def, depth, found);
            }
            // `with_metaclass(Meta, B)`, `namedtuple("P", "x y")`: a class
            // made by a call, maybe from the classes it is given.
            Expr::Call(call) => {
                match self.qualified_name(&call.func, scope) {
                    Some(qualified) => add(found, Base::Opaque(qualified.as_str().to_string())),
                    None => add(found, Base::Wildcard),
                }
                for argument in &call.arguments.args {
                    if matches!(
                        argument,
                        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)
                    ) {
                        self.resolve_base(argument, scope, by_def, depth, found);
                    }
                }
            }
            _ => add(found, Base::Wildcard),
        }
    }

    /// What a name bound by `binding` may be, as a base: a class, an
    /// import, or what an assignment gave it (`Base = B`).
    fn resolve_base_binding(
        &self,
        binding: BindingId,
        by_def: &FxHashMap<*const StmtClassDef, usize>,
        depth: u8,
        found: &mut Vec<Base>,
    ) {
        let binding = self.binding(binding);
        match &binding.kind {
            BindingKind::ClassDef(def) => match by_def.get(&std::ptr::from_ref(*def)) {
                Some(&index) => add(found, Base::Class(index)),
                None => add(found, Base::Wildcard),
            },
            BindingKind::Import { qualified, .. } => add(found, opaque_or_harmless(qualified)),
            BindingKind::Assignment if depth > 0 => {
                let value = binding.stmt.and_then(|stmt| match stmt {
                    Stmt::Assign(assign)
                        if assign.targets.iter().any(
                            |target| matches!(target, Expr::Name(n) if n.range == binding.range),
                        ) =>
                    {
                        Some(assign.value.as_ref())
                    }
                    Stmt::AnnAssign(assign) if assign.target.range() == binding.range => {
                        assign.value.as_deref()
                    }
                    _ => None,
                });
                match value {
                    Some(value) => {
                        let scope = self.scope_at(value.start());
                        self.resolve_base(value, scope, by_def, depth - 1, found);
                    }
                    None => add(found, Base::Wildcard),
                }
            }
            _ => add(found, Base::Wildcard),
        }
    }
}

fn add(found: &mut Vec<Base>, base: Base) {
    if !found.contains(&base) {
        found.push(base);
    }
}

fn opaque_or_harmless(qualified: &str) -> Base {
    if HARMLESS_BASES.contains(&qualified) {
        Base::Harmless
    } else {
        Base::Opaque(qualified.to_string())
    }
}

/// Finds `C.name` reads where `C` is a class of the module.
struct ClassAttributeUses<'m, 'a> {
    model: &'m SemanticModel<'a>,
    by_def: &'m FxHashMap<*const StmtClassDef, usize>,
    /// The names the module's `class` statements bind (each binds its own).
    class_names: FxHashSet<&'a str>,
    found: FxHashMap<&'a str, Vec<(usize, Option<&'a ExprCall>)>>,
}

impl<'a> ClassAttributeUses<'_, 'a> {
    fn record(&mut self, attribute: &'a ExprAttribute, call: Option<&'a ExprCall>) {
        let Expr::Name(receiver) = attribute.value.as_ref() else {
            return;
        };
        // Most receivers (`self`, a module) are no class's name anywhere:
        // skip them before resolving the name where it is read.
        if !self.class_names.contains(receiver.id.as_str()) {
            return;
        }
        let scope = self.model.scope_at(receiver.range.start());
        let Lookup::Bound { bindings, .. } = self.model.lookup(receiver.id.as_str(), scope) else {
            return;
        };
        for &binding in bindings {
            if let BindingKind::ClassDef(def) = self.model.binding(binding).kind
                && let Some(&index) = self.by_def.get(&std::ptr::from_ref(def))
            {
                self.found
                    .entry(attribute.attr.as_str())
                    .or_default()
                    .push((index, call));
            }
        }
    }
}

impl<'a> Visitor<'a> for ClassAttributeUses<'_, 'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Call(call) => {
                if let Expr::Attribute(attribute) = call.func.as_ref()
                    && attribute.ctx == ExprContext::Load
                {
                    self.record(attribute, Some(call));
                    self.visit_expr(&attribute.value);
                } else {
                    self.visit_expr(&call.func);
                }
                self.visit_arguments(&call.arguments);
            }
            Expr::Attribute(attribute) if attribute.ctx == ExprContext::Load => {
                self.record(attribute, None);
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// The [`DynamicWrites`] of a body (the semantic model records a module's
/// own while it is built, in the same walk), before the writes on plain
/// names are placed (see [`DynamicWrites::on_plain_names`]).
pub fn dynamic_writes(body: &[Stmt]) -> DynamicWrites<'_> {
    let mut finder = DynamicWriteFinder {
        writes: DynamicWrites::default(),
        function_depth: 0,
    };
    finder.visit_body(body);
    finder.writes
}

struct DynamicWriteFinder<'a> {
    writes: DynamicWrites<'a>,
    /// How many `def`s and `lambda`s the walk is in: there `locals()` and
    /// `vars()` are the function's variables, not the module's.
    function_depth: u32,
}

/// Whether the statement's body runs directly in a class body: a class's
/// statements, not a function's.
fn class_body_flag(stmt: &Stmt, in_class_body: bool) -> bool {
    match stmt {
        Stmt::ClassDef(_) => true,
        Stmt::FunctionDef(_) => false,
        _ => in_class_body,
    }
}

impl<'a> DynamicWriteFinder<'a> {
    fn visit_stmts(&mut self, body: &'a [Stmt], in_class_body: bool) {
        for stmt in body {
            self.visit_stmt_in(stmt, in_class_body);
        }
    }

    fn visit_stmt_in(&mut self, stmt: &'a Stmt, in_class_body: bool) {
        self.writes.record_stmt(stmt, in_class_body);
        let inner = class_body_flag(stmt, in_class_body);
        let function = matches!(stmt, Stmt::FunctionDef(_));
        self.function_depth += u32::from(function);
        // The walk of the statement's own expressions, then its bodies with
        // what they run in.
        let mut walker = StatementWalker {
            finder: self,
            in_class_body: inner,
        };
        visitor::walk_stmt(&mut walker, stmt);
        self.function_depth -= u32::from(function);
    }
}

/// Visits one statement's expressions and nested statements for
/// [`DynamicWriteFinder`], passing on whether nested statements sit in a
/// class body.
struct StatementWalker<'f, 'a> {
    finder: &'f mut DynamicWriteFinder<'a>,
    in_class_body: bool,
}

impl<'a> Visitor<'a> for StatementWalker<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.finder.visit_stmt_in(stmt, self.in_class_body);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.finder.visit_expr(expr);
    }
}

impl<'a> Visitor<'a> for DynamicWriteFinder<'a> {
    fn visit_body(&mut self, body: &'a [Stmt]) {
        self.visit_stmts(body, false);
    }

    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.visit_stmt_in(stmt, false);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.writes.record_expr(expr, self.function_depth);
        let lambda = matches!(expr, Expr::Lambda(_));
        self.function_depth += u32::from(lambda);
        visitor::walk_expr(self, expr);
        self.function_depth -= u32::from(lambda);
    }
}

/// `x.__dict__` or `vars(x)`: an object's attribute dictionary.
fn is_attribute_dict(expr: &Expr) -> bool {
    match expr {
        Expr::Attribute(attribute) => attribute.attr.as_str() == "__dict__",
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "vars")
                && !call.arguments.args.is_empty()
        }
        _ => false,
    }
}

/// `globals()` or `vars()`: the module's namespace, at module level.
fn is_namespace_call(expr: &Expr) -> bool {
    match expr {
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Name(name) => {
                name.id.as_str() == "globals"
                    || (name.id.as_str() == "vars" && call.arguments.args.is_empty())
                    || name.id.as_str() == "locals"
            }
            func => is_builtins_globals(func),
        },
        _ => false,
    }
}

/// `builtins.globals`: the builtin `globals` read from its module.
fn is_builtins_globals(expr: &Expr) -> bool {
    matches!(expr, Expr::Attribute(attribute)
        if attribute.attr.as_str() == "globals"
            && matches!(attribute.value.as_ref(), Expr::Name(module) if module.id.as_str() == "builtins"))
}

/// `globals()` anywhere, `vars()` or `locals()` outside any function: the
/// module's own namespace.
fn is_module_namespace_call(expr: &Expr, function_depth: u32) -> bool {
    match expr {
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Name(name) => match name.id.as_str() {
                "globals" => true,
                "vars" | "locals" => function_depth == 0 && call.arguments.args.is_empty(),
                _ => false,
            },
            func => is_builtins_globals(func),
        },
        _ => false,
    }
}

/// The builtin `globals` itself as a value (`g = globals`, `def
/// load(get=globals)`, `builtins.globals`): whoever holds it may call it
/// and write the module's namespace.
fn is_globals_function(expr: &Expr) -> bool {
    matches!(expr, Expr::Name(name) if name.id.as_str() == "globals") || is_builtins_globals(expr)
}

/// The module's own object, reached some way other than its namespace:
/// `sys.modules[__name__]` (or `modules[__name__]`, or under
/// `"__main__"`), `importlib.import_module(__name__)`, or `__main__` (the
/// module itself when it runs as a script, bound by `import __main__`).
/// Its attributes are the module's globals. Read by spelling: a stand-in
/// of the same spelling counts too.
fn is_module_object(expr: &Expr) -> bool {
    let own_key = |key: &Expr| match key {
        Expr::Name(name) => name.id.as_str() == "__name__",
        Expr::StringLiteral(string) => string.value.to_str() == "__main__",
        _ => false,
    };
    match expr {
        Expr::Name(name) => name.id.as_str() == "__main__",
        Expr::Subscript(subscript) => {
            let modules = match subscript.value.as_ref() {
                Expr::Name(name) => name.id.as_str() == "modules",
                // `sys.modules`, also under another name (`import sys as s`).
                Expr::Attribute(attribute) => {
                    attribute.attr.as_str() == "modules"
                        && matches!(attribute.value.as_ref(), Expr::Name(_))
                }
                _ => false,
            };
            modules && own_key(&subscript.slice)
        }
        Expr::Call(call) => {
            let import_module = match call.func.as_ref() {
                Expr::Name(name) => name.id.as_str() == "import_module",
                Expr::Attribute(attribute) => attribute.attr.as_str() == "import_module",
                _ => false,
            };
            import_module && matches!(&*call.arguments.args, [only] if own_key(only))
        }
        _ => false,
    }
}

/// `globals()` or the module's own object (see [`is_module_object`]), or
/// its `__dict__` / `vars(…)`: kept in a variable or handed on, what is
/// written through it is not seen.
fn is_module_namespace_value(expr: &Expr, function_depth: u32) -> bool {
    if is_module_namespace_call(expr, function_depth)
        || is_module_object(expr)
        || is_globals_function(expr)
    {
        return true;
    }
    match expr {
        Expr::Attribute(attribute) => {
            attribute.attr.as_str() == "__dict__" && is_module_object(&attribute.value)
        }
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "vars")
                && matches!(&*call.arguments.args, [only] if is_module_object(only))
        }
        _ => false,
    }
}

/// Methods of a dictionary that change it.
const DICT_WRITERS: &[&str] = &[
    "update",
    "setdefault",
    "pop",
    "popitem",
    "clear",
    "__setitem__",
    "__delitem__",
];

fn literal_name(expr: Option<&Expr>) -> Option<&str> {
    match expr {
        Some(Expr::StringLiteral(string)) => string.as_single_part_string().map(|s| s.as_str()),
        _ => None,
    }
}

impl<'a> DynamicWrites<'a> {
    /// Adds what one statement itself writes (not its nested statements or
    /// expressions): a class body's annotated name (`name: T`), which
    /// dataclasses, attrs and pydantic make instance attributes.
    #[inline]
    pub(super) fn record_stmt(&mut self, stmt: &'a Stmt, in_class_body: bool) {
        if in_class_body
            && let Stmt::AnnAssign(assign) = stmt
            && let Expr::Name(name) = assign.target.as_ref()
        {
            self.attributes.insert(name.id.as_str());
        }
        // `G = globals()`, `mod = sys.modules[__name__]`: what is written
        // through the variable is not seen. (`vars()` and `locals()` in a
        // function are its own variables: only `globals()` and the module
        // object count here, wherever they are kept.)
        // Returned (`def ns(): return globals()`) or held in a parameter's
        // default (`def load(ns=globals())`) likewise.
        let value = match stmt {
            Stmt::Assign(assign) => Some(assign.value.as_ref()),
            Stmt::AnnAssign(assign) => assign.value.as_deref(),
            Stmt::Return(ret) => ret.value.as_deref(),
            _ => None,
        };
        let in_default = match stmt {
            Stmt::FunctionDef(def) => def
                .parameters
                .iter_non_variadic_params()
                .filter_map(|parameter| parameter.default.as_deref())
                .any(|default| is_module_namespace_value(default, u32::MAX)),
            _ => false,
        };
        if in_default || value.is_some_and(|value| is_module_namespace_value(value, u32::MAX)) {
            self.module_namespace = true;
            self.namespace_any = true;
        }
        // `import __main__ as m`: the module itself under another name,
        // whose attributes are its globals.
        if let Stmt::Import(import) = stmt
            && import
                .names
                .iter()
                .any(|alias| alias.name.as_str() == "__main__" && alias.asname.is_some())
        {
            self.module_namespace = true;
            self.namespace_any = true;
        }
    }

    /// Adds what writing the attribute `name` of `object` (`object.name =
    /// …`, `setattr(object, name, …)`) writes: a global of the module when
    /// `object` is the module's own object (`None`: a name the code
    /// computes).
    fn record_module_attribute(&mut self, object: &Expr, name: Option<&'a str>) {
        if !is_module_object(object) {
            return;
        }
        self.module_namespace = true;
        match name {
            Some(name) => {
                self.namespace_names.insert(name);
            }
            None => self.namespace_any = true,
        }
    }

    /// Adds what one expression itself writes (not its subexpressions);
    /// `function_depth` says how many `def`s and `lambda`s it is in (there
    /// `locals()` and `vars()` are the function's variables).
    #[inline(always)]
    pub(super) fn record_expr(&mut self, expr: &'a Expr, function_depth: u32) {
        // Most expressions (names, constants, operators, reads) write
        // nothing: only these are looked at, out of line.
        match expr {
            Expr::Call(call) => self.record_call(call, function_depth),
            Expr::Attribute(ast::ExprAttribute {
                ctx: ExprContext::Store | ExprContext::Del,
                ..
            })
            | Expr::Subscript(ast::ExprSubscript {
                ctx: ExprContext::Store | ExprContext::Del,
                ..
            })
            | Expr::Named(_) => self.record_write(expr, function_depth),
            Expr::Lambda(_) | Expr::Yield(_) | Expr::YieldFrom(_) => {
                self.record_held_namespace(expr);
            }
            _ => {}
        }
    }

    /// A lambda's default or body, or a value yielded, that is the
    /// module's namespace (`lambda ns=globals(): …`, `lambda: globals()`,
    /// `yield globals()`): what is written through it is not seen.
    #[inline(never)]
    fn record_held_namespace(&mut self, expr: &'a Expr) {
        let held = match expr {
            Expr::Lambda(lambda) => {
                is_module_namespace_value(&lambda.body, u32::MAX)
                    || lambda.parameters.as_ref().is_some_and(|parameters| {
                        parameters
                            .iter_non_variadic_params()
                            .filter_map(|parameter| parameter.default.as_deref())
                            .any(|default| is_module_namespace_value(default, u32::MAX))
                    })
            }
            Expr::Yield(yielded) => yielded
                .value
                .as_deref()
                .is_some_and(|value| is_module_namespace_value(value, u32::MAX)),
            Expr::YieldFrom(yielded) => is_module_namespace_value(&yielded.value, u32::MAX),
            _ => false,
        };
        if held {
            self.module_namespace = true;
            self.namespace_any = true;
        }
    }

    /// [`Self::record_expr`] for a store, a deletion or a `:=`.
    #[inline(never)]
    fn record_write(&mut self, expr: &'a Expr, function_depth: u32) {
        match expr {
            Expr::Attribute(attribute)
                if matches!(attribute.ctx, ExprContext::Store | ExprContext::Del) =>
            {
                let name = attribute.attr.as_str();
                self.attributes.insert(name);
                if name == "__dict__" {
                    self.any_attribute = true;
                }
                self.record_module_attribute(&attribute.value, Some(name));
            }
            Expr::Named(named) if is_module_namespace_value(&named.value, u32::MAX) => {
                self.module_namespace = true;
                self.namespace_any = true;
            }
            Expr::Subscript(subscript)
                if matches!(subscript.ctx, ExprContext::Store | ExprContext::Del) =>
            {
                if is_attribute_dict(&subscript.value) {
                    let name = literal_name(Some(subscript.slice.as_ref()));
                    match name {
                        Some(name) => {
                            self.attributes.insert(name);
                        }
                        None => self.any_attribute = true,
                    }
                    // `vars(sys.modules[__name__])["T"] = …`.
                    let object = match subscript.value.as_ref() {
                        Expr::Attribute(attribute) => Some(attribute.value.as_ref()),
                        Expr::Call(call) => call.arguments.args.first(),
                        _ => None,
                    };
                    if let Some(object) = object {
                        self.record_module_attribute(object, name);
                    }
                } else if is_namespace_call(&subscript.value) {
                    self.module_namespace = true;
                    if is_module_namespace_call(&subscript.value, function_depth) {
                        match literal_name(Some(subscript.slice.as_ref())) {
                            Some(name) => {
                                self.namespace_names.insert(name);
                            }
                            None => self.namespace_any = true,
                        }
                    }
                }
            }
            _ => {}
        }
    }

    #[inline(never)]
    fn record_call(&mut self, call: &'a ExprCall, function_depth: u32) {
        let args = &call.arguments.args;
        match call.func.as_ref() {
            Expr::Name(func) => match func.id.as_str() {
                // `setattr(obj, "name", value)`, `delattr(obj, "name")`.
                "setattr" | "delattr" => {
                    let name = literal_name(args.get(1));
                    match name {
                        Some(name) => {
                            self.attributes.insert(name);
                        }
                        None if matches!(args.first(), Some(Expr::Name(_))) => {
                            self.on_plain_names = true;
                        }
                        None => self.any_attribute = true,
                    }
                    if let Some(object) = args.first() {
                        self.record_module_attribute(object, name);
                    }
                }
                "exec" => {
                    self.module_namespace = true;
                    self.namespace_any = true;
                    self.dynamic_classes = true;
                }
                // `type(name, bases, namespace)` makes a class.
                "type" if args.len() == 3 => self.dynamic_classes = true,
                _ => {}
            },
            Expr::Attribute(func) => {
                let method = func.attr.as_str();
                match method {
                    // `object.__setattr__(obj, "name", v)`, `super().__setattr__("name", v)`.
                    "__setattr__" | "__delattr__" => {
                        let name_argument = if matches!(func.value.as_ref(), Expr::Call(_)) {
                            args.first()
                        } else {
                            args.get(1).or(args.first())
                        };
                        match literal_name(name_argument) {
                            Some(name) => {
                                self.attributes.insert(name);
                            }
                            // `object.__setattr__(self, key, v)`.
                            None if matches!(func.value.as_ref(), Expr::Name(object) if object.id.as_str() == "object")
                                && matches!(args.first(), Some(Expr::Name(_))) =>
                            {
                                self.on_plain_names = true;
                            }
                            None => self.any_attribute = true,
                        }
                    }
                    "new_class" => self.dynamic_classes = true,
                    _ if DICT_WRITERS.contains(&method) => {
                        if is_attribute_dict(&func.value) {
                            self.any_attribute = true;
                        } else if is_namespace_call(&func.value) {
                            self.module_namespace = true;
                            self.namespace_any |=
                                is_module_namespace_call(&func.value, function_depth);
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        // One look at each argument for what follows: the module's own
        // object (other than its namespace), a namespace (`globals()`),
        // and the module's namespace (which is also a namespace).
        let (mut module_value, mut namespace, mut module_namespace) = (false, false, false);
        for arg in args
            .iter()
            .chain(call.arguments.keywords.iter().map(|k| &k.value))
        {
            if is_namespace_call(arg) {
                namespace = true;
                module_namespace |= is_module_namespace_call(arg, function_depth);
            } else if is_module_namespace_value(arg, u32::MAX) {
                module_value = true;
            }
        }
        // The module's own object handed to a call other than one that
        // reads or writes a named attribute (seen above): what the callee
        // does with it is not seen (`register(sys.modules[__name__])`).
        let reads_or_names = matches!(call.func.as_ref(), Expr::Name(func)
            if matches!(func.id.as_str(), "setattr" | "delattr" | "getattr" | "hasattr"));
        if !reads_or_names && module_value {
            self.module_namespace = true;
            self.namespace_any = true;
        }
        // `globals()` handed to anything (`exec(code, globals())`,
        // `update_wrapper(globals(), …)`) may be written there.
        if namespace {
            self.module_namespace = true;
            self.namespace_any |= module_namespace;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{WriteReach, dynamic_writes};
    use crate::semantic::SemanticModel;

    /// What each computed write on a plain name reaches, in words.
    fn reaches(source: &str) -> (Vec<String>, bool, bool) {
        let parsed = ruff_python_parser::parse_module(source).expect("parses");
        let model = SemanticModel::build(parsed.syntax());
        let found = model
            .computed_attribute_writes(false)
            .iter()
            .map(|reach| match reach {
                WriteReach::Methods(class, method) => format!("{}.{}", class.name, method.name),
                WriteReach::Made(callee) => format!(
                    "made by {}",
                    &source[ruff_text_size::Ranged::range(*callee)]
                ),
                WriteReach::Any => "any".to_string(),
            })
            .collect();
        let writes = model.dynamic_writes();
        (found, writes.any_attribute, writes.any_instance_attribute())
    }

    /// `globals()` held or returned, and the `globals` function itself
    /// handed out, are the module's namespace escaping (`builtins.globals()`
    /// is `globals()`); a plain call read by key is not.
    #[test]
    fn the_module_namespace_escapes_by_globals_reached_otherwise() {
        let escapes = |source: &str| {
            let parsed = ruff_python_parser::parse_module(source).expect("parses");
            let writes = dynamic_writes(parsed.syntax().body.as_slice());
            writes.module_namespace
                && (writes.namespace_any || writes.namespace_names.contains("flush"))
        };
        for source in [
            "def load(ns=globals()):\n    ns['flush'] = f\n",
            "def load(*, get=globals):\n    get()['flush'] = f\n",
            "g = globals\ng()['flush'] = f\n",
            "import builtins\nbuiltins.globals()['flush'] = f\n",
            "import builtins\nbuiltins.globals().update(flush=f)\n",
            "def ns():\n    return globals()\n",
            "load = lambda ns=globals(): ns\n",
            "get = lambda: globals()\n",
            "def gen():\n    yield globals()\n",
            "install(globals)\n",
        ] {
            assert!(escapes(source), "{source}");
        }
        for source in [
            "x = globals()['VERSION']\n",
            "def load(ns=None):\n    return ns\n",
            "print('globals')\n",
        ] {
            assert!(!escapes(source), "{source}");
        }
    }

    #[test]
    fn computed_writes_on_plain_names_are_placed() {
        let placed = |source: &str, expected: &[&str]| {
            let (found, any, instances) = reaches(source);
            assert_eq!(found, expected, "{source}");
            assert!(!any && instances, "{source}");
        };
        placed(
            "class C:\n    def __init__(self, **kw):\n        for k, v in kw.items():\n            setattr(self, k, v)\n",
            &["C.__init__"],
        );
        placed(
            "class C:\n    @classmethod\n    def put(cls, k, v):\n        setattr(cls, k, v)\n",
            &["C.put"],
        );
        placed(
            "class C:\n    def put(self, k, v):\n        object.__setattr__(self, k, v)\n        delattr(self, k)\n",
            &["C.put", "C.put"],
        );
        placed(
            "class C:\n    def put(self, k):\n        def inner():\n            setattr(self, k, 1)\n        inner()\n",
            &["C.put"],
        );
        placed(
            "import app\ndef make(k):\n    made = app.Answer()\n    setattr(made, k, 1)\n",
            &["made by app.Answer"],
        );
        let anywhere = |source: &str| {
            let (found, any, instances) = reaches(source);
            assert!(found.iter().any(|f| f == "any"), "{source}: {found:?}");
            assert!(any && instances, "{source}");
        };
        for source in [
            "def fill(obj, k):\n    setattr(obj, k, 1)\n",
            "import m\nsetattr(m, key, 1)\n",
            "class C:\n    @staticmethod\n    def put(self, k):\n        setattr(self, k, 1)\n",
            "class C:\n    @decorate\n    def put(self, k):\n        setattr(self, k, 1)\n",
            "class C:\n    def put(self, other, k):\n        self = other\n        setattr(self, k, 1)\n",
            "class C:\n    def put(self, k):\n        def inner(self):\n            setattr(self, k, 1)\n",
            "class C:\n    def put(self, k):\n        f = lambda self: setattr(self, k, 1)\n",
            "class O:\n    class C:\n        def put(self, k):\n            setattr(self, k, 1)\n",
            "def make():\n    class C:\n        def put(self, k):\n            setattr(self, k, 1)\n",
            "class C:\n    def put(self, k):\n        self.__setattr__(k, 1)\n",
            "class C:\n    def put(self, k):\n        super().__setattr__(k, 1)\n",
            "def make(kind, k):\n    made = kind()\n    setattr(made, k, 1)\n",
            "def make(k):\n    made = A()\n    made = B()\n    setattr(made, k, 1)\n",
            "setattr = print\nclass C:\n    def put(self, k):\n        setattr(self, k, 1)\n",
        ] {
            anywhere(source);
        }
        // A literal name is no computed write.
        assert_eq!(
            reaches("def f(obj):\n    setattr(obj, 'x', 1)\n"),
            (vec![], false, false)
        );
        assert_eq!(
            reaches(
                "def f(obj, k):\n    setattr(obj, 'x', 1)\nclass C:\n    def put(self, k):\n        setattr(self, k, 1)\n"
            ),
            (vec!["C.put".to_string()], false, true)
        );
    }

    /// The writes the model records while it is built are those a walk of
    /// the module alone finds, for every fixture of the catalogue and for
    /// the places where a function's or a class body's reach is subtle.
    #[test]
    fn the_model_records_the_writes_a_walk_of_the_module_finds() {
        let mut sources: Vec<String> = [
            "@deco(vars())\ndef f(x=locals()):\n    vars()['a'] = 1\n    g = lambda y=vars(): locals()['b']\nvars()['c'] = 2\n",
            "class A:\n    if X:\n        n: int\n    def f(self):\n        m: int = 1\n        class B:\n            k: str\n    lambda: setattr(o, 'q', 1)\n",
            "globals().update(x)\nobj.__dict__['z'] = 1\ndel a.b\ntype('T', (), {})\nexec(code, globals())\n",
            "[setattr(o, n, 1) for o in xs]\nx.y += 1\nobject.__setattr__(self, 'w', 1)\nsuper().__setattr__('v', 2)\n",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("codemods");
        for entry in ignore::WalkBuilder::new(&root).build().flatten() {
            if entry.path().extension().is_some_and(|e| e == "py")
                && let Ok(text) = std::fs::read_to_string(entry.path())
            {
                sources.push(text);
            }
        }
        assert!(sources.len() > 100, "the fixtures were not found");
        for source in &sources {
            let Ok(parsed) = ruff_python_parser::parse_module(source) else {
                continue;
            };
            let model = SemanticModel::build(parsed.syntax());
            // The walk alone leaves the writes on plain names unplaced.
            let mut walked = dynamic_writes(&parsed.syntax().body);
            if walked.on_plain_names {
                walked.on_instances = true;
                walked.any_attribute |= model.dynamic_writes().any_attribute;
            }
            assert_eq!(model.dynamic_writes(), &walked, "{source}");
        }
    }
}
