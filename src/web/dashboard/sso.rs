//! Administration of single sign-on: the identity provider, the client credentials, the
//! button, and "SSO only".

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use crate::auth::sso::{SaveError, SsoInput, redirect_uri};
use crate::model::error::FieldErrors;
use crate::t;
use crate::web::dashboard::admin_only as admin;
use crate::web::dashboard::{NoticeQuery, flash_notice, render, render_status};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, checkbox_field, copy_row, csrf_field, error_summary, field, field_error,
};
use crate::web::layout::{mark, marked};
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
    let lang = ctx.lang;
    let settings = ctx.state.sso.settings();
    let callback = redirect_uri(&ctx.state.base_url());
    let secret_hint = if settings.client_secret.is_some() {
        t!(lang, "admin-sso-secret-stored")
    } else {
        t!(lang, "admin-sso-secret-new")
    };
    let override_on = ctx.state.config.allow_password_sign_in;
    let sso_only = t!(lang, "admin-sso-only");
    let break_glass = t!(
        lang,
        "admin-sso-break-glass-text",
        setting = mark(0),
        command = mark(1)
    );
    html! {
        div.page-head { div {
            h1 { (t!(lang, "admin-sso-title")) }
            p.muted { (t!(lang, "admin-sso-intro")) " " a href="/dashboard/admin" { (t!(lang, "admin-back-to-admin")) } }
        } }
        div.editor {
            section.panel aria-labelledby="provider-title" {
                h2 #provider-title { (t!(lang, "admin-sso-provider")) }
                (error_summary(errors))
                form method="post" action=(PAGE) data-validate {
                    (csrf_field(&ctx.csrf_token()))
                    (checkbox_field("enabled", &t!(lang, "admin-sso-enabled"), form.has("enabled"), Some(&t!(lang, "admin-sso-enabled-hint"))))
                    (field(&Field { name: "issuer", label: &t!(lang, "admin-sso-issuer"), kind: "url", value: form.get("issuer"), placeholder: Some("https://id.example.org/realms/clinic"), hint: Some(&t!(lang, "admin-sso-issuer-hint")), ..Field::default() }, errors))
                    div.two-col {
                        (field(&Field { name: "client_id", label: &t!(lang, "admin-client-id"), value: form.get("client_id"), autocomplete: Some("off"), ..Field::default() }, errors))
                        (field(&Field { name: "client_secret", label: &t!(lang, "admin-client-secret"), kind: "password", autocomplete: Some("new-password"), hint: Some(&secret_hint), ..Field::default() }, errors))
                    }
                    @if settings.client_secret.is_some() {
                        (checkbox_field("clear_secret", &t!(lang, "admin-sso-clear-secret"), form.has("clear_secret"), None))
                    }
                    (field(&Field { name: "button_label", label: &t!(lang, "admin-sso-button-label"), value: form.get("button_label"), placeholder: Some(&t!(lang, "admin-sso-button-placeholder")), ..Field::default() }, errors))
                    (checkbox_field("sso_only", &sso_only, form.has("sso_only"), Some(&t!(lang, "admin-sso-only-hint"))))
                    @if let Some(message) = errors.text("sso_only", lang) { p.error { (field_error(&sso_only, &message)) } }
                    button.button.primary type="submit" { (t!(lang, "admin-sso-save")) }
                }
            }
            section.panel aria-labelledby="register-title" {
                h2 #register-title { (t!(lang, "admin-sso-at-provider")) }
                p { (t!(lang, "admin-sso-register")) }
                (copy_row("redirect-uri", &t!(lang, "admin-redirect-uri"), "url", &callback))
                p.muted.small { (t!(lang, "admin-sso-matching")) }
                h3.subhead { (t!(lang, "admin-sso-break-glass")) }
                p.muted.small {
                    (marked(&break_glass, &[
                        html! { code { "allow_password_sign_in = true" } },
                        html! { code { "kairos admin reset-password EMAIL" } },
                    ]))
                }
                @if override_on {
                    p.badge.warn { (t!(lang, "admin-sso-override", setting = "allow_password_sign_in")) }
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
        &t!(ctx.lang, "admin-sso-title"),
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
                &t!(ctx.lang, "admin-sso-title"),
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
