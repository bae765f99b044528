-- Snapshot files (SYNC-PROTOCOL.md 1.1, issue 16): the list in force at a feed seq, one gzip NDJSON file for
-- scope "all" and one per sender, built in the background and shared by every provider. Stored in the
-- database, in 1 MiB chunks: every app instance serves the same files, and a backup holds them too.
CREATE TABLE "snapshot_files" (
    "id" BIGSERIAL PRIMARY KEY,
    -- Hex SHA-256 of the gzip bytes, the file's name; NULL while it is being written.
    "sha256" TEXT UNIQUE,
    "scope" "Scope" NOT NULL,
    "sender_id" INTEGER REFERENCES "senders"("id"),
    "entries" BIGINT NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    -- The Content-Digest header of a download, computed once when the file is built.
    "content_digest" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE TABLE "snapshot_file_chunks" (
    "file_id" BIGINT NOT NULL REFERENCES "snapshot_files"("id") ON DELETE CASCADE,
    "idx" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    PRIMARY KEY ("file_id", "idx")
);

-- One build: the feed seq its files are consistent with, and when a manifest last named it (a build is
-- deleted once no manifest younger than 24 h names it; its files when no kept build names them).
CREATE TABLE "snapshot_builds" (
    "id" BIGSERIAL PRIMARY KEY,
    "at" BIGINT NOT NULL,
    "build_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "last_served_at" TIMESTAMPTZ(3)
);

CREATE TABLE "snapshot_build_files" (
    "build_id" BIGINT NOT NULL REFERENCES "snapshot_builds"("id") ON DELETE CASCADE,
    "file_id" BIGINT NOT NULL REFERENCES "snapshot_files"("id"),
    PRIMARY KEY ("build_id", "file_id")
);
CREATE INDEX "snapshot_build_files_file_id_idx" ON "snapshot_build_files"("file_id");

