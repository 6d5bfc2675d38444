//! Administration of single sign-on: the identity provider, the client credentials, the
//! button, and "SSO only".

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use crate::auth::sso::{SaveError, SsoInput, redirect_uri};
use crate::model::error::FieldErrors;
use crate::web::dashboard::admin_only as admin;
use crate::web::dashboard::{NoticeQuery, flash_notice, render, render_status};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::{Field, checkbox_field, copy_row, csrf_field, error_summary, field};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{Ctx, WebError};

const PAGE: &str = "/dashboard/admin/sso";

fn form_of_settings(ctx: &Ctx) -> FormData {
    let settings = ctx.state.sso.settings();
    let mut pairs = vec![
        ("issuer".to_string(), settings.issuer.clone()),
        ("client_id".to_string(), settings.client_id.clone()),
        ("button_label".to_string(), settings.button_label.clone()),
    ];
    for (name, on) in [
        ("enabled", settings.enabled),
        ("sso_only", settings.sso_only),
    ] {
        if on {
            pairs.push((name.to_string(), "on".to_string()));
        }
    }
    FormData(pairs)
}

fn page_body(ctx: &Ctx, form: &FormData, errors: &FieldErrors) -> Markup {
    let settings = ctx.state.sso.settings();
    let callback = redirect_uri(&ctx.state.base_url());
    let secret_hint = if settings.client_secret.is_some() {
        "A secret is stored (encrypted with the instance key). Leave empty to keep it."
    } else {
        "From the provider's client settings. Leave empty for a public client (PKCE alone)."
    };
    let override_on = ctx.state.config.allow_password_sign_in;
    html! {
        div.page-head { div {
            h1 { "Single sign-on" }
            p.muted { "Let people sign in with your organization's OpenID Connect provider (Keycloak, Entra ID, Okta, Authentik, …). " a href="/dashboard/admin" { "Back to administration" } }
        } }
        div.editor {
            section.panel aria-labelledby="provider-title" {
                h2 #provider-title { "Identity provider" }
                (error_summary(errors))
                form method="post" action=(PAGE) data-validate {
                    (csrf_field(&ctx.csrf_token()))
                    (checkbox_field("enabled", "Offer single sign-on on the sign-in page", form.has("enabled"), Some("Kairos checks the provider's discovery document when you save.")))
                    (field(&Field { name: "issuer", label: "Issuer URL", kind: "url", value: form.get("issuer"), placeholder: Some("https://id.example.org/realms/clinic"), hint: Some("Exactly as the provider's ID tokens name it. Kairos calls only this host."), ..Field::default() }, errors))
                    div.two-col {
                        (field(&Field { name: "client_id", label: "Client ID", value: form.get("client_id"), autocomplete: Some("off"), ..Field::default() }, errors))
                        (field(&Field { name: "client_secret", label: "Client secret", kind: "password", autocomplete: Some("new-password"), hint: Some(secret_hint), ..Field::default() }, errors))
                    }
                    @if settings.client_secret.is_some() {
                        (checkbox_field("clear_secret", "Remove the stored client secret", form.has("clear_secret"), None))
                    }
                    (field(&Field { name: "button_label", label: "Button text", value: form.get("button_label"), placeholder: Some("Sign in with single sign-on"), ..Field::default() }, errors))
                    (checkbox_field("sso_only", "Single sign-on only", form.has("sso_only"), Some("Hides the password form and refuses password sign-in for everyone.")))
                    @if let Some(message) = errors.get("sso_only") { p.error { "Single sign-on only " (message) } }
                    button.button.primary type="submit" { "Save single sign-on" }
                }
            }
            section.panel aria-labelledby="register-title" {
                h2 #register-title { "At the provider" }
                p { "Create a confidential OpenID Connect client with the authorization code flow and PKCE (S256), and register this redirect URI:" }
                (copy_row("redirect-uri", "Redirect URI", "url", &callback))
                p.muted.small { "Kairos asks for the scopes openid, email and profile. People are matched to existing, enabled accounts by their email address, which the provider must mark as verified (email_verified). Accounts are not created automatically. Kairos's own two-step verification does not apply to single sign-on: the provider's does." }
                h3.subhead { "Break-glass access" }
                p.muted.small {
                    "If the provider is down while single sign-on only is on, the owner can still get in from the host shell: set "
                    code { "allow_password_sign_in = true" }
                    " in kairos.toml (or KAIROS_ALLOW_PASSWORD_SIGN_IN=true) and restart, then run "
                    code { "kairos admin reset-password EMAIL" }
                    " for a one-time password link. Both the sign-in and the reset are audited."
                }
                @if override_on {
                    p.badge.warn { "allow_password_sign_in is set: the password form stays available" }
                }
            }
        }
    }
}

pub async fn page(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = admin(&ctx)?;
    let body = html! {
        (flash_notice(&query.notice))
        (page_body(&ctx, &form_of_settings(&ctx), &FieldErrors::new()))
    };
    Ok(render_status(
        &ctx,
        &user,
        "Single sign-on",
        "/dashboard/admin",
        StatusCode::OK,
        body,
    ))
}

pub async fn save(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let input = SsoInput {
        enabled: form.has("enabled"),
        issuer: form.get("issuer").to_string(),
        client_id: form.get("client_id").to_string(),
        client_secret: form.get("client_secret").to_string(),
        clear_secret: form.has("clear_secret"),
        button_label: form.get("button_label").to_string(),
        sso_only: form.has("sso_only"),
    };
    let state = &ctx.state;
    let result = state
        .sso
        .save_settings(
            &state.db,
            &state.key,
            &user,
            &input,
            state.admin_outbound_policy(),
            &ctx.origin(),
            state.clock.now(),
        )
        .await;
    saved_or_again(
        result,
        |_| redirect(format!("{PAGE}?notice=saved")),
        |errors| async move {
            let body = page_body(&ctx, &form, &errors);
            Ok(render(
                &ctx,
                &user,
                "Single sign-on",
                "/dashboard/admin",
                body,
            ))
        },
    )
    .await
}

impl From<SaveError> for WebError {
    fn from(err: SaveError) -> Self {
        match err {
            SaveError::Forbidden => WebError::Forbidden,
            SaveError::Db(err) => err.into(),
            SaveError::Invalid(errors) => WebError::Internal(errors.to_string()),
        }
    }
}
