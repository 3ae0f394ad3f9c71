//! Building a query whose WHERE clause depends on filters, with numbered placeholders that
//! both engines accept.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Arguments};

#[derive(Debug, Clone)]
pub enum Bind {
    Text(String),
    Int(i64),
}

#[derive(Debug, Default)]
pub struct Sql {
    pub text: String,
    binds: Vec<Bind>,
    /// Planned for its values each time, never from a cached generic plan.
    one_off: bool,
}

impl Sql {
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            binds: Vec::new(),
            one_off: false,
        }
    }

    /// Register a value and return its placeholder (`$3`).
    pub fn arg(&mut self, bind: Bind) -> String {
        self.binds.push(bind);
        format!("${}", self.binds.len())
    }

    pub fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// For a query whose best plan depends on a value (a search text): PostgreSQL switches a
    /// prepared statement to one generic plan after a few runs, which suits no text well.
    pub fn plan_each_time(&mut self) -> &mut Self {
        self.one_off = true;
        self
    }

    pub fn query(&self) -> Query<'_, Any, AnyArguments<'_>> {
        let mut args = AnyArguments::default();
        for bind in &self.binds {
            // Adding a String or i64 to Any's arguments cannot fail.
            let _ = match bind {
                Bind::Text(s) => args.add(s.clone()),
                Bind::Int(n) => args.add(*n),
            };
        }
        sqlx::query_with(&self.text, args).persistent(!self.one_off)
    }
}

/// `($1, $2), ($3, $4)`: placeholders for a multi-row VALUES list, `rows` rows of `columns`
/// values each, numbered from `$first`.
pub fn values(rows: usize, columns: usize, first: usize) -> String {
    let mut out = String::with_capacity(rows * columns * 5);
    for row in 0..rows {
        if row > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for column in 0..columns {
            if column > 0 {
                out.push_str(", ");
            }
            out.push_str(&format!("${}", first + row * columns + column));
        }
        out.push(')');
    }
    out
}

/// Bind each id in turn (for an `IN (…)` list made by [`list`]).
pub fn bind_ids<'q>(
    mut query: Query<'q, Any, AnyArguments<'q>>,
    ids: &[i64],
) -> Query<'q, Any, AnyArguments<'q>> {
    for id in ids {
        query = query.bind(*id);
    }
    query
}

/// Bind each user key in turn (for an `IN (…)` list made by [`list`]).
pub fn bind_keys<'q>(
    mut query: Query<'q, Any, AnyArguments<'q>>,
    users: &[&'q crate::domain::UserKey],
) -> Query<'q, Any, AnyArguments<'q>> {
    for user in users {
        query = query.bind(user.as_str());
    }
    query
}

/// Extend the lease of claimed rows of a queue table still in `held` status, so a short
/// lease only runs out when the worker holding it is gone.
pub async fn renew_lease(
    pool: &sqlx::AnyPool,
    table: &'static str,
    held: &'static str,
    ids: &[i64],
    until: i64,
) -> Result<(), sqlx::Error> {
    if ids.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "UPDATE {table} SET lease_until = $1 WHERE status = '{held}' AND id IN ({})",
        list(ids.len(), 2)
    );
    bind_ids(sqlx::query(&sql).bind(until), ids)
        .execute(pool)
        .await?;
    Ok(())
}

/// Which of `users` a `SELECT user_key … WHERE channel = $1 AND …` query finds.
pub async fn keys_among(
    pool: &sqlx::AnyPool,
    select: &str,
    channel: crate::domain::ChannelKind,
    users: &[&crate::domain::UserKey],
) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    use sqlx::Row;
    if users.is_empty() {
        return Ok(Default::default());
    }
    let sql = format!("{select} AND user_key IN ({})", list(users.len(), 2));
    let query = bind_keys(sqlx::query(&sql).bind(channel.as_str()), users);
    query
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| r.try_get("user_key"))
        .collect()
}

/// `$3, $4, $5`: placeholders for an `IN (…)` list of `count` values from `$first`.
pub fn list(count: usize, first: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_number_on_across_rows() {
        assert_eq!(super::values(2, 3, 2), "($2, $3, $4), ($5, $6, $7)");
        assert_eq!(super::list(3, 4), "$4, $5, $6");
    }
}
