-- A lead belongs to the region it was made in: when an owner starts over in another region,
-- the old lead keeps its status, notes and timeline in its own region, marked superseded, and
-- a new lead is made for the new region. So one conversation may have several leads, but
-- only one live (not superseded) lead.
ALTER TABLE leads DROP CONSTRAINT leads_conversation_id_key;
ALTER TABLE leads
    ADD COLUMN superseded_by BIGINT,
    ADD COLUMN superseded_at BIGINT;
CREATE UNIQUE INDEX leads_live_conversation ON leads (conversation_id) WHERE superseded_at IS NULL;
-- Erasure and lookups find every lead of a conversation, live or not.
CREATE INDEX leads_conversation ON leads (conversation_id);
