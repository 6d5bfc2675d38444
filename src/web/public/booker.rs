//! The booker: month calendar, time zone, slot list, then the booking form. A paid event
//! type shows its price, and its form says how paying works (on Stripe's page, after
//! submitting, while the time is held).
//!
//! Every choice is a query parameter (`month`, `date`, `tz`, `duration`, `h`, `slot`), so the
//! page works with plain links; `assets/app.js` swaps the booker in place instead of
//! reloading. The slots come from the booking service, the one definition of "free".

use std::collections::BTreeMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use maud::{Markup, html};
use serde::Deserialize;

use crate::availability::Slot;
use crate::booking::{self, Actor, Attendee, BookingAction, BookingError, BookingRequest};
use crate::db::bookings::Booking;
use crate::db::bookings::BookingStatus;
use crate::model::error::FieldErrors;
use crate::model::event_types::Location;
use crate::model::payment::{PaymentMode, Price};
use crate::model::time;
use crate::model::time::start_of_day;
use crate::present::{Conventions, Language, LanguageTag, Locale, money};
use crate::t;
use crate::web::format::{self, FormData};
use crate::web::layout::{csrf_field, initials, message_page, notice, public_page, zone_options};
use crate::web::public::questions::{answers_of, question_field};
use crate::web::public::{Target, icon_calendar, icon_clock, icon_globe, icon_pin, respond};
use crate::web::{Ctx, WebError};

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct BookerQuery {
    /// `YYYY-MM`: the month the calendar shows.
    pub month: String,
    /// `YYYY-MM-DD`: the day whose times are listed.
    pub date: String,
    /// The invitee's IANA zone.
    pub tz: String,
    /// Minutes, one of the event type's durations.
    pub duration: String,
    /// `12` or `24`.
    pub h: String,
    /// The chosen start (RFC 3339): shows the booking form.
    pub slot: String,
    /// Set when the page is shown inside another site's frame.
    pub embed: String,
    /// The uid of a booking being moved, with its manage token.
    pub reschedule: String,
    pub token: String,
}

/// Where the booker stands.
#[derive(Debug, Clone)]
pub struct View {
    pub path: String,
    pub zone: Tz,
    pub month: NaiveDate,
    pub month_given: bool,
    pub date: Option<NaiveDate>,
    pub duration: u32,
    pub durations: Vec<u32>,
    pub twelve_hour: bool,
    pub slot: Option<DateTime<Utc>>,
    pub embed: bool,
    /// uid and manage token of the booking being rescheduled.
    pub reschedule: Option<(String, String)>,
    /// When the page is made: the zone menu shows each zone's offset now.
    pub now: DateTime<Utc>,
    /// Dates with the month first, as the visitor's language suggests.
    pub month_first: bool,
    /// The day the month calendar's weeks start on: the visitor's region's, else the
    /// host's (or the organization's) choice.
    pub first_day: chrono::Weekday,
    /// The page's language.
    pub lang: Language,
}

impl View {
    /// The view a query asks for. The clock not given in the link, the date order and the
    /// first day of the week follow the visitor's `conventions` (from their browser's
    /// languages), else the host's.
    pub fn new(
        target: &Target,
        query: &BookerQuery,
        now: DateTime<Utc>,
        conventions: Option<Conventions>,
        lang: Language,
    ) -> View {
        let zone = query.tz.trim().parse::<Tz>().unwrap_or(target.zone);
        let durations = target.event_type.input.durations_minutes.clone();
        let duration = query
            .duration
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| durations.contains(d))
            .or_else(|| durations.first().copied())
            .unwrap_or(30);
        // Whatever a link carries, a value out of range or malformed is ignored: the page
        // then opens on today's month.
        let slot = time::parse_instant(&query.slot).ok();
        let mut date = time::parse_date(&query.date).ok();
        if let Some(slot) = slot {
            date = Some(slot.with_timezone(&zone).date_naive());
        }
        let given_month = time::parse_date(&format!("{}-01", query.month.trim())).ok();
        let today = now.with_timezone(&zone).date_naive();
        let month = given_month
            .or(date)
            .unwrap_or(today)
            .with_day(1)
            .unwrap_or(today);
        if date.is_some_and(|d| d.with_day(1) != Some(month)) {
            date = None;
        }
        let reschedule = (!query.reschedule.is_empty() && !query.token.is_empty())
            .then(|| (query.reschedule.clone(), query.token.clone()));
        View {
            path: target.path.clone(),
            zone,
            month,
            month_given: given_month.is_some(),
            date,
            duration,
            durations,
            twelve_hour: match query.h.as_str() {
                "12" => true,
                "24" => false,
                _ => conventions.map_or(target.twelve_hour, |c| c.twelve_hour),
            },
            slot,
            embed: !query.embed.is_empty(),
            reschedule,
            now,
            month_first: conventions.is_some_and(|c| c.month_first),
            first_day: conventions.map_or(target.first_day_of_week, |c| c.first_day),
            lang,
        }
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![
            ("tz", self.zone.name().to_string()),
            ("h", if self.twelve_hour { "12" } else { "24" }.to_string()),
        ];
        if self.durations.len() > 1 && self.reschedule.is_none() {
            pairs.push(("duration", self.duration.to_string()));
        }
        if self.embed {
            pairs.push(("embed", "1".into()));
        }
        if let Some((uid, token)) = &self.reschedule {
            pairs.push(("reschedule", uid.clone()));
            pairs.push(("token", token.clone()));
        }
        pairs
    }

    /// A link to this booker with the given month, day and slot, keeping the rest.
    pub fn href(
        &self,
        month: Option<NaiveDate>,
        date: Option<NaiveDate>,
        slot: Option<DateTime<Utc>>,
    ) -> String {
        let month = month.map(|m| m.format("%Y-%m").to_string());
        let date = date.map(|d| d.format("%Y-%m-%d").to_string());
        let slot = slot.map(|s| s.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some(month) = &month {
            pairs.push(("month", month));
        }
        if let Some(date) = &date {
            pairs.push(("date", date));
        }
        if let Some(slot) = &slot {
            pairs.push(("slot", slot));
        }
        let rest = self.pairs();
        for (key, value) in &rest {
            pairs.push((key, value));
        }
        format!("{}{}", self.path, format::query(&pairs))
    }

    /// How this visitor reads dates and times.
    fn locale(&self) -> Locale {
        Locale::english(self.twelve_hour)
            .month_first(self.month_first)
            .in_language(self.lang)
    }

    /// The same view with another duration or clock.
    fn with(&self, duration: u32, twelve_hour: bool) -> View {
        let mut view = self.clone();
        view.duration = duration;
        view.twelve_hour = twelve_hour;
        view
    }

    fn hidden_fields(&self, skip: &[&str]) -> Markup {
        html! {
            @for (key, value) in self.pairs() {
                @if !skip.contains(&key) {
                    input type="hidden" name=(key) value=(value);
                }
            }
        }
    }
}

type Days = BTreeMap<NaiveDate, Vec<Slot>>;

/// The slots of the view's month, by local date.
async fn month_slots(ctx: &Ctx, target: &Target, view: &View) -> Result<Days, WebError> {
    let (Some(from), Some(to)) = (
        start_of_day(view.zone, view.month),
        start_of_day(view.zone, crate::model::time::next_month(view.month)),
    ) else {
        return Ok(Days::new());
    };
    let event_type = target.event_type.clone();
    let (zone, duration) = (view.zone, view.duration);
    let context = ctx.state.booking_settings().context;
    let list = ctx
        .state
        .db
        .read(move |conn| {
            booking::slots::list(conn, &event_type, from, to, zone, Some(duration), context)
        })
        .await;
    match list {
        Ok(list) => Ok(list
            .days
            .into_iter()
            .map(|day| (day.date, day.slots))
            .collect()),
        Err(BookingError::Db(err)) => Err(err.into()),
        // A host who left or an event type that cannot be computed offers nothing.
        Err(_) => Ok(Days::new()),
    }
}

/// The booking being rescheduled, when the manage token is right.
async fn rescheduled_booking(ctx: &Ctx, view: &View) -> Result<Option<Booking>, WebError> {
    let Some((uid, token)) = view.reschedule.clone() else {
        return Ok(None);
    };
    let found = ctx
        .state
        .db
        .read(move |conn| {
            booking::authorize(conn, &uid, &Actor::Invitee(token), BookingAction::View)
        })
        .await;
    match found {
        Ok(booking) if booking.status.is_active() => Ok(Some(booking)),
        Ok(_) | Err(BookingError::BookingNotFound) => Err(WebError::NotFound),
        Err(BookingError::Db(err)) => Err(err.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

pub async fn show(ctx: &Ctx, target: &Target, query: &BookerQuery) -> Result<Response, WebError> {
    let now = ctx.state.clock.now();
    let mut view = View::new(target, query, now, ctx.conventions, ctx.lang);
    let moving = rescheduled_booking(ctx, &view).await?;
    if let Some(old) = &moving {
        let minutes = u32::try_from((old.end - old.start).num_minutes()).unwrap_or(0);
        if view.durations.contains(&minutes) {
            view.duration = minutes;
        }
        if query.tz.is_empty()
            && let Ok(zone) = old.attendee_time_zone.parse::<Tz>()
        {
            view.zone = zone;
        }
    }
    let mut days = month_slots(ctx, target, &view).await?;
    // With nothing left this month, start on the next one.
    if days.is_empty() && !view.month_given && view.date.is_none() {
        let mut next = view.clone();
        next.month = crate::model::time::next_month(view.month);
        let next_days = month_slots(ctx, target, &next).await?;
        if !next_days.is_empty() {
            view = next;
            days = next_days;
        }
    }
    if let Some(slot) = view.slot {
        let offered = view
            .date
            .and_then(|date| days.get(&date))
            .is_some_and(|slots| slots.iter().any(|s| s.start == slot));
        if offered {
            let step = match &moving {
                Some(old) => reschedule_step(ctx, target, &view, old, slot, &FieldErrors::new()),
                None => {
                    let paying = paying(ctx, target).await?;
                    let filled = (&FormData::default(), &FieldErrors::new());
                    form_step(ctx, target, &view, slot, filled, &paying)
                }
            };
            return Ok(page(ctx, target, &view, StatusCode::OK, step));
        }
        let body = calendar_step(
            target,
            &view,
            &days,
            now,
            moving.as_ref(),
            Some(&t!(view.lang, "booker-time-gone")),
        );
        return Ok(page(ctx, target, &view, StatusCode::CONFLICT, body));
    }
    let body = calendar_step(target, &view, &days, now, moving.as_ref(), None);
    Ok(page(ctx, target, &view, StatusCode::OK, body))
}

fn page(ctx: &Ctx, target: &Target, view: &View, status: StatusCode, body: Markup) -> Response {
    let org = ctx.state.settings().organization_name;
    let title = format!("{} · {}", target.event_type.input.title, target.owner_name);
    respond(
        &ctx.state,
        status,
        public_page(
            ctx.lang,
            &title,
            &org,
            (view.embed, target.language().is_none()),
            body,
        ),
    )
}

fn location_text(lang: Language, location: &Location) -> String {
    match location {
        Location::InPerson { address } => address.clone(),
        Location::Phone { .. } => t!(lang, "booker-location-phone"),
        Location::Link { .. } => t!(lang, "booker-location-online"),
        Location::Video { .. } => t!(lang, "booker-location-video"),
    }
}

/// Every place an event type offers, as one phrase (`Video call or 1 Harbor Street`).
fn locations_text(lang: Language, locations: &[Location]) -> String {
    let names: Vec<String> = locations.iter().map(|l| location_text(lang, l)).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => t!(
            lang,
            "booker-locations-or",
            first = rest.join(", "),
            last = last.as_str()
        ),
    }
}

/// What a paid event type costs, as the summary says it.
fn price_text(lang: Language, price: &Price) -> String {
    let amount = money::format(price.amount, price.currency, lang);
    match price.mode {
        PaymentMode::PayNow => amount,
        PaymentMode::NoShowFee => t!(lang, "pay-booker-price-no-show", amount = amount),
    }
}

fn icon_card() -> Markup {
    html! {
        svg.icon viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" {
            rect x="2.5" y="5" width="19" height="14" rx="2" {}
            path d="M2.5 10h19M6.5 15h4" {}
        }
    }
}

/// What the booking form says about paying for the event type.
enum Paying {
    Free,
    /// The event type has a price, and Stripe is not set up: it cannot be booked.
    Unavailable,
    /// The time is held this many minutes while the invitee pays.
    Held {
        minutes: u32,
    },
}

async fn paying(ctx: &Ctx, target: &Target) -> Result<Paying, WebError> {
    if target.event_type.input.price.is_none() {
        return Ok(Paying::Free);
    }
    let ready = ctx
        .state
        .db
        .read(|conn| -> Result<_, crate::db::DbError> {
            Ok(match crate::db::payments::hold(conn)? {
                Some(_) => Some(crate::db::payments::hold_minutes(conn)?),
                None => None,
            })
        })
        .await?;
    Ok(ready.map_or(Paying::Unavailable, |minutes| Paying::Held { minutes }))
}

/// How paying works, above the form's buttons: on Stripe's page after submitting, while
/// the time is held, and what a cancellation gives back.
fn payment_note(lang: Language, price: &Price, paying: &Paying) -> Markup {
    let amount = money::format(price.amount, price.currency, lang);
    let refund = match (price.refund_hours, price.late_refund_percent) {
        (0, _) | (_, 100) => t!(lang, "pay-booker-refund-always"),
        (hours, 0) => t!(lang, "pay-booker-refund-none-late", hours = hours),
        (hours, percent) => t!(
            lang,
            "pay-booker-refund-part-late",
            hours = hours,
            percent = percent
        ),
    };
    html! {
        @match paying {
            Paying::Free => {},
            Paying::Unavailable => div.alert.alert-error role="alert" { (t!(lang, "pay-not-set-up")) },
            Paying::Held { minutes } => div.payment-note {
                @match price.mode {
                    PaymentMode::PayNow => {
                        p { (t!(lang, "pay-booker-pay-now", amount = amount.as_str(), minutes = *minutes)) }
                        p.muted.small { (refund) }
                    }
                    PaymentMode::NoShowFee => p { (t!(lang, "pay-booker-no-show", amount = amount.as_str(), minutes = *minutes)) },
                }
            },
        }
    }
}

/// The event summary on the left of every step.
fn info(
    target: &Target,
    view: &View,
    chosen: Option<DateTime<Utc>>,
    moving: Option<&Booking>,
) -> Markup {
    let input = &target.event_type.input;
    html! {
        aside.booker-info {
            div.avatar-stack aria-hidden="true" {
                @for host in target.hosts.iter().take(4) {
                    span.avatar { (initials(&host.name)) }
                }
            }
            p.booker-owner { a href=(target.profile_path) { (target.owner_name) } }
            h1.booker-title { (input.title) }
            @if let Some(old) = moving {
                div.alert.alert-info role="status" {
                    (t!(view.lang, "booker-rescheduling", when = view.locale().when(old.start, old.end, view.zone)))
                }
            }
            ul.booker-meta {
                @if let Some(start) = chosen {
                    @let local = start.with_timezone(&view.zone);
                    li { (icon_calendar()) span { (view.locale().long_date(local.date_naive())) } }
                    li { (icon_clock()) span {
                        (view.locale().time(local)) " – "
                        (view.locale().time((start + Duration::minutes(i64::from(view.duration))).with_timezone(&view.zone)))
                    } }
                } @else if view.durations.len() > 1 && moving.is_none() {
                    li.durations {
                        (icon_clock())
                        div.pills role="group" aria-label=(t!(view.lang, "booker-duration")) {
                            @for minutes in &view.durations {
                                @let href = view.with(*minutes, view.twelve_hour).href(Some(view.month), view.date, None);
                                @if *minutes == view.duration {
                                    a.pill href=(href) aria-current="true" data-nav { (view.locale().duration(*minutes)) }
                                } @else {
                                    a.pill href=(href) data-nav { (view.locale().duration(*minutes)) }
                                }
                            }
                        }
                    }
                } @else {
                    li { (icon_clock()) span { (view.locale().duration(view.duration)) } }
                }
                @if !input.locations.is_empty() {
                    li { (icon_pin()) span {
                        (locations_text(view.lang, &input.locations))
                    } }
                }
                li { (icon_globe()) span { (crate::present::zones::display_name(view.zone.name(), view.lang)) } }
                @if let Some(price) = &input.price {
                    li.price { (icon_card()) span { (price_text(view.lang, price)) } }
                }
            }
            @if !input.description.is_empty() && chosen.is_none() {
                div.booker-description {
                    @for paragraph in input.description.replace("\r\n", "\n").split("\n\n") {
                        p { (paragraph) }
                    }
                }
            }
        }
    }
}

fn zone_form(view: &View) -> Markup {
    html! {
        form.zone-form method="get" action=(view.path) data-zone-form {
            input type="hidden" name="month" value=(view.month.format("%Y-%m"));
            @if let Some(date) = view.date {
                input type="hidden" name="date" value=(date.format("%Y-%m-%d"));
            }
            (view.hidden_fields(&["tz"]))
            label for="booker-tz" { (t!(view.lang, "booker-time-zone")) }
            div.zone-row {
                select #booker-tz name="tz" data-zone-select data-zone-menu {
                    (zone_options(view.lang, view.zone.name(), view.now))
                }
                button.button.ghost type="submit" data-no-js { (t!(view.lang, "booker-apply")) }
            }
        }
    }
}

fn calendar(view: &View, days: &Days, today: NaiveDate) -> Markup {
    let (first, first_day) = (view.month, view.first_day);
    let next = crate::model::time::next_month(first);
    let previous = crate::model::time::previous_month(first);
    let lead = (7 + first.weekday().num_days_from_monday() - first_day.num_days_from_monday()) % 7;
    let length = (next - first).num_days() as u32;
    let cells = (lead + length).div_ceil(7) * 7;
    let header: Vec<chrono::Weekday> = (0..7)
        .map(|i| {
            let mut day = first_day;
            for _ in 0..i {
                day = day.succ();
            }
            day
        })
        .collect();
    let can_go_back = previous.with_day(1) >= today.with_day(1);
    html! {
        div.calendar {
            div.calendar-head {
                h2 #month-label aria-live="polite" { (view.locale().month_year(first.year(), first.month())) }
                div.calendar-nav {
                    @if can_go_back {
                        a.icon-button href=(view.href(Some(previous), None, None)) aria-label=(t!(view.lang, "booker-previous-month")) data-nav { span.flip-rtl { "‹" } }
                    } @else {
                        span.icon-button.disabled aria-hidden="true" { span.flip-rtl { "‹" } }
                    }
                    a.icon-button href=(view.href(Some(next), None, None)) aria-label=(t!(view.lang, "booker-next-month")) data-nav { span.flip-rtl { "›" } }
                }
            }
            table.calendar-grid aria-labelledby="month-label" data-calendar {
                thead {
                    tr {
                        @for day in &header {
                            th scope="col" abbr=(view.locale().weekday_long(*day)) { (view.locale().weekday_short(*day)) }
                        }
                    }
                }
                tbody {
                    @for week in 0..(cells / 7) {
                        tr {
                            @for column in 0..7 {
                                @let index = week * 7 + column;
                                td {
                                    @if index >= lead && index < lead + length {
                                        @let date = first + Duration::days(i64::from(index - lead));
                                        @let count = days.get(&date).map_or(0, Vec::len);
                                        @let label = t!(view.lang, "booker-day-times", date = view.locale().long_date(date), count = count);
                                        @if count > 0 {
                                            @if view.date == Some(date) {
                                                a.day.available.selected href=(view.href(Some(first), Some(date), None)) aria-label=(label) aria-current="date" data-nav data-day { (date.day()) }
                                            } @else {
                                                a.day.available href=(view.href(Some(first), Some(date), None)) aria-label=(label) data-nav data-day { (date.day()) }
                                            }
                                        } @else {
                                            span.day.today[date == today] aria-label=(t!(view.lang, "booker-day-no-times", date = view.locale().long_date(date))) { (date.day()) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if days.is_empty() {
                p.muted.small.calendar-empty {
                    (t!(view.lang, "booker-month-empty")) " "
                    a href=(view.href(Some(next), None, None)) data-nav { (t!(view.lang, "booker-see-month", month = view.locale().month_year(next.year(), next.month()))) }
                }
            }
        }
    }
}

fn slot_list(view: &View, days: &Days) -> Markup {
    let toggle = |twelve: bool, label: &str| {
        let href = view
            .with(view.duration, twelve)
            .href(Some(view.month), view.date, None);
        html! {
            @if view.twelve_hour == twelve {
                a href=(href) aria-current="true" data-nav { (label) }
            } @else {
                a href=(href) data-nav { (label) }
            }
        }
    };
    html! {
        section.slots aria-labelledby="slots-title" {
            div.slots-head {
                @if let Some(date) = view.date {
                    h2 #slots-title { (view.locale().short_date(date)) }
                } @else {
                    h2 #slots-title.visually-hidden { (t!(view.lang, "booker-times")) }
                }
                div.segmented role="group" aria-label=(t!(view.lang, "booker-clock")) {
                    (toggle(true, "12h"))
                    (toggle(false, "24h"))
                }
            }
            @match view.date.and_then(|d| days.get(&d)) {
                Some(slots) => {
                    ul.slot-list data-slots {
                        @for slot in slots {
                            li {
                                a.slot href=(view.href(Some(view.month), view.date, Some(slot.start))) {
                                    span.slot-dot aria-hidden="true" {}
                                    (view.locale().time(slot.start.with_timezone(&view.zone)))
                                    @if let Some(seats) = slot.seats_remaining {
                                        span.seats { (t!(view.lang, "booker-seats-left", seats = seats)) }
                                    }
                                }
                            }
                        }
                    }
                }
                None => {
                    p.muted.slots-hint { (t!(view.lang, "booker-pick-a-day")) }
                }
            }
        }
    }
}

fn calendar_step(
    target: &Target,
    view: &View,
    days: &Days,
    now: DateTime<Utc>,
    moving: Option<&Booking>,
    error: Option<&str>,
) -> Markup {
    let today = now.with_timezone(&view.zone).date_naive();
    html! {
        div.booker #booker data-booker {
            (info(target, view, None, moving))
            div.booker-calendar {
                @if let Some(message) = error { (notice("error", message)) }
                (calendar(view, days, today))
                (zone_form(view))
            }
            (slot_list(view, days))
        }
    }
}

/// The booking form for a chosen slot, as typed and refused when it is shown again.
fn form_step(
    ctx: &Ctx,
    target: &Target,
    view: &View,
    slot: DateTime<Utc>,
    (form, errors): (&FormData, &FieldErrors),
    paying: &Paying,
) -> Markup {
    let input = &target.event_type.input;
    let back = view.href(Some(view.month), view.date, None);
    let lang = view.lang;
    let general: Vec<String> = ["start", "duration", "attendee.timeZone", "Idempotency-Key"]
        .iter()
        .filter_map(|field| errors.text(field, lang))
        .collect();
    let guests: Vec<&str> = form
        .all("guests")
        .into_iter()
        .filter(|g| !g.trim().is_empty())
        .collect();
    let field_error = |name: &str, label: &str| {
        html! {
            @if let Some(message) = errors.text(name, lang) {
                p.error id=(format!("{}-error", name.replace(['.', '[', ']'], "-"))) { (crate::web::layout::field_error(label, &message)) }
            }
        }
    };
    html! {
        div.booker.booker-form-step #booker data-booker {
            (info(target, view, Some(slot), None))
            section.booking-form aria-labelledby="form-title" {
                h2 #form-title { (t!(lang, "booker-your-details")) }
                @if !errors.is_empty() {
                    div.alert.alert-error role="alert" {
                        p { strong { (t!(lang, "form-correct-fields")) } }
                        @for message in &general { p { (message) } }
                    }
                }
                form method="post" action=(view.path) data-validate {
                    (csrf_field(&form_token(ctx, view.embed)))
                    input type="hidden" name="slot" value=(slot.format("%Y-%m-%dT%H:%M:%SZ"));
                    input type="hidden" name="duration" value=(view.duration);
                    (view.hidden_fields(&["duration"]))
                    div.field.invalid[errors.get("attendee.name").is_some()] {
                        label for="f-name" { (t!(lang, "booker-your-name")) span.required aria-hidden="true" { " *" } }
                        input #f-name type="text" name="name" value=(form.get("name")) autocomplete="name" required maxlength="200"
                            aria-invalid=[errors.get("attendee.name").map(|_| "true")]
                            aria-describedby=[errors.get("attendee.name").map(|_| "attendee-name-error")];
                        (field_error("attendee.name", &t!(lang, "booker-your-name")))
                    }
                    div.field.invalid[errors.get("attendee.email").is_some()] {
                        label for="f-email" { (t!(lang, "booker-email")) span.required aria-hidden="true" { " *" } }
                        input #f-email type="email" name="email" value=(form.get("email")) autocomplete="email" required
                            aria-invalid=[errors.get("attendee.email").map(|_| "true")]
                            aria-describedby=[errors.get("attendee.email").map(|_| "attendee-email-error")];
                        (field_error("attendee.email", &t!(lang, "booker-email")))
                    }
                    @if input.locations.len() > 1 {
                        fieldset.field.choices.invalid[errors.get("location").is_some()] {
                            legend { (t!(lang, "booker-where")) }
                            @for (i, location) in input.locations.iter().enumerate() {
                                @let id = format!("f-location-{i}");
                                @let chosen = form.get("location");
                                div.choice {
                                    input type="radio" id=(id) name="location" value=(location.choice_key())
                                        checked[chosen == location.choice_key() || (chosen.is_empty() && i == 0)];
                                    label for=(id) { (location_text(lang, location)) }
                                }
                            }
                            (field_error("location", &t!(lang, "booker-location")))
                        }
                    }
                    @for question in &input.questions {
                        (question_field(lang, question, form, errors))
                    }
                    details.guests open[!guests.is_empty() || errors.iter().any(|e| e.field.starts_with("guests"))] {
                        summary { (t!(lang, "booker-add-guests")) }
                        p.hint { (t!(lang, "booker-guests-hint")) }
                        div.guest-list data-guests {
                            @for i in 0..guests.len().max(1) {
                                @let name = format!("guests[{i}]");
                                div.field.invalid[errors.get(&name).is_some()] {
                                    label for=(format!("f-guest-{i}")) { (t!(lang, "booker-guest-email-n", n = i + 1)) }
                                    input id=(format!("f-guest-{i}")) type="email" name="guests" value=(guests.get(i).copied().unwrap_or_default()) autocomplete="off";
                                    (field_error(&name, &t!(lang, "booker-guest-email")))
                                }
                            }
                        }
                        @if let Some(message) = errors.text("guests", lang) { p.error { (crate::web::layout::field_error(&t!(lang, "booker-guests"), &message)) } }
                        button.button.ghost type="button" data-add-guest hidden { (t!(lang, "booker-add-another-guest")) }
                    }
                    @if let Some(price) = &input.price { (payment_note(lang, price, paying)) }
                    div.form-actions {
                        a.button.ghost href=(back) data-nav { (t!(lang, "booker-back")) }
                        button.button.primary type="submit" data-submit disabled[matches!(paying, Paying::Unavailable)] {
                            @if input.price.is_some() { (t!(lang, "pay-booker-continue")) }
                            @else if input.requires_confirmation { (t!(lang, "booker-request")) }
                            @else { (t!(lang, "booker-confirm")) }
                        }
                    }
                }
            }
        }
    }
}

/// Confirming a new time for a booking being rescheduled.
fn reschedule_step(
    ctx: &Ctx,
    target: &Target,
    view: &View,
    old: &Booking,
    slot: DateTime<Utc>,
    errors: &FieldErrors,
) -> Markup {
    let back = view.href(Some(view.month), view.date, None);
    let token = view
        .reschedule
        .as_ref()
        .map(|(_, t)| t.as_str())
        .unwrap_or_default();
    html! {
        div.booker.booker-form-step #booker data-booker {
            (info(target, view, Some(slot), Some(old)))
            section.booking-form aria-labelledby="form-title" {
                h2 #form-title { (t!(view.lang, "booker-confirm-new-time")) }
                (crate::web::layout::error_summary(errors))
                form method="post" action=(format!("/booking/{}/reschedule", old.uid)) {
                    (csrf_field(&form_token(ctx, view.embed)))
                    input type="hidden" name="token" value=(token);
                    input type="hidden" name="start" value=(slot.format("%Y-%m-%dT%H:%M:%SZ"));
                    input type="hidden" name="tz" value=(view.zone.name());
                    input type="hidden" name="h" value=(if view.twelve_hour { "12" } else { "24" });
                    @if view.embed { input type="hidden" name="embed" value="1"; }
                    (crate::web::layout::textarea_field("reason", &t!(view.lang, "booker-reschedule-reason"), "", Some(&t!(view.lang, "booker-reschedule-reason-hint")), false, errors))
                    div.form-actions {
                        a.button.ghost href=(back) data-nav { (t!(view.lang, "booker-back")) }
                        button.button.primary type="submit" data-submit { (t!(view.lang, "booker-reschedule")) }
                    }
                }
            }
        }
    }
}

/// `POST /{user}/{slug}`: books the chosen slot.
pub async fn book(ctx: &Ctx, target: &Target, form: FormData) -> Result<Response, WebError> {
    ctx.verify_public_form(form.get("csrf"))?;
    let now = ctx.state.clock.now();
    let query = BookerQuery {
        tz: form.get("tz").to_string(),
        duration: form.get("duration").to_string(),
        h: form.get("h").to_string(),
        slot: form.get("slot").to_string(),
        embed: form.get("embed").to_string(),
        ..BookerQuery::default()
    };
    let view = View::new(target, &query, now, ctx.conventions, ctx.lang);
    let Some(slot) = view.slot else {
        return Ok(Redirect::to(&view.href(None, None, None)).into_response());
    };
    if let Err(wait) = ctx.state.rate_limits.booking(ctx.address, now) {
        let seconds = crate::auth::throttle::retry_after_seconds(wait);
        return Err(WebError::TooManyRequests {
            retry_after_seconds: seconds,
            message: t!(
                view.lang,
                "booker-too-many-from-network",
                minutes = (seconds + 59) / 60
            ),
        });
    }
    let request = BookingRequest {
        event_type_id: target.event_type.id,
        start: Some(slot),
        duration_minutes: Some(view.duration),
        attendee: Attendee {
            name: form.get("name").to_string(),
            email: form.get("email").to_string(),
            time_zone: view.zone.name().to_string(),
            locale: Some(booking_locale(view.lang, ctx.locale.as_ref())),
        },
        guests: form.all("guests").into_iter().map(str::to_string).collect(),
        answers: answers_of(&target.event_type.input.questions, &form),
        location: Some(form.get("location").to_string()).filter(|l| !l.is_empty()),
        idempotency_key: None,
        booked_by: ctx.user.as_ref().map(|user| user.id),
        live_busy: Vec::new(),
    };
    let actor = match &ctx.user {
        Some(user) => crate::audit::Actor::User(user.id),
        None => crate::audit::Actor::Anonymous,
    };
    let settings = ctx.state.booking_settings();
    let result = booking::book(&ctx.state.db, request, settings, actor, &ctx.origin()).await;
    match result {
        Ok(outcome) => match outcome.manage_token {
            Some(token) => {
                let query = format::query(&[
                    ("token", &token),
                    ("h", if view.twelve_hour { "12" } else { "24" }),
                    ("embed", if view.embed { "1" } else { "" }),
                ]);
                // A paid event type's booking goes on to Stripe Checkout (which the public
                // pages' `form-action` allows); its page offers to pay again while the slot
                // is held.
                let next = if outcome.booking.status == BookingStatus::AwaitingPayment {
                    "/pay"
                } else {
                    ""
                };
                Ok(
                    Redirect::to(&format!("/booking/{}{next}{query}", outcome.booking.uid))
                        .into_response(),
                )
            }
            None => Ok(already_booked(ctx, &view)),
        },
        Err(BookingError::Invalid(errors)) => {
            let paying = paying(ctx, target).await?;
            let step = form_step(ctx, target, &view, slot, (&form, &errors), &paying);
            Ok(page(
                ctx,
                target,
                &view,
                StatusCode::UNPROCESSABLE_ENTITY,
                step,
            ))
        }
        Err(BookingError::Taken(_) | BookingError::NotBookable(_)) => {
            refused_back_to_calendar(ctx, target, &view, now, "booker-just-taken").await
        }
        Err(BookingError::RateLimited { cap, retry_after }) => {
            let seconds = crate::auth::throttle::retry_after_seconds(retry_after);
            Err(WebError::TooManyRequests {
                retry_after_seconds: seconds,
                message: match cap {
                    booking::Cap::EventType(_) => t!(
                        view.lang,
                        "booker-too-many-event-type",
                        minutes = (seconds + 59) / 60
                    ),
                    booking::Cap::Host(_) => t!(
                        view.lang,
                        "booker-too-many-host",
                        minutes = (seconds + 59) / 60
                    ),
                },
            })
        }
        Err(BookingError::WrongState(_)) if target.event_type.input.price.is_some() => {
            refused_back_to_calendar(ctx, target, &view, now, "pay-not-set-up").await
        }
        Err(BookingError::EventTypeNotFound) => Err(WebError::NotFound),
        Err(BookingError::Db(err)) => Err(err.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

/// The month calendar again, with why the booking was not made (409): the time was
/// taken, or the event type cannot be paid for now.
async fn refused_back_to_calendar(
    ctx: &Ctx,
    target: &Target,
    view: &View,
    now: DateTime<Utc>,
    why: &'static str,
) -> Result<Response, WebError> {
    let days = month_slots(ctx, target, view).await?;
    let body = calendar_step(
        target,
        view,
        &days,
        now,
        None,
        Some(&crate::i18n::message(view.lang, why, None)),
    );
    Ok(page(ctx, target, view, StatusCode::CONFLICT, body))
}

/// The locale a booking keeps for every later message to the invitee: the browser's when
/// it is in the page's language (`de-AT`), else the page's language with the browser's
/// region (`de-US` for a visitor in the US who chose German), else the page's language.
fn booking_locale(lang: Language, visitor: Option<&LanguageTag>) -> String {
    let Some(visitor) = visitor else {
        return lang.tag().to_string();
    };
    if Language::of_tag(visitor) == Some(lang) {
        return visitor.to_string();
    }
    match visitor.region() {
        Some(region) if !lang.tag().contains('-') => {
            LanguageTag::parse(&format!("{}-{region}", lang.tag()))
                .map_or_else(|_| lang.tag().to_string(), |tag| tag.to_string())
        }
        _ => lang.tag().to_string(),
    }
}

fn already_booked(ctx: &Ctx, view: &View) -> Response {
    let body = message_page(
        ctx.lang,
        &t!(view.lang, "booker-already-booked"),
        html! {
            p { (t!(view.lang, "booker-already-booked-text")) }
            p { a href=(view.href(None, None, None)) { (t!(view.lang, "booker-back-to-calendar")) } }
        },
    );
    respond(&ctx.state, StatusCode::OK, body)
}

/// The CSRF token for an invitee's form: bound to the browser's cookie, or signed when the
/// page is inside another site's frame (where the browser withholds our cookie).
pub(super) fn form_token(ctx: &Ctx, embed: bool) -> String {
    if embed {
        ctx.public_form_token()
    } else {
        ctx.csrf_token()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_booking_keeps_the_page_s_language_with_the_visitor_s_region() {
        let tag = |text: &str| LanguageTag::parse(text).ok();
        let kept = |lang, visitor: Option<LanguageTag>| booking_locale(lang, visitor.as_ref());
        assert_eq!(kept(Language::German, tag("de-AT")), "de-AT");
        assert_eq!(kept(Language::German, tag("en-US")), "de-US");
        assert_eq!(kept(Language::French, tag("en")), "fr");
        assert_eq!(kept(Language::French, None), "fr");
        assert_eq!(kept(Language::Portuguese, tag("en-US")), "pt-BR");
        assert_eq!(kept(Language::English, tag("en-GB")), "en-GB");
    }

    #[test]
    fn links_keep_the_zone_and_clock() {
        let view = View {
            path: "/ana/consultation".into(),
            zone: chrono_tz::America::New_York,
            month: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default(),
            month_given: false,
            date: None,
            duration: 30,
            durations: vec![30, 60],
            twelve_hour: true,
            slot: None,
            embed: false,
            reschedule: None,
            now: Utc::now(),
            month_first: false,
            first_day: chrono::Weekday::Mon,
            lang: Language::English,
        };
        assert_eq!(
            view.href(view.date, NaiveDate::from_ymd_opt(2026, 3, 30), None),
            "/ana/consultation?date=2026-03-30&tz=America%2FNew_York&h=12&duration=30"
        );
    }
}
