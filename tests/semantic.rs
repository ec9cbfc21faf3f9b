//! The semantic layer: scopes by offset, `await`-able positions, name
//! resolution through imports and aliases, shadowing, and uses of a name.

mod common;

use asyncmod::engine::parse;
use asyncmod::semantic::{ScopeKind, SemanticModel, UseKind};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::TextSize;

fn offset_of(source: &str, needle: &str) -> TextSize {
    TextSize::new(
        source
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in source")) as u32,
    )
}

/// Runs `f` with the model of `source`.
fn with_model(source: &str, f: impl FnOnce(&SemanticModel)) {
    let parsed = parse(source).expect("parses");
    let model = SemanticModel::build(parsed.syntax());
    f(&model);
}

/// The qualified name of the callee of the call whose text starts with `needle`.
fn callee_name(source: &str, needle: &str) -> Option<String> {
    let parsed = parse(source).expect("parses");
    let model = SemanticModel::build(parsed.syntax());
    let at = offset_of(source, needle);
    let site = model
        .calls
        .iter()
        .find(|site| ruff_text_size::Ranged::range(site.call).start() == at)
        .unwrap_or_else(|| panic!("no call at `{needle}`"));
    model
        .qualified_name(&site.call.func, site.scope)
        .map(|q| q.to_string())
}

#[test]
fn async_positions() {
    let source = "\
async def coro():
    a = 1
    [b for b in range(2)]
    (g for g in range(3))
    lambda: l
    def inner():
        i = 1
    class K:
        k = 1
def sync():
    s = 1
";
    with_model(source, |m| {
        let yes = |needle: &str| m.in_async_def_at(offset_of(source, needle));
        assert!(yes("a = 1"));
        assert!(
            yes("b for"),
            "a list comprehension passes the question outward"
        );
        assert!(
            !yes("g for"),
            "an await in a generator expression changes its type"
        );
        assert!(!yes("l\n"), "a lambda is not the coroutine");
        assert!(!yes("i = 1"));
        assert!(!yes("k = 1"));
        assert!(!yes("s = 1"));
    });
}

#[test]
fn defaults_decorators_and_first_iterables_run_outside() {
    let source = "\
async def f(x=default_value):
    pass
@decorator_call
async def g():
    [y for y in first_iter for z in second_iter]
";
    with_model(source, |m| {
        let scope = |needle: &str| m.scope(m.scope_at(offset_of(source, needle))).kind;
        assert_eq!(scope("default_value"), ScopeKind::Module);
        assert_eq!(scope("decorator_call"), ScopeKind::Module);
        assert!(matches!(
            scope("first_iter"),
            ScopeKind::Function { is_async: true }
        ));
        assert!(matches!(
            scope("second_iter"),
            ScopeKind::Comprehension { .. }
        ));
    });
}

#[test]
fn resolves_through_imports_and_aliases() {
    let source = "\
import time as t
import asyncio as aio
from time import sleep as nap
import os.path
from . import sibling
t.sleep(1)
nap(1)
aio.run(x)
os.path.join(a)
input()
sibling.call()
";
    assert_eq!(
        callee_name(source, "t.sleep").as_deref(),
        Some("time.sleep")
    );
    assert_eq!(callee_name(source, "nap(").as_deref(), Some("time.sleep"));
    assert_eq!(
        callee_name(source, "aio.run").as_deref(),
        Some("asyncio.run")
    );
    assert_eq!(
        callee_name(source, "os.path.join").as_deref(),
        Some("os.path.join")
    );
    assert_eq!(
        callee_name(source, "input(").as_deref(),
        Some("builtins.input")
    );
    assert_eq!(
        callee_name(source, "sibling.call").as_deref(),
        Some(".sibling.call")
    );
}

#[test]
fn local_bindings_shadow_modules() {
    let source = "\
import time
def param(time):
    time.sleep(1)
def local():
    time = object()
    time.sleep(2)
def later():
    time.sleep(3)
    time = 1
def free():
    time.sleep(4)
class C:
    time = 1
    def method(self):
        time.sleep(5)
";
    assert_eq!(callee_name(source, "time.sleep(1)"), None);
    assert_eq!(callee_name(source, "time.sleep(2)"), None);
    assert_eq!(
        callee_name(source, "time.sleep(3)"),
        None,
        "local for the whole function"
    );
    assert_eq!(
        callee_name(source, "time.sleep(4)").as_deref(),
        Some("time.sleep")
    );
    assert_eq!(
        callee_name(source, "time.sleep(5)").as_deref(),
        Some("time.sleep"),
        "class scopes are invisible to their methods"
    );
}

#[test]
fn module_rebinding_global_and_star_imports_make_names_unknown() {
    let rebound = "import time\ntime = Clock()\ntime.sleep(1)\n";
    assert_eq!(callee_name(rebound, "time.sleep"), None);
    let global = "import time\ndef f():\n    global time\n    time = 1\ntime.sleep(1)\n";
    assert_eq!(callee_name(global, "time.sleep"), None);
    let star = "from time import *\nsleep(1)\n";
    assert_eq!(callee_name(star, "sleep"), None);
    let twice = "import time\nimport time\ntime.sleep(1)\n";
    assert_eq!(
        callee_name(twice, "time.sleep").as_deref(),
        Some("time.sleep")
    );
}

#[test]
fn uses_of_a_variable_include_nested_reads_and_skip_shadowed_ones() {
    let source = "\
def main():
    loop = make()
    loop.run(1)
    def inner():
        return loop
    def other(loop):
        return loop
    del loop
";
    let parsed = parse(source).expect("parses");
    let model = SemanticModel::build(parsed.syntax());
    let Stmt::FunctionDef(def) = &parsed.syntax().body[0] else {
        panic!("a def")
    };
    let scope = model.scope_at(ruff_text_size::Ranged::range(&def.body[0]).start());
    let uses = model.uses_of("loop", scope);
    let kinds: Vec<(UseKind, usize)> = uses
        .iter()
        .map(|u| {
            (
                u.kind,
                source[..u.range.start().to_usize()].matches('\n').count() + 1,
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (UseKind::Write, 2),
            (UseKind::Read, 3),
            (UseKind::Read, 5),
            (UseKind::Delete, 8),
        ]
    );
}

#[test]
fn walrus_in_a_comprehension_binds_in_the_function() {
    let source = "def f():\n    [y := x for x in range(3)]\n    return y\n";
    let parsed = parse(source).expect("parses");
    let model = SemanticModel::build(parsed.syntax());
    let function = model.scope_at(offset_of(source, "return y"));
    assert!(
        model
            .uses_of("y", function)
            .iter()
            .any(|u| u.kind == UseKind::Write)
    );
    let Stmt::FunctionDef(def) = &parsed.syntax().body[0] else {
        panic!("a def")
    };
    let Stmt::Return(ret) = &def.body[1] else {
        panic!("a return")
    };
    assert!(matches!(ret.value.as_deref(), Some(Expr::Name(_))));
}

#[test]
fn suites_locate_statements() {
    let source = "if x:\n    a = 1\n    b = 2\nc = 3\n";
    let parsed = parse(source).expect("parses");
    let model = SemanticModel::build(parsed.syntax());
    let Stmt::If(branch) = &parsed.syntax().body[0] else {
        panic!("an if")
    };
    let (suite, index) = model.suite_of(&branch.body[1]).expect("located");
    assert_eq!(index, 1);
    assert_eq!(suite.body.len(), 2);
    assert!(suite.parent.is_some());
    assert_eq!(model.following(&branch.body[0]).len(), 1);
}

/// `refers_to` answers without building names; it must agree with
/// `qualified_name` on every callee, for the callee's own name and for names
/// that differ from it only in a prefix, a suffix or the `builtins.` root.
#[test]
fn refers_to_agrees_with_qualified_name() {
    let tricky = "\
import builtins
import time as t
import os.path
from builtins import open as bopen
from time import sleep as nap
from asyncio import tasks
from asyncio.tasks import wait as w
async def f(time, sleep):
    t.sleep(1); nap(1); sleep(1); time.sleep(1); open('x'); bopen('x')
    builtins.open('x'); open.x(); builtins.open.x(); input(); os.path.join('a')
    tasks.wait(x); w(x); asyncio.wait(x); print.x.y(); t(); len.__call__([])
class C:
    open = 1
    def m(self):
        open('x'); self.open()
";
    let mut sources = vec![tricky.to_string()];
    for (folder, _) in common::folders() {
        for path in common::fixtures_in(&folder) {
            sources.push(std::fs::read_to_string(&path).expect("fixture reads"));
        }
    }
    let mut compared = 0;
    for source in &sources {
        let Ok(parsed) = parse(source) else { continue };
        let model = SemanticModel::build(parsed.syntax());
        for site in &model.calls {
            let func = &site.call.func;
            let Some(name) = model.qualified_name(func, site.scope) else {
                let text = &source[ruff_text_size::Ranged::range(func.as_ref())];
                let probes = [
                    "builtins.open".to_string(),
                    "time.sleep".to_string(),
                    format!("builtins.{text}"),
                    text.to_string(),
                ];
                for probe in &probes {
                    assert!(
                        !model.refers_to(func, site.scope, probe),
                        "{probe} in {source}"
                    );
                }
                continue;
            };
            let name = name.to_string();
            let (head, tail) = name.split_once('.').unwrap_or((&name, ""));
            let others = [
                format!("{name}.x"),
                format!("x.{name}"),
                format!("builtins.{tail}"),
                format!("{head}x.{tail}"),
                tail.to_string(),
            ];
            assert!(
                model.refers_to(func, site.scope, &name),
                "{name} in {source}"
            );
            for other in others.iter().filter(|o| **o != name) {
                assert!(
                    !model.refers_to(func, site.scope, other),
                    "{other} vs {name}"
                );
            }
            compared += 1;
        }
    }
    assert!(compared > 500, "only {compared} callees compared");
}

#[test]
fn attributes_the_module_may_define_or_replace() {
    let defines = |source: &str| {
        let parsed = parse(source).expect("parses");
        SemanticModel::build(parsed.syntax()).may_define_attribute("run_in_executor")
    };
    assert!(defines(
        "import asyncio\nclass Loop(asyncio.SelectorEventLoop):\n    def run_in_executor(self, executor, func, *args):\n        return super().run_in_executor(executor, func, *args)\n"
    ));
    assert!(defines("class Loop:\n    run_in_executor = traced\n"));
    assert!(defines("asyncio.BaseEventLoop.run_in_executor = traced\n"));
    assert!(defines("setattr(loop, 'run_in_executor', traced)\n"));
    assert!(defines("setattr(loop, name, traced)\n"));
    assert!(!defines(
        "async def f(loop):\n    run_in_executor = loop.run_in_executor\n    await run_in_executor(None, work)\n"
    ));
}
