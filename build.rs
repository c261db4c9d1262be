//! Embeds every `rules/*.toml` file into the binary, so a new rule needs no code change.

use std::{env, fs, path::Path};

fn main() {
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", rules_dir.display());

    let mut files: Vec<_> = fs::read_dir(&rules_dir)
        .expect("rules/ must exist next to Cargo.toml")
        .map(|entry| entry.expect("readable rules/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();

    let mut generated = String::from("&[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        generated.push_str(&format!(
            "    ({name:?}, include_str!({path:?})),\n",
            path = path.display().to_string()
        ));
    }
    generated.push(']');

    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_rules.rs");
    fs::write(out, generated).expect("write embedded_rules.rs");
}
