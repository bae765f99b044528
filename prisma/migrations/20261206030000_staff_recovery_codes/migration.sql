-- Ten single-use recovery codes per staff member with a second factor, shown once when it is activated: a lost
-- phone does not lock an administrator out. Only their SHA-256 is kept (80 random bits each: a hash cannot be
-- searched back); a code used is marked, never reused.
CREATE TABLE "staff_recovery_codes" (
    "id" BIGSERIAL PRIMARY KEY,
    "staff_user_id" INTEGER NOT NULL REFERENCES "staff_users"("id") ON DELETE CASCADE,
    "code_hash" BYTEA NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX "staff_recovery_codes_user_hash_key" ON "staff_recovery_codes" ("staff_user_id", "code_hash");
