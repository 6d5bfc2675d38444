//! Validation errors shared by every service: which field, and why.

use std::fmt;

use crate::i18n::{self, Language};

/// A [`Reason`] from a message id and its arguments: `reason!(<id>, max = 120)`.
#[macro_export]
macro_rules! reason {
    ($id:literal $(,)?) => {
        $crate::model::error::Reason::new($id, Vec::new())
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::model::error::Reason::new(
            $id,
            vec![$((stringify!($name), $crate::model::error::Arg::from($value))),+],
        )
    };
}

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: String,
    /// Why, in English: for the API, logs and anyone reading without a language.
    pub message: String,
    /// Why, as a catalogue message (see [`crate::i18n`]) that pages write in
    /// the reader's language; `None` for a message not in the catalogues, shown as it is.
    #[serde(skip)]
    pub reason: Option<Reason>,
}

/// A catalogue message naming why a field was refused: its id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a [`Reason`]: text, or a number that chooses a plural form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(i32, i64, u32, u64, usize);

impl Reason {
    /// The reason `id` with `args` (`[("max", 120.into())]`).
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Self { id, args }
    }

    /// The reason written in `language`.
    pub fn text(&self, language: Language) -> String {
        let args = i18n::args(self.args.iter().map(|(name, value)| {
            let value = match value {
                Arg::Text(text) => i18n::value(text.as_str()),
                Arg::Number(n) => i18n::value(*n),
            };
            (*name, value)
        }));
        i18n::message(language, self.id, Some(&args))
    }
}

/// The reason in English: for logs, and for errors written out without a reader.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::English))
    }
}

impl FieldError {
    /// Why, in `language` where the catalogues have it.
    pub fn text(&self, language: Language) -> String {
        self.reason
            .as_ref()
            .map_or_else(|| self.message.clone(), |reason| reason.text(language))
    }
}

/// Every problem found in one submitted form or request body.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// One field refused with the catalogue message `reason` (see [`FieldErrors::refuse`]).
    pub fn refusing(field: &str, reason: Reason) -> Self {
        let mut errors = Self::new();
        errors.refuse(field, reason);
        errors
    }

    /// Refuses `field` with an English message. The messages every form shares ("is
    /// required", "must be at most 200 characters", …; see [`common_reason`]) are
    /// written in the reader's language too; others stay English until they are given
    /// a catalogue message with [`FieldErrors::refuse`].
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        let message = message.into();
        self.0.push(FieldError {
            field: field.to_string(),
            reason: common_reason(&message),
            message,
        });
    }

    /// Refuses `field` with the catalogue message `reason`, which pages write in the
    /// reader's language and the API in English.
    pub fn refuse(&mut self, field: &str, reason: Reason) {
        self.0.push(FieldError {
            field: field.to_string(),
            message: reason.text(Language::English),
            reason: Some(reason),
        });
    }

    /// Keeps an error under another field name (a form's name for an API field).
    pub fn push_as(&mut self, field: &str, error: &FieldError) {
        self.0.push(FieldError {
            field: field.to_string(),
            ..error.clone()
        });
    }

    /// The message for `field` in English, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.message.as_str())
    }

    /// The message for `field` in `language`, if it has one.
    pub fn text(&self, field: &str, language: Language) -> Option<String> {
        self.0
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.text(language))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// `Ok(value)` when nothing was wrong.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|error| format!("{}: {}", error.field, error.message))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for FieldErrors {}

/// Checks a one-line text a person typed, such as a name: control characters (CR, LF,
/// NUL, tab, …) and Unicode line breaks would split the lines of the emails, calendar
/// files, CSV exports and logs it ends up in.
pub fn check_single_line(text: &str) -> Result<(), &'static str> {
    if text
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        Err("must be one line without control characters")
    } else {
        Ok(())
    }
}

/// Checks the shape of an email address: one `@`, something before it, a dotted domain
/// after it, no spaces, at most 254 characters.
pub fn check_email(email: &str) -> Result<(), &'static str> {
    let Some((local, domain)) = email.split_once('@') else {
        return Err("must be an email address such as name@example.org");
    };
    let valid = !local.is_empty()
        && email.len() <= 254
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(())
    } else {
        Err("must be an email address such as name@example.org")
    }
}

/// What [`check_email`] accepts, as the API's OpenAPI document states it.
pub struct EmailAddress;

/// Neither whitespace nor a control character.
const EMAIL_CHARACTER: &str = "[^@\\s\\x00-\\x1f\\x7f-\\x9f]";
/// Like [`EMAIL_CHARACTER`], and not a dot.
const EMAIL_DOMAIN_END: &str = "[^@.\\s\\x00-\\x1f\\x7f-\\x9f]";

impl EmailAddress {
    /// Something before the `@`, a dotted domain that neither starts nor ends with a dot.
    pub fn pattern() -> String {
        let (c, end) = (EMAIL_CHARACTER, EMAIL_DOMAIN_END);
        format!("^{c}+@{end}{c}*\\.{c}*{end}$")
    }
}

impl utoipa::PartialSchema for EmailAddress {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::IdnEmail)))
            .pattern(Some(Self::pattern()))
            .max_length(Some(254))
            .description(Some(
                "An email address: one `@`, a dotted domain, no spaces, at most 254 bytes.",
            ))
            .into()
    }
}

impl utoipa::ToSchema for EmailAddress {}

/// The catalogue message of one of the English field messages every form shares, read
/// back from its words (numbers included): the reader's language for the messages that
/// lower layers write in English.
pub fn common_reason(message: &str) -> Option<Reason> {
    let number = |text: &str| text.parse::<i64>().ok();
    let words: Vec<&str> = message.split(' ').collect();
    let reason = match words.as_slice() {
        ["is", "required"] => reason!("error-required"),
        ["is", "already", "taken;", "choose", "another"] => reason!("error-taken"),
        ["must", "be", "on", "one", "line"] => reason!("error-on-one-line"),
        [
            "must",
            "be",
            "one",
            "line",
            "without",
            "control",
            "characters",
        ] => {
            reason!("error-one-line")
        }
        ["must", "be", "a", "whole", "number"] => reason!("error-whole-number"),
        ["must", "be", "text"] => reason!("error-text"),
        ["must", "be", "true", "or", "false"] => reason!("error-true-or-false"),
        ["does", "not", "match", "the", "password"] => reason!("error-password-mismatch"),
        [
            "must",
            "be",
            "an",
            "email",
            "address",
            "such",
            "as",
            "name@example.org",
        ] => {
            reason!("error-email")
        }
        [
            "must",
            "be",
            "an",
            "IANA",
            "time",
            "zone",
            "such",
            "as",
            "Europe/Berlin",
            "or",
            "America/New_York",
        ] => {
            reason!("error-time-zone")
        }
        ["must", "be", "at", "most", max, "characters"] => {
            reason!("error-at-most-characters", max = number(max)?)
        }
        ["must", "be", min, "to", max, "characters"] => {
            reason!(
                "error-characters-between",
                min = number(min)?,
                max = number(max)?
            )
        }
        ["must", "be", min, "to", max, "characters", "long"] => {
            reason!(
                "error-characters-long",
                min = number(min)?,
                max = number(max)?
            )
        }
        ["must", "be", "between", min, "and", max] => {
            reason!("error-between", min = number(min)?, max = number(max)?)
        }
        _ => return None,
    };
    // Only a message the catalogue writes back word for word is replaced.
    (reason.text(Language::English) == message).then_some(reason)
}

#[cfg(test)]
mod common_reasons {
    use super::*;

    #[test]
    fn shared_messages_are_read_back_in_every_language() {
        for message in [
            "is required",
            "is already taken; choose another",
            "must be on one line",
            "must be one line without control characters",
            "must be a whole number",
            "must be text",
            "must be true or false",
            "does not match the password",
            "must be an email address such as name@example.org",
            "must be an IANA time zone such as Europe/Berlin or America/New_York",
            "must be at most 200 characters",
            "must be 1 to 100 characters",
            "must be 2 to 40 characters long",
            "must be between 1 and 65535",
        ] {
            let mut errors = FieldErrors::new();
            errors.add("name", message);
            let error = errors.iter().next().expect("one error");
            assert!(error.reason.is_some(), "{message} is read back");
            assert_eq!(error.text(Language::English), message);
            assert_ne!(error.text(Language::German), message, "{message} in German");
        }
        let mut errors = FieldErrors::new();
        errors.add("name", "must be at most lots of characters");
        errors.add("name", "is required, really");
        assert!(errors.iter().all(|e| e.reason.is_none()));
        assert_eq!(
            errors.text("name", Language::German).as_deref(),
            Some("must be at most lots of characters")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(check_email("ana@example.org").is_ok());
        assert!(check_email("ana.b+x@sub.example.org").is_ok());
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.org",
            "ana@example",
            "a b@example.org",
            "a@b@c.org",
            "ana@.org",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
            let pattern = regex::Regex::new(&EmailAddress::pattern()).expect("email pattern");
            assert!(!pattern.is_match(bad), "the document allows {bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_email_address_the_document_allows_is_accepted(
            email in crate::model::texts_matching(&EmailAddress::pattern())
        ) {
            // maxLength counts characters; the limit is 254 bytes, as the description says.
            proptest::prop_assume!(email.len() <= 254);
            proptest::prop_assert_eq!(check_email(&email), Ok(()), "{}", email);
        }
    }

    #[test]
    fn single_lines_refuse_control_characters() {
        for good in ["Ana", "Zoë O'Brien-Núñez", "李小龍", "Dr. Ana (she/her)"] {
            assert!(check_single_line(good).is_ok(), "{good}");
        }
        for bad in [
            "Ana\r\nBcc: x@example.org",
            "Ana\n",
            "A\0na",
            "A\tna",
            "A\u{1b}[31mna",
            "A\u{7f}",
            "A\u{85}na",
            "A\u{2028}na",
        ] {
            assert!(check_single_line(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn field_errors_collect_and_display() {
        let mut errors = FieldErrors::new();
        assert_eq!(errors.clone().into_result(1), Ok(1));
        errors.add("email", "is required");
        errors.add("password", "is too short");
        assert_eq!(errors.get("email"), Some("is required"));
        assert_eq!(
            errors.to_string(),
            "email: is required; password: is too short"
        );
        assert!(errors.into_result(()).is_err());
    }
}
