-- Measured on a 265 MB, 400,000-package SPDX document (bench/AnalyzerIngestBench):
--
-- 1. Documents are kept as uploaded (often already gzip/xz compressed); TOAST's pglz pass over
--    hundreds of MB cost about 4 s per large SBOM. Keep them out of line but uncompressed.
-- 2. The foreign keys from an SBOM's package, link and edge rows queued one deferred check per
--    row (about 1.6 million for that document, about 3 s). These rows are only ever written by
--    the ingest transaction that writes their document and removed by the delete transaction
--    that removes it (Analyzer.delete), so the keys are dropped; the purl and CPE keys, checked
--    at once, stay. Advisories are small and keep theirs.
ALTER TABLE analyzer_document ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE sbom_package_purl DROP CONSTRAINT sbom_package_purl_sbom_node_fkey;
ALTER TABLE sbom_package_cpe DROP CONSTRAINT sbom_package_cpe_sbom_node_fkey;
ALTER TABLE sbom_relationship DROP CONSTRAINT sbom_relationship_sbom_fkey;
ALTER TABLE sbom_package DROP CONSTRAINT sbom_package_sbom_fkey;
