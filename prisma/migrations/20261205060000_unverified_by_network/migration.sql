-- Unverified refusals per hour and client network (/24 IPv4, /56 IPv6): one network cannot spend the whole
-- platform's hourly cap; past its own, its citizens are offered the verified way ("my number").
CREATE TABLE "unverified_refusals_network_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "network" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY ("hour", "network")
);
