//! What code does with a value it reads from a variable, for a variable
//! that holds a coroutine object (`result = fetch()` without `await`):
//! whether the code keeps the coroutine or runs it (awaits, schedules,
//! returns, stores or passes it on), uses it as only a result can be used
//! (a coroutine object fails there at once: subscripted, iterated,
//! called, an attribute coroutines lack), or uses it in a way a coroutine
//! object also supports without complaint (a truth test, `is None`, `==`,
//! `print`, `str`, an f-string).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, CmpOp, Expr, ExprContext, Operator, Stmt, UnaryOp};
use ruff_text_size::{Ranged, TextRange};

use super::{ScopeId, SemanticModel};

/// What a read of a variable holding a coroutine object does with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CoroutineValueUse {
    /// A use only a result supports: a coroutine object raises there at
    /// once (`TypeError`, `AttributeError`).
    Fails,
    /// A use that works the same way on a coroutine object as on most
    /// values: nothing shows the mistake.
    Silent,
    /// The coroutine is run, handed on or kept (awaited, scheduled,
    /// returned, stored, passed to code that may await it, read by a
    /// nested function, used through its coroutine methods), or the use
    /// is one this layer does not know.
    Kept,
}

/// Builtins that need a value a coroutine object is not: they raise a
/// `TypeError` when given one as their first argument.
const FAILING_BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "bin",
    "bytearray",
    "bytes",
    "chr",
    "complex",
    "dict",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "hex",
    "int",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "oct",
    "ord",
    "range",
    "reversed",
    "round",
    "set",
    "sorted",
    "sum",
    "tuple",
    "zip",
];

/// Builtins that accept any object, a coroutine object too.
const SILENT_BUILTINS: &[&str] = &[
    "ascii",
    "bool",
    "callable",
    "dir",
    "format",
    "getattr",
    "hasattr",
    "hash",
    "id",
    "isinstance",
    "print",
    "repr",
    "str",
    "type",
];

/// Builtin exceptions that catch what a coroutine object raises where a
/// result was meant.
const CATCHING_FAILURES: &[&str] = &["TypeError", "AttributeError", "Exception", "BaseException"];

/// Builtin exceptions that are neither a `TypeError` nor an
/// `AttributeError`, nor their bases: a handler of only these lets what a
/// coroutine object raises through.
const OTHER_EXCEPTIONS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "ConnectionError",
    "EOFError",
    "FileNotFoundError",
    "GeneratorExit",
    "ImportError",
    "IndexError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "ModuleNotFoundError",
    "NameError",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PermissionError",
    "RecursionError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SystemExit",
    "TimeoutError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "ValueError",
    "ZeroDivisionError",
];

/// Library functions that raise a `TypeError` on a coroutine object.
const FAILING_FUNCTIONS: &[&str] = &["json.dumps", "json.dump"];

/// Attributes a coroutine object has (besides dunders): reading one is
/// using it as a coroutine.
const COROUTINE_ATTRIBUTES: &[&str] = &[
    "close",
    "cr_await",
    "cr_code",
    "cr_frame",
    "cr_origin",
    "cr_running",
    "cr_suspended",
    "send",
    "throw",
];

impl SemanticModel<'_> {
    /// What the read of a variable at `range` (a name in code running in
    /// `scope`) does with the value, were it a coroutine object.
    pub fn coroutine_value_use(&self, range: TextRange, scope: ScopeId) -> CoroutineValueUse {
        let Some(stmt) = self.statement_at(range.start()) else {
            return CoroutineValueUse::Kept;
        };
        let mut finder = Ancestors {
            range,
            stack: Vec::new(),
            found: None,
        };
        finder.visit_own(stmt);
        let Some(ancestors) = finder.found else {
            return CoroutineValueUse::Kept;
        };
        let verdict = match ancestors.len().checked_sub(1) {
            Some(last) => self.use_in(stmt, &ancestors, last, scope),
            None => CoroutineValueUse::Kept,
        };
        if verdict == CoroutineValueUse::Fails && self.failure_may_be_caught(range, scope) {
            // `try: v = x["k"] except TypeError: v = None` runs on.
            return CoroutineValueUse::Silent;
        }
        verdict
    }

    /// Whether the code around `range` may catch the `TypeError` or
    /// `AttributeError` a coroutine object raises there: a `try` of the
    /// same function with a bare handler, or one naming anything but
    /// builtin exceptions that are neither (`except KeyError:` lets them
    /// through), or a `with` that expects them (`suppress(Exception)`).
    fn failure_may_be_caught(&self, range: TextRange, scope: ScopeId) -> bool {
        let offset = range.start();
        if self
            .expects_any_exception(offset, CATCHING_FAILURES)
            .is_some()
        {
            return true;
        }
        let frame = self.frame_of(scope);
        let Some(mut current) = self.innermost_stmt(frame, offset) else {
            return true;
        };
        loop {
            let Some((suite, _)) = self.suite_of(current) else {
                return false;
            };
            let Some(parent) = suite.parent else {
                return false;
            };
            match parent {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return false,
                Stmt::Try(try_stmt)
                    if std::ptr::eq(try_stmt.body.as_ptr(), suite.body.as_ptr())
                        && try_stmt
                            .handlers
                            .iter()
                            .any(|handler| self.may_catch_failure(handler, frame)) =>
                {
                    return true;
                }
                _ => current = parent,
            }
        }
    }

    /// Whether an `except` clause may catch a `TypeError` or an
    /// `AttributeError`: anything but a list of other builtin exceptions.
    fn may_catch_failure(&self, handler: &ast::ExceptHandler, scope: ScopeId) -> bool {
        let ast::ExceptHandler::ExceptHandler(handler) = handler;
        let Some(caught) = handler.type_.as_deref() else {
            return true;
        };
        let names: Vec<&Expr> = match caught {
            Expr::Tuple(tuple) => tuple.iter().collect(),
            other => vec![other],
        };
        names.iter().any(|name| {
            self.qualified_name(name, scope).is_none_or(|q| {
                q.as_str()
                    .strip_prefix("builtins.")
                    .is_none_or(|builtin| !OTHER_EXCEPTIONS.contains(&builtin))
            })
        })
    }

    /// What the expression `ancestors[index]` does as a child of
    /// `ancestors[index - 1]` (of `stmt` at index 0); the name read is last.
    fn use_in(
        &self,
        stmt: &Stmt,
        ancestors: &[&Expr],
        index: usize,
        scope: ScopeId,
    ) -> CoroutineValueUse {
        use CoroutineValueUse::{Fails, Kept, Silent};
        let Some(child) = ancestors.get(index) else {
            return Kept;
        };
        let Some(parent) = index.checked_sub(1).and_then(|i| ancestors.get(i)) else {
            return statement_use(stmt, child);
        };
        let is = |expr: &Expr| expr.range() == child.range();
        match parent {
            Expr::Await(_) => Kept,
            Expr::Attribute(attribute) => {
                let attr = attribute.attr.as_str();
                if (attr.starts_with("__") && attr.ends_with("__"))
                    || COROUTINE_ATTRIBUTES.contains(&attr)
                {
                    Kept
                } else {
                    Fails
                }
            }
            Expr::Subscript(subscript) if is(&subscript.value) => Fails,
            Expr::Subscript(subscript) => {
                if subscript.ctx == ExprContext::Store {
                    Kept
                } else {
                    Silent
                }
            }
            Expr::Call(call) if is(&call.func) => Fails,
            Expr::Call(call) => {
                let first = call.arguments.args.first().is_some_and(&is);
                match self.qualified_name(&call.func, scope) {
                    Some(q)
                        if q.as_str()
                            .strip_prefix("builtins.")
                            .is_some_and(|b| SILENT_BUILTINS.contains(&b)) =>
                    {
                        Silent
                    }
                    Some(q)
                        if first
                            && (q
                                .as_str()
                                .strip_prefix("builtins.")
                                .is_some_and(|b| FAILING_BUILTINS.contains(&b))
                                || FAILING_FUNCTIONS.contains(&q.as_str())) =>
                    {
                        Fails
                    }
                    _ => Kept,
                }
            }
            Expr::Starred(_) => Fails,
            Expr::Compare(compare) => {
                let operands: Vec<&Expr> = std::iter::once(compare.left.as_ref())
                    .chain(compare.comparators.iter())
                    .collect();
                let Some(at) = operands.iter().position(|o| is(o)) else {
                    return Kept;
                };
                let mut verdict = Silent;
                // `child op other`
                if let (Some(op), Some(other)) = (compare.ops.get(at), operands.get(at + 1))
                    && is_ordering(*op)
                    && is_literal(other)
                {
                    verdict = Fails;
                }
                // `other op child`
                if let Some(before) = at.checked_sub(1)
                    && let (Some(op), Some(other)) = (compare.ops.get(before), operands.get(before))
                    && ((is_ordering(*op) && is_literal(other))
                        || matches!(op, CmpOp::In | CmpOp::NotIn))
                {
                    verdict = Fails;
                }
                verdict
            }
            Expr::BinOp(binop) => {
                let other = if is(&binop.left) {
                    &binop.right
                } else {
                    &binop.left
                };
                let formats = binop.op == Operator::Mod
                    && is(&binop.right)
                    && matches!(
                        binop.left.as_ref(),
                        Expr::StringLiteral(_) | Expr::BytesLiteral(_)
                    );
                if formats || !is_literal(other) {
                    Silent
                } else {
                    Fails
                }
            }
            Expr::UnaryOp(unary) => {
                if unary.op == UnaryOp::Not {
                    Silent
                } else {
                    Fails
                }
            }
            // A coroutine object is true: `x or y` is `x`, `x and y` is
            // `y`, and the last operand is the value when reached.
            Expr::BoolOp(boolop)
                if boolop.op == ast::BoolOp::And
                    && boolop.values.last().is_none_or(|last| !is(last)) =>
            {
                Silent
            }
            Expr::BoolOp(_) => self.use_in(stmt, ancestors, index - 1, scope),
            Expr::If(if_exp) if is(&if_exp.test) => Silent,
            Expr::If(_) => self.use_in(stmt, ancestors, index - 1, scope),
            Expr::FString(_) | Expr::TString(_) => Silent,
            Expr::ListComp(comp) => first_iterated(&comp.generators, is),
            Expr::SetComp(comp) => first_iterated(&comp.generators, is),
            Expr::Generator(generator) => first_iterated(&generator.generators, is),
            Expr::DictComp(comp) => first_iterated(&comp.generators, is),
            _ => Kept,
        }
    }
}

/// Reading the first iterable of a comprehension iterates it at once; any
/// other part of it runs in the comprehension's own scope, not here.
fn first_iterated(
    generators: &[ast::Comprehension],
    is: impl Fn(&Expr) -> bool,
) -> CoroutineValueUse {
    match generators.first() {
        Some(first) if is(&first.iter) => CoroutineValueUse::Fails,
        _ => CoroutineValueUse::Kept,
    }
}

/// What a statement does with an expression directly in it.
fn statement_use(stmt: &Stmt, child: &Expr) -> CoroutineValueUse {
    use CoroutineValueUse::{Fails, Kept, Silent};
    let is = |expr: &Expr| expr.range() == child.range();
    match stmt {
        Stmt::For(loop_) if is(&loop_.iter) => Fails,
        Stmt::With(with) if with.items.iter().any(|item| is(&item.context_expr)) => Fails,
        Stmt::Raise(raise) if raise.exc.as_deref().is_some_and(is) => Fails,
        // `a, b = value` unpacks it.
        Stmt::Assign(assign)
            if is(&assign.value)
                && assign
                    .targets
                    .iter()
                    .all(|t| matches!(t, Expr::Tuple(_) | Expr::List(_))) =>
        {
            Fails
        }
        Stmt::If(_) | Stmt::While(_) | Stmt::Assert(_) | Stmt::Expr(_) => Silent,
        _ => Kept,
    }
}

/// `<`, `<=`, `>`, `>=`: a coroutine object has no order.
fn is_ordering(op: CmpOp) -> bool {
    matches!(op, CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE)
}

/// A literal of a builtin type, whose operators reject a coroutine object.
fn is_literal(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::List(_)
            | Expr::Tuple(_)
            | Expr::Dict(_)
            | Expr::Set(_)
    )
}

/// Finds the expressions around the name at `range`, outermost first.
struct Ancestors<'a> {
    range: TextRange,
    stack: Vec<&'a Expr>,
    found: Option<Vec<&'a Expr>>,
}

impl<'a> Ancestors<'a> {
    /// The expressions of `stmt` itself: its header for a compound
    /// statement, not its nested blocks.
    fn visit_own(&mut self, stmt: &'a Stmt) {
        super::statements::visit_own_expressions(self, stmt);
    }
}

impl<'a> Visitor<'a> for Ancestors<'a> {
    fn visit_stmt(&mut self, _: &'a Stmt) {}

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() || !expr.range().contains_range(self.range) {
            return;
        }
        self.stack.push(expr);
        if expr.range() == self.range && matches!(expr, Expr::Name(_)) {
            self.found = Some(self.stack.clone());
        } else {
            visitor::walk_expr(self, expr);
        }
        self.stack.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::CoroutineValueUse::{self, *};
    use crate::test_support::with_context;

    /// What the last read of `x` in `body` (the body of a function with `x`
    /// bound) does with it.
    fn use_of(body: &str) -> CoroutineValueUse {
        let source = format!("import json\nasync def f(x, y):\n{body}");
        with_context(&source, |ctx| {
            let reference = ctx
                .semantic
                .references_named("x")
                .last()
                .copied()
                .expect("a read of x");
            ctx.semantic
                .coroutine_value_use(reference.range, reference.scope)
        })
    }

    #[test]
    fn uses_only_a_result_supports() {
        for body in [
            "    x['a']\n",
            "    x['a'] = 1\n",
            "    x.json()\n",
            "    x()\n",
            "    for i in x:\n        pass\n",
            "    async for i in x:\n        pass\n",
            "    async with x:\n        pass\n",
            "    a, b = x\n",
            "    print(*x)\n",
            "    print(len(x))\n",
            "    json.dumps(x)\n",
            "    return x + 1\n",
            "    return 'a' + x\n",
            "    return -x\n",
            "    return x < 3\n",
            "    return 1 in x\n",
            "    return [i for i in x]\n",
            "    return (i for i in x)\n",
            "    raise x\n",
            "    return (x or {})['a']\n",
            "    try:\n        x['a']\n    except KeyError:\n        pass\n",
            "    try:\n        pass\n    except Exception:\n        x['a']\n",
        ] {
            assert_eq!(use_of(body), Fails, "{body}");
        }
    }

    #[test]
    fn uses_a_coroutine_object_passes_silently() {
        for body in [
            "    if x:\n        pass\n",
            "    while not x:\n        pass\n",
            "    return x is None\n",
            "    return x == y\n",
            "    return x in y\n",
            "    print(x)\n",
            "    return str(x)\n",
            "    return f'{x}'\n",
            "    return '%s' % x\n",
            "    return x + y\n",
            "    return x < y\n",
            "    return isinstance(x, dict)\n",
            "    assert x\n",
            "    y[x]\n",
            "    print(x or y)\n",
            "    return x and y\n",
            "    return 1 if x else 2\n",
            "    try:\n        x['a']\n    except TypeError:\n        pass\n",
            "    try:\n        if y:\n            x.json()\n    except (KeyError, Exception):\n        pass\n",
            "    try:\n        x['a']\n    except:\n        pass\n",
            "    try:\n        x['a']\n    except MyError:\n        pass\n",
        ] {
            assert_eq!(use_of(body), Silent, "{body}");
        }
    }

    #[test]
    fn uses_that_run_or_keep_the_coroutine() {
        for body in [
            "    await x\n",
            "    return x\n",
            "    y.append(x)\n",
            "    z = x\n",
            "    y.pending = x\n",
            "    y[0] = x\n",
            "    y[x] = 1\n",
            "    x.send(None)\n",
            "    x.close()\n",
            "    x.__await__()\n",
            "    handle(x)\n",
            "    z = x or y\n",
            "    z = x if y else None\n",
            "    z = [x]\n",
            "    yield x\n",
            "    len(y, x)\n",
        ] {
            assert_eq!(use_of(body), Kept, "{body}");
        }
    }
}
