//! "Tingkat risiko di OSS?" — SNI Bina UMK is only for low-risk activities.

use super::Q;
use super::closed::{Closed, Opt};
use crate::flow::answers::Risk;
use crate::parse::{Stance, YesNo};

pub(super) static RISK: Closed<Risk> = Closed {
    q: Q::Risk,
    prompt: "ask-risk",
    prompt_not_food: None,
    title: "title-risk",
    help: "help-risk",
    options: &[
        Opt {
            value: Risk::Rendah,
            label: "btn-risk-rendah",
            words: &["rendah", "low", "resiko rendah", "risiko rendah"],
        },
        Opt {
            value: Risk::MenengahRendah,
            label: "btn-risk-menengah-rendah",
            words: &[
                "menengah rendah",
                "mnengah rendah",
                "menengah rndh",
                "mr",
                "medium low",
            ],
        },
        Opt {
            value: Risk::MenengahTinggi,
            label: "btn-risk-menengah-tinggi",
            words: &["menengah tinggi", "mnengah tinggi", "mt", "medium high"],
        },
        Opt {
            value: Risk::Tinggi,
            label: "btn-risk-tinggi",
            words: &["tinggi", "high"],
        },
        Opt {
            value: Risk::TidakTahu,
            label: "btn-unknown",
            words: &[
                "tidak tahu",
                "belum tahu",
                "lupa",
                "tidak ingat",
                "belum cek",
            ],
        },
    ],
    hidden: &[],
    stance: |s| (s == Stance::Unknown).then_some(Risk::TidakTahu),
    topic: &[
        "risiko",
        "resiko",
        "risk",
        "menengah rendah",
        "menengah tinggi",
    ],
    get: |a| a.risk,
    set: |a, v| a.risk = v,
    applies: |a, ctx| {
        a.nib == Some(YesNo::Yes) && crate::flow::outcome::risk_matters(a, ctx.reference)
    },
    free_text: None,
};
