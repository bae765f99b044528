-- Number lifecycle (SYNC-PROTOCOL.md 1.1 number events) and canary entries (issue 12).

-- Operators assign the numbers: only they may report that a number left its subscriber.
ALTER TABLE "providers" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'provider',
    ADD CONSTRAINT "providers_kind_check" CHECK ("kind" IN ('provider', 'operator'));

-- Every event an operator reported, with the key that signed it and what it did. The same event reported
-- twice (same operator, number, event and time) is one row: a replayed batch changes nothing.
CREATE TABLE "number_events" (
    "id" BIGSERIAL NOT NULL,
    "phone" TEXT COLLATE "C" NOT NULL,
    "event" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "provider_id" INTEGER NOT NULL,
    "keyid" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended" INTEGER NOT NULL DEFAULT 0,
    "restored" INTEGER NOT NULL DEFAULT 0,
    -- A reinstatement: the disconnection it undid (none when there was none within 90 days).
    "undoes" BIGINT,
    CONSTRAINT "number_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "number_events_event_check" CHECK ("event" IN ('disconnected', 'reinstated', 'ported')),
    CONSTRAINT "number_events_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id"),
    CONSTRAINT "number_events_undoes_fkey" FOREIGN KEY ("undoes") REFERENCES "number_events"("id")
);
CREATE UNIQUE INDEX "number_events_once_key" ON "number_events" ("provider_id", "phone", "event", "at");
CREATE INDEX "number_events_phone_at_idx" ON "number_events" ("phone", "at");
CREATE INDEX "number_events_received_at_idx" ON "number_events" ("received_at");
-- A disconnection is undone at most once.
CREATE UNIQUE INDEX "number_events_undoes_key" ON "number_events" ("undoes") WHERE "undoes" IS NOT NULL;

-- Exactly which oppositions a disconnection ended, so that a reinstatement restores those and no other.
CREATE TABLE "number_event_endings" (
    "event_id" BIGINT NOT NULL,
    "opposition_id" BIGINT NOT NULL,
    CONSTRAINT "number_event_endings_pkey" PRIMARY KEY ("event_id", "opposition_id"),
    CONSTRAINT "number_event_endings_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "number_events"("id"),
    CONSTRAINT "number_event_endings_opposition_id_fkey" FOREIGN KEY ("opposition_id") REFERENCES "oppositions"("id")
);

-- Why an opposition is no longer in force: the person withdrew it, or the number left its subscriber.
-- Rows withdrawn before this migration keep NULL (withdrawn by their holder): rewriting millions of rows
-- would only restate what the feed already says.
ALTER TABLE "oppositions" ADD COLUMN "ended_reason" TEXT,
    ADD CONSTRAINT "oppositions_ended_reason_check" CHECK ("ended_reason" IN ('withdrawn', 'number-disconnected'));

-- Rollups: disconnections and reinstatements apart from people's own refusals and withdrawals
-- (in force = added + reinstated - withdrawn - ended).
ALTER TABLE "daily_opposition_stats" ADD COLUMN "ended" INTEGER NOT NULL DEFAULT 0, ADD COLUMN "reinstated" INTEGER NOT NULL DEFAULT 0;

-- Canary entries: oppositions in force that only one provider's snapshot and feed carry, on numbers from a
-- range the regulator never assigns. They live beside real oppositions (a real refusal of the same number
-- is its own row), are never counted, never shown to citizens.
ALTER TABLE "oppositions" ADD COLUMN "canary_provider_id" INTEGER,
    ADD CONSTRAINT "oppositions_canary_provider_id_fkey" FOREIGN KEY ("canary_provider_id") REFERENCES "providers"("id");
ALTER TABLE "opposition_changes" ADD COLUMN "canary_provider_id" INTEGER;
DROP INDEX "oppositions_phone_scope_sender_id_key";
CREATE UNIQUE INDEX "oppositions_phone_scope_sender_id_key" ON "oppositions" ("phone", "scope", "sender_id") NULLS NOT DISTINCT WHERE "canary_provider_id" IS NULL;
CREATE UNIQUE INDEX "oppositions_canary_phone_key" ON "oppositions" ("phone") INCLUDE ("canary_provider_id") WHERE "canary_provider_id" IS NOT NULL;

-- Integrity alerts: a provider's canary number seen in a call (a link minted, a list washed, a STOP
-- reported): that provider's list was used as a target list. One alert per call and list.
CREATE TABLE "integrity_alerts" (
    "id" BIGSERIAL NOT NULL,
    "list_provider_id" INTEGER NOT NULL,
    "caller_provider_id" INTEGER NOT NULL,
    "keyid" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "phones" TEXT[] NOT NULL,
    "details" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by" INTEGER,
    CONSTRAINT "integrity_alerts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "integrity_alerts_list_provider_id_fkey" FOREIGN KEY ("list_provider_id") REFERENCES "providers"("id"),
    CONSTRAINT "integrity_alerts_caller_provider_id_fkey" FOREIGN KEY ("caller_provider_id") REFERENCES "providers"("id"),
    CONSTRAINT "integrity_alerts_reviewed_by_fkey" FOREIGN KEY ("reviewed_by") REFERENCES "staff_users"("id")
);
CREATE INDEX "integrity_alerts_at_idx" ON "integrity_alerts" ("at");
CREATE INDEX "integrity_alerts_list_provider_id_idx" ON "integrity_alerts" ("list_provider_id");
