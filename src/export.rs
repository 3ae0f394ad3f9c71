//! Lead exports with stable columns: CSV for `pandu leads export` and the dashboard, XLSX for
//! the dashboard. Rows are read page by page. In the CSV every field is quoted and no cell
//! can start a formula, however a spreadsheet splits it (see [`neutralise`]); phone numbers
//! are written in a form spreadsheets keep as text (see [`spreadsheet_phone`]).

mod stream;
mod xlsx;

pub use stream::csv_stream;
pub use xlsx::write_xlsx;

use crate::access::Scope;
use crate::domain::Locale;
use crate::flow::Msg;
use crate::i18n::Texts;
use crate::labels::stored;
use crate::parse::{PhoneNumber, one_line};
use crate::store::dashboard::{LeadFilter, LeadSummary, for_each};
use crate::store::{Store, StoreError};
use std::io::Write;
use std::sync::Arc;
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

/// Machines read the codes; people read the `_label` columns, in the export's language. New
/// columns are only ever added at the end.
pub const COLUMNS: [&str; 25] = [
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
    "channel_label",
    "category_label",
    "scale_label",
    "outcome_label",
    "status_label",
];

/// The language the `_label` columns are written in.
#[derive(Clone)]
pub struct Words {
    texts: Arc<Texts>,
    locale: Locale,
}

impl Words {
    pub fn new(texts: Arc<Texts>, locale: Locale) -> Self {
        Self { texts, locale }
    }

    /// A stored code in words; empty where there is no code, the code where it is unknown.
    fn of(&self, code: &str, label: Option<Msg>) -> String {
        match label {
            Some(msg) => self.texts.render(self.locale, &msg),
            None => code.to_owned(),
        }
    }
}

/// CSV; with `excel_bom` a UTF-8 byte-order mark first, so Excel reads the accents right.
pub async fn write_csv(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
    words: &Words,
    out: impl Write,
    excel_bom: bool,
) -> Result<u64, ExportError> {
    let mut out = out;
    if excel_bom {
        out.write_all("\u{feff}".as_bytes())
            .map_err(csv::Error::from)?;
    }
    let mut writer = writer(out);
    writer.write_record(COLUMNS)?;
    let mut failed = None;
    let count = for_each(store, scope, filter, |lead| {
        if let Err(e) = writer.write_record(record(lead, words)) {
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

/// A CSV writer that quotes every field: a reader that guesses the separator (`;` in
/// Indonesian Excel) then still sees one field where Pandu wrote one.
pub fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(out)
}

/// A CSV row: the fields made safe for spreadsheets.
pub fn record(l: &LeadSummary, words: &Words) -> Vec<String> {
    COLUMNS
        .iter()
        .zip(fields(l, words))
        .map(|(column, value)| csv_cell(column, &value))
        .collect()
}

/// One field as the CSV holds it. Names are one line without hidden controls even when
/// stored before Pandu cleaned them; the phone in its spreadsheet form.
fn csv_cell(column: &str, value: &str) -> String {
    match column {
        "phone" => neutralise(&spreadsheet_phone(value)),
        "business_name" | "owner_name" => neutralise(&one_line(value)),
        _ => neutralise(value),
    }
}

/// A stored "+62…" number as spreadsheets keep it: the national form in groups of four,
/// "0812-3456-7890". Written as "+6281234567890", Excel reads a number (losing the plus,
/// shown as 6,28E+12) or a formula; "081234567890" loses its leading zero; a `'` in front
/// shows up in the cell. With the hyphens the cell is text in Excel, LibreOffice and
/// Google Sheets, and `PhoneNumber::parse` reads it back. Anything else stays as stored.
pub fn spreadsheet_phone(stored: &str) -> String {
    match PhoneNumber::parse(stored) {
        Ok(number) => number.national_grouped(),
        Err(_) => stored.to_owned(),
    }
}

/// The fields of one lead in column order, as they are.
fn fields(l: &LeadSummary, words: &Words) -> Vec<String> {
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
        words.of(&l.channel, stored::channel(&l.channel)),
        l.category
            .as_deref()
            .map_or_else(String::new, |c| words.of(c, stored::category(c))),
        l.scale
            .as_deref()
            .map_or_else(String::new, |c| words.of(c, stored::scale(c))),
        words.of(&l.outcome, stored::outcome(&l.outcome)),
        words.of(&l.status, stored::status(&l.status)),
    ]
    .to_vec()
}

/// What starts a formula in a spreadsheet cell.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// Where a spreadsheet may start a new cell inside a field: the list separators of Excel's
/// locales (`,`, and `;` in Indonesian settings), tab, and line ends.
const SEPARATORS: [char; 5] = [',', ';', '\t', '\n', '\r'];

/// The cell with a `'` before every formula trigger that could start a cell: at the start
/// of the field and after any separator inside it (spaces between skipped), so that however
/// a spreadsheet splits the field, no piece runs as a formula. Quoting alone is not enough:
/// opened with another separator, or pasted, a quoted field is split again.
pub fn neutralise(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len() + 1);
    let mut cell_starts = true;
    for c in cell.chars() {
        if cell_starts && TRIGGERS.contains(&c) {
            out.push('\'');
        }
        out.push(c);
        cell_starts = SEPARATORS.contains(&c) || (cell_starts && c == ' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{SEPARATORS, TRIGGERS, neutralise, spreadsheet_phone};

    /// Every piece the cell could be split into, as a spreadsheet would start it.
    fn pieces(cell: &str) -> Vec<&str> {
        cell.split(SEPARATORS)
            .map(|p| p.trim_start_matches(' '))
            .collect()
    }

    #[test]
    fn no_piece_of_a_cell_starts_a_formula() {
        let cases = [
            ("Toko Maju;=1+1", "Toko Maju;'=1+1"),
            ("a,=cmd|x", "a,'=cmd|x"),
            ("Toko\n@SUM(A1:A9)", "Toko\n'@SUM(A1:A9)"),
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("\t=1", "'\t'=1"),
            ("a\r\n-2", "a\r\n'-2"),
            ("a; +1", "a; '+1"),
            ("Keripik Bu Siti", "Keripik Bu Siti"),
            ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z"),
            ("a-b, c=d", "a-b, c=d"),
        ];
        for (cell, want) in cases {
            let safe = neutralise(cell);
            assert_eq!(safe, want, "{cell:?}");
            for piece in pieces(&safe) {
                assert!(!piece.starts_with(TRIGGERS), "{cell:?} → {piece:?}");
            }
        }
    }

    #[test]
    fn phones_are_written_as_text_spreadsheets_keep() {
        assert_eq!(spreadsheet_phone("+6281234567890"), "0812-3456-7890");
        assert_eq!(spreadsheet_phone("+62812345678"), "0812-3456-78");
        assert_eq!(spreadsheet_phone(""), "");
        assert_eq!(
            neutralise(&spreadsheet_phone("+6281234567890")),
            "0812-3456-7890"
        );
        assert_eq!(neutralise(&spreadsheet_phone("+1 555")), "'+1 555");
    }
}
