//! Functions as the module shows them: what a call calls (a function or
//! method defined here, a class, or something the module cannot see), whether
//! a function is a generator, and which parts of a definition run outside
//! its body (decorators, defaults, annotations).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{
    self as ast, AnyParameterRef, Expr, ExprCall, Stmt, StmtClassDef, StmtFunctionDef, TypeParams,
};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::{FxHashMap, FxHashSet};

use super::classes::{Base, dynamic_writes};
use super::imports::Lookup;
use super::scope::{MODULE_SCOPE, ScopeKind, ScopeNode};
use super::{BindingId, BindingKind, ScopeId, SemanticModel};

/// The module's functions by node and by name (see
/// [`SemanticModel::scope_of_function`], [`SemanticModel::functions_named`],
/// [`SemanticModel::methods_named`]).
#[derive(Debug, Default)]
pub(super) struct FunctionIndex<'a> {
    /// Each function's scope, by the address of its node.
    scopes: FxHashMap<usize, ScopeId>,
    by_name: FxHashMap<&'a str, Vec<&'a StmtFunctionDef>>,
    methods: FxHashMap<&'a str, Vec<&'a StmtFunctionDef>>,
    class_values: FxHashMap<&'a str, Vec<&'a Expr>>,
}

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

/// A method `self.method()` finds, as the module shows it (see
/// [`SemanticModel::method_of_self`]).
struct SelfMethod<'a> {
    /// The method's `def`.
    target: &'a StmtFunctionDef,
    /// Its class.
    class_scope: ScopeId,
    /// The method that makes the call, whose first parameter `self` is.
    caller: &'a StmtFunctionDef,
}

/// Why code of another module of the project may make `self.method()`
/// reach something other than the method the module shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfDoubt {
    /// What was found, and where.
    pub note: String,
    /// `true` when the call reaches the method unless code elsewhere runs
    /// the calling method on another object (`Base.run(mock)`, as a test
    /// does): a fix is unsafe. `false` when an instance's method may be
    /// another for good (a subclass's plain `def`, an attribute written):
    /// no fix.
    pub unsafe_fix: bool,
}

impl<'a> SemanticModel<'a> {
    /// What `func` (the callee of a call running in `scope`) refers to.
    ///
    /// A name must be bound exactly once where it resolves, by a `def` or
    /// `class` statement that runs whenever its scope's body does (directly
    /// in that body: not under an `if`, a `try`, a loop or a `with`). In a
    /// module or class namespace the name must not also be a builtin's (a
    /// call that runs before the `def` would reach the builtin), and the
    /// module must not rebind it behind the statements' backs (a star
    /// import, `globals()`, `exec`, `setattr(module, "name", …)`, an
    /// attribute write of the name, `f.__code__ = …`).
    ///
    /// `self.name` resolves inside a method (not a static or class method)
    /// whose first parameter `self` is never rebound, to the one `def` of
    /// `name` directly in the method's class body, when the lookup of
    /// `self.name` on any instance surely finds it (see
    /// [`Self::method_of_self`]).
    pub fn callee(&self, func: &Expr, scope: ScopeId) -> Callee<'a> {
        match func {
            Expr::Name(name) => self.callee_by_name(name.id.as_str(), scope, name.start()),
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

    fn callee_by_name(&self, name: &str, scope: ScopeId, at: TextSize) -> Callee<'a> {
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return Callee::Unknown;
        };
        let only = match bindings {
            [only] => only,
            // `@overload` stubs before the one `def` they describe: by the
            // time a function runs, the name is bound to the last.
            [stubs @ .., last] if scope != owner && self.overload_stubs(stubs, *last) => last,
            _ => return Callee::Unknown,
        };
        let binding = self.binding(*only);
        let callee = match binding.kind {
            BindingKind::FunctionDef(def) => Callee::Function(def),
            BindingKind::ClassDef(class) => Callee::Class(class),
            _ => return Callee::Unknown,
        };
        if !binding
            .stmt
            .is_some_and(|stmt| self.defined_directly(stmt) || self.runs_before(stmt, at))
        {
            return Callee::Unknown;
        }
        let namespace = matches!(self.scope(owner).kind, ScopeKind::Module | ScopeKind::Class);
        if namespace && BUILTIN_NAMES.contains(&name) {
            return Callee::Unknown;
        }
        if self.written_behind_the_def(name, owner, &callee).is_some() {
            return Callee::Unknown;
        }
        callee
    }

    /// Whether `stubs` are `def`s directly in their body, each decorated
    /// with `typing.overload` alone, all before the binding `last`.
    fn overload_stubs(&self, stubs: &[BindingId], last: BindingId) -> bool {
        let end = self.binding(last).range.start();
        stubs.iter().all(|&id| {
            let binding = self.binding(id);
            let BindingKind::FunctionDef(def) = binding.kind else {
                return false;
            };
            let outer = self.scope_at(def.start());
            binding.range.end() <= end
                && binding.stmt.is_some_and(|stmt| self.defined_directly(stmt))
                && matches!(&def.decorator_list[..], [decorator]
                    if self.refers_to(&decorator.expression, outer, "typing.overload")
                        || self.refers_to(&decorator.expression, outer, "typing_extensions.overload"))
        })
    }

    /// Why a name bound once by a `def` directly in the module or a class
    /// body may not be that function when it is called, though the body
    /// shows nothing else: the module rebinds it behind its statements'
    /// backs (a star import, `globals()`, `exec`, `setattr(module, "name",
    /// …)`, an attribute write of the name), writes a function's code
    /// (`f.__code__ = …`), or another file of the project may write it as
    /// an attribute of the module (`store.save = f`, `vars(store)["save"] =
    /// f`, a namespace handed on) or write any function's code. `None`
    /// when nothing such is found.
    fn written_behind_the_def(
        &self,
        name: &str,
        owner: ScopeId,
        callee: &Callee<'a>,
    ) -> Option<&'static str> {
        let dynamic = self.dynamic_writes();
        if owner == MODULE_SCOPE && (dynamic.module_namespace || dynamic.attributes.contains(name))
        {
            return Some(
                "the module may rebind it behind its statements' backs (a star import, `globals()`, `exec`, `setattr(module, …)`, an attribute of that name written)",
            );
        }
        if self.scope(owner).kind == ScopeKind::Class && self.attribute_may_be_replaced(name) {
            return Some(
                "the module may write an attribute of that name on the class (`Cls.name = …`, `setattr(obj, name, …)`)",
            );
        }
        let function = matches!(callee, Callee::Function(_));
        if function && dynamic.attributes.contains("__code__") {
            return Some("the module writes a function's code (`f.__code__ = …`)");
        }
        let project = self.project()?;
        if owner == MODULE_SCOPE
            && project
                .facts
                .module_attribute_written(project.name.as_deref().unwrap_or_default(), name)
        {
            return Some(
                "another file of the project may replace it as an attribute of this module (`work.name = f`, `vars(work)[…] = f`, a function's `__globals__`, the module handed to code that writes its attributes, or attributes of modules written by a name it computes)",
            );
        }
        if function && project.facts.code_written() {
            return Some("another file of the project writes a function's code (`f.__code__ = …`)");
        }
        None
    }

    /// The `async def` a plain name `func` would call in `scope` by what
    /// the module shows, when [`Self::callee`]
    /// does not answer it only because it may be rebound behind the
    /// `def`'s back (see [`Self::written_behind_the_def`]), with why.
    pub fn async_def_written_behind(
        &self,
        func: &Expr,
        scope: ScopeId,
    ) -> Option<(&'a StmtFunctionDef, &'static str)> {
        let Expr::Name(name) = func else {
            return None;
        };
        let name = name.id.as_str();
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return None;
        };
        let [only] = bindings else {
            return None;
        };
        let binding = self.binding(*only);
        let BindingKind::FunctionDef(def) = binding.kind else {
            return None;
        };
        if !def.is_async
            || !binding.stmt.is_some_and(|stmt| self.defined_directly(stmt))
            || (matches!(self.scope(owner).kind, ScopeKind::Module | ScopeKind::Class)
                && BUILTIN_NAMES.contains(&name))
        {
            return None;
        }
        self.written_behind_the_def(name, owner, &Callee::Function(def))
            .map(|why| (def, why))
    }

    /// Whether the code at `at` runs only after `stmt` ran: it sits in a
    /// later statement of the block `stmt` is in (a `def` in a `try:` body,
    /// called further down that body).
    fn runs_before(&self, stmt: &Stmt, at: TextSize) -> bool {
        self.suite_of(stmt).is_some_and(|(suite, index)| {
            suite
                .body
                .get(index + 1..)
                .unwrap_or_default()
                .iter()
                .any(|later| later.range().contains(at))
        })
    }

    /// Whether a `def` or `class` statement sits directly in the body of
    /// its scope (the module, a function, a class), so that it runs
    /// whenever that body runs to it.
    pub fn defined_directly(&self, stmt: &Stmt) -> bool {
        self.suite_of(stmt).is_some_and(|(suite, _)| {
            matches!(
                suite.parent,
                None | Some(Stmt::FunctionDef(_) | Stmt::ClassDef(_))
            )
        })
    }

    /// The method `method` of the class around the method that `scope` runs
    /// in, called through that method's first parameter `receiver`, when
    /// `receiver.method` surely finds that `def` on every instance. The
    /// call may sit in a function, lambda or comprehension nested in that
    /// method: `receiver` is then the method's own parameter, read through
    /// the closure, as long as it is bound nowhere else (no scope in between
    /// binds it or declares it `nonlocal`, and the method never rebinds it).
    ///
    /// - the `def` is the class body's only binding of the name, directly
    ///   in the body, and not a stub (`...`, `pass`, `raise
    ///   NotImplementedError`) that marks a place for subclasses;
    /// - no class of the module that may come before the class in an
    ///   instance's method resolution order (one that derives from it, or
    ///   another base of one that does) binds the name other than by an
    ///   `async def` that keeps returning a coroutine, and none has a base
    ///   the module cannot see there;
    /// - no class involved has a metaclass, an unknown class decorator,
    ///   `__getattribute__` or `__init_subclass__`;
    /// - the module writes no attribute of the method's name (`self.m =
    ///   …`, `Conn.m = …`, `setattr`, a dataclass field `m: T`), no
    ///   attribute by a computed name, no `__class__` or `__bases__`,
    ///   makes no class at run time (`type(name, bases, ns)`, `exec`), and
    ///   never reads the calling method through the class (`B.close`,
    ///   `B.close(other)`), which could run it on another object.
    ///
    /// With a project index, no class of another module that may derive
    /// from the class binds the name other than by an `async def` (see
    /// [`Self::project_subclasses_may_override`]), and no base from another
    /// module of the project (through its own bases, as the index reads
    /// them) has a metaclass other than `type` or `abc.ABCMeta`, a class
    /// decorator that may give it one, `__getattribute__`, `__getattr__` or
    /// `__init_subclass__` (see [`Self::project_base_may_redirect`]). What
    /// stays assumed: a library's class (one the index does not read) does
    /// not wrap its subclasses' methods.
    fn method_of_self(
        &self,
        receiver: &str,
        method: &str,
        scope: ScopeId,
    ) -> Option<&'a StmtFunctionDef> {
        let found = self.method_of_self_here(receiver, method, scope)?;
        self.self_method_doubt(&found, method)
            .is_none()
            .then_some(found.target)
    }

    /// [`Self::method_of_self`] as the module alone shows it: the method,
    /// the class, and the calling method.
    fn method_of_self_here(
        &self,
        receiver: &str,
        method: &str,
        scope: ScopeId,
    ) -> Option<SelfMethod<'a>> {
        // The method whose parameter `receiver` is: where the name is bound.
        let Lookup::Bound {
            scope: function_scope,
            bindings,
        } = self.lookup(receiver, scope)
        else {
            return None;
        };
        let [only] = bindings else { return None };
        if !matches!(self.binding(*only).kind, BindingKind::Parameter)
            || self.declares_between(scope, function_scope, receiver)
        {
            return None;
        }
        let enclosing = self.scope(function_scope);
        let def = enclosing.function()?;
        let class_scope = enclosing.parent?;
        if !matches!(self.scope(class_scope).node, ScopeNode::Class(_)) {
            return None;
        }
        // `self` is the first positional parameter of a plain method.
        let first = positional_parameters(&def.parameters).next()?;
        if first.parameter.name.as_str() != receiver
            || self.has_decorator(def, function_scope, &["staticmethod", "classmethod"])
        {
            return None;
        }
        let [only] = self.bindings_in(class_scope, method)? else {
            return None;
        };
        let binding = self.binding(*only);
        let BindingKind::FunctionDef(target) = binding.kind else {
            return None;
        };
        let dynamic = self.dynamic_writes();
        if !binding.stmt.is_some_and(|stmt| self.defined_directly(stmt))
            || is_stub(target)
            || self.attribute_may_be_replaced(method)
            || self.attribute_may_be_replaced(def.name.as_str())
            || dynamic.dynamic_classes
            || ["__class__", "__bases__", "__code__"]
                .iter()
                .any(|name| dynamic.attributes.contains(name))
            || !self.instances_find(class_scope, method, def.name.as_str())
        {
            return None;
        }
        Some(SelfMethod {
            target,
            class_scope,
            caller: def,
        })
    }

    /// Why code of another module of the project may make `self.method()`
    /// (found by [`Self::method_of_self_here`]) reach something other than
    /// the method (see [`SelfDoubt`]). `None` without a project index.
    fn self_method_doubt(&self, found: &SelfMethod<'a>, method: &str) -> Option<SelfDoubt> {
        let project = self.project()?;
        let class = self.project_class_path(found.class_scope);
        let no_fix = |note: String| {
            Some(SelfDoubt {
                note,
                unsafe_fix: false,
            })
        };
        if let Some(why) = project.facts.why_subclasses_may_override(&class, method) {
            return no_fix(format!("`{method}` may be another method there: {why}"));
        }
        if let Some(why) = project.facts.attribute_writer_reaching(&class, method) {
            return no_fix(format!(
                "an instance's `{method}` may be another object: {why}"
            ));
        }
        if project.facts.code_written() {
            return no_fix(
                "some code of the project writes a function's `__code__`: the method may run a plain function's code".into(),
            );
        }
        let caller = found.caller.name.as_str();
        project
            .facts
            .self_may_be_other(&class, caller)
            .map(|why| SelfDoubt {
                note: format!(
                    "`self` in `{caller}` may be no instance of `{}`: {why}",
                    class.rsplit('.').next().unwrap_or(&class)
                ),
                unsafe_fix: true,
            })
    }

    /// The method `self.method()` calls (`call.func`, in `scope`), when the
    /// module shows it as [`Self::method_of_self`] asks and only code of
    /// another module of the project may make the call reach something
    /// else: the method, and why (see [`SelfDoubt`]).
    pub fn method_of_self_in_doubt(
        &self,
        func: &Expr,
        scope: ScopeId,
    ) -> Option<(&'a StmtFunctionDef, SelfDoubt)> {
        let Expr::Attribute(attribute) = func else {
            return None;
        };
        let Expr::Name(receiver) = attribute.value.as_ref() else {
            return None;
        };
        let method = attribute.attr.as_str();
        let found = self.method_of_self_here(receiver.id.as_str(), method, scope)?;
        let doubt = self.self_method_doubt(&found, method)?;
        Some((found.target, doubt))
    }

    /// Whether `def`, a method defined directly in a class body, may be
    /// overridden by a class of another module of the project with
    /// anything but an `async def` (see
    /// [`Self::project_subclasses_may_override`]): such an override may
    /// call `super()`'s method and drive what it returns as a generator.
    /// False for a function that is no method and without a project index.
    pub fn project_may_override_method(&self, def: &StmtFunctionDef) -> bool {
        let Some(class_scope) = self
            .scope_of_function(def)
            .and_then(|scope| self.scope(scope).parent)
        else {
            return false;
        };
        matches!(self.scope(class_scope).node, ScopeNode::Class(_))
            && self.project_subclasses_may_override(class_scope, def.name.as_str())
    }

    /// Whether another module of the project may reach `def`: the
    /// module-level name that holds it (its own, or that of the class or
    /// function it is nested in) may be read by another file of the
    /// project (see [`super::project::ProjectModule::others_may_read`]).
    /// False without a project index.
    pub fn others_may_reach(&self, def: &StmtFunctionDef) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        let mut current = self.scope_of_function(def);
        while let Some(id) = current {
            let scope = self.scope(id);
            if scope.parent == Some(MODULE_SCOPE) {
                return match scope.node {
                    ScopeNode::Function(def) => project.others_may_read(def.name.as_str()),
                    ScopeNode::Class(class) => project.others_may_read(class.name.as_str()),
                    // A lambda or comprehension at module level holds no
                    // `def` another module could name.
                    _ => false,
                };
            }
            current = scope.parent;
        }
        false
    }

    /// Whether another module of the project may reach code of this one:
    /// it may read one of the module's top-level names (a function, a
    /// class, or a variable that may hold or lead to any function of the
    /// module), and so call any of its functions, through any number of
    /// calls. False without a project index.
    pub fn others_may_reach_module(&self) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        let mut asked = FxHashSet::default();
        self.scope(MODULE_SCOPE).binding_ids.iter().any(|&id| {
            let name = self.binding(id).name;
            asked.insert(name) && project.others_may_read(name)
        })
    }

    /// Whether a class in another module of the project may derive from
    /// the class of `class_scope` (or come before it in a subclass's method
    /// resolution order) and bind `method` to anything but an `async def`
    /// (see [`super::project::ProjectFacts::subclasses_may_override`]).
    /// A class in a function body is asked under its module's name and its
    /// own (other modules can reach it only through a base the index cannot
    /// read, which may be any class); so is a class of a file no import can
    /// name (a script's classes, which another script beside it may import).
    fn project_subclasses_may_override(&self, class_scope: ScopeId, method: &str) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        project
            .facts
            .subclasses_may_override(&self.project_class_path(class_scope), method)
    }

    /// The dotted name the project index knows the class of `class_scope`
    /// by (see [`Self::project_subclasses_may_override`]).
    fn project_class_path(&self, class_scope: ScopeId) -> String {
        let mut path = Vec::new();
        let mut current = Some(class_scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            if let ScopeNode::Class(class) = scope.node {
                path.push(class.name.as_str());
            }
            current = scope.parent;
        }
        let module = self
            .project()
            .and_then(|project| project.name.as_deref())
            .unwrap_or("__main__");
        path.push(module);
        path.reverse();
        path.join(".")
    }

    /// Whether a scope from `inner` up to (not including) `outer` declares
    /// `name` `global` or `nonlocal`: code there may rebind the name that
    /// `outer` binds.
    fn declares_between(&self, inner: ScopeId, outer: ScopeId, name: &str) -> bool {
        let mut current = Some(inner);
        while let Some(id) = current
            && id != outer
        {
            let scope = self.scope(id);
            if scope.globals.contains(name) || scope.nonlocals.contains(name) {
                return true;
            }
            current = scope.parent;
        }
        false
    }

    /// Whether `name` looked up on any instance of the class of
    /// `class_scope` (or of a class of the module derived from it) finds
    /// the class's own binding, as the module shows (see
    /// [`Self::method_of_self`]); `caller` is the method that looks it up.
    fn instances_find(&self, class_scope: ScopeId, name: &str, caller: &str) -> bool {
        let table = self.class_table();
        let Some(class) = table.index_of(class_scope) else {
            return false;
        };
        let family = table.family(class);
        let family_set: FxHashSet<usize> = family.iter().copied().collect();
        let (class_ancestors, after_opaque) = table.ancestors(class);
        let mut after: FxHashSet<usize> = class_ancestors.iter().copied().collect();
        after.insert(class);
        // Every class of the module in the resolution order of an instance.
        let mut involved: Vec<usize> = family.clone();
        let mut ancestors_of_family: FxHashSet<usize> = FxHashSet::default();
        for &member in &family {
            let (ancestors, _) = table.ancestors(member);
            for ancestor in ancestors {
                ancestors_of_family.insert(ancestor);
                if !involved.contains(&ancestor) {
                    involved.push(ancestor);
                }
            }
        }
        for &index in &involved {
            let Some(entry) = table.classes.get(index) else {
                return false;
            };
            if !self.class_keeps_its_methods(entry.def, entry.scope)
                || self.bindings_in(entry.scope, "__getattribute__").is_some()
                || self.bindings_in(entry.scope, "__init_subclass__").is_some()
            {
                return false;
            }
            // A base from another module of the project with a metaclass or
            // a hook of attribute lookup may answer for the method, wherever
            // it stands in the resolution order.
            if entry.bases.iter().flatten().any(|base| {
                matches!(base, Base::Opaque(opaque) if self.project_base_may_redirect(opaque).is_some())
            }) {
                return false;
            }
            if after.contains(&index) {
                continue;
            }
            // This class may come before the method's class.
            if let Some(bindings) = self.bindings_in(entry.scope, name)
                && !self.is_coroutine_override(bindings)
            {
                return false;
            }
            let in_family = family_set.contains(&index);
            let last_family_base = entry.bases.iter().rposition(|base| {
                base.iter()
                    .any(|b| matches!(b, Base::Class(c) if family_set.contains(c)))
            });
            for (position, base) in entry.bases.iter().enumerate() {
                for base in base {
                    let fine = match base {
                        Base::Class(_) | Base::Harmless => true,
                        // After every base that leads to the class, a base
                        // from another module comes after it too.
                        Base::Opaque(opaque) => {
                            after_opaque.contains(opaque)
                                || (in_family
                                    && last_family_base.is_some_and(|last| position > last))
                        }
                        // `class D(base)` in a factory: derived from the
                        // class or not at all.
                        Base::Wildcard => {
                            entry.bases.len() == 1
                                && in_family
                                && !ancestors_of_family.contains(&index)
                        }
                    };
                    if !fine {
                        return false;
                    }
                }
            }
        }
        // `B.close` read through the class may run `close` on another
        // object: only `B.close(self, …)` from a method of the family is sure.
        table
            .class_attribute_uses(caller)
            .iter()
            .filter(|(used, _)| family_set.contains(used))
            .all(|(_, call)| call.is_some_and(|call| self.passes_own_instance(call, &family_set)))
    }

    /// Why a base from another module, `base` as the module names it
    /// (`.meta.Base`, `app.models.Model`), may change what the instances
    /// of a class deriving from it find (see
    /// [`super::project::ProjectFacts::base_may_redirect_lookups`]): a
    /// metaclass, `__getattribute__`, `__init_subclass__` on its chain of
    /// bases as the project index reads them. `None` without an index.
    pub fn project_base_may_redirect(&self, base: &str) -> Option<String> {
        let project = self.project()?;
        match project.absolute(base) {
            Some(base) => project.facts.base_may_redirect_lookups(&base),
            None => Some(format!("the base `{base}` cannot be placed")),
        }
    }

    /// Whether the bindings of a name in a class body are one `async def`,
    /// directly in the body, whose calls surely return a coroutine.
    fn is_coroutine_override(&self, bindings: &[BindingId]) -> bool {
        let [only] = bindings else { return false };
        let binding = self.binding(*only);
        let BindingKind::FunctionDef(def) = binding.kind else {
            return false;
        };
        def.is_async
            && binding.stmt.is_some_and(|stmt| self.defined_directly(stmt))
            && self.keeps_coroutine_function(def)
            && !is_generator(def)
    }

    /// Whether `call` (`C.method(x, …)`) passes as `x` the first parameter
    /// of the method it runs in, a method of one of `classes`.
    fn passes_own_instance(&self, call: &ExprCall, classes: &FxHashSet<usize>) -> bool {
        let Some(Expr::Name(argument)) = call.arguments.args.first() else {
            return false;
        };
        let scope = self.scope_at(call.start());
        let Some(function_scope) = self.enclosing_function(scope) else {
            return false;
        };
        let function = self.scope(function_scope);
        let (Some(def), Some(class_scope)) = (function.function(), function.parent) else {
            return false;
        };
        let first = positional_parameters(&def.parameters).next();
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(argument.id.as_str(), scope)
        else {
            return false;
        };
        first.is_some_and(|p| p.parameter.name.as_str() == argument.id.as_str())
            && owner == function_scope
            && bindings.len() == 1
            && self
                .class_table()
                .index_of(class_scope)
                .is_some_and(|index| classes.contains(&index))
    }

    /// Whether code anywhere in the module may set an attribute called
    /// `name` on some object (`self.run = …`, `Conn.run = …`, `del x.run`,
    /// `setattr(x, "run", …)`, a class-body field `run: T`, or an
    /// attribute set by a computed name): a call of `self.name()` may then
    /// reach something other than the method.
    fn attribute_may_be_replaced(&self, name: &str) -> bool {
        let dynamic = self.dynamic_writes();
        dynamic.any_instance_attribute() || dynamic.attributes.contains(name)
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

    /// Whether the class statement leaves the classes deriving from it
    /// their own methods and lookups, as far as the statement shows: a
    /// metaclass, if any, is `type` or `abc.ABCMeta` (which make classes as
    /// `type` does), and no class decorator but those known to return the
    /// class (a decorator may give it a metaclass, `six.add_metaclass(M)`).
    /// The other keywords go to a base's `__init_subclass__`, asked of that
    /// base. What the class body binds (`__getattribute__`) is not looked
    /// at here.
    pub fn class_keeps_subclass_methods(&self, class: &StmtClassDef, class_scope: ScopeId) -> bool {
        let outer = self.scope(class_scope).parent.unwrap_or(MODULE_SCOPE);
        let known = |expr: &Expr, allowed: &[&str]| {
            let callee = match expr {
                Expr::Call(call) => call.func.as_ref(),
                other => other,
            };
            self.qualified_name(callee, outer)
                .is_some_and(|q| allowed.contains(&q.as_str()))
        };
        class.arguments.as_ref().is_none_or(|arguments| {
            arguments.keywords.iter().all(|keyword| {
                keyword.arg.as_ref().is_some_and(|arg| {
                    arg.as_str() != "metaclass"
                        || (!matches!(keyword.value, Expr::Call(_))
                            && known(&keyword.value, &["abc.ABCMeta", "builtins.type"]))
                })
            })
        }) && class.decorator_list.iter().all(|decorator| {
            known(
                &decorator.expression,
                &[
                    "dataclasses.dataclass",
                    "typing.final",
                    "typing_extensions.final",
                    "functools.total_ordering",
                ],
            )
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

    /// Whether calling `call` (running in `scope`) surely does no more than
    /// make a coroutine object once its arguments are evaluated: its callee
    /// is an `async def` of the module (a function with no decorator, or a
    /// method through `self` with none but `staticmethod` or
    /// `classmethod`), whose body does not run yet, and its arguments bind
    /// to the parameters without a `TypeError` (see [`arguments_bind`]).
    pub fn call_only_makes_coroutine(&self, call: &ExprCall, scope: ScopeId) -> bool {
        let Some(def) = self.coroutine_function(&call.func, scope) else {
            return false;
        };
        let Some(def_scope) = self.scope_of_function(def) else {
            return false;
        };
        let in_class = self
            .scope(def_scope)
            .parent
            .is_some_and(|parent| matches!(self.scope(parent).node, ScopeNode::Class(_)));
        let receiver = if in_class {
            if !call.func.is_attribute_expr() {
                return false;
            }
            let outer = self.scope(def_scope).parent.unwrap_or(MODULE_SCOPE);
            match def.decorator_list.as_slice() {
                [] => true,
                [decorator] => match self.qualified_name(&decorator.expression, outer) {
                    Some(q) if q.is("builtins.staticmethod") => false,
                    Some(q) if q.is("builtins.classmethod") => true,
                    _ => return false,
                },
                _ => return false,
            }
        } else if def.decorator_list.is_empty() {
            false
        } else {
            return false;
        };
        arguments_bind(&def.parameters, &call.arguments, receiver)
    }

    /// The scope of a function's body.
    pub fn scope_of_function(&self, def: &StmtFunctionDef) -> Option<ScopeId> {
        self.function_index()
            .scopes
            .get(&std::ptr::from_ref(def).addr())
            .copied()
    }

    /// The module's functions (methods and nested ones too) named `name`,
    /// in the order of their scopes.
    pub fn functions_named(&self, name: &str) -> &[&'a StmtFunctionDef] {
        self.function_index()
            .by_name
            .get(name)
            .map_or(&[], Vec::as_slice)
    }

    /// The functions defined directly in a class body named `name`, class
    /// by class in the order of their scopes, each body in source order.
    pub fn methods_named(&self, name: &str) -> &[&'a StmtFunctionDef] {
        self.function_index()
            .methods
            .get(name)
            .map_or(&[], Vec::as_slice)
    }

    /// The values a class body binds to `name` otherwise than by a `def`
    /// (`handler = _keep`, `ready: bool = property(_get)`), class by class
    /// in the order of their scopes, each body in source order, once for
    /// each statement.
    pub fn class_bound_values(&self, name: &str) -> &[&'a Expr] {
        self.function_index()
            .class_values
            .get(name)
            .map_or(&[], Vec::as_slice)
    }

    /// The functions by node and by name, built on first use (a walk asks
    /// them once per call it follows: a scan of every scope each time made
    /// large modules quadratic).
    fn function_index(&self) -> &FunctionIndex<'a> {
        self.function_index.get_or_init(|| {
            let mut index = FunctionIndex::default();
            for (id, scope) in self.scopes.iter().enumerate() {
                match scope.node {
                    ScopeNode::Function(def) => {
                        index
                            .scopes
                            .entry(std::ptr::from_ref(def).addr())
                            .or_insert(id as ScopeId);
                        index
                            .by_name
                            .entry(def.name.as_str())
                            .or_default()
                            .push(def);
                    }
                    ScopeNode::Class(class) => {
                        for stmt in &class.body {
                            let (targets, value): (&[Expr], Option<&Expr>) = match stmt {
                                Stmt::FunctionDef(def) => {
                                    index
                                        .methods
                                        .entry(def.name.as_str())
                                        .or_default()
                                        .push(def);
                                    continue;
                                }
                                Stmt::Assign(assign) => (&assign.targets, Some(&assign.value)),
                                Stmt::AnnAssign(assign) => (
                                    std::slice::from_ref(assign.target.as_ref()),
                                    assign.value.as_deref(),
                                ),
                                _ => continue,
                            };
                            let Some(value) = value else { continue };
                            for (at, target) in targets.iter().enumerate() {
                                let Expr::Name(name) = target else { continue };
                                let name = name.id.as_str();
                                // Once for each statement, however many of
                                // its targets name it.
                                let earlier = targets[..at]
                                    .iter()
                                    .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == name));
                                if !earlier {
                                    index.class_values.entry(name).or_default().push(value);
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            index
        })
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

/// Whether `arguments` bind to `parameters` without a `TypeError`: no
/// unpacking (`*args`, `**opts` may hold anything), no more positional
/// arguments than positional parameters (unless `*args` takes them), each
/// keyword naming a parameter not already given (or taken by `**kwargs`),
/// and every parameter without a default given. `receiver`: the first
/// positional parameter is bound already (a method called on an instance).
pub fn arguments_bind(
    parameters: &ast::Parameters,
    arguments: &ast::Arguments,
    receiver: bool,
) -> bool {
    if arguments.args.iter().any(Expr::is_starred_expr)
        || arguments.keywords.iter().any(|k| k.arg.is_none())
    {
        return false;
    }
    let positional: Vec<&ast::ParameterWithDefault> = positional_parameters(parameters).collect();
    let given = arguments.args.len() + usize::from(receiver);
    if given > positional.len() && parameters.vararg.is_none() {
        return false;
    }
    let mut bound: Vec<&str> = positional
        .iter()
        .take(given)
        .map(|p| p.parameter.name.as_str())
        .collect();
    for keyword in &arguments.keywords {
        let Some(name) = keyword.arg.as_ref().map(|a| a.as_str()) else {
            return false;
        };
        let named = parameters
            .args
            .iter()
            .chain(&parameters.kwonlyargs)
            .any(|p| p.parameter.name.as_str() == name);
        if bound.contains(&name) || (!named && parameters.kwarg.is_none()) {
            return false;
        }
        if named {
            bound.push(name);
        }
    }
    positional
        .into_iter()
        .chain(&parameters.kwonlyargs)
        .all(|p| p.default.is_some() || bound.contains(&p.parameter.name.as_str()))
}

/// The parameters a call may fill by position, in order: the
/// positional-only ones, then the others before `*` (for a method, the
/// first is `self` or `cls`).
pub fn positional_parameters(
    parameters: &ast::Parameters,
) -> impl Iterator<Item = &ast::ParameterWithDefault> {
    parameters.posonlyargs.iter().chain(&parameters.args)
}

/// Whether `def`'s own body contains `yield` or `yield from` (the bodies of
/// nested functions, lambdas and classes aside, but not their decorators,
/// defaults, annotations and bases, which run in it): calling it makes a
/// generator (an async generator for an `async def`), not a coroutine.
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
        if self.found {
            return;
        }
        match stmt {
            // A nested definition's decorators, defaults and annotations
            // run in this function; its body does not.
            Stmt::FunctionDef(def) => {
                for decorator in &def.decorator_list {
                    self.visit_decorator(decorator);
                }
                self.visit_parameters(&def.parameters);
                if let Some(returns) = &def.returns {
                    self.visit_expr(returns);
                }
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found {
            return;
        }
        match expr {
            Expr::Yield(_) | Expr::YieldFrom(_) => self.found = true,
            // A lambda's defaults run here, its body does not.
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.visit_parameters(parameters);
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// The names of every attribute that code in `body` (at any depth) assigns
/// or deletes (`self.name = …`, `obj.name += …`, `del x.name`), names with a
/// string literal in a `setattr` or `delattr` call, or declares as a field
/// in a class body (`name: T`); see [`super::classes::DynamicWrites`].
pub fn written_attributes(body: &[Stmt]) -> FxHashSet<&str> {
    dynamic_writes(body).attributes
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

/// Python's builtin functions and classes with lowercase names, and the
/// names `site` adds (`exit`, `quit`, …).
pub const BUILTIN_NAMES: &[&str] = &[
    "__import__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "copyright",
    "credits",
    "complex",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

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
        // A star import that runs before the `def` is overwritten by it;
        // one after it may rebind the name.
        assert_eq!(
            callee_kind("from m import *\nasync def f(): pass\nasync def g():\n    f()\n"),
            "async"
        );
        assert_eq!(
            callee_kind("async def f(): pass\nfrom m import *\nasync def g():\n    f()\n"),
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
    fn resolves_methods_on_self_from_closures() {
        let class = "class C:\n    async def m(self): return 1\n";
        let nested = format!(
            "{class}    def n(self):\n        def callback(task):\n            self.m()\n        return callback\n"
        );
        assert_eq!(callee_kind(&nested), "async");
        let deeper = format!(
            "{class}    def n(self):\n        def outer():\n            def callback():\n                self.m()\n            return callback\n        return outer\n"
        );
        assert_eq!(callee_kind(&deeper), "async");
        // A parameter of the nested function by the same name is another object.
        let parameter = format!(
            "{class}    def n(self):\n        def callback(self):\n            self.m()\n        return callback\n"
        );
        assert_eq!(callee_kind(&parameter), "unknown");
        // Rebound in the method, or through `nonlocal` in a closure.
        let rebound = format!(
            "{class}    def n(self, other):\n        def callback():\n            self.m()\n        self = other\n        return callback\n"
        );
        assert_eq!(callee_kind(&rebound), "unknown");
        let nonlocal = format!(
            "{class}    def n(self, other):\n        def swap():\n            nonlocal self\n            self = other\n        def callback():\n            self.m()\n        return callback, swap\n"
        );
        assert_eq!(callee_kind(&nonlocal), "unknown");
        let declared = format!(
            "{class}    def n(self):\n        def callback():\n            nonlocal self\n            self.m()\n        return callback\n"
        );
        assert_eq!(callee_kind(&declared), "unknown");
        // The closure's `self` belongs to a plain function, not a method.
        let function = format!(
            "{class}def n(self):\n    def callback():\n        self.m()\n    return callback\n"
        );
        assert_eq!(callee_kind(&function), "unknown");
        // A static method's first parameter is no instance.
        let static_method = format!(
            "{class}    @staticmethod\n    def n(self):\n        def callback():\n            self.m()\n        return callback\n"
        );
        assert_eq!(callee_kind(&static_method), "unknown");
    }

    /// What the first statement `self.flush()` (or `<receiver>.flush()`)
    /// of the source calls.
    fn flush_kind(source: &str) -> &'static str {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        for suite in &semantic.suites {
            for stmt in suite.body {
                if let Stmt::Expr(expr) = stmt
                    && let Expr::Call(call) = expr.value.as_ref()
                    && let Expr::Attribute(attribute) = call.func.as_ref()
                    && attribute.attr.as_str() == "flush"
                {
                    let scope = semantic.scope_at(call.start());
                    return match semantic.callee(&call.func, scope) {
                        Callee::Function(def) if def.is_async => "async",
                        Callee::Function(_) => "sync",
                        Callee::Class(_) => "class",
                        Callee::Unknown => "unknown",
                    };
                }
            }
        }
        "none"
    }

    /// A class `B` whose `close` calls `self.flush()`, then `rest`.
    fn with_base(rest: &str) -> String {
        format!(
            "class B:\n    async def flush(self):\n        return 1\n    async def close(self):\n        self.flush()\n{rest}"
        )
    }

    #[test]
    fn a_class_before_the_method_in_the_resolution_order_may_define_it() {
        assert_eq!(flush_kind(&with_base("")), "async");
        // A sibling base that comes first: `C(A, B)` finds `A.flush`.
        assert_eq!(
            flush_kind(&with_base(
                "class A:\n    def flush(self): pass\nclass C(A, B):\n    pass\n"
            )),
            "unknown"
        );
        // A sibling reached only through another subclass's bases.
        assert_eq!(
            flush_kind(&with_base(
                "class S:\n    def flush(self): pass\nclass X(B): pass\nclass Z(S, B): pass\nclass D(X, Z): pass\n"
            )),
            "unknown"
        );
        // A sibling of the module listed after `B` usually comes after it,
        // but not always (C3 may put it first when it shares bases with a
        // class before `B`): unknown too. One that does not define the
        // method is harmless; so are `B`'s own bases.
        assert_eq!(
            flush_kind(&with_base(
                "class A:\n    def flush(self): pass\nclass C(B, A):\n    pass\n"
            )),
            "unknown"
        );
        assert_eq!(
            flush_kind(&with_base(
                "class A:\n    def other(self): pass\nclass C(A, B):\n    pass\n"
            )),
            "async"
        );
        assert_eq!(
            flush_kind(
                "class A:\n    def flush(self): pass\nclass B(A):\n    async def flush(self):\n        return 1\n    async def close(self):\n        self.flush()\n"
            ),
            "async"
        );
        // A base from another module: unknown methods, unless after `B`.
        assert_eq!(
            flush_kind(&with_base(
                "from socketserver import ThreadingMixIn\nclass D(ThreadingMixIn, B): pass\n"
            )),
            "unknown"
        );
        assert_eq!(
            flush_kind(&with_base(
                "from socketserver import ThreadingMixIn\nclass D(B, ThreadingMixIn): pass\n"
            )),
            "async"
        );
        assert_eq!(
            flush_kind(&with_base(
                "from typing import Generic\nclass D(Generic[T], B): pass\n"
            )),
            "async"
        );
    }

    #[test]
    fn subclasses_however_spelled_may_override() {
        let sync_override = "    def flush(self): pass\n";
        for subclass in [
            format!("class D(B[int]):\n{sync_override}"),
            format!("Base = B\nclass D(Base):\n{sync_override}"),
            format!("def make(base):\n    class D(base):\n    {sync_override}    return D\n"),
            format!("class D(with_metaclass(Meta, B)):\n{sync_override}"),
            // An async generator is no coroutine function either.
            "class D(B):\n    async def flush(self):\n        yield 1\n".to_string(),
            "class D(B):\n    flush = staticmethod(print)\n".to_string(),
            "class D(B):\n    if x:\n        async def flush(self): return 2\n".to_string(),
        ] {
            assert_eq!(flush_kind(&with_base(&subclass)), "unknown", "{subclass}");
        }
        // Defined before the base, inside a function: still a subclass.
        assert_eq!(
            flush_kind(&format!(
                "def make():\n    class D(B):\n    {sync_override}    return D\n{}",
                with_base("")
            )),
            "unknown"
        );
        assert_eq!(
            flush_kind(&with_base(
                "class D(B):\n    async def flush(self): return 2\n"
            )),
            "async"
        );
    }

    #[test]
    fn classes_made_or_changed_at_run_time_are_not_followed() {
        for rest in [
            "D = type('D', (B,), {'flush': print})\n",
            "exec(source)\n",
            "b = B()\nb.__class__ = Other\n",
            "B.__bases__ = (Other,)\n",
        ] {
            assert_eq!(flush_kind(&with_base(rest)), "unknown", "{rest}");
        }
        // A metaclass, `__init_subclass__` or `__getattribute__` anywhere
        // along the way.
        for source in [
            "class Base(metaclass=M): pass\nclass B(Base):\n    async def flush(self): return 1\n    async def close(self):\n        self.flush()\n",
            "class Base:\n    def __init_subclass__(cls): pass\nclass B(Base):\n    async def flush(self): return 1\n    async def close(self):\n        self.flush()\n",
            "class B:\n    def __getattribute__(self, name): pass\n    async def flush(self): return 1\n    async def close(self):\n        self.flush()\n",
        ] {
            assert_eq!(flush_kind(source), "unknown", "{source}");
        }
    }

    #[test]
    fn attributes_set_by_other_means_may_hide_the_method() {
        for rest in [
            "def setup(obj, key, value):\n    setattr(obj, key, value)\n",
            "def setup(obj, values):\n    obj.__dict__.update(values)\n",
            "def setup(obj, key):\n    vars(obj)[key] = print\n",
            "def setup(obj):\n    obj.__dict__['flush'] = print\n",
            "def setup(obj):\n    object.__setattr__(obj, 'flush', print)\n",
            // A dataclass (attrs, pydantic) field is an instance attribute.
            "@dataclass\nclass Base:\n    flush: Callable\n",
        ] {
            assert_eq!(flush_kind(&with_base(rest)), "unknown", "{rest}");
        }
    }

    #[test]
    fn the_calling_method_run_on_another_object() {
        // `close` borrowed by another class, or called through the class
        // with another object.
        for rest in [
            "class Other:\n    def flush(self): pass\n    close = B.close\n",
            "class Other:\n    def flush(self): pass\nOther.close = B.close\n",
            "B.close(Other())\n",
        ] {
            assert_eq!(flush_kind(&with_base(rest)), "unknown", "{rest}");
        }
        // The old spelling of `super().close()` passes its own instance.
        assert_eq!(
            flush_kind(&with_base(
                "class D(B):\n    async def close(self):\n        await B.close(self)\n"
            )),
            "async"
        );
    }

    #[test]
    fn methods_defined_only_on_some_paths_are_not_followed() {
        let conditional = "class Base:\n    def flush(self): pass\nclass B(Base):\n    if x:\n        async def flush(self): return 1\n    async def close(self):\n        self.flush()\n";
        assert_eq!(flush_kind(conditional), "unknown");
    }

    #[test]
    fn module_functions_bound_behind_the_statements_backs() {
        let call = "async def g():\n    f()\n";
        for source in [
            // Not defined on every path: the name may reach a builtin or nothing.
            "import sys\nif sys.version_info < (3,):\n    async def f(): pass\n",
            "try:\n    import x\n    async def f(): pass\nexcept ImportError:\n    pass\n",
            "with suppress(ImportError):\n    async def f(): pass\n",
            // Rebound through the module object or its namespace.
            "import sys\nasync def f(): pass\nsetattr(sys.modules[__name__], 'f', print)\n",
            "import sys\nasync def f(): pass\nsys.modules[__name__].f = print\n",
            "async def f(): pass\nglobals()['f'] = print\n",
            "async def f(): pass\nglobals().update(f=print)\n",
            "async def f(): pass\nexec(code, globals())\n",
            "def s(): pass\nasync def f(): pass\nf.__code__ = s.__code__\n",
        ] {
            assert_eq!(
                callee_kind(&format!("{source}{call}")),
                "unknown",
                "{source}"
            );
        }
        // A builtin's name: a call before the `def` runs reaches the builtin.
        assert_eq!(
            callee_kind("async def print(): pass\nasync def g():\n    print()\n"),
            "unknown"
        );
        // A local function's name is the function wherever it is read.
        assert_eq!(
            callee_kind("async def g():\n    async def print(): pass\n    print()\n"),
            "async"
        );
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

    #[test]
    fn yields_in_what_a_nested_definition_runs_here() {
        for source in [
            "async def f():\n    g = lambda y=(yield): y\n",
            "async def f():\n    def g(y=(yield)):\n        return y\n",
            "async def f():\n    @(yield)\n    def g(): pass\n",
            "async def f():\n    class K((yield)): pass\n",
        ] {
            let parsed = parse(source).unwrap();
            let Some(Stmt::FunctionDef(def)) = parsed.syntax().body.first() else {
                panic!("a def")
            };
            assert!(is_generator(def), "{source}");
        }
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
