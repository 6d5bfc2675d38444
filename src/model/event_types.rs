//! Event types: what can be booked, by whom, and under which rules.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::availability::{
    BookingWindow, DayOfWeek, EventRules, MAX_BUFFER_MINUTES, MAX_DURATION_MINUTES,
    MAX_NOTICE_MINUTES, MAX_WINDOW_DAYS, PeriodLimits, Priority, SchedulingType,
};
use crate::model::error::{FieldErrors, Reason, check_email};
use crate::model::questions::{Question, validate_questions};
use crate::model::time::schema::CalendarDate;

/// Where a meeting takes place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum Location {
    /// At an address.
    InPerson {
        /// At most 500 bytes.
        #[schema(min_length = 1, max_length = 500, pattern = "\\S")]
        address: String,
    },
    /// By phone, at this number.
    Phone {
        /// 5 to 20 digits, such as `+1 555 0100`.
        #[schema(pattern = "^[^0-9]*([0-9][^0-9]*){5,20}$")]
        number: String,
    },
    /// A fixed meeting link.
    Link {
        /// An http:// or https:// link of at most 2000 bytes.
        #[schema(pattern = "^https?://", max_length = 2000)]
        url: String,
    },
    /// A video meeting created for each booking: a Jitsi room on the configured base URL,
    /// or a Google Meet or Microsoft Teams meeting made with the host's calendar event.
    Video {
        /// Who hosts the meeting; `jitsi` when left out.
        #[serde(default, skip_serializing_if = "VideoProvider::is_jitsi")]
        provider: VideoProvider,
        /// The meeting's join link: set on bookings (once the vendor made the meeting),
        /// refused in event types.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schema(read_only)]
        url: Option<String>,
    },
}

/// Who hosts a booking's video meeting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum VideoProvider {
    /// A room on the instance's Jitsi server (`video_base_url`), made at once.
    #[default]
    Jitsi,
    /// A Google Meet conference on the host's Google Calendar event.
    GoogleMeet,
    /// A Microsoft Teams meeting on the host's Microsoft 365 event.
    Teams,
    /// A Zoom meeting made in the organizer's Zoom account.
    Zoom,
}

impl VideoProvider {
    fn is_jitsi(&self) -> bool {
        *self == VideoProvider::Jitsi
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            VideoProvider::Jitsi => "Video call",
            VideoProvider::GoogleMeet => "Google Meet",
            VideoProvider::Teams => "Microsoft Teams",
            VideoProvider::Zoom => "Zoom",
        }
    }

    /// The name webhook receivers know from Cal.com's `videoCallData.type`.
    pub fn call_type(self) -> &'static str {
        match self {
            VideoProvider::Jitsi => "jitsi_video",
            VideoProvider::GoogleMeet => "google_meet",
            VideoProvider::Teams => "office365_video",
            VideoProvider::Zoom => "zoom_video",
        }
    }
}

impl Location {
    /// Every [`kind`](Self::kind).
    pub const KINDS: [&str; 4] = ["inPerson", "phone", "link", "video"];
    /// Every [`choice_key`](Self::choice_key).
    pub const CHOICES: [&str; 7] = [
        "inPerson",
        "phone",
        "link",
        "video",
        "googleMeet",
        "teams",
        "zoom",
    ];

    pub fn kind(&self) -> &'static str {
        match self {
            Location::InPerson { .. } => "inPerson",
            Location::Phone { .. } => "phone",
            Location::Link { .. } => "link",
            Location::Video { .. } => "video",
        }
    }

    /// A short human description in `lang`: the address, number or link.
    pub fn describe(&self, lang: crate::i18n::Language) -> String {
        match self {
            Location::InPerson { address } => address.clone(),
            Location::Phone { number } => {
                let args = crate::i18n::args([("number", crate::i18n::value(number.as_str()))]);
                crate::i18n::message(lang, "location-phone", Some(&args))
            }
            Location::Link { url } => url.clone(),
            Location::Video { url, provider } => {
                url.clone().unwrap_or_else(|| provider.label().into())
            }
        }
    }

    /// How a booker names this location among an event type's: its kind, and a video
    /// meeting by its provider (`video` is Jitsi, then `googleMeet`, `teams`).
    pub fn choice_key(&self) -> &'static str {
        match self {
            Location::Video {
                provider: VideoProvider::GoogleMeet,
                ..
            } => "googleMeet",
            Location::Video {
                provider: VideoProvider::Teams,
                ..
            } => "teams",
            Location::Video {
                provider: VideoProvider::Zoom,
                ..
            } => "zoom",
            other => other.kind(),
        }
    }

    /// A video meeting whose vendor has not given its link yet: the provider.
    pub fn pending_meeting(&self) -> Option<VideoProvider> {
        match self {
            Location::Video {
                provider:
                    provider @ (VideoProvider::GoogleMeet | VideoProvider::Teams | VideoProvider::Zoom),
                url: None,
            } => Some(*provider),
            _ => None,
        }
    }
}

/// How hosts of an event combine (API spelling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum SchedulingKind {
    Individual,
    Collective,
    RoundRobin,
}

impl SchedulingKind {
    pub fn engine(self) -> SchedulingType {
        match self {
            SchedulingKind::Individual => SchedulingType::Individual,
            SchedulingKind::Collective => SchedulingType::Collective,
            SchedulingKind::RoundRobin => SchedulingType::RoundRobin,
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            SchedulingKind::Individual => "individual",
            SchedulingKind::Collective => "collective",
            SchedulingKind::RoundRobin => "round_robin",
        }
    }

    pub fn from_db(text: &str) -> Option<Self> {
        match text {
            "individual" => Some(SchedulingKind::Individual),
            "collective" => Some(SchedulingKind::Collective),
            "round_robin" => Some(SchedulingKind::RoundRobin),
            _ => None,
        }
    }
}

/// Round-robin priority (API spelling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum HostPriority {
    Lowest,
    Low,
    #[default]
    Medium,
    High,
    Highest,
}

impl HostPriority {
    pub fn engine(self) -> Priority {
        match self {
            HostPriority::Lowest => Priority::Lowest,
            HostPriority::Low => Priority::Low,
            HostPriority::Medium => Priority::Medium,
            HostPriority::High => Priority::High,
            HostPriority::Highest => Priority::Highest,
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            HostPriority::Lowest => "lowest",
            HostPriority::Low => "low",
            HostPriority::Medium => "medium",
            HostPriority::High => "high",
            HostPriority::Highest => "highest",
        }
    }

    pub fn from_db(text: &str) -> Self {
        match text {
            "lowest" => HostPriority::Lowest,
            "low" => HostPriority::Low,
            "high" => HostPriority::High,
            "highest" => HostPriority::Highest,
            _ => HostPriority::Medium,
        }
    }
}

/// A host of a team event type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventHost {
    pub user_id: i64,
    /// The round-robin group this host takes turns in (1 to 40 bytes); absent for a fixed
    /// host, who attends every booking. Only for round-robin event types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(min_length = 1, max_length = 40, pattern = "\\S")]
    pub round_robin_group: Option<String>,
    #[serde(default)]
    pub priority: HostPriority,
    /// Relative share of round-robin bookings (default 100).
    #[serde(default = "default_weight")]
    #[schema(maximum = 10000)]
    pub weight: u32,
}

fn default_weight() -> u32 {
    100
}

/// The booking window (API spelling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum Window {
    #[default]
    Unlimited,
    RollingCalendarDays {
        #[schema(schema_with = window_days_schema)]
        days: u32,
    },
    RollingBusinessDays {
        #[schema(schema_with = window_days_schema)]
        days: u32,
    },
    /// From `start` to `end` (inclusive), which must not be before `start`.
    DateRange {
        #[schema(value_type = CalendarDate)]
        start: NaiveDate,
        #[schema(value_type = CalendarDate)]
        end: NaiveDate,
    },
}

/// Maxima per calendar period; a period left out has no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Limits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1)]
    pub per_day: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1)]
    pub per_week: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1)]
    pub per_month: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1)]
    pub per_year: Option<u32>,
}

impl Limits {
    fn engine(self) -> PeriodLimits {
        PeriodLimits {
            per_day: self.per_day,
            per_week: self.per_week,
            per_month: self.per_month,
            per_year: self.per_year,
        }
    }
}

fn yes() -> bool {
    true
}

/// Everything that defines an event type, as clients send and receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventTypeInput {
    #[schema(min_length = 1, max_length = 120, pattern = "\\S")]
    pub title: String,
    /// The address part: `/{username}/{slug}`; unique among the owner's event types.
    #[schema(value_type = Slug)]
    pub slug: String,
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub description: String,
    #[schema(schema_with = durations_schema)]
    pub durations_minutes: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = slot_interval_schema)]
    pub slot_interval_minutes: Option<u32>,
    #[serde(default)]
    #[schema(schema_with = notice_schema)]
    pub minimum_notice_minutes: u32,
    #[serde(default)]
    #[schema(schema_with = buffer_schema)]
    pub before_buffer_minutes: u32,
    #[serde(default)]
    #[schema(schema_with = buffer_schema)]
    pub after_buffer_minutes: u32,
    #[serde(default)]
    pub booking_window: Window,
    #[serde(default)]
    pub booking_limits: Limits,
    #[serde(default)]
    pub duration_limits_minutes: Limits,
    /// Several attendees per slot; the slot is offered until it is full. Cannot be
    /// combined with `requiresConfirmation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 1000)]
    pub seats_per_slot: Option<u32>,
    #[serde(default)]
    pub only_first_slot_per_day: bool,
    /// Where the meeting takes place; the booker chooses one (the first by default).
    #[serde(default)]
    #[schema(max_items = 10)]
    pub locations: Vec<Location>,
    /// The booking form's questions; keys are distinct (ignoring case).
    #[serde(default)]
    #[schema(max_items = 30)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub requires_confirmation: bool,
    /// Whether a booking awaiting confirmation keeps its slot taken.
    #[serde(default = "yes")]
    pub pending_blocks_slot: bool,
    #[serde(default)]
    pub hidden: bool,
    /// The language of the event type's booking pages and of the messages to its
    /// invitees, whatever their browsers ask for: the tag of one of Kairos's languages
    /// (`de`, `pt-BR`). Without one, each visitor reads the booking pages in theirs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// What a booking costs, paid through Stripe (an administrator sets Stripe up first);
    /// absent: free.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<crate::model::payment::Price>,
    /// One of the owner's schedules; absent = their default schedule. Not for team event
    /// types, whose hosts use their default schedules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_id: Option<i64>,
    /// Set for a team event type (you must be an admin of the team); cannot be changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<i64>,
    /// `individual` (the default) for a personal event type; `collective` or `roundRobin`
    /// for a team event type.
    #[serde(default = "individual")]
    pub scheduling_type: SchedulingKind,
    /// Hosts of a team event type: at least one, each a different member of the team;
    /// none for a personal event type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<EventHost>,
}

fn individual() -> SchedulingKind {
    SchedulingKind::Individual
}

/// A whole number (minutes, days) from `min` to `max`, as the OpenAPI document states it.
fn whole_number_schema(min: u32, max: u32) -> utoipa::openapi::schema::ObjectBuilder {
    use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(min))
        .maximum(Some(max))
}

/// A booker's choice of one of an event type's durations, for the OpenAPI document.
pub fn chosen_duration_schema() -> utoipa::openapi::schema::Object {
    whole_number_schema(1, MAX_DURATION_MINUTES)
        .description(Some(
            "One of the event type's durations in minutes; default its first.",
        ))
        .build()
}

/// A booker's choice of one of an event type's locations, for the OpenAPI document.
pub fn location_kind_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(Location::CHOICES))
        .description(Some(
            "The location chosen, one the event type offers (a video meeting by its provider: `video` for Jitsi, `googleMeet`, `teams`); default its first.",
        ))
        .build()
}

fn durations_schema() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(whole_number_schema(1, MAX_DURATION_MINUTES))
        .min_items(Some(1))
        .max_items(Some(10))
        .unique_items(true)
        .description(Some(
            "Allowed durations in minutes, distinct; the first is the default.",
        ))
        .build()
}

fn slot_interval_schema() -> utoipa::openapi::schema::Object {
    whole_number_schema(1, MAX_DURATION_MINUTES)
        .description(Some(
            "Step between offered start times; defaults to the chosen duration.",
        ))
        .build()
}

fn notice_schema() -> utoipa::openapi::schema::Object {
    whole_number_schema(0, MAX_NOTICE_MINUTES)
        .description(Some(
            "How long before a start it can be booked at the latest.",
        ))
        .build()
}

fn buffer_schema() -> utoipa::openapi::schema::Object {
    whole_number_schema(0, MAX_BUFFER_MINUTES).build()
}

fn window_days_schema() -> utoipa::openapi::schema::Object {
    whole_number_schema(1, MAX_WINDOW_DAYS)
        .description(Some("Days ahead that can be booked."))
        .build()
}

/// A stored event type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventType {
    pub id: i64,
    pub owner_user_id: Option<i64>,
    pub input: EventTypeInput,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl EventType {
    /// The rules the availability engine applies, for a week starting on `first_day`.
    pub fn rules(&self, first_day_of_week: DayOfWeek) -> EventRules {
        self.input.rules(first_day_of_week)
    }
}

impl EventTypeInput {
    pub fn rules(&self, first_day_of_week: DayOfWeek) -> EventRules {
        EventRules {
            durations_minutes: self.durations_minutes.clone(),
            slot_interval_minutes: self.slot_interval_minutes,
            minimum_notice_minutes: self.minimum_notice_minutes,
            before_buffer_minutes: self.before_buffer_minutes,
            after_buffer_minutes: self.after_buffer_minutes,
            booking_window: match self.booking_window {
                Window::Unlimited => BookingWindow::Unlimited,
                Window::RollingCalendarDays { days } => BookingWindow::RollingCalendarDays { days },
                Window::RollingBusinessDays { days } => BookingWindow::RollingBusinessDays { days },
                Window::DateRange { start, end } => BookingWindow::DateRange { start, end },
            },
            booking_limits: self.booking_limits.engine(),
            duration_limits_minutes: self.duration_limits_minutes.engine(),
            seats_per_slot: self.seats_per_slot,
            only_first_slot_per_day: self.only_first_slot_per_day,
            first_day_of_week,
        }
    }

    /// Checks every field; errors name the field in the API's spelling. Checks that need
    /// the database (slug taken, hosts are team members) are the service's.
    pub fn validate(&mut self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        self.title = self.title.trim().to_string();
        self.slug = self.slug.trim().to_lowercase();
        self.description = self.description.trim().to_string();
        if self.title.is_empty() {
            errors.refuse("title", reason!("error-required"));
        } else if self.title.chars().count() > 120 {
            errors.refuse("title", reason!("error-at-most-characters", max = 120));
        }
        if let Some(price) = &self.price {
            price.validate(&mut errors);
        }
        self.language = match self.language.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(tag) => match crate::i18n::Language::from_tag(tag) {
                Some(language) if language != crate::i18n::Language::Pseudo => {
                    Some(language.tag().to_string())
                }
                _ => {
                    errors.refuse("language", reason!("error-language"));
                    None
                }
            },
        };
        if let Err(reason) = check_slug(&self.slug) {
            errors.refuse("slug", reason);
        }
        if self.description.chars().count() > 5_000 {
            errors.refuse(
                "description",
                reason!("error-at-most-characters", max = 5_000),
            );
        }
        if self.durations_minutes.is_empty() {
            errors.refuse("durationsMinutes", reason!("et-error-no-duration"));
        } else if self.durations_minutes.len() > 10 {
            errors.refuse(
                "durationsMinutes",
                reason!("et-error-too-many-durations", max = 10),
            );
        } else if let Some(bad) = self
            .durations_minutes
            .iter()
            .find(|d| **d == 0 || **d > MAX_DURATION_MINUTES)
        {
            errors.refuse(
                "durationsMinutes",
                reason!(
                    "et-error-duration-range",
                    minutes = *bad,
                    min = 1,
                    max = MAX_DURATION_MINUTES
                ),
            );
        } else {
            let mut sorted = self.durations_minutes.clone();
            sorted.sort_unstable();
            sorted.dedup();
            if sorted.len() != self.durations_minutes.len() {
                errors.refuse("durationsMinutes", reason!("et-error-repeated-duration"));
            }
        }
        if let Some(interval) = self.slot_interval_minutes
            && (interval == 0 || interval > MAX_DURATION_MINUTES)
        {
            errors.refuse(
                "slotIntervalMinutes",
                reason!("error-between", min = 1, max = MAX_DURATION_MINUTES),
            );
        }
        if self.minimum_notice_minutes > MAX_NOTICE_MINUTES {
            errors.refuse(
                "minimumNoticeMinutes",
                reason!("error-at-most", max = MAX_NOTICE_MINUTES),
            );
        }
        for (field, value) in [
            ("beforeBufferMinutes", self.before_buffer_minutes),
            ("afterBufferMinutes", self.after_buffer_minutes),
        ] {
            if value > MAX_BUFFER_MINUTES {
                errors.refuse(field, reason!("error-at-most", max = MAX_BUFFER_MINUTES));
            }
        }
        match self.booking_window {
            Window::RollingCalendarDays { days } | Window::RollingBusinessDays { days }
                if days == 0 || days > MAX_WINDOW_DAYS =>
            {
                errors.refuse(
                    "bookingWindow.days",
                    reason!("error-between", min = 1, max = MAX_WINDOW_DAYS),
                );
            }
            Window::DateRange { start, end } if end < start => {
                errors.refuse("bookingWindow.end", reason!("et-error-end-before-start"));
            }
            _ => {}
        }
        for (field, limits) in [
            ("bookingLimits", self.booking_limits),
            ("durationLimitsMinutes", self.duration_limits_minutes),
        ] {
            for (name, value) in [
                ("perDay", limits.per_day),
                ("perWeek", limits.per_week),
                ("perMonth", limits.per_month),
                ("perYear", limits.per_year),
            ] {
                if value == Some(0) {
                    errors.refuse(&format!("{field}.{name}"), reason!("et-error-zero-limit"));
                }
            }
        }
        if let Some(seats) = self.seats_per_slot
            && !(1..=1000).contains(&seats)
        {
            errors.refuse(
                "seatsPerSlot",
                reason!("error-between", min = 1, max = 1000),
            );
        }
        if self.seats_per_slot.is_some() && self.requires_confirmation {
            errors.refuse("seatsPerSlot", reason!("et-error-seats-confirmation"));
        }
        if self.locations.len() > 10 {
            errors.refuse(
                "locations",
                reason!("et-error-too-many-locations", max = 10),
            );
        }
        for (i, location) in self.locations.iter_mut().enumerate() {
            validate_location(location, &format!("locations[{i}]"), &mut errors);
        }
        validate_questions(&self.questions, &mut errors);
        match (self.team_id, self.scheduling_type) {
            (None, SchedulingKind::Individual) => {
                if !self.hosts.is_empty() {
                    errors.refuse("hosts", reason!("et-error-hosts-of-teams"));
                }
            }
            (None, _) => errors.refuse("schedulingType", reason!("et-error-personal-kind")),
            (Some(_), SchedulingKind::Individual) => {
                errors.refuse("schedulingType", reason!("et-error-team-kind"));
            }
            (Some(_), kind) => {
                if self.hosts.is_empty() {
                    errors.refuse("hosts", reason!("et-error-no-host"));
                }
                let mut seen = std::collections::HashSet::new();
                for (i, host) in self.hosts.iter_mut().enumerate() {
                    if !seen.insert(host.user_id) {
                        errors.refuse(
                            &format!("hosts[{i}].userId"),
                            reason!("et-error-host-twice"),
                        );
                    }
                    if let Some(group) = &host.round_robin_group {
                        let group = group.trim().to_string();
                        let field = format!("hosts[{i}].roundRobinGroup");
                        if kind == SchedulingKind::Collective {
                            errors.refuse(&field, reason!("et-error-group-of-round-robin"));
                        } else if group.is_empty() || group.len() > 40 {
                            errors.refuse(
                                &field,
                                reason!("error-characters-between", min = 1, max = 40),
                            );
                        }
                        host.round_robin_group = Some(group);
                    }
                    if host.weight > 10_000 {
                        errors.refuse(
                            &format!("hosts[{i}].weight"),
                            reason!("error-at-most", max = 10_000),
                        );
                    }
                }
                if kind == SchedulingKind::RoundRobin
                    && !self.hosts.iter().any(|h| h.round_robin_group.is_some())
                {
                    // Hosts without a group all take turns in one group.
                    for host in &mut self.hosts {
                        host.round_robin_group = Some("default".into());
                    }
                }
            }
        }
        errors.into_result(())
    }
}

/// A slug made from a title or a name, for any script: letters are transliterated to
/// ASCII (`Rückenschule` → `ruckenschule`, `Straße` → `strasse`, `Запись` → `zapis`,
/// `東京` → `dong-jing`), everything else becomes `-`. At most 60 characters, cut at a
/// word boundary where possible; empty when the title has nothing to transliterate.
pub fn slug_from_title(title: &str) -> String {
    let ascii = deunicode::deunicode_with_tofu(title.trim(), "-").to_lowercase();
    let mut slug = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.len() <= 60 {
        return slug.to_string();
    }
    let cut = &slug[..60];
    match cut.rfind('-') {
        Some(end) if end >= 20 => cut[..end].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

/// Checks a slug: 1–60 lowercase letters, digits and `-`.
pub fn check_slug(slug: &str) -> Result<(), Reason> {
    if slug.is_empty() || slug.len() > 60 {
        Err(reason!("error-characters-long", min = 1, max = 60))
    } else if !slug
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || slug.starts_with('-')
    {
        Err(reason!("error-slug"))
    } else {
        Ok(())
    }
}

/// What [`check_slug`] accepts, as the API's OpenAPI document states it.
pub struct Slug;

impl Slug {
    pub const PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,59}$";
}

impl utoipa::PartialSchema for Slug {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(Self::PATTERN))
            .min_length(Some(1))
            .max_length(Some(60))
            .description(Some(
                "1 to 60 lowercase letters, digits and `-`, not starting with `-` \
                 (capitals are taken and stored in lowercase).",
            ))
            .into()
    }
}

impl ToSchema for Slug {}

fn validate_location(location: &mut Location, field: &str, errors: &mut FieldErrors) {
    match location {
        Location::InPerson { address } => {
            *address = address.trim().to_string();
            if address.is_empty() || address.len() > 500 {
                errors.refuse(
                    &format!("{field}.address"),
                    reason!("error-characters-between", min = 1, max = 500),
                );
            }
        }
        Location::Phone { number } => {
            *number = number.trim().to_string();
            let digits = number.chars().filter(char::is_ascii_digit).count();
            if !(5..=20).contains(&digits) {
                errors.refuse(&format!("{field}.number"), reason!("error-phone"));
            }
        }
        Location::Link { url } => {
            *url = url.trim().to_string();
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() > 2_000 {
                errors.refuse(&format!("{field}.url"), reason!("et-error-link"));
            }
        }
        Location::Video { url, .. } => {
            if url.is_some() {
                errors.refuse(&format!("{field}.url"), reason!("et-error-video-url"));
            }
        }
    }
}

/// Checks an attendee's guests: valid, distinct email addresses, at most 10.
pub fn validate_guests(guests: &mut Vec<String>, errors: &mut FieldErrors) {
    for guest in guests.iter_mut() {
        *guest = guest.trim().to_string();
    }
    guests.retain(|g| !g.is_empty());
    if guests.len() > 10 {
        errors.refuse("guests", reason!("booker-error-too-many-guests", max = 10));
    }
    for (i, guest) in guests.iter().enumerate() {
        if let Err(reason) = check_email(guest) {
            errors.add(&format!("guests[{i}]"), reason);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_titles_in_any_script() {
        for (title, slug) in [
            ("Initial consultation!", "initial-consultation"),
            ("  30 min  call ", "30-min-call"),
            ("Rückenschule", "ruckenschule"),
            ("Straße & Café", "strasse-cafe"),
            ("Запись к врачу", "zapis-k-vrachu"),
            ("Φυσικοθεραπεία", "phusikotherapeia"),
            ("東京 相談", "dong-jing-xiang-tan"),
            ("🙂", "slight-smile"),
            ("!!!", ""),
        ] {
            let made = slug_from_title(title);
            assert_eq!(made, slug, "{title}");
            if !made.is_empty() {
                assert_eq!(check_slug(&made), Ok(()), "{title}");
            }
        }
        let long = slug_from_title(&"Nachsorge ".repeat(10));
        assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
        assert_eq!(check_slug(&long), Ok(()));
    }

    fn sample() -> EventTypeInput {
        serde_json::from_value(serde_json::json!({
            "title": "Consultation", "slug": "Consultation", "durationsMinutes": [30, 60],
            "locations": [{"type": "video"}, {"type": "inPerson", "address": " 1 Harbor St "}]
        }))
        .unwrap_or_else(|err| panic!("sample parses: {err}"))
    }

    #[test]
    fn a_good_event_type_validates_and_normalizes() {
        let mut input = sample();
        input.validate().expect("valid");
        assert_eq!(input.slug, "consultation");
        assert!(input.pending_blocks_slot);
        assert_eq!(
            input.locations[1],
            Location::InPerson {
                address: "1 Harbor St".into()
            }
        );
        let rules = input.rules(DayOfWeek::Monday);
        assert_eq!(rules.durations_minutes, vec![30, 60]);
    }

    #[test]
    fn bad_fields_are_named() {
        let mut input = sample();
        input.title = " ".into();
        input.slug = "no spaces".into();
        input.durations_minutes = vec![0];
        input.booking_window = Window::RollingCalendarDays { days: 0 };
        input.booking_limits.per_day = Some(0);
        input.locations.push(Location::Link {
            url: "ftp://x".into(),
        });
        let errors = input.validate().expect_err("invalid");
        for field in [
            "title",
            "slug",
            "durationsMinutes",
            "bookingWindow.days",
            "bookingLimits.perDay",
            "locations[2].url",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors}");
        }
    }

    #[test]
    fn refusals_are_written_in_the_reader_s_language() {
        use crate::i18n::Language;
        let mut input = sample();
        input.slug = "no spaces".into();
        input.durations_minutes = Vec::new();
        input.locations = vec![
            Location::InPerson {
                address: "1 Harbor St".into()
            };
            11
        ];
        let errors = input.validate().expect_err("invalid");
        assert_eq!(
            errors.get("durationsMinutes"),
            Some("must list at least one duration")
        );
        assert_eq!(
            errors.text("durationsMinutes", Language::German).as_deref(),
            Some("muss mindestens eine Dauer enthalten")
        );
        assert_eq!(
            errors.text("slug", Language::French).as_deref(),
            Some(
                "ne peut contenir que des lettres minuscules, des chiffres et -, et ne doit pas \
                 commencer par -"
            )
        );
        assert_eq!(
            errors.get("locations"),
            Some("must list at most 10 locations")
        );
        assert_eq!(
            errors.text("locations", Language::Arabic).as_deref(),
            // The number, isolated in the right-to-left sentence, chooses the plural.
            Some("يجب ألا يتضمن أكثر من \u{2068}10\u{2069} أماكن")
        );
    }

    #[test]
    fn team_event_types_need_hosts_and_a_team_type() {
        let mut input = sample();
        input.team_id = Some(1);
        let errors = input.validate().expect_err("individual team type");
        assert!(errors.get("schedulingType").is_some());
        input.scheduling_type = SchedulingKind::RoundRobin;
        let errors = input.validate().expect_err("no hosts");
        assert!(errors.get("hosts").is_some());
        input.hosts = vec![
            EventHost {
                user_id: 1,
                round_robin_group: None,
                priority: HostPriority::Medium,
                weight: 100,
            },
            EventHost {
                user_id: 2,
                round_robin_group: None,
                priority: HostPriority::Medium,
                weight: 100,
            },
        ];
        input.validate().expect("valid");
        assert!(
            input
                .hosts
                .iter()
                .all(|h| h.round_robin_group.as_deref() == Some("default"))
        );
    }

    #[test]
    fn unknown_fields_are_refused() {
        let parsed: Result<EventTypeInput, _> = serde_json::from_value(serde_json::json!({
            "title": "x", "slug": "x", "durationsMinutes": [30], "lenght": 30
        }));
        assert!(parsed.is_err());
    }

    /// The event type's schema in the OpenAPI document, as JSON.
    fn documented<T: utoipa::PartialSchema>() -> serde_json::Value {
        serde_json::to_value(T::schema()).unwrap_or_default()
    }

    #[test]
    fn the_documented_limits_are_the_checked_ones() {
        use crate::model::questions::QuestionKind;
        let schema = documented::<EventTypeInput>();
        /// Puts a number (the limit, or one past it) into an input.
        type Set = fn(&mut EventTypeInput, usize);
        // (property, keyword, where the limit goes in the input)
        let cases: [(&str, &str, Set); 10] = [
            ("title", "maxLength", |input, n| input.title = "x".repeat(n)),
            ("description", "maxLength", |input, n| {
                input.description = "x".repeat(n)
            }),
            ("durationsMinutes", "maxItems", |input, n| {
                input.durations_minutes = (1..=n as u32).collect();
            }),
            ("slotIntervalMinutes", "maximum", |input, n| {
                input.slot_interval_minutes = Some(n as u32);
            }),
            ("minimumNoticeMinutes", "maximum", |input, n| {
                input.minimum_notice_minutes = n as u32;
            }),
            ("beforeBufferMinutes", "maximum", |input, n| {
                input.before_buffer_minutes = n as u32
            }),
            ("afterBufferMinutes", "maximum", |input, n| {
                input.after_buffer_minutes = n as u32
            }),
            ("seatsPerSlot", "maximum", |input, n| {
                input.seats_per_slot = Some(n as u32)
            }),
            ("locations", "maxItems", |input, n| {
                input.locations = (0..n)
                    .map(|k| Location::Phone {
                        number: format!("+1 555 {k:04}"),
                    })
                    .collect();
            }),
            ("questions", "maxItems", |input, n| {
                input.questions = (0..n)
                    .map(|k| Question {
                        key: format!("q{k}"),
                        kind: QuestionKind::Text,
                        label: "Q".into(),
                        required: false,
                        options: Vec::new(),
                    })
                    .collect();
            }),
        ];
        for (property, keyword, set) in cases {
            let limit = schema["properties"][property][keyword]
                .as_u64()
                .unwrap_or_else(|| panic!("{property} states no {keyword}: {schema}"));
            let limit = usize::try_from(limit).unwrap_or(usize::MAX);
            let mut input = sample();
            set(&mut input, limit);
            assert!(input.validate().is_ok(), "{property} at its {keyword}");
            let mut input = sample();
            set(&mut input, limit + 1);
            let errors = input.validate().expect_err("past the limit");
            assert!(errors.get(property).is_some(), "{property}: {errors}");
        }
        let longest = schema["properties"]["durationsMinutes"]["items"]["maximum"].as_u64();
        assert_eq!(longest, Some(u64::from(MAX_DURATION_MINUTES)));
    }

    #[test]
    fn the_documented_location_kinds_are_the_ones_bookers_choose_from() {
        let every = [
            Location::InPerson {
                address: "1 Harbor St".into(),
            },
            Location::Phone {
                number: "+1 555 0100".into(),
            },
            Location::Link {
                url: "https://meet.example.org/x".into(),
            },
            Location::Video {
                provider: VideoProvider::Jitsi,
                url: None,
            },
        ];
        let kinds: Vec<&str> = every.iter().map(Location::kind).collect();
        assert_eq!(kinds, Location::KINDS);
        let mut every = every.to_vec();
        for provider in [
            VideoProvider::GoogleMeet,
            VideoProvider::Teams,
            VideoProvider::Zoom,
        ] {
            every.push(Location::Video {
                provider,
                url: None,
            });
        }
        let choices: Vec<&str> = every.iter().map(Location::choice_key).collect();
        assert_eq!(choices, Location::CHOICES);
    }

    proptest::proptest! {
        #[test]
        fn every_slug_the_document_allows_is_accepted(
            slug in crate::model::texts_matching(Slug::PATTERN)
        ) {
            proptest::prop_assert_eq!(check_slug(&slug), Ok(()));
        }

        #[test]
        fn every_phone_number_the_document_allows_is_accepted(
            number in crate::model::texts_matching(
                documented::<Location>()["oneOf"][1]["properties"]["number"]["pattern"]
                    .as_str()
                    .unwrap_or_default(),
            )
        ) {
            let mut errors = FieldErrors::new();
            validate_location(&mut Location::Phone { number }, "location", &mut errors);
            proptest::prop_assert!(errors.is_empty(), "{}", errors);
        }
    }
}
