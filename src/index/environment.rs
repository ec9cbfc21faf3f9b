//! The Python environment whose installed packages a project imports:
//! `--python PATH` (an interpreter, or a virtual environment's directory),
//! else `VIRTUAL_ENV`, else a `.venv` or `venv` directory at the project's
//! root. Its `site-packages` directories are read like a project's source
//! roots, lazily, module by module. `--python` and `VIRTUAL_ENV` are
//! looked at once per run; a value that names no environment is a warning
//! (never silence), and the built-in table of well-known libraries then
//! answers for installed packages.

use std::path::{Path, PathBuf};

/// The environment of one run, chosen once.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    choice: Choice,
    /// Why `--python` or `VIRTUAL_ENV` was not used, for the user.
    warning: Option<String>,
}

#[derive(Debug, Clone, Default)]
enum Choice {
    /// `--python` or `VIRTUAL_ENV` named an environment: these are its
    /// `site-packages`, for every project of the run.
    Named(Vec<PathBuf>),
    /// `--python` named no environment: installed packages are unknown.
    Nothing,
    /// Nothing was named: each project's `.venv` or `venv`, if any.
    #[default]
    PerProject,
}

impl Environment {
    /// The environment `--python` names (`python`), else `VIRTUAL_ENV`'s
    /// (`virtual_env`, the variable's value), else each project's own.
    pub fn choose(python: Option<&Path>, virtual_env: Option<&Path>) -> Environment {
        if let Some(python) = python {
            return match from_interpreter_or_dir(python) {
                Ok(dirs) => Environment {
                    choice: Choice::Named(dirs),
                    warning: None,
                },
                Err(why) => Environment {
                    choice: Choice::Nothing,
                    warning: Some(format!(
                        "warning: `--python {}`: {why}; installed packages are not read, only the built-in table of well-known async libraries answers for them",
                        python.display()
                    )),
                },
            };
        }
        let Some(env) = virtual_env.filter(|env| !env.as_os_str().is_empty()) else {
            return Environment::default();
        };
        match in_environment(env) {
            Ok(dirs) => Environment {
                choice: Choice::Named(dirs),
                warning: None,
            },
            Err(why) => Environment {
                choice: Choice::PerProject,
                warning: Some(format!(
                    "warning: `VIRTUAL_ENV` names `{}`: {why}; it is ignored (a `.venv` or `venv` in the project is used if there is one, else the built-in table of well-known async libraries)",
                    env.display()
                )),
            },
        }
    }

    /// [`Self::choose`] with this process's `VIRTUAL_ENV`.
    pub fn from_process(python: Option<&Path>) -> Environment {
        let virtual_env = std::env::var_os("VIRTUAL_ENV").map(PathBuf::from);
        Environment::choose(python, virtual_env.as_deref())
    }

    /// Why `--python` or `VIRTUAL_ENV` was not used, if it was not.
    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    /// The `site-packages` directories for the project at `root`; `None`
    /// when there is no environment.
    pub fn site_packages(&self, root: &Path) -> Option<Vec<PathBuf>> {
        match &self.choice {
            Choice::Named(dirs) => Some(dirs.clone()),
            Choice::Nothing => None,
            Choice::PerProject => [".venv", "venv"]
                .iter()
                .find_map(|name| in_environment(&root.join(name)).ok()),
        }
    }
}

/// `--python`: a virtual environment's directory, or an interpreter inside
/// one (`.venv/bin/python`), or any interpreter, which is asked.
fn from_interpreter_or_dir(python: &Path) -> Result<Vec<PathBuf>, String> {
    if python.is_dir() {
        return in_environment(python);
    }
    if !python.exists() {
        return Err("no such file or directory".to_string());
    }
    if let Some(env) = python.parent().and_then(Path::parent)
        && let Ok(found) = in_environment(env)
    {
        return Ok(found);
    }
    let output = std::process::Command::new(python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib']); print(sysconfig.get_paths()['platlib'])",
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|error| format!("not a Python interpreter (it cannot be run: {error})"))?;
    if !output.status.success() {
        return Err(format!(
            "not a Python interpreter (asked for its `site-packages`, it exited with {})",
            output.status
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut dirs: Vec<PathBuf> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let dir = PathBuf::from(line);
        if dir.is_dir() && !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    if dirs.is_empty() {
        return Err(
            "not a Python interpreter (asked for its `site-packages`, it named no directory)"
                .to_string(),
        );
    }
    Ok(dirs)
}

/// The `site-packages` of a virtual environment's directory
/// (`lib/pythonX.Y/site-packages` on POSIX, `Lib/site-packages` on Windows).
fn in_environment(env: &Path) -> Result<Vec<PathBuf>, String> {
    if !env.exists() {
        return Err("no such directory".to_string());
    }
    if !env.is_dir() {
        return Err("not a directory".to_string());
    }
    if !env.join("pyvenv.cfg").is_file() && !env.join("bin").is_dir() && !env.join("Lib").is_dir() {
        return Err("not a Python environment (no `pyvenv.cfg`, `bin` or `Lib` in it)".to_string());
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
    if dirs.is_empty() {
        return Err(
            "a Python environment without a `site-packages` directory (no `lib/pythonX.Y/site-packages`)"
                .to_string(),
        );
    }
    Ok(dirs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn venv(dir: &Path) -> PathBuf {
        let site = dir.join("lib/python3.11/site-packages");
        std::fs::create_dir_all(&site).expect("mkdir");
        std::fs::write(dir.join("pyvenv.cfg"), "home = /usr/bin\n").expect("write");
        site
    }

    #[test]
    fn python_naming_an_environment_directory_or_its_interpreter() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = venv(dir.path());
        let by_dir = Environment::choose(Some(dir.path()), None);
        assert_eq!(by_dir.warning(), None);
        assert_eq!(
            by_dir.site_packages(Path::new("/")),
            Some(vec![site.clone()])
        );
        std::fs::create_dir_all(dir.path().join("bin")).expect("mkdir");
        std::fs::write(dir.path().join("bin/python"), "").expect("write");
        let by_interpreter = Environment::choose(Some(&dir.path().join("bin/python")), None);
        assert_eq!(
            by_interpreter.site_packages(Path::new("/")),
            Some(vec![site])
        );
    }

    #[test]
    fn python_naming_nothing_usable_warns_and_reads_no_environment() {
        let dir = tempfile::tempdir().expect("temp dir");
        venv(&dir.path().join(".venv"));
        let missing = dir.path().join("nowhere/python");
        let chosen = Environment::choose(Some(&missing), None);
        let warning = chosen.warning().unwrap_or_default();
        assert!(warning.contains("nowhere/python"), "{warning}");
        assert!(warning.contains("no such file or directory"), "{warning}");
        // An explicit `--python` that fails does not fall back to `.venv`.
        assert_eq!(chosen.site_packages(dir.path()), None);
        let plain = dir.path().join("plain");
        std::fs::create_dir_all(&plain).expect("mkdir");
        let chosen = Environment::choose(Some(&plain), None);
        assert!(
            chosen
                .warning()
                .unwrap_or_default()
                .contains("not a Python environment"),
            "{:?}",
            chosen.warning()
        );
    }

    #[test]
    fn virtual_env_naming_nothing_warns_and_the_project_venv_answers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = venv(&dir.path().join(".venv"));
        let missing = dir.path().join("gone");
        let chosen = Environment::choose(None, Some(&missing));
        assert!(
            chosen
                .warning()
                .unwrap_or_default()
                .contains("`VIRTUAL_ENV` names"),
            "{:?}",
            chosen.warning()
        );
        assert_eq!(chosen.site_packages(dir.path()), Some(vec![site]));
        // An empty `VIRTUAL_ENV` is as good as none.
        assert_eq!(
            Environment::choose(None, Some(Path::new(""))).warning(),
            None
        );
    }
}
