//! Time-based one-time passwords (RFC 6238): HMAC-SHA1, 6 digits, 30-second steps, as
//! every authenticator app computes them. Pure: the caller passes the time.

use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Seconds per step.
pub const STEP_SECONDS: i64 = 30;
/// Digits in a code.
pub const DIGITS: u32 = 6;
/// Steps before and after the current one whose codes are still accepted (clock drift).
pub const WINDOW: i64 = 1;
/// Bytes of a secret (160 bits, the size RFC 4226 recommends).
pub const SECRET_LEN: usize = 20;

/// The step a Unix time falls in.
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The code for one step (RFC 4226 HOTP with the step as the counter).
pub fn code_at_step(secret: &[u8], step: i64) -> u32 {
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let binary = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    binary % 10u32.pow(DIGITS)
}

/// The code for a Unix time, zero-padded as an app shows it.
pub fn code_at(secret: &[u8], unix_seconds: i64) -> String {
    format!(
        "{:0width$}",
        code_at_step(secret, step_at(unix_seconds)),
        width = DIGITS as usize
    )
}

/// Normalizes what a person typed: spaces and dashes are dropped; anything but six
/// digits is `None`.
pub fn parse_code(typed: &str) -> Option<u32> {
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.len() == DIGITS as usize && digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

/// The step whose code `code` is, within the window around `unix_seconds` and later than
/// `after_step` (so a code already used is never accepted again). Every candidate step
/// is computed, so the time taken does not depend on which one matched.
pub fn matching_step(secret: &[u8], code: u32, unix_seconds: i64, after_step: i64) -> Option<i64> {
    let now = step_at(unix_seconds);
    let mut found = None;
    for step in (now - WINDOW)..=(now + WINDOW) {
        let expected = code_at_step(secret, step).to_be_bytes();
        let matches = crate::crypto::constant_time_eq(&expected, &code.to_be_bytes());
        if matches && step > after_step && found.is_none() {
            found = Some(step);
        }
    }
    found
}

/// Base32 (RFC 4648, no padding): how authenticator apps take secrets.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// The `otpauth://` URI an app reads from the QR code.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let label = format!("{}:{}", percent(issuer), percent(account));
    format!(
        "otpauth://totp/{label}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        base32(secret),
        percent(issuer)
    )
}

fn percent(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'@') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B: the SHA-1 secret is the ASCII of "12345678901234567890".
    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc_6238_test_vectors() {
        // The RFC lists 8-digit codes; six digits are their last six.
        for (time, eight_digits) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(code_at(RFC_SECRET, time), eight_digits[2..], "T = {time}");
        }
    }

    #[test]
    fn codes_are_accepted_one_step_either_side_and_never_twice() {
        let t = 1_111_111_109;
        let code = code_at_step(RFC_SECRET, step_at(t));
        let step = step_at(t);
        assert_eq!(matching_step(RFC_SECRET, code, t, 0), Some(step));
        assert_eq!(matching_step(RFC_SECRET, code, t + 30, 0), Some(step));
        assert_eq!(matching_step(RFC_SECRET, code, t - 30, 0), Some(step));
        assert_eq!(matching_step(RFC_SECRET, code, t + 60, 0), None);
        assert_eq!(matching_step(RFC_SECRET, code, t, step), None, "replayed");
        assert_eq!(
            matching_step(RFC_SECRET, (code + 1) % 1_000_000, t, 0),
            None
        );
    }

    #[test]
    fn typed_codes_are_normalized() {
        assert_eq!(parse_code(" 081 804 "), Some(81_804));
        assert_eq!(parse_code("081-804"), Some(81_804));
        assert_eq!(parse_code("81804"), None);
        assert_eq!(parse_code("08180a"), None);
    }

    #[test]
    fn base32_matches_rfc_4648() {
        assert_eq!(base32(b""), "");
        assert_eq!(base32(b"f"), "MY");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32(RFC_SECRET), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    #[test]
    fn otpauth_uri_names_issuer_and_account() {
        let uri = otpauth_uri("Harbor Clinic", "ana@clinic.example", RFC_SECRET);
        assert!(
            uri.starts_with("otpauth://totp/Harbor%20Clinic:ana@clinic.example?secret=GEZDGNBV")
        );
        assert!(uri.contains("&issuer=Harbor%20Clinic&"));
    }
}
