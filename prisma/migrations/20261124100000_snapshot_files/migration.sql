-- Snapshot files (SYNC-PROTOCOL.md 1.1, issue 16): the list in force at a feed seq, one gzip NDJSON file for
-- scope "all" and one per sender, built in the background and shared by every provider. Stored in the
-- database, in 1 MiB chunks: every app instance serves the same files, and a backup holds them too.
CREATE TABLE "snapshot_files" (
    "id" BIGSERIAL PRIMARY KEY,
    -- Hex SHA-256 of the gzip bytes, the file's name; NULL while it is being written.
    "sha256" TEXT UNIQUE,
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

-- Which file holds which list in a build. The list (scope, sender) belongs here, not to the file: files are
-- named by their bytes, and every sender nobody opposed has the same (empty) file.
CREATE TABLE "snapshot_build_files" (
    "id" BIGSERIAL PRIMARY KEY,
    "build_id" BIGINT NOT NULL REFERENCES "snapshot_builds"("id") ON DELETE CASCADE,
    "file_id" BIGINT NOT NULL REFERENCES "snapshot_files"("id"),
    "scope" "Scope" NOT NULL,
    "sender_id" INTEGER REFERENCES "senders"("id")
);
CREATE UNIQUE INDEX "snapshot_build_files_build_id_scope_sender_id_key" ON "snapshot_build_files"("build_id", "scope", "sender_id") NULLS NOT DISTINCT;
CREATE INDEX "snapshot_build_files_file_id_idx" ON "snapshot_build_files"("file_id");
