//! Why a message was not delivered (or not yet), as stored in `outbox.last_error` and
//! logged. Only kinds and fixed texts can be one: a platform's response body can quote the
//! user's text or number, so it has no way in.

use super::telegram::error::TelegramError;
use super::whatsapp::error::WaError;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Telegram(TelegramError),
    Whatsapp(WaError),
    /// Pandu's own rule or check; a fixed text.
    Rule(&'static str),
}

impl Reason {
    /// The platform's HTTP status, where there was one: for the logs, next to the kind.
    pub fn status(self) -> Option<u16> {
        match self {
            Self::Telegram(e) => e.status(),
            Self::Whatsapp(e) => e.status(),
            Self::Rule(_) => None,
        }
    }
}

impl From<TelegramError> for Reason {
    fn from(error: TelegramError) -> Self {
        Self::Telegram(error)
    }
}

impl From<WaError> for Reason {
    fn from(error: WaError) -> Self {
        Self::Whatsapp(error)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Telegram(e) => e.fmt(f),
            Self::Whatsapp(e) => e.fmt(f),
            Self::Rule(text) => f.write_str(text),
        }
    }
}
