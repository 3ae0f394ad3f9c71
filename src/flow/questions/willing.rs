//! "Bersedia dibina dan produknya diuji?" — SNI Bina UMK is coaching plus a lab test.

use super::Q;
use super::closed::{Closed, Opt};
use crate::flow::Ctx;
use crate::flow::answers::Answers;
use crate::parse::{Stance, YesNo};

pub(super) static WILLING: Closed<YesNo> = Closed {
    q: Q::Willing,
    prompt: "ask-willing",
    prompt_not_food: None,
    title: "title-willing",
    help: "help-willing",
    options: &[
        Opt {
            value: YesNo::Yes,
            label: "btn-willing-yes",
            words: &[
                "bersedia",
                "siap",
                "mau",
                "boleh",
                "insya allah",
                "insyaallah",
                "willing",
            ],
        },
        Opt {
            value: YesNo::No,
            label: "btn-willing-no",
            words: &[
                "belum siap",
                "belum bersedia",
                "pikir pikir",
                "nanti dulu",
                "tidak mau",
            ],
        },
    ],
    hidden: &[],
    // Not sure yet is not yet willing.
    stance: |s| {
        Some(if s == Stance::Yes {
            YesNo::Yes
        } else {
            YesNo::No
        })
    },
    topic: &["dibina", "pembinaan", "uji lab", "diuji"],
    get: |a| a.willing,
    set: |a, v| a.willing = v,
    applies: towards_bina_umk,
    free_text: None,
};

/// Willingness, label and goal only change the result on the way to SNI Bina UMK.
pub(super) fn towards_bina_umk(a: &Answers, ctx: &Ctx) -> bool {
    crate::flow::outcome::may_reach_bina_umk(a, ctx.reference)
}
