//! What a call of a function of this module may touch outside its own
//! frame: the variables of the module and of the enclosing functions that
//! the function (or a function of the module it calls, a few calls deep)
//! reads or rebinds (`global`, `nonlocal`), also through its parameters'
//! default values; and what such a variable holds: an object that two
//! calls would share (`server = LineServer()`, a parameter of the
//! enclosing function), or only values nothing can change (`LIMIT = 3`).
//! The facts behind "may these two calls run at once?" (AM004).
//!
//! What this cannot see: functions of other modules, and functions reached
//! through a variable, a parameter or an attribute other than `self.name`
//! (see [`SemanticModel::callee`]).

use std::rc::Rc;

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprCall};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashSet;

use super::functions::{Callee, positional_parameters};
use super::imports::Lookup;
use super::objects::bound_values;
use super::scope::ScopeNode;
use super::suspension::MUTATORS;
use super::{BindingKind, ScopeId, SemanticModel};

/// How many calls deep the functions of the module a call calls are read.
const CALL_DEPTH: usize = 3;
/// The most functions one question reads; past it the answer is incomplete.
const MOST_FUNCTIONS: usize = 32;
/// How many aliases deep a variable's value is followed (`a = b`, `b = Client()`).
const VALUE_DEPTH: usize = 4;

/// Functions and classes whose results nothing can change and that hold
/// no other object: a variable bound to one holds a constant. `builtins.X`
/// is the builtin.
const IMMUTABLE_RESULTS: &[&str] = &[
    "builtins.abs",
    "builtins.bool",
    "builtins.bytes",
    "builtins.chr",
    "builtins.complex",
    "builtins.float",
    "builtins.format",
    "builtins.frozenset",
    "builtins.hash",
    "builtins.int",
    "builtins.len",
    "builtins.object",
    "builtins.ord",
    "builtins.range",
    "builtins.repr",
    "builtins.round",
    "builtins.str",
    "builtins.tuple",
    "collections.namedtuple",
    "datetime.date",
    "datetime.datetime",
    "datetime.time",
    "datetime.timedelta",
    "datetime.timezone",
    "decimal.Decimal",
    "fractions.Fraction",
    "logging.getLogger",
    "operator.attrgetter",
    "operator.itemgetter",
    "os.environ.get",
    "os.getenv",
    "os.path.abspath",
    "os.path.dirname",
    "os.path.join",
    "pathlib.Path",
    "pathlib.PurePath",
    "re.compile",
    "typing.NewType",
    "typing.ParamSpec",
    "typing.TypeVar",
    "uuid.UUID",
    "uuid.uuid4",
];

/// A variable of another scope (the module, an enclosing function) that a
/// function uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OuterUse<'a> {
    pub name: &'a str,
    /// The scope that owns the variable.
    pub owner: ScopeId,
    /// The function rebinds or deletes it (through `global` or
    /// `nonlocal`), or stores into it (`settings.debug = True`, `del
    /// cache[k]`).
    pub writes: bool,
    /// It is bound only by `def`, `class` or `import` and the function
    /// only reads it: it matters only when another function writes it.
    /// An object imported by name whose methods the function calls
    /// (`database.fetch()` after `from app import database`) is no
    /// definition.
    pub definition: bool,
}

/// The outer variables a call may use; see [`SemanticModel::outer_uses_of_call`].
#[derive(Debug, Clone)]
pub struct OuterUses<'a> {
    pub uses: Vec<OuterUse<'a>>,
    /// False when the functions it calls were too many or too deep to
    /// read: the caller must then assume the worst.
    pub complete: bool,
}

impl Default for OuterUses<'_> {
    fn default() -> Self {
        OuterUses {
            uses: Vec::new(),
            complete: true,
        }
    }
}

impl<'a> OuterUses<'a> {
    fn note(&mut self, found: OuterUse<'a>) {
        match self
            .uses
            .iter_mut()
            .find(|u| u.name == found.name && u.owner == found.owner)
        {
            Some(known) => {
                known.writes |= found.writes;
                known.definition &= found.definition;
            }
            None => self.uses.push(found),
        }
    }

    /// The use of the variable `name` of `owner`, if any.
    pub fn get(&self, name: &str, owner: ScopeId) -> Option<&OuterUse<'a>> {
        self.uses
            .iter()
            .find(|u| u.name == name && u.owner == owner)
    }

    /// Adds what `other` uses.
    pub fn extend(&mut self, other: &OuterUses<'a>) {
        self.complete &= other.complete;
        for &found in &other.uses {
            self.note(found);
        }
    }
}

impl<'a> SemanticModel<'a> {
    /// What calling `call` (running in `scope`) may use outside the
    /// callee's own frame, when the callee is a function of this module
    /// (see [`Self::callee`]); `None` for anything else.
    pub fn outer_uses_of_call(&self, call: &ExprCall, scope: ScopeId) -> Option<OuterUses<'a>> {
        let functions = self.functions_a_call_may_run(&call.func, scope);
        if functions.is_empty() {
            return None;
        }
        let mut found = OuterUses::default();
        for function in functions {
            found.extend(&self.outer_uses_of_function(function));
        }
        Some(found)
    }

    /// The scopes of the functions of this module that calling `func`
    /// may run: the callee (see [`Self::callee`]), or else, for a name,
    /// every `def` that binds it (a function the module may also replace:
    /// what the `def` uses is still a use, one more to assume) and every
    /// function a name it is assigned from is (`p, s = push, size`).
    pub(super) fn functions_a_call_may_run(&self, func: &Expr, scope: ScopeId) -> Vec<ScopeId> {
        let mut found = Vec::new();
        self.functions_a_name_may_be(func, scope, VALUE_DEPTH, &mut found);
        found
    }

    fn functions_a_name_may_be(
        &self,
        func: &Expr,
        scope: ScopeId,
        depth: usize,
        found: &mut Vec<ScopeId>,
    ) {
        let mut push = |function: Option<ScopeId>| {
            if let Some(function) = function
                && !found.contains(&function)
            {
                found.push(function);
            }
        };
        match self.callee(func, scope) {
            Callee::Function(def) => push(self.scope_of_function(def)),
            Callee::Class(_) => {}
            Callee::Unknown => {
                if let Expr::Attribute(attribute) = func {
                    for def in self.methods_a_call_may_run(attribute, scope) {
                        push(self.scope_of_function(def));
                    }
                    return;
                }
                let Expr::Name(name) = func else {
                    return;
                };
                let Lookup::Bound { bindings, .. } = self.lookup(name.id.as_str(), scope) else {
                    return;
                };
                let mut aliases = Vec::new();
                for &id in bindings {
                    let binding = self.binding(id);
                    match binding.kind {
                        BindingKind::FunctionDef(def) => push(self.scope_of_function(def)),
                        BindingKind::Assignment => {
                            if let Some(stmt) = binding.stmt {
                                let mut values = Vec::new();
                                bound_values(stmt, binding.range, &mut values);
                                aliases.extend(
                                    values
                                        .into_iter()
                                        .filter(|&(value, whole)| whole && value.is_name_expr())
                                        .map(|(value, _)| value),
                                );
                            }
                        }
                        _ => {}
                    }
                }
                if let Some(depth) = depth.checked_sub(1) {
                    for value in aliases {
                        let at = self.scope_at(value.start());
                        self.functions_a_name_may_be(value, at, depth, found);
                    }
                }
            }
        }
    }

    /// What the calls of this module's functions inside `expr` (an
    /// argument, evaluated in `scope`) may use outside their frames; see
    /// [`Self::outer_uses_of_call`].
    pub fn outer_uses_of_calls_in(&self, expr: &Expr, scope: ScopeId) -> OuterUses<'a> {
        struct Calls<'e>(Vec<&'e ExprCall>);
        impl<'e> Visitor<'e> for Calls<'e> {
            fn visit_expr(&mut self, expr: &'e Expr) {
                if let Expr::Call(call) = expr {
                    self.0.push(call);
                }
                visitor::walk_expr(self, expr);
            }
        }
        let mut calls = Calls(Vec::new());
        calls.visit_expr(expr);
        let mut found = OuterUses::default();
        for call in calls.0 {
            // A call inside a lambda or comprehension runs in its scope.
            let at = self.scope_at(call.start());
            let at = if self.is_within(at, scope) { at } else { scope };
            if let Some(uses) = self.outer_uses_of_call(call, at) {
                found.extend(&uses);
            }
        }
        found
    }

    /// The variables of other scopes than its own (and than those nested
    /// in it) that the function whose body is `function` reads or
    /// rebinds: in its body, in the functions, lambdas and classes nested
    /// in it, in its parameters' default values (the object a default
    /// holds is used at each call), and in the functions of this module it
    /// calls, [`CALL_DEPTH`] calls deep. Names bound only by `def`,
    /// `class` or `import` are no variables here.
    pub fn outer_uses_of_function(&self, function: ScopeId) -> OuterUses<'a> {
        let mut found = OuterUses::default();
        let mut visited = vec![function];
        let mut frontier = vec![function];
        for depth in 0..=CALL_DEPTH {
            let mut next = Vec::new();
            for &current in &frontier {
                for &used in self.direct_outer_uses(current).iter() {
                    if !self.is_within(used.owner, function) {
                        found.note(used);
                    }
                }
                for called in self.module_functions_called_by(current) {
                    if visited.contains(&called) {
                        continue;
                    }
                    if depth == CALL_DEPTH || visited.len() >= MOST_FUNCTIONS {
                        found.complete = false;
                        continue;
                    }
                    visited.push(called);
                    next.push(called);
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        found
    }

    /// The outer variables `function`'s own code uses (see
    /// [`Self::outer_uses_of_function`]), without following its calls;
    /// computed once per function.
    fn direct_outer_uses(&self, function: ScopeId) -> Rc<[OuterUse<'a>]> {
        if let Some(known) = self.outer_uses.borrow().get(&function) {
            return Rc::clone(known);
        }
        let scope = self.scope(function);
        let range = scope.range;
        let defaults: Vec<TextRange> = scope
            .function()
            .map(|def| {
                def.parameters
                    .iter_non_variadic_params()
                    .filter_map(|p| p.default.as_deref().map(Ranged::range))
                    .collect()
            })
            .unwrap_or_default();
        let mut found = OuterUses::default();
        // What the function stores into (`settings.debug = True`,
        // `Counter.value += 1`, `del cache[k]`) changes the object behind
        // the name, a module, class or function too; and an object imported
        // by name (`from app import database`) whose methods it calls is
        // one more object other functions may use.
        let mut finder = StoresAndReceivers::default();
        if let Some(def) = scope.function() {
            finder.visit_body(&def.body);
        }
        for reference in &self.references {
            let inside = range.contains_range(reference.range)
                || defaults.iter().any(|d| d.contains_range(reference.range));
            if !inside {
                continue;
            }
            let Some(owner) = self.owner_scope(reference.name, reference.scope) else {
                continue;
            };
            if self.is_within(owner, function) {
                continue;
            }
            let stored = finder.stored.contains(&reference.range);
            let receiver = finder.receivers.contains(&reference.range);
            let definition = self.holds_definitions_only(reference.name, owner)
                && !(receiver && self.is_imported_object(reference.name, owner));
            found.note(OuterUse {
                name: reference.name,
                owner,
                writes: stored,
                definition: definition && !stored,
            });
        }
        // A binding is recorded in the scope it writes to: a binding of an
        // enclosing scope inside the function is a write through `global`
        // or `nonlocal`.
        let mut outer = scope.parent;
        while let Some(id) = outer {
            for &binding in &self.scope(id).binding_ids {
                let binding = self.binding(binding);
                if range.contains_range(binding.range) {
                    found.note(OuterUse {
                        name: binding.name,
                        owner: id,
                        writes: true,
                        definition: false,
                    });
                }
            }
            outer = self.scope(id).parent;
        }
        self.note_class_state(function, &mut found);
        let uses: Rc<[OuterUse<'a>]> = found.uses.into();
        self.outer_uses
            .borrow_mut()
            .insert(function, Rc::clone(&uses));
        uses
    }

    /// The `def`s that `receiver.method(…)` may run, as far as the module
    /// shows: `receiver` a class of the module (`Stats.bump()`), a new
    /// instance of one (`Worker().run()`) or a variable bound to one (`a =
    /// Node(1)`, then `a.run()`), and each `def` of `method` in that class's body or in
    /// the bodies of the module's classes it derives from. What they use is
    /// what the call may use; a subclass or an attribute set elsewhere may
    /// run something else, which stays unseen as any unknown callee is.
    fn methods_a_call_may_run(
        &self,
        attribute: &ast::ExprAttribute,
        scope: ScopeId,
    ) -> Vec<&'a ast::StmtFunctionDef> {
        let mut classes: Vec<&'a ast::StmtClassDef> = Vec::new();
        let bindings = match attribute.value.as_ref() {
            Expr::Name(receiver) => match self.lookup(receiver.id.as_str(), scope) {
                Lookup::Bound { bindings, .. } => bindings,
                _ => return Vec::new(),
            },
            // A new instance: `Worker().run()`.
            Expr::Call(call) => {
                if let Callee::Class(class) = self.callee(&call.func, scope) {
                    classes.push(class);
                }
                &[]
            }
            _ => return Vec::new(),
        };
        for &id in bindings {
            let binding = self.binding(id);
            match binding.kind {
                BindingKind::ClassDef(class) => classes.push(class),
                BindingKind::Assignment => {
                    let Some(stmt) = binding.stmt else { continue };
                    let mut values = Vec::new();
                    bound_values(stmt, binding.range, &mut values);
                    for (value, whole) in values {
                        let value = match value {
                            Expr::Await(awaited) => awaited.value.as_ref(),
                            other => other,
                        };
                        if whole
                            && let Expr::Call(call) = value
                            && let Callee::Class(class) =
                                self.callee(&call.func, self.scope_at(call.start()))
                        {
                            classes.push(class);
                        }
                    }
                }
                _ => {}
            }
        }
        let table = self.class_table();
        let mut found: Vec<&'a ast::StmtFunctionDef> = Vec::new();
        for class in classes {
            let Some(index) = table
                .classes
                .iter()
                .position(|e| std::ptr::eq(e.def, class))
            else {
                continue;
            };
            let (ancestors, _) = table.ancestors(index);
            for entry in std::iter::once(index)
                .chain(ancestors)
                .filter_map(|i| table.classes.get(i))
            {
                let defs = self
                    .bindings_in(entry.scope, attribute.attr.as_str())
                    .unwrap_or_default();
                for &id in defs {
                    if let BindingKind::FunctionDef(def) = self.binding(id).kind
                        && !found.iter().any(|known| std::ptr::eq(*known, def))
                    {
                        found.push(def);
                    }
                }
            }
        }
        found
    }

    /// Notes the state of its class that a method (`function`, directly
    /// in a class body) reads or writes through its first parameter, as a
    /// use of the class's name: through `cls` in a class method (`cls.n +=
    /// 1`, `cls.items.append(x)`, `setattr(cls, …)`), through `type(self)`
    /// or `self.__class__` in a plain method, and through `self.name` where
    /// `name` is bound in the body of the class or of a class of the module
    /// it derives from, other than by a `def` (`log = []`, then
    /// `self.log.append(x)`): every instance shares that object. Storing
    /// `self.name = …` itself gives the instance its own attribute: no
    /// write of the class.
    fn note_class_state(&self, function: ScopeId, found: &mut OuterUses<'a>) {
        let scope = self.scope(function);
        let Some(def) = scope.function() else {
            return;
        };
        let Some(class_scope) = scope.parent else {
            return;
        };
        let ScopeNode::Class(class) = self.scope(class_scope).node else {
            return;
        };
        let Some(class_owner) = self.scope(class_scope).parent else {
            return;
        };
        if self.has_decorator(def, function, &["staticmethod"]) {
            return;
        }
        let Some(first) = positional_parameters(&def.parameters).next() else {
            return;
        };
        let mut walker = ClassState {
            receiver: first.parameter.name.as_str(),
            of_class: self.has_decorator(def, function, &["classmethod"]),
            uses: Vec::new(),
        };
        walker.visit_body(&def.body);
        let table = self.class_table();
        // The classes the method's class derives from, nearest first.
        let lineage: Vec<(ScopeId, &'a ast::StmtClassDef)> = table
            .index_of(class_scope)
            .map(|index| {
                std::iter::once(index)
                    .chain(table.ancestors(index).0)
                    .filter_map(|i| table.classes.get(i))
                    .map(|entry| (entry.scope, entry.def))
                    .collect()
            })
            .unwrap_or_else(|| vec![(class_scope, class)]);
        for (name, through_class, writes) in walker.uses {
            let (owner, class) = if through_class {
                (class_owner, class)
            } else {
                let Some(name) = name else { continue };
                let binds = |scope: ScopeId| {
                    self.bindings_in(scope, name).is_some_and(|ids| {
                        ids.iter().any(|&id| {
                            !matches!(
                                self.binding(id).kind,
                                BindingKind::FunctionDef(_) | BindingKind::Annotation
                            )
                        })
                    })
                };
                let Some(&(scope, class)) = lineage.iter().find(|(scope, _)| binds(*scope)) else {
                    continue;
                };
                let Some(owner) = self.scope(scope).parent else {
                    continue;
                };
                (owner, class)
            };
            found.note(OuterUse {
                name: class.name.as_str(),
                owner,
                writes,
                definition: !writes,
            });
        }
    }

    /// Whether calls of the function `function` share state that no
    /// variable shows (see [`Self::outer_uses_of_function`] for what they
    /// do show), in its own code or in the functions of this module it
    /// calls ([`CALL_DEPTH`] calls deep; `true` past that): a parameter's
    /// default that a call may change (`seen=[]`, `counter=Counter()`,
    /// `ids=itertools.count()`: one object, made when the `def` ran, for
    /// every call that leaves the argument out), or the module's namespace
    /// reached by name (`globals()`, `vars()`, `eval`, `exec`).
    pub fn shares_hidden_state(&self, function: ScopeId) -> bool {
        let mut visited = vec![function];
        let mut frontier = vec![function];
        for depth in 0..=CALL_DEPTH {
            let mut next = Vec::new();
            for &current in &frontier {
                if self.has_changeable_default(current) || self.reaches_namespace_by_name(current) {
                    return true;
                }
                for called in self.module_functions_called_by(current) {
                    if visited.contains(&called) {
                        continue;
                    }
                    if depth == CALL_DEPTH || visited.len() >= MOST_FUNCTIONS {
                        return true;
                    }
                    visited.push(called);
                    next.push(called);
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        false
    }

    /// Whether a parameter of the function (or of one nested in it) has a
    /// default value a call may change.
    fn has_changeable_default(&self, function: ScopeId) -> bool {
        let own = self.scope(function);
        let changeable = |def: &ast::StmtFunctionDef| {
            def.parameters.iter_non_variadic_params().any(|p| {
                p.default
                    .as_deref()
                    .is_some_and(|d| self.value_holds(d, VALUE_DEPTH, Holds::Mutable))
            })
        };
        own.function().is_some_and(changeable)
            || self.scopes.iter().any(|scope| {
                scope
                    .function()
                    .is_some_and(|def| own.range.contains_range(def.range()) && changeable(def))
            })
    }

    /// Whether code in the function calls `globals`, `vars` (with no
    /// argument), `eval` or `exec`: variables reached by a string.
    fn reaches_namespace_by_name(&self, function: ScopeId) -> bool {
        let range = self.scope(function).range;
        self.calls.iter().any(|site| {
            let call = site.call;
            range.contains_range(call.range())
                && (["builtins.globals", "builtins.eval", "builtins.exec"]
                    .iter()
                    .any(|builtin| self.refers_to(&call.func, site.scope, builtin))
                    || (call.arguments.is_empty()
                        && self.refers_to(&call.func, site.scope, "builtins.vars")))
        })
    }

    /// The scopes of the functions of this module that code in `function`
    /// (its body and what is nested in it) calls.
    fn module_functions_called_by(&self, function: ScopeId) -> Vec<ScopeId> {
        let range = self.scope(function).range;
        let mut called = Vec::new();
        for site in &self.calls {
            if !range.contains_range(site.call.range()) {
                continue;
            }
            let mut runs = self.functions_a_call_may_run(&site.call.func, site.scope);
            // An object made from a class of the module runs its methods:
            // `__init__` and `__post_init__` at once, and `__enter__`,
            // property setters and other methods the language calls on
            // its own later, where no call names them (`with Slot():`,
            // `t.no = 1`).
            if let Callee::Class(class) = self.callee(&site.call.func, site.scope) {
                self.methods_of_class(class, site.scope, VALUE_DEPTH, &mut runs);
            }
            for scope in runs {
                if scope != function && !called.contains(&scope) {
                    called.push(scope);
                }
            }
        }
        called
    }

    /// The scopes of the methods `class` defines, and those of its bases
    /// that are classes of this module (`depth` classes up).
    fn methods_of_class(
        &self,
        class: &ruff_python_ast::StmtClassDef,
        scope: ScopeId,
        depth: usize,
        found: &mut Vec<ScopeId>,
    ) {
        for stmt in &class.body {
            if let ast::Stmt::FunctionDef(def) = stmt
                && let Some(method) = self.scope_of_function(def)
                && !found.contains(&method)
            {
                found.push(method);
            }
        }
        if depth == 0 {
            return;
        }
        for base in class.bases() {
            if let Callee::Class(base) = self.callee(base, scope)
                && !std::ptr::eq(base, class)
            {
                self.methods_of_class(base, scope, depth - 1, found);
            }
        }
    }

    /// Whether `name` of `owner` is bound only by `from … import name` of
    /// a name not spelled as classes are (`database`, not `Database`): an
    /// object of another module, or a function or module.
    fn is_imported_object(&self, name: &str, owner: ScopeId) -> bool {
        !name.starts_with(|c: char| c.is_ascii_uppercase())
            && self.bindings_in(owner, name).is_some_and(|bindings| {
                bindings.iter().all(|&id| {
                    matches!(
                        self.binding(id).kind,
                        BindingKind::Import { from: true, .. }
                    )
                })
            })
    }

    /// Whether every binding of `name` in `owner` is a `def`, a `class` or
    /// an import: a function, class or module, not a variable.
    fn holds_definitions_only(&self, name: &str, owner: ScopeId) -> bool {
        self.bindings_in(owner, name).is_some_and(|bindings| {
            bindings.iter().all(|&id| {
                matches!(
                    self.binding(id).kind,
                    BindingKind::FunctionDef(_)
                        | BindingKind::ClassDef(_)
                        | BindingKind::Import { .. }
                )
            })
        })
    }

    /// Whether the variable `name` of `owner` may hold an object that two
    /// functions using it would share: a parameter (of an enclosing
    /// function: any object), or a variable bound to the result of a call
    /// (`server = LineServer()`, `session = get_session()`, also through
    /// `await` and an alias) other than a function or class known to give
    /// a constant (`logging.getLogger`, `re.compile`, `int`), to an
    /// attribute, item or element of another object, or by `with … as`.
    /// Not a variable bound only to literals, to containers written out
    /// (`cache = {}`: a container, not an instance), by `def`, `class` or
    /// `import`.
    pub fn may_hold_shared_object(&self, name: &str, owner: ScopeId) -> bool {
        self.holds(name, owner, VALUE_DEPTH, Holds::SharedObject)
    }

    /// Whether the variable `name` of `owner` may hold something a call
    /// can change: anything but constants (literals of numbers, strings,
    /// bytes, `None`, tuples of those, results of functions in
    /// [`IMMUTABLE_RESULTS`]), functions, classes and modules.
    pub fn may_be_mutable(&self, name: &str, owner: ScopeId) -> bool {
        self.holds(name, owner, VALUE_DEPTH, Holds::Mutable)
    }

    fn holds(&self, name: &str, owner: ScopeId, depth: usize, what: Holds) -> bool {
        let Some(bindings) = self.bindings_in(owner, name) else {
            return false;
        };
        bindings.iter().any(|&id| {
            let binding = self.binding(id);
            match binding.kind {
                BindingKind::Parameter => true,
                BindingKind::Assignment => {
                    let mut values = Vec::new();
                    if let Some(stmt) = binding.stmt {
                        bound_values(stmt, binding.range, &mut values);
                    }
                    // A target this cannot read (a comprehension's, a
                    // pattern's): anything.
                    values.is_empty()
                        || values
                            .iter()
                            .any(|&(value, whole)| !whole || self.value_holds(value, depth, what))
                }
                // An object of another module, as far as this one shows.
                BindingKind::Import { from: true, .. } => self.is_imported_object(name, owner),
                BindingKind::FunctionDef(_)
                | BindingKind::ClassDef(_)
                | BindingKind::Import { .. }
                | BindingKind::Annotation
                | BindingKind::Deletion => false,
                BindingKind::Except => what == Holds::Mutable,
            }
        })
    }

    fn value_holds(&self, value: &Expr, depth: usize, what: Holds) -> bool {
        match value {
            Expr::Await(awaited) => self.value_holds(&awaited.value, depth, what),
            Expr::Named(named) => self.value_holds(&named.value, depth, what),
            Expr::If(if_) => {
                self.value_holds(&if_.body, depth, what)
                    || self.value_holds(&if_.orelse, depth, what)
            }
            Expr::Call(call) => !self.gives_a_constant(call),
            Expr::Name(name) => {
                let scope = self.scope_at(name.range.start());
                match self.owner_scope(name.id.as_str(), scope) {
                    Some(owner) if depth > 0 => {
                        self.holds(name.id.as_str(), owner, depth - 1, what)
                    }
                    Some(_) => true,
                    None => false,
                }
            }
            Expr::Attribute(_) | Expr::Subscript(_) | Expr::Starred(_) => true,
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::FString(_)
            | Expr::Lambda(_) => false,
            Expr::Tuple(tuple) => tuple.elts.iter().any(|e| self.value_holds(e, depth, what)),
            // A container written out holds what its elements hold
            // (`pool = [Conn()]`), and is itself mutable.
            Expr::List(ast::ExprList { elts, .. }) | Expr::Set(ast::ExprSet { elts, .. }) => {
                what == Holds::Mutable || elts.iter().any(|e| self.value_holds(e, depth, what))
            }
            Expr::Dict(dict) => {
                what == Holds::Mutable
                    || dict.iter().any(|item| {
                        item.key
                            .as_ref()
                            .is_some_and(|k| self.value_holds(k, depth, what))
                            || self.value_holds(&item.value, depth, what)
                    })
            }
            Expr::UnaryOp(op) => self.value_holds(&op.operand, depth, what),
            Expr::BinOp(op) => {
                self.value_holds(&op.left, depth, what) || self.value_holds(&op.right, depth, what)
            }
            // Containers written out and anything else: mutable, but no
            // object shared beyond what they hold.
            _ => what == Holds::Mutable,
        }
    }

    /// Whether `call` surely gives a constant: a function or class of
    /// [`IMMUTABLE_RESULTS`], or a method of a string or bytes literal
    /// (`", ".join(parts)`).
    pub fn gives_a_constant(&self, call: &ExprCall) -> bool {
        if let Expr::Attribute(attribute) = call.func.as_ref()
            && matches!(
                attribute.value.as_ref(),
                Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::FString(_)
            )
        {
            return true;
        }
        let scope = self.scope_at(call.start());
        IMMUTABLE_RESULTS
            .iter()
            .any(|qualified| self.refers_to(&call.func, scope, qualified))
    }
}

/// The names a function's code stores into (the root of an attribute or
/// subscript target of an assignment or `del`: `settings` in
/// `settings.debug = True`) and the names it calls a method of
/// (`database` in `database.fetch()`), by the ranges of those reads.
#[derive(Default)]
struct StoresAndReceivers {
    stored: FxHashSet<TextRange>,
    receivers: FxHashSet<TextRange>,
}

impl StoresAndReceivers {
    fn stored(&mut self, target: &Expr) {
        match target {
            Expr::Tuple(tuple) => tuple.elts.iter().for_each(|e| self.stored(e)),
            Expr::List(list) => list.elts.iter().for_each(|e| self.stored(e)),
            Expr::Starred(starred) => self.stored(&starred.value),
            Expr::Attribute(_) | Expr::Subscript(_) => {
                let mut root = target;
                while let Expr::Attribute(ast::ExprAttribute { value, .. })
                | Expr::Subscript(ast::ExprSubscript { value, .. }) = root
                {
                    root = value;
                }
                if let Expr::Name(name) = root {
                    self.stored.insert(name.range);
                }
            }
            _ => {}
        }
    }
}

impl<'b> Visitor<'b> for StoresAndReceivers {
    fn visit_stmt(&mut self, stmt: &'b ast::Stmt) {
        match stmt {
            ast::Stmt::Assign(assign) => assign.targets.iter().for_each(|t| self.stored(t)),
            ast::Stmt::AugAssign(assign) => self.stored(&assign.target),
            ast::Stmt::AnnAssign(assign) => self.stored(&assign.target),
            ast::Stmt::Delete(delete) => delete.targets.iter().for_each(|t| self.stored(t)),
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        if let Expr::Call(call) = expr
            && let Expr::Attribute(attribute) = call.func.as_ref()
        {
            if let Expr::Name(name) = attribute.value.as_ref() {
                self.receivers.insert(name.range);
            }
            // A method that changes what it is called on (`seen.append(x)`,
            // `Node.log.append(x)`) stores into the object behind the name.
            if MUTATORS.contains(&attribute.attr.as_str()) {
                let mut root = attribute.value.as_ref();
                while let Expr::Attribute(ast::ExprAttribute { value, .. })
                | Expr::Subscript(ast::ExprSubscript { value, .. }) = root
                {
                    root = value;
                }
                if let Expr::Name(name) = root {
                    self.stored.insert(name.range);
                }
            }
        }
        visitor::walk_expr(self, expr);
    }
}

/// What a method reaches of its class through its first parameter
/// `receiver`: `(attribute, through the class, written)` for each `cls.x`,
/// `type(self).x`, `self.__class__.x` (through the class) and `self.x`
/// (maybe the class's), read or written; `None` for an attribute set by
/// `setattr` or removed by `delattr`. See [`SemanticModel::note_class_state`].
struct ClassState<'b> {
    receiver: &'b str,
    /// The method is a class method: `receiver` is the class.
    of_class: bool,
    uses: Vec<(Option<&'b str>, bool, bool)>,
}

impl<'b> ClassState<'b> {
    fn is_receiver(&self, expr: &Expr) -> bool {
        matches!(expr, Expr::Name(name) if name.id.as_str() == self.receiver)
    }

    /// Whether `expr` is the method's class: `cls`, `type(self)`, `self.__class__`.
    fn is_class(&self, expr: &Expr) -> bool {
        if self.of_class {
            return self.is_receiver(expr);
        }
        match expr {
            Expr::Call(call) => {
                matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "type")
                    && call.arguments.keywords.is_empty()
                    && matches!(&*call.arguments.args, [only] if self.is_receiver(only))
            }
            Expr::Attribute(attribute) => {
                attribute.attr.as_str() == "__class__" && self.is_receiver(&attribute.value)
            }
            _ => false,
        }
    }

    /// Notes the attributes of the class or instance that storing into
    /// `target` (`whole`: as an assignment's target, not a call's
    /// receiver) writes: an attribute of the class itself, or any
    /// attribute the store goes through (`self.log[k] = v`).
    fn written(&mut self, target: &'b Expr, whole: bool) {
        let mut current = target;
        let mut outermost = whole;
        loop {
            match current {
                Expr::Attribute(attribute) => {
                    let through_class = self.is_class(&attribute.value);
                    if through_class
                        || (!self.of_class && !outermost && self.is_receiver(&attribute.value))
                    {
                        self.uses
                            .push((Some(attribute.attr.as_str()), through_class, true));
                    }
                    current = &attribute.value;
                }
                Expr::Subscript(subscript) => current = &subscript.value,
                _ => return,
            }
            outermost = false;
        }
    }

    fn targets(&mut self, target: &'b Expr) {
        match target {
            Expr::Tuple(tuple) => tuple.elts.iter().for_each(|e| self.targets(e)),
            Expr::List(list) => list.elts.iter().for_each(|e| self.targets(e)),
            Expr::Starred(starred) => self.targets(&starred.value),
            _ => self.written(target, true),
        }
    }
}

impl<'b> Visitor<'b> for ClassState<'b> {
    fn visit_stmt(&mut self, stmt: &'b ast::Stmt) {
        match stmt {
            ast::Stmt::Assign(assign) => assign.targets.iter().for_each(|t| self.targets(t)),
            ast::Stmt::AugAssign(assign) => self.targets(&assign.target),
            ast::Stmt::AnnAssign(assign) => self.targets(&assign.target),
            ast::Stmt::Delete(delete) => delete.targets.iter().for_each(|t| self.targets(t)),
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Call(call) => {
                if let Expr::Attribute(attribute) = call.func.as_ref()
                    && MUTATORS.contains(&attribute.attr.as_str())
                {
                    self.written(&attribute.value, false);
                }
                if let Expr::Name(name) = call.func.as_ref()
                    && matches!(name.id.as_str(), "setattr" | "delattr")
                    && call
                        .arguments
                        .args
                        .first()
                        .is_some_and(|o| self.is_class(o))
                {
                    self.uses.push((None, true, true));
                }
            }
            Expr::Attribute(attribute) => {
                let through_class = self.is_class(&attribute.value);
                if through_class || (!self.of_class && self.is_receiver(&attribute.value)) {
                    self.uses
                        .push((Some(attribute.attr.as_str()), through_class, false));
                }
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    SharedObject,
    Mutable,
}

#[cfg(test)]
mod tests {
    use crate::semantic::scope::MODULE_SCOPE;
    use crate::test_support::with_context;

    /// `(name, owned by the module, writes)` for each outer variable the
    /// module-level function `name` uses, and whether the answer is complete.
    fn uses(source: &str, name: &str) -> (Vec<(String, bool, bool)>, bool) {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let def = semantic
                .scopes
                .iter()
                .filter_map(|s| s.function())
                .find(|d| d.name.as_str() == name)
                .expect("the function");
            let scope = semantic.scope_of_function(def).expect("its scope");
            let found = semantic.outer_uses_of_function(scope);
            // Functions, classes and modules only read are left out.
            let list = found
                .uses
                .iter()
                .filter(|u| !u.definition)
                .map(|u| (u.name.to_string(), u.owner == MODULE_SCOPE, u.writes))
                .collect();
            (list, found.complete)
        })
    }

    /// [`SemanticModel::shares_hidden_state`] of the module-level function `name`.
    fn hidden(source: &str, name: &str) -> bool {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let def = semantic
                .scopes
                .iter()
                .filter_map(|s| s.function())
                .find(|d| d.name.as_str() == name)
                .expect("the function");
            let scope = semantic.scope_of_function(def).expect("its scope");
            semantic.shares_hidden_state(scope)
        })
    }

    #[test]
    fn state_no_variable_shows() {
        let source = "import itertools\nLIMIT = 3\ndef plain(x, n=LIMIT, s='a', t=(1, None)):\n    return x\nasync def seen(x, _seen=[]):\n    _seen.append(x)\ndef next_id(c=itertools.count(1)):\n    return next(c)\nasync def via_helper(x):\n    return next_id()\nasync def by_name(x):\n    globals()['n'] += 1\nasync def by_vars(x):\n    return vars(x)\nasync def calls_plain(x):\n    return plain(x)\nasync def nested(x):\n    def inner(y, acc={}):\n        return acc\n    return inner(x)\n";
        assert!(!hidden(source, "plain"));
        assert!(hidden(source, "seen"), "a list default");
        assert!(hidden(source, "next_id"), "a counter default");
        assert!(hidden(source, "via_helper"), "a helper's default");
        assert!(hidden(source, "by_name"), "globals()");
        assert!(!hidden(source, "by_vars"), "vars of an object");
        assert!(!hidden(source, "calls_plain"));
        assert!(hidden(source, "nested"), "a nested function's default");
    }

    fn entry(name: &str, module: bool, writes: bool) -> (String, bool, bool) {
        (name.to_string(), module, writes)
    }

    #[test]
    fn globals_and_nonlocals_a_function_rebinds() {
        let source = "next_id = 1\nasync def reserve():\n    global next_id\n    next_id += 1\n";
        assert_eq!(uses(source, "reserve").0, [entry("next_id", true, true)]);
        let source = "async def main():\n    token = 'a'\n    async def login():\n        nonlocal token\n        token = 'b'\n    return login\n";
        assert_eq!(uses(source, "login").0, [entry("token", false, true)]);
        // A global the function rebinds without reading it first.
        let source = "async def q(): pass\nfetch = q\nasync def configure():\n    global fetch\n    fetch = other\n";
        assert_eq!(uses(source, "configure").0, [entry("fetch", true, true)]);
    }

    #[test]
    fn reads_through_defaults_closures_and_called_functions() {
        let source =
            "WIRE = Wire()\nasync def get(uid, wire=WIRE):\n    return await wire.call(uid)\n";
        assert_eq!(uses(source, "get").0, [entry("WIRE", true, false)]);
        let source = "async def main():\n    conn = Conn()\n    async def users():\n        return await conn.fetch('u')\n    return users\n";
        assert_eq!(uses(source, "users").0, [entry("conn", false, false)]);
        let source = "count = 0\ndef bump():\n    global count\n    count += 1\nasync def outer():\n    bump()\n";
        assert_eq!(uses(source, "outer").0, [entry("count", true, true)]);
    }

    #[test]
    fn own_variables_definitions_and_imports_are_no_outer_variables() {
        let source = "import os\nclass C: pass\ndef helper(): pass\nasync def f(x):\n    y = x\n    def inner():\n        nonlocal y\n        y = 2\n    inner()\n    return C(), helper(), os.sep, [z for z in y]\n";
        assert_eq!(uses(source, "f"), (vec![], true));
    }

    #[test]
    fn stores_into_definitions_and_methods_of_imported_objects() {
        let source = "import settings\nclass Counter: value = 0\nasync def configure():\n    settings.debug = True\n    Counter.value += 1\n";
        assert_eq!(
            uses(source, "configure").0,
            [entry("settings", true, true), entry("Counter", true, true)]
        );
        let source = "from app import database, parse, Model\nasync def get(i):\n    return await database.fetch(parse(i)) + Model.get(i)\n";
        assert_eq!(uses(source, "get").0, [entry("database", true, false)]);
    }

    #[test]
    fn methods_that_change_what_they_are_called_on_write() {
        let source = "seen = []\nclass Node:\n    log = []\nasync def f():\n    seen.append(1)\n    Node.log.append(2)\n    return seen.copy()\n";
        assert_eq!(
            uses(source, "f").0,
            [entry("seen", true, true), entry("Node", true, true)]
        );
    }

    #[test]
    fn class_state_through_cls_self_and_type_of_self() {
        let source = "class Base:\n    shared = []\nclass Stats(Base):\n    n = 0\n    log = []\n    def helper(self): pass\n    @classmethod\n    def bump(cls):\n        cls.n += 1\n    @classmethod\n    def mark(cls):\n        setattr(cls, 'n', 0)\n    def append(self, x):\n        self.log.append(x)\n    def own(self, x):\n        self.n = x\n        self.log = [x]\n        self.helper()\n    def item(self, x):\n        self.log[0] = x\n    def by_type(self):\n        type(self).n += 1\n    def by_dunder(self):\n        self.__class__.log.clear()\n    def inherited(self, x):\n        self.shared.append(x)\n    @staticmethod\n    def plain(cls):\n        cls.n += 1\n";
        for name in ["bump", "mark", "append", "item", "by_type", "by_dunder"] {
            assert_eq!(uses(source, name).0, [entry("Stats", true, true)], "{name}");
        }
        assert_eq!(uses(source, "inherited").0, [entry("Base", true, true)]);
        // The instance's own attributes, and a static method's parameter.
        assert_eq!(uses(source, "own").0, []);
        assert_eq!(uses(source, "plain").0, []);
    }

    #[test]
    fn methods_called_on_classes_and_instances_of_the_module() {
        let source = "class Stats:\n    n = 0\n    @classmethod\n    def bump(cls):\n        cls.n += 1\nclass Node:\n    log = []\n    async def run(self, x):\n        self.log.append(x)\nasync def by_class():\n    Stats.bump()\nasync def by_instance():\n    a = Node()\n    await a.run(1)\nasync def by_new_instance():\n    await Node().run(1)\nasync def unknown(node):\n    await node.run(1)\n";
        assert_eq!(uses(source, "by_class").0, [entry("Stats", true, true)]);
        assert_eq!(uses(source, "by_instance").0, [entry("Node", true, true)]);
        assert_eq!(
            uses(source, "by_new_instance").0,
            [entry("Node", true, true)]
        );
        assert_eq!(uses(source, "unknown").0, []);
    }

    #[test]
    fn calls_too_deep_make_the_answer_incomplete() {
        let source = "def d():\n    pass\ndef c():\n    d()\ndef b():\n    c()\ndef a():\n    b()\nasync def top():\n    a()\n";
        assert!(!uses(source, "top").1);
        let source =
            "def c():\n    pass\ndef b():\n    c()\ndef a():\n    b()\nasync def top():\n    a()\n";
        assert!(uses(source, "top").1);
    }

    #[test]
    fn what_a_variable_holds() {
        let source = "import logging, re, asyncio\nserver = LineServer()\nlog = logging.getLogger(__name__)\nPATTERN = re.compile('x')\nLIMIT = 3\nNAMES = ('a', 'b')\ncache = {}\npool = [Conn()]\nby_name = {'a': server}\nalias = server\nclass Conn: pass\nasync def main(param):\n    conn = Conn()\n    for item in param:\n        pass\n    lock = asyncio.Lock()\n";
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let main = semantic
                .scopes
                .iter()
                .position(|s| s.function().is_some_and(|d| d.name.as_str() == "main"))
                .expect("main") as u32;
            let shared = |name: &str, owner| semantic.may_hold_shared_object(name, owner);
            let mutable = |name: &str, owner| semantic.may_be_mutable(name, owner);
            for name in ["server", "alias"] {
                assert!(
                    shared(name, MODULE_SCOPE) && mutable(name, MODULE_SCOPE),
                    "{name}"
                );
            }
            for name in ["conn", "param", "item", "lock"] {
                assert!(shared(name, main), "{name}");
            }
            for name in ["log", "PATTERN", "LIMIT", "NAMES", "Conn", "re"] {
                assert!(!shared(name, MODULE_SCOPE), "{name}");
            }
            for name in ["log", "PATTERN", "LIMIT", "NAMES", "Conn"] {
                assert!(!mutable(name, MODULE_SCOPE), "{name}");
            }
            assert!(!shared("cache", MODULE_SCOPE) && mutable("cache", MODULE_SCOPE));
            assert!(shared("pool", MODULE_SCOPE) && shared("by_name", MODULE_SCOPE));
        });
    }
}
