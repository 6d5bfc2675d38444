//! The pages invitees see: a host's or team's profile, the booker, the booking form, the
//! confirmation and manage page. They work without JavaScript; `assets/app.js` makes the
//! booker answer without reloads.

mod booker;
mod booking;
mod payments;
mod questions;

use axum::extract::{Path, Query};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::Weekday;
use chrono_tz::Tz;
use maud::{Markup, html};
use serde::Deserialize;

use crate::app::AppState;
use crate::booking::slots::{self, Bookable, PageOwner};
use crate::db::teams::Team;
use crate::db::users::User;
use crate::db::{DbError, event_types, teams, users};
use crate::model::event_types::EventType;
use crate::present::Locale;
use crate::web::format;
use crate::web::layout::{empty_state, initials, public_page};
use crate::web::{Ctx, WebError};

pub use booker::{BookerQuery, book, show as booker_page};
pub use booking::{cancel, ics, page as booking_page, pay, reschedule};
pub use payments::stripe_webhook;

/// The Content-Security-Policy of public pages: like every page's, but sites named in the
/// instance settings may frame them (the embed snippet), and the booking form of a paid
/// event type may go on to Stripe Checkout.
pub fn csp(state: &AppState) -> HeaderValue {
    let origins = state.settings().embed_origins;
    let ancestors = if origins.is_empty() {
        "'none'".to_string()
    } else {
        format!("'self' {}", origins.join(" "))
    };
    let checkout = checkout_origin(state.config.stripe_base_url.as_deref());
    let policy = format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self' {checkout}; frame-ancestors {ancestors}"
    );
    HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static("frame-ancestors 'none'"))
}

/// Where Stripe Checkout's hosted page is: Stripe's own, or the origin of the stand-in
/// (or proxy) the configuration names for Stripe's API.
fn checkout_origin(stripe_base_url: Option<&str>) -> String {
    stripe_base_url
        .and_then(|base| url::Url::parse(base).ok())
        .map(|url| url.origin().ascii_serialization())
        .filter(|origin| origin != "null")
        .unwrap_or_else(|| "https://checkout.stripe.com".to_string())
}

/// A public page's response, with the framing policy of public pages.
pub fn respond(state: &AppState, status: axum::http::StatusCode, page: Markup) -> Response {
    let mut response = (status, page).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, csp(state));
    response
}

/// What is being booked, and whose it is.
#[derive(Debug, Clone)]
pub struct Target {
    pub event_type: EventType,
    /// `/ana/consultation` or `/team/care/intake`.
    pub path: String,
    /// `/ana` or `/team/care`.
    pub profile_path: String,
    /// The host's or the team's name.
    pub owner_name: String,
    pub hosts: Vec<User>,
    /// The zone times are shown in until the invitee picks theirs.
    pub zone: Tz,
    pub first_day_of_week: Weekday,
    pub twelve_hour: bool,
}

impl Target {
    /// The language the event type fixes for its pages, if it fixes one.
    pub fn language(&self) -> Option<crate::present::Language> {
        self.event_type
            .input
            .language
            .as_deref()
            .and_then(crate::present::Language::from_tag)
    }

    /// The request in the event type's own language, when it fixes one.
    fn fix_language(&self, mut ctx: Ctx) -> Ctx {
        if let Some(language) = self.language() {
            ctx.lang = language;
            crate::web::ctx::set_request_language(language);
        }
        ctx
    }
}

/// Finds the host and event type of `/{username}/{slug}`; disabled hosts have no pages.
pub async fn user_target(state: &AppState, username: &str, slug: &str) -> Result<Target, WebError> {
    let (username, slug) = (username.to_string(), slug.to_string());
    target(state, move |conn| {
        slots::by_user_slug(conn, &username, &slug)
    })
    .await
}

/// Finds the team and event type of `/team/{team}/{slug}`, with its enabled hosts.
pub async fn team_target(state: &AppState, team: &str, slug: &str) -> Result<Target, WebError> {
    let (team, slug) = (team.to_string(), slug.to_string());
    target(state, move |conn| slots::by_team_slug(conn, &team, &slug)).await
}

/// The page of the event type `find` resolves through the slot service.
async fn target(
    state: &AppState,
    find: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<Option<Bookable>> + Send + 'static,
) -> Result<Target, WebError> {
    let settings = state.settings();
    let bookable = state
        .db
        .read(move |conn| find(conn).map_err(DbError::from))
        .await?
        .ok_or(WebError::NotFound)?;
    let slug = bookable.event_type.input.slug.clone();
    Ok(match bookable.owner {
        PageOwner::User(user) => Target {
            path: format!("/{}/{slug}", user.username),
            profile_path: format!("/{}", user.username),
            owner_name: user.name.clone(),
            zone: user.time_zone,
            first_day_of_week: user.first_day_of_week.unwrap_or(settings.first_day_of_week),
            twelve_hour: user.twelve_hour,
            event_type: bookable.event_type,
            hosts: bookable.hosts,
        },
        PageOwner::Team(team) => Target {
            path: format!("/team/{}/{slug}", team.slug),
            profile_path: format!("/team/{}", team.slug),
            owner_name: team.name,
            zone: settings.default_time_zone,
            first_day_of_week: settings.first_day_of_week,
            twelve_hour: false,
            event_type: bookable.event_type,
            hosts: bookable.hosts,
        },
    })
}

pub async fn user_booker(
    ctx: Ctx,
    Path((username, slug)): Path<(String, String)>,
    Query(query): Query<BookerQuery>,
) -> Result<Response, WebError> {
    let target = user_target(&ctx.state, &username, &slug).await?;
    booker_page(&target.fix_language(ctx), &target, &query).await
}

pub async fn team_booker(
    ctx: Ctx,
    Path((team, slug)): Path<(String, String)>,
    Query(query): Query<BookerQuery>,
) -> Result<Response, WebError> {
    let target = team_target(&ctx.state, &team, &slug).await?;
    booker_page(&target.fix_language(ctx), &target, &query).await
}

pub async fn user_book(
    ctx: Ctx,
    Path((username, slug)): Path<(String, String)>,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let target = user_target(&ctx.state, &username, &slug).await?;
    book(&target.fix_language(ctx), &target, format::FormData(form)).await
}

pub async fn team_book(
    ctx: Ctx,
    Path((team, slug)): Path<(String, String)>,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let target = team_target(&ctx.state, &team, &slug).await?;
    book(&target.fix_language(ctx), &target, format::FormData(form)).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmbedQuery {
    embed: String,
}

fn durations(lang: crate::present::Language, event_type: &EventType) -> String {
    event_type
        .input
        .durations_minutes
        .iter()
        .map(|m| Locale::default().in_language(lang).duration(*m))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The list of event types on a profile page.
fn event_list(
    lang: crate::present::Language,
    base: &str,
    list: &[EventType],
    embed: bool,
) -> Markup {
    html! {
        @if list.is_empty() {
            (empty_state(&crate::t!(lang, "profile-nothing-to-book"), &crate::t!(lang, "profile-nothing-to-book-text"), None))
        } @else {
            ul.event-list {
                @for event_type in list {
                    li {
                        a.event-card href=(format!("{base}/{}{}", event_type.input.slug, if embed { "?embed=1" } else { "" })) {
                            span.event-card-title { (event_type.input.title) }
                            @if !event_type.input.description.is_empty() {
                                span.event-card-text { (event_type.input.description.lines().next().unwrap_or_default()) }
                            }
                            span.badge { (icon_clock()) (durations(lang, event_type)) }
                        }
                    }
                }
            }
        }
    }
}

/// `/{username}`: the host's profile with their bookable event types.
pub async fn profile(
    ctx: Ctx,
    Path(username): Path<String>,
    Query(query): Query<EmbedQuery>,
) -> Result<Response, WebError> {
    let found = ctx
        .state
        .db
        .read(move |conn| -> Result<_, DbError> {
            let Some(user) = users::by_username(conn, &username)?.filter(|u| !u.disabled) else {
                return Ok(None);
            };
            let list = event_types::list_public(conn, Some(user.id), None)?;
            Ok(Some((user, list)))
        })
        .await?;
    let (user, list) = found.ok_or(WebError::NotFound)?;
    let embed = !query.embed.is_empty();
    let org = ctx.state.settings().organization_name;
    let body = html! {
        div.profile {
            div.profile-head {
                span.avatar.avatar-lg aria-hidden="true" { (initials(&user.name)) }
                h1 { (user.name) }
                @if !user.bio.is_empty() { p.muted { (user.bio) } }
            }
            (event_list(ctx.lang, &format!("/{}", user.username), &list, embed))
        }
    };
    Ok(respond(
        &ctx.state,
        axum::http::StatusCode::OK,
        public_page(ctx.lang, &user.name, &org, (embed, true), body),
    ))
}

/// `/team/{slug}`: the team's bookable event types.
pub async fn team_profile(
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(query): Query<EmbedQuery>,
) -> Result<Response, WebError> {
    let found = ctx
        .state
        .db
        .read(move |conn| -> Result<_, DbError> {
            let Some(team) = teams::by_slug(conn, &slug)? else {
                return Ok(None);
            };
            let list = event_types::list_public(conn, None, Some(team.id))?;
            // The people a visitor can book: hosts of the team's public event types,
            // not every member (a team admin who takes no bookings is not listed).
            let hosts: std::collections::HashSet<i64> = list
                .iter()
                .flat_map(|event_type| event_type.input.hosts.iter().map(|h| h.user_id))
                .collect();
            let mut members = Vec::new();
            for (id, _) in teams::members(conn, team.id)? {
                if !hosts.contains(&id) {
                    continue;
                }
                if let Some(user) = users::by_id(conn, id)?.filter(|u| !u.disabled) {
                    members.push(user);
                }
            }
            Ok(Some((team, list, members)))
        })
        .await?;
    let (team, list, members): (Team, Vec<EventType>, Vec<User>) =
        found.ok_or(WebError::NotFound)?;
    let embed = !query.embed.is_empty();
    let org = ctx.state.settings().organization_name;
    let body = html! {
        div.profile {
            div.profile-head {
                div.avatar-stack aria-hidden="true" {
                    @for member in members.iter().take(5) {
                        span.avatar.avatar-lg { (initials(&member.name)) }
                    }
                }
                h1 { (team.name) }
                @if !members.is_empty() {
                    p.muted {
                        (members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", "))
                    }
                }
            }
            (event_list(ctx.lang, &format!("/team/{}", team.slug), &list, embed))
        }
    };
    Ok(respond(
        &ctx.state,
        axum::http::StatusCode::OK,
        public_page(ctx.lang, &team.name, &org, (embed, true), body),
    ))
}

pub fn icon_clock() -> Markup {
    html! {
        svg.icon viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" {
            circle cx="12" cy="12" r="9" {}
            path d="M12 7v5l3 2" {}
        }
    }
}

pub fn icon_pin() -> Markup {
    html! {
        svg.icon viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" {
            path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z" {}
            circle cx="12" cy="9.5" r="2.5" {}
        }
    }
}

pub fn icon_globe() -> Markup {
    html! {
        svg.icon viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" {
            circle cx="12" cy="12" r="9" {}
            path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" {}
        }
    }
}

pub fn icon_calendar() -> Markup {
    html! {
        svg.icon viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" {
            rect x="3" y="5" width="18" height="16" rx="2" {}
            path d="M3 10h18M8 3v4M16 3v4" {}
        }
    }
}
