//! What the owner makes, picked from the catalogue or typed freely. A typed product is
//! always confirmed before the outcome rests on it.

use super::{PAGE_SIZE, Q, Question, Take, paged};
use crate::flow::answers::{Answers, ProductAnswer};
use crate::flow::commands::is_greeting;
use crate::flow::event::Input;
use crate::flow::reply::{Button, Label, Msg, Reply};
use crate::flow::state::{Conversation, Step};
use crate::flow::{ButtonId, Ctx};
use crate::parse::{Stance, YesNo, canonical, mentions, parse_stance};
use crate::reference::{
    Category, Product, ProductId, ProductMatch, Reference, Regency, RegencyKind, SniStatus,
};

pub(super) struct ProductQ;

pub(super) static PRODUCT: ProductQ = ProductQ;

impl Question for ProductQ {
    fn q(&self) -> Q {
        Q::Product
    }

    fn answered(&self, a: &Answers) -> bool {
        a.product.is_some()
    }

    fn clear(&self, a: &mut Answers) {
        a.product = None;
    }

    fn prompt(&self, conv: &Conversation, ctx: &Ctx) -> Reply {
        let r = ctx.reference;
        match &conv.step {
            Step::ProductTyping => Reply::say(Msg::new("ask-product-type")),
            Step::ProductPick { options, .. } => {
                let mut buttons: Vec<Button> = options
                    .iter()
                    .filter_map(|id| r.catalogue.get(id))
                    .map(product_button)
                    .collect();
                buttons.push(Button::msg(ButtonId::ProductNone, "btn-not-listed"));
                Reply::say(Msg::new("ask-product-pick")).buttons(buttons)
            }
            Step::ProductConfirm { product } => match r.catalogue.get(product) {
                Some(p) => {
                    Reply::say(Msg::new("ask-product-confirm").text("product", p.name.clone()))
                        .buttons(vec![
                            Button::msg(ButtonId::Answer(YesNo::Yes), "btn-yes"),
                            Button::msg(ButtonId::Answer(YesNo::No), "btn-no"),
                            Button::msg(ButtonId::ProductNone, "btn-not-listed"),
                        ])
                }
                None => Reply::say(Msg::new("ask-product-type")),
            },
            Step::ProductUnlisted { text } => {
                Reply::say(Msg::new("product-not-found").text("product", text.clone()))
                    .with(Msg::new("ask-product-unlisted"))
                    .buttons(vec![
                        Button::msg(ButtonId::TypeAgain, "btn-type-again"),
                        Button::msg(ButtonId::Continue, "btn-continue"),
                    ])
            }
            Step::Product { page } => list_prompt(conv, r, *page),
            _ => list_prompt(conv, r, 0),
        }
    }

    fn take(&self, conv: &mut Conversation, input: &Input, ctx: &Ctx) -> Take {
        match conv.step.clone() {
            Step::ProductConfirm { product } => confirm(conv, product, input, ctx),
            Step::ProductUnlisted { text } => unlisted(conv, text, input, ctx),
            Step::ProductPick { text, .. } if *input == Input::Button(ButtonId::ProductNone) => {
                conv.step = Step::ProductUnlisted { text };
                Take::SubStep
            }
            Step::ProductPick { options, .. } if matches!(input, Input::Text(_)) => {
                match among(&options, input, ctx) {
                    Some(pid) => take_listed(conv, pid, ctx),
                    None => typed_or_picked(conv, input, ctx),
                }
            }
            _ => typed_or_picked(conv, input, ctx),
        }
    }

    fn shown(&self, a: &Answers, ctx: &Ctx) -> Option<Label> {
        Some(Label::Plain(product_name(a, ctx.reference)?))
    }

    fn recorded(&self, a: &Answers) -> Option<String> {
        a.product.as_ref().map(|p| match p {
            ProductAnswer::Listed(id) => id.to_string(),
            ProductAnswer::Unlisted(_) => "unlisted".to_owned(),
        })
    }

    fn title(&self) -> &'static str {
        "title-product"
    }

    fn help(&self) -> &'static str {
        "help-product"
    }

    fn hint(&self) -> &'static str {
        "hint-product"
    }
}

/// The product's display name: the catalogue's, or the owner's words.
pub(in crate::flow) fn product_name(a: &Answers, r: &Reference) -> Option<String> {
    Some(match a.product.as_ref()? {
        ProductAnswer::Listed(id) => r
            .catalogue
            .get(id)
            .map_or(id.to_string(), |p| p.name.clone()),
        ProductAnswer::Unlisted(text) => text.clone(),
    })
}

fn typed_or_picked(conv: &mut Conversation, input: &Input, ctx: &Ctx) -> Take {
    if let Some(taken) = turn_page(conv, input, ctx) {
        return taken;
    }
    match input {
        Input::Button(ButtonId::ProductNone) => {
            conv.step = Step::ProductTyping;
            Take::SubStep
        }
        Input::Button(ButtonId::Product(pid)) if ctx.reference.catalogue.get(pid).is_some() => {
            take_listed(conv, pid.clone(), ctx)
        }
        // "halo" or "iya" answers something else; it is not a product to look up.
        Input::Text(text) if is_greeting(text) || is_bare_stance(text) => Take::NotUnderstood,
        Input::Text(text) => {
            match find(ctx, text, conv.answers.category, &conv.rejected_products) {
                // "25 juta" typed on is the turnover, not a product missing from the catalogue.
                ProductMatch::None if crate::parse::find_amount(text).is_some() => {
                    return Take::NotUnderstood;
                }
                ProductMatch::One(pid) => conv.step = Step::ProductConfirm { product: pid },
                ProductMatch::Many(options) => {
                    conv.step = Step::ProductPick {
                        options,
                        text: clean(text),
                    }
                }
                ProductMatch::None => conv.step = Step::ProductUnlisted { text: clean(text) },
            }
            Take::SubStep
        }
        _ => Take::NotUnderstood,
    }
}

fn confirm(conv: &mut Conversation, pid: ProductId, input: &Input, ctx: &Ctx) -> Take {
    if *input == Input::Button(ButtonId::ProductNone) {
        conv.rejected_products.push(pid);
        conv.step = Step::ProductTyping;
        return Take::SubStep;
    }
    match super::closed::read_yes_no(input) {
        Some(YesNo::Yes) => take_listed(conv, pid, ctx),
        Some(YesNo::No | YesNo::Unknown) => {
            conv.rejected_products.push(pid);
            // "bukan, batik cap": the right product may follow the no.
            if let Input::Text(text) = input {
                let rest = after_stance(text);
                if rest.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                    return typed_or_picked(conv, &Input::Text(rest), ctx);
                }
            }
            conv.step = Step::ProductTyping;
            Take::SubStep
        }
        // Another product typed instead of yes/no: look it up, unless it matches nothing
        // (a yes or no in words the bot does not know is no product name).
        None => match input {
            Input::Text(text)
                if !matches!(
                    find(ctx, text, conv.answers.category, &conv.rejected_products),
                    ProductMatch::None
                ) =>
            {
                typed_or_picked(conv, input, ctx)
            }
            _ => Take::NotUnderstood,
        },
    }
}

fn unlisted(conv: &mut Conversation, text: String, input: &Input, ctx: &Ctx) -> Take {
    match input {
        Input::Button(ButtonId::TypeAgain) => {
            conv.step = Step::ProductTyping;
            Take::SubStep
        }
        Input::Button(ButtonId::Continue) => {
            conv.answers.product = Some(ProductAnswer::Unlisted(text));
            Take::Recorded(None)
        }
        // "lanjut aja" / "iya": go on without a catalogue match.
        Input::Text(t)
            if matches!(parse_stance(t), Some(Stance::Yes))
                || mentions(t, &["lanjut", "lanjutkan"]) =>
        {
            conv.answers.product = Some(ProductAnswer::Unlisted(text));
            Take::Recorded(None)
        }
        Input::Text(_) => typed_or_picked(conv, input, ctx),
        _ => Take::NotUnderstood,
    }
}

/// "ikan cakalang" at "abon daging or abon ikan?": the one offered product named by a
/// word that only its name has.
fn among(options: &[ProductId], input: &Input, ctx: &Ctx) -> Option<ProductId> {
    let Input::Text(text) = input else {
        return None;
    };
    let typed = canonical(text);
    let typed: Vec<&str> = typed.split_whitespace().collect();
    let names: Vec<(&ProductId, Vec<String>)> = options
        .iter()
        .filter_map(|id| {
            let p = ctx.reference.catalogue.get(id)?;
            Some((
                id,
                canonical(&p.name)
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect(),
            ))
        })
        .collect();
    let only_here = |w: &String| names.iter().filter(|(_, other)| other.contains(w)).count() == 1;
    let fits: Vec<&ProductId> = names
        .iter()
        .filter(|(_, words)| {
            words
                .iter()
                .any(|w| typed.contains(&w.as_str()) && only_here(w))
        })
        .map(|(id, _)| *id)
        .collect();
    match fits.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// A product picked or confirmed: say what it is, then go on.
fn take_listed(conv: &mut Conversation, pid: ProductId, ctx: &Ctx) -> Take {
    let Some(p) = ctx.reference.catalogue.get(&pid) else {
        return Take::NotUnderstood;
    };
    set_category(&mut conv.answers, p.category);
    conv.answers.product = Some(ProductAnswer::Listed(pid));
    Take::Recorded(Some(product_found(p)))
}

/// A listed product of another category no longer fits; a product in the owner's own
/// words ("tepung sagu", typed before the category) still does.
pub(super) fn set_category(a: &mut Answers, category: Category) {
    if a.category != Some(category) && matches!(a.product, Some(ProductAnswer::Listed(_))) {
        a.product = None;
    }
    a.category = Some(category);
}

/// The catalogue's match, without the products the owner already said are not theirs.
pub(super) fn find(
    ctx: &Ctx,
    text: &str,
    prefer: Option<Category>,
    rejected: &[ProductId],
) -> ProductMatch {
    ctx.reference
        .catalogue
        .match_product(text, prefer, rejected)
}

/// "ok kak", "gk tau", "sudah": an answer to something else, not a product to look up.
pub(super) fn is_bare_stance(text: &str) -> bool {
    super::only_answer_words(text)
}

/// The words after a leading yes/no: "bukan, batik cap" → "batik cap".
fn after_stance(text: &str) -> String {
    canonical(text)
        .split_whitespace()
        .skip_while(|w| super::ANSWER_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn turn_page(conv: &mut Conversation, input: &Input, ctx: &Ctx) -> Option<Take> {
    let delta: isize = match input {
        Input::Button(ButtonId::NextPage) => 1,
        Input::Button(ButtonId::PrevPage) => -1,
        _ => return None,
    };
    let items = products_listed(conv, ctx.reference).len();
    let last = items.div_ceil(PAGE_SIZE).max(1) - 1;
    match &mut conv.step {
        Step::Product { page } => *page = page.saturating_add_signed(delta).min(last),
        _ => return Some(Take::NotUnderstood),
    }
    Some(Take::SubStep)
}

/// A typed product as it is kept: one line without hidden controls, cut to
/// [`crate::limits::PRODUCT_TEXT_CHARS`] (staff read the rest of the answers anyway).
pub(super) fn clean(text: &str) -> String {
    crate::parse::one_line(text)
        .chars()
        .take(crate::limits::PRODUCT_TEXT_CHARS)
        .collect()
}

fn product_button(p: &Product) -> Button {
    Button::plain(ButtonId::Product(p.id.clone()), p.name.clone())
}

/// The catalogue products offered for the chosen category. What UMKM mostly make comes
/// first; mandatory-SNI goods (AMDK, sugar, flour) last.
pub(in crate::flow) fn products_listed<'r>(
    conv: &Conversation,
    r: &'r Reference,
) -> Vec<&'r Product> {
    let mut products = match conv.answers.category {
        Some(category) => r.catalogue.in_category(category),
        None => Vec::new(),
    };
    products.sort_by_key(|p| p.status == SniStatus::Wajib);
    products
}

fn list_prompt(conv: &Conversation, r: &Reference, page: usize) -> Reply {
    let products = products_listed(conv, r);
    if products.is_empty() {
        return Reply::say(Msg::new("ask-product-type"));
    }
    let mut buttons = paged(products.into_iter().map(product_button).collect(), page);
    buttons.push(Button::msg(ButtonId::ProductNone, "btn-not-listed"));
    Reply::say(Msg::new("ask-product")).buttons(buttons)
}

/// "Kab. Lombok Tengah" / "Kota Mataram": short enough for a button.
pub fn short_regency(g: &Regency) -> String {
    match g.kind {
        RegencyKind::Kabupaten => format!("Kab. {}", g.short_name),
        RegencyKind::Kota => format!("Kota {}", g.short_name),
    }
}

/// "Produk Anda termasuk SNI 3743:2021 Gula palma, sukarela."
pub fn product_found(p: &Product) -> Msg {
    let id = match (p.status, &p.sni_number) {
        (SniStatus::Wajib, Some(_)) if p.confirmed => "product-found-wajib",
        (SniStatus::Wajib, Some(_)) => "product-found-wajib-unconfirmed",
        (SniStatus::Wajib, None) => "product-found-wajib-various",
        (SniStatus::Sukarela, Some(_)) if p.confirmed => "product-found-sukarela",
        (SniStatus::Sukarela, None) => "product-found-sukarela-various",
        (SniStatus::Sukarela, _) => "product-found-sukarela-unconfirmed",
        (SniStatus::TidakAda, _) => "product-found-no-sni",
        (SniStatus::BelumTahu, _) => "product-found-unknown-sni",
    };
    Msg::new(id)
        .text("product", p.name.clone())
        .text("sni", p.sni_number.clone().unwrap_or_default())
        .text("title", p.sni_title.clone().unwrap_or_default())
}
