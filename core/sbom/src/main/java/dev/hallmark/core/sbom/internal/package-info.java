/**
 * Parsers behind {@link dev.hallmark.core.sbom.SbomReader}: decompression and limits, format
 * sniffing, one streaming parser per encoding, and the collector that builds an in-memory document.
 */
package dev.hallmark.core.sbom.internal;
