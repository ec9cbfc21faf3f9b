//! How a module reaches the methods of classes other than through their
//! instances (`Base.run(obj)`, `partial(Base.run, obj)`, `run =
//! Base.run`, `Base.run.__get__(obj)`, `dict(Base.__dict__)`), where it
//! writes attributes only on the instances of its own classes (`self.flush
//! = …` in a method), and whether it may make classes at run time (`exec`,
//! `compile`, `type(name, bases, ns)`, a partial of `type`): what another
//! module asks of it when a method's `self` must be an instance of its
//! class (see the project index's summaries).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ExprAttribute, ExprCall, ExprContext, Stmt, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::{FxHashMap, FxHashSet};

use super::functions::positional_parameters;
use super::imports::Lookup;
use super::scope::{MODULE_SCOPE, ScopeNode};
use super::{BindingKind, ScopeId, SemanticModel};

/// A read of an attribute off what may be a class (see
/// [`SemanticModel::class_member_reads`]).
#[derive(Debug)]
pub struct MemberRead<'a> {
    /// The receiver: a name the module binds at its top level by an
    /// import or a class statement, or an attribute chain on one
    /// (`Base`, `models.Base`).
    pub receiver: &'a Expr,
    /// The attribute (`run`); `__dict__` for the class's namespace
    /// (`Base.__dict__`, `vars(Base)`); `*` for any attribute
    /// (`getattr(Base, name)`).
    pub member: &'a str,
    /// The receiver may be any class: the read goes through an object's
    /// class or a function's method (`type(obj).run(duck)`,
    /// `obj.__class__.run`, `Base().run.__func__`,
    /// `import_module("app.base").Base.run`, `operator.attrgetter("run")`,
    /// `operator.methodcaller("run", duck)`).
    pub anywhere: bool,
    /// Called with the first parameter of a method of a module-level
    /// class as its first argument (`Base.run(self)` in a method of
    /// `Sub`): that class's name. Such a call runs the method on an
    /// instance of that class.
    pub own_instance_of: Option<&'a str>,
    pub range: TextRange,
}

/// What [`SemanticModel::class_members`] finds.
#[derive(Debug, Default)]
pub struct ClassMembers<'a> {
    pub reads: Vec<MemberRead<'a>>,
    /// Where the module may make a class at run time: `exec` or `compile`
    /// of source that may define one, `type` with three arguments,
    /// `types.new_class`, `dataclasses.make_dataclass`, a partial of
    /// `type` (`partial(type, "Sub", (Base,))`).
    pub makes_classes: Option<TextRange>,
    /// Attribute names the module writes only on the first parameter of
    /// plain methods of its module-level classes (`self.flush = …`), with
    /// those classes' names: such writes reach the instances of those
    /// classes alone (and of classes deriving from them).
    pub placed_writes: FxHashMap<&'a str, Vec<&'a str>>,
    /// Attribute names the module writes on a class it imports, named by
    /// an attribute chain from an import (`pool.Pool.__aexit__ = f`,
    /// `Conn.close = f` after `from app.conn import Conn`), with the
    /// qualified names those chains have (as the imports are written):
    /// placed like [`Self::placed_writes`] once the project resolves them
    /// to classes. A name also written otherwise is in neither.
    pub placed_on_imports: FxHashMap<&'a str, Vec<String>>,
    /// The module may write attributes by a name spelled in a string
    /// (`setattr(obj, "flush", f)`, `patch.object(svc, "flush", f)`,
    /// `vars(obj)["flush"] = f`, `obj.__dict__`, `__setattr__`): no
    /// attribute target shows such a write.
    pub writes_by_string: bool,
}

impl<'a> SemanticModel<'a> {
    /// How the module reaches methods of classes other than through their
    /// instances, writes attributes on its own classes' instances, and
    /// makes classes at run time (see [`ClassMembers`]). One walk of the
    /// module.
    pub fn class_members(&self) -> ClassMembers<'a> {
        let mut walk = MemberWalk {
            semantic: self,
            found: ClassMembers::default(),
            unplaced: FxHashSet::default(),
        };
        walk.visit_body(&self.module.body);
        let MemberWalk {
            mut found,
            unplaced,
            ..
        } = walk;
        found
            .placed_writes
            .retain(|name, _| !unplaced.contains(name));
        found
            .placed_on_imports
            .retain(|name, _| !unplaced.contains(name));
        found
    }

    /// The module-level class whose plain method `scope` is (or is in, as
    /// a nested lambda or comprehension is not), with the method, when
    /// `name` is the method's first parameter and bound nowhere else in
    /// it.
    fn method_receiving(
        &self,
        name: &str,
        scope: ScopeId,
    ) -> Option<(&'a str, &'a StmtFunctionDef)> {
        let Lookup::Bound {
            scope: owner,
            bindings: [only],
        } = self.lookup(name, scope)
        else {
            return None;
        };
        if !matches!(self.binding(*only).kind, BindingKind::Parameter) || owner != scope {
            return None;
        }
        let function = self.scope(owner);
        let def = function.function()?;
        let class_scope = function.parent?;
        let ScopeNode::Class(class) = self.scope(class_scope).node else {
            return None;
        };
        if self.scope(class_scope).parent != Some(MODULE_SCOPE)
            || self.has_decorator(def, owner, &["staticmethod", "classmethod"])
        {
            return None;
        }
        let first = positional_parameters(&def.parameters).next()?;
        (first.parameter.name.as_str() == name).then_some((class.name.as_str(), def))
    }

    /// The module-level class `name` (read in `scope`) names, when the
    /// name's only binding is that class statement.
    fn own_class_named(&self, name: &str, scope: ScopeId) -> Option<&'a str> {
        let Lookup::Bound {
            scope: MODULE_SCOPE,
            bindings: [only],
        } = self.lookup(name, scope)
        else {
            return None;
        };
        match self.binding(*only).kind {
            BindingKind::ClassDef(class) => Some(class.name.as_str()),
            _ => None,
        }
    }

    /// Whether `expr` (a name or an attribute chain) starts from a name
    /// bound at the module's top level by an import or a class statement,
    /// and is not a module's own member read (`store.save` of `import
    /// store`): what may be a class of the project.
    fn may_be_class(&self, expr: &Expr, scope: ScopeId) -> bool {
        let mut head = expr;
        let mut depth = 0;
        while let Expr::Attribute(attribute) = head {
            head = &attribute.value;
            depth += 1;
        }
        let Expr::Name(root) = head else {
            return false;
        };
        let Lookup::Bound {
            scope: MODULE_SCOPE,
            bindings,
        } = self.lookup(root.id.as_str(), scope)
        else {
            return false;
        };
        bindings.iter().all(|&id| match self.binding(id).kind {
            BindingKind::ClassDef(_) => true,
            BindingKind::Import { from, .. } => from || depth > 0,
            // An alias of a class (`Backend = store.Store`).
            BindingKind::Assignment => true,
            _ => false,
        })
    }
}

struct MemberWalk<'m, 'a> {
    semantic: &'m SemanticModel<'a>,
    found: ClassMembers<'a>,
    /// Attribute names written some other way than on a method's first
    /// parameter, or spelled in a string (`setattr(obj, "flush", f)`,
    /// `patch.object(C, "flush")`, `vars(obj)["flush"] = f`).
    unplaced: FxHashSet<&'a str>,
}

impl<'a> MemberWalk<'_, 'a> {
    fn record(
        &mut self,
        receiver: &'a Expr,
        member: &'a str,
        own: Option<&'a str>,
        range: TextRange,
    ) {
        if member.starts_with("__") && member != "__dict__" {
            return;
        }
        let scope = self.semantic.scope_at(range.start());
        let anywhere = self.through_any_class(receiver, scope);
        if !anywhere && !self.semantic.may_be_class(receiver, scope) {
            return;
        }
        self.found.reads.push(MemberRead {
            receiver,
            member,
            own_instance_of: own,
            anywhere,
            range,
        });
    }

    /// A read of `member` off what may be any class (see
    /// [`MemberRead::anywhere`]).
    fn record_anywhere(&mut self, receiver: &'a Expr, member: &'a str, range: TextRange) {
        if member.starts_with("__") {
            return;
        }
        self.found.reads.push(MemberRead {
            receiver,
            member,
            own_instance_of: None,
            anywhere: true,
            range,
        });
    }

    /// Whether `receiver` is an object's class (`type(obj)`,
    /// `obj.__class__`) or a chain from a module imported at run time
    /// (`importlib.import_module("app.base").Base`): it may be any class.
    fn through_any_class(&self, receiver: &'a Expr, scope: ScopeId) -> bool {
        if let Expr::Attribute(attribute) = receiver
            && attribute.attr.as_str() == "__class__"
        {
            return true;
        }
        let mut head = receiver;
        while let Expr::Attribute(attribute) = head {
            head = &attribute.value;
        }
        let Expr::Call(call) = head else {
            return false;
        };
        self.semantic
            .qualified_name(&call.func, scope)
            .is_some_and(|q| {
                (q.is("builtins.type") && std::ptr::eq(head, receiver))
                    || q.is("importlib.import_module")
                    || q.is("builtins.__import__")
            })
    }

    /// The object whose class `receiver` is (`obj` of `type(obj)` or
    /// `obj.__class__`), when a name.
    fn class_of_name(&self, receiver: &'a Expr) -> Option<&'a str> {
        let object = match receiver {
            Expr::Attribute(attribute) if attribute.attr.as_str() == "__class__" => {
                attribute.value.as_ref()
            }
            Expr::Call(call) => match &*call.arguments.args {
                [only] if call.arguments.keywords.is_empty() => only,
                _ => return None,
            },
            _ => return None,
        };
        match object {
            Expr::Name(name) => Some(name.id.as_str()),
            _ => None,
        }
    }

    fn makes_classes(&mut self, range: TextRange) {
        self.found.makes_classes.get_or_insert(range);
    }

    fn write(&mut self, attribute: &'a ExprAttribute) {
        let name = attribute.attr.as_str();
        if let Expr::Name(receiver) = attribute.value.as_ref() {
            let scope = self.semantic.scope_at(attribute.start());
            // `self.flush = …` in a method, or `Other.flush = …` on a
            // module-level class bound by its statement alone: the
            // instances of that class (and of its subclasses).
            let class = self
                .semantic
                .method_receiving(receiver.id.as_str(), scope)
                .map(|(class, _)| class)
                .or_else(|| self.semantic.own_class_named(receiver.id.as_str(), scope));
            if let Some(class) = class {
                let classes = self.found.placed_writes.entry(name).or_default();
                if !classes.contains(&class) {
                    classes.push(class);
                }
                return;
            }
        }
        if let Some(imported) = self.imported_chain(attribute.value.as_ref()) {
            let classes = self.found.placed_on_imports.entry(name).or_default();
            if !classes.contains(&imported) {
                classes.push(imported);
            }
            return;
        }
        self.unplaced.insert(name);
    }

    /// The qualified name of `receiver`, a name or attribute chain whose
    /// first name the module binds by imports alone (`pool.Pool`, `Conn`
    /// after `from app.conn import Conn`); not a builtin.
    fn imported_chain(&self, receiver: &Expr) -> Option<String> {
        let mut head = receiver;
        while let Expr::Attribute(attribute) = head {
            head = &attribute.value;
        }
        let Expr::Name(root) = head else {
            return None;
        };
        let mut bindings = self.semantic.bindings_named(root.id.as_str()).peekable();
        bindings.peek()?;
        if !bindings.all(|(_, binding)| binding.kind.import_path().is_some()) {
            return None;
        }
        let scope = self.semantic.scope_at(receiver.start());
        let qualified = self.semantic.qualified_name(receiver, scope)?;
        let qualified = qualified.as_str();
        (!qualified.starts_with("builtins.")).then(|| qualified.to_string())
    }

    fn call(&mut self, call: &'a ExprCall) {
        let scope = self.semantic.scope_at(call.start());
        let qualified = self.semantic.qualified_name(&call.func, scope);
        let args = &call.arguments.args;
        if qualified.as_ref().is_some_and(|q| {
            matches!(
                q.as_str(),
                "builtins.setattr" | "builtins.delattr" | "builtins.vars"
            ) || q.as_str().starts_with("unittest.mock.patch")
                || q.as_str().starts_with("mock.patch")
        }) || matches!(call.func.as_ref(), Expr::Attribute(a) if matches!(a.attr.as_str(), "__setattr__" | "__delattr__" | "object" | "multiple"))
        {
            self.found.writes_by_string = true;
        }
        match qualified.as_ref().map(|q| q.as_str()) {
            Some("builtins.exec" | "builtins.compile") => {
                // Literal source that cannot define a class makes none.
                let literal_without_class = match args.first() {
                    Some(Expr::StringLiteral(source)) => !source.value.to_str().contains("class"),
                    _ => false,
                };
                if !literal_without_class {
                    self.makes_classes(call.range());
                }
            }
            Some("builtins.type") if args.len() >= 3 || !call.arguments.keywords.is_empty() => {
                self.makes_classes(call.range());
            }
            Some("types.new_class" | "dataclasses.make_dataclass") => {
                self.makes_classes(call.range());
            }
            Some("builtins.vars") => {
                if let [receiver] = &**args {
                    self.record(receiver, "__dict__", None, call.range());
                }
            }
            Some("builtins.getattr" | "inspect.getattr_static") => match &**args {
                [receiver, Expr::StringLiteral(name), ..] => {
                    self.record(receiver, name.value.to_str(), None, call.range());
                }
                // A name the module computes may be any member's.
                [receiver, _, ..] => self.record(receiver, "*", None, call.range()),
                _ => {}
            },
            Some("operator.attrgetter") => {
                for name in args {
                    if let Expr::StringLiteral(name) = name {
                        let text = name.value.to_str();
                        let last = text.rsplit('.').next().unwrap_or(text);
                        self.record_anywhere(&call.func, last, call.range());
                    }
                }
            }
            Some("operator.methodcaller") => {
                if let Some(Expr::StringLiteral(name)) = args.first() {
                    self.record_anywhere(&call.func, name.value.to_str(), call.range());
                }
            }
            _ => {}
        }
        // A partial of `type` (`partial(type, "Sub", (Base,))`) makes
        // classes when called.
        if qualified
            .as_ref()
            .is_some_and(|q| q.is("functools.partial") || q.is("functools.partialmethod"))
            && args.first().is_some_and(|first| {
                self.semantic
                    .qualified_name(first, scope)
                    .is_some_and(|q| q.is("builtins.type"))
            })
        {
            self.makes_classes(call.range());
        }
    }
}

impl<'a> Visitor<'a> for MemberWalk<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        // A class body's annotated name (`flush: Callable`) is an instance
        // attribute of that class's (a dataclass field): not placed.
        if let Stmt::AnnAssign(assign) = stmt
            && let Expr::Name(name) = assign.target.as_ref()
        {
            self.unplaced.insert(name.id.as_str());
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Call(call) => {
                self.call(call);
                if let Expr::Attribute(method) = call.func.as_ref()
                    && method.ctx == ExprContext::Load
                {
                    // `Base.run(obj)`: the method run on `obj`; `Base.run()`
                    // passes no object, and `Base.run(self)` in a method
                    // the instance that method has.
                    let first = call.arguments.args.first();
                    let passes = first.is_some() || !call.arguments.keywords.is_empty();
                    // `type(obj).run(obj)` runs the method of the object's
                    // own class on it.
                    let on_its_own_class = match (first, self.class_of_name(&method.value)) {
                        (Some(Expr::Name(first)), Some(object)) => first.id.as_str() == object,
                        _ => false,
                    };
                    if method.attr.as_str() == "__func__"
                        && let Expr::Attribute(function) = method.value.as_ref()
                    {
                        self.record_anywhere(&function.value, function.attr.as_str(), call.range());
                    }
                    if passes && !on_its_own_class {
                        let scope = self.semantic.scope_at(call.start());
                        let own = match first {
                            Some(Expr::Name(first)) => self
                                .semantic
                                .method_receiving(first.id.as_str(), scope)
                                .map(|(class, _)| class),
                            _ => None,
                        };
                        self.record(&method.value, method.attr.as_str(), own, call.range());
                    }
                    self.visit_expr(&method.value);
                    for argument in &*call.arguments.args {
                        self.visit_expr(argument);
                    }
                    for keyword in &*call.arguments.keywords {
                        self.visit_expr(&keyword.value);
                    }
                    return;
                }
            }
            Expr::Attribute(attribute) => match attribute.ctx {
                // `Base().run.__func__`, `obj.run.__func__`: the function
                // itself, which may run on any object.
                ExprContext::Load if attribute.attr.as_str() == "__func__" => {
                    if let Expr::Attribute(method) = attribute.value.as_ref() {
                        self.record_anywhere(&method.value, method.attr.as_str(), attribute.range);
                    }
                }
                ExprContext::Load => {
                    if attribute.attr.as_str() == "__dict__" {
                        self.found.writes_by_string = true;
                    }
                    self.record(
                        &attribute.value,
                        attribute.attr.as_str(),
                        None,
                        attribute.range,
                    );
                }
                ExprContext::Store | ExprContext::Del => self.write(attribute),
                _ => {}
            },
            Expr::StringLiteral(string) => {
                let text = string.value.to_str();
                if !text.is_empty()
                    && text.len() < 80
                    && text
                        .bytes()
                        .all(|b| b == b'_' || b == b'.' || b.is_ascii_alphanumeric())
                {
                    // `"flush"`, and the last part of `"app.Svc.flush"`.
                    if let Some(last) = text.rsplit('.').next() {
                        self.unplaced.insert(last);
                    }
                }
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use crate::semantic::SemanticModel;

    /// Each read as `receiver.member` (with `@Class` for a call on a
    /// method's own instance), whether the module may make classes, and
    /// the placed writes as `name@Class`.
    fn members(source: &str) -> (Vec<String>, bool, Vec<String>) {
        let parsed = ruff_python_parser::parse_module(source).expect("parses");
        let model = SemanticModel::build(parsed.syntax());
        let found = model.class_members();
        let reads = found
            .reads
            .iter()
            .map(|read| {
                let receiver = &source[ruff_text_size::Ranged::range(read.receiver)];
                let receiver = if read.anywhere {
                    format!("*{receiver}")
                } else {
                    receiver.to_string()
                };
                match read.own_instance_of {
                    Some(class) => format!("{receiver}.{}@{class}", read.member),
                    None => format!("{receiver}.{}", read.member),
                }
            })
            .collect();
        let mut placed: Vec<String> = found
            .placed_writes
            .iter()
            .flat_map(|(name, classes)| classes.iter().map(move |class| format!("{name}@{class}")))
            .collect();
        placed.sort();
        (reads, found.makes_classes.is_some(), placed)
    }

    #[test]
    fn methods_read_off_classes_other_than_on_instances() {
        let source = "import functools, types\nfrom app.base import Base\nimport app.sub\n\nclass Other:\n    run = Base.run\n\n    async def go(self, duck):\n        await Base.run(self)\n        await Base.run(duck)\n        Base.run.__get__(duck)()\n        types.MethodType(app.sub.Sub.run, duck)\n        functools.partial(Base.run, duck)\n        getattr(Base, 'run')(duck)\n        vars(Base)\n        Base.make()\n        self.run()\n        duck.run()\n";
        let (reads, makes, _) = members(source);
        assert_eq!(
            reads,
            [
                "Base.run",
                "Base.run@Other",
                "Base.run",
                "Base.run",
                "app.sub.Sub.run",
                "app.sub.Sub",
                "Base.run",
                "Base.run",
                "Base.__dict__",
            ]
        );
        assert!(!makes);
        // A module's own function is no class's method.
        let (reads, _, _) = members("import store\n\nasync def f():\n    store.save(1)\n");
        assert!(reads.is_empty(), "{reads:?}");
    }

    #[test]
    fn methods_read_off_what_may_be_any_class() {
        let source = "import importlib, operator\nfrom app.base import Base\n\nasync def go(svc, duck, name):\n    await type(svc).run(duck)\n    await svc.__class__.run(duck)\n    await Base().run.__func__(duck)\n    await importlib.import_module('app.base').Base.run(duck)\n    operator.attrgetter('run')(Base)\n    operator.methodcaller('run', duck)(Base)\n    getattr(Base, name)(duck)\n    await type(svc).run(svc)\n    await svc.__class__.run(svc)\n";
        let (reads, _, _) = members(source);
        assert_eq!(
            reads,
            [
                "*type(svc).run",
                "*svc.__class__.run",
                "*Base().run",
                "*importlib.import_module('app.base').Base.run",
                "*importlib.import_module('app.base').Base",
                "*operator.attrgetter.run",
                "*operator.methodcaller.run",
                "Base.*",
            ]
        );
    }

    #[test]
    fn classes_made_at_run_time() {
        for source in [
            "exec('class Sub(Base):\\n    pass')\n",
            "exec(src, ns)\n",
            "code = compile(src, 'plugin', 'exec')\n",
            "Sub = type('Sub', (Base,), {})\n",
            "import functools\nmake = functools.partial(type, 'Sub', (Base,))\n",
            "import types\nSub = types.new_class('Sub', (Base,))\n",
        ] {
            assert!(members(source).1, "{source}");
        }
        for source in [
            "exec('print(1)')\n",
            "kind = type(obj)\n",
            "isinstance(x, type)\n",
        ] {
            assert!(!members(source).1, "{source}");
        }
    }

    #[test]
    fn writes_on_a_method_s_own_instance_are_placed() {
        let (_, _, placed) = members(
            "class Tee:\n    def __init__(self, stream):\n        self.flush = stream.flush\n        self.close = stream.close\n\nclass Other:\n    def set(self, obj):\n        obj.close = None\n",
        );
        assert_eq!(placed, ["flush@Tee"]);
        for source in [
            // Also on another object, or spelled in a string.
            "class Tee:\n    def __init__(self, s):\n        self.flush = s.flush\n\ns.flush = None\n",
            "class Tee:\n    def __init__(self, s):\n        self.flush = s.flush\n        setattr(s, 'flush', None)\n",
            // A nested function's parameter, a static method's.
            "class Tee:\n    def __init__(self, s):\n        def f(self):\n            self.flush = s\n",
            "class Tee:\n    @staticmethod\n    def make(self):\n        self.flush = None\n",
            // A class body's annotated name.
            "class Tee:\n    flush: object\n    def __init__(self, s):\n        self.flush = s\n",
            // A class name bound again, or not the module's.
            "class Tee:\n    pass\n\nTee = make(Tee)\nTee.flush = None\n",
            "def f():\n    class Tee:\n        pass\n    Tee.flush = None\n",
        ] {
            assert!(members(source).2.is_empty(), "{source}");
        }
        // A write on a module-level class reaches its instances alone.
        let (_, _, placed) = members(
            "class Keeper:\n    pass\n\nasync def keep(self, *exc):\n    return True\n\nKeeper.__aexit__ = keep\n\ndef later():\n    Keeper.close = None\n",
        );
        assert_eq!(placed, ["__aexit__@Keeper", "close@Keeper"]);
    }
}
