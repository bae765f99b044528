-- "My number" sessions ended by their holder before they expire: the signed cookie alone would stay valid
-- until its expiry in any copy of it. Kept until that expiry.
CREATE TABLE "number_session_revocations" (
    "id" TEXT PRIMARY KEY,
    "expires_at" TIMESTAMPTZ(3) NOT NULL
);
