//! Puts the git commit into `asyncmod --version` when building from a clone,
//! and lists the fixture files for `tests/fixtures.rs`: one test each.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

fn main() {
    version();
    source_hash();
    fixture_tests();
}

/// Puts a hash of the source files (`src/`) into `ASYNCMOD_SOURCE_HASH`:
/// the index cache's keys hold it, so that a binary built from changed
/// code never reads the summaries an earlier build made, even with the
/// same version and commit (a build from a work tree with changes).
fn source_hash() {
    use std::hash::Hasher as _;
    println!("cargo:rerun-if-changed=src");
    let mut files = Vec::new();
    let mut stack = vec![Path::new("src").to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    // SipHash with fixed keys: the same bytes give the same hash.
    let mut hasher = std::hash::DefaultHasher::new();
    for file in files {
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(&file).unwrap_or_default());
    }
    println!(
        "cargo:rustc-env=ASYNCMOD_SOURCE_HASH={:016x}",
        hasher.finish()
    );
}

fn version() {
    let version = env!("CARGO_PKG_VERSION");
    let hash = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map(|hash| hash.trim().to_string())
        .filter(|hash| !hash.is_empty());
    let full = match hash {
        Some(hash) => format!("{version} ({hash})"),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=ASYNCMOD_VERSION={full}");
    // Rebuild the version when HEAD moves.
    for path in [".git/HEAD", ".git/refs/heads", ".git/packed-refs"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// Writes `fixture_tests.rs` into `OUT_DIR`: for each folder under
/// `codemods/`, a module with one `#[test]` per `*.py` file directly in it,
/// named after the file, calling `run(folder, stem)`. So a fixture runs
/// alone with `cargo test --test fixtures <folder>::<stem>`.
fn fixture_tests() {
    let root = Path::new("codemods");
    println!("cargo:rerun-if-changed=codemods");
    let mut out = String::new();
    let mut folders: Vec<_> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let Some(name) = folder.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let mut stems: Vec<String> = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "py"))
            .filter_map(|path| Some(path.file_stem()?.to_str()?.to_string()))
            .collect();
        stems.sort();
        let _ = writeln!(out, "mod {} {{", identifier(name));
        for stem in stems {
            let _ = writeln!(
                out,
                "    #[test]\n    fn {}() {{\n        super::run({name:?}, {stem:?});\n    }}",
                identifier(&stem)
            );
        }
        out.push_str("}\n");
    }
    let Some(dir) = std::env::var_os("OUT_DIR") else {
        return;
    };
    let _ = std::fs::write(Path::new(&dir).join("fixture_tests.rs"), out);
}

/// A Rust identifier for a folder or file stem (`rewrite-x` → `rewrite_x`).
fn identifier(name: &str) -> String {
    let mut ident: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !ident.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        ident.insert(0, '_');
    }
    ident
}
