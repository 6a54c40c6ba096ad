-- Settings of a knowledge base, such as the window that keeps open action items live
-- (live_meetings, live_days: src/track/item-states.ts).
CREATE TABLE IF NOT EXISTS settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The task of an item without its marker, owner prefix, arrows and status words
-- (src/track/task-text.ts), made when the series is linked; NULL until then (lists show the text).
ALTER TABLE tracked_items ADD COLUMN task TEXT;

-- Search counts owners and statuses of items, not mentions (src/store/search-tally.ts): the latest
-- mention of each item carries the item's owners as a sixth facet value, the others null. Linking
-- keeps this up to date (src/store/tracked-items.ts); here it is set for what is linked already.
CREATE TEMP TABLE doc_item_facets AS
  SELECT d.id, json_set(f.facets, '$[5]', CASE WHEN t.last_mention_id = a.id THEN json(t.owners) END) AS facets
  FROM search_docs d JOIN action_items a ON a.id = d.ref_id JOIN tracked_items t ON t.id = a.item_id
  JOIN search_doc_facets x ON x.doc_id = d.id JOIN search_facets f ON f.id = x.facet_id
  WHERE d.kind = 'action';
INSERT OR IGNORE INTO search_facets (facets) SELECT facets FROM doc_item_facets;
UPDATE search_doc_facets SET facet_id =
  (SELECT f.id FROM doc_item_facets i JOIN search_facets f ON f.facets = i.facets WHERE i.id = search_doc_facets.doc_id)
WHERE doc_id IN (SELECT id FROM doc_item_facets);
DROP TABLE doc_item_facets;
