//! Puts the git commit into `asyncmod --version` when building from a clone.

use std::process::Command;

fn main() {
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
