//! Consultant referrals: which desk a lead goes to, which consultant takes it, and the
//! buttons they answer with. Pure types and rules; `service::referrals` writes them.

pub mod button;
pub mod choose;
pub mod coverage;
pub mod notice;
pub mod routes;

pub use button::RefButton;
pub use choose::{Candidate, Choice, choose};
pub use coverage::{Coverage, Specificity};
pub use routes::Routes;

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! wire_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|x| x.as_str() == s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_enum! {
    /// The kind of organisation that coaches a kind of outcome.
    Desk {
        Plut => "plut",
        DinasCoach => "dinas_coach",
        Klt => "klt",
        Perizinan => "perizinan",
    }
}

impl Desk {
    /// The desk an organisation's name suggests, for `pandu staff add` without `--desk`.
    pub fn guess(organisation: &str) -> Option<Self> {
        let org = organisation.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| org.contains(w));
        if has(&["plut"]) {
            Some(Self::Plut)
        } else if has(&["klt", "bsn", "lspro"]) {
            Some(Self::Klt)
        } else if has(&["dpmptsp", "perizinan", "ptsp"]) {
            Some(Self::Perizinan)
        } else if has(&["dinas", "diskop", "disperindag"]) {
            Some(Self::DinasCoach)
        } else {
            None
        }
    }
}

/// Desks by their wire names, joined by `sep`.
pub fn desk_names(desks: &[Desk], sep: &str) -> String {
    desks
        .iter()
        .map(|d| d.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

wire_enum! {
    /// Where a referral stands.
    ReferralState {
        /// Nobody has it yet: the next offer is due.
        Waiting => "waiting",
        /// In front of one consultant, waiting for an answer.
        Offered => "offered",
        Accepted => "accepted",
        /// Nobody accepted: the dinas of the region was alerted.
        Escalated => "escalated",
        /// The lead was re-checked into another route, or erased.
        Withdrawn => "withdrawn",
    }
}

wire_enum! {
    /// How one offer ended.
    Answer {
        Accepted => "accepted",
        Declined => "declined",
        /// No answer within the SLA.
        Expired => "expired",
        /// The consultant left (unlinked, disabled, blocked the bot) or the referral moved.
        Withdrawn => "withdrawn",
    }
}

wire_enum! {
    /// Why a consultant declined, picked from buttons.
    DeclineReason {
        Full => "penuh",
        OutsideArea => "wilayah",
        NotMyField => "bidang",
        Other => "lain",
    }
}

use crate::domain::id_type;

id_type!(ReferralId);
id_type!(OfferId);

/// Where the owner's referral stands, for `/status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerView {
    Waiting,
    Accepted {
        consultant: String,
        organisation: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desks_are_guessed_from_organisation_names() {
        assert_eq!(Desk::guess("PLUT-KUMKM NTB"), Some(Desk::Plut));
        assert_eq!(Desk::guess("KLT BSN Surabaya"), Some(Desk::Klt));
        assert_eq!(
            Desk::guess("DPMPTSP Kab. Lombok Tengah"),
            Some(Desk::Perizinan)
        );
        assert_eq!(
            Desk::guess("Dinas Koperasi UKM Lombok Tengah"),
            Some(Desk::DinasCoach)
        );
        assert_eq!(Desk::guess("Koperasi Maju"), None);
    }

    #[test]
    fn wire_forms_round_trip() {
        for d in DeclineReason::ALL {
            assert_eq!(DeclineReason::parse(d.as_str()), Some(*d));
        }
        for s in ReferralState::ALL {
            assert_eq!(ReferralState::parse(s.as_str()), Some(*s));
        }
    }
}
