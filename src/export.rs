//! `pandu leads export`: every lead as CSV with stable columns, streamed.

use crate::store::leads::{LeadRow, stream_all};
use crate::store::{Store, StoreError};
use futures_util::TryStreamExt;
use std::io::Write;
use time::format_description::well_known::Rfc3339;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("writing the export: {0}")]
    Csv(#[from] csv::Error),
}

pub const COLUMNS: [&str; 20] = [
    "lead_id",
    "created_at",
    "channel",
    "region_code",
    "region_name",
    "business_name",
    "owner_name",
    "phone",
    "category",
    "product",
    "sni_number",
    "sni_mandatory",
    "scale",
    "outcome_code",
    "notes",
    "status",
    "documents_received",
    "documents_total",
    "source",
    "rules_version",
];

pub async fn write_csv(store: &Store, out: impl Write) -> Result<u64, ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let mut rows = std::pin::pin!(stream_all(store));
    let mut count = 0;
    while let Some(lead) = rows.try_next().await? {
        writer.write_record(record(&lead))?;
        count += 1;
    }
    writer.flush().map_err(csv::Error::from)?;
    Ok(count)
}

fn record(l: &LeadRow) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let notes: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(&l.notes)
        .unwrap_or_default()
        .iter()
        .filter_map(|n| n.get("note").and_then(|v| v.as_str()).map(str::to_owned))
        .collect();
    [
        l.id.to_string(),
        l.created_at.format(&Rfc3339).unwrap_or_default(),
        l.channel.clone(),
        l.region_code.clone(),
        l.region_name.clone(),
        l.business_name.clone(),
        l.owner_name.clone(),
        opt(&l.phone),
        opt(&l.category),
        l.product_name.clone(),
        opt(&l.sni_number),
        if l.sni_mandatory { "ya" } else { "tidak" }.to_owned(),
        opt(&l.scale),
        l.outcome.clone(),
        notes.join(";"),
        l.status.clone(),
        l.documents_received.to_string(),
        l.documents_total.to_string(),
        opt(&l.source),
        l.rules_version.clone(),
    ]
    .into_iter()
    .map(neutralise)
    .collect()
}

/// Spreadsheet programs run cells starting with these characters as formulas.
pub fn neutralise(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}
