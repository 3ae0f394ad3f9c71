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
}

impl Sql {
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            binds: Vec::new(),
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

    pub fn query(&self) -> Query<'_, Any, AnyArguments<'_>> {
        let mut args = AnyArguments::default();
        for bind in &self.binds {
            // Adding a String or i64 to Any's arguments cannot fail.
            let _ = match bind {
                Bind::Text(s) => args.add(s.clone()),
                Bind::Int(n) => args.add(*n),
            };
        }
        sqlx::query_with(&self.text, args)
    }
}
