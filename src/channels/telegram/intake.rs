//! Getting updates in: long polling or our own webhook route. Either way an update is
//! committed to the inbox before Telegram is told it was received.

use super::update::chat_key;
use crate::domain::ChannelKind;
use crate::service::Service;
use crate::store::{self, StoreError};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use subtle::ConstantTimeEq;
use teloxide::prelude::*;
use teloxide::types::{AllowedUpdate, Update};
use time::OffsetDateTime;

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

/// Commit one update. Returns false for a redelivery.
pub async fn store_update(
    service: &Service,
    update_id: &str,
    chat: &str,
    raw: &str,
) -> Result<bool, StoreError> {
    let fresh = store::inbox::insert(
        &service.store,
        CHANNEL,
        update_id,
        chat,
        raw,
        OffsetDateTime::now_utc(),
    )
    .await?;
    if fresh {
        service.wake_workers();
    }
    Ok(fresh)
}

/// Long polling. The offset moves past an update only after it is committed; a crash
/// before that gets the same updates again (and the inbox ignores the repeats).
pub async fn poll(bot: Bot, service: Service) {
    let mut offset: i32 = 0;
    loop {
        let request = bot
            .get_updates()
            .offset(offset)
            .timeout(POLL_TIMEOUT_S)
            .allowed_updates(allowed_updates());
        match request.await {
            Ok(updates) => {
                for update in updates {
                    match commit(&service, &update).await {
                        Ok(()) => offset = offset.max(update.id.0 as i32 + 1),
                        Err(e) => {
                            tracing::error!(error = %e, "telegram update not stored; will fetch it again");
                            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                            break;
                        }
                    }
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "telegram getUpdates failed; retrying");
                tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            }
        }
    }
}

async fn commit(service: &Service, update: &Update) -> Result<(), StoreError> {
    let raw = serde_json::to_string(update).map_err(|e| store::StoreError::Corrupt {
        what: "telegram update",
        detail: e.to_string(),
    })?;
    store_update(service, &update.id.0.to_string(), &chat_key(update), &raw)
        .await
        .map(|_| ())
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
    let Ok(raw) = std::str::from_utf8(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    let Ok(update) = serde_json::from_str::<Update>(raw) else {
        // Unparseable but authentic: acknowledge, or Telegram retries it for a day.
        tracing::warn!("telegram webhook: body is not an update; ignored");
        return StatusCode::OK;
    };
    match store_update(
        &hook.service,
        &update.id.0.to_string(),
        &chat_key(&update),
        raw,
    )
    .await
    {
        Ok(_) => StatusCode::OK,
        // Not stored: let Telegram deliver it again.
        Err(e) => {
            tracing::error!(error = %e, "telegram webhook: update not stored");
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}
