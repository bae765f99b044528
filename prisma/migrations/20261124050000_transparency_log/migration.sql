-- The transparency log (SYNC-PROTOCOL.md 1.1, RFC 9162): every feed change is a leaf of one append-only
-- Merkle tree. Each change gets its log index and salt, and the hashes of every complete subtree are
-- stored (Go sumdb tlog's "stored hashes"): appending costs O(log n) and any proof O(log n) reads.
--
-- Why a trigger: every writer of opposition_changes (opt-outs, withdrawals, number events, the demo seed)
-- gets its leaf in the same transaction and under the same feed lock, with no way to forget it.

ALTER TABLE "opposition_changes" ADD COLUMN "log_index" BIGINT, ADD COLUMN "salt" TEXT;

-- level 0 = leaf hashes; (level L, idx k) = the root of leaves [k·2^L, (k+1)·2^L), written once complete.
-- The key covers the hash: a proof's ~2·log2(n) lookups are index-only scans (at 10 M leaves an inclusion
-- proof went from p95 21 ms to 4 ms, docs/benchmarks.md), and the table is insert-only, so autovacuum keeps
-- its visibility map current.
CREATE TABLE "log_hashes" (
    "level" SMALLINT NOT NULL,
    "idx" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,
    CONSTRAINT "log_hashes_pkey" PRIMARY KEY ("level", "idx") INCLUDE ("hash")
);

-- The tree size, one row, updated under the feed lock: index allocation is gap-free (a rolled-back
-- transaction rolls its increment back too), unlike seq's identity.
CREATE TABLE "log_size" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "size" BIGINT NOT NULL,
    CONSTRAINT "log_size_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "log_size_single_row" CHECK ("id" = 1)
);

-- Tree heads recorded by the hourly job (and by anyone who asks staff to pin one): what log:verify and
-- auditors compare against.
CREATE TABLE "log_tree_heads" (
    "id" BIGSERIAL NOT NULL,
    "size" BIGINT NOT NULL,
    "root" BYTEA NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "log_tree_heads_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "log_tree_heads_at_idx" ON "log_tree_heads" ("at");

-- 16 bytes from PostgreSQL's strong random source (gen_random_uuid uses pg_strong_random), base64url.
CREATE FUNCTION log_new_salt() RETURNS TEXT LANGUAGE sql VOLATILE AS $$
  SELECT rtrim(translate(encode(substring(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())) FROM 1 FOR 16), 'base64'), '+/', '-_'), '=')
$$;

-- The canonical leaf data of SYNC-PROTOCOL.md 1.1, byte for byte what lib/transparency-log/leaf-data.ts builds.
CREATE FUNCTION log_leaf_data(c_at TIMESTAMPTZ, c_index BIGINT, c_op TEXT, c_phone TEXT, c_reason TEXT, c_salt TEXT, c_scope TEXT, c_sender TEXT, c_seq BIGINT)
RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT '{"at":"' || to_char(c_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      || '","index":' || c_index
      || ',"op":' || to_json(c_op)::text
      || ',"phone":' || to_json(c_phone)::text
      || ',"reason":' || to_json(c_reason)::text
      || ',"salt":' || to_json(c_salt)::text
      || ',"scope":' || to_json(c_scope)::text
      || ',"sender":' || coalesce(to_json(c_sender)::text, 'null')
      || ',"seq":' || c_seq || '}'
$$;

CREATE FUNCTION log_leaf_hash(data TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256('\x00'::bytea || convert_to(data, 'UTF8'))
$$;

-- Builds, set-based, the interior nodes that leaves [from_size, to_size) complete (their level-0 hashes
-- must be stored already). Used by the backfill below and by bulk loaders (the benchmark's generator).
CREATE FUNCTION log_build_levels(from_size BIGINT, to_size BIGINT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  lvl INT := 0;
  span BIGINT := 2;
BEGIN
  WHILE span <= to_size LOOP
    INSERT INTO log_hashes (level, idx, hash)
    SELECT lvl + 1, a.idx / 2, sha256('\x01'::bytea || a.hash || b.hash)
    FROM log_hashes a JOIN log_hashes b ON b.level = lvl AND b.idx = a.idx + 1
    WHERE a.level = lvl AND a.idx % 2 = 0 AND a.idx / 2 >= from_size / span AND a.idx / 2 < to_size / span;
    lvl := lvl + 1;
    span := span * 2;
  END LOOP;
END $$;

-- One new change: its index, salt and leaf, and the O(log n) subtree roots it completes.
CREATE FUNCTION log_append_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  i BIGINT;
  h BYTEA;
  lvl INT := 0;
  sibling BYTEA;
  sender_code TEXT;
BEGIN
  IF NEW.log_index IS NOT NULL THEN
    RETURN NEW; -- a bulk loader that builds the log itself (log_build_levels)
  END IF;
  -- The feed lock (lib/oppositions/feed-lock.ts) orders indexes as it orders seqs; taken again here so
  -- that no writer can append out of order. Re-taking it in the same transaction is free.
  PERFORM pg_advisory_xact_lock(727367100);
  UPDATE log_size SET size = size + 1 WHERE id = 1 RETURNING size - 1 INTO i;
  IF i IS NULL THEN
    INSERT INTO log_size (id, size) VALUES (1, 1);
    i := 0;
  END IF;
  NEW.log_index := i;
  NEW.salt := coalesce(NEW.salt, log_new_salt());
  SELECT code INTO sender_code FROM senders WHERE id = NEW.sender_id;
  h := log_leaf_hash(log_leaf_data(NEW.at, i, NEW.op::text, NEW.phone, NEW.reason, NEW.salt, NEW.scope::text, sender_code, NEW.seq));
  INSERT INTO log_hashes (level, idx, hash) VALUES (0, i, h);
  WHILE i % 2 = 1 LOOP
    SELECT hash INTO STRICT sibling FROM log_hashes WHERE level = lvl AND idx = i - 1;
    h := sha256('\x01'::bytea || sibling || h);
    lvl := lvl + 1;
    i := i / 2;
    INSERT INTO log_hashes (level, idx, hash) VALUES (lvl, i, h);
  END LOOP;
  RETURN NEW;
END $$;

-- For bulk loaders that write log_index (in seq order, from the current size on) and salt themselves, with
-- the trigger off (the benchmark's 10 M-change generator): stores their leaves and the subtrees they
-- complete, set-based, and moves the size. Also the backfill of the changes written before this migration.
CREATE FUNCTION log_complete_bulk_load() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  from_size BIGINT := coalesce((SELECT size FROM log_size WHERE id = 1), 0);
  to_size BIGINT;
BEGIN
  PERFORM pg_advisory_xact_lock(727367100);
  INSERT INTO log_hashes (level, idx, hash)
  SELECT 0, c.log_index, log_leaf_hash(log_leaf_data(c.at, c.log_index, c.op::text, c.phone, c.reason, c.salt, c.scope::text, s.code, c.seq))
  FROM opposition_changes c LEFT JOIN senders s ON s.id = c.sender_id
  WHERE c.log_index >= from_size;
  to_size := coalesce((SELECT max(log_index) + 1 FROM opposition_changes), 0);
  INSERT INTO log_size (id, size) VALUES (1, to_size) ON CONFLICT (id) DO UPDATE SET size = EXCLUDED.size;
  PERFORM log_build_levels(from_size, to_size);
  RETURN to_size;
END $$;

-- Backfill: past changes in seq order, with fresh salts.
UPDATE "opposition_changes" c SET "log_index" = n.rn - 1, "salt" = log_new_salt()
FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS rn FROM "opposition_changes") n WHERE n.seq = c.seq;
SELECT log_complete_bulk_load();

ALTER TABLE "opposition_changes" ALTER COLUMN "log_index" SET NOT NULL, ALTER COLUMN "salt" SET NOT NULL;
CREATE UNIQUE INDEX "opposition_changes_log_index_key" ON "opposition_changes" ("log_index");

CREATE TRIGGER "opposition_changes_log" BEFORE INSERT ON "opposition_changes"
FOR EACH ROW EXECUTE FUNCTION log_append_change();

-- A leaf, once written, is never rewritten: log:verify would notice, but refusing is better.
CREATE FUNCTION log_refuse_rewrite() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the transparency log is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER "log_hashes_append_only" BEFORE UPDATE OR DELETE ON "log_hashes"
FOR EACH ROW EXECUTE FUNCTION log_refuse_rewrite();
