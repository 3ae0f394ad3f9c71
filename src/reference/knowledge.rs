//! The knowledge base: owners' questions ("harus bayar gk?", "sni itu apa?") and the
//! answer to each, kept as data (`locales/knowledge.toml` for the phrasings, the answers
//! in `locales/<lang>/knowledge.ftl`).
//!
//! A topic is reached by its keyword groups (`all`: one term of every group must occur)
//! or by one of its `phrases`; a `none` term rules the topic out. The topic covering the
//! most words of the message wins; on a tie, the one earlier in the file.

mod words;

#[cfg(test)]
mod tests;

pub use words::looks_like_question;

use super::ReferenceError;
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::{BTreeMap, HashSet};
use words::{Term, tokens};

const ORIGIN: &str = "knowledge.toml";
const ANSWER_PREFIX: &str = "kb-";

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
    /// Parallel to `topics`.
    rules: Vec<Rule>,
}

#[derive(Debug, Clone)]
struct Rule {
    all: Vec<Vec<Term>>,
    phrases: Vec<Term>,
    none: Vec<Term>,
}

impl Rule {
    /// Words of the message the topic accounts for; 0 when it does not match.
    fn score(&self, tokens: &[String]) -> usize {
        if self.none.iter().any(|t| t.found_in(tokens)) {
            return 0;
        }
        // An exact phrase beats the same words found as loose keywords.
        let phrase = self
            .phrases
            .iter()
            .filter(|t| t.found_in(tokens))
            .map(|t| t.len() + 1)
            .max()
            .unwrap_or(0);
        // Every group must contribute; a topic without groups contributes 0 here.
        let groups: Option<usize> = self
            .all
            .iter()
            .map(|group| {
                group
                    .iter()
                    .filter(|t| t.found_in(tokens))
                    .map(Term::len)
                    .max()
            })
            .sum();
        phrase.max(groups.unwrap_or(0))
    }
}

/// Unknown keys are collected rather than refused by serde, so the error can name the
/// topic and the key a dinas officer mistyped.
type Unknown = BTreeMap<String, IgnoredAny>;

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    topic: Vec<RawTopic>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Deserialize)]
struct RawTopic {
    id: String,
    answer: String,
    #[serde(default)]
    all: Vec<Vec<String>>,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    none: Vec<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

const TOPIC_FIELDS: &str = "id, answer, all, phrases, none";

impl Knowledge {
    pub fn from_toml(text: &str) -> Result<Self, ReferenceError> {
        let file: File = toml::from_str(text).map_err(|e| ReferenceError::syntax(ORIGIN, e))?;
        if let Some(key) = file.unknown.keys().next() {
            return Err(ReferenceError::field(
                ORIGIN,
                key,
                "unknown field (expected [[topic]])",
            ));
        }
        if file.topic.is_empty() {
            return Err(ReferenceError::field(ORIGIN, "topic", "no topics"));
        }
        let mut ids = HashSet::new();
        let mut topics = Vec::with_capacity(file.topic.len());
        let mut rules = Vec::with_capacity(file.topic.len());
        for (index, raw) in file.topic.into_iter().enumerate() {
            let label = format!("topic #{} (id {:?})", index + 1, raw.id);
            let fail = |field: &str, problem: &str| {
                ReferenceError::field(ORIGIN, format!("{label}.{field}"), problem)
            };
            if let Some(key) = raw.unknown.keys().next() {
                return Err(fail(
                    key,
                    &format!("unknown field (expected {TOPIC_FIELDS})"),
                ));
            }
            if !is_slug(&raw.id) {
                return Err(fail(
                    "id",
                    "use lowercase letters, digits and single hyphens",
                ));
            }
            if !ids.insert(raw.id.clone()) {
                return Err(fail("id", "duplicate id"));
            }
            let valid_answer = raw.answer.strip_prefix(ANSWER_PREFIX).is_some_and(is_slug);
            if !valid_answer {
                return Err(fail("answer", "must be a Fluent id starting with \"kb-\""));
            }
            if raw.all.is_empty() && raw.phrases.is_empty() {
                return Err(fail(
                    "all",
                    "no keyword groups and no phrases: nothing can reach this topic",
                ));
            }
            let all = raw
                .all
                .iter()
                .enumerate()
                .map(|(g, group)| {
                    if group.is_empty() {
                        return Err(fail(&format!("all[{}]", g + 1), "empty group"));
                    }
                    terms(group, &format!("all[{}]", g + 1), &fail)
                })
                .collect::<Result<Vec<_>, _>>()?;
            rules.push(Rule {
                all,
                phrases: terms(&raw.phrases, "phrases", &fail)?,
                none: terms(&raw.none, "none", &fail)?,
            });
            topics.push(Topic {
                id: raw.id,
                answer: raw.answer.leak(),
            });
        }
        Ok(Self { topics, rules })
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The same question asked on the LSPro route (a mandatory SNI, or a business above
    /// small): what SNI Bina UMK costs is then beside the point; what an LSPro costs is not.
    pub fn on_lspro_route<'k>(&'k self, topic: &'k Topic) -> &'k Topic {
        match (topic.id.as_str(), self.get("biaya-lspro")) {
            ("biaya-bina-umk", Some(lspro)) => lspro,
            _ => topic,
        }
    }

    pub fn get(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// None when the message does not ask anything.
    pub fn lookup(&self, text: &str) -> Option<Asked<'_>> {
        if !looks_like_question(text) {
            return None;
        }
        let tokens = tokens(text);
        let mut best: Option<(&Topic, usize)> = None;
        for (topic, rule) in self.topics.iter().zip(&self.rules) {
            let score = rule.score(&tokens);
            // Strictly greater: on a tie the earlier topic in the file stays.
            if score > 0 && best.is_none_or(|(_, top)| score > top) {
                best = Some((topic, score));
            }
        }
        Some(best.map_or(Asked::Unknown, |(topic, _)| Asked::Known(topic)))
    }
}

fn terms(
    texts: &[String],
    field: &str,
    fail: &impl Fn(&str, &str) -> ReferenceError,
) -> Result<Vec<Term>, ReferenceError> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| Term::parse(text).map_err(|p| fail(&format!("{field}[{}]", i + 1), p)))
        .collect()
}

fn is_slug(text: &str) -> bool {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    !text.is_empty()
        && text.chars().all(allowed)
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
}
