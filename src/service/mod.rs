//! The application service: one inbound event in, one transaction, replies in the outbox.

mod inbound;

pub use inbound::{Handled, Inbound, RawInput, Service, ServiceError, Settings};
