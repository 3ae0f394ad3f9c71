use super::*;
use crate::parse::lexicon::raw;

#[test]
fn normalizes() {
    let cases = [
        ("", ""),
        ("   ", ""),
        ("Jawa  Timur.", "jawa timur"),
        ("Kab. Serang", "kab serang"),
        ("  IYA, kak!! ", "iya kak"),
        ("don't know", "don t know"),
        ("500rb/bln", "500rb bln"),
        ("kota-adm_jakarta", "kota adm jakarta"),
        ("(021)\t555\n1234", "021 555 1234"),
        ("\"Gula\" aren; cetak: ok?", "gula aren cetak ok"),
        ("ÉCLAIR", "éclair"),
    ];
    for (input, want) in cases {
        assert_eq!(normalize(input), want, "input {input:?}");
    }
}

#[test]
fn every_lexicon_entry_reads_as_its_canonical_form() {
    let file = raw();
    let mut checked = 0;
    for (section, entries) in &file.words {
        for (canonical_form, variants) in entries {
            let want = normalize(canonical_form);
            assert_eq!(
                canonical(canonical_form),
                want,
                "[words.{section}] {want:?} itself"
            );
            for variant in variants {
                assert_eq!(canonical(variant), want, "[words.{section}] {variant:?}");
                // Capitals and a stretched last letter must not hide the word either.
                let shouted = format!("{}!!", variant.to_uppercase());
                assert_eq!(canonical(&shouted), want, "[words.{section}] {shouted:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "only {checked} entries");
}

#[test]
fn every_answer_emoji_reads_as_its_word() {
    let lexicon_emoji = crate::parse::lexicon::emoji_entries(&raw());
    assert!(lexicon_emoji.len() >= 10);
    for (emoji, word) in lexicon_emoji {
        assert_eq!(canonical(&emoji), word, "emoji {emoji:?}");
        assert_eq!(
            canonical(&format!("{emoji} kak")),
            word,
            "emoji {emoji:?} kak"
        );
    }
}

#[test]
fn emoji_with_skin_tones_and_around_words() {
    let cases = [
        ("👍🏽", "ya"),
        ("👍🏿👍🏿", "ya"),
        ("🙏🏻 sudah kak", "ya sudah"),
        ("ok👌", "oke"),
        ("✔", "ya"),
        ("✔️", "ya"),
        ("❌ belum", "tidak belum"),
        ("🙅‍♀️", "tidak"),
        ("🙅🏻‍♂️ gak", "tidak tidak"),
        ("sudah 😊😊", "sudah"),
        ("😊", ""),
    ];
    for (input, want) in cases {
        assert_eq!(canonical(input), want, "input {input:?}");
    }
}

#[test]
fn realistic_messages() {
    let cases = [
        ("udh kak", "sudah"),
        ("Udah dong kakk", "sudah"),
        ("blm", "belum"),
        ("blm ada kak", "belum ada"),
        ("nggih", "ya"),
        ("iyaaa kak", "ya"),
        ("Iya kak, sudah ya", "ya sudah"),
        ("sudah, ya", "sudah"),
        ("Rp 24,5 jt.", "rp 24 5 juta"),
        ("gk tau", "tidak tahu"),
        ("gatau kak hehe", "tidak tahu"),
        ("ndak tau mas", "tidak tahu"),
        ("tra tau", "tidak tahu"),
        ("sa tra tau", "saya tidak tahu"),
        ("su ada", "sudah ada"),
        ("teu acan", "belum"),
        ("teu aya", "tidak ada"),
        ("dereng pak", "belum"),
        ("sampun bu", "sudah"),
        ("ho oh", "ya"),
        ("kada punya", "tidak punya"),
        ("indak ado", "tidak ada"),
        ("gaaak", "tidak"),
        ("sudahhh", "sudah"),
        ("okeee min", "oke"),
        ("maaf kak", "maaf kak"),
        ("maaf kak, belum", "belum"),
        ("saat ini blm", "saat ini belum"),
        ("kira2 10jt", "kira kira 10jt"),
        ("rata2 7 juta sebulan", "rata rata 7 juta sebulan"),
        ("org2 sini", "orang orang sini"),
        ("5jt2", "5jt2"),
        ("2", "2"),
        ("omzet sebulan 5jtan lah kak", "omzet sebulan 5jtan"),
        ("yg jual sy sndiri", "yang jual saya sndiri"),
        ("klo skrg blm bs", "kalau sekarang belum bisa"),
        ("sdh punya pirt dr dinkes", "sudah punya pirt dari dinkes"),
        ("gmn caranya kak?", "bagaimana caranya"),
        ("knp ya", "kenapa"),
        ("lokal aja", "lokal saja"),
        ("ibu rumah tangga", "rumah tangga"),
        ("saya jual teh", "saya jual teh"),
        ("teh, sudah", "sudah"),
        ("kak", "kak"),
        ("ya", "ya"),
        ("ya kak", "ya"),
        ("hehe", "hehe"),
        ("wkwkwk iya", "ya"),
        ("hmmm blm tau", "belum tahu"),
        ("matur nuwun", "terima kasih"),
        ("", ""),
    ];
    for (input, want) in cases {
        assert_eq!(canonical(input), want, "input {input:?}");
    }
}

#[test]
fn canonical_is_idempotent() {
    let messages = [
        "iyaaa kak sudah ya",
        "blm tau bu",
        "gatau kak hehe",
        "kira2 5jtan sebulan",
        "👍🏽 udh",
        "teh, sudah",
        "omzet setaun 200an jt",
    ];
    for m in messages {
        let once = canonical(m);
        assert_eq!(canonical(&once), once, "message {m:?}");
    }
}

#[test]
fn controls_and_bidi_marks_are_dropped_and_real_letters_kept() {
    let cases = [
        ("Toko\u{202E}Maju", "TokoMaju"),
        ("\u{2066}Siti\u{2069} \u{200F}Aminah\u{200E}", "Siti Aminah"),
        ("Bu\u{061C} Rina\u{7}\u{1b}[31m", "Bu Rina[31m"),
        ("a\u{0}b\u{7F}c\u{85}d\u{9F}e", "abc de"),
        ("Toko\nMaju\r\n\tJaya", "Toko Maju Jaya"),
        (
            "Warung Kopi Pak Bambang ☕👨‍👩‍👧",
            "Warung Kopi Pak Bambang ☕👨‍👩‍👧",
        ),
        ("مطعم السلام", "مطعم السلام"),
        ("Kedai Ñoño — Café Über", "Kedai Ñoño — Café Über"),
        ("  banyak   spasi  ", "banyak spasi"),
    ];
    for (input, want) in cases {
        assert_eq!(one_line(input), want, "{input:?}");
        assert!(!one_line(input).chars().any(is_hidden_control));
    }
}

#[test]
fn every_listed_control_is_hidden_and_nothing_around_them() {
    let listed = (0x00..=0x1F)
        .chain(0x7F..=0x9F)
        .chain(0x202A..=0x202E)
        .chain(0x2066..=0x2069)
        .chain([0x200E, 0x200F, 0x061C]);
    for code in listed {
        let c = char::from_u32(code).unwrap();
        assert!(is_hidden_control(c), "U+{code:04X}");
    }
    for c in [
        ' ', 'a', '\u{A0}', '\u{200D}', '\u{2029}', '\u{2065}', '\u{206A}', '\u{0600}',
    ] {
        assert!(!is_hidden_control(c), "{c:?}");
    }
}

#[test]
fn messages_keep_their_lines_and_lose_controls_and_piled_up_blank_lines() {
    let typed = "  Selamat siang Bu,\r\n\r\n\r\n1. Bawa NIB\u{202E}\n2.\tFoto\u{1b}[2J label  \n\n";
    assert_eq!(
        message_text(typed),
        "Selamat siang Bu,\n\n1. Bawa NIB\n2. Foto[2J label"
    );
    assert_eq!(message_text(" \n \u{200F}\n"), "");
}
