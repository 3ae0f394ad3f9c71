//! Reading each closed question's answer from a button or from informal typed text.

use crate::flow::answers::{
    Goal, IzinEdar, LabelState, PhoneAnswer, Progress, Risk, ScaleAnswer, Site,
};
use crate::flow::event::Input;
use crate::parse::{PhoneNumber, YesNo, normalize, parse_amount, parse_yes_no};
use crate::reference::Scale;

/// A button id, or None for typed text.
pub(super) fn button<'a>(input: &'a Input, prefix: &str) -> Option<&'a str> {
    match input {
        Input::Button(id) => id
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix(':')),
        _ => None,
    }
}

pub(in crate::flow) fn typed(input: &Input) -> Option<&str> {
    match input {
        Input::Text(text) => Some(text.as_str()),
        _ => None,
    }
}

/// Words that turn the next one around: "tanpa mesin", "belum ada P-IRT", "bukan rendah".
pub(super) const NEGATORS: &[&str] = &[
    "tidak", "tdk", "belum", "blm", "bukan", "tanpa", "ga", "gak", "nggak", "enggak", "ngga", "non",
];

/// Does the text mention one of `words` (whole words or phrases) other than negated?
pub(super) fn has_any(text: &str, words: &[&str]) -> bool {
    let t = format!(" {} ", normalize(text));
    words.iter().any(|w| {
        let needle = format!(" {w} ");
        t.match_indices(&needle).any(|(at, _)| {
            let before = t[..at].split_whitespace().next_back();
            !before.is_some_and(|b| NEGATORS.contains(&b))
        })
    })
}

/// A business or person's name: 2–80 characters with at least two letters, not a bare yes/no.
pub(super) fn name(input: &Input) -> Option<String> {
    let text = typed(input)?;
    let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let length = name.chars().count();
    // "ya", "halo" or "150 juta" answer something else; they are not names.
    let is_reply = (parse_yes_no(&name).is_some() && !name.contains(' '))
        || crate::flow::commands::is_greeting(&name)
        || parse_amount(&name).is_some();
    ((2..=80).contains(&length) && letters >= 2 && !is_reply).then_some(name)
}

pub(super) fn phone(input: &Input) -> Option<PhoneAnswer> {
    if matches!(input, Input::Button(id) if id == "skip") {
        return Some(PhoneAnswer::Skipped);
    }
    let text = typed(input)?;
    if parse_yes_no(text) == Some(YesNo::No) {
        return Some(PhoneAnswer::Skipped);
    }
    PhoneNumber::parse(text).ok().map(PhoneAnswer::Given)
}

pub(in crate::flow) fn yes_no(input: &Input) -> Option<YesNo> {
    match input {
        Input::Button(id) => match id.as_str() {
            "yes" => Some(YesNo::Yes),
            "no" => Some(YesNo::No),
            "unknown" => Some(YesNo::Unknown),
            _ => None,
        },
        Input::Text(text) => parse_yes_no(text),
        _ => None,
    }
}

pub(super) fn scale(input: &Input, prefix: &str) -> Option<ScaleAnswer> {
    if let Some(band) = button(input, prefix) {
        return match band {
            "mikro" => Some(ScaleAnswer::Band(Scale::Mikro)),
            "kecil" => Some(ScaleAnswer::Band(Scale::Kecil)),
            "besar" => Some(ScaleAnswer::Band(Scale::Menengah)),
            "unknown" => Some(ScaleAnswer::Unknown),
            _ => None,
        };
    }
    let text = typed(input)?;
    if parse_yes_no(text) == Some(YesNo::Unknown) {
        return Some(ScaleAnswer::Unknown);
    }
    // Below Rp1 juta a year is a number without its unit ("150" meant as 150 juta): ask again.
    parse_amount(text)
        .map(|a| a.per_year())
        .filter(|rupiah| rupiah.0 >= 1_000_000)
        .map(ScaleAnswer::Amount)
}

pub(super) fn risk(input: &Input) -> Option<Risk> {
    if let Some(id) = button(input, "risk") {
        return match id {
            "rendah" => Some(Risk::Rendah),
            "menengah_rendah" => Some(Risk::MenengahRendah),
            "menengah_tinggi" => Some(Risk::MenengahTinggi),
            "tinggi" => Some(Risk::Tinggi),
            "tidak_tahu" => Some(Risk::TidakTahu),
            _ => None,
        };
    }
    let text = typed(input)?;
    let t = normalize(text);
    if parse_yes_no(text) == Some(YesNo::Unknown) {
        Some(Risk::TidakTahu)
    } else if t.contains("menengah rendah") {
        Some(Risk::MenengahRendah)
    } else if t.contains("menengah tinggi") {
        Some(Risk::MenengahTinggi)
    } else if has_any(text, &["rendah", "low"]) {
        Some(Risk::Rendah)
    } else if has_any(text, &["tinggi", "high"]) {
        Some(Risk::Tinggi)
    } else {
        None
    }
}

pub(super) fn site(input: &Input) -> Option<Site> {
    match button(input, "site") {
        Some("rumah") => return Some(Site::RumahManual),
        Some("terpisah") => return Some(Site::TerpisahOtomatis),
        Some(_) => return None,
        None => {}
    }
    let text = typed(input)?;
    if has_any(
        text,
        &[
            "pabrik", "terpisah", "mesin", "otomatis", "workshop", "gudang",
        ],
    ) {
        Some(Site::TerpisahOtomatis)
    } else if has_any(
        text,
        &["rumah", "dapur", "manual", "tangan", "sendiri", "home"],
    ) {
        Some(Site::RumahManual)
    } else {
        None
    }
}

pub(super) fn izin_edar(input: &Input) -> Option<IzinEdar> {
    match button(input, "izin") {
        Some("belum") => return Some(IzinEdar::Belum),
        Some("pirt") => return Some(IzinEdar::Pirt),
        Some("md") => return Some(IzinEdar::BpomMd),
        Some(_) => return None,
        None => {}
    }
    let text = typed(input)?;
    // "belum ada P-IRT" names the permit it does not have.
    if matches!(parse_yes_no(text), Some(YesNo::No | YesNo::Unknown)) {
        Some(IzinEdar::Belum)
    } else if has_any(text, &["pirt", "p irt", "spp irt", "sppirt", "irt"]) {
        Some(IzinEdar::Pirt)
    } else if has_any(text, &["md", "bpom", "pom"]) {
        Some(IzinEdar::BpomMd)
    } else {
        None
    }
}

pub(super) fn progress(input: &Input) -> Option<Progress> {
    match button(input, "progress") {
        Some("sudah") => return Some(Progress::Sudah),
        Some("proses") => return Some(Progress::Proses),
        Some("belum") => return Some(Progress::Belum),
        Some(_) => return None,
        None => {}
    }
    let text = typed(input)?;
    if has_any(
        text,
        &[
            "proses",
            "sedang",
            "diajukan",
            "daftar",
            "mengajukan",
            "menunggu",
        ],
    ) {
        return Some(Progress::Proses);
    }
    match parse_yes_no(text)? {
        YesNo::Yes => Some(Progress::Sudah),
        YesNo::No | YesNo::Unknown => Some(Progress::Belum),
    }
}

pub(super) fn label(input: &Input) -> Option<LabelState> {
    match button(input, "label") {
        Some("lengkap") => return Some(LabelState::Lengkap),
        Some("sebagian") => return Some(LabelState::Sebagian),
        Some("belum") => return Some(LabelState::Belum),
        Some(_) => return None,
        None => {}
    }
    let text = typed(input)?;
    if has_any(
        text,
        &[
            "sebagian",
            "kurang",
            "belum lengkap",
            "blm lengkap",
            "tidak lengkap",
            "kurang lengkap",
        ],
    ) {
        return Some(LabelState::Sebagian);
    }
    if has_any(text, &["lengkap"]) {
        return Some(LabelState::Lengkap);
    }
    match parse_yes_no(text)? {
        YesNo::Yes => Some(LabelState::Lengkap),
        YesNo::No | YesNo::Unknown => Some(LabelState::Belum),
    }
}

pub(super) fn goal(input: &Input) -> Option<Goal> {
    match button(input, "goal") {
        Some("lokal") => return Some(Goal::PasarLokal),
        Some("ritel") => return Some(Goal::RitelModern),
        Some("ekspor") => return Some(Goal::Ekspor),
        Some("pembeli") => return Some(Goal::DimintaPembeli),
        Some(_) => return None,
        None => {}
    }
    let text = typed(input)?;
    let table: [(&[&str], Goal); 4] = [
        (&["ekspor", "export", "luar negeri"], Goal::Ekspor),
        (
            &[
                "ritel",
                "minimarket",
                "supermarket",
                "indomaret",
                "alfamart",
                "katalog",
                "toko modern",
                "swalayan",
            ],
            Goal::RitelModern,
        ),
        (
            &["pembeli", "diminta", "permintaan", "syarat"],
            Goal::DimintaPembeli,
        ),
        (
            &["lokal", "pasar", "warung", "sekitar", "lokal saja"],
            Goal::PasarLokal,
        ),
    ];
    table
        .into_iter()
        .find(|(words, _)| has_any(text, words))
        .map(|(_, g)| g)
}
