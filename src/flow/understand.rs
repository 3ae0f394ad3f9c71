//! One message, several things: an answer, answers to later questions, a question back.

use super::answers::OwnerQuestion;
use super::questions::{self, Take};
use super::reply::{Msg, Reply};
use super::state::Conversation;
use super::{Ctx, Out};
use crate::reference::{Asked, Topic, knowledge::looks_like_question};

/// Split a message into the parts owners separate with commas, full stops or "dan":
/// "sudah, risiko menengah rendah" → ["sudah", "risiko menengah rendah"].
pub(super) fn clauses(text: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    // A '?' stays with its clause: it marks the question in it.
    for piece in crate::parse::text::split_at(text, &[',', ';', '\n', '.', '!']) {
        for sub in split_words(piece, &[" dan ", " terus ", " trus ", " tapi ", " tp "]) {
            let sub = sub.trim();
            if !sub.is_empty() {
                parts.push(sub.to_owned());
            }
        }
    }
    parts
}

fn split_words<'a>(piece: &'a str, seps: &[&str]) -> Vec<&'a str> {
    let lower = piece.to_lowercase();
    // Byte offsets stay valid: lowercasing ASCII separators does not move them.
    if lower.len() != piece.len() {
        return vec![piece];
    }
    let mut cuts = vec![0];
    for sep in seps {
        cuts.extend(lower.match_indices(sep).map(|(i, _)| i));
    }
    cuts.sort_unstable();
    cuts.push(piece.len());
    cuts.windows(2).map(|w| &piece[w[0]..w[1]]).collect()
}

/// What the message asks, if anything, and the part of it that may be an answer.
pub(super) struct Asking<'k> {
    pub asked: Asked<'k>,
    /// The clauses that are not questions ("blm" in "blm, itu wajib kah?").
    pub answer: Option<String>,
}

pub(super) fn asking<'k>(text: &str, ctx: &Ctx<'k>) -> Option<Asking<'k>> {
    let asked = ctx.reference.knowledge.lookup(text)?;
    // "???" or "apa kabar?" is no question for staff to answer.
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let unknown = matches!(asked, Asked::Unknown);
    if unknown && (letters < 4 || super::commands::is_greeting(text)) {
        return None;
    }
    let rest: Vec<String> = clauses(text)
        .into_iter()
        .filter(|c| !looks_like_question(c))
        .collect();
    Some(Asking {
        asked,
        answer: (!rest.is_empty()).then(|| rest.join(", ")),
    })
}

/// Answer a question back: from the knowledge base, or noted for staff.
pub(super) fn answer_question(
    conv: &mut Conversation,
    asked: Asked,
    text: &str,
    ctx: &Ctx,
    out: &mut Out,
) {
    match asked {
        Asked::Known(topic) => out.say(Reply::say(Msg::new(in_context(topic, conv, ctx)))),
        // Before consent nothing personal is kept, questions included.
        Asked::Unknown if conv.consent.is_none() => out.say(Reply::say(Msg::new("kb-ask-later"))),
        // "itu wajib kah?" at the NIB question asks about the question itself.
        Asked::Unknown if questions::Q::of(&conv.step).is_some() && about_this(text) => {
            out.say(Reply::say(questions::help(&conv.step)));
        }
        Asked::Unknown => {
            let text = crate::parse::one_line(text);
            conv.owner_questions.push(OwnerQuestion {
                text: text
                    .chars()
                    .take(crate::limits::OWNER_QUESTION_CHARS)
                    .collect(),
                at: out.now,
            });
            super::result::mark_lead_changed(out);
            out.say(Reply::say(Msg::new("kb-unknown")));
        }
    }
}

/// What reading a message at a question did.
pub(super) enum Understood {
    /// The question is answered; say this before the next one.
    Answered(Option<Msg>),
    /// The question moved to a sub-step (a pick list, a confirmation).
    Moved,
    /// Only later questions were answered: ask this one again after saying so.
    Ahead(Msg),
    /// The answer was read but refused: say why, then ask this question again.
    Refused(Msg),
    /// Nothing in the message answers anything.
    Missed,
}

/// "biayanya brp?" has another answer once the answers point to an LSPro (a mandatory
/// SNI, or a business above small) than on the way to SNI Bina UMK.
fn in_context(topic: &Topic, conv: &Conversation, ctx: &Ctx) -> &'static str {
    let lspro = crate::flow::outcome::is_mandatory(&conv.answers, ctx.reference)
        || crate::flow::outcome::above_umk(&conv.answers, ctx.reference);
    if lspro {
        ctx.reference.knowledge.on_lspro_route(topic).answer
    } else {
        topic.answer
    }
}

/// A short question pointing at "that" ("itu wajib?", "ini maksudnya?", "gunanya apa?").
fn about_this(text: &str) -> bool {
    clauses(text)
        .iter()
        .filter(|c| looks_like_question(c))
        .any(|c| {
            let t = crate::parse::normalize(c);
            let words: Vec<&str> = t.split_whitespace().collect();
            words.len() <= 5
                && words
                    .iter()
                    .any(|w| ["itu", "ini", "tu", "tsb"].contains(w) || w.ends_with("nya"))
        })
}

/// Read the answer to the question on screen, and any later answers in the same message.
pub(super) fn on_question(conv: &mut Conversation, input: &super::Input, ctx: &Ctx) -> Understood {
    if let Some(moved_on) = confirmed_by_next_answer(conv, input, ctx) {
        return moved_on;
    }
    let parts = match input {
        super::Input::Text(t) => clauses(t),
        _ => Vec::new(),
    };
    // When the rest of the message answers other questions ("belum, tapi merek sudah
    // daftar"; "sudah, gatau risikonya", where the risk question exists only once the NIB
    // is recorded), the first clause alone answers this one; otherwise the whole message
    // does ("CV. Berkah Abadi", "udah ada merek tapi blm daftar").
    if let [first, rest @ ..] = parts.as_slice()
        && !rest.is_empty()
    {
        let mut trial = conv.clone();
        let taken = questions::take(&mut trial, &super::Input::Text(first.clone()), ctx);
        if let Some((_, taken @ (Take::Recorded(_) | Take::SubStep))) = taken {
            let filled = questions::fill_ahead(&mut trial, rest, ctx);
            if !filled.is_empty() {
                *conv = trial;
                return understood(taken, &filled, conv, ctx);
            }
        }
    }
    let Some((_, taken)) = questions::take(conv, input, ctx) else {
        return Understood::Missed;
    };
    match taken {
        Take::Refused(why) => Understood::Refused(why),
        Take::NotUnderstood => {
            // Typed ahead: answers to later questions are kept, and this one is asked again.
            let filled = questions::fill_ahead(conv, &parts, ctx);
            match questions::noted(&filled, conv, ctx) {
                Some(msg) => Understood::Ahead(msg),
                None => Understood::Missed,
            }
        }
        taken => {
            let filled = questions::fill_ahead(conv, parts.get(1..).unwrap_or_default(), ctx);
            understood(taken, &filled, conv, ctx)
        }
    }
}

/// "Produk Anda: Madu. Benar?" answered with "20 milyar": the owner moved on without the
/// yes. When the message is no answer to the confirmation but does answer the question
/// after it, the product is taken as confirmed and the message as that answer.
fn confirmed_by_next_answer(
    conv: &mut Conversation,
    input: &super::Input,
    ctx: &Ctx,
) -> Option<Understood> {
    use super::{ButtonId, Step};
    if !matches!(conv.step, Step::ProductConfirm { .. }) || !matches!(input, super::Input::Text(_))
    {
        return None;
    }
    let mut probe = conv.clone();
    if !matches!(
        questions::take(&mut probe, input, ctx),
        Some((_, Take::NotUnderstood))
    ) {
        return None;
    }
    let mut trial = conv.clone();
    let yes = super::Input::Button(ButtonId::Answer(crate::parse::YesNo::Yes));
    let Some((_, Take::Recorded(echo))) = questions::take(&mut trial, &yes, ctx) else {
        return None;
    };
    let next = questions::next_unanswered(&trial.answers, ctx)?;
    trial.advance(next.step());
    match on_question(&mut trial, input, ctx) {
        Understood::Answered(more) => {
            *conv = trial;
            Some(Understood::Answered(join(echo, more)))
        }
        _ => None,
    }
}

/// Would this text answer something at the step the conversation is on?
pub(super) fn answers_something(conv: &Conversation, text: &str, ctx: &Ctx) -> bool {
    if super::questions::Q::of(&conv.step).is_none() {
        // Consent, the review and documents read their own answers; let them try.
        return true;
    }
    !matches!(trial(conv, text, ctx).0, Understood::Missed)
}

/// What reading `text` at the question on screen would do, on a copy of the conversation;
/// the copy is returned to look at (its step, say).
pub(super) fn trial(conv: &Conversation, text: &str, ctx: &Ctx) -> (Understood, Conversation) {
    let mut copy = conv.clone();
    let understood = on_question(&mut copy, &super::Input::Text(text.to_owned()), ctx);
    (understood, copy)
}

fn understood(taken: Take, filled: &[questions::Q], conv: &Conversation, ctx: &Ctx) -> Understood {
    let noted = questions::noted(filled, conv, ctx);
    match taken {
        Take::Recorded(echo) => Understood::Answered(join(echo, noted)),
        // A pick list or a confirmation: what else the message said is kept, and said
        // once the sub-step is answered.
        _ => Understood::Moved,
    }
}

fn join(a: Option<Msg>, b: Option<Msg>) -> Option<Msg> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Msg::new("two-lines").msg("first", a).msg("second", b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::clauses;

    #[test]
    fn messages_split_into_their_answers_but_numbers_stay_whole() {
        let cases: [(&str, &[&str]); 6] = [
            (
                "sudah, risiko menengah rendah",
                &["sudah", "risiko menengah rendah"],
            ),
            ("blm, itu wajib kah?", &["blm", "itu wajib kah?"]),
            ("udh tp gatau risikonya", &["udh", "tp gatau risikonya"]),
            ("Rp 1.500.000 sebulan", &["Rp 1.500.000 sebulan"]),
            ("sekitar 24,5 M", &["sekitar 24,5 M"]),
            (
                "lengkap. merek blm daftar!",
                &["lengkap", "merek blm daftar"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(clauses(text), want, "{text}");
        }
    }
}
