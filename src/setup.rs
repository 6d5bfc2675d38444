//! First-run setup.
//!
//! While no administrator exists, each start issues a single-use setup token valid for
//! 30 minutes and prints the setup URL that carries it. Only someone who can read the
//! console or the log can claim the instance. The wizard creates the owner account, then
//! asks for the instance settings; after that, setup is closed for good.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Duration, Utc, Weekday};
use chrono_tz::Tz;

use crate::audit::{self, Actor, Entry, Origin, Outcome};
use crate::auth::{self, AccountError, AccountInput, SessionPolicy};
use crate::config::parse_base_url;
use crate::crypto::{constant_time_eq, random_token, token_hash};
use crate::db::users::{self, Role};
use crate::db::{Db, DbError};
use crate::instance::InstanceSettings;
use crate::model::error::FieldErrors;

pub const TOKEN_VALIDITY: Duration = Duration::minutes(30);

#[derive(Debug)]
struct IssuedToken {
    hash: Vec<u8>,
    expires_at: DateTime<Utc>,
}

/// Where setup stands, shared by every request.
#[derive(Debug, Default)]
pub struct SetupGate {
    token: Mutex<Option<IssuedToken>>,
    admin_exists: AtomicBool,
    completed: AtomicBool,
}

impl SetupGate {
    pub fn new(admin_exists: bool, completed: bool) -> Self {
        Self {
            token: Mutex::new(None),
            admin_exists: AtomicBool::new(admin_exists),
            completed: AtomicBool::new(completed),
        }
    }

    /// Issues a fresh token (replacing any earlier one) and returns it.
    pub fn issue(&self, now: DateTime<Utc>) -> String {
        let token = random_token();
        *self.token.lock().unwrap_or_else(|p| p.into_inner()) = Some(IssuedToken {
            hash: token_hash(&token),
            expires_at: now + TOKEN_VALIDITY,
        });
        token
    }

    /// Whether `token` is the current, unexpired setup token.
    pub fn token_valid(&self, token: &str, now: DateTime<Utc>) -> bool {
        let issued = self.token.lock().unwrap_or_else(|p| p.into_inner());
        issued.as_ref().is_some_and(|issued| {
            now < issued.expires_at && constant_time_eq(&issued.hash, &token_hash(token))
        })
    }

    /// Voids the token if `token` is it; true when it was valid. Only one caller can win.
    fn consume(&self, token: &str, now: DateTime<Utc>) -> bool {
        let mut issued = self.token.lock().unwrap_or_else(|p| p.into_inner());
        let valid = issued.as_ref().is_some_and(|issued| {
            now < issued.expires_at && constant_time_eq(&issued.hash, &token_hash(token))
        });
        if valid {
            *issued = None;
        }
        valid
    }

    pub fn admin_exists(&self) -> bool {
        self.admin_exists.load(Ordering::SeqCst)
    }

    pub fn is_completed(&self) -> bool {
        self.completed.load(Ordering::SeqCst)
    }

    /// Takes in what the database says now: `kairos admin create`, run from the host
    /// shell while the server runs, creates an administrator and completes setup.
    pub fn observe(&self, admin_exists: bool, completed: bool) {
        if admin_exists {
            self.mark_admin_created();
        }
        if completed {
            self.mark_completed();
        }
    }

    fn mark_admin_created(&self) {
        self.admin_exists.store(true, Ordering::SeqCst);
    }

    fn mark_completed(&self) {
        self.completed.store(true, Ordering::SeqCst);
        *self.token.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("the setup link is invalid or has expired; restart kairos to get a fresh one")]
    InvalidToken,
    #[error("setup is already complete")]
    AlreadyDone,
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<FieldErrors> for SetupError {
    fn from(errors: FieldErrors) -> Self {
        SetupError::Account(AccountError::Invalid(errors))
    }
}

impl From<rusqlite::Error> for SetupError {
    fn from(err: rusqlite::Error) -> Self {
        SetupError::Db(DbError::from(err))
    }
}

/// Step 1: creates the owner account with the setup token and signs them in.
/// Returns the new session token.
pub async fn create_owner(
    db: &Db,
    gate: &SetupGate,
    policy: SessionPolicy,
    token: &str,
    input: AccountInput,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<String, SetupError> {
    if gate.is_completed() || gate.admin_exists() {
        return Err(SetupError::AlreadyDone);
    }
    if !gate.token_valid(token, now) {
        return Err(SetupError::InvalidToken);
    }
    let input = input.validate()?;
    let password_hash = auth::hash_password(input.password.clone()).await?;
    // Only one request can hold the token; the transaction re-checks for an admin.
    if !gate.consume(token, now) {
        return Err(SetupError::InvalidToken);
    }
    let origin = origin.clone();
    let result = db
        .write(move |tx| -> Result<String, SetupError> {
            if users::admin_exists(tx)? {
                return Err(SetupError::AlreadyDone);
            }
            let user_id = auth::insert_account(
                tx,
                &input.name,
                &input.email,
                Some(&password_hash),
                Role::Owner,
                chrono_tz::Tz::UTC,
                now,
            )?;
            tracing::info!(user_id, "setup: owner account created");
            let entry = Entry {
                actor: Actor::Anonymous,
                action: "setup_owner_created",
                object: Some(format!("user:{user_id}")),
                outcome: Outcome::Success,
                origin: &origin,
            };
            audit::record(tx, now, &entry)?;
            Ok(auth::start_session(
                tx,
                user_id,
                auth::SignInMethod::Password,
                policy,
                now,
            )?)
        })
        .await;
    match &result {
        Ok(_) => gate.mark_admin_created(),
        // A form error must not burn the token: the person fixes the field and resubmits.
        Err(SetupError::Account(AccountError::Invalid(_))) => {
            gate.restore(token, now);
        }
        Err(_) => {}
    }
    result
}

impl SetupGate {
    fn restore(&self, token: &str, now: DateTime<Utc>) {
        let mut issued = self.token.lock().unwrap_or_else(|p| p.into_inner());
        if issued.is_none() && !self.is_completed() {
            *issued = Some(IssuedToken {
                hash: token_hash(token),
                expires_at: now + TOKEN_VALIDITY,
            });
        }
    }
}

/// The instance step as typed in the wizard.
#[derive(Debug, Clone, Default)]
pub struct InstanceInput {
    pub organization_name: String,
    pub base_url: String,
    pub default_time_zone: String,
    pub first_day_of_week: String,
    /// One of [`auth::INSTALLATION_KINDS`]: sets the idle sign-out that fits it; empty
    /// keeps the configured one.
    pub installation: String,
    /// The tag of one of Kairos's languages; empty is English.
    pub default_language: String,
}

impl InstanceInput {
    pub fn validate(&self) -> Result<InstanceSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let organization_name = self.organization_name.trim().to_string();
        if organization_name.is_empty() {
            errors.add("organization_name", "is required");
        } else if organization_name.chars().count() > 100 {
            errors.add("organization_name", "must be at most 100 characters");
        }
        let base_url = match self.base_url.trim() {
            "" => None,
            url => match parse_base_url(url) {
                Ok(url) => Some(url),
                Err(reason) => {
                    errors.add("base_url", reason);
                    None
                }
            },
        };
        let zone = self
            .default_time_zone
            .trim()
            .parse::<Tz>()
            .unwrap_or_else(|_| {
                errors.refuse("default_time_zone", crate::reason!("error-setup-time-zone"));
                Tz::UTC
            });
        let first_day = match self.first_day_of_week.trim() {
            "monday" => Weekday::Mon,
            "sunday" => Weekday::Sun,
            "saturday" => Weekday::Sat,
            _ => {
                errors.refuse("first_day_of_week", crate::reason!("error-first-day"));
                Weekday::Mon
            }
        };
        let session_idle_minutes = match self.installation.trim() {
            "" => None,
            kind => {
                let found = auth::INSTALLATION_KINDS
                    .iter()
                    .find(|(value, _, _)| *value == kind)
                    .map(|(_, _, minutes)| *minutes);
                if found.is_none() {
                    errors.refuse("installation", crate::reason!("error-installation"));
                }
                found
            }
        };
        let default_language = match self.default_language.trim() {
            "" => crate::present::Language::English,
            tag => crate::present::Language::from_tag(tag).unwrap_or_else(|| {
                errors.refuse("default_language", crate::reason!("error-language-any"));
                crate::present::Language::English
            }),
        };
        errors.into_result(InstanceSettings {
            organization_name,
            default_language,
            base_url,
            default_time_zone: zone,
            first_day_of_week: first_day,
            setup_completed: true,
            session_idle_minutes,
            ..InstanceSettings::default()
        })
    }
}

/// Step 2: saves the instance settings, audited as the administrator `admin_id`'s
/// `settings_changed`, and closes setup for good.
pub async fn complete(
    db: &Db,
    gate: &SetupGate,
    input: InstanceInput,
    (admin_id, origin): (i64, &Origin),
    now: DateTime<Utc>,
) -> Result<InstanceSettings, SetupError> {
    if gate.is_completed() {
        return Err(SetupError::AlreadyDone);
    }
    let settings = input.validate()?;
    let (saved, origin) = (settings.clone(), origin.clone());
    db.write(move |tx| -> Result<(), SetupError> {
        if InstanceSettings::load(tx)?.setup_completed {
            return Err(SetupError::AlreadyDone);
        }
        saved.save(tx, now)?;
        let entry = Entry {
            actor: Actor::User(admin_id),
            action: "settings_changed",
            object: Some("instance".to_string()),
            outcome: Outcome::Success,
            origin: &origin,
        };
        audit::record(tx, now, &entry)?;
        // The owner was created before the zone was chosen.
        users::move_owner_from_utc(tx, saved.default_time_zone.name())?;
        Ok(())
    })
    .await?;
    gate.mark_completed();
    tracing::info!("setup complete");
    Ok(settings)
}

/// Creates an administrator from the host shell (`kairos admin create`). The first one
/// becomes the owner and completes setup with default instance settings.
pub fn create_admin_headless(
    db: &Db,
    input: AccountInput,
    now: DateTime<Utc>,
) -> Result<(i64, Role), SetupError> {
    let input = input.validate()?;
    let password_hash = auth::password::hash(&input.password);
    db.write_blocking(|tx| -> Result<(i64, Role), SetupError> {
        let role = if users::admin_exists(tx)? {
            Role::Admin
        } else {
            Role::Owner
        };
        let mut settings = InstanceSettings::load(tx)?;
        let user_id = auth::insert_account(
            tx,
            &input.name,
            &input.email,
            Some(&password_hash),
            role,
            settings.default_time_zone,
            now,
        )?;
        if !settings.setup_completed {
            settings.setup_completed = true;
            settings.save(tx, now)?;
        }
        let entry = Entry {
            actor: Actor::System("cli"),
            action: "admin_created",
            object: Some(format!("user:{user_id}")),
            outcome: Outcome::Success,
            origin: &Origin::host(),
        };
        audit::record(tx, now, &entry)?;
        Ok((user_id, role))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    #[test]
    fn tokens_are_single_use_and_expire() {
        let gate = SetupGate::new(false, false);
        let token = gate.issue(t0());
        assert!(gate.token_valid(&token, t0()));
        assert!(!gate.token_valid("wrong", t0()));
        assert!(!gate.token_valid(&token, t0() + TOKEN_VALIDITY));
        assert!(gate.consume(&token, t0()));
        assert!(!gate.consume(&token, t0()));
    }

    #[test]
    fn observing_a_completed_setup_voids_the_token() {
        let gate = SetupGate::new(false, false);
        let token = gate.issue(t0());
        gate.observe(false, false);
        assert!(!gate.is_completed() && gate.token_valid(&token, t0()));
        gate.observe(true, true);
        assert!(gate.admin_exists() && gate.is_completed());
        assert!(!gate.token_valid(&token, t0()));
    }

    #[test]
    fn a_fresh_token_replaces_the_old_one() {
        let gate = SetupGate::new(false, false);
        let old = gate.issue(t0());
        let new = gate.issue(t0());
        assert!(!gate.token_valid(&old, t0()));
        assert!(gate.token_valid(&new, t0()));
    }

    #[test]
    fn instance_input_names_each_bad_field() {
        let input = InstanceInput {
            organization_name: " ".into(),
            base_url: "book.example.org".into(),
            default_time_zone: "Mars/Olympus".into(),
            first_day_of_week: "friday".into(),
            installation: "castle".into(),
            default_language: "klingon".into(),
        };
        let errors = input.validate().expect_err("invalid");
        for field in [
            "organization_name",
            "base_url",
            "default_time_zone",
            "first_day_of_week",
            "installation",
            "default_language",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let good = InstanceInput {
            organization_name: "Harbor Clinic".into(),
            base_url: "".into(),
            default_time_zone: "America/Sao_Paulo".into(),
            first_day_of_week: "sunday".into(),
            installation: "office".into(),
            default_language: "pt-BR".into(),
        };
        let settings = good.validate().expect("valid");
        assert_eq!(settings.default_time_zone, chrono_tz::America::Sao_Paulo);
        assert_eq!(
            settings.default_language,
            crate::present::Language::Portuguese
        );
        assert_eq!(settings.first_day_of_week, Weekday::Sun);
        assert_eq!(settings.session_idle_minutes, Some(60), "a team: an hour");
    }
}
