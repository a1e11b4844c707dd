/**
 * Software bills of materials: {@link dev.hallmark.core.sbom.SbomReader} reads SPDX 2.2/2.3 (JSON,
 * tag-value), SPDX 3.0 JSON-LD and CycloneDX 1.3–1.6 (JSON, XML), plain or gzip/bzip2/xz/zstd
 * compressed, into one model: {@link dev.hallmark.core.sbom.SbomPackage} (purls, CPEs, hashes,
 * licenses, supplier, references, ML {@link dev.hallmark.core.sbom.ModelCard}s, {@link
 * dev.hallmark.core.sbom.CryptoAsset}s), {@link dev.hallmark.core.sbom.SbomFile}, {@link
 * dev.hallmark.core.sbom.Relationship}, {@link dev.hallmark.core.sbom.SbomService}, CycloneDX VEX
 * statements ({@link dev.hallmark.core.sbom.SbomVulnerability}) and {@link
 * dev.hallmark.core.sbom.SbomMetadata}.
 *
 * <p>Large documents stream through an {@link dev.hallmark.core.sbom.SbomSink}; small ones can be
 * read whole into an {@link dev.hallmark.core.sbom.SbomDocument}. {@link
 * dev.hallmark.core.sbom.SbomLimits} bound size, compression ratio and depth. Untrusted input that
 * is not accepted throws {@link dev.hallmark.core.sbom.SbomFormatException} naming what was wrong.
 */
package dev.hallmark.core.sbom;
