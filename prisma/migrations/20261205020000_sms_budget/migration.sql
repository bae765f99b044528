-- SMS the platform sends (codes), counted per hour and number prefix (country code + 3 digits): the
-- platform-wide hourly budget, its 80 % dashboard alert, and the prefix that draws an anomalous share.
CREATE TABLE "sms_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "prefix" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY ("hour", "prefix")
);
