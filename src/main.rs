use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = asyncmod::cli::Cli::parse();
    match asyncmod::run(cli) {
        Ok(status) => ExitCode::from(status.code() as u8),
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "asyncmod: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
