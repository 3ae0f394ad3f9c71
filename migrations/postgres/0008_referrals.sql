-- Consultant referrals: who coaches where, their linked chat, each referral and each offer
-- of it to one consultant, and the timers that move referrals on.

-- A consultant's desk (which outcomes reach them), organisation, coverage (space-separated
-- region prefixes: "52.02", "52", or "ID" for national), open referrals at once, and how
-- owners reach them once they accepted.
ALTER TABLE staff ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN desk TEXT;
ALTER TABLE staff ADD COLUMN coverage TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN capacity BIGINT  NOT NULL DEFAULT 10;
ALTER TABLE staff ADD COLUMN contact TEXT;

-- The staff member's own Telegram chat or WhatsApp number (one per account).
CREATE TABLE staff_links (
    staff_id  BIGINT  PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
    channel   TEXT    NOT NULL,
    user_key  TEXT    NOT NULL,
    linked_at BIGINT  NOT NULL,
    UNIQUE (channel, user_key)
);

-- One-time link codes; only their SHA-256 is stored.
CREATE TABLE link_codes (
    code_hash  TEXT    PRIMARY KEY,
    staff_id   BIGINT  NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    expires_at BIGINT  NOT NULL
);

-- A lead routed to a desk. At most one open referral per lead; a re-check into another
-- route withdraws it and opens a new one.
CREATE TABLE referrals (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id       BIGINT  NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    outcome       TEXT    NOT NULL,
    desks         TEXT    NOT NULL,          -- space-separated desks that may take it
    state         TEXT    NOT NULL,          -- waiting | offered | accepted | escalated | withdrawn
    consultant_id BIGINT  REFERENCES staff (id),
    tries         BIGINT  NOT NULL DEFAULT 0,
    offered_at    BIGINT,
    accepted_at   BIGINT,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);
CREATE UNIQUE INDEX referrals_open_lead ON referrals (lead_id)
    WHERE state IN ('waiting', 'offered', 'accepted', 'escalated');
CREATE INDEX referrals_lead ON referrals (lead_id, id);
CREATE INDEX referrals_consultant ON referrals (consultant_id, state);
CREATE INDEX referrals_state ON referrals (state, created_at);

-- Each time a referral was put in front of one consultant, and how it ended.
CREATE TABLE referral_offers (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id BIGINT  NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    staff_id    BIGINT  NOT NULL REFERENCES staff (id),
    why         TEXT    NOT NULL,            -- why this consultant (coverage, load)
    offered_at  BIGINT  NOT NULL,
    due_at      BIGINT  NOT NULL,
    answered_at BIGINT,
    answer      TEXT,                        -- accepted | declined | expired | withdrawn
    reason      TEXT                         -- decline reason
);
CREATE INDEX referral_offers_referral ON referral_offers (referral_id, id);
CREATE INDEX referral_offers_staff ON referral_offers (staff_id, offered_at);

-- Work due at a time (offer a referral, remind, expire). A timer is deleted in the
-- transaction that does its work, so it fires once however many instances run.
CREATE TABLE timers (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       TEXT    NOT NULL,
    subject    BIGINT  NOT NULL,
    due_at     BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX timers_due ON timers (due_at, id);
CREATE INDEX timers_subject ON timers (kind, subject);
