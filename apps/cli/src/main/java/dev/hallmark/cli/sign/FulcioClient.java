package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Fulcio v2 over REST: {@code POST <ca>/api/v2/signingCert} with the ID token, the public key (PEM)
 * and a proof of possession (the key's signature over the token's email or subject). The answer
 * must carry an embedded SCT; the chain comes back leaf first.
 */
final class FulcioClient {
  private final ServiceHttp http;

  FulcioClient(ServiceHttp http) {
    this.http = http;
  }

  /** The certificate chain (leaf first) the CA issues for {@code signer}'s key. */
  List<X509Certificate> issue(URI ca, IdToken token, Signer signer) throws ServiceException {
    ObjectNode req = http.mapper().createObjectNode();
    req.putObject("credentials").put("oidcIdentityToken", token.jwt());
    ObjectNode keyRequest = req.putObject("publicKeyRequest");
    ObjectNode key = keyRequest.putObject("publicKey");
    key.put("algorithm", "ECDSA");
    key.put("content", PublicKeys.pem("PUBLIC KEY", signer.publicKey().getEncoded()));
    byte[] pop = signer.sign(token.challenge().getBytes(StandardCharsets.UTF_8));
    keyRequest.put("proofOfPossession", Base64.getEncoder().encodeToString(pop));
    String base = ca.toString().replaceAll("/+$", "");
    JsonNode answer =
        http.postJson(
            "certificate authority",
            URI.create(base + "/api/v2/signingCert"),
            req,
            Set.of(200, 201));
    JsonNode certs = answer.path("signedCertificateEmbeddedSct").path("chain").path("certificates");
    if (!certs.isArray() || certs.isEmpty()) {
      throw new ServiceException(
          "the certificate authority answered no certificate with an embedded SCT"
              + (answer.has("signedCertificateDetachedSct") ? " (only a detached SCT)" : ""));
    }
    List<X509Certificate> chain = new ArrayList<>();
    try {
      for (JsonNode pem : certs) {
        List<byte[]> der = PublicKeys.parsePemBlocks(pem.asText(), "CERTIFICATE");
        for (byte[] d : der) {
          chain.add(PublicKeys.parseCertificate(d));
        }
      }
    } catch (KeyParseException e) {
      throw new ServiceException(
          "the certificate authority answered a bad certificate: " + e.getMessage(), e);
    }
    if (chain.isEmpty()
        || !java.util.Arrays.equals(
            chain.get(0).getPublicKey().getEncoded(), signer.publicKey().getEncoded())) {
      throw new ServiceException("the certificate authority certified another key than ours");
    }
    return chain;
  }
}
