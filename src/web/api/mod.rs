//! JSON API v1 under `/api/v1`, described by an OpenAPI 3.1 document generated from the
//! handlers themselves (`GET /api/v1/openapi.json`), so the two cannot drift apart.

mod bookings;
mod calendars;
pub mod error;
pub mod extract;
mod manage;
mod slots;
mod webhooks;

use axum::Json;
use axum::Router;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

pub use bookings::manage_url;

#[derive(OpenApi)]
#[openapi(
    info(title = "Kairos API", description = "Scheduling: slots, bookings, event types, schedules, teams, webhooks and connected calendars."),
    modifiers(&BearerAuth),
    // Schemas that query parameters refer to: parameters do not collect them themselves.
    components(schemas(
        crate::model::time::schema::DateOrInstant,
        crate::model::time::schema::Instant,
        crate::model::time::schema::TimeZoneName,
        crate::model::event_types::Slug,
        crate::db::bookings::BookingStatus,
    )),
    tags(
        (name = "slots", description = "Bookable times"),
        (name = "bookings", description = "Making and changing bookings"),
        (name = "event types", description = "What can be booked"),
        (name = "schedules", description = "Working hours and time away"),
        (name = "people", description = "Accounts and teams"),
        (name = "webhooks", description = "Signed notifications of booking changes"),
        (name = "calendars", description = "Your own calendars: their events block your slots"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description = Some("A personal API key: `Authorization: Bearer kairos_…`".into());
        components.add_security_scheme("api_key", SecurityScheme::Http(scheme));
    }
}

/// Documents the error answers every operation can give: a malformed request (400), a
/// body of the wrong shape (422, 415), a wrong API key (401), an unknown id (404), a
/// rate limit (429).
struct CommonErrors;

impl Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{RefOr, ResponseBuilder, content::ContentBuilder};
        let error = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(utoipa::openapi::Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build(),
            )
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [
                item.get.as_mut(),
                item.post.as_mut(),
                item.put.as_mut(),
                item.patch.as_mut(),
                item.delete.as_mut(),
            ];
            for operation in operations.into_iter().flatten() {
                let responses = &mut operation.responses.responses;
                let mut add = |code: &str, description: &str| {
                    responses
                        .entry(code.to_string())
                        .or_insert_with(|| error(description));
                };
                add(
                    "400",
                    "Malformed request: bad JSON, query or path parameter",
                );
                if operation.request_body.is_some() {
                    add("415", "The body is not JSON");
                    add("422", "The body has the wrong shape or invalid fields");
                }
                if operation.security.is_some() {
                    add("401", "No API key, or a wrong one");
                }
                if path.contains('{') {
                    add("404", "Nothing you may see has that id");
                }
            }
        }
    }
}

/// Inputs that answers extend with `id` and timestamps (`allOf`): their schemas must let
/// those fields through, so they do not say `additionalProperties: false`. The server still
/// refuses unknown fields in requests, as their description says.
fn open_flattened_inputs(openapi: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{RefOr, Schema};
    let Some(components) = openapi.components.as_mut() else {
        return;
    };
    for name in ["EventTypeInput", "ScheduleInput"] {
        if let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut(name) {
            object.additional_properties = None;
            let description = object.description.get_or_insert_with(String::new);
            description.push_str(" Unknown fields are refused in requests.");
        }
    }
}

/// Where an id that one operation makes is used: `(operation, status, link name, target
/// operation, parameters as runtime expressions, request body)`. They become OpenAPI links,
/// so a client (or a fuzzer) can follow a new booking's uid to its cancel operation.
type LinkRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    Option<(&'static str, &'static str)>,
);

#[rustfmt::skip]
const LINKS: &[LinkRow] = &[
    ("create_event_type", "201", "GetEventType", "get_event_type", &[("id", "$response.body#/data/id")], None),
    ("create_event_type", "201", "UpdateEventType", "update_event_type", &[("id", "$response.body#/data/id")], None),
    ("create_event_type", "201", "DeleteEventType", "delete_event_type", &[("id", "$response.body#/data/id")], None),
    ("create_event_type", "201", "ListSlots", "list_slots", &[("eventTypeId", "$response.body#/data/id")], None),
    ("create_event_type", "201", "CreateBooking", "create_booking", &[], Some(("eventTypeId", "$response.body#/data/id"))),
    ("create_booking", "201", "GetBooking", "get_booking", &[("uid", "$response.body#/data/uid")], None),
    ("create_booking", "201", "CancelBooking", "cancel_booking", &[("uid", "$response.body#/data/uid")], None),
    ("create_booking", "201", "RescheduleBooking", "reschedule_booking", &[("uid", "$response.body#/data/uid")], None),
    ("create_booking", "201", "ConfirmBooking", "confirm_booking", &[("uid", "$response.body#/data/uid")], None),
    ("create_booking", "201", "RejectBooking", "reject_booking", &[("uid", "$response.body#/data/uid")], None),
    ("reschedule_booking", "201", "GetNewBooking", "get_booking", &[("uid", "$response.body#/data/uid")], None),
    ("create_schedule", "201", "GetSchedule", "get_schedule", &[("id", "$response.body#/data/id")], None),
    ("create_schedule", "201", "UpdateSchedule", "update_schedule", &[("id", "$response.body#/data/id")], None),
    ("create_schedule", "201", "DeleteSchedule", "delete_schedule", &[("id", "$response.body#/data/id")], None),
    ("add_out_of_office", "201", "DeleteOutOfOffice", "delete_out_of_office", &[("id", "$response.body#/data/id")], None),
    ("create_team", "201", "SetMember", "set_member", &[("id", "$response.body#/data/id")], None),
    ("create_team", "201", "RemoveMember", "remove_member", &[("id", "$response.body#/data/id"), ("user_id", "$response.body#/data/members/0/userId")], None),
    ("create_user", "201", "RemoveNewMember", "remove_member", &[("user_id", "$response.body#/data/id")], None),
    ("create_user", "201", "AddMember", "set_member", &[], Some(("userId", "$response.body#/data/id"))),
    ("create_webhook", "201", "GetWebhook", "get_webhook", &[("id", "$response.body#/data/id")], None),
    ("create_webhook", "201", "UpdateWebhook", "update_webhook", &[("id", "$response.body#/data/id")], None),
    ("create_webhook", "201", "DeleteWebhook", "delete_webhook", &[("id", "$response.body#/data/id")], None),
    ("create_webhook", "201", "ListDeliveries", "list_webhook_deliveries", &[("id", "$response.body#/data/id")], None),
    ("connect_calendar_account", "201", "GetCalendarAccount", "get_calendar_account", &[("id", "$response.body#/data/id")], None),
    ("connect_calendar_account", "201", "SyncCalendarAccount", "sync_calendar_account", &[("id", "$response.body#/data/id")], None),
    ("connect_calendar_account", "201", "ChooseCalendar", "choose_calendar", &[("id", "$response.body#/data/id"), ("calendarId", "$response.body#/data/calendars/0/id")], None),
    ("connect_calendar_account", "201", "DisconnectCalendarAccount", "disconnect_calendar_account", &[("id", "$response.body#/data/id")], None),
];

/// Adds [`LINKS`] to the responses they start from. This works on the document's JSON:
/// utoipa's `Link` would write its fields in snake case (`operation_id`), which OpenAPI
/// tools do not read.
fn add_links(document: &mut serde_json::Value) {
    use serde_json::{Map, Value, json};
    let Some(paths) = document.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    let operations = paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut());
    for operation in operations {
        let Some(id) = operation["operationId"].as_str().map(str::to_string) else {
            continue;
        };
        for (_, status, name, target, parameters, body) in LINKS.iter().filter(|row| row.0 == id) {
            let Some(response) = operation["responses"][*status].as_object_mut() else {
                continue;
            };
            let mut link = Map::new();
            link.insert("operationId".into(), json!(target));
            if !parameters.is_empty() {
                let parameters: Map<String, Value> = parameters
                    .iter()
                    .map(|(name, expression)| ((*name).to_string(), json!(expression)))
                    .collect();
                link.insert("parameters".into(), Value::Object(parameters));
            }
            if let Some((field, expression)) = body {
                link.insert("requestBody".into(), json!({ *field: *expression }));
            }
            let links = response.entry("links").or_insert_with(|| json!({}));
            if let Some(links) = links.as_object_mut() {
                links.insert((*name).to_string(), Value::Object(link));
            }
        }
    }
}

/// The API routes and the OpenAPI document describing them.
pub fn router() -> Router<AppState> {
    let (router, document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(slots::list))
        .routes(routes!(bookings::create, bookings::list))
        .routes(routes!(bookings::get))
        .routes(routes!(bookings::cancel))
        .routes(routes!(bookings::reschedule))
        .routes(routes!(bookings::confirm))
        .routes(routes!(bookings::reject))
        .routes(routes!(manage::list_event_types, manage::create_event_type))
        .routes(routes!(
            manage::get_event_type,
            manage::update_event_type,
            manage::delete_event_type
        ))
        .routes(routes!(manage::list_schedules, manage::create_schedule))
        .routes(routes!(
            manage::get_schedule,
            manage::update_schedule,
            manage::delete_schedule
        ))
        .routes(routes!(
            manage::list_out_of_office,
            manage::add_out_of_office
        ))
        .routes(routes!(manage::delete_out_of_office))
        .routes(routes!(manage::me))
        .routes(routes!(manage::create_user))
        .routes(routes!(manage::list_teams, manage::create_team))
        .routes(routes!(manage::set_member))
        .routes(routes!(manage::remove_member))
        .routes(routes!(webhooks::list, webhooks::create))
        .routes(routes!(webhooks::get, webhooks::update, webhooks::delete))
        .routes(routes!(webhooks::deliveries))
        .routes(routes!(calendars::list, calendars::connect))
        .routes(routes!(
            calendars::get,
            calendars::set_options,
            calendars::disconnect
        ))
        .routes(routes!(calendars::sync))
        .routes(routes!(calendars::choose))
        .split_for_parts();
    let mut document = document;
    // The paths exist only now that the routes are added.
    CommonErrors.modify(&mut document);
    open_flattened_inputs(&mut document);
    let mut document = serde_json::to_value(&document).unwrap_or_default();
    add_links(&mut document);
    let document = std::sync::Arc::new(document);
    router.route(
        "/api/v1/openapi.json",
        axum::routing::get(move || {
            let document = document.clone();
            async move { Json(document.as_ref().clone()) }
        }),
    )
}
