//! Throttling: failed sign-ins per client address and per account, bookings per client
//! address, API calls per key.
//!
//! Everything is counted by one mechanism, [`SlidingWindow`]: the instants of recent
//! events per key, in memory, with "now" passed in (the app clock). Sign-in accounts are
//! keyed by a hash of the normalized email, so the table holds no addresses.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

use crate::crypto::token_hash;

/// How many failures within [`LoginThrottle::WINDOW`] lock an account or an address.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub per_account: usize,
    pub per_address: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_account: 5,
            per_address: 20,
        }
    }
}

/// The most keys a window keeps; past it, keys with no event left in the window are
/// dropped first.
const MAX_KEYS: usize = 100_000;

/// Events per key within the last `window`.
#[derive(Debug)]
pub struct SlidingWindow<K> {
    window: Duration,
    events: Mutex<HashMap<K, Vec<DateTime<Utc>>>>,
}

impl<K: Eq + Hash> SlidingWindow<K> {
    pub fn new(window: Duration) -> Self {
        Self {
            window,
            events: Mutex::default(),
        }
    }

    pub fn window(&self) -> Duration {
        self.window
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, Vec<DateTime<Utc>>>> {
        self.events.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// How long until `key` may have one more event, when it already has `limit` in the
    /// window; `None` when it may have one now.
    fn wait_in(
        events: &HashMap<K, Vec<DateTime<Utc>>>,
        window: Duration,
        key: &K,
        limit: usize,
        now: DateTime<Utc>,
    ) -> Option<Duration> {
        let times = events.get(key)?;
        let recent: Vec<&DateTime<Utc>> = times.iter().filter(|at| **at > now - window).collect();
        if limit == 0 || recent.len() < limit {
            return None;
        }
        // Free again when the oldest event that still counts leaves the window.
        let unlock = *recent[recent.len() - limit] + window;
        Some(unlock - now).filter(|wait| *wait > Duration::zero())
    }

    /// See [`SlidingWindow::wait_in`].
    pub fn wait(&self, key: &K, limit: usize, now: DateTime<Utc>) -> Option<Duration> {
        Self::wait_in(&self.lock(), self.window, key, limit, now)
    }

    /// Counts one event for `key`.
    pub fn record(&self, key: K, now: DateTime<Utc>) {
        let mut events = self.lock();
        Self::record_in(&mut events, self.window, key, now);
    }

    fn record_in(
        events: &mut HashMap<K, Vec<DateTime<Utc>>>,
        window: Duration,
        key: K,
        now: DateTime<Utc>,
    ) {
        if events.len() >= MAX_KEYS {
            events.retain(|_, times| times.iter().any(|at| *at > now - window));
        }
        let times = events.entry(key).or_default();
        times.retain(|at| *at > now - window);
        times.push(now);
    }

    /// Counts one event for `key` if it stays within `limit` (0: no limit); otherwise
    /// `Err(retry_after)` and nothing is counted. Check and count are one step, so
    /// concurrent requests cannot all slip through.
    pub fn admit(&self, key: K, limit: usize, now: DateTime<Utc>) -> Result<(), Duration> {
        if limit == 0 {
            return Ok(());
        }
        let mut events = self.lock();
        if let Some(wait) = Self::wait_in(&events, self.window, &key, limit, now) {
            return Err(wait);
        }
        Self::record_in(&mut events, self.window, key, now);
        Ok(())
    }

    /// Forgets every event of `key`.
    pub fn forget(&self, key: &K) {
        self.lock().remove(key);
    }
}

/// Limits on how often clients may book and call the API (0: no limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Bookings one client address may create per hour (API and booking pages together).
    pub bookings_per_hour: usize,
    /// Requests one API key may make per minute.
    pub api_calls_per_minute: usize,
}

/// Failed uses of password links one address may make in [`LoginThrottle::WINDOW`].
/// Links are 256-bit random, so this only stops a client from hammering the endpoint.
pub const PASSWORD_LINK_FAILURES_PER_ADDRESS: usize = 20;

/// Counts bookings per client address, API calls per key, and failed password link uses
/// per address.
#[derive(Debug)]
pub struct RateLimiter {
    limits: RateLimits,
    bookings: SlidingWindow<IpAddr>,
    api_calls: SlidingWindow<i64>,
    password_link_failures: SlidingWindow<IpAddr>,
}

impl RateLimiter {
    pub fn new(limits: RateLimits) -> Self {
        Self {
            limits,
            bookings: SlidingWindow::new(Duration::hours(1)),
            api_calls: SlidingWindow::new(Duration::minutes(1)),
            password_link_failures: SlidingWindow::new(LoginThrottle::WINDOW),
        }
    }

    /// `Err(retry_after)` while `address` has too many recent failed password link uses.
    pub fn password_link(&self, address: IpAddr, now: DateTime<Utc>) -> Result<(), Duration> {
        match self
            .password_link_failures
            .wait(&address, PASSWORD_LINK_FAILURES_PER_ADDRESS, now)
        {
            Some(wait) => Err(wait),
            None => Ok(()),
        }
    }

    /// Counts a use of an invalid, used or expired password link from `address`.
    pub fn password_link_failed(&self, address: IpAddr, now: DateTime<Utc>) {
        self.password_link_failures.record(address, now);
    }

    /// One booking attempt from `address`: `Err(retry_after)` past the limit.
    pub fn booking(&self, address: IpAddr, now: DateTime<Utc>) -> Result<(), Duration> {
        self.bookings
            .admit(address, self.limits.bookings_per_hour, now)
    }

    /// One request with API key `key_id`: `Err(retry_after)` past the limit.
    pub fn api_call(&self, key_id: i64, now: DateTime<Utc>) -> Result<(), Duration> {
        self.api_calls
            .admit(key_id, self.limits.api_calls_per_minute, now)
    }
}

/// `Retry-After` seconds for a wait: whole seconds, rounded up, at least 1.
pub fn retry_after_seconds(wait: Duration) -> i64 {
    let millis = wait.num_milliseconds().max(0);
    ((millis + 999) / 1000).max(1)
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Account(Vec<u8>),
    Address(IpAddr),
}

/// Failed sign-in attempts, kept in memory.
#[derive(Debug)]
pub struct LoginThrottle {
    limits: Limits,
    failures: SlidingWindow<Key>,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self::new(Limits::default())
    }
}

impl LoginThrottle {
    pub const WINDOW: Duration = Duration::minutes(15);

    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            failures: SlidingWindow::new(Self::WINDOW),
        }
    }

    fn keys(email: &str, address: IpAddr) -> [Key; 2] {
        [
            Key::Account(token_hash(&email.trim().to_lowercase())),
            Key::Address(address),
        ]
    }

    /// `Err(retry_after)` while the account or the address is locked out.
    pub fn check(&self, email: &str, address: IpAddr, now: DateTime<Utc>) -> Result<(), Duration> {
        let wait = Self::keys(email, address)
            .iter()
            .filter_map(|key| {
                let limit = match key {
                    Key::Account(_) => self.limits.per_account,
                    Key::Address(_) => self.limits.per_address,
                };
                self.failures.wait(key, limit, now)
            })
            .max();
        match wait {
            Some(wait) => Err(wait),
            None => Ok(()),
        }
    }

    pub fn record_failure(&self, email: &str, address: IpAddr, now: DateTime<Utc>) {
        for key in Self::keys(email, address) {
            self.failures.record(key, now);
        }
    }

    /// Forgets an account's failures after a successful sign-in.
    pub fn clear_account(&self, email: &str) {
        self.failures
            .forget(&Key::Account(token_hash(&email.trim().to_lowercase())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    #[test]
    fn account_locks_after_limit_and_unlocks_after_window() {
        let throttle = LoginThrottle::new(Limits {
            per_account: 3,
            per_address: 100,
        });
        let ip: IpAddr = [10, 0, 0, 1].into();
        for i in 0..3 {
            assert!(
                throttle.check("Ana@Example.org", ip, t0()).is_ok(),
                "attempt {i}"
            );
            throttle.record_failure("ana@example.org", ip, t0() + Duration::seconds(i));
        }
        let wait = throttle.check("ana@example.org ", ip, t0() + Duration::minutes(1));
        assert_eq!(wait, Err(Duration::minutes(14)));
        let other: IpAddr = [10, 0, 0, 2].into();
        assert!(
            throttle.check("ana@example.org", other, t0()).is_err(),
            "locks the account everywhere"
        );
        assert!(
            throttle.check("bo@example.org", ip, t0()).is_ok(),
            "other accounts unaffected"
        );
        assert!(
            throttle
                .check(
                    "ana@example.org",
                    ip,
                    t0() + Duration::minutes(15) + Duration::seconds(1)
                )
                .is_ok()
        );
    }

    #[test]
    fn address_locks_across_accounts() {
        let throttle = LoginThrottle::new(Limits {
            per_account: 100,
            per_address: 4,
        });
        let ip: IpAddr = [192, 0, 2, 1].into();
        for i in 0..4 {
            throttle.record_failure(&format!("user{i}@example.org"), ip, t0());
        }
        assert!(throttle.check("new@example.org", ip, t0()).is_err());
        assert!(
            throttle
                .check("new@example.org", [192, 0, 2, 2].into(), t0())
                .is_ok()
        );
    }

    #[test]
    fn rate_limits_admit_up_to_the_limit_per_window() {
        let limiter = RateLimiter::new(RateLimits {
            bookings_per_hour: 2,
            api_calls_per_minute: 3,
        });
        let ip: IpAddr = [192, 0, 2, 1].into();
        assert!(limiter.booking(ip, t0()).is_ok());
        assert!(limiter.booking(ip, t0() + Duration::minutes(10)).is_ok());
        assert_eq!(
            limiter.booking(ip, t0() + Duration::minutes(20)),
            Err(Duration::minutes(40)),
            "free again when the first booking leaves the hour"
        );
        assert!(limiter.booking([192, 0, 2, 2].into(), t0()).is_ok());
        assert!(limiter.booking(ip, t0() + Duration::minutes(60)).is_ok());
        assert!(limiter.booking(ip, t0() + Duration::minutes(61)).is_err());

        for _ in 0..3 {
            assert!(limiter.api_call(7, t0()).is_ok());
        }
        assert_eq!(limiter.api_call(7, t0()), Err(Duration::minutes(1)));
        assert!(limiter.api_call(8, t0()).is_ok(), "per key");
        assert!(limiter.api_call(7, t0() + Duration::minutes(1)).is_ok());
    }

    #[test]
    fn failed_password_links_lock_the_address() {
        let limiter = RateLimiter::new(RateLimits {
            bookings_per_hour: 0,
            api_calls_per_minute: 0,
        });
        let ip: IpAddr = [192, 0, 2, 1].into();
        for _ in 0..PASSWORD_LINK_FAILURES_PER_ADDRESS {
            assert!(limiter.password_link(ip, t0()).is_ok());
            limiter.password_link_failed(ip, t0());
        }
        assert_eq!(limiter.password_link(ip, t0()), Err(Duration::minutes(15)));
        assert!(limiter.password_link([192, 0, 2, 2].into(), t0()).is_ok());
        assert!(
            limiter
                .password_link(ip, t0() + Duration::minutes(15))
                .is_ok()
        );
    }

    #[test]
    fn a_zero_limit_turns_a_rate_limit_off() {
        let limiter = RateLimiter::new(RateLimits {
            bookings_per_hour: 0,
            api_calls_per_minute: 0,
        });
        for _ in 0..1000 {
            assert!(limiter.booking([192, 0, 2, 1].into(), t0()).is_ok());
            assert!(limiter.api_call(1, t0()).is_ok());
        }
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_after_seconds(Duration::milliseconds(1)), 1);
        assert_eq!(retry_after_seconds(Duration::milliseconds(1001)), 2);
        assert_eq!(retry_after_seconds(Duration::minutes(40)), 2400);
        assert_eq!(retry_after_seconds(Duration::zero()), 1);
    }

    #[test]
    fn success_clears_the_account() {
        let throttle = LoginThrottle::new(Limits {
            per_account: 2,
            per_address: 100,
        });
        let ip: IpAddr = [192, 0, 2, 1].into();
        throttle.record_failure("a@example.org", ip, t0());
        throttle.clear_account("a@example.org");
        throttle.record_failure("a@example.org", ip, t0());
        assert!(throttle.check("a@example.org", ip, t0()).is_ok());
    }
}
