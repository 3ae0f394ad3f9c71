//! `pandu campaign …`: the operator's way to run outreach campaigns (the dashboard has the
//! same, for outreach officers). Times are typed and shown in the campaign's zone.

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use pandu::access::LeadStatus;
use pandu::campaigns::{Audience, CampaignId, Draft, Quiet, WaTemplate, Zone};
use pandu::domain::{ChannelKind, UserKey};
use pandu::flow::OutcomeCode;
use pandu::reference::{Category, RegionCode};
use pandu::service::Service;
use pandu::service::campaigns::{Actor, TestTo};
use pandu::store::campaigns::RegionResults;
use time::OffsetDateTime;

#[derive(Subcommand)]
pub enum CampaignCommand {
    /// Write a campaign (a draft) and print how many people it reaches.
    Create(Box<CreateArgs>),
    /// List campaigns, newest first.
    List,
    /// Send the notice to one chat (`telegram:<chat id>` or `whatsapp:<number>`).
    Test {
        id: i64,
        #[arg(long)]
        to: String,
    },
    /// Schedule a tested campaign: now, or `--at "2026-12-07 09:00"` in its zone.
    Start {
        id: i64,
        #[arg(long)]
        at: Option<String>,
    },
    Pause {
        id: i64,
    },
    Resume {
        id: i64,
    },
    Cancel {
        id: i64,
    },
    /// Sent, delivered, read, started, finished and referred, per region.
    Stats {
        id: i64,
        /// Comma-separated values instead of a table.
        #[arg(long)]
        csv: bool,
    },
}

#[derive(Args)]
pub struct CreateArgs {
    #[arg(long)]
    name: String,
    /// The notice text (at most 1024 characters).
    #[arg(long)]
    message: String,
    /// An https:// picture sent with the notice.
    #[arg(long)]
    image: Option<String>,
    /// Label of a button that starts the check ("Cek sekarang").
    #[arg(long)]
    button: Option<String>,
    /// Provinsi or kab/kota code: that region and below.
    #[arg(long)]
    region: Option<String>,
    #[arg(long = "outcome")]
    outcomes: Vec<String>,
    #[arg(long = "category")]
    categories: Vec<String>,
    /// telegram or whatsapp (both when not given).
    #[arg(long = "channel")]
    channels: Vec<String>,
    /// Wrote to Pandu within this many days.
    #[arg(long)]
    active_days: Option<u32>,
    #[arg(long = "status")]
    statuses: Vec<String>,
    /// wib, wita or wit: how times are typed and shown.
    #[arg(long, default_value = "wib")]
    zone: String,
    /// No notices in these local hours ("21:00-06:00"; "none" for none).
    #[arg(long, default_value = "21:00-06:00")]
    quiet: String,
    /// The approved WhatsApp template, `name` or `name:language`.
    #[arg(long)]
    template: Option<String>,
    /// The template's body parameters, separated by `|`.
    #[arg(long, default_value = "")]
    params: String,
}

pub async fn run(service: &Service, command: CampaignCommand) -> anyhow::Result<()> {
    let actor = Actor::operator();
    let now = OffsetDateTime::now_utc();
    match command {
        CampaignCommand::Create(args) => {
            let draft = (*args).draft()?;
            let id = service.create_campaign(&draft, &actor, now).await?;
            let reach = service.audience_size(&draft, now).await?;
            println!(
                "campaign {id} created (draft): {} recipients now",
                thousands(reach)
            );
            println!("next: pandu campaign test {id} --to telegram:<your chat id>");
        }
        CampaignCommand::List => {
            for c in pandu::store::campaigns::list(&service.store, None).await? {
                let when = c
                    .starts_at
                    .map(|t| c.draft.zone.show(t))
                    .unwrap_or_default();
                println!(
                    "{:>5}  {:<10} {:<22} {}",
                    c.id,
                    c.state.as_str(),
                    when,
                    c.draft.name
                );
            }
        }
        CampaignCommand::Test { id, to } => {
            let (channel, user) = to.split_once(':').context("--to is channel:chat")?;
            let channel = ChannelKind::parse(channel)
                .filter(|c| pandu::campaigns::BROADCAST_CHANNELS.contains(c))
                .context("--to channel is telegram or whatsapp")?;
            let to = TestTo::Chat(channel, UserKey::new(user.to_owned()));
            service
                .test_campaign(CampaignId(id), &actor, to, now)
                .await?;
            println!("test queued; `pandu serve` sends it");
        }
        CampaignCommand::Start { id, at } => {
            let campaign = service.campaign_for(CampaignId(id), &actor).await?;
            let zone = campaign.draft.zone;
            let at = at
                .map(|t| zone.parse_local(&t).context("--at is \"YYYY-MM-DD HH:MM\""))
                .transpose()?;
            let checker = service.template_checker.clone();
            let at = service
                .start_campaign(CampaignId(id), at, &actor, &checker, now)
                .await?;
            println!("campaign {id} scheduled for {}", zone.show(at));
        }
        CampaignCommand::Pause { id } => {
            service.pause_campaign(CampaignId(id), &actor, now).await?;
            println!("campaign {id} paused");
        }
        CampaignCommand::Resume { id } => {
            service.resume_campaign(CampaignId(id), &actor, now).await?;
            println!("campaign {id} resumed");
        }
        CampaignCommand::Cancel { id } => {
            service.cancel_campaign(CampaignId(id), &actor, now).await?;
            println!("campaign {id} cancelled");
        }
        CampaignCommand::Stats { id, csv } => stats(service, CampaignId(id), &actor, csv).await?,
    }
    Ok(())
}

async fn stats(service: &Service, id: CampaignId, actor: &Actor, csv: bool) -> anyhow::Result<()> {
    let results = service.campaign_results(id, actor).await?;
    let mut header = vec!["region"];
    header.extend(RegionResults::COUNT_NAMES);
    let line = |r: &RegionResults, name: &str| {
        let mut cells = vec![name.to_owned()];
        cells.extend(r.counts().iter().map(i64::to_string));
        cells
    };
    let mut rows: Vec<Vec<String>> = results
        .regions
        .iter()
        .map(|r| line(r, &region_name(service, r.region.as_deref())))
        .collect();
    rows.push(line(&results.total, "total"));
    if csv {
        // The same quoting and formula guard as every other CSV Pandu writes.
        let mut out = pandu::export::writer(std::io::stdout().lock());
        out.write_record(&header)?;
        for row in rows {
            out.write_record(row.iter().map(|cell| pandu::export::neutralise(cell)))?;
        }
        out.flush()?;
    } else {
        let header: Vec<String> = header.iter().map(|h| format!("{h:>10}")).collect();
        println!("{}", header.join(" "));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| format!("{c:>10}")).collect();
            println!("{}", cells.join(" "));
        }
    }
    Ok(())
}

fn region_name(service: &Service, code: Option<&str>) -> String {
    let Some(code) = code else {
        return "(no lead)".into();
    };
    let name = service.reference.regions.name_of_text(code);
    name.unwrap_or(code).to_owned()
}

fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

impl CreateArgs {
    fn draft(self) -> anyhow::Result<Draft> {
        let audience = Audience {
            region: self
                .region
                .as_deref()
                .map(RegionCode::parse)
                .transpose()
                .context("--region")?,
            outcomes: self
                .outcomes
                .iter()
                .map(|v| OutcomeCode::parse(v).with_context(|| format!("unknown outcome {v:?}")))
                .collect::<anyhow::Result<_>>()?,
            categories: self
                .categories
                .iter()
                .map(|v| {
                    Category::all()
                        .iter()
                        .copied()
                        .find(|c| c.as_str() == v)
                        .with_context(|| format!("unknown category {v:?}"))
                })
                .collect::<anyhow::Result<_>>()?,
            channels: self
                .channels
                .iter()
                .map(|v| {
                    ChannelKind::parse(v)
                        .filter(|c| pandu::campaigns::BROADCAST_CHANNELS.contains(c))
                        .with_context(|| format!("--channel {v:?}: telegram or whatsapp"))
                })
                .collect::<anyhow::Result<_>>()?,
            active_days: self.active_days,
            statuses: self
                .statuses
                .iter()
                .map(|v| LeadStatus::parse(v).with_context(|| format!("unknown status {v:?}")))
                .collect::<anyhow::Result<_>>()?,
        };
        let template = match &self.template {
            None => None,
            Some(spec) => Some(
                WaTemplate::parse(spec, &self.params)
                    .context("--template name: lowercase letters, digits and _")?,
            ),
        };
        let Some(zone) = Zone::parse(&self.zone) else {
            bail!("--zone is wib, wita or wit");
        };
        Ok(Draft {
            name: self.name,
            body: self.message.replace("\\n", "\n"),
            image_url: self.image,
            button: self.button,
            audience,
            template,
            zone,
            quiet: Quiet::parse(&self.quiet).context("--quiet is like 21:00-06:00")?,
        })
    }
}
