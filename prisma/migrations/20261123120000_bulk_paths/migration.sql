-- Hand-written where Prisma's schema language falls short (column collations, a partial covering index).
-- Measured on 5 M oppositions and 100 000-number calls (docs/benchmarks.md); see README "Migrations".

-- Phone numbers, link codes and campaign names are ASCII identifiers: byte order ("C") is exact for them
-- and makes every btree comparison far cheaper than the database locale's.
ALTER TABLE "oppositions" ALTER COLUMN "phone" TYPE text COLLATE "C";
ALTER TABLE "opposition_changes" ALTER COLUMN "phone" TYPE text COLLATE "C";
ALTER TABLE "stop_links" ALTER COLUMN "code" TYPE text COLLATE "C", ALTER COLUMN "phone" TYPE text COLLATE "C", ALTER COLUMN "campaign" TYPE text COLLATE "C";

-- Washing probes up to 100 000 numbers a call against what is in force. This index holds only the rows in
-- force and covers scope and sender, so each probe is one index-only lookup.
CREATE INDEX "oppositions_in_force_phone_idx" ON "oppositions" ("phone") INCLUDE ("scope", "sender_id") WHERE "withdrawn_at" IS NULL;

-- Nothing reads links by provider; the index only slowed minting (100 000 rows a call).
DROP INDEX "stop_links_provider_id_idx";

-- Changing a column's type drops its statistics; without them the planner mis-joins the landing page's
-- query (a merge join over millions of rows instead of three index probes).
ANALYZE "oppositions";
ANALYZE "opposition_changes";
ANALYZE "stop_links";
