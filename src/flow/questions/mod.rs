//! The questions in the order they are asked. Each question has one definition, in its own
//! file: its prompt, its choices, how its answer is read, what it records and when it is asked.

mod category;
mod closed;
mod consent;
mod goal;
mod halal;
mod izin_edar;
mod label;
mod merek;
mod names;
mod nib;
mod phone;
mod product;
mod region;
mod risk;
mod scale;
mod site;
mod willing;

pub(super) use closed::{read_yes_no as closed_read_yes_no, yes_no_buttons};
pub(super) use consent::{consent_prompt, read_consent};
pub use product::{product_found, short_regency};

use super::Ctx;
use super::answers::Answers;
use super::event::Input;
use super::reply::{Button, Label, Msg, Reply};
use super::state::{Conversation, Step};

/// The main questions, in asking order. Sub-steps (pick, confirm) belong to one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Q {
    Province,
    Regency,
    BusinessName,
    OwnerName,
    Phone,
    Category,
    Product,
    Omzet,
    Modal,
    Nib,
    Risk,
    Site,
    IzinEdar,
    Halal,
    Merek,
    Label,
    Willing,
    Goal,
}

pub const ORDER: [Q; 18] = [
    Q::Province,
    Q::Regency,
    Q::BusinessName,
    Q::OwnerName,
    Q::Phone,
    Q::Category,
    Q::Product,
    Q::Omzet,
    Q::Modal,
    Q::Nib,
    Q::Risk,
    Q::Site,
    Q::IzinEdar,
    Q::Halal,
    Q::Merek,
    Q::Label,
    Q::Willing,
    Q::Goal,
];

/// Items shown per page of a long list (provinces, regencies, products): fits a WhatsApp
/// list (10 rows) with room for "previous", "next" and "not in the list".
pub const PAGE_SIZE: usize = 7;

/// Words that say yes, no or don't know and nothing else.
pub(super) const ANSWER_WORDS: &[&str] = &[
    "ya", "iya", "tidak", "belum", "sudah", "bukan", "ok", "oke", "betul", "benar", "tahu", "ada",
    "punya", "setuju", "yes", "no", "siap", "boleh", "mau", "salah", "itu", "yang",
];

/// "ya", "sudah", "belum tahu", "ok kak": an answer and nothing else. "Ada Rasa" (a name)
/// or "bukan, batik cap" (a product) say more.
pub(super) fn only_answer_words(text: &str) -> bool {
    crate::parse::parse_stance(text).is_some()
        && crate::parse::canonical(text)
            .split_whitespace()
            .all(|w| ANSWER_WORDS.contains(&w))
}

/// What reading an answer did.
pub(super) enum Take {
    /// The answer is recorded; an optional message says back what was understood.
    Recorded(Option<Msg>),
    /// The question moved to one of its sub-steps (a pick list, a confirmation): ask it.
    SubStep,
    /// Read, but not kept as it is (a name as long as a sentence): say this, ask again.
    Refused(Msg),
    NotUnderstood,
}

/// One question's definition. The closed questions share `closed::Closed`; region, product,
/// names, phone and amounts have their own.
pub(super) trait Question: Sync {
    fn q(&self) -> Q;
    /// Is it asked, given what is known so far?
    fn applies(&self, _a: &Answers, _ctx: &Ctx) -> bool {
        true
    }
    fn answered(&self, a: &Answers) -> bool;
    fn clear(&self, a: &mut Answers);
    fn prompt(&self, conv: &Conversation, ctx: &Ctx) -> Reply;
    /// Read the answer from a button or typed text and record it.
    fn take(&self, conv: &mut Conversation, input: &Input, ctx: &Ctx) -> Take;
    /// Record this question's answer from a clause typed before it was asked ("risiko
    /// rendah" at the NIB question). Only clauses that name the question's topic count.
    fn ahead(&self, _clause: &str, _a: &mut Answers, _ctx: &Ctx) -> bool {
        false
    }
    /// The recorded answer as the owner is shown it in the review and the summary.
    fn shown(&self, a: &Answers, ctx: &Ctx) -> Option<Label>;
    /// The recorded answer as a stable code ("yes", "amount:60000000", "52.02").
    fn recorded(&self, a: &Answers) -> Option<String>;
    /// The question in the review list ("NIB", "Omzet per tahun").
    fn title(&self) -> &'static str;
    fn help(&self) -> &'static str;
    fn hint(&self) -> &'static str {
        "hint-choice"
    }
}

impl Q {
    pub(super) fn def(self) -> &'static dyn Question {
        let def: &'static dyn Question = match self {
            Q::Province => &region::PROVINCE,
            Q::Regency => &region::REGENCY,
            Q::BusinessName => &names::BUSINESS,
            Q::OwnerName => &names::OWNER,
            Q::Phone => &phone::PHONE,
            Q::Category => &category::CATEGORY,
            Q::Product => &product::PRODUCT,
            Q::Omzet => &scale::OMZET,
            Q::Modal => &scale::MODAL,
            Q::Nib => &nib::NIB,
            Q::Risk => &risk::RISK,
            Q::Site => &site::SITE,
            Q::IzinEdar => &izin_edar::IZIN_EDAR,
            Q::Halal => &halal::HALAL,
            Q::Merek => &merek::MEREK,
            Q::Label => &label::LABEL,
            Q::Willing => &willing::WILLING,
            Q::Goal => &goal::GOAL,
        };
        debug_assert_eq!(def.q(), self, "each question is defined once");
        def
    }

    /// The question as staff read it above the owner's answer ("Sudah punya NIB?").
    pub fn asked(self) -> &'static str {
        match self {
            Q::Province => "asked-province",
            Q::Regency => "asked-regency",
            Q::BusinessName => "asked-business-name",
            Q::OwnerName => "asked-owner-name",
            Q::Phone => "asked-phone",
            Q::Category => "asked-category",
            Q::Product => "asked-product",
            Q::Omzet => "asked-omzet",
            Q::Modal => "asked-modal",
            Q::Nib => "asked-nib",
            Q::Risk => "asked-risk",
            Q::Site => "asked-site",
            Q::IzinEdar => "asked-izin-edar",
            Q::Halal => "asked-halal",
            Q::Merek => "asked-merek",
            Q::Label => "asked-label",
            Q::Willing => "asked-willing",
            Q::Goal => "asked-goal",
        }
    }

    /// Stable name, used in button ids (`edit:nib`), the phrase corpus and the dashboard.
    pub fn code(self) -> &'static str {
        match self {
            Q::Province => "province",
            Q::Regency => "regency",
            Q::BusinessName => "business_name",
            Q::OwnerName => "owner_name",
            Q::Phone => "phone",
            Q::Category => "category",
            Q::Product => "product",
            Q::Omzet => "omzet",
            Q::Modal => "modal",
            Q::Nib => "nib",
            Q::Risk => "risk",
            Q::Site => "site",
            Q::IzinEdar => "izin_edar",
            Q::Halal => "halal",
            Q::Merek => "merek",
            Q::Label => "label",
            Q::Willing => "willing",
            Q::Goal => "goal",
        }
    }

    pub fn from_code(code: &str) -> Option<Q> {
        ORDER.into_iter().find(|q| q.code() == code)
    }

    pub fn of(step: &Step) -> Option<Q> {
        Some(match step {
            Step::Province { .. } | Step::RegionPick { .. } | Step::RegionConfirm { .. } => {
                Q::Province
            }
            Step::Regency { .. } => Q::Regency,
            Step::BusinessName => Q::BusinessName,
            Step::OwnerName => Q::OwnerName,
            Step::Phone => Q::Phone,
            Step::Category => Q::Category,
            Step::Product { .. }
            | Step::ProductPick { .. }
            | Step::ProductTyping
            | Step::ProductConfirm { .. }
            | Step::ProductUnlisted { .. } => Q::Product,
            Step::Omzet => Q::Omzet,
            Step::Modal => Q::Modal,
            Step::Nib => Q::Nib,
            Step::Risk => Q::Risk,
            Step::Site => Q::Site,
            Step::IzinEdar => Q::IzinEdar,
            Step::Halal => Q::Halal,
            Step::Merek => Q::Merek,
            Step::Label => Q::Label,
            Step::Willing => Q::Willing,
            Step::Goal => Q::Goal,
            Step::Consent | Step::Review | Step::EditPick | Step::Document { .. } | Step::Done => {
                return None;
            }
        })
    }

    pub fn step(self) -> Step {
        match self {
            Q::Province => Step::Province { page: 0 },
            Q::Regency => Step::Regency { page: 0 },
            Q::BusinessName => Step::BusinessName,
            Q::OwnerName => Step::OwnerName,
            Q::Phone => Step::Phone,
            Q::Category => Step::Category,
            Q::Product => Step::Product { page: 0 },
            Q::Omzet => Step::Omzet,
            Q::Modal => Step::Modal,
            Q::Nib => Step::Nib,
            Q::Risk => Step::Risk,
            Q::Site => Step::Site,
            Q::IzinEdar => Step::IzinEdar,
            Q::Halal => Step::Halal,
            Q::Merek => Step::Merek,
            Q::Label => Step::Label,
            Q::Willing => Step::Willing,
            Q::Goal => Step::Goal,
        }
    }

    pub fn applies(self, answers: &Answers, ctx: &Ctx) -> bool {
        self.def().applies(answers, ctx)
    }

    /// The recorded answer as a stable code ("yes", "amount:60000000", "52.02"), for the
    /// phrase corpus and for staff tools.
    pub fn recorded(self, answers: &Answers) -> Option<String> {
        self.def().recorded(answers)
    }
}

/// The first question, in asking order, that applies and is not answered yet. None means
/// everything is answered and the answers can be reviewed and judged.
pub fn next_unanswered(answers: &Answers, ctx: &Ctx) -> Option<Q> {
    ORDER
        .into_iter()
        .find(|q| q.applies(answers, ctx) && !q.def().answered(answers))
}

/// The questions that apply and have an answer, in asking order (the review list).
pub fn answered(answers: &Answers, ctx: &Ctx) -> Vec<Q> {
    ORDER
        .into_iter()
        .filter(|q| q.applies(answers, ctx) && q.def().answered(answers))
        .collect()
}

/// The answers as the owner gave them: each answered question with the answer as the owner
/// was shown it in the review, in asking order (the lead page).
pub fn as_asked(answers: &Answers, ctx: &Ctx) -> Vec<(Q, Label)> {
    answered(answers, ctx)
        .into_iter()
        .filter_map(|q| Some((q, q.def().shown(answers, ctx)?)))
        .collect()
}

/// The answered question before `q` in asking order, for `/kembali`.
pub fn before(q: Option<Q>, answers: &Answers, ctx: &Ctx) -> Option<Q> {
    let asked = answered(answers, ctx);
    match q {
        Some(q) => {
            let at = ORDER.iter().position(|&o| o == q).unwrap_or(0);
            asked
                .into_iter()
                .rfind(|o| ORDER.iter().position(|x| x == o).unwrap_or(0) < at)
        }
        None => asked.last().copied(),
    }
}

/// Forget answers to questions that no longer apply (food questions after the product
/// changed to batik, say), so neither the outcome nor the lead carries them.
pub fn drop_inapplicable(answers: &mut Answers, ctx: &Ctx) {
    for q in ORDER {
        // The phone question is skipped when the channel knows the number; keep that number.
        if q != Q::Phone && !q.applies(answers, ctx) {
            q.def().clear(answers);
        }
    }
}

/// How far along the user is, for `/status`: (question number, questions in all).
pub fn progress(step: &Step, answers: &Answers, ctx: &Ctx) -> (usize, usize) {
    let asked: Vec<Q> = ORDER
        .into_iter()
        .filter(|q| q.applies(answers, ctx))
        .collect();
    let here = Q::of(step)
        .and_then(|q| asked.iter().position(|&a| a == q))
        .unwrap_or(0);
    (here + 1, asked.len())
}

/// Read the answer to the question on screen. Page turns are the list's own business.
pub(super) fn take(conv: &mut Conversation, input: &Input, ctx: &Ctx) -> Option<(Q, Take)> {
    let q = Q::of(&conv.step)?;
    Some((q, q.def().take(conv, input, ctx)))
}

/// Say the current question (or pending confirmation), optionally after a lead-in.
pub fn prompt(conv: &Conversation, ctx: &Ctx) -> Reply {
    if let Some(pending) = conv.pending {
        return super::pending::prompt(pending, conv);
    }
    match (&conv.step, Q::of(&conv.step)) {
        (_, Some(q)) => q.def().prompt(conv, ctx),
        (Step::Consent, None) => consent_prompt(ctx),
        (Step::Review, None) => super::review::prompt(conv, ctx),
        (Step::EditPick, None) => super::review::edit_prompt(conv, ctx),
        (Step::Document { index }, None) => super::documents::prompt(conv, *index),
        _ => super::result::done_prompt(),
    }
}

/// One page of a long list, with "previous"/"next" buttons where there is more.
pub fn paged(items: Vec<Button>, page: usize) -> Vec<Button> {
    let pages = items.len().div_ceil(PAGE_SIZE).max(1);
    let page = page.min(pages - 1);
    let mut buttons: Vec<Button> = items
        .into_iter()
        .skip(page * PAGE_SIZE)
        .take(PAGE_SIZE)
        .collect();
    if page > 0 {
        buttons.push(Button::msg(super::ButtonId::PrevPage, "btn-prev"));
    }
    if page + 1 < pages {
        buttons.push(Button::msg(super::ButtonId::NextPage, "btn-next"));
    }
    buttons
}

/// Help text for `/bantuan` at this step.
pub fn help(step: &Step) -> Msg {
    Msg::new(match (step, Q::of(step)) {
        (_, Some(q)) => q.def().help(),
        (Step::Consent, _) => "help-consent",
        (Step::Document { .. }, _) => "help-document",
        (Step::Review | Step::EditPick, _) => "help-review",
        _ => "help-done",
    })
}

/// The short hint shown before the question again when an answer was not understood.
pub fn hint(step: &Step) -> Msg {
    Msg::new(match (step, Q::of(step)) {
        // At a pick or a confirmation the owner has to choose first; "not found" or "type the
        // name" would send them the wrong way.
        (Step::RegionPick { .. } | Step::ProductPick { .. }, _) => "hint-pick",
        (Step::RegionConfirm { .. } | Step::ProductConfirm { .. }, _) => "hint-confirm",
        (_, Some(q)) => q.def().hint(),
        (Step::Document { .. }, _) => "hint-document",
        _ => "hint-choice",
    })
}

/// Record answers typed ahead of their questions from these clauses; the names of the
/// questions filled, in asking order.
pub(super) fn fill_ahead(conv: &mut Conversation, clauses: &[String], ctx: &Ctx) -> Vec<Q> {
    let current = Q::of(&conv.step);
    let mut filled = Vec::new();
    for clause in clauses {
        for q in ORDER {
            // A clause that names a question's subject is that question's answer, even when it
            // was answered before: the owner's latest word wins ("merek blm daftar").
            let other = current.is_none_or(|c| q != c);
            if other
                && q.applies(&conv.answers, ctx)
                && q.def().ahead(clause, &mut conv.answers, ctx)
            {
                filled.push(q);
                break;
            }
        }
    }
    filled
}

/// "Saya catat juga: …" — the answers taken from the same message, as the owner sees them.
pub(super) fn noted(filled: &[Q], conv: &Conversation, ctx: &Ctx) -> Option<Msg> {
    let lines: Vec<Msg> = filled
        .iter()
        .filter_map(|q| {
            let shown = q.def().shown(&conv.answers, ctx)?;
            Some(
                Msg::new("review-line")
                    .msg("question", Msg::new(q.def().title()))
                    .label("answer", shown),
            )
        })
        .collect();
    (!lines.is_empty()).then(|| Msg::new("noted-also").list("lines", lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_its_own_definition_and_code() {
        for q in ORDER {
            assert_eq!(q.def().q(), q);
            assert_eq!(Q::from_code(q.code()), Some(q));
        }
    }
}
