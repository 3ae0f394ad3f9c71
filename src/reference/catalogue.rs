//! Product catalogue: which SNI (if any) applies to the products UMK owners make.

use super::ReferenceError;
use crate::parse::normalize;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

const ORIGIN: &str = "catalogue.toml";
const MAX_NAME_CHARS: usize = 24;
const MAX_CANDIDATES: usize = 5;

/// Stable slug ("gula-aren") so stored leads keep pointing at the same product.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProductId(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid product id {0:?}: use lowercase letters, digits and single hyphens")]
pub struct InvalidProductId(pub String);

impl ProductId {
    pub fn parse(text: &str) -> Result<Self, InvalidProductId> {
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        let valid = !text.is_empty()
            && text.chars().all(allowed)
            && !text.starts_with('-')
            && !text.ends_with('-')
            && !text.contains("--");
        if valid {
            Ok(Self(text.to_string()))
        } else {
            Err(InvalidProductId(text.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProductId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for ProductId {
    type Err = InvalidProductId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for ProductId {
    type Error = InvalidProductId;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ProductId> for String {
    fn from(id: ProductId) -> Self {
        id.0
    }
}

/// The product groups of question Q2 in the eligibility flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Processed food and drink.
    Makanan,
    /// Fresh or dried farm and sea produce (pure honey, dried seaweed, green coffee, rice).
    Segar,
    /// Crafts and textiles, including batik.
    Kerajinan,
    /// Children's toys and baby clothes.
    Anak,
    /// Helmets, electrical goods, fertiliser and other manufactured goods.
    Industri,
    Lainnya,
}

impl Category {
    pub fn all() -> &'static [Category] {
        use Category::*;
        &[Makanan, Segar, Kerajinan, Anak, Industri, Lainnya]
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Makanan => "makanan",
            Self::Segar => "segar",
            Self::Kerajinan => "kerajinan",
            Self::Anak => "anak",
            Self::Industri => "industri",
            Self::Lainnya => "lainnya",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SniStatus {
    Wajib,
    Sukarela,
    TidakAda,
    /// An SNI may exist but its number is unverified: staff must check.
    BelumTahu,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub id: ProductId,
    /// Short Indonesian display name, at most 24 characters (fits a chat button).
    pub name: String,
    pub category: Category,
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// E.g. "SNI 3743:2021".
    pub sni_number: Option<String>,
    pub sni_title: Option<String>,
    pub status: SniStatus,
    pub regulation: Option<String>,
    pub is_food: bool,
    /// False when the number comes from secondary or unverified sources.
    pub confirmed: bool,
    /// For staff, not shown to users as fact.
    pub note: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProductMatch {
    None,
    One(ProductId),
    Many(Vec<ProductId>),
}

#[derive(Debug, Clone)]
pub struct Catalogue {
    pub version: String,
    products: Vec<Product>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    version: String,
    #[serde(rename = "product", default)]
    products: Vec<Product>,
}

impl Catalogue {
    pub fn from_toml(text: &str) -> Result<Catalogue, ReferenceError> {
        let file: CatalogueFile =
            toml::from_str(text).map_err(|e| ReferenceError::syntax(ORIGIN, e))?;
        if file.version.trim().is_empty() {
            return Err(ReferenceError::field(
                ORIGIN,
                "version",
                "must not be empty",
            ));
        }
        let mut ids = HashSet::new();
        for (index, product) in file.products.iter().enumerate() {
            let label = format!("product #{} (id {:?})", index + 1, product.id.as_str());
            if !ids.insert(&product.id) {
                return Err(ReferenceError::field(ORIGIN, label, "duplicate id"));
            }
            validate_product(product).map_err(|(field, problem)| {
                ReferenceError::field(ORIGIN, format!("{label}.{field}"), problem)
            })?;
        }
        Ok(Catalogue {
            version: file.version,
            products: file.products,
        })
    }

    pub fn products(&self) -> &[Product] {
        &self.products
    }

    pub fn get(&self, id: &ProductId) -> Option<&Product> {
        self.products.iter().find(|p| p.id == *id)
    }

    pub fn in_category(&self, category: Category) -> Vec<&Product> {
        self.products
            .iter()
            .filter(|p| p.category == category)
            .collect()
    }
}

/// Returns the offending field and the problem, in words an operator can act on.
fn validate_product(p: &Product) -> Result<(), (&'static str, String)> {
    let chars = p.name.chars().count();
    if p.name.trim().is_empty() || chars > MAX_NAME_CHARS {
        return Err((
            "name",
            format!("must be 1-{MAX_NAME_CHARS} characters, has {chars}"),
        ));
    }
    if let Some(bad) = p.synonyms.iter().find(|s| normalize(s).is_empty()) {
        return Err(("synonyms", format!("{bad:?} is empty after normalisation")));
    }
    if let Some(number) = p.sni_number.as_deref().filter(|n| !is_well_formed_sni(n)) {
        return Err((
            "sni_number",
            format!("{number:?} is not like \"SNI 3743:2021\""),
        ));
    }
    let needs_number = matches!(p.status, SniStatus::Wajib | SniStatus::Sukarela);
    if needs_number && p.sni_number.is_none() && p.note.is_none() {
        return Err((
            "sni_number",
            "wajib/sukarela needs a number, or a note explaining why not".into(),
        ));
    }
    if p.status == SniStatus::TidakAda && p.sni_number.is_some() {
        return Err((
            "sni_number",
            "status tidak_ada cannot have an SNI number".into(),
        ));
    }
    if p.source.trim().is_empty() {
        return Err((
            "source",
            "must not be empty; use \"belum diverifikasi\" if unknown".into(),
        ));
    }
    Ok(())
}

/// "SNI " + optional "ISO "/"IEC "/"ISO/IEC " + digit groups joined by '-' + optional
/// ".N" part (itself optionally "-YYYY") + optional ":YYYY". A hand parser, to avoid a
/// regex dependency for one check.
fn is_well_formed_sni(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("SNI ") else {
        return false;
    };
    let rest = ["ISO/IEC ", "ISO ", "IEC "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let (number, year) = match rest.split_once(':') {
        Some((number, year)) => (number, Some(year)),
        None => (rest, None),
    };
    let (main, part) = match number.split_once('.') {
        Some((main, part)) => (main, Some(part)),
        None => (number, None),
    };
    let part_ok = part.is_none_or(|p| match p.split_once('-') {
        Some((n, y)) => is_digits(n) && is_year(y),
        None => is_digits(p),
    });
    main.split('-').all(is_digits) && part_ok && year.is_none_or(is_year)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && is_digits(s)
}

impl Catalogue {
    /// A product matches when every word of its name or of one synonym appears in the
    /// input; longer matched phrases are more specific and win. Remaining ties are broken
    /// by `prefer` (the category the user already chose), else returned as `Many`.
    pub fn match_product(&self, input: &str, prefer: Option<Category>) -> ProductMatch {
        let normalized = normalize(input);
        let tokens: Vec<&str> = normalized.split_whitespace().collect();
        let scored: Vec<(usize, &Product)> = self
            .products
            .iter()
            .filter_map(|p| product_score(p, &tokens).map(|s| (s, p)))
            .collect();
        let Some(best) = scored.iter().map(|(s, _)| *s).max() else {
            return ProductMatch::None;
        };
        let mut winners: Vec<&Product> = scored
            .into_iter()
            .filter(|(s, _)| *s == best)
            .map(|(_, p)| p)
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
}

/// Token count of the longest name/synonym fully present in `tokens`.
fn product_score(product: &Product, tokens: &[&str]) -> Option<usize> {
    std::iter::once(&product.name)
        .chain(&product.synonyms)
        .filter_map(|phrase| {
            let phrase = normalize(phrase);
            let words: Vec<&str> = phrase.split_whitespace().collect();
            let all_present = words.iter().all(|w| tokens.iter().any(|t| same_word(w, t)));
            (all_present && !words.is_empty()).then_some(words.len())
        })
        .max()
}

/// Tolerates one typo or dropped letter ("kripik", "singkon") only in longer words,
/// where it cannot turn one real word into another.
fn same_word(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count().min(b.chars().count()) >= 5 && strsim::damerau_levenshtein(a, b) <= 1)
}

#[cfg(test)]
mod tests;
