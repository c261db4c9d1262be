//! kspay-migrate: finds merchants' payment pages that still offer Jeju card (제주카드) under
//! the MPI scheme (안심클릭) and moves it to ISP (안전결제), as KSNET's 2013 notice asked of
//! shops running the socket-mode KSPAY module.
//!
//! The modules are the stages a file goes through, lowest first; each uses only those above it
//! in this list (`tests/architecture.rs` checks it). ARCHITECTURE.md tells the same story.
//!
//! - [`diagnostics`]: the data model every stage shares (findings, edits, fixes, file reports).
//! - [`rules`]: the migration vocabulary, loaded from rule files, and the shape of each rule.
//! - [`source`]: finding files under folder handles, reading them, decoding their bytes.
//! - [`scan`]: one page's findings: prefilter, parse, detect (each safe fix proven), suppress.
//! - [`fix`]: which fixes a page takes, splicing them into its bytes, writing files back.
//! - [`pipeline`]: one file through read → scan → fix.
//! - [`report`]: every output format, diffs and patches, baselines.
//! - [`cli`]: the command line, settings resolved once, and the commands that run the rest.

pub mod cli;
pub mod diagnostics;
pub mod fix;
pub mod pipeline;
pub mod race_hook;
pub mod report;
pub mod rules;
pub mod scan;
pub mod source;
