//! What a failed Bot API call means, as a kind with a stable short form for
//! `outbox.last_error` and the logs. Telegram's `description` is read to find the kind and
//! then dropped: some descriptions quote the message back (entity errors), and teloxide's
//! own error text carries the description, or for bad JSON the whole response body.

use std::fmt;
use teloxide::{ApiError, RequestError};

/// One failed call, as far as Pandu acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TelegramError {
    /// 429: wait this many seconds.
    RateLimited {
        retry_after: u32,
    },
    /// 403 and friends: this chat will take nothing more.
    Blocked(Gone),
    ChatNotFound,
    /// 400, of a known class or not.
    BadRequest(BadRequest),
    /// Another 403.
    Forbidden,
    /// The token is wrong (401, or 404 for the bot).
    Unauthorized,
    /// 409: a webhook is set, or another poller runs.
    Conflict,
    /// 5xx.
    Server(u16),
    /// Another status, known from the description's prefix (413…).
    Http(u16),
    /// An error description of no known class or status.
    Unknown,
    /// A group became a supergroup.
    Migrated,
    Timeout,
    Network,
    /// An answer that is not the Bot API's JSON.
    Decode,
    Io,
}

/// Why a chat can no longer be written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gone {
    BotBlocked,
    UserDeactivated,
    CantInitiate,
    BotKicked,
}

/// The 400s Pandu tells apart; the rest is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadRequest {
    MessageTooLong,
    CaptionTooLong,
    MessageTextEmpty,
    CantParseEntities,
    MessageNotModified,
    /// Editing the text of a message that has a caption instead.
    NoTextToEdit,
    MessageToEditNotFound,
    MessageCantBeEdited,
    QueryTooOld,
    ButtonDataInvalid,
    ButtonUrlInvalid,
    WrongFileIdOrUrl,
    WrongHttpUrl,
    UrlContentFailed,
    InvalidFileId,
    Other,
}

impl TelegramError {
    /// Whether Telegram answered with an error description (rather than a wait, a migration,
    /// or no usable answer at all).
    pub fn is_api(self) -> bool {
        !matches!(
            self,
            Self::RateLimited { .. }
                | Self::Migrated
                | Self::Timeout
                | Self::Network
                | Self::Decode
                | Self::Io
        )
    }

    /// The HTTP status this kind stands for, where there is one.
    pub fn status(self) -> Option<u16> {
        match self {
            Self::RateLimited { .. } => Some(429),
            Self::Blocked(_) | Self::Forbidden => Some(403),
            Self::ChatNotFound | Self::BadRequest(_) => Some(400),
            Self::Unauthorized => Some(401),
            Self::Conflict => Some(409),
            Self::Server(status) | Self::Http(status) => Some(status),
            Self::Unknown
            | Self::Migrated
            | Self::Timeout
            | Self::Network
            | Self::Decode
            | Self::Io => None,
        }
    }
}

impl From<&RequestError> for TelegramError {
    fn from(error: &RequestError) -> Self {
        match error {
            RequestError::Api(e) => from_api(e),
            RequestError::RetryAfter(wait) => Self::RateLimited {
                retry_after: wait.seconds(),
            },
            RequestError::MigrateToChatId(_) => Self::Migrated,
            RequestError::Network(e) => Self::from(&**e),
            RequestError::InvalidJson { .. } => Self::Decode,
            RequestError::Io(_) => Self::Io,
        }
    }
}

impl From<RequestError> for TelegramError {
    fn from(error: RequestError) -> Self {
        Self::from(&error)
    }
}

/// Also what a file download's stream fails with.
impl From<&reqwest::Error> for TelegramError {
    fn from(error: &reqwest::Error) -> Self {
        if error.is_timeout() {
            Self::Timeout
        } else {
            Self::Network
        }
    }
}

fn from_api(error: &ApiError) -> TelegramError {
    use BadRequest as B;
    let bad = TelegramError::BadRequest;
    match error {
        ApiError::BotBlocked => TelegramError::Blocked(Gone::BotBlocked),
        ApiError::UserDeactivated => TelegramError::Blocked(Gone::UserDeactivated),
        ApiError::CantInitiateConversation => TelegramError::Blocked(Gone::CantInitiate),
        ApiError::BotKicked => TelegramError::Blocked(Gone::BotKicked),
        ApiError::ChatNotFound => TelegramError::ChatNotFound,
        ApiError::InvalidToken => TelegramError::Unauthorized,
        ApiError::MessageIsTooLong | ApiError::EditedMessageIsTooLong => bad(B::MessageTooLong),
        ApiError::MessageTextIsEmpty => bad(B::MessageTextEmpty),
        ApiError::CantParseEntities(_) => bad(B::CantParseEntities),
        ApiError::MessageNotModified => bad(B::MessageNotModified),
        ApiError::MessageToEditNotFound => bad(B::MessageToEditNotFound),
        ApiError::MessageCantBeEdited => bad(B::MessageCantBeEdited),
        ApiError::InvalidQueryId => bad(B::QueryTooOld),
        ApiError::ButtonDataInvalid => bad(B::ButtonDataInvalid),
        ApiError::ButtonUrlInvalid => bad(B::ButtonUrlInvalid),
        ApiError::WrongFileIdOrUrl => bad(B::WrongFileIdOrUrl),
        ApiError::WrongHttpUrl => bad(B::WrongHttpUrl),
        ApiError::FailedToGetUrlContent => bad(B::UrlContentFailed),
        ApiError::WrongFileId | ApiError::FileIdInvalid => bad(B::InvalidFileId),
        ApiError::TerminatedByOtherGetUpdates | ApiError::CantGetUpdates => TelegramError::Conflict,
        ApiError::RequestEntityTooLarge => TelegramError::Http(413),
        ApiError::Unknown(description) => from_description(description),
        // teloxide's text for a known kind is its own fixed string, never the user's.
        other => from_description(&other.to_string()),
    }
}

/// Descriptions teloxide has no kind for, by the classes Telegram writes before the colon.
fn from_description(description: &str) -> TelegramError {
    use BadRequest as B;
    if let Some(rest) = description.strip_prefix("Bad Request: ") {
        let known = [
            ("message caption is too long", B::CaptionTooLong),
            ("there is no text in the message to edit", B::NoTextToEdit),
            ("invalid file_id", B::InvalidFileId),
            ("can't parse entities", B::CantParseEntities),
        ];
        let class = known
            .into_iter()
            .find(|(start, _)| rest.starts_with(start))
            .map_or(B::Other, |(_, class)| class);
        return TelegramError::BadRequest(class);
    }
    let by_status = [
        ("Forbidden", TelegramError::Forbidden),
        ("Unauthorized", TelegramError::Unauthorized),
        ("Conflict", TelegramError::Conflict),
        ("Too Many Requests", TelegramError::Http(429)),
        ("Not Found", TelegramError::Http(404)),
        ("Internal Server Error", TelegramError::Server(500)),
        ("Bad Gateway", TelegramError::Server(502)),
        ("Service Unavailable", TelegramError::Server(503)),
        ("Gateway Timeout", TelegramError::Server(504)),
    ];
    by_status
        .into_iter()
        .find(|(start, _)| description.starts_with(start))
        .map_or(TelegramError::Unknown, |(_, kind)| kind)
}

impl fmt::Display for TelegramError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("telegram:")?;
        match self {
            Self::RateLimited { retry_after } => write!(f, "rate_limited:{retry_after}s"),
            Self::Blocked(gone) => write!(f, "blocked:{}", gone.as_str()),
            Self::ChatNotFound => f.write_str("chat_not_found"),
            Self::BadRequest(BadRequest::Other) => f.write_str("bad_request:400"),
            Self::BadRequest(class) => write!(f, "bad_request:{}", class.as_str()),
            Self::Forbidden => f.write_str("forbidden:403"),
            Self::Unauthorized => f.write_str("unauthorized:401"),
            Self::Conflict => f.write_str("conflict:409"),
            Self::Server(status) => write!(f, "server:{status}"),
            Self::Http(status) => write!(f, "http:{status}"),
            Self::Unknown => f.write_str("unknown"),
            Self::Migrated => f.write_str("migrated"),
            Self::Timeout => f.write_str("timeout"),
            Self::Network => f.write_str("network"),
            Self::Decode => f.write_str("decode"),
            Self::Io => f.write_str("io"),
        }
    }
}

impl std::error::Error for TelegramError {}

impl Gone {
    fn as_str(self) -> &'static str {
        match self {
            Self::BotBlocked => "bot_blocked",
            Self::UserDeactivated => "user_deactivated",
            Self::CantInitiate => "cant_initiate",
            Self::BotKicked => "bot_kicked",
        }
    }
}

impl BadRequest {
    fn as_str(self) -> &'static str {
        match self {
            Self::MessageTooLong => "message_too_long",
            Self::CaptionTooLong => "caption_too_long",
            Self::MessageTextEmpty => "message_text_empty",
            Self::CantParseEntities => "cant_parse_entities",
            Self::MessageNotModified => "message_not_modified",
            Self::NoTextToEdit => "no_text_to_edit",
            Self::MessageToEditNotFound => "message_to_edit_not_found",
            Self::MessageCantBeEdited => "message_cant_be_edited",
            Self::QueryTooOld => "query_too_old",
            Self::ButtonDataInvalid => "button_data_invalid",
            Self::ButtonUrlInvalid => "button_url_invalid",
            Self::WrongFileIdOrUrl => "wrong_file_id_or_url",
            Self::WrongHttpUrl => "wrong_http_url",
            Self::UrlContentFailed => "url_content_failed",
            Self::InvalidFileId => "invalid_file_id",
            Self::Other => "400",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind teloxide's parse of this description gives.
    fn kind(description: &str) -> String {
        let body =
            serde_json::json!({ "ok": false, "error_code": 400, "description": description });
        let error: ApiError = serde_json::from_value(body["description"].clone()).unwrap();
        TelegramError::from(&RequestError::Api(error)).to_string()
    }

    #[test]
    fn descriptions_become_kinds_that_quote_nothing() {
        let echo = "Bad Request: can't parse entities: Can't find end of Bold entity at byte \
                    offset 9: Toko Sinar Jaya 0812-3456-7890";
        assert_eq!(kind(echo), "telegram:bad_request:cant_parse_entities");
        assert_eq!(
            kind("Bad Request: message is too long"),
            "telegram:bad_request:message_too_long"
        );
        assert_eq!(
            kind("Bad Request: wrong file identifier/HTTP URL specified"),
            "telegram:bad_request:wrong_file_id_or_url"
        );
        assert_eq!(
            kind("Bad Request: message caption is too long"),
            "telegram:bad_request:caption_too_long"
        );
        assert_eq!(
            kind("Bad Request: chat Toko Sinar Jaya is strange"),
            "telegram:bad_request:400"
        );
        assert_eq!(
            kind("Forbidden: bot was blocked by the user"),
            "telegram:blocked:bot_blocked"
        );
        assert_eq!(
            kind("Forbidden: bot was kicked from the supergroup chat"),
            "telegram:forbidden:403"
        );
        assert_eq!(kind("Internal Server Error"), "telegram:server:500");
        assert_eq!(
            kind("Something new about Toko Sinar Jaya"),
            "telegram:unknown"
        );
    }

    #[test]
    fn waits_and_transport_failures_are_no_api_answers() {
        let wait = TelegramError::from(&RequestError::RetryAfter(
            teloxide::types::Seconds::from_seconds(7),
        ));
        assert_eq!(wait, TelegramError::RateLimited { retry_after: 7 });
        assert_eq!(wait.to_string(), "telegram:rate_limited:7s");
        assert!(!wait.is_api());
        let raw = serde_json::from_str::<serde_json::Value>("<html>Toko").unwrap_err();
        let decode = TelegramError::from(&RequestError::InvalidJson {
            source: std::sync::Arc::new(raw),
            raw: "<html>Toko Sinar Jaya".into(),
        });
        assert_eq!(decode.to_string(), "telegram:decode");
        assert!(TelegramError::ChatNotFound.is_api());
    }
}
