//! A progress bar on stderr for long runs at a terminal, and none anywhere else.
//!
//! It appears only once a run has taken a second (short runs stay quiet), only when stderr is a
//! terminal (logs and pipes get no control characters), and never in CI (`CI` is set by GitHub
//! Actions, GitLab CI, Jenkins' most common setups and most others), where a terminal may be
//! emulated but nobody watches it.
//!
//! The walk and the scan run together, so the files found are never far ahead of the files
//! done. A second, cheaper walk counts the files ahead of them ([`walk::count_ahead`]): while
//! it counts, the bar shows files done of files counted so far and the rate; once it is done,
//! the bar has its length and shows the time left.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::source::walk::{self, WalkOptions};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// While the count goes on: files done of files counted so far.
const COUNTING: &str = "{spinner} {pos}/{len}+ files (counting) {rate} {elapsed}";

/// Once the count is done: the bar, files done of all, the rate and the time left.
const COUNTED: &str = "{bar:30} {pos}/{len} files {rate} ETA {eta}";

/// Counts scanned files; shows the count when [`wanted`] says a person is watching.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
    /// Set when the run is done: the count ahead stops.
    done: AtomicBool,
}

/// Whether a run should show a progress bar.
pub fn wanted(stderr_is_terminal: bool, in_ci: bool, quiet: bool) -> bool {
    stderr_is_terminal && !in_ci && !quiet
}

impl Progress {
    /// A bar drawn only if this process's stderr wants one.
    pub fn new(quiet: bool) -> Progress {
        let in_ci = std::env::var_os("CI").is_some_and(|value| !value.is_empty());
        let watched = wanted(std::io::stderr().is_terminal(), in_ci, quiet);
        Progress::drawn_to(watched.then(ProgressDrawTarget::hidden))
    }

    /// A bar that draws to `target` once shown (`None`: no bar).
    fn drawn_to(target: Option<ProgressDrawTarget>) -> Progress {
        let bar = target.map(|target| {
            ProgressBar::with_draw_target(Some(0), target).with_style(style(COUNTING))
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
            done: AtomicBool::new(false),
        }
    }

    /// Counts the files the walk will find, for the bar's length and time left; runs until
    /// the count is done or [`Progress::finish`]. Does nothing without a bar.
    pub fn count_ahead(&self, roots: &[PathBuf], options: &WalkOptions) {
        let Some(bar) = &self.bar else {
            return;
        };
        let total = walk::count_ahead(roots, options, &self.done, &|counted| {
            bar.set_length(counted as u64);
        });
        if let Some(total) = total {
            self.counted(total);
        }
    }

    /// The count ahead is done: the bar has its length, and shows the time left.
    fn counted(&self, total: usize) {
        if let Some(bar) = &self.bar {
            // The estimate skips neither ignored files nor links' targets: never less than done.
            bar.set_length((total as u64).max(bar.position()));
            bar.set_style(style(COUNTED));
        }
    }

    /// Counts one file done; draws the bar from the first file after the delay.
    pub fn tick(&self) {
        let Some(bar) = &self.bar else {
            return;
        };
        bar.inc(1);
        if bar.position() > bar.length().unwrap_or(0) {
            bar.set_length(bar.position());
        }
        if self.started.elapsed() >= DELAY && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Stops the count ahead and removes the bar before the report is printed.
    pub fn finish(&self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A template's style, with `{rate}` as whole files per second (indicatif's `{per_sec}` shows
/// four decimals).
fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .expect("the templates are valid")
        .with_key(
            "rate",
            |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
                let _ = write!(out, "{:.0}/s", state.per_sec());
            },
        )
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

    /// A tree of `tenants` tenants with `pages` pages each, and files the walk passes over.
    fn tree(tenants: usize, pages: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for t in 0..tenants {
            let site = dir.path().join(format!("user{t}/public_html"));
            std::fs::create_dir_all(site.join(".git")).unwrap();
            std::fs::write(site.join(".git/HEAD.php"), "x").unwrap();
            std::fs::write(site.join("logo.png"), "x").unwrap();
            for p in 0..pages {
                std::fs::write(site.join(format!("p{p}.php")), "x").unwrap();
            }
        }
        dir
    }

    #[test]
    fn the_count_ahead_gives_the_bar_its_length_and_the_time_left() {
        let dir = tree(3, 4);
        let progress = Progress::drawn_to(Some(ProgressDrawTarget::hidden()));
        progress.count_ahead(&[dir.path().to_path_buf()], &WalkOptions::default());
        let bar = progress.bar.as_ref().unwrap();
        // Pages only: not the image, not what is under `.git`.
        assert_eq!(bar.length(), Some(12));
        progress.tick();
        assert_eq!(bar.position(), 1);
        progress.finish();
        assert!(progress.done.load(Ordering::Relaxed));
    }

    #[test]
    fn the_count_ahead_follows_the_shard_and_stops_with_the_run() {
        use crate::source::tenant::{Shard, Tenancy};
        let dir = tree(40, 2);
        let roots = [dir.path().to_path_buf()];
        let mut total = 0;
        for k in 1..=2 {
            let options = WalkOptions {
                shard: Some((Shard::parse(&format!("{k}/2")).unwrap(), Tenancy::default())),
                ..WalkOptions::default()
            };
            let counted = walk::count_ahead(&roots, &options, &AtomicBool::new(false), &|_| {});
            let found = walk::filter_map_parallel(&roots, &options, |_| Some(()));
            assert_eq!(counted, Some(found.len()), "shard {k}/2");
            total += found.len();
        }
        assert_eq!(total, 80);
        let stopped = walk::count_ahead(
            &roots,
            &WalkOptions::default(),
            &AtomicBool::new(true),
            &|_| {},
        );
        assert_eq!(stopped, None);
    }

    #[test]
    fn without_a_bar_nothing_is_counted() {
        let dir = tree(2, 2);
        let progress = Progress::drawn_to(None);
        progress.count_ahead(&[dir.path().to_path_buf()], &WalkOptions::default());
        progress.tick();
        progress.finish();
        assert!(progress.bar.is_none());
    }
}
