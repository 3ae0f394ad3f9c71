//! Logging. Handlers log ids and codes, never names, phone numbers or message text.

use tracing_subscriber::EnvFilter;

/// Logs go to stderr so that `pandu chat --json` keeps stdout for the protocol.
pub fn init(default_filter: &str) {
    let filter =
        EnvFilter::try_from_env("PANDU_LOG").unwrap_or_else(|_| EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
