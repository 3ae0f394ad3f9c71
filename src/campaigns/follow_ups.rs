//! Follow-ups as data, like RapidPro's campaign events: a message some time after a lead got
//! an outcome ("7 days after perlu_nib: has your NIB come?"), or after a check was left
//! unfinished. Read from `reference/follow_ups.toml` (or `PANDU_FOLLOW_UPS_PATH`).

use crate::flow::OutcomeCode;
use crate::message::TemplateRef;
use serde::Deserialize;
use time::Duration;

pub const DEFAULT: &str = include_str!("../reference/follow_ups.toml");

/// What starts a follow-up's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// A check ended with this outcome.
    Outcome(OutcomeCode),
    /// A check was left before its result (measured from the owner's last message).
    Unfinished,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// Stable key, stored with each scheduled follow-up.
    pub key: String,
    pub trigger: Trigger,
    pub after: Duration,
    /// Fluent id of the message (read once at start, so kept for the process's life).
    pub message: &'static str,
    /// Fluent id of a "check again" button's label.
    pub recheck_button: Option<&'static str>,
    /// For WhatsApp contacts outside the 24-hour window.
    pub template: Option<TemplateRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FollowUps(Vec<FollowUp>);

#[derive(Debug, thiserror::Error)]
pub enum FollowUpError {
    #[error("follow-ups file: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("follow-up {key:?}: {why}")]
    Invalid { key: String, why: &'static str },
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    follow_up: Vec<Raw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    key: String,
    when: String,
    after_days: Option<i64>,
    after_hours: Option<i64>,
    message: String,
    recheck_button: Option<String>,
    whatsapp_template: Option<String>,
}

/// Message ids are `&'static str` like every other; follow-ups are read once at start.
fn leak(id: String) -> &'static str {
    Box::leak(id.into_boxed_str())
}

impl FollowUps {
    pub fn parse(text: &str) -> Result<Self, FollowUpError> {
        let file: File = toml::from_str(text)?;
        let mut out: Vec<FollowUp> = Vec::new();
        for raw in file.follow_up {
            let invalid = |why| FollowUpError::Invalid {
                key: raw.key.clone(),
                why,
            };
            let trigger = match raw.when.split_once(':') {
                None if raw.when == "unfinished" => Trigger::Unfinished,
                Some(("outcome", code)) => {
                    Trigger::Outcome(OutcomeCode::parse(code).ok_or(invalid("unknown outcome"))?)
                }
                _ => return Err(invalid("`when` is `outcome:<code>` or `unfinished`")),
            };
            let after = match (raw.after_days, raw.after_hours) {
                (Some(d), None) if d > 0 => Duration::days(d),
                (None, Some(h)) if h > 0 => Duration::hours(h),
                _ => return Err(invalid("give one of after_days or after_hours, above 0")),
            };
            if trigger == Trigger::Unfinished && after >= Duration::hours(24) {
                return Err(invalid(
                    "an unfinished reminder must come inside WhatsApp's 24 hours",
                ));
            }
            if out.iter().any(|f| f.key == raw.key) {
                return Err(invalid("listed twice"));
            }
            let template = raw.whatsapp_template.map(|spec| {
                let (name, language) = spec.split_once(':').unwrap_or((&spec, "id"));
                TemplateRef {
                    name: name.trim().to_owned(),
                    language: language.trim().to_owned(),
                }
            });
            out.push(FollowUp {
                key: raw.key,
                trigger,
                after,
                message: leak(raw.message),
                recheck_button: raw.recheck_button.map(leak),
                template,
            });
        }
        Ok(Self(out))
    }

    pub fn load(path: Option<&std::path::Path>) -> Result<Self, FollowUpError> {
        match path {
            None => Self::parse(DEFAULT),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|_| FollowUpError::Invalid {
                    key: path.display().to_string(),
                    why: "cannot read the file",
                })?;
                Self::parse(&text)
            }
        }
    }

    /// The follow-ups a new result with this outcome starts.
    pub fn on_outcome(&self, code: OutcomeCode) -> impl Iterator<Item = &FollowUp> {
        self.0
            .iter()
            .filter(move |f| f.trigger == Trigger::Outcome(code))
    }

    pub fn unfinished(&self) -> Option<&FollowUp> {
        self.0.iter().find(|f| f.trigger == Trigger::Unfinished)
    }

    pub fn get(&self, key: &str) -> Option<&FollowUp> {
        self.0.iter().find(|f| f.key == key)
    }

    pub fn all(&self) -> &[FollowUp] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_follow_ups_load() {
        let f = FollowUps::parse(DEFAULT).unwrap();
        let nib: Vec<_> = f.on_outcome(OutcomeCode::PerluNib).collect();
        assert_eq!(nib.len(), 1);
        assert_eq!(nib[0].after, Duration::days(7));
        assert!(nib[0].recheck_button.is_some());
        assert!(f.unfinished().unwrap().after < Duration::hours(24));
    }

    #[test]
    fn mistakes_are_named() {
        let bad = |text: &str| FollowUps::parse(text).unwrap_err().to_string();
        let one = |when: &str, after: &str| {
            format!("[[follow_up]]\nkey = \"x\"\nwhen = \"{when}\"\n{after}\nmessage = \"m\"\n")
        };
        assert!(bad(&one("outcome:nope", "after_days = 1")).contains("unknown outcome"));
        assert!(bad(&one("sometimes", "after_days = 1")).contains("`when`"));
        assert!(bad(&one("unfinished", "after_hours = 30")).contains("24 hours"));
        assert!(bad(&one("unfinished", "after_hours = 0")).contains("above 0"));
        let twice = format!(
            "{}{}",
            one("unfinished", "after_hours = 2"),
            one("unfinished", "after_hours = 3")
        );
        assert!(bad(&twice).contains("twice"));
    }
}
