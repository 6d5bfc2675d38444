//! `GET /api/v1/slots`: the bookable start times of an event type.

use std::collections::BTreeMap;

use axum::body::Bytes;

use axum::extract::{RawQuery, State};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::AppState;
use crate::booking::BookingError;
use crate::booking::slots;
use crate::db::DbError;
use crate::model::error::{FieldErrors, Reason};
use crate::model::event_types::Slug;
use crate::model::schedules::parse_zone;
use crate::model::time;
use crate::model::time::schema::{DateOrInstant, TimeZoneName};
use crate::reason;
use crate::web::api::error::{ApiError, ErrorBody};
use crate::web::api::extract::ApiQuery;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct SlotsQuery {
    /// The event type; or give `username` and `eventTypeSlug`.
    event_type_id: Option<i64>,
    /// The event type's owner, with `eventTypeSlug`.
    username: Option<String>,
    #[param(value_type = Option<Slug>)]
    event_type_slug: Option<String>,
    /// First day (`YYYY-MM-DD`, in `timeZone`) or instant (RFC 3339).
    #[param(value_type = DateOrInstant)]
    start: String,
    /// Last day (inclusive) or instant (exclusive): after `start`, and at most 62 days
    /// after it. The range ends within the years 1900–2999, so the last day is at the
    /// latest 2999-12-30.
    #[param(value_type = DateOrInstant)]
    end: String,
    /// Zone for dates and offsets in the answer; default UTC.
    #[param(value_type = Option<TimeZoneName>)]
    time_zone: Option<String>,
    #[param(schema_with = crate::model::event_types::chosen_duration_schema)]
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
fn parse_bound(value: &str, zone: Tz, end: bool) -> Result<DateTime<Utc>, Reason> {
    let value = value.trim();
    if value.contains('T') {
        return time::parse_instant(value).map_err(time::TimeInputError::reason);
    }
    let date = time::parse_date(value).map_err(|err| match err {
        time::TimeInputError::NotADate => reason!("api-error-date-or-instant"),
        other => other.reason(),
    })?;
    let date = if end { date.succ_opt() } else { Some(date) };
    date.and_then(|date| crate::model::time::start_of_day(zone, date))
        .ok_or_else(|| time::TimeInputError::OutOfRange.reason())
}

#[utoipa::path(
    get,
    path = "/api/v1/slots",
    operation_id = "list_slots",
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
    RawQuery(raw): RawQuery,
    ApiQuery(query): ApiQuery<SlotsQuery>,
) -> Result<SlotsJson, ApiError> {
    let raw = raw.unwrap_or_default();
    // Read before computing: a write during the computation makes the entry stale at once.
    let generation = state.db.generation();
    let second = state.clock.now().timestamp();
    if let Some(body) = state.slot_cache.get(&raw, generation, second) {
        return Ok(SlotsJson(body));
    }
    let mut errors = FieldErrors::new();
    let zone = match query.time_zone.as_deref() {
        None | Some("") => Tz::UTC,
        Some(name) => parse_zone(name).unwrap_or_else(|reason| {
            errors.add("timeZone", reason);
            Tz::UTC
        }),
    };
    let start = parse_bound(&query.start, zone, false)
        .map_err(|reason| errors.refuse("start", reason))
        .ok();
    let end = parse_bound(&query.end, zone, true)
        .map_err(|reason| errors.refuse("end", reason))
        .ok();
    if let (Some(start), Some(end)) = (start, end)
        && let Err((field, reason)) = slots::check_range(start, end)
    {
        errors.refuse(field, reason);
    }
    if query.event_type_id.is_none()
        && (query.username.is_none() || query.event_type_slug.is_none())
    {
        errors.refuse("eventTypeId", reason!("api-error-event-type-required"));
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
            let bookable = match query.event_type_id {
                Some(id) => slots::by_id(conn, id),
                None => slots::by_user_slug(
                    conn,
                    &query.username.unwrap_or_default(),
                    &query.event_type_slug.unwrap_or_default(),
                ),
            }
            .map_err(DbError::from)?
            .ok_or(BookingError::EventTypeNotFound)?;
            slots::list(
                conn,
                &bookable.event_type,
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

    let body = render(&list, zone);
    state.slot_cache.put(raw, generation, second, body.clone());
    Ok(SlotsJson(body))
}

/// The answer, written straight into one buffer: a month of slots is thousands of
/// timestamps, and this is the hottest path of a public booking page.
pub struct SlotsJson(Bytes);

impl axum::response::IntoResponse for SlotsJson {
    fn into_response(self) -> axum::response::Response {
        (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            axum::body::Body::from(self.0),
        )
            .into_response()
    }
}

fn render(list: &crate::availability::SlotList, zone: Tz) -> Bytes {
    let count: usize = list.days.iter().map(|day| day.slots.len()).sum();
    let mut out = Vec::with_capacity(32 + list.days.len() * 24 + count * 80);
    let mut dates = DateText::default();
    out.extend_from_slice(b"{\"data\":{");
    for (i, day) in list.days.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'"');
        out.extend_from_slice(&date_text(day.date));
        out.extend_from_slice(b"\":[");
        // One offset for the whole day unless the clocks change during it.
        let offset_at = |t: DateTime<Utc>| offset_seconds(zone, t);
        let fixed = match (day.slots.first(), day.slots.last()) {
            (Some(first), Some(last)) => {
                let offset = offset_at(first.start);
                (offset == offset_at(last.end)).then_some(offset)
            }
            _ => None,
        };
        for (j, slot) in day.slots.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"start\":\"");
            let offset = fixed.unwrap_or_else(|| offset_at(slot.start));
            dates.push_instant(&mut out, slot.start, offset);
            out.extend_from_slice(b"\",\"end\":\"");
            let offset = fixed.unwrap_or_else(|| offset_at(slot.end));
            dates.push_instant(&mut out, slot.end, offset);
            out.push(b'"');
            if let Some(seats) = slot.seats_remaining {
                out.extend_from_slice(b",\"seatsRemaining\":");
                out.extend_from_slice(seats.to_string().as_bytes());
            }
            out.push(b'}');
        }
        out.push(b']');
    }
    out.extend_from_slice(b"}}");
    Bytes::from(out)
}

/// The zone's offset from UTC at an instant, in seconds.
fn offset_seconds(zone: Tz, instant: DateTime<Utc>) -> i32 {
    use chrono::{Offset, TimeZone};
    zone.offset_from_utc_datetime(&instant.naive_utc())
        .fix()
        .local_minus_utc()
}

fn two_digits(out: &mut Vec<u8>, value: u32) {
    out.push(b'0' + (value / 10 % 10) as u8);
    out.push(b'0' + (value % 10) as u8);
}

/// `YYYY-MM-DD`.
fn date_text(date: NaiveDate) -> [u8; 10] {
    use chrono::Datelike;
    let year = u32::try_from(date.year()).unwrap_or(0);
    let mut text = [b'-'; 10];
    for (i, digit) in [year / 1000 % 10, year / 100 % 10, year / 10 % 10, year % 10]
        .into_iter()
        .enumerate()
    {
        text[i] = b'0' + digit as u8;
    }
    let (month, day) = (date.month(), date.day());
    text[5] = b'0' + (month / 10) as u8;
    text[6] = b'0' + (month % 10) as u8;
    text[8] = b'0' + (day / 10) as u8;
    text[9] = b'0' + (day % 10) as u8;
    text
}

/// Remembers the last local date written, so consecutive slots of one day format their
/// date once.
#[derive(Default)]
struct DateText {
    day: Option<i64>,
    text: [u8; 10],
}

const DAY: i64 = 86_400;

impl DateText {
    /// RFC 3339 with the given offset: `2026-03-30T09:00:00+02:00`.
    fn push_instant(&mut self, out: &mut Vec<u8>, instant: DateTime<Utc>, offset: i32) {
        let local = instant.timestamp() + i64::from(offset);
        let day = local.div_euclid(DAY);
        if self.day != Some(day) {
            let date = DateTime::from_timestamp(day * DAY, 0)
                .unwrap_or_default()
                .date_naive();
            self.text = date_text(date);
            self.day = Some(day);
        }
        out.extend_from_slice(&self.text);
        let second_of_day = u32::try_from(local.rem_euclid(DAY)).unwrap_or(0);
        out.push(b'T');
        two_digits(out, second_of_day / 3600);
        out.push(b':');
        two_digits(out, second_of_day / 60 % 60);
        out.push(b':');
        two_digits(out, second_of_day % 60);
        let minutes = offset.unsigned_abs() / 60;
        out.push(if offset < 0 { b'-' } else { b'+' });
        two_digits(out, minutes / 60);
        out.push(b':');
        two_digits(out, minutes % 60);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_print_like_rfc3339_in_the_zone() {
        for (zone, text) in [
            (chrono_tz::Europe::Berlin, "2026-03-29T01:30:00Z"),
            (chrono_tz::Asia::Kathmandu, "2026-03-29T01:30:00Z"),
            (chrono_tz::America::St_Johns, "2026-11-01T05:00:00Z"),
            (chrono_tz::UTC, "2026-03-29T01:30:00Z"),
            (chrono_tz::Australia::Lord_Howe, "2026-04-04T14:45:00Z"),
        ] {
            let instant = DateTime::parse_from_rfc3339(text)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_default();
            let mut out = Vec::new();
            DateText::default().push_instant(&mut out, instant, offset_seconds(zone, instant));
            assert_eq!(
                String::from_utf8_lossy(&out),
                instant.with_timezone(&zone).to_rfc3339(),
                "{zone}"
            );
        }
    }
}
