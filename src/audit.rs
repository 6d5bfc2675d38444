//! The audit log: an append-only, hash-chained record of who did what, from where.
//!
//! [`record`] appends one row inside the caller's transaction, so an action and its audit
//! row commit or roll back together. [`verify`] walks the chain and names the first row
//! that was edited or deleted.
//!
//! # The chain
//!
//! Rows are numbered `1, 2, 3, …` without gaps. Row `n` stores
//!
//! ```text
//! hash(n) = SHA-256( hash(n-1) || encode(row n) )      hash(0) = 32 zero bytes
//! ```
//!
//! where `encode` is, in this order:
//!
//! 1. the 16 bytes `kairos-audit-v1\0` (the format version),
//! 2. `id` and `at` (Unix seconds), each as an 8-byte big-endian two's-complement integer,
//! 3. `actor_kind`, `actor_id`, `action`, `object`, `outcome`, `ip`, `user_agent`, each as
//!    one byte `0` for NULL, or one byte `1`, the UTF-8 length as a 4-byte big-endian
//!    integer, then the UTF-8 bytes.
//!
//! Every field is length-prefixed, so no two different rows encode to the same bytes.
//! Editing any column of row `n` makes its stored hash disagree with the recomputed one;
//! deleting row `n` leaves a gap in the ids (and row `n+1` no longer chains). What the
//! chain alone cannot show is the removal of the newest rows together; backups and the
//! host's own logs are the check for that.
//!
//! No passwords, tokens, emails or names go into rows: objects are ids and uids.
//!
//! # Retention: pruning without breaking the chain
//!
//! Rows older than the retention period (an instance setting, 6 years unless changed)
//! are removed by a daily job ([`prune`]). The chain then starts after the last removed
//! row, so [`prune`] keeps an *anchor* in `audit_anchor`: the id and hash of that row,
//! and an HMAC-SHA256 over both (and the time of pruning) under a key derived from the
//! instance key, which lives in `kairos.key` beside the database, not in it. [`verify`]
//! checks the anchor's MAC, then walks the chain from the anchor's hash and id as it
//! would from the genesis hash and id 1.
//!
//! The delete path is guarded twice:
//!
//! - The `audit_log_no_delete` trigger refuses to delete any row above the anchor. To
//!   delete rows, the anchor must first move past them, and pruning moves it and
//!   deletes in one transaction, after checking that the chain up to there is intact
//!   (it never anchors over an edited row), and after appending an `audit_pruned` row.
//! - Someone with plain SQL access can drop the triggers or move the anchor, but cannot
//!   compute the anchor's MAC without the instance key. Deleting old rows without moving
//!   the anchor leaves a gap that [`verify`] names; moving the anchor forward by hand
//!   fails its MAC check; putting back an older anchor leaves the rows between it and
//!   the first remaining row missing, which [`verify`] names too.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::booking::BookingError;
use crate::crypto::InstanceKey;
use crate::db::{Db, DbError, instant};

/// The first bytes of every row's encoding; a new encoding gets a new version.
const FORMAT: &[u8; 16] = b"kairos-audit-v1\0";
/// The hash before the first row.
const GENESIS: [u8; 32] = [0; 32];
/// User agents are cut to this many characters.
const MAX_USER_AGENT: usize = 256;

/// Who acted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in user (or the account a failed sign-in named).
    User(i64),
    /// A request authenticated with this API key.
    ApiKey(i64),
    /// An invitee holding a booking's manage token (the token itself is never stored).
    Invitee,
    /// The appliance itself or its operator at the host shell (`cli`).
    System(&'static str),
    /// Nobody known: a failed sign-in for an unknown email, say.
    Anonymous,
}

impl Actor {
    fn columns(&self) -> (&'static str, Option<String>) {
        match self {
            Actor::User(id) => ("user", Some(id.to_string())),
            Actor::ApiKey(id) => ("api_key", Some(id.to_string())),
            Actor::Invitee => ("invitee", None),
            Actor::System(name) => ("system", Some((*name).to_string())),
            Actor::Anonymous => ("anonymous", None),
        }
    }
}

/// How the action went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// Tried and failed (wrong password, invalid link).
    Failure,
    /// Refused: not allowed, or nothing the actor may see.
    Denied,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Denied => "denied",
        }
    }
}

/// Where a request came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
}

impl Origin {
    /// The host shell: no address, no browser.
    pub fn host() -> Self {
        Self::default()
    }

    pub fn new(ip: IpAddr, user_agent: Option<&str>) -> Self {
        Self {
            ip: Some(ip),
            user_agent: user_agent
                .map(|agent| agent.chars().take(MAX_USER_AGENT).collect::<String>())
                .filter(|agent| !agent.is_empty()),
        }
    }
}

/// What to write: the time and the hash are added by [`record`].
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub actor: Actor,
    /// What was done, in snake case: `sign_in`, `booking_viewed`, ….
    pub action: &'static str,
    /// What it was done to, as `kind:id` (`user:3`, `booking:<uid>`), if anything.
    pub object: Option<String>,
    pub outcome: Outcome,
    pub origin: &'a Origin,
}

/// A row as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub action: String,
    pub object: Option<String>,
    pub outcome: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub hash: Vec<u8>,
}

impl Row {
    /// The canonical encoding described in the module documentation.
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(128);
        out.extend_from_slice(FORMAT);
        out.extend_from_slice(&self.id.to_be_bytes());
        out.extend_from_slice(&self.at.timestamp().to_be_bytes());
        for field in [
            Some(self.actor_kind.as_str()),
            self.actor_id.as_deref(),
            Some(self.action.as_str()),
            self.object.as_deref(),
            Some(self.outcome.as_str()),
            self.ip.as_deref(),
            self.user_agent.as_deref(),
        ] {
            match field {
                None => out.push(0),
                Some(text) => {
                    out.push(1);
                    // Audit fields are short (user agents are cut); a longer one could
                    // not have been written by `record`, so saturating is only defensive.
                    let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
                    out.extend_from_slice(&len.to_be_bytes());
                    out.extend_from_slice(text.as_bytes());
                }
            }
        }
        out
    }

    fn chained_hash(&self, previous: &[u8]) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(previous);
        hasher.update(self.encode());
        hasher.finalize().into()
    }
}

/// Appends one row. Call it inside the transaction that does the action (writes are
/// serialized, so the chain has one head).
pub fn record(conn: &Connection, now: DateTime<Utc>, entry: &Entry<'_>) -> rusqlite::Result<i64> {
    let last: Option<(i64, Vec<u8>)> = conn
        .query_row(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let (id, previous) = match last {
        Some((id, hash)) => (id + 1, hash),
        None => match anchor(conn)? {
            Some(anchor) => (anchor.through_id + 1, anchor.through_hash),
            None => (1, GENESIS.to_vec()),
        },
    };
    let (actor_kind, actor_id) = entry.actor.columns();
    let mut row = Row {
        id,
        at: instant(now.timestamp()),
        actor_kind: actor_kind.to_string(),
        actor_id,
        action: entry.action.to_string(),
        object: entry.object.clone(),
        outcome: entry.outcome.as_str().to_string(),
        ip: entry.origin.ip.map(|ip| ip.to_string()),
        user_agent: entry.origin.user_agent.clone(),
        hash: Vec::new(),
    };
    row.hash = row.chained_hash(&previous).to_vec();
    conn.execute(
        "INSERT INTO audit_log (id, at, actor_kind, actor_id, action, object, outcome, ip, user_agent, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            row.id,
            row.at.timestamp(),
            row.actor_kind,
            row.actor_id,
            row.action,
            row.object,
            row.outcome,
            row.ip,
            row.user_agent,
            row.hash,
        ],
    )?;
    Ok(id)
}

/// Appends one row in a transaction of its own, for outcomes that write nothing else
/// (a refused sign-in, a view).
pub async fn record_alone(
    db: &Db,
    now: DateTime<Utc>,
    actor: Actor,
    action: &'static str,
    object: Option<String>,
    outcome: Outcome,
    origin: &Origin,
) -> Result<(), DbError> {
    let origin = origin.clone();
    db.write(move |tx| {
        let entry = Entry {
            actor,
            action,
            object,
            outcome,
            origin: &origin,
        };
        record(tx, now, &entry).map_err(DbError::from)
    })
    .await
    .map(|_| ())
}

/// The object naming a booking: `booking:<uid>`, cut short (a uid in a URL can be anything).
pub fn booking_object(uid: &str) -> String {
    format!("booking:{}", uid.chars().take(64).collect::<String>())
}

/// Audits an attempt to see a booking's details or answers: `booking_viewed` with success
/// when `result` is the booking, denied when there is no such booking for this actor.
/// Other failures showed nothing and are not views. Callers show the booking only after
/// this returned `Ok`: no unaudited view.
pub async fn booking_viewed<T>(
    db: &Db,
    now: DateTime<Utc>,
    actor: Actor,
    uid: &str,
    origin: &Origin,
    result: &Result<T, BookingError>,
) -> Result<(), DbError> {
    let outcome = match result {
        Ok(_) => Outcome::Success,
        Err(BookingError::BookingNotFound) => Outcome::Denied,
        Err(_) => return Ok(()),
    };
    let object = Some(booking_object(uid));
    record_alone(db, now, actor, "booking_viewed", object, outcome, origin).await
}

/// Audits a list answer that showed the details of `uids`: one `booking_viewed` row per
/// booking, in one transaction.
pub async fn bookings_listed(
    db: &Db,
    now: DateTime<Utc>,
    actor: Actor,
    uids: Vec<String>,
    origin: &Origin,
) -> Result<(), DbError> {
    if uids.is_empty() {
        return Ok(());
    }
    let origin = origin.clone();
    db.write(move |tx| -> Result<(), DbError> {
        for uid in &uids {
            let entry = Entry {
                actor: actor.clone(),
                action: "booking_viewed",
                object: Some(booking_object(uid)),
                outcome: Outcome::Success,
                origin: &origin,
            };
            record(tx, now, &entry)?;
        }
        Ok(())
    })
    .await
}

/// Where the chain breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// Row `id` is there, but its content or hash is not what was written.
    Edited { id: i64 },
    /// Row `id` is missing (the first missing one when several are).
    Deleted { id: i64 },
    /// The anchor the chain starts from after pruning was not written by Kairos.
    ForgedAnchor { through_id: i64 },
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Broken::Edited { id } => write!(f, "audit row {id} was edited"),
            Broken::Deleted { id } => write!(f, "audit row {id} was deleted"),
            Broken::ForgedAnchor { through_id } => write!(
                f,
                "the retention anchor (rows up to {through_id} pruned) was not written by Kairos"
            ),
        }
    }
}

/// Where the chain starts after pruning: the last pruned row's id and hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub through_id: i64,
    pub through_hash: Vec<u8>,
    pub pruned_at: DateTime<Utc>,
    mac: Vec<u8>,
}

/// The purpose of the key that authenticates anchors.
const ANCHOR_KEY: &str = "audit.anchor";

fn anchor_mac(key: &InstanceKey, through_id: i64, through_hash: &[u8], at: i64) -> Vec<u8> {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.derive(ANCHOR_KEY))
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(b"kairos-audit-anchor-v1\0");
    mac.update(&through_id.to_be_bytes());
    mac.update(through_hash);
    mac.update(&at.to_be_bytes());
    mac.finalize().into_bytes().to_vec()
}

impl Anchor {
    fn authentic(&self, key: &InstanceKey) -> bool {
        let expected = anchor_mac(
            key,
            self.through_id,
            &self.through_hash,
            self.pruned_at.timestamp(),
        );
        crate::crypto::constant_time_eq(&expected, &self.mac)
    }
}

/// The anchor, once the log has been pruned.
pub fn anchor(conn: &Connection) -> rusqlite::Result<Option<Anchor>> {
    conn.query_row(
        "SELECT through_id, through_hash, pruned_at, mac FROM audit_anchor WHERE id = 1",
        [],
        |row| {
            Ok(Anchor {
                through_id: row.get(0)?,
                through_hash: row.get(1)?,
                pruned_at: instant(row.get(2)?),
                mac: row.get(3)?,
            })
        },
    )
    .optional()
}

#[derive(Debug, thiserror::Error)]
pub enum PruneError {
    /// Pruning would anchor the chain on a row that does not verify.
    #[error("the audit log does not verify ({0}); nothing was pruned")]
    Broken(Broken),
    #[error(transparent)]
    Db(#[from] rusqlite::Error),
}

/// What [`prune`] removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pruned {
    /// Rows removed.
    pub rows: i64,
    /// The id of the last removed row: the new anchor.
    pub through_id: i64,
}

/// Removes the rows older than `cutoff`, keeping the chain verifiable from a new anchor,
/// and records the pruning as an `audit_pruned` row. Run it in one write transaction.
/// Nothing is pruned when the chain does not verify.
pub fn prune(
    conn: &Connection,
    key: &InstanceKey,
    cutoff: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Option<Pruned>, PruneError> {
    if let Some(broken) = verify(conn, key)?.broken {
        return Err(PruneError::Broken(broken));
    }
    // The oldest row that stays; everything before it goes.
    let first_kept: Option<i64> = conn.query_row(
        "SELECT min(id) FROM audit_log WHERE at >= ?1",
        [cutoff.timestamp()],
        |row| row.get(0),
    )?;
    let last_old: Option<(i64, Vec<u8>)> = conn
        .query_row(
            "SELECT id, hash FROM audit_log WHERE id < ?1 ORDER BY id DESC LIMIT 1",
            [first_kept.unwrap_or(i64::MAX)],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let Some((through_id, through_hash)) = last_old else {
        return Ok(None);
    };
    let rows: i64 = conn.query_row(
        "SELECT count(*) FROM audit_log WHERE id <= ?1",
        [through_id],
        |row| row.get(0),
    )?;
    // Recorded first, so the log is never empty and the new row chains as usual.
    record(
        conn,
        now,
        &Entry {
            actor: Actor::System("retention"),
            action: "audit_pruned",
            object: Some(format!("audit_log:..{through_id}")),
            outcome: Outcome::Success,
            origin: &Origin::host(),
        },
    )?;
    let at = now.timestamp();
    conn.execute(
        "INSERT INTO audit_anchor (id, through_id, through_hash, pruned_at, mac)
         VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET through_id = excluded.through_id,
           through_hash = excluded.through_hash, pruned_at = excluded.pruned_at,
           mac = excluded.mac",
        params![
            through_id,
            through_hash,
            at,
            anchor_mac(key, through_id, &through_hash, at)
        ],
    )?;
    conn.execute("DELETE FROM audit_log WHERE id <= ?1", [through_id])?;
    tracing::info!(rows, through_id, "audit log pruned");
    Ok(Some(Pruned { rows, through_id }))
}

/// What [`verify`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verification {
    /// Rows checked.
    pub rows: i64,
    /// The first break, if any.
    pub broken: Option<Broken>,
}

/// The columns of an audit row, in the order [`row_from`] reads them.
const ROW_COLUMNS: &str =
    "id, at, actor_kind, actor_id, action, object, outcome, ip, user_agent, hash";

fn row_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: row.get(0)?,
        at: instant(row.get(1)?),
        actor_kind: row.get(2)?,
        actor_id: row.get(3)?,
        action: row.get(4)?,
        object: row.get(5)?,
        outcome: row.get(6)?,
        ip: row.get(7)?,
        user_agent: row.get(8)?,
        hash: row.get(9)?,
    })
}

/// The job kind that prunes audit rows past the retention period, once a day.
pub const RETENTION_JOB: &str = "audit_retention";

/// Makes sure the retention job runs on `run_at`'s day: one job per date, so starting
/// the server again the same day adds none.
pub fn schedule_retention(
    conn: &Connection,
    run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let key = format!("audit-retention:{}", run_at.date_naive());
    let payload = serde_json::json!({});
    let job = crate::jobs::NewJob::new(RETENTION_JOB, &payload, run_at).dedupe_key(&key);
    crate::jobs::queue::enqueue(conn, &job, now)?;
    Ok(())
}

/// The instant before which rows are pruned when they are kept `years` years.
pub fn retention_cutoff(now: DateTime<Utc>, years: u32) -> DateTime<Utc> {
    now.checked_sub_months(chrono::Months::new(years.saturating_mul(12)))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// The daily retention run: schedules tomorrow's, then prunes rows older than `years`.
/// A chain that does not verify is left as it is (and reported in the log).
pub async fn run_retention(
    db: &Db,
    key: &InstanceKey,
    years: u32,
    now: DateTime<Utc>,
) -> Result<Option<Pruned>, DbError> {
    let key = key.clone();
    db.write(move |tx| -> Result<Option<Pruned>, DbError> {
        schedule_retention(tx, now + chrono::Duration::days(1), now)?;
        match prune(tx, &key, retention_cutoff(now, years), now) {
            Ok(pruned) => Ok(pruned),
            Err(PruneError::Broken(broken)) => {
                tracing::warn!(%broken, "audit log not pruned: its hash chain does not verify");
                Ok(None)
            }
            Err(PruneError::Db(err)) => Err(err.into()),
        }
    })
    .await
}

/// Walks the whole chain from the first row (or, after pruning, from the anchor, whose
/// MAC is checked with `key`) and reports the first edited or deleted row.
pub fn verify(conn: &Connection, key: &InstanceKey) -> rusqlite::Result<Verification> {
    let (first_id, mut previous) = match anchor(conn)? {
        None => (1, GENESIS.to_vec()),
        Some(anchor) if anchor.authentic(key) => (anchor.through_id + 1, anchor.through_hash),
        Some(anchor) => {
            return Ok(Verification {
                rows: 0,
                broken: Some(Broken::ForgedAnchor {
                    through_id: anchor.through_id,
                }),
            });
        }
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT {ROW_COLUMNS} FROM audit_log WHERE id >= ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([first_id], row_from)?;
    let mut checked = 0;
    for (expected_id, row) in (first_id..).zip(rows) {
        let row = row?;
        checked += 1;
        if row.id != expected_id {
            return Ok(Verification {
                rows: checked,
                broken: Some(Broken::Deleted { id: expected_id }),
            });
        }
        if row.chained_hash(&previous)[..] != row.hash[..] {
            return Ok(Verification {
                rows: checked,
                broken: Some(Broken::Edited { id: row.id }),
            });
        }
        previous = row.hash;
    }
    Ok(Verification {
        rows: checked,
        broken: None,
    })
}

/// Which rows to show or export; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub action: Option<String>,
    /// `user`, `api_key`, `invitee`, `system` or `anonymous`.
    pub actor_kind: Option<String>,
    pub actor_id: Option<String>,
    /// Rows at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Rows before this instant.
    pub until: Option<DateTime<Utc>>,
}

/// The newest rows matching `filter`, at most `limit`, newest first.
pub fn search(conn: &Connection, filter: &Filter, limit: usize) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor_kind, actor_id, action, object, outcome, ip, user_agent, hash
         FROM audit_log
         WHERE (?1 IS NULL OR action = ?1)
           AND (?2 IS NULL OR actor_kind = ?2)
           AND (?3 IS NULL OR actor_id = ?3)
           AND (?4 IS NULL OR at >= ?4)
           AND (?5 IS NULL OR at < ?5)
         ORDER BY id DESC
         LIMIT ?6",
    )?;
    let rows = stmt.query_map(
        params![
            filter.action,
            filter.actor_kind,
            filter.actor_id,
            filter.from.map(|t| t.timestamp()),
            filter.until.map(|t| t.timestamp()),
            i64::try_from(limit).unwrap_or(i64::MAX),
        ],
        read_row,
    )?;
    rows.collect()
}

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: row.get(0)?,
        at: instant(row.get(1)?),
        actor_kind: row.get(2)?,
        actor_id: row.get(3)?,
        action: row.get(4)?,
        object: row.get(5)?,
        outcome: row.get(6)?,
        ip: row.get(7)?,
        user_agent: row.get(8)?,
        hash: row.get(9)?,
    })
}

/// The rows of one action, oldest first.
pub fn find(conn: &Connection, action: &str) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ROW_COLUMNS} FROM audit_log WHERE action = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([action], row_from)?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    fn key() -> InstanceKey {
        InstanceKey::from_bytes([9; 32])
    }

    /// The audit table as the migrations leave it (V9 adds the retention anchor).
    fn schema(conn: &Connection) -> rusqlite::Result<()> {
        conn.execute_batch(include_str!("../migrations/V5__audit.sql"))?;
        conn.execute_batch(
            "CREATE TABLE users (id INTEGER PRIMARY KEY);
             CREATE TABLE sessions (token_hash BLOB PRIMARY KEY);
             CREATE TABLE jobs (id INTEGER PRIMARY KEY);",
        )?;
        conn.execute_batch(include_str!("../migrations/V9__mfa_lifecycle.sql"))
    }

    fn log() -> rusqlite::Result<Connection> {
        let conn = Connection::open_in_memory()?;
        schema(&conn)?;
        let origin = Origin::new([192, 0, 2, 7].into(), Some("Firefox"));
        for (n, action) in ["sign_in", "booking_viewed", "sign_out", "sign_in"]
            .into_iter()
            .enumerate()
        {
            record(
                &conn,
                t0() + chrono::Duration::seconds(n as i64),
                &Entry {
                    actor: Actor::User(3),
                    action,
                    object: Some(format!("booking:uid{n}")),
                    outcome: Outcome::Success,
                    origin: &origin,
                },
            )?;
        }
        // What someone with the file would do first.
        conn.execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")?;
        Ok(conn)
    }

    #[test]
    fn an_untouched_chain_verifies() -> rusqlite::Result<()> {
        let conn = log()?;
        assert_eq!(
            verify(&conn, &key())?,
            Verification {
                rows: 4,
                broken: None
            }
        );
        let rows = find(&conn, "sign_in")?;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].ip.as_deref(), Some("192.0.2.7"));
        assert_eq!(rows[0].actor_id.as_deref(), Some("3"));
        Ok(())
    }

    #[test]
    fn an_edited_column_names_its_row() -> rusqlite::Result<()> {
        for column in [
            "at = at + 1",
            "actor_id = '4'",
            "action = 'sign_out'",
            "object = NULL",
            "outcome = 'failure'",
            "ip = '192.0.2.8'",
            "user_agent = 'Chrome'",
            "hash = zeroblob(32)",
        ] {
            let conn = log()?;
            conn.execute(&format!("UPDATE audit_log SET {column} WHERE id = 2"), [])?;
            assert_eq!(
                verify(&conn, &key())?.broken,
                Some(Broken::Edited { id: 2 }),
                "{column}"
            );
        }
        Ok(())
    }

    #[test]
    fn a_deleted_row_is_named() -> rusqlite::Result<()> {
        let conn = log()?;
        conn.execute("DELETE FROM audit_log WHERE id = 2", [])?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Deleted { id: 2 })
        );

        let conn = log()?;
        conn.execute("DELETE FROM audit_log WHERE id = 1", [])?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Deleted { id: 1 })
        );

        // Renumbering to hide the gap breaks the hash of the moved row instead.
        let conn = log()?;
        conn.execute("DELETE FROM audit_log WHERE id = 2", [])?;
        conn.execute("UPDATE audit_log SET id = 2 WHERE id = 3", [])?;
        conn.execute("UPDATE audit_log SET id = 3 WHERE id = 4", [])?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Edited { id: 2 })
        );
        Ok(())
    }

    #[test]
    fn the_application_cannot_change_rows() -> rusqlite::Result<()> {
        let conn = Connection::open_in_memory()?;
        schema(&conn)?;
        record(
            &conn,
            t0(),
            &Entry {
                actor: Actor::System("cli"),
                action: "admin_created",
                object: Some("user:1".into()),
                outcome: Outcome::Success,
                origin: &Origin::host(),
            },
        )?;
        assert!(
            conn.execute("UPDATE audit_log SET action = 'x'", [])
                .is_err()
        );
        assert!(conn.execute("DELETE FROM audit_log", []).is_err());
        Ok(())
    }

    /// Four rows a day apart, triggers in place.
    fn guarded_log() -> rusqlite::Result<Connection> {
        let conn = Connection::open_in_memory()?;
        schema(&conn)?;
        for n in 0..4 {
            record(
                &conn,
                t0() + chrono::Duration::days(n),
                &Entry {
                    actor: Actor::User(3),
                    action: "sign_in",
                    object: None,
                    outcome: Outcome::Success,
                    origin: &Origin::host(),
                },
            )?;
        }
        Ok(conn)
    }

    #[test]
    fn pruning_keeps_the_chain_verifiable_from_an_anchor() -> Result<(), Box<dyn std::error::Error>>
    {
        let conn = guarded_log()?;
        let now = t0() + chrono::Duration::days(10);
        let pruned = prune(&conn, &key(), t0() + chrono::Duration::days(2), now)?;
        assert_eq!(
            pruned,
            Some(Pruned {
                rows: 2,
                through_id: 2
            })
        );
        let verification = verify(&conn, &key())?;
        assert_eq!(
            verification,
            Verification {
                rows: 3,
                broken: None
            }
        );
        assert_eq!(find(&conn, "audit_pruned")?.len(), 1);
        // Nothing more is old enough: a second run prunes nothing.
        assert_eq!(
            prune(&conn, &key(), t0() + chrono::Duration::days(2), now)?,
            None
        );
        // Rows after the anchor stay append-only.
        assert!(
            conn.execute("DELETE FROM audit_log WHERE id = 3", [])
                .is_err()
        );
        assert!(conn.execute("DELETE FROM audit_anchor", []).is_err());
        assert!(
            conn.execute("UPDATE audit_anchor SET through_id = 1", [])
                .is_err()
        );
        Ok(())
    }

    #[test]
    fn an_anchor_moved_by_hand_is_detected() -> Result<(), Box<dyn std::error::Error>> {
        let conn = guarded_log()?;
        let now = t0() + chrono::Duration::days(10);
        prune(&conn, &key(), t0() + chrono::Duration::days(1), now)?;
        // Moving the anchor past row 2 lets the trigger delete it, but the MAC fails.
        conn.execute(
            "UPDATE audit_anchor SET through_id = 2,
             through_hash = (SELECT hash FROM audit_log WHERE id = 2)",
            [],
        )?;
        conn.execute("DELETE FROM audit_log WHERE id = 2", [])?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::ForgedAnchor { through_id: 2 })
        );
        // Another instance key cannot vouch for a genuine anchor either.
        let conn = guarded_log()?;
        prune(&conn, &key(), t0() + chrono::Duration::days(1), now)?;
        let other = InstanceKey::from_bytes([1; 32]);
        assert!(matches!(
            verify(&conn, &other)?.broken,
            Some(Broken::ForgedAnchor { .. })
        ));
        Ok(())
    }

    #[test]
    fn a_broken_chain_is_not_pruned() -> Result<(), Box<dyn std::error::Error>> {
        let conn = guarded_log()?;
        conn.execute_batch("DROP TRIGGER audit_log_no_update;")?;
        conn.execute("UPDATE audit_log SET actor_id = '4' WHERE id = 1", [])?;
        let now = t0() + chrono::Duration::days(10);
        assert!(matches!(
            prune(&conn, &key(), t0() + chrono::Duration::days(2), now),
            Err(PruneError::Broken(Broken::Edited { id: 1 }))
        ));
        Ok(())
    }

    #[test]
    fn retention_counts_whole_years() {
        let now = t0();
        assert_eq!(retention_cutoff(now, 6), now - chrono::Months::new(72));
    }

    #[test]
    fn fields_are_length_prefixed() {
        let row = |actor_id: Option<&str>, action: &str| Row {
            id: 1,
            at: t0(),
            actor_kind: "user".into(),
            actor_id: actor_id.map(str::to_string),
            action: action.into(),
            object: None,
            outcome: "success".into(),
            ip: None,
            user_agent: None,
            hash: Vec::new(),
        };
        assert_ne!(row(Some("1"), "2x").encode(), row(Some("12"), "x").encode());
        assert_ne!(row(None, "x").encode(), row(Some(""), "x").encode());
    }
}
