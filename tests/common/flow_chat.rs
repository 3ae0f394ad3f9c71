//! Driving `flow::step` the way a user chats: the state is kept between messages as the
//! store would keep it. Shared by the flow tests.
#![allow(dead_code)]

use pandu::domain::Locale;
use pandu::flow::answers::Answers;
use pandu::flow::{
    self, ButtonId, Conversation, Ctx, Decision, DocumentFile, Effect, Event, FileCheck, FileKind,
    FileProblem, Input, LeadRecord, Next, OutcomeCode, Step, Transition,
};
use pandu::i18n::Texts;
use pandu::parse::PhoneNumber;
use pandu::reference::{ProductId, Reference, RegionCode};
use std::sync::LazyLock;
use time::OffsetDateTime;
use time::macros::datetime;

pub static REFERENCE: LazyLock<Reference> = LazyLock::new(Reference::embedded);
pub static TEXTS: LazyLock<Texts> = LazyLock::new(|| Texts::embedded(None));

/// Before the halal deadline (17 Oct 2026), in WIB.
pub const BEFORE_HALAL_DEADLINE: OffsetDateTime = datetime!(2025-06-02 09:00 +07:00);
pub const AFTER_HALAL_DEADLINE: OffsetDateTime = datetime!(2026-11-02 09:00 +07:00);

/// One user talking to the bot: keeps the state between messages like the store would.
pub struct Chat {
    pub conv: Option<Conversation>,
    pub at: OffsetDateTime,
    pub sender_phone: Option<PhoneNumber>,
    pub log: Vec<Transition>,
    pub confirm_review: bool,
}

impl Chat {
    pub fn new() -> Self {
        Self::at(BEFORE_HALAL_DEADLINE)
    }

    pub fn at(at: OffsetDateTime) -> Self {
        Self {
            conv: None,
            at,
            sender_phone: None,
            log: Vec::new(),
            confirm_review: true,
        }
    }

    /// A channel that knows the number (WhatsApp).
    pub fn with_sender_phone(phone: &str) -> Self {
        Self {
            sender_phone: Some(PhoneNumber::parse(phone).unwrap()),
            ..Self::new()
        }
    }

    pub fn send(&mut self, input: Input) -> &Transition {
        let ctx = Ctx {
            reference: &REFERENCE,
            sender_phone: self.sender_phone.as_ref(),
            default_locale: Locale::Id,
            retention_months: 24,
            texts: &TEXTS,
            referral: None,
        };
        let event = Event { input, at: self.at };
        let t = flow::step(self.conv.take(), &event, &ctx);
        self.conv = match &t.next {
            Next::Keep(conv) => Some((**conv).clone()),
            Next::Forget => None,
        };
        self.log.push(t);
        self.last()
    }

    pub fn say(&mut self, text: &str) -> &Transition {
        self.send(Input::Text(text.into()))
    }

    pub fn press(&mut self, id: &str) -> &Transition {
        let id = ButtonId::parse(id).unwrap_or_else(|| panic!("{id} is a button id"));
        self.send(Input::Button(id))
    }

    pub fn file(&mut self, sha: &str) -> &Transition {
        self.send(Input::File(FileCheck::Accepted(DocumentFile {
            sha256: sha.into(),
            kind: FileKind::Jpeg,
            size: 180_000,
        })))
    }

    pub fn rejected(&mut self, problem: FileProblem) -> &Transition {
        self.send(Input::File(FileCheck::Rejected(problem)))
    }

    /// Plays a script: plain strings are typed, "!id" presses a button. Every line must
    /// keep the conversation; the failing line and the bot's answer are named on failure.
    pub fn play(&mut self, script: &[&str]) -> &mut Self {
        for line in script {
            let t = match line.strip_prefix('!') {
                Some(id) => self.press(id),
                None => self.say(line),
            };
            assert!(
                matches!(t.next, Next::Keep(_)),
                "{line:?} ended the conversation: {:?}",
                all_ids(t)
            );
            // These scripts are about results: the review of the answers (tested on its
            // own) is confirmed the way most owners do, with the button.
            if self.confirm_review && self.conv.as_ref().is_some_and(|c| c.step == Step::Review) {
                self.press("review:ok");
            }
        }
        self
    }

    pub fn last(&self) -> &Transition {
        self.log.last().expect("something was sent")
    }

    pub fn conv(&self) -> &Conversation {
        self.conv.as_ref().expect("the conversation is kept")
    }

    pub fn step(&self) -> &Step {
        &self.conv().step
    }

    pub fn answers(&self) -> &Answers {
        &self.conv().answers
    }

    pub fn decision(&self) -> &Decision {
        self.conv()
            .decision
            .as_ref()
            .expect("an outcome was reached")
    }

    /// Every Fluent id of the last transition, in order.
    pub fn ids(&self) -> Vec<&'static str> {
        all_ids(self.last())
    }

    /// Button ids of the last message.
    pub fn buttons(&self) -> Vec<String> {
        let reply = self.last().replies.last().expect("a reply");
        reply.buttons.iter().map(|b| b.id.wire()).collect()
    }

    /// The lead saved by the last transition.
    pub fn lead(&self) -> &LeadRecord {
        self.last()
            .effects
            .iter()
            .find_map(|e| match e {
                Effect::SaveLead(lead) => Some(&**lead),
                _ => None,
            })
            .expect("the lead was saved")
    }

    /// The last transition's messages as the owner reads them.
    pub fn rendered(&self) -> Vec<String> {
        let locale = self.conv.as_ref().map_or(Locale::Id, |c| c.locale);
        self.last()
            .replies
            .iter()
            .map(|r| TEXTS.render_reply(locale, r).text)
            .collect()
    }

    /// The longest message the bot sent in this chat, in characters.
    pub fn longest_message(&self) -> usize {
        self.log
            .iter()
            .flat_map(|t| &t.replies)
            .map(|r| TEXTS.render_reply(Locale::Id, r).text.chars().count())
            .max()
            .unwrap_or(0)
    }

    pub fn said(&self, id: &str) -> bool {
        self.ids().contains(&id)
    }
}

pub fn all_ids(t: &Transition) -> Vec<&'static str> {
    t.replies.iter().flat_map(|r| r.ids()).collect()
}

pub fn code(text: &str) -> RegionCode {
    RegionCode::parse(text).unwrap()
}

pub fn product(text: &str) -> ProductId {
    ProductId::parse(text).unwrap()
}

/// Consent, region, names and phone: what every conversation starts with.
pub fn opening(region: &str) -> Vec<&str> {
    vec![
        "halo",
        "iya",
        region,
        "Gula Aren Bu Siti",
        "Siti Aminah",
        "0812 3456 7890",
    ]
}

/// The rest of a conversation that ends "siap SNI Bina UMK": home-made palm sugar, NIB
/// with low risk, P-IRT, halal and merek done, full label, willing, local market.
pub const READY_BINA_UMK: &[&str] = &[
    "gula aren cetak",
    "iya",
    "150 juta",
    "sudah",
    "rendah",
    "di rumah",
    "sudah ada pirt",
    "sudah",
    "sudah",
    "iya lengkap",
    "iya",
    "pasar lokal",
];

pub fn chat_through(region: &str, rest: &[&str]) -> Chat {
    let mut chat = Chat::new();
    chat.play(&opening(region)).play(rest);
    chat
}

/// A conversation sitting at the question after `rest`, for the command tests.
pub fn chat_at(rest: &[&str]) -> Chat {
    chat_through("lombok tengah", rest)
}

/// Everything but last_seen, which every event updates.
pub fn same_state(before: &Conversation, after: &Conversation) -> bool {
    let mut after = after.clone();
    after.last_seen = before.last_seen;
    *before == after
}

pub fn outcome_id(code: OutcomeCode) -> String {
    format!("outcome-{}", code.as_str().replace('_', "-"))
}
