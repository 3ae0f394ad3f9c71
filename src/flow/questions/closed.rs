//! The shape every closed question shares: options with a button and the words owners use
//! for them, and how a plain yes / no / don't know / in progress maps onto them.

use super::{Q, Question, Take};
use crate::flow::answers::{Answers, Progress};
use crate::flow::choice::Choice;
use crate::flow::event::Input;
use crate::flow::reply::{Button, Label, Msg, Reply};
use crate::flow::state::Conversation;
use crate::flow::{ButtonId, Ctx};
use crate::parse::{Stance, YesNo, canonical, mentions, parse_stance};

pub(crate) struct Opt<T: 'static> {
    pub value: T,
    /// Fluent id of the button label.
    pub label: &'static str,
    /// Words and phrases (canonical form) that choose this option when typed, unless negated.
    pub words: &'static [&'static str],
}

pub(crate) struct Closed<T: 'static> {
    pub q: Q,
    pub prompt: &'static str,
    /// The prompt for a product that is not food, where it differs (a label without an
    /// expiry date).
    pub prompt_not_food: Option<&'static str>,
    pub title: &'static str,
    pub help: &'static str,
    pub options: &'static [Opt<T>],
    /// Options asked for, but not shown as buttons (an expired permit, say).
    pub hidden: &'static [Opt<T>],
    pub stance: fn(Stance) -> Option<T>,
    /// Words naming the question's subject: a clause typed before the question was asked
    /// is taken only when it names it ("risiko rendah", "halal belum").
    pub topic: &'static [&'static str],
    pub get: fn(&Answers) -> Option<T>,
    pub set: fn(&mut Answers, Option<T>),
    pub applies: fn(&Answers, &Ctx) -> bool,
    /// Where an answer that fits no option is kept in the owner's words, if it may be.
    pub free_text: Option<FreeText>,
}

pub(crate) struct FreeText {
    pub get: fn(&Answers) -> Option<&String>,
    pub set: fn(&mut Answers, Option<String>),
}

impl<T: Choice + PartialEq + Sync + serde::Serialize> Closed<T> {
    /// Typed text: an option's words first (so "belum lengkap" is "partly", not "no"),
    /// then a plain stance.
    /// The longest matching phrase wins, so "menengah rendah" is not read as "rendah".
    pub fn read(&self, text: &str) -> Option<T> {
        // "ok", "sip": the owner acknowledges; it says nothing about halal or the label.
        const ACK: &[&str] = &[
            "ok", "oke", "okey", "okay", "sip", "baik", "siap", "mantap", "noted",
        ];
        if self.q != Q::Willing && ACK.contains(&canonical(text).as_str()) {
            return None;
        }
        self.options
            .iter()
            .chain(self.hidden)
            .filter_map(|o| {
                let longest = o
                    .words
                    .iter()
                    .filter(|w| mentions(text, &[w]) && !denied_after(text, w))
                    .map(|w| w.len())
                    .max()?;
                Some((longest, o.value))
            })
            .max_by_key(|(len, _)| *len)
            .map(|(_, value)| value)
            .or_else(|| parse_stance(text).and_then(self.stance))
    }

    fn label_of(&self, value: T) -> Option<&'static str> {
        self.options
            .iter()
            .chain(self.hidden)
            .find(|o| o.value == value)
            .map(|o| o.label)
    }
}

impl<T: Choice + PartialEq + Sync + serde::Serialize> Question for Closed<T> {
    fn q(&self) -> Q {
        self.q
    }

    fn applies(&self, a: &Answers, ctx: &Ctx) -> bool {
        (self.applies)(a, ctx)
    }

    fn answered(&self, a: &Answers) -> bool {
        (self.get)(a).is_some()
            || self
                .free_text
                .as_ref()
                .is_some_and(|f| (f.get)(a).is_some())
    }

    fn clear(&self, a: &mut Answers) {
        (self.set)(a, None);
        if let Some(f) = &self.free_text {
            (f.set)(a, None);
        }
    }

    fn prompt(&self, conv: &Conversation, ctx: &Ctx) -> Reply {
        let prompt = match self.prompt_not_food {
            Some(other) if !crate::flow::outcome::is_food(&conv.answers, ctx.reference) => other,
            _ => self.prompt,
        };
        let buttons = self
            .options
            .iter()
            .map(|o| Button::msg(o.value.button(), o.label))
            .collect();
        Reply::say(Msg::new(prompt)).buttons(buttons)
    }

    fn take(&self, conv: &mut Conversation, input: &Input, _ctx: &Ctx) -> Take {
        let value = match input {
            Input::Button(id) => T::from_button(id),
            Input::Text(text) => self.read(text),
            _ => None,
        };
        let a = &mut conv.answers;
        match (value, &self.free_text, input) {
            (Some(v), _, Input::Text(_)) => {
                self.clear(a);
                (self.set)(a, Some(v));
                // Typed in the owner's words: say back how it was read, so a misreading
                // shows at once, not only in the review.
                let said = self.label_of(v).map(|l| {
                    Msg::new("noted-answer")
                        .msg("question", Msg::new(self.title))
                        .msg("answer", Msg::new(l))
                });
                Take::Recorded(said)
            }
            (Some(v), _, _) => {
                self.clear(a);
                (self.set)(a, Some(v));
                Take::Recorded(None)
            }
            (None, Some(free), Input::Text(text)) if is_free_answer(text) => {
                self.clear(a);
                (free.set)(a, Some(clean(text)));
                Take::Recorded(Some(Msg::new("noted-free-text")))
            }
            _ => Take::NotUnderstood,
        }
    }

    fn ahead(&self, clause: &str, a: &mut Answers, _ctx: &Ctx) -> bool {
        let c = canonical(clause);
        // "risikonya rendah": the topic word may carry a suffix.
        let is_topic = |w: &str| self.topic.iter().any(|t| w.starts_with(t));
        let named = self
            .topic
            .iter()
            .any(|t| t.contains(' ') && mentions(&c, &[t]))
            || c.split_whitespace().any(is_topic);
        if !named {
            return false;
        }
        // "halal juga belum": the topic and the words before the answer are not part of it.
        let rest: Vec<&str> = c.split_whitespace().filter(|w| !is_topic(w)).collect();
        let from_any_word = (0..rest.len()).find_map(|i| self.read(&rest[i..].join(" ")));
        match self.read(&c).or(from_any_word) {
            Some(v) => {
                (self.set)(a, Some(v));
                true
            }
            None => false,
        }
    }

    fn shown(&self, a: &Answers, _ctx: &Ctx) -> Option<Label> {
        if let Some(v) = (self.get)(a) {
            return self.label_of(v).map(|l| Label::Msg(Msg::new(l)));
        }
        let free = self.free_text.as_ref()?;
        (free.get)(a).map(|t| Label::Plain(t.clone()))
    }

    fn recorded(&self, a: &Answers) -> Option<String> {
        if let Some(v) = (self.get)(a) {
            // The stored (serde) name: "menengah_rendah", "bpom_md", "yes".
            let json = serde_json::to_value(v).ok()?;
            return json.as_str().map(str::to_owned);
        }
        let free = self.free_text.as_ref()?;
        (free.get)(a).map(|_| "other".to_owned())
    }

    fn title(&self) -> &'static str {
        self.title
    }

    fn help(&self) -> &'static str {
        self.help
    }
}

/// "BPOM belum", "halal tidak": the word is followed by its denial.
fn denied_after(text: &str, word: &str) -> bool {
    let t = format!("{} ", canonical(text));
    ["belum", "tidak", "bukan"]
        .iter()
        .any(|no| t.contains(&format!("{word} {no} ")))
}

/// Free text worth keeping: words, not a bare yes/no, a greeting or keyboard mash.
fn is_free_answer(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && parse_stance(text).is_none()
        && !crate::flow::commands::is_greeting(text)
        && text.split_whitespace().any(looks_like_a_word)
}

/// "asdfgh" has four consonants in a row and one vowel; Indonesian words rarely do.
fn looks_like_a_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let vowel = |c: char| "aeiou".contains(c);
    let vowels = lower.chars().filter(|&c| vowel(c)).count();
    let mut run = 0;
    let mut longest = 0;
    for c in lower.chars().filter(|c| c.is_alphabetic()) {
        run = if vowel(c) { 0 } else { run + 1 };
        longest = longest.max(run);
    }
    vowels >= 2 && longest < 4
}

/// Kept as one line without hidden controls, cut to [`crate::limits::FREE_ANSWER_CHARS`]:
/// the gist of a description survives a cut, unlike a name's.
fn clean(text: &str) -> String {
    crate::parse::one_line(text)
        .chars()
        .take(crate::limits::FREE_ANSWER_CHARS)
        .collect()
}

pub(crate) fn yes_no_buttons() -> Vec<Button> {
    vec![
        Button::msg(ButtonId::Answer(YesNo::Yes), "btn-yes"),
        Button::msg(ButtonId::Answer(YesNo::No), "btn-no"),
    ]
}

/// How a plain stance answers a yes/no/unknown question.
pub(crate) fn stance_yes_no(s: Stance) -> Option<YesNo> {
    Some(match s {
        Stance::Yes => YesNo::Yes,
        // Registering at OSS but no NIB yet is still no NIB.
        Stance::No | Stance::InProgress => YesNo::No,
        Stance::Unknown => YesNo::Unknown,
    })
}

pub(crate) fn always(_: &Answers, _: &Ctx) -> bool {
    true
}

/// Halal and merek: done, in progress, or not yet.
pub(crate) const fn progress_options() -> &'static [Opt<Progress>] {
    &[
        Opt {
            value: Progress::Sudah,
            label: "btn-sudah",
            words: &[
                "sudah ada",
                "sudah punya",
                "sudah terdaftar",
                "sudah daftar dan terbit",
                "sudah sertifikat",
            ],
        },
        Opt {
            value: Progress::Proses,
            label: "btn-proses",
            words: &[
                "proses",
                "sedang",
                "diajukan",
                "mengajukan",
                "menunggu",
                "tunggu",
                "lagi urus",
                "sedang diurus",
                "sudah daftar",
                "sudah ajukan",
                "in progress",
            ],
        },
        Opt {
            value: Progress::Belum,
            label: "btn-belum",
            words: &[
                "belum ada",
                "belum punya",
                "belum daftar",
                "belum urus",
                "tidak ada",
                "belum didaftar",
                "belum didaftarkan",
                "belum terdaftar",
                "belum diurus",
            ],
        },
    ]
}

pub(crate) fn stance_progress(s: Stance) -> Option<Progress> {
    Some(match s {
        Stance::Yes => Progress::Sudah,
        Stance::InProgress => Progress::Proses,
        Stance::No | Stance::Unknown => Progress::Belum,
    })
}

/// Yes or no from a button or typed text, for confirmations ("Maksud Anda …?").
pub(crate) fn read_yes_no(input: &Input) -> Option<YesNo> {
    match input {
        Input::Button(ButtonId::Answer(y)) => Some(*y),
        Input::Button(ButtonId::Confirm(yes)) => Some(if *yes { YesNo::Yes } else { YesNo::No }),
        Input::Text(text) => parse_stance(text).and_then(stance_yes_no),
        _ => None,
    }
}
