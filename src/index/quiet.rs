//! The "quiet module" proof, one module's part: whether importing a module
//! runs nothing but definitions, so that no code of it can tie an object to
//! the event loop current then. Proving that arbitrary import-time code
//! leaves the loop alone is not possible; proving that simple code runs
//! nothing is. A module is quiet when every statement its import runs is
//! one of:
//!
//! - an import of a module that is itself quiet or of the standard library
//!   (the index checks those, see [`Need`]);
//! - a `def` or `async def` without decorators whose defaults and (unless
//!   `from __future__ import annotations` defers them) annotations call
//!   nothing;
//! - a class without decorators or keywords whose bases are `object`, the
//!   standard library's exceptions or classes of quiet project modules,
//!   whose body holds only what a module may, and which defines none of the
//!   hooks Python calls when the class is subclassed or subscripted;
//! - an assignment to names of an expression that calls nothing: literals,
//!   names, attribute reads, subscripts, operators;
//!
//! where "calls nothing" and "without decorators" leave out the standard
//! library's calls that run no code of the project and touch no event loop
//! ([`QUIET_CALLS`]: `logging.getLogger`, `os.environ.get`, `re.compile`,
//! `dataclasses.field`, …), given arguments that call nothing else, and the
//! decorators that only wrap or record what they decorate
//! ([`QUIET_DECORATORS`]: `@dataclass`, `@property` and its `setter`,
//! `@functools.lru_cache`, …); a class may also derive from the standard
//! enums when its body defines none of the methods making the members
//! calls;
//! - a docstring, `pass`, `...`, and `if TYPE_CHECKING:` (which runs
//!   nothing);
//! - an `if` whose tests call nothing (`if sys.version_info >= (3, 11):`,
//!   `if sys.platform == "win32":`) and a `try` whose `except` clauses
//!   name classes without a call (`try: import tomllib` / `except
//!   ImportError: tomllib = None`), when every statement of every branch
//!   is one of these: whichever runs, it runs only definitions.
//!
//! Anything else (a call, a comprehension, a lambda, a loop, `with`,
//! a star import, a module `__getattr__`) makes it not quiet, with the
//! statement named. The per-module answer here is computed from the
//! top-level statements the summary already goes through; the index puts
//! the modules together (see `ProjectIndex::quiet_module`).
//!
//! A *quiet function* is a plain `def` whose call is shown to run nothing of
//! the project or of a library: no decorator, defaults that are literals,
//! a body that reads no name of its module but the standard library's
//! imports, imports nothing, and calls nothing but builtins and functions
//! of the standard library that neither bind an event loop nor load or run
//! other code (`loads_code`).

use ruff_python_ast::helpers::any_over_expr;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};
use rustc_hash::FxHashSet;

use serde::{Deserialize, Serialize};

use crate::semantic::imports::Lookup;
use crate::semantic::project::{loads_code, standard_module};
use crate::semantic::scope::{MODULE_SCOPE, ScopeNode};
use crate::semantic::{BindingKind, ScopeId, SemanticModel};

/// What a module's quiet import rests on, besides its own statements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Need {
    /// A module its import runs (absolute): `a` and `a.b` for `import
    /// a.b`, `a` for `from a import b`. Quiet or the standard library's.
    Module(Box<str>),
    /// A name `from a import b` imports (absolute `a.b`): when it is a
    /// module of the project, the import runs it, and it must be quiet.
    MaybeModule(Box<str>),
    /// A class of another module used as a base (absolute): a class of a
    /// quiet project module.
    Class(Box<str>),
}

/// One module's part of the quiet proof.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiet {
    /// The first statement that runs more than definitions when the module
    /// is imported: what it does, and its line. `None` when there is none.
    pub blocker: Option<(Box<str>, u32)>,
    /// What else the proof needs, each with the line that needs it.
    pub needs: Vec<(Need, u32)>,
}

fn asyncio_loop_free(qualified: &str) -> bool {
    qualified
        .strip_prefix("asyncio.")
        .is_some_and(crate::semantic::loops::called_without_loop)
}

/// Hooks Python calls on a class without any call written: when it is
/// subclassed (`__init_subclass__`), subscripted (`__class_getitem__`),
/// or used as a base or a class attribute (`__mro_entries__`,
/// `__set_name__`); a module-level `__getattr__` or `__dir__` answers
/// names the module does not bind.
const CLASS_HOOKS: &[&str] = &[
    "__class_getitem__",
    "__init_subclass__",
    "__mro_entries__",
    "__set_name__",
];
const MODULE_HOOKS: &[&str] = &["__getattr__", "__dir__"];

/// Functions and classes of the standard library (and builtins) whose call
/// at import, given arguments that call nothing else, runs no code of the
/// project and touches no event loop: what they are given they only store
/// (`functools.partial(f)`, `field(default_factory=make)` call neither).
const QUIET_CALLS: &[&str] = &[
    "builtins.object",
    "builtins.frozenset",
    "builtins.set",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "collections.namedtuple",
    "contextvars.ContextVar",
    "dataclasses.field",
    "enum.auto",
    "functools.partial",
    "logging.getLogger",
    "os.environ.get",
    "os.getenv",
    "os.path.abspath",
    "os.path.basename",
    "os.path.dirname",
    "os.path.join",
    "pathlib.Path",
    "pathlib.PurePath",
    "re.compile",
    "typing.NamedTuple",
    "typing.NewType",
    "typing.ParamSpec",
    "typing.TypeVar",
    "typing.TypedDict",
    "typing_extensions.NewType",
    "typing_extensions.ParamSpec",
    "typing_extensions.TypeVar",
];

/// Decorators of the standard library (and builtins) that, applied at
/// import (or called first with arguments that call nothing else), run no
/// code of the project: they wrap or record the function or class, or
/// read its definitions (`dataclass`), and call none of it.
const QUIET_DECORATORS: &[&str] = &[
    "abc.abstractmethod",
    "builtins.classmethod",
    "builtins.property",
    "builtins.staticmethod",
    "contextlib.asynccontextmanager",
    "contextlib.contextmanager",
    "dataclasses.dataclass",
    "enum.unique",
    "functools.cache",
    "functools.cached_property",
    "functools.lru_cache",
    "functools.total_ordering",
    "functools.wraps",
    "typing.final",
    "typing.no_type_check",
    "typing.overload",
    "typing.runtime_checkable",
    "typing_extensions.final",
    "typing_extensions.overload",
    "typing_extensions.runtime_checkable",
];

/// The enum classes of the standard library a quiet class may derive
/// from: making the members calls no code but methods of the class body
/// named in [`ENUM_HOOKS`], which a quiet enum does not define.
const ENUM_BASES: &[&str] = &[
    "enum.Enum",
    "enum.IntEnum",
    "enum.StrEnum",
    "enum.Flag",
    "enum.IntFlag",
];

/// The typing classes a quiet class may derive from, subscripted
/// (`Generic[T]`) or not: subclassing and subscripting them runs only the
/// standard library's code (`NamedTuple` makes the class from its
/// annotations and defaults, which are checked as any body's are).
const TYPING_BASES: &[&str] = &[
    "abc.ABC",
    "typing.Generic",
    "typing.NamedTuple",
    "typing.Protocol",
    "typing.TypedDict",
    "typing_extensions.Generic",
    "typing_extensions.NamedTuple",
    "typing_extensions.Protocol",
    "typing_extensions.TypedDict",
];

/// What an enum's class statement calls of its own body when it makes
/// the members.
const ENUM_HOOKS: &[&str] = &[
    "__new__",
    "__init__",
    "_generate_next_value_",
    "__hash__",
    "__eq__",
];

/// The special names of a module a quiet one may bind: text about it.
const MODULE_TEXT: &[&str] = &[
    "__all__",
    "__author__",
    "__copyright__",
    "__credits__",
    "__doc__",
    "__email__",
    "__license__",
    "__status__",
    "__version__",
];

/// The builtins a class of a quiet module may derive from, besides the
/// standard library's exceptions: `object` and the builtin exceptions.
fn builtin_base(name: &str) -> bool {
    name == "object"
        || name.ends_with("Error")
        || name.ends_with("Exception")
        || name.ends_with("Warning")
        || matches!(
            name,
            "BaseException"
                | "KeyboardInterrupt"
                | "SystemExit"
                | "GeneratorExit"
                | "StopIteration"
                | "StopAsyncIteration"
        )
}

/// The names a simple statement of a module or class body binds (the
/// targets of assignments, the names imports bind).
fn bound_names<'s>(stmt: &'s Stmt) -> Box<dyn Iterator<Item = &'s str> + 's> {
    match stmt {
        Stmt::Assign(assign) => Box::new(assign.targets.iter().filter_map(|target| match target {
            Expr::Name(name) => Some(name.id.as_str()),
            _ => None,
        })),
        Stmt::AnnAssign(assign) => Box::new(
            assign
                .target
                .as_name_expr()
                .map(|name| name.id.as_str())
                .into_iter(),
        ),
        Stmt::Import(import) => Box::new(import.names.iter().map(|alias| {
            alias.asname.as_ref().map_or_else(
                || alias.name.split('.').next().unwrap_or_default(),
                |name| name.as_str(),
            )
        })),
        Stmt::ImportFrom(import) => Box::new(import.names.iter().map(|alias| {
            alias
                .asname
                .as_ref()
                .map_or_else(|| alias.name.as_str(), |name| name.as_str())
        })),
        // `class __getattr__:` binds the hook as well as a `def` does:
        // calling a class runs its `__new__` and `__init__`.
        Stmt::ClassDef(class) => Box::new(std::iter::once(class.name.as_str())),
        _ => Box::new(std::iter::empty()),
    }
}

/// Whether evaluating `expr` calls nothing the module writes as a call but
/// the calls `allowed` accepts (whose arguments must be such too):
/// literals, names, attribute reads, subscripts, operators, f-strings of
/// such. What it returns names the first part that may run code.
fn calls_nothing_but(
    expr: &Expr,
    allowed: &dyn Fn(&ast::ExprCall) -> bool,
) -> Result<(), &'static str> {
    let calls_nothing = |expr: &Expr| calls_nothing_but(expr, allowed);
    let all = |items: &[Expr]| items.iter().try_for_each(calls_nothing);
    match expr {
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_)
        | Expr::Name(_) => Ok(()),
        Expr::Attribute(attribute) => calls_nothing(&attribute.value),
        Expr::Subscript(subscript) => {
            calls_nothing(&subscript.value)?;
            calls_nothing(&subscript.slice)
        }
        Expr::Slice(slice) => [&slice.lower, &slice.upper, &slice.step]
            .into_iter()
            .flatten()
            .try_for_each(|part| calls_nothing(part)),
        Expr::Starred(starred) => calls_nothing(&starred.value),
        Expr::List(list) => all(&list.elts),
        Expr::Tuple(tuple) => all(&tuple.elts),
        Expr::Set(set) => all(&set.elts),
        Expr::Dict(dict) => dict.items.iter().try_for_each(|item| {
            if let Some(key) = &item.key {
                calls_nothing(key)?;
            }
            calls_nothing(&item.value)
        }),
        Expr::BinOp(op) => {
            calls_nothing(&op.left)?;
            calls_nothing(&op.right)
        }
        Expr::UnaryOp(op) => calls_nothing(&op.operand),
        Expr::BoolOp(op) => all(&op.values),
        Expr::Compare(compare) => {
            calls_nothing(&compare.left)?;
            all(&compare.comparators)
        }
        Expr::If(if_expr) => {
            calls_nothing(&if_expr.test)?;
            calls_nothing(&if_expr.body)?;
            calls_nothing(&if_expr.orelse)
        }
        // Each interpolation, those of format specs too (`f"{x:{width()}}"`).
        Expr::FString(_) => {
            if any_over_expr(expr, |inner: &Expr| {
                !matches!(inner, Expr::FString(_)) && calls_nothing(inner).is_err()
            }) {
                Err("an f-string that may run code")
            } else {
                Ok(())
            }
        }
        Expr::Call(call) if allowed(call) => {
            all(&call.arguments.args)?;
            call.arguments
                .keywords
                .iter()
                .try_for_each(|keyword| calls_nothing(&keyword.value))
        }
        Expr::Call(_) => Err("a call"),
        Expr::Lambda(_) => Err("a lambda"),
        Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
            Err("a comprehension")
        }
        Expr::Named(_) => Err("an assignment expression"),
        Expr::Await(_) | Expr::Yield(_) | Expr::YieldFrom(_) => Err("an `await` or `yield`"),
        _ => Err("an expression that may run code"),
    }
}

/// Whether `expr` is a literal a default may be in a quiet function
/// (`None`, a number, a string, `-1`, `()`).
fn literal(expr: &Expr) -> bool {
    match expr {
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => true,
        Expr::UnaryOp(op) => matches!(*op.operand, Expr::NumberLiteral(_)),
        Expr::Tuple(tuple) => tuple.elts.iter().all(literal),
        _ => false,
    }
}

/// Collects one module's part of the quiet proof, statement by statement
/// of the module's top level (which the summary goes through anyway).
pub(super) struct QuietProof<'m, 'a> {
    semantic: &'m SemanticModel<'a>,
    absolute: &'m dyn Fn(&str) -> String,
    line: &'m dyn Fn(TextSize) -> u32,
    class_scope: &'m dyn Fn(&ast::StmtClassDef) -> Option<ScopeId>,
    /// `from __future__ import annotations`: annotations are not evaluated.
    deferred_annotations: bool,
    quiet: Quiet,
}

impl<'m, 'a> QuietProof<'m, 'a> {
    pub(super) fn new(
        semantic: &'m SemanticModel<'a>,
        absolute: &'m dyn Fn(&str) -> String,
        line: &'m dyn Fn(TextSize) -> u32,
        class_scope: &'m dyn Fn(&ast::StmtClassDef) -> Option<ScopeId>,
    ) -> Self {
        let deferred_annotations = semantic.module.body.iter().any(|stmt| {
            matches!(stmt, Stmt::ImportFrom(import)
                if import.level == 0
                    && import.module.as_ref().is_some_and(|m| m.as_str() == "__future__")
                    && import.names.iter().any(|alias| alias.name.as_str() == "annotations"))
        });
        QuietProof {
            semantic,
            absolute,
            line,
            class_scope,
            deferred_annotations,
            quiet: Quiet::default(),
        }
    }

    pub(super) fn finish(self) -> Quiet {
        self.quiet
    }

    fn block(&mut self, what: impl Into<String>, at: TextSize) {
        if self.quiet.blocker.is_none() {
            self.quiet.blocker = Some((what.into().into_boxed_str(), (self.line)(at)));
        }
    }

    fn need(&mut self, need: Need, at: TextSize) {
        if !self.quiet.needs.iter().any(|(known, _)| *known == need) {
            let line = (self.line)(at);
            self.quiet.needs.push((need, line));
        }
    }

    /// One statement of the module's top level.
    pub(super) fn module_stmt(&mut self, stmt: &'a Stmt) {
        if self.quiet.blocker.is_some() {
            return;
        }
        self.stmt(stmt, MODULE_SCOPE);
    }

    /// A statement of the module's top level or of a class body in it
    /// (`scope`: the scope its names are read in).
    fn stmt(&mut self, stmt: &'a Stmt, scope: ScopeId) {
        let at = stmt.start();
        // A hook bound any other way than by a plain `def` (`__getattr__ =
        // lookup`, `from .hooks import __init_subclass__`) works as well.
        let hooks = if scope == MODULE_SCOPE {
            MODULE_HOOKS
        } else {
            CLASS_HOOKS
        };
        if let Some(hook) = bound_names(stmt).find(|name| hooks.contains(name)) {
            self.block(format!("`{hook}` bound at import"), at);
            return;
        }
        // A module's special names steer the import system and its own
        // code (`__path__` where its submodules are found, `__builtins__`
        // what its functions call): only text may be bound to them.
        if scope == MODULE_SCOPE
            && let Some(special) = bound_names(stmt).find(|name| {
                name.len() > 4
                    && name.starts_with("__")
                    && name.ends_with("__")
                    && !MODULE_TEXT.contains(name)
            })
        {
            self.block(format!("`{special}` bound at import"), at);
            return;
        }
        match stmt {
            Stmt::Import(import) => {
                for alias in &import.names {
                    self.modules_run(alias.name.as_str(), at);
                }
            }
            Stmt::ImportFrom(import) => {
                let module = import.module.as_ref().map_or("", |m| m.as_str());
                if import.level == 0 && module == "__future__" {
                    return;
                }
                if import.names.iter().any(|alias| alias.name.as_str() == "*") {
                    self.block("a star import", at);
                    return;
                }
                let dots = ".".repeat(import.level as usize);
                let from = (self.absolute)(&format!("{dots}{module}"));
                if from.starts_with('.') {
                    self.block("a relative import the index cannot place", at);
                    return;
                }
                self.modules_run(&from, at);
                for alias in &import.names {
                    self.need(
                        Need::MaybeModule(format!("{from}.{}", alias.name).into()),
                        at,
                    );
                }
            }
            Stmt::FunctionDef(def) => self.def(def, scope),
            Stmt::ClassDef(class) => self.class(class, scope),
            Stmt::Assign(assign) => {
                if !assign
                    .targets
                    .iter()
                    .all(|target| matches!(target, Expr::Name(_)))
                {
                    self.block("an assignment to something other than a name", at);
                } else if let Err(what) = self.value(&assign.value, scope) {
                    self.block(format!("{what} in an assignment"), at);
                }
            }
            Stmt::AnnAssign(assign) => {
                if !matches!(*assign.target, Expr::Name(_)) {
                    self.block("an assignment to something other than a name", at);
                } else if let Some(Err(what)) = assign
                    .value
                    .as_deref()
                    .map(|value| self.value(value, scope))
                {
                    self.block(format!("{what} in an assignment"), at);
                } else if !self.deferred_annotations
                    && let Err(what) = self.value(&assign.annotation, scope)
                {
                    self.block(format!("{what} in an annotation"), at);
                }
            }
            Stmt::Expr(statement)
                if matches!(
                    *statement.value,
                    Expr::StringLiteral(_) | Expr::EllipsisLiteral(_)
                ) => {}
            Stmt::Pass(_) => {}
            Stmt::If(if_stmt) if self.type_checking(&if_stmt.test, scope) => {
                if !if_stmt.elif_else_clauses.is_empty() {
                    self.block("an `if TYPE_CHECKING:` with an `else`", at);
                }
            }
            // `if sys.version_info >= (3, 11):`, `if sys.platform ==
            // "win32":`: whichever branch runs, it runs only quiet
            // statements.
            Stmt::If(if_stmt) => {
                let tests = std::iter::once(&*if_stmt.test).chain(
                    if_stmt
                        .elif_else_clauses
                        .iter()
                        .filter_map(|clause| clause.test.as_ref()),
                );
                for test in tests {
                    if let Err(what) = self.value(test, scope) {
                        self.block(format!("{what} in the test of an `if` statement"), at);
                        return;
                    }
                }
                self.body(&if_stmt.body, scope);
                for clause in &if_stmt.elif_else_clauses {
                    self.body(&clause.body, scope);
                }
            }
            // `try: import ujson as json` / `except ImportError: import
            // json`: every statement it may run is quiet.
            Stmt::Try(try_stmt) => {
                self.body(&try_stmt.body, scope);
                for handler in &try_stmt.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    if let Some(Err(what)) =
                        handler.type_.as_deref().map(|kind| self.value(kind, scope))
                    {
                        self.block(format!("{what} in an `except` clause"), at);
                        return;
                    }
                    self.body(&handler.body, scope);
                }
                self.body(&try_stmt.orelse, scope);
                self.body(&try_stmt.finalbody, scope);
            }
            Stmt::For(_) | Stmt::While(_) => self.block("a loop", at),
            Stmt::With(_) => self.block("a `with` statement", at),
            Stmt::Expr(_) => self.block("an expression statement", at),
            _ => self.block("a statement that runs code", at),
        }
    }

    /// The statements of a branch of an `if` or a `try` at the top level
    /// of the module or of a class body, as if they stood there: the first
    /// that runs more than definitions blocks.
    fn body(&mut self, body: &'a [Stmt], scope: ScopeId) {
        for stmt in body {
            if self.quiet.blocker.is_some() {
                return;
            }
            self.stmt(stmt, scope);
        }
    }

    /// Whether evaluating `expr` (in `scope`) calls nothing but
    /// [`QUIET_CALLS`] and [`QUIET_DECORATORS`] (see [`calls_nothing_but`]).
    fn value(&self, expr: &Expr, scope: ScopeId) -> Result<(), &'static str> {
        calls_nothing_but(expr, &|call| self.quiet_call(call, scope))
    }

    /// Whether `call` calls one of [`QUIET_CALLS`] or [`QUIET_DECORATORS`].
    fn quiet_call(&self, call: &ast::ExprCall, scope: ScopeId) -> bool {
        self.semantic
            .qualified_name_unless_star_rebinds(&call.func, scope)
            .is_some_and(|q| {
                QUIET_CALLS.contains(&q.as_str()) || QUIET_DECORATORS.contains(&q.as_str())
            })
    }

    /// Whether applying the decorator `expr` (in `scope`) runs nothing of
    /// the project: one of [`QUIET_DECORATORS`], or a call of one whose
    /// arguments call nothing else (`@dataclass(frozen=True)`), or the
    /// `setter`, `getter` or `deleter` of a function of the same class
    /// body (a property).
    fn quiet_decorator(&self, expr: &Expr, scope: ScopeId) -> bool {
        let semantic = self.semantic;
        let named = |func: &Expr| {
            semantic
                .qualified_name_unless_star_rebinds(func, scope)
                .is_some_and(|q| QUIET_DECORATORS.contains(&q.as_str()))
        };
        match expr {
            Expr::Call(call) => named(&call.func) && self.value(expr, scope).is_ok(),
            Expr::Attribute(attribute)
                if matches!(attribute.attr.as_str(), "setter" | "getter" | "deleter")
                    && !named(expr) =>
            {
                let Expr::Name(property) = attribute.value.as_ref() else {
                    return false;
                };
                scope != MODULE_SCOPE
                    && matches!(
                        semantic.lookup(property.id.as_str(), scope),
                        Lookup::Bound { scope: found, bindings } if found == scope
                            && bindings.iter().all(|&id| {
                                matches!(semantic.binding(id).kind, BindingKind::FunctionDef(_))
                            })
                    )
            }
            _ => named(expr),
        }
    }

    /// `import a.b.c` runs `a`, `a.b` and `a.b.c`.
    fn modules_run(&mut self, module: &str, at: TextSize) {
        let mut end = 0;
        for part in module.split('.') {
            end += part.len();
            if let Some(prefix) = module.get(..end) {
                self.need(Need::Module(prefix.into()), at);
            }
            end += 1;
        }
    }

    fn type_checking(&self, test: &Expr, scope: ScopeId) -> bool {
        match test {
            Expr::Name(_) | Expr::Attribute(_) => matches!(
                self.semantic.qualified_name_unless_star_rebinds(test, scope),
                Some(q) if q.is("typing.TYPE_CHECKING") || q.is("typing_extensions.TYPE_CHECKING")
            ),
            _ => false,
        }
    }

    fn def(&mut self, def: &'a ast::StmtFunctionDef, scope: ScopeId) {
        let module_level = scope == MODULE_SCOPE;
        let at = def.start();
        if !def
            .decorator_list
            .iter()
            .all(|decorator| self.quiet_decorator(&decorator.expression, scope))
        {
            self.block(format!("the decorator of `{}`", def.name), at);
            return;
        }
        if def.type_params.is_some() {
            self.block(format!("the type parameters of `{}`", def.name), at);
            return;
        }
        let name = def.name.as_str();
        if module_level && MODULE_HOOKS.contains(&name) {
            self.block(format!("a module `{name}`"), at);
            return;
        }
        if !module_level && CLASS_HOOKS.contains(&name) {
            self.block(format!("the class hook `{name}`"), at);
            return;
        }
        let parameters = &def.parameters;
        for parameter in parameters.iter_non_variadic_params() {
            if let Some(default) = parameter.default()
                && let Err(what) = self.value(default, scope)
            {
                self.block(format!("{what} in a default of `{name}`"), at);
                return;
            }
        }
        if self.deferred_annotations {
            return;
        }
        let annotations = parameters
            .iter()
            .filter_map(|parameter| parameter.annotation())
            .chain(def.returns.as_deref());
        for annotation in annotations {
            if let Err(what) = self.value(annotation, scope) {
                self.block(format!("{what} in an annotation of `{name}`"), at);
                return;
            }
        }
    }

    fn class(&mut self, class: &'a ast::StmtClassDef, outer: ScopeId) {
        let at = class.start();
        let name = class.name.as_str();
        if !class
            .decorator_list
            .iter()
            .all(|decorator| self.quiet_decorator(&decorator.expression, outer))
        {
            self.block(format!("the decorator of class `{name}`"), at);
            return;
        }
        if !class.keywords().is_empty() {
            self.block(format!("a keyword (`metaclass=`) of class `{name}`"), at);
            return;
        }
        if class.type_params.is_some() {
            self.block(format!("the type parameters of class `{name}`"), at);
            return;
        }
        for base in class.bases() {
            if !self.base(base, class, outer) {
                self.block(
                    format!("a base of class `{name}` other than `object`, an exception or a class of a quiet module"),
                    at,
                );
                return;
            }
        }
        let Some(scope) = (self.class_scope)(class) else {
            self.block(format!("class `{name}`"), at);
            return;
        };
        // Making an enum's members calls the methods that make them.
        let enum_class = class.bases().iter().any(|base| {
            self.semantic
                .qualified_name_unless_star_rebinds(base, outer)
                .is_some_and(|q| ENUM_BASES.contains(&q.as_str()))
        });
        for stmt in &class.body {
            if self.quiet.blocker.is_some() {
                return;
            }
            if enum_class
                && let Some(hook) = bound_names(stmt)
                    .chain(match stmt {
                        Stmt::FunctionDef(def) => Some(def.name.as_str()),
                        _ => None,
                    })
                    .find(|bound| ENUM_HOOKS.contains(bound))
            {
                self.block(
                    format!("the `{hook}` that making the members of enum `{name}` calls"),
                    stmt.start(),
                );
                return;
            }
            self.stmt(stmt, scope);
        }
    }

    /// Whether `base` is a base a quiet class may have; a class of another
    /// module becomes a [`Need::Class`].
    fn base(&mut self, base: &Expr, class: &ast::StmtClassDef, outer: ScopeId) -> bool {
        let semantic = self.semantic;
        // `Generic[T]`, `Protocol[K, V]`: a typing class subscripted with
        // what calls nothing.
        if let Expr::Subscript(subscript) = base {
            return semantic
                .qualified_name_unless_star_rebinds(&subscript.value, outer)
                .is_some_and(|q| TYPING_BASES.contains(&q.as_str()))
                && self.value(&subscript.slice, outer).is_ok();
        }
        if let Some(qualified) = semantic.qualified_name_unless_star_rebinds(base, outer) {
            let qualified = qualified.as_str();
            if let Some(name) = qualified.strip_prefix("builtins.") {
                return builtin_base(name);
            }
            let top = qualified.split('.').next().unwrap_or_default();
            if standard_module(top) {
                let last = qualified.rsplit('.').next().unwrap_or_default();
                return last.ends_with("Error")
                    || last.ends_with("Exception")
                    || ENUM_BASES.contains(&qualified)
                    || TYPING_BASES.contains(&qualified);
            }
            self.need(
                Need::Class((self.absolute)(qualified).into()),
                class.start(),
            );
            return true;
        }
        // A class the module defined before, at its top level.
        let Expr::Name(name) = base else {
            return false;
        };
        match semantic.lookup(name.id.as_str(), outer) {
            Lookup::Bound { bindings, .. } => bindings.iter().all(|&id| {
                matches!(semantic.binding(id).kind, BindingKind::ClassDef(found)
                    if !std::ptr::eq(found, class))
            }),
            _ => false,
        }
    }
}

/// Whether a quiet function may call `qualified` (what its callee names):
/// a builtin or a function of the standard library that neither touches
/// an event loop (asyncio's but the few loop-free ones) nor loads code.
fn quiet_callee(qualified: &str) -> bool {
    let top = qualified.split('.').next().unwrap_or_default();
    let known = match top {
        "builtins" => true,
        "asyncio" => asyncio_loop_free(qualified),
        _ => standard_module(top),
    };
    known && !loads_code(qualified)
}

/// The plain `def`s of the module (by the start of the `def`) that are
/// quiet functions (see the module's docs), found in one pass over the
/// calls, names and bindings the semantic model holds.
pub(super) fn quiet_functions(semantic: &SemanticModel) -> FxHashSet<TextSize> {
    // The plain `def` whose call runs each scope's code (a class body, a
    // lambda or a comprehension belongs to the scope around it), or none.
    let mut owner: Vec<Option<TextSize>> = Vec::with_capacity(semantic.scopes.len());
    for id in 0..semantic.scopes.len() {
        let scope = semantic.scope(id as ScopeId);
        let found = match scope.node {
            ScopeNode::Module => None,
            ScopeNode::Function(def) if def.is_async => None,
            ScopeNode::Function(def) => Some(def.start()),
            ScopeNode::Class(_) | ScopeNode::Lambda(_) | ScopeNode::Comprehension(_) => scope
                .parent
                .and_then(|parent| owner.get(parent as usize).copied().flatten()),
        };
        owner.push(found);
    }
    let owner_of = |scope: ScopeId| owner.get(scope as usize).copied().flatten();

    let mut candidates: FxHashSet<TextSize> = FxHashSet::default();
    for binding in &semantic.bindings {
        if let BindingKind::FunctionDef(def) = binding.kind
            && !def.is_async
            && def.decorator_list.is_empty()
            && def
                .parameters
                .iter_non_variadic_params()
                .all(|parameter| parameter.default().is_none_or(literal))
        {
            candidates.insert(def.start());
        }
    }
    let mut loud: FxHashSet<TextSize> = FxHashSet::default();
    // `global name` lets the call rebind a name of its module (a coroutine
    // function others import by it, say).
    for (id, scope) in semantic.scopes.iter().enumerate() {
        if !scope.globals.is_empty()
            && let Some(def) = owner_of(id as ScopeId)
        {
            loud.insert(def);
        }
    }
    // Only the candidates not yet found loud are asked about.
    let open = |def: &TextSize, loud: &FxHashSet<TextSize>| {
        candidates.contains(def) && !loud.contains(def)
    };
    // Where the callee of each call a quiet function may make starts: the
    // names read there are read to be called (see the references below).
    let mut quiet_callees: FxHashSet<TextSize> = FxHashSet::default();
    for site in &semantic.calls {
        let Some(def) = owner_of(site.scope).filter(|def| open(def, &loud)) else {
            continue;
        };
        let allowed = semantic
            .qualified_name_unless_star_rebinds(&site.call.func, site.scope)
            .is_some_and(|qualified| quiet_callee(qualified.as_str()));
        if allowed {
            quiet_callees.insert(site.call.func.start());
        } else {
            loud.insert(def);
        }
    }
    for reference in &semantic.references {
        let Some(def) = owner_of(reference.scope).filter(|def| open(def, &loud)) else {
            continue;
        };
        let quiet = match semantic.lookup(reference.name, reference.scope) {
            Lookup::Builtin => {
                !loads_code(&format!("builtins.{}", reference.name))
                    && reference.name != "__builtins__"
            }
            Lookup::Unknown => false,
            Lookup::Bound { scope, bindings } => {
                scope != MODULE_SCOPE
                    || bindings.iter().all(|&id| {
                        matches!(&semantic.binding(id).kind, BindingKind::Import { qualified, .. }
                            if !qualified.starts_with('.')
                                && standard_module(qualified.split('.').next().unwrap_or_default())
                                && !loads_code(qualified)
                                // asyncio named in any way but as the callee
                                // of a loop-free member's call (named as a
                                // value, `defaultdict(asyncio.Future)`, it
                                // may be called to bind the loop).
                                && (qualified.as_ref() != "asyncio"
                                    && !qualified.starts_with("asyncio.")
                                    || quiet_callees.contains(&reference.range.start())))
                    })
            }
        };
        if !quiet {
            loud.insert(def);
        }
    }
    for binding in &semantic.bindings {
        let Some(def) = owner_of(binding.scope).filter(|def| open(def, &loud)) else {
            continue;
        };
        let quiet = match binding.kind {
            BindingKind::Import { .. } | BindingKind::ClassDef(_) => false,
            BindingKind::FunctionDef(nested) => nested.decorator_list.is_empty(),
            _ => true,
        };
        if !quiet {
            loud.insert(def);
        }
    }
    candidates.retain(|def| !loud.contains(def));
    candidates
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use ruff_python_parser::parse_module as parse;

    use super::super::summary::{ModuleSummary, Symbol, summarize};
    use super::*;

    fn summary(source: &str) -> ModuleSummary {
        let parsed = parse(source).expect("parses");
        summarize(
            parsed.syntax(),
            source,
            "app.server",
            PathBuf::from("x.py"),
            false,
        )
    }

    /// What blocks the proof, and on which line.
    fn blocker(source: &str) -> Option<(String, u32)> {
        summary(source)
            .quiet
            .blocker
            .map(|(what, line)| (what.to_string(), line))
    }

    fn quiet_function(source: &str, name: &str) -> bool {
        match summary(source).symbols.get(name) {
            Some(Symbol::Function(function)) => function.quiet,
            _ => panic!("no function `{name}`"),
        }
    }

    #[test]
    fn typing_bases_are_quiet() {
        for source in [
            "from typing import Generic, TypeVar\nT = TypeVar(\"T\")\nclass Box(Generic[T]):\n    pass\n",
            "from typing import NamedTuple\nclass Point(NamedTuple):\n    x: int\n    y: int = 0\n",
            "import typing\nclass P(typing.Protocol):\n    def f(self) -> int: ...\n",
            "from abc import ABC\nclass A(ABC):\n    pass\n",
        ] {
            assert_eq!(blocker(source), None, "{source}");
        }
        assert!(
            blocker("from typing import Generic\nclass Box(Generic[make()]):\n    pass\n")
                .is_some()
        );
        assert!(
            blocker("from typing import NamedTuple\nclass P(NamedTuple):\n    x: int = make()\n")
                .is_some()
        );
    }

    #[test]
    fn definitions_literals_and_imports_are_quiet() {
        let source = r#""""Docs."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from . import config
from .errors import AppError

if TYPE_CHECKING:
    from aiohttp import ClientSession

__all__ = ["main"]
NAME = "app"
LEVELS = {"debug": logging.DEBUG, "info": -1}
FIRST: str = LEVELS["debug"] if NAME else f"{NAME!r}"


class Handler(AppError):
    """A handler."""

    retries = 3

    def __init__(self, session: ClientSession[int] = None) -> None:
        self.session = session


async def main(argv: list[str] = ()) -> int:
    return await Handler().run()
"#;
        assert_eq!(blocker(source), None);
        let needs: Vec<Need> = summary(source)
            .quiet
            .needs
            .into_iter()
            .map(|(need, _)| need)
            .collect();
        assert_eq!(
            needs,
            [
                Need::Module("logging".into()),
                Need::Module("typing".into()),
                Need::MaybeModule("typing.TYPE_CHECKING".into()),
                Need::Module("app".into()),
                Need::MaybeModule("app.config".into()),
                Need::Module("app.errors".into()),
                Need::MaybeModule("app.errors.AppError".into()),
                Need::Class("app.errors.AppError".into()),
            ]
        );
    }

    #[test]
    fn submodule_imports_need_every_package() {
        let needs: Vec<Need> = summary("import a.b.c as d\n")
            .quiet
            .needs
            .into_iter()
            .map(|(need, _)| need)
            .collect();
        assert_eq!(
            needs,
            [
                Need::Module("a".into()),
                Need::Module("a.b".into()),
                Need::Module("a.b.c".into())
            ]
        );
    }

    #[test]
    fn code_run_at_import_is_named_with_its_line() {
        let cases: &[(&str, &str, u32)] = &[
            ("import x\nX = make()\n", "a call in an assignment", 2),
            ("from x import *\n", "a star import", 1),
            ("print('hi')\n", "an expression statement", 1),
            (
                "import sys\nif sys.argv:\n    X = 1\nelse:\n    print('no')\n",
                "an expression statement",
                5,
            ),
            (
                "import sys\nif sys.argv.pop():\n    import x\n",
                "a call in the test of an `if` statement",
                2,
            ),
            (
                "try:\n    import x\nexcept ImportError:\n    x = make()\n",
                "a call in an assignment",
                4,
            ),
            (
                "try:\n    import x\nexcept errors():\n    pass\n",
                "a call in an `except` clause",
                1,
            ),
            ("for i in ():\n    pass\n", "a loop", 1),
            (
                "X = [f for f in ()]\n",
                "a comprehension in an assignment",
                1,
            ),
            ("X = lambda: 1\n", "a lambda in an assignment", 1),
            (
                "X: int\nX.y = 1\n",
                "an assignment to something other than a name",
                2,
            ),
            (
                "def __getattr__(name):\n    pass\n",
                "a module `__getattr__`",
                1,
            ),
            (
                "from x import f as __getattr__\n",
                "`__getattr__` bound at import",
                1,
            ),
            ("@register\ndef f():\n    pass\n", "the decorator of `f`", 1),
            (
                "def f(x=make()):\n    pass\n",
                "a call in a default of `f`",
                1,
            ),
            (
                "def f(x: make()):\n    pass\n",
                "a call in an annotation of `f`",
                1,
            ),
            (
                "class C(metaclass=M):\n    pass\n",
                "a keyword (`metaclass=`) of class `C`",
                1,
            ),
            (
                "@dataclass\nclass C:\n    pass\n",
                "the decorator of class `C`",
                1,
            ),
            (
                "class C:\n    def __init_subclass__(cls):\n        pass\n",
                "the class hook `__init_subclass__`",
                2,
            ),
            (
                "class C:\n    __class_getitem__ = hook\n",
                "`__class_getitem__` bound at import",
                2,
            ),
            (
                "class C:\n    class __init_subclass__:\n        pass\n",
                "`__init_subclass__` bound at import",
                2,
            ),
            (
                "class __getattr__:\n    pass\n",
                "`__getattr__` bound at import",
                1,
            ),
            ("class C:\n    x = f()\n", "a call in an assignment", 2),
            (
                "class C(dict):\n    pass\n",
                "a base of class `C` other than `object`, an exception or a class of a quiet module",
                1,
            ),
            (
                "X = 1\nclass C(X):\n    pass\n",
                "a base of class `C` other than `object`, an exception or a class of a quiet module",
                2,
            ),
            ("with open('x'):\n    pass\n", "a `with` statement", 1),
            (
                "X = f'{1}'\nY = f'{X:{width()}}'\n",
                "an f-string that may run code in an assignment",
                2,
            ),
        ];
        for (source, what, line) in cases {
            assert_eq!(blocker(source), Some((what.to_string(), *line)), "{source}");
        }
        // Annotations are not evaluated under the future import.
        assert_eq!(
            blocker(
                "from __future__ import annotations\ndef f(x: make()) -> g():\n    pass\nY: h() = 1\n"
            ),
            None
        );
        // Branches of a version check or an optional import, each quiet.
        for source in [
            "import sys\nif sys.version_info >= (3, 11):\n    import tomllib\nelif sys.platform == 'win32':\n    tomllib = None\nelse:\n    tomllib = None\n",
            "try:\n    import zoneinfo\nexcept (ImportError, AttributeError) as error:\n    zoneinfo = None\nelse:\n    pass\nfinally:\n    X = 1\n",
        ] {
            assert_eq!(blocker(source), None, "{source}");
        }
    }

    #[test]
    fn standard_calls_that_run_no_project_code_are_quiet() {
        let source = r#"import enum
import functools
import logging
import os
import re
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

logger = logging.getLogger(__name__)
PREFIX = os.environ.get("PREFIX", "")
WORD = re.compile(r"\w+")
HERE = Path(__file__).parent
Point = namedtuple("Point", ["x", "y"])
T = TypeVar("T", bound="Item")
MISSING = object()


def make():
    return []


class Color(enum.Enum):
    RED = enum.auto()


@dataclass(frozen=True)
class Item:
    tags: list = field(default_factory=make)

    @property
    def first(self):
        return self.tags[0]

    @first.setter
    def first(self, value):
        self.tags[0] = value


@functools.lru_cache(maxsize=None)
def square(n):
    return n * n
"#;
        assert_eq!(blocker(source), None);
        let cases: &[(&str, &str, u32)] = &[
            (
                "import logging\nlogger = logging.getLogger(make())\n",
                "a call in an assignment",
                2,
            ),
            (
                "import functools\n@functools.lru_cache(maxsize=size())\ndef f():\n    pass\n",
                "the decorator of `f`",
                2,
            ),
            (
                "import enum\nclass E(enum.Enum):\n    A = 1\n    def __init__(self, value):\n        pass\n",
                "the `__init__` that making the members of enum `E` calls",
                4,
            ),
            (
                "import os\nX = os.environ.setdefault('A', 'b')\n",
                "a call in an assignment",
                2,
            ),
            (
                "@other.setter\ndef f():\n    pass\n",
                "the decorator of `f`",
                1,
            ),
        ];
        for (source, what, line) in cases {
            assert_eq!(blocker(source), Some((what.to_string(), *line)), "{source}");
        }
    }

    #[test]
    fn a_loop_binding_member_named_as_a_value_is_loud() {
        let source = "import asyncio\nimport collections\n\ndef make_signal():\n    return collections.defaultdict(asyncio.Future)['ready']\n\ndef check(f):\n    return asyncio.iscoroutinefunction(f)\n";
        assert!(!quiet_function(source, "make_signal"));
        assert!(quiet_function(source, "check"));
    }

    #[test]
    fn quiet_functions_call_only_builtins_and_the_standard_library() {
        let source = "import asyncio\nimport importlib\nimport textwrap\nfrom app import helpers\nHOOK = print\n\ndef quiet(name, width=2, sep=-1):\n    line = '=' * len(name)\n    return textwrap.dedent(f'{line}{name}') + str(asyncio.iscoroutinefunction(name))\n\ndef calls_helper():\n    return helpers.make()\n\ndef loads():\n    return importlib.import_module('app.jobs')\n\ndef asks_loop():\n    return asyncio.get_event_loop()\n\ndef runs():\n    return asyncio.run(None)\n\ndef method(x):\n    return x.upper()\n\ndef global_read():\n    return HOOK\n\ndef callback(f):\n    return f()\n\ndef default(x=HOOK):\n    return x\n\n@decorated\ndef decorated():\n    pass\n\ndef evals(text):\n    return eval(text)\n\ndef imports():\n    import app.jobs\n    return 1\n\ndef recursive():\n    return recursive()\n\ndef rebinds():\n    global main\n    main = None\n";
        assert!(quiet_function(source, "quiet"));
        for name in [
            "calls_helper",
            "loads",
            "asks_loop",
            "runs",
            "method",
            "global_read",
            "callback",
            "default",
            "decorated",
            "evals",
            "imports",
            "recursive",
            "rebinds",
        ] {
            assert!(!quiet_function(source, name), "{name}");
        }
    }
}
