//! Plain types and their validation, without I/O: what every layer above agrees on.

// First, so that every model names its reasons with `reason!` (see [`error::Reason`]).
#[macro_use]
pub mod error;

pub mod booking;
pub mod calendar;
pub mod event_types;
pub mod payment;
pub mod questions;
pub mod schedules;
pub mod team;
pub mod time;
pub mod user;
pub mod webhook;
pub mod workflow;

/// Texts an anchored OpenAPI `pattern` matches: for tests that check that what the API's
/// document allows, Kairos accepts.
#[cfg(test)]
pub(crate) fn texts_matching(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    let inner = pattern.trim_start_matches('^').trim_end_matches('$');
    proptest::string::string_regex(inner).expect("a pattern proptest can generate from")
}
