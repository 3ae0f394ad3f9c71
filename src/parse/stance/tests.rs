use super::*;
use Stance::*;
use std::collections::HashMap;

#[test]
fn every_listed_phrase_reads_as_its_stance() {
    let all = phrases();
    assert!(all.len() > 200, "{}", all.len());
    for (phrase, want) in all {
        assert_eq!(parse_stance(&phrase), Some(want), "phrase {phrase:?}");
    }
}

#[test]
fn no_phrase_means_two_things() {
    let mut seen: HashMap<String, (String, Stance)> = HashMap::new();
    for (phrase, stance) in phrases() {
        let key = canonical(&phrase);
        if let Some((other, was)) = seen.insert(key.clone(), (phrase.clone(), stance)) {
            assert_eq!(was, stance, "{phrase:?} and {other:?} both read as {key:?}");
        }
    }
}

#[test]
fn informal_answers() {
    let cases = [
        ("iya kak", Some(Yes)),
        ("iyaaa kak", Some(Yes)),
        ("nggih", Some(Yes)),
        ("muhun", Some(Yes)),
        ("iye", Some(Yes)),
        ("👍", Some(Yes)),
        ("👍🏽👍🏽", Some(Yes)),
        ("✅ sudah", Some(Yes)),
        ("udh kak", Some(Yes)),
        ("sampun bu", Some(Yes)),
        ("su ada", Some(Yes)),
        ("udah punya dong", Some(Yes)),
        ("Sudah, kemarin diurus", Some(Yes)),
        ("okee min", Some(Yes)),
        ("siapp", Some(Yes)),
        ("boleh kak", Some(Yes)),
        ("Yes, I have", Some(Yes)),
        ("blm", Some(No)),
        ("belom kak", Some(No)),
        ("gk", Some(No)),
        ("ga ada kak", Some(No)),
        ("gada", Some(No)),
        ("tra ada", Some(No)),
        ("trada", Some(No)),
        ("kada", Some(No)),
        ("teu acan", Some(No)),
        ("dereng", Some(No)),
        ("❌", Some(No)),
        ("👎🏻", Some(No)),
        ("tidak, belum", Some(No)),
        ("no", Some(No)),
        ("Not yet", Some(No)),
        ("gatau", Some(Unknown)),
        ("gk tau", Some(Unknown)),
        ("ndak tau mas", Some(Unknown)),
        ("tra tau", Some(Unknown)),
        ("blm tau bu", Some(Unknown)),
        ("kurang tau sih", Some(Unknown)),
        ("embuh", Some(Unknown)),
        ("lupa kak hehe", Some(Unknown)),
        ("ga ngerti", Some(Unknown)),
        ("Don't know", Some(Unknown)),
        ("no idea", Some(Unknown)),
        ("not sure", Some(Unknown)),
        ("lagi proses", Some(InProgress)),
        ("lg proses kak", Some(InProgress)),
        ("masih diurus", Some(InProgress)),
        ("sedang diajukan", Some(InProgress)),
        ("lagi ngurus", Some(InProgress)),
        ("nunggu", Some(InProgress)),
        ("udh daftar tp blm keluar", Some(InProgress)),
        ("sudah daftar tapi belum terbit", Some(InProgress)),
        ("belum, masih proses", Some(InProgress)),
        ("In progress", Some(InProgress)),
        ("applied", Some(InProgress)),
        ("belum proses", Some(No)),
        ("sudah daftar", Some(Yes)),
        ("Alhamdulillah sudah", Some(Yes)),
        ("maaf kak, belum", Some(No)),
        ("baik bu", Some(Yes)),
        ("gpp kak", Some(Yes)),
        ("bisa jd", Some(Unknown)),
        ("belum, lagi diurus", Some(InProgress)),
        ("sdh diajukan kemarin", Some(InProgress)),
        ("mau tanya dulu kak", None),
        ("boleh tanya?", None),
        ("mungkin besok", None),
        ("", None),
        ("kak", None),
        ("yah", None),
        ("adalah", None),
        ("150 juta", None),
        ("😊", None),
    ];
    for (input, want) in cases {
        assert_eq!(parse_stance(input), want, "input {input:?}");
    }
}
