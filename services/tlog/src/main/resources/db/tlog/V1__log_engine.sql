-- Transparency log engine storage. See docs/architecture.md "Log storage contract".
-- One row per hosted log: the sequencing state, the lease, and the last signed checkpoint.
CREATE TABLE tlog_log (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text        NOT NULL UNIQUE,
  origin          text        NOT NULL,
  -- entries [0, persisted_size) are durable in tlog_entry and hashed into tlog_tile
  persisted_size  bigint      NOT NULL DEFAULT 0 CHECK (persisted_size >= 0),
  -- the last signed checkpoint; checkpoint_size <= persisted_size
  checkpoint_size bigint      NOT NULL DEFAULT 0 CHECK (checkpoint_size >= 0),
  root_hash       bytea,
  checkpoint      text,
  lease_holder    text,
  lease_epoch     bigint      NOT NULL DEFAULT 0,
  lease_expires   timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (checkpoint_size <= persisted_size)
);

-- Entries, addressed by (log, index). leaf_hash = SHA-256(0x00 || body).
CREATE TABLE tlog_entry (
  log_id    integer NOT NULL REFERENCES tlog_log (id),
  idx       bigint  NOT NULL CHECK (idx >= 0),
  leaf_hash bytea   NOT NULL CHECK (length(leaf_hash) = 32),
  body      bytea   NOT NULL CHECK (length(body) <= 65535),
  PRIMARY KEY (log_id, idx)
);
-- Exact deduplication at any log size.
CREATE UNIQUE INDEX tlog_entry_leaf_hash ON tlog_entry (log_id, leaf_hash);

-- C2SP tlog-tiles hash tiles. One row per (level, index); a partial tile grows in place and
-- a tile served at width W is the first W hashes (tiles never change below their width).
CREATE TABLE tlog_tile (
  log_id integer  NOT NULL REFERENCES tlog_log (id),
  level  smallint NOT NULL CHECK (level BETWEEN 0 AND 7),
  idx    bigint   NOT NULL CHECK (idx >= 0),
  hashes bytea    NOT NULL CHECK (length(hashes) BETWEEN 32 AND 8192 AND length(hashes) % 32 = 0),
  PRIMARY KEY (log_id, level, idx)
);

-- Submissions received by a process that does not hold the sequencing lease; the lease
-- holder integrates them and deletes them in the same transaction.
CREATE TABLE tlog_pending (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  log_id     integer     NOT NULL REFERENCES tlog_log (id),
  leaf_hash  bytea       NOT NULL,
  body       bytea       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tlog_pending_log ON tlog_pending (log_id, id);
