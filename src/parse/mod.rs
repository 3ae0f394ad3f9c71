//! Parsers for the free-text answers users type into the chat.

pub mod amount;
pub mod answer;
mod lexicon;
pub mod mentions;
pub mod phone;
pub mod stance;
pub mod text;

pub use amount::{AmountInput, Period, Rupiah, find_amount, parse_amount};
pub use answer::{YesNo, parse_yes_no};
pub use mentions::mentions;
pub use phone::{PhoneError, PhoneNumber};
pub use stance::{Stance, parse_stance};
pub use text::{canonical, message_text, normalize, one_line, strip_controls};
