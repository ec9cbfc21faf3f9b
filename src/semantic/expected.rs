//! Which exceptions the code around a statement expects: a `try` whose
//! handler names the exception, a `with` whose context manager mentions it
//! (`self.assertRaises(TypeError)`, `pytest.raises(TypeError)`,
//! `contextlib.suppress(TypeError)`), or a statement that passes it along
//! with a callable (`self.assertRaises(TypeError, make, loop)`). A fix
//! whose intended change is that a call stops raising must not touch code
//! that relies on it raising.

use ruff_python_ast::helpers::any_over_expr;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use super::imports::Lookup;
use super::scope::ScopeKind;
use super::{ScopeId, SemanticModel, UseKind};

impl<'a> SemanticModel<'a> {
    /// The start of the statement that makes the code at `offset` expect
    /// the builtin exception `name` (`"TypeError"`), when there is one in
    /// the code's own function or module: a `try` whose body holds it and
    /// whose handler names `name` (alone or in a tuple), a `with` whose
    /// body holds it and whose items mention `name`, or the simple
    /// statement holding it mentioning `name` too. Code in a lambda or a
    /// generator expression runs later, outside all of these: `None`.
    pub fn expects_exception(&self, offset: TextSize, name: &str) -> Option<TextSize> {
        let scope = self.frame_of(self.scope_at(offset));
        if matches!(
            self.scope(scope).kind,
            ScopeKind::Lambda | ScopeKind::Comprehension { .. }
        ) {
            return None;
        }
        let stmt = self.innermost_stmt(scope, offset)?;
        if is_simple(stmt) && self.statement_mentions_builtin(stmt, name, scope) {
            return Some(stmt.start());
        }
        let mut current = stmt;
        loop {
            let location = self.stmt_location(current.start())?;
            let suite = &self.suites[location.suite as usize];
            let parent = suite.parent?;
            let in_body = |body: &[Stmt]| std::ptr::eq(body.as_ptr(), suite.body.as_ptr());
            match parent {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return None,
                Stmt::Try(try_stmt)
                    if in_body(&try_stmt.body)
                        && try_stmt
                            .handlers
                            .iter()
                            .any(|handler| self.handler_catches_builtin(handler, name, scope)) =>
                {
                    return Some(parent.start());
                }
                Stmt::With(with)
                    if with.items.iter().any(|item| {
                        any_over_expr(&item.context_expr, &|e: &Expr| {
                            self.is_builtin_name(e, name, scope)
                        })
                    }) =>
                {
                    return Some(parent.start());
                }
                _ => current = parent,
            }
        }
    }

    /// [`Self::expects_exception`] at `offset`, or, when that code sits in a
    /// function of the module, at any place of the module that names the
    /// function (`make_lock(None)` under `pytest.raises(TypeError)`,
    /// `self.assertRaises(TypeError, make_lock, None)`). Callers in other
    /// modules are not seen.
    pub fn expects_exception_here_or_in_callers(
        &self,
        offset: TextSize,
        name: &str,
    ) -> Option<TextSize> {
        if let Some(found) = self.expects_exception(offset, name) {
            return Some(found);
        }
        let function = self.enclosing_function(self.scope_at(offset))?;
        let def = self.scope(function).function()?;
        let outer = self.scope(function).parent?;
        self.uses_of(def.name.as_str(), outer)
            .into_iter()
            .filter(|u| u.kind == UseKind::Read)
            .find_map(|u| self.expects_exception(u.range.start(), name))
    }

    /// Whether `handler` catches `name` by that name (alone or in a tuple).
    fn handler_catches_builtin(
        &self,
        handler: &ast::ExceptHandler,
        name: &str,
        scope: ScopeId,
    ) -> bool {
        let ast::ExceptHandler::ExceptHandler(handler) = handler;
        match handler.type_.as_deref() {
            Some(Expr::Tuple(tuple)) => tuple.iter().any(|e| self.is_builtin_name(e, name, scope)),
            Some(other) => self.is_builtin_name(other, name, scope),
            None => false,
        }
    }

    /// Whether a simple statement's expressions mention the builtin `name`.
    fn statement_mentions_builtin(&self, stmt: &Stmt, name: &str, scope: ScopeId) -> bool {
        let mut found = false;
        let mut visit = |expr: &Expr| {
            found = found || any_over_expr(expr, &|e: &Expr| self.is_builtin_name(e, name, scope));
        };
        match stmt {
            Stmt::Expr(s) => visit(&s.value),
            Stmt::Return(s) => s.value.iter().for_each(|v| visit(v)),
            Stmt::Assign(s) => visit(&s.value),
            Stmt::AnnAssign(s) => s.value.iter().for_each(|v| visit(v)),
            Stmt::AugAssign(s) => visit(&s.value),
            _ => {}
        }
        found
    }

    /// Whether `expr` is the builtin `name`, not a local of that name.
    fn is_builtin_name(&self, expr: &Expr, name: &str, scope: ScopeId) -> bool {
        matches!(expr, Expr::Name(n) if n.id.as_str() == name)
            && matches!(self.lookup(name, scope), Lookup::Builtin)
    }
}

/// A statement with no body of its own.
fn is_simple(stmt: &Stmt) -> bool {
    matches!(
        stmt,
        Stmt::Expr(_) | Stmt::Return(_) | Stmt::Assign(_) | Stmt::AnnAssign(_) | Stmt::AugAssign(_)
    )
}

#[cfg(test)]
mod tests {
    use ruff_text_size::TextSize;

    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    /// Whether the code at the `HERE` marker expects a `TypeError`.
    fn expects(source: &str) -> bool {
        let site = source.find("HERE").expect("a HERE marker");
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        semantic
            .expects_exception(TextSize::new(site as u32), "TypeError")
            .is_some()
    }

    #[test]
    fn handlers_and_context_managers_that_name_it() {
        assert!(expects("try:\n    HERE()\nexcept TypeError:\n    pass\n"));
        assert!(expects(
            "try:\n    if x:\n        HERE()\nexcept (ValueError, TypeError):\n    pass\n"
        ));
        assert!(expects(
            "def t(self):\n    with self.assertRaises(TypeError):\n        HERE()\n"
        ));
        assert!(expects(
            "with pytest.raises(TypeError, match='loop'):\n    HERE()\n"
        ));
        assert!(expects("self.assertRaises(TypeError, HERE, None)\n"));
    }

    #[test]
    fn callers_in_the_module_count() {
        let via_callers = |source: &str| {
            let site = source.find("HERE").expect("a HERE marker");
            let parsed = parse(source).unwrap();
            let semantic = SemanticModel::build(parsed.syntax());
            semantic
                .expects_exception_here_or_in_callers(TextSize::new(site as u32), "TypeError")
                .is_some()
        };
        assert!(via_callers(
            "def make(loop):\n    return HERE(loop)\ntry:\n    make(None)\nexcept TypeError:\n    pass\n"
        ));
        assert!(via_callers(
            "def make(loop):\n    return HERE(loop)\nclass T:\n    def test(self):\n        self.assertRaises(TypeError, make, None)\n"
        ));
        assert!(!via_callers(
            "def make(loop):\n    return HERE(loop)\nmake(None)\n"
        ));
    }

    #[test]
    fn other_code_does_not() {
        assert!(!expects("try:\n    HERE()\nexcept ValueError:\n    pass\n"));
        // A broad handler is not taken to expect this one exception.
        assert!(!expects("try:\n    HERE()\nexcept Exception:\n    pass\n"));
        // The handler's own body is not protected by it.
        assert!(!expects("try:\n    pass\nexcept TypeError:\n    HERE()\n"));
        // A function defined in the block runs later, elsewhere.
        assert!(!expects(
            "with suppress(TypeError):\n    def f():\n        HERE()\n"
        ));
        assert!(!expects(
            "with suppress(TypeError):\n    f = lambda: HERE()\n"
        ));
        // A local named like the builtin is something else.
        assert!(!expects(
            "TypeError = ValueError\ntry:\n    HERE()\nexcept TypeError:\n    pass\n"
        ));
    }
}
