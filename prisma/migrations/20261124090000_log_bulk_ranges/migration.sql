-- The set-based log builders of 20261124050000_transparency_log, with index-friendly ranges: a condition on
-- `idx / 2` cannot use the primary key, so each level was scanned whole, and a plan cached for a variable
-- bound read the changes table whole too. An operator's 10 000-event call took 4 s at 10 M leaves; the range
-- conditions below touch only the new part of each level.
CREATE OR REPLACE FUNCTION log_build_levels(from_size BIGINT, to_size BIGINT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  lvl INT := 0;
  span BIGINT := 2;
BEGIN
  WHILE span <= to_size LOOP
    -- Parents idx in [from_size / span, to_size / span): their left children at 2·idx in this level.
    INSERT INTO log_hashes (level, idx, hash)
    SELECT lvl + 1, a.idx / 2, sha256('\x01'::bytea || a.hash || b.hash)
    FROM log_hashes a JOIN log_hashes b ON b.level = lvl AND b.idx = a.idx + 1
    WHERE a.level = lvl AND a.idx >= (from_size / span) * 2 AND a.idx < (to_size / span) * 2 AND a.idx % 2 = 0;
    lvl := lvl + 1;
    span := span * 2;
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION log_complete_bulk_load() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  from_size BIGINT := coalesce((SELECT size FROM log_size WHERE id = 1), 0);
  to_size BIGINT;
BEGIN
  PERFORM pg_advisory_xact_lock(727367100);
  -- EXECUTE: planned for this very bound (a range over the unique index), not a generic plan.
  EXECUTE 'INSERT INTO log_hashes (level, idx, hash)
           SELECT 0, c.log_index, log_leaf_hash(log_leaf_data(c.at, c.log_index, c.op::text, c.phone, c.reason, c.salt, c.scope::text, s.code, c.seq))
           FROM opposition_changes c LEFT JOIN senders s ON s.id = c.sender_id
           WHERE c.log_index >= $1' USING from_size;
  to_size := coalesce((SELECT max(log_index) + 1 FROM opposition_changes), 0);
  INSERT INTO log_size (id, size) VALUES (1, to_size) ON CONFLICT (id) DO UPDATE SET size = EXCLUDED.size;
  PERFORM log_build_levels(from_size, to_size);
  RETURN to_size;
END $$;
