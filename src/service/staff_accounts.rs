//! Accounts as admins manage them on the dashboard: new accounts that get a one-time
//! password link instead of a password, password resets, role and region changes, and
//! disabling, with at least one active admin kept. Each change is audited in its own
//! transaction.
//!
//! The web layer makes the link's secret and passes only its hash here, as for the first
//! admin's setup link.

use super::Service;
use crate::access::{Profile, Role, StaffId, StaffIdentity};
use crate::reference::RegionCode;
use crate::store::{self, StoreError, Tx};
use time::OffsetDateTime;

/// What an account may see and do: its role, and the region a dinas officer works in or an
/// outreach officer's campaigns are limited to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    role: Role,
    region: Option<RegionCode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    /// A dinas account without a region would see nothing (see `Staff::scope`).
    #[error("a dinas account needs a region")]
    DinasWithoutRegion,
}

impl Access {
    /// Admins and konsultan have no region (a konsultan's reach is their coverage), so one
    /// given for them is dropped; a dinas officer must have one; outreach may (national
    /// without).
    pub fn new(role: Role, region: Option<RegionCode>) -> Result<Self, AccessError> {
        let region = match role {
            Role::Admin | Role::Konsultan => None,
            Role::Dinas | Role::Outreach => region,
        };
        if role == Role::Dinas && region.is_none() {
            return Err(AccessError::DinasWithoutRegion);
        }
        Ok(Self { role, region })
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn region(&self) -> Option<&RegionCode> {
        self.region.as_ref()
    }

    /// For the audit log: codes only, no personal data.
    fn describe(&self) -> String {
        format!(
            "{} {}",
            self.role.as_str(),
            self.region.as_ref().map_or("-", RegionCode::as_str)
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("the last active admin cannot lose the role or be disabled")]
    LastAdmin,
    #[error("an admin does not disable their own account")]
    OwnAccount,
    #[error("no such account")]
    Unknown,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A new account as an admin asks for it.
pub struct NewAccount<'a> {
    pub identity: &'a StaffIdentity,
    pub access: &'a Access,
    /// The hash of a secret nobody is told: the account has no usable password until its
    /// owner sets one with the link.
    pub placeholder_hash: &'a str,
}

impl Service {
    /// Add the account with the starting profile `pandu staff add` gives, and its first
    /// password link. Returns the account and when the link expires.
    pub async fn add_account(
        &self,
        new: &NewAccount<'_>,
        token_hash: &str,
        by: StaffId,
    ) -> Result<(StaffId, OffsetDateTime), StoreError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.store.begin().await?;
        let NewAccount {
            identity, access, ..
        } = new;
        let id = store::staff::add_in(
            &mut tx,
            &identity.email,
            &identity.name,
            access.role,
            access.region(),
            new.placeholder_hash,
            now,
        )
        .await?;
        let profile = Profile {
            capacity: 10,
            ..Profile::default()
        };
        store::staff::set_profile(&mut tx, id, &profile).await?;
        let detail = format!("staff {id}: {}", access.describe());
        store::audit::record(&mut tx, by, "staff_added", None, &detail, now).await?;
        let expires = link_in(&mut tx, id, token_hash, by, now).await?;
        tx.commit().await?;
        Ok((id, expires))
    }

    /// A new one-time password link for the account; its earlier link stops working. The
    /// current password keeps working until the link is used.
    pub async fn issue_password_link(
        &self,
        staff: StaffId,
        token_hash: &str,
        by: StaffId,
    ) -> Result<OffsetDateTime, StoreError> {
        let mut tx = self.store.begin().await?;
        let expires = link_in(&mut tx, staff, token_hash, by, OffsetDateTime::now_utc()).await?;
        tx.commit().await?;
        Ok(expires)
    }

    /// Change the account's role and region; it sees by them from its next page. A
    /// konsultan who stops being one gives up their unanswered offers.
    pub async fn set_access(
        &self,
        staff: StaffId,
        access: &Access,
        by: StaffId,
    ) -> Result<(), AccountError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.store.begin().await?;
        let current = self
            .keep_an_admin(&mut tx, staff, Some(access.role))
            .await?;
        store::staff::set_access(&mut tx, staff, access.role, access.region()).await?;
        let moved = if current.role == Role::Konsultan && access.role != Role::Konsultan {
            self.release_consultant(&mut tx, staff, "role_changed", now)
                .await?
        } else {
            0
        };
        let was = Access {
            role: current.role,
            region: current.region,
        };
        let detail = format!("staff {staff}: {} -> {}", was.describe(), access.describe());
        store::audit::record(&mut tx, by, "staff_access", None, &detail, now).await?;
        tx.commit().await.map_err(StoreError::from)?;
        self.wake_if_moved(moved);
        Ok(())
    }

    /// [`Self::disable_staff`] from the dashboard: never the admin's own account, nor the
    /// last active admin.
    pub async fn disable_by_admin(&self, staff: StaffId, by: StaffId) -> Result<(), AccountError> {
        if staff == by {
            return Err(AccountError::OwnAccount);
        }
        let mut tx = self.store.begin().await?;
        self.keep_an_admin(&mut tx, staff, None).await?;
        let (_, moved) = self.disable_in(&mut tx, staff, Some(by)).await?;
        tx.commit().await.map_err(StoreError::from)?;
        self.wake_if_moved(moved);
        Ok(())
    }

    /// The account, if the change leaves another active admin whenever it takes this one's
    /// admin role away (`role` is the new role; `None`: it is disabled).
    async fn keep_an_admin(
        &self,
        tx: &mut Tx,
        staff: StaffId,
        role: Option<Role>,
    ) -> Result<crate::access::Staff, AccountError> {
        // Locked first, so the count below holds until the change commits.
        let admins = store::staff::active_admins_locked(&self.store, tx).await?;
        let current = store::staff::get_in(tx, staff)
            .await?
            .ok_or(AccountError::Unknown)?;
        let loses_admin = admins.contains(&staff) && role != Some(Role::Admin);
        if loses_admin && admins.iter().all(|a| *a == staff) {
            return Err(AccountError::LastAdmin);
        }
        Ok(current)
    }
}

/// Replace the account's link and audit it (never the secret).
async fn link_in(
    tx: &mut Tx,
    staff: StaffId,
    token_hash: &str,
    by: StaffId,
    now: OffsetDateTime,
) -> Result<OffsetDateTime, StoreError> {
    let expires = store::password_links::replace(tx, staff, token_hash, now).await?;
    let detail = format!("staff {staff}");
    store::audit::record(tx, by, "staff_password_link", None, &detail, now).await?;
    Ok(expires)
}

#[cfg(test)]
mod tests {
    use super::{Access, AccessError};
    use crate::access::Role;
    use crate::reference::RegionCode;

    #[test]
    fn a_region_belongs_to_dinas_and_outreach_only() {
        let region = || Some(RegionCode::parse("52.02").unwrap());
        assert_eq!(
            Access::new(Role::Dinas, None),
            Err(AccessError::DinasWithoutRegion)
        );
        assert_eq!(
            Access::new(Role::Dinas, region()).unwrap().region(),
            region().as_ref()
        );
        assert_eq!(Access::new(Role::Outreach, None).unwrap().region(), None);
        assert_eq!(
            Access::new(Role::Konsultan, region()).unwrap().region(),
            None
        );
        assert_eq!(Access::new(Role::Admin, region()).unwrap().region(), None);
    }
}
