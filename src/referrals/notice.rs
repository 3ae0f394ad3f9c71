//! The messages of a referral, rendered for the person who gets them: the consultant's
//! notice and reminder, the owner's news, the dinas alert. No personal document or number of
//! the owner goes into a consultant's chat; the dashboard link leads to the rest.

use super::{DeclineReason, OfferId, RefButton};
use crate::domain::Locale;
use crate::flow::Msg;
use crate::i18n::Texts;
use crate::message::{OutButton, OutMessage, Template, TemplateKind};
use crate::store::referrals::LeadBrief;

/// What every notice needs besides the lead.
pub struct Notices<'a> {
    pub texts: &'a Texts,
    /// Staff see their notices in this language.
    pub locale: Locale,
    /// The dashboard's address, without a trailing slash.
    pub dashboard: &'a str,
}

impl Notices<'_> {
    fn render(&self, msg: &Msg) -> String {
        self.texts.render(self.locale, msg)
    }

    pub fn lead_url(&self, lead: &LeadBrief) -> String {
        format!("{}/leads/{}", self.dashboard, lead.id)
    }

    fn outcome_with_reasons(&self, lead: &LeadBrief) -> String {
        let reasons: Vec<String> = lead
            .reasons
            .iter()
            .filter_map(|r| crate::labels::reason(r))
            .map(|m| self.render(&m))
            .collect();
        let outcome = self.render(&crate::labels::outcome(lead.outcome));
        if reasons.is_empty() {
            outcome
        } else {
            format!("{outcome} ({})", reasons.join("; "))
        }
    }

    fn answer_buttons(&self, offer: OfferId) -> Vec<OutButton> {
        vec![
            OutButton {
                url: None,
                id: RefButton::Accept(offer).wire(),
                label: self.render(&Msg::new("btn-referral-accept")),
            },
            OutButton {
                url: None,
                id: RefButton::Decline(offer, None).wire(),
                label: self.render(&Msg::new("btn-referral-decline")),
            },
        ]
    }

    fn template(
        &self,
        kind: TemplateKind,
        params: Vec<String>,
        offer: Option<OfferId>,
    ) -> Template {
        Template {
            named: None,
            header_image: None,
            kind,
            params,
            buttons: offer
                .map(|o| {
                    vec![
                        RefButton::Accept(o).wire(),
                        RefButton::Decline(o, None).wire(),
                    ]
                })
                .unwrap_or_default(),
        }
    }

    /// The notice with Terima / Tolak.
    pub fn offer(&self, lead: &LeadBrief, offer: OfferId, hours: i64) -> OutMessage {
        let outcome = self.outcome_with_reasons(lead);
        let text = self.render(
            &Msg::new("referral-notice")
                .text("business", lead.business_name.clone())
                .text("product", lead.product_name.clone())
                .text("region", lead.region_name.clone())
                .text("outcome", outcome.clone())
                .num("received", lead.documents_received)
                .num("total", lead.documents_total)
                .text("link", self.lead_url(lead))
                .num("hours", hours),
        );
        let params = vec![
            lead.business_name.clone(),
            lead.product_name.clone(),
            lead.region_name.clone(),
            outcome,
            hours.to_string(),
        ];
        OutMessage {
            image: None,
            text,
            buttons: self.answer_buttons(offer),
            contact_label: None,
            template: Some(self.template(TemplateKind::ReferralNotice, params, Some(offer))),
        }
    }

    pub fn reminder(&self, lead: &LeadBrief, offer: OfferId, hours_left: i64) -> OutMessage {
        let text = self.render(
            &Msg::new("referral-reminder")
                .text("business", lead.business_name.clone())
                .num("hours", hours_left)
                .text("link", self.lead_url(lead)),
        );
        let params = vec![lead.business_name.clone(), hours_left.to_string()];
        OutMessage {
            image: None,
            text,
            buttons: self.answer_buttons(offer),
            contact_label: None,
            template: Some(self.template(TemplateKind::ReferralReminder, params, Some(offer))),
        }
    }

    /// Asked after Tolak: why, from buttons.
    pub fn ask_reason(&self, offer: OfferId) -> OutMessage {
        let buttons = DeclineReason::ALL
            .iter()
            .map(|r| OutButton {
                url: None,
                id: RefButton::Decline(offer, Some(*r)).wire(),
                label: self.render(&Msg::new(match r {
                    DeclineReason::Full => "btn-decline-full",
                    DeclineReason::OutsideArea => "btn-decline-area",
                    DeclineReason::NotMyField => "btn-decline-field",
                    DeclineReason::Other => "btn-decline-other",
                })),
            })
            .collect();
        OutMessage {
            image: None,
            text: self.render(&Msg::new("referral-ask-reason")),
            buttons,
            contact_label: None,
            template: None,
        }
    }

    /// A short answer in the staff chat (thanks, not found, linked…).
    pub fn say(&self, msg: Msg) -> OutMessage {
        OutMessage {
            image: None,
            text: self.render(&msg),
            buttons: Vec::new(),
            contact_label: None,
            template: None,
        }
    }

    pub fn accepted(&self, lead: &LeadBrief) -> OutMessage {
        self.say(
            Msg::new("referral-accepted-thanks")
                .text("business", lead.business_name.clone())
                .text("link", self.lead_url(lead)),
        )
    }

    /// The dinas alert when nobody accepted.
    pub fn escalated(&self, lead: &LeadBrief, tries: u32) -> OutMessage {
        let link = self.lead_url(lead);
        let text = self.render(
            &Msg::new("referral-escalated")
                .text("business", lead.business_name.clone())
                .text("region", lead.region_name.clone())
                .num("tries", i64::from(tries))
                .text("link", link.clone()),
        );
        let params = vec![lead.business_name.clone(), lead.region_name.clone(), link];
        OutMessage {
            image: None,
            text,
            buttons: Vec::new(),
            contact_label: None,
            template: Some(self.template(TemplateKind::ReferralEscalated, params, None)),
        }
    }
}

/// The owner's news, in the owner's language: who, from where, and how they will be reached.
pub fn owner_accepted(
    texts: &Texts,
    lead: &LeadBrief,
    consultant: &str,
    organisation: &str,
    contact: Option<&str>,
) -> OutMessage {
    let locale = lead.owner_locale;
    let how = match (&lead.phone, contact) {
        (Some(phone), _) => Msg::new("owner-referral-how-phone").text("phone", phone.clone()),
        (None, Some(contact)) => Msg::new("owner-referral-how-contact").text("contact", contact),
        (None, None) => Msg::new("owner-referral-how-chat"),
    };
    let how_text = texts.render(locale, &how);
    let mut paragraphs = vec![
        texts.render(
            locale,
            &Msg::new("owner-referral-accepted")
                .text("consultant", consultant)
                .text("organisation", organisation),
        ),
        how_text.clone(),
    ];
    if let (Some(_), Some(contact)) = (&lead.phone, contact) {
        paragraphs.push(texts.render(
            locale,
            &Msg::new("owner-referral-how-contact").text("contact", contact),
        ));
    }
    OutMessage {
        image: None,
        text: paragraphs.join("\n\n"),
        buttons: Vec::new(),
        contact_label: None,
        template: Some(Template {
            named: None,
            header_image: None,
            kind: TemplateKind::ReferralAccepted,
            params: vec![consultant.to_owned(), organisation.to_owned(), how_text],
            buttons: Vec::new(),
        }),
    }
}
