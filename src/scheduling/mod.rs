//! Scheduling setup: managing schedules, event types and teams.

pub mod getting_started;
pub mod manage;
