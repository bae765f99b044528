-- Which client made each signed call (User-Agent, at most 200 characters): the staff provider page shows
-- whether a provider runs the StopSMS gate (SYNC-PROTOCOL 1.2 "The gate identifies itself") and its version.
ALTER TABLE "access_logs" ADD COLUMN "user_agent" TEXT;
