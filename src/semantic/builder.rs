//! The one pass that builds a [`SemanticModel`].

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{
    self as ast, AnyParameterRef, ExceptHandler, Expr, ExprContext, ModModule, Pattern, Stmt,
};
use ruff_text_size::{Ranged, TextRange};
use std::cell::{OnceCell, RefCell};

use rustc_hash::{FxHashMap, FxHashSet};

use super::scope::{MODULE_SCOPE, Scope, ScopeId, ScopeKind, ScopeNode};
use super::{
    Binding, BindingId, BindingKind, CallSite, ImportReach, Reference, SemanticModel, Suite,
};

pub(super) fn build(module: &ModModule) -> SemanticModel<'_> {
    // Sized from the source's length (about one name read per 12 bytes of
    // typical code), so the vectors rarely grow and move.
    let size = module.range.len().to_usize();
    let mut builder = Builder {
        model: SemanticModel {
            module,
            scopes: vec![Scope::new(
                ScopeKind::Module,
                ScopeNode::Module,
                None,
                module.range,
            )],
            bindings: Vec::with_capacity(size / 48),
            references: Vec::with_capacity(size / 12),
            calls: Vec::with_capacity(size / 64),
            suites: Vec::with_capacity(size / 256),
            stmt_locations: OnceCell::new(),
            bindings_by_name: OnceCell::new(),
            references_by_name: OnceCell::new(),
            imported_modules: FxHashMap::default(),
            imports_by_path: FxHashMap::default(),
            awaited_calls: FxHashSet::default(),
            declaring_scopes: Vec::new(),
            single_imports: FxHashMap::default(),
            dynamic_writes: super::classes::DynamicWrites::default(),
            class_table: OnceCell::new(),
            module_code_entry: OnceCell::new(),
            frames_read_by_themselves: OnceCell::new(),
            reads_builtins_name: OnceCell::new(),
            project: None,
            outer_uses: RefCell::default(),
            shadowed_modules: RefCell::default(),
            value_patterns: FxHashSet::default(),
            star_imports: Vec::new(),
            self_documenting: Vec::new(),
            patches: OnceCell::new(),
            keeping_coroutine: OnceCell::new(),
            context_decorated: OnceCell::new(),
            imported_keeper: OnceCell::new(),
            hand_driver: OnceCell::new(),
            function_index: OnceCell::new(),
            deadline_sites: OnceCell::new(),
        },
        current: MODULE_SCOPE,
        parents: Vec::new(),
        current_stmt: None,
        type_checking: 0,
        function_depth: 0,
    };
    builder.visit_body(&module.body);
    let mut model = builder.model;
    sort_children(&mut model);
    model.single_imports = single_imports(&model);
    model.declaring_scopes = (0..model.scopes.len() as ScopeId)
        .filter(|&id| {
            let scope = &model.scopes[id as usize];
            !scope.globals.is_empty() || !scope.nonlocals.is_empty()
        })
        .collect();
    // Writes by a computed name on plain names: placed on the instances of
    // a class, or on any object (see `SemanticModel::computed_attribute_writes`).
    if model.dynamic_writes.on_plain_names {
        let any = model
            .computed_attribute_writes(false)
            .contains(&super::classes::WriteReach::Any);
        model.dynamic_writes.any_attribute |= any;
        model.dynamic_writes.on_instances = true;
    }
    model
}

/// Every (scope, name) whose bindings all import one same path. Only a name
/// some import binds can qualify, so only import bindings are visited.
fn single_imports<'a>(model: &SemanticModel<'a>) -> FxHashMap<(ScopeId, &'a str), BindingId> {
    let mut found = FxHashMap::default();
    for &id in model.imports_by_path.values().flatten() {
        let binding = &model.bindings[id as usize];
        let Some(bindings) = model.bindings_in(binding.scope, binding.name) else {
            continue;
        };
        let Some((&first, rest)) = bindings.split_first() else {
            continue;
        };
        // Each (scope, name) is decided once, from its first binding.
        if first != id {
            continue;
        }
        let Some(path) = binding.kind.import_path() else {
            continue;
        };
        if rest
            .iter()
            .all(|&other| model.bindings[other as usize].kind.import_path() == Some(path))
        {
            found.insert((binding.scope, binding.name), first);
        }
    }
    found
}

fn sort_children(model: &mut SemanticModel) {
    for i in 0..model.scopes.len() {
        let mut children = std::mem::take(&mut model.scopes[i].children);
        children.sort_by_key(|&c| model.scopes[c as usize].range.start());
        model.scopes[i].children = children;
    }
}

struct Builder<'a> {
    model: SemanticModel<'a>,
    current: ScopeId,
    /// Compound statements around the statement being visited.
    parents: Vec<&'a Stmt>,
    current_stmt: Option<&'a Stmt>,
    /// How many `if TYPE_CHECKING:` bodies the walk is in: imports there
    /// never run.
    type_checking: u32,
    /// How many `def`s and `lambda`s the walk is in (their decorators,
    /// defaults and annotations included), for the module's
    /// [`super::classes::DynamicWrites`].
    function_depth: u32,
}

impl<'a> Builder<'a> {
    fn push_scope(&mut self, kind: ScopeKind, node: ScopeNode<'a>, range: TextRange) -> ScopeId {
        let id = self.model.scopes.len() as ScopeId;
        self.model
            .scopes
            .push(Scope::new(kind, node, Some(self.current), range));
        let parent = &mut self.model.scopes[self.current as usize];
        if matches!(kind, ScopeKind::Comprehension { .. }) {
            parent.comprehension_children.push(id);
        } else {
            parent.children.push(id);
        }
        self.current = id;
        id
    }

    fn pop_scope(&mut self) {
        self.current = self.model.scopes[self.current as usize]
            .parent
            .unwrap_or(MODULE_SCOPE);
    }

    fn bind(&mut self, name: &'a str, kind: BindingKind<'a>, range: TextRange) {
        let scope = self.target_scope(name, self.current);
        self.bind_in(scope, name, kind, range);
    }

    fn bind_in(&mut self, scope: ScopeId, name: &'a str, kind: BindingKind<'a>, range: TextRange) {
        let id = self.model.bindings.len() as BindingId;
        if let BindingKind::Import { qualified, .. } = &kind {
            self.model
                .imports_by_path
                .entry(super::path_hash(qualified))
                .or_default()
                .push(id);
        }
        self.model.bindings.push(Binding {
            name,
            kind,
            range,
            scope,
            stmt: self.current_stmt,
        });
        self.model.scopes[scope as usize].binding_ids.push(id);
    }

    /// The scope an assignment to `name` in `scope` writes to, after `global` and `nonlocal`.
    fn target_scope(&self, name: &str, scope: ScopeId) -> ScopeId {
        let this = &self.model.scopes[scope as usize];
        if this.globals.is_empty() && this.nonlocals.is_empty() {
            return scope;
        }
        if this.globals.contains(name) {
            return MODULE_SCOPE;
        }
        if this.nonlocals.contains(name) {
            let mut current = this.parent;
            while let Some(id) = current {
                let outer = &self.model.scopes[id as usize];
                if outer.is_function()
                    && outer
                        .binding_ids
                        .iter()
                        .any(|&b| self.model.bindings[b as usize].name == name)
                {
                    return id;
                }
                current = outer.parent;
            }
        }
        scope
    }

    fn reference(&mut self, name: &'a str, range: TextRange, is_del: bool) {
        self.model.references.push(Reference {
            name,
            range,
            scope: self.current,
            is_del,
        });
    }

    fn bind_parameters(&mut self, parameters: &'a ast::Parameters) {
        for parameter in parameters.iter() {
            let parameter = AnyParameterRef::as_parameter(parameter);
            self.bind(
                parameter.name.as_str(),
                BindingKind::Parameter,
                parameter.name.range(),
            );
        }
    }

    /// Defaults and annotations, which run in the enclosing scope.
    fn visit_parameter_exprs(&mut self, parameters: &'a ast::Parameters) {
        for default in parameters
            .iter_non_variadic_params()
            .filter_map(|p| p.default.as_deref())
        {
            self.visit_expr(default);
        }
        for parameter in parameters.iter() {
            if let Some(annotation) = AnyParameterRef::as_parameter(parameter).annotation() {
                self.visit_expr(annotation);
            }
        }
    }

    fn visit_comprehension_scope(
        &mut self,
        expr: &'a Expr,
        generators: &'a [ast::Comprehension],
        elements: &[&'a Expr],
        is_generator: bool,
    ) {
        let Some(first) = generators.first() else {
            return;
        };
        // The first iterable runs in the enclosing scope.
        self.visit_expr(&first.iter);
        let scope = self.push_scope(
            ScopeKind::Comprehension { is_generator },
            ScopeNode::Comprehension(expr),
            expr.range(),
        );
        self.model.scopes[scope as usize].hole = Some(first.iter.range());
        for (i, generator) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&generator.iter);
            }
            self.visit_expr(&generator.target);
            for condition in &generator.ifs {
                self.visit_expr(condition);
            }
        }
        for element in elements {
            self.visit_expr(element);
        }
        self.pop_scope();
    }

    /// The scope a `:=` target binds in: comprehensions bind in their enclosing scope.
    fn named_expr_scope(&self) -> ScopeId {
        let mut current = self.current;
        loop {
            let scope = &self.model.scopes[current as usize];
            match (scope.kind, scope.parent) {
                (ScopeKind::Comprehension { .. }, Some(parent)) => current = parent,
                _ => return current,
            }
        }
    }

    fn record_import(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Import(import) => {
                for alias in &import.names {
                    let full = alias.name.as_str();
                    let top = full.split('.').next().unwrap_or(full);
                    self.record_module(top);
                    match &alias.asname {
                        Some(asname) => self.bind(
                            asname.as_str(),
                            BindingKind::Import {
                                qualified: full.into(),
                                from: false,
                            },
                            alias.range(),
                        ),
                        None => self.bind(
                            top,
                            BindingKind::Import {
                                qualified: top.into(),
                                from: false,
                            },
                            alias.range(),
                        ),
                    }
                }
            }
            Stmt::ImportFrom(import) => {
                let module = import.module.as_ref().map_or("", |m| m.as_str());
                if import.level == 0 {
                    let top = module.split('.').next().unwrap_or(module);
                    self.record_module(top);
                }
                let level = import.level as usize;
                for alias in &import.names {
                    let name = alias.name.as_str();
                    if name == "*" {
                        self.model.scopes[self.current as usize].star_import = true;
                        self.model.star_imports.push(stmt);
                        // A standard module whose star import binds known
                        // names: each is bound as `from asyncio import
                        // sleep` binds it (see `SemanticModel::star_names`).
                        if let Some(names) = super::SemanticModel::star_names(stmt) {
                            for &known in names {
                                self.bind(
                                    known,
                                    BindingKind::Import {
                                        qualified: format!("{module}.{known}").into(),
                                        from: true,
                                    },
                                    alias.range(),
                                );
                            }
                        }
                        continue;
                    }
                    // `..mod.name`, `..name`, `mod.name`: built in one allocation.
                    let dot = usize::from(!module.is_empty());
                    let mut qualified =
                        String::with_capacity(level + module.len() + dot + name.len());
                    qualified.extend(std::iter::repeat_n('.', level));
                    qualified.push_str(module);
                    if dot == 1 {
                        qualified.push('.');
                    }
                    qualified.push_str(name);
                    let bound = alias.asname.as_ref().map_or(name, |a| a.as_str());
                    self.bind(
                        bound,
                        BindingKind::Import {
                            qualified: qualified.into(),
                            from: true,
                        },
                        alias.range(),
                    );
                }
            }
            _ => {}
        }
    }

    /// Notes that the module imports `top` at run time, and whether it
    /// always does (see [`ImportReach`]).
    fn record_module(&mut self, top: &'a str) {
        if self.type_checking > 0 {
            return;
        }
        let reach = if self.current == MODULE_SCOPE && self.runs_unconditionally() {
            ImportReach::Always
        } else {
            ImportReach::Sometimes
        };
        let known = self.model.imported_modules.entry(top).or_insert(reach);
        *known = (*known).max(reach);
    }

    /// Whether the statement being visited runs whenever the code around it
    /// does: every compound statement around it (up to the scope's own
    /// definition) is a `with`, or a `try` without handlers whose body holds it.
    fn runs_unconditionally(&self) -> bool {
        let Some(stmt) = self.current_stmt else {
            return true;
        };
        let mut parents = self.parents.iter().rev();
        // The last parent is the statement itself.
        if parents.next().is_none() {
            return true;
        }
        for parent in parents {
            match parent {
                Stmt::With(_) => {}
                Stmt::Try(try_stmt)
                    if try_stmt.handlers.is_empty()
                        && body_range(&try_stmt.body)
                            .is_some_and(|r| r.contains_range(stmt.range())) => {}
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return true,
                _ => return false,
            }
        }
        true
    }

    fn bind_pattern(&mut self, pattern: &'a Pattern) {
        match pattern {
            Pattern::MatchAs(ast::PatternMatchAs {
                name: Some(name), ..
            })
            | Pattern::MatchStar(ast::PatternMatchStar {
                name: Some(name), ..
            }) => {
                self.bind(name.as_str(), BindingKind::Assignment, name.range());
            }
            Pattern::MatchMapping(ast::PatternMatchMapping {
                rest: Some(rest), ..
            }) => {
                self.bind(rest.as_str(), BindingKind::Assignment, rest.range());
            }
            _ => {}
        }
    }
}

impl<'a> Visitor<'a> for Builder<'a> {
    fn visit_body(&mut self, body: &'a [Stmt]) {
        self.model.suites.push(Suite {
            body,
            scope: self.current,
            parent: self.parents.last().copied(),
        });
        visitor::walk_body(self, body);
    }

    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        let outer_stmt = self.current_stmt.replace(stmt);
        self.parents.push(stmt);
        let in_class_body = self.model.scopes[self.current as usize].kind == ScopeKind::Class;
        self.model.dynamic_writes.record_stmt(stmt, in_class_body);
        match stmt {
            Stmt::FunctionDef(def) => {
                self.function_depth += 1;
                for decorator in &def.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(type_params) = &def.type_params {
                    self.visit_type_params(type_params);
                }
                self.visit_parameter_exprs(&def.parameters);
                if let Some(returns) = &def.returns {
                    self.visit_expr(returns);
                }
                self.bind(
                    def.name.as_str(),
                    BindingKind::FunctionDef(def),
                    def.name.range(),
                );
                let range = body_range(&def.body).unwrap_or(def.range);
                self.push_scope(
                    ScopeKind::Function {
                        is_async: def.is_async,
                    },
                    ScopeNode::Function(def),
                    range,
                );
                self.bind_parameters(&def.parameters);
                self.visit_body(&def.body);
                self.pop_scope();
                self.function_depth -= 1;
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
                self.bind(
                    class.name.as_str(),
                    BindingKind::ClassDef(class),
                    class.name.range(),
                );
                let range = body_range(&class.body).unwrap_or(class.range);
                self.push_scope(ScopeKind::Class, ScopeNode::Class(class), range);
                self.visit_body(&class.body);
                self.pop_scope();
            }
            Stmt::Import(_) | Stmt::ImportFrom(_) => self.record_import(stmt),
            Stmt::If(if_stmt) if is_type_checking(&if_stmt.test) => {
                self.visit_expr(&if_stmt.test);
                self.type_checking += 1;
                self.visit_body(&if_stmt.body);
                self.type_checking -= 1;
                for clause in &if_stmt.elif_else_clauses {
                    self.visit_elif_else_clause(clause);
                }
            }
            Stmt::Global(global) => {
                for name in &global.names {
                    self.model.scopes[self.current as usize]
                        .globals
                        .insert(name.as_str());
                }
            }
            Stmt::Nonlocal(nonlocal) => {
                for name in &nonlocal.names {
                    self.model.scopes[self.current as usize]
                        .nonlocals
                        .insert(name.as_str());
                }
            }
            Stmt::AugAssign(assign) => {
                if let Expr::Name(name) = assign.target.as_ref() {
                    self.reference(name.id.as_str(), name.range, false);
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::AnnAssign(assign) if assign.value.is_none() => {
                self.visit_expr(&assign.annotation);
                match assign.target.as_ref() {
                    Expr::Name(name) => {
                        self.bind(name.id.as_str(), BindingKind::Annotation, name.range);
                    }
                    other => self.visit_expr(other),
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
        self.parents.pop();
        self.current_stmt = outer_stmt;
    }

    fn visit_except_handler(&mut self, handler: &'a ExceptHandler) {
        let ExceptHandler::ExceptHandler(inner) = handler;
        if let Some(type_) = &inner.type_ {
            self.visit_expr(type_);
        }
        if let Some(name) = &inner.name {
            self.bind(name.as_str(), BindingKind::Except, name.range());
        }
        self.visit_body(&inner.body);
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        self.bind_pattern(pattern);
        match pattern {
            Pattern::MatchValue(value) => {
                self.model.value_patterns.insert(value.value.range());
            }
            Pattern::MatchMapping(mapping) => {
                self.model
                    .value_patterns
                    .extend(mapping.keys.iter().map(Ranged::range));
            }
            _ => {}
        }
        visitor::walk_pattern(self, pattern);
    }

    fn visit_type_param(&mut self, type_param: &'a ast::TypeParam) {
        let name = type_param.name();
        self.bind(name.as_str(), BindingKind::Assignment, name.range());
        visitor::walk_type_param(self, type_param);
    }

    fn visit_interpolated_string_element(&mut self, element: &'a ast::InterpolatedStringElement) {
        if let ast::InterpolatedStringElement::Interpolation(interpolation) = element
            && interpolation.debug_text.is_some()
        {
            self.model.self_documenting.push(interpolation.range);
        }
        visitor::walk_interpolated_string_element(self, element);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.model
            .dynamic_writes
            .record_expr(expr, self.function_depth);
        match expr {
            Expr::Name(name) => match name.ctx {
                ExprContext::Load => self.reference(name.id.as_str(), name.range, false),
                ExprContext::Store => {
                    self.bind(name.id.as_str(), BindingKind::Assignment, name.range);
                }
                ExprContext::Del => {
                    self.reference(name.id.as_str(), name.range, true);
                    self.bind(name.id.as_str(), BindingKind::Deletion, name.range);
                }
                ExprContext::Invalid => {}
            },
            Expr::Await(awaited) => {
                if let Expr::Call(call) = awaited.value.as_ref() {
                    self.model.awaited_calls.insert(call.range_start);
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Call(call) => {
                self.model.calls.push(CallSite {
                    call,
                    scope: self.current,
                });
                visitor::walk_expr(self, expr);
            }
            Expr::Named(named) => {
                self.visit_expr(&named.value);
                if let Expr::Name(name) = named.target.as_ref() {
                    let scope = self.named_expr_scope();
                    let scope = self.target_scope(name.id.as_str(), scope);
                    self.bind_in(scope, name.id.as_str(), BindingKind::Assignment, name.range);
                } else {
                    self.visit_expr(&named.target);
                }
            }
            Expr::Lambda(lambda) => {
                self.function_depth += 1;
                if let Some(parameters) = &lambda.parameters {
                    self.visit_parameter_exprs(parameters);
                }
                self.push_scope(
                    ScopeKind::Lambda,
                    ScopeNode::Lambda(lambda),
                    lambda.body.range(),
                );
                if let Some(parameters) = &lambda.parameters {
                    self.bind_parameters(parameters);
                }
                self.visit_expr(&lambda.body);
                self.pop_scope();
                self.function_depth -= 1;
            }
            Expr::ListComp(comp) => {
                self.visit_comprehension_scope(expr, &comp.generators, &[&comp.elt], false);
            }
            Expr::SetComp(comp) => {
                self.visit_comprehension_scope(expr, &comp.generators, &[&comp.elt], false);
            }
            Expr::Generator(comp) => {
                self.visit_comprehension_scope(expr, &comp.generators, &[&comp.elt], true);
            }
            Expr::DictComp(comp) => {
                let mut elements: Vec<&Expr> = Vec::with_capacity(2);
                if let Some(key) = comp.key.as_deref() {
                    elements.push(key);
                }
                elements.push(&comp.value);
                self.visit_comprehension_scope(expr, &comp.generators, &elements, false);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// `TYPE_CHECKING` or `typing.TYPE_CHECKING` (any module's): true only
/// for static type checkers, never at run time.
pub(super) fn is_type_checking(test: &Expr) -> bool {
    match test {
        Expr::Name(name) => name.id.as_str() == "TYPE_CHECKING",
        Expr::Attribute(attribute) => attribute.attr.as_str() == "TYPE_CHECKING",
        _ => false,
    }
}

fn body_range(body: &[Stmt]) -> Option<TextRange> {
    Some(TextRange::new(body.first()?.start(), body.last()?.end()))
}
