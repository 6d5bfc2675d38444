//! Who the client is: the peer address, or — when the peer is a trusted reverse proxy —
//! what its `Forwarded` / `X-Forwarded-For` / `X-Forwarded-Proto` headers say.
//!
//! The client address is the right-most address in the forwarding chain that is not a
//! trusted proxy: addresses left of it were written by the client itself and prove nothing.

use std::fmt;
use std::net::IpAddr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// Addresses and networks of reverse proxies in front of Kairos (empty: none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

/// Where a request came from, as far as Kairos can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientInfo {
    /// The client's address (rate limits, sign-in throttling, the audit log).
    pub address: IpAddr,
    /// Whether the client reached Kairos over HTTPS: directly, or to a trusted proxy that
    /// says so.
    pub https: bool,
}

impl TrustedProxies {
    /// Parses IP addresses (`10.0.0.5`, `::1`) and networks (`10.0.0.0/8`, `fd00::/8`).
    pub fn parse(entries: &[String]) -> Result<Self, String> {
        entries
            .iter()
            .map(|entry| {
                let entry = entry.trim();
                entry
                    .parse::<IpNet>()
                    .map(|net| net.trunc())
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| {
                        format!(
                            "must list IP addresses or networks such as \"10.0.0.5\" or \"10.0.0.0/8\", not {entry:?}"
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client behind a connection from `peer` (over TLS when `direct_tls`).
    pub fn resolve(&self, peer: IpAddr, direct_tls: bool, headers: &HeaderMap) -> ClientInfo {
        let peer = canonical(peer);
        if !self.contains(peer) {
            return ClientInfo {
                address: peer,
                https: direct_tls,
            };
        }
        let forwarded = forwarded_elements(headers);
        let (chain, proto) = if forwarded.is_empty() {
            (
                header_list(headers, "x-forwarded-for"),
                header_list(headers, "x-forwarded-proto").pop(),
            )
        } else {
            let proto = forwarded.last().and_then(|element| element.proto.clone());
            let chain = forwarded.into_iter().map(|element| element.node).collect();
            (chain, proto)
        };
        let mut address = peer;
        for node in chain.iter().rev() {
            match parse_node(node) {
                Some(hop) if self.contains(hop) => address = hop,
                Some(hop) => {
                    address = hop;
                    break;
                }
                // An obfuscated or unknown hop: nothing beyond it can be placed.
                None => break,
            }
        }
        let https = match proto {
            Some(proto) => proto.eq_ignore_ascii_case("https"),
            None => direct_tls,
        };
        ClientInfo { address, https }
    }
}

impl fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&list.join(", "))
    }
}

/// IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) are the IPv4 address they carry.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// Every comma-separated value of every instance of a header, in order.
fn header_list(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// One hop of an RFC 7239 `Forwarded` header.
struct ForwardedElement {
    node: String,
    proto: Option<String>,
}

fn forwarded_elements(headers: &HeaderMap) -> Vec<ForwardedElement> {
    header_list(headers, "forwarded")
        .into_iter()
        .map(|element| {
            let mut node = String::new();
            let mut proto = None;
            for pair in element.split(';') {
                let Some((key, value)) = pair.split_once('=') else {
                    continue;
                };
                let value = value.trim().trim_matches('"').to_string();
                match key.trim().to_ascii_lowercase().as_str() {
                    "for" => node = value,
                    "proto" => proto = Some(value),
                    _ => {}
                }
            }
            ForwardedElement { node, proto }
        })
        .collect()
}

/// An address from a forwarding header: `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:4711`
/// or `2001:db8::1`. `unknown` and obfuscated names (`_hidden`) are no address.
fn parse_node(node: &str) -> Option<IpAddr> {
    let node = node.trim().trim_matches('"');
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok().map(canonical);
    }
    if let Ok(address) = node.parse::<IpAddr>() {
        return Some(canonical(address));
    }
    let (host, port) = node.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    host.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn proxies(list: &[&str]) -> TrustedProxies {
        TrustedProxies::parse(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .expect("parses")
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn parses_addresses_and_networks_and_refuses_names() {
        let list = proxies(&["10.0.0.5", "192.168.0.0/16", "fd00::/8"]);
        assert!(list.contains(ip("10.0.0.5")));
        assert!(!list.contains(ip("10.0.0.6")));
        assert!(list.contains(ip("192.168.44.1")));
        assert!(list.contains(ip("::ffff:192.168.1.1")));
        assert!(list.contains(ip("fd12::1")));
        let err = TrustedProxies::parse(&["proxy.local".to_string()]).expect_err("refused");
        assert!(err.contains("proxy.local"), "{err}");
    }

    #[test]
    fn headers_from_an_untrusted_peer_are_ignored() {
        let list = proxies(&["10.0.0.5"]);
        let forged = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("x-forwarded-proto", "https"),
        ]);
        let client = list.resolve(ip("198.51.100.7"), false, &forged);
        assert_eq!(client.address, ip("198.51.100.7"));
        assert!(!client.https);
        let nobody = TrustedProxies::default().resolve(ip("10.0.0.5"), true, &forged);
        assert_eq!(nobody.address, ip("10.0.0.5"));
        assert!(nobody.https);
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let list = proxies(&["10.0.0.0/8"]);
        let chain = headers(&[
            ("x-forwarded-for", "1.1.1.1, 203.0.113.9"),
            ("x-forwarded-for", "10.1.1.1"),
            ("x-forwarded-proto", "https"),
        ]);
        let client = list.resolve(ip("10.0.0.5"), false, &chain);
        assert_eq!(
            client.address,
            ip("203.0.113.9"),
            "1.1.1.1 was the client's claim"
        );
        assert!(client.https);

        let all_trusted = headers(&[("x-forwarded-for", "10.2.2.2")]);
        let client = list.resolve(ip("10.0.0.5"), false, &all_trusted);
        assert_eq!(client.address, ip("10.2.2.2"));
        assert!(!client.https);
    }

    #[test]
    fn forwarded_wins_over_x_forwarded_and_takes_ports_and_brackets() {
        let list = proxies(&["10.0.0.5"]);
        let both = headers(&[
            (
                "forwarded",
                "for=192.0.2.60;proto=http, for=\"[2001:db8::17]:4711\";proto=https",
            ),
            ("x-forwarded-for", "198.51.100.1"),
        ]);
        let client = list.resolve(ip("10.0.0.5"), false, &both);
        assert_eq!(client.address, ip("2001:db8::17"));
        assert!(client.https);
        let with_port = headers(&[("forwarded", "for=192.0.2.60:8080")]);
        assert_eq!(
            list.resolve(ip("10.0.0.5"), false, &with_port).address,
            ip("192.0.2.60")
        );
        let hidden = headers(&[("forwarded", "for=_hidden")]);
        assert_eq!(
            list.resolve(ip("10.0.0.5"), false, &hidden).address,
            ip("10.0.0.5")
        );
    }
}
