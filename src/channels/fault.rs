//! What was wrong with a platform's JSON, said without any of its content. serde's own
//! messages quote the offending value (`invalid type: string "0812…"`), and that value can
//! be a phone number, a message id or the user's text: none of it may reach the logs.

use serde_json::error::Category;
use std::fmt;

/// The kind of a JSON parse failure, safe to log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonFault {
    /// A field our type requires is absent. The name is one of our own field names (serde
    /// takes it from the type), never something the sender wrote.
    MissingField(String),
    InvalidType,
    InvalidValue,
    InvalidLength,
    UnknownVariant,
    DuplicateField,
    /// Not JSON at all, or cut short.
    Syntax,
    Other,
}

impl JsonFault {
    pub fn of(error: &serde_json::Error) -> Self {
        match error.classify() {
            Category::Syntax | Category::Eof => return Self::Syntax,
            Category::Io => return Self::Other,
            Category::Data => {}
        }
        let message = error.to_string();
        if let Some(field) = missing_field(&message) {
            return Self::MissingField(field);
        }
        let kinds = [
            ("invalid type", Self::InvalidType),
            ("invalid value", Self::InvalidValue),
            ("invalid length", Self::InvalidLength),
            ("unknown variant", Self::UnknownVariant),
            ("duplicate field", Self::DuplicateField),
        ];
        kinds
            .into_iter()
            .find(|(prefix, _)| message.starts_with(prefix))
            .map_or(Self::Other, |(_, kind)| kind)
    }
}

/// The field name of serde's "missing field `name`", if it looks like one of ours.
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    let name = &rest[..rest.find('`')?];
    let ours = !name.is_empty()
        && name.len() <= 32
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    ours.then(|| name.to_owned())
}

impl fmt::Display for JsonFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingField(name) => write!(f, "missing_field:{name}"),
            Self::InvalidType => f.write_str("invalid_type"),
            Self::InvalidValue => f.write_str("invalid_value"),
            Self::InvalidLength => f.write_str("invalid_length"),
            Self::UnknownVariant => f.write_str("unknown_variant"),
            Self::DuplicateField => f.write_str("duplicate_field"),
            Self::Syntax => f.write_str("syntax"),
            Self::Other => f.write_str("other"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::JsonFault;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Status {
        id: String,
        status: String,
    }

    fn fault(json: &str) -> String {
        JsonFault::of(&serde_json::from_str::<Status>(json).unwrap_err()).to_string()
    }

    #[test]
    fn a_fault_names_our_field_or_its_kind_and_never_the_value() {
        assert_eq!(fault(r#"{"status": "read"}"#), "missing_field:id");
        let quoted = fault(r#"{"id": "wamid.1", "status": ["6281234567890"]}"#);
        assert_eq!(quoted, "invalid_type");
        assert_eq!(
            fault(r#"{"id": 6281234567890, "status": "read"}"#),
            "invalid_type"
        );
        assert_eq!(fault(r#"{"id": "6281234567890"#), "syntax");
    }
}
