//! The document checklist: each item sent now, skipped, or promised for later.

use super::answer::{Answered, typed, yes_no};
use super::checklist::DocState;
use super::event::{FileCheck, FileProblem, Input};
use super::reply::{Msg, Reply};
use super::state::{Conversation, Step};
use super::{Ctx, Effect, Out, result};
use crate::parse::{YesNo, normalize};

/// A file arrived. It is kept only while a document is being asked for (or still owed).
pub(super) fn on_file(conv: &mut Conversation, check: &FileCheck, ctx: &Ctx, out: &mut Out) {
    let index = match conv.step {
        Step::Document { index } => Some(index),
        Step::Done => conv.checklist.next_open(0),
        _ => None,
    };
    let Some(index) = index else {
        if conv.step == Step::Done {
            out.say(Reply::say(Msg::new("documents-complete")));
        } else {
            out.ask(conv, ctx, Some(Msg::new("file-not-now")));
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

/// Text or a button at a document step: skip it, send it later, or a hint.
pub(super) fn on_answer(
    conv: &mut Conversation,
    input: &Input,
    ctx: &Ctx,
    out: &mut Out,
) -> Answered {
    let Step::Document { index } = conv.step else {
        return Answered::No;
    };
    let Some(state) = choice(input) else {
        return Answered::No;
    };
    let Some(entry) = conv.checklist.0.get_mut(index) else {
        return Answered::No;
    };
    entry.state = state;
    move_on(conv, index, ctx, out, None);
    Answered::Yes
}

fn choice(input: &Input) -> Option<DocState> {
    match input {
        Input::Button(id) if id == "doc:skip" => return Some(DocState::Skipped),
        Input::Button(id) if id == "doc:later" => return Some(DocState::Later),
        _ => {}
    }
    let text = typed(input)?;
    let t = normalize(text);
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
    matches!(yes_no(input), Some(YesNo::No)).then_some(DocState::Skipped)
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
    if conv.decision.is_none() || super::questions::Q::of(&conv.step).is_some() {
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
