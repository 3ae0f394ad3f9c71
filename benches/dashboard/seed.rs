//! A million leads by set-based SQL: one INSERT … SELECT over a counter (SQLite's
//! WITH RECURSIVE, PostgreSQL's generate_series) for conversations, one for their leads.
//! Spread: every kab/kota (Java's denser), weighted outcomes and statuses, 24 months.

use pandu::store::{Backend, Store};

const PREFIXES: &[&str] = &[
    "UD", "CV", "Toko", "Rumah", "Dapur", "Kedai", "Warung", "Griya", "Sentra", "Pabrik",
];
const PRODUCTS: &[&str] = &[
    "Keripik",
    "Kopi",
    "Sambal",
    "Batik",
    "Madu",
    "Tempe",
    "Dodol",
    "Rendang",
    "Kerupuk",
    "Abon",
    "Teh",
    "Gula Aren",
    "Tenun",
    "Anyaman",
    "Sabun",
    "Emping",
    "Bakpia",
    "Jamu",
    "Rengginang",
    "Kue",
];
const NAMES: &[&str] = &[
    "Siti",
    "Budi",
    "Sari",
    "Wati",
    "Joko",
    "Ayu",
    "Rahmat",
    "Dewi",
    "Agus",
    "Lestari",
    "Makmur",
    "Jaya",
    "Barokah",
    "Sejahtera",
    "Mandiri",
    "Sentosa",
    "Abadi",
    "Berkah",
    "Maju",
    "Indah",
    "Nusantara",
    "Melati",
    "Mawar",
    "Cahaya",
    "Bintang",
    "Rizki",
    "Amanah",
    "Putri",
    "Bunda",
    "Pak Haji",
];
const SURNAMES: &[&str] = &[
    "Aminah",
    "Santoso",
    "Wijaya",
    "Lubis",
    "Siregar",
    "Nasution",
    "Hidayat",
    "Kusuma",
    "Saputra",
    "Rahayu",
    "Pratama",
    "Hasibuan",
    "Harahap",
    "Setiawan",
    "Gunawan",
    "Suryani",
    "Handayani",
    "Purnomo",
    "Utami",
    "Wibowo",
];
/// Repeated entries weigh the spread.
const OUTCOMES: &[&str] = &[
    "siap_bina_umk",
    "siap_bina_umk",
    "siap_bina_umk",
    "siap_bina_umk",
    "perlu_nib",
    "perlu_nib",
    "perlu_nib",
    "bukan_umk_sppt",
    "wajib_sni_lspro",
    "belum_ada_sni",
    "perlu_cek_petugas",
    "risiko_bukan_rendah",
    "siapkan_label",
    "siapkan_label",
];
const STATUSES: &[&str] = &[
    "baru",
    "baru",
    "baru",
    "baru",
    "baru",
    "baru",
    "diverifikasi",
    "diverifikasi",
    "dirujuk",
    "diterima_konsultan",
    "pendampingan",
    "diajukan",
    "bersertifikat",
    "tidak_dilanjutkan",
];
const CATEGORIES: &[&str] = &["makanan", "minuman", "kosmetik", "tekstil", "kerajinan"];
const CHANNELS: &[&str] = &["whatsapp", "whatsapp", "whatsapp", "telegram", "console"];

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

pub async fn leads(store: &Store, leads: i64) {
    let pool = store.pool();
    let regions = regions(store).await;
    let counter = |select: &str| match store.backend() {
        Backend::Sqlite => format!(
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < {leads}) {select} FROM c"
        ),
        Backend::Postgres => {
            format!("{select} FROM generate_series(CAST(1 AS BIGINT), {leads}) AS c(n)")
        }
    };
    let start = pandu::store::millis_for_tests(time::OffsetDateTime::now_utc()) - 730 * DAY_MS;
    let span = 730 * DAY_MS / leads;
    let conversations = counter(&format!(
        "INSERT INTO conversations (channel, user_key, state, step, created_at, updated_at) \
         SELECT {}, 'bench-' || n, '{{}}', 'selesai', {start} + n * {span}, {start} + n * {span}",
        pick(CHANNELS, "n", 1)
    ));
    sqlx::query(&conversations).execute(pool).await.unwrap();
    let leads_sql = format!(
        "INSERT INTO leads (conversation_id, channel, region_code, region_name, business_name, owner_name, \
           phone, category, product_name, sni_mandatory, scale, outcome, reasons, notes, answers, checklist, \
           documents_received, documents_total, rules_version, catalogue_version, consent_version, \
           consented_at, status, source, created_at, updated_at) \
         SELECT s.n, s.channel, r.code, r.name, \
           {} || ' ' || {} || ' ' || {}, {} || ' ' || {}, '+62812' || (10000000 + s.h % 90000000), {}, \
           {} || ' khas ' || r.name, (s.h / 7) % 2, CASE WHEN s.h % 5 = 0 THEN 'kecil' ELSE 'mikro' END, \
           {}, '[]', '[]', '{{}}', '{{}}', (s.h / 11) % 4, 3, 'bench', 'bench', 'bench', s.t, {}, \
           CASE WHEN s.h % 10 = 0 THEN 'poster-' || (s.h % 7) END, s.t, s.t \
         FROM (SELECT id AS n, channel, created_at + (id * 7919) % 3600000 AS t, \
               (id * 2654435761) % 4294967291 AS h FROM conversations) s \
         JOIN bench_regions r ON r.i = CASE WHEN s.h % 2 = 0 THEN (s.h / 2) % 120 ELSE (s.h / 2) % {regions} END",
        pick(PREFIXES, "s.h", 3),
        pick(PRODUCTS, "s.h", 31),
        pick(NAMES, "s.h", 1009),
        pick(NAMES, "s.h", 7001),
        pick(SURNAMES, "s.h", 50021),
        pick(CATEGORIES, "s.h", 13),
        pick(PRODUCTS, "s.h", 31),
        pick(OUTCOMES, "s.h", 17),
        pick(STATUSES, "s.h", 101),
    );
    sqlx::query(&leads_sql).execute(pool).await.unwrap();
    sqlx::query("DROP TABLE bench_regions")
        .execute(pool)
        .await
        .unwrap();
    // PostgreSQL's autovacuum would clean up and analyse after such a load (a million counter
    // updates leave dead rows in lead_counts); SQLite is left as the app leaves it (no
    // statistics).
    if store.backend() == Backend::Postgres {
        sqlx::query("VACUUM ANALYZE").execute(pool).await.unwrap();
    }
}

/// `CASE (expr / div) % len WHEN 0 THEN 'a' … END`: a word from the list, per row.
fn pick(words: &[&str], expr: &str, div: i64) -> String {
    let mut sql = format!("(CASE ({expr} / {div}) % {}", words.len());
    for (i, w) in words.iter().enumerate() {
        sql.push_str(&format!(" WHEN {i} THEN '{w}'"));
    }
    sql.push_str(" END)");
    sql
}

/// Every kab/kota as a numbered table, Java first (the seed gives the first 120 more leads).
async fn regions(store: &Store) -> usize {
    let reference = pandu::reference::Reference::embedded();
    let mut regencies: Vec<_> = reference.regions.regencies().iter().collect();
    let java = |code: &str| ("31".."37").contains(&&code[..2]);
    regencies.sort_by_key(|r| !java(r.code.as_str()));
    sqlx::query(
        "CREATE TABLE bench_regions (i BIGINT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL)",
    )
    .execute(store.pool())
    .await
    .unwrap();
    let values: Vec<String> = regencies
        .iter()
        .enumerate()
        .map(|(i, r)| format!("({i}, '{}', '{}')", r.code, r.name.replace('\'', "''")))
        .collect();
    let insert = format!("INSERT INTO bench_regions VALUES {}", values.join(", "));
    sqlx::query(&insert).execute(store.pool()).await.unwrap();
    regencies.len()
}
