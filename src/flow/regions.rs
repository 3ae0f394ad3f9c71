//! The region questions: provinsi, then kabupaten/kota, typed or picked.

use super::answer::{Answered, proceed};
use super::event::Input;
use super::questions::Q;
use super::state::{Conversation, Step};
use super::{Ctx, Out};
use crate::parse::normalize;
use crate::reference::{RegencyKind, RegionCode, RegionMatch};

pub(super) fn on_input(
    conv: &mut Conversation,
    input: &Input,
    ctx: &Ctx,
    out: &mut Out,
) -> Answered {
    let picked = match (&conv.step, input) {
        (_, Input::Button(id)) => picked_code(id),
        (Step::Province { .. }, Input::Text(text)) => typed_anywhere(text, ctx),
        (Step::Regency { .. }, Input::Text(text)) => typed_regency(conv, text, ctx),
        (Step::RegionPick { options }, Input::Text(text)) => typed_among(options, text, ctx),
        _ => RegionMatch::None,
    };
    match picked {
        RegionMatch::One(code) => choose(conv, code, ctx, out),
        RegionMatch::Many(options) => {
            conv.step = Step::RegionPick { options };
            conv.misses = 0;
            out.ask(conv, ctx, None);
            Answered::Yes
        }
        RegionMatch::None => Answered::No,
    }
}

fn picked_code(id: &str) -> RegionMatch {
    let code = ["prov:", "reg:", "region:"]
        .iter()
        .find_map(|p| id.strip_prefix(p));
    match code.and_then(|c| RegionCode::parse(c).ok()) {
        Some(code) => RegionMatch::One(code),
        None => RegionMatch::None,
    }
}

/// At the province question people also type their kabupaten/kota straight away, or only
/// the first word of it ("lombok").
fn typed_anywhere(text: &str, ctx: &Ctx) -> RegionMatch {
    let regions = &ctx.reference.regions;
    regions
        .match_province(text)
        .or_else(|| regions.match_regency(text, None))
        .or_else(|| starting_with(text, ctx))
}

fn typed_regency(conv: &Conversation, text: &str, ctx: &Ctx) -> RegionMatch {
    let regions = &ctx.reference.regions;
    regions
        .match_regency(text, conv.answers.province.as_ref())
        // A place in another province, or another province: take it and follow.
        .or_else(|| regions.match_regency(text, None))
        .or_else(|| regions.match_province(text))
        .or_else(|| starting_with(text, ctx))
}

/// Regencies whose name starts with the typed words: "lombok" offers the four Lombok ones.
fn starting_with(text: &str, ctx: &Ctx) -> RegionMatch {
    let query = format!("{} ", normalize(text));
    if query.trim().chars().count() < 3 {
        return RegionMatch::None;
    }
    let codes: Vec<RegionCode> = ctx
        .reference
        .regions
        .regencies()
        .iter()
        .filter(|g| normalize(&g.short_name).starts_with(&query))
        .map(|g| g.code.clone())
        .collect();
    match codes.len() {
        0 => RegionMatch::None,
        1 => RegionMatch::One(codes[0].clone()),
        2..=super::questions::PAGE_SIZE => RegionMatch::Many(codes),
        _ => RegionMatch::None,
    }
}

/// Among the offered places: "kota" or "kab" alone picks by kind, a name picks by name,
/// and anything else is searched everywhere (the user may have meant another place).
fn typed_among(options: &[RegionCode], text: &str, ctx: &Ctx) -> RegionMatch {
    let regions = &ctx.reference.regions;
    let by_kind: Vec<RegionCode> = match kind_word(text) {
        Some(kind) => options
            .iter()
            .filter(|c| regions.regency(c).is_some_and(|g| g.kind == kind))
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    let by_name = match regions.match_regency(text, None) {
        RegionMatch::One(code) => vec![code],
        RegionMatch::Many(codes) => codes,
        RegionMatch::None => Vec::new(),
    };
    let among: Vec<RegionCode> = if by_kind.is_empty() {
        by_name
            .into_iter()
            .filter(|c| options.contains(c))
            .collect()
    } else {
        by_kind
    };
    match among.len() {
        0 => typed_anywhere(text, ctx),
        1 => RegionMatch::One(among[0].clone()),
        _ => RegionMatch::Many(among),
    }
}

fn kind_word(text: &str) -> Option<RegencyKind> {
    match normalize(text).as_str() {
        "kota" | "kodya" | "kotamadya" | "yang kota" => Some(RegencyKind::Kota),
        "kab" | "kabupaten" | "yang kabupaten" => Some(RegencyKind::Kabupaten),
        _ => None,
    }
}

fn choose(conv: &mut Conversation, code: RegionCode, ctx: &Ctx, out: &mut Out) -> Answered {
    let regions = &ctx.reference.regions;
    let a = &mut conv.answers;
    if code.is_province() {
        if regions.province(&code).is_none() {
            return Answered::No;
        }
        if a.province.as_ref() != Some(&code) {
            a.regency = None;
        }
        a.province = Some(code);
        proceed(conv, Q::Province, ctx, out, None);
        Answered::Yes
    } else if regions.regency(&code).is_some() {
        a.province = Some(code.province());
        a.regency = Some(code);
        proceed(conv, Q::Regency, ctx, out, None);
        Answered::Yes
    } else {
        Answered::No
    }
}
