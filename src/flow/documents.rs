//! The document checklist: each item sent now, skipped, or promised for later.

use super::checklist::{DocItem, DocState};
use super::choice::DocChoice;
use super::event::{FileCheck, FileProblem, Input};
use super::reply::{Button, Msg, Reply};
use super::state::{Conversation, Step};
use super::{ButtonId, Ctx, Effect, Out, result};
use crate::parse::{Stance, canonical, parse_stance};

/// A file arrived. It is kept only while a document is being asked for (or still owed).
pub(super) fn on_file(conv: &mut Conversation, check: &FileCheck, ctx: &Ctx, out: &mut Out) {
    let index = match conv.step {
        Step::Document { index } => Some(index),
        Step::Done => conv.checklist.next_open(0),
        _ => None,
    };
    let Some(index) = index else {
        match (check, &conv.step) {
            (_, Step::Done) => out.say(Reply::say(Msg::new("documents-complete"))),
            // Sent before it was asked for: kept, so nothing the owner sent is lost.
            (FileCheck::Accepted(file), _) if conv.consent.is_some() => {
                out.effect(Effect::StoreDocument {
                    item: DocItem::Lainnya,
                    file: file.clone(),
                });
                out.ask(conv, ctx, Some(Msg::new("file-kept-early")));
            }
            (FileCheck::Rejected(problem), _) => out.ask(conv, ctx, Some(refusal(*problem))),
            _ => out.ask(conv, ctx, Some(Msg::new("file-not-now"))),
        }
        return;
    };
    match check {
        FileCheck::Rejected(problem) => {
            conv.step = Step::Document { index };
            out.ask(conv, ctx, Some(refusal(*problem)));
        }
        FileCheck::Accepted(file) => {
            let Some(entry) = conv.checklist.0.get_mut(index) else {
                out.ask(conv, ctx, Some(Msg::new("file-not-now")));
                return;
            };
            entry.state = DocState::Received {
                sha256: file.sha256.clone(),
            };
            let item = entry.item;
            out.effect(Effect::StoreDocument {
                item,
                file: file.clone(),
            });
            let thanks = Msg::new("doc-received").text("item", item.as_str());
            move_on(conv, index, ctx, out, Some(thanks));
        }
    }
}

fn refusal(problem: FileProblem) -> Msg {
    match problem {
        FileProblem::TooLarge { limit_mb } => {
            Msg::new("file-too-large").num("limit", limit_mb as i64)
        }
        FileProblem::NotAllowed => Msg::new("file-not-allowed"),
        FileProblem::Empty => Msg::new("file-empty"),
    }
}

/// Text or a button at a document step: skip it, send it later. False when not understood.
pub(super) fn on_answer(conv: &mut Conversation, input: &Input, ctx: &Ctx, out: &mut Out) -> bool {
    let Step::Document { index } = conv.step else {
        return false;
    };
    let Some(state) = choice(input) else {
        return false;
    };
    let Some(entry) = conv.checklist.0.get_mut(index) else {
        return false;
    };
    entry.state = state;
    move_on(conv, index, ctx, out, None);
    true
}

/// The request for one document, with its two ways out.
pub(super) fn prompt(conv: &Conversation, index: usize) -> Reply {
    let Some(entry) = conv.checklist.0.get(index) else {
        return result::done_prompt();
    };
    Reply::say(
        Msg::new(entry.item.ask_msg())
            .num("n", index as i64 + 1)
            .num("total", conv.checklist.len() as i64),
    )
    .buttons(vec![
        Button::msg(ButtonId::Doc(DocChoice::Skip), "btn-doc-skip"),
        Button::msg(ButtonId::Doc(DocChoice::Later), "btn-doc-later"),
    ])
}

fn choice(input: &Input) -> Option<DocState> {
    let text = match input {
        Input::Button(ButtonId::Doc(DocChoice::Skip)) => return Some(DocState::Skipped),
        Input::Button(ButtonId::Doc(DocChoice::Later)) => return Some(DocState::Later),
        Input::Text(text) => text,
        _ => return None,
    };
    let t = canonical(text);
    if [
        "nanti",
        "besok",
        "later",
        "lain kali",
        "kirim nanti",
        "nanti saja",
    ]
    .iter()
    .any(|w| t.contains(w))
    {
        return Some(DocState::Later);
    }
    matches!(parse_stance(text), Some(Stance::No)).then_some(DocState::Skipped)
}

/// Save the lead, then ask for the next owed document or close with the summary.
fn move_on(conv: &mut Conversation, index: usize, ctx: &Ctx, out: &mut Out, lead_in: Option<Msg>) {
    result::mark_lead_changed(out);
    match conv.checklist.next_open(index + 1) {
        Some(next) => {
            conv.advance(Step::Document { index: next });
            out.ask(conv, ctx, lead_in);
        }
        None => {
            if let Some(msg) = lead_in {
                out.say(Reply::say(msg));
            }
            conv.advance(Step::Done);
            result::closing(conv, ctx, out);
        }
    }
}

/// `/dokumen`: go back to the first document still owed.
pub(super) fn resume(conv: &mut Conversation, ctx: &Ctx, out: &mut Out) {
    // Before the outcome, or while a question is being answered again after /kembali.
    if conv.decision.is_none()
        || super::questions::Q::of(&conv.step).is_some()
        || matches!(conv.step, Step::Review | Step::EditPick)
    {
        out.ask(conv, ctx, Some(Msg::new("documents-not-yet")));
        return;
    }
    match conv.checklist.next_open(0) {
        Some(index) => {
            conv.step = Step::Document { index };
            out.ask(conv, ctx, None);
        }
        None => {
            conv.advance(Step::Done);
            out.say(Reply::say(Msg::new("documents-complete")));
        }
    }
}
