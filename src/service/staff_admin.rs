//! Managing staff accounts where referrals depend on them: link codes, unlinking,
//! disabling. Used by `pandu staff` and the dashboard alike.

use super::Service;
use super::staff_chat::{LINK_CODE_LIFETIME, new_link_code};
use crate::access::{Profile, StaffId};
use crate::store::{self, StoreError, Tx};
use time::OffsetDateTime;

/// A one-time code and the ways to use it.
#[derive(Debug, Clone)]
pub struct LinkCode {
    pub code: String,
    /// `https://t.me/<bot>?start=link-<code>` when the bot's username is known.
    pub telegram_url: Option<String>,
    pub expires: OffsetDateTime,
}

impl Service {
    /// A new one-time code for linking the account's own Telegram or WhatsApp.
    pub async fn link_code(
        &self,
        staff: StaffId,
        telegram_bot: Option<&str>,
    ) -> Result<LinkCode, StoreError> {
        let (code, hash) = new_link_code();
        let expires = OffsetDateTime::now_utc() + LINK_CODE_LIFETIME;
        store::links::create_code(&self.store, staff, &hash, expires).await?;
        Ok(LinkCode {
            telegram_url: telegram_bot.map(|bot| format!("https://t.me/{bot}?start=link-{code}")),
            code,
            expires,
        })
    }

    /// Unlink the account's chat; its unanswered offers move on. False: it had none.
    pub async fn unlink_staff(&self, staff: StaffId, by: StaffId) -> Result<bool, StoreError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.store.begin().await?;
        let had = store::links::unlink(&mut tx, staff).await?;
        self.release_consultant(&mut tx, staff, "unlinked", now)
            .await?;
        store::audit::record(
            &mut tx,
            by,
            "staff_unlinked",
            None,
            &format!("staff {staff}"),
            now,
        )
        .await?;
        tx.commit().await?;
        self.wake_after_referrals();
        Ok(had)
    }

    /// Disable the account (its sessions end); its unanswered offers move on.
    pub async fn disable_staff(
        &self,
        staff: StaffId,
        by: Option<StaffId>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.store.begin().await?;
        let (done, moved) = self.disable_in(&mut tx, staff, by).await?;
        tx.commit().await?;
        self.wake_if_moved(moved);
        Ok(done)
    }

    /// [`Self::disable_staff`] in the caller's transaction: whether it was disabled, and how
    /// many offers moved on (for [`Self::wake_if_moved`] once committed).
    pub(crate) async fn disable_in(
        &self,
        tx: &mut Tx,
        staff: StaffId,
        by: Option<StaffId>,
    ) -> Result<(bool, usize), StoreError> {
        let now = OffsetDateTime::now_utc();
        let done = store::staff::disable_in(tx, staff).await?;
        let moved = self.release_consultant(tx, staff, "disabled", now).await?;
        let detail = format!("staff {staff}");
        match by {
            Some(by) => store::audit::record(tx, by, "staff_disabled", None, &detail, now).await?,
            None => store::audit::record_system(tx, "staff_disabled", None, &detail, now).await?,
        }
        Ok((done, moved))
    }

    /// After a commit that moved offers on: the referral workers look at once.
    pub(crate) fn wake_if_moved(&self, moved: usize) {
        if moved > 0 {
            self.wake_after_referrals();
        }
    }

    pub async fn enable_staff(&self, staff: StaffId) -> Result<bool, StoreError> {
        let mut tx = self.store.begin().await?;
        let done = store::staff::enable(&mut tx, staff).await?;
        tx.commit().await?;
        Ok(done)
    }

    pub async fn set_profile(&self, staff: StaffId, profile: &Profile) -> Result<bool, StoreError> {
        let mut tx = self.store.begin().await?;
        let done = store::staff::set_profile(&mut tx, staff, profile).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Referral work was queued or scheduled outside a batch.
    pub(crate) fn wake_after_referrals(&self) {
        self.wake.timers();
        self.wake.outbox();
    }
}
