//! Referrals as they move: routed when a result is judged, offered to one consultant at a
//! time, answered, reminded, expired, escalated. Every step runs in the caller's
//! transaction with the referral locked, and queues its messages in the same transaction.

mod send;

use super::Service;
use crate::access::StaffId;
use crate::domain::{ChannelKind, LeadId, TimerKind, UserKey};
use crate::flow::{Msg, OutcomeCode};
use crate::referrals::notice;
use crate::referrals::{
    Answer, DeclineReason, OfferId, RefButton, ReferralId, ReferralState, choose,
};
use crate::store::referrals::{LeadBrief, Offer, Referral};
use crate::store::{self, StoreError, Tx};
use time::OffsetDateTime;

/// What became of a consultant's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answered {
    Accepted,
    Declined,
    /// Tolak without a reason: the reason question was sent.
    AskedReason,
    /// The offer was answered before, expired, or moved on.
    TooLate(Option<Answer>),
    /// Not this consultant's offer (or no such offer).
    NotFound,
}

const OFFER_TIMERS: [TimerKind; 2] = [TimerKind::RemindOffer, TimerKind::ExpireOffer];

impl Service {
    /// A result was judged for this lead: open a referral for its desks, keep the open one
    /// when the route is the same, or withdraw it when the route changed.
    pub(crate) async fn route_lead(
        &self,
        tx: &mut Tx,
        lead: LeadId,
        outcome: OutcomeCode,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let desks = self.reference.routes.desks(outcome);
        let open = store::referrals::open_for_lead(&self.store, tx, lead).await?;
        match (open, desks) {
            (Some(open), Some(desks)) if open.desks == desks => {
                store::referrals::set_outcome(tx, open.id, outcome, now).await?;
                return Ok(());
            }
            (Some(open), _) => self.withdraw(tx, &open, "rerouted", now).await?,
            (None, _) => {}
        }
        if let Some(desks) = desks {
            let id = store::referrals::create(tx, lead, outcome, desks, now).await?;
            store::timers::schedule(tx, TimerKind::OfferReferral, id.0, now, now).await?;
            let detail = format!(
                "{} → {}",
                outcome.as_str(),
                crate::referrals::desk_names(desks, ", ")
            );
            store::audit::record_system(tx, "referral_opened", Some(lead), &detail, now).await?;
            tracing::info!(lead = %lead, referral = %id, "referral opened");
        }
        Ok(())
    }

    /// The lead's open referral, if any, no longer applies (the lead was superseded).
    pub(crate) async fn withdraw_for_lead(
        &self,
        tx: &mut Tx,
        lead: LeadId,
        why: &str,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        match store::referrals::open_for_lead(&self.store, tx, lead).await? {
            Some(open) => self.withdraw(tx, &open, why, now).await,
            None => Ok(()),
        }
    }

    /// The referral no longer applies; its open offer ends and the consultant holding it is
    /// told.
    async fn withdraw(
        &self,
        tx: &mut Tx,
        referral: &Referral,
        why: &str,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        if let Some(offer) = store::referrals::open_offer(tx, referral.id).await? {
            store::referrals::answer_offer(tx, offer.id, Answer::Withdrawn, None, now).await?;
            store::timers::cancel(tx, &OFFER_TIMERS, offer.id.0).await?;
        }
        store::referrals::set_state(tx, referral.id, ReferralState::Withdrawn, now).await?;
        store::audit::record_system(tx, "referral_withdrawn", Some(referral.lead), why, now)
            .await?;
        Ok(())
    }

    /// Offer the referral to the best consultant who has not had it; escalate when there is
    /// nobody, or when it has been offered as often as allowed.
    pub async fn offer_next(
        &self,
        tx: &mut Tx,
        id: ReferralId,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let Some(referral) = store::referrals::get_for_update(&self.store, tx, id).await? else {
            return Ok(());
        };
        if referral.state != ReferralState::Waiting {
            return Ok(());
        }
        let Some(lead) = store::referrals::lead_brief(tx, referral.lead).await? else {
            return Ok(());
        };
        if referral.tries >= self.settings.referrals.max_offers {
            return self.escalate(tx, &referral, &lead, now).await;
        }
        let excluded = store::referrals::offered_to(tx, id).await?;
        let candidates = store::referrals::candidates(tx, &referral.desks).await?;
        let Some(choice) = choose(&candidates, &lead.region_code, &referral.desks, &excluded)
        else {
            return self.escalate(tx, &referral, &lead, now).await;
        };
        let sla = self.settings.referrals.sla;
        let why = choice.why();
        let offer =
            store::referrals::offer(tx, &referral, choice.staff, &why, now + sla, now).await?;
        store::timers::schedule(tx, TimerKind::RemindOffer, offer.0, now + sla / 2, now).await?;
        store::timers::schedule(tx, TimerKind::ExpireOffer, offer.0, now + sla, now).await?;
        let message = self.notices().offer(&lead, offer, hours_up(sla));
        self.send_to_staff(tx, choice.staff, message, now).await?;
        let detail = format!("staff {} ({why})", choice.staff);
        store::audit::record_system(tx, "referral_offered", Some(lead.id), &detail, now).await?;
        tracing::info!(referral = %id, offer = %offer, "referral offered");
        Ok(())
    }

    /// Nobody accepted: the dinas of the region sees it on the dashboard and gets a message.
    async fn escalate(
        &self,
        tx: &mut Tx,
        referral: &Referral,
        lead: &LeadBrief,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        store::referrals::set_state(tx, referral.id, ReferralState::Escalated, now).await?;
        let detail = format!("{} offers", referral.tries);
        store::audit::record_system(tx, "referral_escalated", Some(lead.id), &detail, now).await?;
        let message = self.notices().escalated(lead, referral.tries);
        for officer in store::staff::dinas_for(tx, &lead.region_code).await? {
            self.send_to_staff(tx, officer, message.clone(), now)
                .await?;
        }
        tracing::warn!(referral = %referral.id, "referral escalated to the dinas");
        Ok(())
    }

    /// A consultant's answer, from a button in their chat or on the dashboard.
    pub(crate) async fn answer_referral(
        &self,
        tx: &mut Tx,
        staff: StaffId,
        button: RefButton,
        now: OffsetDateTime,
    ) -> Result<Answered, StoreError> {
        let Some((offer, referral)) = self.locked_offer(tx, button.offer()).await? else {
            return Ok(Answered::NotFound);
        };
        if offer.staff != staff {
            return Ok(Answered::NotFound);
        }
        if offer.answer.is_some() || referral.state != ReferralState::Offered {
            return Ok(Answered::TooLate(offer.answer));
        }
        let Some(lead) = store::referrals::lead_brief(tx, referral.lead).await? else {
            return Ok(Answered::NotFound);
        };
        match button {
            RefButton::Accept(_) => {
                self.accept(tx, &referral, &lead, staff, offer.id, now)
                    .await?;
                Ok(Answered::Accepted)
            }
            RefButton::Decline(_, None) => {
                let ask = self.notices().ask_reason(offer.id);
                self.send_to_staff(tx, staff, ask, now).await?;
                Ok(Answered::AskedReason)
            }
            RefButton::Decline(_, Some(reason)) => {
                self.decline(tx, &referral, offer.id, staff, reason, now)
                    .await?;
                Ok(Answered::Declined)
            }
        }
    }

    /// An answer given on the dashboard, in its own transaction.
    pub async fn answer_on_web(
        &self,
        staff: StaffId,
        button: RefButton,
    ) -> Result<Answered, StoreError> {
        let mut tx = self.store.begin().await?;
        let answered = self
            .answer_referral(&mut tx, staff, button, OffsetDateTime::now_utc())
            .await?;
        tx.commit().await?;
        self.wake_after_referrals();
        Ok(answered)
    }

    async fn accept(
        &self,
        tx: &mut Tx,
        referral: &Referral,
        lead: &LeadBrief,
        staff: StaffId,
        offer: OfferId,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        store::referrals::answer_offer(tx, offer, Answer::Accepted, None, now).await?;
        store::timers::cancel(tx, &OFFER_TIMERS, offer.0).await?;
        store::referrals::accept(tx, referral, staff, now).await?;
        store::audit::record(tx, staff, "referral_accepted", Some(lead.id), "", now).await?;
        if let Some(consultant) = store::staff::get_in(tx, staff).await? {
            let p = &consultant.profile;
            let news = notice::owner_accepted(
                &self.texts,
                lead,
                &consultant.name,
                &p.organisation,
                p.contact.as_deref(),
            );
            self.send_to_owner(tx, lead, news, now).await?;
        }
        self.send_to_staff(tx, staff, self.notices().accepted(lead), now)
            .await?;
        tracing::info!(referral = %referral.id, "referral accepted");
        Ok(())
    }

    async fn decline(
        &self,
        tx: &mut Tx,
        referral: &Referral,
        offer: OfferId,
        staff: StaffId,
        reason: DeclineReason,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        store::referrals::answer_offer(tx, offer, Answer::Declined, Some(reason), now).await?;
        store::timers::cancel(tx, &OFFER_TIMERS, offer.0).await?;
        store::referrals::set_state(tx, referral.id, ReferralState::Waiting, now).await?;
        store::audit::record(
            tx,
            staff,
            "referral_declined",
            Some(referral.lead),
            reason.as_str(),
            now,
        )
        .await?;
        let thanks = self.notices().say(Msg::new("referral-declined-thanks"));
        self.send_to_staff(tx, staff, thanks, now).await?;
        self.offer_next(tx, referral.id, now).await
    }

    /// Half the time is gone and the offer is still open.
    pub async fn remind_offer(
        &self,
        tx: &mut Tx,
        offer: OfferId,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let Some((offer, _, lead)) = self.open_offer_with_lead(tx, offer).await? else {
            return Ok(());
        };
        let hours_left = hours_up(offer.due - now);
        let message = self.notices().reminder(&lead, offer.id, hours_left);
        self.send_to_staff(tx, offer.staff, message, now).await?;
        store::audit::record_system(
            tx,
            "referral_reminded",
            Some(lead.id),
            &format!("staff {}", offer.staff),
            now,
        )
        .await?;
        Ok(())
    }

    /// No answer in time: the next consultant gets it.
    pub async fn expire_offer(
        &self,
        tx: &mut Tx,
        offer: OfferId,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let Some((offer, referral, lead)) = self.open_offer_with_lead(tx, offer).await? else {
            return Ok(());
        };
        self.move_on(tx, &referral, offer.id, Answer::Expired, now)
            .await?;
        let detail = format!("staff {}", offer.staff);
        store::audit::record_system(tx, "referral_expired", Some(lead.id), &detail, now).await?;
        self.offer_next(tx, referral.id, now).await
    }

    /// The offer ends without an answer; the referral waits for its next offer.
    async fn move_on(
        &self,
        tx: &mut Tx,
        referral: &Referral,
        offer: OfferId,
        answer: Answer,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        store::referrals::answer_offer(tx, offer, answer, None, now).await?;
        store::timers::cancel(tx, &OFFER_TIMERS, offer.0).await?;
        store::referrals::set_state(tx, referral.id, ReferralState::Waiting, now).await
    }

    /// A consultant left (unlinked, disabled, blocked the bot): their open offers go to the
    /// next consultant, soon, by timer.
    pub(crate) async fn release_consultant(
        &self,
        tx: &mut Tx,
        staff: StaffId,
        why: &str,
        now: OffsetDateTime,
    ) -> Result<usize, StoreError> {
        let offers = store::referrals::open_offers_of(tx, staff).await?;
        for offer in &offers {
            let Some(referral) =
                store::referrals::get_for_update(&self.store, tx, offer.referral).await?
            else {
                continue;
            };
            self.move_on(tx, &referral, offer.id, Answer::Withdrawn, now)
                .await?;
            store::timers::schedule(tx, TimerKind::OfferReferral, referral.id.0, now, now).await?;
            let detail = format!("staff {staff}: {why}");
            store::audit::record_system(
                tx,
                "referral_withdrawn",
                Some(referral.lead),
                &detail,
                now,
            )
            .await?;
        }
        Ok(offers.len())
    }

    /// A chat that blocked us: if it is a staff member's, their offers move on.
    pub(crate) async fn release_blocked(
        &self,
        tx: &mut Tx,
        channel: ChannelKind,
        user: &UserKey,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        if let Some(link) = store::links::of_user(tx, channel, user).await? {
            self.release_consultant(tx, link.staff, "blocked the bot", now)
                .await?;
        }
        Ok(())
    }

    /// The offer and its referral, locked; the offer is read again under the lock, since a
    /// timer or another instance may have answered it meanwhile.
    async fn locked_offer(
        &self,
        tx: &mut Tx,
        offer: OfferId,
    ) -> Result<Option<(Offer, Referral)>, StoreError> {
        let Some(found) = store::referrals::get_offer(tx, offer).await? else {
            return Ok(None);
        };
        let Some(referral) =
            store::referrals::get_for_update(&self.store, tx, found.referral).await?
        else {
            return Ok(None);
        };
        let offer = store::referrals::get_offer(tx, offer)
            .await?
            .unwrap_or(found);
        Ok(Some((offer, referral)))
    }

    /// An offer still waiting for its answer, with its referral (locked) and lead.
    async fn open_offer_with_lead(
        &self,
        tx: &mut Tx,
        offer: OfferId,
    ) -> Result<Option<(Offer, Referral, LeadBrief)>, StoreError> {
        let Some((offer, referral)) = self.locked_offer(tx, offer).await? else {
            return Ok(None);
        };
        if offer.answer.is_some() || referral.state != ReferralState::Offered {
            return Ok(None);
        }
        let lead = store::referrals::lead_brief(tx, referral.lead).await?;
        Ok(lead.map(|lead| (offer, referral, lead)))
    }
}

/// Whole hours, rounded up and at least one: "23 hours" when 22 h 59 min remain.
fn hours_up(d: time::Duration) -> i64 {
    (d.whole_minutes() + 59).div_euclid(60).max(1)
}
