//! A progress bar on stderr for long runs at a terminal, and none anywhere else.
//!
//! It appears only once a run has taken a second (short runs stay quiet), only when stderr is a
//! terminal (logs and pipes get no control characters), and never in CI (`CI` is set by GitHub
//! Actions, GitLab CI, Jenkins' most common setups and most others), where a terminal may be
//! emulated but nobody watches it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// Counts scanned files; shows the count when [`wanted`] says a person is watching.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
}

/// Whether a run should show a progress bar.
pub fn wanted(stderr_is_terminal: bool, in_ci: bool, quiet: bool) -> bool {
    stderr_is_terminal && !in_ci && !quiet
}

impl Progress {
    /// A count of the files done (the walk runs alongside, so there is no total), drawn only
    /// if this process's stderr wants one.
    pub fn new(quiet: bool) -> Progress {
        let in_ci = std::env::var_os("CI").is_some_and(|value| !value.is_empty());
        let bar = wanted(std::io::stderr().is_terminal(), in_ci, quiet).then(|| {
            let style = ProgressStyle::with_template("{spinner} {pos} files {elapsed}")
                .expect("the template is valid");
            ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()).with_style(style)
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// Counts one file done; draws the bar from the first file after the delay.
    pub fn tick(&self) {
        let Some(bar) = &self.bar else {
            return;
        };
        bar.inc(1);
        if self.started.elapsed() >= DELAY && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Removes the bar before the report is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_watched_terminal_gets_a_bar() {
        assert!(wanted(true, false, false));
        assert!(!wanted(false, false, false), "pipes and log files");
        assert!(!wanted(true, true, false), "CI");
        assert!(!wanted(true, false, true), "-q");
    }
}
