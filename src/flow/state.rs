//! The persisted state of one conversation. Serialized as JSON into the store.

use super::answers::{Answers, OwnerQuestion};
use super::checklist::Checklist;
use super::outcome::Decision;
use crate::domain::Locale;
use crate::reference::{ProductId, RegionCode};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The question the conversation is waiting on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    Consent,
    Province {
        page: usize,
    },
    Regency {
        page: usize,
    },
    /// A typed region name fitted several places: which one?
    RegionPick {
        options: Vec<RegionCode>,
    },
    /// A typed place was close to one name but not exactly it: "Maksud Anda …?"
    RegionConfirm {
        code: RegionCode,
    },
    BusinessName,
    OwnerName,
    Phone,
    Category,
    Product {
        page: usize,
    },
    /// The typed text fitted several products; the text is kept for "none of these".
    ProductPick {
        options: Vec<ProductId>,
        #[serde(default)]
        text: String,
    },
    /// "Not in the list": ask for the product's name, without the list.
    ProductTyping,
    ProductConfirm {
        product: ProductId,
    },
    /// Nothing in the catalogue matched: type again, or go on without an SNI match.
    ProductUnlisted {
        text: String,
    },
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
    /// Every question is answered: the owner checks the answers before the result.
    Review,
    /// Which answer to change.
    EditPick,
    Document {
        index: usize,
    },
    Done,
}

/// A question asked on top of the current step, answered before the flow goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pending {
    ConfirmRestart,
    ConfirmDelete,
    ChooseLanguage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub notice_version: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// Where the user first came from (a `/start <code>` deep link); repeats are counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub code: String,
    pub touches: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub locale: Locale,
    pub step: Step,
    pub answers: Answers,
    /// Answers not understood in a row at this step.
    pub misses: u8,
    pub pending: Option<Pending>,
    pub paused: bool,
    pub consent: Option<ConsentRecord>,
    pub source: Option<Source>,
    pub decision: Option<Decision>,
    pub checklist: Checklist,
    /// Products the owner said are not theirs: not proposed again in this conversation.
    #[serde(default)]
    pub rejected_products: Vec<ProductId>,
    /// Questions the knowledge base could not answer, for staff to answer.
    #[serde(default)]
    pub owner_questions: Vec<OwnerQuestion>,
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub last_seen: Option<OffsetDateTime>,
    /// The owner asked for no more notices (`/berhenti`); their check and lead stay.
    #[serde(default)]
    pub notices_off: bool,
}

impl Conversation {
    pub fn new(locale: Locale) -> Self {
        Self {
            locale,
            step: Step::Consent,
            answers: Answers::default(),
            misses: 0,
            pending: None,
            paused: false,
            consent: None,
            source: None,
            decision: None,
            checklist: Checklist::default(),
            rejected_products: Vec::new(),
            owner_questions: Vec::new(),
            last_seen: None,
            notices_off: false,
        }
    }

    /// May receive notices: agreed, and did not opt out.
    pub fn subscribed(&self) -> bool {
        self.consent.is_some() && !self.notices_off
    }

    /// Agreed, and the check has no result yet (a reminder may help).
    pub fn unfinished(&self) -> bool {
        self.consent.is_some() && self.decision.is_none()
    }

    /// Move to a new question.
    pub fn advance(&mut self, next: Step) {
        self.step = next;
        self.misses = 0;
    }

    pub fn record_source(&mut self, code: &str) {
        match &mut self.source {
            Some(source) => source.touches = source.touches.saturating_add(1),
            None => {
                self.source = Some(Source {
                    code: code.to_owned(),
                    touches: 1,
                })
            }
        }
    }
}
