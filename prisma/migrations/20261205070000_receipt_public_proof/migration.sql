-- A receipt of an unverified /stop refusal, new or repeated, never shows its register entry: a repeated
-- refusal's receipt names the first change, whose old entry number would tell whoever typed a number that
-- its holder had refused long ago. Both look alike.
ALTER TABLE "receipts" ADD COLUMN "public_proof" BOOLEAN NOT NULL DEFAULT true;
