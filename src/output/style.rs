//! ANSI colours, only on a terminal without `NO_COLOR` (or with `--color always`).

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub enabled: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if !self.enabled {
            return text.to_string();
        }
        // Keep a line break outside the colour so the reset lands on the same line.
        let (body, newline) = match text.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (text, ""),
        };
        format!("\x1b[{code}m{body}\x1b[0m{newline}")
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn red(&self, text: &str) -> String {
        self.paint("31", text)
    }

    pub fn green(&self, text: &str) -> String {
        self.paint("32", text)
    }

    pub fn cyan(&self, text: &str) -> String {
        self.paint("36", text)
    }

    pub fn bold_red(&self, text: &str) -> String {
        self.paint("1;31", text)
    }
}
