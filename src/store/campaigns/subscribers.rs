//! Who may receive notices at all.

use crate::domain::{ChannelKind, UserKey};
use crate::store::sql::keys_among;
use crate::store::{Store, StoreError};
use std::collections::HashSet;

/// Which of these contacts still take notices (agreed, not opted out, not erased).
pub async fn subscribed_among(
    store: &Store,
    channel: ChannelKind,
    users: &[&UserKey],
) -> Result<HashSet<String>, StoreError> {
    let select = "SELECT user_key FROM conversations WHERE channel = $1 AND subscribed = 1";
    Ok(keys_among(store.pool(), select, channel, users).await?)
}
