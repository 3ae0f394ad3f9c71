//! Indonesia's three time zones, which one a region keeps, and quiet hours in local time.

use crate::reference::RegionCode;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime, UtcOffset};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    Wib,
    Wita,
    Wit,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Self::Wib, Self::Wita, Self::Wit];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Wib => "wib",
            Self::Wita => "wita",
            Self::Wit => "wit",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|z| z.as_str() == s)
    }

    /// Minutes ahead of UTC.
    pub fn minutes(self) -> i32 {
        match self {
            Self::Wib => 7 * 60,
            Self::Wita => 8 * 60,
            Self::Wit => 9 * 60,
        }
    }

    pub fn offset(self) -> UtcOffset {
        UtcOffset::from_whole_seconds(self.minutes() * 60).unwrap_or(UtcOffset::UTC)
    }

    /// "2026-12-07 09:00" (or with a `T`) read as this zone's local time.
    pub fn parse_local(self, text: &str) -> Option<OffsetDateTime> {
        let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
        let text = text.trim().replacen('T', " ", 1);
        let local = time::PrimitiveDateTime::parse(&text, format).ok()?;
        Some(local.assume_offset(self.offset()))
    }

    /// A time as this zone's clock shows it ("2026-12-07 09:00 WIB").
    pub fn show(self, at: OffsetDateTime) -> String {
        let local = at.to_offset(self.offset());
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02} {}",
            local.year(),
            u8::from(local.month()),
            local.day(),
            local.hour(),
            local.minute(),
            self.as_str().to_uppercase()
        )
    }

    /// The zone a province keeps (by its two-digit code).
    pub fn of_province(code: &str) -> Zone {
        match code {
            "51" | "52" | "53" | "63" | "64" | "65" | "71" | "72" | "73" | "74" | "75" | "76" => {
                Self::Wita
            }
            c if c.starts_with('8') || c.starts_with('9') => Self::Wit,
            _ => Self::Wib,
        }
    }

    pub fn of_region(code: &RegionCode) -> Zone {
        Self::of_province(code.province().as_str())
    }

    /// Province codes of each zone other than WIB, for SQL that assigns zones in bulk.
    pub fn provinces(self) -> &'static [&'static str] {
        match self {
            Self::Wib => &[],
            Self::Wita => &[
                "51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76",
            ],
            Self::Wit => &["81", "82", "91", "92", "93", "94", "95", "96", "97"],
        }
    }
}

/// No notices between `start` and `end` local time (minutes after midnight); the window may
/// cross midnight (21:00–06:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiet {
    pub start: u16,
    pub end: u16,
}

impl Default for Quiet {
    fn default() -> Self {
        Self {
            start: 21 * 60,
            end: 6 * 60,
        }
    }
}

impl Quiet {
    /// Parse "21:00-06:00" (also with "–" or "sampai"); "-" or "none" for no quiet hours.
    pub fn parse(text: &str) -> Option<Quiet> {
        let t = text.trim().to_lowercase();
        if t == "none" || t == "-" || t == "tidak ada" {
            return Some(Quiet { start: 0, end: 0 });
        }
        let t = t.replace('–', "-").replace(" sampai ", "-");
        let (a, b) = t.split_once('-')?;
        Some(Quiet {
            start: clock(a)?,
            end: clock(b)?,
        })
    }

    pub fn none(self) -> bool {
        self.start == self.end
    }

    /// Whether `at` falls in the quiet hours of a place `offset_minutes` ahead of UTC.
    pub fn holds(self, at: OffsetDateTime, offset_minutes: i32) -> bool {
        if self.none() {
            return false;
        }
        let local = at + Duration::minutes(i64::from(offset_minutes));
        let minute = local.hour() as u16 * 60 + local.minute() as u16;
        if self.start < self.end {
            (self.start..self.end).contains(&minute)
        } else {
            minute >= self.start || minute < self.end
        }
    }

    /// The zones (as minutes ahead of UTC) that may receive notices at `at`.
    pub fn open_offsets(self, at: OffsetDateTime) -> Vec<i32> {
        Zone::ALL
            .into_iter()
            .map(Zone::minutes)
            .filter(|m| !self.holds(at, *m))
            .collect()
    }

    pub fn label(self) -> String {
        let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        format!("{}–{}", hm(self.start), hm(self.end))
    }
}

/// "21:00", "21.00", "21" → minutes after midnight.
fn clock(text: &str) -> Option<u16> {
    let t = text.trim();
    let (h, m) = t.split_once([':', '.']).unwrap_or((t, "0"));
    let (h, m): (u16, u16) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn provinces_keep_their_zone() {
        for (code, zone) in [
            ("35", Zone::Wib),
            ("61", Zone::Wib),
            ("62", Zone::Wib),
            ("52", Zone::Wita),
            ("64", Zone::Wita),
            ("73", Zone::Wita),
            ("81", Zone::Wit),
            ("94", Zone::Wit),
        ] {
            assert_eq!(Zone::of_province(code), zone, "{code}");
            assert!(
                zone == Zone::Wib || zone.provinces().contains(&code),
                "{code} listed for SQL"
            );
        }
    }

    #[test]
    fn quiet_hours_cross_midnight_in_local_time() {
        let quiet = Quiet::default();
        // 14:30 UTC is 21:30 WIB (quiet), 22:30 WITA, 23:30 WIT.
        let evening = datetime!(2026-06-01 14:30 UTC);
        assert!(quiet.holds(evening, Zone::Wib.minutes()));
        assert!(quiet.open_offsets(evening).is_empty());
        // 22:30 UTC is 05:30 WIB (quiet), 06:30 WITA and 07:30 WIT (open).
        let dawn = datetime!(2026-06-01 22:30 UTC);
        assert_eq!(
            quiet.open_offsets(dawn),
            vec![Zone::Wita.minutes(), Zone::Wit.minutes()]
        );
        // 02:00 UTC is 09:00 WIB.
        assert!(!quiet.holds(datetime!(2026-06-01 02:00 UTC), Zone::Wib.minutes()));
        assert!(!Quiet::parse("none").unwrap().holds(evening, 420));
    }

    #[test]
    fn quiet_hours_parse_as_typed() {
        assert_eq!(Quiet::parse("21:00-06:00"), Some(Quiet::default()));
        assert_eq!(Quiet::parse("21.00 – 06.00"), Some(Quiet::default()));
        assert_eq!(Quiet::parse("21 sampai 6"), Some(Quiet::default()));
        assert_eq!(Quiet::parse("25:00-06:00"), None);
        assert_eq!(Quiet::default().label(), "21:00–06:00");
    }

    #[test]
    fn local_times_are_read_in_the_campaigns_zone() {
        let at = Zone::Wib.parse_local("2026-12-07 09:00").unwrap();
        assert_eq!(at.to_offset(time::UtcOffset::UTC).hour(), 2);
        assert_eq!(
            Zone::Wit
                .parse_local("2026-12-07T09:00")
                .unwrap()
                .to_offset(time::UtcOffset::UTC)
                .hour(),
            0
        );
        assert_eq!(Zone::Wita.show(at), "2026-12-07 10:00 WITA");
        assert!(Zone::Wib.parse_local("besok pagi").is_none());
    }
}
