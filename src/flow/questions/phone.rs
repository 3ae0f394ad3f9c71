//! The phone number staff can call; skipped on WhatsApp, where the number is the identity.

use super::{Q, Question, Take};
use crate::flow::answers::{Answers, PhoneAnswer};
use crate::flow::event::Input;
use crate::flow::reply::{Button, Label, Msg, Reply};
use crate::flow::state::Conversation;
use crate::flow::{ButtonId, Ctx};
use crate::parse::{PhoneNumber, Stance, parse_stance};

pub(super) struct Phone;

pub(super) static PHONE: Phone = Phone;

impl Question for Phone {
    fn q(&self) -> Q {
        Q::Phone
    }

    fn applies(&self, _a: &Answers, ctx: &Ctx) -> bool {
        ctx.sender_phone.is_none()
    }

    fn answered(&self, a: &Answers) -> bool {
        a.phone.is_some()
    }

    fn clear(&self, a: &mut Answers) {
        a.phone = None;
    }

    fn prompt(&self, _conv: &Conversation, _ctx: &Ctx) -> Reply {
        let mut reply = Reply::say(Msg::new("ask-phone"))
            .buttons(vec![Button::msg(ButtonId::SkipPhone, "btn-skip-phone")]);
        reply.ask_contact = true;
        reply
    }

    fn take(&self, conv: &mut Conversation, input: &Input, _ctx: &Ctx) -> Take {
        let answer = match input {
            Input::Button(ButtonId::SkipPhone) => Some(PhoneAnswer::Skipped),
            Input::Text(text) => read(text),
            _ => None,
        };
        match answer {
            Some(a) => {
                conv.answers.phone = Some(a);
                Take::Recorded(None)
            }
            None => Take::NotUnderstood,
        }
    }

    fn ahead(&self, clause: &str, a: &mut Answers, _ctx: &Ctx) -> bool {
        // Only a whole number counts: digits elsewhere are amounts or codes.
        let digits = clause.chars().filter(char::is_ascii_digit).count();
        match PhoneNumber::parse(clause) {
            Ok(n) if digits >= 10 => {
                a.phone = Some(PhoneAnswer::Given(n));
                true
            }
            _ => false,
        }
    }

    fn shown(&self, a: &Answers, _ctx: &Ctx) -> Option<Label> {
        a.phone.as_ref().map(|p| match p {
            PhoneAnswer::Given(n) => Label::Plain(n.to_string()),
            PhoneAnswer::Skipped => Label::Msg(Msg::new("answer-skipped")),
        })
    }

    fn recorded(&self, a: &Answers) -> Option<String> {
        a.phone.as_ref().map(|p| match p {
            PhoneAnswer::Given(n) => n.as_str().to_owned(),
            PhoneAnswer::Skipped => "skipped".to_owned(),
        })
    }

    fn title(&self) -> &'static str {
        "title-phone"
    }

    fn help(&self) -> &'static str {
        "help-phone"
    }

    fn hint(&self) -> &'static str {
        "hint-phone"
    }
}

/// A number, or a refusal ("tidak usah", "skip"): the phone is optional.
fn read(text: &str) -> Option<PhoneAnswer> {
    if let Ok(n) = PhoneNumber::parse(text) {
        return Some(PhoneAnswer::Given(n));
    }
    // "nomor saya 0812…": the number inside a sentence.
    let digits: String = text
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ");
    if let Ok(n) = PhoneNumber::parse(&digits) {
        return Some(PhoneAnswer::Given(n));
    }
    let t = crate::parse::canonical(text);
    let refuses = matches!(parse_stance(text), Some(Stance::No))
        || [
            "lewati",
            "skip",
            "tidak usah",
            "nanti",
            "jangan",
            "tidak ada hp",
            "tidak punya",
        ]
        .iter()
        .any(|w| t.contains(w));
    refuses.then_some(PhoneAnswer::Skipped)
}
