//! Root over hostile tenants: a tenant who swaps folders and files for links and FIFOs while
//! `fix --write` runs as root must not get anything read, printed or written outside the
//! PATHs, nor hang the run; every swap the run meets is an error naming the path.
//!
//! Run as root (as hosting companies run the tool); as another user the tests say so and
//! check what they can.

mod common;

use common::{is_root, root, snapshot, temp_files};

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const STALE_PAGE: &str = "samples/asp-shop/kspay/KSPayForm.asp";
/// Written into every root-only page: it must never show in any output.
const SECRET: &str = "ROOT-ONLY-SECRET-0600";
const NOBODY: u32 = 65534;

fn stale() -> Vec<u8> {
    fs::read(root().join(STALE_PAGE)).unwrap()
}

/// A hosting box: `home/tenantN/public_html/www/KSPayFormM.asp` owned by the tenant, and a
/// root-only folder (0700) whose pages, named like the tenants', hold [`SECRET`].
struct Host {
    _holder: tempfile::TempDir,
    home: PathBuf,
    root_only: PathBuf,
}

fn host(tenants: usize, pages: usize) -> Host {
    let holder = tempfile::tempdir().unwrap();
    fs::set_permissions(holder.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let home = holder.path().join("home");
    let root_only = holder.path().join("root-only");
    fs::create_dir_all(&root_only).unwrap();
    let mut secret_page = stale();
    secret_page.extend(format!("<!-- {SECRET} -->\r\n").as_bytes());
    for page in 0..pages {
        let path = root_only.join(format!("KSPayForm{page}.asp"));
        fs::write(&path, &secret_page).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
    fs::set_permissions(&root_only, fs::Permissions::from_mode(0o700)).unwrap();
    let page = stale();
    for tenant in 0..tenants {
        let www = home.join(format!("tenant{tenant:02}/public_html/www"));
        fs::create_dir_all(&www).unwrap();
        for n in 0..pages {
            fs::write(www.join(format!("KSPayForm{n}.asp")), &page).unwrap();
        }
        if is_root() {
            give_tree(&home.join(format!("tenant{tenant:02}")));
        }
    }
    Host {
        _holder: holder,
        home,
        root_only,
    }
}

fn give_tree(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        std::os::unix::fs::lchown(entry.path(), Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

/// A tenant's symbolic link (owned by the tenant when the test runs as root).
fn tenant_link(target: &Path, link: &Path) {
    try_tenant_link(target, link).unwrap();
}

/// [`tenant_link`] for the racer, who may lose the name to the run's own rename.
fn try_tenant_link(target: &Path, link: &Path) -> std::io::Result<()> {
    symlink(target, link)?;
    if is_root() {
        std::os::unix::fs::lchown(link, Some(NOBODY), Some(NOBODY))?;
    }
    Ok(())
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// Runs the tool, killing it after `limit`: a run that hangs fails the test instead of
/// hanging it.
fn run_bounded(args: &[&std::ffi::OsStr], limit: Duration) -> Output {
    run_bounded_in(&root(), args, limit)
}

/// [`run_bounded`] started in `cwd`.
fn run_bounded_in(cwd: &Path, args: &[&std::ffi::OsStr], limit: Duration) -> Output {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("kspay-migrate"));
    command
        .current_dir(cwd)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    // Drained as it comes: a full pipe would stall the run and pass for a hang.
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).unwrap();
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("the run hung for more than {limit:?}: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// Runs the tool (bounded), expects exit 2 and each of `needles` in its output, and returns the
/// output.
fn refused(args: &[&std::ffi::OsStr], needles: &[&str]) -> String {
    refused_in(&root(), args, needles)
}

/// [`refused`] started in `cwd`.
fn refused_in(cwd: &Path, args: &[&std::ffi::OsStr], needles: &[&str]) -> String {
    let output = run_bounded_in(cwd, args, Duration::from_secs(60));
    let shown = text(&output);
    assert_eq!(output.status.code(), Some(2), "{shown}");
    for needle in needles {
        assert!(shown.contains(needle), "missing {needle:?} in:\n{shown}");
    }
    shown
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

fn assert_root_only_untouched(host: &Host, before: &[(PathBuf, Vec<u8>)], output: &str) {
    assert_eq!(
        snapshot(&host.root_only),
        before,
        "root-only folder changed"
    );
    assert!(
        !output.contains(SECRET),
        "root-only content reached the output:\n{output}"
    );
}

/// Runs `fix --write` paused at `stage` for the file named `name`, lets `swap` act in the
/// window, then lets the run go on.
fn with_swap_at(
    stage: &str,
    name: &str,
    paths: &[&Path],
    swap: impl FnOnce(),
) -> (Option<i32>, String) {
    let signals = tempfile::tempdir().unwrap();
    let pause = format!("{stage}:{name}");
    let mut args: Vec<std::ffi::OsString> = vec!["fix".into(), "--write".into(), "-j1".into()];
    args.extend(paths.iter().map(|p| p.as_os_str().to_os_string()));
    let signal_dir = signals.path().to_path_buf();
    let runner = std::thread::spawn(move || {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("kspay-migrate"));
        command
            .args(&args)
            .env("NO_COLOR", "1")
            .env("KSPAY_MIGRATE_TEST_PAUSE", &pause)
            .env("KSPAY_MIGRATE_TEST_PAUSE_DIR", &signal_dir);
        let output = command.output().unwrap();
        (output.status.code(), text(&output))
    });
    let started = Instant::now();
    while !signals.path().join("paused").exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the run never reached {stage}:{name}"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    swap();
    fs::write(signals.path().join("go"), b"").unwrap();
    runner.join().unwrap()
}

#[test]
fn a_folder_swapped_for_a_link_before_the_write_is_not_written_through() {
    let host = host(1, 2);
    let before = snapshot(&host.root_only);
    let tenant = host.home.join("tenant00/public_html");
    let www = tenant.join("www");
    let (code, output) = with_swap_at("write", "KSPayForm0.asp", &[&tenant], || {
        fs::rename(&www, tenant.join("www.old")).unwrap();
        tenant_link(&host.root_only, &www);
    });
    assert_eq!(code, Some(2), "{output}");
    assert!(
        output.contains("www/KSPayForm0.asp: error: is a symbolic link; not written"),
        "{output}"
    );
    assert_root_only_untouched(&host, &before, &output);
    assert!(temp_files(&host.root_only).is_empty());
}

#[test]
fn a_folder_swapped_just_before_the_rename_keeps_the_write_in_the_pinned_folder() {
    let host = host(1, 1);
    let before = snapshot(&host.root_only);
    let tenant = host.home.join("tenant00/public_html");
    let www = tenant.join("www");
    let (code, output) = with_swap_at("rename", "KSPayForm0.asp", &[&tenant], || {
        fs::rename(&www, tenant.join("www.old")).unwrap();
        tenant_link(&host.root_only, &www);
    });
    assert_root_only_untouched(&host, &before, &output);
    // The write went to the folder that was read (now `www.old`), the tenant's own.
    assert_eq!(code, Some(0), "{output}");
    assert_ne!(
        fs::read(tenant.join("www.old/KSPayForm0.asp")).unwrap(),
        stale()
    );
}

#[test]
fn files_swapped_for_links_or_fifos_before_the_read_are_errors_not_reads_or_hangs() {
    let host = host(1, 3);
    let before = snapshot(&host.root_only);
    let tenant = host.home.join("tenant00/public_html");
    let www = tenant.join("www");
    let (code, output) = with_swap_at("read", "KSPayForm0.asp", &[&tenant], || {
        fs::remove_file(www.join("KSPayForm0.asp")).unwrap();
        tenant_link(
            &host.root_only.join("KSPayForm0.asp"),
            &www.join("KSPayForm0.asp"),
        );
        fs::remove_file(www.join("KSPayForm1.asp")).unwrap();
        mkfifo(&www.join("KSPayForm1.asp"));
    });
    assert_eq!(code, Some(2), "{output}");
    assert!(
        output.contains("www/KSPayForm0.asp: error: cannot read: is a symbolic link"),
        "{output}"
    );
    assert!(
        output.contains("www/KSPayForm1.asp: error: cannot read: not a regular file"),
        "{output}"
    );
    assert_root_only_untouched(&host, &before, &output);
    assert_ne!(fs::read(www.join("KSPayForm2.asp")).unwrap(), stale());
}

#[test]
fn a_path_that_is_a_tenants_link_is_not_followed() {
    let host = host(1, 1);
    let before = snapshot(&host.root_only);
    let tenant = host.home.join("tenant00");
    fs::rename(tenant.join("public_html"), tenant.join("site")).unwrap();
    tenant_link(&host.root_only, &tenant.join("public_html"));
    let public_html = tenant.join("public_html");
    let shown = refused(
        &["fix".as_ref(), "--write".as_ref(), public_html.as_os_str()],
        &[
            "public_html: error: is a symbolic link; not followed (pass --follow-symlinks to follow it)",
        ],
    );
    assert_root_only_untouched(&host, &before, &shown);
    if !is_root() {
        eprintln!("not root: a link owned by another user cannot be made here");
        return;
    }
    // A PATH below such a link is refused too: the link is the tenant's, not the admin's.
    let through = public_html.join("KSPayForm0.asp");
    let shown = refused(
        &["check".as_ref(), through.as_os_str()],
        &["goes through the symbolic link"],
    );
    assert_root_only_untouched(&host, &before, &shown);
}

/// The natural race: tenants swap folders and files for links to the root-only folder and for
/// FIFOs, as fast as they can, while `fix --write` runs over all of them, several rounds.
#[test]
fn racing_tenants_never_get_a_read_a_write_or_a_hang_outside_the_roots() {
    const TENANTS: usize = 20;
    const PAGES: usize = 100;
    const ROUNDS: usize = 3;
    for round in 0..ROUNDS {
        let host = host(TENANTS, PAGES);
        let before = snapshot(&host.root_only);
        let stop = Arc::new(AtomicBool::new(false));
        // One racer: the run keeps the other core.
        let racer = {
            let stop = Arc::clone(&stop);
            let home = host.home.clone();
            let root_only = host.root_only.clone();
            std::thread::spawn(move || {
                let mut swaps = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let tenant = swaps as usize % TENANTS;
                    let site = home.join(format!("tenant{tenant:02}/public_html"));
                    swap_once(&site, &root_only, swaps, PAGES);
                    swaps += 1;
                }
                swaps
            })
        };
        let paths: Vec<PathBuf> = (0..TENANTS)
            .map(|t| host.home.join(format!("tenant{t:02}/public_html")))
            .collect();
        let mut args: Vec<&std::ffi::OsStr> = vec!["fix".as_ref(), "--write".as_ref()];
        args.extend(paths.iter().map(|p| p.as_os_str()));
        let output = run_bounded(&args, Duration::from_secs(120));
        stop.store(true, Ordering::Relaxed);
        let swaps = racer.join().unwrap();
        let shown = text(&output);
        assert_root_only_untouched(&host, &before, &shown);
        assert!(temp_files(&host.root_only).is_empty());
        assert!(!shown.contains("panicked"), "{shown}");
        // Every error names a path inside the tenants' tree.
        for line in shown.lines().filter(|line| line.contains(": error: ")) {
            assert!(
                line.starts_with(host.home.to_str().unwrap()),
                "round {round}: an error outside the tenants: {line}"
            );
        }
        let errors = shown.lines().filter(|l| l.contains(": error: ")).count();
        eprintln!(
            "round {round}: {swaps} swaps, {errors} errors reported, exit {:?}",
            output.status.code()
        );
        assert!(swaps > 0);
    }
}

/// One tenant move: `www` becomes a link to the root-only folder for a moment, or a page a
/// link to a root-only page, or a FIFO; then everything is put back.
fn swap_once(site: &Path, root_only: &Path, n: u64, pages: usize) {
    let www = site.join("www");
    let page = www.join(format!("KSPayForm{}.asp", n as usize % pages));
    match n % 3 {
        0 => {
            let aside = site.join("www.aside");
            if fs::rename(&www, &aside).is_ok() {
                let _ = try_tenant_link(root_only, &www);
                std::thread::yield_now();
                let _ = fs::remove_file(&www);
                let _ = fs::rename(&aside, &www);
            }
        }
        1 => {
            let aside = www.join(".aside");
            if fs::rename(&page, &aside).is_ok() {
                let _ = try_tenant_link(&root_only.join("KSPayForm0.asp"), &page);
                std::thread::yield_now();
                let _ = fs::remove_file(&page);
                let _ = fs::rename(&aside, &page);
            }
        }
        _ => {
            let aside = www.join(".aside-fifo");
            if fs::rename(&page, &aside).is_ok() {
                let _ = rustix::fs::mknodat(
                    rustix::fs::CWD,
                    page.as_path(),
                    rustix::fs::FileType::Fifo,
                    rustix::fs::Mode::from_raw_mode(0o644),
                    0,
                );
                std::thread::yield_now();
                let _ = fs::remove_file(&page);
                let _ = fs::rename(&aside, &page);
            }
        }
    }
}

/// A run started inside a tenant's tree must not take the tenant's config; the tool's own
/// files (configs, rules, baselines) are read without blocking and bounded.
#[test]
fn a_tenants_config_is_refused_and_the_tools_own_files_are_read_bounded() {
    let host = host(1, 1);
    let site = host.home.join("tenant00/public_html");
    let config = site.join("kspay-migrate.toml");
    fs::write(&config, "rules = \"../../../root-only\"\n").unwrap();
    if is_root() {
        std::os::unix::fs::chown(&config, Some(NOBODY), Some(NOBODY)).unwrap();
        let output = common::tool()
            .current_dir(&site)
            .args(["check", "."])
            .output()
            .unwrap();
        let shown = text(&output);
        assert_eq!(output.status.code(), Some(2), "{shown}");
        assert!(
            shown.contains(
                "kspay-migrate.toml belongs to uid 65534, neither you nor root; not used"
            ),
            "{shown}"
        );
        assert!(!shown.contains(SECRET));
    }
    fs::remove_file(&config).unwrap();
    // A config that is a link (to a root-owned file, which the owner check alone would pass)
    // or a hard link: judged on the name's own file, through one handle.
    let config_from = |site: &Path| {
        common::tool()
            .current_dir(site)
            .args(["check", "."])
            .output()
            .unwrap()
    };
    let root_owned = host._holder.path().join("root.toml");
    fs::write(&root_owned, "select = [\"jeju-mpi-to-isp\"]\n").unwrap();
    tenant_link(&root_owned, &config);
    let shown = text(&config_from(&site));
    assert!(
        shown.contains("kspay-migrate.toml is a symbolic link; not used"),
        "{shown}"
    );
    fs::remove_file(&config).unwrap();
    fs::hard_link(&root_owned, &config).unwrap();
    let shown = text(&config_from(&site));
    assert!(
        shown.contains("kspay-migrate.toml has 2 hard links; not used"),
        "{shown}"
    );
    fs::remove_file(&config).unwrap();

    // A baseline that is a FIFO (would block) or a device (`/dev/zero` would fill the memory).
    let fifo = site.join("base.fifo");
    mkfifo(&fifo);
    for baseline in [fifo.as_path(), Path::new("/dev/zero")] {
        let expected = format!(
            "cannot read baseline {}: not a regular file or folder",
            baseline.display()
        );
        refused(
            &[
                "check".as_ref(),
                "--baseline".as_ref(),
                baseline.as_os_str(),
                site.as_os_str(),
            ],
            &[&expected],
        );
    }
    // A config naming a FIFO as its rule file, given with --config: refused, not waited on.
    let rules = site.join("rules");
    fs::create_dir(&rules).unwrap();
    mkfifo(&rules.join("x.toml"));
    let own = host._holder.path().join("own.toml");
    fs::write(&own, format!("rules = {:?}\n", rules.display().to_string())).unwrap();
    refused(
        &[
            "check".as_ref(),
            "--config".as_ref(),
            own.as_os_str(),
            site.as_os_str(),
        ],
        &["x.toml", "not a regular file or folder"],
    );
}

/// `--patch` (or a report) aimed inside the scanned tree: never over a page the run scans,
/// and never through a link a tenant put under its name.
#[test]
fn outputs_inside_the_scanned_tree_never_replace_a_page_or_follow_a_link() {
    let host = host(1, 1);
    // Patches are made from above the sites, where they are applied.
    let above = host._holder.path();
    let before = snapshot(&host.root_only);
    let site = host.home.join("tenant00/public_html");
    let page = site.join("www/KSPayForm0.asp");
    refused_in(
        above,
        &[
            "fix".as_ref(),
            "--patch".as_ref(),
            page.as_os_str(),
            site.as_os_str(),
        ],
        &["is a page the run scans"],
    );
    assert_eq!(fs::read(&page).unwrap(), stale());

    let report = site.join("kspay.json");
    tenant_link(&host.root_only.join("KSPayForm0.asp"), &report);
    let shown = refused(
        &[
            "check".as_ref(),
            "--output".as_ref(),
            format!("json={}", report.display()).as_ref(),
            site.as_os_str(),
        ],
        &["kspay.json: goes through the symbolic link"],
    );
    assert_root_only_untouched(&host, &before, &shown);

    if is_root() {
        // A link the tenant made in a folder on the way to the output.
        let reports = site.join("reports");
        tenant_link(&host.root_only, &reports);
        let patch = reports.join("fix.patch");
        refused_in(
            above,
            &[
                "fix".as_ref(),
                "--patch".as_ref(),
                patch.as_os_str(),
                site.as_os_str(),
            ],
            &["goes through the symbolic link"],
        );
        assert_root_only_untouched(&host, &before, "");
        fs::remove_file(&reports).unwrap();
        // A hard link the tenant made under the output's name (where the kernel allows links
        // to others' files): the name is replaced, the linked file left as it was.
        let linked = site.join("linked.patch");
        fs::hard_link(host.root_only.join("KSPayForm0.asp"), &linked).unwrap();
        let output = run_bounded_in(
            above,
            &[
                "fix".as_ref(),
                "--patch".as_ref(),
                linked.as_os_str(),
                site.as_os_str(),
            ],
            Duration::from_secs(60),
        );
        assert_eq!(output.status.code(), Some(1), "{}", text(&output));
        assert_root_only_untouched(&host, &before, "");
        assert!(String::from_utf8_lossy(&fs::read(&linked).unwrap()).starts_with("diff --git"));
    }

    // Beside the pages, under a name the scan skips, a patch is fine.
    let patch = site.join("jeju.patch");
    let output = run_bounded_in(
        above,
        &[
            "fix".as_ref(),
            "--patch".as_ref(),
            patch.as_os_str(),
            site.as_os_str(),
        ],
        Duration::from_secs(60),
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(String::from_utf8_lossy(&fs::read(&patch).unwrap()).contains("KSPayForm0.asp"));
}

/// With `--follow-symlinks`, a page reached through a link to outside every PATH is read and
/// reported, but its fix is offered nowhere: not written, not in a patch.
#[test]
fn followed_links_outside_the_roots_are_never_patched() {
    let host = host(1, 1);
    let site = host.home.join("tenant00/public_html");
    let shared = host._holder.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::write(shared.join("order.asp"), stale()).unwrap();
    tenant_link(&shared, &site.join("shared"));
    let above = host._holder.path();
    let patch = above.join("jeju.patch");
    refused_in(
        above,
        &[
            "fix".as_ref(),
            "--follow-symlinks".as_ref(),
            "--patch".as_ref(),
            patch.as_os_str(),
            site.as_os_str(),
        ],
        &["shared/order.asp: error: lies outside the given folders"],
    );
    let patch = String::from_utf8_lossy(&fs::read(&patch).unwrap()).into_owned();
    assert!(patch.contains("www/KSPayForm0.asp"));
    assert!(!patch.contains("order.asp"), "{patch}");
}

/// Where the kernel lets anyone hard-link files they do not own, a tenant can bring a
/// root-only file into its folder: the run must not read it.
#[test]
fn a_hard_link_to_another_users_file_is_not_read() {
    if !is_root() {
        eprintln!("not root: a file of another owner cannot be linked here");
        return;
    }
    let host = host(1, 1);
    let before = snapshot(&host.root_only);
    let www = host.home.join("tenant00/public_html/www");
    fs::hard_link(
        host.root_only.join("KSPayForm0.asp"),
        www.join("stolen.asp"),
    )
    .unwrap();
    let shown = refused(
        &["check".as_ref(), www.as_os_str()],
        &[
            "stolen.asp: error: cannot read: has 2 hard links and belongs to uid 0 in a folder of another owner",
        ],
    );
    assert_root_only_untouched(&host, &before, &shown);
}

/// Folders nested without end cost the run a bounded depth, not its stack.
#[test]
fn folders_nested_past_the_depth_limit_are_an_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().to_path_buf();
    for _ in 0..300 {
        deep.push("a");
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(dir.path().join("KSPayForm.asp"), stale()).unwrap();
    refused(
        &["check".as_ref(), dir.path().as_os_str()],
        &["error: more than 256 folders deep; not walked further"],
    );
}

/// `--follow-symlinks` opens what a link leads to only when it is a regular file (opening
/// some devices does something), and writes a file named on the command line.
#[test]
fn followed_links_open_only_regular_files_and_a_named_file_is_written() {
    let host = host(1, 1);
    let www = host.home.join("tenant00/public_html/www");
    tenant_link(Path::new("/dev/zero"), &www.join("dev.php"));
    refused(
        &[
            "check".as_ref(),
            "--follow-symlinks".as_ref(),
            www.as_os_str(),
        ],
        &["dev.php: error: cannot read: not a regular file or folder"],
    );
    fs::remove_file(www.join("dev.php")).unwrap();
    let page = www.join("KSPayForm0.asp");
    let output = run_bounded(
        &[
            "fix".as_ref(),
            "--write".as_ref(),
            "--follow-symlinks".as_ref(),
            page.as_os_str(),
        ],
        Duration::from_secs(60),
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert_ne!(fs::read(&page).unwrap(), stale());
}
