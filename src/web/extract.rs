//! Posted forms, checked before the handler runs: who sends them and their CSRF token.
//!
//! A handler takes [`PostedForm`] (anyone: sign-in, setup), [`SignedInForm`] or
//! [`AdminForm`] as its last argument. The extractor reads the session, parses the form,
//! refuses someone who may not send it (a redirect to sign in, or forbidden) and then a
//! missing or wrong CSRF token (403), in that order.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::app::AppState;
use crate::db::users::User;
use crate::web::format::FormData;
use crate::web::{CsrfForm, Ctx, WebError};

/// A form that carries a CSRF token in its `csrf` field.
pub trait CsrfToken {
    fn csrf_token(&self) -> &str;
}

impl CsrfToken for FormData {
    fn csrf_token(&self) -> &str {
        self.get("csrf")
    }
}

/// Implements [`CsrfToken`] for form structs with a `csrf: String` field.
macro_rules! carries_csrf {
    ($($form:ty),+ $(,)?) => {
        $(impl $crate::web::extract::CsrfToken for $form {
            fn csrf_token(&self) -> &str {
                &self.csrf
            }
        })+
    };
}
pub(crate) use carries_csrf;

carries_csrf!(CsrfForm);

impl<'de> Deserialize<'de> for FormData {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<(String, String)>::deserialize(deserializer).map(FormData)
    }
}

/// Who may send a form.
pub trait Sender {
    /// What the handler learns about them.
    type Person;

    /// The sender, or how to refuse them.
    fn check(ctx: &Ctx) -> Result<Self::Person, WebError>;
}

/// Anyone, signed in or not (sign-in, setup, invitations).
pub struct Anyone;

impl Sender for Anyone {
    type Person = ();

    fn check(_: &Ctx) -> Result<(), WebError> {
        Ok(())
    }
}

/// A signed-in user; anyone else is sent to sign in.
pub struct SignedIn;

impl Sender for SignedIn {
    type Person = User;

    fn check(ctx: &Ctx) -> Result<User, WebError> {
        ctx.require_user().cloned()
    }
}

/// An instance administrator; others are forbidden, the anonymous sent to sign in.
pub struct Administrator;

impl Sender for Administrator {
    type Person = User;

    fn check(ctx: &Ctx) -> Result<User, WebError> {
        ctx.require_admin().cloned()
    }
}

/// A form of type `T` sent by a `W` with a valid CSRF token.
pub struct Submitted<T, W: Sender> {
    pub ctx: Ctx,
    pub user: W::Person,
    pub form: T,
}

/// A form anyone may send, with a valid CSRF token.
pub type PostedForm<T> = Submitted<T, Anyone>;
/// A form from a signed-in user, with a valid CSRF token.
pub type SignedInForm<T> = Submitted<T, SignedIn>;
/// A form from an administrator, with a valid CSRF token.
pub type AdminForm<T> = Submitted<T, Administrator>;

impl<T, W> FromRequest<AppState> for Submitted<T, W>
where
    T: DeserializeOwned + CsrfToken + Send,
    W: Sender,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let axum::Form(form) =
            axum::Form::<T>::from_request(Request::from_parts(parts, body), state)
                .await
                .map_err(IntoResponse::into_response)?;
        let user = W::check(&ctx).map_err(IntoResponse::into_response)?;
        ctx.verify_csrf(form.csrf_token())
            .map_err(IntoResponse::into_response)?;
        Ok(Submitted { ctx, user, form })
    }
}
