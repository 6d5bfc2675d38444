//! The job queue for administrators: what waits, what fails and why, what gave up — and
//! a button to run a failing or dead job again. Payloads are never shown: they point at
//! bookings, whose details are patient data.

use std::collections::{BTreeSet, HashMap};

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use chrono_tz::Tz;
use maud::{Markup, html};

use crate::audit::Actor;
use crate::db::DbError;
use crate::jobs::{self, Job};
use crate::present::{Language, Locale};
use crate::t;
use crate::web::dashboard::{NoticeQuery, admin_only, flash_notice, render};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::csrf_field;
use crate::web::layout::{mark, marked};
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/admin/jobs";
/// Jobs listed per status.
const LIMIT: u32 = 200;

/// What a job kind does, in words; other kinds by their code.
fn describe(lang: Language, kind: &str) -> String {
    match kind {
        crate::integrations::notify::NOTIFY_JOB => t!(lang, "admin-job-notify"),
        crate::integrations::notify::EMAIL_JOB => t!(lang, "admin-job-email"),
        crate::integrations::workflows::WORKFLOW_JOB => t!(lang, "admin-job-workflow"),
        crate::integrations::webhooks::WEBHOOK_JOB => t!(lang, "admin-job-webhook"),
        crate::integrations::calendars::sync::SYNC_JOB => t!(lang, "admin-job-sync"),
        crate::audit::RETENTION_JOB => t!(lang, "admin-job-retention"),
        other => other.to_string(),
    }
}

/// What each workflow step does, in words, by step id: "Workflow “Reminder”: text the
/// attendee (their phone answer)", so a workflow job is named by what it sends.
type StepNames = HashMap<i64, String>;

fn step_names<'a>(
    lang: Language,
    conn: &rusqlite::Connection,
    jobs: impl Iterator<Item = &'a Job>,
) -> rusqlite::Result<StepNames> {
    let workflow_ids: BTreeSet<i64> = jobs
        .filter(|job| job.kind == crate::integrations::workflows::WORKFLOW_JOB)
        .filter_map(|job| job.payload["workflowId"].as_i64())
        .collect();
    let mut names = StepNames::new();
    for id in workflow_ids {
        let Some(workflow) = crate::db::workflows::get(conn, id)? else {
            continue;
        };
        for step in &workflow.steps {
            let name = t!(
                lang,
                "admin-job-workflow-step",
                workflow = workflow.name.as_str(),
                action = step.action.as_str()
            );
            names.insert(step.id, name);
        }
    }
    Ok(names)
}

/// A job's title: what it does, in words.
fn title(lang: Language, job: &Job, names: &StepNames) -> String {
    job.payload["stepId"]
        .as_i64()
        .filter(|_| job.kind == crate::integrations::workflows::WORKFLOW_JOB)
        .and_then(|step| names.get(&step).cloned())
        .unwrap_or_else(|| describe(lang, &job.kind))
}

/// How a list shows its jobs: in whose zone and clock, and what it offers.
struct Listing<'a> {
    lang: Language,
    names: &'a StepNames,
    zone: Tz,
    twelve_hour: bool,
    csrf: &'a str,
    /// Failing lists say until when a job is retried.
    lifetime: Option<chrono::Duration>,
    retry: bool,
}

fn job_list(jobs: &[Job], listing: &Listing<'_>) -> Markup {
    let Listing {
        lang,
        names,
        zone,
        twelve_hour,
        csrf,
        lifetime,
        retry,
    } = *listing;
    let at = |t: chrono::DateTime<chrono::Utc>| date_time(lang, zone, twelve_hour, t);
    html! {
        ul.list.compact {
            @for job in jobs {
                li {
                    div.list-main {
                        span.list-title { (title(lang, job, names)) " " span.muted.small { (t!(lang, "admin-job-number", id = job.id.to_string())) } }
                        div.list-sub {
                            span { (t!(lang, "admin-job-lane", lane = job.lane.as_str())) }
                            span { (t!(lang, "admin-job-runs", time = at(job.run_at))) }
                            span {
                                @if let Some(cap) = job.max_attempts {
                                    (t!(lang, "admin-job-attempts-of", attempts = job.attempts, cap = cap))
                                } @else {
                                    (t!(lang, "admin-job-attempts", attempts = job.attempts))
                                }
                            }
                            span { (t!(lang, "admin-job-updated", time = at(job.updated_at))) }
                            @if let Some(lifetime) = lifetime {
                                span { (t!(lang, "admin-job-retried-until", time = at(job.due_at + lifetime))) }
                            }
                        }
                        @if let Some(error) = &job.last_error {
                            div.list-sub { span.badge.off { (t!(lang, "admin-job-why")) } span { (error) } }
                        }
                    }
                    @if retry {
                        div.list-actions {
                            form method="post" action=(format!("{CURRENT}/{}/retry", job.id)) {
                                (csrf_field(csrf))
                                button.button.ghost type="submit" { (t!(lang, "admin-job-retry")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn section(
    id: &str,
    title: &str,
    empty: &str,
    jobs: &[Job],
    list: impl FnOnce(&[Job]) -> Markup,
) -> Markup {
    html! {
        section.panel aria-labelledby=(id) {
            h2 id=(id) { (title) " " span.badge { (jobs.len()) @if jobs.len() as u32 >= LIMIT { "+" } } }
            @if jobs.is_empty() { p.muted { (empty) } } @else { (list(jobs)) }
        }
    }
}

/// A date and time in `zone`, as job lists and warnings write them.
fn date_time(
    lang: Language,
    zone: Tz,
    twelve_hour: bool,
    t: chrono::DateTime<chrono::Utc>,
) -> String {
    let local = t.with_timezone(&zone);
    let locale = Locale::english(twelve_hour).in_language(lang);
    format!(
        "{} {}",
        Locale::default()
            .in_language(lang)
            .short_date(local.date_naive()),
        locale.time(local)
    )
}

/// A warning for administrators while background jobs fail or have died, linking to the
/// jobs page; nothing when all is well. Counts and kinds only, never content.
pub async fn trouble_notice(ctx: &Ctx, zone: Tz, twelve_hour: bool) -> Result<Markup, WebError> {
    let now = ctx.state.clock.now();
    let health = ctx
        .state
        .db
        .read(move |conn| jobs::health(conn, now).map_err(DbError::from))
        .await?;
    if !health.in_trouble() {
        return Ok(html! {});
    }
    let lang = ctx.lang;
    // `2 failing (email 2), 1 dead (webhook 1)`: kinds by their codes.
    let part = |count: fn(&jobs::queue::KindCounts) -> u64, failing: bool| {
        let total: u64 = health.kinds.iter().map(count).sum();
        (total > 0).then(|| {
            let kinds: Vec<String> = health
                .kinds
                .iter()
                .filter(|kind| count(kind) > 0)
                .map(|kind| format!("{} {}", kind.kind, count(kind)))
                .collect();
            let kinds = kinds.join(", ");
            if failing {
                t!(
                    lang,
                    "admin-jobs-trouble-failing",
                    count = total,
                    kinds = kinds
                )
            } else {
                t!(
                    lang,
                    "admin-jobs-trouble-dead",
                    count = total,
                    kinds = kinds
                )
            }
        })
    };
    let trouble: Vec<String> = [part(|k| k.failing, true), part(|k| k.dead, false)]
        .into_iter()
        .flatten()
        .collect();
    let since = health
        .failing_since
        .map(|since| date_time(lang, zone, twelve_hour, since));
    let link = html! { a href=(CURRENT) { (t!(lang, "admin-jobs-title")) } };
    Ok(html! {
        div.alert.alert-error role="alert" data-jobs-trouble {
            strong { (t!(lang, "admin-jobs-trouble")) " " } (trouble.join(", ")) "."
            @if let Some(since) = since { " " (t!(lang, "admin-jobs-trouble-since", time = since)) }
            " " (marked(&t!(lang, "admin-jobs-trouble-check", link = mark(0)), &[link]))
        }
    })
}

/// `GET /dashboard/admin/jobs`.
pub async fn page(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = admin_only(&ctx)?;
    let lang = ctx.lang;
    let overview = ctx
        .state
        .db
        .read(move |conn| {
            let overview = jobs::overview(conn, LIMIT).map_err(DbError::from)?;
            let all = [
                &overview.failing,
                &overview.dead,
                &overview.running,
                &overview.waiting,
            ];
            let names = step_names(lang, conn, all.into_iter().flatten()).map_err(DbError::from)?;
            Ok::<_, DbError>((overview, names))
        })
        .await?;
    let (overview, names) = overview;
    let csrf = ctx.csrf_token();
    let (zone, twelve_hour) = (user.time_zone, user.twelve_hour);
    let lifetime = chrono::Duration::hours(i64::from(ctx.state.config.job_retry_hours));
    let listing = |retry: bool, lifetime: Option<chrono::Duration>| Listing {
        lang,
        names: &names,
        zone,
        twelve_hour,
        csrf: &csrf,
        lifetime,
        retry,
    };
    let (failing, dead) = (listing(true, Some(lifetime)), listing(true, None));
    let (running, waiting) = (listing(false, None), listing(false, None));
    let retry_all = html! {
        form method="post" action=(format!("{CURRENT}/retry-dead")) {
            (csrf_field(&csrf))
            button.button type="submit" { (t!(lang, "admin-jobs-retry-dead")) }
        }
    };
    let trouble = trouble_notice(&ctx, zone, twelve_hour).await?;
    let body = html! {
        (flash_notice(&query.notice))
        (trouble)
        div.page-head { div {
            p.muted.small { a href="/dashboard/admin" { span.flip-rtl { "←" } " " (t!(lang, "admin-title")) } }
            h1 { (t!(lang, "admin-jobs-title")) }
            p.muted {
                (t!(lang, "admin-jobs-intro", hours = ctx.state.config.job_retry_hours)) " "
                (t!(lang, "admin-jobs-intro-reminders")) " "
                (t!(lang, "admin-jobs-times-in", zone = zone.name()))
            }
        } }
        div.editor {
            (section("failing-title", &t!(lang, "admin-jobs-failing"), &t!(lang, "admin-jobs-none-failing"), &overview.failing, |jobs| job_list(jobs, &failing)))
            (section("dead-title", &t!(lang, "admin-jobs-dead"), &t!(lang, "admin-jobs-none-dead"), &overview.dead, |jobs| html! {
                (retry_all)
                (job_list(jobs, &dead))
            }))
            (section("running-title", &t!(lang, "admin-jobs-running"), &t!(lang, "admin-jobs-none-running"), &overview.running, |jobs| job_list(jobs, &running)))
            (section("waiting-title", &t!(lang, "admin-jobs-waiting"), &t!(lang, "admin-jobs-none-waiting"), &overview.waiting, |jobs| job_list(jobs, &waiting)))
        }
    };
    Ok(render(
        &ctx,
        &user,
        &t!(lang, "admin-jobs-title"),
        "/dashboard/admin",
        body,
    ))
}

/// `POST /dashboard/admin/jobs/{id}/retry`.
pub async fn retry(
    Path(id): Path<i64>,
    AdminForm { ctx, user, .. }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let (actor, now, origin) = (Actor::User(user.id), ctx.state.clock.now(), ctx.origin());
    let retried = ctx
        .state
        .db
        .write(move |tx| jobs::retry(tx, id, actor, &origin, now).map_err(DbError::from))
        .await?;
    // A job the worker took up again meanwhile, or that finished, is left as it is.
    let notice = if retried {
        "job-retried"
    } else {
        "job-not-retried"
    };
    Ok(Redirect::to(&format!("{CURRENT}?notice={notice}")).into_response())
}

/// `POST /dashboard/admin/jobs/retry-dead`: every dead job runs again, each audited.
pub async fn retry_dead(
    AdminForm { ctx, user, .. }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let (actor, now, origin) = (Actor::User(user.id), ctx.state.clock.now(), ctx.origin());
    let retried = ctx
        .state
        .db
        .write(move |tx| jobs::retry_dead(tx, actor, &origin, now).map_err(DbError::from))
        .await?;
    let notice = if retried.is_empty() {
        "no-dead-jobs"
    } else {
        "jobs-retried"
    };
    Ok(Redirect::to(&format!("{CURRENT}?notice={notice}")).into_response())
}
