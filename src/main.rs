use std::process::ExitCode;

/// A page costs many small allocations (its element tree, attribute values, list items):
/// glibc's allocator was a sixth of a run's instructions on a trap-heavy tree, mimalloc's far
/// less (Ruff makes the same choice).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    kspay_migrate::cli::app::main()
}
