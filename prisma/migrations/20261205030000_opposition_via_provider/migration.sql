-- The provider whose own traffic recorded an opposition (its STOP keyword relay, or a link it minted); NULL for
-- the web, "my number" and staff. A provider's START withdraws only what its own traffic recorded.
ALTER TABLE "oppositions" ADD COLUMN "via_provider_id" INTEGER REFERENCES "providers"("id");
