//! The business's name and the owner's name: free text, checked to be a name.

use super::{Q, Question, Take};
use crate::flow::Ctx;
use crate::flow::answers::Answers;
use crate::flow::event::Input;
use crate::flow::reply::{Label, Msg, Reply};
use crate::flow::state::Conversation;
use crate::limits::OWNER_NAME_CHARS;
use crate::parse::{canonical, one_line, parse_amount};

pub(super) struct Name {
    q: Q,
    prompt: &'static str,
    title: &'static str,
    slot: fn(&mut Answers) -> &mut Option<String>,
    get: fn(&Answers) -> Option<&String>,
}

pub(super) static BUSINESS: Name = Name {
    q: Q::BusinessName,
    prompt: "ask-business-name",
    title: "title-business",
    slot: |a| &mut a.business_name,
    get: |a| a.business_name.as_ref(),
};

pub(super) static OWNER: Name = Name {
    q: Q::OwnerName,
    prompt: "ask-owner-name",
    title: "title-owner",
    slot: |a| &mut a.owner_name,
    get: |a| a.owner_name.as_ref(),
};

impl Question for Name {
    fn q(&self) -> Q {
        self.q
    }

    fn answered(&self, a: &Answers) -> bool {
        (self.get)(a).is_some()
    }

    fn clear(&self, a: &mut Answers) {
        *(self.slot)(a) = None;
    }

    fn prompt(&self, _conv: &Conversation, _ctx: &Ctx) -> Reply {
        Reply::say(Msg::new(self.prompt))
    }

    fn take(&self, conv: &mut Conversation, input: &Input, _ctx: &Ctx) -> Take {
        match input {
            Input::Text(text) => match name(text) {
                Ok(name) => {
                    *(self.slot)(&mut conv.answers) = Some(name);
                    Take::Recorded(None)
                }
                // Cutting a long text would keep half a sentence as the name: ask for it.
                Err(NotAName::TooLong) => {
                    Take::Refused(Msg::new("name-too-long").num("max", OWNER_NAME_CHARS as i64))
                }
                Err(NotAName::Other) => Take::NotUnderstood,
            },
            _ => Take::NotUnderstood,
        }
    }

    fn shown(&self, a: &Answers, _ctx: &Ctx) -> Option<Label> {
        (self.get)(a).map(|n| Label::Plain(n.clone()))
    }

    fn recorded(&self, a: &Answers) -> Option<String> {
        (self.get)(a).cloned()
    }

    fn title(&self) -> &'static str {
        self.title
    }

    fn help(&self) -> &'static str {
        "help-name"
    }

    fn hint(&self) -> &'static str {
        "hint-name"
    }
}

/// Greetings and self-introductions around a name: "nama saya Siti", "sy Budi kak".
const INTRO: &[&str] = &[
    "nama saya",
    "namaku",
    "nama sy",
    "saya",
    "sy",
    "aku",
    "nama usaha saya",
    "nama usahanya",
    "usaha saya",
    "nama toko saya",
    "namanya",
    "my name is",
    "i am",
];

/// Why a text is not kept as a name.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum NotAName {
    /// Longer than [`OWNER_NAME_CHARS`]: a sentence, not a name.
    TooLong,
    /// Too short, no letters, or an answer to something else.
    Other,
}

/// A business or person's name: 2–[`OWNER_NAME_CHARS`] characters with at least two
/// letters, without control or bidi characters, and not an answer to something else ("ya",
/// "halo", "150 juta").
pub(super) fn name(text: &str) -> Result<String, NotAName> {
    let mut name = one_line(text);
    let lower = name.to_lowercase();
    if let Some(intro) = INTRO.iter().find(|i| lower.starts_with(&format!("{i} "))) {
        name = name[intro.len()..].trim().to_owned();
    }
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let length = name.chars().count();
    if length > OWNER_NAME_CHARS {
        return Err(NotAName::TooLong);
    }
    let is_reply = super::only_answer_words(&name)
        || crate::flow::commands::is_greeting(&name)
        || parse_amount(&name).is_some()
        || PRONOUNS.contains(&canonical(&name).as_str());
    (length >= 2 && letters >= 2 && !is_reply)
        .then_some(name)
        .ok_or(NotAName::Other)
}

/// "saya" is who, not a name.
const PRONOUNS: &[&str] = &[
    "saya", "aku", "sy", "kami", "beta", "sa", "ane", "gue", "gw", "me", "i",
];

#[cfg(test)]
mod tests {
    use super::{NotAName, name};

    #[test]
    fn names_lose_hidden_controls_and_keep_their_letters() {
        assert_eq!(name("Toko\u{202E}Maju\u{7}").as_deref(), Ok("TokoMaju"));
        assert_eq!(
            name("nama saya \u{2067}Siti\u{2069}").as_deref(),
            Ok("Siti")
        );
        assert_eq!(name("مطعم السلام 🍜").as_deref(), Ok("مطعم السلام 🍜"));
    }

    #[test]
    fn a_sentence_is_too_long_for_a_name() {
        let long = "Keripik ".repeat(11);
        assert_eq!(name(&long), Err(NotAName::TooLong));
        assert!(name(&"k".repeat(80)).is_ok());
    }
}
