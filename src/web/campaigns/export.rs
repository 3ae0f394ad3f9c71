//! A campaign's results per region as CSV or XLSX, with stable machine column names like
//! the leads export (and `pandu campaign stats --csv`). The sheet has a row per region, a
//! few hundred at most, so it is built in memory.

use super::{actor, campaign_id, unseen};
use crate::campaigns::CampaignId;
use crate::export::{self, neutralise};
use crate::store;
use crate::store::campaigns::{RegionResults, Results};
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::error::{WebError, WebResult};
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use time::OffsetDateTime;

/// The region's code and name, then the funnel's counts.
pub fn columns() -> Vec<&'static str> {
    let mut columns = vec!["region_code", "region_name"];
    columns.extend(RegionResults::COUNT_NAMES);
    columns
}

/// `GET /kampanye/{id}/hasil.csv` (UTF-8 with BOM, so Excel reads region names right).
pub async fn results_csv(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> WebResult {
    let (id, rows) = rows(&state, &signed, &id, "campaign_export_csv").await?;
    let mut out = export::writer("\u{feff}".as_bytes().to_vec());
    let written = out
        .write_record(columns())
        .and_then(|()| rows.iter().try_for_each(|r| out.write_record(r)));
    let bytes = written
        .map_err(|e| e.to_string())
        .and_then(|()| out.into_inner().map_err(|e| e.to_string()))
        .map_err(failed)?;
    Ok(attachment(bytes, "text/csv; charset=utf-8", id, "csv"))
}

/// `GET /kampanye/{id}/hasil.xlsx`
pub async fn results_xlsx(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> WebResult {
    let (id, rows) = rows(&state, &signed, &id, "campaign_export_xlsx").await?;
    let bytes = sheet(&rows).map_err(|e| failed(e.to_string()))?;
    let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(attachment(bytes, mime, id, "xlsx"))
}

/// The rows of a campaign the staff member may see (a region each, then the total),
/// audited as an export.
async fn rows(
    state: &AppState,
    signed: &Signed,
    id: &str,
    action: &str,
) -> Result<(CampaignId, Vec<Vec<String>>), WebError> {
    let actor = actor(state, signed)?;
    let id = campaign_id(id)?;
    let results = state
        .service
        .campaign_results(id, &actor)
        .await
        .map_err(unseen)?;
    let now = OffsetDateTime::now_utc();
    let detail = format!("campaign {id}");
    store::audit::log(
        &state.service.store,
        signed.staff.id,
        action,
        None,
        &detail,
        now,
    )
    .await?;
    Ok((id, records(state, &results)))
}

fn records(state: &AppState, results: &Results) -> Vec<Vec<String>> {
    let regions = &state.service.reference.regions;
    let name = |code: Option<&str>| {
        code.and_then(|c| regions.name_of_text(c))
            .unwrap_or_default()
            .to_owned()
    };
    let mut rows: Vec<Vec<String>> = results
        .regions
        .iter()
        .map(|r| {
            record(
                r.region.clone().unwrap_or_default(),
                name(r.region.as_deref()),
                r,
            )
        })
        .collect();
    rows.push(record("total".into(), String::new(), &results.total));
    rows
}

fn record(code: String, name: String, r: &RegionResults) -> Vec<String> {
    let counts = r.counts();
    let mut out = vec![neutralise(&code), neutralise(&name)];
    out.extend(counts.iter().map(i64::to_string));
    out
}

/// Names as text, counts as numbers (so the sheet can sum them).
fn sheet(rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Hasil")?;
    for (col, name) in columns().iter().enumerate() {
        sheet.write_string(0, col as u16, *name)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let at = i as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            match cell.parse::<i64>() {
                Ok(n) if col >= 2 => sheet.write_number(at, col as u16, n as f64)?,
                _ => sheet.write_string(at, col as u16, cell)?,
            };
        }
    }
    workbook.save_to_buffer()
}

fn failed(why: String) -> WebError {
    tracing::error!(error = %why, "campaign results export failed");
    WebError::Status(StatusCode::INTERNAL_SERVER_ERROR)
}

fn attachment(
    bytes: Vec<u8>,
    mime: &'static str,
    id: CampaignId,
    ext: &str,
) -> axum::response::Response {
    let disposition = format!("attachment; filename=\"kampanye-{id}-hasil.{ext}\"");
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}
