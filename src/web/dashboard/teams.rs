//! Teams: creating one, its members (adding people who have an account, or creating the
//! account and handing over a one-time set-password link) and its event types.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::access::{self, Action};
use crate::db::teams::{self, Team, TeamRole};
use crate::db::users::{self, User};
use crate::db::{DbError, event_types};
use crate::model::error::FieldErrors;
use crate::model::event_types::{EventType, SchedulingKind};
use crate::present::Language;
use crate::scheduling::manage::{self, ManageError};
use crate::t;
use crate::web::dashboard::{
    NoticeQuery, page_notices, render, render_status, show_once_at, signed_in,
};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, csrf_field, empty_state, error_summary, field, notice, select_field,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/teams";

pub async fn list(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    list_page(
        &ctx,
        &user,
        &FormData::default(),
        &FieldErrors::new(),
        page_notices(&ctx, &user, &query),
        StatusCode::OK,
    )
    .await
}

async fn list_page(
    ctx: &Ctx,
    user: &User,
    form: &FormData,
    errors: &FieldErrors,
    message: Markup,
    status: StatusCode,
) -> Result<Response, WebError> {
    let (id, all) = (user.id, access::administration(user).is_allowed());
    let list = ctx
        .state
        .db
        .read(
            move |conn| -> Result<Vec<(Team, Option<TeamRole>, usize)>, DbError> {
                let mut out = Vec::new();
                for (team, role) in teams::listed_for(conn, id, all)? {
                    let count = teams::members(conn, team.id)?.len();
                    out.push((team, role, count));
                }
                Ok(out)
            },
        )
        .await?;
    let base = ctx.state.base_url();
    let lang = ctx.lang;
    let empty_text = if all {
        t!(lang, "team-empty-admin-text")
    } else {
        t!(lang, "team-empty-text")
    };
    let body = html! {
        (message)
        div.page-head { div { h1 { (t!(lang, "nav-teams")) } p.muted { (t!(lang, "team-intro")) } } }
        @if list.is_empty() {
            (empty_state(&t!(lang, "team-empty"), &empty_text, None))
        } @else {
            ul.list {
                @for (team, role, count) in &list {
                    li {
                        div.list-main {
                            a.list-title href=(format!("{CURRENT}/{}", team.id)) { (team.name) }
                            div.list-sub {
                                span { (base) "/team/" (team.slug) }
                                span.badge { (t!(lang, "team-member-count", count = *count)) }
                                @if *role == Some(TeamRole::Admin) { span.badge.accent { (t!(lang, "team-role-admin")) } }
                            }
                        }
                        div.list-actions { a.button.ghost.small href=(format!("{CURRENT}/{}", team.id)) { (t!(lang, "team-open")) } }
                    }
                }
            }
        }
        @if all {
            section.panel.spaced aria-labelledby="new-team" {
                h2 #new-team { (t!(lang, "team-new")) }
                (error_summary(errors))
                form method="post" action=(CURRENT) data-validate {
                    (csrf_field(&ctx.csrf_token()))
                    div.two-col {
                        (field(&Field { name: "name", label: &t!(lang, "team-name"), value: form.get("name"), required: true, placeholder: Some(&t!(lang, "team-name-placeholder")), ..Field::default() }, errors))
                        (field(&Field { name: "slug", label: &t!(lang, "team-slug"), value: form.get("slug"), placeholder: Some("front-desk"), hint: Some(&t!(lang, "team-slug-hint")), ..Field::default() }, errors))
                    }
                    button.button.primary type="submit" { (t!(lang, "team-create")) }
                }
            }
        }
    };
    Ok(render_status(
        ctx,
        user,
        &t!(lang, "nav-teams"),
        CURRENT,
        status,
        body,
    ))
}

pub async fn create(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (owner, now, origin) = (user.clone(), ctx.state.clock.now(), ctx.origin());
    let (slug, name) = (form.get("slug").to_string(), form.get("name").to_string());
    let result = ctx
        .state
        .db
        .write(move |tx| manage::create_team(tx, &owner, &slug, &name, &origin, now))
        .await;
    saved_or_again(
        result,
        |team| redirect(format!("{CURRENT}/{}?notice=created", team.id)),
        |errors| async move {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            list_page(&ctx, &user, &form, &errors, html! {}, status).await
        },
    )
    .await
}

struct TeamView {
    team: Team,
    members: Vec<(User, TeamRole)>,
    others: Vec<User>,
    event_types: Vec<EventType>,
    can_manage: bool,
}

async fn load(ctx: &Ctx, user: &User, id: i64) -> Result<TeamView, WebError> {
    let viewer = user.clone();
    ctx.state
        .db
        .read(move |conn| -> Result<Option<TeamView>, DbError> {
            if !access::team(conn, &viewer, id, Action::View)?.is_visible() {
                return Ok(None);
            }
            let Some(team) = teams::get(conn, id)? else {
                return Ok(None);
            };
            let mut members = Vec::new();
            for (member_id, role) in teams::members(conn, id)? {
                if let Some(member) = users::by_id(conn, member_id)? {
                    members.push((member, role));
                }
            }
            let can_manage = access::team(conn, &viewer, id, Action::Manage)?.is_allowed();
            // Only those who add members see who else has an account.
            let others = if can_manage {
                users::list_all(conn)?
                    .into_iter()
                    .filter(|u| !u.disabled && !members.iter().any(|(m, _)| m.id == u.id))
                    .collect()
            } else {
                Vec::new()
            };
            Ok(Some(TeamView {
                team,
                members,
                others,
                event_types: event_types::list_for_team(conn, id)?,
                can_manage,
            }))
        })
        .await?
        .ok_or(WebError::NotFound)
}

fn team_page(
    ctx: &Ctx,
    view: &TeamView,
    form: &FormData,
    errors: &FieldErrors,
    message: Markup,
    viewer: &User,
) -> Markup {
    let csrf = ctx.csrf_token();
    let id = view.team.id;
    let base = ctx.state.base_url();
    let others: Vec<(String, String)> = view
        .others
        .iter()
        .map(|u| (u.id.to_string(), format!("{} ({})", u.name, u.email)))
        .collect();
    let other_refs: Vec<(&str, &str)> = others
        .iter()
        .map(|(v, l)| (v.as_str(), l.as_str()))
        .collect();
    let lang = ctx.lang;
    let roles = [
        ("member", t!(lang, "team-role-member")),
        ("admin", t!(lang, "team-role-admin")),
    ];
    html! {
        (message)
        div.page-head {
            div {
                p.muted.small { a href=(CURRENT) { span.flip-rtl { "←" } " " (t!(lang, "nav-teams")) } }
                h1 { (view.team.name) }
                p.muted { a href=(format!("/team/{}", view.team.slug)) target="_blank" { (base) "/team/" (view.team.slug) } }
            }
            @if view.can_manage {
                div.actions { a.button.primary href=(format!("/dashboard/event-types/new?team={id}")) { (t!(lang, "team-new-event-type")) } }
            }
        }
        div.detail-grid {
            div {
                section.panel aria-labelledby="members-title" {
                    h2 #members-title { (t!(lang, "team-members")) }
                    ul.list.compact {
                        @for (member, role) in &view.members {
                            li {
                                div.list-main {
                                    span.list-title { (member.name) }
                                    div.list-sub { span { (member.email) } @if *role == TeamRole::Admin { span.badge.accent { (t!(lang, "team-role-admin")) } } @if member.disabled { span.badge.off { (t!(lang, "team-disabled")) } } }
                                }
                                @if view.can_manage && member.id != viewer.id {
                                    form method="post" action=(format!("{CURRENT}/{id}/members/{}/remove", member.id)) data-confirm=(t!(lang, "team-remove-confirm", name = member.name.as_str())) {
                                        (csrf_field(&csrf))
                                        button.button.ghost.small.danger type="submit" { (t!(lang, "team-remove")) }
                                    }
                                }
                            }
                        }
                    }
                }
                section.panel.spaced aria-labelledby="team-events-title" {
                    h2 #team-events-title { (t!(lang, "team-event-types")) }
                    @if view.event_types.is_empty() {
                        (empty_state(&t!(lang, "team-no-event-types"), &t!(lang, "team-no-event-types-text"), None))
                    } @else {
                        ul.list.compact {
                            @for event_type in &view.event_types {
                                li {
                                    div.list-main {
                                        a.list-title href=(format!("/dashboard/event-types/{}", event_type.id)) { (event_type.input.title) }
                                        div.list-sub { span { "/team/" (view.team.slug) "/" (event_type.input.slug) } span.badge { (scheduling_label(lang, event_type.input.scheduling_type)) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if !view.can_manage {
                div {
                    section.panel aria-labelledby="manage-title" {
                        h2 #manage-title { (t!(lang, "team-managing")) }
                        p.muted.small { (t!(lang, "team-managing-text")) }
                    }
                }
            }
            @if view.can_manage {
                div {
                    section.panel aria-labelledby="add-title" {
                        h2 #add-title { (t!(lang, "team-add-title")) }
                        @if view.others.is_empty() {
                            p.muted.small { (t!(lang, "team-everyone-in")) }
                        } @else {
                            form method="post" action=(format!("{CURRENT}/{id}/members")) {
                                (csrf_field(&csrf))
                                (select_field("userId", &t!(lang, "team-person"), &other_refs, form.get("userId"), None, errors))
                                (select_field("role", &t!(lang, "team-role"), &roles, "member", None, errors))
                                button.button.primary type="submit" { (t!(lang, "team-add")) }
                            }
                        }
                    }
                    @if access::administration(viewer).is_allowed() {
                        section.panel.spaced aria-labelledby="invite-title" {
                            h2 #invite-title { (t!(lang, "team-invite-title")) }
                            p.hint { (t!(lang, "team-invite-hint", days = manage::ACCOUNT_LINK_VALIDITY.num_days())) }
                            (error_summary(errors))
                            form method="post" action=(format!("{CURRENT}/{id}/members/new")) data-validate {
                                (csrf_field(&csrf))
                                (field(&Field { name: "name", label: &t!(lang, "team-name"), value: form.get("name"), required: true, autocomplete: Some("off"), ..Field::default() }, errors))
                                (field(&Field { name: "email", label: &t!(lang, "team-email"), kind: "email", value: form.get("email"), required: true, autocomplete: Some("off"), ..Field::default() }, errors))
                                (select_field("role", &t!(lang, "team-role"), &roles, form.get("role"), None, errors))
                                button.button.primary type="submit" { (t!(lang, "team-create-account")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// How a team event type's hosts combine, in words.
fn scheduling_label(lang: Language, scheduling: SchedulingKind) -> String {
    match scheduling {
        SchedulingKind::Individual => t!(lang, "team-scheduling-individual"),
        SchedulingKind::Collective => t!(lang, "team-scheduling-collective"),
        SchedulingKind::RoundRobin => t!(lang, "team-scheduling-round-robin"),
    }
}

pub async fn detail(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let view = load(&ctx, &user, id).await?;
    let body = team_page(
        &ctx,
        &view,
        &FormData::default(),
        &FieldErrors::new(),
        page_notices(&ctx, &user, &query),
        &user,
    );
    Ok(render(&ctx, &user, &view.team.name, CURRENT, body))
}

async fn again(
    ctx: &Ctx,
    user: &User,
    id: i64,
    form: &FormData,
    errors: &FieldErrors,
    message: Markup,
    status: StatusCode,
) -> Result<Response, WebError> {
    let view = load(ctx, user, id).await?;
    let body = team_page(ctx, &view, form, errors, message, user);
    Ok(render_status(
        ctx,
        user,
        &view.team.name,
        CURRENT,
        status,
        body,
    ))
}

/// The team page again with the refused fields marked.
async fn refused(
    ctx: &Ctx,
    user: &User,
    id: i64,
    form: &FormData,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    again(ctx, user, id, form, &errors, html! {}, status).await
}

pub async fn add_member(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    // An unreadable choice is refused by the service after its permission check, so no
    // one learns more about a team than their role allows.
    let member = form.get("userId").parse::<i64>().unwrap_or(0);
    let (actor, role) = (user.clone(), form.get("role").to_string());
    let (now, origin) = (ctx.state.clock.now(), ctx.origin());
    let result = ctx
        .state
        .db
        .write(move |tx| manage::set_team_member(tx, &actor, (id, member), &role, &origin, now))
        .await;
    saved_or_again(
        result,
        |()| redirect(format!("{CURRENT}/{id}?notice=member-added")),
        |errors| refused(&ctx, &user, id, &form, errors),
    )
    .await
}

pub async fn create_member(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (admin, now, origin) = (user.clone(), ctx.state.clock.now(), ctx.origin());
    let (name, email) = (form.get("name").to_string(), form.get("email").to_string());
    let role = if form.get("role") == "admin" {
        TeamRole::Admin
    } else {
        TeamRole::Member
    };
    let result = ctx
        .state
        .db
        .write(move |tx| -> Result<(User, String), ManageError> {
            let (created, token) =
                manage::create_member(tx, &admin, &name, &email, None, "member", &origin, now)?;
            let member = (id, created.id);
            manage::set_team_member(tx, &admin, member, role.as_str(), &origin, now)?;
            Ok((created, token))
        })
        .await;
    if let Err(ManageError::Forbidden(message)) = result {
        let message = notice("error", &message.text(ctx.lang));
        let (form, errors) = (&form, &FieldErrors::new());
        return again(
            &ctx,
            &user,
            id,
            form,
            errors,
            message,
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    saved_or_again(
        result,
        |(created, token)| {
            let (ctx, user) = (&ctx, &user);
            async move {
                let headline = t!(
                    ctx.lang,
                    "team-member-created",
                    name = created.name.as_str()
                );
                let message =
                    super::admin::account_link_notice(ctx, &created, &token, &headline).await?;
                let page = format!("{CURRENT}/{id}");
                Ok(show_once_at(ctx, user, &page, message))
            }
        },
        |errors| refused(&ctx, &user, id, &form, errors),
    )
    .await
}

pub async fn remove_member(
    Path((id, member)): Path<(i64, i64)>,
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (actor, now, origin) = (user.clone(), ctx.state.clock.now(), ctx.origin());
    ctx.state
        .db
        .write(move |tx| manage::remove_team_member(tx, &actor, (id, member), &origin, now))
        .await?;
    Ok(Redirect::to(&format!("{CURRENT}/{id}?notice=member-removed")).into_response())
}
