//! The built-in updater against a local mirror serving signed, unsigned and tampered
//! release archives. The tests sign with a throwaway key and hand its public half to the
//! library; the shipped binary only trusts the compiled-in release key, which the last
//! test checks through the real command line.

use std::io::{BufRead, BufReader, Cursor, Write};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kairos::config::{Config, Flags};
use kairos::update::{self, Applied, CheckResult, Source, UpdateError, Updater};

use zipsign_api::SigningKey;

use crate::backup::run;
use crate::support::*;

const RUNNING: &str = "0.1.0";

fn arch_asset(version: &str) -> String {
    format!(
        "kairos-{version}-{}-unknown-linux-musl.tar.gz",
        std::env::consts::ARCH
    )
}

/// A stand-in kairos binary: a script that reports `version`.
fn fake_binary(version: &str) -> Vec<u8> {
    format!("#!/bin/sh\necho \"kairos {version}\"\n").into_bytes()
}

/// A release archive holding `kairos`, unsigned.
fn archive(binary: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    {
        let mut tar = tar::Builder::new(&mut gz);
        let mut header = tar::Header::new_gnu();
        header.set_size(binary.len() as u64);
        header.set_mode(0o755);
        header.set_cksum();
        tar.append_data(&mut header, "kairos", binary)
            .expect("append");
        tar.finish().expect("finish tar");
    }
    gz.finish().expect("finish gzip")
}

/// Signs an archive the way packaging/sign-release.sh does: the context is the file name.
fn sign(unsigned: &[u8], key: &SigningKey, file_name: &str) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    zipsign_api::sign::copy_and_sign_tar(
        &mut Cursor::new(unsigned),
        &mut out,
        std::slice::from_ref(key),
        Some(file_name.as_bytes()),
    )
    .expect("sign");
    out.into_inner()
}

fn new_key() -> SigningKey {
    SigningKey::from_bytes(&kairos::crypto::random_bytes::<32>())
}

/// Serves the files of a directory over HTTP/1.1 on 127.0.0.1 until the test ends, and
/// logs the paths asked for.
fn serve_dir(dir: &Path) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let root = dir.to_path_buf();
    let log = Arc::new(Mutex::new(Vec::new()));
    let requests = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).map_or(true, |n| n == 0) || header == "\r\n" {
                    break;
                }
            }
            let path = request_line
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .trim_start_matches('/')
                .to_string();
            requests
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(format!("/{path}"));
            let file = root.join(&path);
            let response = match std::fs::read(&file) {
                Ok(body) if !path.contains("..") => {
                    let mut head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    head.extend(body);
                    head
                }
                _ => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_vec(),
            };
            let _ = stream.write_all(&response);
        }
    });
    (format!("http://{addr}"), log)
}

/// A mirror directory with one release per (version, archive bytes).
fn mirror(dir: &Path, releases: &[(&str, Vec<u8>)]) -> String {
    mirror_logged(dir, releases).0
}

fn mirror_logged(dir: &Path, releases: &[(&str, Vec<u8>)]) -> (String, Arc<Mutex<Vec<String>>>) {
    std::fs::create_dir_all(dir).expect("mirror dir");
    let mut entries = Vec::new();
    for (version, bytes) in releases {
        let name = arch_asset(version);
        std::fs::write(dir.join(&name), bytes).expect("write artifact");
        entries.push(format!(
            "{{\"version\": \"{version}\", \"assets\": [{{\"name\": \"{name}\", \"url\": \"{name}\"}}]}}"
        ));
    }
    std::fs::write(
        dir.join("manifest.json"),
        format!("{{\"schema\": 1, \"releases\": [{}]}}", entries.join(", ")),
    )
    .expect("write manifest");
    serve_dir(dir)
}

struct Install {
    dir: tempfile::TempDir,
    config: Config,
    binary: PathBuf,
}

impl Install {
    /// An installed "kairos 0.1.0" with an instance that holds data.
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        create_owner(&data);
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).expect("bin dir");
        let binary = bin.join("kairos");
        std::fs::write(&binary, fake_binary(RUNNING)).expect("write binary");
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let file = dir.path().join("kairos.toml");
        std::fs::write(&file, "").expect("config");
        let flags = Flags {
            config_file: Some(file),
            data_dir: Some(data),
            ..Flags::default()
        };
        let config = Config::load_from(&flags, |_| None).expect("config");
        Self {
            dir,
            config,
            binary,
        }
    }

    fn updater(&self, source: Source, key: &SigningKey) -> Updater {
        Updater {
            source,
            current_version: RUNNING.into(),
            install_path: self.binary.clone(),
            keys: vec![key.verifying_key().to_bytes()],
            allow_downgrade: false,
            // No service manager here unless a test brings a stand-in.
            systemctl: PathBuf::from("/nonexistent/systemctl"),
            ready_timeout: Duration::from_secs(2),
        }
    }

    fn installed(&self) -> Vec<u8> {
        std::fs::read(&self.binary).expect("read binary")
    }

    fn backups(&self) -> Vec<String> {
        std::fs::read_dir(self.config.backup_dir())
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with("kairos-preupdate-"))
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[test]
fn a_signed_newer_release_from_a_mirror_is_checked_installed_and_rolled_back() {
    let key = new_key();
    let install = Install::new();
    let base = mirror(
        &install.dir.path().join("mirror"),
        &[(
            "9.0.0",
            sign(&archive(&fake_binary("9.0.0")), &key, &arch_asset("9.0.0")),
        )],
    );
    let updater = install.updater(Source::Mirror(base), &key);

    match update::check(&updater).expect("check") {
        CheckResult::Newer { current, available } => {
            assert_eq!(current, RUNNING);
            assert_eq!(available.version, "9.0.0");
        }
        other => panic!("expected a newer release, got {other:?}"),
    }

    let applied = update::apply(&updater, &install.config, t0()).expect("applies");
    let Applied::Installed {
        from,
        to,
        previous,
        database_backup,
        restarted,
    } = applied
    else {
        panic!("expected an installation, got {applied:?}");
    };
    assert_eq!((from.as_str(), to.as_str()), (RUNNING, "9.0.0"));
    assert!(!restarted, "no systemd here");
    assert_eq!(install.installed(), fake_binary("9.0.0"));
    assert_eq!(
        std::fs::read(&previous).expect("previous"),
        fake_binary(RUNNING)
    );
    assert_eq!(previous, install.binary.with_file_name("kairos.previous"));
    let backup = database_backup.expect("the database was backed up first");
    assert!(
        backup
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("kairos-preupdate-v0.1.0-")),
        "{}",
        backup.display()
    );
    assert_eq!(
        crate::backup::dump(&backup, &install.config.data_dir),
        crate::backup::dump(&install.config.database_path(), &install.config.data_dir)
    );
    let mode = std::fs::metadata(&install.binary)
        .expect("binary")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o755);
    let leftovers: Vec<String> = std::fs::read_dir(install.binary.parent().expect("dir"))
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "only kairos and kairos.previous: {leftovers:?}"
    );

    let rolled = update::rollback(&updater, &install.config, t0()).expect("rolls back");
    assert_eq!(
        (rolled.from.as_str(), rolled.to.as_str()),
        ("9.0.0", RUNNING)
    );
    assert_eq!(rolled.restored, None, "the schema did not change");
    assert_eq!(install.installed(), fake_binary(RUNNING));
    assert_eq!(
        std::fs::read(&previous).expect("previous"),
        fake_binary("9.0.0"),
        "a second rollback would undo the first"
    );
}

#[test]
fn unsigned_tampered_and_foreign_signed_artifacts_are_refused() {
    let key = new_key();
    let install = Install::new();
    let name = arch_asset("9.0.0");
    let signed = sign(&archive(&fake_binary("9.0.0")), &key, &name);
    let mut tampered = signed.clone();
    // Change one byte of the payload (the archive comes first; zipsign appends its
    // signature block after it).
    tampered[12] ^= 0x01;
    let foreign = sign(&archive(&fake_binary("9.0.0")), &new_key(), &name);
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("unsigned", archive(&fake_binary("9.0.0")), "is not signed"),
        ("tampered", tampered, "does not match"),
        ("foreign", foreign, "does not match"),
    ];
    for (label, bytes, message) in cases {
        let base = mirror(&install.dir.path().join(label), &[("9.0.0", bytes)]);
        let updater = install.updater(Source::Mirror(base), &key);
        let err = update::apply(&updater, &install.config, t0()).expect_err(label);
        assert!(
            matches!(
                err,
                UpdateError::Unsigned { .. } | UpdateError::BadSignature { .. }
            ),
            "{label}: {err}"
        );
        assert!(err.to_string().contains(message), "{label}: {err}");
        assert!(err.to_string().contains("Refusing") || err.to_string().contains("refusing"));
        assert_eq!(
            install.installed(),
            fake_binary(RUNNING),
            "{label}: untouched"
        );
        assert!(!updater.previous_path().exists(), "{label}");
        assert!(
            install.backups().is_empty(),
            "{label}: nothing was backed up"
        );
    }

    // Without any key, self_update would verify nothing: the updater refuses instead.
    let base = mirror(
        &install.dir.path().join("nokeys"),
        &[("9.0.0", archive(&fake_binary("9.0.0")))],
    );
    let mut updater = install.updater(Source::Mirror(base), &key);
    updater.keys.clear();
    let err = update::apply(&updater, &install.config, t0()).expect_err("no keys");
    assert!(matches!(err, UpdateError::NoKeys), "{err}");
    assert_eq!(install.installed(), fake_binary(RUNNING));
}

#[test]
fn downgrades_need_allow_downgrade_and_a_local_file_works_offline() {
    let key = new_key();
    let install = Install::new();
    let offline = install.dir.path().join(arch_asset("0.0.9"));
    std::fs::write(
        &offline,
        sign(&archive(&fake_binary("0.0.9")), &key, &arch_asset("0.0.9")),
    )
    .expect("write artifact");
    let mut updater = install.updater(Source::File(offline.clone()), &key);
    let err = update::apply(&updater, &install.config, t0()).expect_err("downgrade");
    assert!(matches!(err, UpdateError::Downgrade { .. }), "{err}");
    assert!(err.to_string().contains("--allow-downgrade"), "{err}");
    assert_eq!(install.installed(), fake_binary(RUNNING));

    updater.allow_downgrade = true;
    let applied = update::apply(&updater, &install.config, t0()).expect("downgrades");
    assert!(
        matches!(applied, Applied::Installed { ref to, .. } if to == "0.0.9"),
        "{applied:?}"
    );
    assert_eq!(install.installed(), fake_binary("0.0.9"));

    // The same version again is not reinstalled.
    let mut updater = install.updater(Source::File(offline), &key);
    updater.current_version = "0.0.9".into();
    let applied = update::apply(&updater, &install.config, t0()).expect("no-op");
    assert_eq!(
        applied,
        Applied::AlreadyCurrent {
            version: "0.0.9".into()
        }
    );

    // A renamed artifact no longer matches its signature's context.
    let renamed = install.dir.path().join("kairos-latest.tar.gz");
    std::fs::copy(install.dir.path().join(arch_asset("0.0.9")), &renamed).expect("copy");
    let updater = install.updater(Source::File(renamed), &key);
    let err = update::apply(&updater, &install.config, t0()).expect_err("renamed");
    assert!(matches!(err, UpdateError::BadSignature { .. }), "{err}");
}

#[test]
fn a_release_for_another_machine_or_with_the_wrong_version_is_refused() {
    let key = new_key();
    let install = Install::new();
    let mut not_a_program = vec![0x7f, b'E', b'L', b'F', 2, 1, 1, 0];
    not_a_program.extend([0u8; 56]);
    let base = mirror(
        &install.dir.path().join("foreign-arch"),
        &[(
            "9.0.0",
            sign(&archive(&not_a_program), &key, &arch_asset("9.0.0")),
        )],
    );
    let err = update::apply(
        &install.updater(Source::Mirror(base), &key),
        &install.config,
        t0(),
    )
    .expect_err("does not run");
    assert!(matches!(err, UpdateError::DoesNotRun { .. }), "{err}");

    let base = mirror(
        &install.dir.path().join("mislabelled"),
        &[(
            "9.0.0",
            sign(&archive(&fake_binary("8.0.0")), &key, &arch_asset("9.0.0")),
        )],
    );
    let err = update::apply(
        &install.updater(Source::Mirror(base), &key),
        &install.config,
        t0(),
    )
    .expect_err("mislabelled");
    assert!(matches!(err, UpdateError::VersionMismatch { .. }), "{err}");
    assert_eq!(install.installed(), fake_binary(RUNNING));
}

#[test]
fn the_shipped_binary_trusts_only_the_compiled_in_release_key() {
    let key = new_key();
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).expect("bin");
    let binary = bin.join("kairos");
    std::fs::copy(env!("CARGO_BIN_EXE_kairos"), &binary).expect("copy kairos");
    let artifact = dir.path().join(arch_asset("9.0.0"));
    std::fs::write(
        &artifact,
        sign(&archive(&fake_binary("9.0.0")), &key, &arch_asset("9.0.0")),
    )
    .expect("write");
    let (ok, out) = run(std::process::Command::new(&binary)
        .args(["--data-dir"])
        .arg(dir.path().join("data"))
        .args(["update", "--from"])
        .arg(&artifact)
        .env_remove("KAIROS_CONFIG"));
    assert!(!ok, "an artifact signed by another key is refused: {out}");
    assert!(out.contains("does not match"), "{out}");
    let version = std::process::Command::new(&binary)
        .arg("--version")
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")),
        "the binary was left alone"
    );
    assert!(!bin.join("kairos.previous").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_reports_a_newer_release_only_once_an_admin_turns_checks_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (base, requests) = mirror_logged(
        &dir.path().join("mirror"),
        &[("9.0.0", archive(&fake_binary("9.0.0")))],
    );
    let data = dir.path().join("data");
    create_owner(&data);
    let file = dir.path().join("kairos.toml");
    std::fs::write(
        &file,
        format!("listen = \"127.0.0.1:0\"\nupdate_base_url = \"{base}\"\n"),
    )
    .expect("write config");
    let flags = Flags {
        config_file: Some(file),
        data_dir: Some(data),
        ..Flags::default()
    };
    let config = Config::load_from(&flags, |_| None).expect("config");
    let clock = Arc::new(kairos::clock::FixedClock::new(t0()));
    let running = kairos::app::start(config, clock.clone())
        .await
        .expect("server starts");
    let server = TestServer {
        base: format!("http://{}", running.addr),
        dir,
        clock,
        running: Some(running),
        config: String::new(),
    };
    let client = browser();
    let signed_in = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(signed_in.status(), reqwest::StatusCode::SEE_OTHER);
    let dashboard = || async {
        client
            .get(server.url("/dashboard"))
            .send()
            .await
            .expect("answers")
            .text()
            .await
            .expect("body")
    };

    let page = dashboard().await;
    assert!(
        page.contains("Kairos 0.1.0"),
        "the running version is shown"
    );
    assert!(page.contains("Checks are off"), "{page}");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        requests.lock().expect("log").is_empty(),
        "nothing is contacted while checks are off"
    );

    let refused = client
        .post(server.url("/admin/update-checks"))
        .form(&[("csrf", "forged"), ("enabled", "on")])
        .send()
        .await
        .expect("answers");
    assert_ne!(refused.status(), reqwest::StatusCode::SEE_OTHER);

    let csrf = csrf_of(&page);
    let turned_on = client
        .post(server.url("/admin/update-checks"))
        .form(&[("csrf", csrf.as_str()), ("enabled", "on")])
        .send()
        .await
        .expect("answers");
    assert_eq!(turned_on.status(), reqwest::StatusCode::SEE_OTHER);
    assert_eq!(location(&turned_on), "/dashboard");

    let deadline = Instant::now() + Duration::from_secs(15);
    let page = loop {
        let page = dashboard().await;
        if page.contains("Kairos 9.0.0 is available") {
            break page;
        }
        assert!(Instant::now() < deadline, "{page}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(page.contains("kairos update --apply"), "{page}");
    assert_eq!(
        requests.lock().expect("log").as_slice(),
        ["/manifest.json"],
        "one check, and it is cached"
    );

    let csrf = csrf_of(&page);
    let turned_off = client
        .post(server.url("/admin/update-checks"))
        .form(&[("csrf", csrf.as_str()), ("enabled", "off")])
        .send()
        .await
        .expect("answers");
    assert_eq!(turned_off.status(), reqwest::StatusCode::SEE_OTHER);
    assert!(dashboard().await.contains("Checks are off"));
    server.stop().await;
}

/// A stand-in `systemctl` that reports kairos.service active and logs every call.
fn fake_systemctl(dir: &Path) -> (PathBuf, PathBuf) {
    let log = dir.join("systemctl.log");
    let script = dir.join("systemctl");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$*\" >> '{}'\nexit 0\n", log.display()),
    )
    .expect("write systemctl");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    (script, log)
}

fn calls(log: &Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Answers 200 to every request, like a restarted kairos whose /readyz is ready.
fn ready_server() -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buffer = [0u8; 1024];
            let _ = std::io::Read::read(&mut stream, &mut buffer);
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        }
    });
    addr
}

#[test]
fn under_systemd_the_service_is_restarted_and_must_become_ready() {
    let key = new_key();
    let mut install = Install::new();
    let base = mirror(
        &install.dir.path().join("mirror"),
        &[(
            "9.0.0",
            sign(&archive(&fake_binary("9.0.0")), &key, &arch_asset("9.0.0")),
        )],
    );
    let (systemctl, log) = fake_systemctl(install.dir.path());
    let mut updater = install.updater(Source::Mirror(base), &key);
    updater.systemctl = systemctl;
    install.config.listen = ready_server();

    let applied = update::apply(&updater, &install.config, t0()).expect("applies");
    assert!(
        matches!(
            applied,
            Applied::Installed {
                restarted: true,
                ..
            }
        ),
        "{applied:?}"
    );
    assert_eq!(
        calls(&log),
        ["is-active --quiet kairos.service", "restart kairos.service"]
    );
    assert_eq!(install.installed(), fake_binary("9.0.0"));
}

#[test]
fn a_new_version_that_never_becomes_ready_is_rolled_back() {
    let key = new_key();
    let mut install = Install::new();
    let base = mirror(
        &install.dir.path().join("mirror"),
        &[(
            "9.0.0",
            sign(&archive(&fake_binary("9.0.0")), &key, &arch_asset("9.0.0")),
        )],
    );
    let (systemctl, log) = fake_systemctl(install.dir.path());
    let mut updater = install.updater(Source::Mirror(base), &key);
    updater.systemctl = systemctl;
    updater.ready_timeout = Duration::from_secs(1);
    // Nothing listens there: the "restarted" service never answers /readyz.
    install.config.listen = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr")
    };

    let err = update::apply(&updater, &install.config, t0()).expect_err("not ready");
    assert!(matches!(err, UpdateError::NotReady { .. }), "{err}");
    assert!(
        err.to_string().contains("previous binary was put back"),
        "{err}"
    );
    assert_eq!(install.installed(), fake_binary(RUNNING), "rolled back");
    assert_eq!(
        std::fs::read(updater.previous_path()).expect("previous"),
        fake_binary("9.0.0")
    );
    assert_eq!(
        calls(&log),
        [
            "is-active --quiet kairos.service",
            "restart kairos.service",
            "restart kairos.service"
        ],
        "restarted again on the previous binary"
    );
}

#[test]
fn rolling_back_past_a_migration_restores_the_pre_update_backup() {
    let key = new_key();
    let install = Install::new();
    // The old binary refuses the schema the new one leaves behind.
    std::fs::write(
        &install.binary,
        format!(
            "#!/bin/sh\ncase \"$*\" in *\"migrate --check\"*) echo 'error: the database schema is version 2, newer than this kairos binary knows (version 1)' >&2; exit 1 ;; esac\necho \"kairos {RUNNING}\"\n"
        ),
    )
    .expect("write old binary");
    let base = mirror(
        &install.dir.path().join("mirror"),
        &[(
            "9.0.0",
            sign(&archive(&fake_binary("9.0.0")), &key, &arch_asset("9.0.0")),
        )],
    );
    let updater = install.updater(Source::Mirror(base), &key);
    let Applied::Installed {
        database_backup: Some(backup),
        ..
    } = update::apply(&updater, &install.config, t0()).expect("applies")
    else {
        panic!("expected an installation with a database backup");
    };
    let before = crate::backup::dump(&backup, &install.config.data_dir);
    // What the new version's migration would have written.
    crate::support::open_database(&install.config.database_path(), &install.config.data_dir)
        .execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('written_by', '9.0.0', 0)",
            [],
        )
        .expect("write");
    assert_ne!(
        crate::backup::dump(&install.config.database_path(), &install.config.data_dir),
        before
    );

    let rolled = update::rollback(&updater, &install.config, t0()).expect("rolls back");
    assert_eq!(rolled.restored.as_deref(), Some(backup.as_path()));
    assert_eq!(rolled.restore_needed, None);
    let (restored, restore_row) = crate::backup::dump_after_restore(
        &install.config.database_path(),
        &install.config.data_dir,
    );
    assert_eq!(
        restored, before,
        "the database is as it was before the update"
    );
    assert_eq!(restore_row.len(), 1, "and the restore is in its audit log");
}
