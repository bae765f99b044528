-- Provenance (SYNC-PROTOCOL 1.2, docs/protocol.md): the registered origins of numbers (list sources), each
-- campaign's declaration (on whose behalf, on what basis, from which list), and a third opposition scope,
-- `source`: the number refuses every campaign that declares that list source.
--
-- All migrations of a run share one transaction (lib/db/migrate.ts): the enum values added here cannot be
-- used by SQL in this run (PostgreSQL: "unsafe use of new value"), so nothing below names them.
ALTER TYPE "Scope" ADD VALUE 'source';
ALTER TYPE "ComplaintReason" ADD VALUE 'no_consent';

CREATE TABLE "list_sources" (
    "id" SERIAL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    -- broker (sells or rents lists) | partner (shares its customers); `own` is implicit (no row).
    "kind" TEXT NOT NULL CHECK ("kind" IN ('broker', 'partner')),
    -- RC (commercial register) or ANRT number.
    "registration" TEXT,
    "contact" TEXT,
    "suspended_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "list_sources_code_key" ON "list_sources" ("code");

-- Fixed by the first mint of a (sender, campaign); list_source_id NULL means `own`.
CREATE TABLE "campaign_declarations" (
    "sender_id" INTEGER NOT NULL REFERENCES "senders"("id"),
    "campaign" TEXT COLLATE "C" NOT NULL,
    "provider_id" INTEGER NOT NULL REFERENCES "providers"("id"),
    "advertiser" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "basis" TEXT NOT NULL CHECK ("basis" IN ('consent', 'customer')),
    "list_source_id" INTEGER REFERENCES "list_sources"("id"),
    "collected_at" TEXT NOT NULL,
    "collected_how" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("sender_id", "campaign")
);
CREATE INDEX "campaign_declarations_list_source_id_idx" ON "campaign_declarations" ("list_source_id");

ALTER TABLE "oppositions" ADD COLUMN "list_source_id" INTEGER REFERENCES "list_sources"("id");
ALTER TABLE "opposition_changes" ADD COLUMN "list_source_id" INTEGER;
ALTER TABLE "receipts" ADD COLUMN "list_source_id" INTEGER;
ALTER TABLE "snapshot_build_files" ADD COLUMN "list_source_id" INTEGER REFERENCES "list_sources"("id");

-- A scope "sender" row names a sender and only it; a scope "source" row (neither all nor sender) names a
-- list source and only it.
ALTER TABLE "oppositions" DROP CONSTRAINT "oppositions_scope_sender_check",
  ADD CONSTRAINT "oppositions_scope_sender_check" CHECK (("scope" = 'sender') = ("sender_id" IS NOT NULL)
    AND ("list_source_id" IS NOT NULL) = ("scope" <> 'all' AND "scope" <> 'sender'));
ALTER TABLE "opposition_changes" DROP CONSTRAINT "opposition_changes_scope_sender_check",
  ADD CONSTRAINT "opposition_changes_scope_sender_check" CHECK (("scope" = 'sender') = ("sender_id" IS NOT NULL)
    AND ("list_source_id" IS NOT NULL) = ("scope" <> 'all' AND "scope" <> 'sender'));
ALTER TABLE "daily_opposition_stats" DROP CONSTRAINT "daily_opposition_stats_scope_sender_check",
  ADD CONSTRAINT "daily_opposition_stats_scope_sender_check" CHECK (("scope" = 'sender') = ("sender_id" IS NOT NULL));

DROP INDEX "oppositions_phone_scope_sender_id_key";
CREATE UNIQUE INDEX "oppositions_phone_scope_sender_id_key" ON "oppositions" ("phone", "scope", "sender_id", "list_source_id") NULLS NOT DISTINCT WHERE "canary_provider_id" IS NULL;
DROP INDEX "oppositions_in_force_phone_idx";
CREATE INDEX "oppositions_in_force_phone_idx" ON "oppositions" ("phone") INCLUDE ("scope", "sender_id", "list_source_id") WHERE "withdrawn_at" IS NULL;
DROP INDEX "snapshot_build_files_build_id_scope_sender_id_key";
CREATE UNIQUE INDEX "snapshot_build_files_build_id_scope_sender_id_key" ON "snapshot_build_files" ("build_id", "scope", "sender_id", "list_source_id") NULLS NOT DISTINCT;

-- The leaf of a `source` change also covers its source code (member `source`, last in alphabetical order);
-- every other leaf keeps exactly its 1.1 bytes (lib/transparency-log/leaf-data.ts).
CREATE FUNCTION log_leaf_data_v2(c_at TIMESTAMPTZ, c_index BIGINT, c_op TEXT, c_phone TEXT, c_reason TEXT, c_salt TEXT, c_scope TEXT, c_sender TEXT, c_seq BIGINT, c_source TEXT)
RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN c_source IS NULL
    THEN log_leaf_data(c_at, c_index, c_op, c_phone, c_reason, c_salt, c_scope, c_sender, c_seq)
    ELSE left(log_leaf_data(c_at, c_index, c_op, c_phone, c_reason, c_salt, c_scope, c_sender, c_seq), -1)
         || ',"source":' || to_json(c_source)::text || '}'
  END
$$;

CREATE OR REPLACE FUNCTION log_append_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  i BIGINT;
  h BYTEA;
  lvl INT := 0;
  sibling BYTEA;
  sender_code TEXT;
  source_code TEXT;
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
  SELECT code INTO source_code FROM list_sources WHERE id = NEW.list_source_id;
  h := log_leaf_hash(log_leaf_data_v2(NEW.at, i, NEW.op::text, NEW.phone, NEW.reason, NEW.salt, NEW.scope::text, sender_code, NEW.seq, source_code));
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

CREATE OR REPLACE FUNCTION log_complete_bulk_load() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  from_size BIGINT := coalesce((SELECT size FROM log_size WHERE id = 1), 0);
  to_size BIGINT;
BEGIN
  PERFORM pg_advisory_xact_lock(727367100);
  -- EXECUTE: planned for this very bound (a range over the unique index), not a generic plan.
  EXECUTE 'INSERT INTO log_hashes (level, idx, hash)
           SELECT 0, c.log_index, log_leaf_hash(log_leaf_data_v2(c.at, c.log_index, c.op::text, c.phone, c.reason, c.salt, c.scope::text, s.code, c.seq, ls.code))
           FROM opposition_changes c LEFT JOIN senders s ON s.id = c.sender_id LEFT JOIN list_sources ls ON ls.id = c.list_source_id
           WHERE c.log_index >= $1' USING from_size;
  to_size := coalesce((SELECT max(log_index) + 1 FROM opposition_changes), 0);
  INSERT INTO log_size (id, size) VALUES (1, to_size) ON CONFLICT (id) DO UPDATE SET size = EXCLUDED.size;
  PERFORM log_build_levels(from_size, to_size);
  RETURN to_size;
END $$;
