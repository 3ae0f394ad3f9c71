-- Raw platform updates (Telegram), stored before they are acknowledged and processed by
-- a worker in order per chat. The payload is blanked once processed.
CREATE TABLE inbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    channel     TEXT    NOT NULL,
    external_id TEXT    NOT NULL,            -- Telegram update_id
    chat        TEXT    NOT NULL,            -- per-chat ordering key ('' when none)
    payload     TEXT    NOT NULL,
    status      TEXT    NOT NULL,            -- pending | processing | done | failed
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  INTEGER NOT NULL,
    lease_until INTEGER,
    last_error  TEXT,
    received_at INTEGER NOT NULL,
    UNIQUE (channel, external_id)
);
CREATE INDEX inbox_due ON inbox (channel, status, not_before, id);
CREATE INDEX inbox_chat ON inbox (channel, chat, id);

-- The platform's id of a delivered message (to edit it, and to tell stale buttons apart).
ALTER TABLE outbox ADD COLUMN platform_message_id TEXT;

-- Users who blocked the bot or deleted their account: nothing more is sent to them.
CREATE TABLE unreachable_contacts (
    channel  TEXT    NOT NULL,
    user_key TEXT    NOT NULL,
    reason   TEXT    NOT NULL,
    since    INTEGER NOT NULL,
    PRIMARY KEY (channel, user_key)
);
