//! The list's search box: a substring of the business name, the owner's name or the phone,
//! case-insensitive, the user's text taken literally. Served by an index on both engines:
//! SQLite's FTS5 trigram table `leads_search`, PostgreSQL's pg_trgm GIN indexes.

use super::LeadFilter;
use crate::store::sql::{Bind, Sql};
use crate::store::{Backend, Store, StoreError};
use sqlx::Row;

/// How the search predicate is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SearchBy {
    /// SQLite: the matches from `leads_search`, whatever their number.
    TextIndex,
    /// LIKE on the columns: indexed by pg_trgm on PostgreSQL, a filter on each row read on
    /// SQLite (which also takes text shorter than a trigram this way).
    Pattern,
}

/// Matches of the trigram table beyond which a page is found sooner by reading the newest
/// leads until it is full (dense matches: a few thousand rows at most) than by sorting them.
const DENSE: i64 = 5000;

impl SearchBy {
    /// For reading every match (counts, the funnel).
    pub(super) fn for_all(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => Self::TextIndex,
            Backend::Postgres => Self::Pattern,
        }
    }

    /// For one page of the list. PostgreSQL's planner chooses between the same two ways
    /// itself (with statistics on the searched expressions); SQLite's has no statistics, so
    /// it is told, by counting matches up to [`DENSE`] (a couple of milliseconds).
    pub(super) async fn for_page(store: &Store, filter: &LeadFilter) -> Result<Self, StoreError> {
        let by = Self::for_all(store.backend());
        let Some(text) = filter.search.as_deref().map(str::trim) else {
            return Ok(by);
        };
        if by != Self::TextIndex || text.chars().count() < 3 {
            return Ok(by);
        }
        let matches: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM (SELECT rowid FROM leads_search WHERE leads_search MATCH $1 LIMIT $2) m",
        )
        .bind(fts_query(text, phone_digits(text).as_deref()))
        .bind(DENSE)
        .fetch_one(store.reader())
        .await?
        .try_get("n")?;
        Ok(if matches >= DENSE { Self::Pattern } else { by })
    }
}

/// Appends ` AND <matches text>`; blank text restricts nothing.
pub(super) fn restrict(sql: &mut Sql, by: SearchBy, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let digits = phone_digits(text);
    sql.plan_each_time();
    // Trigrams need three characters; shorter text is matched row by row, as before.
    if by == SearchBy::TextIndex && text.chars().count() >= 3 {
        fts(sql, text, digits.as_deref());
    } else {
        like(sql, text, digits.as_deref());
    }
}

fn fts(sql: &mut Sql, text: &str, digits: Option<&str>) {
    let p = sql.arg(Bind::Text(fts_query(text, digits)));
    sql.push(&format!(
        " AND id IN (SELECT rowid FROM leads_search WHERE leads_search MATCH {p})"
    ));
}

/// One quoted FTS5 string matches its characters in a row: a substring, and no operator
/// (`*`, `:`, `OR`, `NEAR`…) in the user's text means anything.
fn fts_query(text: &str, digits: Option<&str>) -> String {
    let mut query = fts_string(text);
    if let Some(d) = digits.filter(|d| d.len() >= 3) {
        query.push_str(&format!(" OR phone : {}", fts_string(d)));
    }
    query
}

fn fts_string(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

fn like(sql: &mut Sql, text: &str, digits: Option<&str>) {
    let pattern = |s: &str| Bind::Text(format!("%{}%", like_literal(&s.to_lowercase())));
    let p = sql.arg(pattern(text));
    let phone = match digits {
        Some(d) => format!(" OR phone LIKE {} ESCAPE '\\'", sql.arg(pattern(d))),
        None => String::new(),
    };
    // lower() as in the PostgreSQL trigram indexes, so they serve this predicate. (SQLite's
    // lower() folds ASCII only: there a non-ASCII capital matches in the trigram way only.)
    sql.push(&format!(
        " AND (LOWER(business_name) LIKE {p} ESCAPE '\\' OR LOWER(owner_name) LIKE {p} ESCAPE '\\' \
         OR phone LIKE {p} ESCAPE '\\'{phone})"
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
