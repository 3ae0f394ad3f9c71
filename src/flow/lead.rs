//! The lead: what dinas staff and consultants see of a finished conversation.

use super::answers::{Answers, OwnerQuestion, ProductAnswer};
use super::checklist::Checklist;
use super::outcome::Decision;
use super::state::{ConsentRecord, Conversation};
use crate::parse::PhoneNumber;
use crate::reference::{Category, ProductId, Reference, RegionCode, Scale, SniStatus};

#[derive(Debug, Clone, PartialEq)]
pub struct LeadRecord {
    pub region_code: RegionCode,
    pub region_name: String,
    pub business_name: String,
    pub owner_name: String,
    pub phone: Option<PhoneNumber>,
    pub category: Option<Category>,
    pub product_id: Option<ProductId>,
    pub product_name: String,
    pub sni_number: Option<String>,
    pub sni_mandatory: bool,
    pub scale: Option<Scale>,
    pub decision: Decision,
    pub answers: Answers,
    pub checklist: Checklist,
    pub consent: ConsentRecord,
    pub source: Option<String>,
    /// Questions the owner asked that staff should answer.
    pub owner_questions: Vec<OwnerQuestion>,
    /// This save carries a result judged just now (first or re-check).
    pub new_result: bool,
}

impl LeadRecord {
    /// The lead of a conversation that has reached its outcome; None before that.
    pub fn of(conv: &Conversation, reference: &Reference) -> Option<Self> {
        let a = &conv.answers;
        let region_code = a.regency.clone().or_else(|| a.province.clone())?;
        let (product_id, product_name, sni_number, mandatory) = match a.product.as_ref()? {
            ProductAnswer::Listed(id) => {
                let p = reference.catalogue.get(id)?;
                (
                    Some(id.clone()),
                    p.name.clone(),
                    p.sni_number.clone(),
                    p.status == SniStatus::Wajib,
                )
            }
            ProductAnswer::Unlisted(text) => (None, text.clone(), None, false),
        };
        Some(Self {
            region_name: reference
                .regions
                .name_of(&region_code)
                .unwrap_or_default()
                .to_owned(),
            region_code,
            business_name: a.business_name.clone()?,
            owner_name: a.owner_name.clone()?,
            phone: a.phone.as_ref().and_then(|p| p.number().cloned()),
            category: a.category,
            product_id,
            product_name,
            sni_number,
            sni_mandatory: mandatory,
            scale: conv.decision.as_ref()?.scale,
            decision: conv.decision.clone()?,
            answers: a.clone(),
            checklist: conv.checklist.clone(),
            consent: conv.consent.clone()?,
            source: conv.source.as_ref().map(|s| s.code.clone()),
            owner_questions: conv.owner_questions.clone(),
            new_result: false,
        })
    }
}
