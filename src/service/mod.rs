//! The application service: one inbound event in, one transaction, replies in the outbox.

mod apply;
mod inbound;
mod maintenance;

pub use inbound::{Handled, Inbound, RawInput, Service, ServiceError, Settings};
