use std::process::ExitCode;

fn main() -> ExitCode {
    kspay_migrate::cli::app::main()
}
