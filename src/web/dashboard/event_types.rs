//! Event types: the list, creating, the editor (basics, availability, limits, questions,
//! advanced), duplicating, hiding and deleting. Field names are the API's, so the service's
//! error messages land next to the right inputs.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::Value;

use crate::access::{self, Action};
use crate::db::schedules::{self as schedule_db};
use crate::db::teams::{self, Team, TeamRole};
use crate::db::users::{self, User};
use crate::db::{DbError, event_types};
use crate::model::error::FieldErrors;
use crate::model::event_types::{
    EventHost, EventType, EventTypeInput, HostPriority, Limits, Location, SchedulingKind,
    VideoProvider, Window, slug_from_title,
};
use crate::model::questions::{Question, QuestionKind};
use crate::model::schedules::StoredSchedule;
use crate::present::{Language, Locale};
use crate::scheduling::manage::{self, ManageError};
use crate::web::dashboard::payments;
use crate::web::dashboard::{NoticeQuery, flash_notice, render, render_status, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, checkbox_field, csrf_field, empty_state, error_summary, field, field_error, mark,
    marked, notice, select_field, textarea_field,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{CsrfForm, Ctx, WebError};
use crate::{reason, t};

const CURRENT: &str = "/dashboard/event-types";

/// What the list shows about each event type.
struct Listed {
    event_type: EventType,
    /// Whether the viewer may change it (team members only see their team's).
    may_manage: bool,
    public_path: Option<String>,
    team: Option<Team>,
}

fn public_path(event_type: &EventType, user: &User, team: Option<&Team>) -> Option<String> {
    match (event_type.owner_user_id, team) {
        (Some(_), _) => Some(format!("/{}/{}", user.username, event_type.input.slug)),
        (None, Some(team)) => Some(format!("/team/{}/{}", team.slug, event_type.input.slug)),
        _ => None,
    }
}

pub async fn list(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let owner = user.clone();
    let listed = ctx
        .state
        .db
        .read(move |conn| -> Result<Vec<Listed>, DbError> {
            let mut out = Vec::new();
            for event_type in event_types::list_for_user(conn, owner.id)? {
                let team = match event_type.input.team_id {
                    Some(id) => teams::get(conn, id)?,
                    None => None,
                };
                out.push(Listed {
                    may_manage: access::event_type(conn, &owner, &event_type, Action::Manage)?
                        .is_allowed(),
                    public_path: public_path(&event_type, &owner, team.as_ref()),
                    event_type,
                    team,
                });
            }
            Ok(out)
        })
        .await?;
    let base = ctx.state.base_url();
    let csrf = ctx.csrf_token();
    let lang = ctx.lang;
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    let public_page =
        html! { a href=(format!("/{}", user.username)) { (base) "/" (user.username) } };
    let body = html! {
        (flash_notice(&query.notice))
        div.page-head {
            div {
                h1 { (t!(lang, "et-title")) }
                p.muted {
                    (marked(&t!(lang, "et-list-intro", page = mark(0)), &[public_page]))
                    " " button.button.ghost.small type="button" data-copy-text=(format!("{base}/{}", user.username)) data-copy="" hidden { (t!(lang, "et-copy-link")) }
                }
            }
            div.actions { a.button.primary href="/dashboard/event-types/new" { (t!(lang, "et-new")) } }
        }
        @if listed.is_empty() {
            (empty_state(
                &t!(lang, "et-empty-title"),
                &t!(lang, "et-empty-text"),
                Some(html! { a.button.primary href="/dashboard/event-types/new" { (t!(lang, "et-create-first")) } }),
            ))
        } @else {
            ul.list {
                @for item in &listed {
                    @let event_type = &item.event_type;
                    @let id = event_type.id;
                    li {
                        div.list-main {
                            a.list-title href=(format!("/dashboard/event-types/{id}")) { (event_type.input.title) }
                            div.list-sub {
                                @if let Some(path) = &item.public_path { span { (path) } }
                                span.badge { (event_type.input.durations_minutes.iter().map(|m| locale.duration(*m)).collect::<Vec<_>>().join(" / ")) }
                                @if let Some(team) = &item.team { span.badge.accent { (t!(lang, "et-team-badge", team = team.name.as_str())) } }
                                @if event_type.input.hidden { span.badge.warn { (t!(lang, "et-hidden")) } }
                                @if event_type.input.requires_confirmation { span.badge { (t!(lang, "et-needs-confirmation")) } }
                                @if let Some(price) = &event_type.input.price { (payments::price_badge(lang, price)) }
                            }
                        }
                        div.list-actions {
                            @if let Some(path) = &item.public_path {
                                a.button.ghost.small href=(path) target="_blank" { (t!(lang, "et-open")) }
                                button.button.ghost.small type="button" data-copy-text=(format!("{base}{path}")) data-copy="" hidden { (t!(lang, "et-copy-link")) }
                            }
                            @if !item.may_manage {
                                a.button.ghost.small href=(format!("/dashboard/event-types/{id}")) { (t!(lang, "et-view")) }
                            } @else {
                                a.button.ghost.small href=(format!("/dashboard/event-types/{id}")) { (t!(lang, "et-edit")) }
                                form method="post" action=(format!("/dashboard/event-types/{id}/duplicate")) {
                                    (csrf_field(&csrf))
                                    button.button.ghost.small type="submit" { (t!(lang, "et-duplicate")) }
                                }
                                form method="post" action=(format!("/dashboard/event-types/{id}/hide")) {
                                    (csrf_field(&csrf))
                                    button.button.ghost.small type="submit" { @if event_type.input.hidden { (t!(lang, "et-show")) } @else { (t!(lang, "et-hide")) } }
                                }
                                form method="post" action=(format!("/dashboard/event-types/{id}/delete")) data-confirm=(t!(lang, "et-delete-confirm", title = event_type.input.title.as_str())) {
                                    (csrf_field(&csrf))
                                    button.button.ghost.small.danger type="submit" { (t!(lang, "et-delete")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(render(&ctx, &user, &t!(lang, "et-title"), CURRENT, body))
}

// ---- creating ------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    team: String,
}

/// Teams in which the user may create event types: every team for administrators, the
/// teams they administer for others.
async fn managed_teams(ctx: &Ctx, user: &User) -> Result<Vec<Team>, WebError> {
    let (id, admin) = (user.id, access::administration(user).is_allowed());
    Ok(ctx
        .state
        .db
        .read(move |conn| -> Result<Vec<Team>, DbError> {
            Ok(teams::listed_for(conn, id, admin)?
                .into_iter()
                .filter(|(_, role)| admin || *role == Some(TeamRole::Admin))
                .map(|(team, _)| team)
                .collect())
        })
        .await?)
}

fn new_form(ctx: &Ctx, form: &FormData, teams: &[Team], errors: &FieldErrors) -> Markup {
    let lang = ctx.lang;
    let mut owners: Vec<(String, String)> = vec![(String::new(), t!(lang, "et-owner-just-me"))];
    owners.extend(teams.iter().map(|team| {
        (
            team.id.to_string(),
            t!(lang, "et-team-badge", team = team.name.as_str()),
        )
    }));
    let owner_options: Vec<(&str, &str)> = owners
        .iter()
        .map(|(v, l)| (v.as_str(), l.as_str()))
        .collect();
    html! {
        div.page-head { div { h1 { (t!(lang, "et-new")) } p.muted { (t!(lang, "et-new-intro")) } } }
        section.panel.narrow {
            (error_summary(errors))
            form method="post" action="/dashboard/event-types" data-validate {
                (csrf_field(&ctx.csrf_token()))
                (field(&Field { name: "title", label: &t!(lang, "et-field-title"), value: form.get("title"), required: true, autofocus: true, placeholder: Some(&t!(lang, "et-title-placeholder")), ..Field::default() }, errors))
                (field(&Field { name: "slug", label: &t!(lang, "et-field-slug"), value: form.get("slug"), hint: Some(&t!(lang, "et-new-slug-hint")), placeholder: Some(&t!(lang, "et-slug-placeholder")), ..Field::default() }, errors))
                (textarea_field("description", &t!(lang, "et-field-description"), form.get("description"), Some(&t!(lang, "et-new-description-hint")), false, errors))
                (field(&Field { name: "durationsMinutes", label: &t!(lang, "et-field-duration"), value: if form.has("durationsMinutes") { form.get("durationsMinutes") } else { "30" }, hint: Some(&t!(lang, "et-duration-hint")), required: true, inputmode: Some("numeric"), ..Field::default() }, errors))
                @if !teams.is_empty() {
                    (select_field("teamId", &t!(lang, "et-field-owner"), &owner_options, form.get("teamId"), Some(&t!(lang, "et-owner-hint")), errors))
                }
                div.form-actions {
                    a.button.ghost href=(CURRENT) { (t!(lang, "et-cancel")) }
                    button.button.primary type="submit" { (t!(lang, "et-continue")) }
                }
            }
        }
    }
}

pub async fn new_page(ctx: Ctx, Query(query): Query<NewQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let teams = managed_teams(&ctx, &user).await?;
    let form = FormData(vec![("teamId".into(), query.team)]);
    let body = new_form(&ctx, &form, &teams, &FieldErrors::new());
    Ok(render(&ctx, &user, &t!(ctx.lang, "et-new"), CURRENT, body))
}

fn parse_durations(text: &str, errors: &mut FieldErrors) -> Vec<u32> {
    let mut out = Vec::new();
    for part in text.split([',', ' ', ';']).filter(|p| !p.trim().is_empty()) {
        match part.trim().parse::<u32>() {
            Ok(minutes) => out.push(minutes),
            Err(_) => {
                errors.refuse("durationsMinutes", reason!("et-error-durations"));
                return out;
            }
        }
    }
    out
}

pub async fn create(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let mut errors = FieldErrors::new();
    let durations = parse_durations(form.get("durationsMinutes"), &mut errors);
    let team_id = form.get("teamId").parse::<i64>().ok();
    let slug = match form.get("slug").trim() {
        "" => slug_from_title(form.get("title")),
        given => given.to_string(),
    };
    let (scheduling_type, hosts) = match team_id {
        Some(_) => (
            SchedulingKind::RoundRobin,
            vec![EventHost {
                user_id: user.id,
                round_robin_group: None,
                priority: HostPriority::Medium,
                weight: 100,
            }],
        ),
        None => (SchedulingKind::Individual, Vec::new()),
    };
    let input = EventTypeInput {
        title: form.get("title").to_string(),
        slug,
        description: form.get("description").to_string(),
        durations_minutes: durations,
        slot_interval_minutes: None,
        minimum_notice_minutes: 0,
        before_buffer_minutes: 0,
        after_buffer_minutes: 0,
        booking_window: Window::Unlimited,
        booking_limits: Limits::default(),
        duration_limits_minutes: Limits::default(),
        seats_per_slot: None,
        only_first_slot_per_day: false,
        locations: Vec::new(),
        questions: Vec::new(),
        requires_confirmation: false,
        pending_blocks_slot: true,
        hidden: false,
        language: None,
        price: None,
        schedule_id: None,
        team_id,
        scheduling_type,
        hosts,
    };
    let result = if errors.is_empty() {
        let (owner, now) = (user.clone(), ctx.state.clock.now());
        ctx.state
            .db
            .write(move |tx| manage::create_event_type(tx, &owner, input, now))
            .await
    } else {
        Err(ManageError::Invalid(with_field_checks(&input, errors)))
    };
    saved_or_again(
        result,
        |created| redirect(format!("{CURRENT}/{}?notice=created", created.id)),
        |errors| async move {
            let teams = managed_teams(&ctx, &user).await?;
            let body = new_form(&ctx, &form, &teams, &errors);
            Ok(render(&ctx, &user, &t!(ctx.lang, "et-new"), CURRENT, body))
        },
    )
    .await
}

// ---- the editor ----------------------------------------------------------------------------

/// What the editor needs besides the event type.
struct EditorContext {
    schedules: Vec<StoredSchedule>,
    /// Members of the owning team, for hosts.
    members: Vec<User>,
    team: Option<Team>,
    public_url: String,
    /// Whether the viewer may change it; a team's members only see its settings.
    may_manage: bool,
    /// Whether Stripe is set up, so that a price can be paid.
    payments_ready: bool,
    /// Whether the viewer is an administrator (who can set Stripe up).
    admin: bool,
}

async fn editor_context(
    ctx: &Ctx,
    user: &User,
    event_type: &EventType,
) -> Result<EditorContext, WebError> {
    // An administrator may edit someone else's event type: the owner's schedules and
    // address apply.
    let (viewer, owner_id, team_id) = (
        user.clone(),
        event_type.owner_user_id,
        event_type.input.team_id,
    );
    let slug = event_type.input.slug.clone();
    let base = ctx.state.base_url();
    let admin = access::administration(user).is_allowed();
    let shown = event_type.clone();
    Ok(ctx
        .state
        .db
        .read(move |conn| -> Result<EditorContext, DbError> {
            let may_manage =
                access::event_type(conn, &viewer, &shown, Action::Manage)?.is_allowed();
            let owner = match owner_id {
                Some(id) if id != viewer.id => users::by_id(conn, id)?.unwrap_or(viewer),
                _ => viewer,
            };
            let schedules = schedule_db::list_for_user(conn, owner.id)?;
            let payments_ready = crate::db::payments::hold(conn)?.is_some();
            let mut members = Vec::new();
            let mut team = None;
            if let Some(team_id) = team_id {
                team = teams::get(conn, team_id)?;
                for (id, _) in teams::members(conn, team_id)? {
                    if let Some(member) = users::by_id(conn, id)? {
                        members.push(member);
                    }
                }
            }
            let path = match &team {
                Some(team) => format!("/team/{}/{slug}", team.slug),
                None => format!("/{}/{slug}", owner.username),
            };
            Ok(EditorContext {
                may_manage,
                payments_ready,
                admin,
                schedules,
                members,
                team,
                public_url: format!("{base}{path}"),
            })
        })
        .await?)
}

async fn load(ctx: &Ctx, user: &User, id: i64) -> Result<EventType, WebError> {
    let owner = user.clone();
    Ok(ctx
        .state
        .db
        .read(move |conn| manage::event_type(conn, &owner, id, Action::View))
        .await?)
}

pub async fn edit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let event_type = load(&ctx, &user, id).await?;
    let context = editor_context(&ctx, &user, &event_type).await?;
    let body = editor(
        &ctx,
        id,
        &event_type.input,
        &context,
        (None, &FieldErrors::new()),
        flash_notice(&query.notice),
    );
    Ok(render(&ctx, &user, &event_type.input.title, CURRENT, body))
}

fn number_text(value: Option<u32>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn number_field(
    name: &str,
    label: &str,
    value: Option<u32>,
    hint: Option<&str>,
    errors: &FieldErrors,
) -> Markup {
    let text = number_text(value);
    field(
        &Field {
            name,
            label,
            kind: "number",
            value: &text,
            hint,
            min: Some("0"),
            inputmode: Some("numeric"),
            ..Field::default()
        },
        errors,
    )
}

/// The answer types of a booking question, as the form names them.
const KINDS: [&str; 10] = [
    "text",
    "textarea",
    "email",
    "phone",
    "number",
    "select",
    "multiselect",
    "radio",
    "checkbox",
    "date",
];

/// The answer types with their names in `lang`.
fn kind_options(lang: Language) -> Vec<(&'static str, String)> {
    KINDS
        .iter()
        .map(|kind| {
            let label = match *kind {
                "text" => t!(lang, "et-kind-text"),
                "textarea" => t!(lang, "et-kind-textarea"),
                "email" => t!(lang, "et-kind-email"),
                "phone" => t!(lang, "et-kind-phone"),
                "number" => t!(lang, "et-kind-number"),
                "select" => t!(lang, "et-kind-select"),
                "multiselect" => t!(lang, "et-kind-multiselect"),
                "radio" => t!(lang, "et-kind-radio"),
                "checkbox" => t!(lang, "et-kind-checkbox"),
                _ => t!(lang, "et-kind-date"),
            };
            (*kind, label)
        })
        .collect()
}

fn kind_name(kind: QuestionKind) -> &'static str {
    match serde_json::to_value(kind) {
        Ok(Value::String(name)) => KINDS
            .iter()
            .find(|value| **value == name)
            .map_or("text", |value| value),
        _ => "text",
    }
}

/// The service's errors on the editor's fields: a video location's provider is chosen
/// in the location's "Kind" menu.
fn on_editor(errors: FieldErrors) -> FieldErrors {
    let mut mapped = FieldErrors::new();
    for error in errors.iter() {
        let field = match error.field.strip_suffix(".provider") {
            Some(location) if location.starts_with("locations[") => format!("{location}.type"),
            _ => error.field.clone(),
        };
        mapped.push_as(&field, error);
    }
    mapped
}

/// A video location without a link yet, hosted by `provider`.
fn video(provider: VideoProvider) -> Location {
    Location::Video {
        provider,
        url: None,
    }
}

fn location_value(location: &Location) -> String {
    match location {
        Location::InPerson { address } => address.clone(),
        Location::Phone { number } => number.clone(),
        Location::Link { url } => url.clone(),
        Location::Video { .. } => String::new(),
    }
}

/// The editor of event type `id` showing `input`; `typed` is the form as submitted when
/// it is shown again (with `errors`), for the fields whose text is kept as typed.
fn editor(
    ctx: &Ctx,
    id: i64,
    input: &EventTypeInput,
    context: &EditorContext,
    (typed, errors): (Option<&FormData>, &FieldErrors),
    message: Markup,
) -> Markup {
    let lang = ctx.lang;
    let window_kind = match input.booking_window {
        Window::Unlimited => "unlimited",
        Window::RollingCalendarDays { .. } => "rollingCalendarDays",
        Window::RollingBusinessDays { .. } => "rollingBusinessDays",
        Window::DateRange { .. } => "dateRange",
    };
    let (window_days, window_start, window_end) = match input.booking_window {
        Window::RollingCalendarDays { days } | Window::RollingBusinessDays { days } => {
            (Some(days), String::new(), String::new())
        }
        Window::DateRange { start, end } => (None, start.to_string(), end.to_string()),
        Window::Unlimited => (None, String::new(), String::new()),
    };
    let durations = input
        .durations_minutes
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let schedule_options: Vec<(String, String)> =
        std::iter::once((String::new(), t!(lang, "et-my-default-schedule")))
            .chain(context.schedules.iter().map(|s| {
                let name = if s.is_default {
                    t!(lang, "et-schedule-default", name = s.name.as_str())
                } else {
                    s.name.clone()
                };
                (s.id.to_string(), name)
            }))
            .collect();
    let schedule_refs: Vec<(&str, &str)> = schedule_options
        .iter()
        .map(|(v, l)| (v.as_str(), l.as_str()))
        .collect();
    let selected_schedule = input.schedule_id.map(|s| s.to_string()).unwrap_or_default();
    let limit_fields = |prefix: &str, limits: &Limits, labels: [String; 4]| {
        let [day, week, month, year] = labels;
        html! {
            div.two-col {
                @for (name, label, value) in [("perDay", day, limits.per_day), ("perWeek", week, limits.per_week), ("perMonth", month, limits.per_month), ("perYear", year, limits.per_year)] {
                    (number_field(&format!("{prefix}.{name}"), &label, value, None, errors))
                }
            }
        }
    };
    let booking_limit_labels = [
        t!(lang, "et-limit-day-bookings"),
        t!(lang, "et-limit-week-bookings"),
        t!(lang, "et-limit-month-bookings"),
        t!(lang, "et-limit-year-bookings"),
    ];
    let time_limit_labels = [
        t!(lang, "et-limit-day-minutes"),
        t!(lang, "et-limit-week-minutes"),
        t!(lang, "et-limit-month-minutes"),
        t!(lang, "et-limit-year-minutes"),
    ];
    let location_kinds = [
        ("inPerson", t!(lang, "et-location-in-person")),
        ("phone", t!(lang, "et-location-phone")),
        ("link", t!(lang, "et-location-link")),
        ("video", t!(lang, "et-location-video")),
        ("googleMeet", t!(lang, "et-location-google-meet")),
        ("teams", t!(lang, "et-location-teams")),
        ("zoom", t!(lang, "et-location-zoom")),
    ];
    let scheduling_kinds = [
        ("roundRobin", t!(lang, "et-round-robin")),
        ("collective", t!(lang, "et-collective")),
    ];
    let priorities = [
        ("lowest", t!(lang, "et-priority-lowest")),
        ("low", t!(lang, "et-priority-low")),
        ("medium", t!(lang, "et-priority-medium")),
        ("high", t!(lang, "et-priority-high")),
        ("highest", t!(lang, "et-priority-highest")),
    ];
    let windows = [
        ("unlimited", t!(lang, "et-window-unlimited")),
        ("rollingCalendarDays", t!(lang, "et-window-calendar-days")),
        ("rollingBusinessDays", t!(lang, "et-window-business-days")),
        ("dateRange", t!(lang, "et-window-date-range")),
    ];
    let kinds = kind_options(lang);
    let turn_group_text = t!(
        lang,
        "et-turn-group-text",
        group = mark(0),
        first = mark(1),
        second = mark(2)
    );
    html! {
        (message)
        div.page-head {
            div {
                p.muted.small { a href=(CURRENT) { span.flip-rtl { "←" } " " (t!(lang, "et-title")) } }
                h1 { (input.title) }
                p.muted { a href=(context.public_url) target="_blank" { (context.public_url) } }
            }
            div.actions {
                button.button.ghost type="button" data-copy-text=(context.public_url) data-copy="" hidden { (t!(lang, "et-copy-link")) }
                a.button.ghost href=(context.public_url) target="_blank" { (t!(lang, "et-preview")) }
            }
        }
        nav.section-nav aria-label=(t!(lang, "et-sections")) {
            a href="#basics" { (t!(lang, "et-basics")) } a href="#availability" { (t!(lang, "et-availability")) } a href="#limits" { (t!(lang, "et-limits")) }
            a href="#questions" { (t!(lang, "et-questions")) } a href="#payment" { (t!(lang, "pay-et-section")) } a href="#advanced" { (t!(lang, "et-advanced")) } a href="#embed" { (t!(lang, "et-embed")) }
        }
        @if !context.may_manage {
            div.alert.alert-info role="status" {
                (t!(lang, "et-member-view"))
            }
        }
        (error_summary(errors))
        form.editor method="post" action=(format!("/dashboard/event-types/{id}")) {
            (csrf_field(&ctx.csrf_token()))
            fieldset.plain disabled[!context.may_manage] {
                section.panel #basics aria-labelledby="basics-title" {
                    h2 #basics-title { (t!(lang, "et-basics")) }
                    (field(&Field { name: "title", label: &t!(lang, "et-field-title"), value: &input.title, required: true, ..Field::default() }, errors))
                    (field(&Field { name: "slug", label: &t!(lang, "et-field-slug"), value: &input.slug, required: true, hint: Some(&t!(lang, "et-slug-hint")), ..Field::default() }, errors))
                    (textarea_field("description", &t!(lang, "et-field-description"), &input.description, Some(&t!(lang, "et-description-hint")), false, errors))
                    (field(&Field { name: "durationsMinutes", label: &t!(lang, "et-field-durations"), value: &durations, required: true, hint: Some(&t!(lang, "et-durations-hint")), inputmode: Some("numeric"), ..Field::default() }, errors))
                    h3.subhead { (t!(lang, "et-locations")) }
                    p.hint { (t!(lang, "et-locations-hint")) }
                    div.row-editor {
                        @for (i, location) in input.locations.iter().enumerate() {
                            @let prefix = format!("locations[{i}]");
                            @let error = ["address", "number", "url"].iter().find_map(|f| errors.text(&format!("{prefix}.{f}"), lang));
                            @let location_label = t!(lang, "et-location-n", n = i + 1);
                            div.row-card {
                                div.row-card-head {
                                    strong { (location_label) }
                                    button.button.ghost.small type="submit" name="action" value=(format!("remove-location:{i}")) formnovalidate { (t!(lang, "et-remove")) }
                                }
                                div.two-col {
                                    (select_field(&format!("{prefix}.type"), &t!(lang, "et-location-kind"), &location_kinds, location.choice_key(), None, errors))
                                    div.field.invalid[error.is_some()] {
                                        label for=(format!("f-loc-{i}")) { (t!(lang, "et-location-value")) }
                                        input id=(format!("f-loc-{i}")) type="text" name=(format!("{prefix}.value")) value=(location_value(location)) placeholder=(t!(lang, "et-location-value-placeholder"));
                                        @if let Some(message) = &error { p.error { (field_error(&location_label, message)) } }
                                    }
                                }
                            }
                        }
                        @if input.locations.is_empty() { p.muted.small { (t!(lang, "et-no-location")) } }
                    }
                    button.button.ghost.small type="submit" name="action" value="add-location" formnovalidate { (t!(lang, "et-add-location")) }
                }
                section.panel #availability aria-labelledby="availability-title" {
                    h2 #availability-title { (t!(lang, "et-availability")) }
                    @if let Some(team) = &context.team {
                        p.muted { (marked(&t!(lang, "et-team-of", team = mark(0)), &[html! { strong { (team.name) } }])) }
                        (select_field("schedulingType", &t!(lang, "et-scheduling"), &scheduling_kinds, match input.scheduling_type { SchedulingKind::Collective => "collective", _ => "roundRobin" }, None, errors))
                        fieldset.field.invalid[errors.get("hosts").is_some()] {
                            legend { (t!(lang, "et-hosts")) }
                            div.hint {
                                p { strong { (t!(lang, "et-round-robin-title")) } " " (t!(lang, "et-round-robin-text")) }
                                p { (marked(&turn_group_text, &[html! { strong { (t!(lang, "et-turn-group")) } }, html! { em { (t!(lang, "et-group-example-first")) } }, html! { em { (t!(lang, "et-group-example-second")) } }])) }
                            }
                            // The group every host gets when none was named shows as empty.
                            @let one_group = input.hosts.iter().all(|h| h.round_robin_group.as_deref() == Some("default"));
                            @for member in &context.members {
                                @let host = input.hosts.iter().find(|h| h.user_id == member.id);
                                div.row-card.host-row {
                                    (checkbox_field(&format!("host.{}", member.id), &member.name, host.is_some(), None))
                                    (select_field(&format!("host.{}.priority", member.id), &t!(lang, "et-priority"), &priorities, host.map_or("medium", |h| h.priority.as_db()), None, errors))
                                    (number_field(&format!("host.{}.weight", member.id), &t!(lang, "et-weight"), Some(host.map_or(100, |h| h.weight)), None, errors))
                                    (field(&Field { name: &format!("host.{}.group", member.id), label: &t!(lang, "et-turn-group-field"), value: host.and_then(|h| h.round_robin_group.as_deref()).filter(|g| !(one_group && *g == "default")).unwrap_or(""), placeholder: Some(&t!(lang, "et-turn-group-placeholder")), ..Field::default() }, errors))
                                }
                            }
                            @if let Some(message) = errors.text("hosts", lang) { p.error { (field_error(&t!(lang, "et-hosts"), &message)) } }
                        }
                    } @else {
                        (select_field("scheduleId", &t!(lang, "et-schedule"), &schedule_refs, &selected_schedule, Some(&t!(lang, "et-schedule-hint")), errors))
                        p.small { a href="/dashboard/availability" { (t!(lang, "et-edit-schedules")) } }
                    }
                }
                section.panel #limits aria-labelledby="limits-title" {
                    h2 #limits-title { (t!(lang, "et-limits")) }
                    div.two-col {
                        (number_field("minimumNoticeMinutes", &t!(lang, "et-minimum-notice"), Some(input.minimum_notice_minutes), Some(&t!(lang, "et-minimum-notice-hint")), errors))
                        (number_field("slotIntervalMinutes", &t!(lang, "et-slot-interval"), input.slot_interval_minutes, Some(&t!(lang, "et-slot-interval-hint")), errors))
                        (number_field("beforeBufferMinutes", &t!(lang, "et-buffer-before"), Some(input.before_buffer_minutes), None, errors))
                        (number_field("afterBufferMinutes", &t!(lang, "et-buffer-after"), Some(input.after_buffer_minutes), None, errors))
                    }
                    // Only the fields the chosen window uses show (with JavaScript; without
                    // it all show, and the ones that do not apply are ignored).
                    div data-choice-scope {
                        div data-choice { (select_field("bookingWindow.kind", &t!(lang, "et-window"), &windows, window_kind, None, errors)) }
                        div.two-col {
                            div data-show-for="rollingCalendarDays rollingBusinessDays" { (number_field("bookingWindow.days", &t!(lang, "et-window-days"), window_days, None, errors)) }
                            div data-show-for="dateRange" { (field(&Field { name: "bookingWindow.start", label: &t!(lang, "et-window-from"), kind: "date", value: &window_start, ..Field::default() }, errors)) }
                            div data-show-for="dateRange" { (field(&Field { name: "bookingWindow.end", label: &t!(lang, "et-window-until"), kind: "date", value: &window_end, ..Field::default() }, errors)) }
                        }
                    }
                    h3.subhead { (t!(lang, "et-most-bookings")) }
                    (limit_fields("bookingLimits", &input.booking_limits, booking_limit_labels))
                    h3.subhead { (t!(lang, "et-most-time")) }
                    (limit_fields("durationLimitsMinutes", &input.duration_limits_minutes, time_limit_labels))
                    (checkbox_field("onlyFirstSlotPerDay", &t!(lang, "et-first-slot-only"), input.only_first_slot_per_day, None))
                }
                section.panel #questions aria-labelledby="questions-title" {
                    h2 #questions-title { (t!(lang, "et-questions")) }
                    p.hint { (t!(lang, "et-questions-hint")) }
                    div.row-editor {
                        @for (i, question) in input.questions.iter().enumerate() {
                            @let prefix = format!("questions[{i}]");
                            div.row-card {
                                div.row-card-head {
                                    strong { (t!(lang, "et-question-n", n = i + 1)) }
                                    div.row-tools {
                                        @if i > 0 { button.button.ghost.small type="submit" name="action" value=(format!("up:{i}")) formnovalidate aria-label=(t!(lang, "et-move-up", n = i + 1)) { "↑" } }
                                        @if i + 1 < input.questions.len() { button.button.ghost.small type="submit" name="action" value=(format!("down:{i}")) formnovalidate aria-label=(t!(lang, "et-move-down", n = i + 1)) { "↓" } }
                                        button.button.ghost.small type="submit" name="action" value=(format!("remove-question:{i}")) formnovalidate { (t!(lang, "et-remove")) }
                                    }
                                }
                                (field(&Field { name: &format!("{prefix}.label"), label: &t!(lang, "et-question"), value: &question.label, required: true, ..Field::default() }, errors))
                                div.two-col {
                                    (select_field(&format!("{prefix}.type"), &t!(lang, "et-answer-type"), &kinds, kind_name(question.kind), None, errors))
                                    (field(&Field { name: &format!("{prefix}.key"), label: &t!(lang, "et-identifier"), value: &question.key, hint: Some(&t!(lang, "et-identifier-hint")), ..Field::default() }, errors))
                                }
                                div.choices-field {
                                    (textarea_field(&format!("{prefix}.options"), &t!(lang, "et-choices"), &question.options.join("\n"), Some(&t!(lang, "et-choices-hint")), false, errors))
                                }
                                (checkbox_field(&format!("{prefix}.required"), &t!(lang, "et-answer-required"), question.required, None))
                            }
                        }
                        @if input.questions.is_empty() { p.muted.small { (t!(lang, "et-no-questions")) } }
                    }
                    button.button.ghost.small type="submit" name="action" value="add-question" formnovalidate { (t!(lang, "et-add-question")) }
                }
                (payments::price_panel(lang, input.price.as_ref(), typed, errors, (context.payments_ready, context.admin)))
                section.panel #advanced aria-labelledby="advanced-title" {
                    h2 #advanced-title { (t!(lang, "et-advanced")) }
                    (checkbox_field("requiresConfirmation", &t!(lang, "et-requires-confirmation"), input.requires_confirmation, Some(&t!(lang, "et-requires-confirmation-hint"))))
                    (checkbox_field("pendingBlocksSlot", &t!(lang, "et-pending-blocks-slot"), input.pending_blocks_slot, None))
                    (number_field("seatsPerSlot", &t!(lang, "et-seats"), input.seats_per_slot, Some(&t!(lang, "et-seats-hint")), errors))
                    (checkbox_field("hidden", &t!(lang, "et-hidden-field"), input.hidden, Some(&t!(lang, "et-hidden-hint"))))
                    (select_field("language", &t!(lang, "event-type-language"), &crate::web::layout::language_options(Some(&t!(lang, "event-type-language-visitor"))), input.language.as_deref().unwrap_or(""), Some(&t!(lang, "event-type-language-hint")), errors))
                }
                section.panel #embed aria-labelledby="embed-title" {
                    h2 #embed-title { (t!(lang, "et-embed-title")) }
                    p.hint { (t!(lang, "et-embed-hint")) }
                    @let snippet = format!("<iframe src=\"{}?embed=1\" data-kairos-embed title=\"Book {}\" width=\"100%\" height=\"700\" frameborder=\"0\"></iframe>\n<script src=\"{}/assets/embed.js\" async></script>", context.public_url, input.title.replace('"', "'"), ctx.state.base_url());
                    div.field {
                        label for="embed-snippet" { (t!(lang, "et-snippet")) }
                        textarea #embed-snippet readonly rows="4" { (snippet) }
                    }
                    button.button.ghost.small type="button" data-copy="#embed-snippet" hidden { (t!(lang, "et-copy-snippet")) }
                }
            }
            div.sticky-save {
                a.button.ghost href=(CURRENT) { (t!(lang, "et-back")) }
                @if context.may_manage {
                    button.button.primary type="submit" name="action" value="save" { (t!(lang, "et-save")) }
                }
            }
        }
    }
}

/// Reads the editor form back into an event type; unreadable numbers are field errors.
fn parse_editor(
    form: &FormData,
    current: &EventTypeInput,
    errors: &mut FieldErrors,
) -> EventTypeInput {
    let mut number = |name: &str| -> Option<u32> {
        match form.number(name) {
            Ok(value) => value,
            Err(()) => {
                errors.add(name, "must be a whole number");
                None
            }
        }
    };
    let minimum_notice = number("minimumNoticeMinutes").unwrap_or(0);
    let slot_interval = number("slotIntervalMinutes");
    let before = number("beforeBufferMinutes").unwrap_or(0);
    let after = number("afterBufferMinutes").unwrap_or(0);
    let window_days = number("bookingWindow.days");
    let seats = number("seatsPerSlot");
    let mut limits = |prefix: &str| Limits {
        per_day: number(&format!("{prefix}.perDay")),
        per_week: number(&format!("{prefix}.perWeek")),
        per_month: number(&format!("{prefix}.perMonth")),
        per_year: number(&format!("{prefix}.perYear")),
    };
    let booking_limits = limits("bookingLimits");
    let duration_limits = limits("durationLimitsMinutes");
    let date = |name: &str, errors: &mut FieldErrors| {
        crate::model::time::parse_date(form.get(name))
            .map_err(|err| errors.refuse(name, err.reason()))
            .ok()
    };
    let booking_window = match form.get("bookingWindow.kind") {
        "rollingCalendarDays" | "rollingBusinessDays" => {
            let days = window_days.unwrap_or_else(|| {
                errors.refuse("bookingWindow.days", reason!("et-error-days-required"));
                0
            });
            if form.get("bookingWindow.kind") == "rollingCalendarDays" {
                Window::RollingCalendarDays { days }
            } else {
                Window::RollingBusinessDays { days }
            }
        }
        "dateRange" => match (
            date("bookingWindow.start", errors),
            date("bookingWindow.end", errors),
        ) {
            (Some(start), Some(end)) => Window::DateRange { start, end },
            _ => Window::Unlimited,
        },
        _ => Window::Unlimited,
    };
    let durations = parse_durations(form.get("durationsMinutes"), errors);
    let price = payments::parse_price(form, current.price.as_ref(), errors);
    let mut locations = Vec::new();
    for i in 0.. {
        let prefix = format!("locations[{i}]");
        if !form.has(&format!("{prefix}.type")) {
            break;
        }
        let value = form.get(&format!("{prefix}.value")).to_string();
        locations.push(match form.get(&format!("{prefix}.type")) {
            "phone" => Location::Phone { number: value },
            "link" => Location::Link { url: value },
            "video" => video(VideoProvider::Jitsi),
            "googleMeet" => video(VideoProvider::GoogleMeet),
            "teams" => video(VideoProvider::Teams),
            "zoom" => video(VideoProvider::Zoom),
            _ => Location::InPerson { address: value },
        });
    }
    let mut questions = Vec::new();
    for i in 0.. {
        let prefix = format!("questions[{i}]");
        if !form.has(&format!("{prefix}.label")) {
            break;
        }
        let kind = serde_json::from_value::<QuestionKind>(Value::from(
            form.get(&format!("{prefix}.type")),
        ))
        .unwrap_or(QuestionKind::Text);
        let options = form
            .get(&format!("{prefix}.options"))
            .lines()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_string)
            .collect();
        questions.push(Question {
            key: form.get(&format!("{prefix}.key")).trim().to_string(),
            kind,
            label: form.get(&format!("{prefix}.label")).trim().to_string(),
            required: form.has(&format!("{prefix}.required")),
            options,
        });
    }
    let (scheduling_type, hosts) = if current.team_id.is_some() {
        let kind = if form.get("schedulingType") == "collective" {
            SchedulingKind::Collective
        } else {
            SchedulingKind::RoundRobin
        };
        let hosts = form
            .0
            .iter()
            .filter_map(|(key, _)| {
                key.strip_prefix("host.")
                    .and_then(|id| id.parse::<i64>().ok())
            })
            .map(|user_id| {
                let previous = current.hosts.iter().find(|h| h.user_id == user_id);
                let weight_field = format!("host.{user_id}.weight");
                let weight = match form.number(&weight_field) {
                    Ok(weight) => weight.unwrap_or(100),
                    Err(()) => {
                        errors.add(&weight_field, "must be a whole number");
                        previous.map_or(100, |h| h.weight)
                    }
                };
                let group = form.get(&format!("host.{user_id}.group")).trim();
                EventHost {
                    user_id,
                    // A round-robin host without a group attends every booking (a fixed host);
                    // when no host names a group, they all take turns in one.
                    round_robin_group: match kind {
                        SchedulingKind::RoundRobin if !group.is_empty() => Some(group.to_string()),
                        _ => None,
                    },
                    priority: HostPriority::from_db(form.get(&format!("host.{user_id}.priority"))),
                    weight,
                }
            })
            .collect();
        (kind, hosts)
    } else {
        (SchedulingKind::Individual, Vec::new())
    };
    EventTypeInput {
        title: form.get("title").to_string(),
        slug: form.get("slug").to_string(),
        description: form.get("description").to_string(),
        durations_minutes: durations,
        slot_interval_minutes: slot_interval,
        minimum_notice_minutes: minimum_notice,
        before_buffer_minutes: before,
        after_buffer_minutes: after,
        booking_window,
        booking_limits,
        duration_limits_minutes: duration_limits,
        seats_per_slot: seats,
        only_first_slot_per_day: form.has("onlyFirstSlotPerDay"),
        locations,
        questions,
        requires_confirmation: form.has("requiresConfirmation"),
        pending_blocks_slot: form.has("pendingBlocksSlot"),
        hidden: form.has("hidden"),
        language: Some(form.get("language").to_string()).filter(|tag| !tag.trim().is_empty()),
        schedule_id: form.get("scheduleId").parse().ok(),
        price,
        team_id: current.team_id,
        scheduling_type,
        hosts,
    }
}

/// Adds what the event type's own checks find to the form's errors, so a page names every
/// problem at once, not only the fields that could not be read.
fn with_field_checks(input: &EventTypeInput, mut errors: FieldErrors) -> FieldErrors {
    if let Err(more) = input.clone().validate() {
        for error in more.iter() {
            if errors.get(&error.field).is_none() {
                errors.push_as(&error.field, error);
            }
        }
    }
    errors
}

/// Applies an editor button (add, remove or move a row) to the draft; true when one was.
fn apply_action(action: &str, input: &mut EventTypeInput) -> bool {
    let (verb, index) = match action.split_once(':') {
        Some((verb, index)) => (verb, index.parse::<usize>().ok()),
        None => (action, None),
    };
    match (verb, index) {
        ("add-question", _) => {
            let mut n = input.questions.len() + 1;
            while input
                .questions
                .iter()
                .any(|q| q.key == format!("question-{n}"))
            {
                n += 1;
            }
            input.questions.push(Question {
                key: format!("question-{n}"),
                kind: QuestionKind::Text,
                label: String::new(),
                required: false,
                options: Vec::new(),
            });
        }
        ("remove-question", Some(i)) if i < input.questions.len() => {
            input.questions.remove(i);
        }
        ("up", Some(i)) if i > 0 && i < input.questions.len() => input.questions.swap(i - 1, i),
        ("down", Some(i)) if i + 1 < input.questions.len() => input.questions.swap(i, i + 1),
        ("add-location", _) => input.locations.push(video(VideoProvider::Jitsi)),
        ("remove-location", Some(i)) if i < input.locations.len() => {
            input.locations.remove(i);
        }
        _ => return false,
    }
    true
}

/// The input as an update patch: every field present, `null` for the cleared optional ones.
fn patch_of(input: &EventTypeInput) -> Value {
    let mut value = serde_json::to_value(input).unwrap_or(Value::Null);
    if let Value::Object(fields) = &mut value {
        for key in ["slotIntervalMinutes", "seatsPerSlot", "scheduleId", "price"] {
            fields.entry(key).or_insert(Value::Null);
        }
        fields.entry("hosts").or_insert(Value::Array(Vec::new()));
        fields.remove("teamId");
    }
    value
}

pub async fn save(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let current = load(&ctx, &user, id).await?;
    let context = editor_context(&ctx, &user, &current).await?;
    let mut errors = FieldErrors::new();
    let mut draft = parse_editor(&form, &current.input, &mut errors);
    if apply_action(form.get("action"), &mut draft) {
        let body = editor(
            &ctx,
            id,
            &draft,
            &context,
            (Some(&form), &FieldErrors::new()),
            notice("info", &t!(ctx.lang, "et-not-saved")),
        );
        return Ok(render(&ctx, &user, &current.input.title, CURRENT, body));
    }
    let result = if errors.is_empty() {
        let (owner, now, patch) = (user.clone(), ctx.state.clock.now(), patch_of(&draft));
        ctx.state
            .db
            .write(move |tx| manage::update_event_type(tx, &owner, id, patch, now))
            .await
    } else {
        Err(ManageError::Invalid(with_field_checks(&draft, errors)))
    };
    match result {
        Err(ManageError::Forbidden(message) | ManageError::Conflict(message)) => {
            let body = editor(
                &ctx,
                id,
                &draft,
                &context,
                (Some(&form), &FieldErrors::new()),
                notice("error", &message.text(ctx.lang)),
            );
            Ok(render_status(
                &ctx,
                &user,
                &current.input.title,
                CURRENT,
                StatusCode::FORBIDDEN,
                body,
            ))
        }
        result => {
            saved_or_again(
                result,
                |_| redirect(format!("{CURRENT}/{id}?notice=saved")),
                |errors| async move {
                    let errors = on_editor(errors);
                    let body = editor(&ctx, id, &draft, &context, (Some(&form), &errors), html! {});
                    Ok(render(&ctx, &user, &current.input.title, CURRENT, body))
                },
            )
            .await
        }
    }
}

pub async fn duplicate(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<CsrfForm>,
) -> Result<Response, WebError> {
    let (owner, now, lang) = (user.clone(), ctx.state.clock.now(), ctx.lang);
    let copy = ctx
        .state
        .db
        .write(move |tx| -> Result<EventType, ManageError> {
            let original = manage::event_type(tx, &owner, id, Action::Manage)?;
            let mut input = original.input.clone();
            // A copy of someone else's event type is the copier's: their default schedule.
            if original.owner_user_id.is_some_and(|id| id != owner.id) {
                input.schedule_id = None;
            }
            // The copy's title is stored: no marks that isolate it in right-to-left text.
            input.title = t!(lang, "et-copy-title", title = input.title.as_str())
                .replace(['\u{2068}', '\u{2069}'], "")
                .chars()
                .take(120)
                .collect();
            let base: String = original.input.slug.chars().take(52).collect();
            let owner_id = if input.team_id.is_some() {
                None
            } else {
                Some(owner.id)
            };
            let mut n = 1;
            loop {
                let slug = if n == 1 {
                    format!("{base}-copy")
                } else {
                    format!("{base}-copy-{n}")
                };
                if !event_types::slug_taken(tx, owner_id, input.team_id, &slug, None)? {
                    input.slug = slug;
                    break;
                }
                n += 1;
            }
            manage::create_event_type(tx, &owner, input, now)
        })
        .await?;
    Ok(Redirect::to(&format!(
        "/dashboard/event-types/{}?notice=duplicated",
        copy.id
    ))
    .into_response())
}

pub async fn hide(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<CsrfForm>,
) -> Result<Response, WebError> {
    let (owner, now) = (user.clone(), ctx.state.clock.now());
    let updated = ctx
        .state
        .db
        .write(move |tx| -> Result<EventType, ManageError> {
            let current = manage::event_type(tx, &owner, id, Action::Manage)?;
            let patch = serde_json::json!({ "hidden": !current.input.hidden });
            manage::update_event_type(tx, &owner, id, patch, now)
        })
        .await?;
    let key = if updated.input.hidden {
        "hidden"
    } else {
        "shown"
    };
    Ok(Redirect::to(&format!("{CURRENT}?notice={key}")).into_response())
}

pub async fn delete(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<CsrfForm>,
) -> Result<Response, WebError> {
    let owner = user.clone();
    ctx.state
        .db
        .write(move |tx| manage::delete_event_type(tx, &owner, id))
        .await?;
    Ok(Redirect::to(&format!("{CURRENT}?notice=deleted")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_move_and_go() {
        let mut input: EventTypeInput = serde_json::from_value(serde_json::json!({
            "title": "x", "slug": "x", "durationsMinutes": [30],
            "questions": [
                {"key": "a", "type": "text", "label": "A"},
                {"key": "b", "type": "text", "label": "B"}
            ]
        }))
        .unwrap_or_else(|err| panic!("{err}"));
        assert!(apply_action("down:0", &mut input));
        assert_eq!(input.questions[0].key, "b");
        assert!(apply_action("add-question", &mut input));
        assert_eq!(input.questions[2].key, "question-3");
        assert!(apply_action("remove-question:0", &mut input));
        assert_eq!(input.questions.len(), 2);
        assert!(!apply_action("save", &mut input));
    }
}
