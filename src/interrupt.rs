//! Ctrl-C (SIGINT) and SIGTERM while `fix` writes files.
//!
//! `fix` rewrites each file in place (see `write.rs`), so a signal that
//! killed the process in the middle of a write would leave a file half old,
//! half new. While a fix run is going on, the two signals are therefore
//! caught by a listening thread instead of ending the process:
//!
//! - in a batch run, the first signal stops the run from taking another
//!   file or starting another write; writes already started finish, the run
//!   prints what it did and then ends by the same signal (`main.rs`). A second
//!   signal stops at once, as soon as no write is in progress.
//! - in an interactive run, the first signal stops at once, as soon as no
//!   write is in progress (the run is waiting on a question).
//!
//! "As soon as no write is in progress" is a gate: every write holds it
//! shared ([`permit`]); stopping at once takes it exclusively, so it waits
//! for the writes in progress and no other write can start.
//!
//! SIGXFSZ (a write past `ulimit -f`) is caught too, so that such a write
//! fails with an error the writer can undo, instead of killing the process
//! in the middle of a file.
//!
//! Outside a fix run a signal ends the process as it would by default.

use std::sync::atomic::{AtomicI32, AtomicU8, Ordering};
use std::sync::{OnceLock, PoisonError, RwLock, RwLockReadGuard};

/// What a signal does during a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnSignal {
    /// Finish the writes in progress, start no other, report; a second
    /// signal stops at once.
    WindDown,
    /// Stop at once, as soon as no write is in progress.
    StopNow,
}

const IDLE: u8 = 0;
const WIND_DOWN: u8 = 1;
const STOP_NOW: u8 = 2;

/// The first SIGINT or SIGTERM received during the current run, or 0.
static RECEIVED: AtomicI32 = AtomicI32::new(0);
/// What a signal does now: `IDLE` (outside a run), `WIND_DOWN` or `STOP_NOW`.
static MODE: AtomicU8 = AtomicU8::new(IDLE);
/// Held shared by each write, exclusively by a process about to stop.
static GATE: RwLock<()> = RwLock::new(());
/// The listening thread, started once by the first run that needs it.
static LISTENER: OnceLock<Result<(), String>> = OnceLock::new();

/// A fix run during which SIGINT and SIGTERM are deferred; dropping it
/// gives the signals back their default effect.
#[derive(Debug)]
pub struct Session(());

impl Drop for Session {
    fn drop(&mut self) {
        MODE.store(IDLE, Ordering::SeqCst);
    }
}

/// Starts deferring SIGINT and SIGTERM for a run; see the module docs.
pub fn begin(on_signal: OnSignal) -> anyhow::Result<Session> {
    LISTENER
        .get_or_init(listen)
        .as_ref()
        .map_err(|error| anyhow::anyhow!("cannot handle Ctrl-C and SIGTERM: {error}"))?;
    RECEIVED.store(0, Ordering::SeqCst);
    MODE.store(
        match on_signal {
            OnSignal::WindDown => WIND_DOWN,
            OnSignal::StopNow => STOP_NOW,
        },
        Ordering::SeqCst,
    );
    Ok(Session(()))
}

/// The signal that asked the current run to stop, if one did.
pub fn received() -> Option<i32> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        signal => Some(signal),
    }
}

/// The right to write one file, held for the whole write; `None` once the
/// run has been asked to stop (the file must then be left as it is).
#[derive(Debug)]
pub struct Permit {
    _gate: RwLockReadGuard<'static, ()>,
}

pub fn permit() -> Option<Permit> {
    let guard = GATE.read().unwrap_or_else(PoisonError::into_inner);
    if received().is_some() {
        return None;
    }
    Some(Permit { _gate: guard })
}

/// `SIGINT`, `SIGTERM`, or the number.
pub fn signal_name(signal: i32) -> String {
    #[cfg(unix)]
    if let Some(name) = signal_hook::low_level::signal_name(signal) {
        return name.to_string();
    }
    format!("signal {signal}")
}

/// The last line of a batch run stopped by `signal` after `done` of
/// `total` files.
pub fn summary(signal: i32, done: usize, total: usize) -> String {
    let signal = signal_name(signal);
    if done < total {
        format!(
            "Stopped by {signal} after {done} of {total} files; the other {} were left as they were.",
            total - done
        )
    } else {
        format!("Stopped by {signal} after the last file: every file was processed.")
    }
}

/// Ends the process by `signal`, as its default action would have, so that
/// a shell or a parent process sees that it was interrupted (`$?` is
/// 128 + the signal's number, and a script running it stops too).
pub fn end_by(signal: i32) -> ! {
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::emulate_default_handler(signal);
    }
    std::process::exit(128 + signal)
}

#[cfg(unix)]
fn listen() -> Result<(), String> {
    use signal_hook::consts::{SIGINT, SIGTERM, SIGXFSZ};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGXFSZ])
        .map_err(|e| e.to_string())?;
    std::thread::Builder::new()
        .name("asyncmod-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGXFSZ {
                    // The write that went past the limit fails with EFBIG,
                    // and its writer restores the file.
                    continue;
                }
                let first = RECEIVED
                    .compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst)
                    .is_ok();
                let wind_down = MODE.load(Ordering::SeqCst) == WIND_DOWN;
                if !(first && wind_down) {
                    stop_now(signal);
                }
            }
        })
        .map(drop)
        .map_err(|e| e.to_string())
}

/// Without Unix signals, Ctrl-C keeps its default effect.
#[cfg(not(unix))]
fn listen() -> Result<(), String> {
    Ok(())
}

/// Waits until no write is in progress, then ends the process by `signal`;
/// no other write starts meanwhile.
#[cfg(unix)]
fn stop_now(signal: i32) -> ! {
    let _gate = GATE.write().unwrap_or_else(PoisonError::into_inner);
    if MODE.load(Ordering::SeqCst) != IDLE {
        // The run's printer may hold the lock on stderr: write to a
        // duplicate of the descriptor, which needs no lock.
        use std::io::Write as _;
        use std::os::fd::AsFd as _;
        if let Ok(fd) = std::io::stderr().as_fd().try_clone_to_owned() {
            let _ = writeln!(
                std::fs::File::from(fd),
                "\nasyncmod: stopped by {}: every file is either as it was or fully fixed.",
                signal_name(signal)
            );
        }
    }
    end_by(signal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_line_says_how_many_files_were_left() {
        assert_eq!(
            summary(2, 380, 3000),
            "Stopped by SIGINT after 380 of 3000 files; the other 2620 were left as they were."
        );
        assert_eq!(
            summary(15, 12, 12),
            "Stopped by SIGTERM after the last file: every file was processed."
        );
    }
}
