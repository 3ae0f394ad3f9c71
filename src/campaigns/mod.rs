//! Outreach campaigns as values: what a notice says, who it reaches, when it may go, and
//! the rules a campaign must meet before it can start. No I/O here.

mod audience;
pub mod follow_ups;
mod notice;
mod zone;

pub use audience::{Audience, BROADCAST_CHANNELS, in_scope};
pub use notice::{notice, start_link};
pub use zone::{Quiet, Zone};

use crate::domain::id_type;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

id_type!(CampaignId);

/// Where a campaign is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignState {
    /// Being written; may be tested.
    Draft,
    /// Validated, waiting for its start time.
    Scheduled,
    /// Recipients are being built and sent to.
    Running,
    Paused,
    Cancelled,
    /// Every recipient was sent to (or skipped).
    Done,
}

impl CampaignState {
    pub const ALL: [CampaignState; 6] = [
        Self::Draft,
        Self::Scheduled,
        Self::Running,
        Self::Paused,
        Self::Cancelled,
        Self::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Scheduled => "scheduled",
            Self::Running => "running",
            Self::Paused => "paused",
            Self::Cancelled => "cancelled",
            Self::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The campaign can still change course (start, pause, cancel).
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Cancelled | Self::Done)
    }
}

/// The approved WhatsApp template used for contacts outside the 24-hour window, with its
/// body parameters in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaTemplate {
    pub name: String,
    pub language: String,
    #[serde(default)]
    pub params: Vec<String>,
}

impl WaTemplate {
    /// "name", "name:lang", with parameters separated by `|`.
    pub fn parse(spec: &str, params: &str) -> Option<WaTemplate> {
        let (name, language) = spec.split_once(':').unwrap_or((spec, "id"));
        let name = name.trim();
        let valid = !name.is_empty()
            && name.len() <= 512
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        valid.then(|| WaTemplate {
            name: name.to_owned(),
            language: language.trim().to_owned(),
            params: params
                .split('|')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect(),
        })
    }
}

/// Everything an officer writes for a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub name: String,
    pub body: String,
    pub image_url: Option<String>,
    /// The label of a button that starts the check ("Cek sekarang").
    pub button: Option<String>,
    pub audience: Audience,
    pub template: Option<WaTemplate>,
    /// The zone times are shown and typed in.
    pub zone: Zone,
    pub quiet: Quiet,
}

/// A campaign as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub id: CampaignId,
    pub code: String,
    pub draft: Draft,
    pub state: CampaignState,
    pub starts_at: Option<OffsetDateTime>,
    pub region: Option<crate::reference::RegionCode>,
    pub created_by: Option<crate::access::StaffId>,
    pub tested_at: Option<OffsetDateTime>,
    pub materialised: bool,
    pub created_at: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
}

pub use crate::limits::{
    CAMPAIGN_BODY_CHARS as MAX_BODY, CAMPAIGN_BUTTON_CHARS as MAX_BUTTON,
    CAMPAIGN_NAME_CHARS as MAX_NAME,
};

/// Why a campaign cannot be saved or started. Shown to the operator; the dashboard shows
/// the Fluent message named by `msg_id`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CampaignError {
    #[error("the campaign needs a name (at most {MAX_NAME} characters)")]
    Name,
    #[error("the message is empty or longer than {MAX_BODY} characters")]
    Body,
    #[error("the image must be an https:// address")]
    Image,
    #[error("the button label must be 1 to {MAX_BUTTON} characters")]
    Button,
    #[error("the audience reaches outside your region")]
    OutsideRegion,
    #[error(
        "WhatsApp is in the audience: name the approved template for contacts outside the 24-hour window"
    )]
    TemplateMissing,
    #[error("WhatsApp template check failed: {0}")]
    Template(String),
    #[error("send a test to yourself before starting")]
    NotTested,
    #[error("no chat to send the test to: link your Telegram or WhatsApp first")]
    NoTestChat,
    #[error("the start time has passed")]
    InThePast,
    #[error("the campaign is {0} and cannot do that")]
    State(&'static str),
    #[error("no campaign with that id")]
    NotFound,
}

impl CampaignError {
    pub fn msg_id(&self) -> &'static str {
        match self {
            Self::Name => "campaign-error-name",
            Self::Body => "campaign-error-body",
            Self::Image => "campaign-error-image",
            Self::Button => "campaign-error-button",
            Self::OutsideRegion => "campaign-error-region",
            Self::TemplateMissing => "campaign-error-template-missing",
            Self::Template(_) => "campaign-error-template",
            Self::NotTested => "campaign-error-not-tested",
            Self::NoTestChat => "campaign-error-no-test-chat",
            Self::InThePast => "campaign-error-past",
            Self::State(_) => "campaign-error-state",
            Self::NotFound => "campaign-error-not-found",
        }
    }
}

impl Draft {
    /// The checks that need no platform: lengths, links, scope, template presence.
    pub fn check(&self, scope: Option<&crate::reference::RegionCode>) -> Result<(), CampaignError> {
        let chars = |s: &str| s.trim().chars().count();
        if chars(&self.name) == 0 || chars(&self.name) > MAX_NAME {
            return Err(CampaignError::Name);
        }
        if chars(&self.body) == 0 || chars(&self.body) > MAX_BODY {
            return Err(CampaignError::Body);
        }
        if let Some(url) = &self.image_url {
            let ok =
                url::Url::parse(url).is_ok_and(|u| u.scheme() == "https" && u.host().is_some());
            if !ok {
                return Err(CampaignError::Image);
            }
        }
        if let Some(label) = &self.button
            && (chars(label) == 0 || chars(label) > MAX_BUTTON)
        {
            return Err(CampaignError::Button);
        }
        if !self.audience.within(scope) {
            return Err(CampaignError::OutsideRegion);
        }
        if self.audience.reaches(crate::domain::ChannelKind::Whatsapp) && self.template.is_none() {
            return Err(CampaignError::TemplateMissing);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
