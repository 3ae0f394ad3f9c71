//! The lead page's "Rujukan" card, and referral steps of the timeline in words.

use crate::access::StaffId;
use crate::campaigns::Zone;
use crate::flow::Msg;
use crate::labels;
use crate::referrals::Desk;
use crate::store::dashboard::TimelineEntry;
use crate::store::dashboard::referrals::{LeadReferral, OfferHistory};
use crate::web::referrals::{answer_text, reason_text, state_text};
use crate::web::show::when;
use crate::web::{AppState, show};
use maud::{Markup, html};
use std::collections::HashMap;

pub(super) fn card(
    state: &AppState,
    zone: Zone,
    referral: Option<&LeadReferral>,
    offers: &[OfferHistory],
) -> Markup {
    let Some(r) = referral else {
        return html! { div.card { h2 { (state.t("dash-ref-card")) } p.muted { (state.t("dash-ref-card-none")) } } };
    };
    html! {
        div.card.referral {
            h2 { (state.t("dash-ref-card")) }
            dl {
                dt { (state.t("dash-ref-state")) } dd { strong { (state_text(state, &r.state)) } }
                dt { (state.t("dash-col-outcome")) } dd { (show::outcome(state, &r.outcome)) }
                dt { (state.t("dash-ref-consultant")) }
                dd {
                    @match &r.consultant {
                        Some(name) => { (name) @if let Some(org) = r.organisation.as_deref().filter(|o| !o.is_empty()) { " · " (org) } },
                        None => { "-" },
                    }
                    @if let Some(at) = r.accepted_at { " " small.muted { "(" (state.t("dash-ref-accepted-at")) " " (when(state, zone, at)) ")" } }
                }
                dt { (state.t("dash-ref-tries")) } dd { (r.tries) }
            }
            @if !offers.is_empty() { (history(state, zone, offers)) }
        }
    }
}

fn history(state: &AppState, zone: Zone, offers: &[OfferHistory]) -> Markup {
    html! {
        h3 { (state.t("dash-ref-history")) }
        table.offers {
            thead { tr {
                th { (state.t("dash-ref-consultant")) } th { (state.t("dash-ref-offered-at")) }
                th { (state.t("dash-ref-answer")) } th { (state.t("dash-ref-answered-at")) } th { (state.t("dash-reasons")) }
            } }
            tbody { @for o in offers { tr {
                td { (o.consultant) } td { (when(state, zone, o.offered_at)) }
                td { (answer_text(state, o.answer.as_deref())) }
                td { @if let Some(at) = o.answered_at { (when(state, zone, at)) } }
                td { @if let Some(r) = &o.reason { (reason_text(state, r)) } }
            } } }
        }
    }
}

/// `staff 12 (regency 1/5)` → the staff id and what follows it.
fn staff_in(detail: &str) -> Option<(StaffId, &str)> {
    let rest = detail.strip_prefix("staff ")?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let id = rest[..end].parse().ok()?;
    let tail = rest[end..].trim_start_matches(':').trim();
    Some((StaffId(id), tail))
}

/// Why this consultant, as the offer stored it (`(province 1/5)`): the coverage that fit and
/// their load at the time.
fn why_text(state: &AppState, tail: &str) -> String {
    let inner = tail.trim_start_matches('(').trim_end_matches(')');
    let Some((fit, load)) = inner.split_once(' ') else {
        return tail.to_owned();
    };
    let Some((open, capacity)) = load.split_once('/') else {
        return tail.to_owned();
    };
    let fit = match fit {
        "regency" => "dash-ref-fit-regency",
        "province" => "dash-ref-fit-province",
        "national" => "dash-ref-fit-national",
        _ => return tail.to_owned(),
    };
    state.tm(&Msg::new("dash-ref-why")
        .msg("fit", Msg::new(fit))
        .text("open", open)
        .text("capacity", capacity))
}

/// `siap_bina_umk → plut, dinas_coach`: the result in words and the desks.
fn opened_text(state: &AppState, detail: &str) -> String {
    match detail.split_once(" → ") {
        Some((outcome, desks)) => {
            let desks: Vec<String> = desks
                .split(", ")
                .map(|d| {
                    Desk::parse(d).map_or_else(|| d.to_owned(), |d| state.tm(&labels::desk(d)))
                })
                .collect();
            format!("{} → {}", show::outcome(state, outcome), desks.join(", "))
        }
        None => detail.to_owned(),
    }
}

/// `3 offers`: after how many offers nobody accepted.
fn escalated_text(state: &AppState, detail: &str) -> String {
    match detail
        .strip_suffix(" offers")
        .and_then(|n| n.parse::<i64>().ok())
    {
        Some(n) => state.tm(&Msg::new("dash-ref-after-offers").num("count", n)),
        None => detail.to_owned(),
    }
}

/// A timeline entry as staff read it: who, what, and what remains of the detail.
pub(crate) fn timeline_row(
    state: &AppState,
    names: &HashMap<StaffId, String>,
    e: &TimelineEntry,
) -> (String, String, String) {
    describe(state, names, &e.who, &e.action, &e.detail)
}

/// An audit row (a timeline entry or a line of the audit log) as staff read it.
pub(crate) fn describe(
    state: &AppState,
    names: &HashMap<StaffId, String>,
    who: &str,
    action: &str,
    detail: &str,
) -> (String, String, String) {
    let who = if who.is_empty() {
        state.t("dash-ref-system")
    } else {
        who.to_owned()
    };
    let named = |id: &'static str| {
        let (staff, tail) = staff_in(detail)?;
        let name = names
            .get(&staff)
            .cloned()
            .unwrap_or_else(|| format!("#{staff}"));
        Some((state.tm(&Msg::new(id).text("name", name)), tail.to_owned()))
    };
    let by_who = |id: &'static str| state.tm(&Msg::new(id).text("name", who.to_owned()));
    let words = match action {
        "referral_opened" => Some((state.t("dash-ref-tl-opened"), opened_text(state, detail))),
        "referral_offered" => {
            named("dash-ref-tl-offered").map(|(a, tail)| (a, why_text(state, &tail)))
        }
        "referral_reminded" => named("dash-ref-tl-reminded"),
        "referral_expired" => named("dash-ref-tl-expired"),
        "referral_declined" => Some((by_who("dash-ref-tl-declined"), reason_text(state, detail))),
        "referral_accepted" => Some((by_who("dash-ref-tl-accepted"), String::new())),
        "referral_withdrawn" => Some(
            named("dash-ref-tl-withdrawn-from")
                .unwrap_or_else(|| (state.t("dash-ref-tl-withdrawn"), detail.to_owned())),
        ),
        "referral_escalated" => Some((
            state.t("dash-ref-tl-escalated"),
            escalated_text(state, detail),
        )),
        _ => None,
    };
    let (action, detail) = words.unwrap_or_else(|| {
        (
            show::action(state, action),
            plain_detail(state, names, action, detail),
        )
    });
    (who, action, detail)
}

/// The detail of a staff action in words: a status in words with its reason, the name of the
/// consultant assigned, a document's name.
pub(crate) fn plain_detail(
    state: &AppState,
    names: &HashMap<StaffId, String>,
    action: &str,
    detail: &str,
) -> String {
    match action {
        "status" => {
            let (code, reason) = detail.split_once(": ").unwrap_or((detail, ""));
            let status = show::status(state, code);
            if reason.is_empty() {
                status
            } else {
                format!("{status}: {reason}")
            }
        }
        "assign" => detail
            .strip_prefix("konsultan ")
            .and_then(|id| id.parse().ok())
            .and_then(|id| names.get(&StaffId(id)).cloned())
            .unwrap_or_default(),
        "document_view" | "document_download" => show::document(state, detail),
        "lead_view" => String::new(),
        "result" => show::outcome(state, detail),
        "owner_reply" => show::channel(state, detail),
        _ => detail.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_ids_are_read_from_details() {
        assert_eq!(
            staff_in("staff 12 (regency 1/5)"),
            Some((StaffId(12), "(regency 1/5)"))
        );
        assert_eq!(
            staff_in("staff 3: unlinked"),
            Some((StaffId(3), "unlinked"))
        );
        assert_eq!(staff_in("staff 7"), Some((StaffId(7), "")));
        assert_eq!(staff_in("rerouted"), None);
        assert_eq!(staff_in("staff x"), None);
    }
}
