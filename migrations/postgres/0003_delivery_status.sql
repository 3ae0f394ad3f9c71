-- Delivery statuses reported by a platform (WhatsApp: sent, delivered, read, failed), by the
-- platform's message id. A status never moves backwards; `failed` keeps its error code.
CREATE TABLE message_statuses (
    channel             TEXT    NOT NULL,
    platform_message_id TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    rank                BIGINT  NOT NULL,        -- sent 1 < delivered 2 < read 3 < failed 4
    error_code          TEXT,
    updated_at          BIGINT  NOT NULL,
    PRIMARY KEY (channel, platform_message_id)
);

-- The same, on the outbox row it belongs to (filled when the status or the send comes second).
ALTER TABLE outbox ADD COLUMN platform_status TEXT;
ALTER TABLE outbox ADD COLUMN platform_error TEXT;
CREATE INDEX outbox_platform_id ON outbox (channel, platform_message_id);
