//! Name resolution through a module's imports and aliases.

use std::fmt;

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Stmt, StmtImportFrom};
use ruff_text_size::{Ranged, TextSize};
use rustc_hash::{FxHashMap, FxHashSet};

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
        self.lookup_with(name, scope, true)
    }

    /// [`Self::lookup`], which with `stars` false takes a module-level
    /// binding as it is even where a star import may rebind it: for
    /// [`Self::module_code_entry`], which that rule itself asks.
    pub(super) fn lookup_with(&self, name: &str, scope: ScopeId, stars: bool) -> Lookup<'_> {
        let start = scope;
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            if id != start && scope.kind == ScopeKind::Class {
                current = scope.parent;
                continue;
            }
            if id != MODULE_SCOPE && scope.globals.contains(name) {
                return self.lookup_in_module(name, stars);
            }
            if scope.nonlocals.contains(name) {
                current = scope.parent;
                continue;
            }
            if let Some(bindings) = self.bindings_in(id, name) {
                if stars && id == MODULE_SCOPE && self.star_import_may_rebind(bindings) {
                    return Lookup::Unknown;
                }
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

    fn lookup_in_module(&self, name: &str, stars: bool) -> Lookup<'_> {
        let module = self.scope(MODULE_SCOPE);
        match self.bindings_in(MODULE_SCOPE, name) {
            Some(bindings) if stars && self.star_import_may_rebind(bindings) => Lookup::Unknown,
            Some(bindings) => Lookup::Bound {
                scope: MODULE_SCOPE,
                bindings,
            },
            None if module.star_import => Lookup::Unknown,
            None => Lookup::Builtin,
        }
    }

    /// Whether the module has a star import (`from m import *`) anywhere.
    pub fn has_star_imports(&self) -> bool {
        !self.star_imports.is_empty()
    }

    /// The names that the module-level assignments of `name` read and that
    /// one of the module's star imports may give (`TIMEOUT = DEFAULT * 2`
    /// after `from .defaults import *`): facts about `name` (a value that
    /// may be zero, a manager that may keep a cancellation) may follow
    /// theirs, which only the project sees.
    pub fn star_given_reads(&self, name: &str) -> Vec<&'a str> {
        let mut found: Vec<&'a str> = Vec::new();
        if self.star_imports.is_empty() {
            return found;
        }
        let Some(bindings) = self.bindings_in(MODULE_SCOPE, name) else {
            return found;
        };
        for &id in bindings {
            let binding = self.binding(id);
            let Some(value) = binding
                .stmt
                .and_then(|stmt| super::loops::assigned_value(stmt, binding.range))
            else {
                continue;
            };
            for read in super::numbers::names_read(value) {
                let other = read.id.as_str();
                let from_star = match self.lookup_with(other, MODULE_SCOPE, false) {
                    Lookup::Bound { scope, bindings } => {
                        scope == MODULE_SCOPE && self.star_import_may_rebind(bindings)
                    }
                    Lookup::Unknown => true,
                    Lookup::Builtin => false,
                };
                if from_star && other != name && !found.contains(&other) {
                    found.push(other);
                }
            }
        }
        found
    }

    /// The module's star imports (`from m import *`), in source order, at
    /// any depth of its module-level code (in a `try:` or an `if`
    /// too: Python allows them nowhere else).
    pub fn star_import_statements(&self) -> impl Iterator<Item = &'a StmtImportFrom> + '_ {
        self.star_imports.iter().filter_map(|stmt| match stmt {
            Stmt::ImportFrom(import) => Some(import),
            _ => None,
        })
    }

    /// Whether a star import of the module (`from m import *`, whose names
    /// the module cannot see) may run after one of these module-level
    /// `bindings` of a name and before code that reads the name, so that
    /// the name may hold whatever `m` binds instead: a binding is known
    /// only when every star import runs once (not in a loop) and ends
    /// before the first of the bindings, and module-level code does not
    /// call into the module (see [`Self::module_code_entry`]) before the
    /// last of them, where a function would see the star import's value.
    /// The same rule holds for an import, a `def`, a class or an
    /// assignment.
    /// A star import of a standard module (`from asyncio import *`) binds
    /// the names [`super::known::star_import_names`] lists as bindings of
    /// their own: for those it is one of the `bindings`, not an unknown.
    pub fn star_import_may_rebind(&self, bindings: &[BindingId]) -> bool {
        if self.star_imports.is_empty() {
            return false;
        }
        let name = bindings.first().map(|&id| self.binding(id).name);
        let unknown = |star: &&&Stmt| {
            !name.is_some_and(|name| {
                Self::star_names(star).is_some_and(|names| names.contains(&name))
            })
        };
        if !self.star_imports.iter().any(|star| unknown(&star)) {
            return false;
        }
        let mut first = None::<TextSize>;
        let mut last = TextSize::default();
        for &id in bindings {
            let binding = self.binding(id);
            let range = binding.stmt.map_or(binding.range, Ranged::range);
            first = Some(first.map_or(range.start(), |f| f.min(range.start())));
            last = last.max(range.end());
        }
        let Some(first) = first else {
            return true;
        };
        let all_before = self
            .star_imports
            .iter()
            .filter(unknown)
            .all(|star| star.end() <= first && !self.in_loop(star));
        !all_before || self.module_code_entry().is_some_and(|entry| entry < last)
    }

    /// The names the star import `stmt` binds when it is known: a star
    /// import of a standard module the table lists (`from asyncio import
    /// *`), which binds them wherever it runs. `None` for any other
    /// statement.
    pub fn star_names(stmt: &Stmt) -> Option<&'static [&'static str]> {
        let Stmt::ImportFrom(import) = stmt else {
            return None;
        };
        if import.level != 0 || !import.names.iter().any(|alias| alias.name.as_str() == "*") {
            return None;
        }
        super::known::star_import_names(import.module.as_ref()?.as_str())
    }

    /// Whether `stmt` sits in the body (or `else`) of a `for` or `while`
    /// loop of its function or module, so that it may run more than once.
    pub fn in_loop(&self, stmt: &Stmt) -> bool {
        let mut current = stmt;
        while let Some((suite, _)) = self.suite_of(current)
            && let Some(parent) = suite.parent
        {
            match parent {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return false,
                Stmt::For(_) | Stmt::While(_) => return true,
                _ => current = parent,
            }
        }
        false
    }

    /// The import path a name refers to at `scope`, when every binding of it
    /// there is an import of that same path.
    pub fn import_of(&self, name: &str, scope: ScopeId) -> Option<&str> {
        self.import_of_with(name, scope, true)
    }

    fn import_of_with(&self, name: &str, scope: ScopeId, stars: bool) -> Option<&str> {
        let Lookup::Bound { scope: owner, .. } = self.lookup_with(name, scope, stars) else {
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

/// The packages of the standard library (modules with submodules): an
/// attribute of any other standard module is no submodule.
const STANDARD_PACKAGES: &[&str] = &[
    "asyncio",
    "collections",
    "concurrent",
    "ctypes",
    "curses",
    "dbm",
    "distutils",
    "email",
    "encodings",
    "ensurepip",
    "html",
    "http",
    "idlelib",
    "importlib",
    "json",
    "lib2to3",
    "logging",
    "msilib",
    "multiprocessing",
    "pydoc_data",
    "re",
    "sqlite3",
    "test",
    "tkinter",
    "tomllib",
    "turtledemo",
    "unittest",
    "urllib",
    "venv",
    "wsgiref",
    "xml",
    "xmlrpc",
    "zoneinfo",
];

impl SemanticModel<'_> {
    /// Whether the module reaches a submodule through a package it imports
    /// without importing that submodule itself (`import concurrent`, then
    /// `concurrent.futures.Future`): it works only because some other import
    /// loaded it (`import asyncio` does), so removing any import may break
    /// it. An attribute of a package may be a submodule unless the package
    /// is a standard module that has none (`datetime.datetime.now`); `P.a`
    /// counts as imported when an import names it or a module inside it
    /// (`import P.a`, `from P.a import x`, `from P import a`).
    pub fn reaches_unimported_submodule(&self) -> bool {
        let mut loaded: FxHashSet<String> = FxHashSet::default();
        let mut plain: FxHashMap<&str, &str> = FxHashMap::default();
        for binding in &self.bindings {
            match (binding.kind.import_path(), binding.stmt) {
                (Some(_), Some(Stmt::Import(import))) => {
                    for alias in &import.names {
                        let full = alias.name.as_str();
                        let mut prefix = String::new();
                        for segment in full.split('.') {
                            if !prefix.is_empty() {
                                prefix.push('.');
                            }
                            prefix.push_str(segment);
                            loaded.insert(prefix.clone());
                        }
                        // `import P.a` binds `P`; `import P.a as x` binds `x`
                        // to `P.a`.
                        match &alias.asname {
                            None => {
                                let top = full.split('.').next().unwrap_or(full);
                                plain.insert(top, top);
                            }
                            Some(asname) => {
                                plain.insert(asname.as_str(), full);
                            }
                        }
                    }
                }
                (Some(path), Some(Stmt::ImportFrom(import))) => {
                    if let Some(module) = &import.module {
                        loaded.insert(module.to_string());
                    }
                    loaded.insert(path.to_string());
                }
                _ => {}
            }
        }
        let has_submodules =
            |top: &str| !super::project::standard_module(top) || STANDARD_PACKAGES.contains(&top);
        if !plain
            .values()
            .any(|path| has_submodules(path.split('.').next().unwrap_or(path)))
        {
            return false;
        }
        let mut finder = SubmoduleReach {
            semantic: self,
            plain: &plain,
            loaded: &loaded,
            has_submodules: &has_submodules,
            found: false,
        };
        finder.visit_body(&self.module.body);
        finder.found
    }
}

struct SubmoduleReach<'m, 'a, 's> {
    semantic: &'m SemanticModel<'a>,
    plain: &'s FxHashMap<&'s str, &'s str>,
    loaded: &'s FxHashSet<String>,
    has_submodules: &'s dyn Fn(&str) -> bool,
    found: bool,
}

impl<'b> Visitor<'b> for SubmoduleReach<'_, '_, '_> {
    fn visit_expr(&mut self, expr: &'b Expr) {
        if self.found {
            return;
        }
        // `P.a.b`: the outer attribute of a chain on a name.
        if let Expr::Attribute(outer) = expr
            && let Expr::Attribute(inner) = outer.value.as_ref()
            && let Expr::Name(name) = inner.value.as_ref()
        {
            let bound = name.id.as_str();
            if let Some(&path) = self.plain.get(bound)
                && (self.has_submodules)(path.split('.').next().unwrap_or(path))
            {
                let scope = self.semantic.scope_at(name.start());
                let sub = format!("{path}.{}", inner.attr);
                if self.semantic.import_of(bound, scope) == Some(path)
                    && !self.loaded.contains(&sub)
                {
                    self.found = true;
                    return;
                }
            }
        }
        visitor::walk_expr(self, expr);
    }
}

pub(super) fn qualified_name(
    model: &SemanticModel,
    expr: &Expr,
    scope: ScopeId,
    stars: bool,
) -> Option<QualifiedName> {
    match expr {
        Expr::Name(name) => {
            let id = name.id.as_str();
            match model.lookup_with(id, scope, stars) {
                // `import_of_with`, from the lookup already made.
                Lookup::Bound { scope: owner, .. } => model
                    .single_imports
                    .get(&(owner, id))
                    .and_then(|&binding| model.binding(binding).kind.import_path())
                    .map(|path| QualifiedName(path.to_string())),
                Lookup::Builtin => Some(QualifiedName(format!("builtins.{id}"))),
                Lookup::Unknown => None,
            }
        }
        Expr::Attribute(attribute) => {
            let QualifiedName(mut base) = qualified_name(model, &attribute.value, scope, stars)?;
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

#[cfg(test)]
mod tests {
    use super::Lookup;
    use crate::engine::parse;
    use crate::semantic::SemanticModel;
    use crate::semantic::scope::MODULE_SCOPE;

    /// What `name` in the body of the source's last function refers to.
    fn in_function(source: &str, name: &str) -> Option<String> {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let scope = semantic
            .scope_at(ruff_text_size::TextSize::of(source) - ruff_text_size::TextSize::new(1));
        assert_ne!(scope, MODULE_SCOPE, "the source ends in a function body");
        if let Lookup::Unknown = semantic.lookup(name, scope) {
            return None;
        }
        semantic.import_of(name, scope).map(str::to_string)
    }

    #[test]
    fn a_star_import_after_a_binding_makes_it_unknown() {
        for source in [
            "from asyncio import Queue\nfrom compat import *\ndef f():\n    Queue\n",
            "import asyncio\nfrom compat import *\ndef f():\n    asyncio\n",
            // Before every binding, it is overwritten.
            "from compat import *\nfrom asyncio import Queue\ndef f():\n    Queue\n",
        ] {
            let name = if source.contains("    asyncio") {
                "asyncio"
            } else {
                "Queue"
            };
            let unknown = in_function(source, name).is_none();
            assert_eq!(unknown, !source.starts_with("from compat"), "{source}");
        }
        // In a loop, before module code calls into the module, before one
        // of the bindings: it may run after a binding or before the use.
        for source in [
            "for m in ms:\n    from compat import *\nfrom asyncio import Queue\ndef f():\n    Queue\n",
            "from compat import *\nmain()\nfrom asyncio import Queue\ndef main():\n    Queue\n",
            "if x:\n    from asyncio import Queue\nfrom compat import *\nfrom asyncio import Queue\ndef f():\n    Queue\n",
        ] {
            assert_eq!(in_function(source, "Queue"), None, "{source}");
        }
        assert_eq!(
            in_function(
                "try:\n    from compat import *\nexcept ImportError:\n    pass\nfrom asyncio import Queue\ndef f():\n    Queue\n",
                "Queue"
            )
            .as_deref(),
            Some("asyncio.Queue")
        );
    }
}

#[cfg(test)]
mod submodule_tests {
    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    fn reaches(source: &str) -> bool {
        let parsed = parse(source).unwrap();
        SemanticModel::build(parsed.syntax()).reaches_unimported_submodule()
    }

    #[test]
    fn submodules_another_import_loaded() {
        for source in [
            "import asyncio\nimport concurrent\nx = concurrent.futures.Future\n",
            "import xml\nxml.etree.ElementTree\n",
            "import aiohttp\naiohttp.web.Application\n",
            "import asyncio\nimport concurrent as c\nx = c.futures.Future\n",
            "import xml.dom as d\nd.minidom.parseString\n",
        ] {
            assert!(reaches(source), "{source}");
        }
        for source in [
            "import concurrent.futures\nx = concurrent.futures.Future\n",
            "import datetime\ndatetime.datetime.now()\n",
            "import os\nos.path.join('a', 'b')\n",
            "import xml\nfrom xml.etree import ElementTree\nxml.etree.ElementTree\n",
            "import asyncio\nasyncio.get_event_loop().run_until_complete(c())\n",
        ] {
            assert!(!reaches(source), "{source}");
        }
    }
}
