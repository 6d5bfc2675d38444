//! Unlock links: when a sign-in to an account is refused by the throttle, the account's
//! owner gets an email (when a mail server is set up) with a one-time link, valid for an
//! hour. Opening it in a browser and confirming makes that browser known to the account,
//! so the throttle's limits for unknown browsers stop applying to it, and ends the streak
//! of failures from its address. Someone guessing a password can slow down sign-in from
//! unknown browsers, but cannot keep the owner out.
//!
//! At most one email per account per hour; the token is created by the job that sends
//! it, so it never rests in the queue. Sending and using links are audited.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::audit::{self, Actor, Entry, Origin, Outcome};
use crate::auth::AccountError;
use crate::auth::link_mail::{LinkMail, asked_for, link_email, queue};
use crate::crypto::token_hash;
use crate::db::users::{self, User};
use crate::db::{Db, DbError, sessions};
use crate::i18n::Language;
use crate::integrations::notify::email;
use crate::t;

/// The job kind that emails an account its unlock link.
pub const UNLOCK_JOB: &str = "sign_in_unlock";
/// How long an unlock link works.
pub const LINK_VALIDITY: Duration = Duration::hours(1);

/// The path of an unlock link.
pub fn link_path(token: &str) -> String {
    format!("/login/unlock/{token}")
}

/// Records a sign-in the throttle refused, naming the account when one has this email,
/// and queues its unlock email (one per account and clock hour). Call it in a write
/// transaction; it answers the same way whether or not the account exists.
pub fn throttled(
    conn: &Connection,
    email: &str,
    action: &'static str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let user = asked_for(conn, email, (action, Outcome::Denied), origin, now)?;
    match user {
        Some(user) => queue_email(conn, &user, now),
        None => Ok(()),
    }
}

/// Queues the unlock email of `user`, unless one was queued this clock hour.
pub fn queue_email(conn: &Connection, user: &User, now: DateTime<Utc>) -> rusqlite::Result<()> {
    queue(conn, UNLOCK_JOB, user, 3600, now)
}

/// The unlock link as the job that emails it sees it.
pub const LINK: LinkMail = LinkMail {
    store: sessions::insert_unlock_link,
    validity: LINK_VALIDITY,
    path: link_path,
    message,
    actor: "throttle",
    sent_action: "sign_in_unlock_sent",
};

fn message(lang: Language, organization: &str, user: &User, link: &str) -> email::Email {
    let subject = t!(lang, "acct-unlock-subject", organization = organization);
    let text = [
        t!(lang, "acct-hello"),
        t!(lang, "acct-unlock-text", organization = organization),
        t!(
            lang,
            "acct-unlock-how",
            minutes = LINK_VALIDITY.num_minutes()
        ),
    ]
    .join("\n\n");
    let heading = t!(lang, "acct-unlock-heading");
    link_email(
        (organization, lang),
        user,
        (&subject, &heading),
        &text,
        (&t!(lang, "acct-unlock-button"), link),
    )
}

/// Whether an unlock link can still be used.
pub async fn link_valid(db: &Db, token: &str, now: DateTime<Utc>) -> Result<bool, DbError> {
    let hash = token_hash(token);
    db.read(move |conn| Ok(sessions::valid_unlock_link(conn, &hash, now)?.is_some()))
        .await
}

/// Uses an unlock link; returns the email of its account, which the caller's throttle
/// unlocks for the browser.
pub async fn redeem(
    db: &Db,
    token: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<String, AccountError> {
    let hash = token_hash(token);
    let origin = origin.clone();
    db.write(move |tx| {
        let user_id =
            sessions::valid_unlock_link(tx, &hash, now)?.ok_or(AccountError::InvalidLink)?;
        if !sessions::use_unlock_link(tx, &hash, now)? {
            return Err(AccountError::InvalidLink);
        }
        let user = users::by_id(tx, user_id)?.ok_or(AccountError::InvalidLink)?;
        let entry = Entry {
            actor: Actor::User(user_id),
            action: "sign_in_unlock_used",
            object: Some(format!("user:{user_id}")),
            outcome: Outcome::Success,
            origin: &origin,
        };
        audit::record(tx, now, &entry)?;
        tracing::info!(user_id, "sign-in unlock link used");
        Ok(user.email)
    })
    .await
}
