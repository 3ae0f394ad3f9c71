//! "Merek sudah didaftarkan ke DJKI?" — advised for every outcome.

use super::Q;
use super::closed::{Closed, always, progress_options, stance_progress};
use crate::flow::answers::Progress;

pub(super) static MEREK: Closed<Progress> = Closed {
    q: Q::Merek,
    prompt: "ask-merek",
    prompt_not_food: None,
    title: "title-merek",
    help: "help-merek",
    options: progress_options(),
    hidden: &[],
    stance: stance_progress,
    topic: &["merek", "merk", "brand", "djki", "haki", "hki"],
    get: |a| a.merek,
    set: |a, v| a.merek = v,
    applies: always,
    free_text: None,
};
