//! The live check, an account option (off by default): before a booking is made, the
//! host's destination calendar is asked once what changed since the last sync, so an
//! event added there a minute ago blocks the time too. The question is bounded by
//! [`TIMEOUT`]; a calendar that does not answer in time leaves the decision to the
//! replica, and that is audited.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Utc};

use crate::audit;
use crate::booking::{LiveBusy, LiveCalendars};
use crate::db::DbError;
use crate::db::calendars::{self, Account, Calendar, Provider};
use crate::integrations::Deps;
use crate::integrations::calendars::sync::{self, SyncError};
use crate::integrations::calendars::{caldav, ical};
use crate::model::booking::OWN_UID;

/// How long a booking waits for a host's calendar.
pub const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// Asks the destination calendars of hosts who turned the live check on.
pub struct Checker {
    deps: Deps,
}

impl Checker {
    pub fn new(deps: Deps) -> Self {
        Self { deps }
    }

    async fn check(
        &self,
        hosts: Vec<i64>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<LiveBusy> {
        let deps = &self.deps;
        let targets = deps
            .db
            .read(move |conn| -> Result<Vec<Target>, DbError> {
                let mut targets = Vec::new();
                for user_id in hosts {
                    let Some((calendar, account)) = calendars::destination(conn, user_id)? else {
                        continue;
                    };
                    if account.live_check && account.provider == Provider::Caldav {
                        let known = calendars::known_objects(conn, calendar.id)?;
                        targets.push(Target {
                            user_id,
                            calendar,
                            account,
                            known,
                        });
                    }
                }
                Ok(targets)
            })
            .await
            .unwrap_or_default();
        let mut found = Vec::new();
        for target in targets {
            let answer = tokio::time::timeout(TIMEOUT, ask(deps, &target, from, to)).await;
            match answer {
                Ok(Ok(busy)) => found.extend(busy.into_iter().map(|(start, end)| LiveBusy {
                    user_id: target.user_id,
                    start,
                    end,
                })),
                Ok(Err(err)) => unanswered(deps, &target.account, &err.to_string()).await,
                Err(_) => unanswered(deps, &target.account, "no answer in time").await,
            }
        }
        found
    }
}

impl LiveCalendars for Checker {
    fn busy(
        &self,
        hosts: Vec<i64>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Pin<Box<dyn Future<Output = Vec<LiveBusy>> + Send + '_>> {
        Box::pin(self.check(hosts, from, to))
    }
}

/// A host's destination calendar to ask, with what the replica holds of it.
struct Target {
    user_id: i64,
    calendar: Calendar,
    account: Account,
    known: HashMap<String, String>,
}

/// What changed in the calendar since the replica was made, as busy stretches between
/// `from` and `to` (Kairos's own events left out: they are bookings already).
async fn ask(
    deps: &Deps,
    target: &Target,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(DateTime<Utc>, DateTime<Utc>)>, SyncError> {
    let password = sync::open(&deps.key, &target.account)?;
    let remote = sync::caldav_account(&target.account, &password);
    let policy = deps.calendar_policy(&target.account.url);
    let zone = sync::host_zone(deps, target.user_id).await?;
    let changes = caldav::changes(
        &remote,
        &target.calendar.href,
        target.calendar.sync_token.as_deref(),
        &target.known,
        policy,
    )
    .await?;
    let mut busy = Vec::new();
    for object in &changes.changed {
        // An unreadable object is the sync's to report; here it adds nothing.
        if let Ok(expanded) = ical::busy_between(&object.data, from, to, zone) {
            busy.extend(
                expanded
                    .busy
                    .into_iter()
                    .filter(|b| !b.uid.ends_with(OWN_UID))
                    .map(|b| (b.start, b.end)),
            );
        }
    }
    Ok(busy)
}

/// Records that a live check went unanswered: the booking went ahead on the replica.
async fn unanswered(deps: &Deps, account: &Account, reason: &str) {
    tracing::warn!(
        account_id = account.id,
        reason,
        "calendar live check unanswered; booking on the replica"
    );
    let recorded = audit::record_alone(
        &deps.db,
        deps.now(),
        audit::Actor::System("calendar live check"),
        "calendar_live_check_unanswered",
        Some(format!("calendar_account:{}", account.id)),
        audit::Outcome::Failure,
        &audit::Origin::host(),
    )
    .await;
    if let Err(err) = recorded {
        tracing::warn!(error = %err, "live check not audited");
    }
}
