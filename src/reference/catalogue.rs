//! Product catalogue: which SNI (if any) applies to the products UMK owners make.

use super::ReferenceError;
use crate::parse::normalize;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

const ORIGIN: &str = "catalogue.toml";
const MAX_NAME_CHARS: usize = 24;
const ADVICE_PREFIX: &str = "advice-";

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
    /// Helmets, electrical goods, fertiliser, household cleaners and other manufactured goods.
    Industri,
    /// Bath soap, skincare, hair oil, perfume: BPOM notifikasi is the permit that matters.
    Kosmetik,
    Lainnya,
}

impl Category {
    /// In the order the bot offers them as buttons.
    pub fn all() -> &'static [Category] {
        use Category::*;
        &[Makanan, Segar, Kerajinan, Anak, Industri, Kosmetik, Lainnya]
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Makanan => "makanan",
            Self::Segar => "segar",
            Self::Kerajinan => "kerajinan",
            Self::Anak => "anak",
            Self::Industri => "industri",
            Self::Kosmetik => "kosmetik",
            Self::Lainnya => "lainnya",
        }
    }

    /// The stored code back as a category.
    pub fn parse(code: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.as_str() == code)
    }

    /// Fluent id of the button label, "cat-<as_str>" (locales/*/catalogue.ftl).
    pub fn label_msg(self) -> &'static str {
        match self {
            Self::Makanan => "cat-makanan",
            Self::Segar => "cat-segar",
            Self::Kerajinan => "cat-kerajinan",
            Self::Anak => "cat-anak",
            Self::Industri => "cat-industri",
            Self::Kosmetik => "cat-kosmetik",
            Self::Lainnya => "cat-lainnya",
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
    /// Words that rule the product out when the owner says them ("yodium" for raw salt,
    /// which is by definition not iodised).
    #[serde(default)]
    pub unless: Vec<String>,
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
    /// Fluent id ("advice-<slug>", locales/*/catalogue.ftl) of the practical advice shown
    /// to the owner after the outcome, e.g. which permit really matters for this product.
    #[serde(default, deserialize_with = "leak_advice")]
    pub advice: Option<FluentId>,
}

/// Spelled as an alias so serde's derive sees no `'static` borrow in `Product` (it would
/// demand that the TOML text itself live forever); `leak_advice` supplies the value.
pub type FluentId = &'static str;

/// Messages carry `&'static str` Fluent ids, so the id is leaked once here. Reference data
/// is loaded once per process, which bounds the leak to a few bytes per product.
fn leak_advice<'de, D: Deserializer<'de>>(d: D) -> Result<Option<FluentId>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(|id| &*id.leak()))
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
    /// Per product (same index): its name and synonyms, normalised and split into words.
    phrases: Vec<Vec<Vec<String>>>,
    /// Every word of every phrase: a typed word that is one of them is not a typo.
    vocabulary: HashSet<String>,
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
        let phrases: Vec<Vec<Vec<String>>> = file.products.iter().map(phrases_of).collect();
        let vocabulary = phrases.iter().flatten().flatten().cloned().collect();
        Ok(Catalogue {
            version: file.version,
            products: file.products,
            phrases,
            vocabulary,
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
    let has_filler = |s: &&String| normalize(s).split_whitespace().any(is_filler);
    if let Some(bad) = p.synonyms.iter().find(has_filler) {
        return Err((
            "synonyms",
            format!("{bad:?} contains a yes/no or filler word, which is never matched"),
        ));
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
    if p.confirmed && p.sni_number.is_none() {
        return Err((
            "confirmed",
            "confirmed = true needs a verified sni_number".into(),
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
    if let Some(advice) = p.advice.filter(|a| !is_advice_id(a)) {
        return Err((
            "advice",
            format!("{advice:?} is not a Fluent id like \"advice-depot-air\""),
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

fn is_advice_id(id: &str) -> bool {
    id.strip_prefix(ADVICE_PREFIX)
        .is_some_and(|slug| ProductId::parse(slug).is_ok())
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && is_digits(s)
}

mod matching;
use matching::{is_filler, phrases_of};

#[cfg(test)]
mod tests;
