//! The index's cache on disk: the summary of each module the index reads,
//! kept by the hash of the file's bytes, so that a second run over files
//! that did not change reads each summary back instead of parsing the file
//! and building its semantic model again. Like ruff's `.ruff_cache`, it is
//! a directory at the project's root, `.asyncmod_cache/` (or the one
//! `--cache-dir` or `cache-dir` names), with a `.gitignore` of `*` and a
//! `CACHEDIR.TAG`, and a folder per build of asyncmod below it (its
//! version, commit, entries' format and source hash). Nothing piles up:
//! the first write of a run removes the folders of other builds, and, at
//! most once a day, the entries no run has read for 30 days (see
//! [`Cache::prune`]).
//!
//! An entry's key hashes the file's bytes, the module's dotted name and
//! whether it is a package (what a summary is made of; no setting changes
//! one), and the version of asyncmod (with its commit, when built from a
//! clone), a hash of the source it was built from (so a build from a work
//! tree with changes reads none of an earlier build's entries) and the
//! entries' format. The scan of the project's text (see [`super::scan`])
//! keeps what it finds in each file the same way, an entry per file and
//! kind of search, keyed by the file's bytes, the kind, and the module
//! words of the project (the names an import may use for its files: what
//! the scan looks for depends on them), so that a second run over files
//! that did not change scans none of them again. A file that changed (`fix` rewrote
//! it) has another key: its old entry is never read again. Entries are
//! written whole to a temporary file of the cache's own folder and renamed
//! into place, and each holds a hash of its key and contents: an entry
//! that was cut short, altered or written by another version is not used,
//! and the summary is made from the file as if there were no cache. The
//! cache is never needed: a directory that cannot be made or written
//! (a read-only tree) means no cache, silently.
//!
//! The cache directory holds the cache and nothing else: its `.gitignore`
//! of `*` hides the whole directory from git and from the walk of the
//! project's files. A directory that already holds anything else (a folder
//! of the project named by `cache-dir`) is never written into nor read:
//! [`check_dir`] says why, and the run stops with that error when the
//! directory was named (`--cache-dir`, `cache-dir`); at a project's root,
//! a `.asyncmod_cache` that is not asyncmod's is no cache, silently. The
//! walk of the project's files leaves out the cache's own directory by its
//! path (and any `.asyncmod_cache` by its name, as ruff leaves out
//! `.ruff_cache`), never through the `.gitignore` written there.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::Xxh3;

use super::summary::ModuleSummary;

/// The name of the cache directory at a project's root.
pub const DEFAULT_DIR: &str = ".asyncmod_cache";

/// The version of the entries' format: raised whenever what a summary
/// holds, or how it is made, changes within one version of asyncmod.
const FORMAT: u32 = 44;

/// What the cache directory's `.gitignore` says.
const GITIGNORE: &str = "# Made by asyncmod: its cache.\n*\n";

/// What the cache directory's `CACHEDIR.TAG` says.
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
     # This file is a cache directory tag created by asyncmod.\n\
     # For information about cache directory tags see https://bford.info/cachedir/\n";

/// A directory named for the cache that holds something else (see
/// [`check_dir`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotCache {
    /// The directory.
    pub dir: PathBuf,
    /// The first of its entries (by name) that is not the cache's.
    pub entry: PathBuf,
    /// Whether it also holds the `.gitignore` an earlier asyncmod wrote
    /// there (which hides its files from git and from the walk).
    pub our_gitignore: bool,
}

impl std::fmt::Display for NotCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the cache directory `{}` holds `{}`, which is not asyncmod's cache: the cache \
             needs a directory of its own (its `.gitignore` hides the whole directory), so \
             asyncmod neither writes nor reads it; name a new or empty directory with \
             `cache-dir` or `--cache-dir`",
            self.dir.display(),
            self.entry.display()
        )?;
        if self.our_gitignore {
            write!(
                f,
                " (the `.gitignore` and `CACHEDIR.TAG` an earlier asyncmod wrote in `{}` hide its \
                 files from git and from asyncmod: remove them)",
                self.dir.display()
            )?;
        }
        Ok(())
    }
}

/// Whether `dir` may hold the cache: it does not exist, or is empty, or
/// holds only what asyncmod's cache holds (its `CACHEDIR.TAG`, its
/// `.gitignore`, temporary files and folders of entries), the tag first of
/// all (it is written first, so a directory being made by another run
/// passes too). One read of the directory itself, never of its folders.
pub fn check_dir(dir: &Path) -> Result<(), NotCache> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // Missing, or no directory: making it tells (see `Cache::prepare`).
        return Ok(());
    };
    let mut names: Vec<(std::ffi::OsString, bool)> = entries
        .flatten()
        .map(|entry| {
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            (entry.file_name(), is_dir)
        })
        .collect();
    names.sort();
    let tagged =
        std::fs::read_to_string(dir.join("CACHEDIR.TAG")).is_ok_and(|text| text == CACHEDIR_TAG);
    let our_gitignore =
        std::fs::read_to_string(dir.join(".gitignore")).is_ok_and(|text| text == GITIGNORE);
    let foreign = names.iter().find(|(name, is_dir)| {
        let Some(name) = name.to_str() else {
            return true;
        };
        match name {
            "CACHEDIR.TAG" => !tagged,
            ".gitignore" => !(tagged && our_gitignore),
            _ if name.starts_with(".tmp-") && !is_dir => false,
            _ => !(tagged && *is_dir && is_entries_folder(name)),
        }
    });
    match foreign {
        None => Ok(()),
        Some((name, _)) => Err(NotCache {
            dir: dir.to_path_buf(),
            entry: dir.join(name),
            our_gitignore,
        }),
    }
}

/// Whether `name` may be the name of a folder of entries (see
/// [`version_folder`]): an earlier version's too.
fn is_entries_folder(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// Where the run keeps the index's cache (see the module's doc).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum CacheDir {
    /// No cache (`--no-cache`, `ASYNCMOD_NO_CACHE=1`).
    #[default]
    Off,
    /// `.asyncmod_cache` at each project's root.
    AtProjectRoot,
    /// This directory, for every project (`--cache-dir`, `cache-dir`).
    At(PathBuf),
}

impl CacheDir {
    /// The cache of the project at `root`, if the run keeps one.
    pub(super) fn for_root(&self, root: &Path) -> Option<Cache> {
        match self {
            CacheDir::Off => None,
            CacheDir::AtProjectRoot => Some(Cache::new(root.join(DEFAULT_DIR))),
            CacheDir::At(dir) => Some(Cache::new(dir.clone())),
        }
    }
}

/// One cache directory.
#[derive(Debug, Clone)]
pub(super) struct Cache {
    /// The directory itself (`.asyncmod_cache`).
    top: PathBuf,
    /// The folder of this version's entries.
    entries: PathBuf,
    /// Whether the folder could be made (tried on the first write).
    writable: OnceLock<bool>,
    /// Whether the directory holds nothing but the cache (see
    /// [`check_dir`]; looked at on first use).
    own: OnceLock<bool>,
}

/// An entry's key (see the module's doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Key(u128);

/// The key of the summary of the module `module` (a package when
/// `package`) whose file holds `bytes`.
pub(super) fn summary_key(module: &str, package: bool, bytes: &[u8]) -> Key {
    let mut hasher = Xxh3::new();
    hasher.update(b"summary\0");
    hasher.update(version().as_bytes());
    hasher.update(b"\0");
    hasher.update(env!("ASYNCMOD_SOURCE_HASH").as_bytes());
    hasher.update(b"\0");
    hasher.update(&FORMAT.to_le_bytes());
    hasher.update(module.as_bytes());
    hasher.update(&[0, u8::from(package)]);
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
    Key(hasher.digest128())
}

/// What one file's scan looks for (see [`scan_key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ScanKind {
    /// Class bases, written attributes, `sys.path` and `sys.modules`
    /// writes, and the rest of [`super::scan::ProjectScan`].
    Writes,
    /// The module words the file names (see [`super::readers`]).
    Mentions,
}

/// The hash of a file's bytes that [`scan_key`] is made of: a scan that
/// read the file once keeps it, so that another kind of scan of the same
/// file finds its entry without reading the file again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Content(u128);

impl Content {
    pub(super) fn of(bytes: &[u8]) -> Content {
        let mut hasher = Xxh3::new();
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
        Content(hasher.digest128())
    }
}

/// The key of what the scan of the kind `kind` found in a file whose
/// bytes hash to `content`, in a project whose module words hash to
/// `words`.
pub(super) fn scan_key(kind: ScanKind, words: u128, content: Content) -> Key {
    let mut hasher = Xxh3::new();
    hasher.update(match kind {
        ScanKind::Writes => &b"scan-writes\0"[..],
        ScanKind::Mentions => &b"scan-mentions\0"[..],
    });
    hasher.update(version().as_bytes());
    hasher.update(b"\0");
    hasher.update(env!("ASYNCMOD_SOURCE_HASH").as_bytes());
    hasher.update(b"\0");
    hasher.update(&FORMAT.to_le_bytes());
    hasher.update(&words.to_le_bytes());
    hasher.update(&content.0.to_le_bytes());
    Key(hasher.digest128())
}

/// The version of asyncmod the entries are made by.
fn version() -> &'static str {
    env!("ASYNCMOD_VERSION")
}

/// The name of this version's folder: the version, with its commit, the
/// entries' format and the hash of the source (an entry of any other
/// build is never read, so its folder may go whole, see [`Cache::prune`]).
fn version_folder() -> String {
    format!("{}-f{FORMAT}-{}", version(), env!("ASYNCMOD_SOURCE_HASH"))
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .trim_matches('-')
        .replace("--", "-")
}

/// How long an entry no run has read or written stays (as ruff keeps a
/// file's entry for 30 days after the last run that saw it).
const UNSEEN_FOR: Duration = Duration::from_secs(30 * 24 * 3600);

/// How old an entry's time may be before a read sets it to now (so that
/// most reads write nothing).
const SEEN_AGAIN_AFTER: Duration = Duration::from_secs(24 * 3600);

/// How often a folder of entries is looked through for entries unseen for
/// [`UNSEEN_FOR`]: at most once a day, by the first run that writes.
const PRUNE_EVERY: Duration = Duration::from_secs(24 * 3600);

/// How long another build's folder, or a temporary file, must have been
/// left alone before a run removes it (another run may be using it).
const LEFT_ALONE_FOR: Duration = Duration::from_secs(3600);

/// The file whose time says when the folder was last pruned.
const PRUNED: &str = ".pruned";

/// What each entry's file starts with.
const MAGIC: &[u8; 8] = b"AMIDX\0\0\x01";

/// Numbers the temporary files of this process.
static TEMPORARY: AtomicUsize = AtomicUsize::new(0);

impl Cache {
    pub(super) fn new(top: PathBuf) -> Cache {
        let entries = top.join(version_folder());
        Cache {
            top,
            entries,
            writable: OnceLock::new(),
            own: OnceLock::new(),
        }
    }

    /// Whether the directory is the cache's own (see [`check_dir`]).
    fn own(&self) -> bool {
        *self.own.get_or_init(|| check_dir(&self.top).is_ok())
    }

    fn path_of(&self, key: Key) -> PathBuf {
        self.entries.join(format!("{:032x}", key.0))
    }

    /// The summary kept under `key`, if there is a sound one; its `path`
    /// is `path`.
    pub(super) fn summary(&self, key: Key, path: &Path) -> Option<ModuleSummary> {
        if !self.own() {
            return None;
        }
        let bytes = read_entry(&self.path_of(key))?;
        let payload = open_entry(&bytes, key)?;
        let mut summary: ModuleSummary = postcard::from_bytes(payload).ok()?;
        summary.path = path.to_path_buf();
        Some(summary)
    }

    /// Keeps `summary` under `key`; an error only means it is not kept.
    pub(super) fn keep_summary(&self, key: Key, summary: &ModuleSummary) {
        let Ok(payload) = postcard::to_stdvec(summary) else {
            return;
        };
        self.write(key, &payload);
    }

    /// What a scan kept under `key`, if there is a sound entry.
    pub(super) fn scanned<T: serde::de::DeserializeOwned>(&self, key: Key) -> Option<T> {
        if !self.own() {
            return None;
        }
        let bytes = read_entry(&self.path_of(key))?;
        let payload = open_entry(&bytes, key)?;
        postcard::from_bytes(payload).ok()
    }

    /// Keeps what a scan found under `key`; an error only means it is not
    /// kept.
    pub(super) fn keep_scanned<T: serde::Serialize>(&self, key: Key, found: &T) {
        let Ok(payload) = postcard::to_stdvec(found) else {
            return;
        };
        self.write(key, &payload);
    }

    fn write(&self, key: Key, payload: &[u8]) {
        if !*self.writable.get_or_init(|| self.prepare()) {
            return;
        }
        let entry = seal_entry(payload, key);
        let temporary = self.entries.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            TEMPORARY.fetch_add(1, Ordering::Relaxed)
        ));
        if std::fs::write(&temporary, &entry).is_err()
            || std::fs::rename(&temporary, self.path_of(key)).is_err()
        {
            let _ = std::fs::remove_file(&temporary);
        }
    }

    /// Makes the cache directory with its `CACHEDIR.TAG` first, then its
    /// `.gitignore`, then the version's folder (so that another run that
    /// looks meanwhile sees a directory of asyncmod's, see [`check_dir`]);
    /// `false` when the directory is not the cache's own or the folder
    /// cannot be made.
    fn prepare(&self) -> bool {
        if !self.own() || std::fs::create_dir_all(&self.top).is_err() {
            return false;
        }
        for (name, text) in [("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", GITIGNORE)] {
            let path = self.top.join(name);
            if !path.exists() {
                // Whole or not at all: another run may look at the same time.
                let temporary = self.top.join(format!(
                    ".tmp-{}-{}",
                    std::process::id(),
                    TEMPORARY.fetch_add(1, Ordering::Relaxed)
                ));
                if std::fs::write(&temporary, text).is_err()
                    || std::fs::rename(&temporary, &path).is_err()
                {
                    let _ = std::fs::remove_file(&temporary);
                }
            }
        }
        if std::fs::create_dir_all(&self.entries).is_err() {
            return false;
        }
        self.prune();
        true
    }

    /// Removes what no run will read again, cheaply, on the first write of
    /// a run (nothing grows in a run that only reads): the folders of other
    /// builds (their entries' keys are never made by this one) left alone
    /// for an hour, a listing of the cache directory alone; and, at most
    /// once a day, the entries no run has read or written for 30 days (of
    /// files that changed or went, and of modules no run asks about any
    /// more) and the temporary files of runs that were stopped. Entries are
    /// kept by their bytes, not their paths, so what the project holds now
    /// is told by what runs read: a read sets an entry's time to now when
    /// it is a day old. Any error only means less is removed.
    fn prune(&self) {
        let now = SystemTime::now();
        let older_than = |modified: &std::io::Result<SystemTime>, age: Duration| {
            modified
                .as_ref()
                .is_ok_and(|modified| now.duration_since(*modified).is_ok_and(|d| d > age))
        };
        let ours = self.entries.file_name();
        for entry in std::fs::read_dir(&self.top).into_iter().flatten().flatten() {
            let name = entry.file_name();
            let Some(text) = name.to_str() else {
                continue;
            };
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            let stale = older_than(&entry.metadata().and_then(|m| m.modified()), LEFT_ALONE_FOR);
            if is_dir && Some(name.as_os_str()) != ours && is_entries_folder(text) && stale {
                let _ = std::fs::remove_dir_all(entry.path());
            } else if !is_dir && text.starts_with(".tmp-") && stale {
                let _ = std::fs::remove_file(entry.path());
            }
        }

        let marker = self.entries.join(PRUNED);
        match std::fs::metadata(&marker) {
            // A new folder: nothing to look through for a day.
            Err(_) => {
                let _ = std::fs::write(&marker, "");
                return;
            }
            Ok(metadata) if !older_than(&metadata.modified(), PRUNE_EVERY) => return,
            Ok(_) => {}
        }
        // Marked first: another run that writes meanwhile does not prune too.
        if std::fs::File::options()
            .write(true)
            .open(&marker)
            .and_then(|file| file.set_modified(now))
            .is_err()
        {
            return;
        }
        for entry in std::fs::read_dir(&self.entries)
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name();
            let Some(text) = name.to_str() else {
                continue;
            };
            let modified = entry.metadata().and_then(|m| m.modified());
            let is_entry = text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit());
            if (is_entry && older_than(&modified, UNSEEN_FOR))
                || (text.starts_with(".tmp-") && older_than(&modified, LEFT_ALONE_FOR))
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// The bytes of the entry at `path`; a read of an entry whose time is a
/// day old sets it to now (see [`Cache::prune`]).
fn read_entry(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    let now = SystemTime::now();
    if let Ok(modified) = file.metadata().and_then(|m| m.modified())
        && now
            .duration_since(modified)
            .is_ok_and(|age| age > SEEN_AGAIN_AFTER)
    {
        let _ = file.set_modified(now);
    }
    Some(bytes)
}

/// `payload` as an entry's bytes: [`MAGIC`], then a hash of the key and
/// the payload, then the payload.
fn seal_entry(payload: &[u8], key: Key) -> Vec<u8> {
    let mut entry = Vec::with_capacity(MAGIC.len() + 16 + payload.len());
    entry.extend_from_slice(MAGIC);
    entry.extend_from_slice(&check(payload, key).to_le_bytes());
    entry.extend_from_slice(payload);
    entry
}

/// The payload of an entry's bytes, when they are whole and were written
/// under `key`.
fn open_entry(bytes: &[u8], key: Key) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (sum, payload) = rest.split_at_checked(16)?;
    let sum = u128::from_le_bytes(sum.try_into().ok()?);
    (sum == check(payload, key)).then_some(payload)
}

fn check(payload: &[u8], key: Key) -> u128 {
    let mut hasher = Xxh3::new();
    hasher.update(&key.0.to_le_bytes());
    hasher.update(payload);
    hasher.digest128()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_opens_only_whole_and_under_its_key() {
        let key = summary_key("app.store", false, b"x = 1\n");
        let entry = seal_entry(b"payload", key);
        assert_eq!(open_entry(&entry, key), Some(&b"payload"[..]));
        let other = summary_key("app.store", true, b"x = 1\n");
        assert_ne!(key, other);
        assert_eq!(open_entry(&entry, other), None);
        for cut in 0..entry.len() {
            assert_eq!(open_entry(&entry[..cut], key), None, "cut at {cut}");
        }
        for at in 0..entry.len() {
            let mut altered = entry.clone();
            altered[at] ^= 0x10;
            assert_eq!(open_entry(&altered, key), None, "altered at {at}");
        }
    }

    #[test]
    fn keys_follow_the_bytes_and_the_module() {
        let key = summary_key("app.store", false, b"x = 1\n");
        assert_eq!(key, summary_key("app.store", false, b"x = 1\n"));
        assert_ne!(key, summary_key("app.store", false, b"x = 2\n"));
        assert_ne!(key, summary_key("app.stor", false, b"ex = 1\n"));
    }

    #[test]
    fn the_folder_is_named_by_the_version() {
        let folder = version_folder();
        assert!(!folder.is_empty());
        assert!(
            folder
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        );
    }

    #[test]
    fn only_a_directory_of_the_cache_alone_is_the_cache() {
        let dir = tempfile::tempdir().expect("temp dir");
        let top = dir.path().join("cache");
        assert_eq!(check_dir(&top), Ok(()), "missing");
        std::fs::create_dir(&top).expect("mkdir");
        assert_eq!(check_dir(&top), Ok(()), "empty");
        // What another run making it leaves at each step.
        std::fs::write(top.join(".tmp-1-0"), "Signature").expect("write");
        assert_eq!(check_dir(&top), Ok(()), "the tag being written");
        std::fs::write(top.join("CACHEDIR.TAG"), CACHEDIR_TAG).expect("write");
        std::fs::write(top.join(".gitignore"), GITIGNORE).expect("write");
        std::fs::create_dir(top.join("0.1.0-abc")).expect("mkdir");
        std::fs::create_dir(top.join(version_folder())).expect("mkdir");
        assert_eq!(check_dir(&top), Ok(()), "whole");
        let cache = Cache::new(top.clone());
        let key = summary_key("m", false, b"");
        cache.write(key, b"payload");
        assert!(cache.path_of(key).is_file());

        for (name, dir) in [("tool.py", false), ("docs", true), ("Makefile", false)] {
            let path = top.join(name);
            if dir {
                std::fs::create_dir(&path).expect("mkdir");
            } else {
                std::fs::write(&path, "").expect("write");
            }
            let refused = check_dir(&top).expect_err(name);
            assert_eq!(refused.entry, path);
            assert!(refused.our_gitignore);
            let cache = Cache::new(top.clone());
            assert!(cache.summary(key, Path::new("m.py")).is_none());
            let other = summary_key("n", false, b"");
            cache.write(other, b"payload");
            assert!(!cache.path_of(other).exists());
            if dir {
                std::fs::remove_dir(&path).expect("rmdir");
            } else {
                std::fs::remove_file(&path).expect("rm");
            }
        }
        // Folders of entries and a `.gitignore` without asyncmod's tag:
        // someone else's.
        std::fs::remove_file(top.join("CACHEDIR.TAG")).expect("rm");
        assert!(check_dir(&top).is_err());
    }

    #[test]
    fn a_directory_that_cannot_be_made_is_no_cache() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("file");
        std::fs::write(&file, "").expect("write");
        // A cache "directory" under a plain file cannot be made.
        let cache = Cache::new(file.join("cache"));
        let key = summary_key("m", false, b"");
        cache.write(key, b"payload");
        assert!(!cache.path_of(key).exists());
    }
}
