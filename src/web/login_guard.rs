//! Failed sign-ins, counted so that guessing is slow and a stranger cannot lock a user out.
//!
//! Only failures count. Three limits apply, each a bucket that drains at a steady rate:
//! one per (client address, email), one per client address, and one for the whole service.
//! The global one only stops addresses that have failed recently themselves, so a flood from
//! elsewhere never locks out a user who types their password right. Old keys are forgotten,
//! and emails are kept as a short digest, so the map stays small whatever is sent.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many failures a bucket holds, and how many drain from it a minute.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub burst: f64,
    pub per_minute: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub pair: Limit,
    pub address: Limit,
    pub global: Limit,
    /// Keys kept at most; beyond it new keys are not remembered (the global bucket still is).
    pub max_keys: usize,
}

/// Five tries for one account from one place, then one a minute; twenty from one address over
/// all accounts, then five a minute; three hundred failures a minute over the whole service.
pub const LIMITS: Limits = Limits {
    pair: Limit {
        burst: 5.0,
        per_minute: 1.0,
    },
    address: Limit {
        burst: 20.0,
        per_minute: 5.0,
    },
    global: Limit {
        burst: 300.0,
        per_minute: 300.0,
    },
    max_keys: 100_000,
};

/// Forget drained keys this often.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttled;

type Pair = (IpAddr, [u8; 16]);

pub struct LoginGuard {
    limits: Limits,
    state: Mutex<State>,
}

struct State {
    pairs: HashMap<Pair, Level>,
    addresses: HashMap<IpAddr, Level>,
    global: Level,
    swept: Instant,
}

/// A bucket's fill at a moment; it drains as time passes.
#[derive(Debug, Clone, Copy)]
struct Level {
    value: f64,
    at: Instant,
}

impl Level {
    fn empty(at: Instant) -> Self {
        Self { value: 0.0, at }
    }

    fn now(self, limit: Limit, now: Instant) -> f64 {
        let drained =
            now.saturating_duration_since(self.at).as_secs_f64() * limit.per_minute / 60.0;
        (self.value - drained).max(0.0)
    }

    fn add(&mut self, limit: Limit, now: Instant) {
        self.value = self.now(limit, now) + 1.0;
        self.at = now;
    }
}

impl LoginGuard {
    pub fn new(limits: Limits, now: Instant) -> Self {
        Self {
            limits,
            state: Mutex::new(State {
                pairs: HashMap::new(),
                addresses: HashMap::new(),
                global: Level::empty(now),
                swept: now,
            }),
        }
    }

    /// May this client try this email now? Checked before any password is hashed.
    pub fn check(&self, client: IpAddr, email: &str, now: Instant) -> Result<(), Throttled> {
        let l = self.limits;
        let state = self.lock();
        // Full when one more failure would overflow it (the level drains between tries).
        let full = |level: Option<&Level>, limit: Limit| {
            level.is_some_and(|v| v.now(limit, now) + 1.0 > limit.burst)
        };
        let address = state.addresses.get(&client);
        let failed_lately = address.is_some_and(|v| v.now(l.address, now) > 0.0);
        if full(state.pairs.get(&pair(client, email)), l.pair)
            || full(address, l.address)
            || (failed_lately && full(Some(&state.global), l.global))
        {
            return Err(Throttled);
        }
        Ok(())
    }

    /// Count a failed sign-in.
    pub fn failed(&self, client: IpAddr, email: &str, now: Instant) {
        let l = self.limits;
        let mut state = self.lock();
        state.sweep(l, now);
        state.global.add(l.global, now);
        let room = state.pairs.len() + state.addresses.len() < l.max_keys;
        let key = pair(client, email);
        if room || state.pairs.contains_key(&key) {
            state
                .pairs
                .entry(key)
                .or_insert(Level::empty(now))
                .add(l.pair, now);
        }
        if room || state.addresses.contains_key(&client) {
            let level = state.addresses.entry(client).or_insert(Level::empty(now));
            level.add(l.address, now);
        }
    }

    /// The right password from here: this account's count from this address starts again.
    pub fn succeeded(&self, client: IpAddr, email: &str) {
        self.lock().pairs.remove(&pair(client, email));
    }

    /// Keys remembered now (for tests and the benchmark).
    pub fn keys(&self) -> usize {
        let state = self.lock();
        state.pairs.len() + state.addresses.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding it cannot leave the counts inconsistent in a harmful way.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl State {
    fn sweep(&mut self, l: Limits, now: Instant) {
        if now.saturating_duration_since(self.swept) < SWEEP_EVERY {
            return;
        }
        self.swept = now;
        self.pairs.retain(|_, v| v.now(l.pair, now) > 0.0);
        self.addresses.retain(|_, v| v.now(l.address, now) > 0.0);
        self.pairs.shrink_to_fit();
        self.addresses.shrink_to_fit();
    }
}

/// Emails are up to 254 bytes; a digest keeps every key the same small size.
fn pair(client: IpAddr, email: &str) -> Pair {
    let digest = Sha256::digest(email.as_bytes());
    let mut short = [0u8; 16];
    short.copy_from_slice(&digest[..16]);
    (client, short)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn five_failures_stop_that_pair_but_not_the_owner_elsewhere() {
        let t0 = Instant::now();
        let guard = LoginGuard::new(LIMITS, t0);
        let (attacker, owner) = (ip("203.0.113.9"), ip("198.51.100.4"));
        for _ in 0..5 {
            assert_eq!(guard.check(attacker, "rina@dinas.go.id", t0), Ok(()));
            guard.failed(attacker, "rina@dinas.go.id", t0);
        }
        assert_eq!(
            guard.check(attacker, "rina@dinas.go.id", t0),
            Err(Throttled)
        );
        assert_eq!(guard.check(owner, "rina@dinas.go.id", t0), Ok(()));
        // One more try a minute later.
        let later = t0 + Duration::from_secs(61);
        assert_eq!(guard.check(attacker, "rina@dinas.go.id", later), Ok(()));
    }

    #[test]
    fn spraying_many_accounts_from_one_address_is_stopped() {
        let t0 = Instant::now();
        let guard = LoginGuard::new(LIMITS, t0);
        let attacker = ip("203.0.113.9");
        for n in 0..20 {
            guard.failed(attacker, &format!("user{n}@x.id"), t0);
        }
        assert_eq!(guard.check(attacker, "new@x.id", t0), Err(Throttled));
        assert_eq!(guard.check(ip("203.0.113.10"), "new@x.id", t0), Ok(()));
    }

    #[test]
    fn a_global_flood_stops_failing_addresses_only() {
        let t0 = Instant::now();
        let guard = LoginGuard::new(LIMITS, t0);
        for n in 0..300u32 {
            let addr = IpAddr::from(n.to_be_bytes());
            guard.failed(addr, "rina@dinas.go.id", t0);
        }
        assert_eq!(
            guard.check(IpAddr::from(7u32.to_be_bytes()), "x@y.id", t0),
            Err(Throttled)
        );
        assert_eq!(
            guard.check(ip("198.51.100.4"), "rina@dinas.go.id", t0),
            Ok(())
        );
    }

    #[test]
    fn drained_keys_are_forgotten_and_the_map_is_bounded() {
        let t0 = Instant::now();
        let limits = Limits {
            max_keys: 10,
            ..LIMITS
        };
        let guard = LoginGuard::new(limits, t0);
        for n in 0..100u32 {
            guard.failed(IpAddr::from(n.to_be_bytes()), "a@b.id", t0);
        }
        assert!(guard.keys() <= 11, "{} keys", guard.keys());
        let hour = t0 + Duration::from_secs(3600);
        guard.failed(ip("198.51.100.4"), "a@b.id", hour);
        assert_eq!(guard.keys(), 2);
    }

    #[test]
    fn a_success_clears_the_pair() {
        let t0 = Instant::now();
        let guard = LoginGuard::new(LIMITS, t0);
        let owner = ip("198.51.100.4");
        for _ in 0..4 {
            guard.failed(owner, "rina@dinas.go.id", t0);
        }
        guard.succeeded(owner, "rina@dinas.go.id");
        guard.failed(owner, "rina@dinas.go.id", t0);
        assert_eq!(guard.check(owner, "rina@dinas.go.id", t0), Ok(()));
    }
}
