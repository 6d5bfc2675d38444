//! What a page shows only once after a form was posted: a new API key, a webhook secret,
//! a one-time link.
//!
//! The POST handler keeps the message here under a random token bound to the signed-in
//! user and redirects to the page with `?shown=<token>` (post/redirect/get), so reloading
//! or going back never posts again and never lands on a URL that only accepts POST. The
//! page takes the message out when it renders it: a reload shows it no more. Nothing is
//! written to the database or to a cookie; messages not picked up within ten minutes are
//! forgotten, and a restart forgets them all.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, TimeDelta, Utc};
use maud::{Markup, PreEscaped};

use crate::crypto::random_token;

/// How long a message waits for its page.
const LIFETIME: TimeDelta = TimeDelta::minutes(10);
/// At most this many messages wait at once; the oldest give way.
const CAPACITY: usize = 1_000;

struct Entry {
    user_id: i64,
    message: String,
    until: DateTime<Utc>,
}

#[derive(Default)]
pub struct ShownOnce {
    entries: Mutex<HashMap<String, Entry>>,
}

impl ShownOnce {
    /// Keeps `message` for `user_id`; returns the token the page is redirected with.
    pub fn keep(&self, user_id: i64, message: Markup, now: DateTime<Utc>) -> String {
        let token = random_token();
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|_, entry| entry.until > now);
        if entries.len() >= CAPACITY
            && let Some(oldest) = entries
                .iter()
                .min_by_key(|(_, entry)| entry.until)
                .map(|(token, _)| token.clone())
        {
            entries.remove(&oldest);
        }
        entries.insert(
            token.clone(),
            Entry {
                user_id,
                message: message.into_string(),
                until: now + LIFETIME,
            },
        );
        token
    }

    /// The message kept under `token` for `user_id`, removed as it is taken.
    pub fn take(&self, user_id: i64, token: &str, now: DateTime<Utc>) -> Option<Markup> {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        match entries.get(token) {
            Some(entry) if entry.user_id == user_id && entry.until > now => {
                entries.remove(token).map(|entry| PreEscaped(entry.message))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use maud::html;

    #[test]
    fn a_message_is_shown_once_to_its_user_only() {
        let store = ShownOnce::default();
        let now = Utc::now();
        let token = store.keep(7, html! { p { "key" } }, now);
        assert!(store.take(8, &token, now).is_none(), "another user");
        let shown = store.take(7, &token, now).map(Markup::into_string);
        assert_eq!(shown.as_deref(), Some("<p>key</p>"));
        assert!(store.take(7, &token, now).is_none(), "a reload");
        let late = store.keep(7, html! { "late" }, now);
        assert!(store.take(7, &late, now + LIFETIME).is_none(), "expired");
    }
}
