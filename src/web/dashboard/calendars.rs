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
use crate::present::Locale;
use crate::web::dashboard::{NoticeQuery, admin_only, flash_notice, render_status, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{Field, csrf_field, empty_state, error_summary, field, notice};
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
fn moment(t: DateTime<Utc>, user: &User) -> String {
    let local = t.with_timezone(&user.time_zone);
    format!(
        "{} {}",
        Locale::default().short_date(local.date_naive()),
        Locale::english(user.twelve_hour).time(local)
    )
}

fn status_badge(connected: &Connected) -> Markup {
    let account = &connected.account;
    html! {
        @if account.needs_reconnect {
            span.badge.off { "Needs connecting again" }
        } @else if account.failures > 0 {
            span.badge.off { "Sync failing" }
        } @else if account.last_synced_at.is_none() {
            span.badge.warn { "Waiting for the first sync" }
        } @else {
            span.badge.ok { "Synced" }
        }
    }
}

/// Where new bookings go: the one destination calendar, or nowhere.
fn destination_line(accounts: &[Connected]) -> Markup {
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
                "New bookings are written to " strong { (calendar.name) }
                " (" span.url-text { (connected.account.url) } ")."
            },
            None => p.destination-line.muted {
                "New bookings are not written to any of your calendars. Choose “Write new bookings here” on one of your connected calendars to have them there."
            },
        }
    }
}

/// One calendar of an account: its switches, and a refusal of the last choice, if any.
fn calendar_row(
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
        "Calendar"
    } else {
        calendar.name.as_str()
    };
    html! {
        li.calendar-row id=(format!("calendar-{}", calendar.id)) {
            div.list-main {
                span.list-title.url-text { (name) }
                div.list-sub {
                    @if conflicts { span { "Its events block your slots" } } @else { span { "Not checked for conflicts" } }
                    @if calendar.read_only { span.badge { "Read-only" } }
                    @if is_destination { span.badge.accent { "New bookings are written here" } }
                }
                @if let Some(errors) = refusal {
                    @for error in errors.iter() {
                        p.error role="alert" {
                            @if error.field == "destination" { "Not a destination: " } @else { (error.field) " " }
                            (error.message)
                        }
                    }
                }
            }
            div.list-actions {
                (switch_form(&action, csrf, "check_conflicts", conflicts, "Check for conflicts"))
                @if !calendar.read_only {
                    form method="post" action=(action) {
                        (csrf_field(csrf))
                        @if is_destination {
                            input type="hidden" name="destination" value="off";
                            button.button.ghost.small type="submit" { "Stop writing bookings here" }
                        } @else {
                            input type="hidden" name="destination" value="on";
                            button.button.ghost.small type="submit" { "Write new bookings here" }
                        }
                    }
                }
            }
        }
    }
}

/// One connected account: its address, sync health, calendars and actions.
fn account_panel(connected: &Connected, user: &User, csrf: &str, failed: &Failed) -> Markup {
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
                    h2 id=(format!("account-{id}-title")) { (account.provider.label()) }
                    p.muted.url-text {
                        @if account.provider.signs_in() {
                            (account.username)
                        } @else {
                            (account.url)
                            @if !account.username.is_empty() { " · " (account.username) }
                        }
                    }
                }
                (status_badge(connected))
            }
            @if account.needs_reconnect {
                div.alert.alert-error role="alert" {
                    strong { "Kairos has no access any more: " } (account.last_error.as_deref().unwrap_or_default()) "."
                    " Until you connect it again, its events do not block your slots and bookings are not written there."
                    @if let Some(vendor) = Vendor::of(account.provider) {
                        " " a.button.small href=(format!("{LIST}/{}/connect", vendor.key())) { "Connect again" }
                    }
                }
            } @else if let Some(error) = &account.last_error {
                div.alert.alert-error role="alert" {
                    strong { "The last sync failed: " } (error) "."
                    @if account.failures > 1 { " It failed " (account.failures) " times in a row." }
                    " Kairos tries again by itself, waiting longer after each failure (at most six hours)."
                }
            }
            dl.facts {
                dt { "Last successful sync" }
                dd { @match account.last_synced_at { Some(t) => (moment(t, user)), None => "Not yet" } }
                dt { "Next sync" }
                dd { @match account.next_sync_at { Some(t) => (moment(t, user)), None => "Not planned" } }
            }
            @if !account.provider.has_calendars() {
                p.muted { "Video meetings: event types whose place is Zoom get a Zoom meeting in this account for each booking, moved and deleted with it." }
            } @else if connected.calendars.is_empty() {
                h3.subhead { "Calendars" }
                p.muted { "The server lists no calendars for this account yet." }
            } @else {
                h3.subhead { "Calendars" }
                ul.list.compact {
                    @for calendar in &connected.calendars {
                        (calendar_row(id, calendar, connected.destination, csrf, refusal(calendar.id)))
                    }
                }
            }
            @if account.provider == Provider::Caldav {
                (options_block(connected, csrf, failed))
            }
            div.button-row {
                form method="post" action=(format!("{LIST}/{id}/sync")) {
                    (csrf_field(csrf))
                    button.button.ghost type="submit" { "Sync now" }
                }
                form method="post" action=(format!("{LIST}/{id}/disconnect")) data-confirm="Disconnect this account? Kairos forgets its access and the events it copied." {
                    (csrf_field(csrf))
                    button.button.ghost.danger type="submit" { "Disconnect" }
                }
            }
        }
    }
}

/// The options of a CalDAV account: sync cancellations and the live check.
fn options_block(connected: &Connected, csrf: &str, failed: &Failed) -> Markup {
    let account = &connected.account;
    let action = format!("{LIST}/{}/options", account.id);
    html! {
        h3.subhead { "Options" }
        ul.list.compact {
            li.calendar-row {
                div.list-main {
                    span.list-title { "Cancel bookings deleted in this calendar" }
                    div.list-sub {
                        span { "When you delete a booking's event in your calendar, the booking is cancelled and the invitee told, 15 minutes after Kairos notices (restore the event before then to keep it)." }
                    }
                }
                div.list-actions {
                    (switch_form(&action, csrf, "sync_cancellations", account.sync_cancellations, "Sync cancellations"))
                }
            }
            li.calendar-row {
                div.list-main {
                    span.list-title { "Ask the calendar before each booking" }
                    div.list-sub {
                        span { "Before a booking is made or moved, Kairos asks your destination calendar for changes since the last sync, for at most 3 seconds. If it does not answer in time, the booking goes ahead." }
                    }
                }
                div.list-actions {
                    (switch_form(&action, csrf, "live_check", account.live_check, "Live check"))
                }
            }
        }
        @if let Failed::Options { account: refused, errors } = failed && *refused == account.id {
            @for error in errors.iter() {
                p.error role="alert" { (error.message) }
            }
        }
    }
}

/// Connecting through a vendor's sign-in page, for each vendor an administrator set up.
fn vendor_buttons(vendors: &[Vendor]) -> Markup {
    html! {
        @if !vendors.is_empty() {
            section.panel #connect-vendor aria-labelledby="vendor-title" {
                h2 #vendor-title { "Connect with a sign-in" }
                p.muted { "You sign in with the service and allow Kairos to read your calendars' busy times and to write your bookings (with Zoom: to make a meeting for each booking). Kairos keeps the access encrypted; you can disconnect at any time." }
                div.button-row {
                    @for vendor in vendors {
                        a.button.primary href=(format!("{LIST}/{}/connect", vendor.key())) {
                            "Connect " (vendor.label())
                        }
                    }
                }
            }
        }
    }
}

/// The two ways to connect: a CalDAV account and an ICS feed.
fn connect_forms(csrf: &str, failed: &Failed) -> Markup {
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
                h2 #caldav-title { "Connect a CalDAV account" }
                p.muted { "Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo and other CalDAV servers. Kairos reads your events and can write new bookings to one calendar." }
                (error_summary(caldav_errors))
                form method="post" action=(LIST) data-validate {
                    (csrf_field(csrf))
                    input type="hidden" name="provider" value="caldav";
                    (field(&Field { name: "url", label: "Server address", value: caldav.get("url"), required: true, inputmode: Some("url"), autocomplete: Some("off"), placeholder: Some("cloud.example.org"), hint: Some("The host name is enough: Kairos finds your calendars."), ..Field::default() }, caldav_errors))
                    (field(&Field { name: "username", label: "User name", value: caldav.get("username"), required: true, autocomplete: Some("off"), ..Field::default() }, caldav_errors))
                    (field(&Field { name: "password", label: "App password", kind: "password", required: true, autocomplete: Some("new-password"), hint: Some("Not your main password: a separate one you can revoke. Kairos keeps it encrypted and never shows it again."), ..Field::default() }, caldav_errors))
                    details.help {
                        summary { "Where do I get an app password?" }
                        ul.help-list {
                            li { strong { "Nextcloud: " } "Settings → Security → Devices & sessions → Create new app password." }
                            li { strong { "iCloud: " } "account.apple.com → Sign-In and Security → App-Specific Passwords. The server is caldav.icloud.com." }
                            li { strong { "Fastmail: " } "Settings → Privacy & Security → Manage app passwords → New app password, with access to CalDAV." }
                        }
                    }
                    button.button.primary type="submit" { "Connect account" }
                }
            }
            section.panel #connect-feed aria-labelledby="feed-title" {
                h2 #feed-title { "Add an ICS feed" }
                p.muted { "A read-only calendar address: its events block your slots, but bookings cannot be written to it." }
                (error_summary(feed_errors))
                form method="post" action=(LIST) data-validate {
                    (csrf_field(csrf))
                    input type="hidden" name="provider" value="ics";
                    (field(&Field { name: FEED_URL, label: "Feed address", kind: "url", value: feed.get(FEED_URL), required: true, autocomplete: Some("off"), placeholder: Some("https://…/basic.ics"), hint: Some("Treat it like a password: anyone with it can read the calendar. Kairos keeps it encrypted and shows only its host name."), ..Field::default() }, feed_errors))
                    details.help {
                        summary { "Where do I find the address?" }
                        ul.help-list {
                            li { strong { "Google Calendar: " } "Settings → your calendar → Integrate calendar → Secret address in iCal format." }
                            li { strong { "Outlook: " } "Settings → Calendar → Shared calendars → Publish a calendar → the ICS link." }
                            li { strong { "Others: " } "look for “subscribe”, “publish” or “iCal” in the calendar's sharing settings. A webcal:// address works too." }
                        }
                    }
                    button.button.primary type="submit" { "Add feed" }
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
    let body = html! {
        (message)
        div.page-head {
            div {
                h1 { "Calendars" }
                p.muted { "Events in your own calendars block the times people can book, and new bookings can be written to one of them. Kairos syncs every few minutes." }
            }
        }
        div.editor {
            @if connected.is_empty() {
                section.panel aria-labelledby="accounts-title" {
                    h2 #accounts-title { "Your calendars" }
                    (empty_state("No calendars connected", "Connect an account or add an ICS feed below, and your busy times stop people from booking you then.", None))
                }
            } @else {
                (destination_line(&connected))
                @for account in &connected {
                    (account_panel(account, user, &csrf, &failed))
                }
            }
            (vendor_buttons(&vendors))
            (connect_forms(&csrf, &failed))
        }
    };
    Ok(render_status(ctx, user, "Calendars", LIST, status, body))
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
        shown.add(field, error.message.clone());
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
            errors.add(name, "must be on or off");
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
            "the access was not allowed".to_string()
        } else {
            "no access was granted".to_string()
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
    list_with(
        ctx,
        user,
        notice("error", &format!("Not connected: {err}.")),
        Failed::Nothing,
        status,
    )
    .await
}

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

fn health_row(health: &AccountHealth, user: &User) -> Markup {
    let account = &health.account;
    html! {
        tr {
            td data-label="Owner" { (health.owner_email) }
            td.nowrap data-label="Provider" { (account.provider.label()) }
            td.url-text data-label="Address" { (account.url) }
            td.nowrap data-label="Last sync" { @match account.last_synced_at { Some(t) => (moment(t, user)), None => "Not yet" } }
            td.nowrap data-label="Next sync" { @match account.next_sync_at { Some(t) => (moment(t, user)), None => "—" } }
            td {
                @if account.failures > 0 { span.badge.off { (account.failures) } } @else { span.badge.ok { "0" } }
            }
            td.reason data-label="Last error" { @match &account.last_error { Some(error) => (error), None => "—" } }
        }
    }
}

/// `/dashboard/admin/calendars`: every account's sync health, for administrators. Who
/// owns it and how it syncs; never its events.
pub async fn health(ctx: Ctx) -> Result<Response, WebError> {
    let user = admin_only(&ctx)?;
    let all = accounts::health(&ctx.state.integrations()).await?;
    let failing = all.iter().filter(|h| h.account.failures > 0).count();
    let body = html! {
        div.page-head {
            div {
                h1 { "Calendar sync" }
                p.muted { "Every connected calendar account on this instance and how it syncs. Only its owner sees its calendars. " a href="/dashboard/admin" { "Back to administration" } }
            }
        }
        div.editor {
            @if failing > 0 {
                div.alert.alert-error role="alert" {
                    strong { (failing) @if failing == 1 { " account fails" } @else { " accounts fail" } " to sync." }
                    " Its owner sees the reason on their Calendars page and can fix the address or password, or disconnect it."
                }
            }
            section.panel aria-labelledby="health-title" {
                h2 #health-title { "Accounts " span.badge { (all.len()) } }
                @if all.is_empty() {
                    (empty_state("No calendars connected", "Members connect their calendars under Calendars.", None))
                } @else {
                    div.table-wrap {
                        table.log.health {
                            thead { tr {
                                th scope="col" { "Owner" } th scope="col" { "Provider" } th scope="col" { "Address" }
                                th scope="col" { "Last sync" } th scope="col" { "Next sync" } th scope="col" { "Failures" } th scope="col" { "Last error" }
                            } }
                            tbody { @for health in &all { (health_row(health, &user)) } }
                        }
                    }
                }
            }
        }
    };
    Ok(render_status(
        &ctx,
        &user,
        "Calendar sync",
        "/dashboard/admin",
        StatusCode::OK,
        body,
    ))
}
