-- Search forgives word forms: the index stems words with FTS5's porter tokenizer over unicode61
-- ("keycloaks" finds "keycloak", "deciding" finds "decided"). What a document is about goes in a
-- column of its own, `topic`: a decision's or action item's agenda topic, so that "Promise.try
-- stage 4" finds the conclusion "Stage 4" under the topic "Promise.try for Stage 4", and a
-- meeting's title (src/store/search-docs.ts).
-- The index is rebuilt from what it indexed: a meeting's title and markdown, an item's text.
DROP TRIGGER search_docs_delete;
DROP TABLE search;

CREATE VIRTUAL TABLE search USING fts5 (
  decision, action, meeting, topic,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO search (rowid, decision, action, meeting, topic)
  SELECT d.id,
    CASE WHEN d.kind = 'decision' THEN x.text END,
    CASE WHEN d.kind = 'action' THEN a.text END,
    CASE WHEN d.kind = 'meeting' THEN coalesce(m.title, '') || char(10) || m.body END,
    CASE WHEN d.kind = 'meeting' THEN m.title ELSE coalesce(x.agenda, a.agenda) END
  FROM search_docs d JOIN meetings m ON m.id = d.meeting_id
  LEFT JOIN decisions x ON d.kind = 'decision' AND x.id = d.ref_id
  LEFT JOIN action_items a ON d.kind = 'action' AND a.id = d.ref_id;

-- The index's own vocabulary (stems, with the number of documents of each): "did you mean".
DROP TABLE IF EXISTS search_vocab;
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search, row);

CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
  DELETE FROM search WHERE rowid = old.id;
  DELETE FROM search_doc_facets WHERE doc_id = old.id;
END;
