//! The questions in the order they are asked, when each applies, and how each is shown.

use super::Ctx;
use super::answers::{Answers, ScaleAnswer};
use super::outcome::is_food;
use super::reply::{Button, Msg, Reply};
use super::state::{Conversation, Pending, Step};
use crate::parse::YesNo;

/// The main questions, in asking order. Sub-steps (pick, confirm) belong to one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

impl Q {
    pub fn of(step: &Step) -> Option<Q> {
        Some(match step {
            Step::Province { .. } | Step::RegionPick { .. } => Q::Province,
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
            Step::Consent | Step::Document { .. } | Step::Done => return None,
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

    fn applies(self, answers: &Answers, ctx: &Ctx) -> bool {
        match self {
            Q::Phone => ctx.sender_phone.is_none(),
            Q::Modal => answers.omzet == Some(ScaleAnswer::Unknown),
            Q::Risk => answers.nib == Some(YesNo::Yes),
            Q::Site | Q::IzinEdar | Q::Halal => is_food(answers, ctx.reference),
            _ => true,
        }
    }

    fn answered(self, a: &Answers) -> bool {
        match self {
            Q::Province => a.province.is_some(),
            Q::Regency => a.regency.is_some(),
            Q::BusinessName => a.business_name.is_some(),
            Q::OwnerName => a.owner_name.is_some(),
            Q::Phone => a.phone.is_some(),
            Q::Category => a.category.is_some(),
            Q::Product => a.product.is_some(),
            Q::Omzet => a.omzet.is_some(),
            Q::Modal => a.modal.is_some(),
            Q::Nib => a.nib.is_some(),
            Q::Risk => a.risk.is_some(),
            Q::Site => a.site.is_some(),
            Q::IzinEdar => a.izin_edar.is_some(),
            Q::Halal => a.halal.is_some(),
            Q::Merek => a.merek.is_some(),
            Q::Label => a.label.is_some(),
            Q::Willing => a.willing.is_some(),
            Q::Goal => a.goal.is_some(),
        }
    }
}

/// The next question to ask after `q`: the first later one that applies and is not yet
/// answered. None means every question is answered and the outcome can be judged.
pub fn next_after(q: Q, answers: &Answers, ctx: &Ctx) -> Option<Q> {
    ORDER
        .iter()
        .skip_while(|&&o| o != q)
        .skip(1)
        .copied()
        .find(|o| o.applies(answers, ctx) && !o.answered(answers))
}

/// Forget answers to questions that no longer apply (food questions after the product
/// changed to batik, say), so neither the outcome nor the lead carries them.
pub fn drop_inapplicable(answers: &mut Answers, ctx: &Ctx) {
    for q in ORDER {
        if !q.applies(answers, ctx) {
            match q {
                Q::Modal => answers.modal = None,
                Q::Risk => answers.risk = None,
                Q::Site => answers.site = None,
                Q::IzinEdar => answers.izin_edar = None,
                Q::Halal => answers.halal = None,
                // The phone question is skipped when the channel knows the number.
                _ => {}
            }
        }
    }
}

/// How far along the user is, for `/status`: (question number, questions in all).
pub fn progress(step: &Step, answers: &Answers, ctx: &Ctx) -> (usize, usize) {
    let asked: Vec<Q> = ORDER
        .iter()
        .copied()
        .filter(|q| q.applies(answers, ctx))
        .collect();
    let here = Q::of(step)
        .and_then(|q| asked.iter().position(|&a| a == q))
        .unwrap_or(0);
    (here + 1, asked.len())
}

/// The current question as a message, with its buttons.
pub fn prompt(conv: &Conversation, ctx: &Ctx) -> Reply {
    if let Some(pending) = conv.pending {
        return pending_prompt(pending);
    }
    super::prompts::for_step(conv, ctx)
}

fn pending_prompt(pending: Pending) -> Reply {
    match pending {
        Pending::ConfirmRestart => {
            Reply::say(Msg::new("confirm-restart")).buttons(confirm_buttons())
        }
        Pending::ConfirmDelete => Reply::say(Msg::new("confirm-delete")).buttons(confirm_buttons()),
        Pending::ChooseLanguage => Reply::say(Msg::new("ask-language")).buttons(vec![
            Button::msg("lang:id", "btn-lang-id"),
            Button::msg("lang:en", "btn-lang-en"),
        ]),
    }
}

fn confirm_buttons() -> Vec<Button> {
    vec![
        Button::msg("confirm:yes", "btn-confirm-yes"),
        Button::msg("confirm:no", "btn-confirm-no"),
    ]
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
        buttons.push(Button::msg("page:prev", "btn-prev"));
    }
    if page + 1 < pages {
        buttons.push(Button::msg("page:next", "btn-next"));
    }
    buttons
}

/// Help text for `/bantuan` at this step.
pub fn help(step: &Step) -> Msg {
    Msg::new(match step {
        Step::Consent => "help-consent",
        Step::Province { .. } | Step::Regency { .. } | Step::RegionPick { .. } => "help-region",
        Step::BusinessName | Step::OwnerName => "help-name",
        Step::Phone => "help-phone",
        Step::Category => "help-category",
        Step::Product { .. }
        | Step::ProductPick { .. }
        | Step::ProductTyping
        | Step::ProductConfirm { .. }
        | Step::ProductUnlisted { .. } => "help-product",
        Step::Omzet | Step::Modal => "help-scale",
        Step::Nib => "help-nib",
        Step::Risk => "help-risk",
        Step::Site | Step::IzinEdar => "help-izin-edar",
        Step::Halal => "help-halal",
        Step::Merek => "help-merek",
        Step::Label => "help-label",
        Step::Willing => "help-willing",
        Step::Goal => "help-goal",
        Step::Document { .. } => "help-document",
        Step::Done => "help-done",
    })
}

/// The short hint shown before the question again when an answer was not understood.
pub fn hint(step: &Step) -> Msg {
    Msg::new(match step {
        Step::Province { .. } | Step::Regency { .. } | Step::RegionPick { .. } => "hint-region",
        Step::BusinessName | Step::OwnerName => "hint-name",
        Step::Phone => "hint-phone",
        Step::Product { .. } | Step::ProductPick { .. } | Step::ProductTyping => "hint-product",
        Step::Omzet | Step::Modal => "hint-amount",
        Step::Document { .. } => "hint-document",
        _ => "hint-choice",
    })
}
