-- The elements an SBOM says it describes (SPDX DESCRIBES / documentDescribes, SPDX 3 root
-- elements, the CycloneDX metadata component), by ref: the roots /sbom/{id}/related starts from.
-- Documents stored before this migration have none recorded; their roots are the packages no
-- relationship points to.
ALTER TABLE analyzer_document ADD COLUMN describes text[] NOT NULL DEFAULT '{}';
