-- A reinstatement looks for the latest applied disconnection of its number at or before its time: one
-- ordered index read per number, instead of intersecting the (phone, at) index with every disconnection.
CREATE INDEX "number_events_disconnections_by_phone" ON "number_events" ("phone", "at" DESC, "id" DESC)
  WHERE "event" = 'disconnected';
