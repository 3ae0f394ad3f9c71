//! The page frame every dashboard page shares.

use super::AppState;
use super::auth::Signed;
use crate::access::Role;
use crate::domain::Locale;
use crate::labels;
use maud::{DOCTYPE, Markup, html};

pub fn page(state: &AppState, title: &str, signed: Option<&Signed>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(state.locale().as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Pandu" }
                link rel="stylesheet" href="/static/app.css";
            }
            body {
                header {
                    a.brand href="/" { "Pandu" }
                    @if let Some(signed) = signed {
                        // Outreach officers see no leads: no links to empty pages.
                        @if signed.staff.role != Role::Outreach {
                            a href="/" { (state.t("dash-home")) }
                            a href="/leads" { (state.t("dash-nav-leads")) }
                            a href="/funnel" { (state.t("dash-nav-funnel")) }
                            a href="/rujukan" { (state.t("dash-nav-referrals")) }
                        }
                        @if signed.staff.campaign_reach().is_some() {
                            a href="/kampanye" { (state.t("dash-nav-campaigns")) }
                        }
                        @if signed.is_admin() {
                            a href="/staff" { (state.t("dash-nav-staff")) }
                            a href="/audit" { (state.t("dash-nav-audit")) }
                        }
                        span.who { (signed.staff.name) " · " (state.tm(&labels::role(signed.staff.role))) }
                        form method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(signed.csrf);
                            button type="submit" { (state.t("dash-logout")) }
                        }
                    }
                    (language_switch(state))
                }
                main { h1 { (title) } (body) }
            }
        }
    }
}

/// One button for the other language; the same page comes back in it.
fn language_switch(state: &AppState) -> Markup {
    let (other, label) = match state.locale() {
        Locale::Id => (Locale::En, "dash-lang-en"),
        Locale::En => (Locale::Id, "dash-lang-id"),
    };
    html! {
        form.lang method="post" action="/bahasa" {
            input type="hidden" name="lang" value=(other.as_str());
            input type="hidden" name="back" value=(super::lang::path());
            button type="submit" lang=(other.as_str()) { (state.t(label)) }
        }
    }
}
