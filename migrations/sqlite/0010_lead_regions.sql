-- A lead belongs to the region it was made in: when an owner starts over in another region,
-- the old lead keeps its status, notes and timeline in its own region, marked superseded, and
-- a new lead is made for the new region. So one conversation may have several leads, but
-- only one live (not superseded) lead.
--
-- SQLite cannot drop the UNIQUE of conversation_id, so the table is rebuilt (sqlite.org,
-- "Making Other Kinds Of Table Schema Changes"). Foreign keys are off while migrations run
-- (see Store::migrate), so dropping the old table does not cascade to its notes and
-- referrals; their references resolve to the rebuilt table once it has the name.

CREATE TABLE leads_rebuilt (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id    INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
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
    reasons            TEXT    NOT NULL,
    notes              TEXT    NOT NULL,
    answers            TEXT    NOT NULL,
    checklist          TEXT    NOT NULL,
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
    updated_at         INTEGER NOT NULL,
    status_reason      TEXT,
    owner_questions    TEXT    NOT NULL DEFAULT '[]',
    province_code      TEXT GENERATED ALWAYS AS (substr(region_code, 1, 2)) VIRTUAL,
    regency_code       TEXT GENERATED ALWAYS AS (CASE WHEN length(region_code) >= 5 THEN substr(region_code, 1, 5) END) VIRTUAL,
    superseded_by      INTEGER,
    superseded_at      INTEGER
);
INSERT INTO leads_rebuilt (id, conversation_id, channel, region_code, region_name, business_name, owner_name,
    phone, category, product_id, product_name, sni_number, sni_mandatory, scale, outcome, reasons, notes, answers,
    checklist, documents_received, documents_total, rules_version, catalogue_version, consent_version,
    consented_at, status, source, assigned_to, created_at, updated_at, status_reason, owner_questions)
SELECT id, conversation_id, channel, region_code, region_name, business_name, owner_name,
    phone, category, product_id, product_name, sni_number, sni_mandatory, scale, outcome, reasons, notes, answers,
    checklist, documents_received, documents_total, rules_version, catalogue_version, consent_version,
    consented_at, status, source, assigned_to, created_at, updated_at, status_reason, owner_questions
FROM leads;
-- Its indexes and triggers go with it; they are made again below, as in 0004 and 0007.
DROP TABLE leads;
ALTER TABLE leads_rebuilt RENAME TO leads;

CREATE UNIQUE INDEX leads_live_conversation ON leads (conversation_id) WHERE superseded_at IS NULL;
CREATE INDEX leads_conversation ON leads (conversation_id);
CREATE INDEX leads_created_id ON leads (created_at, id);
CREATE INDEX leads_province_created ON leads (province_code, created_at, id);
CREATE INDEX leads_regency_created ON leads (regency_code, created_at, id);
CREATE INDEX leads_outcome_created ON leads (outcome, created_at, id);
CREATE INDEX leads_assigned_created ON leads (assigned_to, created_at, id);
CREATE INDEX leads_status_created ON leads (status, created_at, id);
CREATE INDEX leads_source_created ON leads (source, created_at, id) WHERE source IS NOT NULL;

CREATE TRIGGER leads_search_insert AFTER INSERT ON leads BEGIN
    INSERT INTO leads_search (rowid, business_name, owner_name, phone)
    VALUES (new.id, new.business_name, new.owner_name, new.phone);
END;
CREATE TRIGGER leads_search_delete AFTER DELETE ON leads BEGIN
    INSERT INTO leads_search (leads_search, rowid, business_name, owner_name, phone)
    VALUES ('delete', old.id, old.business_name, old.owner_name, old.phone);
END;
CREATE TRIGGER leads_search_update AFTER UPDATE OF business_name, owner_name, phone ON leads
WHEN old.business_name IS NOT new.business_name OR old.owner_name IS NOT new.owner_name
  OR old.phone IS NOT new.phone
BEGIN
    INSERT INTO leads_search (leads_search, rowid, business_name, owner_name, phone)
    VALUES ('delete', old.id, old.business_name, old.owner_name, old.phone);
    INSERT INTO leads_search (rowid, business_name, owner_name, phone)
    VALUES (new.id, new.business_name, new.owner_name, new.phone);
END;

CREATE TRIGGER lead_counts_insert AFTER INSERT ON leads BEGIN
    INSERT INTO lead_counts (region_code, outcome, n) VALUES (new.region_code, new.outcome, 1)
    ON CONFLICT (region_code, outcome) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER lead_counts_delete AFTER DELETE ON leads BEGIN
    UPDATE lead_counts SET n = n - 1 WHERE region_code = old.region_code AND outcome = old.outcome;
END;
CREATE TRIGGER lead_counts_update AFTER UPDATE OF region_code, outcome ON leads
WHEN old.region_code IS NOT new.region_code OR old.outcome IS NOT new.outcome
BEGIN
    UPDATE lead_counts SET n = n - 1 WHERE region_code = old.region_code AND outcome = old.outcome;
    INSERT INTO lead_counts (region_code, outcome, n) VALUES (new.region_code, new.outcome, 1)
    ON CONFLICT (region_code, outcome) DO UPDATE SET n = n + 1;
END;
