//! `cargo bench --bench pipeline [-- CORPUS_DIR...]`
//!
//! Times, in one run over the same files: (a) reading and parsing only, with
//! ruff's parser (the floor); (b) asyncmod's analysis with every codemod
//! enabled (`check`); (c) the full `fix` pipeline to final text, on one core
//! and on all cores. (b) and (c) ask each file's project index as the binary
//! does: each round starts with no index, so building the indexes (the scan
//! of each project, the summaries of the modules imported) counts in it. A
//! row (c) without the index shows what the index costs, and a row (c) with
//! a warm index cache what the cache saves on a second run (its cache
//! directory, in a temporary directory, is filled by one run not timed).
//! Prints the ratios b/a and c/a (with no cache) and the multi-core speedup.
//! The corpus defaults to the ecosystem-check cache when present, else the
//! local CPython standard library. Machines are shared and noisy: each phase
//! runs several times, interleaved, and the best time counts; where the
//! system reports it (Linux), the process's CPU time (user + system) is
//! shown too, and the ratios are given for both (on a loaded machine the
//! CPU ratio is the steadier one).
//!
//! For profiling one phase (`valgrind --tool=callgrind`, `perf`):
//! `ASYNCMOD_BENCH_ROUNDS=N` sets the rounds (default 5),
//! `ASYNCMOD_BENCH_ONLY=SLOT` runs one phase alone (0 parse, 1 check,
//! 2 fix, 3 fix on every core, 4 fix without the index, 5 fix with a warm
//! index cache) and
//! `ASYNCMOD_BENCH_NO_WARM=1` skips reading the corpus once first;
//! `ASYNCMOD_BENCH_CACHE_DIR=DIR` keeps the warm index cache in `DIR`,
//! filled only when `DIR` does not exist (so a profile of slot 5 counts
//! the warm run alone).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use asyncmod::codemods::ALL;
use asyncmod::engine::{Mode, process_source, process_source_in};
use asyncmod::index::Indexes;
use asyncmod::index::cache::CacheDir;
use asyncmod::settings::RuleSettings;
use asyncmod::version::PyVersion;

/// The allocator the binary uses (see `src/main.rs`), so the times compare.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROUNDS: usize = 5;

/// A number from the environment variable `name`, if it is set and reads.
fn env_number(name: &str) -> Option<usize> {
    std::env::var(name).ok()?.trim().parse().ok()
}

/// Work done on one file (the run's indexes, its path, its text); returns
/// something to sum, so nothing is optimised away.
type Work<'a> = &'a (dyn Fn(&Indexes, &Path, &str) -> usize + Sync);

fn corpus_dirs() -> Vec<PathBuf> {
    let args: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .collect();
    if !args.is_empty() {
        return args;
    }
    if let Some(dir) = std::env::var_os("ASYNCMOD_BENCH_CORPUS") {
        return vec![PathBuf::from(dir)];
    }
    let cache = std::env::var_os("ASYNCMOD_ECOSYSTEM_CACHE")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/asyncmod-ecosystem"))
        })
        .map(|c| c.join("src"));
    if let Some(cache) = cache.filter(|c| c.is_dir()) {
        return vec![cache];
    }
    let stdlib = std::process::Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| PathBuf::from(s.trim()));
    vec![stdlib.expect("no corpus: pass a directory, or install python3")]
}

fn python_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in dirs {
        for entry in ignore::WalkBuilder::new(dir)
            .standard_filters(false)
            .build()
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "py")
                && entry.file_type().is_some_and(|t| t.is_file())
            {
                files.push(path.to_path_buf());
            }
        }
    }
    files.sort();
    files
}

/// The CPU time (user + system) of this process so far, from
/// `/proc/self/stat` (in ticks of 1/100 s); `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    // utime and stime are the 14th and 15th fields, 12th and 13th after `)`.
    Some(Duration::from_millis((ticks(11)? + ticks(12)?) * 10))
}

fn read(path: &Path) -> Option<String> {
    String::from_utf8(std::fs::read(path).ok()?).ok()
}

/// What one phase took: wall time, and CPU time where it is known.
#[derive(Clone, Copy)]
struct Took {
    wall: Duration,
    cpu: Option<Duration>,
}

/// Runs `work` over every file on `threads` threads, with indexes made
/// for this run alone (as the binary makes them); returns what it took
/// and a checksum.
fn timed(files: &[PathBuf], threads: usize, work: Work) -> (Took, usize) {
    timed_with(files, threads, work, &CacheDir::Off)
}

/// [`timed`], the indexes keeping their summaries where `cache` says.
fn timed_with(files: &[PathBuf], threads: usize, work: Work, cache: &CacheDir) -> (Took, usize) {
    let next = AtomicUsize::new(0);
    let total = AtomicUsize::new(0);
    let cpu_started = cpu_time();
    let started = Instant::now();
    let indexes = Indexes::with_cache(None, cache.clone());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            std::thread::Builder::new()
                .stack_size(asyncmod::WORKER_STACK)
                .spawn_scoped(scope, || {
                    let mut sum = 0;
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        if let Some(text) = read(path) {
                            sum += work(&indexes, path, &text);
                        }
                    }
                    total.fetch_add(sum, Ordering::Relaxed);
                })
                .expect("spawn");
        }
    });
    let wall = started.elapsed();
    let cpu = cpu_started
        .zip(cpu_time())
        .map(|(a, b)| b.saturating_sub(a));
    (Took { wall, cpu }, total.load(Ordering::Relaxed))
}

fn main() {
    let dirs = corpus_dirs();
    let files = python_files(&dirs);
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let rounds = env_number("ASYNCMOD_BENCH_ROUNDS").unwrap_or(ROUNDS).max(1);
    let only = env_number("ASYNCMOD_BENCH_ONLY");
    let mut rules = RuleSettings::for_codemods(ALL);
    rules.unsafe_fixes = true;
    rules.options.target_version = PyVersion::NEWEST_TARGET;

    let parse_only = |_: &Indexes, _: &Path, text: &str| {
        usize::from(ruff_python_parser::parse_module(text).is_ok())
    };
    // As the binary does: each file's project, found and indexed on first use.
    let check = |indexes: &Indexes, path: &Path, text: &str| {
        let project = indexes.project_module(path);
        process_source_in(text, &rules, Mode::Check, Some(&project)).map_or(0, |o| o.reports.len())
    };
    let fix = |indexes: &Indexes, path: &Path, text: &str| {
        let project = indexes.project_module(path);
        process_source_in(text, &rules, Mode::Fix, Some(&project))
            .map_or(0, |o| o.fixed.map_or(0, |f| f.len()))
    };
    let fix_alone = |_: &Indexes, _: &Path, text: &str| {
        process_source(text, &rules, Mode::Fix).map_or(0, |o| o.fixed.map_or(0, |f| f.len()))
    };

    println!(
        "corpus: {} files, {:.1} MB ({}); {} cores; best of {rounds}",
        files.len(),
        bytes as f64 / 1e6,
        dirs.iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        cores
    );
    // Warm the page cache so every phase reads from memory.
    if std::env::var_os("ASYNCMOD_BENCH_NO_WARM").is_none() {
        timed(&files, cores, &|_: &Indexes, _: &Path, t: &str| t.len());
    }

    // The warm cache: filled once, before the rounds (in a directory the
    // environment names and that is kept, only when it does not exist).
    let kept = std::env::var_os("ASYNCMOD_BENCH_CACHE_DIR").map(PathBuf::from);
    let cache_dir = kept.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("asyncmod-bench-cache-{}", std::process::id()))
    });
    let warm = CacheDir::At(cache_dir.clone());
    if only.is_none_or(|only| only == 5) && !(kept.is_some() && cache_dir.exists()) {
        let _ = std::fs::remove_dir_all(&cache_dir);
        timed_with(&files, cores, &fix, &warm);
    }

    let mut best = [Took {
        wall: Duration::MAX,
        cpu: None,
    }; 6];
    let mut sums = [0usize; 6];
    for _ in 0..rounds {
        let phases: [(usize, usize, Work, &CacheDir); 6] = [
            (0, 1, &parse_only, &CacheDir::Off),
            (1, 1, &check, &CacheDir::Off),
            (2, 1, &fix, &CacheDir::Off),
            (3, cores, &fix, &CacheDir::Off),
            (4, 1, &fix_alone, &CacheDir::Off),
            (5, 1, &fix, &warm),
        ];
        for (slot, threads, work, cache) in phases {
            if only.is_some_and(|only| only != slot) {
                continue;
            }
            let (took, sum) = timed_with(&files, threads, work, cache);
            let slot_best = &mut best[slot];
            slot_best.wall = slot_best.wall.min(took.wall);
            slot_best.cpu = match (slot_best.cpu, took.cpu) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            sums[slot] = sum;
        }
    }
    if kept.is_none() {
        let _ = std::fs::remove_dir_all(&cache_dir);
    }
    let seconds = |d: Duration| d.as_secs_f64();
    let mb_s = |d: Duration| bytes as f64 / 1e6 / seconds(d);
    let row = |label: &str, took: Took, note: String| {
        let cpu = took
            .cpu
            .map_or_else(String::new, |c| format!("  cpu {:7.3} s", seconds(c)));
        println!(
            "{label:<35}{:8.3} s  {:6.1} MB/s{cpu}{note}",
            seconds(took.wall),
            mb_s(took.wall)
        );
    };
    if let Some(slot) = only {
        if let Some(took) = best.get(slot) {
            row(
                &format!("phase {slot} alone:"),
                *took,
                format!("  ({})", sums[slot]),
            );
        }
        return;
    }
    row(
        "(a) read + parse, 1 core:",
        best[0],
        format!("  ({} parsed)", sums[0]),
    );
    row(
        "(b) analysis, every codemod, 1:",
        best[1],
        format!("  ({} findings)", sums[1]),
    );
    row("(c) fix to final text, 1 core:", best[2], String::new());
    row(
        &format!("(c) fix to final text, {cores} cores:"),
        best[3],
        String::new(),
    );
    row("(c) without the index, 1 core:", best[4], String::new());
    row("(c) fix, 1 core, warm index cache:", best[5], String::new());
    let ratio = |label: &str, over: Took, under: Took| {
        let cpu = over.cpu.zip(under.cpu).map_or_else(String::new, |(o, u)| {
            format!("  (cpu {:.2})", seconds(o) / seconds(u))
        });
        println!(
            "{label} = {:.2}{cpu}",
            seconds(over.wall) / seconds(under.wall)
        );
    };
    ratio("b/a", best[1], best[0]);
    ratio("c/a", best[2], best[0]);
    ratio("c/a without the index", best[4], best[0]);
    ratio("c/a with a warm index cache", best[5], best[0]);
    println!(
        "speedup on {cores} cores = {:.2}x",
        seconds(best[2].wall) / seconds(best[3].wall)
    );
}
