//! kill -9 under load: at random moments the service is SIGKILLed and started again at once
//! on the same database, while the chats go on posting (and re-posting what was not
//! acknowledged). Afterwards: what was lost, what was sent twice, how long resuming took.

use super::chats::{self, GIVE_UP};
use super::database::Database;
use super::fake::Channel;
use super::process::{Install, Serving, Usage};
use super::stats::ms;
use super::{Load, Outcome};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime};

/// A tiny xorshift64, so kill moments need no new dependency.
struct XorShift(u64);

impl XorShift {
    fn from_time() -> Self {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0x9E37_79B9, |d| d.as_nanos() as u64);
        Self(nanos | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in 0..n (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n as u64).max(1)) as usize
    }
}

struct Kill {
    killed: Instant,
    /// The new process answered /healthz. Sends are counted from here: bytes the killed
    /// process wrote just before it died can still reach the fake after the restart began.
    healthy: Instant,
    startup: Duration,
    /// (chat, step, acknowledged at) of the chats owed a reply at the kill.
    owed: Vec<(usize, usize, Instant)>,
}

pub async fn run(
    load: Arc<Load>,
    install: &Install,
    http: &str,
    mut serving: Serving,
    db: &Database,
    kills: usize,
) -> Outcome {
    let mut rng = XorShift::from_time();
    let seed = rng.0;
    let started = Instant::now();
    // Pandu's CPU from here on: its start and the reference chat are not part of the load.
    let cpu_before = serving.cpu_ticks();
    let mut usage = Usage::default();
    let mut processes = 1;
    let tasks = super::spawn_chats(&load);
    let mut done = Vec::new();
    // Kill k falls at a random point of the k-th of (kills + 1) equal shares of the updates,
    // so every kill lands while there is load, whatever the speed of the machine.
    let share = (load.chats * load.lines.len() / (kills + 1)).max(1);
    for k in 0..kills {
        let at = share * (k + 1) + rng.below(share / 2);
        if !load.wait_for_acked(at).await {
            break;
        }
        let owed = load.board.owed();
        let killed = Instant::now();
        usage.add(serving.kill().await);
        let restarted = Instant::now();
        *load.board.last_restart.lock().unwrap() = restarted;
        serving = install.serve(http).await;
        processes += 1;
        let healthy = restarted + serving.startup;
        done.push(Kill {
            killed,
            healthy,
            startup: serving.startup,
            owed,
        });
        // The next kill only once this restart has sent something, so resumes do not overlap.
        let deadline = restarted + GIVE_UP;
        while load.fake.first_send_after(healthy).is_none()
            && load.running.load(Ordering::Relaxed) > 0
            && Instant::now() < deadline
        {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    load.board.settled.store(true, Ordering::Relaxed);
    let results = super::join_chats(tasks).await;
    let elapsed = started.elapsed();
    let drained = drain(db, load.channel()).await;
    usage.add(serving.kill().await);
    usage.cpu_ticks -= cpu_before;
    println!(
        "  {} kills (xorshift seed {seed}), {processes} processes; queues drained after the chats: {drained}",
        done.len()
    );
    for (i, kill) in done.iter().enumerate() {
        print_kill(&load, i + 1, started, kill);
    }
    print_deliveries(&load, &done, &results);
    Outcome {
        results,
        elapsed,
        usage,
        note: format!("{} kills", done.len()),
    }
}

/// Wait until nothing is left to process or send (a message whose row was leased by a killed
/// process goes out only when the lease ends), so duplicates and gaps are counted on the
/// final state.
async fn drain(db: &Database, channel: Channel) -> &'static str {
    let deadline = Instant::now() + GIVE_UP;
    let sql = chats::open_work(channel);
    while Instant::now() < deadline {
        if db.count(&sql).await == 0 {
            // The last sends may still be on their way to the fake.
            tokio::time::sleep(Duration::from_millis(500)).await;
            return "yes";
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    "NO (timed out)"
}

fn print_kill(load: &Load, n: usize, started: Instant, kill: &Kill) {
    let first = load
        .fake
        .first_send_after(kill.healthy)
        .map_or("none".into(), |at| ms(at - kill.healthy));
    // For each chat owed a reply: from the kill to that reply at the fake.
    let waits: Vec<Option<Duration>> = kill
        .owed
        .iter()
        .map(|&(chat, step, _)| {
            let key = chats::chat_key(load.channel(), chat);
            let reply = load.fake.distinct_at(&key, load.reference.before(step));
            reply.map(|at| at.saturating_duration_since(kill.killed))
        })
        .collect();
    let longest = waits.iter().flatten().max().map_or("-".into(), |d| ms(*d));
    let never = waits.iter().filter(|w| w.is_none()).count();
    println!(
        "  kill {n} at {}: {} chats owed a reply; restart to healthy {}, then to the first send at the fake {first}; \
         longest wait of an owed chat (from the kill) {longest}{}",
        ms(kill.killed - started),
        kill.owed.len(),
        ms(kill.startup),
        if never > 0 {
            format!(", {never} never answered")
        } else {
            String::new()
        }
    );
}

/// Lost updates and duplicate sends, per chat against the reference chat (the same script
/// delivered with no kills): every send beyond its count is a duplicate. A crash between the
/// platform accepting a message and the outbox row being marked sent makes the row go out
/// again once its lease ends: the same message twice in a row, which the fake also counts
/// ("repeats"), so the two figures should agree.
fn print_deliveries(load: &Load, kills: &[Kill], results: &[chats::ChatResult]) {
    let reference = &load.reference;
    let (mut extra, mut repeats, mut missing) = (0, 0, 0);
    for (n, result) in results.iter().enumerate() {
        let (raw, distinct) = load.fake.counts(&chats::chat_key(load.channel(), n));
        extra += raw.saturating_sub(reference.raw);
        repeats += (raw - distinct).saturating_sub(reference.raw - reference.distinct);
        if !result.lost {
            missing += reference.distinct.saturating_sub(distinct);
        }
    }
    let lost = results.iter().filter(|r| r.lost).count();
    let per_crash = |x: usize| x as f64 / kills.len().max(1) as f64;
    println!(
        "  acknowledged updates lost: {lost} (no reply within {} of the last restart)",
        ms(GIVE_UP)
    );
    println!(
        "  duplicate sends: {extra} ({:.1} per crash), of which the same message twice in a row: {repeats}; \
         messages missing in answered chats: {missing}",
        per_crash(extra)
    );
}
