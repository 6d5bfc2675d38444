//! Bookings: upcoming, waiting for confirmation, past and cancelled; accepting, declining
//! and cancelling; the detail with the invitee's answers and payment; refunds and
//! marking a no-show.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use maud::{Markup, html};
use serde::Deserialize;

use crate::access;
use crate::audit;
use crate::booking::{self, Actor, BookingAction, BookingError};
use crate::db::bookings::{self, Booking, BookingEvent, BookingFilter, BookingStatus};
use crate::db::payments::{self as payment_db, Payment, PaymentMode, PaymentStatus, Refund};
use crate::db::users::{self, User};
use crate::db::{DbError, event_types};
use crate::integrations::payments::{self as stripe_payments, RefundError};
use crate::model::error::FieldErrors;
use crate::model::time::{self, start_of_day};
use crate::present::money;
use crate::present::{Language, Locale};
use crate::t;
use crate::web::dashboard::payments;
use crate::web::dashboard::{flash_notice, render, render_status, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, csrf_field, empty_state, field, field_error, location_link, notice, textarea_field,
};
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/bookings";

/// The list's tabs: the query's key and the catalogue message of its label.
const TABS: [(&str, &str); 4] = [
    ("upcoming", "bk-tab-upcoming"),
    ("pending", "bk-tab-pending"),
    ("past", "bk-tab-past"),
    ("cancelled", "bk-tab-cancelled"),
];

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    tab: String,
    notice: String,
}

fn status_badge(lang: Language, booking: &Booking) -> Markup {
    html! {
        @match booking.status {
            BookingStatus::Accepted => span.badge.ok { (t!(lang, "bk-status-confirmed")) },
            BookingStatus::Pending => span.badge.warn { (t!(lang, "bk-status-unconfirmed")) },
            BookingStatus::Cancelled if booking.rescheduled_to_id.is_some() => span.badge { (t!(lang, "bk-status-rescheduled")) },
            BookingStatus::Cancelled => span.badge.off { (t!(lang, "bk-status-cancelled")) },
            BookingStatus::Rejected => span.badge.off { (t!(lang, "bk-status-declined")) },
            BookingStatus::AwaitingPayment => span.badge.warn { (t!(lang, "pay-status-awaiting")) },
            BookingStatus::PaymentExpired => span.badge.off { (t!(lang, "pay-status-expired")) },
        }
    }
}

pub async fn list(ctx: Ctx, Query(query): Query<ListQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let tab = TABS
        .iter()
        .map(|(key, _)| *key)
        .find(|key| *key == query.tab)
        .unwrap_or("upcoming");
    let now = ctx.state.clock.now();
    let (scope, viewer) = (access::booking_scope(&user), user.clone());
    let list = ctx
        .state
        .db
        .read(move |conn| -> Result<Vec<ListItem>, DbError> {
            let filter = |status, after, before| BookingFilter {
                status,
                after,
                before,
                skip: 0,
                take: 200,
            };
            let list = match tab {
                "pending" => {
                    bookings::list_visible_to(
                        conn,
                        scope,
                        &filter(Some(BookingStatus::Pending), Some(now), None),
                    )?
                    .0
                }
                "past" => {
                    let (mut list, _) = bookings::list_visible_to(
                        conn,
                        scope,
                        &filter(Some(BookingStatus::Accepted), None, Some(now)),
                    )?;
                    list.reverse();
                    list
                }
                "cancelled" => {
                    let mut list = bookings::list_visible_to(
                        conn,
                        scope,
                        &filter(Some(BookingStatus::Cancelled), None, None),
                    )?
                    .0;
                    for status in [BookingStatus::Rejected, BookingStatus::PaymentExpired] {
                        list.extend(
                            bookings::list_visible_to(
                                conn,
                                scope,
                                &filter(Some(status), None, None),
                            )?
                            .0,
                        );
                    }
                    list.sort_by_key(|b| std::cmp::Reverse(b.start));
                    list
                }
                _ => {
                    let mut list = bookings::list_visible_to(
                        conn,
                        scope,
                        &filter(Some(BookingStatus::Accepted), Some(now), None),
                    )?
                    .0;
                    // Those waiting for a confirmation or a payment hold their time too.
                    for status in [BookingStatus::Pending, BookingStatus::AwaitingPayment] {
                        list.extend(
                            bookings::list_visible_to(
                                conn,
                                scope,
                                &filter(Some(status), Some(now), None),
                            )?
                            .0,
                        );
                    }
                    list.sort_by_key(|b| b.start);
                    list
                }
            };
            // Accepting from the list is offered to those who may.
            list.into_iter()
                .map(|booking| {
                    let may = access::booking(conn, &viewer, &booking, BookingAction::Confirm)?;
                    let mut chosen = Vec::new();
                    for (host_id, reason) in bookings::chosen_because(conn, booking.id)? {
                        if let Some(host) = users::by_id(conn, host_id)? {
                            chosen.push((host.name, reason));
                        }
                    }
                    let payment = payment_db::by_booking(conn, booking.id)?;
                    Ok((booking, may.is_allowed(), chosen, payment))
                })
                .collect::<rusqlite::Result<_>>()
                .map_err(DbError::from)
        })
        .await?;
    let zone = user.time_zone;
    let lang = ctx.lang;
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    let csrf = ctx.csrf_token();
    let empty = match tab {
        "pending" => (
            t!(lang, "bk-empty-pending"),
            t!(lang, "bk-empty-pending-text"),
        ),
        "past" => (t!(lang, "bk-empty-past"), t!(lang, "bk-empty-past-text")),
        "cancelled" => (
            t!(lang, "bk-empty-cancelled"),
            t!(lang, "bk-empty-cancelled-text"),
        ),
        _ => (
            t!(lang, "bk-empty-upcoming"),
            t!(lang, "bk-empty-upcoming-text"),
        ),
    };
    let body = html! {
        (flash_notice(&query.notice))
        div.page-head { div { h1 { (t!(lang, "nav-bookings")) } p.muted { (t!(lang, "bk-times-in-zone", zone = zone.name())) } } }
        nav.tabs aria-label=(t!(lang, "nav-bookings")) {
            @for (key, label) in TABS {
                @if key == tab {
                    a href=(format!("{CURRENT}?tab={key}")) aria-current="page" { (crate::i18n::message(lang, label, None)) }
                } @else {
                    a href=(format!("{CURRENT}?tab={key}")) { (crate::i18n::message(lang, label, None)) }
                }
            }
        }
        @if list.is_empty() {
            (empty_state(&empty.0, &empty.1, None))
        } @else {
            ul.list {
                @for (item, may_confirm, chosen, payment) in &list {
                    li {
                        div.list-main {
                            a.list-title href=(format!("{CURRENT}/{}", item.uid)) { (t!(lang, "meeting-with", title = item.title.as_str(), host = item.attendee_name.as_str())) }
                            div.list-sub {
                                span { (locale.when(item.start, item.end, zone)) }
                                (status_badge(lang, item))
                                @if let Some(payment) = payment.as_ref().filter(|p| p.status != PaymentStatus::Awaiting && p.status != PaymentStatus::Expired) {
                                    span { (money::format(payment.amount, payment.currency, lang)) } (payments::status_badge(lang, payment))
                                }
                            }
                            @for (host, reason) in chosen {
                                div.list-sub { span { (t!(lang, "bk-chosen-by-round-robin", host = host.as_str(), reason = chosen_because_text(lang, reason))) } }
                            }
                        }
                        div.list-actions {
                            @if *may_confirm && item.status == BookingStatus::Pending && item.start > now {
                                form method="post" action=(format!("{CURRENT}/{}/confirm", item.uid)) {
                                    (csrf_field(&csrf))
                                    button.button.primary.small type="submit" { (t!(lang, "bk-accept")) }
                                }
                            }
                            a.button.ghost.small href=(format!("{CURRENT}/{}", item.uid)) { (t!(lang, "bk-details")) }
                        }
                    }
                }
            }
        }
    };
    Ok(render(
        &ctx,
        &user,
        &t!(lang, "nav-bookings"),
        CURRENT,
        body,
    ))
}

/// A booking in the list, whether the viewer may accept it from there, the hosts round
/// robin chose for it with why, and its payment.
type ListItem = (Booking, bool, Vec<(String, String)>, Option<Payment>);

struct Detail {
    booking: Booking,
    /// Whether the viewer may confirm, reject and cancel it, or only see it.
    may_change: bool,
    hosts: Vec<User>,
    /// The hosts round robin chose, with why (a stored reason key).
    chosen_because: Vec<(i64, String)>,
    labels: Vec<(String, String)>,
    /// The uid of the booking this one was moved to (the newest of the meeting).
    moved_to: Option<String>,
    /// What the invitee pays for it, with the refunds asked of Stripe.
    payment: Option<(Payment, Vec<Refund>)>,
    /// Whether a host marked the invitee a no-show.
    no_show: bool,
}

/// Why round robin chose a host, in words.
fn chosen_because_text(lang: Language, reason: &str) -> String {
    match reason {
        "only_free" => t!(lang, "bk-because-only-free"),
        "priority" => t!(lang, "bk-because-priority"),
        "fewest_bookings" => t!(lang, "bk-because-fewest-bookings"),
        "least_recent" => t!(lang, "bk-because-least-recent"),
        "kept" => t!(lang, "bk-because-kept"),
        _ => t!(lang, "bk-because-equal"),
    }
}

async fn load(ctx: &Ctx, user: &User, uid: &str) -> Result<Detail, WebError> {
    let (uid, user_id, viewer) = (uid.to_string(), user.id, user.clone());
    let viewed = uid.clone();
    let found = ctx
        .state
        .db
        .read(move |conn| -> Result<Detail, BookingError> {
            let booking =
                booking::authorize(conn, &uid, &Actor::User(user_id), BookingAction::View)?;
            let may_change =
                access::booking(conn, &viewer, &booking, BookingAction::Cancel)?.is_allowed();
            let mut hosts = Vec::new();
            for id in &booking.hosts {
                if let Some(host) = users::by_id(conn, *id).map_err(DbError::from)? {
                    hosts.push(host);
                }
            }
            let questions = match booking.event_type_id {
                Some(id) => event_types::get(conn, id)
                    .map_err(DbError::from)?
                    .map(|e| e.input.questions)
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            let labels = crate::model::questions::labelled_answers(&questions, &booking.answers);
            let moved_to = match booking.rescheduled_to_id {
                Some(_) => Some(
                    bookings::newest_of(conn, booking.clone())
                        .map_err(DbError::from)?
                        .uid,
                ),
                None => None,
            };
            let chosen_because =
                bookings::chosen_because(conn, booking.id).map_err(DbError::from)?;
            let payment = match payment_db::by_booking(conn, booking.id).map_err(DbError::from)? {
                Some(payment) => {
                    let refunds =
                        payment_db::refunds_of(conn, payment.id).map_err(DbError::from)?;
                    Some((payment, refunds))
                }
                None => None,
            };
            let no_show = bookings::event_kinds(conn, booking.id)
                .map_err(DbError::from)?
                .iter()
                .any(|kind| kind == BookingEvent::NoShow.as_str());
            Ok(Detail {
                payment,
                no_show,
                booking,
                may_change,
                hosts,
                chosen_because,
                labels,
                moved_to,
            })
        })
        .await;
    let (now, origin) = (ctx.state.clock.now(), ctx.origin());
    let actor = audit::Actor::User(user_id);
    audit::booking_viewed(&ctx.state.db, now, actor, &viewed, &origin, &found).await?;
    match found {
        Ok(detail) => Ok(detail),
        Err(BookingError::Db(err)) => Err(err.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

/// A booking's payment: where it stands, its refunds, and a refund form for those who
/// may change the booking. `typed`: the refund form as submitted, shown again.
fn payment_panel(
    ctx: &Ctx,
    user: &User,
    detail: &Detail,
    (typed, errors): (&FormData, &FieldErrors),
) -> Markup {
    let Some((payment, refunds)) = &detail.payment else {
        return html! {};
    };
    let lang = ctx.lang;
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    let zone: Tz = user.time_zone;
    let money = |minor: i64| money::format(minor, payment.currency, lang);
    let at = |instant: DateTime<Utc>| {
        let local = instant.with_timezone(&zone);
        format!(
            "{}, {}",
            locale.short_date(local.date_naive()),
            locale.time(local)
        )
    };
    let uid = &detail.booking.uid;
    let refundable = payment.refundable();
    let amount = if typed.has("amount") {
        typed.get("amount").to_string()
    } else {
        payment.currency.major(refundable)
    };
    html! {
        section.panel aria-labelledby="payment-title" {
            h2 #payment-title { (t!(lang, "pay-bk-title")) }
            p { (payments::status_badge(lang, payment)) }
            dl.facts {
                dt { (t!(lang, "pay-bk-amount")) } dd { (money(payment.amount)) }
                dt { (t!(lang, "pay-bk-mode")) }
                dd {
                    @match payment.mode {
                        PaymentMode::PayNow => (t!(lang, "pay-bk-mode-pay-now")),
                        PaymentMode::NoShowFee => (t!(lang, "pay-bk-mode-no-show")),
                    }
                }
                @if payment.status == PaymentStatus::Awaiting {
                    dt { (t!(lang, "pay-bk-held-until")) } dd { (at(payment.hold_until)) }
                }
                @if payment.charged > 0 { dt { (t!(lang, "pay-bk-charged")) } dd { (money(payment.charged)) } }
                @if payment.refunded > 0 { dt { (t!(lang, "pay-bk-refunded")) } dd { (money(payment.refunded)) } }
                @if payment.mode == PaymentMode::PayNow {
                    dt { (t!(lang, "pay-bk-policy")) } dd { (payments::policy_text(lang, payment)) }
                }
            }
            @if !refunds.is_empty() {
                h3.subhead { (t!(lang, "pay-bk-refunds")) }
                ul.refund-list {
                    @for refund in refunds {
                        li {
                            div {
                                strong { (money(refund.amount)) }
                                span.muted.small {
                                    (at(refund.created_at))
                                    @if let Some(reason) = payments::refund_reason(lang, &refund.reason) { " · " (reason) }
                                }
                            }
                            (payments::refund_status(lang, &refund.status))
                        }
                    }
                }
            }
            @if detail.may_change && refundable > 0 && payment.payment_intent_id.is_some() {
                details.spaced open[errors.get("amount").is_some()] {
                    summary { (t!(lang, "pay-bk-refund")) }
                    form method="post" action=(format!("{CURRENT}/{uid}/refund")) data-confirm=(t!(lang, "pay-bk-refund-confirm")) {
                        (csrf_field(&ctx.csrf_token()))
                        (field(&Field { name: "amount", label: &t!(lang, "pay-bk-refund-amount"), value: &amount, inputmode: Some("decimal"), autocomplete: Some("off"), hint: Some(&t!(lang, "pay-bk-refund-hint", max = money(refundable))), ..Field::default() }, errors))
                        button.button.danger type="submit" { (t!(lang, "pay-bk-refund-button")) }
                    }
                }
            }
        }
    }
}

/// Marking the invitee of a confirmed meeting that has started a no-show (which charges
/// a kept card its fee), or that they were marked one.
fn no_show_panel(ctx: &Ctx, detail: &Detail) -> Markup {
    let booking = &detail.booking;
    let lang = ctx.lang;
    let now = ctx.state.clock.now();
    let may_mark = detail.may_change
        && booking.status == BookingStatus::Accepted
        && booking.start <= now
        && !detail.no_show;
    let fee = detail
        .payment
        .as_ref()
        .map(|(payment, _)| payment)
        .filter(|payment| crate::booking::payment::no_show_fee_due(payment));
    html! {
        @if detail.no_show || may_mark {
            section.panel aria-labelledby="no-show-title" {
                h2 #no-show-title { (t!(lang, "pay-bk-no-show")) }
                @if detail.no_show {
                    p { (t!(lang, "pay-bk-no-show-marked")) }
                } @else {
                    p.muted.small {
                        @match fee {
                            Some(payment) => (t!(lang, "pay-bk-no-show-fee", amount = money::format(payment.amount, payment.currency, lang))),
                            None => (t!(lang, "pay-bk-no-show-text")),
                        }
                    }
                    form method="post" action=(format!("{CURRENT}/{}/no-show", booking.uid)) data-confirm=(t!(lang, "pay-bk-no-show-confirm")) {
                        (csrf_field(&ctx.csrf_token()))
                        button.button.ghost.danger.wide type="submit" { (t!(lang, "pay-bk-no-show-button")) }
                    }
                }
            }
        }
    }
}

fn detail_page(
    ctx: &Ctx,
    user: &User,
    detail: &Detail,
    (typed, errors): (&FormData, &FieldErrors),
    message: Markup,
) -> Markup {
    let booking = &detail.booking;
    let lang = ctx.lang;
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    let zone: Tz = user.time_zone;
    let invitee_zone: Tz = booking.attendee_time_zone.parse().unwrap_or(Tz::UTC);
    let now = ctx.state.clock.now();
    let csrf = ctx.csrf_token();
    let uid = &booking.uid;
    html! {
        (message)
        div.page-head {
            div {
                p.muted.small { a href=(CURRENT) { span.flip-rtl { "←" } " " (t!(lang, "nav-bookings")) } }
                h1 { (t!(lang, "meeting-with", title = booking.title.as_str(), host = booking.attendee_name.as_str())) }
                p {
                    (status_badge(lang, booking))
                    @if detail.no_show { " " span.badge.off { (t!(lang, "pay-bk-no-show")) } }
                }
            }
        }
        div.detail-grid {
            section.panel aria-labelledby="details-title" {
                h2 #details-title { (t!(lang, "bk-details")) }
                dl.facts {
                    dt { (t!(lang, "bk-when")) } dd { (locale.when(booking.start, booking.end, zone)) }
                    dt { (t!(lang, "bk-for-invitee")) } dd { (locale.when(booking.start, booking.end, invitee_zone)) " (" (invitee_zone.name()) ")" }
                    dt { (t!(lang, "bk-invitee")) } dd { (booking.attendee_name) br; a href=(format!("mailto:{}", booking.attendee_email)) { (booking.attendee_email) } }
                    @if !booking.guests.is_empty() { dt { (t!(lang, "bk-guests")) } dd { (booking.guests.join(", ")) } }
                    dt { (t!(lang, "bk-hosts")) } dd { (detail.hosts.iter().map(|h| h.name.as_str()).collect::<Vec<_>>().join(", ")) }
                    @for (host_id, reason) in &detail.chosen_because {
                        @if let Some(host) = detail.hosts.iter().find(|h| h.id == *host_id) {
                            dt { (t!(lang, "bk-why-host", host = host.name.as_str())) } dd { (t!(lang, "bk-round-robin-chose", reason = chosen_because_text(lang, reason))) }
                        }
                    }
                    @if let Some(location) = &booking.location { dt { (t!(lang, "bk-where")) } dd { (location_link(lang, location)) } }
                    @if let Some(newest) = &detail.moved_to {
                        dt { (t!(lang, "bk-moved-to")) } dd { a href=(format!("{CURRENT}/{newest}")) { (t!(lang, "bk-at-new-time")) } }
                    }
                    @if let Some(reason) = &booking.cancel_reason { dt { (t!(lang, "bk-cancel-reason")) } dd { (reason) } }
                    @if let Some(reason) = &booking.rejection_reason { dt { (t!(lang, "bk-reject-reason")) } dd { (reason) } }
                    @if let Some(reason) = &booking.reschedule_reason { dt { (t!(lang, "bk-reschedule-reason")) } dd { (reason) } }
                    dt { (t!(lang, "bk-booked")) } dd { (locale.long_date(booking.created_at.with_timezone(&zone).date_naive())) }
                }
                h3.subhead { (t!(lang, "bk-answers")) }
                @if detail.labels.is_empty() {
                    p.muted.small { (t!(lang, "bk-no-questions")) }
                } @else {
                    dl.facts {
                        @for (label, text) in &detail.labels { dt { (label) } dd { (text) } }
                    }
                }
            }
            div.side-panels {
            (payment_panel(ctx, user, detail, (typed, errors)))
            (no_show_panel(ctx, detail))
            @if !detail.may_change && booking.status.is_active() && booking.end > now {
                section.panel aria-labelledby="actions-title" {
                    h2 #actions-title { (t!(lang, "bk-actions")) }
                    p.muted.small { (t!(lang, "bk-team-member-only")) }
                }
            }
            @if detail.may_change && booking.status.is_active() && booking.end > now {
                section.panel aria-labelledby="actions-title" {
                    h2 #actions-title { (t!(lang, "bk-actions")) }
                    p { a.button.ghost.wide href=(format!("{CURRENT}/{uid}/reschedule")) { (t!(lang, "bk-reschedule-action")) } }
                    @if booking.status == BookingStatus::Pending {
                        form method="post" action=(format!("{CURRENT}/{uid}/confirm")) {
                            (csrf_field(&csrf))
                            button.button.primary.wide type="submit" { (t!(lang, "bk-accept")) }
                        }
                        details.spaced open[errors.get("reason").is_some()] {
                            summary { (t!(lang, "bk-decline-action")) }
                            form method="post" action=(format!("{CURRENT}/{uid}/reject")) {
                                (csrf_field(&csrf))
                                (textarea_field("reason", &t!(lang, "bk-reason-shared"), "", None, false, errors))
                                button.button.danger type="submit" { (t!(lang, "bk-decline-request")) }
                            }
                        }
                    } @else {
                        form method="post" action=(format!("{CURRENT}/{uid}/cancel")) data-confirm=(t!(lang, "bk-cancel-confirm")) {
                            (csrf_field(&csrf))
                            (textarea_field("reason", &t!(lang, "bk-reason-shared"), "", None, false, errors))
                            button.button.danger type="submit" { (t!(lang, "bk-cancel-booking")) }
                        }
                    }
                }
            }
            }
        }
    }
}

pub async fn detail(
    ctx: Ctx,
    Path(uid): Path<String>,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let detail = load(&ctx, &user, &uid).await?;
    let body = detail_page(
        &ctx,
        &user,
        &detail,
        (&FormData::default(), &FieldErrors::new()),
        flash_notice(&query.notice),
    );
    Ok(render(&ctx, &user, &detail.booking.title, CURRENT, body))
}

/// After an action: back to the detail, or the page again with what went wrong.
async fn after(
    ctx: &Ctx,
    user: &User,
    uid: &str,
    result: Result<Booking, BookingError>,
    key: &str,
) -> Result<Response, WebError> {
    match result {
        Ok(_) => Ok(Redirect::to(&format!("{CURRENT}/{uid}?notice={key}")).into_response()),
        Err(BookingError::Db(err)) => Err(err.into()),
        Err(BookingError::BookingNotFound) => Err(WebError::NotFound),
        Err(BookingError::Forbidden(_)) => Err(WebError::Forbidden),
        Err(BookingError::Invalid(errors)) => {
            let typed = FormData::default();
            let page = (&typed, &errors, html! {});
            again(ctx, user, uid, page, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(err) => {
            let (typed, errors) = (FormData::default(), FieldErrors::new());
            let message = notice("error", &capitalize_first(&err.text(ctx.lang)));
            again(
                ctx,
                user,
                uid,
                (&typed, &errors, message),
                StatusCode::CONFLICT,
            )
            .await
        }
    }
}

/// The detail page again after a refused action: with the form as typed and why, or a
/// message.
async fn again(
    ctx: &Ctx,
    user: &User,
    uid: &str,
    (typed, errors, message): (&FormData, &FieldErrors, Markup),
    status: StatusCode,
) -> Result<Response, WebError> {
    let detail = load(ctx, user, uid).await?;
    let body = detail_page(ctx, user, &detail, (typed, errors), message);
    Ok(render_status(
        ctx,
        user,
        &detail.booking.title,
        CURRENT,
        status,
        body,
    ))
}

fn capitalize_first(text: &str) -> String {
    let mut out = crate::web::layout::capitalize(text);
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

pub async fn confirm(
    Path(uid): Path<String>,
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (target, user_id, settings) = (uid.clone(), user.id, ctx.state.booking_settings());
    let result = ctx
        .state
        .db
        .write(move |tx| booking::confirm(tx, &target, user_id, &settings))
        .await;
    after(&ctx, &user, &uid, result, "confirmed").await
}

pub async fn reject(
    Path(uid): Path<String>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (target, user_id, settings) = (uid.clone(), user.id, ctx.state.booking_settings());
    let reason = form.get("reason").to_string();
    let result = ctx
        .state
        .db
        .write(move |tx| booking::reject(tx, &target, Some(&reason), user_id, &settings))
        .await;
    after(&ctx, &user, &uid, result, "rejected").await
}

pub async fn cancel(
    Path(uid): Path<String>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (target, actor, settings) = (
        uid.clone(),
        Actor::User(user.id),
        ctx.state.booking_settings(),
    );
    let reason = form.get("reason").to_string();
    let result = ctx
        .state
        .db
        .write(move |tx| booking::cancel(tx, &target, Some(&reason), &actor, &settings))
        .await;
    after(&ctx, &user, &uid, result, "cancelled").await
}

/// `POST /dashboard/bookings/{uid}/refund`: gives back part or all of what was paid (the
/// field empty: everything still refundable); Stripe is asked on the job queue.
pub async fn refund(
    Path(uid): Path<String>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (target, user_id) = (uid.clone(), user.id);
    let found = ctx
        .state
        .db
        .read(move |conn| -> Result<_, BookingError> {
            let booking =
                booking::authorize(conn, &target, &Actor::User(user_id), BookingAction::Cancel)?;
            let payment = payment_db::by_booking(conn, booking.id).map_err(DbError::from)?;
            Ok((booking, payment))
        })
        .await;
    let (booking, payment) = match found {
        Ok(found) => found,
        Err(err) => return after(&ctx, &user, &uid, Err(err), "").await,
    };
    let lang = ctx.lang;
    let nothing = || notice("error", &t!(lang, "pay-bk-nothing-to-refund"));
    let none = FieldErrors::new();
    let Some(payment) = payment else {
        return again(
            &ctx,
            &user,
            &uid,
            (&form, &none, nothing()),
            StatusCode::CONFLICT,
        )
        .await;
    };
    let amount = match payments::parse_refund(form.get("amount"), &payment, lang) {
        Ok(amount) => amount,
        Err(errors) => {
            let page = (&form, &errors, html! {});
            return again(&ctx, &user, &uid, page, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let deps = ctx.state.integrations();
    match stripe_payments::refund_by_host(&deps, booking.id, user.id, amount).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("{CURRENT}/{uid}?notice=refund-planned")).into_response())
        }
        Err(RefundError::Invalid(_)) => {
            let errors = payments::refund_range(&payment, lang);
            let page = (&form, &errors, html! {});
            again(&ctx, &user, &uid, page, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(RefundError::NothingToRefund) => {
            again(
                &ctx,
                &user,
                &uid,
                (&form, &none, nothing()),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(RefundError::Db(err)) => Err(err.into()),
    }
}

/// `POST /dashboard/bookings/{uid}/no-show`: records that the invitee of a confirmed
/// meeting that has started did not come; a card kept for a no-show fee is charged.
pub async fn no_show(
    Path(uid): Path<String>,
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (target, user_id, settings) = (uid.clone(), user.id, ctx.state.booking_settings());
    let result = ctx
        .state
        .db
        .write(move |tx| crate::booking::payment::mark_no_show(tx, &target, user_id, &settings))
        .await;
    after(&ctx, &user, &uid, result, "no-show").await
}

/// How many days the reschedule page lists at once.
const MOVE_DAYS: u64 = 7;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MoveQuery {
    /// `YYYY-MM-DD`: the first day whose free times are listed.
    date: String,
}

/// The free times a booking could move to, for the page that moves it.
struct MoveChoices {
    booking: Booking,
    from: NaiveDate,
    days: Vec<crate::availability::SlotDay>,
}

/// Loads the booking and its free times in the week from `first` (or from today, or the
/// booking's own day when that is later), in the host's zone.
async fn move_choices(
    ctx: &Ctx,
    user: &User,
    uid: &str,
    first: Option<NaiveDate>,
) -> Result<Result<MoveChoices, BookingError>, WebError> {
    let zone = user.time_zone;
    let context = ctx.state.booking_settings().context;
    let today = context.now.with_timezone(&zone).date_naive();
    let (uid, actor) = (uid.to_string(), Actor::User(user.id));
    let found = ctx
        .state
        .db
        .read(move |conn| {
            let from = first.unwrap_or(today).max(today);
            let to = from + chrono::Days::new(MOVE_DAYS);
            let (Some(start), Some(end)) = (start_of_day(zone, from), start_of_day(zone, to))
            else {
                return Err(crate::booking::invalid("date", "is not a day of this zone"));
            };
            let (booking, slots) =
                booking::times_to_move_to(conn, &uid, &actor, (start, end), zone, context)?;
            Ok(MoveChoices {
                booking,
                from,
                days: slots.days,
            })
        })
        .await;
    match found {
        Err(BookingError::Db(err)) => Err(err.into()),
        Err(BookingError::BookingNotFound) => Err(WebError::NotFound),
        Err(BookingError::Forbidden(_)) => Err(WebError::Forbidden),
        other => Ok(other),
    }
}

fn move_page(
    ctx: &Ctx,
    user: &User,
    choices: &MoveChoices,
    chosen: Option<DateTime<Utc>>,
    errors: &FieldErrors,
    message: Markup,
) -> Markup {
    let booking = &choices.booking;
    let zone = user.time_zone;
    let lang = ctx.lang;
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    let uid = &booking.uid;
    let here = format!("{CURRENT}/{uid}/reschedule");
    let week = |date: NaiveDate| format!("{here}?date={}", date.format("%Y-%m-%d"));
    let earlier = choices.from - chrono::Days::new(MOVE_DAYS);
    let later = choices.from + chrono::Days::new(MOVE_DAYS);
    let today = ctx.state.clock.now().with_timezone(&zone).date_naive();
    // The first day with free times is listed; the other days of the week are a link each.
    let shown = choices.days.iter().find(|day| !day.slots.is_empty());
    let other_days: Vec<_> = choices
        .days
        .iter()
        .filter(|day| !day.slots.is_empty() && Some(day.date) != shown.map(|d| d.date))
        .collect();
    html! {
        (message)
        div.page-head {
            div {
                p.muted.small { a href=(format!("{CURRENT}/{uid}")) { span.flip-rtl { "←" } " " (t!(lang, "bk-back-to-booking")) } }
                h1 { (t!(lang, "bk-reschedule-title", title = booking.title.as_str(), name = booking.attendee_name.as_str())) }
                p.muted { (t!(lang, "bk-reschedule-now", when = locale.when(booking.start, booking.end, zone), zone = zone.name())) }
            }
        }
        section.panel aria-labelledby="move-title" {
            h2 #move-title { (t!(lang, "bk-pick-new-time")) }
            form.inline-form method="get" action=(here) {
                div.field {
                    label for="move-date" { (t!(lang, "bk-free-times-from")) }
                    input #move-date type="date" name="date" value=(choices.from.format("%Y-%m-%d")) min=(today.format("%Y-%m-%d"));
                }
                button.button.ghost type="submit" { (t!(lang, "bk-show")) }
            }
            @if let Some(day) = shown {
                form method="post" action=(here) {
                    (csrf_field(&ctx.csrf_token()))
                    @if let Some(message) = errors.text("start", lang) { p.error role="alert" { (field_error(&t!(lang, "bk-new-time"), &message)) } }
                    fieldset.field.move-day {
                        legend { (locale.long_date(day.date)) }
                        div.time-choices {
                            @for slot in &day.slots {
                                @let value = slot.start.format("%Y-%m-%dT%H:%M:%SZ").to_string();
                                @let id = format!("t-{}", slot.start.timestamp());
                                div.choice {
                                    input type="radio" id=(id) name="start" value=(value) required checked[chosen == Some(slot.start)];
                                    label for=(id) { (locale.time(slot.start.with_timezone(&zone))) }
                                }
                            }
                        }
                    }
                    (textarea_field("reason", &t!(lang, "bk-reason-sent"), "", Some(&t!(lang, "bk-reason-sent-hint")), false, errors))
                    button.button.primary type="submit" { (t!(lang, "bk-move-booking")) }
                }
            } @else {
                (empty_state(&t!(lang, "bk-no-free-times"), &t!(lang, "bk-no-free-times-text"), None))
            }
            nav.other-days aria-label=(t!(lang, "bk-other-days")) {
                @if !other_days.is_empty() { h3.subhead { (t!(lang, "bk-other-days")) } }
                div.button-row {
                    @if choices.from > today { a.button.ghost.small href=(week(earlier.max(today))) { span.flip-rtl { "←" } " " (t!(lang, "bk-earlier")) } }
                    @for day in &other_days {
                        a.button.ghost.small href=(week(day.date)) {
                            (t!(lang, "bk-free-on-day", day = locale.short_date(day.date), count = day.slots.len()))
                        }
                    }
                    a.button.ghost.small href=(week(later)) { (t!(lang, "bk-later")) " " span.flip-rtl { "→" } }
                }
            }
        }
    }
}

/// `GET /dashboard/bookings/{uid}/reschedule`: the free times to move a booking to.
pub async fn reschedule_page(
    ctx: Ctx,
    Path(uid): Path<String>,
    Query(query): Query<MoveQuery>,
) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let first = time::parse_date(query.date.trim()).ok();
    match move_choices(&ctx, &user, &uid, first).await? {
        Ok(choices) => {
            let body = move_page(&ctx, &user, &choices, None, &FieldErrors::new(), html! {});
            Ok(render(
                &ctx,
                &user,
                &t!(ctx.lang, "bk-reschedule"),
                CURRENT,
                body,
            ))
        }
        Err(err) => after(&ctx, &user, &uid, Err(err), "").await,
    }
}

/// `POST /dashboard/bookings/{uid}/reschedule`: moves the booking through the booking
/// service, the way the API and the invitee's page do; the reason goes to the invitee.
pub async fn reschedule(
    Path(uid): Path<String>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let Ok(start) = time::parse_instant(form.get("start")) else {
        let mut errors = FieldErrors::new();
        errors.refuse("start", crate::reason!("bk-error-pick-a-time"));
        return move_again(&ctx, &user, &uid, None, &errors, html! {}).await;
    };
    let reason = form.get("reason").to_string();
    let result = booking::move_to(
        &ctx.state.db,
        uid.clone(),
        start,
        Some(reason),
        Actor::User(user.id),
        ctx.state.booking_settings(),
    )
    .await;
    match result {
        Ok(outcome) => Ok(Redirect::to(&format!(
            "{CURRENT}/{}?notice=rescheduled",
            outcome.booking.uid
        ))
        .into_response()),
        Err(BookingError::Invalid(errors)) => {
            move_again(&ctx, &user, &uid, Some(start), &errors, html! {}).await
        }
        Err(BookingError::Taken(_) | BookingError::NotBookable(_)) => {
            let message = notice("error", &t!(ctx.lang, "bk-time-taken"));
            move_again(&ctx, &user, &uid, None, &FieldErrors::new(), message).await
        }
        Err(err) => after(&ctx, &user, &uid, Err(err), "").await,
    }
}

/// The reschedule page again after a refused move, on the week of the refused time.
async fn move_again(
    ctx: &Ctx,
    user: &User,
    uid: &str,
    chosen: Option<DateTime<Utc>>,
    errors: &FieldErrors,
    message: Markup,
) -> Result<Response, WebError> {
    let first = chosen.map(|t| t.with_timezone(&user.time_zone).date_naive());
    let status = if errors.is_empty() {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    match move_choices(ctx, user, uid, first).await? {
        Ok(choices) => {
            let body = move_page(ctx, user, &choices, chosen, errors, message);
            Ok(render_status(
                ctx,
                user,
                &t!(ctx.lang, "bk-reschedule"),
                CURRENT,
                status,
                body,
            ))
        }
        Err(err) => after(ctx, user, uid, Err(err), "").await,
    }
}
