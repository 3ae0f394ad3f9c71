//! Turnover (omzet) and, when it is unknown, capital (modal): the scale of PP 7/2021.

use super::{Q, Question, Take};
use crate::flow::answers::{Answers, ScaleAnswer};
use crate::flow::choice::{AmountQ, Band};
use crate::flow::event::Input;
use crate::flow::reply::{Button, Label, Msg, Reply};
use crate::flow::state::Conversation;
use crate::flow::{ButtonId, Ctx};
use crate::parse::{Rupiah, Stance, find_amount, mentions, parse_stance};
use crate::reference::Rules;
use crate::reference::Scale;

pub(super) struct Amount {
    q: Q,
    which: AmountQ,
    prompt: &'static str,
    title: &'static str,
    topic: &'static [&'static str],
    get: fn(&Answers) -> Option<ScaleAnswer>,
    set: fn(&mut Answers, Option<ScaleAnswer>),
}

pub(super) static OMZET: Amount = Amount {
    q: Q::Omzet,
    which: AmountQ::Omzet,
    prompt: "ask-omzet",
    title: "title-omzet",
    topic: &[
        "omzet",
        "omset",
        "penjualan",
        "jualan",
        "pendapatan",
        "turnover",
        "sales",
    ],
    get: |a| a.omzet,
    set: |a, v| a.omzet = v,
};

pub(super) static MODAL: Amount = Amount {
    q: Q::Modal,
    which: AmountQ::Modal,
    prompt: "ask-modal",
    title: "title-modal",
    topic: &["modal", "aset", "capital"],
    get: |a| a.modal,
    set: |a, v| a.modal = v,
};

impl Amount {
    fn scale_of<'r>(&self, rules: &'r Rules) -> impl Fn(Rupiah) -> Scale + 'r {
        let by = match self.which {
            AmountQ::Omzet => Rules::scale_by_omzet,
            AmountQ::Modal => Rules::scale_by_modal,
        };
        move |r| by(rules, r)
    }
}

impl Question for Amount {
    fn q(&self) -> Q {
        self.q
    }

    fn applies(&self, a: &Answers, _ctx: &Ctx) -> bool {
        self.which == AmountQ::Omzet || a.omzet == Some(ScaleAnswer::Unknown)
    }

    fn answered(&self, a: &Answers) -> bool {
        (self.get)(a).is_some()
    }

    fn clear(&self, a: &mut Answers) {
        (self.set)(a, None);
    }

    fn prompt(&self, _conv: &Conversation, ctx: &Ctx) -> Reply {
        let r = &ctx.reference.rules;
        let limits = match self.which {
            AmountQ::Omzet => [r.mikro_max_omzet.0, r.kecil_max_omzet.0],
            AmountQ::Modal => [r.mikro_max_modal.0, r.kecil_max_modal.0],
        };
        Reply::say(Msg::new(self.prompt)).buttons(band_buttons(self.which, limits))
    }

    fn take(&self, conv: &mut Conversation, input: &Input, ctx: &Ctx) -> Take {
        let read = match input {
            Input::Button(ButtonId::Band(q, band)) if *q == self.which => Some(from_band(*band)),
            Input::Text(text) => read(text, self.which, self.scale_of(&ctx.reference.rules)),
            _ => None,
        };
        match read {
            Some((answer, echo)) => {
                (self.set)(&mut conv.answers, Some(answer));
                Take::Recorded(echo)
            }
            None => Take::NotUnderstood,
        }
    }

    fn ahead(&self, clause: &str, a: &mut Answers, ctx: &Ctx) -> bool {
        let c = crate::parse::canonical(clause);
        // "Rp100 juta sebulan" typed after the turnover question corrects the turnover.
        let with_period = self.which == AmountQ::Omzet
            && find_amount(clause).is_some_and(|amount| amount.period_stated);
        if !with_period && !self.topic.iter().any(|t| c.contains(t)) {
            return false;
        }
        match read(clause, self.which, self.scale_of(&ctx.reference.rules)) {
            Some((answer, _)) => {
                (self.set)(a, Some(answer));
                true
            }
            None => false,
        }
    }

    fn shown(&self, a: &Answers, _ctx: &Ctx) -> Option<Label> {
        (self.get)(a).map(|answer| Label::Msg(shown(answer)))
    }

    fn recorded(&self, a: &Answers) -> Option<String> {
        (self.get)(a).map(|answer| match answer {
            ScaleAnswer::Amount(r) => format!("amount:{}", r.0),
            ScaleAnswer::Band(s) => format!("band:{}", s.as_str()),
            ScaleAnswer::Unknown => "unknown".to_owned(),
        })
    }

    fn title(&self) -> &'static str {
        self.title
    }

    fn help(&self) -> &'static str {
        "help-scale"
    }

    fn hint(&self) -> &'static str {
        match self.which {
            AmountQ::Omzet => "hint-amount",
            AmountQ::Modal => "hint-amount-modal",
        }
    }
}

/// Turnover/capital bands from the rules' thresholds, in whole miliar.
fn band_buttons(which: AmountQ, [small, medium]: [u64; 2]) -> Vec<Button> {
    let miliar = |v: u64| (v / 1_000_000_000) as i64;
    let band = |b| ButtonId::Band(which, b);
    vec![
        Button::label(
            band(Band::Scale(Scale::Mikro)),
            Msg::new("btn-upto").num("max", miliar(small)),
        ),
        Button::label(
            band(Band::Scale(Scale::Kecil)),
            Msg::new("btn-between")
                .num("min", miliar(small))
                .num("max", miliar(medium)),
        ),
        Button::label(
            band(Band::Scale(Scale::Menengah)),
            Msg::new("btn-above").num("min", miliar(medium)),
        ),
        Button::msg(band(Band::Unknown), "btn-unknown"),
    ]
}

fn from_band(band: Band) -> (ScaleAnswer, Option<Msg>) {
    match band {
        Band::Scale(s) => (ScaleAnswer::Band(s), None),
        Band::Unknown => (ScaleAnswer::Unknown, None),
    }
}

/// A typed amount with the message that says back what was understood (turnover per
/// year; capital as a sum), or a band named in words ("usaha mikro", "di bawah 2 M").
fn read(
    text: &str,
    which: AmountQ,
    scale_of: impl Fn(Rupiah) -> Scale,
) -> Option<(ScaleAnswer, Option<Msg>)> {
    if let Some(Stance::Unknown) = parse_stance(text) {
        return Some((ScaleAnswer::Unknown, None));
    }
    let Some(amount) = find_amount(text) else {
        return band_in_words(text).map(|s| (ScaleAnswer::Band(s), None));
    };
    let value = match which {
        AmountQ::Omzet => amount.per_year(),
        AmountQ::Modal => amount.amount,
    };
    // Below Rp1 juta is a number without its unit ("150" meant as 150 juta): ask again.
    if value.0 < 1_000_000 {
        return None;
    }
    if mentions(
        text,
        &[
            "di bawah",
            "dibawah",
            "kurang dari",
            "tidak sampai",
            "below",
            "under",
        ],
    ) {
        return Some((ScaleAnswer::Band(scale_of(Rupiah(value.0 - 1))), None));
    }
    let echo = match which {
        AmountQ::Omzet => Msg::new("echo-amount")
            .money("yearly", value)
            .money("typed", amount.amount)
            .text("period", amount.period.as_str())
            .text("assumed", if amount.period_stated { "no" } else { "yes" }),
        AmountQ::Modal => Msg::new("echo-modal").money("amount", value),
    };
    Some((ScaleAnswer::Amount(value), Some(echo)))
}

fn band_in_words(text: &str) -> Option<Scale> {
    let bands: [(&[&str], Scale); 3] = [
        (&["mikro", "usaha mikro", "micro"], Scale::Mikro),
        (&["kecil", "usaha kecil", "small"], Scale::Kecil),
        (
            &["menengah", "usaha menengah", "besar", "medium"],
            Scale::Menengah,
        ),
    ];
    bands
        .into_iter()
        .find(|(words, _)| mentions(text, words))
        .map(|(_, s)| s)
}

fn shown(answer: ScaleAnswer) -> Msg {
    match answer {
        ScaleAnswer::Amount(r) => Msg::new("answer-amount").money("amount", r),
        ScaleAnswer::Band(s) => Msg::new("answer-band").text("scale", s.as_str()),
        ScaleAnswer::Unknown => Msg::new("btn-unknown"),
    }
}
