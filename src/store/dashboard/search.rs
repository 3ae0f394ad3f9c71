//! The list's search box: a substring of the business name, the owner's name or the phone,
//! case-insensitive, the user's text taken literally. Served by an index on both engines:
//! SQLite's FTS5 trigram table `leads_search`, PostgreSQL's pg_trgm GIN indexes.

use crate::store::Backend;
use crate::store::sql::{Bind, Sql};

/// Appends ` AND <matches text>`; blank text restricts nothing.
pub(super) fn restrict(sql: &mut Sql, backend: Backend, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let digits = phone_digits(text);
    // Trigrams need three characters; shorter text falls back to a scan, as before.
    match backend {
        Backend::Sqlite if text.chars().count() >= 3 => fts(sql, text, digits.as_deref()),
        _ => like(sql, text, digits.as_deref()),
    }
}

fn fts(sql: &mut Sql, text: &str, digits: Option<&str>) {
    // One quoted FTS5 string matches its characters in a row: a substring, and no operator
    // (`*`, `:`, `OR`, `NEAR`…) in the user's text means anything.
    let mut query = fts_string(text);
    if let Some(d) = digits.filter(|d| d.len() >= 3) {
        query.push_str(&format!(" OR phone : {}", fts_string(d)));
    }
    let p = sql.arg(Bind::Text(query));
    sql.push(&format!(
        " AND id IN (SELECT rowid FROM leads_search WHERE leads_search MATCH {p})"
    ));
}

fn fts_string(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

fn like(sql: &mut Sql, text: &str, digits: Option<&str>) {
    let pattern = |s: &str| Bind::Text(format!("%{}%", like_literal(&s.to_lowercase())));
    let p = sql.arg(pattern(text));
    let d = sql.arg(pattern(digits.unwrap_or(text)));
    // lower() as in the PostgreSQL trigram indexes, so they serve this predicate.
    sql.push(&format!(
        " AND (LOWER(business_name) LIKE {p} ESCAPE '\\' OR LOWER(owner_name) LIKE {p} ESCAPE '\\' \
         OR phone LIKE {p} ESCAPE '\\' OR phone LIKE {d} ESCAPE '\\')"
    ));
}

/// User text inside a LIKE pattern matches literally: `%`, `_` and `\` are escaped.
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Text typed as a phone number ("0812-3456 78") in the stored form's digits ("62812345678"):
/// phones are kept as +62…, which the user rarely types.
fn phone_digits(text: &str) -> Option<String> {
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c))
    {
        return None;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.strip_prefix('0') {
        Some(national) => format!("62{national}"),
        None => digits,
    };
    (digits.len() >= 3 && digits != text).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_like_text_becomes_the_stored_digits() {
        assert_eq!(phone_digits("0812-3456 78").as_deref(), Some("62812345678"));
        assert_eq!(phone_digits("+62 812").as_deref(), Some("62812"));
        assert_eq!(phone_digits("3456"), None, "already as stored");
        assert_eq!(phone_digits("kopi 12"), None);
    }

    #[test]
    fn fts_text_is_one_literal_string() {
        assert_eq!(fts_string(r#"a "b" OR c*"#), r#""a ""b"" OR c*""#);
    }
}
