-- Search keys are digests and key fingerprints: random values. A B-tree over them is written at
-- random pages on every batch, which made the search insert the costliest statement of a Rekor v1
-- batch. A hash index stores 4-byte hash codes (about a quarter of the B-tree's size) and costs
-- less per insert; lookups by equality are all the search needs (key = ANY (...) runs as a
-- bitmap scan).
--
-- Rows stay unique per (log, key, entry) without a constraint: a batch inserts each new entry's
-- distinct keys once, in the same transaction as the entry, whose index is the entries' primary
-- key; a failed batch inserts nothing.
ALTER TABLE tlog_search DROP CONSTRAINT tlog_search_pkey;
CREATE INDEX tlog_search_key ON tlog_search USING hash (key);
