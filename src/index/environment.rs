//! The Python environment whose installed packages a project imports:
//! `--python PATH` (an interpreter, or a virtual environment's directory),
//! else `VIRTUAL_ENV`, else a `.venv` or `venv` directory at the project's
//! root. Its `site-packages` directories are read like a project's source
//! roots, lazily, module by module.

use std::path::{Path, PathBuf};

/// The `site-packages` directories of the environment for a project at
/// `root`; `None` when none is found.
pub fn site_packages(python: Option<&Path>, root: &Path) -> Option<Vec<PathBuf>> {
    if let Some(python) = python {
        return from_interpreter_or_dir(python);
    }
    if let Some(env) = std::env::var_os("VIRTUAL_ENV").map(PathBuf::from)
        && let Some(found) = in_environment(&env)
    {
        return Some(found);
    }
    [".venv", "venv"]
        .iter()
        .find_map(|name| in_environment(&root.join(name)))
}

/// `--python`: a virtual environment's directory, or an interpreter inside
/// one (`.venv/bin/python`), or any interpreter, which is asked.
fn from_interpreter_or_dir(python: &Path) -> Option<Vec<PathBuf>> {
    if python.is_dir() {
        return in_environment(python);
    }
    let env = python.parent()?.parent()?;
    if let Some(found) = in_environment(env) {
        return Some(found);
    }
    let output = std::process::Command::new(python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib']); print(sysconfig.get_paths()['platlib'])",
        ])
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let dir = PathBuf::from(line);
        if dir.is_dir() && !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    (!dirs.is_empty()).then_some(dirs)
}

/// The `site-packages` of a virtual environment's directory
/// (`lib/pythonX.Y/site-packages` on POSIX, `Lib/site-packages` on Windows).
fn in_environment(env: &Path) -> Option<Vec<PathBuf>> {
    if !env.join("pyvenv.cfg").is_file() && !env.join("bin").is_dir() && !env.join("Lib").is_dir() {
        return None;
    }
    let mut dirs = Vec::new();
    let windows = env.join("Lib").join("site-packages");
    if windows.is_dir() {
        dirs.push(windows);
    }
    for lib in ["lib", "lib64"] {
        let Ok(entries) = std::fs::read_dir(env.join(lib)) else {
            continue;
        };
        let mut versions: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("python"))
            })
            .map(|p| p.join("site-packages"))
            .filter(|p| p.is_dir())
            .collect();
        versions.sort();
        for dir in versions {
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
    }
    (!dirs.is_empty()).then_some(dirs)
}
