//! People who sign in: hosts, team members and administrators.

use chrono::{DateTime, Utc};

/// What a user may do on the instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The first administrator, created by the setup wizard.
    Owner,
    Admin,
    Member,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }

    pub fn is_admin(self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }

    /// A role an administrator can give someone: `member` or `admin` (there is one owner).
    pub fn assignable(text: &str) -> Option<Self> {
        match text {
            "member" => Some(Role::Member),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "owner" => Some(Role::Owner),
            "admin" => Some(Role::Admin),
            "member" => Some(Role::Member),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    /// The booking page address: `/{username}`.
    pub username: String,
    pub time_zone: chrono_tz::Tz,
    pub role: Role,
    pub disabled: bool,
    pub password_hash: Option<String>,
    pub created_at: DateTime<Utc>,
    /// A short text for the public page.
    pub bio: String,
    /// The week start the user chose; `None` follows the instance.
    pub first_day_of_week: Option<chrono::Weekday>,
    /// Times shown as 1:30pm instead of 13:30.
    pub twelve_hour: bool,
    /// The language of their dashboard and emails; `None` follows the instance.
    pub language: Option<crate::i18n::Language>,
}
