//! Simulated chats: each posts its script update by update to the webhook, the next as soon
//! as the first reply to the previous one reached the fake (no think time). An update whose
//! POST fails or is not answered 200 is posted again, unchanged, as the platforms do.

use super::common::fake_telegram::updates;
use super::common::fake_whatsapp::payloads;
use super::common::telegram_app::WEBHOOK_SECRET;
use super::database::Database;
use super::fake::{Channel, Fake};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a reply may take before its update counts as lost (after the last kill).
pub const GIVE_UP: Duration = Duration::from_secs(120);

/// The lines every chat sends, in order.
pub fn script(channel: Channel, steps: Option<usize>) -> Vec<&'static str> {
    let mut lines: Vec<&'static str> = super::common::HAPPY_PATH.to_vec();
    if channel == Channel::Whatsapp {
        // On WhatsApp the number is the identity and the phone question is never asked.
        lines.retain(|l| *l != "0812 3456 7890");
    }
    lines.truncate(steps.unwrap_or(lines.len()));
    lines
}

/// The chat id (Telegram) or wa_id (WhatsApp) of chat number `n`.
pub fn chat_key(channel: Channel, n: usize) -> String {
    match channel {
        Channel::Telegram => (10_000 + n).to_string(),
        Channel::Whatsapp => format!("62812{n:08}"),
    }
}

/// Where and how updates are posted.
pub struct Target {
    channel: Channel,
    url: String,
    client: reqwest::Client,
}

impl Target {
    pub fn new(channel: Channel, addr: &str) -> Self {
        let path = match channel {
            Channel::Telegram => "/webhooks/telegram",
            Channel::Whatsapp => "/webhooks/whatsapp",
        };
        Self {
            channel,
            url: format!("http://{addr}{path}"),
            client: reqwest::Client::new(),
        }
    }

    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// The webhook body of step `step` of chat `n`: the same bytes on every retry (the same
    /// update_id or wamid).
    fn body(&self, n: usize, step: usize, line: &str) -> Vec<u8> {
        let key = chat_key(self.channel, n);
        let value = match self.channel {
            Channel::Telegram => {
                let update_id = 1_000_000 + (n as i64) * 1000 + step as i64;
                updates::text(update_id, key.parse().unwrap(), line)
            }
            Channel::Whatsapp => {
                let message = payloads::text(&format!("wamid.load.{key}.{step}"), &key, line);
                payloads::envelope(vec![payloads::value(vec![message], vec![])])
            }
        };
        serde_json::to_vec(&value).unwrap()
    }

    /// One POST; the status, or None when there was no answer (refused, reset, timed out).
    async fn post(&self, body: &[u8]) -> Option<u16> {
        let mut request = self
            .client
            .post(&self.url)
            .timeout(Duration::from_secs(30))
            .header("content-type", "application/json");
        request = match self.channel {
            Channel::Telegram => request.header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET),
            Channel::Whatsapp => request.header("X-Hub-Signature-256", payloads::sign(body)),
        };
        let response = request.body(body.to_vec()).send().await.ok()?;
        Some(response.status().as_u16())
    }

    /// Post until acknowledged; returns the number of failed attempts.
    async fn post_until_ok(&self, body: &[u8]) -> usize {
        let mut failed = 0;
        while self.post(body).await != Some(200) {
            failed += 1;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        failed
    }
}

/// What one chat's script produces when nothing goes wrong: the number of distinct messages
/// each step is answered with. Learnt from one chat walked slowly before the load.
pub struct Reference {
    pub per_step: Vec<usize>,
    /// Raw sends and distinct messages over the whole script.
    pub raw: usize,
    pub distinct: usize,
}

impl Reference {
    /// Distinct messages received before step `step`'s first reply.
    pub fn before(&self, step: usize) -> usize {
        self.per_step[..step].iter().sum()
    }
}

/// Walk chat number `n` step by step, each step only once the database says everything is
/// processed and sent (a quiet-time guess undercounts when the service is slow, as on a
/// seeded SQLite database).
pub async fn reference(
    fake: &Fake,
    target: &Target,
    db: &Database,
    lines: &[&str],
    n: usize,
) -> Reference {
    let key = chat_key(target.channel, n);
    let count = fake.watch(&key);
    let mut per_step = Vec::new();
    for (step, line) in lines.iter().enumerate() {
        let before = *count.borrow();
        target.post_until_ok(&target.body(n, step, line)).await;
        // Acknowledged means stored; nothing else is running, so any open row is this chat's.
        while db.count(&open_work(target.channel)).await > 0 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        per_step.push(*count.borrow() - before);
    }
    let (raw, distinct) = fake.counts(&key);
    Reference {
        per_step,
        raw,
        distinct,
    }
}

/// Updates not yet processed plus messages not yet sent, on one channel. The channel comes
/// first so both counts read the (channel, status, ...) indexes instead of every row of a
/// seeded table.
pub fn open_work(channel: Channel) -> String {
    let c = channel.name();
    format!(
        "SELECT (SELECT COUNT(*) FROM inbox WHERE channel = '{c}' AND status IN ('pending', 'processing')) \
         + (SELECT COUNT(*) FROM outbox WHERE channel = '{c}' AND status IN ('pending', 'sending'))"
    )
}

/// Where each chat is, for the kill scenario's snapshot of who is owed a reply.
pub struct Board {
    owed: Mutex<Vec<Option<(usize, Instant)>>>,
    /// While false, no chat gives up waiting (kills are still to come).
    pub settled: AtomicBool,
    /// The last restart (or the start): replies are waited for up to GIVE_UP after it.
    pub last_restart: Mutex<Instant>,
    /// Updates acknowledged so far, over all chats (kills are placed by progress).
    pub acked: AtomicUsize,
}

impl Board {
    pub fn new(chats: usize, settled: bool) -> Self {
        Self {
            owed: Mutex::new(vec![None; chats]),
            settled: AtomicBool::new(settled),
            last_restart: Mutex::new(Instant::now()),
            acked: AtomicUsize::new(0),
        }
    }

    /// (chat, step, acknowledged at) of every chat whose update was acknowledged and whose
    /// reply has not come yet.
    pub fn owed(&self) -> Vec<(usize, usize, Instant)> {
        let owed = self.owed.lock().unwrap();
        owed.iter()
            .enumerate()
            .filter_map(|(n, o)| o.map(|(step, at)| (n, step, at)))
            .collect()
    }

    fn set(&self, n: usize, owed: Option<(usize, Instant)>) {
        self.owed.lock().unwrap()[n] = owed;
    }

    fn give_up(&self, acked: Instant) -> bool {
        let restart = *self.last_restart.lock().unwrap();
        self.settled.load(Ordering::Relaxed) && Instant::now() > acked.max(restart) + GIVE_UP
    }
}

#[derive(Default)]
pub struct ChatResult {
    /// POST to 200, retries included.
    pub acks: Vec<Duration>,
    /// POST to the first reply at the fake.
    pub replies: Vec<Duration>,
    pub failed_posts: usize,
    pub updates: usize,
    /// An acknowledged update was never answered (the chat stopped there).
    pub lost: bool,
}

/// Walk chat number `n` through the script as fast as the replies come.
pub async fn run_chat(
    fake: &Fake,
    target: &Target,
    lines: &[&str],
    reference: &Reference,
    board: &Board,
    n: usize,
) -> ChatResult {
    let key = chat_key(target.channel, n);
    let mut count = fake.watch(&key);
    let mut result = ChatResult::default();
    for (step, line) in lines.iter().enumerate() {
        let body = target.body(n, step, line);
        let posted = Instant::now();
        result.failed_posts += target.post_until_ok(&body).await;
        let acked = Instant::now();
        result.acks.push(acked - posted);
        result.updates += 1;
        board.acked.fetch_add(1, Ordering::Relaxed);
        if reference.per_step[step] == 0 {
            continue;
        }
        let first_reply = reference.before(step);
        board.set(n, Some((step, acked)));
        loop {
            // `is_ok` at once: the watch guard must not be held while the fake records.
            let arrived =
                tokio::time::timeout(Duration::from_secs(1), count.wait_for(|c| *c > first_reply))
                    .await
                    .is_ok();
            if arrived {
                break;
            }
            if board.give_up(acked) {
                result.lost = true;
                return result;
            }
        }
        board.set(n, None);
        let at = fake.distinct_at(&key, first_reply).unwrap();
        result.replies.push(at - posted);
    }
    result
}
