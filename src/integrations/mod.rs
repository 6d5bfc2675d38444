//! Integrations: everything Kairos tells or asks the world outside about bookings, one
//! folder per family. Each one subscribes to the booking-event outbox and owns its job
//! kinds; the booking service names none of them.
//!
//! - [`notify`]: emails with calendar invitations, and text messages.
//! - [`webhooks`]: signed HTTP callbacks to members' receivers.
//! - [`workflows`]: reminders and follow-ups that members set up.

pub mod notify;
pub mod webhooks;
pub mod workflows;
