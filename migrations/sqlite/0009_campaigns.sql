-- Outreach: who may receive notices, campaigns and their recipients, and follow-ups.

-- Kept in step with the state on every save (see store::conversations::save): whether the
-- contact agreed and did not opt out of notices, whether their check is unfinished, and
-- whether they were reminded of it since they last wrote.
ALTER TABLE conversations ADD COLUMN subscribed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN unfinished INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN nudged INTEGER NOT NULL DEFAULT 0;
UPDATE conversations SET subscribed = 1
 WHERE json_extract(state, '$.consent') IS NOT NULL
   AND coalesce(json_extract(state, '$.notices_off'), 0) = 0;
UPDATE conversations SET unfinished = 1
 WHERE json_extract(state, '$.consent') IS NOT NULL AND json_extract(state, '$.decision') IS NULL;
CREATE INDEX conversations_subscribed ON conversations (id) WHERE subscribed = 1;
CREATE INDEX conversations_unfinished ON conversations (updated_at) WHERE unfinished = 1 AND nudged = 0;

CREATE TABLE campaigns (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    code          TEXT    NOT NULL UNIQUE,     -- deep-link code: /start <code>
    name          TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    image_url     TEXT,
    button_label  TEXT,                        -- a button that starts the check
    audience      TEXT    NOT NULL,            -- JSON of campaigns::Audience
    template      TEXT,                        -- JSON of campaigns::WaTemplate
    zone          TEXT    NOT NULL,            -- wib | wita | wit: how times are shown and typed
    quiet_start   INTEGER NOT NULL,            -- minutes after local midnight
    quiet_end     INTEGER NOT NULL,
    starts_at     INTEGER,                     -- set when scheduled
    state         TEXT    NOT NULL,            -- draft | scheduled | running | paused | cancelled | done
    region_code   TEXT,                        -- the region it was made for (NULL: national)
    created_by    INTEGER REFERENCES staff (id),
    cursor        INTEGER NOT NULL DEFAULT 0,  -- last conversation id looked at when materialising
    materialised  INTEGER NOT NULL DEFAULT 0,
    tested_at     INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    finished_at   INTEGER
);
CREATE INDEX campaigns_state ON campaigns (state, starts_at);

-- One row per person a campaign reaches; the unique key makes materialising idempotent.
-- The chat id is not copied here: it is read from the conversation when the message is
-- queued, so erasing a conversation erases its recipients (cascade).
CREATE TABLE campaign_recipients (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    channel         TEXT    NOT NULL,
    region_code     TEXT,
    utc_offset      INTEGER NOT NULL,          -- minutes: 420 WIB, 480 WITA, 540 WIT
    state           TEXT    NOT NULL,          -- waiting | queued | cancelled
    finished_at     INTEGER,                   -- finished a check after the notice
    UNIQUE (campaign_id, conversation_id)
);
CREATE INDEX campaign_recipients_waiting ON campaign_recipients (campaign_id, channel, utc_offset, id)
    WHERE state = 'waiting';
CREATE INDEX campaign_recipients_conversation ON campaign_recipients (conversation_id);

-- The outbox row of a campaign message (NULL for conversation replies, which go first).
ALTER TABLE outbox ADD COLUMN campaign_recipient_id INTEGER;
CREATE INDEX outbox_campaign_recipient ON outbox (campaign_recipient_id) WHERE campaign_recipient_id IS NOT NULL;

-- A follow-up of one conversation, fired by a timer (see reference/follow_ups.toml).
CREATE TABLE follow_ups (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    event           TEXT    NOT NULL,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    due_at          INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    UNIQUE (event, conversation_id)
);
