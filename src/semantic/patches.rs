//! Which members of imported modules the module may replace at run time
//! (`asyncio.Queue = CompatQueue`, `setattr(asyncio, "sleep", fake)`,
//! `mock.patch("asyncio.sleep")`, `vars(asyncio)[name] = …`): a fix that
//! rewrites a use of `asyncio.X` into something else keeps the program's
//! meaning only while `asyncio.X` is asyncio's own `X`. Built once, on the
//! first question, from one walk of the module.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ExprCall, ExprContext, InterpolatedStringElement};
use ruff_text_size::Ranged;
use rustc_hash::FxHashSet;

use super::imports::Lookup;
use super::project::NamedWrite;
use super::scope::MODULE_SCOPE;
use super::{BindingKind, ScopeId, SemanticModel};

/// What the module may replace in other modules (see
/// [`SemanticModel::may_patch`]).
#[derive(Debug, Default)]
pub struct Patches {
    /// Members assigned or deleted through the module (`time.sleep = …`,
    /// `setattr(time, "sleep", …)`, `patch.object(time, "sleep")`), by
    /// qualified name (`time.sleep`).
    members: FxHashSet<String>,
    /// Dotted strings given to calls (`mock.patch("app.time.sleep")`): a
    /// member reached through another module's attribute counts too.
    dotted: Vec<String>,
    /// The literal start of a target the code builds
    /// (`mock.patch(f"asyncio.{name}")` starts with `asyncio.`).
    prefixes: Vec<String>,
    /// Modules any member of which may be replaced: the module object
    /// handed to a call (`patch.multiple(asyncio, sleep=…)`, `setattr(asyncio,
    /// name, …)`), stored (`m = asyncio`), or its namespace reached
    /// (`asyncio.__dict__`, `vars(asyncio)`).
    any_member_of: FxHashSet<String>,
    /// A patch target the code computes and does not spell
    /// (`mock.patch(target)`, `monkeypatch.setattr(target, value)`): any
    /// member of any module.
    anything: bool,
}

impl Patches {
    fn may_patch(&self, qualified: &str) -> bool {
        if self.anything || self.members.contains(qualified) {
            return true;
        }
        let mut module = qualified;
        while let Some((parent, _)) = module.rsplit_once('.') {
            if self.any_member_of.contains(parent) {
                return true;
            }
            module = parent;
        }
        self.dotted.iter().any(|text| {
            text.strip_suffix(qualified)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
        }) || self
            .prefixes
            .iter()
            .any(|prefix| prefix_may_reach(prefix, qualified))
    }
}

/// Whether a dotted target that starts with `prefix` and goes on with
/// text the code computes may end in `qualified`: some tail of `prefix`
/// that starts a segment is where `qualified` may begin.
fn prefix_may_reach(prefix: &str, qualified: &str) -> bool {
    let starts = std::iter::once(0).chain(prefix.match_indices('.').map(|(i, _)| i + 1));
    starts
        .filter_map(|start| prefix.get(start..))
        .any(|tail| qualified.starts_with(tail))
}

/// The name of a function that patches by a target it is given: `patch`
/// (`mock.patch`, `patch.object`'s family), `setattr`, `delattr`
/// (pytest's `monkeypatch.setattr("mod.name", value)` too).
fn patcher_name(call: &ExprCall) -> Option<&str> {
    let name = match call.func.as_ref() {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => return None,
    };
    matches!(name, "patch" | "setattr" | "delattr").then_some(name)
}

/// The literal text an f-string or a `+` concatenation starts with, when
/// the rest is computed.
fn computed_prefix(expr: &Expr) -> Option<String> {
    match expr {
        Expr::FString(string) => {
            let mut prefix = String::new();
            for part in &string.value {
                match part {
                    ruff_python_ast::FStringPart::Literal(literal) => {
                        prefix.push_str(&literal.value)
                    }
                    ruff_python_ast::FStringPart::FString(fstring) => {
                        for element in &fstring.elements {
                            match element {
                                InterpolatedStringElement::Literal(literal) => {
                                    prefix.push_str(&literal.value);
                                }
                                InterpolatedStringElement::Interpolation(_) => {
                                    return Some(prefix);
                                }
                            }
                        }
                    }
                }
            }
            None
        }
        Expr::BinOp(binop) => match binop.left.as_ref() {
            Expr::StringLiteral(string) => Some(string.value.to_str().to_string()),
            left => computed_prefix(left),
        },
        _ => None,
    }
}

/// The names of the class asyncio's timeouts raise from Python 3.11 on:
/// `asyncio.timeout()` raises the builtin (looked up when it raises),
/// `wait_for` the one of `asyncio.exceptions` (read then); the others are
/// aliases a handler may name. One class, while nothing replaces a name.
pub const TIMEOUT_ERRORS: [&str; 5] = [
    "builtins.TimeoutError",
    "asyncio.TimeoutError",
    "asyncio.exceptions.TimeoutError",
    "concurrent.futures.TimeoutError",
    "concurrent.futures._base.TimeoutError",
];

/// What another file of the project puts in place of a member a fix stops
/// (or starts) reaching (see [`SemanticModel::stand_in`]), with the note
/// that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StandIn {
    /// A test's mock: the fix is unsafe.
    Mocked(String),
    /// Put there for good: no fix.
    Replaced(String),
}

/// Why a use of a member of a module may reach something else at run time
/// (see [`SemanticModel::rebinding`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rebinding {
    /// The module may bind this global (the name the use starts from)
    /// behind its statements' backs: `globals()`, `sys.modules[__name__]`,
    /// `__main__`.
    Dynamic(String),
    /// Another file of the project may write this global as an attribute
    /// of the module, or attributes of modules by a target or name it
    /// computes.
    FromProject(String),
    /// The module replaces or patches this member itself.
    InModule(String),
}

impl Rebinding {
    /// What was found, for a note.
    pub fn found(&self) -> String {
        match self {
            Rebinding::Dynamic(name) => format!(
                "the module may bind `{name}` behind its statements' backs (`globals()`, `sys.modules[__name__]`, `__main__`)"
            ),
            Rebinding::FromProject(name) => format!(
                "another file of the project may replace this module's `{name}` as an attribute of the module, or write attributes of modules by a target or name it computes (`mock.patch(f\"…\")`, `mock.patch(\"m.\" + name)`, `patch.object(__import__(m), name)`, `setattr(module, name, …)`) or through a namespace (`module.__dict__`, a function's `__globals__`)"
            ),
            Rebinding::InModule(qualified) => format!(
                "the module replaces or patches `{qualified}` (`{qualified} = …`, `mock.patch`)"
            ),
        }
    }
}

impl SemanticModel<'_> {
    /// Whether the module may replace `qualified` (`asyncio.sleep`), a
    /// member of a module, at run time, so that a use of the name may reach
    /// something else: it assigns or deletes that attribute of the module
    /// (`asyncio.sleep = fake`, `setattr(asyncio, "sleep", …)`,
    /// `patch.object(asyncio, "sleep")`), names it in a call as a dotted
    /// string (`mock.patch("asyncio.sleep")`, `monkeypatch.setattr(
    /// "app.asyncio.sleep", …)`) or by a target built from a matching start
    /// (`mock.patch(f"asyncio.{name}")`), hands the module object on or
    /// stores it (`patch.multiple(asyncio, sleep=…)`, `setattr(asyncio, key,
    /// …)`, `m = asyncio`), reaches its namespace (`asyncio.__dict__`,
    /// `vars(asyncio)`, `patch.dict(asyncio.__dict__, …)`), or patches a
    /// target it computes (`mock.patch(target)`). Attributes of
    /// other objects (a mock standing in for the module) do not count.
    pub fn may_patch(&self, qualified: &str) -> bool {
        self.patches().may_patch(qualified)
    }

    /// Whether `qualified` (`redis.asyncio.Redis`, `asyncio.sleep`), a
    /// member of an imported module, may be something else at run time
    /// because the module replaces it or a module on its path
    /// ([`Self::may_patch`]: `aredis.Redis = R`, `setattr(aredis, "Redis",
    /// R)`, `sys.modules["redis.asyncio"].Redis = R`, `redis.asyncio = m`).
    pub fn may_replace(&self, qualified: &str) -> bool {
        let mut end = qualified.find('.');
        while let Some(dot) = end {
            let next = qualified
                .get(dot + 1..)
                .and_then(|rest| rest.find('.'))
                .map(|i| dot + 1 + i);
            let prefix = next.and_then(|i| qualified.get(..i)).unwrap_or(qualified);
            if self.may_patch(prefix) {
                return true;
            }
            end = next;
        }
        false
    }

    /// Whether some file of the project may assign or delete an attribute
    /// named as one of `qualified`'s members past the top-level module
    /// (`app.Redis = redis.Redis`, `redis.asyncio.Redis = …`, `setattr(m,
    /// "Redis", …)` in another module, or any attribute by a name the code
    /// computes), so that the member may be replaced from outside the
    /// module: a write of a name along the way replaces it too
    /// (`aiofiles.os = types.SimpleNamespace(…)` for `aiofiles.os.remove`).
    /// The project's files
    /// are read for names only: any object's attribute of that name counts
    /// (`self.sleep = …` for `asyncio.sleep`), so this is asked where a
    /// name is rarely an attribute of anything else (a library's class or
    /// coroutine function) and few fixes hang on it.
    pub fn project_may_replace(&self, qualified: &str) -> bool {
        let Some(project) = self.project() else {
            return false;
        };
        let mut members = qualified.split('.');
        let top = members.next().unwrap_or(qualified);
        let mut members = members.peekable();
        if members.peek().is_none() {
            return project.facts.attribute_written(top);
        }
        members.any(|member| project.facts.attribute_written(member))
    }

    /// Whether the module itself may replace one of the names of asyncio's
    /// timeout exception ([`TIMEOUT_ERRORS`]: `builtins.TimeoutError =
    /// AppTimeout`, `asyncio.exceptions.TimeoutError = Legacy`, `mock.patch(
    /// "asyncio.TimeoutError")`), so that they may not be one class when
    /// its code runs (see [`Self::may_replace`]).
    pub fn timeout_error_patched_here(&self) -> bool {
        TIMEOUT_ERRORS.iter().any(|path| self.may_replace(path))
    }

    /// Whether the `TimeoutError` a timeout raises, or a handler catches,
    /// may be another class at run time than the one the code names: the
    /// module ([`Self::timeout_error_patched_here`]) or any file of the
    /// project (a test too) may replace or patch one of [`TIMEOUT_ERRORS`].
    /// `asyncio.timeout()` raises the builtin `TimeoutError` looked up when
    /// it raises, `wait_for` the `TimeoutError` of `asyncio.exceptions`
    /// read then, and a handler catches what its name reads: one such
    /// write makes them differ. A write the project's files show only by a
    /// name or target they compute, on a module object they may hold
    /// (`setattr(builtins, NAME, X)`, `vars(builtins)[…]`,
    /// `__builtins__[…]`, `for m in (builtins,): m.TimeoutError = X`),
    /// counts. `effect` says what the fixed code does instead, for the
    /// note; a test's mock makes the fix unsafe, any other write leaves
    /// none.
    pub fn timeout_error_stand_in(&self, effect: &str) -> Option<StandIn> {
        if self.timeout_error_patched_here() {
            return Some(StandIn::Replaced(format!(
                "the module replaces or patches a `TimeoutError` (`builtins.TimeoutError = …`, `asyncio.exceptions.TimeoutError = …`, `mock.patch`): {effect}"
            )));
        }
        self.stand_in(&TIMEOUT_ERRORS, effect)
    }

    /// [`Self::project_stand_in_of`] as a fix that stops reaching the member
    /// (or starts) takes it: a test's mock makes the fix unsafe (its
    /// failure shows in the test, loudly as a rule); a stand-in put there
    /// for good (a compat layer) leaves no fix (the fixed code would
    /// silently no longer reach it). `effect` says what the fixed code
    /// does instead, for the note.
    pub fn stand_in(&self, names: &[&str], effect: &str) -> Option<StandIn> {
        let (name, write) = self.project_stand_in_of(names)?;
        let note = write.note(name.rsplit('.').next().unwrap_or(name), effect);
        Some(match write {
            NamedWrite::Patched(_) => StandIn::Mocked(note),
            NamedWrite::Written(_) | NamedWrite::Unread(_) | NamedWrite::Escaped(_) => {
                StandIn::Replaced(note)
            }
        })
    }

    /// Whether some file of the project may put a stand-in in place of a
    /// member of a module (one of `names`: `asyncio.get_event_loop`), by
    /// the member's name: it assigns, deletes or patches the attribute (`mock.patch("asyncio.get_event_loop")`,
    /// `patch.object(asyncio, "get_event_loop")`, `asyncio.TimeoutError =
    /// ServiceTimeout`). A use of the member then reaches the stand-in while
    /// that code is in place, and a fix that stops using it (or starts)
    /// changes what runs there. Only writes on that module count (spelled
    /// as it, or a name it is imported as, or in a dotted string naming
    /// it: `m_asyncio.wait_for = …` on a mock does not). A write by a name the code
    /// computes counts only where it may reach the module: `setattr(asyncio,
    /// NAME, f)` on a name bound to it, `mock.patch(target)` in a file that
    /// spells its name in a string (`setattr(obj, name, v)` elsewhere is common and does not). The name
    /// and how it is written; a write other than a mock's patch first.
    fn project_stand_in_of<'n>(&self, names: &[&'n str]) -> Option<(&'n str, NamedWrite)> {
        let project = self.project()?;
        let mut patched = None;
        for &name in names {
            let (module, member) = name.rsplit_once('.').unwrap_or(("", name));
            match project.facts.attribute_named_writer(module, member) {
                Some(
                    written @ (NamedWrite::Written(_)
                    | NamedWrite::Unread(_)
                    | NamedWrite::Escaped(_)),
                ) => {
                    return Some((name, written));
                }
                Some(found) => {
                    patched.get_or_insert((name, found));
                }
                None => {}
            }
        }
        patched
    }

    /// [`Self::may_replace`] for `qualified` as `expr` reaches it in
    /// `scope` (`aredis.Redis`, `Redis`): also when the name `expr` starts
    /// from is a global the module may bind behind its statements' backs
    /// (`globals()["Redis"] = R`, see [`Self::may_bind_dynamically`]), or
    /// that another file of the project may replace as an attribute of
    /// this module (`work.aredis = redis`, `patch.object(work, "asyncio",
    /// fake)`: see [`super::project::ProjectFacts::module_attribute_written`]).
    pub fn may_be_replaced(&self, expr: &Expr, qualified: &str, scope: ScopeId) -> bool {
        self.rebinding(expr, qualified, scope).is_some()
    }

    /// [`Self::may_be_replaced`], with what was found (for a note).
    pub fn rebinding(&self, expr: &Expr, qualified: &str, scope: ScopeId) -> Option<Rebinding> {
        let mut head = expr;
        while let Expr::Attribute(attribute) = head {
            head = &attribute.value;
        }
        if let Expr::Name(name) = head {
            let global = match self.lookup(name.id.as_str(), scope) {
                Lookup::Bound { scope: owner, .. } => owner == MODULE_SCOPE,
                Lookup::Builtin => true,
                Lookup::Unknown => return Some(Rebinding::Dynamic(name.id.to_string())),
            };
            if global && self.may_bind_dynamically(name.id.as_str()) {
                return Some(Rebinding::Dynamic(name.id.to_string()));
            }
            if global
                && self.project().is_some_and(|project| {
                    project.facts.module_attribute_written(
                        project.name.as_deref().unwrap_or_default(),
                        name.id.as_str(),
                    )
                })
            {
                return Some(Rebinding::FromProject(name.id.to_string()));
            }
        }
        self.may_replace(qualified)
            .then(|| Rebinding::InModule(qualified.to_string()))
    }

    /// [`Self::stand_in`] for module-level names of this module (`sleep`
    /// of `from time import sleep`, `time`, `asyncio`): another file of the
    /// project may put a stand-in in their place as attributes of this
    /// module (`mock.patch("app.work.sleep")`, `patch.object(work,
    /// "asyncio", fake)`, `work.time = clock`), as a test patches a name
    /// where it is used. A use of the name then reaches the stand-in, and
    /// a fix that stops using it (or starts) changes what runs there.
    pub fn own_name_stand_in(&self, names: &[&str], effect: &str) -> Option<StandIn> {
        let project = self.project()?;
        let module = project.name.as_deref()?;
        let mut patched = None;
        for &name in names {
            match project.facts.attribute_named_writer(module, name) {
                Some(
                    written @ (NamedWrite::Written(_)
                    | NamedWrite::Unread(_)
                    | NamedWrite::Escaped(_)),
                ) => {
                    return Some(StandIn::Replaced(written.note(name, effect)));
                }
                Some(found) => {
                    patched.get_or_insert_with(|| StandIn::Mocked(found.note(name, effect)));
                }
                None => {}
            }
        }
        patched
    }

    fn patches(&self) -> &Patches {
        self.patches.get_or_init(|| {
            let mut finder = PatchFinder::new(self);
            finder.visit_body(&self.module.body);
            finder.patches
        })
    }

    /// The module `expr` names, when it is a name bound by `import m` (or
    /// an attribute chain on one, `os.path`): the module object itself.
    fn module_named(&self, expr: &Expr) -> Option<String> {
        let scope = self.scope_at(expr.start());
        let mut head = expr;
        let mut members = Vec::new();
        while let Expr::Attribute(attribute) = head {
            if attribute.attr.as_str().starts_with("__") {
                return None;
            }
            members.push(attribute.attr.as_str());
            head = &attribute.value;
        }
        // `sys.modules["redis.asyncio"]`, `importlib.import_module(
        // "redis.asyncio")`: the module of that name.
        let by_key = match head {
            Expr::Subscript(subscript)
                if self.refers_to(&subscript.value, scope, "sys.modules") =>
            {
                Some(subscript.slice.as_ref())
            }
            Expr::Call(call) if self.refers_to(&call.func, scope, "importlib.import_module") => {
                match &*call.arguments.args {
                    [only] if call.arguments.keywords.is_empty() => Some(only),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(key) = by_key {
            let Expr::StringLiteral(key) = key else {
                return None;
            };
            let mut module = key.value.to_str().to_string();
            if module == "__main__" {
                return None;
            }
            for member in members.iter().rev() {
                module.push('.');
                module.push_str(member);
            }
            return Some(module);
        }
        let Expr::Name(name) = head else {
            return None;
        };
        let Lookup::Bound { bindings, .. } = self.lookup(name.id.as_str(), scope) else {
            return None;
        };
        let plain_import = bindings.iter().all(|&id| {
            matches!(
                self.binding(id).kind,
                BindingKind::Import { from: false, .. }
            )
        });
        if !plain_import {
            return None;
        }
        self.qualified_name(expr, scope)
            .map(|name| name.as_str().to_string())
    }
}

struct PatchFinder<'m, 'a> {
    semantic: &'m SemanticModel<'a>,
    patches: Patches,
    /// The names some plain `import` binds, in any scope: only such a name
    /// can be a module object ([`SemanticModel::module_named`]).
    plain_imports: FxHashSet<&'a str>,
    /// Whether the module imports `sys` (or `sys.modules`), and
    /// `importlib` (or `importlib.import_module`): only then can a
    /// subscript or a call name a module.
    sys_modules: bool,
    import_module: bool,
}

impl<'m, 'a> PatchFinder<'m, 'a> {
    fn new(semantic: &'m SemanticModel<'a>) -> Self {
        let imported = |path: &str| semantic.imports_of(path).next().is_some();
        let plain_imports = semantic
            .imports_by_path
            .values()
            .flatten()
            .map(|&id| semantic.binding(id))
            .filter(|binding| matches!(binding.kind, BindingKind::Import { from: false, .. }))
            .map(|binding| binding.name)
            .collect();
        PatchFinder {
            semantic,
            patches: Patches::default(),
            plain_imports,
            sys_modules: imported("sys") || imported("sys.modules"),
            import_module: imported("importlib") || imported("importlib.import_module"),
        }
    }

    /// [`SemanticModel::module_named`], without its scope and name lookups
    /// where the answer cannot be a module: the expression starts from a
    /// name no plain `import` binds, from a subscript or call while the
    /// module imports neither `sys` nor `importlib`, or from anything else.
    fn module_named(&self, expr: &Expr) -> Option<String> {
        let mut head = expr;
        while let Expr::Attribute(attribute) = head {
            head = &attribute.value;
        }
        let possible = match head {
            Expr::Name(name) => self.plain_imports.contains(name.id.as_str()),
            Expr::Subscript(_) => self.sys_modules,
            Expr::Call(_) => self.import_module,
            _ => false,
        };
        if possible {
            self.semantic.module_named(expr)
        } else {
            None
        }
    }

    fn literal(expr: Option<&Expr>) -> Option<&str> {
        match expr {
            Some(Expr::StringLiteral(string)) => Some(string.value.to_str()),
            _ => None,
        }
    }

    fn visit_call(&mut self, call: &ExprCall) {
        let arguments = &call.arguments;
        // `hasattr(asyncio, "exceptions")`, `getattr(asyncio, name, None)`
        // read the module's members: nothing is replaced.
        if let Expr::Name(func) = call.func.as_ref()
            && matches!(func.id.as_str(), "hasattr" | "getattr")
            && self
                .semantic
                .is_builtin(func.id.as_str(), self.semantic.scope_at(func.start()))
            && let Some((first, rest)) = arguments.args.split_first()
            && self.module_named(first).is_some()
        {
            for argument in rest {
                self.visit_expr(argument);
            }
            return;
        }
        let patcher = patcher_name(call);
        for (index, argument) in arguments.args.iter().enumerate() {
            if let Some(text) = Self::literal(Some(argument)) {
                if text.contains('.') {
                    self.patches.dotted.push(text.to_string());
                }
                continue;
            }
            if let Some(module) = self.module_named(argument) {
                // `setattr(asyncio, "sleep", …)`, `patch.object(asyncio,
                // "sleep")`: the member named next; anything else may
                // replace any member.
                match Self::literal(arguments.args.get(index + 1)) {
                    Some(member) if arguments.keywords.iter().all(|k| k.arg.is_some()) => {
                        self.patches.members.insert(format!("{module}.{member}"));
                    }
                    _ => {
                        self.patches.any_member_of.insert(module);
                    }
                }
                continue;
            }
            if index == 0 && patcher.is_some() {
                match computed_prefix(argument) {
                    Some(prefix) => self.patches.prefixes.push(prefix),
                    // `setattr(obj, name, value)` patches an object, not a
                    // target; with two arguments (`monkeypatch.setattr(
                    // target, value)`) and `patch(target)`, a target.
                    None if patcher == Some("patch") || arguments.args.len() == 2 => {
                        self.patches.anything |= !matches!(argument, Expr::StringLiteral(_));
                    }
                    None => {}
                }
            }
            self.visit_expr(argument);
        }
        for keyword in &arguments.keywords {
            if let Some(text) = Self::literal(Some(&keyword.value)) {
                if text.contains('.') {
                    self.patches.dotted.push(text.to_string());
                }
                continue;
            }
            self.visit_expr(&keyword.value);
        }
        self.visit_expr(&call.func);
    }
}

impl<'b> Visitor<'b> for PatchFinder<'_, '_> {
    fn visit_expr(&mut self, expr: &'b Expr) {
        match expr {
            // `m = sys.modules["redis.asyncio"]`, `importlib.import_module(
            // "redis.asyncio")` used as a value: any member may be replaced.
            Expr::Subscript(_) | Expr::Call(_) if self.module_named(expr).is_some() => {
                if let Some(module) = self.module_named(expr) {
                    self.patches.any_member_of.insert(module);
                }
            }
            Expr::Call(call) => {
                // `vars(asyncio)`: its namespace.
                if let Expr::Name(func) = call.func.as_ref()
                    && func.id.as_str() == "vars"
                    && let [only] = &*call.arguments.args
                    && let Some(module) = self.module_named(only)
                {
                    self.patches.any_member_of.insert(module);
                    return;
                }
                self.visit_call(call);
            }
            Expr::Attribute(attribute) => {
                if let Some(module) = self.module_named(&attribute.value) {
                    let member = attribute.attr.as_str();
                    if member == "__dict__" {
                        self.patches.any_member_of.insert(module);
                    } else if matches!(attribute.ctx, ExprContext::Store | ExprContext::Del) {
                        self.patches.members.insert(format!("{module}.{member}"));
                    }
                    return;
                }
                visitor::walk_expr(self, expr);
            }
            // The module object itself used as a value (`m = asyncio`,
            // `[asyncio]`): what happens to it is not seen.
            Expr::Name(name) if name.ctx == ExprContext::Load => {
                if let Some(module) = self.module_named(expr) {
                    self.patches.any_member_of.insert(module);
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::parse;
    use crate::semantic::SemanticModel;

    fn patches(source: &str, qualified: &str) -> bool {
        let parsed = parse(source).unwrap();
        SemanticModel::build(parsed.syntax()).may_patch(qualified)
    }

    #[test]
    fn members_replaced_through_the_module() {
        for source in [
            "import asyncio\nasyncio.Queue = CompatQueue\n",
            "import asyncio as aio\ndel aio.Queue\n",
            "import asyncio\nsetattr(asyncio, 'Queue', compat)\n",
            "import asyncio\nsetattr(asyncio, name, compat)\n",
            "import asyncio\nvars(asyncio)['Queue'] = compat\n",
            "import asyncio\nasyncio.__dict__.update(Queue=compat)\n",
            "import asyncio\nfrom unittest import mock\nmock.patch.multiple(asyncio, Queue=compat)\n",
            "import asyncio\nfrom unittest import mock\nmock.patch.dict(asyncio.__dict__, {'Queue': 1})\n",
            "import asyncio\nfrom unittest import mock\nmock.patch.object(asyncio, 'Queue')\n",
            "from unittest import mock\nmock.patch('asyncio.Queue')\n",
            "from unittest import mock\nmock.patch('app.asyncio.Queue', new=compat)\n",
            "from unittest import mock\nmock.patch(f'asyncio.{NAME}')\n",
            "from unittest import mock\nmock.patch('asyncio.' + NAME)\n",
            "from unittest import mock\nmock.patch(target)\n",
            "def test(monkeypatch):\n    monkeypatch.setattr(target, compat)\n",
            "import asyncio\nm = asyncio\nm.Queue = compat\n",
            "import asyncio\ndef f():\n    asyncio.Queue = compat\n",
            "import sys\nsys.modules['asyncio'].Queue = compat\n",
            "import sys\nsetattr(sys.modules['asyncio'], 'Queue', compat)\n",
            "import importlib\nimportlib.import_module('asyncio').Queue = compat\n",
            "import sys\nm = sys.modules['asyncio']\nm.Queue = compat\n",
            "from sys import modules\nmodules['asyncio'].Queue = compat\n",
            "from importlib import import_module as load\nload('asyncio').Queue = compat\n",
            "def f():\n    import asyncio as aio\n    aio.Queue = compat\n",
        ] {
            assert!(patches(source, "asyncio.Queue"), "{source}");
        }
        for source in [
            "import asyncio\nasyncio.sleep = fake\n",
            "import asyncio\nsetattr(asyncio, 'sleep', compat)\n",
            "import asyncio\nq = asyncio.Queue()\nq.x = 1\n",
            "from unittest import mock\nmock.patch('asyncio.sleep')\n",
            "import asyncio\nclass C:\n    pass\nsetattr(C, name, 1)\n",
            "import asyncio\nprint(f'{x}')\nasyncio.run(main())\n",
            "import sys\nsys.modules['queue'].Queue = compat\n",
            "import sys\nsys.modules[__name__].Queue = compat\n",
            "import sys\nprint(sys.modules['asyncio'].Queue)\n",
            "import asyncio\nif hasattr(asyncio, 'Queue'):\n    Q = getattr(asyncio, 'Queue')\n",
        ] {
            assert!(!patches(source, "asyncio.Queue"), "{source}");
        }
    }

    fn replaced(source: &str, qualified: &str) -> bool {
        let parsed = parse(source).unwrap();
        SemanticModel::build(parsed.syntax()).may_replace(qualified)
    }

    #[test]
    fn a_member_is_replaced_with_a_module_on_its_path() {
        for (source, qualified) in [
            (
                "import redis\nredis.asyncio = compat\n",
                "redis.asyncio.Redis",
            ),
            (
                "import redis.asyncio\nredis.asyncio.Redis = R\n",
                "redis.asyncio.Redis",
            ),
            ("import asyncio\nasyncio.Queue = Q\n", "asyncio.Queue.put"),
            ("import asyncio\nasyncio.sleep = fake\n", "asyncio.sleep"),
        ] {
            assert!(replaced(source, qualified), "{source}");
        }
        for (source, qualified) in [
            ("import redis\nredis.Redis = R\n", "redis.asyncio.Redis"),
            (
                "import asyncio\nasyncio.sleep = fake\n",
                "asyncio.Queue.put",
            ),
        ] {
            assert!(!replaced(source, qualified), "{source}");
        }
    }
}
