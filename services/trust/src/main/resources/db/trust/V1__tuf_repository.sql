-- The TUF repository of the trust root: every published file by its repository path
-- ("1.root.json", "timestamp.json", "3.snapshot.json", "targets/<sha256>.trusted_root.json").
-- Versioned paths are written once; only timestamp.json is replaced. A change (new targets,
-- re-signing, root rotation) is one transaction under an advisory lock, so replicas never
-- interleave two writers and readers never see half a change.
CREATE TABLE tuf_file (
  path        text PRIMARY KEY,
  content     bytea NOT NULL,
  published   timestamptz NOT NULL DEFAULT now()
);
