//! Which outcomes are referred, and to which desks: data, like the catalogue
//! (`src/reference/referrals.toml`, overridable with `PANDU_REFERRALS_PATH`).

use super::Desk;
use crate::flow::OutcomeCode;
use crate::reference::ReferenceError;
use serde::Deserialize;
use std::collections::HashMap;

const ORIGIN: &str = "referrals.toml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routes {
    pub version: String,
    by_outcome: HashMap<OutcomeCode, Vec<Desk>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: String,
    #[serde(default, rename = "route")]
    routes: Vec<Route>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Route {
    outcomes: Vec<String>,
    desks: Vec<String>,
}

impl Routes {
    pub fn from_toml(text: &str) -> Result<Self, ReferenceError> {
        let file: File = toml::from_str(text).map_err(|e| ReferenceError::syntax(ORIGIN, e))?;
        let mut by_outcome = HashMap::new();
        for (n, route) in file.routes.iter().enumerate() {
            let field = |what: &str| format!("route {} {what}", n + 1);
            let desks = route
                .desks
                .iter()
                .map(|d| {
                    Desk::parse(d).ok_or_else(|| {
                        ReferenceError::field(ORIGIN, field("desks"), format!("unknown desk {d:?}"))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            if desks.is_empty() {
                return Err(ReferenceError::field(ORIGIN, field("desks"), "is empty"));
            }
            for outcome in &route.outcomes {
                let code = OutcomeCode::parse(outcome).ok_or_else(|| {
                    ReferenceError::field(
                        ORIGIN,
                        field("outcomes"),
                        format!("unknown outcome {outcome:?}"),
                    )
                })?;
                if by_outcome.insert(code, desks.clone()).is_some() {
                    return Err(ReferenceError::field(
                        ORIGIN,
                        field("outcomes"),
                        format!("{outcome} is in two routes"),
                    ));
                }
            }
        }
        Ok(Self {
            version: file.version,
            by_outcome,
        })
    }

    /// The desks that may take a lead with this outcome; None: it is not referred.
    pub fn desks(&self, outcome: OutcomeCode) -> Option<&[Desk]> {
        self.by_outcome.get(&outcome).map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_routes_follow_the_agreed_defaults() {
        let routes = crate::reference::Reference::embedded().routes;
        let coach = [Desk::Plut, Desk::DinasCoach];
        for code in [
            "siap_bina_umk",
            "siapkan_label",
            "risiko_bukan_rendah",
            "perlu_cek_petugas",
        ] {
            assert_eq!(
                routes.desks(OutcomeCode::parse(code).unwrap()),
                Some(&coach[..]),
                "{code}"
            );
        }
        for code in ["wajib_sni_lspro", "bukan_umk_sppt"] {
            assert_eq!(
                routes.desks(OutcomeCode::parse(code).unwrap()),
                Some(&[Desk::Klt][..]),
                "{code}"
            );
        }
        assert_eq!(
            routes.desks(OutcomeCode::PerluNib),
            Some(&[Desk::Perizinan][..])
        );
        assert_eq!(routes.desks(OutcomeCode::BelumAdaSni), None);
    }

    #[test]
    fn mistakes_in_the_file_are_named() {
        let cases = [
            (
                "version = \"x\"\n[[route]]\noutcomes = [\"siap\"]\ndesks = [\"plut\"]",
                "unknown outcome",
            ),
            (
                "version = \"x\"\n[[route]]\noutcomes = [\"perlu_nib\"]\ndesks = [\"bank\"]",
                "unknown desk",
            ),
            (
                "version = \"x\"\n[[route]]\noutcomes = [\"perlu_nib\"]\ndesks = []",
                "is empty",
            ),
            (
                "version = \"x\"\n[[route]]\noutcomes = [\"perlu_nib\"]\ndesks = [\"plut\"]\n[[route]]\noutcomes = [\"perlu_nib\"]\ndesks = [\"klt\"]",
                "two routes",
            ),
        ];
        for (text, needle) in cases {
            let err = Routes::from_toml(text).unwrap_err().to_string();
            assert!(
                err.contains(needle) && err.contains("referrals.toml"),
                "{err}"
            );
        }
    }
}
