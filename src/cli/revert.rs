//! `kspay-migrate revert JOURNAL`: undoes the writes a `fix --write --journal` run recorded
//! ([`crate::fix::revert`]), file by file, and says what became of each.

use std::io::{self, Write};

use crate::cli::args::RevertArgs;
use crate::cli::exit::{CLEAN, ERROR, FOUND};
use crate::cli::settings;
use crate::fix::journal::Recorded;
use crate::fix::revert::{self, Outcome};
use crate::report::{self, visible};
use crate::source::pinned::describe_io;

/// `revert FILE`: restores every file the journal records whose content is still what the
/// fix wrote, refuses those changed since, and says so file by file (results on stdout, errors
/// on stderr, the count last). Exit 0 when every file is reverted or already was, 1 when one
/// was refused, 2 on an error.
pub fn revert_command(args: &RevertArgs) -> Result<u8, String> {
    let recorded = Recorded::read(&args.journal)?;
    let journal = visible::path(&args.journal);
    let mut err = anstream::stderr().lock();
    let failed = |e: io::Error| format!("cannot write: {}", describe_io(&e));
    if let Some(line) = recorded.cut_line {
        writeln!(
            err,
            "note: {journal}:{line}: the last line was cut off (a run stopped while appending it) and is passed over"
        )
        .map_err(failed)?;
    }
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let reverted =
        settings::writer_pool(workers)?.install(|| revert::revert(&recorded, args.dry_run));
    if reverted.is_empty() {
        writeln!(err, "Nothing to revert: {journal} records no write.").map_err(failed)?;
        return Ok(CLEAN);
    }
    let mut out = anstream::stdout().lock();
    let (mut restored, mut already, mut refused, mut errors) = (0, 0, 0, 0);
    let would = if args.dry_run { "would be " } else { "" };
    for file in &reverted {
        let path = visible::path(&file.path);
        let undone = |writes: usize| match writes {
            0 | 1 => String::new(),
            n => format!(" ({n} writes undone)"),
        };
        let line = match &file.outcome {
            Outcome::Restored { writes } => {
                restored += 1;
                format!("{path}: {would}restored{}", undone(*writes))
            }
            Outcome::AlreadyReverted => {
                already += 1;
                format!("{path}: already as before the fix; nothing to do")
            }
            Outcome::Changed { sha256, restored } => {
                refused += 1;
                match restored {
                    0 => format!("{path}: changed since the fix (sha256 {sha256}); not reverted"),
                    n => format!(
                        "{path}: {n} later write(s) {would}undone, but changed since an earlier fix (sha256 {sha256}); not reverted further"
                    ),
                }
            }
            Outcome::Missing => {
                refused += 1;
                format!("{path}: missing (deleted or moved since the fix); not reverted")
            }
            Outcome::Failed { why, .. } => {
                errors += 1;
                report::text::error(&mut err, &file.path, why).map_err(failed)?;
                continue;
            }
        };
        match writeln!(out, "{line}") {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            result => result.map_err(failed)?,
        }
    }
    let verb = if args.dry_run {
        "Would revert"
    } else {
        "Reverted"
    };
    let mut summary = format!("{verb} {restored} file(s); {already} already as before the fix");
    if refused > 0 {
        summary.push_str(&format!(
            "; {refused} refused (changed since the fix, or missing)"
        ));
    }
    if errors > 0 {
        summary.push_str(&format!("; {errors} error(s)"));
    }
    writeln!(err, "{summary}.").map_err(failed)?;
    Ok(match (errors, refused) {
        (0, 0) => CLEAN,
        (0, _) => FOUND,
        _ => ERROR,
    })
}
