//! kspay-migrate: finds merchants' payment pages that still offer Jeju card (제주카드) under
//! the MPI scheme (안심클릭) and moves it to ISP (안전결제), as KSNET's 2013 notice asked of
//! shops running the socket-mode KSPAY module.
//!
//! Pipeline: [`walk`] → [`scan`] (prefilter, [`encoding`], [`page`], [`detect`] (with each safe
//! fix proven), [`suppress`], [`fix`]) → [`report`], [`diff`], [`write`]. [`rules`] holds the migration vocabulary as data.

pub mod app;
pub mod baseline;
pub mod charref;
pub mod cli;
pub mod config;
pub mod detect;
pub mod diff;
pub mod encoding;
pub mod fingerprint;
pub mod fix;
pub mod interactive;
pub mod output;
pub mod page;
pub mod pinned;
pub mod progress;
pub mod race_hook;
pub mod report;
pub mod rules;
pub mod scan;
pub mod suppress;
pub mod walk;
pub mod write;
