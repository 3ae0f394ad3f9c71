//! Where the business is: provinsi, then kabupaten/kota, typed or picked. The kab/kota code
//! routes the lead to the right dinas.

use super::{PAGE_SIZE, Q, Question, Take, paged};
use crate::flow::answers::Answers;
use crate::flow::event::Input;
use crate::flow::reply::{Button, Label, Msg, Reply};
use crate::flow::state::{Conversation, Step};
use crate::flow::{ButtonId, Ctx};
use crate::reference::{Reference, RegionCode, RegionMatch};

pub(super) struct Region {
    q: Q,
}

pub(super) static PROVINCE: Region = Region { q: Q::Province };
pub(super) static REGENCY: Region = Region { q: Q::Regency };

impl Question for Region {
    fn q(&self) -> Q {
        self.q
    }

    fn answered(&self, a: &Answers) -> bool {
        match self.q {
            Q::Province => a.province.is_some(),
            _ => a.regency.is_some(),
        }
    }

    fn clear(&self, a: &mut Answers) {
        if self.q == Q::Province {
            a.province = None;
        }
        a.regency = None;
    }

    fn prompt(&self, conv: &Conversation, ctx: &Ctx) -> Reply {
        let r = ctx.reference;
        match &conv.step {
            Step::RegionPick { options } => Reply::say(Msg::new("ask-region-pick"))
                .buttons(options.iter().map(|c| region_button(r, c)).collect()),
            Step::RegionConfirm { code } => {
                Reply::say(Msg::new("ask-region-confirm").text("place", place_name(r, code)))
                    .buttons(super::yes_no_buttons())
            }
            Step::Regency { page } => regency_prompt(conv, r, *page),
            Step::Province { page } => province_prompt(r, *page),
            _ => province_prompt(r, 0),
        }
    }

    fn take(&self, conv: &mut Conversation, input: &Input, ctx: &Ctx) -> Take {
        if let Some(taken) = turn_page(conv, input, ctx) {
            return taken;
        }
        // "5jt sebulan" or "sudah" answers another question; no place is guessed from it.
        if let Input::Text(text) = input
            && !matches!(conv.step, Step::RegionConfirm { .. })
            && (crate::parse::find_amount(text).is_some()
                || crate::parse::parse_stance(text).is_some()
                    && text.split_whitespace().count() <= 2)
        {
            return Take::NotUnderstood;
        }
        let picked = match (&conv.step, input) {
            (Step::RegionConfirm { code }, _) => confirm(code, input),
            (_, Input::Button(id)) => picked_code(id),
            (Step::RegionPick { options }, Input::Text(text)) => among(options, text, ctx),
            (Step::Regency { .. }, Input::Text(text)) => {
                places(text, conv.answers.province.as_ref(), ctx)
            }
            (_, Input::Text(text)) => places(text, None, ctx),
            _ => RegionMatch::None,
        };
        match picked {
            RegionMatch::One(code) => choose(conv, code, ctx),
            RegionMatch::Many(options) => {
                conv.step = Step::RegionPick { options };
                Take::SubStep
            }
            // A typo guess is for a place name, not for a sentence about something else
            // ("helm custom, repaint…" is no "Metro").
            RegionMatch::Guess(_) if matches!(input, Input::Text(t) if t.split_whitespace().count() > 3) => {
                Take::NotUnderstood
            }
            RegionMatch::Guess(code) => {
                conv.step = Step::RegionConfirm { code };
                Take::SubStep
            }
            RegionMatch::None if matches!(conv.step, Step::RegionConfirm { .. }) => {
                // "bukan": ask the question itself again, without the guess.
                conv.step = self.q.step();
                Take::SubStep
            }
            RegionMatch::None => Take::NotUnderstood,
        }
    }

    fn shown(&self, a: &Answers, ctx: &Ctx) -> Option<Label> {
        let code = match self.q {
            Q::Province => a.province.as_ref()?,
            _ => a.regency.as_ref()?,
        };
        Some(Label::Plain(place_name(ctx.reference, code)))
    }

    fn recorded(&self, a: &Answers) -> Option<String> {
        match self.q {
            Q::Province => a.regency.as_ref().or(a.province.as_ref()),
            _ => a.regency.as_ref(),
        }
        .map(|c| c.as_str().to_owned())
    }

    fn title(&self) -> &'static str {
        match self.q {
            Q::Province => "title-province",
            _ => "title-regency",
        }
    }

    fn help(&self) -> &'static str {
        "help-region"
    }

    fn hint(&self) -> &'static str {
        "hint-region"
    }
}

fn confirm(code: &RegionCode, input: &Input) -> RegionMatch {
    match crate::flow::questions::closed::read_yes_no(input) {
        Some(crate::parse::YesNo::Yes) => RegionMatch::One(code.clone()),
        _ => RegionMatch::None,
    }
}

fn turn_page(conv: &mut Conversation, input: &Input, ctx: &Ctx) -> Option<Take> {
    let delta: isize = match input {
        Input::Button(ButtonId::NextPage) => 1,
        Input::Button(ButtonId::PrevPage) => -1,
        _ => return None,
    };
    let r = ctx.reference;
    let items = match &conv.step {
        Step::Province { .. } => r.regions.provinces().len(),
        Step::Regency { .. } => conv
            .answers
            .province
            .as_ref()
            .map_or(0, |p| r.regions.regencies_of(p).len()),
        _ => return Some(Take::NotUnderstood),
    };
    let last = items.div_ceil(PAGE_SIZE).max(1) - 1;
    if let Step::Province { page } | Step::Regency { page } = &mut conv.step {
        // An old "next" button pressed on the last page must not run past the end.
        *page = page.saturating_add_signed(delta).min(last);
    }
    Some(Take::SubStep)
}

fn picked_code(id: &ButtonId) -> RegionMatch {
    match id {
        ButtonId::Province(c) | ButtonId::Regency(c) | ButtonId::Region(c) => {
            RegionMatch::One(c.clone())
        }
        _ => RegionMatch::None,
    }
}

fn places(text: &str, within: Option<&RegionCode>, ctx: &Ctx) -> RegionMatch {
    match ctx.reference.regions.match_place(text, within) {
        RegionMatch::Many(options) => narrow(text, options, ctx),
        other => other,
    }
}

/// "pekalongan kota", "sumenep madura": the kind or the name said beside a group name
/// picks one of the places it offers.
fn narrow(text: &str, options: Vec<RegionCode>, ctx: &Ctx) -> RegionMatch {
    let words: Vec<String> = crate::parse::normalize(text)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let kota = has("kota") || has("kodya");
    let kab = has("kab") || has("kabupaten");
    let by_kind: Vec<RegionCode> = match (kota, kab) {
        (true, false) => filter_kind(&options, ctx, true),
        (false, true) => filter_kind(&options, ctx, false),
        _ => options.clone(),
    };
    let named: Vec<RegionCode> = by_kind
        .iter()
        .filter(|c| {
            ctx.reference.regions.regency(c).is_some_and(|g| {
                let name = crate::parse::normalize(&g.short_name);
                // Only beside other words: "minahasa" alone is the group's name too.
                name.split_whitespace().count() == 1 && has(&name) && words.len() > 1
            })
        })
        .cloned()
        .collect();
    let fits = if named.len() == 1 { named } else { by_kind };
    match fits.len() {
        0 => RegionMatch::Many(options),
        1 => RegionMatch::One(fits[0].clone()),
        _ => RegionMatch::Many(fits),
    }
}

/// Among the offered places: "kota" or "kab" alone picks by kind, a name picks by name,
/// and anything else is searched everywhere (the owner may have meant another place).
fn among(options: &[RegionCode], text: &str, ctx: &Ctx) -> RegionMatch {
    let regions = &ctx.reference.regions;
    // "kota, deket summarecon": the kind is the first word; the rest is a landmark.
    let t = crate::parse::normalize(text);
    let t = match t.split_whitespace().next() {
        Some(w @ ("kota" | "kodya" | "kab" | "kabupaten" | "kabupatennya")) => w.to_owned(),
        _ => t,
    };
    let by_kind: Vec<RegionCode> = match t.as_str() {
        "kota" | "kodya" | "kotamadya" | "yang kota" => filter_kind(options, ctx, true),
        "kab" | "kabupaten" | "yang kabupaten" | "kabupatennya" => filter_kind(options, ctx, false),
        _ => Vec::new(),
    };
    let by_name: Vec<RegionCode> = match regions.match_place(text, None) {
        RegionMatch::One(code) | RegionMatch::Guess(code) => vec![code],
        RegionMatch::Many(codes) => codes,
        RegionMatch::None => Vec::new(),
    };
    // "yg di kalsel": the province names which of the offered places.
    let in_province: Vec<RegionCode> = match by_name.as_slice() {
        [code] if code.is_province() => options
            .iter()
            .filter(|c| c.province() == *code)
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    let fits: Vec<RegionCode> = if !by_kind.is_empty() {
        by_kind
    } else if !in_province.is_empty() {
        in_province
    } else {
        by_name
            .iter()
            .filter(|c| options.contains(c))
            .cloned()
            .collect()
    };
    match fits.len() {
        // Another place, named exactly, replaces the pick; a typo guess does not (a business
        // name typed on, "Sabun Sereh", is no "Sabu Raijua").
        0 => match regions.match_place(text, None) {
            RegionMatch::Guess(_) => RegionMatch::None,
            other => other,
        },
        1 => RegionMatch::One(fits[0].clone()),
        _ => RegionMatch::Many(fits),
    }
}

fn filter_kind(options: &[RegionCode], ctx: &Ctx, kota: bool) -> Vec<RegionCode> {
    use crate::reference::RegencyKind;
    let want = if kota {
        RegencyKind::Kota
    } else {
        RegencyKind::Kabupaten
    };
    options
        .iter()
        .filter(|c| {
            ctx.reference
                .regions
                .regency(c)
                .is_some_and(|g| g.kind == want)
        })
        .cloned()
        .collect()
}

fn choose(conv: &mut Conversation, code: RegionCode, ctx: &Ctx) -> Take {
    let regions = &ctx.reference.regions;
    let a = &mut conv.answers;
    if code.is_province() && regions.province(&code).is_some() {
        if a.province.as_ref() != Some(&code) {
            a.regency = None;
        }
        a.province = Some(code);
        Take::Recorded(None)
    } else if regions.regency(&code).is_some() {
        a.province = Some(code.province());
        a.regency = Some(code);
        Take::Recorded(None)
    } else {
        Take::NotUnderstood
    }
}

fn province_prompt(r: &Reference, page: usize) -> Reply {
    let buttons = r
        .regions
        .provinces()
        .iter()
        .map(|p| Button::plain(ButtonId::Province(p.code.clone()), p.name.clone()))
        .collect();
    Reply::say(Msg::new("ask-province")).buttons(paged(buttons, page))
}

fn regency_prompt(conv: &Conversation, r: &Reference, page: usize) -> Reply {
    let Some(province) = conv
        .answers
        .province
        .as_ref()
        .and_then(|c| r.regions.province(c))
    else {
        return province_prompt(r, 0);
    };
    let buttons = r
        .regions
        .regencies_of(&province.code)
        .into_iter()
        .map(|g| Button::plain(ButtonId::Regency(g.code.clone()), super::short_regency(g)))
        .collect();
    Reply::say(Msg::new("ask-regency").text("province", province.name.clone()))
        .buttons(paged(buttons, page))
}

/// "Kab. Lombok Tengah (Nusa Tenggara Barat)", or a province's name.
fn place_name(r: &Reference, code: &RegionCode) -> String {
    match r.regions.regency(code) {
        Some(g) => {
            let province = r.regions.name_of(&code.province()).unwrap_or_default();
            format!("{} ({province})", super::short_regency(g))
        }
        None => r.regions.name_of(code).unwrap_or(code.as_str()).to_owned(),
    }
}

fn region_button(r: &Reference, code: &RegionCode) -> Button {
    Button::plain(ButtonId::Region(code.clone()), place_name(r, code))
}
