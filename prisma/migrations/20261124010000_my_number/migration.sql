-- "My number": SMS codes, the development outbox, gateway failures, the reason of each feed change
-- (SYNC-PROTOCOL.md 1.1), and the indexes that read one number's history and links.

-- Why each change happened. Existing rows: every add was a person's refusal and every remove a withdrawal.
ALTER TABLE "opposition_changes" ADD COLUMN "reason" TEXT NOT NULL DEFAULT 'opposed';
UPDATE "opposition_changes" SET "reason" = 'withdrawn' WHERE "op" = 'remove';
ALTER TABLE "opposition_changes" ALTER COLUMN "reason" DROP DEFAULT;
ALTER TABLE "opposition_changes" ADD CONSTRAINT "opposition_changes_reason_check" CHECK (
  ("op" = 'add' AND "reason" IN ('opposed', 'reinstated')) OR ("op" = 'remove' AND "reason" IN ('withdrawn', 'number-disconnected')));

-- One number's history (/number) and the links minted for it ("who has my number").
CREATE INDEX "opposition_changes_phone_seq_idx" ON "opposition_changes" ("phone", "seq");
CREATE INDEX "stop_links_phone_created_at_idx" ON "stop_links" ("phone", "created_at");

-- One-time codes: only a keyed hash is kept; single use, a few tries, short life.
CREATE TABLE "verification_codes" (
    "id" BIGSERIAL NOT NULL,
    "phone" TEXT COLLATE "C" NOT NULL,
    "code_hash" BYTEA NOT NULL,
    "address" TEXT NOT NULL,
    "tries" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "verification_codes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "verification_codes_phone_created_at_idx" ON "verification_codes" ("phone", "created_at");
CREATE INDEX "verification_codes_created_at_idx" ON "verification_codes" ("created_at");

-- The development gateway: what would have been sent (npm run admin -- sms:outbox).
CREATE TABLE "sms_outbox" (
    "id" BIGSERIAL NOT NULL,
    "phone" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sms_outbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sms_outbox_phone_id_idx" ON "sms_outbox" ("phone", "id");
CREATE INDEX "sms_outbox_created_at_idx" ON "sms_outbox" ("created_at");

-- Gateway failures, counted on the staff dashboard. Never the number: the error and the gateway only.
CREATE TABLE "sms_failures" (
    "id" BIGSERIAL NOT NULL,
    "gateway" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sms_failures_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sms_failures_at_idx" ON "sms_failures" ("at");
