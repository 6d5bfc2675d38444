//! Password hashing (argon2id) and the password policy.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::crypto::{random_bytes, random_token};
use crate::model::error::Reason;
use crate::reason;

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 1024;

const COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

/// Hashes a password with argon2id and a random salt, in PHC string format.
pub fn hash(password: &str) -> String {
    let salt = SaltString::encode_b64(&random_bytes::<16>())
        .unwrap_or_else(|_| unreachable!("16 bytes always encode as a salt"));
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .unwrap_or_else(|_| unreachable!("argon2 accepts any password up to 4 GiB"))
}

/// Whether `password` matches the stored `hash`; a malformed hash never matches.
pub fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the time of one verification without a real hash, so an unknown account takes as
/// long to refuse as a wrong password.
pub fn verify_nothing(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash(&random_token()));
    let _ = verify(password, dummy);
}

/// Checks a new password against the policy; the error says what is wrong.
pub fn check_policy(password: &str) -> Result<(), Reason> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(reason!("error-password-short", min = MIN_LENGTH));
    }
    if password.len() > MAX_LENGTH {
        return Err(reason!("error-password-long", max = MAX_LENGTH));
    }
    let lowered = password.to_lowercase();
    let mut chars = lowered.chars();
    let first = chars.next();
    if chars.all(|c| Some(c) == first) {
        return Err(reason!("error-password-one-character"));
    }
    if COMMON_PASSWORDS
        .lines()
        .any(|common| common.trim() == lowered)
    {
        return Err(reason!("error-password-common"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ_per_salt() {
        let first = hash("correct horse battery");
        assert!(first.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &first));
        assert!(!verify("correct horse batterY", &first));
        assert_ne!(first, hash("correct horse battery"));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn policy() {
        let refused = |password: &str| check_policy(password).unwrap_err().to_string();
        assert_eq!(refused("short"), "must be at least 12 characters long");
        assert_eq!(
            refused("Password1234"),
            "is on the list of commonly used passwords; choose another"
        );
        assert!(check_policy("aaaaaaaaaaaaaaaa").is_err());
        assert!(check_policy(&"x".repeat(2000)).is_err());
        assert!(check_policy("plum-orbit-canvas-42").is_ok());
    }
}
