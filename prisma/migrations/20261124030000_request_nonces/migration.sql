-- The replay window of signed requests when no Redis is configured: kept in PostgreSQL, so a restart or a
-- second instance does not forget which nonces were used (never only in one process's memory in production).
CREATE TABLE "request_nonces" (
    "key" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "request_nonces_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "request_nonces_expires_at_idx" ON "request_nonces" ("expires_at");
