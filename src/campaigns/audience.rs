//! Who a campaign reaches: every subscriber, narrowed by what their check found.

use crate::access::LeadStatus;
use crate::domain::ChannelKind;
use crate::flow::OutcomeCode;
use crate::reference::{Category, RegionCode};
use serde::{Deserialize, Serialize};

/// An empty list means "any". Lead fields (outcome, category, status, region) only match
/// subscribers whose check reached a lead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    /// A province or kab/kota code: that region and everything under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionCode>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<OutcomeCode>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// Telegram and WhatsApp when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<ChannelKind>,
    /// Wrote to Pandu within this many days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<LeadStatus>,
}

/// Channels a notice can go out on.
pub const BROADCAST_CHANNELS: [ChannelKind; 2] = [ChannelKind::Telegram, ChannelKind::Whatsapp];

impl Audience {
    pub fn channels(&self) -> Vec<ChannelKind> {
        if self.channels.is_empty() {
            BROADCAST_CHANNELS.to_vec()
        } else {
            self.channels.clone()
        }
    }

    pub fn reaches(&self, channel: ChannelKind) -> bool {
        self.channels().contains(&channel)
    }

    /// Whether the audience stays inside `scope` (an officer's region); national staff
    /// (`None`) may target anything.
    pub fn within(&self, scope: Option<&RegionCode>) -> bool {
        in_scope(scope, self.region.as_ref())
    }
}

/// Whether `region` (None: everywhere) lies inside `scope` (None: national staff, who may
/// reach anything).
pub fn in_scope(scope: Option<&RegionCode>, region: Option<&RegionCode>) -> bool {
    match (scope, region) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(scope), Some(region)) => region.within(scope),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> RegionCode {
        RegionCode::parse(s).unwrap()
    }

    #[test]
    fn a_regional_officer_targets_only_their_region() {
        let jatim = Audience {
            region: Some(code("35")),
            ..Audience::default()
        };
        let sidoarjo = Audience {
            region: Some(code("35.15")),
            ..Audience::default()
        };
        assert!(jatim.within(Some(&code("35"))));
        assert!(sidoarjo.within(Some(&code("35"))));
        assert!(!jatim.within(Some(&code("35.15"))), "a province is wider");
        assert!(
            !Audience::default().within(Some(&code("35"))),
            "everyone is wider"
        );
        assert!(Audience::default().within(None));
        assert!(!sidoarjo.within(Some(&code("52"))));
    }

    #[test]
    fn no_channel_listed_means_both_platforms() {
        assert_eq!(Audience::default().channels(), BROADCAST_CHANNELS.to_vec());
        let wa = Audience {
            channels: vec![ChannelKind::Whatsapp],
            ..Audience::default()
        };
        assert!(!wa.reaches(ChannelKind::Telegram));
    }
}
