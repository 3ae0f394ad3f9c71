//! The documents a lead is asked for, chosen from its answers and outcome.

use super::answers::{Answers, IzinEdar, LabelState, Progress};
use super::outcome::OutcomeCode;
use crate::parse::YesNo;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocItem {
    Nib,
    FotoProduk,
    LabelDepan,
    LabelBelakang,
    TempatProduksi,
    ProsesProduksi,
    IzinEdar,
    Halal,
    Merek,
    /// A file sent before any was asked for.
    Lainnya,
}

impl DocItem {
    pub const ALL: [DocItem; 10] = [
        Self::Nib,
        Self::FotoProduk,
        Self::LabelDepan,
        Self::LabelBelakang,
        Self::TempatProduksi,
        Self::ProsesProduksi,
        Self::IzinEdar,
        Self::Halal,
        Self::Merek,
        Self::Lainnya,
    ];

    /// The stored code back as an item.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == code)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nib => "nib",
            Self::FotoProduk => "foto_produk",
            Self::LabelDepan => "label_depan",
            Self::LabelBelakang => "label_belakang",
            Self::TempatProduksi => "tempat_produksi",
            Self::ProsesProduksi => "proses_produksi",
            Self::IzinEdar => "izin_edar",
            Self::Halal => "halal",
            Self::Merek => "merek",
            Self::Lainnya => "lainnya",
        }
    }

    /// The Fluent id of the request for this document.
    pub fn ask_msg(self) -> &'static str {
        match self {
            Self::Nib => "doc-ask-nib",
            Self::FotoProduk => "doc-ask-foto-produk",
            Self::LabelDepan => "doc-ask-label-depan",
            Self::LabelBelakang => "doc-ask-label-belakang",
            Self::TempatProduksi => "doc-ask-tempat-produksi",
            Self::ProsesProduksi => "doc-ask-proses-produksi",
            Self::IzinEdar => "doc-ask-izin-edar",
            Self::Halal => "doc-ask-halal",
            Self::Merek => "doc-ask-merek",
            Self::Lainnya => "doc-ask-lainnya",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum DocState {
    Pending,
    Received {
        sha256: String,
    },
    /// The user does not have it ("belum punya").
    Skipped,
    /// The user will send it later.
    Later,
}

impl DocState {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Received { .. } => "received",
            Self::Skipped => "skipped",
            Self::Later => "later",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub item: DocItem,
    pub state: DocState,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Checklist(pub Vec<Entry>);

impl Checklist {
    /// The documents that fit these answers and this outcome, keeping what was already
    /// received when the outcome is judged again.
    pub fn build(answers: &Answers, outcome: OutcomeCode, previous: &Checklist) -> Self {
        let items = items_for(answers, outcome);
        Self(
            items
                .into_iter()
                .map(|item| {
                    let state = previous.get(item).cloned().unwrap_or(DocState::Pending);
                    Entry { item, state }
                })
                .collect(),
        )
    }

    pub fn get(&self, item: DocItem) -> Option<&DocState> {
        self.0.iter().find(|e| e.item == item).map(|e| &e.state)
    }

    pub fn received(&self) -> usize {
        self.0
            .iter()
            .filter(|e| matches!(e.state, DocState::Received { .. }))
            .count()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first item still waiting (pending or promised for later), from `from` on.
    pub fn next_open(&self, from: usize) -> Option<usize> {
        (from..self.0.len())
            .find(|&i| matches!(self.0[i].state, DocState::Pending | DocState::Later))
    }

    pub fn next_pending(&self, from: usize) -> Option<usize> {
        (from..self.0.len()).find(|&i| self.0[i].state == DocState::Pending)
    }
}

fn items_for(answers: &Answers, outcome: OutcomeCode) -> Vec<DocItem> {
    let mut items = Vec::new();
    if answers.nib == Some(YesNo::Yes) {
        items.push(DocItem::Nib);
    }
    items.push(DocItem::FotoProduk);
    if answers.label.is_some_and(|l| l != LabelState::Belum) {
        items.extend([DocItem::LabelDepan, DocItem::LabelBelakang]);
    }
    items.push(DocItem::TempatProduksi);
    if outcome.needs_process_description() {
        items.push(DocItem::ProsesProduksi);
    }
    if matches!(answers.izin_edar, Some(IzinEdar::Pirt | IzinEdar::BpomMd)) {
        items.push(DocItem::IzinEdar);
    }
    if answers.halal == Some(Progress::Sudah) {
        items.push(DocItem::Halal);
    }
    if matches!(answers.merek, Some(Progress::Sudah | Progress::Proses)) {
        items.push(DocItem::Merek);
    }
    items
}
