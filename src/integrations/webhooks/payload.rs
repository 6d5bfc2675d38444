//! The `payload` of a booking webhook, in Cal.com's shape so its receivers keep working.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::Connection;
use serde_json::{Map, Value, json};

use crate::db::bookings::{self, BookingStatus};
use crate::db::{event_types, teams, users};
use crate::model::event_types::Location;

/// An instant as Cal.com writes it: `2026-03-31T08:00:00Z`.
pub(crate) fn time(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The payload describing booking `booking_id` for `trigger` (e.g. `BOOKING_CREATED`):
/// type, title, description, startTime, endTime, organizer, attendees, uid, bookingId,
/// status, location, eventTypeId, rescheduleUid, …. With `minimum_necessary`, the
/// attendee's answers (`responses`, `additionalNotes`) are left out. `None` when the
/// booking no longer exists.
pub fn payload(
    conn: &Connection,
    booking_id: i64,
    trigger: &str,
    minimum_necessary: bool,
) -> rusqlite::Result<Option<Value>> {
    let Some(booking) = bookings::by_id(conn, booking_id)? else {
        return Ok(None);
    };
    let event_type = match booking.event_type_id {
        Some(id) => event_types::get(conn, id)?,
        None => None,
    };
    let organizer = match booking.hosts.first() {
        Some(id) => users::by_id(conn, *id)?,
        None => None,
    };
    let person = |user: &users::User| {
        json!({
            "id": user.id,
            "name": user.name,
            "email": user.email,
            "username": user.username,
            "timeZone": user.time_zone.name(),
            "language": { "locale": user.language.map_or("en", crate::i18n::Language::tag) },
            "timeFormat": if user.twelve_hour { "h:mma" } else { "HH:mm" },
        })
    };
    // The language the attendee reads their messages in (Cal.com's `language.locale`).
    let locale = booking
        .locale
        .as_deref()
        .and_then(|tag| crate::i18n::LanguageTag::parse(tag).ok())
        .and_then(|tag| crate::i18n::Language::of_tag(&tag))
        .map_or("en", crate::i18n::Language::tag);
    let mut attendees = vec![json!({
        "name": booking.attendee_name,
        "email": booking.attendee_email,
        "timeZone": booking.attendee_time_zone,
        "language": { "locale": locale },
    })];
    attendees.extend(booking.guests.iter().map(|guest| {
        json!({
            "name": "",
            "email": guest,
            "timeZone": booking.attendee_time_zone,
            "language": { "locale": locale },
        })
    }));
    let mut team_members = Vec::new();
    for host in booking.hosts.iter().skip(1) {
        if let Some(user) = users::by_id(conn, *host)? {
            team_members.push(person(&user));
        }
    }
    let team = match event_type.as_ref().and_then(|et| et.input.team_id) {
        Some(team_id) => teams::get(conn, team_id)?
            .map(|team| json!({ "id": team.id, "name": team.name, "members": team_members })),
        None => None,
    };
    let length = (booking.end - booking.start).num_minutes();
    let (slug, description, requires_confirmation, seats) = match &event_type {
        Some(et) => (
            et.input.slug.clone(),
            et.input.description.clone(),
            et.input.requires_confirmation,
            et.input.seats_per_slot,
        ),
        None => (String::new(), String::new(), false, None),
    };
    let mut fields = Map::new();
    let mut put = |key: &str, value: Value| {
        fields.insert(key.to_string(), value);
    };
    put("type", json!(slug));
    put("title", json!(booking.title));
    put("description", json!(description));
    put("eventTitle", json!(booking.title));
    put("eventDescription", json!(description));
    put("startTime", json!(time(booking.start)));
    put("endTime", json!(time(booking.end)));
    put("length", json!(length));
    put("organizer", organizer.as_ref().map_or(Value::Null, &person));
    put("attendees", Value::Array(attendees));
    put("team", team.unwrap_or(Value::Null));
    put("uid", json!(booking.uid));
    put("bookingId", json!(booking.id));
    put("status", json!(booking.status.as_str()));
    put(
        "location",
        json!(
            booking
                .location
                .as_ref()
                .map(|l| l.describe(crate::i18n::Language::English))
        ),
    );
    put("eventTypeId", json!(booking.event_type_id));
    put("requiresConfirmation", json!(requires_confirmation));
    put("seatsPerTimeSlot", json!(seats));
    put("triggerEvent", json!(trigger));
    let (video, call) = match &booking.location {
        Some(Location::Video {
            url: Some(url),
            provider,
        }) => (
            json!({ "videoCallUrl": url }),
            json!({ "type": provider.call_type(), "url": url }),
        ),
        _ => (json!({}), Value::Null),
    };
    put("metadata", video);
    // Cal.com's payment fields: the price in minor units, its currency, and the payment.
    if let Some(payment) = crate::db::payments::by_booking(conn, booking.id)? {
        put("price", json!(payment.amount));
        put(
            "currency",
            json!(payment.currency.code().to_ascii_lowercase()),
        );
        put("paymentId", json!(payment.id));
        put(
            "paid",
            json!(
                payment.charged > 0
                    && payment.status != crate::model::payment::PaymentStatus::NoShowCharged
            ),
        );
        put("paymentStatus", json!(payment.status.as_str()));
    }
    if !call.is_null() {
        put("videoCallData", call);
    }
    if let Some(old) = booking
        .rescheduled_from_id
        .map(|id| bookings::by_id(conn, id))
        .transpose()?
        .flatten()
    {
        put("rescheduleUid", json!(old.uid));
        put("rescheduleStartTime", json!(time(old.start)));
        put("rescheduleEndTime", json!(time(old.end)));
        if !minimum_necessary {
            put("rescheduleReason", json!(booking.reschedule_reason));
        }
    }
    if booking.status == BookingStatus::Cancelled && !minimum_necessary {
        put("cancellationReason", json!(booking.cancel_reason));
    }
    if booking.status == BookingStatus::Rejected && !minimum_necessary {
        put("rejectionReason", json!(booking.rejection_reason));
    }
    if !minimum_necessary {
        let labels: Vec<(String, String)> = event_type
            .as_ref()
            .map(|et| {
                et.input
                    .questions
                    .iter()
                    .map(|q| (q.key.clone(), q.label.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let label_of = |key: &str| {
            labels
                .iter()
                .find(|(k, _)| k == key)
                .map_or(key.to_string(), |(_, label)| label.clone())
        };
        let mut responses = Map::new();
        responses.insert(
            "name".into(),
            json!({ "label": "Your name", "value": booking.attendee_name }),
        );
        responses.insert(
            "email".into(),
            json!({ "label": "Email address", "value": booking.attendee_email }),
        );
        if !booking.guests.is_empty() {
            responses.insert(
                "guests".into(),
                json!({ "label": "Additional guests", "value": booking.guests }),
            );
        }
        for (key, value) in &booking.answers {
            responses.insert(
                key.clone(),
                json!({ "label": label_of(key), "value": value }),
            );
        }
        let notes = booking
            .answers
            .get("notes")
            .and_then(Value::as_str)
            .unwrap_or_default();
        put("additionalNotes", json!(notes));
        put("responses", Value::Object(responses));
        put(
            "userFieldsResponses",
            Value::Object(
                booking
                    .answers
                    .iter()
                    .map(|(key, value)| {
                        (
                            key.clone(),
                            json!({ "label": label_of(key), "value": value }),
                        )
                    })
                    .collect(),
            ),
        );
    }
    Ok(Some(Value::Object(fields)))
}
