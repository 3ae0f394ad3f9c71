//! Getting updates in: long polling or our own webhook route. Either way an update is
//! committed to the inbox before Telegram is told it was received.

use super::error::TelegramError;
use super::update::{Routing, chat_key};
use crate::domain::ChannelKind;
use crate::service::Service;
use crate::store::{StoreError, inbox::NewUpdate};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use subtle::ConstantTimeEq;
use teloxide::prelude::*;
use teloxide::types::{AllowedUpdate, Update};
use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;

const CHANNEL: ChannelKind = ChannelKind::Telegram;
const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";
/// Telegram updates are small; anything much larger is not from Telegram.
const MAX_BODY: usize = 1024 * 1024;
/// Below teloxide's 17 s client timeout.
const POLL_TIMEOUT_S: u32 = 10;

pub fn allowed_updates() -> Vec<AllowedUpdate> {
    vec![
        AllowedUpdate::Message,
        AllowedUpdate::CallbackQuery,
        AllowedUpdate::MyChatMember,
    ]
}

/// Commit updates (grouped with whatever other requests arrive meanwhile). For each: false
/// for a redelivery.
pub async fn store_updates(
    service: &Service,
    updates: Vec<NewUpdate>,
) -> Result<Vec<bool>, StoreError> {
    service.intake.store(updates).await
}

fn new_update(update_id: i64, chat: String, raw: String) -> NewUpdate {
    NewUpdate {
        channel: CHANNEL,
        external_id: update_id.to_string(),
        chat,
        payload: raw,
        at: OffsetDateTime::now_utc(),
    }
}

/// Long polling. The offset moves past updates only after they are committed; a crash
/// before that gets the same updates again (and the inbox ignores the repeats).
pub async fn poll(bot: Bot, service: Service, shutdown: CancellationToken) {
    let mut offset: i32 = 0;
    while !shutdown.is_cancelled() {
        let request = bot
            .get_updates()
            .offset(offset)
            .timeout(POLL_TIMEOUT_S)
            .allowed_updates(allowed_updates());
        let polled = tokio::select! {
            _ = shutdown.cancelled() => break,
            polled = request.send() => polled,
        };
        match polled {
            Ok(updates) if updates.is_empty() => {}
            Ok(updates) => match store_polled(&service, &updates).await {
                Ok(_) => {
                    let last = updates
                        .iter()
                        .map(|u| u.id.0 as i32)
                        .max()
                        .unwrap_or(offset);
                    offset = offset.max(last + 1);
                }
                Err(e) => {
                    tracing::error!(error = %e, "telegram updates not stored; will fetch them again");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            },
            Err(e) => {
                // teloxide's text for unparsable JSON holds the whole body: updates, texts.
                let error = TelegramError::from(&e);
                tracing::warn!(%error, status = ?error.status(), "telegram getUpdates failed; retrying");
                tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            }
        }
    }
}

async fn store_polled(service: &Service, updates: &[Update]) -> Result<Vec<bool>, StoreError> {
    let mut new = Vec::with_capacity(updates.len());
    for update in updates {
        let raw = serde_json::to_string(update).map_err(|e| StoreError::Corrupt {
            what: "telegram update",
            detail: e.to_string(),
        })?;
        new.push(new_update(i64::from(update.id.0), chat_key(update), raw));
    }
    store_updates(service, new).await
}

#[derive(Clone)]
struct Hook {
    service: Service,
    secret: String,
}

/// `POST <path>`: check the secret in constant time, commit, then 200.
pub fn webhook_router(path: &str, service: Service, secret: String) -> Router {
    Router::new()
        .route(path, post(receive))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .with_state(Hook { service, secret })
}

async fn receive(State(hook): State<Hook>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let given = headers
        .get(SECRET_HEADER)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if !bool::from(given.ct_eq(hook.secret.as_bytes())) {
        tracing::warn!("telegram webhook: wrong or missing secret token");
        return StatusCode::UNAUTHORIZED;
    }
    let Ok(update) = serde_json::from_slice::<Routing>(&body) else {
        // Unparseable but authentic: acknowledge, or Telegram retries it for a day.
        tracing::warn!("telegram webhook: body is not an update; ignored");
        return StatusCode::OK;
    };
    let raw = String::from_utf8_lossy(&body).into_owned();
    let new = new_update(update.update_id, update.chat_key(), raw);
    match store_updates(&hook.service, vec![new]).await {
        Ok(_) => StatusCode::OK,
        // Not stored: let Telegram deliver it again.
        Err(e) => {
            tracing::error!(error = %e, "telegram webhook: update not stored");
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}
