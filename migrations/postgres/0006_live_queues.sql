-- Claims touch only live rows. Finished inbox and outbox rows stay as history (for dedupe,
-- stale buttons and delivery statuses) until retention deletes them, but they leave these
-- partial indexes the moment they are settled, so a claim costs the same at 2,000 rows as
-- at 2,000,000. The status lists must match the queries in src/store/{inbox,outbox}.rs
-- word for word: that is how the planner knows the index applies.
DROP INDEX inbox_due;
DROP INDEX outbox_due;
CREATE INDEX inbox_live ON inbox (channel, chat, id) WHERE status IN ('pending', 'processing');
CREATE INDEX outbox_live ON outbox (channel, recipient, id) WHERE status IN ('pending', 'sending');
