//! The built-in updater: `kairos update --check | --apply | --rollback`.
//!
//! A release is a `.tar.gz` holding the `kairos` binary, signed with zipsign (ed25519; the
//! signature travels inside the gzip stream and is bound to the file name). Releases come
//! from GitHub by default, from a mirror that serves `manifest.json` (self_update's static
//! manifest format) next to the artifacts, or from a local file for air-gapped sites.
//!
//! Applying an update: download, verify the signature against the public key compiled into
//! this binary (an unsigned or tampered artifact is refused), extract, run the new binary
//! once (`--version`: it must run on this machine and be the version announced), refuse a
//! downgrade unless asked, back up the database, keep the running binary as
//! `kairos.previous`, and swap the new one in with a rename. When systemd runs the service,
//! it is restarted and must reach `/readyz`; otherwise the previous binary is put back.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::backup::{self, BackupError};
use crate::config::Config;
use crate::data_lock::DataDirLock;

/// The release signing keys this binary trusts (`packaging/release-signing.pub`; the
/// private key is kept outside the repository, see `packaging/sign-release.sh`).
pub const RELEASE_KEYS: [self_update::VerifyingKey; 1] =
    [*include_bytes!("../packaging/release-signing.pub")];

/// Where releases are published by default.
pub const GITHUB_OWNER: &str = "kairos-scheduling";
pub const GITHUB_REPO: &str = "kairos";
/// A mirror serves this file at its base URL.
pub const MANIFEST_FILE: &str = "manifest.json";
/// The systemd unit that install.sh and the .deb install.
const SERVICE: &str = "kairos.service";
const READY_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error("cannot read the release list from {source_name}: {message}")]
    Listing {
        source_name: String,
        message: String,
    },
    #[error("{source_name} offers no release for this machine ({arch}-unknown-linux)")]
    NoAsset { source_name: String, arch: String },
    #[error("cannot download {url}: {message}")]
    Download { url: String, message: String },
    #[error(
        "{artifact} is not signed with the Kairos release key ({detail}): refusing to install it. Use the signed .tar.gz exactly as published (the signature is bound to its file name)"
    )]
    Unsigned { artifact: String, detail: String },
    #[error(
        "{artifact} has a signature that does not match its contents or the Kairos release key: it was altered or signed by someone else. Refusing to install it"
    )]
    BadSignature { artifact: String },
    #[error("this kairos build carries no release key, so it cannot verify updates")]
    NoKeys,
    #[error("{artifact} is not a release archive holding a kairos binary: {message}")]
    Archive { artifact: String, message: String },
    #[error("the new binary does not run on this machine ({message}); is it built for {arch}?")]
    DoesNotRun { message: String, arch: String },
    #[error("the new binary says it is {found:?}, but the release is version {expected}")]
    VersionMismatch { expected: String, found: String },
    #[error(
        "{new} is older than the running {current}: refusing to downgrade (pass --allow-downgrade to install it anyway)"
    )]
    Downgrade { current: String, new: String },
    #[error("cannot back up the database before updating: {0}")]
    Backup(#[from] BackupError),
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("there is no previous binary at {0} to roll back to")]
    NoPrevious(PathBuf),
    #[error(
        "version {new} did not become ready within {seconds} s after the restart; the previous binary was put back and restarted"
    )]
    NotReady { new: String, seconds: u64 },
    #[error("{0}")]
    Service(String),
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> UpdateError {
    let path = path.to_path_buf();
    move |source| UpdateError::Io {
        action,
        path,
        source,
    }
}

/// Where to look for releases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    GitHub {
        owner: String,
        repo: String,
    },
    /// A base URL serving `manifest.json` and the artifacts.
    Mirror(String),
    /// A release artifact on disk.
    File(PathBuf),
}

impl Source {
    /// Where releases are looked for, in words.
    pub fn name(&self) -> String {
        match self {
            Source::GitHub { owner, repo } => format!("GitHub releases of {owner}/{repo}"),
            Source::Mirror(base) => format!("{}/{MANIFEST_FILE}", base.trim_end_matches('/')),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// The release source for a configuration: `--base-url` when given, else
/// `update_base_url`, else GitHub releases.
pub fn remote_source(config: &Config, base_url: Option<String>) -> Source {
    match base_url.or_else(|| config.update_base_url.clone()) {
        Some(url) => Source::Mirror(url),
        None => Source::GitHub {
            owner: GITHUB_OWNER.into(),
            repo: GITHUB_REPO.into(),
        },
    }
}

/// What the updater works on.
#[derive(Debug, Clone)]
pub struct Updater {
    pub source: Source,
    /// The version of the binary at `install_path`.
    pub current_version: String,
    /// The binary that is replaced; `kairos.previous` is written next to it.
    pub install_path: PathBuf,
    pub keys: Vec<self_update::VerifyingKey>,
    pub allow_downgrade: bool,
    /// The `systemctl` to restart the service with.
    pub systemctl: PathBuf,
    /// How long a restarted service has to answer `/readyz`.
    pub ready_timeout: Duration,
}

impl Updater {
    /// The updater of the running binary, trusting the compiled-in release key.
    pub fn for_running_binary(source: Source, allow_downgrade: bool) -> Result<Self, UpdateError> {
        let install_path = std::env::current_exe()
            .and_then(|path| path.canonicalize())
            .map_err(io("find the running binary", Path::new("/proc/self/exe")))?;
        Ok(Self {
            source,
            current_version: env!("CARGO_PKG_VERSION").to_string(),
            install_path,
            keys: RELEASE_KEYS.to_vec(),
            allow_downgrade,
            systemctl: PathBuf::from("systemctl"),
            ready_timeout: READY_TIMEOUT,
        })
    }

    fn install_dir(&self) -> &Path {
        self.install_path.parent().unwrap_or(Path::new("."))
    }

    /// `kairos.previous` next to the installed binary.
    pub fn previous_path(&self) -> PathBuf {
        self.install_dir().join("kairos.previous")
    }
}

/// A release found at a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Available {
    pub version: String,
    pub asset_name: String,
    pub url: String,
}

/// The answer of `--check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckResult {
    UpToDate {
        current: String,
        latest: String,
    },
    Newer {
        current: String,
        available: Available,
    },
    Older {
        current: String,
        latest: String,
    },
}

fn asset_arch() -> &'static str {
    std::env::consts::ARCH
}

/// The newest release at a remote source.
fn latest_release(source: &Source, current: &str) -> Result<Available, UpdateError> {
    let listing = |err: self_update::errors::Error| UpdateError::Listing {
        source_name: source.name(),
        message: err.to_string(),
    };
    let releases = match source {
        Source::GitHub { owner, repo } => self_update::backends::github::Update::configure()
            .repo_owner(owner)
            .repo_name(repo)
            .bin_name("kairos")
            .current_version(current)
            .build()
            .and_then(|update| update.get_latest_release())
            .map_err(listing)?,
        Source::Mirror(base) => self_update::backends::manifest::Update::configure()
            .manifest_url(format!("{}/{MANIFEST_FILE}", base.trim_end_matches('/')))
            .bin_name("kairos")
            .current_version(current)
            .build()
            .and_then(|update| update.get_latest_release())
            .map_err(listing)?,
        Source::File(_) => {
            return Err(UpdateError::Listing {
                source_name: source.name(),
                message: "a local file is not a release list".into(),
            });
        }
    };
    let release = releases.latest().ok_or_else(|| UpdateError::Listing {
        source_name: source.name(),
        message: "it lists no release".into(),
    })?;
    let wanted = format!("{}-unknown-linux", asset_arch());
    let asset = release
        .assets()
        .iter()
        .find(|asset| asset.name().contains(&wanted) && asset.name().ends_with(".tar.gz"))
        .ok_or_else(|| UpdateError::NoAsset {
            source_name: source.name(),
            arch: asset_arch().to_string(),
        })?;
    Ok(Available {
        version: release.version().trim_start_matches('v').to_string(),
        asset_name: asset.name().to_string(),
        url: asset.download_url().to_string(),
    })
}

/// `kairos update --check`.
pub fn check(updater: &Updater) -> Result<CheckResult, UpdateError> {
    let available = latest_release(&updater.source, &updater.current_version)?;
    let current = updater.current_version.clone();
    Ok(match compare(&current, &available.version) {
        std::cmp::Ordering::Less => CheckResult::Newer { current, available },
        std::cmp::Ordering::Equal => CheckResult::UpToDate {
            current,
            latest: available.version,
        },
        std::cmp::Ordering::Greater => CheckResult::Older {
            current,
            latest: available.version,
        },
    })
}

/// Orders two versions (semver; anything unparsable sorts as equal, which is refused
/// as "already installed" rather than guessed at).
fn compare(current: &str, other: &str) -> std::cmp::Ordering {
    if self_update::version::bump_is_greater(current, other).unwrap_or(false) {
        std::cmp::Ordering::Less
    } else if self_update::version::bump_is_greater(other, current).unwrap_or(false) {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

/// Checks the zipsign signature of a release archive against `keys`.
pub fn verify_artifact(
    artifact: &Path,
    keys: &[self_update::VerifyingKey],
) -> Result<(), UpdateError> {
    if keys.is_empty() {
        // self_update verifies nothing without keys: never let that through.
        return Err(UpdateError::NoKeys);
    }
    let name = artifact
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    self_update::verify_signature(artifact, keys).map_err(|err| {
        // zipsign says which of the two it is only deep in the error's source chain.
        let mut text = err.to_string();
        let mut cause = std::error::Error::source(&err);
        while let Some(inner) = cause {
            text.push_str(&format!(": {inner}"));
            cause = inner.source();
        }
        tracing::debug!(error = %text, "signature check failed");
        if text.contains("no matching key/signature pair") {
            UpdateError::BadSignature { artifact: name }
        } else {
            UpdateError::Unsigned {
                artifact: name,
                detail: text,
            }
        }
    })
}

/// What `--apply` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    AlreadyCurrent {
        version: String,
    },
    Installed {
        from: String,
        to: String,
        previous: PathBuf,
        database_backup: Option<PathBuf>,
        /// Whether systemd restarted the service and it reached `/readyz`.
        restarted: bool,
    },
}

/// A scratch directory next to the installed binary (so the final rename stays on one
/// file system), removed when dropped.
struct Staging(PathBuf);

impl Staging {
    fn new(dir: &Path) -> Result<Self, UpdateError> {
        let path = dir.join(format!(".kairos-update-{}", std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(io("clean up", &path))?;
        }
        std::fs::create_dir_all(&path).map_err(io("create", &path))?;
        Ok(Self(path))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The version a kairos binary reports for itself.
fn binary_version(binary: &Path) -> Result<String, UpdateError> {
    let output = Command::new(binary)
        .arg("--version")
        .output()
        .map_err(|err| UpdateError::DoesNotRun {
            message: err.to_string(),
            arch: asset_arch().to_string(),
        })?;
    let text = String::from_utf8_lossy(&output.stdout).trim().to_string();
    match text.strip_prefix("kairos ") {
        Some(version) if output.status.success() => Ok(version.to_string()),
        _ => Err(UpdateError::DoesNotRun {
            message: format!("`{} --version` printed {text:?}", binary.display()),
            arch: asset_arch().to_string(),
        }),
    }
}

/// `kairos update --apply`.
pub fn apply(
    updater: &Updater,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Applied, UpdateError> {
    let staging = Staging::new(updater.install_dir())?;
    let (artifact, announced) = match &updater.source {
        Source::File(path) => (path.clone(), None),
        remote => {
            let available = latest_release(remote, &updater.current_version)?;
            let target = staging.0.join(&available.asset_name);
            download(&available.url, &target)?;
            (target, Some(available.version))
        }
    };
    verify_artifact(&artifact, &updater.keys)?;

    let artifact_name = artifact.display().to_string();
    let unpacked = staging.0.join("unpacked");
    std::fs::create_dir_all(&unpacked).map_err(io("create", &unpacked))?;
    self_update::Extract::from_source(&artifact)
        .archive(self_update::ArchiveKind::Tar(Some(
            self_update::Compression::Gz,
        )))
        .extract_file(&unpacked, "kairos")
        .map_err(|err| UpdateError::Archive {
            artifact: artifact_name.clone(),
            message: err.to_string(),
        })?;
    let new_binary = unpacked.join("kairos");
    set_executable(&new_binary)?;
    let new_version = binary_version(&new_binary)?;
    if let Some(expected) = announced
        && compare(&expected, &new_version) != std::cmp::Ordering::Equal
    {
        return Err(UpdateError::VersionMismatch {
            expected,
            found: new_version,
        });
    }
    match compare(&updater.current_version, &new_version) {
        std::cmp::Ordering::Equal => {
            return Ok(Applied::AlreadyCurrent {
                version: new_version,
            });
        }
        std::cmp::Ordering::Greater if !updater.allow_downgrade => {
            return Err(UpdateError::Downgrade {
                current: updater.current_version.clone(),
                new: new_version,
            });
        }
        _ => {}
    }

    let database_backup = if config.database_path().is_file() {
        let target = config.backup_dir().join(format!(
            "kairos-preupdate-v{}-{}",
            updater.current_version,
            backup::backup_file_name("", now)
        ));
        Some(backup::backup_instance(config, Some(&target), now)?.path)
    } else {
        None
    };

    let previous = updater.previous_path();
    std::fs::copy(&updater.install_path, &previous)
        .map_err(io("keep the running binary as", &previous))?;
    std::fs::rename(&new_binary, &updater.install_path)
        .map_err(io("install the new binary at", &updater.install_path))?;
    tracing::info!(from = %updater.current_version, to = %new_version, "binary replaced");

    let restarted = if service_is_active(updater) {
        if let Err(err) = restart_and_wait(updater, config) {
            tracing::error!(error = %err, "the new version did not become ready; rolling back");
            swap_with_previous(updater)?;
            let _ = restart_and_wait(updater, config);
            return Err(UpdateError::NotReady {
                new: new_version,
                seconds: updater.ready_timeout.as_secs(),
            });
        }
        true
    } else {
        false
    };
    Ok(Applied::Installed {
        from: updater.current_version.clone(),
        to: new_version,
        previous,
        database_backup,
        restarted,
    })
}

fn download(url: &str, target: &Path) -> Result<(), UpdateError> {
    let mut file = std::fs::File::create(target).map_err(io("create", target))?;
    self_update::Download::from_url(url)
        .request_header(
            self_update::http::header::ACCEPT,
            self_update::http::HeaderValue::from_static("application/octet-stream"),
        )
        .timeout(Duration::from_secs(300))
        .download_to(&mut file)
        .map_err(|err| UpdateError::Download {
            url: url.to_string(),
            message: err.to_string(),
        })
}

fn set_executable(path: &Path) -> Result<(), UpdateError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .map_err(io("make executable", path))
}

/// Exchanges the installed binary and `kairos.previous`, so a second rollback undoes the
/// first.
fn swap_with_previous(updater: &Updater) -> Result<(), UpdateError> {
    let previous = updater.previous_path();
    if !previous.is_file() {
        return Err(UpdateError::NoPrevious(previous));
    }
    let parked = updater.install_dir().join(".kairos.rollback");
    std::fs::rename(&updater.install_path, &parked)
        .map_err(io("move aside", &updater.install_path))?;
    if let Err(err) = std::fs::rename(&previous, &updater.install_path) {
        let _ = std::fs::rename(&parked, &updater.install_path);
        return Err(io("put back", &previous)(err));
    }
    std::fs::rename(&parked, &previous).map_err(io("keep", &previous))?;
    Ok(())
}

/// What `--rollback` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolledBack {
    pub from: String,
    pub to: String,
    /// The pre-update backup that was restored because the newer version had migrated the
    /// database past what the previous one accepts.
    pub restored: Option<PathBuf>,
    /// Set when the database must still be restored by hand (the server was running and
    /// is not managed by systemd).
    pub restore_needed: Option<PathBuf>,
    pub restarted: bool,
}

/// `kairos update --rollback`: puts `kairos.previous` back in place.
pub fn rollback(
    updater: &Updater,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<RolledBack, UpdateError> {
    let previous = updater.previous_path();
    if !previous.is_file() {
        return Err(UpdateError::NoPrevious(previous));
    }
    let to = binary_version(&previous)?;
    let from =
        binary_version(&updater.install_path).unwrap_or_else(|_| updater.current_version.clone());
    swap_with_previous(updater)?;

    // The newer version may have migrated the database past what the older one reads.
    let mut restored = None;
    let mut restore_needed = None;
    let managed = service_is_active(updater);
    if schema_too_new_for(&updater.install_path, config)? {
        let backup = newest_preupdate_backup(config, &to).ok_or_else(|| {
            UpdateError::Service(format!(
                "the database was migrated by {from} and {to} cannot read it, and no pre-update backup (kairos-preupdate-v{to}-*.db) was found in {}",
                config.backup_dir().display()
            ))
        })?;
        if managed {
            systemctl(updater, &["stop", SERVICE])?;
        }
        if DataDirLock::is_held(&config.data_dir) {
            restore_needed = Some(backup);
        } else {
            backup::restore(config, &backup, now)?;
            restored = Some(backup);
        }
    }
    let restarted = if managed {
        restart_and_wait(updater, config)?;
        true
    } else {
        false
    };
    Ok(RolledBack {
        from,
        to,
        restored,
        restore_needed,
        restarted,
    })
}

/// Whether `binary` refuses the database of `config` as newer than itself.
fn schema_too_new_for(binary: &Path, config: &Config) -> Result<bool, UpdateError> {
    if !config.database_path().is_file() {
        return Ok(false);
    }
    let mut command = Command::new(binary);
    command.arg("--data-dir").arg(&config.data_dir);
    if let Some(file) = &config.file {
        command.arg("--config").arg(file);
    }
    let output = command
        .args(["migrate", "--check"])
        .output()
        .map_err(io("run", binary))?;
    let text = String::from_utf8_lossy(&output.stderr);
    Ok(!output.status.success() && text.contains("newer than this kairos binary"))
}

fn newest_preupdate_backup(config: &Config, version: &str) -> Option<PathBuf> {
    let prefix = format!("kairos-preupdate-v{version}-");
    let mut found: Vec<PathBuf> = std::fs::read_dir(config.backup_dir())
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect();
    found.sort();
    found.pop()
}

fn service_is_active(updater: &Updater) -> bool {
    Command::new(&updater.systemctl)
        .args(["is-active", "--quiet", SERVICE])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map(|status| status.success())
        .unwrap_or(false)
}

fn systemctl(updater: &Updater, args: &[&str]) -> Result<(), UpdateError> {
    let status = Command::new(&updater.systemctl)
        .args(args)
        .status()
        .map_err(|err| UpdateError::Service(format!("systemctl {}: {err}", args.join(" "))))?;
    if status.success() {
        Ok(())
    } else {
        Err(UpdateError::Service(format!(
            "systemctl {} failed ({status})",
            args.join(" ")
        )))
    }
}

/// Restarts the service and waits until `/readyz` answers 200.
fn restart_and_wait(updater: &Updater, config: &Config) -> Result<(), UpdateError> {
    systemctl(updater, &["restart", SERVICE])?;
    let mut addr = config.listen;
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() {
            std::net::Ipv4Addr::LOCALHOST.into()
        } else {
            std::net::Ipv6Addr::LOCALHOST.into()
        });
    }
    let url = format!("http://{addr}/readyz");
    let client = self_update::reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .map_err(|err| UpdateError::Service(err.to_string()))?;
    let deadline = Instant::now() + updater.ready_timeout;
    while Instant::now() < deadline {
        if client
            .get(&url)
            .send()
            .is_ok_and(|response| response.status().is_success())
        {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    Err(UpdateError::Service(format!(
        "{url} did not answer within {} s",
        updater.ready_timeout.as_secs()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_as_semver() {
        use std::cmp::Ordering::*;
        assert_eq!(compare("0.1.0", "0.2.0"), Less);
        assert_eq!(compare("0.10.0", "0.9.0"), Greater);
        assert_eq!(compare("1.0.0", "1.0.0"), Equal);
    }

    #[test]
    fn the_compiled_in_release_key_is_a_key() {
        assert_eq!(RELEASE_KEYS.len(), 1);
        assert!(RELEASE_KEYS[0].iter().any(|b| *b != 0));
    }

    #[test]
    fn verifying_without_keys_is_refused() {
        let err = verify_artifact(Path::new("/nonexistent.tar.gz"), &[]).expect_err("refused");
        assert!(matches!(err, UpdateError::NoKeys), "{err}");
    }
}
