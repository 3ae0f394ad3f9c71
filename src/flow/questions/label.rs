//! "Kemasan sudah berlabel lengkap?" — what a complete label holds depends on the product:
//! food has an expiry date and composition, a helmet or a cloth does not.

use super::Q;
use super::closed::{Closed, Opt};
use crate::flow::answers::LabelState;
use crate::parse::Stance;

pub(super) static LABEL: Closed<LabelState> = Closed {
    q: Q::Label,
    prompt: "ask-label",
    prompt_not_food: Some("ask-label-not-food"),
    title: "title-label",
    help: "help-label",
    options: &[
        Opt {
            value: LabelState::Lengkap,
            label: "btn-label-lengkap",
            words: &[
                "lengkap",
                "sudah lengkap",
                "komplit",
                "complete",
                "sudah ada semua",
            ],
        },
        Opt {
            value: LabelState::Sebagian,
            label: "btn-label-sebagian",
            words: &[
                "sebagian",
                "kurang",
                "belum lengkap",
                "tidak lengkap",
                "kurang lengkap",
                "setengah",
                "ada tapi",
                "cuma nama",
                "hanya nama",
                "baru nama",
                "stiker saja",
                "partly",
                "some",
                "belum ada tanggal",
                "tidak ada tanggal",
                "tanpa tanggal",
                "belum ada komposisi",
                "tidak ada komposisi",
                "cuma stiker",
                "hanya stiker",
                "stiker",
            ],
        },
        Opt {
            value: LabelState::Belum,
            label: "btn-label-belum",
            words: &[
                "belum ada",
                "belum punya",
                "polos",
                "tanpa label",
                "tidak ada label",
                "belum pakai",
            ],
        },
    ],
    hidden: &[],
    stance: |s| match s {
        Stance::Yes => Some(LabelState::Lengkap),
        Stance::No | Stance::Unknown => Some(LabelState::Belum),
        Stance::InProgress => Some(LabelState::Sebagian),
    },
    topic: &["label", "kemasan", "packaging"],
    get: |a| a.label,
    set: |a, v| a.label = v,
    applies: super::willing::towards_bina_umk,
    free_text: None,
};
