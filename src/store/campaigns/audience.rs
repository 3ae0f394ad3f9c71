//! Who an audience reaches, counted or written out as a campaign's recipients.
//!
//! Recipients are written in keyset chunks over the subscribed conversations: each chunk is
//! one transaction that inserts (ignoring rows already there) and moves the campaign's cursor,
//! so a crash, a retry or a second instance never writes anyone twice or skips anyone.

use crate::campaigns::{Audience, CampaignId, Zone};
use crate::store::sql::{Bind, Sql};
use crate::store::{Store, StoreError, millis};
use sqlx::Row;
use time::{Duration, OffsetDateTime};

/// The FROM and WHERE shared by counting and writing: subscribed conversations on the
/// audience's channels, narrowed by their lead, leaving out blocked contacts and staff chats.
fn filtered(sql: &mut Sql, audience: &Audience, now: OffsetDateTime) {
    sql.push(
        " FROM conversations c LEFT JOIN leads l ON l.conversation_id = c.id AND l.superseded_at IS NULL \
         WHERE c.subscribed = 1 \
           AND NOT EXISTS (SELECT 1 FROM unreachable_contacts u WHERE u.channel = c.channel AND u.user_key = c.user_key) \
           AND NOT EXISTS (SELECT 1 FROM staff_links s WHERE s.channel = c.channel AND s.user_key = c.user_key)",
    );
    let channels: Vec<&str> = audience.channels().iter().map(|c| c.as_str()).collect();
    any_of(sql, "c.channel", &channels);
    if let Some(region) = &audience.region {
        // The lead's derived, indexed province and kab/kota columns (see 0007).
        let column = if region.is_province() {
            "l.province_code"
        } else {
            "l.regency_code"
        };
        let code = sql.arg(Bind::Text(region.as_str().to_owned()));
        sql.push(&format!(" AND {column} = {code}"));
    }
    let outcomes: Vec<&str> = audience.outcomes.iter().map(|o| o.as_str()).collect();
    any_of(sql, "l.outcome", &outcomes);
    let categories: Vec<&str> = audience.categories.iter().map(|c| c.as_str()).collect();
    any_of(sql, "l.category", &categories);
    let statuses: Vec<&str> = audience.statuses.iter().map(|s| s.as_str()).collect();
    any_of(sql, "l.status", &statuses);
    if let Some(days) = audience.active_days {
        let since = sql.arg(Bind::Int(millis(now - Duration::days(i64::from(days)))));
        sql.push(&format!(" AND c.updated_at >= {since}"));
    }
}

/// `AND column IN (…)`, nothing for an empty list (any value).
fn any_of(sql: &mut Sql, column: &str, values: &[&str]) {
    if values.is_empty() {
        return;
    }
    let marks: Vec<String> = values
        .iter()
        .map(|v| sql.arg(Bind::Text((*v).to_owned())))
        .collect();
    sql.push(&format!(" AND {column} IN ({})", marks.join(", ")));
}

/// How many people the audience reaches now.
pub async fn count_audience(
    store: &Store,
    audience: &Audience,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    let mut sql = Sql::new("SELECT COUNT(*) AS n");
    filtered(&mut sql, audience, now);
    Ok(sql.query().fetch_one(store.reader()).await?.try_get("n")?)
}

/// Minutes ahead of UTC of a lead's region, from its province; WIB when there is no lead.
fn utc_offset_sql() -> String {
    let mut case = String::from("CASE");
    for zone in [Zone::Wita, Zone::Wit] {
        let provinces: Vec<String> = zone.provinces().iter().map(|p| format!("'{p}'")).collect();
        case.push_str(&format!(
            " WHEN l.province_code IN ({}) THEN {}",
            provinces.join(", "),
            zone.minutes()
        ));
    }
    case.push_str(&format!(" ELSE {} END", Zone::Wib.minutes()));
    case
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Materialised {
    /// Recipients written by this chunk.
    pub written: u64,
    /// Every subscriber has been looked at.
    pub done: bool,
}

/// Write the next chunk of a running campaign's recipients (at most `chunk` conversations
/// looked at).
pub async fn materialise(
    store: &Store,
    id: CampaignId,
    audience: &Audience,
    chunk: i64,
    now: OffsetDateTime,
) -> Result<Materialised, StoreError> {
    let mut tx = store.begin().await?;
    // Writing first takes the campaign's row lock (PostgreSQL) or the write lock (SQLite,
    // where a read that later writes could fail at once instead of waiting).
    let claimed = sqlx::query(
        "UPDATE campaigns SET updated_at = $2 WHERE id = $1 AND state = 'running' AND materialised = 0",
    )
    .bind(id.0)
    .bind(millis(now))
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() == 0 {
        return Ok(Materialised {
            written: 0,
            done: true,
        });
    }
    let row = sqlx::query("SELECT cursor FROM campaigns WHERE id = $1")
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
    let cursor: i64 = row.try_get("cursor")?;
    let bound = sqlx::query(
        "SELECT MAX(id) AS upto, COUNT(*) AS n FROM \
         (SELECT id FROM conversations WHERE subscribed = 1 AND id > $1 ORDER BY id LIMIT $2) AS chunk",
    )
    .bind(cursor)
    .bind(chunk)
    .fetch_one(&mut *tx)
    .await?;
    let upto: Option<i64> = bound.try_get("upto")?;
    let done = bound.try_get::<i64, _>("n")? < chunk;
    let mut written = 0;
    if let Some(upto) = upto {
        let mut sql = Sql::new(&format!(
            "INSERT INTO campaign_recipients (campaign_id, conversation_id, channel, region_code, utc_offset, state) \
             SELECT {}, c.id, c.channel, l.region_code, {}, 'waiting'",
            id.0,
            utc_offset_sql()
        ));
        filtered(&mut sql, audience, now);
        let after = sql.arg(Bind::Int(cursor));
        let until = sql.arg(Bind::Int(upto));
        sql.push(&format!(
            " AND c.id > {after} AND c.id <= {until} ON CONFLICT (campaign_id, conversation_id) DO NOTHING"
        ));
        written = sql.query().execute(&mut *tx).await?.rows_affected();
    }
    sqlx::query("UPDATE campaigns SET cursor = COALESCE($2, cursor), materialised = $3, updated_at = $4 WHERE id = $1")
        .bind(id.0)
        .bind(upto)
        .bind(i64::from(done))
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Materialised { written, done })
}
