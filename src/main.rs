use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    kspay_migrate::cli::app::run(kspay_migrate::cli::Cli::parse())
}
