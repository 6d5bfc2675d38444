//! The event type's questions on the booking form: one input per kind, and reading the
//! answers back. Field names are `q.<key>`; errors come back as `answers.<key>`.

use std::collections::BTreeMap;

use maud::{Markup, html};
use serde_json::Value;

use crate::model::error::FieldErrors;
use crate::model::questions::{Question, QuestionKind};
use crate::present::Language;
use crate::t;
use crate::web::format::FormData;

fn name_of(question: &Question) -> String {
    format!("q.{}", question.key)
}

/// The answers as the booking service reads them.
pub fn answers_of(questions: &[Question], form: &FormData) -> BTreeMap<String, Value> {
    let mut answers = BTreeMap::new();
    for question in questions {
        let name = name_of(question);
        let value = match question.kind {
            QuestionKind::Multiselect => {
                let chosen: Vec<Value> = form.all(&name).into_iter().map(Value::from).collect();
                if chosen.is_empty() {
                    continue;
                }
                Value::Array(chosen)
            }
            QuestionKind::Checkbox => {
                if !form.has(&name) {
                    continue;
                }
                Value::from("true")
            }
            _ => {
                let text = form.get(&name);
                if text.trim().is_empty() {
                    continue;
                }
                Value::from(text)
            }
        };
        answers.insert(question.key.clone(), value);
    }
    answers
}

/// One question as a form field, with its error after a failed submission.
pub fn question_field(
    lang: Language,
    question: &Question,
    form: &FormData,
    errors: &FieldErrors,
) -> Markup {
    let name = name_of(question);
    let id = format!("f-q-{}", question.key);
    let error_key = format!("answers.{}", question.key);
    let error = errors.text(&error_key, lang);
    let error_id = format!("{id}-error");
    let value = form.get(&name);
    let required = question.required;
    let label = html! {
        (question.label)
        @if required { span.required aria-hidden="true" { " *" } }
        @else { span.optional { " " (t!(lang, "booker-optional")) } }
    };
    let message = html! {
        @if let Some(message) = &error {
            p.error id=(error_id) { (crate::web::layout::field_error(&question.label, message)) }
        }
    };
    let described = error.as_ref().map(|_| error_id.clone());
    let invalid = error.as_ref().map(|_| "true");
    match question.kind {
        QuestionKind::Select => html! {
            div.field.invalid[error.is_some()] {
                label for=(id) { (label) }
                select id=(id) name=(name) required[required] aria-invalid=[invalid] aria-describedby=[described] {
                    option value="" { (t!(lang, "booker-choose")) }
                    @for option in &question.options {
                        option value=(option) selected[option == value] { (option) }
                    }
                }
                (message)
            }
        },
        QuestionKind::Radio | QuestionKind::Multiselect => {
            let multiple = question.kind == QuestionKind::Multiselect;
            let chosen = form.all(&name);
            html! {
                fieldset.field.choices.invalid[error.is_some()] aria-describedby=[described] data-required=[(required && multiple).then_some("true")] {
                    legend { (label) }
                    @for (i, option) in question.options.iter().enumerate() {
                        @let option_id = format!("{id}-{i}");
                        div.choice {
                            input type=(if multiple { "checkbox" } else { "radio" }) id=(option_id) name=(name) value=(option)
                                checked[chosen.contains(&option.as_str())] required[required && !multiple];
                            label for=(option_id) { (option) }
                        }
                    }
                    (message)
                }
            }
        }
        QuestionKind::Checkbox => html! {
            div.field.check.invalid[error.is_some()] {
                input type="checkbox" id=(id) name=(name) value="on" checked[form.has(&name)] required[required]
                    aria-invalid=[invalid] aria-describedby=[described];
                label for=(id) { (label) }
                (message)
            }
        },
        QuestionKind::Textarea => html! {
            div.field.invalid[error.is_some()] {
                label for=(id) { (label) }
                textarea id=(id) name=(name) rows="3" maxlength="10000" required[required] aria-invalid=[invalid] aria-describedby=[described] { (value) }
                (message)
            }
        },
        kind => {
            let (input_type, extra): (&str, Option<&str>) = match kind {
                QuestionKind::Email => ("email", Some("email")),
                QuestionKind::Phone => ("tel", Some("tel")),
                QuestionKind::Number => ("number", None),
                QuestionKind::Date => ("date", None),
                _ => ("text", None),
            };
            html! {
                div.field.invalid[error.is_some()] {
                    label for=(id) { (label) }
                    input id=(id) type=(input_type) name=(name) value=(value) required[required]
                        autocomplete=[extra]
                        step=[(kind == QuestionKind::Number).then_some("any")]
                        maxlength=[(kind == QuestionKind::Text).then_some("1000")]
                        pattern=[(kind == QuestionKind::Phone).then_some("[0-9 +().\\-]{5,30}")]
                        title=[(kind == QuestionKind::Phone).then(|| t!(lang, "booker-phone-hint"))]
                        aria-invalid=[invalid] aria-describedby=[described];
                    (message)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(key: &str, kind: QuestionKind, options: &[&str]) -> Question {
        Question {
            key: key.into(),
            kind,
            label: key.into(),
            required: true,
            options: options.iter().map(|o| o.to_string()).collect(),
        }
    }

    #[test]
    fn answers_are_read_by_kind() {
        let questions = vec![
            question("reason", QuestionKind::Text, &[]),
            question("topics", QuestionKind::Multiselect, &["Back", "Knee"]),
            question("consent", QuestionKind::Checkbox, &[]),
            question("empty", QuestionKind::Text, &[]),
        ];
        let form = FormData(vec![
            ("q.reason".into(), "Knee".into()),
            ("q.topics".into(), "Back".into()),
            ("q.topics".into(), "Knee".into()),
            ("q.consent".into(), "on".into()),
            ("q.empty".into(), " ".into()),
        ]);
        let answers = answers_of(&questions, &form);
        assert_eq!(answers["reason"], Value::from("Knee"));
        assert_eq!(answers["topics"], serde_json::json!(["Back", "Knee"]));
        assert_eq!(answers["consent"], Value::from("true"));
        assert!(!answers.contains_key("empty"));
    }
}
