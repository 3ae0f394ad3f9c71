//! "Produk utama Anda termasuk jenis apa?" — the category, or the product itself when the
//! owner names it straight away.

use super::product::{clean, find, is_bare_stance, set_category};
use super::{Q, Question, Take};
use crate::flow::answers::Answers;
use crate::flow::commands::is_greeting;
use crate::flow::event::Input;
use crate::flow::reply::{Button, Label, Msg, Reply};
use crate::flow::state::{Conversation, Step};
use crate::flow::{ButtonId, Ctx};
use crate::parse::mentions;
use crate::reference::{Category, ProductMatch};

pub(super) struct CategoryQ;

pub(super) static CATEGORY: CategoryQ = CategoryQ;

impl Question for CategoryQ {
    fn q(&self) -> Q {
        Q::Category
    }

    fn answered(&self, a: &Answers) -> bool {
        a.category.is_some()
    }

    fn clear(&self, a: &mut Answers) {
        a.category = None;
    }

    fn prompt(&self, _conv: &Conversation, _ctx: &Ctx) -> Reply {
        let buttons = Category::all()
            .iter()
            .map(|c| Button::msg(ButtonId::Category(*c), c.label_msg()))
            .collect();
        Reply::say(Msg::new("ask-category")).buttons(buttons)
    }

    fn take(&self, conv: &mut Conversation, input: &Input, ctx: &Ctx) -> Take {
        // Many owners answer "what kind" with the product itself: a clear product match wins
        // over a category word ("mainan kayu" is a toy, not just the category "mainan").
        if let Input::Text(text) = input
            && !is_greeting(text)
        {
            match find(ctx, text, None, &conv.rejected_products) {
                ProductMatch::One(id) => {
                    if let Some(p) = ctx.reference.catalogue.get(&id) {
                        set_category(&mut conv.answers, p.category);
                    }
                    conv.step = Step::ProductConfirm { product: id };
                    return Take::SubStep;
                }
                ProductMatch::Many(options) if category_from_words(text).is_none() => {
                    conv.step = Step::ProductPick {
                        options,
                        text: clean(text),
                    };
                    return Take::SubStep;
                }
                _ => {}
            }
        }
        let chosen = match input {
            Input::Button(ButtonId::Category(c)) => Some(*c),
            Input::Text(text) => category_from_words(text),
            _ => None,
        };
        match (chosen, input) {
            (Some(category), _) => {
                set_category(&mut conv.answers, category);
                Take::Recorded(None)
            }
            // "tepung sagu": a product, not a category; say it is not listed and go on.
            (None, Input::Text(text))
                if !is_greeting(text)
                    && !is_bare_stance(text)
                    && crate::parse::find_amount(text).is_none()
                    && text.chars().filter(|c| c.is_alphabetic()).count() >= 4 =>
            {
                conv.step = Step::ProductUnlisted { text: clean(text) };
                Take::SubStep
            }
            _ => Take::NotUnderstood,
        }
    }

    fn shown(&self, a: &Answers, _ctx: &Ctx) -> Option<Label> {
        a.category.map(|c| Label::Msg(Msg::new(c.label_msg())))
    }

    fn recorded(&self, a: &Answers) -> Option<String> {
        a.category.map(|c| c.as_str().to_owned())
    }

    fn title(&self) -> &'static str {
        "title-category"
    }

    fn help(&self) -> &'static str {
        "help-category"
    }
}

fn category_from_words(text: &str) -> Option<Category> {
    let table: [(&[&str], Category); 7] = [
        (
            &[
                "makanan", "minuman", "makan", "minum", "kuliner", "pangan", "olahan", "kue",
                "snack", "camilan", "cemilan", "jajanan", "food", "drink",
            ],
            Category::Makanan,
        ),
        (
            &[
                "segar",
                "tani",
                "pertanian",
                "laut",
                "kebun",
                "hasil bumi",
                "perikanan",
                "kering",
                "hasil tani",
                "hasil laut",
                "farm",
            ],
            Category::Segar,
        ),
        (
            &[
                "kerajinan",
                "tekstil",
                "kain",
                "anyaman",
                "craft",
                "handmade",
                "fashion",
                "pakaian",
            ],
            Category::Kerajinan,
        ),
        (
            &["mainan", "bayi", "anak", "anak anak", "toys"],
            Category::Anak,
        ),
        (
            &[
                "helm",
                "listrik",
                "elektronik",
                "pupuk",
                "logam",
                "mesin",
                "alat",
                "industri",
            ],
            Category::Industri,
        ),
        (
            &[
                "kosmetik",
                "kecantikan",
                "skincare",
                "perawatan",
                "cosmetic",
                "cosmetics",
            ],
            Category::Kosmetik,
        ),
        (
            &["lainnya", "lain", "lain lain", "other"],
            Category::Lainnya,
        ),
    ];
    table
        .into_iter()
        .find(|(words, _)| mentions(text, words))
        .map(|(_, c)| c)
}
