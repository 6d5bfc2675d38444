//! Administration of the cloud services hosts connect with a sign-in: the app the
//! organization registered with each vendor, and what to register there.

use axum::extract::{Path, Query};
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
use crate::web::layout::{Field, copy_row, csrf_field, error_summary, field, scoped_checkbox};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{Ctx, WebError};

const PAGE: &str = "/dashboard/admin/integrations";

/// What an administrator reads beside a vendor's form: where the app is registered, and
/// what leaves the appliance once hosts connect it.
struct Guide {
    intro: &'static str,
    secret_from: &'static str,
    client_id_example: &'static str,
    at_vendor: &'static str,
    steps: Markup,
    leaves: &'static str,
}

fn guide(vendor: Vendor) -> Guide {
    match vendor {
        Vendor::Google => Guide {
            intro: "Hosts connect their Google calendars with a sign-in: their events block their slots, and bookings are written to the calendar they choose. Until an app is set up here, hosts do not see Google and Kairos never calls it.",
            secret_from: "From the OAuth client you create in the Google Cloud console.",
            client_id_example: "1234-abc.apps.googleusercontent.com",
            at_vendor: "At Google",
            steps: html! {
                li { "In the Google Cloud console, create a project and enable the " strong { "Google Calendar API" } "." }
                li { "Set up the OAuth consent screen (internal for a Workspace organization) with the scopes " code { "calendar.events" } " and " code { "calendar.readonly" } "." }
                li { "Create an OAuth client ID of type " strong { "Web application" } " with this authorized redirect URI, then paste its client ID and secret above:" }
            },
            leaves: "What leaves this appliance: the times and titles of bookings written to a host's Google calendar (with \"minimum necessary\" on, no names, answers or notes), and requests for the host's events, which Kairos reduces to busy times.",
        },
        Vendor::Microsoft => Guide {
            intro: "Hosts connect their Microsoft 365 or Outlook.com calendars with a sign-in: their events block their slots, and bookings are written to the calendar they choose. Until an app is set up here, hosts do not see Microsoft and Kairos never calls it.",
            secret_from: "The value of a client secret you add under Certificates & secrets in the Microsoft Entra admin center.",
            client_id_example: "00000000-0000-0000-0000-000000000000",
            at_vendor: "At Microsoft",
            steps: html! {
                li { "In the Microsoft Entra admin center, open " strong { "App registrations" } " and register a new application: accounts in this organizational directory only (then enter its directory (tenant) ID above), or in any directory and personal accounts (then leave " code { "common" } ")." }
                li { "Under " strong { "API permissions" } ", add the delegated Microsoft Graph permissions " code { "Calendars.ReadWrite" } " and " code { "offline_access" } "." }
                li { "Under " strong { "Certificates & secrets" } ", add a client secret and paste its value above with the application (client) ID." }
                li { "Under " strong { "Authentication" } ", add the platform " strong { "Web" } " with this redirect URI:" }
            },
            leaves: "What leaves this appliance: the times and titles of bookings written to a host's Microsoft calendar (with \"minimum necessary\" on, no names, answers or notes), and requests for the host's events, which Kairos reduces to busy times.",
        },
        Vendor::Zoom => Guide {
            intro: "Hosts connect their Zoom account with a sign-in, and event types can then take place on Zoom: Kairos makes a Zoom meeting for each booking, moves it when the booking moves and deletes it when the booking is cancelled. Until an app is set up here, hosts do not see Zoom and Kairos never calls it.",
            secret_from: "From the OAuth app you create in the Zoom App Marketplace (App Credentials).",
            client_id_example: "AbCdEfGhIjKlMnOpQrStU",
            at_vendor: "At Zoom",
            steps: html! {
                li { "In the Zoom App Marketplace, choose " strong { "Develop → Build App" } " and create a " strong { "General App" } " (user-managed), or an OAuth app." }
                li { "Add the scopes to create, update and delete meetings and to read the user (" code { "meeting:write" } " and " code { "user:read" } ", or their granular equivalents)." }
                li { "Enter this redirect URL (also in the OAuth allow list), then paste the client ID and secret above:" }
            },
            leaves: "What leaves this appliance: each Zoom booking's title, time and length, and an agenda line naming the booking's identifier. No invitee names, emails, answers or notes.",
        },
    }
}

/// A vendor's form as it was submitted and refused, to show again.
struct Refused<'a> {
    vendor: Vendor,
    form: &'a FormData,
    errors: &'a FieldErrors,
}

fn vendor_panel(
    ctx: &Ctx,
    vendor: Vendor,
    configured: Option<&oauth::App>,
    refused: Option<&Refused<'_>>,
) -> Markup {
    let deps = ctx.state.integrations();
    let callback = accounts::redirect_uri(&deps, vendor);
    let guide = guide(vendor);
    let (key, label) = (vendor.key(), vendor.label());
    let empty = (FormData::default(), FieldErrors::new());
    let (form, errors) = refused
        .filter(|r| r.vendor == vendor)
        .map_or((&empty.0, &empty.1), |r| (r.form, r.errors));
    let secret_hint = if configured.is_some() {
        "A secret is stored (encrypted with the instance key) and never shown again. Leave empty to keep it."
    } else {
        guide.secret_from
    };
    let shown = |name: &str, stored: Option<&str>| {
        if form.0.is_empty() {
            stored.unwrap_or_default().to_string()
        } else {
            form.get(name).to_string()
        }
    };
    let client_id = shown("client_id", configured.map(|app| app.client_id.as_str()));
    let tenant = shown("tenant", configured.map(|app| app.tenant.as_str()));
    html! {
        section.panel id=(key) aria-labelledby=(format!("{key}-title")) {
            h2 id=(format!("{key}-title")) {
                (label) " "
                @if configured.is_some() { span.badge.ok { "Set up" } } @else { span.badge { "Not set up" } }
            }
            p.muted { (guide.intro) }
            (error_summary(errors))
            form method="post" action=(format!("{PAGE}/{key}")) data-validate {
                (csrf_field(&ctx.csrf_token()))
                div.two-col {
                    (field(&Field { name: "client_id", label: if vendor == Vendor::Microsoft { "Application (client) ID" } else { "Client ID" }, value: &client_id, autocomplete: Some("off"), placeholder: Some(guide.client_id_example), form: Some(key), ..Field::default() }, errors))
                    (field(&Field { name: "client_secret", label: "Client secret", kind: "password", autocomplete: Some("new-password"), hint: Some(secret_hint), form: Some(key), ..Field::default() }, errors))
                }
                @if vendor == Vendor::Microsoft {
                    (field(&Field { name: "tenant", label: "Directory (tenant) ID", value: &tenant, autocomplete: Some("off"), placeholder: Some(oauth::ANY_TENANT), hint: Some("Your organization's directory ID or domain (contoso.onmicrosoft.com), so only its accounts can connect; common for any work, school or personal Microsoft account."), form: Some(key), ..Field::default() }, errors))
                }
                @if configured.is_some() {
                    (scoped_checkbox(Some(key), "remove", &format!("Remove {label}: hosts can no longer connect it, and connected accounts stop syncing"), form.has("remove"), None))
                }
                button.button.primary type="submit" { "Save " (label) }
            }
            h3.subhead { (guide.at_vendor) }
            ol.help-list { (guide.steps) }
            (copy_row(&format!("{key}-redirect-uri"), "Redirect URI", "url", &callback))
            p.muted.small { (guide.leaves) }
        }
    }
}

async fn page_with(
    ctx: &Ctx,
    refused: Option<Refused<'_>>,
    status: StatusCode,
    notice: Markup,
) -> Result<Response, WebError> {
    let user = admin(ctx)?;
    let mut apps = Vec::new();
    for vendor in Vendor::ALL {
        apps.push((
            vendor,
            accounts::vendor_app(&ctx.state.integrations(), vendor).await?,
        ));
    }
    let body = html! {
        (notice)
        div.page-head { div {
            h1 { "Integrations" }
            p.muted { "Cloud services hosts can connect. Each one uses an app your organization registers with the vendor. " a href="/dashboard/admin" { "Back to administration" } }
        } }
        div.editor {
            @for (vendor, app) in &apps {
                (vendor_panel(ctx, *vendor, app.as_ref(), refused.as_ref()))
            }
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
    page_with(&ctx, None, StatusCode::OK, flash_notice(&query.notice)).await
}

/// Saves the app an administrator registered with a vendor.
pub async fn save(
    Path(vendor): Path<String>,
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let vendor = Vendor::parse(&vendor).ok_or(WebError::NotFound)?;
    let input = AppInput {
        client_id: form.get("client_id").to_string(),
        client_secret: form.get("client_secret").to_string(),
        tenant: form.get("tenant").to_string(),
        remove: form.has("remove"),
    };
    let result = oauth::save_app(
        &ctx.state.integrations(),
        user.id,
        vendor,
        &input,
        &ctx.origin(),
    )
    .await;
    saved_or_again(
        result,
        |_| redirect(format!("{PAGE}?notice=saved#{}", vendor.key())),
        |errors| async move {
            let kept = FormData(
                form.0
                    .into_iter()
                    .filter(|(name, _)| name != "client_secret")
                    .collect(),
            );
            let refused = Refused {
                vendor,
                form: &kept,
                errors: &errors,
            };
            page_with(
                &ctx,
                Some(refused),
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
