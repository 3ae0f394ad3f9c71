//! Staff, their roles, and which leads each may see. Scope is applied inside the store
//! queries, so no route can reach a lead outside it.

use crate::domain::LeadId;
use crate::reference::RegionCode;
use crate::referrals::{Coverage, Desk};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StaffId(pub i64);

impl std::fmt::Display for StaffId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Dinas,
    Konsultan,
    /// Runs outreach campaigns for its region (national without one); sees no leads.
    Outreach,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Dinas => "dinas",
            Self::Konsultan => "konsultan",
            Self::Outreach => "outreach",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Admin, Self::Dinas, Self::Konsultan, Self::Outreach]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// A staff member's name and email as an account keeps them, read from a form or the
/// command line: the name on one line without control or bidi characters (they would
/// reorder or hide text in pages, the audit log and the terminal), the email trimmed and
/// lowercased; each within its limit in [`crate::limits`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffIdentity {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("the name is empty")]
    NoName,
    #[error("not an email address")]
    BadEmail,
    #[error(transparent)]
    TooLong(#[from] crate::limits::TooLong),
}

impl StaffIdentity {
    pub fn parse(name: &str, email: &str) -> Result<Self, IdentityError> {
        let name = crate::parse::one_line(name);
        let email = email.trim().to_lowercase();
        crate::limits::STAFF_NAME.check(&name)?;
        crate::limits::STAFF_EMAIL.check(&email)?;
        if name.is_empty() {
            return Err(IdentityError::NoName);
        }
        let odd = |c: char| c.is_whitespace() || crate::parse::text::is_hidden_control(c);
        if !email.contains('@') || email.chars().any(odd) {
            return Err(IdentityError::BadEmail);
        }
        Ok(Self { name, email })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: StaffId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub region: Option<RegionCode>,
    pub disabled: bool,
    /// What a consultant's referrals depend on (empty for other roles).
    pub profile: Profile,
}

/// A consultant's organisation and where and how much they coach.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    pub organisation: String,
    pub desk: Option<Desk>,
    pub coverage: Coverage,
    /// Referrals open at once.
    pub capacity: u32,
    /// How owners reach them once they accepted ("WA 0812-…"), shown to the owner.
    pub contact: Option<String>,
}

/// The leads a staff member may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    /// A kab/kota code, or a provinsi code covering all of its kab/kota.
    Region(RegionCode),
    /// A consultant: leads assigned to them, and leads whose referral is offered to them.
    AssignedTo(StaffId),
}

impl Staff {
    pub fn scope(&self) -> Scope {
        match (self.role, &self.region) {
            (Role::Admin, _) => Scope::All,
            (Role::Dinas, Some(region)) => Scope::Region(region.clone()),
            // A dinas account without a region sees nothing rather than everything.
            (Role::Dinas, None) => Scope::AssignedTo(StaffId(-1)),
            (Role::Konsultan, _) => Scope::AssignedTo(self.id),
            (Role::Outreach, _) => Scope::AssignedTo(StaffId(-1)),
        }
    }

    /// Where this staff member may run campaigns: `Some(None)` nationally, `Some(Some(r))`
    /// in a region, `None` not at all.
    pub fn campaign_reach(&self) -> Option<Option<RegionCode>> {
        match self.role {
            Role::Admin => Some(None),
            Role::Outreach => Some(self.region.clone()),
            Role::Dinas | Role::Konsultan => None,
        }
    }
}

/// The pipeline a lead moves along.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadStatus {
    Baru,
    Diverifikasi,
    Dirujuk,
    DiterimaKonsultan,
    Pendampingan,
    Diajukan,
    Bersertifikat,
    TidakDilanjutkan,
}

impl LeadStatus {
    pub const ALL: [LeadStatus; 8] = [
        Self::Baru,
        Self::Diverifikasi,
        Self::Dirujuk,
        Self::DiterimaKonsultan,
        Self::Pendampingan,
        Self::Diajukan,
        Self::Bersertifikat,
        Self::TidakDilanjutkan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Baru => "baru",
            Self::Diverifikasi => "diverifikasi",
            Self::Dirujuk => "dirujuk",
            Self::DiterimaKonsultan => "diterima_konsultan",
            Self::Pendampingan => "pendampingan",
            Self::Diajukan => "diajukan",
            Self::Bersertifikat => "bersertifikat",
            Self::TidakDilanjutkan => "tidak_dilanjutkan",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A lead id as it appears in URLs.
pub fn parse_lead_id(s: &str) -> Option<LeadId> {
    s.parse().ok().filter(|n: &i64| *n > 0).map(LeadId)
}

#[cfg(test)]
mod tests {
    use super::{IdentityError, StaffIdentity};

    #[test]
    fn staff_names_lose_hidden_controls_and_long_ones_are_refused() {
        let id = StaffIdentity::parse(" Rina\u{202E} \u{1b}[2J Sari ", " Rina@PLUT.id ").unwrap();
        assert_eq!(
            (id.name.as_str(), id.email.as_str()),
            ("Rina [2J Sari", "rina@plut.id")
        );
        assert!(matches!(
            StaffIdentity::parse(&"a".repeat(101), "a@b.id"),
            Err(IdentityError::TooLong(_))
        ));
        assert!(matches!(
            StaffIdentity::parse("Rina", &format!("{}@b.id", "a".repeat(250))),
            Err(IdentityError::TooLong(_))
        ));
        assert_eq!(
            StaffIdentity::parse("\u{200F}", "a@b.id"),
            Err(IdentityError::NoName)
        );
        assert_eq!(
            StaffIdentity::parse("Rina", "a\u{0}@b.id"),
            Err(IdentityError::BadEmail)
        );
    }
}
