//! A rendered outgoing message: what the outbox stores and every channel sends.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OutButton {
    pub id: String,
    pub label: String,
    /// A link that does what the id does, where the channel has link buttons (a Telegram
    /// deep link that starts the check, and still works when the message is forwarded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OutMessage {
    pub text: String,
    pub buttons: Vec<OutButton>,
    /// An image (https URL) shown above the text; the text becomes its caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Label of a "share my number" button, on channels that can ask for the contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_label: Option<String>,
    /// How to send it where free-form messages are not allowed (WhatsApp outside the 24-hour
    /// window); without one it waits there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Template>,
}

/// Which approved template a message falls back to. The operator names each kind's template
/// in config; its body parameters and quick-reply buttons are in the order given here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    /// To a consultant. Body: {{1}} business, {{2}} product, {{3}} region, {{4}} result,
    /// {{5}} hours to answer. Buttons: Terima, Tolak.
    ReferralNotice,
    /// To a consultant, at half the time. Body: {{1}} business, {{2}} hours left. Buttons: Terima, Tolak.
    ReferralReminder,
    /// To the owner. Body: {{1}} consultant, {{2}} organisation, {{3}} how they will get in touch.
    ReferralAccepted,
    /// To a dinas officer. Body: {{1}} business, {{2}} region, {{3}} dashboard link.
    ReferralEscalated,
    /// To the owner: a staff member's reply from the lead page. Body: {{1}} who (name and
    /// office), {{2}} the reply on one line.
    StaffReply,
    /// An outreach notice; the campaign names its own template and parameters.
    Campaign,
    /// A follow-up (e.g. "has your NIB come?"); the follow-up names its own template.
    FollowUp,
}

impl TemplateKind {
    /// The kinds whose template the operator names in config (the others carry their own).
    pub const ALL: &'static [TemplateKind] = &[
        Self::ReferralNotice,
        Self::ReferralReminder,
        Self::ReferralAccepted,
        Self::ReferralEscalated,
        Self::StaffReply,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub kind: TemplateKind,
    /// Body parameters, in order.
    pub params: Vec<String>,
    /// Payloads of the template's quick-reply buttons, in order (our button ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<String>,
    /// The template itself, when the message chose it (campaigns, follow-ups); otherwise the
    /// operator's template for `kind`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named: Option<TemplateRef>,
    /// The image (https URL) for a template whose approved header is an IMAGE; such a
    /// template is refused without one, and one without that header refuses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_image: Option<String>,
}

/// An approved template by name and language code ("id", "en_US").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateRef {
    pub name: String,
    pub language: String,
}

impl OutMessage {
    /// Split a message that is too long for the channel into several, at paragraph, line or
    /// word boundaries; the buttons stay with the last part, where the question is.
    pub fn split(self, max_chars: usize) -> Vec<OutMessage> {
        let parts = split_text(&self.text, max_chars);
        let last = parts.len().saturating_sub(1);
        let mut tail = Some((self.buttons, self.contact_label));
        let template = self.template;
        let image = self.image;
        parts
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let (buttons, contact_label) = if i == last {
                    tail.take().unwrap_or_default()
                } else {
                    Default::default()
                };
                OutMessage {
                    text,
                    buttons,
                    contact_label,
                    // The image heads the first part.
                    image: if i == 0 { image.clone() } else { None },
                    // A template stands for the whole message: only the first part carries it.
                    template: if i == 0 { template.clone() } else { None },
                }
            })
            .collect()
    }
}

/// Everything the outbox can carry: messages, and a channel's housekeeping around them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outgoing {
    Message(OutMessage),
    /// Stop the spinner on a pressed button (Telegram `answerCallbackQuery`).
    AnswerCallback {
        callback_id: String,
        text: Option<String>,
    },
    /// Show the chosen answer under a question and take its buttons away.
    MarkAnswered {
        message_id: String,
        text: String,
    },
}

impl Outgoing {
    pub fn message(&self) -> Option<&OutMessage> {
        match self {
            Self::Message(message) => Some(message),
            _ => None,
        }
    }
}

fn split_text(text: &str, max: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while rest.chars().count() > max {
        let cut = cut_point(rest, max);
        parts.push(rest[..cut].trim_end().to_owned());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() || parts.is_empty() {
        parts.push(rest.to_owned());
    }
    parts
}

/// The byte index to cut at: the last paragraph break, line break or space within `max`
/// characters, or `max` characters when there is none.
fn cut_point(text: &str, max: usize) -> usize {
    let limit = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let window = &text[..limit];
    ["\n\n", "\n", " "]
        .iter()
        .find_map(|sep| window.rfind(sep).filter(|&i| i > 0))
        .unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(text: &str) -> OutMessage {
        OutMessage {
            image: None,
            text: text.into(),
            buttons: vec![OutButton {
                url: None,
                id: "yes".into(),
                label: "Ya".into(),
            }],
            contact_label: None,
            template: None,
        }
    }

    #[test]
    fn templates_stored_before_header_images_still_parse() {
        let stored =
            r#"{"kind":"campaign","params":["30 Juni"],"named":{"name":"sni","language":"id"}}"#;
        let template: Template = serde_json::from_str(stored).unwrap();
        assert_eq!(template.header_image, None);
        assert!(
            !serde_json::to_string(&template)
                .unwrap()
                .contains("header_image")
        );
    }

    #[test]
    fn short_messages_stay_whole() {
        assert_eq!(msg("Halo").split(100), vec![msg("Halo")]);
    }

    #[test]
    fn long_messages_split_at_paragraphs_and_keep_buttons_last() {
        let text = format!("{}\n\n{}", "a".repeat(30), "b".repeat(30));
        let parts = msg(&text).split(40);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].text, "a".repeat(30));
        assert!(parts[0].buttons.is_empty());
        assert_eq!(parts[1].text, "b".repeat(30));
        assert_eq!(parts[1].buttons.len(), 1);
    }

    #[test]
    fn no_part_is_over_the_limit_even_without_spaces() {
        let text = format!("{} {}", "kata ".repeat(50), "x".repeat(120));
        for part in msg(&text).split(50) {
            assert!(part.text.chars().count() <= 50, "{}", part.text);
            assert!(!part.text.is_empty());
        }
    }
}
