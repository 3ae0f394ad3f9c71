//! Typed configuration from the environment (and `.env`, loaded by `main`).
//! Every variable is documented with its default in `.env.example`.

use crate::domain::Locale;
use crate::reference::ReferencePaths;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name}={value:?} is not valid: {expected}")]
    Invalid {
        name: &'static str,
        value: String,
        expected: &'static str,
    },
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub documents_dir: PathBuf,
    pub document_max_bytes: u64,
    pub default_locale: Locale,
    pub retention_months: u32,
    pub help_contact: Option<String>,
    pub http_addr: SocketAddr,
    pub reference: ReferencePaths,
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests can configure without touching the process env.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let path = |name: &str| get(name).map(PathBuf::from);
        Ok(Self {
            database_url: get("DATABASE_URL").unwrap_or_else(|| "sqlite://pandu.db".into()),
            documents_dir: path("PANDU_DOCUMENTS_DIR").unwrap_or_else(|| "pandu-documents".into()),
            document_max_bytes: parsed(
                &get,
                "PANDU_DOCUMENT_MAX_MB",
                20u64,
                "a whole number of megabytes",
            )? * 1024
                * 1024,
            default_locale: match get("PANDU_DEFAULT_LOCALE") {
                None => Locale::Id,
                Some(v) => Locale::parse(&v).ok_or(ConfigError::Invalid {
                    name: "PANDU_DEFAULT_LOCALE",
                    value: v,
                    expected: "id or en",
                })?,
            },
            retention_months: parsed(
                &get,
                "PANDU_RETENTION_MONTHS",
                24,
                "a whole number of months",
            )?,
            help_contact: get("PANDU_HELP_CONTACT"),
            http_addr: parsed(
                &get,
                "PANDU_HTTP_ADDR",
                SocketAddr::from(([127, 0, 0, 1], 8080)),
                "host:port",
            )?,
            reference: ReferencePaths {
                regions: path("PANDU_REGIONS_PATH"),
                catalogue: path("PANDU_CATALOGUE_PATH"),
                rules: path("PANDU_RULES_PATH"),
            },
        })
    }
}

fn parsed<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: T,
    expected: &'static str,
) -> Result<T, ConfigError> {
    match get(name) {
        None => Ok(default),
        Some(value) => value.parse().map_err(|_| ConfigError::Invalid {
            name,
            value,
            expected,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_settings() {
        let config = Config::from_lookup(|_| None).unwrap();
        assert_eq!(config.database_url, "sqlite://pandu.db");
        assert_eq!(config.document_max_bytes, 20 * 1024 * 1024);
        assert_eq!(config.default_locale, Locale::Id);
        assert_eq!(config.http_addr.to_string(), "127.0.0.1:8080");
    }

    #[test]
    fn bad_values_name_the_variable() {
        let err = Config::from_lookup(|n| (n == "PANDU_DOCUMENT_MAX_MB").then(|| "lots".into()))
            .unwrap_err();
        assert!(err.to_string().contains("PANDU_DOCUMENT_MAX_MB"), "{err}");
    }
}
