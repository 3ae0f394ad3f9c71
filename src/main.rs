use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use pandu::channels::console::Console;
use pandu::config::Config;
use pandu::domain::UserKey;

mod cli;

// Every update allocates many small short-lived strings (JSON, SQL binds, rendered text);
// mimalloc spends far less CPU on them than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Manage dashboard accounts.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Outreach campaigns: create, test, start, pause, resume, cancel, stats.
    Campaign {
        #[command(subcommand)]
        command: cli::campaign::CampaignCommand,
    },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Add an account; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = ["admin", "dinas", "konsultan", "outreach"])]
        role: String,
        /// For dinas: the provinsi or kab/kota code, e.g. 52 or 52.02.
        #[arg(long)]
        region: Option<String>,
        #[command(flatten)]
        profile: ProfileArgs,
    },
    /// Change a consultant's organisation, desk, coverage, capacity or contact.
    Set {
        #[arg(long)]
        email: String,
        #[command(flatten)]
        profile: ProfileArgs,
    },
    /// Print a one-time code (and Telegram link) that links the account's own chat.
    Link {
        #[arg(long)]
        email: String,
    },
    /// Unlink the account's chat; its unanswered referrals move to the next consultant.
    Unlink {
        #[arg(long)]
        email: String,
    },
    /// Enable a disabled account again.
    Enable {
        #[arg(long)]
        email: String,
    },
    /// List accounts.
    List,
    /// Set a new password (read from standard input).
    Passwd {
        #[arg(long)]
        email: String,
    },
    /// Disable an account and end its sessions; its unanswered referrals move on.
    Disable {
        #[arg(long)]
        email: String,
    },
}

/// A consultant's referral settings.
#[derive(clap::Args)]
struct ProfileArgs {
    /// The organisation, e.g. "PLUT-KUMKM NTB".
    #[arg(long)]
    org: Option<String>,
    /// Which outcomes reach them: plut, dinas_coach, klt or perizinan (guessed from --org).
    #[arg(long, value_parser = ["plut", "dinas_coach", "klt", "perizinan"])]
    desk: Option<String>,
    /// Region code prefixes they cover: 52.02 (a kab/kota), 52 (a province), ID (national).
    #[arg(long)]
    coverage: Option<String>,
    /// Referrals open at once.
    #[arg(long)]
    capacity: Option<u32>,
    /// How owners reach them once they accepted, e.g. "WA 0812-3456-7890".
    #[arg(long)]
    contact: Option<String>,
}

impl ProfileArgs {
    /// Apply the given flags over `base`.
    fn apply(self, mut base: pandu::access::Profile) -> anyhow::Result<pandu::access::Profile> {
        use pandu::limits::{CONTACT, ORGANISATION};
        use pandu::parse::one_line;
        use pandu::referrals::{Coverage, Desk};
        // Shown to owners and in the dashboard: one line, within the same limits as the form.
        if let Some(org) = self.org {
            base.organisation = ORGANISATION.check(&one_line(&org))?.to_owned();
        }
        match self.desk {
            Some(desk) => base.desk = Desk::parse(&desk),
            None if base.desk.is_none() => base.desk = Desk::guess(&base.organisation),
            None => {}
        }
        if let Some(coverage) = self.coverage {
            base.coverage = Coverage::parse(&coverage)?;
        }
        if let Some(capacity) = self.capacity {
            base.capacity = capacity;
        }
        if let Some(contact) = self.contact {
            let contact = CONTACT.check(&one_line(&contact))?.to_owned();
            base.contact = Some(contact).filter(|c| !c.is_empty());
        }
        Ok(base)
    }
}

/// A consultant without organisation, desk or coverage would never get a referral.
fn check_consultant(profile: &pandu::access::Profile) -> anyhow::Result<()> {
    anyhow::ensure!(!profile.organisation.is_empty(), "a konsultan needs --org");
    anyhow::ensure!(
        profile.desk.is_some(),
        "cannot tell the desk from --org {:?}; give --desk plut|dinas_coach|klt|perizinan",
        profile.organisation
    );
    anyhow::ensure!(
        !profile.coverage.is_empty(),
        "a konsultan needs --coverage (e.g. 52.02, 52, or ID for national)"
    );
    Ok(())
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
        Some(Command::Chat { .. }) | Some(Command::Leads { .. }) | Some(Command::Campaign { .. })
    );
    pandu::telemetry::init(if quiet_console { "warn" } else { "info" });
    let config = Config::from_env().context("configuration")?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Chat { user, json } => chat(config, user, json).await,
        Command::Staff { command } => staff(config, command).await,
        Command::Campaign { command } => {
            let service = pandu::app::build(&config).await.context("starting")?;
            cli::campaign::run(&service, command).await?;
            service.store.close().await;
            Ok(())
        }
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
            let all = pandu::access::Scope::All;
            let filter = pandu::store::dashboard::LeadFilter::default();
            let texts = std::sync::Arc::new(pandu::i18n::Texts::embedded(None));
            let words = pandu::export::Words::new(texts, config.default_locale);
            let out = std::io::stdout().lock();
            let count = pandu::export::write_csv(&store, &all, &filter, &words, out, false).await?;
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
    // Referral offers, reminders and expiries fire while chatting too, so a console-only
    // trial goes end to end (a running `pandu serve` may fire them as well: each fires once).
    let stop = tokio_util::sync::CancellationToken::new();
    let scheduler = tokio::spawn(pandu::workers::Scheduler::new(service.clone()).run(stop.clone()));
    let stdin = tokio::io::BufReader::new(tokio::io::stdin());
    Console::new(&service, UserKey::new(user), json, std::io::stdout().lock())
        .run(stdin)
        .await?;
    stop.cancel();
    let _ = scheduler.await;
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

async fn staff(config: Config, command: StaffCommand) -> anyhow::Result<()> {
    use pandu::access::{Profile, Role};
    use pandu::store::staff as accounts;
    let service = pandu::app::build(&config).await.context("starting")?;
    let store = service.store.clone();
    let find = |email: String| {
        let store = store.clone();
        async move {
            accounts::by_email(&store, &email)
                .await?
                .with_context(|| format!("no account {email}"))
        }
    };
    match command {
        StaffCommand::Add {
            email,
            name,
            role,
            region,
            profile,
        } => {
            let identity =
                pandu::access::StaffIdentity::parse(&name, &email).context("--name / --email")?;
            let (name, email) = (identity.name, identity.email);
            let role = Role::parse(&role).context("role")?;
            let region = region
                .map(|r| pandu::reference::RegionCode::parse(&r))
                .transpose()
                .context("--region")?;
            if role == Role::Dinas && region.is_none() {
                anyhow::bail!("a dinas account needs --region (a provinsi or kab/kota code)");
            }
            let profile = profile.apply(Profile {
                capacity: 10,
                ..Profile::default()
            })?;
            if role == Role::Konsultan {
                check_consultant(&profile)?;
            }
            let hash = pandu::web::auth::hash_password(&read_password()?)?;
            let at = time::OffsetDateTime::now_utc();
            let id = accounts::add(&store, &email, &name, role, region.as_ref(), &hash, at)
                .await
                .context("adding the account")?;
            service.set_profile(id, &profile).await?;
            eprintln!("pandu: account {email} added");
            if role != Role::Admin {
                eprintln!("pandu: link their chat with: pandu staff link --email {email}");
            }
        }
        StaffCommand::Set { email, profile } => {
            let staff = find(email.clone()).await?;
            let profile = profile.apply(staff.profile.clone())?;
            if staff.role == Role::Konsultan {
                check_consultant(&profile)?;
            }
            service.set_profile(staff.id, &profile).await?;
            eprintln!("pandu: {email} updated");
        }
        StaffCommand::Link { email } => {
            let staff = find(email).await?;
            let bot = config
                .telegram
                .as_ref()
                .and_then(|t| t.bot_username.as_deref());
            let code = service.link_code(staff.id, bot).await?;
            println!("link code: {}", code.code);
            if let Some(url) = &code.telegram_url {
                println!("telegram: {url}");
            } else {
                println!("telegram: send /start link-{} to the bot", code.code);
            }
            println!("whatsapp: send \"link {}\" to the Pandu number", code.code);
            eprintln!("pandu: the code works once, for 24 hours");
        }
        StaffCommand::Unlink { email } => {
            let staff = find(email.clone()).await?;
            let had = service.unlink_staff(staff.id, staff.id).await?;
            eprintln!(
                "pandu: {email} {}",
                if had {
                    "unlinked"
                } else {
                    "had no linked chat"
                }
            );
        }
        StaffCommand::Enable { email } => {
            let staff = find(email.clone()).await?;
            service.enable_staff(staff.id).await?;
            eprintln!("pandu: {email} enabled");
        }
        StaffCommand::List => {
            // Accounts made before names were cleaned may hold escape sequences: never
            // print them raw to a terminal.
            use pandu::parse::one_line;
            let links = pandu::store::links::all(&store).await?;
            for s in accounts::list(&store).await? {
                let region = s.region.map(|r| r.to_string()).unwrap_or_default();
                let state = if s.disabled { "disabled" } else { "active" };
                let linked = links.get(&s.id).map(|l| l.channel.as_str()).unwrap_or("-");
                let p = &s.profile;
                let desk = p.desk.map(|d| d.as_str()).unwrap_or("-");
                println!(
                    "{}\t{}\t{}\t{}\t{region}\t{state}\t{}\t{desk}\t{}\t{}\t{linked}",
                    s.id,
                    one_line(&s.email),
                    one_line(&s.name),
                    s.role.as_str(),
                    one_line(&p.organisation),
                    p.coverage,
                    p.capacity,
                );
            }
        }
        StaffCommand::Passwd { email } => {
            let hash = pandu::web::auth::hash_password(&read_password()?)?;
            anyhow::ensure!(
                accounts::set_password(&store, &email, &hash).await?,
                "no account {email}"
            );
            eprintln!("pandu: password of {email} changed");
        }
        StaffCommand::Disable { email } => {
            let staff = find(email.clone()).await?;
            service.disable_staff(staff.id, None).await?;
            eprintln!("pandu: {email} disabled; its sessions ended and its open referrals move on");
        }
    }
    store.close().await;
    Ok(())
}

/// One line from standard input (a prompt on stderr when it is a terminal).
fn read_password() -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal};
    if std::io::stdin().is_terminal() {
        eprint!("Password (at least 12 characters): ");
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    anyhow::ensure!(
        password.chars().count() >= 12,
        "the password needs at least 12 characters"
    );
    Ok(password)
}
