//! The buttons of a referral notice. Wire forms are stable: a notice stays in a consultant's
//! chat for days, and its buttons must still mean the same offer.

use super::{DeclineReason, OfferId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefButton {
    Accept(OfferId),
    /// Decline; without a reason the consultant is asked for one.
    Decline(OfferId, Option<DeclineReason>),
}

const PREFIX: &str = "rj:";

impl RefButton {
    pub fn wire(&self) -> String {
        match self {
            Self::Accept(offer) => format!("{PREFIX}ok:{offer}"),
            Self::Decline(offer, None) => format!("{PREFIX}no:{offer}"),
            Self::Decline(offer, Some(reason)) => format!("{PREFIX}no:{offer}:{}", reason.as_str()),
        }
    }

    /// None for anything that is not a referral button (an owner's button, a forgery).
    pub fn parse(wire: &str) -> Option<Self> {
        let rest = wire.strip_prefix(PREFIX)?;
        let mut parts = rest.split(':');
        let verb = parts.next()?;
        let offer = OfferId(parts.next()?.parse().ok().filter(|n: &i64| *n > 0)?);
        let reason = parts.next();
        if parts.next().is_some() {
            return None;
        }
        match (verb, reason) {
            ("ok", None) => Some(Self::Accept(offer)),
            ("no", None) => Some(Self::Decline(offer, None)),
            ("no", Some(r)) => DeclineReason::parse(r).map(|r| Self::Decline(offer, Some(r))),
            _ => None,
        }
    }

    pub fn offer(&self) -> OfferId {
        match self {
            Self::Accept(o) | Self::Decline(o, _) => *o,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_forms_are_stable_and_round_trip() {
        let cases = [
            (RefButton::Accept(OfferId(12)), "rj:ok:12"),
            (RefButton::Decline(OfferId(12), None), "rj:no:12"),
            (
                RefButton::Decline(OfferId(12), Some(DeclineReason::Full)),
                "rj:no:12:penuh",
            ),
            (
                RefButton::Decline(OfferId(3), Some(DeclineReason::OutsideArea)),
                "rj:no:3:wilayah",
            ),
        ];
        for (button, wire) in cases {
            assert_eq!(button.wire(), wire);
            assert_eq!(RefButton::parse(wire), Some(button));
        }
        // Within WhatsApp's and Telegram's id limits with room to spare.
        assert!(
            RefButton::Decline(OfferId(i64::MAX), Some(DeclineReason::OutsideArea))
                .wire()
                .len()
                < 64
        );
    }

    #[test]
    fn other_ids_are_not_referral_buttons() {
        for wire in [
            "consent:yes",
            "rj:ok",
            "rj:ok:x",
            "rj:ok:0",
            "rj:ok:-4",
            "rj:no:5:bosan",
            "rj:ok:5:penuh",
            "rj:no:5:penuh:x",
            "rj:maybe:5",
        ] {
            assert_eq!(RefButton::parse(wire), None, "{wire}");
        }
    }
}
