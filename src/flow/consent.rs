//! The consent answer (UU PDP): explicit, in the owner's words, and the first answer that
//! may follow it in the same message ("setuju, sy di jawa tengah").

use super::event::{Event, Input};
use super::questions;
use super::reply::{Msg, Reply};
use super::state::{ConsentRecord, Conversation};
use super::understand::{self, Understood};
use super::{Ctx, Effect, Out, session};

/// Returns false when the conversation must be forgotten.
pub(super) fn on_answer(
    conv: &mut Conversation,
    input: &Input,
    event: &Event,
    ctx: &Ctx,
    out: &mut Out,
) -> bool {
    let (mut verdict, rest) = read_consent(input);
    // "ok tapi nanti" starts like a yes; a clause counts only when the rest is an answer.
    if let Some(rest) = &rest
        && !answers_first_question(conv, rest, ctx)
    {
        verdict = None;
    }
    match verdict {
        Some(true) => {
            let notice_version = ctx.reference.rules.consent_notice_version.clone();
            conv.consent = Some(ConsentRecord {
                notice_version,
                at: event.at,
            });
            session::adopt_sender_phone(conv, ctx);
            let mut lead_in = Msg::new("consent-thanks");
            // "setuju, sy di jawa tengah": the rest answers the first question.
            if let Some(rest) = rest
                && let Some(q) = questions::next_unanswered(&conv.answers, ctx)
            {
                conv.advance(q.step());
                match understand::on_question(conv, &Input::Text(rest), ctx) {
                    Understood::Answered(noted) => {
                        if let Some(noted) = noted {
                            lead_in = Msg::new("two-lines")
                                .msg("first", lead_in)
                                .msg("second", noted);
                        }
                    }
                    Understood::Moved => {
                        out.ask(conv, ctx, Some(lead_in));
                        return true;
                    }
                    Understood::Ahead(_) | Understood::Refused(_) | Understood::Missed => {}
                }
            }
            session::proceed(conv, ctx, out, Some(lead_in));
            true
        }
        Some(false) => {
            out.say(Reply::say(Msg::new("consent-declined")));
            out.effect(Effect::CountDeclined);
            false
        }
        None => {
            out.say(again(ctx));
            true
        }
    }
}

fn answers_first_question(conv: &Conversation, rest: &str, ctx: &Ctx) -> bool {
    let Some(q) = questions::next_unanswered(&conv.answers, ctx) else {
        return false;
    };
    let mut at_question = conv.clone();
    at_question.advance(q.step());
    matches!(
        understand::trial(&at_question, rest, ctx).0,
        Understood::Answered(_) | Understood::Moved
    )
}

/// Consent from the whole message, or from its first clause with the rest kept for the
/// questions that follow.
fn read_consent(input: &Input) -> (Option<bool>, Option<String>) {
    let whole = questions::read_consent(input);
    let Input::Text(text) = input else {
        return (whole, None);
    };
    if whole.is_some() {
        return (whole, None);
    }
    let parts = understand::clauses(text);
    match parts.split_first() {
        Some((first, rest)) if !rest.is_empty() => {
            match questions::read_consent(&Input::Text(first.clone())) {
                Some(verdict) => (Some(verdict), Some(rest.join(", "))),
                None => (None, None),
            }
        }
        _ => (None, None),
    }
}

/// Consent asked again in one short line with its buttons, not the whole notice.
pub(super) fn again(ctx: &Ctx) -> Reply {
    Reply::say(Msg::new("consent-again")).buttons(questions::consent_prompt(ctx).buttons)
}
