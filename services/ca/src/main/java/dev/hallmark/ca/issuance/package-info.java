/**
 * The issuing half of Hallmark's Fulcio-compatible CA: the CA key ({@link
 * dev.hallmark.ca.issuance.CaKeys}: PKCS#8 file, memory, or a PKCS#11 token through {@link
 * dev.hallmark.ca.issuance.Pkcs11Token}), the CA chain ({@link dev.hallmark.ca.issuance.CaChain}:
 * configured, or a root and intermediate generated on first start), the leaf profile ({@link
 * dev.hallmark.ca.issuance.CertificateProfile}, spec §2.6–2.7) and the precertificate → SCT → final
 * certificate flow ({@link dev.hallmark.ca.issuance.Issuer} with an {@link
 * dev.hallmark.ca.issuance.SctSource}, spec §3).
 *
 * <p>Input comes from the identity package: {@link
 * dev.hallmark.ca.issuance.CertificateSubject#of(dev.hallmark.ca.identity.Principal)}. Client
 * mistakes throw {@link dev.hallmark.ca.issuance.RequestRejectedException}, CA-side failures {@link
 * dev.hallmark.ca.issuance.IssuanceException}; no certificate is returned in either case. Clock and
 * randomness are constructor parameters. Classes under {@code internal} are not API.
 */
package dev.hallmark.ca.issuance;
