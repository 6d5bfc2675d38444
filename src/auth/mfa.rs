//! Multi-factor authentication: enrolling a TOTP authenticator, backup codes, the second
//! step of signing in, and the instance's "require MFA" policy.
//!
//! The secret is sealed with the instance key; backup codes are stored as HMACs under a
//! key derived from it. A code is accepted only for a step later than the last accepted
//! one, so a code seen over someone's shoulder cannot be used again in its window. Every
//! change and every failed code is audited.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::audit::{self, Actor, Entry, Origin, Outcome};
use crate::auth::totp;
use crate::crypto::{InstanceKey, hmac_hex, random_bytes, random_token, token_hash};
use crate::db::users::{Role, User};
use crate::db::{Db, DbError, mfa, sessions, users};

/// The context under which TOTP secrets are sealed.
const SECRET_CONTEXT: &str = "mfa.totp-secret";
/// The purpose of the key backup codes are hashed with.
const BACKUP_CODE_KEY: &str = "mfa.backup-codes";
/// How many backup codes a person gets.
pub const BACKUP_CODES: usize = 10;
/// How long the second step of signing in may take.
pub const PENDING_VALIDITY: Duration = Duration::minutes(5);
/// The cookie that carries a half-session.
pub const PENDING_COOKIE: &str = "kairos_mfa";

/// Who must use a second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RequireMfa {
    #[default]
    Off,
    /// Owners and administrators.
    Administrators,
    Everyone,
}

impl RequireMfa {
    pub fn as_str(self) -> &'static str {
        match self {
            RequireMfa::Off => "off",
            RequireMfa::Administrators => "administrators",
            RequireMfa::Everyone => "everyone",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "off" => Some(RequireMfa::Off),
            "administrators" => Some(RequireMfa::Administrators),
            "everyone" => Some(RequireMfa::Everyone),
            _ => None,
        }
    }

    /// Whether someone with `role` must have a second factor.
    pub fn applies_to(self, role: Role) -> bool {
        match self {
            RequireMfa::Off => false,
            RequireMfa::Administrators => role.is_admin(),
            RequireMfa::Everyone => true,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MfaError {
    /// The code is not the current one, was used already, or is not a backup code.
    #[error("That code is not valid. Enter the current code from your app.")]
    WrongCode,
    #[error("Two-factor authentication is already on.")]
    AlreadyEnrolled,
    #[error("Two-factor authentication is not on.")]
    NotEnrolled,
    /// The half-session expired or never existed: start again with the password.
    #[error("The sign-in took too long. Enter your email and password again.")]
    Expired,
    #[error("Too many wrong codes. Try again in {} minutes.", (retry_after.num_seconds() + 59) / 60)]
    Throttled { retry_after: Duration },
    #[error("the authenticator's secret cannot be opened with this instance key")]
    SecretUnreadable,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for MfaError {
    fn from(err: rusqlite::Error) -> Self {
        MfaError::Db(DbError::from(err))
    }
}

/// What the enrollment page shows: the secret as text and in the QR code's URI.
#[derive(Debug, Clone)]
pub struct Enrollment {
    pub secret_base32: String,
    pub uri: String,
}

/// Whether the user has a confirmed authenticator.
pub async fn enrolled(db: &Db, user_id: i64) -> Result<bool, DbError> {
    db.read(move |conn| Ok(mfa::enrolled(conn, user_id)?)).await
}

fn open_secret(key: &InstanceKey, sealed: &[u8]) -> Result<Vec<u8>, MfaError> {
    key.decrypt(sealed, SECRET_CONTEXT)
        .map_err(|_| MfaError::SecretUnreadable)
}

/// The enrollment in progress for `user`: the pending secret, created on first visit.
pub async fn enrollment(
    db: &Db,
    key: &InstanceKey,
    user: &User,
    issuer: &str,
    now: DateTime<Utc>,
) -> Result<Enrollment, MfaError> {
    let (user_id, key) = (user.id, key.clone());
    let secret = db
        .write(move |tx| -> Result<Vec<u8>, MfaError> {
            match mfa::totp(tx, user_id)? {
                Some(found) if found.confirmed_at.is_some() => Err(MfaError::AlreadyEnrolled),
                Some(found) => Ok(open_secret(&key, &found.sealed_secret)?),
                None => {
                    let secret = random_bytes::<{ totp::SECRET_LEN }>().to_vec();
                    let sealed = key.encrypt(&secret, SECRET_CONTEXT);
                    mfa::insert_unconfirmed(tx, user_id, &sealed, now)?;
                    Ok(secret)
                }
            }
        })
        .await?;
    Ok(Enrollment {
        secret_base32: totp::base32(&secret),
        uri: totp::otpauth_uri(issuer, &user.email, &secret),
    })
}

fn record(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: Actor,
    action: &'static str,
    user_id: i64,
    outcome: Outcome,
    origin: &Origin,
) -> rusqlite::Result<()> {
    let entry = Entry {
        actor,
        action,
        object: Some(format!("user:{user_id}")),
        outcome,
        origin,
    };
    audit::record(conn, now, &entry).map(|_| ())
}

/// Normalizes a typed backup code: lowercase, without spaces or dashes.
fn normalize_backup_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn backup_code_hash(key: &InstanceKey, user_id: i64, code: &str) -> Vec<u8> {
    let message = format!("{user_id}:{}", normalize_backup_code(code));
    hmac_hex(&key.derive(BACKUP_CODE_KEY), message.as_bytes()).into_bytes()
}

/// Ten new backup codes (`xxxx-xxxx`, 40 random bits each), stored hashed; the plain
/// codes are returned to be shown once.
fn issue_backup_codes(
    conn: &Connection,
    key: &InstanceKey,
    user_id: i64,
) -> rusqlite::Result<Vec<String>> {
    let codes: Vec<String> = (0..BACKUP_CODES)
        .map(|_| {
            let raw = totp::base32(&random_bytes::<5>()).to_lowercase();
            format!("{}-{}", &raw[..4], &raw[4..])
        })
        .collect();
    let hashes: Vec<Vec<u8>> = codes
        .iter()
        .map(|code| backup_code_hash(key, user_id, code))
        .collect();
    mfa::replace_backup_codes(conn, user_id, &hashes)?;
    Ok(codes)
}

/// Confirms the enrollment with a first code from the app; returns the backup codes.
pub async fn confirm(
    db: &Db,
    key: &InstanceKey,
    user: &User,
    typed: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<Vec<String>, MfaError> {
    let (user_id, key, origin) = (user.id, key.clone(), origin.clone());
    let code = totp::parse_code(typed);
    db.write(
        move |tx| -> Result<Result<Vec<String>, MfaError>, MfaError> {
            let found = match mfa::totp(tx, user_id)? {
                Some(found) if found.confirmed_at.is_some() => {
                    return Err(MfaError::AlreadyEnrolled);
                }
                Some(found) => found,
                None => return Err(MfaError::NotEnrolled),
            };
            let secret = open_secret(&key, &found.sealed_secret)?;
            let step = code.and_then(|code| totp::matching_step(&secret, code, now.timestamp(), 0));
            let Some(step) = step else {
                // Audited and committed, though the caller sees the error.
                let (actor, outcome) = (Actor::User(user_id), Outcome::Failure);
                record(tx, now, actor, "mfa_enrollment", user_id, outcome, &origin)?;
                return Ok(Err(MfaError::WrongCode));
            };
            mfa::confirm(tx, user_id, step, now)?;
            let codes = issue_backup_codes(tx, &key, user_id)?;
            record(
                tx,
                now,
                Actor::User(user_id),
                "mfa_enabled",
                user_id,
                Outcome::Success,
                &origin,
            )?;
            tracing::info!(user_id, "two-factor authentication enabled");
            Ok(Ok(codes))
        },
    )
    .await?
}

/// Which second factor was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Factor {
    Totp,
    BackupCode,
}

/// Checks a typed code against the user's authenticator (a code from a step not used
/// before) or, when `backup_codes` allows, an unused backup code, and uses it up.
fn use_code(
    conn: &Connection,
    key: &InstanceKey,
    user_id: i64,
    typed: &str,
    backup_codes: bool,
    now: DateTime<Utc>,
) -> Result<Option<Factor>, MfaError> {
    let found = mfa::totp(conn, user_id)?
        .filter(|found| found.confirmed_at.is_some())
        .ok_or(MfaError::NotEnrolled)?;
    if let Some(code) = totp::parse_code(typed) {
        let secret = open_secret(key, &found.sealed_secret)?;
        let step = totp::matching_step(&secret, code, now.timestamp(), found.last_step);
        return Ok(match step {
            Some(step) if mfa::use_step(conn, user_id, step)? => Some(Factor::Totp),
            _ => None,
        });
    }
    if backup_codes && normalize_backup_code(typed).len() == 8 {
        let hash = backup_code_hash(key, user_id, typed);
        if mfa::use_backup_code(conn, user_id, &hash, now)? {
            return Ok(Some(Factor::BackupCode));
        }
    }
    Ok(None)
}

/// Turns the second factor off after checking a current code from the app.
pub async fn disable(
    db: &Db,
    key: &InstanceKey,
    user: &User,
    typed: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), MfaError> {
    let remove = |tx: &Connection, _: &InstanceKey, user_id| {
        mfa::remove(tx, user_id)?;
        tracing::info!(user_id, "two-factor authentication disabled");
        Ok(())
    };
    with_current_code(db, key, user, typed, origin, now, "mfa_disabled", remove).await
}

/// Replaces the backup codes, the unused ones too, after checking a current code from
/// the app; returns the new codes, to be shown once.
pub async fn replace_backup_codes(
    db: &Db,
    key: &InstanceKey,
    user: &User,
    typed: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<Vec<String>, MfaError> {
    let replace = |tx: &Connection, key: &InstanceKey, user_id| {
        let codes = issue_backup_codes(tx, key, user_id)?;
        tracing::info!(user_id, "backup codes replaced");
        Ok(codes)
    };
    let action = "mfa_backup_codes_replaced";
    with_current_code(db, key, user, typed, origin, now, action, replace).await
}

/// Runs `change` in one transaction once `typed` is a current code from the user's app
/// (a backup code does not do), auditing `action` as a failure or a success.
#[allow(clippy::too_many_arguments)]
async fn with_current_code<T: Send + 'static>(
    db: &Db,
    key: &InstanceKey,
    user: &User,
    typed: &str,
    origin: &Origin,
    now: DateTime<Utc>,
    action: &'static str,
    change: impl FnOnce(&Connection, &InstanceKey, i64) -> Result<T, MfaError> + Send + 'static,
) -> Result<T, MfaError> {
    let (user_id, key, typed, origin) = (user.id, key.clone(), typed.to_string(), origin.clone());
    db.write(move |tx| -> Result<Result<T, MfaError>, MfaError> {
        let actor = Actor::User(user_id);
        if use_code(tx, &key, user_id, &typed, false, now)?.is_none() {
            record(tx, now, actor, action, user_id, Outcome::Failure, &origin)?;
            return Ok(Err(MfaError::WrongCode));
        }
        let done = change(tx, &key, user_id)?;
        record(tx, now, actor, action, user_id, Outcome::Success, &origin)?;
        Ok(Ok(done))
    })
    .await?
}

/// Unused backup codes the user has left.
pub async fn backup_codes_left(db: &Db, user_id: i64) -> Result<i64, DbError> {
    db.read(move |conn| Ok(mfa::unused_backup_codes(conn, user_id)?))
        .await
}

/// Starts the half-session that waits for the second factor; returns its token.
pub fn start_pending(
    conn: &Connection,
    user_id: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<String> {
    let token = random_token();
    mfa::insert_pending(
        conn,
        &token_hash(&token),
        user_id,
        now,
        now + PENDING_VALIDITY,
    )?;
    Ok(token)
}

/// Whether a half-session is still waiting.
pub async fn pending_valid(db: &Db, token: &str, now: DateTime<Utc>) -> Result<bool, DbError> {
    let hash = token_hash(token);
    db.read(move |conn| Ok(mfa::pending_user(conn, &hash, now)?.is_some()))
        .await
}

/// A code typed at the second step, for the half-session it answers.
#[derive(Debug, Clone, Copy)]
pub struct CodeAttempt<'a> {
    /// The half-session's token (from its cookie).
    pub pending_token: &'a str,
    /// A TOTP code or a backup code, as typed.
    pub code: &'a str,
    /// The browser's known-browser cookie, see [`super::throttle`].
    pub known_browser: Option<&'a str>,
}

/// The second step of signing in: checks a TOTP or backup code for the half-session
/// behind `token` and starts the session. Wrong codes count against the account like
/// wrong passwords.
pub async fn complete_sign_in(
    db: &Db,
    key: &InstanceKey,
    throttle: &super::throttle::LoginThrottle,
    policy: super::SessionPolicy,
    attempt: CodeAttempt<'_>,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<super::SignedIn, MfaError> {
    let CodeAttempt {
        pending_token,
        code: typed,
        known_browser,
    } = attempt;
    let hash = token_hash(pending_token);
    let lookup = hash.clone();
    let user = db
        .read(move |conn| -> Result<Option<User>, DbError> {
            let Some(user_id) = mfa::pending_user(conn, &lookup, now)? else {
                return Ok(None);
            };
            Ok(users::by_id(conn, user_id)?)
        })
        .await?
        .filter(|user| !user.disabled)
        .ok_or(MfaError::Expired)?;
    let address = origin.ip.unwrap_or(std::net::IpAddr::from([127, 0, 0, 1]));
    let email = user.email.clone();
    let throttle_attempt = super::throttle::Attempt {
        email: &email,
        address,
        known_browser,
    };
    if let Err(retry_after) = throttle.check(&throttle_attempt, now) {
        let (refused, origin) = (user.clone(), origin.clone());
        db.write(move |tx| -> Result<(), DbError> {
            let actor = Actor::User(refused.id);
            record(
                tx,
                now,
                actor,
                "mfa_sign_in",
                refused.id,
                Outcome::Denied,
                &origin,
            )?;
            super::unlock::queue_email(tx, &refused, now)?;
            Ok(())
        })
        .await?;
        return Err(MfaError::Throttled { retry_after });
    }
    let (user_id, key, typed, origin_owned) =
        (user.id, key.clone(), typed.to_string(), origin.clone());
    let result = db
        .write(
            move |tx| -> Result<Result<(String, Factor), MfaError>, MfaError> {
                let actor = Actor::User(user_id);
                let Some(factor) = use_code(tx, &key, user_id, &typed, true, now)? else {
                    record(
                        tx,
                        now,
                        actor,
                        "mfa_sign_in",
                        user_id,
                        Outcome::Failure,
                        &origin_owned,
                    )?;
                    return Ok(Err(MfaError::WrongCode));
                };
                mfa::delete_pending(tx, &hash)?;
                if factor == Factor::BackupCode {
                    record(
                        tx,
                        now,
                        actor.clone(),
                        "mfa_backup_code_used",
                        user_id,
                        Outcome::Success,
                        &origin_owned,
                    )?;
                }
                let method = super::SignInMethod::PasswordAndTotp;
                let token = super::begin_session(tx, user_id, method, policy, &origin_owned, now)?;
                Ok(Ok((token, factor)))
            },
        )
        .await?;
    match result {
        Ok((token, _factor)) => {
            throttle.record_success(&throttle_attempt, now);
            tracing::info!(user_id = user.id, "signed in with a second factor");
            Ok(super::SignedIn { token, user })
        }
        Err(err) => {
            throttle.record_failure(&throttle_attempt, now);
            Err(err)
        }
    }
}

/// Removes a user's second factor from the host shell (`kairos admin reset-mfa`): their
/// authenticator, backup codes and every session end.
pub fn reset(
    conn: &Connection,
    user_id: i64,
    actor: Actor,
    origin: &Origin,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let removed = mfa::remove(conn, user_id)?;
    let ended = sessions::delete_for_user(conn, user_id)?;
    record(
        conn,
        now,
        actor,
        "mfa_reset",
        user_id,
        Outcome::Success,
        origin,
    )?;
    tracing::info!(user_id, sessions = ended, "two-factor authentication reset");
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_names_who_must_enroll() {
        for (policy, member, admin, owner) in [
            (RequireMfa::Off, false, false, false),
            (RequireMfa::Administrators, false, true, true),
            (RequireMfa::Everyone, true, true, true),
        ] {
            assert_eq!(policy.applies_to(Role::Member), member, "{policy:?}");
            assert_eq!(policy.applies_to(Role::Admin), admin, "{policy:?}");
            assert_eq!(policy.applies_to(Role::Owner), owner, "{policy:?}");
            assert_eq!(RequireMfa::parse(policy.as_str()), Some(policy));
        }
        assert_eq!(RequireMfa::parse("admins"), None);
    }

    #[test]
    fn backup_codes_are_keyed_per_instance_and_user_and_forgive_typing() {
        let key = InstanceKey::from_bytes([3; 32]);
        let hash = backup_code_hash(&key, 7, "abcd-efgh");
        assert_eq!(hash, backup_code_hash(&key, 7, " ABCD EFGH "));
        assert_ne!(hash, backup_code_hash(&key, 8, "abcd-efgh"));
        let other = InstanceKey::from_bytes([4; 32]);
        assert_ne!(hash, backup_code_hash(&other, 7, "abcd-efgh"));
        assert!(!String::from_utf8_lossy(&hash).contains("abcd"));
    }
}
