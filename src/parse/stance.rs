//! Closed answers ("sudah", "blm", "gatau", "lagi proses") read from the start of a message.

use super::text::canonical;
use super::text::stretch::squeeze;
use std::sync::LazyLock;

/// What the owner says about a yes/no question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stance {
    Yes,
    No,
    Unknown,
    /// Applied or being arranged, not granted yet ("lagi proses", "sudah daftar tapi belum keluar").
    InProgress,
}

/// Phrases in any spelling [`canonical`] understands; they are canonicalised when loaded.
const YES: &[&str] = &[
    "ya",
    "sudah",
    "sudah ada",
    "sudah punya",
    "punya",
    "ada",
    "betul",
    "benar",
    "setuju",
    "oke",
    "boleh",
    "siap",
    "bersedia",
    "mau",
    "bisa",
    "tentu",
    "tentu saja",
    "pasti",
    "sip",
    "lengkap",
    "yes",
    "yeah",
    "yep",
    "sure",
    "of course",
    "done",
    "have",
    "i have",
    "already",
    "correct",
    "right",
    "agree",
    "baik",
    "baiklah",
    "tidak apa apa",
];

/// Openings that look like an answer but ask something back ("mau tanya dulu"): no stance.
const QUESTIONS: &[&str] = &[
    "mau tanya",
    "mau nanya",
    "boleh tanya",
    "bisa tanya",
    "ada pertanyaan",
    "ada yang mau ditanyakan",
];

const NO: &[&str] = &[
    "tidak",
    "belum",
    "bukan",
    "tidak ada",
    "belum ada",
    "tidak punya",
    "belum punya",
    "tidak mau",
    "tidak bisa",
    "tidak pernah",
    "belum pernah",
    "sudah tidak",
    "tanpa",
    "no",
    "nope",
    "not yet",
    "none",
    "never",
    "not",
    "don't have",
    "do not have",
    "haven't",
];

const UNKNOWN: &[&str] = &[
    "tidak tahu",
    "belum tahu",
    "kurang tahu",
    "tidak yakin",
    "kurang yakin",
    "belum yakin",
    "ragu",
    "ragu ragu",
    "lupa",
    "sudah lupa",
    "tidak ingat",
    "entah",
    "entahlah",
    "bingung",
    "tidak paham",
    "belum paham",
    "kurang paham",
    "tidak mengerti",
    "belum mengerti",
    "kurang mengerti",
    "tidak jelas",
    "kurang jelas",
    "bisa jadi",
    "don't know",
    "dont know",
    "do not know",
    "i don't know",
    "idk",
    "dunno",
    "not sure",
    "no idea",
    "unsure",
];

/// Stand-alone phrases for an application under way.
const IN_PROGRESS: &[&str] = &[
    "proses",
    "diproses",
    "menunggu",
    "pengajuan",
    "on process",
    "on progress",
    "otw",
    "sudah proses",
    "sudah diproses",
    "sudah diajukan",
    "sudah mengajukan",
    "sudah menunggu",
    "in progress",
    "in process",
    "processing",
    "applied",
    "i applied",
    "already applied",
    "waiting",
    "still waiting",
    "pending",
    "submitted",
    "under review",
];

/// "sedang", "lagi", "masih" ... before an action that is under way: "lagi diurus".
const UNDER_WAY: &[&str] = &[
    "sedang",
    "lagi",
    "masih",
    "dalam",
    "sedang dalam",
    "masih dalam",
    "lagi dalam",
    "baru",
];
const ACTIONS: &[&str] = &[
    "proses",
    "diproses",
    "diurus",
    "mengurus",
    "diajukan",
    "mengajukan",
    "pengajuan",
    "menunggu",
    "daftar",
    "mendaftar",
    "verifikasi",
];
/// "sudah daftar tapi belum keluar": registered, but the certificate is not out yet.
const SUBMITTED: &[&str] = &[
    "sudah daftar",
    "sudah mendaftar",
    "sudah mengajukan",
    "sudah diajukan",
];
const NOT_OUT: &[&str] = &[
    "keluar",
    "jadi",
    "terbit",
    "selesai",
    "ada hasil",
    "disetujui",
];

/// Reads the stance from the start of the message; the longest phrase wins ("tidak tahu"
/// over "tidak") and anything after it is ignored ("sudah kak, kemarin").
pub fn parse_stance(input: &str) -> Option<Stance> {
    let text = canonical(input);
    let tokens: Vec<String> = text
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(squeeze)
        .collect();
    PHRASES
        .iter()
        .filter(|(words, _)| {
            words.len() <= tokens.len() && words.iter().zip(&tokens).all(|(w, t)| w == t)
        })
        .max_by_key(|(words, _)| words.len())
        .and_then(|&(_, stance)| stance)
}

/// Every phrase as squeezed canonical words, so both sides compare the same way.
/// `None` marks a question back, which beats the shorter answer inside it ("mau").
static PHRASES: LazyLock<Vec<(Vec<String>, Option<Stance>)>> = LazyLock::new(|| {
    let answers = phrases().into_iter().map(|(p, stance)| (p, Some(stance)));
    let questions = QUESTIONS.iter().map(|q| (q.to_string(), None));
    answers
        .chain(questions)
        .map(|(phrase, stance)| {
            let words = canonical(&phrase).split(' ').map(squeeze).collect();
            (words, stance)
        })
        .collect()
});

pub(super) fn phrases() -> Vec<(String, Stance)> {
    let mut all = Vec::new();
    for (list, stance) in [
        (YES, Stance::Yes),
        (NO, Stance::No),
        (UNKNOWN, Stance::Unknown),
        (IN_PROGRESS, Stance::InProgress),
    ] {
        all.extend(list.iter().map(|p| (p.to_string(), stance)));
    }
    let mut under_way: Vec<String> = UNDER_WAY
        .iter()
        .flat_map(|u| ACTIONS.iter().map(move |a| format!("{u} {a}")))
        .collect();
    for s in SUBMITTED {
        for n in NOT_OUT {
            under_way.push(format!("{s} belum {n}"));
            under_way.push(format!("{s} tapi belum {n}"));
        }
    }
    // "belum, masih proses": not granted, but under way.
    let after_belum: Vec<String> = under_way
        .iter()
        .flat_map(|p| [format!("belum {p}"), format!("belum tapi {p}")])
        .collect();
    all.extend(
        under_way
            .into_iter()
            .chain(after_belum)
            .map(|p| (p, Stance::InProgress)),
    );
    all
}

#[cfg(test)]
mod tests;
