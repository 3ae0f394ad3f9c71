//! The phrase corpus (`tests/phrases.tsv`): what owners really type at each question, and
//! what the bot must record. Every row is played through `flow::step` at its question.

use pandu::domain::Locale;
use pandu::flow::answers::{
    Answers, IzinEdar, LabelState, PhoneAnswer, ProductAnswer, Progress, Risk, ScaleAnswer, Site,
};
use pandu::flow::questions::Q;
use pandu::flow::state::ConsentRecord;
use pandu::flow::{self, Conversation, Ctx, Event, Input, Next, Step};
use pandu::i18n::Texts;
use pandu::parse::{PhoneNumber, Rupiah, YesNo};
use pandu::reference::{Category, ProductId, Reference, RegionCode};
use std::collections::BTreeSet;
use std::sync::LazyLock;
use time::macros::datetime;

static REFERENCE: LazyLock<Reference> = LazyLock::new(Reference::embedded);
static TEXTS: LazyLock<Texts> = LazyLock::new(|| Texts::embedded(None));
const CORPUS: &str = include_str!("phrases.tsv");

struct Row<'a> {
    line: usize,
    question: &'a str,
    context: &'a str,
    typed: &'a str,
    expected: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    CORPUS
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "line {}: {l:?}", i + 1);
            Row {
                line: i + 1,
                question: cols[0],
                context: cols[1],
                typed: cols[2],
                expected: cols[3],
            }
        })
        .collect()
}

/// A home-made palm sugar business in Lombok Tengah: every answer before the question the
/// row is about is given, none after it, so answers typed ahead have somewhere to go.
fn conversation_at(q: Q, context: &str) -> Conversation {
    let mut conv = Conversation::new(Locale::Id);
    conv.consent = Some(ConsentRecord {
        notice_version: "test".into(),
        at: datetime!(2026-06-01 09:00 +07:00),
    });
    let full = Answers {
        province: Some(code("52")),
        regency: Some(code("52.02")),
        business_name: Some("Gula Aren Bu Siti".into()),
        owner_name: Some("Siti Aminah".into()),
        phone: Some(PhoneAnswer::Given(
            PhoneNumber::parse("081234567890").unwrap(),
        )),
        category: Some(Category::Makanan),
        product: Some(ProductAnswer::Listed(
            ProductId::parse("gula-aren").unwrap(),
        )),
        omzet: Some(ScaleAnswer::Amount(Rupiah(150_000_000))),
        modal: None,
        nib: Some(YesNo::Yes),
        risk: Some(Risk::Rendah),
        site: Some(Site::RumahManual),
        izin_edar: Some(IzinEdar::Pirt),
        halal: Some(Progress::Sudah),
        merek: Some(Progress::Sudah),
        label: Some(LabelState::Lengkap),
        willing: Some(YesNo::Yes),
        goal: None,
        goal_text: None,
        site_text: None,
    };
    let order = pandu::flow::questions::ORDER;
    let at = order.iter().position(|&o| o == q).unwrap();
    let mut answers = Answers::default();
    for earlier in &order[..at] {
        copy(*earlier, &full, &mut answers);
    }
    match q {
        Q::Regency => {
            answers.province = Some(code(context));
        }
        Q::Product => {
            answers.product = None;
            answers.category = Category::all()
                .iter()
                .copied()
                .find(|c| c.as_str() == context);
        }
        Q::Modal => answers.omzet = Some(ScaleAnswer::Unknown),
        _ => {}
    }
    conv.answers = answers;
    conv.step = q.step();
    conv
}

fn copy(q: Q, from: &Answers, to: &mut Answers) {
    match q {
        Q::Province => to.province = from.province.clone(),
        Q::Regency => to.regency = from.regency.clone(),
        Q::BusinessName => to.business_name = from.business_name.clone(),
        Q::OwnerName => to.owner_name = from.owner_name.clone(),
        Q::Phone => to.phone = from.phone.clone(),
        Q::Category => to.category = from.category,
        Q::Product => to.product = from.product.clone(),
        Q::Omzet => to.omzet = from.omzet,
        Q::Modal => to.modal = from.modal,
        Q::Nib => to.nib = from.nib,
        Q::Risk => to.risk = from.risk,
        Q::Site => to.site = from.site,
        Q::IzinEdar => to.izin_edar = from.izin_edar,
        Q::Halal => to.halal = from.halal,
        Q::Merek => to.merek = from.merek,
        Q::Label => to.label = from.label,
        Q::Willing => to.willing = from.willing,
        Q::Goal => to.goal = from.goal,
    }
}

fn code(text: &str) -> RegionCode {
    RegionCode::parse(text).unwrap_or_else(|_| panic!("{text} is a region code"))
}

fn ctx() -> Ctx<'static> {
    Ctx {
        reference: &REFERENCE,
        sender_phone: None,
        default_locale: Locale::Id,
        retention_months: 24,
        texts: &TEXTS,
        referral: None,
    }
}

/// What the bot did with the row's message, in the corpus's own words.
fn outcome(row: &Row) -> Result<(), String> {
    let ctx = ctx();
    let event = Event {
        input: Input::Text(row.typed.to_owned()),
        at: datetime!(2026-06-01 09:05 +07:00),
    };
    if row.question == "consent" {
        let mut conv = Conversation::new(Locale::Id);
        conv.last_seen = Some(event.at);
        let t = flow::step(Some(conv), &event, &ctx);
        let (got, answers) = match &t.next {
            Next::Forget => ("no", None),
            Next::Keep(c) if c.consent.is_some() => ("yes", Some(&c.answers)),
            Next::Keep(_) => ("-", None),
        };
        let mut parts = row.expected.split(';');
        if parts.next() != Some(got) {
            return Err(got.to_owned());
        }
        // "setuju, sy di jawa tengah": the rest answers the first question.
        for extra in parts {
            let (code, value) = extra.split_once('=').ok_or("bad extra")?;
            let later = Q::from_code(code).ok_or("bad extra question")?;
            let have = answers
                .and_then(|a| later.recorded(a))
                .unwrap_or_else(|| "-".into());
            if have != value {
                return Err(format!("{code}: got {have}"));
            }
        }
        return Ok(());
    }
    let q = Q::from_code(row.question).ok_or_else(|| format!("no question {}", row.question))?;
    let mut conv = conversation_at(q, row.context);
    conv.last_seen = Some(event.at);
    let t = flow::step(Some(conv), &event, &ctx);
    let Next::Keep(after) = t.next else {
        return Err("conversation forgotten".into());
    };
    let mut parts = row.expected.split(';');
    let main = parts.next().unwrap_or_default();
    let got = recorded(q, &after);
    let mut problems = Vec::new();
    if !matches_expected(main, &got) {
        problems.push(format!("{q:?}: got {got}"));
    }
    for extra in parts {
        // A product proposed at the category question is part of what was recorded there.
        if got.split(';').skip(1).any(|part| part == extra) {
            continue;
        }
        let (code, value) = extra.split_once('=').ok_or("bad extra")?;
        let later = Q::from_code(code).ok_or("bad extra question")?;
        let got = later.recorded(&after.answers).unwrap_or_else(|| "-".into());
        if got != value {
            problems.push(format!("{code}: got {got}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join(", "))
    }
}

/// The answer recorded, or what the bot proposes to record (a pick list, a guess, a product
/// to confirm), in the corpus's notation.
fn recorded(q: Q, conv: &Conversation) -> String {
    let set = |codes: Vec<String>| format!("pick:{}", codes.join("|"));
    match &conv.step {
        Step::RegionPick { options } => {
            return set(options.iter().map(|c| c.to_string()).collect());
        }
        Step::RegionConfirm { code } => return format!("guess:{code}"),
        Step::ProductPick { options, .. } => {
            return set(options.iter().map(|p| p.to_string()).collect());
        }
        Step::ProductConfirm { product } if q == Q::Product || q == Q::Category => {
            let proposal = product.to_string();
            return match (q, conv.answers.category) {
                (Q::Category, Some(c)) => format!("{};product={proposal}", c.as_str()),
                _ => proposal,
            };
        }
        Step::ProductUnlisted { .. } => return "unlisted".into(),
        _ => {}
    }
    let value = q.recorded(&conv.answers).unwrap_or_else(|| "-".into());
    // A question the owner is still on has recorded nothing new.
    if Q::of(&conv.step) == Some(q) && q != Q::Product {
        return "-".into();
    }
    value
}

fn matches_expected(expected: &str, got: &str) -> bool {
    let as_set = |s: &str| -> Option<BTreeSet<String>> {
        s.strip_prefix("pick:")
            .map(|rest| rest.split('|').map(str::to_owned).collect())
    };
    match (as_set(expected), as_set(got)) {
        (Some(want), Some(have)) => want == have,
        _ => expected == got || got.split(';').next() == Some(expected),
    }
}

#[test]
fn the_corpus_is_large_and_covers_every_question() {
    let rows = rows();
    assert!(rows.len() >= 400, "{} rows", rows.len());
    let asked: BTreeSet<&str> = rows.iter().map(|r| r.question).collect();
    for q in pandu::flow::questions::ORDER {
        assert!(asked.contains(q.code()), "no rows for {}", q.code());
    }
}

#[test]
fn every_phrase_is_understood_as_the_corpus_says() {
    let rows = rows();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            outcome(row).err().map(|got| {
                format!(
                    "line {}: {} {:?} (context {}) → want {}, {}",
                    row.line, row.question, row.typed, row.context, row.expected, got
                )
            })
        })
        .collect();
    let understood = rows.len() - failures.len();
    println!(
        "phrase corpus: {understood} of {} understood ({:.1}%)",
        rows.len(),
        100.0 * understood as f64 / rows.len() as f64
    );
    assert!(
        failures.is_empty(),
        "{} rows:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
