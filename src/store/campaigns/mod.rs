//! Campaigns and their recipients: the rows, who an audience reaches, feeding the outbox
//! in small batches, and the results.

mod audience;
mod feed;
mod rows;
mod stats;
mod subscribers;

pub use audience::{Materialised, count_audience, materialise};
pub use feed::{Feed, backlog, feed, finish_if_done, release};
pub use rows::{
    NewCampaign, create, due_to_start, list, load, mark_tested, running, set_state, update_draft,
};
pub use stats::{RegionResults, Results, note_finished, results};
pub use subscribers::subscribed_among;
