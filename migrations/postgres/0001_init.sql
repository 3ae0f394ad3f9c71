-- Pandu schema, PostgreSQL flavour. Keep column names and meaning identical to migrations/sqlite.
-- Times are Unix milliseconds (UTC). Booleans are 0/1 integers on both engines.

CREATE TABLE conversations (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel     TEXT    NOT NULL,
    user_key    TEXT    NOT NULL,
    state       TEXT    NOT NULL,            -- JSON of flow::Conversation
    step        TEXT    NOT NULL,            -- current step, for funnels without parsing JSON
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    UNIQUE (channel, user_key)
);

-- One row per handled channel message: a redelivery finds its key and changes nothing.
-- The key is a hash, so it holds no user identity.
CREATE TABLE inbound_events (
    dedupe_key  TEXT    PRIMARY KEY,
    received_at BIGINT  NOT NULL
);

-- Declined consent leaves only this anonymous count.
CREATE TABLE consent_declines (
    day     TEXT    NOT NULL,
    channel TEXT    NOT NULL,
    count   BIGINT  NOT NULL,
    PRIMARY KEY (day, channel)
);

CREATE TABLE leads (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id    BIGINT  NOT NULL UNIQUE REFERENCES conversations (id) ON DELETE CASCADE,
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
    sni_mandatory      BIGINT  NOT NULL,
    scale              TEXT,
    outcome            TEXT    NOT NULL,
    reasons            TEXT    NOT NULL,     -- JSON array of reason codes
    notes              TEXT    NOT NULL,     -- JSON array of notes
    answers            TEXT    NOT NULL,     -- JSON of every answer
    checklist          TEXT    NOT NULL,     -- JSON: document item -> state
    documents_received BIGINT  NOT NULL,
    documents_total    BIGINT  NOT NULL,
    rules_version      TEXT    NOT NULL,
    catalogue_version  TEXT    NOT NULL,
    consent_version    TEXT    NOT NULL,
    consented_at       BIGINT  NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'baru',
    source             TEXT,
    assigned_to        BIGINT,
    created_at         BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL
);
CREATE INDEX leads_region_created ON leads (region_code, created_at);
CREATE INDEX leads_outcome_created ON leads (outcome, created_at);
CREATE INDEX leads_created ON leads (created_at);

-- Metadata only; the bytes live in the content-addressed document store.
CREATE TABLE documents (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT  NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    item            TEXT    NOT NULL,
    sha256          TEXT    NOT NULL,
    mime            TEXT    NOT NULL,
    size_bytes      BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX documents_conversation ON documents (conversation_id);
CREATE INDEX documents_sha256 ON documents (sha256);

CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT  REFERENCES conversations (id) ON DELETE SET NULL,
    channel         TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    payload         TEXT    NOT NULL,        -- JSON of message::OutMessage
    status          TEXT    NOT NULL,        -- pending | sending | sent | failed
    attempts        BIGINT  NOT NULL DEFAULT 0,
    not_before      BIGINT  NOT NULL,
    lease_until     BIGINT,
    transient       BIGINT  NOT NULL DEFAULT 0,  -- 1: delete once delivered (no data kept)
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX outbox_due ON outbox (channel, status, not_before, id);
CREATE INDEX outbox_recipient ON outbox (channel, recipient, id);
