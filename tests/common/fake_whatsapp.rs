//! A fake WhatsApp Cloud API (Meta Graph API) on 127.0.0.1, speaking the documented wire
//! format: sending messages (with Meta's limits on text and interactive messages), media
//! lookup and download (with URLs that expire), and Graph's exact error bodies.
//!
//! The app's WHATSAPP_API_URL is `url()` exactly (no version path): requests arrive as
//! `POST {url}/{phone_number_id}/messages`, `GET {url}/{media_id}`, `GET` on the
//! download URL the fake hands out (`{url}/media-download/{media_id}?token=…`), and
//! `GET {url}/{waba_id}/message_templates?name=…` for the templates added to the fake.
#![allow(dead_code)]

mod templates;
pub use templates::FakeTemplate;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const ACCESS_TOKEN: &str = "EAAtest-token";
pub const PHONE_NUMBER_ID: &str = "1098765";
pub const APP_SECRET: &str = "app-secret-for-tests";
pub const VERIFY_TOKEN: &str = "verify-me";
/// The business number as users see it (webhook `metadata.display_phone_number`).
pub const DISPLAY_PHONE_NUMBER: &str = "6281100000000";

/// One request the app made.
#[derive(Debug, Clone)]
pub struct Call {
    /// "send" (POST /{phone_number_id}/messages with a `to`), "read" (the same endpoint
    /// used to mark a message as read, `{"status":"read","message_id":…}`), "media"
    /// (GET /{media_id}), "download" (GET on a media download URL) or "templates"
    /// (GET /{waba_id}/message_templates).
    pub method: String,
    /// The request path with its query string.
    pub path: String,
    /// The JSON body for POSTs; the query parameters as an object for GETs.
    pub body: Value,
    /// The HTTP status the fake answered.
    pub status: u16,
    /// The wamid the fake answered with, for successful sends.
    pub wamid: Option<String>,
    pub at: Instant,
}

/// An error the next send attempt will get.
#[derive(Debug, Clone)]
pub enum Failure {
    /// 130429, HTTP 429: Cloud API throughput reached.
    RateLimited,
    /// 131056, HTTP 400: too many messages to the same user in a short time.
    PairRateLimited,
    /// 131047, HTTP 400: more than 24 h since the user last wrote.
    ReEngagement,
    /// HTTP 500, code 1 "An unknown error occurred".
    ServerError,
    /// Any Graph error object; its message and details may quote the number or the text,
    /// as Graph's sometimes do.
    Refused {
        http: u16,
        code: i64,
        subcode: Option<i64>,
        message: String,
        details: String,
    },
}

struct Media {
    mime: String,
    bytes: Vec<u8>,
    /// The token of the latest download URL handed out; older URLs 404.
    token: Option<String>,
}

#[derive(Default)]
struct Inner {
    next_wamid: u64,
    calls: Vec<Call>,
    media: HashMap<String, Media>,
    failures: VecDeque<Failure>,
    expire_next_download: bool,
    /// Positions in `calls` of each recipient's send attempts, so lookups stay cheap.
    sent_by_recipient: HashMap<String, Vec<usize>>,
    templates: Vec<FakeTemplate>,
}

#[derive(Clone)]
pub struct FakeWhatsapp {
    pub addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    /// Notified on every recorded call, so waiting is prompt.
    called: Arc<tokio::sync::Notify>,
}

#[derive(Clone)]
struct AppState {
    inner: Arc<Mutex<Inner>>,
    called: Arc<tokio::sync::Notify>,
    addr: SocketAddr,
}

impl FakeWhatsapp {
    pub async fn start() -> Self {
        let inner = Arc::new(Mutex::new(Inner {
            next_wamid: 1,
            ..Inner::default()
        }));
        let called = Arc::new(tokio::sync::Notify::new());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = AppState {
            inner: inner.clone(),
            called: called.clone(),
            addr,
        };
        let app = Router::new()
            .route("/{phone_number_id}/messages", post(messages))
            .route("/media-download/{media_id}", get(download))
            .route(
                "/{waba_id}/message_templates",
                get(templates::message_templates),
            )
            .route("/{media_id}", get(media))
            .fallback(unsupported)
            .with_state(state);
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self {
            addr,
            inner,
            called,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Media the app can look up (GET /{media_id}) and download.
    pub fn add_media(&self, media_id: &str, mime: &str, bytes: &[u8]) {
        self.inner.lock().unwrap().media.insert(
            media_id.into(),
            Media {
                mime: mime.into(),
                bytes: bytes.to_vec(),
                token: None,
            },
        );
    }

    /// The next download of any media answers 404, as an expired URL does; the app must
    /// fetch a fresh URL with GET /{media_id} and try again.
    pub fn expire_next_download(&self) {
        self.inner.lock().unwrap().expire_next_download = true;
    }

    /// A template of the business account, listed and checked on send.
    pub fn add_template(&self, template: FakeTemplate) {
        self.inner.lock().unwrap().templates.push(template);
    }

    /// When each send attempt arrived, refused ones included.
    pub fn send_times(&self) -> Vec<Instant> {
        self.calls("send").iter().map(|c| c.at).collect()
    }

    /// The most send attempts inside any one-second window.
    pub fn max_in_any_second(&self) -> usize {
        super::fake_telegram::max_in_any_second(self.send_times())
    }

    /// Queue an error for the next send attempt (failures are used in order).
    pub fn fail_next_send(&self, failure: Failure) {
        self.inner.lock().unwrap().failures.push_back(failure);
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

    /// Send attempts to one recipient, refused ones included, in order.
    pub fn sent_to(&self, wa_id: &str) -> Vec<Call> {
        let inner = self.inner.lock().unwrap();
        let indices = inner
            .sent_by_recipient
            .get(&wa_id_of(wa_id))
            .cloned()
            .unwrap_or_default();
        indices.iter().map(|&i| inner.calls[i].clone()).collect()
    }

    pub fn sent_count(&self, wa_id: &str) -> usize {
        self.inner
            .lock()
            .unwrap()
            .sent_by_recipient
            .get(&wa_id_of(wa_id))
            .map_or(0, Vec::len)
    }

    /// When the n-th (0-based) send attempt to a recipient arrived.
    pub fn sent_at(&self, wa_id: &str, n: usize) -> Instant {
        let inner = self.inner.lock().unwrap();
        inner.calls[inner.sent_by_recipient[&wa_id_of(wa_id)][n]].at
    }

    /// Wait until `check` holds, or panic after `timeout` with `what`. Woken by every call.
    pub async fn wait_for(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&FakeWhatsapp) -> bool,
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

    /// Wait for the n-th send attempt to a recipient (1-based) and return it.
    pub async fn message(&self, wa_id: &str, n: usize) -> Call {
        self.wait_for(
            &format!("message {n} to {wa_id}"),
            Duration::from_secs(10),
            |f| f.sent_count(wa_id) >= n,
        )
        .await;
        self.sent_to(wa_id)[n - 1].clone()
    }
}

/// What Meta reports as `wa_id` for a `to`: its digits.
fn wa_id_of(to: &str) -> String {
    to.chars().filter(char::is_ascii_digit).collect()
}

/// Graph's error body: `{"error":{"message","type","code","error_data","fbtrace_id"}}`.
fn graph_error(status: StatusCode, code: i64, message: &str, details: Option<&str>) -> Response {
    (status, axum::Json(graph_error_body(code, message, details))).into_response()
}

fn graph_error_body(code: i64, message: &str, details: Option<&str>) -> Value {
    let mut error = json!({
        "message": message, "type": "OAuthException", "code": code, "fbtrace_id": "Afake"
    });
    if let Some(details) = details {
        error["error_data"] = json!({ "messaging_product": "whatsapp", "details": details });
    }
    json!({ "error": error })
}

fn unauthorized() -> Response {
    graph_error(
        StatusCode::UNAUTHORIZED,
        190,
        "Invalid OAuth access token - Cannot parse access token",
        None,
    )
}

fn invalid_parameter(details: &str) -> Response {
    graph_error(
        StatusCode::BAD_REQUEST,
        100,
        "(#100) Invalid parameter",
        Some(details),
    )
}

fn not_valid(details: String) -> Response {
    graph_error(
        StatusCode::BAD_REQUEST,
        131009,
        "(#131009) Parameter value is not valid",
        Some(&details),
    )
}

fn failure_response(failure: Failure) -> Response {
    match failure {
        Failure::RateLimited => graph_error(
            StatusCode::TOO_MANY_REQUESTS,
            130429,
            "(#130429) Rate limit hit",
            Some("Cloud API message throughput has been reached."),
        ),
        Failure::PairRateLimited => graph_error(
            StatusCode::BAD_REQUEST,
            131056,
            "(#131056) (Business Account, Consumer Account) pair rate limit hit",
            Some(
                "Message failed to send because there were too many messages sent from this \
                 phone number to the same phone number in a short period of time.",
            ),
        ),
        Failure::ReEngagement => graph_error(
            StatusCode::BAD_REQUEST,
            131047,
            "(#131047) Re-engagement message",
            Some(
                "Message failed to send because more than 24 hours have passed since the \
                 customer last replied to this number.",
            ),
        ),
        Failure::ServerError => graph_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            1,
            "An unknown error occurred",
            None,
        ),
        Failure::Refused {
            http,
            code,
            subcode,
            message,
            details,
        } => {
            let mut body = graph_error_body(code, &message, Some(&details));
            if let Some(subcode) = subcode {
                body["error"]["error_subcode"] = json!(subcode);
            }
            (StatusCode::from_u16(http).unwrap(), axum::Json(body)).into_response()
        }
    }
}

fn authorized(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bearer {ACCESS_TOKEN}"))
}

fn path_of(uri: &Uri) -> String {
    uri.path_and_query()
        .map_or_else(|| uri.path().to_owned(), |p| p.as_str().to_owned())
}

/// Record a call, index send attempts by recipient, and wake waiters.
fn record(state: &AppState, mut call: Call, response: &Response) {
    call.status = response.status().as_u16();
    let mut inner = state.inner.lock().unwrap();
    inner.calls.push(call);
    let index = inner.calls.len() - 1;
    let call = &inner.calls[index];
    if call.method == "send" {
        let to = wa_id_of(call.body["to"].as_str().unwrap_or_default());
        inner.sent_by_recipient.entry(to).or_default().push(index);
    }
    drop(inner);
    state.called.notify_waiters();
}

async fn messages(
    State(state): State<AppState>,
    Path(phone_number_id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let parsed: Option<Value> = serde_json::from_slice(&body).ok();
    let body_json = parsed.clone().unwrap_or(Value::Null);
    let method = if body_json["status"] == "read" && body_json.get("to").is_none() {
        "read"
    } else {
        "send"
    };
    let mut call = Call {
        method: method.into(),
        path: path_of(&uri),
        body: body_json.clone(),
        status: 0,
        wamid: None,
        at: Instant::now(),
    };
    let response = if !authorized(&headers) {
        unauthorized()
    } else if phone_number_id != PHONE_NUMBER_ID {
        graph_error(
            StatusCode::BAD_REQUEST,
            100,
            &format!(
                "Unsupported post request. Object with ID '{phone_number_id}' does not exist, \
                 cannot be loaded due to missing permissions, or does not support this operation."
            ),
            None,
        )
    } else if parsed.is_none() {
        invalid_parameter("The request body is not valid JSON.")
    } else if method == "read" {
        if body_json["messaging_product"] != "whatsapp" || !body_json["message_id"].is_string() {
            invalid_parameter("messaging_product and message_id are required.")
        } else {
            axum::Json(json!({ "success": true })).into_response()
        }
    } else {
        let failure = state.inner.lock().unwrap().failures.pop_front();
        match failure {
            Some(failure) => failure_response(failure),
            None => match validate(&body_json).and_then(|()| {
                let inner = state.inner.lock().unwrap();
                templates::validate_against_templates(&inner.templates, &body_json)
            }) {
                Err(refusal) => refusal.response(),
                Ok(()) => {
                    let wamid = {
                        let mut inner = state.inner.lock().unwrap();
                        let n = inner.next_wamid;
                        inner.next_wamid += 1;
                        format!("wamid.HBgL{n:012}")
                    };
                    let to = body_json["to"].as_str().unwrap_or_default();
                    call.wamid = Some(wamid.clone());
                    axum::Json(json!({
                        "messaging_product": "whatsapp",
                        "contacts": [{ "input": to, "wa_id": wa_id_of(to) }],
                        "messages": [{ "id": wamid }]
                    }))
                    .into_response()
                }
            },
        }
    };
    record(&state, call, &response);
    response
}

fn chars(value: &Value) -> usize {
    value.as_str().map_or(0, |s| s.chars().count())
}

/// Why a send body is refused: code 100 "Invalid parameter" or 131009 "Parameter value is
/// not valid", with the details.
enum Refusal {
    Invalid(String),
    NotValid(String),
    /// A template error (132000 parameter count, 132001 not found/approved, 132012 format).
    Template(i64, String),
}

impl Refusal {
    fn response(self) -> Response {
        match self {
            Refusal::Invalid(details) => invalid_parameter(&details),
            Refusal::NotValid(details) => not_valid(details),
            Refusal::Template(code, details) => {
                let title = match code {
                    132000 => "Number of parameters does not match the expected number of params",
                    132001 => "Template name does not exist in the translation",
                    _ => "Parameter format does not match format in the created template",
                };
                graph_error(
                    StatusCode::BAD_REQUEST,
                    code,
                    &format!("(#{code}) {title}"),
                    Some(&details),
                )
            }
        }
    }
}

/// Check a send body against Meta's documented limits.
fn validate(body: &Value) -> Result<(), Refusal> {
    if body["messaging_product"] != "whatsapp" {
        return Err(Refusal::Invalid(
            "The parameter messaging_product is required and must be \"whatsapp\".".into(),
        ));
    }
    let to = body["to"].as_str().unwrap_or_default();
    if wa_id_of(to).is_empty() {
        return Err(Refusal::Invalid("The parameter to is required.".into()));
    }
    if let Some(kind) = body.get("recipient_type")
        && kind != "individual"
    {
        return Err(Refusal::NotValid(format!("Invalid recipient_type {kind}.")));
    }
    match body["type"].as_str().unwrap_or("text") {
        "text" => {
            let len = chars(&body["text"]["body"]);
            if !body["text"]["body"].is_string() || !(1..=4096).contains(&len) {
                return Err(Refusal::NotValid(format!(
                    "Text body length invalid ({len}). Min length: 1, Max length: 4096"
                )));
            }
            Ok(())
        }
        "interactive" => validate_interactive(&body["interactive"]).map_err(Refusal::NotValid),
        "image" => validate_image(&body["image"], true).map_err(Refusal::NotValid),
        "template" => {
            if !body["template"]["name"].is_string()
                || !body["template"]["language"]["code"].is_string()
            {
                return Err(Refusal::Invalid(
                    "template.name and template.language.code are required.".into(),
                ));
            }
            validate_template_components(&body["template"]["components"]).map_err(Refusal::NotValid)
        }
        other => Err(Refusal::Invalid(format!(
            "The fake does not accept messages of type {other:?}."
        ))),
    }
}

/// Body parameters are single-line text; quick-reply buttons carry a payload.
fn validate_template_components(components: &Value) -> Result<(), String> {
    for component in components.as_array().map(Vec::as_slice).unwrap_or_default() {
        let params = component["parameters"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        match component["type"].as_str().unwrap_or_default() {
            "body" => {
                for p in params {
                    let text = p["text"].as_str().unwrap_or_default();
                    if text.is_empty() || text.contains(['\n', '\t']) || text.contains("     ") {
                        return Err(format!(
                            "Param text cannot have new-line/tab characters or more than 4 consecutive spaces: {text:?}"
                        ));
                    }
                }
            }
            "button" => {
                if component["sub_type"] != "quick_reply"
                    || !params.iter().all(|p| p["payload"].is_string())
                {
                    return Err("Quick reply buttons need a payload".into());
                }
            }
            "header" => {
                let [param] = params else {
                    return Err("A header component takes one parameter".into());
                };
                if param["type"] != "image" {
                    return Err(format!(
                        "The fake takes image headers only, not {}",
                        param["type"]
                    ));
                }
                validate_image(&param["image"], false)?;
            }
            other => return Err(format!("Unknown component type {other}")),
        }
    }
    Ok(())
}

/// A media object sent by link: an https URL Meta can fetch; a caption only where allowed.
fn validate_image(image: &Value, caption_allowed: bool) -> Result<(), String> {
    let link = image["link"].as_str().unwrap_or_default();
    if !link.starts_with("https://") {
        return Err(format!("Image link must be an https URL: {link:?}"));
    }
    if image.get("caption").is_some() && !caption_allowed {
        return Err("A caption is not allowed here".into());
    }
    let caption = chars(&image["caption"]);
    if caption > 1024 {
        return Err(format!(
            "Caption length invalid ({caption}). Max length: 1024"
        ));
    }
    Ok(())
}

fn validate_interactive(interactive: &Value) -> Result<(), String> {
    let body_len = chars(&interactive["body"]["text"]);
    if !interactive["body"]["text"].is_string() || !(1..=1024).contains(&body_len) {
        return Err(format!(
            "Body text length invalid ({body_len}). Min length: 1, Max length: 1024"
        ));
    }
    if let Some(footer) = interactive.get("footer")
        && chars(&footer["text"]) > 60
    {
        return Err("Footer text length invalid. Max length: 60".into());
    }
    if let Some(header) = interactive.get("header")
        && header["type"] == "text"
        && chars(&header["text"]) > 60
    {
        return Err("Header text length invalid. Max length: 60".into());
    }
    if let Some(header) = interactive.get("header")
        && header["type"] == "image"
    {
        if interactive["type"] != "button" {
            return Err("Header type image is only supported for button messages".into());
        }
        validate_image(&header["image"], false)?;
    }
    match interactive["type"].as_str().unwrap_or_default() {
        "button" => validate_buttons(&interactive["action"]),
        "list" => validate_list(&interactive["action"]),
        other => Err(format!(
            "The fake does not accept interactive messages of type {other:?}."
        )),
    }
}

fn validate_buttons(action: &Value) -> Result<(), String> {
    let buttons = action["buttons"].as_array().cloned().unwrap_or_default();
    if !(1..=3).contains(&buttons.len()) {
        return Err(format!(
            "Invalid buttons count ({}). Min allowed buttons: 1, Max allowed buttons: 3",
            buttons.len()
        ));
    }
    let mut titles = HashSet::new();
    let mut ids = HashSet::new();
    for button in &buttons {
        if button["type"] != "reply" {
            return Err(format!("Invalid button type {}", button["type"]));
        }
        let reply = &button["reply"];
        let title = reply["title"].as_str().unwrap_or_default();
        let title_len = title.chars().count();
        if !(1..=20).contains(&title_len) {
            return Err(format!(
                "Button title length invalid ({title:?}, {title_len}). Min length: 1, Max length: 20"
            ));
        }
        if !titles.insert(title.to_owned()) {
            return Err(format!("Duplicate button title {title:?}"));
        }
        let id = reply["id"].as_str().unwrap_or_default();
        let id_len = id.chars().count();
        if !(1..=256).contains(&id_len) {
            return Err(format!(
                "Button id length invalid ({id_len}). Min length: 1, Max length: 256"
            ));
        }
        if !ids.insert(id.to_owned()) {
            return Err(format!("Duplicate button id {id:?}"));
        }
    }
    Ok(())
}

fn validate_list(action: &Value) -> Result<(), String> {
    let button_len = chars(&action["button"]);
    if !(1..=20).contains(&button_len) {
        return Err(format!(
            "Button label length invalid ({}, {button_len}). Min length: 1, Max length: 20",
            action["button"]
        ));
    }
    let sections = action["sections"].as_array().cloned().unwrap_or_default();
    if !(1..=10).contains(&sections.len()) {
        return Err(format!(
            "Invalid sections count ({}). Min: 1, Max: 10",
            sections.len()
        ));
    }
    let mut rows_total = 0;
    let mut ids = HashSet::new();
    for section in &sections {
        if sections.len() > 1 && !section["title"].is_string() {
            return Err("Section title is required when there is more than one section".into());
        }
        if chars(&section["title"]) > 24 {
            return Err("Section title length invalid. Max length: 24".into());
        }
        let rows = section["rows"].as_array().cloned().unwrap_or_default();
        if rows.is_empty() {
            return Err("Each section needs at least one row".into());
        }
        rows_total += rows.len();
        for row in &rows {
            let title = row["title"].as_str().unwrap_or_default();
            let title_len = title.chars().count();
            if !(1..=24).contains(&title_len) {
                return Err(format!(
                    "Row title length invalid ({title:?}, {title_len}). Min length: 1, Max length: 24"
                ));
            }
            let description_len = chars(&row["description"]);
            if description_len > 72 {
                return Err(format!(
                    "Row description length invalid ({description_len}). Max length: 72"
                ));
            }
            let id = row["id"].as_str().unwrap_or_default();
            let id_len = id.chars().count();
            if !(1..=200).contains(&id_len) {
                return Err(format!(
                    "Row id length invalid ({id_len}). Min length: 1, Max length: 200"
                ));
            }
            if !ids.insert(id.to_owned()) {
                return Err(format!("Duplicate row id {id:?}"));
            }
        }
    }
    if rows_total > 10 {
        return Err(format!(
            "Total row count exceed max allowed count: 10 ({rows_total})"
        ));
    }
    Ok(())
}

async fn media(
    State(state): State<AppState>,
    Path(media_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let call = Call {
        method: "media".into(),
        path: path_of(&uri),
        body: json!(query),
        status: 0,
        wamid: None,
        at: Instant::now(),
    };
    let response = if !authorized(&headers) {
        unauthorized()
    } else {
        let mut inner = state.inner.lock().unwrap();
        match inner.media.get_mut(&media_id) {
            Some(media) => {
                let token = uuid::Uuid::new_v4().simple().to_string();
                media.token = Some(token.clone());
                axum::Json(json!({
                    "messaging_product": "whatsapp",
                    "url": format!("http://{}/media-download/{media_id}?token={token}", state.addr),
                    "mime_type": media.mime,
                    "sha256": hex::encode(Sha256::digest(&media.bytes)),
                    "file_size": media.bytes.len(),
                    "id": media_id
                }))
                .into_response()
            }
            None => invalid_parameter(&format!(
                "Unsupported get request. Object with ID '{media_id}' does not exist, cannot be \
                 loaded due to missing permissions, or does not support this operation."
            )),
        }
    };
    record(&state, call, &response);
    response
}

async fn download(
    State(state): State<AppState>,
    Path(media_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let call = Call {
        method: "download".into(),
        path: path_of(&uri),
        body: json!(query),
        status: 0,
        wamid: None,
        at: Instant::now(),
    };
    let response = if !authorized(&headers) {
        unauthorized()
    } else {
        let mut inner = state.inner.lock().unwrap();
        let expired = std::mem::take(&mut inner.expire_next_download);
        match inner.media.get(&media_id) {
            Some(media)
                if !expired
                    && media.token.is_some()
                    && query.get("token") == media.token.as_ref() =>
            {
                (
                    [(header::CONTENT_TYPE, media.mime.clone())],
                    media.bytes.clone(),
                )
                    .into_response()
            }
            _ => (StatusCode::NOT_FOUND, "Not Found").into_response(),
        }
    };
    record(&state, call, &response);
    response
}

async fn unsupported(uri: Uri, headers: HeaderMap) -> Response {
    if !authorized(&headers) {
        return unauthorized();
    }
    graph_error(
        StatusCode::BAD_REQUEST,
        100,
        &format!("Unsupported request to {}", uri.path()),
        None,
    )
}

/// Webhook payloads as Meta sends them (field `messages`).
pub mod payloads {
    use super::{APP_SECRET, DISPLAY_PHONE_NUMBER, PHONE_NUMBER_ID};
    use hmac::{Hmac, Mac};
    use serde_json::{Value, json};
    use sha2::Sha256;

    /// The WhatsApp Business Account id in `entry[].id`.
    pub const WABA_ID: &str = "2045678901";
    /// The wamid that interactive replies carry in `context.id` (see `with_context`).
    pub const CONTEXT_WAMID: &str = "wamid.HBgLcontext";

    /// Now, in Unix seconds as a string, as Meta writes timestamps.
    pub fn timestamp() -> String {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            .to_string()
    }

    /// The whole webhook body: one entry with one change per value.
    pub fn envelope(values: Vec<Value>) -> Value {
        let changes: Vec<Value> = values
            .into_iter()
            .map(|value| json!({ "value": value, "field": "messages" }))
            .collect();
        json!({
            "object": "whatsapp_business_account",
            "entry": [{ "id": WABA_ID, "changes": changes }]
        })
    }

    /// A change's value; `contacts` lists each distinct sender of `messages`. Empty
    /// `messages` or `statuses` are left out, as Meta does.
    pub fn value(messages: Vec<Value>, statuses: Vec<Value>) -> Value {
        let mut value = json!({
            "messaging_product": "whatsapp",
            "metadata": {
                "display_phone_number": DISPLAY_PHONE_NUMBER,
                "phone_number_id": PHONE_NUMBER_ID
            }
        });
        if !messages.is_empty() {
            let mut senders: Vec<&str> = Vec::new();
            for message in &messages {
                let from = message["from"].as_str().unwrap_or_default();
                if !senders.contains(&from) {
                    senders.push(from);
                }
            }
            let contacts: Vec<Value> = senders
                .iter()
                .map(|wa_id| json!({ "profile": { "name": "Siti" }, "wa_id": wa_id }))
                .collect();
            value["contacts"] = json!(contacts);
            value["messages"] = json!(messages);
        }
        if !statuses.is_empty() {
            value["statuses"] = json!(statuses);
        }
        value
    }

    fn message(wamid: &str, from: &str, kind: &str, content: Value) -> Value {
        let mut message = json!({
            "from": from, "id": wamid, "timestamp": timestamp(), "type": kind
        });
        message[kind] = content;
        message
    }

    /// Mark a message as a reply to `context_wamid` (a message the business sent).
    pub fn with_context(mut message: Value, context_wamid: &str) -> Value {
        message["context"] = json!({ "from": DISPLAY_PHONE_NUMBER, "id": context_wamid });
        message
    }

    /// A press on a template's quick-reply button: its text, and the payload we sent with it.
    pub fn template_button(wamid: &str, from: &str, text: &str, payload: &str) -> Value {
        message(
            wamid,
            from,
            "button",
            json!({ "text": text, "payload": payload }),
        )
    }

    pub fn text(wamid: &str, from: &str, body: &str) -> Value {
        message(wamid, from, "text", json!({ "body": body }))
    }

    /// A press on a reply button; carries `context` pointing at `CONTEXT_WAMID`.
    pub fn button_reply(wamid: &str, from: &str, id: &str, title: &str) -> Value {
        with_context(
            message(
                wamid,
                from,
                "interactive",
                json!({ "type": "button_reply", "button_reply": { "id": id, "title": title } }),
            ),
            CONTEXT_WAMID,
        )
    }

    /// A choice from a list; carries `context` pointing at `CONTEXT_WAMID`.
    pub fn list_reply(wamid: &str, from: &str, id: &str, title: &str) -> Value {
        with_context(
            message(
                wamid,
                from,
                "interactive",
                json!({ "type": "list_reply", "list_reply": { "id": id, "title": title } }),
            ),
            CONTEXT_WAMID,
        )
    }

    pub fn image(wamid: &str, from: &str, media_id: &str, mime: &str, sha256_hex: &str) -> Value {
        message(
            wamid,
            from,
            "image",
            json!({ "mime_type": mime, "sha256": sha256_hex, "id": media_id }),
        )
    }

    pub fn document(
        wamid: &str,
        from: &str,
        media_id: &str,
        mime: &str,
        filename: &str,
        sha256_hex: &str,
    ) -> Value {
        message(
            wamid,
            from,
            "document",
            json!({ "filename": filename, "mime_type": mime, "sha256": sha256_hex, "id": media_id }),
        )
    }

    pub fn sticker(wamid: &str, from: &str) -> Value {
        message(
            wamid,
            from,
            "sticker",
            json!({
                "mime_type": "image/webp",
                "sha256": "6b3f1e1cb2a1b0a6c9d4e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1",
                "id": "sticker-media-1",
                "animated": false
            }),
        )
    }

    pub fn location(wamid: &str, from: &str) -> Value {
        message(
            wamid,
            from,
            "location",
            json!({
                "latitude": -8.7057, "longitude": 116.2701,
                "name": "Pasar Praya", "address": "Praya, Lombok Tengah"
            }),
        )
    }

    pub fn reaction(wamid: &str, from: &str, to_wamid: &str) -> Value {
        message(
            wamid,
            from,
            "reaction",
            json!({ "message_id": to_wamid, "emoji": "\u{1F44D}" }),
        )
    }

    /// A delivery status for a message the business sent. `failed` (or any status given
    /// an `error_code`) carries `errors[{code,title,message,error_data{details},href}]`;
    /// `sent` and `delivered` carry `conversation` and `pricing`, as Meta's do.
    pub fn status(wamid: &str, recipient: &str, status: &str, error_code: Option<i64>) -> Value {
        let mut value = json!({
            "id": wamid, "status": status, "timestamp": timestamp(), "recipient_id": recipient
        });
        if status == "sent" || status == "delivered" {
            value["conversation"] = json!({
                "id": "c0nversation1d", "origin": { "type": "service" }
            });
            if status == "sent" {
                value["conversation"]["expiration_timestamp"] =
                    json!((timestamp().parse::<u64>().unwrap() + 24 * 3600).to_string());
            }
            value["pricing"] = json!({
                "billable": false, "pricing_model": "PMP", "category": "service",
                "type": "free_customer_service"
            });
        }
        if status == "failed" || error_code.is_some() {
            let code = error_code.unwrap_or(131000);
            let (title, details) = match code {
                131047 => (
                    "Re-engagement message",
                    "Message failed to send because more than 24 hours have passed since the \
                     customer last replied to this number.",
                ),
                131026 => (
                    "Message undeliverable",
                    "Message failed to send because the recipient could not be reached.",
                ),
                131056 => (
                    "(Business Account, Consumer Account) pair rate limit hit",
                    "Message failed to send because there were too many messages sent from \
                     this phone number to the same phone number in a short period of time.",
                ),
                130429 => (
                    "Rate limit hit",
                    "Cloud API message throughput has been reached.",
                ),
                131049 => (
                    "This message was not delivered to maintain healthy ecosystem engagement.",
                    "In order to maintain a healthy ecosystem engagement, the message failed \
                     to be delivered.",
                ),
                _ => (
                    "Something went wrong",
                    "Message failed to send because of an unknown error.",
                ),
            };
            value["errors"] = json!([{
                "code": code,
                "title": title,
                "message": title,
                "error_data": { "details": details },
                "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
            }]);
        }
        value
    }

    /// The `X-Hub-Signature-256` header value for a raw body: "sha256=<hex HMAC-SHA256>"
    /// keyed with `APP_SECRET`.
    pub fn sign(body: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(APP_SECRET.as_bytes()).unwrap();
        mac.update(body);
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    }
}
