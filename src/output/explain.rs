//! `asyncmod list` and `asyncmod explain`, read from the registry: the same
//! documentation the code declares.

use crate::codemods::{ALL, Codemod};

/// The catalogue as a table.
pub fn list() -> String {
    let mut out = String::new();
    let rows: Vec<[String; 5]> = ALL
        .iter()
        .map(|c| {
            [
                c.code.to_string(),
                c.name.to_string(),
                python_column(c),
                c.safety_label().to_string(),
                c.summary(),
            ]
        })
        .collect();
    let headers = ["CODE", "NAME", "PYTHON", "SAFETY", "SUMMARY"];
    let mut widths = headers.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row.iter()).take(4) {
            *width = (*width).max(cell.len());
        }
    }
    let line = |cells: [&str; 5]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i < 4 {
                text.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            } else {
                text.push_str(cell);
            }
        }
        text.trim_end().to_string() + "\n"
    };
    out.push_str(&line(headers));
    for row in &rows {
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3], &row[4]]));
    }
    out
}

/// `3.11+`, or `any`.
pub fn python_column(codemod: &Codemod) -> String {
    if codemod.min_python == crate::version::PyVersion::ANY {
        "any".to_string()
    } else {
        format!("{}+", codemod.min_python)
    }
}

/// The full explanation of one codemod.
pub fn explain(codemod: &Codemod) -> String {
    format!(
        "# {} {}\n\nPython: {}    Fix safety: {}\n\n{}",
        codemod.code,
        codemod.name,
        python_column(codemod),
        codemod.safety_label(),
        codemod.documentation().trim_end()
    ) + "\n"
}
