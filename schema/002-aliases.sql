-- Other ways a person is written ("Kurt Garloff", "Kurt" for @garloff), from the alias file.
-- The file is the truth (teams keep it with their minutes); this table mirrors it for queries.
CREATE TABLE aliases (
  alias     TEXT PRIMARY KEY,          -- normalised name
  person_id TEXT NOT NULL              -- normalised handle or name it stands for
);
CREATE INDEX aliases_person ON aliases (person_id);
