//! Button ids: typed values with stable wire forms. Buttons stay in users' chats for weeks,
//! so a wire form, once shipped, is never changed; new buttons get new forms.

use super::answers::{Goal, IzinEdar, LabelState, Progress, Risk, Site};
use super::questions::Q;
use crate::domain::Locale;
use crate::parse::YesNo;
use crate::reference::{Category, ProductId, RegionCode, Scale};

/// A band picked at the turnover or capital question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Scale(Scale),
    Unknown,
}

/// Which amount question a band button belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountQ {
    Omzet,
    Modal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocChoice {
    Skip,
    Later,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ButtonId {
    Consent(bool),
    Confirm(bool),
    Lang(Locale),
    NextPage,
    PrevPage,
    /// Yes / no / don't know, at the NIB, willingness and confirmation questions.
    Answer(YesNo),
    Province(RegionCode),
    Regency(RegionCode),
    /// One of several places that fit what was typed.
    Region(RegionCode),
    Category(Category),
    Product(ProductId),
    ProductNone,
    TypeAgain,
    Continue,
    SkipPhone,
    Band(AmountQ, Band),
    Risk(Risk),
    Site(Site),
    Izin(IzinEdar),
    Progress(Progress),
    Label(LabelState),
    Goal(Goal),
    Doc(DocChoice),
    /// The answers are right: judge them.
    ReviewOk,
    /// Show the list of answers that can be changed.
    ReviewEdit,
    Edit(Q),
    /// After the result: check again, keeping who and where.
    Recheck,
    /// A campaign's "start the check" button, with the campaign's deep-link code (WhatsApp
    /// has no link buttons; on Telegram the same button is a `/start <code>` link).
    Start(String),
}

impl ButtonId {
    pub fn wire(&self) -> String {
        use ButtonId::*;
        match self {
            Consent(yes) => format!("consent:{}", yes_no(*yes)),
            Confirm(yes) => format!("confirm:{}", yes_no(*yes)),
            Lang(locale) => format!("lang:{}", locale.as_str()),
            NextPage => "page:next".into(),
            PrevPage => "page:prev".into(),
            Answer(a) => answer_wire(*a).into(),
            Province(code) => format!("prov:{code}"),
            Regency(code) => format!("reg:{code}"),
            Region(code) => format!("region:{code}"),
            Category(c) => format!("cat:{}", c.as_str()),
            Product(id) => format!("prod:{id}"),
            ProductNone => "product:none".into(),
            TypeAgain => "again".into(),
            Continue => "continue".into(),
            SkipPhone => "skip".into(),
            Band(q, band) => format!("{}:{}", amount_prefix(*q), band_wire(*band)),
            Risk(r) => format!("risk:{}", risk_wire(*r)),
            Site(s) => format!("site:{}", site_wire(*s)),
            Izin(i) => format!("izin:{}", izin_wire(*i)),
            Progress(p) => format!("progress:{}", progress_wire(*p)),
            Label(l) => format!("label:{}", label_wire(*l)),
            Goal(g) => format!("goal:{}", goal_wire(*g)),
            Doc(DocChoice::Skip) => "doc:skip".into(),
            Doc(DocChoice::Later) => "doc:later".into(),
            ReviewOk => "review:ok".into(),
            ReviewEdit => "review:edit".into(),
            Edit(q) => format!("edit:{}", q.code()),
            Recheck => "recheck".into(),
            Start(code) => format!("start:{code}"),
        }
    }

    /// None for an id this version never made (a forged or truncated callback).
    pub fn parse(wire: &str) -> Option<Self> {
        use ButtonId::*;
        let simple = match wire {
            "page:next" => Some(NextPage),
            "page:prev" => Some(PrevPage),
            "product:none" => Some(ProductNone),
            "again" => Some(TypeAgain),
            "continue" => Some(Continue),
            "skip" => Some(SkipPhone),
            "doc:skip" => Some(Doc(DocChoice::Skip)),
            "doc:later" => Some(Doc(DocChoice::Later)),
            "review:ok" => Some(ReviewOk),
            "review:edit" => Some(ReviewEdit),
            "recheck" => Some(Recheck),
            "yes" => Some(Answer(YesNo::Yes)),
            "no" => Some(Answer(YesNo::No)),
            "unknown" => Some(Answer(YesNo::Unknown)),
            _ => None,
        };
        if simple.is_some() {
            return simple;
        }
        let (prefix, rest) = wire.split_once(':')?;
        let found = |table: &[(&str, ButtonId)]| {
            table
                .iter()
                .find(|(w, _)| *w == rest)
                .map(|(_, b)| b.clone())
        };
        match prefix {
            "start" => crate::flow::commands::source_code(rest.to_owned()).map(Start),
            "consent" => found(&[("yes", Consent(true)), ("no", Consent(false))]),
            "confirm" => found(&[("yes", Confirm(true)), ("no", Confirm(false))]),
            "lang" => Locale::parse(rest).map(Lang),
            "prov" => RegionCode::parse(rest).ok().map(Province),
            "reg" => RegionCode::parse(rest).ok().map(Regency),
            "region" => RegionCode::parse(rest).ok().map(Region),
            "cat" => crate::reference::Category::all()
                .iter()
                .find(|c| c.as_str() == rest)
                .map(|c| Category(*c)),
            "prod" => ProductId::parse(rest).ok().map(Product),
            "omzet" => band_parse(rest).map(|b| Band(AmountQ::Omzet, b)),
            "modal" => band_parse(rest).map(|b| Band(AmountQ::Modal, b)),
            "risk" => all_risks()
                .into_iter()
                .find(|r| risk_wire(*r) == rest)
                .map(Risk),
            "site" => [
                super::answers::Site::RumahManual,
                super::answers::Site::TerpisahOtomatis,
            ]
            .into_iter()
            .find(|s| site_wire(*s) == rest)
            .map(Site),
            "izin" => [
                super::answers::IzinEdar::Belum,
                super::answers::IzinEdar::Pirt,
                super::answers::IzinEdar::BpomMd,
                super::answers::IzinEdar::Kedaluwarsa,
            ]
            .into_iter()
            .find(|i| izin_wire(*i) == rest)
            .map(Izin),
            "progress" => [
                super::answers::Progress::Sudah,
                super::answers::Progress::Proses,
                super::answers::Progress::Belum,
            ]
            .into_iter()
            .find(|p| progress_wire(*p) == rest)
            .map(Progress),
            "label" => [
                super::answers::LabelState::Lengkap,
                super::answers::LabelState::Sebagian,
                super::answers::LabelState::Belum,
            ]
            .into_iter()
            .find(|l| label_wire(*l) == rest)
            .map(Label),
            "goal" => [
                super::answers::Goal::PasarLokal,
                super::answers::Goal::RitelModern,
                super::answers::Goal::Ekspor,
                super::answers::Goal::DimintaPembeli,
            ]
            .into_iter()
            .find(|g| goal_wire(*g) == rest)
            .map(Goal),
            "edit" => Q::from_code(rest).map(Edit),
            _ => None,
        }
    }
}

/// An answer that is also a button: its wire id and back.
pub trait Choice: Copy {
    fn button(self) -> ButtonId;
    fn from_button(id: &ButtonId) -> Option<Self>;
}

macro_rules! choice {
    ($answer:ty, $variant:ident) => {
        impl Choice for $answer {
            fn button(self) -> ButtonId {
                ButtonId::$variant(self)
            }

            fn from_button(id: &ButtonId) -> Option<Self> {
                match id {
                    ButtonId::$variant(value) => Some(*value),
                    _ => None,
                }
            }
        }
    };
}

choice!(YesNo, Answer);
choice!(Risk, Risk);
choice!(Site, Site);
choice!(IzinEdar, Izin);
choice!(Progress, Progress);
choice!(LabelState, Label);
choice!(Goal, Goal);

fn yes_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

fn answer_wire(a: YesNo) -> &'static str {
    match a {
        YesNo::Yes => "yes",
        YesNo::No => "no",
        YesNo::Unknown => "unknown",
    }
}

fn amount_prefix(q: AmountQ) -> &'static str {
    match q {
        AmountQ::Omzet => "omzet",
        AmountQ::Modal => "modal",
    }
}

/// "besar" is the wire form of the top band (above small), kept from the first release.
fn band_wire(b: Band) -> &'static str {
    match b {
        Band::Scale(Scale::Mikro) => "mikro",
        Band::Scale(Scale::Kecil) => "kecil",
        Band::Scale(Scale::Menengah | Scale::Besar) => "besar",
        Band::Unknown => "unknown",
    }
}

fn band_parse(s: &str) -> Option<Band> {
    Some(match s {
        "mikro" => Band::Scale(Scale::Mikro),
        "kecil" => Band::Scale(Scale::Kecil),
        "besar" => Band::Scale(Scale::Menengah),
        "unknown" => Band::Unknown,
        _ => return None,
    })
}

fn all_risks() -> [Risk; 5] {
    [
        Risk::Rendah,
        Risk::MenengahRendah,
        Risk::MenengahTinggi,
        Risk::Tinggi,
        Risk::TidakTahu,
    ]
}

fn risk_wire(r: Risk) -> &'static str {
    match r {
        Risk::Rendah => "rendah",
        Risk::MenengahRendah => "menengah_rendah",
        Risk::MenengahTinggi => "menengah_tinggi",
        Risk::Tinggi => "tinggi",
        Risk::TidakTahu => "tidak_tahu",
    }
}

fn site_wire(s: Site) -> &'static str {
    match s {
        Site::RumahManual => "rumah",
        Site::TerpisahOtomatis => "terpisah",
    }
}

fn izin_wire(i: IzinEdar) -> &'static str {
    match i {
        IzinEdar::Belum => "belum",
        IzinEdar::Pirt => "pirt",
        IzinEdar::BpomMd => "md",
        IzinEdar::Kedaluwarsa => "expired",
    }
}

fn progress_wire(p: Progress) -> &'static str {
    match p {
        Progress::Sudah => "sudah",
        Progress::Proses => "proses",
        Progress::Belum => "belum",
    }
}

fn label_wire(l: LabelState) -> &'static str {
    match l {
        LabelState::Lengkap => "lengkap",
        LabelState::Sebagian => "sebagian",
        LabelState::Belum => "belum",
    }
}

fn goal_wire(g: Goal) -> &'static str {
    match g {
        Goal::PasarLokal => "lokal",
        Goal::RitelModern => "ritel",
        Goal::Ekspor => "ekspor",
        Goal::DimintaPembeli => "pembeli",
    }
}

#[cfg(test)]
mod tests;
