//! Staff read words, not the database: every dashboard page, rendered for every role over leads
//! that carry every outcome, reason, status, answer kind and document state, in both
//! languages, shows no stored code (`snake_case`, or an answer's `kind: value`) in its text.

mod common;

use common::TestApp;
use common::dash::{Client, Dash, start};
use pandu::access::LeadStatus;
use pandu::flow::OutcomeCode;
use pandu::flow::answers::{
    Answers, Goal, IzinEdar, LabelState, PhoneAnswer, ProductAnswer, Progress, Risk, ScaleAnswer,
    Site,
};
use pandu::flow::checklist::{Checklist, DocItem, DocState, Entry};
use pandu::parse::{PhoneNumber, Rupiah, YesNo};
use pandu::reference::{ProductId, Scale};

/// The text a person sees: tags, scripts and styles removed, entities decoded.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let tail = &rest[start..];
        let skip_to = ["<style", "<script"]
            .iter()
            .find(|t| tail.starts_with(**t))
            .map(|t| format!("</{}>", &t[1..]));
        rest = match skip_to {
            Some(close) => tail.find(&close).map_or("", |i| &tail[i + close.len()..]),
            None => tail.find('>').map_or("", |i| &tail[i + 1..]),
        };
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Stored codes in visible text: `siap_bina_umk`, `amount: 150000000`.
fn codes_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| {
            w.contains('_')
                && w.split('_').all(|p| !p.is_empty())
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .map(str::to_owned)
        .collect();
    for kind in ["amount", "band", "given", "listed", "unlisted", "skipped"] {
        let tagged = format!("{kind}: ");
        if text
            .match_indices(&tagged)
            .any(|(i, _)| i == 0 || !text[..i].ends_with(|c: char| c.is_alphanumeric()))
        {
            found.push(tagged);
        }
    }
    found
}

#[test]
fn the_checker_finds_codes_and_passes_words() {
    assert_eq!(codes_in("Hasil: siap_bina_umk"), ["siap_bina_umk"]);
    assert_eq!(codes_in("omzet amount: 150000000"), ["amount: "]);
    assert!(codes_in("Siap mengajukan SNI Bina UMK: produk punya SNI sukarela").is_empty());
    assert!(codes_in("Tidak dilanjutkan: usaha tutup · konsultan-a@pandu.test").is_empty());
    assert_eq!(
        visible("<p>a<style>x_y{}</style>b &amp; c</p>")
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["a", "b", "&", "c"]
    );
}

/// One answer set per lead, so that together they hold every kind of every answer.
fn answers(i: usize, base: &Answers) -> Answers {
    let pick = |n: usize| i % n;
    let scale = [
        ScaleAnswer::Amount(Rupiah(150_000_000)),
        ScaleAnswer::Band(Scale::Kecil),
        ScaleAnswer::Unknown,
    ];
    let yes_no = [YesNo::Yes, YesNo::No, YesNo::Unknown];
    let progress = [Progress::Sudah, Progress::Proses, Progress::Belum];
    Answers {
        phone: Some(if i.is_multiple_of(2) {
            PhoneAnswer::Given(PhoneNumber::parse("0812 3456 7890").unwrap())
        } else {
            PhoneAnswer::Skipped
        }),
        product: Some(if i % 3 == 2 {
            ProductAnswer::Unlisted("dodol rumput laut".into())
        } else {
            ProductAnswer::Listed(ProductId::parse("keripik-singkong").unwrap())
        }),
        omzet: Some(scale[pick(3)]),
        modal: Some(scale[(i + 1) % 3]),
        nib: Some(yes_no[pick(3)]),
        risk: Some(
            [
                Risk::Rendah,
                Risk::MenengahRendah,
                Risk::MenengahTinggi,
                Risk::Tinggi,
                Risk::TidakTahu,
            ][pick(5)],
        ),
        site: Some([Site::RumahManual, Site::TerpisahOtomatis][pick(2)]),
        izin_edar: Some(
            [
                IzinEdar::Belum,
                IzinEdar::Pirt,
                IzinEdar::BpomMd,
                IzinEdar::Kedaluwarsa,
            ][pick(4)],
        ),
        halal: Some(progress[pick(3)]),
        merek: Some(progress[(i + 1) % 3]),
        label: Some([LabelState::Lengkap, LabelState::Sebagian, LabelState::Belum][pick(3)]),
        willing: Some(yes_no[(i + 2) % 3]),
        goal: Some(
            [
                Goal::PasarLokal,
                Goal::RitelModern,
                Goal::Ekspor,
                Goal::DimintaPembeli,
            ][pick(4)],
        ),
        goal_text: (i == 5).then(|| "jualan di toko online".into()),
        site_text: (i == 6).then(|| "dapur bersama desa".into()),
        ..base.clone()
    }
}

fn checklist(i: usize) -> Checklist {
    let states = [
        DocState::Pending,
        DocState::Received {
            sha256: "ab".repeat(32),
        },
        DocState::Skipped,
        DocState::Later,
    ];
    Checklist(
        DocItem::ALL
            .iter()
            .enumerate()
            .map(|(n, item)| Entry {
                item: *item,
                state: states[(n + i) % 4].clone(),
            })
            .collect(),
    )
}

const REASONS: [&str; 11] = pandu::labels::REASONS;

/// Eight leads in Lombok Tengah, one per outcome, each with its own status, reasons, answers
/// and documents' states; plus the actions staff take, so the timeline and audit hold them.
async fn leads_of_every_kind(dash: &Dash) -> Vec<i64> {
    let db = &dash.db;
    let store = &db.service.store;
    let base: Answers = {
        let json: String = sqlx::query_scalar("SELECT answers FROM leads WHERE id = $1")
            .bind(dash.seeded.loteng)
            .fetch_one(store.pool())
            .await
            .unwrap();
        serde_json::from_str(&json).unwrap()
    };
    let mut ids = Vec::new();
    for (i, outcome) in OutcomeCode::ALL.iter().enumerate() {
        let id = if i == 0 {
            // The owner wrote after the result: the thread shows a message from the owner.
            let conversation: i64 =
                sqlx::query_scalar("SELECT conversation_id FROM leads WHERE id = $1")
                    .bind(dash.seeded.loteng)
                    .fetch_one(store.pool())
                    .await
                    .unwrap();
            let mut tx = store.begin().await.unwrap();
            let conversation = pandu::domain::ConversationId(conversation);
            let at = time::OffsetDateTime::now_utc();
            pandu::store::thread::add_from_owner(
                &mut tx,
                conversation,
                "NIB saya sudah jadi kemarin",
                at,
            )
            .await
            .unwrap();
            tx.commit().await.unwrap();
            dash.seeded.loteng
        } else {
            let mut owner = db.user(&format!("u-kind-{i}"));
            for line in common::HAPPY_PATH {
                owner.say(line).await;
            }
            db.scalar("SELECT MAX(id) FROM leads").await
        };
        let reasons: Vec<&str> = REASONS.iter().copied().skip(i).step_by(4).collect();
        let status = LeadStatus::ALL[i % LeadStatus::ALL.len()];
        sqlx::query(
            "UPDATE leads SET outcome = $1, reasons = $2, status = $3, status_reason = $4, answers = $5, \
             checklist = $6, scale = $7, owner_questions = $8 WHERE id = $9",
        )
        .bind(outcome.as_str())
        .bind(serde_json::to_string(&reasons).unwrap())
        .bind(status.as_str())
        .bind("dicek di lapangan")
        .bind(serde_json::to_string(&answers(i, &base)).unwrap())
        .bind(serde_json::to_string(&checklist(i)).unwrap())
        .bind(["mikro", "kecil", "menengah", "besar"][i % 4])
        .bind(r#"[{"text":"harus bayar gk?","at":"2026-12-01T03:00:00Z"}]"#)
        .bind(id)
        .execute(store.pool())
        .await
        .unwrap();
        ids.push(id);
    }
    ids
}

/// Staff act on the first lead, so its timeline and the audit log hold every kind of entry.
async fn act_on(client: &mut Client, lead: i64, document: i64, consultant: i64) {
    let csrf = client.csrf().await;
    for status in ["diverifikasi", "tidak_dilanjutkan"] {
        let form = [
            ("csrf", csrf.as_str()),
            ("status", status),
            ("reason", "usaha tutup"),
        ];
        assert_eq!(
            client.post(&format!("/leads/{lead}/status"), &form).await.0,
            303
        );
    }
    let reply = [("csrf", csrf.as_str()), ("body", "Tidak perlu bayar, Bu.")];
    assert_eq!(
        client.post(&format!("/leads/{lead}/reply"), &reply).await.0,
        303
    );
    let note = [("csrf", csrf.as_str()), ("body", "sudah ditelepon")];
    assert_eq!(
        client.post(&format!("/leads/{lead}/notes"), &note).await.0,
        303
    );
    let consultant = consultant.to_string();
    let assign = [("csrf", csrf.as_str()), ("consultant", consultant.as_str())];
    client.post(&format!("/leads/{lead}/assign"), &assign).await;
    for path in [
        format!("/leads/{lead}/documents/{document}"),
        format!("/leads/{lead}/documents/{document}?download=1"),
        "/leads/export.csv".into(),
        "/leads/export.xlsx".into(),
    ] {
        assert_eq!(client.get_bytes(&path).await.0, 200, "{path}");
    }
}

async fn no_codes_on(client: &Client, paths: &[String], who: &str, failures: &mut Vec<String>) {
    for path in paths {
        let (status, page) = client.get(path).await;
        assert_eq!(status, 200, "{who} {path}");
        let codes = codes_in(&visible(&page));
        if !codes.is_empty() {
            failures.push(format!("{who} {path}: {codes:?}"));
        }
    }
}

#[tokio::test]
async fn no_page_shows_a_stored_code() {
    let dash = start(TestApp::sqlite().await).await;
    let leads = leads_of_every_kind(&dash).await;
    let mut admin = dash.client();
    admin.login("admin@pandu.test").await;
    let consultant = dash.seeded.konsultan_a.0;
    // Konsultan A covers NTB: the first lead (Lombok Tengah) may be assigned to them.
    act_on(&mut admin, leads[0], dash.seeded.document, consultant).await;
    let mut dinas = dash.client();
    dinas.login("loteng@pandu.test").await;
    let mut konsultan = dash.client();
    konsultan.login("konsultan-a@pandu.test").await;

    let lead_pages: Vec<String> = leads.iter().map(|id| format!("/leads/{id}")).collect();
    let (_, first) = admin.get(&lead_pages[0]).await;
    assert!(
        first.contains("NIB saya sudah jadi kemarin") && first.contains("Tidak perlu bayar, Bu."),
        "the thread holds both sides"
    );
    let lists: Vec<String> = [
        "/",
        "/leads",
        "/leads?waiting=referral",
        "/leads?waiting=question",
        "/leads?outcome=perlu_nib",
        "/funnel",
        "/rujukan",
    ]
    .map(String::from)
    .to_vec();
    let admin_only: Vec<String> = ["/audit", "/staff", "/kampanye", "/kampanye/baru"]
        .map(String::from)
        .to_vec();
    let mut failures = Vec::new();
    for lang in ["id", "en"] {
        for client in [&mut admin, &mut dinas, &mut konsultan] {
            client.switch_language(lang).await;
        }
        let every = [lists.clone(), lead_pages.clone(), admin_only.clone()].concat();
        no_codes_on(&admin, &every, &format!("admin/{lang}"), &mut failures).await;
        let dinas_pages = [lists.clone(), lead_pages.clone()].concat();
        no_codes_on(
            &dinas,
            &dinas_pages,
            &format!("dinas/{lang}"),
            &mut failures,
        )
        .await;
        let konsultan_pages = ["/".to_owned(), "/rujukan".to_owned(), lead_pages[0].clone()];
        no_codes_on(
            &konsultan,
            &konsultan_pages,
            &format!("konsultan/{lang}"),
            &mut failures,
        )
        .await;
    }
    // Exports keep the codes for machines and add the words, in the staff member's language.
    let (_, csv, _) = admin.get_bytes("/leads/export.csv").await;
    let csv = String::from_utf8(csv).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.contains("\"outcome_code\"")
            && header.ends_with("\"outcome_label\",\"status_label\""),
        "{header}"
    );
    assert!(
        csv.contains("\"perlu_nib\"") && csv.contains("\"Needs an NIB first\""),
        "{csv}"
    );
    // The English pages are English: the switch reached every page.
    let (_, home) = admin.get("/").await;
    assert!(home.contains("Ready to apply for SNI Bina UMK"), "{home}");
    assert!(
        failures.is_empty(),
        "codes on pages:\n{}",
        failures.join("\n")
    );
    dash.finish().await;
}
