//! How requests reach Kairos: HTTPS served by Kairos itself, the plain-HTTP listener that
//! redirects to it, and reverse proxies whose forwarding headers are believed.

mod proxies;
mod redirect;
mod tls;

pub use proxies::{ClientInfo, TrustedProxies};
pub use redirect::redirect_router;
pub use tls::{
    ReloadableCertificate, TlsError, TlsFiles, TlsListener, not_after, read_certificates,
};
