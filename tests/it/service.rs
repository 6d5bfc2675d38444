//! `kairos serve` under a service manager: readiness and watchdog notifications over a
//! `NOTIFY_SOCKET` that the test binds, as systemd does for `Type=notify`.

use std::os::unix::net::UnixDatagram;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::backup::kairos_cli;

struct Serving {
    child: Child,
    socket: UnixDatagram,
    _dir: tempfile::TempDir,
}

impl Serving {
    fn start(watchdog_usec: Option<&str>) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let socket_path = dir.path().join("notify.sock");
        let socket = UnixDatagram::bind(&socket_path).expect("bind notify socket");
        socket
            .set_read_timeout(Some(Duration::from_millis(200)))
            .expect("timeout");
        let mut command = kairos_cli(&dir.path().join("data"));
        command
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env("NOTIFY_SOCKET", &socket_path)
            .env("KAIROS_LOG_LEVEL", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(usec) = watchdog_usec {
            command.env("WATCHDOG_USEC", usec);
        }
        let child = command.spawn().expect("kairos starts");
        Self {
            child,
            socket,
            _dir: dir,
        }
    }

    /// The next message, waiting at most `limit`.
    fn next_message(&self, limit: Duration) -> Option<String> {
        let deadline = Instant::now() + limit;
        let mut buffer = [0u8; 4096];
        while Instant::now() < deadline {
            if let Ok(n) = self.socket.recv(&mut buffer) {
                return Some(String::from_utf8_lossy(&buffer[..n]).into_owned());
            }
        }
        None
    }

    fn terminate(mut self) -> Option<String> {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let mut stopping = None;
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(message) = self.next_message(Duration::from_millis(200))
                && message.contains("STOPPING=1")
            {
                stopping = Some(message);
            }
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        stopping
    }
}

fn readyz_status(base: &str) -> StatusCode {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        reqwest::Client::new()
            .get(format!("{base}/readyz"))
            .send()
            .await
            .map(|r| r.status())
            .unwrap_or(StatusCode::BAD_GATEWAY)
    })
}

#[test]
fn ready_is_sent_once_readyz_answers_and_the_watchdog_pings() {
    let serving = Serving::start(Some("400000"));
    let ready = serving
        .next_message(Duration::from_secs(30))
        .expect("a notification arrives");
    assert!(ready.contains("READY=1"), "{ready}");
    let base = ready
        .lines()
        .find_map(|line| line.strip_prefix("STATUS=listening on "))
        .expect("the status names the address")
        .to_string();
    assert_eq!(
        readyz_status(&base),
        StatusCode::OK,
        "/readyz answers as soon as READY=1 is sent"
    );

    let mut pings = 0;
    let deadline = Instant::now() + Duration::from_secs(5);
    while pings < 2 && Instant::now() < deadline {
        if let Some(message) = serving.next_message(Duration::from_millis(500)) {
            assert!(!message.contains("READY=1"), "READY is sent once");
            if message == "WATCHDOG=1" {
                pings += 1;
            }
        }
    }
    assert_eq!(pings, 2, "watchdog pings arrive every half WATCHDOG_USEC");

    let stopping = serving.terminate();
    assert!(stopping.is_some(), "STOPPING=1 is sent on SIGTERM");
}

#[test]
fn without_watchdog_usec_there_are_no_pings() {
    let serving = Serving::start(None);
    let ready = serving
        .next_message(Duration::from_secs(30))
        .expect("a notification arrives");
    assert!(ready.contains("READY=1"), "{ready}");
    assert_eq!(serving.next_message(Duration::from_millis(800)), None);
    serving.terminate();
}
