//! `/api/v1/bookings`: make, list and change bookings.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use crate::app::AppState;
use crate::audit::{self, Origin};
use crate::booking::{self, Actor, Attendee, BookingAction, BookingError, BookingRequest, Outcome};
use crate::db::DbError;
use crate::db::bookings::{self, Booking, BookingFilter, BookingStatus};
use crate::model::error::{EmailAddress, FieldErrors};
use crate::model::event_types::Location;
use crate::model::time::schema::{Instant, TimeZoneName};
use crate::reason;
use crate::web::api::error::{ApiError, ErrorBody};
use crate::web::api::extract::{ApiCaller, ApiJson, ApiPath, ApiQuery, ApiUser, MaybeApiUser};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AttendeeInput {
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    name: String,
    #[schema(value_type = EmailAddress)]
    email: String,
    /// IANA zone the attendee reads times in.
    #[schema(value_type = TimeZoneName)]
    time_zone: String,
    /// The attendee's locale, a BCP 47 language tag such as `en-US` or `de-DE`: emails and
    /// text messages to them write dates and times with its clock and date order.
    #[serde(default)]
    #[schema(schema_with = locale_schema)]
    locale: Option<String>,
}

/// An attendee's locale, for the OpenAPI document: the grammar the booking service checks.
fn locale_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(Some(crate::present::tag::MAX_LEN))
        .pattern(Some(crate::present::tag::PATTERN))
        .examples(["en-US"])
        .description(Some(
            "A BCP 47 language tag such as en-US or de-DE: emails and text messages to the attendee write dates and times with its clock and date order.",
        ))
        .build()
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateBooking {
    event_type_id: i64,
    /// The chosen start: one of the slots `GET /api/v1/slots` offers, and still free.
    #[schema(value_type = Instant)]
    start: DateTime<Utc>,
    #[schema(schema_with = crate::model::event_types::chosen_duration_schema)]
    duration: Option<u32>,
    attendee: AttendeeInput,
    /// Email addresses of people the attendee brings along, at most 10.
    #[serde(default)]
    #[schema(value_type = Vec<EmailAddress>, max_items = 10)]
    guests: Vec<String>,
    /// Answers by question key: one per question of the event type, each of the kind the
    /// question asks for; required questions must be answered.
    #[serde(default)]
    #[schema(value_type = Object)]
    answers: BTreeMap<String, Value>,
    #[schema(schema_with = crate::model::event_types::location_kind_schema)]
    location: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AttendeeView {
    name: String,
    email: String,
    #[schema(value_type = TimeZoneName)]
    time_zone: String,
    /// The locale the attendee booked with (a BCP 47 tag), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<String>,
}

/// A booking as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BookingView {
    uid: String,
    event_type_id: Option<i64>,
    title: String,
    status: BookingStatus,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    attendee: AttendeeView,
    guests: Vec<String>,
    #[schema(value_type = Object)]
    answers: BTreeMap<String, Value>,
    location: Option<Location>,
    host_ids: Vec<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cancel_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reschedule_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rejection_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rescheduled_from_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rescheduled_to_uid: Option<String>,
    /// The invitee's page to see, cancel or reschedule the booking; only in the answer
    /// that made the booking.
    #[serde(skip_serializing_if = "Option::is_none")]
    manage_url: Option<String>,
    /// What the invitee pays, for a paid event type.
    #[serde(skip_serializing_if = "Option::is_none")]
    payment: Option<PaymentView>,
    created_at: DateTime<Utc>,
}

/// A booking's payment, with Cal.com's names for the price.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PaymentView {
    payment_id: i64,
    status: crate::model::payment::PaymentStatus,
    mode: crate::model::payment::PaymentMode,
    /// In minor units of `currency`.
    price: i64,
    #[schema(value_type = String, example = "EUR")]
    currency: crate::model::payment::Currency,
    /// What Stripe took and what was given back, in minor units.
    charged: i64,
    refunded: i64,
    /// While the slot is held: until when.
    #[serde(skip_serializing_if = "Option::is_none")]
    hold_until: Option<DateTime<Utc>>,
    /// Where the invitee pays (Kairos sends them on to Stripe Checkout); only in the
    /// answer that made the booking, while it awaits its payment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pay_url: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookingBody {
    data: BookingView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Pagination {
    skip: u32,
    take: u32,
    total: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookingListBody {
    data: Vec<BookingView>,
    pagination: Pagination,
}

/// Looks up the uids of linked bookings and builds the view.
fn view(
    conn: &rusqlite::Connection,
    booking: Booking,
    manage_url: Option<String>,
) -> rusqlite::Result<BookingView> {
    let uid_of = |id: Option<i64>| -> rusqlite::Result<Option<String>> {
        Ok(match id {
            Some(id) => bookings::by_id(conn, id)?.map(|b| b.uid),
            None => None,
        })
    };
    let payment = crate::db::payments::by_booking(conn, booking.id)?.map(|payment| {
        let awaiting = payment.status == crate::model::payment::PaymentStatus::Awaiting;
        PaymentView {
            payment_id: payment.id,
            status: payment.status,
            mode: payment.mode,
            price: payment.amount,
            currency: payment.currency,
            charged: payment.charged,
            refunded: payment.refunded,
            hold_until: awaiting.then_some(payment.hold_until),
            pay_url: manage_url
                .as_ref()
                .filter(|_| awaiting)
                .map(|url| url.replacen("?token=", "/pay?token=", 1)),
        }
    });
    Ok(BookingView {
        payment,
        rescheduled_from_uid: uid_of(booking.rescheduled_from_id)?,
        rescheduled_to_uid: uid_of(booking.rescheduled_to_id)?,
        uid: booking.uid,
        event_type_id: booking.event_type_id,
        title: booking.title,
        status: booking.status,
        start: booking.start,
        end: booking.end,
        attendee: AttendeeView {
            name: booking.attendee_name,
            email: booking.attendee_email,
            time_zone: booking.attendee_time_zone,
            locale: booking.locale,
        },
        guests: booking.guests,
        answers: booking.answers,
        location: booking.location,
        host_ids: booking.hosts,
        cancel_reason: booking.cancel_reason,
        reschedule_reason: booking.reschedule_reason,
        rejection_reason: booking.rejection_reason,
        manage_url,
        created_at: booking.created_at,
    })
}

/// The invitee's manage URL.
pub fn manage_url(state: &AppState, uid: &str, token: &str) -> String {
    format!(
        "{}{}",
        state.base_url(),
        crate::booking::manage_path(uid, token)
    )
}

async fn outcome_view(state: &AppState, outcome: Outcome) -> Result<BookingView, ApiError> {
    let url = outcome
        .manage_token
        .as_deref()
        .map(|token| manage_url(state, &outcome.booking.uid, token));
    let booking = outcome.booking;
    Ok(state
        .db
        .read(move |conn| view(conn, booking, url).map_err(DbError::from))
        .await?)
}

#[utoipa::path(
    post,
    path = "/api/v1/bookings",
    operation_id = "create_booking",
    tag = "bookings",
    request_body = CreateBooking,
    params(("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 255, pattern = "^[!-~]([ -~]*[!-~])?$",
        description = "Retries with the same key return the first booking; 1 to 255 visible ASCII characters")),
    responses(
        (status = 201, description = "Booked", body = BookingBody),
        (status = 200, description = "An earlier identical request's booking", body = BookingBody),
        (status = 404, description = "No such event type", body = ErrorBody),
        (status = 409, description = "That time is no longer available", body = ErrorBody),
        (status = 422, description = "Invalid input, or a start that is not bookable", body = ErrorBody),
        (status = 429, description = "Too many bookings from this address, or for this event type or host in the last hour; see Retry-After", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    origin: Origin,
    MaybeApiUser(user, key_id): MaybeApiUser,
    ApiJson(body): ApiJson<CreateBooking>,
) -> Result<Response, ApiError> {
    if let Some(address) = origin.ip {
        state
            .rate_limits
            .booking(address, state.clock.now())
            .map_err(|wait| ApiError::too_many_requests("bookings from this address", wait))?;
    }
    let idempotency_key = match headers.get("idempotency-key") {
        Some(value) => Some(
            value
                .to_str()
                .map_err(|_| ApiError::field("Idempotency-Key", "must be visible ASCII"))?
                .to_string(),
        ),
        None => None,
    };
    let request = BookingRequest {
        event_type_id: body.event_type_id,
        start: Some(body.start),
        duration_minutes: body.duration,
        attendee: Attendee {
            name: body.attendee.name,
            email: body.attendee.email,
            time_zone: body.attendee.time_zone,
            // Given, or the languages of the browser that sent the request.
            locale: body
                .attendee
                .locale
                .or_else(|| crate::web::ctx::visitor_locale(&headers).map(|tag| tag.to_string())),
        },
        guests: body.guests,
        answers: body.answers,
        location: body.location,
        idempotency_key,
        booked_by: user.as_ref().map(|user| user.id),
        live_busy: Vec::new(),
    };
    let actor = match key_id {
        Some(id) => audit::Actor::ApiKey(id),
        None => audit::Actor::Anonymous,
    };
    let settings = state.booking_settings();
    let outcome = booking::book(&state.db, request, settings, actor, &origin).await?;
    let status = if outcome.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let replayed = outcome.replayed;
    let data = outcome_view(&state, outcome).await?;
    let mut response = (status, Json(BookingBody { data })).into_response();
    if replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only bookings in this state.
    #[param(value_type = Option<BookingStatus>)]
    status: Option<String>,
    /// Only bookings starting at or after this instant.
    #[serde(default, deserialize_with = "crate::model::time::optional_instant")]
    #[param(value_type = Option<Instant>)]
    after: Option<DateTime<Utc>>,
    /// Only bookings starting before this instant.
    #[serde(default, deserialize_with = "crate::model::time::optional_instant")]
    #[param(value_type = Option<Instant>)]
    before: Option<DateTime<Utc>>,
    skip: Option<u32>,
    /// Default 50.
    #[param(minimum = 1, maximum = 250)]
    take: Option<u32>,
}

#[utoipa::path(
    get,
    path = "/api/v1/bookings",
    operation_id = "list_bookings",
    tag = "bookings",
    params(ListQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Bookings you host or own, by start time", body = BookingListBody),
        (status = 400, description = "Bad filter", body = ErrorBody),
        (status = 401, description = "No or a wrong API key", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller { user, key_id }: ApiCaller,
    origin: Origin,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<BookingListBody>, ApiError> {
    let mut errors = FieldErrors::new();
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(text) => BookingStatus::parse(text).or_else(|| {
            errors.refuse("status", reason!("api-error-booking-status"));
            None
        }),
    };
    let take = query.take.unwrap_or(50);
    if !(1..=250).contains(&take) {
        errors.refuse("take", reason!("error-between", min = 1, max = 250));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation_with_status(
            StatusCode::BAD_REQUEST,
            &errors,
        ));
    }
    let filter = BookingFilter {
        status,
        after: query.after,
        before: query.before,
        skip: query.skip.unwrap_or(0),
        take,
    };
    let scope = crate::access::booking_scope(&user);
    let (data, total) = state
        .db
        .read(move |conn| -> Result<_, DbError> {
            let (list, total) = bookings::list_visible_to(conn, scope, &filter)?;
            let views = list
                .into_iter()
                .map(|booking| view(conn, booking, None))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((views, total))
        })
        .await?;
    // Each booking in the answer is a view of its details and answers.
    let uids = data.iter().map(|booking| booking.uid.clone()).collect();
    let actor = audit::Actor::ApiKey(key_id);
    audit::bookings_listed(&state.db, state.clock.now(), actor, uids, &origin).await?;
    Ok(Json(BookingListBody {
        data,
        pagination: Pagination {
            skip: query.skip.unwrap_or(0),
            take,
            total,
        },
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TokenQuery {
    /// The invitee's manage token (instead of an API key).
    token: Option<String>,
}

/// The invitee with a manage token, or the API key's user.
fn actor(user: Option<crate::db::users::User>, token: Option<String>) -> Result<Actor, ApiError> {
    match (user, token.filter(|t| !t.is_empty())) {
        (Some(user), _) => Ok(Actor::User(user.id)),
        (None, Some(token)) => Ok(Actor::Invitee(token)),
        (None, None) => Err(ApiError::unauthorized()),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/bookings/{uid}",
    operation_id = "get_booking",
    tag = "bookings",
    params(("uid" = String, Path), TokenQuery),
    security(("api_key" = []), ()),
    responses(
        (status = 200, description = "The booking", body = BookingBody),
        (status = 401, description = "Neither an API key nor a manage token", body = ErrorBody),
        (status = 404, description = "No booking you may see has that uid", body = ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    MaybeApiUser(user, key_id): MaybeApiUser,
    ApiPath(uid): ApiPath<String>,
    ApiQuery(query): ApiQuery<TokenQuery>,
    origin: Origin,
) -> Result<Json<BookingBody>, ApiError> {
    let actor = actor(user, query.token)?;
    let audited_as = match key_id {
        Some(id) => audit::Actor::ApiKey(id),
        None => audit::Actor::Invitee,
    };
    let lookup = uid.clone();
    let result = state
        .db
        .read(move |conn| -> Result<_, BookingError> {
            let booking = booking::authorize(conn, &lookup, &actor, BookingAction::View)?;
            Ok(view(conn, booking, None).map_err(DbError::from)?)
        })
        .await;
    let now = state.clock.now();
    audit::booking_viewed(&state.db, now, audited_as, &uid, &origin, &result).await?;
    Ok(Json(BookingBody { data: result? }))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReasonBody {
    #[serde(default)]
    #[schema(max_length = 1000)]
    reason: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RescheduleBody {
    /// The new start: one of the slots `GET /api/v1/slots` offers, and still free.
    #[schema(value_type = Instant)]
    start: DateTime<Utc>,
    #[serde(default)]
    #[schema(max_length = 1000)]
    reason: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/bookings/{uid}/cancel",
    operation_id = "cancel_booking",
    tag = "bookings",
    params(("uid" = String, Path), TokenQuery),
    request_body = ReasonBody,
    security(("api_key" = []), ()),
    responses(
        (status = 200, description = "Cancelled", body = BookingBody),
        (status = 403, description = "You see the booking but may not change it (a team member who is not its host)", body = ErrorBody),
        (status = 404, description = "No booking you may see has that uid", body = ErrorBody),
        (status = 409, description = "Not active, or already over", body = ErrorBody),
    )
)]
pub async fn cancel(
    State(state): State<AppState>,
    MaybeApiUser(user, _): MaybeApiUser,
    ApiPath(uid): ApiPath<String>,
    ApiQuery(query): ApiQuery<TokenQuery>,
    ApiJson(body): ApiJson<ReasonBody>,
) -> Result<Json<BookingBody>, ApiError> {
    let actor = actor(user, query.token)?;
    let settings = state.booking_settings();
    let booking = state
        .db
        .write(move |tx| booking::cancel(tx, &uid, body.reason.as_deref(), &actor, &settings))
        .await?;
    let data = outcome_view(
        &state,
        Outcome {
            booking,
            manage_token: None,
            replayed: false,
        },
    )
    .await?;
    Ok(Json(BookingBody { data }))
}

#[utoipa::path(
    post,
    path = "/api/v1/bookings/{uid}/reschedule",
    operation_id = "reschedule_booking",
    tag = "bookings",
    params(("uid" = String, Path), TokenQuery),
    request_body = RescheduleBody,
    security(("api_key" = []), ()),
    responses(
        (status = 201, description = "The new booking (the old one is cancelled and linked)", body = BookingBody),
        (status = 403, description = "You see the booking but may not change it (a team member who is not its host)", body = ErrorBody),
        (status = 404, description = "No booking you may see has that uid", body = ErrorBody),
        (status = 409, description = "Not active, or the new time is taken", body = ErrorBody),
        (status = 422, description = "The new start is not bookable", body = ErrorBody),
    )
)]
pub async fn reschedule(
    State(state): State<AppState>,
    MaybeApiUser(user, _): MaybeApiUser,
    ApiPath(uid): ApiPath<String>,
    ApiQuery(query): ApiQuery<TokenQuery>,
    ApiJson(body): ApiJson<RescheduleBody>,
) -> Result<(StatusCode, Json<BookingBody>), ApiError> {
    let actor = actor(user, query.token)?;
    let settings = state.booking_settings();
    let outcome =
        booking::move_to(&state.db, uid, body.start, body.reason, actor, settings).await?;
    let data = outcome_view(&state, outcome).await?;
    Ok((StatusCode::CREATED, Json(BookingBody { data })))
}

#[utoipa::path(
    post,
    path = "/api/v1/bookings/{uid}/confirm",
    operation_id = "confirm_booking",
    tag = "bookings",
    params(("uid" = String, Path)),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Accepted", body = BookingBody),
        (status = 401, description = "No or a wrong API key", body = ErrorBody),
        (status = 403, description = "You see the booking but may not change it (a team member who is not its host)", body = ErrorBody),
        (status = 404, description = "No booking you may see has that uid", body = ErrorBody),
        (status = 409, description = "Not pending, or its time is taken now", body = ErrorBody),
    )
)]
pub async fn confirm(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(uid): ApiPath<String>,
) -> Result<Json<BookingBody>, ApiError> {
    let settings = state.booking_settings();
    let booking = state
        .db
        .write(move |tx| booking::confirm(tx, &uid, user.id, &settings))
        .await?;
    let data = outcome_view(
        &state,
        Outcome {
            booking,
            manage_token: None,
            replayed: false,
        },
    )
    .await?;
    Ok(Json(BookingBody { data }))
}

#[utoipa::path(
    post,
    path = "/api/v1/bookings/{uid}/reject",
    operation_id = "reject_booking",
    tag = "bookings",
    params(("uid" = String, Path)),
    request_body = ReasonBody,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Rejected", body = BookingBody),
        (status = 401, description = "No or a wrong API key", body = ErrorBody),
        (status = 403, description = "You see the booking but may not change it (a team member who is not its host)", body = ErrorBody),
        (status = 404, description = "No booking you may see has that uid", body = ErrorBody),
        (status = 409, description = "Not pending", body = ErrorBody),
    )
)]
pub async fn reject(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(uid): ApiPath<String>,
    ApiJson(body): ApiJson<ReasonBody>,
) -> Result<Json<BookingBody>, ApiError> {
    let settings = state.booking_settings();
    let booking = state
        .db
        .write(move |tx| booking::reject(tx, &uid, body.reason.as_deref(), user.id, &settings))
        .await?;
    let data = outcome_view(
        &state,
        Outcome {
            booking,
            manage_token: None,
            replayed: false,
        },
    )
    .await?;
    Ok(Json(BookingBody { data }))
}
