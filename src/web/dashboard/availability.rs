//! Availability: schedules with a weekly editor (several ranges a day, copy to every day),
//! date overrides, time zone and default; and out-of-office time.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use chrono_tz::Tz;
use maud::{Markup, html};
use serde_json::{Value, json};

use crate::availability::DayOfWeek;
use crate::db::DbError;
use crate::db::schedules::{self as schedule_db, OutOfOffice};
use crate::db::users::User;
use crate::model::error::FieldErrors;
use crate::model::schedules::{
    OutOfOfficeInput, ScheduleInput, StoredSchedule, default_working_hours,
};
use crate::model::time::start_of_day;
use crate::present::{Language, Locale};
use crate::scheduling::manage::{self, ManageError};
use crate::web::dashboard::{NoticeQuery, flash_notice, render, render_status, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, checkbox_field, csrf_field, empty_state, field, field_error, notice, zone_options,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{CsrfForm, Ctx, WebError};
use crate::{reason, t};

const CURRENT: &str = "/dashboard/availability";

/// A schedule as the editor holds it: text, so a half-typed form can be shown again.
#[derive(Debug, Clone)]
struct Draft {
    name: String,
    zone: String,
    is_default: bool,
    /// Per weekday, Monday first: available, and its ranges.
    days: Vec<(bool, Vec<(String, String)>)>,
    /// Date, unavailable all day, start, end.
    overrides: Vec<(String, bool, String, String)>,
}

impl Draft {
    fn of(stored: &StoredSchedule) -> Draft {
        let schedule = &stored.schedule;
        Draft {
            name: stored.name.clone(),
            zone: schedule.time_zone.name().to_string(),
            is_default: stored.is_default,
            days: DayOfWeek::ALL
                .iter()
                .map(|day| {
                    let ranges: Vec<(String, String)> = schedule
                        .weekly
                        .day(*day)
                        .iter()
                        .map(|r| (r.start.to_string(), r.end.to_string()))
                        .collect();
                    (!ranges.is_empty(), ranges)
                })
                .collect(),
            overrides: schedule
                .date_overrides
                .iter()
                .map(|(date, ranges)| match ranges.first() {
                    Some(r) => (
                        date.to_string(),
                        false,
                        r.start.to_string(),
                        r.end.to_string(),
                    ),
                    None => (date.to_string(), true, String::new(), String::new()),
                })
                .chain(
                    schedule
                        .holidays
                        .iter()
                        .map(|d| (d.to_string(), true, String::new(), String::new())),
                )
                .collect(),
        }
    }

    fn from_form(form: &FormData) -> Draft {
        let days = DayOfWeek::ALL
            .iter()
            .map(|day| {
                let name = day.name();
                let starts = form.all(&format!("{name}.start"));
                let ends = form.all(&format!("{name}.end"));
                let ranges = starts
                    .iter()
                    .zip(ends.iter())
                    .map(|(s, e)| (s.to_string(), e.to_string()))
                    .collect();
                (form.has(&format!("{name}.on")), ranges)
            })
            .collect();
        let dates = form.all("override.date");
        let starts = form.all("override.start");
        let ends = form.all("override.end");
        let overrides = dates
            .iter()
            .enumerate()
            .map(|(i, date)| {
                (
                    date.to_string(),
                    form.has(&format!("override.{i}.off")),
                    starts.get(i).copied().unwrap_or_default().to_string(),
                    ends.get(i).copied().unwrap_or_default().to_string(),
                )
            })
            .collect();
        Draft {
            name: form.get("name").to_string(),
            zone: form.get("timeZone").to_string(),
            is_default: form.has("isDefault"),
            days,
            overrides,
        }
    }

    /// The schedule as the service takes it; ranges that cannot be read are field errors.
    fn input(&self, errors: &mut FieldErrors) -> Option<ScheduleInput> {
        let mut weekly = serde_json::Map::new();
        for (day, (on, ranges)) in DayOfWeek::ALL.iter().zip(&self.days) {
            if !on {
                continue;
            }
            let list: Vec<Value> = ranges
                .iter()
                .filter(|(s, e)| !s.is_empty() || !e.is_empty())
                .map(|(s, e)| json!({ "start": s, "end": e }))
                .collect();
            weekly.insert(day.name().to_string(), Value::Array(list));
        }
        let mut overrides = serde_json::Map::new();
        for (i, (date, off, start, end)) in self.overrides.iter().enumerate() {
            if let Err(err) = crate::model::time::parse_date(date) {
                let reason = match err {
                    crate::model::time::TimeInputError::NotADate => {
                        reason!("avail-error-needs-date")
                    }
                    other => other.reason(),
                };
                errors.refuse(&format!("override.{i}"), reason);
                continue;
            }
            let ranges = if *off {
                json!([])
            } else {
                json!([{ "start": start, "end": end }])
            };
            overrides.insert(date.clone(), ranges);
        }
        let value = json!({
            "name": self.name,
            "timeZone": self.zone,
            "isDefault": self.is_default,
            "weekly": weekly,
            "dateOverrides": overrides,
        });
        match serde_json::from_value::<ScheduleInput>(value) {
            Ok(input) => Some(input),
            Err(_) => {
                // The times themselves did not parse: say which day, or which date.
                let day = DayOfWeek::ALL
                    .iter()
                    .find(|d| {
                        self.days[d.days_from_monday() as usize]
                            .1
                            .iter()
                            .any(|(s, e)| crate::availability::TimeRange::parse(s, e).is_err())
                            && self.days[d.days_from_monday() as usize].0
                    })
                    .map(|d| d.name().to_string());
                let date = self.overrides.iter().position(|(_, off, start, end)| {
                    !off && crate::availability::TimeRange::parse(start, end).is_err()
                });
                match (day, date) {
                    (Some(day), _) => {
                        errors.refuse(&format!("weekly.{day}"), reason!("avail-error-range"))
                    }
                    (None, Some(i)) => {
                        errors.refuse(&format!("override.{i}"), reason!("avail-error-range"))
                    }
                    (None, None) => {
                        errors.refuse("dateOverrides", reason!("avail-error-overrides"))
                    }
                }
                None
            }
        }
    }
}

fn summary(lang: Language, stored: &StoredSchedule) -> String {
    let locale = Locale::english(false).in_language(lang);
    let weekly = &stored.schedule.weekly;
    let parts: Vec<String> = DayOfWeek::ALL
        .iter()
        .filter(|d| !weekly.day(**d).is_empty())
        .map(|d| {
            let ranges: Vec<String> = weekly
                .day(*d)
                .iter()
                .map(|r| format!("{}–{}", r.start, r.end))
                .collect();
            format!(
                "{} {}",
                locale.weekday_short(d.to_chrono()),
                ranges.join(", ")
            )
        })
        .collect();
    if parts.is_empty() {
        t!(lang, "avail-no-weekly-hours")
    } else {
        parts.join(" · ")
    }
}

pub async fn list(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let id = user.id;
    let (schedules, away) = ctx
        .state
        .db
        .read(move |conn| -> Result<_, DbError> {
            Ok((
                schedule_db::list_for_user(conn, id)?,
                schedule_db::list_out_of_office(conn, id)?,
            ))
        })
        .await?;
    let body = list_page(
        &ctx,
        &user,
        &schedules,
        &away,
        &FieldErrors::new(),
        &FormData::default(),
        flash_notice(&query.notice),
    );
    Ok(render(
        &ctx,
        &user,
        &t!(ctx.lang, "avail-title"),
        CURRENT,
        body,
    ))
}

fn list_page(
    ctx: &Ctx,
    user: &User,
    schedules: &[StoredSchedule],
    away: &[OutOfOffice],
    errors: &FieldErrors,
    form: &FormData,
    message: Markup,
) -> Markup {
    let csrf = ctx.csrf_token();
    let zone = user.time_zone;
    let lang = ctx.lang;
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    html! {
        (message)
        div.page-head {
            div { h1 { (t!(lang, "avail-title")) } p.muted { (t!(lang, "avail-intro")) } }
        }
        @if schedules.is_empty() {
            (empty_state(&t!(lang, "avail-empty-title"), &t!(lang, "avail-empty-text"), None))
        } @else {
            ul.list {
                @for schedule in schedules {
                    li {
                        div.list-main {
                            a.list-title href=(format!("{CURRENT}/{}", schedule.id)) { (schedule.name) }
                            div.list-sub {
                                span { (summary(lang, schedule)) }
                                span.badge { (schedule.schedule.time_zone.name()) }
                                @if schedule.is_default { span.badge.ok { (t!(lang, "avail-default")) } }
                            }
                        }
                        div.list-actions { a.button.ghost.small href=(format!("{CURRENT}/{}", schedule.id)) { (t!(lang, "avail-edit")) } }
                    }
                }
            }
        }
        section.panel.spaced aria-labelledby="new-schedule" {
            h2 #new-schedule { (t!(lang, "avail-new-schedule")) }
            form.inline-form method="post" action=(CURRENT) {
                (csrf_field(&csrf))
                (field(&Field { name: "name", label: &t!(lang, "avail-name"), value: form.get("name"), required: true, placeholder: Some(&t!(lang, "avail-name-placeholder")), ..Field::default() }, errors))
                button.button.primary type="submit" { (t!(lang, "avail-create")) }
            }
        }
        section.panel.spaced aria-labelledby="ooo-title" {
            h2 #ooo-title { (t!(lang, "avail-ooo")) }
            p.muted { (t!(lang, "avail-ooo-intro", zone = zone.name())) }
            @if away.is_empty() {
                p.muted.small { (t!(lang, "avail-ooo-none")) }
            } @else {
                ul.list.compact {
                    @for entry in away {
                        li {
                            div.list-main {
                                span.list-title {
                                    (locale.long_date(entry.start.with_timezone(&zone).date_naive()))
                                    " – "
                                    (locale.long_date((entry.end - Duration::seconds(1)).with_timezone(&zone).date_naive()))
                                }
                                @if !entry.note.is_empty() { span.list-sub { (entry.note) } }
                            }
                            form method="post" action=(format!("/dashboard/out-of-office/{}/delete", entry.id)) {
                                (csrf_field(&csrf))
                                button.button.ghost.small type="submit" { (t!(lang, "avail-remove")) }
                            }
                        }
                    }
                }
            }
            h3.subhead { (t!(lang, "avail-add-away")) }
            form method="post" action="/dashboard/out-of-office" data-validate {
                (csrf_field(&csrf))
                div.two-col {
                    (field(&Field { name: "start", label: &t!(lang, "avail-first-day"), kind: "date", value: form.get("start"), required: true, ..Field::default() }, errors))
                    (field(&Field { name: "end", label: &t!(lang, "avail-last-day"), kind: "date", value: form.get("end"), required: true, ..Field::default() }, errors))
                }
                (field(&Field { name: "note", label: &t!(lang, "avail-note"), value: form.get("note"), placeholder: Some(&t!(lang, "avail-note-placeholder")), ..Field::default() }, errors))
                button.button.primary type="submit" { (t!(lang, "avail-add")) }
            }
        }
    }
}

async fn reload_list(
    ctx: &Ctx,
    user: &User,
    errors: FieldErrors,
    form: &FormData,
) -> Result<Response, WebError> {
    let id = user.id;
    let (schedules, away) = ctx
        .state
        .db
        .read(move |conn| -> Result<_, DbError> {
            Ok((
                schedule_db::list_for_user(conn, id)?,
                schedule_db::list_out_of_office(conn, id)?,
            ))
        })
        .await?;
    let body = list_page(ctx, user, &schedules, &away, &errors, form, html! {});
    Ok(render(
        ctx,
        user,
        &t!(ctx.lang, "avail-title"),
        CURRENT,
        body,
    ))
}

pub async fn create(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let mut input = default_working_hours(user.time_zone);
    input.name = form.get("name").to_string();
    input.is_default = false;
    let (owner, now) = (user.clone(), ctx.state.clock.now());
    let result = ctx
        .state
        .db
        .write(move |tx| manage::create_schedule(tx, &owner, input, now))
        .await;
    saved_or_again(
        result,
        |created| redirect(format!("{CURRENT}/{}?notice=created", created.id)),
        |errors| reload_list(&ctx, &user, errors, &form),
    )
    .await
}

fn editor(ctx: &Ctx, id: i64, draft: &Draft, errors: &FieldErrors, message: Markup) -> Markup {
    let csrf = ctx.csrf_token();
    let lang = ctx.lang;
    let locale = Locale::english(false).in_language(lang);
    html! {
        (message)
        div.page-head {
            div {
                p.muted.small { a href=(CURRENT) { span.flip-rtl { "←" } " " (t!(lang, "avail-title")) } }
                h1 { (draft.name) }
            }
        }
        @if !errors.is_empty() {
            div.alert.alert-error role="alert" {
                p { strong { (t!(lang, "form-correct-fields")) } }
                @for error in errors.iter() {
                    @if error.field.starts_with("weekly") || error.field.starts_with("date") || error.field.starts_with("override") {
                        p { (error.text(lang)) }
                    }
                }
            }
        }
        form.editor method="post" action=(format!("{CURRENT}/{id}")) {
            (csrf_field(&csrf))
            section.panel aria-labelledby="basics-title" {
                h2 #basics-title { (t!(lang, "avail-schedule")) }
                div.two-col {
                    (field(&Field { name: "name", label: &t!(lang, "avail-name"), value: &draft.name, required: true, ..Field::default() }, errors))
                    div.field.invalid[errors.get("timeZone").is_some()] {
                        label for="f-timeZone" { (t!(lang, "avail-time-zone")) }
                        select #f-timeZone name="timeZone" data-zone-menu { (zone_options(lang, &draft.zone, ctx.state.clock.now())) }
                        @if let Some(message) = errors.text("timeZone", lang) { p.error { (field_error(&t!(lang, "avail-time-zone"), &message)) } }
                    }
                }
                (checkbox_field("isDefault", &t!(lang, "avail-default-schedule"), draft.is_default, Some(&t!(lang, "avail-default-hint"))))
                @if let Some(message) = errors.text("isDefault", lang) { p.error { (message) } }
            }
            section.panel aria-labelledby="week-title" {
                h2 #week-title { (t!(lang, "avail-weekly")) }
                div.week {
                    @for (day, (on, ranges)) in DayOfWeek::ALL.iter().zip(&draft.days) {
                        @let name = day.name();
                        @let day_name = locale.weekday_long(day.to_chrono());
                        div.week-day.invalid[errors.get(&format!("weekly.{name}")).is_some()] {
                            (checkbox_field(&format!("{name}.on"), &day_name, *on, None))
                            div.ranges {
                                @if *on {
                                    @for (i, (start, end)) in ranges.iter().enumerate() {
                                        div.range {
                                            label.visually-hidden for=(format!("f-{name}-{i}-start")) { (t!(lang, "avail-range-start", day = day_name.as_str(), n = i + 1)) }
                                            input id=(format!("f-{name}-{i}-start")) type="time" name=(format!("{name}.start")) value=(start);
                                            span aria-hidden="true" { "–" }
                                            label.visually-hidden for=(format!("f-{name}-{i}-end")) { (t!(lang, "avail-range-end", day = day_name.as_str(), n = i + 1)) }
                                            input id=(format!("f-{name}-{i}-end")) type="time" name=(format!("{name}.end")) value=(end);
                                            button.button.ghost.small type="submit" name="action" value=(format!("remove-range:{name}:{i}")) aria-label=(t!(lang, "avail-remove-range", day = day_name.as_str(), n = i + 1)) { "✕" }
                                        }
                                    }
                                    div.row-tools {
                                        button.button.ghost.small type="submit" name="action" value=(format!("add-range:{name}")) { (t!(lang, "avail-add-hours")) }
                                        button.button.ghost.small type="submit" name="action" value=(format!("copy:{name}")) { (t!(lang, "avail-copy-to-all")) }
                                    }
                                } @else {
                                    p.unavailable { (t!(lang, "avail-unavailable")) }
                                }
                                @if let Some(message) = errors.text(&format!("weekly.{name}"), lang) { p.error { (field_error(&day_name, &message)) } }
                            }
                        }
                    }
                }
                p.hint { (t!(lang, "avail-weekly-hint")) }
            }
            section.panel aria-labelledby="overrides-title" {
                h2 #overrides-title { (t!(lang, "avail-overrides")) }
                p.hint { (t!(lang, "avail-overrides-hint")) }
                div.row-editor {
                    @for (i, (date, off, start, end)) in draft.overrides.iter().enumerate() {
                        div.row-card.invalid[errors.get(&format!("override.{i}")).is_some()] {
                            div.range {
                                label.visually-hidden for=(format!("f-ov-{i}")) { (t!(lang, "avail-date")) }
                                input id=(format!("f-ov-{i}")) type="date" name="override.date" value=(date);
                                label.visually-hidden for=(format!("f-ov-{i}-start")) { (t!(lang, "avail-from")) }
                                input id=(format!("f-ov-{i}-start")) type="time" name="override.start" value=(start);
                                span aria-hidden="true" { "–" }
                                label.visually-hidden for=(format!("f-ov-{i}-end")) { (t!(lang, "avail-until")) }
                                input id=(format!("f-ov-{i}-end")) type="time" name="override.end" value=(end);
                                (checkbox_field(&format!("override.{i}.off"), &t!(lang, "avail-off-all-day"), *off, None))
                                button.button.ghost.small type="submit" name="action" value=(format!("remove-override:{i}")) { (t!(lang, "avail-remove")) }
                            }
                            @if let Some(message) = errors.text(&format!("override.{i}"), lang) { p.error { (field_error(&t!(lang, "avail-override"), &message)) } }
                        }
                    }
                    @if draft.overrides.is_empty() { p.muted.small { (t!(lang, "avail-no-overrides")) } }
                }
                button.button.ghost.small type="submit" name="action" value="add-override" { (t!(lang, "avail-add-override")) }
            }
            div.sticky-save {
                a.button.ghost href=(CURRENT) { (t!(lang, "avail-back")) }
                button.button.primary type="submit" name="action" value="save" { (t!(lang, "avail-save")) }
            }
        }
        @if !draft.is_default {
            section.panel.danger-zone.spaced aria-labelledby="delete-title" {
                h2 #delete-title { (t!(lang, "avail-delete-title")) }
                p.muted { (t!(lang, "avail-delete-text")) }
                form method="post" action=(format!("{CURRENT}/{id}/delete")) data-confirm=(t!(lang, "avail-delete-confirm")) {
                    (csrf_field(&csrf))
                    button.button.danger type="submit" { (t!(lang, "avail-delete")) }
                }
            }
        }
    }
}

async fn load(ctx: &Ctx, user: &User, id: i64) -> Result<StoredSchedule, WebError> {
    let owner = user.clone();
    Ok(ctx
        .state
        .db
        .read(move |conn| manage::schedule(conn, &owner, id))
        .await?)
}

pub async fn edit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let stored = load(&ctx, &user, id).await?;
    let body = editor(
        &ctx,
        id,
        &Draft::of(&stored),
        &FieldErrors::new(),
        flash_notice(&query.notice),
    );
    Ok(render(&ctx, &user, &stored.name, CURRENT, body))
}

fn apply_action(action: &str, draft: &mut Draft) -> bool {
    let parts: Vec<&str> = action.split(':').collect();
    let day_index = |name: &str| DayOfWeek::ALL.iter().position(|d| d.name() == name);
    match parts.as_slice() {
        ["add-range", day] => {
            let Some(i) = day_index(day) else {
                return false;
            };
            let next = match draft.days[i].1.last() {
                Some((_, end)) if !end.is_empty() && end.as_str() < "23:00" => {
                    let hour: u32 = end[..2].parse().unwrap_or(17);
                    (end.clone(), format!("{:02}:{}", hour + 1, &end[3..]))
                }
                _ => ("09:00".into(), "17:00".into()),
            };
            draft.days[i].0 = true;
            draft.days[i].1.push(next);
        }
        ["remove-range", day, index] => {
            let (Some(i), Ok(index)) = (day_index(day), index.parse::<usize>()) else {
                return false;
            };
            if index < draft.days[i].1.len() {
                draft.days[i].1.remove(index);
            }
            if draft.days[i].1.is_empty() {
                draft.days[i].0 = false;
            }
        }
        ["copy", day] => {
            let Some(i) = day_index(day) else {
                return false;
            };
            let source = draft.days[i].clone();
            for target in &mut draft.days {
                *target = source.clone();
            }
        }
        ["add-override"] => {
            draft
                .overrides
                .push((String::new(), true, "09:00".into(), "17:00".into()))
        }
        ["remove-override", index] => {
            let Ok(index) = index.parse::<usize>() else {
                return false;
            };
            if index < draft.overrides.len() {
                draft.overrides.remove(index);
            }
        }
        _ => return false,
    }
    true
}

pub async fn save(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let stored = load(&ctx, &user, id).await?;
    let mut draft = Draft::from_form(&form);
    // A day ticked without hours gets the usual ones to start from.
    for (on, ranges) in &mut draft.days {
        if *on && ranges.is_empty() {
            ranges.push(("09:00".into(), "17:00".into()));
        }
    }
    if apply_action(form.get("action"), &mut draft) {
        let body = editor(
            &ctx,
            id,
            &draft,
            &FieldErrors::new(),
            notice("info", &t!(ctx.lang, "avail-not-saved")),
        );
        return Ok(render(&ctx, &user, &stored.name, CURRENT, body));
    }
    let mut errors = FieldErrors::new();
    let input = draft.input(&mut errors);
    let result = match input {
        Some(input) if errors.is_empty() => {
            let patch = serde_json::to_value(&input).unwrap_or(Value::Null);
            let (owner, now) = (user.clone(), ctx.state.clock.now());
            ctx.state
                .db
                .write(move |tx| manage::update_schedule(tx, &owner, id, patch, now))
                .await
        }
        _ => Err(ManageError::Invalid(errors)),
    };
    saved_or_again(
        result,
        |_| redirect(format!("{CURRENT}/{id}?notice=saved")),
        |errors| async move {
            let body = editor(&ctx, id, &draft, &errors, html! {});
            Ok(render(&ctx, &user, &stored.name, CURRENT, body))
        },
    )
    .await
}

pub async fn delete(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<CsrfForm>,
) -> Result<Response, WebError> {
    let owner = user.clone();
    let result = ctx
        .state
        .db
        .write(move |tx| manage::delete_schedule(tx, &owner, id))
        .await;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("{CURRENT}?notice=deleted")).into_response()),
        Err(ManageError::Conflict(message)) => {
            let stored = load(&ctx, &user, id).await?;
            let body = editor(
                &ctx,
                id,
                &Draft::of(&stored),
                &FieldErrors::new(),
                notice("error", &message.text(ctx.lang)),
            );
            Ok(render_status(
                &ctx,
                &user,
                &stored.name,
                CURRENT,
                StatusCode::CONFLICT,
                body,
            ))
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn add_out_of_office(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let zone: Tz = user.time_zone;
    let mut errors = FieldErrors::new();
    let first = crate::model::time::parse_date(form.get("start"))
        .map_err(|err| errors.refuse("start", err.reason()))
        .ok();
    let last = crate::model::time::parse_date(form.get("end"))
        .map_err(|err| errors.refuse("end", err.reason()))
        .ok();
    if let (Some(first), Some(last)) = (first, last)
        && last < first
    {
        errors.refuse("end", reason!("avail-error-before-first-day"));
    }
    let range = match (first, last) {
        (Some(first), Some(last)) if errors.is_empty() => {
            match (
                start_of_day(zone, first),
                last.succ_opt().and_then(|d| start_of_day(zone, d)),
            ) {
                (Some(start), Some(end)) => Some((start, end)),
                _ => None,
            }
        }
        _ => None,
    };
    let result = match range {
        Some((start, end)) => {
            let input = OutOfOfficeInput {
                start,
                end,
                note: form.get("note").to_string(),
            };
            let (owner, now) = (user.clone(), ctx.state.clock.now());
            ctx.state
                .db
                .write(move |tx| manage::add_out_of_office(tx, &owner, input, now))
                .await
                .map(|_| ())
        }
        None => Err(ManageError::Invalid(errors)),
    };
    saved_or_again(
        result,
        |()| redirect(format!("{CURRENT}?notice=ooo-added")),
        |errors| reload_list(&ctx, &user, errors, &form),
    )
    .await
}

pub async fn delete_out_of_office(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<CsrfForm>,
) -> Result<Response, WebError> {
    ctx.state
        .db
        .write(move |tx| manage::delete_out_of_office(tx, &user, id))
        .await?;
    Ok(Redirect::to(&format!("{CURRENT}?notice=ooo-removed")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft {
            name: "Hours".into(),
            zone: "Europe/Berlin".into(),
            is_default: true,
            days: vec![(true, vec![("09:00".into(), "12:00".into())]); 1]
                .into_iter()
                .chain(std::iter::repeat_n((false, Vec::new()), 6))
                .collect(),
            overrides: Vec::new(),
        }
    }

    #[test]
    fn ranges_are_added_after_the_last_and_copied_to_every_day() {
        let mut d = draft();
        assert!(apply_action("add-range:monday", &mut d));
        assert_eq!(d.days[0].1[1], ("12:00".to_string(), "13:00".to_string()));
        assert!(apply_action("copy:monday", &mut d));
        assert!(d.days.iter().all(|(on, ranges)| *on && ranges.len() == 2));
        assert!(apply_action("remove-range:sunday:0", &mut d));
        assert_eq!(d.days[6].1.len(), 1);
    }

    #[test]
    fn a_draft_becomes_a_schedule_input() {
        let mut errors = FieldErrors::new();
        let mut d = draft();
        d.overrides
            .push(("2026-04-03".into(), true, String::new(), String::new()));
        let input = d.input(&mut errors).expect("valid");
        assert!(errors.is_empty());
        assert_eq!(input.weekly.monday.len(), 1);
        assert!(input.date_overrides.values().all(Vec::is_empty));
        d.days[0].1[0].1 = "09:00".into();
        assert!(d.input(&mut errors).is_none());
        assert!(errors.get("weekly.monday").is_some());
    }
}
