//! Which types of the project are stateful (see
//! [`ProjectFacts::stateful`](crate::semantic::project::ProjectFacts::stateful)):
//! a class that derives from a stateful class or whose instances hold one,
//! an alias of one, a function whose return annotation names one, followed
//! through imports and re-exports. Only ever a reason to say "stateful":
//! what the project does not show stays as unknown as before.

use crate::semantic::known;
use crate::semantic::project::Resolved;

use super::summary::Symbol;
use super::{MAX_HOPS, ProjectIndex};

/// How many names one question may visit (a class holding classes holding
/// classes …): past that, nothing more is learned.
const MAX_VISITS: usize = 64;

/// The names visited by one question, against cycles and blow-ups.
struct Visits(Vec<Box<str>>);

impl Visits {
    /// Whether `name` may be visited now (not yet, and the budget lasts).
    fn enter(&mut self, name: &str) -> bool {
        if self.0.len() >= MAX_VISITS || self.0.iter().any(|seen| &**seen == name) {
            return false;
        }
        self.0.push(name.into());
        true
    }
}

/// Why a type is stateful: what it is (`` `app.db.Repo` (app/db.py:9) ``)
/// and, unless it is a library's stateful type itself, what makes it one
/// (`holds … (line 11)`), which may name another type in turn.
struct Why {
    subject: String,
    predicate: Option<String>,
}

impl Why {
    fn library(subject: String) -> Why {
        Why {
            subject,
            predicate: None,
        }
    }

    /// `subject, which predicate`: as the object of another's predicate.
    fn nested(&self) -> String {
        match &self.predicate {
            Some(predicate) => format!("{}, which {predicate}", self.subject),
            None => self.subject.clone(),
        }
    }

    /// `subject predicate`: the whole answer.
    fn sentence(&self) -> String {
        match &self.predicate {
            Some(predicate) => format!("{} {predicate}", self.subject),
            None => self.subject.clone(),
        }
    }
}

impl ProjectIndex {
    /// [`ProjectFacts::stateful`](crate::semantic::project::ProjectFacts::stateful), uncached.
    pub(super) fn stateful_type(&self, qualified: &str) -> Option<String> {
        self.stateful_at(qualified, &mut Visits(Vec::new()), 0)
            .map(|why| why.sentence())
    }

    fn stateful_at(&self, qualified: &str, visits: &mut Visits, depth: usize) -> Option<Why> {
        if depth > MAX_HOPS || !visits.enter(qualified) {
            return None;
        }
        match self.resolve_hops(qualified, 0) {
            Resolved::External(name) => stateful_library_type(&name).map(Why::library),
            Resolved::Class {
                qualified: class,
                origin,
            } => {
                let (_, found) = self.class(&class)?;
                for base in found.bases.iter().flatten() {
                    if let Some(why) = self.stateful_at(base, visits, depth + 1) {
                        return Some(Why {
                            subject: format!("`{class}` ({origin})"),
                            predicate: Some(format!("derives from {}", why.nested())),
                        });
                    }
                }
                for (held, line) in &found.holds {
                    if let Some(why) = self.stateful_at(held, visits, depth + 1) {
                        return Some(Why {
                            subject: format!("`{class}` ({origin})"),
                            predicate: Some(format!("holds (line {line}) {}", why.nested())),
                        });
                    }
                }
                // An annotation of a class may stand for any subclass.
                self.stateful_subclass(&class, visits, depth)
                    .map(|why| Why {
                        subject: format!("`{class}` ({origin})"),
                        predicate: Some(format!("has a subclass {}", why.nested())),
                    })
            }
            Resolved::Function {
                qualified: function,
                origin,
                ..
            } => {
                let returns = self.returns_of(&function)?;
                returns.iter().find_map(|named| {
                    self.stateful_at(named, visits, depth + 1).map(|why| Why {
                        subject: format!("`{function}` ({origin})"),
                        predicate: Some(format!("returns {}", why.nested())),
                    })
                })
            }
            Resolved::Unknown => self.stateful_alias(qualified, visits, depth),
            Resolved::Instance { .. } | Resolved::Module(_) => None,
        }
    }

    /// A subclass of the project class `class` anywhere in the project
    /// (see `ProjectIndex::subclasses_may_override`) that is stateful.
    fn stateful_subclass(&self, class: &str, visits: &mut Visits, depth: usize) -> Option<Why> {
        let scan = self.scan();
        if scan.incomplete {
            return None;
        }
        let short = class.rsplit('.').next().unwrap_or(class);
        let mut files: Vec<&std::path::Path> = scan.files_naming(short).collect();
        files.sort_unstable();
        for file in files {
            let Some((module, _)) = self.layout.module_name(file) else {
                continue;
            };
            let Some(summary) = self.summary(&module) else {
                continue;
            };
            let mut names: Vec<&str> = summary
                .symbols
                .iter()
                .filter_map(|(name, symbol)| match symbol {
                    Symbol::Class(candidate)
                        if candidate.bases.iter().flatten().any(|base| {
                            matches!(
                                self.resolve_hops(base, 0),
                                Resolved::Class { ref qualified, .. } if qualified == class
                            )
                        }) =>
                    {
                        Some(&**name)
                    }
                    _ => None,
                })
                .collect();
            // The same answer whatever order the map keeps.
            names.sort_unstable();
            for name in names {
                let subclass = format!("{module}.{name}");
                if let Some(why) = self.stateful_at(&subclass, visits, depth + 1) {
                    return Some(why);
                }
            }
        }
        None
    }

    /// `qualified` as an alias (`Conn = asyncpg.Connection`), which
    /// resolution leaves unknown, or a re-export of one.
    fn stateful_alias(&self, qualified: &str, visits: &mut Visits, depth: usize) -> Option<Why> {
        let (module, name) = qualified.rsplit_once('.')?;
        let summary = self.summary(module)?;
        match summary.symbols.get(name)? {
            Symbol::Alias { targets, line } => {
                let at = self.origin(&summary, *line);
                targets.iter().find_map(|target| {
                    self.stateful_at(target, visits, depth + 1).map(|why| Why {
                        subject: format!("`{qualified}` ({at})"),
                        predicate: Some(format!("is an alias of {}", why.nested())),
                    })
                })
            }
            Symbol::Import(target) => self.stateful_at(target, visits, depth + 1),
            _ => None,
        }
    }

    /// What the return annotation of the project function `function` (a
    /// module's function or a class's method, by dotted name) names.
    fn returns_of(&self, function: &str) -> Option<Box<[Box<str>]>> {
        let (owner, name) = function.rsplit_once('.')?;
        if let Some(summary) = self.summary(owner)
            && let Some(Symbol::Function(found)) = summary.symbols.get(name)
        {
            return Some(found.returns.clone());
        }
        let (_, class) = self.class(owner)?;
        class.methods.get(name).map(|method| method.returns.clone())
    }
}

/// A library type that is stateful (`asyncpg.Connection`), or a library
/// function whose result is one (`asyncpg.connect`), in words.
fn stateful_library_type(name: &str) -> Option<String> {
    if let Some(class) = known::class(name).filter(|class| class.stateful) {
        return Some(format!("`{}`", class.name));
    }
    known::stateful_result(name).map(|class| format!("`{class}` (from `{name}`)"))
}

#[cfg(test)]
mod tests {
    use crate::index::ProjectIndex;
    use crate::index::layout::Layout;
    use crate::semantic::project::ProjectFacts;

    /// The answer of [`ProjectFacts::stateful`] for `qualified` in a
    /// project of `files`.
    fn stateful(files: &[(&str, &str)], qualified: &str) -> Option<String> {
        let dir = crate::test_support::project_tree(files);
        let index = ProjectIndex::new(Layout::at(dir.path().to_path_buf()));
        index.stateful(qualified)
    }

    const DB: (&str, &str) = (
        "app/db.py",
        "import asyncpg\nfrom typing import Optional, TypeAlias\nfrom sqlalchemy.ext.asyncio import AsyncSession\n\nclass Wrapper:\n    async def start(self, dsn):\n        self.conn = await asyncpg.connect(dsn)\n\nclass Repo:\n    def __init__(self, session: AsyncSession):\n        self.session = session\n\nclass Held:\n    session: Optional[AsyncSession]\n\nclass Sub(asyncpg.Connection):\n    pass\n\nclass Settings:\n    def __init__(self):\n        self.timeout = 3\n        self.name = str(3)\n\nclass Outer:\n    def __init__(self):\n        self.inner = Wrapper()\n\nclass Loop:\n    def __init__(self):\n        self.other = Loop()\n\nConn = asyncpg.Connection\nDB: TypeAlias = 'AsyncSession'\nPool = asyncpg.Pool\n\nasync def get_conn(dsn) -> Optional[Conn]:\n    return await asyncpg.connect(dsn)\n\ndef settings() -> Settings:\n    return Settings()\n\nclass Abstract:\n    pass\n\nclass Concrete(Abstract):\n    def __init__(self):\n        self.inner = Wrapper()\n",
    );
    const INIT: (&str, &str) = ("app/__init__.py", "from .db import Conn, Repo, get_conn\n");

    #[test]
    fn stateful_types_of_the_project() {
        for (name, why) in [
            (
                "app.db.Wrapper",
                "`app.db.Wrapper` (app/db.py:5) holds (line 7) `asyncpg.Connection` (from `asyncpg.connect`)",
            ),
            (
                "app.db.Repo",
                "`app.db.Repo` (app/db.py:9) holds (line 11) `sqlalchemy.ext.asyncio.AsyncSession`",
            ),
            (
                "app.db.Held",
                "`app.db.Held` (app/db.py:13) holds (line 14) `sqlalchemy.ext.asyncio.AsyncSession`",
            ),
            (
                "app.db.Sub",
                "`app.db.Sub` (app/db.py:16) derives from `asyncpg.Connection`",
            ),
            (
                "app.db.Outer",
                "`app.db.Outer` (app/db.py:24) holds (line 26) `app.db.Wrapper` (app/db.py:5), which holds (line 7) `asyncpg.Connection` (from `asyncpg.connect`)",
            ),
            (
                "app.db.Conn",
                "`app.db.Conn` (app/db.py:32) is an alias of `asyncpg.Connection`",
            ),
            (
                "app.db.DB",
                "`app.db.DB` (app/db.py:33) is an alias of `sqlalchemy.ext.asyncio.AsyncSession`",
            ),
            (
                "app.db.get_conn",
                "`app.db.get_conn` (app/db.py:36) returns `app.db.Conn` (app/db.py:32), which is an alias of `asyncpg.Connection`",
            ),
            // Through the package's re-exports.
            (
                "app.Conn",
                "`app.db.Conn` (app/db.py:32) is an alias of `asyncpg.Connection`",
            ),
            (
                "app.Repo",
                "`app.db.Repo` (app/db.py:9) holds (line 11) `sqlalchemy.ext.asyncio.AsyncSession`",
            ),
            (
                "app.db.Abstract",
                "`app.db.Abstract` (app/db.py:42) has a subclass `app.db.Concrete` (app/db.py:45), which holds (line 47) `app.db.Wrapper` (app/db.py:5), which holds (line 7) `asyncpg.Connection` (from `asyncpg.connect`)",
            ),
            (
                "app.get_conn",
                "`app.db.get_conn` (app/db.py:36) returns `app.db.Conn` (app/db.py:32), which is an alias of `asyncpg.Connection`",
            ),
        ] {
            let got = stateful(&[INIT, DB], name);
            assert_eq!(got.as_deref(), Some(why), "{name}");
        }
    }

    #[test]
    fn types_that_show_nothing_stateful() {
        for name in [
            "app.db.Settings",
            "app.db.Loop",
            "app.db.Pool",
            "app.db.settings",
            "app.db.missing",
            "asyncpg.Pool",
            "builtins.int",
        ] {
            assert_eq!(stateful(&[INIT, DB], name), None, "{name}");
        }
    }
}
