-- The dashboard at national scale: region scope by equality on an indexed code, search by
-- index, and counts that need no scan (lead list chips, /metrics).

-- Province (NN) and kab/kota (NN.NN) of a lead, derived from region_code by the engine, so the
-- upsert and any later change of region keep them right without code on the write path.
ALTER TABLE leads
    ADD COLUMN province_code TEXT GENERATED ALWAYS AS (substr(region_code, 1, 2)) STORED,
    ADD COLUMN regency_code TEXT
        GENERATED ALWAYS AS (CASE WHEN length(region_code) >= 5 THEN substr(region_code, 1, 5) END) STORED;

-- The list orders by (created_at, id) in both directions and pages by keyset; one index per
-- scope or equality filter serves it without a sort.
DROP INDEX leads_region_created;
DROP INDEX leads_outcome_created;
DROP INDEX leads_assigned;
DROP INDEX leads_status;
DROP INDEX leads_created;               -- a prefix of leads_created_id
CREATE INDEX leads_province_created ON leads (province_code, created_at, id);
CREATE INDEX leads_regency_created ON leads (regency_code, created_at, id);
CREATE INDEX leads_outcome_created ON leads (outcome, created_at, id);
CREATE INDEX leads_assigned_created ON leads (assigned_to, created_at, id);
CREATE INDEX leads_status_created ON leads (status, created_at, id);
CREATE INDEX leads_source_created ON leads (source, created_at, id) WHERE source IS NOT NULL;

-- Substring search on names and phone: trigram GIN indexes serve LIKE '%…%' (on the same
-- lower() the query uses). pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX leads_business_trgm ON leads USING gin (lower(business_name) gin_trgm_ops);
CREATE INDEX leads_owner_trgm ON leads USING gin (lower(owner_name) gin_trgm_ops);
CREATE INDEX leads_phone_trgm ON leads USING gin (phone gin_trgm_ops);
-- Without statistics on lower(…) the planner guesses every text equally rare, and sorts 50,000
-- matches of a common word instead of reading the newest leads until 50 match.
CREATE STATISTICS leads_business_lower ON (lower(business_name)) FROM leads;
CREATE STATISTICS leads_owner_lower ON (lower(owner_name)) FROM leads;

-- Leads per region and outcome, kept exact by a trigger in the writing transaction: the
-- list's outcome chips and /metrics read a few thousand rows instead of counting leads.
CREATE TABLE lead_counts (
    region_code   TEXT   NOT NULL,
    outcome       TEXT   NOT NULL,
    n             BIGINT NOT NULL,
    province_code TEXT GENERATED ALWAYS AS (substr(region_code, 1, 2)) STORED,
    regency_code  TEXT GENERATED ALWAYS AS (CASE WHEN length(region_code) >= 5 THEN substr(region_code, 1, 5) END) STORED,
    PRIMARY KEY (region_code, outcome)
);
INSERT INTO lead_counts (region_code, outcome, n)
    SELECT region_code, outcome, COUNT(*) FROM leads GROUP BY region_code, outcome;

CREATE FUNCTION lead_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE lead_counts SET n = n - 1
        WHERE region_code = OLD.region_code AND outcome = OLD.outcome;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO lead_counts (region_code, outcome, n) VALUES (NEW.region_code, NEW.outcome, 1)
        ON CONFLICT (region_code, outcome) DO UPDATE SET n = lead_counts.n + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER lead_counts_insert_delete AFTER INSERT OR DELETE ON leads
    FOR EACH ROW EXECUTE FUNCTION lead_counts_track();
-- The upsert rewrites every column on each result; only a real change is counted.
CREATE TRIGGER lead_counts_update AFTER UPDATE OF region_code, outcome ON leads
    FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.outcome IS DISTINCT FROM NEW.outcome)
    EXECUTE FUNCTION lead_counts_track();

-- Monotonic totals for /metrics (a Prometheus counter never goes down, and retention deletes
-- old rows). Inbound events are counted as they are claimed, not by COUNT(*) per scrape; the
-- row is picked by connection so concurrent handlers rarely wait on one another's lock.
CREATE TABLE counters (
    name  TEXT   NOT NULL,
    shard BIGINT NOT NULL,
    n     BIGINT NOT NULL,
    PRIMARY KEY (name, shard)
);
INSERT INTO counters (name, shard, n) SELECT 'inbound_events', 0, COUNT(*) FROM inbound_events;
CREATE FUNCTION inbound_events_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO counters (name, shard, n) VALUES ('inbound_events', pg_backend_pid() % 16, 1)
    ON CONFLICT (name, shard) DO UPDATE SET n = counters.n + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER inbound_events_count AFTER INSERT ON inbound_events
    FOR EACH ROW EXECUTE FUNCTION inbound_events_count();
