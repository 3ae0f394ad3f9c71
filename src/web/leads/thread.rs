//! The lead page's card of the owner's questions and the thread with the owner: who wrote
//! what and when, each reply's delivery in words, and the reply box for staff who may act.

use crate::campaigns::Zone;
use crate::domain::ChannelKind;
use crate::flow::Msg;
use crate::flow::answers::OwnerQuestion;
use crate::limits;
use crate::store::dashboard::LeadDetail;
use crate::store::thread::{self, Delivery, Direction, ThreadMessage};
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::show::{self, office_zone};
use maud::{Markup, html};

/// The thread's newest messages shown on the page.
pub(super) const SHOWN: i64 = 50;

pub(super) fn thread_card(
    state: &AppState,
    signed: &Signed,
    lead: &LeadDetail,
    questions: &[OwnerQuestion],
    messages: &[ThreadMessage],
    can_reply: bool,
) -> Markup {
    let l = &lead.summary;
    let waiting = thread::awaits_reply(questions, messages);
    let zone = office_zone(&signed.staff);
    html! {
        div.card.thread id="thread" {
            h2 {
                (state.t("dash-thread-title"))
                @if waiting { " " span.chip.waiting { (state.t("dash-thread-waiting")) } }
            }
            @if !questions.is_empty() { (open_questions(state, zone, questions)) }
            @if messages.is_empty() {
                p.muted { (state.t("dash-thread-empty")) }
            } @else {
                ol.messages { @for m in messages { (item(state, zone, m)) } }
            }
            @if messages.len() as i64 >= SHOWN {
                p.muted { (state.tm(&Msg::new("dash-thread-older").num("n", SHOWN))) }
            }
            @if l.superseded {
                p.muted { (state.t("dash-thread-superseded")) }
            } @else if can_reply {
                (reply_form(state, signed, lead))
            } @else {
                p.muted { (state.t("dash-thread-no-reply")) }
            }
        }
    }
}

fn open_questions(state: &AppState, zone: Zone, questions: &[OwnerQuestion]) -> Markup {
    html! {
        h3 { (state.t("dash-thread-questions")) }
        ul.questions { @for q in questions {
            li {
                span.text { (q.text) } " "
                small.muted { (state.tm(&Msg::new("dash-thread-asked-at").text("at", show::when(state, zone, q.at)))) }
            }
        } }
    }
}

fn item(state: &AppState, zone: Zone, m: &ThreadMessage) -> Markup {
    let (class, who) = match m.direction {
        Direction::FromOwner => ("from-owner", state.t("dash-thread-owner")),
        Direction::ToOwner => ("to-owner", m.staff_name.clone().unwrap_or_default()),
    };
    html! {
        li class=(class) {
            p.meta {
                strong { (who) } " · " (show::when(state, zone, m.at))
                @if let Some(d) = m.delivery { " · " span.delivery { (state.t(delivery_label(d))) } }
            }
            p.body { (m.body) }
        }
    }
}

fn reply_form(state: &AppState, signed: &Signed, lead: &LeadDetail) -> Markup {
    let l = &lead.summary;
    let channel = state.t(channel_label(&l.channel));
    html! {
        form.reply method="post" action=(format!("/leads/{}/reply", l.id)) {
            input type="hidden" name="csrf" value=(signed.csrf);
            label {
                (state.t("dash-thread-reply"))
                textarea name="body" rows="4" required maxlength=(limits::OWNER_REPLY.max) {}
            }
            p.muted { (state.tm(&Msg::new("dash-thread-reply-hint").text("channel", channel))) }
            button.primary type="submit" { (state.t("dash-thread-send")) }
        }
    }
}

pub(super) fn delivery_label(d: Delivery) -> &'static str {
    match d {
        Delivery::Queued => "dash-delivery-queued",
        Delivery::Sent => "dash-delivery-sent",
        Delivery::Delivered => "dash-delivery-delivered",
        Delivery::Read => "dash-delivery-read",
        Delivery::Failed => "dash-delivery-failed",
        Delivery::Blocked => "dash-delivery-blocked",
        Delivery::WaitingForOwner => "dash-delivery-waiting",
    }
}

fn channel_label(channel: &str) -> &'static str {
    match ChannelKind::parse(channel) {
        Some(ChannelKind::Telegram) => "dash-channel-telegram",
        Some(ChannelKind::Whatsapp) => "dash-channel-whatsapp",
        Some(ChannelKind::Console) | None => "dash-channel-console",
    }
}
