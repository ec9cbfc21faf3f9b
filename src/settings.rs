//! Command-line flags + `[tool.asyncmod]` + `requires-python` become one
//! checked [`Settings`], once. Flags win over the configuration file.

use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};
use serde::Deserialize;

use crate::cli::{ColorChoice, FileArgs, OutputFormat};
use crate::codemods::{ALL, Codemod, resolve_selector};
use crate::version::PyVersion;

/// Paths skipped by default when walking directories (as ruff does).
pub const DEFAULT_EXCLUDES: &[&str] = &[
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
];

/// Words that make a name look like a connection or session (AM004): two
/// operations on one must not run at once. A name matches when one of its
/// `_`-separated words is in the list (`db_session`, `pg_conn`).
pub const DEFAULT_STATEFUL_NAMES: &[&str] = &[
    "session",
    "sess",
    "db",
    "conn",
    "con",
    "connection",
    "cursor",
    "cur",
    "tx",
    "txn",
    "transaction",
    "ws",
    "websocket",
    "sock",
    "socket",
    "stream",
    "reader",
    "writer",
    "channel",
    "client",
    "uow",
];

pub const DEFAULT_LINE_LENGTH: usize = 88;

/// What the codemods and the fix engine need.
#[derive(Debug, Clone)]
pub struct RuleSettings {
    pub codemods: Vec<&'static Codemod>,
    pub unsafe_fixes: bool,
    pub target_version: PyVersion,
    pub line_length: usize,
    pub stateful_names: Vec<String>,
}

impl RuleSettings {
    /// Every codemod, unsafe fixes on, the default target: for tests.
    pub fn for_codemods(codemods: &[&'static Codemod]) -> Self {
        RuleSettings {
            codemods: codemods.to_vec(),
            unsafe_fixes: true,
            target_version: PyVersion::DEFAULT_TARGET,
            line_length: DEFAULT_LINE_LENGTH,
            stateful_names: DEFAULT_STATEFUL_NAMES
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }

    /// The rule settings that flags alone give (no configuration file), for
    /// the given codemods: what fixture files' `# asyncmod-test:` lines use.
    pub fn from_args(args: &FileArgs, codemods: &[&'static Codemod]) -> Self {
        let mut rules = RuleSettings::for_codemods(codemods);
        rules.unsafe_fixes = args.unsafe_fixes && !args.no_unsafe_fixes;
        if let Some(version) = args.target_version {
            rules.target_version = version;
        }
        if let Some(length) = args.line_length {
            rules.line_length = usize::from(length);
        }
        rules
    }

    /// Whether a fix with this safety and minimum Python applies under these settings.
    pub fn allows(&self, fix: &crate::fix::Fix) -> bool {
        (fix.applicability == crate::fix::Applicability::Safe || self.unsafe_fixes)
            && fix.min_python <= self.target_version
    }
}

/// Which files to process.
#[derive(Debug, Clone)]
pub struct FileSettings {
    pub paths: Vec<PathBuf>,
    /// Patterns with a `/` are relative to this directory (the configuration's, else the current one).
    pub root: PathBuf,
    pub exclude: Vec<String>,
}

/// How to report.
#[derive(Debug, Clone)]
pub struct OutputSettings {
    pub format: OutputFormat,
    pub color: bool,
    pub jobs: usize,
    pub exit_non_zero_on_fix: bool,
    pub stdin_filename: Option<PathBuf>,
    /// Show a progress bar for long runs (stderr is a terminal, not CI).
    pub progress: bool,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub rules: RuleSettings,
    pub files: FileSettings,
    pub output: OutputSettings,
    /// The `pyproject.toml` the configuration came from.
    pub config: Option<PathBuf>,
}

/// The keys of `[tool.asyncmod]`: the long options, in kebab-case.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ConfigOptions {
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub unsafe_fixes: Option<bool>,
    pub target_version: Option<String>,
    pub exclude: Option<Vec<String>>,
    pub extend_exclude: Option<Vec<String>>,
    pub line_length: Option<usize>,
    pub stateful_names: Option<Vec<String>>,
    pub extend_stateful_names: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
struct Pyproject {
    #[serde(default)]
    tool: Option<Tool>,
    #[serde(default)]
    project: Option<Project>,
}

#[derive(Debug, Default, Deserialize)]
struct Tool {
    asyncmod: Option<ConfigOptions>,
}

#[derive(Debug, Default, Deserialize)]
struct Project {
    #[serde(rename = "requires-python")]
    requires_python: Option<String>,
}

/// A `pyproject.toml` that says something to asyncmod.
#[derive(Debug)]
pub struct Config {
    pub path: PathBuf,
    pub options: ConfigOptions,
    pub requires_python: Option<String>,
}

/// Finds the nearest `pyproject.toml` above `start` with a `[tool.asyncmod]`
/// table or a `[project]` table, and reads it.
pub fn find_config(start: &Path) -> anyhow::Result<Option<Config>> {
    for dir in start.ancestors() {
        let candidate = dir.join("pyproject.toml");
        if !candidate.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&candidate)
            .with_context(|| format!("reading {}", candidate.display()))?;
        let parsed: Pyproject = toml::from_str(&text)
            .map_err(|e| anyhow!("{}: invalid configuration: {e}", candidate.display()))?;
        let options = parsed.tool.and_then(|t| t.asyncmod);
        let requires_python = parsed
            .project
            .as_ref()
            .and_then(|p| p.requires_python.clone());
        if options.is_some() || parsed.project.is_some() {
            return Ok(Some(Config {
                path: candidate,
                options: options.unwrap_or_default(),
                requires_python,
            }));
        }
    }
    Ok(None)
}

impl Settings {
    /// Resolves flags and configuration. `exit_non_zero_on_fix` is `fix`'s own flag.
    pub fn resolve(args: &FileArgs, exit_non_zero_on_fix: bool) -> anyhow::Result<Settings> {
        let cwd = std::env::current_dir().context("reading the current directory")?;
        let start = config_start(args, &cwd);
        let config = find_config(&start)?;
        let options = config.as_ref().map(|c| &c.options);
        let origin = |what: &str| match &config {
            Some(c) => format!("{} in {}", what, c.path.display()),
            None => what.to_string(),
        };

        let select = args
            .select
            .clone()
            .or_else(|| options.and_then(|o| o.select.clone()));
        let ignore = args
            .ignore
            .clone()
            .or_else(|| options.and_then(|o| o.ignore.clone()));
        let codemods = select_codemods(select.as_deref(), ignore.as_deref())?;

        let unsafe_fixes = if args.unsafe_fixes {
            true
        } else if args.no_unsafe_fixes {
            false
        } else {
            options.and_then(|o| o.unsafe_fixes).unwrap_or(false)
        };

        let target_version = match args.target_version {
            Some(version) => version,
            None => match options.and_then(|o| o.target_version.as_deref()) {
                Some(value) => value
                    .parse()
                    .map_err(|e: String| anyhow!("{}: {e}", origin("target-version")))?,
                None => config
                    .as_ref()
                    .and_then(|c| c.requires_python.as_deref())
                    .and_then(PyVersion::from_requires_python)
                    .unwrap_or(PyVersion::DEFAULT_TARGET),
            },
        };

        let line_length = match args.line_length {
            Some(n) => usize::from(n),
            None => match options.and_then(|o| o.line_length) {
                Some(n) if (1..=320).contains(&n) => n,
                Some(n) => bail!("{}: {n} is not between 1 and 320", origin("line-length")),
                None => DEFAULT_LINE_LENGTH,
            },
        };

        let mut stateful_names: Vec<String> = options
            .and_then(|o| o.stateful_names.clone())
            .unwrap_or_else(|| {
                DEFAULT_STATEFUL_NAMES
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            });
        if let Some(extra) = options.and_then(|o| o.extend_stateful_names.as_ref()) {
            stateful_names.extend(extra.iter().cloned());
        }

        let mut exclude: Vec<String> = args
            .exclude
            .clone()
            .or_else(|| options.and_then(|o| o.exclude.clone()))
            .unwrap_or_else(|| DEFAULT_EXCLUDES.iter().map(|s| s.to_string()).collect());
        if let Some(extra) = options.and_then(|o| o.extend_exclude.as_ref()) {
            exclude.extend(extra.iter().cloned());
        }
        if let Some(extra) = &args.extend_exclude {
            exclude.extend(extra.iter().cloned());
        }
        crate::discovery::Excluder::new(&exclude, &cwd)?;

        let root = config
            .as_ref()
            .and_then(|c| c.path.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| cwd.clone());
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            args.paths.clone()
        };

        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        };
        let jobs = match args.jobs {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map_or(1, usize::from),
        };
        let progress = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();

        Ok(Settings {
            rules: RuleSettings {
                codemods,
                unsafe_fixes,
                target_version,
                line_length,
                stateful_names,
            },
            files: FileSettings {
                paths,
                root,
                exclude,
            },
            output: OutputSettings {
                format: args.output_format,
                color,
                jobs,
                exit_non_zero_on_fix,
                stdin_filename: args.stdin_filename.clone(),
                progress,
            },
            config: config.map(|c| c.path),
        })
    }
}

/// Where to look for `pyproject.toml`: beside the stdin filename, else at the
/// first path (its directory for a file), else the current directory.
fn config_start(args: &FileArgs, cwd: &Path) -> PathBuf {
    let first = args.stdin_filename.as_ref().or(args.paths.first());
    let Some(first) = first else {
        return cwd.to_path_buf();
    };
    let absolute = normalize(&cwd.join(first));
    if absolute.is_dir() {
        absolute
    } else {
        absolute
            .parent()
            .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf)
    }
}

/// `path` with `.` and `..` resolved by its text, as ruff does, so that its
/// ancestors are the directories that really hold it (`a/../b` lies in `b`,
/// not in `a`). Used wherever paths are compared with the project root.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                // `/..` is `/`; a relative path keeps a leading `..`.
                if !out.pop() && !out.has_root() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The codemods `select` minus `ignore`, in registry order.
pub fn select_codemods(
    select: Option<&[String]>,
    ignore: Option<&[String]>,
) -> anyhow::Result<Vec<&'static Codemod>> {
    let resolve = |selectors: &[String]| -> anyhow::Result<Vec<&'static Codemod>> {
        let mut out = Vec::new();
        for selector in selectors.iter().filter(|s| !s.trim().is_empty()) {
            let found = resolve_selector(selector).ok_or_else(|| {
                anyhow!(
                    "unknown codemod `{selector}`: expected a code, a name or a code prefix (see `asyncmod list`)"
                )
            })?;
            out.extend(found);
        }
        Ok(out)
    };
    let selected = match select {
        Some(selectors) => resolve(selectors)?,
        None => ALL.to_vec(),
    };
    let ignored = match ignore {
        Some(selectors) => resolve(selectors)?,
        None => Vec::new(),
    };
    Ok(ALL
        .iter()
        .copied()
        .filter(|c| selected.iter().any(|s| s.code == c.code))
        .filter(|c| !ignored.iter().any(|i| i.code == c.code))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_resolves_dot_and_dot_dot_by_text() {
        let cases = [
            ("/p/a/../b", "/p/b"),
            ("/p/./a/.", "/p/a"),
            ("/p/a/../../..", "/"),
            ("../x/./y", "../x/y"),
            ("a/../..", ".."),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(Path::new(input)), Path::new(expected), "{input}");
        }
    }
}
