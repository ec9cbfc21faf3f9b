//! Which calls block the thread they run in, and which plain functions
//! block when called: directly (a call of the known-libraries table's
//! blocking functions, `time.sleep`, file I/O) or through other functions
//! of the module or, through the project index, of the project
//! (`fetch_all` -> `_get` -> `requests.get`).
//!
//! A function's own code is its body and the comprehensions in it, not
//! the functions and lambdas defined in it: those run when something
//! calls them, maybe in a worker thread (`asyncio.to_thread(lambda: …)`).
//! Only calls follow the chain: a function passed along (to
//! `run_in_executor`, a `Thread`, an executor) is no call of it.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use ruff_python_ast::{Expr, ExprCall, StmtFunctionDef};
use ruff_text_size::{Ranged, TextSize};
use rustc_hash::{FxHashMap, FxHashSet};

use super::functions::{Callee, is_generator};
use super::imports::Lookup;
use super::known;
use super::project::{Origin, Resolved};
use super::scope::MODULE_SCOPE;
use super::{BindingKind, CallSite, ScopeId, ScopeKind, SemanticModel};

/// How many functions a chain may go through before the question gives
/// up (the chain is then not reported).
pub const MAX_CHAIN: usize = 8;

/// Where a chain's blocking call is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockingSite {
    /// In the module asking, at this offset.
    Here(TextSize),
    /// In another module of the project.
    There(Origin),
}

/// One function a chain goes through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainStep {
    /// As its module names it (`fetch_all`, `Client.get`).
    pub function: String,
    /// Its module's file, relative to the project's root; `None` for the
    /// module asking.
    pub file: Option<PathBuf>,
}

/// A chain of calls from a plain function to a call that blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockingChain {
    /// The functions, the called one first.
    pub functions: Vec<ChainStep>,
    /// The blocking call at the end (`requests.get`, `open`).
    pub call: String,
    pub site: BlockingSite,
}

/// What a call in a plain function of a module calls, as far as a chain
/// across modules follows it (see `crate::index::summary::module_calls`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallTarget {
    /// A function by absolute dotted name, as the module names it
    /// (`app.http._get`, `service.store.save`).
    Name(Box<str>),
    /// `self.name(...)` in a method: the method `name` of the instance's class.
    SelfMethod(Box<str>),
}

impl<'a> SemanticModel<'a> {
    /// The name of the blocking call `call` (in `scope`) makes, as written
    /// for messages (`requests.get`, `time.sleep`, `open`,
    /// `Path.read_text`): a function of the known-libraries table that
    /// blocks until its I/O is done, `time.sleep`, `open()`, or a file
    /// method of a `pathlib.Path(...)` built in place.
    pub fn blocking_call(&self, call: &ExprCall, scope: ScopeId) -> Option<String> {
        let func = call.func.as_ref();
        let (member, maybe_path) = match func {
            Expr::Attribute(attribute) => (
                attribute.attr.as_str(),
                attribute.value.is_call_expr() && known::may_be_path_io_method(&attribute.attr),
            ),
            Expr::Name(name) => (name.id.as_str(), false),
            _ => return None,
        };
        if maybe_path {
            let Expr::Attribute(attribute) = func else {
                return None;
            };
            let Expr::Call(constructor) = attribute.value.as_ref() else {
                return None;
            };
            return self
                .qualified_name(&constructor.func, scope)
                .is_some_and(|q| known::path_io_method(q.as_str(), member))
                .then(|| format!("Path.{member}"));
        }
        if !known::may_be_blocking_member(member) {
            return None;
        }
        // A name resolves to a module path only through an import, and to
        // a builtin only when unbound.
        if let Expr::Name(name) = func
            && !matches!(name.id.as_str(), "input" | "open")
            && self.import_of(name.id.as_str(), scope).is_none()
        {
            return None;
        }
        let qualified = self.qualified_name(func, scope)?;
        let qualified = qualified.as_str();
        let blocks = known::blocks_when_called(qualified);
        // `import time` may find the project's own `time.py`.
        if let Some(project) = self.project()
            && let Some((top, _)) = qualified.split_once('.')
            && top != "builtins"
            && blocks
            && matches!(project.facts.resolve(top), Resolved::Module(_))
        {
            return None;
        }
        blocks.then(|| {
            qualified
                .strip_prefix("builtins.")
                .unwrap_or(qualified)
                .to_string()
        })
    }

    /// The function whose own code runs `scope`'s code: through
    /// comprehensions (they run where they are written), not through
    /// lambdas or nested functions, which run when called.
    pub fn call_owner(&self, scope: ScopeId) -> Option<ScopeId> {
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = self.scope(id);
            match scope.kind {
                ScopeKind::Function { .. } => return Some(id),
                ScopeKind::Comprehension { .. } => current = scope.parent,
                ScopeKind::Module | ScopeKind::Class | ScopeKind::Lambda => return None,
            }
        }
        None
    }

    /// The calls in each function's own code (see [`Self::call_owner`]),
    /// in the order of [`SemanticModel::calls`], by the function's scope.
    pub fn calls_by_function(&self) -> FxHashMap<ScopeId, Vec<&CallSite<'a>>> {
        let mut by_function: FxHashMap<ScopeId, Vec<&CallSite<'a>>> = FxHashMap::default();
        for site in &self.calls {
            if let Some(owner) = self.call_owner(site.scope) {
                by_function.entry(owner).or_default().push(site);
            }
        }
        by_function
    }

    /// What a call in a plain function's code (in `scope`) calls, as a
    /// chain across modules follows it, for the module named `module`: a
    /// name of the module (`helper`), a name imported from elsewhere
    /// (`store.save` after `from service import store`), or a method of
    /// `self`. `absolute` makes an import path absolute. `None` for
    /// anything else (a local variable, a builtin, a call's result, a
    /// name bound more than one way).
    pub fn call_target(
        &self,
        func: &Expr,
        scope: ScopeId,
        module: &str,
        absolute: &dyn Fn(&str) -> String,
    ) -> Option<CallTarget> {
        let mut root = func;
        let mut depth = 0;
        while let Expr::Attribute(attribute) = root {
            root = &attribute.value;
            depth += 1;
        }
        let Expr::Name(name) = root else {
            return None;
        };
        let id = name.id.as_str();
        let Lookup::Bound {
            scope: owner,
            bindings: [only],
        } = self.lookup(id, scope)
        else {
            return None;
        };
        let binding = self.binding(*only);
        match (&binding.kind, owner) {
            (BindingKind::Import { .. }, _) => {
                let qualified = self.qualified_name(func, scope)?;
                Some(CallTarget::Name(absolute(qualified.as_str()).into()))
            }
            (_, MODULE_SCOPE) => {
                if self.scope(MODULE_SCOPE).star_import {
                    return None;
                }
                let mut dotted = format!("{module}.{id}");
                let mut parts = Vec::new();
                let mut current = func;
                while let Expr::Attribute(attribute) = current {
                    parts.push(attribute.attr.as_str());
                    current = &attribute.value;
                }
                for part in parts.iter().rev() {
                    dotted.push('.');
                    dotted.push_str(part);
                }
                Some(CallTarget::Name(dotted.into()))
            }
            (BindingKind::Parameter, owner) if depth == 1 => {
                let Expr::Attribute(attribute) = func else {
                    return None;
                };
                self.is_self_parameter(id, owner)
                    .then(|| CallTarget::SelfMethod(attribute.attr.as_str().into()))
            }
            _ => None,
        }
    }

    /// Whether `name` is the first parameter of the plain method whose
    /// scope is `function` (a `def` directly in a class body, with no
    /// decorator: not a `staticmethod` or `classmethod`).
    fn is_self_parameter(&self, name: &str, function: ScopeId) -> bool {
        self.is_instance_parameter(name, function)
            && self
                .scope(function)
                .function()
                .is_some_and(|def| def.decorator_list.is_empty())
    }
}

/// Whether calling a function with these facts runs its body there and
/// then, as a plain function: no `async def`, no generator, no decorator
/// that may make it something else.
pub fn runs_when_called(is_async: bool, is_generator: bool, transparent: bool) -> bool {
    !is_async && !is_generator && transparent
}

/// The chains of the module's plain functions, asked from its coroutines:
/// each function's answer is worked out once.
pub struct BlockingChains<'s, 'a> {
    semantic: &'s SemanticModel<'a>,
    /// The names of the module's plain functions, at any depth: a call
    /// whose callee is named otherwise is no call of one (asked before
    /// anything costlier).
    plain_names: std::cell::OnceCell<FxHashSet<&'a str>>,
    by_function: std::cell::OnceCell<FxHashMap<ScopeId, Vec<&'s CallSite<'a>>>>,
    /// Answers by the function's scope.
    answers: RefCell<FxHashMap<ScopeId, Option<Rc<BlockingChain>>>>,
}

impl<'s, 'a> BlockingChains<'s, 'a> {
    pub fn new(semantic: &'s SemanticModel<'a>) -> Self {
        BlockingChains {
            semantic,
            plain_names: std::cell::OnceCell::new(),
            by_function: std::cell::OnceCell::new(),
            answers: RefCell::new(FxHashMap::default()),
        }
    }

    /// The chain by which `call` (in `scope`) blocks, when it calls a
    /// plain function of the module that blocks, directly or through other
    /// such functions. `None` for a call that blocks by itself (that is the
    /// call's own finding), and for anything not known to be such a
    /// function: a name bound more than one way, a function another module
    /// of the project may replace (an attribute of its name written there),
    /// a method a subclass may override. Through the project index, a call
    /// of a plain function of another module of the project is followed
    /// there.
    pub fn of_call(&self, call: &ExprCall, scope: ScopeId) -> Option<BlockingChain> {
        let called = match call.func.as_ref() {
            Expr::Name(name) => name.id.as_str(),
            Expr::Attribute(attribute) => attribute.attr.as_str(),
            _ => return None,
        };
        let plain_names = self.plain_names.get_or_init(|| {
            self.semantic
                .scopes
                .iter()
                .filter_map(|scope| scope.function())
                .filter(|def| !def.is_async)
                .map(|def| def.name.as_str())
                .collect()
        });
        if !plain_names.contains(called) {
            return self.imported(call, scope);
        }
        let chain = match self.semantic.callee(&call.func, scope) {
            Callee::Function(def) => {
                let own = self.function_scope(def)?;
                let mut stack = Vec::new();
                let mut cut = false;
                self.local(def, own, &mut stack, &mut cut)?
            }
            Callee::Class(_) => return None,
            Callee::Unknown => return self.imported(call, scope),
        };
        // Asked only of a chain found (the project's files are scanned
        // once, on the first such question). The steps in other modules
        // were asked when the index resolved them.
        let replaced = self.semantic.project().is_some_and(|project| {
            chain
                .functions
                .iter()
                .filter(|step| step.file.is_none())
                .any(|step| {
                    let name = step.function.rsplit('.').next().unwrap_or(&step.function);
                    project.facts.attribute_written(name)
                })
        });
        (!replaced).then(|| (*chain).clone())
    }

    /// The chain of a plain function of another module of the project that
    /// `call` (in `scope`) surely calls. A name an import binds is asked of
    /// the project's text first (see `ProjectFacts::may_block`), before
    /// anything resolves it.
    fn imported(&self, call: &ExprCall, scope: ScopeId) -> Option<BlockingChain> {
        let semantic = self.semantic;
        let project = semantic.project()?;
        match semantic.qualified_name(&call.func, scope) {
            Some(qualified) => {
                if !project
                    .absolute(qualified.as_str())
                    .is_some_and(|absolute| project.facts.may_block(&absolute))
                {
                    return None;
                }
            }
            // A method of a local object: only one whose class the module
            // may show (see `SemanticModel::resolve_callee`), asked of the
            // text of the class's module by the method's name first.
            None => {
                let may = self
                    .object_method(&call.func, scope)
                    .and_then(|method| project.absolute(&method))
                    .is_some_and(|method| project.facts.may_block(&method));
                if !may {
                    return None;
                }
            }
        }
        match semantic.resolve_callee(&call.func, scope) {
            Resolved::Function {
                qualified, facts, ..
            } if runs_when_called(facts.is_async, facts.is_generator, facts.transparent)
                && !facts.legacy_coroutine =>
            {
                project.facts.blocking_chain(&qualified)
            }
            _ => None,
        }
    }

    fn function_scope(&self, def: &StmtFunctionDef) -> Option<ScopeId> {
        let semantic = self.semantic;
        let inside = semantic.scope_at(def.body.first()?.start());
        let mut current = Some(inside);
        while let Some(id) = current {
            if semantic
                .scope(id)
                .function()
                .is_some_and(|f| std::ptr::eq(f, def))
            {
                return Some(id);
            }
            current = semantic.scope(id).parent;
        }
        None
    }

    /// The chain of the module's own plain function `def` (scope `own`).
    /// `stack` holds the functions being asked about (a cycle stops
    /// there); `cut` tells the caller an answer was cut short by a cycle
    /// or the depth limit, and must not be kept.
    fn local(
        &self,
        def: &StmtFunctionDef,
        own: ScopeId,
        stack: &mut Vec<ScopeId>,
        cut: &mut bool,
    ) -> Option<Rc<BlockingChain>> {
        let semantic = self.semantic;
        if let Some(known) = self.answers.borrow().get(&own) {
            // Too long to reach from here: cut, as a fresh walk would.
            if known
                .as_ref()
                .is_some_and(|chain| stack.len() + chain.functions.len() > MAX_CHAIN)
            {
                *cut = true;
                return None;
            }
            return known.clone();
        }
        // As `runs_when_called`, the cheapest question first.
        if def.is_async || is_generator(def) || !semantic.keeps_coroutine_function(def) {
            return None;
        }
        if stack.contains(&own) || stack.len() >= MAX_CHAIN {
            *cut = true;
            return None;
        }
        let by_function = self
            .by_function
            .get_or_init(|| semantic.calls_by_function());
        let calls = by_function.get(&own).map_or(&[][..], Vec::as_slice);
        let name = display_name(semantic, def, own);
        // A call that blocks by itself first: the shortest chain.
        let direct = calls.iter().find_map(|site| {
            semantic
                .blocking_call(site.call, site.scope)
                .map(|call| (call, site.call.start()))
        });
        let mut my_cut = false;
        let answer = if let Some((call, offset)) = direct {
            Some(Rc::new(BlockingChain {
                functions: vec![ChainStep {
                    function: name,
                    file: None,
                }],
                call,
                site: BlockingSite::Here(offset),
            }))
        } else {
            stack.push(own);
            let mut found = None;
            for site in calls {
                let next = match semantic.callee(&site.call.func, site.scope) {
                    Callee::Function(callee) => self
                        .function_scope(callee)
                        .and_then(|scope| self.local(callee, scope, stack, &mut my_cut))
                        .map(|chain| (*chain).clone()),
                    Callee::Class(_) => None,
                    Callee::Unknown => self.imported(site.call, site.scope).filter(|chain| {
                        let fits = stack.len() + chain.functions.len() <= MAX_CHAIN;
                        my_cut |= !fits;
                        fits
                    }),
                };
                if let Some(mut chain) = next {
                    chain.functions.insert(
                        0,
                        ChainStep {
                            function: name.clone(),
                            file: None,
                        },
                    );
                    found = Some(Rc::new(chain));
                    break;
                }
            }
            stack.pop();
            found
        };
        // An answer found with a path cut short may depend on where the
        // walk came from: only whole answers are kept.
        if !my_cut {
            self.answers.borrow_mut().insert(own, answer.clone());
        }
        *cut |= my_cut;
        answer
    }
}

impl BlockingChains<'_, '_> {
    /// For `obj.method` with `obj` bound once in its scope, by an
    /// assignment of a call's result or as an annotated parameter (the
    /// only objects whose class `SemanticModel::resolve_callee` may know):
    /// the dotted name of the method on that class as the module imports it
    /// (`app.db.Repo.load`, maybe relative), a cheap question before
    /// resolving anything.
    fn object_method(&self, func: &Expr, scope: ScopeId) -> Option<String> {
        let semantic = self.semantic;
        let Expr::Attribute(attribute) = func else {
            return None;
        };
        let Expr::Name(receiver) = attribute.value.as_ref() else {
            return None;
        };
        let Lookup::Bound {
            bindings: [only], ..
        } = semantic.lookup(receiver.id.as_str(), scope)
        else {
            return None;
        };
        let binding = semantic.binding(*only);
        let stmt = binding.stmt?;
        let class = match &binding.kind {
            BindingKind::Parameter => {
                super::functions::parameter_at(stmt, binding.range)?.annotation()?
            }
            BindingKind::Assignment => match stmt {
                ruff_python_ast::Stmt::Assign(assign) => match assign.value.as_ref() {
                    Expr::Call(call) => call.func.as_ref(),
                    _ => return None,
                },
                _ => return None,
            },
            _ => return None,
        };
        let class = semantic.qualified_name(class, semantic.scope_at(stmt.start()))?;
        Some(format!("{}.{}", class.as_str(), attribute.attr))
    }
}

/// `fetch` for a function, `Client.fetch` for a method of a class.
fn display_name(semantic: &SemanticModel, def: &StmtFunctionDef, own: ScopeId) -> String {
    let class = semantic
        .scope(own)
        .parent
        .and_then(|parent| match semantic.scope(parent).node {
            super::ScopeNode::Class(class) => Some(class.name.as_str()),
            _ => None,
        });
    match class {
        Some(class) => format!("{class}.{}", def.name),
        None => def.name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::BlockingChains;
    use crate::engine::parse;
    use crate::semantic::SemanticModel;
    use ruff_text_size::Ranged;

    /// The chain of the last call of the source, as `a -> b -> call`.
    fn chain(source: &str) -> Option<String> {
        let parsed = parse(source).expect("parses");
        let semantic = SemanticModel::build(parsed.syntax());
        let site = semantic
            .calls
            .iter()
            .max_by_key(|site| site.call.start())
            .expect("a call");
        let chains = BlockingChains::new(&semantic);
        chains.of_call(site.call, site.scope).map(|chain| {
            let names: Vec<&str> = chain
                .functions
                .iter()
                .map(|step| step.function.as_str())
                .collect();
            format!("{} -> {}", names.join(" -> "), chain.call)
        })
    }

    #[test]
    fn blocking_calls() {
        for (source, expected) in [
            ("import time\ntime.sleep(1)\n", Some("time.sleep")),
            ("from time import sleep\nsleep(1)\n", Some("time.sleep")),
            ("import requests\nrequests.get(u)\n", Some("requests.get")),
            ("open('f')\n", Some("open")),
            (
                "import pathlib\npathlib.Path('f').read_text()\n",
                Some("Path.read_text"),
            ),
            ("input()\n", Some("input")),
            ("import asyncio\nasyncio.sleep(1)\n", None),
            ("def open(x): pass\nopen('f')\n", None),
            ("sleep(1)\n", None),
            ("session.get(u)\n", None),
        ] {
            let parsed = parse(source).expect("parses");
            let semantic = SemanticModel::build(parsed.syntax());
            let site = semantic
                .calls
                .iter()
                .max_by_key(|site| site.call.end())
                .expect("a call");
            assert_eq!(
                semantic.blocking_call(site.call, site.scope).as_deref(),
                expected,
                "{source}"
            );
        }
    }

    #[test]
    fn chains_through_the_module() {
        for (source, expected) in [
            (
                "import requests\ndef _get(u):\n    return requests.get(u)\ndef fetch_all(us):\n    return [_get(u) for u in us]\nasync def main():\n    fetch_all([])\n",
                Some("fetch_all -> _get -> requests.get"),
            ),
            (
                "import time\nclass C:\n    def wait(self):\n        time.sleep(1)\n    def run(self):\n        self.wait()\n    async def go(self):\n        self.run()\n",
                Some("C.run -> C.wait -> time.sleep"),
            ),
            // A cycle with no blocking call, and one with.
            (
                "def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\nasync def main():\n    a(1)\n",
                None,
            ),
            (
                "import time\ndef a(n):\n    b(n)\n    time.sleep(n)\ndef b(n):\n    return a(n)\nasync def main():\n    b(1)\n",
                Some("b -> a -> time.sleep"),
            ),
            // Only in a lambda or a nested function: runs when called.
            (
                "import time\nimport asyncio\ndef later():\n    return lambda: time.sleep(1)\nasync def main():\n    later()\n",
                None,
            ),
            (
                "import time\ndef later():\n    def inner():\n        time.sleep(1)\n    return inner\nasync def main():\n    later()\n",
                None,
            ),
            // Passed to a thread, not called.
            (
                "import time\nimport asyncio\ndef work():\n    time.sleep(1)\ndef spawn(loop):\n    return loop.run_in_executor(None, work)\nasync def main(loop):\n    spawn(loop)\n",
                None,
            ),
            // Rebound, decorated, a generator, an `async def`.
            (
                "import time\ndef w():\n    time.sleep(1)\nw = print\nasync def main():\n    w()\n",
                None,
            ),
            (
                "import time, functools\n@functools.lru_cache\ndef w():\n    time.sleep(1)\nasync def main():\n    w()\n",
                None,
            ),
            (
                "import time\ndef w():\n    time.sleep(1)\n    yield 1\nasync def main():\n    w()\n",
                None,
            ),
            (
                "import time\nasync def w():\n    time.sleep(1)\nasync def main():\n    w()\n",
                None,
            ),
            // Called directly, it is the call's own finding, not a chain.
            ("import time\nasync def main():\n    time.sleep(1)\n", None),
        ] {
            assert_eq!(chain(source).as_deref(), expected, "{source}");
        }
    }

    #[test]
    fn the_first_blocking_call_is_where_the_chain_ends() {
        let source = "import time\ndef w():\n    print(1)\n    time.sleep(1)\n    open('f')\nasync def main():\n    w()\n";
        let parsed = parse(source).expect("parses");
        let semantic = SemanticModel::build(parsed.syntax());
        let site = semantic.calls.last().expect("a call");
        let found = BlockingChains::new(&semantic)
            .of_call(site.call, site.scope)
            .expect("a chain");
        assert_eq!(found.call, "time.sleep");
        assert_eq!(
            found.site,
            super::BlockingSite::Here(ruff_text_size::TextSize::from(38))
        );
    }
}
