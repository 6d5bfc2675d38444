//! The languages Kairos writes in.

use super::tag::LanguageTag;

/// A language Kairos writes in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    English,
    German,
    French,
    Spanish,
    /// Brazilian Portuguese.
    Portuguese,
    Dutch,
    /// Written right to left.
    Arabic,
    /// English accented and made 40 % longer, to see which text is not translated and
    /// which layout breaks with longer words. Chosen only by name, never negotiated.
    Pseudo,
}

impl Language {
    /// Every language, in the order a language menu lists them.
    pub const ALL: [Language; 8] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Portuguese,
        Language::Dutch,
        Language::Arabic,
        Language::Pseudo,
    ];

    /// The languages offered to people; the pseudo-language is for layout checks.
    pub fn shipped() -> impl Iterator<Item = Language> {
        Self::ALL.into_iter().filter(|l| *l != Language::Pseudo)
    }

    /// The BCP 47 tag of the language, as `lang` attributes and catalogues name it.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Portuguese => "pt-BR",
            Language::Dutch => "nl",
            Language::Arabic => "ar",
            Language::Pseudo => "en-XA",
        }
    }

    /// The language's own name for itself, as a language menu shows it.
    pub fn autonym(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "Deutsch",
            Language::French => "Français",
            Language::Spanish => "Español",
            Language::Portuguese => "Português (Brasil)",
            Language::Dutch => "Nederlands",
            Language::Arabic => "العربية",
            Language::Pseudo => "[Ƥşḗŭḓǿ]",
        }
    }

    /// Whether the language is written right to left.
    pub fn rtl(self) -> bool {
        self == Language::Arabic
    }

    /// `rtl` or `ltr`, for a `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.rtl() { "rtl" } else { "ltr" }
    }

    /// The language a stored or chosen tag names exactly (`de`, `pt-BR`, `en-XA`), case
    /// insensitive; `None` for any other text.
    pub fn from_tag(tag: &str) -> Option<Language> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The shipped language closest to a language tag: `de-AT` is German, `pt-PT` and
    /// `pt` are Portuguese, `ar-EG` Arabic; `None` when Kairos does not write the tag's
    /// language. The pseudo-language is matched only by its own tag.
    pub fn of_tag(tag: &LanguageTag) -> Option<Language> {
        if tag.as_str().eq_ignore_ascii_case(Language::Pseudo.tag()) {
            return Some(Language::Pseudo);
        }
        let primary = tag.as_str().split('-').next().unwrap_or_default();
        Self::shipped().find(|l| {
            l.tag()
                .split('-')
                .next()
                .is_some_and(|p| p.eq_ignore_ascii_case(primary))
        })
    }

    /// The first language of an `Accept-Language` header that Kairos writes, by the
    /// visitor's order of preference.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        accept_language::parse(header)
            .iter()
            .filter_map(|t| LanguageTag::parse(&t.replace('_', "-")).ok())
            .find_map(|t| Self::of_tag(&t))
    }
}
