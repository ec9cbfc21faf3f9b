//! Where a project is and how its files map to module names: the root (the
//! nearest directory above a file with a `pyproject.toml` or `setup.cfg`,
//! else the repository's root, else the file's own directory), the source
//! roots under it (`src/` when it exists, then the root itself), and the
//! file behind a dotted module name, found by looking (a stat per
//! candidate), never by walking the whole tree.

use std::path::{Component, Path, PathBuf};

use crate::semantic::project::is_built_in_module;

/// Standard modules the interpreter has imported before the program's
/// first line runs, on every start: an import of one gives that module
/// from `sys.modules`, never a project file of that name (as for the
/// built-in modules). Made from `python3 -S -I -c 'import sys;
/// print(sorted(sys.modules))'` (the fewest modules a start imports: no
/// `site`, no environment), keeping the importable names that are not
/// built in (CPython 3.11 here); for 3.8 to 3.13 the same five, by what
/// every start needs (`io` and `abc` for the standard streams, `codecs`
/// and `encodings` for their encoding, `zipimport` for the path hooks),
/// not by running each. Other standard
/// modules are imported at start only sometimes (`os`, `stat`, `site`,
/// `_collections_abc` by `site`; any module by a `.pth` file or
/// `sitecustomize`): the index answers nothing for a project module
/// named like one of those.
pub const PRELOADED_MODULES: &[&str] = &["abc", "codecs", "encodings", "io", "zipimport"];

/// The directories a project's absolute imports resolve from, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub root: PathBuf,
    pub source_roots: Vec<PathBuf>,
}

/// Where a module's code lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleFile {
    /// `a/b.py`, or `a/b/__init__.py` for a package.
    Source { path: PathBuf, package: bool },
    /// A directory without `__init__.py` (a namespace package): no code.
    Namespace(PathBuf),
}

impl ModuleFile {
    pub fn path(&self) -> &Path {
        match self {
            ModuleFile::Source { path, .. } | ModuleFile::Namespace(path) => path,
        }
    }

    pub fn is_package(&self) -> bool {
        matches!(
            self,
            ModuleFile::Source { package: true, .. } | ModuleFile::Namespace(_)
        )
    }
}

impl Layout {
    /// The project around `path` (a file or a directory; it need not exist,
    /// as for `--stdin-filename`).
    pub fn discover(path: &Path) -> Layout {
        let absolute = absolute(path);
        let start = if absolute.is_dir() {
            absolute.clone()
        } else {
            absolute
                .parent()
                .map_or_else(|| absolute.clone(), Path::to_path_buf)
        };
        let ancestors = || start.ancestors();
        let root = ancestors()
            .find(|dir| dir.join("pyproject.toml").is_file() || dir.join("setup.cfg").is_file())
            .or_else(|| ancestors().find(|dir| dir.join(".git").exists()))
            .unwrap_or(&start)
            .to_path_buf();
        Layout::at(root)
    }

    /// The layout of a project rooted at `root`.
    pub fn at(root: PathBuf) -> Layout {
        let mut source_roots = Vec::with_capacity(2);
        let src = root.join("src");
        if src.is_dir() && !src.join("__init__.py").is_file() {
            source_roots.push(src);
        }
        source_roots.push(root.clone());
        Layout { root, source_roots }
    }

    /// The dotted module name of a file of the project, and whether it is a
    /// package's `__init__.py`; `None` outside every source root or for a
    /// name Python could not import (`my-tool.py`).
    pub fn module_name(&self, file: &Path) -> Option<(String, bool)> {
        let file = absolute(file);
        let package = self.package_name(file.parent()?)?;
        module_in(&package, &file)
    }

    /// The dotted name of the directory `dir` (absolute and clean) under
    /// the first source root holding it: `""` for the source root itself,
    /// `None` outside every source root or when a part is no identifier.
    pub fn package_name(&self, dir: &Path) -> Option<String> {
        let source_root = self
            .source_roots
            .iter()
            .find(|root| dir.starts_with(root))?;
        let relative = dir.strip_prefix(source_root).ok()?;
        let mut parts: Vec<&str> = Vec::new();
        for component in relative.components() {
            let Component::Normal(part) = component else {
                return None;
            };
            let part = part.to_str()?;
            if !is_identifier(part) {
                return None;
            }
            parts.push(part);
        }
        Some(parts.join("."))
    }

    /// The file or directory behind `module` (`app.server`), searched in
    /// each source root in order: `app/server.py`, `app/server/__init__.py`,
    /// or a directory `app/server/` (a namespace package). Every package on
    /// the way must exist under the same root. A module under a built-in
    /// module's name (`time`) is none: the interpreter's wins.
    pub fn find_module(&self, module: &str) -> Option<ModuleFile> {
        let parts: Vec<&str> = module.split('.').collect();
        if !parts.iter().all(|p| is_identifier(p)) {
            return None;
        }
        // A built-in module wins over every directory.
        if parts.first().is_some_and(|top| is_built_in_module(top)) {
            return None;
        }
        self.source_roots
            .iter()
            .find_map(|root| find_in(root, &parts))
    }
}

impl Layout {
    /// Whether more than one source root holds a top-level module or
    /// package `top` (`app/` and `src/app/`): which one an import finds
    /// then depends on how the program is run.
    pub fn in_several_roots(&self, top: &str) -> bool {
        if self.source_roots.len() < 2 || !is_identifier(top) || is_built_in_module(top) {
            return false;
        }
        self.source_roots
            .iter()
            .filter(|root| root.join(format!("{top}.py")).is_file() || root.join(top).is_dir())
            .count()
            > 1
    }
}

fn find_in(root: &Path, parts: &[&str]) -> Option<ModuleFile> {
    let (last, packages) = parts.split_last()?;
    let mut dir = root.to_path_buf();
    for package in packages {
        dir.push(package);
        if !dir.is_dir() {
            return None;
        }
    }
    let file = dir.join(format!("{last}.py"));
    let package_dir = dir.join(last);
    let init = package_dir.join("__init__.py");
    // A package shadows a module of the same name, as in Python's finder.
    if init.is_file() {
        return Some(ModuleFile::Source {
            path: init,
            package: true,
        });
    }
    if file.is_file() {
        return Some(ModuleFile::Source {
            path: file,
            package: false,
        });
    }
    package_dir
        .is_dir()
        .then_some(ModuleFile::Namespace(package_dir))
}

/// The dotted name of `file` in the package named `package` (`""` at a
/// source root), and whether it is the package's `__init__.py`; `None` for
/// a name Python could not import (`my-tool.py`, an `__init__.py` at a
/// source root).
pub fn module_in(package: &str, file: &Path) -> Option<(String, bool)> {
    let last = file.file_name()?.to_str()?;
    let stem = last
        .strip_suffix(".py")
        .or_else(|| last.strip_suffix(".pyi"))?;
    if stem == "__init__" {
        return (!package.is_empty()).then(|| (package.to_string(), true));
    }
    if !is_identifier(stem) {
        return None;
    }
    if package.is_empty() {
        Some((stem.to_string(), false))
    } else {
        Some((format!("{package}.{stem}"), false))
    }
}

/// Whether `name` can be a segment of a dotted module name.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// `path` made absolute against the current directory and cleaned of `.`
/// and `..` (without resolving symlinks, so the project is where the user
/// sees it).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|dir| dir.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other.as_os_str()),
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for file in files {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "").expect("write");
        }
        dir
    }

    #[test]
    fn root_is_the_nearest_project_file() {
        let dir = tree(&["pyproject.toml", "app/__init__.py", "app/server.py"]);
        let layout = Layout::discover(&dir.path().join("app/server.py"));
        assert_eq!(layout.root, dir.path());
        assert_eq!(
            layout.module_name(&dir.path().join("app/server.py")),
            Some(("app.server".to_string(), false))
        );
        assert_eq!(
            layout.module_name(&dir.path().join("app/__init__.py")),
            Some(("app".to_string(), true))
        );
        assert_eq!(layout.module_name(&dir.path().join("my-tool.py")), None);
    }

    #[test]
    fn src_layout_and_namespace_packages() {
        let dir = tree(&[
            "setup.cfg",
            "src/app/__init__.py",
            "src/app/db/store.py",
            "tests/test_store.py",
        ]);
        let layout = Layout::discover(&dir.path().join("tests/test_store.py"));
        assert_eq!(layout.source_roots[0], dir.path().join("src"));
        assert_eq!(
            layout.find_module("app.db.store"),
            Some(ModuleFile::Source {
                path: dir.path().join("src/app/db/store.py"),
                package: false
            })
        );
        assert_eq!(
            layout.find_module("app.db"),
            Some(ModuleFile::Namespace(dir.path().join("src/app/db")))
        );
        assert_eq!(
            layout.module_name(&dir.path().join("src/app/db/store.py")),
            Some(("app.db.store".to_string(), false))
        );
        assert_eq!(layout.find_module("app.missing"), None);
        assert_eq!(
            layout
                .find_module("tests.test_store")
                .map(|m| m.is_package()),
            Some(false)
        );
    }

    #[test]
    fn repository_root_without_project_file() {
        let dir = tree(&["lib/a.py"]);
        std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
        let layout = Layout::discover(&dir.path().join("lib/a.py"));
        assert_eq!(layout.root, dir.path());
        assert_eq!(
            layout.module_name(&dir.path().join("lib/a.py")),
            Some(("lib.a".to_string(), false))
        );
    }
}
