//! `check --show-index MODULE`: everything the index knows about one
//! module, in words, in a stable order (by line), and how each of its
//! imports resolves: to the project, to an installed package, to the
//! built-in table of well-known libraries, or to nothing known, and why.
//! Printing only: the answers are the ones the codemods get.

use std::fmt::Write as _;
use std::path::Path;

use ruff_python_ast::statement_visitor::{StatementVisitor, walk_stmt};
use ruff_python_ast::{Decorator, Stmt, StmtFunctionDef};
use ruff_source_file::LineIndex;
use ruff_text_size::Ranged;
use rustc_hash::FxHashMap;

use super::layout::{ModuleFile, is_identifier};
use super::summary::{ClassSummary, FunctionSummary, ModuleSummary, Symbol, absolutize};
use super::{MAX_HOPS, ProjectIndex, facts};
use crate::semantic::coroutines::CallResult;
use crate::semantic::known;
use crate::semantic::project::{ProjectFacts, Resolved};

/// What `--show-index` prints about a module, or why it cannot.
pub enum Description {
    /// The module was found: its description.
    Found(String),
    /// No module of that name: a message with close names, if any.
    NotFound(String),
}

impl ProjectIndex {
    /// What the index knows about `module`, for `--show-index`.
    pub fn describe(&self, module: &str) -> Description {
        let mut out = String::new();
        let _ = writeln!(out, "module {module}");
        let Some(summary) = self.summary(module) else {
            return match self.locate(module) {
                Some(ModuleFile::Namespace(path)) => {
                    let _ = writeln!(
                        out,
                        "  file: {} (a namespace package: a directory without `__init__.py`, no code of its own)",
                        self.shown(&path)
                    );
                    self.describe_setting(&mut out);
                    Description::Found(out)
                }
                Some(ModuleFile::Source { path, .. }) => {
                    let _ = writeln!(
                        out,
                        "  file: {} (it could not be read as UTF-8 or parsed: every name in it is unknown)",
                        self.shown(&path)
                    );
                    self.describe_setting(&mut out);
                    Description::Found(out)
                }
                None => Description::NotFound(self.not_found(module)),
            };
        };
        let _ = writeln!(
            out,
            "  file: {} ({})",
            self.shown(&summary.path),
            if summary.package {
                "a package"
            } else {
                "a module, not a package"
            }
        );
        let _ = writeln!(
            out,
            "  from: {}",
            if self.in_project(module) {
                "the project"
            } else {
                "an installed package of the environment"
            }
        );
        self.describe_setting(&mut out);
        let decorators = decorators_of(&summary.path);
        self.describe_symbols(&mut out, &summary, &decorators);
        self.describe_module_facts(&mut out, &summary);
        self.describe_imports(&mut out, &summary);
        Description::Found(out)
    }

    /// The project's root and source roots, and the environment.
    fn describe_setting(&self, out: &mut String) {
        let roots: Vec<String> = self
            .layout
            .source_roots
            .iter()
            .map(|root| self.shown(root))
            .collect();
        let _ = writeln!(
            out,
            "  project: {} (imports resolve from {})",
            self.layout.root.display(),
            roots.join(", ")
        );
        let _ = match &self.environment {
            Some(environment) => writeln!(
                out,
                "  environment: {}",
                environment
                    .source_roots
                    .iter()
                    .map(|dir| self.shown(dir))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => writeln!(
                out,
                "  environment: none found (`--python`, `VIRTUAL_ENV`, `.venv`, `venv`): the built-in table of well-known async libraries answers for installed packages"
            ),
        };
    }

    /// Functions and classes, by line, then the other names.
    fn describe_symbols(
        &self,
        out: &mut String,
        summary: &ModuleSummary,
        decorators: &FxHashMap<String, Vec<String>>,
    ) {
        let mut defined: Vec<(u32, &str, &Symbol)> = Vec::new();
        let mut others: Vec<(&str, &Symbol)> = Vec::new();
        for (name, symbol) in &summary.symbols {
            match symbol {
                Symbol::Function(f) => defined.push((f.line, name, symbol)),
                Symbol::Class(c) => defined.push((c.line, name, symbol)),
                // Under "module facts".
                _ if &**name == "__all__" => {}
                _ => others.push((name, symbol)),
            }
        }
        defined.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        others.sort_by(|a, b| a.0.cmp(b.0));
        if !defined.is_empty() {
            let _ = writeln!(out, "functions and classes:");
        }
        for (_, name, symbol) in defined {
            match symbol {
                Symbol::Function(function) => self.describe_function(
                    out,
                    "  ",
                    name,
                    function,
                    decorators.get(name),
                    self.function_may_be_replaced(summary, name, None),
                ),
                Symbol::Class(class) => self.describe_class(out, summary, name, class, decorators),
                _ => {}
            }
        }
        if !others.is_empty() {
            let _ = writeln!(out, "other names:");
        }
        for (name, symbol) in others {
            let _ = match symbol {
                Symbol::Import(target) => writeln!(out, "  {name}: imported, `{target}`"),
                Symbol::Assigned {
                    callee: Some(callee),
                    line,
                } => {
                    let qualified = format!("{}.{name}", summary.name);
                    let what = match self.resolve(&qualified) {
                        Resolved::Instance { class, .. } => {
                            format!("an instance of exactly `{class}`")
                        }
                        _ => format!("unknown: {}", self.why_unknown(&qualified, 0)),
                    };
                    writeln!(out, "  {name} (line {line}): `{callee}(…)`: {what}")
                }
                Symbol::Assigned { callee: None, line } => writeln!(
                    out,
                    "  {name} (line {line}): the result of a call of something with no dotted name (unknown)"
                ),
                Symbol::Alias { targets, line } => {
                    let qualified = format!("{}.{name}", summary.name);
                    let stateful = match self.stateful(&qualified) {
                        Some(why) => format!("stateful: {why}"),
                        None => "not shown stateful".to_string(),
                    };
                    writeln!(
                        out,
                        "  {name} (line {line}): an alias of `{}`, followed only by questions about types; {stateful}",
                        targets.join("` | `")
                    )
                }
                _ => writeln!(
                    out,
                    "  {name}: bound more than one way, on some paths only, or other than by `def`, `class`, an import or a call (unknown)"
                ),
            };
        }
    }

    fn describe_function(
        &self,
        out: &mut String,
        indent: &str,
        name: &str,
        function: &FunctionSummary,
        decorators: Option<&Vec<String>>,
        replaced: Option<String>,
    ) {
        let keyword = if function.is_async {
            "async def"
        } else {
            "def"
        };
        let _ = writeln!(
            out,
            "{indent}{keyword} {name} (line {}): {}",
            function.line,
            function_kind(function)
        );
        if let Some(decorators) = decorators.filter(|d| !d.is_empty()) {
            let _ = writeln!(
                out,
                "{indent}  decorators: {}{}",
                decorators.join(" "),
                if function.transparent {
                    " (known to leave the function what it was)"
                } else {
                    " (one may replace the function: what calling it returns is unknown)"
                }
            );
        }
        let _ = writeln!(out, "{indent}  calling it returns: {}", returns(function));
        if function.quiet {
            let _ = writeln!(
                out,
                "{indent}  quiet: calling it runs only builtins and standard functions that bind no loop"
            );
        }
        if function.stub {
            let _ = writeln!(
                out,
                "{indent}  a stub (`...`, `pass`, `raise NotImplementedError`): subclasses fill it in"
            );
        }
        if let Some(replaced) = replaced {
            let _ = writeln!(out, "{indent}  {replaced}");
        }
    }

    fn describe_class(
        &self,
        out: &mut String,
        summary: &ModuleSummary,
        name: &str,
        class: &ClassSummary,
        decorators: &FxHashMap<String, Vec<String>>,
    ) {
        let bases: Vec<&str> = class
            .bases
            .iter()
            .map(|b| b.as_deref().unwrap_or("<no dotted name>"))
            .collect();
        let _ = writeln!(
            out,
            "  class {name}({}) (line {})",
            bases.join(", "),
            class.line
        );
        if let Some(decorators) = decorators.get(name).filter(|d| !d.is_empty()) {
            let _ = writeln!(out, "    decorators: {}", decorators.join(" "));
        }
        if !class.keeps_methods {
            let _ = writeln!(
                out,
                "    a metaclass or class decorator may replace its methods: calls of them are unknown"
            );
        }
        let qualified = format!("{}.{name}", summary.name);
        let mut methods: Vec<(&Box<str>, &FunctionSummary)> = class.methods.iter().collect();
        methods.sort_by(|a, b| (a.1.line, a.0).cmp(&(b.1.line, b.0)));
        for (method, function) in methods {
            let key = format!("{name}.{method}");
            self.describe_function(
                out,
                "    ",
                method,
                function,
                decorators.get(&key),
                self.function_may_be_replaced(summary, method, Some((&qualified, class))),
            );
        }
        let mut other: Vec<&Box<str>> = class.other_names.iter().collect();
        other.sort();
        if !other.is_empty() {
            let names: Vec<String> = other.iter().map(|n| format!("`{n}`")).collect();
            let _ = writeln!(
                out,
                "    also binds {} other than by one `def` (unknown)",
                names.join(", ")
            );
        }
    }

    /// Why calls of the function `name` (a method of `class` when given)
    /// may reach something else than its `def`, if they may.
    fn function_may_be_replaced(
        &self,
        summary: &ModuleSummary,
        name: &str,
        class: Option<(&str, &ClassSummary)>,
    ) -> Option<String> {
        if self.scan().writes_named_attribute(name) {
            return Some(format!(
                "may be replaced: an attribute named `{name}` is assigned somewhere in the project (`x.{name} = …`, `setattr`, `patch.object`), so calls through the module or a class are unknown"
            ));
        }
        if self.may_write_every_attribute() {
            return Some(
                "may be replaced: some code of the project writes attributes by a computed name on objects the index cannot place (`setattr(obj, name, v)` on a parameter or an attribute, `vars(obj)[key] = v`, `obj.__dict__.update(…)`, a file run by its path), or changes an object's class, so every attribute may be written: calls through the module or a class are unknown".to_string(),
            );
        }
        let (qualified, class) = class?;
        if summary.written_attributes.contains(name) {
            return Some(format!(
                "may be replaced: this module assigns an attribute named `{name}`"
            ));
        }
        if self.computed_write_reaches(qualified, 0) {
            return Some(format!(
                "may be replaced: a write by a computed name (`setattr(self, name, v)` in a method of `{qualified}` or of a base, or on an instance made by calling one) may reach its instances"
            ));
        }
        if !class.keeps_methods {
            return None;
        }
        Some(match self.why_subclasses_may_override(qualified, name) {
            Some(why) => format!(
                "may be overridden: {why}; calls through `self` or an annotation are unknown, calls on an instance made by `{qualified}(…)` are not"
            ),
            None => format!(
                "may be overridden: no: no class of the project that derives from it binds `{name}` other than by an `async def`"
            ),
        })
    }

    /// `__all__`, star imports, `__getattr__`, namespace writes, objects
    /// bound to the loop at import, entry points.
    fn describe_module_facts(&self, out: &mut String, summary: &ModuleSummary) {
        let module = &*summary.name;
        let _ = writeln!(out, "module facts:");
        let _ = match &summary.all {
            Some(all) => writeln!(out, "  __all__: [{}]", all.join(", ")),
            None => writeln!(out, "  __all__: none (or not a literal list)"),
        };
        if summary.star_imports.is_empty() {
            let _ = writeln!(out, "  star imports: none");
        }
        for star in &summary.star_imports {
            let _ = writeln!(
                out,
                "  star import: `from {star} import *`: any name of this module may come from it (unknown)"
            );
        }
        let _ = writeln!(
            out,
            "  module __getattr__: {}",
            if summary.has_getattr {
                "yes: a name not bound here may still exist (unknown)"
            } else {
                "no"
            }
        );
        if summary.rebinds_namespace {
            let _ = writeln!(
                out,
                "  writes its own namespace (`globals()`, `exec`, `setattr` with a computed name): every name is unknown"
            );
        }
        if summary.loop_bound_at_import.is_empty() {
            let _ = writeln!(out, "  binds objects to an event loop at import: no");
        }
        for (call, line) in &summary.loop_bound_at_import {
            let _ = writeln!(
                out,
                "  binds an object to an event loop at import: `{call}()`, line {line}"
            );
        }
        if summary.loop_bound_at_import.is_empty()
            && let Some(through) = self.binds_loop_at_import(module)
        {
            let _ = writeln!(
                out,
                "  importing it binds an object to an event loop through a project module it imports: {through}"
            );
        }
        match self.import_not_quiet(module, false) {
            None => {
                let _ = writeln!(
                    out,
                    "  quiet: yes (importing it runs only imports of quiet or standard modules and definitions)"
                );
            }
            Some(reason) => {
                let _ = writeln!(out, "  quiet: no, importing it runs {reason}");
            }
        }
        let prefix = format!("{module}.");
        let scripts: Vec<&String> = self
            .scripts
            .iter()
            .filter(|script| {
                script
                    .strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.contains('.'))
            })
            .collect();
        for script in &scripts {
            let _ = writeln!(
                out,
                "  entry point: `{script}` is named in `[project.scripts]` (it runs once per process)"
            );
        }
        if module == "__main__" || module.ends_with(".__main__") {
            let _ = writeln!(
                out,
                "  entry point: `python -m {}` runs this module",
                module.strip_suffix(".__main__").unwrap_or(module)
            );
        } else if scripts.is_empty() {
            let _ = writeln!(out, "  entry points: none");
        }
    }

    /// Each import statement of the module, anywhere in it, and what each
    /// name it binds resolves to.
    fn describe_imports(&self, out: &mut String, summary: &ModuleSummary) {
        let imports = imports_of(&summary.path);
        if imports.is_empty() {
            let _ = writeln!(out, "imports: none");
            return;
        }
        let _ = writeln!(out, "imports:");
        for import in imports {
            let absolute = absolutize(&import.qualified, &summary.name, summary.package);
            let _ = writeln!(
                out,
                "  line {}: {} -> {}",
                import.line,
                import.text,
                self.resolution(&absolute)
            );
        }
    }

    /// What the dotted name `qualified` is, in words, with the source of
    /// the answer.
    fn resolution(&self, qualified: &str) -> String {
        if qualified.starts_with('.') {
            return "unknown: a relative import that climbs above the top package".to_string();
        }
        match self.resolve(qualified) {
            Resolved::Function {
                qualified: found,
                facts: function,
                origin,
            } => format!(
                "{}: {} `{found}` ({origin}), calling it returns {}",
                self.source_of(&found),
                if function.is_async {
                    "`async def`"
                } else {
                    "`def`"
                },
                match function.call_result() {
                    CallResult::Coroutine => "a coroutine",
                    CallResult::Future => "a future",
                    CallResult::NotCoroutine => "no coroutine",
                    CallResult::Unknown => "something unknown",
                }
            ),
            Resolved::Class {
                qualified: found,
                origin,
            } => format!("{}: class `{found}` ({origin})", self.source_of(&found)),
            Resolved::Instance { class, origin } => format!(
                "{}: an instance of exactly `{class}` ({origin})",
                self.source_of(&class)
            ),
            Resolved::Module(found) => {
                let file = self
                    .locate(&found)
                    .map(|file| format!(" ({})", self.shown(file.path())))
                    .unwrap_or_default();
                format!("{}: module `{found}`{file}", self.source_of(&found))
            }
            Resolved::External(found) => self.external(&found),
            Resolved::Unknown => format!("unknown: {}", self.why_unknown(qualified, 0)),
        }
    }

    /// "the project" or "an installed package", for a name the index found.
    fn source_of(&self, qualified: &str) -> &'static str {
        let parts: Vec<&str> = qualified.split('.').collect();
        for split in (1..=parts.len()).rev() {
            let (file, in_project) = self.located(&parts[..split].join("."));
            if file.is_some() {
                return if in_project {
                    "project"
                } else {
                    "installed package"
                };
            }
        }
        "project"
    }

    /// A name outside the project and its environment.
    fn external(&self, qualified: &str) -> String {
        if let Some(returns) = known::function(qualified) {
            return format!(
                "built-in table: `{qualified}` {}",
                match returns {
                    known::Returns::Coroutine => "is a coroutine function",
                    known::Returns::Awaitable =>
                        "returns an awaitable that is no coroutine (`asyncio.run` and `create_task` reject it)",
                    known::Returns::Value => "returns a plain value",
                }
            );
        }
        if let Some(class) = known::class(qualified) {
            return format!(
                "built-in table: class `{qualified}` ({} methods listed{})",
                class.methods.len(),
                if class.stateful {
                    "; a session, connection or stream: one operation at a time"
                } else {
                    ""
                }
            );
        }
        let top = qualified.split('.').next().unwrap_or(qualified);
        let environment = if self.environment.is_some() {
            "not in the project nor in the environment"
        } else {
            "not in the project (no environment found)"
        };
        if top == "asyncio" {
            return format!(
                "standard library: `{qualified}` (asyncio: asyncmod's own rules know it)"
            );
        }
        if known::knows_module(qualified) {
            return format!(
                "built-in table: module `{qualified}` ({environment}; the table answers for the names it lists)"
            );
        }
        if known::knows_module(top) {
            return format!(
                "unknown: `{qualified}` is {environment}, and the built-in table of `{top}` does not list it"
            );
        }
        format!(
            "unknown: `{qualified}` is {environment}, nor in the built-in table of well-known async libraries"
        )
    }

    /// Why [`ProjectFacts::resolve`] says `qualified` is unknown, following
    /// the same steps.
    fn why_unknown(&self, qualified: &str, hops: usize) -> String {
        if hops > MAX_HOPS {
            return format!(
                "a chain of more than {MAX_HOPS} imports and re-exports (or one that loops)"
            );
        }
        if qualified.starts_with('.') {
            return "a relative import that climbs above the top package".to_string();
        }
        let parts: Vec<&str> = qualified.split('.').collect();
        for split in (1..=parts.len()).rev() {
            let module = parts[..split].join(".");
            let Some(file) = self.locate(&module) else {
                continue;
            };
            if split > 1 {
                let parent = parts[..split - 1].join(".");
                if let Some(summary) = self.summary(&parent)
                    && summary.symbols.contains_key(parts[split - 1])
                {
                    return format!(
                        "`{parent}` binds a name `{}` and a submodule `{module}` exists too: which one an import gets depends on what ran before",
                        parts[split - 1]
                    );
                }
            }
            return self.why_unknown_in(&module, &file, &parts[split..], hops);
        }
        format!("`{qualified}` is found nowhere")
    }

    fn why_unknown_in(
        &self,
        module: &str,
        file: &ModuleFile,
        rest: &[&str],
        hops: usize,
    ) -> String {
        let Some((&name, tail)) = rest.split_first() else {
            return format!("`{module}` is a module");
        };
        let ModuleFile::Source { path, .. } = file else {
            return format!(
                "`{module}` is a namespace package (a directory without `__init__.py`): it binds no names"
            );
        };
        let Some(summary) = self.summary(module) else {
            return format!(
                "`{}` could not be read as UTF-8 or parsed",
                self.shown(path)
            );
        };
        if let Some(star) = summary.star_imports.first() {
            return format!(
                "`{module}` has `from {star} import *`, which may bind any name after it"
            );
        }
        if summary.rebinds_namespace {
            return format!(
                "`{module}` writes its own namespace (`globals()`, `exec`, `setattr` with a computed name)"
            );
        }
        let written = self.scan().written_attributes.contains(name);
        match summary.symbols.get(name) {
            None if summary.has_getattr => format!(
                "`{module}` binds no `{name}`, and its module `__getattr__` may make any name"
            ),
            None => format!("`{module}` binds no `{name}` at module level"),
            Some(Symbol::Function(_)) if written => format!(
                "`{module}.{name}` may be replaced: an attribute named `{name}` is assigned somewhere in the project (`x.{name} = …`, `setattr`, `patch.object`)"
            ),
            Some(Symbol::Function(_)) => format!(
                "`{module}.{name}` is a function: `{}` is an attribute of it",
                tail.join(".")
            ),
            Some(Symbol::Class(_)) => match tail {
                [method] => self.why_method_unknown(&format!("{module}.{name}"), method, hops + 1),
                _ => format!(
                    "`{}` is an attribute of an attribute of the class `{module}.{name}`",
                    tail.join(".")
                ),
            },
            Some(Symbol::Import(target)) => {
                let mut next = target.to_string();
                for part in tail {
                    next.push('.');
                    next.push_str(part);
                }
                format!(
                    "`{module}.{name}` is imported from `{target}`, and {}",
                    self.why_unknown(&next, hops + 1)
                )
            }
            Some(Symbol::Assigned {
                callee: Some(callee),
                line,
            }) => match self.resolve(callee) {
                Resolved::Class { qualified, .. } if tail.len() > 1 => format!(
                    "`{}` is an attribute of an attribute of an instance of `{qualified}`",
                    tail.join(".")
                ),
                Resolved::Class { qualified, .. } => format!(
                    "`{name} = {callee}(…)` (line {line}) may not make an instance of exactly `{qualified}`: a metaclass, a `__new__`, a class decorator, several bases or a base outside the project on its chain"
                ),
                _ => format!(
                    "`{name} = {callee}(…)` (line {line}), and `{callee}` is no class of the project"
                ),
            },
            Some(Symbol::Assigned { callee: None, line }) => format!(
                "`{name}` is the result of a call of something with no dotted name (line {line})"
            ),
            Some(Symbol::Alias { targets, line }) => format!(
                "`{module}.{name}` (line {line}) is an alias of `{}`, which only questions about types follow",
                targets.join("` | `")
            ),
            Some(Symbol::Other) => format!(
                "`{module}.{name}` is bound more than one way, on some paths only (`if`, `try`), or other than by `def`, `class`, an import or a call"
            ),
        }
    }

    fn why_method_unknown(&self, class: &str, name: &str, hops: usize) -> String {
        if hops > MAX_HOPS {
            return format!("a chain of more than {MAX_HOPS} bases or imports");
        }
        let Some((summary, class_summary)) = self.class(class) else {
            return format!("`{class}` is no class the index can read");
        };
        if !class_summary.keeps_methods {
            return format!(
                "`{class}` has a metaclass or a class decorator that may replace its methods"
            );
        }
        if class_summary.other_names.contains(name) {
            return format!("`{class}` binds `{name}` other than by one `def`");
        }
        if summary.written_attributes.contains(name)
            || self.scan().written_attributes.contains(name)
        {
            return format!(
                "an attribute named `{name}` is assigned somewhere in the project, so `{class}.{name}` may be replaced"
            );
        }
        if class_summary.methods.contains_key(name) {
            return format!(
                "a subclass of `{class}` (in the project, or one the index cannot see) may override `{name}`"
            );
        }
        match class_summary.bases.as_slice() {
            [] => format!("`{class}` has no method `{name}`"),
            [Some(base)] => match self.resolve(base) {
                Resolved::Class { qualified, .. } => {
                    self.why_method_unknown(&qualified, name, hops + 1)
                }
                _ => format!(
                    "`{class}` does not define `{name}`, and its base `{base}` is unknown: {}",
                    self.why_unknown(base, hops + 1)
                ),
            },
            [None] => format!(
                "`{class}` does not define `{name}`, and its base has no dotted name (a call or a subscript)"
            ),
            _ => {
                format!("`{class}` does not define `{name}` and has several bases: any of them may")
            }
        }
    }

    /// The message for a module that is nowhere, with close names.
    fn not_found(&self, module: &str) -> String {
        let mut message = format!(
            "no module `{module}` in the project at {}",
            self.layout.root.display()
        );
        if self.environment.is_some() {
            message.push_str(" nor in its environment");
        }
        let top = module.split('.').next().unwrap_or(module);
        if known::knows_module(top) {
            let _ = write!(
                message,
                "; the built-in table of well-known async libraries answers for `{top}`"
            );
        }
        let close = self.close_names(module);
        if !close.is_empty() {
            let names: Vec<String> = close.iter().map(|n| format!("`{n}`")).collect();
            let _ = write!(message, "; did you mean {}?", names.join(" or "));
        }
        message
    }

    /// Up to three modules of the project whose name is close to `module`.
    fn close_names(&self, module: &str) -> Vec<String> {
        let mut names = Vec::new();
        for root in &self.layout.source_roots {
            collect_modules(root, "", 0, &mut names);
        }
        names.sort();
        names.dedup();
        let last = module.rsplit('.').next().unwrap_or(module);
        let mut scored: Vec<(usize, String)> = names
            .into_iter()
            .filter_map(|name| {
                let name_last = name.rsplit('.').next().unwrap_or(&name);
                let whole = distance(module, &name);
                let tail = distance(last, name_last);
                let close = whole <= (module.len() / 5).max(2)
                    || tail <= (last.len() / 3).max(1)
                    || (last.len() >= 3 && name_last.starts_with(last));
                close.then_some((whole.min(tail + 1), name))
            })
            .collect();
        scored.sort();
        scored.into_iter().take(3).map(|(_, name)| name).collect()
    }

    /// A path as the user may type it: relative to the project's root
    /// when inside it.
    fn shown(&self, path: &Path) -> String {
        match path.strip_prefix(&self.layout.root) {
            Ok(relative) if relative.as_os_str().is_empty() => ".".to_string(),
            Ok(relative) => relative.display().to_string(),
            Err(_) => path.display().to_string(),
        }
    }
}

/// What calling a function gives back, in words.
fn returns(function: &FunctionSummary) -> &'static str {
    match facts(function).call_result() {
        CallResult::Coroutine => "a coroutine",
        CallResult::Future => "a future",
        CallResult::NotCoroutine if function.is_async => "an async generator (no coroutine)",
        CallResult::NotCoroutine if function.is_generator => "a generator (no coroutine)",
        CallResult::NotCoroutine => "`None` (no `return` gives a value; no coroutine)",
        CallResult::Unknown if !function.transparent => {
            "unknown (a decorator may make it return something else)"
        }
        CallResult::Unknown => {
            "unknown (a plain `def` whose `return`s are not followed across modules)"
        }
    }
}

fn function_kind(function: &FunctionSummary) -> &'static str {
    match (
        function.is_async,
        function.is_generator,
        function.legacy_coroutine,
    ) {
        (_, _, true) => "a generator-based coroutine function (`@asyncio.coroutine`)",
        (true, false, _) => "a coroutine function",
        (true, true, _) => "an async generator function",
        (false, true, _) => "a generator function",
        (false, false, _) => "a plain function",
    }
}

/// Module names under `dir` (named `package`), a few levels deep, skipping
/// hidden directories and environments.
fn collect_modules(dir: &Path, package: &str, depth: usize, names: &mut Vec<String>) {
    const MAX_NAMES: usize = 20_000;
    if depth > 8 || names.len() > MAX_NAMES {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let join = |name: &str| {
            if package.is_empty() {
                name.to_string()
            } else {
                format!("{package}.{name}")
            }
        };
        if path.is_dir() {
            if is_identifier(file_name)
                && !matches!(
                    file_name,
                    "venv" | "site-packages" | "node_modules" | "__pycache__"
                )
            {
                let name = join(file_name);
                collect_modules(&path, &name, depth + 1, names);
                names.push(name);
            }
        } else if let Some(stem) = file_name.strip_suffix(".py")
            && is_identifier(stem)
            && stem != "__init__"
        {
            names.push(join(stem));
        }
    }
}

/// Levenshtein distance between two names.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let deletion = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insertion = current.get(j).copied().unwrap_or(0) + 1;
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// One import statement's name: its text, line and absolute-or-relative
/// dotted path (`.store.save`).
struct ImportLine {
    line: usize,
    text: String,
    qualified: String,
}

fn parse(
    path: &Path,
) -> Option<(
    String,
    ruff_python_parser::Parsed<ruff_python_ast::ModModule>,
)> {
    let text = String::from_utf8(super::read_file(path).ok()?).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let parsed = ruff_python_parser::parse_module(&text).ok()?;
    Some((text, parsed))
}

/// Every import of the module at `path`, anywhere in it, one per name.
fn imports_of(path: &Path) -> Vec<ImportLine> {
    struct Imports<'t> {
        lines: &'t LineIndex,
        found: Vec<ImportLine>,
    }
    impl<'a> StatementVisitor<'a> for Imports<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            let line = self.lines.line_index(stmt.start()).get();
            match stmt {
                Stmt::Import(import) => {
                    for alias in &import.names {
                        let name = alias.name.as_str();
                        let text = match &alias.asname {
                            Some(asname) => format!("import {name} as {asname}"),
                            None => format!("import {name}"),
                        };
                        self.found.push(ImportLine {
                            line,
                            text,
                            qualified: name.to_string(),
                        });
                    }
                }
                Stmt::ImportFrom(import) => {
                    let dots = ".".repeat(import.level as usize);
                    let module = import.module.as_ref().map_or("", |m| m.as_str());
                    for alias in &import.names {
                        let name = alias.name.as_str();
                        let text = match &alias.asname {
                            Some(asname) => {
                                format!("from {dots}{module} import {name} as {asname}")
                            }
                            None => format!("from {dots}{module} import {name}"),
                        };
                        if name == "*" {
                            continue;
                        }
                        let qualified = if module.is_empty() {
                            format!("{dots}{name}")
                        } else {
                            format!("{dots}{module}.{name}")
                        };
                        self.found.push(ImportLine {
                            line,
                            text,
                            qualified,
                        });
                    }
                }
                _ => walk_stmt(self, stmt),
            }
        }
    }
    let Some((text, parsed)) = parse(path) else {
        return Vec::new();
    };
    let lines = LineIndex::from_source_text(&text);
    let mut visitor = Imports {
        lines: &lines,
        found: Vec::new(),
    };
    visitor.visit_body(&parsed.syntax().body);
    visitor.found
}

/// The decorators of the module's top-level functions and classes (by
/// name) and of its classes' methods (by `Class.method`), as written.
fn decorators_of(path: &Path) -> FxHashMap<String, Vec<String>> {
    let mut found = FxHashMap::default();
    let Some((text, parsed)) = parse(path) else {
        return found;
    };
    let written = |decorators: &[Decorator]| -> Vec<String> {
        decorators
            .iter()
            .filter_map(|d| text.get(d.range.start().to_usize()..d.range.end().to_usize()))
            .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let def = |def: &StmtFunctionDef| written(&def.decorator_list);
    for stmt in &parsed.syntax().body {
        match stmt {
            Stmt::FunctionDef(function) => {
                found.insert(function.name.to_string(), def(function));
            }
            Stmt::ClassDef(class) => {
                found.insert(class.name.to_string(), written(&class.decorator_list));
                for inner in &class.body {
                    if let Stmt::FunctionDef(method) = inner {
                        found.insert(format!("{}.{}", class.name, method.name), def(method));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn edit_distance() {
        assert_eq!(distance("app.srver", "app.server"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("store", "store"), 0);
    }
}
