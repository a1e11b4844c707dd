/**
 * The analyzer service's storage: SBOMs and advisories ingested into PostgreSQL, each document in
 * one transaction, deduplicated by SHA-256, and served back as pages. The entry point is {@link
 * dev.hallmark.analyzer.Analyzer}.
 */
package dev.hallmark.analyzer;
