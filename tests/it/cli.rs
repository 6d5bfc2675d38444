//! The `kairos` binary as an admin uses it from the host shell.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::support::*;

pub(crate) fn kairos(data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kairos"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--config")
        .arg(empty_config(data_dir))
        .env_remove("KAIROS_CONFIG")
        .env_remove("KAIROS_DATA_DIR")
        .env_remove("KAIROS_LISTEN")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null());
    command
}

fn empty_config(data_dir: &Path) -> std::path::PathBuf {
    let path = data_dir.with_extension("cli.toml");
    if !path.exists() {
        std::fs::write(&path, "").expect("write config");
    }
    path
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn version_is_printed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = kairos(&dir.path().join("data"))
        .arg("--version")
        .output()
        .expect("runs");
    assert!(output.status.success());
    assert_eq!(
        text(&output).0.trim(),
        format!("kairos {}", env!("CARGO_PKG_VERSION"))
    );
}

/// Starts `kairos serve`, waits for the setup URL on stdout, checks it answers, and stops
/// it with SIGTERM.
#[test]
fn serve_prints_the_setup_url_and_shuts_down_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut child = kairos(&data)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("KAIROS_LOG_LEVEL", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut url = None;
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        if let Some(found) = line.trim().strip_prefix("http://")
            && found.contains("/setup?token=")
        {
            url = Some(format!("http://{found}"));
            break;
        }
    }
    let url = url.expect("the setup URL is printed on stdout");
    assert!(data.join("kairos.db").is_file());
    let key_mode = std::fs::metadata(data.join("kairos.key"))
        .expect("key")
        .permissions()
        .mode();
    assert_eq!(key_mode & 0o777, 0o600);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let base = url.split("/setup").next().unwrap_or_default().to_string();
    runtime.block_on(async {
        let client = browser();
        let ready = client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .expect("answers");
        assert_eq!(ready.status(), StatusCode::OK);
        let setup = client.get(&url).send().await.expect("answers");
        assert_eq!(setup.status(), StatusCode::OK);
    });

    let pid = child.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "kairos did not stop after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "clean exit after SIGTERM: {status:?}");
}

#[test]
fn admin_create_then_sign_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut child = kairos(&data)
        .args([
            "admin",
            "create",
            "--email",
            "ana@clinic.example",
            "--name",
            "Ana Admin",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"amber-falcon-river-7\n")
        .expect("password written");
    let output = child.wait_with_output().expect("finishes");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("created owner account"), "{stdout}");
    assert!(
        !stdout.contains("amber-falcon"),
        "the password is never echoed"
    );

    // A weak password is refused, naming the field.
    let weak = kairos(&data)
        .args([
            "admin",
            "create",
            "--email",
            "bo@clinic.example",
            "--name",
            "Bo",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().expect("stdin").write_all(b"short\n")?;
            child.wait_with_output()
        })
        .expect("runs");
    assert!(!weak.status.success());
    assert!(
        text(&weak)
            .1
            .contains("password: must be at least 12 characters"),
        "{}",
        text(&weak).1
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let dir_handle = tempfile::tempdir().expect("tempdir");
        // Reuse the data directory the CLI wrote.
        std::fs::rename(&data, dir_handle.path().join("data")).expect("move data dir");
        let server = TestServer::start_in(
            dir_handle,
            std::sync::Arc::new(kairos::clock::FixedClock::new(chrono::Utc::now())),
        )
        .await;
        assert_eq!(
            server.setup_url(),
            None,
            "setup is complete after admin create"
        );
        let client = browser();
        let response = sign_in(
            &server,
            &client,
            "ana@clinic.example",
            "amber-falcon-river-7",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/dashboard");
        server.stop().await;
    });
}

#[test]
fn reset_password_link_works_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let output = kairos(&data)
        .args(["admin", "reset-password", OWNER_EMAIL])
        .output()
        .expect("runs");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    let link = stdout.trim().to_string();
    let path = format!(
        "/reset/{}",
        link.split("/reset/").nth(1).expect("a reset link")
    );
    assert!(stderr.contains("30 minutes"));

    let unknown = kairos(&data)
        .args(["admin", "reset-password", "nobody@clinic.example"])
        .output()
        .expect("runs");
    assert!(!unknown.status.success());

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let clock = std::sync::Arc::new(kairos::clock::FixedClock::new(chrono::Utc::now()));
        let server = TestServer::start_in(dir, clock).await;
        let client = browser();
        let page = client.get(server.url(&path)).send().await.expect("answers");
        assert_eq!(page.status(), StatusCode::OK);
        let csrf = csrf_of(&page.text().await.expect("body"));
        let changed = client
            .post(server.url(&path))
            .form(&[
                ("csrf", csrf.as_str()),
                ("password", "new-harbor-lights-9"),
                ("password_confirm", "new-harbor-lights-9"),
            ])
            .send()
            .await
            .expect("answers");
        assert_eq!(changed.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&changed), "/login?notice=password-changed");

        let old = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
        assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
        let new = sign_in(&server, &client, OWNER_EMAIL, "new-harbor-lights-9").await;
        assert_eq!(new.status(), StatusCode::SEE_OTHER);

        let again = browser()
            .get(server.url(&path))
            .send()
            .await
            .expect("answers");
        assert_eq!(again.status(), StatusCode::GONE, "the link works once");
        server.stop().await;
    });
}

#[test]
fn a_database_from_a_newer_kairos_is_refused_naming_both_versions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let migrated = kairos(&data).arg("migrate").output().expect("runs");
    assert!(migrated.status.success(), "{:?}", text(&migrated));
    let check = kairos(&data)
        .args(["migrate", "--check"])
        .output()
        .expect("runs");
    assert!(check.status.success());
    assert!(text(&check).0.contains("up to date"));

    let conn = open_database(&data.join("kairos.db"), &data);
    let latest: i64 = conn
        .query_row(
            "SELECT max(version) FROM refinery_schema_history",
            [],
            |r| r.get(0),
        )
        .expect("version");
    conn.execute(
        "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (9999, 'future', '2030-01-01T00:00:00Z', '0')",
        [],
    )
    .expect("pretend a newer binary migrated");
    drop(conn);

    let output = kairos(&data)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .output()
        .expect("runs");
    let (_, stderr) = text(&output);
    assert!(!output.status.success(), "refused to start");
    assert!(stderr.contains("9999"), "{stderr}");
    assert!(stderr.contains(&format!("version {latest}")), "{stderr}");
}

#[test]
fn a_key_readable_by_others_stops_startup_with_the_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    assert!(
        kairos(&data)
            .arg("migrate")
            .output()
            .expect("runs")
            .status
            .success()
    );
    std::fs::set_permissions(
        data.join("kairos.key"),
        std::fs::Permissions::from_mode(0o644),
    )
    .expect("chmod");
    let output = kairos(&data)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let (_, stderr) = text(&output);
    assert!(stderr.contains("chmod 600"), "{stderr}");
}

#[test]
fn config_show_names_each_source_and_an_unknown_key_stops_startup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let file = dir.path().join("kairos.toml");
    std::fs::write(
        &file,
        "listen = \"127.0.0.1:9100\"\nsession_idle_minutes = 20\nlog_level = \"debug\"\n",
    )
    .expect("write config");
    let output = Command::new(env!("CARGO_BIN_EXE_kairos"))
        .args(["config", "show", "--data-dir"])
        .arg(&data)
        .arg("--config")
        .arg(&file)
        .env("KAIROS_LOG_LEVEL", "warn")
        .env_remove("KAIROS_LISTEN")
        .env_remove("KAIROS_SESSION_IDLE_MINUTES")
        .output()
        .expect("runs");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    let line = |key: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("listen").contains("127.0.0.1:9100") && line("listen").contains("# file"),
        "{stdout}"
    );
    assert!(
        line("log_level").contains("\"warn\"")
            && line("log_level").contains("# env KAIROS_LOG_LEVEL"),
        "{stdout}"
    );
    assert!(line("data_dir").contains("# flag --data-dir"), "{stdout}");
    assert!(
        line("session_lifetime_hours").contains("# default"),
        "{stdout}"
    );

    std::fs::write(&file, "listen = \"127.0.0.1:9100\"\nport = 80\n").expect("write config");
    let output = Command::new(env!("CARGO_BIN_EXE_kairos"))
        .args(["serve", "--data-dir"])
        .arg(&data)
        .arg("--config")
        .arg(&file)
        .output()
        .expect("runs");
    let (_, stderr) = text(&output);
    assert!(!output.status.success());
    assert!(stderr.contains("port"), "{stderr}");
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(stderr.contains("listen"), "names what is allowed: {stderr}");
    assert!(
        !data.exists(),
        "nothing is created when the config is wrong"
    );
}

#[test]
fn apikey_create_prints_a_key_that_opens_the_api() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let output = kairos(&data)
        .args([
            "apikey",
            "create",
            "--user",
            OWNER_EMAIL,
            "--name",
            "laptop",
        ])
        .output()
        .expect("runs");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    let key = stdout.trim().to_string();
    assert!(key.starts_with("kairos_") && key.len() > 40, "{key}");
    assert!(stderr.contains("shown only once"));
    let unknown = kairos(&data)
        .args(["apikey", "create", "--user", "nobody@clinic.example"])
        .output()
        .expect("runs");
    assert!(!unknown.status.success());

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let clock = std::sync::Arc::new(kairos::clock::FixedClock::new(chrono::Utc::now()));
        let server = TestServer::start_in(dir, clock).await;
        let response = reqwest::Client::new()
            .get(server.url("/api/v1/me"))
            .bearer_auth(&key)
            .send()
            .await
            .expect("answers");
        assert_eq!(response.status(), StatusCode::OK);
        server.stop().await;
    });
}

/// The `kairos` binary run by a shell whose umask lets everyone read new files.
fn kairos_with_loose_umask(data_dir: &Path) -> Command {
    let mut command = Command::new("sh");
    command
        .args(["-c", "umask 022 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_kairos"))
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--config")
        .arg(empty_config(data_dir))
        .env_remove("KAIROS_CONFIG")
        .env_remove("KAIROS_DATA_DIR")
        .env_remove("KAIROS_LISTEN")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null());
    command
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn files_in_the_data_directory_are_private_whatever_the_umask() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut child = kairos_with_loose_umask(&data)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("KAIROS_LOG_LEVEL", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let stdout = child.stdout.take().expect("stdout");
    // Kept open until the server stops, so that it can go on writing.
    let mut lines = BufReader::new(stdout).lines();
    let ready = lines
        .by_ref()
        .map_while(Result::ok)
        .any(|line| line.contains("/setup?token="));
    assert!(ready, "the server started");

    // A backup taken while the server runs, from a shell with the same umask.
    let backup = kairos_with_loose_umask(&data)
        .arg("backup")
        .output()
        .expect("runs");
    assert!(backup.status.success(), "{:?}", text(&backup));

    let backups = data.join("backups");
    let backup_files: Vec<_> = std::fs::read_dir(&backups)
        .expect("backups folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    assert_eq!(backup_files.len(), 1, "{backup_files:?}");
    let mut checked = vec![(data.clone(), 0o700), (backups, 0o700)];
    for file in [
        "kairos.db",
        "kairos.db-wal",
        "kairos.db-shm",
        "kairos.lock",
        "kairos.key",
    ] {
        checked.push((data.join(file), 0o600));
    }
    checked.push((backup_files[0].clone(), 0o600));
    for (path, expected) in checked {
        assert_eq!(mode(&path), expected, "{}", path.display());
    }

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("stops");
    assert!(status.success(), "{status:?}");
    drop(lines);
}

#[tokio::test]
async fn admin_create_while_the_server_runs_completes_its_setup() {
    let server = TestServer::fresh().await;
    let client = browser();
    let before = client
        .get(server.url("/login"))
        .send()
        .await
        .expect("answers");
    assert_eq!(before.status(), StatusCode::SERVICE_UNAVAILABLE);
    let setup_url = server.setup_url().expect("a setup link");

    let data = server.data_dir();
    let output = tokio::task::spawn_blocking(move || {
        let mut child = kairos(&data)
            .args([
                "admin",
                "create",
                "--email",
                "ana@clinic.example",
                "--name",
                "Ana Admin",
                "--password-stdin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"amber-falcon-river-7\n")
            .expect("password written");
        child.wait_with_output().expect("finishes")
    })
    .await
    .expect("joins");
    assert!(output.status.success(), "{:?}", text(&output));

    // The running server notices at once: sign-in instead of "setup required".
    let page = client
        .get(server.url("/login"))
        .send()
        .await
        .expect("answers");
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.expect("body").contains("Sign in"));
    let signed_in = sign_in(
        &server,
        &client,
        "ana@clinic.example",
        "amber-falcon-river-7",
    )
    .await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&signed_in), "/dashboard");
    let dashboard = client
        .get(server.url("/dashboard"))
        .send()
        .await
        .expect("answers");
    assert_eq!(dashboard.status(), StatusCode::OK, "no setup wizard left");
    let setup = browser().get(&setup_url).send().await.expect("answers");
    assert_eq!(
        setup.status(),
        StatusCode::NOT_FOUND,
        "the setup link is void"
    );
    server.stop().await;
}
