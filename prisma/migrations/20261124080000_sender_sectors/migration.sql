-- Senders' sectors, for the open statistics (issue 14): a short fixed list, "other" until staff set it.
ALTER TABLE "senders" ADD COLUMN "sector" TEXT NOT NULL DEFAULT 'other',
    ADD CONSTRAINT "senders_sector_check" CHECK ("sector" IN ('banking', 'telecom', 'retail', 'real-estate', 'insurance', 'politics', 'other'));
