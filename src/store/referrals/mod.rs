//! Referrals and their offers: the rows behind `service::referrals`. Every change runs in
//! the caller's transaction, with the referral row locked first, so an answer, a timer and
//! another instance never act on one referral at once.

mod brief;

pub use brief::{LeadBrief, lead_brief, owner_views};

use super::sql::list;
use super::{Store, StoreError, Tx, corrupt, from_millis, millis};
use crate::access::StaffId;
use crate::domain::LeadId;
use crate::flow::OutcomeCode;
use crate::referrals::{
    Answer, Candidate, Coverage, DeclineReason, Desk, OfferId, ReferralId, ReferralState,
};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

/// Lead statuses after which a consultant's referral no longer counts against capacity.
const FINISHED: &str = "('diajukan', 'bersertifikat', 'tidak_dilanjutkan')";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub id: ReferralId,
    pub lead: LeadId,
    pub outcome: OutcomeCode,
    pub desks: Vec<Desk>,
    pub state: ReferralState,
    pub consultant: Option<StaffId>,
    pub tries: u32,
}

const COLUMNS: &str = "id, lead_id, outcome, desks, state, consultant_id, tries";

fn referral_row(r: &AnyRow) -> Result<Referral, StoreError> {
    let outcome: String = r.try_get("outcome")?;
    let desks: String = r.try_get("desks")?;
    let state: String = r.try_get("state")?;
    Ok(Referral {
        id: ReferralId(r.try_get("id")?),
        lead: LeadId(r.try_get("lead_id")?),
        outcome: OutcomeCode::parse(&outcome)
            .ok_or_else(|| corrupt("referral outcome", &outcome))?,
        desks: desks
            .split(' ')
            .map(|d| Desk::parse(d).ok_or_else(|| corrupt("referral desk", d)))
            .collect::<Result<_, _>>()?,
        state: ReferralState::parse(&state).ok_or_else(|| corrupt("referral state", &state))?,
        consultant: r.try_get::<Option<i64>, _>("consultant_id")?.map(StaffId),
        tries: u32::try_from(r.try_get::<i64, _>("tries")?).unwrap_or(0),
    })
}

/// One referral by a condition on one id column, locked for the transaction.
async fn locked(
    store: &Store,
    tx: &mut Tx,
    condition: &str,
    id: i64,
) -> Result<Option<Referral>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM referrals WHERE {condition}{}",
        store.lock_clause()
    );
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut **tx).await?;
    row.as_ref().map(referral_row).transpose()
}

/// The lead's open referral, locked.
pub async fn open_for_lead(
    store: &Store,
    tx: &mut Tx,
    lead: LeadId,
) -> Result<Option<Referral>, StoreError> {
    let open = "lead_id = $1 AND state IN ('waiting', 'offered', 'accepted', 'escalated')";
    locked(store, tx, open, lead.0).await
}

pub async fn get_for_update(
    store: &Store,
    tx: &mut Tx,
    id: ReferralId,
) -> Result<Option<Referral>, StoreError> {
    locked(store, tx, "id = $1", id.0).await
}

pub async fn create(
    tx: &mut Tx,
    lead: LeadId,
    outcome: OutcomeCode,
    desks: &[Desk],
    now: OffsetDateTime,
) -> Result<ReferralId, StoreError> {
    let row = sqlx::query(
        "INSERT INTO referrals (lead_id, outcome, desks, state, created_at, updated_at) \
         VALUES ($1, $2, $3, 'waiting', $4, $4) RETURNING id",
    )
    .bind(lead.0)
    .bind(outcome.as_str())
    .bind(crate::referrals::desk_names(desks, " "))
    .bind(millis(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(ReferralId(row.try_get("id")?))
}

pub async fn set_outcome(
    tx: &mut Tx,
    id: ReferralId,
    outcome: OutcomeCode,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE referrals SET outcome = $2, updated_at = $3 WHERE id = $1")
        .bind(id.0)
        .bind(outcome.as_str())
        .bind(millis(now))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A new state; `Waiting` and `Escalated` leave nobody holding it.
pub async fn set_state(
    tx: &mut Tx,
    id: ReferralId,
    state: ReferralState,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let keep_consultant = matches!(state, ReferralState::Accepted | ReferralState::Withdrawn);
    sqlx::query(
        "UPDATE referrals SET state = $2, updated_at = $3, \
         consultant_id = CASE WHEN $4 = 1 THEN consultant_id ELSE NULL END WHERE id = $1",
    )
    .bind(id.0)
    .bind(state.as_str())
    .bind(millis(now))
    .bind(i64::from(keep_consultant))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Put the referral in front of a consultant. The lead moves to "dirujuk" unless staff
/// already took it further.
pub async fn offer(
    tx: &mut Tx,
    referral: &Referral,
    staff: StaffId,
    why: &str,
    due: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<OfferId, StoreError> {
    let row = sqlx::query(
        "INSERT INTO referral_offers (referral_id, staff_id, why, offered_at, due_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(referral.id.0)
    .bind(staff.0)
    .bind(why)
    .bind(millis(now))
    .bind(millis(due))
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE referrals SET state = 'offered', consultant_id = $2, tries = tries + 1, offered_at = $3, updated_at = $3 WHERE id = $1",
    )
    .bind(referral.id.0)
    .bind(staff.0)
    .bind(millis(now))
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE leads SET status = 'dirujuk', updated_at = $2 WHERE id = $1 AND status IN ('baru', 'diverifikasi')",
    )
    .bind(referral.lead.0)
    .bind(millis(now))
    .execute(&mut **tx)
    .await?;
    Ok(OfferId(row.try_get("id")?))
}

/// One offer of a referral to one consultant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub id: OfferId,
    pub referral: ReferralId,
    pub staff: StaffId,
    pub offered_at: OffsetDateTime,
    pub due: OffsetDateTime,
    pub answer: Option<Answer>,
}

fn offer_row(r: &AnyRow) -> Result<Offer, StoreError> {
    let answer: Option<String> = r.try_get("answer")?;
    Ok(Offer {
        id: OfferId(r.try_get("id")?),
        referral: ReferralId(r.try_get("referral_id")?),
        staff: StaffId(r.try_get("staff_id")?),
        offered_at: from_millis(r.try_get("offered_at")?),
        due: from_millis(r.try_get("due_at")?),
        answer: answer
            .map(|a| Answer::parse(&a).ok_or_else(|| corrupt("offer answer", a)))
            .transpose()?,
    })
}

const OFFER_COLUMNS: &str = "id, referral_id, staff_id, offered_at, due_at, answer";

pub async fn get_offer(tx: &mut Tx, id: OfferId) -> Result<Option<Offer>, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {OFFER_COLUMNS} FROM referral_offers WHERE id = $1"
    ))
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?;
    row.as_ref().map(offer_row).transpose()
}

/// The offer still waiting for an answer, if any.
pub async fn open_offer(tx: &mut Tx, referral: ReferralId) -> Result<Option<Offer>, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {OFFER_COLUMNS} FROM referral_offers WHERE referral_id = $1 AND answer IS NULL ORDER BY id DESC LIMIT 1"
    ))
    .bind(referral.0)
    .fetch_optional(&mut **tx)
    .await?;
    row.as_ref().map(offer_row).transpose()
}

pub async fn answer_offer(
    tx: &mut Tx,
    offer: OfferId,
    answer: Answer,
    reason: Option<DeclineReason>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE referral_offers SET answer = $2, reason = $3, answered_at = $4 WHERE id = $1 AND answer IS NULL")
        .bind(offer.0)
        .bind(answer.as_str())
        .bind(reason.map(DeclineReason::as_str))
        .bind(millis(now))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Accepted: the consultant holds the referral and the lead is theirs.
pub async fn accept(
    tx: &mut Tx,
    referral: &Referral,
    staff: StaffId,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE referrals SET state = 'accepted', consultant_id = $2, accepted_at = $3, updated_at = $3 WHERE id = $1",
    )
    .bind(referral.id.0)
    .bind(staff.0)
    .bind(millis(now))
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE leads SET assigned_to = $2, status = 'diterima_konsultan', updated_at = $3 WHERE id = $1",
    )
    .bind(referral.lead.0)
    .bind(staff.0)
    .bind(millis(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Everybody this referral was offered to already.
pub async fn offered_to(tx: &mut Tx, referral: ReferralId) -> Result<Vec<StaffId>, StoreError> {
    let rows = sqlx::query("SELECT DISTINCT staff_id FROM referral_offers WHERE referral_id = $1")
        .bind(referral.0)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter()
        .map(|r| Ok(StaffId(r.try_get("staff_id")?)))
        .collect()
}

/// Consultants of these desks who can take a referral now: active, linked to a chat that
/// has not blocked us, with their open referrals and their last offer.
pub async fn candidates(tx: &mut Tx, desks: &[Desk]) -> Result<Vec<Candidate>, StoreError> {
    if desks.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT s.id, s.desk, s.coverage, s.capacity, \
           (SELECT COUNT(*) FROM referrals r JOIN leads l ON l.id = r.lead_id \
             WHERE r.consultant_id = s.id AND r.state IN ('offered', 'accepted') AND l.status NOT IN {FINISHED}) AS open, \
           (SELECT MAX(o.offered_at) FROM referral_offers o WHERE o.staff_id = s.id) AS last_offered \
         FROM staff s JOIN staff_links k ON k.staff_id = s.id \
         WHERE s.role = 'konsultan' AND s.disabled = 0 AND s.desk IN ({}) \
           AND NOT EXISTS (SELECT 1 FROM unreachable_contacts u WHERE u.channel = k.channel AND u.user_key = k.user_key) \
         ORDER BY s.id",
        list(desks.len(), 1)
    );
    let mut query = sqlx::query(&sql);
    for desk in desks {
        query = query.bind(desk.as_str());
    }
    let rows = query.fetch_all(&mut **tx).await?;
    rows.iter()
        .map(|r| {
            let desk: String = r.try_get("desk")?;
            let coverage: String = r.try_get("coverage")?;
            Ok(Candidate {
                id: StaffId(r.try_get("id")?),
                desk: Desk::parse(&desk).ok_or_else(|| corrupt("staff desk", &desk))?,
                coverage: Coverage::parse(&coverage).map_err(|e| corrupt("staff coverage", e))?,
                open: u32::try_from(r.try_get::<i64, _>("open")?).unwrap_or(u32::MAX),
                capacity: u32::try_from(r.try_get::<i64, _>("capacity")?).unwrap_or(0),
                last_offered: r
                    .try_get::<Option<i64>, _>("last_offered")?
                    .map(from_millis),
            })
        })
        .collect()
}

/// Offers a consultant has not answered yet (they leave: these move on).
pub async fn open_offers_of(tx: &mut Tx, staff: StaffId) -> Result<Vec<Offer>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {OFFER_COLUMNS} FROM referral_offers WHERE staff_id = $1 AND answer IS NULL ORDER BY id"
    ))
    .bind(staff.0)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter().map(offer_row).collect()
}
