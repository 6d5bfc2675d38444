//! Two-step verification in account settings: enrolling an authenticator app (QR code
//! rendered here as SVG, the secret as text), the backup codes shown once, and turning
//! it off with a current code.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, PreEscaped, html};

use crate::auth::mfa::{self, MfaError};
use crate::db::users::User;
use crate::model::error::FieldErrors;
use crate::present::Language;
use crate::web::dashboard::{NoticeQuery, page_notices, render_status, show_once_at, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::layout::{Field, csrf_field, field, mark, marked, notice};
use crate::web::{Ctx, WebError};
use crate::{reason, t};

const PAGE: &str = "/dashboard/settings/mfa";
const CURRENT: &str = "/dashboard/settings";

/// The otpauth URI as an SVG QR code. Colours are attributes, not styles, so the page's
/// Content-Security-Policy (no inline style) lets it render.
fn qr_svg(uri: &str) -> Result<String, WebError> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(uri.as_bytes(), qrcode::EcLevel::M)
        .map_err(|err| WebError::Internal(format!("cannot draw the QR code: {err}")))?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(208, 208)
        .dark_color(svg::Color("#111111"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Inline in HTML the XML declaration is not needed.
    Ok(image
        .find("<svg")
        .map_or(image.clone(), |start| image[start..].to_string()))
}

/// The field for a code from the app; `name` tells the page's code fields apart.
fn code_field(lang: Language, name: &str, errors: &FieldErrors, hint: &str) -> Markup {
    field(
        &Field {
            name,
            label: &t!(lang, "mfa-code"),
            autocomplete: Some("one-time-code"),
            inputmode: Some("numeric"),
            required: true,
            hint: Some(hint),
            ..Field::default()
        },
        errors,
    )
}

async fn page_with(
    ctx: &Ctx,
    user: &User,
    errors: &FieldErrors,
    message: Markup,
    status: StatusCode,
) -> Result<Response, WebError> {
    let state = &ctx.state;
    let csrf = ctx.csrf_token();
    let lang = ctx.lang;
    let title = t!(lang, "set-two-step");
    let body = if mfa::enrolled(&state.db, user.id).await? {
        let left = mfa::backup_codes_left(&state.db, user.id).await?;
        let left_text = t!(
            lang,
            "mfa-codes-left",
            left = mark(0),
            total = mfa::BACKUP_CODES
        );
        let current_code = t!(lang, "mfa-current-code");
        html! {
            (message)
            div.page-head { div { h1 { (title) } p.muted { a href=(CURRENT) { (t!(lang, "nav-settings")) } " " span.flip-rtl { "›" } " " (title) } } }
            section.panel aria-labelledby="mfa-on-title" {
                h2 #mfa-on-title { (t!(lang, "set-on")) " " span.badge.ok { (t!(lang, "mfa-protected")) } }
                p { (t!(lang, "mfa-on-text")) }
                p.muted { (marked(&left_text, &[html! { strong { (left) } }])) }
                h3.subhead { (t!(lang, "mfa-new-codes")) }
                p.hint { (t!(lang, "mfa-new-codes-hint")) }
                form.inline-form method="post" action=(format!("{PAGE}/backup-codes")) {
                    (csrf_field(&csrf))
                    (code_field(lang, RENEW_CODE, errors, &current_code))
                    button.button.ghost type="submit" { (t!(lang, "mfa-make-new-codes")) }
                }
                h3.subhead { (t!(lang, "mfa-turn-off-title")) }
                @if state.settings().require_mfa.applies_to(user.role) {
                    p.hint { (t!(lang, "mfa-required-hint")) }
                }
                form.inline-form method="post" action=(format!("{PAGE}/disable")) data-confirm=(t!(lang, "mfa-turn-off-confirm")) {
                    (csrf_field(&csrf))
                    (code_field(lang, "code", errors, &current_code))
                    button.button.ghost.danger type="submit" { (t!(lang, "mfa-turn-off")) }
                }
            }
        }
    } else {
        let issuer = state.settings().organization_name;
        let enrollment = mfa::enrollment(&state.db, &state.key, user, &issuer, state.clock.now())
            .await
            .map_err(mfa_error)?;
        let svg = qr_svg(&enrollment.uri)?;
        html! {
            (message)
            @if ctx.must_enroll_mfa {
                (notice("info", &t!(lang, "mfa-required")))
            }
            div.page-head { div { h1 { (t!(lang, "mfa-setup-title")) } p.muted { (t!(lang, "mfa-setup-text")) } } }
            section.panel.mfa-setup aria-labelledby="mfa-setup-title" {
                h2 #mfa-setup-title.visually-hidden { (t!(lang, "set-set-up")) }
                ol.setup-steps {
                    li {
                        strong { (t!(lang, "mfa-scan")) }
                        br;
                        (t!(lang, "mfa-scan-text"))
                        div.qr role="img" aria-label=(t!(lang, "mfa-qr-label")) { (PreEscaped(svg)) }
                    }
                    li {
                        strong { (t!(lang, "mfa-type-key")) }
                        br;
                        (t!(lang, "mfa-type-key-text"))
                        div.copy-row {
                            label.visually-hidden for="mfa-secret" { (t!(lang, "mfa-setup-key")) }
                            input #mfa-secret type="text" readonly value=(enrollment.secret_base32) autocomplete="off";
                            button.button.ghost.small type="button" data-copy="#mfa-secret" hidden { (t!(lang, "copy")) }
                        }
                    }
                    li {
                        strong { (t!(lang, "mfa-enter-code")) }
                        br;
                        (t!(lang, "mfa-enter-code-text"))
                        form.inline-form method="post" action=(PAGE) {
                            (csrf_field(&csrf))
                            (code_field(lang, "code", errors, &t!(lang, "mfa-code-hint")))
                            button.button.primary type="submit" { (t!(lang, "mfa-turn-on")) }
                        }
                    }
                }
            }
        }
    };
    Ok(render_status(ctx, user, &title, CURRENT, status, body))
}

fn mfa_error(err: MfaError) -> WebError {
    match err {
        MfaError::Db(err) => WebError::Db(err),
        other => WebError::Internal(other.to_string()),
    }
}

pub async fn page(
    ctx: Ctx,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let message = page_notices(&ctx, &user, &query);
    page_with(&ctx, &user, &FieldErrors::new(), message, StatusCode::OK).await
}

/// A form that carries one code from the app.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CodeForm {
    csrf: String,
    /// The form for new backup codes names its field apart from the one turning the
    /// second factor off, on the same page.
    #[serde(alias = "renew_code")]
    code: String,
}

/// The name of the code field of the form for new backup codes.
const RENEW_CODE: &str = "renew_code";

crate::web::extract::carries_csrf!(CodeForm);

/// The page again, the refused code named next to its field.
async fn wrong_code(ctx: &Ctx, user: &User, field: &str) -> Result<Response, WebError> {
    let mut errors = FieldErrors::new();
    errors.refuse(field, reason!("mfa-wrong-code"));
    page_with(
        ctx,
        user,
        &errors,
        html! {},
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// The backup codes, shown once after a POST (see [`show_once_at`]).
fn backup_codes(lang: Language, headline: &str, codes: &[String]) -> Markup {
    html! {
        (notice("success", headline))
        section.panel aria-labelledby="codes-title" {
            h2 #codes-title { (t!(lang, "mfa-codes-title")) }
            p { (t!(lang, "mfa-codes-text")) }
            ul.backup-codes #backup-codes {
                @for code in codes { li { code { (code) } } }
            }
            div.button-row {
                button.button.ghost type="button" data-copy="#backup-codes" hidden { (t!(lang, "mfa-copy-all")) }
                a.button.primary href="/dashboard" { (t!(lang, "mfa-continue")) }
            }
        }
    }
}

pub async fn confirm(
    SignedInForm { ctx, user, form }: SignedInForm<CodeForm>,
) -> Result<Response, WebError> {
    let (state, origin) = (&ctx.state, ctx.origin());
    let now = state.clock.now();
    let result = mfa::confirm(&state.db, &state.key, &user, &form.code, &origin, now).await;
    match result {
        // Post/redirect/get: the codes are shown once, never in the address.
        Ok(codes) => {
            let lang = ctx.lang;
            let message = backup_codes(lang, &t!(lang, "mfa-enabled"), &codes);
            Ok(show_once_at(&ctx, &user, PAGE, message))
        }
        Err(MfaError::WrongCode) => wrong_code(&ctx, &user, "code").await,
        Err(MfaError::AlreadyEnrolled | MfaError::NotEnrolled) => {
            Ok(Redirect::to(PAGE).into_response())
        }
        Err(err) => Err(mfa_error(err)),
    }
}

/// `POST /dashboard/settings/mfa/backup-codes`: new backup codes for a current code.
pub async fn replace_backup_codes(
    SignedInForm { ctx, user, form }: SignedInForm<CodeForm>,
) -> Result<Response, WebError> {
    let (state, origin) = (&ctx.state, ctx.origin());
    let now = state.clock.now();
    let result =
        mfa::replace_backup_codes(&state.db, &state.key, &user, &form.code, &origin, now).await;
    match result {
        Ok(codes) => {
            let lang = ctx.lang;
            let headline = t!(lang, "mfa-codes-replaced");
            Ok(show_once_at(
                &ctx,
                &user,
                PAGE,
                backup_codes(lang, &headline, &codes),
            ))
        }
        Err(MfaError::WrongCode) => wrong_code(&ctx, &user, RENEW_CODE).await,
        Err(MfaError::NotEnrolled) => Ok(Redirect::to(PAGE).into_response()),
        Err(err) => Err(mfa_error(err)),
    }
}

pub async fn disable(
    SignedInForm { ctx, user, form }: SignedInForm<CodeForm>,
) -> Result<Response, WebError> {
    let (state, origin) = (&ctx.state, ctx.origin());
    let now = state.clock.now();
    let result = mfa::disable(&state.db, &state.key, &user, &form.code, &origin, now).await;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("{CURRENT}?notice=mfa-off")).into_response()),
        Err(MfaError::WrongCode) => wrong_code(&ctx, &user, "code").await,
        Err(MfaError::NotEnrolled) => Ok(Redirect::to(PAGE).into_response()),
        Err(err) => Err(mfa_error(err)),
    }
}
