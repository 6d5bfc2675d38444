//! The dashboard's update notice: whether a newer Kairos release exists.
//!
//! Off by default (many sites are air-gapped): while off, Kairos contacts nothing. An
//! administrator turns checks on from the dashboard; then the dashboard asks the release
//! source (`update_base_url`, else GitHub) at most once a day, in the background, and
//! shows the answer. Installing stays a deliberate act on the host: `kairos update --apply`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Duration, Utc};
use maud::{Markup, html};
use serde::Deserialize;

use crate::app::AppState;
use crate::db::{DbError, settings};
use crate::t;
use crate::update::{self, CheckResult, Updater};
use crate::web::extract::AdminForm;
use crate::web::layout::csrf_field;
use crate::web::{Ctx, WebError};

/// The instance setting that turns checks on ("on") or off (anything else).
pub const SETTING: &str = "update_checks";
const FRESH_FOR: i64 = 24;
const RETRY_FAILED_AFTER: i64 = 1;

#[derive(Debug, Clone)]
enum Outcome {
    UpToDate,
    Newer(String),
    Failed(String),
}

#[derive(Debug, Clone)]
enum Entry {
    Checking,
    Done { at: DateTime<Utc>, outcome: Outcome },
}

/// The latest answer per release source. The running binary is the same for every server
/// in the process, so the answer depends on the source alone.
fn cache() -> &'static Mutex<HashMap<String, Entry>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Entry>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

async fn checks_enabled(state: &AppState) -> Result<bool, WebError> {
    let value = state
        .db
        .read(|conn| settings::get(conn, SETTING).map_err(DbError::from))
        .await?;
    Ok(value.as_deref() == Some("on"))
}

/// Starts a check in the background unless a fresh answer or a running check exists.
fn refresh(state: &AppState) -> Entry {
    let source = update::remote_source(&state.config, None);
    let key = source.name();
    let now = state.clock.now();
    let mut entries = cache().lock().unwrap_or_else(|p| p.into_inner());
    let stale = match entries.get(&key) {
        None => true,
        Some(Entry::Checking) => false,
        Some(Entry::Done { at, outcome }) => {
            let fresh_for = match outcome {
                Outcome::Failed(_) => Duration::hours(RETRY_FAILED_AFTER),
                _ => Duration::hours(FRESH_FOR),
            };
            now - *at >= fresh_for
        }
    };
    if stale {
        entries.insert(key.clone(), Entry::Checking);
        let key = key.clone();
        let clock = state.clock.clone();
        let updater = Updater {
            source,
            current_version: env!("CARGO_PKG_VERSION").to_string(),
            install_path: PathBuf::new(),
            keys: update::RELEASE_KEYS.to_vec(),
            allow_downgrade: false,
            systemctl: PathBuf::from("systemctl"),
            ready_timeout: std::time::Duration::ZERO,
        };
        tokio::task::spawn_blocking(move || {
            let outcome = match update::check(&updater) {
                Ok(CheckResult::Newer { available, .. }) => Outcome::Newer(available.version),
                Ok(_) => Outcome::UpToDate,
                Err(err) => {
                    tracing::warn!(error = %err, "update check failed");
                    Outcome::Failed(err.to_string())
                }
            };
            let at = clock.now();
            cache()
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(key, Entry::Done { at, outcome });
        });
    }
    entries.get(&key).cloned().unwrap_or(Entry::Checking)
}

/// The "Updates" row of the dashboard's instance panel, for administrators.
pub async fn status_row(ctx: &Ctx) -> Result<Markup, WebError> {
    if !ctx.user.as_ref().is_some_and(|user| user.role.is_admin()) {
        return Ok(html! {});
    }
    let csrf = ctx.csrf_token();
    let lang = ctx.lang;
    if !checks_enabled(&ctx.state).await? {
        return Ok(html! {
            dt { (t!(lang, "updates")) }
            dd {
                (t!(lang, "updates-off")) " "
                form.fact-action method="post" action="/admin/update-checks" {
                    (csrf_field(&csrf))
                    input type="hidden" name="enabled" value="on";
                    button.button.ghost type="submit" { (t!(lang, "updates-turn-on")) }
                }
            }
        });
    }
    let message = match refresh(&ctx.state) {
        Entry::Checking => html! { (t!(lang, "updates-checking")) },
        Entry::Done {
            at,
            outcome: Outcome::UpToDate,
        } => {
            html! { (t!(lang, "updates-up-to-date", checked = at.format("%Y-%m-%d %H:%M UTC").to_string())) " " }
        }
        Entry::Done {
            outcome: Outcome::Newer(version),
            ..
        } => html! {
            strong { (t!(lang, "updates-available", version = version.to_string())) }
            " " (t!(lang, "updates-install")) " " code { "sudo kairos update --apply" } " "
        },
        Entry::Done {
            outcome: Outcome::Failed(reason),
            ..
        } => {
            html! { (t!(lang, "updates-failed", reason = reason.as_str())) " " }
        }
    };
    Ok(html! {
        dt { (t!(lang, "updates")) }
        dd {
            (message)
            form.fact-action method="post" action="/admin/update-checks" {
                (csrf_field(&csrf))
                input type="hidden" name="enabled" value="off";
                button.button.ghost type="submit" { (t!(lang, "updates-turn-off")) }
            }
        }
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ToggleForm {
    csrf: String,
    enabled: String,
}

crate::web::extract::carries_csrf!(ToggleForm);

/// `POST /admin/update-checks`: an administrator turns the checks on or off, audited as
/// `settings_changed` of `update_checks:on` or `update_checks:off`.
pub async fn toggle(
    AdminForm { ctx, user, form }: AdminForm<ToggleForm>,
) -> Result<Response, WebError> {
    let admin_id = user.id;
    let value = if form.enabled == "on" { "on" } else { "off" };
    let (now, origin) = (ctx.state.clock.now(), ctx.origin());
    ctx.state
        .db
        .write(move |tx| -> Result<(), DbError> {
            settings::set(tx, SETTING, value, now)?;
            let entry = crate::audit::Entry {
                actor: crate::audit::Actor::User(admin_id),
                action: "settings_changed",
                object: Some(format!("{SETTING}:{value}")),
                outcome: crate::audit::Outcome::Success,
                origin: &origin,
            };
            crate::audit::record(tx, now, &entry)?;
            Ok(())
        })
        .await?;
    tracing::info!(update_checks = value, "update checks changed");
    Ok(Redirect::to("/dashboard").into_response())
}
