//! Creating and changing schedules, event types, teams and out-of-office periods, with
//! the permission checks that go with them. Every function runs inside the caller's write
//! transaction (or read connection for the listings).

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::Value;

use crate::access::{self, Access, Action};
use crate::audit::{self, Origin};
use crate::auth;
use crate::db::calendars::{self, Provider};
use crate::db::teams::{self, TeamRole};
use crate::db::users::{self, Role, User};
use crate::db::{DbError, event_types, schedules};
use crate::model::error::{FieldErrors, Reason};
use crate::model::event_types::{
    EventType, EventTypeInput, Location, VideoProvider, check_slug, slug_from_title,
};
use crate::model::schedules::{OutOfOfficeInput, ScheduleInput, StoredSchedule, parse_zone};
use crate::reason;

/// How long the link to choose a password of an account an administrator made works.
pub const ACCOUNT_LINK_VALIDITY: chrono::Duration = chrono::Duration::days(7);

#[derive(Debug, thiserror::Error)]
pub enum ManageError {
    #[error("no {0} has that id")]
    NotFound(&'static str),
    /// Seen, but not for this person to change: why, in the reader's language.
    #[error("{0}")]
    Forbidden(Reason),
    #[error("{0}")]
    Invalid(FieldErrors),
    /// The change contradicts what is stored: why, in the reader's language.
    #[error("{0}")]
    Conflict(Reason),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for ManageError {
    fn from(err: rusqlite::Error) -> Self {
        ManageError::Db(DbError::from(err))
    }
}

impl From<FieldErrors> for ManageError {
    fn from(errors: FieldErrors) -> Self {
        ManageError::Invalid(errors)
    }
}

/// `field` refused for `reason`.
pub(crate) fn field_error(field: &str, reason: Reason) -> ManageError {
    ManageError::Invalid(FieldErrors::refusing(field, reason))
}

/// `field` of a JSON body refused as it does not read (the parser's own words).
fn unreadable(field: &str, err: &serde_json::Error) -> ManageError {
    let mut errors = FieldErrors::new();
    errors.add(field, err.to_string());
    ManageError::Invalid(errors)
}

// ---- schedules ------------------------------------------------------------------------

/// Turns an access answer into the error a caller returns: hidden objects are not found.
fn check(access: Access, what: &'static str) -> Result<(), ManageError> {
    match access {
        Access::Allowed => Ok(()),
        Access::Forbidden(reason) => Err(ManageError::Forbidden(reason)),
        Access::Hidden => Err(ManageError::NotFound(what)),
    }
}

/// A schedule the user may see and change (their own; any, for administrators), or not
/// found.
pub fn schedule(conn: &Connection, user: &User, id: i64) -> Result<StoredSchedule, ManageError> {
    let found = schedules::get(conn, id)?.ok_or(ManageError::NotFound("schedule"))?;
    check(access::personal(user, found.user_id), "schedule")?;
    Ok(found)
}

pub fn create_schedule(
    conn: &Connection,
    user: &User,
    mut input: ScheduleInput,
    now: DateTime<Utc>,
) -> Result<StoredSchedule, ManageError> {
    let schedule = input.validate()?;
    // A user's first schedule is their default.
    let is_default = input.is_default || schedules::default_for_user(conn, user.id)?.is_none();
    let id = schedules::insert(conn, user.id, &input.name, &schedule, is_default, now)?;
    self::schedule(conn, user, id)
}

pub fn update_schedule(
    conn: &Connection,
    user: &User,
    id: i64,
    patch: Value,
    now: DateTime<Utc>,
) -> Result<StoredSchedule, ManageError> {
    let current = schedule(conn, user, id)?;
    let mut input: ScheduleInput = merge(&current.input(), patch)?;
    let schedule = input.validate()?;
    if current.is_default && !input.is_default {
        return Err(field_error(
            "isDefault",
            reason!("avail-error-keep-default"),
        ));
    }
    schedules::update(conn, id, &input.name, &schedule, input.is_default, now)?;
    self::schedule(conn, user, id)
}

pub fn delete_schedule(conn: &Connection, user: &User, id: i64) -> Result<(), ManageError> {
    let current = schedule(conn, user, id)?;
    if current.is_default {
        return Err(ManageError::Conflict(reason!("avail-error-delete-default")));
    }
    schedules::delete(conn, id)?;
    Ok(())
}

/// Applies a JSON object's fields over the current value (a top-level merge patch).
fn merge<T: serde::Serialize + serde::de::DeserializeOwned>(
    current: &T,
    patch: Value,
) -> Result<T, ManageError> {
    let Value::Object(changes) = patch else {
        return Err(field_error("body", reason!("error-json-object")));
    };
    let base = serde_json::to_value(current).map_err(|err| unreadable("body", &err))?;
    let apply = |changes: &serde_json::Map<String, Value>| -> Result<T, serde_json::Error> {
        let mut value = base.clone();
        if let Value::Object(fields) = &mut value {
            for (key, change) in changes {
                if change.is_null() {
                    fields.remove(key);
                } else {
                    fields.insert(key.clone(), change.clone());
                }
            }
        }
        serde_json::from_value(value)
    };
    apply(&changes).map_err(|err| {
        // Name the changed field that does not read, when one alone does not.
        let field = changes
            .iter()
            .find(|(key, change)| {
                let one = serde_json::Map::from_iter([((*key).clone(), (*change).clone())]);
                apply(&one).is_err()
            })
            .map_or("body", |(key, _)| key.as_str());
        unreadable(field, &err)
    })
}

// ---- event types -----------------------------------------------------------------------

/// Checks that `user` may do `action` to the team (see [`crate::access::team`]).
pub fn check_team(
    conn: &Connection,
    user: &User,
    team_id: i64,
    action: Action,
) -> Result<(), ManageError> {
    check(access::team(conn, user, team_id, action)?, "team")
}

/// An event type the user may do `action` to: not found when they may not see it,
/// forbidden when they see it but may not change it.
pub fn event_type(
    conn: &Connection,
    user: &User,
    id: i64,
    action: Action,
) -> Result<EventType, ManageError> {
    let event_type = event_types::get(conn, id)?.ok_or(ManageError::NotFound("event type"))?;
    check(
        access::event_type(conn, user, &event_type, action)?,
        "event type",
    )?;
    Ok(event_type)
}

/// Checks what needs the database: the slug is free, the schedule is the owner's, the
/// hosts are members of the team. `owner` is the personal event type's owner.
fn check_references(
    conn: &Connection,
    owner: Option<i64>,
    input: &EventTypeInput,
    except: Option<i64>,
) -> Result<(), ManageError> {
    let mut errors = FieldErrors::new();
    if event_types::slug_taken(conn, owner, input.team_id, &input.slug, except)? {
        errors.refuse("slug", reason!("et-error-slug-used"));
    }
    if let Some(schedule_id) = input.schedule_id {
        if input.team_id.is_some() {
            errors.refuse("scheduleId", reason!("et-error-team-schedule"));
        } else if schedules::get(conn, schedule_id)?.is_none_or(|s| Some(s.user_id) != owner) {
            errors.refuse("scheduleId", reason!("et-error-not-your-schedule"));
        }
    }
    if let Some(team_id) = input.team_id {
        let members = teams::members(conn, team_id)?;
        for (i, host) in input.hosts.iter().enumerate() {
            if !members.iter().any(|(id, _)| *id == host.user_id) {
                errors.refuse(
                    &format!("hosts[{i}].userId"),
                    reason!("et-error-not-a-member"),
                );
            }
        }
    }
    let hosts: Vec<i64> = match owner {
        Some(owner) => vec![owner],
        None => input.hosts.iter().map(|host| host.user_id).collect(),
    };
    for (i, location) in input.locations.iter().enumerate() {
        if let Some(reason) = meeting_unavailable(conn, location, &hosts)? {
            errors.refuse(&format!("locations[{i}].provider"), reason);
        }
    }
    errors.into_result(()).map_err(ManageError::Invalid)
}

/// Why a Google Meet or Teams location cannot work for these hosts: the meeting is made
/// with the organizer's calendar event, so every host who may be the organizer needs a
/// destination calendar at that vendor.
fn meeting_unavailable(
    conn: &Connection,
    location: &Location,
    hosts: &[i64],
) -> rusqlite::Result<Option<Reason>> {
    let (needed, reason) = match location {
        Location::Video {
            provider: VideoProvider::GoogleMeet,
            ..
        } => (Provider::Google, reason!("et-error-needs-google")),
        Location::Video {
            provider: VideoProvider::Teams,
            ..
        } => (Provider::Microsoft, reason!("et-error-needs-microsoft")),
        Location::Video {
            provider: VideoProvider::Zoom,
            ..
        } => {
            for host in hosts {
                let accounts = calendars::accounts_of(conn, *host)?;
                if !accounts.iter().any(|a| a.provider == Provider::Zoom) {
                    return Ok(Some(reason!("et-error-needs-zoom")));
                }
            }
            return Ok(None);
        }
        _ => return Ok(None),
    };
    for host in hosts {
        let destination = calendars::destination(conn, *host)?;
        if destination.is_none_or(|(_, account)| account.provider != needed) {
            return Ok(Some(reason));
        }
    }
    Ok(None)
}

pub fn create_event_type(
    conn: &Connection,
    user: &User,
    mut input: EventTypeInput,
    now: DateTime<Utc>,
) -> Result<EventType, ManageError> {
    if let Some(team_id) = input.team_id {
        check_team(conn, user, team_id, Action::Manage)?;
    }
    input.validate()?;
    let owner = if input.team_id.is_some() {
        None
    } else {
        Some(user.id)
    };
    check_references(conn, owner, &input, None)?;
    let id = event_types::save(conn, None, owner, &input, now)?;
    let event_type = event_types::get(conn, id)?.ok_or(ManageError::NotFound("event type"))?;
    crate::integrations::workflows::on_event_type_created(conn, &event_type, now)?;
    Ok(event_type)
}

pub fn update_event_type(
    conn: &Connection,
    user: &User,
    id: i64,
    patch: Value,
    now: DateTime<Utc>,
) -> Result<EventType, ManageError> {
    let current = event_type(conn, user, id, Action::Manage)?;
    if let Some(team) = patch.get("teamId")
        && team.as_i64() != current.input.team_id
    {
        return Err(field_error("teamId", reason!("et-error-team-fixed")));
    }
    let mut input: EventTypeInput = merge(&current.input, patch)?;
    input.validate()?;
    check_references(conn, current.owner_user_id, &input, Some(id))?;
    event_types::save(conn, Some(id), current.owner_user_id, &input, now)?;
    event_types::get(conn, id)?.ok_or(ManageError::NotFound("event type"))
}

pub fn delete_event_type(conn: &Connection, user: &User, id: i64) -> Result<(), ManageError> {
    event_type(conn, user, id, Action::Manage)?;
    event_types::delete(conn, id)?;
    Ok(())
}

// ---- out of office ---------------------------------------------------------------------

pub fn add_out_of_office(
    conn: &Connection,
    user: &User,
    mut input: OutOfOfficeInput,
    now: DateTime<Utc>,
) -> Result<schedules::OutOfOffice, ManageError> {
    input.validate()?;
    let id =
        schedules::insert_out_of_office(conn, user.id, input.start, input.end, &input.note, now)?;
    schedules::list_out_of_office(conn, user.id)?
        .into_iter()
        .find(|entry| entry.id == id)
        .ok_or(ManageError::NotFound("out-of-office entry"))
}

/// Removes an out-of-office period the user may change (see [`crate::access::schedule`]).
pub fn delete_out_of_office(conn: &Connection, user: &User, id: i64) -> Result<(), ManageError> {
    let owner = schedules::out_of_office_owner(conn, id)?
        .ok_or(ManageError::NotFound("out-of-office entry"))?;
    check(access::personal(user, owner), "out-of-office entry")?;
    schedules::delete_out_of_office(conn, owner, id)?;
    Ok(())
}

// ---- teams and people --------------------------------------------------------------------

/// Records a change to accounts or to who belongs to which team: both change what people
/// may see.
fn audit_change(
    conn: &Connection,
    user: &User,
    action: &'static str,
    object: String,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), ManageError> {
    audit::record(
        conn,
        now,
        &audit::Entry {
            actor: audit::Actor::User(user.id),
            action,
            object: Some(object),
            outcome: audit::Outcome::Success,
            origin,
        },
    )?;
    Ok(())
}

pub fn create_team(
    conn: &Connection,
    user: &User,
    slug: &str,
    name: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<teams::Team, ManageError> {
    check(access::administration(user), "team")?;
    let name = name.trim();
    // Like an event type's: typed, or made from the name when left empty.
    let slug = match slug.trim() {
        "" => slug_from_title(name),
        given => given.to_lowercase(),
    };
    let mut errors = FieldErrors::new();
    if let Err(reason) = check_slug(&slug) {
        errors.refuse("slug", reason);
    } else if teams::by_slug(conn, &slug)?.is_some() {
        errors.refuse("slug", reason!("team-error-slug-used"));
    }
    if name.is_empty() || name.chars().count() > 100 {
        errors.refuse(
            "name",
            reason!("error-characters-between", min = 1, max = 100),
        );
    }
    errors.into_result(())?;
    let id = teams::insert(conn, &slug, name, now)?;
    teams::set_member(conn, id, user.id, TeamRole::Admin)?;
    audit_change(
        conn,
        user,
        "team_created",
        format!("team:{id}"),
        origin,
        now,
    )?;
    teams::get(conn, id)?.ok_or(ManageError::NotFound("team"))
}

pub fn set_team_member(
    conn: &Connection,
    user: &User,
    (team_id, member_id): (i64, i64),
    role: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), ManageError> {
    check_team(conn, user, team_id, Action::Manage)?;
    let role = TeamRole::parse(role)
        .ok_or_else(|| field_error("role", reason!("error-member-or-admin")))?;
    if users::by_id(conn, member_id)?.is_none() {
        return Err(field_error("userId", reason!("team-error-not-a-user")));
    }
    teams::set_member(conn, team_id, member_id, role)?;
    let object = format!("team:{team_id}/user:{member_id}");
    audit_change(conn, user, "team_member_set", object, origin, now)
}

pub fn remove_team_member(
    conn: &Connection,
    user: &User,
    (team_id, member_id): (i64, i64),
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), ManageError> {
    check_team(conn, user, team_id, Action::Manage)?;
    if teams::remove_member(conn, team_id, member_id)? == 0 {
        return Err(ManageError::NotFound("team member"));
    }
    // A host who left the team no longer hosts its event types.
    event_types::remove_team_host(conn, team_id, member_id)?;
    let object = format!("team:{team_id}/user:{member_id}");
    audit_change(conn, user, "team_member_removed", object, origin, now)
}

/// An account an administrator creates for someone else: they get a one-time link to set
/// their password. Returns the user and the link token.
// The form's four fields plus who, where and when: each is its own argument.
#[allow(clippy::too_many_arguments)]
pub fn create_member(
    conn: &Connection,
    admin: &User,
    name: &str,
    email: &str,
    time_zone: Option<&str>,
    role: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(User, String), ManageError> {
    check(access::administration(admin), "user")?;
    let mut errors = FieldErrors::new();
    let name = name.trim();
    let email = email.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.refuse(
            "name",
            reason!("error-characters-between", min = 1, max = 100),
        );
    } else if let Err(reason) = crate::model::error::check_single_line(name) {
        errors.add("name", reason);
    }
    if let Err(reason) = crate::model::error::check_email(email) {
        errors.add("email", reason);
    }
    let zone = match time_zone {
        Some(zone) => parse_zone(zone).unwrap_or_else(|reason| {
            errors.add("timeZone", reason);
            chrono_tz::Tz::UTC
        }),
        None => admin.time_zone,
    };
    let role = Role::assignable(role).unwrap_or_else(|| {
        errors.refuse("role", reason!("error-member-or-admin"));
        Role::Member
    });
    errors.into_result(())?;
    let id = auth::insert_account(conn, name, email, None, role, zone, now).map_err(
        |err| match err {
            auth::AccountError::Invalid(errors) => ManageError::Invalid(errors),
            auth::AccountError::Db(err) => ManageError::Db(err),
            auth::AccountError::InvalidLink => ManageError::Conflict(reason!("error-invalid-link")),
        },
    )?;
    let token = auth::issue_password_link(conn, id, now, ACCOUNT_LINK_VALIDITY)?;
    audit_change(
        conn,
        admin,
        "user_created",
        format!("user:{id}"),
        origin,
        now,
    )?;
    let user = users::by_id(conn, id)?.ok_or(ManageError::NotFound("user"))?;
    Ok((user, token))
}
