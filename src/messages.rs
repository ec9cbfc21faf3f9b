//! Error messages for people. serde words what it expected in Rust's terms
//! (`expected usize`, `as i128`, `untagged enum SourceValue`, `a sequence`):
//! these read them in the terms of the file the user wrote.

/// The language whose values a message talks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// A configuration file: maps are tables, sequences arrays.
    Toml,
    /// A notebook: maps are objects, sequences lists.
    Json,
}

/// `message` (from serde, through the TOML or JSON reader) without the
/// names of Rust types.
pub fn plain_serde(message: &str, syntax: Syntax) -> String {
    let (map, sequence) = match syntax {
        Syntax::Toml => ("table", "array"),
        Syntax::Json => ("object", "list"),
    };
    let mut text = message.to_string();
    for wide in [" as i128", " as u128", " as i64", " as u64"] {
        text = text.replace(wide, "");
    }
    for unsigned in ["usize", "u8", "u16", "u32", "u64", "u128"] {
        text = replace_word(
            &text,
            &format!("expected {unsigned}"),
            "expected a whole number of at least 0",
        );
    }
    for signed in ["isize", "i8", "i16", "i32", "i64", "i128"] {
        text = replace_word(
            &text,
            &format!("expected {signed}"),
            "expected a whole number",
        );
    }
    for float in ["f32", "f64"] {
        text = replace_word(&text, &format!("expected {float}"), "expected a number");
    }
    text = text
        .replace(
            "expected a sequence",
            &format!("expected a{} {sequence}", article_n(sequence)),
        )
        .replace(
            "invalid type: sequence",
            &format!("invalid type: {sequence}"),
        )
        .replace(
            "expected a map",
            &format!("expected a{} {map}", article_n(map)),
        )
        .replace("invalid type: map", &format!("invalid type: {map}"));
    for (prefix, replacement) in [
        (
            "expected struct ",
            format!("expected a{} {map}", article_n(map)),
        ),
        (
            "data did not match any variant of untagged enum ",
            "the value has none of the accepted forms".to_string(),
        ),
        (
            "expected enum ",
            "expected one of the accepted values".to_string(),
        ),
    ] {
        text = replace_type_name(&text, prefix, &replacement);
    }
    text
}

fn article_n(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "n"
    } else {
        ""
    }
}

/// Replaces `pattern` where it is not followed by more of a word (so that
/// `expected u8` leaves `expected u80` alone).
fn replace_word(text: &str, pattern: &str, replacement: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(pattern) {
        let after = &rest[at + pattern.len()..];
        out.push_str(&rest[..at]);
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            out.push_str(pattern);
        } else {
            out.push_str(replacement);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Replaces `prefix` and the Rust type name after it.
fn replace_type_name(text: &str, prefix: &str, replacement: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        out.push_str(&rest[..at]);
        out.push_str(replacement);
        let after = &rest[at + prefix.len()..];
        let name = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        rest = &after[name..];
    }
    out.push_str(rest);
    out
}

/// A path as messages and diff headers print it: relative to the current
/// directory (with `..` when outside it), with `/` separators.
pub fn display_path(path: &std::path::Path) -> String {
    let relative: std::path::PathBuf = match std::env::current_dir() {
        Ok(cwd) if path.is_absolute() => {
            pathdiff::diff_paths(path, &cwd).unwrap_or_else(|| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    };
    let text = relative.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map_or(text.clone(), str::to_string)
}

/// `No such file or directory`, without Rust's `(os error 2)`.
pub fn describe_io_error(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_type_names_become_words_of_the_file() {
        let cases = [
            (
                "invalid value: integer `-1`, expected usize",
                Syntax::Toml,
                "invalid value: integer `-1`, expected a whole number of at least 0",
            ),
            (
                "invalid type: integer `99999999999999999999` as i128, expected usize",
                Syntax::Toml,
                "invalid type: integer `99999999999999999999`, expected a whole number of at least 0",
            ),
            (
                "invalid type: string \"AM001\", expected a sequence",
                Syntax::Toml,
                "invalid type: string \"AM001\", expected an array",
            ),
            (
                "invalid type: integer `5`, expected a sequence at line 1 column 10",
                Syntax::Json,
                "invalid type: integer `5`, expected a list at line 1 column 10",
            ),
            (
                "invalid type: sequence, expected struct Tool",
                Syntax::Toml,
                "invalid type: array, expected a table",
            ),
            (
                "data did not match any variant of untagged enum SourceValue",
                Syntax::Json,
                "the value has none of the accepted forms",
            ),
            ("expected u80 things", Syntax::Toml, "expected u80 things"),
        ];
        for (message, syntax, expected) in cases {
            assert_eq!(plain_serde(message, syntax), expected, "{message}");
        }
    }
}
