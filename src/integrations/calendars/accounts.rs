//! Connecting, listing, syncing and disconnecting a host's calendar accounts: what the
//! dashboard and the API call.

use crate::audit::{self, Origin};
use crate::db::DbError;
use crate::db::calendars::{self, Account, Calendar, Provider};
use crate::db::users::User;
use crate::integrations::Deps;
use crate::integrations::calendars::caldav;
use crate::integrations::calendars::sync::{self, Fetched, SyncError};
use crate::model::calendar::{Connect, ConnectInput};
use crate::model::error::FieldErrors;

/// Why an account operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error("no calendar account or calendar has that id")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for CalendarError {
    fn from(err: rusqlite::Error) -> Self {
        CalendarError::Db(err.into())
    }
}

/// An account with its calendars, and whether each is the host's destination.
#[derive(Debug, Clone)]
pub struct Connected {
    pub account: Account,
    pub calendars: Vec<Calendar>,
    pub destination: Option<i64>,
}

fn refused(field: &str, reason: impl Into<String>) -> CalendarError {
    let mut errors = FieldErrors::new();
    errors.add(field, reason);
    CalendarError::Invalid(errors)
}

/// Connects an account after checking that it answers: a CalDAV server must accept the
/// credentials and list calendars, a feed must be iCalendar. Audited; the first sync is
/// planned at once.
pub async fn connect(
    deps: &Deps,
    user: &User,
    input: &ConnectInput,
    origin: &Origin,
) -> Result<Connected, CalendarError> {
    let connect = input.validate().map_err(CalendarError::Invalid)?;
    let policy = deps.calendar_policy(&connect.url);
    let (shown_url, secret, remote) = match connect.provider {
        Provider::Caldav => {
            let remote_account = caldav::Account {
                url: connect.url.clone(),
                username: connect.username.clone(),
                password: connect.password.clone(),
            };
            let remote = caldav::discover(&remote_account, policy)
                .await
                .map_err(|err| refused("url", err.to_string()))?;
            if remote.is_empty() {
                return Err(refused(
                    "url",
                    "the server lists no calendars for this user",
                ));
            }
            (connect.url.clone(), connect.password.clone(), remote)
        }
        Provider::Ics => {
            check_feed(&connect, policy).await?;
            (feed_host(&connect.url), connect.url.clone(), Vec::new())
        }
    };
    let sealed = sync::seal(&deps.key, &secret);
    let (user_id, now, origin) = (user.id, deps.now(), origin.clone());
    let provider = connect.provider;
    let username = connect.username.clone();
    let id = deps
        .db
        .write(move |tx| -> Result<i64, DbError> {
            let id = calendars::insert_account(
                tx, user_id, provider, &shown_url, &username, &sealed, now,
            )?;
            match provider {
                Provider::Caldav => {
                    sync::store_calendars(tx, id, &remote)?;
                }
                Provider::Ics => {
                    calendars::upsert_calendar(tx, id, "", &shown_url, true)?;
                }
            }
            audit_account(tx, user_id, "calendar_connected", id, &origin, now)?;
            sync::plan(tx, id, now, now)?;
            Ok(id)
        })
        .await?;
    deps.wake_jobs();
    managed(deps, user, id).await
}

/// Audits what a host did to one of their calendar accounts.
fn audit_account(
    conn: &rusqlite::Connection,
    user_id: i64,
    action: &'static str,
    account_id: i64,
    origin: &Origin,
    now: chrono::DateTime<chrono::Utc>,
) -> rusqlite::Result<()> {
    audit::record(
        conn,
        now,
        &audit::Entry {
            actor: audit::Actor::User(user_id),
            action,
            object: Some(format!("calendar_account:{account_id}")),
            outcome: audit::Outcome::Success,
            origin,
        },
    )
    .map(|_| ())
}

/// A feed's host name: what the host sees of the feed's secret address.
fn feed_host(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default()
}

async fn check_feed(
    connect: &Connect,
    policy: crate::outbound::Policy,
) -> Result<(), CalendarError> {
    match sync::fetch_feed(&connect.url, None, policy).await {
        Ok(Fetched::Body { data, .. }) => {
            crate::integrations::calendars::ical::busy_between(
                &data,
                chrono::DateTime::UNIX_EPOCH,
                chrono::DateTime::UNIX_EPOCH,
                chrono_tz::Tz::UTC,
            )
            .map_err(|err| refused("url", err.to_string()))?;
            Ok(())
        }
        Ok(Fetched::NotModified) => Ok(()),
        Err(SyncError::Feed(reason)) => Err(refused("url", reason)),
        Err(err) => Err(refused("url", err.to_string())),
    }
}

/// An account of `user` (an administrator sees every account), with its calendars.
pub async fn managed(deps: &Deps, user: &User, id: i64) -> Result<Connected, CalendarError> {
    let user = user.clone();
    deps.db
        .read(move |conn| -> Result<Connected, CalendarError> {
            let account = calendars::account(conn, id)?
                .filter(|a| a.user_id == user.id || user.role.is_admin())
                .ok_or(CalendarError::NotFound)?;
            connected(conn, account)
        })
        .await
}

fn connected(conn: &rusqlite::Connection, account: Account) -> Result<Connected, CalendarError> {
    let calendars = calendars::calendars_of(conn, account.id)?;
    let destination = calendars::destination(conn, account.user_id)?.map(|(c, _)| c.id);
    Ok(Connected {
        account,
        calendars,
        destination,
    })
}

/// The host's accounts with their calendars.
pub async fn list(deps: &Deps, user: &User) -> Result<Vec<Connected>, CalendarError> {
    let user_id = user.id;
    deps.db
        .read(move |conn| -> Result<Vec<Connected>, CalendarError> {
            calendars::accounts_of(conn, user_id)?
                .into_iter()
                .map(|account| connected(conn, account))
                .collect()
        })
        .await
}

/// Removes an account, its credentials and its replicated events at once. Audited.
pub async fn disconnect(
    deps: &Deps,
    user: &User,
    id: i64,
    origin: &Origin,
) -> Result<(), CalendarError> {
    managed(deps, user, id).await?;
    let (user_id, now, origin) = (user.id, deps.now(), origin.clone());
    deps.db
        .write(move |tx| -> Result<(), DbError> {
            calendars::delete_account(tx, id)?;
            audit_account(tx, user_id, "calendar_disconnected", id, &origin, now)?;
            Ok(())
        })
        .await?;
    Ok(())
}

/// Plans a sync of the account now.
pub async fn sync_now(deps: &Deps, user: &User, id: i64) -> Result<(), CalendarError> {
    managed(deps, user, id).await?;
    let now = deps.now();
    deps.db
        .write(move |tx| sync::plan(tx, id, now, now).map_err(DbError::from))
        .await?;
    deps.wake_jobs();
    Ok(())
}

/// A host's choices for one calendar: whether it checks for conflicts, and whether it is
/// where new bookings are written.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalendarChoice {
    pub check_conflicts: Option<bool>,
    pub destination: Option<bool>,
}

/// Applies a host's choices to a calendar of one of their accounts.
pub async fn choose(
    deps: &Deps,
    user: &User,
    account_id: i64,
    calendar_id: i64,
    choice: CalendarChoice,
) -> Result<Connected, CalendarError> {
    let found = managed(deps, user, account_id).await?;
    let calendar = found
        .calendars
        .iter()
        .find(|c| c.id == calendar_id)
        .ok_or(CalendarError::NotFound)?
        .clone();
    if choice.destination == Some(true) && calendar.read_only {
        return Err(refused(
            "destination",
            "this calendar is read-only: bookings cannot be written there",
        ));
    }
    let owner = found.account.user_id;
    deps.db
        .write(move |tx| -> Result<(), DbError> {
            if let Some(on) = choice.check_conflicts {
                calendars::set_check_conflicts(tx, calendar_id, on)?;
            }
            match choice.destination {
                Some(true) => calendars::set_destination(tx, owner, Some(calendar_id))?,
                Some(false) if found.destination == Some(calendar_id) => {
                    calendars::set_destination(tx, owner, None)?
                }
                _ => {}
            }
            Ok(())
        })
        .await?;
    managed(deps, user, account_id).await
}

/// A host's options for one account; what is not given stays as it is.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccountOptions {
    /// Deleting a booking's event in this account's calendars cancels the booking (after
    /// a grace period in which restoring the event keeps it).
    pub sync_cancellations: Option<bool>,
    /// Before a booking is made, the destination calendar is asked once whether the time
    /// is still free.
    pub live_check: Option<bool>,
}

/// Sets the options of one of the host's accounts.
pub async fn set_options(
    deps: &Deps,
    user: &User,
    account_id: i64,
    options: AccountOptions,
) -> Result<Connected, CalendarError> {
    let found = managed(deps, user, account_id).await?;
    let sync_cancellations = options
        .sync_cancellations
        .unwrap_or(found.account.sync_cancellations);
    let live_check = options.live_check.unwrap_or(found.account.live_check);
    if found.account.provider == Provider::Ics && (sync_cancellations || live_check) {
        return Err(refused(
            if sync_cancellations {
                "syncCancellations"
            } else {
                "liveCheck"
            },
            "a feed is read-only: Kairos writes no bookings there",
        ));
    }
    deps.db
        .write(move |tx| {
            calendars::set_account_options(tx, account_id, sync_cancellations, live_check)
                .map_err(DbError::from)
        })
        .await?;
    managed(deps, user, account_id).await
}
