//! The Telegram channel: updates in through polling or a webhook, committed to the inbox;
//! a worker runs them through the conversation; a sender delivers the outbox.

pub mod error;
pub mod inbox;
pub mod intake;
pub mod photo;
pub mod render;
pub mod sender;
pub mod update;

use crate::channels::{inbox::InboxWorker, sender::Sender};
use crate::config::TelegramConfig;
use crate::service::Service;
use axum::Router;
use teloxide::prelude::*;
use teloxide::types::BotCommand;
use tokio_util::sync::CancellationToken;

/// Registering the bot failed; said by kind, as every Telegram error is.
#[derive(Debug, thiserror::Error)]
#[error("telegram setup: {0}")]
pub struct SetupError(pub error::TelegramError);

impl From<teloxide::RequestError> for SetupError {
    fn from(error: teloxide::RequestError) -> Self {
        Self(error.into())
    }
}

pub struct Telegram {
    pub bot: Bot,
    pub service: Service,
    pub config: TelegramConfig,
}

impl Telegram {
    pub fn new(service: Service, config: TelegramConfig) -> Self {
        // TELEGRAM_API_URL points requests and file downloads alike at another server.
        let bot = Bot::new(config.token.clone()).set_api_url(config.api_url.clone());
        Self {
            bot,
            service,
            config,
        }
    }

    /// Register the commands, then the webhook, or clear it for polling.
    pub async fn register(&self) -> Result<(), SetupError> {
        self.bot.set_my_commands(self.commands()).await?;
        match (&self.config.webhook_url, &self.config.webhook_secret) {
            (Some(url), Some(secret)) => {
                self.bot
                    .set_webhook(url.clone())
                    .secret_token(secret.clone())
                    .allowed_updates(intake::allowed_updates())
                    .await?;
            }
            _ => {
                self.bot.delete_webhook().await?;
            }
        }
        Ok(())
    }

    /// The webhook route to mount on the HTTP server, in webhook mode.
    pub fn webhook(&self) -> Option<Router> {
        let url = self.config.webhook_url.as_ref()?;
        let secret = self.config.webhook_secret.clone()?;
        Some(intake::webhook_router(
            url.path(),
            self.service.clone(),
            secret,
        ))
    }

    /// Start the workers (and the poller, without a webhook) on `tasks`; they stop when
    /// `shutdown` is cancelled, after finishing what they hold.
    pub fn spawn(&self, tasks: &mut tokio::task::JoinSet<()>, shutdown: &CancellationToken) {
        if self.config.webhook_url.is_none() {
            let poll = intake::poll(self.bot.clone(), self.service.clone(), shutdown.clone());
            tasks.spawn(poll);
        }
        let reader = inbox::TelegramReader::new(self.bot.clone(), self.service.clone());
        let worker = InboxWorker::new(reader, self.service.clone());
        tasks.spawn(worker.run(shutdown.clone()));
        let platform = sender::TelegramPlatform::new(self.bot.clone(), &self.config);
        let sender = Sender::new(
            platform,
            self.service.clone(),
            self.config.max_attempts,
            sender::BACKOFF,
        );
        tasks.spawn(sender.run(shutdown.clone()));
    }

    /// The slash commands, described in Indonesian in the Telegram menu.
    fn commands(&self) -> Vec<BotCommand> {
        let locale = crate::domain::Locale::Id;
        let describe = |id| {
            self.service
                .texts
                .render(locale, &crate::flow::Msg::new(id))
        };
        [
            ("start", "cmd-start"),
            ("bantuan", "cmd-bantuan"),
            ("kembali", "cmd-kembali"),
            ("status", "cmd-status"),
            ("dokumen", "cmd-dokumen"),
            ("lewati", "cmd-lewati"),
            ("batal", "cmd-batal"),
            ("ulang", "cmd-ulang"),
            ("bahasa", "cmd-bahasa"),
            ("hapus", "cmd-hapus"),
        ]
        .into_iter()
        .map(|(command, id)| BotCommand::new(command, describe(id)))
        .collect()
    }
}
