//! Unified diffs with `--- a/REL` / `+++ b/REL` headers that `git apply`
//! and `patch -p1` accept.

use similar::TextDiff;

use super::style::Style;

/// The unified diff from `old` to `new` for the file at `display` (a path
/// relative to the current directory, `/`-separated).
pub fn unified_diff(display: &str, old: &str, new: &str) -> String {
    unified_diff_with_context(display, old, new, 3)
}

/// [`unified_diff`] with `context` lines around each change.
pub fn unified_diff_with_context(display: &str, old: &str, new: &str, context: usize) -> String {
    // Past the deadline the diff is still correct, only less minimal: a
    // generated file with a hundred thousand changes must not stall a run.
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_secs(5))
        .diff_lines(old, new);
    let mut unified = diff.unified_diff();
    unified
        .context_radius(context)
        .missing_newline_hint(true)
        .header(&diff_name("a/", display), &diff_name("b/", display));
    unified.to_string()
}

/// A header's file name, quoted as git quotes it (`"a/tab\there.py"`, octal
/// escapes for other control characters) when it has a control character,
/// a `"` or a `\`: `git apply` and `patch` read that form, and a terminal
/// shows it without obeying what is in it.
fn diff_name(prefix: &str, display: &str) -> String {
    let name = format!("{prefix}{display}");
    if !name
        .chars()
        .any(|c| c.is_control() || c == '"' || c == '\\')
    {
        return name;
    }
    let mut quoted = String::with_capacity(name.len() + 8);
    quoted.push('"');
    for c in name.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\t' => quoted.push_str("\\t"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            c if c.is_control() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    quoted.push_str(&format!("\\{byte:03o}"));
                }
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Colours a unified diff line by line, for a terminal.
pub fn colorize(diff: &str, style: &Style) -> String {
    let mut out = String::with_capacity(diff.len() + 256);
    for line in diff.split_inclusive('\n') {
        let painted = if line.starts_with("---") || line.starts_with("+++") {
            style.bold(line)
        } else if line.starts_with('-') {
            style.red(line)
        } else if line.starts_with('+') {
            style.green(line)
        } else if line.starts_with("@@") {
            style.cyan(line)
        } else {
            line.to_string()
        };
        out.push_str(&painted);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unified_diff;

    #[test]
    fn headers_and_hunks() {
        let diff = unified_diff("pkg/a.py", "x = 1\ny = 2\n", "x = 1\ny = 3\n");
        assert!(
            diff.starts_with("--- a/pkg/a.py\n+++ b/pkg/a.py\n@@ -1,2 +1,2 @@\n"),
            "{diff}"
        );
        assert!(diff.contains("-y = 2\n+y = 3\n"));
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let diff = unified_diff("a.py", "x = 1", "x = 2");
        assert!(diff.contains("\\ No newline at end of file"), "{diff}");
    }
}
