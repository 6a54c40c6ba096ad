-- What search filters and counts on, copied onto each search document, so that one pass over
-- the matches gives the total and every facet without joining meetings, action items and
-- tracked items for each match (src/store/search.ts).
-- series, date and owners never change while a document exists (a changed file is deleted and
-- inserted again); an action item's status does, when items are linked or closed by hand, and
-- refreshSearchStatus (src/store/tracked-items.ts) copies it again.
ALTER TABLE search_docs ADD COLUMN series TEXT;
ALTER TABLE search_docs ADD COLUMN date TEXT;      -- the meeting's, YYYY-MM-DD
ALTER TABLE search_docs ADD COLUMN status TEXT;    -- action items only: the item's status in effect

UPDATE search_docs SET
  series = (SELECT series FROM meetings WHERE id = search_docs.meeting_id),
  date = (SELECT date FROM meetings WHERE id = search_docs.meeting_id);
UPDATE search_docs SET
  status = (SELECT coalesce(t.status, a.status) FROM action_items a LEFT JOIN tracked_items t ON t.id = a.item_id WHERE a.id = search_docs.ref_id)
WHERE kind = 'action';

-- What facets count, as few numbers to read per match as possible: each distinct set of facet
-- values once (JSON [kind, series, year, status, owners]; owners an array for action items,
-- else null), and per document the number of its set, in a table of two integer columns that
-- is quick to look up for every match (`npm run bench`, 100x). A set is never changed or
-- deleted, so that search may keep what it read of one (a document whose status changes moves
-- to another set); sets no document uses any more stay, few, counting nothing.
CREATE TABLE search_facets (
  id     INTEGER PRIMARY KEY,
  facets TEXT NOT NULL UNIQUE
);
CREATE TABLE search_doc_facets (
  doc_id   INTEGER PRIMARY KEY,             -- search_docs.id
  facet_id INTEGER NOT NULL                 -- search_facets.id
);

CREATE TEMP TABLE doc_facets AS
  SELECT id, json_array(kind, series, substr(date, 1, 4), status, CASE WHEN kind = 'action' THEN
    (SELECT json_group_array(owner) FROM (SELECT owner FROM action_item_owners WHERE action_item_id = search_docs.ref_id ORDER BY position)) END) AS facets
  FROM search_docs;
INSERT OR IGNORE INTO search_facets (facets) SELECT facets FROM doc_facets;
INSERT INTO search_doc_facets (doc_id, facet_id) SELECT d.id, f.id FROM doc_facets d JOIN search_facets f ON f.facets = d.facets;
DROP TABLE doc_facets;

DROP TRIGGER search_docs_delete;
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
  DELETE FROM search WHERE rowid = old.id;
  DELETE FROM search_doc_facets WHERE doc_id = old.id;
END;
