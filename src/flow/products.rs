//! Category and product: picked from the catalogue or typed freely, told what was found.

use super::answer::{Answered, proceed, typed, yes_no};
use super::answers::ProductAnswer;
use super::commands::is_greeting;
use super::event::Input;
use super::prompts::product_found;
use super::questions::Q;
use super::reply::Msg;
use super::state::{Conversation, Step};
use super::{Ctx, Out};
use crate::parse::{YesNo, normalize};
use crate::reference::{Category, ProductId, ProductMatch};

pub(super) fn on_input(
    conv: &mut Conversation,
    input: &Input,
    ctx: &Ctx,
    out: &mut Out,
) -> Answered {
    match conv.step.clone() {
        Step::Category => category(conv, input, ctx, out),
        Step::ProductConfirm { product } => confirm(conv, product, input, ctx, out),
        Step::ProductUnlisted { text } => unlisted(conv, text, input, ctx, out),
        Step::ProductPick { text, .. } if is_none_button(input) => {
            conv.step = Step::ProductUnlisted { text };
            out.ask(conv, ctx, None);
            Answered::Yes
        }
        _ => product(conv, input, ctx, out),
    }
}

fn is_none_button(input: &Input) -> bool {
    matches!(input, Input::Button(id) if id == "product:none")
}

fn category(conv: &mut Conversation, input: &Input, ctx: &Ctx, out: &mut Out) -> Answered {
    let text = typed(input);
    // Many people answer "what kind" with the product itself: a clear product match wins
    // over a category word ("mainan kayu" is a toy, not just the category "mainan").
    if let Some(ProductMatch::One(id)) =
        text.map(|t| ctx.reference.catalogue.match_product(t, None))
    {
        if let Some(p) = ctx.reference.catalogue.get(&id) {
            set_category(conv, p.category);
        }
        conv.advance(Step::ProductConfirm { product: id });
        out.ask(conv, ctx, None);
        return Answered::Yes;
    }
    let chosen = match input {
        Input::Button(id) => id
            .strip_prefix("cat:")
            .and_then(|c| Category::all().iter().copied().find(|k| k.as_str() == c)),
        Input::Text(text) => category_from_words(text),
        _ => None,
    };
    if let Some(category) = chosen {
        set_category(conv, category);
        proceed(conv, Q::Category, ctx, out, None);
        return Answered::Yes;
    }
    match text.map(|t| (t, ctx.reference.catalogue.match_product(t, None))) {
        Some((t, ProductMatch::Many(options))) => {
            conv.advance(Step::ProductPick {
                options,
                text: clean(t),
            });
            out.ask(conv, ctx, None);
            Answered::Yes
        }
        _ => Answered::No,
    }
}

fn set_category(conv: &mut Conversation, category: Category) {
    let a = &mut conv.answers;
    if a.category != Some(category) {
        a.product = None;
    }
    a.category = Some(category);
}

fn category_from_words(text: &str) -> Option<Category> {
    let t = format!(" {} ", normalize(text));
    let table: [(&[&str], Category); 6] = [
        (
            &[
                "makanan", "minuman", "makan", "minum", "kuliner", "pangan", "olahan", "kue",
                "snack", "camilan", "jajanan",
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
            ],
            Category::Segar,
        ),
        (
            &[
                "kerajinan",
                "tekstil",
                "kain",
                "tenun",
                "anyaman",
                "songket",
                "craft",
            ],
            Category::Kerajinan,
        ),
        (&["mainan", "bayi", "anak", "anak anak"], Category::Anak),
        (
            &[
                "helm",
                "listrik",
                "elektronik",
                "pupuk",
                "logam",
                "mesin",
                "alat",
            ],
            Category::Industri,
        ),
        (&["lainnya", "lain", "lain lain"], Category::Lainnya),
    ];
    table
        .into_iter()
        .find(|(words, _)| words.iter().any(|w| t.contains(&format!(" {w} "))))
        .map(|(_, c)| c)
}

fn product(conv: &mut Conversation, input: &Input, ctx: &Ctx, out: &mut Out) -> Answered {
    let catalogue = &ctx.reference.catalogue;
    match input {
        Input::Button(id) if id == "product:none" => {
            conv.step = Step::ProductTyping;
            out.ask(conv, ctx, None);
            Answered::Yes
        }
        Input::Button(id) => match id
            .strip_prefix("prod:")
            .and_then(|p| ProductId::parse(p).ok())
        {
            Some(pid) if catalogue.get(&pid).is_some() => {
                take_listed(conv, pid, ctx, out);
                Answered::Yes
            }
            _ => Answered::No,
        },
        // "halo" is a greeting, not a product to look up.
        Input::Text(text) if is_greeting(text) => Answered::No,
        Input::Text(text) => {
            match catalogue.match_product(text, conv.answers.category) {
                ProductMatch::One(pid) => conv.advance(Step::ProductConfirm { product: pid }),
                ProductMatch::Many(options) => {
                    conv.step = Step::ProductPick {
                        options,
                        text: clean(text),
                    }
                }
                ProductMatch::None => conv.step = Step::ProductUnlisted { text: clean(text) },
            }
            out.ask(conv, ctx, None);
            Answered::Yes
        }
        _ => Answered::No,
    }
}

fn clean(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(80)
        .collect()
}

fn confirm(
    conv: &mut Conversation,
    pid: ProductId,
    input: &Input,
    ctx: &Ctx,
    out: &mut Out,
) -> Answered {
    match yes_no(input) {
        Some(YesNo::Yes) => {
            if let Some(p) = ctx.reference.catalogue.get(&pid) {
                set_category(conv, p.category);
            }
            conv.answers.product = Some(ProductAnswer::Listed(pid));
            proceed(conv, Q::Product, ctx, out, None);
            Answered::Yes
        }
        Some(YesNo::No | YesNo::Unknown) => {
            conv.step = Step::ProductTyping;
            out.ask(conv, ctx, Some(Msg::new("ask-product-retype")));
            Answered::Yes
        }
        // A different product typed instead of yes/no: match it.
        None if typed(input).is_some() => product(conv, input, ctx, out),
        None => Answered::No,
    }
}

fn unlisted(
    conv: &mut Conversation,
    text: String,
    input: &Input,
    ctx: &Ctx,
    out: &mut Out,
) -> Answered {
    match input {
        Input::Button(id) if id == "again" => {
            conv.step = Step::ProductTyping;
            out.ask(conv, ctx, None);
            Answered::Yes
        }
        Input::Button(id) if id == "continue" => {
            conv.answers.product = Some(ProductAnswer::Unlisted(text));
            proceed(conv, Q::Product, ctx, out, None);
            Answered::Yes
        }
        Input::Text(_) => product(conv, input, ctx, out),
        _ => Answered::No,
    }
}

/// A product picked from a list: say what it is, then go on.
fn take_listed(conv: &mut Conversation, pid: ProductId, ctx: &Ctx, out: &mut Out) {
    let found = ctx.reference.catalogue.get(&pid).map(product_found);
    if let Some(p) = ctx.reference.catalogue.get(&pid) {
        set_category(conv, p.category);
    }
    conv.answers.product = Some(ProductAnswer::Listed(pid));
    proceed(conv, Q::Product, ctx, out, found);
}
