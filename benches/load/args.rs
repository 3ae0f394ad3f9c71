//! The few arguments, read by hand: words pick what runs, flags set sizes.

use super::database::{Engine, SeedSize};
use super::fake::Channel;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Scenario {
    Empty,
    Seeded,
    Kill,
}

impl Scenario {
    pub fn name(self) -> &'static str {
        match self {
            Scenario::Empty => "empty",
            Scenario::Seeded => "seeded",
            Scenario::Kill => "kill",
        }
    }
}

pub struct Plan {
    pub channels: Vec<Channel>,
    pub engines: Vec<Engine>,
    pub scenarios: Vec<Scenario>,
    pub chats: usize,
    /// None: the whole script.
    pub steps: Option<usize>,
    pub kills: usize,
    pub seed: SeedSize,
    pub probe: bool,
}

pub const USAGE: &str = "\
usage: cargo bench --bench load -- [telegram|whatsapp]... [sqlite|postgres]... [empty|seeded|kill]...
                                   [--chats N] [--steps M] [--kills K] [--quick] [--no-probe]
Without words: both channels on both engines, empty database. --quick: 20 chats x 8 steps,
a seed of 10k conversations and 100k+100k messages, 2 kills.";

pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Plan, String> {
    let mut plan = Plan {
        channels: Vec::new(),
        engines: Vec::new(),
        scenarios: Vec::new(),
        chats: 100,
        steps: None,
        kills: 5,
        seed: SeedSize {
            conversations: 100_000,
            inbox: 1_000_000,
            outbox: 1_000_000,
        },
        probe: true,
    };
    let (mut chats, mut steps, mut kills) = (None, None, None);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} needs a number"))
        };
        match arg.as_str() {
            "telegram" => plan.channels.push(Channel::Telegram),
            "whatsapp" => plan.channels.push(Channel::Whatsapp),
            "sqlite" => plan.engines.push(Engine::Sqlite),
            "postgres" => plan.engines.push(Engine::Postgres),
            "empty" => plan.scenarios.push(Scenario::Empty),
            "seeded" => plan.scenarios.push(Scenario::Seeded),
            "kill" => plan.scenarios.push(Scenario::Kill),
            "--chats" => chats = Some(number("--chats")?),
            "--steps" => steps = Some(number("--steps")?),
            "--kills" => kills = Some(number("--kills")?),
            "--no-probe" => plan.probe = false,
            "--quick" => {
                plan.chats = 20;
                plan.steps = Some(8);
                plan.kills = 2;
                plan.seed = SeedSize {
                    conversations: 10_000,
                    inbox: 100_000,
                    outbox: 100_000,
                };
            }
            "-h" | "--help" => return Err(USAGE.into()),
            // cargo adds `--bench` for harness = false targets.
            other if other.starts_with("--bench") => {}
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    plan.chats = chats.unwrap_or(plan.chats);
    plan.steps = steps.or(plan.steps);
    plan.kills = kills.unwrap_or(plan.kills);
    if plan.channels.is_empty() {
        plan.channels = vec![Channel::Telegram, Channel::Whatsapp];
    }
    if plan.engines.is_empty() {
        plan.engines = vec![Engine::Sqlite, Engine::Postgres];
    }
    if plan.scenarios.is_empty() {
        plan.scenarios = vec![Scenario::Empty];
    }
    Ok(plan)
}
