//! Typed configuration from the environment (and `.env`, loaded by `main`).
//! Every variable is documented with its default in `.env.example`.

use crate::domain::Locale;
use crate::reference::ReferencePaths;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

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
    /// Dashboard cookies carry `Secure` and the `__Host-` prefix: set explicitly, or implied by
    /// an https `PANDU_PUBLIC_URL`.
    pub secure_cookies: bool,
    pub http: HttpConfig,
    /// Seconds a worker holds a claimed item before another instance may take it over.
    pub lease_seconds: u32,
    pub reference: ReferencePaths,
    /// Where staff open the dashboard (links in referral notices).
    pub public_url: url::Url,
    pub referrals: ReferralConfig,
    /// Follow-ups other than the shipped ones (`PANDU_FOLLOW_UPS_PATH`).
    pub follow_ups_path: Option<PathBuf>,
    /// Present when `TELEGRAM_BOT_TOKEN` is set.
    pub telegram: Option<TelegramConfig>,
    /// Present when `WHATSAPP_ACCESS_TOKEN` is set.
    pub whatsapp: Option<WhatsappConfig>,
}

/// What every HTTP listener allows a client, and whom it believes about addresses.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// A request's headers must arrive within this; an idle keep-alive connection is closed
    /// after it too (hyper starts the timer as soon as a connection waits for a request).
    pub header_timeout: Duration,
    /// Longest wait for the next piece of a request body.
    pub body_timeout: Duration,
    /// A whole request (body read and handler) must finish within this.
    pub request_timeout: Duration,
    /// Open connections at once; further clients wait in the kernel's backlog.
    pub max_connections: usize,
    /// Proxies whose `X-Forwarded-For` is believed (exact addresses).
    pub trusted_proxies: Vec<IpAddr>,
    /// `/metrics` on its own listener (an internal address), not on `PANDU_HTTP_ADDR`.
    pub metrics_addr: Option<SocketAddr>,
    /// `/metrics` on `PANDU_HTTP_ADDR` for `Authorization: Bearer <token>`.
    pub metrics_token: Option<String>,
}

/// How long a consultant has to answer, and how many try before the dinas is alerted.
#[derive(Debug, Clone)]
pub struct ReferralConfig {
    pub sla: time::Duration,
    pub max_offers: u32,
}

/// An approved WhatsApp template: its name and language code.
pub use crate::message::TemplateRef as TemplateName;

#[derive(Clone)]
pub struct WhatsappConfig {
    /// Graph API base, version included (`https://graph.facebook.com/v21.0`).
    pub api_url: url::Url,
    pub access_token: String,
    pub phone_number_id: String,
    /// Signs every webhook POST (X-Hub-Signature-256).
    pub app_secret: String,
    /// Answers Meta's webhook verification.
    pub verify_token: String,
    /// Messages per second from this business number (Meta's default throughput is 80).
    pub per_second: u32,
    pub max_attempts: u32,
    /// Templates for messages outside the 24-hour window; a kind without one is held.
    pub templates: std::collections::HashMap<crate::message::TemplateKind, TemplateName>,
    /// The WhatsApp Business Account that owns the templates, for checking one before a
    /// campaign uses it; without it templates are not checked.
    pub business_account_id: Option<String>,
}

/// Tokens and secrets never reach a log.
impl std::fmt::Debug for WhatsappConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WhatsappConfig")
            .field("api_url", &self.api_url.as_str())
            .field("phone_number_id", &self.phone_number_id)
            .field("per_second", &self.per_second)
            .field("business_account_id", &self.business_account_id)
            .finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct TelegramConfig {
    pub token: String,
    pub api_url: url::Url,
    /// Webhook mode when set; long polling otherwise.
    pub webhook_url: Option<url::Url>,
    pub webhook_secret: Option<String>,
    /// Pause between two messages to one chat (Telegram allows about one a second).
    pub per_chat_interval: std::time::Duration,
    /// Messages per second over all chats (Telegram's bulk limit is about 30).
    pub global_per_second: u32,
    /// Sending attempts before a message ends as failed.
    pub max_attempts: u32,
    /// The bot's @username, for staff link URLs (`https://t.me/<bot>?start=link-…`).
    pub bot_username: Option<String>,
    /// Campaign notices go as paid broadcasts (`allow_paid_broadcast`: up to 1000 a second,
    /// 0.1 Stars each from the bot's balance); replies never do.
    pub paid_broadcast: bool,
}

/// The token is a secret: it never reaches a log.
impl std::fmt::Debug for TelegramConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TelegramConfig")
            .field("api_url", &self.api_url.as_str())
            .field(
                "webhook_url",
                &self.webhook_url.as_ref().map(url::Url::as_str),
            )
            .field("per_chat_interval", &self.per_chat_interval)
            .field("global_per_second", &self.global_per_second)
            .field("paid_broadcast", &self.paid_broadcast)
            .finish_non_exhaustive()
    }
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests can configure without touching the process env.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut config = Self::read(lookup)?;
        // A dashboard reached over https never sends its session cookie in the clear.
        config.secure_cookies |= config.public_url.scheme() == "https";
        Ok(config)
    }

    fn read(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let path = |name: &str| get(name).map(PathBuf::from);
        Ok(Self {
            database_url: get("DATABASE_URL").unwrap_or_else(|| "sqlite://pandu.db".into()),
            documents_dir: path("PANDU_DOCUMENTS_DIR").unwrap_or_else(|| "pandu-documents".into()),
            follow_ups_path: path("PANDU_FOLLOW_UPS_PATH"),
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
            secure_cookies: parsed(&get, "PANDU_SECURE_COOKIES", false, "true or false")?,
            http: http(&get)?,
            lease_seconds: parsed(
                &get,
                "PANDU_WORKER_LEASE_SECONDS",
                5,
                "a whole number of seconds",
            )?,
            reference: ReferencePaths {
                regions: path("PANDU_REGIONS_PATH"),
                catalogue: path("PANDU_CATALOGUE_PATH"),
                rules: path("PANDU_RULES_PATH"),
                referrals: path("PANDU_REFERRALS_PATH"),
            },
            public_url: match parsed_opt::<url::Url>(&get, "PANDU_PUBLIC_URL", "a URL")? {
                Some(url) => url,
                None => url::Url::parse(&format!(
                    "http://{}",
                    get("PANDU_HTTP_ADDR").unwrap_or_else(|| "127.0.0.1:8080".into())
                ))
                .map_err(|_| ConfigError::Invalid {
                    name: "PANDU_HTTP_ADDR",
                    value: String::new(),
                    expected: "host:port",
                })?,
            },
            referrals: ReferralConfig {
                // Hours, fractions allowed (tests run a whole SLA in seconds).
                sla: time::Duration::seconds_f64(
                    parsed(
                        &get,
                        "PANDU_REFERRAL_SLA_HOURS",
                        48.0f64,
                        "a number of hours",
                    )?
                    .clamp(0.0001, 24.0 * 365.0)
                        * 3600.0,
                ),
                max_offers: parsed(&get, "PANDU_REFERRAL_MAX_OFFERS", 3, "a whole number")?.max(1),
            },
            telegram: telegram(&get)?,
            whatsapp: whatsapp(&get)?,
        })
    }
}

fn http(get: &impl Fn(&str) -> Option<String>) -> Result<HttpConfig, ConfigError> {
    let seconds = |name, default: u64| -> Result<Duration, ConfigError> {
        parsed(get, name, default, "a whole number of seconds")
            .map(|s| Duration::from_secs(s.max(1)))
    };
    let trusted_proxies = match get("PANDU_TRUSTED_PROXIES") {
        None => Vec::new(),
        Some(list) => list
            .split(',')
            .map(|a| a.trim().parse())
            .collect::<Result<_, _>>()
            .map_err(|_| ConfigError::Invalid {
                name: "PANDU_TRUSTED_PROXIES",
                value: list.clone(),
                expected: "IP addresses separated by commas",
            })?,
    };
    Ok(HttpConfig {
        header_timeout: seconds("PANDU_HTTP_HEADER_TIMEOUT_SECS", 10)?,
        body_timeout: seconds("PANDU_HTTP_BODY_TIMEOUT_SECS", 10)?,
        request_timeout: seconds("PANDU_HTTP_REQUEST_TIMEOUT_SECS", 30)?,
        max_connections: parsed(
            get,
            "PANDU_HTTP_MAX_CONNECTIONS",
            512usize,
            "a whole number",
        )?
        .max(1),
        trusted_proxies,
        metrics_addr: parsed_opt(get, "PANDU_METRICS_ADDR", "host:port")?,
        metrics_token: get("PANDU_METRICS_TOKEN"),
    })
}

fn telegram(get: &impl Fn(&str) -> Option<String>) -> Result<Option<TelegramConfig>, ConfigError> {
    let Some(token) = get("TELEGRAM_BOT_TOKEN") else {
        return Ok(None);
    };
    let default_api = url::Url::parse("https://api.telegram.org").expect("a valid URL");
    let webhook_url = parsed_opt::<url::Url>(get, "TELEGRAM_WEBHOOK_URL", "an https URL")?;
    let webhook_secret = get("TELEGRAM_WEBHOOK_SECRET");
    if let Some(secret) = &webhook_secret {
        let ok = (1..=256).contains(&secret.len())
            && secret
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !ok {
            return Err(ConfigError::Invalid {
                name: "TELEGRAM_WEBHOOK_SECRET",
                value: "(hidden)".into(),
                expected: "1-256 characters of A-Z a-z 0-9 _ -",
            });
        }
    }
    if webhook_url.is_some() && webhook_secret.is_none() {
        return Err(ConfigError::Invalid {
            name: "TELEGRAM_WEBHOOK_SECRET",
            value: String::new(),
            expected: "set whenever TELEGRAM_WEBHOOK_URL is set",
        });
    }
    Ok(Some(TelegramConfig {
        token,
        api_url: parsed(get, "TELEGRAM_API_URL", default_api, "a URL")?,
        webhook_url,
        webhook_secret,
        per_chat_interval: std::time::Duration::from_millis(parsed(
            get,
            "TELEGRAM_PER_CHAT_INTERVAL_MS",
            1000,
            "milliseconds",
        )?),
        global_per_second: parsed(get, "TELEGRAM_GLOBAL_PER_SECOND", 30, "messages per second")?,
        max_attempts: parsed(get, "TELEGRAM_MAX_ATTEMPTS", 5, "a whole number")?,
        bot_username: get("TELEGRAM_BOT_USERNAME").map(|u| u.trim_start_matches('@').to_owned()),
        paid_broadcast: parsed(get, "TELEGRAM_PAID_BROADCAST", false, "true or false")?,
    }))
}

fn whatsapp(get: &impl Fn(&str) -> Option<String>) -> Result<Option<WhatsappConfig>, ConfigError> {
    let Some(access_token) = get("WHATSAPP_ACCESS_TOKEN") else {
        return Ok(None);
    };
    let required = |name: &'static str| {
        get(name).ok_or(ConfigError::Invalid {
            name,
            value: String::new(),
            expected: "set whenever WHATSAPP_ACCESS_TOKEN is set",
        })
    };
    let default_api = url::Url::parse("https://graph.facebook.com/v21.0").expect("a valid URL");
    Ok(Some(WhatsappConfig {
        api_url: parsed(get, "WHATSAPP_API_URL", default_api, "a URL")?,
        access_token,
        phone_number_id: required("WHATSAPP_PHONE_NUMBER_ID")?,
        app_secret: required("WHATSAPP_APP_SECRET")?,
        verify_token: required("WHATSAPP_VERIFY_TOKEN")?,
        per_second: parsed(get, "WHATSAPP_PER_SECOND", 80, "messages per second")?,
        max_attempts: parsed(get, "WHATSAPP_MAX_ATTEMPTS", 6, "a whole number")?,
        templates: templates(get),
        business_account_id: get("WHATSAPP_BUSINESS_ACCOUNT_ID"),
    }))
}

/// The variable that names a kind's template (none for kinds that carry their own).
fn template_var(kind: crate::message::TemplateKind) -> Option<&'static str> {
    use crate::message::TemplateKind;
    Some(match kind {
        TemplateKind::ReferralNotice => "WHATSAPP_TEMPLATE_REFERRAL_NOTICE",
        TemplateKind::ReferralReminder => "WHATSAPP_TEMPLATE_REFERRAL_REMINDER",
        TemplateKind::ReferralAccepted => "WHATSAPP_TEMPLATE_REFERRAL_ACCEPTED",
        TemplateKind::ReferralEscalated => "WHATSAPP_TEMPLATE_REFERRAL_ESCALATED",
        TemplateKind::StaffReply => "WHATSAPP_TEMPLATE_STAFF_REPLY",
        TemplateKind::Campaign | TemplateKind::FollowUp => return None,
    })
}

/// `WHATSAPP_TEMPLATE_<KIND>=name` or `name:language`; the language defaults to
/// `WHATSAPP_TEMPLATE_LANGUAGE` (id).
fn templates(
    get: &impl Fn(&str) -> Option<String>,
) -> std::collections::HashMap<crate::message::TemplateKind, TemplateName> {
    let language = get("WHATSAPP_TEMPLATE_LANGUAGE").unwrap_or_else(|| "id".into());
    crate::message::TemplateKind::ALL
        .iter()
        .filter_map(|kind| {
            let value = get(template_var(*kind)?)?;
            let (name, lang) = match value.split_once(':') {
                Some((name, lang)) => (name.trim().to_owned(), lang.trim().to_owned()),
                None => (value, language.clone()),
            };
            Some((
                *kind,
                TemplateName {
                    name,
                    language: lang,
                },
            ))
        })
        .collect()
}

fn parsed_opt<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    expected: &'static str,
) -> Result<Option<T>, ConfigError> {
    get(name)
        .map(|value| {
            value.parse().map_err(|_| ConfigError::Invalid {
                name,
                value,
                expected,
            })
        })
        .transpose()
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
    fn paid_broadcasts_and_the_business_account_are_read() {
        let vars = [
            ("TELEGRAM_BOT_TOKEN", "1:x"),
            ("TELEGRAM_PAID_BROADCAST", "true"),
            ("WHATSAPP_ACCESS_TOKEN", "t"),
            ("WHATSAPP_PHONE_NUMBER_ID", "1"),
            ("WHATSAPP_APP_SECRET", "s"),
            ("WHATSAPP_VERIFY_TOKEN", "v"),
            ("WHATSAPP_BUSINESS_ACCOUNT_ID", "2045678901"),
        ];
        let lookup = |n: &str| vars.iter().find(|(k, _)| *k == n).map(|(_, v)| (*v).into());
        let config = Config::from_lookup(lookup).unwrap();
        assert!(config.telegram.unwrap().paid_broadcast);
        let whatsapp = config.whatsapp.unwrap();
        assert_eq!(whatsapp.business_account_id.as_deref(), Some("2045678901"));
        let off = Config::from_lookup(|n| (n == "TELEGRAM_BOT_TOKEN").then(|| "1:x".into()));
        assert!(!off.unwrap().telegram.unwrap().paid_broadcast);
    }

    #[test]
    fn an_https_dashboard_gets_secure_cookies_and_proxies_are_addresses() {
        let vars = [
            ("PANDU_PUBLIC_URL", "https://pandu.example.id"),
            ("PANDU_TRUSTED_PROXIES", "10.0.0.2, ::1"),
        ];
        let lookup = |n: &str| vars.iter().find(|(k, _)| *k == n).map(|(_, v)| (*v).into());
        let config = Config::from_lookup(lookup).unwrap();
        assert!(config.secure_cookies);
        assert_eq!(config.http.trusted_proxies.len(), 2);
        assert!(!Config::from_lookup(|_| None).unwrap().secure_cookies);
        let bad =
            Config::from_lookup(|n| (n == "PANDU_TRUSTED_PROXIES").then(|| "10.0.0.0/8".into()));
        assert!(
            bad.unwrap_err()
                .to_string()
                .contains("PANDU_TRUSTED_PROXIES")
        );
    }

    #[test]
    fn bad_values_name_the_variable() {
        let err = Config::from_lookup(|n| (n == "PANDU_DOCUMENT_MAX_MB").then(|| "lots".into()))
            .unwrap_err();
        assert!(err.to_string().contains("PANDU_DOCUMENT_MAX_MB"), "{err}");
    }
}
