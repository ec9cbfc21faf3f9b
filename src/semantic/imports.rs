//! Name resolution through a module's imports and aliases.

use std::fmt;

use ruff_python_ast::Expr;

use super::scope::{MODULE_SCOPE, ScopeKind};
use super::{BindingId, BindingKind, ScopeId, SemanticModel};

/// A dotted name such as `time.sleep` or `builtins.input`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualifiedName(String);

impl QualifiedName {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is(&self, other: &str) -> bool {
        self.0 == other
    }

    /// `asyncio` for `asyncio.sleep`.
    pub fn module(&self) -> &str {
        self.0.split('.').next().unwrap_or(&self.0)
    }

    /// `sleep` for `asyncio.sleep`.
    pub fn member(&self) -> &str {
        self.0.rsplit('.').next().unwrap_or(&self.0)
    }

    /// Whether this is `prefix` itself or inside it (`asyncio.tasks.sleep` is in `asyncio`).
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.0 == prefix
            || (self.0.starts_with(prefix) && self.0.as_bytes().get(prefix.len()) == Some(&b'.'))
    }

    pub fn segments(&self) -> impl Iterator<Item = &str> {
        self.0.split('.')
    }
}

impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a name refers to at some scope.
#[derive(Debug, Clone, Copy)]
pub enum Lookup<'m> {
    /// Bound in `scope` by these bindings (all of them: Python decides per scope, not per line).
    Bound {
        scope: ScopeId,
        bindings: &'m [BindingId],
    },
    /// Bound nowhere on the scope chain: a builtin, or a `NameError`.
    Builtin,
    /// Not bound explicitly, but a star import may bind it.
    Unknown,
}

impl<'a> SemanticModel<'a> {
    /// Resolves `name` as code running in `scope` would, following Python's
    /// rules: class scopes are invisible to the functions inside them, and
    /// `global` / `nonlocal` redirect the lookup.
    pub fn lookup(&self, name: &str, scope: ScopeId) -> Lookup<'_> {
        let start = scope;
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            if id != start && scope.kind == ScopeKind::Class {
                current = scope.parent;
                continue;
            }
            if id != MODULE_SCOPE && scope.globals.contains(name) {
                return self.lookup_in_module(name);
            }
            if scope.nonlocals.contains(name) {
                current = scope.parent;
                continue;
            }
            if let Some(bindings) = self.bindings_in(id, name) {
                return Lookup::Bound {
                    scope: id,
                    bindings,
                };
            }
            if scope.star_import {
                return Lookup::Unknown;
            }
            current = scope.parent;
        }
        Lookup::Builtin
    }

    fn lookup_in_module(&self, name: &str) -> Lookup<'_> {
        let module = self.scope(MODULE_SCOPE);
        match self.bindings_in(MODULE_SCOPE, name) {
            Some(bindings) => Lookup::Bound {
                scope: MODULE_SCOPE,
                bindings,
            },
            None if module.star_import => Lookup::Unknown,
            None => Lookup::Builtin,
        }
    }

    /// The import path a name refers to at `scope`, when every binding of it
    /// there is an import of that same path.
    pub fn import_of(&self, name: &str, scope: ScopeId) -> Option<&str> {
        let Lookup::Bound { scope: owner, .. } = self.lookup(name, scope) else {
            return None;
        };
        let id = self.single_imports.get(&(owner, name))?;
        self.binding(*id).kind.import_path()
    }

    /// Whether `name` is free at `scope`: bound nowhere on the scope chain, so
    /// an `import name` added at module level would be what it refers to.
    pub fn is_unbound(&self, name: &str, scope: ScopeId) -> bool {
        matches!(self.lookup(name, scope), Lookup::Builtin)
            && self.bindings_in(MODULE_SCOPE, name).is_none()
    }
}

pub(super) fn qualified_name(
    model: &SemanticModel,
    expr: &Expr,
    scope: ScopeId,
) -> Option<QualifiedName> {
    match expr {
        Expr::Name(name) => {
            let id = name.id.as_str();
            match model.lookup(id, scope) {
                Lookup::Bound { .. } => model
                    .import_of(id, scope)
                    .map(|path| QualifiedName(path.to_string())),
                Lookup::Builtin => Some(QualifiedName(format!("builtins.{id}"))),
                Lookup::Unknown => None,
            }
        }
        Expr::Attribute(attribute) => {
            let QualifiedName(mut base) = qualified_name(model, &attribute.value, scope)?;
            // `builtins.x.y` is an attribute of a builtin value, not a module path.
            if base.starts_with("builtins.") {
                return None;
            }
            base.push('.');
            base.push_str(attribute.attr.as_str());
            Some(QualifiedName(base))
        }
        _ => None,
    }
}

/// True for an import binding made by `from … import`.
pub fn is_from_import(kind: &BindingKind) -> bool {
    matches!(kind, BindingKind::Import { from: true, .. })
}
