//! Confirmations asked on top of the current step: restart, delete, language.

use super::event::Input;
use super::questions::closed_read_yes_no;
use super::reply::{Button, Msg, Reply};
use super::state::{Conversation, Pending, Step};
use super::{ButtonId, Ctx, Effect, Out, result, session};
use crate::domain::Locale;
use crate::parse::YesNo;

pub(super) fn ask(conv: &mut Conversation, pending: Pending, ctx: &Ctx, out: &mut Out) {
    conv.pending = Some(pending);
    out.ask(conv, ctx, None);
}

pub(super) fn prompt(pending: Pending, conv: &Conversation) -> Reply {
    match pending {
        // After a result, most owners want to check again with a new answer, not retype
        // their name and region: offer that first.
        Pending::ConfirmRestart if conv.decision.is_some() => {
            Reply::say(Msg::new("confirm-restart-after-result")).buttons(vec![
                Button::msg(ButtonId::Recheck, "btn-recheck"),
                Button::msg(ButtonId::Confirm(true), "btn-restart-all"),
                Button::msg(ButtonId::Confirm(false), "btn-confirm-no"),
            ])
        }
        Pending::ConfirmRestart => {
            Reply::say(Msg::new("confirm-restart")).buttons(confirm_buttons())
        }
        Pending::ConfirmDelete => Reply::say(Msg::new("confirm-delete")).buttons(confirm_buttons()),
        Pending::ChooseLanguage => Reply::say(Msg::new("ask-language")).buttons(vec![
            Button::msg(ButtonId::Lang(Locale::Id), "btn-lang-id"),
            Button::msg(ButtonId::Lang(Locale::En), "btn-lang-en"),
        ]),
    }
}

fn confirm_buttons() -> Vec<Button> {
    vec![
        Button::msg(ButtonId::Confirm(true), "btn-confirm-yes"),
        Button::msg(ButtonId::Confirm(false), "btn-confirm-no"),
    ]
}

/// Returns false when the conversation must be forgotten.
pub(super) fn resolve(
    conv: &mut Conversation,
    pending: Pending,
    input: &Input,
    ctx: &Ctx,
    out: &mut Out,
) -> bool {
    if pending == Pending::ChooseLanguage {
        match chosen_locale(input) {
            Some(locale) => session::set_locale(conv, locale, ctx, out),
            None => out.ask(conv, ctx, Some(Msg::new("cancelled"))),
        }
        return true;
    }
    if pending == Pending::ConfirmRestart && conv.decision.is_some() {
        return after_result(conv, input, ctx, out);
    }
    if closed_read_yes_no(input) != Some(YesNo::Yes) {
        out.ask(conv, ctx, Some(Msg::new("cancelled")));
        return true;
    }
    match pending {
        Pending::ConfirmDelete => {
            out.effect(Effect::EraseContact);
            out.say(Reply::say(Msg::new("delete-done")));
            false
        }
        _ => {
            restart(conv);
            session::adopt_sender_phone(conv, ctx);
            if conv.consent.is_some() {
                session::proceed(conv, ctx, out, Some(Msg::new("restart-ok")));
            } else {
                out.ask(conv, ctx, Some(Msg::new("restart-ok")));
            }
            true
        }
    }
}

/// `/ulang` after a result: a plain yes is the harmless re-check; starting over, which
/// forgets region and names, needs its button or its words; anything else is asked again.
fn after_result(conv: &mut Conversation, input: &Input, ctx: &Ctx, out: &mut Out) -> bool {
    match after_result_choice(input) {
        Some(AfterResult::StartOver) => {
            restart(conv);
            session::adopt_sender_phone(conv, ctx);
            session::proceed(conv, ctx, out, Some(Msg::new("restart-ok")));
        }
        Some(AfterResult::Cancel) => out.ask(conv, ctx, Some(Msg::new("cancelled"))),
        Some(AfterResult::Recheck) => result::recheck(conv, ctx, out),
        None => ask(conv, Pending::ConfirmRestart, ctx, out),
    }
    true
}

enum AfterResult {
    Recheck,
    StartOver,
    Cancel,
}

fn after_result_choice(input: &Input) -> Option<AfterResult> {
    let text = match input {
        Input::Button(ButtonId::Recheck) => return Some(AfterResult::Recheck),
        Input::Button(ButtonId::Confirm(true)) => return Some(AfterResult::StartOver),
        Input::Button(ButtonId::Confirm(false)) => return Some(AfterResult::Cancel),
        Input::Text(text) => text,
        _ => return None,
    };
    let said = |words: &[&str]| crate::parse::mentions(text, words);
    if said(&["dari awal", "semua", "mulai lagi", "start over"]) {
        Some(AfterResult::StartOver)
    } else if said(&["tidak jadi", "batal", "tidak"]) {
        Some(AfterResult::Cancel)
    } else if said(&["cek ulang", "cek lagi", "ulang"])
        || closed_read_yes_no(input) == Some(YesNo::Yes)
    {
        Some(AfterResult::Recheck)
    } else {
        None
    }
}

fn chosen_locale(input: &Input) -> Option<Locale> {
    match input {
        Input::Button(ButtonId::Lang(locale)) => Some(*locale),
        Input::Text(text) => Locale::parse(text).or_else(|| {
            let t = crate::parse::normalize(text);
            match t.as_str() {
                "bahasa indonesia" | "indonesian" | "indonesia" | "indo" => Some(Locale::Id),
                "english" | "inggris" | "bahasa inggris" => Some(Locale::En),
                _ => None,
            }
        }),
        _ => None,
    }
}

/// Start the questions again; consent, language, source and documents are kept.
fn restart(conv: &mut Conversation) {
    let fresh = Conversation {
        locale: conv.locale,
        consent: conv.consent.clone(),
        source: conv.source.clone(),
        last_seen: conv.last_seen,
        // Documents already sent stay received; the new checklist keeps them.
        checklist: std::mem::take(&mut conv.checklist),
        owner_questions: std::mem::take(&mut conv.owner_questions),
        ..Conversation::new(conv.locale)
    };
    *conv = fresh;
    conv.step = if conv.consent.is_some() {
        Step::Province { page: 0 }
    } else {
        Step::Consent
    };
}
