//! The dashboard home: the host's working page. Today's meetings and the next ones,
//! requests waiting to be accepted, the booking page's link, and the first steps until
//! they are done.

use std::collections::HashMap;

use axum::extract::Query;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::access::{self, BookingAction};
use crate::db::DbError;
use crate::db::bookings::{self, Booking, BookingFilter, BookingScope, BookingStatus};
use crate::db::users::{self, User};
use crate::model::time::start_of_day;
use crate::present::{Language, Locale};
use crate::scheduling::getting_started;
use crate::t;
use crate::web::account::notice_text;
use crate::web::dashboard::{jobs, render};
use crate::web::layout::{copy_row, csrf_field, notice};
use crate::web::{Ctx, WebError};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HomeQuery {
    notice: String,
}

/// What the home page lists: the host's meetings of today and the next ones, the
/// requests waiting for them, and their first steps.
struct Agenda {
    today: Vec<Booking>,
    next: Vec<Booking>,
    /// Requests waiting for confirmation, with whether this person may accept them.
    requests: Vec<(Booking, bool)>,
    /// Names of the hosts of the bookings above, by user id.
    host_names: HashMap<i64, String>,
    progress: getting_started::Progress,
}

/// How many upcoming meetings and requests the home page shows before "All bookings".
const AGENDA_LENGTH: u32 = 6;

async fn agenda(ctx: &Ctx, user: &User) -> Result<Agenda, WebError> {
    let now = ctx.state.clock.now();
    let zone = user.time_zone;
    let today = now.with_timezone(&zone).date_naive();
    let day_start = start_of_day(zone, today).unwrap_or(now);
    let day_end = start_of_day(zone, today + chrono::Days::new(1)).unwrap_or(now);
    let viewer = user.clone();
    let agenda = ctx
        .state
        .db
        .read(move |conn| -> Result<Agenda, DbError> {
            let scope = BookingScope::VisibleTo(viewer.id);
            let filter = |status, after| BookingFilter {
                status: Some(status),
                after: Some(after),
                before: None,
                skip: 0,
                take: 2 * AGENDA_LENGTH,
            };
            let (meetings, _) = bookings::list_visible_to(
                conn,
                scope,
                &filter(BookingStatus::Accepted, day_start),
            )?;
            let (today, next): (Vec<Booking>, Vec<Booking>) =
                meetings.into_iter().partition(|b| b.start < day_end);
            let next: Vec<Booking> = next.into_iter().take(AGENDA_LENGTH as usize).collect();
            let (pending, _) =
                bookings::list_visible_to(conn, scope, &filter(BookingStatus::Pending, now))?;
            let mut requests = Vec::new();
            for booking in pending.into_iter().take(AGENDA_LENGTH as usize) {
                let may = access::booking(conn, &viewer, &booking, BookingAction::Confirm)?;
                requests.push((booking, may.is_allowed()));
            }
            let mut host_names = HashMap::new();
            let all_hosts = today
                .iter()
                .chain(&next)
                .chain(requests.iter().map(|(b, _)| b))
                .flat_map(|b| b.hosts.iter().copied());
            for id in all_hosts {
                if let std::collections::hash_map::Entry::Vacant(entry) = host_names.entry(id)
                    && let Some(host) = users::by_id(conn, id)?
                {
                    entry.insert(host.name);
                }
            }
            Ok(Agenda {
                today,
                next,
                requests,
                host_names,
                progress: getting_started::progress(conn, viewer.id)?,
            })
        })
        .await?;
    Ok(agenda)
}

/// One meeting on the home page: when, what and with whom; the hosts when the viewer is
/// not the only one.
fn agenda_item(
    lang: Language,
    user: &User,
    agenda: &Agenda,
    booking: &Booking,
    day: bool,
) -> Markup {
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    let zone = user.time_zone;
    let others = booking.hosts.as_slice() != [user.id];
    let hosts: Vec<&str> = booking
        .hosts
        .iter()
        .filter_map(|id| agenda.host_names.get(id).map(String::as_str))
        .collect();
    let start = booking.start.with_timezone(&zone);
    html! {
        div.list-main {
            a.list-title href=(format!("/dashboard/bookings/{}", booking.uid)) { (t!(lang, "meeting-with", title = booking.title.as_str(), host = booking.attendee_name.as_str())) }
            div.list-sub {
                @if day {
                    span { (locale.time(start)) " – " (locale.time(booking.end.with_timezone(&zone))) }
                } @else {
                    span { (locale.when(booking.start, booking.end, zone)) }
                }
                @if others && !hosts.is_empty() { span.badge { (t!(lang, "home-hosts", hosts = hosts.join(", "))) } }
            }
        }
    }
}

/// A list of meetings, or `empty` when there are none; `day` shows times without dates.
fn meetings(
    lang: Language,
    user: &User,
    agenda: &Agenda,
    list: &[Booking],
    empty: &str,
    day: bool,
) -> Markup {
    html! {
        @if list.is_empty() {
            p.muted { (empty) }
        } @else {
            ul.list.compact {
                @for booking in list { li { (agenda_item(lang, user, agenda, booking, day)) } }
            }
        }
    }
}

/// The first steps, until every one is done.
fn checklist(lang: Language, progress: &getting_started::Progress) -> Markup {
    let step = |done: bool, title: &str, href: &str, action: &str, text: &str| {
        html! {
            li.first-step.done[done] {
                span.first-step-mark aria-hidden="true" { @if done { "✓" } @else { "" } }
                div.first-step-text {
                    @if done {
                        span.first-step-title { (title) } span.visually-hidden { " " (t!(lang, "home-step-done")) }
                    } @else {
                        a.first-step-title href=(href) { (title) }
                        p.muted.small { (text) }
                    }
                }
                @if !done { a.button.ghost.small href=(href) { (action) } }
            }
        }
    };
    html! {
        section.panel.getting-started aria-labelledby="start-title" {
            h2 #start-title { (t!(lang, "home-getting-started")) }
            ol.first-steps {
                (step(progress.hours, &t!(lang, "home-step-hours"), "/dashboard/availability", &t!(lang, "home-step-hours-action"), &t!(lang, "home-step-hours-text")))
                (step(progress.event_type, &t!(lang, "home-step-event-type"), "/dashboard/event-types/new", &t!(lang, "home-step-event-type-action"), &t!(lang, "home-step-event-type-text")))
                (step(progress.calendar, &t!(lang, "home-step-calendar"), "/dashboard/calendars", &t!(lang, "home-step-calendar-action"), &t!(lang, "home-step-calendar-text")))
                (step(progress.booked, &t!(lang, "home-step-link"), "#booking-link", &t!(lang, "copy"), &t!(lang, "home-step-link-text")))
            }
        }
    }
}

pub async fn home(ctx: Ctx, Query(query): Query<HomeQuery>) -> Result<Response, WebError> {
    let user = ctx.require_user()?.clone();
    let state = &ctx.state;
    if !state.setup.is_completed() {
        return Ok(Redirect::to("/setup/instance").into_response());
    }
    let zone = user.time_zone;
    let now = state.clock.now().with_timezone(&zone);
    let lang = ctx.lang;
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    let csrf = ctx.csrf_token();
    let trouble = if user.role.is_admin() {
        jobs::trouble_notice(&ctx, user.time_zone, user.twelve_hour).await?
    } else {
        html! {}
    };
    let agenda = agenda(&ctx, &user).await?;
    let instance = if user.role.is_admin() {
        instance_panel(&ctx).await?
    } else {
        html! {}
    };
    let link = format!("{}/{}", state.base_url(), user.username);
    let body = html! {
        @if let Some(text) = notice_text(lang, &query.notice) { (notice("success", &text)) }
        (trouble)
        div.page-head {
            div {
                h1 { (t!(lang, "home-welcome", name = user.name.as_str())) }
                p.muted { (locale.long_date(now.date_naive())) " · " (locale.time(now)) " " (zone.name()) }
            }
        }
        @if !agenda.progress.done() { (checklist(lang, &agenda.progress)) }
        section.panel.booking-link aria-labelledby="link-title" {
            h2 #link-title { (t!(lang, "home-booking-page")) }
            p.muted.small { (t!(lang, "home-booking-page-text")) }
            (copy_row("booking-link", &t!(lang, "home-booking-page"), "url", &link))
        }
        div.grid.agenda {
            section.panel aria-labelledby="today-title" {
                h2 #today-title { (t!(lang, "home-today")) }
                (meetings(lang, &user, &agenda, &agenda.today, &t!(lang, "home-no-meetings-today"), true))
                h2.subhead #next-title { (t!(lang, "home-next")) }
                (meetings(lang, &user, &agenda, &agenda.next, &t!(lang, "home-nothing-next"), false))
                p.small { a href="/dashboard/bookings" { (t!(lang, "home-all-bookings")) " " span.flip-rtl { "→" } } }
            }
            section.panel aria-labelledby="requests-title" {
                h2 #requests-title { (t!(lang, "home-requests")) }
                @if agenda.requests.is_empty() {
                    p.muted { (t!(lang, "home-no-requests")) }
                } @else {
                    ul.list.compact {
                        @for (booking, may_confirm) in &agenda.requests {
                            li {
                                (agenda_item(lang, &user, &agenda, booking, false))
                                div.list-actions {
                                    @if *may_confirm {
                                        form method="post" action=(format!("/dashboard/bookings/{}/confirm", booking.uid)) {
                                            (csrf_field(&csrf))
                                            button.button.primary.small type="submit" { (t!(lang, "home-accept")) }
                                        }
                                    }
                                    a.button.ghost.small href=(format!("/dashboard/bookings/{}", booking.uid)) { (t!(lang, "home-details")) }
                                }
                            }
                        }
                    }
                    p.small { a href="/dashboard/bookings?tab=pending" { (t!(lang, "home-all-requests")) " " span.flip-rtl { "→" } } }
                }
            }
        }
        (instance)
    };
    Ok(render(
        &ctx,
        &user,
        &t!(lang, "nav-home"),
        "/dashboard",
        body,
    ))
}

/// For administrators: the instance at a glance, and whether an update is out.
async fn instance_panel(ctx: &Ctx) -> Result<Markup, WebError> {
    let lang = ctx.lang;
    let state = &ctx.state;
    let settings = state.settings();
    let updates = crate::web::updates::status_row(ctx).await?;
    Ok(html! {
        section.panel.instance aria-labelledby="instance-title" {
            h2 #instance-title { (t!(lang, "home-instance")) }
            dl.facts {
                dt { (t!(lang, "home-organization")) } dd { (settings.organization_name) }
                dt { (t!(lang, "home-public-address")) } dd { a href=(state.base_url()) { (state.base_url()) } }
                dt { (t!(lang, "home-default-zone")) } dd { (settings.default_time_zone.name()) }
                dt { (t!(lang, "home-week-starts")) } dd { (Locale::default().in_language(lang).weekday_long(settings.first_day_of_week)) }
                dt { (t!(lang, "settings-default-language")) } dd { (settings.default_language.autonym()) }
                dt { (t!(lang, "home-version")) } dd { "Kairos " (env!("CARGO_PKG_VERSION")) }
                (updates)
            }
        }
    })
}
