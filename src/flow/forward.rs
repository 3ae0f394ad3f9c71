//! After the result: what the owner writes for a person is passed to the officers on the
//! lead's thread. Commands, buttons and questions are handled before this; greetings and a
//! bare "ok, makasih" are not a message for anyone and get the menu as before.

use super::reply::Msg;
use super::{Effect, Out};

/// Words that only acknowledge or greet (after `canonical`: "udah" is "sudah", "makasih" is
/// "terima kasih"): a message of nothing else is not passed on. "udah makasih", "siap bu,
/// noted", "mantap, trims ya kak" are thanks, not news.
const ACKNOWLEDGING: &[&str] = &[
    "ok",
    "oke",
    "okay",
    "okey",
    "sip",
    "siap",
    "baik",
    "ya",
    "iya",
    "y",
    "terima",
    "kasih",
    "makasih",
    "thanks",
    "thank",
    "you",
    "banyak",
    "sama",
    "pak",
    "bu",
    "bapak",
    "ibu",
    "kak",
    "mas",
    "mbak",
    "min",
    "admin",
    "nggih",
    "matur",
    "nuwun",
    "hatur",
    "nuhun",
    "sudah",
    "noted",
    "mantap",
    "mantab",
    "good",
    "great",
    "juga",
    "om",
    "tante",
    "bang",
    "sis",
    "gan",
    "amin",
    "aamiin",
    "alhamdulillah",
    "tabik",
    "salam",
    "wassalam",
    "deh",
    "dong",
    "lah",
    "nya",
];

/// The message as staff will read it, when it is one for them.
pub(super) fn for_staff(text: &str) -> Option<String> {
    if super::commands::is_greeting(text) || acknowledges(text) {
        return None;
    }
    let text: String = crate::parse::message_text(text)
        .chars()
        .take(crate::limits::OWNER_MESSAGE_CHARS)
        .collect();
    (!text.trim().is_empty()).then_some(text)
}

fn acknowledges(text: &str) -> bool {
    crate::parse::canonical(text)
        .split_whitespace()
        .all(|w| ACKNOWLEDGING.contains(&w))
}

/// Pass the message on, and tell the owner it was, above the menu (its re-check button
/// stays at hand, as every answer ends with what the owner can do now).
pub(super) fn forward(text: String, out: &mut Out) {
    out.effect(Effect::ForwardToStaff { text });
    let mut reply = super::result::done_prompt();
    reply.paragraphs.insert(0, Msg::new("done-forwarded"));
    out.say(reply);
}

#[cfg(test)]
mod tests {
    use super::for_staff;

    #[test]
    fn thanks_and_greetings_stay_here_sentences_go_to_staff() {
        for text in [
            "ok makasih pak",
            "Terima kasih banyak bu",
            "halo",
            "sip",
            "👍",
            "udah makasih",
            "udh, mksh ya bu",
            "siap bu, noted",
            "mantap, trims kak",
            "oke deh makasih banyak pak",
        ] {
            assert_eq!(for_staff(text), None, "{text}");
        }
        assert!(
            for_staff("udah jadi NIB nya bu").is_some(),
            "news, not thanks"
        );
        assert_eq!(
            for_staff("NIB saya sudah jadi\u{202E} kemarin\n\nnomornya 1234"),
            Some("NIB saya sudah jadi kemarin\n\nnomornya 1234".into())
        );
    }
}
