//! Telling the service manager how the server is doing: the `sd_notify` protocol.
//!
//! When systemd starts Kairos with `Type=notify`, it passes a datagram socket in
//! `$NOTIFY_SOCKET`. Kairos sends `READY=1` once migrations have run and the listener is
//! bound (so `/readyz` answers), `WATCHDOG=1` every half `$WATCHDOG_USEC` while the
//! database answers, and `STOPPING=1` on shutdown. Without `$NOTIFY_SOCKET` all of this
//! does nothing. No libsystemd: the protocol is one datagram per message.

use std::io;
use std::os::linux::net::SocketAddrExt;
use std::os::unix::net::{SocketAddr, UnixDatagram};
use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinHandle;

use crate::app::Running;
use crate::db::DbError;

/// A connection to the service manager's notification socket.
#[derive(Debug)]
pub struct Notifier {
    socket: UnixDatagram,
    addr: SocketAddr,
}

impl Notifier {
    /// The socket named by `$NOTIFY_SOCKET`, if the service manager passed one.
    pub fn from_env() -> Option<Self> {
        let path = std::env::var_os("NOTIFY_SOCKET")?;
        match Self::connect(&path.to_string_lossy()) {
            Ok(notifier) => Some(notifier),
            Err(err) => {
                tracing::warn!(error = %err, "cannot use NOTIFY_SOCKET; the service manager will not hear from kairos");
                None
            }
        }
    }

    /// A notifier for a socket path, or an abstract socket name written `@name`.
    pub fn connect(path: &str) -> io::Result<Self> {
        let addr = match path.strip_prefix('@') {
            Some(name) => SocketAddr::from_abstract_name(name.as_bytes())?,
            None if path.starts_with('/') => SocketAddr::from_pathname(path)?,
            None => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("NOTIFY_SOCKET must be an absolute path or @name, not {path:?}"),
                ));
            }
        };
        let socket = UnixDatagram::unbound()?;
        Ok(Self { socket, addr })
    }

    /// Sends one message of `KEY=value` lines.
    pub fn notify(&self, message: &str) -> io::Result<()> {
        self.socket
            .send_to_addr(message.as_bytes(), &self.addr)
            .map(|_| ())
    }
}

/// How often systemd expects a watchdog ping, from `$WATCHDOG_USEC` (and `$WATCHDOG_PID`,
/// which must name this process when set).
pub fn watchdog_interval() -> Option<Duration> {
    watchdog_interval_from(
        std::env::var("WATCHDOG_USEC").ok().as_deref(),
        std::env::var("WATCHDOG_PID").ok().as_deref(),
        std::process::id(),
    )
}

fn watchdog_interval_from(usec: Option<&str>, pid: Option<&str>, own_pid: u32) -> Option<Duration> {
    if let Some(pid) = pid.filter(|pid| !pid.is_empty())
        && pid.trim().parse::<u32>().ok() != Some(own_pid)
    {
        return None;
    }
    let usec: u64 = usec?.trim().parse().ok()?;
    (usec > 0).then(|| Duration::from_micros(usec))
}

/// The server's side of the conversation with the service manager.
pub struct ServiceManager {
    notifier: Option<Arc<Notifier>>,
    watchdog: Option<JoinHandle<()>>,
}

impl ServiceManager {
    /// Reports readiness for a started server and starts the watchdog pings when the
    /// service manager asked for them.
    pub fn announce_ready(running: &Running) -> Self {
        let Some(notifier) = Notifier::from_env().map(Arc::new) else {
            return Self {
                notifier: None,
                watchdog: None,
            };
        };
        let message = format!(
            "READY=1\nSTATUS=listening on http://{}\nMAINPID={}",
            running.addr,
            std::process::id()
        );
        if let Err(err) = notifier.notify(&message) {
            tracing::warn!(error = %err, "cannot notify the service manager");
        }
        let watchdog = watchdog_interval().map(|interval| {
            let notifier = notifier.clone();
            let db = running.state.db.clone();
            tokio::spawn(async move {
                // Ping twice per interval, and only while the database answers: a hung
                // database makes systemd restart the service.
                let period = interval / 2;
                let mut ticks = tokio::time::interval(period);
                loop {
                    ticks.tick().await;
                    let probe =
                        db.read(|conn| crate::db::meta::ping(conn).map_err(DbError::from));
                    match tokio::time::timeout(period, probe).await {
                        Ok(Ok(())) => {
                            if let Err(err) = notifier.notify("WATCHDOG=1") {
                                tracing::warn!(error = %err, "cannot send the watchdog ping");
                            }
                        }
                        Ok(Err(err)) => {
                            tracing::error!(error = %err, "database check failed; skipping the watchdog ping")
                        }
                        Err(_) => {
                            tracing::error!("database did not answer in time; skipping the watchdog ping")
                        }
                    }
                }
            })
        });
        Self {
            notifier: Some(notifier),
            watchdog,
        }
    }

    /// Reports that the server is shutting down and stops the watchdog pings.
    pub fn stopping(self) {
        if let Some(watchdog) = self.watchdog {
            watchdog.abort();
        }
        if let Some(notifier) = self.notifier {
            let _ = notifier.notify("STOPPING=1");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watchdog_interval_follows_usec_and_pid() {
        assert_eq!(
            watchdog_interval_from(Some("30000000"), None, 7),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            watchdog_interval_from(Some("30000000"), Some("7"), 7),
            Some(Duration::from_secs(30))
        );
        assert_eq!(watchdog_interval_from(Some("30000000"), Some("8"), 7), None);
        assert_eq!(watchdog_interval_from(Some("0"), None, 7), None);
        assert_eq!(watchdog_interval_from(Some("soon"), None, 7), None);
        assert_eq!(watchdog_interval_from(None, None, 7), None);
    }

    #[test]
    fn messages_arrive_on_path_and_abstract_sockets() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("notify.sock");
        let receiver = UnixDatagram::bind(&path).expect("bind");
        let notifier = Notifier::connect(&path.to_string_lossy()).expect("connect");
        notifier.notify("READY=1").expect("sent");
        let mut buffer = [0u8; 64];
        let n = receiver.recv(&mut buffer).expect("received");
        assert_eq!(&buffer[..n], b"READY=1");

        let name = format!("kairos-test-{}", std::process::id());
        let addr = SocketAddr::from_abstract_name(name.as_bytes()).expect("name");
        let receiver = UnixDatagram::bind_addr(&addr).expect("bind abstract");
        let notifier = Notifier::connect(&format!("@{name}")).expect("connect");
        notifier.notify("WATCHDOG=1").expect("sent");
        let n = receiver.recv(&mut buffer).expect("received");
        assert_eq!(&buffer[..n], b"WATCHDOG=1");

        assert!(Notifier::connect("relative.sock").is_err());
    }
}
