//! The dashboard's CSV as a stream: the header at once, then each page of leads as the
//! store returns it, so the first byte leaves before the last row is read and nothing larger
//! than a page is ever held.

use super::{COLUMNS, ExportError, Words, record};
use crate::access::Scope;
use crate::store::Store;
use crate::store::dashboard::{LeadFilter, LeadSummary, Pages};
use futures_util::{Stream, StreamExt, stream};

/// CSV chunks (UTF-8 with a BOM, so Excel reads the accents right).
pub fn csv_stream(
    store: Store,
    scope: Scope,
    filter: LeadFilter,
    words: Words,
) -> impl Stream<Item = Result<Vec<u8>, ExportError>> + Send + 'static {
    let header = encode(|w| w.write_record(COLUMNS)).map(|mut h| {
        h.splice(0..0, "\u{feff}".bytes());
        h
    });
    let pages = Pages::new(scope, filter);
    let rows = stream::try_unfold(
        (store, pages, words),
        |(store, mut pages, words)| async move {
            match pages.next(&store).await? {
                Some(leads) => Ok(Some((encode_rows(&leads, &words)?, (store, pages, words)))),
                None => Ok(None),
            }
        },
    );
    stream::once(async move { header }).chain(rows)
}

fn encode_rows(leads: &[LeadSummary], words: &Words) -> Result<Vec<u8>, ExportError> {
    encode(|w| {
        leads
            .iter()
            .try_for_each(|lead| w.write_record(record(lead, words)))
    })
}

/// Whatever `write` writes, as CSV bytes (each chunk quoted exactly as one writer would).
fn encode(
    write: impl FnOnce(&mut csv::Writer<Vec<u8>>) -> Result<(), csv::Error>,
) -> Result<Vec<u8>, ExportError> {
    let mut writer = super::writer(Vec::new());
    write(&mut writer)?;
    writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))
}
