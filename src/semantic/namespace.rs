//! Reads of the module's own names that no reference shows: what must be
//! known before an import the module no longer names is removed
//! (`globals()[HOOK]`, `eval("sleep")`, `sys.modules[__name__].sleep`, the
//! module importing itself).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use super::imports::Lookup;
use super::scope::MODULE_SCOPE;
use super::{BindingKind, SemanticModel};

/// Builtins that evaluate code: anywhere in the module, the code they run
/// looks names up in the module's globals.
const EVALUATORS: &[&str] = &["eval", "exec"];

/// Functions that hand out a frame (whose `f_globals` is the namespace of
/// the module its code belongs to) or a module found at run time.
const NAMESPACE_GETTERS: &[&str] = &[
    "sys._getframe",
    "inspect.currentframe",
    "inspect.stack",
    "inspect.trace",
    "inspect.getouterframes",
    "inspect.getmodule",
];

/// Attributes that are a namespace of globals: a frame's, a function's.
const GLOBALS_ATTRIBUTES: &[&str] = &["f_globals", "__globals__", "func_globals"];

impl<'a> SemanticModel<'a> {
    /// Whether code of the module may read its module-level name `name`
    /// by a route that no reference to the name shows, so that a name the
    /// module no longer spells may still be read: the namespace itself
    /// (`globals()` anywhere, but for `globals()["OTHER"]` with another
    /// literal key; `vars()`, `dir()`, `locals()` or a frame at module
    /// level; `import __main__`, the module run as a script), code it
    /// evaluates (`eval`, `exec` anywhere: they see the module's globals
    /// from a function too), a frame's or a function's globals
    /// (`f_globals`, `__globals__`, `sys._getframe()`,
    /// `inspect.currentframe()`), the module's object (`sys.modules` with
    /// any key but another module's name as a literal,
    /// `importlib.import_module` or `__import__` of a name that is not a
    /// literal of another module, `inspect.getmodule`, an import of the
    /// module itself or of a package above it that reaches it as an
    /// attribute), or a module-level `__getattr__` or `__dir__` (the module
    /// answers for names it lacks). Asked once nothing else keeps an import
    /// that a fix made unused.
    pub fn may_read_own_name_dynamically(&self, name: &str) -> bool {
        if self.reads_own_frame(MODULE_SCOPE) || self.imports_module("__main__") {
            return true;
        }
        let evaluates = EVALUATORS.iter().any(|&evaluator| {
            self.references_named(evaluator)
                .any(|r| matches!(self.lookup(evaluator, r.scope), Lookup::Builtin))
        });
        if evaluates {
            return true;
        }
        let answers_for_missing = ["__getattr__", "__dir__"].iter().any(|special| {
            self.bindings_named(special)
                .any(|(_, binding)| binding.scope == MODULE_SCOPE)
        });
        if answers_for_missing || self.imports_itself(name) {
            return true;
        }
        let own = self.project().and_then(|p| p.name.as_deref());
        let names_another_module = |expr: &Expr| match expr {
            Expr::StringLiteral(literal) => own != Some(literal.value.to_str()),
            _ => false,
        };
        let dynamic_call = self.calls.iter().any(|site| {
            let func = &site.call.func;
            if NAMESPACE_GETTERS
                .iter()
                .any(|getter| self.refers_to(func, site.scope, getter))
            {
                return true;
            }
            let imports = self.refers_to(func, site.scope, "importlib.import_module")
                || self.refers_to(func, site.scope, "builtins.__import__");
            imports
                && !site
                    .call
                    .arguments
                    .args
                    .first()
                    .is_some_and(names_another_module)
        });
        if dynamic_call {
            return true;
        }
        struct Finder<'m, 'a> {
            semantic: &'m SemanticModel<'a>,
            own: Option<&'m str>,
            name: &'m str,
            sys: bool,
            found: bool,
        }
        impl<'b> Visitor<'b> for Finder<'_, '_> {
            fn visit_expr(&mut self, expr: &'b Expr) {
                if self.found {
                    return;
                }
                match expr {
                    Expr::Attribute(attribute)
                        if GLOBALS_ATTRIBUTES.contains(&attribute.attr.as_str()) =>
                    {
                        self.found = true;
                        return;
                    }
                    Expr::Subscript(subscript) => {
                        let key = match subscript.slice.as_ref() {
                            Expr::StringLiteral(literal) => Some(literal.value.to_str()),
                            _ => None,
                        };
                        // `globals()["VERSION"]`: another name.
                        if key.is_some_and(|key| key != self.name)
                            && self.is_globals(&subscript.value)
                        {
                            self.visit_expr(&subscript.slice);
                            return;
                        }
                        // `sys.modules["other.module"]` reads another module.
                        if key.is_some_and(|key| self.own != Some(key))
                            && self.is_sys_modules(&subscript.value)
                        {
                            return;
                        }
                    }
                    Expr::Call(_) if self.is_globals(expr) => {
                        self.found = true;
                        return;
                    }
                    Expr::Attribute(attribute)
                        if attribute.attr.as_str() == "modules" && self.is_sys_modules(expr) =>
                    {
                        self.found = true;
                        return;
                    }
                    _ => {}
                }
                visitor::walk_expr(self, expr);
            }
        }
        impl Finder<'_, '_> {
            fn is_sys_modules(&self, expr: &Expr) -> bool {
                self.sys && {
                    let scope = self.semantic.scope_at(expr.start());
                    self.semantic.refers_to(expr, scope, "sys.modules")
                }
            }

            /// `globals()`, the builtin.
            fn is_globals(&self, expr: &Expr) -> bool {
                let Expr::Call(call) = expr else {
                    return false;
                };
                let Expr::Name(func) = call.func.as_ref() else {
                    return false;
                };
                func.id.as_str() == "globals"
                    && matches!(
                        self.semantic
                            .lookup("globals", self.semantic.scope_at(call.start())),
                        Lookup::Builtin
                    )
            }
        }
        let mut finder = Finder {
            semantic: self,
            own,
            name,
            sys: self.imports_module("sys"),
            found: false,
        };
        finder.visit_body(&self.module.body);
        finder.found
    }

    /// Whether the module imports itself anywhere, so that its name `name`
    /// may be read as an attribute of the module object (`from app import
    /// jobs as me` then `me.sleep` in `app/jobs.py`; `import app.jobs`, or
    /// `import app.other`, which binds `app`, then `app.jobs.sleep`; see
    /// [`Self::package_may_reach_own_name`] for the second kind). Known
    /// only in a project, where the module has a name.
    fn imports_itself(&self, name: &str) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        let Some(own) = project.name.as_deref() else {
            return false;
        };
        let own_top = own.split('.').next().unwrap_or(own);
        let reaches = |path: &str| own == path || own.starts_with(&format!("{path}."));
        self.bindings.iter().any(|binding| {
            if !matches!(binding.kind, BindingKind::Import { .. }) {
                return false;
            }
            match binding.stmt {
                Some(Stmt::Import(import)) => import.names.iter().any(|alias| {
                    let path = alias.name.as_str();
                    match &alias.asname {
                        // `import app.other` binds `app`, which holds
                        // `app.jobs` once that is imported: read through
                        // it only where the module may reach itself from
                        // `app` and read `name` off what it reaches.
                        None => {
                            path.split('.').next() == Some(own_top)
                                && self.package_may_reach_own_name(own, own_top, name)
                        }
                        Some(_) => reaches(path),
                    }
                }),
                Some(Stmt::ImportFrom(import)) => {
                    let dots = ".".repeat(import.level as usize);
                    let module = import.module.as_ref().map_or("", |m| m.as_str());
                    let Some(from) = project.absolute(&format!("{dots}{module}")) else {
                        // A relative import leaving the top package.
                        return import.level > 0;
                    };
                    from == own
                        || import
                            .names
                            .iter()
                            .any(|alias| reaches(&format!("{from}.{}", alias.name.as_str())))
                }
                _ => false,
            }
        })
    }

    /// Whether the module, which `import top…` binds the package `top`
    /// above it (or itself) in, may read its own name `name` through that
    /// package: the package's name used otherwise than as `top.X` for an
    /// `X` other than the next part of the module's own name (`app.jobs`
    /// for `app/jobs.py` reaches it; `app.TIMEOUT` does not), or a read of
    /// `name` (or of every attribute) off any object: `x.name`,
    /// `x.__dict__`, `getattr` with another key than a literal of another
    /// name, `vars`, `dir`, `inspect.getmembers`, `operator.attrgetter`.
    fn package_may_reach_own_name(&self, own: &str, top: &str, name: &str) -> bool {
        struct Reach<'n> {
            top: &'n str,
            next: Option<&'n str>,
            name: &'n str,
            found: bool,
        }
        impl<'b> Visitor<'b> for Reach<'_> {
            fn visit_expr(&mut self, expr: &'b Expr) {
                if self.found {
                    return;
                }
                match expr {
                    Expr::Attribute(attribute)
                        if attribute.attr.as_str() == self.name
                            || attribute.attr.as_str() == "__dict__" =>
                    {
                        self.found = true;
                        return;
                    }
                    Expr::Attribute(attribute) if matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == self.top) =>
                    {
                        if Some(attribute.attr.as_str()) == self.next {
                            self.found = true;
                        }
                        return;
                    }
                    Expr::Name(named) if named.id.as_str() == self.top => {
                        self.found = true;
                        return;
                    }
                    Expr::Call(call) => {
                        let callee = match call.func.as_ref() {
                            Expr::Name(named) => Some(named.id.as_str()),
                            Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
                            _ => None,
                        };
                        match callee {
                            Some("getattr" | "hasattr" | "getattr_static") => {
                                let other_literal = matches!(
                                    call.arguments.args.get(1),
                                    Some(Expr::StringLiteral(key)) if key.value.to_str() != self.name
                                );
                                if !other_literal {
                                    self.found = true;
                                    return;
                                }
                            }
                            Some("vars" | "dir" | "getmembers" | "attrgetter" | "methodcaller") => {
                                self.found = true;
                                return;
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
                visitor::walk_expr(self, expr);
            }
        }
        let mut reach = Reach {
            top,
            next: own.split('.').nth(1),
            name,
            found: false,
        };
        reach.visit_body(&self.module.body);
        reach.found
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    fn dynamic(source: &str) -> bool {
        let parsed = parse(source).expect("parses");
        SemanticModel::build(parsed.syntax()).may_read_own_name_dynamically("sleep")
    }

    #[test]
    fn namespaces_read_by_routes_no_reference_shows() {
        for source in [
            "def hook():\n    return globals()['sleep']\n",
            "def hook(name):\n    return globals()[name]\n",
            "G = globals()\n",
            "def hook():\n    return eval('sleep')\n",
            "def hook():\n    exec('sleep(1)')\n",
            "print(sorted(locals()))\n",
            "import sys\ndef hook():\n    return sys._getframe().f_globals['sleep']\n",
            "import inspect\ndef hook():\n    return inspect.currentframe().f_globals\n",
            "def hook():\n    return hook.__globals__['sleep']\n",
            "def hook(frame):\n    return frame.f_globals['sleep']\n",
            "import sys\ndef hook():\n    return getattr(sys.modules[__name__], 'sleep')\n",
            "import sys\ndef hook():\n    return sys.modules[hook.__module__].sleep\n",
            "import sys\ndef hook(name):\n    return sys.modules.get(name)\n",
            "import importlib\ndef hook():\n    return importlib.import_module(__name__).sleep\n",
            "import importlib\ndef hook(name):\n    return importlib.import_module(name).sleep\n",
            "def hook(name):\n    return __import__(name).sleep\n",
            "import inspect\ndef hook():\n    return inspect.getmodule(hook).sleep\n",
            "def __getattr__(name):\n    raise AttributeError(name)\n",
            "def __dir__():\n    return []\n",
            "import __main__\nprint(__main__.sleep)\n",
        ] {
            assert!(dynamic(source), "{source}");
        }
        for source in [
            "x = 1\n",
            "globals()['VERSION'] = 1\n",
            "print(globals()['VERSION'])\n",
            "def f():\n    print(sorted(locals()))\n",
            "import sys\nprint(sys.modules['asyncio'].sleep)\n",
            "import importlib\nm = importlib.import_module('json')\n",
            "class C:\n    def __getattr__(self, name):\n        return name\n",
            "def f(obj):\n    return obj.__dict__\n",
            // An `eval` of the module's own is no builtin.
            "def eval(x):\n    return x\nprint(eval('sleep'))\n",
        ] {
            assert!(!dynamic(source), "{source}");
        }
    }

    #[test]
    fn a_module_that_imports_itself_reads_its_names_as_attributes() {
        use crate::index::ProjectIndex;
        use crate::index::layout::Layout;
        use crate::semantic::project::ProjectModule;

        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("pyproject.toml"), "").expect("write");
        let project = ProjectModule {
            facts: std::sync::Arc::new(ProjectIndex::new(Layout::at(dir.path().to_path_buf()))),
            name: Some("app.jobs".to_string()),
            package: false,
            dir: Some(dir.path().join("app")),
            file: Some(dir.path().join("app/jobs.py")),
        };
        let reads = |source: &str| {
            let parsed = parse(source).expect("parses");
            SemanticModel::build_in(parsed.syntax(), Some(&project))
                .may_read_own_name_dynamically("sleep")
        };
        for source in [
            "def hook():\n    from app import jobs as me\n    return me.sleep\n",
            "def hook():\n    import app.jobs\n    return app.jobs.sleep\n",
            "def hook():\n    import app.other\n    return app.jobs.sleep\n",
            "def hook():\n    from . import jobs\n    return jobs.sleep\n",
            "def hook():\n    import app.jobs as me\n    return me.sleep\n",
            "def hook():\n    from app.jobs import sleep\n    return sleep\n",
            "import importlib\ndef hook():\n    return importlib.import_module('app.jobs').sleep\n",
            "import sys\ndef hook():\n    return sys.modules['app.jobs'].sleep\n",
            // Through the package: the module itself, a read of the name
            // off any object, the package handed on, a computed read.
            "import app\ndef hook():\n    return app.jobs\n",
            "import app\ndef hook(x):\n    return x.sleep\n",
            "import app\nhelpers.register(app)\n",
            "import app\ndef hook(m, key):\n    return getattr(m, key)\n",
            "import app\ndef hook(m):\n    return vars(m)\n",
            "import app\ndef hook(m):\n    return m.__dict__\n",
        ] {
            assert!(reads(source), "{source}");
        }
        for source in [
            // The package's other names only.
            "import app\nTIMEOUT = app.TIMEOUT\n",
            "import app.other\ndef hook():\n    return app.other.run(app.VERSION, getattr(other, 'VERSION'))\n",
            "from app import other\n",
            "from .other import helper\n",
            "import json\n",
            "import other.jobs as o\n",
            "import importlib\nm = importlib.import_module('app.other')\n",
        ] {
            assert!(!reads(source), "{source}");
        }
    }
}
