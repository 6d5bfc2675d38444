//! Administration of the cloud services hosts connect with a sign-in: the app the
//! organization registered with each vendor, and what to register there; and of the
//! Stripe account paid event types take payment through (see [`super::payments`]).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use crate::db::users::User;
use crate::integrations::calendars::accounts;
use crate::integrations::oauth::{self, AppError, AppInput, Vendor};
use crate::model::error::FieldErrors;
use crate::present::Language;
use crate::t;
use crate::web::dashboard::admin_only as admin;
use crate::web::dashboard::payments;
use crate::web::dashboard::{NoticeQuery, page_notices, render_status};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::{Field, copy_row, csrf_field, error_summary, field, scoped_checkbox};
use crate::web::layout::{mark, marked};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{Ctx, WebError};

pub(super) const PAGE: &str = "/dashboard/admin/integrations";

/// What an administrator reads beside a vendor's form: where the app is registered, and
/// what leaves the appliance once hosts connect it.
struct Guide {
    intro: String,
    secret_from: String,
    client_id_example: &'static str,
    at_vendor: String,
    steps: Markup,
    leaves: String,
}

/// A name in a vendor's console, as the console writes it.
fn ui(name: &str) -> Markup {
    html! { strong { (name) } }
}

fn code(text: &str) -> Markup {
    html! { code { (text) } }
}

fn guide(lang: Language, vendor: Vendor) -> Guide {
    match vendor {
        Vendor::Google => Guide {
            intro: t!(lang, "admin-google-intro"),
            secret_from: t!(lang, "admin-google-secret-from"),
            client_id_example: "1234-abc.apps.googleusercontent.com",
            at_vendor: t!(lang, "admin-google-at"),
            steps: html! {
                li { (marked(&t!(lang, "admin-google-step-project", api = mark(0)), &[ui("Google Calendar API")])) }
                li { (marked(&t!(lang, "admin-google-step-consent", events = mark(0), readonly = mark(1)), &[code("calendar.events"), code("calendar.readonly")])) }
                li { (marked(&t!(lang, "admin-google-step-client", kind = mark(0)), &[ui("Web application")])) }
            },
            leaves: t!(lang, "admin-google-leaves"),
        },
        Vendor::Microsoft => Guide {
            intro: t!(lang, "admin-microsoft-intro"),
            secret_from: t!(lang, "admin-microsoft-secret-from"),
            client_id_example: "00000000-0000-0000-0000-000000000000",
            at_vendor: t!(lang, "admin-microsoft-at"),
            steps: html! {
                li { (marked(&t!(lang, "admin-microsoft-step-register", registrations = mark(0), common = mark(1)), &[ui("App registrations"), code("common")])) }
                li { (marked(&t!(lang, "admin-microsoft-step-permissions", permissions = mark(0), readwrite = mark(1), offline = mark(2)), &[ui("API permissions"), code("Calendars.ReadWrite"), code("offline_access")])) }
                li { (marked(&t!(lang, "admin-microsoft-step-secret", secrets = mark(0)), &[ui("Certificates & secrets")])) }
                li { (marked(&t!(lang, "admin-microsoft-step-platform", authentication = mark(0), web = mark(1)), &[ui("Authentication"), ui("Web")])) }
            },
            leaves: t!(lang, "admin-microsoft-leaves"),
        },
        Vendor::Zoom => Guide {
            intro: t!(lang, "admin-zoom-intro"),
            secret_from: t!(lang, "admin-zoom-secret-from"),
            client_id_example: "AbCdEfGhIjKlMnOpQrStU",
            at_vendor: t!(lang, "admin-zoom-at"),
            steps: html! {
                li { (marked(&t!(lang, "admin-zoom-step-app", menu = mark(0), app = mark(1)), &[ui("Develop → Build App"), ui("General App")])) }
                li { (marked(&t!(lang, "admin-zoom-step-scopes", write = mark(0), read = mark(1)), &[code("meeting:write"), code("user:read")])) }
                li { (t!(lang, "admin-zoom-step-redirect")) }
            },
            leaves: t!(lang, "admin-zoom-leaves"),
        },
    }
}

/// A panel's form as it was submitted and refused, to show again.
pub(super) struct Refused<'a> {
    /// The panel's key: a vendor's (`google`) or `stripe`.
    pub panel: &'static str,
    pub form: &'a FormData,
    pub errors: &'a FieldErrors,
}

fn vendor_panel(
    ctx: &Ctx,
    vendor: Vendor,
    configured: Option<&oauth::App>,
    refused: Option<&Refused<'_>>,
) -> Markup {
    let deps = ctx.state.integrations();
    let callback = accounts::redirect_uri(&deps, vendor);
    let lang = ctx.lang;
    let guide = guide(lang, vendor);
    let (key, label) = (vendor.key(), vendor.label());
    let empty = (FormData::default(), FieldErrors::new());
    let (form, errors) = refused
        .filter(|r| r.panel == vendor.key())
        .map_or((&empty.0, &empty.1), |r| (r.form, r.errors));
    let secret_hint = if configured.is_some() {
        t!(lang, "admin-integrations-secret-stored")
    } else {
        guide.secret_from.clone()
    };
    let client_id_label = if vendor == Vendor::Microsoft {
        t!(lang, "admin-microsoft-client-id")
    } else {
        t!(lang, "admin-client-id")
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
                @if configured.is_some() { span.badge.ok { (t!(lang, "admin-set-up")) } } @else { span.badge { (t!(lang, "admin-not-set-up")) } }
            }
            p.muted { (guide.intro) }
            (error_summary(errors))
            form method="post" action=(format!("{PAGE}/{key}")) data-validate {
                (csrf_field(&ctx.csrf_token()))
                div.two-col {
                    (field(&Field { name: "client_id", label: &client_id_label, value: &client_id, autocomplete: Some("off"), placeholder: Some(guide.client_id_example), form: Some(key), ..Field::default() }, errors))
                    (field(&Field { name: "client_secret", label: &t!(lang, "admin-client-secret"), kind: "password", autocomplete: Some("new-password"), hint: Some(&secret_hint), form: Some(key), ..Field::default() }, errors))
                }
                @if vendor == Vendor::Microsoft {
                    (field(&Field { name: "tenant", label: &t!(lang, "admin-microsoft-tenant"), value: &tenant, autocomplete: Some("off"), placeholder: Some(oauth::ANY_TENANT), hint: Some(&t!(lang, "admin-microsoft-tenant-hint", common = oauth::ANY_TENANT)), form: Some(key), ..Field::default() }, errors))
                }
                @if configured.is_some() {
                    (scoped_checkbox(Some(key), "remove", &t!(lang, "admin-integrations-remove", vendor = label), form.has("remove"), None))
                }
                button.button.primary type="submit" { (t!(lang, "admin-integrations-save", vendor = label)) }
            }
            h3.subhead { (guide.at_vendor) }
            ol.help-list { (guide.steps) }
            (copy_row(&format!("{key}-redirect-uri"), &t!(lang, "admin-redirect-uri"), "url", &callback))
            p.muted.small { (guide.leaves) }
        }
    }
}

pub(super) async fn page_with(
    ctx: &Ctx,
    user: &User,
    refused: Option<Refused<'_>>,
    status: StatusCode,
    notice: Markup,
) -> Result<Response, WebError> {
    let mut apps = Vec::new();
    for vendor in Vendor::ALL {
        apps.push((
            vendor,
            accounts::vendor_app(&ctx.state.integrations(), vendor).await?,
        ));
    }
    let (stripe, hold_minutes) = payments::stored_account(ctx).await?;
    let lang = ctx.lang;
    let body = html! {
        (notice)
        div.page-head { div {
            h1 { (t!(lang, "admin-integrations-title")) }
            p.muted { (t!(lang, "admin-integrations-intro")) " " a href="/dashboard/admin" { (t!(lang, "admin-back-to-admin")) } }
        } }
        div.editor {
            @for (vendor, app) in &apps {
                (vendor_panel(ctx, *vendor, app.as_ref(), refused.as_ref()))
            }
            (payments::stripe_panel(ctx, stripe.as_ref(), hold_minutes, refused.as_ref()))
        }
    };
    Ok(render_status(
        ctx,
        user,
        &t!(lang, "admin-integrations-title"),
        "/dashboard/admin",
        status,
        body,
    ))
}

pub async fn page(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = admin(&ctx)?;
    let notices = page_notices(&ctx, &user, &query);
    page_with(&ctx, &user, None, StatusCode::OK, notices).await
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
                panel: vendor.key(),
                form: &kept,
                errors: &errors,
            };
            page_with(
                &ctx,
                &user,
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
