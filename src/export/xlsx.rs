//! XLSX in constant-memory mode. Building the sheet and its zip is CPU work, so it runs on a
//! blocking thread; the async side reads pages and hands them over a small channel.

use super::{COLUMNS, ExportError, Words, fields};
use crate::access::Scope;
use crate::store::Store;
use crate::store::dashboard::{LeadFilter, LeadSummary, Pages};
use std::path::{Path, PathBuf};
use tokio::sync::mpsc;

/// Write every matching lead to `path`; the number of leads written.
pub async fn write_xlsx(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
    words: Words,
    path: &Path,
) -> Result<u64, ExportError> {
    // Two pages in flight: reading and writing overlap, memory stays flat.
    let (pages_tx, pages_rx) = mpsc::channel(2);
    let path: PathBuf = path.to_owned();
    let worker = tokio::task::spawn_blocking(move || write_sheet(pages_rx, &words, &path));
    let mut pages = Pages::new(scope.clone(), filter.clone());
    let read = async {
        while let Some(leads) = pages.next(store).await? {
            if pages_tx.send(leads).await.is_err() {
                break; // the worker failed; its error is the one to report
            }
        }
        Ok::<_, ExportError>(())
    }
    .await;
    drop(pages_tx);
    let written = worker.await??;
    read?;
    Ok(written)
}

fn write_sheet(
    mut pages: mpsc::Receiver<Vec<LeadSummary>>,
    words: &Words,
    path: &Path,
) -> Result<u64, ExportError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name("Leads")?;
    for (col, name) in COLUMNS.iter().enumerate() {
        sheet.write_string(0, col as u16, *name)?;
    }
    let mut row = 0u32;
    while let Some(leads) = pages.blocking_recv() {
        for lead in &leads {
            row += 1;
            for (col, cell) in fields(lead, words).iter().enumerate() {
                // Written as text, never as a formula.
                sheet.write_string(row, col as u16, cell)?;
            }
        }
    }
    workbook.save(path)?;
    Ok(u64::from(row))
}
