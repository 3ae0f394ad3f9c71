//! Slash commands that work at every step, in Indonesian and English.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Start(Option<String>),
    Help,
    Back,
    Restart,
    Cancel,
    Delete,
    Language(Option<crate::domain::Locale>),
    Status,
    Skip,
    Documents,
    /// `/ubah`: change one answer.
    Edit,
    /// Check again after the result, keeping who and where.
    Recheck,
    /// No more notices (`/berhenti`, "stop"); the check and lead stay.
    Unsubscribe,
    /// Notices again (`/langganan`).
    Subscribe,
}

/// Recognises `/cmd [arg]`, and a few commands typed as a bare word ("bantuan", "kembali").
pub fn parse(text: &str) -> Option<Command> {
    let text = text.trim();
    let (word, arg) = match text.strip_prefix('/') {
        Some(rest) => split_command(rest),
        None => (text.to_lowercase(), None),
    };
    let bare = !text.starts_with('/');
    let command = match word.as_str() {
        "start" | "mulai" if !bare => Command::Start(arg.and_then(source_code)),
        "bantuan" | "help" | "tolong" => Command::Help,
        "kembali" | "back" => Command::Back,
        "ulang" | "restart" if !bare => Command::Restart,
        "batal" | "cancel" | "stop" if !bare => Command::Cancel,
        // A bare "STOP" is how people leave broadcast lists everywhere.
        "stop" | "berhenti" | "unsubscribe" => Command::Unsubscribe,
        "langganan" | "subscribe" => Command::Subscribe,
        "hapus" | "delete" if !bare => Command::Delete,
        "bahasa" | "language" | "lang" if !bare => {
            Command::Language(arg.as_deref().and_then(crate::domain::Locale::parse))
        }
        "status" => Command::Status,
        "lewati" | "skip" => Command::Skip,
        "dokumen" | "documents" if !bare => Command::Documents,
        "ubah" | "edit" | "ganti" if !bare => Command::Edit,
        "cekulang" | "recheck" if !bare => Command::Recheck,
        _ => return None,
    };
    Some(command)
}

fn split_command(rest: &str) -> (String, Option<String>) {
    let mut parts = rest.splitn(2, char::is_whitespace);
    // Telegram appends the bot name in groups: /start@PanduBot
    let word = parts.next().unwrap_or("").split('@').next().unwrap_or("");
    let arg = parts
        .next()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned);
    (word.to_lowercase(), arg)
}

/// A deep-link source code: Telegram allows A-Z, a-z, 0-9, _ and - up to 64 characters.
pub fn source_code(arg: String) -> Option<String> {
    let ok = arg.len() <= 64
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    ok.then_some(arg)
}

/// Commands owners type in words rather than as `/cmd`.
pub fn in_words(text: &str) -> Option<Command> {
    let t = crate::parse::canonical(text);
    const DELETE: &[&str] = &[
        "hapus data saya",
        "hapus data",
        "hapus semua data saya",
        "hapus semua data",
        "tolong hapus data saya",
        "hapus nomor saya",
        "delete my data",
    ];
    const SUBSCRIBE: &[&str] = &[
        "langganan lagi",
        "mau langganan",
        "mau langganan lagi",
        "kirim pengumuman lagi",
        "subscribe again",
    ];
    let bare = t.trim_end_matches(['.', '!']).trim();
    if refuses_notices(bare) {
        return Some(Command::Unsubscribe);
    }
    if SUBSCRIBE.contains(&bare) {
        return Some(Command::Subscribe);
    }
    const RECHECK: &[&str] = &[
        "cek ulang",
        "cek lagi",
        "check again",
        "recheck",
        "periksa ulang",
    ];
    const EDIT: &[&str] = &[
        "ubah jawaban",
        "ganti jawaban",
        "mau ubah jawaban",
        "change an answer",
    ];
    // Asking what the question means is asking for its help text.
    const HELP: &[&str] = &[
        "maksudnya",
        "maksudnya apa",
        "maksudnya bagaimana",
        "apa maksudnya",
        "bagaimana maksudnya",
        "maksud nya apa",
        "maksudnya gimana",
        "contohnya",
        "contohnya apa",
        "what do you mean",
    ];
    if HELP.contains(&t.trim_end_matches('?').trim()) {
        return Some(Command::Help);
    }
    if DELETE.contains(&t.as_str()) {
        Some(Command::Delete)
    } else if RECHECK
        .iter()
        .any(|r| t == *r || t.starts_with(&format!("{r} ")))
    {
        Some(Command::Recheck)
    } else if EDIT.contains(&t.as_str()) {
        Some(Command::Edit)
    } else {
        None
    }
}

/// "jangan kirim lagi ya", "udh gausah kirimin info lg", "stop kirim pesan", "berhenti
/// langganan": a refusal, then a word for sending, and nothing else that carries meaning
/// (so "jangan kirim lagi produk saya" or "tidak kirim ke luar kota" are not opt-outs).
fn refuses_notices(text: &str) -> bool {
    const SEND: &[&str] = &[
        "langganan",
        "berlangganan",
        "hubungi",
        "sms",
        "spam",
        "broadcast",
    ];
    const NOISE: &[&str] = &[
        "lagi",
        "lg",
        "ya",
        "yah",
        "ok",
        "oke",
        "sudah",
        "pesan",
        "pesannya",
        "info",
        "informasi",
        "pengumuman",
        "notif",
        "notifikasi",
        "promo",
        "ke",
        "saya",
        "aku",
        "sy",
        "ini",
        "nomor",
        "no",
        "kak",
        "pak",
        "bu",
        "mas",
        "mbak",
        "tolong",
        "mohon",
        "apa",
        "di",
        "terus",
        "messages",
        "sending",
        "me",
        "please",
        "terima",
        "kasih",
        "makasih",
        "wa",
        "chat",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let refusal = words.windows(2).position(|w| {
        matches!(w[0], "jangan" | "stop" | "berhenti")
            || (w[0] == "tidak" && matches!(w[1], "usah" | "perlu" | "mau"))
    });
    let Some(start) = refusal else {
        return false;
    };
    let rest = &words[start + 1..];
    let is_send = |w: &&str| w.starts_with("kirim") || SEND.contains(w) || *w == "sending";
    let sends = rest.iter().any(is_send);
    let receives = rest.first() == Some(&"mau") && rest.contains(&"terima");
    let meaningful = words[..start]
        .iter()
        .chain(rest.iter())
        .filter(|w| !is_send(w) && !NOISE.contains(w) && !matches!(**w, "usah" | "perlu" | "mau"))
        .count();
    (sends || receives) && meaningful == 0
}

/// Greetings that (re)open a conversation rather than answer a question.
pub fn is_greeting(text: &str) -> bool {
    let t = crate::parse::canonical(text);
    const GREETINGS: &[&str] = &[
        "apa kabar",
        "salam",
        "assalamualaikum wr wb",
        "selamat",
        "good morning",
        "halo",
        "hallo",
        "helo",
        "hai",
        "hi",
        "hello",
        "p",
        "ping",
        "assalamualaikum",
        "permisi",
        "selamat pagi",
        "selamat siang",
        "selamat sore",
        "selamat malam",
    ];
    GREETINGS.contains(&t.as_str()) || t.starts_with("mau cek") || t.starts_with("cek sni")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    #[test]
    fn recognises_commands() {
        let cases = [
            ("/start", Some(Command::Start(None))),
            (
                "/start POSTER_LOTENG-1",
                Some(Command::Start(Some("POSTER_LOTENG-1".into()))),
            ),
            ("/start bad code!", Some(Command::Start(None))),
            ("/start@PanduBot", Some(Command::Start(None))),
            ("/bantuan", Some(Command::Help)),
            ("bantuan", Some(Command::Help)),
            ("/HELP", Some(Command::Help)),
            ("/kembali", Some(Command::Back)),
            ("kembali", Some(Command::Back)),
            ("/ulang", Some(Command::Restart)),
            ("ulang", None),
            ("/batal", Some(Command::Cancel)),
            ("/hapus", Some(Command::Delete)),
            ("hapus", None),
            ("/bahasa", Some(Command::Language(None))),
            ("/bahasa en", Some(Command::Language(Some(Locale::En)))),
            ("/status", Some(Command::Status)),
            ("/lewati", Some(Command::Skip)),
            ("/dokumen", Some(Command::Documents)),
            ("/berhenti", Some(Command::Unsubscribe)),
            ("STOP", Some(Command::Unsubscribe)),
            ("berhenti", Some(Command::Unsubscribe)),
            ("/stop", Some(Command::Cancel)),
            ("/langganan", Some(Command::Subscribe)),
            ("gula aren", None),
            ("/unknown", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text), expected, "{text}");
        }
    }

    #[test]
    fn opting_out_in_words() {
        for text in [
            "jangan kirim lagi",
            "Jangan kirim pesan lagi!",
            "berhenti langganan",
            "ga usah kirim lagi",
            "udah jgn kirim2 lagi",
            "ga usah kirim info lagi ya",
            "gausah kirimin pengumuman lg",
            "STOP kirim pesan",
            "tdk usah kirim2 lg kak",
            "jgn di kirim lagi",
            "tolong jangan kirim pesan lagi ke nomor ini",
            "saya tidak mau terima pesan lagi",
            "stop sending messages",
            "berhenti berlangganan ya",
        ] {
            assert_eq!(in_words(text), Some(Command::Unsubscribe), "{text}");
        }
        for text in [
            "tidak kirim ke luar kota",
            "kirim dokumen",
            "Warung Jangan Lupa",
            "jangan lupa",
            "tidak",
            "stop dulu",
        ] {
            assert_eq!(in_words(text), None, "{text}");
        }
        assert_eq!(in_words("mau langganan lagi"), Some(Command::Subscribe));
        assert_eq!(
            in_words("jangan kirim lagi produk saya"),
            None,
            "only the whole phrase"
        );
    }

    #[test]
    fn recognises_greetings() {
        for text in ["Halo", "hai!", "Selamat pagi", "mau cek SNI", "P"] {
            assert!(is_greeting(text), "{text}");
        }
        for text in ["gula aren", "150 juta"] {
            assert!(!is_greeting(text), "{text}");
        }
    }
}
