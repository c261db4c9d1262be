//! The settings a team keeps in its repository: a `kspay-migrate.toml` found from the working
//! folder upward, merged with the command line into the [`Merged`] keys that
//! [`crate::cli::settings`] builds a run from.
//!
//! Precedence: a command-line option replaces the config key of the same name (`--select`
//! replaces `select`, `--exclude` replaces `exclude`, ...); keys without an option
//! (`[severity]`) come from the config alone. Paths in the config (`baseline`, `rules`) are
//! relative to the config file's folder, so a run from any subfolder finds the same files.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;
use serde::de::{Deserializer, Error as _};
use toml::Spanned;

use crate::cli::args::{RuleSource, ScanArgs};
use crate::diagnostics::{Severity, line_column};
use crate::report::Format;
use crate::rules::{self, Rule};
use crate::source::{pinned, walk};

/// A config file is a screenful of TOML; anything much larger is not one.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The config file's name, looked for in the working folder and each folder above it.
pub const FILE_NAME: &str = "kspay-migrate.toml";

/// Ids that `[severity]` may name besides the loaded rules: findings the tool makes about the
/// run itself rather than from a rule file.
pub const PSEUDO_RULES: &[&str] = &[crate::diagnostics::UNUSED_SUPPRESSION_ID];

/// A config file's keys, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    #[serde(default, deserialize_with = "globs")]
    include: Vec<String>,
    #[serde(default, deserialize_with = "globs")]
    exclude: Vec<String>,
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
    #[serde(default, deserialize_with = "path")]
    baseline: Option<PathBuf>,
    #[serde(default, deserialize_with = "format")]
    format: Option<Format>,
    #[serde(default, deserialize_with = "path")]
    rules: Option<PathBuf>,
}

/// A config file read and parsed, kept with its text so later checks can name a line.
struct ConfigFile {
    path: PathBuf,
    text: String,
    config: Config,
}

/// The keys a config file may hold, resolved: the command line over the config file over the
/// defaults. Only [`crate::cli::settings::Settings`] reads it.
#[derive(Debug)]
pub struct Merged {
    /// The config file the settings came from; `None` when none was found or `--isolated`.
    pub config: Option<PathBuf>,
    /// The rules to run: loaded from `--rules`, else the config's `rules`, else the built-in
    /// ones; narrowed by `--select`, else the config's `select`.
    pub rules: Vec<Rule>,
    /// The ids of every loaded rule, selected or not: suppression comments may name any.
    pub loaded_rule_ids: Vec<String>,
    /// `--include`, else the config's `include` (empty: the template extensions).
    pub include: Vec<String>,
    /// `--exclude`, else the config's `exclude`.
    pub exclude: Vec<String>,
    /// The config's `[severity]`: rule id to the severity its findings get instead of their own.
    pub severity: HashMap<String, Severity>,
    /// `--format`, else the config's `format`, else text.
    pub format: Format,
    /// The config's `baseline`, resolved against the config's folder (`check --baseline`
    /// takes precedence; the caller decides that, since only `check` has the option).
    pub baseline: Option<PathBuf>,
}

impl Merged {
    /// Resolves the settings of a run started in the current folder.
    pub fn resolve(args: &ScanArgs) -> Result<Merged, String> {
        let cwd = std::env::current_dir().map_err(|e| {
            format!(
                "cannot read the current folder: {}",
                pinned::describe_io(&e)
            )
        })?;
        Merged::resolve_from(args, &cwd)
    }

    /// Resolves the settings, looking for a config file from `start` upward (unless
    /// `--config` names one or `--isolated` asks for none).
    pub fn resolve_from(args: &ScanArgs, start: &Path) -> Result<Merged, String> {
        let file = if args.isolated {
            None
        } else if let Some(path) = &args.config {
            Some(ConfigFile::read(path)?)
        } else {
            discover(start)?
        };
        let no_config = Config::default();
        let config = file.as_ref().map_or(&no_config, |file| &file.config);

        let from_config = match (&args.rules.dir, &file) {
            (None, Some(file)) => file.rules(),
            _ => None,
        };
        let loaded = match from_config {
            Some(rules) => rules?,
            None => load_rules(args.rules.dir.as_deref())?,
        };
        if let Some(file) = &file {
            file.check_rule_ids(&loaded)?;
        }
        // An option given on the command line replaces the config's list.
        let or_config = |option: &Vec<String>, key: &Vec<String>| {
            if option.is_empty() {
                key.clone()
            } else {
                option.clone()
            }
        };
        let config_select: Vec<String> = config
            .select
            .iter()
            .map(|id| id.get_ref().clone())
            .collect();
        let select = or_config(&args.select, &config_select);
        let loaded_rule_ids = loaded.iter().map(|rule| rule.id.clone()).collect();
        let rules = rules::select(loaded, &select).map_err(|e| e.to_string())?;

        Ok(Merged {
            rules,
            loaded_rule_ids,
            include: or_config(&args.include, &config.include),
            exclude: or_config(&args.exclude, &config.exclude),
            severity: config
                .severity
                .iter()
                .map(|(id, severity)| (id.get_ref().clone(), *severity))
                .collect(),
            format: args.format.or(config.format).unwrap_or(Format::Text),
            baseline: match (&config.baseline, &file) {
                (Some(baseline), Some(file)) => Some(file.relative(baseline)),
                _ => None,
            },
            config: file.as_ref().map(|file| file.path.clone()),
        })
    }
}

/// The rules that `rules` and `explain` show: from `--rules`, else the `rules` folder of the
/// config file found from the current folder, else the built-in ones; so they list what
/// `check` run from the same folder would load.
pub fn listed_rules(source: &RuleSource) -> Result<Vec<Rule>, String> {
    if source.dir.is_some() {
        return load_rules(source.dir.as_deref());
    }
    let cwd = std::env::current_dir().map_err(|e| {
        format!(
            "cannot read the current folder: {}",
            pinned::describe_io(&e)
        )
    })?;
    let file = discover(&cwd)?;
    match file.as_ref().and_then(ConfigFile::rules) {
        Some(rules) => rules,
        None => load_rules(None),
    }
}

/// Rules from the `*.toml` files of `dir`, or the built-in ones.
fn load_rules(dir: Option<&Path>) -> Result<Vec<Rule>, String> {
    match dir {
        Some(dir) => rules::load_dir(dir),
        None => rules::embedded(),
    }
    .map_err(|e| e.to_string())
}

/// The first config file in `start` or a folder above it. It must be a regular file of its
/// own (not a link, not a hard link to another file) belonging to the running user or to root:
/// a run started inside a tenant's tree must not take the tenant's word for which rules to load
/// or which baseline to read (git reasons the same way about `safe.directory`). It is judged
/// and read through one handle, so nothing can be swapped in between.
fn discover(start: &Path) -> Result<Option<ConfigFile>, String> {
    for folder in start.ancestors() {
        let path = folder.join(FILE_NAME);
        let not_used = |why: String| {
            format!(
                "config file {} {why}; not used (pass --config FILE to use it anyway, or --isolated to run without a config)",
                path.display()
            )
        };
        let (file, meta) = match pinned::open_if_present(&path) {
            Ok(None) => continue,
            Ok(Some(found)) => found,
            Err(pinned::OpenError::Symlink) => return Err(not_used("is a symbolic link".into())),
            Err(e) => return Err(format!("cannot read config file {}: {e}", path.display())),
        };
        let owner = meta.uid();
        if owner != 0 && owner != rustix::process::geteuid().as_raw() {
            return Err(not_used(format!(
                "belongs to uid {owner}, neither you nor root"
            )));
        }
        if meta.nlink() > 1 {
            return Err(not_used(format!("has {} hard links", meta.nlink())));
        }
        let text = pinned::read_open(file, &meta, MAX_CONFIG_BYTES)
            .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "is not UTF-8 text".into()))
            .map_err(|e| format!("cannot read config file {}: {e}", path.display()))?;
        return ConfigFile::parse(&path, text).map(Some);
    }
    Ok(None)
}

impl ConfigFile {
    /// Reads and parses a config file; every error names the file (and the line, when the
    /// problem has one).
    fn read(path: &Path) -> Result<ConfigFile, String> {
        let text = pinned::read_text(path, MAX_CONFIG_BYTES)
            .map_err(|e| format!("cannot read config file {}: {e}", path.display()))?;
        ConfigFile::parse(path, text)
    }

    /// Parses a config file's text; errors name the file and the line.
    fn parse(path: &Path, text: String) -> Result<ConfigFile, String> {
        let mut file = ConfigFile {
            path: path.to_path_buf(),
            text,
            config: Config::default(),
        };
        file.config = toml::from_str(&file.text).map_err(|e| file.error(e.span(), e.message()))?;
        Ok(file)
    }

    /// `path:line:column: message` (just `path: message` without a place).
    fn error(&self, span: Option<Range<usize>>, message: &str) -> String {
        let message = message.trim_end();
        match span {
            Some(span) => {
                let (line, column) = line_column(&self.text, span.start);
                format!("{}:{line}:{column}: {message}", self.path.display())
            }
            None => format!("{}: {message}", self.path.display()),
        }
    }

    /// A path written in the config, taken from the config's folder.
    fn relative(&self, path: &Path) -> PathBuf {
        let folder = self.path.parent().unwrap_or(Path::new(""));
        folder.join(path)
    }

    /// The rules of the folder the config's `rules` key names, if it names one.
    fn rules(&self) -> Option<Result<Vec<Rule>, String>> {
        let dir = self.config.rules.as_ref()?;
        Some(
            load_rules(Some(&self.relative(dir)))
                .map_err(|e| format!("{}: rules: {e}", self.path.display())),
        )
    }

    /// Every rule id that `select` and `[severity]` name must be a loaded rule (or, for
    /// `[severity]`, a pseudo-rule): a misspelt id would otherwise be ignored in silence.
    fn check_rule_ids(&self, loaded: &[Rule]) -> Result<(), String> {
        let is_loaded = |id: &str| loaded.iter().any(|rule| rule.id == id);
        let known = || {
            loaded
                .iter()
                .map(|rule| rule.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(unknown) = self
            .config
            .select
            .iter()
            .find(|id| !is_loaded(id.get_ref()))
        {
            return Err(self.error(
                Some(unknown.span()),
                &format!(
                    "select: no rule {:?} (loaded: {})",
                    unknown.get_ref(),
                    known()
                ),
            ));
        }
        let unknown = self.config.severity.keys().find(|id| {
            let id = id.get_ref().as_str();
            !is_loaded(id) && !PSEUDO_RULES.contains(&id)
        });
        if let Some(unknown) = unknown {
            return Err(self.error(
                Some(unknown.span()),
                &format!(
                    "[severity]: no rule {:?} (loaded: {}; also accepted: {})",
                    unknown.get_ref(),
                    known(),
                    PSEUDO_RULES.join(", ")
                ),
            ));
        }
        Ok(())
    }
}

/// `include` / `exclude`: glob patterns, checked where they are written.
fn globs<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let patterns = Vec::<String>::deserialize(deserializer)?;
    walk::glob_set(&patterns).map_err(D::Error::custom)?;
    Ok(patterns)
}

/// `baseline` / `rules`: a non-empty path.
fn path<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<PathBuf>, D::Error> {
    let path = PathBuf::deserialize(deserializer)?;
    if path.as_os_str().is_empty() {
        return Err(D::Error::custom("empty path; name a file or folder"));
    }
    Ok(Some(path))
}

/// `format`: a name `--format` accepts.
fn format<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Format>, D::Error> {
    let name = String::deserialize(deserializer)?;
    Format::from_str(&name, false).map(Some).map_err(|_| {
        D::Error::custom(format!(
            "unknown format {name:?}, expected one of {}",
            Format::names()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::{Cli, Command};
    use clap::Parser;

    /// The scan options of `kspay-migrate check ARGS...`.
    fn check_args(args: &[&str]) -> ScanArgs {
        let cli = Cli::parse_from(["kspay-migrate", "check"].iter().chain(args));
        match cli.command {
            Command::Check(check) => check.scan,
            _ => unreachable!("parsed a check command"),
        }
    }

    /// A shop tree: `site/kspay-migrate.toml` holding `config`, and `site/shop/pay/`.
    fn site(config: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let temp = tempfile::tempdir().unwrap();
        let site = temp.path().join("site");
        let pay = site.join("shop/pay");
        std::fs::create_dir_all(&pay).unwrap();
        std::fs::write(site.join(FILE_NAME), config).unwrap();
        (temp, site, pay)
    }

    #[test]
    fn baseline_is_taken_from_the_config_folder_wherever_the_run_starts() {
        let (_temp, site, pay) = site("baseline = \"ci/kspay-baseline.json\"\n");
        let settings = Merged::resolve_from(&check_args(&[]), &pay).unwrap();
        assert_eq!(settings.config, Some(site.join(FILE_NAME)));
        assert_eq!(settings.baseline, Some(site.join("ci/kspay-baseline.json")));
        // `--config` names the file relative to where the run started; the baseline still
        // follows the file.
        let config = site.join(FILE_NAME);
        let settings =
            Merged::resolve_from(&check_args(&["--config", config.to_str().unwrap()]), &pay)
                .unwrap();
        assert_eq!(settings.baseline, Some(site.join("ci/kspay-baseline.json")));
    }

    #[test]
    fn isolated_runs_take_nothing_from_the_config() {
        let (_temp, _site, pay) =
            site("baseline = \"b.json\"\nformat = \"json\"\nexclude = [\"**/old/**\"]\n");
        let settings = Merged::resolve_from(&check_args(&["--isolated"]), &pay).unwrap();
        assert_eq!(settings.config, None);
        assert_eq!(settings.baseline, None);
        assert_eq!(settings.format, Format::Text);
        assert!(settings.exclude.is_empty());
    }

    #[test]
    fn options_replace_config_keys() {
        let (_temp, _site, pay) = site(
            "format = \"json\"\ninclude = [\"*.asp\"]\nexclude = [\"**/old/**\"]\n\
             [severity]\njeju-mpi-to-isp = \"warning\"\n",
        );
        let settings = Merged::resolve_from(&check_args(&[]), &pay).unwrap();
        assert_eq!(settings.format, Format::Json);
        assert_eq!(settings.include, ["*.asp"]);
        assert_eq!(settings.exclude, ["**/old/**"]);
        assert_eq!(
            settings.severity.get("jeju-mpi-to-isp"),
            Some(&Severity::Warning)
        );
        let args = check_args(&[
            "--format",
            "text",
            "--exclude",
            "*.bak",
            "--include",
            "*.php",
        ]);
        let settings = Merged::resolve_from(&args, &pay).unwrap();
        assert_eq!(settings.format, Format::Text);
        assert_eq!(settings.include, ["*.php"]);
        assert_eq!(settings.exclude, ["*.bak"]);
    }

    #[test]
    fn no_config_means_defaults() {
        let temp = tempfile::tempdir().unwrap();
        // Nothing above a fresh temporary folder is expected to hold a config file; if one
        // does, this test says so rather than passing by luck.
        if let Some(found) = discover(temp.path()).unwrap() {
            panic!("a stray {} above the temp folder", found.path.display());
        }
        let settings = Merged::resolve_from(&check_args(&[]), temp.path()).unwrap();
        assert_eq!(settings.config, None);
        assert_eq!(settings.format, Format::Text);
        assert_eq!(settings.rules.len(), rules::embedded().unwrap().len());
    }

    #[test]
    fn errors_name_the_file_line_and_problem() {
        let error = |config: &str| {
            let (_temp, site, pay) = site(config);
            let message = Merged::resolve_from(&check_args(&[]), &pay).unwrap_err();
            let prefix = format!("{}:", site.join(FILE_NAME).display());
            message
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{message:?} does not start with {prefix:?}"))
                .to_string()
        };
        let unknown = error("format = \"json\"\ncolour = \"never\"\n");
        assert!(
            unknown.starts_with("2:1: unknown field `colour`"),
            "{unknown}"
        );
        let bad_type = error("select = \"jeju-mpi-to-isp\"\n");
        assert!(
            bad_type.starts_with("1:10: invalid type: string"),
            "{bad_type}"
        );
        let bad_format = error("\nformat = \"xml\"\n");
        assert!(
            bad_format.starts_with("2:10: unknown format \"xml\", expected one of text, json"),
            "{bad_format}"
        );
        let bad_glob = error("exclude = [\"old/[\"]\n");
        assert!(bad_glob.contains("bad glob \"old/[\""), "{bad_glob}");
        let bad_severity = error("[severity]\njeju-mpi-to-isp = \"fatal\"\n");
        assert!(
            bad_severity.starts_with("2:19: unknown variant `fatal`"),
            "{bad_severity}"
        );
        let unknown_rule = error("[severity]\njeju-mpi = \"warning\"\n");
        assert!(
            unknown_rule.starts_with("2:1: [severity]: no rule \"jeju-mpi\""),
            "{unknown_rule}"
        );
        let missing_rules = error("rules = \"kspay-rules\"\n");
        assert!(
            missing_rules.starts_with(" rules: ") && missing_rules.contains("kspay-rules"),
            "{missing_rules}"
        );
        let unknown_select = error("select = [\"jeju-mpi-to-isp\", \"jeju\"]\n");
        assert!(
            unknown_select.starts_with("1:30: select: no rule \"jeju\""),
            "{unknown_select}"
        );
    }

    #[test]
    fn the_unused_suppression_pseudo_rule_may_be_given_a_severity() {
        let (_temp, _site, pay) = site("[severity]\nunused-suppression = \"error\"\n");
        let settings = Merged::resolve_from(&check_args(&[]), &pay).unwrap();
        assert_eq!(
            settings
                .severity
                .get(crate::diagnostics::UNUSED_SUPPRESSION_ID),
            Some(&Severity::Error)
        );
    }

    #[test]
    fn a_missing_config_file_is_named() {
        let temp = tempfile::tempdir().unwrap();
        let missing = temp.path().join("ci/kspay.toml");
        let args = check_args(&["--config", missing.to_str().unwrap()]);
        let message = Merged::resolve_from(&args, temp.path()).unwrap_err();
        assert!(
            message.starts_with(&format!("cannot read config file {}", missing.display())),
            "{message}"
        );
    }
}
