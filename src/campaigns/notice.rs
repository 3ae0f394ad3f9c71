//! A campaign as the message each recipient gets.

use super::Campaign;
use crate::flow::ButtonId;
use crate::message::{OutButton, OutMessage, Template, TemplateKind, TemplateRef};

/// The Telegram deep link that opens the bot and starts the check with the campaign's code,
/// so a forwarded notice still counts for its campaign.
pub fn start_link(bot_username: Option<&str>, code: &str) -> Option<String> {
    bot_username.map(|bot| format!("https://t.me/{bot}?start={code}"))
}

/// The notice: the officer's text (and image), a button that starts the check, and the
/// template that stands for it outside WhatsApp's 24-hour window.
pub fn notice(campaign: &Campaign, bot_username: Option<&str>) -> OutMessage {
    let draft = &campaign.draft;
    let start = ButtonId::Start(campaign.code.clone()).wire();
    let buttons: Vec<OutButton> = draft
        .button
        .iter()
        .map(|label| OutButton {
            id: start.clone(),
            label: label.trim().to_owned(),
            url: start_link(bot_username, &campaign.code),
        })
        .collect();
    let template = draft.template.as_ref().map(|t| Template {
        kind: TemplateKind::Campaign,
        params: t.params.clone(),
        buttons: buttons.iter().map(|b| b.id.clone()).collect(),
        named: Some(TemplateRef {
            name: t.name.clone(),
            language: t.language.clone(),
        }),
        // The template check before start makes sure the template has an image header
        // exactly when the campaign has an image.
        header_image: draft.image_url.clone(),
    });
    OutMessage {
        text: draft.body.trim().to_owned(),
        buttons,
        image: draft.image_url.clone(),
        contact_label: None,
        template,
    }
}
