-- "Has this disconnection been undone?" is asked for every reinstated number of a call (10 000 at once).
CREATE INDEX "number_events_undoes" ON "number_events" ("undoes") WHERE "undoes" IS NOT NULL;
