//! The WhatsApp channel (Cloud API): a signed webhook into the inbox, a worker that runs
//! messages through the conversation, and a sender that respects the 24-hour window.

pub mod client;
pub mod error;
pub mod inbox;
pub mod intake;
pub mod payload;
pub mod render;
pub mod sender;
pub mod templates;

use crate::channels::{inbox::InboxWorker, sender::Sender};
use crate::config::WhatsappConfig;
use crate::service::Service;
use axum::Router;
use tokio_util::sync::CancellationToken;

pub struct Whatsapp {
    pub client: client::Client,
    pub service: Service,
    pub config: WhatsappConfig,
}

impl Whatsapp {
    pub fn new(service: Service, config: WhatsappConfig) -> Self {
        Self {
            client: client::Client::new(&config),
            service,
            config,
        }
    }

    /// `GET`/`POST /webhooks/whatsapp`, to mount on the HTTP server.
    pub fn webhook(&self) -> Router {
        intake::router(self.service.clone(), &self.config)
    }

    /// Start the workers on `tasks`; they stop when `shutdown` is cancelled, after finishing
    /// what they hold.
    pub fn spawn(&self, tasks: &mut tokio::task::JoinSet<()>, shutdown: &CancellationToken) {
        let reader = inbox::WhatsappReader::new(self.client.clone(), self.service.clone());
        let worker = InboxWorker::new(reader, self.service.clone());
        tasks.spawn(worker.run(shutdown.clone()));
        let platform =
            sender::WhatsappPlatform::new(self.client.clone(), &self.service, &self.config);
        let sender = Sender::new(
            platform,
            self.service.clone(),
            self.config.max_attempts,
            sender::BACKOFF,
        );
        tasks.spawn(sender.run(shutdown.clone()));
    }
}
