//! One adapter per platform. Each turns its payloads into `service::Inbound` and delivers
//! `message::OutMessage`s from the outbox.

pub mod console;
pub mod fault;
pub mod inbox;
pub mod reason;
pub mod sender;
pub mod telegram;
pub mod whatsapp;
pub mod worker;
