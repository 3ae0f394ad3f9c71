//! The conversation around the questions: starting, commands, questions back, misses.

use super::commands::{self, Command};
use super::event::{Event, Input};
use super::questions::{self, Q};
use super::reply::{Msg, Reply};
use super::state::{Conversation, Pending, Step};
use super::understand::{self, Understood};
use super::{ButtonId, Ctx, Next, Out, consent, documents, pending, result, review};
use crate::domain::Locale;

/// After this long without a message, a greeting is answered with "welcome back".
const IDLE_MINUTES: i64 = 60;

pub(super) fn start(event: &Event, ctx: &Ctx, out: &mut Out) -> Next {
    let command = text_of(event).and_then(commands::parse);
    if matches!(command, Some(Command::Delete | Command::Cancel)) {
        out.say(Reply::say(Msg::new("nothing-stored")));
        return Next::Forget;
    }
    if matches!(command, Some(Command::Unsubscribe))
        || words_command(&event.input) == Some(Command::Unsubscribe)
    {
        out.say(Reply::say(Msg::new("unsubscribe-none")));
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
    // A question in the very first message ("ini penipuan bukan?") is answered too.
    if let Some(text) = text_of(event)
        && command.is_none()
        && let Some(asking) = understand::asking(text, ctx)
    {
        understand::answer_question(&mut conv, asking.asked, text, ctx, out);
    }
    out.ask(&conv, ctx, None);
    conv.last_seen = Some(event.at);
    Next::Keep(Box::new(conv))
}

/// Returns false when the conversation must be forgotten.
pub(super) fn handle(conv: &mut Conversation, event: &Event, ctx: &Ctx, out: &mut Out) -> bool {
    if let Some(command) = text_of(event).and_then(commands::parse) {
        return run_command(conv, command, ctx, out);
    }
    // A campaign's start button works like its `/start <code>` link.
    if let Input::Button(ButtonId::Start(code)) = &event.input {
        return run_command(conv, Command::Start(Some(code.clone())), ctx, out);
    }
    let input = as_choice(conv, ctx, &event.input);
    if let Some(pending) = conv.pending.take() {
        return pending::resolve(conv, pending, &input, ctx, out);
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
        Input::Text(text) => {
            // A name is free text: "Warung Apa Aja" asks nothing, unless it says "?".
            let naming = matches!(conv.step, Step::BusinessName | Step::OwnerName);
            if let Some(asking) = understand::asking(text, ctx)
                && (!naming || text.contains('?'))
                && !answers_anyway(conv, &asking, &input, ctx)
            {
                return on_question_back(conv, asking, text, event, ctx, out);
            }
            return on_answer(conv, &input, event, returning, ctx, out);
        }
        _ => return on_answer(conv, &input, event, returning, ctx, out),
    }
    true
}

fn text_of(event: &Event) -> Option<&str> {
    match &event.input {
        Input::Text(text) => Some(text.as_str()),
        _ => None,
    }
}

/// A bare number, or the label of a button typed as text, picks that button of the
/// question on screen.
fn as_choice(conv: &Conversation, ctx: &Ctx, input: &Input) -> Input {
    let Input::Text(text) = input else {
        return input.clone();
    };
    let buttons = questions::prompt(conv, ctx).buttons;
    if let Ok(n) = text.trim().trim_end_matches('.').parse::<usize>() {
        if let Some(button) = n.checked_sub(1).and_then(|i| buttons.get(i)) {
            return Input::Button(button.id.clone());
        }
        return input.clone();
    }
    let typed = crate::parse::normalize(text);
    let found = buttons.iter().find(|b| {
        Locale::ALL
            .iter()
            .any(|&l| crate::parse::normalize(&ctx.texts.render_label(l, &b.label)) == typed)
    });
    match found {
        Some(button) => Input::Button(button.id.clone()),
        None => input.clone(),
    }
}

/// "150 juta?" looks like a question the knowledge base does not know, but it answers the
/// question on screen: take it as the answer.
fn answers_anyway(
    conv: &Conversation,
    asking: &understand::Asking,
    input: &Input,
    ctx: &Ctx,
) -> bool {
    // Only a message that is one question as a whole ("150 juta?"); "blm, itu wajib
    // kah?" holds an answer and a question, and both are taken.
    if !matches!(asking.asked, crate::reference::Asked::Unknown)
        || Q::of(&conv.step).is_none()
        || asking.answer.is_some()
    {
        return false;
    }
    let Input::Text(text) = input else {
        return false;
    };
    let (understood, after) = understand::trial(conv, text, ctx);
    // "ini bayar ka tidak?" is not a product the catalogue lacks.
    matches!(understood, Understood::Answered(_) | Understood::Moved)
        && !matches!(after.step, Step::ProductUnlisted { .. })
}

/// The message asks something back: answer it, take whatever answer it also holds, and
/// ask the question on screen again.
fn on_question_back(
    conv: &mut Conversation,
    asking: understand::Asking,
    text: &str,
    event: &Event,
    ctx: &Ctx,
    out: &mut Out,
) -> bool {
    understand::answer_question(conv, asking.asked, text, ctx, out);
    match asking.answer {
        // "garam kan halal kak, perlu juga?": the rest may not be an answer at all; the
        // question was answered, so the question on screen is simply asked again.
        Some(answer) if !understand::answers_something(conv, &answer, ctx) => {
            ask_after_question(conv, ctx, out);
            true
        }
        Some(answer) => on_answer(conv, &Input::Text(answer), event, false, ctx, out),
        None => {
            ask_after_question(conv, ctx, out);
            true
        }
    }
}

fn ask_after_question(conv: &Conversation, ctx: &Ctx, out: &mut Out) {
    if conv.step == Step::Consent {
        let buttons = questions::consent_prompt(ctx).buttons;
        out.say(Reply::say(Msg::new("consent-ask-short")).buttons(buttons));
    } else {
        out.ask(conv, ctx, None);
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
    if let Some(command) = words_command(input) {
        return run_command(conv, command, ctx, out);
    }
    let understood = match conv.step {
        Step::Consent => return consent::on_answer(conv, input, event, ctx, out),
        Step::Document { .. } => documents::on_answer(conv, input, ctx, out),
        Step::Review | Step::EditPick => review::on_input(conv, input, ctx, out),
        Step::Done => result::on_done(conv, input, ctx, out),
        _ => match understand::on_question(conv, input, ctx) {
            Understood::Answered(lead_in) => {
                proceed(conv, ctx, out, lead_in);
                true
            }
            Understood::Moved => {
                conv.misses = 0;
                out.ask(conv, ctx, None);
                true
            }
            Understood::Ahead(noted) | Understood::Refused(noted) => {
                out.ask(conv, ctx, Some(noted));
                true
            }
            Understood::Missed => false,
        },
    };
    if !understood {
        miss(conv, input, returning, ctx, out);
    }
    true
}

/// "hapus data saya" and "cek ulang" in words work like their commands.
fn words_command(input: &Input) -> Option<Command> {
    let Input::Text(text) = input else {
        return None;
    };
    commands::in_words(text)
}

/// Go to the next unanswered question, or to the review once none is left.
pub(super) fn proceed(conv: &mut Conversation, ctx: &Ctx, out: &mut Out, lead_in: Option<Msg>) {
    match questions::next_unanswered(&conv.answers, ctx) {
        Some(q) => conv.advance(q.step()),
        None => conv.advance(Step::Review),
    }
    out.ask(conv, ctx, lead_in);
}

fn miss(conv: &mut Conversation, input: &Input, returning: bool, ctx: &Ctx, out: &mut Out) {
    let greeting = matches!(input, Input::Text(t) if commands::is_greeting(t));
    if greeting || returning {
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
        Command::Restart => pending::ask(conv, Pending::ConfirmRestart, ctx, out),
        Command::Recheck => result::recheck(conv, ctx, out),
        Command::Delete => pending::ask(conv, Pending::ConfirmDelete, ctx, out),
        Command::Edit => review::start_edit(conv, ctx, out),
        Command::Language(Some(locale)) => set_locale(conv, locale, ctx, out),
        Command::Language(None) => pending::ask(conv, Pending::ChooseLanguage, ctx, out),
        Command::Cancel => {
            conv.paused = true;
            out.say(Reply::say(Msg::new("cancel-ok")));
        }
        Command::Status => result::status(conv, ctx, out),
        Command::Unsubscribe => notices(conv, false, ctx, out),
        Command::Subscribe => {
            if conv.consent.is_none() {
                out.ask(conv, ctx, Some(Msg::new("subscribe-needs-consent")));
            } else {
                notices(conv, true, ctx, out);
            }
        }
        Command::Skip => skip(conv, ctx, out),
        Command::Documents => documents::resume(conv, ctx, out),
    }
    true
}

/// `/berhenti` and `/langganan`: notices off or on. Only notices: the check, the lead and
/// any referral go on (deleting is `/hapus`).
fn notices(conv: &mut Conversation, on: bool, ctx: &Ctx, out: &mut Out) {
    if conv.consent.is_none() {
        out.say(Reply::say(Msg::new("unsubscribe-none")));
        return;
    }
    conv.notices_off = !on;
    let done = Msg::new(if on { "subscribe-ok" } else { "unsubscribe-ok" });
    // Mid-check, the owner still has a question to answer: ask it again after the answer.
    if conv.unfinished() && conv.pending.is_none() {
        out.ask(conv, ctx, Some(done));
    } else {
        out.say(Reply::say(done));
    }
}

/// `/kembali`: the answered question before this one, in asking order, whichever way it
/// was answered (typed ahead ones included).
fn back(conv: &mut Conversation, ctx: &Ctx, out: &mut Out) {
    if conv.step == Step::Consent {
        out.ask(conv, ctx, Some(Msg::new("back-none")));
        return;
    }
    match questions::before(Q::of(&conv.step), &conv.answers, ctx) {
        Some(previous) => {
            conv.advance(previous.step());
            out.ask(conv, ctx, Some(Msg::new("back-ok")));
        }
        None => out.ask(conv, ctx, Some(Msg::new("back-none"))),
    }
}

fn skip(conv: &mut Conversation, ctx: &Ctx, out: &mut Out) {
    match conv.step {
        Step::Phone => {
            conv.answers.phone = Some(super::answers::PhoneAnswer::Skipped);
            proceed(conv, ctx, out, None);
        }
        Step::Document { .. } => {
            documents::on_answer(
                conv,
                &Input::Button(ButtonId::Doc(super::choice::DocChoice::Skip)),
                ctx,
                out,
            );
        }
        _ => out.ask(conv, ctx, Some(Msg::new("skip-not-here"))),
    }
}

pub(super) fn set_locale(conv: &mut Conversation, locale: Locale, ctx: &Ctx, out: &mut Out) {
    conv.locale = locale;
    out.ask(conv, ctx, Some(Msg::new("language-set")));
}

/// On WhatsApp the number is the identity: once the user has agreed, it is their phone.
pub(super) fn adopt_sender_phone(conv: &mut Conversation, ctx: &Ctx) {
    if let (Some(phone), Some(_), None) = (ctx.sender_phone, &conv.consent, &conv.answers.phone) {
        conv.answers.phone = Some(super::answers::PhoneAnswer::Given(phone.clone()));
    }
}
