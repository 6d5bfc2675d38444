//! Throttling: failed sign-ins, bookings per client, API calls per key.
//!
//! Counting is in memory, with "now" passed in (the app clock). Clients are counted by
//! [`client_key`]: an IPv4 address, or the /64 network of an IPv6 address. Sign-in
//! accounts are keyed by a hash of the normalized email, so the tables hold no addresses.
//!
//! Sign-in failures are counted three ways, so that nobody can lock an account's owner
//! out while guessing stays slow:
//!
//! - per account *and* client (a [`Streak`]): after [`Limits::per_client`] failures each
//!   further attempt from that client waits, one minute at first, doubling up to
//!   fifteen; a success from it ends the streak;
//! - per address, over every account ([`Limits::per_address`] within
//!   [`LoginThrottle::WINDOW`]): one address cannot try many accounts (password spraying);
//! - per account, over the browsers that have never signed in to it
//!   ([`Limits::per_account`] within the window): many addresses cannot guess one
//!   account's password in parallel.
//!
//! A browser that signed in to an account before carries a *known-browser* token for it
//! (a cookie, see [`LoginThrottle::remember_browser`]); for that account it is its own
//! client and only its own streak applies, so failures elsewhere never refuse the owner's
//! browser. A one-time unlock link emailed to the account gives any browser such a token.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

use crate::crypto::{constant_time_eq, hmac_hex, random_bytes, token_hash};

/// The client a per-address limit counts: an IPv4 address as it is (also when it arrives
/// IPv4-mapped, `::ffff:a.b.c.d`), an IPv6 address by its /64 network, which one
/// subscriber usually holds whole.
pub fn client_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !u128::from(u64::MAX))),
        },
    }
}

/// How many sign-in failures the throttle lets through, see the module documentation.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Failures for one account from one client before each further attempt waits.
    pub per_client: u32,
    /// Failures from one address, over every account, within [`LoginThrottle::WINDOW`].
    pub per_address: usize,
    /// Failures for one account from browsers not known to it, within the window.
    pub per_account: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_client: 5,
            per_address: 20,
            per_account: 10,
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
        match self.password_link_failures.wait(
            &client_key(address),
            PASSWORD_LINK_FAILURES_PER_ADDRESS,
            now,
        ) {
            Some(wait) => Err(wait),
            None => Ok(()),
        }
    }

    /// Counts a use of an invalid, used or expired password link from `address`.
    pub fn password_link_failed(&self, address: IpAddr, now: DateTime<Utc>) {
        self.password_link_failures.record(client_key(address), now);
    }

    /// One booking attempt from `address`: `Err(retry_after)` past the limit.
    pub fn booking(&self, address: IpAddr, now: DateTime<Utc>) -> Result<(), Duration> {
        self.bookings
            .admit(client_key(address), self.limits.bookings_per_hour, now)
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

/// How long a known-browser token counts.
pub const KNOWN_BROWSER_LIFETIME: Duration = Duration::days(365);
/// The most known-browser tokens one browser keeps (one per account signed in from it).
const KNOWN_BROWSER_TOKENS: usize = 5;
/// The wait after a client's free failures ([`Limits::per_client`]); each further
/// failure doubles it, up to [`MAX_DELAY`].
const FIRST_DELAY: Duration = Duration::minutes(1);
const MAX_DELAY: Duration = Duration::minutes(15);
/// A streak is forgotten this long after its last failure.
const STREAK_MEMORY: Duration = Duration::hours(1);

/// One sign-in attempt: the account it names, where it comes from, and the browser's
/// known-browser cookie, if it sent one.
#[derive(Clone, Copy)]
pub struct Attempt<'a> {
    pub email: &'a str,
    pub address: IpAddr,
    pub known_browser: Option<&'a str>,
}

/// The issue time, id and signature of a known-browser token that is within its
/// lifetime (whoever it was made for).
fn token_parts(token: &str, now: DateTime<Utc>) -> Option<(&str, &str, &str)> {
    let mut parts = token.splitn(3, '.');
    let (issued, id, mac) = (parts.next()?, parts.next()?, parts.next()?);
    let issued_at = DateTime::from_timestamp(issued.parse().ok()?, 0)?;
    let fresh = issued_at <= now + Duration::days(1) && now - issued_at <= KNOWN_BROWSER_LIFETIME;
    fresh.then_some((issued, id, mac))
}

/// Who an account's failures are counted against: an address, or a browser known to
/// the account (by its token's id).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Client {
    Address(IpAddr),
    Browser(String),
}

/// Consecutive failures of one client for one account.
#[derive(Debug, Clone, Copy)]
struct Streak {
    failures: u32,
    last: DateTime<Utc>,
}

impl Streak {
    /// How long after its last failure the streak waits, with `free` failures allowed.
    fn delay(&self, free: u32) -> Option<Duration> {
        let over = self.failures.checked_sub(free)?;
        let doubled = FIRST_DELAY
            .checked_mul(1_i32 << over.min(10))
            .unwrap_or(MAX_DELAY);
        Some(doubled.min(MAX_DELAY))
    }
}

/// An attempt as the throttle sees it.
struct Resolved {
    account: Vec<u8>,
    address: IpAddr,
    client: Client,
    known: bool,
}

/// Failed sign-in attempts, kept in memory; see the module documentation.
#[derive(Debug)]
pub struct LoginThrottle {
    limits: Limits,
    /// Signs known-browser tokens.
    browser_key: [u8; 32],
    by_address: SlidingWindow<IpAddr>,
    by_account: SlidingWindow<Vec<u8>>,
    streaks: Mutex<HashMap<(Vec<u8>, Client), Streak>>,
}

impl LoginThrottle {
    pub const WINDOW: Duration = Duration::minutes(15);

    /// A throttle whose known-browser tokens are signed with `browser_key`.
    pub fn new(limits: Limits, browser_key: [u8; 32]) -> Self {
        Self {
            limits,
            browser_key,
            by_address: SlidingWindow::new(Self::WINDOW),
            by_account: SlidingWindow::new(Self::WINDOW),
            streaks: Mutex::default(),
        }
    }

    fn account_key(email: &str) -> Vec<u8> {
        token_hash(&email.trim().to_lowercase())
    }

    fn resolve(&self, attempt: &Attempt<'_>, now: DateTime<Utc>) -> Resolved {
        let account = Self::account_key(attempt.email);
        let address = client_key(attempt.address);
        let browser = attempt.known_browser.and_then(|cookie| {
            cookie
                .split('~')
                .find_map(|token| self.token_id(token, &account, now))
        });
        let known = browser.is_some();
        let client = match browser {
            Some(id) => Client::Browser(id),
            None => Client::Address(address),
        };
        Resolved {
            account,
            address,
            client,
            known,
        }
    }

    fn streaks(&self) -> std::sync::MutexGuard<'_, HashMap<(Vec<u8>, Client), Streak>> {
        self.streaks.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn streak_wait(&self, key: &(Vec<u8>, Client), now: DateTime<Utc>) -> Option<Duration> {
        let streak = *self.streaks().get(key)?;
        let unlock = streak.last + streak.delay(self.limits.per_client)?;
        Some(unlock - now).filter(|wait| *wait > Duration::zero())
    }

    /// `Err(retry_after)` while the attempt's client must wait for this account: its own
    /// streak, and for a browser the account does not know, the address and the account.
    pub fn check(&self, attempt: &Attempt<'_>, now: DateTime<Utc>) -> Result<(), Duration> {
        let resolved = self.resolve(attempt, now);
        let mut wait = self.streak_wait(&(resolved.account.clone(), resolved.client), now);
        if !resolved.known {
            let limits = self.limits;
            wait = wait
                .max(
                    self.by_address
                        .wait(&resolved.address, limits.per_address, now),
                )
                .max(
                    self.by_account
                        .wait(&resolved.account, limits.per_account, now),
                );
        }
        match wait {
            Some(wait) => Err(wait),
            None => Ok(()),
        }
    }

    /// Counts a failed attempt (a wrong password or second-factor code).
    pub fn record_failure(&self, attempt: &Attempt<'_>, now: DateTime<Utc>) {
        let resolved = self.resolve(attempt, now);
        if !resolved.known {
            self.by_address.record(resolved.address, now);
            self.by_account.record(resolved.account.clone(), now);
        }
        let mut streaks = self.streaks();
        if streaks.len() >= MAX_KEYS {
            streaks.retain(|_, streak| now - streak.last < STREAK_MEMORY);
        }
        let streak = streaks
            .entry((resolved.account, resolved.client))
            .or_insert(Streak {
                failures: 0,
                last: now,
            });
        if now - streak.last >= STREAK_MEMORY {
            streak.failures = 0;
        }
        streak.failures = streak.failures.saturating_add(1);
        streak.last = now;
    }

    /// Ends the streak of the attempt's client after a successful sign-in.
    pub fn record_success(&self, attempt: &Attempt<'_>, now: DateTime<Utc>) {
        let resolved = self.resolve(attempt, now);
        let mut streaks = self.streaks();
        streaks.remove(&(resolved.account.clone(), resolved.client));
        streaks.remove(&(resolved.account, Client::Address(resolved.address)));
    }

    /// Ends the streak of `address` for the account of `email` (an unlock link was used
    /// from there; the browser gets a known-browser token as well).
    pub fn unlock(&self, email: &str, address: IpAddr) {
        let key = (
            Self::account_key(email),
            Client::Address(client_key(address)),
        );
        self.streaks().remove(&key);
    }

    /// The id of a known-browser token when it was made for `account` and is still
    /// within its lifetime.
    fn token_id(&self, token: &str, account: &[u8], now: DateTime<Utc>) -> Option<String> {
        let (issued, id, mac) = token_parts(token, now)?;
        let expected = self.token_mac(account, issued, id);
        constant_time_eq(expected.as_bytes(), mac.as_bytes()).then(|| id.to_string())
    }

    fn token_mac(&self, account: &[u8], issued: &str, id: &str) -> String {
        let message = format!("known browser|{}|{issued}|{id}", hex::encode(account));
        hmac_hex(&self.browser_key, message.as_bytes())
    }

    /// The known-browser cookie value after a browser signed in to the account of
    /// `email` (or used its unlock link): a fresh token for that account, followed by
    /// the browser's tokens for other accounts (`cookie`, as it sent it), at most
    /// [`KNOWN_BROWSER_TOKENS`]. Tokens name no account; only the server can tell whose
    /// they are.
    pub fn remember_browser(
        &self,
        cookie: Option<&str>,
        email: &str,
        now: DateTime<Utc>,
    ) -> String {
        let account = Self::account_key(email);
        let issued = now.timestamp().to_string();
        let id = hex::encode(random_bytes::<12>());
        let mac = self.token_mac(&account, &issued, &id);
        let mut tokens = vec![format!("{issued}.{id}.{mac}")];
        let others = cookie
            .unwrap_or_default()
            .split('~')
            .filter(|token| {
                token.len() <= 128
                    && token_parts(token, now).is_some()
                    && self.token_id(token, &account, now).is_none()
            })
            .take(KNOWN_BROWSER_TOKENS - 1)
            .map(str::to_string);
        tokens.extend(others);
        tokens.join("~")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    fn throttle(limits: Limits) -> LoginThrottle {
        LoginThrottle::new(limits, [9; 32])
    }

    fn from(email: &str, address: [u8; 4]) -> Attempt<'_> {
        Attempt {
            email,
            address: address.into(),
            known_browser: None,
        }
    }

    #[test]
    fn a_clients_streak_waits_one_minute_then_doubling_up_to_fifteen() {
        let throttle = throttle(Limits::default());
        let attempt = from("Ana@Example.org", [10, 0, 0, 1]);
        for i in 0..5 {
            assert!(throttle.check(&attempt, t0()).is_ok(), "attempt {i}");
            throttle.record_failure(&attempt, t0());
        }
        assert_eq!(throttle.check(&attempt, t0()), Err(Duration::minutes(1)));
        let same = from("ana@example.org ", [10, 0, 0, 1]);
        assert!(
            throttle.check(&same, t0()).is_err(),
            "the email is normalized"
        );
        let mut at = t0();
        for wait in [1, 2, 4, 8, 15, 15] {
            assert_eq!(throttle.check(&attempt, at), Err(Duration::minutes(wait)));
            at += Duration::minutes(wait);
            assert!(throttle.check(&attempt, at).is_ok(), "free after {wait}");
            throttle.record_failure(&attempt, at);
        }
        throttle.record_success(&attempt, at);
        assert!(
            throttle.check(&attempt, at).is_ok(),
            "a success ends the streak"
        );
    }

    #[test]
    fn one_address_cannot_lock_the_account_for_another() {
        let throttle = throttle(Limits::default());
        for _ in 0..5 {
            throttle.record_failure(&from("ana@example.org", [10, 0, 0, 1]), t0());
        }
        assert!(
            throttle
                .check(&from("ana@example.org", [10, 0, 0, 1]), t0())
                .is_err()
        );
        assert!(
            throttle
                .check(&from("ana@example.org", [10, 0, 0, 2]), t0())
                .is_ok()
        );
        assert!(
            throttle
                .check(&from("bo@example.org", [10, 0, 0, 1]), t0())
                .is_ok()
        );
    }

    #[test]
    fn many_addresses_stop_unknown_browsers_but_never_a_known_one() {
        let throttle = throttle(Limits::default());
        let owner_cookie = throttle.remember_browser(None, "ana@example.org", t0());
        for attacker in 1..=5 {
            for _ in 0..2 {
                throttle.record_failure(&from("ana@example.org", [203, 0, 113, attacker]), t0());
            }
        }
        let fresh = from("ana@example.org", [198, 51, 100, 7]);
        assert_eq!(
            throttle.check(&fresh, t0()),
            Err(LoginThrottle::WINDOW),
            "guessing from many addresses slows every unknown browser"
        );
        let owner = Attempt {
            known_browser: Some(&owner_cookie),
            ..fresh
        };
        assert!(throttle.check(&owner, t0()).is_ok(), "the owner's browser");
        assert!(
            throttle
                .check(&from("bo@example.org", [198, 51, 100, 7]), t0())
                .is_ok(),
            "other accounts"
        );
        // A known browser has its own streak, and does not count against the account.
        for _ in 0..5 {
            throttle.record_failure(&owner, t0());
        }
        assert_eq!(throttle.check(&owner, t0()), Err(Duration::minutes(1)));
        let elsewhere = Attempt {
            known_browser: Some(&owner_cookie),
            ..from("ana@example.org", [192, 0, 2, 1])
        };
        assert!(
            throttle.check(&elsewhere, t0()).is_err(),
            "the browser, wherever"
        );
    }

    #[test]
    fn known_browser_tokens_belong_to_one_account_and_expire() {
        let throttle = throttle(Limits {
            per_account: 1,
            ..Limits::default()
        });
        let cookie = throttle.remember_browser(None, "ana@example.org", t0());
        throttle.record_failure(&from("ana@example.org", [203, 0, 113, 1]), t0());
        throttle.record_failure(&from("bo@example.org", [203, 0, 113, 1]), t0());
        let with = |email, cookie| Attempt {
            known_browser: Some(cookie),
            ..from(email, [192, 0, 2, 1])
        };
        assert!(
            throttle
                .check(&with("ana@example.org", &cookie), t0())
                .is_ok()
        );
        assert!(
            throttle
                .check(&with("bo@example.org", &cookie), t0())
                .is_err()
        );
        let forged = cookie.replace('.', ".0");
        assert!(
            throttle
                .check(&with("ana@example.org", &forged), t0())
                .is_err()
        );
        let other_key = LoginThrottle::new(Limits::default(), [8; 32]);
        let foreign = other_key.remember_browser(None, "ana@example.org", t0());
        assert!(
            throttle
                .check(&with("ana@example.org", &foreign), t0())
                .is_err()
        );

        let later = t0() + KNOWN_BROWSER_LIFETIME + Duration::minutes(1);
        throttle.record_failure(&from("ana@example.org", [203, 0, 113, 1]), later);
        assert!(
            throttle
                .check(&with("ana@example.org", &cookie), later)
                .is_err()
        );

        // Signing in to a second account keeps the first account's token.
        let both = throttle.remember_browser(Some(&cookie), "bo@example.org", t0());
        assert!(
            throttle
                .check(&with("ana@example.org", &both), t0())
                .is_ok()
        );
        assert!(throttle.check(&with("bo@example.org", &both), t0()).is_ok());
        let renewed = throttle.remember_browser(Some(&both), "ana@example.org", t0());
        assert_eq!(renewed.split('~').count(), 2, "one token per account");
    }

    #[test]
    fn address_locks_across_accounts() {
        let throttle = throttle(Limits {
            per_address: 4,
            ..Limits::default()
        });
        for i in 0..4 {
            throttle.record_failure(&from(&format!("user{i}@example.org"), [192, 0, 2, 1]), t0());
        }
        assert!(
            throttle
                .check(&from("new@example.org", [192, 0, 2, 1]), t0())
                .is_err()
        );
        assert!(
            throttle
                .check(&from("new@example.org", [192, 0, 2, 2]), t0())
                .is_ok()
        );
    }

    #[test]
    fn unlocking_ends_the_streak_of_that_address() {
        let throttle = throttle(Limits::default());
        let attempt = from("ana@example.org", [192, 0, 2, 1]);
        for _ in 0..9 {
            throttle.record_failure(&attempt, t0());
        }
        assert!(throttle.check(&attempt, t0()).is_err());
        throttle.unlock("ANA@example.org", [192, 0, 2, 1].into());
        assert!(throttle.check(&attempt, t0()).is_ok());
    }

    #[test]
    fn ipv6_counts_by_64_and_mapped_ipv4_as_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1"
            .parse()
            .unwrap_or(IpAddr::from([0; 4]));
        let b: IpAddr = "2001:db8:1:2:ffff:1:2:3"
            .parse()
            .unwrap_or(IpAddr::from([0; 4]));
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap_or(IpAddr::from([0; 4]));
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(c));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap_or(IpAddr::from([0; 4]));
        assert_eq!(client_key(mapped), IpAddr::from([192, 0, 2, 1]));

        let limiter = RateLimiter::new(RateLimits {
            bookings_per_hour: 1,
            api_calls_per_minute: 0,
        });
        assert!(limiter.booking(a, t0()).is_ok());
        assert!(limiter.booking(b, t0()).is_err(), "same /64");
        assert!(limiter.booking(c, t0()).is_ok(), "another /64");
        assert!(limiter.booking([192, 0, 2, 1].into(), t0()).is_ok());
        assert!(
            limiter.booking(mapped, t0()).is_err(),
            "mapped is the IPv4 address"
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
}
