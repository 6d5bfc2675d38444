//! The audit log: what it records, and `kairos audit verify` finding tampering.

use std::os::unix::fs::PermissionsExt;

use reqwest::StatusCode;
use serde_json::json;

use crate::api::{booking, clinic};
use crate::cli::kairos;
use crate::support::*;

/// Every audit row as (actor_kind, actor_id, action, object, outcome, ip, user_agent).
type Row = (
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

async fn audit_rows(server: &TestServer) -> Vec<Row> {
    let db = server.running.as_ref().expect("running").state.db.clone();
    db.read(|conn| -> Result<Vec<Row>, kairos::db::DbError> {
        let mut stmt = conn.prepare(
            "SELECT actor_kind, actor_id, action, object, outcome, ip, user_agent FROM audit_log ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
    .await
    .expect("audit rows")
}

fn has(rows: &[Row], actor: (&str, Option<&str>), action: &str, outcome: &str) -> bool {
    rows.iter().any(|row| {
        row.0 == actor.0 && row.1.as_deref() == actor.1 && row.2 == action && row.4 == outcome
    })
}

#[tokio::test]
async fn sign_ins_key_creation_and_every_booking_view_are_audited() {
    let (server, api, id) = clinic(json!({})).await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-30T07:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let manage = made["data"]["manageUrl"].as_str().expect("manage URL");
    let token = manage.split("token=").nth(1).expect("token").to_string();

    // The host's API key, the invitee's token, and a guess.
    let (status, _) = api.get(&format!("/api/v1/bookings/{uid}")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = api
        .public_get(&format!("/api/v1/bookings/{uid}?token={token}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = api.get("/api/v1/bookings/guessed-uid").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, listed) = api.get("/api/v1/bookings").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed["data"].as_array().map(Vec::len), Some(1));

    // A wrong password, then the dashboard in a browser, then the invitee's page.
    let client = browser();
    let refused = sign_in(&server, &client, OWNER_EMAIL, "not-the-password-1").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let refused = sign_in(&server, &client, "nobody@clinic.example", "whatever-123").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let ok = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let page = client
        .get(server.url(&format!("/dashboard/bookings/{uid}")))
        .header("user-agent", "ClinicBrowser/1.0")
        .send()
        .await
        .expect("detail page");
    assert_eq!(page.status(), StatusCode::OK);
    let page = browser()
        .get(server.url(&format!("/booking/{uid}?token={token}")))
        .send()
        .await
        .expect("manage page");
    assert_eq!(page.status(), StatusCode::OK);
    let csrf = csrf_from(&client, &server.url("/dashboard")).await;
    let out = client
        .post(server.url("/logout"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("sign out");
    assert_eq!(out.status(), StatusCode::SEE_OTHER);

    let rows = audit_rows(&server).await;
    let owner = Some("1");
    assert!(has(
        &rows,
        ("system", Some("cli")),
        "admin_created",
        "success"
    ));
    assert!(has(
        &rows,
        ("system", Some("test")),
        "api_key_created",
        "success"
    ));
    assert!(has(&rows, ("user", owner), "sign_in", "failure"));
    assert!(has(&rows, ("anonymous", None), "sign_in", "failure"));
    assert!(has(&rows, ("user", owner), "sign_in", "success"));
    assert!(has(&rows, ("user", owner), "sign_out", "success"));
    let uses: Vec<&Row> = rows.iter().filter(|r| r.2 == "api_key_used").collect();
    assert_eq!(uses.len(), 1, "key use is written once a minute: {uses:?}");
    assert_eq!(
        (uses[0].0.as_str(), uses[0].5.as_deref()),
        ("api_key", Some("127.0.0.1"))
    );
    let views: Vec<&Row> = rows.iter().filter(|r| r.2 == "booking_viewed").collect();
    let object = Some(format!("booking:{uid}"));
    let viewed_by = |kind: &str, outcome: &str| {
        views
            .iter()
            .any(|r| r.0 == kind && r.3 == object && r.4 == outcome)
    };
    assert_eq!(
        views
            .iter()
            .filter(|r| r.0 == "api_key" && r.3 == object && r.4 == "success")
            .count(),
        2,
        "the API key's GET and list: {views:?}"
    );
    assert_eq!(
        views.iter().filter(|r| r.0 == "invitee").count(),
        2,
        "the invitee's API view and manage page: {views:?}"
    );
    assert!(viewed_by("user", "success"), "dashboard view: {views:?}");
    assert!(
        views
            .iter()
            .any(|r| r.3.as_deref() == Some("booking:guessed-uid") && r.4 == "denied")
    );
    assert!(views.iter().any(
        |r| r.6.as_deref() == Some("ClinicBrowser/1.0") && r.5.as_deref() == Some("127.0.0.1")
    ));
    // No emails, passwords or tokens anywhere in the log.
    let all = format!("{rows:?}");
    for secret in [
        OWNER_EMAIL,
        OWNER_PASSWORD,
        "pat@example.org",
        "nobody@clinic.example",
        "not-the-password-1",
        token.as_str(),
        api.key.as_str(),
    ] {
        assert!(!all.contains(secret), "{secret} is in the audit log");
    }

    let data = server.data_dir();
    let mut server = server;
    if let Some(running) = server.running.take() {
        running.shutdown().await.expect("clean shutdown");
    }
    let output = kairos(&data)
        .args(["audit", "verify"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("intact"), "{stdout}");
}

fn tamper(data: &std::path::Path, sql: &str) {
    let conn = open_database(&data.join("kairos.db"), data);
    conn.execute_batch(&format!(
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; {sql}"
    ))
    .expect("tamper");
}

fn verify(data: &std::path::Path) -> (bool, String) {
    let output = kairos(data)
        .args(["audit", "verify"])
        .output()
        .expect("runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn audit_verify_names_the_first_edited_or_deleted_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    for _ in 0..4 {
        let output = kairos(&data)
            .args(["admin", "reset-password", OWNER_EMAIL])
            .output()
            .expect("runs");
        assert!(output.status.success());
    }
    let (ok, stdout) = verify(&data);
    assert!(ok, "{stdout}");
    assert!(stdout.contains("5 rows"), "{stdout}");

    let copy = dir.path().join("copy");
    std::fs::create_dir_all(&copy).expect("copy dir");
    for entry in std::fs::read_dir(&data).expect("data dir").flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), copy.join(entry.file_name())).expect("copy");
        }
    }

    tamper(
        &data,
        "UPDATE audit_log SET actor_id = 'someone-else' WHERE id = 3;",
    );
    let (ok, stdout) = verify(&data);
    assert!(!ok, "{stdout}");
    assert!(stdout.contains("row 3 was edited"), "{stdout}");
    let doctor = kairos(&data).arg("doctor").output().expect("runs");
    let report = String::from_utf8_lossy(&doctor.stdout);
    assert!(!doctor.status.success(), "{report}");
    assert!(
        report
            .lines()
            .any(|l| l.contains("audit log") && l.contains("row 3 was edited")),
        "{report}"
    );

    tamper(&copy, "DELETE FROM audit_log WHERE id = 2;");
    let (ok, stdout) = verify(&copy);
    assert!(!ok, "{stdout}");
    assert!(stdout.contains("row 2 was deleted"), "{stdout}");
}

/// An instance whose log has `rows` rows, written by the host shell: the owner's
/// creation, then password resets.
fn instance_with_rows(rows: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    for _ in 1..rows {
        let output = kairos(&data)
            .args(["admin", "reset-password", OWNER_EMAIL])
            .output()
            .expect("runs");
        assert!(output.status.success());
    }
    (dir, data)
}

/// What someone who can write the database but lacks the key can do after editing row
/// `from`: recompute its chain value and every later one with SHA-256 over the documented
/// encoding (`format` names its version), as the chain was once built.
fn recompute_with_sha256(data: &std::path::Path, from: i64, format: &[u8; 16]) {
    use sha2::{Digest, Sha256};
    let conn = open_database(&data.join("kairos.db"), data);
    let mut previous: Vec<u8> = conn
        .query_row(
            "SELECT coalesce((SELECT hash FROM audit_log WHERE id = ?1), zeroblob(32))",
            [from - 1],
            |row| row.get(0),
        )
        .expect("previous value");
    let mut stmt = conn
        .prepare(
            "SELECT id, at, actor_kind, actor_id, action, object, outcome, ip, user_agent
             FROM audit_log WHERE id >= ?1 ORDER BY id",
        )
        .expect("select");
    let rows: Vec<(i64, i64, Vec<Option<String>>)> = stmt
        .query_map([from], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                (2..9).map(|i| row.get(i)).collect::<Result<_, _>>()?,
            ))
        })
        .and_then(|rows| rows.collect())
        .expect("rows");
    for (id, at, fields) in rows {
        let mut encoded = format.to_vec();
        encoded.extend_from_slice(&id.to_be_bytes());
        encoded.extend_from_slice(&at.to_be_bytes());
        for field in fields {
            match field {
                None => encoded.push(0),
                Some(text) => {
                    encoded.push(1);
                    encoded.extend_from_slice(&(text.len() as u32).to_be_bytes());
                    encoded.extend_from_slice(text.as_bytes());
                }
            }
        }
        let mut hasher = Sha256::new();
        hasher.update(&previous);
        hasher.update(&encoded);
        let value = hasher.finalize().to_vec();
        conn.execute(
            "UPDATE audit_log SET hash = ?1 WHERE id = ?2",
            rusqlite::params![value, id],
        )
        .expect("rewrite");
        previous = value;
    }
}

/// The row the signed head names, if there is a head.
fn head_row(data: &std::path::Path) -> Option<i64> {
    let text = std::fs::read_to_string(data.join("audit.head")).ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix("row "))
        .and_then(|row| row.parse().ok())
}

fn doctor_line(data: &std::path::Path) -> (bool, String) {
    let output = kairos(data).arg("doctor").output().expect("runs");
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    let line = report
        .lines()
        .find(|l| l.contains("audit log"))
        .unwrap_or_default()
        .to_string();
    (output.status.success(), line)
}

#[test]
fn audit_verify_names_an_edit_whose_later_hashes_were_recomputed() {
    let (_dir, data) = instance_with_rows(5);
    tamper(
        &data,
        "UPDATE audit_log SET actor_id = 'someone-else' WHERE id = 3;",
    );
    recompute_with_sha256(&data, 3, b"kairos-audit-v2\0");
    let (ok, stdout) = verify(&data);
    assert!(!ok, "{stdout}");
    assert!(stdout.contains("row 3 was edited"), "{stdout}");

    // Recomputed as the old, unkeyed chain: the same.
    let (_dir, data) = instance_with_rows(5);
    tamper(
        &data,
        "UPDATE audit_log SET outcome = 'failure' WHERE id = 2;",
    );
    recompute_with_sha256(&data, 2, b"kairos-audit-v1\0");
    let (ok, stdout) = verify(&data);
    assert!(!ok, "{stdout}");
    assert!(stdout.contains("row 2 was edited"), "{stdout}");
}

#[tokio::test]
async fn the_signed_head_follows_the_server_and_names_the_newest_rows_cut_off() {
    let mut server = TestServer::with_owner().await;
    let data = server.data_dir();
    for _ in 0..3 {
        let client = browser();
        let ok = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
        assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    }
    // The head moves after each commit, off the request path: wait for it.
    let rows = server.count("audit_log").await;
    assert!(rows >= 4, "the creation and three sign-ins");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while head_row(&data).unwrap_or(0) < rows {
        assert!(
            std::time::Instant::now() < deadline,
            "the signed head reached row {rows}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let mode = std::fs::metadata(data.join("audit.head"))
        .expect("head")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    if let Some(running) = server.running.take() {
        running.shutdown().await.expect("clean shutdown");
    }
    let last = head_row(&data).expect("a head");
    let (ok, stdout) = verify(&data);
    assert!(ok, "{stdout}");
    assert!(
        stdout.contains(&format!("vouches for rows up to {last}, and they match")),
        "{stdout}"
    );

    // Delete the two newest rows: the chain of what is left is intact.
    tamper(
        &data,
        &format!("DELETE FROM audit_log WHERE id > {};", last - 2),
    );
    let (ok, stdout) = verify(&data);
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains(&format!("audit rows {} to {last} were deleted", last - 1)),
        "{stdout}"
    );
    let (ok, line) = doctor_line(&data);
    assert!(!ok, "{line}");
    assert!(line.contains("FAIL"), "{line}");
    assert!(
        line.contains(&format!("rows {} to {last}", last - 1)),
        "{line}"
    );

    // Starting again writes new rows, but leaves the head as evidence.
    let server = TestServer::start_in(server.dir, server.clock.clone()).await;
    let client = browser();
    sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    let _dir = server.stop_keeping_dir().await;
    assert_eq!(head_row(&data), Some(last), "the head did not move");
    let (ok, stdout) = verify(&data);
    assert!(!ok, "{stdout}");
}

#[test]
fn a_missing_head_is_reported_until_reset_head_signs_the_log_again() {
    let (_dir, data) = instance_with_rows(5);
    assert_eq!(head_row(&data), Some(5));
    std::fs::remove_file(data.join("audit.head")).expect("remove head");
    let output = kairos(&data)
        .args(["audit", "verify"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("intact: 5 rows"), "{stdout}");
    assert!(stdout.contains("MISSING"), "{stdout}");
    assert!(
        stdout.contains("the removal of the newest rows cannot be ruled out"),
        "{stdout}"
    );
    let (ok, line) = doctor_line(&data);
    assert!(ok, "a warning only: {line}");
    assert!(line.starts_with("WARN"), "{line}");
    assert!(line.contains("missing"), "{line}");
    assert_eq!(head_row(&data), None, "nothing recreates it silently");

    let output = kairos(&data)
        .args(["audit", "reset-head"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("audit row 6"), "{stdout}");
    let (ok, stdout) = verify(&data);
    assert!(ok, "{stdout}");
    assert!(stdout.contains("vouches for rows up to 6"), "{stdout}");
    let conn = open_database(&data.join("kairos.db"), &data);
    let action: String = conn
        .query_row("SELECT action FROM audit_log WHERE id = 6", [], |r| {
            r.get(0)
        })
        .expect("row 6");
    assert_eq!(action, "audit_head_reset");
}

#[test]
fn restoring_an_older_backup_resets_the_head_and_is_audited() {
    let (dir, data) = instance_with_rows(3);
    let backup = dir.path().join("three-rows.db");
    let output = kairos(&data)
        .arg("backup")
        .arg("--output")
        .arg(&backup)
        .output()
        .expect("runs");
    assert!(output.status.success());
    for _ in 0..3 {
        let output = kairos(&data)
            .args(["admin", "reset-password", OWNER_EMAIL])
            .output()
            .expect("runs");
        assert!(output.status.success());
    }
    assert_eq!(head_row(&data), Some(6));

    let output = kairos(&data)
        .arg("restore")
        .arg(&backup)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("recorded as audit row 4"), "{stdout}");
    assert_eq!(head_row(&data), Some(4));
    let (ok, stdout) = verify(&data);
    assert!(
        ok,
        "fewer rows than before the restore are no alarm: {stdout}"
    );
    assert!(stdout.contains("vouches for rows up to 4"), "{stdout}");
    let conn = open_database(&data.join("kairos.db"), &data);
    let row: (String, String, Option<String>) = conn
        .query_row(
            "SELECT actor_kind, action, object FROM audit_log WHERE id = 4",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("row 4");
    assert_eq!(
        row,
        (
            "system".to_string(),
            "database_restored".to_string(),
            Some("backup:three-rows.db".to_string())
        )
    );
}

#[test]
fn a_log_from_before_keyed_chaining_is_sealed_at_the_first_start_and_stays_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("data dir");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let key_path = data.join("kairos.key");
    let key = kairos::crypto::InstanceKey::create(&key_path).expect("key");
    // The schema and rows as the version before keyed chaining left them.
    let before: Vec<_> = kairos::db::embedded_migrations()
        .into_iter()
        .filter(|migration| migration.version() < 10)
        .collect();
    let database = data.join("kairos.db");
    kairos::db::migrate(
        &database,
        &data.join("backups"),
        &before,
        &kairos::db::DatabaseKey::derive(&key, &key_path),
        t0(),
    )
    .expect("migrated to version 9");
    let conn = open_database(&database, &data);
    for _ in 0..3 {
        let entry = kairos::audit::Entry {
            actor: kairos::audit::Actor::System("cli"),
            action: "admin_granted",
            object: Some("user:1".into()),
            outcome: kairos::audit::Outcome::Success,
            origin: &kairos::audit::Origin::host(),
        };
        kairos::audit::record(&conn, t0(), &entry).expect("recorded");
    }
    drop(conn);
    let (ok, stdout) = verify(&data);
    assert!(ok, "{stdout}");
    assert!(stdout.contains("intact: 3 rows"), "{stdout}");
    assert!(
        stdout.contains("rows before 4 were written before keyed chaining"),
        "{stdout}"
    );
    assert!(stdout.contains("vouches for rows up to 3"), "{stdout}");
    create_owner(&data);
    let (ok, stdout) = verify(&data);
    assert!(ok, "{stdout}");
    assert!(stdout.contains("intact: 4 rows"), "{stdout}");

    let copy = dir.path().join("copy");
    std::fs::create_dir_all(&copy).expect("copy dir");
    for entry in std::fs::read_dir(&data).expect("data dir").flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), copy.join(entry.file_name())).expect("copy");
        }
    }
    // An old row edited is still found at its row ...
    tamper(
        &data,
        "UPDATE audit_log SET object = 'user:2' WHERE id = 2;",
    );
    let (ok, stdout) = verify(&data);
    assert!(!ok, "{stdout}");
    assert!(stdout.contains("row 2 was edited"), "{stdout}");
    // ... and with the old hashes recomputed, the old rows are named as a whole.
    tamper(
        &copy,
        "UPDATE audit_log SET object = 'user:2' WHERE id = 2;",
    );
    recompute_with_sha256(&copy, 2, b"kairos-audit-v1\0");
    let (ok, stdout) = verify(&copy);
    assert!(!ok, "{stdout}");
    assert!(stdout.contains("rows up to 3"), "{stdout}");
    assert!(stdout.contains("were rewritten"), "{stdout}");
}

#[tokio::test]
async fn account_and_settings_changes_are_audited() {
    let server = TestServer::with_owner().await;
    let key = server.api_key_for(OWNER_EMAIL).await;
    assert!(!key.is_empty());
    let client = browser();
    let ok = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let csrf = csrf_from(&client, &server.url("/dashboard/settings")).await;
    let post = |path: &str, fields: Vec<(&'static str, String)>| {
        let mut fields = fields;
        fields.push(("csrf", csrf.clone()));
        client.post(server.url(path)).form(&fields).send()
    };
    let created = post(
        "/dashboard/admin/users",
        vec![
            ("name", "Mia Member".into()),
            ("email", "mia@clinic.example".into()),
            ("role", "member".into()),
        ],
    )
    .await
    .expect("create user");
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    for path in [
        "/dashboard/admin/users/2/disable",
        "/dashboard/admin/users/2/enable",
        "/dashboard/settings/api-keys/1/revoke",
    ] {
        let response = post(path, vec![]).await.expect("answers");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    }
    let saved = post(
        "/dashboard/admin/settings",
        vec![
            ("organization_name", "Harbor Clinic".into()),
            ("base_url", "".into()),
            ("default_time_zone", "Europe/Berlin".into()),
            ("first_day_of_week", "monday".into()),
            ("signup", "closed".into()),
            ("embed_origins", "".into()),
            ("require_mfa", "off".into()),
            ("audit_retention_years", "6".into()),
        ],
    )
    .await
    .expect("settings");
    assert!(saved.status().is_redirection(), "{}", saved.status());
    let profile = post(
        "/dashboard/settings/profile",
        vec![
            ("name", "Olivia Owner".into()),
            ("username", "owner".into()),
            ("time_zone", "Europe/Berlin".into()),
            ("bio", "".into()),
            ("first_day_of_week", "".into()),
            ("time_format", "24".into()),
        ],
    )
    .await
    .expect("profile");
    assert!(profile.status().is_redirection(), "{}", profile.status());
    for enabled in ["on", "off"] {
        let toggled = post("/admin/update-checks", vec![("enabled", enabled.into())])
            .await
            .expect("update checks");
        assert!(toggled.status().is_redirection(), "{}", toggled.status());
    }

    let changed = post(
        "/dashboard/settings/password",
        vec![
            ("current_password", OWNER_PASSWORD.into()),
            ("new_password", "quiet-harbor-lantern-8".into()),
            ("new_password_confirm", "quiet-harbor-lantern-8".into()),
        ],
    )
    .await
    .expect("password");
    assert!(changed.status().is_redirection(), "{}", changed.status());
    let rows = audit_rows(&server).await;
    let owner = ("user", Some("1"));
    for (action, object) in [
        ("user_created", "user:2"),
        ("user_disabled", "user:2"),
        ("user_enabled", "user:2"),
        ("api_key_revoked", "api_key:1"),
        ("settings_changed", "instance"),
        ("password_changed", "user:1"),
        ("profile_changed", "user:1"),
        ("settings_changed", "update_checks:on"),
        ("settings_changed", "update_checks:off"),
    ] {
        assert!(
            has(&rows, owner, action, "success")
                && rows
                    .iter()
                    .any(|r| r.2 == action && r.3.as_deref() == Some(object)),
            "{action} {object}: {rows:?}"
        );
    }
    let all = format!("{rows:?}");
    assert!(!all.contains("mia@clinic.example") && !all.contains("quiet-harbor"));
    server.stop().await;
}

#[tokio::test]
async fn administrators_filter_and_export_the_log_and_members_cannot() {
    let server = TestServer::with_owner().await;
    let client = browser();
    let refused = sign_in(&server, &client, OWNER_EMAIL, "wrong-password-123").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let ok = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);

    let page = client
        .get(server.url("/dashboard/admin/audit?action=sign_in&actor=user"))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(
        html.contains("failure") && html.contains("success"),
        "{html}"
    );
    assert!(!html.contains("admin_created"), "filtered by action");

    let csv = client
        .get(server.url("/dashboard/admin/audit?format=csv&from=2026-03-27&to=2026-03-27"))
        .send()
        .await
        .expect("csv");
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("attachment") && v.contains(".csv"))
    );
    let text = csv.text().await.expect("body");
    assert!(text.starts_with("id,time,actor_kind"), "{text}");
    assert!(text.contains(",admin_created,user:1,success,"), "{text}");
    assert!(
        text.contains(",audit_viewed,"),
        "viewing the log is audited: {text}"
    );

    let json: serde_json::Value = client
        .get(server.url("/dashboard/admin/audit?format=json&from=2030-01-01"))
        .send()
        .await
        .expect("json")
        .json()
        .await
        .expect("json body");
    assert_eq!(json, serde_json::json!([]), "nothing after 2030");
    let rows = audit_rows(&server).await;
    assert!(has(&rows, ("user", Some("1")), "audit_exported", "success"));

    // A member may not read the log.
    server
        .create_member("Mia", "mia@clinic.example", "member-password-42")
        .await;
    let member = browser();
    let ok = sign_in(&server, &member, "mia@clinic.example", "member-password-42").await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let denied = member
        .get(server.url("/dashboard/admin/audit?format=csv"))
        .send()
        .await
        .expect("answers");
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    server.stop().await;
}

#[tokio::test]
async fn retention_prunes_old_rows_and_verify_still_detects_a_manual_deletion() {
    let mut server = TestServer::with_owner().await;
    let client = browser();
    assert_eq!(
        sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let state = server.running.as_ref().expect("running").state.clone();
    let mut settings = state.settings();
    assert_eq!(settings.audit_retention_years, 6, "six years by default");
    settings.audit_retention_years = 1;
    state.set_settings(settings);
    let old_rows = server.count("audit_log").await;

    server.clock.advance(chrono::Duration::days(400));
    let later = browser();
    sign_in(&server, &later, OWNER_EMAIL, OWNER_PASSWORD).await;
    state.jobs.wake();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let anchor = loop {
        let found = state
            .db
            .read(|conn| Ok::<_, kairos::db::DbError>(kairos::audit::anchor(conn)?))
            .await
            .expect("anchor");
        if let Some(anchor) = found {
            break anchor;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the daily retention job ran"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(
        anchor.through_id, old_rows,
        "every row older than a year is gone"
    );
    let key = state.key.clone();
    let verification = state
        .db
        .read(move |conn| Ok::<_, kairos::db::DbError>(kairos::audit::verify(conn, &key)?))
        .await
        .expect("verify");
    assert_eq!(verification.broken, None);
    let rows = audit_rows(&server).await;
    assert!(has(
        &rows,
        ("system", Some("retention")),
        "audit_pruned",
        "success"
    ));
    assert!(
        !rows.iter().any(|r| r.2 == "admin_created"),
        "old rows are pruned"
    );

    if let Some(running) = server.running.take() {
        running.shutdown().await.expect("clean shutdown");
    }
    let data = server.data_dir();
    let (ok, stdout) = verify(&data);
    assert!(ok, "{stdout}");
    assert!(stdout.contains("removed by retention"), "{stdout}");

    // Plain SQL cannot delete a row above the anchor.
    let conn = open_database(&data.join("kairos.db"), &data);
    let refused = conn.execute(
        "DELETE FROM audit_log WHERE id = ?1",
        [anchor.through_id + 1],
    );
    assert!(refused.is_err(), "the delete guard holds");
    drop(conn);
    // Without the guard, the deletion is found.
    tamper(
        &data,
        &format!(
            "DELETE FROM audit_log WHERE id = {};",
            anchor.through_id + 1
        ),
    );
    let (ok, stdout) = verify(&data);
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains(&format!("row {} was deleted", anchor.through_id + 1)),
        "{stdout}"
    );
}
