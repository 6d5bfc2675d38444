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
use crate::present::Locale;
use crate::scheduling::manage::{self, ManageError};
use crate::web::dashboard::{NoticeQuery, flash_notice, render, render_status, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, capitalize, checkbox_field, csrf_field, empty_state, field, notice, zone_options,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{CsrfForm, Ctx, WebError};

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
                let message = match err {
                    crate::model::time::TimeInputError::NotADate => "needs a date".to_string(),
                    other => other.to_string(),
                };
                errors.add(&format!("override.{i}"), message);
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
            Err(err) => {
                // The times themselves did not parse: say which day.
                let text = err.to_string();
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
                match day {
                    Some(day) => errors.add(
                        &format!("weekly.{day}"),
                        "has a time range that is not valid: give a start and an end such as 09:00 and 17:00, not equal",
                    ),
                    None => errors.add("dateOverrides", format!("are not valid: {text}")),
                }
                None
            }
        }
    }
}

fn summary(stored: &StoredSchedule) -> String {
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
            format!("{} {}", &capitalize(d.name())[..3], ranges.join(", "))
        })
        .collect();
    if parts.is_empty() {
        "No weekly hours".into()
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
    Ok(render(&ctx, &user, "Availability", CURRENT, body))
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
    html! {
        (message)
        div.page-head {
            div { h1 { "Availability" } p.muted { "When people can book you. Times are in each schedule's zone." } }
        }
        @if schedules.is_empty() {
            (empty_state("No schedules yet", "Create one to say when you work.", None))
        } @else {
            ul.list {
                @for schedule in schedules {
                    li {
                        div.list-main {
                            a.list-title href=(format!("{CURRENT}/{}", schedule.id)) { (schedule.name) }
                            div.list-sub {
                                span { (summary(schedule)) }
                                span.badge { (schedule.schedule.time_zone.name()) }
                                @if schedule.is_default { span.badge.ok { "Default" } }
                            }
                        }
                        div.list-actions { a.button.ghost.small href=(format!("{CURRENT}/{}", schedule.id)) { "Edit" } }
                    }
                }
            }
        }
        section.panel.spaced aria-labelledby="new-schedule" {
            h2 #new-schedule { "New schedule" }
            form.inline-form method="post" action=(CURRENT) {
                (csrf_field(&csrf))
                (field(&Field { name: "name", label: "Name", value: form.get("name"), required: true, placeholder: Some("Evenings"), ..Field::default() }, errors))
                button.button.primary type="submit" { "Create schedule" }
            }
        }
        section.panel.spaced aria-labelledby="ooo-title" {
            h2 #ooo-title { "Out of office" }
            p.muted { "Days you are away, in your time zone (" (zone.name()) "). No one can book you then." }
            @if away.is_empty() {
                p.muted.small { "No time away planned." }
            } @else {
                ul.list.compact {
                    @for entry in away {
                        li {
                            div.list-main {
                                span.list-title {
                                    (Locale::default().long_date(entry.start.with_timezone(&zone).date_naive()))
                                    " – "
                                    (Locale::default().long_date((entry.end - Duration::seconds(1)).with_timezone(&zone).date_naive()))
                                }
                                @if !entry.note.is_empty() { span.list-sub { (entry.note) } }
                            }
                            form method="post" action=(format!("/dashboard/out-of-office/{}/delete", entry.id)) {
                                (csrf_field(&csrf))
                                button.button.ghost.small type="submit" { "Remove" }
                            }
                        }
                    }
                }
            }
            h3.subhead { "Add time away" }
            form method="post" action="/dashboard/out-of-office" data-validate {
                (csrf_field(&csrf))
                div.two-col {
                    (field(&Field { name: "start", label: "First day", kind: "date", value: form.get("start"), required: true, ..Field::default() }, errors))
                    (field(&Field { name: "end", label: "Last day", kind: "date", value: form.get("end"), required: true, ..Field::default() }, errors))
                }
                (field(&Field { name: "note", label: "Note (only you see it)", value: form.get("note"), placeholder: Some("Holiday"), ..Field::default() }, errors))
                button.button.primary type="submit" { "Add" }
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
    Ok(render(ctx, user, "Availability", CURRENT, body))
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
    html! {
        (message)
        div.page-head {
            div {
                p.muted.small { a href=(CURRENT) { "← Availability" } }
                h1 { (draft.name) }
            }
        }
        @if !errors.is_empty() {
            div.alert.alert-error role="alert" {
                p { strong { "Please correct the highlighted fields." } }
                @for error in errors.iter() {
                    @if error.field.starts_with("weekly") || error.field.starts_with("date") || error.field.starts_with("override") {
                        p { (error.message) }
                    }
                }
            }
        }
        form.editor method="post" action=(format!("{CURRENT}/{id}")) {
            (csrf_field(&csrf))
            section.panel aria-labelledby="basics-title" {
                h2 #basics-title { "Schedule" }
                div.two-col {
                    (field(&Field { name: "name", label: "Name", value: &draft.name, required: true, ..Field::default() }, errors))
                    div.field.invalid[errors.get("timeZone").is_some()] {
                        label for="f-timeZone" { "Time zone" }
                        select #f-timeZone name="timeZone" data-zone-menu { (zone_options(&draft.zone, ctx.state.clock.now())) }
                        @if let Some(message) = errors.get("timeZone") { p.error { "Time zone " (message) } }
                    }
                }
                (checkbox_field("isDefault", "Default schedule", draft.is_default, Some("Used by event types that do not name a schedule.")))
                @if let Some(message) = errors.get("isDefault") { p.error { (message) } }
            }
            section.panel aria-labelledby="week-title" {
                h2 #week-title { "Weekly hours" }
                div.week {
                    @for (day, (on, ranges)) in DayOfWeek::ALL.iter().zip(&draft.days) {
                        @let name = day.name();
                        div.week-day.invalid[errors.get(&format!("weekly.{name}")).is_some()] {
                            (checkbox_field(&format!("{name}.on"), &capitalize(name), *on, None))
                            div.ranges {
                                @if *on {
                                    @for (i, (start, end)) in ranges.iter().enumerate() {
                                        div.range {
                                            label.visually-hidden for=(format!("f-{name}-{i}-start")) { (capitalize(name)) " range " (i + 1) " start" }
                                            input id=(format!("f-{name}-{i}-start")) type="time" name=(format!("{name}.start")) value=(start);
                                            span aria-hidden="true" { "–" }
                                            label.visually-hidden for=(format!("f-{name}-{i}-end")) { (capitalize(name)) " range " (i + 1) " end" }
                                            input id=(format!("f-{name}-{i}-end")) type="time" name=(format!("{name}.end")) value=(end);
                                            button.button.ghost.small type="submit" name="action" value=(format!("remove-range:{name}:{i}")) aria-label=(format!("Remove {} range {}", capitalize(name), i + 1)) { "✕" }
                                        }
                                    }
                                    div.row-tools {
                                        button.button.ghost.small type="submit" name="action" value=(format!("add-range:{name}")) { "+ Add hours" }
                                        button.button.ghost.small type="submit" name="action" value=(format!("copy:{name}")) { "Copy to all days" }
                                    }
                                } @else {
                                    p.unavailable { "Unavailable" }
                                }
                                @if let Some(message) = errors.get(&format!("weekly.{name}")) { p.error { (capitalize(name)) " " (message) } }
                            }
                        }
                    }
                }
                p.hint { "Tick a day and save to add its hours. A range that ends before it starts runs past midnight." }
            }
            section.panel aria-labelledby="overrides-title" {
                h2 #overrides-title { "Date overrides" }
                p.hint { "Different hours, or none, on single dates." }
                div.row-editor {
                    @for (i, (date, off, start, end)) in draft.overrides.iter().enumerate() {
                        div.row-card.invalid[errors.get(&format!("override.{i}")).is_some()] {
                            div.range {
                                label.visually-hidden for=(format!("f-ov-{i}")) { "Date" }
                                input id=(format!("f-ov-{i}")) type="date" name="override.date" value=(date);
                                label.visually-hidden for=(format!("f-ov-{i}-start")) { "From" }
                                input id=(format!("f-ov-{i}-start")) type="time" name="override.start" value=(start);
                                span aria-hidden="true" { "–" }
                                label.visually-hidden for=(format!("f-ov-{i}-end")) { "Until" }
                                input id=(format!("f-ov-{i}-end")) type="time" name="override.end" value=(end);
                                (checkbox_field(&format!("override.{i}.off"), "Unavailable all day", *off, None))
                                button.button.ghost.small type="submit" name="action" value=(format!("remove-override:{i}")) { "Remove" }
                            }
                            @if let Some(message) = errors.get(&format!("override.{i}")) { p.error { "Override " (message) } }
                        }
                    }
                    @if draft.overrides.is_empty() { p.muted.small { "No overrides." } }
                }
                button.button.ghost.small type="submit" name="action" value="add-override" { "+ Add an override" }
            }
            div.sticky-save {
                a.button.ghost href=(CURRENT) { "Back" }
                button.button.primary type="submit" name="action" value="save" { "Save changes" }
            }
        }
        @if !draft.is_default {
            section.panel.danger-zone.spaced aria-labelledby="delete-title" {
                h2 #delete-title { "Delete this schedule" }
                p.muted { "Event types using it fall back to your default schedule." }
                form method="post" action=(format!("{CURRENT}/{id}/delete")) data-confirm="Delete this schedule?" {
                    (csrf_field(&csrf))
                    button.button.danger type="submit" { "Delete schedule" }
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
            notice(
                "info",
                "Not saved yet: press “Save changes” when you are done.",
            ),
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
                notice("error", message),
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
        .map_err(|err| errors.add("start", err.to_string()))
        .ok();
    let last = crate::model::time::parse_date(form.get("end"))
        .map_err(|err| errors.add("end", err.to_string()))
        .ok();
    if let (Some(first), Some(last)) = (first, last)
        && last < first
    {
        errors.add("end", "must not be before the first day");
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
