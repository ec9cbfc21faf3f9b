//! Paths on the command line become the files to process: directories are
//! walked for `*.py` (never `*.pyi`), honouring `.gitignore`/`.ignore`
//! inside a git repository or not, and the exclude globs; a file named
//! explicitly is always processed.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::settings::FileSettings;

/// A path that could not be walked.
#[derive(Debug, Clone)]
pub struct DiscoveryError {
    pub path: PathBuf,
    pub message: String,
}

/// Matches exclude globs: a pattern without `/` against each path
/// component's name (`build`, `*_pb2.py`), one with `/` against the path
/// relative to the root (`tests/fixtures`, `src/**/gen_*.py`).
#[derive(Debug)]
pub struct Excluder {
    names: GlobSet,
    paths: GlobSet,
    root: PathBuf,
}

impl Excluder {
    pub fn new(patterns: &[String], root: &Path) -> anyhow::Result<Excluder> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for pattern in patterns {
            let trimmed = pattern.trim().trim_end_matches('/');
            let trimmed = trimmed.strip_prefix("./").unwrap_or(trimmed);
            if trimmed.is_empty() {
                continue;
            }
            let glob =
                Glob::new(trimmed).with_context(|| format!("invalid exclude glob `{pattern}`"))?;
            if trimmed.contains('/') {
                paths.add(glob);
                // `tests/fixtures` also excludes what is under it.
                paths.add(
                    Glob::new(&format!("{trimmed}/**"))
                        .with_context(|| format!("invalid exclude glob `{pattern}`"))?,
                );
            } else {
                names.add(glob);
            }
        }
        Ok(Excluder {
            names: names.build().context("building exclude globs")?,
            paths: paths.build().context("building exclude globs")?,
            root: crate::settings::normalize(root),
        })
    }

    /// Whether a walked path (file or directory) is excluded.
    pub fn is_excluded(&self, path: &Path) -> bool {
        if path
            .file_name()
            .is_some_and(|name| self.names.is_match(name))
        {
            return true;
        }
        if self.paths.is_empty() {
            return false;
        }
        let absolute = if path.is_absolute() {
            crate::settings::normalize(path)
        } else {
            std::env::current_dir()
                .map(|cwd| crate::settings::normalize(&cwd.join(path)))
                .unwrap_or_default()
        };
        let relative = absolute.strip_prefix(&self.root).unwrap_or(&absolute);
        self.paths.is_match(relative)
    }
}

/// Whether a walked file is one asyncmod reads: Python sources and Jupyter
/// notebooks (never `*.pyi` stubs).
fn is_python_source(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "py" || ext == "ipynb")
}

/// The files to process, sorted and deduplicated, and the paths that failed.
pub fn discover(settings: &FileSettings) -> anyhow::Result<(Vec<PathBuf>, Vec<DiscoveryError>)> {
    let excluder = std::sync::Arc::new(Excluder::new(&settings.exclude, &settings.root)?);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in &settings.paths {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => {
                errors.push(DiscoveryError {
                    path: path.clone(),
                    message: describe_io_error(&error),
                });
                continue;
            }
        };
        if !metadata.is_dir() {
            files.push(clean(path.clone()));
            continue;
        }
        let mut walker = ignore::WalkBuilder::new(path);
        walker
            .hidden(false)
            .git_ignore(true)
            .git_exclude(true)
            .git_global(true)
            .ignore(true)
            .parents(true)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b));
        let excluder = std::sync::Arc::clone(&excluder);
        let top = path.clone();
        walker
            .filter_entry(move |entry| entry.path() == top || !excluder.is_excluded(entry.path()));
        for entry in walker.build() {
            match entry {
                Ok(entry) => {
                    if entry.file_type().is_some_and(|t| t.is_file())
                        && is_python_source(entry.path())
                    {
                        files.push(clean(entry.into_path()));
                    }
                }
                Err(error) => errors.push(DiscoveryError {
                    path: error_path(&error).unwrap_or_else(|| path.clone()),
                    message: error.to_string(),
                }),
            }
        }
    }
    files.sort();
    dedup_by_location(&mut files);
    Ok((files, errors))
}

/// Keeps one of the paths that name the same file by their text (`app/x.py`,
/// `./app/x.py`, `app/../app/x.py`, its absolute path, or found again in a
/// directory named too): the file is processed, and its diff printed, once.
/// Symbolic links are not followed, as ruff does not.
fn dedup_by_location(files: &mut Vec<PathBuf>) {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut seen = std::collections::HashSet::with_capacity(files.len());
    files.retain(|file| seen.insert(crate::settings::normalize(&cwd.join(file))));
}

/// `./a/b.py` → `a/b.py`, as users write paths.
fn clean(path: PathBuf) -> PathBuf {
    match path.strip_prefix(".") {
        Ok(stripped) if !stripped.as_os_str().is_empty() => stripped.to_path_buf(),
        _ => path,
    }
}

fn error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// `No such file or directory`, without Rust's `(os error 2)`.
pub fn describe_io_error(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excludes_by_name_and_relative_path() {
        let root = PathBuf::from("/project");
        let excluder = Excluder::new(
            &["build".into(), "*_pb2.py".into(), "tests/fixtures".into()],
            &root,
        )
        .unwrap();
        assert!(excluder.is_excluded(Path::new("/project/build")));
        assert!(excluder.is_excluded(Path::new("/project/src/api_pb2.py")));
        assert!(excluder.is_excluded(Path::new("/project/tests/fixtures/a.py")));
        assert!(!excluder.is_excluded(Path::new("/project/tests/test_a.py")));
        assert!(!excluder.is_excluded(Path::new("/project/src/builder.py")));
    }
}
