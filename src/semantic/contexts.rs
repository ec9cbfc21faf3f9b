//! What a function does to the objects the current `contextvars` context
//! holds. Code run by `asyncio.to_thread` (or a task) runs in a copy of the
//! caller's context: setting a context variable there stays in the copy,
//! but the copy's variables hold the caller's very objects, so changing one
//! in place (`decimal.getcontext().prec = 3`, `REQUEST.get().append(x)`)
//! changes it for the caller too.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange};

use super::imports::Lookup;
use super::suspension::MUTATORS;
use super::{BindingKind, ScopeId, SemanticModel};

/// Methods of `decimal.Context` that change it.
const CONTEXT_MUTATORS: &[&str] = &["clear_flags", "clear_traps"];

impl<'a> SemanticModel<'a> {
    /// Where the own code of `def` (not its nested functions) changes in
    /// place an object the current context holds: the decimal context that
    /// `decimal.getcontext()` returns, or the value of a context variable of
    /// the module (`VAR.get()`, `VAR` bound only to a
    /// `contextvars.ContextVar(…)`), directly or through a local name bound
    /// to one (`ctx = decimal.getcontext()`): an assignment or deletion of an
    /// attribute or item of it (`ctx.prec = 3`, `ctx.traps[E] = False`), or
    /// a call of a method that changes it (`VAR.get().append(x)`,
    /// `ctx.clear_flags()`). Functions it calls are not seen, nor context
    /// variables imported from other modules.
    pub fn changes_context_objects(&self, def: &StmtFunctionDef) -> Option<TextRange> {
        let scope = self.scope_of_function(def)?;
        let mut aliases = AliasFinder {
            semantic: self,
            scope,
            names: Vec::new(),
        };
        aliases.visit_body(&def.body);
        let mut finder = ChangeFinder {
            semantic: self,
            scope,
            aliases: &aliases.names,
            found: None,
        };
        finder.visit_body(&def.body);
        finder.found
    }

    /// `decimal.getcontext()`, or `VAR.get(…)` of a context variable of the
    /// module.
    fn is_context_object(&self, expr: &Expr, scope: ScopeId) -> bool {
        let Expr::Call(call) = expr else {
            return false;
        };
        if self.refers_to(&call.func, scope, "decimal.getcontext") {
            return true;
        }
        let Expr::Attribute(method) = call.func.as_ref() else {
            return false;
        };
        let Expr::Name(variable) = method.value.as_ref() else {
            return false;
        };
        method.attr.as_str() == "get" && self.is_context_variable(variable.id.as_str(), scope)
    }

    /// Whether every binding of `name` at `scope` assigns it a
    /// `contextvars.ContextVar(…)`.
    fn is_context_variable(&self, name: &str, scope: ScopeId) -> bool {
        let Lookup::Bound { bindings, .. } = self.lookup(name, scope) else {
            return false;
        };
        bindings.iter().all(|&id| {
            let binding = self.binding(id);
            let value = match binding.stmt {
                Some(Stmt::Assign(assign)) => Some(&*assign.value),
                Some(Stmt::AnnAssign(assign)) => assign.value.as_deref(),
                _ => None,
            };
            matches!(binding.kind, BindingKind::Assignment)
                && matches!(value, Some(Expr::Call(call))
                    if self.refers_to(&call.func, self.scope_at(call.start()), "contextvars.ContextVar"))
        })
    }
}

/// The expression an attribute or item chain starts from: `ctx` in
/// `ctx.traps[E]`, the call in `getcontext().flags`.
fn chain_root(mut expr: &Expr) -> &Expr {
    loop {
        match expr {
            Expr::Attribute(attribute) => expr = &attribute.value,
            Expr::Subscript(subscript) => expr = &subscript.value,
            _ => return expr,
        }
    }
}

/// Collects the local names a function binds to a context object.
struct AliasFinder<'m, 'a, 'b> {
    semantic: &'m SemanticModel<'a>,
    scope: ScopeId,
    names: Vec<&'b str>,
}

impl<'b> Visitor<'b> for AliasFinder<'_, '_, 'b> {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Assign(assign) if self.semantic.is_context_object(&assign.value, self.scope) => {
                for target in &assign.targets {
                    if let Expr::Name(name) = target {
                        self.names.push(name.id.as_str());
                    }
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            Expr::Lambda(_) => {}
            Expr::Named(named) if self.semantic.is_context_object(&named.value, self.scope) => {
                if let Expr::Name(name) = named.target.as_ref() {
                    self.names.push(name.id.as_str());
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Finds the first change of a context object in a function's own code.
struct ChangeFinder<'m, 'a, 'n> {
    semantic: &'m SemanticModel<'a>,
    scope: ScopeId,
    aliases: &'n [&'n str],
    found: Option<TextRange>,
}

impl ChangeFinder<'_, '_, '_> {
    /// Whether an attribute or item chain starts from a context object.
    fn reaches_context(&self, expr: &Expr) -> bool {
        let root = chain_root(expr);
        match root {
            Expr::Name(name) => self.aliases.contains(&name.id.as_str()),
            _ => self.semantic.is_context_object(root, self.scope),
        }
    }

    /// An assignment or deletion target that changes a context object.
    fn changes(&self, target: &Expr) -> bool {
        match target {
            Expr::Attribute(_) | Expr::Subscript(_) => self.reaches_context(target),
            Expr::Tuple(tuple) => tuple.iter().any(|t| self.changes(t)),
            Expr::List(list) => list.iter().any(|t| self.changes(t)),
            Expr::Starred(starred) => self.changes(&starred.value),
            _ => false,
        }
    }
}

impl<'b> Visitor<'b> for ChangeFinder<'_, '_, '_> {
    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        if self.found.is_some() {
            return;
        }
        let changed = match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return,
            Stmt::Assign(assign) => assign.targets.iter().any(|t| self.changes(t)),
            Stmt::AugAssign(assign) => self.changes(&assign.target),
            Stmt::AnnAssign(assign) => assign.value.is_some() && self.changes(&assign.target),
            Stmt::Delete(delete) => delete.targets.iter().any(|t| self.changes(t)),
            _ => false,
        };
        if changed {
            self.found = Some(stmt.range());
            return;
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'b Expr) {
        if self.found.is_some() {
            return;
        }
        match expr {
            Expr::Lambda(_) => {}
            Expr::Call(ast::ExprCall { func, .. })
                if matches!(func.as_ref(), Expr::Attribute(method)
                    if (MUTATORS.contains(&method.attr.as_str())
                        || CONTEXT_MUTATORS.contains(&method.attr.as_str()))
                        && self.reaches_context(&method.value)) =>
            {
                self.found = Some(expr.range());
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::Stmt;

    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    /// Whether the last function of `source` changes a context object.
    fn changes(source: &str) -> bool {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        let Some(Stmt::FunctionDef(def)) = parsed.syntax().body.last() else {
            panic!("no function last")
        };
        semantic.changes_context_objects(def).is_some()
    }

    #[test]
    fn changes_of_the_decimal_context() {
        let head = "import decimal\nfrom decimal import getcontext\n";
        for body in [
            "decimal.getcontext().prec = 3",
            "getcontext().traps[decimal.Inexact] = True",
            "ctx = decimal.getcontext()\n    ctx.rounding = decimal.ROUND_DOWN",
            "ctx = getcontext()\n    del ctx.traps[decimal.Inexact]",
            "getcontext().clear_flags()",
            "getcontext().prec += 1",
        ] {
            assert!(changes(&format!("{head}def f():\n    {body}\n")), "{body}");
        }
    }

    #[test]
    fn changes_of_a_context_variables_value() {
        let head = "import contextvars\nSEEN = contextvars.ContextVar('seen')\n";
        for body in [
            "SEEN.get().append(1)",
            "SEEN.get()['k'] = 1",
            "items = SEEN.get()\n    items.update(more)",
            "SEEN.get().count = 2",
        ] {
            assert!(
                changes(&format!("{head}def f(more):\n    {body}\n")),
                "{body}"
            );
        }
    }

    #[test]
    fn other_code_does_not() {
        let head =
            "import contextvars, decimal\nSEEN = contextvars.ContextVar('seen')\nplain = {}\n";
        for body in [
            // Setting the variable stays in the copy.
            "SEEN.set([1])",
            "decimal.setcontext(decimal.Context(prec=3))",
            // A local context or a copy is the function's own.
            "with decimal.localcontext() as ctx:\n        ctx.prec = 3",
            "ctx = decimal.getcontext().copy()\n    ctx.prec = 3",
            // Reading is not changing.
            "return decimal.getcontext().prec + len(SEEN.get())",
            // `.get()` of something else.
            "plain.get('k').append(1)",
            // A nested function runs later, if at all.
            "def later():\n        SEEN.get().append(1)",
        ] {
            assert!(!changes(&format!("{head}def f():\n    {body}\n")), "{body}");
        }
    }
}
