//! Small questions several codemods ask about the text: where the next
//! real token is, and how generated code is laid out.

use ruff_python_ast::token::{Token, TokenKind, Tokens};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

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

/// How a bracketed list of items is laid out when generated code would
/// not fit the line length: as black and ruff format do, all on one line
/// when it fits, else the items together on one indented line between
/// the brackets, else one item per line with a trailing comma.
pub struct Brackets<'s> {
    /// Characters on the line before the opening bracket's text.
    pub before: usize,
    /// Characters on the line after the closing bracket's text.
    pub after: usize,
    /// The indentation of the line the brackets start on.
    pub indent: &'s str,
    /// One indentation level.
    pub unit: &'s str,
    pub eol: &'s str,
    pub line_length: usize,
    /// Whether the items may share one line between the brackets (off for
    /// a collection exploded on its own, which formatters put one per line).
    pub hug: bool,
}

impl Brackets<'_> {
    /// `open`, the items separated by commas, `close`, laid out to fit.
    /// Items spanning lines keep everything as one line would have it.
    pub fn layout(&self, open: &str, items: &[String], close: &str) -> String {
        self.layout_nested(open, items, close, |_, _| None)
    }

    /// [`Self::layout`], where an item too long for its own line may be
    /// laid out again by `relayout(index, indentation)` (a list argument
    /// exploded in turn).
    pub fn layout_nested(
        &self,
        open: &str,
        items: &[String],
        close: &str,
        relayout: impl Fn(usize, &str) -> Option<String>,
    ) -> String {
        let joined = items.join(", ");
        let one_line = format!("{open}{joined}{close}");
        if items.iter().any(|item| item.contains(['\n', '\r']))
            || self.before + width(&one_line) + self.after <= self.line_length
        {
            return one_line;
        }
        let (indent, unit, eol) = (self.indent, self.unit, self.eol);
        let inner = format!("{indent}{unit}");
        if self.hug && width(&inner) + width(&joined) <= self.line_length {
            return format!("{open}{eol}{inner}{joined}{eol}{indent}{close}");
        }
        let mut out = format!("{open}{eol}");
        // A lone item gets no trailing comma (black adds one only when it
        // splits at commas).
        let comma = if items.len() > 1 { "," } else { "" };
        for (index, item) in items.iter().enumerate() {
            let fits = width(&inner) + width(item) + width(comma) <= self.line_length;
            let item = match fits {
                true => None,
                false => relayout(index, &inner),
            }
            .unwrap_or_else(|| item.clone());
            out.push_str(&format!("{inner}{item}{comma}{eol}"));
        }
        out.push_str(indent);
        out.push_str(close);
        out
    }
}

/// The width of generated text, in characters.
pub fn width(text: &str) -> usize {
    text.chars().count()
}
/// The source text of each item of a comma-separated list between
/// brackets (`inner` is the range between them), when each item sits
/// directly between the brackets and commas (none is parenthesized on its
/// own, so its range is all of its text) and no comment lies inside.
pub fn bracket_items(
    source: &str,
    tokens: &Tokens,
    inner: TextRange,
    items: &[TextRange],
) -> Option<Vec<String>> {
    if crate::fix::layout::contains_comment(tokens, inner) {
        return None;
    }
    let mut texts = Vec::with_capacity(items.len());
    for item in items {
        let before = significant_before(tokens, item.start())?;
        let after = significant_after(tokens, item.end())?;
        let opens = before.end() == inner.start() || before.kind() == TokenKind::Comma;
        let closes = after.start() == inner.end() || after.kind() == TokenKind::Comma;
        if !opens || !closes || !inner.contains_range(*item) {
            return None;
        }
        texts.push(source.get(item.to_std_range())?.to_string());
    }
    Some(texts)
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

/// Whether `expr` must be parenthesized to follow `await`, which takes a
/// primary (a name, attribute, call, subscript, literal or display); a bare
/// generator (`f(x for x in y)`) or tuple is none.
pub fn needs_parentheses_after_await(expr: &Expr) -> bool {
    match expr {
        Expr::Name(_)
        | Expr::Attribute(_)
        | Expr::Call(_)
        | Expr::Subscript(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::FString(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_)
        | Expr::List(_)
        | Expr::ListComp(_)
        | Expr::Dict(_)
        | Expr::DictComp(_)
        | Expr::Set(_)
        | Expr::SetComp(_) => false,
        Expr::Tuple(tuple) => !tuple.parenthesized,
        Expr::Generator(generator) => !generator.parenthesized,
        _ => true,
    }
}

/// The codemods of this wave together, as one `fix` run applies them: each
/// round applies the fixes that do not overlap, the next sees the result.
#[cfg(test)]
mod composition {
    use crate::codemods::{
        BLOCKING_CALL, Codemod, DANGLING_TASK, LEGACY_COROUTINE, LOOP_ARGUMENT, SLEEP_IN_ASYNC,
        SWALLOWED_CANCEL, TASK_CLASSMETHODS, WAIT_COROUTINES,
    };

    const ALL_OF_THEM: &[&Codemod] = &[
        &SLEEP_IN_ASYNC,
        &DANGLING_TASK,
        &SWALLOWED_CANCEL,
        &BLOCKING_CALL,
        &LOOP_ARGUMENT,
        &LEGACY_COROUTINE,
        &TASK_CLASSMETHODS,
        &WAIT_COROUTINES,
    ];

    #[track_caller]
    fn check(before: &str, after: &str) {
        crate::test_support::check_fix_together(ALL_OF_THEM, before, after);
    }

    #[test]
    fn legacy_coroutine_and_loop_argument_on_one_statement() {
        check(
            "import asyncio\n\n\n@asyncio.coroutine\ndef worker(loop):\n    yield from asyncio.sleep(1, loop=loop)\n    yield from asyncio.gather(job(), loop=loop)\n",
            "import asyncio\n\n\nasync def worker(loop):\n    await asyncio.sleep(1)\n    await asyncio.gather(job())\n",
        );
    }

    #[test]
    fn legacy_coroutine_then_wait_and_task_classmethods() {
        check(
            "import asyncio\n\n\n@asyncio.coroutine\ndef sweep():\n    me = asyncio.Task.current_task()\n    yield from asyncio.wait([job(), job()])\n    return me\n\n\nasync def job():\n    pass\n",
            "import asyncio\n\n\nasync def sweep():\n    me = asyncio.current_task()\n    await asyncio.wait([asyncio.create_task(job()), asyncio.create_task(job())])\n    return me\n\n\nasync def job():\n    pass\n",
        );
    }

    #[test]
    fn blocking_call_then_swallowed_cancel() {
        check(
            "import requests\n\n\nasync def fetch(url):\n    try:\n        response = requests.get(url)\n    except:\n        response = None\n    return response\n",
            "import asyncio\nimport requests\n\n\nasync def fetch(url):\n    try:\n        response = await asyncio.to_thread(requests.get, url)\n    except asyncio.CancelledError:\n        raise\n    except:\n        response = None\n    return response\n",
        );
    }

    #[test]
    fn sleep_and_dangling_task_share_the_header() {
        check(
            "import time\nfrom asyncio import create_task\n\n\nasync def tick(job):\n    time.sleep(1)\n    create_task(job())\n",
            "import asyncio\nfrom asyncio import create_task\n\n_background_tasks: \"set[asyncio.Task[object]]\" = set()\n\n\nasync def tick(job):\n    await asyncio.sleep(1)\n    task = create_task(job())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n",
        );
    }
}
