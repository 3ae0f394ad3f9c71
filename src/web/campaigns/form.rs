//! The campaign form as typed (kept to fill the form again after a count or a refusal),
//! and how it becomes a [`Draft`].

use crate::access::LeadStatus;
use crate::campaigns::{Audience, BROADCAST_CHANNELS, Draft, Quiet, WaTemplate, Zone};
use crate::domain::ChannelKind;
use crate::flow::{Msg, OutcomeCode};
use crate::reference::{Category, RegionCode, Regions};

/// Longest "active in the last N days" accepted: ten years.
pub(super) const MAX_ACTIVE_DAYS: u32 = 3650;

#[derive(Debug, Clone, Default)]
pub(super) struct DraftForm {
    pub csrf: String,
    /// Which button was pressed: "count" or "create".
    pub action: String,
    pub name: String,
    pub body: String,
    pub image: String,
    pub button: String,
    pub region: String,
    pub outcomes: Vec<String>,
    pub categories: Vec<String>,
    pub channels: Vec<String>,
    pub active_days: String,
    pub statuses: Vec<String>,
    pub zone: String,
    pub quiet_start: String,
    pub quiet_end: String,
    pub template: String,
    pub params: String,
}

impl DraftForm {
    /// An empty form: the officer's region, its zone, the default quiet hours, both channels.
    pub fn fresh(reach: Option<&RegionCode>) -> Self {
        let quiet = Quiet::default();
        let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        Self {
            region: reach.map(|r| r.as_str().to_owned()).unwrap_or_default(),
            zone: reach.map_or(Zone::Wib, Zone::of_region).as_str().to_owned(),
            quiet_start: hm(quiet.start),
            quiet_end: hm(quiet.end),
            channels: BROADCAST_CHANNELS
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            ..Self::default()
        }
    }

    /// From the posted fields; checkbox groups repeat their name, which is why the body is
    /// read as pairs rather than into a struct.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = Self::default();
        for (key, value) in pairs {
            match key.as_str() {
                "csrf" => form.csrf = value,
                "action" => form.action = value,
                "name" => form.name = value,
                // Browsers send CRLF; the notice keeps plain newlines.
                "body" => form.body = value.replace("\r\n", "\n"),
                "image" => form.image = value,
                "button" => form.button = value,
                "region" => form.region = value,
                "outcome" => form.outcomes.push(value),
                "category" => form.categories.push(value),
                "channel" => form.channels.push(value),
                "active_days" => form.active_days = value,
                "status" => form.statuses.push(value),
                "zone" => form.zone = value,
                "quiet_start" => form.quiet_start = value,
                "quiet_end" => form.quiet_end = value,
                "template" => form.template = value,
                "params" => form.params = value,
                _ => {}
            }
        }
        form
    }

    /// The draft the form describes, or what in it cannot be read. The campaign rules
    /// (lengths, region, template presence) are the service's to check.
    pub fn draft(&self, regions: &Regions) -> Result<Draft, Msg> {
        let region = match self.region.trim() {
            "" => None,
            typed => {
                let bad = || Msg::new("dash-camp-bad-region").text("value", typed.to_owned());
                let code = RegionCode::parse(typed).map_err(|_| bad())?;
                regions.name_of(&code).ok_or_else(bad)?;
                Some(code)
            }
        };
        let audience = Audience {
            region,
            outcomes: choices(&self.outcomes, OutcomeCode::parse)?,
            categories: choices(&self.categories, |v| {
                Category::all().iter().copied().find(|c| c.as_str() == v)
            })?,
            channels: choices(&self.channels, |v| {
                ChannelKind::parse(v).filter(|c| BROADCAST_CHANNELS.contains(c))
            })?,
            active_days: self.active_days()?,
            statuses: choices(&self.statuses, LeadStatus::parse)?,
        };
        let zone = Zone::parse(&self.zone).ok_or_else(|| Msg::new("dash-camp-bad-zone"))?;
        let quiet = match (self.quiet_start.trim(), self.quiet_end.trim()) {
            ("", "") => Quiet { start: 0, end: 0 },
            (start, end) => Quiet::parse(&format!("{start}-{end}"))
                .ok_or_else(|| Msg::new("dash-camp-bad-quiet"))?,
        };
        let template = match self.template.trim() {
            "" => None,
            spec => Some(WaTemplate::parse(spec, &self.params).ok_or_else(|| {
                Msg::new("dash-camp-bad-template").text("value", spec.to_owned())
            })?),
        };
        let optional = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        Ok(Draft {
            name: self.name.clone(),
            body: self.body.clone(),
            image_url: optional(&self.image),
            button: optional(&self.button),
            audience,
            template,
            zone,
            quiet,
        })
    }

    fn active_days(&self) -> Result<Option<u32>, Msg> {
        match self.active_days.trim() {
            "" => Ok(None),
            typed => typed
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=MAX_ACTIVE_DAYS).contains(d))
                .map(Some)
                .ok_or_else(|| Msg::new("dash-camp-bad-days").text("value", typed.to_owned())),
        }
    }
}

/// Every ticked value, known: an unknown one (an old or altered form) is refused rather
/// than dropped, since dropping a filter would widen the audience.
fn choices<T>(values: &[String], parse: impl Fn(&str) -> Option<T>) -> Result<Vec<T>, Msg> {
    values
        .iter()
        .map(|v| parse(v).ok_or_else(|| Msg::new("dash-camp-bad-choice").text("value", v.clone())))
        .collect()
}
