//! How stored values read on a page: codes in words, times on the office's clock, amounts as
//! people say them, phone numbers in groups.

use super::AppState;
use crate::access::Staff;
use crate::campaigns::Zone;
use crate::flow::Msg;
use crate::labels::{self, stored};
use crate::parse::PhoneNumber;
use crate::reference::RegionCode;
use time::OffsetDateTime;

/// The clock the staff member's office keeps: their region's, a consultant's first covered
/// region's, Jakarta's (WIB) for the national accounts.
pub fn office_zone(staff: &Staff) -> Zone {
    staff
        .region
        .as_ref()
        .or_else(|| staff.profile.coverage.regions().first())
        .map(Zone::of_region)
        .unwrap_or(Zone::Wib)
}

/// "3 Desember 2026 14.05 WITA".
pub fn when(state: &AppState, zone: Zone, at: OffsetDateTime) -> String {
    let local = at.to_offset(zone.offset());
    let mark = if state.locale() == crate::domain::Locale::Id {
        '.'
    } else {
        ':'
    };
    let clock = format!("{:02}{mark}{:02}", local.hour(), local.minute());
    state.tm(&Msg::new("dash-when")
        .date("date", local.date())
        .text("time", clock)
        .text("zone", zone.as_str().to_uppercase()))
}

/// "3 Desember 2026", the day on the office's clock.
pub fn day(state: &AppState, zone: Zone, at: OffsetDateTime) -> String {
    state.tm(&Msg::new("dash-day").date("date", at.to_offset(zone.offset()).date()))
}

/// "0812-3456-7890"; a stored number that does not parse is shown as it is.
pub fn phone(stored: &str) -> String {
    PhoneNumber::parse(stored)
        .map(|n| n.national_grouped())
        .unwrap_or_else(|_| stored.to_owned())
}

/// A stored code in words, or the code itself when this version has no word for it.
fn word(state: &AppState, code: &str, label: Option<Msg>) -> String {
    label.map_or_else(|| code.to_owned(), |m| state.tm(&m))
}

pub fn outcome(state: &AppState, code: &str) -> String {
    word(state, code, stored::outcome(code))
}

pub fn status(state: &AppState, code: &str) -> String {
    word(state, code, stored::status(code))
}

pub fn channel(state: &AppState, code: &str) -> String {
    word(state, code, stored::channel(code))
}

pub fn category(state: &AppState, code: &str) -> String {
    word(state, code, stored::category(code))
}

pub fn scale(state: &AppState, code: &str) -> String {
    word(state, code, stored::scale(code))
}

pub fn reason(state: &AppState, code: &str) -> String {
    word(state, code, labels::reason(code))
}

/// A checklist item's code ("foto_produk") in words.
pub fn document(state: &AppState, code: &str) -> String {
    word(state, code, stored::document(code))
}

/// An audit or timeline action in words.
pub fn action(state: &AppState, code: &str) -> String {
    word(state, code, labels::action(code))
}

/// A region as "Kabupaten Lombok Tengah" when the code is known.
pub fn region(state: &AppState, code: &str) -> String {
    RegionCode::parse(code)
        .ok()
        .and_then(|c| {
            state
                .service
                .reference
                .regions
                .name_of(&c)
                .map(str::to_owned)
        })
        .unwrap_or_else(|| code.to_owned())
}

/// "Kota Surabaya (35.78)": the name people know and the code forms take; an unknown code
/// as it is.
pub fn region_coded(state: &AppState, code: &RegionCode) -> String {
    match state.service.reference.regions.name_of(code) {
        Some(name) => format!("{name} ({})", code.as_str()),
        None => code.as_str().to_owned(),
    }
}

/// A stored conversation step ("product_pick") as the question it belongs to.
pub fn step(state: &AppState, code: &str) -> String {
    use crate::flow::questions::Q;
    let id = match code {
        "consent" => "dash-step-consent",
        "region_pick" | "region_confirm" => Q::Regency.asked(),
        c if c.starts_with("product_") => Q::Product.asked(),
        "review" | "edit_pick" => "dash-step-review",
        "document" => "dash-step-documents",
        "done" => "dash-step-done",
        c => match Q::from_code(c) {
            Some(q) => q.asked(),
            None => return code.to_owned(),
        },
    };
    state.t(id)
}
