//! The command line: its arguments ([`args`]), the config file ([`config`]), both resolved once
//! into the run's [`settings`], and the commands ([`app`]) that drive the stages with them.
//! Interactive review, progress and the run's own output files live here too: they talk to the
//! person running the tool; so do the exit statuses ([`exit`]), the help text after the options
//! ([`help`]), and the shell completions and man page generated from the arguments
//! ([`generate`]).

pub mod app;
pub mod args;
pub mod config;
pub mod emit;
pub mod exit;
pub mod generate;
pub mod help;
pub mod interactive;
pub mod merge;
pub mod output;
pub mod progress;
pub mod revert;
pub mod settings;

pub use args::Cli;
