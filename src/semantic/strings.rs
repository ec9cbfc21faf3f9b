//! Names that code written inside string literals refers to: a string
//! annotation (`-> "time.struct_time"`) is evaluated against the module's
//! globals when something asks for the type hints (`typing.get_type_hints`,
//! pydantic, dataclasses, FastAPI), so an import it names is still in use
//! although no `Name` node reads it.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, ModModule, Stmt};
use rustc_hash::FxHashSet;

use super::SemanticModel;

/// How deep strings inside parsed strings are followed (`List["time.x"]`
/// inside a string annotation).
const MAX_NESTING: u32 = 3;

impl SemanticModel<'_> {
    /// Which of `names` a string of the module may name as code:
    /// - any name a string in an annotation reads (also nested inside one,
    ///   `Optional["time.struct_time"]`), or a string argument of `cast`,
    ///   `TypeVar`, `NewType` or `ForwardRef`, or the value of a `TypeAlias`;
    /// - anywhere else, a name that heads an attribute chain in a string that
    ///   parses as an expression (`"time.struct_time"` given to `eval` or a
    ///   library that resolves it), but not a bare `"time"`, which is far
    ///   more often a word or a dictionary key.
    ///
    /// Conservative: an answer too many keeps an unused import, never
    /// removes a used one. Only strings that contain one of `names` are
    /// parsed.
    pub fn names_in_strings<'n>(&self, names: &[&'n str]) -> FxHashSet<&'n str> {
        let mut finder = StringNames {
            names,
            found: FxHashSet::default(),
            in_annotation: false,
        };
        if !names.is_empty() {
            finder.visit_module(self.module);
        }
        finder.found
    }
}

struct StringNames<'n, 's> {
    names: &'s [&'n str],
    found: FxHashSet<&'n str>,
    in_annotation: bool,
}

impl<'n> StringNames<'n, '_> {
    fn visit_module(&mut self, module: &ModModule) {
        self.visit_body(&module.body);
    }

    fn annotation_context(&mut self, expr: &Expr) {
        let outer = std::mem::replace(&mut self.in_annotation, true);
        self.visit_expr(expr);
        self.in_annotation = outer;
    }

    fn string(&mut self, text: &str, annotation: bool, depth: u32) {
        if depth > MAX_NESTING || !self.names.iter().any(|name| text.contains(name)) {
            return;
        }
        // A doctest (`>>> sleep(1)` in a docstring) runs in the module's
        // globals: any name its examples spell as a word.
        if depth == 0 && !annotation {
            let examples: Vec<&str> = text
                .lines()
                .map(str::trim_start)
                .filter_map(|line| {
                    line.strip_prefix(">>>")
                        .or_else(|| line.strip_prefix("..."))
                })
                .collect();
            if examples.iter().any(|line| !line.trim().is_empty()) {
                for &name in self.names {
                    if examples.iter().any(|line| spells_word(line, name)) {
                        self.found.insert(name);
                    }
                }
            }
        }
        // A string annotation is parsed as if parenthesized, so it may span lines.
        let Ok(parsed) = ruff_python_parser::parse_expression(&format!("({text}\n)")) else {
            return;
        };
        let mut reader = ParsedNames {
            annotation,
            names: Vec::new(),
            strings: Vec::new(),
        };
        reader.visit_expr(parsed.expr());
        for name in reader.names {
            if let Some(&wanted) = self.names.iter().find(|&&n| n == name) {
                self.found.insert(wanted);
            }
        }
        for nested in reader.strings {
            self.string(&nested, annotation, depth + 1);
        }
    }
}

impl<'a> Visitor<'a> for StringNames<'_, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        // `X: TypeAlias = "time.struct_time"`: the value is a type.
        if let Stmt::AnnAssign(assign) = stmt
            && let Some(value) = &assign.value
            && names_type_alias(&assign.annotation)
        {
            self.visit_annotation(&assign.annotation);
            self.visit_expr(&assign.target);
            self.annotation_context(value);
            return;
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_annotation(&mut self, expr: &'a Expr) {
        self.annotation_context(expr);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::StringLiteral(string) => {
                let text = string.value.to_str();
                self.string(text, self.in_annotation, 0);
            }
            Expr::Call(call) if takes_types(&call.func) => {
                self.visit_expr(&call.func);
                for argument in &call.arguments.args {
                    self.annotation_context(argument);
                }
                for keyword in &call.arguments.keywords {
                    self.annotation_context(&keyword.value);
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Whether `word` stands in `line` as a whole identifier.
fn spells_word(line: &str, word: &str) -> bool {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(word).any(|(at, _)| {
        let before = line.get(..at).unwrap_or_default();
        let after = line.get(at + word.len()..).unwrap_or_default();
        !before.chars().next_back().is_some_and(is_word_char)
            && !after.chars().next().is_some_and(is_word_char)
    })
}

/// `cast`, `TypeVar`, `NewType`, `ForwardRef` under any qualification:
/// functions whose string arguments are types.
fn takes_types(func: &Expr) -> bool {
    let name = match func {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => return false,
    };
    matches!(name, "cast" | "TypeVar" | "NewType" | "ForwardRef")
}

fn names_type_alias(annotation: &Expr) -> bool {
    match annotation {
        Expr::Name(name) => name.id.as_str() == "TypeAlias",
        Expr::Attribute(attribute) => attribute.attr.as_str() == "TypeAlias",
        _ => false,
    }
}

/// The names a parsed string refers to, and the strings nested in it.
struct ParsedNames {
    /// In an annotation every name read counts; elsewhere only the head
    /// of an attribute chain.
    annotation: bool,
    names: Vec<String>,
    strings: Vec<String>,
}

impl<'a> Visitor<'a> for ParsedNames {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(ast::ExprName {
                id,
                ctx: ExprContext::Load,
                ..
            }) if self.annotation => self.names.push(id.to_string()),
            Expr::Attribute(attribute) if !self.annotation => {
                let mut head = attribute.value.as_ref();
                while let Expr::Attribute(inner) = head {
                    head = &inner.value;
                }
                if let Expr::Name(name) = head {
                    self.names.push(name.id.to_string());
                } else {
                    visitor::walk_expr(self, expr);
                }
            }
            Expr::StringLiteral(string) => self.strings.push(string.value.to_str().to_string()),
            _ => visitor::walk_expr(self, expr),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    fn named(source: &str, name: &str) -> bool {
        let parsed = parse(source).unwrap();
        let semantic = SemanticModel::build(parsed.syntax());
        semantic.names_in_strings(&[name]).contains(name)
    }

    #[test]
    fn string_annotations_name_their_modules() {
        assert!(named("def f() -> \"time.struct_time\": ...\n", "time"));
        assert!(named("def f(x: 'time.struct_time'): ...\n", "time"));
        assert!(named("x: \"Optional[time.struct_time]\" = None\n", "time"));
        assert!(named("x: Optional[\"time.struct_time\"] = None\n", "time"));
        assert!(named("x: 'List[\"time.struct_time\"]'\n", "time"));
        assert!(named("def f() -> \"sleep\": ...\n", "sleep"));
        assert!(named(
            "def f() -> '''\n    time.struct_time\n''': ...\n",
            "time"
        ));
        assert!(named("y = cast(\"sleep\", x)\n", "sleep"));
        assert!(named(
            "T = TypeVar('T', bound='time.struct_time')\n",
            "time"
        ));
        assert!(named("A: TypeAlias = 'sleep'\n", "sleep"));
    }

    #[test]
    fn dotted_references_count_anywhere() {
        assert!(named("v = eval('time.monotonic()')\n", "time"));
        assert!(named("patch('time.sleep')\n", "time"));
    }

    #[test]
    fn doctest_examples_run_in_the_module() {
        assert!(named(
            "def f():\n    \"\"\"\n    >>> sleep is not None\n    True\n    \"\"\"\n",
            "sleep"
        ));
        assert!(named(
            "\"\"\"Module.\n\n>>> for x in [1]:\n...     time.sleep(0)\n\"\"\"\n",
            "time"
        ));
        // Prose around the examples, and a longer word in them, do not.
        assert!(!named(
            "def f():\n    \"\"\"Call sleep.\n\n    >>> f()\n    \"\"\"\n",
            "sleep"
        ));
        assert!(!named(
            "def f():\n    \"\"\"\n    >>> sleepy()\n    \"\"\"\n",
            "sleep"
        ));
    }

    #[test]
    fn words_and_keys_do_not() {
        assert!(!named("d = {'time': 1}\n", "time"));
        assert!(!named("print('time flies')\n", "time"));
        assert!(!named("def f() -> \"timer.x\": ...\n", "time"));
        assert!(!named("def f() -> \"mytime\": ...\n", "time"));
        assert!(!named("x: int = 'time'\n", "time"));
        assert!(!named("s = 'the.time.x'\n", "time"));
    }
}
