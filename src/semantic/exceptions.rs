//! What an `except` handler does with the exception it caught: whether it
//! looks at the exception's type itself (`isinstance(e, C)`, `type(e) is
//! C`, `e.__class__`, `match e:`, through `sys.exc_info()` or
//! `sys.exception()` too) and against which classes, and whether it reads
//! the exception's attributes (`e.args`, `e.status`). A handler that tests
//! the type decides per type what happens; one that reads attributes
//! depends on the exception's class having them.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, ExceptHandlerExceptHandler, Expr, Pattern, Stmt};

use super::{ScopeId, SemanticModel};

/// What a handler's own code (not nested functions or lambdas, which run
/// later) does with the caught exception.
#[derive(Debug, Default)]
pub struct CaughtUse<'a> {
    /// The handler tests the exception's type.
    pub tests_type: bool,
    /// What it tests against: classes, tuples of them, the strings it
    /// compares a type's name with, the classes of `case C():` patterns.
    pub tested_against: Vec<&'a Expr>,
    /// It reads an attribute of the exception object.
    pub reads_attributes: bool,
}

impl<'a> SemanticModel<'a> {
    /// What `handler` (whose body runs in `scope`) does with the exception
    /// it caught (see [`CaughtUse`]).
    pub fn caught_use<'h>(
        &self,
        handler: &'h ExceptHandlerExceptHandler,
        scope: ScopeId,
    ) -> CaughtUse<'h> {
        let mut finder = CaughtFinder {
            semantic: self,
            scope,
            name: handler.name.as_ref().map(ast::Identifier::as_str),
            found: CaughtUse::default(),
        };
        finder.visit_body(&handler.body);
        finder.found
    }

    /// Whether `expr` names asyncio's `CancelledError`: under any import
    /// spelling, as a name or attribute the module cannot resolve but that
    /// is spelled `CancelledError` (it may well be it), in a tuple, or as a
    /// string holding that name (a comparison with `type(e).__name__`).
    pub fn names_cancelled_error(&self, expr: &Expr, scope: ScopeId) -> bool {
        match expr {
            Expr::Tuple(tuple) => tuple
                .elts
                .iter()
                .any(|e| self.names_cancelled_error(e, scope)),
            Expr::StringLiteral(string) => string.value.to_str().contains("CancelledError"),
            _ => match self.qualified_name(expr, scope) {
                Some(qualified) => {
                    qualified.module() == "asyncio" && qualified.member() == "CancelledError"
                }
                None => match expr {
                    Expr::Name(name) => name.id.as_str() == "CancelledError",
                    Expr::Attribute(attribute) => attribute.attr.as_str() == "CancelledError",
                    _ => false,
                },
            },
        }
    }
}

impl<'a> SemanticModel<'a> {
    /// A class of the module that derives from asyncio's `CancelledError`
    /// (directly, or through another such class of the module), if any.
    pub fn cancelled_error_subclass(&self) -> Option<&'a ast::StmtClassDef> {
        let classes: Vec<(&'a ast::StmtClassDef, ScopeId)> = self
            .scopes
            .iter()
            .filter_map(|scope| match (scope.node, scope.parent) {
                (super::ScopeNode::Class(class), Some(parent)) => Some((class, parent)),
                _ => None,
            })
            .collect();
        let mut found: Vec<&'a ast::StmtClassDef> = Vec::new();
        // Each round adds the classes deriving from one found before.
        loop {
            let next = classes.iter().find(|(class, parent)| {
                !found.iter().any(|known| std::ptr::eq(*known, *class))
                    && class.bases().iter().any(|base| {
                        (!base.is_string_literal_expr() && self.names_cancelled_error(base, *parent))
                            || matches!(base, Expr::Name(name)
                                if found.iter().any(|known| known.name.as_str() == name.id.as_str()))
                    })
            });
            match next {
                Some((class, _)) => found.push(class),
                None => return found.first().copied(),
            }
        }
    }
}

struct CaughtFinder<'m, 'a, 'h> {
    semantic: &'m SemanticModel<'a>,
    scope: ScopeId,
    /// The `as` name of the handler.
    name: Option<&'h str>,
    found: CaughtUse<'h>,
}

impl<'h> CaughtFinder<'_, '_, 'h> {
    fn is_call_of(&self, expr: &Expr, qualified: &str) -> bool {
        matches!(expr, Expr::Call(call) if self.semantic.refers_to(&call.func, self.scope, qualified))
    }

    /// `sys.exc_info()[index]`.
    fn is_exc_info_item(&self, expr: &Expr, index: i32) -> bool {
        let Expr::Subscript(subscript) = expr else {
            return false;
        };
        let is_index = matches!(
            subscript.slice.as_ref(),
            Expr::NumberLiteral(ast::ExprNumberLiteral {
                value: ast::Number::Int(int),
                ..
            }) if int.as_i32() == Some(index)
        );
        is_index && self.is_call_of(&subscript.value, "sys.exc_info")
    }

    /// The caught exception itself: `e`, `sys.exception()`, `sys.exc_info()[1]`.
    fn is_exception(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Name(name) => Some(name.id.as_str()) == self.name,
            _ => self.is_call_of(expr, "sys.exception") || self.is_exc_info_item(expr, 1),
        }
    }

    /// Its type: `type(e)`, `e.__class__`, `sys.exc_info()[0]`, and the
    /// names of those (`type(e).__name__`).
    fn is_exception_type(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Call(call) => {
                self.semantic
                    .refers_to(&call.func, self.scope, "builtins.type")
                    && matches!(&*call.arguments.args, [only] if self.is_exception(only))
            }
            Expr::Attribute(attribute) => match attribute.attr.as_str() {
                "__class__" => self.is_exception(&attribute.value),
                "__name__" | "__qualname__" => self.is_exception_type(&attribute.value),
                _ => false,
            },
            _ => self.is_exc_info_item(expr, 0),
        }
    }

    fn tested(&mut self, against: impl IntoIterator<Item = &'h Expr>) {
        self.found.tests_type = true;
        self.found.tested_against.extend(against);
    }

    fn pattern_classes(pattern: &'h Pattern, out: &mut Vec<&'h Expr>) {
        match pattern {
            Pattern::MatchClass(class) => out.push(&class.cls),
            Pattern::MatchValue(value) => out.push(&value.value),
            Pattern::MatchOr(or) => {
                for each in &or.patterns {
                    Self::pattern_classes(each, out);
                }
            }
            Pattern::MatchAs(ast::PatternMatchAs {
                pattern: Some(inner),
                ..
            }) => Self::pattern_classes(inner, out),
            _ => {}
        }
    }
}

impl<'h> Visitor<'h> for CaughtFinder<'_, '_, 'h> {
    fn visit_stmt(&mut self, stmt: &'h Stmt) {
        match stmt {
            // Runs later, if at all.
            Stmt::FunctionDef(_) => {}
            Stmt::Match(match_) => {
                if self.is_exception(&match_.subject) || self.is_exception_type(&match_.subject) {
                    let mut classes = Vec::new();
                    for case in &match_.cases {
                        Self::pattern_classes(&case.pattern, &mut classes);
                    }
                    self.tested(classes);
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'h Expr) {
        match expr {
            Expr::Lambda(_) => return,
            Expr::Call(call) => {
                let args = &*call.arguments.args;
                let func = &call.func;
                if self
                    .semantic
                    .refers_to(func, self.scope, "builtins.isinstance")
                    && let [value, classes] = args
                    && self.is_exception(value)
                {
                    self.tested([classes]);
                } else if self
                    .semantic
                    .refers_to(func, self.scope, "builtins.issubclass")
                    && let [type_, classes] = args
                    && self.is_exception_type(type_)
                {
                    self.tested([classes]);
                }
            }
            Expr::Compare(compare) => {
                let operands = || std::iter::once(&*compare.left).chain(compare.comparators.iter());
                if operands().any(|e| self.is_exception_type(e)) {
                    let others: Vec<&'h Expr> =
                        operands().filter(|e| !self.is_exception_type(e)).collect();
                    self.tested(others);
                }
            }
            Expr::Attribute(attribute) if self.is_exception(&attribute.value) => {
                self.found.reads_attributes = true;
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{ExceptHandler, Stmt};

    use crate::test_support::with_context;

    /// (tests the type, mentions CancelledError, reads attributes) for the
    /// first handler of the first `try` inside `async def f`.
    fn look(handler: &str) -> (bool, bool, bool) {
        let source = format!(
            "import asyncio, sys\nfrom asyncio import CancelledError\nasync def f():\n    try:\n        await g()\n    {handler}\n"
        );
        with_context(&source, |ctx| {
            let Some(Stmt::FunctionDef(def)) = ctx.module.body.get(2) else {
                panic!("no function")
            };
            let Some(Stmt::Try(try_)) = def.body.first() else {
                panic!("no try")
            };
            let Some(ExceptHandler::ExceptHandler(handler)) = try_.handlers.first() else {
                panic!("no handler")
            };
            let semantic = ctx.semantic;
            let scope = semantic.scope_at(handler.body[0].start());
            let found = semantic.caught_use(handler, scope);
            let mentions = found
                .tested_against
                .iter()
                .any(|e| semantic.names_cancelled_error(e, scope));
            (found.tests_type, mentions, found.reads_attributes)
        })
    }

    use ruff_text_size::Ranged;

    #[test]
    fn subclasses_of_cancelled_error() {
        let name = |source: &str| {
            with_context(source, |ctx| {
                ctx.semantic
                    .cancelled_error_subclass()
                    .map(|class| class.name.to_string())
            })
        };
        assert_eq!(
            name("import asyncio\n\nclass Aborted(asyncio.CancelledError):\n    pass\n"),
            Some("Aborted".to_string())
        );
        assert_eq!(
            name(
                "from asyncio import exceptions\n\nclass A(exceptions.CancelledError):\n    pass\n\nclass B(A):\n    pass\n"
            ),
            Some("A".to_string())
        );
        assert_eq!(
            name(
                "import asyncio\n\nclass Failed(Exception):\n    pass\n\nclass Other(Failed):\n    pass\n"
            ),
            None
        );
    }

    #[test]
    fn type_tests_in_every_spelling() {
        for handler in [
            "except BaseException as e:\n        if isinstance(e, asyncio.CancelledError):\n            return",
            "except BaseException as e:\n        if isinstance(e, (KeyError, CancelledError)):\n            return",
            "except BaseException as e:\n        if type(e) is asyncio.CancelledError:\n            return",
            "except BaseException as e:\n        ok = e.__class__ in (CancelledError, KeyError)",
            "except BaseException as e:\n        if type(e).__name__ == 'CancelledError':\n            return",
            "except BaseException as e:\n        match e:\n            case asyncio.CancelledError():\n                return",
            "except:\n        if issubclass(sys.exc_info()[0], CancelledError):\n            return",
            "except:\n        if isinstance(sys.exception(), CancelledError):\n            return",
        ] {
            assert_eq!(
                look(handler),
                (true, true, handler.contains("__class__")),
                "{handler}"
            );
        }
    }

    #[test]
    fn tests_against_other_classes_do_not_mention_cancellation() {
        assert_eq!(
            look(
                "except BaseException as e:\n        if isinstance(e, KeyboardInterrupt):\n            return"
            ),
            (true, false, false)
        );
        assert_eq!(
            look(
                "except BaseException as e:\n        match e:\n            case KeyError(): pass\n            case _: pass"
            ),
            (true, false, false)
        );
    }

    #[test]
    fn describing_is_not_testing() {
        assert_eq!(
            look(
                "except BaseException as e:\n        log.error('failed: %s %s', type(e).__name__, e)"
            ),
            (false, false, false)
        );
        assert_eq!(
            look("except BaseException as e:\n        print(e.args)"),
            (false, false, true)
        );
        // A nested function runs later, if at all.
        assert_eq!(
            look(
                "except BaseException as e:\n        def later():\n            return isinstance(e, CancelledError)"
            ),
            (false, false, false)
        );
    }
}
