//! Connecting, listing, syncing and disconnecting a host's calendar accounts: what the
//! dashboard and the API call.

use crate::audit::{self, Origin};
use crate::db::DbError;
use crate::db::calendars::{self, Account, Calendar, Provider};
use crate::db::users::User;
use crate::integrations::Deps;
use crate::integrations::calendars::cloud::{self, CloudError};
use crate::integrations::calendars::sync::{self, Fetched};
use crate::integrations::calendars::zoom;
use crate::integrations::calendars::{caldav, sync::store_calendars};
use crate::integrations::oauth::{self, App, Grant, OAuthError, Vendor};
use crate::model::calendar::{Connect, ConnectInput};
use crate::model::error::{FieldErrors, Reason};
use crate::reason;

/// Why an account operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    #[error("{0}")]
    Invalid(FieldErrors),
    /// Connecting through a vendor's sign-in did not work.
    #[error("{0}")]
    Vendor(#[from] OAuthError),
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

fn refused(field: &str, reason: Reason) -> CalendarError {
    CalendarError::Invalid(FieldErrors::refusing(field, reason))
}

/// A refusal of the address, with the reason the server or feed gave.
fn did_not_work(reason: impl std::fmt::Display) -> CalendarError {
    refused(
        "url",
        reason!("cal-error-did-not-work", reason = reason.to_string()),
    )
}

/// How long connecting waits for the server or feed to answer: the person who connects
/// waits for the answer, and a refusal comes back as one for the `url` field.
pub const CHECK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// Connects an account after checking that it answers (within [`CHECK_TIMEOUT`]): a
/// CalDAV server must accept the credentials and list calendars, a feed must be
/// iCalendar. Audited; the first sync is planned at once.
pub async fn connect(
    deps: &Deps,
    user: &User,
    input: &ConnectInput,
    origin: &Origin,
) -> Result<Connected, CalendarError> {
    let connect = input.validate().map_err(CalendarError::Invalid)?;
    let (shown_url, secret, remote) = tokio::time::timeout(
        CHECK_TIMEOUT,
        check_account(&connect, deps.calendar_policy(&connect.url)),
    )
    .await
    .map_err(|_| {
        refused(
            "url",
            reason!("cal-error-no-answer", seconds = CHECK_TIMEOUT.as_secs()),
        )
    })??;
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
                _ => {
                    calendars::upsert_calendar(tx, id, "", &shown_url, true)?;
                }
            }
            connected_now(tx, user_id, id, &origin, now)?;
            Ok(id)
        })
        .await?;
    deps.wake_jobs();
    managed(deps, user, id).await
}

/// Where Kairos's sign-in with `vendor` returns to.
pub fn redirect_uri(deps: &Deps, vendor: Vendor) -> String {
    format!(
        "{}/dashboard/calendars/{}/callback",
        deps.site().base_url.trim_end_matches('/'),
        vendor.key()
    )
}

/// The vendor's app, as an administrator set it up.
pub async fn vendor_app(deps: &Deps, vendor: Vendor) -> Result<Option<App>, CalendarError> {
    let key = deps.key.clone();
    Ok(deps
        .db
        .read(move |conn| App::load(conn, &key, vendor).map_err(DbError::from))
        .await?)
}

/// Starts connecting an account with `vendor`: the address of the vendor's sign-in page,
/// bound to `user` and their session (`session`, a value only that session knows).
pub async fn start_vendor(
    deps: &Deps,
    user: &User,
    vendor: Vendor,
    session: &str,
) -> Result<String, CalendarError> {
    let app = vendor_app(deps, vendor)
        .await?
        .ok_or(OAuthError::NotConfigured(vendor.label()))?;
    let endpoints = deps.endpoints(vendor, Some(&app));
    Ok(oauth::authorize_url(
        vendor,
        &app,
        &endpoints,
        &redirect_uri(deps, vendor),
        user.id,
        session,
        deps.now(),
    )?)
}

/// Finishes connecting when the vendor sends the host back with a code: the grant is
/// obtained and checked by listing the calendars, then stored sealed. Connecting the same
/// vendor account again replaces the grant of the one already connected (it is how a host
/// mends an account whose access was revoked). Audited; the first sync is planned at once.
pub async fn finish_vendor(
    deps: &Deps,
    user: &User,
    vendor: Vendor,
    session: &str,
    (state, code): (&str, &str),
    origin: &Origin,
) -> Result<Connected, CalendarError> {
    let app = vendor_app(deps, vendor)
        .await?
        .ok_or(OAuthError::NotConfigured(vendor.label()))?;
    let endpoints = deps.endpoints(vendor, Some(&app));
    let grant = oauth::finish(
        vendor,
        &app,
        &endpoints,
        &redirect_uri(deps, vendor),
        state,
        code,
        user.id,
        session,
        deps.now(),
        deps.policy(),
    )
    .await?;
    let (address, remote) =
        tokio::time::timeout(CHECK_TIMEOUT, vendor_calendars(deps, vendor, &grant))
            .await
            .map_err(|_| {
                OAuthError::Unreachable(vendor.label(), "it did not answer in time".into())
            })?
            .map_err(|err| err.into_oauth(vendor))?;
    let provider = vendor.provider();
    let sealed = grant.seal(&deps.key);
    let (user_id, now, origin) = (user.id, deps.now(), origin.clone());
    let id = deps
        .db
        .write(move |tx| -> Result<i64, DbError> {
            let existing = calendars::accounts_of(tx, user_id)?
                .into_iter()
                .find(|a| a.provider == provider && a.username == address);
            let id = match existing {
                Some(account) => {
                    calendars::reconnect(tx, account.id, &sealed, now)?;
                    account.id
                }
                None => calendars::insert_account(
                    tx,
                    user_id,
                    provider,
                    vendor.label(),
                    &address,
                    &sealed,
                    now,
                )?,
            };
            store_calendars(tx, id, &remote)?;
            connected_now(tx, user_id, id, &origin, now)?;
            Ok(id)
        })
        .await?;
    deps.wake_jobs();
    managed(deps, user, id).await
}

/// Who the grant belongs to at the vendor, and their calendars.
async fn vendor_calendars(
    deps: &Deps,
    vendor: Vendor,
    grant: &Grant,
) -> Result<(String, Vec<caldav::RemoteCalendar>), CloudError> {
    let auth = cloud::Auth::Token(&grant.access_token);
    let Some(client) = cloud::Client::new(deps, vendor, auth) else {
        // Zoom: the user's address, and no calendars.
        let zoom = zoom::Client::new(cloud::Api::new(deps, vendor, auth));
        return Ok((zoom.address().await?, Vec::new()));
    };
    let address = client.primary_address().await?;
    let calendars = client.calendars().await?;
    Ok((address, calendars))
}

/// Checks that the account answers; returns what the host sees of its address, the secret
/// to seal, and the calendars a CalDAV server lists.
async fn check_account(
    connect: &Connect,
    policy: crate::outbound::Policy,
) -> Result<(String, String, Vec<caldav::RemoteCalendar>), CalendarError> {
    match connect.provider {
        Provider::Caldav => {
            let remote_account = caldav::Account {
                url: connect.url.clone(),
                username: connect.username.clone(),
                password: connect.password.clone(),
            };
            let remote =
                caldav::discover(&remote_account, policy)
                    .await
                    .map_err(|err| match err {
                        caldav::CaldavError::Unauthorized => {
                            refused("password", reason!("cal-error-password-refused"))
                        }
                        other => did_not_work(other),
                    })?;
            if remote.is_empty() {
                return Err(refused("url", reason!("cal-error-no-calendars")));
            }
            Ok((connect.url.clone(), connect.password.clone(), remote))
        }
        _ => {
            check_feed(connect, policy).await?;
            Ok((feed_host(&connect.url), connect.url.clone(), Vec::new()))
        }
    }
}

/// Records a connected account: audited, and its first sync planned at once.
fn connected_now(
    conn: &rusqlite::Connection,
    user_id: i64,
    id: i64,
    origin: &Origin,
    now: chrono::DateTime<chrono::Utc>,
) -> rusqlite::Result<()> {
    audit_account(conn, user_id, "calendar_connected", id, origin, now)?;
    sync::plan(conn, id, now, now)
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
            .map_err(did_not_work)?;
            Ok(())
        }
        Ok(Fetched::NotModified) => Ok(()),
        Err(err) => Err(did_not_work(err)),
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CalendarChoice {
    /// Whether the calendar's events block the host's slots; left out, it stays.
    pub check_conflicts: Option<bool>,
    /// `true` makes this the one calendar new bookings are written to (not a read-only
    /// calendar or a feed); `false` stops writing bookings here; left out, it stays.
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
            reason!("cal-error-read-only-destination"),
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
    let field = if sync_cancellations {
        "syncCancellations"
    } else {
        "liveCheck"
    };
    match found.account.provider {
        Provider::Ics if sync_cancellations || live_check => {
            return Err(refused(field, reason!("cal-error-feed-read-only")));
        }
        provider if provider.signs_in() && (sync_cancellations || live_check) => {
            return Err(refused(field, reason!("cal-error-caldav-only")));
        }
        _ => {}
    }
    deps.db
        .write(move |tx| {
            calendars::set_account_options(tx, account_id, sync_cancellations, live_check)
                .map_err(DbError::from)
        })
        .await?;
    managed(deps, user, account_id).await
}

/// One account as administrators see it: its sync health and whose it is.
#[derive(Debug, Clone)]
pub struct AccountHealth {
    pub account: Account,
    pub owner_email: String,
}

/// Every account on the instance with its owner, the failing ones first: for
/// administrators only (the web layer lets no one else ask).
pub async fn health(deps: &Deps) -> Result<Vec<AccountHealth>, CalendarError> {
    let found = deps
        .db
        .read(|conn| calendars::accounts_with_owners(conn).map_err(DbError::from))
        .await?;
    Ok(found
        .into_iter()
        .map(|(account, owner_email)| AccountHealth {
            account,
            owner_email,
        })
        .collect())
}
