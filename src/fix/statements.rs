//! Statement edits: deleting statements or lines, wrapping statements in a
//! new block (`async with ...:`, `try:`), lifting an expression out of a
//! call as the statement is wrapped, and dissolving a block into its
//! parent. Each deletion says what becomes of the comments on the lines it
//! removes ([`Comments`]). Built on `layout.rs` (lines, indentation); every
//! offset comes from a parser range or a line start.

use anyhow::bail;
use ruff_python_ast::Stmt;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::context::Context;
use super::edit::Edit;
use super::layout::{
    code_line_starts, full_line_end, full_lines, indent_unit, indentation_at, indentation_change,
    is_alone_on_lines, is_blank_line, line_end, line_start, line_text, previous_line,
    reindent_lines, trailing_comment,
};
use super::syntax::{comments_in, line_break_outside_brackets, tokens_overlapping};
use crate::semantic::SemanticModel;
use crate::source::line_ending;

/// What becomes of the comments on the lines of statements a fix deletes.
#[derive(Debug, Clone, Copy)]
pub enum Comments<'t> {
    /// Every comment stays, pragmas (`# noqa`, `# type: ignore`) too, one
    /// per line at the statement's indentation (or after the `pass` an
    /// emptied block gets): they may say what the code after them does.
    /// The tokens find them.
    Keep(&'t Tokens),
    /// A comment after the statement's last line stays, alone on its line,
    /// unless it is a pragma, which spoke only of the deleted code; the
    /// comments inside the statement go with it (an unused import's notes).
    KeepTrailingNote,
}

/// Edits that delete `stmts` (statements of one block, in any order) with
/// their lines, `comments` saying what becomes of the comments there. When
/// they are every statement of a nested block, the first becomes `pass` so
/// the block stays valid. No blank line is left at the top of the file or
/// of a block, nor doubled with the one above. Fails when a statement
/// shares its line with other code: it cannot be deleted alone.
pub fn delete_statements(
    source: &str,
    semantic: &SemanticModel,
    stmts: &[&Stmt],
    comments: Comments,
) -> anyhow::Result<Vec<Edit>> {
    if stmts.iter().any(|s| !is_alone_on_lines(source, s.range())) {
        bail!("a statement to delete shares its line with other code");
    }
    match comments {
        Comments::Keep(tokens) => delete_keeping_comments(source, tokens, semantic, stmts),
        Comments::KeepTrailingNote => Ok(delete_keeping_trailing_note(source, semantic, stmts)),
    }
}

/// The edit that deletes the lines of `range` (code that starts its first
/// line, after the indentation, and ends its last one, but for a comment),
/// `comments` saying which comments on those lines stay. Those that do
/// replace the text from `range`'s start to the end of its last line, one
/// per line at the first line's indentation; when none does, the whole
/// lines go, line breaks included. Every deletion of lines goes through
/// here, so the choice about comments is made once, by the caller.
pub fn delete_lines(source: &str, range: TextRange, comments: Comments) -> Edit {
    let own_lines = TextRange::new(range.start(), line_end(source, range.end()));
    let kept: Vec<&str> = match comments {
        Comments::Keep(tokens) => comments_in(tokens, own_lines)
            .iter()
            .map(|comment| &source[*comment])
            .collect(),
        Comments::KeepTrailingNote => trailing_comment(source, range.end())
            .filter(|comment| !ruff_python_trivia::is_pragma_comment(comment))
            .into_iter()
            .collect(),
    };
    if kept.is_empty() {
        return Edit::deletion(full_lines(source, range));
    }
    let separator = format!(
        "{}{}",
        line_ending(source),
        indentation_at(source, range.start())
    );
    Edit::replacement(own_lines, kept.join(&separator))
}

/// [`delete_statements`] with [`Comments::Keep`]: a statement whose lines
/// hold comments leaves them behind, one per line at its indentation.
fn delete_keeping_comments(
    source: &str,
    tokens: &Tokens,
    semantic: &SemanticModel,
    stmts: &[&Stmt],
) -> anyhow::Result<Vec<Edit>> {
    let mut edits = Vec::new();
    let Some(first) = stmts.iter().copied().min_by_key(|s| s.start()) else {
        return Ok(edits);
    };
    let Some((suite, _)) = semantic.suite_of(first) else {
        bail!("internal error: a statement outside any block");
    };
    let empties_block = suite.parent.is_some()
        && suite
            .body
            .iter()
            .all(|s| stmts.iter().any(|d| std::ptr::eq(*d, s)));
    let mut plain: Vec<&Stmt> = Vec::new();
    for stmt in stmts {
        if empties_block && std::ptr::eq(*stmt, first) {
            // The block needs a statement: `pass`, with the comments from
            // inside the statement after it (those after it stay in place).
            let mut content = String::from("pass");
            for comment in comments_in(tokens, stmt.range()) {
                content.push_str("  ");
                content.push_str(&source[comment]);
            }
            edits.push(Edit::replacement(stmt.range(), content));
            continue;
        }
        let edit = delete_lines(source, stmt.range(), Comments::Keep(tokens));
        if edit.content.is_empty() {
            plain.push(stmt);
        } else {
            edits.push(edit);
        }
    }
    // `plain` never holds a whole nested block (the first statement of an
    // emptied block is handled above), so this deletes every one of them.
    edits.extend(delete_keeping_trailing_note(source, semantic, &plain));
    edits.sort_by_key(|e| (e.range.start(), e.range.end()));
    Ok(edits)
}

/// Edits that wrap the statement `stmt` in a new block whose header lines are
/// `header` (such as `async with asyncio.timeout(5):`), while replacing the
/// expression at `outer` in it with the expression at `inner`, a part of it:
/// `x = await asyncio.wait_for(fetch(), 5)` becomes `async with …:` and
/// `x = await fetch()`.
///
/// The statement's lines move one indent unit in; `inner`'s lines keep their
/// layout relative to the line it now starts on (so a multi-line argument
/// stays readable), in parentheses of their own when they break outside
/// brackets of `inner`'s (`fetch` then `()` on the next line); lines that start inside a multi-line string keep their
/// bytes. Comments in the part of `outer` that goes (`timeout=10,  #
/// seconds`) move to the end of the header's last line. `header` lays the
/// header lines out for the indentation of the new block.
///
/// A statement that is the whole body of a one-line clause (`if ready: x =
/// await wait_for(f(), 5)`) moves to lines of its own: the new block one
/// indent unit in from the clause and the statement one further.
pub fn wrap_statement_hoisting(
    ctx: &Context,
    stmt: &Stmt,
    header: impl FnOnce(&str) -> Vec<String>,
    outer: TextRange,
    inner: TextRange,
) -> anyhow::Result<Vec<Edit>> {
    let source = ctx.source;
    if let Some(block) = one_liner_block_indent(ctx, stmt) {
        let header = header(&block);
        return hoist_out_of_one_liner(ctx, stmt, &block, &header, outer, inner);
    }
    if !is_alone_on_lines(source, stmt.range()) {
        bail!("the statement shares its line with other code");
    }
    let indent = indentation_at(source, stmt.start());
    let text = hoisting_header(ctx, stmt, &header(indent), outer, inner, indent)?;
    let inner_indent = format!("{indent}{}", indent_unit(source, ctx.tokens));
    let before = TextRange::new(outer.start(), inner.start());
    let after = TextRange::new(inner.end(), outer.end());

    let lines = TextRange::new(
        line_start(source, stmt.start()),
        full_line_end(source, stmt.end()),
    );
    let mut edits = vec![Edit::insertion(lines.start(), text)];
    // Lines that start inside `outer` are either deleted or `inner`'s own.
    edits.extend(reindent_lines(ctx, lines, indent, &inner_indent, &[outer]));
    edits.extend(hoisted_lines(ctx, outer, inner, indent, &inner_indent));
    // Out of `outer`'s brackets, a line break in `inner` would end the
    // statement: it keeps brackets of its own.
    let (open, close) = if line_break_outside_brackets(ctx.tokens, inner) {
        ("(", ")")
    } else {
        ("", "")
    };
    if !before.is_empty() || !open.is_empty() {
        edits.push(Edit::replacement(before, open.to_string()));
    }
    if !after.is_empty() || !close.is_empty() {
        edits.push(Edit::replacement(after, close.to_string()));
    }
    edits.sort_by_key(|e| (e.range.start(), e.range.end()));
    Ok(edits)
}

/// [`wrap_statement_hoisting`] for a statement that is the whole body of a
/// one-line clause, whose block gets the indentation `block` (see
/// [`one_liner_block_indent`]). The statement must fit on its line; a
/// comment after it stays after it.
fn hoist_out_of_one_liner(
    ctx: &Context,
    stmt: &Stmt,
    block: &str,
    header: &[String],
    outer: TextRange,
    inner: TextRange,
) -> anyhow::Result<Vec<Edit>> {
    let source = ctx.source;
    let header = hoisting_header(ctx, stmt, header, outer, inner, block)?;
    let line = line_start(source, stmt.start());
    let head = source[TextRange::new(line, stmt.start())].trim_end();
    let colon_end = line + TextSize::of(head);
    let unit = indent_unit(source, ctx.tokens);
    let eol = line_ending(source);

    let mut text = String::from(eol);
    text.push_str(&header);
    text.push_str(block);
    text.push_str(&unit);
    text.push_str(&source[TextRange::new(stmt.start(), outer.start())]);
    if line_break_outside_brackets(ctx.tokens, inner) {
        text.push('(');
        text.push_str(&source[inner]);
        text.push(')');
    } else {
        text.push_str(&source[inner]);
    }
    text.push_str(&source[TextRange::new(outer.end(), stmt.end())]);
    Ok(vec![Edit::replacement(
        TextRange::new(colon_end, stmt.end()),
        text,
    )])
}

/// The header lines of a hoisting wrap (see [`wrap_statement_hoisting`]),
/// each at `indent` and ending its line, with the comments of the part of
/// `outer` that goes (around `inner`) after the last one.
fn hoisting_header(
    ctx: &Context,
    stmt: &Stmt,
    header: &[String],
    outer: TextRange,
    inner: TextRange,
    indent: &str,
) -> anyhow::Result<String> {
    if header.is_empty()
        || !stmt.range().contains_range(outer)
        || !outer.contains_range(inner)
        || outer == inner
    {
        bail!("internal error: the ranges to hoist do not nest");
    }
    let source = ctx.source;
    let eol = line_ending(source);
    let mut moved = comments_in(ctx.tokens, TextRange::new(outer.start(), inner.start()));
    moved.extend(comments_in(
        ctx.tokens,
        TextRange::new(inner.end(), outer.end()),
    ));
    let mut text = String::new();
    for (i, line) in header.iter().enumerate() {
        text.push_str(indent);
        text.push_str(line);
        if i + 1 == header.len() {
            for comment in &moved {
                text.push_str("  ");
                text.push_str(&source[*comment]);
            }
        }
        text.push_str(eol);
    }
    Ok(text)
}

/// When `stmt` is the one statement of a clause written on the clause's
/// own line (`if ready: stmt`, `else: stmt`, `try: stmt`), with at most a
/// comment after it, the indentation its block gets once expanded: the
/// clause's, plus one indent unit. `None` for any other layout (a header
/// over several lines, `a; b`, a statement over several lines).
pub fn one_liner_block_indent(ctx: &Context, stmt: &Stmt) -> Option<String> {
    const CLAUSES: [&str; 12] = [
        "if", "elif", "else", "for", "while", "with", "try", "except", "finally", "case", "def",
        "async",
    ];
    let source = ctx.source;
    let (suite, _) = ctx.semantic.suite_of(stmt)?;
    if suite.body.len() != 1 || suite.parent.is_none() {
        return None;
    }
    if source[stmt.range()].contains(['\n', '\r']) {
        return None;
    }
    let line = line_start(source, stmt.start());
    let head = source[TextRange::new(line, stmt.start())].trim_end();
    let after = source[TextRange::new(stmt.end(), line_end(source, stmt.end()))].trim_start();
    let first_word = head
        .trim_start()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()?;
    if !head.ends_with(':')
        || !(after.is_empty() || after.starts_with('#'))
        || !CLAUSES.contains(&first_word)
    {
        return None;
    }
    let indent = indentation_at(source, line);
    Some(format!("{indent}{}", indent_unit(source, ctx.tokens)))
}

/// Edits that re-indent the lines of `inner` after its first, which moves to
/// where `outer` started, on `outer`'s line as the statement's re-indent
/// left it (`indent` became `inner_indent`). Lines indented from
/// the line `inner` starts on keep that relation (`fetch(\n    a,\n)`);
/// lines aligned with something on `inner`'s first line (`fetch(a,\n
/// b)`) move with it by the same columns.
fn hoisted_lines(
    ctx: &Context,
    outer: TextRange,
    inner: TextRange,
    indent: &str,
    inner_indent: &str,
) -> Vec<Edit> {
    let source = ctx.source;
    let rest = full_line_end(source, inner.start());
    if rest >= inner.end() {
        return Vec::new();
    }
    let lines = TextRange::new(rest, inner.end());
    let base = indentation_at(source, inner.start());
    let before_inner = &source[TextRange::new(line_start(source, inner.start()), inner.start())];
    let before_outer = &source[TextRange::new(line_start(source, outer.start()), outer.start())];
    // `inner` now starts where `outer` did, on `outer`'s line as re-indented:
    // the statement's first line, or a continuation line (`await \` then
    // `wait_for(…)` below) that moved in with the statement.
    let outer_line = indentation_at(source, outer.start());
    let landing = match outer_line.strip_prefix(indent) {
        Some(rest) if line_start(source, outer.start()) < outer.start() => {
            format!("{inner_indent}{rest}")
        }
        _ => outer_line.to_string(),
    };
    let tabs = before_inner.contains('\t') || before_outer.contains('\t') || landing.contains('\t');
    let old_column = before_inner.chars().count();
    // Lines at or past this column are aligned with something on `inner`'s
    // first line and move with it, by the columns it moves: past `inner`'s
    // own column when it shares its line (`fetch(a,\n      b)`), else past
    // the first bracket followed by code on that line (`connect(proto,\n
    // *addr)`). The others keep their indentation relative to the line.
    let threshold = if before_inner.trim().is_empty() {
        first_visual_anchor(ctx, inner.start(), rest)
    } else {
        Some(old_column)
    };
    let Some(threshold) = threshold.filter(|_| !tabs) else {
        return reindent_lines(ctx, lines, base, &landing, &[]);
    };
    let new_column =
        before_outer.chars().count() + landing.chars().count() - outer_line.chars().count();
    let mut edits = Vec::new();
    for offset in code_line_starts(ctx, lines, &[]) {
        let line = line_text(source, offset);
        let width = line.len() - line.trim_start_matches(' ').len();
        if width >= threshold && !line[width..].starts_with(['\t', '\x0c']) {
            let spaces = " ".repeat(width - old_column + new_column);
            edits.push(Edit::replacement(
                TextRange::new(
                    offset,
                    offset + TextSize::try_from(width).unwrap_or_default(),
                ),
                spaces,
            ));
        } else if line.starts_with(base) && base != landing {
            edits.push(indentation_change(offset, base, &landing));
        }
    }
    edits
}

/// The column (in characters) of the first code that follows an opening
/// bracket on the line from `start` to `line_end`: where a visually aligned
/// continuation line lines up. `None` when every bracket there ends the line
/// (a hanging indent).
fn first_visual_anchor(ctx: &Context, start: TextSize, line_end: TextSize) -> Option<usize> {
    let source = ctx.source;
    let tokens = tokens_overlapping(ctx.tokens, TextRange::new(start, line_end));
    tokens.windows(2).find_map(|pair| {
        let opens = matches!(
            pair[0].kind(),
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace
        );
        let next = &pair[1];
        let code = !matches!(
            next.kind(),
            TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Comment
        );
        (opens && code && pair[0].start() >= start && next.start() < line_end).then(|| {
            source[TextRange::new(line_start(source, start), next.start())]
                .chars()
                .count()
        })
    })
}

/// Edits that dissolve `body`, the first block of the compound statement
/// `parent` (a `try`, a `with`, …), into the enclosing block: the header lines
/// from `parent`'s start to the body's first line go (comments in them stay,
/// at `parent`'s indentation) and the lines from the body's first line up to
/// `end` (where the next clause starts, or the body's end) move one level
/// out. The caller removes any other clause. Line starts inside `skip` (text
/// other edits of the fix delete) are not touched.
pub fn unwrap_block(
    ctx: &Context,
    parent: &Stmt,
    body: &[Stmt],
    end: TextSize,
    skip: &[TextRange],
) -> anyhow::Result<Vec<Edit>> {
    let source = ctx.source;
    let Some(first) = body.first() else {
        bail!("internal error: an empty block");
    };
    if !is_alone_on_lines(source, first.range())
        || body
            .last()
            .is_some_and(|last| !is_alone_on_lines(source, last.range()))
    {
        bail!("the block shares a line with its header or other code");
    }
    let outer = indentation_at(source, parent.start());
    let inner = indentation_at(source, first.start());
    if !inner.starts_with(outer) || inner == outer {
        bail!("the block's indentation does not extend its header's");
    }
    let body_start = line_start(source, first.start());
    if end < body_start {
        bail!("internal error: the block ends before it starts");
    }
    // The header's lines, from `parent` to the end of the line before the
    // body's (`body_start` follows a line break, so is past `parent`).
    let header = TextRange::new(parent.start(), body_start - TextSize::new(1));
    let mut edits = vec![delete_lines(source, header, Comments::Keep(ctx.tokens))];
    edits.extend(reindent_lines(
        ctx,
        TextRange::new(body_start, end),
        inner,
        outer,
        skip,
    ));
    Ok(edits)
}

/// [`delete_statements`] with [`Comments::KeepTrailingNote`]. A statement
/// that shares a line with other code is not deleted (no edit).
fn delete_keeping_trailing_note(
    source: &str,
    semantic: &SemanticModel,
    stmts: &[&Stmt],
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let Some(first) = stmts.iter().min_by_key(|s| s.start()) else {
        return edits;
    };
    let Some((suite, _)) = semantic.suite_of(first) else {
        return edits;
    };
    let empties_block = suite.parent.is_some()
        && suite
            .body
            .iter()
            .all(|s| stmts.iter().any(|d| std::ptr::eq(*d, s)));
    let mut ordered: Vec<&&Stmt> = stmts.iter().collect();
    ordered.sort_by_key(|s| s.start());
    // Where the run of deleted lines that the current statement continues
    // began: deleting `import a` and `import b` at the top of a file must
    // leave no blank line, as deleting one would not.
    let mut run: Option<(TextSize, bool)> = None;
    for stmt in ordered {
        if !is_alone_on_lines(source, stmt.range()) {
            run = None;
            continue;
        }
        if empties_block && std::ptr::eq(*stmt, *first) {
            edits.push(Edit::replacement(stmt.range(), "pass"));
            run = None;
            continue;
        }
        let Some((_, index)) = semantic.suite_of(stmt) else {
            continue;
        };
        // A trailing comment says something a reader may still need: keep it
        // on its own line (a pragma such as `# noqa` only spoke of the code).
        let edit = delete_lines(source, stmt.range(), Comments::KeepTrailingNote);
        if !edit.content.is_empty() {
            edits.push(edit);
            run = None;
            continue;
        }
        let (start, mut end) = (edit.range.start(), edit.range.end());
        let continues_run = run.is_some_and(|(run_end, _)| run_end == start);
        let opens_cleanly = if continues_run {
            run.is_some_and(|(_, clean)| clean)
        } else {
            let first_in_block = index == 0 && suite.parent.is_some() && !empties_block;
            let after_blank =
                previous_line(source, start).is_some_and(|line| line.trim().is_empty());
            is_file_start(source, start) || first_in_block || after_blank
        };
        let at_file_start = opens_cleanly && {
            let run_start = if continues_run {
                first_deleted_start(&edits, start)
            } else {
                start
            };
            is_file_start(source, run_start)
        };
        if opens_cleanly {
            while end.to_usize() < source.len() && is_blank_line(source, end) {
                end = full_line_end(source, end);
                if !at_file_start {
                    break;
                }
            }
        }
        edits.push(Edit::deletion(TextRange::new(start, end)));
        run = Some((end, opens_cleanly));
    }
    edits.sort_by_key(|e| e.range.start());
    edits
}

/// Whether only a BOM comes before `offset`.
fn is_file_start(source: &str, offset: TextSize) -> bool {
    source[..offset.to_usize()]
        .trim_start_matches('\u{feff}')
        .is_empty()
}

/// The start of the run of contiguous deletions in `edits` that ends at `end`.
fn first_deleted_start(edits: &[Edit], end: TextSize) -> TextSize {
    let mut start = end;
    while let Some(previous) = edits
        .iter()
        .find(|e| e.range.end() == start && e.content.is_empty() && !e.range.is_empty())
    {
        start = previous.range.start();
    }
    start
}

/// Edits that wrap the consecutive statements `first..=last` of one block in
/// a new compound statement: `header` (such as `async with
/// asyncio.timeout(5):`) on its own line at their indentation, and their
/// lines one indent unit in, as [`reindent_lines`] moves lines (those inside
/// a multi-line string, and continuation lines and comments indented less
/// than the block, keep their bytes). `inner` are the codemod's own edits
/// inside the statements; a line start they replace gets no indent.
pub fn wrap_statements(
    ctx: &Context,
    first: &Stmt,
    last: &Stmt,
    header: &str,
    inner: Vec<Edit>,
) -> anyhow::Result<Vec<Edit>> {
    let source = ctx.source;
    if !is_alone_on_lines(source, first.range()) || !is_alone_on_lines(source, last.range()) {
        bail!("the statement shares its line with other code");
    }
    let indent = indentation_at(source, first.start());
    let unit = indent_unit(source, ctx.tokens);
    let eol = line_ending(source);
    let lines = TextRange::new(
        line_start(source, first.start()),
        full_line_end(source, last.end()),
    );
    let mut edits = vec![Edit::insertion(
        lines.start(),
        format!("{indent}{header}{eol}"),
    )];
    let replaced: Vec<TextRange> = inner.iter().map(|edit| edit.range).collect();
    edits.extend(reindent_lines(
        ctx,
        lines,
        indent,
        &format!("{indent}{unit}"),
        &replaced,
    ));
    edits.extend(inner);
    Ok(edits)
}

/// Whether `stmt` is the only statement on its lines and its block is not
/// a one-liner (`if x: stmt`): what statement-level rewrites need.
pub fn is_own_lines(source: &str, stmt: &Stmt) -> bool {
    is_alone_on_lines(source, stmt.range())
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};

    use super::*;
    use crate::fix::syntax::find_token;
    use crate::test_support::{apply_edits, with_context};

    fn function_body<'a>(ctx: &'a Context) -> &'a [Stmt] {
        match &ctx.module.body[0] {
            Stmt::FunctionDef(def) => &def.body,
            _ => unreachable!("the test source starts with a def"),
        }
    }

    /// The call in `x = await CALL` and its first argument.
    fn awaited_call(stmt: &Stmt) -> (TextRange, TextRange) {
        let Stmt::Assign(assign) = stmt else {
            unreachable!()
        };
        let Expr::Await(awaited) = assign.value.as_ref() else {
            unreachable!()
        };
        let Expr::Call(call) = awaited.value.as_ref() else {
            unreachable!()
        };
        (call.range(), call.arguments.args[0].range())
    }

    fn hoist(source: &str) -> String {
        with_context(source, |ctx| {
            let stmt = &function_body(ctx)[0];
            let (outer, inner) = awaited_call(stmt);
            let header = vec!["async with timeout(5):".to_string()];
            apply_edits(
                source,
                wrap_statement_hoisting(ctx, stmt, |_| header, outer, inner).unwrap(),
            )
        })
    }

    #[test]
    fn hoists_an_argument_on_its_own_lines() {
        let source = "async def f():\n    x = await wait_for(\n        fetch(\n            a,  # first\n        ),\n        timeout=5,  # seconds\n    )  # done\n";
        assert_eq!(
            hoist(source),
            "async def f():\n    async with timeout(5):  # seconds\n        x = await fetch(\n            a,  # first\n        )  # done\n"
        );
    }

    #[test]
    fn hoists_an_argument_that_hugs_the_call() {
        let source = "async def f():\n    x = await wait_for(fetch(  # go\n        '''a\nb''',\n    ),  # five\n        5)\n    y = 1\n";
        assert_eq!(
            hoist(source),
            "async def f():\n    async with timeout(5):  # five\n        x = await fetch(  # go\n            '''a\nb''',\n        )\n    y = 1\n"
        );
    }

    #[test]
    fn hoisting_moves_aligned_lines_with_the_argument() {
        let source = "async def f():\n    rows = await wait_for(fetch(query,\n                                user_id), 3)\n";
        assert_eq!(
            hoist(source),
            "async def f():\n    async with timeout(5):\n        rows = await fetch(query,\n                           user_id)\n"
        );
    }

    #[test]
    fn hoisting_from_a_hanging_continuation_keeps_arguments_right_of_the_call() {
        // `await \` then the call below: the call's own lines move in with
        // the continuation line they hang from, never left of it.
        let source = "async def f():\n    x = await \\\n        wait_for(\n            fetch(\n                a,\n            ),\n            timeout=5,\n        )\n";
        assert_eq!(
            hoist(source),
            "async def f():\n    async with timeout(5):\n        x = await \\\n            fetch(\n                a,\n            )\n"
        );
        let source =
            "async def f():\n    x = await \\\n        wait_for(fetch(\n            a), 5)\n";
        assert_eq!(
            hoist(source),
            "async def f():\n    async with timeout(5):\n        x = await \\\n            fetch(\n                a)\n"
        );
        let source = "async def f():\n    x = await \\\n        wait_for(fetch(a,\n                       b), 5)\n";
        assert_eq!(
            hoist(source),
            "async def f():\n    async with timeout(5):\n        x = await \\\n            fetch(a,\n                  b)\n"
        );
    }

    #[test]
    fn hoisting_moves_lines_aligned_with_a_bracket_of_the_argument() {
        // The argument starts its own line and moves after `x = await `: a
        // line aligned with its bracket moves by as many columns; a hanging
        // one keeps its place relative to the line.
        let source = "async def f():\n    x = await wait_for(\n        connect(proto,\n                *addr),\n        5)\n";
        assert_eq!(
            hoist(source),
            "async def f():\n    async with timeout(5):\n        x = await connect(proto,\n                          *addr)\n"
        );
        let source = "async def f():\n    x = await wait_for(\n        connect(\n            proto),\n        5)\n";
        assert_eq!(
            hoist(source),
            "async def f():\n    async with timeout(5):\n        x = await connect(\n            proto)\n"
        );
    }

    #[test]
    fn hoisting_keeps_crlf_and_tabs() {
        let source = "async def f():\r\n\tx = await wait_for(\r\n\t\tfetch(),\r\n\t\t5,\r\n\t)\r\n";
        assert_eq!(
            hoist(source),
            "async def f():\r\n\tasync with timeout(5):\r\n\t\tx = await fetch()\r\n"
        );
    }

    #[test]
    fn hoisting_refuses_a_shared_line() {
        let source = "async def f():\n    x = await wait_for(g(), 5); y = 2\n";
        with_context(source, |ctx| {
            let stmt = &function_body(ctx)[0];
            let (outer, inner) = awaited_call(stmt);
            let header = vec!["async with timeout(5):".to_string()];
            assert!(wrap_statement_hoisting(ctx, stmt, |_| header, outer, inner).is_err());
        });
    }

    #[test]
    fn deleted_lines_leave_the_comments_asked_for() {
        let source =
            "if x:\n    b = (  # why\n        # own line\n        2  # noqa\n    )\n    a = 1\n";
        let out = |keep: bool| {
            with_context(source, |ctx| {
                let Stmt::If(branch) = &ctx.module.body[0] else {
                    unreachable!()
                };
                let comments = match keep {
                    true => Comments::Keep(ctx.tokens),
                    false => Comments::KeepTrailingNote,
                };
                let edit = delete_lines(source, branch.body[0].range(), comments);
                apply_edits(source, vec![edit])
            })
        };
        assert_eq!(
            out(true),
            "if x:\n    # why\n    # own line\n    # noqa\n    a = 1\n"
        );
        // No comment after the statement's last line: the lines go whole.
        assert_eq!(out(false), "if x:\n    a = 1\n");
        let source = "@deco  # old style\n@other  # noqa: E1\ndef f(): pass\n";
        let out = |line: usize| {
            with_context(source, |ctx| {
                let Stmt::FunctionDef(def) = &ctx.module.body[0] else {
                    unreachable!()
                };
                let range = def.decorator_list[line].range();
                apply_edits(
                    source,
                    vec![delete_lines(source, range, Comments::KeepTrailingNote)],
                )
            })
        };
        assert_eq!(out(0), "# old style\n@other  # noqa: E1\ndef f(): pass\n");
        // A pragma spoke only of the code it follows.
        assert_eq!(out(1), "@deco  # old style\ndef f(): pass\n");
    }

    #[test]
    fn unwraps_a_try_body() {
        let source = "def f():\n    try:  # guard\n        a()\n        # between\n        if b:\n            c()\n    finally:\n        d()\n";
        let out = with_context(source, |ctx| {
            let body = function_body(ctx);
            let Stmt::Try(block) = &body[0] else {
                unreachable!()
            };
            let finally = find_token(ctx.tokens, block.range(), TokenKind::Finally).unwrap();
            let end = line_start(source, finally.start());
            let mut edits = unwrap_block(ctx, &body[0], &block.body, end, &[]).unwrap();
            edits.push(Edit::deletion(TextRange::new(end, TextSize::of(source))));
            apply_edits(source, edits)
        });
        assert_eq!(
            out,
            "def f():\n    # guard\n    a()\n    # between\n    if b:\n        c()\n"
        );
    }

    #[test]
    fn wraps_statements_keeping_strings_and_comments() {
        let wrapped = |source: &str, last: usize| {
            with_context(source, |ctx| {
                let body = function_body(ctx);
                let edits =
                    wrap_statements(ctx, &body[0], &body[last], "async with t():", Vec::new())
                        .unwrap();
                apply_edits(source, edits)
            })
        };
        let source = "async def f():\n    # before\n    x = g(\n        '''a\nb''',  # arg\n    )\n\n    y = 2\n    z = 3\n";
        assert_eq!(
            wrapped(source, 1),
            "async def f():\n    # before\n    async with t():\n        x = g(\n            '''a\nb''',  # arg\n        )\n\n        y = 2\n    z = 3\n"
        );
        // A continuation line and a comment indented less than the block
        // mean nothing to Python: they keep their bytes, as in every
        // re-indent; the string's second line is its value.
        let source = "async def f():\n    x = g(\n  1,\n# note\n        '''a\n  b''')\n";
        assert_eq!(
            wrapped(source, 0),
            "async def f():\n    async with t():\n        x = g(\n  1,\n# note\n            '''a\n  b''')\n"
        );
    }

    #[test]
    fn wrap_refuses_a_shared_line() {
        let source = "x = 1; y = 2\n";
        with_context(source, |ctx| {
            let body = &ctx.module.body;
            assert!(wrap_statements(ctx, &body[0], &body[0], "with a:", Vec::new()).is_err());
        });
    }

    /// Which block of a test source the statements to delete sit in.
    #[derive(Clone, Copy)]
    enum Block {
        Module,
        FirstIf,
        FirstDef,
    }

    /// `source` with the statements `picked` (their indices; all when
    /// empty) of `block` deleted, every comment kept or only trailing notes.
    fn delete(source: &str, block: Block, picked: &[usize], keep: bool) -> anyhow::Result<String> {
        with_context(source, |ctx| {
            let body: &[Stmt] = match (block, &ctx.module.body[0]) {
                (Block::Module, _) => &ctx.module.body,
                (Block::FirstIf, Stmt::If(branch)) => &branch.body,
                (Block::FirstDef, Stmt::FunctionDef(def)) => &def.body,
                _ => unreachable!("the test source starts with the block"),
            };
            let stmts: Vec<&Stmt> = match picked {
                [] => body.iter().collect(),
                _ => picked.iter().map(|&i| &body[i]).collect(),
            };
            let comments = match keep {
                true => Comments::Keep(ctx.tokens),
                false => Comments::KeepTrailingNote,
            };
            let edits = delete_statements(ctx.source, ctx.semantic, &stmts, comments)?;
            Ok(apply_edits(source, edits))
        })
    }

    #[test]
    fn deleting_every_statement_of_a_block_leaves_pass() {
        let source = "if x:\n    a = 1\n    b = 2\nc = 3\n";
        let out = delete(source, Block::FirstIf, &[], false).unwrap();
        assert_eq!(out, "if x:\n    pass\nc = 3\n");
        let source = "if x:\n    a()  # one\n    b()  # two\nc()\n";
        let out = delete(source, Block::FirstIf, &[], true).unwrap();
        assert_eq!(out, "if x:\n    pass  # one\n    # two\nc()\n");
    }

    #[test]
    fn a_trailing_note_stays_and_a_pragma_only_when_every_comment_is_kept() {
        let source = "a = 1\nb = 2  # keep me\nc = 3  # noqa: F841\nd = 4\n";
        let out = delete(source, Block::Module, &[1, 2], false).unwrap();
        assert_eq!(out, "a = 1\n# keep me\nd = 4\n");
        let out = delete(source, Block::Module, &[1, 2], true).unwrap();
        assert_eq!(out, "a = 1\n# keep me\n# noqa: F841\nd = 4\n");
    }

    #[test]
    fn comments_inside_a_statement_stay_only_when_every_comment_is_kept() {
        let source =
            "def f():\n    a()\n    b()  # keep me\n    c(\n        1,  # and me\n    )\n    d()\n";
        let out = delete(source, Block::FirstDef, &[1, 2, 3], true).unwrap();
        assert_eq!(out, "def f():\n    a()\n    # keep me\n    # and me\n");
        let out = delete(source, Block::FirstDef, &[1, 2, 3], false).unwrap();
        assert_eq!(out, "def f():\n    a()\n    # keep me\n");
    }

    #[test]
    fn deleting_keeps_no_doubled_blank_line() {
        let source = "a = 1\n\nb = 2\n\nc = 3\n";
        assert_eq!(
            delete(source, Block::Module, &[1], false).unwrap(),
            "a = 1\n\nc = 3\n"
        );
    }

    #[test]
    fn deleting_refuses_a_shared_line() {
        for keep in [true, false] {
            assert!(delete("a(); b()\n", Block::Module, &[0], keep).is_err());
        }
    }
}
