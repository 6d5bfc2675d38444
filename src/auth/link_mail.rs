//! One-time links emailed to an account by a job: the sign-in unlock link and the link
//! to choose a new password. The job creates the link's token when it runs, so a token
//! never rests in the queue; nothing is sent without a mail server, or to an account
//! that is gone, disabled or has no password. Each link sent is audited.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::audit::{self, Actor, Entry, Origin, Outcome};
use crate::crypto::{InstanceKey, random_token, token_hash};
use crate::db::users::{self, User};
use crate::db::{Db, DbError};
use crate::i18n::Language;
use crate::integrations::notify::{email, smtp};
use crate::jobs::{Job, JobFailure};

/// Where links point and whom they come from.
#[derive(Debug, Clone)]
pub struct Site {
    pub base_url: String,
    pub organization: String,
    /// The organization's language, for people who chose none.
    pub language: Language,
}

/// Stores a link's token hash for a user, valid from a time until another.
pub type StoreLink =
    fn(&Connection, &[u8], i64, DateTime<Utc>, DateTime<Utc>) -> rusqlite::Result<()>;

/// A kind of one-time link: how its token is stored, how long it works, where it leads
/// and what the email says.
pub struct LinkMail {
    /// Stores the token's hash for the user, valid from now until the given end.
    pub store: StoreLink,
    pub validity: Duration,
    /// The path of the link with a token.
    pub path: fn(&str) -> String,
    /// The email: its language, the organization, the recipient, the link.
    pub message: fn(Language, &str, &User, &str) -> email::Email,
    /// The system actor the sending is audited as.
    pub actor: &'static str,
    /// The audit action of a link sent.
    pub sent_action: &'static str,
}

/// Audits that someone asked, by address, for what sends a link (`action`, `outcome`),
/// naming the account when one has the address; returns that account.
pub fn asked_for(
    conn: &Connection,
    email: &str,
    (action, outcome): (&'static str, Outcome),
    origin: &Origin,
    now: DateTime<Utc>,
) -> rusqlite::Result<Option<User>> {
    let user = users::by_email(conn, email.trim())?;
    let entry = Entry {
        actor: Actor::Anonymous,
        action,
        object: user.as_ref().map(|user| format!("user:{}", user.id)),
        outcome,
        origin,
    };
    audit::record(conn, now, &entry)?;
    Ok(user)
}

/// Queues the job `kind` that emails `user` a link, unless one was queued for them in
/// the same period of `every_seconds`; a disabled account or one without a password
/// gets none.
pub fn queue(
    conn: &Connection,
    kind: &str,
    user: &User,
    every_seconds: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    if user.disabled || user.password_hash.is_none() {
        return Ok(());
    }
    let key = format!(
        "{kind}:{}:{}",
        user.id,
        now.timestamp().div_euclid(every_seconds)
    );
    let payload = serde_json::json!({ "userId": user.id });
    crate::jobs::queue::enqueue(
        conn,
        &crate::jobs::NewJob::new(kind, &payload, now)
            .dedupe_key(&key)
            .lane(crate::jobs::Lane::Email),
        now,
    )?;
    Ok(())
}

/// The email of a link to `user`: (subject, heading), the text, and the button (label,
/// link).
pub fn link_email(
    (organization, lang): (&str, Language),
    user: &User,
    (subject, heading): (&str, &str),
    text: &str,
    (label, link): (&str, &str),
) -> email::Email {
    email::Frame {
        lang,
        organization: organization.to_string(),
        heading: heading.to_string(),
        facts: Vec::new(),
        button: Some((label.to_string(), link.to_string())),
    }
    .render(
        vec![email::Recipient::new(&user.name, &user.email)],
        subject,
        text,
    )
}

/// Runs a job that emails `link` to the account named in its payload (`userId`).
pub async fn send(
    db: &Db,
    key: &InstanceKey,
    site: Site,
    policy: crate::outbound::Policy,
    job: Job,
    now: DateTime<Utc>,
    link: &'static LinkMail,
) -> Result<(), JobFailure> {
    let user_id = job
        .payload
        .get("userId")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| JobFailure::new("the job names no account"))?;
    let key = key.clone();
    let prepared = db
        .write(
            move |tx| -> Result<Option<(smtp::SmtpSettings, User, String)>, JobFailure> {
                let Some(smtp) =
                    smtp::load(tx, &key).map_err(|err| JobFailure::new(err.to_string()))?
                else {
                    return Ok(None);
                };
                let user = users::by_id(tx, user_id).map_err(DbError::from)?;
                let Some(user) = user.filter(|u| !u.disabled && u.password_hash.is_some()) else {
                    return Ok(None);
                };
                let token = random_token();
                (link.store)(tx, &token_hash(&token), user_id, now, now + link.validity)
                    .map_err(DbError::from)?;
                Ok(Some((smtp, user, token)))
            },
        )
        .await?;
    let Some((smtp, user, token)) = prepared else {
        return Ok(());
    };
    let address = format!("{}{}", site.base_url, (link.path)(&token));
    let lang = user.language.unwrap_or(site.language);
    let message = (link.message)(lang, &site.organization, &user, &address);
    email::send(&smtp, &message, policy)
        .await
        .map_err(|err| JobFailure::new(err.to_string().replace(&user.email, "(recipient)")))?;
    let entry_origin = Origin::host();
    db.write(move |tx| {
        let entry = Entry {
            actor: Actor::System(link.actor),
            action: link.sent_action,
            object: Some(format!("user:{user_id}")),
            outcome: Outcome::Success,
            origin: &entry_origin,
        };
        audit::record(tx, now, &entry).map_err(DbError::from)
    })
    .await?;
    tracing::info!(user_id, action = link.sent_action, "one-time link emailed");
    Ok(())
}
