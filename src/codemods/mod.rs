//! The catalogue. Each codemod is one file: its documentation, metadata and
//! code in one `declare_codemod!`, then the function that finds and fixes.
//! Adding one means adding its file and one line to [`ALL`].

mod asyncio_run;
mod await_in_loop;
mod blocking_call;
mod composition;
mod dangling_task;
mod ensure_future;
mod gather_independent_awaits;
mod get_running_loop;
mod legacy_coroutine;
mod loop_argument;
mod missing_await;
mod run_in_coroutine;
mod session_per_iteration;
mod sleep_in_async;
mod swallowed_cancel;
mod task_classmethods;
mod taskgroup;
mod timeout_error_alias;
mod to_thread;
mod unchecked_gather_exceptions;
mod unclosed_resource;
mod wait_coroutines;
mod wait_for_to_timeout;

use crate::fix::{Applicability, Context, Findings, Rule};
use crate::version::PyVersion;

pub use asyncio_run::ASYNCIO_RUN;
pub use await_in_loop::AWAIT_IN_LOOP;
pub use blocking_call::BLOCKING_CALL;
pub use dangling_task::DANGLING_TASK;
pub use ensure_future::ENSURE_FUTURE;
pub use gather_independent_awaits::GATHER_INDEPENDENT_AWAITS;
pub use get_running_loop::GET_RUNNING_LOOP;
pub use legacy_coroutine::LEGACY_COROUTINE;
pub use loop_argument::LOOP_ARGUMENT;
pub use missing_await::MISSING_AWAIT;
pub use run_in_coroutine::RUN_IN_COROUTINE;
pub use session_per_iteration::SESSION_PER_ITERATION;
pub use sleep_in_async::SLEEP_IN_ASYNC;
pub use swallowed_cancel::SWALLOWED_CANCEL;
pub use task_classmethods::TASK_CLASSMETHODS;
pub use taskgroup::TASKGROUP;
pub use timeout_error_alias::TIMEOUT_ERROR_ALIAS;
pub use to_thread::TO_THREAD;
pub use unchecked_gather_exceptions::UNCHECKED_GATHER_EXCEPTIONS;
pub use unclosed_resource::UNCLOSED_RESOURCE;
pub use wait_coroutines::WAIT_COROUTINES;
pub use wait_for_to_timeout::WAIT_FOR_TO_TIMEOUT;

/// Every codemod, ordered by code.
pub static ALL: &[&Codemod] = &[
    &SLEEP_IN_ASYNC,
    &ASYNCIO_RUN,
    &WAIT_FOR_TO_TIMEOUT,
    &GATHER_INDEPENDENT_AWAITS,
    &TASKGROUP,
    &GET_RUNNING_LOOP,
    &TO_THREAD,
    &TIMEOUT_ERROR_ALIAS,
    &RUN_IN_COROUTINE,
    &ENSURE_FUTURE,
    &DANGLING_TASK,
    &SWALLOWED_CANCEL,
    &BLOCKING_CALL,
    &MISSING_AWAIT,
    &UNCLOSED_RESOURCE,
    &SESSION_PER_ITERATION,
    &AWAIT_IN_LOOP,
    &UNCHECKED_GATHER_EXCEPTIONS,
    &LOOP_ARGUMENT,
    &LEGACY_COROUTINE,
    &TASK_CLASSMETHODS,
    &WAIT_COROUTINES,
];

/// A codemod's safety is the applicability of the fixes it offers.
pub type Safety = Applicability;

/// One entry of the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Codemod {
    /// Stable code, `AMnnn`.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    /// The oldest target Python the codemod runs for: below it, it does nothing.
    pub min_python: PyVersion,
    pub safety: Safety,
    /// The codemod reports and never fixes: its safety means nothing.
    pub reports_only: bool,
    pub run: fn(&Context, &mut Findings),
    /// The `///` documentation: What it does, Why, Before, After, Fix safety, Left alone.
    pub doc: &'static str,
    /// The codemod only runs on a source containing one of these strings
    /// (an empty list: always). A cheap filter: most files have no asyncio at all.
    pub needles: &'static [&'static str],
    /// …and containing every one of these ([`ASYNC_DEF`] for a codemod that
    /// acts only in coroutines, `asyncio` for one that acts only on names
    /// imported from asyncio).
    pub requires: &'static [&'static str],
    /// ruff / flake8-async codes that flag the same thing: a `# noqa` naming
    /// one suppresses this codemod too. `PREFIX123-PREFIX456` is a range.
    pub noqa_aliases: &'static [&'static str],
}

fn runs_nowhere(_: &Context, _: &mut Findings) {}

impl Codemod {
    /// Defaults for the fields a declaration may leave out.
    pub const DEFAULTS: Codemod = Codemod {
        code: "",
        name: "",
        min_python: PyVersion::ANY,
        safety: Applicability::Safe,
        reports_only: false,
        run: runs_nowhere,
        doc: "",
        needles: &[],
        requires: &[],
        noqa_aliases: &[],
    };

    /// Whether this codemod has anything to look for in `source` (a module,
    /// not a notebook).
    pub fn wants(&self, source: &str) -> bool {
        self.wants_with(&mut |needle| match needle {
            ASYNC_DEF => has_async_def(source),
            _ => source.contains(needle),
        })
    }

    /// [`Self::wants`], asking `contains` (which may remember answers
    /// across codemods, so each string is searched for once per file).
    pub fn wants_with(&self, contains: &mut dyn FnMut(&'static str) -> bool) -> bool {
        self.requires.iter().all(|needle| contains(needle))
            && (self.needles.is_empty() || self.needles.iter().any(|needle| contains(needle)))
    }

    /// The fix safety as `list`, `explain` and the README show it: `safe`,
    /// `unsafe`, or `—` for a codemod that only reports.
    pub fn safety_label(&self) -> &'static str {
        if self.reports_only {
            "—"
        } else {
            self.safety.as_str()
        }
    }

    /// Whether `# noqa: CODE` with this code suppresses the codemod.
    pub fn answers_to_noqa(&self, code: &str) -> bool {
        crate::noqa::names(code, self.code, self.noqa_aliases)
    }

    /// The documentation with the one leading space of each `///` line removed.
    pub fn documentation(&self) -> String {
        let mut out = String::with_capacity(self.doc.len());
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The text of one `## Heading` section of the documentation.
    pub fn section(&self, heading: &str) -> Option<String> {
        let doc = self.documentation();
        let marker = format!("## {heading}\n");
        let start = doc.find(&marker)? + marker.len();
        let rest = &doc[start..];
        let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
        Some(rest[..end].trim().to_string())
    }

    /// The first sentence of "What it does", for `asyncmod list`.
    pub fn summary(&self) -> String {
        let what = self.section("What it does").unwrap_or_default();
        let paragraph = what
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .replace('\n', " ");
        match paragraph.find(". ") {
            Some(end) => paragraph[..=end].to_string(),
            None => paragraph,
        }
    }
}

/// The `requires` entry of a codemod that acts only in coroutines: the
/// source must define one, as [`has_async_def`] tells. In a notebook, whose
/// cells run in the kernel's event loop, any `async` satisfies it.
pub const ASYNC_DEF: &str = "async def";

/// Whether `source` may define a coroutine: somewhere `async`, then spaces,
/// tabs, form feeds or backslash line continuations (at least one), then
/// `def`. Every `async def` matches (comments cannot sit between the two
/// keywords), so a source without a match has no coroutine scope.
pub fn has_async_def(source: &str) -> bool {
    let bytes = source.as_bytes();
    memchr::memmem::find_iter(bytes, b"async").any(|at| {
        let mut i = at + "async".len();
        let start = i;
        loop {
            match bytes.get(i..) {
                Some([b' ' | b'\t' | b'\x0c', ..]) => i += 1,
                Some([b'\\', b'\r', b'\n', ..]) => i += 3,
                Some([b'\\', b'\n' | b'\r', ..]) => i += 2,
                _ => break,
            }
        }
        i > start && bytes.get(i..).is_some_and(|rest| rest.starts_with(b"def"))
    })
}

impl Rule for Codemod {
    fn code(&self) -> &'static str {
        self.code
    }

    fn name(&self) -> &'static str {
        self.name
    }

    fn min_python(&self) -> PyVersion {
        self.min_python
    }

    fn noqa_aliases(&self) -> &'static [&'static str] {
        self.noqa_aliases
    }
}

/// Resolves `--select` / `--ignore` entries: `ALL`, a code (`AM001`), a name
/// (`sleep-in-async`) or a code prefix (`AM0`, `AM2`).
pub fn resolve_selector(selector: &str) -> Option<Vec<&'static Codemod>> {
    let selector = selector.trim();
    if selector.eq_ignore_ascii_case("ALL") {
        return Some(ALL.to_vec());
    }
    let matches: Vec<&'static Codemod> = ALL
        .iter()
        .copied()
        .filter(|c| {
            c.name == selector
                || (selector.len() >= 2
                    && c.code.len() >= selector.len()
                    && c.code[..selector.len()].eq_ignore_ascii_case(selector))
        })
        .collect();
    (!matches.is_empty()).then_some(matches)
}

/// Finds a codemod by code or name, for `explain`.
pub fn find(code_or_name: &str) -> Option<&'static Codemod> {
    ALL.iter()
        .copied()
        .find(|c| c.code.eq_ignore_ascii_case(code_or_name) || c.name == code_or_name)
}

/// Declares a codemod: the `///` lines above it become its `doc`, so `explain`,
/// `list`, the README and the doc tests all read the same text as the code.
macro_rules! declare_codemod {
    (
        $(#[doc = $doc:literal])+
        $vis:vis static $name:ident = Codemod {
            $($field:ident : $value:expr),+ $(,)?
        };
    ) => {
        $(#[doc = $doc])+
        #[allow(clippy::needless_update)]
        $vis static $name: $crate::codemods::Codemod = $crate::codemods::Codemod {
            doc: concat!($($doc, "\n"),+),
            $($field: $value,)+
            ..$crate::codemods::Codemod::DEFAULTS
        };
    };
}
pub(crate) use declare_codemod;

/// What every codemod file imports.
#[allow(unused_imports)]
pub(crate) mod prelude {
    pub(crate) use super::{ASYNC_DEF, Codemod, declare_codemod};
    pub(crate) use crate::fix::{Applicability, Context, Findings};
    pub(crate) use crate::version::PyVersion;
    pub(crate) use ruff_python_ast::{self as ast, Expr, Stmt};
    pub(crate) use ruff_text_size::{Ranged, TextRange, TextSize};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_ordered_and_unique() {
        for pair in ALL.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
        let mut names: Vec<_> = ALL.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
    }

    #[test]
    fn selectors() {
        assert_eq!(resolve_selector("AM001").map(|v| v.len()), Some(1));
        assert_eq!(resolve_selector("am0").map(|v| v[0].code), Some("AM001"));
        assert_eq!(
            resolve_selector("sleep-in-async").map(|v| v[0].code),
            Some("AM001")
        );
        assert!(resolve_selector("AM9").is_none());
        assert!(resolve_selector("A").is_none());
    }

    #[test]
    fn async_def_is_found_however_it_is_spaced() {
        assert!(has_async_def("async def f(): pass"));
        assert!(has_async_def("class A:\n    async  \t def f(self): pass"));
        assert!(has_async_def("async \\\ndef f(): pass"));
        assert!(has_async_def("async\\\r\ndef f(): pass"));
        assert!(has_async_def("x = 'asyncio'\nasync\x0cdef f(): pass"));
        assert!(!has_async_def("import asyncio\nasyncio.run(main())"));
        assert!(!has_async_def("asyncdef = 1"));
        assert!(!has_async_def("async with x: pass"));
        assert!(!has_async_def("async"));
    }

    #[test]
    fn noqa_alias_ranges() {
        let codemod = Codemod {
            code: "AM108",
            noqa_aliases: &["ASYNC210-ASYNC251"],
            ..Codemod::DEFAULTS
        };
        assert!(codemod.answers_to_noqa("am108"));
        assert!(codemod.answers_to_noqa("ASYNC220"));
        assert!(!codemod.answers_to_noqa("ASYNC252"));
        assert!(!codemod.answers_to_noqa("UP220"));
    }
}
