-- Materialised findings and the work queue that keeps them current (issue 8).
--
-- sbom_finding holds one row per (SBOM, package node, vulnerability): the effective status the
-- correlator (core/findings) decided from every current advisory sharing a match key with the
-- package, the advisory document whose statement decided it, and that statement's evidence plus
-- the overridden ones. Rows are written only by the findings worker and by Analyzer.delete, both
-- under the SBOM's advisory lock (see FindingsWorker), so they carry no foreign keys.
--
-- finding_work is the queue. Items are written in the same transaction as the ingest or delete
-- that causes them, and deleted in the same transaction as the findings they ask for are written:
--   (sbom = S, key = '')        correlate every package of SBOM S
--   (sbom = nil, key = K)       every SBOM with a package having match key K (fanned out into
--                               (S, K) items by the worker)
--   (sbom = S, key = K)         the packages of S having key K
--   (sbom = nil, key = '#index') index the match keys of advisories stored before this migration

-- An advisory's own revision date (CSAF current_release_date, OSV modified): of several stored
-- documents with the same document_id, the newest by (revised, ingested, id) is current; the
-- others stay stored but no longer take part in correlation.
ALTER TABLE analyzer_document ADD COLUMN revised timestamptz;
CREATE INDEX analyzer_document_advisory_id ON analyzer_document (document_id)
  WHERE kind = 'advisory';

-- "packages of SBOM S having purl base B": by purl, then SBOM (replaces the purl-only indexes)
CREATE INDEX sbom_package_purl_purl_sbom ON sbom_package_purl (purl, sbom);
DROP INDEX sbom_package_purl_purl;
CREATE INDEX sbom_package_cpe_cpe_sbom ON sbom_package_cpe (cpe, sbom);
DROP INDEX sbom_package_cpe_cpe;

-- The match keys (core/findings MatchKeys) of every product an advisory names.
CREATE TABLE advisory_key (
  advisory  uuid NOT NULL REFERENCES analyzer_document (id) ON DELETE CASCADE
              DEFERRABLE INITIALLY DEFERRED,
  key       text NOT NULL,
  PRIMARY KEY (advisory, key)
);
CREATE INDEX advisory_key_key ON advisory_key (key, advisory);

CREATE TABLE sbom_finding (
  sbom           uuid NOT NULL,
  node           integer NOT NULL,
  vulnerability  text NOT NULL,                -- CVE id when known, else the advisory's own id
  status         text NOT NULL CHECK (status IN
                   ('affected', 'not_affected', 'fixed', 'under_investigation')),
  justification  text,
  severity       text,
  score          double precision,
  aliases        text[] NOT NULL DEFAULT '{}',
  advisory       uuid NOT NULL,                -- the stored document whose statement decided
  evidence       jsonb NOT NULL,
  overridden     jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (sbom, node, vulnerability)
);
-- "which SBOMs does V affect": by id, or by alias (GHSA, OSV ids) through the GIN index
CREATE INDEX sbom_finding_vulnerability ON sbom_finding (vulnerability, sbom);
CREATE INDEX sbom_finding_aliases ON sbom_finding USING gin (aliases);

CREATE TABLE finding_work (
  id        bigserial PRIMARY KEY,
  sbom      uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
  key       text NOT NULL DEFAULT '',
  enqueued  timestamptz NOT NULL DEFAULT now(),
  CHECK (sbom <> '00000000-0000-0000-0000-000000000000' OR key <> '')
);
CREATE INDEX finding_work_target ON finding_work (key, sbom);

-- Documents stored before this migration: the worker indexes the advisories' keys (which needs
-- their parsed form) and then re-correlates those keys; every stored SBOM is correlated too.
INSERT INTO finding_work (key) VALUES ('#index');
INSERT INTO finding_work (sbom) SELECT id FROM analyzer_document WHERE kind = 'sbom';
