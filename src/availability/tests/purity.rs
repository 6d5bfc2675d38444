//! The engine stays pure: no clock, no I/O, no database, web or async runtime.

use std::path::Path;

#[test]
fn the_engine_imports_no_clock_io_db_or_runtime() {
    // `file!()` is this file's path as the compiler saw it; the engine is one level up.
    let dir = Path::new(file!())
        .parent()
        .and_then(Path::parent)
        .expect("src/availability");
    let forbidden = [
        "Utc::now",
        "Local::",
        "Local,",
        "Local}",
        "SystemTime",
        "Instant::now",
        "tokio",
        "rusqlite",
        "crate::db",
        "crate::web",
        "crate::clock",
        "std::fs",
        "std::net",
        "std::env",
        "std::io",
        "std::thread",
    ];
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("readable module directory") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("readable source");
        for word in forbidden {
            assert!(!source.contains(word), "{} mentions {word}", path.display());
        }
        checked += 1;
    }
    assert!(
        checked >= 10,
        "only {checked} engine files found in {}",
        dir.display()
    );
}
