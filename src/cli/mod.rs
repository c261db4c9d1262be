//! The command line: its arguments ([`args`]), the config file ([`config`]), both resolved once
//! into the run's [`settings`], and the commands ([`app`]) that drive the stages with them.
//! Interactive review, progress and the run's own output files live here too: they talk to the
//! person running the tool. The exit statuses ([`exit`]) are said once, for the commands that
//! return them and the help that explains them after the options ([`help`]).

pub mod app;
pub mod args;
pub mod config;
pub mod exit;
pub mod help;
pub mod interactive;
pub mod output;
pub mod progress;
pub mod settings;

pub use args::Cli;
