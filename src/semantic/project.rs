//! What the semantic layer may ask about names defined outside the module
//! it models: the project index answers (see `crate::index`), through this
//! trait, so the layer below never reads files itself.

use std::fmt;
use std::path::PathBuf;

/// What calling a function defined elsewhere does, as its definition shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionFacts {
    pub is_async: bool,
    /// Its own body yields: calling it makes a (async) generator.
    pub is_generator: bool,
    /// Every decorator is known to leave the function what it was.
    pub transparent: bool,
    /// `@asyncio.coroutine`, and otherwise transparent.
    pub legacy_coroutine: bool,
    /// The body only marks a place for a subclass to fill.
    pub stub: bool,
    /// No `return` in its own body gives a value.
    pub returns_nothing: bool,
    /// 1-based line of the `def`.
    pub line: u32,
}

/// Where a definition lives, for messages ("`save` is an `async def` in
/// `service/store.py`").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The module's file, relative to the project's root when inside it.
    pub path: PathBuf,
    pub line: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

/// What an absolute dotted name (`app.store.save`, `app.db.Repo.get`)
/// refers to, as far as the project shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A function, or a method reached through its class or an instance.
    Function {
        /// The dotted name where it is defined (`app.store.save`).
        qualified: String,
        facts: FunctionFacts,
        origin: Origin,
    },
    /// A class of the project.
    Class { qualified: String, origin: Origin },
    /// An instance of a class of the project, bound at module level.
    Instance { class: String, origin: Origin },
    /// A module or package of the project.
    Module(String),
    /// Resolution left the project at this name (`aiohttp.ClientSession`
    /// re-exported by a project module): a library, which the table of
    /// well-known libraries may know.
    External(String),
    /// Not known: not found, bound more than one way, dynamic.
    Unknown,
}

/// The project around the module being fixed.
pub trait ProjectFacts: Send + Sync {
    /// What the absolute dotted name refers to.
    fn resolve(&self, qualified: &str) -> Resolved;

    /// The method `name` of the project class `class` (an absolute dotted
    /// name), looked up along its bases as Python would; `Unknown` when a
    /// base cannot be read or a subclass, a metaclass or an assignment may
    /// replace it.
    fn method(&self, class: &str, name: &str) -> Resolved;
}
