//! Wake-ups for the workers: new updates for the inbox workers, new messages for the senders,
//! so neither polls while there is work and neither is woken for the other's. Watch channels:
//! a worker that was busy still sees the change afterwards.

use tokio::sync::watch;

#[derive(Debug)]
pub struct Wake {
    inbox: watch::Sender<u64>,
    outbox: watch::Sender<u64>,
    timers: watch::Sender<u64>,
    campaigns: watch::Sender<u64>,
}

impl Default for Wake {
    fn default() -> Self {
        Self {
            inbox: watch::Sender::new(0),
            outbox: watch::Sender::new(0),
            timers: watch::Sender::new(0),
            campaigns: watch::Sender::new(0),
        }
    }
}

impl Wake {
    /// Updates were stored.
    pub fn inbox(&self) {
        self.inbox.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// Messages were queued.
    pub fn outbox(&self) {
        self.outbox.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// A timer was scheduled that may be due now.
    pub fn timers(&self) {
        self.timers.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// A campaign was started or resumed.
    pub fn campaigns(&self) {
        self.campaigns.send_modify(|n| *n = n.wrapping_add(1));
    }

    pub fn on_campaigns(&self) -> watch::Receiver<u64> {
        self.campaigns.subscribe()
    }

    pub fn on_timers(&self) -> watch::Receiver<u64> {
        self.timers.subscribe()
    }

    pub fn on_inbox(&self) -> watch::Receiver<u64> {
        self.inbox.subscribe()
    }

    pub fn on_outbox(&self) -> watch::Receiver<u64> {
        self.outbox.subscribe()
    }
}
