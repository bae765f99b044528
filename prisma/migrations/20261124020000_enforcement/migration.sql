-- Enforcement (SYNC-PROTOCOL.md 1.1 ack and complaints): the history of what each provider fetched and
-- acknowledged, so that "when had provider P fetched / applied change N?" has an exact answer for any
-- past N; and complaints that carry their link, provider, verdict, facts and the provider's answer.

-- One row each time a provider's progress moves forward (never when it re-reads old pages).
CREATE TABLE "provider_fetches" (
    "id" BIGSERIAL NOT NULL,
    "provider_id" INTEGER NOT NULL,
    "reached" BIGINT NOT NULL,
    "keyid" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "provider_fetches_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "provider_fetches_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id")
);
CREATE INDEX "provider_fetches_provider_id_reached_idx" ON "provider_fetches" ("provider_id", "reached");

CREATE TABLE "provider_acks" (
    "id" BIGSERIAL NOT NULL,
    "provider_id" INTEGER NOT NULL,
    "applied" BIGINT NOT NULL,
    "keyid" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "provider_acks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "provider_acks_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id")
);
CREATE INDEX "provider_acks_provider_id_applied_idx" ON "provider_acks" ("provider_id", "applied");

ALTER TABLE "providers" ADD COLUMN "acked_seq" BIGINT NOT NULL DEFAULT 0, ADD COLUMN "acked_at" TIMESTAMPTZ(3);

ALTER TABLE "complaints"
    ADD COLUMN "link_code" TEXT,
    ADD COLUMN "provider_id" INTEGER,
    ADD COLUMN "verified" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "share_phone" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "originator" TEXT,
    ADD COLUMN "originator_phone" TEXT,
    ADD COLUMN "verdict" TEXT,
    ADD COLUMN "facts" JSONB,
    ADD COLUMN "assessed_at" TIMESTAMPTZ(3),
    ADD COLUMN "respond_by" TIMESTAMPTZ(3),
    ADD COLUMN "response_action" TEXT,
    ADD COLUMN "response_text" TEXT,
    ADD COLUMN "responded_at" TIMESTAMPTZ(3),
    ADD COLUMN "response_keyid" TEXT,
    ADD CONSTRAINT "complaints_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id"),
    ADD CONSTRAINT "complaints_verdict_check" CHECK ("verdict" IN ('violation', 'within-deadline', 'no-opposition', 'undetermined')),
    ADD CONSTRAINT "complaints_response_action_check" CHECK ("response_action" IN ('suppressed', 'disputed', 'investigating'));
CREATE INDEX "complaints_created_at_id_idx" ON "complaints" ("created_at", "id");
CREATE INDEX "complaints_provider_id_idx" ON "complaints" ("provider_id");
CREATE INDEX "complaints_originator_idx" ON "complaints" ("originator");
CREATE INDEX "complaints_phone_idx" ON "complaints" ("phone");
