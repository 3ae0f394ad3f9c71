//! A lead's timeline: its audit rows and notes, newest first, a page at a time. A lead
//! worked for months (or a script posting notes) has thousands of rows; a page shows
//! [`Page`]'s size and links the older ones.

use crate::domain::LeadId;
use crate::store::{Store, StoreError, from_millis};
use sqlx::Row;
use time::OffsetDateTime;

#[derive(Debug, Clone)]
pub struct TimelineEntry {
    pub at: OffsetDateTime,
    pub who: String,
    pub action: String,
    pub detail: String,
    /// Where the page after this entry starts.
    pub cursor: TimelineCursor,
}

/// A place in a timeline: the entry's time, its table (audit rows before notes at the same
/// millisecond) and its id, so the order is total and a page never repeats or skips a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineCursor {
    at: i64,
    kind: i64,
    id: i64,
}

impl TimelineCursor {
    /// Before every entry: the first page.
    const NEWEST: Self = Self {
        at: i64::MAX,
        kind: i64::MAX,
        id: i64::MAX,
    };

    /// `1717000000000_0_42` as the page links write it.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('_').map(|p| p.parse::<i64>().ok());
        let cursor = Self {
            at: parts.next()??,
            kind: parts.next()??,
            id: parts.next()??,
        };
        parts.next().is_none().then_some(cursor)
    }
}

impl std::fmt::Display for TimelineCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}_{}_{}", self.at, self.kind, self.id)
    }
}

/// One page of entries, and where the next (older) page starts when there is one.
#[derive(Debug, Clone)]
pub struct TimelinePage {
    pub entries: Vec<TimelineEntry>,
    pub older: Option<TimelineCursor>,
}

/// Up to `size` entries older than `before` (the newest without it), newest first. Call
/// only for a lead in scope.
pub async fn timeline(
    store: &Store,
    lead: LeadId,
    before: Option<TimelineCursor>,
    size: i64,
) -> Result<TimelinePage, StoreError> {
    let before = before.unwrap_or(TimelineCursor::NEWEST);
    // One row more than the page tells whether an older page exists.
    let rows = sqlx::query(
        "SELECT at, kind, id, who, action, detail FROM ( \
         SELECT a.created_at AS at, CAST(0 AS BIGINT) AS kind, a.id AS id, COALESCE(s.name, '') AS who, \
         a.action AS action, a.detail AS detail FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id \
         WHERE a.lead_id = $1 \
         UNION ALL SELECT n.created_at AS at, CAST(1 AS BIGINT) AS kind, n.id AS id, s.name AS who, \
         'note' AS action, n.body AS detail FROM lead_notes n JOIN staff s ON s.id = n.staff_id \
         WHERE n.lead_id = $1) t \
         WHERE (at, kind, id) < ($2, $3, $4) ORDER BY at DESC, kind DESC, id DESC LIMIT $5",
    )
    .bind(lead.0)
    .bind(before.at)
    .bind(before.kind)
    .bind(before.id)
    .bind(size + 1)
    .fetch_all(store.reader())
    .await?;
    let mut entries = rows.iter().map(entry).collect::<Result<Vec<_>, _>>()?;
    let older = (entries.len() as i64 > size).then(|| {
        entries.truncate(size as usize);
        entries.last().map(|e| e.cursor)
    });
    Ok(TimelinePage {
        entries,
        older: older.flatten(),
    })
}

fn entry(r: &sqlx::any::AnyRow) -> Result<TimelineEntry, sqlx::Error> {
    let at: i64 = r.try_get("at")?;
    Ok(TimelineEntry {
        at: from_millis(at),
        who: r.try_get("who")?,
        action: r.try_get("action")?,
        detail: r.try_get("detail")?,
        cursor: TimelineCursor {
            at,
            kind: r.try_get("kind")?,
            id: r.try_get("id")?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::TimelineCursor;

    #[test]
    fn cursors_read_back_what_links_write() {
        let c = TimelineCursor {
            at: 1_717_000_000_000,
            kind: 1,
            id: 42,
        };
        assert_eq!(TimelineCursor::parse(&c.to_string()), Some(c));
        for bad in ["", "1_2", "1_2_3_4", "a_1_2", "1__2"] {
            assert_eq!(TimelineCursor::parse(bad), None, "{bad:?}");
        }
    }
}
