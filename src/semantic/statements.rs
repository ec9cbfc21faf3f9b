//! Where an expression sits among the statements: the innermost statement
//! around an offset, found by descending the blocks that contain it (the AST
//! has no parent links). Each step is a binary search in one block, so a
//! question costs the depth of the nesting, not the size of the module.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{ExceptHandler, Expr, ExprAttribute, ExprCall, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use smallvec::SmallVec;

use super::SemanticModel;

impl<'a> SemanticModel<'a> {
    /// The innermost statement whose range contains `offset`: a statement
    /// of a nested block when the offset lies in that block, else the
    /// compound statement itself (its header: an `if` test, a `for`
    /// iterable, a `with` item). Descends into function and class bodies
    /// too. `None` between statements.
    pub fn statement_at(&self, offset: TextSize) -> Option<&'a Stmt> {
        let mut body: &'a [Stmt] = &self.module.body;
        let mut found = None;
        loop {
            let index = body.partition_point(|stmt| stmt.end() <= offset);
            let Some(stmt) = body.get(index).filter(|stmt| stmt.start() <= offset) else {
                return found;
            };
            found = Some(stmt);
            let inner = blocks_of(stmt).into_iter().find(|block| {
                matches!((block.first(), block.last()),
                    (Some(first), Some(last)) if first.start() <= offset && offset < last.end())
            });
            match inner {
                Some(block) => body = block,
                None => return found,
            }
        }
    }
}

impl<'a> SemanticModel<'a> {
    /// For the expression at `range` (a name, usually): the attribute read
    /// on it (`x.attr` for `x`), when there is one, and the call of that
    /// attribute (`x.method(…)`), when it is called. Looks only at the
    /// statement around `range`, not at the module.
    pub fn attribute_of(
        &self,
        range: TextRange,
    ) -> Option<(&'a ExprAttribute, Option<&'a ExprCall>)> {
        let stmt = self.statement_at(range.start())?;
        let mut finder = AttributeOf { range, found: None };
        finder.visit_own_expressions(stmt);
        finder.found
    }
}

impl<'a> SemanticModel<'a> {
    /// The call of which the expression at `range` is an argument itself
    /// (positional, `*`-unpacked, or a keyword's value), when it is one.
    /// Looks only at the statement around `range`.
    pub fn call_given(&self, range: TextRange) -> Option<&'a ExprCall> {
        let stmt = self.statement_at(range.start())?;
        let mut finder = CallGiven { range, found: None };
        // Only expressions around `range` are entered: the nested blocks
        // of a compound statement hold none.
        finder.visit_stmt(stmt);
        finder.found
    }
}

/// Finds the call that gets the expression at `range` as an argument.
struct CallGiven<'a> {
    range: TextRange,
    found: Option<&'a ExprCall>,
}

impl<'a> Visitor<'a> for CallGiven<'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() || !expr.range().contains_range(self.range) {
            return;
        }
        if let Expr::Call(call) = expr {
            let given = call.arguments.args.iter().any(|a| match a {
                Expr::Starred(starred) => starred.value.range() == self.range,
                a => a.range() == self.range,
            }) || call
                .arguments
                .keywords
                .iter()
                .any(|k| k.value.range() == self.range);
            if given {
                self.found = Some(call);
                return;
            }
        }
        visitor::walk_expr(self, expr);
    }
}
/// Visits the expressions of `stmt` itself: its header for a compound
/// statement, not its nested blocks (their statements are others), and
/// nothing of a `def`, `class` or `try`.
pub(super) fn visit_own_expressions<'a, V: Visitor<'a>>(visitor: &mut V, stmt: &'a Stmt) {
    match stmt {
        Stmt::With(with) => {
            for item in &with.items {
                visitor.visit_with_item(item);
            }
        }
        Stmt::For(loop_) => {
            visitor.visit_expr(&loop_.target);
            visitor.visit_expr(&loop_.iter);
        }
        Stmt::While(loop_) => visitor.visit_expr(&loop_.test),
        Stmt::If(branch) => {
            visitor.visit_expr(&branch.test);
            for clause in &branch.elif_else_clauses {
                if let Some(test) = &clause.test {
                    visitor.visit_expr(test);
                }
            }
        }
        Stmt::Match(match_) => visitor.visit_expr(&match_.subject),
        Stmt::FunctionDef(_) | Stmt::ClassDef(_) | Stmt::Try(_) => {}
        _ => visitor::walk_stmt(visitor, stmt),
    }
}

/// Finds the attribute whose value is the expression at `range`.
struct AttributeOf<'a> {
    range: TextRange,
    found: Option<(&'a ExprAttribute, Option<&'a ExprCall>)>,
}

impl<'a> AttributeOf<'a> {
    /// The expressions of `stmt` itself: its header for a compound
    /// statement, not its nested blocks (their statements are others).
    fn visit_own_expressions(&mut self, stmt: &'a Stmt) {
        visit_own_expressions(self, stmt);
    }
}

impl<'a> Visitor<'a> for AttributeOf<'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() || !expr.range().contains_range(self.range) {
            return;
        }
        match expr {
            Expr::Call(call) => {
                if let Expr::Attribute(attribute) = call.func.as_ref()
                    && attribute.value.range() == self.range
                {
                    self.found = Some((attribute, Some(call)));
                    return;
                }
            }
            Expr::Attribute(attribute) if attribute.value.range() == self.range => {
                self.found = Some((attribute, None));
                return;
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

impl SemanticModel<'_> {
    /// Whether nothing of its function runs after `stmt` completes, apart
    /// from the `finally` blocks around it: `stmt` is the last statement of
    /// its block, and so is every compound statement around it up to the
    /// function's body, through `if`/`elif`/`else` branches, `with` bodies,
    /// `match` cases, a `try`'s handlers, `else` and `finally`, and a loop's
    /// `else`. Not in a loop's body (the loop goes on) nor in a `try`'s body
    /// (its `else`, or a handler, runs next).
    pub fn ends_its_function(&self, stmt: &Stmt) -> bool {
        let mut current = stmt;
        loop {
            let Some((suite, index)) = self.suite_of(current) else {
                return false;
            };
            if index + 1 != suite.body.len() {
                return false;
            }
            let Some(parent) = suite.parent else {
                return false;
            };
            let goes_on = match parent {
                Stmt::FunctionDef(_) => return true,
                Stmt::If(_) | Stmt::With(_) | Stmt::Match(_) => true,
                Stmt::Try(try_) => !std::ptr::eq(suite.body, try_.body.as_slice()),
                Stmt::For(loop_) => std::ptr::eq(suite.body, loop_.orelse.as_slice()),
                Stmt::While(loop_) => std::ptr::eq(suite.body, loop_.orelse.as_slice()),
                _ => false,
            };
            if !goes_on {
                return false;
            }
            current = parent;
        }
    }
}

/// The blocks of statements a compound statement holds, in source order.
pub fn blocks_of(stmt: &Stmt) -> SmallVec<[&[Stmt]; 4]> {
    let mut blocks: SmallVec<[&[Stmt]; 4]> = SmallVec::new();
    match stmt {
        Stmt::FunctionDef(def) => blocks.push(&def.body),
        Stmt::ClassDef(class) => blocks.push(&class.body),
        Stmt::For(loop_) => {
            blocks.push(&loop_.body);
            blocks.push(&loop_.orelse);
        }
        Stmt::While(loop_) => {
            blocks.push(&loop_.body);
            blocks.push(&loop_.orelse);
        }
        Stmt::If(branch) => {
            blocks.push(&branch.body);
            for clause in &branch.elif_else_clauses {
                blocks.push(&clause.body);
            }
        }
        Stmt::With(with) => blocks.push(&with.body),
        Stmt::Match(match_) => {
            for case in &match_.cases {
                blocks.push(&case.body);
            }
        }
        Stmt::Try(try_) => {
            blocks.push(&try_.body);
            for handler in &try_.handlers {
                let ExceptHandler::ExceptHandler(handler) = handler;
                blocks.push(&handler.body);
            }
            blocks.push(&try_.orelse);
            blocks.push(&try_.finalbody);
        }
        _ => {}
    }
    blocks
}

/// The whole value of a statement that has one: `X`, `a = X`, `a: T = X`,
/// `a += X`, `return X`.
pub fn statement_value(stmt: &Stmt) -> Option<&Expr> {
    match stmt {
        Stmt::Expr(statement) => Some(&statement.value),
        Stmt::Assign(assign) => Some(&assign.value),
        Stmt::AnnAssign(assign) => assign.value.as_deref(),
        Stmt::AugAssign(assign) => Some(&assign.value),
        Stmt::Return(ret) => ret.value.as_deref(),
        _ => None,
    }
}

/// The target and value of an assignment to one target: `T = V` or
/// `T: A = V` (not `a = b = V`, not an annotation without a value).
pub fn single_assignment(stmt: &Stmt) -> Option<(&Expr, &Expr)> {
    match stmt {
        Stmt::Assign(assign) => match assign.targets.as_slice() {
            [target] => Some((target, &assign.value)),
            _ => None,
        },
        Stmt::AnnAssign(assign) => Some((&assign.target, assign.value.as_deref()?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use ruff_text_size::{Ranged, TextSize};

    use crate::engine::parse;
    use crate::semantic::SemanticModel;
    use crate::semantic::suspension::BlockPart;

    /// Whether the statement that starts with `needle` ends its function.
    fn ends(source: &str, needle: &str) -> bool {
        let parsed = parse(source).unwrap();
        let model = SemanticModel::build(parsed.syntax());
        let at = TextSize::try_from(source.find(needle).unwrap()).unwrap();
        let stmt = model.statement_at(at).unwrap();
        assert_eq!(stmt.start(), at, "{needle} starts a statement");
        model.ends_its_function(stmt)
    }

    #[test]
    fn statements_after_which_nothing_of_the_function_runs() {
        let last = "async def f():\n    x = 1\n    HERE = 2\n";
        assert!(ends(last, "HERE"));
        assert!(!ends(last, "x = 1"));
        // Through branches, `with`, `match`, handlers, `else` and `finally`.
        let nested = "async def f(c):\n    with a:\n        if c:\n            pass\n        elif d:\n            match c:\n                case 1:\n                    HERE = 1\n";
        assert!(ends(nested, "HERE"));
        let handler = "async def f():\n    try:\n        pass\n    except E:\n        HERE = 1\n    finally:\n        done()\n";
        assert!(ends(handler, "HERE"));
        let loop_else =
            "async def f():\n    for x in y:\n        pass\n    else:\n        HERE = 1\n";
        assert!(ends(loop_else, "HERE"));
        // A statement follows, a loop goes on, a `try` body's `else` runs.
        let followed = "async def f(c):\n    if c:\n        HERE = 1\n    after()\n";
        assert!(!ends(followed, "HERE"));
        let in_loop = "async def f():\n    while True:\n        HERE = 1\n";
        assert!(!ends(in_loop, "HERE"));
        let in_try = "async def f():\n    try:\n        HERE = 1\n    except E:\n        pass\n";
        assert!(!ends(in_try, "HERE"));
        // The module's own statements are no function's.
        assert!(!ends("x = 1\nHERE = 2\n", "HERE"));
        // A nested function's last statement ends that function only.
        let nested_def = "async def f():\n    def g():\n        HERE = 1\n    g()\n";
        assert!(ends(nested_def, "HERE"));
    }

    /// The compound statements around the statement that starts with
    /// `needle` (see `SemanticModel::enclosing_blocks`), innermost first:
    /// each one's first line and the part of it that holds the statement.
    fn enclosing(source: &str, needle: &str) -> Vec<(String, BlockPart)> {
        let parsed = parse(source).unwrap();
        let model = SemanticModel::build(parsed.syntax());
        let at = TextSize::try_from(source.find(needle).unwrap()).unwrap();
        let stmt = model.statement_at(at).unwrap();
        model
            .enclosing_blocks(stmt)
            .into_iter()
            .map(|(parent, part)| {
                let head = source[parent.range()].lines().next().unwrap_or("");
                (head.to_string(), part)
            })
            .collect()
    }

    #[test]
    fn blocks_around_a_statement_up_to_its_function() {
        let source = "def f():\n    with a:\n        try:\n            pass\n        except E:\n            for x in y:\n                pass\n            else:\n                HERE = 1\n";
        let at = |head: &str, part| (head.to_string(), part);
        assert_eq!(
            enclosing(source, "HERE"),
            vec![
                at("for x in y:", BlockPart::Else),
                at("try:", BlockPart::Handler(0)),
                at("with a:", BlockPart::Body),
            ]
        );
        // A function's or class's own body has none, nor the module's.
        assert_eq!(enclosing(source, "with a"), Vec::new());
        let class = "class C:\n    if x:\n        HERE = 1\n";
        assert_eq!(enclosing(class, "HERE"), vec![at("if x:", BlockPart::Body)]);
        let module = "while x:\n    try:\n        pass\n    finally:\n        HERE = 1\n";
        assert_eq!(
            enclosing(module, "HERE"),
            vec![
                at("try:", BlockPart::Finally),
                at("while x:", BlockPart::Body)
            ]
        );
        assert_eq!(enclosing(module, "while"), Vec::new());
    }

    fn statement_text(source: &str, needle: &str) -> Option<String> {
        let parsed = parse(source).unwrap();
        let model = SemanticModel::build(parsed.syntax());
        let at = TextSize::try_from(source.find(needle).unwrap()).unwrap();
        model
            .statement_at(at)
            .map(|stmt| source[stmt.range()].to_string())
    }

    #[test]
    fn finds_the_innermost_statement() {
        let source = "async def f():\n    try:\n        x = await g(1)\n    except E:\n        y = h(2)\n    for a in k(3):\n        pass\n";
        assert_eq!(
            statement_text(source, "g(1)").as_deref(),
            Some("x = await g(1)")
        );
        assert_eq!(statement_text(source, "h(2)").as_deref(), Some("y = h(2)"));
        assert!(
            statement_text(source, "k(3)")
                .unwrap()
                .starts_with("for a in k(3):")
        );
        assert!(statement_text(source, "try").unwrap().starts_with("try:"));
    }

    #[test]
    fn attribute_and_call_of_a_name() {
        let source = "async def f(s):\n    x = s.headers\n    async with s.get(u) as r:\n        await r.text()\n";
        let parsed = parse(source).unwrap();
        let model = SemanticModel::build(parsed.syntax());
        let at = |needle: &str| {
            let start = TextSize::try_from(source.find(needle).unwrap()).unwrap();
            ruff_text_size::TextRange::at(start, TextSize::new(1))
        };
        let (attribute, call) = model.attribute_of(at("s.headers")).unwrap();
        assert_eq!(attribute.attr.as_str(), "headers");
        assert!(call.is_none());
        let (attribute, call) = model.attribute_of(at("s.get")).unwrap();
        assert_eq!(attribute.attr.as_str(), "get");
        assert!(call.is_some());
        assert!(model.attribute_of(at("u)")).is_none());
    }

    #[test]
    fn the_call_an_expression_is_given_to() {
        let source = "async def f(r):\n    t = keep(r.text(), *r.rest(), k=r.k())\n    print([r.x()])\n    for a in each(r.y()):\n        pass\n";
        let parsed = parse(source).unwrap();
        let model = SemanticModel::build(parsed.syntax());
        let given = |needle: &str| {
            let start = TextSize::try_from(source.find(needle).unwrap()).unwrap();
            let end = start + TextSize::try_from(needle.len()).unwrap();
            model
                .call_given(ruff_text_size::TextRange::new(start, end))
                .map(|call| source[call.func.range()].to_string())
        };
        assert_eq!(given("r.text()").as_deref(), Some("keep"));
        assert_eq!(given("r.rest()").as_deref(), Some("keep"));
        assert_eq!(given("r.k()").as_deref(), Some("keep"));
        assert_eq!(given("r.x()"), None, "inside a list, not given itself");
        assert_eq!(given("[r.x()]").as_deref(), Some("print"));
        assert_eq!(given("r.y()").as_deref(), Some("each"));
        assert_eq!(given("r)"), None);
    }

    #[test]
    fn nothing_between_statements() {
        let source = "a = 1\n\n# c\nb = 2\n";
        assert_eq!(statement_text(source, "# c"), None);
        assert_eq!(statement_text(source, "b = 2").as_deref(), Some("b = 2"));
    }
}
