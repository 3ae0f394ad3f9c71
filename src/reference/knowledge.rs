//! The knowledge base: owners' questions ("harus bayar gk?", "sni itu apa?") and the
//! answer to each, kept as data (`locales/knowledge.toml` for the phrasings, the answers
//! in `locales/<lang>/knowledge.ftl`).

use super::ReferenceError;
use serde::Deserialize;

const ORIGIN: &str = "knowledge.toml";

/// One thing owners ask about, and the Fluent id of its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    /// Fluent id of the answer. Reference data is loaded once per process, so the id is
    /// leaked to get the `'static` lifetime that messages carry.
    pub answer: &'static str,
}

/// What a message asks, if it asks anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked<'k> {
    /// A question the knowledge base answers.
    Known(&'k Topic),
    /// A question, but not one the knowledge base knows: staff answer it.
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Knowledge {
    topics: Vec<Topic>,
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    topic: Vec<RawTopic>,
}

#[derive(Deserialize)]
struct RawTopic {
    id: String,
    answer: String,
}

impl Knowledge {
    pub fn from_toml(text: &str) -> Result<Self, ReferenceError> {
        let file: File = toml::from_str(text).map_err(|e| ReferenceError::syntax(ORIGIN, e))?;
        let topics = file
            .topic
            .into_iter()
            .map(|t| Topic {
                id: t.id,
                answer: t.answer.leak(),
            })
            .collect();
        Ok(Self { topics })
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// None when the message does not ask anything.
    pub fn lookup(&self, text: &str) -> Option<Asked<'_>> {
        looks_like_question(text).then_some(Asked::Unknown)
    }
}

/// A question mark, or an Indonesian/English question word.
pub fn looks_like_question(text: &str) -> bool {
    text.contains('?')
}
