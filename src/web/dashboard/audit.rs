//! The audit log for administrators: filter, read, and export as CSV or JSON. Looking at
//! and exporting the log are audited too.

use axum::extract::Query;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use maud::html;
use serde::Deserialize;

use crate::audit::{self, Actor, Filter, Outcome, Row};
use crate::db::DbError;
use crate::t;
use crate::web::dashboard::{admin_only, render};
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/admin/audit";
/// Rows the page shows; exports take every matching row up to [`EXPORT_LIMIT`].
const PAGE_LIMIT: usize = 500;
const EXPORT_LIMIT: usize = 1_000_000;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    action: String,
    actor: String,
    actor_id: String,
    /// `YYYY-MM-DD`, UTC, inclusive.
    from: String,
    /// `YYYY-MM-DD`, UTC, inclusive.
    to: String,
    /// `csv` or `json` to download; anything else shows the page.
    format: String,
}

fn day(text: &str) -> Option<DateTime<Utc>> {
    crate::model::time::parse_date(text)
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

impl AuditQuery {
    fn filter(&self) -> Filter {
        Filter {
            action: optional(&self.action),
            actor_kind: optional(&self.actor),
            actor_id: optional(&self.actor_id),
            from: day(&self.from),
            until: day(&self.to).map(|t| t + chrono::Duration::days(1)),
        }
    }

    /// The filter as the audit row's object, e.g. `audit_log?action=sign_in&from=…`.
    fn describe(&self) -> String {
        let parts: Vec<String> = [
            ("action", &self.action),
            ("actor", &self.actor),
            ("actor_id", &self.actor_id),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", v.trim().chars().take(40).collect::<String>()))
        .collect();
        if parts.is_empty() {
            "audit_log".into()
        } else {
            format!("audit_log?{}", parts.join("&"))
        }
    }
}

/// A CSV field: quoted when needed, and never starting with a character a spreadsheet
/// would run as a formula (user agents are typed by anyone).
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn to_csv(rows: &[Row]) -> String {
    let mut out =
        String::from("id,time,actor_kind,actor_id,action,object,outcome,ip,user_agent,hash\n");
    for row in rows {
        let fields = [
            row.id.to_string(),
            row.at.to_rfc3339(),
            row.actor_kind.clone(),
            row.actor_id.clone().unwrap_or_default(),
            row.action.clone(),
            row.object.clone().unwrap_or_default(),
            row.outcome.clone(),
            row.ip.clone().unwrap_or_default(),
            row.user_agent.clone().unwrap_or_default(),
            hex::encode(&row.hash),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

fn to_json(rows: &[Row]) -> serde_json::Value {
    serde_json::Value::Array(
        rows.iter()
            .map(|row| {
                serde_json::json!({
                    "id": row.id,
                    "time": row.at.to_rfc3339(),
                    "actorKind": row.actor_kind,
                    "actorId": row.actor_id,
                    "action": row.action,
                    "object": row.object,
                    "outcome": row.outcome,
                    "ip": row.ip,
                    "userAgent": row.user_agent,
                    "hash": hex::encode(&row.hash),
                })
            })
            .collect(),
    )
}

/// `GET /dashboard/admin/audit`: the page, or `?format=csv|json` to download.
pub async fn page(ctx: Ctx, Query(query): Query<AuditQuery>) -> Result<Response, WebError> {
    let user = admin_only(&ctx)?;
    let export = matches!(query.format.as_str(), "csv" | "json");
    let filter = query.filter();
    let limit = if export { EXPORT_LIMIT } else { PAGE_LIMIT };
    let rows = ctx
        .state
        .db
        .read(move |conn| audit::search(conn, &filter, limit).map_err(DbError::from))
        .await?;
    let action = if export {
        "audit_exported"
    } else {
        "audit_viewed"
    };
    let now = ctx.state.clock.now();
    let (actor, object) = (Actor::User(user.id), Some(query.describe()));
    audit::record_alone(
        &ctx.state.db,
        now,
        actor,
        action,
        object,
        Outcome::Success,
        &ctx.origin(),
    )
    .await?;
    let stamp = now.format("%Y%m%d-%H%M%S");
    match query.format.as_str() {
        "csv" => Ok(download(
            to_csv(&rows),
            "text/csv; charset=utf-8",
            &format!("kairos-audit-{stamp}.csv"),
        )),
        "json" => Ok(download(
            to_json(&rows).to_string(),
            "application/json",
            &format!("kairos-audit-{stamp}.json"),
        )),
        _ => {
            let lang = ctx.lang;
            let actor_kinds = ["user", "api_key", "invitee", "system", "anonymous"];
            let (time, actor, action, object, outcome, address, agent) = (
                t!(lang, "admin-audit-time"),
                t!(lang, "admin-audit-actor"),
                t!(lang, "admin-audit-action"),
                t!(lang, "admin-audit-object"),
                t!(lang, "admin-audit-outcome"),
                t!(lang, "admin-audit-address"),
                t!(lang, "admin-audit-user-agent"),
            );
            let body = html! {
                div.page-head { div { h1 { (t!(lang, "admin-audit-title")) } p.muted { (t!(lang, "admin-audit-intro", limit = PAGE_LIMIT)) } } }
                form.panel method="get" action=(CURRENT) {
                    label { (action) " " input type="text" name="action" value=(query.action) placeholder="sign_in, booking_viewed…"; }
                    label { (actor) " " select name="actor" {
                        option value="" selected[query.actor.is_empty()] { (t!(lang, "admin-audit-anyone")) }
                        @for value in actor_kinds {
                            option value=(value) selected[query.actor == value] { (t!(lang, "admin-audit-actor-kind", kind = value)) }
                        }
                    } }
                    label { (t!(lang, "admin-audit-actor-id")) " " input type="text" name="actor_id" value=(query.actor_id); }
                    label { (t!(lang, "admin-audit-from")) " " input type="date" name="from" value=(query.from); }
                    label { (t!(lang, "admin-audit-to")) " " input type="date" name="to" value=(query.to); }
                    button.button type="submit" { (t!(lang, "admin-audit-filter")) }
                    button.button.ghost type="submit" name="format" value="csv" { (t!(lang, "admin-audit-download-csv")) }
                    button.button.ghost type="submit" name="format" value="json" { (t!(lang, "admin-audit-download-json")) }
                }
                div.table-wrap {
                    table.log.audit {
                        thead { tr { th scope="col" { "#" } th scope="col" { (time) } th scope="col" { (actor) } th scope="col" { (action) } th scope="col" { (object) } th scope="col" { (outcome) } th scope="col" { (address) } th scope="col" { (agent) } } }
                        tbody {
                            @for row in &rows {
                                tr {
                                    td data-label="#" { (row.id) }
                                    td.nowrap data-label=(time) { (row.at.format("%Y-%m-%d %H:%M:%S")) }
                                    td data-label=(actor) { (t!(lang, "admin-audit-actor-kind", kind = row.actor_kind.as_str())) @if let Some(id) = &row.actor_id { " " (id) } }
                                    td data-label=(action) { (row.action) }
                                    td.url-text data-label=(object) { (row.object.as_deref().unwrap_or("")) }
                                    td data-label=(outcome) { (t!(lang, "admin-audit-outcome-value", outcome = row.outcome.as_str())) }
                                    td data-label=(address) { (row.ip.as_deref().unwrap_or("")) }
                                    td.small.url-text data-label=(agent) { (row.user_agent.as_deref().unwrap_or("")) }
                                }
                            }
                        }
                    }
                }
            };
            Ok(render(
                &ctx,
                &user,
                &t!(lang, "admin-audit-title"),
                "/dashboard/admin",
                body,
            ))
        }
    }
}

fn download(body: String, content_type: &'static str, filename: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("-1,2"), "\"'-1,2\"");
    }

    #[test]
    fn dates_filter_whole_days() {
        let query = AuditQuery {
            from: "2026-03-27".into(),
            to: "2026-03-27".into(),
            ..AuditQuery::default()
        };
        let filter = query.filter();
        assert_eq!(
            filter.from.map(|t| t.to_rfc3339()).as_deref(),
            Some("2026-03-27T00:00:00+00:00")
        );
        assert_eq!(
            filter.until.map(|t| t.to_rfc3339()).as_deref(),
            Some("2026-03-28T00:00:00+00:00")
        );
        assert_eq!(query.describe(), "audit_log?from=2026-03-27&to=2026-03-27");
    }
}
