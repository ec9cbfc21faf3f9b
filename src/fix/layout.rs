//! Lines, indentation and line endings: codemods ask here instead of writing
//! `"\n    "` themselves. Offsets only ever come from parser ranges or from
//! searches for ASCII bytes, so they fall on character boundaries.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::context::Context;
use super::edit::Edit;
use super::syntax::{significant_after, significant_before, tokens_overlapping};
use crate::source::line_ending;

fn size(offset: usize) -> TextSize {
    TextSize::try_from(offset).unwrap_or(TextSize::new(u32::MAX))
}

/// The start of the line that contains `offset`.
pub fn line_start(source: &str, offset: TextSize) -> TextSize {
    let mut offset = offset.to_usize().min(source.len());
    // The `\n` of a `\r\n` belongs to the line the `\r` ends.
    if offset > 0 && source[offset..].starts_with('\n') && source[..offset].ends_with('\r') {
        offset -= 1;
    }
    // Line 1 starts after a BOM: nothing may be written before it.
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    size(
        source[..offset]
            .rfind(['\n', '\r'])
            .map_or(bom.min(offset), |i| i + 1),
    )
}

/// The end of the line that contains `offset`, before its line break.
pub fn line_end(source: &str, offset: TextSize) -> TextSize {
    let mut offset = offset.to_usize().min(source.len());
    if offset > 0 && source[offset..].starts_with('\n') && source[..offset].ends_with('\r') {
        offset -= 1;
    }
    size(
        source[offset..]
            .find(['\n', '\r'])
            .map_or(source.len(), |i| offset + i),
    )
}

/// The end of the line that contains `offset`, after its line break.
pub fn full_line_end(source: &str, offset: TextSize) -> TextSize {
    let end = line_end(source, offset).to_usize();
    let rest = &source[end..];
    let newline = if rest.starts_with("\r\n") {
        2
    } else if rest.starts_with(['\n', '\r']) {
        1
    } else {
        0
    };
    size(end + newline)
}

/// The whole lines `range` touches, line breaks included.
pub fn full_lines(source: &str, range: TextRange) -> TextRange {
    TextRange::new(
        line_start(source, range.start()),
        full_line_end(source, range.end()),
    )
}

/// The text of the line containing `offset`, without its line break.
pub fn line_text(source: &str, offset: TextSize) -> &str {
    &source[TextRange::new(line_start(source, offset), line_end(source, offset))]
}

/// The leading whitespace of the line containing `offset`.
pub fn indentation_at(source: &str, offset: TextSize) -> &str {
    let line = line_text(source, offset);
    let width = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
    &line[..width]
}

/// Whether `range` starts its line (after indentation) and nothing but a
/// comment follows it on its last line. A line that a backslash continues
/// from the line before (`if ready: \` then the statement) is not a line
/// of its own: the statement still shares the header's logical line. (A
/// comment that ends in a backslash counts too, which only refuses.)
pub fn is_alone_on_lines(source: &str, range: TextRange) -> bool {
    let start = line_start(source, range.start());
    let before = &source[TextRange::new(start, range.start())];
    let after = &source[TextRange::new(range.end(), line_end(source, range.end()))];
    let after = after.trim_start();
    before
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
        && (after.is_empty() || after.starts_with('#'))
        && !previous_line(source, start).is_some_and(|line| line.ends_with('\\'))
}

/// The text of the line before the one starting at `line_start`, without its
/// line break; `None` on the first line.
pub fn previous_line(source: &str, line_start: TextSize) -> Option<&str> {
    let before = source.get(..line_start.to_usize())?;
    let without_break = before
        .strip_suffix("\r\n")
        .or_else(|| before.strip_suffix(['\n', '\r']))?;
    let start = without_break.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    Some(&without_break[start..])
}

/// The comment after `offset` on its line (`# …`), when only whitespace
/// separates them.
pub fn trailing_comment(source: &str, offset: TextSize) -> Option<&str> {
    let rest = &source[TextRange::new(offset, line_end(source, offset))];
    let comment = rest.trim();
    comment.starts_with('#').then_some(comment)
}

/// Whether the line containing `offset` holds only whitespace.
pub fn is_blank_line(source: &str, offset: TextSize) -> bool {
    line_text(source, offset).trim().is_empty()
}

/// The indentation one block level adds in this file: the first indented
/// line's indentation (`"    "`, `"  "` or `"\t"`), four spaces when there is none.
pub fn indent_unit(source: &str, tokens: &Tokens) -> String {
    tokens
        .iter()
        .find(|token| token.kind() == TokenKind::Indent)
        .map(|token| {
            let text = &source[token.range()];
            let line_indent = text.rsplit(['\n', '\r']).next().unwrap_or(text);
            line_indent.to_string()
        })
        .filter(|indent| !indent.is_empty())
        .unwrap_or_else(|| "    ".to_string())
}

/// Ranges of string tokens that span more than one line: text inside them is
/// data, so re-indenting must not touch the lines that start inside them.
pub fn multiline_strings(source: &str, tokens: &Tokens, range: TextRange) -> Vec<TextRange> {
    let mut out: Vec<TextRange> = Vec::new();
    let mut open_fstring: Vec<TextSize> = Vec::new();
    for token in tokens_overlapping(tokens, range) {
        match token.kind() {
            TokenKind::String if source[token.range()].contains(['\n', '\r']) => {
                out.push(token.range());
            }
            TokenKind::FStringStart | TokenKind::TStringStart => open_fstring.push(token.start()),
            TokenKind::FStringEnd | TokenKind::TStringEnd => match open_fstring.pop() {
                Some(start) => {
                    let whole = TextRange::new(start, token.end());
                    if source[whole].contains(['\n', '\r']) {
                        out.push(whole);
                    }
                }
                // Started before `range` (`f"""Hello {name},` on a line
                // above): every line of `range` that starts before its end
                // starts inside it.
                None => out.push(TextRange::new(TextSize::new(0), token.end())),
            },
            _ => {}
        }
    }
    out
}

/// Edits that re-indent every line starting in `lines`: its leading `from`
/// becomes `to`. The one re-indent of the toolkit (see [`reindented_text`]
/// for text that moves). Left alone, byte for byte: lines that start inside
/// a multi-line string (their text is the string's value), lines that start
/// inside one of `skip` (text other edits replace), blank lines, and lines
/// that do not start with `from`. Those are continuation lines (inside
/// brackets or after a backslash) and stray comments, indented less than
/// the block: their indentation means nothing to Python, so leaving it is
/// right whichever way the block moves, and shifting it would only be a
/// guess at the author's layout.
pub fn reindent_lines(
    ctx: &Context,
    lines: TextRange,
    from: &str,
    to: &str,
    skip: &[TextRange],
) -> Vec<Edit> {
    if from == to {
        return Vec::new();
    }
    code_line_starts(ctx, lines, skip)
        .into_iter()
        .filter(|&offset| line_text(ctx.source, offset).starts_with(from))
        .map(|offset| indentation_change(offset, from, to))
        .collect()
}

/// The text of `range` with every line that starts after `range`'s start
/// re-indented from `from` to `to` as [`reindent_lines`] does it, for text
/// that moves elsewhere (an argument into `gather(…)`, a call into a new
/// statement): its first line, which may begin mid-line, keeps its place.
pub fn reindented_text(ctx: &Context, range: TextRange, from: &str, to: &str) -> String {
    let source = ctx.source;
    let after_first = full_line_end(source, range.start()).min(range.end());
    let lines = TextRange::new(after_first, range.end());
    let mut out = String::with_capacity(range.len().to_usize() + 16);
    let mut at = range.start();
    for edit in reindent_lines(ctx, lines, from, to, &[]) {
        // An indentation change never reaches past its line's start and
        // indentation, all inside `range`.
        debug_assert!(
            range.contains_range(edit.range),
            "{edit:?} outside {range:?}"
        );
        if edit.range.start() < at || edit.range.end() > range.end() {
            continue;
        }
        out.push_str(&source[TextRange::new(at, edit.range.start())]);
        out.push_str(&edit.content);
        at = edit.range.end();
    }
    out.push_str(&source[TextRange::new(at, range.end())]);
    out
}

/// The starts of the lines that begin in `lines` and hold code or a
/// comment: not blank, not inside a multi-line string, not inside `skip`.
pub(super) fn code_line_starts(
    ctx: &Context,
    lines: TextRange,
    skip: &[TextRange],
) -> Vec<TextSize> {
    let source = ctx.source;
    let mut starts = Vec::new();
    if lines.is_empty() {
        return starts;
    }
    let strings = multiline_strings(source, ctx.tokens, lines);
    let mut offset = line_start(source, lines.start());
    if offset < lines.start() {
        offset = full_line_end(source, offset);
    }
    while offset < lines.end() {
        let inside_string = strings
            .iter()
            .any(|s| s.start() < offset && offset < s.end());
        let skipped = skip.iter().any(|s| s.start() <= offset && offset < s.end());
        if !line_text(source, offset).trim().is_empty() && !inside_string && !skipped {
            starts.push(offset);
        }
        let next = full_line_end(source, offset);
        if next <= offset {
            break;
        }
        offset = next;
    }
    starts
}

/// The smallest edit turning the indentation `from` at `at` into `to`.
pub(super) fn indentation_change(at: TextSize, from: &str, to: &str) -> Edit {
    if let Some(extra) = to.strip_prefix(from) {
        Edit::insertion(at + TextSize::of(from), extra)
    } else if from.starts_with(to) {
        Edit::deletion(TextRange::new(
            at + TextSize::of(to),
            at + TextSize::of(from),
        ))
    } else {
        Edit::replacement(TextRange::new(at, at + TextSize::of(from)), to)
    }
}

/// How generated lines are laid out at one place of a file: the
/// indentation of the statement there, the file's indent unit and line
/// ending, and `--line-length`.
#[derive(Debug, Clone)]
pub struct LineStyle<'s> {
    pub indent: &'s str,
    pub unit: String,
    pub eol: &'static str,
    pub line_length: usize,
}

impl<'s> LineStyle<'s> {
    /// The style for a statement starting at `offset`.
    pub fn at(ctx: &Context<'s>, offset: TextSize) -> Self {
        LineStyle {
            indent: indentation_at(ctx.source, offset),
            unit: indent_unit(ctx.source, ctx.tokens),
            eol: line_ending(ctx.source),
            line_length: ctx.settings.line_length,
        }
    }
}

/// `callee(arguments…)` laid out as black and ruff format would (see
/// [`Brackets`]): on one line when the indentation plus `prefix`, the
/// call, `suffix` and `following` fit in the line length (in characters);
/// else the arguments together on a line of their own, one indent unit
/// deeper, when that line fits; else one argument per line, with a
/// trailing comma after two or more. The text returned starts after the
/// indentation (it replaces a statement's range) and ends with `suffix`;
/// `following` is what already follows on the line (a trailing comment),
/// counted but not written; a `# type: ignore` there keeps the line whole,
/// as black keeps it (see [`keeps_line_whole`]). An argument that spans
/// lines puts every argument on lines of its own, and must already be
/// indented for that layout (see [`reindented_text`]).
pub fn call_layout(
    style: &LineStyle,
    prefix: &str,
    callee: &str,
    arguments: &[String],
    suffix: &str,
    following: &str,
) -> String {
    let (open, close) = (format!("{prefix}{callee}("), format!("){suffix}"));
    let spans_lines = arguments.iter().any(|a| a.contains(['\n', '\r']));
    if keeps_line_whole(following) && !spans_lines {
        return format!("{open}{}{close}", arguments.join(", "));
    }
    Brackets::for_call(style, following).arguments(&open, arguments, &close, |_, _| None)
}

/// Whether black leaves a line too long whole because of what follows it:
/// a `# type: ignore` speaks of its own line, and once the line is split
/// the code it silenced would stand on other lines.
fn keeps_line_whole(following: &str) -> bool {
    following.trim_start().starts_with("# type: ignore")
}

/// `prefix` + `call` + `suffix` (`call` on one line of `source`) split at
/// its last bracket as black and ruff format split a line that is too
/// long (see [`call_layout`]), where a single argument that is itself a
/// call and too long for its line is split the same way one level deeper.
/// `following` (a trailing comment) stays after the closing parenthesis,
/// where black keeps it, and counts for the line it is on.
pub fn right_hand_split(
    source: &str,
    style: &LineStyle,
    prefix: &str,
    call: &ast::ExprCall,
    suffix: &str,
    following: &str,
) -> String {
    let arguments: Vec<String> = call
        .arguments
        .iter_source_order()
        .map(|argument| source[argument.range()].to_string())
        .collect();
    let callee = &source[call.func.range()];
    if source[call.range()].contains(['\n', '\r']) || keeps_line_whole(following) {
        return call_layout(style, prefix, callee, &arguments, suffix, following);
    }
    let lone_call = match &call.arguments.iter_source_order().collect::<Vec<_>>()[..] {
        [ast::ArgOrKeyword::Arg(Expr::Call(only))] => Some(only),
        _ => None,
    };
    let (open, close) = (format!("{prefix}{callee}("), format!("){suffix}"));
    Brackets::for_call(style, following).arguments(&open, &arguments, &close, |_, indent| {
        let inner = LineStyle {
            indent,
            ..style.clone()
        };
        lone_call.map(|only| right_hand_split(source, &inner, "", only, "", ""))
    })
}

/// How a bracketed list of items is laid out when generated code would
/// not fit the line length: as black and ruff format do, all on one line
/// when it fits, else the items together on one indented line between
/// the brackets, else one item per line (a trailing comma after two or
/// more).
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

impl<'s> Brackets<'s> {
    /// The brackets of a call in a statement laid out in `style`, with
    /// `following` after it on its last line.
    fn for_call(style: &'s LineStyle, following: &str) -> Self {
        Brackets {
            before: width(style.indent),
            after: width(following),
            indent: style.indent,
            unit: &style.unit,
            eol: style.eol,
            line_length: style.line_length,
            hug: true,
        }
    }

    /// A call's arguments between `open` and `close` (see [`call_layout`]),
    /// where an argument too long for its own line may be laid out again
    /// by `relayout(index, indentation)`.
    fn arguments(
        &self,
        open: &str,
        arguments: &[String],
        close: &str,
        relayout: impl Fn(usize, &str) -> Option<String>,
    ) -> String {
        if arguments.is_empty() {
            // Nothing to break at: black leaves `f()` whole.
            return format!("{open}{close}");
        }
        if arguments.iter().any(|a| a.contains(['\n', '\r'])) {
            let (indent, eol) = (self.indent, self.eol);
            let lines = self.one_per_line(arguments, relayout);
            return format!("{open}{eol}{lines}{indent}{close}");
        }
        self.layout_nested(open, arguments, close, relayout)
    }

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
        let lines = self.one_per_line(items, relayout);
        format!("{open}{eol}{lines}{indent}{close}")
    }

    /// The lines between the brackets when the items go one per line, one
    /// indent unit deeper than the brackets' line, each ending with a line
    /// break. The one trailing-comma rule, black's: a comma after the last
    /// item when there are two or more (black adds one only when it splits
    /// at commas), none after a lone item.
    fn one_per_line(
        &self,
        items: &[String],
        relayout: impl Fn(usize, &str) -> Option<String>,
    ) -> String {
        let inner = format!("{}{}", self.indent, self.unit);
        let mut out = String::new();
        let comma = if items.len() > 1 { "," } else { "" };
        for (index, item) in items.iter().enumerate() {
            let fits = width(&inner) + width(item) + width(comma) <= self.line_length;
            let item = match fits {
                true => None,
                false => relayout(index, &inner),
            }
            .unwrap_or_else(|| item.clone());
            out.push_str(&format!("{inner}{item}{comma}{}", self.eol));
        }
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
    if super::syntax::contains_comment(tokens, inner) {
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

#[cfg(test)]
mod tests {
    use ruff_python_ast::Stmt;

    use super::*;
    use crate::test_support::{apply_edits, with_context};

    #[test]
    fn lines_and_indentation() {
        let source = "a\r\n    bb\ncc";
        let at = TextSize::new(6);
        assert_eq!(line_start(source, at), TextSize::new(3));
        assert_eq!(line_end(source, at), TextSize::new(9));
        assert_eq!(full_line_end(source, at), TextSize::new(10));
        assert_eq!(indentation_at(source, at), "    ");
        assert_eq!(full_line_end(source, TextSize::new(11)), TextSize::new(12));
        assert_eq!(previous_line(source, TextSize::new(3)), Some("a"));
        assert_eq!(previous_line(source, TextSize::new(10)), Some("    bb"));
        assert_eq!(previous_line(source, TextSize::new(0)), None);
        assert_eq!(line_start(source, TextSize::new(2)), TextSize::new(0));
        assert_eq!(line_start("\u{feff}ab", TextSize::new(4)), TextSize::new(3));
    }

    #[test]
    fn reindented_text_keeps_its_first_line_and_string_interiors() {
        let source = "x = f(\n    '''a\n  b''',\n    g(\n  1),\n)\n";
        // From `f` to the last `)`.
        let call = TextRange::new(TextSize::new(4), TextSize::of(source) - TextSize::new(1));
        let out = with_context(source, |ctx| reindented_text(ctx, call, "    ", "\t"));
        // The string's second line is its value; `  1),` is a continuation
        // line indented less than the block: both stay as they are.
        assert_eq!(out, "f(\n\t'''a\n  b''',\n\tg(\n  1),\n)");
    }

    #[test]
    fn call_layout_breaks_as_black_does_when_too_long() {
        let arguments = vec!["f(x)".to_string(), "g(y)".to_string()];
        let style = |eol, line_length| LineStyle {
            indent: "    ",
            unit: "    ".to_string(),
            eol,
            line_length,
        };
        let layout =
            |style: &LineStyle| call_layout(style, "a, b = await ", "gather", &arguments, "", "");
        assert_eq!(layout(&style("\n", 88)), "a, b = await gather(f(x), g(y))");
        // The arguments together on a line of their own when it fits.
        assert_eq!(
            layout(&style("\r\n", 30)),
            "a, b = await gather(\r\n        f(x), g(y)\r\n    )"
        );
        // Else one per line, with a trailing comma.
        assert_eq!(
            layout(&style("\r\n", 15)),
            "a, b = await gather(\r\n        f(x),\r\n        g(y),\r\n    )"
        );
        // A lone argument gets no trailing comma.
        let lone = ["*(f(x) for x in y)".to_string()];
        assert_eq!(
            call_layout(&style("\n", 30), "a = await ", "gather", &lone, "", ""),
            "a = await gather(\n        *(f(x) for x in y)\n    )"
        );
        // 35 characters with the indentation: fits in 35, not in 34.
        assert!(!layout(&style("\n", 35)).contains('\n'));
        assert!(layout(&style("\n", 34)).contains('\n'));
        // What already follows on the line counts.
        let commented = call_layout(
            &style("\n", 39),
            "a, b = await ",
            "gather",
            &arguments,
            "",
            "  # c",
        );
        assert!(commented.contains('\n'));
        // A `# type: ignore` after it keeps the line whole, as black does.
        let ignored = |following| {
            call_layout(
                &style("\n", 30),
                "a, b = await ",
                "gather",
                &arguments,
                "",
                following,
            )
        };
        assert_eq!(
            ignored("  # type: ignore[arg-type]"),
            "a, b = await gather(f(x), g(y))"
        );
        assert!(ignored("  # noqa: E501").contains('\n'));
    }

    #[test]
    fn right_hand_split_hugs_the_arguments_when_their_line_fits() {
        let split = |call: &str, length: usize, following: &str| {
            let source = format!("{call}\n");
            with_context(&source, |ctx| {
                let Stmt::Expr(stmt) = &ctx.module.body[0] else {
                    unreachable!()
                };
                let Expr::Call(call) = stmt.value.as_ref() else {
                    unreachable!()
                };
                let style = LineStyle {
                    indent: "    ",
                    unit: "    ".to_string(),
                    eol: "\n",
                    line_length: length,
                };
                right_hand_split(ctx.source, &style, "task = ", call, "", following)
            })
        };
        let call = "asyncio.create_task(worker.handle(item), name=n)";
        assert_eq!(
            split(call, 88, ""),
            "task = asyncio.create_task(worker.handle(item), name=n)"
        );
        assert_eq!(
            split(call, 40, ""),
            "task = asyncio.create_task(\n        worker.handle(item), name=n\n    )"
        );
        // A comment that follows makes the line too long; it stays after `)`.
        assert!(split(call, 60, "  # a comment long enough").contains('\n'));
        // But for a `# type: ignore`, which speaks of its own line.
        assert_eq!(split(call, 40, "  # type: ignore"), split(call, 88, ""));
        // The hugged line too long: one argument per line.
        assert_eq!(
            split(call, 30, ""),
            "task = asyncio.create_task(\n        worker.handle(item),\n        name=n,\n    )"
        );
        // A single call argument too long for its line is split in turn.
        assert_eq!(
            split(
                "asyncio.create_task(worker.handle(item, other, name=n))",
                40,
                ""
            ),
            "task = asyncio.create_task(\n        worker.handle(\n            item, other, name=n\n        )\n    )"
        );
    }

    /// `source` with the lines from the first statement of its first block
    /// to its end re-indented from four spaces to `to`, but for the lines
    /// from statement `skip_from` of that block on.
    fn reindented(source: &str, to: &str, skip_from: Option<usize>) -> String {
        with_context(source, |ctx| {
            let body = match &ctx.module.body[0] {
                Stmt::FunctionDef(def) => &def.body,
                Stmt::If(branch) => &branch.body,
                _ => unreachable!("the test source starts with a block"),
            };
            let end = TextSize::of(source);
            let lines = TextRange::new(line_start(source, body[0].start()), end);
            let skip: Vec<TextRange> = skip_from
                .map(|i| TextRange::new(line_start(source, body[i].start()), end))
                .into_iter()
                .collect();
            apply_edits(source, reindent_lines(ctx, lines, "    ", to, &skip))
        })
    }

    #[test]
    fn reindents_only_lines_that_carry_the_indentation() {
        let source = "def f():\n    a = [\n1,\n    ]\n    s = '''\n    x'''\n    # note\n";
        assert_eq!(
            reindented(source, "  ", None),
            "def f():\n  a = [\n1,\n  ]\n  s = '''\n    x'''\n  # note\n"
        );
    }

    #[test]
    fn lines_indented_less_than_the_block_keep_their_indentation() {
        // Continuation lines inside brackets and after a backslash, a
        // comment, a blank line holding spaces and a string's lines.
        let source =
            "def f():\n    x = g(\n  1,\n    ) + \\\n  2\n  # stray\n    \n    s = '''\n  a'''\n";
        assert_eq!(
            reindented(source, "        ", None),
            "def f():\n        x = g(\n  1,\n        ) + \\\n  2\n  # stray\n    \n        s = '''\n  a'''\n"
        );
        assert_eq!(
            reindented(source, "  ", None),
            "def f():\n  x = g(\n  1,\n  ) + \\\n  2\n  # stray\n    \n  s = '''\n  a'''\n"
        );
    }

    #[test]
    fn reindent_skips_lines_other_edits_replace() {
        let source = "if x:\n    a = 1\n    b = 2\n";
        assert_eq!(
            reindented(source, "\t", Some(1)),
            "if x:\n\ta = 1\n    b = 2\n"
        );
    }
}
