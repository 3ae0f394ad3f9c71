//! Before the result: the answers as the owner gave them, with a way to change any one.

use super::event::Input;
use super::questions::{self, Q};
use super::reply::{Button, Msg, Reply};
use super::state::{Conversation, Step};
use super::{ButtonId, Ctx, Out, result};
use crate::parse::{Stance, canonical, parse_stance};

/// The answers to check, one line each, and the two ways on.
pub(super) fn prompt(conv: &Conversation, ctx: &Ctx) -> Reply {
    Reply::say(Msg::new("review-title").list("lines", lines(conv, ctx)))
        .with(Msg::new("review-ask"))
        .buttons(vec![
            Button::msg(ButtonId::ReviewOk, "btn-review-ok"),
            Button::msg(ButtonId::ReviewEdit, "btn-review-edit"),
        ])
}

/// The questions whose answers can be changed: the region once, as its kab/kota.
fn editable(conv: &Conversation, ctx: &Ctx) -> Vec<Q> {
    let has_regency = conv.answers.regency.is_some();
    questions::answered(&conv.answers, ctx)
        .into_iter()
        .filter(|q| !(has_regency && *q == Q::Province))
        .collect()
}

fn lines(conv: &Conversation, ctx: &Ctx) -> Vec<Msg> {
    editable(conv, ctx)
        .into_iter()
        .filter_map(|q| {
            let def = q.def();
            let shown = def.shown(&conv.answers, ctx)?;
            Some(
                Msg::new("review-line")
                    .msg("question", Msg::new(def.title()))
                    .label("answer", shown),
            )
        })
        .collect()
}

pub(super) fn edit_prompt(conv: &Conversation, ctx: &Ctx) -> Reply {
    let buttons = editable(conv, ctx)
        .into_iter()
        .map(|q| Button::msg(ButtonId::Edit(q), q.def().title()))
        .collect();
    Reply::say(Msg::new("ask-edit-which")).buttons(buttons)
}

/// `/ubah`, at any point after the first answers.
pub(super) fn start_edit(conv: &mut Conversation, ctx: &Ctx, out: &mut Out) {
    if questions::answered(&conv.answers, ctx).is_empty() {
        out.ask(conv, ctx, Some(Msg::new("edit-nothing-yet")));
        return;
    }
    conv.advance(Step::EditPick);
    out.ask(conv, ctx, None);
}

/// Returns false when the input was not understood.
pub(super) fn on_input(conv: &mut Conversation, input: &Input, ctx: &Ctx, out: &mut Out) -> bool {
    match (&conv.step, input) {
        (_, Input::Button(ButtonId::ReviewOk)) => result::finish(conv, ctx, out),
        (_, Input::Button(ButtonId::ReviewEdit)) => start_edit(conv, ctx, out),
        (_, Input::Button(ButtonId::Edit(q))) => edit(conv, *q, ctx, out),
        (Step::Review, Input::Text(text)) => match parse_stance(text) {
            _ if crate::parse::mentions(text, WRONG) => start_edit(conv, ctx, out),
            Some(Stance::Yes) => result::finish(conv, ctx, out),
            _ if crate::parse::mentions(text, RIGHT) => result::finish(conv, ctx, out),
            Some(Stance::No) => start_edit(conv, ctx, out),
            _ => match typed_question(conv, text, ctx) {
                Some(q) => edit(conv, q, ctx, out),
                None => return false,
            },
        },
        (Step::EditPick, Input::Text(text)) => match typed_question(conv, text, ctx) {
            Some(q) => edit(conv, q, ctx, out),
            // "betul", "tidak jadi": nothing to change after all; back to the review.
            None if parse_stance(text).is_some() || crate::parse::mentions(text, RIGHT) => {
                conv.advance(Step::Review);
                out.ask(conv, ctx, None);
            }
            None => return false,
        },
        _ => return false,
    }
    true
}

/// "lanjut", "mantap", "cocok": the answers are right.
const RIGHT: &[&str] = &[
    "lanjut",
    "lanjutkan",
    "mantap",
    "cocok",
    "benar",
    "betul",
    "sesuai",
    "lihat hasil",
    "hasilnya",
    "sip",
    "correct",
    "right",
    "continue",
];

/// "ada yang salah", "mau ganti": the owner wants to change something.
const WRONG: &[&str] = &[
    "salah", "keliru", "ubah", "ganti", "edit", "koreksi", "wrong", "change",
];

fn edit(conv: &mut Conversation, q: Q, ctx: &Ctx, out: &mut Out) {
    // The province is changed through its kab/kota; a new province asks for both.
    let q = if q == Q::Regency && conv.answers.regency.is_some() {
        Q::Province
    } else {
        q
    };
    conv.advance(q.step());
    out.ask(conv, ctx, Some(Msg::new("edit-ok")));
}

/// "omzet", "nib", "nama usaha": the question named in the owner's words.
fn typed_question(conv: &Conversation, text: &str, ctx: &Ctx) -> Option<Q> {
    let t = canonical(text);
    let named: &[(&str, Q)] = &[
        ("daerah", Q::Province),
        ("provinsi", Q::Province),
        ("kabupaten", Q::Province),
        ("kota", Q::Province),
        ("nama usaha", Q::BusinessName),
        ("usaha", Q::BusinessName),
        ("nama", Q::OwnerName),
        ("pemilik", Q::OwnerName),
        ("hp", Q::Phone),
        ("nomor", Q::Phone),
        ("telepon", Q::Phone),
        ("jenis", Q::Category),
        ("kategori", Q::Category),
        ("produk", Q::Product),
        ("omzet", Q::Omzet),
        ("omset", Q::Omzet),
        ("modal", Q::Modal),
        ("nib", Q::Nib),
        ("risiko", Q::Risk),
        ("resiko", Q::Risk),
        ("tempat", Q::Site),
        ("produksi", Q::Site),
        ("izin edar", Q::IzinEdar),
        ("pirt", Q::IzinEdar),
        ("halal", Q::Halal),
        ("merek", Q::Merek),
        ("merk", Q::Merek),
        ("label", Q::Label),
        ("bersedia", Q::Willing),
        ("dibina", Q::Willing),
        ("tujuan", Q::Goal),
    ];
    let open = editable(conv, ctx);
    named
        .iter()
        .filter(|(word, _)| crate::parse::mentions(&t, &[word]))
        .map(|(_, q)| *q)
        .find(|q| open.contains(q) || (*q == Q::Province && open.contains(&Q::Regency)))
}
