//! The console channel: `pandu chat`. A friendly terminal chat, or with `--json` a line
//! protocol for scripts and tests:
//!
//! in:  `{"text": "..."}` | `{"button": "<id>"}` | `{"file": "<path>", "caption": "..."}` | a bare line (text)
//! out: `{"text": "...", "buttons": [{"id": "...", "label": "..."}]}` per bot message

use crate::domain::{ChannelKind, UserKey};
use crate::message::OutMessage;
use crate::service::{Inbound, RawInput, Service, ServiceError};
use crate::store;
use serde::Deserialize;
use std::io::Write;
use std::path::Path;
use time::{Duration, OffsetDateTime};
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error("console I/O: {0}")]
    Io(#[from] std::io::Error),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum JsonLine {
    Button {
        button: String,
    },
    File {
        file: String,
        #[allow(dead_code)]
        caption: Option<String>,
    },
    Text {
        text: String,
    },
}

pub struct Console<'a, W: Write> {
    service: &'a Service,
    user: UserKey,
    json: bool,
    out: W,
}

impl<'a, W: Write> Console<'a, W> {
    pub fn new(service: &'a Service, user: UserKey, json: bool, out: W) -> Self {
        Self {
            service,
            user,
            json,
            out,
        }
    }

    /// Read lines until the input ends; every reply is printed before returning.
    pub async fn run(mut self, input: impl AsyncBufRead + Unpin) -> Result<(), ConsoleError> {
        if !self.json {
            writeln!(self.out, "{}", self.say("console-intro"))?;
        }
        // Replies queued before an earlier run ended (a crash, a kill) are shown first.
        self.deliver().await?;
        let mut lines = input.lines();
        self.prompt()?;
        while let Some(line) = lines.next_line().await? {
            if line.trim().is_empty() {
                self.prompt()?;
                continue;
            }
            let raw = self.parse_line(&line);
            let inbound = Inbound {
                channel: ChannelKind::Console,
                user: self.user.clone(),
                message_id: uuid::Uuid::new_v4().to_string(),
                input: raw,
                sender_phone: None,
                acks: Vec::new(),
                at: OffsetDateTime::now_utc(),
            };
            self.service.handle(inbound).await?;
            self.deliver().await?;
            self.prompt()?;
        }
        Ok(())
    }

    fn parse_line(&self, line: &str) -> RawInput {
        if self.json {
            match serde_json::from_str::<JsonLine>(line) {
                Ok(JsonLine::Button { button }) => RawInput::Button(button),
                Ok(JsonLine::Text { text }) => RawInput::Text(text),
                Ok(JsonLine::File { file, .. }) => self.read_file(Path::new(&file)),
                Err(_) => RawInput::Text(line.to_owned()),
            }
        } else {
            match existing_file(line) {
                Some(path) => self.read_file(&path),
                None => RawInput::Text(line.to_owned()),
            }
        }
    }

    fn read_file(&self, path: &Path) -> RawInput {
        let limit = self.service.settings.document_max_bytes;
        match std::fs::metadata(path) {
            Ok(meta) if meta.len() > limit => RawInput::FileTooLarge,
            Ok(_) => match std::fs::read(path) {
                Ok(bytes) => RawInput::File(bytes),
                Err(e) => self.unreadable(path, e),
            },
            Err(e) => self.unreadable(path, e),
        }
    }

    /// A path that cannot be read reaches the bot as an empty file, which it refuses politely;
    /// the operator sees why on stderr.
    fn unreadable(&self, path: &Path, e: std::io::Error) -> RawInput {
        eprintln!("pandu chat: cannot read {}: {e}", path.display());
        RawInput::File(Vec::new())
    }

    async fn deliver(&mut self) -> Result<(), ConsoleError> {
        let store = &self.service.store;
        loop {
            let now = OffsetDateTime::now_utc();
            let batch = store::outbox::claim(
                store,
                ChannelKind::Console,
                Some(&self.user),
                store::outbox::Lane::Any,
                50,
                Duration::seconds(30),
                now,
            )
            .await?;
            if batch.is_empty() {
                return Ok(());
            }
            for message in batch {
                if let Some(text) = message.outgoing.message() {
                    self.print(text)?;
                }
                let now = OffsetDateTime::now_utc();
                store::outbox::mark_one_sent(store, &message, ChannelKind::Console, now).await?;
            }
        }
    }

    fn print(&mut self, message: &OutMessage) -> std::io::Result<()> {
        if self.json {
            // The line protocol is text and buttons; a template is a WhatsApp matter.
            let shown = OutMessage {
                template: None,
                ..message.clone()
            };
            let line = serde_json::to_string(&shown).map_err(std::io::Error::other)?;
            writeln!(self.out, "{line}")?;
        } else {
            writeln!(
                self.out,
                "\nPandu: {}",
                message.text.replace('\n', "\n       ")
            )?;
            for (i, button) in message.buttons.iter().enumerate() {
                writeln!(self.out, "   {}. {}", i + 1, button.label)?;
            }
        }
        self.out.flush()
    }

    /// Console-only text, in the service's default language.
    fn say(&self, id: &'static str) -> String {
        let locale = self.service.settings.default_locale;
        self.service
            .texts
            .render(locale, &crate::flow::Msg::new(id))
    }

    fn prompt(&mut self) -> std::io::Result<()> {
        if !self.json {
            let you = self.say("console-you");
            write!(self.out, "\n{you}: ")?;
            self.out.flush()?;
        }
        Ok(())
    }
}

/// In the terminal chat a document is sent by typing (or dropping) its path.
fn existing_file(line: &str) -> Option<std::path::PathBuf> {
    let trimmed = line.trim().trim_matches(|c| c == '\'' || c == '"');
    let path = trimmed.strip_prefix("file://").unwrap_or(trimmed);
    let looks_like_path = path.contains('/') || path.contains('.');
    let path = Path::new(path);
    (looks_like_path && path.is_file()).then(|| path.to_path_buf())
}
