//! Workers that are not a channel's: the scheduler that fires timers (referral offers,
//! reminders, expiries; campaigns and follow-ups next).

pub mod scheduler;

pub use scheduler::Scheduler;
