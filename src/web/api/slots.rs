//! `GET /api/v1/slots`: the bookable start times of an event type.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::AppState;
use crate::booking::{self, BookingError};
use crate::db::{DbError, event_types, users};
use crate::error::FieldErrors;
use crate::scheduling::schedules::parse_zone;
use crate::web::api::error::{ApiError, ErrorBody};
use crate::web::api::extract::ApiQuery;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct SlotsQuery {
    /// The event type; or give `username` and `eventTypeSlug`.
    event_type_id: Option<i64>,
    username: Option<String>,
    event_type_slug: Option<String>,
    /// First day (`YYYY-MM-DD`, in `timeZone`) or instant (RFC 3339).
    start: String,
    /// Last day (inclusive) or instant (exclusive). At most 62 days after `start`.
    end: String,
    /// IANA zone for dates and offsets in the answer; default UTC.
    time_zone: Option<String>,
    /// One of the event type's durations, in minutes; default its first.
    duration: Option<u32>,
}

/// One bookable start.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SlotView {
    #[schema(example = "2026-03-30T09:00:00+02:00")]
    start: String,
    end: String,
    /// For seated event types: seats still free.
    #[serde(skip_serializing_if = "Option::is_none")]
    seats_remaining: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlotsBody {
    /// Local dates in `timeZone` → slots.
    data: BTreeMap<String, Vec<SlotView>>,
}

/// An instant from a date (the start of that day, or of the day after for `end`) or RFC 3339.
fn parse_bound(value: &str, zone: Tz, end: bool) -> Result<DateTime<Utc>, &'static str> {
    let value = value.trim();
    if let Ok(instant) = DateTime::parse_from_rfc3339(value) {
        return Ok(instant.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| "must be a date (YYYY-MM-DD) or an RFC 3339 instant")?;
    let date = if end {
        date.succ_opt().ok_or("is out of range")?
    } else {
        date
    };
    crate::scheduling::start_of_day(zone, date).ok_or("is out of range")
}

#[utoipa::path(
    get,
    path = "/api/v1/slots",
    tag = "slots",
    params(SlotsQuery),
    responses(
        (status = 200, description = "Slots by local date", body = SlotsBody),
        (status = 400, description = "Bad query (unknown zone, range over 62 days, …)", body = ErrorBody),
        (status = 404, description = "No such event type", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<SlotsQuery>,
) -> Result<Json<SlotsBody>, ApiError> {
    let mut errors = FieldErrors::new();
    let zone = match query.time_zone.as_deref() {
        None | Some("") => Tz::UTC,
        Some(name) => parse_zone(name).unwrap_or_else(|reason| {
            errors.add("timeZone", reason);
            Tz::UTC
        }),
    };
    let start = parse_bound(&query.start, zone, false)
        .map_err(|reason| errors.add("start", reason))
        .ok();
    let end = parse_bound(&query.end, zone, true)
        .map_err(|reason| errors.add("end", reason))
        .ok();
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            errors.add("end", "must be after the start");
        } else if end - start > Duration::days(booking::MAX_SLOT_RANGE_DAYS) {
            errors.add(
                "end",
                format!(
                    "the range may span at most {} days",
                    booking::MAX_SLOT_RANGE_DAYS
                ),
            );
        }
    }
    if query.event_type_id.is_none()
        && (query.username.is_none() || query.event_type_slug.is_none())
    {
        errors.add(
            "eventTypeId",
            "is required (or give username and eventTypeSlug)",
        );
    }
    let (Some(start), Some(end), true) = (start, end, errors.is_empty()) else {
        return Err(ApiError::validation_with_status(
            axum::http::StatusCode::BAD_REQUEST,
            &errors,
        ));
    };

    let settings = state.booking_settings();
    let list = state
        .db
        .read(move |conn| -> Result<_, BookingError> {
            let event_type = match query.event_type_id {
                Some(id) => event_types::get(conn, id).map_err(DbError::from)?,
                None => {
                    let username = query.username.unwrap_or_default();
                    let slug = query.event_type_slug.unwrap_or_default();
                    match users::by_username(conn, &username).map_err(DbError::from)? {
                        Some(user) => event_types::by_user_slug(conn, user.id, &slug)
                            .map_err(DbError::from)?,
                        None => None,
                    }
                }
            }
            .ok_or(BookingError::EventTypeNotFound)?;
            booking::list_slots(
                conn,
                &event_type,
                start,
                end,
                zone,
                query.duration,
                settings.context,
            )
        })
        .await
        .map_err(|err| match err {
            BookingError::Invalid(errors) => {
                ApiError::validation_with_status(axum::http::StatusCode::BAD_REQUEST, &errors)
            }
            other => other.into(),
        })?;

    let mut data: BTreeMap<String, Vec<SlotView>> = BTreeMap::new();
    for day in &list.days {
        data.insert(
            day.date.format("%Y-%m-%d").to_string(),
            day.slots
                .iter()
                .map(|slot| SlotView {
                    start: slot.start.with_timezone(&zone).to_rfc3339(),
                    end: slot.end.with_timezone(&zone).to_rfc3339(),
                    seats_remaining: slot.seats_remaining,
                })
                .collect(),
        );
    }
    Ok(Json(SlotsBody { data }))
}
