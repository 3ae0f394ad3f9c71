//! A thin Cloud API client over reqwest: send a message, look up and download media, look
//! up a template.
//! The base URL is configurable so tests can point it at a fake Graph API.

pub use super::error::WaError;
pub use super::templates::TemplateInfo;
use crate::config::WhatsappConfig;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, Deserialize)]
pub struct MediaInfo {
    pub url: String,
    #[serde(default)]
    pub sha256: Option<String>,
    #[serde(default)]
    pub file_size: Option<u64>,
}

#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    token: String,
    phone_number_id: String,
}

impl Client {
    pub fn new(config: &WhatsappConfig) -> Self {
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("an HTTP client with rustls");
        Self {
            http,
            base: config.api_url.as_str().trim_end_matches('/').to_owned(),
            token: config.access_token.clone(),
            phone_number_id: config.phone_number_id.clone(),
        }
    }

    /// POST /{phone_number_id}/messages; the wamid of the sent message.
    pub async fn send(&self, body: &Value) -> Result<String, WaError> {
        let url = format!("{}/{}/messages", self.base, self.phone_number_id);
        let response = self
            .http
            .post(url)
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .map_err(WaError::from)?;
        let reply: Value = read(response).await?;
        reply["messages"][0]["id"]
            .as_str()
            .map(str::to_owned)
            .ok_or(WaError::Decode)
    }

    /// GET /{media_id}: a short-lived download URL and the file's checksum.
    pub async fn media(&self, media_id: &str) -> Result<MediaInfo, WaError> {
        let url = format!("{}/{}", self.base, media_id);
        let response = self
            .http
            .get(url)
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(WaError::from)?;
        let info: Value = read(response).await?;
        serde_json::from_value(info).map_err(|_| WaError::Decode)
    }

    /// GET /{waba_id}/message_templates?name=…: the template in that language, or None when
    /// the account has no such template. Meta matches the name loosely, so the entry is
    /// picked here by exact name and language.
    pub async fn template_info(
        &self,
        waba_id: &str,
        name: &str,
        language: &str,
    ) -> Result<Option<TemplateInfo>, WaError> {
        let url = format!("{}/{}/message_templates", self.base, waba_id);
        let response = self
            .http
            .get(url)
            .query(&[
                ("name", name),
                ("fields", "name,language,status,components"),
                ("limit", "100"),
            ])
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(WaError::from)?;
        let listed: Value = read(response).await?;
        Ok(super::templates::pick(&listed, name, language))
    }

    /// Download right away, with the token, stopping once past `limit` bytes.
    pub async fn download(&self, url: &str, limit: u64) -> Result<Vec<u8>, WaError> {
        let mut response = self
            .http
            .get(url)
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(WaError::from)?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return Err(WaError::Expired);
        }
        if !response.status().is_success() {
            return Err(WaError::Http(response.status().as_u16()));
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(WaError::from)? {
            bytes.extend_from_slice(&chunk);
            if bytes.len() as u64 > limit {
                return Err(WaError::TooLarge);
            }
        }
        Ok(bytes)
    }
}

/// The JSON of a success; for a refusal, Graph's error as its code, or the status alone
/// when the answer is not Graph's JSON (a proxy's page). The body itself is never kept.
async fn read(response: reqwest::Response) -> Result<Value, WaError> {
    let http = response.status().as_u16();
    let success = response.status().is_success();
    match (success, response.json::<Value>().await) {
        (true, Ok(body)) => Ok(body),
        (true, Err(e)) => Err(e.into()),
        (false, Ok(body)) => Err(super::error::from_body(http, &body)),
        (false, Err(_)) => Err(WaError::Http(http)),
    }
}
