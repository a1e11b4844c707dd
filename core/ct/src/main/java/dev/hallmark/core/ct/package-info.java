/**
 * Certificate Transparency (RFC 6962) as a Sigstore CA, CT log and verifier share it.
 *
 * <ul>
 *   <li>{@link dev.hallmark.core.ct.SignedCertificateTimestamp} and {@link
 *       dev.hallmark.core.ct.SctList}: the TLS wire forms and the X.509 SCT list extension;
 *   <li>{@link dev.hallmark.core.ct.Precertificates}: poison / SCT list transformations of a
 *       TBSCertificate that keep the extension order;
 *   <li>{@link dev.hallmark.core.ct.SignedData} and {@link dev.hallmark.core.ct.MerkleTreeLeaf}:
 *       what the log signs and what it stores, for {@link dev.hallmark.core.ct.X509Entry} and
 *       {@link dev.hallmark.core.ct.PrecertEntry};
 *   <li>{@link dev.hallmark.core.ct.SctSigner} and {@link dev.hallmark.core.ct.SctVerifier} over
 *       {@link dev.hallmark.core.ct.TrustedCtLog}s.
 * </ul>
 *
 * <p>Decoders of untrusted bytes throw only {@link dev.hallmark.core.ct.CtFormatException};
 * verification throws only {@link dev.hallmark.core.ct.SctVerificationException}.
 */
package dev.hallmark.core.ct;
