/**
 * Sigstore bundles (v0.1 to v0.3), trusted roots and signing configs in protobuf JSON, read into
 * records that validate themselves.
 *
 * <p>Entry points: {@link dev.hallmark.core.bundle.Bundle#parse}, {@link
 * dev.hallmark.core.bundle.TrustedRoot#parse} and {@link
 * dev.hallmark.core.bundle.SigningConfig#parse} and {@link
 * dev.hallmark.core.bundle.ClientTrustConfig#parse}; each throws {@link
 * dev.hallmark.core.bundle.BundleFormatException} naming the malformed field. Parsing checks form
 * only; {@code dev.hallmark.core.verify} checks meaning.
 */
package dev.hallmark.core.bundle;
