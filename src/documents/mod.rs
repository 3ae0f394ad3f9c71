//! Documents sent by users: checked by their real type, kept content-addressed on disk.

mod inspect;
mod store;

pub use inspect::{inspect, too_large};
pub use store::{DocumentStore, StoreError};
