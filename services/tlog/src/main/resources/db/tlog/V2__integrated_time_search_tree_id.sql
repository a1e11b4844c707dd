-- Rekor v1 needs a tree ID per log (part of its origin and entry IDs), the time each entry was
-- integrated (signed into SETs), and a search index over entries.
ALTER TABLE tlog_log ADD COLUMN tree_id bigint;
UPDATE tlog_log SET tree_id = (floor(random() * 9007199254740991))::bigint WHERE tree_id IS NULL;
ALTER TABLE tlog_log ALTER COLUMN tree_id SET NOT NULL;

-- Seconds since the epoch at which the sequencer integrated the entry.
ALTER TABLE tlog_entry ADD COLUMN integrated_time bigint NOT NULL DEFAULT 0;

-- Search keys ("sha256:<hex>", "key:<hex>", "email:<addr>", ...) -> entries. Written in the same
-- transaction as the entries they point to.
CREATE TABLE tlog_search (
  log_id integer NOT NULL REFERENCES tlog_log (id),
  key    text    NOT NULL,
  idx    bigint  NOT NULL,
  PRIMARY KEY (log_id, key, idx)
);

ALTER TABLE tlog_pending ADD COLUMN search_keys text[] NOT NULL DEFAULT '{}';
