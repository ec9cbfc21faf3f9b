//! Writing a fixed file: in place, into the file itself.
//!
//! The file is opened for writing and its bytes are replaced; it is never
//! replaced by a new file. So it keeps its owner, group, mode, ACLs and
//! extended attributes, every hard link to it sees the fix, and a symlink's
//! target is written (the link stays). A file the user may not write is an
//! error: the system refuses to open it, or it has no write permission bit
//! (which root could override: asyncmod does not).
//!
//! What makes it safe:
//! - nothing is written unless the file still holds exactly what was read
//!   (another program changed it meanwhile: it is left alone, an error);
//! - the bytes past the old end are written first, so a full disk fails
//!   before any old byte changed; only then is the rest overwritten, and the
//!   file cut to its new length. On any error, the original bytes (held in
//!   memory) are put back and the file gets its old length again;
//! - a write holds an [`interrupt::permit`]: Ctrl-C or SIGTERM never stops
//!   the process in the middle of one, and no write starts after them.
//!
//! Not covered: SIGKILL or a power cut in the middle of a write, and a
//! reader that opens the file during the write, which can see it half
//! written (as with any tool that writes in place).

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use anyhow::Context as _;

use crate::discovery::describe_io_error;
use crate::interrupt;

/// What became of a fixed file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file holds the fixed text.
    Yes,
    /// The run was asked to stop (Ctrl-C, SIGTERM) before this write
    /// started: the file is as it was.
    Stopped,
}

/// Replaces the contents of `path`, which held `original` when it was read,
/// with `fixed`. On an error the file is as it was (or, when even putting
/// it back failed, the error says so).
pub fn rewrite(path: &Path, original: &[u8], fixed: &[u8]) -> anyhow::Result<Written> {
    let Some(_permit) = interrupt::permit() else {
        return Ok(Written::Stopped);
    };
    let metadata = std::fs::metadata(path)
        .map_err(|e| anyhow::anyhow!("cannot read its metadata: {}", describe_io_error(&e)))?;
    check_writable(&metadata)?;
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| anyhow::anyhow!("cannot open it for writing: {}", describe_io_error(&e)))?;
    // The file opened may not be the one looked at (a rename in between).
    check_writable(&file.metadata().context("reading its metadata")?)?;

    let mut current = Vec::with_capacity(original.len());
    file.read_to_end(&mut current)
        .context("reading it again before writing")?;
    if current == fixed {
        // Already fixed through another of its names (a hard link).
        return Ok(Written::Yes);
    }
    if current != original {
        anyhow::bail!(
            "it changed on disk while asyncmod was fixing it, and was left as it is now (run `asyncmod fix` again)"
        );
    }
    replace(&mut file, original, fixed)?;
    file.sync_data().context("flushing it to disk")?;
    Ok(Written::Yes)
}

/// A regular file with a write permission bit.
fn check_writable(metadata: &std::fs::Metadata) -> anyhow::Result<()> {
    if !metadata.is_file() {
        anyhow::bail!("it is not a regular file");
    }
    if metadata.permissions().readonly() {
        anyhow::bail!(
            "it is read-only{}: asyncmod does not rewrite a file without write permission, not even as root; make it writable to fix it",
            mode_note(metadata)
        );
    }
    Ok(())
}

#[cfg(unix)]
fn mode_note(metadata: &std::fs::Metadata) -> String {
    use std::os::unix::fs::PermissionsExt as _;
    format!(" (mode {:04o})", metadata.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn mode_note(_: &std::fs::Metadata) -> String {
    String::new()
}

/// An open file whose bytes can be replaced: `File`, or a stand-in that
/// fails on cue in the tests.
trait Contents: Write + Seek {
    fn set_len(&mut self, len: u64) -> io::Result<()>;
}

impl Contents for File {
    fn set_len(&mut self, len: u64) -> io::Result<()> {
        File::set_len(self, len)
    }
}

fn write_at(file: &mut impl Contents, offset: usize, bytes: &[u8]) -> io::Result<()> {
    file.seek(SeekFrom::Start(offset as u64))?;
    file.write_all(bytes)
}

/// Turns `original` into `fixed` in `file`, or leaves `original`.
fn replace(file: &mut impl Contents, original: &[u8], fixed: &[u8]) -> anyhow::Result<()> {
    let old_len = original.len();
    // Bytes before `start` are the same in both: they are never written.
    let start = original
        .iter()
        .zip(fixed)
        .take_while(|(old, new)| old == new)
        .count();
    let common = old_len.min(fixed.len());

    // 1. What goes past the old end, first: a full disk (or `ulimit -f`)
    //    fails here, while every old byte is still in place.
    if let Some(tail) = fixed.get(old_len..).filter(|tail| !tail.is_empty())
        && let Err(error) = write_at(file, old_len, tail)
    {
        let restore = file.set_len(old_len as u64);
        return Err(restored(error, restore));
    }
    // 2. The bytes that differ within the old length, then the new length.
    let overwrite = (|| {
        write_at(file, start, fixed.get(start..common).unwrap_or_default())?;
        if fixed.len() < old_len {
            file.set_len(fixed.len() as u64)?;
        }
        Ok(())
    })();
    if let Err(error) = overwrite {
        let restore = write_at(file, start, original.get(start..).unwrap_or_default())
            .and_then(|()| file.set_len(old_len as u64));
        return Err(restored(error, restore));
    }
    Ok(())
}

fn restored(error: io::Error, restore: io::Result<()>) -> anyhow::Error {
    let error = describe_io_error(&error);
    match restore {
        Ok(()) => anyhow::anyhow!("{error}; the file was left with its original content"),
        Err(again) => anyhow::anyhow!(
            "{error}; putting its original content back failed too ({}): the file may be damaged",
            describe_io_error(&again)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file in memory on a disk with room for `capacity` bytes (writes
    /// past it fail, as on a full disk), whose writes can also fail once
    /// after `fail_after` bytes (an I/O error), and whose `set_len` can fail.
    struct Flaky {
        bytes: Vec<u8>,
        position: usize,
        capacity: usize,
        fail_after: Option<usize>,
        set_len_fails: bool,
        written: usize,
    }

    impl Write for Flaky {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let mut n = buf.len();
            if let Some(left) = self.fail_after {
                if left == 0 {
                    self.fail_after = None;
                    return Err(io::Error::from_raw_os_error(5)); // EIO
                }
                n = n.min(left);
                self.fail_after = Some(left - n);
            }
            n = n.min(self.capacity.saturating_sub(self.position));
            if n == 0 && !buf.is_empty() {
                return Err(io::Error::from_raw_os_error(28)); // ENOSPC
            }
            let end = self.position + n;
            if self.bytes.len() < end {
                self.bytes.resize(end, 0);
            }
            self.bytes[self.position..end].copy_from_slice(&buf[..n]);
            self.position = end;
            self.written += n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Seek for Flaky {
        fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
            let SeekFrom::Start(offset) = to else {
                unreachable!("only absolute seeks")
            };
            self.position = offset as usize;
            Ok(offset)
        }
    }

    impl Contents for Flaky {
        fn set_len(&mut self, len: u64) -> io::Result<()> {
            if self.set_len_fails {
                return Err(io::Error::from_raw_os_error(5)); // EIO
            }
            self.bytes.resize(len as usize, 0);
            Ok(())
        }
    }

    fn file(bytes: &[u8]) -> Flaky {
        Flaky {
            bytes: bytes.to_vec(),
            position: 0,
            capacity: usize::MAX,
            fail_after: None,
            set_len_fails: false,
            written: 0,
        }
    }

    const OLD: &[u8] = b"import time\nasync def f():\n    time.sleep(1)\n";
    const GROWN: &[u8] = b"import asyncio\nasync def f():\n    await asyncio.sleep(1)\n";
    const SHRUNK: &[u8] = b"import time\nasync def f():\n    pass\n";
    const SAME_LENGTH: &[u8] = b"import TIME\nasync def f():\n    time.sleep(1)\n";

    #[test]
    fn replaces_growing_shrinking_and_same_length_contents() {
        for new in [GROWN, SHRUNK, SAME_LENGTH, b"", OLD] {
            let mut f = file(OLD);
            replace(&mut f, OLD, new).expect("replaced");
            assert_eq!(f.bytes, new);
        }
        let mut f = file(b"");
        replace(&mut f, b"", GROWN).expect("replaced");
        assert_eq!(f.bytes, GROWN);
    }

    #[test]
    fn writes_nothing_before_the_first_difference() {
        let mut f = file(OLD);
        let new = b"import time\nasync def f():\n    time.sleep(2)\n";
        replace(&mut f, OLD, new).expect("replaced");
        assert_eq!(f.bytes, new);
        assert_eq!(f.written, 3, "only `2)\\n` differs");
    }

    #[test]
    fn a_full_disk_leaves_the_original_content() {
        for room in 0..GROWN.len() - OLD.len() {
            let mut f = file(OLD);
            f.capacity = OLD.len() + room;
            let error = replace(&mut f, OLD, GROWN).expect_err("no room");
            let message = error.to_string();
            assert!(
                message.starts_with("No space left on device; ")
                    && message.ends_with("the file was left with its original content"),
                "{message}"
            );
            assert_eq!(f.bytes, OLD, "with room for {room} more bytes");
        }
    }

    #[test]
    fn an_io_error_at_any_point_leaves_the_original_content() {
        for new in [GROWN, SHRUNK, SAME_LENGTH] {
            let needed = {
                let mut f = file(OLD);
                replace(&mut f, OLD, new).expect("replaced");
                f.written
            };
            for after in 0..needed {
                let mut f = file(OLD);
                f.fail_after = Some(after);
                let error = replace(&mut f, OLD, new).expect_err("fails");
                assert!(error.to_string().contains("original content"), "{error}");
                assert_eq!(f.bytes, OLD, "failing after {after} bytes");
            }
        }
    }

    #[test]
    fn a_failed_restore_says_the_file_may_be_damaged() {
        let mut f = file(OLD);
        f.fail_after = Some(0);
        f.set_len_fails = true;
        let error = replace(&mut f, OLD, SHRUNK).expect_err("fails");
        assert!(
            error.to_string().contains("failed too")
                && error.to_string().contains("may be damaged"),
            "{error}"
        );
    }

    fn temp_file(contents: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("poll.py");
        std::fs::write(&path, contents).expect("write");
        (dir, path)
    }

    #[test]
    fn rewrites_the_file_in_place() {
        let (_dir, path) = temp_file(OLD);
        let before = std::fs::metadata(&path).expect("stat");
        assert_eq!(rewrite(&path, OLD, GROWN).expect("written"), Written::Yes);
        assert_eq!(std::fs::read(&path).expect("read"), GROWN);
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let after = std::fs::metadata(&path).expect("stat");
            assert_eq!(
                (before.dev(), before.ino()),
                (after.dev(), after.ino()),
                "the same file"
            );
        }
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_alone() {
        let edited = b"import time\n# edited meanwhile\n";
        let (_dir, path) = temp_file(edited);
        let error = rewrite(&path, OLD, GROWN).expect_err("changed");
        assert!(
            error
                .to_string()
                .starts_with("it changed on disk while asyncmod was fixing it"),
            "{error}"
        );
        assert_eq!(std::fs::read(&path).expect("read"), edited);
    }

    #[test]
    fn a_file_already_holding_the_fix_is_done() {
        // Another name of the same file (a hard link) was fixed first.
        let (_dir, path) = temp_file(GROWN);
        assert_eq!(rewrite(&path, OLD, GROWN).expect("done"), Written::Yes);
        assert_eq!(std::fs::read(&path).expect("read"), GROWN);
    }

    #[test]
    fn a_read_only_file_is_an_error_whoever_runs() {
        let (_dir, path) = temp_file(OLD);
        let mut permissions = std::fs::metadata(&path).expect("stat").permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).expect("chmod");
        let error = rewrite(&path, OLD, GROWN).expect_err("read-only");
        assert!(error.to_string().starts_with("it is read-only"), "{error}");
        assert_eq!(std::fs::read(&path).expect("read"), OLD);
    }

    #[test]
    fn a_directory_is_not_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = rewrite(dir.path(), OLD, GROWN).expect_err("a directory");
        assert_eq!(error.to_string(), "it is not a regular file");
    }
}
