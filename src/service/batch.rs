//! A batch of inbound work in ONE transaction: dedupe, load every state, run the flow, save
//! the states, leads and documents, queue every reply, settle the inbox rows. Group commit:
//! many chats cost one commit, and a handful of statements instead of a handful per chat.

use super::apply::Applied;
use super::inbound::{ATTEMPTS, dedupe_key};
use super::staff_chat::{self, StaffInput};
use super::{Handled, Inbound, Service, ServiceError};
use crate::access::StaffId;
use crate::domain::{ChannelKind, ConversationId, Locale, UserKey};
use crate::flow::{self, Ctx, Event, Next, Transition};
use crate::message::Outgoing;
use crate::store::{self, StoreError, Tx, conversations::Save, outbox::NewMessage};
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

/// What one claimed inbox row asks for, once its channel has read it (and fetched any file).
#[derive(Debug, Clone)]
pub enum Work {
    /// A conversation event. `on_duplicate` is queued instead when it was handled before (a
    /// double tap still needs its spinner stopped).
    Event {
        inbound: Inbound,
        on_duplicate: Vec<Outgoing>,
    },
    /// Channel housekeeping only, no conversation step (a stale button).
    Acknowledge { user: UserKey, acks: Vec<Outgoing> },
    /// The contact blocked us or is gone: nothing more is sent.
    Unreachable { user: UserKey, why: String },
    /// The contact can be written to again.
    Reachable { user: UserKey },
    /// Nothing to do (an update of a kind we ignore, an unreadable one).
    Nothing,
}

#[derive(Debug, Clone)]
pub struct Item {
    /// The inbox row this came from: marked done in the same transaction.
    pub inbox_id: Option<i64>,
    pub work: Work,
}

/// A message to queue: conversation, recipient, content, transient, when.
type Queued<'a> = (
    Option<ConversationId>,
    &'a UserKey,
    Outgoing,
    bool,
    OffsetDateTime,
);

/// One event after its flow step, before it is written.
pub(super) struct Stepped<'a> {
    pub inbound: &'a Inbound,
    /// The conversation row the state was loaded from.
    pub existing: Option<ConversationId>,
    pub transition: Transition,
    /// A document's bytes, when the flow may keep it.
    pub bytes: Option<&'a [u8]>,
    pub locale_before: Locale,
}

impl Service {
    /// Handle a batch of one channel's items. All in one transaction; when that fails, each
    /// item alone, so one bad item cannot hold the others back. One result per item.
    pub async fn handle_batch(
        &self,
        channel: ChannelKind,
        items: &[Item],
    ) -> Vec<Result<Handled, ServiceError>> {
        if items.len() > 1 && distinct_users(items) {
            match self.with_retries(channel, items).await {
                Ok(done) => return done.into_iter().map(Ok).collect(),
                Err(e) => {
                    tracing::warn!(error = %e, items = items.len(), "batch failed; handling its items one by one")
                }
            }
        }
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let one = self.with_retries(channel, std::slice::from_ref(item)).await;
            out.push(one.map(|mut handled| handled.remove(0)));
        }
        out
    }

    /// Another instance may create the same new conversation at once; the loser's
    /// transaction rolled back whole, so it can simply run again on the state that won.
    async fn with_retries(
        &self,
        channel: ChannelKind,
        items: &[Item],
    ) -> Result<Vec<Handled>, ServiceError> {
        for _ in 1..ATTEMPTS {
            match self.run_batch(channel, items).await {
                Err(ServiceError::Store(e)) if e.is_conflict() => {
                    tracing::warn!("conflict, retrying")
                }
                done => return done,
            }
        }
        self.run_batch(channel, items).await
    }

    async fn run_batch(
        &self,
        channel: ChannelKind,
        items: &[Item],
    ) -> Result<Vec<Handled>, ServiceError> {
        let now = OffsetDateTime::now_utc();
        let keys: Vec<Option<(String, OffsetDateTime)>> = items
            .iter()
            .map(|item| match &item.work {
                Work::Event { inbound, .. } => Some((dedupe_key(inbound), inbound.at)),
                _ => None,
            })
            .collect();
        let mut tx = self.store.begin().await?;
        let key_refs: Vec<(&str, OffsetDateTime)> = keys
            .iter()
            .flatten()
            .map(|(k, at)| (k.as_str(), *at))
            .collect();
        let fresh = store::inbound::claim(&mut tx, &key_refs).await?;
        let fresh: Vec<bool> = keys
            .iter()
            .map(|k| k.as_ref().is_some_and(|(k, _)| fresh.contains(k)))
            .collect();
        let mut applied = Applied::default();
        let written = self
            .write(&mut tx, channel, items, &fresh, now, &mut applied)
            .await;
        let handled = match written {
            Ok(handled) => match tx.commit().await {
                Ok(()) => handled,
                Err(e) => return Err(self.undo(applied, StoreError::from(e).into()).await),
            },
            Err(e) => return Err(self.undo(applied, e).await),
        };
        if applied.scheduled {
            self.wake.timers();
        }
        self.remove_unreferenced(applied.erased_files).await;
        self.wake_senders();
        tracing::debug!(items = items.len(), "batch handled");
        Ok(handled)
    }

    /// Files written for a transaction that did not commit must not linger.
    async fn undo(&self, applied: Applied, error: ServiceError) -> ServiceError {
        self.remove_unreferenced(applied.written_files).await;
        error
    }

    /// Everything the batch writes, in its transaction.
    async fn write(
        &self,
        tx: &mut Tx,
        channel: ChannelKind,
        items: &[Item],
        fresh: &[bool],
        now: OffsetDateTime,
        applied: &mut Applied,
    ) -> Result<Vec<Handled>, ServiceError> {
        let staff = self.staff_items(tx, channel, items, fresh).await?;
        let stepped = self.step_all(tx, channel, items, fresh, &staff).await?;
        let saves: Vec<Save> = stepped
            .values()
            .filter_map(|s| match &s.transition.next {
                Next::Keep(conv) => Some(Save {
                    existing: s.existing,
                    user: &s.inbound.user,
                    conv,
                    at: s.inbound.at,
                }),
                Next::Forget => None,
            })
            .collect();
        let ids = store::conversations::save(tx, channel, &saves).await?;
        let mut queue: Vec<Queued> = Vec::new();
        let mut handled = Vec::with_capacity(items.len());
        for (n, item) in items.iter().enumerate() {
            handled.push(match (&item.work, stepped.get(&n)) {
                (Work::Event { inbound, .. }, None) if staff.contains_key(&n) => {
                    let (account, input) = &staff[&n];
                    self.staff_event(tx, inbound, *account, input.clone(), now)
                        .await?;
                    Handled::Processed { replies: 1 }
                }
                (Work::Event { inbound, .. }, Some(s)) => {
                    let conversation = ids.get(inbound.user.as_str()).copied();
                    let t = &s.transition;
                    self.apply(tx, s, conversation, applied).await?;
                    let replies = self.replies(inbound, t, s.locale_before);
                    let count = replies
                        .iter()
                        .filter(|(o, _)| o.message().is_some())
                        .count();
                    let (user, at) = (&inbound.user, inbound.at);
                    queue.extend(
                        replies
                            .into_iter()
                            .map(|(o, t)| (conversation, user, o, t, at)),
                    );
                    tracing::debug!(replies = count, effects = t.effects.len(), "event handled");
                    Handled::Processed { replies: count }
                }
                (
                    Work::Event {
                        inbound,
                        on_duplicate,
                    },
                    None,
                ) => {
                    tracing::info!("duplicate event ignored");
                    let user = &inbound.user;
                    queue.extend(
                        on_duplicate
                            .iter()
                            .map(|o| (None, user, o.clone(), true, now)),
                    );
                    Handled::Duplicate
                }
                (Work::Acknowledge { user, acks }, _) => {
                    queue.extend(acks.iter().map(|o| (None, user, o.clone(), true, now)));
                    Handled::Housekeeping
                }
                (Work::Unreachable { user, why }, _) => {
                    store::contacts::mark_unreachable(tx, channel, user, why, now).await?;
                    self.release_blocked(tx, channel, user, now).await?;
                    store::outbox::fail_all_for(tx, channel, user, why).await?;
                    Handled::Housekeeping
                }
                (Work::Reachable { .. } | Work::Nothing, _) => Handled::Housekeeping,
            });
        }
        let messages: Vec<NewMessage> = queue
            .iter()
            .map(
                |(conversation, recipient, outgoing, transient, at)| NewMessage {
                    conversation: *conversation,
                    recipient,
                    outgoing,
                    transient: *transient,
                    at: *at,
                },
            )
            .collect();
        store::outbox::enqueue(tx, channel, &messages).await?;
        // Whoever writes to us can be reached again.
        let reachable: Vec<&UserKey> = items
            .iter()
            .filter_map(|item| match &item.work {
                Work::Event { inbound, .. } => Some(&inbound.user),
                Work::Reachable { user } => Some(user),
                _ => None,
            })
            .collect();
        store::contacts::mark_reachable(tx, channel, &reachable).await?;
        // Writing opens a WhatsApp window: what waited for one (a staff reply without a
        // template) goes now, before the answers to this message.
        store::outbox::release_held_among(tx, channel, &reachable, now).await?;
        let done: Vec<i64> = items.iter().filter_map(|i| i.inbox_id).collect();
        store::inbox::mark_done(tx, &done).await?;
        Ok(handled)
    }

    /// Load the states of the fresh events (locked) and run the flow on each. Keyed by the
    /// item's position.
    async fn step_all<'a>(
        &self,
        tx: &mut Tx,
        channel: ChannelKind,
        items: &'a [Item],
        fresh: &[bool],
        staff: &HashMap<usize, (Option<StaffId>, StaffInput)>,
    ) -> Result<HashMap<usize, Stepped<'a>>, StoreError> {
        let events: Vec<(usize, &Inbound)> = items
            .iter()
            .enumerate()
            .filter(|(n, _)| fresh[*n] && !staff.contains_key(n))
            .filter_map(|(n, item)| match &item.work {
                Work::Event { inbound, .. } => Some((n, inbound)),
                _ => None,
            })
            .collect();
        let users: Vec<&UserKey> = events.iter().map(|(_, i)| &i.user).collect();
        let mut loaded =
            store::conversations::load_for_update(&self.store, tx, channel, &users).await?;
        // Only owners who have a result can have a referral to report.
        let judged: Vec<&UserKey> = events
            .iter()
            .filter(|(_, i)| {
                loaded
                    .get(i.user.as_str())
                    .is_some_and(|(_, state)| state.as_ref().is_some_and(|c| c.decision.is_some()))
            })
            .map(|(_, i)| &i.user)
            .collect();
        let referrals = store::referrals::owner_views(tx, channel, &judged).await?;
        let mut stepped = HashMap::with_capacity(events.len());
        for (n, inbound) in events {
            let (existing, state) = match loaded.remove(inbound.user.as_str()) {
                Some((id, state)) => (Some(id), state),
                None => (None, None),
            };
            let locale_before = state
                .as_ref()
                .map_or(self.settings.default_locale, |c| c.locale);
            let (input, bytes) = self.check(&inbound.input);
            let ctx = Ctx {
                reference: &self.reference,
                sender_phone: inbound.sender_phone.as_ref(),
                default_locale: self.settings.default_locale,
                retention_months: self.settings.retention_months,
                texts: &self.texts,
                referral: referrals.get(inbound.user.as_str()),
            };
            let event = Event {
                input,
                at: inbound.at,
            };
            let transition = flow::step(state, &event, &ctx);
            stepped.insert(
                n,
                Stepped {
                    inbound,
                    existing,
                    transition,
                    bytes,
                    locale_before,
                },
            );
        }
        Ok(stepped)
    }
}

impl Service {
    /// The fresh events that are a staff member's (a linked chat, a link code, a referral
    /// button), with the account linked to the chat. They skip the owners' flow.
    async fn staff_items(
        &self,
        tx: &mut Tx,
        channel: ChannelKind,
        items: &[Item],
        fresh: &[bool],
    ) -> Result<HashMap<usize, (Option<StaffId>, StaffInput)>, StoreError> {
        let events: Vec<(usize, &Inbound)> = items
            .iter()
            .enumerate()
            .filter(|(n, _)| fresh[*n])
            .filter_map(|(n, item)| match &item.work {
                Work::Event { inbound, .. } => Some((n, inbound)),
                _ => None,
            })
            .collect();
        let users: Vec<&UserKey> = events.iter().map(|(_, i)| &i.user).collect();
        let linked = store::links::staff_among(tx, channel, &users).await?;
        Ok(events
            .into_iter()
            .filter_map(|(n, inbound)| {
                let staff = linked.get(inbound.user.as_str()).copied();
                let input = staff_chat::read(&inbound.input);
                // Someone not linked is staff only when linking or pressing a referral button.
                let staffish = matches!(input, StaffInput::Link(_) | StaffInput::Button(_));
                (staff.is_some() || staffish).then_some((n, (staff, input)))
            })
            .collect())
    }
}

/// One transaction can hold one step per user: a second event of a user must see the
/// first one's state.
fn distinct_users(items: &[Item]) -> bool {
    let mut seen = HashSet::new();
    items.iter().all(|item| match &item.work {
        Work::Event { inbound, .. } => seen.insert(inbound.user.as_str()),
        Work::Acknowledge { user, .. }
        | Work::Unreachable { user, .. }
        | Work::Reachable { user } => seen.insert(user.as_str()),
        Work::Nothing => true,
    })
}
