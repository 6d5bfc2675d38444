//! The command line: `kairos [serve]`, `migrate`, `config show`, `admin …`, `backup`,
//! `restore`, `audit verify`, `audit reset-head`.

use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};

use crate::audit;
use crate::auth::{self, AccountInput};
use crate::clock::{Clock, SystemClock};
use crate::config::{Config, Flags};
use crate::db::{self, DbError, users};
use crate::instance::{Instance, InstanceSettings};
use crate::setup;

#[derive(Debug, Parser)]
#[command(
    name = "kairos",
    version,
    about = "Kairos: a self-hosted scheduling appliance"
)]
struct Cli {
    /// Directory for the database, key and backups [env: KAIROS_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Configuration file (TOML) [env: KAIROS_CONFIG; default: /etc/kairos/kairos.toml if it exists]
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server (the default when no command is given)
    Serve(ServeArgs),
    /// Apply pending database migrations and exit
    Migrate {
        /// Only report the schema version and pending migrations; exit status 1 when some are pending
        #[arg(long)]
        check: bool,
    },
    /// Inspect the configuration
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Administer accounts from the host shell
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Write a consistent copy of the database (works while the server runs)
    Backup {
        /// Where to write the copy [default: <data-dir>/backups/kairos-backup-<time>.db]
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Replace the database with a backup (the server must be stopped)
    Restore {
        /// The backup file to restore
        file: PathBuf,
    },
    /// Check the installation and say how to fix what is wrong (exit status 1 on a failure)
    Doctor,
    /// Check for, install or roll back a signed release of kairos
    Update(UpdateArgs),
    /// Manage personal API keys
    #[command(subcommand)]
    Apikey(ApikeyCommand),
    /// Check the audit log, or sign its current end
    #[command(subcommand)]
    Audit(AuditCommand),
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check the audit log's MAC chain and its signed head; report the first edited,
    /// deleted or cut-off row (exit status 1; 2 when the chain is intact but the head is
    /// missing)
    Verify,
    /// Sign the current end of the audit log as its head, and record that: after putting a
    /// database back by hand, or once a reported mismatch has been looked into
    ResetHead,
}

#[derive(Debug, Subcommand)]
enum ApikeyCommand {
    /// Create an API key for a user and print it (it is shown only once)
    Create {
        /// The user's email
        #[arg(long)]
        user: String,
        /// A name to recognize the key by
        #[arg(long, default_value = "command line")]
        name: String,
    },
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("action").args(["check", "apply", "rollback"])))]
struct UpdateArgs {
    /// Report whether a newer release exists (the default)
    #[arg(long)]
    check: bool,
    /// Download, verify and install the newest release (or --from FILE)
    #[arg(long)]
    apply: bool,
    /// Put the previous binary (kairos.previous) back
    #[arg(long)]
    rollback: bool,
    /// Install this signed release archive instead of downloading (air-gapped sites)
    #[arg(long, value_name = "FILE", conflicts_with_all = ["base_url", "check", "rollback"])]
    from: Option<PathBuf>,
    /// A mirror serving manifest.json and the release archives [default: update_base_url, else GitHub releases]
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Install an older release than the running one
    #[arg(long)]
    allow_downgrade: bool,
}

#[derive(Debug, Default, Args)]
struct ServeArgs {
    /// Address to listen on [env: KAIROS_LISTEN; default: 127.0.0.1:8080]
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// Serve HTTPS with this PEM certificate chain (with --tls-key; reloaded on SIGHUP) [env: KAIROS_TLS_CERT]
    #[arg(long, value_name = "FILE")]
    tls_cert: Option<PathBuf>,
    /// The PEM private key of --tls-cert [env: KAIROS_TLS_KEY]
    #[arg(long, value_name = "FILE")]
    tls_key: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum ConfigCommand {
    /// Print the effective configuration and where each value came from
    Show,
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create an administrator (the first one becomes the owner and completes setup)
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Read the password from the first line of standard input
        #[arg(long)]
        password_stdin: bool,
    },
    /// Print a one-time link, valid 30 minutes, that sets a new password for EMAIL
    ResetPassword { email: String },
    /// Remove EMAIL's two-step verification (authenticator and backup codes) and end their sessions
    ResetMfa { email: String },
    /// Make EMAIL an administrator
    GrantAdmin { email: String },
}

/// Runs the command line and returns the process exit status.
pub fn main() -> ExitCode {
    crate::instance::make_new_files_private();
    let cli = Cli::parse();
    let serve_args = match &cli.command {
        Some(Command::Serve(args)) => Some(args),
        _ => None,
    };
    let flags = Flags {
        config_file: cli.config.clone(),
        data_dir: cli.data_dir.clone(),
        listen: serve_args.and_then(|args| args.listen),
        tls_cert: serve_args.and_then(|args| args.tls_cert.clone()),
        tls_key: serve_args.and_then(|args| args.tls_key.clone()),
    };
    let config = match Config::load(&flags) {
        Ok(config) => config,
        Err(err) if matches!(cli.command, Some(Command::Doctor)) => {
            print!(
                "{}",
                crate::doctor::render(&[crate::doctor::config_failure(&err)])
            );
            return ExitCode::FAILURE;
        }
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command {
        None => serve(config),
        Some(Command::Serve(_)) => serve(config),
        Some(Command::Migrate { check }) => migrate(&config, check),
        Some(Command::Config(ConfigCommand::Show)) => {
            print!("{}", config.render());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Admin(command)) => admin(&config, command),
        Some(Command::Apikey(ApikeyCommand::Create { user, name })) => {
            create_api_key(&config, &user, &name)
        }
        Some(Command::Audit(AuditCommand::Verify)) => audit_verify(&config),
        Some(Command::Audit(AuditCommand::ResetHead)) => audit_reset_head(&config),
        Some(Command::Backup { output }) => backup(&config, output.as_deref()),
        Some(Command::Restore { file }) => restore(&config, &file),
        Some(Command::Update(args)) => update(&config, args),
        Some(Command::Doctor) => {
            let findings = crate::doctor::run(&config, SystemClock.now());
            print!("{}", crate::doctor::render(&findings));
            Ok(if crate::doctor::has_failures(&findings) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(config: &Config) {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .filter(|value| !value.is_empty())
        .unwrap_or_else(|| format!("{},refinery_core=warn", config.log_level));
    let filter = tracing_subscriber::EnvFilter::try_new(&filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stdout().is_terminal())
        .try_init();
    // A panic unwinds to the request or job that caused it (which then fails alone); the
    // log says where it happened.
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|at| format!("{}:{}", at.file(), at.line()))
            .unwrap_or_default();
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("");
        tracing::error!(%location, message, "panicked");
    }));
}

fn serve(config: Config) -> anyhow::Result<ExitCode> {
    init_logging(&config);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let running = crate::app::start(config, clock).await?;
        if let Some(url) = &running.setup_url {
            println!(
                "\nKairos is not set up yet. Open this link within 30 minutes to create the owner account:\n\n    {url}\n"
            );
            tracing::info!(setup_url = %url, "setup required: open the setup URL to create the owner account");
        }
        let service_manager = crate::systemd_notify::ServiceManager::announce_ready(&running);
        shutdown_signal().await;
        tracing::info!("shutting down");
        service_manager.stopping();
        running.shutdown().await?;
        Ok(ExitCode::SUCCESS)
    })
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {},
            _ = terminate.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

fn migrate(config: &Config, check: bool) -> anyhow::Result<ExitCode> {
    let migrations = db::embedded_migrations();
    if check {
        let status = db::check(&config.database_path(), &migrations, &config.key_path())?;
        println!(
            "database: {}\nschema version: {} (this binary: {})",
            config.database_path().display(),
            status.current,
            status.latest
        );
        if status.current > status.latest {
            return Err(DbError::SchemaTooNew {
                database: status.current,
                binary: status.latest,
            }
            .into());
        }
        if status.pending.is_empty() {
            println!("up to date");
            return Ok(ExitCode::SUCCESS);
        }
        for (version, name) in &status.pending {
            println!("pending: V{version} {name}");
        }
        return Ok(ExitCode::from(1));
    }
    let before = db::check(&config.database_path(), &migrations, &config.key_path())?;
    let instance = Instance::open(config, SystemClock.now())?;
    if before.pending.is_empty() {
        println!("schema version {}: up to date", instance.schema.current);
    } else {
        println!(
            "migrated the schema from version {} to {}",
            before.current, instance.schema.current
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn backup(config: &Config, output: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let written = crate::backup::backup_instance(config, output, SystemClock.now())?;
    println!(
        "backup written: {} ({} bytes)",
        written.path.display(),
        written.bytes
    );
    eprintln!(
        "The backup is encrypted with a key derived from {}: keep a copy of that file, stored apart from the backups, or they cannot be read.",
        config.key_path().display()
    );
    Ok(ExitCode::SUCCESS)
}

fn restore(config: &Config, file: &std::path::Path) -> anyhow::Result<ExitCode> {
    let restored = crate::backup::restore(config, file, SystemClock.now())?;
    println!(
        "restored {} into {} (schema version {})",
        file.display(),
        config.database_path().display(),
        restored.schema
    );
    if let Some(replaced) = &restored.replaced {
        println!("the replaced database is kept as {}", replaced.display());
    }
    if let Some(row) = restored.audit_row {
        println!(
            "the restore is recorded as audit row {row}, and the audit log's signed head was reset to it"
        );
    }
    if restored.schema < restored.binary {
        println!(
            "the next start migrates it from schema version {} to {}",
            restored.schema, restored.binary
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn update(config: &Config, args: UpdateArgs) -> anyhow::Result<ExitCode> {
    use crate::update::{Applied, CheckResult, Source, Updater};
    let source = match args.from {
        Some(file) => Source::File(file),
        None => crate::update::remote_source(config, args.base_url),
    };
    let apply = args.apply || matches!(source, Source::File(_));
    let updater = Updater::for_running_binary(source, args.allow_downgrade)?;
    let now = SystemClock.now();
    if args.rollback {
        let rolled = crate::update::rollback(&updater, config, now)?;
        println!("rolled back from {} to {}", rolled.from, rolled.to);
        if let Some(backup) = &rolled.restored {
            println!("restored the database from {}", backup.display());
        }
        if let Some(backup) = &rolled.restore_needed {
            println!(
                "the database was migrated by {}: stop the server, then run `kairos restore {}`",
                rolled.from,
                backup.display()
            );
        }
        if !rolled.restarted {
            println!("restart the server to run {}", rolled.to);
        }
        return Ok(ExitCode::SUCCESS);
    }
    if !apply {
        match crate::update::check(&updater)? {
            CheckResult::Newer { current, available } => println!(
                "update available: {} (running {current}); install it with kairos update --apply",
                available.version
            ),
            CheckResult::UpToDate { current, .. } => println!("up to date: {current}"),
            CheckResult::Older { current, latest } => {
                println!("running {current}, newer than the latest release {latest}")
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    match crate::update::apply(&updater, config, now)? {
        Applied::AlreadyCurrent { version } => println!("already running {version}"),
        Applied::Installed {
            from,
            to,
            previous,
            database_backup,
            restarted,
        } => {
            println!("updated {from} -> {to}");
            if let Some(backup) = database_backup {
                println!("database backed up to {}", backup.display());
            }
            println!(
                "the previous binary is kept as {} (kairos update --rollback puts it back)",
                previous.display()
            );
            if restarted {
                println!("kairos.service restarted and ready");
            } else {
                println!("restart the server to run {to}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn admin(config: &Config, command: AdminCommand) -> anyhow::Result<ExitCode> {
    let now = SystemClock.now();
    match command {
        AdminCommand::Create {
            email,
            name,
            password_stdin,
        } => {
            if !password_stdin {
                anyhow::bail!(
                    "pass the password on standard input with --password-stdin, e.g. `kairos admin create --email … --name … --password-stdin < password.txt`"
                );
            }
            let mut password = String::new();
            std::io::stdin().lock().read_line(&mut password)?;
            let password = password.trim_end_matches(['\n', '\r']).to_string();
            let instance = Instance::open(config, now)?;
            let input = AccountInput {
                name,
                email,
                password,
            };
            let (user_id, role) = setup::create_admin_headless(&instance.db, input, now)?;
            println!("created {} account {user_id}", role.as_str());
            Ok(ExitCode::SUCCESS)
        }
        AdminCommand::ResetPassword { email } => {
            let instance = Instance::open(config, now)?;
            let (token, settings) = instance.db.write_blocking(|tx| -> anyhow::Result<_> {
                let user = account_by_email(tx, &email)?;
                let token = auth::issue_password_link(tx, user.id, now, auth::RESET_LINK_VALIDITY)?;
                let entry = audit::Entry {
                    actor: audit::Actor::System("cli"),
                    action: "password_link_issued",
                    object: Some(format!("user:{}", user.id)),
                    outcome: audit::Outcome::Success,
                    origin: &audit::Origin::host(),
                };
                audit::record(tx, now, &entry)?;
                Ok((token, InstanceSettings::load(tx)?))
            })?;
            let base = crate::app::base_url(config, &settings, config.listen);
            println!("{base}/reset/{token}");
            eprintln!("This link sets a new password once and expires in 30 minutes.");
            Ok(ExitCode::SUCCESS)
        }
        AdminCommand::ResetMfa { email } => {
            let instance = Instance::open(config, now)?;
            let removed = instance.db.write_blocking(|tx| -> anyhow::Result<bool> {
                let user = account_by_email(tx, &email)?;
                let (actor, origin) = (audit::Actor::System("cli"), audit::Origin::host());
                Ok(auth::mfa::reset(tx, user.id, actor, &origin, now)?)
            })?;
            if removed {
                println!("two-step verification removed for {email}; their sessions ended");
            } else {
                println!("{email} had no two-step verification; their sessions ended");
            }
            Ok(ExitCode::SUCCESS)
        }
        AdminCommand::GrantAdmin { email } => {
            let instance = Instance::open(config, now)?;
            let granted = instance.db.write_blocking(|tx| -> anyhow::Result<bool> {
                let user = account_by_email(tx, &email)?;
                if user.role.is_admin() {
                    return Ok(false);
                }
                users::set_role(tx, user.id, users::Role::Admin, now)?;
                let entry = audit::Entry {
                    actor: audit::Actor::System("cli"),
                    action: "admin_granted",
                    object: Some(format!("user:{}", user.id)),
                    outcome: audit::Outcome::Success,
                    origin: &audit::Origin::host(),
                };
                audit::record(tx, now, &entry)?;
                Ok(true)
            })?;
            if granted {
                println!("{email} is now an administrator");
            } else {
                println!("{email} is already an administrator");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The account with this email, or an error naming it.
fn account_by_email(conn: &rusqlite::Connection, email: &str) -> anyhow::Result<users::User> {
    users::by_email(conn, email.trim())?
        .ok_or_else(|| anyhow::anyhow!("no account has the email {email:?}"))
}

fn audit_verify(config: &Config) -> anyhow::Result<ExitCode> {
    let instance = Instance::open(config, SystemClock.now())?;
    // Rows committed by this very start (none, unless it sealed the log) are signed first.
    instance.audit_head.flush();
    let file = instance.audit_head.file().clone();
    let (verification, anchor) = instance.db.read_blocking(|conn| {
        let verification = audit::verify_with_head(conn, &instance.key, &file)?;
        Ok::<_, audit::AuditError>((verification, audit::anchor(conn)?))
    })?;
    if let Some(broken) = verification.broken {
        println!("audit log BROKEN: {broken}");
        return Ok(ExitCode::from(1));
    }
    println!(
        "audit log intact: {} rows, MAC chain verified",
        verification.rows
    );
    if let Some(anchor) = &anchor {
        println!(
            "rows up to {} were removed by retention on {}; the chain is verified from there",
            anchor.through_id,
            anchor.pruned_at.format("%Y-%m-%d")
        );
    }
    if let Some(first_keyed_id) = verification.keyed_from
        && first_keyed_id > anchor.as_ref().map_or(1, |anchor| anchor.through_id + 1)
    {
        println!(
            "rows before {first_keyed_id} were written before keyed chaining: their SHA-256 chain is verified and pinned as a whole"
        );
    }
    match verification.head {
        audit::HeadCheck::Matches { through_id } => {
            println!(
                "the signed head ({}) vouches for rows up to {through_id}, and they match it",
                file.path().display()
            );
            Ok(ExitCode::SUCCESS)
        }
        audit::HeadCheck::Missing => {
            println!(
                "the signed head {} is MISSING: the removal of the newest rows cannot be ruled out. Compare the log with your backups; then `kairos audit reset-head` signs its current end",
                file.path().display()
            );
            Ok(ExitCode::from(2))
        }
        audit::HeadCheck::NotChecked => Ok(ExitCode::SUCCESS),
    }
}

fn audit_reset_head(config: &Config) -> anyhow::Result<ExitCode> {
    let now = SystemClock.now();
    let instance = Instance::open(config, now)?;
    let head = audit::reset_head(&instance.db, instance.audit_head.file(), now)?;
    println!(
        "the reset is recorded as audit row {}; the signed head now vouches for the log up to it",
        head.last_id
    );
    Ok(ExitCode::SUCCESS)
}

fn create_api_key(config: &Config, email: &str, name: &str) -> anyhow::Result<ExitCode> {
    let now = SystemClock.now();
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        anyhow::bail!("--name must be 1 to 100 characters");
    }
    let instance = Instance::open(config, now)?;
    let key = instance.db.write_blocking(|tx| -> anyhow::Result<String> {
        let user = account_by_email(tx, email)?;
        if user.disabled {
            anyhow::bail!("the account {email:?} is disabled");
        }
        let actor = audit::Actor::System("cli");
        Ok(auth::create_api_key(tx, user.id, name, actor, &audit::Origin::host(), now)?.1)
    })?;
    println!("{key}");
    eprintln!(
        "Keep this key safe: it is shown only once. Send it as `Authorization: Bearer <key>`."
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// The flags are clap arguments here and rows of the configuration table there: each
    /// table flag is an argument of `kairos` or `kairos serve` whose help names its
    /// variable, and every `serve` argument is a table flag.
    #[test]
    fn flags_match_the_configuration_table() {
        let command = Cli::command();
        let serve = command.find_subcommand("serve").expect("serve subcommand");
        let arguments: Vec<&clap::Arg> = command
            .get_arguments()
            .chain(serve.get_arguments())
            .collect();
        let flags: Vec<_> = Config::KEYS
            .iter()
            .filter_map(|key| Some((key.flag?, key.env)))
            .collect();
        for (flag, env) in &flags {
            let argument = arguments
                .iter()
                .find(|argument| {
                    argument
                        .get_long()
                        .map(|long| format!("--{long}"))
                        .as_deref()
                        == Some(*flag)
                })
                .unwrap_or_else(|| panic!("{flag} is not a command-line flag"));
            let help = argument
                .get_help()
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(help.contains(&format!("env: {env}")), "{flag}: {help}");
        }
        for argument in serve.get_arguments() {
            let long = argument.get_long().map(|long| format!("--{long}"));
            assert!(
                flags.iter().any(|(flag, _)| long.as_deref() == Some(*flag)),
                "serve {long:?} is not in the configuration table"
            );
        }
    }
}
