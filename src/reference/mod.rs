//! Reference data (regions, product catalogue, rules). Embedded in the binary so the bot
//! always starts, and overridable by file so staff can fix data without a release.

pub mod catalogue;
pub mod knowledge;
pub mod regions;
pub mod rules;

pub use catalogue::{Catalogue, Category, Product, ProductId, ProductMatch, SniStatus};
pub use knowledge::{Asked, Knowledge, Topic};
pub use regions::{Province, Regency, RegencyKind, RegionCode, RegionMatch, Regions};
pub use rules::{Rules, Scale};

use std::path::{Path, PathBuf};

const REGIONS_TSV: &str = include_str!("regions.tsv");
const CATALOGUE_TOML: &str = include_str!("catalogue.toml");
const RULES_TOML: &str = include_str!("rules.toml");
const REFERRALS_TOML: &str = include_str!("referrals.toml");
const KNOWLEDGE_TOML: &str = include_str!("../../locales/knowledge.toml");

#[derive(Debug, Clone)]
pub struct Reference {
    pub regions: Regions,
    pub catalogue: Catalogue,
    pub rules: Rules,
    /// Which outcomes are referred to which desks.
    pub routes: crate::referrals::Routes,
    /// Embedded only: its answers live in the embedded Fluent files.
    pub knowledge: Knowledge,
}

/// Optional override files; `None` means "use the embedded copy".
#[derive(Debug, Clone, Default)]
pub struct ReferencePaths {
    pub regions: Option<PathBuf>,
    pub catalogue: Option<PathBuf>,
    pub rules: Option<PathBuf>,
    pub referrals: Option<PathBuf>,
}

/// Every variant names the file (`origin`) so an operator knows what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{origin}, line {line}: {problem}")]
    Line {
        origin: String,
        line: usize,
        problem: String,
    },
    #[error("{origin}: {source}")]
    Syntax {
        origin: String,
        source: Box<toml::de::Error>,
    },
    #[error("{origin}, {field}: {problem}")]
    Field {
        origin: String,
        field: String,
        problem: String,
    },
}

impl ReferenceError {
    /// Replaces the default origin (the embedded file name) with the override path.
    pub fn with_origin(mut self, new_origin: &str) -> Self {
        match &mut self {
            Self::Read { .. } => {}
            Self::Line { origin, .. }
            | Self::Syntax { origin, .. }
            | Self::Field { origin, .. } => {
                *origin = new_origin.to_string();
            }
        }
        self
    }

    pub(crate) fn field(
        origin: &str,
        field: impl Into<String>,
        problem: impl Into<String>,
    ) -> Self {
        Self::Field {
            origin: origin.to_string(),
            field: field.into(),
            problem: problem.into(),
        }
    }

    pub(crate) fn syntax(origin: &str, source: toml::de::Error) -> Self {
        Self::Syntax {
            origin: origin.to_string(),
            source: Box::new(source),
        }
    }
}

impl Reference {
    /// The data compiled into the binary. Panics only if the embedded files are broken,
    /// which `embedded_data_loads` rules out.
    pub fn embedded() -> Self {
        match Self::load(&ReferencePaths::default()) {
            Ok(reference) => reference,
            Err(e) => panic!("embedded reference data is invalid: {e}"),
        }
    }

    pub fn load(paths: &ReferencePaths) -> Result<Self, ReferenceError> {
        Ok(Self {
            regions: load_one(paths.regions.as_deref(), REGIONS_TSV, Regions::from_tsv)?,
            catalogue: load_one(
                paths.catalogue.as_deref(),
                CATALOGUE_TOML,
                Catalogue::from_toml,
            )?,
            rules: load_one(paths.rules.as_deref(), RULES_TOML, Rules::from_toml)?,
            routes: load_one(
                paths.referrals.as_deref(),
                REFERRALS_TOML,
                crate::referrals::Routes::from_toml,
            )?,
            knowledge: Knowledge::from_toml(KNOWLEDGE_TOML)?,
        })
    }
}

fn load_one<T>(
    path: Option<&Path>,
    embedded: &str,
    parse: fn(&str) -> Result<T, ReferenceError>,
) -> Result<T, ReferenceError> {
    let Some(path) = path else {
        return parse(embedded);
    };
    let text = std::fs::read_to_string(path).map_err(|source| ReferenceError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|e| e.with_origin(&path.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_loads() {
        let reference = Reference::load(&ReferencePaths::default()).unwrap();
        assert_eq!(reference.regions.provinces().len(), 38);
        assert!(reference.catalogue.products().len() >= 40);
        assert!(!reference.rules.version.is_empty());
        let _ = Reference::embedded();
    }

    #[test]
    fn override_files_are_read_and_named_in_errors() {
        let dir = std::env::temp_dir().join(format!("refparse-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let regions = dir.join("regions.tsv");
        std::fs::write(&regions, "11\tAceh\n11.01\tKabupaten Aceh Selatan\n").unwrap();
        let broken = dir.join("rules.toml");
        std::fs::write(&broken, "version = \"x\"\n").unwrap();

        let ok = Reference::load(&ReferencePaths {
            regions: Some(regions.clone()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.regions.provinces().len(), 1);

        let cases = [
            (
                ReferencePaths {
                    rules: Some(broken.clone()),
                    ..Default::default()
                },
                "rules.toml",
            ),
            (
                ReferencePaths {
                    catalogue: Some(dir.join("missing.toml")),
                    ..Default::default()
                },
                "missing.toml",
            ),
        ];
        for (paths, needle) in cases {
            let err = Reference::load(&paths).unwrap_err().to_string();
            assert!(
                err.contains(&dir.display().to_string()) && err.contains(needle),
                "{err}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
