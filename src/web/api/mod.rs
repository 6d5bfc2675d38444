//! JSON API v1 under `/api/v1`, described by an OpenAPI 3.1 document generated from the
//! handlers themselves (`GET /api/v1/openapi.json`), so the two cannot drift apart.

mod bookings;
pub mod error;
pub mod extract;
mod manage;
mod slots;

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
    info(title = "Kairos API", description = "Scheduling: slots, bookings, event types, schedules and teams."),
    modifiers(&BearerAuth),
    tags(
        (name = "slots", description = "Bookable times"),
        (name = "bookings", description = "Making and changing bookings"),
        (name = "event types", description = "What can be booked"),
        (name = "schedules", description = "Working hours and time away"),
        (name = "people", description = "Accounts and teams"),
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
        .split_for_parts();
    let document = std::sync::Arc::new(document);
    router.route(
        "/api/v1/openapi.json",
        axum::routing::get(move || {
            let document = document.clone();
            async move { Json(document.as_ref().clone()) }
        }),
    )
}
