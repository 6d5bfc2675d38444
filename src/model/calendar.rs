//! Connected calendars: a host's own calendar accounts, their calendars, and the busy
//! time Kairos keeps of them.

use chrono::{DateTime, Duration, Utc};

use crate::model::error::FieldErrors;

/// Where a connected calendar lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// A CalDAV server: Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo, …
    Caldav,
    /// A read-only ICS feed (a calendar's "secret address").
    Ics,
    /// Google Calendar, through its API with an OAuth grant.
    Google,
    /// Microsoft 365 or Outlook.com, through Microsoft Graph with an OAuth grant.
    Microsoft,
    /// A Zoom account: no calendars, a Zoom meeting made for each booking at Zoom.
    Zoom,
}

impl Provider {
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Caldav => "caldav",
            Provider::Ics => "ics",
            Provider::Google => "google",
            Provider::Microsoft => "microsoft",
            Provider::Zoom => "zoom",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "caldav" => Some(Provider::Caldav),
            "ics" => Some(Provider::Ics),
            "google" => Some(Provider::Google),
            "microsoft" => Some(Provider::Microsoft),
            "zoom" => Some(Provider::Zoom),
            _ => None,
        }
    }

    /// What a host reads.
    pub fn label(self) -> &'static str {
        match self {
            Provider::Caldav => "CalDAV",
            Provider::Ics => "ICS feed",
            Provider::Google => "Google Calendar",
            Provider::Microsoft => "Microsoft 365",
            Provider::Zoom => "Zoom",
        }
    }

    /// Whether the account is reached through a vendor's API with a sign-in (OAuth),
    /// rather than with an address and a password.
    pub fn signs_in(self) -> bool {
        matches!(
            self,
            Provider::Google | Provider::Microsoft | Provider::Zoom
        )
    }

    /// Whether the account holds calendars (every kind but Zoom's).
    pub fn has_calendars(self) -> bool {
        self != Provider::Zoom
    }
}

/// One connected account, as stored; its secret stays sealed here.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub id: i64,
    pub user_id: i64,
    pub provider: Provider,
    /// The server's address, or a feed's host name: what the host may see again.
    pub url: String,
    pub username: String,
    pub secret_sealed: Vec<u8>,
    pub last_synced_at: Option<DateTime<Utc>>,
    pub next_sync_at: Option<DateTime<Utc>>,
    /// The last failure, in words for the host.
    pub last_error: Option<String>,
    /// Failed syncs in a row.
    pub failures: u32,
    pub created_at: DateTime<Utc>,
    /// Deleting a booking's event in this account's calendars cancels the booking.
    pub sync_cancellations: bool,
    /// Bookings ask the destination calendar once, live, whether the time is free.
    pub live_check: bool,
    /// The vendor refused the grant: syncs stop until the host connects the account again.
    pub needs_reconnect: bool,
}

impl Account {
    /// When to try again after `failures` failed syncs in a row: the interval, doubled
    /// per failure, at most six hours.
    pub fn retry_after(interval: Duration, failures: u32) -> Duration {
        let factor = 1_i32 << failures.min(10);
        (interval * factor).min(Duration::hours(6))
    }
}

/// One calendar of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub id: i64,
    pub account_id: i64,
    /// The collection's URL; empty for a feed.
    pub href: String,
    pub name: String,
    pub read_only: bool,
    /// Its events block the host's slots.
    pub check_conflicts: bool,
    pub sync_token: Option<String>,
    pub ctag: Option<String>,
    pub etag: Option<String>,
}

/// A busy stretch of a host's calendar, as replicated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusyTime {
    /// The event's UID: the host's own Kairos bookings are recognised by it.
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// The longest text accepted for a URL, a user name or a password.
const MAX_FIELD: usize = 2048;

/// What a host submits to connect an account.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConnectInput {
    /// `caldav` or `ics`.
    #[schema(value_type = String, example = "caldav")]
    pub provider: String,
    /// The CalDAV server (a bare host name works) or the feed's URL, http or https.
    #[schema(example = "https://cloud.example.org")]
    pub url: String,
    /// CalDAV only.
    #[serde(default)]
    pub username: String,
    /// CalDAV only: an app password. Never shown again.
    #[serde(default)]
    pub password: String,
}

/// A checked [`ConnectInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connect {
    pub provider: Provider,
    pub url: String,
    pub username: String,
    pub password: String,
}

impl ConnectInput {
    /// Checks the fields; a refusal names each field and why.
    pub fn validate(&self) -> Result<Connect, FieldErrors> {
        let mut errors = FieldErrors::new();
        let provider = Provider::parse(self.provider.trim())
            .filter(|p| matches!(p, Provider::Caldav | Provider::Ics));
        if provider.is_none() {
            errors.refuse("provider", reason!("cal-error-provider"));
        }
        let mut url = self.url.trim().to_string();
        if url.is_empty() {
            errors.refuse("url", reason!("error-required"));
        } else if url.len() > MAX_FIELD || url.chars().any(char::is_control) {
            errors.refuse("url", reason!("cal-error-long-line"));
        } else {
            if !url.contains("://") && provider == Some(Provider::Caldav) {
                url = format!("https://{url}");
            }
            if let Some(rest) = url.strip_prefix("webcal://") {
                url = format!("https://{rest}");
            }
            match url::Url::parse(&url) {
                Ok(parsed)
                    if matches!(parsed.scheme(), "http" | "https") && parsed.host().is_some() => {}
                _ => errors.refuse("url", reason!("cal-error-http")),
            }
        }
        for (field, value) in [("username", &self.username), ("password", &self.password)] {
            if value.len() > MAX_FIELD || value.chars().any(char::is_control) {
                errors.refuse(field, reason!("cal-error-long-line"));
            }
        }
        if provider == Some(Provider::Caldav)
            && self.username.trim().is_empty()
            && !self.password.is_empty()
        {
            errors.refuse("username", reason!("cal-error-username"));
        }
        let provider = provider.unwrap_or(Provider::Ics);
        errors.into_result(Connect {
            provider,
            url,
            username: self.username.trim().to_string(),
            password: self.password.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn refusals_are_written_in_the_reader_s_language() {
        let errors = input("ics", "ftp://x").validate().expect_err("refused");
        assert_eq!(errors.get("url"), Some("must be an http or https address"));
        assert_eq!(
            errors.text("url", Language::German).as_deref(),
            Some("muss eine http- oder https-Adresse sein")
        );
    }

    fn input(provider: &str, url: &str) -> ConnectInput {
        ConnectInput {
            provider: provider.into(),
            url: url.into(),
            ..ConnectInput::default()
        }
    }

    #[test]
    fn a_bare_host_name_is_a_caldav_server_over_https_and_webcal_is_https() {
        assert_eq!(
            input("caldav", "cloud.example.org")
                .validate()
                .map(|c| c.url),
            Ok("https://cloud.example.org".into())
        );
        assert_eq!(
            input("ics", "webcal://example.org/cal.ics")
                .validate()
                .map(|c| c.url),
            Ok("https://example.org/cal.ics".into())
        );
    }

    #[test]
    fn bad_input_names_the_field() {
        for (provider, url, field) in [
            ("exchange", "https://example.org", "provider"),
            ("ics", "", "url"),
            ("ics", "ftp://example.org/cal.ics", "url"),
            ("ics", "https://exa\u{7}mple.org", "url"),
            ("ics", "example.org/cal.ics", "url"),
        ] {
            let errors = input(provider, url).validate().expect_err("refused");
            assert!(errors.get(field).is_some(), "{provider} {url:?}: {errors}");
        }
        let long = input("ics", &format!("https://example.org/{}", "a".repeat(3000)));
        assert!(long.validate().is_err());
    }

    #[test]
    fn failing_accounts_back_off_up_to_six_hours() {
        let five = Duration::minutes(5);
        assert_eq!(Account::retry_after(five, 0), five);
        assert_eq!(Account::retry_after(five, 2), Duration::minutes(20));
        assert_eq!(Account::retry_after(five, 30), Duration::hours(6));
    }
}
