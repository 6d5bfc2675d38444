//! The email that tells a host and the administrators that a connected account needs
//! connecting again (its vendor refused Kairos's access): a `calendar_access_notice` job
//! on the email lane, at most one per account a day. Without a mail server the Calendars
//! page and the audit log say it alone.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::db::DbError;
use crate::db::calendars;
use crate::db::users::{self, User};
use crate::integrations::Deps;
use crate::integrations::notify::{email, smtp};
use crate::jobs::{Job, JobFailure, Lane, NewJob, queue};
use crate::t;

/// The job kind.
pub const NOTICE_JOB: &str = "calendar_access_notice";

/// Queues the notice for account `account_id`, once a day at most.
pub fn queue_notice(
    conn: &Connection,
    account_id: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let payload = serde_json::json!({ "accountId": account_id });
    let key = format!(
        "{NOTICE_JOB}:{account_id}:{}",
        now.timestamp().div_euclid(24 * 3600)
    );
    queue::enqueue(
        conn,
        &NewJob::new(NOTICE_JOB, &payload, now)
            .dedupe_key(&key)
            .lane(Lane::Email),
        now,
    )?;
    Ok(())
}

/// Sends the notice to the account's host and every enabled administrator.
pub async fn run(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let account_id = super::sync::account_of(&job)?;
    let key = deps.key.clone();
    let found = deps
        .db
        .read(move |conn| -> Result<_, JobFailure> {
            let Some(smtp) =
                smtp::load(conn, &key).map_err(|err| JobFailure::new(err.to_string()))?
            else {
                return Ok(None);
            };
            let account = calendars::account(conn, account_id).map_err(DbError::from)?;
            let Some(account) = account.filter(|a| a.needs_reconnect) else {
                return Ok(None);
            };
            let host = users::by_id(conn, account.user_id).map_err(DbError::from)?;
            let Some(host) = host else {
                return Ok(None);
            };
            let mut to: Vec<User> = vec![host.clone()];
            for user in users::list_all(conn).map_err(DbError::from)? {
                if user.role.is_admin() && !user.disabled && user.id != host.id {
                    to.push(user);
                }
            }
            Ok(Some((smtp, account, host, to)))
        })
        .await?;
    // Nothing to say: no mail server, or the account was mended or removed meanwhile.
    let Some((smtp, account, host, to)) = found else {
        return Ok(());
    };
    let site = deps.site();
    let link = format!(
        "{}/dashboard/calendars",
        site.base_url.trim_end_matches('/')
    );
    // One message to the host and the administrators, in the host's language.
    let lang = host.language.unwrap_or(site.language);
    let (provider, name) = (account.provider.label(), host.name.as_str());
    let body = [
        t!(
            lang,
            "acct-revoked-text",
            provider = provider,
            account = account.username.as_str(),
            host = name
        ),
        t!(lang, "acct-revoked-effect", host = name),
        t!(lang, "acct-revoked-how", host = name),
    ]
    .join("\n\n");
    let message = email::Frame {
        lang,
        organization: site.organization.clone(),
        heading: t!(lang, "acct-revoked-heading", provider = provider),
        facts: Vec::new(),
        button: Some((t!(lang, "acct-revoked-button"), link)),
    }
    .render(
        to.iter()
            .map(|user| email::Recipient::new(&user.name, &user.email))
            .collect(),
        &t!(lang, "acct-revoked-subject", provider = provider),
        &body,
    );
    email::send(&smtp, &message, deps.admin_policy())
        .await
        .map_err(|err| JobFailure::new(redact(err.to_string(), &to)))?;
    tracing::info!(account_id, "calendar access notice emailed");
    Ok(())
}

/// An error without the recipients' addresses.
fn redact(mut text: String, to: &[User]) -> String {
    for user in to {
        text = text.replace(&user.email, "(recipient)");
    }
    text
}
