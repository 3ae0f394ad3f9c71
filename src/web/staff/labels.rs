//! Roles, desks, channels and regions as words on the staff pages, never their codes.

use crate::access::Role;
use crate::domain::ChannelKind;
use crate::reference::RegionCode;
use crate::referrals::Desk;
use crate::web::AppState;

pub(super) fn role(state: &AppState, role: Role) -> String {
    state.t(match role {
        Role::Admin => "dash-staff-role-admin",
        Role::Dinas => "dash-staff-role-dinas",
        Role::Konsultan => "dash-staff-role-konsultan",
        Role::Outreach => "dash-staff-role-outreach",
    })
}

pub(super) fn desk(state: &AppState, desk: Desk) -> String {
    state.t(match desk {
        Desk::Plut => "dash-staff-desk-plut",
        Desk::DinasCoach => "dash-staff-desk-dinas-coach",
        Desk::Klt => "dash-staff-desk-klt",
        Desk::Perizinan => "dash-staff-desk-perizinan",
    })
}

pub(super) fn channel(state: &AppState, channel: ChannelKind) -> String {
    state.t(match channel {
        ChannelKind::Console => "dash-staff-channel-console",
        ChannelKind::Telegram => "dash-staff-channel-telegram",
        ChannelKind::Whatsapp => "dash-staff-channel-whatsapp",
    })
}

/// "Lombok Tengah (52.02)": the name people know, and the code the forms take.
pub(super) fn region(state: &AppState, code: &RegionCode) -> String {
    match state.service.reference.regions.name_of(code) {
        Some(name) => format!("{name} ({})", code.as_str()),
        None => code.as_str().to_owned(),
    }
}
