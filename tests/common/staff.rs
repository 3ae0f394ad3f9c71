//! Staff accounts made the way `pandu staff add` makes them, for the referral tests.
#![allow(dead_code)]

use pandu::access::{Profile, Role, StaffId};
use pandu::reference::RegionCode;
use pandu::referrals::{Coverage, Desk};
use pandu::service::Service;

/// An account (no usable password) with an organisation, a desk guessed from it, coverage,
/// capacity 5 and a contact.
pub async fn staff(
    service: &Service,
    email: &str,
    role: Role,
    region: Option<&str>,
    org: &str,
    coverage: &str,
) -> StaffId {
    let region = region.map(|r| RegionCode::parse(r).unwrap());
    let now = time::OffsetDateTime::now_utc();
    let id = pandu::store::staff::add(
        &service.store,
        email,
        email,
        role,
        region.as_ref(),
        "x",
        now,
    )
    .await
    .unwrap();
    let profile = Profile {
        organisation: org.into(),
        desk: Desk::guess(org),
        coverage: Coverage::parse(coverage).unwrap(),
        capacity: 5,
        contact: Some("WA 0812-1111-2222".into()),
    };
    service.set_profile(id, &profile).await.unwrap();
    id
}
