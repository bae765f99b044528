-- Refusals typed on /stop by someone who did not prove the number is theirs, counted per hour: a global cap
-- (a script cannot oppose the whole numbering plan) and the dashboard's alert and daily share.
CREATE TABLE "unverified_refusals_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "unverified_refusals_hourly_pkey" PRIMARY KEY ("hour")
);
