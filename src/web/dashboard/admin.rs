//! Administration: people (create, disable, enable) and the instance settings.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::accounts::{self, InstanceSettingsInput};
use crate::db::DbError;
use crate::db::users::{self, Role, User};
use crate::instance::weekday_name;
use crate::integrations::notify::email::Mailer;
use crate::invitations::{self, Delivery, Sent, Site};
use crate::model::error::FieldErrors;
use crate::present::Locale;
use crate::scheduling::manage::{self, ManageError};
use crate::web::dashboard::{NoticeQuery, admin_only, page_notices, render_status, show_once_at};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, capitalize, checkbox_field, copy_row, csrf_field, error_summary, field, notice,
    select_field, textarea_field,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::setup::zone_select;
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/admin";

#[derive(Default)]
struct Failed {
    user: Option<(FormData, FieldErrors)>,
    invitation: Option<(FormData, FieldErrors)>,
    settings: Option<(FormData, FieldErrors)>,
}

async fn page_with(
    ctx: &Ctx,
    user: &User,
    failed: Failed,
    message: Markup,
    status: StatusCode,
) -> Result<Response, WebError> {
    let people: Vec<User> = ctx
        .state
        .db
        .read(|conn| users::list_all(conn).map_err(DbError::from))
        .await?;
    let settings = ctx.state.settings();
    let csrf = ctx.csrf_token();
    let invitations = invitations::pending(&ctx.state.db, ctx.state.clock.now()).await?;
    let (invite_form, invite_errors) = failed.invitation.unwrap_or_default();
    let (user_form, user_errors) = failed.user.unwrap_or_default();
    let (settings_form, settings_errors) = failed.settings.unwrap_or_else(|| {
        (
            FormData(
                vec![
                    (
                        "organization_name".into(),
                        settings.organization_name.clone(),
                    ),
                    (
                        "base_url".into(),
                        settings.base_url.clone().unwrap_or_default(),
                    ),
                    (
                        "default_time_zone".into(),
                        settings.default_time_zone.name().to_string(),
                    ),
                    (
                        "first_day_of_week".into(),
                        weekday_name(settings.first_day_of_week).to_string(),
                    ),
                    (
                        "default_language".into(),
                        settings.default_language.tag().to_string(),
                    ),
                    ("signup".into(), settings.signup.clone()),
                    ("embed_origins".into(), settings.embed_origins.join("\n")),
                    (
                        "require_mfa".into(),
                        settings.require_mfa.as_str().to_string(),
                    ),
                    (
                        "audit_retention_years".into(),
                        settings.audit_retention_years.to_string(),
                    ),
                    (
                        "bookings_per_event_type_per_hour".into(),
                        settings.bookings_per_event_type_per_hour.to_string(),
                    ),
                    (
                        "bookings_per_host_per_hour".into(),
                        settings.bookings_per_host_per_hour.to_string(),
                    ),
                    (
                        "session_idle_minutes".into(),
                        ctx.state.session_policy().idle.num_minutes().to_string(),
                    ),
                ]
                .into_iter()
                .chain(
                    [
                        ("minimum_necessary", settings.minimum_necessary),
                        ("allow_private_targets", settings.allow_private_targets),
                    ]
                    .into_iter()
                    .filter(|(_, on)| *on)
                    .map(|(name, _)| (name.to_string(), "on".to_string())),
                )
                .collect(),
            ),
            FieldErrors::new(),
        )
    });
    let zone = user.time_zone;
    let trouble = super::jobs::trouble_notice(ctx, zone, user.twelve_hour).await?;
    let body = html! {
        (message)
        (trouble)
        div.page-head { div { h1 { "Administration" } p.muted { "People who can sign in, and how this instance behaves. " a href="/dashboard/admin/audit" { "Audit log" } " · " a href="/dashboard/admin/sso" { "Single sign-on" } " · " a href="/dashboard/admin/email" { "Email" } " · " a href="/dashboard/admin/sms" { "Text messages" } " · " a href="/dashboard/admin/jobs" { "Background jobs" } " · " a href="/dashboard/admin/calendars" { "Calendar sync" } " · " a href="/dashboard/admin/integrations" { "Integrations" } } } }
        div.editor {
            section.panel aria-labelledby="people-title" {
                h2 #people-title { "People" }
                ul.list.compact {
                    @for person in &people {
                        li {
                            div.list-main {
                                span.list-title { (person.name) }
                                div.list-sub {
                                    span { (person.email) }
                                    span.badge { (capitalize(person.role.as_str())) }
                                    @if person.disabled { span.badge.off { "Disabled" } }
                                    @if person.password_hash.is_none() { span.badge.warn { "Has not set a password" } }
                                    span { "since " (Locale::default().long_date(person.created_at.with_timezone(&zone).date_naive())) }
                                }
                            }
                            @if person.id != user.id && person.role != Role::Owner {
                                @if person.disabled {
                                    form method="post" action=(format!("{CURRENT}/users/{}/enable", person.id)) {
                                        (csrf_field(&csrf))
                                        button.button.ghost.small type="submit" { "Enable" }
                                    }
                                } @else {
                                    form method="post" action=(format!("{CURRENT}/users/{}/disable", person.id)) data-confirm=(format!("Disable {}? They are signed out at once.", person.name)) {
                                        (csrf_field(&csrf))
                                        button.button.ghost.small.danger type="submit" { "Disable" }
                                    }
                                }
                            }
                        }
                    }
                }
                h3.subhead { "Create an account" }
                p.hint { "You get a one-time link, valid for 7 days, for the person to choose their password." }
                (error_summary(&user_errors))
                form method="post" action=(format!("{CURRENT}/users")) data-validate {
                    (csrf_field(&csrf))
                    div.two-col {
                        (field(&Field { name: "name", label: "Name", value: user_form.get("name"), required: true, autocomplete: Some("off"), ..Field::default() }, &user_errors))
                        (field(&Field { name: "email", label: "Email", kind: "email", value: user_form.get("email"), required: true, autocomplete: Some("off"), ..Field::default() }, &user_errors))
                        (select_field("role", "Role", &[("member", "Member"), ("admin", "Administrator")], user_form.get("role"), None, &user_errors))
                    }
                    button.button.primary type="submit" { "Create account" }
                }
            }
            section.panel #invitations aria-labelledby="invitations-title" {
                h2 #invitations-title { "Invitations" }
                p.hint { "The person gets a one-time link, valid for " (invitations::VALIDITY.num_days()) " days, to choose their name and password. It is emailed when a mail server is set up; otherwise you copy it." }
                (error_summary(&invite_errors))
                form method="post" action=(format!("{CURRENT}/invitations")) data-validate {
                    (csrf_field(&csrf))
                    div.two-col {
                        (field(&Field { name: "invite_email", label: "Email", kind: "email", value: invite_form.get("invite_email"), required: true, autocomplete: Some("off"), ..Field::default() }, &invite_errors))
                        (select_field("invite_role", "Role", &[("member", "Member"), ("admin", "Administrator")], invite_form.get("invite_role"), None, &invite_errors))
                    }
                    button.button.primary type="submit" { "Send invitation" }
                }
                @if invitations.is_empty() {
                    p.muted.small { "No pending invitations." }
                } @else {
                    h3.subhead { "Pending" }
                    ul.list.compact {
                        @for invitation in &invitations {
                            li {
                                div.list-main {
                                    span.list-title { (invitation.email) }
                                    div.list-sub {
                                        span.badge { (capitalize(invitation.role.as_str())) }
                                        span { "expires " (Locale::default().long_date(invitation.expires_at.with_timezone(&zone).date_naive())) }
                                    }
                                }
                                form method="post" action=(format!("{CURRENT}/invitations/{}/revoke", invitation.id)) data-confirm=(format!("Revoke the invitation for {}? The link stops working.", invitation.email)) {
                                    (csrf_field(&csrf))
                                    button.button.ghost.small.danger type="submit" { "Revoke" }
                                }
                            }
                        }
                    }
                }
            }
            section.panel aria-labelledby="instance-title" {
                h2 #instance-title { "Instance" }
                (error_summary(&settings_errors))
                form method="post" action=(format!("{CURRENT}/settings")) data-validate {
                    (csrf_field(&csrf))
                    div.two-col {
                        (field(&Field { name: "organization_name", label: "Organization name", value: settings_form.get("organization_name"), required: true, ..Field::default() }, &settings_errors))
                        (field(&Field { name: "base_url", label: "Public address", kind: "url", value: settings_form.get("base_url"), hint: Some("Such as https://book.example.org. The config file's base_url wins over this."), ..Field::default() }, &settings_errors))
                        (zone_select("default_time_zone", "Default time zone", settings_form.get("default_time_zone"), ctx.state.clock.now(), &settings_errors))
                        (select_field("first_day_of_week", "Week starts on", &[("monday", "Monday"), ("sunday", "Sunday"), ("saturday", "Saturday")], settings_form.get("first_day_of_week"), None, &settings_errors))
                        (select_field("default_language", &crate::t!(ctx.lang, "settings-default-language"), &crate::web::layout::language_options(None), settings_form.get("default_language"), Some(&crate::t!(ctx.lang, "settings-default-language-hint")), &settings_errors))
                    }
                    (select_field("signup", "Who can join", &[("closed", "Closed: only administrators create accounts"), ("invite", "Invite only: people join through a one-time link")], settings_form.get("signup"), Some("There is no public sign-up page either way."), &settings_errors))
                    (textarea_field("embed_origins", "Websites that may embed booking pages", settings_form.get("embed_origins"), Some("One origin per line, such as https://www.example.org. Empty: no site may show them in a frame. The dashboard can never be framed."), false, &settings_errors))
                    div.two-col {
                        (select_field("require_mfa", "Require two-step verification", &[("off", "Off: each person chooses"), ("administrators", "For administrators"), ("everyone", "For everyone")], settings_form.get("require_mfa"), Some("People it applies to set it up right after signing in and can do nothing else before."), &settings_errors))
                        (field(&Field { name: "audit_retention_years", label: "Keep the audit log for (years)", kind: "number", value: settings_form.get("audit_retention_years"), min: Some("1"), inputmode: Some("numeric"), required: true, hint: Some("Older entries are removed daily; the log stays verifiable. HIPAA asks for 6 years."), ..Field::default() }, &settings_errors))
                    }
                    div.two-col {
                        (field(&Field { name: "bookings_per_event_type_per_hour", label: "New bookings per event type per hour", kind: "number", value: settings_form.get("bookings_per_event_type_per_hour"), min: Some("0"), inputmode: Some("numeric"), required: true, hint: Some("From the booking pages and the API together; past it people are asked to try later. 0: no limit."), ..Field::default() }, &settings_errors))
                        (field(&Field { name: "bookings_per_host_per_hour", label: "New bookings per host per hour", kind: "number", value: settings_form.get("bookings_per_host_per_hour"), min: Some("0"), inputmode: Some("numeric"), required: true, hint: Some("Over all of a host's event types. Hosts booking their own event types are not limited. 0: no limit."), ..Field::default() }, &settings_errors))
                    }
                    (idle_select(settings_form.get("session_idle_minutes"), &settings_errors))
                    (checkbox_field("minimum_necessary", "Minimum necessary in messages", settings_form.has("minimum_necessary"), Some("Answers and notes stay out of emails, text messages and webhooks; they carry only the time, the place and the links. The dashboard still shows everything to people allowed to see it.")))
                    (checkbox_field("allow_private_targets", "Allow servers on the private network", settings_form.has("allow_private_targets"), Some("For webhook receivers, the SMS gateway, the mail server and the single sign-on provider inside your network (10.x, 172.16–31.x, 192.168.x, 100.64–127.x, fc00::/7); the mail server, the gateway and the provider may then also run on this machine (localhost). Link-local, cloud metadata and other special-purpose addresses are always refused.")))
                    button.button.primary type="submit" { "Save settings" }
                }
            }
        }
    };
    Ok(render_status(
        ctx,
        user,
        "Administration",
        CURRENT,
        status,
        body,
    ))
}

pub async fn page(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = admin_only(&ctx)?;
    page_with(
        &ctx,
        &user,
        Failed::default(),
        page_notices(&ctx, &user, &query),
        StatusCode::OK,
    )
    .await
}

pub async fn create_user(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let (actor, now, origin) = (user.clone(), ctx.state.clock.now(), ctx.origin());
    let (name, email, role) = (
        form.get("name").to_string(),
        form.get("email").to_string(),
        form.get("role").to_string(),
    );
    let result = ctx
        .state
        .db
        .write(move |tx| {
            manage::create_member(tx, &actor, &name, &email, None, &role, &origin, now)
        })
        .await;
    saved_or_again(
        result,
        |(created, token)| {
            let (ctx, user) = (&ctx, &user);
            async move {
                let headline = format!("Account created for {}.", created.name);
                let message = account_link_notice(ctx, &created, &token, &headline).await?;
                Ok(show_once_at(ctx, user, CURRENT, message))
            }
        },
        |errors| {
            let failed = Failed {
                user: Some((form, errors)),
                ..Failed::default()
            };
            page_with(
                &ctx,
                &user,
                failed,
                html! {},
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        },
    )
    .await
}

async fn set_disabled(
    AdminForm { ctx, user, .. }: AdminForm<FormData>,
    id: i64,
    disabled: bool,
) -> Result<Response, WebError> {
    let (actor, now, origin) = (user.clone(), ctx.state.clock.now(), ctx.origin());
    let result = ctx
        .state
        .db
        .write(move |tx| accounts::set_disabled(tx, &actor, id, disabled, &origin, now))
        .await;
    match result {
        Ok(_) => {
            let key = if disabled {
                "user-disabled"
            } else {
                "user-enabled"
            };
            Ok(Redirect::to(&format!("{CURRENT}?notice={key}")).into_response())
        }
        Err(ManageError::Forbidden(message)) => {
            page_with(
                &ctx,
                &user,
                Failed::default(),
                notice("error", message),
                StatusCode::FORBIDDEN,
            )
            .await
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn disable(Path(id): Path<i64>, form: AdminForm<FormData>) -> Result<Response, WebError> {
    set_disabled(form, id, true).await
}

pub async fn enable(Path(id): Path<i64>, form: AdminForm<FormData>) -> Result<Response, WebError> {
    set_disabled(form, id, false).await
}

pub async fn save_settings(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let input = InstanceSettingsInput {
        organization_name: form.get("organization_name").to_string(),
        base_url: form.get("base_url").to_string(),
        default_time_zone: form.get("default_time_zone").to_string(),
        first_day_of_week: form.get("first_day_of_week").to_string(),
        signup: form.get("signup").to_string(),
        embed_origins: form.get("embed_origins").to_string(),
        minimum_necessary: form.has("minimum_necessary"),
        allow_private_targets: form.has("allow_private_targets"),
        require_mfa: form.get("require_mfa").to_string(),
        audit_retention_years: form.get("audit_retention_years").to_string(),
        bookings_per_event_type_per_hour: form.get("bookings_per_event_type_per_hour").to_string(),
        bookings_per_host_per_hour: form.get("bookings_per_host_per_hour").to_string(),
        session_idle_minutes: form.get("session_idle_minutes").to_string(),
        default_language: form.get("default_language").to_string(),
    };
    let (actor, now, origin) = (user.clone(), ctx.state.clock.now(), ctx.origin());
    let result = ctx
        .state
        .db
        .write(move |tx| accounts::save_instance_settings(tx, &actor, &input, &origin, now))
        .await;
    saved_or_again(
        result,
        |settings| {
            ctx.state.set_settings(settings);
            redirect(format!("{CURRENT}?notice=saved"))
        },
        |errors| {
            let failed = Failed {
                settings: Some((form, errors)),
                ..Failed::default()
            };
            page_with(
                &ctx,
                &user,
                failed,
                html! {},
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        },
    )
    .await
}

pub async fn invite(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let state = &ctx.state;
    let (base_url, organization) = (state.base_url(), state.settings().organization_name);
    let site = Site {
        base_url: &base_url,
        organization: &organization,
    };
    let request = (form.get("invite_email"), form.get("invite_role"));
    let now = state.clock.now();
    let deps = state.integrations();
    let result = invitations::send(
        &state.db,
        Mailer::of(&deps),
        &user,
        request,
        site,
        &ctx.origin(),
        now,
    )
    .await;
    saved_or_again(
        result,
        |Sent {
             invitation,
             link,
             delivery,
         }| {
            let message = html! {
                div.alert.alert-success role="status" {
                    @match &delivery {
                        Delivery::Emailed => {
                            p { strong { "Invitation emailed to " (invitation.email) "." } " The link works once within " (invitations::VALIDITY.num_days()) " days." }
                        }
                        other => {
                            p { strong { "Invitation created for " (invitation.email) "." } }
                            @if let Delivery::Failed(reason) = other {
                                p { "It could not be emailed (" (reason) "). " }
                            }
                            p { "Send them this one-time link. It is shown only now and works once within " (invitations::VALIDITY.num_days()) " days:" }
                            (copy_row("invite-link", "Invitation link", "url", &link))
                        }
                    }
                }
            };
            std::future::ready(Ok(show_once_at(&ctx, &user, CURRENT, message)))
        },
        |errors| {
            // The page has two forms with an email and a role: these carry a prefix.
            let mut prefixed = FieldErrors::new();
            for error in errors.iter() {
                prefixed.add(&format!("invite_{}", error.field), error.message.clone());
            }
            let failed = Failed {
                invitation: Some((form, prefixed)),
                ..Failed::default()
            };
            page_with(&ctx, &user, failed, html! {}, StatusCode::UNPROCESSABLE_ENTITY)
        },
    )
    .await
}

pub async fn revoke_invitation(
    Path(id): Path<i64>,
    AdminForm { ctx, user, .. }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let (actor, now, origin) = (user.clone(), ctx.state.clock.now(), ctx.origin());
    ctx.state
        .db
        .write(move |tx| invitations::revoke(tx, &actor, id, &origin, now))
        .await?;
    Ok(Redirect::to(&format!("{CURRENT}?notice=invitation-revoked")).into_response())
}

/// The choice of how long a session may stay idle, with what each suits.
fn idle_select(selected: &str, errors: &FieldErrors) -> Markup {
    let options: Vec<(String, String)> = crate::auth::IDLE_MINUTES_CHOICES
        .iter()
        .map(|minutes| {
            let fits = crate::auth::INSTALLATION_KINDS
                .iter()
                .find(|(_, _, m)| m == minutes)
                .map(|(_, text, _)| format!(" ({text})"))
                .unwrap_or_default();
            let time = crate::web::setup::idle_words(*minutes);
            (minutes.to_string(), format!("{time}{fits}"))
        })
        .collect();
    let options: Vec<(&str, &str)> = options
        .iter()
        .map(|(value, label)| (value.as_str(), label.as_str()))
        .collect();
    select_field(
        "session_idle_minutes",
        "Sign out after inactivity",
        &options,
        selected,
        Some("A minute before, the page asks whether the person is still there."),
        errors,
    )
}

/// What an administrator sees after making someone an account: that the link to choose
/// a password was emailed to them, or the link to pass on when it could not be.
pub(crate) async fn account_link_notice(
    ctx: &Ctx,
    created: &User,
    token: &str,
    headline: &str,
) -> Result<Markup, WebError> {
    let state = &ctx.state;
    let link = format!("{}/reset/{token}", state.base_url());
    let days = crate::scheduling::manage::ACCOUNT_LINK_VALIDITY.num_days();
    let organization = state.settings().organization_name;
    let deps = state.integrations();
    let delivery =
        invitations::send_account_link(Mailer::of(&deps), &organization, created, &link, days)
            .await?;
    Ok(html! {
        div.alert.alert-success role="status" {
            p { strong { (headline) } }
            @match &delivery {
                Delivery::Emailed => {
                    p { "We emailed " (created.email) " a one-time link to choose their password. It works once within " (days) " days." }
                }
                other => {
                    @if let Delivery::Failed(reason) = other {
                        p { "The link could not be emailed (" (reason) "). " }
                    }
                    p { "Send them this one-time link to choose their password. It is shown only now and is valid for " (days) " days:" }
                    (copy_row("invite-link", "One-time link", "url", &link))
                }
            }
        }
    })
}
