//! Sending to WhatsApp for the shared sender, within Meta's rules: only inside the 24-hour
//! window, at the number's throughput, backing off on rate limits.

use super::client::{Client, WaError};
use super::render;
use crate::channels::reason::Reason;
use crate::channels::sender::{Platform, Verdict, pace};
use crate::channels::worker::Backoff;
use crate::config::{TemplateName, WhatsappConfig};
use crate::domain::ChannelKind;
use crate::flow::Msg;
use crate::message::{OutMessage, Outgoing, Template, TemplateKind};
use crate::service::Service;
use crate::store::{self, Store, StoreError, outbox::Claimed};
use governor::DefaultDirectRateLimiter;
use std::collections::HashMap;
use time::{Duration, OffsetDateTime};

/// Free-form messages are allowed this long after the user's last message.
pub use crate::domain::WHATSAPP_WINDOW as WINDOW;

/// Meta's advice for rate limits: back off 4^n seconds.
pub const BACKOFF: Backoff = Backoff {
    first: Duration::seconds(1),
    factor: 4,
    max: Duration::seconds(256),
};

/// Sends through the Cloud API for the shared sender, at the number's throughput.
pub struct WhatsappPlatform {
    client: Client,
    store: Store,
    limiter: DefaultDirectRateLimiter,
    per_second: u32,
    /// The label of the button that opens a list, in the default language.
    list_button: String,
    templates: HashMap<TemplateKind, TemplateName>,
}

impl WhatsappPlatform {
    pub fn new(client: Client, service: &Service, config: &WhatsappConfig) -> Self {
        let list_button = service
            .texts
            .render(service.settings.default_locale, &Msg::new("btn-list-open"));
        Self {
            client,
            store: service.store.clone(),
            limiter: pace(config.per_second),
            per_second: config.per_second.max(1),
            list_button,
            templates: config.templates.clone(),
        }
    }

    /// Inside the customer-service window: the contact wrote to us within 24 hours.
    async fn in_window(&self, message: &Claimed) -> Result<bool, StoreError> {
        let last = store::inbox::last_received(
            &self.store,
            ChannelKind::Whatsapp,
            message.recipient.as_str(),
        )
        .await?;
        Ok(last.is_some_and(|at| OffsetDateTime::now_utc() - at <= WINDOW))
    }
}

impl WhatsappPlatform {
    /// The message's template: the one it names, or the operator's for its kind.
    fn template_for<'a>(&'a self, out: &'a OutMessage) -> Option<(&'a Template, &'a TemplateName)> {
        let call = out.template.as_ref()?;
        let name = call
            .named
            .as_ref()
            .or_else(|| self.templates.get(&call.kind))?;
        Some((call, name))
    }
}

impl Platform for WhatsappPlatform {
    const CHANNEL: ChannelKind = ChannelKind::Whatsapp;
    const NAME: &'static str = "whatsapp sender";

    fn per_second(&self) -> u32 {
        self.per_second
    }

    async fn send(&self, message: &Claimed) -> Verdict {
        let Outgoing::Message(out) = &message.outgoing else {
            // Button acknowledgements are a Telegram matter; nothing to do here.
            return Verdict::Sent(None);
        };
        let to = message.recipient.as_str();
        let body = match self.in_window(message).await {
            Ok(true) => render::body(to, out, &self.list_button),
            Ok(false) => match self.template_for(out) {
                Some((call, name)) => render::template(to, call, name),
                None => return Verdict::Held(Reason::Rule("outside the 24-hour window")),
            },
            Err(e) => {
                tracing::warn!(error = %e, "whatsapp window not known; will retry");
                return Verdict::Retry(Reason::Rule("store unavailable"));
            }
        };
        self.limiter.until_ready().await;
        match self.client.send(&body).await {
            Ok(wamid) => Verdict::Sent(Some(wamid)),
            Err(e) => judge(e),
        }
    }
}

/// Rate-limit codes: throughput (130429), pair rate (131056), a throughput upgrade under
/// way (131057), the account's limit (80007), and Graph's app-level limits (4, 80004).
const RATE_LIMITS: [i64; 6] = [130429, 131056, 131057, 80007, 4, 80004];
/// Graph's refusal of a free-form message outside the 24-hour window.
const RE_ENGAGEMENT: i64 = 131047;

/// What one failed send means for its message, by Graph's code.
fn judge(error: WaError) -> Verdict {
    let why = Reason::Whatsapp(error);
    match error {
        WaError::Api { code, .. } if code == RE_ENGAGEMENT => Verdict::Held(why),
        WaError::Api { code, .. } if RATE_LIMITS.contains(&code) => Verdict::Retry(why),
        WaError::Api { http, .. } if http >= 500 => Verdict::Retry(why),
        WaError::Api { .. } => Verdict::Failed(why),
        WaError::Http(_)
        | WaError::Timeout
        | WaError::Network
        | WaError::Decode
        | WaError::Expired
        | WaError::TooLarge
        | WaError::Checksum => Verdict::Retry(why),
    }
}
