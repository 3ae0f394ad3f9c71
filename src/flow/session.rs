//! The conversation around the questions: starting, commands, confirmations, misses.

use super::answer::{self, Answered};
use super::answers::PhoneAnswer;
use super::commands::{self, Command};
use super::event::{Event, Input};
use super::questions;
use super::reply::{Msg, Reply};
use super::state::{ConsentRecord, Conversation, Pending, Step};
use super::{Ctx, Effect, Next, Out, documents, result};
use crate::domain::Locale;
use crate::parse::{YesNo, parse_yes_no};

/// After this long without a message, a greeting is answered with "welcome back".
const IDLE_MINUTES: i64 = 60;

pub(super) fn start(event: &Event, ctx: &Ctx, out: &mut Out) -> Next {
    let command = text_of(event).and_then(commands::parse);
    if matches!(command, Some(Command::Delete | Command::Cancel)) {
        out.say(Reply::say(Msg::new("nothing-stored")));
        return Next::Forget;
    }
    let mut conv = Conversation::new(ctx.default_locale);
    if let Some(Command::Language(Some(locale))) = command {
        conv.locale = locale;
    }
    if let Some(Command::Start(Some(code))) = &command {
        conv.record_source(code);
    }
    out.say(Reply::say(Msg::new("greeting")));
    out.ask(&conv, ctx, None);
    conv.last_seen = Some(event.at);
    Next::Keep(Box::new(conv))
}

/// Returns false when the conversation must be forgotten.
pub(super) fn handle(conv: &mut Conversation, event: &Event, ctx: &Ctx, out: &mut Out) -> bool {
    if let Some(command) = text_of(event).and_then(commands::parse) {
        return run_command(conv, command, ctx, out);
    }
    let input = as_choice(conv, ctx, &event.input);
    if let Some(pending) = conv.pending.take() {
        return resolve_pending(conv, pending, &input, ctx, out);
    }
    // Back after `/batal` or a long pause: an answer is taken, anything else is welcomed.
    let idle = conv
        .last_seen
        .is_some_and(|seen| (event.at - seen).whole_minutes() >= IDLE_MINUTES);
    let returning = std::mem::take(&mut conv.paused) || idle;
    match &input {
        Input::Unsupported if returning => out.ask(conv, ctx, Some(Msg::new("welcome-back"))),
        Input::Unsupported => out.ask(conv, ctx, Some(Msg::new("unsupported-input"))),
        Input::File(check) => documents::on_file(conv, check, ctx, out),
        Input::Text(_) | Input::Button(_) => {
            return on_answer(conv, &input, event, returning, ctx, out);
        }
    }
    true
}

fn text_of(event: &Event) -> Option<&str> {
    match &event.input {
        Input::Text(text) => Some(text.as_str()),
        _ => None,
    }
}

/// A bare number picks the numbered option of the question on screen.
fn as_choice(conv: &Conversation, ctx: &Ctx, input: &Input) -> Input {
    let Input::Text(text) = input else {
        return input.clone();
    };
    let Ok(n) = text.trim().trim_end_matches('.').parse::<usize>() else {
        return input.clone();
    };
    let buttons = questions::prompt(conv, ctx).buttons;
    match n.checked_sub(1).and_then(|i| buttons.get(i)) {
        Some(button) => Input::Button(button.id.clone()),
        None => input.clone(),
    }
}

/// Returns false when the conversation must be forgotten.
fn on_answer(
    conv: &mut Conversation,
    input: &Input,
    event: &Event,
    returning: bool,
    ctx: &Ctx,
    out: &mut Out,
) -> bool {
    let answered = match conv.step {
        Step::Consent => consent(conv, input, event, ctx, out),
        Step::Document { .. } => documents::on_answer(conv, input, ctx, out),
        Step::Done => {
            out.say(Reply::say(Msg::new("done-menu")));
            Answered::Yes
        }
        _ => answer::on_question(conv, input, ctx, out),
    };
    if answered == Answered::No {
        miss(conv, input, returning, ctx, out);
    }
    answered != Answered::Forget
}

fn consent(
    conv: &mut Conversation,
    input: &Input,
    event: &Event,
    ctx: &Ctx,
    out: &mut Out,
) -> Answered {
    let agreed = match input {
        Input::Button(id) if id == "consent:yes" => Some(true),
        Input::Button(id) if id == "consent:no" => Some(false),
        Input::Text(text) => explicit_consent(text),
        _ => None,
    };
    match agreed {
        Some(true) => {
            let notice_version = ctx.reference.rules.consent_notice_version.clone();
            conv.consent = Some(ConsentRecord {
                notice_version,
                at: event.at,
            });
            adopt_sender_phone(conv, ctx);
            conv.advance(questions::Q::Province.step());
            out.ask(conv, ctx, Some(Msg::new("consent-thanks")));
            Answered::Yes
        }
        Some(false) => {
            out.say(Reply::say(Msg::new("consent-declined")));
            out.effect(Effect::CountDeclined);
            Answered::Forget
        }
        None => Answered::No,
    }
}

/// Consent must be explicit (UU PDP): the whole message says agree or decline, nothing
/// that merely starts with "ada…" or "gak ngerti".
fn explicit_consent(text: &str) -> Option<bool> {
    const AGREE: &[&str] = &[
        "setuju",
        "saya setuju",
        "ya setuju",
        "iya setuju",
        "ya",
        "iya",
        "ok",
        "oke",
        "boleh",
        "yes",
        "agree",
        "i agree",
    ];
    const DECLINE: &[&str] = &[
        "tidak",
        "tidak setuju",
        "gak setuju",
        "ga setuju",
        "nggak setuju",
        "tolak",
        "menolak",
        "tidak mau",
        "gak mau",
        "ga mau",
        "nggak mau",
        "no",
        "gak",
        "nggak",
        "enggak",
    ];
    let t = crate::parse::normalize(text);
    if AGREE.contains(&t.as_str()) {
        Some(true)
    } else if DECLINE.contains(&t.as_str()) {
        Some(false)
    } else {
        None
    }
}

fn miss(conv: &mut Conversation, input: &Input, returning: bool, ctx: &Ctx, out: &mut Out) {
    let greeting = matches!(input, Input::Text(t) if commands::is_greeting(t));
    if (greeting || returning) && conv.step != Step::Consent {
        out.ask(conv, ctx, Some(Msg::new("welcome-back")));
        return;
    }
    conv.misses = conv.misses.saturating_add(1);
    if conv.misses >= 3 {
        conv.misses = 0;
        let has_buttons = !questions::prompt(conv, ctx).buttons.is_empty();
        let lead_in =
            Msg::new("miss-third").text("has_buttons", if has_buttons { "yes" } else { "no" });
        out.ask(conv, ctx, Some(lead_in));
    } else {
        out.ask(conv, ctx, Some(questions::hint(&conv.step)));
    }
}

fn run_command(conv: &mut Conversation, command: Command, ctx: &Ctx, out: &mut Out) -> bool {
    conv.pending = None;
    conv.paused = false;
    match command {
        Command::Start(code) => {
            if let Some(code) = code {
                conv.record_source(&code);
            }
            out.ask(conv, ctx, Some(Msg::new("welcome-back")));
        }
        Command::Help => out.ask(conv, ctx, Some(questions::help(&conv.step))),
        Command::Back => back(conv, ctx, out),
        Command::Restart => ask_pending(conv, Pending::ConfirmRestart, ctx, out),
        Command::Delete => ask_pending(conv, Pending::ConfirmDelete, ctx, out),
        Command::Language(Some(locale)) => set_locale(conv, locale, ctx, out),
        Command::Language(None) => ask_pending(conv, Pending::ChooseLanguage, ctx, out),
        Command::Cancel => {
            conv.paused = true;
            out.say(Reply::say(Msg::new("cancel-ok")));
        }
        Command::Status => result::status(conv, ctx, out),
        Command::Skip => skip(conv, ctx, out),
        Command::Documents => documents::resume(conv, ctx, out),
    }
    true
}

fn ask_pending(conv: &mut Conversation, pending: Pending, ctx: &Ctx, out: &mut Out) {
    conv.pending = Some(pending);
    out.ask(conv, ctx, None);
}

fn back(conv: &mut Conversation, ctx: &Ctx, out: &mut Out) {
    match conv.history.pop() {
        Some(previous) => {
            conv.step = previous;
            conv.misses = 0;
            out.ask(conv, ctx, Some(Msg::new("back-ok")));
        }
        None => out.ask(conv, ctx, Some(Msg::new("back-none"))),
    }
}

fn skip(conv: &mut Conversation, ctx: &Ctx, out: &mut Out) {
    match conv.step {
        Step::Phone => {
            answer::on_question(conv, &Input::Button("skip".into()), ctx, out);
        }
        Step::Document { .. } => {
            documents::on_answer(conv, &Input::Button("doc:skip".into()), ctx, out);
        }
        _ => out.ask(conv, ctx, Some(Msg::new("skip-not-here"))),
    }
}

fn set_locale(conv: &mut Conversation, locale: Locale, ctx: &Ctx, out: &mut Out) {
    conv.locale = locale;
    out.ask(conv, ctx, Some(Msg::new("language-set")));
}

fn resolve_pending(
    conv: &mut Conversation,
    pending: Pending,
    input: &Input,
    ctx: &Ctx,
    out: &mut Out,
) -> bool {
    if pending == Pending::ChooseLanguage {
        match chosen_locale(input) {
            Some(locale) => set_locale(conv, locale, ctx, out),
            None => out.ask(conv, ctx, Some(Msg::new("cancelled"))),
        }
        return true;
    }
    if !confirmed(input) {
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
            adopt_sender_phone(conv, ctx);
            out.ask(conv, ctx, Some(Msg::new("restart-ok")));
            true
        }
    }
}

fn confirmed(input: &Input) -> bool {
    match input {
        Input::Button(id) => id == "confirm:yes",
        Input::Text(text) => parse_yes_no(text) == Some(YesNo::Yes),
        _ => false,
    }
}

fn chosen_locale(input: &Input) -> Option<Locale> {
    match input {
        Input::Button(id) => id.strip_prefix("lang:").and_then(Locale::parse),
        Input::Text(text) => Locale::parse(text).or_else(|| {
            let t = crate::parse::normalize(text);
            ["bahasa indonesia", "indonesian"]
                .contains(&t.as_str())
                .then_some(Locale::Id)
        }),
        _ => None,
    }
}

/// Start the questions again; consent, language and source are kept.
fn restart(conv: &mut Conversation) {
    let fresh = Conversation {
        locale: conv.locale,
        consent: conv.consent.clone(),
        source: conv.source.clone(),
        last_seen: conv.last_seen,
        // Documents already sent stay received; the new checklist keeps them.
        checklist: std::mem::take(&mut conv.checklist),
        ..Conversation::new(conv.locale)
    };
    *conv = fresh;
    conv.step = if conv.consent.is_some() {
        questions::Q::Province.step()
    } else {
        Step::Consent
    };
}

/// On WhatsApp the number is the identity: once the user has agreed, it is their phone.
fn adopt_sender_phone(conv: &mut Conversation, ctx: &Ctx) {
    if let (Some(phone), Some(_), None) = (ctx.sender_phone, &conv.consent, &conv.answers.phone) {
        conv.answers.phone = Some(PhoneAnswer::Given(phone.clone()));
    }
}
