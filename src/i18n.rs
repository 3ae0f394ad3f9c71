//! Fluent rendering. All user-facing text lives in `locales/<lang>/*.ftl`.

use crate::domain::Locale;
use crate::flow::{Arg, Label, Msg, Reply};
use crate::message::{OutButton, OutMessage};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;

/// Each locale is several files, one per subject, so the conversation, the knowledge base
/// and the catalogue's texts can be edited apart.
const ID_FTL: [&str; 13] = [
    include_str!("../locales/id/pandu.ftl"),
    include_str!("../locales/id/campaigns.ftl"),
    include_str!("../locales/id/dashboard_referrals.ftl"),
    include_str!("../locales/id/dashboard_campaigns.ftl"),
    include_str!("../locales/id/referrals.ftl"),
    include_str!("../locales/id/knowledge.ftl"),
    include_str!("../locales/id/catalogue.ftl"),
    include_str!("../locales/id/sign_in.ftl"),
    include_str!("../locales/id/labels.ftl"),
    include_str!("../locales/id/dashboard.ftl"),
    include_str!("../locales/id/replies.ftl"),
    include_str!("../locales/id/dashboard_replies.ftl"),
    include_str!("../locales/id/dashboard_staff.ftl"),
];
const EN_FTL: [&str; 13] = [
    include_str!("../locales/en/pandu.ftl"),
    include_str!("../locales/en/campaigns.ftl"),
    include_str!("../locales/en/dashboard_referrals.ftl"),
    include_str!("../locales/en/dashboard_campaigns.ftl"),
    include_str!("../locales/en/referrals.ftl"),
    include_str!("../locales/en/knowledge.ftl"),
    include_str!("../locales/en/catalogue.ftl"),
    include_str!("../locales/en/sign_in.ftl"),
    include_str!("../locales/en/labels.ftl"),
    include_str!("../locales/en/dashboard.ftl"),
    include_str!("../locales/en/replies.ftl"),
    include_str!("../locales/en/dashboard_replies.ftl"),
    include_str!("../locales/en/dashboard_staff.ftl"),
];

/// The whole Fluent source of a locale.
pub fn source(locale: Locale) -> String {
    let files = match locale {
        Locale::Id => ID_FTL,
        Locale::En => EN_FTL,
    };
    files.join("\n")
}

const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

pub struct Texts {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
    help_contact: Option<String>,
}

impl Texts {
    /// The locales built into the binary. They are checked by tests, so a parse error here
    /// is a build defect, not an operator's problem.
    pub fn embedded(help_contact: Option<String>) -> Self {
        let bundles = Locale::ALL.iter().map(|&l| (l, bundle(l))).collect();
        Self {
            bundles,
            help_contact,
        }
    }

    pub fn render(&self, locale: Locale, msg: &Msg) -> String {
        let bundle = &self.bundles[&locale];
        let Some(pattern) = bundle.get_message(msg.id).and_then(|m| m.value()) else {
            tracing::error!(
                id = msg.id,
                locale = locale.as_str(),
                "missing Fluent message"
            );
            return msg.id.to_owned();
        };
        let args = self.args(locale, msg);
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(id = msg.id, ?errors, "Fluent formatting problems");
        }
        text.into_owned()
    }

    fn args<'a>(&'a self, locale: Locale, msg: &'a Msg) -> FluentArgs<'a> {
        let mut args = FluentArgs::new();
        let contact = self.help_contact.as_deref().unwrap_or("none");
        args.set("help_contact", FluentValue::from(contact));
        for (name, value) in &msg.args {
            match value {
                Arg::Text(s) => args.set(*name, FluentValue::from(s.as_str())),
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Date(at) => args.set(*name, FluentValue::from(self.date(locale, *at))),
                Arg::Money(r) => args.set(*name, FluentValue::from(self.money(locale, *r))),
                Arg::Msg(m) => args.set(*name, FluentValue::from(self.render(locale, m))),
                Arg::List(lines) => {
                    let text: Vec<String> = lines.iter().map(|l| self.render(locale, l)).collect();
                    args.set(*name, FluentValue::from(text.join("\n")));
                }
            }
        }
        args
    }

    /// "17 Oktober 2026": day, month name from the locale, year.
    fn date(&self, locale: Locale, date: time::Date) -> String {
        let month = MONTHS[usize::from(u8::from(date.month())) - 1];
        format!(
            "{} {} {}",
            date.day(),
            self.render(locale, &Msg::new(month)),
            date.year()
        )
    }

    /// "Rp60 juta", "Rp1,5 miliar": amounts as owners say them, to one decimal.
    fn money(&self, locale: Locale, amount: crate::parse::Rupiah) -> String {
        const UNITS: [(u64, &str); 4] = [
            (1_000_000_000_000, "money-trillion"),
            (1_000_000_000, "money-billion"),
            (1_000_000, "money-million"),
            (1_000, "money-thousand"),
        ];
        let v = amount.0;
        let Some((unit, id)) = UNITS.into_iter().find(|(u, _)| v >= *u) else {
            return amount.to_string();
        };
        let tenths = (v as f64 / unit as f64 * 10.0).round() as u64;
        let mut n = (tenths / 10).to_string();
        if !tenths.is_multiple_of(10) {
            let mark = if locale == Locale::Id { ',' } else { '.' };
            n.push(mark);
            n.push_str(&(tenths % 10).to_string());
        }
        self.render(locale, &Msg::new(id).text("n", n))
    }

    pub fn render_label(&self, locale: Locale, label: &Label) -> String {
        match label {
            Label::Msg(m) => self.render(locale, m),
            Label::Plain(s) => s.clone(),
        }
    }

    pub fn render_reply(&self, locale: Locale, reply: &Reply) -> OutMessage {
        let text = reply
            .paragraphs
            .iter()
            .map(|m| self.render(locale, m))
            .collect::<Vec<_>>()
            .join("\n\n");
        let buttons = reply
            .buttons
            .iter()
            .map(|b| OutButton {
                url: None,
                id: b.id.wire(),
                label: self.render_label(locale, &b.label),
            })
            .collect();
        let contact_label = reply
            .ask_contact
            .then(|| self.render(locale, &Msg::new("btn-share-contact")));
        OutMessage {
            image: None,
            text,
            buttons,
            contact_label,
            template: None,
        }
    }
}

fn bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let lang = locale
        .as_str()
        .parse()
        .expect("locale ids are valid language tags");
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Isolation marks show up as stray characters on some phones.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source(locale)).expect("embedded .ftl parses");
    bundle
        .add_resource(resource)
        .expect("embedded .ftl has no duplicate ids");
    bundle
}

/// The message ids defined in a Fluent source, for the locale consistency tests.
pub fn message_ids(ftl: &str) -> Vec<String> {
    let resource = FluentResource::try_new(ftl.to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}
