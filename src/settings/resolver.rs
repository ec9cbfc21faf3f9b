//! Per-file settings. As in ruff, each file uses the nearest `pyproject.toml`
//! above it with a `[tool.asyncmod]` table (`--config` names one file for
//! all, `--isolated` none), with the flags layered over it; its target
//! version comes from the nearest project file that states the oldest Python
//! it supports. Directories are resolved once and remembered, so no project
//! file is read twice, and files that share a configuration share one
//! [`RuleSettings`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use super::config::{self, ConfigError, ConfigFile, Requirement, RunOptions};
use super::exclude::Excluder;
use super::select::{self, Selection};
use super::{DEFAULT_EXCLUDES, DEFAULT_LINE_LENGTH, DEFAULT_STATEFUL_NAMES, RuleSettings};
use crate::fix::CodemodOptions;
use crate::version::PyVersion;

/// Where configurations come from.
#[derive(Debug)]
pub enum Mode {
    /// The nearest `[tool.asyncmod]` above each file.
    Hierarchical,
    /// `--config PATH`: one file for all.
    Fixed(Arc<ConfigFile>),
    /// `--isolated`: no file at all.
    Isolated,
}

/// The flags that layer over a configuration.
#[derive(Debug, Default)]
pub struct Overrides {
    pub selection: Selection,
    pub unsafe_fixes: Option<bool>,
    pub target_version: Option<PyVersion>,
    pub line_length: Option<usize>,
    /// `--exclude`, relative to the current directory.
    pub exclude: Option<Vec<String>>,
    pub extend_exclude: Vec<String>,
}

/// The settings files in one place share.
#[derive(Debug)]
pub struct Resolved {
    pub rules: Arc<RuleSettings>,
    pub excluder: Excluder,
    /// The directory the configuration governs from (the current directory
    /// without one): `--force-exclude` looks at the parts of a path below it.
    pub root: PathBuf,
}

/// Resolves directories to settings, remembering each. Cheap to clone: the
/// clones share what was read.
#[derive(Debug, Clone)]
pub struct Resolver {
    shared: Arc<Shared>,
    state: Arc<Mutex<State>>,
}

#[derive(Debug)]
struct Shared {
    mode: Mode,
    overrides: Overrides,
    cwd: PathBuf,
}

/// What a directory inherits: the nearest configuration and requirement
/// (indexes into `State`), and the settings they make.
#[derive(Debug, Clone, Copy)]
struct Link {
    config: Option<usize>,
    requirement: Option<usize>,
    settings: usize,
}

/// What made one entry of the settings table, for the warnings given the
/// first time a file uses it.
#[derive(Debug)]
struct Source {
    config: Option<usize>,
    /// The requirement, when it decided the target version.
    requirement: Option<usize>,
    examined: bool,
}

#[derive(Debug, Default)]
struct State {
    dirs: HashMap<PathBuf, Result<Link, usize>>,
    configs: Vec<Arc<ConfigFile>>,
    requirements: Vec<Requirement>,
    table: Vec<Arc<Resolved>>,
    /// Beside each entry of `table`: what made it.
    sources: Vec<Source>,
    keys: HashMap<(Option<usize>, Option<usize>), usize>,
    errors: Vec<ConfigError>,
    /// Errors not yet handed to the caller.
    unreported: usize,
    warnings: Vec<String>,
    /// Every warning given, so none is given twice.
    warned: Vec<String>,
    /// The configuration run-wide options come from.
    root_config: Option<usize>,
}

impl Resolver {
    pub fn new(mode: Mode, overrides: Overrides, cwd: PathBuf) -> Resolver {
        let mut state = State::default();
        if let Mode::Fixed(config) = &mode {
            state.configs.push(Arc::clone(config));
            state.root_config = Some(0);
        }
        Resolver {
            shared: Arc::new(Shared {
                mode,
                overrides,
                cwd,
            }),
            state: Arc::new(Mutex::new(state)),
        }
    }

    pub fn cwd(&self) -> &Path {
        &self.shared.cwd
    }

    /// `path` made absolute against the current directory and normalised.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        super::normalize(&self.shared.cwd.join(path))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere cannot leave the cache half-written in a way
        // that matters: every entry is inserted whole.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The run-wide options: from `--config`, else the configuration of the
    /// current directory (as ruff reads them), else none. Its path too.
    pub fn run_options(&self) -> Result<(RunOptions, Option<PathBuf>), ConfigError> {
        let cwd = self.shared.cwd.clone();
        let mut state = self.lock();
        if matches!(self.shared.mode, Mode::Hierarchical) {
            let link = state.link(&self.shared, &cwd).map_err(|e| state.error(e))?;
            state.root_config = link.config;
        }
        Ok(match state.root_config.and_then(|i| state.configs.get(i)) {
            Some(config) => (config.run.clone(), Some(config.path.clone())),
            None => (RunOptions::default(), None),
        })
    }

    /// The settings of the files directly in `dir` (absolute, normalised).
    pub fn settings_for_dir(&self, dir: &Path) -> Result<Arc<Resolved>, ConfigError> {
        let mut state = self.lock();
        match state.link(&self.shared, dir) {
            Ok(link) => match state.used(link.settings, &self.shared) {
                Some(resolved) => Ok(Arc::clone(resolved)),
                None => Err(ConfigError {
                    path: dir.to_path_buf(),
                    position: None,
                    message: "internal error: settings missing from the table".to_string(),
                }),
            },
            Err(index) => Err(state.error(index)),
        }
    }

    /// The settings of a file (absolute, normalised).
    pub fn settings_for_file(&self, file: &Path) -> Result<Arc<Resolved>, ConfigError> {
        self.settings_for_dir(file.parent().unwrap_or(Path::new("/")))
    }

    /// `--force-exclude`: whether an explicitly named path (absolute,
    /// normalised) is excluded, by its own name or path or by a directory
    /// above it inside its project, each judged by the settings that govern
    /// it. The project's own directory and what lies above it do not count
    /// (a project checked out under `build/` is not excluded).
    pub fn is_excluded(&self, path: &Path) -> Result<bool, ConfigError> {
        let mut current = path.to_path_buf();
        loop {
            let Some(parent) = current.parent() else {
                return Ok(false);
            };
            let governing = self.settings_for_dir(parent)?;
            // The project's own directory, or one above it (`.` run in a
            // checkout under `build/`).
            if governing.root.starts_with(&current) {
                return Ok(false);
            }
            if governing.excluder.is_excluded(&current) {
                return Ok(true);
            }
            if parent == governing.root || !parent.starts_with(&governing.root) {
                return Ok(false);
            }
            current = parent.to_path_buf();
        }
    }

    /// Configuration errors met since the last call, each once.
    pub fn take_errors(&self) -> Vec<ConfigError> {
        let mut state = self.lock();
        let start = state.unreported;
        state.unreported = state.errors.len();
        state.errors.get(start..).unwrap_or_default().to_vec()
    }

    /// Warnings (an unreadable requirement, a run-wide key in a nested
    /// configuration) met since the last call, each once.
    pub fn take_warnings(&self) -> Vec<String> {
        std::mem::take(&mut self.lock().warnings)
    }
}

impl State {
    /// The settings at `index`, warning the first time about what they
    /// were made from: an unreadable requirement, run-wide keys in a
    /// configuration that is not the run's.
    fn used(&mut self, index: usize, shared: &Shared) -> Option<&Arc<Resolved>> {
        let source = self.sources.get_mut(index)?;
        if !source.examined {
            source.examined = true;
            let (config, requirement) = (source.config, source.requirement);
            if let Some(warning) = requirement
                .and_then(|i| self.requirements.get(i))
                .and_then(|r| r.warning.as_ref().map(|w| (r, w)))
                .map(|(r, w)| format!("{}: warning: {w}", crate::messages::display_path(&r.path)))
                && !self.warned.contains(&warning)
            {
                self.warned.push(warning.clone());
                self.warnings.push(warning);
            }
            let nested = config
                .filter(|c| !matches!(shared.mode, Mode::Fixed(_)) && Some(*c) != self.root_config);
            if let Some(config_file) = nested.and_then(|i| self.configs.get(i)) {
                let keys = config_file.run.keys_set();
                let warning = format!(
                    "{}: warning: `{}` applies to a whole run and is read only from the configuration of the current directory or `--config`: ignored here",
                    crate::messages::display_path(&config_file.path),
                    keys.join("`, `")
                );
                if !keys.is_empty() && !self.warned.contains(&warning) {
                    self.warned.push(warning.clone());
                    self.warnings.push(warning);
                }
            }
        }
        self.table.get(index)
    }

    fn error(&self, index: usize) -> ConfigError {
        self.errors
            .get(index)
            .cloned()
            .unwrap_or_else(|| ConfigError {
                path: PathBuf::new(),
                position: None,
                message: "internal error: configuration error missing".to_string(),
            })
    }

    /// What `dir` inherits, reading its files the first time.
    fn link(&mut self, shared: &Shared, dir: &Path) -> Result<Link, usize> {
        if let Some(known) = self.dirs.get(dir) {
            return *known;
        }
        // Iterative, from the nearest remembered ancestor down: deep trees
        // must not recurse.
        let mut missing: Vec<&Path> = Vec::new();
        let mut inherited: Result<Option<Link>, usize> = Ok(None);
        for ancestor in dir.ancestors() {
            match self.dirs.get(ancestor) {
                Some(known) => {
                    inherited = known.map(Some);
                    break;
                }
                None => missing.push(ancestor),
            }
        }
        for ancestor in missing.into_iter().rev() {
            let result = match inherited {
                Err(index) => Err(index),
                Ok(parent) => self.read_link(shared, ancestor, parent),
            };
            self.dirs.insert(ancestor.to_path_buf(), result);
            inherited = result.map(Some);
        }
        self.dirs.get(dir).copied().unwrap_or(Err(usize::MAX))
    }

    fn read_link(
        &mut self,
        shared: &Shared,
        dir: &Path,
        parent: Option<Link>,
    ) -> Result<Link, usize> {
        let (with_config, with_requirement) = match shared.mode {
            Mode::Isolated => (false, false),
            Mode::Fixed(_) => (false, shared.overrides.target_version.is_none()),
            Mode::Hierarchical => (true, shared.overrides.target_version.is_none()),
        };
        let files = if with_config || with_requirement {
            match config::read_dir(dir, with_config, with_requirement) {
                Ok(files) => files,
                Err(error) => {
                    self.errors.push(error);
                    return Err(self.errors.len() - 1);
                }
            }
        } else {
            config::DirFiles::default()
        };
        let fixed = matches!(shared.mode, Mode::Fixed(_)).then_some(0);
        let config = match files.config {
            Some(found) => {
                self.configs.push(Arc::new(found));
                Some(self.configs.len() - 1)
            }
            None => parent.map_or(fixed, |p| p.config),
        };
        let requirement = match files.requirement {
            Some(found) => {
                self.requirements.push(found);
                Some(self.requirements.len() - 1)
            }
            None => parent.and_then(|p| p.requirement),
        };
        let settings = self.intern(shared, config, requirement)?;
        Ok(Link {
            config,
            requirement,
            settings,
        })
    }

    /// The index of the settings a configuration and a requirement make,
    /// building them the first time.
    fn intern(
        &mut self,
        shared: &Shared,
        config: Option<usize>,
        requirement: Option<usize>,
    ) -> Result<usize, usize> {
        if let Some(index) = self.keys.get(&(config, requirement)) {
            return Ok(*index);
        }
        let config_file = config.and_then(|i| self.configs.get(i)).cloned();
        let requirement_file = requirement.and_then(|i| self.requirements.get(i));
        let fixed = matches!(shared.mode, Mode::Fixed(_));
        let (target, from_requirement) =
            target_version(shared, config_file.as_deref(), requirement_file, fixed);
        let resolved = match resolve(shared, config_file.as_deref(), target) {
            Ok(resolved) => resolved,
            Err(error) => {
                self.errors.push(ConfigError {
                    path: config_file.map_or_else(|| shared.cwd.clone(), |c| c.path.clone()),
                    position: None,
                    message: format!("invalid configuration: {error:#}"),
                });
                return Err(self.errors.len() - 1);
            }
        };
        self.table.push(Arc::new(resolved));
        self.sources.push(Source {
            config,
            requirement: from_requirement.then_some(requirement).flatten(),
            examined: false,
        });
        let index = self.table.len() - 1;
        self.keys.insert((config, requirement), index);
        Ok(index)
    }
}

/// The target version: the flag; else whichever of the configuration's
/// `target-version` and the project's requirement is nearer the file (the
/// configuration's in the same directory, and always `--config`'s); else
/// py311. Also whether the requirement decided.
fn target_version(
    shared: &Shared,
    config: Option<&ConfigFile>,
    requirement: Option<&Requirement>,
    fixed: bool,
) -> (PyVersion, bool) {
    if let Some(version) = shared.overrides.target_version {
        return (version, false);
    }
    let configured = config.and_then(|c| c.target_version.map(|v| (v, c)));
    match (configured, requirement) {
        (Some((version, config)), Some(requirement))
            if fixed || config.dir().starts_with(requirement.dir()) =>
        {
            (version, false)
        }
        (_, Some(requirement)) => (requirement.target, true),
        (Some((version, _)), None) => (version, false),
        (None, None) => (PyVersion::DEFAULT_TARGET, false),
    }
}

/// Layers the flags over a configuration (or over the defaults).
fn resolve(
    shared: &Shared,
    config: Option<&ConfigFile>,
    target_version: PyVersion,
) -> anyhow::Result<Resolved> {
    let overrides = &shared.overrides;
    let mut layers = Vec::new();
    if let Some(config) = config {
        layers.push(&config.selection);
    }
    layers.push(&overrides.selection);
    let codemods = select::apply(&layers);

    let unsafe_fixes = overrides
        .unsafe_fixes
        .or(config.and_then(|c| c.unsafe_fixes))
        .unwrap_or(false);
    let line_length = overrides
        .line_length
        .or(config.and_then(|c| c.line_length))
        .unwrap_or(DEFAULT_LINE_LENGTH);
    let mut stateful_names: Vec<String> = config
        .and_then(|c| c.stateful_names.clone())
        .unwrap_or_else(|| {
            DEFAULT_STATEFUL_NAMES
                .iter()
                .map(|s| s.to_string())
                .collect()
        });
    if let Some(config) = config {
        stateful_names.extend(config.extend_stateful_names.iter().cloned());
    }

    // `--exclude` replaces the file's `exclude`, which replaces the
    // defaults; `extend-exclude` from both adds.
    let defaults: Vec<String> = DEFAULT_EXCLUDES.iter().map(|s| s.to_string()).collect();
    let cwd = shared.cwd.as_path();
    let mut groups: Vec<(&Path, &[String])> = Vec::new();
    match (&overrides.exclude, config.and_then(|c| c.exclude.as_ref())) {
        (Some(flags), _) => groups.push((cwd, flags)),
        (None, Some(exclude)) => {
            if let Some(config) = config {
                groups.push((&config.glob_root, exclude));
            }
        }
        (None, None) => groups.push((cwd, &defaults)),
    }
    if let Some(config) = config {
        groups.push((&config.glob_root, &config.extend_exclude));
    }
    groups.push((cwd, &overrides.extend_exclude));
    let excluder = Excluder::new(&groups)?;

    let root = match (config, &shared.mode) {
        (Some(config), Mode::Hierarchical) => config.dir().to_path_buf(),
        _ => shared.cwd.clone(),
    };
    Ok(Resolved {
        rules: Arc::new(RuleSettings {
            codemods,
            unsafe_fixes,
            options: CodemodOptions {
                target_version,
                line_length,
                stateful_names,
            },
        }),
        excluder,
        root,
    })
}
