//! Which consultant a referral goes to: the closest coverage first (kab/kota, then province,
//! then national), then the fewest open referrals under capacity, then the one who waited
//! longest since their last offer. Pure, so every rule has a table test.

use super::{Coverage, Desk, Specificity};
use crate::access::StaffId;
use crate::reference::RegionCode;
use time::OffsetDateTime;

/// A consultant who could take referrals: active, linked, reachable (the store filters).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: StaffId,
    pub desk: Desk,
    pub coverage: Coverage,
    /// Referrals offered to or accepted by them and not finished.
    pub open: u32,
    pub capacity: u32,
    pub last_offered: Option<OffsetDateTime>,
}

/// The chosen consultant and why, for the lead's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub staff: StaffId,
    pub fit: Specificity,
    pub open: u32,
    pub capacity: u32,
}

impl Choice {
    /// The reason as stored with the offer: `fit open/capacity`.
    pub fn why(&self) -> String {
        let fit = match self.fit {
            Specificity::Regency => "regency",
            Specificity::Province => "province",
            Specificity::National => "national",
        };
        format!("{fit} {}/{}", self.open, self.capacity)
    }
}

/// The consultant for a lead in `region`, among those of `desks`, leaving out `excluded`
/// (who had it already). None: nobody covers the region with room to spare.
pub fn choose(
    candidates: &[Candidate],
    region: &RegionCode,
    desks: &[Desk],
    excluded: &[StaffId],
) -> Option<Choice> {
    candidates
        .iter()
        .filter(|c| desks.contains(&c.desk) && !excluded.contains(&c.id))
        .filter(|c| c.open < c.capacity)
        .filter_map(|c| c.coverage.covers(region).map(|fit| (fit, c)))
        .min_by(|(fa, a), (fb, b)| {
            fb.cmp(fa)
                .then(a.open.cmp(&b.open))
                // Never offered sorts first: None < Some.
                .then(a.last_offered.cmp(&b.last_offered))
                .then(a.id.cmp(&b.id))
        })
        .map(|(fit, c)| Choice {
            staff: c.id,
            fit,
            open: c.open,
            capacity: c.capacity,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn cand(id: i64, coverage: &str, open: u32, capacity: u32, last_day: Option<u8>) -> Candidate {
        Candidate {
            id: StaffId(id),
            desk: Desk::Plut,
            coverage: Coverage::parse(coverage).unwrap(),
            open,
            capacity,
            last_offered: last_day.map(|d| datetime!(2026-11-01 09:00 UTC).replace_day(d).unwrap()),
        }
    }

    fn pick(cands: &[Candidate], region: &str, excluded: &[i64]) -> Option<i64> {
        let excluded: Vec<StaffId> = excluded.iter().map(|&i| StaffId(i)).collect();
        choose(
            cands,
            &RegionCode::parse(region).unwrap(),
            &[Desk::Plut],
            &excluded,
        )
        .map(|c| c.staff.0)
    }

    #[test]
    fn choice_table() {
        // (what, candidates, region, excluded, expected)
        let table: Vec<(&str, Vec<Candidate>, &str, Vec<i64>, Option<i64>)> = vec![
            (
                "kab/kota beats province beats national",
                vec![
                    cand(1, "ID", 0, 5, None),
                    cand(2, "52", 0, 5, None),
                    cand(3, "52.02", 4, 5, Some(30)),
                ],
                "52.02",
                vec![],
                Some(3),
            ),
            (
                "province beats national",
                vec![cand(1, "ID", 0, 5, None), cand(2, "52", 3, 5, Some(30))],
                "52.02",
                vec![],
                Some(2),
            ),
            (
                "national when nobody closer",
                vec![cand(1, "ID", 2, 5, None), cand(2, "35", 0, 5, None)],
                "52.02",
                vec![],
                Some(1),
            ),
            (
                "a full consultant is passed over",
                vec![cand(1, "52.02", 5, 5, None), cand(2, "52", 0, 5, None)],
                "52.02",
                vec![],
                Some(2),
            ),
            (
                "fewest open referrals among equals",
                vec![
                    cand(1, "52.02", 3, 5, None),
                    cand(2, "52.02", 1, 5, Some(30)),
                ],
                "52.02",
                vec![],
                Some(2),
            ),
            (
                "then the longest wait since the last offer",
                vec![
                    cand(1, "52.02", 1, 5, Some(20)),
                    cand(2, "52.02", 1, 5, Some(3)),
                ],
                "52.02",
                vec![],
                Some(2),
            ),
            (
                "never offered goes before offered",
                vec![
                    cand(1, "52.02", 1, 5, Some(1)),
                    cand(2, "52.02", 1, 5, None),
                ],
                "52.02",
                vec![],
                Some(2),
            ),
            (
                "a full tie goes to the lowest id, every time",
                vec![cand(7, "52", 0, 5, None), cand(4, "52", 0, 5, None)],
                "52.01",
                vec![],
                Some(4),
            ),
            (
                "who had it already is left out",
                vec![cand(1, "52.02", 0, 5, None), cand(2, "52", 0, 5, None)],
                "52.02",
                vec![1],
                Some(2),
            ),
            (
                "nobody covers the region",
                vec![cand(1, "35", 0, 5, None), cand(2, "52.01", 0, 5, None)],
                "52.02",
                vec![],
                None,
            ),
            (
                "everybody who covers it is full or excluded",
                vec![cand(1, "52.02", 2, 2, None), cand(2, "ID", 0, 5, None)],
                "52.02",
                vec![2],
                None,
            ),
            ("no consultants at all", vec![], "52.02", vec![], None),
            (
                "zero capacity takes nothing",
                vec![cand(1, "52.02", 0, 0, None)],
                "52.02",
                vec![],
                None,
            ),
        ];
        for (what, cands, region, excluded, expected) in table {
            assert_eq!(pick(&cands, region, &excluded), expected, "{what}");
        }
    }

    #[test]
    fn other_desks_are_never_chosen() {
        let mut klt = cand(1, "52.02", 0, 5, None);
        klt.desk = Desk::Klt;
        let region = RegionCode::parse("52.02").unwrap();
        assert_eq!(
            choose(
                &[klt.clone()],
                &region,
                &[Desk::Plut, Desk::DinasCoach],
                &[]
            ),
            None
        );
        assert_eq!(
            choose(&[klt], &region, &[Desk::Klt], &[]).map(|c| c.staff),
            Some(StaffId(1))
        );
    }

    #[test]
    fn the_reason_names_fit_and_load() {
        let c = choose(
            &[cand(1, "52", 2, 5, None)],
            &RegionCode::parse("52.02").unwrap(),
            &[Desk::Plut],
            &[],
        );
        assert_eq!(c.unwrap().why(), "province 2/5");
    }
}
