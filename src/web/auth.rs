//! Staff sign-in: Argon2id passwords, server-side sessions behind a random cookie, CSRF
//! tokens on every form, idle and absolute timeouts, and slowed-down failed logins.

use super::AppState;
use crate::access::{Role, Staff};
use crate::store::{self, StoreError};
use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use time::OffsetDateTime;

pub const COOKIE: &str = "pandu_session";

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed")]
pub struct HashError;

/// Argon2id with the crate's defaults (m=19 MiB, t=2, p=1: OWASP's minimum).
pub fn hash_password(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| HashError)
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A random token, hex: session ids, CSRF tokens, setup links.
pub fn token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn same(a: &str, b: &str) -> bool {
    bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// The signed-in staff member, with the session's CSRF token. Pages that need it redirect
/// to the login page when there is none.
pub struct Signed {
    pub staff: Staff,
    pub csrf: String,
}

pub enum AuthRejection {
    Login,
    Failed(StoreError),
}

impl IntoResponse for AuthRejection {
    fn into_response(self) -> Response {
        match self {
            Self::Login => Redirect::to("/login").into_response(),
            Self::Failed(e) => {
                tracing::error!(error = %e, "session lookup failed");
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            }
        }
    }
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = AuthRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(id) = cookie(&parts.headers, COOKIE) else {
            return Err(AuthRejection::Login);
        };
        let now = OffsetDateTime::now_utc();
        match store::staff::session(&state.service.store, &digest(&id), &state.sessions, now).await
        {
            Ok(Some((staff, csrf))) => Ok(Self { staff, csrf }),
            Ok(None) => Err(AuthRejection::Login),
            Err(e) => Err(AuthRejection::Failed(e)),
        }
    }
}

impl Signed {
    /// State-changing requests carry the session's token; anything else is refused.
    pub fn check_csrf(&self, given: &str) -> Result<(), StatusCode> {
        if same(&self.csrf, given) {
            Ok(())
        } else {
            Err(StatusCode::FORBIDDEN)
        }
    }

    pub fn is_admin(&self) -> bool {
        self.staff.role == Role::Admin
    }
}

pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// `HttpOnly; SameSite=Lax`, and `Secure` when served over https.
pub fn session_cookie(value: &str, secure: bool, max_age: Option<i64>) -> HeaderValue {
    let mut cookie = format!("{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax");
    if secure {
        cookie.push_str("; Secure");
    }
    if let Some(age) = max_age {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    HeaderValue::from_str(&cookie).expect("cookie text is ASCII")
}
