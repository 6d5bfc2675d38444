//! Account lifecycle: invitations by one-time links (copied, or emailed through a real
//! SMTP server), disabling an account, and `kairos admin grant-admin`.

use chrono::Duration;
use reqwest::StatusCode;

use crate::cli::kairos;
use crate::email::{SmtpServer, configure_smtp, free_port, wait_for_messages};
use crate::support::*;

/// Invites `email` as `role` from the admin page; returns the page answering it.
async fn invite(
    server: &TestServer,
    admin: &reqwest::Client,
    email: &str,
    role: &str,
) -> (StatusCode, String) {
    let (_, _, page) = fetch_page(admin, &server.url("/dashboard/admin")).await;
    let (status, to, page) = submit_form(
        admin,
        &server.url("/dashboard/admin/invitations"),
        &csrf_of(&page),
        &[("invite_email", email), ("invite_role", role)],
    )
    .await;
    if status != StatusCode::SEE_OTHER {
        return (status, page);
    }
    // Created: the admin page shows the result once, after a redirect.
    assert!(to.starts_with("/dashboard/admin?shown="), "{to}");
    let (status, _, page) = fetch_page(admin, &server.url(&to)).await;
    (status, page)
}

/// The invitation link's path from the page that created it.
fn invitation_path(page: &str) -> String {
    let start = page.find("/invite/").expect("the page shows the link");
    page[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Accepts an invitation in a new browser; returns the browser and the answer.
async fn accept(
    server: &TestServer,
    path: &str,
    name: &str,
) -> (reqwest::Client, StatusCode, String) {
    let client = browser();
    let (status, _, page) = fetch_page(&client, &server.url(path)).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let (status, to, _) = submit_form(
        &client,
        &server.url(path),
        &csrf_of(&page),
        &[
            ("name", name),
            ("password", "tidal-meadow-copper-5"),
            ("password_confirm", "tidal-meadow-copper-5"),
        ],
    )
    .await;
    (client, status, to)
}

async fn user_role(server: &TestServer, email: &str) -> Option<String> {
    let db = server.running.as_ref().expect("running").state.db.clone();
    let email = email.to_string();
    db.read(move |conn| -> Result<_, kairos::db::DbError> {
        Ok(kairos::db::users::by_email(conn, &email)?.map(|u| u.role.as_str().to_string()))
    })
    .await
    .expect("user")
}

#[tokio::test]
async fn an_invitation_link_works_once_and_expires() {
    let server = TestServer::with_owner().await;
    let admin = signed_in_owner(&server).await;

    let (status, page) = invite(&server, &admin, "not-an-email", "member").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Email "), "the error names the field");
    let (status, page) = invite(&server, &admin, OWNER_EMAIL, "member").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("already belongs to an account"));

    let (status, page) = invite(&server, &admin, "nurse@clinic.example", "admin").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Send them this one-time link"),
        "no mail server: the admin copies it"
    );
    let path = invitation_path(&page);
    let (_, _, admin_page) = fetch_page(&admin, &server.url("/dashboard/admin")).await;
    assert!(
        admin_page.contains("nurse@clinic.example"),
        "listed as pending"
    );

    // A password that is too short is named, and nothing is used up.
    let client = browser();
    let (_, _, form) = fetch_page(&client, &server.url(&path)).await;
    assert!(form.contains("nurse@clinic.example"));
    let (status, _, page) = submit_form(
        &client,
        &server.url(&path),
        &csrf_of(&form),
        &[
            ("name", "Nora Nurse"),
            ("password", "short"),
            ("password_confirm", "short"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Password "), "{page}");

    let (nurse, status, to) = accept(&server, &path, "Nora Nurse").await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/dashboard"));
    let (status, _, home) = fetch_page(&nurse, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Welcome, Nora"));
    assert_eq!(
        user_role(&server, "nurse@clinic.example").await.as_deref(),
        Some("admin")
    );

    let (status, _, _) = fetch_page(&browser(), &server.url(&path)).await;
    assert_eq!(status, StatusCode::GONE, "the link works once");
    let (_, _, admin_page) = fetch_page(&admin, &server.url("/dashboard/admin")).await;
    assert!(admin_page.contains("No pending invitations."));

    // Seven days and a minute later a link no longer works.
    let (_, page) = invite(&server, &admin, "late@clinic.example", "member").await;
    let late = invitation_path(&page);
    server
        .clock
        .advance(Duration::days(7) + Duration::minutes(1));
    let (status, _, _) = fetch_page(&browser(), &server.url(&late)).await;
    assert_eq!(status, StatusCode::GONE, "expired");
    assert_eq!(user_role(&server, "late@clinic.example").await, None);
}

#[tokio::test]
async fn a_revoked_invitation_stops_working() {
    let server = TestServer::with_owner().await;
    let admin = signed_in_owner(&server).await;
    let (_, page) = invite(&server, &admin, "temp@clinic.example", "member").await;
    let path = invitation_path(&page);
    let id: i64 = {
        let marker = "/dashboard/admin/invitations/";
        let start = page.find(marker).expect("a revoke form") + marker.len();
        page[start..]
            .split('/')
            .next()
            .unwrap_or_default()
            .parse()
            .expect("an id")
    };
    let (status, to, _) = submit_form(
        &admin,
        &server.url(&format!("/dashboard/admin/invitations/{id}/revoke")),
        &csrf_of(&page),
        &[],
    )
    .await;
    assert_eq!(
        (status, to.as_str()),
        (
            StatusCode::SEE_OTHER,
            "/dashboard/admin?notice=invitation-revoked"
        )
    );
    let (status, _, _) = fetch_page(&browser(), &server.url(&path)).await;
    assert_eq!(status, StatusCode::GONE);
}

#[tokio::test]
async fn an_invitation_is_emailed_when_a_mail_server_is_set_up_and_mfa_follows_when_required() {
    let server = TestServer::with_owner_and_config(crate::webhooks::ALLOW_LOOPBACK).await;
    let port = free_port();
    let dir = tempfile::tempdir().expect("maildir");
    let maildir = dir.path().join("mail");
    let smtp = SmtpServer::start(port, &maildir);
    configure_smtp(&server, port).await;
    let admin = signed_in_owner(&server).await;
    let (_, page) = invite(&server, &admin, "reception@clinic.example", "member").await;
    assert!(
        page.contains("Invitation emailed to reception@clinic.example"),
        "not emailed"
    );
    assert!(
        !page.contains("/invite/"),
        "the link is not shown when it was sent"
    );

    let messages = wait_for_messages(&maildir, 1).await;
    assert_eq!(messages[0]["to"][1], "reception@clinic.example");
    let text = messages[0]["text"].as_str().unwrap_or_default().to_string();
    let start = text.find("/invite/").expect("the email carries the link");
    let path: String = text[start..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    smtp.stop();

    // Everyone must use two-step verification: the new account goes to enrollment.
    let db = server.running.as_ref().expect("running").state.clone();
    let mut settings = db.settings();
    settings.require_mfa = kairos::auth::mfa::RequireMfa::Everyone;
    db.set_settings(settings);

    let (person, status, to) = accept(&server, &path, "Rita Reception").await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/dashboard"));
    let (status, to, _) = fetch_page(&person, &server.url("/dashboard")).await;
    assert_eq!(
        (status, to.as_str()),
        (StatusCode::SEE_OTHER, "/dashboard/settings/mfa")
    );
    assert_eq!(
        user_role(&server, "reception@clinic.example")
            .await
            .as_deref(),
        Some("member")
    );
}

#[tokio::test]
async fn disabling_a_user_ends_their_sessions_and_revokes_their_api_keys() {
    let server = TestServer::with_owner().await;
    let admin = signed_in_owner(&server).await;
    let (_, page) = invite(&server, &admin, "leaver@clinic.example", "member").await;
    let (leaver, _, _) = accept(&server, &invitation_path(&page), "Lee Leaver").await;
    let key = server.api_key_for("leaver@clinic.example").await;
    let api = server.api().await.with_key(&key);
    let (status, _) = api.get("/api/v1/bookings").await;
    assert_eq!(status, StatusCode::OK, "the key works before");

    let id = {
        let db = server.running.as_ref().expect("running").state.db.clone();
        db.read(|conn| -> Result<i64, kairos::db::DbError> {
            Ok(kairos::db::users::by_email(conn, "leaver@clinic.example")?.map_or(0, |u| u.id))
        })
        .await
        .expect("user")
    };
    let (_, _, page) = fetch_page(&admin, &server.url("/dashboard/admin")).await;
    let (status, _, _) = submit_form(
        &admin,
        &server.url(&format!("/dashboard/admin/users/{id}/disable")),
        &csrf_of(&page),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, to, _) = fetch_page(&leaver, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.starts_with("/login"), "signed out at once: {to}");
    let (status, _) = api.get("/api/v1/bookings").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the key is revoked");
    let db = server.running.as_ref().expect("running").state.db.clone();
    let (sessions, live_keys): (i64, i64) = db
        .read(move |conn| -> Result<_, kairos::db::DbError> {
            Ok((
                conn.query_row(
                    "SELECT count(*) FROM sessions WHERE user_id = ?1",
                    [id],
                    |r| r.get(0),
                )?,
                conn.query_row(
                    "SELECT count(*) FROM api_keys WHERE user_id = ?1 AND revoked_at IS NULL",
                    [id],
                    |r| r.get(0),
                )?,
            ))
        })
        .await
        .expect("counts");
    assert_eq!((sessions, live_keys), (0, 0));
}

#[tokio::test]
async fn break_glass_commands_are_audited_as_the_host_shell() {
    let mut server = TestServer::with_owner().await;
    let admin = signed_in_owner(&server).await;
    let (_, page) = invite(&server, &admin, "helper@clinic.example", "member").await;
    accept(&server, &invitation_path(&page), "Hal Helper").await;
    if let Some(running) = server.running.take() {
        running.shutdown().await.expect("clean shutdown");
    }
    let data = server.data_dir();
    let outputs = tokio::task::spawn_blocking(move || {
        [
            "helper@clinic.example",
            "helper@clinic.example",
            "nobody@clinic.example",
        ]
        .map(|email| {
            kairos(&data)
                .args(["admin", "grant-admin", email])
                .output()
                .expect("runs")
        })
    })
    .await
    .expect("joins");
    let first = String::from_utf8_lossy(&outputs[0].stdout).into_owned();
    assert!(
        outputs[0].status.success() && first.contains("is now an administrator"),
        "{first}"
    );
    let second = String::from_utf8_lossy(&outputs[1].stdout).into_owned();
    assert!(
        outputs[1].status.success() && second.contains("already an administrator"),
        "{second}"
    );
    assert!(!outputs[2].status.success());
    let data = server.data_dir();
    let reset = tokio::task::spawn_blocking(move || {
        kairos(&data)
            .args(["admin", "reset-password", "helper@clinic.example"])
            .output()
            .expect("runs")
    })
    .await
    .expect("joins");
    assert!(reset.status.success());

    let server = TestServer::start_in(server.dir, server.clock.clone()).await;
    assert_eq!(
        user_role(&server, "helper@clinic.example").await.as_deref(),
        Some("admin")
    );
    let db = server.running.as_ref().expect("running").state.db.clone();
    for action in ["admin_granted", "password_link_issued"] {
        let rows = db
            .read(move |conn| Ok::<_, kairos::db::DbError>(kairos::audit::find(conn, action)?))
            .await
            .expect("rows");
        assert_eq!(rows.len(), 1, "{action} once");
        assert_eq!(
            (rows[0].actor_kind.as_str(), rows[0].actor_id.as_deref()),
            ("system", Some("cli")),
            "{action}"
        );
    }
}

#[tokio::test]
async fn an_account_made_by_an_administrator_or_team_admin_is_emailed_its_password_link() {
    let server = TestServer::with_owner_and_config(crate::webhooks::ALLOW_LOOPBACK).await;
    let port = free_port();
    let dir = tempfile::tempdir().expect("maildir");
    let smtp = SmtpServer::start(port, &dir.path().join("mail"));
    configure_smtp(&server, port).await;
    let admin = signed_in_owner(&server).await;
    let (_, _, page) = fetch_page(&admin, &server.url("/dashboard/admin")).await;
    let (status, to, _) = submit_form(
        &admin,
        &server.url("/dashboard/admin/users"),
        &csrf_of(&page),
        &[
            ("name", "Max Member"),
            ("email", "max@clinic.example"),
            ("role", "member"),
        ],
    )
    .await;
    // Redirected after the POST; the page shows the outcome once.
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, page) = fetch_page(&admin, &server.url(&to)).await;
    assert!(
        page.contains("We emailed max@clinic.example a one-time link"),
        "{page}"
    );
    assert!(
        !page.contains("/reset/"),
        "the link is not shown when it was emailed"
    );

    let (_, _, teams) = fetch_page(&admin, &server.url("/dashboard/teams")).await;
    let (status, team, _) = submit_form(
        &admin,
        &server.url("/dashboard/teams"),
        &csrf_of(&teams),
        &[("name", "Physio"), ("slug", "physio")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{team}");
    let team = team.split('?').next().unwrap_or_default().to_string();
    let (_, _, page) = fetch_page(&admin, &server.url(&team)).await;
    let (status, to, _) = submit_form(
        &admin,
        &server.url(&format!("{team}/members/new")),
        &csrf_of(&page),
        &[
            ("name", "Sam Staff"),
            ("email", "sam@clinic.example"),
            ("role", "member"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, page) = fetch_page(&admin, &server.url(&to)).await;
    assert!(page.contains("Sam Staff has an account and is in the team."));
    assert!(page.contains("We emailed sam@clinic.example"), "{page}");

    let messages = wait_for_messages(&smtp.maildir, 2).await;
    let to_sam = messages
        .iter()
        .find(|m| m["to"][1] == "sam@clinic.example")
        .expect("Sam's email");
    let text = to_sam["text"].as_str().unwrap_or_default();
    let link = text
        .split_whitespace()
        .find(|word| word.starts_with(&format!("{}/reset/", server.base)))
        .unwrap_or_else(|| panic!("a link in {text}"));
    let sam = browser();
    let (status, _, form) = fetch_page(&sam, link).await;
    assert_eq!(status, StatusCode::OK);
    let (status, to, _) = submit_form(
        &sam,
        link,
        &csrf_of(&form),
        &[
            ("password", "sams-own-orbit-canvas-5"),
            ("password_confirm", "sams-own-orbit-canvas-5"),
        ],
    )
    .await;
    assert_eq!(
        (status, to.as_str()),
        (StatusCode::SEE_OTHER, "/login?notice=password-changed")
    );
    let signed_in = sign_in(
        &server,
        &browser(),
        "sam@clinic.example",
        "sams-own-orbit-canvas-5",
    )
    .await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    server.stop().await;
    smtp.stop();
}
