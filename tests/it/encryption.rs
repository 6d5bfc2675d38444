//! Encryption at rest: the database, its write-ahead log and every backup are unreadable
//! without the instance key; a missing or foreign key is a clear error, never a new empty
//! instance; a database from before encryption is encrypted in place at startup.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use rusqlite::Connection;
use serde_json::json;

use crate::api::{booking, clinic};
use crate::backup::{kairos_cli, run};
use crate::support::*;

const ATTENDEE: &str = "wilhelmina.quist@patients.example";

/// A clinic whose owner has a booking with [`ATTENDEE`]; returns the booking's uid.
async fn clinic_with_a_booking() -> (TestServer, String) {
    let (server, api, id) = clinic(json!({})).await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-30T07:00:00Z", ATTENDEE),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    (server, uid)
}

fn contains(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    bytes
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

fn header_is_plain(path: &Path) -> bool {
    std::fs::read(path)
        .map(|bytes| bytes.starts_with(b"SQLite format 3\0"))
        .unwrap_or(false)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

fn attendees(path: &Path, data: &Path) -> Vec<String> {
    open_database(path, data)
        .prepare("SELECT attendee_email FROM bookings ORDER BY id")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
        .expect("attendees")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_booked_email_is_nowhere_in_the_database_its_log_or_any_backup() {
    let (server, _) = clinic_with_a_booking().await;
    let data = server.data_dir();

    // While the server runs, the booking sits in the write-ahead log.
    let database = data.join("kairos.db");
    let wal = data.join("kairos.db-wal");
    assert!(
        std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) > 0,
        "the log holds the latest writes"
    );
    assert_eq!(attendees(&database, &data), [ATTENDEE], "the key reads it");
    let (ok, out) = run(kairos_cli(&data).arg("backup"));
    assert!(ok, "{out}");
    let outside = server.dir.path().join("elsewhere.db");
    let (ok, out) = run(kairos_cli(&data)
        .arg("backup")
        .arg("--output")
        .arg(&outside));
    assert!(ok, "{out}");
    for file in [&database, &wal] {
        assert!(!header_is_plain(file), "{}", file.display());
        assert!(!contains(file, ATTENDEE), "{} leaks", file.display());
        assert!(!contains(file, "Pat Patient"), "{} leaks", file.display());
    }
    let _first = server.stop_keeping_dir().await;

    // A scheduled backup. (The copy written before a migration is checked next to the
    // migration runner, in db::tests.)
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("data");
    std::fs::create_dir_all(&copy).expect("data dir");
    for name in ["kairos.db", "kairos.key"] {
        std::fs::copy(data.join(name), copy.join(name)).expect("copy");
    }
    let clock = std::sync::Arc::new(kairos::clock::FixedClock::new(t0()));
    let server = TestServer::start_with(dir, clock.clone(), "backup_interval_hours = 1\n").await;
    clock.advance(chrono::Duration::hours(1));
    let scheduler = server
        .running
        .as_ref()
        .and_then(|r| r.backups.as_ref())
        .expect("backups are scheduled");
    scheduler.wake();
    let backups = copy.join("backups");
    let deadline = Instant::now() + Duration::from_secs(10);
    let has = |prefix: &str| {
        files_in(&backups).iter().any(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
    };
    while !has("kairos-auto-") {
        assert!(Instant::now() < deadline, "{:?}", files_in(&backups));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _second = server.stop_keeping_dir().await;

    let mut every_backup = files_in(&data.join("backups"));
    every_backup.extend(files_in(&backups));
    every_backup.push(outside);
    assert_eq!(every_backup.len(), 3, "{every_backup:?}");
    for backup in &every_backup {
        assert!(!header_is_plain(backup), "{}", backup.display());
        assert!(!contains(backup, ATTENDEE), "{} leaks", backup.display());
        let key_of = if backup.starts_with(&copy) {
            &copy
        } else {
            &data
        };
        assert_eq!(
            attendees(backup, key_of),
            [ATTENDEE],
            "{}",
            backup.display()
        );
    }
}

#[test]
fn a_missing_or_foreign_key_is_a_clear_error_and_never_a_new_instance() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let database = data.join("kairos.db");
    let key = data.join("kairos.key");
    let original_key = std::fs::read(&key).expect("key");
    let before = std::fs::read(&database).expect("database");

    std::fs::remove_file(&key).expect("remove key");
    for command in [&["audit", "verify"][..], &["migrate"], &["backup"]] {
        let (ok, out) = run(kairos_cli(&data).args(command));
        assert!(!ok, "{command:?}: {out}");
        assert!(
            out.contains(&key.display().to_string()),
            "{command:?}: {out}"
        );
        assert!(out.contains("is missing"), "{command:?}: {out}");
        assert!(!out.contains("panicked"), "{out}");
    }
    assert!(!key.exists(), "no new key was made");
    assert!(
        std::fs::read(&database).expect("database") == before,
        "the database was not touched"
    );

    let other = dir.path().join("other");
    create_owner(&other);
    std::fs::copy(other.join("kairos.key"), &key).expect("a foreign key");
    for command in [
        &["audit", "verify"][..],
        &["migrate"],
        &["migrate", "--check"],
    ] {
        let (ok, out) = run(kairos_cli(&data).args(command));
        assert!(!ok, "{command:?}: {out}");
        assert!(out.contains("cannot be decrypted"), "{command:?}: {out}");
        assert!(
            out.contains(&key.display().to_string()),
            "{command:?}: {out}"
        );
        assert!(
            out.contains("Put back the kairos.key"),
            "{command:?}: {out}"
        );
        assert!(!out.contains("panicked"), "{out}");
    }
    let (ok, out) = run(kairos_cli(&data).arg("doctor"));
    assert!(!ok, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("FAIL") && l.contains("encryption")),
        "{out}"
    );
    assert_eq!(
        std::fs::read(&key).expect("key"),
        std::fs::read(other.join("kairos.key")).expect("key"),
        "the key file was left as it was"
    );

    std::fs::write(&key, &original_key).expect("the right key again");
    let (ok, out) = run(kairos_cli(&data).args(["audit", "verify"]));
    assert!(ok, "{out}");
    let owners: Vec<String> = open_database(&database, &data)
        .prepare("SELECT email FROM users")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
        .expect("users");
    assert_eq!(owners, [OWNER_EMAIL], "the instance is the one it was");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreign_key_stops_the_server_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let other = dir.path().join("other");
    create_owner(&other);
    std::fs::copy(other.join("kairos.key"), data.join("kairos.key")).expect("a foreign key");
    let config = config_for(&data);
    let clock = std::sync::Arc::new(kairos::clock::FixedClock::new(t0()));
    let err = match kairos::app::start(config, clock).await {
        Ok(_) => panic!("the server must not start with a foreign key"),
        Err(err) => format!("{err:#}"),
    };
    assert!(err.contains("cannot be decrypted"), "{err}");
    assert!(err.contains("kairos.key"), "{err}");
}

/// Writes the database of the instance in `data` to `target` unencrypted, as a Kairos
/// without encryption would have it.
fn export_unencrypted(data: &Path, target: &Path) {
    let conn = open_database(&data.join("kairos.db"), data);
    conn.execute(
        "ATTACH DATABASE ?1 AS plaintext KEY ''",
        [target.to_str().expect("utf-8")],
    )
    .expect("attach");
    conn.query_row("SELECT sqlcipher_export('plaintext')", [], |_| Ok(()))
        .expect("export");
    conn.execute_batch("DETACH DATABASE plaintext")
        .expect("detach");
}

/// Turns the encrypted database of `data` into what a Kairos without encryption left
/// behind: an unencrypted file in WAL mode whose latest write is still in its log.
fn make_unencrypted(data: &Path) {
    let database = data.join("kairos.db");
    let plain = data.join("plain.db");
    export_unencrypted(data, &plain);
    let old = Connection::open(&plain).expect("unencrypted");
    let mode: String = old
        .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
        .expect("wal");
    assert_eq!(mode, "wal");
    old.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES ('written_last', 'in the log', 0)",
        [],
    )
    .expect("a write that stays in the log");
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(data.join(format!("kairos.db{suffix}")));
    }
    std::fs::copy(&plain, &database).expect("database");
    std::fs::copy(data.join("plain.db-wal"), data.join("kairos.db-wal")).expect("log");
    drop(old);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(data.join(format!("plain.db{suffix}")));
    }
    assert!(header_is_plain(&database));
    assert!(contains(&database, OWNER_EMAIL), "the old file is readable");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unencrypted_database_is_encrypted_in_place_at_startup() {
    let (server, uid) = clinic_with_a_booking().await;
    let data = server.data_dir();
    let clock = server.clock.clone();
    let dir = server.stop_keeping_dir().await;
    make_unencrypted(&data);
    // A backup taken by that older Kairos: the same data, unencrypted.
    let backups = data.join("backups");
    std::fs::create_dir_all(&backups).expect("backups");
    let old_backup = backups.join("kairos-backup-20260301T000000Z.db");
    Connection::open(data.join("kairos.db"))
        .and_then(|c| c.execute("VACUUM INTO ?1", [old_backup.to_str().expect("utf-8")]))
        .expect("old backup");
    assert!(contains(&old_backup, ATTENDEE));

    let (ok, out) = run(kairos_cli(&data).arg("doctor"));
    assert!(
        out.lines()
            .any(|l| l.starts_with("WARN") && l.contains("is not encrypted")),
        "{ok} {out}"
    );

    let server = TestServer::start_in(dir, clock).await;
    let (status, shown) = server
        .api()
        .await
        .get(&format!("/api/v1/bookings/{uid}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{shown}");
    assert_eq!(shown["data"]["attendee"]["email"], ATTENDEE);
    let _dir = server.stop_keeping_dir().await;

    let database = data.join("kairos.db");
    assert!(!header_is_plain(&database));
    let safety: Vec<PathBuf> = files_in(&backups)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("kairos-before-encryption-"))
        })
        .collect();
    assert_eq!(safety.len(), 1, "{:?}", files_in(&backups));
    for file in [&database, &safety[0], &old_backup] {
        assert!(!header_is_plain(file), "{}", file.display());
        assert!(!contains(file, ATTENDEE), "{} leaks", file.display());
        assert_eq!(attendees(file, &data), [ATTENDEE], "{}", file.display());
        let last: String = open_database(file, &data)
            .query_row(
                "SELECT value FROM settings WHERE key = 'written_last'",
                [],
                |row| row.get(0),
            )
            .expect("the write from the log came along");
        assert_eq!(last, "in the log");
    }
    let leftovers: Vec<PathBuf> = files_in(&data)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("encrypting"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let (ok, out) = run(kairos_cli(&data).arg("doctor"));
    assert!(ok, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("ok") && l.contains("encryption")),
        "{out}"
    );
}

#[test]
fn an_unencrypted_database_in_use_by_another_process_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    make_unencrypted(&data);
    let database = data.join("kairos.db");
    let before = std::fs::read(&database).expect("database");
    // Another process (an older server, say) holds the data directory.
    let mut holder = std::process::Command::new("flock")
        .arg("--no-fork")
        .arg(data.join("kairos.lock"))
        .args(["sleep", "30"])
        .spawn()
        .expect("flock runs");
    let deadline = Instant::now() + Duration::from_secs(5);
    while !kairos::data_lock::DataDirLock::is_held(&data) {
        assert!(Instant::now() < deadline, "the lock was not taken");
        std::thread::sleep(Duration::from_millis(20));
    }
    let (ok, out) = run(kairos_cli(&data).args(["audit", "verify"]));
    let _ = holder.kill();
    let _ = holder.wait();
    assert!(!ok, "{out}");
    assert!(out.contains("in use by a running kairos process"), "{out}");
    assert!(
        std::fs::read(&database).expect("database") == before,
        "the database was not touched"
    );

    let (ok, out) = run(kairos_cli(&data).args(["audit", "verify"]));
    assert!(
        ok,
        "once the directory is free it is encrypted and verified: {out}"
    );
    assert!(!header_is_plain(&database));
}

#[test]
fn a_backup_from_before_encryption_restores_encrypted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let plain_backup = dir.path().join("old.db");
    export_unencrypted(&data, &plain_backup);
    assert!(header_is_plain(&plain_backup));
    assert!(contains(&plain_backup, OWNER_EMAIL));

    let (ok, out) = run(kairos_cli(&data).arg("restore").arg(&plain_backup));
    assert!(ok, "{out}");
    let database = data.join("kairos.db");
    assert!(!header_is_plain(&database));
    assert!(!contains(&database, OWNER_EMAIL));
    let (ok, out) = run(kairos_cli(&data).args(["audit", "verify"]));
    assert!(ok, "the restored database opens with the key: {out}");
}
