-- The knowledge base: one row per imported file of minutes, and the records parsed from it.
-- Everything hangs off meetings with ON DELETE CASCADE, so replacing a changed file is
-- "delete the meeting, insert it again" inside one transaction.

CREATE TABLE meetings (
  id           INTEGER PRIMARY KEY,
  source       TEXT NOT NULL UNIQUE,      -- path as given on import
  series       TEXT,
  date         TEXT,                      -- YYYY-MM-DD
  title        TEXT,
  content_hash TEXT NOT NULL,             -- sha256 of the file's bytes
  imported_at  TEXT NOT NULL,             -- ISO timestamp
  body         TEXT NOT NULL              -- the markdown, for the meeting view and full-text search
);
CREATE INDEX meetings_series_date ON meetings (series, date);
CREATE INDEX meetings_date ON meetings (date);

-- People learned from participant lists: "Kurt Garloff (@garloff)" teaches that the name and the handle are one person.
CREATE TABLE people (
  id     TEXT PRIMARY KEY,                -- normalised handle, or normalised name when no handle is known
  name   TEXT,
  handle TEXT
);
CREATE INDEX people_name ON people (lower(name));

CREATE TABLE participants (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  person_id  TEXT NOT NULL,
  name       TEXT,
  handle     TEXT,
  PRIMARY KEY (meeting_id, position)
);
CREATE INDEX participants_person ON participants (person_id);

CREATE TABLE agenda_items (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  line       INTEGER NOT NULL,
  title      TEXT NOT NULL,
  owners     TEXT NOT NULL,               -- JSON array of person ids (presenters)
  depth      INTEGER NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id);

CREATE TABLE action_items (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  line       INTEGER NOT NULL,
  text       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
  carried    INTEGER NOT NULL CHECK (carried IN (0, 1)),
  due        TEXT,
  agenda     TEXT
);
CREATE INDEX action_items_meeting ON action_items (meeting_id);
CREATE INDEX action_items_status ON action_items (status);

CREATE TABLE action_item_owners (
  action_item_id INTEGER NOT NULL REFERENCES action_items (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  owner          TEXT NOT NULL,
  PRIMARY KEY (action_item_id, position)
);
CREATE INDEX action_item_owners_owner ON action_item_owners (owner);

CREATE TABLE decisions (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  line       INTEGER NOT NULL,
  text       TEXT NOT NULL,
  agenda     TEXT
);
CREATE INDEX decisions_meeting ON decisions (meeting_id);

CREATE TABLE links (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  line       INTEGER NOT NULL,
  url        TEXT NOT NULL
);
CREATE INDEX links_meeting ON links (meeting_id);

CREATE TABLE warnings (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  line       INTEGER,
  message    TEXT NOT NULL
);
CREATE INDEX warnings_meeting ON warnings (meeting_id);

-- Full-text search. One document per decision, action item and meeting; each kind fills
-- its own column so that bm25() can weigh decisions and actions above meeting text.
-- search_docs maps an FTS rowid to what it indexes, and lets a meeting's documents be
-- found (and deleted with it) through an ordinary index.
CREATE TABLE search_docs (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('decision', 'action', 'meeting')),
  ref_id     INTEGER NOT NULL
);
CREATE INDEX search_docs_meeting ON search_docs (meeting_id);

CREATE VIRTUAL TABLE search USING fts5 (
  decision, action, meeting,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
  DELETE FROM search WHERE rowid = old.id;
END;
