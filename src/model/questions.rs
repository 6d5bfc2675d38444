//! Booking questions an event type asks, and checking the answers a booker gives.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::model::error::{FieldErrors, Reason, check_email};

/// The kinds of question a booking form can ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Text,
    Textarea,
    Email,
    Phone,
    Number,
    Select,
    Multiselect,
    Checkbox,
    Radio,
    Date,
}

impl QuestionKind {
    const ALL: [QuestionKind; 10] = [
        QuestionKind::Text,
        QuestionKind::Textarea,
        QuestionKind::Email,
        QuestionKind::Phone,
        QuestionKind::Number,
        QuestionKind::Select,
        QuestionKind::Multiselect,
        QuestionKind::Checkbox,
        QuestionKind::Radio,
        QuestionKind::Date,
    ];

    fn has_options(self) -> bool {
        matches!(
            self,
            QuestionKind::Select | QuestionKind::Multiselect | QuestionKind::Radio
        )
    }
}

/// One question of a booking form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Question {
    /// Identifies the answer: letters, digits, `-` and `_`.
    pub key: String,
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    pub label: String,
    #[serde(default)]
    pub required: bool,
    /// The choices of select, multiselect and radio questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

/// What [`validate_questions`] accepts of one question, as the OpenAPI document states it:
/// a question with choices (select, multiselect, radio) or one without.
impl utoipa::PartialSchema for Question {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        use utoipa::openapi::schema::{
            AdditionalProperties, ArrayBuilder, ObjectBuilder, OneOfBuilder, Type,
        };
        let text = || {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .pattern(Some("\\S"))
        };
        let form = |with_options: bool| {
            let kinds = QuestionKind::ALL
                .into_iter()
                .filter(|kind| kind.has_options() == with_options)
                .filter_map(|kind| serde_json::to_value(kind).ok());
            let options = if with_options {
                ArrayBuilder::new()
                    .items(text())
                    .min_items(Some(1))
                    .unique_items(true)
                    .description(Some("The choices, distinct."))
            } else {
                ArrayBuilder::new()
                    .items(text())
                    .max_items(Some(0))
                    .description(Some(
                        "Only select, multiselect and radio questions have choices.",
                    ))
            };
            let object = ObjectBuilder::new()
                .property(
                    "key",
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .pattern(Some("^[A-Za-z0-9_-]{1,40}$"))
                        .description(Some(format!(
                            "Identifies the answer: 1 to 40 letters, digits, `-` and `_`; \
                             not one the booking form uses itself ({}).",
                            RESERVED_KEYS.join(", ")
                        ))),
                )
                .required("key")
                .property(
                    "type",
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .enum_values(Some(kinds)),
                )
                .required("type")
                .property("label", text().max_length(Some(200)))
                .required("label")
                .property("required", ObjectBuilder::new().schema_type(Type::Boolean))
                .property("options", options)
                .additional_properties(Some(AdditionalProperties::FreeForm(false)));
            if with_options {
                object.required("options")
            } else {
                object
            }
        };
        OneOfBuilder::new()
            .item(form(true))
            .item(form(false))
            .description(Some("One question of a booking form."))
            .into()
    }
}

impl ToSchema for Question {}

const MAX_QUESTIONS: usize = 30;
const MAX_TEXT: usize = 1_000;
const MAX_TEXTAREA: usize = 10_000;
/// Keys the booking form uses for itself.
const RESERVED_KEYS: [&str; 5] = ["name", "email", "guests", "notes", "timezone"];

/// Checks the questions of an event type; errors name `questions[i].field`.
pub fn validate_questions(questions: &[Question], errors: &mut FieldErrors) {
    if questions.len() > MAX_QUESTIONS {
        errors.refuse("questions", reason!("error-at-most", max = MAX_QUESTIONS));
    }
    let mut keys = HashSet::new();
    for (i, question) in questions.iter().enumerate() {
        let field = |name: &str| format!("questions[{i}].{name}");
        let key_ok = (1..=40).contains(&question.key.len())
            && question
                .key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !key_ok {
            errors.refuse(&field("key"), reason!("et-error-key", min = 1, max = 40));
        } else if RESERVED_KEYS.contains(&question.key.to_lowercase().as_str()) {
            errors.refuse(&field("key"), reason!("et-error-key-of-the-form"));
        } else if !keys.insert(question.key.to_lowercase()) {
            errors.refuse(&field("key"), reason!("et-error-key-used"));
        }
        if question.label.trim().is_empty() {
            errors.refuse(&field("label"), reason!("error-required"));
        } else if question.label.chars().count() > 200 {
            errors.refuse(
                &field("label"),
                reason!("error-at-most-characters", max = 200),
            );
        }
        if question.kind.has_options() {
            let distinct: HashSet<&str> = question.options.iter().map(|o| o.trim()).collect();
            if question.options.is_empty() {
                errors.refuse(&field("options"), reason!("et-error-no-choice"));
            } else if distinct.len() != question.options.len()
                || question.options.iter().any(|o| o.trim().is_empty())
            {
                errors.refuse(&field("options"), reason!("et-error-choices-distinct"));
            }
        } else if !question.options.is_empty() {
            errors.refuse(&field("options"), reason!("et-error-choices-of-lists"));
        }
    }
}

/// Checks answers against the questions and returns them normalized (trimmed strings,
/// numbers as numbers). Errors name `answers.<key>`.
pub fn validate_answers(
    questions: &[Question],
    answers: &BTreeMap<String, Value>,
    errors: &mut FieldErrors,
) -> BTreeMap<String, Value> {
    let mut normalized = BTreeMap::new();
    for key in answers.keys() {
        if !questions.iter().any(|q| &q.key == key) {
            errors.refuse(
                &format!("answers.{key}"),
                reason!("booker-error-not-a-question"),
            );
        }
    }
    for question in questions {
        let field = format!("answers.{}", question.key);
        let answer = answers.get(&question.key).filter(|value| !is_blank(value));
        let Some(answer) = answer else {
            if question.required {
                errors.refuse(&field, reason!("error-required"));
            }
            continue;
        };
        match check_answer(question, answer) {
            Ok(Some(value)) => {
                normalized.insert(question.key.clone(), value);
            }
            Ok(None) => {
                if question.required {
                    errors.refuse(&field, reason!("error-required"));
                }
            }
            Err(reason) => errors.refuse(&field, reason),
        }
    }
    normalized
}

/// Stored answers as a reader sees them: each question's label (its key when the
/// question was since removed) with the answer as text, in key order.
pub fn labelled_answers(
    questions: &[Question],
    answers: &BTreeMap<String, Value>,
) -> Vec<(String, String)> {
    answers
        .iter()
        .map(|(key, value)| {
            let label = questions
                .iter()
                .find(|q| &q.key == key)
                .map_or_else(|| key.clone(), |q| q.label.clone());
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Bool(true) => "Yes".into(),
                Value::Array(items) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            (label, text)
        })
        .collect()
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

fn text(answer: &Value) -> Result<&str, Reason> {
    answer
        .as_str()
        .map(str::trim)
        .ok_or_else(|| reason!("error-text"))
}

/// The normalized answer, `None` for an unticked checkbox, or why it is wrong.
fn check_answer(question: &Question, answer: &Value) -> Result<Option<Value>, Reason> {
    match question.kind {
        QuestionKind::Text | QuestionKind::Textarea => {
            let value = text(answer)?;
            let max = if question.kind == QuestionKind::Text {
                MAX_TEXT
            } else {
                MAX_TEXTAREA
            };
            if value.chars().count() > max {
                return Err(reason!("error-at-most-characters", max = max));
            }
            Ok(Some(Value::from(value)))
        }
        QuestionKind::Email => {
            let value = text(answer)?;
            check_email(value).map_err(|_| reason!("error-email"))?;
            Ok(Some(Value::from(value)))
        }
        QuestionKind::Phone => {
            let value = text(answer)?;
            let digits = value.chars().filter(char::is_ascii_digit).count();
            let allowed = value
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c));
            if !allowed || !(5..=20).contains(&digits) {
                return Err(reason!("error-phone"));
            }
            Ok(Some(Value::from(value)))
        }
        QuestionKind::Number => {
            let number = match answer {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().parse::<f64>().ok(),
                _ => None,
            }
            .filter(|n| n.is_finite())
            .ok_or_else(|| reason!("error-number"))?;
            Ok(Some(
                serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number),
            ))
        }
        QuestionKind::Select | QuestionKind::Radio => {
            let value = text(answer)?;
            if question.options.iter().any(|o| o == value) {
                Ok(Some(Value::from(value)))
            } else {
                Err(reason!(
                    "error-one-of",
                    choices = question.options.join(", ")
                ))
            }
        }
        QuestionKind::Multiselect => {
            let items: Vec<&str> = match answer {
                Value::Array(items) => items
                    .iter()
                    .map(|item| item.as_str().map(str::trim))
                    .collect::<Option<_>>()
                    .ok_or_else(|| reason!("booker-error-choices"))?,
                Value::String(single) => vec![single.trim()],
                _ => return Err(reason!("booker-error-choices")),
            };
            if let Some(bad) = items
                .iter()
                .find(|i| !question.options.iter().any(|o| o == *i))
            {
                return Err(reason!(
                    "booker-error-not-a-choice",
                    choice = *bad,
                    choices = question.options.join(", ")
                ));
            }
            Ok(Some(Value::from(items)))
        }
        QuestionKind::Checkbox => match answer {
            Value::Bool(true) => Ok(Some(Value::Bool(true))),
            Value::Bool(false) => Ok(None),
            Value::String(s) if matches!(s.as_str(), "true" | "on" | "yes") => {
                Ok(Some(Value::Bool(true)))
            }
            Value::String(s) if matches!(s.as_str(), "false" | "off" | "no") => Ok(None),
            _ => Err(reason!("error-true-or-false")),
        },
        QuestionKind::Date => {
            let value = text(answer)?;
            crate::model::time::parse_date(value).map_err(|err| err.reason())?;
            Ok(Some(Value::from(value)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn question(key: &str, kind: QuestionKind, required: bool, options: &[&str]) -> Question {
        Question {
            key: key.into(),
            kind,
            label: key.into(),
            required,
            options: options.iter().map(|o| o.to_string()).collect(),
        }
    }

    fn answers(value: Value) -> BTreeMap<String, Value> {
        serde_json::from_value(value).unwrap_or_default()
    }

    #[test]
    fn every_kind_accepts_good_answers_and_normalizes_them() {
        let questions = vec![
            question("reason", QuestionKind::Text, true, &[]),
            question("history", QuestionKind::Textarea, false, &[]),
            question("backup", QuestionKind::Email, false, &[]),
            question("mobile", QuestionKind::Phone, false, &[]),
            question("age", QuestionKind::Number, false, &[]),
            question(
                "insurer",
                QuestionKind::Select,
                false,
                &["Public", "Private"],
            ),
            question(
                "topics",
                QuestionKind::Multiselect,
                false,
                &["Back", "Knee"],
            ),
            question("consent", QuestionKind::Checkbox, true, &[]),
            question("visit", QuestionKind::Radio, false, &["First", "Follow-up"]),
            question("born", QuestionKind::Date, false, &[]),
        ];
        let mut errors = FieldErrors::new();
        let normalized = validate_answers(
            &questions,
            &answers(json!({
                "reason": "  knee pain ", "backup": "kin@example.org", "mobile": "+49 30 1234567",
                "age": "42", "insurer": "Public", "topics": ["Knee"], "consent": "on",
                "visit": "First", "born": "1984-02-29"
            })),
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors}");
        assert_eq!(normalized["reason"], json!("knee pain"));
        assert_eq!(normalized["age"], json!(42.0));
        assert_eq!(normalized["consent"], json!(true));
        assert!(!normalized.contains_key("history"));
    }

    #[test]
    fn bad_answers_name_each_field() {
        let questions = vec![
            question("reason", QuestionKind::Text, true, &[]),
            question("backup", QuestionKind::Email, false, &[]),
            question("insurer", QuestionKind::Select, false, &["Public"]),
            question("consent", QuestionKind::Checkbox, true, &[]),
            question("born", QuestionKind::Date, false, &[]),
            question("mobile", QuestionKind::Phone, false, &[]),
        ];
        let mut errors = FieldErrors::new();
        validate_answers(
            &questions,
            &answers(json!({
                "reason": " ", "backup": "nope", "insurer": "Other", "consent": false,
                "born": "29.02.1984", "mobile": "call me", "extra": 1
            })),
            &mut errors,
        );
        assert_eq!(errors.get("answers.reason"), Some("is required"));
        assert!(errors.get("answers.backup").is_some());
        assert!(
            errors
                .get("answers.insurer")
                .is_some_and(|m| m.contains("Public"))
        );
        assert_eq!(errors.get("answers.consent"), Some("is required"));
        assert!(errors.get("answers.born").is_some());
        assert!(errors.get("answers.mobile").is_some());
        assert_eq!(
            errors.get("answers.extra"),
            Some("is not a question of this event type")
        );
    }

    #[test]
    fn question_definitions_are_checked() {
        let mut errors = FieldErrors::new();
        validate_questions(
            &[
                question("reason", QuestionKind::Text, true, &[]),
                question("Reason", QuestionKind::Text, false, &[]),
                question("email", QuestionKind::Email, false, &[]),
                question("pick", QuestionKind::Select, false, &[]),
                question("bad key!", QuestionKind::Text, false, &["x"]),
            ],
            &mut errors,
        );
        assert_eq!(
            errors.get("questions[1].key"),
            Some("is used by another question")
        );
        assert!(errors.get("questions[2].key").is_some());
        assert!(errors.get("questions[3].options").is_some());
        assert!(errors.get("questions[4].key").is_some());
        assert!(errors.get("questions[4].options").is_some());
    }

    #[test]
    fn the_document_says_which_questions_have_choices() {
        let schema =
            serde_json::to_value(<Question as utoipa::PartialSchema>::schema()).unwrap_or_default();
        let forms = schema["oneOf"].as_array().cloned().unwrap_or_default();
        for kind in QuestionKind::ALL {
            let name = serde_json::to_value(kind).unwrap_or_default();
            let form = forms
                .iter()
                .find(|form| {
                    form["properties"]["type"]["enum"]
                        .as_array()
                        .is_some_and(|kinds| kinds.contains(&name))
                })
                .unwrap_or_else(|| panic!("no form for {name}"));
            let needs_choices = form["required"]
                .as_array()
                .is_some_and(|required| required.contains(&json!("options")));
            let with = |options: &[&str]| {
                let mut errors = FieldErrors::new();
                validate_questions(&[question("reason", kind, false, options)], &mut errors);
                errors.get("questions[0].options").is_none()
            };
            assert_eq!(with(&["a", "b"]), needs_choices, "{name} with choices");
            assert_eq!(with(&[]), !needs_choices, "{name} without choices");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_key_the_document_allows_is_accepted(
            key in crate::model::texts_matching(
                serde_json::to_value(<Question as utoipa::PartialSchema>::schema())
                    .unwrap_or_default()["oneOf"][0]["properties"]["key"]["pattern"]
                    .as_str()
                    .unwrap_or_default(),
            )
        ) {
            // Which keys the booking form keeps for itself, the description says.
            proptest::prop_assume!(!RESERVED_KEYS.contains(&key.to_lowercase().as_str()));
            let mut errors = FieldErrors::new();
            validate_questions(&[question(&key, QuestionKind::Text, false, &[])], &mut errors);
            proptest::prop_assert!(errors.is_empty(), "{}", errors);
        }
    }
}
