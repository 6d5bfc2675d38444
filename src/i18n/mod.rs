//! Languages and message catalogues: every sentence a person reads, in every language
//! Kairos writes. A leaf of the crate: the model names its messages by id, presentation and
//! the web layer write them out.
//!
//! The catalogues are Mozilla Fluent files (`locales/<tag>/<domain>.ftl`), embedded in the
//! binary. Fluent gives translators plurals and grammatical variants by each language's
//! own rules (`{ $count -> [one] … *[other] … }`), so no sentence is ever assembled from
//! pieces in code. Code names a message by its id with `t!`:
//!
//! ```ignore
//! t!(lang, "booker-pick-a-time")
//! t!(lang, "booking-confirmed-with", host = host_name)
//! ```
//!
//! A message missing in a language falls back to English, and one missing in English to
//! its id; the catalogue test (`tests::catalogues_are_complete_and_consistent`) keeps
//! both from happening: every language has every English message with the same
//! placeholders, and every English message is used by the code.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;

pub mod language;
pub mod tag;

pub use language::Language;
pub use tag::LanguageTag;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Catalogues;

type Bundle = FluentBundle<FluentResource>;

/// The catalogue files of one language, by file name, in a stable order.
fn files(tag: &str) -> Vec<(String, String)> {
    let prefix = format!("{tag}/");
    let mut files: Vec<(String, String)> = Catalogues::iter()
        .filter(|path| path.starts_with(&prefix))
        .filter_map(|path| {
            let file = Catalogues::get(&path)?;
            let text = String::from_utf8(file.data.into_owned()).ok()?;
            Some((path.into_owned(), text))
        })
        .collect();
    files.sort();
    files
}

fn bundle(language: Language) -> Bundle {
    // The pseudo-language is English, transformed as it is written out.
    let source = if language == Language::Pseudo {
        Language::English
    } else {
        language
    };
    let id = source
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Isolation marks keep a left-to-right name from reordering a right-to-left sentence;
    // in left-to-right text they only stand in the way of copying and searching.
    bundle.set_use_isolating(language.rtl());
    if language == Language::Pseudo {
        bundle.set_transform(Some(pseudo));
    }
    for (path, text) in files(source.tag()) {
        let resource = FluentResource::try_new(text).unwrap_or_else(|(resource, errors)| {
            tracing::error!(path, ?errors, "a message catalogue has syntax errors");
            resource
        });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(path, ?errors, "a message catalogue repeats a message");
        }
    }
    bundle
}

fn bundles() -> &'static HashMap<Language, Bundle> {
    static BUNDLES: OnceLock<HashMap<Language, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| Language::ALL.into_iter().map(|l| (l, bundle(l))).collect())
}

/// Writes `id` (`message` or `message.attribute`) in `language` with `args`: English when
/// the language lacks it, the id itself when English does too.
pub fn message(language: Language, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundles = bundles();
    [language, Language::English]
        .into_iter()
        .find_map(|l| write(bundles.get(&l)?, id, args))
        .unwrap_or_else(|| id.to_string())
}

fn write(bundle: &Bundle, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let (name, attribute) = match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    };
    let message = bundle.get_message(name)?;
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(id, ?errors, "a message was written with errors");
    }
    Some(text.into_owned())
}

/// Arguments for [`message`], from `name = value` pairs (see `t!`).
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(name, value);
    }
    args
}

/// A value for a message's placeholder: text as it is, numbers for plural rules.
pub fn value<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// Writes a message in a language: `t!(lang, "id")` or `t!(lang, "id", name = value, …)`.
/// Values are text (`&str`, `String`) or numbers, which choose plural forms.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal $(,)?) => {
        $crate::i18n::message($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $lang,
            $id,
            Some(&$crate::i18n::args([
                $((stringify!($name), $crate::i18n::value($value))),+
            ])),
        )
    };
}

/// Text written in the pseudo-language (see [`Language::Pseudo`]): for what is not a
/// catalogue message but is written in the page's language, such as dates.
pub fn pseudo_text(text: &str) -> String {
    pseudo(text).into_owned()
}

/// The pseudo-language's letters: each ASCII letter with an accent, so untranslated text
/// (plain ASCII) stands out, and every text 40 % longer, so layouts are tried with the
/// longer words of German or French.
fn pseudo(text: &str) -> Cow<'_, str> {
    const UPPER: [char; 26] = [
        'Ȧ', 'Ɓ', 'Ƈ', 'Ḓ', 'Ḗ', 'Ƒ', 'Ɠ', 'Ħ', 'Ī', 'Ĵ', 'Ķ', 'Ŀ', 'Ḿ', 'Ƞ', 'Ǿ', 'Ƥ', 'Ɋ', 'Ř',
        'Ş', 'Ŧ', 'Ŭ', 'Ṽ', 'Ẇ', 'Ẋ', 'Ẏ', 'Ẑ',
    ];
    const LOWER: [char; 26] = [
        'ȧ', 'ƀ', 'ƈ', 'ḓ', 'ḗ', 'ƒ', 'ɠ', 'ħ', 'ī', 'ĵ', 'ķ', 'ŀ', 'ḿ', 'ƞ', 'ǿ', 'ƥ', 'ɋ', 'ř',
        'ş', 'ŧ', 'ŭ', 'ṽ', 'ẇ', 'ẋ', 'ẏ', 'ẑ',
    ];
    if !text.chars().any(|c| c.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut letters = 0usize;
    for c in text.chars() {
        if c.is_ascii_uppercase() {
            out.push(UPPER[(c as u8 - b'A') as usize]);
            letters += 1;
        } else if c.is_ascii_lowercase() {
            out.push(LOWER[(c as u8 - b'a') as usize]);
            letters += 1;
        } else {
            out.push(c);
        }
    }
    // Lengthen inside the text, before any closing punctuation or space, so a sentence
    // still ends where it did.
    let padding = "~".repeat(letters.div_ceil(5) * 2);
    let end = out.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    out.insert_str(end, &padding);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Every message id (`id` and `id.attribute`) of a language with the placeholders
    /// (`$name`) each uses.
    fn catalogue(tag: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut messages = BTreeMap::new();
        for (path, text) in files(tag) {
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
            for entry in resource.body {
                let ast::Entry::Message(message) = entry else {
                    continue;
                };
                let id = message.id.name.to_string();
                if let Some(value) = &message.value {
                    let fresh = messages.insert(id.clone(), placeholders(value)).is_none();
                    assert!(fresh, "{path}: {id} is defined twice");
                }
                for attribute in &message.attributes {
                    messages.insert(
                        format!("{id}.{}", attribute.id.name),
                        placeholders(&attribute.value),
                    );
                }
            }
        }
        messages
    }

    fn placeholders(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_placeholders(expression, &mut found);
            }
        }
        found
    }

    fn expression_placeholders(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
        let inline =
            |inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>| match inline {
                ast::InlineExpression::VariableReference { id } => {
                    found.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression } => {
                    expression_placeholders(expression, found);
                }
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    for argument in &arguments.positional {
                        if let ast::InlineExpression::VariableReference { id } = argument {
                            found.insert(id.name.to_string());
                        }
                    }
                }
                _ => {}
            };
        match expression {
            ast::Expression::Inline(expression) => inline(expression, found),
            ast::Expression::Select { selector, variants } => {
                inline(selector, found);
                for variant in variants {
                    found.extend(placeholders(&variant.value));
                }
            }
        }
    }

    /// Every Rust source file under `src/` but this one, concatenated.
    fn sources() -> String {
        fn walk(dir: &std::path::Path, out: &mut String) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("i18n/mod.rs")
                {
                    out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
        }
        let mut out = String::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out
    }

    #[test]
    fn catalogues_are_complete_and_consistent() {
        let english = catalogue("en");
        assert!(!english.is_empty(), "the English catalogue is empty");
        for language in Language::shipped().filter(|l| *l != Language::English) {
            let other = catalogue(language.tag());
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            assert!(
                missing.is_empty(),
                "{}: missing {missing:?}",
                language.tag()
            );
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(
                extra.is_empty(),
                "{}: not in English {extra:?}",
                language.tag()
            );
            for (id, names) in &english {
                assert_eq!(
                    other.get(id),
                    Some(names),
                    "{}: {id} has other placeholders than in English",
                    language.tag()
                );
            }
        }
        // Every message is used: its id appears as a string in the code.
        let code = sources();
        let unused: Vec<_> = english
            .keys()
            .filter(|id| !code.contains(&format!("\"{id}\"")))
            .collect();
        assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    }

    #[test]
    fn every_message_the_code_names_exists() {
        let english = catalogue("en");
        let code = sources();
        let mut missing = BTreeSet::new();
        // `t!(lang, "id"` with any first argument on one or more lines, and `reason!("id"`.
        let calls = code
            .match_indices("t!(")
            .chain(code.match_indices("reason!("));
        for (start, call) in calls {
            // `t!(` itself, not the end of `assert!(` or `print!(`.
            let named = code[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if named {
                continue;
            }
            let rest = &code[start + call.len()..];
            let Some(quote) = rest.find('"') else {
                continue;
            };
            let before = &rest[..quote];
            if before.contains(';') || before.contains('{') {
                continue;
            }
            let id: String = rest[quote + 1..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            if !english.contains_key(&id) {
                missing.insert(id);
            }
        }
        missing.remove("id");
        assert!(
            missing.is_empty(),
            "messages named in code but missing: {missing:?}"
        );
    }

    #[test]
    fn messages_fall_back_and_take_arguments() {
        assert_eq!(
            message(Language::German, "no-such-message", None),
            "no-such-message"
        );
        let english = t!(Language::English, "language-menu-label");
        assert!(!english.is_empty());
        let pseudo = t!(Language::Pseudo, "language-menu-label");
        assert_ne!(pseudo, english);
        assert!(pseudo.chars().count() as f64 >= english.chars().count() as f64 * 1.3);
        assert!(!pseudo.chars().any(|c| c.is_ascii_lowercase()));
    }

    #[test]
    fn pseudo_keeps_punctuation_at_the_end() {
        assert_eq!(pseudo("Book"), "Ɓǿǿķ~~");
        assert_eq!(pseudo("12:30"), "12:30");
        assert!(pseudo("Hello. ").ends_with(". "));
    }
}
