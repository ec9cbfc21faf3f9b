//! Exclude globs, as ruff matches them: a pattern without `/` against the
//! name of a file or directory (`build`, `*_pb2.py`), one with `/` against
//! the path relative to where the pattern was written (`tests/fixtures`,
//! `src/**/gen_*.py`): the configuration's directory, or the current
//! directory for flags and `--config`.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use globset::{Glob, GlobSet, GlobSetBuilder};

/// Checks one pattern, for an error that names where it was written.
pub fn check_glob(pattern: &str) -> Result<(), String> {
    let (_, glob) = split(pattern, Path::new("/"));
    if glob.is_empty() {
        return Ok(());
    }
    Glob::new(&glob)
        .map(|_| ())
        .map_err(|e| format!("invalid glob `{pattern}`: {}", e.kind()))
}

/// A pattern's root and its glob relative to it: `./gen` is `gen`,
/// `../shared/gen` is `shared/gen` under the parent, `/abs/gen` is rooted at `/`.
fn split(pattern: &str, root: &Path) -> (PathBuf, String) {
    let mut glob = pattern.trim().trim_end_matches('/');
    let mut root = root.to_path_buf();
    if let Some(absolute) = glob.strip_prefix('/') {
        return (PathBuf::from("/"), absolute.to_string());
    }
    loop {
        if let Some(rest) = glob.strip_prefix("./") {
            glob = rest;
        } else if let Some(rest) = glob.strip_prefix("../") {
            root.pop();
            glob = rest;
        } else {
            break;
        }
    }
    (root, glob.to_string())
}

/// The compiled exclude globs of one configuration.
#[derive(Debug)]
pub struct Excluder {
    names: GlobSet,
    rooted: Vec<(PathBuf, GlobSet)>,
}

impl Excluder {
    /// `groups`: patterns with the directory they are relative to.
    pub fn new(groups: &[(&Path, &[String])]) -> anyhow::Result<Excluder> {
        let mut names = GlobSetBuilder::new();
        let mut rooted: Vec<(PathBuf, GlobSetBuilder)> = Vec::new();
        for (root, patterns) in groups {
            for pattern in patterns.iter() {
                let (root, glob) = split(pattern, root);
                if glob.is_empty() {
                    continue;
                }
                let compiled = Glob::new(&glob)
                    .with_context(|| format!("invalid exclude glob `{pattern}`"))?;
                if glob.contains('/') || pattern.trim().starts_with('/') {
                    match rooted.iter_mut().find(|(r, _)| *r == root) {
                        Some((_, builder)) => {
                            builder.add(compiled);
                        }
                        None => {
                            let mut builder = GlobSetBuilder::new();
                            builder.add(compiled);
                            rooted.push((root, builder));
                        }
                    }
                } else {
                    names.add(compiled);
                }
            }
        }
        let rooted = rooted
            .into_iter()
            .map(|(root, builder)| Ok((root, builder.build()?)))
            .collect::<Result<Vec<_>, globset::Error>>()
            .context("building exclude globs")?;
        Ok(Excluder {
            names: names.build().context("building exclude globs")?,
            rooted,
        })
    }

    /// Whether a path (absolute, normalised) is excluded by its name or by
    /// its path under a pattern's root.
    pub fn is_excluded(&self, absolute: &Path) -> bool {
        if absolute
            .file_name()
            .is_some_and(|name| self.names.is_match(name))
        {
            return true;
        }
        self.rooted.iter().any(|(root, set)| {
            absolute
                .strip_prefix(root)
                .is_ok_and(|relative| set.is_match(relative))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(patterns: &[&str]) -> Vec<String> {
        patterns.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn excludes_by_name_and_by_path_under_the_root() {
        let patterns = strings(&["build", "*_pb2.py", "tests/fixtures", "./gen/*.py"]);
        let excluder = Excluder::new(&[(Path::new("/project"), &patterns)]).unwrap();
        assert!(excluder.is_excluded(Path::new("/project/build")));
        assert!(excluder.is_excluded(Path::new("/project/deep/build")));
        assert!(excluder.is_excluded(Path::new("/project/src/api_pb2.py")));
        assert!(excluder.is_excluded(Path::new("/project/tests/fixtures")));
        assert!(excluder.is_excluded(Path::new("/project/gen/a.py")));
        assert!(!excluder.is_excluded(Path::new("/project/tests/test_a.py")));
        assert!(!excluder.is_excluded(Path::new("/project/src/builder.py")));
        // A path pattern is relative to its root, not to anything else.
        assert!(!excluder.is_excluded(Path::new("/other/tests/fixtures")));
        assert!(!excluder.is_excluded(Path::new("/project/sub/gen/a.py")));
    }

    #[test]
    fn patterns_keep_their_own_roots() {
        let config = strings(&["gen/*.py"]);
        let flags = strings(&["../shared/out", "/abs/skip"]);
        let excluder = Excluder::new(&[
            (Path::new("/repo/app"), &config),
            (Path::new("/repo/tools"), &flags),
        ])
        .unwrap();
        assert!(excluder.is_excluded(Path::new("/repo/app/gen/x.py")));
        assert!(!excluder.is_excluded(Path::new("/repo/tools/gen/x.py")));
        assert!(excluder.is_excluded(Path::new("/repo/shared/out")));
        assert!(excluder.is_excluded(Path::new("/abs/skip")));
    }

    #[test]
    fn invalid_globs_are_named() {
        let error = check_glob("src/[").unwrap_err();
        assert!(error.contains("`src/[`"), "{error}");
        assert!(check_glob("ok/**/*.py").is_ok());
    }
}
