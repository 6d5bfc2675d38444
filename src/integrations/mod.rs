//! Integrations: everything Kairos tells or asks the world outside about bookings, one
//! folder per family. Each one subscribes to the booking-event outbox and owns its job
//! kinds; the booking service names none of them.
//!
//! - [`calendars`]: the host's own calendars (CalDAV, ICS feeds), read for busy time and
//!   written with bookings.
//! - [`notify`]: emails with calendar invitations, and text messages.
//! - [`webhooks`]: signed HTTP callbacks to members' receivers.
//! - [`workflows`]: reminders and follow-ups that members set up.

pub mod calendars;
pub mod notify;
pub mod oauth;
pub mod payments;
pub mod webhooks;
pub mod workflows;

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::clock::Clock;
use crate::crypto::InstanceKey;
use crate::db::Db;
use crate::db::outbox::{Outbox, Subscriber};
use crate::jobs::{Handlers, Waker};
use crate::outbound::Policy;

pub use notify::email::Site;

/// The parts of the running instance that can change while it runs, as the integrations
/// see them: the site messages are written for, and where outbound calls may go.
pub trait InstanceView: Send + Sync {
    /// The organization, public URL and privacy setting messages are written with.
    fn site(&self) -> Site;
    /// The policy for receivers any member can name (webhooks).
    fn member_targets(&self) -> Policy;
    /// The policy for servers only administrators set up (mail server, SMS gateway).
    fn admin_servers(&self) -> Policy;
    /// The policy for a host's calendar server at `url`: the members' policy, or private
    /// and loopback addresses too for a host the administrator listed.
    fn calendar_server(&self, url: &str) -> Policy;
    /// How often each connected calendar is synced.
    fn calendar_sync_interval(&self) -> chrono::Duration;
    /// What the booking service needs to change a booking now (cancelling one whose event
    /// its host deleted).
    fn booking_settings(&self) -> crate::booking::Settings;
    /// Where a stand-in for a vendor's sign-in, token and API endpoints is, when the
    /// administrator set one (tests, an egress proxy); `None` means the vendor's own.
    fn vendor_base_url(&self, vendor: oauth::Vendor) -> Option<String>;
    /// Where Stripe's API is: `https://api.stripe.com`, or a stand-in the configuration
    /// names.
    fn stripe_base_url(&self) -> String;
}

/// What the integrations use: the store, the instance key, the clock, and the instance's
/// current settings. Cheap to clone.
#[derive(Clone)]
pub struct Deps {
    pub db: Db,
    pub key: InstanceKey,
    pub clock: Arc<dyn Clock>,
    pub instance: Arc<dyn InstanceView>,
    /// Wakes the job worker after enqueueing work that is due now.
    pub jobs: Waker,
}

impl Deps {
    pub fn site(&self) -> Site {
        self.instance.site()
    }

    /// See [`InstanceView::member_targets`].
    pub fn policy(&self) -> Policy {
        self.instance.member_targets()
    }

    /// See [`InstanceView::admin_servers`].
    pub fn admin_policy(&self) -> Policy {
        self.instance.admin_servers()
    }

    /// See [`InstanceView::calendar_server`].
    pub fn calendar_policy(&self, url: &str) -> Policy {
        self.instance.calendar_server(url)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Where `vendor`'s sign-in, token and API endpoints are for `app` (its tenant).
    pub fn endpoints(&self, vendor: oauth::Vendor, app: Option<&oauth::App>) -> oauth::Endpoints {
        let base = self.instance.vendor_base_url(vendor);
        vendor.endpoints(base.as_deref(), app.map_or("", |app| app.tenant.as_str()))
    }

    pub fn wake_jobs(&self) {
        self.jobs.wake();
    }
}

/// How long messages about a new booking wait for the link of its Google Meet or Teams
/// meeting, which the vendor makes with the organizer's calendar event.
pub const MEETING_LINK_WAIT: chrono::Duration = chrono::Duration::minutes(3);

/// A message about an active `booking` (an email, a webhook, a workflow's step) waits
/// while its video meeting's link is being made, so that nobody is sent a meeting
/// without its link; after [`MEETING_LINK_WAIT`] it goes without (the link follows by
/// email once it is made). Messages about a cancelled or declined booking never wait.
pub fn wait_for_meeting_link(
    booking: &crate::model::booking::Booking,
    now: DateTime<Utc>,
) -> Result<(), crate::jobs::JobFailure> {
    let pending = booking
        .location
        .as_ref()
        .and_then(crate::model::event_types::Location::pending_meeting)
        .filter(|_| booking.status.is_active());
    let deadline = booking.created_at + MEETING_LINK_WAIT;
    match pending {
        // Every waiting message comes back by the deadline at the latest, so that they
        // leave then in the order they were made.
        Some(provider) if now < deadline => Err(crate::jobs::JobFailure::not_yet(
            format!("waiting for the {} link", provider.label()),
            (deadline - now).clamp(chrono::Duration::seconds(1), chrono::Duration::seconds(5)),
        )),
        _ => Ok(()),
    }
}

/// The subscribers of the booking-event outbox, in the order they take in an event:
/// messages to people, webhooks, workflows, then the hosts' calendars.
pub fn outbox() -> Outbox {
    let subscribers: Vec<Arc<dyn Subscriber>> = vec![
        Arc::new(notify::Subscriber),
        Arc::new(webhooks::Subscriber),
        Arc::new(workflows::Subscriber),
        Arc::new(calendars::Subscriber),
        Arc::new(payments::Subscriber),
    ];
    Outbox::new(subscribers)
}

/// Adds the job kinds every integration owns to `handlers`.
pub fn job_handlers(handlers: Handlers, deps: &Deps) -> Handlers {
    let handlers = notify::job_handlers(handlers, deps);
    let handlers = webhooks::job_handlers(handlers, deps);
    let handlers = workflows::job_handlers(handlers, deps);
    let handlers = payments::job_handlers(handlers, deps);
    calendars::job_handlers(handlers, deps)
}
