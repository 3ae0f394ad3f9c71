//! Follow-ups: planned when a check gets its result, sent by the scheduler when due, and the
//! one reminder for a check left unfinished.

use super::Service;
use super::outgoing::{To, queue};
use crate::campaigns::follow_ups::FollowUp;
use crate::domain::{ChannelKind, ConversationId, Locale, TimerKind, WHATSAPP_WINDOW as WINDOW};
use crate::flow::{Button, ButtonId, Msg, OutcomeCode, Reply};
use crate::message::{OutMessage, Template, TemplateKind};
use crate::store::{self, StoreError, Tx};
use time::{Duration, OffsetDateTime};

/// Reminders go out this long before the window closes at the latest, so the sender
/// still finds it open.
const WINDOW_MARGIN: Duration = Duration::minutes(30);
/// Unfinished reminders queued per sweep.
const SWEEP: i64 = 200;

impl Service {
    /// A check got a new result: plan the follow-ups of its outcome (replacing earlier ones).
    pub(super) async fn plan_follow_ups(
        &self,
        tx: &mut Tx,
        conversation: ConversationId,
        outcome: OutcomeCode,
        at: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        store::follow_ups::clear(tx, conversation).await?;
        let mut planned = false;
        for f in self.settings.follow_ups.on_outcome(outcome) {
            let due = at + f.after;
            let id = store::follow_ups::schedule(tx, &f.key, conversation, due, at).await?;
            store::timers::schedule(tx, TimerKind::FollowUp, id, due, at).await?;
            planned = true;
        }
        Ok(planned)
    }

    /// A follow-up's timer fired: send it, unless the owner opted out, erased their data, or
    /// is a WhatsApp contact outside the window with no template for it.
    pub(crate) async fn send_follow_up(
        &self,
        tx: &mut Tx,
        id: i64,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let Some(due) = store::follow_ups::take(tx, id, now).await? else {
            return Ok(());
        };
        let Some(f) = self.settings.follow_ups.get(&due.event) else {
            tracing::warn!(event = %due.event, "follow-up no longer configured; dropped");
            return Ok(());
        };
        let closed = due.channel == ChannelKind::Whatsapp && now - due.last_seen > WINDOW;
        if !due.subscribed || (closed && f.template.is_none()) {
            tracing::info!(event = %due.event, subscribed = due.subscribed, "follow-up not sent");
            return Ok(());
        }
        let locale = due
            .state
            .as_ref()
            .map_or(self.settings.default_locale, |c| c.locale);
        let to = To {
            channel: due.channel,
            user: &due.user,
            conversation: Some(due.conversation),
            transient: false,
        };
        queue(tx, &to, self.follow_up_message(f, locale), now).await?;
        tracing::info!(event = %due.event, "follow-up queued");
        Ok(())
    }

    /// Remind owners who left a check unfinished `after` ago, once, while WhatsApp's window
    /// is still open. Returns how many were reminded.
    pub async fn remind_unfinished(&self, now: OffsetDateTime) -> Result<usize, StoreError> {
        let Some(f) = self.settings.follow_ups.unfinished() else {
            return Ok(0);
        };
        let from = now - WINDOW + WINDOW_MARGIN;
        let left = store::follow_ups::unfinished(&self.store, from, now - f.after, SWEEP).await?;
        let mut reminded = 0;
        for owner in &left {
            let locale = owner
                .state
                .as_ref()
                .map_or(self.settings.default_locale, |c| c.locale);
            let mut tx = self.store.begin().await?;
            if store::follow_ups::mark_nudged(&mut tx, owner.conversation).await? {
                let to = To {
                    channel: owner.channel,
                    user: &owner.user,
                    conversation: Some(owner.conversation),
                    transient: false,
                };
                queue(&mut tx, &to, self.follow_up_message(f, locale), now).await?;
                reminded += 1;
            }
            tx.commit().await?;
        }
        if reminded > 0 {
            tracing::info!(reminded, "unfinished checks reminded");
            self.wake.outbox();
        }
        Ok(reminded)
    }

    fn follow_up_message(&self, f: &FollowUp, locale: Locale) -> OutMessage {
        let reply = Reply {
            paragraphs: vec![Msg::new(f.message)],
            buttons: f
                .recheck_button
                .map(|label| Button::msg(ButtonId::Recheck, label))
                .into_iter()
                .collect(),
            ask_contact: false,
        };
        let mut message = self.texts.render_reply(locale, &reply);
        message.template = f.template.as_ref().map(|t| Template {
            kind: TemplateKind::FollowUp,
            params: Vec::new(),
            buttons: message.buttons.iter().map(|b| b.id.clone()).collect(),
            named: Some(t.clone()),
            header_image: None,
        });
        message
    }
}
