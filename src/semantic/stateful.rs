//! Which variables hold a stateful object (a session, a connection, a
//! cursor, a stream: one operation at a time) as the project shows it:
//! annotated with a class of the project that is one (it derives from a
//! stateful library class, or its instances hold one) or with an alias of
//! one (`Conn = asyncpg.Connection`), or bound from a call of such a class
//! or of a function whose return annotation names one (`conn = await
//! get_conn()`). The project index answers for names defined in other
//! modules and in this one (see [`super::project::ProjectFacts::stateful`]).
//!
//! Learning only ever adds: a variable the project says nothing about is
//! as stateful as its name and its annotation's words make it, no less.

use ruff_python_ast::{self as ast, AnyParameterRef, Expr, Stmt};
use ruff_text_size::Ranged;

use super::functions::parameter_at;
use super::imports::Lookup;
use super::objects::{BaseKind, Link, ObjectPath};
use super::scope::{MODULE_SCOPE, ScopeNode};
use super::{BindingKind, ScopeId, SemanticModel};

/// Calls `found` with each type an annotation names: `Conn` for `Conn`,
/// `Optional[Conn]`, `Conn | None`, `Union[Conn, Other]` (each member),
/// `"Conn"` (parsed), and the generic itself for `Repo[T]`.
pub fn for_each_annotation_type(annotation: &Expr, found: &mut dyn FnMut(&Expr)) {
    for_each_type_at(annotation, found, 0);
}

fn for_each_type_at(annotation: &Expr, found: &mut dyn FnMut(&Expr), depth: u8) {
    if depth > 8 {
        return;
    }
    match annotation {
        Expr::Name(_) | Expr::Attribute(_) => found(annotation),
        Expr::Subscript(subscript) => {
            let generic = match subscript.value.as_ref() {
                Expr::Name(name) => name.id.as_str(),
                Expr::Attribute(attribute) => attribute.attr.as_str(),
                _ => return,
            };
            match generic {
                "Optional" | "Union" | "Annotated" => match subscript.slice.as_ref() {
                    Expr::Tuple(tuple) if generic == "Annotated" => {
                        if let Some(first) = tuple.elts.first() {
                            for_each_type_at(first, found, depth + 1);
                        }
                    }
                    Expr::Tuple(tuple) => {
                        for element in &tuple.elts {
                            for_each_type_at(element, found, depth + 1);
                        }
                    }
                    other => for_each_type_at(other, found, depth + 1),
                },
                _ => found(&subscript.value),
            }
        }
        Expr::BinOp(op) if op.op == ruff_python_ast::Operator::BitOr => {
            for_each_type_at(&op.left, found, depth + 1);
            for_each_type_at(&op.right, found, depth + 1);
        }
        Expr::StringLiteral(string) => {
            let text = string.value.to_str();
            if text.len() > 200 || text.contains(['\n', '\r']) {
                return;
            }
            if let Ok(parsed) = ruff_python_parser::parse_expression(text.trim()) {
                for_each_type_at(parsed.expr(), found, depth + 1);
            }
        }
        _ => {}
    }
}

impl<'a> SemanticModel<'a> {
    /// Why the project says the variable `name`, read in `scope`, holds a
    /// stateful object, in words that name the module that shows it
    /// (`` `app.db.Repo` (app/db.py:3) holds `asyncpg.Connection` ``);
    /// `None` without a project or when no binding of it says so. One
    /// binding that says so is enough: the variable may hold that object.
    pub fn project_stateful(&self, name: &str, scope: ScopeId) -> Option<String> {
        self.project()?;
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup(name, scope)
        else {
            return None;
        };
        bindings.iter().find_map(|&id| {
            let binding = self.binding(id);
            match (&binding.kind, binding.stmt?) {
                (BindingKind::Parameter, stmt) => {
                    let parameter = parameter_at(stmt, binding.range)?;
                    // Annotations and defaults are evaluated where the `def` is.
                    let outer = self.scope_at(stmt.start());
                    let default = match parameter {
                        AnyParameterRef::NonVariadic(with_default) => {
                            with_default.default.as_deref()
                        }
                        AnyParameterRef::Variadic(_) => None,
                    };
                    parameter
                        .annotation()
                        .and_then(|annotation| self.stateful_annotation(annotation, outer))
                        .or_else(|| self.stateful_value(default?, outer))
                }
                // `async with Client() as client`: what entering it gives is
                // most often the object itself.
                (BindingKind::Assignment, Stmt::With(with)) => with.items.iter().find_map(|item| {
                    let var = item.optional_vars.as_deref()?;
                    (var.range() == binding.range)
                        .then(|| self.stateful_value(&item.context_expr, owner))?
                }),
                (BindingKind::Assignment | BindingKind::Annotation, Stmt::AnnAssign(assign))
                    if assign.target.range() == binding.range =>
                {
                    self.stateful_annotation(&assign.annotation, owner)
                        .or_else(|| self.stateful_value(assign.value.as_deref()?, owner))
                }
                (BindingKind::Assignment, Stmt::Assign(assign)) => {
                    match (assign.targets.as_slice(), assign.value.as_ref()) {
                        ([target], value) if target.range() == binding.range => {
                            self.stateful_value(value, owner)
                        }
                        // `link, n = Link(), 1`: the value in the same place.
                        (
                            [Expr::Tuple(ast::ExprTuple { elts: targets, .. })],
                            Expr::Tuple(ast::ExprTuple { elts: values, .. }),
                        ) if targets.len() == values.len() => {
                            let at = targets.iter().position(|t| t.range() == binding.range)?;
                            self.stateful_value(values.get(at)?, owner)
                        }
                        _ => None,
                    }
                }
                _ => None,
            }
        })
    }

    /// Why the project says the attribute `attribute` of a method's own
    /// instance (`self.link`, the method's scope being `scope`) holds a
    /// stateful object: a class-body annotation of it, or a value the
    /// methods of its class assign to it (`self.link = Link()`,
    /// `self.link: Link = …`).
    pub fn project_stateful_attribute(
        &self,
        instance: &'a str,
        attribute: &'a str,
        scope: ScopeId,
    ) -> Option<String> {
        self.project()?;
        let Lookup::Bound { scope: method, .. } = self.lookup(instance, scope) else {
            return None;
        };
        let class_scope = self.scope(method).parent?;
        let ScopeNode::Class(class) = self.scope(class_scope).node else {
            return None;
        };
        let annotated = class.body.iter().find_map(|stmt| match stmt {
            Stmt::AnnAssign(assign)
                if matches!(assign.target.as_ref(), Expr::Name(n) if n.id.as_str() == attribute) =>
            {
                self.stateful_annotation(&assign.annotation, class_scope)
            }
            _ => None,
        });
        if annotated.is_some() {
            return annotated;
        }
        let path = ObjectPath {
            base: instance,
            scope,
            kind: BaseKind::Instance,
            links: smallvec::smallvec![Link::Attribute(attribute)],
        };
        let (_, values) = self.instance_attribute_values(&path)?;
        values
            .iter()
            .find_map(|&(value, _)| self.stateful_value(value, self.scope_at(value.start())))
    }

    /// Why an annotation read in `scope` names a stateful type of the project.
    fn stateful_annotation(&self, annotation: &Expr, scope: ScopeId) -> Option<String> {
        let mut why = None;
        for_each_annotation_type(annotation, &mut |named| {
            if why.is_none() {
                why = self.stateful_named(named, scope);
            }
        });
        why
    }

    /// Why the value of an assignment in `scope` is stateful: a call (also
    /// awaited) of a stateful class or of a function returning one.
    fn stateful_value(&self, value: &Expr, scope: ScopeId) -> Option<String> {
        let value = match value {
            Expr::Await(awaited) => awaited.value.as_ref(),
            other => other,
        };
        let Expr::Call(call) = value else {
            return None;
        };
        self.stateful_named(&call.func, scope)
    }

    /// Why the class, alias or function `named` (a name or an attribute
    /// chain read in `scope`) gives stateful objects, as the project says.
    fn stateful_named(&self, named: &Expr, scope: ScopeId) -> Option<String> {
        let project = self.project()?;
        let absolute = match named {
            // A class or function of this module, defined once at its top.
            Expr::Name(name)
                if matches!(
                    self.lookup(name.id.as_str(), scope),
                    Lookup::Bound { scope: MODULE_SCOPE, bindings: [only] }
                        if matches!(
                            self.binding(*only).kind,
                            BindingKind::ClassDef(_)
                                | BindingKind::FunctionDef(_)
                                | BindingKind::Assignment
                        )
                ) =>
            {
                format!("{}.{}", project.name.as_deref()?, name.id)
            }
            _ => {
                let qualified = self.qualified_name(named, scope)?;
                if qualified.starts_with("builtins") {
                    return None;
                }
                project.absolute(qualified.as_str())?
            }
        };
        project.facts.stateful(&absolute)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use ruff_python_ast::Expr;

    use super::for_each_annotation_type;
    use crate::engine::parse;
    use crate::index::ProjectIndex;
    use crate::index::layout::Layout;
    use crate::semantic::SemanticModel;
    use crate::semantic::project::ProjectModule;

    /// Whether the project of `files` shows the variable `name`, read at
    /// the last call of `source` (the module `app.handlers`), stateful.
    fn learned(files: &[(&str, &str)], source: &str, name: &str) -> Option<String> {
        learned_as(files, source, |semantic, scope| {
            semantic.project_stateful(name, scope)
        })
    }

    /// The same for the attribute `self.<name>` of the method holding the
    /// last call.
    fn learned_attribute(
        files: &[(&str, &str)],
        source: &str,
        name: &'static str,
    ) -> Option<String> {
        learned_as(files, source, |semantic, scope| {
            semantic.project_stateful_attribute("self", name, scope)
        })
    }

    fn learned_as(
        files: &[(&str, &str)],
        source: &str,
        ask: impl for<'m> Fn(&SemanticModel<'m>, crate::semantic::ScopeId) -> Option<String>,
    ) -> Option<String> {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("pyproject.toml"), "").expect("write");
        let mut all = files.to_vec();
        all.push(("app/handlers.py", source));
        all.push(("app/__init__.py", ""));
        crate::test_support::write_files(dir.path(), &all);
        let project = ProjectModule {
            facts: Arc::new(ProjectIndex::new(Layout::at(dir.path().to_path_buf()))),
            name: Some("app.handlers".to_string()),
            package: false,
            dir: Some(dir.path().join("app")),
            file: None,
        };
        let parsed = parse(source).expect("parses");
        let semantic = SemanticModel::build_in(parsed.syntax(), Some(&project));
        let site = semantic
            .calls
            .iter()
            .max_by_key(|site| site.call.range_start)
            .expect("a call");
        ask(&semantic, site.scope)
    }

    const DB: (&str, &str) = (
        "app/db.py",
        "import asyncpg\n\nclass Db:\n    async def open(self):\n        self.link = await asyncpg.connect()\n\nclass Plain:\n    def __init__(self):\n        self.n = 1\n\nasync def opener() -> Db:\n    return Db()\n\ndef plain() -> Plain:\n    return Plain()\n",
    );

    #[test]
    fn variables_the_project_shows_stateful() {
        for source in [
            "from app.db import Db\nasync def f(d: Db):\n    g(d)\n",
            "from app.db import Db\nasync def f(d: 'Db | None' = None):\n    g(d)\n",
            "from app import db\nasync def f(d: db.Db):\n    g(d)\n",
            "from .db import Db\nasync def f():\n    d: Db = make()\n    g(d)\n",
            "from .db import Db\nasync def f():\n    d = Db()\n    g(d)\n",
            "from .db import opener\nasync def f():\n    d = await opener()\n    g(d)\n",
            // One binding of several is enough: it may hold that object.
            "from .db import Db\nasync def f(x):\n    d = x\n    if x:\n        d = Db()\n    g(d)\n",
            "from .db import Db\nasync def f():\n    async with Db() as d:\n        g(d)\n",
            "from .db import Db\nasync def f(d=Db()):\n    g(d)\n",
            "from .db import Db\nasync def f():\n    d, n = Db(), 1\n    g(d)\n",
            // A class of this module.
            "import asyncio\nclass Local(asyncio.StreamWriter):\n    pass\nasync def f(d: Local):\n    g(d)\n",
        ] {
            assert!(learned(&[DB], source, "d").is_some(), "{source}");
        }
    }

    #[test]
    fn attributes_the_project_shows_stateful() {
        for source in [
            "from .db import Db\nclass S:\n    def __init__(self):\n        self.d = Db()\n    async def f(self):\n        g(self.d)\n",
            "from .db import Db\nclass S:\n    d: Db\n    async def f(self):\n        g(self.d)\n",
        ] {
            assert!(learned_attribute(&[DB], source, "d").is_some(), "{source}");
        }
        for source in [
            "from .db import Plain\nclass S:\n    def __init__(self):\n        self.d = Plain()\n    async def f(self):\n        g(self.d)\n",
            "from .db import Db\nclass S:\n    def __init__(self):\n        self.e = Db()\n    async def f(self):\n        g(self.d)\n",
        ] {
            assert_eq!(learned_attribute(&[DB], source, "d"), None, "{source}");
        }
    }

    #[test]
    fn variables_the_project_says_nothing_about() {
        for source in [
            "from app.db import Plain\nasync def f(d: Plain):\n    g(d)\n",
            "from app.db import plain\nasync def f():\n    d = plain()\n    g(d)\n",
            "async def f(d):\n    g(d)\n",
            "from app.db import Missing\nasync def f(d: Missing):\n    g(d)\n",
            // A builtin.
            "from app.db import Db\nasync def f(d: int):\n    g(d)\n",
        ] {
            assert_eq!(learned(&[DB], source, "d"), None, "{source}");
        }
    }

    fn named(annotation: &str) -> Vec<String> {
        let parsed = ruff_python_parser::parse_expression(annotation).expect("parses");
        let mut out = Vec::new();
        for_each_annotation_type(parsed.expr(), &mut |expr| {
            out.push(match expr {
                Expr::Name(name) => name.id.to_string(),
                Expr::Attribute(attribute) => format!("_.{}", attribute.attr),
                _ => "?".to_string(),
            });
        });
        out
    }

    #[test]
    fn types_an_annotation_names() {
        assert_eq!(named("Conn"), ["Conn"]);
        assert_eq!(named("asyncpg.Connection"), ["_.Connection"]);
        assert_eq!(named("Optional[Conn]"), ["Conn"]);
        assert_eq!(named("typing.Optional[Conn]"), ["Conn"]);
        assert_eq!(named("Conn | None"), ["Conn"]);
        assert_eq!(named("Union[A, B]"), ["A", "B"]);
        assert_eq!(named("Annotated[Conn, 'x']"), ["Conn"]);
        assert_eq!(named("'Conn'"), ["Conn"]);
        assert_eq!(named("Repo[int]"), ["Repo"]);
        assert_eq!(named("AsyncIterator[Conn]"), ["AsyncIterator"]);
        assert!(named("3").is_empty());
    }
}
