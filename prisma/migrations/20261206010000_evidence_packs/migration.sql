-- Every evidence pack handed out, by the SHA-256 of the JSON file delivered (alone, or attached to its PDF):
-- /verify-pack tells anyone holding a fingerprint whether StopSMS issued it, and when. The file's content
-- is not kept: a pack is rebuilt from the data on each download.
CREATE TABLE "evidence_packs" (
    "fingerprint" CHAR(64) PRIMARY KEY,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "kind" TEXT NOT NULL,
    "subject" JSONB NOT NULL,
    "size" INTEGER NOT NULL
);
