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
/// The cookie's name over https: browsers keep a `__Host-` cookie only if it is `Secure`,
/// has `Path=/` and no `Domain`, so no other host or plain-http page can set or shadow it.
pub const SECURE_COOKIE: &str = "__Host-pandu_session";

/// Passwords hashed or checked at once. Each Argon2 run holds 19 MiB: without a cap, 200
/// failed logins at once took a fresh process to 3.5 GB.
pub const HASHES_AT_ONCE: usize = 2;

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

/// Argon2 off the async workers, a few at a time; the rest are refused at once, not queued.
#[derive(Clone)]
pub struct Passwords {
    permits: std::sync::Arc<tokio::sync::Semaphore>,
}

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("every password hashing slot is busy")]
    Busy,
    #[error(transparent)]
    Failed(#[from] HashError),
}

impl Default for Passwords {
    fn default() -> Self {
        Self {
            permits: std::sync::Arc::new(tokio::sync::Semaphore::new(HASHES_AT_ONCE)),
        }
    }
}

impl Passwords {
    pub async fn verify(&self, password: String, hash: String) -> Result<bool, PasswordError> {
        self.run(move || Ok(verify_password(&password, &hash)))
            .await
    }

    pub async fn hash(&self, password: String) -> Result<String, PasswordError> {
        self.run(move || Ok(hash_password(&password)?)).await
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, PasswordError> + Send + 'static,
    ) -> Result<T, PasswordError> {
        let permit = self
            .permits
            .clone()
            .try_acquire_owned()
            .map_err(|_| PasswordError::Busy)?;
        tokio::task::spawn_blocking(move || {
            let done = work();
            drop(permit);
            done
        })
        .await
        .map_err(|_| PasswordError::Failed(HashError))?
    }
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
        let Some(id) = cookie(&parts.headers, state.cookie_name()) else {
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

/// `HttpOnly; SameSite=Lax`; over https also `Secure`, under the `__Host-` name.
pub fn session_cookie(value: &str, secure: bool, max_age: Option<i64>) -> HeaderValue {
    let name = if secure { SECURE_COOKIE } else { COOKIE };
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if secure {
        cookie.push_str("; Secure");
    }
    if let Some(age) = max_age {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    HeaderValue::from_str(&cookie).expect("cookie text is ASCII")
}
