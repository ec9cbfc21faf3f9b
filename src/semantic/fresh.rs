//! New local names: which name a fix may bind in a function without
//! changing what any existing code sees (`tg` for a task group, `task` for a
//! kept task, the target of a comprehension turned into a loop).

use ruff_python_ast::Expr;
use ruff_python_ast::visitor::{self, Visitor};

use super::imports::Lookup;
use super::scope::MODULE_SCOPE;
use super::{ScopeId, SemanticModel};

/// Builtins that read the calling frame's local variables: a new local
/// name shows up in what they return or see.
const FRAME_READERS: &[&str] = &["locals", "vars", "dir", "eval", "exec"];

/// Functions that hand out the calling frame itself.
const FRAME_GETTERS: &[&str] = &["sys._getframe", "inspect.currentframe"];

impl<'a> SemanticModel<'a> {
    /// Whether `name` can become a new local variable of `scope` (a
    /// function) with no existing code seeing the difference: nothing in
    /// the function or in any scope nested in it binds, reads, deletes or
    /// declares it (`global`, `nonlocal`: the new assignment would write
    /// the module's or an enclosing function's variable), and the function
    /// does not read its own frame (`locals()`, `vars()`, `eval`, ...).
    /// Code in `ignore` (a scope nested in `scope`, with everything inside
    /// it) does not count: the comprehension whose own variable becomes
    /// the function's.
    pub fn is_free_name(&self, name: &str, scope: ScopeId, ignore: Option<ScopeId>) -> bool {
        let counts = |s: ScopeId| {
            self.is_within(s, scope) && !ignore.is_some_and(|ignored| self.is_within(s, ignored))
        };
        let declared = self.scopes.iter().enumerate().any(|(id, s)| {
            (s.globals.contains(name) || s.nonlocals.contains(name)) && counts(id as ScopeId)
        });
        !declared
            && !self
                .bindings_named(name)
                .any(|(_, binding)| counts(binding.scope) || self.binding_sits_in(binding, &counts))
            && !self.references_named(name).any(|r| counts(r.scope))
            && !self.reads_own_frame(scope)
    }

    /// The first of `names` that is free in `scope` (see
    /// [`Self::is_free_name`]), else the first name numbered: `task2`,
    /// `task3`, ...; `None` when the function reads its own frame, where no
    /// new name is invisible. Every fix that binds a new name picks it here.
    pub fn fresh_name(&self, names: &[&str], scope: ScopeId) -> Option<String> {
        if self.reads_own_frame(scope) {
            return None;
        }
        if let Some(name) = names
            .iter()
            .find(|name| self.is_free_name(name, scope, None))
        {
            return Some((*name).to_string());
        }
        let base = names.first()?;
        (2u32..1000)
            .map(|n| format!("{base}{n}"))
            .find(|name| self.is_free_name(name, scope, None))
    }

    /// Whether code running in `scope`'s own frame asks for that frame or
    /// its variables: `locals()`, `vars()`, `dir()`, `eval(...)`,
    /// `exec(...)`, `sys._getframe()`, `inspect.currentframe()`.
    pub fn reads_own_frame(&self, scope: ScopeId) -> bool {
        self.frames_read_by_themselves
            .get_or_init(|| {
                // One pass over the few references and calls that can read
                // a frame, for every scope's question at once.
                let by_builtin = FRAME_READERS.iter().flat_map(|&reader| {
                    self.references_named(reader)
                        .filter(move |r| matches!(self.lookup(reader, r.scope), Lookup::Builtin))
                        .map(|r| self.frame_of(r.scope))
                });
                let by_getter = self
                    .calls
                    .iter()
                    .filter(|site| {
                        FRAME_GETTERS
                            .iter()
                            .any(|getter| self.refers_to(&site.call.func, site.scope, getter))
                    })
                    .map(|site| self.frame_of(site.scope));
                by_builtin.chain(by_getter).collect()
            })
            .contains(&scope)
    }

    /// Whether the module lists or looks up its own global variables, where
    /// a new module-level name would show: `globals()` anywhere; `vars()`,
    /// `dir()`, `locals()`, `eval`, `exec` or a frame at module level; or
    /// the module object reached through its own name,
    /// `sys.modules[__name__]`, `importlib.import_module(__name__)` or
    /// `import __main__` (the module itself when run as a script), whose
    /// `__dict__`, `dir()` and `vars()` hold the same names as `globals()`.
    pub fn reads_module_namespace(&self) -> bool {
        use ruff_text_size::Ranged;
        let own_name = |expr: &Expr| matches!(expr, Expr::Name(n) if n.id.as_str() == "__name__");
        let globals = self
            .references_named("globals")
            .any(|r| matches!(self.lookup("globals", r.scope), Lookup::Builtin));
        // `import __main__` in the module run as a script is the module
        // itself: `__main__.name = …` writes its globals.
        if globals || self.reads_own_frame(MODULE_SCOPE) || self.imports_module("__main__") {
            return true;
        }
        if self.references_named("__name__").next().is_none() {
            return false;
        }
        let imported = self.calls.iter().any(|site| {
            self.refers_to(&site.call.func, site.scope, "importlib.import_module")
                && matches!(&*site.call.arguments.args, [only] if own_name(only))
        });
        if imported {
            return true;
        }
        if !self.imports_module("sys") {
            return false;
        }
        // `sys.modules[__name__]`: a subscript, which only a walk finds.
        struct Finder<'m, 'a> {
            semantic: &'m SemanticModel<'a>,
            found: bool,
        }
        impl<'b> Visitor<'b> for Finder<'_, '_> {
            fn visit_expr(&mut self, expr: &'b Expr) {
                if let Expr::Subscript(subscript) = expr
                    && matches!(subscript.slice.as_ref(), Expr::Name(n) if n.id.as_str() == "__name__")
                {
                    let scope = self.semantic.scope_at(subscript.start());
                    self.found |= self
                        .semantic
                        .refers_to(&subscript.value, scope, "sys.modules");
                }
                if !self.found {
                    visitor::walk_expr(self, expr);
                }
            }
        }
        let mut finder = Finder {
            semantic: self,
            found: false,
        };
        finder.visit_body(&self.module.body);
        finder.found
    }

    /// Whether a binding recorded in another scope (through `global` or
    /// `nonlocal`) is written by code in a scope `counts` accepts.
    fn binding_sits_in(
        &self,
        binding: &super::Binding<'a>,
        counts: &impl Fn(ScopeId) -> bool,
    ) -> bool {
        counts(self.scope_at(binding.range.start()))
    }
}

#[cfg(test)]
mod tests {
    use ruff_text_size::TextSize;

    use crate::test_support::with_context;

    /// `fresh_name(base)` in the function whose body holds `HERE`.
    fn fresh(source: &str, base: &str) -> Option<String> {
        let at = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            semantic.fresh_name(&[base], semantic.scope_at(at))
        })
    }

    #[test]
    fn unused_name_is_taken_as_it_is() {
        assert_eq!(
            fresh("tg = 1\nasync def f():\n    HERE\n", "tg").as_deref(),
            Some("tg")
        );
    }

    #[test]
    fn names_the_function_or_a_nested_scope_uses_are_not_free() {
        assert_eq!(
            fresh("async def f(tg):\n    HERE\n", "tg").as_deref(),
            Some("tg2")
        );
        assert_eq!(
            fresh("async def f():\n    HERE\n    print(tg)\n", "tg").as_deref(),
            Some("tg2")
        );
        // A nested function reads the module's `tg`: a local would capture it.
        assert_eq!(
            fresh(
                "async def f():\n    HERE\n    def g():\n        return tg\n",
                "tg"
            )
            .as_deref(),
            Some("tg2")
        );
        assert_eq!(
            fresh(
                "async def f(tg, tg2):\n    HERE\n    [tg3 for tg3 in ()]\n",
                "tg"
            )
            .as_deref(),
            Some("tg4")
        );
    }

    #[test]
    fn declared_names_are_not_free() {
        // The assignment would write the module's variable.
        assert_eq!(
            fresh("async def f():\n    global tg\n    HERE\n", "tg").as_deref(),
            Some("tg2")
        );
        assert_eq!(
            fresh(
                "def outer():\n    tg = 1\n    async def f():\n        nonlocal tg\n        HERE\n",
                "tg"
            )
            .as_deref(),
            Some("tg2")
        );
        // A nested function writing an enclosing `tg` through `nonlocal`.
        assert_eq!(
            fresh(
                "async def f():\n    HERE\n    def g():\n        nonlocal tg\n        tg = 2\n",
                "tg"
            )
            .as_deref(),
            Some("tg2")
        );
        // A nested function assigning the module's `tg` through `global`.
        assert_eq!(
            fresh(
                "async def f():\n    HERE\n    def g():\n        global tg\n        tg = 2\n",
                "tg"
            )
            .as_deref(),
            Some("tg2")
        );
    }

    #[test]
    fn a_function_that_reads_its_frame_has_no_fresh_name() {
        for body in [
            "return locals()",
            "return vars()",
            "print(dir())",
            "eval('x')",
            "exec('y = 1')",
            "sys._getframe()",
        ] {
            let source = format!("import sys\nasync def f():\n    HERE\n    {body}\n");
            assert_eq!(fresh(&source, "tg"), None, "{body}");
        }
        // `locals` rebound, or read by a nested function: not this frame.
        assert!(fresh("async def f(locals):\n    HERE\n    locals()\n", "tg").is_some());
        assert!(
            fresh(
                "async def f():\n    HERE\n    def g():\n        return locals()\n",
                "tg"
            )
            .is_some()
        );
    }

    #[test]
    fn the_first_free_name_of_several_is_taken_then_the_first_numbered() {
        let pick = |source: &str| {
            let at = TextSize::new(source.find("HERE").expect("a HERE marker") as u32);
            with_context(source, |ctx| {
                let semantic = ctx.semantic;
                semantic.fresh_name(&["task", "bg"], semantic.scope_at(at))
            })
        };
        assert_eq!(pick("async def f():\n    HERE\n").as_deref(), Some("task"));
        assert_eq!(
            pick("async def f(task):\n    HERE\n").as_deref(),
            Some("bg")
        );
        assert_eq!(
            pick("async def f(task):\n    global bg\n    HERE\n").as_deref(),
            Some("task2")
        );
        assert_eq!(pick("async def f():\n    HERE\n    eval('1')\n"), None);
    }

    #[test]
    fn an_ignored_comprehension_does_not_count() {
        let source = "async def f(xs):\n    HERE = [g(x) for x in xs]\n";
        let at = TextSize::new(source.find("HERE").unwrap() as u32);
        let inner = TextSize::new(source.find("g(x)").unwrap() as u32);
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let scope = semantic.scope_at(at);
            let comprehension = semantic.scope_at(inner);
            assert!(!semantic.is_free_name("x", scope, None));
            assert!(semantic.is_free_name("x", scope, Some(comprehension)));
            assert!(!semantic.is_free_name("xs", scope, Some(comprehension)));
        });
    }

    #[test]
    fn the_module_namespace_is_read_through_globals_or_the_module_object() {
        let reads =
            |source: &str| with_context(source, |ctx| ctx.semantic.reads_module_namespace());
        for source in [
            "def f():\n    return globals()\n",
            "print(dir())\n",
            "import sys\nmod = sys.modules[__name__]\nprint(mod.__dict__)\n",
            "from sys import modules\ndef f():\n    return vars(modules[__name__])\n",
            "import importlib\nprint(dir(importlib.import_module(__name__)))\n",
            "import __main__\n__main__.TimeoutError = KeyError\n",
        ] {
            assert!(reads(source), "{source}");
        }
        for source in [
            "import sys\nprint(sys.modules['os'])\n",
            "def f():\n    return dir()\n",
            "def globals():\n    return {}\nprint(globals())\n",
            "modules = {}\nprint(modules[__name__])\n",
        ] {
            assert!(!reads(source), "{source}");
        }
    }
}
