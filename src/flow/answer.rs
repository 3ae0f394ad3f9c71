//! Answers to the closed and free-text questions, and moving on to the next one.

use super::event::Input;
use super::questions::{Q, next_after};
use super::reply::Msg;
use super::state::{Conversation, Step};
use super::{Ctx, Out, products, regions, result};
use crate::parse::YesNo;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Answered {
    Yes,
    /// Not understood: hint and ask again.
    No,
    /// The conversation ends and nothing is kept.
    Forget,
}

impl From<bool> for Answered {
    fn from(ok: bool) -> Self {
        if ok { Answered::Yes } else { Answered::No }
    }
}

/// Go to the next unanswered question after `from`, or judge the outcome when none is left.
pub(super) fn proceed(
    conv: &mut Conversation,
    from: Q,
    ctx: &Ctx,
    out: &mut Out,
    lead_in: Option<Msg>,
) {
    match next_after(from, &conv.answers, ctx) {
        Some(q) => {
            conv.advance(q.step());
            out.ask(conv, ctx, lead_in);
        }
        None => {
            if let Some(msg) = lead_in {
                out.say(super::Reply::say(msg));
            }
            result::finish(conv, ctx, out);
        }
    }
}

pub(super) fn on_question(
    conv: &mut Conversation,
    input: &Input,
    ctx: &Ctx,
    out: &mut Out,
) -> Answered {
    if let Some(page_delta) = page_move(input) {
        return turn_page(conv, page_delta, ctx, out);
    }
    let step = conv.step.clone();
    let Some(q) = Q::of(&step) else {
        return Answered::No;
    };
    match step {
        Step::Province { .. } | Step::Regency { .. } | Step::RegionPick { .. } => {
            regions::on_input(conv, input, ctx, out)
        }
        Step::Category
        | Step::Product { .. }
        | Step::ProductPick { .. }
        | Step::ProductTyping
        | Step::ProductConfirm { .. }
        | Step::ProductUnlisted { .. } => products::on_input(conv, input, ctx, out),
        _ => {
            let ok = apply_simple(conv, q, input);
            if ok {
                proceed(conv, q, ctx, out, None);
            }
            ok.into()
        }
    }
}

/// Questions whose answer is one value, parsed from a button or typed text.
fn apply_simple(conv: &mut Conversation, q: Q, input: &Input) -> bool {
    let a = &mut conv.answers;
    match q {
        Q::BusinessName => set(&mut a.business_name, name(input)),
        Q::OwnerName => set(&mut a.owner_name, name(input)),
        Q::Phone => set(&mut a.phone, phone(input)),
        Q::Omzet => set(&mut a.omzet, scale(input, "omzet")),
        Q::Modal => set(&mut a.modal, scale(input, "modal")),
        Q::Nib => set(&mut a.nib, yes_no(input)),
        Q::Risk => set(&mut a.risk, risk(input)),
        Q::Site => set(&mut a.site, site(input)),
        Q::IzinEdar => set(&mut a.izin_edar, izin_edar(input)),
        Q::Halal => set(&mut a.halal, progress(input)),
        Q::Merek => set(&mut a.merek, progress(input)),
        Q::Label => set(&mut a.label, label(input)),
        Q::Willing => set(
            &mut a.willing,
            yes_no(input).map(|y| if y == YesNo::Yes { y } else { YesNo::No }),
        ),
        Q::Goal => set(&mut a.goal, goal(input)),
        Q::Province | Q::Regency | Q::Category | Q::Product => false,
    }
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = Some(v);
            true
        }
        None => false,
    }
}

fn page_move(input: &Input) -> Option<isize> {
    match input {
        Input::Button(id) if id == "page:next" => Some(1),
        Input::Button(id) if id == "page:prev" => Some(-1),
        _ => None,
    }
}

fn turn_page(conv: &mut Conversation, delta: isize, ctx: &Ctx, out: &mut Out) -> Answered {
    let last = super::prompts::page_count(conv, ctx.reference) - 1;
    let page = match &mut conv.step {
        Step::Province { page } | Step::Regency { page } | Step::Product { page } => page,
        _ => return Answered::No,
    };
    // An old "next" button pressed on the last page must not run past the end.
    *page = page.saturating_add_signed(delta).min(last);
    out.ask(conv, ctx, None);
    Answered::Yes
}

mod parsers;
use parsers::*;
pub(super) use parsers::{typed, yes_no};

#[cfg(test)]
mod tests;
