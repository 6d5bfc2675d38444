//! The audit log: an append-only, MAC-chained record of who did what, from where.
//!
//! [`record`] appends one row inside the caller's transaction, so an action and its audit
//! row commit or roll back together. [`verify`] walks the chain and names the first row
//! that was edited or deleted; [`verify_with_head`] also compares the log with its signed
//! head ([`head`]), kept outside the database, which names the newest rows when they were
//! cut off.
//!
//! # The chain
//!
//! Rows are numbered `1, 2, 3, …` without gaps. Row `n` stores in `hash` its chain value
//!
//! ```text
//! mac(n) = HMAC-SHA256( K, mac(n-1) || encode(row n) )      mac(0) = 32 zero bytes
//! ```
//!
//! where `K` is the instance key derived for the purpose `audit.chain`
//! ([`InstanceKey::derive`]) and `encode` is, in this order:
//!
//! 1. the 16 bytes `kairos-audit-v2\0` (the format version),
//! 2. `id` and `at` (Unix seconds), each as an 8-byte big-endian two's-complement integer,
//! 3. `actor_kind`, `actor_id`, `action`, `object`, `outcome`, `ip`, `user_agent`, each as
//!    one byte `0` for NULL, or one byte `1`, the UTF-8 length as a 4-byte big-endian
//!    integer, then the UTF-8 bytes.
//!
//! Every field is length-prefixed, so no two different rows encode to the same bytes.
//!
//! `K` lives in the process, never in the database: [`attach_key`] gives the writer
//! connection an SQL function, `kairos_audit_mac`, that computes the MAC, and [`record`]
//! asks it for each row, so a connection without the key cannot append. The function is
//! direct-only: a trigger or view planted in the database cannot call it. Without `K`,
//! nobody can compute the chain value of an edited or inserted row, so an edit is found at
//! the edited row even when every later value was recomputed (with SHA-256 or anything
//! else); a deleted row leaves a gap in the ids, and renumbering to close the gap changes
//! the encoding of the moved rows. What the chain cannot show is the newest rows removed
//! together: the signed head does that.
//!
//! # Rows from before keyed chaining
//!
//! Before schema version 10, rows were chained with SHA-256 alone:
//! `hash(n) = SHA-256(hash(n-1) || encode_v1(row n))`, where `encode_v1` is the encoding
//! above with the format bytes `kairos-audit-v1\0`. Those rows are kept exactly as
//! written (rewriting them would change the values that backups and heads refer to).
//! Migration V10 creates `audit_seal`, and at the first start after it, before anything
//! is recorded, [`seal`] checks the SHA-256 chain and writes the seal: the id of the first
//! keyed row (the last id + 1), the chain value before it (the last row's hash), the time,
//! and an HMAC-SHA256 over them under the key derived for `audit.seal`. Rows from the
//! seal's id on are keyed; rows before it are checked with SHA-256, and the row just
//! before the seal must still carry the value the seal pins. So from the upgrade on, the
//! old rows are protected as a whole: an edit of an old row that leaves the hashes after
//! it alone is found at its row, as before; one that recomputes them is reported at the
//! last old row ([`Broken::Rewritten`]), because old rows carry no MAC of their own. A
//! chain already broken at the upgrade is sealed as it is (and the break logged): it
//! stays visible to [`verify`].
//!
//! A database from before version 10 that is written before its first start with this
//! version (the restore of an older backup records itself in it) gets SHA-256 rows, as
//! its version wrote them; the seal then comes after them.
//!
//! # The signed head
//!
//! [`head::HeadFile`] keeps `audit.head` in the data directory, outside the database:
//! the id and chain value of the last committed row, with an HMAC-SHA256 under the key
//! derived for `audit.head`. [`head::HeadKeeper`] advances it after every commit that
//! appended rows (see its documentation for why it never gets ahead of the database).
//! The head only moves forward from a state the log still matches: when the log no longer
//! contains the row the head names, the head is left as it is, as evidence. A row count
//! or id below the head is a truncation; a different value at the head's row is a
//! rewrite. `kairos audit reset-head` (and `kairos restore`, for the restored database)
//! signs the current end of the log anew and records that it did.
//!
//! No passwords, tokens, emails or names go into rows: objects are ids and uids.
//!
//! # Retention: pruning without breaking the chain
//!
//! Rows older than the retention period (an instance setting, 6 years unless changed)
//! are removed by a daily job ([`prune`]). The chain then starts after the last removed
//! row, so [`prune`] keeps an *anchor* in `audit_anchor`: the id and chain value of that
//! row, and an HMAC-SHA256 over both (and the time of pruning) under a key derived from
//! the instance key. [`verify`] checks the anchor's MAC, then walks the chain from the
//! anchor's value and id as it would from the genesis value and id 1. Pruning appends an
//! `audit_pruned` row first, so the log is never empty and the head stays ahead of the
//! anchor; a head that an interrupted start left behind the anchor names pruned rows and
//! is simply older than the chain.
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
//!
//! # What is not detected
//!
//! Whoever holds `kairos.key` can compute every MAC and forge anything. Putting back an
//! older copy of both the database and `audit.head` together (a consistent earlier state)
//! is not detected by the instance itself; a copy of `audit.head` kept off the machine
//! is what shows it.

pub mod head;

use std::net::IpAddr;
use std::ops::ControlFlow;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use sha2::{Digest, Sha256};

use crate::booking::BookingError;
use crate::crypto::InstanceKey;
use crate::db::audit::SealState;
use crate::db::{self, Db, DbError};
use head::{Head, HeadError, HeadFile};

pub use crate::db::audit::{Anchor, Filter, Row, Seal, find, search};

/// The format bytes of rows chained with SHA-256 alone, before schema version 10.
const FORMAT_V1: &[u8; 16] = b"kairos-audit-v1\0";
/// The format bytes of keyed rows; a new encoding gets a new version.
const FORMAT_V2: &[u8; 16] = b"kairos-audit-v2\0";
/// The chain value before the first row.
const GENESIS: [u8; 32] = [0; 32];
/// User agents are cut to this many characters.
const MAX_USER_AGENT: usize = 256;
/// The purpose of the key that chains rows.
const CHAIN_KEY: &str = "audit.chain";
/// The purpose of the key that authenticates the seal.
const SEAL_KEY: &str = "audit.seal";
/// The purpose of the key that authenticates anchors.
const ANCHOR_KEY: &str = "audit.anchor";
/// The SQL function [`attach_key`] gives the writer connection.
const MAC_FUNCTION: &str = "kairos_audit_mac";

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

/// The encoding described in the module documentation, under `format`.
fn encode(row: &Row, format: &[u8; 16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(128);
    out.extend_from_slice(format);
    out.extend_from_slice(&row.id.to_be_bytes());
    out.extend_from_slice(&row.at.timestamp().to_be_bytes());
    for field in [
        Some(row.actor_kind.as_str()),
        row.actor_id.as_deref(),
        Some(row.action.as_str()),
        row.object.as_deref(),
        Some(row.outcome.as_str()),
        row.ip.as_deref(),
        row.user_agent.as_deref(),
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

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// The chain value of a keyed row whose encoding is `encoded`.
fn chain_mac(chain_key: &[u8; 32], previous: &[u8], encoded: &[u8]) -> [u8; 32] {
    hmac(chain_key, &[previous, encoded])
}

/// The chain value of a row from before keyed chaining.
fn legacy_hash(previous: &[u8], row: &Row) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(previous);
    hasher.update(encode(row, FORMAT_V1));
    hasher.finalize().into()
}

/// Gives `conn` the chain key, as the SQL function [`record`] computes MACs with. The
/// writer connection gets it when the instance opens; nothing else needs it.
pub fn attach_key(conn: &Connection, key: &InstanceKey) -> rusqlite::Result<()> {
    let chain_key = key.derive(CHAIN_KEY);
    conn.create_scalar_function(
        MAC_FUNCTION,
        2,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_DIRECTONLY,
        move |ctx| {
            let previous: Vec<u8> = ctx.get(0)?;
            let encoded: Vec<u8> = ctx.get(1)?;
            Ok(chain_mac(&chain_key, &previous, &encoded).to_vec())
        },
    )
}

/// The end of the log: the last row's id and chain value, or where the chain starts when
/// there are no rows (the anchor after pruning, else id 0 and the genesis value).
pub fn current_head(conn: &Connection) -> rusqlite::Result<Head> {
    if let Some((last_id, hash)) = db::audit::last(conn)? {
        return Ok(Head { last_id, hash });
    }
    Ok(match db::audit::anchor(conn)? {
        Some(anchor) => Head {
            last_id: anchor.through_id,
            hash: anchor.through_hash,
        },
        None => Head::genesis(),
    })
}

/// Whether the log still contains what `head` vouches for: the row it names carries its
/// value (or was pruned by retention since). A log that ends before that row, or differs
/// at it, does not.
pub fn follows_head(conn: &Connection, head: &Head) -> rusqlite::Result<bool> {
    if head.last_id > current_head(conn)?.last_id {
        return Ok(false);
    }
    if let Some(anchor) = db::audit::anchor(conn)? {
        if head.last_id < anchor.through_id {
            return Ok(true);
        }
        if head.last_id == anchor.through_id {
            return Ok(anchor.through_hash == head.hash);
        }
    }
    if head.last_id == 0 {
        return Ok(head.hash == GENESIS);
    }
    Ok(db::audit::chain_value(conn, head.last_id)?.is_some_and(|hash| hash == head.hash))
}

/// Appends one row. Call it inside the transaction that does the action (writes are
/// serialized, so the chain has one end). The connection needs the key ([`attach_key`])
/// once the schema chains with it.
pub fn record(conn: &Connection, now: DateTime<Utc>, entry: &Entry<'_>) -> rusqlite::Result<i64> {
    let previous = current_head(conn)?;
    let (actor_kind, actor_id) = entry.actor.columns();
    let mut row = Row {
        id: previous.last_id + 1,
        at: db::instant(now.timestamp()),
        actor_kind: actor_kind.to_string(),
        actor_id,
        action: entry.action.to_string(),
        object: entry.object.clone(),
        outcome: entry.outcome.as_str().to_string(),
        ip: entry.origin.ip.map(|ip| ip.to_string()),
        user_agent: entry.origin.user_agent.clone(),
        hash: Vec::new(),
    };
    row.hash = if db::audit::keyed(conn)? {
        db::audit::keyed_mac(conn, MAC_FUNCTION, &previous.hash, &encode(&row, FORMAT_V2))?
    } else {
        legacy_hash(&previous.hash, &row).to_vec()
    };
    db::audit::insert(conn, &row)?;
    Ok(row.id)
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

/// Where the log breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// Row `id` is there, but its content or chain value is not what was written.
    Edited { id: i64 },
    /// Row `id` is missing (the first missing one when several are).
    Deleted { id: i64 },
    /// Rows from `id` to `through_id` (and any after them) are gone from the end of the
    /// log: the signed head, or the seal, vouches for rows up to `through_id`.
    Truncated { id: i64, through_id: i64 },
    /// Rows up to `through_id`, chained with SHA-256 before keyed chaining, were rewritten
    /// with recomputed hashes: row `through_id` no longer carries the value the seal pins.
    Rewritten { through_id: i64 },
    /// Row `id` verifies, but is not the row the signed head vouches for: the log was
    /// rewritten up to there, or the database replaced by another.
    HeadMismatch { id: i64 },
    /// The anchor the chain starts from after pruning was not written by Kairos.
    ForgedAnchor { through_id: i64 },
    /// The seal where keyed chaining begins was not written by Kairos.
    ForgedSeal { first_keyed_id: i64 },
    /// The schema chains with a key, but the seal saying where that begins is gone.
    SealMissing,
    /// `audit.head` was not written with this instance's key (or is not a head at all).
    ForgedHead,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Broken::Edited { id } => write!(f, "audit row {id} was edited"),
            Broken::Deleted { id } => write!(f, "audit row {id} was deleted"),
            Broken::Truncated { id, through_id } if id == through_id => write!(
                f,
                "audit row {id} was deleted: the log ends before row {through_id}, which its signed head vouches for"
            ),
            Broken::Truncated { id, through_id } => write!(
                f,
                "audit rows {id} to {through_id} were deleted: the log ends before row {through_id}, which its signed head vouches for"
            ),
            Broken::Rewritten { through_id } => write!(
                f,
                "audit rows up to {through_id} (chained before keyed MACs) were rewritten: row {through_id} no longer carries the value the seal pinned"
            ),
            Broken::HeadMismatch { id } => write!(
                f,
                "audit row {id} is not the row the signed head vouches for: the log was rewritten up to there or the database replaced"
            ),
            Broken::ForgedAnchor { through_id } => write!(
                f,
                "the retention anchor (rows up to {through_id} pruned) was not written by Kairos"
            ),
            Broken::ForgedSeal { first_keyed_id } => write!(
                f,
                "the seal where keyed chaining begins (row {first_keyed_id}) was not written by Kairos"
            ),
            Broken::SealMissing => write!(
                f,
                "the seal where keyed chaining begins is missing: it was removed, or the first start of this version stopped before writing it"
            ),
            Broken::ForgedHead => write!(
                f,
                "the signed head audit.head was not written with this instance's key"
            ),
        }
    }
}

fn anchor_mac(key: &InstanceKey, through_id: i64, through_hash: &[u8], at: i64) -> Vec<u8> {
    hmac(
        &key.derive(ANCHOR_KEY),
        &[
            b"kairos-audit-anchor-v1\0",
            &through_id.to_be_bytes(),
            through_hash,
            &at.to_be_bytes(),
        ],
    )
    .to_vec()
}

fn anchor_is_authentic(anchor: &Anchor, key: &InstanceKey) -> bool {
    let expected = anchor_mac(
        key,
        anchor.through_id,
        &anchor.through_hash,
        anchor.pruned_at.timestamp(),
    );
    crate::crypto::constant_time_eq(&expected, &anchor.mac)
}

/// The anchor, once the log has been pruned.
pub fn anchor(conn: &Connection) -> rusqlite::Result<Option<Anchor>> {
    db::audit::anchor(conn)
}

fn seal_mac(key: &InstanceKey, first_keyed_id: i64, previous_hash: &[u8], at: i64) -> Vec<u8> {
    hmac(
        &key.derive(SEAL_KEY),
        &[
            b"kairos-audit-seal-v1\0",
            &first_keyed_id.to_be_bytes(),
            previous_hash,
            &at.to_be_bytes(),
        ],
    )
    .to_vec()
}

fn seal_is_authentic(seal: &Seal, key: &InstanceKey) -> bool {
    let expected = seal_mac(
        key,
        seal.first_keyed_id,
        &seal.previous_hash,
        seal.sealed_at.timestamp(),
    );
    crate::crypto::constant_time_eq(&expected, &seal.mac)
}

/// The log or its signed head could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Head(#[from] HeadError),
}

impl From<rusqlite::Error> for AuditError {
    fn from(err: rusqlite::Error) -> Self {
        AuditError::Db(err.into())
    }
}

/// Starts keyed chaining where the log ends, once, at the first start after migration
/// V10 (see the module documentation); does nothing once sealed. The head is written
/// (when there is none yet) before the seal, so a sealed log always has a head.
///
/// A head that the log no longer follows means the log was changed since it was signed:
/// sealing then would vouch for the changed rows, so the log stays unsealed (and
/// [`verify`] says so) until someone looks into it.
pub fn seal(
    conn: &Connection,
    key: &InstanceKey,
    head: &HeadFile,
    now: DateTime<Utc>,
) -> Result<(), AuditError> {
    if db::audit::seal(conn)? != SealState::Missing {
        return Ok(());
    }
    if !db::audit::seal_table_exists(conn)? {
        tracing::error!(
            "the audit seal's table was removed from the database; run kairos audit verify"
        );
        return Ok(());
    }
    let end = current_head(conn)?;
    match head.load() {
        Ok(None) => head.store(&end)?,
        Ok(Some(signed)) if follows_head(conn, &signed)? => {}
        Ok(Some(_)) | Err(HeadError::Forged { .. } | HeadError::Malformed { .. }) => {
            tracing::error!(
                "the audit log does not match its signed head: not sealing it; run kairos audit verify"
            );
            return Ok(());
        }
        Err(err) => return Err(err.into()),
    }
    let broken = match start_of_chain(conn, key)? {
        Ok((first_id, previous)) => walk(conn, key, first_id, previous, &Checks::default())?.broken,
        Err(broken) => Some(broken),
    };
    if let Some(broken) = broken {
        tracing::warn!(%broken, "the audit log was already broken; sealed as it is, the break stays visible to kairos audit verify");
    }
    let at = now.timestamp();
    let first_keyed_id = end.last_id + 1;
    db::audit::insert_seal(
        conn,
        &Seal {
            first_keyed_id,
            previous_hash: end.hash.clone(),
            sealed_at: db::instant(at),
            mac: seal_mac(key, first_keyed_id, &end.hash, at),
        },
    )?;
    tracing::info!(
        first_keyed_id,
        "audit log sealed: rows from here on are chained with a keyed MAC"
    );
    Ok(())
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
    let Some((through_id, through_hash)) = db::audit::last_before(conn, cutoff)? else {
        return Ok(None);
    };
    let rows = db::audit::count_through(conn, through_id)?;
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
    db::audit::set_anchor(
        conn,
        &Anchor {
            through_id,
            mac: anchor_mac(key, through_id, &through_hash, at),
            through_hash,
            pruned_at: db::instant(at),
        },
    )?;
    db::audit::delete_through(conn, through_id)?;
    tracing::info!(rows, through_id, "audit log pruned");
    Ok(Some(Pruned { rows, through_id }))
}

/// What the signed head said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadCheck {
    /// The head vouches for the rows up to `through_id`, and the log matches it there.
    /// Rows after it were written since the head last moved; only the chain vouches
    /// for them.
    Matches { through_id: i64 },
    /// There is no head although there are rows: removing the newest rows together
    /// would not be noticed.
    Missing,
    /// Not compared: no head was asked for, there are no rows, or the chain broke first.
    NotChecked,
}

/// What [`verify`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verification {
    /// Rows checked.
    pub rows: i64,
    /// The first break, if any.
    pub broken: Option<Broken>,
    /// The first keyed row; `None` while the schema predates keyed chaining. Rows before
    /// it are SHA-256 chained and pinned by the seal.
    pub keyed_from: Option<i64>,
    pub head: HeadCheck,
}

impl Verification {
    fn broken(broken: Broken) -> Self {
        Self {
            rows: 0,
            broken: Some(broken),
            keyed_from: None,
            head: HeadCheck::NotChecked,
        }
    }
}

/// Where the chain starts: the first id and the chain value before it (after the anchor
/// when the log was pruned), or the break when the anchor is not authentic.
fn start_of_chain(
    conn: &Connection,
    key: &InstanceKey,
) -> rusqlite::Result<Result<(i64, Vec<u8>), Broken>> {
    Ok(match db::audit::anchor(conn)? {
        None => Ok((1, GENESIS.to_vec())),
        Some(anchor) if anchor_is_authentic(&anchor, key) => {
            Ok((anchor.through_id + 1, anchor.through_hash))
        }
        Some(anchor) => Err(Broken::ForgedAnchor {
            through_id: anchor.through_id,
        }),
    })
}

/// What a walk along the chain found, before the caller looks at its end.
struct Walked {
    rows: i64,
    /// The last row walked (the row before the first when there are none).
    last_id: i64,
    broken: Option<Broken>,
}

/// What a walk compares rows with, besides the chain itself.
#[derive(Default)]
struct Checks<'a> {
    /// Rows from this id on are keyed; before it (or everywhere, when `None`), SHA-256.
    keyed_from: Option<i64>,
    /// The seal: the row before the first keyed one carries this value.
    pinned: Option<(i64, &'a [u8])>,
    head: Option<&'a Head>,
}

/// Walks the rows from `first_id`, chained from `previous`, and stops at the first gap,
/// wrong chain value, or row that differs from what the seal pins or the head says.
fn walk(
    conn: &Connection,
    key: &InstanceKey,
    first_id: i64,
    mut previous: Vec<u8>,
    checks: &Checks<'_>,
) -> rusqlite::Result<Walked> {
    let chain_key = key.derive(CHAIN_KEY);
    let mut walked = Walked {
        rows: 0,
        last_id: first_id - 1,
        broken: None,
    };
    db::audit::for_each_from(conn, first_id, |row| {
        let expected_id = walked.last_id + 1;
        if row.id != expected_id {
            walked.broken = Some(Broken::Deleted { id: expected_id });
            return ControlFlow::Break(());
        }
        walked.rows += 1;
        let value = match checks.keyed_from {
            Some(from) if row.id >= from => {
                chain_mac(&chain_key, &previous, &encode(&row, FORMAT_V2))
            }
            _ => legacy_hash(&previous, &row),
        };
        if value[..] != row.hash[..] {
            walked.broken = Some(Broken::Edited { id: row.id });
            return ControlFlow::Break(());
        }
        if let Some((id, value)) = checks.pinned
            && row.id == id
            && row.hash != value
        {
            walked.broken = Some(Broken::Rewritten { through_id: row.id });
            return ControlFlow::Break(());
        }
        if let Some(head) = checks.head
            && row.id == head.last_id
            && row.hash != head.hash
        {
            walked.broken = Some(Broken::HeadMismatch { id: row.id });
            return ControlFlow::Break(());
        }
        walked.last_id = row.id;
        previous = row.hash;
        ControlFlow::Continue(())
    })?;
    Ok(walked)
}

/// Walks the whole chain from the first row (or, after pruning, from the anchor, whose
/// MAC is checked with `key`) and reports the first edited or deleted row. The signed
/// head is not looked at: see [`verify_with_head`].
pub fn verify(conn: &Connection, key: &InstanceKey) -> rusqlite::Result<Verification> {
    verify_against(conn, key, None)
}

/// [`verify`], and the log compared with the signed head in `file`: what
/// `kairos audit verify` and `kairos doctor` check.
pub fn verify_with_head(
    conn: &Connection,
    key: &InstanceKey,
    file: &HeadFile,
) -> Result<Verification, AuditError> {
    let head = match file.load() {
        Ok(head) => head,
        Err(HeadError::Forged { .. } | HeadError::Malformed { .. }) => {
            return Ok(Verification::broken(Broken::ForgedHead));
        }
        Err(err) => return Err(err.into()),
    };
    let mut verification = verify_against(conn, key, head.as_ref())?;
    if head.is_none() && verification.broken.is_none() && verification.rows > 0 {
        verification.head = HeadCheck::Missing;
    }
    Ok(verification)
}

/// The walk [`verify`] and [`verify_with_head`] share; `head` is what the head file
/// holds, when it was read.
fn verify_against(
    conn: &Connection,
    key: &InstanceKey,
    head: Option<&Head>,
) -> rusqlite::Result<Verification> {
    let (first_id, previous) = match start_of_chain(conn, key)? {
        Ok(start) => start,
        Err(broken) => return Ok(Verification::broken(broken)),
    };
    let seal = match db::audit::seal(conn)? {
        SealState::NotKeyed => None,
        SealState::Missing if db::audit::last(conn)?.is_some() => {
            return Ok(Verification::broken(Broken::SealMissing));
        }
        // Nothing was recorded yet: every row to come is keyed.
        SealState::Missing => Some((first_id, None)),
        SealState::Sealed(seal) if !seal_is_authentic(&seal, key) => {
            return Ok(Verification::broken(Broken::ForgedSeal {
                first_keyed_id: seal.first_keyed_id,
            }));
        }
        SealState::Sealed(seal) => Some((seal.first_keyed_id, Some(seal.previous_hash))),
    };
    let keyed_from = seal.as_ref().map(|(first_keyed_id, _)| *first_keyed_id);
    let pinned = seal.as_ref().and_then(|(first_keyed_id, previous_hash)| {
        previous_hash
            .as_deref()
            .map(|value| (first_keyed_id - 1, value))
    });
    let checks = Checks {
        keyed_from,
        // Row 0 is the genesis value, and rows up to the anchor are pruned.
        pinned: pinned.filter(|(id, _)| *id >= first_id),
        head,
    };
    let walked = walk(conn, key, first_id, previous, &checks)?;
    let mut verification = Verification {
        rows: walked.rows,
        broken: walked.broken,
        keyed_from,
        head: HeadCheck::NotChecked,
    };
    if verification.broken.is_some() {
        return Ok(verification);
    }
    // Every row the seal or the head vouches for must still be there.
    let vouched = [pinned.map(|(id, _)| id), head.map(|head| head.last_id)];
    if let Some(through_id) = vouched.into_iter().flatten().max()
        && through_id > walked.last_id
    {
        verification.broken = Some(Broken::Truncated {
            id: walked.last_id + 1,
            through_id,
        });
        return Ok(verification);
    }
    if let Some(head) = head {
        verification.head = HeadCheck::Matches {
            through_id: head.last_id,
        };
    }
    Ok(verification)
}

/// Signs the current end of the log as its head, whatever the head said before, and
/// records that it did (`audit_head_reset`): after a database was put back by hand, or
/// once a reported mismatch has been looked into.
pub fn reset_head(db: &Db, file: &HeadFile, now: DateTime<Utc>) -> Result<Head, AuditError> {
    let head = db.write_blocking(|tx| -> Result<Head, AuditError> {
        record(
            tx,
            now,
            &Entry {
                actor: Actor::System("cli"),
                action: "audit_head_reset",
                object: None,
                outcome: Outcome::Success,
                origin: &Origin::host(),
            },
        )?;
        Ok(current_head(tx)?)
    })?;
    file.store(&head)?;
    Ok(head)
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

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    fn key() -> InstanceKey {
        InstanceKey::from_bytes([9; 32])
    }

    /// The audit tables as migrations V5 and V9 leave them: the SHA-256 chain of old.
    fn unkeyed_schema(conn: &Connection) -> rusqlite::Result<()> {
        conn.execute_batch(include_str!("../migrations/V5__audit.sql"))?;
        conn.execute_batch(
            "CREATE TABLE users (id INTEGER PRIMARY KEY);
             CREATE TABLE sessions (token_hash BLOB PRIMARY KEY);
             CREATE TABLE jobs (id INTEGER PRIMARY KEY);",
        )?;
        conn.execute_batch(include_str!("../migrations/V9__mfa_lifecycle.sql"))
    }

    /// The audit tables as the migrations leave them, sealed as a first start does, on a
    /// connection that holds the key as the writer does.
    fn keyed(conn: &Connection, head: &HeadFile) -> TestResult {
        conn.execute_batch(include_str!("../migrations/V10__audit_keyed_chain.sql"))?;
        attach_key(conn, &key())?;
        seal(conn, &key(), head, t0())?;
        Ok(())
    }

    fn head_file(dir: &tempfile::TempDir) -> HeadFile {
        HeadFile::new(
            dir.path().join("audit.head"),
            dir.path().join("kairos.db"),
            &key(),
        )
    }

    fn sign_in(
        conn: &Connection,
        at: DateTime<Utc>,
        object: Option<String>,
    ) -> rusqlite::Result<i64> {
        let origin = Origin::new([192, 0, 2, 7].into(), Some("Firefox"));
        record(
            conn,
            at,
            &Entry {
                actor: Actor::User(3),
                action: "sign_in",
                object,
                outcome: Outcome::Success,
                origin: &origin,
            },
        )
    }

    /// Four keyed rows a second apart, and the triggers dropped, as someone with the
    /// database file would do first.
    fn log() -> Result<(Connection, tempfile::TempDir), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let conn = Connection::open_in_memory()?;
        unkeyed_schema(&conn)?;
        keyed(&conn, &head_file(&dir))?;
        for n in 0..4 {
            sign_in(
                &conn,
                t0() + chrono::Duration::seconds(n),
                Some(format!("booking:uid{n}")),
            )?;
        }
        conn.execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")?;
        Ok((conn, dir))
    }

    fn intact(rows: i64, keyed_from: Option<i64>) -> Verification {
        Verification {
            rows,
            broken: None,
            keyed_from,
            head: HeadCheck::NotChecked,
        }
    }

    /// What someone without the key can do after editing row `from`: recompute the chain
    /// values of it and every later row with SHA-256, the way the chain was once built.
    fn recompute_with_sha256(conn: &Connection, from: i64) -> TestResult {
        let mut previous: Vec<u8> = conn.query_row(
            "SELECT coalesce((SELECT hash FROM audit_log WHERE id = ?1), zeroblob(32))",
            [from - 1],
            |row| row.get(0),
        )?;
        for mut row in find(conn, "sign_in")?
            .into_iter()
            .filter(|row| row.id >= from)
        {
            row.hash = legacy_hash(&previous, &row).to_vec();
            conn.execute(
                "UPDATE audit_log SET hash = ?1 WHERE id = ?2",
                rusqlite::params![row.hash, row.id],
            )?;
            previous = row.hash;
        }
        Ok(())
    }

    #[test]
    fn an_untouched_chain_verifies() -> TestResult {
        let (conn, _dir) = log()?;
        assert_eq!(verify(&conn, &key())?, intact(4, Some(1)));
        let rows = find(&conn, "sign_in")?;
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].ip.as_deref(), Some("192.0.2.7"));
        assert_eq!(rows[0].actor_id.as_deref(), Some("3"));
        // The stored value is the keyed MAC, not a hash anyone could compute.
        assert_ne!(rows[0].hash, legacy_hash(&GENESIS, &rows[0]).to_vec());
        let chain_key = key().derive(CHAIN_KEY);
        assert_eq!(
            rows[0].hash,
            chain_mac(&chain_key, &GENESIS, &encode(&rows[0], FORMAT_V2)).to_vec()
        );
        Ok(())
    }

    #[test]
    fn an_edited_column_names_its_row() -> TestResult {
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
            let (conn, _dir) = log()?;
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
    fn an_edit_with_recomputed_hashes_is_named_at_its_row() -> TestResult {
        let (conn, _dir) = log()?;
        conn.execute("UPDATE audit_log SET actor_id = '4' WHERE id = 2", [])?;
        recompute_with_sha256(&conn, 2)?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Edited { id: 2 })
        );
        // Another instance's key does not make a valid chain either.
        let (conn, _dir) = log()?;
        attach_key(&conn, &InstanceKey::from_bytes([1; 32]))?;
        conn.execute("DELETE FROM audit_log WHERE id >= 3", [])?;
        sign_in(&conn, t0(), None)?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Edited { id: 3 })
        );
        Ok(())
    }

    #[test]
    fn a_deleted_row_is_named() -> TestResult {
        let (conn, _dir) = log()?;
        conn.execute("DELETE FROM audit_log WHERE id = 2", [])?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Deleted { id: 2 })
        );

        let (conn, _dir) = log()?;
        conn.execute("DELETE FROM audit_log WHERE id = 1", [])?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Deleted { id: 1 })
        );

        // Renumbering to hide the gap breaks the value of the moved row instead.
        let (conn, _dir) = log()?;
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
    fn the_head_names_the_first_row_cut_from_the_end() -> TestResult {
        let (conn, _dir) = log()?;
        let head = current_head(&conn)?;
        assert_eq!(head.last_id, 4);
        assert!(follows_head(&conn, &head)?);
        assert_eq!(
            verify_against(&conn, &key(), Some(&head))?.head,
            HeadCheck::Matches { through_id: 4 }
        );

        conn.execute("DELETE FROM audit_log WHERE id >= 3", [])?;
        // The chain alone cannot see it.
        assert_eq!(verify(&conn, &key())?.broken, None);
        assert!(!follows_head(&conn, &head)?);
        assert_eq!(
            verify_against(&conn, &key(), Some(&head))?.broken,
            Some(Broken::Truncated {
                id: 3,
                through_id: 4
            })
        );

        // New rows in place of the cut ones cannot carry the value the head signed.
        sign_in(&conn, t0(), None)?;
        sign_in(&conn, t0(), None)?;
        assert!(!follows_head(&conn, &head)?);
        assert_eq!(
            verify_against(&conn, &key(), Some(&head))?.broken,
            Some(Broken::HeadMismatch { id: 4 })
        );
        Ok(())
    }

    #[test]
    fn the_application_cannot_change_rows() -> TestResult {
        let dir = tempfile::tempdir()?;
        let conn = Connection::open_in_memory()?;
        unkeyed_schema(&conn)?;
        keyed(&conn, &head_file(&dir))?;
        sign_in(&conn, t0(), None)?;
        assert!(
            conn.execute("UPDATE audit_log SET action = 'x'", [])
                .is_err()
        );
        assert!(conn.execute("DELETE FROM audit_log", []).is_err());
        assert!(conn.execute("DELETE FROM audit_seal", []).is_err());
        assert!(
            conn.execute("UPDATE audit_seal SET first_keyed_id = 9", [])
                .is_err()
        );
        Ok(())
    }

    #[test]
    fn only_a_connection_holding_the_key_appends() -> TestResult {
        let dir = tempfile::tempdir()?;
        let conn = Connection::open_in_memory()?;
        unkeyed_schema(&conn)?;
        keyed(&conn, &head_file(&dir))?;
        let other = Connection::open_in_memory()?;
        unkeyed_schema(&other)?;
        other.execute_batch(include_str!("../migrations/V10__audit_keyed_chain.sql"))?;
        assert!(sign_in(&other, t0(), None).is_err(), "no key, no row");

        // Schema objects planted in the database cannot use the key as an oracle.
        conn.execute_batch(
            "CREATE TABLE planted (x BLOB);
             CREATE TABLE oracle (mac BLOB);
             CREATE TRIGGER planted_mac AFTER INSERT ON planted
             BEGIN INSERT INTO oracle VALUES (kairos_audit_mac(zeroblob(32), NEW.x)); END;
             CREATE VIEW planted_view AS SELECT kairos_audit_mac(zeroblob(32), x'00') AS mac;",
        )?;
        assert!(
            conn.execute("INSERT INTO planted VALUES (x'00')", [])
                .is_err()
        );
        assert!(
            conn.query_row("SELECT mac FROM planted_view", [], |row| row
                .get::<_, Vec<u8>>(0))
                .is_err()
        );
        Ok(())
    }

    /// Three rows written before keyed chaining, sealed at the first start, then two
    /// keyed rows, with the triggers dropped.
    fn upgraded() -> Result<(Connection, tempfile::TempDir), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let conn = Connection::open_in_memory()?;
        unkeyed_schema(&conn)?;
        for n in 0..3 {
            sign_in(&conn, t0() + chrono::Duration::seconds(n), None)?;
        }
        assert_eq!(verify(&conn, &key())?, intact(3, None));
        keyed(&conn, &head_file(&dir))?;
        for n in 3..5 {
            sign_in(&conn, t0() + chrono::Duration::seconds(n), None)?;
        }
        conn.execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")?;
        Ok((conn, dir))
    }

    #[test]
    fn an_upgrade_seals_the_old_chain_and_keys_every_row_after_it() -> TestResult {
        let (conn, dir) = upgraded()?;
        let SealState::Sealed(sealed) = db::audit::seal(&conn)? else {
            return Err("sealed".into());
        };
        assert_eq!(sealed.first_keyed_id, 4);
        assert_eq!(
            Some(sealed.previous_hash),
            db::audit::chain_value(&conn, 3)?,
            "the seal pins the last old row"
        );
        assert_eq!(
            head_file(&dir).load()?.map(|head| head.last_id),
            Some(3),
            "the head is written with the seal"
        );
        assert_eq!(verify(&conn, &key())?, intact(5, Some(4)));
        // A second start changes nothing.
        seal(&conn, &key(), &head_file(&dir), t0())?;
        assert_eq!(verify(&conn, &key())?, intact(5, Some(4)));

        // An old row edited alone is found at its row, as before.
        let (conn, _dir) = upgraded()?;
        conn.execute("UPDATE audit_log SET actor_id = '4' WHERE id = 2", [])?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Edited { id: 2 })
        );
        // With recomputed hashes, the old rows are reported as a whole: the last one no
        // longer carries the value the seal pinned.
        let (conn, _dir) = upgraded()?;
        conn.execute("UPDATE audit_log SET actor_id = '4' WHERE id = 2", [])?;
        recompute_with_sha256(&conn, 2)?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Rewritten { through_id: 3 })
        );
        // Removing the old rows the seal vouches for is seen too.
        let (conn, _dir) = upgraded()?;
        conn.execute("DELETE FROM audit_log WHERE id >= 3", [])?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::Truncated {
                id: 3,
                through_id: 3
            })
        );
        Ok(())
    }

    #[test]
    fn a_moved_or_removed_seal_is_detected() -> TestResult {
        let (conn, _dir) = upgraded()?;
        conn.execute_batch("DROP TRIGGER audit_seal_no_update;")?;
        // Claiming every row is old, to recompute them all with SHA-256.
        conn.execute("UPDATE audit_seal SET first_keyed_id = 6", [])?;
        assert_eq!(
            verify(&conn, &key())?.broken,
            Some(Broken::ForgedSeal { first_keyed_id: 6 })
        );

        let (conn, dir) = upgraded()?;
        // The head follows the log, as the keeper moves it after each commit.
        head_file(&dir).store(&current_head(&conn)?)?;
        conn.execute_batch("DROP TRIGGER audit_seal_no_delete; DELETE FROM audit_seal;")?;
        assert_eq!(verify(&conn, &key())?.broken, Some(Broken::SealMissing));
        // A start does not seal again over rows its signed head does not cover.
        conn.execute("UPDATE audit_log SET actor_id = '4' WHERE id = 5", [])?;
        recompute_with_sha256(&conn, 1)?;
        seal(&conn, &key(), &head_file(&dir), t0())?;
        assert_eq!(verify(&conn, &key())?.broken, Some(Broken::SealMissing));

        // Dropping the seal's table does not pass the log off as one from before it.
        let (conn, dir) = upgraded()?;
        conn.execute_batch(
            "CREATE TABLE refinery_schema_history (version INTEGER);
             INSERT INTO refinery_schema_history VALUES (9), (10);
             DROP TABLE audit_seal;",
        )?;
        assert_eq!(verify(&conn, &key())?.broken, Some(Broken::SealMissing));
        seal(&conn, &key(), &head_file(&dir), t0())?;
        sign_in(&conn, t0(), None)?;
        assert_eq!(verify(&conn, &key())?.broken, Some(Broken::SealMissing));
        Ok(())
    }

    /// Four rows a day apart, triggers in place.
    fn guarded_log() -> Result<(Connection, tempfile::TempDir), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let conn = Connection::open_in_memory()?;
        unkeyed_schema(&conn)?;
        keyed(&conn, &head_file(&dir))?;
        for n in 0..4 {
            sign_in(&conn, t0() + chrono::Duration::days(n), None)?;
        }
        Ok((conn, dir))
    }

    #[test]
    fn pruning_keeps_the_chain_verifiable_from_an_anchor() -> TestResult {
        let (conn, _dir) = guarded_log()?;
        let head_before = current_head(&conn)?;
        let now = t0() + chrono::Duration::days(10);
        let pruned = prune(&conn, &key(), t0() + chrono::Duration::days(2), now)?;
        assert_eq!(
            pruned,
            Some(Pruned {
                rows: 2,
                through_id: 2
            })
        );
        assert_eq!(verify(&conn, &key())?, intact(3, Some(1)));
        assert_eq!(find(&conn, "audit_pruned")?.len(), 1);
        // The head moves on from where it was.
        assert!(follows_head(&conn, &head_before)?);
        let head_after = current_head(&conn)?;
        assert_eq!(head_after.last_id, 5);
        assert_eq!(
            verify_against(&conn, &key(), Some(&head_after))?.head,
            HeadCheck::Matches { through_id: 5 }
        );
        // A head left behind by a crash before pruning names pruned rows: still fine.
        let stale = Head {
            last_id: 1,
            hash: vec![3; 32],
        };
        assert!(follows_head(&conn, &stale)?);
        assert_eq!(verify_against(&conn, &key(), Some(&stale))?.broken, None);
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
    fn pruning_past_the_old_rows_keeps_the_seal_valid() -> TestResult {
        let (conn, _dir) = upgraded()?;
        let now = t0() + chrono::Duration::days(10);
        let pruned = prune(&conn, &key(), t0() + chrono::Duration::seconds(4), now)?;
        assert_eq!(pruned.map(|pruned| pruned.through_id), Some(4));
        assert_eq!(verify(&conn, &key())?, intact(2, Some(4)));
        Ok(())
    }

    #[test]
    fn an_anchor_moved_by_hand_is_detected() -> TestResult {
        let (conn, _dir) = guarded_log()?;
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
        let (conn, _dir) = guarded_log()?;
        prune(&conn, &key(), t0() + chrono::Duration::days(1), now)?;
        let other = InstanceKey::from_bytes([1; 32]);
        assert!(matches!(
            verify(&conn, &other)?.broken,
            Some(Broken::ForgedAnchor { .. })
        ));
        Ok(())
    }

    #[test]
    fn a_broken_chain_is_not_pruned() -> TestResult {
        let (conn, _dir) = guarded_log()?;
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
        assert_ne!(
            encode(&row(Some("1"), "2x"), FORMAT_V2),
            encode(&row(Some("12"), "x"), FORMAT_V2)
        );
        assert_ne!(
            encode(&row(None, "x"), FORMAT_V2),
            encode(&row(Some(""), "x"), FORMAT_V2)
        );
    }
}
