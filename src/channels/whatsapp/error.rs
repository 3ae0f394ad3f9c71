//! What a failed Cloud API call means, as a kind with a stable short form for
//! `outbox.last_error` and the logs. Graph's error `code` and `error_subcode` say what went
//! wrong; its `message` and `error_data.details` are dropped, since they can quote the
//! recipient's number or the text that was sent.

use serde_json::Value;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaError {
    /// Graph answered with an error object.
    Api {
        http: u16,
        code: i64,
        subcode: Option<i64>,
    },
    /// A refusal without Graph's error object (a media download, a proxy's error page).
    Http(u16),
    Timeout,
    Network,
    /// An answer that is not what Graph documents (no message id, not JSON).
    Decode,
    /// A media URL that is no longer valid (they live 5 minutes).
    Expired,
    /// A file larger than the limit.
    TooLarge,
    /// Downloaded media that does not match its sha256.
    Checksum,
}

impl WaError {
    /// The HTTP status of the answer, where there was one.
    pub fn status(self) -> Option<u16> {
        match self {
            Self::Api { http, .. } | Self::Http(http) => Some(http),
            Self::Expired => Some(404),
            _ => None,
        }
    }

    /// Graph's error code, if it answered with one.
    pub fn code(self) -> Option<i64> {
        match self {
            Self::Api { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// Graph's `{"error": {"code", "error_subcode", …}}` of a non-2xx answer; without a code
/// the status alone.
pub fn from_body(http: u16, body: &Value) -> WaError {
    let error = &body["error"];
    match error["code"].as_i64() {
        Some(code) => WaError::Api {
            http,
            code,
            subcode: error["error_subcode"].as_i64(),
        },
        None => WaError::Http(http),
    }
}

impl From<reqwest::Error> for WaError {
    fn from(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            Self::Timeout
        } else if error.is_decode() {
            Self::Decode
        } else {
            Self::Network
        }
    }
}

impl fmt::Display for WaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("whatsapp:")?;
        match self {
            Self::Api {
                code,
                subcode: Some(subcode),
                ..
            } => write!(f, "code:{code}:{subcode}"),
            Self::Api { code, .. } => write!(f, "code:{code}"),
            Self::Http(status) => write!(f, "http:{status}"),
            Self::Timeout => f.write_str("timeout"),
            Self::Network => f.write_str("network"),
            Self::Decode => f.write_str("decode"),
            Self::Expired => f.write_str("media_expired"),
            Self::TooLarge => f.write_str("media_too_large"),
            Self::Checksum => f.write_str("media_checksum"),
        }
    }
}

impl std::error::Error for WaError {}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_graph_error_is_its_code_and_subcode_and_nothing_it_says() {
        let body = json!({ "error": {
            "message": "(#100) Invalid parameter: 6281234567890 Toko Sinar Jaya",
            "type": "OAuthException", "code": 100, "error_subcode": 2494010,
            "error_data": { "messaging_product": "whatsapp", "details": "to 6281234567890" },
            "fbtrace_id": "Afake"
        }});
        let error = from_body(400, &body);
        assert_eq!(error.to_string(), "whatsapp:code:100:2494010");
        assert_eq!((error.status(), error.code()), (Some(400), Some(100)));
        let reengage =
            json!({ "error": { "message": "(#131047) Re-engagement message", "code": 131047 } });
        assert_eq!(
            from_body(400, &reengage).to_string(),
            "whatsapp:code:131047"
        );
        assert_eq!(
            from_body(502, &json!("Bad Gateway")).to_string(),
            "whatsapp:http:502"
        );
    }
}
