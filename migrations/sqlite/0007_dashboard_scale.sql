-- The dashboard at national scale: region scope by equality on an indexed code, search by
-- index, and counts that need no scan (lead list chips, /metrics).

-- Province (NN) and kab/kota (NN.NN) of a lead, derived from region_code by the engine, so the
-- upsert and any later change of region keep them right without code on the write path.
ALTER TABLE leads ADD COLUMN province_code TEXT
    GENERATED ALWAYS AS (substr(region_code, 1, 2)) VIRTUAL;
ALTER TABLE leads ADD COLUMN regency_code TEXT
    GENERATED ALWAYS AS (CASE WHEN length(region_code) >= 5 THEN substr(region_code, 1, 5) END) VIRTUAL;

-- The list orders by (created_at, id) in both directions and pages by keyset; one index per
-- scope or equality filter serves it without a sort.
DROP INDEX leads_region_created;
DROP INDEX leads_outcome_created;
DROP INDEX leads_assigned;
DROP INDEX leads_status;
DROP INDEX leads_created;               -- the same as leads_created_id
CREATE INDEX leads_province_created ON leads (province_code, created_at, id);
CREATE INDEX leads_regency_created ON leads (regency_code, created_at, id);
CREATE INDEX leads_outcome_created ON leads (outcome, created_at, id);
CREATE INDEX leads_assigned_created ON leads (assigned_to, created_at, id);
CREATE INDEX leads_status_created ON leads (status, created_at, id);
CREATE INDEX leads_source_created ON leads (source, created_at, id) WHERE source IS NOT NULL;

-- Substring search on names and phone: trigrams, case-insensitive. External content (the
-- text stays in leads only), kept in sync by triggers so no write path can forget it.
CREATE VIRTUAL TABLE leads_search USING fts5 (
    business_name, owner_name, phone,
    content = 'leads', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO leads_search (leads_search) VALUES ('rebuild');

CREATE TRIGGER leads_search_insert AFTER INSERT ON leads BEGIN
    INSERT INTO leads_search (rowid, business_name, owner_name, phone)
    VALUES (new.id, new.business_name, new.owner_name, new.phone);
END;
CREATE TRIGGER leads_search_delete AFTER DELETE ON leads BEGIN
    INSERT INTO leads_search (leads_search, rowid, business_name, owner_name, phone)
    VALUES ('delete', old.id, old.business_name, old.owner_name, old.phone);
END;
-- The upsert rewrites every column on each result; only a real change re-indexes.
CREATE TRIGGER leads_search_update AFTER UPDATE OF business_name, owner_name, phone ON leads
WHEN old.business_name IS NOT new.business_name OR old.owner_name IS NOT new.owner_name
  OR old.phone IS NOT new.phone
BEGIN
    INSERT INTO leads_search (leads_search, rowid, business_name, owner_name, phone)
    VALUES ('delete', old.id, old.business_name, old.owner_name, old.phone);
    INSERT INTO leads_search (rowid, business_name, owner_name, phone)
    VALUES (new.id, new.business_name, new.owner_name, new.phone);
END;

-- Leads per region and outcome, kept exact by triggers in the writing transaction: the
-- list's outcome chips and /metrics read a few thousand rows instead of counting leads.
CREATE TABLE lead_counts (
    region_code   TEXT    NOT NULL,
    outcome       TEXT    NOT NULL,
    n             INTEGER NOT NULL,
    province_code TEXT GENERATED ALWAYS AS (substr(region_code, 1, 2)) VIRTUAL,
    regency_code  TEXT GENERATED ALWAYS AS (CASE WHEN length(region_code) >= 5 THEN substr(region_code, 1, 5) END) VIRTUAL,
    PRIMARY KEY (region_code, outcome)
);
INSERT INTO lead_counts (region_code, outcome, n)
    SELECT region_code, outcome, COUNT(*) FROM leads GROUP BY region_code, outcome;

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

-- Monotonic totals for /metrics (a Prometheus counter never goes down, and retention deletes
-- old rows). Inbound events are counted here as they are claimed, not by COUNT(*) per scrape.
CREATE TABLE counters (
    name  TEXT    NOT NULL,
    shard INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (name, shard)
);
INSERT INTO counters (name, shard, n) SELECT 'inbound_events', 0, COUNT(*) FROM inbound_events;
CREATE TRIGGER inbound_events_count AFTER INSERT ON inbound_events BEGIN
    UPDATE counters SET n = n + 1 WHERE name = 'inbound_events' AND shard = 0;
END;
