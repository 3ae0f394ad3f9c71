//! The campaign form drawn: the notice, its audience, its timing and the WhatsApp template.

use super::form::{DraftForm, MAX_ACTIVE_DAYS};
use crate::access::LeadStatus;
use crate::campaigns::{BROADCAST_CHANNELS, MAX_BODY, MAX_BUTTON, MAX_NAME, Zone};
use crate::domain::ChannelKind;
use crate::flow::{Msg, OutcomeCode};
use crate::reference::{Category, RegionCode};
use crate::web::AppState;
use maud::{Markup, html};

/// What the form shows besides its fields.
pub(super) struct Shown<'a> {
    pub csrf: &'a str,
    /// The officer's region, or None nationally.
    pub reach: Option<&'a RegionCode>,
    pub error: Option<String>,
    /// "12.480 penerima" after "Hitung penerima".
    pub count: Option<String>,
}

pub(super) fn render(state: &AppState, form: &DraftForm, shown: &Shown<'_>) -> Markup {
    html! {
        @if let Some(error) = &shown.error { p.error role="alert" { (error) } }
        form.campaign method="post" action="/kampanye/baru" {
            input type="hidden" name="csrf" value=(shown.csrf);
            (message_fields(state, form))
            (audience_fields(state, form, shown.reach))
            (timing_fields(state, form))
            (template_fields(state, form))
            @if let Some(count) = &shown.count {
                p.count role="status" { (state.t("dash-camp-reach-now")) " " strong { (count) } }
            }
            div.actions {
                button type="submit" name="action" value="count" { (state.t("dash-camp-count")) }
                button.primary type="submit" name="action" value="create" { (state.t("dash-camp-save-draft")) }
            }
        }
    }
}

fn message_fields(state: &AppState, f: &DraftForm) -> Markup {
    html! {
        fieldset {
            legend { (state.t("dash-camp-message")) }
            label { (state.t("dash-camp-name")) input name="name" required maxlength=(MAX_NAME) value=(f.name); }
            label { (state.t("dash-camp-body"))
                textarea name="body" rows="6" required maxlength=(MAX_BODY) { (f.body) } }
            label { (state.t("dash-camp-image")) input type="url" name="image" placeholder="https://" value=(f.image); }
            label { (state.t("dash-camp-button"))
                input name="button" maxlength=(MAX_BUTTON) placeholder=(state.t("dash-camp-button-example")) value=(f.button); }
        }
    }
}

fn audience_fields(state: &AppState, f: &DraftForm, reach: Option<&RegionCode>) -> Markup {
    let outcomes: Vec<(String, String)> = OutcomeCode::ALL
        .iter()
        .map(|o| {
            (
                o.as_str().to_owned(),
                crate::web::show::outcome(state, o.as_str()),
            )
        })
        .collect();
    let categories: Vec<(String, String)> = Category::all()
        .iter()
        .map(|c| (c.as_str().to_owned(), state.t(c.label_msg())))
        .collect();
    let channels: Vec<(String, String)> = BROADCAST_CHANNELS
        .iter()
        .map(|c| (c.as_str().to_owned(), channel_text(state, *c)))
        .collect();
    let statuses: Vec<(String, String)> = LeadStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), state.tm(&crate::labels::status(*s))))
        .collect();
    html! {
        fieldset {
            legend { (state.t("dash-camp-audience")) }
            label { (state.t("dash-col-region"))
                input name="region" list="campaign-regions" required[reach.is_some()] value=(f.region); }
            (region_choices(state, reach))
            p.muted { @match reach {
                Some(r) => { (state.tm(&Msg::new("dash-camp-region-limited").text("region", super::text::region_text(state, r)))) },
                None => { (state.t("dash-camp-region-hint")) },
            } }
            (checks(&state.t("dash-outcome"), "outcome", &outcomes, &f.outcomes))
            (checks(&state.t("dash-col-category"), "category", &categories, &f.categories))
            (checks(&state.t("dash-col-channel"), "channel", &channels, &f.channels))
            label { (state.t("dash-camp-active-days"))
                input type="number" name="active_days" min="1" max=(MAX_ACTIVE_DAYS) value=(f.active_days); }
            (checks(&state.t("dash-col-status"), "status", &statuses, &f.statuses))
            p.muted { (state.t("dash-camp-any-hint")) }
        }
    }
}

/// The places an officer may pick: their own region and what is under it; nationally, the
/// provinces (a kab/kota code may still be typed).
fn region_choices(state: &AppState, reach: Option<&RegionCode>) -> Markup {
    let regions = &state.service.reference.regions;
    let mut options: Vec<(&str, &str)> = Vec::new();
    match reach {
        None => options.extend(
            regions
                .provinces()
                .iter()
                .map(|p| (p.code.as_str(), p.name.as_str())),
        ),
        Some(r) => {
            if let Some(name) = regions.name_of(r) {
                options.push((r.as_str(), name));
            }
            options.extend(
                regions
                    .regencies_of(r)
                    .into_iter()
                    .map(|g| (g.code.as_str(), g.name.as_str())),
            );
        }
    }
    html! {
        datalist id="campaign-regions" {
            @for (code, name) in options { option value=(code) { (name) } }
        }
    }
}

fn timing_fields(state: &AppState, f: &DraftForm) -> Markup {
    html! {
        fieldset {
            legend { (state.t("dash-camp-timing")) }
            label { (state.t("dash-camp-zone")) select name="zone" {
                @for z in Zone::ALL {
                    option value=(z.as_str()) selected[f.zone == z.as_str()] { (z.as_str().to_uppercase()) }
                }
            } }
            label { (state.t("dash-camp-quiet-from")) input type="time" name="quiet_start" value=(f.quiet_start); }
            label { (state.t("dash-camp-quiet-until")) input type="time" name="quiet_end" value=(f.quiet_end); }
            p.muted { (state.t("dash-camp-quiet-hint")) }
        }
    }
}

fn template_fields(state: &AppState, f: &DraftForm) -> Markup {
    html! {
        fieldset {
            legend { (state.t("dash-camp-template")) }
            label { (state.t("dash-camp-template-name"))
                input name="template" placeholder="pendaftaran_sni:id" value=(f.template); }
            label { (state.t("dash-camp-template-params"))
                input name="params" placeholder="30 Juni|Jawa Timur" value=(f.params); }
            p.muted { (state.t("dash-camp-template-hint")) }
        }
    }
}

/// A group of checkboxes sharing one name.
fn checks(legend: &str, name: &str, options: &[(String, String)], ticked: &[String]) -> Markup {
    html! {
        fieldset.checks {
            legend { (legend) }
            @for (value, label) in options {
                label.check {
                    input type="checkbox" name=(name) value=(value) checked[ticked.contains(value)];
                    " " (label)
                }
            }
        }
    }
}

pub(super) fn channel_text(state: &AppState, channel: ChannelKind) -> String {
    match channel {
        ChannelKind::Telegram => state.t("dash-camp-channel-telegram"),
        ChannelKind::Whatsapp => state.t("dash-camp-channel-whatsapp"),
        other => other.as_str().to_owned(),
    }
}
