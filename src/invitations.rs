//! Invitations: an administrator invites someone by email and role; the person opens a
//! one-time link, valid for seven days, and chooses their name and password (and then,
//! when the instance requires it, sets up two-step verification). When a mail server is
//! configured the link is emailed; otherwise the administrator copies it.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use crate::audit::{self, Actor, Entry, Origin, Outcome};
use crate::auth::{self, AccountError, SessionPolicy, SignedIn, password};
use crate::crypto::{random_token, token_hash};
use crate::db::invitations::{self, Invitation, NewInvitation};
use crate::db::users::{self, Role, User};
use crate::db::{Db, DbError};
use crate::i18n::Language;
use crate::integrations::notify::email::{self, EmailError, Mailer};
use crate::model::error::{FieldErrors, check_email};
use crate::scheduling::manage::ManageError;
use crate::{reason, t};

/// How long an invitation link works.
pub const VALIDITY: Duration = Duration::days(7);

fn record(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: Actor,
    action: &'static str,
    invitation_id: i64,
    origin: &Origin,
) -> rusqlite::Result<()> {
    let entry = Entry {
        actor,
        action,
        object: Some(format!("invitation:{invitation_id}")),
        outcome: Outcome::Success,
        origin,
    };
    audit::record(conn, now, &entry).map(|_| ())
}

fn require_admin(user: &User) -> Result<(), ManageError> {
    if user.role.is_admin() {
        Ok(())
    } else {
        Err(ManageError::Forbidden(reason!("access-invite")))
    }
}

/// Creates an invitation; returns it and the link token, which is shown or sent once.
pub fn invite(
    conn: &Connection,
    admin: &User,
    email: &str,
    role: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(Invitation, String), ManageError> {
    require_admin(admin)?;
    let email = email.trim();
    let mut errors = FieldErrors::new();
    if let Err(reason) = check_email(email) {
        errors.add("email", reason);
    } else if users::by_email(conn, email)?.is_some() {
        errors.refuse("email", reason!("admin-error-has-account"));
    } else if invitations::pending_for_email(conn, email, now)? {
        errors.refuse("email", reason!("admin-error-invited"));
    }
    let role = Role::assignable(role).unwrap_or_else(|| {
        errors.refuse("role", reason!("error-member-or-admin"));
        Role::Member
    });
    errors.into_result(())?;
    let token = random_token();
    let hash = token_hash(&token);
    let new = NewInvitation {
        email,
        role,
        token_hash: &hash,
        invited_by: admin.id,
        expires_at: now + VALIDITY,
    };
    let id = invitations::insert(conn, &new, now)?;
    record(
        conn,
        now,
        Actor::User(admin.id),
        "invitation_created",
        id,
        origin,
    )?;
    tracing::info!(invitation_id = id, "invitation created");
    let invitation = Invitation {
        id,
        email: email.to_string(),
        role,
        invited_by: Some(admin.id),
        created_at: now,
        expires_at: now + VALIDITY,
    };
    Ok((invitation, token))
}

/// Revokes a pending invitation: its link stops working.
pub fn revoke(
    conn: &Connection,
    admin: &User,
    id: i64,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), ManageError> {
    require_admin(admin)?;
    if !invitations::revoke(conn, id, now)? {
        return Err(ManageError::NotFound("pending invitation"));
    }
    record(
        conn,
        now,
        Actor::User(admin.id),
        "invitation_revoked",
        id,
        origin,
    )?;
    Ok(())
}

pub async fn pending(db: &Db, now: DateTime<Utc>) -> Result<Vec<Invitation>, DbError> {
    db.read(move |conn| Ok(invitations::pending(conn, now)?))
        .await
}

/// How the link reached the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Emailed,
    /// No mail server is configured: the administrator passes the link on.
    NoMailServer,
    /// The mail server refused or could not be reached (its answer, for the admin).
    Failed(String),
}

/// Where an invitation points and who it comes from.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    /// The instance's public URL; the link is `{base_url}/invite/{token}`.
    pub base_url: &'a str,
    pub organization: &'a str,
    /// The organization's language: the invitation is written in it.
    pub language: Language,
}

/// A created invitation and how its link reached the person.
#[derive(Debug, Clone)]
pub struct Sent {
    pub invitation: Invitation,
    /// The one-time link, for the administrator to copy when it was not emailed.
    pub link: String,
    pub delivery: Delivery,
}

/// Creates an invitation (see [`invite`]) and emails its link through `mailer` when a
/// mail server is set up.
pub async fn send(
    db: &Db,
    mailer: Mailer<'_>,
    admin: &User,
    (email, role): (&str, &str),
    site: Site<'_>,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<Sent, ManageError> {
    let (admin, email, role, origin) = (
        admin.clone(),
        email.to_string(),
        role.to_string(),
        origin.clone(),
    );
    let (invitation, token) = db
        .write(move |tx| invite(tx, &admin, &email, &role, &origin, now))
        .await?;
    let link = format!("{}/invite/{token}", site.base_url);
    let delivery = deliver(
        mailer,
        (site.organization, site.language),
        &invitation.email,
        &link,
    )
    .await?;
    Ok(Sent {
        invitation,
        link,
        delivery,
    })
}

/// Emails the invitation link when a mail server is configured.
async fn deliver(
    mailer: Mailer<'_>,
    (organization, lang): (&str, Language),
    to: &str,
    link: &str,
) -> Result<Delivery, DbError> {
    let subject = t!(lang, "acct-invite-subject", organization = organization);
    let text = [
        t!(lang, "acct-hello"),
        t!(lang, "acct-invite-text", organization = organization),
        t!(lang, "acct-invite-expiry", days = VALIDITY.num_days()),
    ]
    .join("\n\n");
    let message = email::Frame {
        lang,
        organization: organization.to_string(),
        heading: t!(lang, "acct-invite-heading", organization = organization),
        facts: Vec::new(),
        button: Some((t!(lang, "acct-invite-button"), link.to_string())),
    }
    .render(vec![email::Recipient::new("", to)], &subject, &text);
    delivered(mailer, &message).await
}

/// Emails someone whose account an administrator created the one-time link to choose
/// their password (valid `days`), when a mail server is configured.
pub async fn send_account_link(
    mailer: Mailer<'_>,
    (organization, lang): (&str, Language),
    user: &User,
    link: &str,
    days: i64,
) -> Result<Delivery, DbError> {
    let subject = t!(lang, "acct-made-subject", organization = organization);
    let text = [
        t!(lang, "email-hello", name = user.name.as_str()),
        t!(lang, "acct-made-text", organization = organization),
        t!(lang, "acct-made-expiry", days = days),
    ]
    .join("\n\n");
    let message = email::Frame {
        lang,
        organization: organization.to_string(),
        heading: t!(lang, "acct-made-heading"),
        facts: Vec::new(),
        button: Some((t!(lang, "acct-made-button"), link.to_string())),
    }
    .render(
        vec![email::Recipient::new(&user.name, &user.email)],
        &subject,
        &text,
    );
    delivered(mailer, &message).await
}

/// Sends `message` when a mail server is configured, saying how it went.
async fn delivered(mailer: Mailer<'_>, message: &email::Email) -> Result<Delivery, DbError> {
    Ok(match mailer.send_configured(message).await {
        Ok(email::Delivery::Sent) => Delivery::Emailed,
        Ok(email::Delivery::NotConfigured) => Delivery::NoMailServer,
        Err(EmailError::Db(err)) => return Err(err),
        Err(err) => Delivery::Failed(err.to_string()),
    })
}

/// The invitation behind a link, if it can still be used.
pub async fn lookup(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Invitation>, DbError> {
    let hash = token_hash(token);
    db.read(move |conn| Ok(invitations::valid(conn, &hash, now)?))
        .await
}

/// What the invited person typed.
#[derive(Debug, Clone, Default)]
pub struct Acceptance {
    pub name: String,
    pub password: String,
    pub password_confirm: String,
}

/// Uses an invitation: creates the account with the invited email and role, marks the
/// link used and signs the person in.
pub async fn accept(
    db: &Db,
    policy: SessionPolicy,
    token: &str,
    input: Acceptance,
    time_zone: Tz,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<SignedIn, AccountError> {
    let mut errors = FieldErrors::new();
    let name = input.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 100 {
        errors.refuse(
            "name",
            reason!("error-characters-between", min = 1, max = 100),
        );
    } else if let Err(reason) = crate::model::error::check_single_line(&name) {
        errors.add("name", reason);
    }
    if let Err(reason) = password::check_policy(&input.password) {
        errors.refuse("password", reason);
    }
    if input.password != input.password_confirm {
        errors.refuse("password_confirm", reason!("error-password-mismatch"));
    }
    errors.into_result(())?;
    let password_hash = auth::hash_password(input.password).await?;
    let hash = token_hash(token);
    let origin = origin.clone();
    db.write(move |tx| -> Result<SignedIn, AccountError> {
        let invitation = invitations::valid(tx, &hash, now)?.ok_or(AccountError::InvalidLink)?;
        let user_id = auth::insert_account(
            tx,
            &name,
            &invitation.email,
            Some(&password_hash),
            invitation.role,
            time_zone,
            now,
        )?;
        if !invitations::mark_used(tx, invitation.id, user_id, now)? {
            return Err(AccountError::InvalidLink);
        }
        record(
            tx,
            now,
            Actor::User(user_id),
            "invitation_accepted",
            invitation.id,
            &origin,
        )?;
        let method = auth::SignInMethod::Password;
        let token = auth::begin_session(tx, user_id, method, policy, &origin, now)?;
        let user = users::by_id(tx, user_id)?.ok_or(AccountError::InvalidLink)?;
        tracing::info!(
            user_id,
            invitation_id = invitation.id,
            "invitation accepted"
        );
        Ok(SignedIn { token, user })
    })
    .await
}
