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
use crate::present::{Language, Locale};
use crate::scheduling::manage::{self, ManageError};
use crate::t;
use crate::web::dashboard::{NoticeQuery, admin_only, page_notices, render_status, show_once_at};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, checkbox_field, copy_row, csrf_field, error_summary, field, notice, select_field,
    textarea_field,
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
    let lang = ctx.lang;
    let dates = Locale::default().in_language(lang);
    let trouble = super::jobs::trouble_notice(ctx, zone, user.twelve_hour).await?;
    let roles = [
        ("member", t!(lang, "admin-role-member")),
        ("admin", t!(lang, "admin-role-admin")),
    ];
    let weekdays: Vec<(&str, String)> = [
        ("monday", chrono::Weekday::Mon),
        ("sunday", chrono::Weekday::Sun),
        ("saturday", chrono::Weekday::Sat),
    ]
    .into_iter()
    .map(|(value, day)| (value, dates.weekday_long(day)))
    .collect();
    let body = html! {
        (message)
        (trouble)
        div.page-head { div { h1 { (t!(lang, "admin-title")) } p.muted {
            (t!(lang, "admin-intro")) " "
            a href="/dashboard/admin/audit" { (t!(lang, "admin-audit-title")) } " · "
            a href="/dashboard/admin/sso" { (t!(lang, "admin-sso-title")) } " · "
            a href="/dashboard/admin/email" { (t!(lang, "admin-email-title")) } " · "
            a href="/dashboard/admin/sms" { (t!(lang, "admin-sms-title")) } " · "
            a href="/dashboard/admin/jobs" { (t!(lang, "admin-jobs-title")) } " · "
            a href="/dashboard/admin/calendars" { (t!(lang, "admin-calendar-sync")) } " · "
            a href="/dashboard/admin/integrations" { (t!(lang, "admin-integrations-title")) }
        } } }
        div.editor {
            section.panel aria-labelledby="people-title" {
                h2 #people-title { (t!(lang, "admin-people")) }
                ul.list.compact {
                    @for person in &people {
                        li {
                            div.list-main {
                                span.list-title { (person.name) }
                                div.list-sub {
                                    span { (person.email) }
                                    span.badge { (t!(lang, "admin-role", role = person.role.as_str())) }
                                    @if person.disabled { span.badge.off { (t!(lang, "admin-disabled")) } }
                                    @if person.password_hash.is_none() { span.badge.warn { (t!(lang, "admin-no-password")) } }
                                    span { (t!(lang, "admin-since", date = dates.long_date(person.created_at.with_timezone(&zone).date_naive()))) }
                                }
                            }
                            @if person.id != user.id && person.role != Role::Owner {
                                @if person.disabled {
                                    form method="post" action=(format!("{CURRENT}/users/{}/enable", person.id)) {
                                        (csrf_field(&csrf))
                                        button.button.ghost.small type="submit" { (t!(lang, "admin-enable")) }
                                    }
                                } @else {
                                    form method="post" action=(format!("{CURRENT}/users/{}/disable", person.id)) data-confirm=(t!(lang, "admin-disable-confirm", name = person.name.as_str())) {
                                        (csrf_field(&csrf))
                                        button.button.ghost.small.danger type="submit" { (t!(lang, "admin-disable")) }
                                    }
                                }
                            }
                        }
                    }
                }
                h3.subhead { (t!(lang, "admin-create-account")) }
                p.hint { (t!(lang, "admin-create-account-hint", days = manage::ACCOUNT_LINK_VALIDITY.num_days())) }
                (error_summary(&user_errors))
                form method="post" action=(format!("{CURRENT}/users")) data-validate {
                    (csrf_field(&csrf))
                    div.two-col {
                        (field(&Field { name: "name", label: &t!(lang, "admin-name"), value: user_form.get("name"), required: true, autocomplete: Some("off"), ..Field::default() }, &user_errors))
                        (field(&Field { name: "email", label: &t!(lang, "admin-email"), kind: "email", value: user_form.get("email"), required: true, autocomplete: Some("off"), ..Field::default() }, &user_errors))
                        (select_field("role", &t!(lang, "admin-role-label"), &roles, user_form.get("role"), None, &user_errors))
                    }
                    button.button.primary type="submit" { (t!(lang, "admin-create-account-button")) }
                }
            }
            section.panel #invitations aria-labelledby="invitations-title" {
                h2 #invitations-title { (t!(lang, "admin-invitations")) }
                p.hint { (t!(lang, "admin-invitations-hint", days = invitations::VALIDITY.num_days())) }
                (error_summary(&invite_errors))
                form method="post" action=(format!("{CURRENT}/invitations")) data-validate {
                    (csrf_field(&csrf))
                    div.two-col {
                        (field(&Field { name: "invite_email", label: &t!(lang, "admin-email"), kind: "email", value: invite_form.get("invite_email"), required: true, autocomplete: Some("off"), ..Field::default() }, &invite_errors))
                        (select_field("invite_role", &t!(lang, "admin-role-label"), &roles, invite_form.get("invite_role"), None, &invite_errors))
                    }
                    button.button.primary type="submit" { (t!(lang, "admin-send-invitation")) }
                }
                @if invitations.is_empty() {
                    p.muted.small { (t!(lang, "admin-no-invitations")) }
                } @else {
                    h3.subhead { (t!(lang, "admin-pending")) }
                    ul.list.compact {
                        @for invitation in &invitations {
                            li {
                                div.list-main {
                                    span.list-title { (invitation.email) }
                                    div.list-sub {
                                        span.badge { (t!(lang, "admin-role", role = invitation.role.as_str())) }
                                        span { (t!(lang, "admin-expires", date = dates.long_date(invitation.expires_at.with_timezone(&zone).date_naive()))) }
                                    }
                                }
                                form method="post" action=(format!("{CURRENT}/invitations/{}/revoke", invitation.id)) data-confirm=(t!(lang, "admin-revoke-confirm", email = invitation.email.as_str())) {
                                    (csrf_field(&csrf))
                                    button.button.ghost.small.danger type="submit" { (t!(lang, "admin-revoke")) }
                                }
                            }
                        }
                    }
                }
            }
            section.panel aria-labelledby="instance-title" {
                h2 #instance-title { (t!(lang, "admin-instance")) }
                (error_summary(&settings_errors))
                form method="post" action=(format!("{CURRENT}/settings")) data-validate {
                    (csrf_field(&csrf))
                    div.two-col {
                        (field(&Field { name: "organization_name", label: &t!(lang, "setup-organization-name"), value: settings_form.get("organization_name"), required: true, ..Field::default() }, &settings_errors))
                        (field(&Field { name: "base_url", label: &t!(lang, "home-public-address"), kind: "url", value: settings_form.get("base_url"), hint: Some(&t!(lang, "admin-public-address-hint")), ..Field::default() }, &settings_errors))
                        (zone_select(lang, "default_time_zone", &t!(lang, "home-default-zone"), settings_form.get("default_time_zone"), ctx.state.clock.now(), &settings_errors))
                        (select_field("first_day_of_week", &t!(lang, "home-week-starts"), &weekdays, settings_form.get("first_day_of_week"), None, &settings_errors))
                        (select_field("default_language", &t!(lang, "settings-default-language"), &crate::web::layout::language_options(None), settings_form.get("default_language"), Some(&t!(lang, "settings-default-language-hint")), &settings_errors))
                    }
                    (select_field("signup", &t!(lang, "admin-signup"), &[("closed", t!(lang, "admin-signup-closed")), ("invite", t!(lang, "admin-signup-invite"))], settings_form.get("signup"), Some(&t!(lang, "admin-signup-hint")), &settings_errors))
                    (textarea_field("embed_origins", &t!(lang, "admin-embed-origins"), settings_form.get("embed_origins"), Some(&t!(lang, "admin-embed-origins-hint")), false, &settings_errors))
                    div.two-col {
                        (select_field("require_mfa", &t!(lang, "admin-require-mfa"), &[("off", t!(lang, "admin-require-mfa-off")), ("administrators", t!(lang, "admin-require-mfa-administrators")), ("everyone", t!(lang, "admin-require-mfa-everyone"))], settings_form.get("require_mfa"), Some(&t!(lang, "admin-require-mfa-hint")), &settings_errors))
                        (field(&Field { name: "audit_retention_years", label: &t!(lang, "admin-audit-retention"), kind: "number", value: settings_form.get("audit_retention_years"), min: Some("1"), inputmode: Some("numeric"), required: true, hint: Some(&t!(lang, "admin-audit-retention-hint")), ..Field::default() }, &settings_errors))
                    }
                    div.two-col {
                        (field(&Field { name: "bookings_per_event_type_per_hour", label: &t!(lang, "admin-limit-event-type"), kind: "number", value: settings_form.get("bookings_per_event_type_per_hour"), min: Some("0"), inputmode: Some("numeric"), required: true, hint: Some(&t!(lang, "admin-limit-event-type-hint")), ..Field::default() }, &settings_errors))
                        (field(&Field { name: "bookings_per_host_per_hour", label: &t!(lang, "admin-limit-host"), kind: "number", value: settings_form.get("bookings_per_host_per_hour"), min: Some("0"), inputmode: Some("numeric"), required: true, hint: Some(&t!(lang, "admin-limit-host-hint")), ..Field::default() }, &settings_errors))
                    }
                    (idle_select(lang, settings_form.get("session_idle_minutes"), &settings_errors))
                    (checkbox_field("minimum_necessary", &t!(lang, "admin-minimum-necessary"), settings_form.has("minimum_necessary"), Some(&t!(lang, "admin-minimum-necessary-hint"))))
                    (checkbox_field("allow_private_targets", &t!(lang, "admin-allow-private"), settings_form.has("allow_private_targets"), Some(&t!(lang, "admin-allow-private-hint"))))
                    button.button.primary type="submit" { (t!(lang, "admin-save-settings")) }
                }
            }
        }
    };
    Ok(render_status(
        ctx,
        user,
        &t!(lang, "admin-title"),
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
                let headline = t!(
                    ctx.lang,
                    "admin-account-created",
                    name = created.name.as_str()
                );
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
                notice("error", &message.text(ctx.lang)),
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
    let (base_url, settings) = (state.base_url(), state.settings());
    let site = Site {
        base_url: &base_url,
        organization: &settings.organization_name,
        language: settings.default_language,
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
            let (lang, days) = (ctx.lang, invitations::VALIDITY.num_days());
            let email = invitation.email.as_str();
            let message = html! {
                div.alert.alert-success role="status" {
                    @match &delivery {
                        Delivery::Emailed => {
                            p { strong { (t!(lang, "admin-invitation-emailed", email = email)) } " " (t!(lang, "admin-invitation-link-works", days = days)) }
                        }
                        other => {
                            p { strong { (t!(lang, "admin-invitation-created", email = email)) } }
                            @if let Delivery::Failed(reason) = other {
                                p { (t!(lang, "admin-not-emailed-invitation", reason = reason.as_str())) " " }
                            }
                            p { (t!(lang, "admin-invitation-send-link", days = days)) }
                            (copy_row("invite-link", &t!(lang, "admin-invitation-link"), "url", &link))
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
                prefixed.push_as(&format!("invite_{}", error.field), error);
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
fn idle_select(lang: Language, selected: &str, errors: &FieldErrors) -> Markup {
    let options: Vec<(String, String)> = crate::auth::IDLE_MINUTES_CHOICES
        .iter()
        .map(|minutes| {
            let time = if minutes % 60 == 0 {
                t!(lang, "admin-idle-hours", hours = minutes / 60)
            } else {
                t!(lang, "admin-idle-minutes", minutes = *minutes)
            };
            let fits = crate::auth::INSTALLATION_KINDS
                .iter()
                .find(|(_, _, m)| m == minutes)
                .map(|(kind, _, _)| match *kind {
                    "shared" => t!(lang, "setup-installation-shared"),
                    "office" => t!(lang, "setup-installation-office"),
                    _ => t!(lang, "setup-installation-personal"),
                });
            let label = match fits {
                Some(fits) => t!(lang, "admin-idle-option", time = time, fits = fits),
                None => time,
            };
            (minutes.to_string(), label)
        })
        .collect();
    select_field(
        "session_idle_minutes",
        &t!(lang, "admin-idle"),
        &options,
        selected,
        Some(&t!(lang, "admin-idle-hint")),
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
    let settings = state.settings();
    let deps = state.integrations();
    // Written in the person's language, else the organization's.
    let reads = created.language.unwrap_or(settings.default_language);
    let delivery = invitations::send_account_link(
        Mailer::of(&deps),
        (&settings.organization_name, reads),
        created,
        &link,
        days,
    )
    .await?;
    let lang = ctx.lang;
    Ok(html! {
        div.alert.alert-success role="status" {
            p { strong { (headline) } }
            @match &delivery {
                Delivery::Emailed => {
                    p { (t!(lang, "admin-account-link-emailed", email = created.email.as_str(), days = days)) }
                }
                other => {
                    @if let Delivery::Failed(reason) = other {
                        p { (t!(lang, "admin-not-emailed-link", reason = reason.as_str())) " " }
                    }
                    p { (t!(lang, "admin-account-link-send", days = days)) }
                    (copy_row("invite-link", &t!(lang, "admin-one-time-link"), "url", &link))
                }
            }
        }
    })
}
