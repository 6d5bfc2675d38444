//! Scheduling setup: managing schedules, event types and teams.

pub mod manage;
