/**
 * Package identity and version semantics for exact vulnerability matching.
 *
 * <p>{@link dev.hallmark.core.match.PackageUrl} parses, builds and normalises package URLs
 * (ECMA-427 with the purl-spec type rules); {@link dev.hallmark.core.match.Cpe} reads CPE 2.3
 * formatted strings and 2.2 URIs and matches them (NISTIR 7696). {@link
 * dev.hallmark.core.match.VersionScheme} is one ecosystem's version ordering; {@link
 * dev.hallmark.core.match.VersionSchemes} finds the scheme for a purl type or OSV ecosystem. {@link
 * dev.hallmark.core.match.VersRange} is a {@code vers} range (strict and lenient readers,
 * containment), {@link dev.hallmark.core.match.NativeRanges} converts ecosystem range syntax to
 * {@code vers}, and {@link dev.hallmark.core.match.OsvRanges} evaluates OSV ranges as the OSV
 * schema defines. Parsers of untrusted input throw {@link dev.hallmark.core.match.PurlException},
 * {@link dev.hallmark.core.match.CpeException}, {@link dev.hallmark.core.match.VersionException} or
 * {@link dev.hallmark.core.match.RangeException} with a message naming what was wrong.
 */
package dev.hallmark.core.match;
