-- Settings of a knowledge base, such as the window that keeps open action items live
-- (live_meetings, live_days: src/track/item-states.ts).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The task of an item without its marker, owner prefix, arrows and status words
-- (src/track/task-text.ts), made when the series is linked; NULL until then.
ALTER TABLE tracked_items ADD COLUMN task TEXT;
