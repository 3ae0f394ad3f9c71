//! "Izin edar apa yang sudah ada?" (food only): P-IRT, BPOM MD, none, or one that expired.

use super::Q;
use super::closed::{Closed, Opt};
use crate::flow::answers::IzinEdar;
use crate::flow::outcome::is_food;
use crate::parse::Stance;

pub(super) static IZIN_EDAR: Closed<IzinEdar> = Closed {
    q: Q::IzinEdar,
    prompt: "ask-izin-edar",
    prompt_not_food: None,
    title: "title-izin-edar",
    help: "help-izin-edar",
    options: &[
        Opt {
            value: IzinEdar::Belum,
            label: "btn-izin-belum",
            words: &[
                "belum ada",
                "belum punya",
                "tidak ada",
                "belum urus",
                "belum ngurus",
                "lagi diurus",
                "sedang diurus",
                "masih proses",
                "sedang proses",
                "lagi proses",
                "diajukan",
                "lagi urus",
                "tidak ada izin",
                "mau urus",
                "mau buat",
                "mau daftar",
                "rencana",
                "akan urus",
                "belum mau urus",
                "belum sempat urus",
            ],
        },
        Opt {
            value: IzinEdar::Pirt,
            label: "btn-izin-pirt",
            words: &[
                "pirt",
                "p irt",
                "spp irt",
                "sppirt",
                "irt",
                "izin rumah tangga",
            ],
        },
        Opt {
            value: IzinEdar::BpomMd,
            label: "btn-izin-md",
            words: &["md", "bpom", "pom", "bpom md", "izin bpom"],
        },
    ],
    // Only the owner knows to say it; it is not worth a button.
    hidden: &[Opt {
        value: IzinEdar::Kedaluwarsa,
        label: "btn-izin-expired",
        words: &[
            "kedaluwarsa",
            "kadaluarsa",
            "kadaluwarsa",
            "expired",
            "mati",
            "habis",
            "sudah lewat",
            "belum diperpanjang",
            "perlu perpanjang",
        ],
    }],
    stance: |s| match s {
        Stance::No | Stance::Unknown | Stance::InProgress => Some(IzinEdar::Belum),
        Stance::Yes => None,
    },
    topic: &["pirt", "p irt", "bpom", "izin edar"],
    get: |a| a.izin_edar,
    set: |a, v| a.izin_edar = v,
    applies: |a, ctx| is_food(a, ctx.reference),
    free_text: None,
};
