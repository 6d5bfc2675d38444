//! Outbound HTTP to addresses people configure (webhooks, the SMS gateway), guarded
//! against server-side request forgery.
//!
//! [`check_target`] accepts only `http` and `https` URLs, resolves the host and refuses
//! every address that is loopback, unspecified, link-local, a cloud metadata endpoint,
//! multicast, broadcast or reserved; private ranges pass only when the administrator
//! allows them. The checked address is then pinned in the client [`client_for`] builds,
//! so a second DNS answer cannot send the request elsewhere (DNS rebinding). Redirects
//! are never followed, and every request has a time limit.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use reqwest::Url;

/// How long connecting may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a whole request (connect, send, answer) may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// How much of an answer's body is read (for showing what a gateway said).
const MAX_ANSWER_BYTES: usize = 4096;

/// Which addresses besides public ones may be reached.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    /// Private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7): the instance
    /// setting `allow_private_targets`.
    pub allow_private: bool,
    /// Loopback: the `outbound_allow_loopback` config key, for tests only.
    pub allow_loopback: bool,
}

impl Policy {
    /// The policy in force: the admin's setting and the config file's test switch.
    pub fn of(state: &crate::app::AppState) -> Self {
        Self {
            allow_private: state.settings().allow_private_targets,
            allow_loopback: state.config.outbound_allow_loopback,
        }
    }
}

/// Why an address is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Loopback,
    Unspecified,
    LinkLocal,
    CloudMetadata,
    Multicast,
    Broadcast,
    Reserved,
    /// Refused unless the administrator allows private network targets.
    Private,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Refusal::Loopback => "a loopback address",
            Refusal::Unspecified => "an unspecified address",
            Refusal::LinkLocal => "a link-local address",
            Refusal::CloudMetadata => "a cloud metadata address",
            Refusal::Multicast => "a multicast address",
            Refusal::Broadcast => "the broadcast address",
            Refusal::Reserved => "a reserved address",
            Refusal::Private => {
                "a private network address (an administrator can allow those in the instance settings)"
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("is not a valid URL")]
    InvalidUrl,
    #[error("must start with http:// or https:// (not {0}://)")]
    Scheme(String),
    #[error("must not contain a user name or password")]
    Credentials,
    #[error("has no host")]
    NoHost,
    #[error("has a host, {host}, that cannot be resolved: {reason}")]
    Resolve { host: String, reason: String },
    #[error(
        "points to {}, {refusal}; Kairos does not send there",
        where_to(host, address)
    )]
    Refused {
        host: String,
        address: IpAddr,
        refusal: Refusal,
    },
}

/// The host, and the address it resolved to when that differs: `localhost (::1)`.
fn where_to(host: &str, address: &IpAddr) -> String {
    if host.parse::<IpAddr>().is_ok_and(|ip| ip == *address) {
        host.to_string()
    } else {
        format!("{host} ({address})")
    }
}

/// A URL that passed the guard, with the address it must be reached at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub url: Url,
    /// The host as written in the URL (without brackets for IPv6).
    pub host: String,
    /// The checked address; requests go there and nowhere else.
    pub address: SocketAddr,
}

/// Why an address may not be reached under `policy`, or `None` when it may.
pub fn refusal(address: IpAddr, policy: Policy) -> Option<Refusal> {
    let found = match address {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => classify_v4(v4),
            None => classify_v6(v6),
        },
    }?;
    match found {
        Refusal::Private if policy.allow_private => None,
        Refusal::Loopback if policy.allow_loopback => None,
        other => Some(other),
    }
}

fn classify_v4(ip: Ipv4Addr) -> Option<Refusal> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b) {
        _ if ip == Ipv4Addr::new(169, 254, 169, 254) => Refusal::CloudMetadata,
        _ if ip == Ipv4Addr::new(100, 100, 100, 200) => Refusal::CloudMetadata,
        _ if ip.is_broadcast() => Refusal::Broadcast,
        (0, _) => Refusal::Unspecified,
        (127, _) => Refusal::Loopback,
        (169, 254) => Refusal::LinkLocal,
        (224..=239, _) => Refusal::Multicast,
        (240..=255, _) => Refusal::Reserved,
        (10, _) | (192, 168) => Refusal::Private,
        (172, 16..=31) => Refusal::Private,
        (100, 64..=127) => Refusal::Private,
        // The IETF protocol assignments block (192.0.0.0/24) holds more metadata-like
        // services (e.g. 192.0.0.192 on some clouds): never a receiver.
        (192, 0) if c == 0 => Refusal::Reserved,
        _ => return None,
    })
}

fn classify_v6(ip: Ipv6Addr) -> Option<Refusal> {
    let segments = ip.segments();
    Some(match segments[0] {
        _ if ip.is_unspecified() => Refusal::Unspecified,
        _ if ip.is_loopback() => Refusal::Loopback,
        _ if ip == Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254) => Refusal::CloudMetadata,
        first if first & 0xffc0 == 0xfe80 => Refusal::LinkLocal,
        first if first & 0xff00 == 0xff00 => Refusal::Multicast,
        first if first & 0xfe00 == 0xfc00 => Refusal::Private,
        // Deprecated site-local addresses: private in practice.
        first if first & 0xffc0 == 0xfec0 => Refusal::Private,
        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms reach an IPv4
        // address: judge that one.
        0 if segments[1..6] == [0; 5] => {
            return classify_v4(Ipv4Addr::from(embedded_v4(segments)));
        }
        0x64 if segments[1..6] == [0xff9b, 0, 0, 0, 0] => {
            return classify_v4(Ipv4Addr::from(embedded_v4(segments)));
        }
        _ => return None,
    })
}

fn embedded_v4(segments: [u16; 8]) -> [u8; 4] {
    let [a, b] = segments[6].to_be_bytes();
    let [c, d] = segments[7].to_be_bytes();
    [a, b, c, d]
}

/// Parses and checks the URL's form only: scheme, host, no credentials. No DNS.
pub fn parse_url(url: &str) -> Result<Url, TargetError> {
    let parsed = Url::parse(url.trim()).map_err(|_| TargetError::InvalidUrl)?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => return Err(TargetError::Scheme(other.to_string())),
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(TargetError::Credentials);
    }
    if parsed.host().is_none() {
        return Err(TargetError::NoHost);
    }
    Ok(parsed)
}

/// Checks that `url` may be called under `policy`: an http(s) URL whose host resolves
/// only to allowed addresses. Returns the address to pin.
pub async fn check_target(url: &str, policy: Policy) -> Result<Target, TargetError> {
    let url = parse_url(url)?;
    let port = url.port_or_known_default().ok_or(TargetError::NoHost)?;
    let written = url.host_str().ok_or(TargetError::NoHost)?;
    let bare = written.trim_start_matches('[').trim_end_matches(']');
    let (host, addresses) = match bare.parse::<IpAddr>() {
        Ok(ip) => (bare.to_string(), vec![ip]),
        Err(_) => {
            let name = bare.to_string();
            let resolved = tokio::time::timeout(
                CONNECT_TIMEOUT,
                tokio::net::lookup_host((name.as_str(), port)),
            )
            .await
            .map_err(|_| TargetError::Resolve {
                host: name.clone(),
                reason: "the lookup timed out".into(),
            })?
            .map_err(|err| TargetError::Resolve {
                host: name.clone(),
                reason: err.to_string(),
            })?;
            let mut addresses: Vec<IpAddr> = resolved.map(|socket| socket.ip()).collect();
            addresses.dedup();
            (name, addresses)
        }
    };
    if addresses.is_empty() {
        return Err(TargetError::Resolve {
            host,
            reason: "no addresses".into(),
        });
    }
    // Every address must pass: a host answering with one public and one internal address
    // could otherwise be steered to the internal one.
    for address in &addresses {
        if let Some(refusal) = refusal(*address, policy) {
            return Err(TargetError::Refused {
                host,
                address: *address,
                refusal,
            });
        }
    }
    Ok(Target {
        url,
        host,
        address: SocketAddr::new(addresses[0], port),
    })
}

/// A client that reaches `target` at its checked address only, follows no redirects and
/// gives up after [`REQUEST_TIMEOUT`].
pub fn client_for(target: &Target) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .resolve(&target.host, target.address)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .no_proxy()
        .user_agent(concat!("Kairos/", env!("CARGO_PKG_VERSION")))
        .build()
}

/// What a receiver answered, or why there was no answer, and how long it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    pub status: Option<u16>,
    /// The reason there was no answer, or the refusal; never the request's body.
    pub error: Option<String>,
    /// The start of the answer's body, for showing what a gateway said (at most 500 characters).
    pub answer: String,
    pub duration: Duration,
}

impl Exchange {
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|code| (200..300).contains(&code))
    }

    /// A short description for logs and job errors: the status or the error.
    pub fn summary(&self) -> String {
        match (&self.error, self.status) {
            (Some(error), _) => error.clone(),
            (None, Some(code)) => format!("the receiver answered HTTP {code}"),
            (None, None) => "no answer".into(),
        }
    }
}

/// A request to send through the guard.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub url: &'a str,
    pub content_type: &'a str,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Checks the target and POSTs the body there. Never fails: a refusal or a network error
/// is an [`Exchange`] without a status. Error texts leave out the URL (it can carry a
/// token) and the body.
pub async fn post(request: Request<'_>, policy: Policy) -> Exchange {
    let started = std::time::Instant::now();
    let finish = |status: Option<u16>, error: Option<String>, answer: String| Exchange {
        status,
        error,
        answer,
        duration: started.elapsed(),
    };
    let target = match check_target(request.url, policy).await {
        Ok(target) => target,
        Err(err) => return finish(None, Some(format!("the URL {err}")), String::new()),
    };
    let client = match client_for(&target) {
        Ok(client) => client,
        Err(err) => {
            return finish(None, Some(err.without_url().to_string()), String::new());
        }
    };
    let mut builder = client
        .post(target.url.clone())
        .header(reqwest::header::CONTENT_TYPE, request.content_type)
        .body(request.body);
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    match builder.send().await {
        Ok(mut response) => {
            let status = response.status().as_u16();
            // Only the start of the answer is read: a receiver cannot make Kairos hold a
            // large body in memory.
            let mut start = Vec::new();
            while start.len() < MAX_ANSWER_BYTES {
                match response.chunk().await {
                    Ok(Some(chunk)) => start.extend_from_slice(&chunk),
                    _ => break,
                }
            }
            let answer = String::from_utf8_lossy(&start).chars().take(500).collect();
            finish(Some(status), None, answer)
        }
        Err(err) => finish(None, Some(describe(&err)), String::new()),
    }
}

/// A network error in words, without the URL.
fn describe(err: &reqwest::Error) -> String {
    let kind = if err.is_timeout() {
        "timed out"
    } else if err.is_connect() {
        "could not connect"
    } else {
        "the request failed"
    };
    let mut detail = String::new();
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        detail = inner.to_string();
        source = inner.source();
    }
    if detail.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}: {detail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRICT: Policy = Policy {
        allow_private: false,
        allow_loopback: false,
    };

    fn refused(address: &str, policy: Policy) -> Option<Refusal> {
        refusal(
            address.parse().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
            policy,
        )
    }

    #[test]
    fn internal_addresses_are_refused_with_their_reason() {
        for (address, reason) in [
            ("127.0.0.1", Refusal::Loopback),
            ("127.8.9.10", Refusal::Loopback),
            ("::1", Refusal::Loopback),
            ("0.0.0.0", Refusal::Unspecified),
            ("::", Refusal::Unspecified),
            ("169.254.169.254", Refusal::CloudMetadata),
            ("fd00:ec2::254", Refusal::CloudMetadata),
            ("100.100.100.200", Refusal::CloudMetadata),
            ("169.254.1.2", Refusal::LinkLocal),
            ("fe80::1", Refusal::LinkLocal),
            ("224.0.0.1", Refusal::Multicast),
            ("ff02::1", Refusal::Multicast),
            ("255.255.255.255", Refusal::Broadcast),
            ("240.0.0.1", Refusal::Reserved),
            ("10.0.0.1", Refusal::Private),
            ("172.16.0.1", Refusal::Private),
            ("172.31.255.255", Refusal::Private),
            ("192.168.1.1", Refusal::Private),
            ("100.64.0.1", Refusal::Private),
            ("fc00::1", Refusal::Private),
            ("fd12:3456::1", Refusal::Private),
            // IPv4-mapped, IPv4-compatible and NAT64 forms are judged as IPv4.
            ("::ffff:127.0.0.1", Refusal::Loopback),
            ("::ffff:169.254.169.254", Refusal::CloudMetadata),
            ("::ffff:10.1.2.3", Refusal::Private),
            ("::127.0.0.1", Refusal::Loopback),
            ("64:ff9b::a9fe:a9fe", Refusal::CloudMetadata),
        ] {
            assert_eq!(refused(address, STRICT), Some(reason), "{address}");
        }
    }

    #[test]
    fn public_addresses_pass() {
        for address in [
            "93.184.215.14",
            "172.32.0.1",
            "100.128.0.1",
            "8.8.8.8",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
            "::ffff:93.184.215.14",
        ] {
            assert_eq!(refused(address, STRICT), None, "{address}");
        }
    }

    #[test]
    fn the_settings_open_private_ranges_and_loopback_but_never_metadata() {
        let private = Policy {
            allow_private: true,
            allow_loopback: false,
        };
        assert_eq!(refused("10.0.0.1", private), None);
        assert_eq!(refused("fd12::1", private), None);
        assert_eq!(refused("127.0.0.1", private), Some(Refusal::Loopback));
        assert_eq!(
            refused("fd00:ec2::254", private),
            Some(Refusal::CloudMetadata)
        );
        assert_eq!(
            refused("100.100.100.200", private),
            Some(Refusal::CloudMetadata)
        );
        let loopback = Policy {
            allow_private: false,
            allow_loopback: true,
        };
        assert_eq!(refused("127.0.0.1", loopback), None);
        assert_eq!(refused("::1", loopback), None);
        assert_eq!(refused("10.0.0.1", loopback), Some(Refusal::Private));
        assert_eq!(
            refused("169.254.169.254", loopback),
            Some(Refusal::CloudMetadata)
        );
    }

    #[tokio::test]
    async fn only_http_urls_with_allowed_hosts_pass() {
        for (url, expected) in [
            (
                "file:///etc/passwd",
                "must start with http:// or https:// (not file://)",
            ),
            (
                "ftp://example.org/x",
                "must start with http:// or https:// (not ftp://)",
            ),
            ("not a url", "is not a valid URL"),
            (
                "http://user:pw@example.org/",
                "must not contain a user name or password",
            ),
        ] {
            let err = check_target(url, STRICT).await.err().map(|e| e.to_string());
            assert_eq!(err.as_deref(), Some(expected), "{url}");
        }
        for (url, reason) in [
            ("http://127.0.0.1:9/hook", Refusal::Loopback),
            ("http://[::1]/hook", Refusal::Loopback),
            (
                "http://169.254.169.254/latest/meta-data",
                Refusal::CloudMetadata,
            ),
            ("https://10.0.0.1/hook", Refusal::Private),
            ("http://localhost:8080/hook", Refusal::Loopback),
            ("http://[::ffff:7f00:1]/hook", Refusal::Loopback),
            // Numeric IPv4 spellings are normalized by the URL parser, then judged.
            ("http://2130706433/hook", Refusal::Loopback),
            ("http://0x7f.1/hook", Refusal::Loopback),
            ("http://127.1/hook", Refusal::Loopback),
        ] {
            match check_target(url, STRICT).await {
                Err(TargetError::Refused { refusal, .. }) => assert_eq!(refusal, reason, "{url}"),
                other => panic!("{url}: {other:?}"),
            }
        }
        let refused = check_target("http://169.254.169.254/x", STRICT).await;
        assert_eq!(
            refused.err().map(|e| e.to_string()).as_deref(),
            Some("points to 169.254.169.254, a cloud metadata address; Kairos does not send there")
        );
        let refused = check_target("http://localhost/x", STRICT).await;
        assert!(
            refused
                .err()
                .is_some_and(|e| e.to_string().starts_with("points to localhost (")),
        );
        let target = check_target(
            "https://10.0.0.1/hook",
            Policy {
                allow_private: true,
                allow_loopback: false,
            },
        )
        .await;
        assert_eq!(
            target.map(|t| t.address),
            Ok(SocketAddr::from(([10, 0, 0, 1], 443)))
        );
    }
}
