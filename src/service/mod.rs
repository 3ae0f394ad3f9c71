//! The application service: one inbound event in, one transaction, replies in the outbox.

mod apply;
mod batch;
pub mod campaigns;
mod follow_ups;
mod inbound;
pub mod intake;
mod maintenance;
mod outgoing;
mod referrals;
pub mod replies;
pub mod staff_accounts;
pub mod staff_admin;
pub mod staff_chat;
mod wake;

pub use batch::{Item, Work};
pub use inbound::{Handled, Inbound, RawInput, Service, ServiceError, Settings};
pub use referrals::Answered;
pub use wake::Wake;
