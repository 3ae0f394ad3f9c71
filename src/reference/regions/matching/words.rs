//! Splits an answer like "desa sukamaju kec. cibadak, kab sukabumi" into words that know
//! what they are: a kind hint, a kecamatan/desa part, filler, or possibly a place.

use super::super::RegencyKind;
use super::index::expand;
use crate::parse::normalize;

/// Long answers are addresses; the place is in the first few dozen words.
const MAX_WORDS: usize = 30;

/// Commas and the like separate address parts; a name never spans them.
const SEPARATORS: &[char] = &[',', ';', '\n', '|'];

/// Longest first so "kota administrasi" is taken whole.
const KIND_HINTS: &[(&[&str], RegencyKind)] = &[
    (&["kabupaten", "administrasi"], RegencyKind::Kabupaten),
    (&["kab", "administrasi"], RegencyKind::Kabupaten),
    (&["kab", "adm"], RegencyKind::Kabupaten),
    (&["kabupaten"], RegencyKind::Kabupaten),
    (&["kab"], RegencyKind::Kabupaten),
    (&["kota", "administrasi"], RegencyKind::Kota),
    (&["kota", "adm"], RegencyKind::Kota),
    (&["kotamadya"], RegencyKind::Kota),
    (&["kodya"], RegencyKind::Kota),
    (&["kota"], RegencyKind::Kota),
];

const PROVINCE_WORDS: &[&str] = &["provinsi", "propinsi", "prov", "prop"];

/// Words that start the part of an address below the kabupaten/kota.
const SUBDISTRICT_WORDS: &[&str] = &[
    "kec",
    "kecamatan",
    "kel",
    "kelurahan",
    "desa",
    "ds",
    "dusun",
    "dsn",
    "dukuh",
    "kampung",
    "kp",
    "gampong",
    "nagari",
    "distrik",
    "jl",
    "jln",
    "jalan",
    "gg",
    "gang",
    "rt",
    "rw",
    "perum",
    "perumahan",
    "komplek",
    "kompleks",
    "blok",
];

/// Chat words that are never a place; keeping them out of the typo search stops
/// "belum tau" from being taken for Belu.
const FILLERS: &[&str] = &[
    "saya",
    "aku",
    "kami",
    "kita",
    "di",
    "dari",
    "daerah",
    "wilayah",
    "area",
    "sekitar",
    "dekat",
    "deket",
    "tinggal",
    "domisili",
    "alamat",
    "lokasi",
    "tempat",
    "usaha",
    "asal",
    "ya",
    "iya",
    "yg",
    "yang",
    "kak",
    "ka",
    "kakak",
    "pak",
    "bu",
    "bapak",
    "ibu",
    "mas",
    "mbak",
    "mba",
    "bang",
    "om",
    "min",
    "admin",
    "gan",
    "sis",
    "sih",
    "aja",
    "saja",
    "dong",
    "nih",
    "kok",
    "lah",
    "deh",
    "kalau",
    "kalo",
    "klo",
    "tepatnya",
    "ini",
    "itu",
    "sini",
    "belum",
    "tidak",
    "gak",
    "nggak",
    "ga",
    "tau",
    "tahu",
    "bisa",
    "mau",
    "ada",
    "sudah",
    "udah",
    "lagi",
    "mohon",
    "maaf",
    "tolong",
    "halo",
    "hai",
    "selamat",
    "pagi",
    "siang",
    "sore",
    "malam",
    "terima",
    "kasih",
    "makasih",
    "pulau",
    "indonesia",
    "dan",
    "atau",
    "tapi",
    "juga",
    "masuk",
    "ikut",
    "termasuk",
    "bagian",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Might be (part of) a place name.
    Content,
    Filler,
    /// "kec", "desa": what follows is below the regency.
    Subdistrict,
    /// "provinsi": what follows is a province.
    ProvinceWord,
    /// First word of "kab", "kota adm"; `len` words in all.
    Hint {
        kind: RegencyKind,
        len: usize,
    },
    /// Later words of a multi-word hint.
    HintTail,
}

#[derive(Debug, Clone)]
pub(super) struct Word {
    pub text: String,
    /// Which comma-separated part of the answer the word is in.
    pub part: usize,
    pub role: Role,
    /// After "kec"/"desa": a name here is likely the kecamatan's, used only as a last resort.
    pub weak: bool,
    /// The kind hint right before this word, if any.
    pub hinted: Option<RegencyKind>,
}

pub(super) fn words(input: &str) -> Vec<Word> {
    let mut all = Vec::new();
    for (part, text) in input.split(SEPARATORS).enumerate() {
        let texts: Vec<String> = normalize(text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| expand(w).to_string())
            .collect();
        classify(&texts, part, &mut all);
        if all.len() >= MAX_WORDS {
            all.truncate(MAX_WORDS);
            break;
        }
    }
    all
}

fn classify(texts: &[String], part: usize, out: &mut Vec<Word>) {
    let mut weak = false;
    let mut hinted = None;
    let mut i = 0;
    while i < texts.len() {
        let text = texts[i].as_str();
        let hint = KIND_HINTS.iter().find(|(words, _)| {
            texts.len() >= i + words.len() && words.iter().zip(&texts[i..]).all(|(w, t)| w == t)
        });
        let (role, len) = if let Some(&(words, kind)) = hint {
            let len = words.len();
            (Role::Hint { kind, len }, len)
        } else if PROVINCE_WORDS.contains(&text) {
            (Role::ProvinceWord, 1)
        } else if SUBDISTRICT_WORDS.contains(&text) {
            (Role::Subdistrict, 1)
        } else if FILLERS.contains(&text) {
            (Role::Filler, 1)
        } else {
            (Role::Content, 1)
        };
        // A hint or "provinsi" names the next level up, so the kecamatan part is over.
        match role {
            Role::Subdistrict => weak = true,
            Role::Hint { .. } | Role::ProvinceWord => weak = false,
            _ => {}
        }
        for k in 0..len {
            out.push(Word {
                text: texts[i + k].clone(),
                part,
                role: if k == 0 { role } else { Role::HintTail },
                weak: weak && role != Role::Subdistrict,
                hinted: if k == 0 { hinted } else { None },
            });
        }
        hinted = match role {
            Role::Hint { kind, .. } => Some(kind),
            _ => None,
        };
        i += len;
    }
}
