//! "Forgot password?": with a mail server set up, anyone may ask for a link to choose a
//! new password for an email address. The answer never says whether an account has that
//! address; an account that has it gets the link by email, at most once every 15
//! minutes. The link works once, for [`crate::auth::RESET_LINK_VALIDITY`], and is the
//! same kind of link as `kairos admin reset-password` prints (`/reset/{token}`). Asking
//! and sending are audited; using the link is audited where it is redeemed.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::audit::{Origin, Outcome};
use crate::auth::RESET_LINK_VALIDITY;
use crate::auth::link_mail::{LinkMail, asked_for, link_email, queue};
use crate::db::sessions;
use crate::db::users::User;
use crate::i18n::Language;
use crate::integrations::notify::email;
use crate::t;

/// The job kind that emails an account its password link.
pub const RESET_JOB: &str = "password_reset";

/// How often one account may be sent a link, in seconds.
const ONE_EMAIL_PER_SECONDS: i64 = 15 * 60;

/// The path of a password link.
pub fn link_path(token: &str) -> String {
    format!("/reset/{token}")
}

/// The password link as the job that emails it sees it.
pub const LINK: LinkMail = LinkMail {
    store: sessions::insert_password_link,
    validity: RESET_LINK_VALIDITY,
    path: link_path,
    message,
    actor: "password_reset",
    sent_action: "password_reset_link_sent",
};

/// Records that someone asked for a password link for `email`, naming the account when
/// one has it, and queues its email. Call it in a write transaction; it does the same
/// whether or not the account exists, and sends nothing to a disabled account or one
/// without a password (those sign in another way).
pub fn requested(
    conn: &Connection,
    email: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let action = ("password_reset_requested", Outcome::Success);
    match asked_for(conn, email, action, origin, now)? {
        Some(user) => queue(conn, RESET_JOB, &user, ONE_EMAIL_PER_SECONDS, now),
        None => Ok(()),
    }
}

fn message(lang: Language, organization: &str, user: &User, link: &str) -> email::Email {
    let subject = t!(lang, "acct-reset-subject", organization = organization);
    let text = [
        t!(lang, "email-hello", name = user.name.as_str()),
        t!(
            lang,
            "acct-reset-text",
            organization = organization,
            minutes = RESET_LINK_VALIDITY.num_minutes()
        ),
        t!(lang, "acct-reset-not-you"),
    ]
    .join("\n\n");
    let heading = t!(lang, "acct-reset-heading");
    link_email(
        (organization, lang),
        user,
        (&subject, &heading),
        &text,
        (&heading, link),
    )
}
