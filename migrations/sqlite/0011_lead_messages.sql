-- A lead's thread: staff replies to the owner (through the outbox, whose row tells their
-- delivery) and what the owner wrote back after their check was finished. Bodies are capped
-- by src/limits.rs (OWNER_REPLY, OWNER_MESSAGE_CHARS); the CHECK is the last guard.
CREATE TABLE lead_messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id    INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    direction  TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    body       TEXT    NOT NULL CHECK (length(body) <= 1000),
    -- Who wrote an outbound message.
    staff_id   INTEGER REFERENCES staff (id),
    -- The outbox row of an outbound message. No foreign key: the retention purge deletes old
    -- outbox rows, and the message then shows no delivery status.
    outbox_id  INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX lead_messages_lead ON lead_messages (lead_id, created_at, id);
CREATE INDEX lead_messages_created ON lead_messages (created_at);
-- A staff reply's outbox row is not the chat's current question (outbox::last_delivered_message).
CREATE INDEX lead_messages_outbox ON lead_messages (outbox_id) WHERE outbox_id IS NOT NULL;

-- When the owner last asked or wrote something for staff, and when staff last replied: a lead
-- waits for an answer while the first is later than the second. Leads that already hold
-- questions count as waiting since their last update.
ALTER TABLE leads ADD COLUMN owner_wrote_at INTEGER;
ALTER TABLE leads ADD COLUMN staff_replied_at INTEGER;
UPDATE leads SET owner_wrote_at = updated_at WHERE owner_questions <> '[]';
CREATE INDEX leads_owner_wrote ON leads (owner_wrote_at) WHERE owner_wrote_at IS NOT NULL;
