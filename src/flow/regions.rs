//! The region questions: provinsi, then kabupaten/kota, typed or picked.

use super::answer::{Answered, proceed};
use super::event::Input;
use super::questions::Q;
use super::state::{Conversation, Step};
use super::{Ctx, Out};
use crate::reference::{RegionCode, RegionMatch};

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

/// At the province question people also type their kabupaten/kota straight away.
fn typed_anywhere(text: &str, ctx: &Ctx) -> RegionMatch {
    match ctx.reference.regions.match_province(text) {
        RegionMatch::None => ctx.reference.regions.match_regency(text, None),
        found => found,
    }
}

fn typed_regency(conv: &Conversation, text: &str, ctx: &Ctx) -> RegionMatch {
    let regions = &ctx.reference.regions;
    match regions.match_regency(text, conv.answers.province.as_ref()) {
        // Typed a place in another province: take it, the province follows from it.
        RegionMatch::None => regions.match_regency(text, None),
        found => found,
    }
}

fn typed_among(options: &[RegionCode], text: &str, ctx: &Ctx) -> RegionMatch {
    let keep = |codes: Vec<RegionCode>| -> Vec<RegionCode> {
        codes.into_iter().filter(|c| options.contains(c)).collect()
    };
    let candidates = match ctx.reference.regions.match_regency(text, None) {
        RegionMatch::One(code) => keep(vec![code]),
        RegionMatch::Many(codes) => keep(codes),
        RegionMatch::None => Vec::new(),
    };
    match candidates.len() {
        0 => RegionMatch::None,
        1 => RegionMatch::One(candidates[0].clone()),
        _ => RegionMatch::Many(candidates),
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
