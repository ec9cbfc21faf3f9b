//! What CPython's compiler rejects beyond the grammar (SPEC §2, valid output):
//! `await` outside an `async def` body or in an annotation, `yield from` in
//! a coroutine, `return` with a value in an async generator, `async with` in
//! a plain function, and the rest of what ruff's [`SemanticSyntaxChecker`]
//! knows. The parser accepts all of these; `python3` refuses to run them.
//!
//! The checker does not walk the tree itself: [`Walk`] does, keeping the
//! scope stack the checker asks about through [`SemanticSyntaxContext`].
//! Only rewritten text is checked, and a fix is refused only for an error its
//! output has more often than the input had it (see [`introduced`]), so a
//! file that already fails to compile for one reason does not make every fix
//! fail.

use std::cell::RefCell;

use ruff_python_ast::statement_visitor::{self, StatementVisitor};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ModModule, PythonVersion, Stmt};
use ruff_python_parser::semantic_errors::{
    InvalidExpressionKind, InvalidExpressionPosition, LazyImportContext, SemanticSyntaxChecker,
    SemanticSyntaxContext, SemanticSyntaxError, SemanticSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashMap;

use crate::semantic::scope::comprehension_is_async;
use crate::version::PyVersion;

/// The errors CPython's compiler would raise for `module` on any Python from
/// `target` to the newest asyncmod knows. A target is a minimum: the file
/// also runs on every later Python, and some rules only exist there (3.14
/// refuses `await` in any annotation; 3.10 refuses an async comprehension in
/// a sync one, 3.11 does not). Each error appears once, however many
/// versions reject it.
pub fn compile_errors(
    module: &ModModule,
    source: &str,
    target: PyVersion,
    notebook: bool,
) -> Vec<SemanticSyntaxError> {
    let target = python_version(target);
    let newest = python_version(PyVersion::NEWEST_TARGET);
    if target < newest {
        errors_at(module, source, &[target, newest], notebook)
    } else {
        errors_at(module, source, &[target], notebook)
    }
}

/// The errors of `module` under each of `versions`, each error once.
fn errors_at(
    module: &ModModule,
    source: &str,
    versions: &[PythonVersion],
    notebook: bool,
) -> Vec<SemanticSyntaxError> {
    let mut walk = Walk {
        source,
        notebook,
        future_annotations: has_future_annotations(module),
        track_globals: source.contains("global"),
        checkers: versions
            .iter()
            .map(|&version| (version, SemanticSyntaxChecker::new()))
            .collect(),
        scopes: vec![Scope::new(ScopeKind::Module, &EMPTY_PARAMETERS, Vec::new())],
        in_try: 0,
        errors: RefCell::new(Vec::new()),
    };
    walk.scopes[0].globals = walk.globals_of(&module.body);
    walk.visit_body(&module.body);
    let mut errors = walk.errors.into_inner();
    // The same error found by two versions' checkers is one error.
    let mut seen = rustc_hash::FxHashSet::default();
    errors.retain(|e| seen.insert((e.kind.clone(), e.range)));
    errors.sort_by_key(|e| e.range.start());
    errors
}

/// The first error of `output` that the input does not explain: one whose
/// kind the output has more often than `input` has it. Positions move
/// between input and output, so errors are matched by kind (which carries
/// the names involved), not by place.
pub fn introduced<'e>(
    input: &[SemanticSyntaxError],
    output: &'e [SemanticSyntaxError],
) -> Option<&'e SemanticSyntaxError> {
    let mut allowed: FxHashMap<&SemanticSyntaxErrorKind, usize> = FxHashMap::default();
    for error in input {
        *allowed.entry(&error.kind).or_default() += 1;
    }
    output
        .iter()
        .find(|error| match allowed.get_mut(&error.kind) {
            Some(left) if *left > 0 => {
                *left -= 1;
                false
            }
            _ => true,
        })
}

fn python_version(version: PyVersion) -> PythonVersion {
    PythonVersion {
        major: version.major,
        minor: version.minor,
    }
}

/// Whether the module starts with `from __future__ import annotations`
/// (a `__future__` import anywhere else is an error of its own).
fn has_future_annotations(module: &ModModule) -> bool {
    module.body.iter().any(|stmt| {
        matches!(stmt, Stmt::ImportFrom(import)
            if import.module.as_deref() == Some("__future__")
                && import.names.iter().any(|alias| alias.name.as_str() == "annotations"))
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Class,
    Function {
        is_async: bool,
    },
    Lambda,
    /// A list, set or dict comprehension, or a generator expression.
    Comprehension {
        is_async: bool,
        generator: bool,
    },
}

struct Scope<'a> {
    kind: ScopeKind,
    /// `for`/`while` bodies around the current statement, in this scope.
    loops: u32,
    parameters: Vec<&'a str>,
    /// The `global` declarations of this scope's own body.
    globals: Vec<(&'a str, TextRange)>,
}

impl<'a> Scope<'a> {
    fn new(
        kind: ScopeKind,
        parameters: &'a ast::Parameters,
        globals: Vec<(&'a str, TextRange)>,
    ) -> Self {
        Scope {
            kind,
            loops: 0,
            parameters: parameters.iter().map(|p| p.name().as_str()).collect(),
            globals,
        }
    }
}

/// Walks a module in CPython's scopes, calling one checker per version.
struct Walk<'a> {
    source: &'a str,
    notebook: bool,
    future_annotations: bool,
    /// Whether the source has a `global` statement at all (most have none).
    track_globals: bool,
    checkers: Vec<(PythonVersion, SemanticSyntaxChecker)>,
    scopes: Vec<Scope<'a>>,
    /// `try` statements around the current one (for `lazy import`).
    in_try: u32,
    errors: RefCell<Vec<SemanticSyntaxError>>,
}

/// The walk's state as seen by the checker of one version.
struct At<'w, 'a> {
    walk: &'w Walk<'a>,
    version: PythonVersion,
}

impl<'a> Walk<'a> {
    fn check_stmt(&mut self, stmt: &Stmt) {
        let mut checkers = std::mem::take(&mut self.checkers);
        for (version, checker) in &mut checkers {
            checker.visit_stmt(
                stmt,
                &At {
                    walk: self,
                    version: *version,
                },
            );
            self.annotation_under_future_import(stmt, *version);
        }
        self.checkers = checkers;
    }

    fn check_expr(&mut self, expr: &Expr) {
        let mut checkers = std::mem::take(&mut self.checkers);
        for (version, checker) in &mut checkers {
            checker.visit_expr(
                expr,
                &At {
                    walk: self,
                    version: *version,
                },
            );
        }
        self.checkers = checkers;
    }

    /// Under `from __future__ import annotations`, CPython before 3.14 still
    /// refuses `await`, `yield` and `:=` in a variable's annotation, which the
    /// checker only reports from 3.14 on (where every annotation is lazy).
    fn annotation_under_future_import(&self, stmt: &Stmt, version: PythonVersion) {
        if !self.future_annotations || version > PythonVersion::PY313 {
            return;
        }
        let Stmt::AnnAssign(ast::StmtAnnAssign { annotation, .. }) = stmt else {
            return;
        };
        let mut finder = InvalidInAnnotation::default();
        finder.visit_expr(annotation);
        for (kind, range) in finder.found {
            self.errors.borrow_mut().push(SemanticSyntaxError {
                kind: SemanticSyntaxErrorKind::InvalidExpression(
                    kind,
                    InvalidExpressionPosition::TypeAnnotation,
                ),
                range,
                python_version: version,
            });
        }
    }

    /// Before 3.11, an `await` makes a list, set or dict comprehension
    /// asynchronous, and CPython rejects an asynchronous comprehension in a
    /// synchronous one (or in a generator expression) even in an `async def`.
    /// The checker only knows the `async for` half of this rule.
    fn awaiting_comprehension_in_sync_comprehension(&self, expr: &Expr) {
        let in_sync = matches!(
            self.current().map(|s| s.kind),
            Some(ScopeKind::Comprehension {
                is_async: false,
                ..
            })
        );
        if !in_sync {
            return;
        }
        for (version, _) in &self.checkers {
            if *version < PythonVersion::PY311 {
                self.errors.borrow_mut().push(SemanticSyntaxError {
                    kind: SemanticSyntaxErrorKind::AsyncComprehensionInSyncComprehension(*version),
                    range: expr.range(),
                    python_version: *version,
                });
            }
        }
    }

    /// The `global` declarations directly in `body` (not in nested scopes).
    fn globals_of(&self, body: &'a [Stmt]) -> Vec<(&'a str, TextRange)> {
        if !self.track_globals {
            return Vec::new();
        }
        let mut collector = Globals::default();
        collector.visit_body(body);
        collector.found
    }

    fn in_scope(&mut self, scope: Scope<'a>, f: impl FnOnce(&mut Self)) {
        self.scopes.push(scope);
        f(self);
        self.scopes.pop();
    }

    fn current(&self) -> Option<&Scope<'a>> {
        self.scopes.last()
    }

    /// The innermost scope that is not a comprehension: the function,
    /// lambda, class or module the current code belongs to.
    fn owner(&self) -> Option<&Scope<'a>> {
        self.scopes
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, ScopeKind::Comprehension { .. }))
    }

    fn in_loop_body(&mut self, body: &'a [Stmt]) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.loops += 1;
        }
        self.visit_body(body);
        if let Some(scope) = self.scopes.last_mut() {
            scope.loops = scope.loops.saturating_sub(1);
        }
    }

    /// A comprehension: its first iterable is evaluated in the enclosing
    /// scope, everything else in the comprehension's own.
    fn comprehension(
        &mut self,
        expr: &'a Expr,
        generators: &'a [ast::Comprehension],
        generator: bool,
        elements: &[&'a Expr],
    ) {
        let Some((first, rest)) = generators.split_first() else {
            return;
        };
        self.visit_expr(&first.iter);
        let is_async = comprehension_is_async(expr);
        if is_async && !generator && !generators.iter().any(|g| g.is_async) {
            self.awaiting_comprehension_in_sync_comprehension(expr);
        }
        let kind = ScopeKind::Comprehension {
            is_async,
            generator,
        };
        self.in_scope(Scope::new(kind, &EMPTY_PARAMETERS, Vec::new()), |walk| {
            walk.visit_expr(&first.target);
            for condition in &first.ifs {
                walk.visit_expr(condition);
            }
            for clause in rest {
                walk.visit_comprehension(clause);
            }
            for element in elements {
                walk.visit_expr(element);
            }
        });
    }
}

static EMPTY_PARAMETERS: std::sync::LazyLock<ast::Parameters> =
    std::sync::LazyLock::new(ast::Parameters::default);

impl<'a> Visitor<'a> for Walk<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.check_stmt(stmt);
        match stmt {
            Stmt::FunctionDef(def) => {
                // Decorators, defaults and annotations run where the def is.
                for decorator in &def.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(type_params) = &def.type_params {
                    self.visit_type_params(type_params);
                }
                self.visit_parameters(&def.parameters);
                if let Some(returns) = &def.returns {
                    self.visit_annotation(returns);
                }
                let scope = Scope::new(
                    ScopeKind::Function {
                        is_async: def.is_async,
                    },
                    &def.parameters,
                    self.globals_of(&def.body),
                );
                self.in_scope(scope, |walk| walk.visit_body(&def.body));
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(type_params) = &class.type_params {
                    self.visit_type_params(type_params);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                let scope = Scope::new(
                    ScopeKind::Class,
                    &EMPTY_PARAMETERS,
                    self.globals_of(&class.body),
                );
                self.in_scope(scope, |walk| walk.visit_body(&class.body));
            }
            Stmt::For(ast::StmtFor {
                target,
                iter,
                body,
                orelse,
                ..
            }) => {
                self.visit_expr(iter);
                self.visit_expr(target);
                self.in_loop_body(body);
                self.visit_body(orelse);
            }
            Stmt::While(ast::StmtWhile {
                test, body, orelse, ..
            }) => {
                self.visit_expr(test);
                self.in_loop_body(body);
                self.visit_body(orelse);
            }
            Stmt::Try(_) => {
                self.in_try += 1;
                visitor::walk_stmt(self, stmt);
                self.in_try -= 1;
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.check_expr(expr);
        match expr {
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.visit_parameters(parameters);
                }
                let parameters = lambda.parameters.as_deref().unwrap_or(&EMPTY_PARAMETERS);
                let scope = Scope::new(ScopeKind::Lambda, parameters, Vec::new());
                self.in_scope(scope, |walk| walk.visit_expr(&lambda.body));
            }
            Expr::ListComp(ast::ExprListComp {
                elt, generators, ..
            })
            | Expr::SetComp(ast::ExprSetComp {
                elt, generators, ..
            }) => self.comprehension(expr, generators, false, &[elt]),
            Expr::Generator(ast::ExprGenerator {
                elt, generators, ..
            }) => self.comprehension(expr, generators, true, &[elt]),
            Expr::DictComp(ast::ExprDictComp {
                key,
                value,
                generators,
                ..
            }) => {
                let mut elements: Vec<&Expr> = Vec::with_capacity(2);
                if let Some(key) = key {
                    elements.push(key);
                }
                elements.push(value);
                self.comprehension(expr, generators, false, &elements);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

impl SemanticSyntaxContext for At<'_, '_> {
    fn future_annotations_or_stub(&self) -> bool {
        self.walk.future_annotations
    }

    fn lazy_import_context(&self) -> Option<LazyImportContext> {
        match self.walk.current().map(|s| s.kind) {
            Some(ScopeKind::Function { .. } | ScopeKind::Lambda) => {
                return Some(LazyImportContext::Function);
            }
            Some(ScopeKind::Class) => return Some(LazyImportContext::Class),
            _ => {}
        }
        (self.walk.in_try > 0).then_some(LazyImportContext::TryExceptBlocks)
    }

    fn python_version(&self) -> PythonVersion {
        self.version
    }

    fn source(&self) -> &str {
        self.walk.source
    }

    fn global(&self, name: &str) -> Option<TextRange> {
        self.walk
            .owner()?
            .globals
            .iter()
            .find(|(global, _)| *global == name)
            .map(|(_, range)| *range)
    }

    /// Not checked: no fix writes a `nonlocal` statement.
    fn has_nonlocal_binding(&self, _name: &str) -> bool {
        true
    }

    /// A comprehension takes the asyncness of the function around it.
    fn in_async_context(&self) -> bool {
        for scope in self.walk.scopes.iter().rev() {
            match scope.kind {
                ScopeKind::Comprehension { .. } => {}
                ScopeKind::Function { is_async } => return is_async,
                ScopeKind::Lambda | ScopeKind::Class | ScopeKind::Module => return false,
            }
        }
        false
    }

    /// `await` is allowed by the grammar of any function, lambda or
    /// generator expression (the asyncness is checked apart); a class body
    /// or the module refuses it.
    fn in_await_allowed_context(&self) -> bool {
        for scope in self.walk.scopes.iter().rev() {
            match scope.kind {
                ScopeKind::Comprehension {
                    generator: true, ..
                } => return true,
                ScopeKind::Comprehension { .. } => {}
                ScopeKind::Function { .. } | ScopeKind::Lambda => return true,
                ScopeKind::Class | ScopeKind::Module => return false,
            }
        }
        false
    }

    fn in_yield_allowed_context(&self) -> bool {
        self.in_function_scope()
    }

    fn in_sync_comprehension(&self) -> bool {
        for scope in self.walk.scopes.iter().rev() {
            match scope.kind {
                ScopeKind::Comprehension {
                    is_async: false, ..
                } => return true,
                ScopeKind::Comprehension { .. } => {}
                _ => return false,
            }
        }
        false
    }

    fn in_class_body_comprehension(&self) -> bool {
        self.walk
            .owner()
            .is_some_and(|s| s.kind == ScopeKind::Class)
    }

    fn in_module_scope(&self) -> bool {
        self.walk
            .owner()
            .is_some_and(|s| s.kind == ScopeKind::Module)
    }

    fn in_function_scope(&self) -> bool {
        self.walk
            .current()
            .is_some_and(|s| matches!(s.kind, ScopeKind::Function { .. } | ScopeKind::Lambda))
    }

    fn in_generator_context(&self) -> bool {
        for scope in self.walk.scopes.iter().rev() {
            match scope.kind {
                ScopeKind::Comprehension {
                    generator: true, ..
                } => return true,
                ScopeKind::Comprehension { .. } => {}
                _ => return false,
            }
        }
        false
    }

    fn in_notebook(&self) -> bool {
        self.walk.notebook
    }

    fn report_semantic_error(&self, error: SemanticSyntaxError) {
        self.walk.errors.borrow_mut().push(error);
    }

    fn in_loop_context(&self) -> bool {
        self.walk.owner().is_some_and(|s| s.loops > 0)
    }

    fn is_bound_parameter(&self, name: &str) -> bool {
        self.walk
            .owner()
            .is_some_and(|s| s.parameters.contains(&name))
    }
}

/// `await`, `yield` and `:=` anywhere in an annotation.
#[derive(Default)]
struct InvalidInAnnotation {
    found: Vec<(InvalidExpressionKind, TextRange)>,
}

impl<'a> Visitor<'a> for InvalidInAnnotation {
    fn visit_expr(&mut self, expr: &'a Expr) {
        let kind = match expr {
            Expr::Await(_) => Some(InvalidExpressionKind::Await),
            Expr::Yield(_) | Expr::YieldFrom(_) => Some(InvalidExpressionKind::Yield),
            Expr::Named(_) => Some(InvalidExpressionKind::NamedExpr),
            _ => None,
        };
        if let Some(kind) = kind {
            self.found.push((kind, expr.range()));
        }
        visitor::walk_expr(self, expr);
    }
}

/// The `global` statements of one scope's body.
#[derive(Default)]
struct Globals<'a> {
    found: Vec<(&'a str, TextRange)>,
}

impl<'a> StatementVisitor<'a> for Globals<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Global(global) => self.found.extend(
                global
                    .names
                    .iter()
                    .map(|name| (name.as_str(), global.range)),
            ),
            _ => statement_visitor::walk_stmt(self, stmt),
        }
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::PythonVersion;

    use super::{compile_errors, errors_at, introduced};
    use crate::version::PyVersion;
    use ruff_python_parser::parse_module as parse;

    /// Each snippet with whether CPython 3.10, 3.11 and 3.13 compile it
    /// (recorded from `compile(src, name, "exec")` on each).
    const CPYTHON: &[(&str, &str, [bool; 3])] = &[
        (
            "await_in_async",
            "async def f():\n    await x\n",
            [true, true, true],
        ),
        (
            "await_in_sync",
            "def f():\n    await x\n",
            [false, false, false],
        ),
        ("await_module", "await x\n", [false, false, false]),
        (
            "await_lambda",
            "async def f():\n    lambda: await x\n",
            [false, false, false],
        ),
        (
            "await_class_body",
            "async def f():\n    class A:\n        await x\n",
            [false, false, false],
        ),
        (
            "await_method_of_class_in_async",
            "async def f():\n    class A:\n        def m(self):\n            await x\n",
            [false, false, false],
        ),
        (
            "await_async_method",
            "class A:\n    async def m(self):\n        await x\n",
            [true, true, true],
        ),
        (
            "await_nested_sync_def",
            "async def f():\n    def g():\n        await x\n",
            [false, false, false],
        ),
        (
            "await_default_arg",
            "async def f():\n    def g(a=await x): pass\n",
            [true, true, true],
        ),
        (
            "await_decorator",
            "async def f():\n    @await d\n    def g(): pass\n",
            [true, true, true],
        ),
        (
            "await_class_base",
            "async def f():\n    class A(await b): pass\n",
            [true, true, true],
        ),
        (
            "await_param_annotation",
            "async def f():\n    def g(a: await x): pass\n",
            [true, true, true],
        ),
        (
            "await_return_annotation",
            "async def f():\n    def g() -> await x: pass\n",
            [true, true, true],
        ),
        (
            "await_var_annotation_in_async",
            "async def f():\n    x: await c() = 1\n",
            [true, true, true],
        ),
        (
            "await_var_annotation_module",
            "x: await c() = 1\n",
            [false, false, false],
        ),
        (
            "await_var_annotation_class_in_async",
            "async def f():\n    class A:\n        x: await c() = 1\n",
            [false, false, false],
        ),
        (
            "fut_await_var_annotation_module",
            "from __future__ import annotations\nx: await c() = 1\n",
            [false, false, false],
        ),
        (
            "fut_await_var_annotation_in_async",
            "from __future__ import annotations\nasync def f():\n    x: await c() = 1\n",
            [false, false, false],
        ),
        (
            "fut_await_var_annotation_no_value",
            "from __future__ import annotations\nasync def f():\n    x: await c()\n",
            [false, false, false],
        ),
        (
            "fut_await_attr_annotation",
            "from __future__ import annotations\nasync def f():\n    self.x: list[await c()] = 1\n",
            [false, false, false],
        ),
        (
            "fut_await_param_annotation",
            "from __future__ import annotations\nasync def f():\n    def g(a: await x): pass\n",
            [false, false, false],
        ),
        (
            "fut_await_return_annotation",
            "from __future__ import annotations\nasync def f():\n    def g() -> await x: pass\n",
            [false, false, false],
        ),
        (
            "fut_yield_var_annotation",
            "from __future__ import annotations\ndef f():\n    x: (yield) = 1\n",
            [false, false, false],
        ),
        (
            "fut_walrus_var_annotation",
            "from __future__ import annotations\nx: (y := 1) = 1\n",
            [false, false, false],
        ),
        (
            "fut_await_value_ok",
            "from __future__ import annotations\nasync def f():\n    x: int = await c()\n",
            [true, true, true],
        ),
        (
            "listcomp_await_async",
            "async def f():\n    [await x for x in y]\n",
            [true, true, true],
        ),
        (
            "listcomp_await_sync",
            "def f():\n    [await x for x in y]\n",
            [false, false, false],
        ),
        (
            "setcomp_await_sync",
            "def f():\n    {await x for x in y}\n",
            [false, false, false],
        ),
        (
            "dictcomp_await_sync",
            "def f():\n    {k: await v for k, v in y}\n",
            [false, false, false],
        ),
        (
            "genexp_await_sync",
            "def f():\n    (await x for x in y)\n",
            [true, true, true],
        ),
        (
            "genexp_await_module",
            "(await x for x in y)\n",
            [true, true, true],
        ),
        (
            "listcomp_await_module",
            "[await x for x in y]\n",
            [false, false, false],
        ),
        (
            "listcomp_in_genexp_sync",
            "def f():\n    ([await x for x in y] for z in w)\n",
            [false, true, true],
        ),
        (
            "genexp_in_listcomp_sync",
            "def f():\n    [(await x for x in y) for z in w]\n",
            [true, true, true],
        ),
        (
            "genexp_first_iter_await_sync",
            "def f():\n    (x for x in await y)\n",
            [false, false, false],
        ),
        (
            "genexp_second_iter_await_sync",
            "def f():\n    (x for y in z for x in await y)\n",
            [true, true, true],
        ),
        (
            "listcomp_second_iter_await_sync",
            "def f():\n    [x for y in z for x in await y]\n",
            [false, false, false],
        ),
        (
            "listcomp_if_await_async",
            "async def f():\n    [x for x in y if await x]\n",
            [true, true, true],
        ),
        (
            "async_comp_sync",
            "def f():\n    [x async for x in y]\n",
            [false, false, false],
        ),
        (
            "async_genexp_sync",
            "def f():\n    (x async for x in y)\n",
            [true, true, true],
        ),
        (
            "async_comp_in_first_iter_sync",
            "def f():\n    (x for x in [a async for a in b])\n",
            [false, false, false],
        ),
        (
            "async_comp_in_sync_comp_async",
            "async def f():\n    [[x async for x in a] for b in c]\n",
            [false, true, true],
        ),
        (
            "async_comp_in_async_comp_async",
            "async def f():\n    [[x async for x in a] async for b in c]\n",
            [true, true, true],
        ),
        (
            "async_comp_in_lambda_in_async",
            "async def f():\n    lambda: [x async for x in y]\n",
            [false, false, false],
        ),
        (
            "await_genexp_in_lambda",
            "def f():\n    lambda: (await x for x in y)\n",
            [true, true, true],
        ),
        (
            "yield_from_async",
            "async def f():\n    yield from x\n",
            [false, false, false],
        ),
        (
            "yield_from_sync",
            "def f():\n    yield from x\n",
            [true, true, true],
        ),
        (
            "yield_in_async",
            "async def f():\n    yield 1\n",
            [true, true, true],
        ),
        (
            "return_value_async_gen",
            "async def f():\n    yield 1\n    return 2\n",
            [false, false, false],
        ),
        (
            "return_bare_async_gen",
            "async def f():\n    yield 1\n    return\n",
            [true, true, true],
        ),
        (
            "return_value_async_gen_nested_def",
            "async def f():\n    yield 1\n    def g():\n        return 2\n",
            [true, true, true],
        ),
        (
            "return_value_async_gen_lambda_yield",
            "async def f():\n    lambda: (yield)\n    return 2\n",
            [true, true, true],
        ),
        (
            "async_with_sync",
            "def f():\n    async with x: pass\n",
            [false, false, false],
        ),
        (
            "async_for_sync",
            "def f():\n    async for a in x: pass\n",
            [false, false, false],
        ),
        (
            "async_with_module",
            "async with x: pass\n",
            [false, false, false],
        ),
        (
            "async_with_async",
            "async def f():\n    async with x: pass\n",
            [true, true, true],
        ),
        (
            "async_with_in_class_in_async",
            "async def f():\n    class A:\n        async with x: pass\n",
            [false, false, false],
        ),
        (
            "yield_listcomp",
            "def f():\n    [(yield) for x in y]\n",
            [false, false, false],
        ),
        ("yield_module", "yield 1\n", [false, false, false]),
        ("return_module", "return 1\n", [false, false, false]),
        (
            "break_outside",
            "def f():\n    break\n",
            [false, false, false],
        ),
        (
            "break_loop_else",
            "for x in y:\n    pass\nelse:\n    break\n",
            [false, false, false],
        ),
        (
            "break_in_loop_in_def",
            "def f():\n    for x in y:\n        def g():\n            break\n",
            [false, false, false],
        ),
        (
            "continue_in_loop",
            "while x:\n    if y:\n        continue\n",
            [true, true, true],
        ),
        (
            "global_after_assign",
            "def f():\n    x = 1\n    global x\n",
            [false, false, false],
        ),
        (
            "global_after_use",
            "def f():\n    print(x)\n    global x\n",
            [false, false, false],
        ),
        (
            "global_before_use",
            "def f():\n    global x\n    x = 1\n",
            [true, true, true],
        ),
        (
            "global_param",
            "def f(x):\n    global x\n",
            [false, false, false],
        ),
        (
            "global_annotated",
            "def f():\n    global x\n    x: int = 1\n",
            [false, false, false],
        ),
        (
            "late_future",
            "import os\nfrom __future__ import annotations\n",
            [false, false, false],
        ),
        (
            "future_after_docstring",
            "'''doc'''\nfrom __future__ import annotations\nimport os\n",
            [true, true, true],
        ),
        (
            "star_import_in_def",
            "def f():\n    from os import *\n",
            [false, false, false],
        ),
        (
            "duplicate_param",
            "def f(a, a): pass\n",
            [false, false, false],
        ),
        ("duplicate_kwarg", "f(a=1, a=2)\n", [false, false, false]),
        (
            "await_fstring_sync",
            "def f():\n    f'{await x}'\n",
            [false, false, false],
        ),
        (
            "await_fstring_async",
            "async def f():\n    f'{await x}'\n",
            [true, true, true],
        ),
        (
            "walrus_comp_iter",
            "[x for x in (y := [1])]\n",
            [false, false, false],
        ),
        (
            "walrus_class_comp",
            "class A:\n    [(y := x) for x in z]\n",
            [false, false, false],
        ),
        ("nonlocal_module", "nonlocal x\n", [false, false, false]),
        (
            "await_in_except_async",
            "async def f():\n    try:\n        pass\n    except (await e):\n        pass\n",
            [true, true, true],
        ),
        (
            "await_with_item_sync",
            "def f():\n    with (await x): pass\n",
            [false, false, false],
        ),
        (
            "await_match_sync",
            "def f():\n    match await x:\n        case _: pass\n",
            [false, false, false],
        ),
        (
            "await_in_class_in_sync_comp",
            "async def f():\n    class A:\n        [await x for x in y]\n",
            [false, false, false],
        ),
        (
            "await_genexp_in_class_body",
            "class A:\n    (await x for x in y)\n",
            [true, true, true],
        ),
        (
            "await_lambda_default_async",
            "async def f():\n    lambda a=await x: a\n",
            [true, true, true],
        ),
        // An `await` makes a comprehension asynchronous before 3.11 too
        // (3.10 values from CPython 3.10's compiler: an asynchronous
        // comprehension needs an asynchronous scope around it, and a
        // comprehension around it counts only with an `await` or `async
        // for` of its own).
        (
            "await_comp_in_sync_comp_async",
            "async def f():\n    [[await x for x in a] for b in c]\n",
            [false, true, true],
        ),
        (
            "await_dictcomp_in_setcomp_async",
            "async def f():\n    {frozenset({k: await v for k, v in a}) for b in c}\n",
            [false, true, true],
        ),
        (
            "await_comp_in_genexp_async",
            "async def f():\n    ([await x for x in a] for b in c)\n",
            [false, true, true],
        ),
        (
            "await_comp_in_async_comp_async",
            "async def f():\n    [[await x for x in a] async for b in c]\n",
            [true, true, true],
        ),
        (
            "await_comp_in_awaiting_comp_async",
            "async def f():\n    [[await x for x in a] + [await y] for b in c]\n",
            [true, true, true],
        ),
        (
            "async_comp_in_awaiting_comp_async",
            "async def f():\n    [[x async for x in a] for b in c if await b]\n",
            [true, true, true],
        ),
        (
            "await_comp_in_first_iter_async",
            "async def f():\n    [b for b in [await x for x in a]]\n",
            [true, true, true],
        ),
        (
            "await_genexp_in_comp_async",
            "async def f():\n    [(await x for x in a) for b in c]\n",
            [true, true, true],
        ),
        (
            "await_comp_in_sync_comp_sync",
            "def f():\n    [[await x for x in a] for b in c]\n",
            [false, false, false],
        ),
        (
            "async_comp_in_genexp_in_sync_comp_async",
            "async def f():\n    [([x async for x in a] for b in c) for d in e]\n",
            [false, true, true],
        ),
        (
            "irrefutable_case",
            "match x:\n    case y: pass\n    case 1: pass\n",
            [false, false, false],
        ),
        ("del_debug", "del __debug__\n", [false, false, false]),
        ("assign_debug", "__debug__ = 1\n", [false, false, false]),
        (
            "async_for_in_async_genexp_module",
            "(x async for x in y)\n",
            [true, true, true],
        ),
        (
            "await_in_async_lambda_default_nested_def",
            "async def f():\n    def g(a=lambda: await x): pass\n",
            [false, false, false],
        ),
    ];

    fn errors(source: &str, version: PythonVersion) -> Vec<String> {
        let parsed = parse(source).unwrap_or_else(|e| panic!("{e}\n{source}"));
        errors_at(parsed.syntax(), source, &[version], false)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn agrees_with_cpython() {
        let versions = [
            PythonVersion::PY310,
            PythonVersion::PY311,
            PythonVersion::PY313,
        ];
        let mut wrong = Vec::new();
        for (name, source, compiles) in CPYTHON {
            for (version, compiles) in versions.iter().zip(compiles) {
                let errors = errors(source, *version);
                let expected = *compiles;
                if errors.is_empty() != expected {
                    wrong.push(format!(
                        "{name} on {version}: CPython compiles: {compiles}, found {errors:?}"
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    fn introduced_in(input: &str, output: &str, target: PyVersion) -> Option<String> {
        let before = parse(input).unwrap_or_else(|e| panic!("{e}\n{input}"));
        let after = parse(output).unwrap_or_else(|e| panic!("{e}\n{output}"));
        let before = compile_errors(before.syntax(), input, target, false);
        let after = compile_errors(after.syntax(), output, target, false);
        introduced(&before, &after).map(ToString::to_string)
    }

    #[test]
    fn a_new_error_is_introduced() {
        let input = "from __future__ import annotations\nimport asyncio\nasync def f():\n    x: asyncio.run(c()) = 1\n";
        let output = "from __future__ import annotations\nimport asyncio\nasync def f():\n    x: await c() = 1\n";
        assert_eq!(
            introduced_in(input, output, PyVersion::PY311).as_deref(),
            Some("await expression cannot be used within a type annotation")
        );
    }

    #[test]
    fn an_error_the_input_had_is_not_introduced() {
        // The input already awaits in a plain function; a fix elsewhere in
        // the file keeps that error and adds none.
        let input = "def g():\n    await x\nasync def f():\n    time.sleep(1)\n";
        let output = "def g():\n    await x\nasync def f():\n    await asyncio.sleep(1)\n";
        assert_eq!(introduced_in(input, output, PyVersion::PY311), None);
        // One more of the same kind is introduced.
        let output = "def g():\n    await x\ndef f():\n    await asyncio.sleep(1)\n";
        assert!(introduced_in(input, output, PyVersion::PY311).is_some());
    }

    #[test]
    fn an_awaiting_comprehension_in_a_synchronous_one_is_refused_before_3_11() {
        let input = "async def f(c):\n    return [[asyncio.run(g(x)) for x in a] for a in c]\n";
        let output = "async def f(c):\n    return [[await g(x) for x in a] for a in c]\n";
        assert!(
            introduced_in(input, output, PyVersion::PY310)
                .is_some_and(|e| e.contains("asynchronous comprehension"))
        );
        assert!(introduced_in(input, output, PyVersion::new(3, 8)).is_some());
        assert_eq!(introduced_in(input, output, PyVersion::PY311), None);
        // The outer comprehension awaits already: 3.10 accepts it.
        let input =
            "async def f(c):\n    return [[asyncio.run(g(x)) for x in a] for a in c if await a]\n";
        let output =
            "async def f(c):\n    return [[await g(x) for x in a] for a in c if await a]\n";
        assert_eq!(introduced_in(input, output, PyVersion::PY310), None);
    }

    #[test]
    fn newer_pythons_count_for_an_older_target() {
        // 3.11 accepts `await` in a local variable's annotation; 3.14 does not.
        let input = "async def f():\n    x: int = 1\n";
        let output = "async def f():\n    x: await c() = 1\n";
        assert!(introduced_in(input, output, PyVersion::PY311).is_some());
    }

    #[test]
    fn a_notebook_awaits_at_top_level() {
        let source = "await x\n[await y for y in z]\nasync with a:\n    pass\n";
        let parsed = parse(source).expect("parses");
        assert!(compile_errors(parsed.syntax(), source, PyVersion::PY311, true).is_empty());
        assert!(!compile_errors(parsed.syntax(), source, PyVersion::PY311, false).is_empty());
        let source = "def f():\n    await x\n";
        let parsed = parse(source).expect("parses");
        assert!(!compile_errors(parsed.syntax(), source, PyVersion::PY311, true).is_empty());
    }
}
