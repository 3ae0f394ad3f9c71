//! Roles, desks, channels and regions as words on the staff pages, never their codes (the
//! words themselves are `crate::labels`, shared with every page).

use crate::access::Role;
use crate::domain::ChannelKind;
use crate::labels;
use crate::reference::RegionCode;
use crate::referrals::Desk;
use crate::web::AppState;

pub(super) fn role(state: &AppState, role: Role) -> String {
    state.tm(&labels::role(role))
}

pub(super) fn desk(state: &AppState, desk: Desk) -> String {
    state.tm(&labels::desk(desk))
}

pub(super) fn channel(state: &AppState, channel: ChannelKind) -> String {
    state.tm(&labels::channel(channel))
}

/// "Lombok Tengah (52.02)": the name people know, and the code the forms take.
pub(super) fn region(state: &AppState, code: &RegionCode) -> String {
    crate::web::show::region_coded(state, code)
}
