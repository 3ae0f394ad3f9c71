-- Pandu schema, SQLite flavour. Keep column names and meaning identical to migrations/postgres.
-- Times are Unix milliseconds (UTC). Booleans are 0/1 integers on both engines.

CREATE TABLE conversations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    channel     TEXT    NOT NULL,
    user_key    TEXT    NOT NULL,
    state       TEXT    NOT NULL,            -- JSON of flow::Conversation
    step        TEXT    NOT NULL,            -- current step, for funnels without parsing JSON
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (channel, user_key)
);

-- One row per handled channel message: a redelivery finds its key and changes nothing.
-- The key is a hash, so it holds no user identity.
CREATE TABLE inbound_events (
    dedupe_key  TEXT    PRIMARY KEY,
    received_at INTEGER NOT NULL
);

-- Declined consent leaves only this anonymous count.
CREATE TABLE consent_declines (
    day     TEXT    NOT NULL,
    channel TEXT    NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (day, channel)
);

CREATE TABLE leads (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id    INTEGER NOT NULL UNIQUE REFERENCES conversations (id) ON DELETE CASCADE,
    channel            TEXT    NOT NULL,
    region_code        TEXT    NOT NULL,
    region_name        TEXT    NOT NULL,
    business_name      TEXT    NOT NULL,
    owner_name         TEXT    NOT NULL,
    phone              TEXT,
    category           TEXT,
    product_id         TEXT,
    product_name       TEXT    NOT NULL,
    sni_number         TEXT,
    sni_mandatory      INTEGER NOT NULL,
    scale              TEXT,
    outcome            TEXT    NOT NULL,
    reasons            TEXT    NOT NULL,     -- JSON array of reason codes
    notes              TEXT    NOT NULL,     -- JSON array of notes
    answers            TEXT    NOT NULL,     -- JSON of every answer
    checklist          TEXT    NOT NULL,     -- JSON: document item -> state
    documents_received INTEGER NOT NULL,
    documents_total    INTEGER NOT NULL,
    rules_version      TEXT    NOT NULL,
    catalogue_version  TEXT    NOT NULL,
    consent_version    TEXT    NOT NULL,
    consented_at       INTEGER NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'baru',
    source             TEXT,
    assigned_to        INTEGER,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX leads_region_created ON leads (region_code, created_at);
CREATE INDEX leads_outcome_created ON leads (outcome, created_at);
CREATE INDEX leads_created ON leads (created_at);

-- Metadata only; the bytes live in the content-addressed document store.
CREATE TABLE documents (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    item            TEXT    NOT NULL,
    sha256          TEXT    NOT NULL,
    mime            TEXT    NOT NULL,
    size_bytes      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX documents_conversation ON documents (conversation_id);
CREATE INDEX documents_sha256 ON documents (sha256);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER REFERENCES conversations (id) ON DELETE SET NULL,
    channel         TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    payload         TEXT    NOT NULL,        -- JSON of message::OutMessage
    status          TEXT    NOT NULL,        -- pending | sending | sent | failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    not_before      INTEGER NOT NULL,
    lease_until     INTEGER,
    transient       INTEGER NOT NULL DEFAULT 0,  -- 1: delete once delivered (no data kept)
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX outbox_due ON outbox (channel, status, not_before, id);
CREATE INDEX outbox_recipient ON outbox (channel, recipient, id);
