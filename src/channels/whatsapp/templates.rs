//! What Meta says about an approved template (status, parameters, header, buttons), and the
//! check a campaign's template must pass before the campaign starts.

use super::client::Client;
use crate::campaigns::WaTemplate;
use crate::config::WhatsappConfig;
use crate::service::campaigns::{TemplateCheck, TemplateChecker};
use serde_json::Value;
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// One template in one language, as far as sending it is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateInfo {
    /// APPROVED, PENDING, REJECTED, PAUSED, DISABLED…
    pub status: String,
    /// Distinct placeholders in the body: `{{1}}`-style and named `{{name}}`-style.
    pub body_params: usize,
    /// The header is an image, which every send must supply.
    pub image_header: bool,
    pub quick_replies: usize,
}

impl TemplateInfo {
    pub fn approved(&self) -> bool {
        self.status.eq_ignore_ascii_case("APPROVED")
    }
}

/// The entry of a `message_templates` listing with exactly this name and language.
pub fn pick(listed: &Value, name: &str, language: &str) -> Option<TemplateInfo> {
    let entry = listed["data"]
        .as_array()?
        .iter()
        .find(|t| t["name"] == name && t["language"] == language)?;
    let components = entry["components"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let of_type = |kind: &str| {
        components.iter().find(|c| {
            c["type"]
                .as_str()
                .is_some_and(|t| t.eq_ignore_ascii_case(kind))
        })
    };
    let quick_replies = of_type("BUTTONS")
        .and_then(|c| c["buttons"].as_array())
        .map_or(0, |buttons| {
            buttons
                .iter()
                .filter(|b| {
                    b["type"]
                        .as_str()
                        .is_some_and(|t| t.eq_ignore_ascii_case("QUICK_REPLY"))
                })
                .count()
        });
    Some(TemplateInfo {
        status: entry["status"].as_str().unwrap_or_default().to_owned(),
        body_params: of_type("BODY")
            .map_or(0, |c| placeholders(c["text"].as_str().unwrap_or_default())),
        image_header: of_type("HEADER").is_some_and(|c| c["format"] == "IMAGE"),
        quick_replies,
    })
}

/// Distinct `{{…}}` placeholders: positional (`{{1}}`) or named (`{{first_name}}`).
pub fn placeholders(text: &str) -> usize {
    let mut seen = HashSet::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let inner = after[..end].trim();
        let valid = !inner.is_empty()
            && inner
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if valid {
            seen.insert(inner.to_owned());
        }
        rest = &after[end + 2..];
    }
    seen.len()
}

/// Checks a campaign's template against the business account's templates at Meta.
pub struct Templates {
    client: Client,
    waba_id: String,
}

impl Templates {
    pub fn new(client: Client, waba_id: String) -> Self {
        Self { client, waba_id }
    }

    /// Approved, with as many body parameters as the campaign gives, and an image header
    /// exactly when the campaign has an image (Meta refuses a send that differs).
    pub async fn check(&self, template: &WaTemplate, with_image: bool) -> Result<(), String> {
        let (name, language) = (&template.name, &template.language);
        let info = self
            .client
            .template_info(&self.waba_id, name, language)
            .await
            .map_err(|e| format!("could not ask WhatsApp about template {name}: {e}"))?
            .ok_or_else(|| format!("no template {name} in language {language}"))?;
        fits(&info, template, with_image).map_err(|why| format!("template {name}: {why}"))
    }
}

fn fits(info: &TemplateInfo, template: &WaTemplate, with_image: bool) -> Result<(), String> {
    if !info.approved() {
        return Err(format!("status is {}, not APPROVED", info.status));
    }
    if info.body_params != template.params.len() {
        return Err(format!(
            "the body takes {} parameters, the campaign gives {}",
            info.body_params,
            template.params.len()
        ));
    }
    match (info.image_header, with_image) {
        (true, false) => Err("it has an image header and the campaign has no image".into()),
        (false, true) => Err("the campaign has an image and the template no image header".into()),
        _ => Ok(()),
    }
}

impl TemplateCheck for Templates {
    fn check<'a>(
        &'a self,
        template: &'a WaTemplate,
        with_image: bool,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(Templates::check(self, template, with_image))
    }
}

/// The service's template checker for this WhatsApp configuration; None without
/// `WHATSAPP_BUSINESS_ACCOUNT_ID` (templates then go unchecked).
pub fn checker(config: &WhatsappConfig) -> TemplateChecker {
    let waba_id = config.business_account_id.clone()?;
    Some(Arc::new(Templates::new(Client::new(config), waba_id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn placeholders_are_counted_once_each_positional_or_named() {
        assert_eq!(placeholders("Halo {{1}}, daftar sampai {{2}}. {{1}}!"), 2);
        assert_eq!(placeholders("Halo {{nama}}, sampai {{ tanggal }}"), 2);
        assert_eq!(placeholders("Tanpa parameter {{}} {{Bad-Name}} {{2"), 0);
    }

    #[test]
    fn the_entry_in_the_language_asked_for_is_read() {
        let listed = json!({ "data": [
            { "name": "sni_pengumuman_lama", "language": "id", "status": "APPROVED", "components": [] },
            { "name": "sni_pengumuman", "language": "en", "status": "PENDING", "components": [] },
            { "name": "sni_pengumuman", "language": "id", "status": "APPROVED", "components": [
                { "type": "HEADER", "format": "IMAGE", "example": { "header_handle": ["4::aW"] } },
                { "type": "BODY", "text": "Pendaftaran dibuka sampai {{1}}." },
                { "type": "BUTTONS", "buttons": [
                    { "type": "QUICK_REPLY", "text": "Cek sekarang" },
                    { "type": "URL", "text": "Situs", "url": "https://bsn.go.id" }
                ]}
            ]}
        ]});
        let info = pick(&listed, "sni_pengumuman", "id").unwrap();
        assert_eq!(
            info,
            TemplateInfo {
                status: "APPROVED".into(),
                body_params: 1,
                image_header: true,
                quick_replies: 1,
            }
        );
        assert_eq!(
            pick(&listed, "sni_pengumuman", "en").unwrap().status,
            "PENDING"
        );
        assert!(pick(&listed, "sni_pengumuman", "en_US").is_none());
    }

    #[test]
    fn a_template_fits_only_when_approved_with_matching_params_and_header() {
        let info = TemplateInfo {
            status: "APPROVED".into(),
            body_params: 1,
            image_header: true,
            quick_replies: 0,
        };
        let template = WaTemplate {
            name: "sni".into(),
            language: "id".into(),
            params: vec!["30 Juni".into()],
        };
        assert!(fits(&info, &template, true).is_ok());
        assert!(fits(&info, &template, false).is_err());
        let no_params = WaTemplate {
            params: Vec::new(),
            ..template.clone()
        };
        assert!(fits(&info, &no_params, true).is_err());
        let paused = TemplateInfo {
            status: "PAUSED".into(),
            ..info
        };
        assert!(
            fits(&paused, &template, true)
                .unwrap_err()
                .contains("PAUSED")
        );
    }
}
