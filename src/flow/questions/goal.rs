//! "Apa tujuan mengurus SNI?" — an answer in the owner's own words is kept as it is.

use super::Q;
use super::closed::{Closed, FreeText, Opt};
use crate::flow::answers::Goal;

pub(super) static GOAL: Closed<Goal> = Closed {
    q: Q::Goal,
    prompt: "ask-goal",
    prompt_not_food: None,
    title: "title-goal",
    help: "help-goal",
    options: &[
        Opt {
            value: Goal::PasarLokal,
            label: "btn-goal-lokal",
            words: &[
                "lokal",
                "pasar",
                "warung",
                "sekitar",
                "pasar lokal",
                "tetangga",
                "kampung",
                "oleh oleh",
                "toko oleh",
                "local",
            ],
        },
        Opt {
            value: Goal::RitelModern,
            label: "btn-goal-ritel",
            words: &[
                "ritel",
                "minimarket",
                "supermarket",
                "indomaret",
                "alfamart",
                "katalog",
                "e katalog",
                "toko modern",
                "swalayan",
                "mall",
                "hypermart",
                "retail",
            ],
        },
        Opt {
            value: Goal::Ekspor,
            label: "btn-goal-ekspor",
            words: &[
                "ekspor",
                "export",
                "luar negeri",
                "malaysia",
                "singapura",
                "abroad",
            ],
        },
        Opt {
            value: Goal::DimintaPembeli,
            label: "btn-goal-pembeli",
            words: &[
                "pembeli",
                "diminta",
                "permintaan",
                "syarat",
                "buyer",
                "disuruh",
                "distributor",
                "reseller minta",
                "pelanggan",
                "minta",
                "customer",
                "langganan",
            ],
        },
    ],
    hidden: &[],
    stance: |_| None,
    // Shop names and "ekspor" say the goal on their own.
    topic: &[
        "tujuan",
        "target pasar",
        "jual ke",
        "masuk",
        "ekspor",
        "export",
        "indomaret",
        "alfamart",
        "supermarket",
        "minimarket",
        "luar negeri",
    ],
    get: |a| a.goal,
    set: |a, v| a.goal = v,
    // The goal only adds the SPPT option to a ready result.
    applies: |a, ctx| {
        super::willing::towards_bina_umk(a, ctx)
            && a.willing != Some(crate::parse::YesNo::No)
            && a.label != Some(crate::flow::answers::LabelState::Belum)
    },
    free_text: Some(FreeText {
        get: |a| a.goal_text.as_ref(),
        set: |a, v| a.goal_text = v,
    }),
};
