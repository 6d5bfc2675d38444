//! Lanes: the queue is split by what a job talks to, and each lane runs at most its own
//! number of jobs at once, so a mail server that hangs holds up only email, never a
//! webhook, a text message or a reminder that goes elsewhere.
//!
//! A job's lane is chosen when it is enqueued ([`crate::jobs::NewJob::lane`]) and stored
//! with it. The general lane takes what is local to the appliance (preparing a booking's
//! emails, the audit retention run) and any lane this version does not know.

use std::time::Duration as StdDuration;

use crate::db::jobs::{LaneMatch, LaneName};

/// Which lane a job runs in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lane {
    /// Messages about bookings (confirmations, requests, moves, cancellations).
    Email,
    /// Emails of workflows: reminders, follow-ups and workflow messages on booking
    /// changes. A lane of their own, so a reminder is not queued behind a backlog of
    /// booking messages.
    Workflow,
    /// Text messages through the SMS gateway.
    Sms,
    /// Webhook deliveries and workflow steps that call a URL.
    Webhooks,
    /// Calendar write-back (reserved).
    Calendar,
    /// Video meeting rooms (reserved).
    Video,
    /// Stripe: ending unpaid holds, refunds, no-show fees.
    Payments,
    /// Work that stays inside the appliance, and jobs of unknown lanes.
    #[default]
    General,
}

impl Lane {
    /// Every lane, in the order the worker fills them.
    pub const ALL: [Lane; 8] = [
        Lane::Workflow,
        Lane::Webhooks,
        Lane::Sms,
        Lane::Email,
        Lane::Calendar,
        Lane::Video,
        Lane::Payments,
        Lane::General,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Lane::Email => "email",
            Lane::Workflow => "workflow",
            Lane::Sms => "sms",
            Lane::Webhooks => "webhooks",
            Lane::Calendar => "calendar",
            Lane::Video => "video",
            Lane::Payments => "payments",
            Lane::General => "general",
        }
    }

    /// The lane stored as `text`; a lane this version does not know runs in
    /// [`Lane::General`].
    pub fn parse(text: &str) -> Lane {
        Lane::ALL
            .into_iter()
            .find(|lane| lane.as_str() == text)
            .unwrap_or(Lane::General)
    }

    /// How many jobs of this lane run at once by default. A hung counterpart holds at
    /// most this many; the others lanes go on.
    pub fn default_limit(self) -> usize {
        match self {
            Lane::Webhooks => 4,
            Lane::Email
            | Lane::Workflow
            | Lane::Sms
            | Lane::Calendar
            | Lane::Video
            | Lane::Payments
            | Lane::General => 2,
        }
    }

    /// How long one attempt of a job in this lane may run before it counts as failed:
    /// longer than the operation's own timeouts, so a slow counterpart is answered by the
    /// protocol's limits (after which the outcome is known or the retry is recognisable),
    /// not cut off mid-way. Email lanes allow a whole SMTP conversation, up to 20 minutes
    /// (RFC 5321 gives a server 10 minutes after the message alone); a workflow step may
    /// send one message per host. HTTP lanes allow a request of at most 20 seconds.
    pub const fn handler_timeout(self) -> StdDuration {
        let minutes = match self {
            Lane::Email => 25,
            Lane::Workflow => 45,
            Lane::Sms | Lane::Webhooks | Lane::Calendar | Lane::Video | Lane::Payments => 2,
            Lane::General => 5,
        };
        StdDuration::from_secs(minutes * 60)
    }

    fn index(self) -> usize {
        match self {
            Lane::Workflow => 0,
            Lane::Webhooks => 1,
            Lane::Sms => 2,
            Lane::Email => 3,
            Lane::Calendar => 4,
            Lane::Video => 5,
            Lane::Payments => 6,
            Lane::General => 7,
        }
    }

    /// Which stored lane names are this lane's jobs: its own name, or for the general
    /// lane every name but the other lanes' (it also takes lanes this version does not
    /// know).
    pub(crate) fn matching(self) -> LaneMatch {
        match self {
            Lane::General => LaneMatch::NoneOf(
                Lane::ALL
                    .iter()
                    .filter(|lane| **lane != Lane::General)
                    .map(|lane| lane.as_str())
                    .collect(),
            ),
            lane => LaneMatch::Named(lane.as_str()),
        }
    }
}

impl LaneName for Lane {
    fn name(self) -> &'static str {
        self.as_str()
    }

    fn from_name(name: &str) -> Self {
        Lane::parse(name)
    }
}

/// How many jobs each lane runs at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaneLimits([usize; Lane::ALL.len()]);

impl Default for LaneLimits {
    fn default() -> Self {
        let mut limits = [0; Lane::ALL.len()];
        for lane in Lane::ALL {
            limits[lane.index()] = lane.default_limit();
        }
        Self(limits)
    }
}

impl LaneLimits {
    pub fn get(&self, lane: Lane) -> usize {
        self.0[lane.index()]
    }

    /// These limits with `lane` running at most `limit` jobs at once (at least one).
    pub fn with(mut self, lane: Lane, limit: usize) -> Self {
        self.0[lane.index()] = limit.max(1);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_read_back_and_unknown_ones_run_in_the_general_lane() {
        for lane in Lane::ALL {
            assert_eq!(Lane::parse(lane.as_str()), lane);
            assert!(LaneLimits::default().get(lane) >= 1);
        }
        assert_eq!(Lane::parse("telepathy"), Lane::General);
        assert_eq!(Lane::Email.matching().condition(), "lane = 'email'");
        let general = Lane::General.matching().condition();
        assert!(
            general.starts_with("lane NOT IN ('workflow', 'webhooks'"),
            "{general}"
        );
        assert!(!general.contains("'general'"));
        assert_eq!(
            LaneLimits::default().with(Lane::Email, 0).get(Lane::Email),
            1
        );
    }
}
