//! Where the outcome of a coroutine is seen: the result it returns or the
//! exception it raises. A codemod that changes which exception a coroutine
//! function raises (a `TaskGroup` raises an `ExceptionGroup`) looks for
//! handlers where the outcome arrives; this layer says whether that is the
//! statement that makes the coroutine, or somewhere it cannot follow (a
//! task awaited later, a coroutine kept in a variable, the function handed
//! on as a value).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ExprCall, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{ScopeId, SemanticModel};

/// Where the outcome of the coroutine a call makes is seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeSite {
    /// In the statement that makes it: awaited there (`await f()`, also
    /// through `gather`, `wait_for` or `shield` awaited there), run to its
    /// end there (`asyncio.run(f())`, `loop.run_until_complete(f())`), or
    /// never awaited at all (`f()` as a statement).
    Here,
    /// Returned by the function the call is in (`return f()`): seen where
    /// that function's result is.
    Returned,
    /// Anywhere else: kept in a variable, made a task or future, passed to
    /// anything else, given to `gather(..., return_exceptions=True)`,
    /// yielded.
    Elsewhere,
}

/// Calls that await a coroutine given as an argument and give its outcome
/// as their own: awaited, they deliver it in the statement.
const PASS_THROUGH: &[&str] = &["asyncio.gather", "asyncio.wait_for", "asyncio.shield"];

/// Calls that run a coroutine given as an argument to its end and return
/// its result or raise its exception, without being awaited.
const RUNNERS: &[&str] = &["asyncio.run"];

impl SemanticModel<'_> {
    /// Where the outcome of the coroutine made by `call` (running in
    /// `scope`) is seen; see [`OutcomeSite`]. Only the statement around
    /// the call is looked at.
    pub fn coroutine_outcome_site(&self, call: &ExprCall, scope: ScopeId) -> OutcomeSite {
        let Some(stmt) = self.statement_at(call.start()) else {
            return OutcomeSite::Elsewhere;
        };
        let mut finder = Chain {
            range: call.range(),
            stack: Vec::new(),
            found: None,
        };
        super::statements::visit_own_expressions(&mut finder, stmt);
        let Some(chain) = finder.found else {
            return OutcomeSite::Elsewhere;
        };
        // From the call outwards: each parent either delivers the outcome
        // here, passes it up to its own parent, or takes it elsewhere.
        let mut index = chain.len().saturating_sub(1);
        loop {
            let Some(child) = chain.get(index) else {
                return OutcomeSite::Elsewhere;
            };
            let Some(parent) = index.checked_sub(1).and_then(|i| chain.get(i)) else {
                return match stmt {
                    Stmt::Expr(statement) if statement.value.range() == child.range() => {
                        OutcomeSite::Here
                    }
                    Stmt::Return(ret)
                        if ret
                            .value
                            .as_deref()
                            .is_some_and(|v| v.range() == child.range()) =>
                    {
                        OutcomeSite::Returned
                    }
                    _ => OutcomeSite::Elsewhere,
                };
            };
            match parent {
                Expr::Await(_) => return OutcomeSite::Here,
                Expr::Call(outer) if outer.func.range() != child.range() => {
                    let positional = outer
                        .arguments
                        .args
                        .iter()
                        .any(|arg| arg.range() == child.range());
                    if !positional {
                        return OutcomeSite::Elsewhere;
                    }
                    let returns_exceptions = outer
                        .arguments
                        .find_keyword("return_exceptions")
                        .is_some_and(
                            |k| !matches!(k.value, Expr::BooleanLiteral(ref b) if !b.value),
                        );
                    let runs = RUNNERS
                        .iter()
                        .any(|q| self.refers_to(&outer.func, scope, q))
                        || matches!(outer.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "run_until_complete");
                    if runs {
                        return OutcomeSite::Here;
                    }
                    let passes = PASS_THROUGH
                        .iter()
                        .any(|q| self.refers_to(&outer.func, scope, q));
                    if !passes || returns_exceptions {
                        return OutcomeSite::Elsewhere;
                    }
                }
                // A display unpacked into `gather(*[f(), g()])`.
                Expr::List(_) | Expr::Tuple(_)
                    if index >= 2 && matches!(chain.get(index - 2), Some(Expr::Starred(_))) => {}
                Expr::Starred(_) => {}
                _ => return OutcomeSite::Elsewhere,
            }
            index -= 1;
        }
    }

    /// Whether the module reads an attribute named `name` other than to
    /// call it at once (`self.work` passed on, stored, or bound to a
    /// name), or by a name it computes or spells as a string
    /// (`getattr(c, name)`, `getattr(c, "work")`, `operator.attrgetter`,
    /// `methodcaller`): a method of that name may then be called where the
    /// module cannot see. One walk of the module; ask only when it matters.
    pub fn reads_attribute_as_value(&self, name: &str) -> bool {
        let mut finder = AttributeValues { name, found: false };
        finder.visit_body(&self.module.body);
        finder.found
    }
}

/// The expressions from the statement's outermost one down to the one at
/// `range`.
struct Chain<'a> {
    range: TextRange,
    stack: Vec<&'a Expr>,
    found: Option<Vec<&'a Expr>>,
}

impl<'a> Visitor<'a> for Chain<'a> {
    fn visit_stmt(&mut self, _: &'a Stmt) {}

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() || !expr.range().contains_range(self.range) {
            return;
        }
        self.stack.push(expr);
        if expr.range() == self.range && matches!(expr, Expr::Call(_)) {
            self.found = Some(self.stack.clone());
        } else {
            visitor::walk_expr(self, expr);
        }
        self.stack.pop();
    }
}

/// Finds an attribute `name` read other than as the callee of a call.
struct AttributeValues<'n> {
    name: &'n str,
    found: bool,
}

impl<'a> Visitor<'a> for AttributeValues<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found {
            return;
        }
        match expr {
            Expr::Call(call) => {
                if self.reads_by_name(call) {
                    self.found = true;
                    return;
                }
                if let Expr::Attribute(attribute) = call.func.as_ref() {
                    // The callee itself is a call, not a value: look inside it.
                    self.visit_expr(&attribute.value);
                } else {
                    self.visit_expr(&call.func);
                }
                self.visit_arguments(&call.arguments);
            }
            Expr::Attribute(attribute) if attribute.attr.as_str() == self.name => {
                self.found = attribute.ctx.is_load();
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

impl AttributeValues<'_> {
    /// Whether `call` reads an attribute by a name given as an argument
    /// that may be `self.name`: `getattr(obj, name)` or one of its
    /// spellings, with a computed name or this one as a string. Matched by
    /// the callee's last name (the module may not have imported it under
    /// the standard name): a wider net is the safe side.
    fn reads_by_name(&self, call: &ExprCall) -> bool {
        let callee = match call.func.as_ref() {
            Expr::Name(name) => name.id.as_str(),
            Expr::Attribute(attribute) => attribute.attr.as_str(),
            _ => return false,
        };
        let names = match callee {
            "getattr" => call.arguments.args.get(1).into_iter().collect::<Vec<_>>(),
            "attrgetter" | "methodcaller" => call.arguments.args.first().into_iter().collect(),
            _ => return false,
        };
        names.is_empty()
            || call.arguments.args.iter().any(|a| a.is_starred_expr())
            || names.iter().any(|name| match name {
                Expr::StringLiteral(string) => {
                    let text = string.value.to_str();
                    text == self.name || text.split('.').any(|part| part == self.name)
                }
                _ => true,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::OutcomeSite::{self, *};
    use crate::test_support::with_context;

    /// Where the outcome of the call of `work` in `body` (the body of an
    /// `async def`) is seen.
    fn site(body: &str) -> OutcomeSite {
        let source =
            format!("import asyncio\nasync def work():\n    pass\nasync def f(loop):\n{body}");
        with_context(&source, |ctx| {
            let site = ctx
                .semantic
                .calls
                .iter()
                .find(|site| {
                    matches!(site.call.func.as_ref(), ruff_python_ast::Expr::Name(n) if n.id.as_str() == "work")
                })
                .expect("a call of work");
            ctx.semantic.coroutine_outcome_site(site.call, site.scope)
        })
    }

    #[test]
    fn outcomes_seen_in_the_statement() {
        for body in [
            "    await work()\n",
            "    x = await work()\n",
            "    x = await asyncio.gather(work(), work())\n",
            "    x = await asyncio.gather(*[work(), work()])\n",
            "    x = await asyncio.wait_for(work(), 1)\n",
            "    await asyncio.shield(work())\n",
            "    asyncio.run(work())\n",
            "    loop.run_until_complete(work())\n",
            "    work()\n",
            "    if await work():\n        pass\n",
        ] {
            assert_eq!(site(body), Here, "{body}");
        }
        assert_eq!(site("    return work()\n"), Returned);
    }

    #[test]
    fn outcomes_seen_elsewhere() {
        for body in [
            "    t = asyncio.create_task(work())\n",
            "    t = asyncio.ensure_future(work())\n",
            "    coro = work()\n",
            "    x = await asyncio.gather(work(), return_exceptions=True)\n",
            "    tasks.append(asyncio.create_task(work()))\n",
            "    yield work()\n",
            "    g = asyncio.gather(work())\n",
            "    return asyncio.create_task(work())\n",
            "    await asyncio.wait([work()])\n",
        ] {
            assert_eq!(site(body), Elsewhere, "{body}");
        }
    }

    #[test]
    fn attributes_read_as_values() {
        let reads = |source: &str| {
            with_context(source, |ctx| ctx.semantic.reads_attribute_as_value("work"))
        };
        assert!(!reads(
            "self.work()\nawait obj.work(1)\nx.other = self.work2\n"
        ));
        assert!(reads("asyncio.create_task(self.retry(self.work))\n"));
        assert!(reads("run = obj.work\n"));
        assert!(reads("self.work.__name__\n"));
        assert!(!reads("self.work = 1\n"));
    }
}
