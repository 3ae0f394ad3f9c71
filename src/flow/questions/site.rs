//! "Di mana produk dibuat?" (food only) — home and simple tools point to P-IRT, a separate
//! place or machines to BPOM MD.

use super::Q;
use super::closed::{Closed, FreeText, Opt};
use crate::flow::answers::Site;
use crate::flow::outcome::is_food;

pub(super) static SITE: Closed<Site> = Closed {
    q: Q::Site,
    prompt: "ask-site",
    prompt_not_food: None,
    title: "title-site",
    help: "help-izin-edar",
    options: &[
        Opt {
            value: Site::RumahManual,
            label: "btn-site-rumah",
            words: &[
                "rumah",
                "dapur",
                "manual",
                "tangan",
                "buatan sendiri",
                "di rumah",
                "di dapur",
                "bikin sendiri",
                "home",
                "alat sederhana",
                "rumahan",
                "tradisional",
                "kompor",
            ],
        },
        Opt {
            value: Site::TerpisahOtomatis,
            label: "btn-site-terpisah",
            words: &[
                "pabrik",
                "terpisah",
                "mesin",
                "otomatis",
                "workshop",
                "gudang",
                "tempat khusus",
                "rumah produksi",
                "factory",
                "machine",
                "oven besar",
                "mesin press",
                "tempat produksi",
                "terpisah dari rumah",
                // Sterilised or pasteurised food cannot use P-IRT.
                "disterilkan",
                "sterilisasi",
                "steril",
                "presto",
                "pasteurisasi",
                "retort",
            ],
        },
    ],
    hidden: &[],
    stance: |_| None,
    topic: &[
        "produksi",
        "dibuat",
        "bikin",
        "buat di",
        "di rumah",
        "dapur",
        "pabrik",
        "pakai mesin",
    ],
    get: |a| a.site,
    set: |a, v| a.site = v,
    // Mandatory-SNI food always needs BPOM MD: where it is made changes nothing.
    applies: |a, ctx| {
        is_food(a, ctx.reference) && !crate::flow::outcome::is_mandatory(a, ctx.reference)
    },
    // A description of the process is worth keeping even when it fits neither option.
    free_text: Some(FreeText {
        get: |a| a.site_text.as_ref(),
        set: |a, v| a.site_text = v,
    }),
};
