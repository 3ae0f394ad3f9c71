//! Lead exports with stable columns: CSV for `pandu leads export` and the dashboard, XLSX for
//! the dashboard. Rows are read page by page; cells that a spreadsheet would run as a
//! formula are neutralised.

mod stream;
mod xlsx;

pub use stream::csv_stream;
pub use xlsx::write_xlsx;

use crate::access::Scope;
use crate::store::dashboard::{LeadFilter, LeadSummary, for_each};
use crate::store::{Store, StoreError};
use std::io::Write;
use time::format_description::well_known::Rfc3339;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("writing the export: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing the spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("the spreadsheet worker stopped: {0}")]
    Worker(#[from] tokio::task::JoinError),
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

/// CSV; with `excel_bom` a UTF-8 byte-order mark first, so Excel reads the accents right.
pub async fn write_csv(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
    out: impl Write,
    excel_bom: bool,
) -> Result<u64, ExportError> {
    let mut out = out;
    if excel_bom {
        out.write_all("\u{feff}".as_bytes())
            .map_err(csv::Error::from)?;
    }
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let mut failed = None;
    let count = for_each(store, scope, filter, |lead| {
        if let Err(e) = writer.write_record(record(lead)) {
            failed = Some(e);
        }
        Ok(())
    })
    .await?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    writer.flush().map_err(csv::Error::from)?;
    Ok(count)
}

/// A CSV row: the fields, with formula-like cells neutralised.
pub fn record(l: &LeadSummary) -> Vec<String> {
    fields(l).into_iter().map(neutralise).collect()
}

/// The fields of one lead in column order, as they are.
fn fields(l: &LeadSummary) -> Vec<String> {
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
    .to_vec()
}

/// Spreadsheet programs run cells starting with these characters as formulas.
pub fn neutralise(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}
