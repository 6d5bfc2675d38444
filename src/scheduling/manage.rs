//! Creating and changing schedules, event types, teams and out-of-office periods, with
//! the permission checks that go with them. Every function runs inside the caller's write
//! transaction (or read connection for the listings).

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::Value;

use crate::auth;
use crate::db::teams::{self, TeamRole};
use crate::db::users::{self, Role, User};
use crate::db::{DbError, event_types, schedules};
use crate::error::FieldErrors;
use crate::scheduling::event_types::{EventType, EventTypeInput, check_slug};
use crate::scheduling::schedules::{OutOfOfficeInput, ScheduleInput, StoredSchedule, parse_zone};

#[derive(Debug, thiserror::Error)]
pub enum ManageError {
    #[error("no {0} has that id")]
    NotFound(&'static str),
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error("{0}")]
    Conflict(&'static str),
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

fn field_error(field: &str, message: &str) -> ManageError {
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    ManageError::Invalid(errors)
}

// ---- schedules ------------------------------------------------------------------------

/// A user's schedule, or not found (also when it is someone else's).
pub fn own_schedule(
    conn: &Connection,
    user: &User,
    id: i64,
) -> Result<StoredSchedule, ManageError> {
    schedules::get(conn, id)?
        .filter(|s| s.user_id == user.id)
        .ok_or(ManageError::NotFound("schedule"))
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
    own_schedule(conn, user, id)
}

pub fn update_schedule(
    conn: &Connection,
    user: &User,
    id: i64,
    patch: Value,
    now: DateTime<Utc>,
) -> Result<StoredSchedule, ManageError> {
    let current = own_schedule(conn, user, id)?;
    let mut input: ScheduleInput = merge(&current.input(), patch)?;
    let schedule = input.validate()?;
    if current.is_default && !input.is_default {
        return Err(field_error(
            "isDefault",
            "make another schedule the default instead",
        ));
    }
    schedules::update(conn, id, &input.name, &schedule, input.is_default, now)?;
    own_schedule(conn, user, id)
}

pub fn delete_schedule(conn: &Connection, user: &User, id: i64) -> Result<(), ManageError> {
    let current = own_schedule(conn, user, id)?;
    if current.is_default {
        return Err(ManageError::Conflict(
            "the default schedule cannot be deleted; make another schedule the default first",
        ));
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
        return Err(field_error("body", "must be a JSON object"));
    };
    let mut value =
        serde_json::to_value(current).map_err(|err| field_error("body", &err.to_string()))?;
    if let Value::Object(fields) = &mut value {
        for (key, change) in changes {
            if change.is_null() {
                fields.remove(&key);
            } else {
                fields.insert(key, change);
            }
        }
    }
    serde_json::from_value(value).map_err(|err| field_error("body", &err.to_string()))
}

// ---- event types -----------------------------------------------------------------------

/// Whether `user` may manage event types of `team_id`: team admins and instance admins.
fn may_manage_team(conn: &Connection, user: &User, team_id: i64) -> Result<bool, ManageError> {
    if teams::get(conn, team_id)?.is_none() {
        return Err(ManageError::NotFound("team"));
    }
    Ok(user.role.is_admin() || teams::role_of(conn, team_id, user.id)? == Some(TeamRole::Admin))
}

/// An event type the user may manage, or not found.
pub fn managed_event_type(
    conn: &Connection,
    user: &User,
    id: i64,
) -> Result<EventType, ManageError> {
    let event_type = event_types::get(conn, id)?.ok_or(ManageError::NotFound("event type"))?;
    let allowed = match (event_type.owner_user_id, event_type.input.team_id) {
        (Some(owner), _) => owner == user.id,
        (None, Some(team)) => {
            user.role.is_admin() || teams::role_of(conn, team, user.id)?.is_some()
        }
        (None, None) => false,
    };
    if allowed {
        Ok(event_type)
    } else {
        Err(ManageError::NotFound("event type"))
    }
}

/// Checks what needs the database: the slug is free, the schedule is the owner's, the
/// hosts are members of the team.
fn check_references(
    conn: &Connection,
    user: &User,
    input: &EventTypeInput,
    except: Option<i64>,
) -> Result<(), ManageError> {
    let mut errors = FieldErrors::new();
    let owner = if input.team_id.is_some() {
        None
    } else {
        Some(user.id)
    };
    if event_types::slug_taken(conn, owner, input.team_id, &input.slug, except)? {
        errors.add("slug", "is already used by another event type");
    }
    if let Some(schedule_id) = input.schedule_id {
        if input.team_id.is_some() {
            errors.add(
                "scheduleId",
                "team event types use each host's default schedule",
            );
        } else if schedules::get(conn, schedule_id)?.is_none_or(|s| s.user_id != user.id) {
            errors.add("scheduleId", "is not one of your schedules");
        }
    }
    if let Some(team_id) = input.team_id {
        let members = teams::members(conn, team_id)?;
        for (i, host) in input.hosts.iter().enumerate() {
            if !members.iter().any(|(id, _)| *id == host.user_id) {
                errors.add(&format!("hosts[{i}].userId"), "is not a member of the team");
            }
        }
    }
    errors.into_result(()).map_err(ManageError::Invalid)
}

pub fn create_event_type(
    conn: &Connection,
    user: &User,
    mut input: EventTypeInput,
    now: DateTime<Utc>,
) -> Result<EventType, ManageError> {
    if let Some(team_id) = input.team_id
        && !may_manage_team(conn, user, team_id)?
    {
        return Err(ManageError::Forbidden(
            "only team admins can add event types to a team",
        ));
    }
    input.validate()?;
    check_references(conn, user, &input, None)?;
    let owner = if input.team_id.is_some() {
        None
    } else {
        Some(user.id)
    };
    let id = event_types::save(conn, None, owner, &input, now)?;
    event_types::get(conn, id)?.ok_or(ManageError::NotFound("event type"))
}

pub fn update_event_type(
    conn: &Connection,
    user: &User,
    id: i64,
    patch: Value,
    now: DateTime<Utc>,
) -> Result<EventType, ManageError> {
    let current = managed_event_type(conn, user, id)?;
    if let Some(team_id) = current.input.team_id
        && !may_manage_team(conn, user, team_id)?
    {
        return Err(ManageError::Forbidden(
            "only team admins can change a team's event types",
        ));
    }
    if let Some(team) = patch.get("teamId")
        && team.as_i64() != current.input.team_id
    {
        return Err(field_error(
            "teamId",
            "cannot be changed; create a new event type instead",
        ));
    }
    let mut input: EventTypeInput = merge(&current.input, patch)?;
    input.validate()?;
    check_references(conn, user, &input, Some(id))?;
    event_types::save(conn, Some(id), current.owner_user_id, &input, now)?;
    event_types::get(conn, id)?.ok_or(ManageError::NotFound("event type"))
}

pub fn delete_event_type(conn: &Connection, user: &User, id: i64) -> Result<(), ManageError> {
    let current = managed_event_type(conn, user, id)?;
    if let Some(team_id) = current.input.team_id
        && !may_manage_team(conn, user, team_id)?
    {
        return Err(ManageError::Forbidden(
            "only team admins can delete a team's event types",
        ));
    }
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

// ---- teams and people --------------------------------------------------------------------

pub fn create_team(
    conn: &Connection,
    user: &User,
    slug: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<teams::Team, ManageError> {
    if !user.role.is_admin() {
        return Err(ManageError::Forbidden(
            "only administrators can create teams",
        ));
    }
    let slug = slug.trim().to_lowercase();
    let name = name.trim();
    let mut errors = FieldErrors::new();
    if let Err(reason) = check_slug(&slug) {
        errors.add("slug", reason);
    } else if teams::by_slug(conn, &slug)?.is_some() {
        errors.add("slug", "is already used by another team");
    }
    if name.is_empty() || name.chars().count() > 100 {
        errors.add("name", "must be 1 to 100 characters");
    }
    errors.into_result(())?;
    let id = teams::insert(conn, &slug, name, now)?;
    teams::set_member(conn, id, user.id, TeamRole::Admin)?;
    teams::get(conn, id)?.ok_or(ManageError::NotFound("team"))
}

pub fn set_team_member(
    conn: &Connection,
    user: &User,
    team_id: i64,
    member_id: i64,
    role: &str,
) -> Result<(), ManageError> {
    if !may_manage_team(conn, user, team_id)? {
        return Err(ManageError::Forbidden(
            "only team admins can change the members of a team",
        ));
    }
    let role =
        TeamRole::parse(role).ok_or_else(|| field_error("role", "must be admin or member"))?;
    if users::by_id(conn, member_id)?.is_none() {
        return Err(field_error("userId", "is not a user of this instance"));
    }
    teams::set_member(conn, team_id, member_id, role)?;
    Ok(())
}

pub fn remove_team_member(
    conn: &Connection,
    user: &User,
    team_id: i64,
    member_id: i64,
) -> Result<(), ManageError> {
    if !may_manage_team(conn, user, team_id)? {
        return Err(ManageError::Forbidden(
            "only team admins can change the members of a team",
        ));
    }
    if teams::remove_member(conn, team_id, member_id)? == 0 {
        return Err(ManageError::NotFound("team member"));
    }
    // A host who left the team no longer hosts its event types.
    conn.execute(
        "DELETE FROM event_type_hosts WHERE user_id = ?1
         AND event_type_id IN (SELECT id FROM event_types WHERE owner_team_id = ?2)",
        [member_id, team_id],
    )?;
    Ok(())
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
    origin: &crate::audit::Origin,
    now: DateTime<Utc>,
) -> Result<(User, String), ManageError> {
    if !admin.role.is_admin() {
        return Err(ManageError::Forbidden(
            "only administrators can create accounts",
        ));
    }
    let mut errors = FieldErrors::new();
    let name = name.trim();
    let email = email.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.add("name", "must be 1 to 100 characters");
    }
    if let Err(reason) = crate::error::check_email(email) {
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
        errors.add("role", "must be member or admin");
        Role::Member
    });
    errors.into_result(())?;
    let id = auth::insert_account(conn, name, email, None, role, zone, now).map_err(
        |err| match err {
            auth::AccountError::Invalid(errors) => ManageError::Invalid(errors),
            auth::AccountError::Db(err) => ManageError::Db(err),
            auth::AccountError::InvalidLink => ManageError::Conflict("invalid link"),
        },
    )?;
    let token = auth::issue_password_link(conn, id, now, chrono::Duration::days(7))?;
    crate::audit::record(
        conn,
        now,
        &crate::audit::Entry {
            actor: crate::audit::Actor::User(admin.id),
            action: "user_created",
            object: Some(format!("user:{id}")),
            outcome: crate::audit::Outcome::Success,
            origin,
        },
    )?;
    let user = users::by_id(conn, id)?.ok_or(ManageError::NotFound("user"))?;
    Ok((user, token))
}
