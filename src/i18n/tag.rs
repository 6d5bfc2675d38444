//! Language tags (BCP 47, RFC 5646): the locale a person's browser or an API client
//! names, such as `en-US`, `de-DE` or `zh-Hant-TW`.
//!
//! [`LanguageTag::parse`] accepts every well-formed tag of RFC 5646 §2.1 (grandfathered
//! tags aside) and writes it in the canonical case of §2.1.1: `EN-us` is kept as `en-US`.

use std::fmt;

/// The longest tag kept: RFC 5646 §4.4.1 asks implementations to keep at least 35
/// characters, which holds every tag made of a language, script, region and a variant.
pub const MAX_LEN: usize = 35;

/// A well-formed language tag in canonical case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LanguageTag {
    text: String,
    /// Where the region subtag sits in `text`, if there is one.
    region: Option<(usize, usize)>,
}

/// Why a text is not a language tag, in words for a field message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LanguageTagError {
    #[error("must be at most {MAX_LEN} characters")]
    TooLong,
    #[error("must not contain control characters")]
    ControlCharacter,
    #[error("must be a language tag (BCP 47) such as en-US or de-DE")]
    Malformed,
}

/// The OpenAPI pattern of a well-formed tag: the same grammar [`LanguageTag::parse`]
/// follows (RFC 5646 §2.1 `langtag` or `privateuse`).
pub const PATTERN: &str = "^(([A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?|[Xx](-[A-Za-z0-9]{1,8})+)$";

fn alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn alphanumeric(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_private_use(s: &str) -> bool {
    s.eq_ignore_ascii_case("x")
}

impl LanguageTag {
    /// Parses a well-formed tag; surrounding spaces are not part of it.
    pub fn parse(text: &str) -> Result<Self, LanguageTagError> {
        if text.chars().any(char::is_control) {
            return Err(LanguageTagError::ControlCharacter);
        }
        if text.len() > MAX_LEN {
            return Err(LanguageTagError::TooLong);
        }
        let subtags: Vec<&str> = text.split('-').collect();
        if subtags
            .iter()
            .any(|s| s.is_empty() || s.len() > 8 || !alphanumeric(s))
        {
            return Err(LanguageTagError::Malformed);
        }
        let mut out: Vec<String> = Vec::with_capacity(subtags.len());
        let mut region = None;
        let mut i = 0;
        let next_is =
            |i: usize, test: &dyn Fn(&str) -> bool| subtags.get(i).is_some_and(|s| test(s));
        if !is_private_use(subtags[0]) {
            // language: 2–3 letters with up to three extended subtags, or 4–8 letters.
            let language = subtags[0];
            if !alpha(language) || language.len() < 2 {
                return Err(LanguageTagError::Malformed);
            }
            out.push(language.to_ascii_lowercase());
            i += 1;
            if language.len() <= 3 {
                let mut extended = 0;
                while extended < 3 && next_is(i, &|s| s.len() == 3 && alpha(s)) {
                    out.push(subtags[i].to_ascii_lowercase());
                    i += 1;
                    extended += 1;
                }
            }
            // script: four letters, written `Hant`.
            if next_is(i, &|s| s.len() == 4 && alpha(s)) {
                let script = subtags[i].to_ascii_lowercase();
                out.push(script[..1].to_ascii_uppercase() + &script[1..]);
                i += 1;
            }
            // region: two letters or three digits.
            if next_is(i, &|s| {
                (s.len() == 2 && alpha(s)) || (s.len() == 3 && digits(s))
            }) {
                region = Some(out.len());
                out.push(subtags[i].to_ascii_uppercase());
                i += 1;
            }
            // variants: 5–8 characters, or a digit and three more.
            while next_is(i, &|s| {
                s.len() >= 5 || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit())
            }) {
                out.push(subtags[i].to_ascii_lowercase());
                i += 1;
            }
            // extensions: a singleton other than `x`, then subtags of 2–8 characters.
            while next_is(i, &|s| s.len() == 1 && !is_private_use(s)) {
                out.push(subtags[i].to_ascii_lowercase());
                i += 1;
                let start = i;
                while next_is(i, &|s| s.len() >= 2) {
                    out.push(subtags[i].to_ascii_lowercase());
                    i += 1;
                }
                if i == start {
                    return Err(LanguageTagError::Malformed);
                }
            }
        }
        // private use: `x` and subtags of 1–8 characters, to the end.
        if next_is(i, &|s| is_private_use(s)) {
            if i + 1 == subtags.len() {
                return Err(LanguageTagError::Malformed);
            }
            out.extend(subtags[i..].iter().map(|s| s.to_ascii_lowercase()));
            i = subtags.len();
        }
        if i != subtags.len() {
            return Err(LanguageTagError::Malformed);
        }
        let text = out.join("-");
        let region = region.map(|index| {
            let start: usize = out[..index].iter().map(|s| s.len() + 1).sum();
            (start, start + out[index].len())
        });
        Ok(Self { text, region })
    }

    /// The visitor's locale from an `Accept-Language` header: the most preferred language
    /// that names a region (the clock and date order are a region's), else the most
    /// preferred one. Tags written with `_` (`en_US`) are read as with `-`.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let tags: Vec<Self> = accept_language::parse(header)
            .iter()
            .filter_map(|tag| Self::parse(&tag.replace('_', "-")).ok())
            .collect();
        tags.iter()
            .find(|tag| tag.region().is_some())
            .or_else(|| tags.first())
            .cloned()
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The region subtag, upper case: `US` of `en-US`, `419` of `es-419`.
    pub fn region(&self) -> Option<&str> {
        self.region.map(|(start, end)| &self.text[start..end])
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(text: &str) -> Result<String, LanguageTagError> {
        LanguageTag::parse(text).map(|tag| tag.to_string())
    }

    #[test]
    fn well_formed_tags_are_kept_in_canonical_case() {
        for (given, kept, region) in [
            ("en-US", "en-US", Some("US")),
            ("de-DE", "de-DE", Some("DE")),
            ("EN-us", "en-US", Some("US")),
            ("fr", "fr", None),
            ("zh-hant-tw", "zh-Hant-TW", Some("TW")),
            ("es-419", "es-419", Some("419")),
            ("sl-rozaj-biske", "sl-rozaj-biske", None),
            ("de-CH-1901", "de-CH-1901", Some("CH")),
            ("zh-yue-HK", "zh-yue-HK", Some("HK")),
            ("en-US-u-ca-gregory", "en-US-u-ca-gregory", Some("US")),
            ("en-US-x-Twain", "en-US-x-twain", Some("US")),
            ("x-whatever", "x-whatever", None),
            ("sr-Latn-RS", "sr-Latn-RS", Some("RS")),
        ] {
            let tag = LanguageTag::parse(given).unwrap_or_else(|err| panic!("{given}: {err}"));
            assert_eq!((tag.as_str(), tag.region()), (kept, region), "{given}");
        }
    }

    #[test]
    fn malformed_tags_say_why() {
        use LanguageTagError::*;
        for (given, why) in [
            ("", Malformed),
            ("e", Malformed),
            ("en_US", Malformed),
            ("en-", Malformed),
            ("-en", Malformed),
            ("en--US", Malformed),
            ("en-US-", Malformed),
            ("123", Malformed),
            ("en-a", Malformed),
            ("en-a-b", Malformed),
            ("en-x", Malformed),
            ("en-US-toolongsubtag", Malformed),
            ("en US", Malformed),
            ("de-DE-1", Malformed),
            ("en-Latn-Latn", Malformed),
            ("ü-DE", Malformed),
            ("en-US\n", ControlCharacter),
            ("en\u{7f}", ControlCharacter),
            ("en-US-u-aaaaaaaa-bbbbbbbb-cccccc-ddd", TooLong),
        ] {
            assert_eq!(canonical(given), Err(why), "{given:?}");
        }
        let longest = "en-US-u-aaaaaaaa-bbbbbbbb-cccccc-dd";
        assert_eq!(longest.len(), MAX_LEN);
        assert_eq!(canonical(longest).as_deref(), Ok(longest));
    }

    #[test]
    fn a_visitor_s_locale_is_the_first_preferred_language_with_a_region() {
        let of = |header: &str| LanguageTag::from_accept_language(header).map(|t| t.to_string());
        assert_eq!(of("en-US,en;q=0.9").as_deref(), Some("en-US"));
        assert_eq!(of("de-DE,de;q=0.9,en;q=0.8").as_deref(), Some("de-DE"));
        assert_eq!(of("en;q=0.9, en-AU;q=0.8").as_deref(), Some("en-AU"));
        assert_eq!(of("en_GB").as_deref(), Some("en-GB"));
        assert_eq!(of("fr, de").as_deref(), Some("fr"));
        assert_eq!(of("*"), None);
        assert_eq!(of(""), None);
    }
}
