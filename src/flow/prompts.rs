//! Each step's question as a message with buttons.

use super::Ctx;
use super::questions::paged;
use super::reply::{Button, Msg, Reply};
use super::state::{Conversation, Step};
use crate::reference::{Category, Product, Reference, Regency, RegencyKind, RegionCode};

pub fn for_step(conv: &Conversation, ctx: &Ctx) -> Reply {
    let r = ctx.reference;
    match &conv.step {
        Step::Consent => Reply::say(consent_msg(ctx)).buttons(vec![
            Button::msg("consent:yes", "btn-agree"),
            Button::msg("consent:no", "btn-decline"),
        ]),
        Step::Province { page } => {
            Reply::say(Msg::new("ask-province")).buttons(paged(province_buttons(r), *page))
        }
        Step::Regency { page } => regency_prompt(conv, r, *page),
        Step::RegionPick { options } => Reply::say(Msg::new("ask-region-pick"))
            .buttons(options.iter().map(|c| region_button(r, c)).collect()),
        Step::BusinessName => Reply::say(Msg::new("ask-business-name")),
        Step::OwnerName => Reply::say(Msg::new("ask-owner-name")),
        Step::Phone => {
            let mut reply = Reply::say(Msg::new("ask-phone"))
                .buttons(vec![Button::msg("skip", "btn-skip-phone")]);
            reply.ask_contact = true;
            reply
        }
        Step::Category => Reply::say(Msg::new("ask-category")).buttons(category_buttons()),
        Step::Product { page } => product_prompt(conv, r, *page),
        Step::ProductTyping => Reply::say(Msg::new("ask-product-type")),
        Step::ProductPick { options, .. } => {
            let mut buttons: Vec<Button> = options
                .iter()
                .filter_map(|id| r.catalogue.get(id))
                .map(product_button)
                .collect();
            buttons.push(Button::msg("product:none", "btn-not-listed"));
            Reply::say(Msg::new("ask-product-pick")).buttons(buttons)
        }
        Step::ProductConfirm { product } => match r.catalogue.get(product) {
            Some(p) => Reply::say(product_found(p))
                .with(Msg::new("ask-product-confirm"))
                .buttons(yes_no()),
            None => Reply::say(Msg::new("ask-product")),
        },
        Step::ProductUnlisted { text } => {
            Reply::say(Msg::new("product-not-found").text("product", text.clone()))
                .with(Msg::new("ask-product-unlisted"))
                .buttons(vec![
                    Button::msg("again", "btn-type-again"),
                    Button::msg("continue", "btn-continue"),
                ])
        }
        Step::Omzet => scale_prompt(
            "ask-omzet",
            "omzet",
            [r.rules.mikro_max_omzet.0, r.rules.kecil_max_omzet.0],
        ),
        Step::Modal => scale_prompt(
            "ask-modal",
            "modal",
            [r.rules.mikro_max_modal.0, r.rules.kecil_max_modal.0],
        ),
        Step::Nib => closed(
            "ask-nib",
            &[
                ("yes", "btn-nib-yes"),
                ("no", "btn-nib-no"),
                ("unknown", "btn-unknown"),
            ],
        ),
        Step::Risk => closed(
            "ask-risk",
            &[
                ("risk:rendah", "btn-risk-rendah"),
                ("risk:menengah_rendah", "btn-risk-menengah-rendah"),
                ("risk:menengah_tinggi", "btn-risk-menengah-tinggi"),
                ("risk:tinggi", "btn-risk-tinggi"),
                ("risk:tidak_tahu", "btn-unknown"),
            ],
        ),
        Step::Site => closed(
            "ask-site",
            &[
                ("site:rumah", "btn-site-rumah"),
                ("site:terpisah", "btn-site-terpisah"),
            ],
        ),
        Step::IzinEdar => closed(
            "ask-izin-edar",
            &[
                ("izin:belum", "btn-izin-belum"),
                ("izin:pirt", "btn-izin-pirt"),
                ("izin:md", "btn-izin-md"),
            ],
        ),
        Step::Halal => closed("ask-halal", &progress_buttons()),
        Step::Merek => closed("ask-merek", &progress_buttons()),
        Step::Label => closed(
            "ask-label",
            &[
                ("label:lengkap", "btn-label-lengkap"),
                ("label:sebagian", "btn-label-sebagian"),
                ("label:belum", "btn-label-belum"),
            ],
        ),
        Step::Willing => closed(
            "ask-willing",
            &[("yes", "btn-willing-yes"), ("no", "btn-willing-no")],
        ),
        Step::Goal => closed(
            "ask-goal",
            &[
                ("goal:lokal", "btn-goal-lokal"),
                ("goal:ritel", "btn-goal-ritel"),
                ("goal:ekspor", "btn-goal-ekspor"),
                ("goal:pembeli", "btn-goal-pembeli"),
            ],
        ),
        Step::Document { index } => document_prompt(conv, *index),
        Step::Done => Reply::say(Msg::new("done-menu")),
    }
}

fn consent_msg(ctx: &Ctx) -> Msg {
    Msg::new("consent-ask").num("months", i64::from(ctx.retention_months))
}

fn closed(question: &'static str, options: &[(&str, &'static str)]) -> Reply {
    Reply::say(Msg::new(question)).buttons(
        options
            .iter()
            .map(|(id, label)| Button::msg(*id, label))
            .collect(),
    )
}

fn yes_no() -> Vec<Button> {
    vec![Button::msg("yes", "btn-yes"), Button::msg("no", "btn-no")]
}

fn progress_buttons() -> [(&'static str, &'static str); 3] {
    [
        ("progress:sudah", "btn-sudah"),
        ("progress:proses", "btn-proses"),
        ("progress:belum", "btn-belum"),
    ]
}

/// Turnover/capital bands from the rules' thresholds, in whole miliar.
fn scale_prompt(question: &'static str, prefix: &str, limits: [u64; 2]) -> Reply {
    let miliar = |v: u64| (v / 1_000_000_000) as i64;
    let [small, medium] = limits;
    let buttons = vec![
        Button {
            id: format!("{prefix}:mikro"),
            label: label(Msg::new("btn-upto").num("max", miliar(small))),
        },
        Button {
            id: format!("{prefix}:kecil"),
            label: label(
                Msg::new("btn-between")
                    .num("min", miliar(small))
                    .num("max", miliar(medium)),
            ),
        },
        Button {
            id: format!("{prefix}:besar"),
            label: label(Msg::new("btn-above").num("min", miliar(medium))),
        },
        Button::msg(format!("{prefix}:unknown"), "btn-unknown"),
    ];
    Reply::say(Msg::new(question)).buttons(buttons)
}

fn label(msg: Msg) -> super::reply::Label {
    super::reply::Label::Msg(msg)
}

fn province_buttons(r: &Reference) -> Vec<Button> {
    r.regions
        .provinces()
        .iter()
        .map(|p| Button::plain(format!("prov:{}", p.code), p.name.clone()))
        .collect()
}

fn regency_prompt(conv: &Conversation, r: &Reference, page: usize) -> Reply {
    let Some(province) = conv
        .answers
        .province
        .as_ref()
        .and_then(|c| r.regions.province(c))
    else {
        return Reply::say(Msg::new("ask-province")).buttons(paged(province_buttons(r), 0));
    };
    let buttons = r
        .regions
        .regencies_of(&province.code)
        .into_iter()
        .map(|g| Button::plain(format!("reg:{}", g.code), short_regency(g)))
        .collect();
    Reply::say(Msg::new("ask-regency").text("province", province.name.clone()))
        .buttons(paged(buttons, page))
}

/// "Kab. Lombok Tengah" / "Kota Mataram": short enough for a button.
pub fn short_regency(g: &Regency) -> String {
    match g.kind {
        RegencyKind::Kabupaten => format!("Kab. {}", g.short_name),
        RegencyKind::Kota => format!("Kota {}", g.short_name),
    }
}

fn region_button(r: &Reference, code: &RegionCode) -> Button {
    let label = match r.regions.regency(code) {
        Some(g) => {
            let province = r.regions.name_of(&code.province()).unwrap_or_default();
            format!("{} ({province})", short_regency(g))
        }
        None => r.regions.name_of(code).unwrap_or(code.as_str()).to_owned(),
    };
    Button::plain(format!("region:{code}"), label)
}

fn category_buttons() -> Vec<Button> {
    Category::all()
        .iter()
        .map(|c| Button::msg(format!("cat:{}", c.as_str()), category_msg(*c)))
        .collect()
}

pub fn category_msg(c: Category) -> &'static str {
    match c {
        Category::Makanan => "cat-makanan",
        Category::Segar => "cat-segar",
        Category::Kerajinan => "cat-kerajinan",
        Category::Anak => "cat-anak",
        Category::Industri => "cat-industri",
        Category::Lainnya => "cat-lainnya",
    }
}

fn product_button(p: &Product) -> Button {
    Button::plain(format!("prod:{}", p.id), p.name.clone())
}

/// The catalogue products offered for the chosen category. What UMKM mostly make comes
/// first; mandatory-SNI goods (AMDK, sugar, flour) last.
fn products_listed<'r>(conv: &Conversation, r: &'r Reference) -> Vec<&'r Product> {
    let mut products = match conv.answers.category {
        Some(category) => r.catalogue.in_category(category),
        None => Vec::new(),
    };
    products.sort_by_key(|p| p.status == crate::reference::SniStatus::Wajib);
    products
}

/// How many pages the current step's list has, so "next" never runs past the end.
pub fn page_count(conv: &Conversation, r: &Reference) -> usize {
    let items = match &conv.step {
        Step::Province { .. } => r.regions.provinces().len(),
        Step::Regency { .. } => conv
            .answers
            .province
            .as_ref()
            .map_or(0, |p| r.regions.regencies_of(p).len()),
        Step::Product { .. } => products_listed(conv, r).len(),
        _ => 0,
    };
    items.div_ceil(super::questions::PAGE_SIZE).max(1)
}

fn product_prompt(conv: &Conversation, r: &Reference, page: usize) -> Reply {
    let products = products_listed(conv, r);
    if products.is_empty() {
        return Reply::say(Msg::new("ask-product-type"));
    }
    let mut buttons = paged(products.into_iter().map(product_button).collect(), page);
    buttons.push(Button::msg("product:none", "btn-not-listed"));
    Reply::say(Msg::new("ask-product")).buttons(buttons)
}

/// "Produk Anda termasuk SNI 3743:2021 Gula palma, sukarela."
pub fn product_found(p: &Product) -> Msg {
    use crate::reference::SniStatus;
    let id = match (p.status, &p.sni_number) {
        (SniStatus::Wajib, Some(_)) if p.confirmed => "product-found-wajib",
        (SniStatus::Wajib, Some(_)) => "product-found-wajib-unconfirmed",
        (SniStatus::Wajib, None) => "product-found-wajib-various",
        (SniStatus::Sukarela, Some(_)) if p.confirmed => "product-found-sukarela",
        (SniStatus::Sukarela, _) => "product-found-sukarela-unconfirmed",
        (SniStatus::TidakAda, _) => "product-found-no-sni",
        (SniStatus::BelumTahu, _) => "product-found-unknown-sni",
    };
    Msg::new(id)
        .text("product", p.name.clone())
        .text("sni", p.sni_number.clone().unwrap_or_default())
        .text("title", p.sni_title.clone().unwrap_or_default())
}

fn document_prompt(conv: &Conversation, index: usize) -> Reply {
    let Some(entry) = conv.checklist.0.get(index) else {
        return Reply::say(Msg::new("done-menu"));
    };
    Reply::say(
        Msg::new(entry.item.ask_msg())
            .num("n", index as i64 + 1)
            .num("total", conv.checklist.len() as i64),
    )
    .buttons(vec![
        Button::msg("doc:skip", "btn-doc-skip"),
        Button::msg("doc:later", "btn-doc-later"),
    ])
}
