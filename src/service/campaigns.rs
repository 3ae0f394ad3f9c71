//! Running outreach campaigns: the rules a campaign must meet at each step, who may run it,
//! and the test send. The campaigns worker does the sending.

use super::Service;
use super::outgoing::{To, queue};
use crate::access::StaffId;
use crate::campaigns::{
    self, Campaign, CampaignError, CampaignId, CampaignState, Draft, WaTemplate,
};
use crate::domain::{ChannelKind, UserKey};
use crate::reference::RegionCode;
use crate::store::campaigns::{NewCampaign, Results};
use crate::store::{self, StoreError};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

#[derive(Debug, thiserror::Error)]
pub enum OutreachError {
    #[error(transparent)]
    Rule(#[from] CampaignError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Who acts on a campaign: a staff member (or the operator at the CLI, `staff` None) and
/// where they may reach (`region` None: everywhere).
#[derive(Debug, Clone)]
pub struct Actor {
    pub staff: Option<StaffId>,
    pub region: Option<RegionCode>,
}

impl Actor {
    pub fn operator() -> Self {
        Self {
            staff: None,
            region: None,
        }
    }

    fn may_run(&self, campaign: &Campaign) -> bool {
        campaigns::in_scope(self.region.as_ref(), campaign.region.as_ref())
    }
}

/// Asks WhatsApp whether a template is approved and fits the notice (parameters, image).
pub trait TemplateCheck: Send + Sync {
    fn check<'a>(
        &'a self,
        template: &'a WaTemplate,
        with_image: bool,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

pub type TemplateChecker = Option<Arc<dyn TemplateCheck>>;

/// Where a test send goes: the acting staff member's linked chat, or a chat named outright.
pub enum TestTo {
    LinkedChat,
    Chat(ChannelKind, UserKey),
}

/// A start time may be this much in the past (the form took a while).
const START_SLACK: Duration = Duration::minutes(5);

impl Service {
    pub async fn create_campaign(
        &self,
        draft: &Draft,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<CampaignId, OutreachError> {
        draft.check(actor.region.as_ref())?;
        let code = campaign_code();
        let new = NewCampaign {
            code: &code,
            draft,
            region: draft.audience.region.as_ref().or(actor.region.as_ref()),
            created_by: actor.staff,
            now,
        };
        let id = store::campaigns::create(&self.store, &new).await?;
        tracing::info!(campaign = %id, "campaign created");
        Ok(id)
    }

    /// Change a draft; a changed draft needs a new test send.
    pub async fn edit_campaign(
        &self,
        id: CampaignId,
        draft: &Draft,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<(), OutreachError> {
        self.campaign_for(id, actor).await?;
        draft.check(actor.region.as_ref())?;
        if !store::campaigns::update_draft(&self.store, id, draft, now).await? {
            return Err(CampaignError::State("not a draft").into());
        }
        Ok(())
    }

    /// A campaign the actor may see and run.
    pub async fn campaign_for(
        &self,
        id: CampaignId,
        actor: &Actor,
    ) -> Result<Campaign, OutreachError> {
        match store::campaigns::load(&self.store, id).await? {
            Some(c) if actor.may_run(&c) => Ok(c),
            _ => Err(CampaignError::NotFound.into()),
        }
    }

    pub async fn audience_size(
        &self,
        draft: &Draft,
        now: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        store::campaigns::count_audience(&self.store, &draft.audience, now).await
    }

    /// Send the notice to the officer's own chat, as a recipient would get it.
    pub async fn test_campaign(
        &self,
        id: CampaignId,
        actor: &Actor,
        to: TestTo,
        now: OffsetDateTime,
    ) -> Result<(), OutreachError> {
        let campaign = self.campaign_for(id, actor).await?;
        let mut tx = self.store.begin().await?;
        let (channel, user) = match to {
            TestTo::Chat(channel, user) => (channel, user),
            TestTo::LinkedChat => {
                let staff = actor.staff.ok_or(CampaignError::NoTestChat)?;
                let link = store::links::of_staff(&mut tx, staff).await?;
                let link = link.ok_or(CampaignError::NoTestChat)?;
                (link.channel, link.user)
            }
        };
        let notice = campaigns::notice(&campaign, self.settings.bot_username.as_deref());
        let to = To {
            channel,
            user: &user,
            conversation: None,
            transient: true,
        };
        queue(&mut tx, &to, notice, now).await?;
        tx.commit().await.map_err(StoreError::from)?;
        store::campaigns::mark_tested(&self.store, id, now).await?;
        self.wake.outbox();
        tracing::info!(campaign = %id, channel = %channel, "campaign test sent");
        Ok(())
    }

    /// Schedule a tested draft for `at` (now when None), after every check it must pass.
    pub async fn start_campaign(
        &self,
        id: CampaignId,
        at: Option<OffsetDateTime>,
        actor: &Actor,
        checker: &TemplateChecker,
        now: OffsetDateTime,
    ) -> Result<OffsetDateTime, OutreachError> {
        let campaign = self.campaign_for(id, actor).await?;
        if campaign.state != CampaignState::Draft {
            return Err(CampaignError::State(campaign.state.as_str()).into());
        }
        campaign.draft.check(actor.region.as_ref())?;
        if campaign.tested_at.is_none() {
            return Err(CampaignError::NotTested.into());
        }
        let at = at.unwrap_or(now);
        if at < now - START_SLACK {
            return Err(CampaignError::InThePast.into());
        }
        if let (Some(template), Some(checker)) = (&campaign.draft.template, checker) {
            let image = campaign.draft.image_url.is_some();
            checker
                .check(template, image)
                .await
                .map_err(CampaignError::Template)?;
        }
        self.move_campaign(
            id,
            &[CampaignState::Draft],
            CampaignState::Scheduled,
            Some(at),
            now,
        )
        .await?;
        tracing::info!(campaign = %id, "campaign scheduled");
        Ok(at)
    }

    /// Stop sending; what is queued but not sent is taken back.
    pub async fn pause_campaign(
        &self,
        id: CampaignId,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<(), OutreachError> {
        self.campaign_for(id, actor).await?;
        let from = [CampaignState::Scheduled, CampaignState::Running];
        self.move_campaign(id, &from, CampaignState::Paused, None, now)
            .await?;
        let back = store::campaigns::release(&self.store, id, false).await?;
        tracing::info!(campaign = %id, taken_back = back, "campaign paused");
        Ok(())
    }

    /// Go on where it stopped (at its start time, if that is still to come).
    pub async fn resume_campaign(
        &self,
        id: CampaignId,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<(), OutreachError> {
        self.campaign_for(id, actor).await?;
        self.move_campaign(
            id,
            &[CampaignState::Paused],
            CampaignState::Scheduled,
            None,
            now,
        )
        .await?;
        self.wake.campaigns();
        tracing::info!(campaign = %id, "campaign resumed");
        Ok(())
    }

    pub async fn cancel_campaign(
        &self,
        id: CampaignId,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<(), OutreachError> {
        self.campaign_for(id, actor).await?;
        let from = [
            CampaignState::Draft,
            CampaignState::Scheduled,
            CampaignState::Running,
            CampaignState::Paused,
        ];
        self.move_campaign(id, &from, CampaignState::Cancelled, None, now)
            .await?;
        let back = store::campaigns::release(&self.store, id, true).await?;
        tracing::info!(campaign = %id, taken_back = back, "campaign cancelled");
        Ok(())
    }

    pub async fn campaign_results(
        &self,
        id: CampaignId,
        actor: &Actor,
    ) -> Result<Results, OutreachError> {
        self.campaign_for(id, actor).await?;
        Ok(store::campaigns::results(&self.store, id).await?)
    }

    async fn move_campaign(
        &self,
        id: CampaignId,
        from: &[CampaignState],
        to: CampaignState,
        starts_at: Option<OffsetDateTime>,
        now: OffsetDateTime,
    ) -> Result<(), OutreachError> {
        let mut tx = self.store.begin().await?;
        let moved = store::campaigns::set_state(&mut tx, id, from, to, starts_at, now).await?;
        tx.commit().await.map_err(StoreError::from)?;
        if !moved {
            let state = store::campaigns::load(&self.store, id)
                .await?
                .map(|c| c.state);
            return Err(CampaignError::State(state.map_or("gone", CampaignState::as_str)).into());
        }
        Ok(())
    }
}

/// A short code for the deep link (`/start k7f3q2`): unguessable enough that nobody counts
/// for a campaign by typing codes, short enough to survive a forwarded link.
fn campaign_code() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    let tail: String = (0..7)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    format!("k{tail}")
}
