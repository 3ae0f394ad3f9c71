//! Campaign values as the dashboard shows them, in Indonesian from the Fluent files.

use crate::campaigns::{CampaignError, CampaignState, Quiet};
use crate::flow::Msg;
use crate::reference::RegionCode;
use crate::web::AppState;

/// A refused rule, politely (the Fluent message `CampaignError::msg_id` names).
pub(super) fn rule_text(state: &AppState, rule: &CampaignError) -> String {
    let msg = Msg::new(rule.msg_id());
    let msg = match rule {
        CampaignError::Template(why) => msg.text("why", why.clone()),
        CampaignError::State(now) => msg.text("state", *now),
        _ => msg,
    };
    state.tm(&msg)
}

/// `12480` → `12.480`: Indonesian groups thousands with a dot.
pub(super) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// "12.480 penerima"
pub(super) fn recipients_text(state: &AppState, n: i64) -> String {
    state.tm(&Msg::new("dash-camp-recipients").text("count", thousands(n)))
}

pub(super) fn state_text(state: &AppState, s: CampaignState) -> String {
    state.t(match s {
        CampaignState::Draft => "dash-camp-state-draft",
        CampaignState::Scheduled => "dash-camp-state-scheduled",
        CampaignState::Running => "dash-camp-state-running",
        CampaignState::Paused => "dash-camp-state-paused",
        CampaignState::Cancelled => "dash-camp-state-cancelled",
        CampaignState::Done => "dash-camp-state-done",
    })
}

/// "Kota Surabaya (35.78)".
pub(super) fn region_text(state: &AppState, code: &RegionCode) -> String {
    crate::web::show::region_coded(state, code)
}

/// A results row's region: its name, or "no lead" for recipients whose check never
/// reached one.
pub(super) fn results_region(state: &AppState, code: Option<&str>) -> String {
    match code.map(RegionCode::parse) {
        Some(Ok(code)) => region_text(state, &code),
        Some(Err(_)) => code.unwrap_or_default().to_owned(),
        None => state.t("dash-camp-no-lead"),
    }
}

/// "21:00–06:00 waktu setempat penerima", or none.
pub(super) fn quiet_text(state: &AppState, quiet: Quiet) -> String {
    if quiet.none() {
        state.t("dash-camp-quiet-none")
    } else {
        state.tm(&Msg::new("dash-camp-quiet-local").text("hours", quiet.label()))
    }
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_grouped_with_a_dot() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1.000");
        assert_eq!(thousands(12_480), "12.480");
        assert_eq!(thousands(1_234_567), "1.234.567");
        assert_eq!(thousands(-4_200), "-4.200");
    }
}
