//! Who is signed in: accounts, passwords, sessions, one-time password links, CSRF tokens,
//! sign-in throttling and single sign-on.

pub mod link_mail;
pub mod mfa;
pub mod password;
pub mod reset;
pub mod sso;
pub mod throttle;
pub mod totp;
pub mod unlock;

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::audit::{self, Actor, Entry, Origin, Outcome};
use crate::config::Config;
use crate::crypto::{self, random_token, token_hash};
use crate::db::sessions::{self, Session};
use crate::db::users::{self, NewUser, Role, User};
use crate::db::{Db, DbError};
use crate::model::error::{FieldErrors, check_email};
use throttle::LoginThrottle;

/// The cookie that carries the session token.
pub const SESSION_COOKIE: &str = "kairos_session";
/// How long a password link printed by `kairos admin reset-password` stays valid.
pub const RESET_LINK_VALIDITY: Duration = Duration::minutes(30);
/// A session's last-seen time is written at most this often.
const TOUCH_INTERVAL: Duration = Duration::seconds(60);

/// How long sessions live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Signed out after this long without a request.
    pub idle: Duration,
    /// Signed out this long after signing in, whatever happens.
    pub lifetime: Duration,
}

impl SessionPolicy {
    pub fn from_config(config: &Config) -> Self {
        Self {
            idle: Duration::minutes(i64::from(config.session_idle_minutes)),
            lifetime: Duration::hours(i64::from(config.session_lifetime_hours)),
        }
    }

    /// The policy with the idle sign-out an administrator chose, if any.
    pub fn with_idle_minutes(self, minutes: Option<u32>) -> Self {
        match minutes {
            Some(minutes) => Self {
                idle: Duration::minutes(i64::from(minutes)),
                ..self
            },
            None => self,
        }
    }
}

/// The kinds of installation the setup wizard asks about: (value, description, minutes
/// without activity before signing out). A shared screen wants a short time; a laptop of
/// one's own a long one.
pub const INSTALLATION_KINDS: [(&str, &str, u32); 3] = [
    (
        "shared",
        "A practice or clinic: screens that others may see or use",
        15,
    ),
    ("office", "A team: everyone at a computer of their own", 60),
    ("personal", "Just me, on a computer of my own", 480),
];

/// The idle sign-out times administrators choose from, in minutes.
pub const IDLE_MINUTES_CHOICES: [u32; 6] = [5, 15, 30, 60, 240, 480];

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// One message for an unknown email, a wrong password and a disabled account.
    #[error("The email or password is wrong.")]
    WrongCredentials,
    #[error("Too many failed sign-in attempts. Try again in {} minutes.", minutes_rounded_up(*retry_after))]
    Throttled { retry_after: Duration },
    #[error(transparent)]
    Db(#[from] DbError),
}

fn minutes_rounded_up(duration: Duration) -> i64 {
    (duration.num_seconds() + 59) / 60
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error("this link is invalid, used or expired; ask for a new one")]
    InvalidLink,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for AccountError {
    fn from(err: rusqlite::Error) -> Self {
        AccountError::Db(DbError::from(err))
    }
}

impl From<FieldErrors> for AccountError {
    fn from(errors: FieldErrors) -> Self {
        AccountError::Invalid(errors)
    }
}

/// A new account as typed by a person.
#[derive(Debug, Clone)]
pub struct AccountInput {
    pub name: String,
    pub email: String,
    pub password: String,
}

impl AccountInput {
    /// Trims and checks every field; collects every problem.
    pub fn validate(mut self) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        self.name = self.name.trim().to_string();
        self.email = self.email.trim().to_string();
        if self.name.is_empty() {
            errors.add("name", "is required");
        } else if self.name.chars().count() > 100 {
            errors.add("name", "must be at most 100 characters");
        } else if let Err(reason) = crate::model::error::check_single_line(&self.name) {
            errors.add("name", reason);
        }
        if self.email.is_empty() {
            errors.add("email", "is required");
        } else if let Err(reason) = check_email(&self.email) {
            errors.add("email", reason);
        }
        if let Err(reason) = password::check_policy(&self.password) {
            errors.refuse("password", reason);
        }
        errors.into_result(self)
    }
}

/// Words that cannot be usernames because they are addresses of the application itself.
const RESERVED_USERNAMES: [&str; 22] = [
    "admin",
    "api",
    "assets",
    "booking",
    "bookings",
    "dashboard",
    "embed",
    "healthz",
    "invite",
    "login",
    "logout",
    "metrics",
    "readyz",
    "reset",
    "session",
    "settings",
    "setup",
    "static",
    "team",
    "teams",
    "user",
    "users",
];

/// Checks a username typed by a person: 2–40 characters, lowercase letters, digits, `-`
/// and `_`, starting with a letter or digit, and not an address of the application.
pub fn check_username(username: &str) -> Result<(), crate::model::error::Reason> {
    let valid_chars = username
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !(2..=40).contains(&username.len()) {
        Err(crate::reason!("error-characters-long", min = 2, max = 40))
    } else if !valid_chars || !username.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        Err(crate::reason!("error-username-characters"))
    } else if RESERVED_USERNAMES.contains(&username) {
        Err(crate::reason!("error-username-reserved"))
    } else {
        Ok(())
    }
}

/// A free username derived from an email address (`ana.lopez@…` → `ana-lopez`, then
/// `ana-lopez-2`, … when taken).
pub fn derive_username(conn: &Connection, email: &str) -> rusqlite::Result<String> {
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    let mut base = String::new();
    for c in local.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let mut base = base
        .trim_end_matches('-')
        .chars()
        .take(32)
        .collect::<String>();
    if check_username(&base).is_err() {
        base = format!("user-{base}").trim_end_matches('-').to_string();
        if base.len() < 2 || check_username(&base).is_err() {
            base = "host".to_string();
        }
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while check_username(&candidate).is_err() || users::username_taken(conn, &candidate)? {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

/// Inserts an account: a username is derived from the email; an existing email is a field
/// error. Without a password hash the person sets one through a one-time link.
pub fn insert_account(
    conn: &Connection,
    name: &str,
    email: &str,
    password_hash: Option<&str>,
    role: Role,
    time_zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<i64, AccountError> {
    if users::by_email(conn, email)?.is_some() {
        let mut errors = FieldErrors::new();
        errors.refuse("email", crate::reason!("error-email-registered"));
        return Err(errors.into());
    }
    let username = derive_username(conn, email)?;
    let id = users::insert(
        conn,
        &NewUser {
            email,
            name,
            username: &username,
            time_zone,
            password_hash,
            role,
        },
        now,
    )?;
    // Everyone starts with working hours they can change.
    let mut hours = crate::model::schedules::default_working_hours(time_zone);
    if let Ok(schedule) = hours.validate() {
        crate::db::schedules::insert(conn, id, &hours.name, &schedule, true, now)?;
    }
    Ok(id)
}

/// Hashes a password off the async runtime (argon2 is deliberately slow).
pub async fn hash_password(password: String) -> Result<String, DbError> {
    tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|_| DbError::WorkerGone)
}

/// How a person proved who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInMethod {
    Password,
    /// Password, then a TOTP or backup code.
    PasswordAndTotp,
    /// An OpenID Connect provider, which is responsible for its own second factor.
    SingleSignOn,
}

impl SignInMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            SignInMethod::Password => "password",
            SignInMethod::PasswordAndTotp => "password+totp",
            SignInMethod::SingleSignOn => "sso",
        }
    }

    /// The audit log's action for a sign-in this way.
    pub fn audit_action(self) -> &'static str {
        match self {
            SignInMethod::Password | SignInMethod::PasswordAndTotp => "sign_in",
            SignInMethod::SingleSignOn => "sso_sign_in",
        }
    }
}

/// Starts a session for `user_id` and returns its token (for the cookie).
pub fn start_session(
    conn: &Connection,
    user_id: i64,
    method: SignInMethod,
    policy: SessionPolicy,
    now: DateTime<Utc>,
) -> rusqlite::Result<String> {
    let token = random_token();
    sessions::insert(
        conn,
        &token_hash(&token),
        user_id,
        method.as_str(),
        now,
        now + policy.lifetime,
    )?;
    Ok(token)
}

/// Starts a session for a user who has proven who they are, and audits the sign-in.
/// Every way of signing in ends here: password (with a second factor when the user has
/// one) and single sign-on.
pub fn begin_session(
    conn: &Connection,
    user_id: i64,
    method: SignInMethod,
    policy: SessionPolicy,
    origin: &Origin,
    now: DateTime<Utc>,
) -> rusqlite::Result<String> {
    let token = start_session(conn, user_id, method, policy, now)?;
    let entry = Entry {
        actor: Actor::User(user_id),
        action: method.audit_action(),
        object: Some(format!("user:{user_id}")),
        outcome: Outcome::Success,
        origin,
    };
    audit::record(conn, now, &entry)?;
    Ok(token)
}

/// A successful sign-in.
#[derive(Debug)]
pub struct SignedIn {
    pub token: String,
    pub user: User,
}

/// Where a right password leads.
#[derive(Debug)]
pub enum SignInStep {
    /// Signed in.
    Done(SignedIn),
    /// The user has a second factor: the half-session token waits for it.
    SecondFactor { pending_token: String },
}

/// What a person typed to sign in, and the known-browser cookie their browser sent (see
/// [`throttle`]).
#[derive(Clone, Copy)]
pub struct Credentials<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub known_browser: Option<&'a str>,
}

/// Checks an email and password and starts a session, or, for a user with a second
/// factor, a half-session that waits for it. Every attempt is audited: the account it
/// named (if one exists), never the email or the password. A throttled attempt queues
/// the account's unlock email (see [`unlock`]).
pub async fn sign_in(
    db: &Db,
    throttle: &LoginThrottle,
    policy: SessionPolicy,
    credentials: Credentials<'_>,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<SignInStep, SignInError> {
    let Credentials {
        email,
        password,
        known_browser,
    } = credentials;
    let address = origin.ip.unwrap_or(IpAddr::from([127, 0, 0, 1]));
    let attempt = throttle::Attempt {
        email,
        address,
        known_browser,
    };
    if let Err(retry_after) = throttle.check(&attempt, now) {
        let (email, origin) = (email.to_string(), origin.clone());
        db.write(move |tx| {
            unlock::throttled(tx, &email, "sign_in", &origin, now).map_err(DbError::from)
        })
        .await?;
        return Err(SignInError::Throttled { retry_after });
    }
    let lookup = email.trim().to_string();
    let user: Option<User> = db
        .read(move |conn| users::by_email(conn, &lookup).map_err(DbError::from))
        .await?;
    let candidate = password.to_string();
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let matches = tokio::task::spawn_blocking(move || match stored {
        Some(hash) => password::verify(&candidate, &hash),
        None => {
            password::verify_nothing(&candidate);
            false
        }
    })
    .await
    .map_err(|_| DbError::WorkerGone)?;

    match user {
        Some(user) if matches && !user.disabled => {
            let user_id = user.id;
            let origin = origin.clone();
            let step = db
                .write(move |tx| -> Result<SignInStep, DbError> {
                    if crate::db::mfa::enrolled(tx, user_id)? {
                        let entry = Entry {
                            actor: Actor::User(user_id),
                            action: "sign_in_password",
                            object: Some(format!("user:{user_id}")),
                            outcome: Outcome::Success,
                            origin: &origin,
                        };
                        audit::record(tx, now, &entry)?;
                        let pending_token = mfa::start_pending(tx, user_id, now)?;
                        return Ok(SignInStep::SecondFactor { pending_token });
                    }
                    let method = SignInMethod::Password;
                    let token = begin_session(tx, user_id, method, policy, &origin, now)?;
                    Ok(SignInStep::Done(SignedIn { token, user }))
                })
                .await?;
            // With a second factor to come, failures keep counting until it is right.
            if matches!(step, SignInStep::Done(_)) {
                throttle.record_success(&attempt, now);
                tracing::info!(user_id, "signed in");
            }
            Ok(step)
        }
        other => {
            throttle.record_failure(&attempt, now);
            let user_id = other.map(|u| u.id);
            tracing::info!(user_id, %address, "sign-in refused");
            let (actor, object) = match user_id {
                Some(id) => (Actor::User(id), Some(format!("user:{id}"))),
                None => (Actor::Anonymous, None),
            };
            let outcome = Outcome::Failure;
            audit::record_alone(db, now, actor, "sign_in", object, outcome, origin).await?;
            Err(SignInError::WrongCredentials)
        }
    }
}

/// The user behind a session token, if the session is still alive. Expired sessions are
/// removed; live ones have their last-seen time refreshed.
pub async fn authenticate(
    db: &Db,
    policy: SessionPolicy,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(User, Session)>, DbError> {
    let hash = token_hash(token);
    let lookup = hash.clone();
    let found = db
        .read(move |conn| -> Result<_, DbError> {
            let Some(session) = sessions::find(conn, &lookup)? else {
                return Ok(None);
            };
            Ok(users::by_id(conn, session.user_id)?.map(|user| (user, session)))
        })
        .await?;
    let Some((user, session)) = found else {
        return Ok(None);
    };
    let expired = now >= session.expires_at || now - session.last_seen_at >= policy.idle;
    if expired || user.disabled {
        db.write(move |tx| sessions::delete(tx, &hash).map_err(DbError::from))
            .await?;
        return Ok(None);
    }
    let mut session = session;
    if now - session.last_seen_at >= TOUCH_INTERVAL {
        db.write(move |tx| sessions::touch(tx, &hash, now).map_err(DbError::from))
            .await?;
        session.last_seen_at = now;
    }
    Ok(Some((user, session)))
}

/// Keeps a session alive: the person answered "Stay signed in". Returns when the session
/// now ends without further activity, or `None` when it has already ended.
pub async fn extend_session(
    db: &Db,
    policy: SessionPolicy,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    let Some((_, session)) = authenticate(db, policy, token, now).await? else {
        return Ok(None);
    };
    let hash = token_hash(token);
    db.write(move |tx| sessions::touch(tx, &hash, now).map_err(DbError::from))
        .await?;
    Ok(Some((now + policy.idle).min(session.expires_at)))
}

/// Ends every session of a user ("sign out everywhere"); returns how many ended.
pub async fn sign_out_everywhere(
    db: &Db,
    user_id: i64,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<usize, DbError> {
    let origin = origin.clone();
    db.write(move |tx| -> Result<usize, DbError> {
        let ended = sessions::delete_for_user(tx, user_id)?;
        let entry = Entry {
            actor: Actor::User(user_id),
            action: "signed_out_everywhere",
            object: Some(format!("user:{user_id}")),
            outcome: Outcome::Success,
            origin: &origin,
        };
        audit::record(tx, now, &entry)?;
        tracing::info!(user_id, sessions = ended, "signed out everywhere");
        Ok(ended)
    })
    .await
}

/// Ends the session behind `token`, which belongs to `user_id`.
pub async fn sign_out(
    db: &Db,
    token: &str,
    user_id: i64,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let hash = token_hash(token);
    let origin = origin.clone();
    db.write(move |tx| -> Result<(), DbError> {
        sessions::delete(tx, &hash)?;
        let entry = Entry {
            actor: Actor::User(user_id),
            action: "sign_out",
            object: Some(format!("user:{user_id}")),
            outcome: Outcome::Success,
            origin: &origin,
        };
        audit::record(tx, now, &entry)?;
        Ok(())
    })
    .await
}

/// Creates a one-time link token that lets `user_id` choose a new password.
pub fn issue_password_link(
    conn: &Connection,
    user_id: i64,
    now: DateTime<Utc>,
    valid_for: Duration,
) -> rusqlite::Result<String> {
    let token = random_token();
    sessions::insert_password_link(conn, &token_hash(&token), user_id, now, now + valid_for)?;
    Ok(token)
}

/// Whether a password link can still be used.
pub async fn password_link_valid(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let hash = token_hash(token);
    db.read(move |conn| Ok(sessions::valid_password_link(conn, &hash, now)?.is_some()))
        .await
}

/// Uses a password link: sets the new password and ends every session of its user.
pub async fn redeem_password_link(
    db: &Db,
    token: &str,
    new_password: String,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<i64, AccountError> {
    if let Err(reason) = password::check_policy(&new_password) {
        return Err(FieldErrors::refusing("password", reason).into());
    }
    let hash = token_hash(token);
    let password_hash = hash_password(new_password).await?;
    let origin = origin.clone();
    db.write(move |tx| {
        let user_id =
            sessions::valid_password_link(tx, &hash, now)?.ok_or(AccountError::InvalidLink)?;
        if !sessions::use_password_link(tx, &hash, now)? {
            return Err(AccountError::InvalidLink);
        }
        users::set_password_hash(tx, user_id, &password_hash, now)?;
        sessions::delete_for_user(tx, user_id)?;
        let entry = Entry {
            actor: Actor::User(user_id),
            action: "password_reset_by_link",
            object: Some(format!("user:{user_id}")),
            outcome: Outcome::Success,
            origin: &origin,
        };
        audit::record(tx, now, &entry)?;
        tracing::info!(user_id, "password changed through a one-time link");
        Ok(user_id)
    })
    .await
}

/// The CSRF token for a form, bound to the browser's session (or pre-session) cookie.
pub fn csrf_token(csrf_key: &[u8; 32], binding: &str) -> String {
    crypto::hmac_hex(csrf_key, binding.as_bytes())
}

/// Whether a submitted CSRF token matches the binding.
pub fn csrf_valid(csrf_key: &[u8; 32], binding: &str, submitted: &str) -> bool {
    crypto::constant_time_eq(
        csrf_token(csrf_key, binding).as_bytes(),
        submitted.trim().as_bytes(),
    )
}

/// Creates a personal API key for a user; returns its id and the key, which is shown once.
/// The creation is audited as done by `actor` (the user, or the host shell).
pub fn create_api_key(
    conn: &Connection,
    user_id: i64,
    name: &str,
    actor: Actor,
    origin: &Origin,
    now: DateTime<Utc>,
) -> rusqlite::Result<(i64, String)> {
    let key = format!("kairos_{}", random_token());
    let prefix: String = key.chars().take(14).collect();
    let id = crate::db::api_keys::insert(conn, user_id, name, &prefix, &token_hash(&key), now)?;
    let entry = Entry {
        actor,
        action: "api_key_created",
        object: Some(format!("api_key:{id}")),
        outcome: Outcome::Success,
        origin,
    };
    audit::record(conn, now, &entry)?;
    Ok((id, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A second account with the same email is refused in the reader's language.
    #[test]
    fn a_taken_email_is_refused_in_german() -> Result<(), Box<dyn std::error::Error>> {
        use crate::i18n::Language;

        let dir = tempfile::tempdir()?;
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let db = crate::db::test_db(dir.path(), now)?;
        let insert = || {
            db.write_blocking(|tx| {
                insert_account(
                    tx,
                    "Ana",
                    "ana@example.org",
                    None,
                    Role::Member,
                    chrono_tz::UTC,
                    now,
                )
            })
        };
        insert()?;
        let Err(AccountError::Invalid(errors)) = insert() else {
            panic!("a second account with the same email was not refused");
        };
        assert_eq!(errors.get("email"), Some("already belongs to an account"));
        assert_eq!(
            errors.text("email", Language::German).as_deref(),
            Some("gehört bereits zu einem Konto")
        );
        Ok(())
    }

    #[test]
    fn usernames() {
        assert!(check_username("ana-lopez").is_ok());
        assert!(check_username("a").is_err());
        assert!(check_username("Ana").is_err());
        assert!(check_username("-ana").is_err());
        let reserved = check_username("dashboard").unwrap_err();
        assert!(
            reserved
                .text(crate::i18n::Language::English)
                .contains("reserved")
        );
        assert_eq!(
            reserved.text(crate::i18n::Language::German),
            "ist reserviert; bitte einen anderen wählen"
        );
    }

    #[test]
    fn usernames_are_derived_from_emails_and_kept_unique() -> Result<(), Box<dyn std::error::Error>>
    {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("CREATE TABLE users (username TEXT COLLATE NOCASE UNIQUE);")?;
        assert_eq!(
            derive_username(&conn, "Ana.Lopez+x@example.org")?,
            "ana-lopez-x"
        );
        conn.execute("INSERT INTO users (username) VALUES ('ana')", [])?;
        assert_eq!(derive_username(&conn, "ana@example.org")?, "ana-2");
        assert_eq!(derive_username(&conn, "admin@example.org")?, "user-admin");
        assert_eq!(derive_username(&conn, "x@example.org")?, "user-x");
        assert_eq!(derive_username(&conn, "__@example.org")?, "host");
        Ok(())
    }
}
