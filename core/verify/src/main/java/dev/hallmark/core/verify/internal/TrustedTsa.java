package dev.hallmark.core.verify.internal;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformationVerifier;

/**
 * A timestamp authority with what checking its tokens needs, built once: its signing certificate
 * and a CMS signer verifier over that certificate's key (so BouncyCastle converts the key and
 * precomputes its multiples once, not per token).
 *
 * @param authority the authority and its chain (signing certificate first)
 * @param leaf the signing certificate
 * @param cmsVerifier verifies SignerInfos made with the signing certificate's key
 */
public record TrustedTsa(
    TrustedAuthority authority,
    X509CertificateHolder leaf,
    SignerInformationVerifier cmsVerifier) {}
