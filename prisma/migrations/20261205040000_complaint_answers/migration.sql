-- Every provider's answer to a complaint, each kept (a later answer is added, never overwrites): the verdict's
-- timeline and the evidence pack show them all, with the key that signed each.
CREATE TABLE "complaint_answers" (
    "id" BIGSERIAL PRIMARY KEY,
    "complaint_id" TEXT NOT NULL REFERENCES "complaints"("id") ON DELETE CASCADE,
    "provider_id" INTEGER NOT NULL REFERENCES "providers"("id"),
    "keyid" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL,
    "late" BOOLEAN NOT NULL
);
CREATE INDEX "complaint_answers_complaint" ON "complaint_answers" ("complaint_id", "answered_at");

-- Earlier answers, as the history's first entries.
INSERT INTO "complaint_answers" ("complaint_id", "provider_id", "keyid", "action", "text", "answered_at", "late")
SELECT c."id", k."provider_id", c."response_keyid", c."response_action", coalesce(c."response_text", ''), c."responded_at",
       c."respond_by" IS NOT NULL AND c."responded_at" > c."respond_by"
FROM "complaints" c JOIN "provider_keys" k ON k."keyid" = c."response_keyid"
WHERE c."responded_at" IS NOT NULL;

-- The provider whose answers the complaint's summary (response_*) follows: the link's provider, or for a
-- complaint without a link the first provider that answered.
ALTER TABLE "complaints" ADD COLUMN "response_provider_id" INTEGER REFERENCES "providers"("id");
UPDATE "complaints" c SET "response_provider_id" = k."provider_id" FROM "provider_keys" k WHERE k."keyid" = c."response_keyid";

-- The same link reported again counts once: one complaint, reported n times.
ALTER TABLE "complaints" ADD COLUMN "reported_times" INTEGER NOT NULL DEFAULT 1;
CREATE INDEX "complaints_link_code" ON "complaints" ("link_code") WHERE "link_code" IS NOT NULL;
