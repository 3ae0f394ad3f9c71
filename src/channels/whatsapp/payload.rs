//! The webhook payload Meta sends (field "messages"), as far as Pandu reads it.

use crate::channels::fault::JsonFault;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
pub struct Envelope {
    #[serde(default)]
    pub entry: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
pub struct Entry {
    /// Kept raw, like the items below: a change that does not parse costs only itself.
    #[serde(default)]
    pub changes: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
pub struct Change {
    #[serde(default)]
    pub field: String,
    pub value: ChangeValue,
}

/// The items of a change, raw: each is parsed on its own, so one malformed item drops only
/// itself and not the signed batch it came in.
#[derive(Debug, Deserialize)]
pub struct ChangeValue {
    #[serde(default)]
    pub messages: Vec<serde_json::Value>,
    #[serde(default)]
    pub statuses: Vec<serde_json::Value>,
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

/// Which kind of item was left out of a webhook batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Change,
    Message,
    Status,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Change => "change",
            Self::Message => "message",
            Self::Status => "status",
        }
    }
}

/// An item that did not parse: where it was and what kind of fault, nothing of its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub kind: ItemKind,
    /// The change's position among all changes of the body.
    pub change: usize,
    /// The item's position in its change's array (0 for a change itself).
    pub index: usize,
    pub fault: JsonFault,
}

/// A message as it came, with what the intake needs of it.
pub struct Arrived {
    pub raw: Value,
    pub message: Message,
}

/// The items of a webhook body that parsed, in order, and those that did not.
#[derive(Default)]
pub struct Batch {
    pub messages: Vec<Arrived>,
    pub statuses: Vec<Status>,
    pub skipped: Vec<Skipped>,
}

impl Envelope {
    /// Every item of every `messages` change, each parsed on its own.
    pub fn into_batch(self) -> Batch {
        let mut batch = Batch::default();
        let changes = self.entry.into_iter().flat_map(|e| e.changes).enumerate();
        for (position, raw) in changes {
            match serde_json::from_value::<Change>(raw) {
                Ok(change) if change.field == "messages" => batch.add(position, change.value),
                Ok(_) => {}
                Err(e) => batch.skip(ItemKind::Change, position, 0, &e),
            }
        }
        batch
    }
}

impl Batch {
    fn add(&mut self, position: usize, value: ChangeValue) {
        for (index, raw) in value.messages.into_iter().enumerate() {
            match Message::deserialize(&raw) {
                Ok(message) => self.messages.push(Arrived { raw, message }),
                Err(e) => self.skip(ItemKind::Message, position, index, &e),
            }
        }
        for (index, raw) in value.statuses.into_iter().enumerate() {
            match serde_json::from_value::<Status>(raw) {
                Ok(status) => self.statuses.push(status),
                Err(e) => self.skip(ItemKind::Status, position, index, &e),
            }
        }
    }

    fn skip(&mut self, kind: ItemKind, change: usize, index: usize, error: &serde_json::Error) {
        self.skipped.push(Skipped {
            kind,
            change,
            index,
            fault: JsonFault::of(error),
        });
    }
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
