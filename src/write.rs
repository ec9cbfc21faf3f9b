//! Atomic writes: a temporary file beside the target, then a rename, with
//! the original's permissions. A symlink's target is written, not replaced.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

pub fn write_atomically(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let target =
        std::fs::canonicalize(path).with_context(|| format!("resolving {}", path.display()))?;
    let metadata =
        std::fs::metadata(&target).with_context(|| format!("reading {}", target.display()))?;
    let dir = target
        .parent()
        .with_context(|| format!("{} has no parent directory", target.display()))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".asyncmod-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    temp.write_all(contents)
        .context("writing the temporary file")?;
    temp.as_file()
        .sync_all()
        .context("flushing the temporary file")?;
    std::fs::set_permissions(temp.path(), metadata.permissions()).context("copying permissions")?;
    temp.persist(&target)
        .map_err(|e| e.error)
        .with_context(|| format!("replacing {}", target.display()))?;
    Ok(())
}
