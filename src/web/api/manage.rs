//! `/api/v1/event-types`, `/schedules`, `/out-of-office`, `/teams`, `/users` and `/me`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::access::Action;
use crate::app::AppState;
use crate::db::{DbError, event_types, schedules, teams};
use crate::model::error::EmailAddress;
use crate::model::event_types::{EventType, EventTypeInput, Slug};
use crate::model::schedules::{OutOfOfficeInput, ScheduleInput, StoredSchedule};
use crate::model::time::schema::TimeZoneName;
use crate::scheduling::manage::{self, ManageError};
use crate::web::api::error::{ApiError, ErrorBody};
use crate::web::api::extract::{ApiJson, ApiPath, ApiUser};

impl From<ManageError> for ApiError {
    fn from(err: ManageError) -> Self {
        match err {
            ManageError::NotFound(what) => ApiError::not_found(what),
            ManageError::Forbidden(message) => ApiError::forbidden(message),
            ManageError::Invalid(errors) => ApiError::validation(&errors),
            ManageError::Conflict(message) => ApiError::conflict(message),
            ManageError::Db(err) => ApiError::internal(&err),
        }
    }
}

// ---- event types -----------------------------------------------------------------------

/// An event type as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EventTypeView {
    id: i64,
    /// The owner of a personal event type.
    owner_user_id: Option<i64>,
    #[serde(flatten)]
    input: EventTypeInput,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<EventType> for EventTypeView {
    fn from(event_type: EventType) -> Self {
        EventTypeView {
            id: event_type.id,
            owner_user_id: event_type.owner_user_id,
            input: event_type.input,
            created_at: event_type.created_at,
            updated_at: event_type.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventTypeBody {
    data: EventTypeView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventTypeListBody {
    data: Vec<EventTypeView>,
}

#[utoipa::path(get, path = "/api/v1/event-types", tag = "event types", security(("api_key" = [])),
    responses((status = 200, description = "Your event types and your teams'", body = EventTypeListBody),
              (status = 401, description = "No or a wrong API key", body = ErrorBody)))]
pub async fn list_event_types(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<EventTypeListBody>, ApiError> {
    let list = state
        .db
        .read(move |conn| event_types::list_for_user(conn, user.id).map_err(DbError::from))
        .await?;
    Ok(Json(EventTypeListBody {
        data: list.into_iter().map(Into::into).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/event-types", tag = "event types", security(("api_key" = [])),
    request_body = EventTypeInput,
    responses((status = 201, description = "Created", body = EventTypeBody),
              (status = 401, description = "No or a wrong API key", body = ErrorBody),
              (status = 403, description = "Not a team admin", body = ErrorBody),
              (status = 404, description = "No team you belong to has that `teamId`", body = ErrorBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)))]
pub async fn create_event_type(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<EventTypeInput>,
) -> Result<(StatusCode, Json<EventTypeBody>), ApiError> {
    let now = state.clock.now();
    let created = state
        .db
        .write(move |tx| manage::create_event_type(tx, &user, input, now))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(EventTypeBody {
            data: created.into(),
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/event-types/{id}", tag = "event types", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "The event type", body = EventTypeBody),
              (status = 404, description = "None of yours has that id", body = ErrorBody)))]
pub async fn get_event_type(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<EventTypeBody>, ApiError> {
    let found = state
        .db
        .read(move |conn| manage::event_type(conn, &user, id, Action::View))
        .await?;
    Ok(Json(EventTypeBody { data: found.into() }))
}

#[utoipa::path(patch, path = "/api/v1/event-types/{id}", tag = "event types", security(("api_key" = [])),
    params(("id" = i64, Path)),
    request_body(content = Object, description = "Fields to change, as in the event type; null removes an optional field"),
    responses((status = 200, description = "Updated", body = EventTypeBody),
              (status = 403, description = "A team event type, and you are not a team admin", body = ErrorBody),
              (status = 404, description = "None you may see has that id", body = ErrorBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)))]
pub async fn update_event_type(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(patch): ApiJson<Value>,
) -> Result<Json<EventTypeBody>, ApiError> {
    let now = state.clock.now();
    let updated = state
        .db
        .write(move |tx| manage::update_event_type(tx, &user, id, patch, now))
        .await?;
    Ok(Json(EventTypeBody {
        data: updated.into(),
    }))
}

#[utoipa::path(delete, path = "/api/v1/event-types/{id}", tag = "event types", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted; its bookings remain"),
              (status = 403, description = "A team event type, and you are not a team admin", body = ErrorBody),
              (status = 404, description = "None you may see has that id", body = ErrorBody)))]
pub async fn delete_event_type(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    state
        .db
        .write(move |tx| manage::delete_event_type(tx, &user, id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- schedules -------------------------------------------------------------------------

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleView {
    id: i64,
    #[serde(flatten)]
    input: ScheduleInput,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<StoredSchedule> for ScheduleView {
    fn from(stored: StoredSchedule) -> Self {
        ScheduleView {
            id: stored.id,
            input: stored.input(),
            created_at: stored.created_at,
            updated_at: stored.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScheduleBody {
    data: ScheduleView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScheduleListBody {
    data: Vec<ScheduleView>,
}

#[utoipa::path(get, path = "/api/v1/schedules", tag = "schedules", security(("api_key" = [])),
    responses((status = 200, description = "Your schedules, the default first", body = ScheduleListBody),
              (status = 401, description = "No or a wrong API key", body = ErrorBody)))]
pub async fn list_schedules(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<ScheduleListBody>, ApiError> {
    let list = state
        .db
        .read(move |conn| schedules::list_for_user(conn, user.id).map_err(DbError::from))
        .await?;
    Ok(Json(ScheduleListBody {
        data: list.into_iter().map(Into::into).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/schedules", tag = "schedules", security(("api_key" = [])),
    request_body = ScheduleInput,
    responses((status = 201, description = "Created", body = ScheduleBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)))]
pub async fn create_schedule(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<ScheduleInput>,
) -> Result<(StatusCode, Json<ScheduleBody>), ApiError> {
    let now = state.clock.now();
    let created = state
        .db
        .write(move |tx| manage::create_schedule(tx, &user, input, now))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(ScheduleBody {
            data: created.into(),
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/schedules/{id}", tag = "schedules", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "The schedule", body = ScheduleBody),
              (status = 404, description = "None of yours has that id", body = ErrorBody)))]
pub async fn get_schedule(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ScheduleBody>, ApiError> {
    let found = state
        .db
        .read(move |conn| manage::schedule(conn, &user, id))
        .await?;
    Ok(Json(ScheduleBody { data: found.into() }))
}

#[utoipa::path(patch, path = "/api/v1/schedules/{id}", tag = "schedules", security(("api_key" = [])),
    params(("id" = i64, Path)),
    request_body(content = Object, description = "Fields to change, as in the schedule"),
    responses((status = 200, description = "Updated", body = ScheduleBody),
              (status = 404, description = "None of yours has that id", body = ErrorBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)))]
pub async fn update_schedule(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(patch): ApiJson<Value>,
) -> Result<Json<ScheduleBody>, ApiError> {
    let now = state.clock.now();
    let updated = state
        .db
        .write(move |tx| manage::update_schedule(tx, &user, id, patch, now))
        .await?;
    Ok(Json(ScheduleBody {
        data: updated.into(),
    }))
}

#[utoipa::path(delete, path = "/api/v1/schedules/{id}", tag = "schedules", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"),
              (status = 404, description = "None of yours has that id", body = ErrorBody),
              (status = 409, description = "The default schedule cannot be deleted", body = ErrorBody)))]
pub async fn delete_schedule(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    state
        .db
        .write(move |tx| manage::delete_schedule(tx, &user, id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- out of office ---------------------------------------------------------------------

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OutOfOfficeView {
    id: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    note: String,
}

impl From<schedules::OutOfOffice> for OutOfOfficeView {
    fn from(entry: schedules::OutOfOffice) -> Self {
        OutOfOfficeView {
            id: entry.id,
            start: entry.start,
            end: entry.end,
            note: entry.note,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutOfOfficeListBody {
    data: Vec<OutOfOfficeView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutOfOfficeBody {
    data: OutOfOfficeView,
}

#[utoipa::path(get, path = "/api/v1/out-of-office", tag = "schedules", security(("api_key" = [])),
    responses((status = 200, description = "Your out-of-office periods", body = OutOfOfficeListBody)))]
pub async fn list_out_of_office(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<OutOfOfficeListBody>, ApiError> {
    let list = state
        .db
        .read(move |conn| schedules::list_out_of_office(conn, user.id).map_err(DbError::from))
        .await?;
    Ok(Json(OutOfOfficeListBody {
        data: list.into_iter().map(Into::into).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/out-of-office", tag = "schedules", security(("api_key" = [])),
    request_body = OutOfOfficeInput,
    responses((status = 201, description = "Added", body = OutOfOfficeBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)))]
pub async fn add_out_of_office(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<OutOfOfficeInput>,
) -> Result<(StatusCode, Json<OutOfOfficeBody>), ApiError> {
    let now = state.clock.now();
    let entry = state
        .db
        .write(move |tx| manage::add_out_of_office(tx, &user, input, now))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(OutOfOfficeBody { data: entry.into() }),
    ))
}

#[utoipa::path(delete, path = "/api/v1/out-of-office/{id}", tag = "schedules", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 204, description = "Removed"),
              (status = 404, description = "None of yours has that id", body = ErrorBody)))]
pub async fn delete_out_of_office(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    state
        .db
        .write(move |tx| manage::delete_out_of_office(tx, &user, id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- people and teams ------------------------------------------------------------------

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserView {
    id: i64,
    name: String,
    email: String,
    username: String,
    #[schema(value_type = TimeZoneName)]
    time_zone: String,
    /// `owner`, `admin` or `member`.
    role: String,
}

impl From<crate::db::users::User> for UserView {
    fn from(user: crate::db::users::User) -> Self {
        UserView {
            id: user.id,
            name: user.name,
            email: user.email,
            username: user.username,
            time_zone: user.time_zone.name().to_string(),
            role: user.role.as_str().to_string(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserBody {
    data: UserView,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "people", security(("api_key" = [])),
    responses((status = 200, description = "The API key's owner", body = UserBody),
              (status = 401, description = "No or a wrong API key", body = ErrorBody)))]
pub async fn me(ApiUser(user): ApiUser) -> Json<UserBody> {
    Json(UserBody { data: user.into() })
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateUser {
    #[schema(min_length = 1, max_length = 100, pattern = "\\S")]
    name: String,
    /// Not yet used by another account.
    #[schema(value_type = EmailAddress)]
    email: String,
    /// Default the administrator's.
    #[schema(value_type = Option<TimeZoneName>)]
    time_zone: Option<String>,
    #[schema(schema_with = assignable_role_schema)]
    role: Option<String>,
}

/// The roles an administrator can give (see [`crate::db::users::Role::assignable`]).
fn assignable_role_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(["member", "admin"]))
        .description(Some("Default `member`."))
        .build()
}

/// A member's role in a team (see [`crate::db::teams::TeamRole`]).
fn team_role_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(["admin", "member"]))
        .build()
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreatedUserBody {
    data: UserView,
    /// A one-time link, valid 7 days, for the person to choose their password.
    set_password_url: String,
}

#[utoipa::path(post, path = "/api/v1/users", tag = "people", security(("api_key" = [])),
    request_body = CreateUser,
    responses((status = 201, description = "Created", body = CreatedUserBody),
              (status = 403, description = "Not an administrator", body = ErrorBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)))]
pub async fn create_user(
    State(state): State<AppState>,
    ApiUser(admin): ApiUser,
    origin: crate::audit::Origin,
    ApiJson(body): ApiJson<CreateUser>,
) -> Result<(StatusCode, Json<CreatedUserBody>), ApiError> {
    let now = state.clock.now();
    let (user, token) = state
        .db
        .write(move |tx| {
            manage::create_member(
                tx,
                &admin,
                &body.name,
                &body.email,
                body.time_zone.as_deref(),
                body.role.as_deref().unwrap_or("member"),
                &origin,
                now,
            )
        })
        .await?;
    let set_password_url = format!("{}/reset/{token}", state.base_url());
    Ok((
        StatusCode::CREATED,
        Json(CreatedUserBody {
            data: user.into(),
            set_password_url,
        }),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTeam {
    /// Not yet used by another team.
    #[schema(value_type = Slug)]
    slug: String,
    #[schema(min_length = 1, max_length = 100, pattern = "\\S")]
    name: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TeamView {
    id: i64,
    slug: String,
    name: String,
    members: Vec<TeamMemberView>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TeamMemberView {
    user_id: i64,
    #[schema(schema_with = team_role_schema)]
    role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamBody {
    data: TeamView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamListBody {
    data: Vec<TeamView>,
}

fn team_view(conn: &rusqlite::Connection, team: teams::Team) -> rusqlite::Result<TeamView> {
    let members = teams::members(conn, team.id)?
        .into_iter()
        .map(|(user_id, role)| TeamMemberView {
            user_id,
            role: role.as_str().to_string(),
        })
        .collect();
    Ok(TeamView {
        id: team.id,
        slug: team.slug,
        name: team.name,
        members,
    })
}

#[utoipa::path(get, path = "/api/v1/teams", tag = "people", security(("api_key" = [])),
    responses((status = 200, description = "Teams you belong to", body = TeamListBody)))]
pub async fn list_teams(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<TeamListBody>, ApiError> {
    let data = state
        .db
        .read(move |conn| -> Result<_, DbError> {
            let list = teams::for_user(conn, user.id)?;
            Ok(list
                .into_iter()
                .map(|(team, _)| team_view(conn, team))
                .collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await?;
    Ok(Json(TeamListBody { data }))
}

#[utoipa::path(post, path = "/api/v1/teams", tag = "people", security(("api_key" = [])),
    request_body = CreateTeam,
    responses((status = 201, description = "Created; you are its admin", body = TeamBody),
              (status = 403, description = "Not an administrator", body = ErrorBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)))]
pub async fn create_team(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    origin: crate::audit::Origin,
    ApiJson(body): ApiJson<CreateTeam>,
) -> Result<(StatusCode, Json<TeamBody>), ApiError> {
    let now = state.clock.now();
    let data = state
        .db
        .write(move |tx| -> Result<_, ManageError> {
            let team = manage::create_team(tx, &user, &body.slug, &body.name, &origin, now)?;
            Ok(team_view(tx, team)?)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(TeamBody { data })))
}

#[utoipa::path(put, path = "/api/v1/teams/{id}/members", tag = "people", security(("api_key" = [])),
    params(("id" = i64, Path)),
    request_body = TeamMemberView,
    responses((status = 200, description = "Added or changed", body = TeamBody),
              (status = 403, description = "Not a team admin", body = ErrorBody),
              (status = 404, description = "No team you belong to has that id", body = ErrorBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)))]
pub async fn set_member(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(team_id): ApiPath<i64>,
    origin: crate::audit::Origin,
    ApiJson(body): ApiJson<TeamMemberView>,
) -> Result<Json<TeamBody>, ApiError> {
    let now = state.clock.now();
    let data = state
        .db
        .write(move |tx| -> Result<_, ManageError> {
            let member = (team_id, body.user_id);
            manage::set_team_member(tx, &user, member, &body.role, &origin, now)?;
            let team = teams::get(tx, team_id)?.ok_or(ManageError::NotFound("team"))?;
            Ok(team_view(tx, team)?)
        })
        .await?;
    Ok(Json(TeamBody { data }))
}

#[utoipa::path(delete, path = "/api/v1/teams/{id}/members/{user_id}", tag = "people", security(("api_key" = [])),
    params(("id" = i64, Path), ("user_id" = i64, Path)),
    responses((status = 204, description = "Removed from the team and its event types' hosts"),
              (status = 403, description = "Not a team admin", body = ErrorBody),
              (status = 404, description = "No team you belong to has that id, or no such member", body = ErrorBody)))]
pub async fn remove_member(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(member): ApiPath<(i64, i64)>,
    origin: crate::audit::Origin,
) -> Result<StatusCode, ApiError> {
    let now = state.clock.now();
    state
        .db
        .write(move |tx| manage::remove_team_member(tx, &user, member, &origin, now))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
