//! The longest free text Pandu accepts, field by field, in one place. Every text a staff
//! member or an owner types is stored and shown again (pages, the audit log, exports), so
//! an unbounded field lets one request make every later page heavy. Staff input over a
//! limit is refused with a message on the page; owners' answers are asked again or cut, as
//! each question decides.

/// A staff form field with its limit; `field` is the locale id of its name in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub field: &'static str,
    pub max: usize,
}

/// Text longer than its field allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{} is longer than {} characters", .0.field, .0.max)]
pub struct TooLong(pub Limit);

impl Limit {
    /// The text as given when it fits; counted in characters, as people count.
    pub fn check<'t>(&self, text: &'t str) -> Result<&'t str, TooLong> {
        if text.chars().count() > self.max {
            Err(TooLong(*self))
        } else {
            Ok(text)
        }
    }
}

/// Why a lead's status changed: a sentence or two, not a document.
pub const STATUS_REASON: Limit = Limit {
    field: "limit-field-reason",
    max: 500,
};
/// A staff note on a lead.
pub const NOTE: Limit = Limit {
    field: "limit-field-note",
    max: 4000,
};
/// The leads list's search box.
pub const SEARCH: Limit = Limit {
    field: "limit-field-search",
    max: 200,
};
/// Every other filter of the list typed by hand (region, source, dates).
pub const FILTER: Limit = Limit {
    field: "limit-field-filter",
    max: 100,
};
/// A staff member's name.
pub const STAFF_NAME: Limit = Limit {
    field: "limit-field-staff-name",
    max: 100,
};
/// RFC 5321's longest forward path.
pub const STAFF_EMAIL: Limit = Limit {
    field: "limit-field-email",
    max: 254,
};
/// A password typed on a dashboard form: long enough for any passphrase, short enough that
/// hashing it costs what hashing any password does.
pub const PASSWORD: Limit = Limit {
    field: "limit-field-password",
    max: 256,
};
/// A consultant's organisation.
pub const ORGANISATION: Limit = Limit {
    field: "limit-field-organisation",
    max: 120,
};
/// How owners reach a consultant ("WA 0812-…, kantor PLUT lt. 2").
pub const CONTACT: Limit = Limit {
    field: "limit-field-contact",
    max: 200,
};
/// A consultant's coverage codes ("52.02 52.03 35").
pub const COVERAGE: Limit = Limit {
    field: "limit-field-coverage",
    max: 200,
};
/// A staff reply to an owner: with its header it stays within one WhatsApp message (1024
/// characters), so it is never split and its delivery is one status.
pub const OWNER_REPLY: Limit = Limit {
    field: "limit-field-owner-reply",
    max: 700,
};

/// An owner's business or own name; longer text is a sentence, and is asked again.
pub const OWNER_NAME_CHARS: usize = 80;
/// A product typed that is not in the catalogue; cut to this.
pub const PRODUCT_TEXT_CHARS: usize = 80;
/// An answer in the owner's words that fits no option (goal, how it is made); cut to this.
pub const FREE_ANSWER_CHARS: usize = 200;
/// A question the owner asked for staff; cut to this.
pub const OWNER_QUESTION_CHARS: usize = 500;
/// A message the owner wrote to staff after their check (the lead's thread); cut to this.
pub const OWNER_MESSAGE_CHARS: usize = 1000;

/// A campaign's name.
pub const CAMPAIGN_NAME_CHARS: usize = 120;
/// Longest notice text: WhatsApp's limit for a message with buttons or a caption.
pub const CAMPAIGN_BODY_CHARS: usize = 1024;
/// WhatsApp's limit for a reply button title.
pub const CAMPAIGN_BUTTON_CHARS: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        let full = "é".repeat(STAFF_NAME.max);
        assert_eq!(STAFF_NAME.check(&full), Ok(full.as_str()));
        assert_eq!(
            STAFF_NAME.check(&format!("{full}x")),
            Err(TooLong(STAFF_NAME))
        );
    }
}
