use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Parsing and the semantic model allocate many small nodes: mimalloc (as
/// ruff uses) is markedly faster at that than the system allocator. The
/// binary chooses it, as ripgrep and ruff do; the benchmark declares the
/// same, so the two measure alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = asyncmod::cli::Cli::parse();
    // Every mode (stdin and interactive too) runs on a thread with a large
    // stack: deeply nested code must end in a result or an error.
    let run = std::thread::Builder::new()
        .name("asyncmod".into())
        .stack_size(asyncmod::WORKER_STACK)
        .spawn(move || asyncmod::run(cli));
    let result = match run {
        Ok(handle) => handle
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error: the run panicked"))),
        Err(error) => Err(anyhow::anyhow!("cannot start: {error}")),
    };
    match result {
        // Stopped by Ctrl-C or SIGTERM: end by the same signal.
        Ok(asyncmod::ExitStatus::Interrupted(signal)) => asyncmod::interrupt::end_by(signal),
        Ok(status) => ExitCode::from(status.code() as u8),
        Err(error) => {
            // Escaped line by line: a configuration error shows its TOML
            // over several lines.
            let message = format!("{error:#}");
            let lines: Vec<_> = message
                .split('\n')
                .map(asyncmod::output::printable)
                .collect();
            let _ = writeln!(std::io::stderr(), "asyncmod: error: {}", lines.join("\n"));
            ExitCode::from(2)
        }
    }
}
