//! Accounts as people manage them from the dashboard: their profile, password and API keys,
//! and what administrators change about other people and the instance.
//!
//! Every function takes the acting user and checks what they may do; errors are the
//! scheduling services' [`ManageError`], so pages map them one way.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::access::{self, Access};
use crate::auth::{self, SessionPolicy, check_username, password};
use crate::db::users::{self, Profile, User};
use crate::db::{Db, DbError, api_keys, sessions};
use crate::instance::InstanceSettings;
use crate::model::error::{FieldErrors, Reason};
use crate::model::schedules::parse_zone;
use crate::reason;
use crate::scheduling::manage::ManageError;
use crate::setup::InstanceInput;

/// The profile form as typed.
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    pub name: String,
    pub username: String,
    pub time_zone: String,
    pub bio: String,
    /// `""` (the instance's), `monday`, `sunday` or `saturday`.
    pub first_day_of_week: String,
    /// `12` or `24`.
    pub time_format: String,
    /// `""` (the instance's) or the tag of one of Kairos's languages.
    pub language: String,
}

/// Checks and saves a user's own profile, audited as `profile_changed`; returns the
/// updated user.
pub fn update_profile(
    conn: &Connection,
    user: &User,
    input: &ProfileInput,
    origin: &crate::audit::Origin,
    now: DateTime<Utc>,
) -> Result<User, ManageError> {
    let mut errors = FieldErrors::new();
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.add("name", "must be 1 to 100 characters");
    } else if let Err(reason) = crate::model::error::check_single_line(name) {
        errors.add("name", reason);
    }
    let username = input.username.trim().to_lowercase();
    if let Err(reason) = check_username(&username) {
        errors.refuse("username", reason);
    } else if users::username_taken_by_other(conn, &username, user.id)? {
        errors.add("username", "is already taken; choose another");
    }
    let zone = parse_zone(&input.time_zone).unwrap_or_else(|reason| {
        errors.add("time_zone", reason);
        chrono_tz::Tz::UTC
    });
    let bio = input.bio.trim();
    if bio.chars().count() > 500 {
        errors.add("bio", "must be at most 500 characters");
    }
    let first_day = match input.first_day_of_week.trim() {
        "" => None,
        day @ ("monday" | "sunday" | "saturday") => Some(day),
        _ => {
            errors.refuse("first_day_of_week", reason!("error-first-day"));
            None
        }
    };
    let twelve_hour = match input.time_format.trim() {
        "12" => true,
        "24" => false,
        _ => {
            errors.refuse("time_format", reason!("error-time-format"));
            false
        }
    };
    let language = match input.language.trim() {
        "" => None,
        tag => crate::present::Language::from_tag(tag).or_else(|| {
            errors.refuse("language", crate::reason!("error-language-any"));
            None
        }),
    };
    errors.into_result(())?;
    users::update_profile(
        conn,
        user.id,
        &Profile {
            name,
            username: &username,
            time_zone: zone,
            bio,
            first_day_of_week: first_day,
            twelve_hour,
            language,
        },
        now,
    )?;
    crate::audit::record(
        conn,
        now,
        &crate::audit::Entry {
            actor: crate::audit::Actor::User(user.id),
            action: "profile_changed",
            object: Some(format!("user:{}", user.id)),
            outcome: crate::audit::Outcome::Success,
            origin,
        },
    )?;
    users::by_id(conn, user.id)?.ok_or(ManageError::NotFound("user"))
}

/// Changes the signed-in user's password after checking the current one. Every session of
/// the user ends; the new session's token is returned so the browser stays signed in.
// The three typed passwords plus who, where and when: each is its own argument.
#[allow(clippy::too_many_arguments)]
pub async fn change_password(
    db: &Db,
    user: &User,
    current: &str,
    new: &str,
    repeat: &str,
    policy: SessionPolicy,
    origin: &crate::audit::Origin,
    now: DateTime<Utc>,
) -> Result<String, ManageError> {
    let mut errors = FieldErrors::new();
    let stored = user.password_hash.clone().unwrap_or_default();
    let candidate = current.to_string();
    let matches = tokio::task::spawn_blocking(move || password::verify(&candidate, &stored))
        .await
        .map_err(|_| DbError::WorkerGone)?;
    if !matches {
        errors.refuse("current_password", reason!("error-current-password"));
    }
    if let Err(reason) = password::check_policy(new) {
        errors.refuse("new_password", reason);
    }
    if new != repeat {
        errors.refuse(
            "new_password_confirm",
            reason!("error-new-password-mismatch"),
        );
    }
    errors.into_result(())?;
    let hash = auth::hash_password(new.to_string()).await?;
    let user_id = user.id;
    let origin = origin.clone();
    db.write(move |tx| -> Result<String, ManageError> {
        users::set_password_hash(tx, user_id, &hash, now)?;
        sessions::delete_for_user(tx, user_id)?;
        let conn: &Connection = tx;
        crate::audit::record(
            conn,
            now,
            &crate::audit::Entry {
                actor: crate::audit::Actor::User(user_id),
                action: "password_changed",
                object: Some(format!("user:{user_id}")),
                outcome: crate::audit::Outcome::Success,
                origin: &origin,
            },
        )?;
        tracing::info!(user_id, "password changed");
        Ok(auth::start_session(
            tx,
            user_id,
            auth::SignInMethod::Password,
            policy,
            now,
        )?)
    })
    .await
}

/// Creates a personal API key; returns the key, shown once.
pub fn create_api_key(
    conn: &Connection,
    user: &User,
    name: &str,
    origin: &crate::audit::Origin,
    now: DateTime<Utc>,
) -> Result<String, ManageError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        let mut errors = FieldErrors::new();
        errors.add("name", "must be 1 to 100 characters");
        return Err(errors.into());
    }
    let actor = crate::audit::Actor::User(user.id);
    let (id, key) = auth::create_api_key(conn, user.id, name, actor, origin, now)?;
    tracing::info!(user_id = user.id, key_id = id, "API key created");
    Ok(key)
}

pub fn revoke_api_key(
    conn: &Connection,
    user: &User,
    id: i64,
    origin: &crate::audit::Origin,
    now: DateTime<Utc>,
) -> Result<(), ManageError> {
    let owner = api_keys::owner(conn, id)?.ok_or(ManageError::NotFound("API key"))?;
    require(access::api_key(user, owner)).map_err(|_| ManageError::NotFound("API key"))?;
    if api_keys::revoke(conn, owner, id, now)? {
        crate::audit::record(
            conn,
            now,
            &crate::audit::Entry {
                actor: crate::audit::Actor::User(user.id),
                action: "api_key_revoked",
                object: Some(format!("api_key:{id}")),
                outcome: crate::audit::Outcome::Success,
                origin,
            },
        )?;
        tracing::info!(user_id = user.id, key_id = id, "API key revoked");
        Ok(())
    } else {
        Err(ManageError::NotFound("API key"))
    }
}

fn require(access: Access) -> Result<(), ManageError> {
    match access {
        Access::Allowed => Ok(()),
        Access::Forbidden(reason) => Err(ManageError::Forbidden(reason)),
        Access::Hidden => Err(ManageError::NotFound("user")),
    }
}

/// Disables or enables an account. Disabling ends the person's sessions and revokes their
/// API keys at once.
pub fn set_disabled(
    conn: &Connection,
    admin: &User,
    user_id: i64,
    disabled: bool,
    origin: &crate::audit::Origin,
    now: DateTime<Utc>,
) -> Result<User, ManageError> {
    require(access::administration(admin))?;
    let target = users::by_id(conn, user_id)?.ok_or(ManageError::NotFound("user"))?;
    if disabled {
        require(access::disable_account(admin, &target))?;
    }
    users::set_disabled(conn, user_id, disabled, now)?;
    let action = if disabled {
        "user_disabled"
    } else {
        "user_enabled"
    };
    crate::audit::record(
        conn,
        now,
        &crate::audit::Entry {
            actor: crate::audit::Actor::User(admin.id),
            action,
            object: Some(format!("user:{user_id}")),
            outcome: crate::audit::Outcome::Success,
            origin,
        },
    )?;
    if disabled {
        let sessions = sessions::delete_for_user(conn, user_id)?;
        let keys = api_keys::revoke_all(conn, user_id, now)?;
        tracing::info!(user_id, sessions, keys, "account disabled");
    } else {
        tracing::info!(user_id, "account enabled");
    }
    users::by_id(conn, user_id)?.ok_or(ManageError::NotFound("user"))
}

/// The instance settings form as typed.
#[derive(Debug, Clone, Default)]
pub struct InstanceSettingsInput {
    pub organization_name: String,
    pub base_url: String,
    pub default_time_zone: String,
    pub first_day_of_week: String,
    /// `closed` or `invite`.
    pub signup: String,
    /// Origins separated by spaces, commas or new lines.
    pub embed_origins: String,
    pub minimum_necessary: bool,
    pub allow_private_targets: bool,
    /// `off`, `administrators` or `everyone`.
    pub require_mfa: String,
    /// Whole years, 1 to 50.
    pub audit_retention_years: String,
    /// Whole numbers, 0 (no cap) to [`MAX_BOOKINGS_PER_HOUR`]; empty keeps the current cap.
    pub bookings_per_event_type_per_hour: String,
    pub bookings_per_host_per_hour: String,
    /// Minutes, one of [`crate::auth::IDLE_MINUTES_CHOICES`]; empty keeps the current one.
    pub session_idle_minutes: String,
    /// The tag of one of Kairos's languages.
    pub default_language: String,
}

/// The highest hourly booking cap the settings accept.
pub const MAX_BOOKINGS_PER_HOUR: u32 = 100_000;

/// Reads an hourly booking cap as typed; empty keeps `current`.
fn hourly_cap(typed: &str, current: u32, field: &str, errors: &mut FieldErrors) -> u32 {
    if typed.trim().is_empty() {
        return current;
    }
    match typed.trim().parse::<u32>() {
        Ok(cap) if cap <= MAX_BOOKINGS_PER_HOUR => cap,
        _ => {
            errors.refuse(
                field,
                reason!("error-hourly-cap", max = MAX_BOOKINGS_PER_HOUR),
            );
            0
        }
    }
}

/// The most sites the booking pages may be framed by.
pub const MAX_EMBED_ORIGINS: usize = 20;

/// Checks an origin a site frames the booking pages from: `https://host[:port]`, no path.
pub fn check_origin(origin: &str) -> Result<String, Reason> {
    let origin = origin.trim().trim_end_matches('/');
    let Some((scheme, rest)) = origin.split_once("://") else {
        return Err(reason!(
            "error-origin-scheme",
            origin = format!("{origin:?}")
        ));
    };
    let host_ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !matches!(scheme, "https" | "http") || !host_ok {
        return Err(reason!("error-origin", origin = format!("{origin:?}")));
    }
    Ok(format!("{scheme}://{}", rest.to_lowercase()))
}

/// Checks and saves the instance settings; returns them for the application state.
pub fn save_instance_settings(
    conn: &Connection,
    admin: &User,
    input: &InstanceSettingsInput,
    origin: &crate::audit::Origin,
    now: DateTime<Utc>,
) -> Result<InstanceSettings, ManageError> {
    require(access::administration(admin))?;
    let validated = InstanceInput {
        organization_name: input.organization_name.clone(),
        base_url: input.base_url.clone(),
        default_time_zone: input.default_time_zone.clone(),
        first_day_of_week: input.first_day_of_week.clone(),
        installation: String::new(),
        default_language: input.default_language.clone(),
    }
    .validate();
    let mut errors = validated.clone().err().unwrap_or_default();
    let signup = match input.signup.trim() {
        mode @ ("closed" | "invite") => mode.to_string(),
        _ => {
            errors.refuse("signup", reason!("error-signup-mode"));
            "closed".to_string()
        }
    };
    let mut origins = Vec::new();
    for origin in input
        .embed_origins
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|o| !o.is_empty())
    {
        match check_origin(origin) {
            Ok(origin) if !origins.contains(&origin) => origins.push(origin),
            Ok(_) => {}
            Err(reason) => {
                errors.refuse("embed_origins", reason);
                break;
            }
        }
    }
    if origins.len() > MAX_EMBED_ORIGINS {
        errors.refuse(
            "embed_origins",
            reason!("error-too-many-sites", max = MAX_EMBED_ORIGINS),
        );
    }
    let require_mfa =
        crate::auth::mfa::RequireMfa::parse(input.require_mfa.trim()).unwrap_or_else(|| {
            errors.refuse("require_mfa", reason!("error-require-mfa"));
            crate::auth::mfa::RequireMfa::Off
        });
    let audit_retention_years = match input.audit_retention_years.trim().parse::<u32>() {
        Ok(years @ 1..=50) => years,
        _ => {
            errors.refuse(
                "audit_retention_years",
                reason!("error-retention-years", min = 1, max = 50),
            );
            crate::instance::DEFAULT_AUDIT_RETENTION_YEARS
        }
    };
    let current = InstanceSettings::load(conn)?;
    let bookings_per_event_type_per_hour = hourly_cap(
        &input.bookings_per_event_type_per_hour,
        current.bookings_per_event_type_per_hour,
        "bookings_per_event_type_per_hour",
        &mut errors,
    );
    let bookings_per_host_per_hour = hourly_cap(
        &input.bookings_per_host_per_hour,
        current.bookings_per_host_per_hour,
        "bookings_per_host_per_hour",
        &mut errors,
    );
    let session_idle_minutes = match input.session_idle_minutes.trim() {
        "" => current.session_idle_minutes,
        typed => match typed.parse::<u32>() {
            Ok(minutes) if crate::auth::IDLE_MINUTES_CHOICES.contains(&minutes) => Some(minutes),
            _ => {
                let choices: Vec<String> = crate::auth::IDLE_MINUTES_CHOICES
                    .iter()
                    .map(u32::to_string)
                    .collect();
                errors.refuse(
                    "session_idle_minutes",
                    reason!("error-idle-minutes", choices = choices.join(", ")),
                );
                current.session_idle_minutes
            }
        },
    };
    errors.into_result(())?;
    let mut settings = validated.map_err(ManageError::Invalid)?;
    settings.session_idle_minutes = session_idle_minutes;
    settings.bookings_per_event_type_per_hour = bookings_per_event_type_per_hour;
    settings.bookings_per_host_per_hour = bookings_per_host_per_hour;
    settings.require_mfa = require_mfa;
    settings.audit_retention_years = audit_retention_years;
    settings.signup = signup;
    settings.embed_origins = origins;
    settings.minimum_necessary = input.minimum_necessary;
    settings.allow_private_targets = input.allow_private_targets;
    settings.save(conn, now)?;
    crate::audit::record(
        conn,
        now,
        &crate::audit::Entry {
            actor: crate::audit::Actor::User(admin.id),
            action: "settings_changed",
            object: Some("instance".to_string()),
            outcome: crate::audit::Outcome::Success,
            origin,
        },
    )?;
    tracing::info!("instance settings changed");
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_checked_and_normalized() {
        assert_eq!(
            check_origin("https://WWW.Example.org/").as_deref(),
            Ok("https://www.example.org")
        );
        assert_eq!(
            check_origin("http://localhost:8000").as_deref(),
            Ok("http://localhost:8000")
        );
        for bad in [
            "www.example.org",
            "ftp://example.org",
            "https://example.org/path",
            "https://",
            "https://exa mple.org",
            "https://a.org;script-src *",
        ] {
            assert!(check_origin(bad).is_err(), "{bad}");
        }
    }

    /// The password form, the hourly caps and the embedding sites refuse in the reader's
    /// language; the English stays as it was.
    #[tokio::test]
    async fn account_refusals_are_written_in_german() -> Result<(), Box<dyn std::error::Error>> {
        use crate::db::users::{NewUser, Role};
        use crate::i18n::Language;

        let german = |errors: &FieldErrors, field: &str| errors.text(field, Language::German);
        let dir = tempfile::tempdir()?;
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let db = crate::db::test_db(dir.path(), now)?;
        let hash = auth::hash_password("correct horse battery".into()).await?;
        let user = db.write_blocking(|tx| -> Result<User, DbError> {
            let id = users::insert(
                tx,
                &NewUser {
                    email: "ana@example.org",
                    name: "Ana",
                    username: "ana",
                    time_zone: chrono_tz::UTC,
                    password_hash: Some(&hash),
                    role: Role::Member,
                },
                now,
            )?;
            Ok(users::by_id(tx, id)?.unwrap_or_else(|| panic!("no user {id}")))
        })?;
        let policy = SessionPolicy {
            idle: chrono::Duration::hours(1),
            lifetime: chrono::Duration::hours(8),
        };
        let refused = change_password(
            &db,
            &user,
            "wrong guess",
            "a new long passphrase",
            "another long passphrase",
            policy,
            &crate::audit::Origin::default(),
            now,
        )
        .await;
        let Err(ManageError::Invalid(errors)) = refused else {
            panic!("a wrong current password was not refused");
        };
        assert_eq!(
            errors.get("current_password"),
            Some("is not your current password")
        );
        assert_eq!(
            german(&errors, "current_password").as_deref(),
            Some("ist nicht Ihr aktuelles Passwort")
        );
        assert_eq!(
            errors.get("new_password_confirm"),
            Some("does not match the new password")
        );
        assert_eq!(
            german(&errors, "new_password_confirm").as_deref(),
            Some("stimmt nicht mit dem neuen Passwort überein")
        );

        let mut errors = FieldErrors::new();
        hourly_cap("-1", 0, "cap", &mut errors);
        assert_eq!(
            errors.get("cap"),
            Some("must be a whole number from 0 (no limit) to 100000")
        );
        assert!(
            german(&errors, "cap").is_some_and(|text| text.contains("keine Grenze")),
            "{errors}"
        );

        let mut errors = FieldErrors::new();
        errors.refuse(
            "embed_origins",
            reason!("error-too-many-sites", max = MAX_EMBED_ORIGINS),
        );
        let Err(reason) = check_origin("www.example.org") else {
            panic!("an origin without a scheme was accepted");
        };
        errors.refuse("origin", reason);
        assert_eq!(
            errors.get("embed_origins"),
            Some("may list at most 20 sites")
        );
        assert_eq!(
            german(&errors, "embed_origins").as_deref(),
            Some("darf höchstens 20 Websites nennen")
        );
        assert_eq!(
            errors.get("origin"),
            Some("\"www.example.org\" must start with https:// or http://")
        );
        assert_eq!(
            german(&errors, "origin").as_deref(),
            Some("\"www.example.org\" muss mit https:// oder http:// beginnen")
        );
        Ok(())
    }
}
