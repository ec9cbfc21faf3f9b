//! Whether a name is surely bound where code reads it, so that reading it
//! cannot raise `NameError` or `UnboundLocalError`: a parameter; a name
//! that a statement of its scope binds and that surely ran before (earlier
//! in a block around the read, or the header of a `for`, `with` or `except`
//! whose body holds it); for code in a nested function, a binding that ran
//! before the function was defined; a builtin. A name that is ever deleted
//! (`del x`) is never sure. Bindings under an `if`, a `try` or a loop that
//! the read is not inside do not count: the read may come without them
//! (`if "t" in cfg: t = cfg["t"]`, then `t`).

use ruff_python_ast::helpers::any_over_expr;
use ruff_python_ast::{self as ast, ExceptHandler, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::functions::BUILTIN_NAMES;
use super::imports::Lookup;
use super::scope::{ScopeKind, ScopeNode};
use super::suspension::is_builtin_exception;
use super::{BindingId, BindingKind, ScopeId, SemanticModel};

/// Names every module has, and builtins with capitalised names.
const ALWAYS_BOUND: &[&str] = &[
    "__name__",
    "__file__",
    "__doc__",
    "__spec__",
    "__package__",
    "__loader__",
    "__builtins__",
    "__debug__",
    "NotImplemented",
    "Ellipsis",
];

impl<'a> SemanticModel<'a> {
    /// Whether the name `name`, read at `offset` by code running in
    /// `scope`, is surely bound there (see the module doc).
    pub fn surely_bound(&self, name: &str, offset: TextSize, scope: ScopeId) -> bool {
        let (owner, bindings) = match self.lookup(name, scope) {
            Lookup::Builtin => {
                return BUILTIN_NAMES.contains(&name)
                    || ALWAYS_BOUND.contains(&name)
                    || is_builtin_exception(name);
            }
            Lookup::Unknown => return false,
            Lookup::Bound { scope, bindings } => (scope, bindings),
        };
        if bindings
            .iter()
            .any(|&id| matches!(self.binding(id).kind, BindingKind::Deletion))
        {
            return false;
        }
        let is_function = matches!(
            self.scope(owner).kind,
            ScopeKind::Function { .. } | ScopeKind::Lambda
        );
        if is_function
            && bindings
                .iter()
                .any(|&id| matches!(self.binding(id).kind, BindingKind::Parameter))
        {
            return true;
        }
        if let ScopeNode::Comprehension(comprehension) = self.scope(owner).node {
            let ranges: Vec<TextRange> =
                bindings.iter().map(|&id| self.binding(id).range).collect();
            return comprehension_target_bound(comprehension, &ranges, offset);
        }
        // The statement of the owner's own code that holds the read (the
        // `def` of a nested function that reads it), and the blocks around.
        let Some(mut current) = self.innermost_stmt(owner, offset) else {
            return false;
        };
        loop {
            let Some(location) = self.stmt_location(current.start()) else {
                return false;
            };
            let suite = &self.suites[location.suite as usize];
            if suite.scope != owner {
                return false;
            }
            let earlier = suite
                .body
                .get(..location.index as usize)
                .unwrap_or_default();
            if bindings
                .iter()
                .any(|&id| self.binds_in(id, earlier, binds_when_done))
            {
                return true;
            }
            let Some(parent) = suite.parent else {
                return false;
            };
            if matches!(parent, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                return false;
            }
            if header_binds(parent, suite.body, |range| {
                bindings.iter().any(|&id| self.binding(id).range == range)
            }) {
                return true;
            }
            current = parent;
        }
    }

    /// Whether binding `id` comes from one of `stmts`, binding its name
    /// whenever that statement runs to its end (`binds`).
    fn binds_in(&self, id: BindingId, stmts: &[Stmt], binds: fn(&Stmt, TextRange) -> bool) -> bool {
        let binding = self.binding(id);
        let Some(stmt) = binding.stmt else {
            return false;
        };
        let start = stmt.start();
        let index = stmts.partition_point(|each| each.start() < start);
        stmts
            .get(index)
            .is_some_and(|each| std::ptr::eq(each, stmt) && binds(stmt, binding.range))
    }
}

/// Whether a name a target of `comprehension` binds (at one of `ranges`)
/// is surely bound where the comprehension's own code reads it at
/// `offset`: in the element, after every `for` ran; in a `for`'s
/// conditions, when that `for` or an earlier one binds it; in a later
/// `for`'s iterable, when an earlier one does.
fn comprehension_target_bound(
    comprehension: &Expr,
    ranges: &[TextRange],
    offset: TextSize,
) -> bool {
    let (generators, elements): (&[ast::Comprehension], Vec<&Expr>) = match comprehension {
        Expr::ListComp(c) => (&c.generators, vec![c.elt.as_ref()]),
        Expr::SetComp(c) => (&c.generators, vec![c.elt.as_ref()]),
        Expr::Generator(c) => (&c.generators, vec![c.elt.as_ref()]),
        Expr::DictComp(c) => (
            &c.generators,
            c.key
                .iter()
                .map(AsRef::as_ref)
                .chain([c.value.as_ref()])
                .collect(),
        ),
        _ => return false,
    };
    // The first `for` that binds the name.
    let Some(first) = generators.iter().position(|generator| {
        ranges
            .iter()
            .any(|range| generator.target.range().contains_range(*range))
    }) else {
        return false;
    };
    if elements.iter().any(|e| e.range().contains(offset)) {
        return true;
    }
    generators.iter().enumerate().any(|(i, generator)| {
        (i >= first && generator.ifs.iter().any(|c| c.range().contains(offset)))
            || (i > first && generator.iter.range().contains(offset))
    })
}

/// Whether `stmt`, once it has run to its end, has bound the name at
/// `range`: an assignment target (not a `:=` inside the value, which may
/// not run), an import, a `def` or `class`, a `with … as` target.
fn binds_when_done(stmt: &Stmt, range: TextRange) -> bool {
    match stmt {
        Stmt::Assign(assign) => assign
            .targets
            .iter()
            .any(|t| t.range().contains_range(range)),
        Stmt::AnnAssign(assign) => {
            assign.value.is_some() && assign.target.range().contains_range(range)
        }
        Stmt::AugAssign(assign) => assign.target.range().contains_range(range),
        Stmt::Import(_) | Stmt::ImportFrom(_) | Stmt::TypeAlias(_) => true,
        Stmt::FunctionDef(def) => def.name.range() == range,
        Stmt::ClassDef(class) => class.name.range() == range,
        Stmt::With(with) => with_target(with, range),
        _ => false,
    }
}

fn with_target(with: &ast::StmtWith, range: TextRange) -> bool {
    with.items.iter().any(|item| {
        item.optional_vars
            .as_deref()
            .is_some_and(|vars| vars.range().contains_range(range))
    })
}

/// Whether the header of compound statement `parent` binds a name (at a
/// range `is_binding` accepts) before its block `body` runs: the target of
/// a `for` for its body, a `with … as` target, the name of the `except …
/// as` whose handler it is.
fn header_binds(parent: &Stmt, body: &[Stmt], is_binding: impl Fn(TextRange) -> bool) -> bool {
    let holds = |block: &[Stmt]| std::ptr::eq(block.as_ptr(), body.as_ptr());
    match parent {
        Stmt::For(each) if holds(&each.body) => any_over_expr(&each.target, &|e: &Expr| {
            matches!(e, Expr::Name(_)) && is_binding(e.range())
        }),
        Stmt::With(with) if holds(&with.body) => with.items.iter().any(|item| {
            item.optional_vars.as_deref().is_some_and(|vars| {
                any_over_expr(vars, &|e: &Expr| {
                    matches!(e, Expr::Name(_)) && is_binding(e.range())
                })
            })
        }),
        Stmt::Try(try_stmt) => try_stmt.handlers.iter().any(|handler| {
            let ExceptHandler::ExceptHandler(handler) = handler;
            holds(&handler.body)
                && handler
                    .name
                    .as_ref()
                    .is_some_and(|name| is_binding(name.range()))
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use ruff_text_size::TextSize;

    use crate::test_support::with_context;

    /// Whether the name `t`, read by the last `use(t)` of the source, is
    /// surely bound there.
    fn bound(source: &str) -> bool {
        with_context(source, |ctx| {
            let at = source.rfind("use(t)").expect("a use(t)") + "use(".len();
            let offset = TextSize::try_from(at).unwrap_or_default();
            let scope = ctx.semantic.scope_at(offset);
            ctx.semantic.surely_bound("t", offset, scope)
        })
    }

    #[test]
    fn sure_bindings() {
        for source in [
            "def f(t):\n    use(t)\n",
            "def f(*, t=1):\n    use(t)\n",
            "lambda t: use(t)\n",
            "def f():\n    t = 1\n    use(t)\n",
            "def f():\n    t: int = 1\n    if c:\n        use(t)\n",
            "def f():\n    a, (b, t) = g()\n    use(t)\n",
            "def f():\n    import t\n    use(t)\n",
            "def f():\n    for t in xs:\n        use(t)\n",
            "def f():\n    for a, t in xs:\n        if a:\n            use(t)\n",
            "def f():\n    with g() as t:\n        use(t)\n",
            "def f():\n    with g() as t:\n        pass\n    use(t)\n",
            "def f():\n    try:\n        g()\n    except E as t:\n        use(t)\n",
            "def f():\n    if c:\n        t = 1\n        use(t)\n",
            "def f():\n    try:\n        t = 1\n        use(t)\n    finally:\n        pass\n",
            // A module name bound before the function is defined.
            "t = 5\n\ndef f():\n    use(t)\n",
            "import os as t\n\nclass C:\n    def m(self):\n        use(t)\n",
            // A closure's variable bound before the inner `def`.
            "def f():\n    t = 1\n    def g():\n        use(t)\n    return g\n",
            // Builtins.
            "def f():\n    use(len)\n    t = 1\n    use(t)\n",
            // A comprehension's target, read once its `for` ran.
            "def f(xs):\n    return [use(t) for t in xs]\n",
            "def f(xs):\n    return {a: use(t) for a, t in xs}\n",
            "def f(xs):\n    return [a for t in xs if use(t)]\n",
            "def f(xs):\n    return [a for t in xs for a in use(t)]\n",
        ] {
            assert!(bound(source), "{source}");
        }
        with_context("def f():\n    use(len, ValueError, __name__)\n", |ctx| {
            for name in ["len", "ValueError", "__name__"] {
                assert!(
                    ctx.semantic.surely_bound(name, TextSize::new(20), 1),
                    "{name}"
                );
            }
            assert!(!ctx.semantic.surely_bound("nowhere", TextSize::new(20), 1));
        });
    }

    #[test]
    fn unsure_bindings() {
        for source in [
            // Bound only on some paths.
            "def f(cfg):\n    if 'timeout' in cfg:\n        t = cfg['timeout']\n    use(t)\n",
            "def f():\n    for t in xs:\n        pass\n    use(t)\n",
            "def f():\n    try:\n        t = g()\n    except E:\n        pass\n    use(t)\n",
            "def f():\n    while c:\n        t = 1\n    use(t)\n",
            // Bound after the read, in a loop too.
            "def f():\n    use(t)\n    t = 1\n",
            "def f():\n    for x in xs:\n        use(t)\n        t = x\n",
            // Deleted somewhere.
            "def f():\n    t = 1\n    del t\n    t = 2\n    use(t)\n",
            // A `:=` that may not run.
            "def f():\n    x = a or (t := 1)\n    use(t)\n",
            // A module name bound after the function, or under an `if`.
            "def f():\n    use(t)\n\nt = 5\n",
            "if c:\n    t = 5\n\ndef f():\n    use(t)\n",
            // Not bound at all, or maybe by a star import.
            "def f():\n    use(t)\n",
            "from os import *\n\ndef f():\n    use(t)\n",
            // An `except … as` name is deleted after its handler.
            "def f():\n    try:\n        g()\n    except E as t:\n        pass\n    use(t)\n",
            // A comprehension's target read before its `for` ran.
            "def f(xs):\n    return [a for a in xs if use(t) for t in a]\n",
        ] {
            assert!(!bound(source), "{source}");
        }
    }
}
