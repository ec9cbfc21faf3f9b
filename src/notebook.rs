//! Jupyter notebooks: the code cells are fixed as one program (names
//! resolve across cells, as in a running kernel) and written back into the
//! JSON with every byte outside the edited cells' `source` values kept, so
//! outputs, metadata and the file's own layout survive.

use std::ops::Range;

use anyhow::{Context as _, anyhow, bail};
use ruff_text_size::{TextRange, TextSize};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::engine::{CellKind, Cells, Report};
use crate::messages::{Syntax, plain_serde};
use crate::source::Position;

#[derive(Deserialize)]
struct RawNotebook<'a> {
    #[serde(borrow)]
    cells: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    metadata: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct RawCell<'a> {
    cell_type: String,
    #[serde(borrow)]
    source: &'a RawValue,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SourceValue {
    Text(String),
    Lines(Vec<String>),
}

#[derive(Deserialize, Default)]
struct Metadata {
    #[serde(default)]
    language_info: Option<LanguageInfo>,
    #[serde(default)]
    kernelspec: Option<KernelSpec>,
}

#[derive(Deserialize, Default)]
struct LanguageInfo {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize, Default)]
struct KernelSpec {
    #[serde(default)]
    language: Option<String>,
}

/// One code cell.
#[derive(Debug, Clone)]
pub struct CodeCell {
    /// The cell's number in the notebook, counting every cell from 1.
    pub number: usize,
    /// Where its `source` value sits in the JSON text.
    span: Range<usize>,
    /// `"source": "…"` rather than a list of lines.
    single_string: bool,
    pub text: String,
    pub kind: CellKind,
}

/// A notebook's JSON text and its code cells.
#[derive(Debug)]
pub struct Notebook {
    json: String,
    pub cells: Vec<CodeCell>,
}

impl Notebook {
    /// Reads a notebook. `Ok(None)` for a notebook in another language.
    pub fn parse(json: String) -> anyhow::Result<Option<Notebook>> {
        let raw: RawNotebook = serde_json::from_str(&json).map_err(|error| {
            anyhow!(
                "not a Jupyter notebook (invalid JSON or no `cells`): {}",
                plain_serde(&error.to_string(), Syntax::Json)
            )
        })?;
        if let Some(metadata) = raw.metadata {
            let metadata: Metadata = serde_json::from_str(metadata.get()).unwrap_or_default();
            let language = metadata
                .language_info
                .and_then(|l| l.name)
                .or_else(|| metadata.kernelspec.and_then(|k| k.language));
            if language.is_some_and(|l| !l.eq_ignore_ascii_case("python")) {
                return Ok(None);
            }
        }
        let base = json.as_ptr() as usize;
        let mut cells = Vec::new();
        for (i, cell) in raw.cells.iter().enumerate() {
            // serde's positions would count within the cell: left out.
            let cell: RawCell = serde_json::from_str(cell.get()).map_err(|error| {
                anyhow!(
                    "cell {}: no `cell_type` or `source` ({})",
                    i + 1,
                    plain_serde(&without_position(&error), Syntax::Json)
                )
            })?;
            if cell.cell_type != "code" {
                continue;
            }
            // A borrowed RawValue is a slice of `json`: its address gives its place.
            let start = cell.source.get().as_ptr() as usize - base;
            let span = start..start + cell.source.get().len();
            let value: SourceValue = serde_json::from_str(cell.source.get()).map_err(|_| {
                anyhow!(
                    "cell {}: `source` is neither a string nor a list of strings",
                    i + 1
                )
            })?;
            let (text, single_string) = match value {
                SourceValue::Text(text) => (text, true),
                SourceValue::Lines(lines) => (lines.concat(), false),
            };
            let kind = cell_kind(&text);
            cells.push(CodeCell {
                number: i + 1,
                span,
                single_string,
                text,
                kind,
            });
        }
        drop(raw);
        Ok(Some(Notebook { json, cells }))
    }

    /// The notebook's JSON text, as read.
    pub fn json(&self) -> &str {
        &self.json
    }

    /// The code cells joined by `\n`, and each cell's range in the result.
    pub fn concatenated(&self) -> (String, Cells) {
        let mut source = String::new();
        let mut ranges = Vec::with_capacity(self.cells.len());
        for (i, cell) in self.cells.iter().enumerate() {
            if i > 0 {
                source.push('\n');
            }
            let start = TextSize::try_from(source.len()).unwrap_or_default();
            source.push_str(&cell.text);
            let end = TextSize::try_from(source.len()).unwrap_or_default();
            ranges.push(TextRange::new(start, end));
        }
        let kinds = self.cells.iter().map(|cell| cell.kind).collect();
        (source, Cells { ranges, kinds })
    }

    /// The cell texts of a fixed concatenated source.
    pub fn split(source: &str, cells: &Cells) -> anyhow::Result<Vec<String>> {
        cells
            .ranges
            .iter()
            .map(|range| {
                source
                    .get(range.start().to_usize()..range.end().to_usize())
                    .map(str::to_string)
                    .context("a fixed cell fell outside the fixed source")
            })
            .collect()
    }

    /// The notebook's JSON with the code cells of `source` (the fixed
    /// concatenation, its cells at `cells`) in place of the old ones.
    pub fn rewritten(&self, source: &str, cells: &Cells) -> anyhow::Result<String> {
        Notebook::split(source, cells).and_then(|texts| self.with_sources(&texts))
    }

    /// The notebook's JSON with the code cells' sources replaced by
    /// `texts` (one per code cell); an unchanged cell keeps its bytes.
    pub fn with_sources(&self, texts: &[String]) -> anyhow::Result<String> {
        if texts.len() != self.cells.len() {
            bail!("expected {} cells, got {}", self.cells.len(), texts.len());
        }
        let mut out = String::with_capacity(self.json.len() + 64);
        let mut last = 0;
        for (cell, text) in self.cells.iter().zip(texts) {
            if *text == cell.text {
                continue;
            }
            out.push_str(&self.json[last..cell.span.start]);
            out.push_str(&encode_source(
                &self.json[cell.span.clone()],
                text,
                cell.single_string,
            )?);
            last = cell.span.end;
        }
        out.push_str(&self.json[last..]);
        Ok(out)
    }
}

/// The code of a notebook as the project index reads it: its code cells
/// joined as the fixer joins them, with what the fixer's parser skips
/// blanked (a cell of another language's magic, the `%%time` line of a
/// magic cell whose body is Python). `None` for a file that is not a
/// notebook of Python (not JSON, no cells, another language).
pub fn code_of(json: &[u8]) -> Option<String> {
    let json = String::from_utf8(json.to_vec()).ok()?;
    let notebook = Notebook::parse(json).ok()??;
    let (source, cells) = notebook.concatenated();
    Some(cells.parser_text(&source).unwrap_or(source))
}

/// serde's message without its ` at line L column C`.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}

/// Cell magics whose body the kernel runs as Python, in its namespace.
const PYTHON_CELL_MAGICS: &[&str] = &["time", "timeit", "capture", "prun", "debug"];

/// What a cell holds. IPython reads a cell magic (`%%writefile x.py`) on
/// the cell's first line that is not blank, indented or not; a `%%` line
/// anywhere else is an error rather than Python, so any line that starts
/// with `%%` makes the cell a magic one.
fn cell_kind(text: &str) -> CellKind {
    let Some(magic) = text
        .lines()
        .map(str::trim_start)
        .find_map(|line| line.strip_prefix("%%"))
    else {
        return CellKind::Python;
    };
    let name = magic
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    if PYTHON_CELL_MAGICS.contains(&name) {
        CellKind::MagicPython
    } else {
        CellKind::Foreign
    }
}

/// A new `source` value in the style of the old one: a string stays a
/// string; a list of lines keeps its indentation and separators.
fn encode_source(old: &str, text: &str, single_string: bool) -> anyhow::Result<String> {
    let quote = |s: &str| serde_json::to_string(s).context("encoding a cell");
    if single_string {
        return quote(text);
    }
    // Jupyter's convention: every line keeps its `\n`, the last may lack one.
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (open, separator, close) = list_layout(old);
    let mut out = String::from("[");
    if lines.is_empty() {
        out.push(']');
        return Ok(out);
    }
    out.push_str(&open);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str(&separator);
        }
        out.push_str(&quote(line)?);
    }
    out.push_str(&close);
    out.push(']');
    Ok(out)
}

/// The whitespace after `[`, between items (with the comma) and before `]`
/// of a JSON list of strings, such as `("\n    ", ",\n    ", "\n   ")`.
fn list_layout(old: &str) -> (String, String, String) {
    let inner = old
        .trim()
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or("");
    let open: String = inner.chars().take_while(|c| c.is_whitespace()).collect();
    let close: String = inner
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // The separator is what follows the first item's closing quote.
    let mut separator = format!(",{}", if open.is_empty() { " " } else { &open });
    if let Some(first_end) = end_of_first_string(inner.trim_start()) {
        let rest = &inner.trim_start()[first_end..];
        let sep: String = rest
            .chars()
            .take_while(|c| c.is_whitespace() || *c == ',')
            .collect();
        if sep.contains(',') {
            separator = sep;
        }
    }
    (open, separator, close)
}

/// The byte just after the first JSON string in `text` (which starts with `"`).
fn end_of_first_string(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Where each line of a notebook's concatenated code cells comes from:
/// positions in the concatenated source become a cell's number and a
/// position within that cell, as messages give them.
#[derive(Debug)]
pub struct CellMap {
    /// Each cell's first line in the concatenated source (1-based) and its
    /// number in the notebook, in order.
    first_lines: Vec<(usize, usize)>,
    /// The cell named when a line comes before every cell.
    first: usize,
}

impl CellMap {
    /// The map of `source`, the concatenated cells of `notebook` at `cells`.
    pub fn new(notebook: &Notebook, source: &str, cells: &Cells) -> CellMap {
        // One pass: each cell's lines counted on from the cell before.
        let (mut counted, mut line) = (0, 1);
        let first_lines = cells
            .ranges
            .iter()
            .zip(&notebook.cells)
            .map(|(range, cell)| {
                let start = range.start().to_usize().min(source.len());
                if let Some(between) = source.get(counted..start) {
                    line += between.matches('\n').count();
                    counted = start;
                }
                (line, cell.number)
            })
            .collect();
        CellMap {
            first_lines,
            first: notebook.cells.first().map_or(1, |cell| cell.number),
        }
    }

    /// The cell (its number) and the line within it of a 1-based line of
    /// the concatenated source.
    pub fn cell_line(&self, line: usize) -> (usize, usize) {
        let mut found = (self.first, line);
        for &(first_line, number) in &self.first_lines {
            if first_line <= line {
                found = (number, line - first_line + 1);
            }
        }
        found
    }

    /// The cell a position of the concatenated source is in, and the
    /// position within that cell.
    pub fn locate(&self, position: Position) -> (usize, Position) {
        let (cell, line) = self.cell_line(position.line);
        (
            cell,
            Position {
                line,
                column: position.column,
            },
        )
    }

    /// Findings on the concatenated source, each placed in its cell: its
    /// start and end (the end's line counted from the start's cell) and its
    /// fix's edits.
    pub fn place(&self, reports: &mut [Report]) {
        for report in reports {
            let (cell, start) = self.locate(report.start);
            report.end = Position {
                line: start.line + (report.end.line - report.start.line),
                column: report.end.column,
            };
            report.start = start;
            report.cell = Some(cell);
            for edit in &mut report.edits {
                edit.start = self.locate(edit.start).1;
                edit.end = self.locate(edit.end).1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTEBOOK: &str = r##"{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Title"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}],
   "source": [
    "import asyncio\n",
    "x = 1"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [],
   "source": "print(x)"
  }
 ],
 "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
"##;

    #[test]
    fn reads_code_cells_and_concatenates_them() {
        let notebook = Notebook::parse(NOTEBOOK.to_string())
            .expect("parses")
            .expect("python");
        assert_eq!(notebook.cells.len(), 2);
        assert_eq!(notebook.cells[0].number, 2);
        assert_eq!(notebook.cells[0].text, "import asyncio\nx = 1");
        let (source, cells) = notebook.concatenated();
        assert_eq!(source, "import asyncio\nx = 1\nprint(x)");
        assert_eq!(
            Notebook::split(&source, &cells).expect("splits"),
            ["import asyncio\nx = 1", "print(x)"]
        );
    }

    #[test]
    fn positions_are_placed_in_their_cells() {
        let notebook = Notebook::parse(NOTEBOOK.to_string())
            .expect("parses")
            .expect("python");
        let (source, cells) = notebook.concatenated();
        let map = CellMap::new(&notebook, &source, &cells);
        // Cells 2 (two lines) and 3 (one line) of the notebook.
        assert_eq!(map.cell_line(1), (2, 1));
        assert_eq!(map.cell_line(2), (2, 2));
        assert_eq!(map.cell_line(3), (3, 1));
        let at = Position { line: 3, column: 7 };
        assert_eq!(map.locate(at), (3, Position { line: 1, column: 7 }));
        let fixed = "import asyncio\nx = 2\ny = 3\nprint(x)";
        let fixed_cells = Cells::new(vec![
            TextRange::new(TextSize::new(0), TextSize::new(26)),
            TextRange::new(TextSize::new(27), TextSize::new(35)),
        ]);
        assert_eq!(
            notebook.rewritten(fixed, &fixed_cells).expect("writes"),
            NOTEBOOK.replace(
                "    \"import asyncio\\n\",\n    \"x = 1\"\n",
                "    \"import asyncio\\n\",\n    \"x = 2\\n\",\n    \"y = 3\"\n",
            )
        );
    }

    #[test]
    fn writes_back_only_changed_sources_in_their_own_style() {
        let notebook = Notebook::parse(NOTEBOOK.to_string())
            .expect("parses")
            .expect("python");
        let json = notebook
            .with_sources(&[
                "import asyncio\nx = 2\ny = 3\n".to_string(),
                "print(x)".to_string(),
            ])
            .expect("writes");
        let expected = NOTEBOOK.replace(
            "    \"import asyncio\\n\",\n    \"x = 1\"\n",
            "    \"import asyncio\\n\",\n    \"x = 2\\n\",\n    \"y = 3\\n\"\n",
        );
        assert_eq!(json, expected);
        let json = notebook
            .with_sources(&[
                "import asyncio\nx = 1".to_string(),
                "print(x)\n".to_string(),
            ])
            .expect("writes");
        assert_eq!(
            json,
            NOTEBOOK.replace("\"source\": \"print(x)\"", "\"source\": \"print(x)\\n\"")
        );
    }

    #[test]
    fn other_languages_are_skipped_and_junk_is_an_error() {
        let r = NOTEBOOK.replace("\"language\": \"python\"", "\"language\": \"julia\"");
        assert!(Notebook::parse(r).expect("parses").is_none());
        assert!(Notebook::parse("{\"cells\": 3}".to_string()).is_err());
        assert!(Notebook::parse("not json".to_string()).is_err());
    }

    #[test]
    fn cell_magics_make_cells_that_are_not_plain_python() {
        assert_eq!(cell_kind("x = 1\n%time f()\n!ls"), CellKind::Python);
        assert_eq!(cell_kind("%%time\nf()"), CellKind::MagicPython);
        assert_eq!(cell_kind("\n  %%capture out\nf()"), CellKind::MagicPython);
        assert_eq!(cell_kind("%%writefile a.py\nf()"), CellKind::Foreign);
        assert_eq!(cell_kind("%%bash\necho hi"), CellKind::Foreign);
        assert_eq!(cell_kind("%%python3\nf()"), CellKind::Foreign);
        assert_eq!(cell_kind("# note\n%%sql\nSELECT 1"), CellKind::Foreign);
    }

    #[test]
    fn the_index_reads_code_cells_with_skipped_magics_blanked() {
        let cells = |sources: &[&str]| {
            let cells: Vec<String> = sources
                .iter()
                .map(|source| format!("{{\"cell_type\": \"code\", \"source\": {source:?}}}"))
                .collect();
            format!("{{\"cells\": [{}]}}", cells.join(", "))
        };
        let code = |sources: &[&str]| code_of(cells(sources).as_bytes());
        assert_eq!(
            code(&["import app\n%time app.f()", "importlib.reload(app)"]).as_deref(),
            Some("import app\n%time app.f()\nimportlib.reload(app)")
        );
        // The body of a foreign cell, and a cell magic's own line, are blank.
        assert_eq!(
            code(&["%%bash\necho reload(app)", "%%time\nf()"]).as_deref(),
            Some("      \n                \n      \nf()")
        );
        assert_eq!(code(&[]).as_deref(), Some(""));
        assert!(code_of(b"not json").is_none());
        let julia = NOTEBOOK.replace("\"language\": \"python\"", "\"language\": \"julia\"");
        assert!(code_of(julia.as_bytes()).is_none());
    }

    #[test]
    fn compact_list_layout_is_kept() {
        assert_eq!(
            encode_source("[\"a\\n\", \"b\"]", "a\nc\nb", false).expect("encodes"),
            "[\"a\\n\", \"c\\n\", \"b\"]"
        );
        assert_eq!(encode_source("[]", "a", false).expect("encodes"), "[\"a\"]");
    }
}
