//! Questions about the tokens around an edit and about the text a fix
//! writes: the next real token, the comments inside a range, where a
//! keyword the AST does not locate stands, whether an expression needs
//! parentheses where it goes.

use ruff_python_ast::token::{Token, TokenKind, Tokens};
use ruff_python_ast::{Expr, OperatorPrecedence};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// The tokens that overlap `range`. (`Tokens::in_range` panics on an offset
/// inside a token; this never does.)
pub fn tokens_overlapping(tokens: &Tokens, range: TextRange) -> &[ruff_python_ast::token::Token] {
    let first = tokens.partition_point(|t| t.end() <= range.start());
    let last = tokens.partition_point(|t| t.start() < range.end());
    tokens.get(first..last.max(first)).unwrap_or(&[])
}

/// Whether a comment lies in `range`: an edit that replaces the range
/// would lose it.
pub fn contains_comment(tokens: &Tokens, range: TextRange) -> bool {
    tokens_overlapping(tokens, range)
        .iter()
        .any(|token| token.kind() == TokenKind::Comment)
}

/// The ranges of the comments that lie inside `range`.
pub fn comments_in(tokens: &Tokens, range: TextRange) -> Vec<TextRange> {
    tokens_overlapping(tokens, range)
        .iter()
        .filter(|t| t.kind() == TokenKind::Comment && range.contains_range(t.range()))
        .map(Ranged::range)
        .collect()
}

/// The range of the first token of `kind` inside `range` (a keyword such as
/// `finally`, which the AST does not locate).
pub fn find_token(tokens: &Tokens, range: TextRange, kind: TokenKind) -> Option<TextRange> {
    tokens_overlapping(tokens, range)
        .iter()
        .find(|t| t.kind() == kind && range.contains_range(t.range()))
        .map(Ranged::range)
}

/// The first token at or after `offset` that is not a comment, a line break
/// inside brackets or an indentation change.
pub fn significant_after(tokens: &Tokens, offset: TextSize) -> Option<&Token> {
    let first = tokens.partition_point(|t| t.start() < offset);
    tokens
        .get(first..)?
        .iter()
        .find(|t| is_significant(t.kind()))
}

/// The last token that ends at or before `offset` and is not a comment, a
/// line break inside brackets or an indentation change.
pub fn significant_before(tokens: &Tokens, offset: TextSize) -> Option<&Token> {
    let end = tokens.partition_point(|t| t.end() <= offset);
    tokens
        .get(..end)?
        .iter()
        .rev()
        .find(|t| is_significant(t.kind()))
}

/// Not a comment, a line break inside brackets or an indentation change
/// (a dedent is an empty token at the start of the next statement).
fn is_significant(kind: TokenKind) -> bool {
    !kind.is_trivia() && !matches!(kind, TokenKind::Indent | TokenKind::Dedent)
}

/// Whether `expr` must be parenthesized to follow `await`, which takes a
/// primary (a name, attribute, call, subscript, literal or display); a bare
/// generator (`f(x for x in y)`) or tuple is none.
pub fn needs_parentheses_after_await(expr: &Expr) -> bool {
    match expr {
        Expr::Tuple(tuple) => !tuple.parenthesized,
        Expr::Generator(generator) => !generator.parenthesized,
        // Parentheses are always valid: a template string keeps them.
        Expr::TString(_) | Expr::Slice(_) => true,
        // A primary binds at least as tightly as a call or an attribute.
        _ => expr.precedence() < OperatorPrecedence::CallAttribute,
    }
}

/// Whether `range` holds a line break outside every bracket that opens
/// inside it (`jobs` and `[0]` on two lines of a call's argument): text
/// moved out of the brackets that held it would end its statement at that
/// line break, so it must keep brackets of its own (`await (jobs` and
/// `[0])`). A line break inside a string or after a backslash is none.
pub fn line_break_outside_brackets(tokens: &Tokens, range: TextRange) -> bool {
    let mut depth = 0u32;
    for token in tokens_overlapping(tokens, range) {
        if !range.contains_range(token.range()) {
            continue;
        }
        match token.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                depth = depth.saturating_sub(1);
            }
            TokenKind::NonLogicalNewline | TokenKind::Newline if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::with_context;

    #[test]
    fn finds_comments_and_keywords() {
        let source = "try:\n    a()  # one\nfinally:  # two\n    b()\n";
        with_context(source, |ctx| {
            let all = TextRange::up_to(TextSize::of(source));
            let comments: Vec<&str> = comments_in(ctx.tokens, all)
                .into_iter()
                .map(|c| &source[c])
                .collect();
            assert_eq!(comments, ["# one", "# two"]);
            let finally = find_token(ctx.tokens, all, TokenKind::Finally).unwrap();
            assert_eq!(&source[finally], "finally");
        });
    }

    #[test]
    fn finds_line_breaks_outside_brackets() {
        let source = "f(jobs\n  [0], g(a,\n  b), '''x\ny''', c \\\n  .d, e  # note\n  .h)\n";
        with_context(source, |ctx| {
            let Some(ruff_python_ast::Stmt::Expr(stmt)) = ctx.module.body.first() else {
                panic!("not an expression statement");
            };
            let Expr::Call(call) = stmt.value.as_ref() else {
                panic!("not a call");
            };
            let breaks: Vec<bool> = call
                .arguments
                .args
                .iter()
                .map(|arg| line_break_outside_brackets(ctx.tokens, arg.range()))
                .collect();
            assert_eq!(breaks, [true, false, false, false, true]);
        });
    }
}
