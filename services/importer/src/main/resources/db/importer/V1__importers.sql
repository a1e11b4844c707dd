-- Importers: definitions, the runner's lease and state, per-document continuation, run reports.

CREATE TABLE importer (
    name          text PRIMARY KEY,
    configuration jsonb       NOT NULL,   -- {"<kind>": {source, period, disabled, labels, ...}}
    revision      bigint      NOT NULL,   -- the ETag; +1 on every change of the configuration
    force         boolean     NOT NULL DEFAULT false,
    lease_holder  text,                   -- the process running it now
    lease_until   timestamptz,            -- the run is abandoned (and may be taken over) after this
    heartbeat     timestamptz,            -- last sign of life of the running process
    progress      text,                   -- what the running process is doing
    last_run      timestamptz,            -- start of the last run that ended (any outcome)
    last_success  timestamptz,            -- start of the last run that completed its walk
    last_error    text                    -- run-level error of the last run, null if none
);

-- What was done per document: the marker (timestamp, modified date, size/mtime/digest) the
-- source had when the document was last stored, found duplicate or refused. A rerun skips a
-- document whose marker is unchanged; a failed document has no row and is tried again.
CREATE TABLE importer_item (
    importer text NOT NULL REFERENCES importer (name) ON DELETE CASCADE,
    item     text NOT NULL,
    marker   text NOT NULL,
    PRIMARY KEY (importer, item)
);

CREATE TABLE importer_report (
    id        bigserial PRIMARY KEY,
    importer  text        NOT NULL REFERENCES importer (name) ON DELETE CASCADE,
    started   timestamptz NOT NULL,
    finished  timestamptz NOT NULL,
    outcome   text        NOT NULL,       -- completed | failed | interrupted
    stored    integer     NOT NULL,
    duplicate integer     NOT NULL,
    rejected  integer     NOT NULL,
    failed    integer     NOT NULL,
    skipped   integer     NOT NULL,
    error     text,
    messages  jsonb       NOT NULL        -- [{document, outcome, message}], bounded
);

CREATE INDEX importer_report_by_importer ON importer_report (importer, id DESC);
