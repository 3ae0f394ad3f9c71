//! Workers that are not a channel's: the scheduler that fires timers (referral offers,
//! reminders, expiries, follow-ups) and the campaign runner that feeds notices to the outbox.

pub mod campaigns;
pub mod scheduler;

pub use campaigns::CampaignRunner;
pub use scheduler::Scheduler;
