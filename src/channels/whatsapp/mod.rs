//! The WhatsApp channel (Cloud API): a signed webhook into the inbox, a worker that runs
//! messages through the conversation, and a sender that respects the 24-hour window.

pub mod client;
pub mod inbox;
pub mod intake;
pub mod payload;
pub mod render;
pub mod sender;

use crate::config::WhatsappConfig;
use crate::service::Service;
use axum::Router;

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

    pub fn spawn(&self, tasks: &mut tokio::task::JoinSet<()>) {
        tasks.spawn(inbox::InboxWorker::new(self.client.clone(), self.service.clone()).run());
        tasks.spawn(
            sender::Sender::new(self.client.clone(), self.service.clone(), &self.config).run(),
        );
    }
}
