package dev.hallmark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.ct.SctVerifier;
import dev.hallmark.core.ct.TrustedCtLog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a sampled 201 answer of {@code POST /api/v2/signingCert} as a Sigstore client would: the
 * chain parses, the leaf is signed by the next certificate and certifies the request's key, it
 * carries the SCT list extension, and every embedded SCT verifies with the CT log's key (core/ct's
 * {@link SctVerifier}, threshold 1).
 */
final class CertificateCheck implements AnswerCheck {
  /** RFC 6962 embedded SCT list extension. */
  static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<TrustedCtLog> ctLogs;
  private final SctVerifier scts = new SctVerifier(1);

  /**
   * @param ctLogKeyPem the CT log's public key (PEM, as in {@code <data-dir>/ctlog.pub})
   */
  CertificateCheck(String ctLogKeyPem) throws Exception {
    byte[] der = PublicKeys.parsePemBlocks(ctLogKeyPem, "PUBLIC KEY").get(0);
    ctLogs =
        List.of(
            TrustedCtLog.of(
                der, KeyDetails.PKIX_ECDSA_P256_SHA_256, Instant.EPOCH, /* validTo= */ null));
  }

  @Override
  public String what() {
    return "chain, leaf signature, key or embedded SCT";
  }

  @Override
  public void check(byte[] request, byte[] answer) throws Exception {
    JsonNode certs =
        JSON.readTree(answer)
            .path("signedCertificateEmbeddedSct")
            .path("chain")
            .path("certificates");
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    for (JsonNode pem : certs) {
      chain.add(
          (X509Certificate)
              factory.generateCertificate(
                  new ByteArrayInputStream(pem.asText().getBytes(StandardCharsets.US_ASCII))));
    }
    if (chain.size() < 2) {
      throw new IllegalStateException("chain of " + chain.size() + " certificate(s)");
    }
    X509Certificate leaf = chain.get(0);
    leaf.verify(chain.get(1).getPublicKey());
    String keyPem =
        JSON.readTree(request).path("publicKeyRequest").path("publicKey").path("content").asText();
    byte[] spki = PublicKeys.parsePemBlocks(keyPem, "PUBLIC KEY").get(0);
    if (!Arrays.equals(leaf.getPublicKey().getEncoded(), spki)) {
      throw new IllegalStateException("the leaf certifies another key than the request's");
    }
    if (leaf.getExtensionValue(SCT_LIST_OID) == null) {
      throw new IllegalStateException("no embedded SCT list extension");
    }
    scts.verify(leaf, chain.get(1), ctLogs);
  }
}
