//! `kairos doctor` on healthy and broken installations: each problem is named with its fix,
//! and the exit status says whether something failed.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::backup::{kairos_cli, run};
use crate::support::*;

fn doctor(data: &Path) -> (bool, String) {
    run(kairos_cli(data).arg("doctor"))
}

fn line<'a>(out: &'a str, check: &str) -> &'a str {
    out.lines()
        .find(|l| l.get(6..).is_some_and(|rest| rest.starts_with(check)))
        .unwrap_or_default()
}

#[test]
fn a_healthy_instance_passes_every_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let (ok, out) = doctor(&data);
    assert!(ok, "{out}");
    for check in [
        "config",
        "data dir",
        "key file",
        "database",
        "audit log",
        "migrations",
        "disk",
        "clock",
        "calendars",
    ] {
        assert!(line(&out, check).starts_with("ok "), "{check}: {out}");
    }
    assert!(line(&out, "smtp").starts_with("skip"), "{out}");
    assert!(line(&out, "database").contains("integrity_check"), "{out}");
    assert!(out.contains("0 failed"), "{out}");
}

#[test]
fn an_exposed_key_fails_with_the_chmod_that_fixes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let key = data.join("kairos.key");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let (ok, out) = doctor(&data);
    assert!(!ok, "a failure makes the exit status non-zero: {out}");
    assert!(line(&out, "key file").starts_with("FAIL"), "{out}");
    assert!(
        out.contains(&format!("fix: chmod 600 {}", key.display())),
        "{out}"
    );

    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    std::fs::remove_file(&key).expect("remove key");
    let (ok, out) = doctor(&data);
    assert!(!ok);
    assert!(line(&out, "key file").contains("is missing"), "{out}");
}

#[test]
fn a_damaged_database_fails_and_points_at_the_newest_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let (ok, out) = run(kairos_cli(&data).arg("backup"));
    assert!(ok, "{out}");
    let database = data.join("kairos.db");
    let mut bytes = std::fs::read(&database).expect("read");
    for byte in &mut bytes[4096 + 100..3 * 4096] {
        *byte = 0x5A;
    }
    std::fs::write(&database, &bytes).expect("write");
    let (ok, out) = doctor(&data);
    assert!(!ok, "{out}");
    assert!(line(&out, "database").starts_with("FAIL"), "{out}");
    assert!(out.contains("fix: stop the server and restore"), "{out}");
    assert!(
        out.contains("kairos-backup-"),
        "names the newest backup: {out}"
    );
}

#[test]
fn pending_migrations_warn_and_a_clock_behind_the_data_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let conn = open_database(&data.join("kairos.db"), &data);
    conn.execute("DELETE FROM refinery_schema_history", [])
        .expect("pretend nothing was migrated");
    drop(conn);
    let (ok, out) = doctor(&data);
    assert!(ok, "a warning alone keeps the exit status zero: {out}");
    assert!(line(&out, "migrations").starts_with("WARN"), "{out}");
    assert!(line(&out, "migrations").contains("V1 initial"), "{out}");
    assert!(out.contains("kairos migrate"), "{out}");

    let conn = open_database(&data.join("kairos.db"), &data);
    conn.execute(
        "UPDATE settings SET updated_at = strftime('%s', 'now') + 30 * 86400",
        [],
    )
    .expect("a write stamped a month from now");
    drop(conn);
    let (ok, out) = doctor(&data);
    assert!(!ok, "{out}");
    assert!(line(&out, "clock").starts_with("FAIL"), "{out}");
    assert!(out.contains("timedatectl"), "{out}");
}

#[test]
fn a_bad_config_is_a_finding_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("kairos.toml");
    std::fs::write(&config, "backup_keep = 0\n").expect("write");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kairos"))
        .args(["doctor", "--config"])
        .arg(&config)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success());
    assert!(line(&out, "config").starts_with("FAIL"), "{out}");
    assert!(out.contains("backup_keep"), "{out}");
    assert!(out.contains("fix:"), "{out}");
}

#[test]
fn a_calendar_account_whose_last_sync_failed_is_named_with_its_owner() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let conn = open_database(&data.join("kairos.db"), &data);
    let owner = kairos::db::users::by_email(&conn, OWNER_EMAIL)
        .expect("read")
        .expect("the owner")
        .id;
    let account = |url: &str| {
        kairos::db::calendars::insert_account(
            &conn,
            owner,
            kairos::db::calendars::Provider::Ics,
            url,
            "",
            b"sealed",
            t0(),
        )
        .expect("account stored")
    };
    let healthy = account("calendar.example.org");
    kairos::db::calendars::record_success(&conn, healthy, t0(), t0()).expect("success");
    drop(conn);
    let (ok, out) = doctor(&data);
    assert!(ok, "{out}");
    assert!(line(&out, "calendars").starts_with("ok "), "{out}");
    assert!(line(&out, "calendars").contains("syncs (1)"), "{out}");

    let conn = open_database(&data.join("kairos.db"), &data);
    let failing = {
        let id = kairos::db::calendars::insert_account(
            &conn,
            owner,
            kairos::db::calendars::Provider::Ics,
            "feeds.example.net",
            "",
            b"sealed",
            t0(),
        )
        .expect("account stored");
        kairos::db::calendars::record_failure(&conn, id, "the feed is no longer there (404)", t0())
            .expect("failure");
        id
    };
    drop(conn);
    let (ok, out) = doctor(&data);
    assert!(ok, "a failing calendar is a warning, not a failure: {out}");
    let found = line(&out, "calendars");
    assert!(found.starts_with("WARN"), "{out}");
    for expected in [
        format!("account {failing} of {OWNER_EMAIL}"),
        "feeds.example.net".to_string(),
        "the feed is no longer there (404)".to_string(),
        "1 of 2".to_string(),
    ] {
        assert!(found.contains(&expected), "{expected}: {out}");
    }
    assert!(!found.contains("calendar.example.org"), "{out}");
    assert!(
        out.contains("Calendar sync"),
        "the fix says where to look: {out}"
    );
}
