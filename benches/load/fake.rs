//! A lean fake platform (Telegram Bot API or WhatsApp Graph API) on 127.0.0.1 that answers
//! at once and remembers only what the load tool needs: per chat, when each message arrived
//! and what it said.
//!
//! Why not `tests/common/fake_*.rs`: those keep every call with its whole JSON body and wake
//! every waiter on every call (`notify_waiters`), so with 100 waiting chats each send costs
//! 100 wake-ups and re-checks in the tool. Here each chat has its own `watch` channel, and a
//! send wakes only the chat it was for. The wire answers are the same shapes as the test
//! fakes' (and the payload builders are reused from them).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::sync::watch;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Channel {
    Telegram,
    Whatsapp,
}

impl Channel {
    pub fn name(self) -> &'static str {
        match self {
            Channel::Telegram => "telegram",
            Channel::Whatsapp => "whatsapp",
        }
    }
}

/// What one chat has received.
#[derive(Default)]
pub struct ChatLog {
    /// Every send, as (arrival, what it said).
    pub raw: Vec<(Instant, String)>,
    /// Arrival of each message after collapsing a send identical to the one just before it
    /// (what a crash between "sent" and "marked sent" produces: the same outbox row again).
    pub distinct: Vec<Instant>,
}

struct Chat {
    log: ChatLog,
    /// The length of `log.distinct`, for the chat driver to wait on.
    count: watch::Sender<usize>,
}

#[derive(Default)]
struct Inner {
    chats: HashMap<String, Chat>,
    /// Arrival of every send to any chat, in order (resume times after a kill).
    all: Vec<Instant>,
}

#[derive(Clone)]
pub struct Fake {
    pub addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
}

#[derive(Clone)]
struct AppState {
    inner: Arc<Mutex<Inner>>,
    next_id: Arc<AtomicI64>,
}

impl Fake {
    pub async fn start(channel: Channel) -> Self {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let state = AppState {
            inner: inner.clone(),
            next_id: Arc::new(AtomicI64::new(1)),
        };
        let app = match channel {
            Channel::Telegram => Router::new().route("/{bot}/{method}", post(telegram)),
            Channel::Whatsapp => Router::new().route("/{phone}/messages", post(whatsapp)),
        }
        .with_state(state);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { addr, inner }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A receiver of the chat's distinct-message count.
    pub fn watch(&self, chat: &str) -> watch::Receiver<usize> {
        let mut inner = self.inner.lock().unwrap();
        chat_entry(&mut inner, chat).count.subscribe()
    }

    /// When the n-th (0-based) distinct message to a chat arrived.
    pub fn distinct_at(&self, chat: &str, n: usize) -> Option<Instant> {
        let inner = self.inner.lock().unwrap();
        inner.chats.get(chat)?.log.distinct.get(n).copied()
    }

    /// (raw sends, distinct messages) of one chat.
    pub fn counts(&self, chat: &str) -> (usize, usize) {
        let inner = self.inner.lock().unwrap();
        inner
            .chats
            .get(chat)
            .map_or((0, 0), |c| (c.log.raw.len(), c.log.distinct.len()))
    }

    /// The first send to any chat that arrived after `after`.
    pub fn first_send_after(&self, after: Instant) -> Option<Instant> {
        let inner = self.inner.lock().unwrap();
        let i = inner.all.partition_point(|t| *t <= after);
        inner.all.get(i).copied()
    }
}

fn chat_entry<'a>(inner: &'a mut Inner, chat: &str) -> &'a mut Chat {
    inner.chats.entry(chat.to_owned()).or_insert_with(|| Chat {
        log: ChatLog::default(),
        count: watch::Sender::new(0),
    })
}

/// Remember one message and wake its chat's driver.
fn record(state: &AppState, chat: &str, what: String) {
    let now = Instant::now();
    let mut inner = state.inner.lock().unwrap();
    inner.all.push(now);
    let entry = chat_entry(&mut inner, chat);
    let repeat = entry.log.raw.last().is_some_and(|(_, last)| *last == what);
    entry.log.raw.push((now, what));
    if !repeat {
        entry.log.distinct.push(now);
        entry.count.send_replace(entry.log.distinct.len());
    }
}

fn ok(result: Value) -> Response {
    axum::Json(json!({ "ok": true, "result": result })).into_response()
}

/// The Bot API methods Pandu calls; only sendMessage is recorded.
async fn telegram(
    State(state): State<AppState>,
    Path((_bot, method)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let method = method.to_ascii_lowercase();
    // teloxide sends JSON for these; multipart (setWebhook) needs no parsing here.
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    match method.as_str() {
        "sendmessage" => {
            let chat = body["chat_id"].as_i64().unwrap_or_default();
            let id = state.next_id.fetch_add(1, Ordering::Relaxed);
            // The text with its keyboard: two messages alike in both are the same message.
            let what = format!("{}\u{1}{}", body["text"], body["reply_markup"]);
            record(&state, &chat.to_string(), what);
            ok(message_json(id, chat, &body["text"]))
        }
        "editmessagetext" | "editmessagereplymarkup" => ok(message_json(
            body["message_id"].as_i64().unwrap_or_default(),
            body["chat_id"].as_i64().unwrap_or_default(),
            &body["text"],
        )),
        "getme" => ok(json!({
            "id": 999, "is_bot": true, "first_name": "Pandu", "username": "pandu_load_bot",
            "can_join_groups": false, "can_read_all_group_messages": false,
            "supports_inline_queries": false, "can_connect_to_business": false,
            "has_main_web_app": false
        })),
        _ => ok(json!(true)),
    }
}

fn message_json(id: i64, chat: i64, text: &Value) -> Value {
    json!({
        "message_id": id, "date": 1_700_000_000,
        "chat": { "id": chat, "type": "private", "first_name": "Siti" },
        "from": { "id": 999, "is_bot": true, "first_name": "Pandu", "username": "pandu_load_bot" },
        "text": text
    })
}

/// `POST /{phone_number_id}/messages`: a send (recorded) or a read receipt.
async fn whatsapp(State(state): State<AppState>, body: Bytes) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let Some(to) = body["to"].as_str() else {
        return axum::Json(json!({ "success": true })).into_response();
    };
    let id = state.next_id.fetch_add(1, Ordering::Relaxed);
    let wa_id: String = to.chars().filter(char::is_ascii_digit).collect();
    // The whole body: text or interactive, with its buttons.
    record(&state, &wa_id, body.to_string());
    axum::Json(json!({
        "messaging_product": "whatsapp",
        "contacts": [{ "input": to, "wa_id": wa_id }],
        "messages": [{ "id": format!("wamid.load{id:012}") }]
    }))
    .into_response()
}
