//! Whether an exception raised in code of the module may be caught by code
//! the frame that raises it does not show: a caller's handler anywhere in
//! the module, code of another module that reads the module's names, or
//! code of another module that a function of this one is handed to (a
//! decorator's wrapper, a runner, a registry). One fact for the fixes that
//! turn an error of today into code that runs (`asyncio.run` in a
//! coroutine, a coroutine object read as its result).

use std::path::PathBuf;

use ruff_python_ast::Expr;
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashSet;

use super::classes::Base;
use super::functions::Callee;
use super::names::UseKind;
use super::scope::{MODULE_SCOPE, ScopeKind};
use super::{BindingKind, ScopeId, SemanticModel};

/// Who may catch it (see [`SemanticModel::may_be_caught_by_callers`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaughtBy {
    /// Code of the module at this range (a handler, a `with`, a
    /// `gather(..., return_exceptions=True)`).
    Module(TextRange),
    /// Another module of the project reads names of this one: it may call
    /// the module's functions under a handler.
    OthersRead,
    /// A function of the module leaves it as a value at `at` (a decorator
    /// of another module, an argument, a container), and code of `file`,
    /// another module of the project, may catch the exception.
    Leaves { at: TextRange, file: PathBuf },
    /// `importer`, a file of the project, imports modules by a name it
    /// computes (plugins found by `pkgutil.iter_modules` and loaded with
    /// `import_module(f"plugins.{name}")`): it may reach this module and
    /// call its functions though no file names them, and code of `file`,
    /// another module of the project, may catch the exception.
    ComputedImport { importer: PathBuf, file: PathBuf },
}

impl CaughtBy {
    /// Who may catch the exception `class` besides code of the module, as
    /// a clause for messages; `None` for [`CaughtBy::Module`], which the
    /// caller names by its line.
    pub fn elsewhere(&self, class: &str) -> Option<String> {
        match self {
            CaughtBy::Module(_) => None,
            CaughtBy::OthersRead => Some(format!(
                "another module of the project reads names of this one: it may call its functions where a handler may catch the `{class}` it raises"
            )),
            CaughtBy::Leaves { file, .. } => Some(format!(
                "a function of the module leaves it as a value (a decorator or a runner of another module, a registry, a base class collecting its subclasses), and code of {} may catch the `{class}` it raises where it runs it",
                if file.as_os_str().is_empty() {
                    "another module of the project".to_string()
                } else {
                    file.display().to_string()
                }
            )),
            CaughtBy::ComputedImport { importer, file } => Some(format!(
                "{} imports modules by a name it computes: it may reach this one and call its functions though no file names them, and code of {} may catch the `{class}` they raise",
                importer.display(),
                file.display()
            )),
        }
    }
}

/// Decorators that hand the function back (or a descriptor of it) without
/// running it elsewhere.
const KEEPING_DECORATORS: &[&str] = &[
    "abc.abstractmethod",
    "builtins.classmethod",
    "builtins.property",
    "builtins.staticmethod",
    "contextlib.asynccontextmanager",
    "contextlib.contextmanager",
    "functools.wraps",
    "typing.final",
    "typing.overload",
    "typing.override",
    "typing_extensions.final",
    "typing_extensions.overload",
    "typing_extensions.override",
];

impl SemanticModel<'_> {
    /// Whether the builtin exception `name` (`RuntimeError`, `TypeError`,
    /// `AttributeError`) raised anywhere in the module's functions may be
    /// caught by code above the frame that raises it: code of the module
    /// ([`Self::may_catch_in_module`]), another module of the project that
    /// reads the module's names ([`Self::others_may_reach_module`]), or,
    /// when a function of the module leaves it as a value
    /// ([`Self::function_leaves_module`]), another module of the project
    /// whose code may catch it. Those that rest on the project are not
    /// asked without a project index.
    pub fn may_be_caught_by_callers(&self, name: &str) -> Option<CaughtBy> {
        if let Some(at) = self.may_catch_in_module(name) {
            return Some(CaughtBy::Module(at));
        }
        let project = self.project()?;
        if self.others_may_reach_module() {
            return Some(CaughtBy::OthersRead);
        }
        let file = project.file.as_deref()?;
        if let Some(at) = self.function_leaves_module() {
            let catcher = project.facts.others_may_catch(file, name)?;
            return Some(CaughtBy::Leaves { at, file: catcher });
        }
        // A module no file names may still be imported by a computed
        // name, and its functions called where a handler catches.
        let importer = project.facts.computed_importer()?;
        let catcher = project.facts.others_may_catch(file, name)?;
        Some(CaughtBy::ComputedImport {
            importer,
            file: catcher,
        })
    }

    /// The first place where a function of the module (a module-level
    /// `def`, or a method) leaves the module as a value: a decorator that
    /// is not a function or class of the module nor one known to keep the
    /// function (`staticmethod`, `functools.wraps(…)`), or a read of a
    /// module-level function's name other than calling it (`runner.run(job)`,
    /// `JOBS = [job]`, `hooks.append(job)`), or a class of the module
    /// with methods whose base, a class of another module of the project,
    /// may collect the classes deriving from it (`__init_subclass__` or a
    /// metaclass adding them to a registry; see
    /// [`Self::project_base_may_redirect`]). Where the value goes from
    /// there is not followed.
    pub fn function_leaves_module(&self) -> Option<TextRange> {
        if let Some(at) = self.function_leaves_by_value() {
            return Some(at);
        }
        let table = self.class_table();
        for entry in &table.classes {
            let scope = self.scope(entry.scope);
            if scope.parent != Some(MODULE_SCOPE)
                || !scope
                    .binding_ids
                    .iter()
                    .any(|&id| matches!(self.binding(id).kind, BindingKind::FunctionDef(_)))
            {
                continue;
            }
            for (expression, bases) in entry.def.bases().iter().zip(&entry.bases) {
                if bases.iter().any(|base| {
                    matches!(base, Base::Opaque(name) if self.project_base_may_redirect(name).is_some())
                }) {
                    return Some(expression.range());
                }
            }
        }
        None
    }

    /// [`Self::function_leaves_module`] through a decorator or a read of a
    /// function's name.
    fn function_leaves_by_value(&self) -> Option<TextRange> {
        let callees: FxHashSet<TextRange> = self
            .calls
            .iter()
            .map(|site| site.call.func.range())
            .collect();
        for (index, scope) in self.scopes.iter().enumerate() {
            let Ok(owner) = ScopeId::try_from(index) else {
                break;
            };
            let top = owner == MODULE_SCOPE;
            if !(top || (scope.kind == ScopeKind::Class && scope.parent == Some(MODULE_SCOPE))) {
                continue;
            }
            for &id in &scope.binding_ids {
                let binding = self.binding(id);
                let BindingKind::FunctionDef(def) = binding.kind else {
                    continue;
                };
                if let Some(decorator) = def
                    .decorator_list
                    .iter()
                    .find(|decorator| !self.decorator_keeps(&decorator.expression, owner))
                {
                    return Some(decorator.range);
                }
                if top
                    && let Some(use_) = self
                        .uses_of(binding.name, MODULE_SCOPE)
                        .iter()
                        .find(|use_| use_.kind == UseKind::Read && !callees.contains(&use_.range))
                {
                    return Some(use_.range);
                }
            }
        }
        None
    }

    /// Whether the decorator `expression` (evaluated in `scope`) keeps the
    /// function in the module: a function or class of the module (its
    /// code is the module's, seen by [`Self::may_catch_in_module`]), a
    /// property's `setter`, or one of [`KEEPING_DECORATORS`].
    fn decorator_keeps(&self, expression: &Expr, scope: ScopeId) -> bool {
        let func = match expression {
            Expr::Call(call) => call.func.as_ref(),
            other => other,
        };
        if matches!(
            self.callee(func, scope),
            Callee::Function(_) | Callee::Class(_)
        ) {
            return true;
        }
        if let Expr::Attribute(attribute) = func
            && matches!(attribute.attr.as_str(), "setter" | "getter" | "deleter")
        {
            return true;
        }
        self.qualified_name(func, scope).is_some_and(|qualified| {
            KEEPING_DECORATORS.contains(&qualified.as_str())
                || KEEPING_DECORATORS
                    .iter()
                    .any(|known| known.strip_prefix("builtins.") == Some(qualified.as_str()))
        })
    }
}
