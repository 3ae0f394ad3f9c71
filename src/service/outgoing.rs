//! Queueing a message the service makes itself (not a reply): split to the channel's limit.

use crate::domain::{ChannelKind, ConversationId, UserKey};
use crate::message::{OutMessage, Outgoing};
use crate::store::{self, StoreError, Tx, outbox::NewMessage};
use time::OffsetDateTime;

/// Where a message goes.
pub(crate) struct To<'a> {
    pub channel: ChannelKind,
    pub user: &'a UserKey,
    pub conversation: Option<ConversationId>,
    /// Delete its content once delivered.
    pub transient: bool,
}

/// Queue a message, split to the channel's limit.
pub(crate) async fn queue(
    tx: &mut Tx,
    to: &To<'_>,
    message: OutMessage,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let parts: Vec<Outgoing> = message
        .split(to.channel.max_text_chars())
        .into_iter()
        .map(Outgoing::Message)
        .collect();
    let messages: Vec<NewMessage> = parts
        .iter()
        .map(|outgoing| NewMessage {
            conversation: to.conversation,
            recipient: to.user,
            outgoing,
            transient: to.transient,
            at: now,
        })
        .collect();
    store::outbox::enqueue(tx, to.channel, &messages).await
}
