//! Who may do what: the one place that answers "may this person do X to this object".
//!
//! Handlers and API routes ask here before they show or change anything, and answer the
//! same way everywhere:
//!
//! - [`Access::Hidden`]: the person may not even see the object. It answers exactly like
//!   an object that does not exist (404), so ids cannot be guessed or probed.
//! - [`Access::Forbidden`]: the person sees the object but may not do this to it (403).
//! - [`Access::Allowed`].
//!
//! # Roles
//!
//! An account has one instance role (`owner`, `admin` or `member`), and in each team it
//! belongs to one team role (`admin` or `member`).
//!
//! | Object | Owner and admin | Team admin (of the object's team) | Team member (same team) | Anyone else signed in |
//! |---|---|---|---|---|
//! | Booking: view details and answers | yes | yes | yes | only as a host of the booking or owner of its event type |
//! | Booking: confirm, reject, cancel, reschedule | yes | yes | only as a host | only as a host or owner of its event type (else hidden) |
//! | Personal event type: view, change, delete | yes | — | — | only its owner |
//! | Team event type: view | yes | yes | yes | hidden |
//! | Team event type: create, change, delete | yes | yes | forbidden | hidden |
//! | Schedule and out-of-office time | yes | — | — | only its owner |
//! | Webhook subscription, personal workflow: view, change, delete | yes | — | — | only its owner |
//! | Team workflow: view, change, delete | yes | yes | hidden | hidden |
//! | Team: view it and its members | yes | yes | yes | hidden |
//! | Team: add, create and remove members | yes | yes | forbidden | hidden |
//! | Team: create | yes | forbidden | forbidden | forbidden |
//! | Accounts: create, disable, enable | yes | forbidden | forbidden | forbidden |
//! | Instance settings, audit log, update checks | yes | forbidden | forbidden | forbidden |
//! | API key: create, revoke | own keys only | own keys only | own keys only | own keys only |
//!
//! The owner differs from an administrator in one way: the owner's account cannot be
//! disabled from the web (the host shell's break-glass commands can). Nobody disables
//! their own account. A disabled account has no sessions and no API keys, so it reaches
//! nothing. Someone not signed in reaches only the public pages, the setup wizard before
//! setup is complete, and an invitee's booking page with its manage token.
//!
//! Listings follow the same rules: [`booking_scope`] is the set of bookings a person's
//! booking lists show, and a team page lists its event types to its members only.

use rusqlite::Connection;

use crate::db::bookings::{self, Booking};
use crate::db::event_types;
use crate::db::teams::{self, TeamRole};
use crate::db::users::{Role, User};
pub use crate::model::booking::BookingScope;
use crate::model::error::Reason;
use crate::model::event_types::EventType;
use crate::reason;

/// The answer to "may this person do that".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    Allowed,
    /// Visible, but not this action; the reason is shown to the person, in their language.
    Forbidden(Reason),
    /// Not visible at all: answer as if it did not exist.
    Hidden,
}

impl Access {
    pub fn is_allowed(&self) -> bool {
        *self == Access::Allowed
    }

    /// Whether the person may at least see the object.
    pub fn is_visible(&self) -> bool {
        *self != Access::Hidden
    }

    fn allowed_if(condition: bool, otherwise: Access) -> Access {
        if condition {
            Access::Allowed
        } else {
            otherwise
        }
    }
}

/// What one does to a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingAction {
    /// See its details, the invitee and their answers.
    View,
    /// Accept or decline a request.
    Confirm,
    Cancel,
    Reschedule,
}

/// What one does to an event type, a schedule or a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    View,
    /// Change or delete it; for a team, its members and event types.
    Manage,
}

pub fn booking_scope(user: &User) -> BookingScope {
    if user.role.is_admin() {
        BookingScope::All
    } else {
        BookingScope::VisibleTo(user.id)
    }
}

/// May `user` do `action` to `booking`?
pub fn booking(
    conn: &Connection,
    user: &User,
    booking: &Booking,
    action: BookingAction,
) -> rusqlite::Result<Access> {
    if user.role.is_admin() {
        return Ok(Access::Allowed);
    }
    if !bookings::visible_to(conn, booking.id, user.id)? {
        return Ok(Access::Hidden);
    }
    if action == BookingAction::View || booking.hosts.contains(&user.id) {
        return Ok(Access::Allowed);
    }
    let owners = match booking.event_type_id {
        Some(id) => event_types::owners(conn, id)?,
        None => None,
    };
    let may_act = match owners {
        Some((Some(owner), _)) => owner == user.id,
        Some((None, Some(team))) => team_role(conn, team, user)? == Some(TeamRole::Admin),
        _ => false,
    };
    Ok(Access::allowed_if(
        may_act,
        Access::Forbidden(reason!("access-booking-hosts")),
    ))
}

/// May `user` do `action` to `event_type`?
pub fn event_type(
    conn: &Connection,
    user: &User,
    event_type: &EventType,
    action: Action,
) -> rusqlite::Result<Access> {
    if user.role.is_admin() {
        return Ok(Access::Allowed);
    }
    Ok(match (event_type.owner_user_id, event_type.input.team_id) {
        (Some(owner), _) => Access::allowed_if(owner == user.id, Access::Hidden),
        (None, Some(team_id)) => team_access(team_role(conn, team_id, user)?, action),
        (None, None) => Access::Hidden,
    })
}

/// May `user` see or change something personal of `owner_id`: their schedule,
/// out-of-office time, webhook subscription or personal workflow?
pub fn personal(user: &User, owner_id: i64) -> Access {
    Access::allowed_if(user.role.is_admin() || owner_id == user.id, Access::Hidden)
}

/// May `user` see the team, or manage its members and event types? A team that does not
/// exist is hidden too.
pub fn team(
    conn: &Connection,
    user: &User,
    team_id: i64,
    action: Action,
) -> rusqlite::Result<Access> {
    if teams::get(conn, team_id)?.is_none() {
        return Ok(Access::Hidden);
    }
    if user.role.is_admin() {
        return Ok(Access::Allowed);
    }
    Ok(team_access(team_role(conn, team_id, user)?, action))
}

fn team_access(role: Option<TeamRole>, action: Action) -> Access {
    match (role, action) {
        (None, _) => Access::Hidden,
        (Some(_), Action::View) | (Some(TeamRole::Admin), Action::Manage) => Access::Allowed,
        (Some(TeamRole::Member), Action::Manage) => {
            Access::Forbidden(reason!("access-team-admins"))
        }
    }
}

fn team_role(conn: &Connection, team_id: i64, user: &User) -> rusqlite::Result<Option<TeamRole>> {
    teams::role_of(conn, team_id, user.id)
}

/// May `user` administer the instance: create teams and accounts, disable and enable
/// accounts, change the instance settings, read the audit log, switch update checks?
pub fn administration(user: &User) -> Access {
    Access::allowed_if(
        user.role.is_admin(),
        Access::Forbidden(reason!("access-administrators")),
    )
}

/// May `user` disable (or enable) the account `target`?
pub fn disable_account(user: &User, target: &User) -> Access {
    match administration(user) {
        Access::Allowed if target.id == user.id => Access::Forbidden(reason!("access-own-account")),
        Access::Allowed if target.role == Role::Owner => {
            Access::Forbidden(reason!("access-owner-account"))
        }
        other => other,
    }
}

/// May `user` revoke the API key of `owner_id`? Keys are personal: other people's keys
/// are hidden, administrators included (disabling an account revokes its keys).
pub fn api_key(user: &User, owner_id: i64) -> Access {
    Access::allowed_if(owner_id == user.id, Access::Hidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: i64, role: Role) -> User {
        User {
            id,
            email: format!("u{id}@example.test"),
            name: format!("User {id}"),
            username: format!("u{id}"),
            time_zone: chrono_tz::Tz::UTC,
            role,
            disabled: false,
            password_hash: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
            bio: String::new(),
            first_day_of_week: None,
            twelve_hour: false,
            language: None,
        }
    }

    #[test]
    fn team_roles_see_and_manage_as_documented() {
        assert_eq!(team_access(None, Action::View), Access::Hidden);
        assert_eq!(team_access(None, Action::Manage), Access::Hidden);
        assert_eq!(
            team_access(Some(TeamRole::Member), Action::View),
            Access::Allowed
        );
        assert!(matches!(
            team_access(Some(TeamRole::Member), Action::Manage),
            Access::Forbidden(_)
        ));
        assert_eq!(
            team_access(Some(TeamRole::Admin), Action::Manage),
            Access::Allowed
        );
    }

    #[test]
    fn personal_things_and_keys_belong_to_their_owner() {
        let (member, other, admin) = (
            user(1, Role::Member),
            user(2, Role::Member),
            user(3, Role::Admin),
        );
        assert_eq!(personal(&member, 1), Access::Allowed);
        assert_eq!(personal(&other, 1), Access::Hidden);
        assert_eq!(personal(&admin, 1), Access::Allowed);
        assert_eq!(api_key(&member, 1), Access::Allowed);
        assert_eq!(api_key(&admin, 1), Access::Hidden);
    }

    #[test]
    fn nobody_disables_themselves_or_the_owner() {
        let (owner, admin, member) = (
            user(1, Role::Owner),
            user(2, Role::Admin),
            user(3, Role::Member),
        );
        assert_eq!(disable_account(&owner, &admin), Access::Allowed);
        assert_eq!(disable_account(&admin, &member), Access::Allowed);
        assert!(matches!(
            disable_account(&admin, &owner),
            Access::Forbidden(_)
        ));
        assert!(matches!(
            disable_account(&owner, &owner),
            Access::Forbidden(_)
        ));
        assert!(matches!(
            disable_account(&member, &admin),
            Access::Forbidden(_)
        ));
        assert_eq!(booking_scope(&admin), BookingScope::All);
        assert_eq!(booking_scope(&member), BookingScope::VisibleTo(3));
    }
}
