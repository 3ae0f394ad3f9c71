//! What reaches the flow: one user action, already parsed from its channel's payload.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Jpeg,
    Png,
    Webp,
    Pdf,
}

impl FileKind {
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
            Self::Pdf => "application/pdf",
        }
    }

    pub fn from_mime(mime: &str) -> Option<Self> {
        [Self::Jpeg, Self::Png, Self::Webp, Self::Pdf]
            .into_iter()
            .find(|k| k.mime() == mime)
    }
}

/// A document that passed the checks: its content address, real type and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentFile {
    pub sha256: String,
    pub kind: FileKind,
    pub size: u64,
}

/// Why a file was refused; each gets its own polite answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge { limit_mb: u64 },
    NotAllowed,
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileCheck {
    Accepted(DocumentFile),
    Rejected(FileProblem),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Text(String),
    /// A pressed button.
    Button(super::ButtonId),
    File(FileCheck),
    /// Stickers, voice notes, locations and the like.
    Unsupported,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub input: Input,
    pub at: OffsetDateTime,
}
