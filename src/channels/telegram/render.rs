//! Our channel-neutral message as Telegram keyboards.

use crate::message::{OutButton, OutMessage};
use teloxide::types::{
    ButtonRequest, InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, KeyboardMarkup,
    ReplyMarkup,
};

/// Telegram's limit for `callback_data`.
pub const CALLBACK_DATA_MAX: usize = 64;

/// Short options sit two to a row; long ones (and long lists) one to a row, readable on a
/// narrow phone.
pub fn markup(message: &OutMessage) -> Option<ReplyMarkup> {
    if let Some(contact) = &message.contact_label {
        return Some(contact_keyboard(contact, message));
    }
    if message.buttons.is_empty() {
        return None;
    }
    let buttons: Vec<InlineKeyboardButton> = message.buttons.iter().map(inline_button).collect();
    let short = buttons.len() <= 4
        && message
            .buttons
            .iter()
            .all(|b| b.label.chars().count() <= 14);
    let per_row = if short { 2 } else { 1 };
    let rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(per_row).map(<[_]>::to_vec).collect();
    Some(ReplyMarkup::InlineKeyboard(InlineKeyboardMarkup::new(rows)))
}

/// A link button where the button has a link (a deep link keeps working when the message is
/// forwarded); otherwise a callback button. A link Telegram cannot take falls back to the
/// callback, which does the same thing inside this chat.
fn inline_button(button: &OutButton) -> InlineKeyboardButton {
    let label = button.label.clone();
    match button.url.as_deref().map(url::Url::parse) {
        Some(Ok(url)) if matches!(url.scheme(), "https" | "http" | "tg") => {
            InlineKeyboardButton::url(label, url)
        }
        _ => InlineKeyboardButton::callback(label, fit_callback_data(&button.id)),
    }
}

/// "Share my number" must be a reply-keyboard button; the question's other options ("Lewati")
/// go beside it as plain text buttons, which arrive as typed text.
fn contact_keyboard(label: &str, message: &OutMessage) -> ReplyMarkup {
    let mut rows = vec![vec![
        KeyboardButton::new(label).request(ButtonRequest::Contact),
    ]];
    rows.extend(
        message
            .buttons
            .iter()
            .map(|b| vec![KeyboardButton::new(b.label.clone())]),
    );
    ReplyMarkup::Keyboard(
        KeyboardMarkup::new(rows)
            .resize_keyboard()
            .one_time_keyboard(),
    )
}

/// Our button ids are short by design; one that is not would be rejected by Telegram, so it
/// is cut at a character boundary (and the flow treats it as not understood).
fn fit_callback_data(id: &str) -> String {
    if id.len() <= CALLBACK_DATA_MAX {
        return id.to_owned();
    }
    tracing::error!(len = id.len(), "button id longer than Telegram allows");
    let mut end = CALLBACK_DATA_MAX;
    while !id.is_char_boundary(end) {
        end -= 1;
    }
    id[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use teloxide::types::InlineKeyboardButtonKind;

    fn button(id: &str, url: Option<&str>) -> OutButton {
        OutButton {
            id: id.into(),
            label: "Cek sekarang".into(),
            url: url.map(str::to_owned),
        }
    }

    #[test]
    fn a_button_with_a_link_is_a_link_button() {
        let link = inline_button(&button("start:abc", Some("https://t.me/bot?start=abc")));
        assert!(
            matches!(&link.kind, InlineKeyboardButtonKind::Url(u) if u.as_str() == "https://t.me/bot?start=abc")
        );
        let plain = inline_button(&button("start:abc", None));
        assert!(
            matches!(&plain.kind, InlineKeyboardButtonKind::CallbackData(d) if d == "start:abc")
        );
        let broken = inline_button(&button("start:abc", Some("not a link")));
        assert!(matches!(
            &broken.kind,
            InlineKeyboardButtonKind::CallbackData(_)
        ));
    }
}
