-- Operators act only on their own numbers (SYNC-PROTOCOL.md 1.2): the E.164 blocks the ANRT assigned to each,
-- and the numbers last ported to it. Ranges are compared as text of equal length (E.164 digits, same length).
CREATE TABLE "provider_number_ranges" (
    "id" SERIAL PRIMARY KEY,
    "provider_id" INTEGER NOT NULL REFERENCES "providers"("id") ON DELETE CASCADE,
    "first_number" TEXT NOT NULL,
    "last_number" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CONSTRAINT "provider_number_ranges_shape" CHECK (
        "first_number" ~ '^\+[1-9][0-9]{5,14}$' AND length("first_number") = length("last_number")
        AND "first_number" <= "last_number"),
    CONSTRAINT "provider_number_ranges_unique" UNIQUE ("provider_id", "first_number", "last_number")
);
CREATE INDEX "provider_number_ranges_first" ON "provider_number_ranges" ("first_number");

-- A ported number belongs to the operator it was last ported to, whatever the ranges say.
CREATE TABLE "number_owners" (
    "phone" TEXT PRIMARY KEY,
    "provider_id" INTEGER NOT NULL REFERENCES "providers"("id"),
    "since" TIMESTAMPTZ(3) NOT NULL,
    "event_id" BIGINT NOT NULL
);

-- applied | held (past the daily review threshold, waiting for staff) | rejected (by staff).
ALTER TABLE "number_events" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'applied';
ALTER TABLE "number_events" ADD COLUMN "held_alert_id" BIGINT;
ALTER TABLE "number_events" ADD COLUMN "to_provider_id" INTEGER REFERENCES "providers"("id");
CREATE INDEX "number_events_held" ON "number_events" ("held_alert_id") WHERE "held_alert_id" IS NOT NULL;
CREATE INDEX "number_events_daily_disconnections" ON "number_events" ("provider_id", "received_at")
    WHERE "event" = 'disconnected';

-- canary (a provider's canary number seen in a call) | number-events-held (an operator's mass events).
ALTER TABLE "integrity_alerts" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'canary';
