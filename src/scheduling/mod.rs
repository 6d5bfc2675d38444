//! Scheduling setup: managing schedules, event types and teams, and the bridge from
//! stored data to the availability engine (the slot list and the booking check).

pub mod manage;
pub mod slots;
