//! Where an expression sits among the statements: the innermost statement
//! around an offset, found by descending the blocks that contain it (the AST
//! has no parent links). Each step is a binary search in one block, so a
//! question costs the depth of the nesting, not the size of the module.

use ruff_python_ast::{ExceptHandler, Stmt};
use ruff_text_size::{Ranged, TextSize};
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

#[cfg(test)]
mod tests {
    use ruff_text_size::{Ranged, TextSize};

    use crate::engine::parse;
    use crate::semantic::SemanticModel;

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
    fn nothing_between_statements() {
        let source = "a = 1\n\n# c\nb = 2\n";
        assert_eq!(statement_text(source, "# c"), None);
        assert_eq!(statement_text(source, "b = 2").as_deref(), Some("b = 2"));
    }
}
