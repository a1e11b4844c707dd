/**
 * Scheduled, resumable importers that feed SBOMs and advisories into a {@link
 * dev.hallmark.importer.DocumentSink}: a local directory, a CSAF provider (provider metadata,
 * {@code changes.csv}, ROLIE feeds), an OSV export zip and a CVE record tree. Definitions, the run
 * lease, per-document continuation and run reports live in PostgreSQL. The entry points are {@link
 * dev.hallmark.importer.Importers} (definitions, runs, reports) and {@link
 * dev.hallmark.importer.ImportRunner} (the scheduler).
 */
package dev.hallmark.importer;
