//! Matching what an owner typed to the catalogue's products.

use super::{Catalogue, Category, Product, ProductId, ProductMatch, SniStatus};
use crate::parse::normalize;
use std::collections::HashSet;

const MAX_CANDIDATES: usize = 5;

/// Yes/no, stance, greeting and chat filler words. They are dropped from the input before
/// matching, so "iya", "ya itu" or "bukan kak" never propose a product, and no synonym may
/// contain one (it could never match).
#[rustfmt::skip]
const FILLER_WORDS: &[&str] = &[
    "iya", "iyaa", "iy", "ya", "yaa", "y", "yup", "yoi", "betul", "benar", "bener", "bukan",
    "tidak", "tdk", "gak", "ga", "nggak", "ngga", "enggak", "engga", "belum", "blm", "sudah",
    "sdh", "udah", "udh", "ok", "oke", "okay", "okey", "sip", "siap", "halo", "hallo", "helo",
    "hai", "hi", "assalamualaikum", "selamat", "kak", "ka", "kakak", "min", "admin", "mas",
    "mbak", "mba", "pak", "bu", "bang", "itu", "ini", "yang", "yg", "dong", "sih", "deh", "kok",
    "nah", "lho", "loh", "aja", "saja", "terima", "kasih", "makasih", "saya", "sy", "aku",
    "kami", "jual", "jualan", "menjual", "bikin", "buat", "membuat", "produksi", "produk",
    "usaha", "punya", "mau", "tanya", "dan", "atau", "dengan",
];

impl Catalogue {
    /// A product matches when every word of its name or of one synonym appears in the
    /// input (in any order, other words around it allowed). The product that accounts for
    /// the most input words across its matched phrases is the most specific fit and wins
    /// ("sabun cair" beats "sabun", "kopi bubuk robusta" is ground coffee, not green beans);
    /// then the longest single phrase, then exact words over typo-level ones. Remaining ties
    /// go to `prefer` (the category the user already chose), else come back as `Many`.
    ///
    /// `exclude` lists products the owner already rejected: they are never proposed, nor
    /// is a product that accounts for only part of the words a rejected one did (after
    /// rejecting "keripik tempe", the words "keripik tempe" do not mean fresh tempe).
    pub fn match_product(
        &self,
        input: &str,
        prefer: Option<Category>,
        exclude: &[ProductId],
    ) -> ProductMatch {
        let normalized = normalize(input);
        let tokens: Vec<&str> = normalized
            .split_whitespace()
            .filter(|t| !is_filler(t))
            .collect();
        if tokens.is_empty() {
            return ProductMatch::None;
        }
        let hits: Vec<Hit> = self
            .products
            .iter()
            .zip(&self.phrases)
            .filter_map(|(product, phrases)| self.hit(product, phrases, &tokens))
            .collect();
        let rejected: Vec<&HashSet<&str>> = hits
            .iter()
            .filter(|h| exclude.contains(&h.product.id))
            .map(|h| &h.covered)
            .collect();
        let candidates: Vec<&Hit> = hits
            .iter()
            .filter(|h| !exclude.contains(&h.product.id))
            .filter(|h| {
                !h.product
                    .unless
                    .iter()
                    .any(|w| tokens.contains(&w.as_str()))
            })
            .filter(|h| {
                !rejected
                    .iter()
                    .any(|r| h.covered.is_subset(r) && h.covered != **r)
            })
            .collect();
        let Some(best) = candidates.iter().map(|h| h.fit).max() else {
            return ProductMatch::None;
        };
        let mut winners: Vec<&Product> = candidates
            .iter()
            .filter(|h| h.fit == best)
            .map(|h| h.product)
            .collect();
        if let Some(category) = prefer
            && winners.iter().any(|p| p.category == category)
        {
            winners.retain(|p| p.category == category);
        }
        match winners.as_slice() {
            [only] => ProductMatch::One(only.id.clone()),
            _ => ProductMatch::Many(
                winners
                    .iter()
                    .take(MAX_CANDIDATES)
                    .map(|p| p.id.clone())
                    .collect(),
            ),
        }
    }

    /// How `product` fits `tokens` over all its phrases whose words all appear there.
    fn hit<'c, 't>(
        &self,
        product: &'c Product,
        phrases: &[Vec<String>],
        tokens: &[&'t str],
    ) -> Option<Hit<'c, 't>> {
        // A typo guess must never be what tells an owner their product is mandatory.
        let fuzzy_ok = product.status != SniStatus::Wajib;
        let mut covered = HashSet::new();
        let (mut longest, mut exact_best) = (0, 0);
        for words in phrases {
            let mut used = Vec::with_capacity(words.len());
            let mut exact = 0;
            for word in words {
                if let Some(t) = tokens.iter().find(|t| **t == word) {
                    exact += 1;
                    used.push(*t);
                } else if let Some(t) = tokens
                    .iter()
                    .find(|t| fuzzy_ok && self.is_typo_of(t, word, phrases))
                {
                    used.push(*t);
                } else {
                    break;
                }
            }
            if used.len() < words.len() {
                continue;
            }
            covered.extend(used);
            if (words.len(), exact) > (longest, exact_best) {
                (longest, exact_best) = (words.len(), exact);
            }
        }
        (!covered.is_empty()).then(|| Hit {
            product,
            fit: Fit {
                covered: covered.len(),
                longest,
                exact: exact_best,
            },
            covered,
        })
    }

    /// One typo or dropped letter ("singkon") in longer words only, where it cannot turn
    /// one real word into another. A word the catalogue uses elsewhere is not a typo
    /// ("sabut" is coconut fibre, not "sabun"); one of this product's own spellings may
    /// stand for another ("krupuk" for "kerupuk").
    fn is_typo_of(&self, typed: &str, word: &str, own: &[Vec<String>]) -> bool {
        typed.chars().count().min(word.chars().count()) >= 5
            && strsim::damerau_levenshtein(typed, word) <= 1
            && (!self.vocabulary.contains(typed) || own.iter().flatten().any(|w| w == typed))
    }
}

/// How well a product fits the input; compared field by field, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Fit {
    /// Input words explained by any of its matched phrases.
    covered: usize,
    /// Words in its longest matched phrase.
    longest: usize,
    /// Exact (not typo) words in that phrase.
    exact: usize,
}

struct Hit<'c, 't> {
    product: &'c Product,
    fit: Fit,
    covered: HashSet<&'t str>,
}

pub(super) fn phrases_of(product: &Product) -> Vec<Vec<String>> {
    std::iter::once(&product.name)
        .chain(&product.synonyms)
        .map(|phrase| {
            normalize(phrase)
                .split_whitespace()
                .map(str::to_owned)
                .collect()
        })
        .filter(|words: &Vec<String>| !words.is_empty())
        .collect()
}

pub(super) fn is_filler(word: &str) -> bool {
    FILLER_WORDS.contains(&word)
}
