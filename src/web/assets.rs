//! The CSS, JavaScript and icons under `assets/`, embedded in the binary and served under
//! content-hash names (`app.1a2b3c4d.css`) with a year-long cache lifetime: a new release
//! changes the name, so browsers never keep a stale file.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "assets/"]
struct Files;

struct Index {
    /// Logical name → hashed name.
    hashed: HashMap<String, String>,
    /// Hashed name → logical name.
    logical: HashMap<String, String>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut hashed = HashMap::new();
        let mut logical = HashMap::new();
        for name in Files::iter() {
            let Some(file) = Files::get(&name) else {
                continue;
            };
            let hash = hex::encode(&file.metadata.sha256_hash()[..4]);
            let versioned = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            hashed.insert(name.to_string(), versioned.clone());
            logical.insert(versioned, name.to_string());
        }
        Index { hashed, logical }
    })
}

/// The URL of an embedded asset, e.g. `url("app.css")` → `/assets/app.1a2b3c4d.css`.
pub fn url(name: &str) -> String {
    match index().hashed.get(name) {
        Some(versioned) => format!("/assets/{versioned}"),
        None => format!("/assets/{name}"),
    }
}

pub async fn serve(Path(file): Path<String>) -> Response {
    let (name, immutable) = match index().logical.get(&file) {
        Some(name) => (name.as_str(), true),
        None => (file.as_str(), false),
    };
    let Some(content) = Files::get(name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mime = content.metadata.mimetype().to_string();
    let cache = if immutable {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    let mut response = content.data.into_owned().into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&mime) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}
