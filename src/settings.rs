//! Command-line flags + `[tool.asyncmod]` + the project's Python requirement
//! become checked settings: [`Settings`] for the run, and per file a
//! [`RuleSettings`] from the [`Resolver`]. Flags layer over the
//! configuration as ruff layers them.

mod config;
mod exclude;
mod resolver;
mod select;

use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

pub use self::config::{ConfigError, ConfigOptions, RunOptions};
pub use self::exclude::Excluder;
pub use self::resolver::{Mode, Overrides, Resolved, Resolver};
pub use self::select::{Selection, Selector};
use clap::ValueEnum;

use crate::codemods::Codemod;
use crate::index::cache::CacheDir;
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

pub use crate::engine::RuleSettings;
pub use crate::fix::context::{DEFAULT_LINE_LENGTH, DEFAULT_STATEFUL_NAMES};

/// What the command line asks of the settings, to layer over the
/// configuration: the command line fills it in from its flags.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    /// Files or directories to process; none is the current directory.
    pub paths: Vec<PathBuf>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub extend_select: Option<Vec<String>>,
    /// `--unsafe-fixes` (`Some(true)`) or `--no-unsafe-fixes` (`Some(false)`).
    pub unsafe_fixes: Option<bool>,
    pub target_version: Option<PyVersion>,
    pub line_length: Option<u16>,
    pub exclude: Option<Vec<String>>,
    pub extend_exclude: Option<Vec<String>>,
    /// `--force-exclude` (`Some(true)`) or `--no-force-exclude` (`Some(false)`).
    pub force_exclude: Option<bool>,
    pub config: Option<PathBuf>,
    pub isolated: bool,
    pub stdin_filename: Option<PathBuf>,
    pub python: Option<PathBuf>,
    /// `--no-cache` (or `ASYNCMOD_NO_CACHE`).
    pub no_cache: bool,
    /// `--cache-dir` (or `ASYNCMOD_CACHE_DIR`).
    pub cache_dir: Option<PathBuf>,
    pub jobs: Option<u16>,
    pub output_format: Option<OutputFormat>,
    pub color: ColorChoice,
    /// `fix --exit-non-zero-on-fix`.
    pub exit_non_zero_on_fix: bool,
}

/// How findings and errors are printed (`output-format`, `--output-format`):
/// the names are read from both, and each variant's comment is its `--help`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// `path:line:col: CODE message`
    #[default]
    Text,
    /// One JSON document on stdout.
    Json,
    /// GitHub Actions workflow commands (`::warning file=…`).
    Github,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
}

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is unset.
    #[default]
    Auto,
    Always,
    Never,
}

impl RuleSettings {
    /// The rule settings that flags alone give (no configuration file), for
    /// the given codemods: what fixture files' `# asyncmod-test:` lines use.
    pub fn from_flags(flags: &Flags, codemods: &[&'static Codemod]) -> Self {
        let mut rules = RuleSettings::for_codemods(codemods);
        rules.unsafe_fixes = flags.unsafe_fixes == Some(true);
        if let Some(version) = flags.target_version {
            rules.options.target_version = version;
        }
        if let Some(length) = flags.line_length {
            rules.options.line_length = usize::from(length);
        }
        rules
    }
}

/// Which files to process.
#[derive(Debug, Clone)]
pub struct FileSettings {
    pub paths: Vec<PathBuf>,
    /// Apply the excludes to paths named on the command line and to
    /// `--stdin-filename` too (pre-commit names every file).
    pub force_exclude: bool,
    /// `--python`: the interpreter or environment whose packages the
    /// project index reads.
    pub python: Option<PathBuf>,
    /// Where the project index keeps its cache.
    pub cache: CacheDir,
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

/// The run's settings. Per-file settings come from `resolver`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub files: FileSettings,
    pub output: OutputSettings,
    pub resolver: Resolver,
    /// The configuration the run-wide options came from.
    pub config: Option<PathBuf>,
}

impl Settings {
    /// Resolves flags and the run's configuration.
    pub fn resolve(args: &Flags) -> anyhow::Result<Settings> {
        let cwd = std::env::current_dir().context("reading the current directory")?;
        let cwd = normalize(&cwd);
        let mode = if args.isolated {
            Mode::Isolated
        } else if let Some(path) = &args.config {
            Mode::Fixed(Arc::new(config::read_named(
                &normalize(&cwd.join(path)),
                &cwd,
            )?))
        } else {
            Mode::Hierarchical
        };
        let parse = |flag: &str, values: &Option<Vec<String>>| {
            Selector::parse_all(values.as_deref().unwrap_or_default())
                .map_err(|e| anyhow::anyhow!("--{flag}: {e}"))
        };
        let selection = Selection {
            select: match &args.select {
                Some(_) => Some(parse("select", &args.select)?),
                None => None,
            },
            ignore: parse("ignore", &args.ignore)?,
            extend_select: parse("extend-select", &args.extend_select)?,
        };
        for pattern in args.exclude.iter().chain(&args.extend_exclude).flatten() {
            exclude::check_glob(pattern).map_err(|e| anyhow::anyhow!("--exclude: {e}"))?;
        }
        let overrides = Overrides {
            selection,
            unsafe_fixes: args.unsafe_fixes,
            target_version: args.target_version,
            line_length: args.line_length.map(usize::from),
            exclude: args.exclude.clone(),
            extend_exclude: args.extend_exclude.clone().unwrap_or_default(),
        };
        let resolver = Resolver::new(mode, overrides, cwd.clone());
        let (run, config) = resolver.run_options()?;

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
            None => run
                .jobs
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)),
        };
        let progress = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let force_exclude = args.force_exclude.or(run.force_exclude).unwrap_or(false);
        let cache = if args.no_cache {
            CacheDir::Off
        } else if let Some(dir) = args.cache_dir.as_ref().or(run.cache_dir.as_ref()) {
            let dir = normalize(&cwd.join(dir));
            // A directory that holds anything but the cache is refused
            // (see `index::cache`): writing there would hide its files.
            if let Err(mut refused) = crate::index::cache::check_dir(&dir) {
                let shown = |path: &Path| match path.strip_prefix(&cwd) {
                    Ok(relative) if !relative.as_os_str().is_empty() => relative.to_path_buf(),
                    _ => path.to_path_buf(),
                };
                refused.dir = shown(&refused.dir);
                refused.entry = shown(&refused.entry);
                anyhow::bail!("{refused}");
            }
            CacheDir::At(dir)
        } else {
            CacheDir::AtProjectRoot
        };

        Ok(Settings {
            files: FileSettings {
                paths,
                force_exclude,
                python: args
                    .python
                    .as_deref()
                    .map(std::path::absolute)
                    .transpose()
                    .with_context(|| "reading the current directory for `--python`")?,
                cache,
            },
            output: OutputSettings {
                format: args.output_format.or(run.output_format).unwrap_or_default(),
                color,
                jobs,
                exit_non_zero_on_fix: args.exit_non_zero_on_fix
                    || run.exit_non_zero_on_fix.unwrap_or(false),
                stdin_filename: args.stdin_filename.clone(),
                progress,
            },
            resolver,
            config,
        })
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
