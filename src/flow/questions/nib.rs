//! "Sudah punya NIB?" — the first requirement of every permit, SNI Bina UMK included.

use super::Q;
use super::closed::{Closed, Opt, always, stance_yes_no};
use crate::parse::YesNo;

pub(super) static NIB: Closed<YesNo> = Closed {
    q: Q::Nib,
    prompt: "ask-nib",
    prompt_not_food: None,
    title: "title-nib",
    help: "help-nib",
    options: &[
        Opt {
            value: YesNo::Yes,
            label: "btn-nib-yes",
            words: &[
                "sudah punya",
                "sudah ada",
                "punya nib",
                "ada nib",
                "nib sudah",
            ],
        },
        Opt {
            value: YesNo::No,
            label: "btn-nib-no",
            words: &[
                "belum punya",
                "belum ada",
                "belum buat",
                "belum bikin",
                "sedang buat",
                "lagi buat",
            ],
        },
        Opt {
            value: YesNo::Unknown,
            label: "btn-unknown",
            words: &["tidak tahu", "belum tahu", "tidak yakin", "lupa"],
        },
    ],
    hidden: &[],
    stance: stance_yes_no,
    topic: &["nib", "oss", "nomor induk berusaha"],
    get: |a| a.nib,
    set: |a, v| a.nib = v,
    applies: always,
    free_text: None,
};
