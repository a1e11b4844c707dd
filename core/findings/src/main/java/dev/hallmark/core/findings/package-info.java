/**
 * Exact, explainable correlation of SBOM components with advisories: {@link
 * dev.hallmark.core.findings.Correlator} turns components (package URL and/or CPE) and CSAF, OSV
 * and CVE 5 advisories into {@link dev.hallmark.core.findings.Finding}s with their {@link
 * dev.hallmark.core.findings.Evidence}. Used offline by {@code hallmark scan} and by the analyzer.
 */
package dev.hallmark.core.findings;
