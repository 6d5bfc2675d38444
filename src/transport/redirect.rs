//! The plain-HTTP listener next to HTTPS: every request is sent to the same path over
//! HTTPS, and nothing else is served there.

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Where redirects point.
#[derive(Debug, Clone)]
struct Target {
    /// The public `https://` URL, when the configuration names one.
    base_url: Option<String>,
    /// The port HTTPS is served on, for requests that only name a host.
    https_port: u16,
}

/// The redirect listener's whole application. `base_url` is used when it is an `https://`
/// URL; otherwise the request's host with `https_port`.
pub fn redirect_router(base_url: Option<String>, https_port: u16) -> Router {
    let target = Target {
        base_url: base_url.filter(|url| url.starts_with("https://")),
        https_port,
    };
    Router::new().fallback(redirect).with_state(target)
}

async fn redirect(State(target): State<Target>, request: Request) -> Response {
    let path = request
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_string();
    let origin = match &target.base_url {
        Some(url) => Some(url.clone()),
        None => request
            .headers()
            .get(header::HOST)
            .and_then(|value| value.to_str().ok())
            .and_then(host_name)
            .map(|host| match target.https_port {
                443 => format!("https://{host}"),
                port => format!("https://{host}:{port}"),
            }),
    };
    let Some(location) = origin
        .map(|origin| format!("{origin}{path}"))
        .and_then(|url| HeaderValue::from_str(&url).ok())
    else {
        return (
            StatusCode::BAD_REQUEST,
            "This address serves HTTPS only; the request named no host to redirect to.",
        )
            .into_response();
    };
    (
        StatusCode::PERMANENT_REDIRECT,
        [(header::LOCATION, location)],
    )
        .into_response()
}

/// The host part of a `Host` header (`example.org:80` → `example.org`, `[::1]:80` →
/// `[::1]`), when it is a plausible host name or address.
fn host_name(host: &str) -> Option<String> {
    let name = if host.starts_with('[') {
        host.split_inclusive(']').next()?
    } else {
        host.split(':').next()?
    };
    let plausible = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'));
    plausible.then(|| name.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_lose_their_port_and_odd_ones_are_refused() {
        assert_eq!(
            host_name("Book.Example.org:80").as_deref(),
            Some("book.example.org")
        );
        assert_eq!(host_name("[::1]:8080").as_deref(), Some("[::1]"));
        assert_eq!(host_name("evil.example/path"), None);
        assert_eq!(host_name(""), None);
    }
}
