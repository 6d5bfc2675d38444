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

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::booking::BookingError;
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
        None => (1, GENESIS.to_vec()),
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
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Broken::Edited { id } => write!(f, "audit row {id} was edited"),
            Broken::Deleted { id } => write!(f, "audit row {id} was deleted"),
        }
    }
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

/// Walks the whole chain from the first row and reports the first edited or deleted row.
pub fn verify(conn: &Connection) -> rusqlite::Result<Verification> {
    let mut stmt = conn.prepare(&format!("SELECT {ROW_COLUMNS} FROM audit_log ORDER BY id"))?;
    let rows = stmt.query_map([], row_from)?;
    let mut previous = GENESIS.to_vec();
    let mut checked = 0;
    for (expected_id, row) in (1..).zip(rows) {
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

    fn log() -> rusqlite::Result<Connection> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(include_str!("../migrations/V5__audit.sql"))?;
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
            verify(&conn)?,
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
                verify(&conn)?.broken,
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
        assert_eq!(verify(&conn)?.broken, Some(Broken::Deleted { id: 2 }));

        let conn = log()?;
        conn.execute("DELETE FROM audit_log WHERE id = 1", [])?;
        assert_eq!(verify(&conn)?.broken, Some(Broken::Deleted { id: 1 }));

        // Renumbering to hide the gap breaks the hash of the moved row instead.
        let conn = log()?;
        conn.execute("DELETE FROM audit_log WHERE id = 2", [])?;
        conn.execute("UPDATE audit_log SET id = 2 WHERE id = 3", [])?;
        conn.execute("UPDATE audit_log SET id = 3 WHERE id = 4", [])?;
        assert_eq!(verify(&conn)?.broken, Some(Broken::Edited { id: 2 }));
        Ok(())
    }

    #[test]
    fn the_application_cannot_change_rows() -> rusqlite::Result<()> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(include_str!("../migrations/V5__audit.sql"))?;
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
