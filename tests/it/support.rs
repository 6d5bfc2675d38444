//! Booting a real Kairos server per test.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use kairos::app::{self, Running};
use kairos::auth::AccountInput;
use kairos::clock::{Clock as _, FixedClock};
use kairos::config::{Config, Flags};
use kairos::instance::Instance;
use reqwest::redirect::Policy;
use tempfile::TempDir;

pub const OWNER_EMAIL: &str = "owner@clinic.example";
pub const OWNER_PASSWORD: &str = "plum-orbit-canvas-42";

pub fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-27T08:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// A running server with its own data directory and clock.
pub struct TestServer {
    pub dir: TempDir,
    pub clock: Arc<FixedClock>,
    pub running: Option<Running>,
    pub base: String,
    /// The extra lines of its configuration file, kept across restarts.
    pub config: String,
}

pub fn config_for(data_dir: &Path) -> Config {
    config_with(data_dir, "")
}

/// The test configuration plus `extra` lines of TOML.
pub fn config_with(data_dir: &Path, extra: &str) -> Config {
    let file = data_dir.with_extension("toml");
    std::fs::write(&file, format!("listen = \"127.0.0.1:0\"\n{extra}")).expect("write config");
    let flags = Flags {
        config_file: Some(file),
        data_dir: Some(data_dir.to_path_buf()),
        ..Flags::default()
    };
    Config::load_from(&flags, |_| None).expect("config")
}

impl TestServer {
    /// A fresh instance, not set up.
    pub async fn fresh() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        Self::start_in(dir, Arc::new(FixedClock::new(t0()))).await
    }

    /// An instance whose owner was created headlessly (setup complete).
    pub async fn with_owner() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        create_owner(&dir.path().join("data"));
        Self::start_in(dir, Arc::new(FixedClock::new(t0()))).await
    }

    pub async fn start_in(dir: TempDir, clock: Arc<FixedClock>) -> Self {
        Self::start_with(dir, clock, "").await
    }

    /// An instance with an owner and `extra` lines in its configuration file.
    pub async fn with_owner_and_config(extra: &str) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        create_owner(&dir.path().join("data"));
        Self::start_with(dir, Arc::new(FixedClock::new(t0())), extra).await
    }

    pub async fn start_with(dir: TempDir, clock: Arc<FixedClock>, extra: &str) -> Self {
        let config = config_with(&dir.path().join("data"), extra);
        let running = app::start(config, clock.clone())
            .await
            .expect("server starts");
        let base = format!("http://{}", running.addr);
        Self {
            dir,
            clock,
            running: Some(running),
            base,
            config: extra.to_string(),
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn setup_url(&self) -> Option<String> {
        self.running.as_ref().and_then(|r| r.setup_url.clone())
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops the server and starts it again on the same data directory and configuration.
    pub async fn restart(mut self) -> Self {
        if let Some(running) = self.running.take() {
            running.shutdown().await.expect("clean shutdown");
        }
        let clock = self.clock.clone();
        Self::start_with(self.dir, clock, &self.config).await
    }

    /// Stops the server and hands back its directory, which outlives it.
    pub async fn stop_keeping_dir(mut self) -> TempDir {
        if let Some(running) = self.running.take() {
            running.shutdown().await.expect("clean shutdown");
        }
        self.dir
    }

    pub async fn stop(mut self) {
        if let Some(running) = self.running.take() {
            running.shutdown().await.expect("clean shutdown");
        }
    }
}

/// Opens a database file of the instance in `data_dir` (its kairos.db or one of its
/// backups) with that instance's key, as Kairos does.
pub fn open_database(path: &Path, data_dir: &Path) -> rusqlite::Connection {
    let key = kairos::db::DatabaseKey::load(&data_dir.join("kairos.key")).expect("instance key");
    // CREATE lets the connection attach new files (`sqlcipher_export` into them).
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_CREATE;
    kairos::db::open_connection(path, flags, &key).expect("open database")
}

/// Creates the owner account in a data directory, as `kairos admin create` does.
pub fn create_owner(data_dir: &Path) {
    let config = config_for(data_dir);
    let instance = Instance::open(&config, t0()).expect("instance opens");
    kairos::setup::create_admin_headless(
        &instance.db,
        AccountInput {
            name: "Olivia Owner".into(),
            email: OWNER_EMAIL.into(),
            password: OWNER_PASSWORD.into(),
        },
        t0(),
    )
    .expect("owner created");
}

/// A browser-like client: keeps cookies, does not follow redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("client")
}

/// The CSRF token of the first form in a page.
pub fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("the page has a CSRF field") + marker.len();
    html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string()
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The `Set-Cookie` header that sets the cookie `name`, if the response has one.
pub fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&prefix))
        .map(str::to_string)
}

/// Fetches a page and returns its CSRF token.
pub async fn csrf_from(client: &reqwest::Client, url: &str) -> String {
    let html = client
        .get(url)
        .send()
        .await
        .expect("page loads")
        .text()
        .await
        .expect("body");
    csrf_of(&html)
}

/// Signs in through the form; returns the response to the POST.
pub async fn sign_in(
    server: &TestServer,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let csrf = csrf_from(client, &server.url("/login")).await;
    client
        .post(server.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .expect("login answers")
}

/// A GET from a browser: status, redirect target and body.
pub async fn fetch_page(
    client: &reqwest::Client,
    url: &str,
) -> (reqwest::StatusCode, String, String) {
    let response = client.get(url).send().await.expect("answers");
    let status = response.status();
    let to = location(&response);
    (status, to, response.text().await.expect("body"))
}

/// A form POST from a browser with its CSRF token: status, redirect target and body.
pub async fn submit_form(
    client: &reqwest::Client,
    url: &str,
    csrf: &str,
    fields: &[(&str, &str)],
) -> (reqwest::StatusCode, String, String) {
    let mut form = vec![("csrf", csrf)];
    form.extend_from_slice(fields);
    let response = client.post(url).form(&form).send().await.expect("answers");
    let status = response.status();
    let to = location(&response);
    (status, to, response.text().await.expect("body"))
}

/// A form POST to `path` followed as a browser follows it: the POST's status and
/// redirect target, and the page it redirects to (or, without a redirect, its own page).
pub async fn post_and_follow(
    server: &TestServer,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> (reqwest::StatusCode, String, String) {
    let response = client
        .post(server.url(path))
        .form(form)
        .send()
        .await
        .expect("answers");
    let (status, to) = (response.status(), location(&response));
    if !status.is_redirection() {
        return (status, to, response.text().await.expect("body"));
    }
    let (landed, _, page) = fetch_page(client, &server.url(&to)).await;
    assert_eq!(landed, reqwest::StatusCode::OK, "{to}");
    (status, to, page)
}

/// A browser signed in as the owner of a [`TestServer::with_owner`] instance.
pub async fn signed_in_owner(server: &TestServer) -> reqwest::Client {
    let client = browser();
    let response = sign_in(server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
    client
}

/// An API client with a key for the owner of a [`TestServer::with_owner`] instance.
pub struct Api {
    pub base: String,
    pub key: String,
    pub client: reqwest::Client,
}

impl TestServer {
    /// Creates an API key for an account, as `kairos apikey create` does.
    pub async fn api_key_for(&self, email: &str) -> String {
        let db = self.running.as_ref().expect("running").state.db.clone();
        let email = email.to_string();
        let now = self.clock.now();
        db.write(move |tx| -> Result<String, kairos::db::DbError> {
            let user = kairos::db::users::by_email(tx, &email)?.expect("user exists");
            let actor = kairos::audit::Actor::System("test");
            let origin = kairos::audit::Origin::host();
            Ok(kairos::auth::create_api_key(tx, user.id, "test", actor, &origin, now)?.1)
        })
        .await
        .expect("key created")
    }

    pub async fn api(&self) -> Api {
        Api {
            base: self.base.clone(),
            key: self.api_key_for(OWNER_EMAIL).await,
            client: reqwest::Client::new(),
        }
    }

    /// Sets the language a person chose in their profile (`None`: the instance's).
    pub async fn set_language(&self, email: &str, tag: Option<&str>) {
        let db = self.running.as_ref().expect("running").state.db.clone();
        let (email, tag) = (email.to_string(), tag.map(str::to_string));
        db.write(move |tx| -> Result<usize, kairos::db::DbError> {
            Ok(tx.execute(
                "UPDATE users SET language = ?1 WHERE email = ?2",
                rusqlite::params![tag, email],
            )?)
        })
        .await
        .expect("language saved");
    }

    /// Adds a member account with a password, as an administrator would.
    pub async fn create_member(&self, name: &str, email: &str, password: &str) {
        let db = self.running.as_ref().expect("running").state.db.clone();
        let now = self.clock.now();
        let (name, email) = (name.to_string(), email.to_string());
        let hash = kairos::auth::password::hash(password);
        db.write(move |tx| -> Result<(), kairos::auth::AccountError> {
            kairos::auth::insert_account(
                tx,
                &name,
                &email,
                Some(&hash),
                kairos::db::users::Role::Member,
                chrono_tz::Tz::UTC,
                now,
            )?;
            Ok(())
        })
        .await
        .expect("member created");
    }

    /// Sets the hourly caps on new bookings per event type and per host (0: none), as
    /// Admin → Instance does.
    pub async fn set_booking_caps(&self, per_event_type: u32, per_host: u32) {
        let state = self.running.as_ref().expect("running").state.clone();
        let mut settings = state.settings();
        settings.bookings_per_event_type_per_hour = per_event_type;
        settings.bookings_per_host_per_hour = per_host;
        let (saved, now) = (settings.clone(), self.clock.now());
        state
            .db
            .write(move |tx| saved.save(tx, now).map_err(kairos::db::DbError::from))
            .await
            .expect("settings saved");
        state.set_settings(settings);
    }

    /// The audit log as (action, object, outcome, the whole row as text), oldest first.
    pub async fn audit_log(&self) -> Vec<(String, Option<String>, String, String)> {
        let db = self.running.as_ref().expect("running").state.db.clone();
        db.read(|conn| -> Result<_, kairos::db::DbError> {
            let mut stmt = conn.prepare(
                "SELECT action, object, outcome,
                        printf('%s %s %s %s %s %s %s', actor_kind, actor_id, action, object, outcome, ip, user_agent)
                 FROM audit_log ORDER BY id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
        .expect("audit log")
    }

    /// Counts rows of a table straight from the database.
    /// Waits until no job is due or running: what the last steps asked for is done (or
    /// waits for a retry).
    pub async fn settle_jobs(&self) {
        let state = self.running.as_ref().expect("running").state.clone();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            state.jobs.wake();
            let now = self.clock.now().timestamp();
            let busy: i64 = state
                .db
                .read(move |conn| -> Result<i64, kairos::db::DbError> {
                    Ok(conn.query_row(
                        "SELECT count(*) FROM jobs WHERE status = 'running'
                            OR (status = 'pending' AND run_at <= ?1)",
                        [now],
                        |row| row.get(0),
                    )?)
                })
                .await
                .expect("count");
            if busy == 0 {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{busy} jobs stayed due"
            );
            tokio::time::sleep(std::time::Duration::from_millis(30)).await;
        }
    }

    pub async fn count(&self, table: &'static str) -> i64 {
        let db = self.running.as_ref().expect("running").state.db.clone();
        db.read(move |conn| -> Result<i64, kairos::db::DbError> {
            Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        })
        .await
        .expect("count")
    }
}

impl Api {
    pub fn with_key(&self, key: &str) -> Api {
        Api {
            base: self.base.clone(),
            key: key.to_string(),
            client: self.client.clone(),
        }
    }

    pub async fn get(&self, path: &str) -> (reqwest::StatusCode, serde_json::Value) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.key)
            .send()
            .await
            .expect("answers");
        let status = response.status();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &serde_json::Value,
    ) -> (reqwest::StatusCode, serde_json::Value) {
        let response = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.key)
            .json(body)
            .send()
            .await
            .expect("answers");
        let status = response.status();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }

    pub async fn post(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> (reqwest::StatusCode, serde_json::Value) {
        self.send(reqwest::Method::POST, path, body).await
    }

    /// A public request, without the key.
    pub async fn public_post(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> (reqwest::StatusCode, serde_json::Value) {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .json(body)
            .send()
            .await
            .expect("answers");
        let status = response.status();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }

    pub async fn public_get(&self, path: &str) -> (reqwest::StatusCode, serde_json::Value) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("answers");
        let status = response.status();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }
}
