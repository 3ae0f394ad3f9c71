//! "Sudah bersertifikat halal?" (food only): required for UMK food from 17 Oktober 2026.

use super::Q;
use super::closed::{Closed, Opt, progress_options, stance_progress};
use crate::flow::answers::Progress;
use crate::flow::outcome::is_food;

pub(super) static HALAL: Closed<Progress> = Closed {
    q: Q::Halal,
    prompt: "ask-halal",
    prompt_not_food: None,
    title: "title-halal",
    help: "help-halal",
    options: progress_options(),
    hidden: &[Opt {
        value: Progress::Belum,
        label: "btn-belum",
        words: &["kedaluwarsa", "kadaluarsa", "expired", "habis"],
    }],
    stance: stance_progress,
    topic: &["halal", "sihalal", "mui", "bpjph"],
    get: |a| a.halal,
    set: |a, v| a.halal = v,
    applies: |a, ctx| is_food(a, ctx.reference),
    free_text: None,
};
