//! Channel-neutral replies. The flow names messages by their Fluent id; the i18n layer renders them.

use super::ButtonId;

/// A value passed into a Fluent message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// Rendered as "17 Oktober 2026" in the conversation's language.
    Date(time::Date),
    /// Rendered as "Rp60 juta" / "Rp1,5 miliar".
    Money(crate::parse::Rupiah),
    /// Another message, rendered in place (an answer's label inside a sentence).
    Msg(Box<Msg>),
    /// Messages rendered one per line.
    List(Vec<Msg>),
}

/// One localised message: a Fluent id and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    pub fn date(mut self, name: &'static str, value: time::Date) -> Self {
        self.args.push((name, Arg::Date(value)));
        self
    }

    pub fn num(mut self, name: &'static str, value: i64) -> Self {
        self.args.push((name, Arg::Number(value)));
        self
    }

    pub fn money(mut self, name: &'static str, value: crate::parse::Rupiah) -> Self {
        self.args.push((name, Arg::Money(value)));
        self
    }

    pub fn msg(mut self, name: &'static str, value: Msg) -> Self {
        self.args.push((name, Arg::Msg(Box::new(value))));
        self
    }

    /// A button label as an argument: localised, or data shown as it is.
    pub fn label(self, name: &'static str, value: Label) -> Self {
        match value {
            Label::Msg(m) => self.msg(name, m),
            Label::Plain(s) => self.text(name, s),
        }
    }

    pub fn list(mut self, name: &'static str, lines: Vec<Msg>) -> Self {
        self.args.push((name, Arg::List(lines)));
        self
    }
}

/// A button's label: localised, or data shown as it is (a province name, a product).
#[derive(Debug, Clone, PartialEq)]
pub enum Label {
    Msg(Msg),
    Plain(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub id: ButtonId,
    pub label: Label,
}

impl Button {
    pub fn msg(id: ButtonId, msg: &'static str) -> Self {
        Self::label(id, Msg::new(msg))
    }

    pub fn label(id: ButtonId, msg: Msg) -> Self {
        Self {
            id,
            label: Label::Msg(msg),
        }
    }

    pub fn plain(id: ButtonId, label: impl Into<String>) -> Self {
        Self {
            id,
            label: Label::Plain(label.into()),
        }
    }
}

/// One bot message: paragraphs of text and, optionally, buttons for a closed question.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub paragraphs: Vec<Msg>,
    pub buttons: Vec<Button>,
    /// Offer a "share my number" button where the channel has one (Telegram).
    pub ask_contact: bool,
}

impl Reply {
    pub fn say(msg: Msg) -> Self {
        Self {
            paragraphs: vec![msg],
            buttons: Vec::new(),
            ask_contact: false,
        }
    }

    pub fn with(mut self, msg: Msg) -> Self {
        self.paragraphs.push(msg);
        self
    }

    pub fn buttons(mut self, buttons: Vec<Button>) -> Self {
        self.buttons = buttons;
        self
    }

    /// The Fluent ids of this reply, for tests and for tracing.
    pub fn ids(&self) -> Vec<&'static str> {
        self.paragraphs.iter().map(|m| m.id).collect()
    }
}
