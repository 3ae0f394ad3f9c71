//! The business account's message templates in the fake Graph API: listed at
//! `GET /{waba_id}/message_templates`, and template sends checked against them.

use super::{
    AppState, Call, Refusal, authorized, invalid_parameter, path_of, payloads, record, unauthorized,
};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// A message template of the business account (`payloads::WABA_ID`), as Meta lists it.
/// Sends of a template added here are checked against it.
#[derive(Debug, Clone)]
pub struct FakeTemplate {
    pub name: String,
    pub language: String,
    /// APPROVED, PENDING, REJECTED, PAUSED…
    pub status: String,
    /// The body text with its `{{1}}` or `{{name}}` placeholders.
    pub body: String,
    pub image_header: bool,
    /// Labels of its quick-reply buttons.
    pub quick_replies: Vec<String>,
}

impl FakeTemplate {
    /// An approved template in Indonesian, no header, no buttons.
    pub fn approved(name: &str, body: &str) -> Self {
        Self {
            name: name.into(),
            language: "id".into(),
            status: "APPROVED".into(),
            body: body.into(),
            image_header: false,
            quick_replies: Vec::new(),
        }
    }

    /// As `GET /{waba_id}/message_templates` shows it.
    fn listed(&self, id: usize) -> Value {
        let mut components = Vec::new();
        if self.image_header {
            components.push(json!({ "type": "HEADER", "format": "IMAGE",
                "example": { "header_handle": ["4::aW1hZ2UvanBlZw==:ARfake"] } }));
        }
        components.push(json!({ "type": "BODY", "text": self.body }));
        if !self.quick_replies.is_empty() {
            let buttons: Vec<Value> = self
                .quick_replies
                .iter()
                .map(|text| json!({ "type": "QUICK_REPLY", "text": text }))
                .collect();
            components.push(json!({ "type": "BUTTONS", "buttons": buttons }));
        }
        json!({
            "name": self.name, "language": self.language, "status": self.status,
            "category": "MARKETING", "id": format!("{}", 900_000 + id), "components": components
        })
    }

    /// Distinct placeholders of the body.
    fn params(&self) -> usize {
        let mut seen = HashSet::new();
        for part in self.body.split("{{").skip(1) {
            if let Some((inner, _)) = part.split_once("}}") {
                seen.insert(inner.trim().to_owned());
            }
        }
        seen.len()
    }
}

/// A send of a template the fake knows must match it, as Meta's checks do: approved, the
/// body's parameter count, an image header exactly when the template has one.
pub(super) fn validate_against_templates(
    templates: &[FakeTemplate],
    body: &Value,
) -> Result<(), Refusal> {
    if body["type"] != "template" {
        return Ok(());
    }
    let call = &body["template"];
    let Some(known) = templates.iter().find(|t| {
        call["name"] == t.name.as_str() && call["language"]["code"] == t.language.as_str()
    }) else {
        return Ok(());
    };
    let components = call["components"].as_array().cloned().unwrap_or_default();
    let of_type = |kind: &str| components.iter().find(|c| c["type"] == kind);
    if known.status != "APPROVED" {
        return Err(Refusal::Template(
            132001,
            format!("Template {} is {}", known.name, known.status),
        ));
    }
    let given = of_type("body")
        .and_then(|c| c["parameters"].as_array())
        .map_or(0, Vec::len);
    if given != known.params() {
        return Err(Refusal::Template(
            132000,
            format!(
                "body: number of localizable_params ({given}) does not match the expected number of params ({})",
                known.params()
            ),
        ));
    }
    if of_type("header").is_some() != known.image_header {
        return Err(Refusal::Template(
            132012,
            "header: Format mismatch, expected IMAGE, received UNKNOWN or the reverse".into(),
        ));
    }
    Ok(())
}

/// `GET /{waba_id}/message_templates?name=…`: the account's templates whose name contains
/// the one asked for (Meta matches loosely), each language its own entry.
pub(super) async fn message_templates(
    State(state): State<AppState>,
    Path(waba_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let call = Call {
        method: "templates".into(),
        path: path_of(&uri),
        body: json!(query),
        status: 0,
        wamid: None,
        at: Instant::now(),
    };
    let response = if !authorized(&headers) {
        unauthorized()
    } else if waba_id != payloads::WABA_ID {
        invalid_parameter(&format!(
            "Unsupported get request. Object with ID '{waba_id}' does not exist, cannot be \
             loaded due to missing permissions, or does not support this operation."
        ))
    } else {
        let inner = state.inner.lock().unwrap();
        let wanted = query.get("name").map_or("", String::as_str);
        let data: Vec<Value> = inner
            .templates
            .iter()
            .enumerate()
            .filter(|(_, t)| t.name.contains(wanted))
            .map(|(i, t)| t.listed(i))
            .collect();
        axum::Json(
            json!({ "data": data, "paging": { "cursors": { "before": "QVFI", "after": "QVFI" } } }),
        )
        .into_response()
    };
    record(&state, call, &response);
    response
}
