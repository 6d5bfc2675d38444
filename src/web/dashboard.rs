//! The signed-in home page.

use axum::extract::Query;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use crate::instance::weekday_name;
use crate::web::account::notice_text;
use crate::web::layout::{Shell, app_page, capitalize, notice};
use crate::web::{Ctx, WebError};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HomeQuery {
    notice: String,
}

pub async fn home(ctx: Ctx, Query(query): Query<HomeQuery>) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let state = &ctx.state;
    if !state.setup.is_completed() {
        return Ok(Redirect::to("/setup/instance").into_response());
    }
    let settings = state.settings();
    let zone = settings.default_time_zone;
    let now = state.clock.now().with_timezone(&zone);
    let first_name = user.name.split_whitespace().next().unwrap_or(&user.name);
    let csrf = ctx.csrf_token();
    let policy = state.session_policy;
    let updates = crate::web::updates::status_row(&ctx).await?;
    let body = html! {
        @if let Some(text) = notice_text(&query.notice) { (notice("success", text)) }
        div.page-head {
            h1 { "Welcome, " (first_name) }
            p.muted { (now.format("%A, %-d %B %Y · %H:%M")) " " (zone.name()) }
        }
        div.grid {
            section.panel aria-labelledby="instance-title" {
                h2 #instance-title { "Instance" }
                dl.facts {
                    dt { "Organization" } dd { (settings.organization_name) }
                    dt { "Public address" } dd { a href=(state.base_url()) { (state.base_url()) } }
                    dt { "Default time zone" } dd { (zone.name()) }
                    dt { "Week starts on" } dd { (capitalize(weekday_name(settings.first_day_of_week))) }
                    dt { "Version" } dd { "Kairos " (env!("CARGO_PKG_VERSION")) }
                    (updates)
                }
            }
            section.panel aria-labelledby="account-title" {
                h2 #account-title { "Your account" }
                dl.facts {
                    dt { "Name" } dd { (user.name) }
                    dt { "Email" } dd { (user.email) }
                    dt { "Role" } dd { (capitalize(user.role.as_str())) }
                    dt { "Member since" } dd { (user.created_at.with_timezone(&zone).format("%-d %B %Y")) }
                }
                p.muted.small {
                    "For your security you are signed out after "
                    (policy.idle.num_minutes()) " minutes without activity, and "
                    (policy.lifetime.num_hours()) " hours after signing in."
                }
            }
        }
    };
    let shell = Shell {
        title: "Home",
        org: &settings.organization_name,
        user,
        csrf: &csrf,
        current: "/dashboard",
    };
    Ok(app_page(&shell, body).into_response())
}
