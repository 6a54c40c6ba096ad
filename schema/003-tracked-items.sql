-- Action items followed across meetings. Each row of action_items is one mention in one
-- meeting; item_id groups the mentions that are the same task (src/track/link-mentions.ts).
-- tracked_items is rebuilt for a series whenever one of its meetings is imported, so that
-- importing the same files in any order gives the same items.
ALTER TABLE action_items ADD COLUMN item_id TEXT;
CREATE INDEX action_items_item ON action_items (item_id);

CREATE TABLE tracked_items (
  id               TEXT PRIMARY KEY,        -- stable: from the series, first date and words of the first mention
  series           TEXT,
  text             TEXT NOT NULL,           -- as first raised
  owners           TEXT NOT NULL,           -- JSON array, of the latest mention that names any
  status           TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),  -- in effect: the minutes' or a later manual change
  minutes_status   TEXT NOT NULL,           -- as the latest mention reports it
  due              TEXT,
  first_raised     TEXT,
  last_mentioned   TEXT,
  meetings         INTEGER NOT NULL,
  first_mention_id INTEGER NOT NULL,
  last_mention_id  INTEGER NOT NULL
);
CREATE INDEX tracked_items_series ON tracked_items (series, status);
CREATE INDEX tracked_items_status ON tracked_items (status, first_raised);

CREATE TABLE tracked_item_owners (
  item_id TEXT NOT NULL REFERENCES tracked_items (id) ON DELETE CASCADE,
  owner   TEXT NOT NULL,
  PRIMARY KEY (item_id, owner)
);
CREATE INDEX tracked_item_owners_owner ON tracked_item_owners (owner);

-- Manual changes (`minutes ai close`, PATCH): kept across re-imports. One stays in effect
-- until minutes of a meeting after `as_of` report a status of their own.
CREATE TABLE item_changes (
  id         INTEGER PRIMARY KEY,
  item_id    TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
  note       TEXT,
  as_of      TEXT,                          -- the item's last mention date when it was changed
  -- What the item was, to find it again if an edit of its first mention changes its id.
  series       TEXT,
  first_raised TEXT,
  text         TEXT NOT NULL
);
CREATE INDEX item_changes_item ON item_changes (item_id, id);
