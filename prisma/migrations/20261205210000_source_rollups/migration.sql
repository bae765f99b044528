-- Open data by list source (provenance): the daily refusal rollup names the list source a `source` refusal
-- is about, and a second rollup counts the links minted each day for the campaigns declaring each source, per
-- sender and provider (list_source_id NULL: the advertiser's own numbers; a campaign without a declaration is
-- not counted): the open data and the staff's sources pages read it instead of every link.
-- Like the provenance migration, nothing here names the enum value 'source' (one transaction per run).
ALTER TABLE "daily_opposition_stats" ADD COLUMN "list_source_id" INTEGER REFERENCES "list_sources"("id");

-- Until now a day's source refusals were one row for every source together: recount them per source from
-- the feed, as the rollup check does (lib/jobs/check-rollups.ts).
DELETE FROM "daily_opposition_stats" WHERE "sender_id" IS NULL AND "scope" <> 'all';
INSERT INTO "daily_opposition_stats" ("day", "scope", "sender_id", "list_source_id", "source", "added", "withdrawn", "ended", "reinstated")
SELECT ("at" AT TIME ZONE 'Africa/Casablanca')::date, "scope", NULL, "list_source_id", "source",
       count(*) FILTER (WHERE "op" = 'add' AND "reason" = 'opposed'),
       count(*) FILTER (WHERE "op" = 'remove' AND "reason" = 'withdrawn'),
       count(*) FILTER (WHERE "reason" = 'number-disconnected'),
       count(*) FILTER (WHERE "reason" = 'reinstated')
FROM "opposition_changes" WHERE "list_source_id" IS NOT NULL AND "canary_provider_id" IS NULL
GROUP BY 1, 2, 4, 5;

ALTER TABLE "daily_opposition_stats" DROP CONSTRAINT "daily_opposition_stats_scope_sender_check",
  ADD CONSTRAINT "daily_opposition_stats_scope_sender_check" CHECK (("scope" = 'sender') = ("sender_id" IS NOT NULL)
    AND ("list_source_id" IS NOT NULL) = ("scope" <> 'all' AND "scope" <> 'sender'));
DROP INDEX "daily_opposition_stats_day_scope_sender_id_source_key";
CREATE UNIQUE INDEX "daily_opposition_stats_key" ON "daily_opposition_stats" ("day", "scope", "sender_id", "list_source_id", "source") NULLS NOT DISTINCT;

CREATE TABLE "daily_source_link_stats" (
    "id" SERIAL PRIMARY KEY,
    "day" DATE NOT NULL,
    "list_source_id" INTEGER REFERENCES "list_sources"("id"),
    "sender_id" INTEGER NOT NULL REFERENCES "senders"("id"),
    "provider_id" INTEGER NOT NULL REFERENCES "providers"("id"),
    "minted" INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX "daily_source_link_stats_key" ON "daily_source_link_stats" ("day", "list_source_id", "sender_id", "provider_id") NULLS NOT DISTINCT;
CREATE INDEX "daily_source_link_stats_list_source_id_idx" ON "daily_source_link_stats" ("list_source_id");

-- What was minted before this rollup existed, from the links themselves (one per number and campaign).
INSERT INTO "daily_source_link_stats" ("day", "list_source_id", "sender_id", "provider_id", "minted")
SELECT (l."created_at" AT TIME ZONE 'Africa/Casablanca')::date, d."list_source_id", l."sender_id", l."provider_id", count(*)
FROM "stop_links" l JOIN "campaign_declarations" d ON d."sender_id" = l."sender_id" AND d."campaign" = l."campaign"
GROUP BY 1, 2, 3, 4;
