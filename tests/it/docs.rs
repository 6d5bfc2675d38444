//! SECURITY.md names, for each safeguard, the test that proves it: every test it names
//! must exist, so the document cannot drift from the suite.

use std::path::Path;

#[test]
fn every_test_security_md_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let document = std::fs::read_to_string(root.join("SECURITY.md")).expect("SECURITY.md");
    let mut named = 0;
    let mut missing = Vec::new();
    for quoted in document.split('`').skip(1).step_by(2) {
        let Some((module, test)) = quoted.split_once("::") else {
            continue;
        };
        let file = root.join("tests/it").join(format!("{module}.rs"));
        if !file.is_file() || test.is_empty() {
            continue;
        }
        named += 1;
        let source = std::fs::read_to_string(&file).expect("test module");
        if !source.contains(&format!("fn {test}(")) {
            missing.push(quoted.to_string());
        }
    }
    assert!(named >= 30, "SECURITY.md names only {named} tests");
    assert!(
        missing.is_empty(),
        "SECURITY.md names tests that do not exist: {missing:?}"
    );
}
