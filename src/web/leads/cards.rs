//! The lead page's cards that read the lead itself: who and where, the result and why, the
//! answers as asked, the documents.

use crate::flow::answers::{Answers, LabelState, Risk};
use crate::flow::checklist::{Checklist, DocItem};
use crate::flow::questions::{self, Q};
use crate::flow::{Ctx, Label, Msg};
use crate::labels;
use crate::parse::YesNo;
use crate::store::dashboard::LeadDetail;
use crate::store::documents::StoredDocument;
use crate::web::{AppState, show};
use maud::{Markup, html};

/// The lead's stored JSON, read back into the conversation's own types.
pub(super) struct Read {
    pub answers: Answers,
    pub checklist: Checklist,
    pub reasons: Vec<String>,
}

impl Read {
    pub fn of(lead: &LeadDetail) -> Self {
        Self {
            answers: parse(&lead.answers, "answers"),
            checklist: parse(&lead.checklist, "checklist"),
            reasons: parse(&lead.reasons, "reasons"),
        }
    }
}

/// A column this version cannot read shows as empty rather than failing the page.
fn parse<T: serde::de::DeserializeOwned + Default>(json: &str, what: &'static str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| {
        tracing::warn!(column = what, error = %e, "lead page: stored JSON not readable");
        T::default()
    })
}

pub(super) fn contact(state: &AppState, lead: &LeadDetail) -> Markup {
    let l = &lead.summary;
    html! {
        div.card {
            h2 { (state.t("dash-contact")) }
            dl {
                dt { (state.t("dash-col-owner")) } dd { (l.owner_name) }
                dt { (state.t("dash-phone")) } dd { (l.phone.as_deref().map_or_else(|| "-".into(), show::phone)) }
                dt { (state.t("dash-col-region")) } dd { (l.region_name) }
                dt { (state.t("dash-col-channel")) } dd { (show::channel(state, &l.channel)) }
                @if let Some(source) = &l.source { dt { (state.t("dash-col-source")) } dd { (source) } }
            }
        }
    }
}

pub(super) fn outcome(state: &AppState, lead: &LeadDetail, read: &Read) -> Markup {
    let l = &lead.summary;
    let sni = l.sni_number.as_deref().unwrap_or("-");
    html! {
        div.card {
            h2 { (state.t("dash-outcome")) }
            p.outcome { strong { (show::outcome(state, &l.outcome)) } @let why = why(state, lead, read); @if !why.is_empty() { ": " (why) } }
            dl {
                dt { (state.t("dash-col-product")) } dd { (l.product_name) " · " (sni) }
                @if let Some(c) = &l.category { dt { (state.t("dash-col-category")) } dd { (show::category(state, c)) } }
                @if let Some(scale) = &l.scale { dt { (state.t("dash-col-scale")) } dd { (show::scale(state, scale)) } }
                dt { (state.t("dash-col-status")) } dd { (show::status(state, &l.status)) @if let Some(r) = &lead.status_reason { @if !r.is_empty() { " — " (r) } } }
                dt { (state.t("dash-rules-version")) } dd { (l.rules_version) " / " (lead.catalogue_version) }
                @if l.superseded { dt {} dd.superseded { strong { (state.t("dash-superseded")) } } }
            }
        }
    }
}

/// The reasons in words. A lead that met every requirement stores only that; staff read
/// which ones ("produk punya SNI sukarela, sudah punya NIB, skala mikro").
fn why(state: &AppState, lead: &LeadDetail, read: &Read) -> String {
    let mut parts = Vec::new();
    for code in &read.reasons {
        if code != "requirements_met" {
            parts.push(show::reason(state, code));
            continue;
        }
        let l = &lead.summary;
        if let (Some(sni), false) = (&l.sni_number, l.sni_mandatory) {
            parts.push(state.tm(&Msg::new("label-met-sni-voluntary").text("sni", sni.clone())));
        }
        let a = &read.answers;
        if a.nib == Some(YesNo::Yes) {
            parts.push(state.t("label-met-nib"));
        }
        if let Some(scale) = &l.scale {
            parts.push(show::scale(state, scale));
        }
        if a.risk == Some(Risk::Rendah) {
            parts.push(state.t("label-met-risk"));
        }
        if a.label == Some(LabelState::Lengkap) {
            parts.push(state.t("label-met-label"));
        }
    }
    parts.join(", ")
}

/// Question → answer, in the order the owner was asked, as the owner was shown them.
pub(super) fn answers(state: &AppState, answers: &Answers) -> Markup {
    let service = &state.service;
    let ctx = Ctx {
        reference: &service.reference,
        sender_phone: None,
        default_locale: service.settings.default_locale,
        retention_months: service.settings.retention_months,
        texts: &service.texts,
        referral: None,
    };
    let rows = questions::as_asked(answers, &ctx);
    html! {
        div.card {
            h2 { (state.t("dash-answers-asked")) }
            dl.answers { @for (q, label) in &rows {
                dt { (state.t(q.asked())) }
                dd { (answer(state, *q, label)) }
            } }
        }
    }
}

fn answer(state: &AppState, q: Q, label: &Label) -> String {
    match label {
        Label::Plain(number) if q == Q::Phone => show::phone(number),
        Label::Plain(text) => text.clone(),
        Label::Msg(msg) => state.tm(msg),
    }
}

/// Each asked document with its state, images as thumbnails and PDFs as icons; files the
/// owner sent before any was asked for come last.
pub(super) fn documents(
    state: &AppState,
    lead: i64,
    checklist: &Checklist,
    documents: &[StoredDocument],
) -> Markup {
    let sent_early = documents
        .iter()
        .any(|d| d.item == DocItem::Lainnya.as_str());
    html! {
        div.card {
            h2 { (state.t("dash-col-documents")) }
            table.documents {
                @for entry in &checklist.0 {
                    tr {
                        td { (state.tm(&labels::document(entry.item))) }
                        td { (state.tm(&labels::document_state(&entry.state))) }
                        td { (files(state, lead, entry.item, documents)) }
                    }
                }
                @if sent_early {
                    tr {
                        td { (state.tm(&labels::document(DocItem::Lainnya))) }
                        td { (state.t("label-docstate-received")) }
                        td { (files(state, lead, DocItem::Lainnya, documents)) }
                    }
                }
            }
        }
    }
}

fn files(state: &AppState, lead: i64, item: DocItem, documents: &[StoredDocument]) -> Markup {
    let name = state.tm(&labels::document(item));
    html! {
        div.docs { @for d in documents.iter().filter(|d| d.item == item.as_str()) {
            @let view = format!("/leads/{lead}/documents/{}", d.id);
            div.doc {
                @if d.mime.starts_with("image/") {
                    a href=(view) { img src=(view) alt=(name); }
                    a href=(format!("{view}?download=1")) { (state.t("dash-download")) }
                } @else {
                    a href=(format!("{view}?download=1")) title=(state.t("dash-doc-pdf")) { div.pdf { "PDF" } }
                    a href=(format!("{view}?download=1")) { (state.t("dash-download")) }
                }
            }
        } }
    }
}
