//! Every user-facing sentence is in the Fluent files, in both languages.

use pandu::domain::Locale;
use pandu::i18n::{message_ids, source};
use std::collections::BTreeSet;

fn ids(locale: Locale) -> BTreeSet<String> {
    message_ids(&source(locale)).into_iter().collect()
}

#[test]
fn both_locales_define_the_same_messages() {
    let id = ids(Locale::Id);
    let en = ids(Locale::En);
    assert!(
        id.len() > 100,
        "the Indonesian file parsed ({} ids)",
        id.len()
    );
    assert_eq!(
        id.difference(&en).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "missing in en"
    );
    assert_eq!(
        en.difference(&id).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "missing in id"
    );
}

#[test]
fn both_locales_parse_without_errors() {
    for locale in Locale::ALL {
        let parsed = fluent_bundle::FluentResource::try_new(source(locale));
        assert!(
            parsed.is_ok(),
            "{locale:?}: {:?}",
            parsed.err().map(|(_, e)| e)
        );
    }
}

/// Message ids are kebab-case string literals in the flow; each must exist.
#[test]
fn every_message_the_flow_names_exists() {
    let defined = ids(Locale::Id);
    let mut used = BTreeSet::new();
    let dirs = ["/src/flow", "/src/referrals", "/src/service"];
    let files = dirs
        .iter()
        .flat_map(|d| rust_files(format!("{}{d}", env!("CARGO_MANIFEST_DIR")).as_ref()));
    for path in files {
        let code = std::fs::read_to_string(path).unwrap();
        for literal in code.split('"').skip(1).step_by(2) {
            let kebab = literal.contains('-')
                && literal.starts_with(|c: char| c.is_ascii_lowercase())
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if kebab {
                used.insert(literal.to_owned());
            }
        }
    }
    assert!(used.len() > 80, "found the ids ({})", used.len());
    let missing: Vec<_> = used.difference(&defined).collect();
    assert!(
        missing.is_empty(),
        "used in src but not in locales: {missing:?}"
    );
}

#[test]
fn rendering_fills_arguments_and_adds_no_isolation_marks() {
    let texts = pandu::i18n::Texts::embedded(None);
    let msg = pandu::flow::Msg::new("ask-regency").text("province", "Jawa Timur");
    let text = texts.render(Locale::Id, &msg);
    assert!(
        text.starts_with("Di kabupaten/kota mana di Jawa Timur?"),
        "{text}"
    );
    assert!(!text.contains('\u{2068}'));
    let help = texts.render(Locale::Id, &pandu::flow::Msg::new("miss-third"));
    assert!(
        help.contains("Dinas Koperasi dan UMKM di daerah Anda"),
        "{help}"
    );
    let texts = pandu::i18n::Texts::embedded(Some("PLUT Lombok Tengah, WA 0812-0000-0000".into()));
    let help = texts.render(Locale::Id, &pandu::flow::Msg::new("miss-third"));
    assert!(
        help.contains("PLUT Lombok Tengah, WA 0812-0000-0000"),
        "{help}"
    );
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}
