//! Reading the files that configure a run: `[tool.asyncmod]` in a
//! `pyproject.toml` (or the file named by `--config`), and what a project's
//! `pyproject.toml` or `setup.cfg` says about the oldest Python it supports.
//! Values are checked here, so an error names the file, line and column.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use clap::ValueEnum as _;
use serde::Deserialize;
use toml::Spanned;

use super::OutputFormat;
use super::exclude;
use super::select::{Selection, Selector};
use crate::version::{Dialect, PyVersion};

/// The keys of `[tool.asyncmod]` (and of a file named by `--config`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ConfigOptions {
    pub select: Option<Vec<Spanned<String>>>,
    pub ignore: Option<Vec<Spanned<String>>>,
    pub extend_select: Option<Vec<Spanned<String>>>,
    pub unsafe_fixes: Option<bool>,
    pub target_version: Option<Spanned<String>>,
    pub exclude: Option<Vec<Spanned<String>>>,
    pub extend_exclude: Option<Vec<Spanned<String>>>,
    pub force_exclude: Option<bool>,
    pub line_length: Option<Spanned<WholeNumber>>,
    pub stateful_names: Option<Vec<String>>,
    pub extend_stateful_names: Option<Vec<String>>,
    pub jobs: Option<Spanned<WholeNumber>>,
    pub output_format: Option<Spanned<String>>,
    pub exit_non_zero_on_fix: Option<bool>,
    pub cache_dir: Option<String>,
}

/// An integer, named so in messages (serde would say `usize`).
#[derive(Debug, Clone, Copy)]
pub struct WholeNumber(i64);

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = WholeNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_i64<E>(self, v: i64) -> Result<WholeNumber, E> {
                Ok(WholeNumber(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<WholeNumber, E> {
                i64::try_from(v)
                    .map(WholeNumber)
                    .map_err(|_| E::custom("the number is too large"))
            }
        }
        deserializer.deserialize_i64(Visitor)
    }
}

/// Options that hold for a whole run, not per file: read from the
/// configuration of the current directory (or `--config`) only.
#[derive(Debug, Default, Clone)]
pub struct RunOptions {
    pub jobs: Option<usize>,
    pub output_format: Option<OutputFormat>,
    pub exit_non_zero_on_fix: Option<bool>,
    pub force_exclude: Option<bool>,
    /// `cache-dir`, relative to the configuration's directory.
    pub cache_dir: Option<PathBuf>,
}

impl RunOptions {
    /// The keys set, for the warning that a nested configuration's are not read.
    pub fn keys_set(&self) -> Vec<&'static str> {
        let mut keys = Vec::new();
        if self.jobs.is_some() {
            keys.push("jobs");
        }
        if self.output_format.is_some() {
            keys.push("output-format");
        }
        if self.exit_non_zero_on_fix.is_some() {
            keys.push("exit-non-zero-on-fix");
        }
        if self.force_exclude.is_some() {
            keys.push("force-exclude");
        }
        if self.cache_dir.is_some() {
            keys.push("cache-dir");
        }
        keys
    }
}

/// A configuration, its values checked.
#[derive(Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    /// Relative `exclude` globs start here: the file's directory, or the
    /// current directory for a file named by `--config` (as in ruff).
    pub glob_root: PathBuf,
    pub selection: Selection,
    pub unsafe_fixes: Option<bool>,
    pub target_version: Option<PyVersion>,
    pub line_length: Option<usize>,
    pub exclude: Option<Vec<String>>,
    pub extend_exclude: Vec<String>,
    pub stateful_names: Option<Vec<String>>,
    pub extend_stateful_names: Vec<String>,
    pub run: RunOptions,
}

impl ConfigFile {
    /// The directory the configuration sits in.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("/"))
    }
}

/// A configuration or project file that cannot be used: the run stops for
/// the files it governs.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column, when the error has a place in the file.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::messages::display_path(&self.path);
        match self.position {
            Some((line, column)) => write!(f, "{path}:{line}:{column}: {}", self.message),
            None => write!(f, "{path}: {}", self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The oldest Python a project supports, as one of its files states it.
#[derive(Debug)]
pub struct Requirement {
    pub path: PathBuf,
    pub target: PyVersion,
    /// Set when the value could not be read (and the target is the oldest).
    pub warning: Option<String>,
}

impl Requirement {
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("/"))
    }
}

/// What one directory's files say: its `[tool.asyncmod]` (when read) and
/// its Python requirement (when asked for).
#[derive(Debug, Default)]
pub struct DirFiles {
    pub config: Option<ConfigFile>,
    pub requirement: Option<Requirement>,
}

#[derive(Debug, Deserialize)]
struct Pyproject<C> {
    tool: Option<Tools<C>>,
    project: Option<ProjectTable>,
}

#[derive(Debug, Deserialize)]
struct Tools<C> {
    asyncmod: Option<C>,
    poetry: Option<PoetryTable>,
}

#[derive(Debug, Deserialize)]
struct ProjectTable {
    #[serde(rename = "requires-python")]
    requires_python: Option<toml::Value>,
    /// Fields the build backend fills in (`dynamic = ["requires-python"]`:
    /// the requirement is in `setup.py` or `setup.cfg`).
    dynamic: Option<toml::Value>,
}

impl ProjectTable {
    /// `requires-python` is listed in `dynamic`.
    fn requirement_is_dynamic(&self) -> bool {
        matches!(&self.dynamic, Some(toml::Value::Array(fields))
            if fields.iter().any(|f| f.as_str() == Some("requires-python")))
    }
}

#[derive(Debug, Deserialize)]
struct PoetryTable {
    dependencies: Option<PoetryDependencies>,
}

#[derive(Debug, Deserialize)]
struct PoetryDependencies {
    python: Option<toml::Value>,
}

/// Reads `dir/pyproject.toml` and, for the requirement, `dir/setup.cfg`.
/// `with_config`: read `[tool.asyncmod]` (not under `--config` or
/// `--isolated`). `with_requirement`: read the Python requirement (not when
/// `--target-version` decides). A configuration that cannot be read is an
/// error; a requirement that cannot be read is a warning and the oldest target.
pub fn read_dir(
    dir: &Path,
    with_config: bool,
    with_requirement: bool,
) -> Result<DirFiles, ConfigError> {
    let mut found = DirFiles::default();
    let pyproject = dir.join("pyproject.toml");
    if pyproject.is_file() {
        let text = read_text(&pyproject)?;
        let (options, project, poetry) = if with_config {
            let parsed: Pyproject<ConfigOptions> = parse_toml(&pyproject, &text)?;
            let (options, poetry) = split_tools(parsed.tool);
            (options, parsed.project, poetry)
        } else {
            match toml::from_str::<Pyproject<serde::de::IgnoredAny>>(&text) {
                Ok(parsed) => (None, parsed.project, split_tools(parsed.tool).1),
                // Only the requirement was wanted: unreadable, so unknown.
                Err(error) if with_requirement => {
                    found.requirement = Some(unreadable(
                        &pyproject,
                        format!(
                            "cannot read the file: {}",
                            crate::messages::plain_serde(
                                error.message(),
                                crate::messages::Syntax::Toml
                            )
                        ),
                    ));
                    return Ok(found);
                }
                Err(_) => return Ok(found),
            }
        };
        if let Some(options) = options {
            found.config = Some(check_options(&pyproject, &text, options, dir)?);
        }
        if with_requirement {
            found.requirement = pyproject_requirement(&pyproject, project, poetry);
        }
    }
    if with_requirement && found.requirement.is_none() {
        found.requirement = setup_cfg_requirement(&dir.join("setup.cfg"));
    }
    Ok(found)
}

fn split_tools<C>(tools: Option<Tools<C>>) -> (Option<C>, Option<PoetryTable>) {
    match tools {
        Some(tools) => (tools.asyncmod, tools.poetry),
        None => (None, None),
    }
}

/// Reads the file named by `--config`: a `pyproject.toml` holds the keys in
/// `[tool.asyncmod]`, any other file at its top level (as ruff reads
/// `ruff.toml`). Relative globs in it start at `cwd`, as in ruff.
pub fn read_named(path: &Path, cwd: &Path) -> Result<ConfigFile, ConfigError> {
    let text = read_text(path)?;
    let options = if path
        .file_name()
        .is_some_and(|name| name == "pyproject.toml")
    {
        let parsed: Pyproject<ConfigOptions> = parse_toml(path, &text)?;
        split_tools(parsed.tool).0.unwrap_or_default()
    } else {
        parse_toml(path, &text)?
    };
    check_options(path, &text, options, cwd)
}

fn read_text(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|error| ConfigError {
        path: path.to_path_buf(),
        position: None,
        message: format!(
            "cannot read: {}",
            crate::messages::describe_io_error(&error)
        ),
    })
}

fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|error| ConfigError {
        path: path.to_path_buf(),
        position: error.span().map(|span| line_column(text, span.start)),
        message: format!(
            "invalid configuration: {}",
            crate::messages::plain_serde(error.message().trim_end(), crate::messages::Syntax::Toml)
        ),
    })
}

/// 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

/// Turns raw options into checked ones, each error placed at its value.
fn check_options(
    path: &Path,
    text: &str,
    options: ConfigOptions,
    glob_root: &Path,
) -> Result<ConfigFile, ConfigError> {
    let error = |span: Range<usize>, message: String| ConfigError {
        path: path.to_path_buf(),
        position: Some(line_column(text, span.start)),
        message: format!("invalid configuration: {message}"),
    };
    let selectors = |key: &str, values: &Option<Vec<Spanned<String>>>| {
        let mut out = Vec::new();
        for value in values.iter().flatten() {
            match Selector::parse(value.get_ref()) {
                Ok(Some(selector)) => out.push(selector),
                Ok(None) => {}
                Err(message) => return Err(error(value.span(), format!("`{key}`: {message}"))),
            }
        }
        Ok(out)
    };
    let select = match &options.select {
        Some(_) => Some(selectors("select", &options.select)?),
        None => None,
    };
    let selection = Selection {
        select,
        ignore: selectors("ignore", &options.ignore)?,
        extend_select: selectors("extend-select", &options.extend_select)?,
    };
    let globs = |key: &str, values: &Option<Vec<Spanned<String>>>| {
        let mut out = Vec::new();
        for value in values.iter().flatten() {
            exclude::check_glob(value.get_ref())
                .map_err(|message| error(value.span(), format!("`{key}`: {message}")))?;
            out.push(value.get_ref().clone());
        }
        Ok::<_, ConfigError>(out)
    };
    let exclude = match &options.exclude {
        Some(_) => Some(globs("exclude", &options.exclude)?),
        None => None,
    };
    let extend_exclude = globs("extend-exclude", &options.extend_exclude)?;
    let target_version = match &options.target_version {
        Some(value) => Some(
            value
                .get_ref()
                .parse::<PyVersion>()
                .map_err(|message| error(value.span(), format!("`target-version`: {message}")))?,
        ),
        None => None,
    };
    let line_length = match &options.line_length {
        Some(value) => {
            let WholeNumber(n) = *value.get_ref();
            match usize::try_from(n) {
                Ok(n) if (1..=320).contains(&n) => Some(n),
                _ => {
                    return Err(error(
                        value.span(),
                        format!("`line-length`: {n} is not between 1 and 320"),
                    ));
                }
            }
        }
        None => None,
    };
    let jobs = match &options.jobs {
        Some(value) => {
            let WholeNumber(n) = *value.get_ref();
            match usize::try_from(n) {
                Ok(n) if n >= 1 => Some(n),
                _ => {
                    return Err(error(
                        value.span(),
                        format!("`jobs`: {n} is not a number of threads (1 or more)"),
                    ));
                }
            }
        }
        None => None,
    };
    let output_format = match &options.output_format {
        Some(value) => Some(OutputFormat::from_str(value.get_ref(), true).map_err(|_| {
            let names: Vec<String> = OutputFormat::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                .collect();
            error(
                value.span(),
                format!(
                    "`output-format`: unknown format `{}`: expected one of {}",
                    value.get_ref(),
                    names.join(", ")
                ),
            )
        })?),
        None => None,
    };
    Ok(ConfigFile {
        path: path.to_path_buf(),
        glob_root: glob_root.to_path_buf(),
        selection,
        unsafe_fixes: options.unsafe_fixes,
        target_version,
        line_length,
        exclude,
        extend_exclude,
        stateful_names: options.stateful_names,
        extend_stateful_names: options.extend_stateful_names.unwrap_or_default(),
        run: RunOptions {
            jobs,
            output_format,
            exit_non_zero_on_fix: options.exit_non_zero_on_fix,
            force_exclude: options.force_exclude,
            cache_dir: options
                .cache_dir
                .map(|dir| path.parent().unwrap_or(Path::new("/")).join(dir)),
        },
    })
}

/// `requires-python`, else Poetry's `python` dependency.
fn pyproject_requirement(
    path: &Path,
    project: Option<ProjectTable>,
    poetry: Option<PoetryTable>,
) -> Option<Requirement> {
    let dynamic = project
        .as_ref()
        .is_some_and(ProjectTable::requirement_is_dynamic);
    if let Some(value) = project.and_then(|p| p.requires_python) {
        return Some(requirement(
            path,
            "requires-python",
            &value,
            Dialect::Pep440,
        ));
    }
    // The build backend fills it in: setuptools from `setup.cfg` or the
    // `python_requires=` of `setup.py`. A value this cannot read is
    // unknown, and an unknown minimum is the oldest.
    if dynamic {
        let dir = path.parent().unwrap_or(Path::new("."));
        return Some(
            setup_cfg_requirement(&dir.join("setup.cfg"))
                .or_else(|| setup_py_requirement(&dir.join("setup.py")))
                .unwrap_or_else(|| {
                    unreadable(
                        path,
                        "`requires-python` is dynamic and neither `setup.cfg` nor `setup.py` \
                         spells it as a literal"
                            .to_string(),
                    )
                }),
        );
    }
    let value = poetry.and_then(|p| p.dependencies).and_then(|d| d.python)?;
    // `python = "^3.8"`, or the table form `python = { version = "^3.8" }`.
    let value = match &value {
        toml::Value::Table(table) => table.get("version").cloned().unwrap_or(value),
        _ => value,
    };
    Some(requirement(
        path,
        "tool.poetry.dependencies.python",
        &value,
        Dialect::Poetry,
    ))
}

/// `python_requires="…"` given to `setup()` in a `setup.py`, when the file
/// spells it once as a string literal.
fn setup_py_requirement(path: &Path) -> Option<Requirement> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut found = text
        .match_indices("python_requires")
        .filter_map(|(at, key)| {
            let rest = text.get(at + key.len()..)?.trim_start().strip_prefix('=')?;
            let rest = rest.trim_start();
            let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
            let inside = rest.get(1..)?;
            inside.find(quote).and_then(|end| inside.get(..end))
        });
    let spec = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some(requirement(
        path,
        "python_requires",
        &toml::Value::String(spec.to_string()),
        Dialect::Pep440,
    ))
}

/// `[options] python_requires` of a `setup.cfg`, when it has one.
fn setup_cfg_requirement(path: &Path) -> Option<Requirement> {
    if !path.is_file() {
        return None;
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            return Some(unreadable(
                path,
                format!(
                    "cannot read the file: {}",
                    crate::messages::describe_io_error(&error)
                ),
            ));
        }
    };
    let value = setup_cfg_python_requires(&text)?;
    Some(requirement(
        path,
        "python_requires",
        &toml::Value::String(value),
        Dialect::Pep440,
    ))
}

/// The value of `python_requires` in the `[options]` section, as Python's
/// configparser reads it: `=` or `:` after the key, indented lines continue
/// the value, `#` and `;` start comment lines.
fn setup_cfg_python_requires(text: &str) -> Option<String> {
    let mut in_options = false;
    let mut value: Option<String> = None;
    let mut continuing = false;
    for line in text.lines() {
        let trimmed = line.trim();
        let indented = line.starts_with([' ', '\t']);
        if continuing && indented && !trimmed.is_empty() {
            if let Some(value) = &mut value {
                value.push(' ');
                value.push_str(trimmed);
            }
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        continuing = false;
        if trimmed.starts_with(['#', ';']) {
            continue;
        }
        if trimmed.starts_with('[') {
            in_options = trimmed == "[options]";
            continue;
        }
        if !in_options {
            continue;
        }
        let Some(split) = trimmed.find(['=', ':']) else {
            continue;
        };
        let (key, rest) = trimmed.split_at(split);
        let key = key.trim().to_ascii_lowercase().replace('-', "_");
        if key == "python_requires" {
            value = Some(rest.get(1..).unwrap_or_default().trim().to_string());
            continuing = true;
        }
    }
    value.map(|v| v.trim().to_string())
}

fn requirement(path: &Path, key: &str, value: &toml::Value, dialect: Dialect) -> Requirement {
    let toml::Value::String(spec) = value else {
        return unreadable(path, format!("`{key}` is not a string"));
    };
    match PyVersion::from_requirement(spec, dialect) {
        Ok(target) => Requirement {
            path: path.to_path_buf(),
            target,
            warning: None,
        },
        Err(reason) => unreadable(path, format!("cannot read `{key} = {spec:?}`: {reason}")),
    }
}

/// A requirement that cannot be read: the minimum is unknown, so the oldest
/// target is used, never the newest.
fn unreadable(path: &Path, reason: String) -> Requirement {
    Requirement {
        path: path.to_path_buf(),
        target: PyVersion::OLDEST_TARGET,
        warning: Some(format!(
            "{reason}; using {}, the oldest target",
            PyVersion::OLDEST_TARGET.target_name()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setup_cfg_python_requires_as_configparser_reads_it() {
        let cases = [
            ("[options]\npython_requires = >=3.8\n", Some(">=3.8")),
            ("[options]\npython-requires: >=3.9, <4\n", Some(">=3.9, <4")),
            ("[options]\npython_requires =\n    >=3.10\n", Some(">=3.10")),
            ("[metadata]\npython_requires = >=3.8\n", None),
            (
                "[options]\n# python_requires = >=3.6\ninstall_requires =\n    x\n",
                None,
            ),
            (
                "[options]\nzip_safe = False\n\n[options.extras_require]\npython_requires = >=3.6\n",
                None,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                setup_cfg_python_requires(text).as_deref(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn line_column_counts_from_one() {
        assert_eq!(line_column("a = 1\nbb = 2\n", 6), (2, 1));
        assert_eq!(line_column("a = 1\nbb = 2\n", 9), (2, 4));
        assert_eq!(line_column("a", 0), (1, 1));
    }
}
