//! The project index as a user sees it, through the binary on temporary
//! projects: `check --show-index`, `--python`, `VIRTUAL_ENV` and `.venv`,
//! stdin inside a project, and a file alone finding what the project run
//! finds for it.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_asyncmod"));
    // Never a cache in the trees the tests check byte for byte.
    command.env("ASYNCMOD_NO_CACHE", "1");
    command
        .args(args)
        .current_dir(dir)
        .env_remove("VIRTUAL_ENV")
        .env("NO_COLOR", "1");
    command
}

fn asyncmod(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("the binary runs")
}

fn asyncmod_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    common::output_with_stdin(&mut command(dir, args), input.as_bytes())
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(root: &Path, files: &[(&str, &str)]) {
    for (file, text) in files {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
    }
}

const STORE: &str = "\
import asyncio
import functools

import aiohttp
import click
from websockets import serve

from .base import Base
from .helpers import *

__all__ = [\"save\", \"Repo\"]

ready = asyncio.get_event_loop()


def traced(func):
    return func


@traced
async def save(record):
    return record


@functools.wraps(save)
def describe(record):
    return str(record)


async def stream():
    yield 1


class Repo(Base):
    async def put(self, record):
        return record

    def size(self):
        return 0


repo = Repo()


def __getattr__(name):
    raise AttributeError(name)


def main():
    print(\"run\")
";

/// A project with a `service` package, its entry point and helpers.
fn service_project(root: &Path) {
    write(
        root,
        &[
            (
                "pyproject.toml",
                "[project]\nname = \"service\"\n\n[project.scripts]\nserve = \"service.store:main\"\n",
            ),
            ("service/__init__.py", "from .store import save\n"),
            ("service/store.py", STORE),
            (
                "service/base.py",
                "class Base:\n    async def close(self):\n        return None\n",
            ),
            ("service/helpers.py", "def helper():\n    return 1\n"),
            (
                "service/cached.py",
                "from .base import Base\n\n\nclass Cached(Base):\n    def close(self):\n        return None\n",
            ),
        ],
    );
}

#[test]
fn show_index_prints_what_the_index_knows_about_a_module() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().canonicalize().expect("canonical");
    service_project(&root);
    let output = asyncmod(&root, &["check", "--show-index", "service.store"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let expected = format!(
        "\
module service.store
  file: service/store.py (a module, not a package)
  from: the project
  project: {root} (imports resolve from .)
  environment: none found (`--python`, `VIRTUAL_ENV`, `.venv`, `venv`): the built-in table of well-known async libraries answers for installed packages
functions and classes:
  def traced (line 16): a plain function
    calling it returns: unknown (a plain `def` whose `return`s are not followed across modules)
    quiet: calling it runs only builtins and standard functions that bind no loop
  async def save (line 21): a coroutine function
    decorators: @traced (known to leave the function what it was)
    calling it returns: a coroutine
  def describe (line 26): a plain function
    decorators: @functools.wraps(save) (one may replace the function: what calling it returns is unknown)
    calling it returns: unknown (a decorator may make it return something else)
  async def stream (line 30): an async generator function
    calling it returns: an async generator (no coroutine)
  class Repo(service.base.Base) (line 34)
    async def put (line 35): a coroutine function
      calling it returns: a coroutine
      may be overridden: no: no class of the project that derives from it binds `put` other than by an `async def`
    def size (line 38): a plain function
      calling it returns: unknown (a plain `def` whose `return`s are not followed across modules)
      quiet: calling it runs only builtins and standard functions that bind no loop
      may be overridden: no: no class of the project that derives from it binds `size` other than by an `async def`
  def __getattr__ (line 45): a plain function
    calling it returns: `None` (no `return` gives a value; no coroutine)
  def main (line 49): a plain function
    calling it returns: `None` (no `return` gives a value; no coroutine)
other names:
  Base: imported, `service.base.Base`
  aiohttp: imported, `aiohttp`
  asyncio: imported, `asyncio`
  click: imported, `click`
  functools: imported, `functools`
  ready (line 13): `asyncio.get_event_loop(…)`: unknown: `service.store` has `from service.helpers import *`, which may bind any name after it
  repo (line 42): `service.store.Repo(…)`: unknown: `service.store` has `from service.helpers import *`, which may bind any name after it
  serve: imported, `websockets.serve`
module facts:
  __all__: [Repo, save]
  star import: `from service.helpers import *`: any name of this module may come from it (unknown)
  module __getattr__: yes: a name not bound here may still exist (unknown)
  binds an object to an event loop at import: `asyncio.get_event_loop()`, line 13
  quiet: no, importing it runs a star import at `service/store.py:9`
  entry point: `service.store.main` is named in `[project.scripts]` (it runs once per process)
imports:
  line 1: import asyncio -> standard library: `asyncio` (asyncio: asyncmod's own rules know it)
  line 2: import functools -> unknown: `functools` is not in the project (no environment found), nor in the built-in table of well-known async libraries
  line 4: import aiohttp -> built-in table: module `aiohttp` (not in the project (no environment found); the table answers for the names it lists)
  line 5: import click -> unknown: `click` is not in the project (no environment found), nor in the built-in table of well-known async libraries
  line 6: from websockets import serve -> built-in table: `websockets.serve` returns an awaitable that is no coroutine (`asyncio.run` and `create_task` reject it)
  line 8: from .base import Base -> project: class `service.base.Base` (service/base.py:1)
",
        root = root.display()
    );
    assert_eq!(stdout(&output), expected);

    // A method a subclass overrides with a plain `def`.
    let output = asyncmod(&root, &["check", "--show-index", "service.base"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("\
  class Base() (line 1)
    async def close (line 2): a coroutine function
      calling it returns: a coroutine
      may be overridden: `service.cached.Cached` (service/cached.py:4) derives from it and binds `close` other than by an `async def`; calls through `self` or an annotation are unknown, calls on an instance made by `service.base.Base(…)` are not
"),
        "{text}"
    );

    // The package: a re-export that the star import of `store` makes unknown.
    let output = asyncmod(&root, &["check", "--show-index", "service"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("  file: service/__init__.py (a package)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  line 1: from .store import save -> unknown: `service.store` has `from service.helpers import *`, which may bind any name after it\n"
        ),
        "{text}"
    );
}

#[test]
fn show_index_takes_a_file_and_explains_unknown_names() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path();
    write(
        root,
        &[
            ("pyproject.toml", "[project]\nname = \"app\"\n"),
            ("app/__init__.py", ""),
            (
                "app/store.py",
                "async def save():\n    return 1\n\n\nasync def load():\n    return 2\n\n\ntry:\n    from fast import run\nexcept ImportError:\n    run = None\n",
            ),
            (
                "app/patch.py",
                "from app import store\n\nstore.load = None\n",
            ),
            ("app/lazy.py", "def __getattr__(name):\n    return name\n"),
            (
                "app/main.py",
                "from app.store import save, load, run\nfrom app.lazy import anything\nfrom . import missing\nfrom ... import above\n",
            ),
        ],
    );
    let output = asyncmod(root, &["check", "--show-index", "app/main.py"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "module app.main\n",
        "  line 1: from app.store import save -> project: `async def` `app.store.save` (app/store.py:1), calling it returns a coroutine\n",
        "  line 1: from app.store import load -> unknown: `app.store.load` may be replaced: an attribute named `load` is assigned somewhere in the project (`x.load = …`, `setattr`, `patch.object`)\n",
        "  line 1: from app.store import run -> unknown: `app.store.run` is bound more than one way, on some paths only (`if`, `try`), or other than by `def`, `class`, an import or a call\n",
        "  line 2: from app.lazy import anything -> unknown: `app.lazy` binds no `anything`, and its module `__getattr__` may make any name\n",
        "  line 3: from . import missing -> unknown: `app` binds no `missing` at module level\n",
        "  line 4: from ... import above -> unknown: a relative import that climbs above the top package\n",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn show_index_of_a_missing_module_is_an_error_with_close_names() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path();
    service_project(root);
    let output = asyncmod(root, &["check", "--show-index", "service.stor"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(
        message.contains("no module `service.stor` in the project at"),
        "{message}"
    );
    assert!(
        message.contains("did you mean `service.store`?"),
        "{message}"
    );
    // A well-known library that is not installed: the table answers for it.
    let output = asyncmod(root, &["check", "--show-index", "aiohttp"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("the built-in table of well-known async libraries answers for `aiohttp`"),
        "{}",
        stderr(&output)
    );
    // A file that is not there.
    let output = asyncmod(root, &["check", "--show-index", "service/nope.py"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no such file"),
        "{}",
        stderr(&output)
    );
}

const USES_ACME: &str = "import acme\n\n\nasync def main():\n    acme.fetch()\n";

/// A project whose `.venv` has a package `acme` with a coroutine function.
fn project_with_venv(root: &Path) {
    write(
        root,
        &[
            ("pyproject.toml", "[project]\nname = \"user\"\n"),
            ("user.py", USES_ACME),
            (".venv/pyvenv.cfg", "home = /usr/bin\n"),
            (
                ".venv/lib/python3.11/site-packages/acme/__init__.py",
                "from .client import fetch\n",
            ),
            (
                ".venv/lib/python3.11/site-packages/acme/client.py",
                "async def fetch():\n    return 1\n",
            ),
        ],
    );
}

#[test]
fn an_environment_found_through_dot_venv_is_read() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path();
    project_with_venv(root);
    let output = asyncmod(root, &["check", "--select", "AM109", "-q", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "user.py:5:5: AM109 [*] coroutine `acme.fetch()` is called but never awaited (`fetch` is an `async def` in `.venv/lib/python3.11/site-packages/acme/client.py:1`)\n"
    );
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let output = asyncmod(root, &["check", "--show-index", "acme"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("  from: an installed package of the environment\n"),
        "{text}"
    );
    assert!(
        text.contains("  environment: .venv/lib/python3.11/site-packages\n"),
        "{text}"
    );
    assert!(
        text.contains("  line 1: from .client import fetch -> installed package: `async def` `acme.client.fetch` (.venv/lib/python3.11/site-packages/acme/client.py:1), calling it returns a coroutine\n"),
        "{text}"
    );
    // `--python` naming the environment's interpreter finds the same.
    std::fs::create_dir_all(root.join(".venv/bin")).expect("mkdir");
    std::fs::write(root.join(".venv/bin/python"), "").expect("write");
    let output = asyncmod(
        root,
        &[
            "check",
            "--select",
            "AM109",
            "-q",
            "--python",
            ".venv/bin/python",
            "user.py",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("AM109 [*]"), "{}", stdout(&output));
    // Without the environment the name is unknown: no finding.
    std::fs::remove_dir_all(root.join(".venv")).expect("remove");
    let output = asyncmod(root, &["check", "--select", "AM109", "-q", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn python_naming_no_interpreter_warns_and_the_run_goes_on() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path();
    project_with_venv(root);
    write(
        root,
        &[
            ("notes.txt", "not a program\n"),
            ("plain/readme.txt", "a directory, no environment\n"),
            (
                "sleepy.py",
                "import time\n\n\nasync def f():\n    time.sleep(1)\n",
            ),
        ],
    );
    for (python, why) in [
        ("missing/bin/python", "no such file or directory"),
        ("notes.txt", "not a Python interpreter"),
        ("plain", "not a Python environment"),
    ] {
        let output = asyncmod(
            root,
            &[
                "check",
                "-q",
                "--select",
                "AM001,AM109",
                "--python",
                python,
                ".",
            ],
        );
        let message = stderr(&output);
        assert!(message.contains("warning: `--python "), "{message}");
        assert!(
            message.contains(&format!("{python}`: {why}")),
            "{python}: {message}"
        );
        assert!(message.contains("built-in table"), "{message}");
        // The run goes on: AM001 still reports; the `.venv` is not used
        // in place of what `--python` named, so `acme.fetch` is unknown.
        assert_eq!(output.status.code(), Some(1), "{message}");
        let found = stdout(&output);
        assert!(found.contains("sleepy.py:5:5: AM001"), "{found}");
        assert!(!found.contains("AM109"), "{found}");
    }
}

#[test]
fn virtual_env_naming_nothing_warns_and_the_project_venv_answers() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path();
    project_with_venv(root);
    let gone = root.join("gone");
    let output = command(root, &["check", "-q", "--select", "AM109", "."])
        .env("VIRTUAL_ENV", &gone)
        .output()
        .expect("the binary runs");
    let message = stderr(&output);
    assert!(
        message.contains(&format!(
            "warning: `VIRTUAL_ENV` names `{}`: no such directory",
            gone.display()
        )),
        "{message}"
    );
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(stdout(&output).contains("AM109 [*]"), "{}", stdout(&output));
    // A `VIRTUAL_ENV` that is an environment wins over the project's `.venv`.
    write(root, &[("other/pyvenv.cfg", "home = /usr/bin\n")]);
    std::fs::create_dir_all(root.join("other/lib/python3.11/site-packages")).expect("mkdir");
    let output = command(root, &["check", "-q", "--select", "AM109", "."])
        .env("VIRTUAL_ENV", root.join("other"))
        .output()
        .expect("the binary runs");
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

/// A project where `app/handlers.py` calls coroutine functions of
/// `service/store.py` without awaiting them.
fn handlers_project(root: &Path) {
    write(
        root,
        &[
            ("pyproject.toml", "[project]\nname = \"app\"\n"),
            ("app/__init__.py", ""),
            ("service/__init__.py", ""),
            (
                "service/store.py",
                "async def save(record):\n    return record\n\n\nclass Repo:\n    async def put(self, record):\n        return record\n",
            ),
            (
                "app/handlers.py",
                "from service import store\nfrom service.store import Repo\n\n\nasync def handle(record):\n    store.save(record)\n    repo = Repo()\n    repo.put(record)\n",
            ),
        ],
    );
}

const HANDLERS_FINDINGS: &str = "\
app/handlers.py:6:5: AM109 [*] coroutine `store.save()` is called but never awaited (`save` is an `async def` in `service/store.py:1`)
app/handlers.py:8:5: AM109 [*] coroutine `repo.put()` is called but never awaited (`put` is an `async def` in `service/store.py:6`)
";

#[test]
fn stdin_inside_a_project_uses_that_projects_index() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().join("proj");
    handlers_project(&root);
    let source = std::fs::read_to_string(root.join("app/handlers.py")).expect("read");
    // From outside the project, the stdin file name places it.
    let output = asyncmod_stdin(
        temp.path(),
        &[
            "check",
            "-q",
            "--select",
            "AM109",
            "--stdin-filename",
            "proj/app/handlers.py",
            "-",
        ],
        &source,
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        HANDLERS_FINDINGS.replace("app/handlers.py", "proj/app/handlers.py")
    );
    // A file that is not on disk yet is placed the same way.
    let output = asyncmod_stdin(
        &root,
        &[
            "fix",
            "--select",
            "AM109",
            "--stdin-filename",
            "app/new.py",
            "-",
        ],
        &source,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        source
            .replace("    store.save", "    await store.save")
            .replace("    repo.put", "    await repo.put")
    );
    // Outside any project the imported names are unknown: nothing to say.
    let alone = tempfile::tempdir().expect("temp dir");
    let output = asyncmod_stdin(
        alone.path(),
        &[
            "check",
            "-q",
            "--select",
            "AM109",
            "--stdin-filename",
            "handlers.py",
            "-",
        ],
        &source,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn a_file_alone_finds_what_the_whole_project_finds_for_it() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path();
    handlers_project(root);
    let whole = asyncmod(root, &["check", "-q", "--select", "AM109", "."]);
    let alone = asyncmod(
        root,
        &["check", "-q", "--select", "AM109", "app/handlers.py"],
    );
    assert_eq!(stdout(&whole), HANDLERS_FINDINGS);
    assert_eq!(stdout(&alone), HANDLERS_FINDINGS);
    // Also from a subdirectory, naming the file relative to it.
    let inside = asyncmod(
        &root.join("app"),
        &["check", "-q", "--select", "AM109", "handlers.py"],
    );
    assert_eq!(
        stdout(&inside),
        HANDLERS_FINDINGS.replace("app/handlers.py", "handlers.py")
    );
}

/// `--show-index` says which writes by a computed name reach a method: one
/// on `self` in its class's method, or one on what the index cannot place.
#[test]
fn show_index_explains_writes_by_computed_names() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().canonicalize().expect("canonical");
    write(
        &root,
        &[
            (
                "pyproject.toml",
                "[project]\nname = \"x\"\nversion = \"0\"\n",
            ),
            ("app/__init__.py", ""),
            (
                "app/models.py",
                "class Loose:\n    def __init__(self, **kw):\n        for k, v in kw.items():\n            setattr(self, k, v)\n\n    async def put(self):\n        return 1\n\n\nclass Apart:\n    async def put(self):\n        return 1\n",
            ),
        ],
    );
    let output = asyncmod(&root, &["check", "--show-index", "app.models"]);
    let text = stdout(&output);
    assert!(
        text.contains("\
  class Loose() (line 1)
    def __init__ (line 2): a plain function
      calling it returns: `None` (no `return` gives a value; no coroutine)
      may be replaced: a write by a computed name (`setattr(self, name, v)` in a method of `app.models.Loose` or of a base, or on an instance made by calling one) may reach its instances
    async def put (line 6): a coroutine function
      calling it returns: a coroutine
      may be replaced: a write by a computed name"),
        "{text}"
    );
    assert!(
        text.contains("\
  class Apart() (line 10)
    async def put (line 11): a coroutine function
      calling it returns: a coroutine
      may be overridden: no: no class of the project that derives from it binds `put` other than by an `async def`
"),
        "{text}"
    );

    // A write on a parameter: every attribute of every object.
    write(
        &root,
        &[(
            "app/fill.py",
            "def fill(obj, key):\n    setattr(obj, key, 1)\n",
        )],
    );
    let output = asyncmod(&root, &["check", "--show-index", "app.models"]);
    let text = stdout(&output);
    assert!(
        text.contains("\
  class Apart() (line 10)
    async def put (line 11): a coroutine function
      calling it returns: a coroutine
      may be replaced: some code of the project writes attributes by a computed name on objects the index cannot place"),
        "{text}"
    );
}

/// The files of the cache directory `dir` holds, relative, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&at) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                found.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    found.sort();
    found
}

/// The run with the cache (default: at the project's root).
fn cached(dir: &Path, args: &[&str]) -> Output {
    command(dir, args)
        .env_remove("ASYNCMOD_NO_CACHE")
        .env_remove("ASYNCMOD_CACHE_DIR")
        .output()
        .expect("the binary runs")
}

/// The cache at the project's root: a `.gitignore` of `*`, a
/// `CACHEDIR.TAG`, and entries that give a second run what the first
/// found; entries cut short, altered or swapped are not used, and the run
/// finds the same; `--no-cache` and `ASYNCMOD_NO_CACHE` leave no cache.
#[test]
fn the_index_cache_never_changes_what_a_run_finds() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path();
    handlers_project(root);
    let args = ["check", "-q", "--select", "AM109", "."];
    let no_cache = cached(
        root,
        &["check", "-q", "--select", "AM109", "--no-cache", "."],
    );
    assert_eq!(stdout(&no_cache), HANDLERS_FINDINGS);
    assert!(!root.join(".asyncmod_cache").exists());
    assert_eq!(stdout(&asyncmod(root, &args)), HANDLERS_FINDINGS);
    assert!(!root.join(".asyncmod_cache").exists());

    let cold = cached(root, &args);
    assert_eq!(stdout(&cold), HANDLERS_FINDINGS);
    assert!(stderr(&cold).is_empty(), "{}", stderr(&cold));
    let cache = root.join(".asyncmod_cache");
    assert_eq!(
        std::fs::read_to_string(cache.join(".gitignore")).expect("a .gitignore"),
        "# Made by asyncmod: its cache.\n*\n"
    );
    assert!(
        std::fs::read_to_string(cache.join("CACHEDIR.TAG"))
            .expect("a CACHEDIR.TAG")
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55\n")
    );
    let entries: Vec<String> = files_under(&cache)
        .into_iter()
        .filter(|f| f.contains('/'))
        .collect();
    assert!(!entries.is_empty(), "{:?}", files_under(&cache));
    assert!(entries.iter().all(|e| !e.contains(".tmp-")), "{entries:?}");

    let warm = cached(root, &args);
    assert_eq!(stdout(&warm), HANDLERS_FINDINGS);
    assert_eq!(files_under(&cache).len(), entries.len() + 2);

    // Every entry swapped with the next, then cut short, then altered.
    let paths: Vec<_> = entries.iter().map(|e| cache.join(e)).collect();
    let contents: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    let damages: [&dyn Fn(usize) -> Vec<u8>; 3] = [
        &|i| contents[(i + 1) % contents.len()].clone(),
        &|i| contents[i][..contents[i].len() / 2].to_vec(),
        &|i| {
            let mut altered = contents[i].clone();
            if let Some(last) = altered.last_mut() {
                *last ^= 1;
            }
            altered
        },
    ];
    for damage in damages {
        for (i, path) in paths.iter().enumerate() {
            std::fs::write(path, damage(i)).expect("write");
        }
        let damaged = cached(root, &args);
        assert_eq!(stdout(&damaged), HANDLERS_FINDINGS);
        assert!(stderr(&damaged).is_empty(), "{}", stderr(&damaged));
    }

    // A file changed: its entry is another, and the run sees the change.
    write(
        root,
        &[(
            "service/store.py",
            "def save(record):\n    return record\n\n\nclass Repo:\n    async def put(self, record):\n        return record\n",
        )],
    );
    let changed = cached(root, &args);
    assert_eq!(
        stdout(&changed),
        "app/handlers.py:8:5: AM109 [*] coroutine `repo.put()` is called but never awaited (`put` is an `async def` in `service/store.py:6`)\n"
    );
}

/// `--cache-dir` (and `cache-dir` in the configuration, relative to its
/// directory) puts the cache elsewhere; a cache directory that cannot be
/// made is no cache, silently.
#[test]
fn the_index_cache_goes_where_it_is_told() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path();
    handlers_project(root);
    let args = ["check", "-q", "--select", "AM109"];
    let elsewhere = temp.path().join("elsewhere");
    let flag = cached(
        root,
        &[&args[..], &["--cache-dir", "elsewhere", "."]].concat(),
    );
    assert_eq!(stdout(&flag), HANDLERS_FINDINGS);
    assert!(!root.join(".asyncmod_cache").exists());
    assert!(elsewhere.join("CACHEDIR.TAG").is_file());
    assert!(files_under(&elsewhere).len() > 2);

    let env = command(root, &[&args[..], &["."]].concat())
        .env_remove("ASYNCMOD_NO_CACHE")
        .env("ASYNCMOD_CACHE_DIR", root.join("from-env"))
        .output()
        .expect("the binary runs");
    assert_eq!(stdout(&env), HANDLERS_FINDINGS);
    assert!(root.join("from-env").join("CACHEDIR.TAG").is_file());

    write(
        root,
        &[(
            "pyproject.toml",
            "[project]\nname = \"app\"\n\n[tool.asyncmod]\ncache-dir = \"build/cache\"\n",
        )],
    );
    let config = cached(&root.join("app"), &[&args[..], &["handlers.py"]].concat());
    assert_eq!(
        stdout(&config),
        HANDLERS_FINDINGS.replace("app/handlers.py", "handlers.py")
    );
    assert!(root.join("build/cache/CACHEDIR.TAG").is_file());
    assert!(!root.join(".asyncmod_cache").exists());

    // Under a plain file, no directory can be made.
    std::fs::write(root.join("plain"), "").expect("write");
    let unmade = cached(
        root,
        &[&args[..], &["--cache-dir", "plain/cache", "."]].concat(),
    );
    assert_eq!(stdout(&unmade), HANDLERS_FINDINGS);
    assert!(stderr(&unmade).is_empty(), "{}", stderr(&unmade));
}

/// The time of `path` set to `age` ago.
fn age(path: &Path, age: std::time::Duration) {
    let when = std::time::SystemTime::now() - age;
    std::fs::File::open(path)
        .and_then(|file| file.set_modified(when))
        .expect("set the time");
}

fn modified_ago(path: &Path) -> std::time::Duration {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("stat");
    std::time::SystemTime::now()
        .duration_since(modified)
        .unwrap_or_default()
}

/// Nothing piles up in the cache: the first write of a run removes the
/// folders of other builds left alone for an hour (not one in use), and,
/// once a day, the entries no run has read for 30 days and temporary
/// files of stopped runs; an entry a run reads is seen again (its time is
/// set to now), so it stays.
#[test]
fn the_index_cache_forgets_what_no_run_reads() {
    const DAY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path();
    handlers_project(root);
    let args = ["check", "-q", "--select", "AM109", "."];
    assert_eq!(stdout(&cached(root, &args)), HANDLERS_FINDINGS);
    let cache = root.join(".asyncmod_cache");
    let folders: Vec<_> = std::fs::read_dir(&cache)
        .expect("the cache")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.path())
        .collect();
    let [ours] = folders.as_slice() else {
        panic!("one folder: {folders:?}");
    };
    let live: Vec<_> = files_under(ours)
        .into_iter()
        .filter(|name| !name.starts_with('.'))
        .map(|name| ours.join(name))
        .collect();
    assert!(!live.is_empty());
    assert!(ours.join(".pruned").is_file());

    // Other builds' folders: one left alone, one in use.
    for (name, idle) in [("0.0.1-f1-old", 2 * 3600), ("0.0.2-f1-busy", 60)] {
        let folder = cache.join(name);
        std::fs::create_dir(&folder).expect("mkdir");
        std::fs::write(folder.join(format!("{:032x}", 1)), "entry").expect("write");
        age(&folder, std::time::Duration::from_secs(idle));
    }
    // Entries: live ones two days old (read again, so kept), one no run
    // reads any more, 31 days old; a temporary file of a stopped run.
    for path in &live {
        age(path, 2 * DAY);
    }
    let unseen = ours.join(format!("{:032x}", u128::MAX));
    std::fs::write(&unseen, "entry").expect("write");
    age(&unseen, 31 * DAY);
    let stopped = ours.join(".tmp-1-1");
    std::fs::write(&stopped, "half").expect("write");
    age(&stopped, std::time::Duration::from_secs(2 * 3600));
    // Pruned yesterday: not yet again.
    age(&ours.join(".pruned"), DAY / 2);
    // A run that writes (an entry lost): other builds' idle folders go,
    // the entries stay until the day is over.
    std::fs::remove_file(&live[0]).expect("rm");
    assert_eq!(stdout(&cached(root, &args)), HANDLERS_FINDINGS);
    assert!(!cache.join("0.0.1-f1-old").exists());
    assert!(cache.join("0.0.2-f1-busy").exists());
    assert!(unseen.exists() && stopped.exists());
    for path in &live {
        assert!(modified_ago(path) < DAY, "{} seen again", path.display());
    }

    // A day later: the unseen entry and the stopped run's file go.
    age(&ours.join(".pruned"), DAY + DAY / 2);
    std::fs::remove_file(&live[0]).expect("rm");
    assert_eq!(stdout(&cached(root, &args)), HANDLERS_FINDINGS);
    assert!(!unseen.exists());
    assert!(!stopped.exists());
    assert!(modified_ago(&ours.join(".pruned")) < DAY);
    for path in &live {
        assert!(path.exists(), "{} kept", path.display());
    }
    // A run that only reads writes nothing, prunes nothing.
    let before = files_under(&cache);
    assert_eq!(stdout(&cached(root, &args)), HANDLERS_FINDINGS);
    assert_eq!(files_under(&cache), before);
}
