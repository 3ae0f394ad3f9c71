//! The conversation as a pure state machine: `step(state, event) -> (next, replies, effects)`.
//!
//! No channel, no database, no clock that was not handed in. Every question, branch and
//! outcome can be tested without I/O.

pub mod answers;
pub mod checklist;
pub mod choice;
pub mod commands;
pub mod event;
pub mod lead;
pub mod outcome;
pub mod questions;
pub mod reply;
pub mod state;

mod consent;
mod documents;
mod forward;
mod pending;
mod result;
mod review;
mod session;
mod understand;

pub use choice::ButtonId;
pub use event::{DocumentFile, Event, FileCheck, FileKind, FileProblem, Input};
pub use lead::LeadRecord;
pub use outcome::{Decision, OutcomeCode};
pub use reply::{Arg, Button, Label, Msg, Reply};
pub use state::{Conversation, Step};

use crate::domain::Locale;
use crate::i18n::Texts;
use crate::parse::PhoneNumber;
use crate::reference::Reference;
use checklist::DocItem;

/// What the flow may read besides the state and the event.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub reference: &'a Reference,
    /// The channel already knows the user's number (WhatsApp): the phone question is skipped.
    pub sender_phone: Option<&'a PhoneNumber>,
    pub default_locale: Locale,
    pub retention_months: u32,
    /// Rendering is pure: the flow uses it to read button labels typed as text and to keep
    /// every message within what a phone screen shows.
    pub texts: &'a Texts,
    /// Where the owner's referral to a consultant stands, for `/status`.
    pub referral: Option<&'a crate::referrals::OwnerView>,
}

/// The longest message the bot sends, in characters.
pub const MAX_MESSAGE_CHARS: usize = 600;

/// Messages longer than a phone shows comfortably are split between paragraphs; the
/// buttons stay with the last part, under the question.
fn split_long(replies: Vec<Reply>, ctx: &Ctx, locale: Locale) -> Vec<Reply> {
    let mut out = Vec::with_capacity(replies.len());
    for reply in replies {
        let Reply {
            paragraphs,
            buttons,
            ask_contact,
        } = reply;
        let mut part: Vec<Msg> = Vec::new();
        let mut used = 0;
        for paragraph in paragraphs {
            let chars = ctx.texts.render(locale, &paragraph).chars().count() + 2;
            if used + chars > MAX_MESSAGE_CHARS && !part.is_empty() {
                out.push(Reply {
                    paragraphs: std::mem::take(&mut part),
                    buttons: Vec::new(),
                    ask_contact: false,
                });
                used = 0;
            }
            part.push(paragraph);
            used += chars;
        }
        out.push(Reply {
            paragraphs: part,
            buttons,
            ask_contact,
        });
    }
    out
}

/// Work the flow asks the service to do in the same transaction as the state change.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Create or update this conversation's lead.
    SaveLead(Box<LeadRecord>),
    /// Keep the file the user just sent, as this checklist item.
    StoreDocument { item: DocItem, file: DocumentFile },
    /// Consent declined: count it anonymously, keep nothing else.
    CountDeclined,
    /// `/hapus` confirmed: delete the contact's conversation, lead and documents.
    EraseContact,
    /// The owner wrote to the officers after their result: keep it on the lead's thread.
    ForwardToStaff { text: String },
}

/// What happens to the conversation after this event.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    Keep(Box<Conversation>),
    /// Keep no state at all (consent declined, data deleted).
    Forget,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    pub next: Next,
    pub replies: Vec<Reply>,
    pub effects: Vec<Effect>,
}

impl Transition {
    /// The locale the replies should be rendered in.
    pub fn locale(&self, fallback: Locale) -> Locale {
        match &self.next {
            Next::Keep(conv) => conv.locale,
            Next::Forget => fallback,
        }
    }
}

/// Handle one event. `current` is None for a user we have no conversation with.
pub fn step(current: Option<Conversation>, event: &Event, ctx: &Ctx) -> Transition {
    let mut out = Out {
        now: event.at,
        replies: Vec::new(),
        effects: Vec::new(),
        lead_changed: false,
        new_result: false,
    };
    let next = match current {
        None => session::start(event, ctx, &mut out),
        Some(mut conv) => {
            let keep = session::handle(&mut conv, event, ctx, &mut out);
            conv.last_seen = Some(event.at);
            if keep {
                Next::Keep(Box::new(conv))
            } else {
                Next::Forget
            }
        }
    };
    if let (true, Next::Keep(conv)) = (out.lead_changed, &next)
        && let Some(mut lead) = LeadRecord::of(conv, ctx.reference)
    {
        lead.new_result = out.new_result;
        out.effects.push(Effect::SaveLead(Box::new(lead)));
    }
    let locale = match &next {
        Next::Keep(conv) => conv.locale,
        Next::Forget => ctx.default_locale,
    };
    Transition {
        replies: split_long(out.replies, ctx, locale),
        next,
        effects: out.effects,
    }
}

/// The time of the event, and the replies and effects collected while handling it.
struct Out {
    now: time::OffsetDateTime,
    replies: Vec<Reply>,
    effects: Vec<Effect>,
    lead_changed: bool,
    /// A result was judged in this event (the lead's timeline records each one).
    new_result: bool,
}

impl Out {
    fn say(&mut self, reply: Reply) {
        self.replies.push(reply);
    }

    fn effect(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// Ask the current question (or pending confirmation), optionally after a lead-in.
    fn ask(&mut self, conv: &Conversation, ctx: &Ctx, lead_in: Option<Msg>) {
        let mut reply = questions::prompt(conv, ctx);
        if let Some(msg) = lead_in {
            reply.paragraphs.insert(0, msg);
        }
        self.say(reply);
    }
}
