//! Our channel-neutral message in WhatsApp's shapes and limits: up to three short options
//! as reply buttons, up to ten as a list, otherwise numbered text.

use crate::config::TemplateName;
use crate::message::{OutMessage, Template};
use serde_json::{Value, json};

pub const BUTTON_TITLE_MAX: usize = 20;
pub const ROW_TITLE_MAX: usize = 24;
pub const ROW_DESCRIPTION_MAX: usize = 72;
pub const LIST_ROWS_MAX: usize = 10;

/// Meta's limit for a media caption.
pub const CAPTION_MAX: usize = 1024;

/// The body of `POST /{phone_number_id}/messages`. A button's `url` plays no part here:
/// WhatsApp's reply buttons carry our id back, which does what the link would.
pub fn body(to: &str, message: &OutMessage, list_button: &str) -> Value {
    let base = json!({ "messaging_product": "whatsapp", "recipient_type": "individual", "to": to });
    let content = match message.image.as_deref() {
        Some(image) => with_image(message, image, list_button),
        None => without_image(message, list_button),
    };
    merge(base, content)
}

fn without_image(message: &OutMessage, list_button: &str) -> Value {
    let buttons = &message.buttons;
    if buttons.is_empty() {
        text(&message.text)
    } else if fits_buttons(message) {
        reply_buttons(message)
    } else if buttons.len() <= LIST_ROWS_MAX {
        list(message, list_button)
    } else {
        numbered(message)
    }
}

/// Reply buttons take an image header; a list cannot, so its options become numbered lines
/// under the picture (answered by typing the number).
fn with_image(message: &OutMessage, image: &str, list_button: &str) -> Value {
    if message.buttons.is_empty() {
        return image_message(image, &message.text);
    }
    if fits_buttons(message) {
        let mut content = reply_buttons(message);
        content["interactive"]["header"] = json!({ "type": "image", "image": { "link": image } });
        return content;
    }
    let caption = numbered_text(message);
    if caption.chars().count() <= CAPTION_MAX {
        return image_message(image, &caption);
    }
    // The options matter more than the picture.
    tracing::warn!("options too long for an image caption; sent without the image");
    without_image(message, list_button)
}

fn image_message(link: &str, caption: &str) -> Value {
    let mut image = json!({ "link": link });
    if !caption.is_empty() {
        image["caption"] = Value::String(caption.to_owned());
    }
    json!({ "type": "image", "image": image })
}

fn fits_buttons(message: &OutMessage) -> bool {
    message.buttons.len() <= 3
        && message
            .buttons
            .iter()
            .all(|b| b.label.chars().count() <= BUTTON_TITLE_MAX)
}

/// A template message (outside the 24-hour window): the approved template by name, its body
/// parameters, and our button ids as the payloads of its quick-reply buttons.
pub fn template(to: &str, call: &Template, name: &TemplateName) -> Value {
    let params: Vec<Value> = call
        .params
        .iter()
        .map(|p| json!({ "type": "text", "text": template_text(p) }))
        .collect();
    let mut components = Vec::new();
    if let Some(link) = &call.header_image {
        components.push(json!({ "type": "header", "parameters": [
            { "type": "image", "image": { "link": link } }
        ]}));
    }
    components.push(json!({ "type": "body", "parameters": params }));
    components.extend(call.buttons.iter().enumerate().map(|(i, payload)| {
        json!({ "type": "button", "sub_type": "quick_reply", "index": i.to_string(),
                "parameters": [{ "type": "payload", "payload": payload }] })
    }));
    json!({ "messaging_product": "whatsapp", "recipient_type": "individual", "to": to,
    "type": "template", "template": {
        "name": name.name, "language": { "code": name.language }, "components": components
    }})
}

/// Meta refuses template parameters with new lines, tabs or more than four spaces in a row.
fn template_text(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() {
        "-".into()
    } else {
        one_line
    }
}

fn merge(mut base: Value, content: Value) -> Value {
    for (k, v) in content.as_object().into_iter().flatten() {
        base[k] = v.clone();
    }
    base
}

fn text(body: &str) -> Value {
    json!({ "type": "text", "text": { "body": body, "preview_url": false } })
}

fn reply_buttons(message: &OutMessage) -> Value {
    let titles = unique(
        message
            .buttons
            .iter()
            .map(|b| shorten(&b.label, BUTTON_TITLE_MAX))
            .collect(),
        BUTTON_TITLE_MAX,
    );
    let buttons: Vec<Value> = message
        .buttons
        .iter()
        .zip(titles)
        .map(|(b, title)| json!({ "type": "reply", "reply": { "id": b.id, "title": title } }))
        .collect();
    json!({ "type": "interactive", "interactive": {
        "type": "button", "body": { "text": message.text }, "action": { "buttons": buttons }
    }})
}

/// A list row's title is short; when the label had to be shortened, the full label goes in
/// the description so nothing is lost.
fn list(message: &OutMessage, list_button: &str) -> Value {
    let titles = unique(
        message
            .buttons
            .iter()
            .map(|b| shorten(&b.label, ROW_TITLE_MAX))
            .collect(),
        ROW_TITLE_MAX,
    );
    let rows: Vec<Value> = message
        .buttons
        .iter()
        .zip(titles)
        .map(|(b, title)| {
            let mut row = json!({ "id": b.id, "title": title });
            if title != b.label {
                row["description"] = Value::String(shorten(&b.label, ROW_DESCRIPTION_MAX));
            }
            row
        })
        .collect();
    json!({ "type": "interactive", "interactive": {
        "type": "list", "body": { "text": message.text },
        "action": { "button": shorten(list_button, BUTTON_TITLE_MAX), "sections": [{ "rows": rows }] }
    }})
}

/// More options than a list holds: numbered lines, answered by typing the number.
fn numbered(message: &OutMessage) -> Value {
    text(&numbered_text(message))
}

fn numbered_text(message: &OutMessage) -> String {
    let lines: Vec<String> = message
        .buttons
        .iter()
        .enumerate()
        .map(|(i, b)| format!("{}. {}", i + 1, b.label))
        .collect();
    format!("{}\n\n{}", message.text, lines.join("\n"))
}

/// Shorten at a word boundary with "…", never mid-word unless a single word is too long.
pub fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_owned();
    }
    let budget = max - 1; // room for the ellipsis
    let mut out = String::new();
    for word in label.split_whitespace() {
        let candidate = if out.is_empty() {
            word.to_owned()
        } else {
            format!("{out} {word}")
        };
        if candidate.chars().count() > budget {
            break;
        }
        out = candidate;
    }
    if out.is_empty() {
        out = label.chars().take(budget).collect();
    }
    format!(
        "{}…",
        out.trim_end_matches([',', '.', ';', ':', '/', '-', ' '])
    )
}

/// WhatsApp refuses two buttons with one title: number the repeats (within `max`).
fn unique(mut titles: Vec<String>, max: usize) -> Vec<String> {
    for i in 1..titles.len() {
        let original = titles[i].clone();
        let mut n = 2;
        while titles[..i].contains(&titles[i]) {
            let suffix = format!(" {n}");
            titles[i] = format!(
                "{}{suffix}",
                shorten(&original, max - suffix.chars().count())
            );
            n += 1;
        }
    }
    titles
}

#[cfg(test)]
mod tests;
