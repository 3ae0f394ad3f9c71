//! The WHERE clause of every lead query: the staff member's scope, then the list's filters.

use super::search::{self, SearchBy};
use super::{LeadFilter, Waiting};
use crate::access::Scope;
use crate::reference::RegionCode;
use crate::store::millis;
use crate::store::sql::{Bind, Sql};

/// `scope AND filters` for leads, appended to `sql`.
pub(super) fn restrict(
    sql: &mut Sql,
    by: SearchBy,
    scope: &Scope,
    filter: &LeadFilter,
    skip_outcome: bool,
) {
    match scope {
        Scope::All => {}
        Scope::Region(code) => region(sql, code.as_str()),
        Scope::AssignedTo(staff) => {
            // Their own leads, and the ones offered to them now (so the notice's link opens).
            // Qualified: the document query joins another table with an `id`.
            let id = sql.arg(Bind::Int(staff.0));
            sql.push(&format!(
                " AND (leads.assigned_to = {id} OR leads.id IN (SELECT r.lead_id FROM referrals r \
                 WHERE r.consultant_id = {id} AND r.state = 'offered'))"
            ));
        }
    }
    if let Some(code) = &filter.region {
        region(sql, code);
    }
    let outcome = filter.outcome.as_ref().filter(|_| !skip_outcome);
    let equal = [
        ("outcome", outcome),
        ("status", filter.status.as_ref()),
        ("category", filter.category.as_ref()),
        ("channel", filter.channel.as_ref()),
        ("source", filter.source.as_ref()),
    ];
    for (column, value) in equal {
        if let Some(value) = value {
            let p = sql.arg(Bind::Text(value.clone()));
            sql.push(&format!(" AND {column} = {p}"));
        }
    }
    if let Some(from) = filter.from {
        let p = sql.arg(Bind::Int(millis(from)));
        sql.push(&format!(" AND created_at >= {p}"));
    }
    if let Some(until) = filter.until {
        let p = sql.arg(Bind::Int(millis(until)));
        sql.push(&format!(" AND created_at < {p}"));
    }
    match filter.waiting {
        None => {}
        Some(Waiting::Referral) => {
            sql.push(
                " AND leads.id IN (SELECT r.lead_id FROM referrals r \
                 WHERE r.state IN ('waiting', 'offered', 'escalated'))",
            );
        }
        Some(Waiting::Question) => {
            sql.push(&format!(" AND {}", crate::store::thread::AWAITING_REPLY));
        }
    }
    if let Some(text) = filter.search.as_deref() {
        search::restrict(sql, by, text);
    }
}

/// A region and everything below it, by equality on an indexed column. Works the same on
/// `lead_counts`, which has the same derived columns.
pub(super) fn region(sql: &mut Sql, code: &str) {
    let column = region_column(code);
    let p = sql.arg(Bind::Text(code.to_owned()));
    sql.push(&format!(" AND {column} = {p}"));
}

/// Which column holds a code's level. Text that is no region code (the list's filter is typed
/// by hand) can only equal a lead's code exactly; nothing lies below it.
fn region_column(code: &str) -> &'static str {
    match RegionCode::parse(code) {
        Ok(code) if code.is_province() => "province_code",
        Ok(_) => "regency_code",
        Err(_) => "region_code",
    }
}

/// True when `restrict` would add nothing but the scope and a region (and the outcome when
/// skipped): then the per-region counters answer counts without reading leads.
pub(super) fn by_region_only(scope: &Scope, filter: &LeadFilter) -> bool {
    let LeadFilter {
        region: _,
        outcome: _,
        status,
        category,
        channel,
        source,
        search,
        from,
        until,
        waiting,
    } = filter;
    !matches!(scope, Scope::AssignedTo(_))
        && [status, category, channel, source]
            .iter()
            .all(|v| v.is_none())
        && search.as_deref().is_none_or(|s| s.trim().is_empty())
        && from.is_none()
        && until.is_none()
        && waiting.is_none()
}
