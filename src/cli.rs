//! The command line, as clap parses it. Each flag's doc comment is its
//! `--help`. The flags become [`Flags`], which [`crate::settings`] turns,
//! together with `[tool.asyncmod]`, into checked settings once; below the
//! command line nothing reads these arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::settings::{ColorChoice, Flags, OutputFormat};
use crate::version::PyVersion;

#[derive(Debug, Parser)]
#[command(
    name = "asyncmod",
    version = env!("ASYNCMOD_VERSION"),
    about = "Rewrite Python asyncio anti-patterns into the modern idiom, keeping every other byte.",
    after_help = "Examples:\n  asyncmod diff src/                      review what would change\n  asyncmod fix src/                       rewrite in place (safe fixes)\n  asyncmod fix --target-version py311 .   migrate after raising the minimum Python\n  asyncmod check --output-format github . annotate a pull request\n  asyncmod explain AM001                  what a codemod does and why"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a unified diff of what `fix` would change; write nothing.
    ///
    /// Exit status: 0 when nothing would change, 1 when something would, 2 on any error.
    #[command(
        after_help = "Examples:\n  asyncmod diff src/\n  asyncmod diff --unsafe-fixes --select AM004,AM005 app/\n  asyncmod diff src/ | git apply"
    )]
    Diff(FileArgs),
    /// Rewrite files in place: each keeps its owner, mode, ACLs and hard links.
    ///
    /// Exit status: 0 on success, 1 with --exit-non-zero-on-fix when a file changed, 2 on any error.
    #[command(
        after_help = "Examples:\n  asyncmod fix src/\n  asyncmod fix --target-version py311 .\n  asyncmod fix --stdin-filename app.py < app.py > fixed.py"
    )]
    Fix(FixArgs),
    /// List findings, also those with no automatic fix.
    ///
    /// Exit status: 0 when there is no finding, 1 when there is one, 2 on any error.
    #[command(
        after_help = "Examples:\n  asyncmod check src/\n  asyncmod check --output-format json . > findings.json\n  asyncmod check --statistics .\n  asyncmod check --add-noqa .                 mark what is left, to start a migration\n  asyncmod check --fix src/                   fix, then list what remains\n  cat app.py | asyncmod check -"
    )]
    Check(CheckArgs),
    /// Print the catalogue: code, name, minimum Python, fix safety, summary.
    #[command(after_help = "Examples:\n  asyncmod list\n  asyncmod list | grep unsafe")]
    List,
    /// Explain one codemod: what it does, why, before and after, fix safety.
    #[command(
        after_help = "Examples:\n  asyncmod explain AM001\n  asyncmod explain sleep-in-async"
    )]
    Explain {
        /// A code (`AM001`) or a name (`sleep-in-async`).
        code_or_name: String,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  asyncmod completions bash > ~/.local/share/bash-completion/completions/asyncmod\n  asyncmod completions zsh > ~/.zfunc/_asyncmod\n  asyncmod completions fish > ~/.config/fish/completions/asyncmod.fish"
    )]
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub files: FileArgs,
    /// Apply the fixes, as `asyncmod fix` does, then list the findings that
    /// remain (exit status 1 when some do).
    #[arg(long, conflicts_with_all = ["add_noqa", "statistics", "stdin_filename"])]
    pub fix: bool,
    /// Print the number of findings per codemod instead of each finding
    /// (text, or JSON with `--output-format json`).
    #[arg(long, conflicts_with = "add_noqa")]
    pub statistics: bool,
    /// Mark every finding with a `# noqa: CODE` comment on its line, merging
    /// codes into a `# noqa` already there, so that `check` then finds
    /// nothing: the baseline a migration starts from. Writes the files.
    #[arg(long, conflicts_with = "stdin_filename")]
    pub add_noqa: bool,
    /// Print what the project index knows about a module (a dotted name,
    /// `app.server`, or a file of the project) and exit: its file, its
    /// functions and classes with what calling them returns, `__all__`,
    /// star imports, `__getattr__`, objects bound to the loop at import,
    /// entry points, and what each of its imports resolves to (the project,
    /// an installed package, the built-in table of well-known libraries, or
    /// unknown and why). The project is the one around the first path
    /// (default: the current directory). Exit status: 0 when the module
    /// was found; 2 when it was not (the error names close modules) or on
    /// any other error.
    #[arg(long, value_name = "MODULE", conflicts_with_all = ["fix", "add_noqa", "statistics"])]
    pub show_index: Option<String>,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    #[command(flatten)]
    pub files: FileArgs,
    /// Exit with status 1 when any file was changed.
    #[arg(long, conflicts_with = "exit_zero")]
    pub exit_non_zero_on_fix: bool,
    /// Show each fix as a small diff and ask: y apply, n skip, a apply this
    /// and the rest, q stop (keeping what was accepted). Needs a terminal.
    #[arg(long, short = 'i', conflicts_with = "stdin_filename")]
    pub interactive: bool,
}

#[derive(Debug, Args, Default, Clone)]
pub struct FileArgs {
    /// Files or directories to process (default: the current directory).
    /// Directories are walked for `*.py`, honouring `.gitignore` and `.ignore`;
    /// a file named here is always processed (unless `--force-exclude`).
    /// `-` reads the source from stdin.
    pub paths: Vec<PathBuf>,

    /// Print findings, diffs and errors, but no summary and no progress.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Exit with status 0 even when there are findings (`check`) or
    /// changes (`diff`); an error still gives 2.
    #[arg(long)]
    pub exit_zero: bool,

    /// Codemods to run: codes, names or code prefixes, comma separated (`AM001,AM1`).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Option<Vec<String>>,

    /// Codemods not to run: codes, names or code prefixes, comma separated.
    /// Added to what the configuration ignores.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Option<Vec<String>>,

    /// Codemods to run in addition to those selected (by `--select` or the
    /// configuration): codes, names or code prefixes, comma separated.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub extend_select: Option<Vec<String>>,

    /// Also apply fixes that may change concurrency or error behaviour.
    #[arg(long, overrides_with = "no_unsafe_fixes")]
    pub unsafe_fixes: bool,

    /// Do not apply unsafe fixes, even when the configuration enables them.
    #[arg(long, overrides_with = "unsafe_fixes", hide = true)]
    pub no_unsafe_fixes: bool,

    /// The oldest Python the code must run on (py37 … py314). Fixes that need a
    /// newer Python are not applied. Default: the configuration's
    /// `target-version`, else the project's `requires-python` (or Poetry's
    /// `python`, or setup.cfg's `python_requires`), else py311.
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub target_version: Option<PyVersion>,

    /// Glob patterns of paths to skip, replacing the default list (.git, .venv, build, …).
    #[arg(long, value_delimiter = ',', value_name = "GLOBS")]
    pub exclude: Option<Vec<String>>,

    /// Glob patterns of paths to skip, in addition to `--exclude`.
    #[arg(long, value_delimiter = ',', value_name = "GLOBS")]
    pub extend_exclude: Option<Vec<String>>,

    /// Apply the excludes to paths named on the command line and to
    /// `--stdin-filename` too (for pre-commit, which names every file).
    #[arg(long, overrides_with = "no_force_exclude")]
    pub force_exclude: bool,

    /// Do not apply the excludes to named paths, even when the configuration says so.
    #[arg(long, overrides_with = "force_exclude", hide = true)]
    pub no_force_exclude: bool,

    /// Use this configuration file for every file: a `pyproject.toml`
    /// (its `[tool.asyncmod]` table) or a TOML file with the same keys at
    /// its top level. Relative globs in it start at the current directory.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration and project file: flags and defaults only.
    #[arg(long)]
    pub isolated: bool,

    /// Read the source from stdin and use PATH for messages and configuration.
    /// `fix` writes the result to stdout, `diff` the diff.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// The Python interpreter (or virtual environment directory) whose
    /// installed packages the project index reads, for the names the
    /// project imports from them (default: `VIRTUAL_ENV`, else a `.venv` or
    /// `venv` directory in the project). A path that is no interpreter or
    /// environment is a warning, and the built-in table of well-known
    /// async libraries then answers for installed packages.
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,

    /// Do not read or write the project index's cache (`.asyncmod_cache`
    /// at the project's root, where the summaries of the modules read are
    /// kept by the hash of their files' bytes).
    #[arg(long, env = "ASYNCMOD_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,

    /// Keep the project index's cache in this directory (default:
    /// `cache-dir` of the configuration, else `.asyncmod_cache` at each
    /// project's root). A new or empty directory: one that holds anything
    /// but the cache is refused.
    #[arg(long, value_name = "PATH", env = "ASYNCMOD_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Longest line generated code may have before it is broken over lines (default 88).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=320))]
    pub line_length: Option<u16>,

    /// Worker threads (default: the configuration's `jobs`, else every core).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// How to print findings and errors (default: text).
    #[arg(long, value_enum)]
    pub output_format: Option<OutputFormat>,

    /// When to colour output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl FileArgs {
    /// The flags as the settings take them: `fix`'s
    /// `--exit-non-zero-on-fix` is `exit_non_zero_on_fix`.
    pub fn flags(&self, exit_non_zero_on_fix: bool) -> Flags {
        let either = |yes: bool, no: bool| match (yes, no) {
            (true, _) => Some(true),
            (false, true) => Some(false),
            (false, false) => None,
        };
        Flags {
            paths: self.paths.clone(),
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            extend_select: self.extend_select.clone(),
            unsafe_fixes: either(self.unsafe_fixes, self.no_unsafe_fixes),
            target_version: self.target_version,
            line_length: self.line_length,
            exclude: self.exclude.clone(),
            extend_exclude: self.extend_exclude.clone(),
            force_exclude: either(self.force_exclude, self.no_force_exclude),
            config: self.config.clone(),
            isolated: self.isolated,
            stdin_filename: self.stdin_filename.clone(),
            python: self.python.clone(),
            no_cache: self.no_cache,
            cache_dir: self.cache_dir.clone(),
            jobs: self.jobs,
            output_format: self.output_format,
            color: self.color,
            exit_non_zero_on_fix,
        }
    }
}

fn parse_version(value: &str) -> Result<PyVersion, String> {
    value.parse()
}
