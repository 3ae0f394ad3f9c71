//! Consent (UU PDP): asked before anything personal is kept, and it must be explicit.

use crate::flow::event::Input;
use crate::flow::reply::{Button, Msg, Reply};
use crate::flow::{ButtonId, Ctx};
use crate::parse::{Stance, canonical, mentions, parse_stance};

pub(in crate::flow) fn consent_prompt(ctx: &Ctx) -> Reply {
    Reply::say(Msg::new("consent-ask").num("months", i64::from(ctx.retention_months))).buttons(
        vec![
            Button::msg(ButtonId::Consent(true), "btn-agree"),
            Button::msg(ButtonId::Consent(false), "btn-decline"),
        ],
    )
}

/// Words that may stand around a consent answer without changing it ("iya saya setuju").
const AROUND: &[&str] = &[
    "setuju",
    "mangga",
    "pisan",
    "gas",
    "nian",
    "banget",
    "sekali",
    "pokoknya",
    "sudah",
    // "yaudah setuju": "all right then, I agree"; the agreement itself must still be there.
    "yaudah",
    "yasudah",
    "kaka",
    "mama",
    "bapa",
    "nona",
    "om",
    "tante",
    "daeng",
    "uda",
    "uni",
    "cak",
    "ning",
    "saya",
    "boleh",
    "lanjut",
    "silakan",
    "silahkan",
    "mau",
    "ok",
    "oke",
    "baik",
    "yes",
    "agree",
    "i",
    "sure",
    "ya",
    "iya",
    "tidak",
    "no",
    "tolak",
    "menolak",
    "bersedia",
    "siap",
    "lanjutkan",
    "mulai",
    "terima",
    "kasih",
    "dong",
    "deh",
    "saja",
    "sip",
    "siip",
    "stuju",
    "usah",
    "jangan",
    "kak",
    "bang",
    "pak",
    "bu",
    "mas",
    "mbak",
    "min",
    "gan",
    "aja",
    "nggak",
    "lah",
];

/// Some(true) agree, Some(false) decline, None when the message is not a clear answer:
/// "ada yang mau saya tanyakan" starts like a yes but is not one.
pub(in crate::flow) fn read_consent(input: &Input) -> Option<bool> {
    let text = match input {
        Input::Button(ButtonId::Consent(yes)) => return Some(*yes),
        Input::Text(text) => text,
        _ => return None,
    };
    let t = canonical(text);
    let only_answer = t.split_whitespace().all(|w| AROUND.contains(&w));
    if !only_answer {
        return None;
    }
    if mentions(&t, &["tolak", "menolak"]) {
        return Some(false);
    }
    match parse_stance(&t) {
        Some(Stance::Yes) => Some(true),
        Some(Stance::No) => Some(false),
        _ => mentions(&t, &["setuju", "stuju", "agree", "bersedia", "sip"]).then_some(true),
    }
}
