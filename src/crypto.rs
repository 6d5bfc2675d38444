//! The instance key and what is built on it.
//!
//! On first start Kairos writes 256 random bits to `<data-dir>/kairos.key` (mode 0600).
//! Secrets that must be read back later (SMTP passwords, OAuth tokens, TOTP secrets) are
//! sealed with XChaCha20-Poly1305 under that key; other uses (CSRF tokens) get their own
//! key derived from it, so no two purposes share key material.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;
const FORMAT_V1: u8 = 1;

/// Fills an array with bytes from the operating system's random number generator.
///
/// # Panics
/// When the operating system cannot provide randomness: continuing would hand out
/// guessable tokens, so stopping is the only safe answer.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if let Err(err) = getrandom::fill(&mut bytes) {
        panic!("the operating system's random number generator failed: {err}");
    }
    bytes
}

/// A random 256-bit token, hex encoded: for session cookies, setup and reset links.
pub fn random_token() -> String {
    hex::encode(random_bytes::<32>())
}

/// SHA-256 of a token: what the database stores instead of the token itself.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Compares two byte strings in time independent of where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error(
        "the instance key {path} is readable by group or others (mode {mode:o}); it protects every stored secret. Fix it with: chmod 600 {path}"
    )]
    Permissions { path: PathBuf, mode: u32 },
    #[error(
        "the instance key {path} is missing, but the database next to it is encrypted with it. Restore kairos.key from the backup you made of this instance (mode 0600); without it the database cannot be read. Nothing was changed"
    )]
    Missing { path: PathBuf },
    #[error(
        "the instance key {path} does not belong to this database (it cannot read the values stored with the original key). Put the original kairos.key back"
    )]
    Mismatch { path: PathBuf },
    #[error("the instance key {path} is malformed: expected 64 hexadecimal characters")]
    Malformed { path: PathBuf },
    #[error("cannot access the instance key {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the value cannot be decrypted with this instance key")]
pub struct DecryptError;

/// The per-instance secret key.
#[derive(Clone)]
pub struct InstanceKey {
    key: [u8; KEY_LEN],
}

impl std::fmt::Debug for InstanceKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InstanceKey(redacted)")
    }
}

impl InstanceKey {
    /// A key from raw bytes (tests and key rotation).
    pub fn from_bytes(key: [u8; KEY_LEN]) -> Self {
        Self { key }
    }

    /// Reads the key file, checking that only its owner can read it.
    /// Returns `Ok(None)` when the file does not exist.
    pub fn load(path: &Path) -> Result<Option<Self>, KeyError> {
        let io = |source| KeyError::Io {
            path: path.to_path_buf(),
            source,
        };
        let metadata = match fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(io(err)),
        };
        let mode = metadata.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyError::Permissions {
                path: path.to_path_buf(),
                mode,
            });
        }
        let text = fs::read_to_string(path).map_err(io)?;
        let bytes = hex::decode(text.trim()).map_err(|_| KeyError::Malformed {
            path: path.to_path_buf(),
        })?;
        let key: [u8; KEY_LEN] = bytes.try_into().map_err(|_| KeyError::Malformed {
            path: path.to_path_buf(),
        })?;
        Ok(Some(Self { key }))
    }

    /// Generates a new key and writes it to `path` with mode 0600; never overwrites.
    pub fn create(path: &Path) -> Result<Self, KeyError> {
        let key = Self {
            key: random_bytes::<KEY_LEN>(),
        };
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(|source| KeyError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        writeln!(file, "{}", hex::encode(key.key))
            .and_then(|()| file.sync_all())
            .map_err(|source| KeyError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(key)
    }

    /// Seals `plaintext`; `context` names what it is (e.g. "smtp.password") and must be
    /// given again to open it, so a value cannot be moved to another field.
    pub fn encrypt(&self, plaintext: &[u8], context: &str) -> Vec<u8> {
        let cipher = XChaCha20Poly1305::new((&self.key).into());
        let nonce = random_bytes::<NONCE_LEN>();
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: context.as_bytes(),
                },
            )
            .unwrap_or_else(|_| unreachable!("XChaCha20-Poly1305 seals any value under 256 GiB"));
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(FORMAT_V1);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Opens a value sealed by [`InstanceKey::encrypt`] with the same `context`.
    pub fn decrypt(&self, sealed: &[u8], context: &str) -> Result<Vec<u8>, DecryptError> {
        let (&version, rest) = sealed.split_first().ok_or(DecryptError)?;
        if version != FORMAT_V1 || rest.len() < NONCE_LEN + 16 {
            return Err(DecryptError);
        }
        let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
        XChaCha20Poly1305::new((&self.key).into())
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| DecryptError)
    }

    /// A 256-bit key for one purpose, derived from the instance key.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        mac.update(b"kairos derive ");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

/// HMAC-SHA256 of `message` under `key`, hex encoded.
pub fn hmac_hex(key: &[u8], message: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_with_same_key_and_context() {
        let key = InstanceKey::from_bytes([7; 32]);
        let sealed = key.encrypt(b"smtp secret", "smtp.password");
        assert!(!sealed.windows(11).any(|w| w == b"smtp secret"));
        assert_eq!(
            key.decrypt(&sealed, "smtp.password").as_deref(),
            Ok(&b"smtp secret"[..])
        );
        assert_eq!(key.decrypt(&sealed, "oauth.token"), Err(DecryptError));
        let other = InstanceKey::from_bytes([8; 32]);
        assert_eq!(other.decrypt(&sealed, "smtp.password"), Err(DecryptError));
        let mut tampered = sealed.clone();
        if let Some(last) = tampered.last_mut() {
            *last ^= 1;
        }
        assert_eq!(key.decrypt(&tampered, "smtp.password"), Err(DecryptError));
        assert_eq!(key.decrypt(&[], "smtp.password"), Err(DecryptError));
    }

    #[test]
    fn the_same_value_seals_differently_each_time() {
        let key = InstanceKey::from_bytes([1; 32]);
        assert_ne!(key.encrypt(b"x", "c"), key.encrypt(b"x", "c"));
    }

    #[test]
    fn key_file_is_created_private_and_loaded_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kairos.key");
        let created = InstanceKey::create(&path).expect("key is created");
        let mode = fs::metadata(&path).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let loaded = InstanceKey::load(&path).expect("loads").expect("exists");
        assert_eq!(created.key, loaded.key);
        assert!(
            InstanceKey::create(&path).is_err(),
            "an existing key is never overwritten"
        );
    }

    #[test]
    fn a_key_readable_by_others_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kairos.key");
        InstanceKey::create(&path).expect("key is created");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
        let err = InstanceKey::load(&path).expect_err("refused");
        assert!(err.to_string().contains("chmod 600"), "{err}");
    }

    #[test]
    fn derived_keys_differ_by_purpose() {
        let key = InstanceKey::from_bytes([3; 32]);
        assert_ne!(key.derive("csrf"), key.derive("other"));
        assert_eq!(key.derive("csrf"), key.derive("csrf"));
    }
}
