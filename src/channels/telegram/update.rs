//! What a Telegram update means for Pandu: pure, no I/O.

use crate::domain::UserKey;
use teloxide::types::{CallbackQuery, ChatMemberUpdated, Message, Update, UpdateKind};

/// A file the user sent: the largest photo size, or a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRef {
    pub file_id: String,
    /// As declared by Telegram; checked against the limit before downloading.
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TgInput {
    Text(String),
    Button(String),
    File(FileRef),
    /// The user's own number from "share my number".
    Contact(String),
    /// Stickers, voice, video, location, someone else's contact…
    Unsupported,
}

/// The question message a pressed button belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pressed {
    pub callback_id: String,
    pub message_id: String,
    pub question: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Classified {
    /// Groups, channels, edits, our own echoes: nothing to do.
    Ignore,
    Blocked(UserKey),
    Unblocked(UserKey),
    Event {
        user: UserKey,
        input: TgInput,
        pressed: Option<Pressed>,
    },
}

/// The ordering key of an update: its chat, so one chat's updates run one after another.
/// Just what the webhook needs to file an update: its id and its chat. The whole update is
/// read once, later, by the inbox worker.
#[derive(Debug, serde::Deserialize)]
pub struct Routing {
    pub update_id: i64,
    message: Option<InChat>,
    callback_query: Option<Callback>,
    my_chat_member: Option<InChat>,
}

#[derive(Debug, serde::Deserialize)]
struct InChat {
    chat: ChatRef,
}

#[derive(Debug, serde::Deserialize)]
struct ChatRef {
    id: i64,
}

#[derive(Debug, serde::Deserialize)]
struct Callback {
    message: Option<InChat>,
}

impl Routing {
    /// The per-chat ordering key, as `chat_key` gives it for the parsed update.
    pub fn chat_key(&self) -> String {
        let chat = self
            .message
            .as_ref()
            .or(self.my_chat_member.as_ref())
            .or(self
                .callback_query
                .as_ref()
                .and_then(|c| c.message.as_ref()));
        chat.map(|c| c.chat.id.to_string()).unwrap_or_default()
    }
}

pub fn chat_key(update: &Update) -> String {
    update
        .chat()
        .map(|c| c.id.0.to_string())
        .unwrap_or_default()
}

pub fn classify(update: &Update) -> Classified {
    match &update.kind {
        UpdateKind::Message(message) => from_message(message),
        UpdateKind::CallbackQuery(query) => from_callback(query),
        UpdateKind::MyChatMember(change) => from_membership(change),
        _ => Classified::Ignore,
    }
}

fn from_message(message: &Message) -> Classified {
    let Some(sender) = message.from.as_ref().filter(|u| !u.is_bot) else {
        return Classified::Ignore;
    };
    if !message.chat.is_private() {
        return Classified::Ignore;
    }
    let user = UserKey::new(message.chat.id.0.to_string());
    let input = if let Some(text) = message.text() {
        TgInput::Text(text.to_owned())
    } else if let Some(largest) = message
        .photo()
        .and_then(|sizes| sizes.iter().max_by_key(|p| p.width * p.height))
    {
        TgInput::File(FileRef {
            file_id: largest.file.id.0.clone(),
            size: u64::from(largest.file.size),
        })
    } else if let Some(document) = message.document() {
        TgInput::File(FileRef {
            file_id: document.file.id.0.clone(),
            size: u64::from(document.file.size),
        })
    } else if let Some(contact) = message.contact() {
        // Only the sender's own number is accepted; a forwarded contact is someone else's.
        match contact.user_id {
            Some(id) if id == sender.id => TgInput::Contact(contact.phone_number.clone()),
            _ => TgInput::Unsupported,
        }
    } else {
        TgInput::Unsupported
    };
    Classified::Event {
        user,
        input,
        pressed: None,
    }
}

fn from_callback(query: &CallbackQuery) -> Classified {
    let Some(message) = query.message.as_ref() else {
        return Classified::Ignore;
    };
    if !message.chat().is_private() {
        return Classified::Ignore;
    }
    let Some(data) = query.data.clone() else {
        return Classified::Ignore;
    };
    let regular = message.regular_message();
    let label = regular
        .and_then(|m| m.reply_markup())
        .and_then(|markup| {
            markup
                .inline_keyboard
                .iter()
                .flatten()
                .find_map(|b| match &b.kind {
                    teloxide::types::InlineKeyboardButtonKind::CallbackData(d) if *d == data => {
                        Some(b.text.clone())
                    }
                    _ => None,
                })
        })
        .unwrap_or_else(|| data.clone());
    let pressed = Pressed {
        callback_id: query.id.0.clone(),
        message_id: message.id().0.to_string(),
        // Under a photo the question is its caption.
        question: regular
            .and_then(|m| m.text().or(m.caption()))
            .unwrap_or_default()
            .to_owned(),
        label,
    };
    let user = UserKey::new(message.chat().id.0.to_string());
    Classified::Event {
        user,
        input: TgInput::Button(data),
        pressed: Some(pressed),
    }
}

/// In a private chat this update only comes when the user blocks or unblocks the bot.
fn from_membership(change: &ChatMemberUpdated) -> Classified {
    if !change.chat.is_private() {
        return Classified::Ignore;
    }
    let user = UserKey::new(change.chat.id.0.to_string());
    let member = &change.new_chat_member;
    if member.is_banned() || member.is_left() {
        Classified::Blocked(user)
    } else {
        Classified::Unblocked(user)
    }
}
