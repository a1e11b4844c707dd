/** Verification of Sigstore artifacts: transparency-log entries (bundles follow). */
package dev.hallmark.core.verify;
