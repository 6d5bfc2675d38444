//! Workflows: reminders and follow-ups a member sets up, as stored.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use crate::model::booking::BookingEvent;
use crate::model::event_types::EventType;

/// When a workflow runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Trigger {
    NewEvent,
    BookingRequested,
    RescheduleEvent,
    EventCancelled,
    BookingRejected,
    BeforeEvent,
    AfterEvent,
    BookingPaid,
}

impl Trigger {
    pub const ALL: [Trigger; 8] = [
        Trigger::NewEvent,
        Trigger::BookingRequested,
        Trigger::RescheduleEvent,
        Trigger::EventCancelled,
        Trigger::BookingRejected,
        Trigger::BeforeEvent,
        Trigger::AfterEvent,
        Trigger::BookingPaid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::NewEvent => "NEW_EVENT",
            Trigger::BookingRequested => "BOOKING_REQUESTED",
            Trigger::RescheduleEvent => "RESCHEDULE_EVENT",
            Trigger::EventCancelled => "EVENT_CANCELLED",
            Trigger::BookingRejected => "BOOKING_REJECTED",
            Trigger::BeforeEvent => "BEFORE_EVENT",
            Trigger::AfterEvent => "AFTER_EVENT",
            Trigger::BookingPaid => "BOOKING_PAID",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// How the dashboard says it.
    pub fn label(self) -> &'static str {
        match self {
            Trigger::NewEvent => "When a booking is made or confirmed",
            Trigger::BookingRequested => "When a booking is requested (awaits confirmation)",
            Trigger::RescheduleEvent => "When a booking is rescheduled",
            Trigger::EventCancelled => "When a booking is cancelled",
            Trigger::BookingRejected => "When a request is declined",
            Trigger::BeforeEvent => "Before the meeting starts",
            Trigger::AfterEvent => "After the meeting ends",
            Trigger::BookingPaid => "When a booking is paid",
        }
    }

    /// Whether the trigger is a time relative to the meeting (a reminder or follow-up).
    pub fn is_timed(self) -> bool {
        matches!(self, Trigger::BeforeEvent | Trigger::AfterEvent)
    }

    /// The trigger that a recorded booking event fires right away, if any.
    pub fn for_event(event: BookingEvent) -> Option<Self> {
        Some(match event {
            BookingEvent::Created | BookingEvent::Confirmed => Trigger::NewEvent,
            BookingEvent::Requested => Trigger::BookingRequested,
            BookingEvent::Rescheduled => Trigger::RescheduleEvent,
            BookingEvent::Cancelled => Trigger::EventCancelled,
            BookingEvent::Rejected => Trigger::BookingRejected,
            BookingEvent::Paid => Trigger::BookingPaid,
            BookingEvent::PaymentInitiated
            | BookingEvent::PaymentExpired
            | BookingEvent::Refunded
            | BookingEvent::NoShow => return None,
        })
    }
}

/// What a step does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Action {
    EmailAttendee,
    EmailHost,
    EmailAddress,
    SmsAttendee,
    SmsNumber,
    Webhook,
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::EmailAttendee,
        Action::EmailHost,
        Action::EmailAddress,
        Action::SmsAttendee,
        Action::SmsNumber,
        Action::Webhook,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::EmailAttendee => "EMAIL_ATTENDEE",
            Action::EmailHost => "EMAIL_HOST",
            Action::EmailAddress => "EMAIL_ADDRESS",
            Action::SmsAttendee => "SMS_ATTENDEE",
            Action::SmsNumber => "SMS_NUMBER",
            Action::Webhook => "WEBHOOK",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Action::EmailAttendee => "Email the attendee",
            Action::EmailHost => "Email the host",
            Action::EmailAddress => "Email an address",
            Action::SmsAttendee => "Text the attendee (their phone answer)",
            Action::SmsNumber => "Text a number",
            Action::Webhook => "Call a webhook",
        }
    }

    pub fn is_email(self) -> bool {
        matches!(
            self,
            Action::EmailAttendee | Action::EmailHost | Action::EmailAddress
        )
    }

    pub fn is_sms(self) -> bool {
        matches!(self, Action::SmsAttendee | Action::SmsNumber)
    }

    /// Whether the step names its own target (an address, a number, a URL).
    pub fn needs_target(self) -> bool {
        matches!(
            self,
            Action::EmailAddress | Action::SmsNumber | Action::Webhook
        )
    }
}

/// Who a workflow belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    User(i64),
    Team(i64),
}

impl Owner {
    /// `user` or `team:<id>`, as the dashboard form sends it.
    pub fn form_value(self) -> String {
        match self {
            Owner::User(_) => "user".into(),
            Owner::Team(id) => format!("team:{id}"),
        }
    }

    pub fn of_event_type(event_type: &EventType) -> Option<Self> {
        match (event_type.owner_user_id, event_type.input.team_id) {
            (Some(user), _) => Some(Owner::User(user)),
            (None, Some(team)) => Some(Owner::Team(team)),
            (None, None) => None,
        }
    }
}

/// One stored step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub id: i64,
    pub position: i64,
    pub action: Action,
    pub target: String,
    pub subject: String,
    pub body: String,
    pub secret_sealed: Option<Vec<u8>>,
}

/// One stored workflow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workflow {
    pub id: i64,
    pub owner: Owner,
    pub name: String,
    pub trigger: Trigger,
    pub offset_minutes: u32,
    pub active: bool,
    pub on_new_event_types: bool,
    pub event_type_ids: Vec<i64>,
    pub steps: Vec<Step>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Workflow {
    /// When a timed step of this workflow is due for a meeting, if the trigger is timed.
    pub fn due_at(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let offset = Duration::minutes(i64::from(self.offset_minutes));
        match self.trigger {
            Trigger::BeforeEvent => Some(start - offset),
            Trigger::AfterEvent => Some(end + offset),
            _ => None,
        }
    }
}
