-- The participant an owner names, where the minutes write a first name or initials that one
-- participant of the same meeting has ("Kurt" -> garloff, "AWB" -> allen wirfs-brock): the
-- parser's resolvedOwners. NULL where the owner is its own id. Checks for unknown owners use it.
ALTER TABLE action_item_owners ADD COLUMN person_id TEXT;

-- The initials a participant list gives ("Allen Wirfs-Brock (AWB)"), by which transcripts name speakers.
ALTER TABLE participants ADD COLUMN initials TEXT;
