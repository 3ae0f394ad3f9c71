//! Pandu: a chat bot that guides Indonesian micro and small businesses towards SNI.
//!
//! Data flows one way: a channel turns a platform payload into an inbound event, the
//! service runs the pure [`flow`] inside one [`store`] transaction, and replies leave
//! through the outbox.

pub mod access;
pub mod app;
pub mod campaigns;
pub mod channels;
pub mod config;
pub mod documents;
pub mod domain;
pub mod export;
pub mod flow;
pub mod i18n;
pub mod labels;
pub mod limits;
pub mod message;
pub mod parse;
pub mod reference;
pub mod referrals;
pub mod server;
pub mod service;
pub mod store;
pub mod telemetry;
pub mod web;
pub mod workers;
