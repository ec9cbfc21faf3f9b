//! `cargo bench --bench pipeline [-- CORPUS_DIR...]`
//!
//! Times, in one run over the same files: (a) reading and parsing only, with
//! ruff's parser (the floor); (b) asyncmod's analysis with every codemod
//! enabled (`check`); (c) the full `fix` pipeline to final text, on one core
//! and on all cores. Prints the ratios b/a and c/a and the multi-core speedup.
//! The corpus defaults to the ecosystem-check cache when present, else the
//! local CPython standard library. Machines are shared and noisy: each phase
//! runs several times, interleaved, and the best time counts.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use asyncmod::codemods::ALL;
use asyncmod::engine::{Mode, process_source};
use asyncmod::settings::RuleSettings;
use asyncmod::version::PyVersion;

/// The allocator the binary uses (see `src/main.rs`), so the times compare.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROUNDS: usize = 5;

/// Work done on one file's text; returns something to sum, so nothing is optimised away.
type Work<'a> = &'a (dyn Fn(&str) -> usize + Sync);

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

fn read(path: &Path) -> Option<String> {
    String::from_utf8(std::fs::read(path).ok()?).ok()
}

/// Runs `work` over every file on `threads` threads; returns the elapsed time and a checksum.
fn timed(
    files: &[PathBuf],
    threads: usize,
    work: &(dyn Fn(&str) -> usize + Sync),
) -> (Duration, usize) {
    let next = AtomicUsize::new(0);
    let total = AtomicUsize::new(0);
    let started = Instant::now();
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
                            sum += work(&text);
                        }
                    }
                    total.fetch_add(sum, Ordering::Relaxed);
                })
                .expect("spawn");
        }
    });
    (started.elapsed(), total.load(Ordering::Relaxed))
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
    let mut rules = RuleSettings::for_codemods(ALL);
    rules.unsafe_fixes = true;
    rules.options.target_version = PyVersion::NEWEST_TARGET;

    let parse_only = |text: &str| usize::from(ruff_python_parser::parse_module(text).is_ok());
    let check =
        |text: &str| process_source(text, &rules, Mode::Check).map_or(0, |o| o.reports.len());
    let fix = |text: &str| {
        process_source(text, &rules, Mode::Fix).map_or(0, |o| o.fixed.map_or(0, |f| f.len()))
    };

    println!(
        "corpus: {} files, {:.1} MB ({}); {} cores; best of {ROUNDS}",
        files.len(),
        bytes as f64 / 1e6,
        dirs.iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        cores
    );
    // Warm the page cache so every phase reads from memory.
    timed(&files, cores, &|t: &str| t.len());

    let mut best = [Duration::MAX; 4];
    let mut sums = [0usize; 4];
    for _ in 0..ROUNDS {
        let phases: [(usize, usize, Work); 4] = [
            (0, 1, &parse_only),
            (1, 1, &check),
            (2, 1, &fix),
            (3, cores, &fix),
        ];
        for (slot, threads, work) in phases {
            let (elapsed, sum) = timed(&files, threads, work);
            best[slot] = best[slot].min(elapsed);
            sums[slot] = sum;
        }
    }
    let seconds = |d: Duration| d.as_secs_f64();
    let mb_s = |d: Duration| bytes as f64 / 1e6 / seconds(d);
    println!(
        "(a) read + parse, 1 core:        {:8.3} s  {:6.1} MB/s  ({} parsed)",
        seconds(best[0]),
        mb_s(best[0]),
        sums[0]
    );
    println!(
        "(b) analysis, every codemod, 1:  {:8.3} s  {:6.1} MB/s  ({} findings)",
        seconds(best[1]),
        mb_s(best[1]),
        sums[1]
    );
    println!(
        "(c) fix to final text, 1 core:   {:8.3} s  {:6.1} MB/s",
        seconds(best[2]),
        mb_s(best[2])
    );
    println!(
        "(c) fix to final text, {cores} cores:  {:8.3} s  {:6.1} MB/s",
        seconds(best[3]),
        mb_s(best[3])
    );
    println!("b/a = {:.2}", seconds(best[1]) / seconds(best[0]));
    println!("c/a = {:.2}", seconds(best[2]) / seconds(best[0]));
    println!(
        "speedup on {cores} cores = {:.2}x",
        seconds(best[2]) / seconds(best[3])
    );
}
