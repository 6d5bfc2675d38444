//! Serving HTTPS: the certificate and key from PEM files, re-read on SIGHUP without
//! dropping the listener, and the listener that completes TLS handshakes.
//!
//! One TLS provider everywhere: rustls with aws-lc-rs, as the outbound clients use.

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// A client has this long to finish its TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections whose handshake finished, waiting for the HTTP server to take them.
const ACCEPTED_BACKLOG: usize = 128;

/// Why a certificate or key cannot be used; every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read the TLS certificate {path}: {source}")]
    ReadCertificate { path: PathBuf, source: io::Error },
    #[error("cannot read the TLS key {path}: {source}")]
    ReadKey { path: PathBuf, source: io::Error },
    #[error("the TLS certificate {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)")]
    NoCertificate { path: PathBuf },
    #[error("the TLS certificate {path} is not valid PEM: {reason}")]
    BadCertificate { path: PathBuf, reason: String },
    #[error("the TLS key {path} holds no PEM private key (PKCS#8, PKCS#1 or SEC1)")]
    NoKey { path: PathBuf },
    #[error("the TLS key {path} cannot be used: {reason}")]
    BadKey { path: PathBuf, reason: String },
    #[error("the TLS provider cannot be set up: {0}")]
    Provider(String),
    #[error("the TLS key {key} does not belong to the certificate {certificate}")]
    Mismatch { certificate: PathBuf, key: PathBuf },
}

/// Where the certificate chain and its private key are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub certificate: PathBuf,
    pub key: PathBuf,
}

impl TlsFiles {
    /// Reads both files and checks that the key belongs to the first certificate.
    pub fn load(&self) -> Result<CertifiedKey, TlsError> {
        let chain = read_certificates(&self.certificate)?;
        let key = read_key(&self.key)?;
        let provider = rustls::crypto::aws_lc_rs::default_provider();
        let signing_key =
            provider
                .key_provider
                .load_private_key(key)
                .map_err(|err| TlsError::BadKey {
                    path: self.key.clone(),
                    reason: err.to_string(),
                })?;
        let certified = CertifiedKey::new(chain, signing_key);
        match certified.keys_match() {
            Ok(()) => Ok(certified),
            Err(rustls::Error::InconsistentKeys(rustls::InconsistentKeys::KeyMismatch)) => {
                Err(TlsError::Mismatch {
                    certificate: self.certificate.clone(),
                    key: self.key.clone(),
                })
            }
            Err(err) => Err(TlsError::BadCertificate {
                path: self.certificate.clone(),
                reason: err.to_string(),
            }),
        }
    }
}

/// The certificates in a PEM file, the server's own first.
pub fn read_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let pem = std::fs::read(path).map_err(|source| TlsError::ReadCertificate {
        path: path.to_path_buf(),
        source,
    })?;
    let chain = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| TlsError::BadCertificate {
            path: path.to_path_buf(),
            reason: err.to_string(),
        })?;
    if chain.is_empty() {
        return Err(TlsError::NoCertificate {
            path: path.to_path_buf(),
        });
    }
    Ok(chain)
}

fn read_key(path: &Path) -> Result<PrivateKeyDer<'static>, TlsError> {
    let pem = std::fs::read(path).map_err(|source| TlsError::ReadKey {
        path: path.to_path_buf(),
        source,
    })?;
    PrivateKeyDer::from_pem_slice(&pem).map_err(|err| match err {
        rustls::pki_types::pem::Error::NoItemsFound => TlsError::NoKey {
            path: path.to_path_buf(),
        },
        other => TlsError::BadKey {
            path: path.to_path_buf(),
            reason: other.to_string(),
        },
    })
}

/// The certificate the server presents, replaceable while connections are being served.
#[derive(Debug)]
pub struct ReloadableCertificate {
    files: TlsFiles,
    current: RwLock<Arc<CertifiedKey>>,
}

impl ReloadableCertificate {
    /// Loads the files once; a problem here stops startup.
    pub fn load(files: TlsFiles) -> Result<Self, TlsError> {
        let current = RwLock::new(Arc::new(files.load()?));
        Ok(Self { files, current })
    }

    /// Reads the files again. On success new handshakes use the new certificate; on
    /// failure the old one stays and the error says why.
    pub fn reload(&self) -> Result<(), TlsError> {
        let fresh = Arc::new(self.files.load()?);
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = fresh;
        Ok(())
    }

    fn current(&self) -> Arc<CertifiedKey> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// When the certificate being served expires.
    pub fn not_after(&self) -> Option<DateTime<Utc>> {
        self.current()
            .cert
            .first()
            .and_then(|cert| not_after(cert.as_ref()))
    }

    /// The TLS configuration of the server: TLS 1.2 and 1.3, HTTP/2 and HTTP/1.1, this
    /// certificate.
    pub fn server_config(self: &Arc<Self>) -> Result<rustls::ServerConfig, TlsError> {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|err| TlsError::Provider(err.to_string()))?
            .with_no_client_auth()
            .with_cert_resolver(self.clone());
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(config)
    }
}

impl ResolvesServerCert for ReloadableCertificate {
    fn resolve(&self, _client_hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.current())
    }
}

/// A listener that hands the HTTP server only connections whose TLS handshake finished.
/// Handshakes run concurrently, each with a time limit, so a slow client holds up no one.
pub struct TlsListener {
    accepted: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    local_addr: SocketAddr,
    acceptor: JoinHandle<()>,
}

impl TlsListener {
    pub fn new(listener: TcpListener, config: rustls::ServerConfig) -> io::Result<Self> {
        let local_addr = listener.local_addr()?;
        let tls = TlsAcceptor::from(Arc::new(config));
        let (sender, accepted) = mpsc::channel(ACCEPTED_BACKLOG);
        let acceptor = tokio::spawn(async move {
            loop {
                let (stream, peer) = match listener.accept().await {
                    Ok(connection) => connection,
                    Err(err) => {
                        tracing::warn!(error = %err, "cannot accept a connection");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let (tls, sender) = (tls.clone(), sender.clone());
                tokio::spawn(async move {
                    match tokio::time::timeout(HANDSHAKE_TIMEOUT, tls.accept(stream)).await {
                        Ok(Ok(stream)) => {
                            let _ = sender.send((stream, peer)).await;
                        }
                        Ok(Err(err)) => {
                            tracing::debug!(error = %err, "TLS handshake failed");
                        }
                        Err(_) => tracing::debug!("TLS handshake timed out"),
                    }
                });
            }
        });
        Ok(Self {
            accepted,
            local_addr,
            acceptor,
        })
    }
}

impl Drop for TlsListener {
    fn drop(&mut self) {
        self.acceptor.abort();
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.accepted.recv().await {
            Some(connection) => connection,
            // The accepting task ended (it only does when aborted): accept nothing more.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(self.local_addr)
    }
}

/// The end of a DER certificate's validity (`notAfter`), read without a full X.509 parser:
/// `Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL,
/// serialNumber, signature, issuer, validity SEQUENCE { notBefore, notAfter }, … } … }`.
pub fn not_after(der: &[u8]) -> Option<DateTime<Utc>> {
    let (_, certificate, _) = der_element(der)?;
    let (_, mut tbs, _) = der_element(certificate)?;
    let (tag, _, rest) = der_element(tbs)?;
    if tag == 0xa0 {
        tbs = rest; // the explicit version
    }
    for _ in 0..3 {
        // serial number, signature algorithm, issuer
        tbs = der_element(tbs)?.2;
    }
    let (_, validity, _) = der_element(tbs)?;
    let after_not_before = der_element(validity)?.2;
    let (tag, time, _) = der_element(after_not_before)?;
    let text = std::str::from_utf8(time).ok()?;
    let full = match tag {
        // UTCTime: YYMMDDHHMMSSZ, years 1950–2049
        0x17 => {
            let year: u32 = text.get(..2)?.parse().ok()?;
            let century = if year >= 50 { "19" } else { "20" };
            format!("{century}{text}")
        }
        // GeneralizedTime: YYYYMMDDHHMMSSZ
        0x18 => text.to_string(),
        _ => return None,
    };
    chrono::NaiveDateTime::parse_from_str(full.trim_end_matches('Z'), "%Y%m%d%H%M%S")
        .ok()
        .map(|naive| naive.and_utc())
}

/// One DER element: its tag, its contents and what follows it.
fn der_element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (length, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let length = rest[..count]
            .iter()
            .fold(0usize, |acc, byte| (acc << 8) | usize::from(*byte));
        (length, &rest[count..])
    };
    if rest.len() < length {
        return None;
    }
    Some((tag, &rest[..length], &rest[length..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn self_signed(dir: &Path, name: &str, days: i64) -> TlsFiles {
        let mut params =
            rcgen::CertificateParams::new(vec!["localhost".to_string()]).expect("params");
        let ymd = |at: DateTime<Utc>| {
            use chrono::Datelike;
            rcgen::date_time_ymd(at.year(), at.month() as u8, at.day() as u8)
        };
        params.not_before = ymd(Utc::now() - chrono::Duration::days(1));
        params.not_after = ymd(Utc::now() + chrono::Duration::days(days));
        let key = rcgen::KeyPair::generate().expect("key");
        let cert = params.self_signed(&key).expect("certificate");
        let files = TlsFiles {
            certificate: dir.join(format!("{name}.crt")),
            key: dir.join(format!("{name}.key")),
        };
        std::fs::write(&files.certificate, cert.pem()).expect("write certificate");
        std::fs::write(&files.key, key.serialize_pem()).expect("write key");
        files
    }

    #[test]
    fn loads_a_matching_pair_and_reads_its_expiry() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = self_signed(dir.path(), "a", 30);
        let certified = files.load().expect("loads");
        let expires = not_after(certified.cert[0].as_ref()).expect("notAfter");
        let days = (expires - Utc::now()).num_days();
        assert!((29..=30).contains(&days), "{days}");
    }

    #[test]
    fn errors_name_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = self_signed(dir.path(), "a", 30);
        let b = self_signed(dir.path(), "b", 30);
        let mixed = TlsFiles {
            certificate: a.certificate.clone(),
            key: b.key.clone(),
        };
        let err = mixed.load().expect_err("mismatch");
        assert!(err.to_string().contains("does not belong"), "{err}");
        assert!(err.to_string().contains("b.key"), "{err}");

        let missing = TlsFiles {
            certificate: dir.path().join("nope.crt"),
            key: a.key.clone(),
        };
        let err = missing.load().expect_err("missing");
        assert!(err.to_string().contains("nope.crt"), "{err}");

        let swapped = TlsFiles {
            certificate: a.key.clone(),
            key: a.certificate.clone(),
        };
        let err = swapped.load().expect_err("a key is not a certificate");
        assert!(err.to_string().contains("a.key"), "{err}");
    }

    #[test]
    fn a_bad_new_file_keeps_the_old_certificate() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = self_signed(dir.path(), "a", 30);
        let reloadable = ReloadableCertificate::load(files.clone()).expect("loads");
        let before = reloadable.current().cert[0].clone();
        std::fs::write(&files.certificate, "not a certificate").expect("write");
        assert!(reloadable.reload().is_err());
        assert_eq!(reloadable.current().cert[0], before);
    }
}
