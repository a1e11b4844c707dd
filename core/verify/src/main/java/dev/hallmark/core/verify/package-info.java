/**
 * Verification of Sigstore bundles ({@link dev.hallmark.core.verify.BundleVerifier} with a {@link
 * dev.hallmark.core.verify.VerificationPolicy}) and of single transparency-log entries ({@link
 * dev.hallmark.core.verify.LogEntryVerifier}). Everything in {@code internal} is an implementation
 * detail.
 */
package dev.hallmark.core.verify;
