//! The CalDAV client against two real servers, Radicale (with a user name and password)
//! and Xandikos (without authentication), from `.venv-test` (tests/run.sh installs them).
//! Both start once for the whole test binary, on free loopback ports in temporary
//! directories; each test works in a calendar of its own.

use std::collections::HashMap;
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use kairos::integrations::calendars::caldav::{
    self, Account, CaldavError, Changes, MAX_ANSWER_BYTES,
};
use kairos::outbound::{Policy, Refusal, TargetError};

/// The servers listen on loopback, which only the test switch allows.
fn policy() -> Policy {
    Policy::for_admin_servers(false, true)
}

/// A CalDAV server running for the whole test binary.
pub(crate) struct Server {
    pub(crate) name: &'static str,
    pub(crate) base: String,
    pub(crate) username: &'static str,
    pub(crate) password: &'static str,
    /// Where the user's calendars live (the test creates them there).
    pub(crate) home: &'static str,
    /// Held so that the watcher shell sees the end of its input only when the test binary
    /// exits; it then stops the server and removes its directory.
    _process: Child,
}

impl Server {
    fn account(&self) -> Account {
        Account {
            url: self.base.clone(),
            username: self.username.into(),
            password: self.password.into(),
        }
    }

    /// Creates a calendar named `name` with MKCALENDAR and returns its URL.
    pub(crate) async fn make_calendar(&self, name: &str) -> String {
        let url = format!("{}{}{name}/", self.base, self.home);
        let body = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>{name} calendar</d:displayname></d:prop></d:set></c:mkcalendar>"#
        );
        let response = self
            .request("MKCALENDAR", &url)
            .header("Content-Type", "application/xml")
            .body(body)
            .send()
            .await
            .expect("MKCALENDAR answers");
        assert_eq!(
            response.status().as_u16(),
            201,
            "{}: MKCALENDAR {url}",
            self.name
        );
        url
    }

    /// A request as the host's own calendar program would send it.
    pub(crate) fn request(&self, method: &str, url: &str) -> reqwest::RequestBuilder {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("a method");
        let request = reqwest::Client::new().request(method, url);
        if self.username.is_empty() {
            request
        } else {
            request.basic_auth(self.username, Some(self.password))
        }
    }
}

pub(crate) struct Servers {
    pub(crate) radicale: Server,
    pub(crate) xandikos: Server,
}

pub(crate) fn servers() -> &'static Servers {
    static SERVERS: OnceLock<Servers> = OnceLock::new();
    SERVERS.get_or_init(|| {
        let bin = concat!(env!("CARGO_MANIFEST_DIR"), "/.venv-test/bin");
        assert!(
            Path::new(bin).join("xandikos").exists(),
            "the CalDAV tests need radicale and xandikos in .venv-test: run tests/run.sh once"
        );
        let radicale_port = free_port();
        let xandikos_port = free_port();

        let radicale_dir = fresh_dir();
        std::fs::write(radicale_dir.join("users"), "alice:secret\n").expect("htpasswd");
        let config = format!(
            "[server]\nhosts = 127.0.0.1:{radicale_port}\n\
             [auth]\ntype = htpasswd\nhtpasswd_filename = {dir}/users\n\
             htpasswd_encryption = plain\ndelay = 0\n\
             [storage]\nfilesystem_folder = {dir}/data\n\
             [rights]\ntype = owner_only\n",
            dir = radicale_dir.display()
        );
        std::fs::write(radicale_dir.join("radicale.conf"), config).expect("radicale.conf");
        let radicale = watched(
            &radicale_dir,
            &[
                &format!("{bin}/python"),
                "-m",
                "radicale",
                "--config",
                &radicale_dir.join("radicale.conf").display().to_string(),
            ],
        );

        let xandikos_dir = fresh_dir();
        let xandikos = watched(
            &xandikos_dir,
            &[
                &format!("{bin}/xandikos"),
                "serve",
                "-d",
                &xandikos_dir.join("data").display().to_string(),
                "--state-dir",
                &xandikos_dir.join("state").display().to_string(),
                "--autocreate",
                "--current-user-principal",
                "/alice/",
                "-l",
                "127.0.0.1",
                "-p",
                &xandikos_port.to_string(),
                "--no-detect-systemd",
            ],
        );

        wait_for(radicale_port, "Radicale");
        wait_for(xandikos_port, "Xandikos");
        Servers {
            radicale: Server {
                name: "Radicale",
                base: format!("http://127.0.0.1:{radicale_port}"),
                username: "alice",
                password: "secret",
                home: "/alice/",
                _process: radicale,
            },
            xandikos: Server {
                name: "Xandikos",
                base: format!("http://127.0.0.1:{xandikos_port}"),
                username: "",
                password: "",
                home: "/alice/calendars/",
                _process: xandikos,
            },
        }
    })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// A temporary directory that outlives this function: the watcher removes it.
fn fresh_dir() -> std::path::PathBuf {
    tempfile::tempdir().expect("a temporary directory").keep()
}

/// Runs `command` under a shell that waits for the end of its standard input (the test
/// binary exiting closes it), then stops the server and removes `dir`.
fn watched(dir: &Path, command: &[&str]) -> Child {
    Command::new("sh")
        .arg("-c")
        .arg(r#"dir=$1; shift; "$@" & server=$!; cat >/dev/null; kill $server; wait $server; rm -rf "$dir""#)
        .arg("sh")
        .arg(dir)
        .args(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the CalDAV server starts")
}

fn wait_for(port: u16, name: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{name} did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn event(uid: &str, summary: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kairos//Test//EN\r\nBEGIN:VEVENT\r\n\
         UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260310T100000Z\r\n\
         DTEND:20260310T110000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

/// The full listing with nothing known: every object in the calendar.
async fn everything(account: &Account, calendar: &str) -> Changes {
    caldav::changes(account, calendar, None, &HashMap::new(), policy())
        .await
        .expect("a full listing")
}

/// The same story on each server: discover, write, conflict, update, sync, delete.
async fn story(server: &Server) {
    let name = server.name;
    let account = server.account();
    let calendar = server.make_calendar("work").await;

    // Discovery from the bare address: /.well-known/caldav (a redirect), the principal,
    // the calendar home, and the calendar created above with its display name.
    let calendars = caldav::discover(&account, policy())
        .await
        .unwrap_or_else(|err| panic!("{name}: discovery: {err}"));
    let found = calendars
        .iter()
        .find(|found| found.href == calendar)
        .unwrap_or_else(|| panic!("{name}: {calendar} among {calendars:?}"));
    assert_eq!(found.name, "work calendar", "{name}");
    assert!(!found.read_only, "{name}");
    assert!(found.sync_token.is_some(), "{name}: a sync token");

    let start = everything(&account, &calendar).await;
    assert!(start.changed.is_empty() && start.full, "{name}: {start:?}");
    let token = start.sync_token.expect("a sync token in the listing");

    // A new event, then the same one again: refused, never a second copy.
    let uid = "booking-1@kairos.test";
    let written = caldav::put(
        &account,
        &calendar,
        uid,
        &event(uid, "First"),
        None,
        policy(),
    )
    .await
    .unwrap_or_else(|err| panic!("{name}: first PUT: {err}"));
    let first_etag = written.etag.clone().expect("an ETag for the new event");
    assert!(written.href.starts_with(&calendar), "{name}: {written:?}");
    let again = caldav::put(
        &account,
        &calendar,
        uid,
        &event(uid, "Again"),
        None,
        policy(),
    )
    .await;
    assert_eq!(again, Err(CaldavError::Conflict), "{name}");
    let listed = everything(&account, &calendar).await;
    assert_eq!(listed.changed.len(), 1, "{name}: one copy: {listed:?}");
    assert!(listed.changed[0].data.contains("SUMMARY:First"), "{name}");
    assert_eq!(listed.changed[0].etag, first_etag, "{name}");
    assert_eq!(listed.changed[0].href, written.href, "{name}");

    // Incremental: the new event since the first token.
    let since = caldav::changes(&account, &calendar, Some(&token), &HashMap::new(), policy())
        .await
        .unwrap_or_else(|err| panic!("{name}: sync: {err}"));
    assert!(!since.full, "{name}: incremental");
    assert_eq!(since.changed.len(), 1, "{name}: {since:?}");
    assert!(since.changed[0].data.contains(uid), "{name}");
    let token = since.sync_token.expect("a new sync token");

    // An update with the ETag read; a stale ETag is a conflict.
    let updated = caldav::put(
        &account,
        &calendar,
        uid,
        &event(uid, "Moved"),
        Some(&first_etag),
        policy(),
    )
    .await
    .unwrap_or_else(|err| panic!("{name}: update: {err}"));
    let etag = updated.etag.expect("an ETag for the update");
    assert_ne!(etag, first_etag, "{name}");
    assert_eq!(updated.href, written.href, "{name}");
    let stale = caldav::put(
        &account,
        &calendar,
        uid,
        &event(uid, "Stale"),
        Some(&first_etag),
        policy(),
    )
    .await;
    assert_eq!(stale, Err(CaldavError::Conflict), "{name}");

    // The host's own calendar program adds an event and deletes Kairos' one.
    let other_uid = "dentist@host.example";
    let other = server
        .request("PUT", &format!("{calendar}dentist%40host.example.ics"))
        .header("Content-Type", "text/calendar")
        .body(event(other_uid, "Dentist"))
        .send()
        .await
        .expect("PUT answers");
    assert!(other.status().is_success(), "{name}: {}", other.status());
    let known = HashMap::from([(written.href.clone(), etag.clone())]);
    let sync = caldav::changes(&account, &calendar, Some(&token), &known, policy())
        .await
        .unwrap_or_else(|err| panic!("{name}: sync: {err}"));
    assert!(!sync.full, "{name}");
    assert_eq!(
        sync.changed.len(),
        1,
        "{name}: only the new event: {sync:?}"
    );
    assert!(sync.changed[0].data.contains("SUMMARY:Dentist"), "{name}");
    assert!(sync.removed.is_empty(), "{name}: {sync:?}");
    let dentist = sync.changed[0].clone();
    let token = sync.sync_token.expect("a new sync token");

    let deleted = server
        .request("DELETE", &written.href)
        .send()
        .await
        .expect("DELETE answers");
    assert!(
        deleted.status().is_success(),
        "{name}: {}",
        deleted.status()
    );
    let known = HashMap::from([
        (written.href.clone(), etag.clone()),
        (dentist.href.clone(), dentist.etag.clone()),
    ]);
    let sync = caldav::changes(&account, &calendar, Some(&token), &known, policy())
        .await
        .unwrap_or_else(|err| panic!("{name}: sync: {err}"));
    assert!(!sync.full && sync.changed.is_empty(), "{name}: {sync:?}");
    assert_eq!(sync.removed, vec![written.href.clone()], "{name}");

    // A token the server does not know: the full listing, compared with what is known.
    let fallback = caldav::changes(&account, &calendar, Some("bogus-token"), &known, policy())
        .await
        .unwrap_or_else(|err| panic!("{name}: fallback: {err}"));
    assert!(fallback.full, "{name}");
    assert!(
        fallback.changed.is_empty(),
        "{name}: nothing new: {fallback:?}"
    );
    assert_eq!(fallback.removed, vec![written.href.clone()], "{name}");
    assert!(fallback.sync_token.is_some(), "{name}");

    // Deleting: a stale ETag is a conflict, then the delete, then again (already gone).
    let stale = caldav::delete(&account, &dentist.href, Some(&first_etag), policy()).await;
    assert_eq!(stale, Err(CaldavError::Conflict), "{name}");
    caldav::delete(&account, &dentist.href, Some(&dentist.etag), policy())
        .await
        .unwrap_or_else(|err| panic!("{name}: delete: {err}"));
    caldav::delete(&account, &dentist.href, None, policy())
        .await
        .unwrap_or_else(|err| panic!("{name}: delete of a deleted event: {err}"));
    assert!(
        everything(&account, &calendar).await.changed.is_empty(),
        "{name}"
    );

    // A calendar that is gone.
    let missing = format!("{}{}no-such-calendar/", server.base, server.home);
    let gone = caldav::changes(&account, &missing, None, &HashMap::new(), policy()).await;
    assert_eq!(gone, Err(CaldavError::NotFound), "{name}");
}

#[tokio::test]
async fn the_story_on_radicale() {
    story(&servers().radicale).await;
}

#[tokio::test]
async fn the_story_on_xandikos() {
    story(&servers().xandikos).await;
}

#[tokio::test]
async fn a_wrong_password_is_refused_in_plain_words() {
    let server = &servers().radicale;
    let account = Account {
        password: "wrong".into(),
        ..server.account()
    };
    let refused = caldav::discover(&account, policy()).await;
    assert_eq!(refused, Err(CaldavError::Unauthorized));
    assert_eq!(
        CaldavError::Unauthorized.to_string(),
        "the server refused the user name or password"
    );
}

#[tokio::test]
async fn discovery_also_starts_from_a_principal_or_a_calendar() {
    for server in [&servers().radicale, &servers().xandikos] {
        let calendar = server.make_calendar("direct").await;
        let from_principal = Account {
            url: format!("{}/alice/", server.base),
            ..server.account()
        };
        let found = caldav::discover(&from_principal, policy())
            .await
            .unwrap_or_else(|err| panic!("{}: {err}", server.name));
        assert!(
            found.iter().any(|found| found.href == calendar),
            "{}",
            server.name
        );
        let from_calendar = Account {
            url: calendar.clone(),
            ..server.account()
        };
        let found = caldav::discover(&from_calendar, policy())
            .await
            .unwrap_or_else(|err| panic!("{}: {err}", server.name));
        assert_eq!(
            found
                .iter()
                .map(|found| found.href.as_str())
                .collect::<Vec<_>>(),
            vec![calendar.as_str()],
            "{}",
            server.name
        );
    }
}

/// A local web server answering every request with `answer`.
async fn web_server(answer: fn() -> axum::response::Response) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("an address");
    let app = axum::Router::new().fallback(move || async move { answer() });
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{address}")
}

/// Why the guard refused, when it did.
fn refusal_of<T>(result: &Result<T, CaldavError>) -> Option<Refusal> {
    match result {
        Err(CaldavError::Refused(TargetError::Refused { refusal, .. })) => Some(*refusal),
        _ => None,
    }
}

/// An account at an address that is not one of the CalDAV servers.
fn account_at(url: String) -> Account {
    Account {
        url,
        username: "alice".into(),
        password: "secret".into(),
    }
}

#[tokio::test]
async fn a_web_page_is_not_a_caldav_server() {
    use axum::response::IntoResponse;
    let site =
        web_server(|| axum::response::Html("<html><body>Welcome</body></html>").into_response())
            .await;
    let account = account_at(site);
    assert_eq!(
        caldav::discover(&account, policy()).await,
        Err(CaldavError::NotCaldav)
    );
    assert_eq!(
        CaldavError::NotCaldav.to_string(),
        "this address is not a CalDAV server"
    );
}

#[tokio::test]
async fn an_oversized_answer_is_refused() {
    use axum::response::IntoResponse;
    let huge = web_server(|| {
        (
            axum::http::StatusCode::MULTI_STATUS,
            "x".repeat(MAX_ANSWER_BYTES + 1),
        )
            .into_response()
    })
    .await;
    let account = account_at(format!("{huge}/calendars/"));
    assert_eq!(
        caldav::changes(&account, &account.url, None, &HashMap::new(), policy()).await,
        Err(CaldavError::TooLarge)
    );
}

#[tokio::test]
async fn a_redirect_is_checked_by_the_outbound_guard() {
    use axum::response::IntoResponse;
    let redirecting = web_server(|| {
        axum::response::Redirect::permanent("http://169.254.169.254/latest/").into_response()
    })
    .await;
    let account = account_at(redirecting);
    let refused = caldav::discover(&account, policy()).await;
    assert_eq!(
        refusal_of(&refused),
        Some(Refusal::CloudMetadata),
        "{refused:?}"
    );
}

#[tokio::test]
async fn a_strict_policy_refuses_a_server_on_this_machine() {
    let account = servers().radicale.account();
    let strict = Policy::for_admin_servers(false, false);
    let refused = caldav::discover(&account, strict).await;
    assert_eq!(refusal_of(&refused), Some(Refusal::Loopback), "{refused:?}");
    let message = refused.err().map(|err| err.to_string()).unwrap_or_default();
    assert!(message.contains("a loopback address"), "{message}");
}
