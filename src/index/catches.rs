//! Whether an `except` clause naming a name of the project may catch a
//! builtin exception (`RuntimeError`, `TypeError`): the names a handler of
//! one module takes from another (`except RETRYABLE`, `except AppError`,
//! `except errors.Config.RETRY_ON`).

use std::path::{Path, PathBuf};

use super::{ProjectIndex, read_summary};
use crate::semantic::SemanticModel;
use crate::semantic::project::{ProjectFacts, Resolved, standard_module};

/// The builtin exceptions each module summary tells whether the module may
/// catch: those a safe fix turns into code that runs (`asyncio.run` in a
/// coroutine, a coroutine object read as its result, a `loop=` argument).
pub(crate) const ASKED: &[&str] = &["RuntimeError", "TypeError", "AttributeError"];

/// What [`ProjectIndex::others_may_catch_here`] works out once.
#[derive(Debug, Default)]
pub(super) struct Catchers {
    /// The project could not be read whole: any file may catch.
    incomplete: bool,
    /// For each of [`ASKED`], up to two files that may catch it.
    files: [Vec<PathBuf>; ASKED.len()],
}

/// See `ModuleSummary::may_catch`.
pub(super) fn caught_by(semantic: &SemanticModel) -> Box<[Box<str>]> {
    ASKED
        .iter()
        .filter(|name| semantic.may_catch_in_module(name).is_some())
        .map(|name| Box::<str>::from(*name))
        .collect()
}

impl ProjectIndex {
    /// See [`ProjectFacts::others_may_catch`].
    pub(super) fn others_may_catch_here(&self, file: &Path, name: &str) -> Option<PathBuf> {
        let at = ASKED.iter().position(|asked| *asked == name)?;
        let own = super::layout::absolute(file);
        let catchers = self.catchers.get_or_init(|| self.find_catchers());
        if catchers.incomplete {
            return Some(PathBuf::new());
        }
        catchers.files[at]
            .iter()
            .find(|path| super::layout::absolute(path) != own)
            .map(|path| self.relative(path.clone()))
    }

    /// The first two files that may catch each of [`ASKED`], read once.
    fn find_catchers(&self) -> Catchers {
        let mut found = Catchers {
            incomplete: self.scan().incomplete,
            files: Default::default(),
        };
        if found.incomplete {
            return found;
        }
        let readers = self.readers();
        for at in 0.. {
            if found.files.iter().all(|files| files.len() >= 2) {
                break;
            }
            let Some(path) = readers.path_at(at) else {
                break;
            };
            let (module, package) = self.layout.module_name(path).unwrap_or_else(|| {
                let stem = path.file_stem().and_then(|stem| stem.to_str());
                (stem.unwrap_or("__main__").to_string(), false)
            });
            let Some(summary) = read_summary(&module, path, package, self.cache.as_ref()) else {
                // Not UTF-8, or not Python a parser reads: nothing runs.
                continue;
            };
            for (index, asked) in ASKED.iter().enumerate() {
                if found.files[index].len() < 2
                    && summary
                        .may_catch
                        .iter()
                        .any(|caught| caught.as_ref() == *asked)
                {
                    found.files[index].push(path.to_path_buf());
                }
            }
        }
        found
    }

    /// See [`ProjectFacts::may_catch_builtin`]; `depth` bounds the names
    /// and bases followed (past it, "may").
    pub(super) fn may_catch_builtin_here(
        &self,
        name: &str,
        loaded: usize,
        wanted: &[&str],
        depth: u8,
    ) -> bool {
        if depth == 0 {
            return true;
        }
        let builtin_wanted = |qualified: &str| {
            qualified
                .strip_prefix("builtins.")
                .is_some_and(|builtin| wanted.contains(&builtin))
        };
        if builtin_wanted(name) {
            return true;
        }
        // `RETRYABLE = (ConnectionError, RuntimeError)`, `AppError =
        // Exception`: what each element names.
        if let Some(elements) = self.name_find_hops(name, 0, &|summary, name| {
            summary.class_aliases.get(name).cloned()
        }) {
            return elements
                .iter()
                .any(|element| self.may_catch_builtin_here(element, 1, wanted, depth - 1));
        }
        let last = |qualified: &str| qualified.rsplit('.').next().unwrap_or_default().to_string();
        // The standard library's classes are what their names say (a
        // project module standing in for one is the index's to resolve).
        let top = name.split('.').next().unwrap_or(name);
        if standard_module(top) && !matches!(self.resolve(top), Resolved::Module(_)) {
            return wanted.contains(&last(name).as_str());
        }
        match self.resolve_loaded(name, loaded) {
            Resolved::Class { qualified, .. } => {
                let Some((_, class)) = self.class(&qualified) else {
                    return true;
                };
                class.opaque_base
                    || class.bases.iter().any(|base| match base {
                        Some(base) => self.may_catch_builtin_here(base, 1, wanted, depth - 1),
                        None => class.base_mentions.iter().any(|mention| {
                            self.may_catch_builtin_here(mention, 1, wanted, depth - 1)
                        }),
                    })
            }
            // A builtin reached through imports, or a library's class:
            // what its name says.
            Resolved::External(qualified) => {
                builtin_wanted(&qualified) || wanted.contains(&last(&qualified).as_str())
            }
            Resolved::Function { .. } | Resolved::Module(_) => false,
            // A name of the project the index cannot follow (a variable, a
            // class attribute, an instance, bound more than one way): it may
            // hold any class. One outside the project is what its name says.
            Resolved::Instance { .. } => true,
            Resolved::Unknown => self.layout_holds(name) || wanted.contains(&last(name).as_str()),
        }
    }
}
