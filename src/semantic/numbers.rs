//! Whether a number may be zero or negative when code runs, as far as the
//! module shows: a literal zero, negative number or boolean; arithmetic
//! that can reach zero or below (a subtraction, a negation, `%`, `//`,
//! `int()`, `round()`, `math.floor()`); or a name the code sets so, followed
//! through a few bindings: an assignment (tuple unpacking and `:=`
//! included), an augmented assignment, a loop over values with one
//! (`range(n)` and `enumerate(xs)` count from zero), a parameter whose
//! default is one or that a call of the function in this module passes
//! one. Arithmetic over such a name (`attempt * 0.5`) may be one too.
//!
//! A name imported from a module of the project (`from .conf import
//! TIMEOUT`, `conf.TIMEOUT`) is answered by that module's summary, which
//! lists its module-level names that may be so.
//!
//! A call's result may be zero or negative unless the call is one whose
//! result is bounded (`max(5, x)`, `abs(x) + 0.5`, `len(xs) + 1`); a chain
//! of names longer than followed may be too.
//!
//! A parameter's callers in other files of the project are asked of the
//! index (see [`super::project::ProjectFacts::parameter_passed`]): by
//! [`SemanticModel::project_may_write_non_positive`], with what they pass.
//! A function decorated by code of the project (`@handler("get")` keeping
//! it in a registry, a wrapper calling it with a value of its own) may be
//! called with anything.
//!
//! Not seen: a value read from an object's attribute or item
//! (`self.timeout`, `cfg["t"]`) that is zero at run time.

use ruff_python_ast::helpers::any_over_expr;
use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
use ruff_python_ast::{self as ast, Expr, Number, Operator, Stmt, StmtFor, UnaryOp};
use ruff_text_size::{Ranged, TextRange};

use super::functions::positional_parameters;
use super::imports::Lookup;
use super::project::{Resolved, ValueWrite};
use super::scope::{MODULE_SCOPE, ScopeKind, ScopeNode};
use super::{Binding, BindingId, BindingKind, ScopeId, SemanticModel};

/// How many bindings (and calls, for a parameter) are followed from the
/// expression asked about.
const MAX_DEPTH: u8 = 6;

/// A literal number or a boolean that is zero or less (`0`, `0.0`, `-1`,
/// `False`, `True`: a boolean counts, it is rarely a timeout on purpose).
pub fn is_non_positive_literal(expr: &Expr) -> bool {
    match expr {
        Expr::BooleanLiteral(_) => true,
        Expr::NumberLiteral(number) => match &number.value {
            Number::Int(int) => *int == ast::Int::ZERO,
            Number::Float(float) => *float <= 0.0,
            Number::Complex { .. } => false,
        },
        Expr::UnaryOp(unary) if unary.op == UnaryOp::USub => {
            matches!(unary.operand.as_ref(), Expr::NumberLiteral(_))
        }
        _ => false,
    }
}

/// The names an expression reads, outside nested scopes (lambdas and
/// comprehensions).
pub fn names_read(expr: &Expr) -> Vec<&ast::ExprName> {
    struct Names<'e>(Vec<&'e ast::ExprName>);
    impl<'e> Visitor<'e> for Names<'e> {
        fn visit_expr(&mut self, expr: &'e Expr) {
            match expr {
                Expr::Name(name) => self.0.push(name),
                Expr::Lambda(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
                | Expr::Generator(_) => {}
                _ => walk_expr(self, expr),
            }
        }
    }
    let mut names = Names(Vec::new());
    names.visit_expr(expr);
    names.0
}

impl<'a> SemanticModel<'a> {
    /// Whether `expr`, evaluated in `scope`, may be zero or negative at run
    /// time (see the module doc).
    pub fn may_be_non_positive(&self, expr: &Expr, scope: ScopeId) -> bool {
        self.non_positive_at(expr, scope, 0)
    }

    fn non_positive_at(&self, expr: &Expr, scope: ScopeId, depth: u8) -> bool {
        self.sign_at(expr, scope, depth) != Sign::Positive
    }

    /// What `expr`, evaluated in `scope`, is known to be: above zero, at
    /// least zero, or neither (may be zero or negative). A value the code
    /// spells in full is worked out; a call's result is neither unless the
    /// call is one whose result is bounded (`max(5, x)`, `abs(x)`, `len(x)`
    /// at least zero); a name by all its bindings, followed to
    /// [`MAX_DEPTH`], past which it is neither. An attribute or a
    /// subscript of an object (`cfg.timeout`, `cfg["t"]`) is not seen
    /// (above zero), unless a project module's summary answers it.
    fn sign_at(&self, expr: &Expr, scope: ScopeId, depth: u8) -> Sign {
        // A value the code spells in full (`8 >> 1`, `T` after `T = 8` and
        // `T >>= 1`): its possible values answer.
        if let Some(values) = self.constant_values(expr, scope, depth) {
            return Sign::of_values(&values);
        }
        let sign = |e: &Expr| self.sign_at(e, scope, depth);
        match expr {
            Expr::BooleanLiteral(_) => Sign::Maybe,
            Expr::NumberLiteral(_) => {
                if is_non_positive_literal(expr) {
                    Sign::Maybe
                } else {
                    Sign::Positive
                }
            }
            Expr::UnaryOp(unary) => match unary.op {
                UnaryOp::UAdd => sign(&unary.operand),
                // `not x` is a boolean: `False` is zero.
                UnaryOp::USub | UnaryOp::Not | UnaryOp::Invert => Sign::Maybe,
            },
            // A comparison is `False`, zero, when it does not hold.
            Expr::Compare(_) => Sign::Maybe,
            Expr::BinOp(binary) => {
                // Both sides spelled, but Python raises or the value leaves
                // what is followed (`1 / 10 ** 400` underflows to zero).
                if self.constant_values(&binary.left, scope, depth).is_some()
                    && self.constant_values(&binary.right, scope, depth).is_some()
                {
                    return Sign::Maybe;
                }
                Sign::binary(sign(&binary.left), binary.op, sign(&binary.right))
            }
            Expr::BoolOp(bool_op) => {
                let last = bool_op.values.len().saturating_sub(1);
                bool_op
                    .values
                    .iter()
                    .enumerate()
                    .map(|(index, value)| match (bool_op.op, sign(value)) {
                        // `n or 5`: a zero `n` gives way to what follows.
                        (ast::BoolOp::Or, Sign::NonNegative) if index < last => Sign::Positive,
                        (_, each) => each,
                    })
                    .fold(Sign::Positive, Sign::worst)
            }
            Expr::If(if_expr) => sign(&if_expr.body).worst(sign(&if_expr.orelse)),
            Expr::Named(named) => sign(&named.value),
            Expr::Call(call) => self.call_sign(call, scope, depth),
            Expr::Attribute(_) => {
                if self.reads_non_positive_project_name(expr, scope) {
                    Sign::Maybe
                } else {
                    Sign::Positive
                }
            }
            // `divmod(5, 5)[1]`, `(0, 1)[i]`: as the container's elements;
            // an object's item (`cfg["t"]`) is not seen.
            Expr::Subscript(subscript) => match subscript.value.as_ref() {
                Expr::Attribute(_) => Sign::Positive,
                value => sign(value),
            },
            Expr::Name(name) => self.name_sign(name, scope, depth),
            Expr::Lambda(_)
            | Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_)
            | Expr::Generator(_) => Sign::Maybe,
            // Containers and the rest: as their parts (`for t in (1, 0)`).
            _ => {
                let mut worst = Sign::Positive;
                let mut parts = Vec::new();
                ruff_python_ast::visitor::source_order::walk_expr(
                    &mut ChildCollector(&mut parts),
                    expr,
                );
                for part in parts {
                    worst = worst.worst(sign(part));
                }
                worst
            }
        }
    }

    /// A call's result: bounded for `max`, `min` and `abs` over bounded
    /// values, at least zero for `len`; any other call's result is not
    /// known to be above zero (`sum([])`, `"abc".index("a")`,
    /// `ast.literal_eval(…)`, `float("0")`, `round(0.4)`).
    fn call_sign(&self, call: &ast::ExprCall, scope: ScopeId, depth: u8) -> Sign {
        let arguments = &call.arguments;
        let plain = !arguments.args.iter().any(Expr::is_starred_expr);
        let signs = || {
            arguments
                .args
                .iter()
                .map(|arg| self.sign_at(arg, scope, depth))
        };
        let is = |qualified: &str| self.refers_to(&call.func, scope, qualified);
        if plain && arguments.args.len() >= 2 && (is("builtins.max") || is("builtins.min")) {
            // `max(5, x)` is at least 5; with `key=` (or for `min`) the
            // result is any one of the arguments.
            if is("builtins.max") && arguments.keywords.is_empty() {
                return signs().fold(Sign::Maybe, Sign::best);
            }
            return signs().fold(Sign::Positive, Sign::worst);
        }
        if plain && arguments.args.len() == 1 && arguments.keywords.is_empty() {
            if is("builtins.abs") {
                return signs().fold(Sign::NonNegative, Sign::best);
            }
            if is("builtins.len") {
                return Sign::NonNegative;
            }
        }
        Sign::Maybe
    }

    /// A name's value, by all its bindings; past [`MAX_DEPTH`] not known.
    fn name_sign(&self, name: &ast::ExprName, scope: ScopeId, depth: u8) -> Sign {
        if depth >= MAX_DEPTH {
            return Sign::Maybe;
        }
        let id = name.id.as_str();
        let maybe = match self.lookup_with(id, scope, false) {
            Lookup::Bound {
                scope: owner,
                bindings,
            } => {
                bindings
                    .iter()
                    .any(|&binding| self.binding_non_positive(binding, owner, depth + 1))
                    || (owner == MODULE_SCOPE
                        && self.star_import_may_rebind(bindings)
                        && self.star_name_may_be_non_positive(id))
            }
            // Bound by none of the module's statements, with a star
            // import in reach: the name may be one the star brings.
            Lookup::Unknown => self.star_name_may_be_non_positive(id),
            Lookup::Builtin => false,
        };
        if maybe { Sign::Maybe } else { Sign::Positive }
    }

    /// A file of the project, other than the module's own statements, that
    /// may write a module-level name `expr` reads (evaluated in `scope`) as
    /// an attribute of its module, with a value not known to be above zero:
    /// a test forcing the timeout path (`mock.patch("app.service.TIMEOUT",
    /// 0)`, `patch.object(service, "TIMEOUT", 0)`, `service.TIMEOUT = 0`,
    /// `setattr(…)`, `vars(service)["TIMEOUT"] = 0`). A name imported from
    /// a project module (`from app.settings import TIMEOUT`) is asked of
    /// both modules (a write before the import reaches it); an attribute
    /// chain (`settings.TIMEOUT`) of its module. The answer says what was
    /// found, for a note.
    ///
    /// A name local to a function (`t = TIMEOUT`, then `wait_for(aw, t)`)
    /// is followed through every binding of it in its scope, to a few
    /// names deep: what each assigns (an assignment's value, an augmented
    /// assignment's operand, a loop's iterable) is asked the same.
    pub fn project_may_write_non_positive(&self, expr: &Expr, scope: ScopeId) -> Option<String> {
        self.project_write_at(expr, scope, 0, &mut Vec::new())
    }

    fn project_write_at(
        &self,
        expr: &Expr,
        scope: ScopeId,
        depth: u8,
        seen: &mut Vec<BindingId>,
    ) -> Option<String> {
        let project = self.project()?;
        let ask = |module: &str, name: &str| -> Option<String> {
            let write = project.facts.attribute_value_writer(module, name)?;
            match write {
                ValueWrite::Positive => None,
                ValueWrite::MaybeNonPositive(Some(path)) => Some(format!(
                    "{} writes `{name}` as an attribute of the module `{module}` (`mock.patch`, `module.{name} = …`, `setattr`) with a value not known to be above zero",
                    path.display()
                )),
                ValueWrite::Escaped(route) => Some(format!(
                    "{route}: it may write `{name}` of the module `{module}` with a value not known to be above zero"
                )),
                ValueWrite::MaybeNonPositive(None) => Some(format!(
                    "a file of the project may write `{name}` as an attribute of the module `{module}` (by a name it computes, or through the module's namespace)"
                )),
            }
        };
        let own = project.name.as_deref();
        let numbers = number_names(expr);
        for name in names_read(expr) {
            let id = name.id.as_str();
            let Lookup::Bound {
                scope: owner,
                bindings,
            } = self.lookup_with(id, scope, false)
            else {
                continue;
            };
            if owner != MODULE_SCOPE {
                let as_number = numbers.iter().any(|number| number.range == name.range);
                if let Some(found) =
                    self.local_project_write(id, owner, bindings, as_number, depth, seen)
                {
                    return Some(found);
                }
                continue;
            }
            if let Some(found) = own.and_then(|module| ask(module, id)) {
                return Some(found);
            }
            for &binding in bindings.iter() {
                if let BindingKind::Import { qualified, .. } = &self.binding(binding).kind
                    && let Some(absolute) = project.absolute(qualified)
                    && let Some((module, member)) = absolute.rsplit_once('.')
                    && matches!(project.facts.resolve(module), Resolved::Module(_))
                    && let Some(found) = ask(module, member)
                {
                    return Some(found);
                }
            }
        }
        let found = std::cell::RefCell::new(None);
        any_over_expr(expr, &|e: &Expr| {
            if !matches!(e, Expr::Attribute(_)) {
                return false;
            }
            let Some(absolute) = self
                .qualified_name(e, scope)
                .and_then(|qualified| project.absolute(qualified.as_str()))
            else {
                return false;
            };
            let Some((module, member)) = absolute.rsplit_once('.') else {
                return false;
            };
            if !matches!(project.facts.resolve(module), Resolved::Module(_)) {
                return false;
            }
            if let Some(note) = ask(module, member) {
                found.borrow_mut().get_or_insert(note);
                return true;
            }
            false
        });
        found.into_inner()
    }

    /// What [`Self::project_write_at`] finds through a name local to a
    /// function (`owner`), by what each of its `bindings` assigns; past
    /// [`MAX_DEPTH`] names, nothing more is followed (the value is already
    /// one [`Self::may_be_non_positive`] does not know).
    fn local_project_write(
        &self,
        id: &str,
        owner: ScopeId,
        bindings: &[BindingId],
        as_number: bool,
        depth: u8,
        seen: &mut Vec<BindingId>,
    ) -> Option<String> {
        if depth >= MAX_DEPTH {
            return None;
        }
        for &binding in bindings {
            // Each binding is asked once (`t += step` reads `t` again).
            if seen.contains(&binding) {
                continue;
            }
            seen.push(binding);
            let binding = self.binding(binding);
            // A parameter read as the number itself (`timeout`, `base *
            // attempt`), not to choose one (`5 if q is None else T`).
            if matches!(binding.kind, BindingKind::Parameter) {
                if let Some(found) = as_number
                    .then(|| self.parameter_passed_elsewhere(binding))
                    .flatten()
                {
                    return Some(format!(
                        "{found}, and the timeout reads its parameter `{id}`"
                    ));
                }
                continue;
            }
            if !matches!(binding.kind, BindingKind::Assignment) {
                continue;
            }
            let value = match binding.stmt {
                Some(Stmt::Assign(assign)) => Some(assign.value.as_ref()),
                Some(Stmt::AnnAssign(assign)) => assign.value.as_deref(),
                Some(Stmt::AugAssign(assign)) => Some(assign.value.as_ref()),
                Some(Stmt::For(each)) if each.target.range().contains_range(binding.range) => {
                    Some(each.iter.as_ref())
                }
                _ => None,
            };
            if let Some(found) =
                value.and_then(|value| self.project_write_at(value, owner, depth + 1, seen))
            {
                // Named once, by the name the timeout itself reads.
                return Some(if depth == 0 {
                    format!("{found} (read through the local `{id}`)")
                } else {
                    found
                });
            }
        }
        None
    }

    /// A parameter that `expr` (evaluated in `scope`) reads as a number
    /// (`delay`, `base * attempt`), of the function `scope` is, that a
    /// file of the project other than this module's may pass a value not
    /// known to be above zero, or whose function it uses other than by a
    /// call of its name (see [`super::project::ProjectFacts::parameter_passed`]):
    /// said for a note.
    pub fn parameter_passed_by_other_files(&self, expr: &Expr, scope: ScopeId) -> Option<String> {
        number_names(expr).into_iter().find_map(|name| {
            let Lookup::Bound {
                scope: owner,
                bindings,
            } = self.lookup_with(name.id.as_str(), scope, false)
            else {
                return None;
            };
            if owner == MODULE_SCOPE {
                return None;
            }
            bindings.iter().find_map(|&binding| {
                let binding = self.binding(binding);
                matches!(binding.kind, BindingKind::Parameter)
                    .then(|| self.parameter_passed_elsewhere(binding))
                    .flatten()
            })
        })
    }

    /// Whether `expr` (evaluated in `scope`) reads, as a number, a
    /// parameter of the function it is in (see [`number_names`]).
    pub fn reads_parameter_as_number(&self, expr: &Expr, scope: ScopeId) -> bool {
        number_names(expr).into_iter().any(|name| {
            matches!(
                self.lookup_with(name.id.as_str(), scope, false),
                Lookup::Bound { scope: owner, bindings }
                    if owner != MODULE_SCOPE
                        && bindings
                            .iter()
                            .any(|&b| matches!(self.binding(b).kind, BindingKind::Parameter))
            )
        })
    }

    /// A file of the project other than this module's that may call the
    /// function whose parameter `binding` is with a value of it that may
    /// be zero or less, or that uses the function other than by a call of
    /// its name (see [`super::project::ProjectFacts::parameter_passed`]).
    fn parameter_passed_elsewhere(&self, binding: &Binding) -> Option<String> {
        let project = self.project()?;
        let def_scope = self.scope(binding.scope);
        let ScopeNode::Function(def) = def_scope.node else {
            return None;
        };
        let parameters = &def.parameters;
        let position = positional_parameters(parameters)
            .position(|p| p.parameter.name.range() == binding.range);
        if !parameters
            .iter_non_variadic_params()
            .any(|p| p.parameter.name.range() == binding.range)
        {
            return None; // `*args`, `**kwargs`: not a number.
        }
        let method = def_scope
            .parent
            .is_some_and(|parent| self.scope(parent).kind == ScopeKind::Class);
        // `obj(…)` calls `__call__` by no name.
        if method && def.name.as_str() == "__call__" {
            return Some(
                "the method `__call__` is called without its name, with anything".to_string(),
            );
        }
        project.facts.parameter_passed(
            project.file.as_deref(),
            def.name.as_str(),
            binding.name,
            position,
            method,
        )
    }

    /// Whether evaluating `awaitable` (in `scope`) may run code of the
    /// project that rebinds what `timeout` reads, as an attribute of its
    /// module: a module-level name of this module (`app.svc.T = 0.01` in a
    /// function of another module), or a project module's attribute it
    /// reads (`settings.TIMEOUT`). `wait_for(aw, t)` evaluates `aw` first;
    /// the rewrite reads `t` first, and a call made while evaluating `aw`
    /// that writes it would come too late. Only writes reachable from the
    /// calls the awaitable makes count (see
    /// [`super::project::ProjectFacts::call_may_write_attribute`]): a test
    /// that patches the timeout around the code runs none of them. A call
    /// of a plain function of this module, of the project, or of a class
    /// of the project is followed; another call (a library's, a method of
    /// an object the module cannot tell) is taken to run none of the
    /// project's code that writes it.
    pub fn awaitable_may_rebind(&self, timeout: &Expr, awaitable: &Expr, scope: ScopeId) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        // Asked by the module's word (its last part), as the index keys it.
        let written =
            |module: &str, name: &str| project.facts.attribute_named_writer(module, name).is_some();
        let own = project.name.as_deref();
        let mut targets: Vec<(String, String)> = Vec::new();
        for name in names_read(timeout) {
            let id = name.id.as_str();
            if matches!(
                self.lookup_with(id, scope, false),
                Lookup::Bound { scope: owner, .. } if owner == MODULE_SCOPE
            ) && let Some(module) = own
                && written(module, id)
            {
                targets.push((module.to_string(), id.to_string()));
            }
        }
        let attributes = std::cell::RefCell::new(Vec::new());
        any_over_expr(timeout, &|e: &Expr| {
            if matches!(e, Expr::Attribute(_))
                && let Some(absolute) = self
                    .qualified_name(e, scope)
                    .and_then(|qualified| project.absolute(qualified.as_str()))
                && let Some((module, member)) = absolute.rsplit_once('.')
                && matches!(project.facts.resolve(module), Resolved::Module(_))
                && written(module, member)
            {
                attributes
                    .borrow_mut()
                    .push((module.to_string(), member.to_string()));
            }
            false
        });
        targets.extend(attributes.into_inner());
        if targets.is_empty() {
            return false;
        }
        any_over_expr(awaitable, &|e: &Expr| {
            let Expr::Call(call) = e else {
                return false;
            };
            let callee = match self.resolve_callee(&call.func, scope) {
                Resolved::Function { qualified, .. } | Resolved::Class { qualified, .. } => {
                    Some(qualified)
                }
                Resolved::Unknown => self.own_function_name(&call.func, scope),
                _ => None,
            };
            callee.is_some_and(|callee| {
                targets.iter().any(|(module, name)| {
                    project
                        .facts
                        .call_may_write_attribute(&callee, module, name)
                })
            })
        })
    }

    /// The absolute name of a module-level `def` or class of this module
    /// that `func`, a plain name, calls (`start_job` in `app.svc`).
    fn own_function_name(&self, func: &Expr, scope: ScopeId) -> Option<String> {
        let Expr::Name(name) = func else {
            return None;
        };
        let module = self.project()?.name.as_deref()?;
        let Lookup::Bound {
            scope: MODULE_SCOPE,
            bindings,
        } = self.lookup_with(name.id.as_str(), scope, false)
        else {
            return None;
        };
        bindings
            .iter()
            .all(|&id| {
                matches!(
                    self.binding(id).kind,
                    BindingKind::FunctionDef(_) | BindingKind::ClassDef(_)
                )
            })
            .then(|| format!("{module}.{}", name.id))
    }

    /// Whether the module-level name `name` may be zero or negative when the
    /// module has run, by the module's own bindings (for the project
    /// index's summary, which follows star imports that may bind it again
    /// by itself: see `ModuleSummary::star_rebound`).
    pub fn module_name_may_be_non_positive(&self, name: &str) -> bool {
        let Lookup::Bound {
            scope: owner,
            bindings,
        } = self.lookup_with(name, MODULE_SCOPE, false)
        else {
            return false;
        };
        bindings
            .iter()
            .any(|&id| self.binding_non_positive(id, owner, 1))
    }

    /// Whether `name`, as one of the module's star imports may bind it
    /// (`from .defaults import *`, then `TIMEOUT = DEFAULT`), may be zero
    /// or negative: asked of the project for each star import of one of its
    /// modules. Without the project (a module's summary is made alone) the
    /// index follows such names by itself (`ModuleSummary::star_reads`).
    fn star_name_may_be_non_positive(&self, name: &str) -> bool {
        if self.project().is_none() {
            return false;
        }
        self.star_imports.iter().any(|stmt| {
            let Stmt::ImportFrom(import) = stmt else {
                return false;
            };
            let mut qualified = ".".repeat(import.level as usize);
            if let Some(module) = &import.module {
                qualified.push_str(module.as_str());
                qualified.push('.');
            }
            qualified.push_str(name);
            self.project_name_non_positive(&qualified)
        })
    }

    /// Whether `expr` reads an attribute chain naming a module-level name of
    /// a project module that may be zero or negative (`conf.TIMEOUT`).
    fn reads_non_positive_project_name(&self, expr: &Expr, scope: ScopeId) -> bool {
        if self.project().is_none() {
            return false;
        }
        any_over_expr(expr, &|e: &Expr| {
            matches!(e, Expr::Attribute(_))
                && self
                    .qualified_name(e, scope)
                    .is_some_and(|qualified| self.project_name_non_positive(qualified.as_str()))
        })
    }

    /// Whether the project's summary says the dotted name (as the module
    /// spells it, relative imports included) may be zero or negative.
    fn project_name_non_positive(&self, qualified: &str) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        project
            .absolute(qualified)
            .is_some_and(|absolute| project.facts.may_be_non_positive(&absolute))
    }

    /// Whether a name the module imports may be zero or negative: a
    /// module-level name of a project module, as the project's summary of
    /// it says (re-exports, star imports, its `__getattr__`, writes of its
    /// namespace followed); a module (`import conf`) is no number; a name
    /// from a module outside the project (a library's constant) is not
    /// known to be above zero.
    fn imported_name_non_positive(&self, qualified: &str, from: bool) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        if !from {
            return false;
        }
        let Some(absolute) = project.absolute(qualified) else {
            return true;
        };
        let Some((module, _)) = absolute.rsplit_once('.') else {
            return true;
        };
        if !matches!(project.facts.resolve(module), Resolved::Module(_)) {
            // `from app import settings` (a submodule) is no number either.
            return !matches!(project.facts.resolve(&absolute), Resolved::Module(_));
        }
        project.facts.may_be_non_positive(&absolute)
    }

    /// Whether the value a binding gives its name may be zero or negative.
    fn binding_non_positive(&self, id: BindingId, owner: ScopeId, depth: u8) -> bool {
        let binding = self.binding(id);
        match &binding.kind {
            BindingKind::Import { qualified, from } => {
                self.imported_name_non_positive(qualified, *from)
            }
            BindingKind::Parameter => {
                parameter_default(self, binding)
                    .is_some_and(|default| self.non_positive_at(default, owner, depth))
                    || self.passed_non_positive(binding, depth)
            }
            // A module-level name a function rebinds through `global` from
            // what it is passed (`def configure(t): global TIMEOUT;
            // TIMEOUT = t`): another module may call it with zero.
            BindingKind::Assignment
                if binding.stmt.is_some_and(|stmt| {
                    self.suite_of(stmt).is_some_and(|(suite, _)| {
                        suite.scope != owner && self.reads_parameter_of(stmt, suite.scope)
                    })
                }) =>
            {
                true
            }
            BindingKind::Assignment => match binding.stmt {
                Some(Stmt::AugAssign(assign)) if assign.target.range() == binding.range => {
                    if let Some(values) = self.binding_values(id, owner, depth) {
                        return values.iter().any(|value| value.non_positive());
                    }
                    may_reach_zero(assign.op)
                        || shrinks(assign.op, &assign.value)
                        || self.non_positive_at(&assign.value, owner, depth)
                }
                Some(Stmt::For(each)) if each.target.range().contains_range(binding.range) => {
                    self.loop_value_non_positive(each, binding.range, owner, depth)
                }
                // Any other binder gives a value the module does not spell
                // (`with nullcontext(0) as T`, `case T:`, `import … as
                // T`): not known to be above zero.
                Some(stmt) => assigned_value(stmt, binding.range)
                    .is_none_or(|value| self.non_positive_at(value, owner, depth)),
                None => true,
            },
            // `except E as T`, `del T`: no number either.
            BindingKind::Except | BindingKind::Deletion => true,
            BindingKind::FunctionDef(_) | BindingKind::ClassDef(_) | BindingKind::Annotation => {
                false
            }
        }
    }

    /// Whether the values `stmt` assigns read a parameter of the function
    /// whose scope is `scope`.
    fn reads_parameter_of(&self, stmt: &Stmt, scope: ScopeId) -> bool {
        let values: Vec<&Expr> = match stmt {
            Stmt::Assign(assign) => vec![&assign.value],
            Stmt::AnnAssign(assign) => assign.value.as_deref().into_iter().collect(),
            Stmt::AugAssign(assign) => vec![&assign.value],
            Stmt::For(each) => vec![&each.iter],
            _ => return false,
        };
        values.into_iter().any(|value| {
            names_read(value).iter().any(|name| {
                matches!(
                    self.lookup_with(name.id.as_str(), scope, false),
                    Lookup::Bound { scope: found, bindings }
                        if found == scope
                            && bindings
                                .iter()
                                .any(|&b| matches!(self.binding(b).kind, BindingKind::Parameter))
                )
            })
        })
    }

    /// The values `expr` may have, when the code spells them all: number
    /// literals and booleans, arithmetic over them, and names whose every
    /// binding is one (an augmented assignment over the values bound
    /// before it, see [`Self::binding_values`]). `None` when any part is
    /// not known, or there are too many.
    fn constant_values(&self, expr: &Expr, scope: ScopeId, depth: u8) -> Option<Vec<Constant>> {
        match expr {
            Expr::BooleanLiteral(boolean) => Some(vec![Constant::Int(i128::from(boolean.value))]),
            Expr::NumberLiteral(number) => match &number.value {
                Number::Int(int) => int.as_i64().map(|i| vec![Constant::Int(i128::from(i))]),
                Number::Float(float) => Some(vec![Constant::Float(*float)]),
                Number::Complex { .. } => None,
            },
            Expr::UnaryOp(unary) => {
                let values = self.constant_values(&unary.operand, scope, depth)?;
                values
                    .into_iter()
                    .map(|value| match unary.op {
                        UnaryOp::UAdd => Some(value),
                        UnaryOp::USub => Constant::Int(0).apply(Operator::Sub, value),
                        UnaryOp::Invert => match value {
                            Constant::Int(int) => Some(Constant::Int(!int)),
                            Constant::Float(_) => None,
                        },
                        UnaryOp::Not => Some(Constant::Int(i128::from(!value.truthy()))),
                    })
                    .collect()
            }
            Expr::BinOp(binary) => {
                let left = self.constant_values(&binary.left, scope, depth)?;
                let right = self.constant_values(&binary.right, scope, depth)?;
                combine(&left, binary.op, &right)
            }
            Expr::Name(name) => {
                if depth >= MAX_DEPTH {
                    return None;
                }
                let Lookup::Bound {
                    scope: owner,
                    bindings,
                } = self.lookup_with(name.id.as_str(), scope, false)
                else {
                    return None;
                };
                if owner == MODULE_SCOPE && self.star_import_may_rebind(bindings) {
                    return None;
                }
                let mut all = Vec::new();
                for &binding in bindings.iter() {
                    let values = self.binding_values(binding, owner, depth + 1)?;
                    push_values(&mut all, values)?;
                }
                (!all.is_empty()).then_some(all)
            }
            _ => None,
        }
    }

    /// The values a binding may give its name, when the code spells them:
    /// an assignment of such a value, or an augmented assignment applied
    /// once (in no loop) to the values the name's earlier bindings give,
    /// where every binding of the name is one of its scope's own code
    /// that runs once (none in a loop, none made through `global` by
    /// another function).
    fn binding_values(&self, id: BindingId, owner: ScopeId, depth: u8) -> Option<Vec<Constant>> {
        let binding = self.binding(id);
        if !matches!(binding.kind, BindingKind::Assignment) {
            return None;
        }
        let stmt = binding.stmt?;
        match stmt {
            Stmt::AugAssign(assign) if assign.target.range() == binding.range => {
                let bindings = self.bindings_in(owner, binding.name)?;
                let runs_once = |stmt: &Stmt| {
                    !self.in_loop(stmt)
                        && self
                            .suite_of(stmt)
                            .is_some_and(|(suite, _)| suite.scope == owner)
                };
                let mut before = Vec::new();
                for &other in bindings {
                    let earlier = self.binding(other);
                    if !runs_once(earlier.stmt?) {
                        return None;
                    }
                    if earlier.range.start() < binding.range.start() {
                        let values = self.binding_values(other, owner, depth)?;
                        push_values(&mut before, values)?;
                    }
                }
                if before.is_empty() {
                    return None;
                }
                let by = self.constant_values(&assign.value, owner, depth)?;
                combine(&before, assign.op, &by)
            }
            Stmt::Assign(_) | Stmt::AnnAssign(_) => {
                let value = assigned_value(stmt, binding.range)?;
                self.constant_values(value, owner, depth)
            }
            _ => None,
        }
    }

    /// Whether the name at `target` in a `for` loop's target may take a
    /// value that is zero or negative: `range(n)` counts from zero,
    /// `enumerate(xs)` numbers from zero (or `start=`), `itertools.count()`
    /// too; otherwise the values the iterable spells.
    fn loop_value_non_positive(
        &self,
        each: &StmtFor,
        target: TextRange,
        owner: ScopeId,
        depth: u8,
    ) -> bool {
        if let Expr::Call(call) = each.iter.as_ref() {
            let arguments = &call.arguments;
            if self.refers_to(&call.func, owner, "builtins.range")
                && arguments.args.len() == 1
                && !arguments.args.iter().any(Expr::is_starred_expr)
            {
                return true;
            }
            // `range(1, n)`, `range(1, n, 2)`: from the start upward.
            if self.refers_to(&call.func, owner, "builtins.range")
                && (2..=3).contains(&arguments.args.len())
                && arguments.keywords.is_empty()
                && !arguments.args.iter().any(Expr::is_starred_expr)
            {
                let upward = arguments
                    .args
                    .get(2)
                    .is_none_or(|step| !self.non_positive_at(step, owner, depth));
                return !upward || self.non_positive_at(&arguments.args[0], owner, depth);
            }
            // `for i, x in enumerate(xs)`: `x` is one of `xs`.
            if let Expr::Tuple(tuple) = each.target.as_ref()
                && self.refers_to(&call.func, owner, "builtins.enumerate")
                && tuple.elts.len() == 2
                && tuple.elts[1].range().contains_range(target)
                && let Some(items) = arguments.args.first()
                && !items.is_starred_expr()
            {
                return match &tuple.elts[1] {
                    Expr::Name(_) => self.non_positive_at(items, owner, depth),
                    _ => true,
                };
            }
            let counter = match each.target.as_ref() {
                Expr::Tuple(tuple)
                    if self.refers_to(&call.func, owner, "builtins.enumerate")
                        && tuple
                            .elts
                            .first()
                            .is_some_and(|first| first.range() == target) =>
                {
                    Some(arguments.find_argument_value("start", 1))
                }
                _ if self.refers_to(&call.func, owner, "itertools.count") => {
                    Some(arguments.find_argument_value("start", 0))
                }
                _ => None,
            };
            if let Some(start) = counter {
                return start.is_none_or(|start| self.non_positive_at(start, owner, depth));
            }
        }
        self.non_positive_at(&each.iter, owner, depth)
    }

    /// Whether a call of the function whose parameter `binding` is, in
    /// this module, may pass it a value that is zero or negative: by
    /// position, by keyword, or through `*args` / `**kwargs` that may hold
    /// one. Calls are matched by the function's name (`take(q, 0)`,
    /// `box.receive(timeout=0)`), which also finds some that call something
    /// else: they only keep a rewrite out.
    fn passed_non_positive(&self, binding: &Binding, depth: u8) -> bool {
        let def_scope = self.scope(binding.scope);
        let ScopeNode::Function(def) = def_scope.node else {
            return false;
        };
        let parameters = &def.parameters;
        let position = positional_parameters(parameters)
            .position(|p| p.parameter.name.range() == binding.range);
        let keyword = parameters
            .iter_non_variadic_params()
            .any(|p| p.parameter.name.range() == binding.range);
        if !keyword {
            return false; // `*args`, `**kwargs`: not a number.
        }
        let is_method = def_scope
            .parent
            .is_some_and(|parent| self.scope(parent).kind == ScopeKind::Class);
        let name = def.name.as_str();
        if self.decorated_by_project_code(def, def_scope.parent.unwrap_or(MODULE_SCOPE)) {
            // `@handler("get")` keeps it in a registry, `@no_wait` wraps it
            // in a function that calls it with a value of its own.
            return true;
        }
        if self.function_escapes_its_calls(name) {
            // `partial(take, timeout=0)`, `poll = take`, `getattr(box,
            // "receive")`: calls this module makes that no call names.
            return true;
        }
        self.calls.iter().any(|site| {
            let call = site.call;
            let bound = match call.func.as_ref() {
                Expr::Name(callee) if callee.id.as_str() == name => false,
                Expr::Attribute(callee) if callee.attr.as_str() == name => is_method,
                _ => return false,
            };
            let passes = |value: &Expr| self.non_positive_at(value, site.scope, depth);
            let by_keyword = call.arguments.keywords.iter().any(|k| match &k.arg {
                Some(arg) => arg.as_str() == binding.name && passes(&k.value),
                None => passes(&k.value),
            });
            // A bound method call leaves out `self`; `Class.method(obj, …)`
            // does not: both positions are asked.
            let at =
                |index: usize| position.is_some_and(|p| index == p || (bound && index + 1 == p));
            let by_position = call
                .arguments
                .args
                .iter()
                .enumerate()
                .any(|(index, argument)| match argument {
                    Expr::Starred(starred) => passes(&starred.value),
                    _ => at(index) && passes(argument),
                });
            by_keyword || by_position
        })
    }
}

impl SemanticModel<'_> {
    /// Whether a decorator of `def` (evaluated in `scope`) is code of the
    /// project or of the module, or something the module cannot name
    /// (`@handler("get")`, `@no_wait`, `@router.get(…)` on a local
    /// object): it may keep the function and call it with anything. A
    /// library's (`functools.wraps(f)`, `contextlib.asynccontextmanager`)
    /// or a builtin (`staticmethod`) is taken to call it as its callers
    /// do.
    fn decorated_by_project_code(&self, def: &ast::StmtFunctionDef, scope: ScopeId) -> bool {
        def.decorator_list.iter().any(|decorator| {
            let mut expr = &decorator.expression;
            if let Expr::Call(call) = expr {
                expr = &call.func;
            }
            let Some(qualified) = self.qualified_name(expr, scope) else {
                return true;
            };
            let Some(project) = self.project() else {
                return false;
            };
            // A name under a module of the project (relative imports
            // included) is the project's.
            project.absolute(qualified.as_str()).is_none_or(|absolute| {
                absolute
                    .split('.')
                    .next()
                    .is_some_and(|top| matches!(project.facts.resolve(top), Resolved::Module(_)))
            })
        })
    }

    /// Whether the module may call the function named `name` other than by
    /// that name: the name is read other than as a call's callee (`poll =
    /// take`, `partial(take, …)`, `box.receive` handed on), or a string
    /// argument of a call spells it (`getattr(box, "receive")`,
    /// `methodcaller("receive")`).
    fn function_escapes_its_calls(&self, name: &str) -> bool {
        struct Finder<'n> {
            name: &'n str,
            escapes: bool,
        }
        impl<'a> Visitor<'a> for Finder<'_> {
            fn visit_expr(&mut self, expr: &'a Expr) {
                if self.escapes {
                    return;
                }
                match expr {
                    Expr::Call(call) => {
                        let spelled = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str() == self.name);
                        if call.arguments.args.iter().any(spelled) {
                            self.escapes = true;
                            return;
                        }
                        // The callee itself is a call by name; its parts are not.
                        match call.func.as_ref() {
                            Expr::Name(_) => {}
                            Expr::Attribute(attribute) => self.visit_expr(&attribute.value),
                            other => self.visit_expr(other),
                        }
                        self.visit_arguments(&call.arguments);
                    }
                    Expr::Name(read) if read.id.as_str() == self.name => self.escapes = true,
                    Expr::Attribute(attribute) if attribute.attr.as_str() == self.name => {
                        self.escapes = true;
                    }
                    _ => walk_expr(self, expr),
                }
            }
            fn visit_stmt(&mut self, stmt: &'a Stmt) {
                if !self.escapes {
                    walk_stmt(self, stmt);
                }
            }
        }
        let mut finder = Finder {
            name,
            escapes: false,
        };
        finder.visit_body(&self.module.body);
        finder.escapes
    }
}

/// The names whose value may be the number `expr` gives, or a part of
/// it: operands of arithmetic, either branch of a conditional, the values
/// of `or` / `and`, a call's arguments, a container's elements; not a
/// condition (`q` in `5 if q is None else t`), an attribute's object or a
/// subscript's.
fn number_names(expr: &Expr) -> Vec<&ast::ExprName> {
    let mut names = Vec::new();
    let mut pending = vec![expr];
    while let Some(expr) = pending.pop() {
        match expr {
            Expr::Name(name) => names.push(name),
            Expr::BinOp(binary) => pending.extend([&*binary.left, &*binary.right]),
            Expr::UnaryOp(unary) => pending.push(&unary.operand),
            Expr::If(if_expr) => pending.extend([&*if_expr.body, &*if_expr.orelse]),
            Expr::BoolOp(bool_op) => pending.extend(&bool_op.values),
            Expr::Named(named) => pending.push(&named.value),
            Expr::Starred(starred) => pending.push(&starred.value),
            Expr::Call(call) => {
                pending.extend(&call.arguments.args);
                pending.extend(call.arguments.keywords.iter().map(|k| &k.value));
            }
            Expr::Tuple(tuple) => pending.extend(&tuple.elts),
            Expr::List(list) => pending.extend(&list.elts),
            Expr::Set(set) => pending.extend(&set.elts),
            _ => {}
        }
    }
    names
}

/// Operators that may give zero or less from numbers above zero: `5 - 7`,
/// `4 % 2`, `1 // 2`, `5 >> 3`, `4 & 2`, `3 ^ 3`, and `@` (any type's).
fn may_reach_zero(op: Operator) -> bool {
    matches!(
        op,
        Operator::Sub
            | Operator::Mod
            | Operator::FloorDiv
            | Operator::RShift
            | Operator::BitAnd
            | Operator::BitXor
            | Operator::MatMult
    )
}

/// An augmented assignment that, repeated, may bring a number above zero
/// down to zero (`delay *= 0.5` in a loop underflows to `0.0`): a product
/// by a factor below one, a quotient by one above, a power.
fn shrinks(op: Operator, by: &Expr) -> bool {
    let Expr::NumberLiteral(number) = by else {
        return matches!(op, Operator::Mult | Operator::Div | Operator::Pow);
    };
    let factor = match &number.value {
        Number::Int(int) => int.as_i64().map(|i| i as f64),
        Number::Float(float) => Some(*float),
        Number::Complex { .. } => None,
    };
    match op {
        Operator::Mult => factor.is_none_or(|f| f < 1.0),
        Operator::Div => factor.is_none_or(|f| f > 1.0),
        Operator::Pow => true,
        _ => false,
    }
}

/// What a value is known to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sign {
    /// May be zero or negative.
    Maybe,
    /// Zero or above.
    NonNegative,
    /// Above zero.
    Positive,
}

impl Sign {
    fn worst(self, other: Sign) -> Sign {
        self.min(other)
    }

    fn best(self, other: Sign) -> Sign {
        self.max(other)
    }

    fn of_values(values: &[Constant]) -> Sign {
        if values.iter().any(|value| value.non_positive()) {
            Sign::Maybe
        } else {
            Sign::Positive
        }
    }

    /// `left OP right`, by what each side is known to be.
    fn binary(left: Sign, op: Operator, right: Sign) -> Sign {
        use Sign::{Maybe, NonNegative, Positive};
        let bounded = |s: Sign| s != Maybe;
        match op {
            Operator::Add | Operator::BitOr => {
                if bounded(left) && bounded(right) {
                    left.best(right)
                } else {
                    Maybe
                }
            }
            Operator::Mult => {
                if bounded(left) && bounded(right) {
                    left.worst(right)
                } else {
                    Maybe
                }
            }
            Operator::Div | Operator::Pow | Operator::LShift if right == Positive => left,
            Operator::Pow | Operator::LShift if left == Positive => Positive,
            // `x % 5` is in `[0, 5)`.
            Operator::Mod if right == Positive => NonNegative,
            Operator::FloorDiv if right == Positive && bounded(left) => NonNegative,
            // `5 - 7`, `4 % 2`, `1 // 2`, `5 >> 3`, `4 & 2`, `3 ^ 3`, `@`.
            _ => Maybe,
        }
    }
}

/// The direct sub-expressions of an expression.
struct ChildCollector<'c, 'e>(&'c mut Vec<&'e Expr>);

impl<'e> ruff_python_ast::visitor::source_order::SourceOrderVisitor<'e> for ChildCollector<'_, 'e> {
    fn visit_expr(&mut self, expr: &'e Expr) {
        self.0.push(expr);
    }
}

/// How many values [`SemanticModel::constant_values`] follows at most.
const MAX_VALUES: usize = 16;

/// A number the code spells (an `int` that fits, or a `float`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Constant {
    Int(i128),
    Float(f64),
}

impl Constant {
    /// Zero or less (a NaN too: not known to be above zero).
    fn non_positive(self) -> bool {
        match self {
            Constant::Int(int) => int <= 0,
            Constant::Float(float) => float.is_nan() || float <= 0.0,
        }
    }

    fn truthy(self) -> bool {
        match self {
            Constant::Int(int) => int != 0,
            Constant::Float(float) => float != 0.0,
        }
    }

    fn float(self) -> f64 {
        match self {
            Constant::Int(int) => int as f64,
            Constant::Float(float) => float,
        }
    }

    /// `self OP other` as Python computes it; `None` where it raises, or
    /// leaves what this type holds.
    fn apply(self, op: Operator, other: Constant) -> Option<Constant> {
        use Constant::{Float, Int};
        let int = |value: Option<i128>| value.filter(|v| v.unsigned_abs() < 1 << 100).map(Int);
        match (self, other) {
            (Int(a), Int(b)) => match op {
                Operator::Add => int(a.checked_add(b)),
                Operator::Sub => int(a.checked_sub(b)),
                Operator::Mult => int(a.checked_mul(b)),
                Operator::Div => (b != 0).then(|| Float(a as f64 / b as f64)),
                Operator::FloorDiv => (b != 0)
                    .then(|| Int(a.div_euclid(b) - i128::from(a.rem_euclid(b) != 0 && b < 0))),
                Operator::Mod => (b != 0).then(|| {
                    let r = a.rem_euclid(b);
                    Int(if r != 0 && b < 0 { r + b } else { r })
                }),
                Operator::Pow if b >= 0 => {
                    int(u32::try_from(b).ok().and_then(|e| a.checked_pow(e)))
                }
                Operator::Pow => (a != 0).then(|| Float((a as f64).powf(b as f64))),
                Operator::LShift => u32::try_from(b)
                    .ok()
                    .filter(|&s| s < 100)
                    .and_then(|s| int(a.checked_shl(s))),
                Operator::RShift => u32::try_from(b).ok().map(|s| Int(a >> s.min(127))),
                Operator::BitAnd => Some(Int(a & b)),
                Operator::BitOr => Some(Int(a | b)),
                Operator::BitXor => Some(Int(a ^ b)),
                Operator::MatMult => None,
            },
            _ => {
                let (a, b) = (self.float(), other.float());
                let value = match op {
                    Operator::Add => a + b,
                    Operator::Sub => a - b,
                    Operator::Mult => a * b,
                    Operator::Div if b != 0.0 => a / b,
                    Operator::FloorDiv if b != 0.0 => (a / b).floor(),
                    Operator::Mod if b != 0.0 => a - b * (a / b).floor(),
                    Operator::Pow if a != 0.0 || b >= 0.0 => a.powf(b),
                    _ => return None,
                };
                Some(Float(value))
            }
        }
    }
}

/// Every `l OP r`, or `None` when one raises or there are too many.
fn combine(left: &[Constant], op: Operator, right: &[Constant]) -> Option<Vec<Constant>> {
    let mut all = Vec::new();
    for &l in left {
        for &r in right {
            push_values(&mut all, vec![l.apply(op, r)?])?;
        }
    }
    Some(all)
}

/// Adds `values` to `all`, each once; `None` past [`MAX_VALUES`].
fn push_values(all: &mut Vec<Constant>, values: Vec<Constant>) -> Option<()> {
    for value in values {
        if !all.contains(&value) {
            all.push(value);
        }
    }
    (all.len() <= MAX_VALUES).then_some(())
}

/// The default value of the parameter a binding binds, if it has one.
fn parameter_default<'a>(semantic: &SemanticModel<'a>, binding: &Binding<'a>) -> Option<&'a Expr> {
    let parameters = match semantic.scope(binding.scope).node {
        ScopeNode::Function(def) => &def.parameters,
        ScopeNode::Lambda(lambda) => lambda.parameters.as_deref()?,
        _ => return None,
    };
    parameters
        .iter_non_variadic_params()
        .find(|p| p.parameter.name.range() == binding.range)
        .and_then(|p| p.default.as_deref())
}

/// The value a statement gives the name bound at `target`: `x = V`, `x: T
/// = V`, `a = x = V`, the matching element of `a, x = 0, 1` (the whole
/// value when the shapes differ), the value of `(x := V)` anywhere in the
/// statement; `None` for other binders (`with … as x`, `import`, …).
fn assigned_value(stmt: &Stmt, target: TextRange) -> Option<&Expr> {
    let from_targets = match stmt {
        Stmt::Assign(assign) => assign
            .targets
            .iter()
            .find_map(|t| unpacked(t, &assign.value, target)),
        Stmt::AnnAssign(assign) => assign
            .value
            .as_deref()
            .and_then(|value| unpacked(&assign.target, value, target)),
        _ => None,
    };
    from_targets.or_else(|| walrus_value(stmt, target))
}

/// The part of `value` that the name at `target` in `pattern` gets.
fn unpacked<'e>(pattern: &Expr, value: &'e Expr, target: TextRange) -> Option<&'e Expr> {
    if !pattern.range().contains_range(target) {
        return None;
    }
    let elements = match pattern {
        Expr::Name(_) => return Some(value),
        Expr::Tuple(tuple) => &tuple.elts,
        Expr::List(list) => &list.elts,
        Expr::Starred(_) => return Some(value),
        // `x.attr`, `x[i]`: no name bound here.
        _ => return None,
    };
    let values = match value {
        Expr::Tuple(tuple) => &tuple.elts,
        Expr::List(list) => &list.elts,
        _ => return Some(value),
    };
    let plain = |items: &[Expr]| !items.iter().any(Expr::is_starred_expr);
    if elements.len() != values.len() || !plain(elements) || !plain(values) {
        return Some(value);
    }
    elements
        .iter()
        .zip(values.iter())
        .find_map(|(element, each)| unpacked(element, each, target))
}

/// The value of the `:=` in `stmt` whose target is at `target`.
fn walrus_value(stmt: &Stmt, target: TextRange) -> Option<&Expr> {
    struct Finder<'e> {
        target: TextRange,
        found: Option<&'e Expr>,
    }
    impl<'e> Visitor<'e> for Finder<'e> {
        fn visit_expr(&mut self, expr: &'e Expr) {
            if self.found.is_some() {
                return;
            }
            if let Expr::Named(named) = expr
                && named.target.range() == self.target
            {
                self.found = Some(&named.value);
                return;
            }
            walk_expr(self, expr);
        }
    }
    let mut finder = Finder {
        target,
        found: None,
    };
    // The target's range is the binding's: only that `:=` matches.
    finder.visit_stmt(stmt);
    finder.found
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::{Expr, Stmt};

    use crate::test_support::with_context;

    /// Whether the timeout of the last `wait_for(…, T)` call in the source
    /// may be zero or negative.
    fn may_be(source: &str) -> bool {
        with_context(source, |ctx| {
            let semantic = ctx.semantic;
            let site = semantic
                .calls
                .iter()
                .rev()
                .find(|site| {
                    matches!(site.call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "wait_for")
                })
                .expect("a wait_for call");
            let Some(timeout) = site.call.arguments.args.get(1) else {
                panic!("no timeout")
            };
            semantic.may_be_non_positive(timeout, site.scope)
        })
    }

    fn in_f(body: &str) -> String {
        format!("async def f(q, deadline, now, cfg):\n{body}")
    }

    #[test]
    fn literals_and_arithmetic() {
        for (body, expected) in [
            ("    wait_for(q, 0)\n", true),
            ("    wait_for(q, -1)\n", true),
            ("    wait_for(q, 0.0)\n", true),
            ("    wait_for(q, False)\n", true),
            // A comparison is `False`, zero, when it does not hold.
            ("    wait_for(q, (now > 5))\n", true),
            ("    t = deadline < now\n    wait_for(q, t)\n", true),
            ("    wait_for(q, 5)\n", false),
            ("    wait_for(q, deadline - now)\n", true),
            ("    wait_for(q, min(5, deadline - now))\n", true),
            ("    wait_for(q, now % 3)\n", true),
            ("    wait_for(q, now // 2)\n", true),
            ("    wait_for(q, int(now))\n", true),
            ("    wait_for(q, round(now))\n", true),
            ("    wait_for(q, now * 2)\n", false),
            ("    wait_for(q, cfg.timeout)\n", false),
        ] {
            assert_eq!(may_be(&in_f(body)), expected, "{body}");
        }
    }

    #[test]
    fn names_set_so() {
        for (body, expected) in [
            ("    t = deadline - now\n    wait_for(q, t)\n", true),
            ("    t = 5\n    t -= now\n    wait_for(q, t)\n", true),
            ("    t = 5\n    t *= 2\n    wait_for(q, t)\n", false),
            // Arithmetic over a name that may be zero.
            (
                "    for attempt in range(3):\n        delay = attempt * 0.5\n        wait_for(q, delay)\n",
                true,
            ),
            // Tuple unpacking, matched element by element.
            ("    first, later = 0, 1\n    wait_for(q, first)\n", true),
            ("    first, later = 0, 1\n    wait_for(q, later)\n", false),
            ("    [a, (b, c)] = 1, (2, 0)\n    wait_for(q, c)\n", true),
            ("    a, b = cfg.pair\n    wait_for(q, b)\n", false),
            ("    a, *b = 1, 0\n    wait_for(q, a)\n", true),
            // `:=`.
            (
                "    if (t := 0) is not None:\n        wait_for(q, t)\n",
                true,
            ),
            // Loops.
            ("    for t in range(3):\n        wait_for(q, t)\n", true),
            ("    for t in range(1, 3):\n        wait_for(q, t)\n", false),
            ("    for t in (1, 0):\n        wait_for(q, t)\n", true),
            ("    for t in (1, 2):\n        wait_for(q, t)\n", false),
            (
                "    for i, x in enumerate(cfg):\n        wait_for(q, i)\n",
                true,
            ),
            (
                "    for i, x in enumerate(cfg, start=1):\n        wait_for(q, i)\n",
                false,
            ),
            (
                "    for i, x in enumerate(cfg):\n        wait_for(q, x)\n",
                false,
            ),
        ] {
            assert_eq!(may_be(&in_f(body)), expected, "{body}");
        }
        // A module constant, and one a function rebinds through `global`.
        assert!(may_be("T = 0\n\nasync def f(q):\n    wait_for(q, T)\n"));
        assert!(may_be(
            "T = 5\n\ndef fast():\n    global T\n    T = 0\n\nasync def f(q):\n    wait_for(q, T)\n"
        ));
        assert!(!may_be("T = 5\n\nasync def f(q):\n    wait_for(q, T)\n"));
        // Rebound through `global` to what the function is passed: another
        // module may pass zero; a literal above zero keeps the fix.
        assert!(may_be(
            "T = 5\n\ndef configure(t):\n    global T\n    T = t\n\nasync def f(q):\n    wait_for(q, T)\n"
        ));
        assert!(!may_be(
            "T = 5\n\ndef reset():\n    global T\n    T = 10\n\nasync def f(q):\n    wait_for(q, T)\n"
        ));
    }

    /// Augmented assignments are worked out when the values are spelled
    /// (`T >>= 3` of five is zero), or else count by what the operator may
    /// give; any other binder gives a value not known to be above zero.
    #[test]
    fn every_binding_form_and_augmented_assignment() {
        for (source, expected) in [
            ("T = 5\nT >>= 3\n", true),
            ("T = 8\nT >>= 1\n", false),
            ("T = 8\nT >>= 1\nT >>= 1\nT >>= 1\nT >>= 1\n", true),
            ("T = 6\nT &= 1\n", true),
            ("T = 6\nT ^= 6\n", true),
            ("T = 6\nT |= 1\n", false),
            // Underflow: zero.
            ("T = 2\nT **= -2000\n", true),
            ("T = 2\nT **= -2\n", false),
            ("T = 0.5\nT **= 2000\n", true),
            ("T = 1e-200\nT *= 1e-200\n", true),
            ("T = 5\nif c:\n    T = 1\nT -= 2\n", true),
            ("T = 5\nif c:\n    T = 3\nT -= 2\n", false),
            ("T = 5 >> 3\n", true),
            ("T = 5 & 2\n", true),
            ("T = 2 ** -1\n", false),
            // In a loop, or with a value not spelled: by the operator.
            ("T = 8\nfor _ in c:\n    T >>= 1\n", true),
            ("T = 8\nfor _ in c:\n    T *= 0.5\n", true),
            ("T = 8\nfor _ in c:\n    T *= 2\n", false),
            ("T = c\nT += 1\n", false),
            // Other binders.
            (
                "import contextlib\nwith contextlib.nullcontext(0) as T:\n    pass\n",
                true,
            ),
            ("try:\n    pass\nexcept Exception as T:\n    pass\n", true),
            ("match c:\n    case T:\n        pass\n", true),
            ("T = 5\ndel T\n", true),
            (
                "T = 5\ndef f():\n    global T\n    for T in range(2):\n        pass\n",
                true,
            ),
        ] {
            let source = format!("{source}\nasync def f(q):\n    wait_for(q, T)\n");
            assert_eq!(may_be(&source), expected, "{source}");
        }
    }

    /// A call's result is not known to be above zero unless the call is
    /// one the analysis bounds; a chain of names past the bound is not
    /// known either.
    #[test]
    fn calls_and_bounded_arithmetic() {
        for (body, expected) in [
            ("    wait_for(q, len(cfg))\n", true),
            ("    wait_for(q, sum(cfg))\n", true),
            ("    wait_for(q, min(len(cfg), 5))\n", true),
            ("    wait_for(q, len(cfg) * 2)\n", true),
            ("    wait_for(q, cfg.find(\"z\") + 1)\n", true),
            ("    wait_for(q, divmod(5, 5)[1])\n", true),
            ("    wait_for(q, 1 / 10 ** 400)\n", true),
            ("    wait_for(q, cfg.get(\"t\", 5))\n", true),
            ("    wait_for(q, abs(now - 1))\n", true),
            ("    wait_for(q, abs(now - 1) + 1)\n", false),
            ("    wait_for(q, max(now, -1))\n", false),
            ("    wait_for(q, max(0, now - 1))\n", true),
            ("    wait_for(q, max(5, int(now)))\n", false),
            ("    wait_for(q, abs(now) + 0.5)\n", false),
            ("    wait_for(q, len(cfg) + 1)\n", false),
            ("    wait_for(q, min(5, 2 * now))\n", false),
            ("    wait_for(q, max(5, now - 9, key=abs))\n", true),
            ("    wait_for(q, cfg.t or 5)\n", false),
            ("    wait_for(q, len(cfg) or 5)\n", false),
            ("    wait_for(q, 5 if now else 0)\n", true),
            (
                "    for t in range(1, 3, -1):\n        wait_for(q, t)\n",
                true,
            ),
        ] {
            assert_eq!(may_be(&in_f(body)), expected, "{body}");
        }
        let chain = |links: usize| {
            let mut source = "A0 = 5\n".to_string();
            for i in 1..=links {
                source.push_str(&format!("A{i} = A{}\n", i - 1));
            }
            format!("{source}\nasync def f(q):\n    wait_for(q, A{links})\n")
        };
        assert!(!may_be(&chain(3)));
        assert!(may_be(&chain(8)));
    }

    #[test]
    fn parameters_and_their_callers() {
        for (source, expected) in [
            // The default, or what a call of the module passes.
            ("async def take(q, t=0):\n    wait_for(q, t)\n", true),
            ("async def take(q, *, t=-1.0):\n    wait_for(q, t)\n", true),
            (
                "async def take(q, t):\n    wait_for(q, t)\n\nasync def main(q):\n    await take(q, 0)\n",
                true,
            ),
            (
                "async def take(q, t):\n    wait_for(q, t)\n\nasync def main(q):\n    await take(q, t=0)\n",
                true,
            ),
            (
                "async def take(q, t):\n    wait_for(q, t)\n\nasync def main(q):\n    await take(*(q, 0))\n",
                true,
            ),
            (
                "async def take(q, t):\n    wait_for(q, t)\n\nasync def main(q):\n    await take(q, 5)\n    await take(q, t=2)\n",
                false,
            ),
            // A method: the receiver takes the place of `self`.
            (
                "class Inbox:\n    async def receive(self, timeout=None):\n        wait_for(self.q, timeout)\n\nasync def main(box):\n    await box.receive(timeout=0)\n",
                true,
            ),
            (
                "class Inbox:\n    async def receive(self, timeout=None):\n        wait_for(self.q, timeout)\n\nasync def main(box):\n    await box.receive(0)\n",
                true,
            ),
            (
                "class Inbox:\n    async def receive(self, timeout=None):\n        wait_for(self.q, timeout)\n\nasync def main(box):\n    await box.receive(3)\n",
                false,
            ),
            // What the caller passes is followed in turn.
            (
                "async def take(q, t):\n    wait_for(q, t)\n\nasync def poll(q):\n    for t in range(3):\n        await take(q, t)\n",
                true,
            ),
        ] {
            assert_eq!(may_be(source), expected, "{source}");
        }
    }

    #[test]
    fn names_read_skips_nested_scopes() {
        with_context("x = a + (lambda b: b)(c) + [d for d in e]\n", |ctx| {
            let Some(Stmt::Assign(assign)) = ctx.module.body.first() else {
                panic!()
            };
            let names: Vec<&str> = super::names_read(&assign.value)
                .iter()
                .map(|n| n.id.as_str())
                .collect();
            assert_eq!(names, ["a", "c"]);
        });
    }
}
