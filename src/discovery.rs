//! Paths on the command line become the files to process, each with its
//! settings: directories are walked for `*.py` (never `*.pyi`), honouring
//! `.gitignore`/`.ignore` inside a git repository or not, and the exclude
//! globs of the configuration that governs each entry (an excluded
//! directory is not entered), and the index cache's own directory. A path named explicitly is always processed,
//! unless `--force-exclude` is given and the excludes match it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::engine::RuleSettings;
use crate::index::cache::{self, CacheDir};
pub use crate::messages::describe_io_error;
use crate::settings::{ConfigError, Resolver};
use crate::source::Position;

/// A path that could not be walked, or a configuration that could not be read.
#[derive(Debug, Clone)]
pub struct DiscoveryError {
    pub path: PathBuf,
    pub position: Position,
    pub message: String,
}

impl DiscoveryError {
    pub fn from_config(error: ConfigError) -> Self {
        let position = error
            .position
            .map_or(Position::START, |(line, column)| Position { line, column });
        DiscoveryError {
            path: error.path,
            position,
            message: error.message,
        }
    }
}

/// A file to process and the settings it uses.
#[derive(Debug, Clone)]
pub struct FileToProcess {
    pub path: PathBuf,
    pub rules: Arc<RuleSettings>,
    /// Its inode number as the walk saw it (see [`dedup_by_inode`]).
    inode: Option<u64>,
}

/// A name of a file that another name of the run already stands for (a
/// hard link): the file is processed once, under the first name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SameFile {
    /// The name left out.
    pub path: PathBuf,
    /// The name the file is processed under.
    pub processed_as: PathBuf,
}

/// Whether a walked file is one asyncmod reads: Python sources and Jupyter
/// notebooks (never `*.pyi` stubs).
fn is_python_source(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "py" || ext == "ipynb")
}

/// The files to process, sorted and deduplicated (by their paths, and by
/// their inodes: the names a file has besides the first, listed apart),
/// and the paths (and configurations) that failed. Files under a
/// configuration that cannot be read are skipped; the error names the
/// configuration once.
pub fn discover(
    paths: &[PathBuf],
    force_exclude: bool,
    resolver: &Resolver,
    cache: &CacheDir,
) -> (Vec<FileToProcess>, Vec<DiscoveryError>, Vec<SameFile>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => {
                errors.push(DiscoveryError {
                    path: path.clone(),
                    position: Position::START,
                    message: describe_io_error(&error),
                });
                continue;
            }
        };
        let absolute = resolver.absolute(path);
        if force_exclude && resolver.is_excluded(&absolute).unwrap_or(true) {
            continue;
        }
        if !metadata.is_dir() {
            if let Ok(settings) = resolver.settings_for_file(&absolute) {
                files.push(FileToProcess {
                    path: clean(path.clone()),
                    rules: Arc::clone(&settings.rules),
                    inode: inode_of(&metadata),
                });
            }
            continue;
        }
        if resolver.settings_for_dir(&absolute).is_err() {
            continue;
        }
        walk(path, resolver, cache, &mut files, &mut errors);
    }
    errors.extend(
        resolver
            .take_errors()
            .into_iter()
            .map(DiscoveryError::from_config),
    );
    files.sort_by(|a, b| a.path.cmp(&b.path));
    dedup_by_location(&mut files, resolver);
    let same = dedup_by_inode(&mut files);
    (files, errors, same)
}

#[cfg(unix)]
fn inode_of(metadata: &std::fs::Metadata) -> Option<u64> {
    use std::os::unix::fs::MetadataExt as _;
    Some(metadata.ino())
}

#[cfg(not(unix))]
fn inode_of(_: &std::fs::Metadata) -> Option<u64> {
    None
}

/// The inode number the directory listing gave (no `stat`).
#[cfg(unix)]
fn walked_inode(entry: &ignore::DirEntry) -> Option<u64> {
    entry.ino()
}

#[cfg(not(unix))]
fn walked_inode(_: &ignore::DirEntry) -> Option<u64> {
    None
}

/// Keeps the first name (in path order) of a file that has several in
/// the run (hard links), and returns the others: two workers that fixed
/// one file under two names at the same time would each see the other's
/// write as a change on disk. Only the files whose inode numbers (from
/// the walk, free) meet are looked at with `stat`, for their device.
fn dedup_by_inode(files: &mut Vec<FileToProcess>) -> Vec<SameFile> {
    let mut count: FxHashMap<u64, usize> = FxHashMap::default();
    for inode in files.iter().filter_map(|file| file.inode) {
        *count.entry(inode).or_default() += 1;
    }
    if count.values().all(|&n| n < 2) {
        return Vec::new();
    }
    let mut first: FxHashMap<(u64, u64), PathBuf> = FxHashMap::default();
    let mut same = Vec::new();
    files.retain(|file| {
        let Some(inode) = file
            .inode
            .filter(|inode| count.get(inode).is_some_and(|&n| n > 1))
        else {
            return true;
        };
        let Some(device) = device_of(&file.path) else {
            return true;
        };
        match first.entry((device, inode)) {
            std::collections::hash_map::Entry::Occupied(seen) => {
                same.push(SameFile {
                    path: file.path.clone(),
                    processed_as: seen.get().clone(),
                });
                false
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(file.path.clone());
                true
            }
        }
    });
    same
}

#[cfg(unix)]
fn device_of(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).ok().map(|metadata| metadata.dev())
}

#[cfg(not(unix))]
fn device_of(_: &Path) -> Option<u64> {
    None
}

/// Walks one directory named on the command line. Each entry is judged by
/// the settings of the directory it is in, and a directory's own
/// configuration is read when it is entered (so an excluded directory's
/// never is).
fn walk(
    top: &Path,
    resolver: &Resolver,
    cache: &CacheDir,
    files: &mut Vec<FileToProcess>,
    errors: &mut Vec<DiscoveryError>,
) {
    let mut walker = ignore::WalkBuilder::new(top);
    walker
        .hidden(false)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(true)
        .ignore(true)
        .parents(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b));
    let filter = resolver.clone();
    let cache_dir = match cache {
        CacheDir::At(dir) => Some(dir.clone()),
        CacheDir::Off | CacheDir::AtProjectRoot => None,
    };
    walker.filter_entry(move |entry| {
        if entry.depth() == 0 {
            return true;
        }
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        // The cache's own directory, by its name or path: never by the
        // `.gitignore` it holds (see `index::cache`).
        if is_dir && entry.file_name() == cache::DEFAULT_DIR {
            return false;
        }
        let absolute = filter.absolute(entry.path());
        if is_dir && cache_dir.as_ref() == Some(&absolute) {
            return false;
        }
        let Ok(governing) = filter.settings_for_file(&absolute) else {
            return false;
        };
        if governing.excluder.is_excluded(&absolute) {
            return false;
        }
        // A directory whose configuration cannot be read is not entered.
        !is_dir || filter.settings_for_dir(&absolute).is_ok()
    });
    for entry in walker.build() {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file()) && is_python_source(entry.path())
                {
                    let absolute = resolver.absolute(entry.path());
                    if let Ok(settings) = resolver.settings_for_file(&absolute) {
                        let inode = walked_inode(&entry);
                        files.push(FileToProcess {
                            path: clean(entry.into_path()),
                            rules: Arc::clone(&settings.rules),
                            inode,
                        });
                    }
                }
            }
            Err(error) => errors.push(DiscoveryError {
                path: error_path(&error).unwrap_or_else(|| top.to_path_buf()),
                position: Position::START,
                message: error.to_string(),
            }),
        }
    }
}

/// Keeps one of the paths that name the same file by their text (`app/x.py`,
/// `./app/x.py`, `app/../app/x.py`, its absolute path, or found again in a
/// directory named too): the file is processed, and its diff printed, once.
/// Symbolic links are not followed, as ruff does not.
fn dedup_by_location(files: &mut Vec<FileToProcess>, resolver: &Resolver) {
    let mut seen = std::collections::HashSet::with_capacity(files.len());
    files.retain(|file| seen.insert(resolver.absolute(&file.path)));
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
