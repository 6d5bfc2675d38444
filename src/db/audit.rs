//! The audit log's tables: `audit_log`, the retention anchor (`audit_anchor`) and the
//! seal where keyed chaining begins (`audit_seal`). What the rows mean and how they chain
//! is decided by the audit log's service; this module only reads and writes them.

use std::ops::ControlFlow;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::instant;
use super::meta::table_exists;

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
    /// The row's chain value: a keyed MAC, or SHA-256 for rows from before the seal.
    pub hash: Vec<u8>,
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

/// Whether the database has an audit log at all (databases from before it have none).
pub fn exists(conn: &Connection) -> rusqlite::Result<bool> {
    table_exists(conn, "audit_log")
}

/// Appends a row whose id and chain value are already computed.
pub fn insert(conn: &Connection, row: &Row) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (id, at, actor_kind, actor_id, action, object, outcome, ip, user_agent, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
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
    ])?;
    Ok(())
}

/// The id and chain value of the newest row.
pub fn last(conn: &Connection) -> rusqlite::Result<Option<(i64, Vec<u8>)>> {
    conn.prepare_cached("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")?
        .query_row([], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()
}

/// The chain value of row `id`, if it is there.
pub fn chain_value(conn: &Connection, id: i64) -> rusqlite::Result<Option<Vec<u8>>> {
    conn.prepare_cached("SELECT hash FROM audit_log WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()
}

/// Calls `each` with the rows from id `first_id` on, in id order, until it breaks.
pub fn for_each_from(
    conn: &Connection,
    first_id: i64,
    mut each: impl FnMut(Row) -> ControlFlow<()>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ROW_COLUMNS} FROM audit_log WHERE id >= ?1 ORDER BY id"
    ))?;
    let mut rows = stmt.query([first_id])?;
    while let Some(row) = rows.next()? {
        if each(row_from(row)?).is_break() {
            break;
        }
    }
    Ok(())
}

/// What retention anchors on when it removes the rows written before `cutoff`: the id and
/// chain value of the row before the first one written at or after `cutoff` (of the newest
/// row, when every row is older).
pub fn last_before(
    conn: &Connection,
    cutoff: DateTime<Utc>,
) -> rusqlite::Result<Option<(i64, Vec<u8>)>> {
    let first_kept: Option<i64> = conn.query_row(
        "SELECT min(id) FROM audit_log WHERE at >= ?1",
        [cutoff.timestamp()],
        |row| row.get(0),
    )?;
    conn.query_row(
        "SELECT id, hash FROM audit_log WHERE id < ?1 ORDER BY id DESC LIMIT 1",
        [first_kept.unwrap_or(i64::MAX)],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()
}

/// How many rows have an id up to `id`.
pub fn count_through(conn: &Connection, id: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM audit_log WHERE id <= ?1",
        [id],
        |row| row.get(0),
    )
}

/// Removes the rows up to `id` (the delete guard lets only rows up to the anchor go).
pub fn delete_through(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM audit_log WHERE id <= ?1", [id])
}

/// Where the chain starts after pruning: the last pruned row's id and chain value, and a
/// MAC over both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub through_id: i64,
    pub through_hash: Vec<u8>,
    pub pruned_at: DateTime<Utc>,
    pub mac: Vec<u8>,
}

/// The anchor, once the log has been pruned (databases from before retention have none).
pub fn anchor(conn: &Connection) -> rusqlite::Result<Option<Anchor>> {
    if !table_exists(conn, "audit_anchor")? {
        return Ok(None);
    }
    conn.prepare_cached(
        "SELECT through_id, through_hash, pruned_at, mac FROM audit_anchor WHERE id = 1",
    )?
    .query_row([], |row| {
        Ok(Anchor {
            through_id: row.get(0)?,
            through_hash: row.get(1)?,
            pruned_at: instant(row.get(2)?),
            mac: row.get(3)?,
        })
    })
    .optional()
}

/// Writes the anchor, replacing the one before (a trigger lets it only move forward).
pub fn set_anchor(conn: &Connection, anchor: &Anchor) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO audit_anchor (id, through_id, through_hash, pruned_at, mac)
         VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET through_id = excluded.through_id,
           through_hash = excluded.through_hash, pruned_at = excluded.pruned_at,
           mac = excluded.mac",
        params![
            anchor.through_id,
            anchor.through_hash,
            anchor.pruned_at.timestamp(),
            anchor.mac
        ],
    )?;
    Ok(())
}

/// Where keyed chaining begins: rows from `first_keyed_id` on carry a keyed MAC, and
/// `previous_hash` is the chain value before that row. `mac` authenticates both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    pub first_keyed_id: i64,
    pub previous_hash: Vec<u8>,
    pub sealed_at: DateTime<Utc>,
    pub mac: Vec<u8>,
}

/// What the database says about keyed chaining.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealState {
    /// The schema is from before keyed chaining (version 10): every row is SHA-256 chained.
    NotKeyed,
    /// The schema has keyed chaining, but no seal says where it begins.
    Missing,
    Sealed(Seal),
}

/// Whether the schema chains rows with a keyed MAC: migration V10 created the seal table
/// (a table that is gone while the schema history says it was created still counts).
pub fn keyed(conn: &Connection) -> rusqlite::Result<bool> {
    if table_exists(conn, "audit_seal")? {
        return Ok(true);
    }
    Ok(table_exists(conn, "refinery_schema_history")?
        && conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM refinery_schema_history WHERE version >= 10)",
            [],
            |row| row.get(0),
        )?)
}

/// Whether the seal's table is there to write the seal into.
pub fn seal_table_exists(conn: &Connection) -> rusqlite::Result<bool> {
    table_exists(conn, "audit_seal")
}

/// The seal, or why there is none.
pub fn seal(conn: &Connection) -> rusqlite::Result<SealState> {
    if !keyed(conn)? {
        return Ok(SealState::NotKeyed);
    }
    if !seal_table_exists(conn)? {
        return Ok(SealState::Missing);
    }
    let seal = conn
        .query_row(
            "SELECT first_keyed_id, previous_hash, sealed_at, mac FROM audit_seal WHERE id = 1",
            [],
            |row| {
                Ok(Seal {
                    first_keyed_id: row.get(0)?,
                    previous_hash: row.get(1)?,
                    sealed_at: instant(row.get(2)?),
                    mac: row.get(3)?,
                })
            },
        )
        .optional()?;
    Ok(seal.map_or(SealState::Missing, SealState::Sealed))
}

/// Writes the seal (once: triggers refuse to change or remove it).
pub fn insert_seal(conn: &Connection, seal: &Seal) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO audit_seal (id, first_keyed_id, previous_hash, sealed_at, mac)
         VALUES (1, ?1, ?2, ?3, ?4)",
        params![
            seal.first_keyed_id,
            seal.previous_hash,
            seal.sealed_at.timestamp(),
            seal.mac
        ],
    )?;
    Ok(())
}

/// Asks the writer connection's `function` (the audit key, attached by the audit service)
/// for the chain value of a row. A connection without the key cannot append.
pub fn keyed_mac(
    conn: &Connection,
    function: &str,
    previous: &[u8],
    encoded: &[u8],
) -> rusqlite::Result<Vec<u8>> {
    conn.prepare_cached(&format!("SELECT {function}(?1, ?2)"))?
        .query_row(params![previous, encoded], |row| row.get(0))
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
    let mut stmt = conn.prepare(&format!(
        "SELECT {ROW_COLUMNS}
         FROM audit_log
         WHERE (?1 IS NULL OR action = ?1)
           AND (?2 IS NULL OR actor_kind = ?2)
           AND (?3 IS NULL OR actor_id = ?3)
           AND (?4 IS NULL OR at >= ?4)
           AND (?5 IS NULL OR at < ?5)
         ORDER BY id DESC
         LIMIT ?6"
    ))?;
    let rows = stmt.query_map(
        params![
            filter.action,
            filter.actor_kind,
            filter.actor_id,
            filter.from.map(|t| t.timestamp()),
            filter.until.map(|t| t.timestamp()),
            i64::try_from(limit).unwrap_or(i64::MAX),
        ],
        row_from,
    )?;
    rows.collect()
}

/// The rows of one action, oldest first.
pub fn find(conn: &Connection, action: &str) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ROW_COLUMNS} FROM audit_log WHERE action = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([action], row_from)?;
    rows.collect()
}
