//! Outbound connections to hosts people configure (webhooks, the SMS gateway, the
//! single sign-on provider, the mail server), guarded against server-side request forgery.
//!
//! [`check_host`] resolves a host and refuses it unless every address it resolves to is
//! allowed: no special-purpose address that is not globally reachable (see [`refusal`]
//! for the exact list), private ranges only when the administrator allows them, loopback
//! only with the configuration's test switch. [`check_target`] does the same for `http`
//! and `https` URLs. The checked address is then pinned — in the HTTP client
//! [`client_for`] builds, and by the mail sender, which connects to that address — so a
//! second DNS answer cannot send the connection elsewhere (DNS rebinding). Redirects are
//! never followed, and every request has a time limit.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use reqwest::Url;

use crate::model::error::Reason;
use crate::reason;

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
    /// Loopback: the `outbound_allow_loopback` config key (for tests); for the servers only
    /// administrators set up, also the `allow_private_targets` setting.
    pub allow_loopback: bool,
}

impl Policy {
    /// The policy for receivers any member can name (webhooks): the admin's setting for
    /// private networks, loopback only with the config file's test switch.
    pub fn for_members(allow_private_targets: bool, test_loopback: bool) -> Self {
        Self {
            allow_private: allow_private_targets,
            allow_loopback: test_loopback,
        }
    }

    /// The policy for servers only administrators set up (the mail server, the SMS gateway,
    /// the single sign-on provider): allowing on-premise servers allows this machine's own
    /// too, since a mail relay or provider listening on localhost is a usual set-up.
    pub fn for_admin_servers(allow_private_targets: bool, test_loopback: bool) -> Self {
        Self {
            allow_private: allow_private_targets,
            allow_loopback: test_loopback || allow_private_targets,
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
    /// Documentation examples (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32,
    /// 3fff::/20): never a real receiver.
    Documentation,
    /// Benchmarking networks (198.18/15, 2001:2::/48); also what fake-IP DNS proxies hand out.
    Benchmarking,
    /// Any other special-purpose or unallocated block.
    Reserved,
    /// An IPv6 form that carries an IPv4 address but does not simply stand for it (see
    /// [`Wrapper`]): refused whatever the IPv4 address is.
    Wrapped {
        form: Wrapper,
        ipv4: Ipv4Addr,
    },
    /// Refused unless the administrator allows private network targets.
    Private,
}

/// The IPv6 forms that wrap an IPv4 address and are refused wholesale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrapper {
    /// `::a.b.c.d` (deprecated by RFC 4291).
    Ipv4Compatible,
    /// `::ffff:0:a.b.c.d` (RFC 2765, for stateless translators).
    Ipv4Translated,
    /// `2002:AABB:CCDD::/48` (RFC 3056; the relays' anycast prefix is deprecated).
    SixToFour,
    /// `2001:0::/32` (RFC 4380): the client's address is the last 32 bits inverted.
    Teredo,
}

impl Refusal {
    /// What kind of address it is, as a catalogue message.
    pub fn reason(self) -> Reason {
        let (refusal, wrapper, ipv4) = self.kind();
        reason!(
            "outbound-refusal",
            refusal = refusal,
            wrapper = wrapper,
            ipv4 = ipv4
        )
    }

    /// The names `outbound-refusal` chooses its words by: the kind of address, and for a
    /// wrapping IPv6 form its kind and the wrapped IPv4 address (else empty).
    fn kind(self) -> (&'static str, &'static str, String) {
        let kind = match self {
            Refusal::Loopback => "loopback",
            Refusal::Unspecified => "unspecified",
            Refusal::LinkLocal => "link-local",
            Refusal::CloudMetadata => "cloud-metadata",
            Refusal::Multicast => "multicast",
            Refusal::Broadcast => "broadcast",
            Refusal::Documentation => "documentation",
            Refusal::Benchmarking => "benchmarking",
            Refusal::Reserved => "reserved",
            Refusal::Private => "private",
            Refusal::Wrapped { form, ipv4 } => {
                let form = match form {
                    Wrapper::Ipv4Compatible => "ipv4-compatible",
                    Wrapper::Ipv4Translated => "ipv4-translated",
                    Wrapper::SixToFour => "six-to-four",
                    Wrapper::Teredo => "teredo",
                };
                return ("wrapped", form, ipv4.to_string());
            }
        };
        (kind, "", String::new())
    }
}

/// In English, for logs and tests.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason().fmt(f)
    }
}

/// Why a URL or host is refused. The messages complete a sentence that starts with the
/// field's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    InvalidUrl,
    Scheme(String),
    Credentials,
    NoHost,
    Resolve {
        host: String,
        reason: String,
    },
    Refused {
        host: String,
        address: IpAddr,
        refusal: Refusal,
    },
}

impl TargetError {
    /// Why, as a catalogue message: forms write it in their reader's language.
    pub fn reason(&self) -> Reason {
        match self {
            TargetError::InvalidUrl => reason!("outbound-invalid-url"),
            TargetError::Scheme(scheme) => reason!("outbound-scheme", scheme = scheme.as_str()),
            TargetError::Credentials => reason!("outbound-credentials"),
            TargetError::NoHost => reason!("outbound-no-host"),
            TargetError::Resolve { host, reason } => reason!(
                "outbound-unresolved",
                host = host.as_str(),
                error = reason.as_str()
            ),
            TargetError::Refused {
                host,
                address,
                refusal,
            } => {
                let (refusal, wrapper, ipv4) = refusal.kind();
                reason!(
                    "outbound-refused",
                    target = where_to(host, address),
                    refusal = refusal,
                    wrapper = wrapper,
                    ipv4 = ipv4
                )
            }
        }
    }
}

/// In English, for logs, job failures and the places that show it as it is.
impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason().fmt(f)
    }
}

impl std::error::Error for TargetError {}

/// The host, and the address it resolved to when that differs: `localhost (::1)`.
fn where_to(host: &str, address: &IpAddr) -> String {
    if host.parse::<IpAddr>().is_ok_and(|ip| ip == *address) {
        host.to_string()
    } else {
        format!("{host} ({address})")
    }
}

/// A host (and port) that passed the guard, with the address it must be reached at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// The host as written (without brackets for IPv6): what TLS certificates are
    /// checked against.
    pub host: String,
    /// The checked address; connections go there and nowhere else.
    pub address: SocketAddr,
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
///
/// Every block of the IANA IPv4 and IPv6 Special-Purpose Address Registries that is not
/// globally reachable is refused, and so is all IPv6 space outside 2000::/3 that is not
/// named below (IANA allocates unicast only from there). A few globally reachable
/// anycast services inside 192.0.0.0/24, 192.88.99.0/24 and 2001::/23 are refused with
/// their blocks: none of them is a webhook receiver, a mail server or an identity
/// provider.
///
/// IPv6 forms wrapping an IPv4 address:
/// - IPv4-mapped (`::ffff:a.b.c.d`) and the well-known NAT64 prefix (`64:ff9b::a.b.c.d`)
///   stand for the IPv4 address (the kernel or the site's translator sends there), so
///   they are judged exactly as that address;
/// - IPv4-compatible (`::a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`), 6to4
///   (`2002:AABB:CCDD::`) and Teredo (`2001:0::`, the client address inverted in the
///   last 32 bits) are refused wholesale, even when the address they wrap is public:
///   they are deprecated or tunnel through relays Kairos does not control, and no
///   receiver needs them. The refusal names the wrapped address. The local-use NAT64
///   prefix 64:ff9b:1::/48 is refused as reserved.
///
/// Only the private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) open with
/// [`Policy::allow_private`], and loopback with [`Policy::allow_loopback`]; the same
/// addresses inside a wrapper that is refused wholesale stay refused.
pub fn refusal(address: IpAddr, policy: Policy) -> Option<Refusal> {
    let found = match address {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }?;
    match found {
        Refusal::Private if policy.allow_private => None,
        Refusal::Loopback if policy.allow_loopback => None,
        other => Some(other),
    }
}

/// IPv4 blocks that are refused, the most specific first (the first match decides).
const V4_BLOCKS: [(Ipv4Addr, u8, Refusal); 18] = [
    (
        Ipv4Addr::new(169, 254, 169, 254),
        32,
        Refusal::CloudMetadata,
    ),
    (
        Ipv4Addr::new(100, 100, 100, 200),
        32,
        Refusal::CloudMetadata,
    ),
    (Ipv4Addr::BROADCAST, 32, Refusal::Broadcast),
    // "This network"; 0.0.0.0/32 "this host".
    (Ipv4Addr::new(0, 0, 0, 0), 8, Refusal::Unspecified),
    (Ipv4Addr::new(10, 0, 0, 0), 8, Refusal::Private),
    // Shared address space (carrier-grade NAT).
    (Ipv4Addr::new(100, 64, 0, 0), 10, Refusal::Private),
    (Ipv4Addr::new(127, 0, 0, 0), 8, Refusal::Loopback),
    (Ipv4Addr::new(169, 254, 0, 0), 16, Refusal::LinkLocal),
    (Ipv4Addr::new(172, 16, 0, 0), 12, Refusal::Private),
    // IETF protocol assignments: DS-Lite, the dummy address, NAT64 discovery, and
    // metadata-like services on some clouds (192.0.0.192).
    (Ipv4Addr::new(192, 0, 0, 0), 24, Refusal::Reserved),
    (Ipv4Addr::new(192, 0, 2, 0), 24, Refusal::Documentation),
    // The deprecated 6to4 relay anycast block.
    (Ipv4Addr::new(192, 88, 99, 0), 24, Refusal::Reserved),
    (Ipv4Addr::new(192, 168, 0, 0), 16, Refusal::Private),
    (Ipv4Addr::new(198, 18, 0, 0), 15, Refusal::Benchmarking),
    (Ipv4Addr::new(198, 51, 100, 0), 24, Refusal::Documentation),
    (Ipv4Addr::new(203, 0, 113, 0), 24, Refusal::Documentation),
    (Ipv4Addr::new(224, 0, 0, 0), 4, Refusal::Multicast),
    (Ipv4Addr::new(240, 0, 0, 0), 4, Refusal::Reserved),
];

/// IPv6 blocks that are refused, the most specific first (the first match decides).
/// The forms wrapping IPv4 addresses are handled before these.
const V6_BLOCKS: [(Ipv6Addr, u8, Refusal); 14] = [
    (Ipv6Addr::UNSPECIFIED, 128, Refusal::Unspecified),
    (Ipv6Addr::LOCALHOST, 128, Refusal::Loopback),
    (
        Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254),
        128,
        Refusal::CloudMetadata,
    ),
    // Local-use IPv4/IPv6 translation (RFC 8215).
    (
        Ipv6Addr::new(0x64, 0xff9b, 1, 0, 0, 0, 0, 0),
        48,
        Refusal::Reserved,
    ),
    // Discard-only (RFC 6666).
    (
        Ipv6Addr::new(0x100, 0, 0, 0, 0, 0, 0, 0),
        64,
        Refusal::Reserved,
    ),
    (
        Ipv6Addr::new(0x2001, 2, 0, 0, 0, 0, 0, 0),
        48,
        Refusal::Benchmarking,
    ),
    (
        Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0),
        32,
        Refusal::Documentation,
    ),
    // IETF protocol assignments (ORCHID, AMT, anycast services, …).
    (
        Ipv6Addr::new(0x2001, 0, 0, 0, 0, 0, 0, 0),
        23,
        Refusal::Reserved,
    ),
    (
        Ipv6Addr::new(0x3fff, 0, 0, 0, 0, 0, 0, 0),
        20,
        Refusal::Documentation,
    ),
    // Segment routing (SRv6) SIDs.
    (
        Ipv6Addr::new(0x5f00, 0, 0, 0, 0, 0, 0, 0),
        16,
        Refusal::Reserved,
    ),
    // Unique local addresses.
    (
        Ipv6Addr::new(0xfc00, 0, 0, 0, 0, 0, 0, 0),
        7,
        Refusal::Private,
    ),
    (
        Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0),
        10,
        Refusal::LinkLocal,
    ),
    // Deprecated site-local addresses (RFC 3879).
    (
        Ipv6Addr::new(0xfec0, 0, 0, 0, 0, 0, 0, 0),
        10,
        Refusal::Reserved,
    ),
    (
        Ipv6Addr::new(0xff00, 0, 0, 0, 0, 0, 0, 0),
        8,
        Refusal::Multicast,
    ),
];

fn classify_v4(ip: Ipv4Addr) -> Option<Refusal> {
    let bits = u32::from(ip);
    V4_BLOCKS.iter().find_map(|(network, length, refusal)| {
        let mask = u32::MAX.checked_shl(32 - u32::from(*length)).unwrap_or(0);
        (bits & mask == u32::from(*network)).then_some(*refusal)
    })
}

fn classify_v6(ip: Ipv6Addr) -> Option<Refusal> {
    // Forms that stand for their IPv4 address: judged as that address.
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    let bits = u128::from(ip);
    let low_v4 = Ipv4Addr::from(bits as u32);
    if bits >> 32 == 0x0064_ff9b_0000_0000_0000_0000 {
        return classify_v4(low_v4);
    }
    // Forms refused whatever they wrap.
    let wrapped = |form| Some(Refusal::Wrapped { form, ipv4: low_v4 });
    if bits >> 32 == 0 && bits > 1 {
        return wrapped(Wrapper::Ipv4Compatible);
    }
    if bits >> 32 == 0xffff_0000 {
        return wrapped(Wrapper::Ipv4Translated);
    }
    if bits >> 112 == 0x2002 {
        let ipv4 = Ipv4Addr::from((bits >> 80) as u32);
        return Some(Refusal::Wrapped {
            form: Wrapper::SixToFour,
            ipv4,
        });
    }
    if bits >> 96 == 0x2001_0000 {
        return Some(Refusal::Wrapped {
            form: Wrapper::Teredo,
            ipv4: Ipv4Addr::from(!(bits as u32)),
        });
    }
    let listed = V6_BLOCKS.iter().find_map(|(network, length, refusal)| {
        let mask = u128::MAX.checked_shl(128 - u32::from(*length)).unwrap_or(0);
        (bits & mask == u128::from(*network)).then_some(*refusal)
    });
    // Everything else outside global unicast (2000::/3) is unallocated.
    listed.or_else(|| (bits >> 125 != 0b001).then_some(Refusal::Reserved))
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
    let Destination { host, address } = check_host(written, port, policy).await?;
    Ok(Target { url, host, address })
}

/// Checks that `host` (a name or an IP address, IPv6 with or without brackets) may be
/// reached on `port` under `policy`: it resolves, and only to allowed addresses. Returns
/// the address to pin, for protocols other than HTTP (SMTP).
pub async fn check_host(host: &str, port: u16, policy: Policy) -> Result<Destination, TargetError> {
    let bare = host
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    if bare.is_empty() {
        return Err(TargetError::NoHost);
    }
    let addresses = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => {
            let resolved = tokio::time::timeout(
                CONNECT_TIMEOUT,
                tokio::net::lookup_host((bare.as_str(), port)),
            )
            .await
            .map_err(|_| TargetError::Resolve {
                host: bare.clone(),
                reason: "the lookup timed out".into(),
            })?
            .map_err(|err| TargetError::Resolve {
                host: bare.clone(),
                reason: err.to_string(),
            })?;
            let mut addresses: Vec<IpAddr> = resolved.map(|socket| socket.ip()).collect();
            addresses.dedup();
            addresses
        }
    };
    let Some(first) = addresses.first().copied() else {
        return Err(TargetError::Resolve {
            host: bare,
            reason: "no addresses".into(),
        });
    };
    // Every address must pass: a host answering with one public and one internal address
    // could otherwise be steered to the internal one.
    for address in &addresses {
        if let Some(refusal) = refusal(*address, policy) {
            return Err(TargetError::Refused {
                host: bare,
                address: *address,
                refusal,
            });
        }
    }
    Ok(Destination {
        host: bare,
        address: SocketAddr::new(first, port),
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
pub(crate) fn describe(err: &reqwest::Error) -> String {
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

    fn wrapped(form: Wrapper, ipv4: [u8; 4]) -> Refusal {
        Refusal::Wrapped {
            form,
            ipv4: Ipv4Addr::from(ipv4),
        }
    }

    /// Every refused block of the IANA special-purpose registries (and the rest of the
    /// unallocated IPv6 space), with sample addresses at its edges and what the
    /// administrator is told.
    #[test]
    fn every_special_purpose_block_is_refused_with_its_reason() {
        use Refusal::*;
        use Wrapper::*;
        #[rustfmt::skip]
        let table: &[(&str, &[&str], Refusal)] = &[
            // IPv4 special-purpose registry.
            ("0.0.0.0/8 this network", &["0.0.0.0", "0.1.2.3", "0.255.255.255"], Unspecified),
            ("10.0.0.0/8 private", &["10.0.0.0", "10.1.2.3", "10.255.255.255"], Private),
            ("100.64.0.0/10 shared", &["100.64.0.1", "100.127.255.254"], Private),
            ("127.0.0.0/8 loopback", &["127.0.0.1", "127.8.9.10", "127.255.255.255"], Loopback),
            ("169.254.0.0/16 link-local", &["169.254.0.1", "169.254.1.2", "169.254.255.254"], LinkLocal),
            ("169.254.169.254 metadata", &["169.254.169.254"], CloudMetadata),
            ("100.100.100.200 metadata", &["100.100.100.200"], CloudMetadata),
            ("172.16.0.0/12 private", &["172.16.0.1", "172.20.3.4", "172.31.255.255"], Private),
            ("192.0.0.0/24 IETF assignments", &["192.0.0.0", "192.0.0.8", "192.0.0.170", "192.0.0.192", "192.0.0.255"], Reserved),
            ("192.0.2.0/24 TEST-NET-1", &["192.0.2.0", "192.0.2.1", "192.0.2.255"], Documentation),
            ("192.88.99.0/24 6to4 relay anycast", &["192.88.99.0", "192.88.99.1", "192.88.99.255"], Reserved),
            ("192.168.0.0/16 private", &["192.168.0.1", "192.168.255.255"], Private),
            ("198.18.0.0/15 benchmarking", &["198.18.0.0", "198.18.0.1", "198.19.255.255"], Benchmarking),
            ("198.51.100.0/24 TEST-NET-2", &["198.51.100.0", "198.51.100.7", "198.51.100.255"], Documentation),
            ("203.0.113.0/24 TEST-NET-3", &["203.0.113.0", "203.0.113.9", "203.0.113.255"], Documentation),
            ("224.0.0.0/4 multicast", &["224.0.0.1", "239.255.255.255"], Multicast),
            ("240.0.0.0/4 reserved", &["240.0.0.1", "255.255.255.254"], Reserved),
            ("255.255.255.255 broadcast", &["255.255.255.255"], Broadcast),
            // IPv6 special-purpose registry.
            ("::/128 unspecified", &["::"], Unspecified),
            ("::1/128 loopback", &["::1"], Loopback),
            ("fd00:ec2::254 metadata", &["fd00:ec2::254"], CloudMetadata),
            ("64:ff9b:1::/48 local-use translation", &["64:ff9b:1::1", "64:ff9b:1::808:808", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff"], Reserved),
            ("100::/64 discard-only", &["100::", "100::1", "100::ffff:ffff:ffff:ffff"], Reserved),
            ("100:0:0:1::/64 dummy prefix", &["100:0:0:1::1"], Reserved),
            ("2001::/23 IETF assignments", &["2001:1::1", "2001:3::1", "2001:4:112::1", "2001:10::1", "2001:20::1", "2001:1ff:ffff::1"], Reserved),
            ("2001:2::/48 benchmarking", &["2001:2::1", "2001:2:0:ffff::1"], Benchmarking),
            ("2001:db8::/32 documentation", &["2001:db8::", "2001:db8::1", "2001:db8:ffff:ffff::1"], Documentation),
            ("3fff::/20 documentation", &["3fff::1", "3fff:fff:ffff::1"], Documentation),
            ("5f00::/16 SRv6 SIDs", &["5f00::1", "5f00:ffff::1"], Reserved),
            ("fc00::/7 unique local", &["fc00::1", "fd12:3456::1", "fdff:ffff::1"], Private),
            ("fe80::/10 link-local", &["fe80::1", "febf:ffff::1"], LinkLocal),
            ("fec0::/10 site-local", &["fec0::1", "feff:ffff::1"], Reserved),
            ("ff00::/8 multicast", &["ff02::1", "ff0e::101", "ffff::1"], Multicast),
            ("outside 2000::/3", &["200::1", "1000::1", "4000::1", "8000::1", "e000::1"], Reserved),
            // IPv4-mapped and well-known NAT64 addresses are judged as their IPv4 address.
            ("::ffff:0:0/96 mapped loopback", &["::ffff:127.0.0.1", "::ffff:7f00:1"], Loopback),
            ("::ffff:0:0/96 mapped metadata", &["::ffff:169.254.169.254"], CloudMetadata),
            ("::ffff:0:0/96 mapped private", &["::ffff:10.1.2.3", "::ffff:192.168.1.1"], Private),
            ("::ffff:0:0/96 mapped benchmarking", &["::ffff:198.18.0.1"], Benchmarking),
            ("64:ff9b::/96 NAT64 loopback", &["64:ff9b::127.0.0.1", "64:ff9b::7f00:1"], Loopback),
            ("64:ff9b::/96 NAT64 metadata", &["64:ff9b::a9fe:a9fe"], CloudMetadata),
            ("64:ff9b::/96 NAT64 private", &["64:ff9b::10.0.0.1"], Private),
            ("64:ff9b::/96 NAT64 documentation", &["64:ff9b::192.0.2.1"], Documentation),
            // Forms refused whatever they wrap; the refusal names the wrapped address.
            ("::/96 IPv4-compatible", &["::127.0.0.1"], wrapped(Ipv4Compatible, [127, 0, 0, 1])),
            ("::/96 IPv4-compatible public", &["::8.8.8.8"], wrapped(Ipv4Compatible, [8, 8, 8, 8])),
            ("::/96 IPv4-compatible low", &["::2"], wrapped(Ipv4Compatible, [0, 0, 0, 2])),
            ("::ffff:0:0:0/96 IPv4-translated", &["::ffff:0:127.0.0.1", "::ffff:0:7f00:1"], wrapped(Ipv4Translated, [127, 0, 0, 1])),
            ("::ffff:0:0:0/96 IPv4-translated metadata", &["::ffff:0:169.254.169.254"], wrapped(Ipv4Translated, [169, 254, 169, 254])),
            ("::ffff:0:0:0/96 IPv4-translated public", &["::ffff:0:8.8.8.8"], wrapped(Ipv4Translated, [8, 8, 8, 8])),
            ("2002::/16 6to4 loopback", &["2002:7f00:1::", "2002:7f00:1::1", "2002:7f00:1:ffff::1"], wrapped(SixToFour, [127, 0, 0, 1])),
            ("2002::/16 6to4 metadata", &["2002:a9fe:a9fe::1"], wrapped(SixToFour, [169, 254, 169, 254])),
            ("2002::/16 6to4 private", &["2002:a00:1::1"], wrapped(SixToFour, [10, 0, 0, 1])),
            ("2002::/16 6to4 public", &["2002:808:808::1"], wrapped(SixToFour, [8, 8, 8, 8])),
            // Teredo: server 65.54.227.120, client address inverted in the last 32 bits.
            ("2001::/32 Teredo loopback", &["2001:0:4136:e378:8000:63bf:80ff:fffe"], wrapped(Teredo, [127, 0, 0, 1])),
            ("2001::/32 Teredo metadata", &["2001:0:4136:e378:8000:63bf:5601:5601"], wrapped(Teredo, [169, 254, 169, 254])),
            ("2001::/32 Teredo public", &["2001:0:4136:e378:8000:63bf:f7f7:f7f7"], wrapped(Teredo, [8, 8, 8, 8])),
        ];
        for (block, samples, expected) in table {
            for sample in *samples {
                let address: IpAddr = match sample.parse() {
                    Ok(address) => address,
                    Err(_) => panic!("{block}: {sample} is not an address"),
                };
                assert_eq!(
                    refusal(address, STRICT),
                    Some(*expected),
                    "{block}: {sample}"
                );
            }
        }
    }

    #[test]
    fn public_addresses_pass() {
        for address in [
            "1.1.1.1",
            "8.8.8.8",
            "93.184.215.14",
            // Just outside refused blocks.
            "9.255.255.255",
            "11.0.0.0",
            "100.63.255.255",
            "100.128.0.1",
            "126.255.255.255",
            "128.0.0.0",
            "169.253.255.255",
            "169.255.0.0",
            "172.15.255.255",
            "172.32.0.1",
            "192.0.1.0",
            "192.0.3.0",
            "192.88.98.255",
            "192.88.100.0",
            "192.167.255.255",
            "192.169.0.0",
            "198.17.255.255",
            "198.20.0.0",
            "198.51.99.255",
            "198.51.101.0",
            "203.0.112.255",
            "203.0.114.0",
            "223.255.255.255",
            "2606:4700::1111",
            "2a00:1450:4001:82b::200e",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
            "2001:200::1",
            "2001:db7:ffff::1",
            "2001:db9::1",
            "2003::1",
            "3ffe:ffff::1",
            "3fff:1000::1",
            "::ffff:93.184.215.14",
            "::ffff:8.8.8.8",
            // The well-known NAT64 prefix in front of a public address: how an IPv6-only
            // site with DNS64 reaches IPv4 receivers.
            "64:ff9b::8.8.8.8",
            "64:ff9b::5db8:d70e",
        ] {
            assert_eq!(refused(address, STRICT), None, "{address}");
        }
    }

    #[test]
    fn refused_targets_are_written_in_the_reader_s_language() {
        let loopback = TargetError::Refused {
            host: "localhost".into(),
            address: IpAddr::V6(Ipv6Addr::LOCALHOST),
            refusal: Refusal::Loopback,
        };
        assert_eq!(
            loopback.to_string(),
            "points to localhost (::1), a loopback address; Kairos does not send there"
        );
        assert_eq!(
            loopback.reason().text(crate::i18n::Language::German),
            "zeigt auf localhost (::1), eine Loopback-Adresse; dorthin sendet Kairos nicht"
        );
        let wrapped = refused("2002:7f00:1::", STRICT).expect("refused");
        assert_eq!(
            wrapped.reason().text(crate::i18n::Language::French),
            "une adresse 6to4 qui contient 127.0.0.1"
        );
        assert_eq!(
            TargetError::Scheme("ftp".into()).to_string(),
            "must start with http:// or https:// (not ftp://)"
        );
    }

    #[test]
    fn refusals_read_as_reasons() {
        for (address, text) in [
            ("198.18.0.1", "an address reserved for benchmarking"),
            ("2001:db8::1", "an address reserved for documentation"),
            ("2002:7f00:1::", "a 6to4 address wrapping 127.0.0.1"),
            (
                "2001:0:4136:e378:8000:63bf:5601:5601",
                "a Teredo address wrapping 169.254.169.254",
            ),
            (
                "::ffff:0:127.0.0.1",
                "an IPv4-translated address wrapping 127.0.0.1",
            ),
            (
                "::127.0.0.1",
                "an IPv4-compatible address wrapping 127.0.0.1",
            ),
        ] {
            assert_eq!(
                refused(address, STRICT).map(|r| r.to_string()).as_deref(),
                Some(text),
                "{address}"
            );
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
        // Mapped and NAT64 forms open with their IPv4 address; the wrappers refused
        // wholesale never do.
        let open = Policy {
            allow_private: true,
            allow_loopback: true,
        };
        assert_eq!(refused("::ffff:10.0.0.1", open), None);
        assert_eq!(refused("64:ff9b::127.0.0.1", open), None);
        for address in [
            "2002:a00:1::1",
            "2002:7f00:1::",
            "::10.0.0.1",
            "::ffff:0:127.0.0.1",
            "2001:0:4136:e378:8000:63bf:80ff:fffe",
        ] {
            assert!(
                matches!(refused(address, open), Some(Refusal::Wrapped { .. })),
                "{address}"
            );
        }
        for address in [
            "198.18.0.1",
            "192.0.2.1",
            "2001:db8::1",
            "100::1",
            "fec0::1",
        ] {
            assert!(refused(address, open).is_some(), "{address}");
        }
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

    #[tokio::test]
    async fn hosts_are_checked_like_url_hosts_and_the_address_is_pinned() {
        for (host, reason) in [
            ("127.0.0.1", Refusal::Loopback),
            ("[::1]", Refusal::Loopback),
            ("::1", Refusal::Loopback),
            ("localhost", Refusal::Loopback),
            ("169.254.169.254", Refusal::CloudMetadata),
            ("198.18.0.25", Refusal::Benchmarking),
            ("10.0.0.25", Refusal::Private),
            (
                "2002:a9fe:a9fe::25",
                Refusal::Wrapped {
                    form: Wrapper::SixToFour,
                    ipv4: Ipv4Addr::new(169, 254, 169, 254),
                },
            ),
        ] {
            match check_host(host, 25, STRICT).await {
                Err(TargetError::Refused { refusal, .. }) => assert_eq!(refusal, reason, "{host}"),
                other => panic!("{host}: {other:?}"),
            }
        }
        assert_eq!(check_host("  ", 25, STRICT).await, Err(TargetError::NoHost));
        let private = Policy {
            allow_private: true,
            allow_loopback: false,
        };
        assert_eq!(
            check_host(" 10.0.0.25 ", 587, private).await,
            Ok(Destination {
                host: "10.0.0.25".into(),
                address: SocketAddr::from(([10, 0, 0, 25], 587)),
            })
        );
        assert_eq!(
            check_host("[fd00::25]", 465, private)
                .await
                .map(|found| found.address),
            Ok(SocketAddr::new(
                "fd00::25"
                    .parse()
                    .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
                465
            ))
        );
    }
}
