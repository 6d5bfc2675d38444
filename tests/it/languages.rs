//! Every page in every language: the public pages and every dashboard page, crawled by
//! their own links, are rendered in each language Kairos ships and checked against the
//! English catalogue: no English sentence shows where the language has its own words, no
//! message id shows in place of a message, and the page says its language and direction.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use reqwest::StatusCode;
use serde_json::json;

use crate::support::*;

/// The languages people can choose, with their direction.
const LANGUAGES: [(&str, &str); 7] = [
    ("en", "ltr"),
    ("de", "ltr"),
    ("fr", "ltr"),
    ("es", "ltr"),
    ("pt-BR", "ltr"),
    ("nl", "ltr"),
    ("ar", "rtl"),
];

/// A language's catalogue: each message id (and `id.attribute`) with the literal text
/// of its pattern, placeholders left out.
fn catalogue(tag: &str) -> BTreeMap<String, Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(tag);
    let mut messages = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("catalogue folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("catalogue");
        let resource = fluent_syntax::parser::parse(text.as_str()).expect("parses");
        for entry in resource.body {
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name.to_string();
            if let Some(value) = &message.value {
                messages.insert(id.clone(), literals(value));
            }
            for attribute in &message.attributes {
                messages.insert(
                    format!("{id}.{}", attribute.id.name),
                    literals(&attribute.value),
                );
            }
        }
    }
    messages
}

/// The literal pieces of a pattern, variants included.
fn literals(pattern: &ast::Pattern<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push(value.to_string()),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for variant in variants {
                    out.extend(literals(&variant.value));
                }
            }
            ast::PatternElement::Placeable { .. } => out.push("\u{0}".into()),
        }
    }
    // Pieces between placeables are what a page shows literally.
    out.join("")
        .split('\u{0}')
        .map(|piece| piece.trim().to_string())
        .filter(|piece| !piece.is_empty())
        .collect()
}

/// English phrases that must not show in `tag`'s pages: pieces of English messages of
/// at least three words that the language's own catalogue does not contain.
fn english_phrases(tag: &str) -> Vec<(String, String)> {
    let english = catalogue("en");
    let other = catalogue(tag);
    let theirs: String = other
        .values()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    let mut phrases = Vec::new();
    for (id, pieces) in english {
        for piece in pieces {
            let words = piece.split_whitespace().count();
            if words >= 3 && piece.len() >= 12 && !theirs.contains(&piece) {
                phrases.push((id.clone(), piece));
            }
        }
    }
    phrases
}

/// The text a person reads in a page: tags, scripts and styles left out, entities read.
fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let after = &rest[open..];
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|tag| after.starts_with(**tag))
            .map(|tag| format!("</{}", &tag[1..]));
        rest = match skip_to {
            Some(end) => after.find(&end).map_or("", |at| &after[at..]),
            None => after.find('>').map_or("", |at| &after[at + 1..]),
        };
        if let Some(end) = skip_to_end(rest) {
            rest = end;
        }
    }
    text.push_str(rest);
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// After a closing `</script` or `</style`, the rest of the page after its `>`.
fn skip_to_end(rest: &str) -> Option<&str> {
    if rest.starts_with("</script") || rest.starts_with("</style") {
        rest.find('>').map(|at| &rest[at + 1..])
    } else {
        None
    }
}

/// Message ids that are also words of ordinary text ("Back to sign-in").
const ENGLISH_WORDS: [&str; 1] = ["sign-in"];

/// What is wrong with a page in language `tag`: the wrong `lang` or `dir`, English
/// phrases, message ids in place of messages.
fn problems(
    html: &str,
    tag: &str,
    dir: &str,
    phrases: &[(String, String)],
    ids: &BTreeSet<String>,
) -> Vec<String> {
    let mut found = Vec::new();
    if !html.contains(&format!("<html lang=\"{tag}\" dir=\"{dir}\"")) {
        found.push(format!("not marked lang=\"{tag}\" dir=\"{dir}\""));
    }
    let text = visible_text(html);
    for (id, phrase) in phrases {
        if text.contains(phrase.as_str()) {
            found.push(format!("English {phrase:?} ({id})"));
        }
    }
    for id in ids {
        if id.contains('-')
            && !ENGLISH_WORDS.contains(&id.as_str())
            && text.split_whitespace().any(|word| word == id)
        {
            found.push(format!("message id {id} instead of its text"));
        }
    }
    found
}

/// Every dashboard page a person reaches by following the dashboard's own links from
/// its home page (each address once; of addresses that differ only in their query, the
/// tabs), with its HTML.
async fn dashboard_pages(server: &TestServer, client: &reqwest::Client) -> Vec<(String, String)> {
    let mut seen = BTreeSet::new();
    let mut queue = std::collections::VecDeque::from(["/dashboard".to_string()]);
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if seen.len() >= 150 || !seen.insert(path.clone()) {
            continue;
        }
        let (status, _, html) = fetch_page(client, &server.url(&path)).await;
        if status != StatusCode::OK {
            continue;
        }
        for link in html.split("href=\"").skip(1) {
            let link = link.split(['"', '#']).next().unwrap_or_default();
            let link = link.replace("&amp;", "&");
            let query = link.split_once('?').map(|(_, q)| q);
            let followed = query.is_none_or(|q| q.starts_with("tab="));
            if link.starts_with("/dashboard") && !link.contains("/export") && followed {
                queue.push_back(link);
            }
        }
        pages.push((path, html));
    }
    pages
}

#[tokio::test]
async fn every_page_is_written_in_the_language_it_is_shown_in() {
    let (server, api, id) = crate::api::clinic(json!({})).await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &crate::api::booking(id, "2026-03-30T07:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let manage = made["data"]["manageUrl"]
        .as_str()
        .map(|url| url.trim_start_matches(&server.base).to_string())
        .unwrap_or_default();
    let owner = signed_in_owner(&server).await;
    let ids: BTreeSet<String> = catalogue("en").into_keys().collect();
    let mut report = Vec::new();
    for (tag, dir) in LANGUAGES {
        let phrases = if tag == "en" {
            Vec::new()
        } else {
            english_phrases(tag)
        };
        // Dashboard pages follow the person's own language.
        server.set_language(OWNER_EMAIL, Some(tag)).await;
        let pages = dashboard_pages(&server, &owner).await;
        assert!(pages.len() >= 20, "the crawl found the dashboard");
        for (path, html) in pages {
            for problem in problems(&html, tag, dir, &phrases, &ids) {
                report.push(format!("{tag} {path}: {problem}"));
            }
        }
        // Public pages follow the language chosen with the menu.
        let visitor = browser();
        for path in [
            "/owner",
            "/owner/consultation",
            manage.as_str(),
            "/login",
            "/login/forgot",
            "/no-such-page-here",
        ] {
            let separator = if path.contains('?') { '&' } else { '?' };
            let (_, _, html) = fetch_page(
                &visitor,
                &server.url(&format!("{path}{separator}lang={tag}")),
            )
            .await;
            for problem in problems(&html, tag, dir, &phrases, &ids) {
                report.push(format!("{tag} {path}: {problem}"));
            }
        }
    }
    assert!(
        report.is_empty(),
        "{} problems:\n{}",
        report.len(),
        report.join("\n")
    );
}

/// Runs of three or more plain ASCII words in a page's text: in the pseudo-language every
/// letter Kairos writes is accented, so such a run is text the catalogues do not hold
/// (unless it is the person's own data, which `own` lists).
fn untranslated(html: &str, own: &[&str]) -> Vec<String> {
    let mut text = visible_text(html);
    for data in own {
        text = text.replace(data, " ");
    }
    let plain = |word: &str| {
        let letters = word.trim_matches(|c: char| !c.is_alphanumeric());
        letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_alphabetic())
    };
    let mut runs = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for word in text.split_whitespace().chain([""]) {
        if plain(word) {
            run.push(word);
        } else {
            if run.len() >= 3 {
                runs.push(run.join(" "));
            }
            run.clear();
        }
    }
    runs
}

/// A page's address without its query, with ids and booking uids as `{id}`.
fn page_of(path: &str) -> String {
    let path = path.split('?').next().unwrap_or_default();
    path.split('/')
        .map(|part| {
            let id = part.bytes().all(|b| b.is_ascii_digit())
                || (part.len() == 32 && part.bytes().all(|b| b.is_ascii_alphanumeric()));
            if id && !part.is_empty() { "{id}" } else { part }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn the_pseudo_language_shows_no_text_outside_the_catalogues() {
    let (server, api, id) = crate::api::clinic(json!({})).await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &crate::api::booking(id, "2026-03-30T07:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let manage = made["data"]["manageUrl"]
        .as_str()
        .map(|url| url.trim_start_matches(&server.base).to_string())
        .unwrap_or_default();
    // What the test's people typed, and names that are the same in every language.
    let own = [
        "Olivia Owner",
        "Pat Patient",
        "Reason for the visit",
        "1 Harbor Street",
        "Clinic mornings",
        "check-up",
        "Google Calendar",
        "Microsoft 365",
        "Google Meet",
        "Microsoft Teams",
        // The API key header on the settings page, which is code.
        "Authorization: Bearer kairos_…",
        // The SMS gateway's default body template, which is code.
        r#"{"to": {to}, "text": {body}}"#,
    ];
    let owner = signed_in_owner(&server).await;
    server.set_language(OWNER_EMAIL, Some("en-XA")).await;
    let mut report = BTreeSet::new();
    for (path, html) in dashboard_pages(&server, &owner).await {
        let page = page_of(&path);
        for run in untranslated(&html, &own) {
            report.insert(format!("{page}: {run}"));
        }
    }
    let visitor = browser();
    for path in [
        "/owner",
        "/owner/consultation",
        manage.as_str(),
        "/login",
        "/login/forgot",
        "/no-such-page-here",
    ] {
        let separator = if path.contains('?') { '&' } else { '?' };
        let (_, _, html) = fetch_page(
            &visitor,
            &server.url(&format!("{path}{separator}lang=en-XA")),
        )
        .await;
        for run in untranslated(&html, &own) {
            report.insert(format!("{}: {run}", path.split('?').next().unwrap_or("")));
        }
    }
    assert!(
        report.is_empty(),
        "{} runs of text outside the catalogues:\n{}",
        report.len(),
        report.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[tokio::test]
async fn api_errors_speak_the_language_asked_for_and_keep_their_codes() {
    let (server, api, id) = crate::api::clinic(json!({})).await;
    let client = reqwest::Client::new();
    let ask = |path: &str, language: &str| {
        client
            .get(server.url(path))
            .bearer_auth(&api.key)
            .header("Accept-Language", language)
            .send()
    };
    let missing = |language: &'static str| {
        let request = ask("/api/v1/event-types/987654", language);
        async move {
            let response = request.await.expect("answers");
            assert_eq!(response.status(), StatusCode::NOT_FOUND);
            response.json::<serde_json::Value>().await.expect("json")
        }
    };
    let english = missing("en-US").await;
    assert_eq!(english["error"]["code"], "not_found");
    assert_eq!(english["error"]["message"], "no event type has that id");
    let german = missing("de-DE,de;q=0.9").await;
    assert_eq!(german["error"]["code"], "not_found");
    assert_eq!(
        german["error"]["message"],
        "Nichts mit dieser ID gefunden (event type)"
    );
    let arabic = missing("ar").await;
    assert!(
        arabic["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("المعرّف")),
        "{arabic}"
    );
    // Without a key: the answer's words change, its code does not.
    let response = client
        .get(server.url("/api/v1/event-types"))
        .header("Accept-Language", "fr")
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["error"]["code"], "unauthorized");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Envoyez une clé")),
        "{body}"
    );
    // A time that cannot be booked says why in the asked language.
    let response = client
        .post(server.url("/api/v1/bookings"))
        .header("Accept-Language", "es")
        .json(&crate::api::booking(
            id,
            "2020-01-06T08:00:00Z",
            "late@example.org",
        ))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["error"]["code"], "not_bookable");
    assert_eq!(body["error"]["details"][0]["reason"], "in_the_past");
    assert_eq!(body["error"]["message"], "Esa hora ya pasó");
    server.stop().await;
}

#[tokio::test]
async fn the_setup_wizard_speaks_the_browser_s_language() {
    let server = TestServer::fresh().await;
    let url = server.setup_url().expect("a setup link");
    let page = |language: &'static str| {
        let url = url.clone();
        async move {
            browser()
                .get(url)
                .header("Accept-Language", language)
                .send()
                .await
                .expect("answers")
                .text()
                .await
                .expect("page")
        }
    };
    let spanish = page("es-ES,es;q=0.9").await;
    assert!(
        spanish.contains("<html lang=\"es\" dir=\"ltr\""),
        "{spanish}"
    );
    assert!(spanish.contains("Le damos la bienvenida a Kairos"));
    assert!(spanish.contains("Crear la cuenta y continuar"));
    let arabic = page("ar").await;
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\""));
    assert!(arabic.contains("مرحبًا بك في Kairos"));
    let english = page("en-US").await;
    assert!(english.contains("Welcome to Kairos"));
    server.stop().await;
}

#[tokio::test]
async fn visitors_choose_a_language_and_an_event_type_can_fix_one() {
    let (server, api, id) = crate::api::clinic(json!({})).await;
    let page = "/owner/consultation?date=2026-03-30&tz=Europe%2FBerlin";
    // A German browser reads German; `?lang=ar` switches to Arabic, right to left, and
    // the choice is kept in a cookie for the next pages.
    let visitor = browser();
    let german = visitor
        .get(server.url(page))
        .header("Accept-Language", "de-DE")
        .send()
        .await
        .expect("answers")
        .text()
        .await
        .expect("page");
    assert!(german.contains("<html lang=\"de\" dir=\"ltr\""));
    assert!(german.contains("Ihre Zeitzone") || german.contains("Zeitzone"));
    assert!(german.contains("data-language-menu"), "the menu is offered");
    let response = visitor
        .get(server.url(&format!("{page}&lang=ar")))
        .header("Accept-Language", "de-DE")
        .send()
        .await
        .expect("answers");
    assert!(
        set_cookie(&response, "kairos_lang").is_some_and(|c| c.starts_with("kairos_lang=ar;")),
        "the choice is remembered"
    );
    let arabic = response.text().await.expect("page");
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\""));
    let again = visitor
        .get(server.url("/owner"))
        .header("Accept-Language", "de-DE")
        .send()
        .await
        .expect("answers")
        .text()
        .await
        .expect("page");
    assert!(
        again.contains("<html lang=\"ar\""),
        "the cookie wins over the browser"
    );

    // A booking made on a German page by a visitor in the US keeps German with the
    // visitor's region.
    let client = browser();
    let url = server.url(&format!("{page}&slot=2026-03-30T07:00:00Z&lang=de"));
    let form = client
        .get(&url)
        .header("Accept-Language", "en-US")
        .send()
        .await
        .expect("answers")
        .text()
        .await
        .expect("form");
    let csrf = csrf_of(&form);
    let response = client
        .post(server.url("/owner/consultation"))
        .header("Accept-Language", "en-US")
        .form(&[
            ("csrf", csrf.as_str()),
            ("slot", "2026-03-30T07:00:00Z"),
            ("tz", "Europe/Berlin"),
            ("name", "Dana Doe"),
            ("email", "dana@example.org"),
            ("q.reason", "check-up"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, listed) = api.get("/api/v1/bookings").await;
    let dana = listed["data"]
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|b| b["attendee"]["email"] == "dana@example.org")
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(dana["attendee"]["locale"], "de-US", "{dana}");

    // An event type may fix its pages' language: a German browser then reads French and
    // is offered no menu; a language Kairos does not write is refused by name.
    let (status, body) = api
        .send(
            reqwest::Method::PATCH,
            &format!("/api/v1/event-types/{id}"),
            &json!({ "language": "klingon" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "language", "{body}");
    let (status, body) = api
        .send(
            reqwest::Method::PATCH,
            &format!("/api/v1/event-types/{id}"),
            &json!({ "language": "fr" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let french = browser()
        .get(server.url(page))
        .header("Accept-Language", "de-DE")
        .send()
        .await
        .expect("answers")
        .text()
        .await
        .expect("page");
    assert!(
        french.contains("<html lang=\"fr\" dir=\"ltr\""),
        "fixed to French"
    );
    assert!(french.contains("Fuseau horaire"));
    assert!(
        !french.contains("data-language-menu"),
        "no menu on a fixed page"
    );
    server.stop().await;
}

#[tokio::test]
async fn account_emails_are_written_in_the_person_s_language() {
    use crate::email::{SmtpServer, configure_smtp, free_port, wait_for_messages};
    let server = TestServer::with_owner_and_config(crate::webhooks::ALLOW_LOOPBACK).await;
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    configure_smtp(&server, port).await;
    server.set_language(OWNER_EMAIL, Some("de")).await;
    let client = browser();
    let (_, _, forgot) = fetch_page(&client, &server.url("/login/forgot")).await;
    let response = client
        .post(server.url("/login/forgot"))
        .form(&[("csrf", csrf_of(&forgot).as_str()), ("email", OWNER_EMAIL)])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::OK);
    let all = wait_for_messages(&smtp_server.maildir, 1).await;
    let message = &all[0];
    let subject = message["subject"].as_str().unwrap_or_default();
    assert!(subject.starts_with("Neues Passwort für"), "{subject}");
    let text = message["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("Minuten") && text.contains("Ihr Passwort bleibt"),
        "{text}"
    );
    let html = message["html"].as_str().unwrap_or_default();
    assert!(html.contains("lang=\"de\""), "{html}");
    assert!(!text.contains("password"), "no English: {text}");
}

#[tokio::test]
async fn the_services_reasons_are_written_in_the_reader_s_language() {
    let (server, api, id) = crate::api::clinic(json!({})).await;
    server.set_language(OWNER_EMAIL, Some("de")).await;
    let owner = signed_in_owner(&server).await;

    // The event-type form: a URL slug another event type already has.
    let csrf = csrf_from(&owner, &server.url("/dashboard/event-types/new")).await;
    let (status, _, html) = submit_form(
        &owner,
        &server.url("/dashboard/event-types"),
        &csrf,
        &[
            ("title", "Nachsorge"),
            ("slug", "consultation"),
            ("durationsMinutes", "20"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("wird bereits von einer anderen Terminart verwendet"),
        "{html}"
    );
    assert!(!html.contains("already used"), "no English: {html}");

    // The workflow editor: a variable Kairos does not know.
    let csrf = csrf_from(&owner, &server.url("/dashboard/workflows/new")).await;
    let event_type = format!("eventType.{id}");
    let (status, _, html) = submit_form(
        &owner,
        &server.url("/dashboard/workflows"),
        &csrf,
        &[
            ("active", "on"),
            ("name", "Tippfehler"),
            ("trigger", "NEW_EVENT"),
            (&event_type, "on"),
            ("steps[0].action", "EMAIL_ATTENDEE"),
            ("steps[0].subject", "Bis bald, {ATENDEE}"),
            ("steps[0].body", "Hallo"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("verwendet die unbekannte Variable {ATENDEE}"),
        "{html}"
    );
    assert!(!html.contains("unknown variable"), "no English: {html}");

    // The booking API: the message follows Accept-Language, the code stays.
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &crate::api::booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let cancel = |language: &'static str| {
        api.client
            .post(server.url(&format!("/api/v1/bookings/{uid}/cancel")))
            .bearer_auth(&api.key)
            .header("Accept-Language", language)
            .json(&json!({}))
            .send()
    };
    assert_eq!(
        cancel("de").await.expect("answers").status(),
        StatusCode::OK
    );
    let again = cancel("de-DE,de;q=0.9").await.expect("answers");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let body: serde_json::Value = again.json().await.expect("json");
    assert_eq!(body["error"]["code"], "invalid_state");
    assert_eq!(
        body["error"]["message"],
        "diese Buchung ist nicht aktiv; sie wurde abgesagt, abgelehnt oder verlegt"
    );
    let english: serde_json::Value = cancel("en")
        .await
        .expect("answers")
        .json()
        .await
        .expect("json");
    assert_eq!(english["error"]["code"], "invalid_state");
    assert_eq!(
        english["error"]["message"],
        "this booking is not active; it was cancelled, rejected or rescheduled"
    );
    // A field of a booking request: the duration the event type does not offer.
    let mut request = crate::api::booking(id, "2026-03-31T09:00:00Z", "kim@example.org");
    request["duration"] = json!(45);
    let response = api
        .client
        .post(server.url("/api/v1/bookings"))
        .header("Accept-Language", "de")
        .json(&request)
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["error"]["code"], "validation_failed");
    assert_eq!(body["error"]["details"][0]["field"], "duration");
    assert_eq!(
        body["error"]["details"][0]["message"],
        "45 ist keine der Dauern der Terminart (30)"
    );
    server.stop().await;
}
