//! Administration of the cloud services hosts connect with a sign-in: the app the
//! organization registered with each vendor, and what to register there.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use crate::integrations::calendars::accounts;
use crate::integrations::oauth::{self, AppError, AppInput, Vendor};
use crate::model::error::FieldErrors;
use crate::web::dashboard::admin_only as admin;
use crate::web::dashboard::{NoticeQuery, flash_notice, render_status};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::{Field, checkbox_field, copy_row, csrf_field, error_summary, field};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{Ctx, WebError};

const PAGE: &str = "/dashboard/admin/integrations";

fn google_panel(
    ctx: &Ctx,
    configured: Option<&oauth::App>,
    form: &FormData,
    errors: &FieldErrors,
) -> Markup {
    let deps = ctx.state.integrations();
    let callback = accounts::redirect_uri(&deps, Vendor::Google);
    let secret_hint = if configured.is_some() {
        "A secret is stored (encrypted with the instance key) and never shown again. Leave empty to keep it."
    } else {
        "From the OAuth client you create in the Google Cloud console."
    };
    let client_id = if form.0.is_empty() {
        configured
            .map(|app| app.client_id.as_str())
            .unwrap_or_default()
    } else {
        form.get("client_id")
    };
    html! {
        section.panel #google aria-labelledby="google-title" {
            h2 #google-title {
                "Google Calendar "
                @if configured.is_some() { span.badge.ok { "Set up" } } @else { span.badge { "Not set up" } }
            }
            p.muted { "Hosts connect their Google calendars with a sign-in: their events block their slots, and bookings are written to the calendar they choose. Until an app is set up here, hosts do not see Google and Kairos never calls it." }
            (error_summary(errors))
            form method="post" action=(format!("{PAGE}/google")) data-validate {
                (csrf_field(&ctx.csrf_token()))
                div.two-col {
                    (field(&Field { name: "client_id", label: "Client ID", value: client_id, autocomplete: Some("off"), placeholder: Some("1234-abc.apps.googleusercontent.com"), ..Field::default() }, errors))
                    (field(&Field { name: "client_secret", label: "Client secret", kind: "password", autocomplete: Some("new-password"), hint: Some(secret_hint), ..Field::default() }, errors))
                }
                @if configured.is_some() {
                    (checkbox_field("remove", "Remove Google: hosts can no longer connect it, and connected accounts stop syncing", form.has("remove"), None))
                }
                button.button.primary type="submit" { "Save Google" }
            }
            h3.subhead { "At Google" }
            ol.help-list {
                li { "In the Google Cloud console, create a project and enable the " strong { "Google Calendar API" } "." }
                li { "Set up the OAuth consent screen (internal for a Workspace organization) with the scopes " code { "calendar.events" } " and " code { "calendar.readonly" } "." }
                li { "Create an OAuth client ID of type " strong { "Web application" } " with this authorized redirect URI, then paste its client ID and secret above:" }
            }
            (copy_row("google-redirect-uri", "Redirect URI", "url", &callback))
            p.muted.small { "What leaves this appliance: the times and titles of bookings written to a host's Google calendar (with \"minimum necessary\" on, no names, answers or notes), and requests for the host's events, which Kairos reduces to busy times." }
        }
    }
}

async fn page_with(
    ctx: &Ctx,
    form: &FormData,
    errors: &FieldErrors,
    status: StatusCode,
    notice: Markup,
) -> Result<Response, WebError> {
    let user = admin(ctx)?;
    let google = accounts::vendor_app(&ctx.state.integrations(), Vendor::Google).await?;
    let body = html! {
        (notice)
        div.page-head { div {
            h1 { "Integrations" }
            p.muted { "Cloud services hosts can connect. Each one uses an app your organization registers with the vendor. " a href="/dashboard/admin" { "Back to administration" } }
        } }
        div.editor {
            (google_panel(ctx, google.as_ref(), form, errors))
        }
    };
    Ok(render_status(
        ctx,
        &user,
        "Integrations",
        "/dashboard/admin",
        status,
        body,
    ))
}

pub async fn page(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    page_with(
        &ctx,
        &FormData::default(),
        &FieldErrors::new(),
        StatusCode::OK,
        flash_notice(&query.notice),
    )
    .await
}

pub async fn save_google(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let input = AppInput {
        client_id: form.get("client_id").to_string(),
        client_secret: form.get("client_secret").to_string(),
        remove: form.has("remove"),
    };
    let result = oauth::save_app(
        &ctx.state.integrations(),
        user.id,
        Vendor::Google,
        &input,
        &ctx.origin(),
    )
    .await;
    saved_or_again(
        result,
        |_| redirect(format!("{PAGE}?notice=saved#google")),
        |errors| async move {
            let kept = FormData(
                form.0
                    .into_iter()
                    .filter(|(name, _)| name != "client_secret")
                    .collect(),
            );
            page_with(
                &ctx,
                &kept,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                html! {},
            )
            .await
        },
    )
    .await
}

impl From<AppError> for WebError {
    fn from(err: AppError) -> Self {
        match err {
            AppError::Db(err) => err.into(),
            AppError::Invalid(errors) => WebError::Internal(errors.to_string()),
        }
    }
}
