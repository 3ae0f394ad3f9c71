//! Parsers for the free-text answers users type into the chat.

pub mod amount;
pub mod answer;
pub mod phone;
pub mod text;

pub use amount::{AmountInput, Period, Rupiah, parse_amount};
pub use answer::{YesNo, parse_yes_no};
pub use phone::{PhoneError, PhoneNumber};
pub use text::normalize;
