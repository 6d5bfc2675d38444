//! Backups and restores as an admin runs them: `kairos backup` while the real server
//! serves, `kairos restore` refused under a running server and accepted after it stops,
//! and bad files refused without touching the database.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use kairos::app;
use kairos::clock::{Clock, FixedClock};
use kairos::config::{Config, Flags};
use reqwest::StatusCode;
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::support::*;

const SECOND_ADMIN: &str = "second@clinic.example";
const SECOND_PASSWORD: &str = "cedar-lantern-meadow-5";

/// The `kairos` binary on a data directory, with an empty config file and no `KAIROS_*`
/// variables from the environment.
pub fn kairos_cli(data_dir: &Path) -> Command {
    let config = data_dir.with_extension("ops.toml");
    if !config.exists() {
        std::fs::write(&config, "").expect("write config");
    }
    let mut command = Command::new(env!("CARGO_BIN_EXE_kairos"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--config")
        .arg(&config)
        .stdin(Stdio::null());
    for (name, _) in std::env::vars() {
        if name.starts_with("KAIROS_")
            || name == "RUST_LOG"
            || name == "NOTIFY_SOCKET"
            || name.starts_with("WATCHDOG_")
        {
            command.env_remove(name);
        }
    }
    command
}

pub fn output_text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Runs the binary and returns whether it succeeded and everything it printed.
pub fn run(command: &mut Command) -> (bool, String) {
    let output = command.output().expect("kairos runs");
    (output.status.success(), output_text(&output))
}

fn admin_create(data: &Path, email: &str, name: &str, password: &str) {
    let mut child = kairos_cli(data)
        .args(["admin", "create", "--email", email, "--name", name])
        .arg("--password-stdin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{password}\n").as_bytes())
        .expect("password written");
    let output = child.wait_with_output().expect("finishes");
    assert!(output.status.success(), "{}", output_text(&output));
}

/// Every row of every table, as text, sorted: two databases with the same dump hold the
/// same data. New tables (bookings, jobs, …) are covered without changing this. `data` is
/// the data directory of the instance whose key encrypts the file.
pub fn dump(path: &Path, data: &Path) -> Vec<String> {
    let conn = open_database(path, data);
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    let mut rows = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("select");
        let columns = stmt.column_count();
        let mut table_rows: Vec<String> = stmt
            .query_map([], |row| {
                let values: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get::<_, Value>(i).unwrap_or(Value::Null)))
                    .collect();
                Ok(format!("{table}: {}", values.join(" | ")))
            })
            .and_then(|rows| rows.collect())
            .expect("rows");
        table_rows.sort();
        rows.extend(table_rows);
    }
    rows
}

/// The dump of a database a restore put back, without the audit row in which the
/// restore recorded itself, and that row: the rest must be the backup's dump.
pub fn dump_after_restore(path: &Path, data: &Path) -> (Vec<String>, Vec<String>) {
    dump(path, data).into_iter().partition(|row| {
        !(row.starts_with("audit_log: ") && row.contains("Text(\"database_restored\")"))
    })
}

fn users_in(path: &Path, data: &Path) -> Vec<String> {
    let conn = open_database(path, data);
    conn.prepare("SELECT email FROM users ORDER BY id")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("users")
}

/// What the drill creates before the backup. (Bookings go here once they exist: one
/// booking created through the API, and the dump comparison covers it.)
async fn state_before_backup(server: &TestServer) {
    let client = browser();
    let response = sign_in(server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // An event type and a first booking, on the owner's default working hours.
    let api = server.api().await;
    let (status, event_type) = api
        .post(
            "/api/v1/event-types",
            &serde_json::json!({ "title": "Drill", "slug": "drill", "durationsMinutes": [30] }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{event_type}");
    let (status, made) = book_next_free(server, &api, "first@example.org").await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
}

/// Books the first free slot of the drill's event type in the next two weeks.
async fn book_next_free(
    server: &TestServer,
    api: &Api,
    email: &str,
) -> (StatusCode, serde_json::Value) {
    let today = server.clock.now().date_naive();
    let (status, slots) = api
        .public_get(&format!(
            "/api/v1/slots?username=owner&eventTypeSlug=drill&start={today}&end={}&timeZone=UTC",
            today + chrono::Duration::days(14)
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{slots}");
    let start = slots["data"]
        .as_object()
        .and_then(|days| days.values().next())
        .and_then(|day| day[0]["start"].as_str())
        .expect("a free slot")
        .to_string();
    let event_type_id = {
        let (_, list) = api.get("/api/v1/event-types").await;
        list["data"][0]["id"].as_i64().expect("event type id")
    };
    api.public_post(
        "/api/v1/bookings",
        &serde_json::json!({
            "eventTypeId": event_type_id, "start": start,
            "attendee": { "name": "Drill", "email": email, "timeZone": "UTC" }
        }),
    )
    .await
}

/// What the drill changes after the backup, and the restore must undo: a second booking,
/// the first one cancelled, and a second administrator.
async fn changes_after_backup(server: &TestServer) {
    let api = server.api().await;
    let (status, made) = book_next_free(server, &api, "second@example.org").await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let (_, list) = api.get("/api/v1/bookings?status=ACCEPTED").await;
    let first = list["data"][0]["uid"]
        .as_str()
        .expect("first booking")
        .to_string();
    let (status, _) = api
        .post(
            &format!("/api/v1/bookings/{first}/cancel"),
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    admin_create(
        &server.data_dir(),
        SECOND_ADMIN,
        "Sam Second",
        SECOND_PASSWORD,
    );
    let client = browser();
    let response = sign_in(server, &client, SECOND_ADMIN, SECOND_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_drill_brings_back_exactly_the_backed_up_state() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    admin_create(&data, OWNER_EMAIL, "Olivia Owner", OWNER_PASSWORD);
    let backup_file = dir.path().join("drill-backup.db");

    let clock = Arc::new(FixedClock::new(chrono::Utc::now()));
    let server = TestServer::start_in(dir, clock.clone()).await;
    state_before_backup(&server).await;

    let (ok, out) = run(kairos_cli(&data)
        .arg("backup")
        .arg("--output")
        .arg(&backup_file));
    assert!(ok, "backup while serving: {out}");
    assert!(out.contains("backup written"), "{out}");
    assert!(out.contains("kairos.key"), "reminds to keep the key: {out}");
    let mode = std::fs::metadata(&backup_file)
        .expect("backup")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "a backup is private to its owner");
    let backed_up = dump(&backup_file, &data);
    assert_eq!(users_in(&backup_file, &data), vec![OWNER_EMAIL.to_string()]);

    changes_after_backup(&server).await;
    assert_eq!(users_in(&data.join("kairos.db"), &data).len(), 2);

    let (ok, out) = run(kairos_cli(&data).arg("restore").arg(&backup_file));
    assert!(!ok, "restore under a running server is refused");
    assert!(out.contains("in use by a running kairos process"), "{out}");
    assert!(
        out.contains(&format!("pid {}", std::process::id())),
        "{out}"
    );
    assert_eq!(
        users_in(&data.join("kairos.db"), &data).len(),
        2,
        "nothing was changed"
    );

    let dir = server.stop_keeping_dir().await;
    let (ok, out) = run(kairos_cli(&data).arg("restore").arg(&backup_file));
    assert!(ok, "restore after stopping: {out}");
    let replaced = out
        .lines()
        .find_map(|line| line.strip_prefix("the replaced database is kept as "))
        .map(PathBuf::from)
        .expect("names the replaced database");
    assert!(
        replaced
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("kairos.db.replaced-")),
        "{out}"
    );
    assert_eq!(
        users_in(&replaced, &data).len(),
        2,
        "the replaced database is kept whole"
    );
    let (restored, restore_row) = dump_after_restore(&data.join("kairos.db"), &data);
    assert_eq!(restored, backed_up, "exactly the backed-up state");
    assert_eq!(
        restore_row.len(),
        1,
        "and the restore recorded in its audit log"
    );

    let server = TestServer::start_in(dir, clock).await;
    let ready = browser()
        .get(server.url("/readyz"))
        .send()
        .await
        .expect("answers");
    assert_eq!(ready.status(), StatusCode::OK);
    let client = browser();
    let owner = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(owner.status(), StatusCode::SEE_OTHER);
    let second = sign_in(&server, &browser(), SECOND_ADMIN, SECOND_PASSWORD).await;
    assert_eq!(
        second.status(),
        StatusCode::UNAUTHORIZED,
        "the account created after the backup is gone"
    );
    let (_, bookings) = server.api().await.get("/api/v1/bookings").await;
    let statuses: Vec<(&str, &str)> = bookings["data"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|b| {
                    (
                        b["attendee"]["email"].as_str().unwrap_or_default(),
                        b["status"].as_str().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        statuses,
        [("first@example.org", "ACCEPTED")],
        "bookings as they were at the backup"
    );
    server.stop().await;
}

#[test]
fn bad_backups_are_refused_with_clear_messages_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let good = dir.path().join("good.db");
    let (ok, out) = run(kairos_cli(&data).arg("backup").arg("--output").arg(&good));
    assert!(ok, "{out}");
    let before = dump(&data.join("kairos.db"), &data);

    let (ok, out) = run(kairos_cli(&data).arg("backup").arg("--output").arg(&good));
    assert!(!ok, "an existing file is never overwritten");
    assert!(out.contains("already exists"), "{out}");

    let text_file = dir.path().join("notes.db");
    std::fs::write(
        &text_file,
        "these are not the rows you are looking for\n".repeat(200),
    )
    .expect("write");
    let damaged = dir.path().join("damaged.db");
    let mut bytes = std::fs::read(&good).expect("read");
    assert!(bytes.len() > 3 * 4096, "the backup spans several pages");
    for byte in &mut bytes[4096 + 100..3 * 4096] {
        *byte = 0xA5;
    }
    std::fs::write(&damaged, &bytes).expect("write");
    let too_new = dir.path().join("too-new.db");
    std::fs::copy(&good, &too_new).expect("copy");
    open_database(&too_new, &data)
        .execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (9999, 'future', '2030-01-01T00:00:00Z', '0')",
            [],
        )
        .expect("pretend a newer kairos wrote it");
    let foreign = dir.path().join("foreign.db");
    Connection::open(&foreign)
        .and_then(|c| c.execute_batch("CREATE TABLE songs (title TEXT);"))
        .expect("another application's database");

    let cases: [(&Path, &[&str]); 5] = [
        (
            &text_file,
            &["cannot be decrypted", "not a Kairos database backup"],
        ),
        (&damaged, &["damaged", "restore another backup"]),
        (
            &too_new,
            &["schema version 9999", "newer than this kairos binary"],
        ),
        (
            &foreign,
            &["not a Kairos database backup", "schema history"],
        ),
        (&dir.path().join("absent.db"), &["no such file"]),
    ];
    for (file, expected) in cases {
        let (ok, out) = run(kairos_cli(&data).arg("restore").arg(file));
        assert!(!ok, "{} is refused", file.display());
        for needle in expected {
            assert!(out.contains(needle), "{}: {out}", file.display());
        }
        assert_eq!(
            dump(&data.join("kairos.db"), &data),
            before,
            "nothing changed"
        );
    }
    let leftovers: Vec<String> = std::fs::read_dir(&data)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("replaced") || name.contains("restoring"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_backup_from_another_instance_needs_its_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = dir.path().join("first");
    let second = dir.path().join("second");
    create_owner(&first);
    create_owner(&second);
    let backup = dir.path().join("first.db");
    let (ok, out) = run(kairos_cli(&first)
        .arg("backup")
        .arg("--output")
        .arg(&backup));
    assert!(ok, "{out}");
    let (ok, out) = run(kairos_cli(&second).arg("restore").arg(&backup));
    assert!(!ok);
    assert!(out.contains("cannot be decrypted"), "{out}");
    assert!(out.contains("another kairos.key"), "{out}");

    let empty = dir.path().join("empty");
    let (ok, out) = run(kairos_cli(&empty).arg("restore").arg(&backup));
    assert!(!ok);
    assert!(out.contains("kairos.key"), "{out}");
    assert!(out.contains("is missing"), "{out}");

    std::fs::copy(first.join("kairos.key"), empty.join("kairos.key")).expect("copy key");
    let (ok, out) = run(kairos_cli(&empty).arg("restore").arg(&backup));
    assert!(ok, "with the key in place the restore works: {out}");
    assert!(
        !out.contains("replaced"),
        "there was nothing to replace: {out}"
    );
    assert_eq!(
        users_in(&empty.join("kairos.db"), &empty),
        vec![OWNER_EMAIL.to_string()]
    );
}

#[test]
fn backup_without_a_database_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ok, out) = run(kairos_cli(&dir.path().join("data")).arg("backup"));
    assert!(!ok);
    assert!(out.contains("nothing to back up"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_takes_scheduled_backups_and_keeps_the_newest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let file = dir.path().join("kairos.toml");
    std::fs::write(
        &file,
        "listen = \"127.0.0.1:0\"\nbackup_interval_hours = 1\nbackup_keep = 2\n",
    )
    .expect("write config");
    let flags = Flags {
        config_file: Some(file),
        data_dir: Some(data.clone()),
        ..Flags::default()
    };
    let config = Config::load_from(&flags, |_| None).expect("config");
    let clock = Arc::new(FixedClock::new(t0()));
    let running = app::start(config, clock.clone())
        .await
        .expect("server starts");
    let scheduler = running.backups.as_ref().expect("backups are scheduled");
    let backups = data.join("backups");

    let auto_backups = || -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&backups)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with("kairos-auto-"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };

    // Not due yet: nothing is written.
    clock.advance(chrono::Duration::minutes(59));
    scheduler.wake();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(auto_backups().is_empty());

    for (round, expected) in [(1, 1), (2, 2), (3, 2)] {
        clock.advance(chrono::Duration::minutes(if round == 1 { 1 } else { 60 }));
        scheduler.wake();
        let deadline = Instant::now() + Duration::from_secs(10);
        let stamp = clock.now().format("%Y%m%dT%H%M%SZ").to_string();
        loop {
            let names = auto_backups();
            if names.iter().any(|n| n.contains(&stamp)) && names.len() == expected {
                break;
            }
            assert!(Instant::now() < deadline, "round {round}: {names:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    assert_eq!(
        auto_backups(),
        vec![
            "kairos-auto-20260327T100000Z.db".to_string(),
            "kairos-auto-20260327T110000Z.db".to_string(),
        ],
        "the oldest was pruned"
    );
    assert_eq!(
        users_in(&backups.join("kairos-auto-20260327T110000Z.db"), &data),
        vec![OWNER_EMAIL.to_string()]
    );
    running.shutdown().await.expect("clean shutdown");
}
