//! Wiring: configuration in, a ready service out. Used by `main` and by the tests.

use crate::campaigns::follow_ups::FollowUps;
use crate::config::Config;
use crate::documents::DocumentStore;
use crate::i18n::Texts;
use crate::reference::{Reference, ReferenceError};
use crate::service::{Service, Settings, Wake, intake::Intake};
use crate::store::{Store, StoreError};
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("reference data: {0}")]
    Reference(#[from] ReferenceError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    FollowUps(#[from] crate::campaigns::follow_ups::FollowUpError),
}

pub async fn build(config: &Config) -> Result<Service, StartError> {
    let reference = Reference::load(&config.reference)?;
    let follow_ups = FollowUps::load(config.follow_ups_path.as_deref())?;
    let store = Store::connect(&config.database_url).await?;
    let wake = Arc::new(Wake::default());
    Ok(Service {
        intake: Intake::start(store.clone(), wake.clone()),
        template_checker: config
            .whatsapp
            .as_ref()
            .and_then(crate::channels::whatsapp::templates::checker),
        store,
        reference: Arc::new(reference),
        texts: Arc::new(Texts::embedded(config.help_contact.clone())),
        documents: DocumentStore::new(&config.documents_dir),
        wake,
        settings: Settings {
            default_locale: config.default_locale,
            retention_months: config.retention_months,
            document_max_bytes: config.document_max_bytes,
            lease: time::Duration::seconds(i64::from(config.lease_seconds)),
            referrals: config.referrals.clone(),
            dashboard_url: config.public_url.as_str().trim_end_matches('/').to_owned(),
            follow_ups: Arc::new(follow_ups),
            bot_username: config
                .telegram
                .as_ref()
                .and_then(|t| t.bot_username.clone()),
        },
    })
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Start(#[from] StartError),
    #[error(transparent)]
    Telegram(#[from] crate::channels::telegram::SetupError),
    #[error("HTTP server: {0}")]
    Http(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// `pandu serve`: the HTTP server (health, webhooks), the channel workers and the daily
/// retention purge, until `shutdown` resolves. Tests run it on a random port.
pub async fn serve(
    config: &Config,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let service = build(config).await?;
    let mut tasks = tokio::task::JoinSet::new();
    let stop_workers = CancellationToken::new();
    let telegram_bot = config
        .telegram
        .as_ref()
        .and_then(|t| t.bot_username.clone());
    let state = crate::web::AppState::new(service.clone(), config.secure_cookies, telegram_bot)
        .with_http(&config.http);
    if let Some(path) = crate::web::setup_link(&state).await? {
        // Printed, not logged: the link is a secret that works once.
        eprintln!(
            "\nNo admin yet. Create the first one in the browser: http://{}{path}\n",
            listener.local_addr()?
        );
    }
    let mut router = crate::web::router(state.clone());
    match &config.telegram {
        Some(telegram) => {
            let channel =
                crate::channels::telegram::Telegram::new(service.clone(), telegram.clone());
            channel.register().await?;
            if let Some(webhook) = channel.webhook() {
                router = router.merge(webhook);
            }
            channel.spawn(&mut tasks, &stop_workers);
            let mode = if telegram.webhook_url.is_some() {
                "webhook"
            } else {
                "long polling"
            };
            tracing::info!(mode, "telegram channel running");
        }
        None => tracing::info!("Telegram not configured (TELEGRAM_BOT_TOKEN)"),
    }
    match &config.whatsapp {
        Some(whatsapp) => {
            let channel =
                crate::channels::whatsapp::Whatsapp::new(service.clone(), whatsapp.clone());
            router = router.merge(channel.webhook());
            channel.spawn(&mut tasks, &stop_workers);
            tracing::info!(
                path = crate::channels::whatsapp::intake::PATH,
                "whatsapp channel running"
            );
        }
        None => tracing::info!("WhatsApp not configured (WHATSAPP_ACCESS_TOKEN)"),
    }
    tasks.spawn(retention(service.clone(), stop_workers.clone()));
    tasks.spawn(crate::workers::Scheduler::new(service.clone()).run(stop_workers.clone()));
    let runner = crate::workers::CampaignRunner::new(service.clone(), send_rates(config));
    tasks.spawn(runner.run(stop_workers.clone()));
    tracing::info!(addr = %listener.local_addr()?, "pandu serving");
    let stop_http = CancellationToken::new();
    let mut listeners = tokio::task::JoinSet::new();
    if let Some(addr) = config.http.metrics_addr {
        let internal = tokio::net::TcpListener::bind(addr).await?;
        tracing::info!(%addr, "metrics serving");
        let metrics = crate::web::metrics_router(state);
        listeners.spawn(crate::server::run(
            internal,
            metrics,
            config.http.clone(),
            stop_http.clone(),
        ));
    }
    listeners.spawn(crate::server::run(
        listener,
        router,
        config.http.clone(),
        stop_http.clone(),
    ));
    // The first listener to end (a stop, or a failure) ends them all.
    tokio::select! {
        () = shutdown => {}
        Some(ended) = listeners.join_next() => {
            if let Ok(Err(e)) = ended {
                tracing::error!(error = %e, "HTTP listener failed");
            }
        }
    }
    stop_http.cancel();
    while listeners.join_next().await.is_some() {}
    // No request is in flight any more: the workers finish the batch they hold, then stop.
    stop_workers.cancel();
    let finished = async { while tasks.join_next().await.is_some() {} };
    if tokio::time::timeout(WORKERS_STOP, finished).await.is_err() {
        tracing::warn!("workers did not stop in time; their claims pass to the next start");
        tasks.shutdown().await;
    }
    service.store.close().await;
    tracing::info!("pandu stopped");
    Ok(())
}

/// Each channel's send rate, which campaigns are fed at.
pub fn send_rates(config: &Config) -> Vec<(crate::domain::ChannelKind, u32)> {
    use crate::domain::ChannelKind;
    let mut rates = Vec::new();
    if let Some(t) = &config.telegram {
        rates.push((ChannelKind::Telegram, t.global_per_second));
    }
    if let Some(w) = &config.whatsapp {
        rates.push((ChannelKind::Whatsapp, w.per_second));
    }
    rates
}

/// How long a stop waits for the workers to finish what they hold (a slow send or download).
const WORKERS_STOP: std::time::Duration = std::time::Duration::from_secs(30);

/// Once at start and then daily: delete data older than the promised retention period.
async fn retention(service: Service, stop: CancellationToken) {
    let mut every_day = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = every_day.tick() => {}
        }
        if let Err(e) = service.purge_expired(time::OffsetDateTime::now_utc()).await {
            tracing::error!(error = %e, "retention purge failed; will retry tomorrow");
        }
    }
}
