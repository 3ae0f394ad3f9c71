//! The role and region fields shared by the new-account form and the access form.

use crate::access::Role;
use crate::flow::Msg;
use crate::limits;
use crate::reference::RegionCode;
use crate::service::staff_accounts::{Access, AccessError};
use crate::web::AppState;
use crate::web::error::too_long_msg;

/// Roles an admin may give on the dashboard, in the order the select lists them.
pub(super) const ROLES: [Role; 4] = [Role::Dinas, Role::Konsultan, Role::Outreach, Role::Admin];

/// The role and region typed, checked as `pandu staff add` checks them; the region must be
/// one the reference data knows.
pub(super) fn read_access(state: &AppState, role: &str, region: &str) -> Result<Access, Msg> {
    // Refusals below echo these values: bounded too.
    for short in [role, region] {
        limits::FILTER
            .check(short)
            .map_err(|e| too_long_msg(state, e))?;
    }
    let role = Role::parse(role.trim())
        .filter(|r| ROLES.contains(r))
        .ok_or_else(|| Msg::new("dash-staff-unknown-role").text("value", role.trim()))?;
    let region = match region.trim() {
        "" => None,
        typed => {
            let bad = || Msg::new("dash-staff-unknown-region").text("value", typed.to_owned());
            let code = RegionCode::parse(typed).map_err(|_| bad())?;
            state
                .service
                .reference
                .regions
                .name_of(&code)
                .ok_or_else(bad)?;
            Some(code)
        }
    };
    Access::new(role, region).map_err(|e| match e {
        AccessError::DinasWithoutRegion => Msg::new("dash-staff-dinas-region"),
    })
}
