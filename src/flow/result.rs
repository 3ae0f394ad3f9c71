//! The outcome shown to the user, the closing summary and `/status`.

use super::checklist::Checklist;
use super::event::Input;
use super::outcome::{Decision, IzinRoute, Note, OutcomeCode, Reason, decide, is_food};
use super::questions::progress;
use super::reply::{Button, Msg, Reply};
use super::state::{Conversation, Step};
use super::{ButtonId, Ctx, Out};
use crate::reference::Scale;

/// Every question is answered: judge, tell the user, and start the document checklist.
pub(super) fn finish(conv: &mut Conversation, ctx: &Ctx, out: &mut Out) {
    super::questions::drop_inapplicable(&mut conv.answers, ctx);
    let decision = decide(&conv.answers, ctx.reference, out.now);
    conv.checklist = Checklist::build(&conv.answers, decision.code, &conv.checklist);
    out.say(outcome_reply(&decision, conv, ctx));
    out.say(Reply::say(Msg::new(next_steps_msg(decision.code))));
    let notes: Vec<Msg> = decision
        .notes
        .iter()
        .map(|n| note_msg(n, conv, ctx))
        .collect();
    if !notes.is_empty() {
        let mut reply = Reply::say(Msg::new("notes-title"));
        reply.paragraphs.extend(notes);
        out.say(reply);
    }
    conv.decision = Some(decision);
    out.new_result = true;
    mark_lead_changed(out);
    match conv.checklist.next_pending(0) {
        Some(index) => {
            conv.advance(Step::Document { index });
            out.ask(
                conv,
                ctx,
                Some(Msg::new("docs-intro").num("total", conv.checklist.len() as i64)),
            );
        }
        None => {
            conv.advance(Step::Done);
            closing(conv, ctx, out);
        }
    }
}

/// The lead is a projection of the conversation; it is rebuilt once the event is handled.
pub(super) fn mark_lead_changed(out: &mut Out) {
    out.lead_changed = true;
}

fn outcome_reply(decision: &Decision, conv: &Conversation, ctx: &Ctx) -> Reply {
    // Ready, but the OSS risk level is not known: the headline must not promise more.
    let risk_unknown = conv.answers.risk == Some(super::answers::Risk::TidakTahu);
    let headline = match decision.code {
        OutcomeCode::SiapBinaUmk if risk_unknown => Msg::new("outcome-siap-bina-umk-if-low-risk"),
        code => outcome_msg(code),
    };
    let mut reply = Reply::say(headline);
    let product = product_args(conv, ctx);
    reply.paragraphs.extend(
        decision
            .reasons
            .iter()
            .map(|r| reason_msg(*r, decision, &product)),
    );
    reply
}

pub fn outcome_msg(code: OutcomeCode) -> Msg {
    Msg::new(match code {
        OutcomeCode::WajibSniLspro => "outcome-wajib-sni-lspro",
        OutcomeCode::BukanUmkSppt => "outcome-bukan-umk-sppt",
        OutcomeCode::PerluNib => "outcome-perlu-nib",
        OutcomeCode::BelumAdaSni => "outcome-belum-ada-sni",
        OutcomeCode::PerluCekPetugas => "outcome-perlu-cek-petugas",
        OutcomeCode::RisikoBukanRendah => "outcome-risiko-bukan-rendah",
        OutcomeCode::SiapkanLabel => "outcome-siapkan-label",
        OutcomeCode::SiapBinaUmk => "outcome-siap-bina-umk",
    })
}

fn next_steps_msg(code: OutcomeCode) -> &'static str {
    match code {
        OutcomeCode::WajibSniLspro => "next-wajib-sni-lspro",
        OutcomeCode::BukanUmkSppt => "next-bukan-umk-sppt",
        OutcomeCode::PerluNib => "next-perlu-nib",
        OutcomeCode::BelumAdaSni => "next-belum-ada-sni",
        OutcomeCode::PerluCekPetugas => "next-perlu-cek-petugas",
        OutcomeCode::RisikoBukanRendah => "next-risiko-bukan-rendah",
        OutcomeCode::SiapkanLabel => "next-siapkan-label",
        OutcomeCode::SiapBinaUmk => "next-siap-bina-umk",
    }
}

/// (product name, SNI number) as shown to the user.
struct ProductArgs {
    name: String,
    sni: String,
}

fn product_args(conv: &Conversation, ctx: &Ctx) -> ProductArgs {
    use super::answers::ProductAnswer;
    match &conv.answers.product {
        Some(ProductAnswer::Listed(id)) => match ctx.reference.catalogue.get(id) {
            Some(p) => ProductArgs {
                name: p.name.clone(),
                sni: p.sni_number.clone().unwrap_or_default(),
            },
            None => ProductArgs {
                name: id.to_string(),
                sni: String::new(),
            },
        },
        Some(ProductAnswer::Unlisted(text)) => ProductArgs {
            name: text.clone(),
            sni: String::new(),
        },
        None => ProductArgs {
            name: String::new(),
            sni: String::new(),
        },
    }
}

fn reason_msg(reason: Reason, decision: &Decision, product: &ProductArgs) -> Msg {
    let id = match reason {
        Reason::ProductMandatory => "reason-product-mandatory",
        Reason::NoSniForProduct => "reason-no-sni",
        Reason::SniNotKnown => "reason-sni-not-known",
        Reason::ScaleTooLarge => "reason-scale-too-large",
        Reason::NoNib => "reason-no-nib",
        Reason::NibUnknown => "reason-nib-unknown",
        Reason::RiskNotLow => "reason-risk-not-low",
        Reason::LabelMissing => "reason-label-missing",
        Reason::NotWillingYet => "reason-not-willing",
        Reason::PermitExpired => "reason-permit-expired",
        Reason::RequirementsMet => "reason-requirements-met",
    };
    Msg::new(id)
        .text("product", product.name.clone())
        .text("sni", product.sni.clone())
        .text("scale", scale_code(decision.scale))
}

pub fn scale_code(scale: Option<Scale>) -> &'static str {
    scale.map_or("unknown", Scale::as_str)
}

fn note_msg(note: &Note, conv: &Conversation, ctx: &Ctx) -> Msg {
    match *note {
        Note::PerluNib => Msg::new("note-perlu-nib"),
        Note::PerpanjangIzinEdar => Msg::new("note-renew-izin-edar"),
        Note::ProductAdvice => match product_advice(conv, ctx) {
            Some(id) => Msg::new("note-product-advice").msg("advice", Msg::new(id)),
            None => Msg::new("note-ask-officer"),
        },
        Note::LabelSebagian if !is_food(&conv.answers, ctx.reference) => {
            Msg::new("note-label-partial-nonfood")
        }
        Note::BpomMdNotPirt => Msg::new("note-bpom-md-not-pirt"),
        Note::PerluIzinEdar { route } => Msg::new(match route {
            IzinRoute::Pirt => "note-izin-edar-pirt",
            IzinRoute::BpomMd => "note-izin-edar-md",
            IzinRoute::PanganSegar => "note-izin-edar-segar",
        }),
        Note::PerluVerifikasiRisiko => Msg::new("note-verify-risk"),
        Note::SkalaBelumPasti => Msg::new("note-scale-unknown"),
        Note::LabelSebagian => Msg::new("note-label-partial"),
        Note::OpsiSppt => Msg::new("note-sppt-option"),
        Note::Halal {
            deadline_passed,
            self_declare,
        } => {
            let deadline = ctx.reference.rules.halal_umk_deadline;
            Msg::new(if deadline_passed {
                "note-halal-required"
            } else {
                "note-halal-deadline"
            })
            .date("date", deadline)
            .text("self_declare", if self_declare { "yes" } else { "no" })
        }
        Note::HalalNonUmk => {
            Msg::new("note-halal-non-umk").date("date", ctx.reference.rules.halal_non_umk_deadline)
        }
        Note::Merek if super::outcome::above_umk(&conv.answers, ctx.reference) => {
            Msg::new("note-merek-non-umk")
        }
        Note::Merek => Msg::new("note-merek"),
    }
}

fn product_advice(conv: &Conversation, ctx: &Ctx) -> Option<&'static str> {
    match conv.answers.product.as_ref()? {
        super::answers::ProductAnswer::Listed(id) => ctx.reference.catalogue.get(id)?.advice,
        super::answers::ProductAnswer::Unlisted(_) => None,
    }
}

/// The summary the user can check, then what they can still do.
pub(super) fn closing(conv: &Conversation, ctx: &Ctx, out: &mut Out) {
    out.say(summary(conv, ctx));
    out.say(done_prompt());
}

/// What the owner can do once the result is given.
pub(super) fn done_prompt() -> Reply {
    Reply::say(Msg::new("done-menu")).buttons(vec![Button::msg(ButtonId::Recheck, "btn-recheck")])
}

/// A message after the result: "cek ulang" starts the re-check, a message for a person goes
/// to the officers, anything else gets the menu. Returns false when not understood.
pub(super) fn on_done(conv: &mut Conversation, input: &Input, ctx: &Ctx, out: &mut Out) -> bool {
    match input {
        Input::Button(ButtonId::Recheck) => recheck(conv, ctx, out),
        Input::Text(text) => match super::forward::for_staff(text) {
            Some(text) => super::forward::forward(text, out),
            None => out.say(done_prompt()),
        },
        _ => out.say(done_prompt()),
    }
    true
}

/// Check again after the result (a new NIB, a finished label): who and where are kept,
/// everything else is asked again, and the new result updates the same lead.
pub(super) fn recheck(conv: &mut Conversation, ctx: &Ctx, out: &mut Out) {
    if conv.decision.is_none() {
        out.ask(conv, ctx, Some(Msg::new("recheck-not-yet")));
        return;
    }
    let kept = super::answers::Answers {
        province: conv.answers.province.take(),
        regency: conv.answers.regency.take(),
        business_name: conv.answers.business_name.take(),
        owner_name: conv.answers.owner_name.take(),
        phone: conv.answers.phone.take(),
        ..Default::default()
    };
    conv.answers = kept;
    conv.decision = None;
    conv.rejected_products.clear();
    super::session::proceed(conv, ctx, out, Some(Msg::new("recheck-ok")));
}

/// The user's answers as one paragraph; "-" where nothing is known yet.
fn details(conv: &Conversation, ctx: &Ctx) -> Msg {
    let a = &conv.answers;
    let region = a
        .regency
        .as_ref()
        .or(a.province.as_ref())
        .and_then(|c| ctx.reference.regions.name_of(c))
        .unwrap_or("-");
    let product = product_args(conv, ctx);
    let or_dash = |v: Option<&String>| {
        v.filter(|s| !s.is_empty())
            .cloned()
            .unwrap_or_else(|| "-".into())
    };
    Msg::new("summary-details")
        .text("business", or_dash(a.business_name.as_ref()))
        .text("owner", or_dash(a.owner_name.as_ref()))
        .text("region", region)
        .text(
            "phone",
            a.phone
                .as_ref()
                .and_then(|p| p.number())
                .map(|n| n.to_string())
                .unwrap_or_else(|| "-".into()),
        )
        .text("product", or_dash(Some(&product.name)))
        .text(
            "sni",
            if product.sni.is_empty() {
                "-".into()
            } else {
                product.sni
            },
        )
        .text(
            "scale",
            // Before the result, the scale the answers so far give.
            scale_code(
                conv.decision
                    .as_ref()
                    .and_then(|d| d.scale)
                    .or_else(|| super::outcome::scale(&conv.answers, ctx.reference)),
            ),
        )
}

fn summary(conv: &Conversation, ctx: &Ctx) -> Reply {
    let details = details(conv, ctx);
    let mut reply = Reply::say(Msg::new("summary-title")).with(details);
    if let Some(decision) = &conv.decision {
        reply = reply.with(outcome_msg(decision.code));
    }
    reply.with(
        Msg::new("summary-documents")
            .num("received", conv.checklist.received() as i64)
            .num("total", conv.checklist.len() as i64),
    )
}

/// `/status`: the summary once there is an outcome, otherwise how far along they are.
/// Where the referral to a consultant stands; the consultant is named only once they accepted.
fn referral_status(view: &crate::referrals::OwnerView) -> Msg {
    match view {
        crate::referrals::OwnerView::Waiting => Msg::new("status-referral-waiting"),
        crate::referrals::OwnerView::Accepted {
            consultant,
            organisation,
        } => Msg::new("status-referral-accepted")
            .text("consultant", consultant.clone())
            .text("organisation", organisation.clone()),
    }
}

pub(super) fn status(conv: &Conversation, ctx: &Ctx, out: &mut Out) {
    if conv.decision.is_some() {
        out.say(summary(conv, ctx));
        if let Some(view) = ctx.referral {
            out.say(Reply::say(referral_status(view)));
        }
        out.ask(conv, ctx, None);
        return;
    }
    // What is stored so far, so the user can see their data at any time.
    out.say(Reply::say(Msg::new("summary-title")).with(details(conv, ctx)));
    if matches!(conv.step, Step::Review | Step::EditPick) {
        out.ask(conv, ctx, None);
        return;
    }
    let (n, total) = progress(&conv.step, &conv.answers, ctx);
    out.ask(
        conv,
        ctx,
        Some(
            Msg::new("status-progress")
                .num("n", n as i64)
                .num("total", total as i64),
        ),
    );
}
