//! The pre-commit hook definition stays in step with the tool: it hands pre-commit the same
//! files the tool scans in a folder walk, and its entry runs as pre-commit runs it (the staged
//! files appended to the command).

mod common;
use common::{root, tool};

use kspay_migrate::source::walk::TEMPLATE_EXTENSIONS;

/// The value of a `key: value` line of the hook definition, quotes removed.
fn hook_field(key: &str) -> String {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let prefix = format!("{key}:");
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no {key} in .pre-commit-hooks.yaml"));
    line[prefix.len()..].trim().trim_matches('\'').to_string()
}

#[test]
fn the_hook_passes_the_files_a_walk_scans() {
    let files = regex::Regex::new(&hook_field("files")).unwrap();
    for extension in TEMPLATE_EXTENSIONS {
        for name in [
            format!("shop/pay/KSPayForm.{extension}"),
            format!("SHOP/PAY.{}", extension.to_uppercase()),
        ] {
            assert!(files.is_match(&name), "{name} would not be checked");
        }
    }
    for other in ["logo.gif", "pay.php.orig", "notes.txt", "KSPayForm.aspx.cs"] {
        assert!(!files.is_match(other), "{other} would be checked");
    }
}

#[test]
fn the_hook_entry_checks_the_staged_pages_it_is_given() {
    let entry = hook_field("entry");
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("kspay-migrate"));
    let args: Vec<&str> = words.collect();
    tool()
        .current_dir(root())
        .args(&args)
        .args([
            "samples/php-shop/pay/KSPayForm.php",
            "samples/php-shop/pay/KSPayCreditPost.php",
        ])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "samples/php-shop/pay/KSPayForm.php:81:51",
        ));
    tool()
        .current_dir(root())
        .args(&args)
        .arg("samples/php-shop/pay/KSPayCreditPost.php")
        .assert()
        .code(0);
}
