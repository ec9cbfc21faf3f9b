//! Who may call a function of the project from another file, and with
//! what: the question asked of a parameter whose value matters (a timeout
//! that must stay above zero, see
//! [`crate::semantic::project::ProjectFacts::parameter_passed`]).
//!
//! Calls are found by the function's name in the files that spell it
//! (keyword or position, `take(q, 0)`, `box.receive(timeout=0)`), which
//! also finds calls of other functions so named: they only keep a fix
//! out. A file that uses the name other than as a call's callee
//! (`partial(svc.take, timeout=0)`, `poll = box.receive`, `getattr(box,
//! "receive")`, `from app.svc import take as fetch`) may call it with
//! anything.

use std::path::{Path, PathBuf};

use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
use ruff_python_ast::{self as ast, Expr, Number, Stmt, UnaryOp};
use ruff_text_size::{Ranged, TextSize};

use super::{ProjectIndex, is_code_file, read_file};

/// The parameter asked about: of the function `function`, named
/// `parameter`, at `position` among the positional ones (`self` counted),
/// of a method when `method`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ParameterQuestion {
    /// The file of the function, whose own calls its module's model reads.
    pub own: Option<PathBuf>,
    pub function: Box<str>,
    pub parameter: Box<str>,
    pub position: Option<usize>,
    pub method: bool,
}

impl ProjectIndex {
    /// A file of the project, other than the function's own, that may
    /// call it passing the parameter a value that may be a number of zero
    /// or less (anything but a number literal above zero, `None`, or a
    /// literal that is no number), or that uses the function other than by
    /// a call of its name; said for a note. A file that cannot be read may
    /// do either.
    pub(super) fn parameter_passed_here(&self, question: &ParameterQuestion) -> Option<String> {
        if let Ok(known) = self.passed_parameters.read()
            && let Some(answer) = known.get(question)
        {
            return answer.clone();
        }
        let answer = self.find_parameter_passed(question);
        if let Ok(mut known) = self.passed_parameters.write() {
            known.insert(question.clone(), answer.clone());
        }
        answer
    }

    fn find_parameter_passed(&self, question: &ParameterQuestion) -> Option<String> {
        let scan = self.scan();
        let function = &*question.function;
        let finder = memchr::memmem::Finder::new(function.as_bytes());
        let shown = |path: &Path| {
            path.strip_prefix(&self.layout.root)
                .unwrap_or(path)
                .display()
                .to_string()
        };
        for at in 0.. {
            let Some(path) = scan.readers.path_at(at) else {
                break;
            };
            if !is_code_file(path)
                || !scan.may_spell(at, function)
                || question.own.as_deref() == Some(path)
            {
                continue;
            }
            let Ok(bytes) = read_file(path) else {
                return Some(format!(
                    "{} cannot be read, and may call `{function}`",
                    shown(path)
                ));
            };
            if finder.find(&bytes).is_none() {
                continue;
            }
            // A file that does not parse does not run either.
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let Ok(parsed) = ruff_python_parser::parse_module(text) else {
                continue;
            };
            let mut calls = Calls {
                question,
                text,
                found: None,
            };
            calls.visit_body(&parsed.syntax().body);
            if let Some((offset, what)) = calls.found {
                let line = line_of(text, offset);
                return Some(format!("{} {what} (line {line})", shown(path)));
            }
        }
        None
    }
}

/// The line (from one) of `offset` in `text`.
fn line_of(text: &str, offset: TextSize) -> usize {
    let end = usize::from(offset).min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Finds the first call of the function that may pass the parameter a
/// number of zero or less, or the first other use of its name.
struct Calls<'q> {
    question: &'q ParameterQuestion,
    text: &'q str,
    found: Option<(TextSize, String)>,
}

impl Calls<'_> {
    fn spelled(&self, ranged: &impl Ranged) -> &str {
        self.text.get(ranged.range().to_std_range()).unwrap_or("…")
    }

    /// What `call`, a call of the function by its name (`attribute`: as
    /// an object's attribute), passes the parameter that may be zero or
    /// less: a value, or `*args` / `**kwargs` that may hold one.
    fn passes(&self, call: &ast::ExprCall, attribute: bool) -> Option<String> {
        let question = self.question;
        let function = &*question.function;
        for keyword in &call.arguments.keywords {
            match &keyword.arg {
                Some(arg) if arg.as_str() == &*question.parameter => {
                    if may_be_non_positive_number(&keyword.value) {
                        return Some(format!(
                            "passes `{}` to `{function}`",
                            self.spelled(keyword)
                        ));
                    }
                }
                Some(_) => {}
                None => {
                    return Some(format!(
                        "passes `{}` to `{function}`",
                        self.spelled(keyword)
                    ));
                }
            }
        }
        // A bound method's call leaves `self` out; `Class.method(obj, …)`
        // does not: both positions are asked.
        let at = |index: usize| {
            question
                .position
                .is_some_and(|p| index == p || (attribute && question.method && index + 1 == p))
        };
        for (index, argument) in call.arguments.args.iter().enumerate() {
            let passed = match argument {
                Expr::Starred(_) => true,
                _ => at(index) && may_be_non_positive_number(argument),
            };
            if passed {
                return Some(format!(
                    "passes `{}` to `{function}` for its parameter `{}`",
                    self.spelled(argument),
                    question.parameter
                ));
            }
        }
        None
    }
}

impl<'a> Visitor<'a> for Calls<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() {
            return;
        }
        // `from app.svc import take as fetch`: called by another name.
        if let Stmt::ImportFrom(import) = stmt
            && let Some(alias) = import.names.iter().find(|alias| {
                alias.name.as_str() == &*self.question.function && alias.asname.is_some()
            })
        {
            self.found = Some((
                alias.start(),
                format!("imports `{}` under another name", self.question.function),
            ));
            return;
        }
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        let function = &*self.question.function;
        let value_use = |expr: &Expr| {
            Some((
                expr.start(),
                format!("uses `{function}` other than by a call of its name"),
            ))
        };
        match expr {
            Expr::Call(call) => {
                let by_name = match call.func.as_ref() {
                    Expr::Name(name) if name.id.as_str() == function => Some(false),
                    Expr::Attribute(attribute) if attribute.attr.as_str() == function => Some(true),
                    _ => None,
                };
                if let Some(attribute) = by_name
                    && let Some(what) = self.passes(call, attribute)
                {
                    self.found = Some((call.start(), what));
                    return;
                }
                // `getattr(box, "receive")`, `methodcaller("receive", 0)`.
                if let Some(spelled) = call.arguments.args.iter().find(
                    |arg| matches!(arg, Expr::StringLiteral(s) if s.value.to_str() == function),
                ) {
                    self.found = value_use(spelled);
                    return;
                }
                match call.func.as_ref() {
                    Expr::Name(_) if by_name.is_some() => {}
                    Expr::Attribute(attribute) if by_name.is_some() => {
                        self.visit_expr(&attribute.value);
                    }
                    other => self.visit_expr(other),
                }
                self.visit_arguments(&call.arguments);
            }
            Expr::Name(name) if name.id.as_str() == function && name.ctx.is_load() => {
                self.found = value_use(expr);
            }
            Expr::Attribute(attribute)
                if attribute.attr.as_str() == function && attribute.ctx.is_load() =>
            {
                self.found = value_use(expr);
            }
            _ => walk_expr(self, expr),
        }
    }
}

/// Whether a value passed may be a number of zero or less: anything but a
/// number literal above zero, `None` (no deadline), or a literal that is
/// no number (a string, a container: not a timeout of this function, and
/// `wait_for` and `timeout()` both fail on one).
fn may_be_non_positive_number(expr: &Expr) -> bool {
    match expr {
        Expr::NumberLiteral(number) => match &number.value {
            Number::Int(int) => *int == ast::Int::ZERO,
            Number::Float(float) => float.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater),
            Number::Complex { .. } => false,
        },
        Expr::UnaryOp(unary) if unary.op == UnaryOp::UAdd => {
            may_be_non_positive_number(&unary.operand)
        }
        Expr::NoneLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::FString(_)
        | Expr::List(_)
        | Expr::Dict(_)
        | Expr::Set(_)
        | Expr::ListComp(_)
        | Expr::DictComp(_)
        | Expr::SetComp(_)
        | Expr::Lambda(_) => false,
        _ => true,
    }
}
