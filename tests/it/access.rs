//! Access control: every dashboard and API route against every role.
//!
//! The matrix below has one row per route (and per kind of object where the answer
//! depends on it). Each cell runs one request as one role against a fresh world of real
//! objects that belong to someone else: a host who is a plain member of team A, their
//! personal event type, schedule, out-of-office time, API key, webhook, workflow,
//! connected calendar account and booking, a booking of a team A event type they host,
//! team A's workflow, a pending invitation and a dead job. The roles are
//!
//! - anonymous: no session, no API key;
//! - member: a plain member of team A (sees team A's bookings, changes none);
//! - outsider: a member of team B only (sees nothing of team A);
//! - team admin: an admin of team A (manages team A, its event types and bookings);
//! - admin and owner: instance administrators (everything).
//!
//! A cell expects `A` (allowed: anything but 401, 403, 404, a redirect to sign in, or a
//! server error), `N` (404, exactly like a missing object), `F` (403) or `L` (sign in
//! first: 401 from the API or a script's JSON call, a redirect to `/login` from a page).
//! No answer to a role that may not see a booking contains its invitee's name, email or
//! answers, and none to a role that may not see the host's webhook contains its URL.
//!
//! [`every_route_has_a_row`] reads the routes from `src/web/**/*.rs` (`.route("…", …)`
//! and `#[utoipa::path(method, path = "…")]`) and fails naming each route without a row.
//!
//! A new route is one line in [`matrix`]. A route about a new kind of object (a webhook,
//! a workflow) also needs that object in [`world`]: create it there, owned by the host,
//! and add its id to the world's values under the name the row uses.

use std::collections::BTreeSet;
use std::path::Path;

use kairos::audit::{Actor, Origin};
use kairos::clock::Clock as _;
use kairos::db::teams::{self, TeamRole};
use kairos::db::users::{self, Role as UserRole};
use kairos::scheduling::manage;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::*;

const GET: Method = Method::GET;
const POST: Method = Method::POST;
const PUT: Method = Method::PUT;
const PATCH: Method = Method::PATCH;
const DELETE: Method = Method::DELETE;

/// The matrix. Columns: anonymous, member, outsider, team admin, admin, owner. The third
/// column names the objects that fill the route's `{…}` parameters, in order; bodies and
/// query strings may use the same names in braces (see [`World::fill`]).
fn matrix() -> Vec<Row> {
    vec![
        // Public pages, sign-in and setup.
        row(GET, "/", "", "A A A A A A"),
        row(GET, "/healthz", "", "A A A A A A"),
        row(GET, "/readyz", "", "A A A A A A"),
        row(GET, "/metrics", "", "N N N N N N"),
        row(GET, "/assets/{file}", "asset", "A A A A A A"),
        row(GET, "/setup", "", "N N N N N N"),
        row(POST, "/setup/admin", "", "N N N N N N").form("name=Eve&email=eve-{n}@example.test&password=plum-orbit-canvas-43"),
        row(GET, "/setup/instance", "", "N N N N N N"),
        row(POST, "/setup/instance", "", "N N N N N N").form("organization_name=Taken"),
        row(GET, "/login", "", "A A A A A A"),
        row(POST, "/login", "", "A A A A A A").form("email=nobody@example.test&password=wrong-password-1"),
        row(POST, "/logout", "", "A A A A A A"),
        row(GET, "/login/forgot", "", "A A A A A A"),
        row(POST, "/login/forgot", "", "A A A A A A").form("email=nobody@example.test"),
        row(GET, "/reset/{token}", "token", "A A A A A A"),
        row(POST, "/reset/{token}", "token", "A A A A A A").form("password=plum-orbit-canvas-44&password_confirm=plum-orbit-canvas-44"),
        row(GET, "/login/unlock/{token}", "token", "A A A A A A"),
        row(POST, "/login/unlock/{token}", "token", "A A A A A A"),
        row(GET, "/booking/{uid}", "booking", "N N N N N N"),
        row(GET, "/booking/{uid}/calendar.ics", "booking", "N N N N N N"),
        row(POST, "/booking/{uid}/cancel", "booking", "N N N N N N").form("reason=none"),
        row(GET, "/booking/{uid}/pay", "booking", "N N N N N N"),
        // Stripe's signed events; without Stripe set up there is no endpoint.
        row(POST, "/stripe/webhook", "", "N N N N N N").form("id=evt_1"),
        row(POST, "/booking/{uid}/reschedule", "booking", "N N N N N N").form("start=2026-03-30T13:00:00Z"),
        row(GET, "/team/{team}", "team_slug", "A A A A A A"),
        row(GET, "/team/{team}/{slug}", "team_slug team_event_slug", "A A A A A A"),
        row(POST, "/team/{team}/{slug}", "team_slug team_event_slug", "A A A A A A").form("name=Someone"),
        row(GET, "/{username}", "username", "A A A A A A"),
        row(GET, "/{username}/{slug}", "username slug", "A A A A A A"),
        row(POST, "/{username}/{slug}", "username slug", "A A A A A A").form("name=Someone"),
        row(GET, "/login/mfa", "", "A A A A A A"),
        row(POST, "/login/mfa", "", "A A A A A A").form("code=000000"),
        row(GET, "/login/sso", "", "N A A A A A"),
        row(GET, "/login/sso/callback", "", "A A A A A A").query("code=abc&state=def"),
        row(POST, "/session/extend", "", "L A A A A A"),
        row(GET, "/invite/{token}", "invitation_token", "A A A A A A"),
        row(POST, "/invite/{token}", "invitation_token", "A A A A A A").form("name=Ivy Invited&password=plum-orbit-canvas-46&password_confirm=plum-orbit-canvas-46"),
        row(GET, "/setup/email", "", "L F F F A A"),
        row(POST, "/setup/email", "", "L F F F A A").form("host=smtp.example.org&port=not-a-port"),
        row(POST, "/admin/update-checks", "", "L F F F A A").form("enabled=off"),
        // The dashboard.
        row(GET, "/dashboard", "", "L A A A A A"),
        row(GET, "/dashboard/event-types", "", "L A A A A A"),
        row(POST, "/dashboard/event-types", "", "L A A A A A").form("title=Follow-up&slug=follow-up-{n}&duration=30"),
        row(GET, "/dashboard/event-types/new", "", "L A A A A A"),
        row(GET, "/dashboard/event-types/{id}", "event_type", "L N N N A A"),
        row(GET, "/dashboard/event-types/{id}", "team_event_type", "L A N A A A"),
        row(POST, "/dashboard/event-types/{id}", "event_type", "L N N N A A").form("title=Renamed&slug=renamed-{n}"),
        row(POST, "/dashboard/event-types/{id}", "team_event_type", "L F N A A A").form("title=Renamed&slug=renamed-{n}"),
        row(POST, "/dashboard/event-types/{id}/duplicate", "event_type", "L N N N A A"),
        row(POST, "/dashboard/event-types/{id}/duplicate", "team_event_type", "L F N A A A"),
        row(POST, "/dashboard/event-types/{id}/hide", "event_type", "L N N N A A"),
        row(POST, "/dashboard/event-types/{id}/hide", "team_event_type", "L F N A A A"),
        row(POST, "/dashboard/event-types/{id}/delete", "event_type", "L N N N A A"),
        row(POST, "/dashboard/event-types/{id}/delete", "team_event_type", "L F N A A A"),
        row(GET, "/dashboard/availability", "", "L A A A A A"),
        row(POST, "/dashboard/availability", "", "L A A A A A").form("name=Evenings"),
        row(GET, "/dashboard/availability/{id}", "schedule", "L N N N A A"),
        row(POST, "/dashboard/availability/{id}", "schedule", "L N N N A A").form("name=Renamed"),
        row(POST, "/dashboard/availability/{id}/delete", "schedule", "L N N N A A"),
        row(POST, "/dashboard/out-of-office", "", "L A A A A A").form("start=2026-06-01&end=2026-06-02&note=Away"),
        row(POST, "/dashboard/out-of-office/{id}/delete", "ooo", "L N N N A A"),
        row(GET, "/dashboard/calendars", "", "L A A A A A"),
        row(POST, "/dashboard/calendars", "", "L A A A A A").form("provider=ics&feed_url=http://127.0.0.1:9/feed.ics"),
        row(POST, "/dashboard/calendars/{id}/sync", "calendar_account", "L N N N A A"),
        row(POST, "/dashboard/calendars/{id}/options", "calendar_account", "L N N N A A").form("sync_cancellations=on"),
        row(POST, "/dashboard/calendars/{id}/disconnect", "calendar_account", "L N N N A A"),
        row(POST, "/dashboard/calendars/{id}/calendars/{calendar}", "calendar_account calendar", "L N N N A A").form("check_conflicts=off"),
        row(GET, "/dashboard/calendars/{id}/connect", "vendor", "L A A A A A"),
        row(GET, "/dashboard/calendars/{id}/callback", "vendor", "L A A A A A"),
        row(GET, "/dashboard/bookings", "", "L A A A A A"),
        row(GET, "/dashboard/bookings/{uid}", "booking", "L N N N A A"),
        row(GET, "/dashboard/bookings/{uid}", "team_booking", "L A N A A A"),
        row(POST, "/dashboard/bookings/{uid}/confirm", "booking", "L N N N A A"),
        row(POST, "/dashboard/bookings/{uid}/confirm", "team_booking", "L F N A A A"),
        row(POST, "/dashboard/bookings/{uid}/reject", "team_booking", "L F N A A A").form("reason=Full"),
        row(POST, "/dashboard/bookings/{uid}/cancel", "booking", "L N N N A A").form("reason=Ill"),
        row(POST, "/dashboard/bookings/{uid}/cancel", "team_booking", "L F N A A A").form("reason=Ill"),
        row(POST, "/dashboard/bookings/{uid}/refund", "booking", "L N N N A A").form("amount="),
        row(POST, "/dashboard/bookings/{uid}/refund", "team_booking", "L F N A A A").form("amount="),
        row(POST, "/dashboard/bookings/{uid}/no-show", "booking", "L N N N A A"),
        row(POST, "/dashboard/bookings/{uid}/no-show", "team_booking", "L F N A A A"),
        row(GET, "/dashboard/bookings/{uid}/reschedule", "booking", "L N N N A A"),
        row(GET, "/dashboard/bookings/{uid}/reschedule", "team_booking", "L F N A A A"),
        row(POST, "/dashboard/bookings/{uid}/reschedule", "booking", "L N N N A A").form("start=2026-04-01T07:00:00Z&reason=Moved"),
        row(POST, "/dashboard/bookings/{uid}/reschedule", "team_booking", "L F N A A A").form("start=2026-04-01T07:00:00Z&reason=Moved"),
        row(GET, "/dashboard/teams", "", "L A A A A A"),
        row(POST, "/dashboard/teams", "", "L F F F A A").form("name=Night shift&slug=night-{n}"),
        row(GET, "/dashboard/teams/{id}", "team", "L A N A A A"),
        row(POST, "/dashboard/teams/{id}/members", "team", "L F N A A A").form("userId={spare}&role=member"),
        row(POST, "/dashboard/teams/{id}/members/new", "team", "L F N F A A").form("name=New person&email=new-{n}@clinic.example&role=member"),
        row(POST, "/dashboard/teams/{id}/members/{user}/remove", "team host", "L F N A A A"),
        row(GET, "/dashboard/settings", "", "L A A A A A"),
        row(POST, "/dashboard/settings/profile", "", "L A A A A A").form("name=Renamed"),
        row(POST, "/dashboard/settings/password", "", "L A A A A A").form("current=wrong-password-1&password=plum-orbit-canvas-45"),
        row(POST, "/dashboard/settings/api-keys", "", "L A A A A A").form("name=Laptop"),
        row(POST, "/dashboard/settings/api-keys/{id}/revoke", "api_key", "L N N N N N"),
        row(GET, "/dashboard/settings/mfa", "", "L A A A A A"),
        row(POST, "/dashboard/settings/mfa", "", "L A A A A A").form("code=000000"),
        row(POST, "/dashboard/settings/mfa/disable", "", "L A A A A A").form("code=000000"),
        row(POST, "/dashboard/settings/mfa/backup-codes", "", "L A A A A A").form("renew_code=000000"),
        row(POST, "/dashboard/settings/sign-out-everywhere", "", "L A A A A A"),
        row(GET, "/dashboard/webhooks", "", "L A A A A A"),
        row(POST, "/dashboard/webhooks", "", "L A A A A A").form("url=http://127.0.0.1:9/hook&triggers=BOOKING_CREATED"),
        row(GET, "/dashboard/webhooks/{id}", "webhook", "L N N N A A"),
        row(POST, "/dashboard/webhooks/{id}", "webhook", "L N N N A A").form("url=http://127.0.0.1:9/moved&triggers=BOOKING_CANCELLED"),
        row(POST, "/dashboard/webhooks/{id}/ping", "webhook", "L N N N A A"),
        row(POST, "/dashboard/webhooks/{id}/delete", "webhook", "L N N N A A"),
        row(GET, "/dashboard/workflows", "", "L A A A A A"),
        row(GET, "/dashboard/workflows/new", "", "L A A A A A"),
        row(POST, "/dashboard/workflows", "", "L A A A A A").form("name=Thank you&trigger=AFTER_EVENT&offset_minutes=60&owner=user"),
        row(GET, "/dashboard/workflows/{id}", "workflow", "L N N N A A"),
        row(GET, "/dashboard/workflows/{id}", "team_workflow", "L N N A A A"),
        row(POST, "/dashboard/workflows/{id}", "workflow", "L N N N A A").form("name=Renamed&trigger=BEFORE_EVENT&offset_minutes=60"),
        row(POST, "/dashboard/workflows/{id}", "team_workflow", "L N N A A A").form("name=Renamed&trigger=BEFORE_EVENT&offset_minutes=60"),
        row(POST, "/dashboard/workflows/{id}/active", "workflow", "L N N N A A").form("active=off"),
        row(POST, "/dashboard/workflows/{id}/delete", "workflow", "L N N N A A"),
        row(GET, "/dashboard/admin", "", "L F F F A A"),
        row(GET, "/dashboard/admin/audit", "", "L F F F A A"),
        row(POST, "/dashboard/admin/users", "", "L F F F A A").form("name=New person&email=new-{n}@clinic.example&role=member"),
        row(POST, "/dashboard/admin/users/{id}/disable", "host", "L F F F A A"),
        row(POST, "/dashboard/admin/users/{id}/enable", "host", "L F F F A A"),
        row(POST, "/dashboard/admin/settings", "", "L F F F A A").form("organization_name=Clinic"),
        row(GET, "/dashboard/admin/jobs", "", "L F F F A A"),
        row(GET, "/dashboard/admin/calendars", "", "L F F F A A"),
        row(POST, "/dashboard/admin/jobs/{id}/retry", "dead_job", "L F F F A A"),
        row(POST, "/dashboard/admin/jobs/retry-dead", "", "L F F F A A"),
        row(GET, "/dashboard/admin/email", "", "L F F F A A"),
        row(POST, "/dashboard/admin/email", "", "L F F F A A").form("host=smtp.example.org&port=not-a-port"),
        row(POST, "/dashboard/admin/email/test", "", "L F F F A A").form("to=test-{n}@clinic.example"),
        row(GET, "/dashboard/admin/sms", "", "L F F F A A"),
        row(POST, "/dashboard/admin/sms", "", "L F F F A A").form("url=http://127.0.0.1:9/sms&body_format=nonsense"),
        row(POST, "/dashboard/admin/sms/twilio", "", "L F F F A A").form("account_sid=&auth_token=&from="),
        row(POST, "/dashboard/admin/sms/remove", "", "L F F F A A"),
        row(POST, "/dashboard/admin/sms/test", "", "L F F F A A").form("to=%2B15550100"),
        row(GET, "/dashboard/admin/sso", "", "L F F F A A"),
        row(GET, "/dashboard/admin/integrations", "", "L F F F A A"),
        row(POST, "/dashboard/admin/integrations/{id}", "vendor", "L F F F A A").form("client_id=&client_secret="),
        row(POST, "/dashboard/admin/integrations/stripe", "", "L F F F A A").form("secret_key=&webhook_secret="),
        row(POST, "/dashboard/admin/integrations/stripe/check", "", "L F F F A A"),
        row(POST, "/dashboard/admin/sso", "", "L F F F A A").form("enabled=on&issuer=not a url&client_id=&client_secret="),
        row(POST, "/dashboard/admin/invitations", "", "L F F F A A").form("email=invitee-{n}@clinic.example&role=member"),
        row(POST, "/dashboard/admin/invitations/{id}/revoke", "invitation", "L F F F A A"),
        // The API.
        row(GET, "/api/v1/openapi.json", "", "A A A A A A"),
        row(GET, "/api/v1/slots", "", "A A A A A A").query("eventTypeId={event_type}&start=2026-03-30&end=2026-03-31&timeZone=UTC"),
        row(POST, "/api/v1/bookings", "", "A A A A A A").json(r#"{"eventTypeId": {event_type}, "start": "2026-03-30T13:00:00Z", "attendee": {"name": "Walk In", "email": "walk-in@example.org", "timeZone": "UTC"}, "answers": {"reason": "none"}}"#),
        row(GET, "/api/v1/bookings", "", "L A A A A A"),
        row(GET, "/api/v1/bookings/{uid}", "booking", "L N N N A A"),
        row(GET, "/api/v1/bookings/{uid}", "team_booking", "L A N A A A"),
        row(POST, "/api/v1/bookings/{uid}/cancel", "booking", "L N N N A A").json(r#"{"reason": "Ill"}"#),
        row(POST, "/api/v1/bookings/{uid}/cancel", "team_booking", "L F N A A A").json(r#"{"reason": "Ill"}"#),
        row(POST, "/api/v1/bookings/{uid}/reschedule", "booking", "L N N N A A").json(r#"{"start": "2026-03-30T14:00:00Z"}"#),
        row(POST, "/api/v1/bookings/{uid}/reschedule", "team_booking", "L F N A A A").json(r#"{"start": "2026-03-30T14:00:00Z"}"#),
        row(POST, "/api/v1/bookings/{uid}/confirm", "team_booking", "L F N A A A").json("{}"),
        row(POST, "/api/v1/bookings/{uid}/reject", "booking", "L N N N A A").json("{}"),
        row(POST, "/api/v1/bookings/{uid}/reject", "team_booking", "L F N A A A").json(r#"{"reason": "Full"}"#),
        row(GET, "/api/v1/event-types", "", "L A A A A A"),
        row(POST, "/api/v1/event-types", "", "L A A A A A").json(r#"{"title": "Follow-up", "slug": "follow-up-{n}", "durationsMinutes": [30]}"#),
        row(GET, "/api/v1/event-types/{id}", "event_type", "L N N N A A"),
        row(GET, "/api/v1/event-types/{id}", "team_event_type", "L A N A A A"),
        row(PATCH, "/api/v1/event-types/{id}", "event_type", "L N N N A A").json(r#"{"title": "Renamed"}"#),
        row(PATCH, "/api/v1/event-types/{id}", "team_event_type", "L F N A A A").json(r#"{"title": "Renamed"}"#),
        row(DELETE, "/api/v1/event-types/{id}", "event_type", "L N N N A A"),
        row(DELETE, "/api/v1/event-types/{id}", "team_event_type", "L F N A A A"),
        row(GET, "/api/v1/schedules", "", "L A A A A A"),
        row(POST, "/api/v1/schedules", "", "L A A A A A").json(r#"{"name": "Evenings", "timeZone": "UTC", "weekly": {"monday": [{"start": "17:00", "end": "20:00"}]}}"#),
        row(GET, "/api/v1/schedules/{id}", "schedule", "L N N N A A"),
        row(PATCH, "/api/v1/schedules/{id}", "schedule", "L N N N A A").json(r#"{"name": "Renamed"}"#),
        row(DELETE, "/api/v1/schedules/{id}", "schedule", "L N N N A A"),
        row(GET, "/api/v1/out-of-office", "", "L A A A A A"),
        row(POST, "/api/v1/out-of-office", "", "L A A A A A").json(r#"{"start": "2026-06-01T00:00:00Z", "end": "2026-06-02T00:00:00Z"}"#),
        row(DELETE, "/api/v1/out-of-office/{id}", "ooo", "L N N N A A"),
        row(GET, "/api/v1/me", "", "L A A A A A"),
        row(POST, "/api/v1/users", "", "L F F F A A").json(r#"{"name": "New person", "email": "new-{n}@clinic.example"}"#),
        row(GET, "/api/v1/teams", "", "L A A A A A"),
        row(POST, "/api/v1/teams", "", "L F F F A A").json(r#"{"slug": "night-{n}", "name": "Night shift"}"#),
        row(PUT, "/api/v1/teams/{id}/members", "team", "L F N A A A").json(r#"{"userId": {spare}, "role": "member"}"#),
        row(DELETE, "/api/v1/teams/{id}/members/{user_id}", "team host", "L F N A A A"),
        row(GET, "/api/v1/webhooks", "", "L A A A A A"),
        row(POST, "/api/v1/webhooks", "", "L A A A A A").json(r#"{"url": "http://127.0.0.1:9/hook", "triggers": ["BOOKING_CREATED"]}"#),
        row(GET, "/api/v1/webhooks/{id}", "webhook", "L N N N A A"),
        row(PATCH, "/api/v1/webhooks/{id}", "webhook", "L N N N A A").json(r#"{"active": false}"#),
        row(DELETE, "/api/v1/webhooks/{id}", "webhook", "L N N N A A"),
        row(GET, "/api/v1/webhooks/{id}/deliveries", "webhook", "L N N N A A"),
        row(GET, "/api/v1/calendars", "", "L A A A A A"),
        row(POST, "/api/v1/calendars", "", "L A A A A A").json(r#"{"provider": "ics", "url": "http://127.0.0.1:9/feed.ics"}"#),
        row(GET, "/api/v1/calendars/{id}", "calendar_account", "L N N N A A"),
        row(PATCH, "/api/v1/calendars/{id}", "calendar_account", "L N N N A A").json(r#"{"syncCancellations": true}"#),
        row(DELETE, "/api/v1/calendars/{id}", "calendar_account", "L N N N A A"),
        row(POST, "/api/v1/calendars/{id}/sync", "calendar_account", "L N N N A A"),
        row(PATCH, "/api/v1/calendars/{id}/calendars/{calendarId}", "calendar_account calendar", "L N N N A A").json(r#"{"checkConflicts": false, "destination": true}"#),
    ]
}

// ---- rows ------------------------------------------------------------------------------

struct Row {
    method: Method,
    route: &'static str,
    args: &'static str,
    expect: &'static str,
    query: Option<&'static str>,
    body: Body,
}

enum Body {
    Empty,
    /// `application/x-www-form-urlencoded` without the CSRF token, which is added.
    Form(&'static str),
    Json(&'static str),
}

fn row(method: Method, route: &'static str, args: &'static str, expect: &'static str) -> Row {
    Row {
        method,
        route,
        args,
        expect,
        query: None,
        body: Body::Empty,
    }
}

impl Row {
    fn form(mut self, body: &'static str) -> Self {
        self.body = Body::Form(body);
        self
    }

    fn json(mut self, body: &'static str) -> Self {
        self.body = Body::Json(body);
        self
    }

    fn query(mut self, query: &'static str) -> Self {
        self.query = Some(query);
        self
    }

    fn name(&self) -> String {
        format!("{} {}", self.method, self.route)
    }

    fn expected(&self) -> Vec<Expect> {
        let cells: Vec<Expect> = self
            .expect
            .split_whitespace()
            .map(|cell| match cell {
                "A" => Expect::Allow,
                "N" => Expect::NotFound,
                "F" => Expect::Forbidden,
                "L" => Expect::SignIn,
                other => panic!("{}: unknown cell {other:?} (A, N, F or L)", self.name()),
            })
            .collect();
        assert_eq!(
            cells.len(),
            ROLES.len(),
            "{}: one cell per role, in the order {:?}",
            self.name(),
            ROLES.map(Role::label)
        );
        cells
    }

    /// The path with its parameters filled from the world.
    fn path(&self, world: &World) -> String {
        let mut args = self.args.split_whitespace();
        let mut path = String::new();
        let mut rest = self.route;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map_or(rest.len(), |i| open + i);
            let arg = args.next().unwrap_or_else(|| {
                panic!(
                    "{}: no object named for {}",
                    self.name(),
                    &rest[open..=close]
                )
            });
            path.push_str(&rest[..open]);
            path.push_str(&world.get(arg));
            rest = &rest[close + 1..];
        }
        path.push_str(rest);
        if let Some(query) = self.query {
            path.push('?');
            path.push_str(&world.fill(query));
        }
        path
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    Allow,
    NotFound,
    Forbidden,
    SignIn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Anonymous,
    Member,
    Outsider,
    TeamAdmin,
    Admin,
    Owner,
}

const ROLES: [Role; 6] = [
    Role::Anonymous,
    Role::Member,
    Role::Outsider,
    Role::TeamAdmin,
    Role::Admin,
    Role::Owner,
];

impl Role {
    fn label(self) -> &'static str {
        match self {
            Role::Anonymous => "anonymous",
            Role::Member => "member",
            Role::Outsider => "other team's member",
            Role::TeamAdmin => "team admin",
            Role::Admin => "admin",
            Role::Owner => "owner",
        }
    }

    /// May see the host's personal booking (its invitee and answers), and their webhook.
    fn sees_personal_booking(self) -> bool {
        matches!(self, Role::Admin | Role::Owner)
    }

    /// May see the team A booking.
    fn sees_team_booking(self) -> bool {
        matches!(
            self,
            Role::Member | Role::TeamAdmin | Role::Admin | Role::Owner
        )
    }
}

// ---- the world -------------------------------------------------------------------------

/// The people acting, and the two teams.
struct Cast {
    team_a: i64,
    owner_id: i64,
    /// (role, user id) of everyone signed in.
    users: Vec<(Role, i64)>,
}

/// One cell's objects, all belonging to someone else than the acting roles.
struct World {
    n: usize,
    values: Vec<(&'static str, String)>,
    /// The invitees' names, emails and answers: (personal booking's, team booking's).
    personal_secrets: [String; 3],
    team_secrets: [String; 3],
}

impl World {
    fn get(&self, name: &str) -> String {
        self.values
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| panic!("the world has no object named {name:?}"))
    }

    /// Replaces `{name}` with the object's value, `{n}` with the cell's number.
    fn fill(&self, text: &str) -> String {
        let mut out = text.replace("{n}", &self.n.to_string());
        for (key, value) in &self.values {
            out = out.replace(&format!("{{{key}}}"), value);
        }
        out
    }
}

struct SetupFailed(String);

impl std::fmt::Debug for SetupFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<E: std::fmt::Display> From<E> for SetupFailed {
    fn from(err: E) -> Self {
        SetupFailed(err.to_string())
    }
}

fn db(server: &TestServer) -> kairos::db::Db {
    server.running.as_ref().expect("running").state.db.clone()
}

async fn cast(server: &TestServer) -> Cast {
    let now = server.clock.now();
    db(server)
        .write(move |tx| -> Result<Cast, SetupFailed> {
            let account = |name: &str, email: &str, role| {
                kairos::auth::insert_account(tx, name, email, None, role, chrono_tz::UTC, now)
                    .map_err(|err| SetupFailed(format!("{err:?}")))
            };
            let owner_id = users::by_email(tx, OWNER_EMAIL)?
                .ok_or_else(|| SetupFailed("no owner".into()))?
                .id;
            let member = account("Mia Member", "mia@clinic.example", UserRole::Member)?;
            let outsider = account("Oscar Outsider", "oscar@clinic.example", UserRole::Member)?;
            let team_admin = account("Tara Teamadmin", "tara@clinic.example", UserRole::Member)?;
            let admin = account("Adam Admin", "adam@clinic.example", UserRole::Admin)?;
            let team_a = teams::insert(tx, "cardiology", "Cardiology", now)?;
            let team_b = teams::insert(tx, "dermatology", "Dermatology", now)?;
            teams::set_member(tx, team_a, member, TeamRole::Member)?;
            teams::set_member(tx, team_a, team_admin, TeamRole::Admin)?;
            teams::set_member(tx, team_b, outsider, TeamRole::Member)?;
            Ok(Cast {
                team_a,
                owner_id,
                users: vec![
                    (Role::Member, member),
                    (Role::Outsider, outsider),
                    (Role::TeamAdmin, team_admin),
                    (Role::Admin, admin),
                    (Role::Owner, owner_id),
                ],
            })
        })
        .await
        .expect("the cast is created")
}

/// A host who is a plain member of team A, with their things and two bookings.
async fn world(server: &TestServer, cast: &Cast, n: usize) -> World {
    let now = server.clock.now();
    let (team_a, owner_id) = (cast.team_a, cast.owner_id);
    let secret_sealed = server
        .running
        .as_ref()
        .expect("running")
        .state
        .key
        .encrypt(b"matrix-secret", "webhook.secret");
    let made = db(server)
        .write(move |tx| -> Result<Vec<(&'static str, String)>, SetupFailed> {
            let account = |name: String, email: String| {
                kairos::auth::insert_account(tx, &name, &email, None, UserRole::Member, chrono_tz::UTC, now)
                    .map_err(|err| SetupFailed(format!("{err:?}")))
            };
            let host_id = account(format!("Hana Host {n}"), format!("host-{n}@clinic.example"))?;
            let spare = account(format!("Sam Spare {n}"), format!("spare-{n}@clinic.example"))?;
            teams::set_member(tx, team_a, host_id, TeamRole::Member)?;
            let host = users::by_id(tx, host_id)?.ok_or_else(|| SetupFailed("no host".into()))?;
            let owner = users::by_id(tx, owner_id)?.ok_or_else(|| SetupFailed("no owner".into()))?;
            let day = json!([{ "start": "08:00", "end": "18:00" }]);
            let weekly = json!({ "monday": day, "tuesday": day, "wednesday": day, "thursday": day, "friday": day });
            let hours = |name: &str| {
                serde_json::from_value(json!({ "name": name, "timeZone": "UTC", "weekly": weekly }))
            };
            manage::create_schedule(tx, &host, hours("Clinic hours")?, now)?;
            let schedule = manage::create_schedule(tx, &host, hours("Late shift")?, now)?;
            let question = json!([{ "key": "reason", "type": "text", "label": "Reason for the visit", "required": true }]);
            let personal = manage::create_event_type(
                tx,
                &host,
                serde_json::from_value(json!({
                    "title": "Consultation", "slug": "consultation", "durationsMinutes": [30],
                    "questions": question
                }))?,
                now,
            )?;
            let team_event = manage::create_event_type(
                tx,
                &owner,
                serde_json::from_value(json!({
                    "title": "Team visit", "slug": format!("visit-{n}"), "durationsMinutes": [30],
                    "teamId": team_a, "schedulingType": "collective",
                    "hosts": [{ "userId": host_id }], "requiresConfirmation": true,
                    "questions": question
                }))?,
                now,
            )?;
            let away = manage::add_out_of_office(
                tx,
                &host,
                serde_json::from_value(json!({ "start": "2026-05-01T00:00:00Z", "end": "2026-05-02T00:00:00Z" }))?,
                now,
            )?;
            let (key_id, _) = kairos::auth::create_api_key(tx, host_id, "host key", Actor::System("test"), &Origin::host(), now)?;
            let team_slug = teams::get(tx, team_a)?.map(|t| t.slug).unwrap_or_default();
            let webhook_url = format!("http://127.0.0.1:9/hook-{n}");
            let webhook = kairos::db::webhooks::insert(
                tx,
                host_id,
                &kairos::db::webhooks::WebhookRow {
                    event_type_id: None,
                    url: &webhook_url,
                    triggers: &[kairos::integrations::webhooks::Trigger::BookingCreated],
                    secret_sealed: &secret_sealed,
                    active: true,
                },
                now,
            )?;
            // The reminders every owner gets with their first event type.
            let first_workflow = |owner| -> Result<i64, SetupFailed> {
                kairos::db::workflows::list_for_owner(tx, owner)?
                    .first()
                    .map(|w| w.id)
                    .ok_or_else(|| SetupFailed(format!("{owner:?} has no workflow")))
            };
            let workflow = first_workflow(kairos::integrations::workflows::Owner::User(host_id))?;
            let team_workflow = first_workflow(kairos::integrations::workflows::Owner::Team(team_a))?;
            let (invitation, invitation_token) = kairos::invitations::invite(
                tx,
                &owner,
                &format!("invitee-{n}@clinic.example"),
                "member",
                &Origin::host(),
                now,
            )?;
            let calendar_account = kairos::db::calendars::insert_account(
                tx,
                host_id,
                kairos::db::calendars::Provider::Caldav,
                "https://cloud.example.org",
                &format!("hana-{n}"),
                &secret_sealed,
                now,
            )?;
            let calendar = kairos::db::calendars::upsert_calendar(
                tx,
                calendar_account,
                "https://cloud.example.org/calendars/hana/work/",
                "Work",
                false,
            )?;
            let dead_job = kairos::jobs::queue::enqueue(
                tx,
                &kairos::jobs::NewJob::new("webhook", &json!({ "webhookId": webhook }), now),
                now,
            )?
            .ok_or_else(|| SetupFailed("no job".into()))?;
            tx.execute(
                "UPDATE jobs SET status = 'dead', attempts = 3, last_error = 'refused' WHERE id = ?1",
                [dead_job],
            )?;
            Ok(vec![
                ("host", host_id.to_string()),
                ("spare", spare.to_string()),
                ("username", host.username.clone()),
                ("event_type", personal.id.to_string()),
                ("slug", personal.input.slug.clone()),
                ("team_event_type", team_event.id.to_string()),
                ("team_event_slug", team_event.input.slug.clone()),
                ("team", team_a.to_string()),
                ("team_slug", team_slug),
                ("schedule", schedule.id.to_string()),
                ("ooo", away.id.to_string()),
                ("api_key", key_id.to_string()),
                ("asset", "app.css".into()),
                ("vendor", "google".into()),
                ("token", "0".repeat(64)),
                ("webhook", webhook.to_string()),
                ("webhook_url", webhook_url),
                ("workflow", workflow.to_string()),
                ("team_workflow", team_workflow.to_string()),
                ("invitation", invitation.id.to_string()),
                ("invitation_token", invitation_token),
                ("dead_job", dead_job.to_string()),
                ("calendar_account", calendar_account.to_string()),
                ("calendar", calendar.to_string()),
            ])
        })
        .await
        .expect("the world is created");
    let mut world = World {
        n,
        values: made,
        personal_secrets: [
            format!("Percival Personal{n}"),
            format!("percival-{n}@patients.example"),
            format!("personal-answer-{n}-chest-pain"),
        ],
        team_secrets: [
            format!("Theodora Team{n}"),
            format!("theodora-{n}@patients.example"),
            format!("team-answer-{n}-rash"),
        ],
    };
    let client = reqwest::Client::new();
    for (key, event_type, start, secrets) in [
        (
            "booking",
            world.get("event_type"),
            "2026-03-30T09:00:00Z",
            world.personal_secrets.clone(),
        ),
        (
            "team_booking",
            world.get("team_event_type"),
            "2026-03-30T10:00:00Z",
            world.team_secrets.clone(),
        ),
    ] {
        let response = client
            .post(server.url("/api/v1/bookings"))
            .json(&json!({
                "eventTypeId": event_type.parse::<i64>().expect("id"),
                "start": start,
                "attendee": { "name": secrets[0], "email": secrets[1], "timeZone": "Europe/Berlin" },
                "answers": { "reason": secrets[2] }
            }))
            .send()
            .await
            .expect("booking answers");
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        assert_eq!(status, StatusCode::CREATED, "{key}: {body}");
        let uid = body["data"]["uid"].as_str().expect("uid").to_string();
        world.values.push((key, uid));
    }
    world
}

/// Removes the cell's bookings and jobs, so the next cell's lists hold only its own.
async fn clear_bookings(server: &TestServer) {
    db(server)
        .write(|tx| -> Result<(), kairos::db::DbError> {
            tx.execute_batch(
                "UPDATE bookings SET rescheduled_from_id = NULL, rescheduled_to_id = NULL;
                 DELETE FROM bookings; DELETE FROM jobs;",
            )?;
            Ok(())
        })
        .await
        .expect("bookings cleared");
}

/// A fresh session, its CSRF token and an API key for the role's user.
struct Credentials {
    cookie: String,
    csrf: String,
    api_key: Option<String>,
}

async fn credentials(server: &TestServer, user: Option<i64>) -> Credentials {
    let state = &server.running.as_ref().expect("running").state;
    let (key, policy, now) = (state.csrf_key, state.session_policy(), server.clock.now());
    let Some(user_id) = user else {
        let binding = "c".repeat(64);
        return Credentials {
            csrf: kairos::auth::csrf_token(&key, &binding),
            cookie: format!("kairos_csrf={binding}"),
            api_key: None,
        };
    };
    let (session, api_key) = db(server)
        .write(move |tx| -> Result<(String, String), SetupFailed> {
            let session = kairos::auth::start_session(
                tx,
                user_id,
                kairos::auth::SignInMethod::Password,
                policy,
                now,
            )?;
            let (_, api_key) = kairos::auth::create_api_key(
                tx,
                user_id,
                "matrix",
                Actor::System("test"),
                &Origin::host(),
                now,
            )?;
            Ok((session, api_key))
        })
        .await
        .expect("session and key");
    Credentials {
        csrf: kairos::auth::csrf_token(&key, &session),
        cookie: format!("kairos_session={session}"),
        api_key: Some(api_key),
    }
}

/// What a cell answered.
struct Answer {
    status: StatusCode,
    location: String,
    /// Whether the body is JSON: a script's call, which answers 401 rather than a redirect.
    json: bool,
    body: String,
}

async fn send(server: &TestServer, row: &Row, world: &World, who: &Credentials) -> Answer {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let mut request = client
        .request(row.method.clone(), server.url(&row.path(world)))
        .header("cookie", &who.cookie);
    if let Some(key) = &who.api_key {
        request = request.bearer_auth(key);
    }
    request = match &row.body {
        Body::Empty if row.method == Method::POST && !row.route.starts_with("/api/") => {
            request.form(&[("csrf", who.csrf.as_str())])
        }
        Body::Empty => request,
        Body::Form(form) => {
            let mut pairs: Vec<(String, String)> = vec![("csrf".into(), who.csrf.clone())];
            for pair in world.fill(form).split('&') {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                pairs.push((key.into(), value.into()));
            }
            request.form(&pairs)
        }
        Body::Json(body) => {
            let text = world.fill(body);
            let value: Value = serde_json::from_str(&text).unwrap_or_else(|err| {
                panic!("{}: the JSON body {text} is not JSON: {err}", row.name())
            });
            request.json(&value)
        }
    };
    let response = request.send().await.expect("the server answers");
    let json = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    Answer {
        status: response.status(),
        location: location(&response),
        json,
        body: response.text().await.unwrap_or_default(),
    }
}

/// Whether an answer is what the cell expects; otherwise what it was.
fn judge(row: &Row, expect: Expect, answer: &Answer) -> Result<(), String> {
    let status = answer.status;
    let api = row.route.starts_with("/api/") || answer.json;
    let signs_in = if api {
        status == StatusCode::UNAUTHORIZED
    } else {
        status.is_redirection() && answer.location.starts_with("/login?next=")
    };
    let ok = match expect {
        Expect::SignIn => signs_in,
        Expect::NotFound => status == StatusCode::NOT_FOUND,
        Expect::Forbidden => status == StatusCode::FORBIDDEN,
        // A page's 401 is the sign-in form's "wrong password", not a refusal.
        Expect::Allow => {
            !signs_in
                && !status.is_server_error()
                && status != StatusCode::FORBIDDEN
                && status != StatusCode::NOT_FOUND
                && !(api && status == StatusCode::UNAUTHORIZED)
        }
    };
    if ok {
        Ok(())
    } else {
        let got = match status {
            _ if signs_in => "L",
            StatusCode::NOT_FOUND => "N",
            StatusCode::FORBIDDEN => "F",
            _ if status.is_server_error() => "error",
            _ => "A",
        };
        Err(format!(
            "expected {expect:?}, got {got} ({status}{})",
            if answer.location.is_empty() {
                String::new()
            } else {
                format!(" to {}", answer.location)
            }
        ))
    }
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_matrix_says() {
    let server = TestServer::with_owner_and_config(
        "booking_rate_limit_per_hour = 0\napi_rate_limit_per_minute = 0\n",
    )
    .await;
    let cast = cast(&server).await;
    let rows = matrix();
    let mut failures = Vec::new();
    // Cells whose answer showed the invitee to a role that may see them: proof that the
    // leak check looks where the data would be.
    let (mut personal_shown, mut team_shown, mut webhook_shown) = (0, 0, 0);
    let mut n = 0;
    for row in &rows {
        for (role, expect) in ROLES.into_iter().zip(row.expected()) {
            n += 1;
            let world = world(&server, &cast, n).await;
            let user = cast
                .users
                .iter()
                .find(|(r, _)| *r == role)
                .map(|(_, id)| *id);
            let who = credentials(&server, user).await;
            let answer = send(&server, row, &world, &who).await;
            let cell = format!("{} as {} ({})", row.name(), role.label(), row.path(&world));
            if let Err(problem) = judge(row, expect, &answer) {
                failures.push(format!("{cell}: {problem}"));
            }
            let hidden = [
                (!role.sees_personal_booking(), &world.personal_secrets),
                (!role.sees_team_booking(), &world.team_secrets),
            ];
            for secret in hidden
                .into_iter()
                .filter(|(hidden, _)| *hidden)
                .flat_map(|(_, secrets)| secrets.iter())
            {
                if answer.body.contains(secret.as_str()) {
                    failures.push(format!(
                        "{cell}: the answer shows {secret:?}, which this role may not see"
                    ));
                }
            }
            // Where the host's webhook sends their bookings is the host's to know.
            let webhook_url = world.get("webhook_url");
            if answer.body.contains(&webhook_url) {
                if role.sees_personal_booking() {
                    webhook_shown += 1;
                } else {
                    failures.push(format!(
                        "{cell}: the answer shows the host's webhook URL, which this role may not see"
                    ));
                }
            }
            let shows =
                |secrets: &[String; 3]| secrets.iter().all(|s| answer.body.contains(s.as_str()));
            personal_shown +=
                usize::from(role.sees_personal_booking() && shows(&world.personal_secrets));
            team_shown += usize::from(role.sees_team_booking() && shows(&world.team_secrets));
            clear_bookings(&server).await;
        }
    }
    if personal_shown < 4 || team_shown < 8 || webhook_shown < 4 {
        failures.push(format!(
            "the invitees and the webhook appear too rarely where they may be seen ({personal_shown}, {team_shown} and {webhook_shown} cells)"
        ));
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cells differ from the access matrix:\n{}",
        failures.len(),
        failures.join("\n")
    );
    server.stop().await;
}

#[tokio::test]
async fn team_creation_and_membership_changes_are_audited() {
    let server = TestServer::with_owner().await;
    let api = server.api().await;
    let (status, team) = api
        .post(
            "/api/v1/teams",
            &json!({ "slug": "radiology", "name": "Radiology" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{team}");
    let team_id = team["data"]["id"].as_i64().expect("team id");
    let (status, user) = api
        .post(
            "/api/v1/users",
            &json!({ "name": "Rae", "email": "rae@clinic.example" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{user}");
    let user_id = user["data"]["id"].as_i64().expect("user id");
    let members = format!("/api/v1/teams/{team_id}/members");
    let (status, _) = api
        .send(
            PUT,
            &members,
            &json!({ "userId": user_id, "role": "admin" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = api
        .send(DELETE, &format!("{members}/{user_id}"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let rows = db(&server)
        .read(|conn| -> Result<Vec<(String, String, String)>, kairos::db::DbError> {
            let mut stmt = conn.prepare(
                "SELECT action, object, outcome FROM audit_log WHERE action LIKE 'team%' ORDER BY id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .await
        .expect("audit rows");
    let member = format!("team:{team_id}/user:{user_id}");
    let expected = [
        ("team_created", format!("team:{team_id}")),
        ("team_member_set", member.clone()),
        ("team_member_removed", member),
    ];
    assert_eq!(
        rows,
        expected
            .iter()
            .map(|(action, object)| (action.to_string(), object.clone(), "success".to_string()))
            .collect::<Vec<_>>()
    );
    server.stop().await;
}

// ---- every route has a row ---------------------------------------------------------------

/// `METHOD /path` of every route the server defines, read from its source.
fn routes_in_source() -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    let mut files = Vec::new();
    collect_rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web"),
        &mut files,
    );
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source readable");
        // Routers built by a file's own unit tests are not the server's routes.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let shown = file
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&file)
            .display()
            .to_string();
        for (method, path) in axum_routes(text).into_iter().chain(utoipa_routes(text)) {
            found.insert((format!("{method} {path}"), shown.clone()));
        }
    }
    found
}

fn collect_rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/web readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literal at the start of `text` (after whitespace), and what follows it.
fn literal(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start().strip_prefix('"')?;
    let end = text.find('"')?;
    Some((&text[..end], &text[end + 1..]))
}

/// The path at the start of `.route(…`'s arguments, and what follows it: a string literal,
/// or a constant. A constant this reader does not know stays its name, which no row has,
/// so the route is reported as missing under that name.
fn route_path(text: &str) -> Option<(String, &str)> {
    if let Some((path, rest)) = literal(text) {
        return Some((path.to_string(), rest));
    }
    let text = text.trim_start();
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))?;
    let (name, rest) = text.split_at(end);
    let path = match name {
        "" => return None,
        "crate::auth::sso::CALLBACK_PATH" => kairos::auth::sso::CALLBACK_PATH,
        "crate::integrations::payments::WEBHOOK_PATH" => {
            kairos::integrations::payments::WEBHOOK_PATH
        }
        other => other,
    };
    Some((path.to_string(), rest))
}

/// `.route("/path", get(a).post(b))`: each method handled at the path.
fn axum_routes(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(".route(") {
        let Some((path, rest)) = route_path(&text[at + ".route(".len()..]) else {
            continue;
        };
        // The handlers: up to the parenthesis that closes `.route(`.
        let mut depth = 1;
        let end = rest
            .char_indices()
            .find(|(_, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map_or(rest.len(), |(i, _)| i);
        let handlers = &rest[..end];
        for method in ["get", "post", "put", "patch", "delete"] {
            let called = handlers.match_indices(&format!("{method}(")).any(|(i, _)| {
                !handlers[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            if called {
                out.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

/// `#[utoipa::path(get, path = "/api/v1/…", …)]`.
fn utoipa_routes(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("utoipa::path(") {
        let rest = text[at + "utoipa::path(".len()..].trim_start();
        let method: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let Some(path_at) = rest.find("path =") else {
            continue;
        };
        if let Some((path, _)) = literal(&rest[path_at + "path =".len()..]) {
            out.push((method.to_uppercase(), path.to_string()));
        }
    }
    out
}

#[test]
fn every_route_has_a_row() {
    let rows: BTreeSet<String> = matrix().iter().map(Row::name).collect();
    let routes = routes_in_source();
    assert!(
        routes.len() > 50,
        "the route reader found only {} routes: {routes:?}",
        routes.len()
    );
    let missing: Vec<String> = routes
        .iter()
        .filter(|(route, _)| !rows.contains(route))
        .map(|(route, file)| format!("{route} (in {file}) has no row in the access matrix"))
        .collect();
    let defined: BTreeSet<&String> = routes.iter().map(|(route, _)| route).collect();
    let stale: Vec<String> = rows
        .iter()
        .filter(|route| !defined.contains(route))
        .map(|route| format!("{route} has a row but no such route is defined"))
        .collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "tests/it/access.rs `matrix()` and the routes differ:\n{}",
        missing
            .into_iter()
            .chain(stale)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_route_reader_sees_methods_and_multi_line_routes() {
    let source = r#"
        .route("/a", get(a::list).post(a::create))
        .route(
            "/b/{id}",
            post(b::save),
        )
        .route(crate::auth::sso::CALLBACK_PATH, get(sso::callback))
        .route(PATHS, get(c::list))
        #[utoipa::path(
            delete,
            path = "/api/v1/c/{id}",
        )]
    "#;
    assert_eq!(
        axum_routes(source),
        [
            ("GET".to_string(), "/a".to_string()),
            ("POST".to_string(), "/a".to_string()),
            ("POST".to_string(), "/b/{id}".to_string()),
            ("GET".to_string(), "/login/sso/callback".to_string()),
            ("GET".to_string(), "PATHS".to_string()),
        ]
    );
    assert_eq!(
        utoipa_routes(source),
        [("DELETE".to_string(), "/api/v1/c/{id}".to_string())]
    );
}
