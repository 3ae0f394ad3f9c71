-- Dinas dashboard: staff accounts, sessions, the one-time setup link, notes and the audit log.

CREATE TABLE staff (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,       -- lower-cased
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL,              -- admin | dinas | konsultan
    region_code   TEXT,                          -- dinas: their provinsi or kab/kota code
    password_hash TEXT    NOT NULL,              -- Argon2id PHC string
    disabled      BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL
);

-- The cookie holds a random id; only its SHA-256 is stored.
CREATE TABLE sessions (
    id_hash      TEXT    PRIMARY KEY,
    staff_id     BIGINT  NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    csrf_token   TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL
);
CREATE INDEX sessions_staff ON sessions (staff_id);

CREATE TABLE setup_tokens (
    token_hash TEXT    PRIMARY KEY,
    created_at BIGINT  NOT NULL,
    used_at    BIGINT
);

CREATE TABLE lead_notes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id    BIGINT  NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    staff_id   BIGINT  NOT NULL REFERENCES staff (id),
    body       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX lead_notes_lead ON lead_notes (lead_id, id);

-- Who did what, when: every staff action and every document view or download.
CREATE TABLE audit_log (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id   BIGINT  REFERENCES staff (id),
    action     TEXT    NOT NULL,
    lead_id    BIGINT,
    detail     TEXT    NOT NULL DEFAULT '',
    created_at BIGINT  NOT NULL
);
CREATE INDEX audit_log_lead ON audit_log (lead_id, id);
CREATE INDEX audit_log_created ON audit_log (created_at);

ALTER TABLE leads ADD COLUMN status_reason TEXT;
CREATE INDEX leads_assigned ON leads (assigned_to, id);
CREATE INDEX leads_status ON leads (status, id);
-- Keyset paging orders by (created_at, id).
CREATE INDEX leads_created_id ON leads (created_at, id);
CREATE INDEX conversations_step ON conversations (step);
