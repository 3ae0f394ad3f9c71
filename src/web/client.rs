//! Who is asking: the peer's address, or the one a trusted proxy forwarded.

use super::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The client's address, as far as this server can believe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Every request through `server::run` carries its peer; one built elsewhere counts as
        // a single unknown client, which is the safe side for a limiter.
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
        Ok(Self(resolve(peer, &parts.headers, &state.trusted_proxies)))
    }
}

/// `X-Forwarded-For` counts only when the peer is a trusted proxy. Walking from the right,
/// the first address that is not itself a trusted proxy is the client: anything left of it
/// was written by the client and proves nothing.
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .collect();
    for hop in hops.iter().rev() {
        match hop.trim().parse::<IpAddr>() {
            Ok(addr) if trusted.contains(&addr) => continue,
            Ok(addr) => return addr,
            // A hop we cannot read: stop believing the chain there.
            Err(_) => return peer,
        }
    }
    peer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", v.parse().unwrap());
        }
        headers
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_cannot_claim_another_address() {
        let headers = forwarded(&["203.0.113.9"]);
        assert_eq!(
            resolve(ip("198.51.100.4"), &headers, &[]),
            ip("198.51.100.4")
        );
        let trusted = [ip("10.0.0.2")];
        assert_eq!(
            resolve(ip("198.51.100.4"), &headers, &trusted),
            ip("198.51.100.4")
        );
    }

    #[test]
    fn the_proxy_names_the_client_and_spoofed_hops_are_ignored() {
        let trusted = [ip("10.0.0.2"), ip("10.0.0.3")];
        // The client wrote 1.1.1.1 itself; the proxy appended the real peer.
        let headers = forwarded(&["1.1.1.1, 203.0.113.9", "10.0.0.3"]);
        assert_eq!(
            resolve(ip("10.0.0.2"), &headers, &trusted),
            ip("203.0.113.9")
        );
        assert_eq!(
            resolve(ip("10.0.0.2"), &HeaderMap::new(), &trusted),
            ip("10.0.0.2")
        );
        let garbled = forwarded(&["203.0.113.9, not-an-address"]);
        assert_eq!(resolve(ip("10.0.0.2"), &garbled, &trusted), ip("10.0.0.2"));
    }
}
