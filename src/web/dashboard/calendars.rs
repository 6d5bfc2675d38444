//! Connected calendars: a host connects CalDAV accounts and ICS feeds, chooses which
//! calendars block their slots and the one calendar new bookings are written to, and sees
//! how each account syncs. Administrators see every account's sync health.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Utc};
use maud::{Markup, html};

use crate::db::users::User;
use crate::integrations::calendars::accounts::{
    self, AccountHealth, AccountOptions, CalendarChoice, CalendarError, Connected,
};
use crate::integrations::oauth::{OAuthError, Vendor};
use crate::model::calendar::{Calendar, ConnectInput, Provider};
use crate::model::error::FieldErrors;
use crate::present::{Language, Locale};
use crate::t;
use crate::web::dashboard::{NoticeQuery, admin_only, flash_notice, render_status, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, csrf_field, empty_state, error_summary, field, field_error, mark, marked, notice,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{Ctx, WebError};

const LIST: &str = "/dashboard/calendars";
/// The feed form's address field: named apart from the CalDAV form's `url`, so that each
/// form's field has its own id and its own error.
const FEED_URL: &str = "feed_url";

impl From<CalendarError> for WebError {
    fn from(err: CalendarError) -> Self {
        match err {
            CalendarError::NotFound => WebError::NotFound,
            CalendarError::Db(err) => WebError::Db(err),
            CalendarError::Invalid(errors) => WebError::Internal(errors.to_string()),
            CalendarError::Vendor(err) => WebError::Internal(err.to_string()),
        }
    }
}

/// What the page shows again after a refused submission.
enum Failed {
    Nothing,
    /// A connect form, with what was typed (never the password) and why it was refused.
    Connect {
        provider: Provider,
        form: FormData,
        errors: FieldErrors,
    },
    /// A choice for one calendar, and why it was refused.
    Choice {
        calendar: i64,
        errors: FieldErrors,
    },
    /// An option of one account, and why it was refused.
    Options {
        account: i64,
        errors: FieldErrors,
    },
}

/// A switch that is one form: posting it sets `name` to the other state.
fn switch_form(action: &str, csrf: &str, name: &str, on: bool, label: &str) -> Markup {
    html! {
        form method="post" action=(action) {
            (csrf_field(csrf))
            input type="hidden" name=(name) value=(if on { "off" } else { "on" });
            button.switch type="submit" role="switch" aria-checked=(if on { "true" } else { "false" }) {
                span.switch-track aria-hidden="true" { span.switch-thumb {} }
                span { (label) }
            }
        }
    }
}

/// A time in the person's zone and clock: `Mon, 30 Mar 13:05`.
fn moment(lang: Language, t: DateTime<Utc>, user: &User) -> String {
    let local = t.with_timezone(&user.time_zone);
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    format!(
        "{} {}",
        locale.short_date(local.date_naive()),
        locale.time(local)
    )
}

/// The kind of an account, as its heading names it: the vendor's product, or the
/// kind of address.
fn provider_label(lang: Language, provider: Provider) -> String {
    match provider {
        Provider::Ics => t!(lang, "cal-provider-ics"),
        other => other.label().to_string(),
    }
}

fn status_badge(lang: Language, connected: &Connected) -> Markup {
    let account = &connected.account;
    html! {
        @if account.needs_reconnect {
            span.badge.off { (t!(lang, "cal-status-reconnect")) }
        } @else if account.failures > 0 {
            span.badge.off { (t!(lang, "cal-status-failing")) }
        } @else if account.last_synced_at.is_none() {
            span.badge.warn { (t!(lang, "cal-status-waiting")) }
        } @else {
            span.badge.ok { (t!(lang, "cal-status-synced")) }
        }
    }
}

/// Where new bookings go: the one destination calendar, or nowhere.
fn destination_line(lang: Language, accounts: &[Connected]) -> Markup {
    let chosen = accounts.iter().find_map(|connected| {
        let id = connected.destination?;
        connected
            .calendars
            .iter()
            .find(|c| c.id == id)
            .map(|c| (c, connected))
    });
    html! {
        @match chosen {
            Some((calendar, connected)) => p.destination-line {
                (marked(
                    &t!(lang, "cal-destination", calendar = mark(0), address = mark(1)),
                    &[
                        html! { strong { (calendar.name) } },
                        html! { span.url-text { (connected.account.url) } },
                    ],
                ))
            },
            None => p.destination-line.muted {
                (t!(lang, "cal-destination-none", button = t!(lang, "cal-write-here")))
            },
        }
    }
}

/// One calendar of an account: its switches, and a refusal of the last choice, if any.
fn calendar_row(
    lang: Language,
    account_id: i64,
    calendar: &Calendar,
    destination: Option<i64>,
    csrf: &str,
    refusal: Option<&FieldErrors>,
) -> Markup {
    let action = format!("{LIST}/{account_id}/calendars/{}", calendar.id);
    let conflicts = calendar.check_conflicts;
    let is_destination = destination == Some(calendar.id);
    let name = if calendar.name.is_empty() {
        t!(lang, "cal-calendar")
    } else {
        calendar.name.clone()
    };
    html! {
        li.calendar-row id=(format!("calendar-{}", calendar.id)) {
            div.list-main {
                span.list-title.url-text { (name) }
                div.list-sub {
                    @if conflicts { span { (t!(lang, "cal-blocks-slots")) } } @else { span { (t!(lang, "cal-not-checked")) } }
                    @if calendar.read_only { span.badge { (t!(lang, "cal-read-only")) } }
                    @if is_destination { span.badge.accent { (t!(lang, "cal-written-here")) } }
                }
                @if let Some(errors) = refusal {
                    @for error in errors.iter() {
                        p.error role="alert" {
                            @match error.field.as_str() {
                                "destination" => (t!(lang, "cal-not-destination", reason = error.text(lang))),
                                "check_conflicts" => (field_error(&t!(lang, "cal-check-conflicts"), &error.text(lang))),
                                other => (field_error(other, &error.text(lang))),
                            }
                        }
                    }
                }
            }
            div.list-actions {
                (switch_form(&action, csrf, "check_conflicts", conflicts, &t!(lang, "cal-check-conflicts")))
                @if !calendar.read_only {
                    form method="post" action=(action) {
                        (csrf_field(csrf))
                        @if is_destination {
                            input type="hidden" name="destination" value="off";
                            button.button.ghost.small type="submit" { (t!(lang, "cal-stop-writing")) }
                        } @else {
                            input type="hidden" name="destination" value="on";
                            button.button.ghost.small type="submit" { (t!(lang, "cal-write-here")) }
                        }
                    }
                }
            }
        }
    }
}

/// One connected account: its address, sync health, calendars and actions.
fn account_panel(
    lang: Language,
    connected: &Connected,
    user: &User,
    csrf: &str,
    failed: &Failed,
) -> Markup {
    let account = &connected.account;
    let id = account.id;
    let refusal = |calendar: i64| match failed {
        Failed::Choice {
            calendar: refused,
            errors,
        } if *refused == calendar => Some(errors),
        _ => None,
    };
    html! {
        section.panel.calendar-account id=(format!("account-{id}")) aria-labelledby=(format!("account-{id}-title")) {
            div.account-head {
                div {
                    h2 id=(format!("account-{id}-title")) { (provider_label(lang, account.provider)) }
                    p.muted.url-text {
                        @if account.provider.signs_in() {
                            (account.username)
                        } @else {
                            (account.url)
                            @if !account.username.is_empty() { " · " (account.username) }
                        }
                    }
                }
                (status_badge(lang, connected))
            }
            @if account.needs_reconnect {
                div.alert.alert-error role="alert" {
                    strong { (t!(lang, "cal-no-access")) " " } (account.last_error.as_deref().unwrap_or_default()) "."
                    " " (t!(lang, "cal-no-access-text"))
                    @if let Some(vendor) = Vendor::of(account.provider) {
                        " " a.button.small href=(format!("{LIST}/{}/connect", vendor.key())) { (t!(lang, "cal-connect-again")) }
                    }
                }
            } @else if let Some(error) = &account.last_error {
                div.alert.alert-error role="alert" {
                    strong { (t!(lang, "cal-last-sync-failed")) " " } (error) "."
                    @if account.failures > 1 { " " (t!(lang, "cal-failed-times", count = account.failures)) }
                    " " (t!(lang, "cal-retry-text"))
                }
            }
            dl.facts {
                dt { (t!(lang, "cal-last-success")) }
                dd { @match account.last_synced_at { Some(t) => (moment(lang, t, user)), None => (t!(lang, "cal-not-yet")) } }
                dt { (t!(lang, "cal-next-sync")) }
                dd { @match account.next_sync_at { Some(t) => (moment(lang, t, user)), None => (t!(lang, "cal-not-planned")) } }
            }
            @if !account.provider.has_calendars() {
                p.muted { (t!(lang, "cal-zoom-text")) }
            } @else if connected.calendars.is_empty() {
                h3.subhead { (t!(lang, "nav-calendars")) }
                p.muted { (t!(lang, "cal-no-calendars-listed")) }
            } @else {
                h3.subhead { (t!(lang, "nav-calendars")) }
                ul.list.compact {
                    @for calendar in &connected.calendars {
                        (calendar_row(lang, id, calendar, connected.destination, csrf, refusal(calendar.id)))
                    }
                }
            }
            @if account.provider == Provider::Caldav {
                (options_block(lang, connected, csrf, failed))
            }
            div.button-row {
                form method="post" action=(format!("{LIST}/{id}/sync")) {
                    (csrf_field(csrf))
                    button.button.ghost type="submit" { (t!(lang, "cal-sync-now")) }
                }
                form method="post" action=(format!("{LIST}/{id}/disconnect")) data-confirm=(t!(lang, "cal-disconnect-confirm")) {
                    (csrf_field(csrf))
                    button.button.ghost.danger type="submit" { (t!(lang, "cal-disconnect")) }
                }
            }
        }
    }
}

/// The options of a CalDAV account: sync cancellations and the live check.
fn options_block(lang: Language, connected: &Connected, csrf: &str, failed: &Failed) -> Markup {
    let account = &connected.account;
    let action = format!("{LIST}/{}/options", account.id);
    html! {
        h3.subhead { (t!(lang, "cal-options")) }
        ul.list.compact {
            li.calendar-row {
                div.list-main {
                    span.list-title { (t!(lang, "cal-sync-cancellations-title")) }
                    div.list-sub {
                        span { (t!(lang, "cal-sync-cancellations-text")) }
                    }
                }
                div.list-actions {
                    (switch_form(&action, csrf, "sync_cancellations", account.sync_cancellations, &t!(lang, "cal-sync-cancellations")))
                }
            }
            li.calendar-row {
                div.list-main {
                    span.list-title { (t!(lang, "cal-live-check-title")) }
                    div.list-sub {
                        span { (t!(lang, "cal-live-check-text")) }
                    }
                }
                div.list-actions {
                    (switch_form(&action, csrf, "live_check", account.live_check, &t!(lang, "cal-live-check")))
                }
            }
        }
        @if let Failed::Options { account: refused, errors } = failed && *refused == account.id {
            @for error in errors.iter() {
                p.error role="alert" {
                    @match error.field.as_str() {
                        "sync_cancellations" => (field_error(&t!(lang, "cal-sync-cancellations"), &error.text(lang))),
                        "live_check" => (field_error(&t!(lang, "cal-live-check"), &error.text(lang))),
                        _ => (error.text(lang)),
                    }
                }
            }
        }
    }
}

/// Connecting through a vendor's sign-in page, for each vendor an administrator set up.
fn vendor_buttons(lang: Language, vendors: &[Vendor]) -> Markup {
    html! {
        @if !vendors.is_empty() {
            section.panel #connect-vendor aria-labelledby="vendor-title" {
                h2 #vendor-title { (t!(lang, "cal-connect-sign-in")) }
                p.muted { (t!(lang, "cal-connect-sign-in-text")) }
                div.button-row {
                    @for vendor in vendors {
                        a.button.primary href=(format!("{LIST}/{}/connect", vendor.key())) {
                            (t!(lang, "cal-connect-vendor", vendor = vendor.label()))
                        }
                    }
                }
            }
        }
    }
}

/// The two ways to connect: a CalDAV account and an ICS feed.
fn connect_forms(lang: Language, csrf: &str, failed: &Failed) -> Markup {
    let empty = (FormData::default(), FieldErrors::new());
    let (caldav, caldav_errors) = match failed {
        Failed::Connect {
            provider: Provider::Caldav,
            form,
            errors,
        } => (form, errors),
        _ => (&empty.0, &empty.1),
    };
    let (feed, feed_errors) = match failed {
        Failed::Connect {
            provider: Provider::Ics,
            form,
            errors,
        } => (form, errors),
        _ => (&empty.0, &empty.1),
    };
    html! {
        div.grid {
            section.panel #connect-caldav aria-labelledby="caldav-title" {
                h2 #caldav-title { (t!(lang, "cal-caldav-title")) }
                p.muted { (t!(lang, "cal-caldav-text")) }
                (error_summary(caldav_errors))
                form method="post" action=(LIST) data-validate {
                    (csrf_field(csrf))
                    input type="hidden" name="provider" value="caldav";
                    (field(&Field { name: "url", label: &t!(lang, "cal-server-address"), value: caldav.get("url"), required: true, inputmode: Some("url"), autocomplete: Some("off"), placeholder: Some("cloud.example.org"), hint: Some(&t!(lang, "cal-server-address-hint")), ..Field::default() }, caldav_errors))
                    (field(&Field { name: "username", label: &t!(lang, "cal-username"), value: caldav.get("username"), required: true, autocomplete: Some("off"), ..Field::default() }, caldav_errors))
                    (field(&Field { name: "password", label: &t!(lang, "cal-app-password"), kind: "password", required: true, autocomplete: Some("new-password"), hint: Some(&t!(lang, "cal-app-password-hint")), ..Field::default() }, caldav_errors))
                    details.help {
                        summary { (t!(lang, "cal-app-password-help")) }
                        ul.help-list {
                            li { strong { "Nextcloud: " } (t!(lang, "cal-help-nextcloud")) }
                            li { strong { "iCloud: " } (t!(lang, "cal-help-icloud")) }
                            li { strong { "Fastmail: " } (t!(lang, "cal-help-fastmail")) }
                        }
                    }
                    button.button.primary type="submit" { (t!(lang, "cal-connect-account")) }
                }
            }
            section.panel #connect-feed aria-labelledby="feed-title" {
                h2 #feed-title { (t!(lang, "cal-feed-title")) }
                p.muted { (t!(lang, "cal-feed-text")) }
                (error_summary(feed_errors))
                form method="post" action=(LIST) data-validate {
                    (csrf_field(csrf))
                    input type="hidden" name="provider" value="ics";
                    (field(&Field { name: FEED_URL, label: &t!(lang, "cal-feed-address"), kind: "url", value: feed.get(FEED_URL), required: true, autocomplete: Some("off"), placeholder: Some("https://…/basic.ics"), hint: Some(&t!(lang, "cal-feed-address-hint")), ..Field::default() }, feed_errors))
                    details.help {
                        summary { (t!(lang, "cal-feed-help")) }
                        ul.help-list {
                            li { strong { "Google Calendar: " } (t!(lang, "cal-help-google")) }
                            li { strong { "Outlook: " } (t!(lang, "cal-help-outlook")) }
                            li { strong { (t!(lang, "cal-help-others-label")) " " } (t!(lang, "cal-help-others")) }
                        }
                    }
                    button.button.primary type="submit" { (t!(lang, "cal-add-feed")) }
                }
            }
        }
    }
}

async fn list_with(
    ctx: &Ctx,
    user: &User,
    message: Markup,
    failed: Failed,
    status: StatusCode,
) -> Result<Response, WebError> {
    let deps = ctx.state.integrations();
    let connected = accounts::list(&deps, user).await?;
    let mut vendors = Vec::new();
    for vendor in Vendor::ALL {
        if accounts::vendor_app(&deps, vendor).await?.is_some() {
            vendors.push(vendor);
        }
    }
    let csrf = ctx.csrf_token();
    let lang = ctx.lang;
    let body = html! {
        (message)
        div.page-head {
            div {
                h1 { (t!(lang, "nav-calendars")) }
                p.muted { (t!(lang, "cal-intro")) }
            }
        }
        div.editor {
            @if connected.is_empty() {
                section.panel aria-labelledby="accounts-title" {
                    h2 #accounts-title { (t!(lang, "cal-your-calendars")) }
                    (empty_state(&t!(lang, "cal-empty"), &t!(lang, "cal-empty-text"), None))
                }
            } @else {
                (destination_line(lang, &connected))
                @for account in &connected {
                    (account_panel(lang, account, user, &csrf, &failed))
                }
            }
            (vendor_buttons(lang, &vendors))
            (connect_forms(lang, &csrf, &failed))
        }
    };
    Ok(render_status(
        ctx,
        user,
        &t!(lang, "nav-calendars"),
        LIST,
        status,
        body,
    ))
}

pub async fn list(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    list_with(
        &ctx,
        &user,
        flash_notice(&query.notice),
        Failed::Nothing,
        StatusCode::OK,
    )
    .await
}

/// The service's refusal as the submitted form shows it: the feed form's address field
/// has its own name, and a refused provider (only a hand-made request sends one) is shown
/// at the address.
fn on_form(provider: Provider, errors: FieldErrors) -> FieldErrors {
    let mut shown = FieldErrors::new();
    for error in errors.iter() {
        let field = match (provider, error.field.as_str()) {
            (Provider::Ics, "url" | "provider") => FEED_URL,
            (Provider::Caldav, "provider") => "url",
            (_, other) => other,
        };
        shown.push_as(field, error);
    }
    shown
}

pub async fn connect(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let provider = if form.get("provider") == Provider::Ics.as_str() {
        Provider::Ics
    } else {
        Provider::Caldav
    };
    let input = ConnectInput {
        provider: form.get("provider").to_string(),
        url: form
            .get(match provider {
                Provider::Ics => FEED_URL,
                _ => "url",
            })
            .to_string(),
        username: form.get("username").to_string(),
        password: form.get("password").to_string(),
    };
    let result = accounts::connect(&ctx.state.integrations(), &user, &input, &ctx.origin()).await;
    // What is typed again after a refusal: never the password.
    let kept = FormData(
        form.0
            .into_iter()
            .filter(|(name, _)| name != "password" && name != "csrf")
            .collect(),
    );
    let (ctx, user) = (&ctx, &user);
    saved_or_again(
        result,
        |connected| {
            redirect(format!(
                "{LIST}?notice=calendar-connected#account-{}",
                connected.account.id
            ))
        },
        |errors| {
            let failed = Failed::Connect {
                provider,
                form: kept,
                errors: on_form(provider, errors),
            };
            list_with(
                ctx,
                user,
                html! {},
                failed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        },
    )
    .await
}

/// A switch's submitted value: `on`, `off`, or not sent.
fn switch(form: &FormData, name: &str, errors: &mut FieldErrors) -> Option<bool> {
    match form.get(name) {
        "on" => Some(true),
        "off" => Some(false),
        "" => None,
        _ => {
            errors.refuse(name, crate::reason!("cal-error-on-or-off"));
            None
        }
    }
}

pub async fn choose(
    Path((id, calendar)): Path<(i64, i64)>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let mut errors = FieldErrors::new();
    let choice = CalendarChoice {
        check_conflicts: switch(&form, "check_conflicts", &mut errors),
        destination: switch(&form, "destination", &mut errors),
    };
    let result = if errors.is_empty() {
        accounts::choose(&ctx.state.integrations(), &user, id, calendar, choice).await
    } else {
        Err(CalendarError::Invalid(errors))
    };
    let (ctx, user) = (&ctx, &user);
    saved_or_again(
        result,
        |_| redirect(format!("{LIST}?notice=saved#calendar-{calendar}")),
        |errors| {
            let failed = Failed::Choice { calendar, errors };
            list_with(
                ctx,
                user,
                html! {},
                failed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        },
    )
    .await
}

pub async fn options(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let mut errors = FieldErrors::new();
    let options = AccountOptions {
        sync_cancellations: switch(&form, "sync_cancellations", &mut errors),
        live_check: switch(&form, "live_check", &mut errors),
    };
    let result = if errors.is_empty() {
        accounts::set_options(&ctx.state.integrations(), &user, id, options).await
    } else {
        Err(CalendarError::Invalid(errors))
    };
    let (ctx, user) = (&ctx, &user);
    saved_or_again(
        result,
        |_| redirect(format!("{LIST}?notice=saved#account-{id}")),
        |errors| {
            let failed = Failed::Options {
                account: id,
                errors,
            };
            list_with(
                ctx,
                user,
                html! {},
                failed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        },
    )
    .await
}

/// What only the signed-in session knows: the hash of its token. A vendor's sign-in
/// started in one session cannot be finished in another.
fn session_binding(ctx: &Ctx) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(
        ctx.session_token().unwrap_or_default().as_bytes(),
    ))
}

fn vendor_of(key: &str) -> Result<Vendor, WebError> {
    Vendor::parse(key).ok_or(WebError::NotFound)
}

/// Starts connecting with a vendor: to its sign-in page.
pub async fn start_vendor(ctx: Ctx, Path(vendor): Path<String>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let vendor = vendor_of(&vendor)?;
    let session = session_binding(&ctx);
    match accounts::start_vendor(&ctx.state.integrations(), &user, vendor, &session).await {
        Ok(url) => Ok(axum::response::IntoResponse::into_response(
            axum::response::Redirect::to(&url),
        )),
        Err(CalendarError::Vendor(err)) => vendor_refused(&ctx, &user, &err).await,
        Err(other) => Err(other.into()),
    }
}

/// What the vendor sends the host back with: a code and the state, or an error.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct VendorCallback {
    code: String,
    state: String,
    error: String,
}

/// Finishes connecting with a vendor.
pub async fn vendor_callback(
    ctx: Ctx,
    Path(vendor): Path<String>,
    Query(callback): Query<VendorCallback>,
) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let vendor = vendor_of(&vendor)?;
    if !callback.error.is_empty() || callback.code.is_empty() {
        let reason = if callback.error == "access_denied" {
            ACCESS_NOT_ALLOWED.to_string()
        } else {
            NO_ACCESS_GRANTED.to_string()
        };
        return vendor_refused(&ctx, &user, &OAuthError::Denied(vendor.label(), reason)).await;
    }
    let session = session_binding(&ctx);
    let result = accounts::finish_vendor(
        &ctx.state.integrations(),
        &user,
        vendor,
        &session,
        (&callback.state, &callback.code),
        &ctx.origin(),
    )
    .await;
    match result {
        Ok(connected) => redirect(format!(
            "{LIST}?notice=calendar-connected#account-{}",
            connected.account.id
        ))
        .await
        .map(axum::response::IntoResponse::into_response),
        Err(CalendarError::Vendor(err)) => vendor_refused(&ctx, &user, &err).await,
        Err(other) => Err(other.into()),
    }
}

/// The calendars page again, saying why connecting with a vendor did not work: 409 when
/// the vendor is not set up, 400 for a sign-in that is not this session's or was not
/// allowed, 502 when the vendor refused or did not answer.
async fn vendor_refused(ctx: &Ctx, user: &User, err: &OAuthError) -> Result<Response, WebError> {
    let status = match err {
        OAuthError::NotConfigured(_) => StatusCode::CONFLICT,
        OAuthError::UnknownState(_) | OAuthError::Denied(_, _) => StatusCode::BAD_REQUEST,
        _ => StatusCode::BAD_GATEWAY,
    };
    let lang = ctx.lang;
    let reason = match err {
        OAuthError::NotConfigured(vendor) => t!(lang, "cal-vendor-not-set-up", vendor = *vendor),
        OAuthError::UnknownState(vendor) => t!(lang, "cal-vendor-unknown-state", vendor = *vendor),
        OAuthError::Denied(vendor, reason) if reason == ACCESS_NOT_ALLOWED => {
            t!(lang, "cal-vendor-access-not-allowed", vendor = *vendor)
        }
        OAuthError::Denied(vendor, reason) if reason == NO_ACCESS_GRANTED => {
            t!(lang, "cal-vendor-no-access-granted", vendor = *vendor)
        }
        OAuthError::Refused(vendor, detail) => t!(
            lang,
            "cal-vendor-refused",
            vendor = *vendor,
            detail = detail.as_str()
        ),
        OAuthError::Revoked(vendor) => t!(lang, "cal-vendor-revoked", vendor = *vendor),
        OAuthError::Unreachable(vendor, detail) => t!(
            lang,
            "cal-vendor-unreachable",
            vendor = *vendor,
            detail = detail.as_str()
        ),
        OAuthError::Credentials => t!(lang, "cal-vendor-credentials"),
        other => other.to_string(),
    };
    list_with(
        ctx,
        user,
        notice("error", &t!(lang, "cal-not-connected", reason = reason)),
        Failed::Nothing,
        status,
    )
    .await
}

/// Why a vendor's sign-in came back without access: the host said no, or nothing came.
const ACCESS_NOT_ALLOWED: &str = "the access was not allowed";
const NO_ACCESS_GRANTED: &str = "no access was granted";

pub async fn sync_now(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    accounts::sync_now(&ctx.state.integrations(), &user, id).await?;
    redirect(format!("{LIST}?notice=sync-planned#account-{id}"))
        .await
        .map(axum::response::IntoResponse::into_response)
}

pub async fn disconnect(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    accounts::disconnect(&ctx.state.integrations(), &user, id, &ctx.origin()).await?;
    redirect(format!("{LIST}?notice=calendar-disconnected"))
        .await
        .map(axum::response::IntoResponse::into_response)
}

fn health_row(lang: Language, health: &AccountHealth, user: &User) -> Markup {
    let account = &health.account;
    html! {
        tr {
            td data-label=(t!(lang, "cal-owner")) { (health.owner_email) }
            td.nowrap data-label=(t!(lang, "cal-provider")) { (provider_label(lang, account.provider)) }
            td.url-text data-label=(t!(lang, "cal-address")) { (account.url) }
            td.nowrap data-label=(t!(lang, "cal-last-sync")) { @match account.last_synced_at { Some(t) => (moment(lang, t, user)), None => (t!(lang, "cal-not-yet")) } }
            td.nowrap data-label=(t!(lang, "cal-next-sync")) { @match account.next_sync_at { Some(t) => (moment(lang, t, user)), None => "—" } }
            td data-label=(t!(lang, "cal-failures")) {
                @if account.failures > 0 { span.badge.off { (account.failures) } } @else { span.badge.ok { "0" } }
            }
            td.reason data-label=(t!(lang, "cal-last-error")) { @match &account.last_error { Some(error) => (error), None => "—" } }
        }
    }
}

/// `/dashboard/admin/calendars`: every account's sync health, for administrators. Who
/// owns it and how it syncs; never its events.
pub async fn health(ctx: Ctx) -> Result<Response, WebError> {
    let user = admin_only(&ctx)?;
    let all = accounts::health(&ctx.state.integrations()).await?;
    let failing = all.iter().filter(|h| h.account.failures > 0).count();
    let lang = ctx.lang;
    let body = html! {
        div.page-head {
            div {
                h1 { (t!(lang, "cal-sync-title")) }
                p.muted { (t!(lang, "cal-sync-intro")) " " a href="/dashboard/admin" { (t!(lang, "cal-back-to-admin")) } }
            }
        }
        div.editor {
            @if failing > 0 {
                div.alert.alert-error role="alert" {
                    strong { (t!(lang, "cal-accounts-failing", count = failing)) }
                    " " (t!(lang, "cal-accounts-failing-text"))
                }
            }
            section.panel aria-labelledby="health-title" {
                h2 #health-title { (t!(lang, "cal-accounts")) " " span.badge { (all.len()) } }
                @if all.is_empty() {
                    (empty_state(&t!(lang, "cal-empty"), &t!(lang, "cal-empty-admin-text"), None))
                } @else {
                    div.table-wrap {
                        table.log.health {
                            thead { tr {
                                th scope="col" { (t!(lang, "cal-owner")) } th scope="col" { (t!(lang, "cal-provider")) } th scope="col" { (t!(lang, "cal-address")) }
                                th scope="col" { (t!(lang, "cal-last-sync")) } th scope="col" { (t!(lang, "cal-next-sync")) } th scope="col" { (t!(lang, "cal-failures")) } th scope="col" { (t!(lang, "cal-last-error")) }
                            } }
                            tbody { @for health in &all { (health_row(lang, health, &user)) } }
                        }
                    }
                }
            }
        }
    };
    Ok(render_status(
        &ctx,
        &user,
        &t!(lang, "cal-sync-title"),
        "/dashboard/admin",
        StatusCode::OK,
        body,
    ))
}
