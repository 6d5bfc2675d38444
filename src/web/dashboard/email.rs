//! The mail server settings for administrators, and a test message that shows the
//! server's own answer when it fails. The setup wizard's optional email step uses the
//! same fields.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::audit::Actor;
use crate::db::DbError;
use crate::integrations::notify::email::{self, EmailError};
use crate::integrations::notify::smtp::{self, SmtpInput, SmtpSettings, SmtpSettingsError};
use crate::model::error::FieldErrors;
use crate::present::Language;
use crate::t;
use crate::web::dashboard::{NoticeQuery, admin_only, page_notices, render_status, show_result_at};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::{Field, csrf_field, error_summary, field, notice, select_field};
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/admin/email";

/// The form as stored settings fill it (never with the password).
pub fn form_of(stored: Option<&SmtpSettings>) -> FormData {
    let Some(smtp) = stored else {
        return FormData(vec![
            ("port".into(), "587".into()),
            ("security".into(), "starttls".into()),
        ]);
    };
    FormData(vec![
        ("host".into(), smtp.host.clone()),
        ("port".into(), smtp.port.to_string()),
        ("security".into(), smtp.security.as_str().into()),
        ("username".into(), smtp.username.clone().unwrap_or_default()),
        ("from_address".into(), smtp.from_address.clone()),
        ("from_name".into(), smtp.from_name.clone()),
    ])
}

/// What a submitted form says.
pub fn input_of(form: &FormData) -> SmtpInput {
    SmtpInput {
        host: form.get("host").to_string(),
        port: form.get("port").to_string(),
        security: form.get("security").to_string(),
        username: form.get("username").to_string(),
        password: form.get("password").to_string(),
        from_address: form.get("from_address").to_string(),
        from_name: form.get("from_name").to_string(),
    }
}

/// The mail server fields, each with its error; `has_password` says one is stored.
pub fn smtp_fields(
    lang: Language,
    form: &FormData,
    errors: &FieldErrors,
    has_password: bool,
) -> Markup {
    let password_hint = if has_password {
        t!(lang, "smtp-password-stored")
    } else {
        t!(lang, "smtp-password-new")
    };
    let security = [
        ("starttls", t!(lang, "smtp-security-starttls")),
        ("tls", t!(lang, "smtp-security-tls")),
        ("none", t!(lang, "smtp-security-none")),
    ];
    html! {
        div.two-col {
            (field(&Field { name: "host", label: &t!(lang, "smtp-server"), value: form.get("host"), required: true, autocomplete: Some("off"), placeholder: Some("smtp.example.org"), ..Field::default() }, errors))
            (field(&Field { name: "port", label: &t!(lang, "smtp-port"), kind: "number", value: form.get("port"), required: true, min: Some("1"), inputmode: Some("numeric"), ..Field::default() }, errors))
        }
        (select_field("security", &t!(lang, "smtp-security"), &security, form.get("security"), Some(&t!(lang, "smtp-security-hint")), errors))
        div.two-col {
            (field(&Field { name: "username", label: &t!(lang, "smtp-username"), value: form.get("username"), autocomplete: Some("off"), hint: Some(&t!(lang, "smtp-username-hint")), ..Field::default() }, errors))
            (field(&Field { name: "password", label: &t!(lang, "smtp-password"), kind: "password", autocomplete: Some("new-password"), hint: Some(&password_hint), ..Field::default() }, errors))
        }
        div.two-col {
            (field(&Field { name: "from_address", label: &t!(lang, "smtp-from-address"), kind: "email", value: form.get("from_address"), required: true, placeholder: Some("appointments@example.org"), ..Field::default() }, errors))
            (field(&Field { name: "from_name", label: &t!(lang, "smtp-from-name"), value: form.get("from_name"), placeholder: Some(&t!(lang, "smtp-from-name-placeholder")), ..Field::default() }, errors))
        }
    }
}

/// The stored settings.
pub async fn stored(ctx: &Ctx) -> Result<Option<SmtpSettings>, WebError> {
    let key = ctx.state.key.clone();
    ctx.state
        .db
        .read(move |conn| -> Result<_, WebError> {
            smtp::load(conn, &key).map_err(|err| match err {
                SmtpSettingsError::Db(err) => WebError::Db(DbError::from(err)),
                other => WebError::Internal(other.to_string()),
            })
        })
        .await
}

/// Saves a submitted form for `user`: the settings, or the form's errors (a host the
/// outbound guard refuses among them).
pub async fn save_form(
    ctx: &Ctx,
    user_id: i64,
    form: &FormData,
) -> Result<Result<SmtpSettings, FieldErrors>, WebError> {
    let input = input_of(form);
    if let Err(errors) = smtp::check_input(&input, ctx.state.admin_outbound_policy()).await {
        return Ok(Err(errors));
    }
    let (key, now, origin) = (ctx.state.key.clone(), ctx.state.clock.now(), ctx.origin());
    let result = ctx
        .state
        .db
        .write(move |tx| -> Result<_, DbError> {
            Ok(smtp::update(
                tx,
                &key,
                &input,
                Actor::User(user_id),
                &origin,
                now,
            ))
        })
        .await?;
    match result {
        Ok(smtp) => Ok(Ok(smtp)),
        Err(SmtpSettingsError::Invalid(errors)) => Ok(Err(errors)),
        Err(SmtpSettingsError::Db(err)) => Err(WebError::Db(DbError::from(err))),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

struct View<'a> {
    form: FormData,
    errors: FieldErrors,
    test_to: &'a str,
    test_errors: FieldErrors,
    message: Markup,
}

impl View<'_> {
    fn of(form: FormData, message: Markup) -> Self {
        Self {
            form,
            errors: FieldErrors::new(),
            test_to: "",
            test_errors: FieldErrors::new(),
            message,
        }
    }
}

async fn page_with(
    ctx: &Ctx,
    user: &crate::db::users::User,
    view: View<'_>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let stored = stored(ctx).await?;
    let csrf = ctx.csrf_token();
    let has_password = stored.as_ref().is_some_and(|s| s.password.is_some());
    let test_to = if view.test_to.is_empty() {
        user.email.as_str()
    } else {
        view.test_to
    };
    let lang = ctx.lang;
    let body = html! {
        (view.message)
        div.page-head { div {
            p.muted.small { a href="/dashboard/admin" { span.flip-rtl { "←" } " " (t!(lang, "admin-title")) } }
            h1 { (t!(lang, "admin-email-title")) }
            p.muted { (t!(lang, "admin-email-intro")) }
        } }
        div.editor {
            section.panel aria-labelledby="server-title" {
                h2 #server-title { (t!(lang, "admin-email-server")) }
                (error_summary(&view.errors))
                form method="post" action=(CURRENT) data-validate {
                    (csrf_field(&csrf))
                    (smtp_fields(lang, &view.form, &view.errors, has_password))
                    button.button.primary type="submit" { (t!(lang, "admin-email-save")) }
                }
            }
            section.panel aria-labelledby="test-title" {
                h2 #test-title { (t!(lang, "admin-email-test")) }
                @if stored.is_none() {
                    p.muted { (t!(lang, "admin-email-save-first")) }
                } @else {
                    p.hint { (t!(lang, "admin-email-test-hint")) }
                    form method="post" action=(format!("{CURRENT}/test")) {
                        (csrf_field(&csrf))
                        (field(&Field { name: "to", label: &t!(lang, "admin-email-send-to"), kind: "email", value: test_to, required: true, ..Field::default() }, &view.test_errors))
                        button.button.ghost type="submit" { (t!(lang, "admin-email-send-test")) }
                    }
                }
            }
        }
    };
    Ok(render_status(
        ctx,
        user,
        &t!(lang, "admin-email-title"),
        "/dashboard/admin",
        status,
        body,
    ))
}

/// `GET /dashboard/admin/email`.
pub async fn page(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = admin_only(&ctx)?;
    let form = form_of(stored(&ctx).await?.as_ref());
    let view = View::of(form, page_notices(&ctx, &user, &query));
    page_with(&ctx, &user, view, StatusCode::OK).await
}

/// `POST /dashboard/admin/email`.
pub async fn save(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    match save_form(&ctx, user.id, &form).await? {
        Ok(_) => Ok(Redirect::to(&format!("{CURRENT}?notice=saved")).into_response()),
        Err(errors) => {
            let view = View {
                errors,
                ..View::of(form, html! {})
            };
            page_with(&ctx, &user, view, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

/// `POST /dashboard/admin/email/test`.
pub async fn test(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let organization = ctx.state.settings().organization_name;
    let deps = ctx.state.integrations();
    let result = email::send_test(
        email::Mailer::of(&deps),
        (&organization, ctx.lang),
        form.get("to"),
        Actor::User(user.id),
        &ctx.origin(),
        ctx.state.clock.now(),
    )
    .await;
    // Post/redirect/get: the outcome is shown once on the page, so a reload neither
    // sends another message nor lands where only a POST goes.
    let lang = ctx.lang;
    let message = match result {
        Ok(()) => notice(
            "success",
            &t!(lang, "admin-email-test-sent", to = form.get("to").trim()),
        ),
        Err(EmailError::Invalid(test_errors)) => {
            let stored_form = form_of(stored(&ctx).await?.as_ref());
            let view = View {
                test_to: form.get("to"),
                test_errors,
                ..View::of(stored_form, html! {})
            };
            return page_with(&ctx, &user, view, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        Err(EmailError::Db(err)) => return Err(WebError::Db(err)),
        Err(EmailError::Smtp(said)) => html! {
            div.alert.alert-error role="alert" {
                p { strong { (t!(lang, "admin-email-test-not-sent")) } " " (t!(lang, "admin-email-server-answered")) }
                pre.server-answer { (said) }
            }
        },
        Err(other) => notice(
            "error",
            &t!(lang, "admin-email-test-failed", reason = other.to_string()),
        ),
    };
    Ok(show_result_at(&ctx, &user, CURRENT, message))
}
