use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use pandu::channels::console::Console;
use pandu::config::Config;
use pandu::domain::UserKey;

#[derive(Parser)]
#[command(
    name = "pandu",
    version,
    about = "Pandu: SNI readiness chat bot for Indonesian micro and small businesses"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the service (the default).
    Serve,
    /// Talk to Pandu in this terminal.
    Chat {
        /// Whose conversation this is; the same id later resumes it.
        #[arg(long, default_value = "console")]
        user: String,
        /// One JSON object per line in and out, for scripts and tests.
        #[arg(long)]
        json: bool,
    },
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Work with leads.
    Leads {
        #[command(subcommand)]
        command: LeadsCommand,
    },
}

#[derive(Subcommand)]
enum LeadsCommand {
    /// Print every lead to standard output.
    Export {
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // A missing .env is normal; a broken one is not.
    match dotenvy::dotenv() {
        Err(e) if !e.not_found() => return Err(e).context("reading .env"),
        _ => {}
    }
    let cli = Cli::parse();
    let quiet_console = matches!(
        cli.command,
        Some(Command::Chat { .. }) | Some(Command::Leads { .. })
    );
    pandu::telemetry::init(if quiet_console { "warn" } else { "info" });
    let config = Config::from_env().context("configuration")?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Chat { user, json } => chat(config, user, json).await,
        Command::Migrate => {
            pandu::store::Store::connect(&config.database_url)
                .await
                .context("database")?;
            eprintln!("pandu: database schema is up to date");
            Ok(())
        }
        Command::Leads {
            command: LeadsCommand::Export {
                format: Format::Csv,
            },
        } => {
            let store = pandu::store::Store::connect(&config.database_url)
                .await
                .context("database")?;
            let count = pandu::export::write_csv(&store, std::io::stdout().lock()).await?;
            eprintln!("pandu: exported {count} leads");
            Ok(())
        }
    }
}

async fn chat(config: Config, user: String, json: bool) -> anyhow::Result<()> {
    let service = pandu::app::build(&config).await.context("starting Pandu")?;
    // The retention promise holds for console-only installs too.
    if let Err(e) = service.purge_expired(time::OffsetDateTime::now_utc()).await {
        tracing::error!(error = %e, "retention purge failed");
    }
    let stdin = tokio::io::BufReader::new(tokio::io::stdin());
    Console::new(&service, UserKey::new(user), json, std::io::stdout().lock())
        .run(stdin)
        .await?;
    service.store.close().await;
    Ok(())
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(config.http_addr)
        .await
        .with_context(|| format!("binding PANDU_HTTP_ADDR={}", config.http_addr))?;
    pandu::app::serve(&config, listener, shutdown_signal()).await?;
    Ok(())
}

/// Ctrl+C, or SIGTERM from systemd or a container runtime.
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
    tracing::info!("shutting down");
}
