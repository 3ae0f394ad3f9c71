//! What the dashboard reads about referrals: a consultant's offers and accepted leads, the
//! load per consultant and per region, the referrals nobody holds, and how long acceptance
//! takes. Read-only, on the reader pool; the staff member's scope is applied in SQL.

use crate::access::{Scope, StaffId};
use crate::domain::LeadId;
use crate::referrals::OfferId;
use crate::store::sql::{Bind, Sql};
use crate::store::{Store, StoreError, from_millis};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

/// Lead statuses after which an accepted referral no longer counts as open.
const FINISHED: &str = "('diajukan', 'bersertifikat', 'tidak_dilanjutkan')";

/// `scope` on the lead aliased `l` (and, for a consultant, the referral aliased `r`).
fn scoped(sql: &mut Sql, scope: &Scope) {
    match scope {
        Scope::All => {}
        Scope::Region(code) => {
            let column = if code.is_province() {
                "l.province_code"
            } else {
                "l.regency_code"
            };
            let p = sql.arg(Bind::Text(code.as_str().to_owned()));
            sql.push(&format!(" AND {column} = {p}"));
        }
        Scope::AssignedTo(staff) => {
            let p = sql.arg(Bind::Int(staff.0));
            sql.push(&format!(
                " AND (l.assigned_to = {p} OR r.consultant_id = {p})"
            ));
        }
    }
}

fn count(r: &AnyRow, column: &str) -> Result<i64, sqlx::Error> {
    Ok(r.try_get::<Option<i64>, _>(column)?.unwrap_or(0))
}

/// An offer waiting for this consultant's answer.
#[derive(Debug, Clone)]
pub struct WaitingOffer {
    pub offer: OfferId,
    pub lead: LeadId,
    pub business_name: String,
    pub product_name: String,
    pub region_name: String,
    pub outcome: String,
    pub offered_at: OffsetDateTime,
    pub due_at: OffsetDateTime,
}

pub async fn waiting_offers(
    store: &Store,
    staff: StaffId,
) -> Result<Vec<WaitingOffer>, StoreError> {
    let rows = sqlx::query(
        "SELECT o.id, r.lead_id, l.business_name, l.product_name, l.region_name, r.outcome, o.offered_at, o.due_at \
         FROM referral_offers o JOIN referrals r ON r.id = o.referral_id JOIN leads l ON l.id = r.lead_id \
         WHERE o.staff_id = $1 AND o.answer IS NULL AND r.state = 'offered' ORDER BY o.due_at, o.id",
    )
    .bind(staff.0)
    .fetch_all(store.reader())
    .await?;
    let offer = |r: &AnyRow| -> Result<WaitingOffer, sqlx::Error> {
        Ok(WaitingOffer {
            offer: OfferId(r.try_get("id")?),
            lead: LeadId(r.try_get("lead_id")?),
            business_name: r.try_get("business_name")?,
            product_name: r.try_get("product_name")?,
            region_name: r.try_get("region_name")?,
            outcome: r.try_get("outcome")?,
            offered_at: from_millis(r.try_get("offered_at")?),
            due_at: from_millis(r.try_get("due_at")?),
        })
    };
    Ok(rows.iter().map(offer).collect::<Result<_, _>>()?)
}

/// A referral this consultant accepted.
#[derive(Debug, Clone)]
pub struct AcceptedReferral {
    pub lead: LeadId,
    pub business_name: String,
    pub region_name: String,
    pub status: String,
    pub accepted_at: Option<OffsetDateTime>,
}

pub async fn accepted_by(
    store: &Store,
    staff: StaffId,
) -> Result<Vec<AcceptedReferral>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.lead_id, l.business_name, l.region_name, l.status, r.accepted_at \
         FROM referrals r JOIN leads l ON l.id = r.lead_id \
         WHERE r.consultant_id = $1 AND r.state = 'accepted' ORDER BY r.accepted_at DESC, r.id DESC",
    )
    .bind(staff.0)
    .fetch_all(store.reader())
    .await?;
    let accepted = |r: &AnyRow| -> Result<AcceptedReferral, sqlx::Error> {
        Ok(AcceptedReferral {
            lead: LeadId(r.try_get("lead_id")?),
            business_name: r.try_get("business_name")?,
            region_name: r.try_get("region_name")?,
            status: r.try_get("status")?,
            accepted_at: r.try_get::<Option<i64>, _>("accepted_at")?.map(from_millis),
        })
    };
    Ok(rows.iter().map(accepted).collect::<Result<_, _>>()?)
}

/// One consultant's referrals, counted over the leads in scope.
#[derive(Debug, Clone)]
pub struct ConsultantLoad {
    pub staff: StaffId,
    pub name: String,
    pub organisation: String,
    pub desk: Option<String>,
    pub coverage: String,
    pub capacity: i64,
    pub disabled: bool,
    pub open_offers: i64,
    pub accepted_open: i64,
    pub declined: i64,
    pub expired: i64,
}

impl ConsultantLoad {
    pub fn is_idle(&self) -> bool {
        self.open_offers + self.accepted_open + self.declined + self.expired == 0
    }
}

/// Every consultant with their offers on leads in scope (consultants without any are listed
/// too; the page decides whom a dinas sees).
pub async fn consultant_load(
    store: &Store,
    scope: &Scope,
) -> Result<Vec<ConsultantLoad>, StoreError> {
    let mut sql = Sql::new(
        "SELECT s.id, s.name, s.organisation, s.desk, s.coverage, s.capacity, s.disabled, \
           SUM(CASE WHEN x.answer IS NULL AND x.state = 'offered' THEN 1 ELSE 0 END) AS open_offers, \
           SUM(CASE WHEN x.answer = 'accepted' AND x.state = 'accepted' AND x.finished = 0 THEN 1 ELSE 0 END) AS accepted_open, \
           SUM(CASE WHEN x.answer = 'declined' THEN 1 ELSE 0 END) AS declined, \
           SUM(CASE WHEN x.answer = 'expired' THEN 1 ELSE 0 END) AS expired \
         FROM staff s LEFT JOIN (SELECT o.staff_id, o.answer, r.state, ",
    );
    sql.push(&format!(
        "CASE WHEN l.status IN {FINISHED} THEN 1 ELSE 0 END AS finished \
         FROM referral_offers o JOIN referrals r ON r.id = o.referral_id JOIN leads l ON l.id = r.lead_id WHERE 1 = 1"
    ));
    scoped(&mut sql, scope);
    sql.push(
        ") x ON x.staff_id = s.id WHERE s.role = 'konsultan' \
         GROUP BY s.id, s.name, s.organisation, s.desk, s.coverage, s.capacity, s.disabled ORDER BY s.name, s.id",
    );
    let rows = sql.query().fetch_all(store.reader()).await?;
    let load = |r: &AnyRow| -> Result<ConsultantLoad, sqlx::Error> {
        Ok(ConsultantLoad {
            staff: StaffId(r.try_get("id")?),
            name: r.try_get("name")?,
            organisation: r.try_get("organisation")?,
            desk: r.try_get("desk")?,
            coverage: r.try_get("coverage")?,
            capacity: r.try_get("capacity")?,
            disabled: r.try_get::<i64, _>("disabled")? != 0,
            open_offers: count(r, "open_offers")?,
            accepted_open: count(r, "accepted_open")?,
            declined: count(r, "declined")?,
            expired: count(r, "expired")?,
        })
    };
    Ok(rows.iter().map(load).collect::<Result<_, _>>()?)
}

/// The region column referrals are grouped by: provinces for everyone who sees the whole
/// country, kab/kota for a dinas.
fn region_key(scope: &Scope) -> &'static str {
    match scope {
        Scope::Region(_) => "COALESCE(l.regency_code, l.region_code)",
        _ => "l.province_code",
    }
}

/// Referrals of one region by where they stand.
#[derive(Debug, Clone)]
pub struct RegionLoad {
    pub region: String,
    pub waiting: i64,
    pub offered: i64,
    pub accepted: i64,
    pub escalated: i64,
    pub expired_offers: i64,
}

pub async fn region_load(store: &Store, scope: &Scope) -> Result<Vec<RegionLoad>, StoreError> {
    let mut sql = Sql::new(&format!(
        "SELECT x.region, \
           SUM(CASE WHEN x.state = 'waiting' THEN 1 ELSE 0 END) AS waiting, \
           SUM(CASE WHEN x.state = 'offered' THEN 1 ELSE 0 END) AS offered, \
           SUM(CASE WHEN x.state = 'accepted' THEN 1 ELSE 0 END) AS accepted, \
           SUM(CASE WHEN x.state = 'escalated' THEN 1 ELSE 0 END) AS escalated, \
           CAST(SUM(x.expired) AS BIGINT) AS expired_offers \
         FROM (SELECT {} AS region, r.state, \
           (SELECT COUNT(*) FROM referral_offers o WHERE o.referral_id = r.id AND o.answer = 'expired') AS expired \
           FROM referrals r JOIN leads l ON l.id = r.lead_id WHERE r.state <> 'withdrawn'",
        region_key(scope)
    ));
    scoped(&mut sql, scope);
    sql.push(") x GROUP BY x.region ORDER BY x.region");
    let rows = sql.query().fetch_all(store.reader()).await?;
    let load = |r: &AnyRow| -> Result<RegionLoad, sqlx::Error> {
        Ok(RegionLoad {
            region: r.try_get("region")?,
            waiting: count(r, "waiting")?,
            offered: count(r, "offered")?,
            accepted: count(r, "accepted")?,
            escalated: count(r, "escalated")?,
            expired_offers: count(r, "expired_offers")?,
        })
    };
    Ok(rows.iter().map(load).collect::<Result<_, _>>()?)
}

/// A referral nobody holds: waiting for its next offer, or escalated to the dinas.
#[derive(Debug, Clone)]
pub struct Unheld {
    pub lead: LeadId,
    pub business_name: String,
    pub region_name: String,
    pub outcome: String,
    pub state: String,
    pub tries: i64,
    pub since: OffsetDateTime,
}

/// How many unheld referrals a page lists at most.
const UNHELD_LIMIT: i64 = 200;

pub async fn unheld(store: &Store, scope: &Scope) -> Result<Vec<Unheld>, StoreError> {
    let mut sql = Sql::new(
        "SELECT r.lead_id, l.business_name, l.region_name, r.outcome, r.state, r.tries, r.updated_at \
         FROM referrals r JOIN leads l ON l.id = r.lead_id WHERE r.state IN ('waiting', 'escalated')",
    );
    scoped(&mut sql, scope);
    let limit = sql.arg(Bind::Int(UNHELD_LIMIT));
    sql.push(&format!(
        " ORDER BY r.state, r.updated_at, r.id LIMIT {limit}"
    ));
    let rows = sql.query().fetch_all(store.reader()).await?;
    let unheld = |r: &AnyRow| -> Result<Unheld, sqlx::Error> {
        Ok(Unheld {
            lead: LeadId(r.try_get("lead_id")?),
            business_name: r.try_get("business_name")?,
            region_name: r.try_get("region_name")?,
            outcome: r.try_get("outcome")?,
            state: r.try_get("state")?,
            tries: r.try_get("tries")?,
            since: from_millis(r.try_get("updated_at")?),
        })
    };
    Ok(rows.iter().map(unheld).collect::<Result<_, _>>()?)
}

/// How long each accepted offer waited for its "Terima", in milliseconds, with the region
/// of its lead (grouped as in [`region_load`]).
pub async fn acceptance_times(
    store: &Store,
    scope: &Scope,
) -> Result<Vec<(String, i64)>, StoreError> {
    let mut sql = Sql::new(&format!(
        "SELECT {} AS region, o.offered_at, o.answered_at FROM referral_offers o \
         JOIN referrals r ON r.id = o.referral_id JOIN leads l ON l.id = r.lead_id \
         WHERE o.answer = 'accepted' AND o.answered_at IS NOT NULL",
        region_key(scope)
    ));
    scoped(&mut sql, scope);
    let rows = sql.query().fetch_all(store.reader()).await?;
    let time = |r: &AnyRow| -> Result<(String, i64), sqlx::Error> {
        let offered: i64 = r.try_get("offered_at")?;
        let answered: i64 = r.try_get("answered_at")?;
        Ok((r.try_get("region")?, (answered - offered).max(0)))
    };
    Ok(rows.iter().map(time).collect::<Result<_, _>>()?)
}

/// A lead's latest referral, as its page shows it.
#[derive(Debug, Clone)]
pub struct LeadReferral {
    pub state: String,
    pub outcome: String,
    pub tries: i64,
    pub consultant: Option<String>,
    pub organisation: Option<String>,
    pub accepted_at: Option<OffsetDateTime>,
}

/// Call only for a lead in scope.
pub async fn of_lead(store: &Store, lead: LeadId) -> Result<Option<LeadReferral>, StoreError> {
    let row = sqlx::query(
        "SELECT r.state, r.outcome, r.tries, r.accepted_at, s.name, s.organisation FROM referrals r \
         LEFT JOIN staff s ON s.id = r.consultant_id WHERE r.lead_id = $1 ORDER BY r.id DESC LIMIT 1",
    )
    .bind(lead.0)
    .fetch_optional(store.reader())
    .await?;
    let Some(r) = row else { return Ok(None) };
    Ok(Some(LeadReferral {
        state: r.try_get("state")?,
        outcome: r.try_get("outcome")?,
        tries: r.try_get("tries")?,
        consultant: r.try_get("name")?,
        organisation: r.try_get("organisation")?,
        accepted_at: r.try_get::<Option<i64>, _>("accepted_at")?.map(from_millis),
    }))
}

/// One offer of a lead's referrals, for its history.
#[derive(Debug, Clone)]
pub struct OfferHistory {
    pub consultant: String,
    pub offered_at: OffsetDateTime,
    pub answered_at: Option<OffsetDateTime>,
    pub answer: Option<String>,
    pub reason: Option<String>,
}

/// Every offer of every referral of the lead, oldest first. Call only for a lead in scope.
pub async fn offers_of_lead(store: &Store, lead: LeadId) -> Result<Vec<OfferHistory>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.name, o.offered_at, o.answered_at, o.answer, o.reason FROM referral_offers o \
         JOIN referrals r ON r.id = o.referral_id JOIN staff s ON s.id = o.staff_id \
         WHERE r.lead_id = $1 ORDER BY o.id",
    )
    .bind(lead.0)
    .fetch_all(store.reader())
    .await?;
    let offer = |r: &AnyRow| -> Result<OfferHistory, sqlx::Error> {
        Ok(OfferHistory {
            consultant: r.try_get("name")?,
            offered_at: from_millis(r.try_get("offered_at")?),
            answered_at: r.try_get::<Option<i64>, _>("answered_at")?.map(from_millis),
            answer: r.try_get("answer")?,
            reason: r.try_get("reason")?,
        })
    };
    Ok(rows.iter().map(offer).collect::<Result<_, _>>()?)
}

/// The middle value (the mean of the two middle ones for an even count); None when empty.
pub fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2
    })
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_even_and_empty_lists() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7]), Some(7));
        assert_eq!(median(&mut [9, 1, 5]), Some(5));
        assert_eq!(median(&mut [4, 1, 3, 2]), Some(2));
        assert_eq!(median(&mut [10, 20]), Some(15));
    }
}
