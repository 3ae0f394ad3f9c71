//! Campaign rows: create, read, and move between states.

use crate::access::StaffId;
use crate::campaigns::{
    Audience, Campaign, CampaignId, CampaignState, Draft, Quiet, WaTemplate, Zone,
};
use crate::reference::RegionCode;
use crate::store::sql::list as placeholders;
use crate::store::{Store, StoreError, Tx, corrupt, from_millis, millis};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

const COLUMNS: &str = "id, code, name, body, image_url, button_label, audience, template, zone, \
    quiet_start, quiet_end, starts_at, state, region_code, created_by, tested_at, materialised, \
    created_at, finished_at";

pub struct NewCampaign<'a> {
    pub code: &'a str,
    pub draft: &'a Draft,
    /// The region it was made for: an officer's scope (`None`: national).
    pub region: Option<&'a RegionCode>,
    pub created_by: Option<StaffId>,
    pub now: OffsetDateTime,
}

pub async fn create(store: &Store, new: &NewCampaign<'_>) -> Result<CampaignId, StoreError> {
    let d = new.draft;
    let row = sqlx::query(
        "INSERT INTO campaigns (code, name, body, image_url, button_label, audience, template, zone, \
         quiet_start, quiet_end, state, region_code, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $12, $13, $13) RETURNING id",
    )
    .bind(new.code)
    .bind(d.name.trim())
    .bind(d.body.trim())
    .bind(d.image_url.clone())
    .bind(d.button.clone())
    .bind(json(&d.audience)?)
    .bind(d.template.as_ref().map(json).transpose()?)
    .bind(d.zone.as_str())
    .bind(i64::from(d.quiet.start))
    .bind(i64::from(d.quiet.end))
    .bind(new.region.map(|r| r.as_str().to_owned()))
    .bind(new.created_by.map(|s| s.0))
    .bind(millis(new.now))
    .fetch_one(store.pool())
    .await?;
    Ok(CampaignId(row.try_get("id")?))
}

/// Rewrite a draft (only while it is one); false when it is no longer a draft.
pub async fn update_draft(
    store: &Store,
    id: CampaignId,
    d: &Draft,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE campaigns SET name = $2, body = $3, image_url = $4, button_label = $5, audience = $6, \
         template = $7, zone = $8, quiet_start = $9, quiet_end = $10, tested_at = NULL, updated_at = $11 \
         WHERE id = $1 AND state = 'draft'",
    )
    .bind(id.0)
    .bind(d.name.trim())
    .bind(d.body.trim())
    .bind(d.image_url.clone())
    .bind(d.button.clone())
    .bind(json(&d.audience)?)
    .bind(d.template.as_ref().map(json).transpose()?)
    .bind(d.zone.as_str())
    .bind(i64::from(d.quiet.start))
    .bind(i64::from(d.quiet.end))
    .bind(millis(now))
    .execute(store.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn load(store: &Store, id: CampaignId) -> Result<Option<Campaign>, StoreError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM campaigns WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(store.pool())
        .await?;
    row.as_ref().map(read).transpose()
}

/// Newest first; a regional officer sees the campaigns made for their region and below.
pub async fn list(store: &Store, scope: Option<&RegionCode>) -> Result<Vec<Campaign>, StoreError> {
    let rows = match scope {
        None => {
            sqlx::query(&format!("SELECT {COLUMNS} FROM campaigns ORDER BY id DESC"))
                .fetch_all(store.reader())
                .await?
        }
        Some(region) => {
            sqlx::query(&format!(
                "SELECT {COLUMNS} FROM campaigns WHERE region_code = $1 OR region_code LIKE $2 ORDER BY id DESC"
            ))
            .bind(region.as_str())
            .bind(format!("{}.%", region.as_str()))
            .fetch_all(store.reader())
            .await?
        }
    };
    rows.iter().map(read).collect()
}

/// Move a campaign from one of `from` to `to` (and set its start time when given); false
/// when it was in none of them, so two clicks or two instances change it once.
pub async fn set_state(
    tx: &mut Tx,
    id: CampaignId,
    from: &[CampaignState],
    to: CampaignState,
    starts_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let finished = matches!(to, CampaignState::Done | CampaignState::Cancelled);
    let sql = format!(
        "UPDATE campaigns SET state = $2, updated_at = $3, starts_at = COALESCE($4, starts_at), \
         finished_at = CASE WHEN $5 = 1 THEN $3 ELSE finished_at END \
         WHERE id = $1 AND state IN ({})",
        placeholders(from.len(), 6)
    );
    let mut query = sqlx::query(&sql)
        .bind(id.0)
        .bind(to.as_str())
        .bind(millis(now))
        .bind(starts_at.map(millis))
        .bind(i64::from(finished));
    for state in from {
        query = query.bind(state.as_str());
    }
    Ok(query.execute(&mut **tx).await?.rows_affected() == 1)
}

pub async fn mark_tested(
    store: &Store,
    id: CampaignId,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE campaigns SET tested_at = $2, updated_at = $2 WHERE id = $1")
        .bind(id.0)
        .bind(millis(now))
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Scheduled campaigns whose time has come.
pub async fn due_to_start(
    store: &Store,
    now: OffsetDateTime,
) -> Result<Vec<CampaignId>, StoreError> {
    let rows = sqlx::query("SELECT id FROM campaigns WHERE state = 'scheduled' AND starts_at <= $1 ORDER BY starts_at, id")
        .bind(millis(now))
        .fetch_all(store.pool())
        .await?;
    rows.iter()
        .map(|r| Ok(CampaignId(r.try_get("id")?)))
        .collect()
}

pub async fn running(store: &Store) -> Result<Vec<Campaign>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM campaigns WHERE state = 'running' ORDER BY id"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(read).collect()
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| corrupt("campaign", e))
}

fn read(r: &AnyRow) -> Result<Campaign, StoreError> {
    let text = |name: &str| -> Result<String, StoreError> { Ok(r.try_get::<String, _>(name)?) };
    let maybe = |name: &str| -> Result<Option<String>, StoreError> {
        Ok(r.try_get::<Option<String>, _>(name)?)
    };
    let time = |name: &str| -> Result<Option<OffsetDateTime>, StoreError> {
        Ok(r.try_get::<Option<i64>, _>(name)?.map(from_millis))
    };
    let minutes = |name: &str| -> Result<u16, StoreError> {
        u16::try_from(r.try_get::<i64, _>(name)?).map_err(|e| corrupt("campaign quiet hours", e))
    };
    let audience: Audience =
        serde_json::from_str(&text("audience")?).map_err(|e| corrupt("campaign audience", e))?;
    let template: Option<WaTemplate> = maybe("template")?
        .map(|t| serde_json::from_str(&t))
        .transpose()
        .map_err(|e| corrupt("campaign template", e))?;
    let zone = text("zone")?;
    let state = text("state")?;
    Ok(Campaign {
        id: CampaignId(r.try_get("id")?),
        code: text("code")?,
        draft: Draft {
            name: text("name")?,
            body: text("body")?,
            image_url: maybe("image_url")?,
            button: maybe("button_label")?,
            audience,
            template,
            zone: Zone::parse(&zone).ok_or_else(|| corrupt("campaign zone", &zone))?,
            quiet: Quiet {
                start: minutes("quiet_start")?,
                end: minutes("quiet_end")?,
            },
        },
        state: CampaignState::parse(&state).ok_or_else(|| corrupt("campaign state", &state))?,
        starts_at: time("starts_at")?,
        region: maybe("region_code")?
            .map(|c| RegionCode::parse(&c).map_err(|e| corrupt("campaign region", e)))
            .transpose()?,
        created_by: r.try_get::<Option<i64>, _>("created_by")?.map(StaffId),
        tested_at: time("tested_at")?,
        materialised: r.try_get::<i64, _>("materialised")? != 0,
        created_at: from_millis(r.try_get("created_at")?),
        finished_at: time("finished_at")?,
    })
}
