-- The analyzer's store: SBOMs and advisories as ingested documents, their packages, graph and
-- affected products. Ingesting one document is one transaction; the rows of a document's parts
-- point at analyzer_document through DEFERRABLE foreign keys, so the document row (whose unique
-- sha256 decides deduplication) can be written last, once its metadata is known.

CREATE TABLE analyzer_document (
  id            uuid PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('sbom', 'advisory')),
  sha256        text NOT NULL UNIQUE,          -- of the bytes as uploaded (possibly compressed)
  content       bytea NOT NULL,                -- the original bytes, served by download
  size          bigint NOT NULL,
  format        text NOT NULL,                 -- SPDX_2_JSON, CYCLONEDX_XML, CSAF, OSV, CVE...
  spec_version  text NOT NULL,
  document_id   text,                          -- declared id: SPDX namespace, serial, advisory id
  name          text NOT NULL,
  labels        jsonb NOT NULL DEFAULT '{}',
  ingested      timestamptz NOT NULL,
  published     text,
  item_count    integer NOT NULL DEFAULT 0      -- packages of an SBOM, vulnerabilities of an advisory
);
CREATE INDEX analyzer_document_kind_ingested ON analyzer_document (kind, ingested);
CREATE INDEX analyzer_document_labels ON analyzer_document USING gin (labels);

-- Package identities shared by all documents: a canonical purl with its parts, and its base
-- (type/namespace/name) and versioned forms for reverse look-ups at those levels.
CREATE TABLE analyzer_purl (
  id          bigserial PRIMARY KEY,
  purl        text NOT NULL UNIQUE,
  type        text NOT NULL,
  namespace   text,
  name        text NOT NULL,
  version     text,
  qualifiers  jsonb NOT NULL DEFAULT '{}',
  base        text NOT NULL,
  versioned   text NOT NULL
);
CREATE INDEX analyzer_purl_base ON analyzer_purl (base);
CREATE INDEX analyzer_purl_versioned ON analyzer_purl (versioned);

CREATE TABLE analyzer_cpe (
  id        bigserial PRIMARY KEY,
  cpe       text NOT NULL UNIQUE,              -- CPE 2.3 formatted string
  part      text NOT NULL,
  vendor    text NOT NULL,
  product   text NOT NULL,
  version   text NOT NULL
);
CREATE INDEX analyzer_cpe_product ON analyzer_cpe (vendor, product);

-- An SBOM's packages, numbered in document order.
CREATE TABLE sbom_package (
  sbom      uuid NOT NULL REFERENCES analyzer_document (id) ON DELETE CASCADE
              DEFERRABLE INITIALLY DEFERRED,
  node      integer NOT NULL,
  ref       text,
  kind      text,
  pkg_group text,
  name      text NOT NULL,
  version   text,
  supplier  text,
  licenses  text,
  PRIMARY KEY (sbom, node)
);
CREATE INDEX sbom_package_ref ON sbom_package (sbom, ref);

CREATE TABLE sbom_package_purl (
  sbom      uuid NOT NULL,
  node      integer NOT NULL,
  purl      bigint NOT NULL REFERENCES analyzer_purl (id),
  PRIMARY KEY (sbom, node, purl),
  FOREIGN KEY (sbom, node) REFERENCES sbom_package (sbom, node) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX sbom_package_purl_purl ON sbom_package_purl (purl);

CREATE TABLE sbom_package_cpe (
  sbom      uuid NOT NULL,
  node      integer NOT NULL,
  cpe       bigint NOT NULL REFERENCES analyzer_cpe (id),
  PRIMARY KEY (sbom, node, cpe),
  FOREIGN KEY (sbom, node) REFERENCES sbom_package (sbom, node) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX sbom_package_cpe_cpe ON sbom_package_cpe (cpe);

-- The relationship graph as the document states it, between element refs.
CREATE TABLE sbom_relationship (
  sbom      uuid NOT NULL REFERENCES analyzer_document (id) ON DELETE CASCADE
              DEFERRABLE INITIALLY DEFERRED,
  seq       integer NOT NULL,
  from_ref  text NOT NULL,
  type      text NOT NULL,
  to_ref    text NOT NULL,
  PRIMARY KEY (sbom, seq)
);
CREATE INDEX sbom_relationship_from ON sbom_relationship (sbom, from_ref);
CREATE INDEX sbom_relationship_to ON sbom_relationship (sbom, to_ref);

-- The vulnerabilities an advisory speaks about, with their aliases.
CREATE TABLE advisory_vulnerability (
  advisory      uuid NOT NULL REFERENCES analyzer_document (id) ON DELETE CASCADE
                  DEFERRABLE INITIALLY DEFERRED,
  vulnerability text NOT NULL,                 -- CVE id, or the advisory's own id
  title         text,
  cwe           text,
  aliases       text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (advisory, vulnerability)
);
CREATE INDEX advisory_vulnerability_id ON advisory_vulnerability (vulnerability);
CREATE INDEX advisory_vulnerability_aliases ON advisory_vulnerability USING gin (aliases);

-- What an advisory says about a product: its status for one vulnerability, identified by a purl,
-- a CPE, a hash or (when it gives nothing machine-readable) the text it gives, in a product
-- context (CSAF relationship target) when there is one.
CREATE TABLE advisory_product (
  advisory      uuid NOT NULL REFERENCES analyzer_document (id) ON DELETE CASCADE
                  DEFERRABLE INITIALLY DEFERRED,
  seq           integer NOT NULL,
  vulnerability text NOT NULL,
  status        text NOT NULL,
  product_id    text,                          -- CSAF product id
  context       text,                          -- CSAF product id of the context
  purl          bigint REFERENCES analyzer_purl (id),
  cpe           bigint REFERENCES analyzer_cpe (id),
  identifier    text NOT NULL,                 -- canonical purl / CPE, hash, or the text given
  PRIMARY KEY (advisory, seq)
);
CREATE INDEX advisory_product_purl ON advisory_product (purl);
CREATE INDEX advisory_product_cpe ON advisory_product (cpe);
