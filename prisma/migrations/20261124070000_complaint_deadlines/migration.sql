-- When the complaint-deadlines job found a provider's answer missing at its deadline: a fixed fact for the
-- evidence, not a figure recomputed later (an answer that comes after it stays late).
ALTER TABLE "complaints" ADD COLUMN "deadline_missed_at" TIMESTAMPTZ(3);
CREATE INDEX "complaints_respond_by_open_idx" ON "complaints" ("respond_by") WHERE "responded_at" IS NULL AND "deadline_missed_at" IS NULL;
