//! The layers stay layered: web → services → integrations → model/db → availability. A
//! lower layer never names a module above it, in code or in its documentation, so the
//! import graph between the layers has no cycle.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The crate's top-level modules each layer may name besides its own. A module not listed
/// here is outside the checked layers (operations, the server's wiring, the command line).
const RULES: &[(&str, &[&str])] = &[
    // The pure engine names nothing (see its own purity test for clocks and I/O).
    ("availability", &[]),
    // Languages and message catalogues: a leaf every layer may name.
    ("i18n", &[]),
    // Plain entities and their validation: the engine's types, pure helpers, and the ids
    // of the messages that say why a field was refused.
    ("model", &["availability", "crypto", "i18n"]),
    // Every SQL statement: the entities it stores, and the instance key for sealed columns.
    ("db", &["model", "availability", "crypto", "i18n"]),
    // Dates, times and durations for people.
    ("present", &["model", "availability", "i18n"]),
];

/// Modules that must not name the ones listed with them: services never name the web
/// layer or the wiring above them, the booking service names no integration (they follow
/// its outbox), integrations never name the web layer, and the job runtime and the
/// outbound guard serve every layer without naming one.
const NEVER: &[(&str, &[&str])] = &[
    ("booking", &["integrations", "web", "app", "cli"]),
    ("scheduling", &["web", "app", "cli"]),
    ("integrations", &["web", "app", "cli"]),
    ("access", &["integrations", "web", "app", "cli"]),
    ("accounts", &["web", "app", "cli"]),
    ("auth", &["web", "app", "cli"]),
    ("audit", &["web", "app", "cli"]),
    ("jobs", &["integrations", "web", "app", "cli"]),
    ("outbound", &["integrations", "web", "app", "cli"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `.rs` files of a top-level module: `src/{name}.rs` and everything in `src/{name}/`.
fn files_of(module: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let single = src().join(format!("{module}.rs"));
    if single.is_file() {
        files.push(single);
    }
    let mut dirs = vec![src().join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

/// The top-level modules a source file names: `crate::name` anywhere (imports, paths,
/// doc links), and every name inside a grouped `crate::{…}` import.
fn named_modules(source: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in source.match_indices("crate::") {
        let rest = &source[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for part in group.split(',') {
                let name = part.trim().split("::").next().unwrap_or("").trim();
                if !name.is_empty() {
                    names.insert(name.to_string());
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

#[test]
fn lower_layers_name_nothing_above_them() {
    let mut problems = Vec::new();
    for (layer, allowed) in RULES {
        let files = files_of(layer);
        assert!(!files.is_empty(), "no files found for layer {layer}");
        // The engine's purity test lists the paths it forbids, as text.
        for file in files
            .into_iter()
            .filter(|f| !f.ends_with("tests/purity.rs"))
        {
            let source = std::fs::read_to_string(&file).expect("readable source");
            for name in named_modules(&source) {
                if name != *layer && !allowed.contains(&name.as_str()) {
                    problems.push(format!("{} names crate::{name}", file.display()));
                }
            }
        }
    }
    for (module, forbidden) in NEVER {
        let files = files_of(module);
        assert!(!files.is_empty(), "no files found for module {module}");
        for file in files {
            let source = std::fs::read_to_string(&file).expect("readable source");
            for name in named_modules(&source) {
                if forbidden.contains(&name.as_str()) {
                    problems.push(format!("{} names crate::{name}", file.display()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layering broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_reader_sees_grouped_imports_and_doc_links() {
    let names = named_modules(
        "use crate::{db::users, web};\n/// See [`crate::audit::record`].\nuse crate::model::time;",
    );
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(names, ["audit", "db", "model", "web"]);
}
