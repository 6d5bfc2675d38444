//! The booking-event outbox: every change of a booking is recorded as a row in the
//! transaction that makes it, and handed, in that same transaction, to each subscriber
//! registered at start-up. A subscriber turns the event into its own durable jobs, so a
//! change is never kept without what follows from it, nor followed up twice.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::Value;

use crate::db::bookings;
use crate::model::booking::{BookingEvent, RecordedEvent};

/// Something that follows booking events: notifications, webhooks, workflows, calendar
/// write-back, payments.
pub trait Subscriber: Send + Sync {
    /// A short name for logs.
    fn name(&self) -> &'static str;

    /// Takes in one recorded event inside the transaction that recorded it. Only durable
    /// work belongs here (enqueueing jobs, planning reminders): an error rolls the whole
    /// change back.
    fn on_event(&self, conn: &Connection, event: &RecordedEvent) -> rusqlite::Result<()>;
}

/// The subscribers of booking events, in the order they were registered.
#[derive(Clone, Default)]
pub struct Outbox {
    subscribers: Arc<[Arc<dyn Subscriber>]>,
}

impl Outbox {
    pub fn new(subscribers: Vec<Arc<dyn Subscriber>>) -> Self {
        Self {
            subscribers: subscribers.into(),
        }
    }

    /// The names of the subscribers, in order.
    pub fn subscribers(&self) -> Vec<&'static str> {
        self.subscribers.iter().map(|s| s.name()).collect()
    }

    /// Records a booking's event (see [`bookings::record_event`]) and hands it to every
    /// subscriber. Call it in the transaction that changed the booking.
    pub fn record(
        &self,
        conn: &Connection,
        booking_id: i64,
        event: BookingEvent,
        actor: &str,
        data: &Value,
        now: DateTime<Utc>,
    ) -> rusqlite::Result<RecordedEvent> {
        let recorded = bookings::record_event(conn, booking_id, event, actor, data, now)?;
        for subscriber in self.subscribers.iter() {
            subscriber.on_event(conn, &recorded)?;
        }
        Ok(recorded)
    }
}

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.subscribers()).finish()
    }
}
