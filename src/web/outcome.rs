//! What a submitted form comes to: a redirect that shows a confirmation, or the form
//! again with a message next to each wrong field (422).

use std::future::{Future, Ready, ready};

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::model::error::FieldErrors;
use crate::web::WebError;

/// A service error that may be a refusal of the form's fields.
pub trait FieldRefusal: Into<WebError> {
    /// The fields and why, or the error itself when it is about something else.
    fn field_errors(self) -> Result<FieldErrors, Self>;
}

/// Implements [`FieldRefusal`] for errors whose `Invalid` variant holds the field errors.
macro_rules! refuses_fields {
    ($($error:ty),+ $(,)?) => {
        $(impl $crate::web::outcome::FieldRefusal for $error {
            fn field_errors(self) -> Result<$crate::model::error::FieldErrors, Self> {
                match self {
                    Self::Invalid(errors) => Ok(errors),
                    other => Err(other),
                }
            }
        })+
    };
}

refuses_fields!(
    crate::scheduling::manage::ManageError,
    crate::integrations::webhooks::WebhookError,
    crate::integrations::notify::sms::SmsError,
    crate::auth::sso::SaveError,
    crate::integrations::calendars::accounts::CalendarError,
    crate::integrations::oauth::AppError,
);

/// Answers a form's write: what `done` makes of the written value (usually a redirect
/// with a notice), or, when the fields were refused, the page `again` renders with their
/// errors, as 422. Any other error is the request's error.
pub async fn saved_or_again<T, E, R, Done, Again>(
    result: Result<T, E>,
    done: impl FnOnce(T) -> Done,
    again: impl FnOnce(FieldErrors) -> Again,
) -> Result<Response, WebError>
where
    E: FieldRefusal,
    R: IntoResponse,
    Done: Future<Output = Result<R, WebError>>,
    Again: Future<Output = Result<Response, WebError>>,
{
    match result.map_err(FieldRefusal::field_errors) {
        Ok(value) => Ok(done(value).await?.into_response()),
        Err(Ok(errors)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, again(errors).await?).into_response())
        }
        Err(Err(err)) => Err(err.into()),
    }
}

/// A redirect to `target`, as a `done` for [`saved_or_again`].
pub fn redirect(target: String) -> Ready<Result<Redirect, WebError>> {
    ready(Ok(Redirect::to(&target)))
}
