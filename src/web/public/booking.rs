//! `/booking/{uid}?token=…`: the confirmation after booking, and the invitee's page to add
//! the meeting to a calendar, reschedule or cancel it.

use axum::extract::{Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use maud::{Markup, html};
use serde::Deserialize;

use crate::audit;
use crate::booking::{self, Actor, BookingAction, BookingError};
use crate::db::bookings::{self, Booking, BookingStatus};
use crate::db::users::User;
use crate::db::{DbError, event_types, teams, users};
use crate::integrations::notify::ics::{self, CalendarEvent};
use crate::model::error::FieldErrors;
use crate::model::questions::Question;
use crate::present::{Language, Locale};
use crate::t;
use crate::web::format::{self, FormData};
use crate::web::layout::{
    csrf_field, location_link, message_page, notice, public_page, textarea_field,
};
use crate::web::public::booker::form_token;
use crate::web::public::{icon_calendar, icon_clock, icon_globe, icon_pin, respond};
use crate::web::{Ctx, WebError};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ManageQuery {
    token: String,
    h: String,
    tz: String,
    embed: String,
    notice: String,
}

/// A booking with what its page shows besides it.
struct Loaded {
    booking: Booking,
    hosts: Vec<User>,
    questions: Vec<Question>,
    /// The language the event type fixes for its pages, if it fixes one.
    language: Option<Language>,
    /// The booker of the event type, for rescheduling.
    booker_path: Option<String>,
    /// The invitee's page of the booking this one was moved to (the newest of the
    /// meeting), when its link can be derived.
    moved_to: Option<String>,
    /// What the invitee pays for it, if anything.
    payment: Option<crate::model::payment::Payment>,
}

async fn load(ctx: &Ctx, uid: &str, token: &str) -> Result<Loaded, WebError> {
    let (uid, token) = (uid.to_string(), token.to_string());
    let viewed = uid.clone();
    let manage_key = ctx.state.booking_settings().manage_key;
    let found = ctx
        .state
        .db
        .read(move |conn| -> Result<_, BookingError> {
            let booking =
                booking::authorize(conn, &uid, &Actor::Invitee(token), BookingAction::View)?;
            let mut hosts = Vec::new();
            for id in &booking.hosts {
                if let Some(user) = users::by_id(conn, *id).map_err(DbError::from)? {
                    hosts.push(user);
                }
            }
            let event_type = match booking.event_type_id {
                Some(id) => event_types::get(conn, id).map_err(DbError::from)?,
                None => None,
            };
            let moved_to = match booking.rescheduled_to_id {
                Some(_) => {
                    let newest =
                        bookings::newest_of(conn, booking.clone()).map_err(DbError::from)?;
                    booking::current_manage_token(&manage_key, &newest)
                        .map(|token| booking::manage_path(&newest.uid, &token))
                }
                None => None,
            };
            let payment =
                crate::db::payments::by_booking(conn, booking.id).map_err(DbError::from)?;
            let mut booker_path = None;
            let mut questions = Vec::new();
            let mut language = None;
            if let Some(event_type) = event_type {
                questions = event_type.input.questions.clone();
                language = event_type
                    .input
                    .language
                    .as_deref()
                    .and_then(Language::from_tag);
                booker_path = match (event_type.owner_user_id, event_type.input.team_id) {
                    (Some(owner), _) => users::by_id(conn, owner)
                        .map_err(DbError::from)?
                        .map(|u| format!("/{}/{}", u.username, event_type.input.slug)),
                    (None, Some(team)) => teams::get(conn, team)
                        .map_err(DbError::from)?
                        .map(|t| format!("/team/{}/{}", t.slug, event_type.input.slug)),
                    _ => None,
                };
            }
            Ok(Loaded {
                booking,
                hosts,
                questions,
                language,
                booker_path,
                moved_to,
                payment,
            })
        })
        .await;
    let (now, origin) = (ctx.state.clock.now(), ctx.origin());
    let invitee = audit::Actor::Invitee;
    audit::booking_viewed(&ctx.state.db, now, invitee, &viewed, &origin, &found).await?;
    match found {
        Ok(loaded) => Ok(loaded),
        Err(BookingError::Db(err)) => Err(err.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

/// What the invitee reads of their payment: the amount and where it stands.
fn payment_line(lang: Language, payment: &crate::model::payment::Payment) -> String {
    use crate::model::payment::{PaymentMode, PaymentStatus};
    let amount = crate::present::money::format(payment.amount, payment.currency, lang);
    let refunded = crate::present::money::format(payment.refunded, payment.currency, lang);
    match (payment.status, payment.mode) {
        (PaymentStatus::Awaiting, PaymentMode::PayNow) => {
            t!(lang, "pay-line-awaiting", amount = amount)
        }
        (PaymentStatus::Awaiting, PaymentMode::NoShowFee) => {
            t!(lang, "pay-line-card-awaiting", amount = amount)
        }
        (PaymentStatus::Paid, _) if payment.refunded > 0 => {
            t!(
                lang,
                "pay-line-partly-refunded",
                amount = amount,
                refunded = refunded
            )
        }
        (PaymentStatus::Paid, _) => t!(lang, "pay-line-paid", amount = amount),
        (PaymentStatus::CardSaved, _) => t!(lang, "pay-line-card-saved", amount = amount),
        (PaymentStatus::Refunded, _) => t!(lang, "pay-line-refunded", amount = refunded),
        (PaymentStatus::NoShowCharged, _) => t!(lang, "pay-line-no-show-charged", amount = amount),
        (PaymentStatus::Expired, _) => t!(lang, "pay-line-expired", amount = amount),
        (PaymentStatus::Failed, _) => t!(lang, "pay-line-failed", amount = amount),
    }
}

/// `GET /booking/{uid}/pay?token=…`: sends the invitee of a booking awaiting its payment
/// to Stripe Checkout (the same session again while it lasts). When Stripe cannot make
/// one, the hold ends at once and the page says so.
pub async fn pay(
    ctx: Ctx,
    Path(uid): Path<String>,
    Query(query): Query<ManageQuery>,
) -> Result<Response, WebError> {
    let loaded = load(&ctx, &uid, &query.token).await?;
    let lang = loaded.language.unwrap_or(ctx.lang);
    let page = format!(
        "{}{}",
        ctx.state.base_url(),
        crate::booking::manage_path(&uid, &query.token)
    );
    let extra = format::query(&[("h", &query.h), ("embed", &query.embed)]).replacen('?', "&", 1);
    let back = crate::integrations::payments::Return {
        success_url: format!("{page}{extra}&notice=paid"),
        cancel_url: format!("{page}{extra}"),
        locale: lang.tag().to_string(),
    };
    let deps = ctx.state.integrations();
    match crate::integrations::payments::start_checkout(&deps, loaded.booking.id, &back).await {
        Ok(url) => Ok(Redirect::to(&url).into_response()),
        Err(crate::integrations::payments::CheckoutError::NotAwaiting) => {
            Ok(Redirect::to(&format!("{page}{extra}")).into_response())
        }
        Err(err) => {
            tracing::warn!(error = %err, "the invitee could not be sent to pay");
            let loaded = load(&ctx, &uid, &query.token).await?;
            let mut options = options_from(&ctx, &query, &loaded);
            options.notice = Some(("error", t!(lang, "pay-page-could-not-start")));
            Ok(respond_page(
                &ctx,
                &loaded,
                &options,
                StatusCode::BAD_GATEWAY,
            ))
        }
    }
}

fn describe_for_calendar(lang: Language, loaded: &Loaded, manage_url: &str) -> String {
    let hosts: Vec<&str> = loaded.hosts.iter().map(|h| h.name.as_str()).collect();
    let with = if hosts.is_empty() {
        t!(
            lang,
            "meeting-with-the-host",
            title = loaded.booking.title.as_str()
        )
    } else {
        t!(
            lang,
            "meeting-with",
            title = loaded.booking.title.as_str(),
            host = hosts.join(", ")
        )
    };
    let change = t!(lang, "booking-page-change-link", link = manage_url);
    format!("{with}\n\n{change}")
}

fn calendar_links(lang: Language, loaded: &Loaded, manage_url: &str) -> (String, String) {
    let booking = &loaded.booking;
    let title = match loaded.hosts.first() {
        Some(host) => t!(
            lang,
            "meeting-with",
            title = booking.title.as_str(),
            host = host.name.as_str()
        ),
        None => t!(
            lang,
            "meeting-with-the-host",
            title = booking.title.as_str()
        ),
    };
    let details = describe_for_calendar(lang, loaded, manage_url);
    let location = booking
        .location
        .as_ref()
        .map(|l| l.describe(lang))
        .unwrap_or_default();
    let compact = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let iso = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let google = format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&location={}",
        format::encode(&title),
        compact(booking.start),
        compact(booking.end),
        format::encode(&details),
        format::encode(&location)
    );
    let outlook = format!(
        "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={}&startdt={}&enddt={}&body={}&location={}",
        format::encode(&title),
        iso(booking.start),
        iso(booking.end),
        format::encode(&details),
        format::encode(&location)
    );
    (google, outlook)
}

fn notice_for(lang: Language, key: &str, status: BookingStatus) -> Option<String> {
    match key {
        "paid" if status != BookingStatus::AwaitingPayment => {
            Some(t!(lang, "pay-page-paid-thanks"))
        }
        "cancelled" => Some(t!(lang, "booking-page-cancelled-notice")),
        "rescheduled" => Some(t!(lang, "booking-page-moved-notice")),
        "paid" => Some(t!(lang, "pay-page-paid-notice")),
        _ => None,
    }
}

struct PageOptions<'a> {
    token: &'a str,
    zone: Tz,
    twelve_hour: bool,
    /// Dates with the month first, as where the visitor's browser says they are.
    month_first: bool,
    embed: bool,
    notice: Option<(&'a str, String)>,
    errors: FieldErrors,
    lang: Language,
}

fn render(ctx: &Ctx, loaded: &Loaded, options: &PageOptions<'_>) -> Markup {
    let booking = &loaded.booking;
    let now = ctx.state.clock.now();
    let manage_url = format!(
        "{}{}",
        ctx.state.base_url(),
        crate::booking::manage_path(&booking.uid, options.token)
    );
    let active = booking.status.is_active();
    let upcoming = active && booking.end > now;
    let lang = options.lang;
    let (icon_class, heading, lead) = match booking.status {
        BookingStatus::Accepted if booking.end <= now => (
            "done",
            t!(lang, "booking-page-over"),
            t!(lang, "booking-page-over-lead"),
        ),
        BookingStatus::Accepted => (
            "ok",
            t!(lang, "booking-page-scheduled"),
            t!(lang, "booking-page-scheduled-lead"),
        ),
        BookingStatus::Pending => (
            "wait",
            t!(lang, "booking-page-requested"),
            t!(lang, "booking-page-requested-lead"),
        ),
        BookingStatus::Cancelled if booking.rescheduled_to_id.is_some() => (
            "off",
            t!(lang, "booking-page-moved"),
            t!(lang, "booking-page-moved-lead"),
        ),
        BookingStatus::Cancelled => (
            "off",
            t!(lang, "booking-page-cancelled"),
            t!(lang, "booking-page-cancelled-lead"),
        ),
        BookingStatus::Rejected => (
            "off",
            t!(lang, "booking-page-declined"),
            t!(lang, "booking-page-declined-lead"),
        ),
        BookingStatus::AwaitingPayment => (
            "wait",
            t!(lang, "pay-page-awaiting"),
            t!(lang, "pay-page-awaiting-lead"),
        ),
        BookingStatus::PaymentExpired => (
            "off",
            t!(lang, "pay-page-expired"),
            t!(lang, "pay-page-expired-lead"),
        ),
    };
    let zone_name = crate::present::zones::display_name(options.zone.name(), lang);
    let query_h = if options.twelve_hour { "12" } else { "24" };
    let embed_q = if options.embed { "1" } else { "" };
    let ics_href = format!(
        "/booking/{}/calendar.ics{}",
        booking.uid,
        format::query(&[("token", options.token)])
    );
    let (google, outlook) = calendar_links(lang, loaded, &manage_url);
    let reschedule_href = loaded.booker_path.as_ref().map(|path| {
        format!(
            "{path}{}",
            format::query(&[
                ("reschedule", &booking.uid),
                ("token", options.token),
                ("tz", options.zone.name()),
                ("h", query_h),
                ("embed", embed_q),
            ])
        )
    });
    let answers: Vec<(String, String)> = booking
        .answers
        .iter()
        .map(|(key, value)| {
            let label = loaded
                .questions
                .iter()
                .find(|q| &q.key == key)
                .map_or(key.clone(), |q| q.label.clone());
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Bool(true) => t!(lang, "booking-page-yes"),
                serde_json::Value::Array(items) => items
                    .iter()
                    .filter_map(|i| i.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            (label, text)
        })
        .collect();
    html! {
        div.confirmation {
            @if let Some((kind, text)) = &options.notice { (notice(kind, text)) }
            div.confirmation-head {
                span class=(format!("status-icon status-{icon_class}")) aria-hidden="true" {
                    @match icon_class { "ok" | "done" => "✓", "wait" => "…", _ => "✕" }
                }
                h1 { (heading) }
                p.muted { (lead) }
            }
            dl.summary {
                dt { (t!(lang, "booking-page-what")) }
                dd {
                    @match loaded.hosts.first() {
                        Some(host) => (t!(lang, "meeting-with", title = booking.title.as_str(), host = host.name.as_str())),
                        None => (booking.title),
                    }
                }
                dt { (t!(lang, "booking-page-when")) }
                dd {
                    span.when-line { (icon_calendar()) (options.locale().long_date(booking.start.with_timezone(&options.zone).date_naive())) }
                    span.when-line { (icon_clock()) (options.locale().time(booking.start.with_timezone(&options.zone))) " – " (options.locale().time(booking.end.with_timezone(&options.zone))) }
                    span.when-line.muted { (icon_globe()) (zone_name) " (" (crate::present::offset(options.zone, booking.start)) ")" }
                }
                dt { (t!(lang, "booking-page-who")) }
                dd {
                    ul.people {
                        @for host in &loaded.hosts { li { (host.name) span.badge { (t!(lang, "booking-page-host")) } } }
                        li { (booking.attendee_name) span.muted { " " (booking.attendee_email) } }
                        @for guest in &booking.guests { li { (guest) span.muted { " " (t!(lang, "booking-page-guest")) } } }
                    }
                }
                @if let Some(location) = &booking.location {
                    dt { (t!(lang, "booking-page-where")) }
                    dd { span.when-line { (icon_pin()) (location_link(lang, location)) } }
                }
                @for (label, text) in &answers {
                    dt { (label) }
                    dd { (text) }
                }
                @if let Some(reason) = &booking.cancel_reason {
                    dt { (t!(lang, "booking-page-reason")) }
                    dd { (reason) }
                }
                @if let Some(reason) = &booking.rejection_reason {
                    dt { (t!(lang, "booking-page-reason")) }
                    dd { (reason) }
                }
                @if let Some(payment) = &loaded.payment {
                    dt { (t!(lang, "pay-page-payment")) }
                    dd { (payment_line(lang, payment)) }
                }
            }
            @if booking.status == BookingStatus::AwaitingPayment {
                p { a.button.primary href=(format!("/booking/{}/pay{}", booking.uid, format::query(&[("token", options.token), ("h", query_h), ("embed", embed_q)]))) { (t!(lang, "pay-page-pay-now")) } }
            }
            @if let Some(path) = &loaded.moved_to {
                p { a.button.primary href=(path) { (t!(lang, "booking-page-see-new-time")) } }
            }
            // A request is not a meeting yet: its calendar file comes once it is accepted.
            @if upcoming && booking.status == BookingStatus::Accepted {
                section.add-calendar aria-labelledby="add-title" {
                    h2 #add-title { (t!(lang, "booking-page-add-to-calendar")) }
                    div.button-row {
                        a.button.ghost href=(ics_href) download="booking.ics" { (icon_calendar()) (t!(lang, "booking-page-download-ics")) }
                        a.button.ghost href=(google) rel="noopener noreferrer" target="_blank" { "Google Calendar" }
                        a.button.ghost href=(outlook) rel="noopener noreferrer" target="_blank" { "Outlook" }
                    }
                }
            }
            @if upcoming {
                section.manage aria-labelledby="manage-title" {
                    h2 #manage-title { (t!(lang, "booking-page-change")) }
                    div.field {
                        label for="manage-link" { (t!(lang, "booking-page-manage-link")) }
                        p.hint id="manage-link-hint" { (t!(lang, "booking-page-manage-link-hint")) }
                        div.copy-row {
                            input #manage-link type="url" readonly value=(manage_url) aria-describedby="manage-link-hint";
                            button.button.ghost type="button" data-copy="#manage-link" hidden { (t!(lang, "copy")) }
                        }
                    }
                    div.button-row {
                        @if let Some(href) = &reschedule_href {
                            a.button.ghost href=(href) { (t!(lang, "booker-reschedule")) }
                        }
                    }
                    details.cancel-box open[!options.errors.is_empty()] {
                        summary.button.ghost.danger { (t!(lang, "booking-page-cancel")) }
                        form method="post" action=(format!("/booking/{}/cancel", booking.uid)) {
                            (csrf_field(&form_token(ctx, options.embed)))
                            input type="hidden" name="token" value=(options.token);
                            input type="hidden" name="h" value=(query_h);
                            input type="hidden" name="tz" value=(options.zone.name());
                            @if options.embed { input type="hidden" name="embed" value="1"; }
                            (textarea_field("reason", &t!(lang, "booking-page-cancel-reason"), "", Some(&t!(lang, "booker-reschedule-reason-hint")), false, &options.errors))
                            button.button.danger type="submit" { (t!(lang, "booking-page-cancel-this")) }
                        }
                    }
                }
            } @else if !active && booking.rescheduled_to_id.is_none() {
                @if let Some(path) = &loaded.booker_path {
                    p { a.button.primary href=(format!("{path}{}", format::query(&[("tz", options.zone.name()), ("embed", embed_q)]))) { (t!(lang, "booking-page-book-another")) } }
                }
            }
        }
    }
}

impl PageOptions<'_> {
    fn locale(&self) -> Locale {
        Locale::english(self.twelve_hour)
            .month_first(self.month_first)
            .in_language(self.lang)
    }
}

/// The page's options: the zone and clock the link carries, else the invitee's zone and
/// the clock and date order customary where the visitor's browser says they are.
fn options_from<'a>(ctx: &Ctx, query: &'a ManageQuery, loaded: &Loaded) -> PageOptions<'a> {
    let booking = &loaded.booking;
    let lang = loaded.language.unwrap_or(ctx.lang);
    crate::web::ctx::set_request_language(lang);
    PageOptions {
        token: &query.token,
        zone: query
            .tz
            .parse()
            .or_else(|_| booking.attendee_time_zone.parse())
            .unwrap_or(Tz::UTC),
        twelve_hour: match query.h.as_str() {
            "12" => true,
            "24" => false,
            _ => ctx.conventions.is_some_and(|c| c.twelve_hour),
        },
        month_first: ctx.conventions.is_some_and(|c| c.month_first),
        embed: !query.embed.is_empty(),
        notice: notice_for(lang, &query.notice, booking.status).map(|text| ("success", text)),
        errors: FieldErrors::new(),
        lang,
    }
}

fn respond_page(
    ctx: &Ctx,
    loaded: &Loaded,
    options: &PageOptions<'_>,
    status: StatusCode,
) -> Response {
    let org = ctx.state.settings().organization_name;
    let body = html! { div.card.confirmation-card { (render(ctx, loaded, options)) } };
    respond(
        &ctx.state,
        status,
        public_page(
            options.lang,
            &loaded.booking.title,
            &org,
            (options.embed, loaded.language.is_none()),
            body,
        ),
    )
}

/// `GET /booking/{uid}?token=…`.
pub async fn page(
    ctx: Ctx,
    Path(uid): Path<String>,
    Query(query): Query<ManageQuery>,
) -> Result<Response, WebError> {
    let loaded = load(&ctx, &uid, &query.token).await?;
    let options = options_from(&ctx, &query, &loaded);
    Ok(respond_page(&ctx, &loaded, &options, StatusCode::OK))
}

/// `GET /booking/{uid}/calendar.ics?token=…`: the meeting as an iCalendar file.
pub async fn ics(
    ctx: Ctx,
    Path(uid): Path<String>,
    Query(query): Query<ManageQuery>,
) -> Result<Response, WebError> {
    let loaded = load(&ctx, &uid, &query.token).await?;
    let lang = loaded.language.unwrap_or(ctx.lang);
    let booking = &loaded.booking;
    if booking.status == BookingStatus::Pending {
        let body = message_page(
            lang,
            &t!(lang, "booking-page-not-accepted"),
            html! { p { (t!(lang, "booking-page-not-accepted-text")) } },
        );
        return Ok(respond(&ctx.state, StatusCode::CONFLICT, body));
    }
    let manage_url = format!(
        "{}{}",
        ctx.state.base_url(),
        crate::booking::manage_path(&booking.uid, &query.token)
    );
    let host = loaded.hosts.first();
    let title = match host {
        Some(host) => t!(
            lang,
            "meeting-with",
            title = booking.title.as_str(),
            host = host.name.as_str()
        ),
        None => t!(
            lang,
            "meeting-with-the-host",
            title = booking.title.as_str()
        ),
    };
    let (location, _) =
        crate::integrations::notify::invite::location_and_url(booking.location.as_ref(), lang);
    let uid_text = format!("{}{}", booking.uid, crate::model::booking::OWN_UID);
    let file = ics::render(&CalendarEvent {
        method: Some(ics::Method::Publish),
        sequence: 0,
        uid: &uid_text,
        title: &title,
        description: &describe_for_calendar(lang, &loaded, &manage_url),
        location: location.as_deref(),
        url: Some(&manage_url),
        start: booking.start,
        end: booking.end,
        stamp: booking.updated_at,
        status: match booking.status {
            BookingStatus::Accepted => "CONFIRMED",
            BookingStatus::Pending => "TENTATIVE",
            _ => "CANCELLED",
        },
        organizer: host.map(|h| (h.name.as_str(), h.email.as_str())),
        attendees: crate::integrations::notify::invite::participants(booking, &loaded.hosts),
    });
    let mut response = file.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"booking.ics\""),
    );
    Ok(response)
}

/// `POST /booking/{uid}/cancel`.
pub async fn cancel(
    ctx: Ctx,
    Path(uid): Path<String>,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormData(form);
    ctx.verify_public_form(form.get("csrf"))?;
    let token = form.get("token").to_string();
    let reason = form.get("reason").to_string();
    let actor = Actor::Invitee(token.clone());
    let settings = ctx.state.booking_settings();
    let target = uid.clone();
    let result = ctx
        .state
        .db
        .write(move |tx| booking::cancel(tx, &target, Some(&reason), &actor, &settings))
        .await;
    let query = ManageQuery {
        token,
        h: form.get("h").to_string(),
        tz: form.get("tz").to_string(),
        embed: form.get("embed").to_string(),
        notice: String::new(),
    };
    match result {
        Ok(_) => {
            let link = format::query(&[
                ("token", &query.token),
                ("h", &query.h),
                ("tz", &query.tz),
                ("embed", &query.embed),
                ("notice", "cancelled"),
            ]);
            Ok(Redirect::to(&format!("/booking/{uid}{link}")).into_response())
        }
        Err(BookingError::Invalid(errors)) => {
            let loaded = load(&ctx, &uid, &query.token).await?;
            let mut options = options_from(&ctx, &query, &loaded);
            options.errors = errors;
            Ok(respond_page(
                &ctx,
                &loaded,
                &options,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(BookingError::WrongState(reason)) => {
            let loaded = load(&ctx, &uid, &query.token).await?;
            let mut options = options_from(&ctx, &query, &loaded);
            options.notice = Some(("error", reason.text(ctx.lang)));
            Ok(respond_page(&ctx, &loaded, &options, StatusCode::CONFLICT))
        }
        Err(BookingError::Db(err)) => Err(err.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

/// `POST /booking/{uid}/reschedule`: moves the booking to the chosen start.
pub async fn reschedule(
    ctx: Ctx,
    Path(uid): Path<String>,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormData(form);
    ctx.verify_public_form(form.get("csrf"))?;
    let token = form.get("token").to_string();
    let Ok(start) = crate::model::time::parse_instant(form.get("start")) else {
        return Err(WebError::NotFound);
    };
    let reason = form.get("reason").to_string();
    let actor = Actor::Invitee(token.clone());
    let settings = ctx.state.booking_settings();
    let result = booking::move_to(
        &ctx.state.db,
        uid.clone(),
        start,
        Some(reason),
        actor,
        settings,
    )
    .await;
    let h = form.get("h");
    let tz = form.get("tz");
    let embed = form.get("embed");
    match result {
        Ok(outcome) => {
            let new_token = outcome.manage_token.unwrap_or_default();
            let link = format::query(&[
                ("token", &new_token),
                ("h", h),
                ("tz", tz),
                ("embed", embed),
                ("notice", "rescheduled"),
            ]);
            Ok(Redirect::to(&format!("/booking/{}{link}", outcome.booking.uid)).into_response())
        }
        Err(BookingError::Db(err)) => Err(err.into()),
        Err(BookingError::BookingNotFound) => Err(WebError::NotFound),
        Err(err) => {
            let message = match &err {
                BookingError::Taken(_) | BookingError::NotBookable(_) => {
                    t!(ctx.lang, "booker-time-gone")
                }
                BookingError::Invalid(errors) => errors
                    .iter()
                    .map(|e| {
                        crate::web::layout::field_error(
                            &crate::web::layout::capitalize(&e.field),
                            &e.text(ctx.lang),
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
                other => other.text(ctx.lang),
            };
            let back = format!(
                "/booking/{uid}{}",
                format::query(&[("token", &token), ("h", h), ("tz", tz), ("embed", embed)])
            );
            let body = message_page(
                ctx.lang,
                &t!(ctx.lang, "booking-page-not-moved"),
                html! {
                    p { (message) }
                    p { a href=(back) { (t!(ctx.lang, "booking-page-back")) } }
                },
            );
            Ok(respond(&ctx.state, StatusCode::CONFLICT, body))
        }
    }
}
