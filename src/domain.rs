//! Small domain types shared by every layer: channels, identities, ids.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a conversation happens. Stored as text; adding a channel adds a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    Console,
    Telegram,
    Whatsapp,
}

impl ChannelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Console => "console",
            Self::Telegram => "telegram",
            Self::Whatsapp => "whatsapp",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "console" => Some(Self::Console),
            "telegram" => Some(Self::Telegram),
            "whatsapp" => Some(Self::Whatsapp),
            _ => None,
        }
    }

    /// The longest text one message may carry on this channel, with a margin.
    pub fn max_text_chars(self) -> usize {
        match self {
            // Console has no hard limit; keep the same size as phones see.
            Self::Console | Self::Telegram => 4000,
            // A WhatsApp message with buttons holds at most 1024 characters of text.
            Self::Whatsapp => 1024,
        }
    }
}

impl fmt::Display for ChannelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The user's identity within one channel (chat id, wa_id, console user name).
/// Personal data: never logged.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserKey(String);

impl UserKey {
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UserKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UserKey(..)")
    }
}

/// An `i64` id newtype: transparent in serde, shown as its number.
macro_rules! id_type {
    ($name:ident) => {
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            ::serde::Serialize,
            ::serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}
pub(crate) use id_type;

id_type!(ConversationId);
id_type!(LeadId);
id_type!(OutboxId);
id_type!(DocumentId);

/// The language a conversation is held in. Bahasa Indonesia first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    #[default]
    Id,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Id, Locale::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "indonesia" | "bahasa" => Some(Self::Id),
            "en" | "english" | "inggris" => Some(Self::En),
            _ => None,
        }
    }
}

/// WhatsApp's customer-service window: free-form messages only this long after the
/// contact last wrote; templates outside it.
pub const WHATSAPP_WINDOW: time::Duration = time::Duration::hours(24);

/// What a timer does when it comes due (see `store::timers`). Stored as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimerKind {
    /// Put a referral in front of the next consultant.
    OfferReferral,
    /// Remind the consultant of an unanswered offer, at half the time.
    RemindOffer,
    /// The offer's time is up: it moves on.
    ExpireOffer,
    /// A follow-up of a conversation (`store::follow_ups`) comes due.
    FollowUp,
}

impl TimerKind {
    pub const ALL: [TimerKind; 4] = [
        Self::OfferReferral,
        Self::RemindOffer,
        Self::ExpireOffer,
        Self::FollowUp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OfferReferral => "offer_referral",
            Self::RemindOffer => "remind_offer",
            Self::ExpireOffer => "expire_offer",
            Self::FollowUp => "follow_up",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}
