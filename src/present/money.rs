//! Amounts of money as people read them: the currency's symbol where the reader's
//! language puts it, its decimal and grouping marks, and exactly the currency's decimals
//! (`€49.90`, `49,90 €`, `R$ 49,90`, `¥5,000`). Patterns and symbols follow the Unicode
//! CLDR for each of Kairos's languages; a currency without a symbol of its own there is
//! written with its ISO code.

use crate::i18n::Language;
use crate::model::payment::Currency;

/// How a language writes an amount.
struct Pattern {
    decimal: char,
    group: &'static str,
    /// Amounts below 10 000 are not grouped (Spanish).
    group_from_five_digits: bool,
    symbol_first: bool,
    /// Between symbol and number.
    space: &'static str,
}

const NBSP: &str = "\u{a0}";

fn pattern(lang: Language) -> Pattern {
    let (decimal, group, group_from_five_digits, symbol_first, space) = match lang {
        Language::English | Language::Pseudo => ('.', ",", false, true, ""),
        Language::German => (',', ".", false, false, NBSP),
        Language::French => (',', "\u{202f}", false, false, NBSP),
        Language::Spanish => (',', ".", true, false, NBSP),
        Language::Portuguese | Language::Dutch => (',', ".", false, true, NBSP),
        Language::Arabic => ('.', ",", false, false, NBSP),
    };
    Pattern {
        decimal,
        group,
        group_from_five_digits,
        symbol_first,
        space,
    }
}

/// The currency's symbol in `lang` (CLDR's standard symbol), or its code.
fn symbol(currency: Currency, lang: Language) -> String {
    let code = currency.code();
    let symbol = match (code.as_str(), lang) {
        ("EUR", _) => "€",
        ("GBP", _) => "£",
        ("BRL", _) => "R$",
        ("USD", Language::English | Language::German | Language::Pseudo) => "$",
        ("USD", Language::French) => "$US",
        ("USD", _) => "US$",
        ("JPY", Language::English | Language::German | Language::Pseudo) => "¥",
        ("JPY", Language::Portuguese | Language::Dutch | Language::Arabic) => "JP¥",
        _ => return code,
    };
    symbol.to_string()
}

/// `minor` units of `currency` written for a reader of `lang`.
pub fn format(minor: i64, currency: Currency, lang: Language) -> String {
    let p = pattern(lang);
    let exponent = currency.exponent();
    let scale = 10_u64.pow(exponent);
    let value = minor.unsigned_abs();
    let (whole, fraction) = (value / scale, value % scale);
    let digits = whole.to_string();
    let grouped = if digits.len() > 3 && !(p.group_from_five_digits && digits.len() < 5) {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(p.group);
            }
            out.push(c);
        }
        out
    } else {
        digits
    };
    let number = if exponent == 0 {
        grouped
    } else {
        format!(
            "{grouped}{}{fraction:0width$}",
            p.decimal,
            width = exponent as usize
        )
    };
    let sign = if minor < 0 { "-" } else { "" };
    let symbol = symbol(currency, lang);
    // A code is always set apart from the number; a symbol as the language does.
    let space = if symbol.chars().all(|c| c.is_ascii_uppercase()) {
        NBSP
    } else {
        p.space
    };
    let text = if p.symbol_first {
        format!("{sign}{symbol}{space}{number}")
    } else {
        format!("{sign}{number}{space}{symbol}")
    };
    if lang == Language::Arabic {
        // The number and symbol read left to right inside Arabic text.
        format!("\u{200f}{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str) -> Currency {
        Currency::parse(code).expect("currency")
    }

    #[test]
    fn amounts_follow_the_reader_s_language() {
        assert_eq!(format(4990, c("EUR"), Language::English), "€49.90");
        assert_eq!(
            format(123_450, c("EUR"), Language::German),
            "1.234,50\u{a0}€"
        );
        assert_eq!(
            format(123_450, c("EUR"), Language::French),
            "1\u{202f}234,50\u{a0}€"
        );
        assert_eq!(
            format(123_450, c("EUR"), Language::Spanish),
            "1234,50\u{a0}€"
        );
        assert_eq!(
            format(1_234_500, c("EUR"), Language::Spanish),
            "12.345,00\u{a0}€"
        );
        assert_eq!(
            format(4990, c("BRL"), Language::Portuguese),
            "R$\u{a0}49,90"
        );
        assert_eq!(format(4990, c("EUR"), Language::Dutch), "€\u{a0}49,90");
        assert_eq!(format(500_000, c("JPY"), Language::English), "¥500,000");
        assert_eq!(format(1230, c("KWD"), Language::English), "KWD\u{a0}1.230");
        assert_eq!(format(5000, c("CHF"), Language::German), "50,00\u{a0}CHF");
        assert_eq!(format(5000, c("USD"), Language::French), "50,00\u{a0}$US");
        assert!(format(5000, c("EUR"), Language::Arabic).starts_with('\u{200f}'));
    }
}
