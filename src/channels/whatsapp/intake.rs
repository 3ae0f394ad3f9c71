//! The webhook Meta calls: the verification handshake (GET) and signed events (POST).
//! Messages are committed to the inbox and statuses applied before the 200.

use super::payload::{Batch, Envelope, Skipped};
use crate::config::WhatsappConfig;
use crate::domain::ChannelKind;
use crate::service::Service;
use crate::store::{self, StoreError, inbox::NewUpdate};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::HashMap;
use subtle::ConstantTimeEq;
use time::OffsetDateTime;

const CHANNEL: ChannelKind = ChannelKind::Whatsapp;
pub const PATH: &str = "/webhooks/whatsapp";
/// Meta's payloads are at most 3 MB.
const MAX_BODY: usize = 3 * 1024 * 1024;

#[derive(Clone)]
struct Hook {
    service: Service,
    app_secret: String,
    verify_token: String,
}

pub fn router(service: Service, config: &WhatsappConfig) -> Router {
    let hook = Hook {
        service,
        app_secret: config.app_secret.clone(),
        verify_token: config.verify_token.clone(),
    };
    Router::new()
        .route(PATH, get(verify).post(receive))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .with_state(hook)
}

/// `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`: echo the challenge.
async fn verify(
    State(hook): State<Hook>,
    Query(query): Query<HashMap<String, String>>,
) -> (StatusCode, String) {
    let token = query
        .get("hub.verify_token")
        .map(String::as_bytes)
        .unwrap_or_default();
    let subscribe = query.get("hub.mode").is_some_and(|m| m == "subscribe");
    if subscribe && bool::from(token.ct_eq(hook.verify_token.as_bytes())) {
        (
            StatusCode::OK,
            query.get("hub.challenge").cloned().unwrap_or_default(),
        )
    } else {
        tracing::warn!("whatsapp webhook verification refused");
        (StatusCode::FORBIDDEN, String::new())
    }
}

async fn receive(State(hook): State<Hook>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let signature = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !signed(&hook.app_secret, &body, signature) {
        tracing::warn!("whatsapp webhook: missing or wrong signature");
        return StatusCode::UNAUTHORIZED;
    }
    let Ok(envelope) = serde_json::from_slice::<Envelope>(&body) else {
        tracing::warn!("whatsapp webhook: body is not a webhook payload; ignored");
        return StatusCode::OK;
    };
    let batch = envelope.into_batch();
    report_skipped(&batch.skipped);
    match commit(&hook.service, batch).await {
        Ok(()) => StatusCode::OK,
        // Not stored: Meta delivers it again.
        Err(e) => {
            tracing::error!(error = %e, "whatsapp webhook: events not stored");
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}

/// Items left out of a signed batch, by position and kind of fault only: their content may
/// hold a phone number, a message id or the user's text. Meta is not asked to send them
/// again (it would send the same), so the log is where they show.
fn report_skipped(skipped: &[Skipped]) {
    for item in skipped {
        tracing::warn!(
            item = item.kind.as_str(),
            change = item.change,
            index = item.index,
            fault = %item.fault,
            "whatsapp webhook: malformed item skipped"
        );
    }
}

/// HMAC-SHA256 of the raw body with the app secret, compared in constant time.
pub fn signed(secret: &str, body: &[u8], header: &str) -> bool {
    let Some(hex_sig) = header.strip_prefix("sha256=") else {
        return false;
    };
    let Ok(given) = hex::decode(hex_sig) else {
        return false;
    };
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(body);
    mac.verify_slice(&given).is_ok()
}

/// Every message of the batch, in order, into the inbox; every status applied.
async fn commit(service: &Service, batch: Batch) -> Result<(), StoreError> {
    let now = OffsetDateTime::now_utc();
    let messages: Vec<NewUpdate> = batch
        .messages
        .into_iter()
        .map(|arrived| NewUpdate {
            channel: CHANNEL,
            external_id: arrived.message.id,
            chat: arrived.message.from,
            payload: arrived.raw.to_string(),
            at: now,
        })
        .collect();
    if !messages.is_empty() {
        service.intake.store(messages).await?;
    }
    for status in &batch.statuses {
        let code = status.errors.first().map(|e| e.code.to_string());
        store::statuses::apply(
            &service.store,
            CHANNEL,
            &status.id,
            &status.status,
            code.as_deref(),
            now,
        )
        .await?;
    }
    Ok(())
}
