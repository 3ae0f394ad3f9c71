//! The page frame every dashboard page shares.

use super::AppState;
use super::auth::Signed;
use crate::access::Role;
use maud::{DOCTYPE, Markup, html};

pub fn page(state: &AppState, title: &str, signed: Option<&Signed>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="id" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Pandu" }
                link rel="stylesheet" href="/static/app.css";
            }
            body {
                header {
                    strong { "Pandu" }
                    @if let Some(signed) = signed {
                        // Outreach officers see no leads: no links to empty pages.
                        @if signed.staff.role != Role::Outreach {
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
                        span.who { (signed.staff.name) " · " (signed.staff.role.as_str()) }
                        form method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(signed.csrf);
                            button type="submit" { (state.t("dash-logout")) }
                        }
                    }
                }
                main { h1 { (title) } (body) }
            }
        }
    }
}
