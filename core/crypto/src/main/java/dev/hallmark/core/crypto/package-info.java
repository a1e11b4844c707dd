/**
 * Key parsing, signature verification and signing for Hallmark.
 *
 * <p>Entry points: {@link dev.hallmark.core.crypto.PublicKeys} (SPKI, certificates, PEM), {@link
 * dev.hallmark.core.crypto.Verifiers} (fast, reusable, thread-safe verifiers built on the
 * BouncyCastle lightweight API), {@link dev.hallmark.core.crypto.Signers} and {@link
 * dev.hallmark.core.crypto.PrivateKeys}. Key types and sizes are named by Sigstore's {@link
 * dev.hallmark.core.crypto.KeyDetails}. No class registers a security provider or keeps mutable
 * static state; everything in {@code internal} is an implementation detail.
 */
package dev.hallmark.core.crypto;
