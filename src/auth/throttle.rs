//! Throttling of failed sign-ins, per client address and per account.
//!
//! Failures are counted in a sliding window. Accounts are keyed by a hash of the
//! normalized email, so the table holds no addresses.

use std::collections::HashMap;
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

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Account(Vec<u8>),
    Address(IpAddr),
}

/// Failed sign-in attempts, kept in memory.
#[derive(Debug, Default)]
pub struct LoginThrottle {
    limits: Limits,
    failures: Mutex<HashMap<Key, Vec<DateTime<Utc>>>>,
}

/// The most keys kept; past it, the oldest windows are dropped first.
const MAX_KEYS: usize = 100_000;

impl LoginThrottle {
    pub const WINDOW: Duration = Duration::minutes(15);

    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            failures: Mutex::default(),
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
        let failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let mut wait = Duration::zero();
        for key in Self::keys(email, address) {
            let limit = match key {
                Key::Account(_) => self.limits.per_account,
                Key::Address(_) => self.limits.per_address,
            };
            let Some(times) = failures.get(&key) else {
                continue;
            };
            let recent: Vec<&DateTime<Utc>> = times
                .iter()
                .filter(|at| **at > now - Self::WINDOW)
                .collect();
            if recent.len() >= limit {
                // Locked until the oldest failure that still counts leaves the window.
                let unlock = *recent[recent.len() - limit] + Self::WINDOW;
                wait = wait.max(unlock - now);
            }
        }
        if wait > Duration::zero() {
            Err(wait)
        } else {
            Ok(())
        }
    }

    pub fn record_failure(&self, email: &str, address: IpAddr, now: DateTime<Utc>) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if failures.len() >= MAX_KEYS {
            failures.retain(|_, times| times.iter().any(|at| *at > now - Self::WINDOW));
        }
        for key in Self::keys(email, address) {
            let times = failures.entry(key).or_default();
            times.retain(|at| *at > now - Self::WINDOW);
            times.push(now);
        }
    }

    /// Forgets an account's failures after a successful sign-in.
    pub fn clear_account(&self, email: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures.remove(&Key::Account(token_hash(&email.trim().to_lowercase())));
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
