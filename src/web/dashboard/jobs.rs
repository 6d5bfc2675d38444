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
use crate::present::Locale;
use crate::web::dashboard::{NoticeQuery, admin_only, flash_notice, render};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::csrf_field;
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/admin/jobs";
/// Jobs listed per status.
const LIMIT: u32 = 200;

/// What a job kind does, in words.
fn describe(kind: &str) -> &str {
    match kind {
        crate::integrations::notify::NOTIFY_JOB => "Prepare the emails of a booking change",
        crate::integrations::notify::EMAIL_JOB => "Send a booking email",
        crate::integrations::workflows::WORKFLOW_JOB => "Run a workflow step",
        crate::integrations::webhooks::WEBHOOK_JOB => "Deliver a webhook",
        crate::integrations::calendars::sync::SYNC_JOB => "Sync a connected calendar",
        crate::audit::RETENTION_JOB => "Remove audit entries past their retention",
        other => other,
    }
}

/// What each workflow step does, in words, by step id: "Workflow “Reminder”: text the
/// attendee (their phone answer)", so a workflow job is named by what it sends.
type StepNames = HashMap<i64, String>;

fn step_names<'a>(
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
            let action = step.action.label();
            let mut words = action.chars();
            let action = words
                .next()
                .map(|first| first.to_lowercase().chain(words).collect::<String>())
                .unwrap_or_default();
            names.insert(step.id, format!("Workflow “{}”: {action}", workflow.name));
        }
    }
    Ok(names)
}

/// A job's title: what it does, in words.
fn title(job: &Job, names: &StepNames) -> String {
    job.payload["stepId"]
        .as_i64()
        .filter(|_| job.kind == crate::integrations::workflows::WORKFLOW_JOB)
        .and_then(|step| names.get(&step).cloned())
        .unwrap_or_else(|| describe(&job.kind).to_string())
}

/// How a list shows its jobs: in whose zone and clock, and what it offers.
struct Listing<'a> {
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
        names,
        zone,
        twelve_hour,
        csrf,
        lifetime,
        retry,
    } = *listing;
    let at = |t: chrono::DateTime<chrono::Utc>| {
        let local = t.with_timezone(&zone);
        format!(
            "{} {}",
            Locale::default().short_date(local.date_naive()),
            Locale::english(twelve_hour).time(local)
        )
    };
    html! {
        ul.list.compact {
            @for job in jobs {
                li {
                    div.list-main {
                        span.list-title { (title(job, names)) " " span.muted.small { "job " (job.id) } }
                        div.list-sub {
                            span { "Lane " (job.lane.as_str()) }
                            span { "Runs " (at(job.run_at)) }
                            span {
                                "Attempts " (job.attempts)
                                @if let Some(cap) = job.max_attempts { " of " (cap) }
                            }
                            span { "Updated " (at(job.updated_at)) }
                            @if let Some(lifetime) = lifetime {
                                span { "Retried until " (at(job.due_at + lifetime)) }
                            }
                        }
                        @if let Some(error) = &job.last_error {
                            div.list-sub { span.badge.off { "Why" } span { (error) } }
                        }
                    }
                    @if retry {
                        div.list-actions {
                            form method="post" action=(format!("{CURRENT}/{}/retry", job.id)) {
                                (csrf_field(csrf))
                                button.button.ghost type="submit" { "Retry now" }
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

/// A warning for administrators while background jobs fail or have died, linking to the
/// jobs page; nothing when all is well. Counts and kinds only, never content.
pub async fn trouble_notice(ctx: &Ctx, zone: Tz, twelve_hour: bool) -> Result<Markup, WebError> {
    let now = ctx.state.clock.now();
    let health = ctx
        .state
        .db
        .read(move |conn| jobs::health(conn, now).map_err(DbError::from))
        .await?;
    let Some(trouble) = health.trouble() else {
        return Ok(html! {});
    };
    let since = health.failing_since.map(|since| {
        let local = since.with_timezone(&zone);
        format!(
            "{} {}",
            Locale::default().short_date(local.date_naive()),
            Locale::english(twelve_hour).time(local)
        )
    });
    Ok(html! {
        div.alert.alert-error role="alert" data-jobs-trouble {
            strong { "Background jobs are failing: " } (trouble) "."
            @if let Some(since) = since { " The oldest has been retried since " (since) "." }
            " Check the mail server, the SMS gateway or the webhook receivers named there: "
            a href=(CURRENT) { "Background jobs" } "."
        }
    })
}

/// `GET /dashboard/admin/jobs`.
pub async fn page(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = admin_only(&ctx)?;
    let overview = ctx
        .state
        .db
        .read(|conn| {
            let overview = jobs::overview(conn, LIMIT).map_err(DbError::from)?;
            let all = [
                &overview.failing,
                &overview.dead,
                &overview.running,
                &overview.waiting,
            ];
            let names = step_names(conn, all.into_iter().flatten()).map_err(DbError::from)?;
            Ok::<_, DbError>((overview, names))
        })
        .await?;
    let (overview, names) = overview;
    let csrf = ctx.csrf_token();
    let (zone, twelve_hour) = (user.time_zone, user.twelve_hour);
    let lifetime = chrono::Duration::hours(i64::from(ctx.state.config.job_retry_hours));
    let listing = |retry: bool, lifetime: Option<chrono::Duration>| Listing {
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
            button.button type="submit" { "Retry all dead jobs" }
        }
    };
    let trouble = trouble_notice(&ctx, zone, twelve_hour).await?;
    let body = html! {
        (flash_notice(&query.notice))
        (trouble)
        div.page-head { div {
            p.muted.small { a href="/dashboard/admin" { "← Administration" } }
            h1 { "Background jobs" }
            p.muted {
                "Emails and other work done after a change. A failing job is retried with growing pauses (at most an hour apart) for "
                (ctx.state.config.job_retry_hours) " hours from when it was due, then it is dead until you retry it. "
                "A reminder that could not be sent before its meeting began is dead and says so. Times in " (zone.name()) "."
            }
        } }
        div.editor {
            (section("failing-title", "Failing", "Nothing is failing.", &overview.failing, |jobs| job_list(jobs, &failing)))
            (section("dead-title", "Dead", "No job gave up.", &overview.dead, |jobs| html! {
                (retry_all)
                (job_list(jobs, &dead))
            }))
            (section("running-title", "Running", "Nothing is running.", &overview.running, |jobs| job_list(jobs, &running)))
            (section("waiting-title", "Waiting", "Nothing is waiting.", &overview.waiting, |jobs| job_list(jobs, &waiting)))
        }
    };
    Ok(render(
        &ctx,
        &user,
        "Background jobs",
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
