//! The staff page and the link-code page.

use super::form::ROLES;
use super::labels;
use crate::access::{Role, Staff};
use crate::limits;
use crate::referrals::Desk;
use crate::service::staff_admin::LinkCode;
use crate::store::{self, links::Link};
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::layout::page;
use crate::web::leads::failure;
use crate::web::show::when;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::collections::HashMap;

/// The form for a new account, then every account with its forms; `error` above them when
/// a change was refused.
pub(super) async fn render(
    state: &AppState,
    signed: &Signed,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let store = &state.service.store;
    let (staff, links) = match tokio::join!(store::staff::list(store), store::links::all(store)) {
        (Ok(s), Ok(l)) => (s, l),
        (Err(e), _) | (_, Err(e)) => return failure(e),
    };
    let body = html! {
        @if let Some(error) = &error { p.error role="alert" { (error) } }
        p.muted { (state.t("dash-staff-intro-all")) }
        (new_account_form(state, signed))
        @for s in &staff { (account(state, signed, s, &links)) }
    };
    let markup = page(state, &state.t("dash-staff-title"), Some(signed), body);
    (status, markup).into_response()
}

fn account(
    state: &AppState,
    signed: &Signed,
    s: &Staff,
    links: &HashMap<crate::access::StaffId, Link>,
) -> Markup {
    let link = links.get(&s.id);
    let own = s.id == signed.staff.id;
    html! {
        div.card id=(format!("staff-{}", s.id)) {
            h2 { (s.name) " " small.muted {
                (s.email) " · " (labels::role(state, s.role))
                @if own { " · " (state.t("dash-staff-you")) }
            } }
            dl {
                @if let Some(region) = &s.region { dt { (state.t("dash-col-region")) } dd { (labels::region(state, region)) } }
                @else if s.role == Role::Outreach { dt { (state.t("dash-col-region")) } dd { (state.t("dash-staff-national")) } }
                dt { (state.t("dash-staff-linked")) }
                dd { @match link {
                    Some(l) => { (labels::channel(state, l.channel)) " · " (l.user.as_str()) },
                    None => { (state.t("dash-staff-not-linked")) },
                } }
                dt { (state.t("dash-staff-active")) }
                dd { @if s.disabled { (state.t("dash-staff-disabled")) } @else { (state.t("dash-staff-enabled")) } }
            }
            (access_form(state, signed, s))
            @if s.role == Role::Konsultan { (profile_form(state, signed, s)) }
            div.actions { (buttons(state, signed, s, link.is_some(), own)) }
        }
    }
}

fn role_options(state: &AppState, current: Option<Role>) -> Markup {
    html! {
        @for r in ROLES { option value=(r.as_str()) selected[current == Some(r)] { (labels::role(state, r)) } }
    }
}

fn new_account_form(state: &AppState, signed: &Signed) -> Markup {
    html! {
        details.card {
            summary { (state.t("dash-staff-new")) }
            form.filters method="post" action="/staff" {
                input type="hidden" name="csrf" value=(signed.csrf);
                label { (state.t("dash-name")) input name="name" required maxlength=(limits::STAFF_NAME.max); }
                label { (state.t("dash-email")) input type="email" name="email" required maxlength=(limits::STAFF_EMAIL.max) autocomplete="off"; }
                label { (state.t("dash-staff-role")) select name="role" { (role_options(state, None)) } }
                label { (state.t("dash-col-region")) input name="region" placeholder="35" maxlength=(limits::FILTER.max); }
                button.primary type="submit" { (state.t("dash-staff-create")) }
            }
            p.muted { (state.t("dash-staff-new-hint-link")) }
        }
    }
}

/// Role and region; a konsultan's reach is their coverage, in the profile form below.
fn access_form(state: &AppState, signed: &Signed, s: &Staff) -> Markup {
    let region = s.region.as_ref().map_or("", |r| r.as_str());
    html! {
        form.filters method="post" action=(format!("/staff/{}/access", s.id)) {
            input type="hidden" name="csrf" value=(signed.csrf);
            label { (state.t("dash-staff-role")) select name="role" { (role_options(state, Some(s.role))) } }
            label { (state.t("dash-col-region")) input name="region" placeholder="35" maxlength=(limits::FILTER.max) value=(region); }
            button type="submit" { (state.t("dash-staff-access-save")) }
        }
    }
}

fn profile_form(state: &AppState, signed: &Signed, s: &Staff) -> Markup {
    let p = &s.profile;
    html! {
        form.filters method="post" action=(format!("/staff/{}/profile", s.id)) {
            input type="hidden" name="csrf" value=(signed.csrf);
            label { (state.t("dash-staff-organisation")) input name="organisation" maxlength=(limits::ORGANISATION.max) value=(p.organisation); }
            label { (state.t("dash-staff-desk")) select name="desk" {
                option value="" { "—" }
                @for d in Desk::ALL { option value=(d.as_str()) selected[p.desk == Some(*d)] { (labels::desk(state, *d)) } }
            } }
            label { (state.t("dash-staff-coverage")) input name="coverage" placeholder="52.02 52 ID" maxlength=(limits::COVERAGE.max) value=(p.coverage); }
            label { (state.t("dash-staff-capacity")) input type="number" min="0" name="capacity" value=(p.capacity); }
            label { (state.t("dash-staff-contact")) input name="contact" maxlength=(limits::CONTACT.max) value=(p.contact.as_deref().unwrap_or_default()); }
            button.primary type="submit" { (state.t("dash-save")) }
        }
    }
}

fn buttons(state: &AppState, signed: &Signed, s: &Staff, linked: bool, own: bool) -> Markup {
    let form = |action: &str, label: &'static str| {
        html! {
            form method="post" action=(format!("/staff/{}/{action}", s.id)) {
                input type="hidden" name="csrf" value=(signed.csrf);
                button type="submit" { (state.t(label)) }
            }
        }
    };
    html! {
        @if !s.disabled { (form("password-link", "dash-staff-password-link")) }
        (form("link-code", "dash-staff-link-code"))
        @if linked { (form("unlink", "dash-staff-unlink")) }
        @if s.disabled { (form("enable", "dash-staff-enable")) }
        @else if !own { (form("disable", "dash-staff-disable")) }
    }
}

/// The one-time code, with the ways to use it; shown once.
pub(super) fn link_code(
    state: &AppState,
    signed: &Signed,
    staff: &Staff,
    code: &LinkCode,
) -> Markup {
    let start = format!("/start link-{}", code.code);
    let typed = format!("link {}", code.code);
    let body = html! {
        div.card {
            p { (state.tm(&crate::flow::Msg::new("dash-staff-code-for").text("name", staff.name.clone()))) }
            p { strong.code { (code.code) } }
            @if let Some(url) = &code.telegram_url {
                p { (state.t("dash-staff-code-telegram-link")) " " a href=(url) { (url) } }
            } @else {
                p { (state.t("dash-staff-code-telegram-typed")) " " code { (start) } }
            }
            p { (state.t("dash-staff-code-whatsapp")) " " code { (typed) } }
            p.muted { (state.t("dash-staff-code-expires")) " " (when(state, crate::web::show::office_zone(&signed.staff), code.expires)) ". " (state.t("dash-staff-code-once")) }
            p { a href="/staff" { (state.t("dash-staff-back")) } }
        }
    };
    page(state, &state.t("dash-staff-code-title"), Some(signed), body)
}
