//! The page frame every page shares, and the form pieces every form uses.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::db::users::User;
use crate::model::error::FieldErrors;
use crate::model::event_types::Location;
use crate::present::Language;
use crate::t;
use crate::web::assets;

fn head(lang: Language, title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="color-scheme" content="light dark";
            meta name="referrer" content="same-origin";
            title { (t!(lang, "page-title", page = title)) }
            link rel="icon" href=(assets::url("icon.svg")) type="image/svg+xml";
            link rel="stylesheet" href=(assets::url("app.css"));
            script src=(assets::url("app.js")) defer {}
        }
    }
}

/// What app.js writes on the page, in the page's language (`data-messages` on `body`).
fn script_messages(lang: Language) -> String {
    serde_json::json!({
        "zoneDetected": t!(lang, "js-zone-detected"),
        "zoneSearch": t!(lang, "js-zone-search"),
        "passwordsDiffer": t!(lang, "js-passwords-differ"),
        "chooseOne": t!(lang, "js-choose-one"),
        "guestEmail": t!(lang, "js-guest-email", n = "{n}"),
        "sending": t!(lang, "js-sending"),
        "copied": t!(lang, "js-copied"),
    })
    .to_string()
}

fn brand(org: &str) -> Markup {
    html! {
        span.brand {
            img.brand-mark src=(assets::url("icon.svg")) alt="" width="28" height="28";
            span.brand-name { (org) }
        }
    }
}

/// A page for signed-out visitors and the setup wizard: one card in the middle.
pub fn card_page(lang: Language, title: &str, org: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) dir=(lang.dir()) {
            (head(lang, title))
            body.centered data-messages=(script_messages(lang)) {
                main.card-wrap {
                    div.card-brand { (brand(org)) }
                    section.card { (body) }
                    p.footnote { "Kairos " (env!("CARGO_PKG_VERSION")) }
                    (language_menu(lang))
                }
            }
        }
    }
}

/// The options of a language menu: each language by its own name, after `none` (the
/// choice of following someone else's) when there is one.
pub fn language_options(none: Option<&str>) -> Vec<(&'static str, String)> {
    none.map(|text| ("", text.to_string()))
        .into_iter()
        .chain(Language::shipped().map(|l| (l.tag(), l.autonym().to_string())))
        .collect()
}

/// The language menu of pages for people who are not signed in: a form that reloads the
/// page with `?lang=` (app.js keeps the page's other parameters), remembered in a cookie.
pub fn language_menu(lang: Language) -> Markup {
    html! {
        form.language-menu method="get" data-language-menu {
            label for="language-menu" { (t!(lang, "language-menu-label")) }
            select #language-menu name="lang" {
                @for language in Language::shipped() {
                    option value=(language.tag()) lang=(language.tag()) selected[language == lang] { (language.autonym()) }
                }
            }
            button.button.ghost.small type="submit" data-no-js { (t!(lang, "language-menu-change")) }
        }
    }
}

/// A page with nothing but a message: errors and notices.
pub fn message_page(lang: Language, title: &str, body: Markup) -> Markup {
    card_page(
        lang,
        title,
        "Kairos",
        html! {
            h1 { (title) }
            (body)
        },
    )
}

/// What the signed-in frame needs to know.
pub struct Shell<'a> {
    pub lang: Language,
    pub title: &'a str,
    pub org: &'a str,
    pub user: &'a User,
    pub csrf: &'a str,
    /// The navigation entry to highlight.
    pub current: &'a str,
    /// Seconds until the session ends without activity: the page warns a minute before.
    pub session_left: Option<i64>,
}

/// The dashboard's sections and the messages that name them.
fn nav(lang: Language) -> [(&'static str, String); 8] {
    [
        ("/dashboard", t!(lang, "nav-home")),
        ("/dashboard/event-types", t!(lang, "nav-event-types")),
        ("/dashboard/availability", t!(lang, "nav-availability")),
        ("/dashboard/calendars", t!(lang, "nav-calendars")),
        ("/dashboard/bookings", t!(lang, "nav-bookings")),
        ("/dashboard/workflows", t!(lang, "nav-workflows")),
        ("/dashboard/teams", t!(lang, "nav-teams")),
        ("/dashboard/settings", t!(lang, "nav-settings")),
    ]
}

/// A dashboard page: top bar with the organization, navigation and the account menu.
pub fn app_page(shell: &Shell<'_>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(shell.lang.tag()) dir=(shell.lang.dir()) {
            (head(shell.lang, shell.title))
            body.app data-session-left=[shell.session_left] data-messages=(script_messages(shell.lang)) {
                a.skip-link href="#main" { (t!(shell.lang, "skip-to-content")) }
                header.topbar {
                    a.topbar-home href="/dashboard" { (brand(shell.org)) }
                    nav.topnav aria-label=(t!(shell.lang, "nav-label")) {
                        @for (href, label) in nav(shell.lang).into_iter().chain(shell.user.role.is_admin().then(|| ("/dashboard/admin", t!(shell.lang, "nav-admin")))) {
                            @if href == shell.current {
                                a href=(href) aria-current="page" { (label) }
                            } @else {
                                a href=(href) { (label) }
                            }
                        }
                    }
                    div.account {
                        span.avatar aria-hidden="true" { (initials(&shell.user.name)) }
                        span.account-name { (shell.user.name) }
                        form method="post" action="/logout" {
                            (csrf_field(shell.csrf))
                            button.button.ghost type="submit" { (t!(shell.lang, "sign-out")) }
                        }
                    }
                }
                main #main.content { (body) }
                (idle_warning(shell.lang, shell.csrf))
            }
        }
    }
}

/// The dialog shown a minute before an idle session ends (opened by app.js; without
/// script the session simply ends and the next click asks to sign in again).
fn idle_warning(lang: Language, csrf: &str) -> Markup {
    // The countdown's number is replaced by app.js each second; the sentence around it
    // is the translator's, with the number marked where it goes.
    let text = t!(lang, "idle-text", seconds = "\u{1}");
    let (before, after) = text.split_once('\u{1}').unwrap_or((&text, ""));
    html! {
        dialog #idle-warning.dialog aria-labelledby="idle-title" aria-describedby="idle-text" {
            h2 #idle-title { (t!(lang, "idle-title")) }
            p #idle-text {
                (before) strong data-idle-countdown { "60" } (after)
            }
            div.button-row {
                form method="post" action="/session/extend" data-extend-session {
                    (csrf_field(csrf))
                    button.button.primary type="submit" autofocus { (t!(lang, "idle-stay")) }
                }
                form method="post" action="/logout" {
                    (csrf_field(csrf))
                    button.button.ghost type="submit" { (t!(lang, "sign-out")) }
                }
            }
        }
    }
}

/// A public page (booking pages, a host's profile): no navigation; inside a frame when
/// embedded on another site.
/// `menu`: whether the page offers the language menu (not when its event type fixes the
/// language).
pub fn public_page(
    lang: Language,
    title: &str,
    org: &str,
    (embed, menu): (bool, bool),
    body: Markup,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) dir=(lang.dir()) {
            (head(lang, title))
            body.public.embed[embed] data-messages=(script_messages(lang)) {
                main #main.public-main { (body) }
                @if !embed {
                    footer.public-footer {
                        @if org != "Kairos" { (org) " · " }
                        (t!(lang, "scheduling-by-kairos"))
                        @if menu { (language_menu(lang)) }
                    }
                }
            }
        }
    }
}

/// What a list shows when it has nothing in it.
pub fn empty_state(title: &str, text: &str, action: Option<Markup>) -> Markup {
    html! {
        div.empty-state {
            p.empty-title { (title) }
            p.muted { (text) }
            @if let Some(action) = action { (action) }
        }
    }
}

/// A labelled select; `options` are (value, label) pairs.
pub fn select_field<V: AsRef<str>, T: AsRef<str>>(
    name: &str,
    label: &str,
    options: &[(V, T)],
    selected: &str,
    hint: Option<&str>,
    errors: &FieldErrors,
) -> Markup {
    let id = format!("f-{}", name.replace(['.', '[', ']'], "-"));
    let error = errors.text(name, crate::web::ctx::request_language());
    html! {
        div.field.invalid[error.is_some()] {
            label for=(id) { (label) }
            @if let Some(hint) = hint { p.hint id=(format!("{id}-hint")) { (hint) } }
            select id=(id) name=(name) aria-describedby=[hint.map(|_| format!("{id}-hint"))] aria-invalid=[error.as_ref().map(|_| "true")] {
                @for (value, text) in options {
                    option value=(value.as_ref()) selected[value.as_ref() == selected] { (text.as_ref()) }
                }
            }
            @if let Some(message) = &error { p.error { (field_error(label, message)) } }
        }
    }
}

/// A labelled text area.
pub fn textarea_field(
    name: &str,
    label: &str,
    value: &str,
    hint: Option<&str>,
    required: bool,
    errors: &FieldErrors,
) -> Markup {
    let id = format!("f-{}", name.replace(['.', '[', ']'], "-"));
    let error = errors.text(name, crate::web::ctx::request_language());
    html! {
        div.field.invalid[error.is_some()] {
            label for=(id) { (label) }
            @if let Some(hint) = hint { p.hint id=(format!("{id}-hint")) { (hint) } }
            textarea id=(id) name=(name) rows="3" required[required]
                aria-describedby=[hint.map(|_| format!("{id}-hint"))] aria-invalid=[error.as_ref().map(|_| "true")] { (value) }
            @if let Some(message) = &error { p.error { (field_error(label, message)) } }
        }
    }
}

/// A checkbox with its label beside it.
pub fn checkbox_field(name: &str, label: &str, checked: bool, hint: Option<&str>) -> Markup {
    scoped_checkbox(None, name, label, checked, hint)
}

/// A checkbox in form `form` of several with the same fields on one page (see
/// [`field_id`]).
pub fn scoped_checkbox(
    form: Option<&str>,
    name: &str,
    label: &str,
    checked: bool,
    hint: Option<&str>,
) -> Markup {
    let id = field_id(form, name);
    html! {
        div.field.check {
            input type="checkbox" id=(id) name=(name) value="on" checked[checked]
                aria-describedby=[hint.map(|_| format!("{id}-hint"))];
            label for=(id) { (label) }
            @if let Some(hint) = hint { p.hint id=(format!("{id}-hint")) { (hint) } }
        }
    }
}

/// Up to two initials for an avatar.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// A value shown read-only with a button that copies it: a link or secret shown once.
pub fn copy_row(id: &str, label: &str, kind: &str, value: &str) -> Markup {
    html! {
        div.copy-row {
            label.visually-hidden for=(id) { (label) }
            input id=(id) type=(kind) readonly value=(value);
            button.button.ghost.small type="button" data-copy=(format!("#{id}")) hidden { (t!(crate::web::ctx::request_language(), "copy")) }
        }
    }
}

/// Where a booking takes place; a meeting link or video room is a link that opens it.
pub fn location_link(lang: Language, location: &Location) -> Markup {
    match location {
        Location::Link { url } | Location::Video { url: Some(url), .. } => html! {
            a href=(url) rel="noopener noreferrer" target="_blank" { (url) }
        },
        pending if pending.pending_meeting().is_some() => html! {
            (pending.describe(lang)) " " span.muted { (t!(lang, "location-link-coming")) }
        },
        other => html! { (other.describe(lang)) },
    }
}

/// The word with its first letter in upper case.
pub fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn csrf_field(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}

/// Options for one input field.
#[derive(Default)]
pub struct Field<'a> {
    pub name: &'a str,
    pub label: &'a str,
    pub kind: &'a str,
    pub value: &'a str,
    pub autocomplete: Option<&'a str>,
    pub hint: Option<&'a str>,
    pub required: bool,
    pub autofocus: bool,
    pub minlength: Option<usize>,
    pub placeholder: Option<&'a str>,
    /// For numbers: the smallest value.
    pub min: Option<&'a str>,
    pub inputmode: Option<&'a str>,
    /// Which of several forms with the same fields on one page this one is: its ids are
    /// `f-{form}-{name}`, so that they stay unique.
    pub form: Option<&'a str>,
}

/// The id of a field `name`, in form `form` when a page has several with the same fields.
pub fn field_id(form: Option<&str>, name: &str) -> String {
    let name = name.replace(['.', '[', ']'], "-");
    match form {
        Some(form) => format!("f-{form}-{name}"),
        None => format!("f-{name}"),
    }
}

/// A labelled input with its hint and, after a failed submission, its error message.
pub fn field(field: &Field<'_>, errors: &FieldErrors) -> Markup {
    let error = errors.text(field.name, crate::web::ctx::request_language());
    let id = field_id(field.form, field.name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = match (field.hint.is_some(), error.is_some()) {
        (true, true) => Some(format!("{hint_id} {error_id}")),
        (true, false) => Some(hint_id.clone()),
        (false, true) => Some(error_id.clone()),
        (false, false) => None,
    };
    html! {
        div.field.invalid[error.is_some()] {
            label for=(id) { (field.label) }
            @if let Some(hint) = field.hint { p.hint id=(hint_id) { (hint) } }
            input id=(id) name=(field.name) type=(if field.kind.is_empty() { "text" } else { field.kind })
                value=(field.value)
                autocomplete=[field.autocomplete]
                aria-describedby=[described]
                aria-invalid=[error.as_ref().map(|_| "true")]
                minlength=[field.minlength]
                placeholder=[field.placeholder]
                min=[field.min]
                inputmode=[field.inputmode]
                required[field.required]
                autofocus[field.autofocus];
            @if let Some(message) = &error {
                p.error id=(error_id) { (field_error(field.label, message)) }
            }
        }
    }
}

/// A field's error under it: its label and why (`Email is required`), in the order the
/// page's language puts them.
pub fn field_error(label: &str, reason: &str) -> String {
    t!(
        crate::web::ctx::request_language(),
        "field-error",
        label = label,
        reason = reason
    )
}

/// A summary above a form that failed validation.
pub fn error_summary(errors: &FieldErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.alert.alert-error role="alert" {
                p { strong { (t!(crate::web::ctx::request_language(), "form-correct-fields")) } }
            }
        }
    }
}

/// The options of a time-zone menu: canonical zones grouped by region, each with its
/// city, long name and offset at `now` in `lang` (see [`crate::present::zones`]). The
/// select that holds them carries `data-zone-menu`: the browser's script adds a search
/// box and puts the detected zone first.
pub fn zone_options(lang: Language, selected: &str, now: chrono::DateTime<chrono::Utc>) -> Markup {
    html! {
        @for group in crate::present::zones::zone_groups(selected, now, lang) {
            optgroup label=(t!(lang, "zone-region", region = group.region)) {
                @for zone in &group.zones {
                    option value=(zone.name) selected[zone.name == selected] { (zone.label) }
                }
            }
        }
    }
}

/// A short message above the page content.
pub fn notice(kind: &str, text: &str) -> Markup {
    let role = if kind == "error" { "alert" } else { "status" };
    html! { div class=(format!("alert alert-{kind}")) role=(role) { (text) } }
}

/// A catalogue message with marked-up pieces (code, a link, emphasis): the message is
/// written with each piece's placeholder set to [`mark`]`(n)`, and each mark is replaced
/// here by `pieces[n]`, so every language puts the pieces where its sentence needs them.
pub fn marked(text: &str, pieces: &[Markup]) -> Markup {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(MARK_OPEN) {
        out.push_str(&html! { (rest[..start]) }.into_string());
        let after = &rest[start + MARK_OPEN.len_utf8()..];
        let Some(end) = after.find(MARK_CLOSE) else {
            rest = after;
            break;
        };
        if let Some(piece) = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|n| pieces.get(n))
        {
            out.push_str(&piece.0);
        }
        rest = &after[end + MARK_CLOSE.len_utf8()..];
    }
    out.push_str(&html! { (rest) }.into_string());
    PreEscaped(out)
}

const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

/// The placeholder value that [`marked`] replaces by its `n`th piece.
pub fn mark(n: usize) -> String {
    format!("{MARK_OPEN}{n}{MARK_CLOSE}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_row_renders_label_input_and_button() {
        let html = copy_row("new-key", "API key", "text", "k&1").into_string();
        let expected = html! {
            div.copy-row {
                label.visually-hidden for="new-key" { "API key" }
                input #new-key type="text" readonly value="k&1";
                button.button.ghost.small type="button" data-copy="#new-key" hidden { (t!(crate::web::ctx::request_language(), "copy")) }
            }
        };
        assert_eq!(html, expected.into_string());
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("ana maría lópez"), "AM");
        assert_eq!(initials("Bo"), "B");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn capitalizes() {
        assert_eq!(capitalize("monday"), "Monday");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn fields_carry_their_error_and_escape_values() {
        let mut errors = FieldErrors::new();
        errors.add("email", "is required");
        let html = field(
            &Field {
                name: "email",
                label: "Email",
                kind: "email",
                value: "\"><script>",
                ..Field::default()
            },
            &errors,
        )
        .into_string();
        assert!(html.contains("aria-invalid=\"true\""));
        assert!(html.contains("Email is required"));
        assert!(!html.contains("<script>"));
    }
}
