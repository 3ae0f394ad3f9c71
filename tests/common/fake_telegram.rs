//! A fake Telegram Bot API on 127.0.0.1, speaking the documented wire format: the methods
//! Pandu uses, file downloads, and Telegram's exact error bodies.
#![allow(dead_code)]

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const TOKEN: &str = "123456:TEST-token";
pub const BOT_ID: i64 = 999;

/// One call Pandu made.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub body: Value,
    /// What the fake answered (the sent message, for sendMessage).
    pub result: Value,
    pub at: Instant,
}

/// An error the next call to a method will get.
#[derive(Debug, Clone)]
pub enum Failure {
    TooManyRequests {
        retry_after: u64,
    },
    MessageTooLong,
    /// HTTP 400 with this description (which must start "Bad Request: ", as Telegram's do).
    /// Some quote the message back, e.g. "Bad Request: can't parse entities: …".
    BadRequest(String),
    /// Answered normally, but only after this long (a slow network or a loaded Telegram).
    Slow(Duration),
}

#[derive(Default)]
struct Inner {
    updates: Vec<Value>,
    next_update_id: i64,
    next_message_id: i64,
    calls: Vec<Call>,
    files: HashMap<String, (String, Vec<u8>)>,
    failures: HashMap<String, VecDeque<Failure>>,
    blocked: HashSet<i64>,
    /// Positions in `calls` of each chat's sendMessage and sendPhoto calls, so lookups
    /// stay cheap.
    sent_by_chat: HashMap<i64, Vec<usize>>,
    /// Photo URLs Telegram cannot use, and what it answers for them.
    bad_photos: HashMap<String, BadPhoto>,
    /// Messages that are photos: their text is a caption.
    photo_messages: HashSet<(i64, i64)>,
}

/// Why Telegram refuses a photo URL (HTTP 400), in its own words.
#[derive(Debug, Clone, Copy)]
pub enum BadPhoto {
    /// Not a picture Telegram can take (an HTML page, a 404).
    WrongUrl,
    /// The host did not answer.
    Unreachable,
}

impl BadPhoto {
    fn description(self) -> &'static str {
        match self {
            Self::WrongUrl => "Bad Request: wrong file identifier/HTTP URL specified",
            Self::Unreachable => "Bad Request: failed to get HTTP URL content",
        }
    }
}

#[derive(Clone)]
pub struct FakeTelegram {
    pub addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    arrived: Arc<tokio::sync::Notify>,
    /// Notified on every recorded call, so waiting is prompt.
    called: Arc<tokio::sync::Notify>,
}

impl FakeTelegram {
    pub async fn start() -> Self {
        let inner = Arc::new(Mutex::new(Inner {
            next_update_id: 1000,
            next_message_id: 1,
            ..Inner::default()
        }));
        let arrived = Arc::new(tokio::sync::Notify::new());
        let called = Arc::new(tokio::sync::Notify::new());
        let state = (inner.clone(), arrived.clone(), called.clone());
        let app = Router::new()
            .route("/{bot}/{method}", post(method))
            .route("/file/{bot}/{*path}", get(file))
            .with_state(state);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self {
            addr,
            inner,
            arrived,
            called,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Queue an update for getUpdates; returns its update_id.
    pub fn push(&self, update: Value) -> i64 {
        let mut inner = self.inner.lock().unwrap();
        let id = update["update_id"].as_i64().unwrap();
        inner.updates.push(update);
        drop(inner);
        self.arrived.notify_waiters();
        id
    }

    pub fn next_update_id(&self) -> i64 {
        let mut inner = self.inner.lock().unwrap();
        inner.next_update_id += 1;
        inner.next_update_id
    }

    pub fn add_file(&self, file_id: &str, path: &str, bytes: &[u8]) {
        self.inner
            .lock()
            .unwrap()
            .files
            .insert(file_id.into(), (path.into(), bytes.to_vec()));
    }

    pub fn fail_next(&self, method: &str, failure: Failure) {
        self.inner
            .lock()
            .unwrap()
            .failures
            .entry(method.into())
            .or_default()
            .push_back(failure);
    }

    pub fn block(&self, chat: i64) {
        self.inner.lock().unwrap().blocked.insert(chat);
    }

    /// sendPhoto with this URL is refused with Telegram's 400 for `why`.
    pub fn reject_photo_url(&self, url: &str, why: BadPhoto) {
        self.inner
            .lock()
            .unwrap()
            .bad_photos
            .insert(url.into(), why);
    }

    /// When each send (sendMessage, sendPhoto…) was asked for, refused ones included.
    pub fn send_times(&self) -> Vec<Instant> {
        self.inner
            .lock()
            .unwrap()
            .calls
            .iter()
            .filter(|c| c.method.starts_with("send"))
            .map(|c| c.at)
            .collect()
    }

    /// The most sends inside any one-second window.
    pub fn max_in_any_second(&self) -> usize {
        max_in_any_second(self.send_times())
    }

    pub fn calls(&self, method: &str) -> Vec<Call> {
        self.inner
            .lock()
            .unwrap()
            .calls
            .iter()
            .filter(|c| c.method == method)
            .cloned()
            .collect()
    }

    /// Messages (texts and photos) sent to one chat, in order.
    pub fn sent_to(&self, chat: i64) -> Vec<Call> {
        let inner = self.inner.lock().unwrap();
        let indices = inner.sent_by_chat.get(&chat).cloned().unwrap_or_default();
        indices.iter().map(|&i| inner.calls[i].clone()).collect()
    }

    pub fn sent_count(&self, chat: i64) -> usize {
        self.inner
            .lock()
            .unwrap()
            .sent_by_chat
            .get(&chat)
            .map_or(0, Vec::len)
    }

    /// When the n-th (0-based) message to a chat arrived.
    pub fn sent_at(&self, chat: i64, n: usize) -> Instant {
        let inner = self.inner.lock().unwrap();
        inner.calls[inner.sent_by_chat[&chat][n]].at
    }

    /// Wait until `check` holds, or panic after `timeout` with `what`. Woken by every call.
    pub async fn wait_for(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&FakeTelegram) -> bool,
    ) {
        let deadline = Instant::now() + timeout;
        loop {
            let called = self.called.notified();
            if check(self) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            let _ = tokio::time::timeout(Duration::from_millis(50), called).await;
        }
    }

    /// Wait for the n-th message to a chat (1-based) and return it.
    pub async fn message(&self, chat: i64, n: usize) -> Call {
        self.wait_for(
            &format!("message {n} to {chat}"),
            Duration::from_secs(10),
            |f| f.sent_count(chat) >= n,
        )
        .await;
        self.sent_to(chat)[n - 1].clone()
    }
}

type AppState = (
    Arc<Mutex<Inner>>,
    Arc<tokio::sync::Notify>,
    Arc<tokio::sync::Notify>,
);

fn ok(result: Value) -> Response {
    axum::Json(json!({ "ok": true, "result": result })).into_response()
}

fn error(status: StatusCode, description: &str, parameters: Option<Value>) -> Response {
    let mut body =
        json!({ "ok": false, "error_code": status.as_u16(), "description": description });
    if let Some(parameters) = parameters {
        body["parameters"] = parameters;
    }
    (status, axum::Json(body)).into_response()
}

async fn method(
    State((inner, arrived, called)): State<AppState>,
    Path((bot, method)): Path<(String, String)>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if bot != format!("bot{TOKEN}") {
        return error(StatusCode::UNAUTHORIZED, "Unauthorized", None);
    }
    // Telegram's method names are case-insensitive; record them in their documented form.
    let method = canonical(&method);
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let body = parse_body(content_type, &body);
    if method == "getUpdates" {
        return get_updates(inner, arrived, body).await;
    }
    if let Some(wait) = take_slow(&inner, &method) {
        tokio::time::sleep(wait).await;
    }
    let response = record(&inner, method, body);
    called.notify_waiters();
    response
}

/// A pending `Slow` for this method, taken off the queue.
fn take_slow(inner: &Mutex<Inner>, method: &str) -> Option<Duration> {
    let mut state = inner.lock().unwrap();
    let queue = state.failures.get_mut(method)?;
    match queue.front() {
        Some(Failure::Slow(wait)) => {
            let wait = *wait;
            queue.pop_front();
            Some(wait)
        }
        _ => None,
    }
}

/// Record the call and answer it as Telegram would.
fn record(inner: &Mutex<Inner>, method: String, body: Value) -> Response {
    let mut state = inner.lock().unwrap();
    state.calls.push(Call {
        method: method.clone(),
        body: body.clone(),
        result: Value::Null,
        at: Instant::now(),
    });
    // Every attempt counts, refused ones too: tests check what Telegram was asked.
    if method == "sendMessage" || method == "sendPhoto" {
        let index = state.calls.len() - 1;
        let chat = body["chat_id"].as_i64().unwrap_or_default();
        state.sent_by_chat.entry(chat).or_default().push(index);
    }
    if let Some(failure) = state
        .failures
        .get_mut(&method)
        .and_then(VecDeque::pop_front)
    {
        return match failure {
            Failure::TooManyRequests { retry_after } => error(
                StatusCode::TOO_MANY_REQUESTS,
                &format!("Too Many Requests: retry after {retry_after}"),
                Some(json!({ "retry_after": retry_after })),
            ),
            Failure::MessageTooLong => error(
                StatusCode::BAD_REQUEST,
                "Bad Request: message is too long",
                None,
            ),
            Failure::BadRequest(description) => error(StatusCode::BAD_REQUEST, &description, None),
            Failure::Slow(_) => unreachable!("taken before the call is recorded"),
        };
    }
    match method.as_str() {
        "getMe" => ok(json!({
            "id": BOT_ID, "is_bot": true, "first_name": "Pandu", "username": "pandu_test_bot",
            "can_join_groups": false, "can_read_all_group_messages": false, "supports_inline_queries": false,
            "can_connect_to_business": false, "has_main_web_app": false
        })),
        "setWebhook" | "deleteWebhook" | "setMyCommands" | "answerCallbackQuery" => ok(json!(true)),
        "sendMessage" => send_message(&mut state, &body),
        "sendPhoto" => send_photo(&mut state, &body),
        "editMessageText" | "editMessageReplyMarkup" | "editMessageCaption" => {
            edit_message(&state, &method, &body)
        }
        "getFile" => match state
            .files
            .get(body["file_id"].as_str().unwrap_or_default())
        {
            Some((path, bytes)) => ok(json!({
                "file_id": body["file_id"], "file_unique_id": "u", "file_size": bytes.len(), "file_path": path
            })),
            None => error(
                StatusCode::BAD_REQUEST,
                "Bad Request: invalid file_id",
                None,
            ),
        },
        _ => error(StatusCode::NOT_FOUND, "Not Found: method not found", None),
    }
}

/// JSON, or multipart/form-data (teloxide uses it for methods that may carry a file, such
/// as setWebhook); an empty body is a call without parameters.
fn parse_body(content_type: &str, body: &[u8]) -> Value {
    if body.is_empty() {
        return json!({});
    }
    let Some(boundary) = content_type.split("boundary=").nth(1) else {
        return serde_json::from_slice(body).unwrap_or(json!({}));
    };
    let text = String::from_utf8_lossy(body);
    let mut fields = serde_json::Map::new();
    for part in text.split(&format!("--{}", boundary.trim_matches('"'))) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let Some(name) = head
            .split("name=\"")
            .nth(1)
            .and_then(|n| n.split('"').next())
        else {
            continue;
        };
        let value = value.trim_end_matches("\r\n");
        let parsed =
            serde_json::from_str(value).unwrap_or_else(|_| Value::String(value.to_owned()));
        fields.insert(name.to_owned(), parsed);
    }
    Value::Object(fields)
}

fn canonical(method: &str) -> String {
    const KNOWN: [&str; 12] = [
        "getMe",
        "getUpdates",
        "setWebhook",
        "deleteWebhook",
        "setMyCommands",
        "answerCallbackQuery",
        "sendMessage",
        "sendPhoto",
        "editMessageText",
        "editMessageCaption",
        "editMessageReplyMarkup",
        "getFile",
    ];
    KNOWN
        .iter()
        .find(|k| k.eq_ignore_ascii_case(method))
        .map_or(method.to_owned(), |k| (*k).to_owned())
}

fn send_message(state: &mut Inner, body: &Value) -> Response {
    let chat = body["chat_id"].as_i64().unwrap_or_default();
    if state.blocked.contains(&chat) {
        return error(
            StatusCode::FORBIDDEN,
            "Forbidden: bot was blocked by the user",
            None,
        );
    }
    if body["text"].as_str().unwrap_or_default().chars().count() > 4096 {
        return error(
            StatusCode::BAD_REQUEST,
            "Bad Request: message is too long",
            None,
        );
    }
    let id = state.next_message_id;
    state.next_message_id += 1;
    let mut message = message_json(id, chat, &body["text"]);
    if body["reply_markup"]["inline_keyboard"].is_array() {
        message["reply_markup"] = body["reply_markup"].clone();
    }
    let index = state.calls.len() - 1;
    state.calls[index].result = message.clone();
    ok(message)
}

/// sendPhoto, as Telegram checks it: the photo a URL it can fetch (or a file id), the
/// caption at most 1024 characters.
fn send_photo(state: &mut Inner, body: &Value) -> Response {
    let chat = body["chat_id"].as_i64().unwrap_or_default();
    if state.blocked.contains(&chat) {
        return error(
            StatusCode::FORBIDDEN,
            "Forbidden: bot was blocked by the user",
            None,
        );
    }
    let photo = body["photo"].as_str().unwrap_or_default();
    let refusal = match state.bad_photos.get(photo) {
        Some(why) => Some(why.description()),
        None if !photo.starts_with("https://") && !photo.starts_with("http://") => {
            Some(BadPhoto::WrongUrl.description())
        }
        None => None,
    };
    if let Some(description) = refusal {
        return error(StatusCode::BAD_REQUEST, description, None);
    }
    if body["caption"].as_str().unwrap_or_default().chars().count() > 1024 {
        return error(
            StatusCode::BAD_REQUEST,
            "Bad Request: message caption is too long",
            None,
        );
    }
    let id = state.next_message_id;
    state.next_message_id += 1;
    state.photo_messages.insert((chat, id));
    let mut message = message_json(id, chat, &Value::Null);
    message.as_object_mut().unwrap().remove("text");
    message["photo"] = json!([
        { "file_id": format!("photo-{id}"), "file_unique_id": format!("p{id}"), "width": 1280, "height": 960, "file_size": 1000 }
    ]);
    if body["caption"].is_string() {
        message["caption"] = body["caption"].clone();
    }
    if body["reply_markup"]["inline_keyboard"].is_array() {
        message["reply_markup"] = body["reply_markup"].clone();
    }
    let index = state.calls.len() - 1;
    state.calls[index].result = message.clone();
    ok(message)
}

/// A photo's text is its caption: editMessageText refuses it, editMessageCaption takes it.
fn edit_message(state: &Inner, method: &str, body: &Value) -> Response {
    let chat = body["chat_id"].as_i64().unwrap_or_default();
    let id = body["message_id"].as_i64().unwrap_or_default();
    if method == "editMessageText" && state.photo_messages.contains(&(chat, id)) {
        return error(
            StatusCode::BAD_REQUEST,
            "Bad Request: there is no text in the message to edit",
            None,
        );
    }
    let text = if method == "editMessageCaption" {
        &body["caption"]
    } else {
        &body["text"]
    };
    ok(message_json(id, chat, text))
}

/// The largest number of instants inside any one-second window.
pub fn max_in_any_second(mut times: Vec<Instant>) -> usize {
    times.sort();
    let mut best = 0;
    let mut first = 0;
    for last in 0..times.len() {
        while times[last] - times[first] >= Duration::from_secs(1) {
            first += 1;
        }
        best = best.max(last - first + 1);
    }
    best
}

fn message_json(id: i64, chat: i64, text: &Value) -> Value {
    json!({
        "message_id": id, "date": 1_700_000_000,
        "chat": { "id": chat, "type": "private", "first_name": "Siti" },
        "from": { "id": BOT_ID, "is_bot": true, "first_name": "Pandu", "username": "pandu_test_bot" },
        "text": text
    })
}

async fn get_updates(
    inner: Arc<Mutex<Inner>>,
    arrived: Arc<tokio::sync::Notify>,
    body: Value,
) -> Response {
    let offset = body["offset"].as_i64().unwrap_or(0);
    // Long poll, shortened so tests stay quick.
    let wait = Duration::from_secs(body["timeout"].as_u64().unwrap_or(0).min(1));
    let deadline = Instant::now() + wait;
    loop {
        let notified = arrived.notified();
        {
            let mut state = inner.lock().unwrap();
            state
                .updates
                .retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
            if !state.updates.is_empty() || Instant::now() >= deadline {
                return ok(Value::Array(state.updates.clone()));
            }
        }
        let _ = tokio::time::timeout(deadline.saturating_duration_since(Instant::now()), notified)
            .await;
    }
}

async fn file(
    State((inner, _, _)): State<AppState>,
    Path((bot, path)): Path<(String, String)>,
) -> Response {
    if bot != format!("bot{TOKEN}") {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    // teloxide percent-encodes the "/" in file paths; accept both forms.
    let path = path.replace("%2F", "/");
    let state = inner.lock().unwrap();
    match state.files.values().find(|(p, _)| *p == path) {
        Some((_, bytes)) => bytes.clone().into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Updates as Telegram sends them.
pub mod updates {
    use serde_json::{Value, json};

    pub fn user(chat: i64) -> Value {
        json!({ "id": chat, "is_bot": false, "first_name": "Siti", "language_code": "id" })
    }

    fn message(update_id: i64, chat: i64, content: Value) -> Value {
        let mut message = json!({
            "message_id": update_id, "date": 1_700_000_000,
            "chat": { "id": chat, "type": "private", "first_name": "Siti" },
            "from": user(chat)
        });
        for (k, v) in content.as_object().unwrap() {
            message[k] = v.clone();
        }
        json!({ "update_id": update_id, "message": message })
    }

    pub fn text(update_id: i64, chat: i64, text: &str) -> Value {
        message(update_id, chat, json!({ "text": text }))
    }

    pub fn photo(update_id: i64, chat: i64, file_id: &str, size: u64) -> Value {
        message(
            update_id,
            chat,
            json!({ "photo": [
                { "file_id": format!("{file_id}-small"), "file_unique_id": "s", "width": 90, "height": 90, "file_size": 1000 },
                { "file_id": file_id, "file_unique_id": "l", "width": 1280, "height": 960, "file_size": size }
            ]}),
        )
    }

    pub fn document(update_id: i64, chat: i64, file_id: &str, size: u64, name: &str) -> Value {
        message(
            update_id,
            chat,
            json!({ "document": {
                "file_id": file_id, "file_unique_id": "d", "file_size": size, "file_name": name, "mime_type": "application/pdf"
            }}),
        )
    }

    pub fn sticker(update_id: i64, chat: i64) -> Value {
        message(
            update_id,
            chat,
            json!({ "sticker": {
                "file_id": "st", "file_unique_id": "st", "type": "regular", "width": 512, "height": 512,
                "is_animated": false, "is_video": false
            }}),
        )
    }

    pub fn contact(update_id: i64, chat: i64, phone: &str, owner: i64) -> Value {
        message(
            update_id,
            chat,
            json!({ "contact": { "phone_number": phone, "first_name": "Siti", "user_id": owner } }),
        )
    }

    /// A press on a button of `question` (a message the bot sent, as recorded by the fake).
    pub fn press(update_id: i64, chat: i64, question: &Value, data: &str) -> Value {
        json!({ "update_id": update_id, "callback_query": {
            "id": format!("cb{update_id}"), "from": user(chat), "chat_instance": "ci",
            "message": question, "data": data
        }})
    }

    /// The user blocked the bot.
    pub fn blocked(update_id: i64, chat: i64) -> Value {
        json!({ "update_id": update_id, "my_chat_member": {
            "chat": { "id": chat, "type": "private", "first_name": "Siti" },
            "from": user(chat), "date": 1_700_000_000,
            "old_chat_member": { "user": { "id": 999, "is_bot": true, "first_name": "Pandu" }, "status": "member" },
            "new_chat_member": { "user": { "id": 999, "is_bot": true, "first_name": "Pandu" }, "status": "kicked", "until_date": 0 }
        }})
    }
}
