-- Sign-in lock-out decided by one atomic statement per attempt, per (account, client address): a person
-- who mistypes is locked alone, and nobody can lock an administrator out from another address.
-- Rows also exist for emails that have no account, so that a lock-out does not reveal who has one.
CREATE TABLE "sign_in_attempts" (
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locks" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("email", "address")
);
CREATE INDEX "sign_in_attempts_updated_at_idx" ON "sign_in_attempts" ("updated_at");

-- The per-account counters were read, then written after argon2: a race let hundreds of guesses through.
ALTER TABLE "staff_users" DROP COLUMN "failed_logins", DROP COLUMN "locked_until";
-- A TOTP code is accepted once: the last accepted 30 s step is remembered.
ALTER TABLE "staff_users" ADD COLUMN "totp_last_step" BIGINT;
-- Signing out bumps it; sessions carry the version they were issued with, so an old JWT is dead.
ALTER TABLE "staff_users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
