//! The signed-in pages: home, event types, availability, connected calendars, bookings,
//! teams, settings and administration. Every form carries a CSRF token, answers a failed submission with the
//! form and a message next to each field, and a successful one with a redirect that shows
//! a confirmation (`?notice=…`).

mod admin;
mod audit;
mod availability;
mod bookings;
mod calendars;
pub(crate) mod email;
mod event_types;
mod home;
mod integrations;
mod jobs;
mod mfa;
mod payments;
mod settings;
mod sms;
mod sso;
mod teams;
mod webhooks;
mod workflows;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::db::users::User;
use crate::scheduling::manage::ManageError;
use crate::t;

use crate::present::Language;
use crate::web::account::notice_text;
use crate::web::layout::{Shell, app_page, notice};
use crate::web::{Ctx, WebError};

pub use home::home;

/// The signed-in pages under `/dashboard/…`.
pub fn router() -> axum::Router<crate::app::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(
            "/dashboard/event-types",
            get(event_types::list).post(event_types::create),
        )
        .route("/dashboard/event-types/new", get(event_types::new_page))
        .route(
            "/dashboard/event-types/{id}",
            get(event_types::edit).post(event_types::save),
        )
        .route(
            "/dashboard/event-types/{id}/duplicate",
            post(event_types::duplicate),
        )
        .route("/dashboard/event-types/{id}/hide", post(event_types::hide))
        .route(
            "/dashboard/event-types/{id}/delete",
            post(event_types::delete),
        )
        .route(
            "/dashboard/availability",
            get(availability::list).post(availability::create),
        )
        .route(
            "/dashboard/availability/{id}",
            get(availability::edit).post(availability::save),
        )
        .route(
            "/dashboard/availability/{id}/delete",
            post(availability::delete),
        )
        .route(
            "/dashboard/out-of-office",
            post(availability::add_out_of_office),
        )
        .route(
            "/dashboard/out-of-office/{id}/delete",
            post(availability::delete_out_of_office),
        )
        .route(
            "/dashboard/calendars",
            get(calendars::list).post(calendars::connect),
        )
        .route("/dashboard/calendars/{id}/sync", post(calendars::sync_now))
        // `{id}` is a vendor's name here (`google`): one parameter name per position. A
        // link, not a form: `form-action 'self'` stops a form's redirect to the vendor.
        .route(
            "/dashboard/calendars/{id}/connect",
            get(calendars::start_vendor),
        )
        .route(
            "/dashboard/calendars/{id}/callback",
            get(calendars::vendor_callback),
        )
        .route(
            "/dashboard/calendars/{id}/options",
            post(calendars::options),
        )
        .route(
            "/dashboard/calendars/{id}/disconnect",
            post(calendars::disconnect),
        )
        .route(
            "/dashboard/calendars/{id}/calendars/{calendar}",
            post(calendars::choose),
        )
        .route("/dashboard/bookings", get(bookings::list))
        .route("/dashboard/bookings/{uid}", get(bookings::detail))
        .route("/dashboard/bookings/{uid}/confirm", post(bookings::confirm))
        .route("/dashboard/bookings/{uid}/reject", post(bookings::reject))
        .route("/dashboard/bookings/{uid}/cancel", post(bookings::cancel))
        .route("/dashboard/bookings/{uid}/refund", post(bookings::refund))
        .route("/dashboard/bookings/{uid}/no-show", post(bookings::no_show))
        .route(
            "/dashboard/bookings/{uid}/reschedule",
            get(bookings::reschedule_page).post(bookings::reschedule),
        )
        .route(
            "/dashboard/workflows",
            get(workflows::list).post(workflows::create),
        )
        .route("/dashboard/workflows/new", get(workflows::new_page))
        .route(
            "/dashboard/workflows/{id}",
            get(workflows::edit).post(workflows::save),
        )
        .route(
            "/dashboard/workflows/{id}/active",
            post(workflows::set_active),
        )
        .route("/dashboard/workflows/{id}/delete", post(workflows::delete))
        .route("/dashboard/teams", get(teams::list).post(teams::create))
        .route("/dashboard/teams/{id}", get(teams::detail))
        .route("/dashboard/teams/{id}/members", post(teams::add_member))
        .route(
            "/dashboard/teams/{id}/members/new",
            post(teams::create_member),
        )
        .route(
            "/dashboard/teams/{id}/members/{user}/remove",
            post(teams::remove_member),
        )
        .route("/dashboard/settings", get(settings::page))
        .route("/dashboard/settings/profile", post(settings::save_profile))
        .route(
            "/dashboard/settings/password",
            post(settings::change_password),
        )
        .route("/dashboard/settings/mfa", get(mfa::page).post(mfa::confirm))
        .route("/dashboard/settings/mfa/disable", post(mfa::disable))
        .route(
            "/dashboard/settings/mfa/backup-codes",
            post(mfa::replace_backup_codes),
        )
        .route(
            "/dashboard/settings/sign-out-everywhere",
            post(settings::sign_out_everywhere),
        )
        .route("/dashboard/settings/api-keys", post(settings::create_key))
        .route(
            "/dashboard/settings/api-keys/{id}/revoke",
            post(settings::revoke_key),
        )
        .route(
            "/dashboard/webhooks",
            get(webhooks::list).post(webhooks::create),
        )
        .route(
            "/dashboard/webhooks/{id}",
            get(webhooks::detail).post(webhooks::save),
        )
        .route("/dashboard/webhooks/{id}/ping", post(webhooks::ping))
        .route("/dashboard/webhooks/{id}/delete", post(webhooks::delete))
        .route("/dashboard/admin", get(admin::page))
        .route("/dashboard/admin/audit", get(audit::page))
        .route("/dashboard/admin/jobs", get(jobs::page))
        .route("/dashboard/admin/calendars", get(calendars::health))
        .route("/dashboard/admin/email", get(email::page).post(email::save))
        .route("/dashboard/admin/email/test", post(email::test))
        .route("/dashboard/admin/jobs/{id}/retry", post(jobs::retry))
        .route("/dashboard/admin/jobs/retry-dead", post(jobs::retry_dead))
        .route("/dashboard/admin/sso", get(sso::page).post(sso::save))
        .route("/dashboard/admin/integrations", get(integrations::page))
        .route(
            "/dashboard/admin/integrations/stripe",
            post(payments::save_stripe),
        )
        .route(
            "/dashboard/admin/integrations/stripe/check",
            post(payments::check_stripe),
        )
        .route(
            "/dashboard/admin/integrations/{id}",
            post(integrations::save),
        )
        .route("/dashboard/admin/users", post(admin::create_user))
        .route("/dashboard/admin/invitations", post(admin::invite))
        .route(
            "/dashboard/admin/invitations/{id}/revoke",
            post(admin::revoke_invitation),
        )
        .route("/dashboard/admin/users/{id}/disable", post(admin::disable))
        .route("/dashboard/admin/users/{id}/enable", post(admin::enable))
        .route("/dashboard/admin/settings", post(admin::save_settings))
        .route("/dashboard/admin/sms", get(sms::page).post(sms::save))
        .route("/dashboard/admin/sms/twilio", post(sms::twilio))
        .route("/dashboard/admin/sms/remove", post(sms::remove))
        .route("/dashboard/admin/sms/test", post(sms::test))
}

/// The confirmation a redirect asks a dashboard page to show, in `lang`.
pub fn flash(lang: Language, key: &str) -> Option<String> {
    let id = match key {
        "created" => "flash-created",
        "saved" => "flash-saved",
        "deleted" => "flash-deleted",
        "duplicated" => "flash-duplicated",
        "hidden" => "flash-hidden",
        "shown" => "flash-shown",
        "confirmed" => "flash-confirmed",
        "rejected" => "flash-rejected",
        "cancelled" => "flash-cancelled",
        "rescheduled" => "flash-rescheduled",
        "member-added" => "flash-member-added",
        "member-removed" => "flash-member-removed",
        "key-revoked" => "flash-key-revoked",
        "password-changed" => "flash-password-changed",
        "user-disabled" => "flash-user-disabled",
        "user-enabled" => "flash-user-enabled",
        "mfa-off" => "flash-mfa-off",
        "invitation-revoked" => "flash-invitation-revoked",
        "ooo-added" => "flash-ooo-added",
        "ooo-removed" => "flash-ooo-removed",
        "job-retried" => "flash-job-retried",
        "job-not-retried" => "flash-job-not-retried",
        "jobs-retried" => "flash-jobs-retried",
        "no-dead-jobs" => "flash-no-dead-jobs",
        "workflow-on" => "flash-workflow-on",
        "workflow-off" => "flash-workflow-off",
        "calendar-connected" => "flash-calendar-connected",
        "calendar-disconnected" => "flash-calendar-disconnected",
        "sync-planned" => "flash-sync-planned",
        "stripe-removed" => "pay-flash-stripe-removed",
        "refund-planned" => "pay-flash-refund-planned",
        "no-show" => "pay-flash-no-show",
        other => return notice_text(lang, other),
    };
    Some(crate::i18n::message(lang, id, None))
}

/// A signed-in page in the dashboard frame.
pub fn render(ctx: &Ctx, user: &User, title: &str, current: &str, body: Markup) -> Response {
    let settings = ctx.state.settings();
    let csrf = ctx.csrf_token();
    let shell = Shell {
        lang: ctx.lang,
        title,
        org: &settings.organization_name,
        user,
        csrf: &csrf,
        current,
        session_left: ctx.session_seconds_left(),
    };
    app_page(&shell, body).into_response()
}

/// The same, with a status (a form that failed validation answers 422).
pub fn render_status(
    ctx: &Ctx,
    user: &User,
    title: &str,
    current: &str,
    status: StatusCode,
    body: Markup,
) -> Response {
    (status, render(ctx, user, title, current, body)).into_response()
}

/// The confirmation from `?notice=`, if any.
pub fn flash_notice(key: &str) -> Markup {
    html! { @if let Some(text) = flash(crate::web::ctx::request_language(), key) { (notice("success", &text)) } }
}

/// Answers a POST whose result must be seen once (a new key, a one-time link): keeps
/// `message` for the signed-in user and redirects to `page` (which may end in a
/// `#fragment`), where [`page_notices`] shows it; a reload says it is no longer shown.
pub fn show_once_at(ctx: &Ctx, user: &User, page: &str, message: Markup) -> Response {
    keep_for_page(ctx, user, page, "shown", message)
}

/// Answers a POST whose outcome is a report, not a secret (a test message sent, a
/// webhook pinged): shown on `page` like [`show_once_at`]; a reload shows the page as it
/// is, without the report.
pub fn show_result_at(ctx: &Ctx, user: &User, page: &str, message: Markup) -> Response {
    keep_for_page(ctx, user, page, "result", message)
}

fn keep_for_page(ctx: &Ctx, user: &User, page: &str, param: &str, message: Markup) -> Response {
    let token = ctx
        .state
        .shown_once
        .keep(user.id, message, ctx.state.clock.now());
    let (path, fragment) = page.split_once('#').unwrap_or((page, ""));
    let separator = if path.contains('?') { '&' } else { '?' };
    let hash = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    Redirect::to(&format!("{path}{separator}{param}={token}{hash}")).into_response()
}

/// The notices a page shows on arrival: a redirect's confirmation, and what a POST
/// left to be shown once (gone after one view, so a reload says that instead of a
/// secret, and shows nothing instead of a report).
pub fn page_notices(ctx: &Ctx, user: &User, query: &NoticeQuery) -> Markup {
    let take = |token: &str| match token {
        "" => None,
        token => Some(
            ctx.state
                .shown_once
                .take(user.id, token, ctx.state.clock.now()),
        ),
    };
    let (shown, result) = (take(&query.shown), take(&query.result).flatten());
    html! {
        (flash_notice(&query.notice))
        @if let Some(report) = result { (report) }
        @match shown {
            Some(Some(message)) => (message),
            Some(None) => (notice("info", &t!(ctx.lang, "notice-shown-once-gone"))),
            None => {}
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoticeQuery {
    pub notice: String,
    /// The token of a message shown once, see [`show_once_at`].
    pub shown: String,
    /// The token of a report shown once, see [`show_result_at`].
    pub result: String,
}

impl From<ManageError> for WebError {
    fn from(err: ManageError) -> Self {
        match err {
            ManageError::NotFound(_) => WebError::NotFound,
            ManageError::Forbidden(_) => WebError::Forbidden,
            ManageError::Db(err) => WebError::Db(err),
            other => WebError::Internal(other.to_string()),
        }
    }
}

/// The user as signed in, or a redirect to sign in; the first page after setup sends
/// admins to finish it.
pub fn signed_in(ctx: &Ctx) -> Result<User, WebError> {
    ctx.require_user().cloned()
}

/// The signed-in administrator; anyone else is refused.
pub fn admin_only(ctx: &Ctx) -> Result<User, WebError> {
    ctx.require_admin().cloned()
}
