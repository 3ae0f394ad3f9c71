//! The webhook payload Meta sends (field "messages"), as far as Pandu reads it.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Envelope {
    #[serde(default)]
    pub entry: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
pub struct Entry {
    #[serde(default)]
    pub changes: Vec<Change>,
}

#[derive(Debug, Deserialize)]
pub struct Change {
    #[serde(default)]
    pub field: String,
    pub value: ChangeValue,
}

#[derive(Debug, Deserialize)]
pub struct ChangeValue {
    /// Kept raw: each message is stored as Meta sent it and read by the worker.
    #[serde(default)]
    pub messages: Vec<serde_json::Value>,
    #[serde(default)]
    pub statuses: Vec<Status>,
}

#[derive(Debug, Deserialize)]
pub struct Status {
    pub id: String,
    pub status: String,
    #[serde(default)]
    pub errors: Vec<StatusError>,
}

#[derive(Debug, Deserialize)]
pub struct StatusError {
    pub code: i64,
}

/// One inbound message (a `messages[]` item).
#[derive(Debug, Deserialize)]
pub struct Message {
    pub from: String,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub text: Option<Text>,
    pub interactive: Option<Interactive>,
    pub button: Option<TemplateButton>,
    pub image: Option<Media>,
    pub document: Option<Media>,
}

#[derive(Debug, Deserialize)]
pub struct Text {
    pub body: String,
}

#[derive(Debug, Deserialize)]
pub struct Interactive {
    pub button_reply: Option<Reply>,
    pub list_reply: Option<Reply>,
}

#[derive(Debug, Deserialize)]
pub struct Reply {
    pub id: String,
}

/// A quick-reply button of a template message: its text is the answer.
#[derive(Debug, Deserialize)]
pub struct TemplateButton {
    pub text: String,
    /// The payload we gave the button when sending the template (our button id).
    #[serde(default)]
    pub payload: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Media {
    pub id: String,
    pub sha256: Option<String>,
}
