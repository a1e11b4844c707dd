-- File digests of an SBOM's packages (CycloneDX hashes, SPDX checksums), normalised as
-- "algorithm:hex" (core/match FileDigest): CSAF products identified only by their hashes match
-- the packages with the same digest (match key "hash:<algorithm>:<hex>"). Written by the ingest
-- of the SBOM and deleted with it, like the package rows (no foreign key, see V2).
CREATE TABLE sbom_package_hash (
  sbom    uuid NOT NULL,
  node    integer NOT NULL,
  digest  text NOT NULL,
  PRIMARY KEY (sbom, node, digest)
);
CREATE INDEX sbom_package_hash_digest ON sbom_package_hash (digest, sbom);

-- Advisories stored before this migration have no hash keys: drop the keys of those naming a
-- product without purl or CPE (hash- or name-only products) and let the worker index them again
-- ('#index' re-indexes advisories without keys, then re-correlates what shares them). SBOMs stored
-- before it have no digests recorded and are matched by purl and CPE only.
DELETE FROM advisory_key k
 WHERE k.advisory IN (SELECT DISTINCT advisory FROM advisory_product
                       WHERE purl IS NULL AND cpe IS NULL);
INSERT INTO finding_work (key) VALUES ('#index');
