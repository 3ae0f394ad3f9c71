-- Consultant referrals: who coaches where, their linked chat, each referral and each offer
-- of it to one consultant, and the timers that move referrals on.

-- A consultant's desk (which outcomes reach them), organisation, coverage (space-separated
-- region prefixes: "52.02", "52", or "ID" for national), open referrals at once, and how
-- owners reach them once they accepted.
ALTER TABLE staff ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN desk TEXT;
ALTER TABLE staff ADD COLUMN coverage TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN capacity INTEGER NOT NULL DEFAULT 10;
ALTER TABLE staff ADD COLUMN contact TEXT;

-- The staff member's own Telegram chat or WhatsApp number (one per account).
CREATE TABLE staff_links (
    staff_id  INTEGER PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
    channel   TEXT    NOT NULL,
    user_key  TEXT    NOT NULL,
    linked_at INTEGER NOT NULL,
    UNIQUE (channel, user_key)
);

-- One-time link codes; only their SHA-256 is stored.
CREATE TABLE link_codes (
    code_hash  TEXT    PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
);

-- A lead routed to a desk. At most one open referral per lead; a re-check into another
-- route withdraws it and opens a new one.
CREATE TABLE referrals (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id       INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    outcome       TEXT    NOT NULL,
    desks         TEXT    NOT NULL,          -- space-separated desks that may take it
    state         TEXT    NOT NULL,          -- waiting | offered | accepted | escalated | withdrawn
    consultant_id INTEGER REFERENCES staff (id),
    tries         INTEGER NOT NULL DEFAULT 0,
    offered_at    INTEGER,
    accepted_at   INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX referrals_open_lead ON referrals (lead_id)
    WHERE state IN ('waiting', 'offered', 'accepted', 'escalated');
CREATE INDEX referrals_lead ON referrals (lead_id, id);
CREATE INDEX referrals_consultant ON referrals (consultant_id, state);
CREATE INDEX referrals_state ON referrals (state, created_at);

-- Each time a referral was put in front of one consultant, and how it ended.
CREATE TABLE referral_offers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    why         TEXT    NOT NULL,            -- why this consultant (coverage, load)
    offered_at  INTEGER NOT NULL,
    due_at      INTEGER NOT NULL,
    answered_at INTEGER,
    answer      TEXT,                        -- accepted | declined | expired | withdrawn
    reason      TEXT                         -- decline reason
);
CREATE INDEX referral_offers_referral ON referral_offers (referral_id, id);
CREATE INDEX referral_offers_staff ON referral_offers (staff_id, offered_at);

-- Work due at a time (offer a referral, remind, expire). A timer is deleted in the
-- transaction that does its work, so it fires once however many instances run.
CREATE TABLE timers (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL,
    subject    INTEGER NOT NULL,
    due_at     INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX timers_due ON timers (due_at, id);
CREATE INDEX timers_subject ON timers (kind, subject);
